"""Fetching a page as the page cache's tests read it."""


def fetch(client, url, **extra):
    response = client.get(url, **extra)
    return response, response.content.decode()
