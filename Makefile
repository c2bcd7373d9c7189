# mkdocs-careers: `make site` builds the demo into site/, `make test` runs the whole suite.
# Everything installs into .venv from this repo's own files, so a fresh clone needs only
# Python 3.11+, make and apt (for Chromium and Java, used by the browser and HTML tests).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site serve test test-fast lint check bench schema clean browser-deps card-fonts

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(STAMP)

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

## Debian's chromium (never a downloaded browser build) and a JRE for the Nu HTML checker.
browser-deps: card-fonts
	@command -v chromium >/dev/null 2>&1 && command -v java >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends chromium default-jre-headless >/dev/null; }

## The font the PNG social cards are drawn with (DejaVu Sans, Debian package fonts-dejavu-core), unless
## social_cards.font / font_bold in mkdocs.yml name other files.
CARD_FONT := /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
card-fonts:
	@test -f $(CARD_FONT) || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends fonts-dejavu-core >/dev/null; }

site: $(STAMP) card-fonts
	$(BIN)/mkdocs build --strict

## --dirty: an edit rebuilds only the pages that show it (see "Fast preview" in README.md).
serve: $(STAMP) card-fonts
	$(BIN)/mkdocs serve --dirty

check: $(STAMP)
	$(BIN)/careers check

schema: $(STAMP)
	$(BIN)/careers schema --out schemas

## The whole suite (lint first). pytest exits 5 when it collects nothing; that is a failure here, not a pass.
test: $(STAMP) node_modules/.installed browser-deps lint
	$(BIN)/python -m pytest -n 2 --dist loadfile

lint: $(STAMP)
	$(BIN)/ruff check plugins tests bench
	$(BIN)/mypy

## Everything except the browser tests, for a quick loop.
test-fast: $(STAMP) card-fonts
	$(BIN)/python -m pytest -n 2 --dist loadfile -m "not browser"

bench: $(STAMP)
	$(BIN)/python bench/run_benchmark.py

clean:
	rm -rf site .pytest_cache build *.egg-info plugins/*.egg-info
