"""The synonym sets every archive starts with; editors add to them in the admin."""
from django.db import migrations

SETS = [
    (["madrasa", "madrassa", "madrassah", "madrasah", "madaris", "seminary", "seminaries", "مدرسہ", "مدارس"],
     "Religious seminaries: the sources write madrassa; readers also write madrasa, madaris (plural) or seminary."),
    (["NACTA", "National Counter Terrorism Authority", "National Counter-Terrorism Authority"],
     "The authority's name and its abbreviation."),
    (["KP", "KPK", "Khyber Pakhtunkhwa", "Khyber-Pakhtunkhwa", "خیبر پختونخوا"], "The province's name and its abbreviations."),
    (["Balochistan", "Baluchistan", "بلوچستان"], "The province's two romanised spellings."),
]


def add_sets(apps, schema_editor):
    SynonymSet = apps.get_model("synonyms", "SynonymSet")
    for words, note in SETS:
        SynonymSet.objects.create(words="\n".join(words), note=note)


def remove_sets(apps, schema_editor):
    SynonymSet = apps.get_model("synonyms", "SynonymSet")
    SynonymSet.objects.filter(words__in=["\n".join(words) for words, _ in SETS]).delete()


class Migration(migrations.Migration):
    dependencies = [("synonyms", "0001_initial")]
    operations = [migrations.RunPython(add_sets, remove_sets)]
