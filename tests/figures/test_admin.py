"""Editors curate figures and organisations in the admin, with the cited source's text beside the form."""
import pytest
from django.urls import reverse


@pytest.fixture
def admin_client_logged_in(client, django_user_model):
    user = django_user_model.objects.create_superuser("chief", "chief@example.org", "a long admin passphrase")
    client.force_login(user)
    return client


def test_the_figure_form_shows_the_source_text_beside_it(admin_client_logged_in, conviction_rates):
    punjab = conviction_rates["Punjab"]
    page = admin_client_logged_in.get(reverse("admin:figures_figure_change", args=[punjab.pk])).content.decode()
    assert "Source texts" in page
    assert "Khyber Pakhtunkhwa at 35 percent" in page


def test_figures_are_searched_and_filtered_in_the_admin(admin_client_logged_in, conviction_rates):
    changelist = reverse("admin:figures_figure_changelist")
    found = admin_client_logged_in.get(changelist, {"q": "rate-2023-sindh"}).context["cl"].result_list
    assert [figure.slug for figure in found] == ["conviction-rate-2023-sindh"]
    assert admin_client_logged_in.get(changelist, {"unit__exact": "percent"}).context["cl"].result_count == 5


def test_an_edit_that_breaks_the_quote_is_refused(admin_client_logged_in, conviction_rates):
    punjab = conviction_rates["Punjab"]
    url = reverse("admin:figures_figure_change", args=[punjab.pk])
    form = admin_client_logged_in.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(
        measure=punjab.measure_id,
        places=[place.pk for place in punjab.places.all()],
        source=punjab.source_id,
        value="27",
        period_start="2023-01-01",
        period_end="2023-12-31",
    )
    response = admin_client_logged_in.post(url, data)
    assert response.status_code == 200
    assert "must contain the number itself" in response.content.decode()
    punjab.refresh_from_db()
    assert punjab.value == 72


def test_the_organisation_form_shows_its_cited_source(admin_client_logged_in, make_organisation):
    bla = make_organisation(name="BLA", slug="bla", kind="banned_outfit", banned=True, citation_text="the banned outfits BLA and BLF")
    page = admin_client_logged_in.get(reverse("admin:organisations_organisation_change", args=[bla.pk])).content.decode()
    assert "Source texts" in page and "the banned outfits BLA and BLF" in page
