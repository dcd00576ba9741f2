# Signpost: one command to run it, one to test it (see README.md).
#   make run       set up everything, then start the assistant on http://127.0.0.1:8080/
#   make test      set up everything, then run the whole test suite (CI runs this)
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := run

VENV := .venv
PY := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
INSTALLED := $(VENV)/.installed
NODE_INSTALLED := node_modules/.installed

# Rasa must never phone home or write conversation text to logs.
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 3
export PYTHONDONTWRITEBYTECODE := 1

DIRECTORY_DATA := $(shell find services_directory/data -name '*.yml' 2>/dev/null)
SPACY_PIPELINE := models/spacy_places
SPACY_META := $(SPACY_PIPELINE)/meta.json
PLACE_SYNONYMS := data/nlu/generated_place_synonyms.yml
# Training words protect the place patterns from typo variants that are real words.
NLU_DATA := $(filter-out $(PLACE_SYNONYMS),$(wildcard data/nlu/*.yml))
TRAINING_DATA := config.yml domain.yml $(filter-out $(PLACE_SYNONYMS),$(shell find data -name '*.yml' 2>/dev/null))
MODEL := models/signpost.tar.gz
DIRECTORY_DB := var/directory.sqlite3

.PHONY: run test setup train shell validate eval bench bench-directory directory \
        chromium constraints clean

run: setup ## Start Rasa, the action server, the directory API and the web chat
	$(VENV)/bin/honcho start -f Procfile

test: setup chromium ## The whole test suite (unit, integration, conversation, browser)
	$(PY) -m pytest

setup: $(INSTALLED) $(NODE_INSTALLED) .env directory $(MODEL)

# --- Python environment ----------------------------------------------------------------
# Some machines' pip configs list local package folders that do not exist; hide that noise.
QUIET_PIP := sed '/^WARNING: Location .* is ignored/d'
$(INSTALLED): requirements.txt constraints.txt scripts/find-python.sh
	@python=$$(scripts/find-python.sh) && \
	  if [ ! -x $(PY) ] || ! $(PY) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))'; then \
	    rm -rf $(VENV) && echo "Creating $(VENV) with $$python" && "$$python" -m venv $(VENV); fi
	$(PY) -m pip install --quiet --upgrade pip 2>&1 | $(QUIET_PIP)
	$(PY) -m pip install --quiet -r requirements.txt -c constraints.txt 2>&1 | $(QUIET_PIP)
	touch $@

constraints: $(INSTALLED) ## Re-pin constraints.txt from the working venv
	{ head -2 constraints.txt; $(PY) -m pip freeze --exclude-editable; } > constraints.txt.new
	mv constraints.txt.new constraints.txt

# --- Front-end packages (GOV.UK Frontend for the pages, axe-core for accessibility tests)
$(NODE_INSTALLED): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# --- Local secrets: generated once, never committed ------------------------------------
.env: | $(INSTALLED)
	$(PY) -m bot.local_env .env

# --- Services directory ----------------------------------------------------------------
directory: $(DIRECTORY_DB)
$(DIRECTORY_DB): $(DIRECTORY_DATA) $(INSTALLED)
	mkdir -p var
	$(PY) -m services_directory load --database sqlite:///$(DIRECTORY_DB)

# --- spaCy pipeline and place synonyms, built from the directory's gazetteer ------------
# The build rewrites its outputs only when the place list changes, so an unchanged
# gazetteer never forces a retrain.
$(SPACY_META) $(PLACE_SYNONYMS) &: $(DIRECTORY_DATA) $(NLU_DATA) bot/spacy_pipeline.py $(INSTALLED)
	$(PY) -m bot.spacy_pipeline --output $(SPACY_PIPELINE) --synonyms $(PLACE_SYNONYMS)

# --- Rasa model: retrained only when training data, config or places change ------------
# Custom components' code is not part of Rasa's cache fingerprint, so a change to it
# must retrain everything (--force), or the cache would return the old behaviour.
COMPONENT_CODE := $(wildcard bot/components/*.py)
$(MODEL): $(TRAINING_DATA) $(SPACY_META) $(PLACE_SYNONYMS) $(COMPONENT_CODE)
	$(RASA) train --fixed-model-name signpost --out models --quiet --force
	touch $@

train: $(SPACY_META) $(PLACE_SYNONYMS) ## Train the model (always)
	$(RASA) train --fixed-model-name signpost --out models --force

validate: $(PLACE_SYNONYMS) ## Check domain, rules, stories and NLU data for conflicts
	$(RASA) data validate --fail-on-warnings

shell: setup ## Chat in the terminal (starts the action server and directory too)
	$(PY) -m bot.cli

eval: setup ## NLU accuracy, crisis recall, entity F1, baseline and cross-validation
	$(PY) -m benchmarks.nlu_eval

bench: setup ## Reply latency, throughput and memory of the running assistant
	$(PY) -m benchmarks.latency

bench-directory: $(INSTALLED) ## Directory search latency with 50,000 services
	$(PY) -m benchmarks.directory_search

# --- Debian's Chromium for the browser tests (never a browser download) -----------------
chromium:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  echo "Installing Debian's chromium package for the browser tests"; \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq chromium >/dev/null; \
	fi

clean: ## Remove everything the setup built (venv, models, database, node_modules)
	rm -rf $(VENV) node_modules var models/signpost.tar.gz $(SPACY_PIPELINE) $(PLACE_SYNONYMS) .rasa
