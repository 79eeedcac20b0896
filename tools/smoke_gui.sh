#!/usr/bin/env bash
# GUI smoke test: builds cmd/gongwen (cgo), starts it under Xvfb on an example draft, waits
# until its window is mapped, takes a screenshot with ImageMagick's import, checks that the
# window drew something (not blank, some dark ink, some red from the preview), and stops the app.
# usage: tools/smoke_gui.sh [DRAFT.yaml]      SHOT=path.png keeps the screenshot there
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f tools/env.sh ] && . tools/env.sh

fail() { echo "smoke_gui: FAIL: $*"; exit 1; }
for t in Xvfb xdotool import convert; do command -v "$t" >/dev/null 2>&1 || fail "$t is not installed (tools/setup.sh installs it)"; done

draft=${1:-}
if [ -z "$draft" ]; then
  for f in examples/qingshi.yaml examples/*.yaml; do [ -f "$f" ] && { draft=$f; break; }; done
fi
[ -n "$draft" ] && [ -f "$draft" ] || fail "no example draft found"

tmp=$(mktemp -d)
app_pid=""; xvfb_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

CGO_ENABLED=1 go build -o "$tmp/gongwen" ./cmd/gongwen || fail "go build ./cmd/gongwen"

# a free display number
disp=""
for n in $(seq 99 140); do
  if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then disp=":$n"; break; fi
done
[ -n "$disp" ] || fail "no free X display"
Xvfb "$disp" -screen 0 1280x900x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 50); do [ -e "/tmp/.X11-unix/X${disp#:}" ] && break; sleep 0.1; done
export DISPLAY=$disp

# a fresh home, so that no earlier recovery file or preference changes what starts
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" XDG_DATA_HOME="$tmp/home/.local/share"
mkdir -p "$HOME"
LIBGL_ALWAYS_SOFTWARE=1 "$tmp/gongwen" "$draft" >"$tmp/app.log" 2>&1 &
app_pid=$!

win=""
for _ in $(seq 1 120); do
  kill -0 "$app_pid" 2>/dev/null || { cat "$tmp/app.log"; fail "the app exited early"; }
  win=$(xdotool search --onlyvisible --name '公文写作助手|Gongwen' 2>/dev/null | head -1 || true)
  [ -n "$win" ] && break
  sleep 0.5
done
[ -n "$win" ] || { cat "$tmp/app.log"; fail "no window mapped within 60 s"; }
# let the first preview arrive (typesetting runs off the UI goroutine)
sleep "${SMOKE_WAIT:-4}"
shot=${SHOT:-$tmp/shot.png}
import -window root "$shot" || fail "screenshot failed"

sd=$(convert "$shot" -colorspace Gray -format '%[fx:standard_deviation]' info:)
dark=$(convert "$shot" -colorspace Gray -threshold 40% -negate -format '%[fx:mean]' info:)
red=$(convert "$shot" -fx '(r>0.6 && g<0.3 && b<0.3) ? 1 : 0' -colorspace Gray -format '%[fx:mean]' info:)
ok=$(awk -v sd="$sd" -v dark="$dark" 'BEGIN { print (sd > 0.05 && dark > 0.005) ? 1 : 0 }')
[ "$ok" = 1 ] || fail "the window looks blank (stddev $sd, dark ink $dark)"
redok=$(awk -v red="$red" 'BEGIN { print (red > 0.0005) ? 1 : 0 }')
[ "$redok" = 1 ] || fail "no red in the window (the preview's mark did not draw; red share $red)"
kill "$app_pid" 2>/dev/null || true
echo "smoke_gui: PASS: window $win drew on $disp ($draft; stddev $sd, dark ink $dark, red $red)"
