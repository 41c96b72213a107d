"""Checking every fixture record before anything is written.

Each record is checked with the model's own field validation (Model.full_clean) after a type
check that YAML needs (`country: NO` is a boolean to YAML; `name: 2019` a number). Relations are
checked against the slugs in the fixtures, not the database: the fixtures are the whole archive.
Every problem is collected, so one run shows all of them.
"""

from dataclasses import replace
from pathlib import Path

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models

from archive.dates import PartialDateField

from .cross_checks import broken_relations, duplicate_slugs
from .items import read_items
from .problems import FixtureError, Problem, did_you_mean, display_path, record_label
from .record_checks import DRAFT_KEYS, check_dates_in_order, check_source_paragraphs, draft_marks
from .records import ReusedRecord, ValidArchive, ValidRecord
from .redirects import check_redirects
from .schema import (
    MODEL_FILES,
    OTHER_FIXTURE_FILES,
    expected_type,
    is_required,
    many_to_many_fields,
    scalar_fields,
)
from .yaml_files import describe_type


def validate_fixtures(fixtures_dir, progress, known=None):
    """{ModelFile: [ValidRecord]} for the whole archive, or FixtureError listing every problem.
    `known`: {item key: cache entry} of the last load (loading.reuse), taken for the items whose
    text is unchanged instead of reading and checking them again (records.ReusedRecord)."""
    known = dict(known or {})
    fixtures_dir = Path(fixtures_dir)
    if not fixtures_dir.is_dir():
        raise FixtureError([Problem(display_path(fixtures_dir), "no such directory")])

    problems = unknown_files(fixtures_dir)
    archive = ValidArchive()
    unreadable = set()  # models with a file that could not be read: their slugs are unknown
    for spec in progress.track(MODEL_FILES, "Checking fixtures"):
        paths = fixture_paths(fixtures_dir, spec.name)
        if not paths:
            problems.append(Problem(display_path(fixtures_dir / f"{spec.name}.yaml"), "missing"))
            unreadable.add(spec.model)
        archive[spec] = []
        for path in paths:
            items, file_problems = read_items(path, spec.name, known)
            problems += file_problems
            if not items and not file_problems:
                archive.empty_files.setdefault(spec, []).append(display_path(path))
            if file_problems and not items:
                unreadable.add(spec.model)
            shown_path = display_path(path)  # once per file: it resolves the path
            for position, item in enumerate(items, start=1):
                if item.reused:
                    archive[spec].append(ReusedRecord(item.reused, item.key, shown_path, position))
                elif isinstance(item.data, dict):
                    record, record_problems = check_record(spec, item.data, shown_path, position)
                    record.key = item.key
                    archive[spec].append(record)
                    problems += record_problems

    for spec, records in archive.items():
        problems += duplicate_slugs(spec, records)
    problems += broken_relations(archive, unreadable)
    archive.redirects, redirect_problems = check_redirects(fixtures_dir)
    problems += redirect_problems
    if problems:
        raise FixtureError(problems)
    return archive


def fixture_paths(fixtures_dir, name):
    """quotes.yaml, then quotes/*.yaml in name order, for a model whose records fill many files."""
    single = fixtures_dir / f"{name}.yaml"
    return ([single] if single.is_file() else []) + sorted((fixtures_dir / name).glob("*.yaml"))


def unknown_files(fixtures_dir):
    known = {f"{spec.name}.yaml" for spec in MODEL_FILES} | OTHER_FIXTURE_FILES
    expected = ", ".join(sorted(known))
    return [
        Problem(display_path(path), f"not a fixture file the archive knows (expected {expected})")
        for path in sorted(fixtures_dir.glob("*.y*ml"))
        if path.name not in known
    ]


def check_record(spec, data, file, position):
    label = record_label(data, position)
    record = ValidRecord(file, position, label)
    extra_keys = {spec.nested.key} if spec.nested else set()
    problems = draft_marks(data, file, label)
    if problems:  # one clear answer for a draft, not "unknown field" for each of its marks
        extra_keys |= DRAFT_KEYS
    problems += check_fields(record, spec.model, data, extra_keys=extra_keys)
    record.slug = data.get("slug") if isinstance(data.get("slug"), str) else ""
    problems += check_source_paragraphs(record)

    if spec.nested:
        children, child_problems = check_children(spec.nested, data.get(spec.nested.key), record)
        record.children = children
        problems += child_problems
    return record, problems


def check_children(nested, items, parent):
    if items is None:
        return [], []
    if not isinstance(items, list):
        expected = f"a list of {nested.key}, found {describe_type(items)}"
        return [], [Problem(parent.file, f"must be {expected}", parent.label, nested.key)]
    children, problems = [], []
    for index, item in enumerate(items, start=1):
        where = f"{nested.key}[{index}]"
        if not isinstance(item, dict):
            message = f"must be a mapping of fields, found {describe_type(item)}"
            problems.append(Problem(parent.file, message, parent.label, where))
            continue
        child = ValidRecord(parent.file, index, parent.label)
        skip = {nested.parent, nested.order_field}
        child_problems = check_fields(child, nested.model, item, skip=skip)
        problems += [
            replace(problem, field=f"{where}.{problem.field}" if problem.field else where)
            for problem in child_problems
        ]
        children.append(child)
    problems += repeated_people(nested, children, parent)
    return children, problems


def repeated_people(nested, children, parent):
    """A person takes one part in a meeting (the model's unique constraint)."""
    if "person" not in {f.name for f in nested.model._meta.fields}:
        return []
    seen, problems = set(), []
    for index, child in enumerate(children, start=1):
        person = child.relations.get("person")
        if person and person in seen:
            message = f"'{person}' is listed more than once"
            where = f"{nested.key}[{index}].person"
            problems.append(Problem(parent.file, message, parent.label, where))
        seen.add(person)
    return problems


def check_fields(record, model, data, *, skip=(), extra_keys=()):
    """Fill record.values/relations/many from `data`; return the problems found."""
    scalars = scalar_fields(model, skip)
    many = many_to_many_fields(model)
    problems = []

    def problem(name, message):
        problems.append(Problem(record.file, message, record.label, str(name)))

    allowed = set(scalars) | set(many) | set(extra_keys)
    for key in data:
        if key not in allowed:
            problem(key, "unknown field" + did_you_mean(str(key), allowed))

    given, unchecked = {}, set()
    for name, model_field in scalars.items():
        value = data.get(name)
        if value is None:
            if is_required(model_field):
                problem(name, "required field is " + ("empty" if name in data else "missing"))
                unchecked.add(name)
            if model_field.is_relation:
                record.relations[name] = None
            continue
        type_problem = wrong_type(model_field, value)
        if type_problem:
            problem(name, type_problem)
            unchecked.add(name)
        elif model_field.is_relation:
            record.relations[name] = value
        elif isinstance(value, float) and isinstance(model_field, models.DecimalField):
            # Through its text: Django rounds a float to max_digits, giving 43.024500 for 43.0245.
            given[name] = repr(value)
        else:
            given[name] = value

    for name in many:
        value = data.get(name) or []
        if not isinstance(value, list) or not all(isinstance(slug, str) for slug in value):
            problem(name, f"expected a list of slugs, found {describe_type(value)}")
            value = []
        record.many[name] = value

    instance = model(**given)
    # PartialDateField is checked here: CharField's length validator cannot measure a PartialDate.
    dates = {name for name, f in scalars.items() if isinstance(f, PartialDateField)}
    for name in dates & set(given):
        try:
            setattr(instance, name, scalars[name].to_python(given[name]))
        except ValidationError as error:
            problem(name, " ".join(error.messages))
            unchecked.add(name)

    relations = {name for name, f in scalars.items() if f.is_relation}
    exclude = relations | dates | unchecked | set(skip) | set(many)
    try:
        instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        for name, errors in error.error_dict.items():
            for each in errors:
                where = "" if name == NON_FIELD_ERRORS else name
                problem(where, field_message(scalars.get(name), each))

    record.values = {name: getattr(instance, name) for name in scalars if name not in relations}
    problems += check_dates_in_order(record)
    return problems


def wrong_type(model_field, value):
    types, description = expected_type(model_field)
    is_bool = isinstance(value, bool)
    if isinstance(value, types) and (is_bool == (types is bool)):
        if isinstance(value, list) and not all(isinstance(item, str) for item in value):
            return f"expected {description}, found a list with something else in it"
        return ""
    return f"expected {description}, found {describe_type(value)}"


def field_message(model_field, error):
    message = " ".join(error.messages)
    if error.code == "invalid_choice" and model_field is not None:
        choices = ", ".join(str(value) for value, _ in model_field.flatchoices)
        message = f"{message} Use one of: {choices}."
    return message
