from django.core.management.base import BaseCommand, CommandError

from seeding.discrepancies import DEFAULT_PATH, curated_discrepancies_load
from seeding.files import CuratedDataError


class Command(BaseCommand):
    help = "Load the curated discrepancies between the seed reports and the statements they carry (after load_curated_archive)."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(DEFAULT_PATH), help="The JSON file (default: the curated one).")

    def handle(self, *args, path, **options):
        try:
            counts = curated_discrepancies_load(path=path)
        except CuratedDataError as error:
            raise CommandError(str(error))
        self.stdout.write(", ".join(f"{counts[key]} {key}" for key in ("created", "updated", "unchanged", "kept", "published")))
