from django.shortcuts import get_object_or_404, render

from .. import cards, citations, scholar, seo
from ..models import Article
from ..querysets import Bounded
from .cards import card_path
from .common import listed_briefly, listed_in_full

# An article page lists this many of the quotations taken from it, in the order said.
QUOTES_SHOWN = 50


def article_list(request):
    articles = Article.objects.prefetch_related("authors").newest_first()
    description = "Every article the archive takes its facts and quotations from, newest first."
    context = {
        "meta": seo.list_page_meta(request, "Articles", description),
        "articles": articles,
    }
    return render(request, "archive/article_list.html", context)


def article_page(slug, *, for_json=False):
    """What an article's page shows, bounded as the page bounds it: the page and its JSON twin
    (archive.api.json_views) are built from this one dict."""
    article = get_object_or_404(Article, slug=slug)
    shown = listed_in_full if for_json else listed_briefly
    return {
        "article": article,
        "authors": list(article.authors.all()),
        "meetings": list(article.meetings.chronological()),
        "people_mentioned": list(article.people_mentioned.all()),
        "quotes": Bounded(shown(article.quotes).chronological(), QUOTES_SHOWN),
    }


def article_detail(request, slug):
    context = article_page(slug)
    article, authors = context["article"], context["authors"]
    url = seo.absolute(request, article.get_absolute_url())
    context.update(
        {
            "meta": seo.page_meta(
                request,
                article.title,
                seo.plain_text(article.summary_html, words=30)
                or f"{article.title}, {article.outlet.name}, {article.published_display}.",
                og_type="article",
                jsonld=seo.article_jsonld(request, article, authors),
                card=(card_path("articles", slug), cards.article_alt(article, authors)),
                citation_tags=scholar.article_tags(article, authors, url),
            ),
            "citation": citations.cite_article(article, authors, url),
            "share_url": url,
        }
    )
    return render(request, "archive/article_detail.html", context)
