# Sourced by the scripts: puts the Go toolchain installed by tools/setup.sh on PATH when the
# system has none that is new enough.
if [ -x "$HOME/.local/gongwen-go/bin/go" ]; then
  if ! command -v go >/dev/null 2>&1 || [ "$(printf '%s\n1.21\n' "$(go env GOVERSION 2>/dev/null | sed 's/^go//')" | sort -V | head -1)" != "1.21" ]; then
    export PATH="$HOME/.local/gongwen-go/bin:$PATH"
  fi
fi
export GOTOOLCHAIN=${GOTOOLCHAIN:-auto}
