"""The shapes read by hand (no `re` on a quick log) against the regular expressions they
replaced: the same yes or no for every generated text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from diary.domain import values
from diary.domain.stored import _day_shape, _moment_shape

WHOLE = re.compile(r"\s*[+-]?\d{1,9}\s*", re.ASCII)
DECIMAL = re.compile(r"\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*", re.ASCII)
DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
MOMENT = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?([+-]\d{2}:\d{2}|Z)", re.ASCII
)

# Characters that matter to the shapes, and look-alikes that must not pass: other
# scripts' digits, a no-break space, a full-width plus.
NUMBER_TEXT = st.text(
    st.sampled_from([*" \t\n\r\f\v+-.0123456789e_", "٣", "\u00a0", "＋", "¹"]),
    max_size=14,
)
PIECES = st.sampled_from(
    ["2026-11-20", "2026-1-20", "٢٠٢٦-11-20", "T", " ", "t", "09:30", "9:30", ":00", ":0",
     ".5", ".123456", ".1234567", ".", "+01:00", "-12:00", "Z", "+0100", "+1:00", "0", ":",
     "-", "+", "\n", "12"]
)  # fmt: skip
ISO_TEXT = st.lists(PIECES, max_size=7).map("".join)


@settings(max_examples=3000, deadline=None)
@given(NUMBER_TEXT)
def test_a_number_is_read_as_the_expressions_read_it(text: str) -> None:
    assert values._whole_number_text(text) == bool(WHOLE.fullmatch(text))
    assert values._decimal_text(text) == bool(DECIMAL.fullmatch(text))


@settings(max_examples=3000, deadline=None)
@given(ISO_TEXT)
def test_a_stored_day_or_moment_is_read_as_the_expressions_read_it(text: str) -> None:
    assert _day_shape(text) == bool(DAY.fullmatch(text))
    assert _moment_shape(text) == bool(MOMENT.fullmatch(text))


def test_the_shapes_on_their_edges() -> None:
    assert values._whole_number_text(" -123456789 ")
    assert not values._whole_number_text("1234567890")  # ten digits
    assert not values._whole_number_text("٣")  # a digit, but not 0-9
    assert values._decimal_text("7.") and values._decimal_text(".5")
    assert not values._decimal_text(".") and not values._decimal_text("1.2.3")
    assert _moment_shape("2026-11-20T09:30:00.123456+01:00")
    assert not _moment_shape("2026-11-20T09:30:00.1234567+01:00")
    assert not _moment_shape("2026-11-20T09:30")  # no offset
    assert _moment_shape("2026-11-20 09:30Z")
