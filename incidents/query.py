"""Filtering the incident table: one definition shared by the command line, the dashboard and exports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd


@dataclass(frozen=True)
class Filters:
    """A selection of incidents; an empty field selects everything."""

    start: date | None = None
    end: date | None = None
    countries: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    sub_event_types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    weapons: tuple[str, ...] = ()
    geo_precision: tuple[int, ...] = ()
    sources: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    text: str = ""
    include_background: bool = True


DASHBOARD_DEFAULTS = Filters(statuses=("new", "reviewed"), include_background=False)
BROWSE_ROWS = 1_000
BROWSE_COLUMNS = [
    "event_date",
    "sub_event_type",
    "location",
    "admin1",
    "country",
    "fatalities",
    "sources",
    "actor1",
    "actor2",
]


def apply(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The rows of the table that the filters select."""
    mask = pd.Series(True, index=frame.index)
    dates = pd.to_datetime(frame["event_date"], errors="coerce")
    if filters.start:
        mask &= dates >= pd.Timestamp(filters.start)
    if filters.end:
        mask &= dates <= pd.Timestamp(filters.end)
    for column, wanted in (
        ("country", filters.countries),
        ("admin1", filters.admin1),
        ("event_type", filters.event_types),
        ("sub_event_type", filters.sub_event_types),
        ("weapon", filters.weapons),
        ("geo_precision", filters.geo_precision),
        ("source", filters.sources),
        ("status", filters.statuses),
    ):
        if wanted:
            mask &= frame[column].isin(list(wanted))
    if filters.actors:
        mask &= frame["actor1"].isin(list(filters.actors)) | frame["actor2"].isin(list(filters.actors))
    if filters.text:
        found = frame["notes"].str.contains(filters.text, case=False, regex=False, na=False)
        found |= frame["evidence"].str.contains(filters.text, case=False, regex=False, na=False)
        mask &= found
    if not filters.include_background:
        mask &= ~frame["tags"].fillna("").str.contains("background", regex=False)
    return frame[mask]


_LISTS = {
    "country": "countries",
    "admin1": "admin1",
    "type": "event_types",
    "subtype": "sub_event_types",
    "actor": "actors",
    "weapon": "weapons",
    "precision": "geo_precision",
    "source": "sources",
    "status": "statuses",
}


def to_params(filters: Filters) -> dict[str, str | list[str]]:
    """The filters as URL query parameters, so that a view can be shared as a link."""
    params: dict[str, str | list[str]] = {}
    if filters.start:
        params["from"] = filters.start.isoformat()
    if filters.end:
        params["to"] = filters.end.isoformat()
    for key, field in _LISTS.items():
        values = getattr(filters, field)
        if values:
            params[key] = [str(v) for v in values]
    if filters.text:
        params["q"] = filters.text
    params["background"] = "1" if filters.include_background else "0"
    return params


def from_params(get_all, defaults: Filters | None = None) -> Filters:
    """Filters from URL query parameters; `get_all(key)` returns the list of values of a key."""
    defaults = defaults or Filters()

    def day(key: str) -> date | None:
        values = get_all(key)
        try:
            return date.fromisoformat(values[0]) if values else None
        except ValueError:
            return None

    lists = {}
    for key, field in _LISTS.items():
        values = tuple(v for v in get_all(key) if v)
        if field == "geo_precision":
            values = tuple(int(v) for v in values if v.isdigit())
        lists[field] = values or getattr(defaults, field)
    text = get_all("q")
    background = get_all("background")
    return Filters(
        start=day("from") or defaults.start,
        end=day("to") or defaults.end,
        text=text[0] if text else defaults.text,
        include_background=background[0] == "1" if background else defaults.include_background,
        **lists,
    )


def summary(frame: pd.DataFrame) -> dict:
    """Headline figures of a selection: incidents, fatalities, countries and the date span."""
    dates = pd.to_datetime(frame["event_date"], errors="coerce").dropna()
    return {
        "incidents": int(len(frame)),
        "fatalities": int(pd.to_numeric(frame["fatalities"], errors="coerce").fillna(0).sum()),
        "countries": int(frame["country"].nunique()),
        "first": dates.min().date() if len(dates) else None,
        "last": dates.max().date() if len(dates) else None,
    }
