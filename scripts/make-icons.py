#!/usr/bin/env python3
"""Draws the app icons (an open door on a blue field) as PNGs, with no
image library, so they can be remade anywhere: python3 scripts/make-icons.py"""
import struct
import zlib
from pathlib import Path

BLUE = (0x1F, 0x3A, 0x68)
CREAM = (0xF6, 0xF1, 0xE4)
GOLD = (0xE8, 0xB9, 0x3A)


def pixel(x, y, size, padding):
    """Colour at (x, y): a door frame, a half-open leaf and a knob."""
    inner = size - 2 * padding
    u = (x - padding) / inner
    v = (y - padding) / inner
    frame = 0.30 <= u <= 0.70 and 0.18 <= v <= 0.86
    opening = 0.34 <= u <= 0.66 and 0.22 <= v <= 0.86
    # The leaf swings towards the viewer: a trapezoid on the left.
    leaf_top = 0.22 - (0.34 - u) * 0.35
    leaf_bottom = 0.86 + (0.34 - u) * 0.35
    leaf = 0.16 <= u <= 0.34 and leaf_top <= v <= leaf_bottom
    knob = (u - 0.21) ** 2 + (v - 0.55) ** 2 <= 0.018 ** 2
    if knob:
        return BLUE
    if leaf:
        return GOLD
    if opening:
        return GOLD if v > 0.80 else CREAM
    if frame:
        return CREAM
    return BLUE


def png(size, padding):
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            row.extend(pixel(x + 0.5, y + 0.5, size, padding))
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


out = Path(__file__).resolve().parent.parent / "public" / "icons"
out.mkdir(parents=True, exist_ok=True)
for name, size, padding in [("icon-192.png", 192, 0), ("icon-512.png", 512, 0), ("maskable-512.png", 512, 64)]:
    (out / name).write_bytes(png(size, padding))
    print("wrote", out / name)
