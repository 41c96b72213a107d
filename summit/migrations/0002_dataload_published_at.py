import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("summit", "0001_initial")]

    operations = [
        # Loads made before this field existed were published when they were made.
        migrations.AddField(
            model_name="dataload",
            name="published_at",
            field=models.DateTimeField(default=django.utils.timezone.now, null=True),
        ),
    ]
