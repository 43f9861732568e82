from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError

from archive_ops.backup import BackupFormatError, DatabaseNotEmpty, archive_restore


class Command(BaseCommand):
    help = "Restore a backup made by backup_archive into an empty, freshly migrated database (all or nothing)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The backup file to restore.")

    def handle(self, *args, file, **options):
        try:
            with open(file, encoding="utf-8") as stream:
                counts = archive_restore(lines=stream)
        except OSError as error:
            raise CommandError(f"Cannot read the backup {file}: {error.strerror}.") from error
        except DatabaseNotEmpty as error:
            raise CommandError(str(error)) from error
        except (BackupFormatError, DeserializationError, DatabaseError, UnicodeDecodeError) as error:
            raise CommandError(f"{file} could not be restored, and nothing was written: {error}") from error
        total = sum(counts.values())
        self.stdout.write(self.style.SUCCESS(f"Restored {total} records of {len(counts)} kinds from {file}."))
