"""
The editorial workflow: who may move a record between states, saving edits without overwriting
someone else's (optimistic locking), and public correction notes.

The admin (editorial.admin_publication), the API and management commands call these same
functions, so the rules hold whichever way a record is written:

- `record_save(record=..., user=..., expected_version=n, correction_note=...)` saves an edit made from
  version n of the record. It refuses with StaleRecordError when someone saved it since, by
  `UPDATE ... SET version = n + 1 WHERE id = ... AND version = n` (so two concurrent saves cannot both
  pass), keeps the workflow fields as stored, records who changed it in the history and, for a
  published record, adds the dated public correction note.
- `record_publish`, `record_withdraw`, `record_submit_for_review`, `record_return_to_draft` move a
  record between states; publishing and withdrawing need the publish permission, and a fact
  (meeting, attendee, decision, operation) is published only with a citation whose quote is in its source.
  Each move is `UPDATE ... SET status = new WHERE id = ... AND status = old`: of two concurrent moves
  from one state exactly one wins, the other is refused with StatusConflict.
- `public_change_check(record=..., user=..., correction_note=...)` is the one rule for changing what
  readers see, used by `record_save`, `record_delete` and the admin's forms: only publishers change
  public content (a published or withdrawn record, or a citation that is public with its fact and
  source), and a change to public content needs a correction note (commands, `user=None`, excepted).

Every curated kind goes through here: the EditorialRecord kinds, the figures and organisations (a
plain draft/published status, moved by the same transitions) and the citations of either.
"""
from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

from editorial.change_log import ChangeRecorder
from editorial.models import PUBLISH_PERMISSION, Correction, Discrepancy, FormerSlug
from meetings.models import Attendee, Decision, Meeting
from foundations.publication import EditorialRecord, Publishable, PublicationStatus
from operations.models import Operation
from sources.models import Citation

DRAFT = PublicationStatus.DRAFT
IN_REVIEW = PublicationStatus.IN_REVIEW
PUBLISHED = PublicationStatus.PUBLISHED
WITHDRAWN = PublicationStatus.WITHDRAWN

# The states a record may move to from each state.
TRANSITIONS: dict[str, set[str]] = {
    DRAFT: {IN_REVIEW, PUBLISHED},
    IN_REVIEW: {DRAFT, PUBLISHED},
    PUBLISHED: {WITHDRAWN},
    WITHDRAWN: {PUBLISHED, DRAFT},
}
# Records outside the full workflow (figures, organisations) are a draft or published.
BASIC_TRANSITIONS: dict[str, set[str]] = {
    DRAFT: {PUBLISHED},
    PUBLISHED: {DRAFT},
}
# Moves into or out of public view are the publishers' call.
PUBLIC_STATES = {PUBLISHED, WITHDRAWN}

# The kinds of fact that need a citation before they are published.
FACT_MODELS = (Meeting, Attendee, Decision, Operation)

# Set only by the workflow's own transitions, never by an edit (nor by reverting to an old version).
WORKFLOW_FIELDS = ("status", "created_by_id", "reviewed_by_id", "published_at")

User = AbstractBaseUser | AnonymousUser | None


class WorkflowError(Exception):
    """The editorial action was refused; the message says why, for the editor to read."""


class PublishPermissionRequired(WorkflowError):
    pass


class NotCorroborated(WorkflowError):
    pass


class StaleRecordError(WorkflowError):
    pass


class StatusConflict(StaleRecordError):
    """Someone moved the record to another state since it was read: this move was not made."""


class CorrectionNoteRequired(WorkflowError):
    """A change to public content was made without the public correction note it needs."""


def user_can_publish(user: User) -> bool:
    """Return True if the user may publish, withdraw and correct published records (None: a command)."""
    return user is None or user.has_perm(PUBLISH_PERMISSION)


def _label(record) -> str:
    return f"{record._meta.verbose_name} “{record}”"


# --- Saving edits -----------------------------------------------------------------------------


def record_stored_state(*, record: Publishable) -> tuple[int | None, str] | None:
    """Return the stored (version, status) of the record (version None if it has none), or None if it is not saved yet."""
    if record.pk is None:
        return None
    stored = type(record)._default_manager.filter(pk=record.pk)
    if isinstance(record, EditorialRecord):
        return stored.values_list("version", "status").first()
    status = stored.values_list("status", flat=True).first()
    return None if status is None else (None, status)


def stale_record_message(*, record: EditorialRecord, expected_version: int) -> str:
    """Return what to tell an editor whose copy of the record is out of date: who saved it since, and when."""
    last = record.history.order_by("-history_date", "-history_id").select_related("history_user").first()
    since = ""
    if last is not None:
        who = last.history_user.get_username() if last.history_user else "a command"
        since = f" by {who} at {timezone.localtime(last.history_date):%H:%M on %d %B %Y}"
    return (
        f"This {record._meta.verbose_name} was changed{since}, after you opened it "
        f"(you were editing version {expected_version}). Your changes were not saved, so as not to "
        "overwrite theirs: open the record again to see what changed, then make your changes again."
    )


def _claim_version(*, record: EditorialRecord, expected_version: int | None) -> None:
    """Raise the stored version by one if it is still `expected_version` (any version if None)."""
    manager = type(record)._default_manager
    if expected_version is None:
        expected_version = manager.filter(pk=record.pk).values_list("version", flat=True).get()
    # The conditional UPDATE is the lock: of two saves from the same version, the database lets
    # exactly one match (PostgreSQL makes the second wait for the first, then re-checks the WHERE).
    claimed = manager.filter(pk=record.pk, version=expected_version).update(version=expected_version + 1)
    if not claimed:
        raise StaleRecordError(stale_record_message(record=record, expected_version=expected_version))
    record.version = expected_version + 1


def _write(record, *, user: User, change_reason: str = "") -> None:
    """Save the record, recording who changed it and why in its history."""
    if user is not None and user.is_authenticated:
        record._history_user = user
    record._change_reason = change_reason or None
    record.save()


def _stored(record: models.Model) -> models.Model | None:
    if record.pk is None:
        return None
    return type(record)._default_manager.filter(pk=record.pk).first()


def _has_status(record: models.Model) -> bool:
    return isinstance(record, Publishable)


def _shown_publicly(record: models.Model) -> bool:
    """Return True if the record, as it is stored, is public by its kind's own rule (`public()`)."""
    return record.pk is not None and type(record)._default_manager.filter(pk=record.pk).public().exists()


def _would_show_publicly(record: models.Model) -> bool:
    """Return True if a citation, as edited (not yet saved), would be public: its fact and its source are."""
    source = getattr(record, "source", None)
    shown_on = record.shown_on
    return source is not None and source.status == PUBLISHED and shown_on is not None and _shown_publicly(shown_on)


def public_change_check(
    *,
    record: models.Model,
    user: User,
    correction_note: str = "",
    deleting: bool = False,
) -> list[models.Model]:
    """
    Refuse a change to what readers see unless a publisher makes it with a correction note; return where the note goes.

    A record with a status is public content while published or withdrawn (its status never changes
    by an edit, and a new one must start unpublished); a citation (anything with `shown_on`) is while
    it is public, or would be after the change. Only publishers change public content, and a change
    to a published record or a public citation needs a correction note, published on the record
    readers see (the citation's fact). Commands (`user=None`) are trusted and write their own reason.
    """
    stored = _stored(record)
    if _has_status(record):
        status = stored.status if stored is not None else record.status
        publisher_only = status in PUBLIC_STATES
        corrected = [record] if stored is not None and status == PUBLISHED else []
        if stored is None and publisher_only and user is not None:
            raise PublishPermissionRequired(
                f"A new {record._meta.verbose_name} starts unpublished: publish it through the workflow."
            )
    elif not hasattr(record, "shown_on"):
        return []
    else:
        corrected = []
        if stored is not None and _shown_publicly(stored):
            corrected.append(stored.shown_on)
        if not deleting and _would_show_publicly(record):
            corrected.append(record.shown_on)
        corrected = list({(type(item), item.pk): item for item in corrected}.values())
        publisher_only = bool(corrected)
    if publisher_only and not user_can_publish(user):
        shown = corrected[0] if corrected and corrected[0] is not record else record
        raise PublishPermissionRequired(
            f"The {_label(shown)} is public or withdrawn: only editors with the publish permission may change "
            f"{'it' if shown is record else f'its {record._meta.verbose_name_plural}'}."
        )
    if corrected and user is not None and not correction_note.strip():
        raise CorrectionNoteRequired(
            f"The {_label(corrected[0])} is published: give a correction note saying what you changed, for readers."
        )
    return corrected


def record_save(
    *,
    record: models.Model,
    user: User,
    expected_version: int | None = None,
    correction_note: str = "",
    change_reason: str = "",
    part_of: models.Model | None = None,
    many_to_many: dict[str, list] | None = None,
) -> Correction | None:
    """
    Save an edited record, refusing it if it was saved since `expected_version`; return the correction made.

    A new record gets its author and starts unpublished. A stored record keeps its workflow fields
    (status, author, reviewer) whatever the edit says: states change only through the transitions
    below. Changing public content (see `public_change_check`) needs the publish permission and a
    `correction_note`, published with today's date on the record readers see. A part saved with its
    parent (`part_of`: an attendee, a citation on the parent's form) is covered by the parent's note,
    published once, on the parent. `expected_version=None` skips the version check (parts saved with
    their parent, whose own version was checked). `change_reason` goes to the history only.
    `many_to_many` (field name: records) sets links saved with the record. The changes feed gets the
    record's change, and those of the records embedding it (see editorial.change_log).
    """
    note = correction_note.strip()
    with transaction.atomic():
        if record.pk is not None and not type(record)._default_manager.filter(pk=record.pk).exists():
            raise WorkflowError(f"This {record._meta.verbose_name} has been deleted.")
        corrected = public_change_check(record=record, user=user, correction_note=note)
        recorder = ChangeRecorder(record)
        former_slug = _stored_slug(record)
        if record.pk is None:
            if isinstance(record, EditorialRecord):
                if user is not None and user.is_authenticated:
                    record.created_by = user
                record.version = 1
            _write(record, user=user, change_reason=change_reason or note)
        else:
            if isinstance(record, EditorialRecord):
                stored = type(record)._default_manager.filter(pk=record.pk).values(*WORKFLOW_FIELDS).first()
                _claim_version(record=record, expected_version=expected_version)
                for field, value in stored.items():
                    setattr(record, field, value)
            elif _has_status(record):
                record.status = type(record)._default_manager.filter(pk=record.pk).values_list("status", flat=True).get()
            _write(record, user=user, change_reason=change_reason or note)
        _keep_slug_history(record=record, former_slug=former_slug)
        for name, linked in (many_to_many or {}).items():
            getattr(record, name).set(linked)
        corrections = []
        if note and part_of is None:
            corrections = [record_correct(record=item, user=user, note=note) for item in corrected]
        recorder.finish(correction_notes=[(item.record, item.note) for item in corrections])
        return corrections[0] if corrections else None


def _has_slug(record: models.Model) -> bool:
    return any(field.name == "slug" for field in record._meta.concrete_fields)


def _stored_slug(record: models.Model) -> str | None:
    if record.pk is None or not _has_slug(record):
        return None
    return type(record)._default_manager.filter(pk=record.pk).values_list("slug", flat=True).first()


def _keep_slug_history(*, record: models.Model, former_slug: str | None) -> None:
    """Keep a record's former slug (its old addresses then redirect to it), and give its current slug to it alone."""
    if not _has_slug(record):
        return
    kind = ContentType.objects.get_for_model(type(record))
    FormerSlug.objects.filter(content_type=kind, slug=record.slug).delete()
    if former_slug and former_slug != record.slug:
        FormerSlug.objects.update_or_create(
            content_type=kind, slug=former_slug, defaults={"object_id": record.pk, "replaced_at": timezone.now()}
        )


def record_delete(*, record: models.Model, user: User, correction_note: str = "", part_of: models.Model | None = None) -> None:
    """Delete a part of a record (a citation, an attendee), under the same rule as changing it."""
    note = correction_note.strip()
    with transaction.atomic():
        corrected = public_change_check(record=record, user=user, correction_note=note, deleting=True)
        recorder = ChangeRecorder(record)
        if user is not None and user.is_authenticated:
            record._history_user = user
        record._change_reason = note or None
        record.delete()
        corrections = []
        if note and part_of is None:
            # A deleted record takes no note of its own: the feed says it was deleted.
            corrections = [record_correct(record=item, user=user, note=note) for item in corrected if item.pk is not None]
        recorder.finish(correction_notes=[(item.record, item.note) for item in corrections])


def record_links_save(*, record: models.Model, save_links) -> None:
    """Save a record's links and parts after the record itself (`save_links()`: the admin's many-to-many
    fields and inline aliases), recording in the changes feed what they change."""
    with transaction.atomic():
        recorder = ChangeRecorder(record)
        save_links()
        recorder.finish()


def record_correct(*, record: models.Model, user: User, note: str) -> Correction:
    """Publish a dated correction note on a record."""
    return Correction.objects.create(
        record=record,
        note=note.strip(),
        made_by=user if user is not None and user.is_authenticated else None,
    )


# --- Corroboration ----------------------------------------------------------------------------


def citation_is_sound(citation: Citation) -> bool:
    """Return True if the citation's quote is in its source and the source is not withdrawn."""
    quote = citation.quote.strip()
    return bool(quote) and quote in citation.source.text and citation.source.status != WITHDRAWN


def fact_sound_citations(*, fact) -> list[Citation]:
    """Return the fact's citations whose quote is really in their (not withdrawn) source."""
    return [citation for citation in fact.citations.select_related("source") if citation_is_sound(citation)]


# --- Transitions ------------------------------------------------------------------------------


def _transitions(record: Publishable) -> dict[str, set[str]]:
    return TRANSITIONS if isinstance(record, EditorialRecord) else BASIC_TRANSITIONS


def _check_transition(*, record: Publishable, to_status: str, user: User) -> None:
    if to_status not in _transitions(record).get(record.status, set()):
        raise WorkflowError(
            f"The {_label(record)} is {record.get_status_display().lower()}: it cannot be moved to "
            f"“{PublicationStatus(to_status).label.lower()}”."
        )
    if (to_status in PUBLIC_STATES or record.status in PUBLIC_STATES) and not user_can_publish(user):
        raise PublishPermissionRequired(
            "Only editors with the publish permission may publish, withdraw or unpublish records."
        )


def _move(record, *, to_status: str, user: User, reason: str) -> None:
    """Move the record from the state it was read in to `to_status`, unless someone moved it since.

    The conditional UPDATE is the lock, as in `_claim_version`: of two moves from one state, the
    database lets exactly one match (PostgreSQL makes the second wait, then re-checks the WHERE),
    and the loser changes nothing, its history included.
    """
    manager = type(record)._default_manager
    recorder = ChangeRecorder(record)
    from_status = record.status
    changes = {"status": to_status}
    if isinstance(record, EditorialRecord):
        changes["version"] = models.F("version") + 1
    if not manager.filter(pk=record.pk, status=from_status).update(**changes):
        current = manager.filter(pk=record.pk).values_list("status", flat=True).first()
        now = PublicationStatus(current).label.lower() if current else "deleted"
        raise StatusConflict(
            f"The {_label(record)} is {now} now: someone changed it after you opened it, so it was not "
            f"moved to “{PublicationStatus(to_status).label.lower()}”. Open it again to see its state."
        )
    # Saved from the row as it is now (this transaction holds it): the move changes the status alone.
    record.refresh_from_db()
    if to_status == PUBLISHED and isinstance(record, EditorialRecord):
        record.reviewed_by = user if user is not None and user.is_authenticated else record.reviewed_by
        record.published_at = record.published_at or timezone.now()
    _write(record, user=user, change_reason=reason)
    recorder.finish()


def _publication_set(record: EditorialRecord) -> tuple[list[EditorialRecord], list[str]]:
    """Return what publishing the record also publishes, and the problems that prevent it."""
    unpublished = (DRAFT, IN_REVIEW)
    parts: list[EditorialRecord] = []
    related: list[EditorialRecord | None] = []
    if isinstance(record, Meeting):
        attendees = list(record.attendees.filter(status__in=unpublished).select_related("person", "office"))
        parts = [*attendees, *record.decisions.filter(status__in=unpublished)]
        related += [record.body, *(attendee.person for attendee in attendees), *(attendee.office for attendee in attendees)]
    if isinstance(record, Attendee):
        related += [record.person, record.office]
    facts = ([record] if isinstance(record, FACT_MODELS) else []) + parts
    problems: list[str] = []
    for fact in facts:
        sound = fact_sound_citations(fact=fact)
        if not sound:
            problems.append(f"{fact._meta.verbose_name.capitalize()} “{fact}” has no citation whose quote is in its source.")
        related += [citation.source for citation in sound]
    if isinstance(record, Discrepancy) and record.citations.count() < 2:
        problems.append("A discrepancy needs at least two conflicting citations.")
    if isinstance(record, (Attendee, Decision)) and record.meeting.status != PUBLISHED:
        problems.append(f"Publish its meeting “{record.meeting}” first: that publishes them together.")
    also = {(type(item), item.pk): item for item in [*parts, *related] if item is not None and item.status in unpublished}
    also.pop((type(record), record.pk), None)
    return list(also.values()), problems


def record_publish(*, record: EditorialRecord, user: User) -> list[EditorialRecord]:
    """
    Publish the record and return everything published with it; raise WorkflowError, publishing nothing, if refused.

    A meeting is published with its attendees and decisions still in draft or review, its body,
    those attendees' people and offices, and the draft sources its citations quote: all or nothing,
    and every fact among them needs a citation whose quote is in its source.
    """
    with transaction.atomic():
        _check_transition(record=record, to_status=PUBLISHED, user=user)
        also, problems = _publication_set(record)
        if problems:
            raise NotCorroborated(f"The {_label(record)} was not published. " + " ".join(problems))
        _move(record, to_status=PUBLISHED, user=user, reason="Published")
        for other in also:
            _move(other, to_status=PUBLISHED, user=user, reason=f"Published with {_label(record)}")
    return [record, *also]


def record_withdraw(*, record: EditorialRecord, user: User, reason: str = "") -> None:
    """Take a published record out of public view, keeping it (and saying why in its history)."""
    with transaction.atomic():
        _check_transition(record=record, to_status=WITHDRAWN, user=user)
        _move(record, to_status=WITHDRAWN, user=user, reason=reason.strip() or "Withdrawn")


def record_submit_for_review(*, record: EditorialRecord, user: User) -> None:
    """Mark a draft as ready for a publisher to review."""
    with transaction.atomic():
        _check_transition(record=record, to_status=IN_REVIEW, user=user)
        _move(record, to_status=IN_REVIEW, user=user, reason="Submitted for review")


def record_return_to_draft(*, record: Publishable, user: User) -> None:
    """Send a record in review (or withdrawn) back to draft; unpublish a figure or organisation (publishers)."""
    with transaction.atomic():
        _check_transition(record=record, to_status=DRAFT, user=user)
        _move(record, to_status=DRAFT, user=user, reason="Returned to draft")
