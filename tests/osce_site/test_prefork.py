"""The gunicorn master warms itself before forking: workers start with the facet index."""

import pytest

from news.listing import index as facet_index
from news.listing import warmup
from osce_site.prefork import warm_process
from tests.factories import NewsItemFactory

# warm_process closes its connections, as it must before a fork: no test transaction around it.
pytestmark = pytest.mark.django_db(transaction=True)


def test_warm_process_leaves_the_index_of_the_current_state_ready(settings, monkeypatch):
    settings.FACET_INDEX_IN_BACKGROUND = True
    monkeypatch.setattr(facet_index, "_latest", {})
    monkeypatch.setattr(warmup, "_ready", {})
    item = NewsItemFactory()

    warm_process()

    index = warmup.ready_index()
    assert index is not None
    assert list(index.ids) == [item.pk]
