"""Every public page type is valid HTML for the Nu Html Checker (vnu.jar): no errors.

The pages are fetched as a browser receives them and checked in one run of the checker."""

import json
import subprocess
import urllib.error
import urllib.request

import pytest

from .pages import PAGES, page_path


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read()
    except urllib.error.HTTPError as error:  # the 404 page is a page too
        return error.read()


@pytest.fixture(scope="module")
def vnu_messages(site, vnu_jar, tmp_path_factory):
    folder = tmp_path_factory.mktemp("html")
    files = {}
    for name in PAGES:
        files[name] = folder / f"{name}.html"
        files[name].write_bytes(fetch(site(page_path(name, site.data))))
    checked = subprocess.run(
        [
            "java",
            "-jar",
            str(vnu_jar),
            "--format",
            "json",
            "--exit-zero-always",
            *map(str, files.values()),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    messages = {name: [] for name in PAGES}
    for message in json.loads(checked.stderr)["messages"]:
        messages[message["url"].rsplit("/", 1)[-1].removesuffix(".html")].append(message)
    return messages


@pytest.mark.parametrize("name", PAGES)
def test_page_is_valid_html(name, vnu_messages):
    errors = [
        f"line {message.get('lastLine')}: {message['message']}\n"
        f"    {message.get('extract', '').strip()}"
        for message in vnu_messages[name]
        if message["type"] == "error" or message.get("subType") == "fatal"
    ]
    assert not errors, "\n".join(errors)
