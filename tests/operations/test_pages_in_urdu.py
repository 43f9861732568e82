"""The operation pages in the Urdu interface: Urdu labels, facts as curated."""
from django.urls import reverse


def en(fact: str) -> str:
    """A curated English fact as an Urdu page shows it: marked with its language."""
    return f'<bdi lang="en" dir="ltr">{fact}</bdi>'


def test_an_operation_page_in_urdu(get_in_urdu, sample_archive):
    response = get_in_urdu(sample_archive.operation.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert '<p class="eyebrow">قومی مہم</p>' in page and f"<h1>{en('Azm-e-Istehkam')}</h1>" in page
    assert "آغاز: <a " in page and f">{en('Central Apex Committee meeting approving Operation Azm-e-Istehkam')}</a>، 22 جون 2024۔" in page
    assert ">حقائق</h2>" in page and "<dt>حیثیت</dt><dd>ذرائع میں درج نہیں</dd>" in page
    assert "<dt>نام اور املا</dt>" in page and f"“{en('Azm-e-Istahkam')}” <span class=\"precision\">(املا یا نقلِ حرفی کا فرق)</span>" in page
    assert "000 calls it an operation; a later feature calls it a vision." in page  # the editors' note, as curated
    assert ">اجلاس اور فیصلے، وقت کی ترتیب سے</h2>" in page and "<strong>یہاں آغاز ہوا</strong>" in page
    assert "خود آپریشن کے بارے میں ابھی کوئی اقتباس درج نہیں؛ نیچے اجلاس دیکھیں۔" in page
    child = get_in_urdu(sample_archive.child_operation.get_absolute_url()).content.decode()
    assert "<dt>جس کا حصہ ہے</dt>" in child and "منگل کا دن، تاریخ طے نہیں" in child


def test_the_operation_list_in_urdu(get_in_urdu, sample_archive):
    page = get_in_urdu(reverse("operations:operation-list")).content.decode()
    assert "<h1>آپریشنز</h1>" in page
    assert "قومی مہم · حیثیت: ذرائع میں درج نہیں" in page and "1 فیصلہ" in page and f"دوسرے املا “{en('Azm-e-Istahkam')}”" in page
    assert f">{en('Azm-e-Istehkam')}</a> کا حصہ" in page  # the child operation names its parent
    assert "ٹائم لائن پر آپریشنز، آغاز کی تاریخ کے لحاظ سے" in page
    assert "آغاز کی طے شدہ تاریخ کے بغیر 2 آپریشنز فہرست میں ہیں مگر چارٹ میں نہیں دکھائے گئے۔" in page
    assert "<td>پالیسی یا منصوبہ</td><td>طے نہیں</td><td>آغاز کا کوئی اجلاس درج نہیں</td>" in page  # the chart's table
    assert "آغاز کا اجلاس درج نہیں · 0 فیصلے" in page and f">{en('National Action Plan')}</a></h2>" in page
