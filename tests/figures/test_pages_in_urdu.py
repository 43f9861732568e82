"""The figure, measure, organisation and body pages in the Urdu interface: Urdu labels, facts as curated."""
import datetime

from django.urls import reverse

from foundations.vague_dates import DatePrecision


def en(fact: str) -> str:
    """A curated English fact as an Urdu page shows it: marked with its language."""
    return f'<bdi lang="en" dir="ltr">{fact}</bdi>'


def test_a_figure_page_in_urdu_labels_the_curated_figure_in_urdu(get_in_urdu, client, conviction_rates):
    punjab = conviction_rates["Punjab"]
    response = get_in_urdu(punjab.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert "<dt>پیمانہ</dt>" in page and "<dt>مقام</dt>" in page and "<dt>مدت</dt>" in page and "<dt>ذریعہ</dt>" in page
    assert ">وہ جملہ جس میں یہ عدد آیا ہے</h2>" in page and ">مختلف مقامات کا موازنہ</h2>" in page
    assert f"<h1>{en('Conviction rate for terrorists')}: 72 فیصد</h1>" in page  # the unit's word is the interface's
    assert "Pakistan (قومی)" in page and "ذریعہ (جملے کا لنک)" in page  # the chart's table
    # The curated facts keep their language: the measure's name, the places, the source's own sentence.
    assert "<mark>The overall national conviction rate for terrorists in 2023 stood at 44 percent" in page
    assert "<dt>Measure</dt>" not in page and "per cent" not in page and "by place" not in page

    # The chart drawn for the Urdu page is not the one an English reader then gets.
    client.cookies.clear()
    english = client.get(punjab.get_absolute_url()).content.decode()
    assert "Conviction rate for terrorists, 2023, by place" in english and "مقام کے لحاظ سے" not in english


def test_the_figure_list_in_urdu_counts_filters_and_refuses_in_urdu(get_in_urdu, conviction_rates):
    page = get_in_urdu(reverse("figures:figure-list")).content.decode()
    assert "<h1>اعداد و شمار</h1>" in page and ">5 اعداد</h2>" in page
    assert ">پیمانہ</label>" in page and ">کوئی بھی پیمانہ</option>" in page and ">فیصد</option>" in page
    assert "تمام اعداد ڈاؤن لوڈ کریں:" in page
    filtered = get_in_urdu(reverse("figures:figure-list") + "?place=sindh").content.decode()
    assert ">آپ کے فلٹرز سے مطابقت رکھنے والا 1 عدد</h2>" in filtered and "یہ اعداد ڈاؤن لوڈ کریں:" in filtered
    refused = get_in_urdu(reverse("figures:figure-list") + "?measure=nope")
    assert refused.status_code == 400
    assert "پیمانہ: پتے “nope” والا کوئی پیمانہ نہیں۔" in refused.content.decode()


def test_the_measure_pages_in_urdu(get_in_urdu, conviction_rates):
    measure = conviction_rates["Punjab"].measure
    listing = get_in_urdu(reverse("figures:measure-list")).content.decode()
    assert "<h1>پیمانے</h1>" in listing and f">{en('Conviction rate for terrorists')}</a>" in listing
    page = get_in_urdu(measure.get_absolute_url()).content.decode()
    assert f"<h1>{en('Conviction rate for terrorists')}</h1>" in page and "اکائی: فیصد۔" in page
    assert ">اس پیمانے کے تمام اعداد</h2>" in page and "ان اعداد کو مقام اور سال کے لحاظ سے فلٹر کریں" in page


def test_an_organisation_in_urdu_says_who_banned_it_and_when_in_urdu(get_in_urdu, make_organisation):
    bla = make_organisation(
        name="BLA",
        slug="bla",
        kind="banned_outfit",
        banned=True,
        banned_by="the Ministry of Interior",
        banned_on=datetime.date(2006, 4, 7),
        banned_on_precision=DatePrecision.DAY,
        citation_text="the banned outfits Majeed Brigade, BLA, BLF and BRAS",
    )
    page = get_in_urdu(bla.get_absolute_url()).content.decode()
    assert "<dt>قسم</dt><dd>کالعدم تنظیم</dd>" in page
    assert f"ذرائع کے مطابق کالعدم؛ <bdi>{en('the Ministry of Interior')}</bdi> نے کالعدم قرار دیا، 7 اپریل 2006" in page
    assert ">ذرائع کیا کہتے ہیں</h2>" in page and "ذریعے میں پڑھیں" in page
    assert "“the banned outfits Majeed Brigade, BLA, BLF and BRAS”" in page  # the source's words, unchanged
    listing = get_in_urdu(reverse("organisations:organisation-list")).content.decode()
    assert "<h1>تنظیمیں</h1>" in listing and "کالعدم تنظیم · کالعدم قرار دی گئی" in listing
    assert ">کسی ذریعے کے مطابق کالعدم</label>" in listing


def test_the_body_pages_in_urdu(get_in_urdu, make_body, make_meeting):
    central = make_body(name="Central Apex Committee", slug="central-apex-committee", kind="federal_apex_committee")
    make_body(name="District coordination committee", slug="dcc", parent=central, kind="district_committee")
    make_meeting(body=central, title="Apex meeting of June", date=datetime.date(2024, 6, 22))
    page = get_in_urdu(reverse("meetings:body-detail", args=["central-apex-committee"])).content.decode()
    assert "<dt>قسم</dt><dd>وفاقی (مرکزی) ایپکس کمیٹی</dd>" in page and "<dt>اس کے تحت ادارے</dt>" in page
    assert f">{en('Apex meeting of June')}</a> · 22 جون 2024" in page  # the title as curated, the date in Urdu
    assert "Central Apex Committee کے سال بہ سال اجلاس" in page
    listing = get_in_urdu(reverse("meetings:body-list")).content.decode()
    assert "<h1>ادارے</h1>" in listing and "1 شائع شدہ اجلاس" in listing
    assert f">{en('Central Apex Committee')}</a> کے تحت" in listing
    assert "سال بہ سال اجلاس، ادارے کے لحاظ سے" in listing and ">کوئی بھی قسم</option>" in listing
