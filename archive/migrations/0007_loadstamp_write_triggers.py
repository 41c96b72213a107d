"""The load stamp (archive.models.LoadStamp) and the triggers that delete it on every write to
a table load_archive writes, so that the loader can tell the database is exactly as it left it
(archive.loading.reuse). SQLite and PostgreSQL; on another database there are no triggers and
the loader always checks every record."""

from django.db import migrations, models

# Every table load_archive writes (archive.loading.reuse.written_tables; a test keeps them equal).
WRITTEN_TABLES = [
    "archive_outlet",
    "archive_person",
    "archive_role",
    "archive_meeting",
    "archive_participation",
    "archive_article",
    "archive_article_authors",
    "archive_article_meetings",
    "archive_article_people_mentioned",
    "archive_quote",
    "archive_quote_relayed_by",
    "archive_quote_same_statement",
]
EVENTS = ["insert", "update", "delete"]
FUNCTION = "archive_clear_load_stamp"


def trigger_name(table, event=None):
    return f"{table}_{event}_clears_load_stamp" if event else f"{table}_clears_load_stamp"


def install(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for table in WRITTEN_TABLES:
            for event in EVENTS:
                schema_editor.execute(
                    f'CREATE TRIGGER "{trigger_name(table, event)}" AFTER {event.upper()} ON '
                    f'"{table}" BEGIN DELETE FROM "archive_loadstamp"; END'
                )
    elif vendor == "postgresql":
        schema_editor.execute(
            f"CREATE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN DELETE FROM archive_loadstamp; RETURN NULL; END $$"
        )
        # For each row: a statement that changes no row (an UPDATE matching none) leaves it.
        for table in WRITTEN_TABLES:
            schema_editor.execute(
                f'CREATE TRIGGER "{trigger_name(table)}" AFTER INSERT OR UPDATE OR DELETE ON '
                f'"{table}" FOR EACH ROW EXECUTE PROCEDURE {FUNCTION}()'
            )
            schema_editor.execute(
                f'CREATE TRIGGER "{trigger_name(table, "truncate")}" AFTER TRUNCATE ON '
                f'"{table}" FOR EACH STATEMENT EXECUTE PROCEDURE {FUNCTION}()'
            )


def remove(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for table in WRITTEN_TABLES:
            for event in EVENTS:
                schema_editor.execute(f'DROP TRIGGER IF EXISTS "{trigger_name(table, event)}"')
    elif vendor == "postgresql":
        for table in WRITTEN_TABLES:
            for name in (trigger_name(table), trigger_name(table, "truncate")):
                schema_editor.execute(f'DROP TRIGGER IF EXISTS "{name}" ON "{table}"')
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}()")


class Migration(migrations.Migration):
    dependencies = [("archive", "0006_dataload")]

    operations = [
        migrations.CreateModel(
            name="LoadStamp",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("token", models.CharField(max_length=32)),
            ],
        ),
        migrations.RunPython(install, remove),
    ]
