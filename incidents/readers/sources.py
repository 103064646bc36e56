"""Getting the bytes of a file or URL within a size limit, and turning them into text.

Arabic sites still serve windows-1256 and Windows tools write BOMs, so bytes are
decoded here, once, the same way for every format: a BOM, then UTF-8, then the
charset the server or the document declares, then charset-normalizer's guess.
"""

from __future__ import annotations

import codecs
import http.client
import re
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path, PurePosixPath

from .base import ReadError

FETCH_TIMEOUT = 30.0
USER_AGENT = "IncidentAtlas/0.1 (news reader)"
_SAMPLE = 8192
_CATCH_ALL = {"iso8859-1", "cp1252"}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_DECLARED = re.compile(rb"""(?:<meta[^>]+charset|<\?xml[^>]+encoding)\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


@dataclass(frozen=True)
class Source:
    """The bytes of one input and what is known of where they came from."""

    name: str
    data: bytes
    path: Path | None = None
    url: str = ""
    content_type: str = ""
    charset: str = ""

    @property
    def stem(self) -> str:
        if self.path is not None:
            return self.path.stem
        parsed = urllib.parse.urlsplit(self.url)
        return PurePosixPath(parsed.path).stem or parsed.hostname or "url"

    @property
    def suffix(self) -> str:
        if self.path is not None:
            return self.path.suffix.lower()
        return PurePosixPath(urllib.parse.urlsplit(self.url).path).suffix.lower()

    @cached_property
    def text(self) -> str:
        """The decoded text; raises ReadError for an empty, binary or undecodable input."""
        return decode(self.data, self.name, declared=self.charset)


def is_url(path: object) -> bool:
    return isinstance(path, str) and path[:8].lower().startswith(("http://", "https://"))


def _size(count: int) -> str:
    return f"{count:,} bytes"


def open_file(path: Path, max_bytes: int, name: str | None = None) -> Source:
    """A local file's bytes; one over `max_bytes` is refused from its size alone, before it is read."""
    name = name or str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ReadError(name, f"file is {_size(size)}, over the limit of {_size(max_bytes)}")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise ReadError(name, "no such file") from None
    except OSError as error:
        raise ReadError(name, f"cannot read: {error.strerror or error}") from None
    if len(data) > max_bytes:  # the file grew while being read
        raise ReadError(name, f"file is over the limit of {_size(max_bytes)}")
    return Source(name=name, data=data, path=path)


def fetch(url: str, max_bytes: int, timeout: float | None = None) -> Source:
    """A URL's body, read within `max_bytes`; every network failure becomes a ReadError naming the URL."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout or FETCH_TIMEOUT) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise ReadError(url, f"response is {_size(int(length))}, over the limit of {_size(max_bytes)}")
            data = response.read(max_bytes + 1)
            final_url = response.geturl()
            content_type = response.headers.get_content_type()
            charset = response.headers.get_content_charset() or ""
    except urllib.error.HTTPError as error:
        raise ReadError(url, f"HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise ReadError(url, f"no answer within {timeout or FETCH_TIMEOUT:g} seconds") from None
        raise ReadError(url, f"cannot fetch: {error.reason}") from None
    except TimeoutError:
        raise ReadError(url, f"no answer within {timeout or FETCH_TIMEOUT:g} seconds") from None
    except (OSError, http.client.HTTPException, ValueError) as error:
        raise ReadError(url, f"cannot fetch: {error}") from None
    if len(data) > max_bytes:
        raise ReadError(url, f"response is over the limit of {_size(max_bytes)}")
    return Source(name=url, data=data, url=final_url, content_type=content_type, charset=charset)


def decode(data: bytes, name: str, declared: str = "") -> str:
    """Text from bytes: BOM, UTF-8, the declared charset, then charset-normalizer's best guess."""
    if not data.strip():
        raise ReadError(name, "empty file")
    text = _decode_bom(data)
    if text is None:
        if _looks_binary(data[:_SAMPLE]):
            raise ReadError(name, "binary file, not text")
        text = _decode_declared(data, declared)
    if text is None:
        raise ReadError(name, "not text in a known encoding")
    if not text.strip():
        raise ReadError(name, "empty file")
    if _control_share(text[:_SAMPLE]) > 0.1:
        raise ReadError(name, "binary file, not text")
    return text


def _decode_bom(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _decode_declared(data: bytes, declared: str) -> str | None:
    """UTF-8, then what the server or the document declares, then a guess.

    A Latin-1 or windows-1252 declaration is only a server default as often as
    not, and decodes any bytes at all, so a guess is tried before it.
    """
    match = _DECLARED.search(data[:_SAMPLE])
    candidates = [declared, match.group(1).decode("ascii") if match else ""]
    trusted = [name for name in map(_codec, candidates) if name and name not in _CATCH_ALL]
    for encoding in ["utf-8", *trusted]:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    guess = _guess(data)
    if guess is not None:
        return guess
    for encoding in filter(None, map(_codec, candidates)):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _codec(name: str) -> str:
    """Python's name for a charset label, or "" for an unknown one."""
    try:
        return codecs.lookup(name).name if name else ""
    except LookupError:
        return ""


def _guess(data: bytes) -> str | None:
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    return str(best) if best is not None else None


def _looks_binary(head: bytes) -> bool:
    """NUL bytes, or many C0 control bytes: only C0, since legacy code pages put letters at 0x80-0x9F."""
    controls = sum(1 for byte in head if byte < 0x20 and byte not in b"\t\n\r\f\v\x1b")
    return b"\x00" in head or controls > 0.1 * len(head)


def _control_share(text: str) -> float:
    """The share of control characters other than whitespace: high in binary data, near zero in any text."""
    if not text:
        return 0.0
    controls = sum(1 for c in text if c not in "\t\n\r\f\v\x1b" and unicodedata.category(c) == "Cc")
    return controls / len(text)
