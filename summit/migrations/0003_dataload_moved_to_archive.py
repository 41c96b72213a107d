"""DataLoad now belongs to the archive app (archive 0006); only the migration state changes."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("summit", "0002_dataload_published_at"),
        ("archive", "0006_dataload"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel("DataLoad")])
    ]
