import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def readme_commands():
    block = re.search(r"```sh\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S).group(1)
    return [line for line in block.splitlines() if line.strip()]


def test_the_readme_opens_with_exactly_two_commands():
    run, test = readme_commands()
    assert run.endswith("streamlit run dashboard.py")
    assert test.endswith("python -m pytest")


def test_ci_runs_the_readme_test_command_verbatim():
    _, test = readme_commands()
    assert test in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()


def test_the_seed_article_is_bundled_with_its_metadata():
    article = ROOT / "seeds" / "000_aa4d7466b8e6fa91.txt"
    meta = json.loads(article.with_suffix(".json").read_text(encoding="utf-8"))
    assert meta["published"] == "2024-04-22"
    assert meta["language"] == "ar"
    assert meta["source"] == "Asharq / Reuters"
    assert "عين الأسد" in article.read_text(encoding="utf-8")
