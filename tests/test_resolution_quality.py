"""Resolution quality on public corpora, as regression floors (the benchmark script prints the figures)."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import corpora
from resolution import evaluate

pytestmark = pytest.mark.skipif(not corpora.available(), reason=f"corpora not found at {corpora.CORPORA}")


def test_lgl_accuracy_at_161_km_stays_in_the_published_range(gaz):
    assert evaluate("lgl")["acc@161"] >= 0.72


def test_arabic_idrisi_mentions_that_resolve_are_mostly_right(gaz):
    result = evaluate("idrisi")
    assert result["acc@161 resolved"] >= 0.82
    assert result["acc@161"] >= 0.57
