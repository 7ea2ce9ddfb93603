"""Bytes -> text, for inputs that do not say their encoding (or say it inside an HTML page).

From the most to the least certain:

1. a byte order mark (UTF-8, UTF-16 LE or BE);
2. UTF-16 without a mark, told by NUL bytes in every other position (ASCII letters);
3. valid UTF-8;
4. for HTML, the charset the page declares in its first 4 KB (``<meta charset>``,
   ``http-equiv``, ``<?xml encoding>``); unknown names are ignored;
5. UTF-8 with a few broken bytes (at least as many valid multi-byte characters as broken
   bytes): the broken bytes become U+FFFD;
6. cp1252: Latin-1 plus the printable characters Windows puts at 0x80-0x9F (curly quotes,
   the euro sign, dashes), which is also how browsers read pages labelled Latin-1.

Binary data (NUL bytes or other control characters in what claims to be text) raises
``NotText``. NUL bytes scattered in otherwise good text are dropped.
"""

from __future__ import annotations

import codecs
import re

UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
SNIFF_BYTES = 4096  # how far into a page a charset declaration is looked for
_DECLARED_CHARSET = re.compile(
    rb"<meta[^>]{0,300}?charset\s*=\s*[\"']?\s*([a-z0-9_.:-]{1,40})"
    rb"|<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([a-z0-9_.:-]{1,40})",
    re.IGNORECASE,
)
# WHATWG: pages labelled Latin-1 or ASCII are read as windows-1252
_READ_AS_CP1252 = {"iso8859-1", "latin-1", "ascii"}
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


class NotText(ValueError):
    """The bytes are binary data, not text in any encoding."""


def declared_charset(data: bytes) -> str | None:
    """The Python codec of the charset an HTML page declares near its top, if it is one."""
    match = _DECLARED_CHARSET.search(data[:SNIFF_BYTES])
    if match is None:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii").lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name.startswith(("utf-16", "utf-32")):  # the declaration was readable as ASCII: wrong
        return None
    return "cp1252" if name in _READ_AS_CP1252 else name


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[: SNIFF_BYTES - SNIFF_BYTES % 2]
    if len(sample) < 8 or len(data) % 2:
        return None
    even, odd = sample[0::2].count(0) / (len(sample) / 2), sample[1::2].count(0) / (len(sample) / 2)
    if odd > 0.3 and even < 0.02:
        return "utf-16-le"
    if even > 0.3 and odd < 0.02:
        return "utf-16-be"
    return None


def _check_text(text: str) -> str:
    sample = text[:8192]
    controls = sum(1 for char in sample if char < " " and char not in "\t\n\r\f")
    if controls > len(sample) // 20 + 1:
        raise NotText("the file holds binary data, not text")
    return text.replace("\x00", "")


def decode(data: bytes, *, is_html: bool = False) -> str:
    """The text of an input's bytes; raises ``NotText`` for binary data."""
    if data.startswith(UTF8_BOM):
        return _check_text(data[3:].decode("utf-8", errors="replace"))
    if data.startswith(UTF16_BOMS):
        return _check_text(data.decode("utf-16", errors="replace"))
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _check_text(data.decode(utf16, errors="replace"))
    try:
        return _check_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    sample = data[:4096]
    if sample.count(b"\x00") > len(sample) // 100 + 1:
        raise NotText("the file holds binary data, not text")
    declared = declared_charset(data) if is_html else None
    if declared is not None and declared != "utf-8":
        try:
            text = data.decode(declared, errors="replace")
        except (LookupError, UnicodeError):
            pass  # a codec that cannot decode leniently (idna...): fall through
        else:
            return _check_text(text)
    text = data.decode("utf-8", errors="replace")
    if len(_UTF8_MULTIBYTE.findall(data)) >= text.count("\ufffd"):
        return _check_text(text)
    return _check_text(data.decode("cp1252", errors="replace"))
