from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = "Archive"

    def ready(self):
        from . import catalogue
        from .models import Meeting, Outlet, Person, Role

        # The loader changes the data version, which renews the catalogue everywhere; any
        # other write (a test, a shell) must not leave this process reading old records.
        for model in (Person, Role, Meeting, Outlet):
            post_save.connect(catalogue.forget, sender=model, dispatch_uid=f"catalogue-{model}")
            post_delete.connect(catalogue.forget, sender=model, dispatch_uid=f"catalogue-{model}")
