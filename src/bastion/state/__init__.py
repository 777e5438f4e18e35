"""Shared state behind one small async protocol: counters, buckets, flags, approvals."""

from bastion.state._base import ApprovalRecord, ApprovalStatus, BucketResult, StateStore
from bastion.state._memory import MemoryStateStore
from bastion.state._sqlite import SqliteStateStore

__all__ = [
    "ApprovalRecord",
    "ApprovalStatus",
    "BucketResult",
    "MemoryStateStore",
    "SqliteStateStore",
    "StateStore",
]
