"""Sharded archives on a two-worker Dask cluster give the same incidents as one process."""

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from incidents.distributed import extract_on_dask, read_shard
from incidents.pipeline import extract_many

ROOT = Path(__file__).resolve().parents[1]
SEED_TEXT = (ROOT / "seeds" / "000_aa4d7466b8e6fa91.txt").read_text(encoding="utf-8")
ARTICLES = [
    {"id": "seed", "text": SEED_TEXT, "published": "2024-04-22", "source": "Asharq / Reuters", "language": "ar"},
    {
        "id": "ap",
        "text": "WASHINGTON, April 23 (AP) - Five rockets were fired at U.S. forces at a base in Rmeilan in "
        "northeastern Syria on Sunday, U.S. officials said.",
        "published": "2024-04-23",
        "source": "AP",
    },
    {
        "id": "mosul",
        "text": "MOSUL, Iraq (Reuters) - A roadside bomb killed two soldiers near Mosul on Saturday, police said.",
        "published": "2024-05-06",
        "source": "Reuters",
    },
    {
        "id": "beirut",
        "text": "BEIRUT (Reuters) - An Israeli drone strike killed two people in the southern Lebanese town of "
        "Bint Jbeil on Sunday, Lebanese security sources said.",
        "published": "2024-05-06",
        "source": "Reuters",
    },
]


@pytest.fixture(scope="module")
def shards(tmp_path_factory):
    folder = tmp_path_factory.mktemp("shards")
    for n, part in enumerate((ARTICLES[:2], ARTICLES[2:])):
        with open(folder / f"part-{n}.jsonl", "w", encoding="utf-8") as f:
            for record in part:
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return folder


def rows_by_id(outcomes) -> dict:
    return {row["incident_id"]: row for outcome in outcomes for row in outcome.rows}


def test_a_two_worker_local_cluster_gives_the_same_incidents_as_one_process(shards, gaz):
    paths = sorted(str(p) for p in shards.glob("*.jsonl"))
    single = rows_by_id(extract_many([a for p in paths for a in read_shard(p)]))
    distributed = rows_by_id(outcome for _, outcome in extract_on_dask(paths, workers=2))
    assert single and distributed == single


def test_a_parquet_dataset_of_articles_reads_like_json_lines(tmp_path, shards):
    table = pa.Table.from_pylist([{**a, "url": "", "title": ""} for a in ARTICLES])
    pq.write_table(table, tmp_path / "articles.parquet")
    from_parquet = [a.id for a in read_shard(str(tmp_path / "articles.parquet"))]
    from_jsonl = [a.id for p in sorted(shards.glob("*.jsonl")) for a in read_shard(str(p))]
    assert from_parquet == from_jsonl


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "incidents", *args], capture_output=True, text=True, cwd=ROOT, timeout=900
    )


def test_dask_ingest_then_monthly_parquet_export(tmp_path, shards, gaz):
    db = tmp_path / "incidents.db"
    result = run("ingest", str(shards), "--engine", "dask", "--workers", "2", "--db", str(db))
    assert result.returncode == 0, result.stderr
    out = tmp_path / "parquet"
    result = run("export", "--db", str(db), "--format", "parquet", "--output", str(out))
    assert result.returncode == 0, result.stderr
    months = sorted(p.name for p in out.iterdir())
    assert months == ["month=2024-01", "month=2024-04", "month=2024-05"]
    frame = pd.read_parquet(out)
    assert set(frame["location"]) >= {"Rmeilan", "Ain al-Asad Air Base", "Mosul", "Bint Jbeil"}
    rmeilan = frame[frame["location"] == "Rmeilan"]
    assert len(rmeilan) == 1 and int(rmeilan["sources"].iloc[0]) == 2
