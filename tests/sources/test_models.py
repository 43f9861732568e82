import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.db.models import ProtectedError

from sources.models import Citation, SourceDocument


def test_source_digest_is_the_sha256_of_its_utf8_bytes(db):
    text = "Prime Minister Shehbaz Sharif on Saturday gave the go-ahead to Operation “Azm-e-Istehkam”."
    source = SourceDocument(text=text, slug="report")
    source.full_clean()
    assert source.sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_the_same_text_is_never_stored_twice(make_source):
    existing = make_source(text="One report.")
    duplicate = SourceDocument(text="One report.", slug="another")
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert str(existing) in error.value.message_dict["text"][0]
    with pytest.raises(IntegrityError):
        SourceDocument.objects.create(text="One report.", slug="another", sha256=existing.sha256)


def test_stored_text_cannot_be_altered(make_source):
    source = make_source(text="The committee met on Tuesday.")
    source.text = "The committee met on Wednesday."
    with pytest.raises(ValidationError) as error:
        source.full_clean()
    assert "never altered" in error.value.message_dict["text"][0]


def test_citation_quote_must_be_in_the_source(make_source, make_meeting):
    source = make_source(text="An assessment of the international security situation was also carried out.")
    citation = Citation(source=source, meeting=make_meeting(), quote="assessment of the internal security situation")
    with pytest.raises(ValidationError) as error:
        citation.full_clean()
    assert "not in the source" in error.value.message_dict["quote"][0]


def test_citation_quote_is_matched_exactly_after_trimming(make_source, make_meeting):
    source = make_source(text="Operation ‘AZM-E-ISTEHKAM’ was launched.")
    citation = Citation(source=source, meeting=make_meeting(), quote="  Operation ‘AZM-E-ISTEHKAM’ \n")
    citation.full_clean()
    assert citation.quote == "Operation ‘AZM-E-ISTEHKAM’"
    wrong_quotes = Citation(source=source, meeting=citation.meeting, quote="Operation 'AZM-E-ISTEHKAM'")
    with pytest.raises(ValidationError):
        wrong_quotes.full_clean()


def test_citation_supports_exactly_one_fact(make_source, make_meeting, make_decision):
    source = make_source(text="The meeting decided to act.")
    meeting = make_meeting()
    with pytest.raises(ValidationError):
        Citation(source=source, quote="decided", meeting=meeting, decision=make_decision(meeting=meeting)).full_clean()
    with pytest.raises(ValidationError):
        Citation(source=source, quote="decided").full_clean()
    with pytest.raises(IntegrityError):
        Citation.objects.create(source=source, quote="decided")


def test_a_cited_source_cannot_be_deleted(make_source, make_meeting, make_citation):
    source = make_source(text="The apex committee met.")
    make_citation(make_meeting(), quote="apex committee", source=source)

    with pytest.raises(ProtectedError):
        source.delete()
