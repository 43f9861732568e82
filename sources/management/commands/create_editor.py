import getpass
import os

from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from sources.editors import editors_group_sync, publishers_group_sync


class Command(BaseCommand):
    help = (
        "Create an editor account: staff access to the admin and membership of the Editors group. "
        "The password is asked for interactively, or read from the EDITOR_PASSWORD environment variable; "
        "there is no default password."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument("--publisher", action="store_true", help="Also add the account to the Publishers group (may publish, withdraw and correct).")

    def handle(self, *args, username, email, publisher=False, **options):

        User = get_user_model()
        if User.objects.filter(username=username).exists():
            raise CommandError(f"A user named {username!r} already exists.")
        password = os.environ.get("EDITOR_PASSWORD") or self._ask_password()
        user = User(username=username, email=email, is_staff=True)
        try:
            password_validation.validate_password(password, user)
        except ValidationError as error:
            raise CommandError("Password refused: " + " ".join(error.messages)) from None
        user.set_password(password)
        user.save()
        user.groups.add(editors_group_sync())
        if publisher:
            user.groups.add(publishers_group_sync())
        self.stdout.write(self.style.SUCCESS(f"Editor {username!r} created. Sign in at /admin/."))

    def _ask_password(self) -> str:
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Password (again): "):
            raise CommandError("The two passwords differ.")
        return password
