"""The gazetteer: name lookup, in-document resolution and reverse geocoding over the index."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from functools import lru_cache

from .cues import split_cue, wants
from .demonyms import demonym_country
from .index import Index
from .normalize import normalize, proclitic_forms, without_article, without_spaces
from .place import Place

_SHARPNESS = 8.0
# Weights of the context evidence in `resolve`, tuned on LGL and IDRISI.
CONTEXT_WEIGHTS = {"country named": 0.35, "same country": 0.5, "same province": 0.2, "nearby": 0.3, "near km": 150.0}
ALTERNATE_NAME_PENALTY = 0.1
_EARTH_KM = 6371.0088


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


class Gazetteer:
    """Offline place index for Arabic and English names.

    `lookup` ranks the places a name may mean; `resolve` picks one place per
    mention using the rest of the document; `reverse` finds the place nearest a
    point.
    """

    def __init__(self, index: Index):
        self.index = index
        self._coordinates = None
        self._name_starts: dict[str, int] | None = None
        self._capitals: dict[str, int] | None = None
        self._cached_lookup = lru_cache(maxsize=100_000)(self._lookup)

    def __len__(self) -> int:
        return len(self.index)

    # -- records ---------------------------------------------------------

    def place(self, position: int, score: float = 0.0) -> Place:
        ix = self.index
        cc = ix.country_codes[position]
        a1, a2 = ix.admin1_codes[position], ix.admin2_codes[position]
        return Place(
            id=ix.ids[position],
            name=ix.names[position],
            latitude=ix.latitudes[position],
            longitude=ix.longitudes[position],
            country_code=cc,
            country=ix.country_names.get(cc, cc),
            admin1=ix.admin_names.get(a1, ""),
            admin2=ix.admin_names.get(a2, ""),
            feature_class=ix.feature_classes[position],
            feature_code=ix.feature_codes[position],
            population=ix.populations[position],
            source=ix.sources[position],
            admin1_code=a1,
            name_ar=ix.names_ar[position],
            score=round(score, 4),
        )

    def get(self, place_id: str) -> Place | None:
        position = self.index.id_positions.get(place_id)
        return None if position is None else self.place(position, 1.0)

    def country(self, code: str) -> Place | None:
        """The country with this ISO code, at its representative point."""
        position = self.index.country_places.get(code.upper())
        return None if position is None else self.place(position, 1.0)

    def capital(self, code: str) -> Place | None:
        """The capital city of a country, when the data marks one."""
        if self._capitals is None:
            ix = self.index
            self._capitals = {ix.country_codes[p]: p for p in range(len(ix)) if ix.feature_codes[p] == "PPLC"}
        position = self._capitals.get(code.upper())
        return None if position is None else self.place(position, 1.0)

    def admin_area(self, code: str) -> Place | None:
        """The admin area with this GeoNames code ("IQ.01"), at its representative point."""
        position = self.index.admin_places.get(code)
        return None if position is None else self.place(position, 1.0)

    # -- lookup ----------------------------------------------------------

    def _slot(self, key: str, bare: bool) -> int | None:
        slot = self.index.keys.get(key)
        if slot is None and bare:
            slot = self.index.bare_keys.get(key)
        return slot

    @property
    def name_starts(self) -> dict[str, int]:
        """First word of every indexed name -> the most words a name starting with it has.

        Text matching asks the index only for n-grams that can exist, instead of
        every window of every length at every word.
        """
        if self._name_starts is None:
            starts: dict[str, int] = {}
            for key in self.index.keys:
                first, _, rest = key.partition(" ")
                length = rest.count(" ") + 2 if rest else 1
                if starts.get(first, 0) < length:
                    starts[first] = length
            self._name_starts = starts
        return self._name_starts

    def positions(self, key: str, bare: bool = True) -> Sequence[int]:
        """Places indexed under a normalised key, best prior first; `bare` admits article-less forms."""
        slot = self._slot(key, bare)
        return () if slot is None else self.index.places_for_slot(slot)

    def _readings(self, key: str) -> Iterable[tuple[str, float, frozenset]]:
        """Ways to read a query, least transformed first, with a match quality and a feature preference."""
        first, _, rest = key.partition(" ")
        forms = [(f"{form} {rest}".strip(), 1.0 - 0.05 * n) for n, form in enumerate(proclitic_forms(first))]
        for form, quality in forms:
            cue = split_cue(form)
            yield form, quality, cue[1] if cue else frozenset()
            for variant in (without_spaces(form), without_article(form)):
                if variant != form:
                    yield variant, quality - 0.05, cue[1] if cue else frozenset()
            if cue and cue[0]:
                yield cue[0], quality - 0.1, cue[1]

    def candidates(self, name: str) -> list[tuple[int, float, float]]:
        """(position, score, match quality) for every place a name may mean, before any context."""
        key = normalize(name)
        if not key:
            return []
        ix = self.index
        priors, postings, flags = ix.priors, ix.postings, ix.main_flags
        for form, quality, preference in self._readings(key):
            slot = self._slot(form, bare=True)
            if slot is None:
                continue
            out = []
            for j in range(ix.offsets[slot], ix.offsets[slot + 1]):
                p = postings[j]
                score = priors[p] if flags[j] else priors[p] - ALTERNATE_NAME_PENALTY
                if preference and wants(preference, ix.feature_classes[p], ix.feature_codes[p]):
                    score += 0.5
                out.append((p, score, quality))
            return out
        return []

    def _country_code(self, country: str) -> str | None:
        if len(country) == 2 and country.isalpha():
            return country.upper()
        for p in self.positions(normalize(country)):
            if self.index.feature_codes[p].startswith("PCL"):
                return self.index.country_codes[p]
        return None

    def lookup(self, name: str, country: str | None = None, limit: int = 10) -> list[Place]:
        """Places a name may mean, best first, each with its confidence in `score`.

        `country` (an ISO code or a country name) keeps only places in that country.
        Arabic names may carry attached proclitics ("بالموصل", "وسوريا"): the least
        stripped reading that names a place wins.
        """
        return list(self._cached_lookup(name, country, limit))

    def _lookup(self, name: str, country: str | None, limit: int) -> tuple[Place, ...]:
        found = self.candidates(name)
        if country:
            code = self._country_code(country)
            found = [c for c in found if self.index.country_codes[c[0]] == code]
        return tuple(self._ranked(found, limit))

    def _with_confidence(self, position: int, scored: list[tuple[int, float, float]]) -> Place:
        """The chosen place, with its share of the evidence among the readings as its confidence."""
        top = max(s for _, s, _ in scored)
        weights = {p: (math.exp(_SHARPNESS * (s - top)), q) for p, s, q in scored}
        total = sum(w for w, _ in weights.values())
        weight, quality = weights[position]
        return self.place(position, min(1.0, weight / total * quality))

    def _ranked(self, scored: list[tuple[int, float, float]], limit: int | None = None) -> list[Place]:
        """Places best first, each with a confidence: its share of the evidence times the match quality."""
        if not scored:
            return []
        scored = sorted(scored, key=lambda c: -c[1])
        top = scored[0][1]
        weights = [math.exp(_SHARPNESS * (s - top)) for _, s, _ in scored]
        total = sum(weights)
        kept = scored[:limit] if limit else scored
        return [self.place(p, min(1.0, w / total * q)) for (p, _, q), w in zip(kept, weights)]

    # -- resolution in context -------------------------------------------

    def countries_named(self, text: str) -> set[str]:
        """Country codes of the countries a text names outright ("Lebanon", "لبنان", "وسوريا")."""
        tokens = normalize(text).split()
        starts = self.name_starts
        found: set[str] = set()
        for i, word in enumerate(tokens):
            for form in proclitic_forms(word):
                for n in range(min(starts.get(form, 0), 4, len(tokens) - i), 0, -1):
                    key = " ".join([form, *tokens[i + 1 : i + n]])
                    for p in self.positions(key, bare=False):
                        if self.index.feature_codes[p].startswith("PCL"):
                            found.add(self.index.country_codes[p])
        return found

    def resolve(
        self, text: str, mentions: Sequence[tuple[int, int]], countries: set[str] | None = None
    ) -> list[Place | None]:
        """One place (or None) per mention span, chosen with the whole document as context.

        Evidence beyond each name's prior: the countries the text names, the
        countries and provinces of the other names' likely readings, and
        closeness to them ("Tripoli" beside "Lebanon" is Tripoli, Lebanon). A
        name keeps one reading throughout a document. A span that is only a
        nationality ("Iraqi") reads as its country. `countries`, when the caller
        already knows which countries the text names, saves scanning for them.
        """
        named = self.countries_named(text) if countries is None else countries
        names: dict[str, list[int]] = {}
        for i, (start, end) in enumerate(mentions):
            names.setdefault(normalize(text[start:end]), []).append(i)
        surfaces = list(names)
        options = [self._options(text[mentions[names[k][0]][0] : mentions[names[k][0]][1]]) for k in surfaces]
        choice = [max(o, key=lambda c: c[1])[0] if o else None for o in options]
        for _ in range(2):
            choice = [self._choose(i, options, choice, named) for i in range(len(options))]
        out: list[Place | None] = [None] * len(mentions)
        for i, o in enumerate(options):
            if not o or choice[i] is None:
                continue
            context = self._context(i, choice)
            rescored = [(p, self._context_score(p, s, context, named), q) for p, s, q in o]
            place = self._with_confidence(choice[i], rescored)
            for m in names[surfaces[i]]:
                out[m] = place
        return out

    def _options(self, surface: str) -> list[tuple[int, float, float]]:
        found = self.candidates(surface)[:60]
        if not found:
            code = demonym_country(surface)
            position = self.index.country_places.get(code) if code else None
            if position is not None:
                found = [(position, self.index.priors[position], 0.8)]
        return found

    def _choose(self, i: int, options: list, choice: list, named: set[str]) -> int | None:
        if not options[i]:
            return None
        context = self._context(i, choice)
        return max(options[i], key=lambda c: self._context_score(c[0], c[1], context, named))[0]

    def _context(self, i: int, choice: list) -> tuple:
        """What the other mentions' current readings say: their countries, provinces and points."""
        ix = self.index
        others = [c for j, c in enumerate(choice) if j != i and c is not None]
        countries = [ix.country_codes[c] for c in others]
        provinces = {ix.admin1_codes[c] for c in others} - {""}
        points = [(math.radians(ix.latitudes[c]), math.radians(ix.longitudes[c])) for c in others]
        return countries, provinces, points

    def _context_score(self, p: int, score: float, context: tuple, named: set[str]) -> float:
        ix = self.index
        w = CONTEXT_WEIGHTS
        countries, provinces, points = context
        cc = ix.country_codes[p]
        if cc in named:
            score += w["country named"]
        if countries:
            score += w["same country"] * countries.count(cc) / len(countries)
            if ix.admin1_codes[p] in provinces:
                score += w["same province"]
            lat, lon = math.radians(ix.latitudes[p]), math.radians(ix.longitudes[p])
            cos_lat = math.cos(lat)
            nearest = min(math.hypot(lat - a, (lon - b) * cos_lat) for a, b in points) * _EARTH_KM
            score += w["nearby"] * math.exp(-nearest / w["near km"])
        return score

    # -- reverse -----------------------------------------------------------

    def reverse(self, latitude: float, longitude: float) -> Place | None:
        """The populated place or site nearest a point, with its country and province."""
        import numpy as np

        if self._coordinates is None:
            ix = self.index
            lat = np.frombuffer(ix.latitudes, dtype=np.float64)
            lon = np.frombuffer(ix.longitudes, dtype=np.float64)
            pointlike = np.array([c != "A" for c in ix.feature_classes])
            self._coordinates = (np.radians(lat), np.radians(lon), pointlike)
        lat_r, lon_r, pointlike = self._coordinates
        p1, l1 = math.radians(latitude), math.radians(longitude)
        a = np.sin((lat_r - p1) / 2) ** 2 + math.cos(p1) * np.cos(lat_r) * np.sin((lon_r - l1) / 2) ** 2
        a = np.where(pointlike, a, np.inf)
        best = int(np.argmin(a))
        if not np.isfinite(a[best]):
            return None
        distance = 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(a[best])))
        return self.place(best, math.exp(-distance / 25))
