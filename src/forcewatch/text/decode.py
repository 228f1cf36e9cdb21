"""Turn raw bytes into text: UTF-8 first, a named fallback otherwise, binary refused."""

from __future__ import annotations

import codecs
import logging
import os

import charset_normalizer

from forcewatch.errors import SourceError

log = logging.getLogger(__name__)

#: how many leading bytes are inspected to tell text from binary
SNIFF_BYTES = 8192
#: share of control bytes (NUL included) above which a sample is binary
MAX_CONTROL_SHARE = 0.05
#: share of NUL bytes above which a sample is binary (a single stray NUL is not)
MAX_NUL_SHARE = 0.01
#: at most this share of the letters may be non-ASCII for a cp1252 guess to stand
MAX_CP1252_NON_ASCII = 0.3

#: control bytes that do not occur in text (tab, newlines, form feed and ESC do)
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20)])
#: how much of a cp1252 decoding is checked for plausibility
CP1252_CHECK_CHARS = 65536
#: non-ASCII characters common in Western news text decoded from cp1252
_CP1252_PLAUSIBLE = frozenset(
    "€‚„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ ¡¢£¤¥§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿×÷"
    + "".join(chr(c) for c in range(0xC0, 0x100))
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def looks_binary(sample: bytes) -> bool:
    """Return True when a byte sample has too many NUL or control bytes to be text."""
    if not sample:
        return False
    nul = sample.count(0)
    control = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    too_many_nul = nul > 1 and nul / len(sample) > MAX_NUL_SHARE
    return too_many_nul or control / len(sample) > MAX_CONTROL_SHARE


def binary_error(path: str | os.PathLike[str]) -> SourceError:
    """Return the error for a file that is not text."""
    return SourceError(
        f"{path}: binary file, not text; pass only text files (.txt, .html, .htm, .jsonl)"
    )


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _plausible_cp1252(text: str) -> bool:
    """Return True when cp1252-decoded text reads like Western-European prose."""
    letters = 0
    non_ascii = 0
    for ch in text[:CP1252_CHECK_CHARS]:
        if ch.isalpha():
            letters += 1
        if ord(ch) > 0x7F:
            if ch not in _CP1252_PLAUSIBLE:
                return False
            non_ascii += 1
    return letters > 0 and non_ascii / letters <= MAX_CP1252_NON_ASCII


def _fallback(data: bytes) -> tuple[str, str] | None:
    """Return (text, encoding) for bytes that are not UTF-8, or None if none fits."""
    text = _try_decode(data, "cp1252")
    if text is not None and _plausible_cp1252(text):
        return text, "cp1252"
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding is None:
        return None
    return str(best), best.encoding


def decode_bytes(
    data: bytes, path: str | os.PathLike[str], declared: str | None = None
) -> tuple[str, str | None]:
    """Return (text, warning) for raw bytes; warning names the fallback encoding used.

    `declared` is an encoding the container states (an HTML meta charset); it is
    trusted, without a warning, when the bytes decode with it.
    Raises SourceError for binary data or bytes no encoding fits.
    """
    bom = _bom_encoding(data)
    if bom is not None:
        text = _try_decode(data, bom)
        if text is not None:
            return text, None
    if looks_binary(data[:SNIFF_BYTES]):
        raise binary_error(path)
    text = _try_decode(data, "utf-8")
    if text is not None:
        return text, None
    if declared:
        text = _try_decode(data, declared)
        if text is not None:
            return text, None
    found = _fallback(data)
    if found is None:
        raise SourceError(
            f"{path}: not valid UTF-8 and no other text encoding fits; "
            "check that it is a text file and save it as UTF-8"
        )
    text, encoding = found
    log.debug("%s: decoded as %s", path, encoding)
    return text, f"not valid UTF-8; decoded as {encoding}"
