"""The "Editors" and "Publishers" groups: exactly the permissions each needs to curate the archive in the admin."""
from django.contrib.auth.models import Group, Permission
from django.db.models import Q

EDITORS_GROUP = "Editors"
PUBLISHERS_GROUP = "Publishers"

# Editors view, add and change every archive record. They delete only the parts of an entry
# (attendees, decisions, citations, agenda items, aliases); top-level records and sources are
# withdrawn rather than deleted, so nothing that was once public silently disappears.
CURATED_APPS = ("sources", "meetings", "operations", "editorial", "figures", "organisations", "curation", "synonyms")
DELETABLE_MODELS = (
    "citation",
    "attendee",
    "decision",
    "meetingagendaitem",
    "bodyalias",
    "personalias",
    "operationalias",
    "organisationalias",
    "organisationcitation",
    # A synonym set is a search aid, never shown as a record: nothing public disappears with it.
    "synonymset",
)
# Publishing, withdrawing and correcting published records, and rewording a published correction,
# are the publishers' (editorial.services checks the first; the admin checks the second).
PUBLISHER_ONLY = (("editorial", "publish_records"), ("editorial", "change_correction"))


def _publisher_only() -> Q:
    condition = Q(pk__in=[])
    for app_label, codename in PUBLISHER_ONLY:
        condition |= Q(content_type__app_label=app_label, codename=codename)
    return condition


def editor_permissions():
    return (
        Permission.objects.filter(content_type__app_label__in=CURATED_APPS)
        .filter(
            Q(codename__startswith="view_")
            | Q(codename__startswith="add_")
            | Q(codename__startswith="change_")
            | Q(codename__in=[f"delete_{model}" for model in DELETABLE_MODELS])
        )
        .exclude(_publisher_only())
        # History rows are written by the history library, never by hand.
        .exclude(Q(codename__contains="_historical") & ~Q(codename__startswith="view_"))
    )


def publisher_permissions():
    return Permission.objects.filter(Q(pk__in=editor_permissions().values("pk")) | _publisher_only())


def editors_group_sync() -> Group:
    """Create the Editors group if needed and set its permissions to exactly the editors' set."""
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    group.permissions.set(editor_permissions())
    return group


def publishers_group_sync() -> Group:
    """Create the Publishers group if needed: the editors' permissions plus publishing and corrections."""
    group, _ = Group.objects.get_or_create(name=PUBLISHERS_GROUP)
    group.permissions.set(publisher_permissions())
    return group
