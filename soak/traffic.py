"""The URLs the soak test requests: pages, filtered listings, feeds and searches."""

import random
import urllib.parse

from services import connect

SEARCHES = ["police", "election", "training border", "media freedom", "youth", "water", "roma"]


def request_mix(args):
    """Pages, filtered listings, feeds and searches, in the proportions of a public site."""
    with connect(args.database_url) as db:

        def slugs(sql):
            return [row[0] for row in db.execute(sql).fetchall()]

        news = slugs(
            "SELECT slug FROM news_newsitem WHERE status = 'published' AND publish_at <= now() "
            "AND (expire_at IS NULL OR expire_at > now()) ORDER BY issued_on DESC LIMIT 300"
        )
        fields = slugs("SELECT slug FROM news_fieldofwork")
        countries = slugs("SELECT slug FROM countries_country LIMIT 60")
        structures = slugs("SELECT slug FROM structures_structure LIMIT 60")
        meetings = slugs(
            "SELECT slug FROM news_meeting WHERE status = 'published' AND publish_at <= now() "
            "AND (expire_at IS NULL OR expire_at > now()) LIMIT 40"
        )
        series = slugs("SELECT slug FROM news_meetingtype")
    rng = random.Random(7)
    paths = [
        "/",
        "/news/",
        "/news/?page=2",
        "/news/feed/",
        "/meetings/",
        "/fields-of-work/",
        "/countries/",
        "/structures/",
        "/sitemap.xml",
        "/robots.txt",
    ]
    paths += [f"/news/{slug}/" for slug in news]
    paths += [f"/fields-of-work/{slug}/" for slug in fields]
    paths += [f"/countries/{slug}/" for slug in countries]
    paths += [f"/structures/{slug}/" for slug in structures]
    paths += [f"/meetings/{slug}/" for slug in meetings]
    paths += [f"/meetings/?type={slug}" for slug in series]
    for _ in range(150):
        query = {"field_of_work": rng.choice(fields)}
        if rng.random() < 0.5:
            query["country"] = rng.choice(countries)
        if rng.random() < 0.3:
            query["issued_by"] = rng.choice(structures)
        if rng.random() < 0.3:
            query["date_from"] = f"{rng.randint(2005, 2024)}-01-01"
        if len(query) == 1 and rng.random() < 0.3:
            query["page"] = "2"  # narrower filters may have one page only: 404 past the end
        paths.append("/news/?" + urllib.parse.urlencode(query))
        if rng.random() < 0.2:
            paths.append("/news/feed/?" + urllib.parse.urlencode(query))
    for word in SEARCHES:
        paths.append("/search/?" + urllib.parse.urlencode({"q": word}))
        paths.append("/news/?" + urllib.parse.urlencode({"q": word}))
        paths.append("/news/?" + urllib.parse.urlencode({"q": word, "sort": "newest"}))
    return paths
