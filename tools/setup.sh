#!/usr/bin/env bash
# Installs what Gongwen needs to build, run and test on a fresh Debian 12 / Ubuntu machine:
# the Go toolchain named in go.mod (through the Go module proxy when the system Go is too old),
# the C headers Fyne needs (cgo, X11, OpenGL), and the tools the tests use (poppler-utils,
# Xvfb, ImageMagick, LibreOffice Writer without GUI, xdotool).
# Idempotent: it installs only what is missing. Run as root or with sudo available.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

pkgs=(gcc pkg-config libgl1-mesa-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev
      libx11-dev libgtk-3-dev xvfb x11-utils xdotool imagemagick poppler-utils fontconfig libreoffice-writer-nogui fonts-dejavu-core python3 time
      cups cups-client printer-driver-cups-pdf libxml2-utils chromium postgresql)
# what the tests only need (--run skips these)
if [ "${1:-}" = "--run" ]; then
  pkgs=(gcc pkg-config libgl1-mesa-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev libx11-dev libgtk-3-dev)
fi
# node and npm for the OFD reader test (tools/ofdjs); a Node.js that brings its own npm is kept
if [ "${1:-}" != "--run" ]; then
  command -v node >/dev/null 2>&1 || pkgs+=(nodejs)
  command -v npm >/dev/null 2>&1 || pkgs+=(npm)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: 安装 (installing) ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Go: the version go.mod asks for. A system Go >= 1.21 fetches it by itself (GOTOOLCHAIN=auto);
# an older one (Debian 12's 1.19) or none gets the toolchain module from the Go module proxy.
want=$(awk '/^go /{print $2; exit}' go.mod)
have_ok() {
  command -v go >/dev/null 2>&1 || return 1
  local v; v=$(go env GOVERSION 2>/dev/null | sed 's/^go//')
  [ -n "$v" ] || return 1
  # >= 1.21 can switch toolchains itself
  [ "$(printf '%s\n1.21\n' "${v%%[a-z]*}" | sort -V | head -1)" = "1.21" ]
}
if ! have_ok; then
  if [ -x "$HOME/.local/gongwen-go/bin/go" ]; then
    :
  else
    command -v go >/dev/null 2>&1 || { $SUDO apt-get update -qq; DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq golang-go >/dev/null; }
    arch=$(dpkg --print-architecture)
    tmp=$(mktemp -d)
    (cd "$tmp" && GOFLAGS=-mod=mod GO111MODULE=on go mod download -json "golang.org/toolchain@v0.0.1-go${want}.linux-${arch}" > dl.json)
    dir=$(sed -n 's/^\s*"Dir": "\(.*\)",$/\1/p' "$tmp/dl.json")
    mkdir -p "$HOME/.local"
    rm -rf "$HOME/.local/gongwen-go"
    cp -r "$dir" "$HOME/.local/gongwen-go"
    chmod -R u+w "$HOME/.local/gongwen-go"
    chmod +x "$HOME/.local/gongwen-go/bin/"* "$HOME/.local/gongwen-go/pkg/tool/"*/*
    rm -rf "$tmp"
  fi
  echo "setup: Go ${want} 在 (is at) $HOME/.local/gongwen-go/bin — 请加入 PATH (add it to PATH)"
fi
echo "setup: 完成 (done)"
