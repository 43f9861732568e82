import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from meetings.models import Meeting
from foundations.publication import PublicationStatus
from sources.editors import EDITORS_GROUP, editors_group_sync, publishers_group_sync
from sources.models import Citation, SourceDocument
from tests.editorial.conftest import inline_management


def meeting_form_data(meeting_body, **overrides):
    data = {
        "body": meeting_body.pk,
        "title": "Central Apex Committee meeting",
        "slug": "central-apex-committee-meeting",
        "status": PublicationStatus.DRAFT,
        "date": "2024-06-22",
        "date_precision": "day",
        "weekday": "",
        "date_note": "",
        "place": "Islamabad",
        "summary": "",
    }
    for prefix in ("agenda_items", "attendees", "decisions", "citations"):
        data.update(inline_management(prefix))
    data.update(overrides)
    return data


def test_anonymous_visitors_are_sent_to_the_login_page(client, db):
    for url in (reverse("admin:index"), reverse("admin:meetings_meeting_changelist")):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


def test_no_account_exists_after_setting_up(db):
    call_command("create_editors_group", stdout=None)
    assert get_user_model().objects.count() == 0


def test_editors_group_is_idempotent_and_exact(db):
    first = set(editors_group_sync().permissions.values_list("codename", flat=True))
    second = set(editors_group_sync().permissions.values_list("codename", flat=True))
    assert first == second
    assert Group.objects.filter(name=EDITORS_GROUP).count() == 1
    assert {"add_meeting", "change_meeting", "view_meeting", "add_citation", "delete_citation"} <= first
    assert "delete_sourcedocument" not in first
    assert "delete_meeting" not in first
    assert not any(codename.endswith("_user") or codename.endswith("_group") for codename in first)


def test_editor_sees_the_archive_but_not_user_accounts(editor_client):
    assert editor_client.get(reverse("admin:meetings_meeting_changelist")).status_code == 200
    assert editor_client.get(reverse("admin:sources_sourcedocument_changelist")).status_code == 200
    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403


def test_editor_cannot_delete_a_source(editor_client, make_source):
    source = make_source()
    response = editor_client.post(reverse("admin:sources_sourcedocument_delete", args=[source.pk]), {"post": "yes"})
    assert response.status_code == 403
    assert SourceDocument.objects.filter(pk=source.pk).exists()


def test_editor_adds_a_meeting_with_a_cited_quote(editor_client, make_body, make_source):
    body = make_body()
    source = make_source(text="The apex committee met in Islamabad on 22 June.")
    data = meeting_form_data(
        body,
        **inline_management("citations", total=1),
        **{"citations-0-source": source.pk, "citations-0-quote": "met in Islamabad on 22 June", "citations-0-note": ""},
    )
    response = editor_client.post(reverse("admin:meetings_meeting_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    meeting = Meeting.objects.get(slug="central-apex-committee-meeting")
    assert meeting.citations.get().source == source
    assert meeting.status == PublicationStatus.DRAFT


def test_admin_refuses_control_characters_naming_the_field(editor_client, make_body):
    data = meeting_form_data(make_body(), title="Central Apex\x1b[1m meeting", summary="Line one\r\nline two")
    response = editor_client.post(reverse("admin:meetings_meeting_add"), data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert list(errors) == ["title"] and "U+001B" in errors["title"][0]
    assert not Meeting.objects.exists()


def test_admin_refuses_a_source_url_that_is_not_a_uri(editor_client, make_source):
    source = make_source(status=PublicationStatus.DRAFT)
    url = reverse("admin:sources_sourcedocument_change", args=[source.pk])
    form = editor_client.get(url).context["adminform"].form
    data = {field.html_name: field.value() for field in form if field.value() is not None} | inline_management("citations")
    # Django's form field takes an IRI; the API schema promises a URI, so letters outside A-Z are escaped.
    data["url"] = "https://ur.example.org/پاکستان"
    response = editor_client.post(url, data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert list(errors) == ["url"] and "percent-encoded" in errors["url"][0]
    data["url"] = "https://ur.example.org/%D9%BE"
    assert editor_client.post(url, data).status_code == 302
    source.refresh_from_db()
    assert source.url == "https://ur.example.org/%D9%BE"


def test_admin_refuses_a_quote_that_is_not_in_the_source(editor_client, make_body, make_source):
    body = make_body()
    source = make_source(text="The apex committee met in Islamabad on 22 June.")
    data = meeting_form_data(
        body,
        **inline_management("citations", total=1),
        **{"citations-0-source": source.pk, "citations-0-quote": "met in Lahore on 22 June", "citations-0-note": ""},
    )
    response = editor_client.post(reverse("admin:meetings_meeting_add"), data)
    assert response.status_code == 200
    assert "not in the source" in response.content.decode()
    assert not Meeting.objects.exists()
    assert not Citation.objects.exists()


def test_meeting_page_shows_the_cited_source_text_beside_the_form(editor_client, make_meeting, make_citation, make_source):
    meeting = make_meeting()
    source = make_source(text="A meeting of the Central Apex Committee was chaired by the Prime Minister.")
    make_citation(meeting, quote="chaired by the Prime Minister", source=source)
    response = editor_client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))
    assert response.status_code == 200
    assert "Source texts" in response.content.decode()
    assert source.text in response.content.decode()


def test_source_text_cannot_be_edited_once_stored(editor_client, make_source):
    source = make_source(text="Original wording of the report.")
    response = editor_client.get(reverse("admin:sources_sourcedocument_change", args=[source.pk]))
    assert 'name="text"' not in response.content.decode()


def test_bulk_publish_and_withdraw(client, editor, make_meeting, make_citation):
    # Publishing is a publisher's act, and each meeting needs a citation (tests/editorial has the details).
    editor.groups.add(publishers_group_sync())
    client.force_login(editor)
    drafts = [make_meeting(status=PublicationStatus.DRAFT) for _ in range(2)]
    for meeting in drafts:
        make_citation(meeting)
    url = reverse("admin:meetings_meeting_changelist")
    ids = [meeting.pk for meeting in drafts]
    client.post(url, {"action": "publish_selected", "_selected_action": ids})
    assert Meeting.objects.published().filter(pk__in=ids).count() == 2
    client.post(url, {"action": "withdraw_selected", "_selected_action": ids})
    assert Meeting.objects.published().filter(pk__in=ids).count() == 0


def test_autocomplete_finds_people_by_alias(editor_client, make_person, make_meeting):
    person = make_person(name="Shehbaz Sharif", slug="shehbaz-sharif")
    person.aliases.create(name="Muhammad Shehbaz Sharif")
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"term": "Muhammad", "app_label": "meetings", "model_name": "attendee", "field_name": "person"},
    )
    assert response.status_code == 200
    assert [result["text"] for result in response.json()["results"]] == ["Shehbaz Sharif"]


def test_changelists_search_and_filter(editor_client, make_meeting):
    make_meeting(title="Federal apex committee on Balochistan", slug="federal-balochistan")
    make_meeting(title="Provincial apex committee Sindh", slug="sindh")
    response = editor_client.get(reverse("admin:meetings_meeting_changelist"), {"q": "Balochistan"})
    assert response.context["cl"].result_count == 1
    response = editor_client.get(reverse("admin:meetings_meeting_changelist"), {"status__exact": "published"})
    assert response.context["cl"].result_count == 2


def test_editor_can_read_a_source_while_adding_a_meeting_from_it(editor_client, make_source):
    source = make_source(text="The federal apex committee of the National Action Plan has approved an operation.")
    page = editor_client.get(reverse("admin:sources_sourcedocument_change", args=[source.pk])).content.decode()
    add_url = f"{reverse('admin:meetings_meeting_add')}?source={source.pk}"
    assert add_url in page
    response = editor_client.get(add_url)
    assert source.text in response.content.decode()


def test_editor_reviews_proposals_figures_and_organisations(editor_client):
    for name in ("curation_proposal", "figures_figure", "organisations_organisation"):
        assert editor_client.get(reverse(f"admin:{name}_changelist")).status_code == 200, name


def test_editors_never_write_history_rows_by_hand(db):
    codenames = set(editors_group_sync().permissions.values_list("codename", flat=True))
    assert "view_historicalmeeting" in codenames
    assert not any("historical" in codename and not codename.startswith("view_") for codename in codenames)
