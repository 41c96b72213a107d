from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def snippet(result):
    """The highlighted fragment of a search result, whichever engine made it. Whoosh answers
    {"text": ["…"]} and Elasticsearch ["…"]; both escape the text and add only <em>."""
    highlighted = getattr(result, "highlighted", None)
    if isinstance(highlighted, dict):
        highlighted = next(iter(highlighted.values()), None)
    if isinstance(highlighted, (list, tuple)):
        highlighted = " … ".join(part for part in highlighted if part)
    return mark_safe(highlighted) if highlighted else ""
