# Set-up and checks for readouts: `make install` then `make test`.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install test bench score fuzz clean

# torch first, pinned: this machine's pip finds the CPU build (2.13.0+cpu) on its disk. Installing
# the stanza extra without it would pull a multi-GB CUDA build of torch from the registry.
install:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install torch==2.13.0
	$(BIN)/pip install -e '.[stanza,test]'

test:
	$(BIN)/pytest

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
	@for d in ../shared/dev corpora corpora/blind/compare; do \
	  echo "== compare $$d"; $(BIN)/python $(SCORER) compare $$d/pairs $$d --cmd $(BIN)/readouts | grep '^=='; done

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
