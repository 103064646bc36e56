"""The place record every part of the product passes around."""

from __future__ import annotations

from dataclasses import asdict, dataclass

# GeoNames feature classes and the codes the gazetteer produces itself.
COUNTRY_CODES = frozenset({"PCLI", "PCL", "PCLD", "PCLF", "PCLS", "PCLIX", "TERR"})
ADMIN1_CODES = frozenset({"ADM1", "ADM1H"})
ADMIN2_CODES = frozenset({"ADM2", "ADM2H"})

# The curated supplement's feature types as GeoNames class and code.
SITE_FEATURES: dict[str, tuple[str, str]] = {
    "air_base": ("S", "AIRB"),
    "military_base": ("S", "INSM"),
    "airport": ("S", "AIRP"),
    "border_crossing": ("S", "PSTB"),
    "oil_field": ("L", "OILF"),
    "gas_field": ("L", "GASF"),
    "refinery": ("S", "OILR"),
    "dam": ("S", "DAM"),
    "camp": ("S", "CMPRF"),
    "village": ("P", "PPL"),
    "town": ("P", "PPL"),
    "port": ("L", "PRT"),
    "power_station": ("S", "PS"),
    "nuclear_site": ("S", "NUKE"),
    "prison": ("S", "PRN"),
    "bridge": ("S", "BDG"),
    "island": ("T", "ISL"),
    "mountain": ("T", "MT"),
    "corridor": ("L", "AREA"),
}


@dataclass(frozen=True, slots=True)
class Place:
    """A place with coordinates and administrative context.

    `score` is the confidence in [0, 1] that this is the place a query meant;
    it is 0 for a place that was not reached through a query.
    """

    id: str
    name: str
    latitude: float
    longitude: float
    country_code: str
    country: str
    admin1: str
    admin2: str
    feature_class: str
    feature_code: str
    population: int
    source: str
    admin1_code: str = ""
    name_ar: str = ""
    score: float = 0.0

    @property
    def is_country(self) -> bool:
        return self.feature_code in COUNTRY_CODES

    @property
    def is_admin1(self) -> bool:
        return self.feature_code in ADMIN1_CODES

    @property
    def is_admin(self) -> bool:
        return self.feature_class == "A"

    @property
    def admin_level(self) -> int:
        """0 country, 1 province, 2 district, 3 anything more specific."""
        if self.is_country:
            return 0
        if self.is_admin1:
            return 1
        if self.feature_code in ADMIN2_CODES:
            return 2
        return 3

    def to_dict(self) -> dict:
        return asdict(self)
