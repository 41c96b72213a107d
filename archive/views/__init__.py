"""Browse pages, one module per resource. Thin function views: the queries live in QuerySets."""

from .articles import article_detail, article_list
from .meetings import meeting_detail, meeting_list
from .outlets import outlet_detail, outlet_list
from .pages import about, favicon, home
from .people import person_detail, person_list
from .quotes import quote_detail, quote_list

__all__ = [
    "about",
    "article_detail",
    "article_list",
    "favicon",
    "home",
    "meeting_detail",
    "meeting_list",
    "outlet_detail",
    "outlet_list",
    "person_detail",
    "person_list",
    "quote_detail",
    "quote_list",
]
