from __future__ import annotations

import importlib

import bastion


def test_all_is_complete_and_importable() -> None:
    for name in bastion.__all__:
        assert hasattr(bastion, name), name
    public = {n for n in dir(bastion) if not n.startswith("_")}
    modules = {n for n in public if isinstance(getattr(bastion, n), type(importlib))}
    missing = public - set(bastion.__all__) - modules
    assert not missing, f"public names not in __all__: {sorted(missing)}"


def test_version_is_a_string() -> None:
    assert isinstance(bastion.__version__, str) and bastion.__version__.count(".") == 2
