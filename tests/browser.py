"""Headless Chromium for the page tests: a page's measurements as a reader's browser lays it out
(through `browser_probe.js` and `--dump-dom`), and screenshots.

Chromium is Debian's `chromium` package (`make install` installs it where apt-get runs as root);
`READOUTS_CHROMIUM` names another binary. Screenshots go to the test's folder, and are copied to
`READOUTS_SCREENSHOTS` when that names a folder (to look at them).
"""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
MISSING = ("Chromium is not installed, so the pages are not checked in a browser: on Debian "
           "`apt-get install chromium` (`make install` does it where apt-get runs as root)")
PROBE = Path(__file__).with_name("browser_probe.js")
DESKTOP = (1280, 900)
RUN_SECONDS = 120
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def find_chromium() -> str | None:
    named = os.environ.get("READOUTS_CHROMIUM")
    if named:
        return shutil.which(named)
    return next((found for name in CANDIDATES if (found := shutil.which(name))), None)


def _run(binary: str, folder: Path, size: tuple[int, int], *args: str) -> subprocess.CompletedProcess:
    command = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               "--hide-scrollbars", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
               f"--user-data-dir={folder / 'chromium-profile'}", f"--window-size={size[0]},{size[1]}", *args]
    done = subprocess.run(command, capture_output=True, timeout=RUN_SECONDS)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    return done


def measure(binary: str, page: str, folder: Path, size: tuple[int, int] = DESKTOP, fragment: str = "") -> dict:
    """The page laid out at `size` (opened at `#fragment`, as a click on a link to it would), measured
    by the probe script (added to a copy of the page)."""
    probed = folder / "probed.html"
    probed.write_text(page.replace("</body>", f"<script>{PROBE.read_text(encoding='utf-8')}</script>\n</body>"),
                      encoding="utf-8")
    dom = _run(binary, folder, size, "--dump-dom", probed.as_uri() + fragment).stdout.decode("utf-8")
    found = re.search(r"<pre id=\"probe\">([^<]*)</pre>", dom)
    assert found, "the probe did not run: " + dom[-500:]
    return json.loads(html.unescape(found.group(1)))


def screenshot(binary: str, page_file: Path, png: Path, size: tuple[int, int] = DESKTOP) -> Path:
    _run(binary, png.parent, size, f"--screenshot={png}", page_file.as_uri())
    keep = os.environ.get("READOUTS_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(png, Path(keep) / png.name)
    return png


def png_facts(png: Path) -> tuple[int, int, int]:
    """Width, height and the number of distinct byte values of the image data (a blank page has
    very few)."""
    data = png.read_bytes()
    assert data.startswith(PNG_SIGNATURE), "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    at, idat = 8, b""
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        if kind == b"IDAT":
            idat += data[at + 8:at + 8 + length]
        at += 12 + length
    return width, height, len(set(zlib.decompress(idat)))
