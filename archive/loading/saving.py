"""Writing validated records: upsert by slug, touching only what changed.

A record's slug is its natural key. An existing row is saved only with the fields that differ,
nested rows (roles, participants) and many-to-many sets are replaced only when they differ, and
rows whose slug left the fixtures are deleted, so loading the same fixtures twice writes nothing.
The caller runs all of it inside one transaction.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from archive.markdown import render_markdown
from archive.models import MARKDOWN_FIELDS

from .reuse import StaleCache
from .schema import MODEL_FILES, many_to_many_fields


@dataclass
class ModelCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    # Which records changed, for updating only their search documents (search.incremental).
    created_slugs: set = field(default_factory=set, repr=False)
    updated_slugs: set = field(default_factory=set, repr=False)
    deleted_slugs: set = field(default_factory=set, repr=False)
    deleted_pks: set = field(default_factory=set, repr=False)

    @property
    def changed(self):
        return bool(self.created or self.updated or self.deleted)


def save_archive(archive, progress):
    """Write {ModelFile: [ValidRecord]}; return {file name: ModelCounts}."""
    ids = {}  # model -> {slug: primary key}, filled in loading order for the relations
    counts, stale = {}, {}
    for spec in MODEL_FILES:
        counts[spec.name], stale[spec] = save_records(spec, archive[spec], ids, progress)
    # Children first, so that no PROTECTed row is still pointed at when its turn comes.
    for spec in reversed(MODEL_FILES):
        pks = {pk for pk, _slug in stale[spec]}
        if pks:
            spec.model.objects.filter(pk__in=pks).delete()
        counts[spec.name].deleted = len(pks)
        counts[spec.name].deleted_pks = pks
        counts[spec.name].deleted_slugs = {slug for _pk, slug in stale[spec]}
    return counts


def save_records(spec, records, ids, progress):
    model = spec.model
    fresh = [record for record in records if not record.reused]
    if len(fresh) < len(records):
        # A reused record's row already holds what it would write (loading.reuse): read every
        # row's slug and key, and whole rows only for the records read from their text.
        pks = dict(model.objects.values_list("slug", "pk"))
        existing = in_batches(model, "slug", [record.slug for record in fresh])
        parents = [obj.pk for obj in existing.values()]
    else:
        existing = model.objects.in_bulk(field_name="slug")
        pks = {slug: obj.pk for slug, obj in existing.items()}
        parents = None  # all of them
    current_children = read_children(spec.nested, parents) if spec.nested else {}
    objects, created, changed = {}, set(), set()
    ids[model] = {}

    for record in progress.track(records, f"Loading {spec.name}"):
        if record.reused:
            if record.slug not in pks:
                raise StaleCache(f"{spec.name} record '{record.slug}' is not in the database")
            ids[model][record.slug] = pks[record.slug]
            continue
        values = dict(record.values)
        for name, slug in record.relations.items():
            field = model._meta.get_field(name)
            values[field.attname] = ids[field.related_model][slug] if slug else None
        for source, html in MARKDOWN_FIELDS.get(model, {}).items():
            values[html] = rendered(values[source])

        obj = existing.get(record.slug)
        if obj is None:
            obj = model.objects.create(**values)
            created.add(record.slug)
        else:
            differing = [name for name, value in values.items() if getattr(obj, name) != value]
            if differing:
                for name in differing:
                    setattr(obj, name, values[name])
                obj.save(update_fields=differing)
                changed.add(record.slug)
        objects[record.slug] = obj
        ids[model][record.slug] = obj.pk
        if spec.nested and save_children(spec.nested, obj, record.children, ids, current_children):
            changed.add(record.slug)

    # After every record exists: a quote's same_statement may point at a later quote.
    for field in many_to_many_fields(model).values():
        changed |= save_many(field, records, objects, ids)

    counts = ModelCounts(
        created=len(created),
        updated=len(changed - created),
        created_slugs=created,
        updated_slugs=changed - created,
    )
    counts.unchanged = len(records) - counts.created - counts.updated
    stale = [(pk, slug) for slug, pk in pks.items() if slug not in ids[model]]
    return counts, stale


BATCH = 500  # values in one `IN (...)`, well under every database's limit


def in_batches(model, field_name, values):
    found = {}
    for start in range(0, len(values), BATCH):
        found |= model.objects.in_bulk(values[start : start + BATCH], field_name=field_name)
    return found


@lru_cache(maxsize=4096)
def rendered(text):
    # The test suite loads the same archive once per test class: render each text only once.
    return render_markdown(text)


def child_row(nested, child, position, ids):
    row = dict(child.values)
    for name, slug in child.relations.items():
        field = nested.model._meta.get_field(name)
        row[field.attname] = ids[field.related_model][slug] if slug else None
    row[nested.order_field] = position
    return row


def read_children(nested, parents=None):
    """{parent pk: [row, ...]} of the nested rows now in the database, in order: of every
    parent, or of the `parents` listed."""
    parent_column = nested.model._meta.get_field(nested.parent).attname
    rows = defaultdict(list)
    ordered = nested.model.objects.order_by(parent_column, nested.order_field)
    batches = (
        [ordered]
        if parents is None
        else [
            ordered.filter(**{f"{parent_column}__in": parents[start : start + BATCH]})
            for start in range(0, len(parents), BATCH)
        ]
    )
    for batch in batches:
        for row in batch.values():
            row.pop("id")
            rows[row.pop(parent_column)].append(row)
    return rows


def save_children(nested, parent, children, ids, current_children):
    """Replace the parent's nested rows when they differ; True if they did."""
    wanted = [child_row(nested, child, position, ids) for position, child in enumerate(children)]
    if current_children.get(parent.pk, []) == wanted:
        return False
    nested.model.objects.filter(**{nested.parent: parent}).delete()
    nested.model.objects.bulk_create(
        nested.model(**{nested.parent: parent}, **row) for row in wanted
    )
    return True


def save_many(field, records, objects, ids):
    """Set each record's many-to-many links where they differ; return the slugs changed."""
    through = field.remote_field.through
    source = through._meta.get_field(field.m2m_field_name()).attname
    target = through._meta.get_field(field.m2m_reverse_field_name()).attname
    current = defaultdict(set)
    for source_id, target_id in through.objects.values_list(source, target):
        current[source_id].add(target_id)

    own_ids, target_ids = ids[field.model], ids[field.related_model]
    wanted = defaultdict(set)
    for record in records:
        slugs = record.many.get(field.name)  # a reused record keeps only lists with slugs
        if not slugs:
            continue
        pk = own_ids[record.slug]
        for slug in slugs:
            wanted[pk].add(target_ids[slug])
            if field.remote_field.symmetrical:  # A lists B: B is linked to A as well
                wanted[target_ids[slug]].add(pk)

    changed = set()
    slugs = {pk: slug for slug, pk in own_ids.items()}
    nothing = frozenset()
    for record in records:
        pk = own_ids[record.slug]
        if pk not in wanted and pk not in current:
            continue  # no links, and none wanted: most records, 100,000 of them at times
        if current.get(pk, nothing) == wanted.get(pk, nothing):
            continue
        if field.remote_field.symmetrical:  # Django writes both directions; mirror that here
            for other in current[pk] ^ wanted[pk]:
                current[other] ^= {pk}
                if other in slugs:  # not a quote about to be deleted
                    changed.add(slugs[other])
        # A reused record was not read from the database: its primary key is all .set() needs.
        obj = objects.get(record.slug) or field.model(pk=pk)
        getattr(obj, field.name).set(wanted[pk])
        current[pk] = set(wanted[pk])
        changed.add(record.slug)
    return changed
