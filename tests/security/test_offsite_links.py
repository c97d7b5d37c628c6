"""Links the site writes stay on the site, whatever path a request names."""

from core.languages import local_path


def test_local_path_collapses_leading_slashes_and_backslashes():
    assert local_path("//evil.example/x") == "/evil.example/x"
    assert local_path("///evil.example/x") == "/evil.example/x"
    assert local_path("/\\evil.example/x") == "/evil.example/x"
    assert local_path("/news/") == "/news/"
    assert local_path("https://www.example.org/news/") == "https://www.example.org/news/"
