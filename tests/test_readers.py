import json
import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from incidents.article import detect_language
from incidents.readers import MAX_BYTES, ReadError, ReadResult, read_path, read_paths, read_text
from incidents.readers import sources as reader_sources

ROOT = Path(__file__).resolve().parents[1]

ARABIC = (
    "قُتل مدنيان وأصيب أربعة آخرون، الأحد، جراء غارة بطائرة مسيّرة استهدفت سيارة قرب بلدة رميلان "
    "في ريف الحسكة شمال شرق سوريا، بحسب ما أفاد مسؤول محلي لوكالة رويترز.\n\n"
    "وقال المرصد السوري لحقوق الإنسان إن الغارة أصابت السيارة على الطريق المؤدي إلى مدينة القامشلي."
)
ENGLISH = (
    "Two civilians were killed and four wounded when a drone struck a car near the town of Rmeilan "
    "in northeast Syria on Sunday, a local official told Reuters.\n\n"
    "The Syrian Observatory for Human Rights said the strike hit the vehicle on the road to Qamishli."
)
PERSIAN = (
    "به گزارش خبرگزاری‌ها، روز یکشنبه یک پهپاد خودرویی را در نزدیکی شهر رمیلان در شمال شرق سوریه "
    "هدف قرار داد. پلیس محلی گفت چهار نفر زخمی شدند و چند خودروی دیگر نیز آسیب دیدند."
)
DAY = date(2024, 4, 22)

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
<channel>
<title>Levant Wire</title>
<link>https://levant-wire.example/</link>
<description>Regional news</description>
<language>en-us</language>
<item>
<title>Drone strike kills two near Rmeilan</title>
<link>https://levant-wire.example/2024/04/rmeilan-strike</link>
<guid isPermaLink="false">lw-1001</guid>
<pubDate>Mon, 22 Apr 2024 01:30:00 +0300</pubDate>
<description>&lt;p&gt;Two civilians were killed when a drone struck a car near &lt;b&gt;Rmeilan&lt;/b&gt;
in northeast Syria on Sunday, a local official said.&lt;/p&gt;
&lt;p&gt;No group claimed the attack.&lt;/p&gt;</description>
</item>
<item>
<title>غارة على ريف الحسكة</title>
<link>https://levant-wire.example/ar/2024/04/hasakah</link>
<pubDate>Sun, 21 Apr 2024 18:00:00 GMT</pubDate>
<description>قُتل مدنيان جراء غارة بطائرة مسيّرة استهدفت سيارة قرب بلدة رميلان
في ريف الحسكة، بحسب مسؤول محلي.</description>
</item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Iraq Desk</title>
<id>urn:uuid:7e1e5e3a-iraq-desk</id>
<updated>2024-04-22T09:00:00Z</updated>
<entry>
<title>Rockets fired at Ain al-Asad air base</title>
<id>urn:uuid:ain-al-asad-2024-04-22</id>
<link href="https://iraq-desk.example/ain-al-asad"/>
<published>2024-04-22T08:15:00+03:00</published>
<updated>2024-04-22T09:00:00Z</updated>
<content type="html">&lt;p&gt;Two drones were shot down near Ain al-Asad air base in Anbar province
on Monday, a U.S. official said.&lt;/p&gt;</content>
</entry>
</feed>
"""

PAGE_DATE = '<meta property="article:published_time" content="2024-04-21T09:15:00+03:00">'
HTML_PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Drone strike hits convoy near Rmeilan | Levant Wire</title>
<meta property="og:title" content="Drone strike hits convoy near Rmeilan">
<meta property="og:site_name" content="Levant Wire">
{PAGE_DATE}
<link rel="canonical" href="https://levant-wire.example/world/convoy">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Drone strike hits convoy near Rmeilan</h1>
<p>A drone strike hit a fuel convoy near Rmeilan in northeast Syria on Sunday, killing two drivers,
a local official said.</p>
<p>The convoy was travelling from the oil fields towards Qamishli when it was struck in the early
hours, the official told reporters.</p>
<p>No group has claimed responsibility for the attack, which came a day after rockets were fired at
a nearby base hosting U.S. forces.</p>
</article>
<footer>Copyright 2024 Levant Wire. Subscribe to our newsletter.</footer>
</body></html>
"""

ACLED_HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,"
    "inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,"
    "location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp"
)
ACLED_NUMERIC_ROW = (
    "IRQ31245,22 April 2024,2024,1,Political violence,Explosions/Remote violence,Air/drone strike,"
    "Unidentified Armed Group (Iraq),,3,Military Forces of the United States (2021-),,8,38,,368,Middle East,"
    "Iraq,Al Anbar,Heet,,Ain al-Asad Air Base,33.7856,42.4412,1,Reuters,International,"
    '"On 22 April 2024, two drones were shot down near Ain al-Asad air base.",0,,1714000000'
)
ACLED_TEXT_ROW = (
    "SYR99871,2024-04-21,2024,1,Political violence,Battles,Armed clash,Military Forces of Syria (2000-),,"
    "State forces,Hayat Tahrir al Sham,,Rebel group,State forces-Rebel group,,760,Middle East,Syria,Idleb,"
    "Ariha,,Kafr Nobol,35.6136,36.5611,2,SOHR,Other,Clashes near Kafr Nobol.,3,,1714000001"
)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def messages(result: ReadResult) -> list[str]:
    return [str(error) for error in result.errors]


class _Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[str, bytes, float]] = {}

    def do_GET(self):
        if self.path not in self.routes:
            self.send_error(404, "Not Found")
            return
        content_type, body, delay = self.routes[self.path]
        time.sleep(delay)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def serve(path: str, content_type: str, body: str | bytes, delay: float = 0.0) -> None:
    _Handler.routes[path] = (content_type, body.encode("utf-8") if isinstance(body, str) else body, delay)


# The record types


def test_read_error_prints_path_and_line():
    assert str(ReadError("news/feed.jsonl", "missing text", 3)) == "news/feed.jsonl, line 3: missing text"
    assert str(ReadError("news/a.txt", "empty file")) == "news/a.txt: empty file"


def test_default_size_limit_is_twenty_megabytes():
    assert MAX_BYTES == 20 * 1024 * 1024


# Plain text and sidecars


def test_bundled_seed_is_read_with_its_sidecar_metadata():
    result = read_path(ROOT / "seeds" / "000_aa4d7466b8e6fa91.txt")
    assert result.errors == []
    (article,) = result.articles
    assert article.published == date(2024, 4, 22)
    assert article.language == "ar"
    assert article.source == "Asharq / Reuters"
    assert article.id == "000_aa4d7466b8e6fa91"
    assert "عين الأسد" in article.text


def test_txt_sidecar_supplies_metadata(tmp_path):
    write(tmp_path / "rmeilan.txt", ENGLISH)
    sidecar = {"id": "lw-77", "title": "Drone strike near Rmeilan", "published": "2024-04-22T10:05:00+03:00"}
    write(tmp_path / "rmeilan.json", json.dumps({**sidecar, "source": "Levant Wire", "url": "https://lw.example/77"}))
    (article,) = read_path(tmp_path / "rmeilan.txt").articles
    assert (article.id, article.title, article.published) == ("lw-77", "Drone strike near Rmeilan", DAY)
    assert (article.source, article.url, article.language) == ("Levant Wire", "https://lw.example/77", "en")


def test_explicit_arguments_win_over_the_sidecar(tmp_path):
    write(tmp_path / "rmeilan.txt", ENGLISH)
    write(tmp_path / "rmeilan.json", json.dumps({"published": "2024-04-22", "source": "Levant Wire"}))
    (article,) = read_path(tmp_path / "rmeilan.txt", published=date(2024, 4, 23), source="Reuters").articles
    assert (article.published, article.source) == (date(2024, 4, 23), "Reuters")


def test_txt_without_sidecar_takes_the_file_stem_as_id_and_the_argument_date(tmp_path):
    write(tmp_path / "hasakah-strike.txt", ARABIC)
    (article,) = read_path(tmp_path / "hasakah-strike.txt", published=DAY).articles
    assert (article.id, article.published, article.language, article.text) == ("hasakah-strike", DAY, "ar", ARABIC)


def test_txt_without_a_published_date_is_an_error(tmp_path):
    path = write(tmp_path / "undated.txt", ENGLISH)
    result = read_path(path)
    assert result.articles == []
    assert messages(result) == [f"{path}: no published date: give --published or a NAME.json sidecar"]


def test_txt_headline_first_line_becomes_the_title_and_stays_in_the_text(tmp_path):
    path = write(tmp_path / "a.txt", "Drone strike kills two near Rmeilan\n\n" + ENGLISH)
    (article,) = read_path(path, published=DAY).articles
    assert article.title == "Drone strike kills two near Rmeilan"
    assert article.text.startswith("Drone strike kills two near Rmeilan\n\n")


def test_txt_first_line_that_is_a_sentence_is_not_a_title(tmp_path):
    path = write(tmp_path / "a.txt", ENGLISH)
    (article,) = read_path(path, published=DAY).articles
    assert article.title == ""


def test_windows_line_ends_are_read_as_newlines(tmp_path):
    path = write(tmp_path / "crlf.txt", ENGLISH.replace("\n", "\r\n").encode("utf-8"))
    (article,) = read_path(path, published=DAY).articles
    assert article.text == ENGLISH


def test_broken_sidecar_is_an_error_naming_the_sidecar(tmp_path):
    write(tmp_path / "a.txt", ENGLISH)
    sidecar = write(tmp_path / "a.json", '{"published": "2024-04-22",\n "source": }')
    result = read_path(tmp_path / "a.txt")
    assert result.articles == []
    assert messages(result) == [f"{sidecar}, line 2: not valid JSON: Expecting value"]


# Encodings and unreadable files


def test_windows_1256_arabic_file_is_decoded(tmp_path):
    path = write(tmp_path / "cp1256.txt", ARABIC.encode("cp1256"))
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    (article,) = read_path(path, published=DAY).articles
    assert article.text == ARABIC
    assert article.language == "ar"


def test_windows_1256_page_is_decoded_by_its_declared_charset(tmp_path):
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
        '<meta property="article:published_time" content="2024-04-22"></head>'
        f"<body><article><p>{ARABIC.replace(chr(10) * 2, '</p><p>')}</p></article></body></html>"
    )
    path = write(tmp_path / "page.html", page.encode("cp1256"))
    (article,) = read_path(path).articles
    assert "بلدة رميلان" in article.text
    assert article.published == DAY


def test_arabic_served_under_a_default_latin1_charset_is_still_read_as_arabic(server):
    serve("/news/hasakah.txt", "text/plain; charset=ISO-8859-1", ARABIC.encode("cp1256"))
    (article,) = read_path(f"{server}/news/hasakah.txt", published=DAY).articles
    assert (article.text, article.id) == (ARABIC, "hasakah")


def test_utf8_byte_order_mark_is_removed(tmp_path):
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + ENGLISH.encode("utf-8"))
    (article,) = read_path(path, published=DAY).articles
    assert article.text == ENGLISH


def test_utf16_file_with_byte_order_mark_is_decoded(tmp_path):
    path = write(tmp_path / "utf16.txt", ARABIC.encode("utf-16"))
    (article,) = read_path(path, published=DAY).articles
    assert article.text == ARABIC


def test_bytes_in_no_known_encoding_are_an_error(tmp_path):
    path = write(tmp_path / "mojibake.txt", bytes(range(0x80, 0x100)) * 8)
    assert messages(read_path(path, published=DAY)) == [f"{path}: not text in a known encoding"]


def test_empty_and_whitespace_only_files_are_errors(tmp_path):
    empty = write(tmp_path / "empty.txt", b"")
    blank = write(tmp_path / "blank.txt", "  \n\t\n")
    result = read_paths([empty, blank], published=DAY)
    assert messages(result) == [f"{empty}: empty file", f"{blank}: empty file"]


def test_binary_file_is_an_error(tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"
    path = write(tmp_path / "photo.txt", png * 20)
    assert messages(read_path(path, published=DAY)) == [f"{path}: binary file, not text"]


def test_file_over_the_size_limit_is_refused_naming_size_and_limit(tmp_path):
    path = write(tmp_path / "long.txt", ENGLISH * 10)
    size = path.stat().st_size
    result = read_path(path, published=DAY, max_bytes=1000)
    assert result.articles == []
    assert messages(result) == [f"{path}: file is {size:,} bytes, over the limit of 1,000 bytes"]


def test_oversize_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: nothing to read, yet over the limit
    monkeypatch.setattr(Path, "open", lambda *a, **k: pytest.fail("the oversize file was opened"))
    (error,) = read_path(path, published=DAY).errors
    assert "over the limit of 20,971,520 bytes" in error.message


# Languages


def test_persian_text_is_reported_as_unsupported(tmp_path):
    assert detect_language(PERSIAN) == "fa"
    path = write(tmp_path / "persian.txt", PERSIAN)
    result = read_path(path, published=DAY)
    assert result.articles == []
    assert messages(result) == [f"{path}: unsupported language 'fa'"]


def test_declared_unsupported_language_is_reported(tmp_path):
    path = write(tmp_path / "a.jsonl", json.dumps({"text": ENGLISH, "published": "2024-04-22", "language": "fr"}))
    assert messages(read_path(path)) == [f"{path}, line 1: unsupported language 'fr'"]


# JSON and JSON Lines


def test_jsonl_bad_lines_are_errors_with_their_line_and_good_lines_are_read(tmp_path):
    lines = [
        json.dumps({"id": "en-1", "text": ENGLISH, "published": "2024-04-22", "source": "Reuters"}),
        "{not json",
        json.dumps({"text": ARABIC, "published": "2024-04-21"}, ensure_ascii=False),
        json.dumps(["a", "list"]),
        json.dumps({"id": "no-text", "published": "2024-04-22"}),
        "",
        json.dumps({"id": "bad-date", "text": ENGLISH, "published": "22/04/2024"}),
    ]
    path = write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    result = read_path(path)
    assert [(a.id, a.language, a.published) for a in result.articles] == [
        ("en-1", "en", DAY),
        ("batch:3", "ar", date(2024, 4, 21)),
    ]
    assert [(e.path, e.line) for e in result.errors] == [(str(path), 2), (str(path), 4), (str(path), 5), (str(path), 7)]
    assert "missing text" in result.errors[2].message
    assert "bad published date '22/04/2024'" in result.errors[3].message


def test_json_list_of_articles_is_read(tmp_path):
    items = [
        {"id": "a", "text": ENGLISH, "published": "2024-04-22", "title": "Strike near Rmeilan"},
        {"text": ARABIC, "published": "2024-04-22", "url": "https://example.org/ar"},
    ]
    path = write(tmp_path / "two.json", json.dumps(items, ensure_ascii=False))
    result = read_path(path)
    assert [(a.id, a.title, a.url, a.language) for a in result.articles] == [
        ("a", "Strike near Rmeilan", "", "en"),
        ("two:2", "", "https://example.org/ar", "ar"),
    ]


def test_json_single_object_takes_the_stem_as_id_and_the_argument_date(tmp_path):
    path = write(tmp_path / "single.json", json.dumps({"text": ENGLISH}))
    (article,) = read_path(path, published=DAY).articles
    assert (article.id, article.published) == ("single", DAY)


# Web pages


def test_html_page_gives_main_text_title_url_and_date_from_its_metadata(tmp_path):
    path = write(tmp_path / "convoy.html", HTML_PAGE)
    (article,) = read_path(path, published=date(2030, 1, 1)).articles
    assert article.title == "Drone strike hits convoy near Rmeilan"
    assert article.published == date(2024, 4, 21)
    assert article.url == "https://levant-wire.example/world/convoy"
    assert "killing two drivers" in article.text
    assert "Subscribe" not in article.text and "Home" not in article.text
    assert (article.source, article.language) == ("Levant Wire", "en")


def test_html_page_without_a_date_takes_the_argument_or_is_an_error(tmp_path):
    path = write(tmp_path / "undated.htm", HTML_PAGE.replace(PAGE_DATE, ""))
    assert messages(read_path(path)) == [f"{path}: no published date in the page: give --published"]
    (article,) = read_path(path, published=DAY).articles
    assert article.published == DAY


def test_html_page_served_over_http_is_read(server):
    serve("/world/convoy.html", "text/html; charset=utf-8", HTML_PAGE)
    (article,) = read_path(f"{server}/world/convoy.html").articles
    assert article.title == "Drone strike hits convoy near Rmeilan"


# Feeds


def test_rss_file_gives_one_article_per_entry(tmp_path):
    path = write(tmp_path / "wire.rss", RSS)
    result = read_path(path)
    assert result.errors == []
    first, second = result.articles
    assert (first.id, first.url, first.title) == (
        "lw-1001",
        "https://levant-wire.example/2024/04/rmeilan-strike",
        "Drone strike kills two near Rmeilan",
    )
    assert first.text.startswith("Two civilians were killed when a drone struck a car near Rmeilan in northeast")
    assert "<" not in first.text and first.text.endswith("No group claimed the attack.")
    assert (first.source, first.language, second.language) == ("Levant Wire", "en", "ar")
    assert second.id == "https://levant-wire.example/ar/2024/04/hasakah"


def test_feed_dates_keep_the_publishers_own_day(tmp_path):
    # 01:30 in Baghdad on the 22nd is still the 21st in UTC.
    (first, second) = read_path(write(tmp_path / "wire.rss", RSS)).articles
    assert (first.published, second.published) == (DAY, date(2024, 4, 21))


def test_rss_feed_served_over_http_is_read(server):
    serve("/feeds/levant", "application/rss+xml", RSS)
    result = read_path(f"{server}/feeds/levant")
    assert [a.id for a in result.articles] == ["lw-1001", "https://levant-wire.example/ar/2024/04/hasakah"]


def test_atom_feed_served_over_http_is_read(server):
    serve("/iraq.atom", "application/atom+xml; charset=utf-8", ATOM)
    (article,) = read_path(f"{server}/iraq.atom", source="Iraq Desk wire").articles
    assert (article.id, article.url, article.published) == (
        "urn:uuid:ain-al-asad-2024-04-22",
        "https://iraq-desk.example/ain-al-asad",
        DAY,
    )
    assert article.text.startswith("Two drones were shot down near Ain al-Asad air base")
    assert article.source == "Iraq Desk wire"


def test_atom_feed_in_an_xml_file_is_recognised_by_content(tmp_path):
    (article,) = read_path(write(tmp_path / "export.xml", ATOM)).articles
    assert article.title == "Rockets fired at Ain al-Asad air base"


def test_feed_entry_without_a_date_is_an_error_unless_the_argument_gives_one(tmp_path):
    undated = RSS.replace("<pubDate>Sun, 21 Apr 2024 18:00:00 GMT</pubDate>", "")
    path = write(tmp_path / "wire.rss", undated)
    result = read_path(path)
    assert [a.id for a in result.articles] == ["lw-1001"]
    assert messages(result) == [f"{path}: entry 2 (غارة على ريف الحسكة): no published date: give --published"]
    assert len(read_path(path, published=DAY).articles) == 2


def test_garbage_feed_is_an_error_naming_the_file(tmp_path):
    path = write(tmp_path / "broken.rss", "<<<< this is not XML at all >>>>\n\x1b[0m")
    result = read_path(path)
    assert result.articles == []
    (error,) = result.errors
    assert error.path == str(path) and error.message.startswith("not a readable feed")


def test_truncated_feed_keeps_whole_entries_and_reports_where_it_breaks(tmp_path):
    cut = RSS[: RSS.index("<title>غارة")]
    path = write(tmp_path / "cut.rss", cut)
    result = read_path(path)
    assert [a.id for a in result.articles] == ["lw-1001"]
    assert any(e.message.startswith("feed is cut short or malformed") and e.line for e in result.errors)


def test_feed_url_that_answers_404_is_an_error(server):
    url = f"{server}/missing.rss"
    assert messages(read_path(url)) == [f"{url}: HTTP 404 Not Found"]


def test_unreachable_url_is_an_error(server):
    closed = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    url = f"http://127.0.0.1:{closed.server_address[1]}/feed.rss"
    closed.server_close()
    (error,) = read_path(url).errors
    assert error.path == url and error.message.startswith("cannot fetch")


def test_slow_url_times_out_as_an_error(server, monkeypatch):
    monkeypatch.setattr(reader_sources, "FETCH_TIMEOUT", 0.2)
    serve("/slow.rss", "application/rss+xml", RSS, delay=1.0)
    assert messages(read_path(f"{server}/slow.rss")) == [f"{server}/slow.rss: no answer within 0.2 seconds"]


def test_download_over_the_size_limit_is_refused(server):
    serve("/big.rss", "application/rss+xml", RSS)
    (error,) = read_path(f"{server}/big.rss", max_bytes=500).errors
    assert "over the limit of 500 bytes" in error.message


# ACLED exports


def test_acled_csv_rows_become_incidents_with_numbers_and_iso_dates(tmp_path):
    path = write(tmp_path / "acled.csv", f"{ACLED_HEADER}\n{ACLED_NUMERIC_ROW}\n")
    result = read_path(path)
    assert result.errors == [] and result.articles == []
    (row,) = result.incidents
    assert row["event_id_cnty"] == "IRQ31245"
    assert row["event_date"] == "2024-04-22"
    assert (row["latitude"], row["longitude"]) == (33.7856, 42.4412)
    assert (row["inter1"], row["inter2"], row["interaction"]) == (3, 8, 38)
    assert (row["year"], row["fatalities"], row["geo_precision"], row["timestamp"]) == (2024, 0, 1, 1714000000)
    assert (row["status"], row["language"], row["source_url"], row["article_id"]) == ("new", "", "", "")
    assert "incident_id" not in row and "confidence" not in row


def test_acled_text_actor_types_become_codes(tmp_path):
    path = write(tmp_path / "acled.csv", f"{ACLED_HEADER}\n{ACLED_TEXT_ROW}\n")
    (row,) = read_path(path).incidents
    assert (row["inter1"], row["inter2"], row["interaction"]) == (1, 2, 12)
    assert (row["event_date"], row["fatalities"]) == ("2024-04-21", 3)


def test_acled_interaction_names_are_coded_lower_first():
    from incidents.readers.acled import interaction_code

    assert interaction_code("Rebel group-State forces") == 12
    assert interaction_code("Civilians-External/Other forces") == 78
    assert interaction_code("Protesters only") == 60


def test_acled_bad_rows_are_errors_with_their_line_and_good_rows_are_read(tmp_path):
    bad_date = ACLED_TEXT_ROW.replace("2024-04-21", "21/04/2024")
    bad_lat = ACLED_TEXT_ROW.replace("35.6136", "135.6")
    path = write(tmp_path / "acled.csv", "\n".join([ACLED_HEADER, bad_date, ACLED_NUMERIC_ROW, bad_lat]) + "\n")
    result = read_path(path)
    assert [row["event_id_cnty"] for row in result.incidents] == ["IRQ31245"]
    assert [(e.line, e.message.split(":")[0]) for e in result.errors] == [
        (2, "bad event_date '21/04/2024'"),
        (4, "bad latitude '135.6'"),
    ]


def test_csv_without_acled_columns_is_an_error_naming_the_file(tmp_path):
    path = write(tmp_path / "people.csv", "name,city\nAhmed,Mosul\n")
    result = read_path(path)
    assert result.incidents == []
    assert messages(result) == [
        f"{path}: not an ACLED CSV: missing column(s) event_id_cnty, event_date, event_type, country, latitude, "
        "longitude"
    ]


def test_csv_that_does_not_parse_is_an_error_naming_the_file(tmp_path):
    path = write(tmp_path / "broken.csv", f'{ACLED_HEADER}\n{ACLED_NUMERIC_ROW}\n"IRQ1,"unclosed quote')
    path.write_text(path.read_text(encoding="utf-8") + "x" * 200_000, encoding="utf-8")
    result = read_path(path)
    assert result.incidents == []
    (error,) = result.errors
    assert error.path == str(path) and error.message.startswith("not a readable CSV")


# Batches, directories and pasted text


def test_directory_is_read_recursively_in_sorted_order_without_its_sidecars(tmp_path):
    write(tmp_path / "b" / "2-en.txt", ENGLISH)
    write(tmp_path / "b" / "2-en.json", json.dumps({"published": "2024-04-20"}))
    write(tmp_path / "a" / "1-ar.txt", ARABIC)
    write(tmp_path / "a" / "notes.md", "ignored")
    write(tmp_path / ".cache" / "old.txt", ENGLISH)
    result = read_path(tmp_path, published=DAY)
    assert result.errors == []
    assert [a.id for a in result.articles] == ["1-ar", "2-en"]


def test_sidecar_listed_beside_its_text_is_not_read_as_an_article(tmp_path):
    text = write(tmp_path / "rmeilan.txt", ENGLISH)
    sidecar = write(tmp_path / "rmeilan.json", json.dumps({"published": "2024-04-22"}))
    result = read_paths([text, sidecar, text])
    assert (result.errors, [a.id for a in result.articles]) == ([], ["rmeilan"])


def test_one_bad_input_does_not_stop_the_batch(tmp_path):
    good = write(tmp_path / "good.txt", ENGLISH)
    missing = tmp_path / "missing.txt"
    result = read_paths([missing, good, write(tmp_path / "empty.txt", "")], published=DAY)
    assert [a.id for a in result.articles] == ["good"]
    assert [e.message for e in result.errors] == ["no such file or directory", "empty file"]
    assert str(good) not in {e.path for e in result.errors}


def test_reading_writes_nothing(tmp_path):
    write(tmp_path / "a.txt", ENGLISH)
    write(tmp_path / "feed.rss", RSS)
    write(tmp_path / "acled.csv", f"{ACLED_HEADER}\n{ACLED_NUMERIC_ROW}\n")
    before = sorted((p, p.stat().st_mtime_ns) for p in tmp_path.rglob("*"))
    read_path(tmp_path, published=DAY)
    assert sorted((p, p.stat().st_mtime_ns) for p in tmp_path.rglob("*")) == before


def test_pasted_text_becomes_an_article_with_a_content_id():
    article = read_text("Rockets hit Baghdad\n\n" + ENGLISH, published=DAY, source="Reuters")
    assert (article.language, article.source, article.title) == ("en", "Reuters", "Rockets hit Baghdad")
    assert article.id == f"text:{article.content_hash[:16]}"
    assert read_text(ARABIC, published=DAY, id="paste-1").id == "paste-1"


def test_pasted_text_in_an_unsupported_language_raises_read_error():
    with pytest.raises(ReadError, match="unsupported language 'fa'"):
        read_text(PERSIAN, published=DAY)
