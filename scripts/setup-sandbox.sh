#!/bin/sh
# Install the system tools the sandbox backends use (bubblewrap, podman + runc, uidmap).
# Idempotent and never fails: without root, apt-get or network it says what is missing and exits 0;
# `bastion sandbox doctor` then shows which backends are available, and the tests for a missing
# backend skip with the reason. The fallback backend needs only the Python packages of the
# `sandbox` extra (pip install 'bastion-guard[sandbox]').
set -u
want="bubblewrap podman runc uidmap"
missing=""
for pkg in $want; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $pkg"
    fi
done
if [ -z "$missing" ]; then
    echo "setup-sandbox: all sandbox packages present ($want)"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup-sandbox: no apt-get; install these with your package manager:$missing" >&2
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "setup-sandbox: not root; run: sudo apt-get install -y$missing" >&2
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y -q $missing >/dev/null 2>&1; then
    if timeout 120 apt-get update -q >/dev/null 2>&1; then
        apt-get install -y -q $missing >/dev/null 2>&1 || true
    fi
fi
still=""
for pkg in $missing; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || still="$still $pkg"
done
if [ -n "$still" ]; then
    echo "setup-sandbox: could not install:$still (offline?); those backends will be skipped" >&2
else
    echo "setup-sandbox: installed:$missing"
fi
exit 0
