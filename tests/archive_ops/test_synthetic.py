"""generate_synthetic at a tiny scale: exact counts, marked records, true quotes, reproducible, refuses real data."""
import pytest
from django.core.management import CommandError, call_command

from archive_ops.synthetic import SLUG_PREFIX, SYNTHETIC_OUTLET, TITLE_PREFIX
from meetings.models import Attendee, Body, Decision, Meeting, Office, Person
from operations.models import Operation, Region
from sources.models import Citation, SourceDocument

TINY = ["--meetings", "6", "--decisions", "40", "--attendees", "50", "--sources", "14", "--batch-size", "7"]


def fingerprint():
    return (
        list(Meeting.objects.order_by("slug").values_list("slug", "title", "date", "date_precision", "place", "body__name")),
        list(Decision.objects.order_by("meeting__slug", "order").values_list("meeting__slug", "order", "text", "domain")),
        list(Attendee.objects.order_by("meeting__slug", "order").values_list("meeting__slug", "person__name", "office__title", "group_label", "role")),
        list(SourceDocument.objects.order_by("slug").values_list("slug", "sha256")),
        sorted(Citation.objects.values_list("source__slug", "quote", "meeting__slug", "decision__text", "attendee__order")),
    )


def delete_everything():
    for model in (Citation, SourceDocument, Attendee, Decision, Meeting):
        model.objects.all().delete()
    Operation.objects.exclude(parent=None).delete()
    Body.objects.exclude(parent=None).delete()
    for model in (Operation, Region, Office, Person, Body):
        model.objects.all().delete()


@pytest.mark.django_db
def test_a_tiny_synthetic_archive_has_the_counts_asked_for_all_marked_and_cited_truly():
    call_command("generate_synthetic", *TINY, verbosity=0)
    assert Meeting.objects.count() == 6
    assert Decision.objects.count() == 40
    assert Attendee.objects.count() == 50
    assert SourceDocument.objects.count() == 14
    assert set(SourceDocument.objects.values_list("outlet", flat=True)) == {SYNTHETIC_OUTLET}
    for model in (Meeting, SourceDocument, Operation, Body, Person, Office):
        assert not model.objects.exclude(slug__startswith=SLUG_PREFIX).exists(), model
    assert not Meeting.objects.exclude(title__startswith=TITLE_PREFIX).exists()
    # Citations throughout, and every quote is in its source, as Citation.clean demands.
    citations = list(Citation.objects.select_related("source"))
    assert {"meeting", "decision", "attendee", "operation"} <= {
        name for citation in citations for name in ("meeting", "decision", "attendee", "operation") if getattr(citation, f"{name}_id")
    }
    assert Decision.objects.filter(citations__isnull=True).count() == 0
    for citation in citations:
        citation.full_clean()
    # Every meeting reported by at least one source; most records published, as in a real archive.
    assert not Meeting.objects.filter(citations__isnull=True).exists()
    assert Meeting.objects.published().count() >= 4


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_archive_and_another_seed_another():
    call_command("generate_synthetic", *TINY, "--seed", "7", verbosity=0)
    first = fingerprint()
    delete_everything()
    call_command("generate_synthetic", *TINY, "--seed", "7", verbosity=0)
    assert fingerprint() == first
    delete_everything()
    call_command("generate_synthetic", *TINY, "--seed", "8", verbosity=0)
    assert fingerprint() != first


@pytest.mark.django_db
def test_it_refuses_a_database_with_real_records_unless_forced(make_meeting):
    real = make_meeting(title="Apex committee meeting", slug="apex-committee-2024-06-22")
    with pytest.raises(CommandError, match="Refusing to mix synthetic records"):
        call_command("generate_synthetic", *TINY, verbosity=0)
    assert Meeting.objects.get() == real
    call_command("generate_synthetic", *TINY, "--force", verbosity=0)
    assert Meeting.objects.count() == 7


@pytest.mark.django_db
def test_it_refuses_to_generate_twice_and_rejects_bad_counts():
    call_command("generate_synthetic", *TINY, verbosity=0)
    with pytest.raises(CommandError, match="already holds a synthetic archive"):
        call_command("generate_synthetic", *TINY, verbosity=0)
    with pytest.raises(CommandError, match="at least 1"):
        call_command("generate_synthetic", "--meetings", "0", verbosity=0)
