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
        needle = filters.text.casefold()
        haystack = (frame["notes"].fillna("") + " " + frame["evidence"].fillna("")).str.casefold()
        mask &= haystack.str.contains(needle, regex=False)
    if not filters.include_background:
        mask &= ~frame["tags"].fillna("").str.contains("background", regex=False)
    return frame[mask]
