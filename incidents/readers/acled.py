"""ACLED CSV exports: rows that are incidents already, brought to the incident table's types.

ACLED's exports changed over the years: dates as "22 April 2024" or "2024-04-22",
actor types as numbers (1..8) or, in newer exports, as names ("State forces").
Both are read, so an export of any vintage merges with extracted incidents.
"""

from __future__ import annotations

import csv
import io
import math
from datetime import date, datetime

from ..taxonomy import ACLED_COLUMNS, INTER_CODES, interaction
from .base import Options, ReadError, ReadResult
from .sources import Source

REQUIRED = ("event_id_cnty", "event_date", "event_type", "country", "latitude", "longitude")
INTEGERS = ("year", "time_precision", "geo_precision", "fatalities", "timestamp")
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%d-%b-%Y")
_INTER_BY_NAME = {name.casefold(): code for code, name in INTER_CODES.items()}


def read_acled(source: Source, options: Options) -> ReadResult:
    """Every row as an incident dict keyed by ACLED's columns; a bad row is an error naming its line."""
    columns, rows = _parse(source)
    result = ReadResult()
    for line, fields in rows:
        try:
            result.incidents.append(incident(_row(columns, fields)))
        except ValueError as error:
            result.errors.append(ReadError(source.name, str(error), line))
    return result


def _parse(source: Source) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header's column names and each non-blank row with the line it starts on."""
    text = source.text
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows = []
    try:
        columns = [name.strip().lower() for name in next(reader, [])]
        missing = [name for name in REQUIRED if name not in columns]
        if missing:
            raise ReadError(source.name, f"not an ACLED CSV: missing column(s) {', '.join(missing)}")
        start = reader.line_num + 1
        for fields in reader:
            if any(field.strip() for field in fields):
                rows.append((start, fields))
            start = reader.line_num + 1
    except csv.Error as error:
        raise ReadError(source.name, f"not a readable CSV: {error}", reader.line_num or None) from None
    return columns, rows


def _delimiter(text: str) -> str:
    """Comma, unless the header is plainly split by semicolons or tabs (spreadsheet exports)."""
    header = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=header.count)


def _row(columns: list[str], fields: list[str]) -> dict[str, str]:
    if len(fields) > len(columns):
        raise ValueError(f"{len(fields)} fields where the header has {len(columns)}")
    return dict(zip(columns, fields))


def incident(values: dict[str, str]) -> dict:
    """An ACLED row with numbers as numbers, the date as YYYY-MM-DD and our review columns set.

    Raises ValueError naming the column for a missing key field, a bad date, bad coordinates or a bad code.
    """
    row: dict = {column: (values.get(column) or "").strip() for column in ACLED_COLUMNS}
    for column in ("event_id_cnty", "event_type", "country"):
        if not row[column]:
            raise ValueError(f"empty {column}")
    day = event_date(row["event_date"])
    row["event_date"] = day.isoformat()
    row["latitude"] = coordinate("latitude", row["latitude"], 90)
    row["longitude"] = coordinate("longitude", row["longitude"], 180)
    row["inter1"] = inter_code("inter1", row["inter1"])
    row["inter2"] = inter_code("inter2", row["inter2"])
    row["interaction"] = interaction_code(row["interaction"])
    for column in INTEGERS:
        row[column] = integer(column, row[column])
    if row["year"] is None:
        row["year"] = day.year
    return {**row, "status": "new", "language": "", "source_url": "", "article_id": ""}


def event_date(value: str) -> date:
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"bad event_date {value!r}: expected YYYY-MM-DD or '22 April 2024'")


def coordinate(column: str, value: str, limit: float) -> float:
    try:
        number = float(value)
    except ValueError:
        raise ValueError(f"bad {column} {value!r}: not a number") from None
    if not math.isfinite(number) or abs(number) > limit:
        raise ValueError(f"bad {column} {value!r}: outside -{limit:g}..{limit:g}")
    return number


def integer(column: str, value: str) -> int | None:
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        raise ValueError(f"bad {column} {value!r}: not a number") from None
    if not number.is_integer():
        raise ValueError(f"bad {column} {value!r}: not a whole number")
    return int(number)


def inter_code(column: str, value: str) -> int | None:
    """ACLED's actor type code from a number or, in newer exports, its name ("Rebel group" -> 2)."""
    if not value:
        return None
    if value.replace(".", "", 1).isdigit():
        return integer(column, value)
    code = _INTER_BY_NAME.get(value.casefold())
    if code is None:
        raise ValueError(f"unknown {column} {value!r}: expected 0-8 or one of {', '.join(INTER_CODES.values())}")
    return code


def interaction_code(value: str) -> int | None:
    """The two-digit interaction code from a number or from names ("State forces-Rebel group" -> 12)."""
    if not value:
        return None
    if value.replace(".", "", 1).isdigit():
        return integer("interaction", value)
    name = value.strip()
    if name.casefold().endswith(" only"):
        return interaction(inter_code("interaction", name[: -len(" only")].strip()), None)
    first, dash, second = name.partition("-")
    if not dash:
        raise ValueError(f"unknown interaction {value!r}: expected a number or 'State forces-Rebel group'")
    return interaction(inter_code("interaction", first.strip()), inter_code("interaction", second.strip()))
