# Passerelle: `make demo` starts the demo site, `make test` runs every test (CI runs it too).
# Both install what they need on a fresh Debian 12 machine: system packages (only when missing),
# the virtualenv, the npm test tools and the compiled translations.

SHELL := /bin/bash
PYTHON ?= python3
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip install --disable-pip-version-check -q
MANAGE := DJANGO_SETTINGS_MODULE=lms.settings.dev $(PY) manage.py
SYSTEM := tools/system-packages.sh
PDF_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
# The steps' synthetic voices (courses/voices.py): espeak-ng speaks, ffmpeg makes the MP3 tablets play.
VOICE_PACKAGES := espeak-ng ffmpeg
TEST_PACKAGES := redis-server postgresql chromium gettext fonts-noto-core poppler-utils zbar-tools $(PDF_PACKAGES) $(VOICE_PACKAGES)
DEMO_PACKAGES := gettext fonts-noto-core $(PDF_PACKAGES) $(VOICE_PACKAGES)
UNIT_TESTS := not integration and not celery_worker and not e2e
FAILED := .test-stages-failed
RESULTS := .test-results
SQLITE_ONLY := env -u DATABASE_URL -u REDIS_URL -u PASSERELLE_TEST_SERVICES
DEMO_ENV := DJANGO_SETTINGS_MODULE=lms.settings.dev WAGTAILADMIN_BASE_URL=http://127.0.0.1:$(PORT)
export DEBIAN_FRONTEND := noninteractive

# $(call stage,title,command): a banner, the command, its time; a failure is recorded and the
# next stages still run, so one run shows everything that is wrong.
define stage
	@printf '\n==================== %s ====================\n' "$(1)"
	@start=$$(date +%s); $(2); status=$$?; \
	printf '==================== %s: %s in %s s ====================\n' "$(1)" \
		"$$( [ $$status -eq 0 ] && echo passed || echo FAILED)" "$$(( $$(date +%s) - start ))"; \
	[ $$status -eq 0 ] || echo "$(1)" >> $(FAILED)
endef

.PHONY: test demo lint bench clean test-unit test-integration test-e2e test-setup demo-setup messages catalogues

test: test-setup
	@rm -rf $(FAILED) $(RESULTS); start=$$(date +%s); echo "$$start" > .test-started
	$(call stage,Stage 0/3: static checks (ruff and the import contracts of DESIGN.md),$(VENV)/bin/ruff check . && $(VENV)/bin/lint-imports --no-cache)
	$(call stage,Stage 1/3: unit tests on SQLite,$(SQLITE_ONLY) $(PY) -m pytest -m "$(UNIT_TESTS)" --junitxml=$(RESULTS)/unit.xml)
	$(call stage,Stage 2/3: integration and Celery worker tests on PostgreSQL + Redis,$(PY) -m tests.run_with_services -m "integration or celery_worker" --junitxml=$(RESULTS)/integration.xml)
	$(call stage,Stage 3/3: browser tests in Chromium,PASSERELLE_REQUIRE_BROWSER=1 $(PY) -m tests.run_with_services -m e2e --junitxml=$(RESULTS)/e2e.xml)
	@elapsed=$$(( $$(date +%s) - $$(cat .test-started) )); rm -f .test-started; echo; \
	if [ -s $(FAILED) ]; then echo "FAILED stages (after $$elapsed s):"; sed 's/^/  - /' $(FAILED); \
	else echo "All stages passed in $$elapsed s."; fi; \
	$(PY) tools/test_summary.py $(RESULTS); \
	if [ -s $(FAILED) ]; then rm -f $(FAILED); exit 1; fi

test-unit: test-setup
	$(SQLITE_ONLY) $(PY) -m pytest -m "$(UNIT_TESTS)"

test-integration: test-setup
	$(PY) -m tests.run_with_services -m "integration or celery_worker"

test-e2e: test-setup
	PASSERELLE_REQUIRE_BROWSER=1 $(PY) -m tests.run_with_services -m e2e

test-setup:
	@$(SYSTEM) $(TEST_PACKAGES)
	@command -v npm >/dev/null || $(SYSTEM) npm
	@$(MAKE) --no-print-directory $(VENV)/.dev-installed node_modules/.package-lock.json messages

# One gunicorn process: sessions are cached in its memory, so "Terminer" ends them everywhere.
demo: demo-setup
	$(DEMO_ENV) $(PY) manage.py migrate --noinput
	$(DEMO_ENV) $(PY) manage.py load_demo --this-is-not-production
	$(DEMO_ENV) $(PY) manage.py load_certification_demo
	$(DEMO_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	@echo "Passerelle demo on http://127.0.0.1:$(PORT)/fr/  (Ctrl+C to stop)"
	$(DEMO_ENV) exec $(VENV)/bin/gunicorn lms.wsgi \
		--bind 127.0.0.1:$(PORT) --workers 1 --threads 4 --access-logfile -

demo-setup:
	@$(SYSTEM) $(DEMO_PACKAGES)
	@command -v npm >/dev/null || $(SYSTEM) npm
	@$(MAKE) --no-print-directory $(VENV)/.runtime-installed node_modules/.package-lock.json messages

lint: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports --no-cache

bench: $(VENV)/.dev-installed
	@for file in bench/[!_]*.py; do \
		[ -e "$$file" ] || { echo "no benchmark in bench/"; break; }; \
		module=$$(basename "$$file" .py); \
		printf '\n==================== bench/%s ====================\n' "$$module"; \
		$(PY) -m bench.$$module || exit 1; \
	done

messages: $(VENV)/bin/python
	@$(SYSTEM) gettext
	$(MANAGE) compilemessages --ignore "$(VENV)" --ignore node_modules --verbosity 0

# Update every catalogue from the source (sorted, no locations: see core/management/commands).
catalogues: $(VENV)/.dev-installed
	$(MANAGE) makemessages --every-language

clean:
	rm -rf $(VENV) node_modules static_collected .pytest_cache .ruff_cache $(FAILED) $(RESULTS) .test-started
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
	find locales -name '*.mo' -delete

# The virtualenv, and the requirements installed into it when they change.
$(VENV)/bin/python:
	@$(PYTHON) -c "import ensurepip, venv" 2>/dev/null || $(SYSTEM) python3-venv
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime-installed: requirements.txt | $(VENV)/bin/python
	$(PIP) -r requirements.txt
	@touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PIP) -r requirements-dev.txt
	@touch $@ $(VENV)/.runtime-installed

# The H5P player (h5p-standalone) and browser test tools (axe-core), pinned in package-lock.json;
# node_modules is never committed, and no package runs install scripts (.npmrc).
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
