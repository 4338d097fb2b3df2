#!/bin/sh
# intake-desktop: install for this user (no administrator rights needed), or upgrade in place.
# 이 사용자 계정에 설치합니다(관리자 권한 불필요). 이미 설치되어 있으면 새 버전으로 바꿉니다.
#
#   ./install.sh
#
# The program goes to ~/.local/opt/intake-desktop, a menu entry and icons to ~/.local/share,
# a command to ~/.local/bin/intake-desktop. Records stay where they are: the data folder
# (~/.local/share/intake-desktop) is never touched by installing, upgrading or uninstalling.
# 기록(데이터 폴더 ~/.local/share/intake-desktop)은 설치·업그레이드·제거 때 건드리지 않습니다.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
app_dir=$HOME/.local/opt/intake-desktop
bin_dir=$HOME/.local/bin

if [ ! -x "$here/intake-desktop" ] || [ ! -d "$here/_internal" ]; then
    echo "install.sh: run me from the unpacked intake-desktop folder / 압축을 푼 폴더에서 실행하세요" >&2
    exit 1
fi
if [ "$here" = "$app_dir" ]; then
    echo "install.sh: already installed here / 이미 이 위치에 설치되어 있습니다" >&2
    exit 1
fi
version=$("$here/intake-desktop" --version 2>/dev/null || echo "intake-desktop")

# Copy beside the old copy, then swap, so a failed copy never leaves a half-installed program.
mkdir -p "$HOME/.local/opt" "$bin_dir" "$data_home/applications"
rm -rf "$app_dir.new"
cp -R "$here" "$app_dir.new"
rm -f "$app_dir.new/install.sh"
if [ -d "$app_dir" ]; then
    rm -rf "$app_dir.old"
    mv "$app_dir" "$app_dir.old"
fi
mv "$app_dir.new" "$app_dir"
rm -rf "$app_dir.old"

ln -sf "$app_dir/intake-desktop" "$bin_dir/intake-desktop"
for icon in "$app_dir"/share/icons/hicolor/*/apps/intake-desktop.*; do
    size_dir=$(basename "$(dirname "$(dirname "$icon")")")
    mkdir -p "$data_home/icons/hicolor/$size_dir/apps"
    cp "$icon" "$data_home/icons/hicolor/$size_dir/apps/"
done
# The menu entry names the program by its full path: ~/.local/bin is not always on the PATH
# of a desktop session.
sed -e "s|^Exec=intake-desktop |Exec=\"$app_dir/intake-desktop\" |" \
    -e "s|^TryExec=intake-desktop\$|TryExec=$app_dir/intake-desktop|" \
    "$app_dir/share/applications/intake-desktop.desktop" > "$data_home/applications/intake-desktop.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data_home/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data_home/icons/hicolor" || true

echo "$version: installed in $app_dir / 설치했습니다"
echo "Start it from the applications menu, or run: $bin_dir/intake-desktop"
echo "Uninstall / 제거: $app_dir/uninstall.sh"
