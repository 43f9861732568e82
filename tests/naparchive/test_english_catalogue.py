"""The English catalogue: the interface's msgids translated as themselves, so English lookups are found."""
import gettext
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils.translation import trans_real

from foundations.english_catalogue import english_catalogue, main

BUILT = Path(settings.BASE_DIR) / "build" / "locale" / "en" / "LC_MESSAGES" / "django.mo"
TRANSLATIONS = sorted(Path(settings.BASE_DIR, "locale").glob("*/LC_MESSAGES/django.po"))


def write_po(path: Path, entries: list[polib.POEntry]) -> Path:
    catalogue = polib.POFile()
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Plural-Forms": "nplurals=2; plural=(n != 1);"}
    for entry in entries:
        catalogue.append(entry)
    catalogue.save(str(path))
    return path


def test_every_msgid_of_every_translation_is_its_own_english_translation(tmp_path):
    urdu = write_po(tmp_path / "ur.po", [
        polib.POEntry(msgid="Meetings", msgstr="اجلاس"),
        polib.POEntry(msgid="%(count)s meeting", msgid_plural="%(count)s meetings", msgstr_plural={0: "ا", 1: "ب"}),
        polib.POEntry(msgctxt="month", msgid="May", msgstr="مئی"),
        polib.POEntry(msgid="Retired wording", msgstr="پرانا", obsolete=True),
    ])
    another = write_po(tmp_path / "ps.po", [polib.POEntry(msgid="Meetings", msgstr="غونډې"), polib.POEntry(msgid="Sources", msgstr="سرچینې")])
    output = tmp_path / "build" / "en" / "LC_MESSAGES" / "django.mo"

    assert main([str(output), str(urdu), str(another)]) == 0
    with output.open("rb") as built:
        english = gettext.GNUTranslations(built)
    assert english.gettext("Meetings") == "Meetings" and english.gettext("Sources") == "Sources"
    assert english.ngettext("%(count)s meeting", "%(count)s meetings", 1) == "%(count)s meeting"
    assert english.ngettext("%(count)s meeting", "%(count)s meetings", 3) == "%(count)s meetings"
    assert english.pgettext("month", "May") == "May"
    assert "Retired wording" not in english._catalog
    assert len(english_catalogue([urdu, another])) == 4  # Meetings once, whichever catalogues name it


def test_the_usage_line_when_arguments_are_missing(capsys):
    assert main([]) == 2
    assert "python -m foundations.english_catalogue OUTPUT.mo" in capsys.readouterr().err


def test_the_built_catalogue_is_current_and_english_lookups_find_the_interface_strings():
    if not BUILT.exists() or any(BUILT.stat().st_mtime < po.stat().st_mtime for po in TRANSLATIONS):
        pytest.fail(f"{BUILT} is missing or older than locale/'s catalogues: run `make install` (it builds it).")
    msgids = [entry.msgid for po in TRANSLATIONS for entry in polib.pofile(str(po))
              if entry.msgid and not entry.obsolete and not entry.msgctxt and not entry.msgid_plural]
    english = trans_real.translation("en")
    found = [msgid for msgid in msgids if english._catalog.get(msgid) == msgid]
    assert found == msgids


def _pages(client) -> dict[str, bytes]:
    paths = ["/", "/meetings/", "/operations/", "/sources/", "/figures/", "/search/?q=Azm-i-Istehkam",
             "/search/?q=madaris", "/search/?q=zzzz", "/ur/", "/ur/search/?q=apex"]
    # The CSP nonce is new on every answer.
    return {path: re.sub(rb'nonce="[^"]*"', b"", client.get(path).content) for path in paths}


def test_pages_are_the_same_with_and_without_it(client, seeded_archive, settings, compiled_catalogues):
    assert trans_real.translation("en")._catalog.get("Meetings") == "Meetings"
    with_it = _pages(client)
    settings.LOCALE_PATHS = [Path(settings.BASE_DIR) / "locale"]  # Django drops its loaded translations on this change
    assert trans_real.translation("en")._catalog.get("Meetings") is None
    without = _pages(client)
    for path, page in with_it.items():
        assert page == without[path], path
