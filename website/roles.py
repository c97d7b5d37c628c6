"""The two editorial roles, as data: `setup_roles` gives the groups these permissions.

By default it makes the groups match exactly (removing what an administrator added);
`keep_added=True` (`setup_roles --keep-added`, what `./run serve` runs on every start) only
adds what is missing, so a demo's own changes to the roles survive a restart. Either way it
says what it changed.

Editors write drafts: they add and change news items, meetings, projects, documents and simple pages
(with their issuer, implementer, donor and document file rows, which they may also remove while
the item is a draft), keep field operations' profiles with their offices and figures, upload
and describe images of the media library (publishers may delete one no item uses), and can
look up the taxonomy to tag content, but cannot delete content or a profile, publish, schedule
or change the taxonomy; they see the redirects from old slugs, which
publishers may delete.
Publishers can do all of that too, and lift a sign-in lockout (deleting django-axes' access
attempts) without waiting for it to expire; they can read, not erase, the sign-in logs, and
they see how many people follow each e-mail alert filter (never their addresses, which no
role sees). Neither role touches users or groups.
"""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q

EDITOR = "Editor"
PUBLISHER = "Publisher"

CONTENT_MODELS = [
    "news.newsitem",
    "news.meeting",
    "projects.project",
    "documents.document",
    "pages.page",
]
CONTENT_ROWS = [
    "news.newsitemissuer",
    "documents.documentissuer",
    "documents.documentfile",
    "projects.projectimplementer",
    "projects.projectdonor",
]
# Field operations' profiles, offices and figures: reference facts both roles keep (no draft
# state), with revisions and an audit line (field_operations.admin).
REFERENCE_MODELS = ["field_operations.fieldoperationprofile"]
REFERENCE_ROWS = ["field_operations.office", "field_operations.figures"]
TAXONOMY_MODELS = [
    "countries.country",
    "countries.countryalias",
    "countries.chairpersonship",
    "structures.structure",
    "structures.structurealias",
    "news.fieldofwork",
    "news.meetingtype",
    "projects.donor",
    "documents.documenttype",
]


def _perms(models, actions):
    return [
        f"{model.split('.')[0]}.{action}_{model.split('.')[1]}"
        for model in models
        for action in actions
    ]


# The media library: editors upload and describe images, publishers may delete one no item
# uses (media_library.admin).
LIBRARY_MODELS = ["media_library.image"]
# Recorded when a slug changes (redirects.recording), never written by hand.
REDIRECT_MODELS = ["redirects.slugredirect"]

EDITOR_PERMISSIONS = [
    *_perms(CONTENT_MODELS, ["add", "change", "view"]),
    *_perms(REDIRECT_MODELS, ["view"]),
    *_perms(CONTENT_ROWS, ["add", "change", "delete", "view"]),
    *_perms(TAXONOMY_MODELS, ["view"]),
    *_perms(REFERENCE_MODELS, ["add", "change", "view"]),
    *_perms(REFERENCE_ROWS, ["add", "change", "delete", "view"]),
    *_perms(LIBRARY_MODELS, ["add", "change", "view"]),
]
# Deleting an access attempt is what unlocks an account or address (website.signin).
SIGNIN_LOCKOUT_PERMISSIONS = [
    "axes.view_accessattempt",
    "axes.delete_accessattempt",
    "axes.view_accesslog",
    "axes.view_accessfailurelog",
]
PUBLISHER_PERMISSIONS = [
    *EDITOR_PERMISSIONS,
    *_perms(CONTENT_MODELS, ["delete"]),
    *_perms(REFERENCE_MODELS, ["delete"]),
    *_perms(LIBRARY_MODELS, ["delete"]),
    "news.publish_newsitem",
    "news.publish_meeting",
    "projects.publish_project",
    "documents.publish_document",
    "pages.publish_page",
    *_perms(TAXONOMY_MODELS, ["add", "change", "delete"]),
    *_perms(REDIRECT_MODELS, ["delete"]),
    *SIGNIN_LOCKOUT_PERMISSIONS,
    # How many follow each e-mail alert filter; never who (alerts.admin).
    "alerts.view_alertfilter",
]
ROLES = {EDITOR: EDITOR_PERMISSIONS, PUBLISHER: PUBLISHER_PERMISSIONS}


class MissingPermissions(Exception):
    pass


def _permission_objects(names):
    query = Q()
    for name in names:
        app_label, codename = name.split(".")
        query |= Q(content_type__app_label=app_label, codename=codename)
    found = list(Permission.objects.filter(query).select_related("content_type"))
    missing = set(names) - {f"{p.content_type.app_label}.{p.codename}" for p in found}
    if missing:
        raise MissingPermissions(", ".join(sorted(missing)))
    return found


@dataclass
class RoleChange:
    """What `setup_roles` did to one group; permissions as "app_label.codename"."""

    created: bool
    added: list
    removed: list
    kept: list  # added by an administrator and left in place (keep_added)


def _label(permission):
    return f"{permission.content_type.app_label}.{permission.codename}"


@transaction.atomic
def setup_roles(keep_added=False):
    """Create the groups or bring them to the roles' permissions; {group name: RoleChange}."""
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    result = {}
    for name, permission_names in ROLES.items():
        group, created = Group.objects.get_or_create(name=name)
        wanted = set(_permission_objects(permission_names))
        current = set(group.permissions.select_related("content_type"))
        missing, extra = wanted - current, current - wanted
        group.permissions.add(*missing)
        if not keep_added:
            group.permissions.remove(*extra)
        result[name] = RoleChange(
            created=created,
            added=sorted(map(_label, missing)),
            removed=[] if keep_added else sorted(map(_label, extra)),
            kept=sorted(map(_label, extra)) if keep_added else [],
        )
    return result
