"""manage.py eval_draft: how draft_article does against hand-made records, in two tables."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive import source_checks
from archive.drafting import Reference
from archive.drafting.evaluation import held_out_scores, seed_scores, table

HELD_OUT_DIR = Path(settings.BASE_DIR) / "tests" / "drafting" / "held_out"


class Command(BaseCommand):
    help = (
        "Draft records for the five source documents and the held-out test articles, and compare "
        "them with the curated fixtures and the hand-made expected records."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seeds", type=Path, default=None, help="The source documents.")
        parser.add_argument("--fixtures", type=Path, default=settings.FIXTURES_DIR)
        parser.add_argument("--held-out", type=Path, default=HELD_OUT_DIR)

    def handle(self, *args, seeds, fixtures, held_out, **options):
        seeds = seeds or source_checks.seeds_dir()
        if not seeds.is_dir() or not any(seeds.glob("*.txt")):
            raise CommandError(f"No source documents in {seeds}: set SEEDS_DIR or --seeds.")
        reference = Reference.from_fixtures(fixtures)
        text, _ = table(
            seed_scores(reference, fixtures, seeds),
            "Source documents against the curated fixtures (the drafter was built on these)",
        )
        self.stdout.write(text + "\n\n")
        text, _ = table(
            held_out_scores(reference, held_out),
            "Held-out articles against hand-made records (not what the drafter was built on)",
        )
        self.stdout.write(text)
