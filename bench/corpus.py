"""The benchmark's data: its databases, their seeded corpus and the listing URLs asked for.

Each size of corpus has databases of its own, seeded once and reused by later runs, so that
a run measures serving, never seeding.
"""

import json
import os
import random
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
DATA = Path(os.environ.get("BENCH_DATA_DIR", "/var/tmp/osce-bench"))
PG_SERVER = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
DEFAULT_ITEMS = 100_000
# Issue 18's sizes for /projects/ and /documents/.
DEFAULT_PROJECTS = 10_000
DEFAULT_DOCUMENTS = 100_000
SEARCH_WORDS = [
    "election",
    "police",
    "training",
    "border",
    "media freedom",
    "journalists",
    "water",
    "youth",
    "trafficking",
    "cyber",
    "gender",
    "Ministerial Council",
    "human rights",
    "mines",
    "roma",
]
MIX_SIZE = 1000


def log(message):
    print(message, file=sys.stderr, flush=True)


def pg_url(database):
    return f"{PG_SERVER.rstrip('/')}/{database}"


def database_name(items):
    """Each size of corpus has its own databases (`osce_bench` holds the default 100,000), so
    that a run with other `--items` neither reseeds nor measures another run's data.
    `BENCH_DATABASE` names another (a session measuring beside the shared ones)."""
    if os.environ.get("BENCH_DATABASE"):
        return os.environ["BENCH_DATABASE"]
    return "osce_bench" if items == DEFAULT_ITEMS else f"osce_bench_{items}"


def ensure_pg_database(name):
    with psycopg.connect(pg_url("postgres"), autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            admin.execute(f'CREATE DATABASE "{name}"')


def analyse(database):
    """Planner statistics and the visibility map, as autovacuum keeps them in production (it
    may be off on a test server, and a bulk load leaves the tables unanalysed)."""
    with psycopg.connect(pg_url(database), autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-4000:]}")
    return result.stdout


INFO_CODE = """
import json
from countries.models import Country
from documents.models import Document, DocumentFile, DocumentType
from news.models import FieldOfWork, NewsItem, NewsType
from projects.models import Donor, Funding, Project, ProjectStatus
from structures.models import Structure
published = NewsItem.objects.published().order_by("-issued_on", "-id")
print(json.dumps({
    "all": NewsItem.objects.count(),
    "published": published.count(),
    "projects": Project.objects.count(),
    "documents": Document.objects.count(),
    "fields": list(FieldOfWork.objects.values_list("slug", flat=True)),
    "countries": list(Country.objects.values_list("slug", flat=True)),
    "structures": list(Structure.objects.values_list("slug", flat=True)),
    "types": list(NewsType.values),
    "donors": list(Donor.objects.values_list("slug", flat=True)),
    "statuses": list(ProjectStatus.values),
    "fundings": list(Funding.values),
    "document_types": list(DocumentType.objects.values_list("slug", flat=True)),
    "file_languages": list(
        DocumentFile.objects.order_by("language").values_list("language", flat=True).distinct()
    ),
    "latest": published.values_list("slug", flat=True).first(),
}))
"""


def corpus_info(env):
    return json.loads(manage(env, "shell", "--verbosity", "0", "-c", INFO_CODE).splitlines()[-1])


def prepare(name, env, items, projects=DEFAULT_PROJECTS, documents=DEFAULT_DOCUMENTS):
    """Migrate, and seed `items` news items, `projects` projects and `documents` documents
    unless the database already holds them."""
    log(f"[{name}] migrating")
    manage(env, "migrate", "--no-input", "--verbosity", "0")
    info = corpus_info(env)
    if info["all"] < items or info["projects"] < projects or info["documents"] < documents:
        log(
            f"[{name}] seeding {items:,} news items, {projects:,} projects and {documents:,} "
            "documents (once; reused by later runs)"
        )
        started = time.monotonic()
        manage(env, "load_taxonomy", "--verbosity", "0")
        manage(
            env,
            *("seed_demo", "--news", str(items), "--seed", "1", "--verbosity", "0"),
            *("--projects", str(projects), "--documents", str(documents)),
        )
        log(f"[{name}] seeded in {time.monotonic() - started:.0f} s")
        info = corpus_info(env)
    log(
        f"[{name}] {info['all']:,} news items, {info['published']:,} published; "
        f"{info['projects']:,} projects, {info['documents']:,} documents"
    )
    return info


def listing_mix(info, size=MIX_SIZE, seed=2026):
    """`size` distinct `/news/` URLs: filter combinations x pages x search words."""
    facets = {
        "field_of_work": info["fields"],
        "country": info["countries"],
        "issued_by": info["structures"],
        "type": info["types"],
    }
    return _mix("/news/", facets, _date_range, size, seed)


def project_mix(info, size=MIX_SIZE, seed=2026):
    """`size` distinct `/projects/` URLs, as the news' mix is made."""
    facets = {
        "field_of_work": info["fields"],
        "country": info["countries"],
        "implemented_by": info["structures"],
        "donor": info["donors"],
        "status": info["statuses"],
        "funding": info["fundings"],
    }
    return _mix("/projects/", facets, _year_range, size, seed)


def document_mix(info, size=MIX_SIZE, seed=2026):
    """`size` distinct `/documents/` URLs, as the news' mix is made."""
    facets = {
        "field_of_work": info["fields"],
        "country": info["countries"],
        "issued_by": info["structures"],
        "type": info["document_types"],
        "language": info["file_languages"],
    }
    return _mix("/documents/", facets, _year_range, size, seed)


def _date_range(rng):
    start = rng.randint(2005, 2023)
    return [("date_from", f"{start}-01-01"), ("date_to", f"{start + rng.randint(0, 3)}-12-31")]


def _year_range(rng):
    start = rng.randint(2005, 2023)
    return [("year_from", str(start)), ("year_to", str(start + rng.randint(0, 3)))]


def _mix(path, facets, period, size, seed):
    """`size` distinct URLs of the listing at `path`: filter combinations x pages x search
    words."""
    rng = random.Random(seed)
    facets = {name: values for name, values in facets.items() if values}
    urls = set()
    while len(urls) < size:
        params = []
        for name in rng.sample(list(facets), rng.choice([0, 1, 1, 2, 2, 3])):
            values = rng.sample(
                facets[name], 2 if name == "field_of_work" and rng.random() < 0.3 else 1
            )
            params += [(name, value) for value in values]
        if rng.random() < 0.2:
            params += period(rng)
        if rng.random() < 0.25:
            params.append(("q", rng.choice(SEARCH_WORDS)))
        page = rng.choice([1, 1, 1, 1, 2, 2, 3])
        if page > 1:
            params.append(("page", str(page)))
        query = urllib.parse.urlencode(params)
        urls.add(f"{path}?{query}" if query else path)
    return sorted(urls)
