"""What the browser tests share: a screenshot of a page in headless Chromium
and a PNG reader with the standard library only (the tests need no imaging
package)."""
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib


def find_chromium():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("FAIL: chromium is not installed (tools/setup installs it)")
    return chromium


def png_pixels(path):
    """(width, height, rows of RGB tuples) of a PNG: 8-bit RGB or RGBA, not interlaced."""
    data = path.read_bytes()
    pos, idat, width, height, kind = 8, b"", 0, 0, 0
    while pos < len(data):
        length, tag = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if tag == b"IHDR":
            width, height, _, kind = struct.unpack(">IIBB", body[:10])
        elif tag == b"IDAT":
            idat += body
        pos += 12 + length
    channels = {2: 3, 6: 4}[kind]
    raw, stride, rows, prev = zlib.decompress(idat), width * channels, [], bytearray(width * channels)
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b, c = prev[i], prev[i - channels] if i >= channels else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[j * channels:j * channels + 3]) for j in range(width)])
        prev = line
    return width, height, rows


def screenshot(chromium, page_file, png, width, height, *flags):
    """Chromium's picture of page_file in a window of width × height CSS pixels, as png_pixels."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--hide-scrollbars", "--user-data-dir=" + profile, f"--window-size={width},{height}",
                        *flags, "--screenshot=" + str(png), page_file.as_uri()],
                       capture_output=True, text=True, timeout=120, check=True)
    return png_pixels(png)
