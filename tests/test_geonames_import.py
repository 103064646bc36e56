import threading
import zipfile
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from gazetteer import GeoNamesFormatError, import_geonames, load
from gazetteer.cli import main as gazetteer_cli
from gazetteer.store import ADMIN1_FILE, GEONAMES_FILE


def geoname(gid, name, lat, lon, fclass="P", fcode="PPL", cc="IQ", admin1="01", alternates="", population=0):
    fields = [gid, name, name, alternates, lat, lon, fclass, fcode, cc, "", admin1, "", "", "", str(population)]
    return "\t".join(fields + ["", "150", "Asia/Baghdad", "2024-01-31"]) + "\n"


VILLAGE = geoname("99000001", "Tall Ikhtibar", "34.1234", "42.5678", alternates="Tell Ikhtibar", population=700)
HAMLET = geoname("99000002", "Khirbat Tajriba", "34.2000", "42.6000")
ALTERNATE_NAMES = "1\t99000001\tar\tتل اختبار\t\t\t\t\t\t\n2\t99000001\tzh\t测试\t\t\t\t\t\t\n"
ADMIN1 = "IQ.01\tAl Anbar\tAl Anbar\t99592\n"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("served")
    with zipfile.ZipFile(folder / "IQ.zip", "w") as archive:
        archive.writestr("IQ.txt", VILLAGE + HAMLET)
    (folder / "alternateNamesV2.txt").write_text(ALTERNATE_NAMES, encoding="utf-8")
    (folder / "admin1CodesASCII.txt").write_text(ADMIN1, encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def imported(tmp_path_factory, served):
    root = tmp_path_factory.mktemp("gazetteer-home")
    report = import_geonames(
        f"{served}/IQ.zip",
        alternate_names=f"{served}/alternateNamesV2.txt",
        admin1_codes=f"{served}/admin1CodesASCII.txt",
        root=root,
    )
    return root, report


def snapshot(root):
    return {p.relative_to(root): p.read_bytes() for p in root.rglob("*") if p.is_file() and p.name != ".lock"}


def test_a_zipped_dump_from_a_url_is_imported_and_searchable(imported):
    root, report = imported
    assert report.places == 2
    place = load(root).lookup("Tall Ikhtibar")[0]
    assert place.id == "gn:99000001"
    assert (place.country_code, place.admin1, place.population) == ("IQ", "Al Anbar", 700)


def test_alternate_names_in_arabic_are_imported_and_other_scripts_are_not(imported):
    root, _ = imported
    assert load(root).lookup("تل اختبار")[0].id == "gn:99000001"
    assert load(root).lookup("测试") == []
    stored = (root / "imports" / GEONAMES_FILE).read_text(encoding="utf-8")
    assert "测试" not in stored


def test_the_builtin_places_are_still_there_after_an_import(imported):
    root, _ = imported
    assert load(root).lookup("رميلان")[0].country_code == "SY"


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_malformed_line_is_refused_with_file_and_line_and_nothing_changes(imported, tmp_path):
    root, _ = imported
    before = snapshot(root)
    bad = write(tmp_path, "SY.txt", HAMLET + geoname("99000003", "Broken", "north", "42.1"))
    with pytest.raises(GeoNamesFormatError, match=r"SY\.txt, line 2: coordinates"):
        import_geonames(bad, root=root)
    assert snapshot(root) == before
    assert load(root).lookup("Tall Ikhtibar")[0].id == "gn:99000001"


def test_a_line_with_missing_fields_is_refused(imported, tmp_path):
    root, _ = imported
    bad = write(tmp_path, "JO.txt", VILLAGE + "99000004\tShort\tShort\n")
    with pytest.raises(GeoNamesFormatError, match=r"JO\.txt, line 2: expected 19 tab-separated fields, found 3"):
        import_geonames(bad, root=root)


def test_a_file_cut_off_mid_line_is_refused_as_truncated(imported, tmp_path):
    root, _ = imported
    before = snapshot(root)
    bad = write(tmp_path, "LB.txt", VILLAGE + HAMLET[:-12])
    with pytest.raises(GeoNamesFormatError, match=r"LB\.txt, line 2"):
        import_geonames(bad, root=root)
    assert snapshot(root) == before


def test_a_truncated_zip_is_refused(imported, tmp_path):
    root, _ = imported
    whole = tmp_path / "whole.zip"
    with zipfile.ZipFile(whole, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("YE.txt", VILLAGE * 200)
    cut = tmp_path / "YE.zip"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    with pytest.raises(GeoNamesFormatError, match="YE.zip"):
        import_geonames(str(cut), root=root)


def test_a_missing_file_is_refused(imported, tmp_path):
    root, _ = imported
    with pytest.raises(GeoNamesFormatError, match="no such file"):
        import_geonames(str(tmp_path / "nowhere.txt"), root=root)


def test_the_command_line_reports_a_refused_import_and_exits_non_zero(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("GAZETTEER_HOME", str(tmp_path / "home"))
    bad = write(tmp_path, "EG.txt", "not a geonames line\n")
    assert gazetteer_cli(["import-geonames", bad]) == 2
    err = capsys.readouterr().err
    assert "EG.txt, line 1" in err and "nothing changed" in err
    assert not (tmp_path / "home" / "imports" / GEONAMES_FILE).exists()
    assert not (tmp_path / "home" / "imports" / ADMIN1_FILE).exists()
