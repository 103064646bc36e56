"""Running extraction over many articles: in this process or a pool of processes, then storing.

Extraction is a pure function of an article, so workers share nothing but the
gazetteer, which each worker loads once from its disk cache.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from .article import Article
from .store import IngestReport


@dataclass
class Outcome:
    """What extraction made of one article: its rows, or why it failed."""

    article_id: str
    rows: list[dict] = field(default_factory=list)
    error: str = ""


def extract_one(article: Article) -> Outcome:
    from . import extract_rows

    try:
        return Outcome(article.id, extract_rows(article))
    except Exception as error:  # one bad article must not sink a batch
        return Outcome(article.id, error=f"{type(error).__name__}: {error}")


def _warm_worker() -> None:
    import gazetteer

    gazetteer.default()


def extract_many(articles: Iterable[Article], workers: int = 1, chunksize: int = 8) -> list[Outcome]:
    """Outcomes in input order; `workers` > 1 runs a process pool, each worker loading the gazetteer once."""
    return list(iter_extract(articles, workers=workers, chunksize=chunksize))


def iter_extract(articles: Iterable[Article], workers: int = 1, chunksize: int = 8) -> Iterator[Outcome]:
    """Outcomes in input order as they are ready; `workers` > 1 runs a process pool (the gazetteer loaded once each)."""
    articles = list(articles)
    if workers <= 1:
        yield from (extract_one(a) for a in articles)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_warm_worker) as pool:
        yield from pool.map(extract_one, articles, chunksize=chunksize)


@dataclass
class IngestSummary(IngestReport):
    """What an ingest did: the store's counts, plus links made and articles that failed."""

    linked: int = 0
    failures: list[str] = field(default_factory=list)


def ingest(
    articles: Iterable[Article],
    imported: Iterable[dict] = (),
    *,
    db=None,
    workers: int = 1,
    progress: bool = False,
    batch_size: int = 500,
) -> IngestSummary:
    """Extract and store articles (skipping ones already stored) and imported incidents, batch by batch.

    Each batch is one transaction: an interrupted ingest keeps the batches
    already written and nothing of the batch in progress.
    """
    from .store import Store

    store = Store(db)
    articles = list(articles)
    fresh = [a for a in articles if not store.has_article(a)]
    summary = IngestSummary(duplicates=len(articles) - len(fresh))
    outcomes = iter_extract(fresh, workers=workers)
    if progress and len(fresh) > 1:
        from tqdm import tqdm

        outcomes = tqdm(outcomes, total=len(fresh), unit="article", file=sys.stderr)
    return store_outcomes(store, zip(fresh, outcomes), imported, summary=summary, batch_size=batch_size)


def store_outcomes(
    store,
    outcomes: Iterable[tuple[Article | None, Outcome]],
    imported: Iterable[dict] = (),
    *,
    summary: IngestSummary | None = None,
    batch_size: int = 500,
) -> IngestSummary:
    """Write extraction outcomes to the store in batches of one transaction each, linking events as it goes."""
    summary = summary or IngestSummary()
    batch: list[tuple[Article, list[dict]]] = []
    for article, outcome in outcomes:
        if outcome.error or article is None:
            summary.failures.append(f"{outcome.article_id}: {outcome.error}")
            continue
        batch.append((article, outcome.rows))
        if len(batch) >= batch_size:
            _write(store, batch, [], summary)
            batch = []
    _write(store, batch, list(imported), summary)
    return summary


def _write(store, batch, imported, summary: IngestSummary) -> None:
    """Store a batch in one transaction, then link its reports with the events already stored."""
    if not batch and not imported:
        return
    report = store.ingest(batch, imported)
    days = [str(r["event_date"])[:10] for _, rows in batch for r in rows] + [
        str(r.get("event_date"))[:10] for r in imported if r.get("event_date")
    ]
    if days:
        summary.linked += store.relink(min(days), max(days))
    summary.articles += report.articles
    summary.duplicates += report.duplicates
    summary.incidents += report.incidents
    summary.kept_reviewed += report.kept_reviewed


def ensure_seeded(store, seeds_dir, on_progress=None) -> IngestSummary | None:
    """Fill an empty database with the bundled seed articles, so a new user sees incidents at once."""
    from .readers import read_paths

    if store.count():
        return None
    result = read_paths([seeds_dir])
    summary = IngestSummary()
    for n, article in enumerate(result.articles, start=1):
        part = ingest([article], db=store.path)
        summary.articles += part.articles
        summary.incidents += part.incidents
        summary.failures += part.failures
        if on_progress:
            on_progress(n, len(result.articles))
    summary.failures += [str(e) for e in result.errors]
    return summary
