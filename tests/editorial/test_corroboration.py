"""Independent sources: reports from one outlet, or carrying one statement, count once, and the archive says so."""
from editorial.selectors import NO_SOURCE, CitedSource, corroboration_for_facts, sources_group_independent
from foundations.publication import PublicationStatus


def source(pk, outlet="", origin=""):
    return CitedSource(id=pk, title=f"Report {pk}", outlet=outlet, origin=origin)


def test_two_reports_from_one_outlet_count_once():
    groups = sources_group_independent(sources=[source(1, outlet="Dawn"), source(2, outlet="dawn")])
    assert len(groups) == 1
    assert groups[0].reason == "both are from Dawn"


def test_two_reports_carrying_one_statement_count_once_and_say_so(make_meeting, make_source, make_citation):
    meeting = make_meeting()
    statement = "PMO statement on the Central Apex Committee meeting of 22 June 2024"
    for outlet in ("Dawn", "The Express Tribune"):
        make_citation(meeting, source=make_source(text=f"{outlet}: the committee met.", outlet=outlet, origin=statement))
    counts = corroboration_for_facts(meetings=[meeting.pk])[("meeting", meeting.pk)]
    assert (counts.reports, counts.independent) == (2, 1)
    assert counts.summary == f"2 reports, 1 independent source: both carry the {statement}"


def test_different_outlets_are_independent_and_grouping_is_transitive():
    independent = sources_group_independent(sources=[source(1, outlet="Dawn"), source(2, outlet="The News")])
    assert [len(group.sources) for group in independent] == [1, 1]
    # 1 and 2 share an outlet, 2 and 3 a statement: one source, not two.
    chained = sources_group_independent(
        sources=[source(1, outlet="Dawn"), source(2, outlet="Dawn", origin="ISPR release"), source(3, outlet="Geo", origin="ISPR release")]
    )
    assert len(chained) == 1
    assert chained[0].reason == "all 3 share an outlet or carry the same statement"


def test_the_same_source_cited_twice_is_one_report(make_meeting, make_source, make_citation):
    meeting = make_meeting()
    shared = make_source(text="The committee met in Islamabad and approved the plan.")
    make_citation(meeting, quote="The committee met in Islamabad", source=shared)
    make_citation(meeting, quote="approved the plan", source=shared)
    counts = corroboration_for_facts(meetings=[meeting.pk])[("meeting", meeting.pk)]
    assert (counts.reports, counts.independent, counts.summary) == (1, 1, "1 report, 1 independent source")


def test_unpublished_sources_do_not_count(make_meeting, make_source, make_citation):
    meeting = make_meeting()
    make_citation(meeting, source=make_source(status=PublicationStatus.DRAFT))
    assert corroboration_for_facts(meetings=[meeting.pk]).get(("meeting", meeting.pk), NO_SOURCE).summary == "No published source"


def test_counts_for_many_facts_take_one_query(django_assert_num_queries, make_meeting, make_decision, make_attendee, make_operation, make_source, make_citation):
    meetings = [make_meeting() for _ in range(3)]
    decisions = [make_decision(meeting=meeting) for meeting in meetings for _ in range(3)]
    attendees = [make_attendee(meeting=meetings[0]) for _ in range(3)]
    operation = make_operation()
    for fact in [*meetings, *decisions, *attendees, operation]:
        make_citation(fact, source=make_source(outlet="Dawn"))
        make_citation(fact, source=make_source(outlet="Dawn"))
        make_citation(fact, source=make_source(outlet="Geo"))
    with django_assert_num_queries(1):
        counts = corroboration_for_facts(
            meetings=[m.pk for m in meetings],
            decisions=[d.pk for d in decisions],
            attendees=[a.pk for a in attendees],
            operations=[operation.pk],
        )
    assert len(counts) == 3 + 9 + 3 + 1
    assert {(c.reports, c.independent) for c in counts.values()} == {(3, 2)}
