import pytest

from curation.extraction.text import transliteration_skeleton


@pytest.mark.parametrize(
    ("spelling", "key"),
    [
        ("Azm-e-Istehkam", "operation:azm-e-istehkam"),
        ("AZM-E-ISTEHKAM", "operation:azm-e-istehkam"),
        ("Azm-i-Istehkam", "operation:azm-e-istehkam"),
        ("Azm-e-Istahkam", "operation:azm-e-istehkam"),
        ("Azme Istehkam", "operation:azm-e-istehkam"),
        ("Radd-ul-Fasaad", "operation:radd-ul-fasaad"),
        ("Raddul Fasaad", "operation:radd-ul-fasaad"),
        ("Radd-ul-Fasad", "operation:radd-ul-fasaad"),
        ("Zarb-e-Azb", "operation:zarb-e-azb"),
        ("Zarb-i-Azb", "operation:zarb-e-azb"),
        ("Zarb-e-Azab", "operation:zarb-e-azb"),
        ("Khyber-II", "operation:khyber-2"),
        ("Fitna al-Khawarij", "organisation:ttp"),
        ("Tehrik-i-Taliban Pakistan", "organisation:ttp"),
        ("Majid Brigade", "organisation:majeed-brigade"),
        ("Daesh", "organisation:iskp"),
    ],
)
def test_spellings_and_transliterations_resolve_to_one_entry(gazetteer, spelling, key):
    assert gazetteer.lookup(spelling).key == key


def test_the_skeleton_ignores_connectors_vowels_and_doubled_letters():
    assert transliteration_skeleton(["Azm", "e", "Istehkam"]) == transliteration_skeleton(["Azme", "Istahkam"])
    assert transliteration_skeleton(["Radd", "ul", "Fasaad"]) == transliteration_skeleton(["Rad", "ul", "Fasad"])
    assert transliteration_skeleton(["Zarb", "e", "Azb"]) != transliteration_skeleton(["Rah", "e", "Rast"])


def test_khyber_pakhtunkhwa_is_not_operation_khyber(gazetteer):
    keys = [m.entry.key for m in gazetteer.find("The Khyber Pakhtunkhwa Apex Committee met after Khyber-I ended.")]
    assert keys == ["body:apex-committee:khyber-pakhtunkhwa", "operation:khyber-1"]


def test_capital_abbreviations_match_only_in_capitals(gazetteer):
    assert [m.entry.key for m in gazetteer.find("The PM met the BLA's victims.")] == ["office:prime-minister", "organisation:bla"]
    assert gazetteer.find("They met at 3 pm after a short nap.") == []


def test_the_longest_name_wins(gazetteer):
    matches = gazetteer.find("The Deputy Prime Minister & Foreign Minister spoke, the Prime Minister's Office said.")
    assert [m.entry.key for m in matches] == ["office:deputy-prime-minister", "office:minister-foreign-affairs", "other:pmo"]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("all provincial Chief Ministers, including Gilgit-Baltistan", "group:chief-ministers"),
        ("chief ministers of all provinces and GB", "group:chief-ministers"),
        ("provincial chief ministers", "group:chief-ministers"),
        ("Services Chiefs", "group:service-chiefs"),
        ("service chiefs", "group:service-chiefs"),
        ("inspectors general of police", "group:inspectors-general-of-police"),
        ("corps commanders", "group:corps-commanders"),
        ("Chief Secretaries of provinces", "group:chief-secretaries"),
    ],
)
def test_groups(gazetteer, text, key):
    assert [m.entry.key for m in gazetteer.find(text)] == [key]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Sindh Chief Minister", "office:chief-minister:sindh"),
        ("Chief Minister of Khyber Pakhtunkhwa", "office:chief-minister:khyber-pakhtunkhwa"),
        ("CM Punjab", "office:chief-minister:punjab"),
        ("IG FC Balochistan", "office:ig-frontier-corps:balochistan"),
        ("Corps Commander Peshawar", "office:corps-commander:peshawar"),
        ("DG Rangers Sindh", "office:dg-rangers:sindh"),
        ("prime minister of Azad Jammu and Kashmir", "office:prime-minister:azad-jammu-and-kashmir"),
        ("COAS", "office:chief-of-army-staff"),
        ("army chief", "office:chief-of-army-staff"),
        ("director general of the Inter-Services Intelligence Agency (ISI)", "office:dg-isi"),
    ],
)
def test_offices(gazetteer, text, key):
    assert gazetteer.find(text)[0].entry.key == key
