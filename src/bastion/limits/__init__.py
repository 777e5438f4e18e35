"""Limits on a :class:`~bastion.state.StateStore`: token buckets, circuit breaker with
quarantine, duplicate-action detection and per-session budgets."""

from bastion.limits._limiter import Limiter, QuarantineInfo, fingerprint

__all__ = ["Limiter", "QuarantineInfo", "fingerprint"]
