"""The archive's small tables in memory: its people, meetings and outlets.

Pages name these records all the time: every quotation its speaker, meeting and channel, every
article its outlet, every participation its person and meeting. They are few (dozens; hundreds
one day), and they change only when the archive is loaded. Joining them into every list query
was most of a page's cost: Django builds a query with four more joins and makes four more
objects per row (measured on a person page: 9.4 ms, of which 2.1 ms was the template). So each
process reads them once per data version (archive.freshness: a load anywhere changes it) and the
foreign keys pointing at them (ReferenceForeignKey) answer from here instead of a join.

A record not here (written since this process last looked) is read from the database as usual,
and a write in this process (a test, a shell) empties the catalogue at once.

The records are shared by every request a process serves, so they are read-only: setting an
attribute on one, saving or deleting it raises SharedRecordError instead of quietly changing
what every later request sees. Code that needs a record to change reads its own copy from the
database (`Person.objects.get(pk=...)`).
"""

from dataclasses import dataclass

from django.db import models
from django.db.models.fields.related_descriptors import ForwardManyToOneDescriptor

from archive import freshness

from . import memo


class SharedRecordError(AttributeError):
    """Raised on a write to a record the whole process shares (see the module's docstring)."""


class ReadOnlyWhenShared:
    """Mixed into the models the catalogue holds: once shared, an instance cannot be changed."""

    _shared = False

    def __setattr__(self, name, value):
        if self._shared:
            raise SharedRecordError(
                f"{type(self).__name__} {self} comes from the shared catalogue and is read-only; "
                "read a copy from the database to change it"
            )
        super().__setattr__(name, value)

    def save(self, *args, **kwargs):
        if self._shared:
            raise SharedRecordError(f"{type(self).__name__} {self} is shared and read-only")
        return super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self._shared:
            raise SharedRecordError(f"{type(self).__name__} {self} is shared and read-only")
        return super().delete(*args, **kwargs)


def _share(records):
    for record in records:
        # Past __setattr__: this is the one write that marks it read-only.
        object.__setattr__(record, "_shared", True)
        for role in getattr(record, "_prefetched_objects_cache", {}).get("roles", ()):
            object.__setattr__(role, "_shared", True)
        yield record


@dataclass(frozen=True)
class Catalogue:
    version: str
    # {model: {primary key: record}}, each in its model's own order, and {model: {slug: record}}.
    records: dict
    by_slug: dict

    @classmethod
    def read(cls, version):
        from .models import Meeting, Outlet, Person

        lists = {
            Person: list(_share(Person.objects.prefetch_related("roles"))),
            Meeting: list(_share(Meeting.objects.chronological())),
            Outlet: list(_share(Outlet.objects.order_by("name"))),
        }
        return cls(
            version=version,
            records={model: {r.pk: r for r in records} for model, records in lists.items()},
            by_slug={model: {r.slug: r for r in records} for model, records in lists.items()},
        )

    def get(self, model, pk):
        return self.records.get(model, {}).get(pk)

    def find(self, model, slug):
        """The record with this slug, or None."""
        return self.by_slug[model].get(slug)

    def all(self, model):
        return list(self.records[model].values())


@memo.per_data_version
def current():
    """The catalogue for the data as it is now, read again after every load (archive.memo)."""
    return Catalogue.read(freshness.current_version().tag)


def forget(**kwargs):
    """Empty the catalogue, and every other memo of the data (archive.apps connects it to every
    write of the records the catalogue holds)."""
    memo.forget_all()


class CatalogueDescriptor(ForwardManyToOneDescriptor):
    def get_object(self, instance):
        record = current().get(self.field.related_model, getattr(instance, self.field.attname))
        return record if record is not None else super().get_object(instance)


class ReferenceForeignKey(models.ForeignKey):
    """A foreign key to a person, meeting or outlet: `quote.speaker` comes from the catalogue,
    with no query and no join. select_related() on it still works, and is no longer needed."""

    forward_related_accessor_class = CatalogueDescriptor
