"""The workbench's forms: one per kind of proposal, ordinary widgets whose values become `proposal_accept`'s overrides.

Each form starts from what the extractor proposed and turns the editor's choices back into the keys the
acceptance service reads (`body_record_id`, `date`, `role`...). Nothing here writes: the view passes
`overrides()` to `curation.services.proposal_accept`.
"""
import datetime

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple

from curation.models import Proposal
from figures.models import Figure, Unit
from meetings.models import Attendee, Body, DatePrecision, Decision, Meeting, Office, Person
from operations.models import Operation, Region
from organisations.models import Organisation


def _autocomplete(model, field: str, *, multiple: bool = False):
    """The admin's own autocomplete over existing records (it needs the related model's admin search)."""
    widget = AutocompleteSelectMultiple if multiple else AutocompleteSelect
    return widget(model._meta.get_field(field), admin.site)


class ProposalForm(forms.Form):
    """What every kind shares: the passage cited (changed by selecting text) and a note for the reviewer."""

    start = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    end = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, proposal: Proposal, **kwargs):
        self.proposal = proposal
        kwargs.setdefault("prefix", f"p{proposal.pk}")
        initial = {"start": proposal.start, "end": proposal.end, **self.initial_from(proposal.values or {})}
        super().__init__(*args, initial=initial, **kwargs)

    def initial_from(self, values: dict) -> dict:
        return {}

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start is not None and end is not None and not (start < end <= len(self.proposal.source.text)):
            raise forms.ValidationError("The passage selected is not within the source's text: select it again.")
        return cleaned

    def overrides(self) -> dict:
        return {}


class MeetingProposalForm(ProposalForm):
    existing_meeting = forms.ModelChoiceField(
        Meeting.objects.all(), required=False, widget=_autocomplete(Decision, "meeting"),
        help_text="Another report of a meeting already in the archive: choose it, and this report cites it.",
    )
    body = forms.ModelChoiceField(Body.objects.all(), required=False, widget=_autocomplete(Meeting, "body"), help_text="The body that met.")
    body_name = forms.CharField(required=False, max_length=200, label="Or a new body named", help_text="Only if the archive does not have it yet.")
    body_kind = forms.ChoiceField(choices=Body.Kind.choices, required=False, label="Kind of the new body")
    date = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}), help_text="Leave empty if the report gives no date.")
    date_precision = forms.ChoiceField(choices=DatePrecision.choices, label="Known to the")
    date_note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}), label="How the date was established")
    place = forms.CharField(required=False, max_length=200)

    def initial_from(self, values):
        generic = values.get("body_key") in ("body:apex-committee", "body:provincial-apex-committee")
        return {
            "existing_meeting": values.get("existing_meeting_id") or self.proposal.matched_meeting_id,
            "body": values.get("body_record_id"),
            "body_name": "" if values.get("body_record_id") or generic else values.get("body_name", ""),
            "body_kind": values.get("body_kind") or Body.Kind.OTHER,
            "date": values.get("date"),
            "date_precision": values.get("date_precision") or DatePrecision.UNKNOWN,
            "date_note": values.get("date_note", ""),
            "place": values.get("place", ""),
        }

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("existing_meeting"):
            return cleaned  # another report of a known meeting: its body and date are the archive's
        if not cleaned.get("body") and not cleaned.get("body_name"):
            self.add_error("body", "Choose the body that met, or name a new one.")
        if cleaned.get("date") is None and cleaned.get("date_precision") not in (DatePrecision.UNKNOWN, None):
            self.add_error("date", "Give the date, or say it is not known.")
        return cleaned

    def overrides(self):
        data = self.cleaned_data
        if data.get("existing_meeting"):
            return {"meeting_id": data["existing_meeting"].pk}
        date = data.get("date")
        return {
            "create_new": True,
            "body_record_id": data["body"].pk if data.get("body") else None,
            "body_name": data["body"].name if data.get("body") else data.get("body_name", ""),
            "body_kind": data.get("body_kind") or Body.Kind.OTHER,
            "date": date.isoformat() if isinstance(date, datetime.date) else None,
            "date_precision": data.get("date_precision") if date else DatePrecision.UNKNOWN,
            "date_note": data.get("date_note", ""),
            "place": data.get("place", ""),
        }


class AttendeeProposalForm(ProposalForm):
    person = forms.ModelChoiceField(Person.objects.all(), required=False, widget=_autocomplete(Attendee, "person"))
    person_name = forms.CharField(required=False, max_length=200, label="Or a new person named")
    office = forms.ModelChoiceField(Office.objects.all(), required=False, widget=_autocomplete(Attendee, "office"), help_text="The office held at this meeting.")
    office_title = forms.CharField(required=False, max_length=200, label="Or a new office titled")
    group_label = forms.CharField(required=False, max_length=200, label="Or a group, as the report gives it", help_text="e.g. “chief ministers of all provinces”.")
    role = forms.ChoiceField(choices=Attendee.Role.choices)

    def initial_from(self, values):
        return {
            "person": values.get("person_record_id"),
            "person_name": "" if values.get("person_record_id") else values.get("person_name") or "",
            "office": values.get("office_record_id"),
            "office_title": "" if values.get("office_record_id") else values.get("office_title") or "",
            "group_label": values.get("group_label", ""),
            "role": values.get("role") or Attendee.Role.MEMBER,
        }

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(name) for name in ("person", "person_name", "office", "office_title", "group_label")):
            self.add_error("person", "Say who attended: a person, an office or a group.")
        return cleaned

    def overrides(self):
        data = self.cleaned_data
        return {
            "person_record_id": data["person"].pk if data.get("person") else None,
            "person_name": data["person"].name if data.get("person") else data.get("person_name") or None,
            "office_record_id": data["office"].pk if data.get("office") else None,
            "office_title": data["office"].title if data.get("office") else data.get("office_title") or None,
            "group_label": data.get("group_label", ""),
            "role": data["role"],
        }


class DecisionProposalForm(ProposalForm):
    existing_decision = forms.ModelChoiceField(
        Decision.objects.none(), required=False, label="The same decision, already recorded",
        help_text="Another report of a known meeting: choose the decision this passage corroborates; nothing new is created.",
    )
    action = forms.ChoiceField(choices=Decision.Action.choices)
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), help_text="What was decided, as the report says it.")
    domain = forms.ChoiceField(choices=[("", "— choose —"), *Decision.Domain.choices], required=False)
    operations = forms.ModelMultipleChoiceField(Operation.objects.all(), required=False, widget=_autocomplete(Decision, "operations", multiple=True))
    bodies = forms.ModelMultipleChoiceField(Body.objects.all(), required=False, widget=_autocomplete(Decision, "bodies", multiple=True))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        meeting = self.proposal.matched_meeting
        if meeting is not None and meeting.decisions.exists():
            self.fields["existing_decision"].queryset = meeting.decisions.all()
            # The same words as a decision already recorded (the same statement, reprinted): offer it first.
            wording = (self.proposal.values or {}).get("text") or self.proposal.quote
            same = meeting.decisions.filter(text=wording).first()
            if same is not None and not self.is_bound:
                self.initial["existing_decision"] = same.pk
        else:
            del self.fields["existing_decision"]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("existing_decision") and not cleaned.get("domain"):
            self.add_error("domain", "Choose the decision's domain.")
        return cleaned

    def initial_from(self, values):
        return {
            "action": values.get("action") or Decision.Action.DECIDED,
            "text": values.get("text") or self.proposal.quote,
            "domain": values.get("domain") or "",
            "operations": values.get("operation_ids") or [],
        }

    def overrides(self):
        data = self.cleaned_data
        if data.get("existing_decision"):
            return {"decision_id": data["existing_decision"].pk}
        return {
            "action": data["action"],
            "text": data["text"],
            "domain": data["domain"],
            "operation_ids": [operation.pk for operation in data.get("operations") or []],
            "body_ids": [body.pk for body in data.get("bodies") or []],
        }


class OperationProposalForm(ProposalForm):
    operation = forms.ModelChoiceField(Operation.objects.all(), required=False, widget=_autocomplete(Decision, "operations"), label="The operation in the archive")
    name = forms.CharField(required=False, max_length=200, label="Or a new operation named")

    def initial_from(self, values):
        return {"operation": values.get("record_id"), "name": "" if values.get("record_id") else values.get("name", "")}

    def overrides(self):
        data = self.cleaned_data
        if data.get("operation"):
            return {"operation_id": data["operation"].pk}
        return {"name": data.get("name") or self.proposal.values.get("name")}


class OrganisationProposalForm(ProposalForm):
    organisation = forms.ModelChoiceField(Organisation.objects.all(), required=False, label="The organisation in the archive")
    name = forms.CharField(required=False, max_length=200, label="Or a new organisation named")
    called_banned = forms.BooleanField(required=False, label="The report calls it banned")

    def initial_from(self, values):
        return {
            "organisation": values.get("record_id"),
            "name": "" if values.get("record_id") else values.get("name", ""),
            "called_banned": bool(values.get("called_banned")),
        }

    def overrides(self):
        data = self.cleaned_data
        result = {"called_banned": data.get("called_banned", False)}
        if data.get("organisation"):
            result["organisation_id"] = data["organisation"].pk
        elif data.get("name"):
            result["record_name"] = data["name"]
        return result


class FigureProposalForm(ProposalForm):
    measure = forms.CharField(max_length=200, help_text="What the number counts, e.g. “Terrorists killed”.")
    value = forms.DecimalField()
    unit = forms.ChoiceField(choices=Unit.choices)
    qualifier = forms.CharField(required=False, max_length=40, help_text="As the report qualifies it: “at least”, “about”…")
    period_text = forms.CharField(required=False, max_length=200, label="Period, as the report gives it")
    places = forms.ModelMultipleChoiceField(
        Region.objects.all(), required=False, widget=_autocomplete(Figure, "places", multiple=True),
        help_text="The places the number covers; leave empty when the report names none.",
    )

    def initial_from(self, values):
        return {
            "measure": values.get("measure") or values.get("measures") or "",
            "value": values.get("value"),
            "unit": values.get("unit"),
            "qualifier": values.get("qualifier") or "",
            "period_text": values.get("period_text") or "",
            "places": list(Region.objects.filter(name__in=values.get("places") or []).values_list("pk", flat=True)),
        }

    def overrides(self):
        data = self.cleaned_data
        values = {key: (str(data[key]) if key == "value" else data.get(key, "")) for key in ("measure", "value", "unit", "qualifier", "period_text")}
        values["places"] = [region.name for region in data.get("places") or []]
        return values


FORM_FOR_KIND = {
    Proposal.Kind.MEETING: MeetingProposalForm,
    Proposal.Kind.ATTENDEE: AttendeeProposalForm,
    Proposal.Kind.DECISION: DecisionProposalForm,
    Proposal.Kind.OPERATION: OperationProposalForm,
    Proposal.Kind.ORGANISATION: OrganisationProposalForm,
    Proposal.Kind.FIGURE: FigureProposalForm,
}


def proposal_form(proposal: Proposal, data=None) -> ProposalForm:
    return FORM_FOR_KIND[proposal.kind](data, proposal=proposal)
