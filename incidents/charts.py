"""The timeline: incidents per day or week, stacked by event type, with fatalities, and a draggable range."""

from __future__ import annotations

from datetime import UTC, date, datetime

import altair as alt
import pandas as pd

from .maps import EVENT_COLOURS

SELECTION = "period"


def timeline_data(frame: pd.DataFrame, weekly: bool | None = None) -> tuple[pd.DataFrame, str]:
    """Counts and fatalities per period and event type; weeks when the selection spans more than ~4 months."""
    dates = pd.to_datetime(frame["event_date"], errors="coerce")
    if weekly is None:
        span = (dates.max() - dates.min()).days if len(dates.dropna()) else 0
        weekly = span > 120
    period = dates.dt.to_period("W-SUN").dt.start_time if weekly else dates.dt.normalize()
    data = (
        pd.DataFrame(
            {
                "period": period,
                "event_type": frame["event_type"].fillna("Other"),
                "fatalities": pd.to_numeric(frame["fatalities"], errors="coerce").fillna(0),
            }
        )
        .dropna(subset=["period"])
        .groupby(["period", "event_type"], as_index=False)
        .agg(incidents=("fatalities", "size"), fatalities=("fatalities", "sum"))
    )
    return data, "week" if weekly else "day"


def timeline_chart(data: pd.DataFrame, unit: str) -> alt.LayerChart:
    """Stacked bars of incidents by event type, a fatalities line, and an interval selection on time."""
    brush = alt.selection_interval(name=SELECTION, encodings=["x"])
    x = alt.X("period:T", timeUnit="yearweek" if unit == "week" else "yearmonthdate", title=None)
    bars = (
        alt.Chart(data)
        .mark_bar(width={"band": 0.85})
        .encode(
            x=x,
            y=alt.Y("sum(incidents):Q", title=f"incidents per {unit}"),
            color=alt.Color(
                "event_type:N",
                scale=alt.Scale(domain=list(EVENT_COLOURS), range=list(EVENT_COLOURS.values())),
                legend=alt.Legend(orient="bottom", title=None),
            ),
            tooltip=["period:T", "event_type:N", "sum(incidents):Q", "sum(fatalities):Q"],
        )
        .add_params(brush)
    )
    deaths = (
        alt.Chart(data)
        .mark_line(color="#333333", point=True)
        .encode(x=x, y=alt.Y("sum(fatalities):Q", title="fatalities"))
    )
    return alt.layer(bars, deaths).resolve_scale(y="independent").properties(height=220)


def selected_range(selection) -> tuple[date, date] | None:
    """The dates dragged on the timeline, from the chart's selection state, or None."""
    try:
        chosen = selection["selection"][SELECTION]
    except (KeyError, TypeError):
        return None
    values = next(iter(chosen.values()), None) if isinstance(chosen, dict) else None
    if not values or len(values) != 2:
        return None
    start, end = (_as_date(v) for v in values)
    return (start, end) if start and end else None


def _as_date(value) -> date | None:
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value / 1000, tz=UTC).date()
    try:
        return pd.Timestamp(value).date()
    except (ValueError, TypeError):
        return None
