from django.urls import path

from . import views

app_name = "archive"

# Public, permanent addresses: tests request them literally, so they cannot change by accident.
urlpatterns = [
    path("", views.home, name="home"),
    path("meetings/", views.meeting_list, name="meeting_list"),
    path("meetings/<slug:slug>/", views.meeting_detail, name="meeting"),
    path("people/", views.person_list, name="person_list"),
    path("people/<slug:slug>/", views.person_detail, name="person"),
    path("outlets/", views.outlet_list, name="outlet_list"),
    path("outlets/<slug:slug>/", views.outlet_detail, name="outlet"),
    path("articles/", views.article_list, name="article_list"),
    path("articles/<slug:slug>/", views.article_detail, name="article"),
    path("quotes/", views.quote_list, name="quote_list"),
    path("quotes/<slug:slug>/", views.quote_detail, name="quote"),
    path("about/", views.about, name="about"),
    path("favicon.ico", views.favicon, name="favicon"),
]
