"""Shared by the tests of each app's model rules."""

import pytest
from django.db import IntegrityError, transaction


def refused_by_database(create):
    """The database itself refuses the write (not just a form or `clean()`)."""
    with pytest.raises(IntegrityError), transaction.atomic():
        create()
