from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from seeding.archive import DEFAULT_PATH, curated_archive_load
from seeding.files import CuratedDataError


class Command(BaseCommand):
    help = (
        "Load the curated seed archive (meetings, attendees, decisions, operations and their citations) into "
        "the database. Run `import_sources seeds/` first. Loading again updates records in place and adds "
        "nothing twice; if any record is invalid, nothing is written and the error names it."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            nargs="?",
            default=str(DEFAULT_PATH),
            help=f"The archive file to load (default: the one shipped with NAP Archive, {DEFAULT_PATH.name}).",
        )

    def handle(self, *args, path, **options):
        try:
            curated_archive_load(path=Path(path), stdout=self.stdout)
        except CuratedDataError as error:
            raise CommandError(f"The curated archive was not loaded, nothing was changed. {error}") from error
