#!/usr/bin/env bash
# Installs what is missing, builds the extension and opens it in Chromium with the vault page.
set -euo pipefail
cd "$(dirname "$0")/.."

find_chromium() {
  for candidate in "${CHROME_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "$candidate"; return 0; fi
  done
  return 1
}

if ! find_chromium >/dev/null; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "Installing Chromium (Debian package)…"
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else
    echo "No Chromium or Chrome found. Install one, or set CHROME_PATH to its executable." >&2
    exit 1
  fi
fi

[ -d node_modules ] || npm ci
npx wxt build
npm run --silent build:receiver
CHROME_PATH="$(find_chromium)" exec node --import tsx scripts/start.ts "$@"
