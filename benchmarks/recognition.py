"""Place-name recognition quality: precision, recall and F1 of mention spans.

Arabic: IDRISI-R (tweets, gold location mentions, types ignored, as IDRISI
reports). English: LGL (local news, gold toponym spans). A predicted span counts
as right when it matches a gold span exactly ("strict") or overlaps one
("overlap"). The recogniser is the product's own: gazetteer matching with
homograph, cue and set-phrase rules, as used by the extractor.

    python benchmarks/recognition.py [--corpus idrisi|lgl] [--errors N]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpora

import gazetteer
from incidents.text import Line, sentences
from incidents.toponyms import find_mentions

READERS = {"idrisi": (corpora.idrisi_recognition, "ar"), "lgl": (corpora.lgl, "en")}


def spans(text: str, language: str, gaz) -> list[tuple[int, int]]:
    body = sentences(text, Line(0, len(text), "body"), 0)
    return [(m.start, m.end) for m in find_mentions(text, body, language, gaz)]


def evaluate(name: str, show_errors: int = 0) -> dict:
    reader, language = READERS[name]
    gaz = gazetteer.default()
    strict = overlap_p = overlap_g = predicted = gold_total = 0
    missed: Counter = Counter()
    spurious: Counter = Counter()
    started = time.perf_counter()
    for doc in reader():
        gold = {(t.start, t.end) for t in doc.toponyms}
        found = set(spans(doc.text, language, gaz))
        predicted += len(found)
        gold_total += len(gold)
        strict += len(gold & found)
        overlap_p += sum(any(s < ge and gs < e for gs, ge in gold) for s, e in found)
        overlap_g += sum(any(s < ge and gs < e for s, e in found) for gs, ge in gold)
        for s, e in gold - found:
            missed[doc.text[s:e]] += 1
        for s, e in found:
            if not any(s < ge and gs < e for gs, ge in gold):
                spurious[doc.text[s:e]] += 1
    seconds = time.perf_counter() - started

    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    p, r = strict / max(1, predicted), strict / max(1, gold_total)
    po, ro = overlap_p / max(1, predicted), overlap_g / max(1, gold_total)
    if show_errors:
        print("  missed:", ", ".join(f"{k} {v}" for k, v in missed.most_common(show_errors)))
        print("  spurious:", ", ".join(f"{k} {v}" for k, v in spurious.most_common(show_errors)))
    return {
        "corpus": name,
        "gold": gold_total,
        "predicted": predicted,
        "P": p,
        "R": r,
        "F1": f1(p, r),
        "overlap P": po,
        "overlap R": ro,
        "overlap F1": f1(po, ro),
        "seconds": seconds,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", choices=sorted(READERS), action="append")
    parser.add_argument("--errors", type=int, default=0)
    args = parser.parse_args()
    if not corpora.available():
        sys.exit(f"corpora not found at {corpora.CORPORA}")
    for name in args.corpus or ["idrisi", "lgl"]:
        r = evaluate(name, args.errors)
        print("  ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in r.items()))


if __name__ == "__main__":
    main()
