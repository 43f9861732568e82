import sys

from django.core.management.base import BaseCommand, CommandError

from archive_ops.backup import archive_backup


class Command(BaseCommand):
    help = (
        "Back up the whole archive (sources, curated records, citations, history, users) to one JSON Lines file. "
        "Password hashes and API tokens are left out unless --with-password-hashes."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Where to write the backup; '-' for standard output.")
        parser.add_argument(
            "--with-password-hashes",
            action="store_true",
            help="Include password hashes and API tokens (keep such a file as secret as the database).",
        )

    def handle(self, *args, file, with_password_hashes, **options):
        if file == "-":
            counts = archive_backup(stream=sys.stdout, with_password_hashes=with_password_hashes)
            return
        try:
            with open(file, "w", encoding="utf-8", newline="\n") as stream:
                counts = archive_backup(stream=stream, with_password_hashes=with_password_hashes)
        except OSError as error:
            raise CommandError(f"Cannot write the backup to {file}: {error.strerror}.") from error
        total = sum(counts.values())
        self.stdout.write(self.style.SUCCESS(f"Backed up {total} records of {len(counts)} kinds to {file}."))
        if not with_password_hashes:
            self.stdout.write("Password hashes and API tokens were left out: restored users must reset their passwords.")
