"""decode_bytes: UTF-8 first, a named fallback, binary data refused."""

from __future__ import annotations

import codecs

import pytest

from forcewatch.errors import SourceError
from forcewatch.text.decode import decode_bytes, looks_binary


def test_utf8_bytes_decode_without_warning() -> None:
    assert decode_bytes("Kōtare Island ferry".encode(), "a.txt") == ("Kōtare Island ferry", None)


def test_cp1252_bytes_decode_with_named_fallback_warning() -> None:
    data = "The caf\u00e9 owner was \u201cdelighted\u201d \u2014 she said.".encode("cp1252")
    text, warning = decode_bytes(data, "a.txt")
    assert text == "The caf\u00e9 owner was \u201cdelighted\u201d \u2014 she said."
    assert warning == "not valid UTF-8; decoded as cp1252"


def test_declared_encoding_is_trusted_without_warning() -> None:
    data = "Stra\u00dfe gesperrt".encode("latin-1")
    assert decode_bytes(data, "a.html", declared="iso-8859-1") == ("Stra\u00dfe gesperrt", None)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_byte_order_mark_picks_the_encoding(encoding: str) -> None:
    text, warning = decode_bytes("Harbour news".encode(encoding), "a.txt")
    assert (text, warning) == ("Harbour news", None)


def test_utf16_bom_is_not_mistaken_for_binary() -> None:
    data = codecs.BOM_UTF16_LE + "Rain again".encode("utf-16-le")
    assert decode_bytes(data, "a.txt")[0] == "Rain again"


def test_binary_bytes_raise_source_error_naming_the_file() -> None:
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20
    with pytest.raises(SourceError) as err:
        decode_bytes(data, "photo.txt")
    assert str(err.value) == (
        "photo.txt: binary file, not text; pass only text files (.txt, .html, .htm, .jsonl)"
    )


def test_one_stray_nul_in_short_text_is_not_binary() -> None:
    assert looks_binary(b"The market opens on Sunday.\x00") is False


def test_nul_every_few_bytes_is_binary() -> None:
    assert looks_binary(b"ab\x00c" * 50) is True


def test_many_control_bytes_are_binary() -> None:
    assert looks_binary(bytes(range(0, 32)) * 4) is True


def test_empty_sample_is_not_binary() -> None:
    assert looks_binary(b"") is False
