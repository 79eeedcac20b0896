#!/usr/bin/env bash
# Starts a CUPS server with a PDF virtual printer for the print tests (package printing):
# the queue "Gongwen-PDF" (Debian's cups-pdf backend, instance "gongwen") writes every job as
# a PDF into /var/spool/cups-pdf-gongwen. Idempotent; needs root (run by tools/test.sh in CI)
# and the packages cups, cups-client and printer-driver-cups-pdf (tools/setup.sh installs them).
set -euo pipefail
printer=Gongwen-PDF
out=/var/spool/cups-pdf-gongwen

if ! command -v cupsd >/dev/null || ! command -v lpadmin >/dev/null || [ ! -x /usr/lib/cups/backend/cups-pdf ]; then
  echo "cups.sh: cups or printer-driver-cups-pdf is not installed (tools/setup.sh installs them)" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

# the instance's own settings: a fixed output folder, names from the job title
$SUDO mkdir -p "$out"
$SUDO chmod 1777 "$out"
$SUDO tee /etc/cups/cups-pdf-gongwen.conf >/dev/null <<CONF
Out $out
AnonDirName $out
Label 0
TitlePref 1
Grp lp
CONF

# cupsd: systemd starts it on a desktop; in a container nobody does
if ! lpstat -r 2>/dev/null | grep -q "is running"; then
  $SUDO mkdir -p /run/cups
  $SUDO cupsd
  for _ in $(seq 50); do
    lpstat -r 2>/dev/null | grep -q "is running" && break
    sleep 0.1
  done
fi
lpstat -r | grep -q "is running" || { echo "cups.sh: cupsd did not start" >&2; exit 1; }

if ! lpstat -v "$printer" >/dev/null 2>&1; then
  ppd=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
  $SUDO lpadmin -p "$printer" -E -v cups-pdf:/gongwen -P "$ppd" -o printer-error-policy=abort-job
fi
$SUDO cupsenable "$printer"
$SUDO cupsaccept "$printer"
echo "cups.sh: printer $printer ready, jobs land in $out"
