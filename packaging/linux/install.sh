#!/bin/sh
# Installs Gongwen from this unpacked archive for the current user (~/.local), or system-wide
# with PREFIX=/usr/local (as root). Uninstall: ./install.sh --uninstall (same PREFIX).
# 把本目录中的公文写作助手安装到 ~/.local（或以 root 身份用 PREFIX=/usr/local 安装到全系统）。
set -eu
here=$(cd "$(dirname "$0")" && pwd)
PREFIX=${PREFIX:-$HOME/.local}
bin="$PREFIX/bin"
apps="$PREFIX/share/applications"
# the icon's size from its PNG header (width, big-endian, at byte 16), for the hicolor folder
px=$(od -An -tu1 -j16 -N4 "$here/gongwen.png" | awk '{print $1*16777216 + $2*65536 + $3*256 + $4}')
icons="$PREFIX/share/icons/hicolor/${px}x${px}/apps"
if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$bin/gongwen" "$bin/gwcli" "$apps/gongwen.desktop" "$icons/gongwen.png"
  echo "已卸载 (uninstalled) from $PREFIX"
  exit 0
fi
mkdir -p "$bin" "$apps" "$icons"
install -m 755 "$here/gongwen" "$here/gwcli" "$bin/"
install -m 644 "$here/gongwen.png" "$icons/gongwen.png"
# the menu entry runs the installed binary by its full path, so it works without PATH changes
sed "s|^Exec=gongwen|Exec=$bin/gongwen|" "$here/gongwen.desktop" > "$apps/gongwen.desktop"
chmod 644 "$apps/gongwen.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps" || true
# refresh the icon cache only where the theme folder already keeps one
if [ -f "$PREFIX/share/icons/hicolor/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
  gtk-update-icon-cache -q -t "$PREFIX/share/icons/hicolor" || true
fi
echo "已安装 (installed): $bin/gongwen, $bin/gwcli, $apps/gongwen.desktop"
case ":$PATH:" in *":$bin:"*) ;; *) echo "提示 (note): 把 $bin 加入 PATH 即可在终端运行 gwcli (add it to PATH to run gwcli)";; esac
