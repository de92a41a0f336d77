# The README's promises: `make run` and `make test` on a fresh Debian machine.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON ?= python3
HOST ?= 127.0.0.1
PORT ?= 8000

# What WeasyPrint needs (Pango, HarfBuzz subset), fonts for the PDFs, gettext for translations,
# the Swedish word list the importers join broken lines with (motions/importers/joining.py).
SYSTEM_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-liberation2 gettext wswedish
# Browser tests (Debian's Chromium) and reading PDFs back (poppler).
TEST_SYSTEM_PACKAGES := chromium poppler-utils

.PHONY: backup restore run test serve lint lock system-deps test-system-deps venv test-venv migrate data demo-users messages check-deploy clean bench

system-deps:
	@$(PYTHON) -m venv --help >/dev/null 2>&1 || scripts/apt-ensure.sh python3-venv
	@scripts/apt-ensure.sh $(SYSTEM_PACKAGES)

test-system-deps:
	@scripts/apt-ensure.sh $(TEST_SYSTEM_PACKAGES)

# Two stamps, one per lock file: the runtime set for run/serve, the test and lint tools on top of it
# for test/lint. Each is redone when its lock file (or, for the tools, the runtime set) changes.
# Every package is pinned with its hashes (pip's --require-hashes); scripts/lock.sh writes them.
$(VENV)/.installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --require-hashes -r requirements.lock
	touch $@

$(VENV)/.installed-test: requirements.lock requirements-test.lock $(VENV)/.installed
	$(PY) -m pip install -q --require-hashes -r requirements.lock -r requirements-test.lock
	touch $@

venv: system-deps $(VENV)/.installed

test-venv: venv $(VENV)/.installed-test

messages: venv
	@$(PY) manage.py compilemessages --ignore=.venv -v 0

migrate: venv messages
	$(PY) manage.py migrate --noinput -v 0

data: migrate
	$(PY) manage.py load_real_data --if-empty

demo-users: data
	$(PY) manage.py create_demo_users --if-missing

run: demo-users
	@echo "Servern startar på http://$(HOST):$(PORT)/"
	DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

test: test-venv test-system-deps messages
	$(PY) -m pytest

lint: test-venv
	$(PY) -m ruff check .
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/lint-imports --no-cache
	PY=$(PY) scripts/audit.sh

# The lock files again from pyproject.toml's ranges, the pinned versions kept (LOCK_ARGS="--upgrade-package NAME").
lock:
	scripts/lock.sh $(LOCK_ARGS)

check-deploy: venv
	PRODUCTION=1 DEBUG=0 SECRET_KEY="$$(head -c 48 /dev/urandom | base64)" ALLOWED_HOSTS=uppdrag.goteborg.se \
		$(PY) manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) staticfiles

# Backups: a consistent copy of the database (pg_dump / SQLite online backup) and stored files.
backup: venv
	@scripts/apt-ensure.sh postgresql-client
	$(PY) manage.py backup $(if $(OUTPUT),--output $(OUTPUT),)

restore: venv
	@test -n "$(FROM)" || (echo "Ange mappen: make restore FROM=backups/<tidpunkt>" && exit 2)
	@scripts/apt-ensure.sh postgresql-client
	$(PY) manage.py restore $(FROM)

# Production serving: gunicorn (goteborg_uppdrag/gunicorn.conf.py: 2 x cores + 1 workers or
# WEB_CONCURRENCY), whitenoise for static files, DEBUG=0, PRODUCTION=1, DATABASE_URL from the
# environment. SECRET_KEY from the environment, else from $(SECRET_KEY_FILE) (created once, untracked).
# SECURE_SSL_REDIRECT=0 serves plain HTTP on 127.0.0.1; behind a TLS proxy set SECURE_SSL_REDIRECT=1.
SECRET_KEY_FILE ?= .secret_key

serve: venv messages
	@test -n "$$SECRET_KEY" || test -s $(SECRET_KEY_FILE) || \
		(umask 077 && $(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > $(SECRET_KEY_FILE))
	@export SECRET_KEY="$${SECRET_KEY:-$$(cat $(SECRET_KEY_FILE))}" PRODUCTION=1 DEBUG=0 \
		SECURE_SSL_REDIRECT="$${SECURE_SSL_REDIRECT:-0}" && \
	$(PY) manage.py collectstatic --noinput -v 0 && \
	$(PY) manage.py migrate --noinput -v 0 && \
	$(PY) manage.py load_real_data --if-empty && \
	echo "Produktionsservern (gunicorn) startar på http://$(HOST):$(PORT)/" && \
	exec $(VENV)/bin/gunicorn -c goteborg_uppdrag/gunicorn.conf.py --bind $(HOST):$(PORT)

# The benchmark (benchmarks/run.py): factor-10 data on SQLite and PostgreSQL (when reachable),
# every page's server time, queries, references, throughput and worker memory. BENCH_ARGS="--rebuild" etc.
# It reads the PDFs back with pypdf, so it needs the test tools too.
bench: test-venv messages
	@scripts/apt-ensure.sh wrk
	$(PY) -m benchmarks.run $(BENCH_ARGS)
