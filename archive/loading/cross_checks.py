"""The checks across records: every slug used once, every link naming a record there is.

They run over every record on every load, reused ones too (loading.reuse), so they are set
operations first (`links_resolve`), and look record by record only for the links that fail.
"""

from .problems import Problem, did_you_mean
from .schema import many_to_many_fields, scalar_fields


def duplicate_slugs(spec, records):
    first_seen, problems = {}, []
    for record in records:
        if not record.slug:
            continue
        first = first_seen.setdefault(record.slug, record)
        if first is not record:
            message = (
                f"slug '{record.slug}' is already used by {first.file}, record #{first.position}"
            )
            problems.append(Problem(record.file, message, f"#{record.position}", "slug"))
    return problems


def broken_relations(archive, unreadable):
    slugs = {spec.model: {r.slug for r in records if r.slug} for spec, records in archive.items()}
    problems = []

    def check(record, model, name, slug, where):
        target = model._meta.get_field(name).related_model
        if slug is None or target in unreadable:
            return
        if slug not in slugs[target]:
            message = f"no {target._meta.verbose_name} with slug '{slug}'"
            message += did_you_mean(slug, slugs[target])
            problems.append(Problem(record.file, message, record.label, where))
        elif target is model and slug == record.slug:
            message = f"points at its own record ('{slug}')"
            problems.append(Problem(record.file, message, record.label, where))

    for spec, records in archive.items():
        if links_resolve(spec, records, slugs):
            continue
        for record in records:
            for name, slug in record.relations.items():
                check(record, spec.model, name, slug, name)
            for name, slug_list in record.many.items():
                for slug in slug_list:
                    check(record, spec.model, name, slug, name)
            for index, child in enumerate(record.children, start=1):
                for name, slug in child.relations.items():
                    where = f"{spec.nested.key}[{index}].{name}"
                    check(child, spec.nested.model, name, slug, where)
    return problems


def links_resolve(spec, records, slugs):
    """Whether every link of these records names a record there is, and none its own record: a
    few set operations over 100,000 records, before looking for the links that do not."""
    groups = [(spec.model, records)]
    if spec.nested:
        groups.append((spec.nested.model, [child for r in records for child in r.children]))
    for model, group in groups:
        for name, field in scalar_fields(model).items():
            if field.is_relation:
                linked = {record.relations.get(name) for record in group} - {None}
                if not linked <= slugs.get(field.related_model, linked):
                    return False
                if field.related_model is model and any(
                    record.relations.get(name) == record.slug for record in group
                ):
                    return False
        for name, field in many_to_many_fields(model).items():
            linked = set().union(*(record.many.get(name, ()) for record in group))
            if not linked <= slugs.get(field.related_model, linked):
                return False
            if field.related_model is model and any(
                record.slug in record.many.get(name, ()) for record in group
            ):
                return False
    return True
