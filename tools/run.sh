#!/usr/bin/env bash
# Installs what is needed and starts the Gongwen desktop app on a bundled example.
# usage: tools/run.sh [FILE]   (default: examples/qingshi.yaml)
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh --run
. tools/env.sh
go build -tags no_emoji -o bin/gongwen ./cmd/gongwen
exec ./bin/gongwen "${1:-examples/qingshi.yaml}"
