from django.core.management.base import BaseCommand

from sources.editors import editors_group_sync


class Command(BaseCommand):
    help = "Create or update the Editors group with exactly the permissions editors need. Safe to run again."

    def handle(self, *args, **options):
        group = editors_group_sync()
        self.stdout.write(f"Group “{group.name}” has {group.permissions.count()} permissions.")
