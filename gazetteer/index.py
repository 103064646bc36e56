"""The compact, picklable place index: columns of places and a name-key table.

Places are stored column-wise (arrays and joined strings) rather than as
objects, so that the cache loads in a fraction of a second and stays small in
memory; `Place` records are made on demand.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from array import array
from dataclasses import dataclass, field
from pathlib import Path

FORMAT_VERSION = 4
_SEP = "\x1f"


def _join(values: list[str]) -> str:
    return _SEP.join(v or "" for v in values)


def _split(blob: str) -> list[str]:
    return blob.split(_SEP) if blob else []


@dataclass
class Index:
    """Everything the gazetteer knows, as columns indexed by a place number."""

    ids: list[str]
    names: list[str]
    names_ar: list[str]
    latitudes: array
    longitudes: array
    country_codes: list[str]
    admin1_codes: list[str]
    admin2_codes: list[str]
    feature_classes: list[str]
    feature_codes: list[str]
    populations: array
    sources: list[str]
    priors: array
    admin_names: dict[str, str]
    country_names: dict[str, str]
    country_places: dict[str, int]
    admin_places: dict[str, int]
    keys: dict[str, int]
    bare_keys: dict[str, int]
    postings: array
    offsets: array
    main_flags: array
    fingerprint: str = ""
    id_positions: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.id_positions:
            self.id_positions = {pid: i for i, pid in enumerate(self.ids)}

    def __len__(self) -> int:
        return len(self.ids)

    def places_for_slot(self, slot: int) -> array:
        return self.postings[self.offsets[slot] : self.offsets[slot + 1]]

    def save(self, path: Path) -> None:
        """Write the index atomically: a reader sees the old file or the new one, never half of one."""
        payload = {
            "version": FORMAT_VERSION,
            "fingerprint": self.fingerprint,
            "strings": {
                name: _join(getattr(self, name))
                for name in (
                    "ids",
                    "names",
                    "names_ar",
                    "country_codes",
                    "admin1_codes",
                    "admin2_codes",
                    "feature_classes",
                    "feature_codes",
                    "sources",
                )
            },
            "arrays": {
                name: (getattr(self, name).typecode, getattr(self, name).tobytes())
                for name in (
                    "latitudes",
                    "longitudes",
                    "populations",
                    "priors",
                    "postings",
                    "offsets",
                    "main_flags",
                )
            },
            "keys": _join(list(self.keys)),
            "key_slots": array("i", self.keys.values()).tobytes(),
            "bare_keys": _join(list(self.bare_keys)),
            "bare_slots": array("i", self.bare_keys.values()).tobytes(),
            "admin_names": self.admin_names,
            "country_names": self.country_names,
            "country_places": self.country_places,
            "admin_places": self.admin_places,
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(payload, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    @classmethod
    def load(cls, path: Path) -> Index:
        with path.open("rb") as f:
            payload = pickle.load(f)
        if payload.get("version") != FORMAT_VERSION:
            raise ValueError(f"{path}: index format {payload.get('version')}, expected {FORMAT_VERSION}")
        columns = {name: _split(blob) for name, blob in payload["strings"].items()}
        for name, (typecode, raw) in payload["arrays"].items():
            values = array(typecode)
            values.frombytes(raw)
            columns[name] = values
        key_slots, bare_slots = array("i"), array("i")
        key_slots.frombytes(payload["key_slots"])
        bare_slots.frombytes(payload["bare_slots"])
        return cls(
            **columns,
            admin_names=payload["admin_names"],
            country_names=payload["country_names"],
            country_places=payload["country_places"],
            admin_places=payload["admin_places"],
            keys=dict(zip(_split(payload["keys"]), key_slots)),
            bare_keys=dict(zip(_split(payload["bare_keys"]), bare_slots)),
            fingerprint=payload["fingerprint"],
        )
