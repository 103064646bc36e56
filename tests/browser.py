"""Machinery for the browser tests: the dashboard server, a tile stub, Chromium, and reading the page.

The dashboard runs as `streamlit run dashboard.py` on a free local port with a
database of its own; map tiles come from a stub on 127.0.0.1 that answers
every request with a small PNG, so nothing needs the network. Chromium is
Debian's (`/usr/bin/chromium`); Playwright never downloads a browser here.
"""

from __future__ import annotations

import http.server
import os
import re
import socket
import struct
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import zlib
from contextlib import suppress
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
HEALTH = "/_stcore/health"
FIRST_LOAD_MS = 180_000  # the first run may build the gazetteer index and seed the database
STEP_MS = 60_000  # any later wait: generous, because the machine is shared
DIGITS = re.compile(r"^\d[\d,]*$")


def require_chromium() -> None:
    """Skip when Chromium is missing, except under CI=true, where a missing browser fails the run."""
    if CHROMIUM.exists():
        return
    message = f"{CHROMIUM} is missing: install it with `apt-get install -y chromium`"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message}; under CI=true the browser tests must run", pytrace=False)
    pytest.skip(message)


def launch_chromium(playwright):
    """Debian's Chromium, headless, with no traffic of its own; each test then opens a fresh context."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS, headless=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def tiny_png() -> bytes:
    """A valid 1×1 grey PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xdd\xdd\xdd")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


class TileStub:
    """An HTTP server on 127.0.0.1 that answers every GET with the same small PNG and notes the paths asked."""

    def __init__(self):
        self.paths: list[str] = []
        png = tiny_png()
        asked = self.paths

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                asked.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(png)))
                self.send_header("Access-Control-Allow-Origin", "*")
                self.end_headers()
                self.wfile.write(png)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.host = f"127.0.0.1:{self.server.server_address[1]}"
        self.url = f"http://{self.host}/{{z}}/{{x}}/{{y}}.png"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> TileStub:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


class DashboardServer:
    """`streamlit run dashboard.py` on a free local port, with its own database and tile URL."""

    def __init__(self, database: Path, tiles: str, log: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.database = database
        self.log = log
        self.env = {**os.environ, "INCIDENTS_DB": str(database), "INCIDENTS_TILES": tiles}
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 120) -> DashboardServer:
        command = [
            *(sys.executable, "-m", "streamlit", "run", "dashboard.py"),
            *("--server.port", str(self.port), "--server.address", "127.0.0.1", "--server.headless", "true"),
        ]
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(command, cwd=REPO, env=self.env, stdout=out, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the dashboard exited with {self.process.returncode}:\n{self.output()}")
            if self.healthy():
                return self
            time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"the dashboard did not answer {HEALTH} within {timeout} s:\n{self.output()}")

    def healthy(self) -> bool:
        with suppress(OSError, urllib.error.URLError), urllib.request.urlopen(self.url + HEALTH, timeout=5) as answer:
            return answer.status == 200
        return False

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=30)

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-4000:] if self.log.exists() else ""


# Visiting the dashboard

# Every frame notes its own calls to alert, confirm and prompt, on top of the page's dialog events.
RECORD_DIALOGS = """(() => {
    const calls = [];
    Object.defineProperty(window, "__dialogCalls", {value: calls});
    for (const name of ["alert", "confirm", "prompt"]) {
        const original = window[name];
        window[name] = function (...args) {
            calls.push(name + ": " + args.join(" "));
            return original.apply(this, args);
        };
    }
})();"""

# Incidents drawn on the map: single markers are SVG paths, a cluster shows how many it holds.
DRAWN = """() => {
    const single = document.querySelectorAll("path.leaflet-interactive").length;
    const grouped = Array.from(document.querySelectorAll(".marker-cluster"))
        .reduce((sum, cluster) => sum + (parseInt(cluster.innerText, 10) || 0), 0);
    return single + grouped;
}"""


class Visit:
    """A fresh browser context and page, noting every request, dialog and script error it sees.

    The viewport is tall enough for the map to fit whole: a click on a marker
    focuses it, and a focus that scrolls the page would move the marker from
    under the pointer.
    """

    def __init__(self, browser, base_url: str):
        self.context = browser.new_context(base_url=base_url, viewport={"width": 1400, "height": 1600})
        self.context.add_init_script(RECORD_DIALOGS)
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.page = self.context.new_page()
        self.page.on("websocket", lambda socket: self.requests.append(socket.url))
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def close(self) -> None:
        self.context.close()

    def open(self, path: str = "/", timeout: float = STEP_MS) -> None:
        """Load a page of the dashboard and wait until its figures are drawn."""
        self.page.goto(path, wait_until="domcontentloaded")
        self.wait_for_figures(timeout)

    def wait_for_figures(self, timeout: float = STEP_MS) -> None:
        """Wait until the headline figures are drawn and the app has stopped running."""
        expect(self.metric("Incidents")).to_have_text(DIGITS, timeout=timeout)
        expect(self.page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=timeout)

    def metric(self, label: str):
        """The value of a headline figure, e.g. metric("Incidents")."""
        return self.page.get_by_test_id("stMetric").filter(has_text=label).get_by_test_id("stMetricValue")

    def incidents(self) -> int:
        return int(self.metric("Incidents").inner_text().replace(",", ""))

    def go_to(self, title: str) -> None:
        """Follow a link of the sidebar navigation."""
        self.page.get_by_test_id("stSidebarNav").get_by_role("link", name=title).click()

    def choose(self, widget: str, option: str) -> None:
        """Pick an option in a sidebar multiselect, e.g. choose("Country", "Syria")."""
        box = self.page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(has_text=widget)
        box.click()
        self.page.get_by_role("option", name=option, exact=True).click()
        self.page.keyboard.press("Escape")

    def type_date(self, label: str, day) -> None:
        """Type a date into a date input, segment by segment."""
        for segment, value in (("year", f"{day.year:04d}"), ("month", f"{day.month:02d}"), ("day", f"{day.day:02d}")):
            self.page.get_by_role("spinbutton", name=f"{segment}, {label}").click()
            self.page.keyboard.type(value)

    # The map

    @property
    def map(self):
        """The inside of the streamlit_folium component frame, found again whenever the component is re-mounted."""
        return self.page.frame_locator('iframe[src*="streamlit_folium"]')

    def map_frame(self):
        """The frame of the map, for running script in it (None while there is none)."""
        frames = [frame for frame in self.page.frames if "streamlit_folium" in frame.url and not frame.is_detached()]
        return frames[-1] if frames else None

    @property
    def markers(self):
        """Incidents drawn one by one: Leaflet circle markers are SVG paths."""
        return self.map.locator("path.leaflet-interactive")

    @property
    def clusters(self):
        return self.map.locator(".marker-cluster")

    def drawn(self) -> int | None:
        """The incidents the map draws, each cluster counted as the incidents it holds; None while it loads."""
        frame = self.map_frame()
        try:
            return frame.evaluate(DRAWN) if frame else None
        except PlaywrightError:  # the frame went away while the component was re-mounted
            return None

    def wait_until(self, condition, failure, timeout: float = STEP_MS, *, stop_on_script_error: bool = False) -> None:
        """Poll `condition()` until it holds, failing with `failure` (a text, or a function making one) at the
        timeout, in ms; with `stop_on_script_error`, fail at once when a script of the page fails."""
        deadline = time.monotonic() + timeout / 1000
        while True:
            if stop_on_script_error:
                assert not self.errors, f"a script of the page failed: {self.errors}"
            if condition():
                return
            assert time.monotonic() < deadline, failure() if callable(failure) else failure
            self.page.wait_for_timeout(250)

    def wait_for_drawn(self, count: int, timeout: float = STEP_MS) -> None:
        """Wait until the map draws `count` incidents; a failing script on the page fails at once."""
        self.wait_until(
            lambda: self.drawn() == count,
            lambda: f"the map draws {self.drawn()} incidents, not {count}",
            timeout,
            stop_on_script_error=True,
        )

    def wait_for_tiles(self, timeout: float = STEP_MS) -> None:
        self.map.locator("img.leaflet-tile-loaded").first.wait_for(timeout=timeout)

    def dialogs_in_frames(self) -> dict[str, list[str]]:
        """The dialog calls each frame of the page recorded, by frame URL (frames with none left out)."""
        calls = {}
        for frame in self.page.frames:
            made = frame.evaluate("window.__dialogCalls ? [...window.__dialogCalls] : []")
            if made:
                calls[frame.url] = made
        return calls

    def frame_titles(self) -> list[str]:
        return [frame.evaluate("document.title") for frame in self.page.frames]
