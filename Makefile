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

serve: load
	SECRET_KEY=$$(cat var/secret-key) $(PY) manage.py collectstatic --no-input --verbosity 0
	@echo "Summit Archive: open http://$(HOST):$(PORT)/"
	SECRET_KEY=$$(cat var/secret-key) $(VENV)/bin/gunicorn --config summit/gunicorn.conf.py --bind $(HOST):$(PORT) summit.wsgi

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

test: install lint
	$(VENV)/bin/pytest

clean:
	rm -rf $(VENV) var
