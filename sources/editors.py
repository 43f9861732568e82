"""The "Editors" group: exactly the permissions editors need to curate the archive in the admin."""
from django.contrib.auth.models import Group, Permission
from django.db.models import Q

EDITORS_GROUP = "Editors"

# Editors view, add and change every archive record. They delete only the parts of an entry
# (attendees, decisions, citations, agenda items, aliases); top-level records and sources are
# unpublished rather than deleted, so nothing that was once public silently disappears.
CURATED_APPS = ("sources", "meetings", "operations")
DELETABLE_MODELS = (
    "citation",
    "attendee",
    "decision",
    "meetingagendaitem",
    "bodyalias",
    "personalias",
    "operationalias",
)


def editor_permissions():
    return Permission.objects.filter(content_type__app_label__in=CURATED_APPS).filter(
        Q(codename__startswith="view_")
        | Q(codename__startswith="add_")
        | Q(codename__startswith="change_")
        | Q(codename__in=[f"delete_{model}" for model in DELETABLE_MODELS])
    )


def editors_group_sync() -> Group:
    """Create the Editors group if needed and set its permissions to exactly the editors' set."""
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    group.permissions.set(editor_permissions())
    return group
