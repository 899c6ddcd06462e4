#!/usr/bin/env bash
# Installs the Debian packages the browser tests need (Chromium, Xvfb and xdotool for it, Firefox ESR),
# and ffmpeg, which zou runs on movie previews (batch publish), only when they are missing.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
# Chromium's interface languages other than English (the French e2e starts it in French).
[ -f /usr/lib/chromium/locales/fr.pak ] || missing+=(chromium-l10n)
command -v xvfb-run >/dev/null || missing+=(xvfb)
command -v xdotool >/dev/null || missing+=(xdotool)
[ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
command -v ffmpeg >/dev/null || missing+=(ffmpeg)

if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: chromium (with its languages), xvfb, xdotool, firefox-esr and ffmpeg are present"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "system packages: missing ${missing[*]}; install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "system packages: installing ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
