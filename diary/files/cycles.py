"""Python's cycle collector held off while a file is made in one go."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def held_off() -> Iterator[None]:
    """No cycle collection inside (as it was again after): making a report imports and
    builds many small objects (fpdf2's above all), and the collector's passes over them are
    about a twentieth of the time; what cycles are left go at its next pass."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
