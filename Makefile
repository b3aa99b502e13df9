# ---- NER model (training/, models/sw_habari, benchmarks/ner_speed.py) ----
PYTHON ?= $(if $(wildcard .venv/bin/python),.venv/bin/python,python3)
SHARED_DATA ?= ../shared/data
MASAKHANER = $(SHARED_DATA)/masakhaner/swa
CONLL ?= $(MASAKHANER)/v2/dev.txt
NER_SEED ?= 1
MODEL_DIR ?= models/sw_habari
# Extra `spacy train` settings for `make model`, e.g. a smaller encoder (issue 18):
# NER_OVERRIDES="--components.tok2vec.model.encode.depth 3"; empty builds the shipped recipe.
NER_OVERRIDES ?=
# The name meta.json and the API's `model.name` give the result (sw_$(MODEL_NAME)).
MODEL_NAME ?= habari
# One thread for OpenBLAS: the machine's cores are shared, and one thread is what the
# speed figures are quoted for.
NER_ENV = OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1

.PHONY: model fast-model evaluate-ner bench-ner self-trained-model

# Rebuilds $(MODEL_DIR) (models/sw_habari) from the shared data alone: corpora, floret vectors, training
# (fixed seeds), then the dev figures. Takes long; never part of the test suite.
model:
	rm -rf training/corpus training/vectors training/output/model
	$(PYTHON) -m training.convert training/corpus/train.spacy $(MASAKHANER)/v2/train.txt \
	    $(MASAKHANER)/v1/train.txt $(MASAKHANER)/v1/dev.txt $(MASAKHANER)/v1/test.txt \
	    --exclude $(MASAKHANER)/v2/dev.txt
	$(PYTHON) -m training.convert training/corpus/dev.spacy $(MASAKHANER)/v2/dev.txt
	$(NER_ENV) $(PYTHON) -m training.vectors training/vectors/floret_d100_b50k \
	    --raw $(SHARED_DATA)/raw/swa
	$(NER_ENV) $(PYTHON) -m spacy train training/configs/ner.cfg --code service/lang/sw/__init__.py \
	    --output training/output/model --system.seed $(NER_SEED) $(NER_OVERRIDES)
	$(PYTHON) -m training.finalize training/output/model/model-best $(MODEL_DIR) --name $(MODEL_NAME)
	$(PYTHON) -m training.frequent_words $(MODEL_DIR)/frequent_words.txt --raw $(SHARED_DATA)/raw/swa
	$(NER_ENV) $(PYTHON) -m training.evaluate $(MASAKHANER)/v2/dev.txt --model $(MODEL_DIR)

# The bundled "fast" model (HABARI_MODEL=fast, MODEL_CARD.md): the same recipe with a tok2vec
# of width 64 instead of 128; seed 2 is the one shipped.
FAST_SEED ?= 2
fast-model:
	$(MAKE) model MODEL_DIR=models/sw_habari_fast MODEL_NAME=habari_fast NER_SEED=$(FAST_SEED) \
	    NER_OVERRIDES="--components.tok2vec.model.encode.width 64"

# Self-training (issue 17, MODEL_CARD.md): the teacher pipeline ($(SILVER_TEACHER), rules included)
# labels raw news, the sentences its NER is sure of join the gold data, and a model is trained
# on both with seed $(NER_SEED) and at most $(SELF_TRAIN_STEPS) steps; figures printed, nothing shipped.
SILVER_TEACHER ?= models/sw_habari
SILVER_SENTENCES ?= 6000
SELF_TRAIN_STEPS ?= 2000
SELF_TRAIN_DIR ?= training/output/self_train/seed$(NER_SEED)
self-trained-model:
	$(PYTHON) -m training.convert training/corpus/self_train/train.spacy $(MASAKHANER)/v2/train.txt \
	    $(MASAKHANER)/v1/train.txt $(MASAKHANER)/v1/dev.txt $(MASAKHANER)/v1/test.txt \
	    --exclude $(MASAKHANER)/v2/dev.txt
	$(PYTHON) -m training.convert training/corpus/dev.spacy $(MASAKHANER)/v2/dev.txt
	test -d training/vectors/floret_d100_b50k || $(NER_ENV) $(PYTHON) -m training.vectors \
	    training/vectors/floret_d100_b50k --raw $(SHARED_DATA)/raw/swa
	test -f training/corpus/self_train/silver.spacy || $(NER_ENV) $(PYTHON) -m training.self_train \
	    training/corpus/self_train/silver.spacy --model $(SILVER_TEACHER) --raw $(SHARED_DATA)/raw/swa \
	    --sentences $(SILVER_SENTENCES) --exclude $(MASAKHANER)/v2/dev.txt \
	    --exclude $(MASAKHANER)/v2/train.txt --exclude $(MASAKHANER)/v1/train.txt \
	    --exclude $(MASAKHANER)/v1/dev.txt --exclude $(MASAKHANER)/v1/test.txt
	$(NER_ENV) $(PYTHON) -m spacy train training/configs/ner.cfg --code service/lang/sw/__init__.py \
	    --output $(SELF_TRAIN_DIR) --system.seed $(NER_SEED) \
	    --paths.train training/corpus/self_train --training.max_steps $(SELF_TRAIN_STEPS)
	$(NER_ENV) $(PYTHON) -m training.evaluate $(MASAKHANER)/v2/dev.txt --model $(SELF_TRAIN_DIR)/model-best
	$(NER_ENV) $(PYTHON) -m dev.entities.newspaper --model $(SELF_TRAIN_DIR)/model-best

evaluate-ner:
	$(NER_ENV) $(PYTHON) -m training.evaluate $(CONLL)

bench-ner:
	$(PYTHON) -m benchmarks.ner_speed

# ---- Dates (service/components/dates.py, dev/dates) ----
.PHONY: evaluate-dates bench-dates

# Span F1 (overlap), exact-span F1 and value accuracy of habari_dates on dev/dates.
evaluate-dates:
	$(PYTHON) -m dev.dates.evaluate

bench-dates:
	$(PYTHON) -m benchmarks.dates_speed

# ---- quotes (service/components/quotes/, dev/quotes) ----
.PHONY: evaluate-quotes evaluate-quotes-blind quote-speakers

# Figures of issue 4 on the quotes dev set; prints "skipped" without ../shared.
evaluate-quotes:
	$(NER_ENV) $(PYTHON) -m dev.quotes.evaluate

# Rebuilds models/quote_speakers.json (the learned speaker chooser) from dev/quotes;
# `python -m training.quote_speakers --report` adds the cross-validated figures.
quote-speakers:
	$(PYTHON) -m training.quote_speakers

# The frozen blind set (dev/quotes/README.md): figures only, once per session at most.
evaluate-quotes-blind:
	$(NER_ENV) $(PYTHON) -m dev.quotes.evaluate --blind

# ---- entities (service/components/entities.py, dev/entities) ----
.PHONY: evaluate-entities evaluate-newspaper

# Grouping, false merges and country codes on dev/entities (issue 6); "skipped" without ../shared.
evaluate-entities:
	$(NER_ENV) $(PYTHON) -m dev.entities.evaluate

# Entity P/R/F1 per label on the Maneno Yetu newspaper sentences (dev half; HALF=blind once, for the report).
evaluate-newspaper:
	$(NER_ENV) $(PYTHON) -m dev.entities.newspaper --half $(or $(HALF),dev)

# ---- service (the README's two commands, and the smoke tests) ----
.PHONY: serve test smoke container-smoke

serve:
	python3 -m venv .venv && .venv/bin/pip install -r requirements.txt && .venv/bin/gunicorn -c gunicorn.conf.py wsgi:app

test:
	python3 -m venv .venv && .venv/bin/pip install -r requirements-dev.txt && .venv/bin/python -m pytest -q

smoke:
	scripts/smoke.sh $(or $(URL),http://127.0.0.1:8000)

container-smoke:
	scripts/container-smoke.sh
