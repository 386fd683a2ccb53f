"""A count with its noun: '1 day', '2 days', '1,204 resources'."""

from __future__ import annotations


def counted(count: int, word: str) -> str:
    """The count (thousands separated) and word, with an s unless the count is 1."""
    return f"{count:,} {word}" if count == 1 else f"{count:,} {word}s"
