#!/usr/bin/env bash
# Build the Linux one-folder bundle and its tarball:
#     dist/intake-desktop-<version>-linux-x86_64.tar.gz
#
#   bash installer/build_linux.sh [--smoke] [--fresh-venv | --venv DIR]
#
#   --smoke       then unpack the tarball in a temporary folder and test the frozen program
#                 (installer/smoke_test.sh), including start-up times against the source run
#   --fresh-venv  build in a new build/venv with `pip install .[build]` (release builds); the
#                 default reuses the project's .venv (made by `python3 dev.py test`) and adds
#                 the `build` extras to it, which is much faster in CI
#   --venv DIR    build with the Python in DIR/bin/python
#
# Needs, on Debian/Ubuntu: fonts-nanum (the Korean font carried for letters; installed here
# with apt-get when we are root), binutils (strip) and the Qt runtime libraries that
# `python3 dev.py` installs. Network: PyPI and Debian only.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

smoke=no
venv=""
fresh=no
while [ $# -gt 0 ]; do
    case "$1" in
        --smoke) smoke=yes ;;
        --fresh-venv) fresh=yes ;;
        --venv) venv=${2:?--venv needs a folder}; shift ;;
        -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
        *) echo "build_linux.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

say() { printf '[build] %s\n' "$*"; }
started=$(date +%s)

# -- Debian packages the build needs -------------------------------------------------------
apt_install() {
    # Install Debian packages when we may (root, or password-less sudo); say so otherwise.
    local prefix=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then prefix=(sudo -n); else return 1; fi
    fi
    command -v apt-get >/dev/null || return 1
    say "installing Debian packages: $*"
    "${prefix[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || return 1
    "${prefix[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
if [ ! -f /usr/share/fonts/truetype/nanum/NanumGothic.ttf ]; then
    apt_install fonts-nanum || { echo "build_linux.sh: the Korean font is missing: apt-get install fonts-nanum" >&2; exit 1; }
fi
if ! command -v strip >/dev/null; then
    apt_install binutils || { echo "build_linux.sh: strip is missing: apt-get install binutils" >&2; exit 1; }
fi
if ! command -v desktop-file-validate >/dev/null; then
    apt_install desktop-file-utils || say "desktop-file-validate not available; the .desktop file is checked by tests/test_packaging.py"
fi

# -- Python with the app and PyInstaller ---------------------------------------------------
if [ -n "$venv" ]; then
    python=$venv/bin/python
elif [ "$fresh" = yes ] || [ ! -x .venv/bin/python ]; then
    venv=build/venv
    say "creating $venv and installing .[build] (a clean build environment)"
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install -q --upgrade pip
    "$venv/bin/python" -m pip install -q "$ROOT[build]"
    python=$venv/bin/python
else
    venv=.venv
    python=.venv/bin/python
    # The project's venv has the app (editable) and its dependencies; add the build extras.
    mapfile -t extras < <("$python" - <<'EOF'
import tomllib
with open("pyproject.toml", "rb") as handle:
    print("\n".join(tomllib.load(handle)["project"]["optional-dependencies"]["build"]))
EOF
)
    say "using .venv; adding the build extras: ${extras[*]}"
    "$python" -m pip install -q "${extras[@]}"
    "$python" -c "import intake_desktop, PySide6.QtSvg" 2>/dev/null || "$python" -m pip install -q -e "$ROOT"
fi
"$python" -c "import PyInstaller, intake_desktop" || { echo "build_linux.sh: $python lacks PyInstaller or the app" >&2; exit 1; }

version=$("$python" installer/bundle_config.py --version)
machine=$(uname -m)
name=intake-desktop-$version-linux-$machine
say "intake-desktop $version for linux-$machine, Python $("$python" -c 'import sys; print(sys.version.split()[0])'), PyInstaller $("$python" -c 'import PyInstaller; print(PyInstaller.__version__)')"

# -- inputs nobody commits: icons, version resource, the Korean font -----------------------
"$python" installer/prepare_build.py --out build/prepared --fonts linux

# -- PyInstaller -----------------------------------------------------------------------------
rm -rf build/dist
say "running PyInstaller (log: build/pyinstaller.log)"
pyi_started=$(date +%s)
if ! INTAKE_BUNDLE_FONT_DIR="$ROOT/build/prepared/fonts" \
     "$python" -m PyInstaller --noconfirm --log-level WARN \
        --distpath build/dist --workpath build/pyinstaller installer/intake-desktop.spec \
        > build/pyinstaller.log 2>&1; then
    tail -40 build/pyinstaller.log >&2
    echo "build_linux.sh: PyInstaller failed (whole log: build/pyinstaller.log)" >&2
    exit 1
fi
pyi_seconds=$(( $(date +%s) - pyi_started ))

# -- the tarball ---------------------------------------------------------------------------
stage=build/stage/$name
rm -rf build/stage
mkdir -p "$stage"
cp -a build/dist/intake-desktop/. "$stage/"
install -m 0755 installer/linux/install.sh installer/linux/uninstall.sh "$stage/"
install -m 0644 installer/linux/README.txt "$stage/"
install -D -m 0644 installer/linux/intake-desktop.desktop "$stage/share/applications/intake-desktop.desktop"
install -D -m 0644 resources/icons/intake-desktop.svg "$stage/share/icons/hicolor/scalable/apps/intake-desktop.svg"
for png in build/prepared/icons/intake-desktop-*.png; do
    size=${png##*-}; size=${size%.png}
    install -D -m 0644 "$png" "$stage/share/icons/hicolor/${size}x${size}/apps/intake-desktop.png"
done
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$stage/share/applications/intake-desktop.desktop"
    say "desktop-file-validate: intake-desktop.desktop is valid"
fi

mkdir -p dist
tarball=dist/$name.tar.gz
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" \
    -C build/stage -cf - "$name" | gzip -9n > "$tarball"

# -- sizes -----------------------------------------------------------------------------------
unpacked=$(du -sb "$stage" | cut -f1)
compressed=$(stat -c %s "$tarball")
files=$(find "$stage" -type f | wc -l)
limits=$("$python" -c 'import sys; sys.path.insert(0, "installer"); import bundle_config as c; print(c.MAX_UNPACKED, c.MAX_COMPRESSED)')
max_unpacked=${limits% *}
max_compressed=${limits#* }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1000000 }'; }
total_seconds=$(( $(date +%s) - started ))
report=build/packaging-report.txt
{
    echo "intake-desktop $version linux-$machine"
    echo "tarball:    $tarball"
    echo "unpacked:   $(mb "$unpacked") ($unpacked bytes, $files files; target <= $(mb "$max_unpacked"))"
    echo "compressed: $(mb "$compressed") ($compressed bytes, gzip -9; target <= $(mb "$max_compressed"))"
    echo "largest parts:"
    du -sb "$stage"/_internal/* | sort -rn | head -8 | while read -r bytes path; do
        printf '  %10s  %s\n' "$(mb "$bytes")" "${path#"$stage"/}"
    done
    echo "build time: ${total_seconds} s (PyInstaller ${pyi_seconds} s)"
} > "$report"
cat "$report"
if [ "$unpacked" -gt "$max_unpacked" ] || [ "$compressed" -gt "$max_compressed" ]; then
    echo "build_linux.sh: the bundle is over its size target (see above)" >&2
    exit 1
fi

# -- smoke test of the frozen program ----------------------------------------------------------
if [ "$smoke" = yes ]; then
    bash installer/smoke_test.sh "$tarball" --source-python "$python" | tee build/smoke-report.txt
    exit "${PIPESTATUS[0]}"
fi
