"""python -m search.eval: relevance figures for the judgement set (see search/eval/run.py)."""

from .run import main

main()
