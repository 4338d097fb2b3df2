#!/usr/bin/env bash
# Smoke test of the frozen program, as a user gets it: unpack the tarball into a temporary
# folder and drive the program there, headless, with its own data folder and home.
#
#   bash installer/smoke_test.sh dist/intake-desktop-<version>-linux-x86_64.tar.gz [--source-python PY]
#
# With --source-python (the venv Python the bundle was built from) it also measures start-up:
# `--version` and `cases --json` on the 50-case vault, frozen against `PY -m intake_desktop`,
# median of 5 runs each, on this machine in this run.
#
# Checks, in order: --version; init (messages come out in Korean: the compiled catalogue is
# in the bundle); demo --cases 50; cases --json; forms list; consent-form (a PDF that embeds
# the Korean font); letter (see below); backup create + verify; audit verify; opening each
# vault in tests/fixtures (older schemas: migration scripts run from the bundle, safety copy
# made); the window starting headless (first-run wizard, then login) and staying up; the
# first-run wizard on a real X server (Xvfb, Qt's xcb plugin): title, size, screenshot.
# `letter` needs a case whose consents allow the referral. The demo data records consents, but
# if none of the first cases is accepted (exit 3, "not permitted") the step is reported as
# skipped rather than failed; any other exit code fails.
set -euo pipefail

tarball=${1:?usage: smoke_test.sh TARBALL [--source-python PY]}
shift
source_python=""
while [ $# -gt 0 ]; do
    case "$1" in
        --source-python) source_python=${2:?}; shift ;;
        *) echo "smoke_test.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
repo=$(cd "$(dirname "$0")/.." && pwd)
tarball=$(cd "$(dirname "$tarball")" && pwd)/$(basename "$tarball")
[ -z "$source_python" ] || source_python=$(cd "$(dirname "$source_python")" && pwd)/$(basename "$source_python")

work=$(mktemp -d "${TMPDIR:-/tmp}/intake-smoke.XXXXXX")
gui_pid=""
cleanup() {
    if [ -n "$gui_pid" ]; then kill "$gui_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

passed=0
skipped=0
ok() { passed=$((passed + 1)); printf '[smoke] ok    %s\n' "$*"; }
skip() { skipped=$((skipped + 1)); printf '[smoke] skip  %s\n' "$*"; }
fail() {
    printf '[smoke] FAIL  %s\n' "$*" >&2
    [ ! -s "$work/err" ] || sed 's/^/    /' "$work/err" >&2
    echo "smoke: $passed passed, 1 failed, $skipped skipped"
    exit 1
}

tar -xzf "$tarball" -C "$work"
app_dir=$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'intake-desktop-*' | head -1)
[ -n "$app_dir" ] || fail "tarball holds no intake-desktop-* folder"
exe=$app_dir/intake-desktop
[ -x "$exe" ] || fail "no program at $exe"

# Everything the program writes stays in $work.
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share
export XDG_RUNTIME_DIR=$work/runtime QT_QPA_PLATFORM=offscreen
export INTAKE_DATA_DIR=$work/data INTAKE_PASSPHRASE="smoke test passphrase 1"
unset INTAKE_LANG INTAKE_NEW_PASSPHRASE
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
cd "$work"

run() { "$exe" "$@" > "$work/out" 2> "$work/err"; }

# -- the bundle itself ---------------------------------------------------------------------
internal=$app_dir/_internal
for f in resources/fonts/NanumGothic.ttf resources/fonts/NanumGothicBold.ttf \
         resources/fonts/LICENSE-NanumGothic-OFL.txt resources/i18n/intake_ko.qm \
         intake_desktop/storage/migrations/env.py licenses/NOTICE.txt licenses/LGPL-3.0.txt \
         share/applications/intake-desktop.desktop; do
    [ -e "$internal/$f" ] || [ -e "$app_dir/$f" ] || fail "missing from the bundle: $f"
done
ls "$internal"/intake_desktop/storage/migrations/versions/*.py > /dev/null || fail "no migration scripts in the bundle"
ok "bundle holds the forms, resources, Korean font + licence, catalogue, migrations, licences"

# -- command line ----------------------------------------------------------------------------
version=$(python3 "$repo/installer/bundle_config.py" --version)
run --version || fail "--version exited $?"
[ "$(cat "$work/out")" = "intake-desktop $version" ] || fail "--version printed '$(cat "$work/out")'"
ok "--version: $(cat "$work/out")"

run init --centre-name "스모크 시험 센터" --admin admin --phone 02-820-1234 || fail "init exited $?"
grep -q "복구 키" "$work/out" || fail "init did not speak Korean (catalogue not loaded?): $(head -1 "$work/out")"
ok "init (Korean messages)"

run demo --cases 50 || fail "demo exited $?"
ok "demo --cases 50"

run cases --user admin --json || fail "cases exited $?"
count=$(wc -l < "$work/out")
[ "$count" -eq 50 ] || fail "cases --json listed $count cases, not 50"
python3 -c 'import json, sys; [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]' "$work/out" \
    || fail "cases --json is not JSON lines"
mapfile -t case_numbers < <(python3 -c 'import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    print(json.loads(line)["case_number"])' "$work/out")
ok "cases --json (50 JSON lines)"

run forms list || fail "forms list exited $?"
[ "$(wc -l < "$work/out")" -ge 1 ] || fail "forms list listed nothing"
ok "forms list ($(wc -l < "$work/out") forms)"

run consent-form --user admin --case "${case_numbers[0]}" --out "$work/consent.pdf" || fail "consent-form exited $?"
head -c 5 "$work/consent.pdf" | grep -q '%PDF-' || fail "consent-form did not write a PDF"
grep -aq 'NanumGothic' "$work/consent.pdf" || fail "the consent form does not embed the Korean font"
ok "consent-form ($(stat -c %s "$work/consent.pdf") bytes, NanumGothic embedded)"

letter_done=no
for number in "${case_numbers[@]:0:6}"; do
    set +e
    run letter --user admin --case "$number" --to welfare --out "$work/letter-$number.pdf" --reason "스모크 시험"
    code=$?
    set -e
    if [ "$code" -eq 0 ]; then
        head -c 5 "$work/letter-$number.pdf" | grep -q '%PDF-' || fail "letter did not write a PDF"
        ok "letter to welfare for case $number"
        letter_done=yes
        break
    elif [ "$code" -ne 3 ]; then
        fail "letter exited $code"
    fi
done
[ "$letter_done" = yes ] || skip "letter: the first demo cases lack the consents a letter needs (exit 3 as designed: $(head -1 "$work/err"))"

mkdir -p "$work/backups"
run backup create --user admin --out "$work/backups" || fail "backup create exited $?"
backup_file=$(find "$work/backups" -type f | head -1)
[ -n "$backup_file" ] || fail "backup create wrote no file"
run backup verify --user admin "$backup_file" || fail "backup verify exited $?"
ok "backup create + verify ($(stat -c %s "$backup_file") bytes)"

run audit verify || fail "audit verify exited $?"
ok "audit verify"

# -- vaults of older schemas (tests/fixtures): migrations run from the bundle ----------------
for fixture in "$repo"/tests/fixtures/vault-schema-*/; do
    [ -f "$fixture/expected.json" ] || continue
    name=$(basename "$fixture")
    mkdir -p "$work/$name"
    cp "$fixture/vault.sqlite" "$work/$name/"
    mapfile -t facts < <(python3 -c 'import json, sys
facts = json.load(open(sys.argv[1], encoding="utf-8"))
print(facts["passphrase"]); print(facts["admin"]); print(len(facts["cases"])); print(facts["revision"])' "$fixture/expected.json")
    INTAKE_DATA_DIR=$work/$name INTAKE_PASSPHRASE=${facts[0]} run cases --user "${facts[1]}" --json \
        || fail "$name: cases exited $?"
    [ "$(wc -l < "$work/out")" -eq "${facts[2]}" ] || fail "$name: $(wc -l < "$work/out") cases, expected ${facts[2]}"
    INTAKE_DATA_DIR=$work/$name INTAKE_PASSPHRASE=${facts[0]} run audit verify --user "${facts[1]}" \
        || fail "$name: audit verify exited $?"
    copies=$(find "$work/$name" -name "vault.sqlite.before-${facts[3]}-*.bak" | wc -l)
    ok "$name: opened by the frozen program (${facts[2]} cases, audit chain intact, safety copies: $copies)"
done

# -- the window, headless ----------------------------------------------------------------------
gui_runs() {  # data folder, label: the program must still be running after 4 s
    INTAKE_DATA_DIR=$1 "$exe" gui > "$work/out" 2> "$work/err" &
    gui_pid=$!
    sleep 4
    if ! kill -0 "$gui_pid" 2>/dev/null; then
        code=0; wait "$gui_pid" || code=$?; gui_pid=""
        fail "the window ($2) closed by itself with exit $code"
    fi
    kill "$gui_pid"; wait "$gui_pid" 2>/dev/null || true; gui_pid=""
    if grep -Eq 'Traceback|Could not load the Qt platform plugin|cannot start' "$work/err"; then
        fail "the window ($2) reported an error"
    fi
    ok "window starts and stays up: $2"
}
gui_runs "$work/new-data" "first-run wizard"
gui_runs "$work/data" "login"

# -- the window on a real X server: Qt's xcb plugin and the system libraries it needs ----------
# tools/window_check.py starts Xvfb, runs the frozen program with QT_QPA_PLATFORM unset, waits
# for the set-up wizard (its Korean title), checks its size and takes a screenshot.
wizard_title=$(python3 - "$repo" <<'EOF'
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1] + "/src")
from intake_desktop.i18n.catalogue import Translations
print(Translations("ko", Path(sys.argv[1]) / "resources/i18n/intake_ko.qm").translate("FirstRunWizard", "Set up intake-desktop"))
EOF
)
missing=$(python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); import window_check; print(" ".join(window_check.missing_tools()))' "$repo/tools")
if [ -n "$missing" ]; then
    if [ -n "${CI:-}" ]; then fail "the real-window check needs $missing (python3 dev.py setup --tests)"; fi
    skip "window on a real X server: $missing not installed (python3 dev.py setup --tests)"
else
    mkdir -p "$repo/build"
    if ! python3 "$repo/tools/window_check.py" --title "$wizard_title" --min-size 640x520 \
            --screenshot "$repo/build/smoke-first-window.png" -- env INTAKE_DATA_DIR="$work/xcb-data" "$exe" \
            > "$work/out" 2> "$work/err"; then
        cat "$work/out" >> "$work/err"
        fail "the frozen program did not show the set-up wizard on a real X server"
    fi
    seen=$(python3 -c 'import json, sys
r = json.load(open(sys.argv[1])); w = r["window"]
print("%sx%s, %s s after start" % (w["width"], w["height"], r["seconds_to_window"]))' "$work/out")
    ok "window on a real X server (xcb): \"$wizard_title\" $seen; screenshot build/smoke-first-window.png"
fi

# -- start-up time, frozen against source --------------------------------------------------
if [ -n "$source_python" ]; then
    python3 "$repo/installer/measure_startup.py" --frozen "$exe" --source "$source_python" \
        --data-dir "$work/data" --user admin --runs 5
fi

echo "smoke: $passed passed, 0 failed, $skipped skipped"
