# The two commands a new developer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
HOST ?= 127.0.0.1

.PHONY: run test install setup fonts messages

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

# The interface translations (locale/*/LC_MESSAGES/django.po), compiled here rather than committed.
# With polib (pure Python, in requirements.txt), so a machine needs no GNU gettext to run the site.
MESSAGE_CATALOGUES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))
locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po $(VENV)/.installed
	$(PY) -c "import sys, polib; polib.pofile(sys.argv[1], check_for_duplicates=True).save_as_mofile(sys.argv[2])" $< $@

# English translated as itself, so that English lookups are found rather than missed (foundations/english_catalogue.py).
ENGLISH_CATALOGUE := build/locale/en/LC_MESSAGES/django.mo
$(ENGLISH_CATALOGUE): $(wildcard locale/*/LC_MESSAGES/django.po) foundations/english_catalogue.py $(VENV)/.installed
	$(PY) -m foundations.english_catalogue $@ $(filter %.po,$^)

install: $(VENV)/.installed $(MESSAGE_CATALOGUES) $(ENGLISH_CATALOGUE)

# After marking new strings in the public templates or Python code (gettext): refresh the catalogues' msgids,
# then translate them. The editors' pages (templates/admin/, templates/simple_history/) stay English, as the
# admin does. File names only (no line numbers) in the catalogue, so moving a string changes nothing there.
# tests/naparchive/test_interface_languages.py runs the same command (MAKEMESSAGES_OPTIONS) on a copy.
messages: install
	$(PY) manage.py makemessages -a -e html,py --no-obsolete --add-location=file --ignore=.venv --ignore=node_modules --ignore=staticfiles --ignore=tests --ignore=bench --ignore='templates/simple_history/*' --ignore='templates/admin/*' --ignore='templates/drf_spectacular/*'

# Idempotent: migrating, importing and loading again change nothing already there.
setup: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py create_editors_group
	$(PY) manage.py import_sources seeds/
	$(PY) manage.py load_curated_archive
	$(PY) manage.py load_curated_discrepancies
	$(PY) manage.py load_curated_figures
	$(PY) manage.py load_curated_organisations

run: setup
	@echo
	@echo "NAP Archive is starting at http://$(HOST):$(PORT)/  (editorial admin: http://$(HOST):$(PORT)/admin/)"
	@echo "Create an editor account with:  $(PY) manage.py create_editor USERNAME"
	@echo "or an administrator with:       $(PY) manage.py createsuperuser"
	@echo
	$(PY) manage.py runserver $(HOST):$(PORT)

# axe-core for the browser tests, at the version package-lock.json pins.
node_modules/axe-core/axe.min.js: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

test: install node_modules/axe-core/axe.min.js
	$(PY) -m pytest

# The Urdu font readers get (static/fonts/, committed: OFL-1.1 allows it). Run after changing its version in
# package.json: only the Arabic-script files are copied, Latin text keeps the system fonts.
FONT_DIR := node_modules/@fontsource/noto-nastaliq-urdu
fonts:
	npm ci --no-audit --no-fund
	cp $(FONT_DIR)/files/noto-nastaliq-urdu-arabic-400-normal.woff2 $(FONT_DIR)/files/noto-nastaliq-urdu-arabic-700-normal.woff2 static/fonts/
	cp $(FONT_DIR)/LICENSE static/fonts/noto-nastaliq-urdu-LICENSE.txt
