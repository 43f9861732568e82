from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models.functions import Length
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html

from curation.admin_workbench import Workbench
from curation.models import Proposal
from curation.selectors import gazetteer_build
from curation.services import INLINE_EXTRACTION_MAX_CHARS, ProposalError, extracts_inline, proposal_accept, proposal_reject, proposals_generate
from sources.models import SourceDocument


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    change_form_template = "admin/curation/proposal/change_form.html"
    change_list_template = "admin/curation/proposal/change_list.html"
    list_display = ["kind", "summary", "quote_excerpt", "state", "matched", "source_link", "confident"]
    list_display_links = ["summary"]
    list_filter = ["state", "kind", "confident", ("source", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["quote", "note", "source__title", "source__original_filename"]
    list_select_related = ["source", "matched_meeting", "matched_operation"]
    list_per_page = 100
    actions = ["accept_selected", "reject_selected"]
    readonly_fields = [
        "source_link", "kind", "state", "summary", "quote", "in_context", "start", "end", "note", "confident", "matched",
        "citation_link", "reviewer", "reviewed_at", "created_at",
    ]
    fieldsets = [
        (None, {"fields": ["source_link", "kind", "state", "summary", "matched"]}),
        ("Evidence", {"fields": ["quote", "in_context", ("start", "end"), "note", "confident"]}),
        ("Decision", {"fields": ["review_note"]}),
        ("Review", {"fields": ["citation_link", "reviewer", "reviewed_at", "created_at"]}),
    ]

    def get_urls(self):
        workbench = Workbench(self)
        return [
            path("read-new-sources/", self.admin_site.admin_view(self.read_new_sources), name="curation_proposal_read_new_sources"),
            path("workbench/<int:source_id>/", self.admin_site.admin_view(workbench.workbench), name="curation_workbench"),
            path("review/", self.admin_site.admin_view(workbench.review), name="curation_review_queue"),
            *super().get_urls(),
        ]

    def read_new_sources(self, request):
        """Propose records for every source that has none yet (sources added in the admin rather than imported)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_change_permission(request):
            raise PermissionDenied
        waiting = SourceDocument.objects.filter(proposals__isnull=True).annotate(text_length=Length("text")).defer("text").order_by("id")
        # One request reads at most INLINE_EXTRACTION_MAX_CHARS in all, so it never holds a worker for long.
        chosen, budget, left = [], INLINE_EXTRACTION_MAX_CHARS, 0
        for source in waiting:
            if extracts_inline(source) and source.text_length <= budget:
                chosen.append(source.pk)
                budget -= source.text_length
            else:
                left += 1
        gazetteer = gazetteer_build()
        sources = list(SourceDocument.objects.filter(pk__in=chosen).order_by("id"))
        made = sum(len(proposals_generate(source=source, gazetteer=gazetteer)) for source in sources)
        self.message_user(request, f"Read {len(sources)} new source{'s' if len(sources) != 1 else ''}: {made} proposals to review.", messages.SUCCESS)
        if left:
            self.message_user(
                request,
                f"{left} source{'s are' if left != 1 else ' is'} too long to read here (over {INLINE_EXTRACTION_MAX_CHARS:,} characters "
                "in one request): run “manage.py generate_proposals” on the server to read them.",
                messages.WARNING,
            )
        return HttpResponseRedirect(reverse("admin:curation_proposal_changelist") + "?state__exact=pending")

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # A pending proposal is corrected and decided in its source's workbench, with ordinary widgets;
        # this page remains the record of a decided one.
        proposal = self.get_object(request, object_id)
        if proposal is not None and proposal.state == Proposal.State.PENDING:
            return HttpResponseRedirect(reverse("admin:curation_workbench", args=[proposal.source_id]) + f"#proposal-{proposal.pk}")
        return super().change_view(request, object_id, form_url, extra_context)

    def has_add_permission(self, request):
        # Proposals come from imported reports only.
        return False

    @admin.display(description="Quote")
    def quote_excerpt(self, proposal):
        return proposal.quote if len(proposal.quote) <= 120 else proposal.quote[:117] + "…"

    @admin.display(description="In the source")
    def in_context(self, proposal):
        text = proposal.source.text
        before = text[max(0, proposal.start - 400) : proposal.start]
        after = text[proposal.end : proposal.end + 400]
        return format_html(
            '<div class="proposal-context">…{}<mark>{}</mark>{}…</div>',
            before, text[proposal.start : proposal.end], after,
        )

    @admin.display(description="Source (its workbench)", ordering="source")
    def source_link(self, proposal):
        url = reverse("admin:curation_workbench", args=[proposal.source_id])
        return format_html('<a href="{}">{}</a>', url, proposal.source)

    @admin.display(description="Matches")
    def matched(self, proposal):
        if proposal.kind == Proposal.Kind.MEETING and proposal.matched_meeting_id:
            url = reverse("admin:meetings_meeting_change", args=[proposal.matched_meeting_id])
            return format_html('another report of <a href="{}">{}</a>', url, proposal.matched_meeting)
        if proposal.kind == Proposal.Kind.MEETING:
            return "new meeting"
        if proposal.matched_operation_id:
            url = reverse("admin:operations_operation_change", args=[proposal.matched_operation_id])
            return format_html('<a href="{}">{}</a>', url, proposal.matched_operation)
        if proposal.matched_meeting_id:
            return str(proposal.matched_meeting)
        return "—"

    @admin.display(description="Record created or cited")
    def citation_link(self, proposal):
        if proposal.citation_id is not None:
            url = reverse("admin:sources_citation_change", args=[proposal.citation_id])
            return format_html('<a href="{}">{}</a>', url, proposal.citation)
        if proposal.organisation_citation_id is not None:
            organisation = proposal.organisation_citation.organisation
            url = reverse("admin:organisations_organisation_change", args=[organisation.pk])
            return format_html('<a href="{}">{}</a>', url, organisation)
        if proposal.figure_id is not None:
            url = reverse("admin:figures_figure_change", args=[proposal.figure_id])
            return format_html('<a href="{}">{}</a>', url, proposal.figure)
        return "—"

    def get_readonly_fields(self, request, obj=None):
        # Only decided proposals are shown here (pending ones open in the workbench): nothing to edit.
        return [*self.readonly_fields, "review_note"]

    @admin.action(description="Accept selected proposals as they are (creates draft records with citations)", permissions=["change"])
    def accept_selected(self, request, queryset):
        accepted, failed = 0, []
        # Meetings first, so the attendees and decisions of the same report find their meeting.
        ordered = sorted(queryset.pending(), key=lambda p: (p.source_id, p.kind != Proposal.Kind.MEETING, p.kind != Proposal.Kind.OPERATION, p.order))
        for proposal in ordered:
            try:
                proposal_accept(proposal=proposal, user=request.user)
                accepted += 1
            except (ProposalError, ValidationError) as error:
                failed.append(f"{proposal}: {_message(error)}")
        if accepted:
            self.message_user(request, f"Accepted {accepted} proposal{'s' if accepted != 1 else ''}; the records are drafts.", messages.SUCCESS)
        for failure in failed:
            self.message_user(request, failure, messages.ERROR)

    @admin.action(description="Reject selected proposals", permissions=["change"])
    def reject_selected(self, request, queryset):
        rejected = 0
        for proposal in queryset.pending():
            proposal_reject(proposal=proposal, user=request.user)
            rejected += 1
        self.message_user(request, f"Rejected {rejected} proposal{'s' if rejected != 1 else ''}.", messages.SUCCESS)

    def save_model(self, request, obj, form, change):
        # Proposals change only through the workbench's services (accept, reject, cite a passage).
        return


def _message(error) -> str:
    if isinstance(error, ValidationError):
        if hasattr(error, "message_dict"):
            return "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in error.message_dict.items())
        return " ".join(error.messages)
    return str(error)
