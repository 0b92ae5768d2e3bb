# Two commands do everything on a fresh machine (see README):
#   make demo   install pactwatch into .venv and extract the sample articles
#   make test   install the test dependencies and run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: demo test lint devset bench clean

# pactwatch alone: what `make demo` needs
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $(STAMP)

# plus the test dependencies (pytest, hypothesis, ruff): what `make test` needs
$(TEST_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(TEST_STAMP)

demo: $(STAMP)
	$(BIN)/pactwatch extract --pretty samples/

lint: $(TEST_STAMP)
	$(BIN)/ruff check src tests scripts benchmarks

test: $(TEST_STAMP) lint
	$(BIN)/pytest -q

# Informational: the figures of the shared devset, when it is beside the repo.
devset: $(STAMP)
	$(BIN)/pactwatch extract --quiet ../shared/devset/articles -o /tmp/pactwatch-devset.jsonl
	$(PYTHON) ../shared/eval/score.py ../shared/devset/gold /tmp/pactwatch-devset.jsonl

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_extract.py

clean:
	rm -rf $(VENV) build *.egg-info
