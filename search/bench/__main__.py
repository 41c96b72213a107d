"""python -m search.bench [SIZE ...]: the search benchmark (see search/bench/run.py)."""

from .run import main

main()
