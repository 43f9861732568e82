from django.core.management.base import BaseCommand, CommandError

from figures.services import DEFAULT_CURATED_FIGURES, CuratedFileError, figures_load_curated


class Command(BaseCommand):
    help = (
        "Load the curated figures (regions, measures, figures quoted by the seed articles). "
        "Run `import_sources seeds/` first: each figure cites an imported source. Existing records are left as they are, "
        "so running it again changes nothing; a bad item is reported by name, the others still load, and the command then fails."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(DEFAULT_CURATED_FIGURES), help="Curated JSON file (default: the seed figures).")

    def handle(self, *args, file, verbosity, **options):
        try:
            report = figures_load_curated(path=file)
        except CuratedFileError as error:
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
