"""Which fixture file holds which model, and which of a model's fields a fixture may set.

Fields come from the models themselves, so a new model field is a new fixture key with no change
here. What a fixture never sets: the primary key, the rendered `_html` twins (editable=False), a
nested record's parent and its `position` (taken from the order it is written in).
"""

from dataclasses import dataclass

from django.db import models

from archive.dates import PartialDateField
from archive.models import Article, Meeting, Outlet, Participation, Person, Quote, Role


@dataclass(frozen=True)
class Nested:
    """Records written inside their parent, e.g. a person's `roles`."""

    key: str
    model: type
    parent: str
    order_field: str = "position"


@dataclass(frozen=True)
class ModelFile:
    """`name`.yaml (and any `name`/*.yaml) holds the records of `model`."""

    name: str
    model: type
    nested: Nested | None = None


# In loading order: a record only points at records of the files before it (or its own).
MODEL_FILES = [
    ModelFile("outlets", Outlet),
    ModelFile("people", Person, Nested("roles", Role, "person")),
    ModelFile("meetings", Meeting, Nested("participants", Participation, "meeting")),
    ModelFile("articles", Article),
    ModelFile("quotes", Quote),
]

# Fixture files another part of the project reads; the loader checks them (loading.redirects).
OTHER_FIXTURE_FILES = {"redirects.yaml"}


def scalar_fields(model, skip=()):
    """Concrete fields a fixture sets directly (foreign keys included), by name."""
    return {
        f.name: f
        for f in model._meta.concrete_fields
        if f.editable and not f.primary_key and f.name not in skip
    }


def many_to_many_fields(model):
    """Plain many-to-many fields, written as a list of slugs (not those with a through model)."""
    return {
        f.name: f for f in model._meta.many_to_many if f.remote_field.through._meta.auto_created
    }


def is_required(model_field):
    return not model_field.blank and not model_field.has_default()


def expected_type(model_field):
    """(python types, description) a YAML value must have for this field."""
    if model_field.is_relation:
        return str, "a slug"
    if isinstance(model_field, models.BooleanField):
        return bool, "true or false"
    if isinstance(model_field, PartialDateField):
        return (str, int), "a date (YYYY, YYYY-MM or YYYY-MM-DD)"
    if isinstance(model_field, models.DecimalField | models.FloatField | models.IntegerField):
        return (int, float), "a number"
    if isinstance(model_field, models.JSONField):
        return list, "a list of texts"
    return str, "text"
