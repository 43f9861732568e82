"""Editors keep the synonym sets in the admin; search uses a set as soon as it is saved."""
from django.urls import reverse

from naparchive.search import archive_search
from synonyms.models import SynonymSet

ADD = reverse("admin:synonyms_synonymset_add")


def test_the_seeded_sets_are_there(db):
    words = [synonym_set.word_list for synonym_set in SynonymSet.objects.all()]
    assert ["Balochistan", "Baluchistan", "بلوچستان"] in words
    assert any({"madrasa", "madrassa", "madrassah", "madaris", "seminary"} <= set(set_words) for set_words in words)
    assert any({"NACTA", "National Counter Terrorism Authority"} <= set(set_words) for set_words in words)
    assert any({"KP", "KPK", "Khyber Pakhtunkhwa"} <= set(set_words) for set_words in words)


def test_an_editor_adds_a_set_and_search_uses_it(editor_client, make_source):
    make_source(text="The provincial government registered every seminary in Quetta.", slug="quetta")
    assert archive_search(query="Shaal").total == 0
    response = editor_client.post(ADD, {"words": "Quetta\r\nShaal", "note": "Quetta's older name."})
    assert response.status_code == 302, response.content.decode()
    synonym_set = SynonymSet.objects.get(note="Quetta's older name.")
    assert synonym_set.history.count() == 1 and synonym_set.history.first().history_user.username == "alice"
    assert archive_search(query="Shaal").total == 1


def test_a_set_of_one_word_is_refused_naming_the_field(editor_client):
    response = editor_client.post(ADD, {"words": "Quetta\nQUETTA", "note": ""})
    assert response.status_code == 200
    assert "Give at least two different words, one a line." in response.content.decode()
    assert not SynonymSet.objects.filter(words__startswith="Quetta").exists()


def test_control_characters_are_refused(editor_client):
    response = editor_client.post(ADD, {"words": "Quetta\nSha\x07al", "note": ""})
    assert response.status_code == 200
    assert not SynonymSet.objects.filter(words__startswith="Quetta").exists()


def test_readers_and_anonymous_visitors_cannot_change_synonyms(client, staff_client, db):
    assert client.post(ADD, {"words": "a\nb"}).status_code == 302  # to the login page
    assert staff_client.post(ADD, {"words": "a\nb"}).status_code == 403
    assert not SynonymSet.objects.filter(words="a\nb").exists()


def test_bulk_deletion_is_not_offered(editor_client):
    page = editor_client.get(reverse("admin:synonyms_synonymset_changelist")).content.decode()
    assert "delete_selected" not in page
