"""OpenAPI query parameters read off the forms that validate them, so the description cannot
promise a range, a choice or a pattern the endpoint does not enforce (or miss one it does)."""

from django import forms

from ..forms import SLUG_MAX_LENGTH, SlugChoiceField
from .openapi_schemas import SLUG


def field_schema(field):
    if isinstance(field, SlugChoiceField | forms.SlugField):
        return {**SLUG, "maxLength": getattr(field, "max_length", None) or SLUG_MAX_LENGTH}
    if isinstance(field, forms.BooleanField):
        return {"type": "boolean"}
    if isinstance(field, forms.TypedChoiceField) and field.coerce is int:
        # Choices that depend on the data (the years with meetings): only their kind is fixed.
        return {"type": "integer"}
    if isinstance(field, forms.ChoiceField):
        return {"type": "string", "enum": [str(value) for value, _ in field.choices if value]}
    if isinstance(field, forms.IntegerField):
        schema = {"type": "integer"}
        if field.min_value is not None:
            schema["minimum"] = field.min_value
        if field.max_value is not None:
            schema["maximum"] = field.max_value
        return schema
    if isinstance(field, forms.RegexField):
        return {"type": "string", "pattern": field.regex.pattern}
    schema = {"type": "string"}
    if getattr(field, "max_length", None):
        schema["maxLength"] = field.max_length
    return schema


def query_parameters(form, descriptions=None, leave_out=()):
    """One OpenAPI parameter per field of `form` (an instance: some choices are set in
    __init__), described by `descriptions[name]`, else the field's help_text."""
    descriptions = descriptions or {}
    parameters = []
    for name, field in form.fields.items():
        if name in leave_out:
            continue
        parameter = {"name": name, "in": "query", "required": field.required}
        description = descriptions.get(name) or str(field.help_text or "")
        if description:
            parameter["description"] = description
        parameter["schema"] = field_schema(field)
        parameters.append(parameter)
    return parameters
