# Set-up and checks for readouts: `make install` then `make test`.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install test bench score clean

# torch first, pinned: this machine's pip finds the CPU build (2.13.0+cpu) on its disk. Installing
# the stanza extra without it would pull a multi-GB CUDA build of torch from the registry.
install:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install torch==2.13.0
	$(BIN)/pip install -e '.[stanza,test]'

test:
	$(BIN)/pytest

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
	@echo "== extract corpora/dates (texts without metadata; the gold has dates only)"
	@$(BIN)/python $(SCORER) extract corpora/dates --cmd $(BIN)/readouts --json | $(BIN)/python -c \
	  'import json, sys; [print("== %-4s dates P %.2f R %.2f F1 %.2f" % (l, s["dates_p"], s["dates_r"], s["dates_f1"])) for l, s in json.load(sys.stdin)["by_lang"].items()]'
	@for d in ../shared/dev corpora corpora/blind/compare; do \
	  echo "== compare $$d"; $(BIN)/python $(SCORER) compare $$d/pairs $$d --cmd $(BIN)/readouts | grep '^=='; done

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
