"""Sharing and citing: link-preview cards, the embeddable quotation, oEmbed and reference files.

Included before the data API's addresses (summit/urls.py), so `/quotes/<slug>.csl.json` is a
citation file, never read as the JSON twin of a quote named "<slug>.csl".
"""

from django.urls import path, register_converter

from .views import cards, embed, references


class CitationFormatConverter:
    regex = r"ris|bib|csl\.json"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(CitationFormatConverter, "citation_format")

app_name = "share"

urlpatterns = [
    path("card.png", cards.site_card, name="site_card"),
    path("meetings/<slug:slug>/card.png", cards.meeting_card, name="meeting_card"),
    path("people/<slug:slug>/card.png", cards.person_card, name="person_card"),
    path("outlets/<slug:slug>/card.png", cards.outlet_card, name="outlet_card"),
    path("articles/<slug:slug>/card.png", cards.article_card, name="article_card"),
    path("quotes/<slug:slug>/card.png", cards.quote_card, name="quote_card"),
    path("quotes/<slug:slug>/embed/", embed.quote_embed, name="quote_embed"),
    path("oembed", embed.oembed, name="oembed"),
    path("quotes.<citation_format:fmt>", references.quote_list_file, name="quote_list_file"),
    *(
        path(
            f"{kind}/<slug:slug>.<citation_format:fmt>",
            references.record_file,
            {"kind": kind},
            name=f"{kind}_file",
        )
        for kind in ("meetings", "articles", "quotes")
    ),
]
