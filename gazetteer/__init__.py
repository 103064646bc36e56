"""Offline multilingual gazetteer: Arabic and English place names to places with coordinates.

>>> import gazetteer
>>> g = gazetteer.default()
>>> g.lookup("عين الأسد")[0].name
'Ain al-Asad Air Base'
"""

from .gazetteer import Gazetteer
from .geocoder import GazetteerGeocoder
from .geonames import GeoNamesFormatError, ImportFilter
from .normalize import normalize
from .place import Place
from .store import default, import_geonames, load

__all__ = [
    "Gazetteer",
    "GazetteerGeocoder",
    "GeoNamesFormatError",
    "ImportFilter",
    "Place",
    "default",
    "import_geonames",
    "load",
    "normalize",
]
