import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def run(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "incidents", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
        env={**os.environ, **(env or {})},
    )


def test_extract_prints_json_rows_with_the_table_columns(gaz):
    result = run("extract", str(SEEDS / "000_aa4d7466b8e6fa91.txt"))
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert {r["location"] for r in rows} >= {"Ain al-Asad Air Base", "Rmeilan"}
    assert rows[0]["article_id"] == "000_aa4d7466b8e6fa91"


def test_extract_of_a_txt_without_published_date_fails_with_a_message(tmp_path, gaz):
    path = tmp_path / "report.txt"
    path.write_text("Clashes broke out in Mosul on Sunday.", encoding="utf-8")
    result = run("extract", str(path))
    assert result.returncode == 1
    assert "report.txt" in result.stderr and "published" in result.stderr


def test_published_flag_fills_the_missing_date(tmp_path, gaz):
    path = tmp_path / "report.txt"
    path.write_text("Clashes broke out in Mosul on Sunday, killing two fighters.", encoding="utf-8")
    result = run("extract", str(path), "--published", "2024-04-23", "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert "2024-04-21" in result.stdout and "Mosul" in result.stdout


def test_a_bad_file_in_a_batch_is_reported_and_the_rest_is_stored(tmp_path, gaz):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    db = tmp_path / "incidents.db"
    result = run("ingest", str(empty), str(SEEDS), "--db", str(db))
    assert result.returncode == 1
    assert "empty.txt" in result.stderr
    assert "1 new articles" in result.stdout


def test_ingest_reads_the_database_path_from_the_environment(tmp_path, gaz):
    db = tmp_path / "env.db"
    result = run("ingest", str(SEEDS), env={"INCIDENTS_DB": str(db)})
    assert result.returncode == 0, result.stderr
    assert db.exists()


def test_export_filters_by_country_and_dates(tmp_path, gaz):
    db = tmp_path / "incidents.db"
    run("ingest", str(SEEDS), "--db", str(db))
    result = run("export", "--db", str(db), "--country", "Syria", "--from", "2024-04-21", "--to", "2024-04-21")
    lines = [line for line in result.stdout.splitlines() if line]
    assert len(lines) == 2 and "Rmeilan" in lines[1]
    geojson = json.loads(run("export", "--db", str(db), "--format", "geojson").stdout)
    assert len(geojson["features"]) >= 3
