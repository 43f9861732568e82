"""The command behind `load_curated_figures` and `load_curated_organisations`: load a file item by item, report, fail loudly."""
from django.core.management.base import BaseCommand, CommandError

from seeding.files import CuratedDataError


class CuratedItemsCommand(BaseCommand):
    """Subclasses set `help`, `default_path`, `what` (for --file's help) and `load` (a `*_load_curated` service)."""

    default_path = None
    what = "records"

    @staticmethod
    def load(*, path):
        raise NotImplementedError

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(self.default_path), help=f"Curated JSON file (default: the seed {self.what}).")

    def handle(self, *args, file, verbosity, **options):
        try:
            report = self.load(path=file)
        except CuratedDataError as error:
            raise CommandError(str(error)) from error
        if verbosity >= 2:
            for line in report.created:
                self.stdout.write(self.style.SUCCESS(f"created {line}"))
        for line in report.notes:
            self.stdout.write(self.style.NOTICE(line))
        for line in report.failed:
            self.stderr.write(self.style.ERROR(f"{file}: {line}"))
        self.stdout.write(f"{len(report.created)} created, {len(report.present)} already present, {len(report.failed)} failed.")
        if report.failed:
            raise CommandError(f"{len(report.failed)} item(s) of {file} could not be loaded.")
