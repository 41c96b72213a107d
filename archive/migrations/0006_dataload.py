"""DataLoad moves from the summit app to the archive (the table stays as it is)."""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0005_sources_structure"),
        ("summit", "0002_dataload_published_at"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="DataLoad",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("loaded_at", models.DateTimeField(default=django.utils.timezone.now)),
                        (
                            "published_at",
                            models.DateTimeField(default=django.utils.timezone.now, null=True),
                        ),
                    ],
                    options={"get_latest_by": "id", "db_table": "summit_dataload"},
                )
            ]
        )
    ]
