"""Who an import acts as, and what it leaves behind for each item it writes: what an editor's
save in the admin leaves (`news.audit`), so that an item's history shows the import.

An import acts as `--as USERNAME`, or as the dedicated "import" user: created on the first
import that writes, inactive and without a password or staff status, so that it names the
import in every history without being an account anyone can sign in with.
"""

from dataclasses import dataclass
from functools import partial

import reversion
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from news.audit import audit, item_revision, log_entry, save_event
from news.importing.plan import chunks
from news.importing.problems import ImportFailed, Problem

IMPORT_USERNAME = "import"


def named_user(username):
    """The user `--as` names, or `ImportFailed` when there is none."""
    model = get_user_model()
    try:
        return model._default_manager.get_by_natural_key(username)
    except model.DoesNotExist:
        raise ImportFailed([Problem(f'--as: no user named "{username}"')]) from None


def import_user():
    """The dedicated import user, created the first time an import writes."""
    model = get_user_model()
    user, _created = model._default_manager.get_or_create(
        **{model.USERNAME_FIELD: IMPORT_USERNAME},
        defaults={"is_active": False, "is_staff": False, "password": make_password(None)},
    )
    return user


@dataclass(frozen=True)
class Write:
    item_id: int
    before: dict | None  # status and publish_at before an update; None for a new item
    changed: list | None  # the fields an update changed; None for a new item


def record_writes(writes, user, source, kind):
    """As `user` (None: the import user), a revision, a LogEntry and an audit line per item
    written, once its relations are written too (a revision holds the rows it follows: a news
    item's issuers, a project's implementers and donors, a document's files). Items are read
    back in batches with their relations, so that recording costs a few queries per item, none
    of them a read. The audit lines go out when the import commits: one that rolls back wrote
    nothing to tell the operators about."""
    if not writes:
        return
    user = user or import_user()
    for batch in chunks(writes):
        items = kind.model.objects.prefetch_related(*kind.prefetch()).in_bulk(
            [write.item_id for write in batch]
        )
        for write in batch:
            item = items[write.item_id]
            with item_revision(user):
                entry = log_entry(user, item, write.changed)
                # As django-reversion's admin does: the revision says what the history says.
                reversion.set_comment(entry.get_change_message())
                reversion.add_to_revision(item)
            event = save_event(write.before, item)
            line = partial(audit, user, event, item, state=item.public_state, source=source)
            transaction.on_commit(line)
