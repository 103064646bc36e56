"""Readers for the public geoparsing benchmarks in ../shared/corpora (LGL, GeoVirus, IDRISI)."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

CORPORA = Path(os.environ.get("CORPORA_DIR", Path(__file__).resolve().parents[2] / "shared" / "corpora"))


@dataclass
class Toponym:
    start: int
    end: int
    text: str
    latitude: float | None = None
    longitude: float | None = None
    geonameid: str = ""
    country: str = ""
    kind: str = ""


@dataclass
class Document:
    id: str
    text: str
    toponyms: list[Toponym]


def lgl() -> Iterator[Document]:
    """LGL: English local news, gold spans with GeoNames ids and coordinates."""
    root = ET.parse(CORPORA / "lgl" / "lgl.xml").getroot()
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        toponyms = []
        for t in article.iter("toponym"):
            tag = t.find("gaztag")
            if tag is None or tag.findtext("lat") is None:
                continue
            toponyms.append(
                Toponym(
                    start=int(t.findtext("start")),
                    end=int(t.findtext("end")),
                    text=t.findtext("phrase") or "",
                    latitude=float(tag.findtext("lat")),
                    longitude=float(tag.findtext("lon")),
                    geonameid=tag.get("geonameid", ""),
                    country=tag.findtext("country") or "",
                    kind=tag.findtext("fcode") or "",
                )
            )
        yield Document(article.get("docid", ""), text, toponyms)


def geovirus() -> Iterator[Document]:
    """GeoVirus: English disease-outbreak news, gold spans with coordinates."""
    root = ET.parse(CORPORA / "geovirus" / "GeoVirus.xml").getroot()
    for n, article in enumerate(root.iter("article")):
        text = article.findtext("text") or ""
        toponyms = []
        for loc in article.iter("location"):
            name = loc.findtext("name") or ""
            start = _aligned(text, name, int(loc.findtext("start")))
            toponyms.append(
                Toponym(
                    start=start,
                    end=start + len(name),
                    text=name,
                    latitude=float(loc.findtext("lat")),
                    longitude=float(loc.findtext("lon")),
                )
            )
        yield Document(article.findtext("source") or str(n), text, toponyms)


def _aligned(text: str, name: str, start: int) -> int:
    """GeoVirus offsets are sometimes off by a few characters: the occurrence of the name nearest the offset."""
    if text[start : start + len(name)] == name:
        return start
    hits = [i for i in range(max(0, start - 10), start + 10) if text.startswith(name, i)]
    return min(hits, key=lambda i: abs(i - start)) if hits else start


def idrisi_resolution() -> Iterator[Document]:
    """IDRISI-D (Arabic tweets): gold spans resolved to OpenStreetMap records."""
    for path in sorted((CORPORA / "idrisi-ar" / "resolution").glob("*/train.jsonl")):
        with path.open(encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                toponyms = []
                for m in row.get("location_mentions", []):
                    osm = m.get("osm_json") or {}
                    if "lat" not in osm:
                        continue
                    toponyms.append(
                        Toponym(
                            start=m["start_offset"],
                            end=m["end_offset"],
                            text=m["text"],
                            latitude=float(osm["lat"]),
                            longitude=float(osm["lon"]),
                            country=(osm.get("address") or {}).get("country_code", "").upper(),
                            kind=m.get("type", ""),
                        )
                    )
                yield Document(f"{path.parent.name}/{row['tweet_id']}", row["text"], toponyms)


def idrisi_recognition() -> Iterator[Document]:
    """IDRISI-R (Arabic tweets): gold location-mention spans, types ignored."""
    for path in sorted((CORPORA / "idrisi-ar" / "recognition").glob("*/train.jsonl")):
        with path.open(encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                toponyms = [
                    Toponym(start=m["startIdx"], end=m["endIdx"], text=m["text"], kind=m.get("type", ""))
                    for m in row.get("location_mentions", [])
                ]
                yield Document(f"{path.parent.name}/{row['tweet_id']}", row["text"], toponyms)


def available() -> bool:
    return (CORPORA / "lgl" / "lgl.xml").exists()
