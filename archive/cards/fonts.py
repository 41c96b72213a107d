"""The fonts the link-preview cards are drawn in, from Debian's packages, and which one draws
which character.

No single font on a Debian machine draws every script a record can hold: DejaVu draws Latin and
Cyrillic, Noto Sans CJK (its Korean face) draws Hangul and the Chinese characters. Text is cut
into runs, each drawn in the first font of its chain that has a glyph for every character, so a
name like "习近平, 시진핑, Си Цзиньпин" never shows an empty box.

`make fonts` (run by `make serve` and `make test`) installs the packages when they are missing;
.ci/run installs them on a clean machine.
"""

import functools
from dataclasses import dataclass
from pathlib import Path

from fontTools.ttLib import TTCollection, TTFont
from PIL import ImageFont

DEBIAN_PACKAGES = "fonts-dejavu-core fonts-noto-cjk"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
NOTO_CJK = Path("/usr/share/fonts/opentype/noto")

# Each style: the fonts tried in order, as (file, face name inside a collection or None).
CHAINS = {
    "sans": [(DEJAVU / "DejaVuSans.ttf", None), (NOTO_CJK / "NotoSansCJK-Regular.ttc", "KR")],
    "bold": [(DEJAVU / "DejaVuSans-Bold.ttf", None), (NOTO_CJK / "NotoSansCJK-Bold.ttc", "KR")],
    "serif": [(DEJAVU / "DejaVuSerif.ttf", None), (NOTO_CJK / "NotoSerifCJK-Regular.ttc", "KR")],
}


class FontsMissing(RuntimeError):
    """The card fonts are not installed: says which Debian packages to install."""


@dataclass(eq=False)  # compared and hashed by identity: one object per face
class Face:
    path: Path
    index: int  # the face's number inside a .ttc collection (0 for a plain font file)
    codepoints: frozenset

    def covers(self, text):
        return all(ord(char) in self.codepoints for char in text)

    @functools.cache  # noqa: B019 - a handful of faces and sizes, alive for the process
    def at(self, size):
        return ImageFont.truetype(str(self.path), size, index=self.index)


def _load_face(path, face_name):
    if not path.exists():
        raise FontsMissing(
            f"The link-preview cards need {path}: install the Debian packages "
            f"{DEBIAN_PACKAGES} (`make fonts` does it)."
        )
    if face_name is None:
        font = TTFont(str(path), lazy=True)
        return Face(path, 0, frozenset(font.getBestCmap()))
    for index, font in enumerate(TTCollection(str(path), lazy=True).fonts):
        family = font["name"].getDebugName(1) or ""
        if family.endswith(f" {face_name}"):
            return Face(path, index, frozenset(font.getBestCmap()))
    raise FontsMissing(f"{path} has no face named '… {face_name}'")


@functools.cache
def chain(style):
    """The faces of a style, loaded once per process."""
    return [_load_face(path, face_name) for path, face_name in CHAINS[style]]


def face_for(faces, char):
    """The first face with a glyph for `char`; the first face for what none has."""
    if char.isspace():
        return faces[0]
    return next((face for face in faces if face.covers(char)), faces[0])


def runs(faces, text):
    """Text cut into (face, piece) runs, each piece drawn whole by its face."""
    pieces = []
    for char in text:
        face = face_for(faces, char)
        if char.isspace() and pieces:
            face = pieces[-1][0]  # a space stays in the run it separates words of
        if pieces and pieces[-1][0] is face:
            pieces[-1] = (face, pieces[-1][1] + char)
        else:
            pieces.append((face, char))
    return pieces


def uncovered(style, text):
    """The characters of `text` that no face of the style can draw (drawn as empty boxes)."""
    faces = chain(style)
    return sorted({c for c in text if not c.isspace() and not any(f.covers(c) for f in faces)})
