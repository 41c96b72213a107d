"""Datasette's ASGI app for uvicorn's --workers (BENCH_DATASETTE_WORKERS above 1): the same app,
database and settings that `datasette serve` runs in its one process (bench/side_by_side.py)."""

import json
import os
from pathlib import Path

from datasette.app import Datasette

work = Path(os.environ["BENCH_DATASETTE_DIR"])
app = Datasette(
    immutables=[str(work / "bench.db")],
    metadata=json.loads((work / "metadata.json").read_text()),
    settings=json.loads(os.environ["BENCH_DATASETTE_SETTINGS"]),
).app()
