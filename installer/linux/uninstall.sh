#!/bin/sh
# intake-desktop: remove the program for this user. Records are KEPT unless you add
# --remove-data and confirm by typing the word DELETE.
# 프로그램을 제거합니다. 기록은 남습니다. --remove-data 를 붙이고 DELETE 를 입력해야만 기록까지 지웁니다.
#
#   ~/.local/opt/intake-desktop/uninstall.sh [--remove-data]
set -eu
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
app_dir=$HOME/.local/opt/intake-desktop
data_dir=$data_home/intake-desktop
config_dir=${XDG_CONFIG_HOME:-$HOME/.config}/intake-desktop

remove_data=no
case "${1:-}" in
    --remove-data) remove_data=yes ;;
    "") ;;
    *) echo "usage: uninstall.sh [--remove-data]" >&2; exit 2 ;;
esac

rm -f "$HOME/.local/bin/intake-desktop" "$data_home/applications/intake-desktop.desktop"
rm -f "$data_home"/icons/hicolor/*/apps/intake-desktop.png "$data_home"/icons/hicolor/scalable/apps/intake-desktop.svg
rm -rf "$app_dir"
echo "The program was removed. / 프로그램을 제거했습니다."

if [ "$remove_data" = yes ] && [ -d "$data_dir" ]; then
    echo
    echo "WARNING: this deletes every record in $data_dir for good (backups elsewhere are kept)."
    echo "경고: $data_dir 의 모든 기록이 영구히 삭제되며 되돌릴 수 없습니다 (다른 곳의 백업은 남습니다)."
    printf "Type DELETE to delete the records / 기록을 지우려면 DELETE 를 입력하세요: "
    read -r answer || answer=""
    if [ "$answer" = DELETE ]; then
        rm -rf "$data_dir" "$config_dir"
        echo "Records deleted. / 기록을 삭제했습니다."
    else
        echo "Records kept in $data_dir / 기록을 남겨 두었습니다."
    fi
elif [ -d "$data_dir" ]; then
    echo "Records kept in $data_dir / 기록은 $data_dir 에 남아 있습니다."
fi
