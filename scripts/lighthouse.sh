#!/usr/bin/env bash
# Lighthouse scores for every public page type, on a production-like site: production settings
# (DEBUG off, WhiteNoise serving the hashed, compressed files of collectstatic) under gunicorn,
# against a scratch SQLite database with the real taxonomy and 400 demo news items.
# Lighthouse is npm's lighthouse@12.2.3 (fetched into .cache/lighthouse) driving Debian's
# chromium with its default mobile emulation and throttling.
#
#   scripts/lighthouse.sh [PORT]      (default 8890; reports stay in artifacts/lighthouse/)
#
# LIGHTHOUSE_PAGES="home project" limits the run to those page types (tests/browser/pages.py);
# LIGHTHOUSE_FORM_FACTORS="mobile desktop" adds Lighthouse's desktop preset (reports
# "<page>-desktop"); LIGHTHOUSE_TOOLS names another folder for the npm install.
#
# Not part of CI: it takes a few minutes. Targets: 95+ for accessibility, best practices and
# SEO, 90+ for performance. Pages that send `noindex` on purpose (search results, listings
# of several filter values, an item in a language it lacks) fail Lighthouse's "is crawlable"
# audit by definition, as the 404 page fails on its status; for them the table's SEO column
# is scored without that one audit and marked with an asterisk, and the raw score is shown. Uploaded media are served by Django here
# (tests/browser/lighthouse_settings.py); in production a web server or object storage does.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${1:-8890}"
LIGHTHOUSE_VERSION=12.2.3
TOOLS="${LIGHTHOUSE_TOOLS:-.cache/lighthouse}"
FORM_FACTORS="${LIGHTHOUSE_FORM_FACTORS:-mobile}"
REPORTS=artifacts/lighthouse
CHROME_FLAGS="--headless --no-sandbox --disable-gpu --disable-background-networking"

if [ ! -x /usr/bin/chromium ]; then
  echo "Lighthouse needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)." >&2
  exit 1
fi
if [ "$("$TOOLS/node_modules/.bin/lighthouse" --version 2>/dev/null)" != "$LIGHTHOUSE_VERSION" ]; then
  echo "Fetching lighthouse $LIGHTHOUSE_VERSION into $TOOLS"
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-save --no-audit --no-fund --no-package-lock --loglevel=error \
    "lighthouse@$LIGHTHOUSE_VERSION" >/dev/null
fi

WORK=$(mktemp -d)
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

export DJANGO_SETTINGS_MODULE=tests.browser.lighthouse_settings
SECRET_KEY=$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(48))')
export SECRET_KEY
export ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=0 LOG_LEVEL=WARNING
export DATABASE_URL="sqlite:///$WORK/site.sqlite3" MEDIA_ROOT="$WORK/media"
export SITE_URL="http://127.0.0.1:$PORT"
unset CACHE_URL

echo "Preparing the site (taxonomy, 400 demo items, collectstatic)"
.venv/bin/python manage.py migrate --no-input -v 0
.venv/bin/python manage.py load_taxonomy -v 0
.venv/bin/python manage.py setup_roles -v 0
.venv/bin/python manage.py seed_demo --news 400 --seed 1 -v 0
.venv/bin/python manage.py collectstatic --no-input -v 0
MANIFEST=$(.venv/bin/python manage.py shell -v 0 -c \
  'import json; from tests.browser.site_data import manifest; print(json.dumps(manifest()))')

GUNICORN_BIND="127.0.0.1:$PORT" GUNICORN_WORKERS=2 GUNICORN_ACCESS_LOG=0 \
  .venv/bin/gunicorn >"$WORK/gunicorn.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null || { cat "$WORK/gunicorn.log"; exit 1; }

rm -rf "$REPORTS"
mkdir -p "$REPORTS"
# Every page type of tests/browser/pages.py but the 404 page (Lighthouse scores pages, and an
# error status is an SEO failure by definition).
.venv/bin/python - "$MANIFEST" "${LIGHTHOUSE_PAGES:-}" >"$WORK/pages.tsv" <<'PY'
import json
import sys

from tests.browser.pages import PAGES, page_path

data = json.loads(sys.argv[1])
wanted = sys.argv[2].split() or [name for name in PAGES if name != "not-found"]
for name in wanted:
    print(f"{name}\t{page_path(name, data)}")
PY

audit() {
  CHROME_PATH=/usr/bin/chromium "$TOOLS/node_modules/.bin/lighthouse" "http://127.0.0.1:$PORT$2" \
    --quiet --output=json --output-path="$REPORTS/$1.json" \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="$CHROME_FLAGS" "${@:3}" </dev/null
}
while IFS=$'\t' read -r name path; do
  for form in $FORM_FACTORS; do
    echo "Lighthouse ($form): $path"
    if [ "$form" = desktop ]; then report="$name-desktop" preset=(--preset=desktop); else report="$name" preset=(); fi
    # Chromium now and then loses the trace of a load (NO_NAVSTART): try again.
    audit "$report" "$path" "${preset[@]}" || audit "$report" "$path" "${preset[@]}" \
      || audit "$report" "$path" "${preset[@]}"
  done
done <"$WORK/pages.tsv"

.venv/bin/python - "$REPORTS" <<'PY'
import json
import sys
from pathlib import Path

CATEGORIES = [("performance", "Perf"), ("accessibility", "A11y"), ("best-practices", "BP"), ("seo", "SEO")]
reports = sorted(Path(sys.argv[1]).glob("*.json"), key=lambda path: path.stat().st_mtime)
print()
print(f"| {'page':<26} | " + " | ".join(f"{label:>4}" for _, label in CATEGORIES) + " | LCP (s) | TBT (ms) | CLS |")
print(f"|{'-' * 28}|" + "|".join("-----:" for _ in CATEGORIES) + "|--------:|---------:|----:|")
notes = []
for path in reports:
    report = json.loads(path.read_text())
    scores = {key: round(report["categories"][key]["score"] * 100) for key, _ in CATEGORIES}
    audits = report["audits"]
    seo_label = f"{scores['seo']:>4}"
    if audits["is-crawlable"]["score"] == 0:
        # Noindex on purpose: the other SEO audits, weighted as Lighthouse weighs them.
        refs = [
            ref
            for ref in report["categories"]["seo"]["auditRefs"]
            if ref["weight"] and ref["id"] != "is-crawlable" and audits[ref["id"]]["score"] is not None
        ]
        rest = sum(ref["weight"] * audits[ref["id"]]["score"] for ref in refs)
        seo_label = f"{round(100 * rest / sum(ref['weight'] for ref in refs))}* (raw {scores['seo']})"
    lcp = audits["largest-contentful-paint"]["numericValue"] / 1000
    tbt = audits["total-blocking-time"]["numericValue"]
    cls = audits["cumulative-layout-shift"]["numericValue"]
    print(
        f"| {path.stem:<26} | "
        + " | ".join(seo_label if key == "seo" else f"{scores[key]:>4}" for key, _ in CATEGORIES)
        + f" | {lcp:7.1f} | {tbt:8.0f} | {cls:.2f} |"
    )
    for key, _ in CATEGORIES:
        for ref in report["categories"][key]["auditRefs"]:
            audit = audits[ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 0.9:
                why = " (noindex on purpose)" if ref["id"] == "is-crawlable" else ""
                notes.append(f"{path.stem}: [{key}] {audit['title']}{why}")
print()
print("Failing audits:" if notes else "No failing audits.")
for note in notes:
    print(f"  {note}")
PY
