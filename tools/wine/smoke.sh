#!/usr/bin/env bash
# Smoke test of the Windows build under wine, on Linux: runs dist/'s gwcli.exe and gongwen.exe
# in a fresh wine prefix under Xvfb.
#   1. gwcli.exe exports an example to PDF (pdfinfo must read it) and DOCX, and checks it clean.
#   2. gongwen.exe opens the example; its window must appear (xdotool), and a screenshot of it
#      (ImageMagick's import) must not be blank.
# Debian's wine 8 lacks bcryptprimitives.dll, which Go 1.22+ loads at start-up for ProcessPrng:
# a test-only shim (tools/wine/bcryptprimitives.c, built here with mingw-w64) goes into the
# prefix's system32. It is never shipped; real Windows 10/11 has the DLL. The bundled FandolFang
# goes into the prefix's Fonts folder so that wine has a CJK font for window titles and dialogs.
#
# usage: tools/wine/smoke.sh [DISTDIR]     (default dist/, as written by tools/dist.sh)
# env:   SMOKE_OUT   where the screenshots and logs go (default out/wine-smoke)
#        SMOKE_EXAMPLE  the draft to open (default examples/qingshi.yaml, else the first example)
#        SMOKE_TITLE    a regex for the window title (default "公文|Gongwen|gongwen")
#        WINEPREFIX     reuse a prefix (default: a fresh one under the temp dir, removed after)
# Needs: apt-get install wine wine64 xvfb xdotool imagemagick poppler-utils gcc-mingw-w64-x86-64
# Not part of .ci/run: a cold wine prefix and a software-rendered OpenGL window take a minute or two.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
dist=${1:-dist}
outdir=${SMOKE_OUT:-out/wine-smoke}
title_re=${SMOKE_TITLE:-公文|Gongwen|gongwen}
mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)

log() { printf '%s\n' "smoke: $*"; }
fail() { printf '%s\n' "smoke: 失败 (FAIL): $*" >&2; exit 1; }

# ---- prerequisites -------------------------------------------------------------------------------
need=()
have() { command -v "$1" >/dev/null 2>&1; }
have wine || need+=(wine wine64)
have Xvfb || need+=(xvfb)
have xdotool || need+=(xdotool)
have import || need+=(imagemagick)
have pdfinfo || need+=(poppler-utils)
have x86_64-w64-mingw32-gcc || need+=(gcc-mingw-w64-x86-64)
if [ ${#need[@]} -gt 0 ]; then
  fail "缺少软件包 (missing packages)，请安装 (install them): sudo apt-get install ${need[*]}"
fi

gwcli_exe=$(ls -t "$dist"/gwcli-*-windows-amd64.exe 2>/dev/null | head -1 || true)
app_exe=$(ls -t "$dist"/gongwen-*-windows-amd64.exe 2>/dev/null | head -1 || true)
[ -n "$gwcli_exe" ] && [ -n "$app_exe" ] \
  || fail "在 $dist 中找不到 Windows 构建 (no Windows build in $dist): 先运行 (run first) tools/dist.sh"
ex=${SMOKE_EXAMPLE:-}
if [ -z "$ex" ]; then
  for f in examples/qingshi.yaml examples/*.yaml; do
    if [ -f "$f" ]; then ex=$f; break; fi
  done
fi
[ -n "$ex" ] && [ -f "$ex" ] || fail "没有示例草稿 (no example draft in examples/)"

work=$(mktemp -d "${TMPDIR:-/tmp}/gongwen-wine.XXXXXX")
xvfb_pid=""
cleanup() {
  if [ -n "${WINEPREFIX:-}" ]; then wineserver -k >/dev/null 2>&1 || true; fi
  if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

t_all=$SECONDS
export WINEPREFIX=${WINEPREFIX:-$work/prefix}
export WINEARCH=win64
export WINEDEBUG=${WINEDEBUG:--all}
# no Mono / Gecko installer dialogs: the app needs neither
export WINEDLLOVERRIDES="mscoree=;mshtml="

# ---- an X server of our own ------------------------------------------------------------------------
d=90
while [ -e "/tmp/.X$d-lock" ] || [ -e "/tmp/.X11-unix/X$d" ]; do d=$((d + 1)); done
Xvfb ":$d" -screen 0 1280x900x24 -nolisten tcp >"$outdir/xvfb.log" 2>&1 &
xvfb_pid=$!
export DISPLAY=":$d"
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done 2>/dev/null || true

# ---- the wine prefix -------------------------------------------------------------------------------
t=$SECONDS
wineboot -i >"$outdir/wineboot.log" 2>&1 || true
wineserver -w
sys32="$WINEPREFIX/drive_c/windows/system32"
[ -d "$sys32" ] || fail "wine 前缀没有建好 (the wine prefix was not created), see $outdir/wineboot.log"
x86_64-w64-mingw32-gcc -O2 -shared -o "$work/bcryptprimitives.dll" \
  tools/wine/bcryptprimitives.c tools/wine/bcryptprimitives.def -ladvapi32
cp "$work/bcryptprimitives.dll" "$sys32/"
mkdir -p "$WINEPREFIX/drive_c/windows/Fonts"
cp assets/fonts/FandolFang-Regular.ttf "$WINEPREFIX/drive_c/windows/Fonts/"
log "wine 前缀 (prefix) $(wine --version): $((SECONDS - t)) s"

# the user's folder inside the prefix: the example and its images, nothing else
run="$WINEPREFIX/drive_c/gongwen-smoke"
mkdir -p "$run"
cp "$gwcli_exe" "$run/gwcli.exe"
cp "$app_exe" "$run/gongwen.exe"
cp "$ex" "$run/"
for img in "$(dirname "$ex")"/*.png; do [ -f "$img" ] && cp "$img" "$run/"; done
draft=$(basename "$ex")
base=${draft%.*}

# ---- 1. gwcli.exe export ----------------------------------------------------------------------------
t=$SECONDS
(cd "$run" && timeout 180 wine gwcli.exe export -o "$base.pdf" "$draft") >"$outdir/gwcli.log" 2>&1 \
  || { cat "$outdir/gwcli.log" >&2; fail "gwcli.exe export 退出码非零 (exited non-zero)"; }
[ -s "$run/$base.pdf" ] || fail "gwcli.exe 没有写出 PDF (wrote no PDF)"
pdfinfo "$run/$base.pdf" >"$outdir/pdfinfo.txt" 2>&1 || fail "pdfinfo 读不了 PDF (cannot read the PDF)"
cp "$run/$base.pdf" "$outdir/$base.pdf"
log "gwcli.exe export $draft → $base.pdf: $(grep -E '^Pages' "$outdir/pdfinfo.txt" | tr -s ' '), $(stat -c %s "$run/$base.pdf") bytes, $((SECONDS - t)) s"

# the DOCX writer and the checker too (a .docx is a zip: it starts with "PK")
(cd "$run" && timeout 180 wine gwcli.exe export -o "$base.docx" "$draft") >>"$outdir/gwcli.log" 2>&1 \
  || { cat "$outdir/gwcli.log" >&2; fail "gwcli.exe export DOCX 退出码非零 (exited non-zero)"; }
[ "$(head -c 2 "$run/$base.docx")" = PK ] || fail "gwcli.exe 写出的 DOCX 不是 zip (the DOCX is not a zip)"
(cd "$run" && timeout 180 wine gwcli.exe check "$draft") >>"$outdir/gwcli.log" 2>&1 \
  || { cat "$outdir/gwcli.log" >&2; fail "gwcli.exe check 报告了错误 (reported errors on the example)"; }
log "gwcli.exe export DOCX ($(stat -c %s "$run/$base.docx") bytes) 与 (and) check: 通过 (ok)"

# ---- 2. gongwen.exe opens a window ------------------------------------------------------------------
t=$SECONDS
(cd "$run" && exec wine gongwen.exe "$draft") >"$outdir/gongwen.log" 2>&1 &
app_pid=$!
wid=""
for _ in $(seq 240); do # up to 120 s
  wid=$(xdotool search --onlyvisible --name "$title_re" 2>/dev/null | head -1 || true)
  [ -n "$wid" ] && break
  kill -0 "$app_pid" 2>/dev/null || { cat "$outdir/gongwen.log" >&2; fail "gongwen.exe 提前退出 (exited early)"; }
  sleep 0.5
done
if [ -z "$wid" ]; then
  import -window root "$outdir/gongwen-screen.png" 2>/dev/null || true
  xdotool search --onlyvisible --name . getwindowname %@ >"$outdir/windows.txt" 2>/dev/null || true
  fail "120 秒内没有出现窗口 (no window within 120 s); 屏幕 (screen): $outdir/gongwen-screen.png"
fi
log "窗口 (window) \"$(xdotool getwindowname "$wid")\" 出现 (appeared) after $((SECONDS - t)) s"
sleep "${SMOKE_SETTLE:-8}" # let it lay out, load the draft and paint the preview
eval "$(xdotool getwindowgeometry --shell "$wid")"
import -window "$wid" "$outdir/gongwen.png"
import -window root "$outdir/gongwen-screen.png"
# "drew": many colours and real contrast, not one flat fill
colours=$(identify -format '%k' "$outdir/gongwen.png")
sd=$(convert "$outdir/gongwen.png" -colorspace Gray -format '%[fx:int(1000*standard_deviation)]' info:)
log "截图 (screenshot) $outdir/gongwen.png: ${WIDTH}x${HEIGHT}, $colours colours, grey s.d. $sd/1000"
if [ "$colours" -lt 16 ] || [ "$sd" -lt 20 ]; then
  fail "窗口是空白的 (the window looks blank): $outdir/gongwen.png"
fi
kill "$app_pid" 2>/dev/null || true
wineserver -k >/dev/null 2>&1 || true
log "通过 (PASS): gwcli.exe 导出 PDF、gongwen.exe 窗口已绘制 (exported a PDF, the window drew); 共 (total) $((SECONDS - t_all)) s"
