#!/usr/bin/env bash
# Installs what the tests need and runs every test of Gongwen: formatting and vet, the core
# packages without cgo (document, layout, check, templates, export, gwcli; these include the
# GB/T 9704 geometry check of every example's PDF and the LibreOffice round trip of its DOCX),
# every fuzz target's seeds and saved findings (testdata/fuzz, replayed by go test), the desktop
# app's tests with Fyne's test driver, and a smoke test of the real app window under Xvfb.
# usage: tools/test.sh        FUZZTIME=30s tools/test.sh adds a fuzzing pass with new random inputs
# The fuzzing pass is opt-in: random inputs would make a run's verdict depend on luck (a finding
# blocks every change, related or not). Run it before a release or after touching a parser, and
# commit each input it finds under the package's testdata/fuzz, which every run then replays.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
. tools/env.sh
go version

core=$(go list ./... | grep -v -e '/app$' -e '/app/' -e '/cmd/gongwen$')

echo "== gofmt"
bad=$(gofmt -l $(git ls-files '*.go') 2>&1 || true)
if [ -n "$bad" ]; then echo "gofmt: not formatted:"; echo "$bad"; exit 1; fi

echo "== go vet (core, CGO_ENABLED=0)"
CGO_ENABLED=0 go vet $core

echo "== gwcli builds without cgo"
CGO_ENABLED=0 go build -o /dev/null ./cmd/gwcli

echo "== CUPS with a PDF printer (package printing)"
bash tools/cups.sh

echo "== PostgreSQL for the register and library tests (tools/pg.sh)"
. tools/pg.sh

echo "== core tests (CGO_ENABLED=0)"
CGO_ENABLED=0 go test -count=1 -timeout 40m $core

if [ -z "${FUZZTIME:-}" ]; then
  echo "== fuzzing pass skipped: new random inputs only with FUZZTIME set (FUZZTIME=30s tools/test.sh);"
  echo "   the fuzz targets' seeds and saved findings under testdata/fuzz ran with the core tests above"
fi
for pkg in ${FUZZTIME:+$core}; do
  dir=$(go list -f '{{.Dir}}' "$pkg")
  for f in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u); do
    echo "-- $pkg $f"
    # -fuzzminimizetime bounds the minimisation of new inputs: left at its 60 s default it can
    # outlast a short -fuzztime, which go test then reports as "context deadline exceeded".
    # That report alone (no failing input written) is the tool's, not a finding: run once more.
    fz() { CGO_ENABLED=0 go test -run '^$' -fuzz "^${f}\$" -fuzztime "${FUZZTIME}" -fuzzminimizetime 50x "$pkg" >/tmp/gongwen-fuzz.log 2>&1; }
    if ! fz; then
      if grep -q "context deadline exceeded" /tmp/gongwen-fuzz.log && ! grep -q "Failing input written" /tmp/gongwen-fuzz.log; then
        echo "   (fuzzing tool timed out without a finding; once more)"
        fz || { cat /tmp/gongwen-fuzz.log; exit 1; }
      else
        cat /tmp/gongwen-fuzz.log; exit 1
      fi
    fi
  done
done

if [ -d app ]; then
  echo "== app tests (Fyne test driver, cgo)"
  go vet ./app/... ./cmd/gongwen/
  go test -count=1 -timeout 20m ./app/...
fi

if [ -f tools/smoke_gui.sh ]; then
  echo "== GUI smoke test under Xvfb"
  bash tools/smoke_gui.sh
fi
echo "== all tests passed"
