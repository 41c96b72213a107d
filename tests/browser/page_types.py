"""One literal address per kind of page the site serves, for the checks that cover every page type
(accessibility, HTML validity, script errors). Detail pages are records rich in content: more to
get wrong."""

PAGE_TYPES = {
    "home": "/",
    "meetings list": "/meetings/",
    "meeting": "/meetings/putin-kim-2024-pyongyang/",
    "people list": "/people/",
    "person": "/people/kim-jong-un/",
    "outlets list": "/outlets/",
    "outlet": "/outlets/unnamed-korea-blog/",
    "articles list": "/articles/",
    "article": "/articles/korea-blog-putin-kim-sign-partnership-treaty/",
    "quotes list": "/quotes/",
    "quote": "/quotes/putin-2024-treaty-mutual-assistance/",
    "about": "/about/",
    "search results": "/search/?q=treaty",
    "not found": "/meetings/no-such-meeting/",
}


def expected_status(page_type):
    return 404 if page_type == "not found" else 200
