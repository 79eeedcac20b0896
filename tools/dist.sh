#!/usr/bin/env bash
# Builds Gongwen's release artefacts on Linux (Debian 12 / Ubuntu) into OUTDIR (default dist/):
#   gongwen-V-windows-amd64.exe   the desktop app for Windows x64 (cgo, mingw-w64, GUI subsystem,
#                                 icon, version information and manifest; `fyne package -os windows`)
#   gongwen-V-linux-amd64.tar.xz  the desktop app and gwcli for Linux, with a .desktop entry, the
#                                 icon, install.sh, README, LICENSE and the bundled fonts' licenses
#   gwcli-V-{windows-amd64.exe,darwin-amd64,darwin-arm64,linux-amd64}  the command line, pure Go
#   SHA256SUMS                    checksums of all of the above
# Fonts and templates are embedded in the binaries (go:embed); nothing else is needed at run time.
# At the end the Linux binaries are run from an empty folder with an empty HOME (gwcli exports an
# example to PDF; the app opens a window under Xvfb when xvfb-run and xdotool are there).
#
# usage: tools/dist.sh [--cli-only] [--no-verify] [OUTDIR]
#   --cli-only   only gwcli (no cgo, no mingw, no Fyne tool needed)
#   --no-verify  skip the fresh-folder run at the end
# The version is FyneApp.toml's [Details] Version (and Build), else `git describe`.
# The macOS app is built on a Mac: see docs/install.md. The Windows build is smoke-tested under
# wine by tools/wine/smoke.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

cli_only=0
verify=1
out=""
for a in "$@"; do
  case "$a" in
    --cli-only) cli_only=1 ;;
    --no-verify) verify=0 ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "dist: 未知选项 (unknown option) $a" >&2; exit 2 ;;
    *) out=$a ;;
  esac
done
out=${out:-dist}
mkdir -p "$out"
out=$(cd "$out" && pwd)

# the Go toolchain that tools/setup.sh installs, when the system has none new enough
if [ -f tools/env.sh ]; then . tools/env.sh; fi
FYNE_TOOL_VERSION=v1.7.4 # fyne.io/tools, the `fyne` command
gobin=$(go env GOPATH 2>/dev/null)/bin
export PATH="$PATH:$gobin"

log() { printf '%s\n' "dist: $*"; }
die() { printf '%s\n' "dist: $*" >&2; exit 1; }

# ---- prerequisites -------------------------------------------------------------------------------
missing=()
need_apt=()
have() { command -v "$1" >/dev/null 2>&1; }
if ! have go; then
  missing+=("Go 1.21+：运行 (run) bash tools/setup.sh")
fi
for t in tar xz sha256sum; do
  if ! have "$t"; then
    case $t in xz) need_apt+=(xz-utils) ;; *) need_apt+=(coreutils tar) ;; esac
  fi
done
if [ "$cli_only" = 0 ]; then
  have x86_64-w64-mingw32-gcc || need_apt+=(gcc-mingw-w64-x86-64)
  have gcc || need_apt+=(gcc)
  have pkg-config || need_apt+=(pkg-config)
  if have pkg-config; then
    for pc in gl:libgl1-mesa-dev x11:libx11-dev xcursor:libxcursor-dev xrandr:libxrandr-dev \
              xinerama:libxinerama-dev xi:libxi-dev xxf86vm:libxxf86vm-dev gtk+-3.0:libgtk-3-dev; do
      pkg-config --exists "${pc%%:*}" || need_apt+=("${pc#*:}")
    done
  fi
  have fyne || missing+=("Fyne 打包工具 (the fyne packaging tool)：go install fyne.io/tools/cmd/fyne@${FYNE_TOOL_VERSION}")
  ls cmd/gongwen/*.go >/dev/null 2>&1 || missing+=("桌面应用源码 (the desktop app's source) cmd/gongwen/*.go —— 或只构建命令行 (or build the CLI only): tools/dist.sh --cli-only")
  [ -f assets/icon.png ] || missing+=("应用图标 (the app icon) assets/icon.png")
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  mapfile -t need_apt < <(printf '%s\n' "${need_apt[@]}" | sort -u)
  missing+=("Debian/Ubuntu 软件包 (packages)：sudo apt-get install ${need_apt[*]}")
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "dist: 缺少以下构建条件 (missing prerequisites)：" >&2
  printf '  - %s\n' "${missing[@]}" >&2
  exit 1
fi

# ---- version ---------------------------------------------------------------------------------------
toml=""
for f in cmd/gongwen/FyneApp.toml FyneApp.toml; do
  if [ -f "$f" ]; then toml=$f; break; fi
done
# value of KEY in the [Details] table of FyneApp.toml
toml_get() {
  [ -n "$toml" ] || return 0
  awk -v key="$1" '
    /^\[/ { in_details = ($0 ~ /^\[Details\]/) ; next }
    in_details && $0 ~ "^[ \t]*" key "[ \t]*=" {
      sub(/^[^=]*=[ \t]*/, ""); gsub(/^"|"[ \t]*$/, ""); print; exit
    }' "$toml"
}
version=$(toml_get Version)
build=$(toml_get Build)
if [ -z "$version" ]; then
  version=$(git describe --tags --always --dirty 2>/dev/null | sed 's/^v//' || true)
fi
version=${version:-0.0.0-dev}
build=${build:-1}
log "版本 (version) $version (build $build), 输出到 (into) $out"

# ---- a snapshot of the source tree -----------------------------------------------------------------
# Everything is built from one copy of the working tree (tracked and untracked files that git does
# not ignore), so that the artefacts come from one state of the code, and `fyne`, which writes
# fyne.syso and fyne_metadata_init.go into the package it builds, never touches the real tree.
work=$(mktemp -d "${TMPDIR:-/tmp}/gongwen-dist.XXXXXX")
trap 'rm -rf "$work"' EXIT
src="$work/src"
mkdir -p "$src"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git ls-files -z -c -o --exclude-standard | tar --null -T - --ignore-failed-read -cf - 2>/dev/null | tar -xf - -C "$src"
else
  tar --exclude=./dist --exclude=./.git -cf - . | tar -xf - -C "$src"
fi
case "$out" in "$root"/*) rm -rf "${src:?}/${out#"$root"/}" ;; esac # an OUTDIR inside the tree

declare -A took
timed() { # timed NAME CMD...: runs CMD, records its seconds
  local name=$1 t0=$SECONDS; shift
  "$@"
  took[$name]=$((SECONDS - t0))
  log "$name: ${took[$name]} s"
}

ldx="-X main.version=$version"
artefacts=()

# ---- gwcli, pure Go, for every platform ------------------------------------------------------------
build_gwcli() {
  local goos=$1 goarch=$2 ext=""
  [ "$goos" = windows ] && ext=.exe
  local name="gwcli-$version-$goos-$goarch$ext"
  (cd "$src" && CGO_ENABLED=0 GOOS=$goos GOARCH=$goarch \
    go build -trimpath -ldflags "-s -w $ldx" -o "$out/$name" ./cmd/gwcli)
  artefacts+=("$name")
}
for p in linux/amd64 windows/amd64 darwin/amd64 darwin/arm64; do
  timed "gwcli ${p/\//-}" build_gwcli "${p%/*}" "${p#*/}"
done

if [ "$cli_only" = 0 ]; then
  appdir="$src/cmd/gongwen"
  # `fyne` reads FyneApp.toml from the package it builds; the project keeps it at the root, with
  # paths relative to the root: give the snapshot's cmd/gongwen a copy whose icon path is absolute.
  if [ -n "$toml" ] && [ "$toml" = FyneApp.toml ]; then
    sed -E "s|^([[:space:]]*Icon[[:space:]]*=[[:space:]]*\")([^/\"][^\"]*)\"|\1$src/\2\"|" \
      "$src/FyneApp.toml" > "$appdir/FyneApp.toml"
  fi
  icon="$src/assets/icon.png"
  appid=()
  if [ -z "$(toml_get ID)" ]; then appid=(--app-id io.github.gongwen); fi

  # ---- the Windows desktop app ---------------------------------------------------------------------
  build_windows() {
    local v4
    v4=$(echo "$version" | sed 's/[-+].*//' | awk -F. '{printf "%d.%d.%d", $1, $2, $3}').$build
    sed "s/@VERSION4@/$v4/" "$src/packaging/windows/gongwen.exe.manifest.in" > "$appdir/gongwen.exe.manifest"
    rm -f "$appdir"/*.exe
    # An .ico entry is at most 256 × 256 (Windows reads a larger PNG inside it as 256); fyne
    # writes one entry from the icon it is given, so give it the icon at 256 when ImageMagick is here.
    local wicon="$icon"
    if have convert; then
      convert "$icon" -resize 256x256 "$work/icon-256.png" && wicon="$work/icon-256.png"
    fi
    (cd "$appdir" && CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
      GOFLAGS="-ldflags=-X=main.version=$version -tags=no_emoji" \
      fyne package -os windows --release --icon "$wicon" --app-version "${version%%[-+]*}" \
        --app-build "$build" "${appid[@]}" >"$work/fyne-windows.log" 2>&1) \
      || { cat "$work/fyne-windows.log" >&2; die "Windows 构建失败 (Windows build failed)"; }
    local exe
    exe=$(ls -t "$appdir"/*.exe | head -1)
    mv "$exe" "$out/gongwen-$version-windows-amd64.exe"
    artefacts+=("gongwen-$version-windows-amd64.exe")
  }
  timed "gongwen windows-amd64 (fyne package, mingw-w64)" build_windows

  # ---- the Linux desktop app and archive -----------------------------------------------------------
  build_linux() {
    (cd "$appdir" && CGO_ENABLED=1 GOOS=linux GOARCH=amd64 \
      GOFLAGS="-ldflags=-X=main.version=$version -tags=no_emoji" \
      fyne build --release -o "$work/gongwen" >"$work/fyne-linux.log" 2>&1) \
      || { cat "$work/fyne-linux.log" >&2; die "Linux 构建失败 (Linux build failed)"; }
  }
  timed "gongwen linux-amd64 (fyne build)" build_linux

  pack_linux() {
    local name="gongwen-$version-linux-amd64"
    local d="$work/$name"
    mkdir -p "$d/licenses"
    install -m 755 "$work/gongwen" "$d/gongwen"
    install -m 755 "$out/gwcli-$version-linux-amd64" "$d/gwcli"
    install -m 644 "$src/packaging/linux/gongwen.desktop" "$d/gongwen.desktop"
    install -m 644 "$icon" "$d/gongwen.png"
    install -m 755 "$src/packaging/linux/install.sh" "$d/install.sh"
    sed "s/@VERSION@/$version/g" "$src/packaging/linux/README.txt" > "$d/README.txt"
    install -m 644 "$src/LICENSE" "$d/LICENSE"
    cp -r "$src/assets/fonts/licenses/." "$d/licenses/"
    [ -f "$src/CHANGELOG.md" ] && install -m 644 "$src/CHANGELOG.md" "$d/CHANGELOG.md"
    # reproducible archive: sorted names, fixed owner and times
    local mtime
    mtime=$(git log -1 --format=%cI 2>/dev/null || date -u +%Y-%m-%dT%H:%M:%SZ)
    tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="$mtime" \
      -C "$work" -cf - "$name" | xz -9e -T0 > "$out/$name.tar.xz"
    artefacts+=("$name.tar.xz")
  }
  timed "linux-amd64 tar.xz (xz -9e)" pack_linux
fi

# ---- checksums -------------------------------------------------------------------------------------
(cd "$out" && sha256sum "${artefacts[@]}" > SHA256SUMS)

# ---- run from a fresh folder with an empty HOME ----------------------------------------------------
verify_fresh() {
  local ex=""
  for f in examples/qingshi.yaml examples/*.yaml; do
    if [ -f "$f" ]; then ex=$f; break; fi
  done
  [ -n "$ex" ] || { log "没有示例，跳过运行检查 (no example in examples/, run check skipped)"; return 0; }
  local fresh="$work/fresh" home="$work/home"
  mkdir -p "$fresh" "$home"
  cp "$ex" "$fresh/"
  # the example's images (seals, signatures) travel with it, as they would with a user's draft
  for img in $(dirname "$ex")/*.png; do [ -f "$img" ] && cp "$img" "$fresh/"; done
  if [ "$cli_only" = 0 ]; then
    tar -xJf "$out/gongwen-$version-linux-amd64.tar.xz" -C "$fresh" --strip-components=1 \
      "gongwen-$version-linux-amd64/gongwen" "gongwen-$version-linux-amd64/gwcli"
  else
    install -m 755 "$out/gwcli-$version-linux-amd64" "$fresh/gwcli"
  fi
  local base
  base=$(basename "$ex" .yaml)
  (cd "$fresh" && env -i HOME="$home" PATH=/usr/bin:/bin LANG=C.UTF-8 \
    ./gwcli export -o "$base.pdf" "$(basename "$ex")") \
    || die "gwcli 在空目录中导出失败 (gwcli export failed in a fresh folder)"
  if have pdfinfo; then
    pdfinfo "$fresh/$base.pdf" >"$work/pdfinfo.txt" || die "pdfinfo 读不了导出的 PDF (pdfinfo cannot read the PDF)"
    log "空目录导出 (fresh-folder export): $(grep -E '^Pages' "$work/pdfinfo.txt" | tr -s ' ')"
  else
    [ -s "$fresh/$base.pdf" ] || die "没有写出 PDF (no PDF written)"
    log "空目录导出 (fresh-folder export): $base.pdf $(stat -c %s "$fresh/$base.pdf") bytes"
  fi
  if [ "$cli_only" = 0 ] && have xvfb-run && have xdotool; then
    (cd "$fresh" && env -i HOME="$home" PATH=/usr/bin:/bin LANG=C.UTF-8 \
      xvfb-run -a -s "-screen 0 1280x900x24" sh -c '
        ./gongwen "$1" >gui.log 2>&1 & pid=$!
        i=0; while [ $i -lt 60 ]; do
          if xdotool search --onlyvisible --pid $pid >/dev/null 2>&1; then kill $pid; exit 0; fi
          kill -0 $pid 2>/dev/null || { cat gui.log; exit 1; }
          sleep 0.5; i=$((i+1))
        done
        kill $pid; cat gui.log; exit 1' sh "$(basename "$ex")") \
      || die "应用在空目录中没有打开窗口 (the app did not open a window from a fresh folder)"
    log "空目录启动应用 (fresh-folder app start): 窗口已打开 (window opened)"
  fi
  # nothing may have been written outside the fresh folder and its HOME
  log "HOME 中新建的文件 (files the run created in HOME): $(find "$home" -type f | sed "s|$home/||" | tr '\n' ' ')"
}
if [ "$verify" = 1 ]; then
  timed "fresh-folder run" verify_fresh
fi

log "完成 (done):"
(cd "$out" && ls -l "${artefacts[@]}" SHA256SUMS | awk '{printf "  %10d  %s\n", $5, $9}')
for k in "${!took[@]}"; do printf '  %4d s  %s\n' "${took[$k]}" "$k"; done | sort -k3
