from django.core.management.base import BaseCommand

from sources.editors import editors_group_sync, publishers_group_sync


class Command(BaseCommand):
    help = "Create or update the Editors and Publishers groups with exactly the permissions each needs. Safe to run again."

    def handle(self, *args, **options):
        for group in (editors_group_sync(), publishers_group_sync()):
            self.stdout.write(f"Group “{group.name}” has {group.permissions.count()} permissions.")
