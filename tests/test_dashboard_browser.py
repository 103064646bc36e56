"""The dashboard in a real browser: Chromium driven by Playwright against `streamlit run dashboard.py`.

One server serves the whole module, with a database of its own that a first
visit fills from the seed article: three current incidents (Ain al-Asad Air
Base and a country-level incident in Iraq, Rmeilan in Syria) and a hidden
background one. Map tiles come from a local stub. Every test opens a fresh
browser context. The tests that add articles come last, and count from what
the page showed before them.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from browser import FIRST_LOAD_MS, REPO, STEP_MS, DashboardServer, TileStub, Visit, launch_chromium, require_chromium
from playwright.sync_api import expect, sync_playwright

from incidents.store import Store
from incidents.taxonomy import ACLED_COLUMNS

pytestmark = pytest.mark.browser

TITLE = "Incident Atlas"
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
TILE_PATH = re.compile(r"/\d+/\d+/\d+\.png")
PUBLISHED = date(2024, 5, 6)  # "on Sunday" is then 5 May 2024
BINT_JBEIL = (
    "BEIRUT (Reuters) - An Israeli drone strike killed two people in the southern Lebanese town of "
    "Bint Jbeil on Sunday, Lebanese security sources said."
)
TYRE = (
    "BEIRUT (Reuters) - An Israeli air strike killed one person in the southern Lebanese city of "
    "Tyre on Sunday, Lebanese security sources said."
)
IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>document.title='pwned'</script>"
HOSTILE = f"MOSUL (Reuters) - {IMG} {SCRIPT} An explosion killed three people in Mosul on Sunday."


@pytest.fixture(scope="module")
def chromium():
    require_chromium()
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def tiles():
    with TileStub() as stub:
        yield stub


@pytest.fixture(scope="module")
def dashboard(tmp_path_factory, tiles, chromium):
    """The running dashboard, visited once so that its database is seeded before any test looks."""
    folder = tmp_path_factory.mktemp("dashboard")
    server = DashboardServer(folder / "incidents.db", tiles.url, folder / "streamlit.log").start()
    try:
        first = Visit(chromium, server.url)
        try:
            first.open("/", timeout=FIRST_LOAD_MS)
        finally:
            first.close()
        yield server
    finally:
        server.stop()


@pytest.fixture
def visit(chromium, dashboard):
    session = Visit(chromium, dashboard.url)
    yield session
    session.close()


def save_article(visit: Visit, text: str, source: str = "Test wire") -> None:
    """Paste an article on the "Add and review" page, extract its incidents, save them, and go back to Explore."""
    page = visit.page
    visit.go_to("Add and review")
    page.get_by_role("textbox", name="Article text (Arabic or English)").fill(text)
    visit.type_date("Published", PUBLISHED)
    page.get_by_role("textbox", name="Source").fill(source)
    page.get_by_role("button", name="Extract incidents").click()
    expect(page.get_by_text("Review: 1 extracted, 0 imported")).to_be_visible(timeout=STEP_MS)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved 1 reviewed incidents")).to_be_visible(timeout=STEP_MS)
    visit.go_to("Explore")
    visit.wait_for_figures()


def test_seed_incidents_show_as_separate_markers_on_the_map(visit):
    visit.open("/")

    expect(visit.metric("Incidents")).to_have_text("3")
    visit.wait_for_drawn(3)
    expect(visit.markers).to_have_count(3)
    expect(visit.clusters).to_have_count(0)
    assert visit.errors == []


def test_a_country_filter_changes_the_figures_and_the_link(visit):
    visit.open("/")

    visit.choose("Country", "Syria")

    expect(visit.metric("Incidents")).to_have_text("1", timeout=STEP_MS)
    expect(visit.metric("Countries")).to_have_text("1")
    visit.page.wait_for_url(lambda url: parse_qs(urlsplit(url).query).get("country") == ["Syria"], timeout=STEP_MS)


def test_a_country_filter_changes_the_markers(visit):
    visit.open("/")
    visit.wait_for_drawn(3)

    visit.choose("Country", "Syria")

    expect(visit.metric("Incidents")).to_have_text("1", timeout=STEP_MS)
    visit.wait_for_drawn(1)
    expect(visit.markers).to_have_count(1)


def test_a_link_with_a_country_shows_only_its_markers(visit):
    visit.open("/?country=Syria")

    expect(visit.metric("Incidents")).to_have_text("1")
    visit.wait_for_drawn(1)
    expect(visit.markers).to_have_count(1)


def test_the_csv_download_holds_exactly_the_filtered_rows(visit, dashboard):
    visit.open("/?country=Syria")
    expect(visit.metric("Incidents")).to_have_text("1")

    with visit.page.expect_download(timeout=STEP_MS) as download:
        visit.page.get_by_role("button", name="Download CSV").click()

    assert download.value.suggested_filename == "incidents.csv"
    header, *rows = csv.reader(io.StringIO(download.value.path().read_text(encoding="utf-8-sig")))
    assert header[: len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)
    records = [dict(zip(header, row, strict=True)) for row in rows]
    table = Store(dashboard.database).incidents()
    syria = table[(table["country"] == "Syria") & ~table["tags"].fillna("").str.contains("background")]
    assert [record["incident_id"] for record in records] == syria["incident_id"].tolist()
    assert [record["country"] for record in records] == ["Syria"]


def test_no_request_leaves_the_machine(visit, tiles):
    served = len(tiles.paths)
    visit.open("/")
    visit.wait_until(lambda: len(tiles.paths) > served, "the stub was asked for no map tile")
    visit.go_to("Add and review")
    expect(visit.page.get_by_role("button", name="Extract incidents")).to_be_visible(timeout=STEP_MS)

    network = [url for url in visit.requests if urlsplit(url).scheme in ("http", "https", "ws", "wss")]
    assert network, "the page made no request at all"
    assert {urlsplit(url).hostname for url in network} <= LOCAL_HOSTS, sorted(set(network))
    assert "/app/static/vendor/leaflet.js" in {urlsplit(url).path for url in network}, "Leaflet comes from the app"
    tile_hosts = {urlsplit(url).netloc for url in network if TILE_PATH.fullmatch(urlsplit(url).path)}
    assert tile_hosts == {tiles.host}, "map tiles come from the stub"


def test_a_screenshot_of_the_main_page_is_saved(visit):
    visit.open("/")
    visit.wait_for_tiles()
    visit.wait_for_drawn(visit.incidents())

    target = REPO / "artifacts" / "dashboard.png"
    target.parent.mkdir(exist_ok=True)
    visit.page.screenshot(path=str(target), full_page=True)

    assert target.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


# The tests below add articles to the database.


def test_a_pasted_article_adds_its_incidents_to_the_figures(visit, dashboard):
    visit.open("/")
    before = visit.incidents()

    save_article(visit, BINT_JBEIL)

    expect(visit.metric("Incidents")).to_have_text(str(before + 1), timeout=STEP_MS)
    table = Store(dashboard.database).incidents()
    assert table.loc[table["location"] == "Bint Jbeil", "status"].tolist() == ["reviewed"]


def test_a_pasted_article_adds_its_incidents_to_the_map(visit):
    visit.open("/")
    before = visit.incidents()
    visit.wait_for_drawn(before)

    save_article(visit, TYRE)

    expect(visit.metric("Incidents")).to_have_text(str(before + 1), timeout=STEP_MS)
    visit.wait_for_drawn(before + 1)


def test_markup_in_an_article_runs_no_script(visit):
    visit.open("/")
    before = visit.incidents()

    save_article(visit, HOSTILE)
    expect(visit.metric("Incidents")).to_have_text(str(before + 1), timeout=STEP_MS)
    visit.open("/?q=onerror")
    expect(visit.metric("Incidents")).to_have_text("1")
    visit.wait_for_drawn(1)

    assert visit.dialogs == []
    assert visit.dialogs_in_frames() == {}
    assert visit.page.title() == TITLE
    assert "pwned" not in visit.frame_titles()
    assert "/x" not in {urlsplit(url).path for url in visit.requests}, "the <img src=x> was never loaded"


def test_markup_in_an_article_shows_as_text_in_its_popup(visit):
    visit.open("/")
    save_article(visit, HOSTILE)  # saved once: saving it again only updates the reviewed incident
    visit.open("/?q=onerror")
    expect(visit.metric("Incidents")).to_have_text("1")
    visit.wait_for_drawn(1)

    visit.markers.first.click()

    popup = visit.map.locator(".leaflet-popup-content")
    expect(popup).to_contain_text(IMG, timeout=STEP_MS)
    expect(popup).to_contain_text(SCRIPT)
    expect(popup.locator("img, script")).to_have_count(0)
    assert visit.dialogs == []
    assert visit.dialogs_in_frames() == {}
    assert visit.page.title() == TITLE
    assert "pwned" not in visit.frame_titles()
