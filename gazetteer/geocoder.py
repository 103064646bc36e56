"""A geopy geocoder over the offline gazetteer, with an optional Nominatim fallback.

Code written against geopy's interface (`geocode`, `reverse`, `Location`) can
use the gazetteer unchanged. The online fallback is off unless the caller turns
it on; when on, it is rate-limited with geopy's `RateLimiter` and its answers
are cached in memory, as Nominatim's usage policy asks.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from geopy.point import Point

from .gazetteer import Gazetteer
from .place import Place


def _address(place: Place) -> str:
    parts = [
        place.name,
        place.admin1 if place.admin1 != place.name else "",
        place.country,
    ]
    return ", ".join(p for p in parts if p)


def to_location(place: Place) -> Location:
    """A geopy Location whose `raw` holds every field of the place."""
    return Location(_address(place), Point(place.latitude, place.longitude), place.to_dict())


class GazetteerGeocoder(Geocoder):
    """Geocode and reverse-geocode against the offline gazetteer.

    `online=True` adds a fallback to Nominatim (or a compatible server at
    `domain`) for names the gazetteer does not know, at most one request per
    `min_delay_seconds`.
    """

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        *,
        online: bool = False,
        domain: str = "nominatim.openstreetmap.org",
        scheme: str | None = None,
        user_agent: str = "incident-atlas",
        min_delay_seconds: float = 1.0,
        timeout=DEFAULT_SENTINEL,
    ):
        super().__init__(scheme=scheme, timeout=timeout, user_agent=user_agent)
        self._gazetteer = gazetteer
        self._online = None
        if online:
            nominatim = Nominatim(domain=domain, scheme=scheme, user_agent=user_agent, timeout=timeout)
            limited = RateLimiter(
                nominatim.geocode,
                min_delay_seconds=min_delay_seconds,
                swallow_exceptions=False,
            )
            self._online = lru_cache(maxsize=10_000)(
                lambda query, codes: limited(query, exactly_one=False, country_codes=list(codes) or None)
            )

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            from .store import default

            self._gazetteer = default()
        return self._gazetteer

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        country_codes: str | Iterable[str] | None = None,
        timeout=DEFAULT_SENTINEL,
    ) -> Location | list[Location] | None:
        codes = [country_codes] if isinstance(country_codes, str) else list(country_codes or [])
        codes = [c.upper() for c in codes]
        places = self.gazetteer.lookup(query)
        if codes:
            places = [p for p in places if p.country_code in codes]
        locations = [to_location(p) for p in places]
        if not locations and self._online is not None:
            found = self._online(query, tuple(c.lower() for c in codes)) or []
            locations = list(found)
        if not locations:
            return None
        return locations[0] if exactly_one else locations

    def reverse(self, query, *, exactly_one: bool = True, timeout=DEFAULT_SENTINEL) -> Location | list[Location] | None:
        point = query if isinstance(query, Point) else Point(query)
        place = self.gazetteer.reverse(point.latitude, point.longitude)
        if place is None:
            return None
        location = to_location(place)
        return location if exactly_one else [location]
