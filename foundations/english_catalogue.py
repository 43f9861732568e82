"""Write the English catalogue: every msgid of the interface's translations, translated as itself.

English is the language the interface's strings are written in, so it needs no translation; but without
a catalogue of its own every English lookup misses, and a miss walks each installed app's (empty)
English catalogue and the fallbacks behind them before giving the msgid back. A search page makes
dozens of lookups (its labels, its template's strings): with this catalogue they are found at once, a
search costs about 0.5 ms less (README, Benchmark), and the pages are byte for byte the same.

Built by `make install` from the catalogues in locale/ into build/locale/ (the second of LOCALE_PATHS),
never committed and never edited: `makemessages -a` sees only locale/, whose msgids it already keeps.

    python -m foundations.english_catalogue OUTPUT.mo locale/*/LC_MESSAGES/django.po
"""
import sys
from pathlib import Path

import polib

HEADER = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en", "Plural-Forms": "nplurals=2; plural=(n != 1);"}


def english_catalogue(translations: list[Path]) -> polib.POFile:
    """Return a catalogue of the msgids of `translations` (.po files), each translated as itself."""
    catalogue = polib.POFile()
    catalogue.metadata = dict(HEADER)
    seen = set()
    for path in translations:
        for entry in polib.pofile(str(path)):
            key = (entry.msgctxt, entry.msgid, entry.msgid_plural)
            if entry.obsolete or not entry.msgid or key in seen:
                continue
            seen.add(key)
            if entry.msgid_plural:
                catalogue.append(polib.POEntry(msgctxt=entry.msgctxt, msgid=entry.msgid, msgid_plural=entry.msgid_plural,
                                               msgstr_plural={0: entry.msgid, 1: entry.msgid_plural}))
            else:
                catalogue.append(polib.POEntry(msgctxt=entry.msgctxt, msgid=entry.msgid, msgstr=entry.msgid))
    return catalogue


def main(arguments: list[str]) -> int:
    if len(arguments) < 2:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    output, translations = Path(arguments[0]), [Path(argument) for argument in arguments[1:]]
    catalogue = english_catalogue(translations)
    output.parent.mkdir(parents=True, exist_ok=True)
    catalogue.save_as_mofile(str(output))
    print(f"{output}: {len(catalogue)} English messages from {len(translations)} catalogue(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
