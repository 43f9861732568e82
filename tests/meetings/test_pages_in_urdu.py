"""The decision list and the people and office pages in the Urdu interface: Urdu labels, facts as curated."""
from django.urls import reverse


def en(fact: str) -> str:
    """A curated English fact as an Urdu page shows it: marked with its language."""
    return f'<bdi lang="en" dir="ltr">{fact}</bdi>'


def test_the_decision_list_in_urdu(get_in_urdu, sample_archive):
    response = get_in_urdu(reverse("meetings:decision-list"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>فیصلے</h1>" in page and ">3 فیصلے</h2>" in page
    # The action and domain are interface words; the decision's text and its meeting's title are as curated.
    assert '<span class="action">منظوری دی</span> ' + en("Approved Operation Azm-e-Istehkam, a renewed national counter-terrorism campaign.") in page
    assert '<span class="badge">متعدد شعبے</span>' in page
    assert f">{en('Central Apex Committee meeting approving Operation Azm-e-Istehkam')}</a>, 22 جون 2024" in page
    assert "آپریشن: <a " in page and "ذرائع کے 2 اقتباسات" in page and "ذرائع کا 1 اقتباس" in page
    assert "منگل کا دن، تاریخ طے نہیں" in page  # the undated meeting: a Tuesday, date not established
    assert ">کوئی بھی شعبہ</option>" in page and ">تاریخ طے نہیں</option>" in page and ">سال</label>" in page
    filtered = get_in_urdu(reverse("meetings:decision-list") + "?domain=military").content.decode()
    assert ">آپ کے فلٹرز سے مطابقت رکھنے والا 1 فیصلہ</h2>" in filtered
    refused = get_in_urdu(reverse("meetings:decision-list") + "?year=soon")
    assert refused.status_code == 400
    assert "سال: کوئی سال لکھیں، جیسے 2024، یا “تاریخ طے نہیں” چنیں۔" in refused.content.decode()


def test_the_people_and_offices_in_urdu(get_in_urdu, sample_archive):
    listing = get_in_urdu(reverse("meetings:person-list")).content.decode()
    assert "<h1>شخصیات اور عہدے</h1>" in listing and ">عہدے</h2>" in listing
    assert f">{en('Shehbaz Sharif')}</a></h3>" in listing and "1 اجلاس, 2024" in listing
    assert "نام سے معلوم 1 عہدیدار" in listing

    person = get_in_urdu(reverse("meetings:person-detail", args=["shehbaz-sharif"])).content.decode()
    assert '<p class="eyebrow">شخصیت</p>' in person and f"<h1>{en('Shehbaz Sharif')}</h1>" in person
    assert ">اجلاس جن میں شرکت کی</h2>" in person and "اجلاس جن میں شرکت کی، پرانے پہلے" in person

    office = get_in_urdu(reverse("meetings:office-detail", args=["prime-minister"])).content.decode()
    assert '<p class="eyebrow">عہدہ</p>' in office and f"<h1>{en('Prime Minister')}</h1>" in office
    assert "اس عہدے پر شرکتیں، پرانی پہلے" in office
    assert "بطور Prime Minister کس کس نے شرکت کی" in office


def test_the_meeting_page_in_urdu_labels_in_urdu_facts_marked_english(get_in_urdu, client, sample_archive):
    meeting = sample_archive.meeting
    response = get_in_urdu(meeting.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>{en('Central Apex Committee meeting approving Operation Azm-e-Istehkam')}</h1>" in page
    assert '<h2 id="facts-title">اجلاس</h2>' in page and '<h2 id="attendees-title">کس نے شرکت کی</h2>' in page
    assert '<h2 id="decisions-title">کیا فیصلہ ہوا</h2>' in page and "<dt>صدارت</dt>" in page
    assert '<span class="action">منظوری دی</span> ' + en("Approved Operation Azm-e-Istehkam, a renewed national counter-terrorism campaign.") in page
    assert f">{en('Shehbaz Sharif')}</a>" in page and en('Chief ministers of all provinces and GB') in page
    # The trail: its headings, the sourcing line and table in Urdu around the facts.
    assert ">ذرائع، اختلافات اور تصحیحات</h2>" in page and "اشاعت کے بعد کوئی تصحیح نہیں ہوئی۔" in page
    assert '<th scope="row" class="fact-label">اجلاس</th>' in page
    assert f'<th scope="row" class="fact-label">شرکت: {en("Shehbaz Sharif, Prime Minister")}</th>' in page
    assert "1 رپورٹ، 1 آزاد ذریعہ" in page or "2 رپورٹیں، 2 آزاد ذرائع" in page
    assert "Who attended" not in page and "No corrections since publication" not in page and "· NAP Archive" not in page

    # The English page is unchanged: no mark, English labels.
    client.cookies.clear()
    english = client.get(meeting.get_absolute_url()).content.decode()
    assert "<h1>Central Apex Committee meeting approving Operation Azm-e-Istehkam</h1>" in english
    assert '<th scope="row" class="fact-label">Attendance: Shehbaz Sharif, Prime Minister</th>' in english
    assert '<bdi lang="en" dir="ltr">' not in english and "کس نے شرکت کی" not in english
