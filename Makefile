# The project's commands. `make serve` and `make test` are the two in the README.
# Every target creates the virtual environment and installs the pinned
# dependencies first, so each works on a fresh clone.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000

# Keep MkDocs' "MkDocs 2" banner from burying real warnings.
export NO_MKDOCS_2_WARNING := 1
# Let Python keep compiled modules (in __pycache__/, ignored by git), also where the environment turns that
# off: pytest then rewrites the tests' asserts once, not in every run and every process.
export PYTHONDONTWRITEBYTECODE :=

.PHONY: serve build check check-reports own-words readability check-tests offline pdf validate record test bench lock clean

## serve: install, then preview the site at http://127.0.0.1:$(PORT)/mbc-plain-guide/, rebuilt on every save
## (not strict: a warning is printed and the preview keeps serving; build, check and CI are strict)
serve: $(VENV)/.installed
	$(BIN)/mkdocs serve --no-strict --dev-addr 127.0.0.1:$(PORT)

## build: install and build the site into site/ (the Spanish edition into site/es/)
build: $(VENV)/.installed
	$(BIN)/mkdocs build --strict

## check: the quick check to run before pushing (no browser, no npm): first, side by side, the validator with its link and
## anchor check, own words and reading grades; only when they pass, every test that needs no browser, on every
## core (so one mistake in the data gives one message); the property-based tests try 25 mutations each here
check: $(VENV)/.installed
	$(MAKE) --no-print-directory --jobs=3 --output-sync=target check-reports
	$(MAKE) --no-print-directory check-tests

# The three reports of `make check`, side by side; each prints its whole report at once.
check-reports: validate own-words readability

own-words: $(VENV)/.installed
	$(BIN)/python scripts/own_words.py

readability: $(VENV)/.installed
	$(BIN)/python scripts/readability.py

check-tests:
	HYPOTHESIS_PROFILE=quick WITHOUT_NPM=1 $(BIN)/python -m pytest -m "not browser and not slow and not builds and not reports" --ignore=tests/browser -n auto --dist worksteal -q -p no:cacheprovider

## offline: build the offline copy into site-offline/ and a zip per edition (dist/, dist/es/); after `make build`, also into site/downloads/ and site/es/downloads/
offline: $(VENV)/.installed node_modules/.installed
	$(BIN)/python scripts/offline.py --publish-dir site

## pdf: print the whole guide to dist/mbc-guide.pdf (and the Spanish one to dist/mbc-guide-es.pdf) with headless Chromium; `make build` after it publishes them
pdf: $(VENV)/.installed
	$(BIN)/python scripts/pdf.py

## validate: check the site covers every drug and side effect in its sources
validate: $(VENV)/.installed
	$(BIN)/python scripts/validate.py

## record: after a source text changed (maintainers, with the texts): write the own-words fingerprint and the
## source check's recorded reading, which the checks use where the texts are not
record: $(VENV)/.installed
	$(BIN)/python scripts/own_words.py --update
	$(BIN)/python scripts/validate.py --record

## test: the whole test suite (validation, unit tests, builds, browser tests); a page past its next review fails it
test: $(VENV)/.installed node_modules/.installed
	$(BIN)/python scripts/validate.py --fail-overdue
	REQUIRE_NPM=1 $(BIN)/python -m pytest -n auto --dist worksteal

## bench: print build times, page weights, sizes and Lighthouse scores
bench: $(VENV)/.installed node_modules/.installed
	$(BIN)/python scripts/bench.py

## lock: after changing a pin in requirements.txt or requirements-dev.txt, write the locks `make` installs from
## (requirements-lock.txt, requirements-dev-lock.txt: the sha256 of every file PyPI has for each pinned version),
## with pip-tools in a virtual environment of its own
LOCK_VENV ?= $(or $(TMPDIR),/tmp)/mbc-plain-guide-pip-tools
lock:
	test -x $(LOCK_VENV)/bin/pip-compile || $(PYTHON) -m venv $(LOCK_VENV)
	test -x $(LOCK_VENV)/bin/pip-compile || $(LOCK_VENV)/bin/pip install --quiet pip-tools==7.6.2
	for name in requirements requirements-dev; do \
	  { echo "# Locked from $$name.txt with the hash of every file of each version; after changing $$name.txt, run: make lock"; \
	    $(LOCK_VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-header \
	      --no-emit-index-url --no-emit-find-links --output-file - $$name.txt; } > $$name-lock.txt || exit 1; \
	done

$(VENV)/.installed: requirements-lock.txt requirements-dev-lock.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev-lock.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation --editable .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

clean:
	rm -rf site site-offline dist .pytest_cache
