"""Every curated record's admin pages open for publishers and editors, with the workflow fields read-only."""
import pytest
from django.contrib import admin
from django.urls import reverse

from editorial.models import Discrepancy
from editorial.services import record_correct
from operations.models import Region
from tests.conftest import signed_in

CURATED_APPS = {"sources", "meetings", "operations", "editorial"}
MODELS = sorted(
    (model for model in admin.site._registry if model._meta.app_label in CURATED_APPS),
    key=lambda model: model._meta.label,
)


@pytest.fixture
def archive(make_attendee, make_decision, make_operation, make_person, make_office, make_source, make_citation):
    """One record of each curated kind, published."""
    attendee = make_attendee(person=make_person(), office=make_office())
    decision = make_decision(meeting=attendee.meeting)
    make_operation()
    Region.objects.create(name="Balochistan", slug="balochistan", kind=Region.Kind.PROVINCE)
    first = make_citation(decision, source=make_source(text="The committee said it was internal."))
    second = make_citation(decision, source=make_source(text="The committee said it was international."))
    discrepancy = Discrepancy.objects.create(slug="d", title="Internal or international", description="They differ.", decision=decision)
    discrepancy.citations.set([first, second])
    record_correct(record=decision, user=None, note="Corrected the wording.")


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.label)
def test_admin_pages_open(model, archive, publisher, editor):
    record = model.objects.order_by("pk").first()
    assert record is not None
    info = (model._meta.app_label, model._meta.model_name)
    for user in (publisher, editor):
        client = signed_in(user)
        assert client.get(reverse("admin:%s_%s_changelist" % info)).status_code == 200
        change = client.get(reverse("admin:%s_%s_change" % info, args=[record.pk]))
        assert change.status_code == 200, (user, change.content.decode()[:500])
        history = client.get(reverse("admin:%s_%s_history" % info, args=[record.pk]))
        assert history.status_code == 200
    page = signed_in(publisher).get(reverse("admin:%s_%s_change" % info, args=[record.pk])).content.decode()
    assert 'name="status"' not in page  # moved only by the workflow's actions and buttons
    if hasattr(record, "version"):
        assert 'name="expected_version"' in page
