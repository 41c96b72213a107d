"""Drawing a card: text in runs of the right font, wrapped to a width, and the locator map.

Everything is drawn at twice the size and scaled down once, so edges are smooth; the result is
reduced to a small palette, which keeps a card's PNG well under 150 KB.
"""

import io
import re

from PIL import Image, ImageDraw

from . import fonts

WIDTH, HEIGHT = 1200, 630
SCALE = 2  # drawn at 2× and scaled down: smooth text and coastlines
PALETTE_COLOURS = 96

TEXT = (26, 29, 33)
MUTED = (75, 83, 96)
BACKGROUND = (253, 253, 251)
ACCENT = (23, 69, 127)
RULE = (215, 213, 204)
SEA = (238, 243, 248)
LAND = (220, 216, 200)
COAST = (156, 150, 130)
GRID = (185, 198, 214)
HERE = (194, 65, 12)
WHITE = (255, 255, 255)
ELLIPSIS = "…"


class Canvas:
    """A card being drawn, in card pixels (1200 × 630); the scale is applied here."""

    def __init__(self):
        self.image = Image.new("RGB", (WIDTH * SCALE, HEIGHT * SCALE), BACKGROUND)
        self.draw = ImageDraw.Draw(self.image)
        self.texts = []  # every string drawn, with its style: what the tests check

    def rect(self, box, fill):
        self.draw.rectangle([v * SCALE for v in box], fill=fill)

    def width_of(self, text, style, size):
        return (
            sum(
                face.at(size * SCALE).getlength(piece)
                for face, piece in fonts.runs(_f(style), text)
            )
            / SCALE
        )

    def text(self, x, y, text, style, size, fill=TEXT):
        """One line with its top-left at (x, y); returns its width."""
        self.texts.append((style, text))
        cursor = x * SCALE
        for face, piece in fonts.runs(_f(style), text):
            font = face.at(size * SCALE)
            self.draw.text((cursor, y * SCALE), piece, font=font, fill=fill, anchor="ls")
            cursor += font.getlength(piece)
        return cursor / SCALE - x

    def lines(self, x, y, lines, style, size, fill=TEXT, leading=1.25):
        """Lines under one another, the first baseline at y + size; returns the y below them."""
        for line in lines:
            y += size * leading
            self.text(x, y, line, style, size, fill)
        return y

    def png(self):
        small = self.image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
        small = small.quantize(colors=PALETTE_COLOURS, method=Image.Quantize.FASTOCTREE)
        out = io.BytesIO()
        small.save(out, format="PNG")
        return out.getvalue()


def _f(style):
    return fonts.chain(style)


def wrap(canvas, text, style, size, width, max_lines):
    """Words in lines no wider than `width`; what does not fit ends in an ellipsis.

    Words longer than a line (or text with no spaces, as Chinese is written) break between
    characters.
    """
    words = []
    for word in text.split():
        if canvas.width_of(word, style, size) <= width:
            words.append(word)
        else:
            words.extend(_break_word(canvas, word, style, size, width))
    lines, current = [], ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if canvas.width_of(candidate, style, size) <= width:
            current = candidate
            continue
        lines.append(current)
        current = word
    if current:
        lines.append(current)
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    last = kept[-1]
    while last and canvas.width_of(last + ELLIPSIS, style, size) > width:
        last = last[:-1]
    kept[-1] = last.rstrip(" ,;:") + ELLIPSIS
    return kept


def _break_word(canvas, word, style, size, width):
    pieces, current = [], ""
    for char in word:
        if current and canvas.width_of(current + char, style, size) > width:
            pieces.append(current)
            current = ""
        current += char
    return [*pieces, current] if current else pieces


def fit(canvas, text, style, sizes, width, max_lines):
    """The largest size of `sizes` at which the text fits whole, else the smallest, cut."""
    for size in sizes:
        lines = wrap(canvas, text, style, size, width, max_lines)
        if not lines[-1].endswith(ELLIPSIS) or size == sizes[-1]:
            return size, lines
    raise AssertionError("unreachable")


_POINT = re.compile(r"(-?[\d.]+),(-?[\d.]+)")


def locator_map(canvas, drawing, box):
    """The meeting's locator map (archive/graphics.py geometry) scaled into `box`."""
    left, top, right, bottom = box
    factor = min((right - left) / drawing.width, (bottom - top) / drawing.height)

    def at(x, y):
        return ((left + x * factor) * SCALE, (top + y * factor) * SCALE)

    draw = canvas.draw
    draw.rectangle([left * SCALE, top * SCALE, right * SCALE, bottom * SCALE], fill=SEA)
    for path in drawing.land:
        points = [at(float(x), float(y)) for x, y in _POINT.findall(path)]
        if len(points) >= 3:
            draw.polygon(points, fill=LAND, outline=COAST, width=SCALE)
    for line in drawing.gridlines:
        draw.line([at(line.x1, line.y1), at(line.x2, line.y2)], fill=GRID, width=SCALE)
    for point in drawing.points:
        x, y = at(point.x, point.y)
        radius = (9 if point.is_current else 5) * SCALE
        colour = HERE if point.is_current else MUTED
        draw.ellipse(
            [x - radius, y - radius, x + radius, y + radius],
            fill=colour,
            outline=WHITE,
            width=2 * SCALE,
        )
    for point in drawing.points:
        if point.is_current:
            x, y = at(point.x, point.y)
            label = point.label
            size = 22
            width = canvas.width_of(label, "bold", size)
            lx = min(max(x / SCALE - width / 2, left + 6), right - width - 6)
            ly = y / SCALE - 18
            canvas.rect((lx - 6, ly - size, lx + width + 6, ly + 7), WHITE)
            canvas.text(lx, ly, label, "bold", size)
    draw.rectangle(
        [left * SCALE, top * SCALE, right * SCALE, bottom * SCALE], outline=RULE, width=2 * SCALE
    )
