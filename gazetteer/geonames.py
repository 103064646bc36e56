"""Reading and importing GeoNames dump files (https://download.geonames.org/export/dump/).

`allCountries.txt`, per-country `XX.txt` or `XX.zip`, `alternateNamesV2.txt`
and `admin1CodesASCII.txt`, from a local path or a URL. Every line is checked
before anything is stored: a malformed or truncated file is refused with its
name and line, and the stored imports stay as they were.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
import urllib.request
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .sources import Record, ascii_name, useful_name

GEONAMES_COLUMNS = 19
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class GeoNamesFormatError(ValueError):
    """A GeoNames file that does not parse: the message names the file and the line."""


@dataclass(frozen=True)
class ImportFilter:
    countries: frozenset[str] = frozenset()
    feature_classes: frozenset[str] = frozenset("APSLHTV")
    min_population: int = 0

    def accepts(self, fields: list[str]) -> bool:
        if self.countries and fields[8] not in self.countries:
            return False
        if fields[6] not in self.feature_classes:
            return False
        return not (self.min_population and fields[6] == "P" and int(fields[14] or 0) < self.min_population)


@contextmanager
def open_source(source: str) -> Iterator[tuple[str, io.TextIOBase]]:
    """Open a dump as text lines, from a path or URL, plain or zipped (the member named like the archive)."""
    local = source
    downloaded = None
    if re.match(r"^https?://", source):
        fd, downloaded = tempfile.mkstemp(suffix=Path(source).suffix or ".txt")
        os.close(fd)
        try:
            urllib.request.urlretrieve(source, downloaded)
        except OSError as error:
            Path(downloaded).unlink(missing_ok=True)
            raise GeoNamesFormatError(f"{source}: could not download ({error})") from error
        local = downloaded
    label = source
    try:
        if not Path(local).exists():
            raise GeoNamesFormatError(f"{source}: no such file")
        if zipfile.is_zipfile(local):
            try:
                archive = zipfile.ZipFile(local)
            except zipfile.BadZipFile as error:
                raise GeoNamesFormatError(f"{source}: not a readable zip archive ({error})") from error
            with archive:
                members = [n for n in archive.namelist() if n.endswith(".txt") and not n.startswith("readme")]
                wanted = Path(source).stem + ".txt"
                member = wanted if wanted in members else (members[0] if members else None)
                if member is None:
                    raise GeoNamesFormatError(f"{source}: the archive holds no .txt file")
                label = f"{source}!{member}"
                with archive.open(member) as raw:
                    yield label, io.TextIOWrapper(raw, encoding="utf-8", newline="")
        else:
            with open(local, encoding="utf-8", newline="") as f:
                yield label, f
    finally:
        if downloaded:
            Path(downloaded).unlink(missing_ok=True)


def _lines(label: str, stream: io.TextIOBase) -> Iterator[tuple[int, str]]:
    """Numbered lines without their newline; a last line cut short of its newline is a truncated file."""
    number = 0
    try:
        for number, line in enumerate(stream, start=1):
            if not line.endswith("\n"):
                raise GeoNamesFormatError(f"{label}, line {number}: truncated (the line has no end)")
            yield number, line.rstrip("\r\n")
    except UnicodeDecodeError as error:
        raise GeoNamesFormatError(f"{label}, line {number + 1}: not UTF-8 ({error.reason})") from error
    except (zipfile.BadZipFile, EOFError, OSError) as error:
        raise GeoNamesFormatError(f"{label}, after line {number}: truncated or corrupt ({error})") from error


def parse_geonames_line(label: str, number: int, line: str) -> list[str]:
    """The 19 fields of a GeoNames `geoname` line, checked; raises GeoNamesFormatError naming the line."""
    fields = line.split("\t")

    def fail(problem: str) -> GeoNamesFormatError:
        return GeoNamesFormatError(f"{label}, line {number}: {problem}")

    if len(fields) != GEONAMES_COLUMNS:
        raise fail(f"expected {GEONAMES_COLUMNS} tab-separated fields, found {len(fields)}")
    if not fields[0].isdigit():
        raise fail(f"geonameid {fields[0]!r} is not a number")
    if not fields[1]:
        raise fail("empty name")
    try:
        latitude, longitude = float(fields[4]), float(fields[5])
    except ValueError:
        raise fail(f"coordinates {fields[4]!r}, {fields[5]!r} are not numbers") from None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise fail(f"coordinates {latitude}, {longitude} are out of range")
    if fields[14] and not fields[14].lstrip("-").isdigit():
        raise fail(f"population {fields[14]!r} is not a number")
    if fields[18] and not _DATE.match(fields[18]):
        raise fail(f"modification date {fields[18]!r} is not YYYY-MM-DD")
    return fields


def read_geonames(source: str, keep: ImportFilter | None = None) -> Iterator[list[str]]:
    """Checked rows of a geoname dump, filtered; raises GeoNamesFormatError at the first bad line."""
    keep = keep or ImportFilter()
    with open_source(source) as (label, stream):
        for number, line in _lines(label, stream):
            if not line or line.startswith("#"):
                continue
            fields = parse_geonames_line(label, number, line)
            if keep.accepts(fields):
                yield fields


def read_alternate_names(source: str, wanted_ids: set[str]) -> dict[str, list[str]]:
    """Arabic, English and unlabelled names from alternateNamesV2 for the given geoname ids."""
    names: dict[str, list[str]] = {}
    with open_source(source) as (label, stream):
        for number, line in _lines(label, stream):
            fields = line.split("\t")
            if len(fields) < 4 or not fields[0].isdigit() or not fields[1].isdigit():
                raise GeoNamesFormatError(f"{label}, line {number}: not an alternate-names line")
            gid, language, name = fields[1], fields[2], fields[3]
            if gid in wanted_ids and language in ("", "ar", "en") and useful_name(name):
                names.setdefault(gid, []).append(name)
    return names


def read_admin1_codes(source: str) -> dict[str, str]:
    """admin1CodesASCII: code ("IQ.01") to ASCII name."""
    codes: dict[str, str] = {}
    with open_source(source) as (label, stream):
        for number, line in _lines(label, stream):
            fields = line.split("\t")
            if len(fields) != 4 or "." not in fields[0]:
                raise GeoNamesFormatError(f"{label}, line {number}: expected code, name, ascii name, geonameid")
            codes[fields[0]] = fields[2] or fields[1]
    return codes


def record_from_fields(fields: list[str], admin1_names: dict[str, str] | None = None) -> Record:
    """A gazetteer record from the fields of a geoname line."""
    cc, a1, a2 = fields[8], fields[10], fields[11]
    admin1_code = f"{cc}.{a1}" if a1 else ""
    alternates = [n for n in fields[3].split(",") if n]
    names = list(dict.fromkeys([fields[1], fields[2], *(n for n in alternates if useful_name(n))]))
    feature_code = fields[7]
    record = Record(
        id=f"gn:{fields[0]}",
        name=fields[1],
        names=[n for n in names if n],
        latitude=float(fields[4]),
        longitude=float(fields[5]),
        country_code=cc,
        feature_class=fields[6],
        feature_code=feature_code,
        population=int(fields[14] or 0),
        admin1_code=admin1_code,
        admin2_code=f"{admin1_code}.{a2}" if a2 and admin1_code else "",
        source="geonames-import",
        name_ar=next((n for n in alternates if any("\u0621" <= c <= "\u064a" for c in n)), ""),
    )
    if feature_code.startswith("ADM1") and admin1_names is not None and admin1_code:
        admin1_names.setdefault(admin1_code, ascii_name(fields[2] or fields[1]))
    return record
