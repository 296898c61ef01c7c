# cpguide tasks. `make help` lists them. Every task sets up what it needs by itself.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python

.DEFAULT_GOAL := help

help: ## List the tasks
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml requirements.lock requirements-tools.in
	python3 -m venv $(VENV)
	# Every package, pip and setuptools included, is checked against the hashes in requirements.lock.
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

venv: $(VENV)/.installed ## Create the virtual environment with pinned dependencies

serve: $(VENV)/.installed node_modules/.installed ## Build the site from the bundled content and serve it on http://127.0.0.1:8000
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000

preview: $(VENV)/.installed node_modules/.installed ## Serve one authority (and the national framework) fast: make preview AUTHORITY=north-somerset
	@test -n "$(AUTHORITY)" || { echo "usage: make preview AUTHORITY=<folder under checklists/>[,<another>]"; exit 2; }
	CPGUIDE_CONTENT=$(CURDIR)/checklists CPGUIDE_AUTHORITIES=$(AUTHORITY) $(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000

preview-build: $(VENV)/.installed node_modules/.installed ## Build one authority once, no server, no reload: make preview-build AUTHORITY=north-somerset (into build/preview/)
	@test -n "$(AUTHORITY)" || { echo "usage: make preview-build AUTHORITY=<folder under checklists/>[,<another>]"; exit 2; }
	CPGUIDE_CONTENT=$(CURDIR)/checklists CPGUIDE_AUTHORITIES=$(AUTHORITY) NO_MKDOCS_2_WARNING=1 \
	  $(VENV)/bin/mkdocs build --strict --site-dir $(CURDIR)/build/preview
	@echo "built: build/preview/ (open it with: python3 -m http.server -d build/preview 8000, then http://127.0.0.1:8000/)"

build: $(VENV)/.installed node_modules/.installed ## Build the site into site/ (strict; with its search index and service worker)
	$(VENV)/bin/mkdocs build --strict

zensical: $(VENV)/.installed node_modules/.installed ## Build the site with Zensical into build/zensical/site (generate, zensical build, publish; CPGUIDE_OFFLINE=true: to open from files)
	$(VENV)/bin/cpguide generate --out build/zensical --links sources
	cd build/zensical && $(CURDIR)/$(VENV)/bin/zensical build --strict
	$(VENV)/bin/cpguide publish build/zensical/site

validate: $(VENV)/.installed ## Check all content: schema, ids, references, no HTML
	$(VENV)/bin/cpguide validate

coverage: $(VENV)/.installed ## Show which source statements are not yet in the content
	$(VENV)/bin/cpguide coverage

system-deps: ## Install Debian packages the browser tests need (chromium, poppler-utils, nodejs)
	@bash scripts/system-deps.sh

test: $(VENV)/.installed node_modules/.installed system-deps ## Run the whole test suite (content, deadlines, build, real browser)
	$(VENV)/bin/pytest -q; status=$$?; if [ $$status -eq 5 ]; then echo "no tests ran"; exit 1; fi; exit $$status

benchmark: $(VENV)/.installed node_modules/.installed system-deps ## Measure build time and memory at 3, 30 and 150 authorities against bare Material
	$(PY) benchmarks/scale.py --sizes 3 30 150

lock: ## Re-pin dependencies with their hashes into requirements.lock (after changing pyproject.toml or requirements-tools.in)
	python3 -m venv /tmp/cpguide-lock && /tmp/cpguide-lock/bin/pip install --quiet pip-tools==7.6.2 && \
	/tmp/cpguide-lock/bin/pip-compile --quiet --extra test --extra zensical --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml requirements-tools.in && \
	rm -rf /tmp/cpguide-lock

clean: ## Remove the built site and caches
	rm -rf site build .pytest_cache

.PHONY: help venv serve preview preview-build build zensical validate coverage system-deps test benchmark lock clean
