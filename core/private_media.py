"""Two places for uploaded files: public and private.

Public is the default storage (MEDIA_ROOT, or the bucket), which nginx or the object store
serves to anyone who knows a name. Private is the `"private"` storage (PRIVATE_MEDIA_ROOT, or a
private prefix or bucket), which nothing serves: its files reach a browser only through a view
that checks who is asking. The files of unpublished content (a draft's or an embargoed item's
picture) live there, so guessing, leaking or remembering a URL shows nothing until the content
is published.

A file has the same name in both places. Moving it therefore changes nothing that refers to it
— the model field, a JSON description of its renditions, the revisions that remember it — and a
restored revision finds its file wherever it now is. `PublicOrPrivateStorage` is the one
storage that model fields use: it finds a file in either place, and saves new files in the
private one, so a file is public only once something decided that it may be.
"""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.utils.functional import cached_property

PRIVATE_STORAGE = "private"


class PrivateFileSystemStorage(FileSystemStorage):
    """Files in PRIVATE_MEDIA_ROOT. They have no URL: a link to one would be a bug, and would
    lead nowhere, so asking for one fails loudly instead."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":  # as MEDIA_ROOT is for the public storage
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name):
        raise ValueError(f"{name!r} is private: it has no public URL.")


class PublicOrPrivateStorage(Storage):
    """The default storage and the private one, as one: reads find a file in either place,
    new files go to the private place, `place()` moves files between them."""

    @property
    def public(self):
        return storages["default"]

    @property
    def private(self):
        return storages[PRIVATE_STORAGE]

    def _where(self, name):
        for place in (self.public, self.private):
            if place.exists(name):
                return place
        raise FileNotFoundError(f"{name!r} is in neither the public nor the private storage.")

    def is_public(self, name):
        return self.public.exists(name)

    def place(self, names, public):
        """Move each of `names` to the public place (`public=True`) or the private one, where
        it is not there yet; returns the names moved. Missing files are skipped. Safe to run
        twice at once: a copy already made is reused, never duplicated."""
        source, target = (self.private, self.public) if public else (self.public, self.private)
        moved = []
        for name in names:
            if not source.exists(name):
                continue
            if not target.exists(name):
                with source.open(name, "rb") as handle:
                    saved = target.save(name, handle)
                if saved != name:  # another process copied it in the meantime
                    target.delete(saved)
            source.delete(name)
            moved.append(name)
        return moved

    # Storage API ----------------------------------------------------------------------------

    def _open(self, name, mode="rb"):
        return self._where(name).open(name, mode)

    def _save(self, name, content):
        return self.private.save(name, content)

    def exists(self, name):
        return self.public.exists(name) or self.private.exists(name)

    def delete(self, name):
        self.public.delete(name)
        self.private.delete(name)

    def listdir(self, path):
        folders, files = set(), set()
        for place in (self.public, self.private):
            try:
                found = place.listdir(path)
            except (FileNotFoundError, NotADirectoryError):
                continue
            folders.update(found[0])
            files.update(found[1])
        return sorted(folders), sorted(files)

    def size(self, name):
        return self._where(name).size(name)

    def path(self, name):
        return self._where(name).path(name)

    def get_modified_time(self, name):
        return self._where(name).get_modified_time(name)

    def url(self, name):
        """The public URL: right only for a public file. Pages ask the content's own rules
        (news.media_privacy) which URL to show."""
        return self.public.url(name)


public_or_private = PublicOrPrivateStorage()


@register(Tags.security)
def check_private_media_root(app_configs, **kwargs):
    """PRIVATE_MEDIA_ROOT inside MEDIA_ROOT would put private files under /media/, which nginx
    (and Django under DEBUG) serve to anyone."""
    private = getattr(settings, "PRIVATE_MEDIA_ROOT", None)
    if not private or not settings.MEDIA_ROOT:
        return []
    private, public = Path(private).resolve(), Path(settings.MEDIA_ROOT).resolve()
    if private == public or public in private.parents or private in public.parents:
        return [
            Error(
                "PRIVATE_MEDIA_ROOT must be outside MEDIA_ROOT (and not contain it): files "
                "under MEDIA_ROOT are served to anyone.",
                id="core.E001",
            )
        ]
    return []
