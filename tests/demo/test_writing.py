"""`demo.writing`: which columns `COPY` takes as they are, and which go through their field."""

import pytest
from django.db import connection

from demo.writing import BulkWriter, CopyWriter, _is_plain, writer_for
from news.models import NewsItem


@pytest.mark.parametrize(
    "name", ["body", "body_en", "body_text", "body_text_ru", "image", "image_renditions",
             "created_at", "updated_at"],
)  # fmt: skip
def test_columns_computed_on_save_go_through_their_field(name):
    assert not _is_plain(NewsItem._meta.get_field(name))


@pytest.mark.parametrize(
    "name", ["id", "title_en", "teaser_fr", "issued_on", "publish_at", "in_language_de",
             "status", "author", "image_width"],
)  # fmt: skip
def test_plain_columns_are_copied_as_they_are(name):
    assert _is_plain(NewsItem._meta.get_field(name))


def test_the_database_chooses_the_writer():
    expected = CopyWriter if connection.vendor == "postgresql" else BulkWriter
    assert isinstance(writer_for(connection), expected)
