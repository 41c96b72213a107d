from django.apps import AppConfig


class SummitConfig(AppConfig):
    """The project package as an app, for its one model (DataLoad) and its migrations."""

    name = "summit"
    default_auto_field = "django.db.models.BigAutoField"
