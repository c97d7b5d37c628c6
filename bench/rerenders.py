"""What one save of a published news item costs the page cache: which stored pages of the
mixes it renders again (issue 15).

    .venv/bin/python bench/rerenders.py                    # the news mix
    .venv/bin/python bench/rerenders.py --mix news,projects,documents

Starts the site on the bench database (PostgreSQL, production settings, page cache on, its
HIT/MISS header on), requests every page of the mixes once, then lets `bench/editor.py` save
the newest published news item once (its teaser and one field of work, as in the editing
scenario of `run.py`) and requests every page again, one at a time: each MISS is a page the
save rendered again. Then the editor puts the item back (a second save) and the pages are
counted once more. Prints, per mix and kind of page (with search words, without, 404s past
a listing's end), how many pages missed and the time their rendering took. Uses the
variables of `run.py` (`BENCH_DATABASE`, `BENCH_DATA_DIR`, `BENCH_REDIS_URL`, `BENCH_PORTS`).
"""

import argparse
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

import redis
from corpus import (
    BENCH,
    DATA,
    DEFAULT_ITEMS,
    ROOT,
    database_name,
    document_mix,
    listing_mix,
    pg_url,
    prepare,
    project_mix,
)
from run import production_environment
from servers import REDIS_URL, Server

MIXES = {"news": listing_mix, "projects": project_mix, "documents": document_mix}
# How long after a save every server sees it (core.content_state trusts a state 1 s).
SETTLE_SECONDS = 2.5


def fetch(url):
    """(status, X-Page-Cache, milliseconds)."""
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            response.read()
            status, header = response.status, response.headers.get("X-Page-Cache", "")
    except urllib.error.HTTPError as error:
        status, header = error.code, error.headers.get("X-Page-Cache", "")
    return status, header, (time.monotonic() - started) * 1000


def kind(path, status):
    if status == 404:
        return "404"
    return "search" if "q=" in path else "filters"


def visit(server, mixes):
    """{(mix, kind): [pages, misses, ms spent on misses]} after one request per page."""
    found = {}
    for name, paths in mixes.items():
        for path in paths:
            status, header, ms = fetch(server.base + path)
            row = found.setdefault((name, kind(path, status)), [0, 0, 0.0])
            row[0] += 1
            if header != "HIT":
                row[1] += 1
                row[2] += ms
    return found


def report(title, found):
    print(f"\n{title}")  # noqa: T201
    print("| mix | pages | rendered again | ms rendering |")  # noqa: T201
    print("|---|---:|---:|---:|")  # noqa: T201
    for (name, page_kind), (pages, misses, ms) in sorted(found.items()):
        print(f"| {name}, {page_kind} | {pages} | {misses} | {ms:,.0f} |")  # noqa: T201


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mix", default="news", help="news, projects, documents (commas)")
    options = parser.parse_args()
    env = {**production_environment(), "DATABASE_URL": pg_url(database_name(DEFAULT_ITEMS))}
    DATA.mkdir(parents=True, exist_ok=True)
    info = prepare("PostgreSQL", env, 0, 0, 0)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "--verbosity", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    mixes = {name: MIXES[name.strip()](info) for name in options.mix.split(",")}
    redis.Redis.from_url(REDIS_URL).flushdb()
    server_env = {
        **env,
        "CACHE_URL": REDIS_URL,
        "PAGE_CACHE": "1",
        "PAGE_CACHE_HEADER": "1",
        "API_RATE_LIMIT": "off",
    }
    with Server("rerenders", server_env, "/healthz") as server:
        visit(server, mixes)
        report("Before any save (every page requested once before)", visit(server, mixes))
        editor = subprocess.Popen(
            [sys.executable, str(BENCH / "editor.py"), "published", "3600"],
            cwd=ROOT,
            env=server_env,
            stdout=subprocess.PIPE,
            text=True,
        )
        if editor.stdout.readline().strip() != "ready":
            raise SystemExit("bench/editor.py did not start")
        time.sleep(SETTLE_SECONDS)
        report("After one save (the teaser and one field of work)", visit(server, mixes))
        editor.send_signal(signal.SIGTERM)
        editor.communicate(timeout=60)
        time.sleep(SETTLE_SECONDS)
        report("After the item was put back", visit(server, mixes))


if __name__ == "__main__":
    main()
