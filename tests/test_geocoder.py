import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from gazetteer import GazetteerGeocoder


def test_it_is_a_geopy_geocoder(gaz):
    assert isinstance(GazetteerGeocoder(gaz), Geocoder)


def test_geocode_returns_a_geopy_location_with_our_fields_in_raw(gaz):
    location = GazetteerGeocoder(gaz).geocode("عين الأسد")
    assert isinstance(location, Location)
    assert abs(location.latitude - 33.79) < 0.1
    assert location.raw["feature_code"] == "AIRB"
    assert location.raw["country_code"] == "IQ"
    assert "Iraq" in location.address


def test_geocode_filters_by_country_codes(gaz):
    geocoder = GazetteerGeocoder(gaz)
    assert geocoder.geocode("Tripoli", country_codes="lb").raw["country_code"] == "LB"
    assert geocoder.geocode("Tripoli", country_codes=["LY"]).raw["country_code"] == "LY"


def test_geocode_can_return_all_candidates(gaz):
    found = GazetteerGeocoder(gaz).geocode("Tripoli", exactly_one=False)
    assert len(found) > 1 and {loc.raw["country_code"] for loc in found} >= {"LY", "LB"}


def test_reverse_accepts_a_string_point(gaz):
    location = GazetteerGeocoder(gaz).reverse("37.0, 41.95")
    assert location.raw["name"] == "Rmeilan"


def test_unknown_names_give_none_offline(gaz):
    assert GazetteerGeocoder(gaz).geocode("Qwzxblorp") is None


class FakeNominatim(BaseHTTPRequestHandler):
    requests: list[dict] = []

    def do_GET(self):
        query = parse_qs(urlparse(self.path).query)
        FakeNominatim.requests.append({"path": urlparse(self.path).path, **query})
        body = [
            {
                "lat": "52.5170365",
                "lon": "13.3888599",
                "display_name": "Qwzxblorp, Somewhere",
                "place_id": 1,
                "osm_type": "node",
            }
        ]
        payload = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def nominatim():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeNominatim)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    FakeNominatim.requests = []
    yield f"127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_online_fallback_is_off_by_default(gaz, nominatim):
    assert GazetteerGeocoder(gaz).geocode("Qwzxblorp") is None
    assert FakeNominatim.requests == []


def test_online_fallback_asks_nominatim_for_unknown_names_once(gaz, nominatim):
    geocoder = GazetteerGeocoder(gaz, online=True, domain=nominatim, scheme="http", min_delay_seconds=0)
    first = geocoder.geocode("Qwzxblorp")
    second = geocoder.geocode("Qwzxblorp")
    assert first.address == "Qwzxblorp, Somewhere"
    assert second.address == first.address
    assert len(FakeNominatim.requests) == 1
    assert FakeNominatim.requests[0]["path"] == "/search"


def test_online_fallback_is_not_asked_for_known_names(gaz, nominatim):
    geocoder = GazetteerGeocoder(gaz, online=True, domain=nominatim, scheme="http", min_delay_seconds=0)
    assert geocoder.geocode("Rmeilan").raw["country_code"] == "SY"
    assert FakeNominatim.requests == []
