# The two commands a fresh machine needs: `make serve` and `make test`. Each does its own set-up.
PYTHON_SYSTEM ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
HOST ?= 127.0.0.1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve test lint format install load clean

# The virtual environment is rebuilt whenever pyproject.toml changes.
$(VENV)/.installed: pyproject.toml
	$(PYTHON_SYSTEM) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

# A development secret for serving on this machine; production sets SECRET_KEY itself.
var/secret-key:
	mkdir -p var
	$(PY) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@
	chmod 600 $@

load: install var/secret-key
	SECRET_KEY=$$(cat var/secret-key) $(PY) manage.py migrate --no-input
	SECRET_KEY=$$(cat var/secret-key) $(PY) manage.py load_archive

# The link-preview cards (archive/cards) are drawn in Debian's DejaVu and Noto CJK fonts: these
# are the files archive/cards/fonts.py names. Installed when missing and root, else a clear error.
CARD_FONT_PACKAGES := fonts-dejavu-core fonts-noto-cjk
CARD_FONTS := $(addprefix /usr/share/fonts/truetype/dejavu/,DejaVuSans.ttf DejaVuSans-Bold.ttf DejaVuSerif.ttf) \
	$(addprefix /usr/share/fonts/opentype/noto/,NotoSansCJK-Regular.ttc NotoSansCJK-Bold.ttc NotoSerifCJK-Regular.ttc)
.PHONY: fonts
fonts:
	@missing=; for font in $(CARD_FONTS); do [ -f "$$font" ] || missing="$$missing $$font"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing the link-preview card fonts: $(CARD_FONT_PACKAGES)"; \
	    export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && \
	    apt-get install -y -qq --no-install-recommends $(CARD_FONT_PACKAGES) >/dev/null; \
	  else \
	    echo "Missing fonts for the link-preview cards:$$missing" >&2; \
	    echo "Install them with: sudo apt-get install $(CARD_FONT_PACKAGES)" >&2; exit 1; \
	  fi; \
	fi

serve: load fonts
	SECRET_KEY=$$(cat var/secret-key) $(PY) manage.py collectstatic --no-input --verbosity 0
	@echo "Summit Archive: open http://$(HOST):$(PORT)/"
	SECRET_KEY=$$(cat var/secret-key) $(VENV)/bin/gunicorn --config summit/gunicorn.conf.py --bind $(HOST):$(PORT) summit.wsgi

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# The browser tests' checkers from npm (axe-core, the Nu Html Checker), reinstalled when the lock
# changes. --ignore-scripts: vnu-jar's install script would download a Java runtime; the machine's
# own Java runs it.
BROWSER_TOOLS := tests/browser/node_modules/.installed
$(BROWSER_TOOLS): tests/browser/package.json tests/browser/package-lock.json
	cd tests/browser && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

test: install lint fonts $(BROWSER_TOOLS)
	$(VENV)/bin/pytest

# The edit loop: lint and every test but the browser ones (no Chromium, about half the time).
.PHONY: test-fast
test-fast: install lint
	$(VENV)/bin/pytest -m "not browser"

# The fault-injection suite: load_archive and build_search_index killed (SIGTERM, SIGINT,
# SIGKILL) at each point that matters, a reader on the real gunicorn throughout; prints a table
# of cases and outcomes (tests/faults). A few minutes, so not part of `make test`; CI runs both.
.PHONY: test-faults
test-faults: install
	$(PY) -m tests.faults

clean:
	rm -rf $(VENV) var tests/browser/node_modules

# The search benchmark: index build time and size, search latency through the view and the same
# searches on SQLite FTS5, at 10,000 and 100,000 quotes (BENCH_SIZES to change). Temp dirs only.
# BENCH_MESSY=1: on the messy archive (search.bench.messy) instead, plus issue #10's recipe.
# With Java and Maven, the same build and searches on the 3-node search cluster (started for the
# run) make a column of their own; without them it says so and runs the rest.
BENCH_SIZES ?= 10000 100000
.PHONY: bench-search
bench-search: install
	@if command -v java >/dev/null && command -v mvn >/dev/null; then \
	  $(PY) -m pip install --quiet -e '.[test,scale]' && \
	  .ci/with-search-cluster $(PY) -m search.bench $(BENCH_SIZES); \
	else \
	  echo "No Java/Maven here: the search cluster column is left out."; \
	  $(PY) -m search.bench $(BENCH_SIZES); \
	fi

# load_archive at scale: a full load of BENCH_QUOTES messy quotes (default 100,000), then one
# quote changed (an incremental index update, search.incremental), then nothing changed; prints
# each one's wall time split into load and index. Temp dirs only.
.PHONY: bench-load
bench-load: install
	$(PY) -m bench.load

# The serving load test: the real gunicorn on loopback with the real corpus in a temporary
# VAR_DIR, driven by wrk at several concurrencies, next to nginx serving a static copy of one
# page. Prints requests/s, p50/p99 latency and errors. BENCH_SECONDS, BENCH_CONNECTIONS to change.
# Then the site and Datasette (the bench extra, installed here only) side by side over the same
# BENCH_QUOTES synthetic quotes (default 100,000): bench/side_by_side.py. BENCH_SIDE=0 or only.
.PHONY: bench-serve
bench-serve: install
	@command -v wrk >/dev/null && command -v nginx >/dev/null || { \
	  echo "Installing wrk and nginx (Debian packages)"; \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk nginx-light >/dev/null; }
	$(PY) -m pip install --quiet -e '.[test,bench]'
	$(PY) -m bench.serve

# Detail pages at scale: query counts and render times with the real corpus and with a synthetic
# one of BENCH_QUOTES quotes (default 100,000). Temporary directories only.
.PHONY: bench-pages
bench-pages: install
	$(PY) bench/detail_pages.py

# A flood of 1,500 distinct 4 KB searches at one real gunicorn worker: its memory before and
# after (BENCH_FLOOD to change; BENCH_CODE=<checkout> to measure another version). Temp dirs only.
.PHONY: bench-cache-flood
bench-cache-flood: install
	$(PY) -m bench.cache_flood

# Search relevance: the judged queries of search/eval/judgements.yaml against a fresh load of the
# fixtures, printing top-1, MRR@10 and the queries that missed: on Whoosh in a temporary
# directory, then (with Java and Maven) on the 3-node search cluster started for the run.
.PHONY: eval-search
eval-search: install
	@echo "== Whoosh"
	env -u ELASTICSEARCH_URL $(PY) -m search.eval
	@if command -v java >/dev/null && command -v mvn >/dev/null; then \
	  echo "== the search cluster"; \
	  .ci/with-search-cluster $(PY) -m search.eval; \
	else echo "(no Java or Maven: the search cluster's figures are left out)"; fi

# How manage.py draft_article does: the five source documents (../shared/seeds, or SEEDS_DIR)
# against the curated fixtures, and the held-out test articles against their hand-made records.
.PHONY: eval-draft
eval-draft: install var/secret-key
	SECRET_KEY=$$(cat var/secret-key) $(PY) manage.py eval_draft

# A 3-node OpenSearch cluster on 127.0.0.1:9200-9202 (SEARCH_CLUSTER_PORT to change), from Maven
# Central (deploy/search-cluster). Runs in the foreground: Ctrl-C or `make search-cluster-stop`.
SEARCH_CLUSTER_PORT ?= 9200
.PHONY: search-cluster search-cluster-stop test-scale
search-cluster:
	deploy/search-cluster/run $(SEARCH_CLUSTER_PORT)

search-cluster-stop:
	@curl -fsS -X POST http://127.0.0.1:$$(($(SEARCH_CLUSTER_PORT) + 90))/stop \
	  && echo "search cluster on port $(SEARCH_CLUSTER_PORT) stopping" \
	  || echo "no search cluster answers on port $(SEARCH_CLUSTER_PORT)"

# The whole suite at scale: PostgreSQL, the 3-node search cluster and a shared Redis cache, each
# started for this run and stopped after it, whatever the outcome. Pages are cached in Redis by the
# tests about caching and several servers; the others count queries or change records between
# requests, so they run with PAGE_CACHE_SECONDS=0.
test-scale: install $(BROWSER_TOOLS)
	$(PY) -m pip install --quiet -e '.[test,scale]'
	PAGE_CACHE_SECONDS=0 .ci/with-postgres .ci/with-redis .ci/with-search-cluster \
	  $(VENV)/bin/pytest $(PYTEST_ARGS)
