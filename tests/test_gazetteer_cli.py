import json
import subprocess
import sys


def run(*args):
    return subprocess.run([sys.executable, "-m", "gazetteer", *args], capture_output=True, text=True, timeout=600)


def test_lookup_json_lists_candidates_best_first(gaz):
    result = run("lookup", "Tripoli", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows[0]["country_code"] == "LY"
    assert {"name", "latitude", "longitude", "country_code", "admin1", "feature_code", "population", "score"} <= set(
        rows[0]
    )
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)


def test_lookup_with_country(gaz):
    rows = json.loads(run("lookup", "طرابلس", "--country", "LB", "--json").stdout)
    assert rows and all(r["country_code"] == "LB" for r in rows)


def test_lookup_of_an_unknown_name_fails_with_a_message(gaz):
    result = run("lookup", "Qwzxblorp")
    assert result.returncode == 1
    assert "no place named" in result.stderr


def test_stats_describes_the_index(gaz):
    result = run("stats")
    assert result.returncode == 0
    assert "places:" in result.stdout and "sites.csv" in result.stdout
