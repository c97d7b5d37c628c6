"""The load: wrk over a list of paths, and the newsroom saving meanwhile (bench/editor.py)."""

import json
import re
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, nullcontext

from corpus import BENCH, DATA, ROOT
from servers import fetch_status

# The newsroom at work (bench/editor.py): scenario -> (which item, seconds between saves).
EDITING = {
    "mix, an item edited every 5 s": ("published", 5),
    "mix, a draft saved every 1 s": ("draft", 1),
}


def wrk(base, paths, duration, connections, threads):
    path_file = DATA / "paths.txt"
    path_file.write_text("\n".join(paths) + "\n")
    result = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{duration}s",
            "--timeout",
            "10s",
            "-s",
            str(BENCH / "paths.lua"),
            base,
            "--",
            str(path_file),
        ],
        capture_output=True,
        text=True,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:
        raise SystemExit(f"wrk failed:\n{result.stdout}\n{result.stderr}")
    data = json.loads(lines[-1])
    seconds = data["duration_us"] / 1e6
    return {
        "rps": data["requests"] / seconds,
        "p50": data["p50_us"] / 1000,
        "p99": data["p99_us"] / 1000,
        "bad": data["bad_status"],
        "errors": data["socket_errors"],
        "requests": data["requests"],
    }


@contextmanager
def editing(env, kind, every):
    """bench/editor.py saving a `kind` news item every `every` seconds, for the block's
    duration; yields a dict that holds the number of saves afterwards."""
    process = subprocess.Popen(
        [sys.executable, str(BENCH / "editor.py"), kind, str(every)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    if process.stdout.readline().strip() != "ready":
        process.kill()
        raise SystemExit(f"bench/editor.py {kind} did not start")
    done = {}
    try:
        yield done
    finally:
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=60)
        found = re.search(r"saves (\d+)", output)
        done["saves"] = int(found.group(1)) if found else 0


def measure(server, paths, options, warmup=2, editor=None):
    """A warm-up run, then the measured run (with `editor` saving meanwhile, if given)."""
    wrk(server.base, paths, warmup, options.connections, options.threads)
    with editing(server.env, *editor) if editor else nullcontext({}) as edits:
        result = wrk(server.base, paths, options.duration, options.connections, options.threads)
    return {**result, **edits}


def visit_all(server, paths):
    """One request for every path, four at a time: with the page cache on, the steady state
    of a site whose visitors have asked for these pages before."""
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda path: fetch_status(server.base + path), paths))
