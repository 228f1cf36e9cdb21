"""clean_text: newlines, NUL bytes and invisible characters."""

from __future__ import annotations

from forcewatch.text.clean import clean_line, clean_text


def test_crlf_and_lone_cr_become_newlines() -> None:
    assert clean_text("One\r\nTwo\rThree").text == "One\nTwo\nThree"


def test_nul_bytes_are_removed_and_counted() -> None:
    cleaned = clean_text("Market\x00 day\x00")
    assert (cleaned.text, cleaned.nul_count) == ("Market day", 2)


def test_zero_width_and_soft_hyphen_are_removed() -> None:
    assert clean_text("news\u200bpaper re\u00adport\ufeff").text == "newspaper report"


def test_no_break_spaces_become_spaces_and_trailing_spaces_go() -> None:
    assert clean_text("12\u00a0km away  \nnext line\t").text == "12 km away\nnext line"


def test_zero_width_joiner_is_kept() -> None:
    assert clean_text("a\u200db").text == "a\u200db"


def test_blank_paragraph_lines_are_kept() -> None:
    assert clean_text("\n\nFirst.\n\nSecond.\n\n").text == "First.\n\nSecond."


def test_clean_line_collapses_whitespace() -> None:
    assert clean_line("  Ferry\n service   cut ") == "Ferry service cut"
