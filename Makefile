# ppid-site: `make preview` runs the main job on the demo site, `make test` runs the tests.
# Each target installs what it needs: the virtualenv, the Python packages, and Debian packages
# (Chromium, poppler-utils, nginx, apache2) when they are missing.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
SUDO   := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

SHIM   := overrides/assets/javascripts/iframe-worker-1.0.4-shim.js
AUDIT  := .ppid/audit/axe-4.14.1.min.js .ppid/audit/vnu-26.9.27.jar

# command -> Debian package
SYSTEM_DEPS := chromium:chromium chromium-headless-shell:chromium-headless-shell pdftotext:poppler-utils npm:npm nginx:nginx sshd:openssh-server rsync:rsync java:default-jre-headless apache2:apache2

.PHONY: all preview build check test bench system-deps clean publish meja

all: preview

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

system-deps:
	@missing=""; for dep in $(SYSTEM_DEPS); do cmd=$${dep%%:*}; pkg=$${dep##*:}; \
	  command -v "$$cmd" >/dev/null 2>&1 || missing="$$missing $$pkg"; done; \
	if [ -n "$$missing" ]; then echo "Memasang paket Debian:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; fi

# One run fetches every pinned file (the shim, and the audit tests' validators); touch marks them current.
$(SHIM) $(AUDIT) &: scripts/vendor.sh
	bash scripts/vendor.sh
	touch $(SHIM) $(AUDIT)

check: $(STAMP)
	$(BIN)/ppid check

build: $(STAMP)
	$(BIN)/ppid check
	$(BIN)/ppid build

preview: $(STAMP) system-deps $(SHIM)
	$(BIN)/ppid check
	$(BIN)/ppid preview

# Two workers: most of the suite's wall time is waiting on Chromium, nginx, sshd and Apache, not CPU.
test: $(STAMP) system-deps $(SHIM) $(AUDIT)
	$(BIN)/pytest -n 2

publish: $(STAMP) system-deps $(SHIM)
	$(BIN)/ppid publish $(if $(TARGET),--target $(TARGET),)

# The desk: a local web page for operators, Sub Koordinator and Koordinator (127.0.0.1 only).
meja: $(STAMP) system-deps $(SHIM)
	$(BIN)/ppid meja

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf .ppid site preview
