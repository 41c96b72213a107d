"""The packages depend on each other one way only: summit (the project: settings, addresses,
middleware, health) on search and archive, search on archive, and archive on neither. A new import
against that order, at the top of a module or inside a function, fails here with where it is.

    archive   the records, their pages and data, loading, the names table, what a process remembers
    search    the index and the search pages; reads the archive, adds its addresses to the site's
    summit    the project that joins them
"""

import ast
import tempfile
from pathlib import Path

from django.test import SimpleTestCase

ROOT = Path(__file__).resolve().parent.parent
# Each package may import only the packages after it here.
LAYERS = ["summit", "search", "archive"]


def imported_packages(path):
    """The top-level project packages a module imports, with the line of each import."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            package = name.split(".")[0]
            if package in LAYERS:
                yield package, node.lineno


def imports_against_the_layers(root=ROOT):
    wrong = []
    for package in LAYERS:
        allowed = set(LAYERS[LAYERS.index(package) :])
        for path in sorted((root / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue  # historical models, written by Django
            for imported, line in imported_packages(path):
                if imported not in allowed:
                    wrong.append(f"{path.relative_to(root)}:{line} imports {imported}")
    return wrong


class PackageLayersTests(SimpleTestCase):
    def test_no_package_imports_one_above_it(self):
        self.assertEqual(imports_against_the_layers(), [])

    def test_the_check_sees_an_import_inside_a_function(self):
        with tempfile.TemporaryDirectory() as directory:
            root = Path(directory)
            (root / "archive").mkdir()
            (root / "archive" / "sample.py").write_text("def f():\n    from search import views\n")
            (root / "search").mkdir()
            (root / "search" / "sample.py").write_text("from archive.models import Quote\n")
            self.assertEqual(
                imports_against_the_layers(root), ["archive/sample.py:2 imports search"]
            )
