#!/usr/bin/env bash
# bigexport.sh MB [FORMAT...] — time and peak memory of exporting a long plain-text 公文 (issue
# 12: time linear, memory flat with the page count). The text is one 通知 whose body is the
# body paragraphs of the project's own real documents (document/testdata/realdocs) repeated
# until it has MB megabytes; each format (default: pdf docx ofd png) is exported by gwcli under
# /usr/bin/time, which gives the elapsed time and the peak resident memory.
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:?usage: tools/bigexport.sh MB [pdf docx ofd png]}
shift
formats=${*:-pdf docx ofd png}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
CGO_ENABLED=0 go build -o "$tmp/gwcli" ./cmd/gwcli
# the paragraphs of the real documents: the lines after the 主送 line (ending in ：) up to a
# blank line before the sign-off, indented as a body paragraph
body=$tmp/body.txt
for f in document/testdata/realdocs/*.txt; do
  awk 'started && NF==0 && seen>2 {exit} started && NF>0 {print "　　" $0; seen++} /：$/ && !started {started=1}' "$f"
done > "$body"
want=$((mb * 1024 * 1024))
in=$tmp/long.txt
{
  printf '关于印发长篇测试文件的通知\n\n各有关单位：\n'
  size=0
  bs=$(stat -c %s "$body")
  while [ "$size" -lt "$want" ]; do cat "$body"; size=$((size + bs)); done
  printf '\n某某市人民政府办公室\n2024年6月30日\n'
} > "$in"
echo "bigexport: $(stat -c %s "$in") bytes of text ($(wc -l < "$in") lines); load $(cut -d' ' -f1-3 /proc/loadavg)"
for f in $formats; do
  out=$tmp/out.$f
  mkdir -p "$tmp/$f"
  [ "$f" = png ] && out=$tmp/png/out.png
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$tmp/gwcli" export -o "$out" "$in" > "$tmp/log" 2>&1 || { echo "bigexport: $f failed"; tail -3 "$tmp/log"; continue; }
  read -r secs kb < "$tmp/time"
  pages=
  [ "$f" = png ] && pages=$(find "$tmp/png" -name '*.png' | wc -l)
  [ "$f" = pdf ] && pages=$(pdfinfo "$out" 2>/dev/null | awk '/^Pages/ {print $2}')
  echo "bigexport: $mb MB → $f: ${secs} s, peak RSS $((kb / 1024)) MB${pages:+, $pages pages}"
  rm -rf "$tmp/png" "$out"
done
