"""The search benchmark: `make bench-search` (python -m search.bench). See search/bench/run.py."""
