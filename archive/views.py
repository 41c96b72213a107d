"""Browse pages. Minimal for now: the browse issue fills them out."""

from django.shortcuts import get_object_or_404, render

from .models import Article, Meeting, Outlet, Person, Quote


def home(request):
    return render(
        request,
        "archive/home.html",
        {
            "putin_kim_meetings": Meeting.objects.putin_kim().chronological(),
            "other_meetings": Meeting.objects.others().chronological(),
        },
    )


def meeting_list(request):
    return render(
        request, "archive/meeting_list.html", {"meetings": Meeting.objects.chronological()}
    )


def meeting_detail(request, slug):
    meeting = get_object_or_404(Meeting, slug=slug)
    return render(request, "archive/meeting_detail.html", {"meeting": meeting})


def person_list(request):
    return render(request, "archive/person_list.html", {"people": Person.objects.all()})


def person_detail(request, slug):
    person = get_object_or_404(Person, slug=slug)
    return render(request, "archive/person_detail.html", {"person": person})


def outlet_list(request):
    return render(request, "archive/outlet_list.html", {"outlets": Outlet.objects.all()})


def outlet_detail(request, slug):
    outlet = get_object_or_404(Outlet, slug=slug)
    return render(request, "archive/outlet_detail.html", {"outlet": outlet})


def article_list(request):
    articles = Article.objects.with_outlet().newest_first()
    return render(request, "archive/article_list.html", {"articles": articles})


def article_detail(request, slug):
    article = get_object_or_404(Article.objects.with_outlet(), slug=slug)
    return render(request, "archive/article_detail.html", {"article": article})


def quote_list(request):
    quotes = Quote.objects.with_sources().chronological()
    return render(request, "archive/quote_list.html", {"quotes": quotes})


def quote_detail(request, slug):
    quote = get_object_or_404(Quote.objects.with_sources(), slug=slug)
    return render(request, "archive/quote_detail.html", {"quote": quote})
