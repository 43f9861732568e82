import time

from django.core.management.base import BaseCommand, CommandError

from sources.importing import Outcome, sources_import_paths


class Command(BaseCommand):
    help = (
        "Import plain-text articles (files, or folders searched recursively) as draft sources. "
        "The text is stored exactly as in the file; a text already in the archive is not stored again. "
        "Unusable files are reported by name and skipped, every other file is still imported, "
        "and the command then exits with an error."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="A UTF-8 text file, or a folder of them.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would be imported without writing anything."
        )

    def handle(self, *args, paths, dry_run, verbosity, **options):
        counts = dict.fromkeys(Outcome, 0)
        failed_names = []
        started = time.perf_counter()
        for position, total, result in sources_import_paths(paths=paths, dry_run=dry_run):
            # Each file's time (reading it, storing it and proposing records from it), so a slow one is seen.
            finished = time.perf_counter()
            seconds, started = finished - started, finished
            counts[result.outcome] += 1
            line = f"[{position}/{total}] {result.name}: {result.message} ({seconds:.1f} s)"
            if result.outcome is Outcome.FAILED:
                failed_names.append(result.name)
                self.stdout.write(self.style.ERROR(line))
            elif verbosity >= 1:
                style = self.style.SUCCESS if result.outcome is Outcome.IMPORTED else self.style.NOTICE
                self.stdout.write(style(line))

        imported = counts[Outcome.IMPORTED]
        present = counts[Outcome.ALREADY_PRESENT]
        failed = counts[Outcome.FAILED]
        if dry_run:
            summary = f"Dry run: {imported} would be imported, {present} already present, {failed} failed. Nothing was written."
        else:
            summary = f"{imported} imported, {present} already present, {failed} failed."
        if imported == 0 and present and not failed:
            summary += " Nothing new: every file is already in the archive."
        self.stdout.write(summary)
        if failed_names:
            raise CommandError(f"{failed} file(s) could not be imported: {', '.join(failed_names)}")
