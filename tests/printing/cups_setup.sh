#!/usr/bin/env bash
# A local print system for the print tests (tests/printing/): CUPS, its scheduler running, and
# two A4 queues that end in PDF files the tests can read.
#
#   IntakeTestPDF     cups-pdf: a "file printer" (its output is a PDF in $INTAKE_CUPS_PDF_OUT)
#   IntakeTestDuplex  looks like an office printer (an ipp:// device, a PPD with Duplex) and passes
#                     its jobs on to IntakeTestPDF, so a job sent to it also ends in a file
#
# Idempotent. Installs the Debian packages when missing (root or password-less sudo), starts
# cupsd when it is not running (CI kills every background process before it starts, so .ci/run
# calls this script), and prints the output folder on its last line.
set -euo pipefail

OUT=${INTAKE_CUPS_PDF_OUT:-/var/spool/cups-pdf/intake-test}
INSTANCE=intaketest
SUDO=""
if [ "$(id -u)" != 0 ]; then
    if sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
        echo "cups_setup.sh: needs root (or sudo without a password) to set up CUPS" >&2; exit 1; fi
fi

# Debian: cups (scheduler), cups-client (lp, lpstat, lpadmin), printer-driver-cups-pdf (the cups-pdf
# backend; "cups-pdf" is its old name), poppler-utils (pdftoppm, to compare pages).
missing=()
[ -x /usr/sbin/cupsd ] || missing+=(cups)
command -v lp >/dev/null && command -v lpadmin >/dev/null || missing+=(cups-client)
[ -x /usr/lib/cups/backend/cups-pdf ] || missing+=(printer-driver-cups-pdf)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
    echo "cups_setup.sh: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

if ! lpstat -r 2>/dev/null | grep -q "is running"; then
    $SUDO /usr/sbin/cupsd  # forks into the background by itself
    for _ in $(seq 50); do
        lpstat -r 2>/dev/null | grep -q "is running" && break
        sleep 0.2
    done
    lpstat -r | grep -q "is running" || { echo "cups_setup.sh: cupsd did not start" >&2; exit 1; }
fi

# cups-pdf reads cups-pdf-<instance>.conf for a device URI cups-pdf:/<instance>: the machine's own
# cups-pdf.conf (Out ${HOME}/PDF) is left alone. Label 1 puts the job id in the file name.
$SUDO mkdir -p "$OUT"
$SUDO chmod 1777 "$OUT"
printf 'Out %s\nLabel 1\nAnonDirName %s\n' "$OUT" "$OUT" | $SUDO tee "/etc/cups/cups-pdf-$INSTANCE.conf" >/dev/null

ppd() {  # the driver whose description matches $1, as lpinfo -m names it
    lpinfo -m 2>/dev/null | grep -i -- "$1" | head -n 1 | cut -d' ' -f1
}
PDF_DRIVER=$(ppd "CUPS-PDF_noopt")
DUPLEX_DRIVER=$(ppd "Generic-PDF_Printer")
[ -n "$PDF_DRIVER" ] || { echo "cups_setup.sh: no cups-pdf driver (lpinfo -m)" >&2; exit 1; }

# lpadmin warns that drivers are deprecated (CUPS 2.4): true, and irrelevant for a test queue.
$SUDO lpadmin -p IntakeTestPDF -E -v "cups-pdf:/$INSTANCE" -m "$PDF_DRIVER" -o PageSize=A4 \
    -o printer-is-shared=false -D "Test PDF" -L "CI" 2>/dev/null
if [ -n "$DUPLEX_DRIVER" ]; then
    $SUDO lpadmin -p IntakeTestDuplex -E -v "ipp://localhost:631/printers/IntakeTestPDF" -m "$DUPLEX_DRIVER" \
        -o PageSize=A4 -o printer-is-shared=false -D "Test office printer" -L "CI" 2>/dev/null
fi
$SUDO cupsenable IntakeTestPDF
$SUDO cupsaccept IntakeTestPDF
echo "$OUT"
