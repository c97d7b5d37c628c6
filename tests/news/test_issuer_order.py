import pytest

from tests.factories import NewsItemFactory, StructureFactory


@pytest.mark.django_db
def test_news_item_keeps_issuer_order():
    odihr, mission = StructureFactory(name="ODIHR"), StructureFactory(name="Mission")
    item = NewsItemFactory(issued_by=[mission, odihr])
    assert item.ordered_issuers == [mission, odihr]
    assert item.lead_issuer == mission
