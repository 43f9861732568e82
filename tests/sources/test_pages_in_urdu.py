"""The source pages in the Urdu interface: Urdu labels around the source, its text exactly as received."""
from django.urls import reverse


def test_the_source_list_in_urdu(get_in_urdu, sample_archive):
    page = get_in_urdu(reverse("sources:source-list")).content.decode()
    assert "<h1>ذرائع</h1>" in page
    assert "<bdi>ناشر درج نہیں</bdi> · 23 جون 2024 · ابھی درجہ بندی نہیں ہوئی · 4 حوالہ شدہ اقتباسات" in page
    assert "اشاعت کی تاریخ معلوم نہیں" in page
    assert ">[Central Apex Committee meets on 22 June 2024 and approves Operation Azm-e-Istehkam]</bdi>" in page


def test_a_source_page_in_urdu(get_in_urdu, sample_archive):
    source = sample_archive.report_000
    response = get_in_urdu(source.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert '<p class="eyebrow">ذریعہ · ابھی درجہ بندی نہیں ہوئی</p>' in page
    assert "<dt>ناشر</dt><dd><bdi>درج نہیں</bdi></dd>" in page and "<dt>تاریخ</dt><dd>23 جون 2024</dd>" in page
    assert ">مکمل متن</h2>" in page and '<mark class="cited">نمایاں</mark> اقتباسات' in page
    assert ">آرکائیو اس ذریعے کا کس بات کے لیے حوالہ دیتا ہے</h2>" in page
    assert '<span class="badge">فیصلہ</span>' in page and '<span class="badge">شرکت</span>' in page
    assert "Shehbaz Sharif, Prime Minister میں Central Apex Committee" not in page
    assert "Central Apex Committee meeting approving Operation Azm-e-Istehkam میں Shehbaz Sharif, Prime Minister" in page
    assert 'aria-label="اقتباس 1 اس کی تائید کرتا ہے: ' in page and "متن میں دکھائیں" in page
    # The text is the source's, as received: nothing in it is translated.
    assert "The forum expressed that the campaign holds special significance" in page


def test_an_untitled_source_is_named_in_urdu_by_what_is_known(get_in_urdu, make_source):
    import datetime

    source = make_source(outlet="Dawn", published_on=datetime.date(2024, 6, 23))
    page = get_in_urdu(source.get_absolute_url()).content.decode()
    assert "<h1><bdi lang=\"en\">بلا عنوان ذریعہ (Dawn, 23 جون 2024)</bdi></h1>" in page
