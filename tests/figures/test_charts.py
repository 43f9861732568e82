"""Charts are drawn from the data, carry a text alternative and their data table, and change when the data does."""
import datetime
import re

from figures import selectors
from figures.models import Unit
from meetings.models import DatePrecision
from foundations.publication import PublicationStatus
from operations.models import Region

from .conftest import year_period


def test_the_conviction_rate_chart_shows_four_provinces_and_the_national_rate(conviction_rates):
    chart = selectors.chart_figure_comparison(figure=conviction_rates["Punjab"])
    svg = str(chart.svg)
    for label in ["Pakistan (national)", "Punjab", "Sindh", "Khyber Pakhtunkhwa", "Balochistan"]:
        assert f">{label}</text>" in svg
    assert svg.count('<rect x="190"') == 5
    assert "chart-bar--reference" in svg  # the national rate is drawn apart from the provinces
    assert f'<title id="{chart.title_id}">' in svg and f'<desc id="{chart.desc_id}">' in svg
    assert "Punjab: 72 per cent" in chart.description and "Balochistan: 6 per cent" in chart.description
    rows = {row[0].text: row[1].text for row in chart.rows}
    assert rows == {
        "Pakistan (national)": "44 per cent",
        "Punjab": "72 per cent",
        "Sindh": "54 per cent",
        "Khyber Pakhtunkhwa": "35 per cent",
        "Balochistan": "6 per cent",
    }
    # Every row links to the sentence of the report that gives its number.
    assert all("#:~:text=" in row[3].href for row in chart.rows)


def test_bars_are_drawn_to_scale(conviction_rates):
    svg = str(selectors.chart_figure_comparison(figure=conviction_rates["Sindh"]).svg)
    widths = sorted(float(width) for width in re.findall(r'width="([\d.]+)" height="22" class="chart-bar', svg))
    # 440 px stand for 100 per cent.
    assert widths == [round(rate * 4.4, 1) for rate in (6, 35, 44, 54, 72)]


def test_charts_carry_no_inline_style_or_script(conviction_rates):
    svg = str(selectors.chart_figure_comparison(figure=conviction_rates["Punjab"]).svg)
    assert "style" not in svg and "<script" not in svg and "fill=" not in svg


def test_a_changed_figure_changes_the_cached_chart(conviction_rates):
    before = selectors.chart_figure_comparison(figure=conviction_rates["Punjab"])
    assert selectors.chart_figure_comparison(figure=conviction_rates["Punjab"]) == before  # served from the cache
    balochistan = conviction_rates["Balochistan"]
    balochistan.value = 9
    balochistan.save()
    after = selectors.chart_figure_comparison(figure=conviction_rates["Punjab"])
    assert "9 per cent" in str(after.svg) and "6 per cent" not in str(after.svg)


def test_unpublishing_a_figure_takes_it_out_of_the_chart(conviction_rates):
    assert len(selectors.chart_figure_comparison(figure=conviction_rates["Punjab"]).rows) == 5
    conviction_rates["Sindh"].status = PublicationStatus.DRAFT
    conviction_rates["Sindh"].save()
    chart = selectors.chart_figure_comparison(figure=conviction_rates["Punjab"])
    assert [row[0].text for row in chart.rows] == ["Pakistan (national)", "Punjab", "Khyber Pakhtunkhwa", "Balochistan"]


def test_a_renamed_place_is_renamed_in_the_chart(conviction_rates):
    selectors.chart_figure_comparison(figure=conviction_rates["Punjab"])
    Region.objects.filter(name="Khyber Pakhtunkhwa").update(name="KP")
    chart = selectors.chart_figure_comparison(figure=conviction_rates["Punjab"])
    assert ">KP</text>" in str(chart.svg)


def test_a_series_over_time_needs_two_periods(make_figure, make_measure, make_region):
    measure = make_measure(unit=Unit.COUNT)
    punjab = make_region("Punjab")
    make_figure(value="120", measure=measure, places=[punjab], **year_period(2022))
    assert selectors.chart_measure_series(measure=measure) is None
    make_figure(value="150", measure=measure, places=[punjab], **year_period(2023))
    chart = selectors.chart_measure_series(measure=measure)
    assert [(row[0].text, row[2].text) for row in chart.rows] == [("2022", "120"), ("2023", "150")]
    assert "chart-line" in str(chart.svg) and ">2023</text>" in str(chart.svg)


def test_meetings_per_year_are_counted_by_body(make_body, make_meeting):
    central = make_body(name="Central Apex Committee", slug="central")
    provincial = make_body(name="Punjab Apex Committee", slug="punjab-apex")
    make_meeting(body=central, date=datetime.date(2021, 9, 2))
    make_meeting(body=central, date=datetime.date(2024, 6, 22))
    make_meeting(body=provincial, date=datetime.date(2024, 11, 19))
    make_meeting(body=central, date=None, date_precision=DatePrecision.UNKNOWN)
    make_meeting(body=central, date=datetime.date(2024, 1, 1), status=PublicationStatus.DRAFT)
    chart = selectors.chart_meetings_per_year()
    assert chart.columns == ("Year", "Central Apex Committee", "Punjab Apex Committee", "All bodies")
    table = {row[0].text: [cell.text for cell in row[1:]] for row in chart.rows}
    assert table["2021"] == ["1", "0", "1"]
    assert table["2022"] == ["0", "0", "0"]
    assert table["2024"] == ["1", "1", "2"]
    assert chart.notes == ("1 published meeting with no established date is not drawn.",)


def test_operations_are_placed_at_their_launch_meeting(make_meeting, make_operation):
    launched = make_operation(name="Azm-e-Istehkam", launch_meeting=make_meeting(date=datetime.date(2024, 6, 22)))
    make_operation(name="Undated operation")
    chart = selectors.chart_operations_timeline()
    assert "Azm-e-Istehkam (22 June 2024)" in str(chart.svg)
    assert chart.rows[0][0].href == launched.get_absolute_url()
    assert chart.rows[1][2].text == "not established"
