"""Rows of one model loaded from desired values (create, adopt, follow the file or keep an
editor's change), their aliases, and the counts the command reports."""

from dataclasses import dataclass, field

from django.conf import settings

from website.taxonomy.files import checksum, clean_text


@dataclass
class ModelCounts:
    label: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = 0

    def line(self):
        return (
            f"{self.label}: {self.created} created, {self.updated} updated, "
            f"{self.unchanged} unchanged, {self.kept} kept (edited)"
        )


@dataclass
class LoadReport:
    counts: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)
    changes: list = field(default_factory=list)

    def for_model(self, key, label):
        return self.counts.setdefault(key, ModelCounts(label))

    @property
    def total(self):
        total = ModelCounts("Total")
        for counts in self.counts.values():
            total.created += counts.created
            total.updated += counts.updated
            total.unchanged += counts.unchanged
            total.kept += counts.kept
        return total

    def lines(self):
        return [counts.line() for counts in self.counts.values()] + [self.total.line()]


class ModelLoader:
    """Creates, updates or leaves alone the rows of one model from a list of desired values."""

    def __init__(self, model, fields, match_on, report, key, label):
        self.model = model
        self.fields = fields
        self.translated = {
            name for name in fields if getattr(model._meta.get_field(name), "language", None)
        }
        self.match_on = match_on
        self.report = report
        self.counts = report.for_model(key, label)
        self.rows = list(model.objects.all())
        self.claimed = set()

    def current_values(self, row):
        values = {}
        for name in self.fields:
            value = getattr(row, self.model._meta.get_field(name).attname)
            # An empty translation is stored as NULL; the files say "".
            values[name] = "" if value is None and name in self.translated else value
        return values

    def follows_file(self, row):
        """The row still holds the values it was last loaded with. Rows loaded before the
        site was translated have checksums over untranslated names (`name`, not `name_en`)."""
        current = self.current_values(row)
        if checksum(current) == row.source_checksum:
            return True
        english = f"_{settings.LANGUAGE_CODE}"
        legacy = {
            name.removesuffix(english): value
            for name, value in current.items()
            if name not in self.translated or name.endswith(english)
        }
        return checksum(legacy) == row.source_checksum

    def find(self, source_key, desired):
        """The row for this entry: its own first, then a hand-made one with the same identity."""
        for row in self.rows:
            if row.source_key == source_key and row.pk not in self.claimed:
                return row, False
        for name in self.match_on:
            value = desired[name]
            if value in (None, ""):
                continue
            for row in self.rows:
                if row.pk in self.claimed or row.source_key:
                    continue
                current = getattr(row, self.model._meta.get_field(name).attname)
                if isinstance(value, str) and isinstance(current, str):
                    if current.casefold() == value.casefold():
                        return row, True
                elif current == value:
                    return row, True
        return None, False

    def load(self, source_key, desired):
        """Apply one entry; returns the row it now corresponds to."""
        target = checksum(desired)
        row, adopted = self.find(source_key, desired)
        if row is None:
            row = self.model(source_key=source_key, source_checksum=target, **self._attrs(desired))
            row.save()
            self.rows.append(row)
            self.counts.created += 1
            self.report.changes.append(f"created {self.model._meta.verbose_name} {row}")
        elif adopted:
            current = self.current_values(row)
            filled = {
                name: value for name, value in desired.items() if current[name] in (None, "", 0)
            }
            for attname, value in self._attrs(filled).items():
                setattr(row, attname, value)
            row.source_key = source_key
            row.source_checksum = target
            row.save()
            self.counts.updated += 1
            self.report.changes.append(f"adopted {self.model._meta.verbose_name} {row}")
        else:
            current = checksum(self.current_values(row))
            if current == target:
                if row.source_checksum != target:
                    # The editor's values now equal the file's: it follows the file again.
                    self.model.objects.filter(pk=row.pk).update(source_checksum=target)
                self.counts.unchanged += 1
            elif not self.follows_file(row):
                self.counts.kept += 1
                self.report.changes.append(
                    f"kept {self.model._meta.verbose_name} {row} (changed by an editor)"
                )
            else:
                for attname, value in self._attrs(desired).items():
                    setattr(row, attname, value)
                row.source_checksum = target
                row.save()
                self.counts.updated += 1
                self.report.changes.append(f"updated {self.model._meta.verbose_name} {row}")
        self.claimed.add(row.pk)
        return row

    def _attrs(self, values):
        return {self.model._meta.get_field(name).attname: value for name, value in values.items()}


class AliasLoader:
    """Adds missing aliases; an alias already used by another record is reported, not moved."""

    def __init__(self, alias_model, owner_field, report, key, label):
        self.alias_model = alias_model
        self.owner_field = owner_field
        self.report = report
        self.counts = report.for_model(key, label)
        self.owners = {
            name.casefold(): (owner_id, name)
            for owner_id, name in alias_model.objects.values_list(f"{owner_field}_id", "name")
        }

    def add(self, owner, names):
        for name in names:
            name = clean_text(name)
            existing = self.owners.get(name.casefold())
            if existing is None:
                self.alias_model.objects.create(**{self.owner_field: owner, "name": name})
                self.owners[name.casefold()] = (owner.pk, name)
                self.counts.created += 1
            elif existing[0] == owner.pk:
                self.counts.unchanged += 1
            else:
                self.report.warnings.append(
                    f"Alias {name!r} of {owner} not added: it already names another "
                    f"{self.alias_model._meta.get_field(self.owner_field).verbose_name}."
                )
