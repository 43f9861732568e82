"""The names the extractor recognises: offices, groups, bodies, operations, organisations and places.

A curated built-in list (below) is merged with the archive's own records (see curation/selectors.py),
so every alias an editor records makes the next extraction better. Names are matched two ways:
exactly (ignoring case, accents, hyphens and quotes; all-capital abbreviations such as "PM" or "BLA"
only in capitals) and, for romanised Urdu names, by their transliteration skeleton, which tolerates
the e-/i-/-ul- connectors, doubled letters and a/e/i vowel changes without listing every spelling.
"""
import bisect
from collections import deque
from dataclasses import dataclass, field, replace
from functools import lru_cache

from curation.extraction.text import _WORD, Token, tokenize, transliteration_skeleton
from curation.extraction.urdu_names import urdu_variants
from foundations.aliases import fold_accents

OFFICE = "office"
GROUP = "group"
BODY = "body"
OPERATION = "operation"
ORGANISATION = "organisation"
PLACE = "place"
REGION = "region"
PERSON = "person"
OTHER = "other"  # names that must win over a shorter match inside them ("Prime Minister's Office")

# The longest name tried, in words; longer names are still matched by their first words' entry.
_MAX_WORDS = 12
_MIN_SKELETON = 5


@dataclass(frozen=True)
class Entry:
    key: str
    kind: str
    name: str
    variants: tuple[str, ...]
    transliterated: bool = False
    attrs: dict = field(default_factory=dict, hash=False, compare=False)
    record_id: int | None = None


@dataclass(frozen=True)
class Match:
    entry: Entry
    start: int
    end: int
    quote: str


_GAP_IGNORED = set(" \t-‐‑‒–—'’‘`\"“”")


def _gap_signature(gap: str) -> str:
    """Return what separates two words once spaces, hyphens and quotes are ignored ("" for most names)."""
    return "".join(ch for ch in gap if ch not in _GAP_IGNORED)


@dataclass(frozen=True)
class _Variant:
    tokens: tuple[Token, ...]
    gaps: tuple[str, ...]
    entry: Entry
    # Positions of the words written in capitals ("PM", "BLA"), which must be in capitals in the text too.
    capitals: tuple[int, ...] = ()


def _variant(variant: str, entry: Entry) -> _Variant | None:
    tokens = tuple(tokenize(variant))
    if not tokens or len(tokens) > _MAX_WORDS:
        return None
    gaps = tuple(_gap_signature(variant[a.end : b.start]) for a, b in zip(tokens, tokens[1:]))
    capitals = tuple(i for i, token in enumerate(tokens) if len(token.text) >= 2 and token.text.isupper())
    return _Variant(tokens, gaps, entry, capitals)


def _token_matches(variant_token: Token, text_token: Token) -> bool:
    if variant_token.key != text_token.key:
        return False
    # Abbreviations in capitals ("PM", "BLA", "NAP") must be in capitals in the text too, or "pm" in
    # "3 pm" and the word "nap" would match.
    if len(variant_token.text) >= 2 and variant_token.text.isupper():
        return text_token.text.isupper()
    return True


class Gazetteer:
    """The names to recognise, indexed so that finding them in a text costs time linear in its length.

    `find` reads a text once, word by word, trying at each word only the name lengths that some name
    starting with that word has, and only as many words of a transliterated name as still lead to one;
    the matches of the last text read are kept, so the many look-ups one extraction makes over
    sentences of the same report are binary searches, not new scans.
    """

    def __init__(self, entries: list[Entry]):
        self.entries: dict[str, Entry] = {}
        for entry in entries:
            self._merge(entry)
        self._indexed = False
        self._cached_text: str | None = None
        self._cached_matches: list[Match] = []
        self._cached_starts: list[int] = []

    def add(self, entry: Entry) -> None:
        """Add an entry, or merge its variants and record into the entry with the same key."""
        self._merge(entry)
        # Indexed again on the next look-up: adding a whole archive's records one by one stays linear.
        self._indexed = False
        self._cached_text = None

    def _merge(self, entry: Entry) -> None:
        existing = self.entries.get(entry.key)
        if existing is not None:
            entry = replace(
                existing,
                variants=tuple(dict.fromkeys(existing.variants + entry.variants)),
                record_id=entry.record_id if entry.record_id is not None else existing.record_id,
            )
        self.entries[entry.key] = entry

    def _index(self) -> None:
        if self._indexed:
            return
        self._exact: dict[tuple[str, ...], list[_Variant]] = {}
        self._lengths: dict[str, list[int]] = {}
        self._skeletons: dict[str, Entry] = {}
        self._skeleton_prefixes: set[str] = set()
        for entry in self.entries.values():
            for text in entry.variants:
                variant = _variant(text, entry)
                if variant is None:
                    continue
                keys = tuple(t.key for t in variant.tokens)
                self._exact.setdefault(keys, []).append(variant)
                self._lengths.setdefault(keys[0], []).append(len(keys))
                if entry.transliterated:
                    skeleton = transliteration_skeleton([t.text for t in variant.tokens])
                    if len(skeleton) >= _MIN_SKELETON:
                        self._skeletons.setdefault(skeleton, entry)
                        self._skeleton_prefixes.update(skeleton[:i] for i in range(1, len(skeleton) + 1))
        for first, lengths in self._lengths.items():
            self._lengths[first] = sorted(set(lengths), reverse=True)
        self._indexed = True

    def get(self, key: str) -> Entry | None:
        return self.entries.get(key)

    def of_kind(self, kind: str) -> list[Entry]:
        return [entry for entry in self.entries.values() if entry.kind == kind]

    def find(self, text: str, start: int = 0, end: int | None = None, kinds: set[str] | None = None) -> list[Match]:
        """Return the names in text[start:end], longest first at each position, never overlapping."""
        self._index()
        end = len(text) if end is None else end
        if self._cached_text is not text:
            self._cached_matches = self._scan(text, 0, len(text))
            self._cached_starts = [match.start for match in self._cached_matches]
            self._cached_text = text
        first = bisect.bisect_left(self._cached_starts, start)
        matches = []
        for match in self._cached_matches[first:]:
            if match.start >= end:
                break
            if match.end <= end and (kinds is None or match.entry.kind in kinds):
                matches.append(match)
        return matches

    def _scan(self, text: str, start: int, end: int) -> list[Match]:
        matches = []
        window: deque[Token] = deque()
        words = _WORD.finditer(text, start, end)
        exhausted = False
        while True:
            while not exhausted and len(window) < _MAX_WORDS:
                word = next(words, None)
                if word is None:
                    exhausted = True
                else:
                    window.append(Token(word.group(), word.start(), word.end()))
            if not window:
                return matches
            found = self._longest_at(text, window)
            if found is None:
                window.popleft()
                continue
            entry, length = found
            first, last = window[0], window[length - 1]
            end_at = last.end
            # "(NAP" is quoted with its closing bracket.
            if text.count("(", first.start, end_at) > text.count(")", first.start, end_at) and text[end_at : end_at + 1] == ")":
                end_at += 1
            matches.append(Match(entry, first.start, end_at, text[first.start : end_at]))
            for _ in range(length):
                window.popleft()

    def lookup(self, name: str) -> Entry | None:
        """Return the entry a whole name (an answer, an alias) stands for, or None."""
        self._index()
        tokens = tokenize(name)
        if not tokens or len(tokens) > _MAX_WORDS:
            return None
        found = self._longest_at(name, tokens, case_sensitive=False)
        if found is not None and found[1] == len(tokens):
            return found[0]
        return None

    def _longest_at(self, text: str, window, case_sensitive: bool = True) -> tuple[Entry, int] | None:
        """Return the longest name starting at the window's first word: an exact one, else a transliteration."""
        keys: list[str] = []
        gaps: list[str] = []

        def key_at(i: int) -> str:
            while len(keys) <= i:
                keys.append(_fold(window[len(keys)].text))
            return keys[i]

        def gap_at(i: int) -> str:  # between word i and word i + 1
            while len(gaps) <= i:
                j = len(gaps)
                gaps.append(_gap_signature(text[window[j].end : window[j + 1].start]))
            return gaps[i]

        best = None
        for length in self._lengths.get(key_at(0), ()):
            if length > len(window):
                continue
            wanted = tuple(key_at(i) for i in range(length))
            variants = self._exact.get(wanted)
            if not variants:
                continue
            signature = tuple(gap_at(i) for i in range(length - 1))
            for variant in variants:
                if variant.gaps != signature:
                    continue
                # The words are equal once folded; abbreviations must also be in capitals ("3 pm" is not the PM).
                if not case_sensitive or all(window[i].text.isupper() for i in variant.capitals):
                    best = (variant.entry, length)
                    break
            if best is not None:
                break
        if window[0].is_capitalised or not case_sensitive:
            skeleton_match = None
            for length in range(1, min(5, len(window)) + 1):
                if length > 1 and gap_at(length - 2):
                    break
                skeleton = _skeleton(tuple(window[i].text for i in range(length)))
                if skeleton not in self._skeleton_prefixes:
                    break
                entry = self._skeletons.get(skeleton)
                if entry is not None:
                    skeleton_match = (entry, length)
            if skeleton_match is not None and (best is None or skeleton_match[1] > best[1]):
                best = skeleton_match
        return best


@lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    return fold_accents(word)


@lru_cache(maxsize=65536)
def _skeleton(words: tuple[str, ...]) -> str:
    return transliteration_skeleton(list(words))


# ----------------------------------------------------------------------------------------------
# The built-in gazetteer, from public knowledge of Pakistan's counter-terrorism architecture.

PROVINCES = {
    "khyber-pakhtunkhwa": ("Khyber Pakhtunkhwa", ["Khyber Pakhtunkhwa", "KP", "K-P", "KPK", "Khyber-Pakhtunkhwa"]),
    "sindh": ("Sindh", ["Sindh"]),
    "balochistan": ("Balochistan", ["Balochistan", "Baluchistan"]),
    "punjab": ("Punjab", ["Punjab"]),
    "gilgit-baltistan": ("Gilgit-Baltistan", ["Gilgit-Baltistan", "Gilgit Baltistan", "GB"]),
    "azad-jammu-and-kashmir": ("Azad Jammu and Kashmir", ["Azad Jammu and Kashmir", "AJK", "Azad Kashmir", "AJ&K"]),
}
# Where the head of government is a prime minister, not a chief minister.
_PRIME_MINISTER_TERRITORIES = {"azad-jammu-and-kashmir"}

CITIES = [
    "Islamabad", "Rawalpindi", "Lahore", "Karachi", "Peshawar", "Quetta", "Gilgit", "Muzaffarabad",
    "Multan", "Hyderabad", "Gwadar", "Bannu", "Dera Ismail Khan", "Faisalabad", "Sukkur", "Turbat",
]
VENUES = [
    ("Prime Minister House", ["Prime Minister House", "PM House", "Prime Minister's House"]),
    ("Chief Minister House", ["Chief Minister House", "CM House", "Chief Minister's House", "CM Secretariat", "Chief Minister Secretariat", "Chief Minister's Secretariat"]),
    ("Governor House", ["Governor House", "Governor's House"]),
    ("General Headquarters", ["General Headquarters", "GHQ"]),
    ("Corps Headquarters", ["Corps Headquarters"]),
    ("Ministry of Interior", ["Ministry of Interior", "Interior Ministry"]),
]


def _office(key, name, variants, **attrs) -> Entry:
    return Entry(f"office:{key}", OFFICE, name, tuple(variants), attrs=attrs)


def _group(key, name, variants, **attrs) -> Entry:
    return Entry(f"group:{key}", GROUP, name, tuple(variants), attrs=attrs)


def _ministers() -> list[Entry]:
    portfolios = {
        "interior": ("Interior", ["Interior", "Interior Affairs"]),
        "defence": ("Defence", ["Defence", "Defense"]),
        "finance": ("Finance", ["Finance", "Finance and Revenue"]),
        "foreign-affairs": ("Foreign Affairs", ["Foreign Affairs", "Foreign"]),
        "information": ("Information and Broadcasting", ["Information", "Information and Broadcasting"]),
        "law": ("Law and Justice", ["Law", "Law and Justice"]),
        "planning": ("Planning, Development and Special Initiatives", ["Planning", "Planning and Development"]),
        "religious-affairs": ("Religious Affairs", ["Religious Affairs"]),
        "education": ("Federal Education", ["Education", "Federal Education"]),
        "kashmir-affairs": ("Kashmir Affairs", ["Kashmir Affairs"]),
    }
    entries = []
    for key, (title, words) in portfolios.items():
        variants = []
        for word in words:
            for form in (f"Minister for {word}", f"Minister of {word}", f"{word} Minister", f"Federal {word} Minister",
                         f"Federal Minister for {word}", f"Federal Minister of {word}", f"Minister {word}"):
                variants.append(form)
        if key == "foreign-affairs":
            variants += ["Foreign Minister", "FM"]
        entries.append(_office(f"minister-{key}", f"Minister for {title}", variants, portfolio=words[0]))
    entries.append(_office("minister-of-state-interior", "Minister of State for Interior",
                           ["Minister of State for Interior", "State Minister for Interior", "Minister of State for Interior Affairs"]))
    return entries


def _provincial_offices() -> list[Entry]:
    entries = []
    titles = {
        "chief-minister": ("Chief Minister", ["Chief Minister", "CM", "chief executive", "Wazir-e-Aala", "Wazir-i-Aala", "Wazir-e-Ala"]),
        "governor": ("Governor", ["Governor"]),
        "chief-secretary": ("Chief Secretary", ["Chief Secretary", "CS"]),
        "inspector-general-of-police": ("Inspector General of Police", ["Inspector General of Police", "Inspector-General of Police", "IGP", "IG Police", "police chief", "IG"]),
        "home-minister": ("Home Minister", ["Home Minister", "Minister for Home Affairs", "Home Affairs Minister"]),
        "home-secretary": ("Home Secretary", ["Home Secretary", "Additional Chief Secretary Home", "Additional Chief Secretary (Home)", "ACS Home"]),
        "advocate-general": ("Advocate General", ["Advocate General"]),
    }
    for key, (title, forms) in titles.items():
        generic_variants = [form for form in forms if form not in {"CS", "IG", "police chief", "chief executive"}]
        entries.append(_office(key, title, generic_variants, qualify_by_province=True, base=key))
        for province, (province_name, province_names) in PROVINCES.items():
            if key == "chief-minister" and province in _PRIME_MINISTER_TERRITORIES:
                continue
            variants = []
            for p in province_names:
                for form in forms:
                    variants += [f"{form} of {p}", f"{form} {p}", f"{p} {form}", f"{form} of the {p}"]
                if key == "inspector-general-of-police":
                    variants += [f"{p} police chief", f"IG {p} Police", f"IG {p}", f"{p} IG", f"{p} IGP"]
            entries.append(_office(f"{key}:{province}", f"{title} of {province_name}", variants, province=province, base=key))
    for province in _PRIME_MINISTER_TERRITORIES:
        province_name, province_names = PROVINCES[province]
        variants = []
        for p in province_names:
            variants += [f"Prime Minister of {p}", f"{p} Prime Minister", f"{p} PM", f"Prime Minister {p}", f"PM {p}"]
        entries.append(_office(f"prime-minister:{province}", f"Prime Minister of {province_name}", variants, province=province, base="chief-minister"))
    for city in ["Peshawar", "Quetta", "Karachi", "Lahore", "Rawalpindi", "Multan", "Gujranwala", "Bahawalpur", "Mangla"]:
        entries.append(_office(f"corps-commander:{fold_accents(city)}", f"Corps Commander {city}",
                               [f"Corps Commander {city}", f"{city} Corps Commander", f"Commander {city} Corps", f"{city} Corps commander"]))
    entries.append(_office("commander-southern-command", "Commander Southern Command",
                           ["Commander Southern Command", "Southern Command Commander", "Commander of the Southern Command"]))
    entries.append(_office("force-commander-northern-areas", "Force Commander Northern Areas",
                           ["Force Commander Northern Areas", "FCNA commander", "Commander Force Command Northern Areas", "Force Commander Gilgit-Baltistan"]))
    entries.append(_office("dg-rangers", "Director General Rangers", ["DG Rangers", "Director General Rangers", "Rangers DG", "Rangers chief"],
                           qualify_by_province=True, base="dg-rangers"))
    entries.append(_office("ig-frontier-corps", "Inspector General Frontier Corps", ["IG FC", "IGFC", "Inspector General Frontier Corps", "IG Frontier Corps"],
                           qualify_by_province=True, base="ig-frontier-corps"))
    for province in ["sindh", "punjab"]:
        name = PROVINCES[province][0]
        entries.append(_office(f"dg-rangers:{province}", f"Director General Rangers {name}",
                               [f"DG Rangers {name}", f"Director General Rangers {name}", f"{name} Rangers DG",
                                f"Director General of {name} Rangers", f"{name} Rangers chief", f"DG {name} Rangers"]))
    for province in ["khyber-pakhtunkhwa", "balochistan"]:
        name, names = PROVINCES[province]
        variants = []
        for p in names:
            variants += [f"IG FC {p}", f"IG Frontier Corps {p}", f"Inspector General Frontier Corps {p}", f"IGFC {p}", f"Frontier Corps {p} chief", f"Inspector General of Frontier Corps {p}"]
        entries.append(_office(f"ig-frontier-corps:{province}", f"Inspector General Frontier Corps {name}", variants))
    return entries


def builtin_entries() -> list[Entry]:
    """Return the built-in names, each with its Urdu writings (curation/extraction/urdu_names.py)."""
    urdu = urdu_variants()
    return [replace(entry, variants=entry.variants + tuple(urdu[entry.key])) if entry.key in urdu else entry for entry in _english_entries()]


def _english_entries() -> list[Entry]:
    entries = [
        _office("prime-minister", "Prime Minister", ["Prime Minister", "PM", "premier", "Premier", "Prime Minister of Pakistan", "Wazir-e-Azam", "Wazir-i-Azam"]),
        _office("deputy-prime-minister", "Deputy Prime Minister", ["Deputy Prime Minister", "Deputy PM", "DPM"]),
        _office("president", "President", ["President of Pakistan", "President"]),
        _office("chief-of-army-staff", "Chief of Army Staff",
                ["Chief of Army Staff", "Chief of the Army Staff", "COAS", "army chief", "Army Chief", "Chief of Army Staff and Chief of Defence Forces", "Chief of Defence Forces"]),
        _office("chairman-joint-chiefs", "Chairman Joint Chiefs of Staff Committee",
                ["Chairman Joint Chiefs of Staff Committee", "CJCSC", "Chairman of the Joint Chiefs of Staff Committee"]),
        _office("chief-of-naval-staff", "Chief of the Naval Staff", ["Chief of Naval Staff", "Chief of the Naval Staff", "naval chief", "Naval Chief", "CNS"]),
        _office("chief-of-air-staff", "Chief of the Air Staff", ["Chief of Air Staff", "Chief of the Air Staff", "air chief", "Air Chief", "CAS"]),
        _office("dg-isi", "Director General of Inter-Services Intelligence",
                ["DG ISI", "Director General ISI", "Director General of ISI", "director general of the Inter-Services Intelligence",
                 "Director General of Inter-Services Intelligence", "director general of the Inter-Services Intelligence Agency",
                 "director general of the Inter-Services Intelligence (ISI)", "director general of the Inter-Services Intelligence Agency (ISI)",
                 "Director General Inter-Services Intelligence", "ISI chief", "spymaster"]),
        _office("dg-mi", "Director General of Military Intelligence", ["DG MI", "Director General Military Intelligence", "Director General of Military Intelligence"]),
        _office("dg-ib", "Director General of the Intelligence Bureau", ["DG IB", "Director General Intelligence Bureau", "Director General of the Intelligence Bureau", "IB chief"]),
        _office("dg-ispr", "Director General of Inter-Services Public Relations", ["DG ISPR", "Director General ISPR", "Director General Inter-Services Public Relations"]),
        _office("dg-fia", "Director General of the Federal Investigation Agency", ["DG FIA", "Director General FIA", "FIA chief"]),
        _office("national-coordinator-nacta", "National Coordinator of NACTA",
                ["National Coordinator NACTA", "NACTA National Coordinator", "National Coordinator of NACTA", "NACTA chief", "NACTA head", "National Coordinator"]),
        _office("national-security-adviser", "National Security Adviser",
                ["National Security Adviser", "National Security Advisor", "NSA", "national security adviser", "National Security Adviser to the Prime Minister"]),
        _office("attorney-general", "Attorney General for Pakistan", ["Attorney General", "Attorney General for Pakistan", "Attorney-General"]),
        _office("interior-secretary", "Federal Secretary for Interior", ["Interior Secretary", "Secretary Interior", "Federal Interior Secretary", "Secretary of Interior", "Secretary for Interior"]),
        _office("special-assistant-interior", "Special Assistant to the Prime Minister on Interior", ["Special Assistant to the Prime Minister on Interior", "SAPM on Interior"]),
        *_ministers(),
        *_provincial_offices(),
        # Groups: attendance the reports give without names.
        _group("chief-ministers", "Chief ministers of the provinces",
               ["chief ministers", "provincial chief ministers", "chief ministers of all provinces", "chief ministers of all the provinces",
                "all provincial chief ministers", "all chief ministers", "chief ministers of all four provinces", "chief ministers of the four provinces",
                "chief ministers of the provinces", "chief ministers of provinces", "chief ministers of all provinces and GB", "chief ministers of all provinces and Gilgit-Baltistan",
                "chief ministers of all the provinces and Gilgit-Baltistan", "all provincial Chief Ministers, including Gilgit-Baltistan", "CMs", "all CMs", "chief ministers of the four provinces"], per_province="chief-minister"),
        _group("service-chiefs", "Services chiefs", ["service chiefs", "services chiefs", "chiefs of the armed forces", "three services chiefs", "all services chiefs", "chiefs of the three services", "military chiefs"]),
        _group("chief-secretaries", "Chief secretaries of the provinces",
               ["chief secretaries", "chief secretaries of provinces", "chief secretaries of the provinces", "provincial chief secretaries", "chief secretaries of all provinces", "chief secretaries of all the provinces", "all chief secretaries"], per_province="chief-secretary"),
        _group("inspectors-general-of-police", "Inspectors general of police",
               ["inspectors general of police", "inspectors-general of police", "inspector generals of police", "IGPs", "IGs", "provincial police chiefs", "police chiefs", "IGs of police", "inspectors general of police of all provinces", "provincial police officers", "IGs of all provinces"], per_province="inspector-general-of-police"),
        _group("corps-commanders", "Corps commanders", ["corps commanders", "all corps commanders", "relevant corps commanders"]),
        _group("federal-secretaries", "Federal secretaries", ["federal secretaries", "secretaries of federal ministries", "relevant federal secretaries"]),
        _group("federal-ministers", "Federal ministers", ["federal ministers", "federal cabinet members", "federal cabinet ministers", "cabinet members", "federal cabinet ministers", "members of the federal cabinet", "important federal cabinet ministers", "senior federal ministers"]),
        _group("governors", "Governors of the provinces", ["governors", "provincial governors", "governors of all provinces"], per_province="governor"),
        _group("provincial-home-ministers", "Provincial home ministers", ["home ministers", "provincial home ministers"]),
        _group("home-secretaries", "Provincial home secretaries", ["home secretaries", "provincial home secretaries"]),
        _group("heads-of-intelligence-agencies", "Heads of intelligence agencies", ["heads of intelligence agencies", "heads of the intelligence agencies", "heads of all intelligence agencies", "chiefs of intelligence agencies"]),
        _group("provincial-ministers", "Provincial ministers", ["provincial ministers", "members of the provincial cabinet", "provincial cabinet members"]),
        _group("parliamentary-leaders", "Parliamentary leaders", ["parliamentary leaders", "leaders of parliamentary parties", "leaders of the parliamentary parties", "heads of political parties", "political leadership", "leaders of political parties"]),
        *_bodies(),
        *_operations(),
        *_organisations(),
        *[Entry(f"region:{key}", REGION, name, tuple(names)) for key, (name, names) in PROVINCES.items()],
        *[Entry(f"place:{fold_accents(city).replace(' ', '-')}", PLACE, city, (city,)) for city in CITIES],
        *[Entry(f"venue:{fold_accents(name).replace(' ', '-')}", PLACE, name, tuple(variants), attrs={"venue": True}) for name, variants in VENUES],
        # Longer names that contain an office but are not one.
        Entry("other:pmo", OTHER, "Prime Minister's Office", ("Prime Minister's Office", "Prime Minister Office", "PMO", "PM Office", "PM's Office", "Prime Minister’s Office")),
        Entry("other:cmo", OTHER, "Chief Minister's Office", ("Chief Minister's Office", "CM Office", "Chief Minister Office", "Chief Minister’s Office")),
        Entry("other:ispr", OTHER, "Inter-Services Public Relations", ("ISPR", "Inter-Services Public Relations", "Inter Services Public Relations")),
        Entry("other:isi", OTHER, "Inter-Services Intelligence", ("Inter-Services Intelligence", "ISI", "Inter-Services Intelligence Agency")),
        Entry("other:nisp", OTHER, "National Internal Security Policy", ("National Internal Security Policy", "NISP")),
        Entry("other:nap", OTHER, "National Action Plan", ("National Action Plan", "NAP", "revised National Action Plan", "revised NAP")),
        Entry("other:afghan-taliban", OTHER, "Afghan Taliban", ("Afghan Taliban", "Afghan Taliban regime", "interim Afghan government", "Taliban government")),
        Entry("other:ministry-of-interior", OTHER, "Ministry of Interior", ("ministry of interior", "ministries of interior", "interior ministry")),
    ]
    return entries


def _bodies() -> list[Entry]:
    nap_suffixes = ["on the National Action Plan", "on National Action Plan", "of the National Action Plan", "of National Action Plan",
                    "for the National Action Plan", "for National Action Plan", "on NAP", "on the NAP", "of the NAP", "of NAP", "for NAP",
                    "on the National Action Plan (NAP)", "of the National Action Plan (NAP)", "on National Action Plan (NAP)"]
    variants = []
    for prefix in ["Central", "Federal", "National", "federal government's"]:
        variants.append(f"{prefix} Apex Committee")
        variants += [f"{prefix} Apex Committee {suffix}" for suffix in nap_suffixes]
    variants += [f"Apex Committee {suffix}" for suffix in nap_suffixes]
    variants += ["NAP Apex Committee", "National Action Plan Apex Committee", "apex committee of the country"]
    entries = [
        Entry("body:central-apex-committee", BODY, "Central Apex Committee on the National Action Plan", tuple(variants),
              attrs={"body_kind": "federal_apex_committee", "chair_office": "office:prime-minister", "level": "federal"}),
        Entry("body:apex-committee", BODY, "Apex committee", ("apex committee", "Apex Committee", "apex committee meeting"),
              attrs={"generic": True}),
        Entry("body:provincial-apex-committee", BODY, "Provincial apex committee", ("provincial apex committee",),
              attrs={"generic": True, "level": "provincial"}),
        Entry("mention:provincial-apex-committees", OTHER, "Provincial apex committees",
              ("provincial apex committees", "apex committees", "provincial apex committees'", "apex committees of the provinces")),
        Entry("body:national-internal-security-committee", BODY, "National Internal Security Committee",
              ("National Internal Security Committee", "NISC", "National Internal Security Committee (NISC)"),
              attrs={"body_kind": "national_committee", "chair_office": "office:minister-interior", "level": "federal"}),
        Entry("body:national-security-committee", BODY, "National Security Committee",
              ("National Security Committee", "NSC", "National Security Committee (NSC)"),
              attrs={"body_kind": "national_committee", "chair_office": "office:prime-minister", "level": "federal"}),
        Entry("body:parliamentary-committee-on-national-security", BODY, "Parliamentary Committee on National Security",
              ("Parliamentary Committee on National Security", "PCNS", "parliamentary committee on national security"),
              attrs={"body_kind": "national_committee", "level": "federal"}),
        # Sittings that are not a standing committee's: a conference of party leaders, or "a high-level
        # meeting" the prime minister chairs; the editor names it on accepting.
        Entry("body:multi-party-conference", BODY, "Multi-party conference",
              ("multi-party conference", "multiparty conference", "multi-parties conference", "MPC", "all parties conference", "all-parties conference",
               "all-party conference", "all party conference", "APC", "All Parties Conference", "national consultative conference"),
              attrs={"body_kind": "other", "chair_office": "office:prime-minister", "level": "federal", "conference": True}),
        Entry("body:high-level-meeting", BODY, "High-level meeting",
              ("high-level meeting", "high level meeting", "high-level security meeting", "high-level huddle", "consultative meeting", "special meeting"),
              attrs={"body_kind": "other", "chair_office": "office:prime-minister", "adhoc": True}),
        Entry("body:nap-review-committee", BODY, "NAP review committee",
              ("NAP review committee", "National Action Plan review committee", "NAP implementation committee", "provincial NAP review committee",
               "provincial NAP implementation committee", "committee on NAP implementation", "NAP implementation review committee",
               "provincial committee on NAP", "provincial committee on the National Action Plan"),
              attrs={"generic": True, "family": "nap-review-committee"}),
        Entry("body:nacta", BODY, "National Counter Terrorism Authority",
              ("National Counter Terrorism Authority", "National Counter-Terrorism Authority", "NACTA", "Nacta", "NACTA's"),
              attrs={"body_kind": "authority", "meets": False}),
        Entry("body:nacta-board-of-governors", BODY, "Board of Governors of NACTA",
              ("NACTA Board of Governors", "Board of Governors of NACTA", "board of governors of the National Counter Terrorism Authority", "NACTA board"),
              attrs={"body_kind": "authority", "chair_office": "office:prime-minister", "level": "federal"}),
        Entry("body:district-coordination-committees", BODY, "District coordination committees",
              ("district coordination committees", "district coordination committee", "District Coordination Committee", "DCCs"),
              attrs={"body_kind": "district_committee", "meets": False}),
        Entry("body:corps-commanders-conference", BODY, "Corps Commanders' Conference",
              ("Corps Commanders Conference", "Corps Commanders' Conference", "Corps Commanders’ Conference", "CCC"),
              attrs={"body_kind": "other", "chair_office": "office:chief-of-army-staff", "level": "federal"}),
        Entry("body:federal-cabinet", BODY, "Federal Cabinet", ("federal cabinet", "Federal Cabinet", "cabinet"),
              attrs={"body_kind": "government", "meets": False}),
        Entry("body:national-intelligence-fusion-centre", BODY, "National Intelligence Fusion and Threat Assessment Centre",
              ("National Intelligence Fusion and Threat Assessment Centre", "National Intelligence Fusion and Threat Assessment Center", "NIFTAC",
               "National and Provincial Intelligence Fusion and Threat Assessment Centre"),
              attrs={"body_kind": "authority", "meets": False}),
    ]
    for province, (name, names) in PROVINCES.items():
        variants = []
        for p in names:
            variants += [f"{p} Apex Committee", f"{p} provincial apex committee", f"Apex Committee of {p}", f"apex committee of the {p}",
                         f"provincial apex committee of {p}", f"{p} Apex Committee on National Action Plan", f"{p} Apex Committee on NAP",
                         f"{p} Apex Committee on the National Action Plan", f"{p} government's apex committee", f"apex committee {p}",
                         f"{p} apex committee meeting", f"{p}'s apex committee", f"Apex Committee ({p})", f"provincial apex committee in {p}",
                         f"Apex Committee for {p}", f"provincial apex committee for {p}", f"{p} government's apex committee"]
        chair = "office:prime-minister:azad-jammu-and-kashmir" if province in _PRIME_MINISTER_TERRITORIES else f"office:chief-minister:{province}"
        entries.append(Entry(f"body:apex-committee:{province}", BODY, f"{name} Apex Committee", tuple(variants),
                             attrs={"body_kind": "provincial_apex_committee", "province": province, "chair_office": chair, "level": "provincial"}))
        review = []
        for p in names:
            review += [f"{p} NAP review committee", f"{p} NAP implementation committee", f"NAP review committee of {p}",
                       f"{p} National Action Plan review committee", f"{p}'s NAP review committee", f"{p} provincial NAP review committee"]
        entries.append(Entry(f"body:nap-review-committee:{province}", BODY, f"{name} NAP review committee", tuple(review),
                             attrs={"body_kind": "other", "province": province, "level": "provincial"}))
    return entries


def _operations() -> list[Entry]:
    def op(key, name, variants, kind="military_operation"):
        return Entry(f"operation:{key}", OPERATION, name, tuple(variants), transliterated=True, attrs={"operation_kind": kind})

    return [
        op("azm-e-istehkam", "Azm-e-Istehkam", ["Azm-e-Istehkam", "Azm-i-Istehkam", "Azm-e-Istahkam", "Azme Istehkam", "Azm-e-Istekham", "Azm-e-Istihkam"], kind="vision"),
        op("radd-ul-fasaad", "Radd-ul-Fasaad", ["Radd-ul-Fasaad", "Raddul Fasaad", "Radd-ul-Fasad", "Radd ul Fasaad", "Rad-ul-Fasad"]),
        op("zarb-e-azb", "Zarb-e-Azb", ["Zarb-e-Azb", "Zarb-i-Azb", "Zarb-e-Azab", "Zarbe Azb"]),
        op("rah-e-rast", "Rah-e-Rast", ["Rah-e-Rast", "Rah-i-Rast", "Rahe Rast"]),
        op("rah-e-nijat", "Rah-e-Nijat", ["Rah-e-Nijat", "Rah-i-Nijat", "Rahe Nijat"]),
        op("sher-dil", "Sher Dil", ["Sher Dil", "Sherdil"]),
        op("khyber-1", "Khyber-I", ["Khyber-I", "Khyber-1", "Khyber I", "Operation Khyber-I", "Operation Khyber-1"]),
        op("khyber-2", "Khyber-II", ["Khyber-II", "Khyber-2", "Khyber II", "Operation Khyber-II"]),
        op("khyber-3", "Khyber-III", ["Khyber-III", "Khyber-3", "Khyber III", "Operation Khyber-III"]),
        op("khyber-4", "Khyber-IV", ["Khyber-IV", "Khyber-4", "Khyber IV", "Operation Khyber-IV"]),
        op("rah-e-haq", "Rah-e-Haq", ["Rah-e-Haq", "Rah-i-Haq"]),
        op("koh-e-sufaid", "Koh-e-Sufaid", ["Koh-e-Sufaid", "Koh-i-Sufaid"]),
        op("bunyan-um-marsoos", "Bunyan-um-Marsoos", ["Bunyan-um-Marsoos", "Bunyanun Marsoos", "Bunyan-un-Marsoos", "Bunyanum Marsoos"]),
        op("karachi-operation", "Karachi operation", ["Karachi operation", "Karachi targeted operation"]),
    ]


def _organisations() -> list[Entry]:
    def org(key, name, variants, transliterated=True):
        return Entry(f"organisation:{key}", ORGANISATION, name, tuple(variants), transliterated=transliterated)

    return [
        org("ttp", "Tehreek-e-Taliban Pakistan",
            ["Tehreek-e-Taliban Pakistan", "Tehrik-i-Taliban Pakistan", "Tehrik-e-Taliban Pakistan", "Tehreek-i-Taliban Pakistan", "TTP",
             "Pakistani Taliban", "Fitna al-Khawarij", "Fitna al Khawarij", "Fitnatul Khawarij", "Fitna-tul-Khawarij", "Fitna-al-Khawarij",
             "khawarij", "Khawarij", "khwarij", "Khwarij", "Fitna al-Khwarij", "FAK"]),
        org("bla", "Balochistan Liberation Army", ["Balochistan Liberation Army", "Baloch Liberation Army", "BLA", "BLA-J", "BLA-Jeeyand", "BLA-Azad"]),
        org("blf", "Balochistan Liberation Front", ["Balochistan Liberation Front", "Baloch Liberation Front", "BLF"]),
        org("majeed-brigade", "Majeed Brigade", ["Majeed Brigade", "Majid Brigade"]),
        org("bras", "Baloch Raji Aajoi Sangar", ["BRAS", "Baloch Raji Aajoi Sangar", "Baloch Raaji Aajoi Sangar", "Baloch Raji Ajoi Sangar"]),
        org("bra", "Baloch Republican Army", ["Baloch Republican Army", "BRA"]),
        org("fitna-al-hindustan", "Fitna al-Hindustan", ["Fitna al-Hindustan", "Fitna al Hindustan", "Fitna-al-Hindustan", "Fitna-e-Hindustan"]),
        org("iskp", "Islamic State Khorasan Province",
            ["Islamic State Khorasan Province", "Islamic State-Khorasan", "ISKP", "IS-K", "ISIS-K", "Daesh", "Daish", "ISIS", "Islamic State", "IS-KP"]),
        org("lashkar-e-jhangvi", "Lashkar-e-Jhangvi", ["Lashkar-e-Jhangvi", "Lashkar-i-Jhangvi", "LeJ", "LEJ", "Lashkar-e-Jhangvi al-Alami", "LeJ-A"]),
        org("jamaat-ul-ahrar", "Jamaat-ul-Ahrar", ["Jamaat-ul-Ahrar", "Jamatul Ahrar", "Jamaat ul Ahrar", "JuA", "JUA"]),
        org("hafiz-gul-bahadur-group", "Hafiz Gul Bahadur group", ["Hafiz Gul Bahadur group", "Hafiz Gul Bahadur", "Gul Bahadur group", "HGB"]),
        org("tlp", "Tehreek-e-Labbaik Pakistan", ["Tehreek-e-Labbaik Pakistan", "Tehrik-i-Labbaik Pakistan", "TLP", "Tehreek-i-Labbaik Pakistan"]),
        org("lashkar-e-taiba", "Lashkar-e-Taiba", ["Lashkar-e-Taiba", "Lashkar-e-Tayyiba", "LeT"]),
        org("jaish-e-mohammad", "Jaish-e-Mohammad", ["Jaish-e-Mohammad", "Jaish-e-Muhammad", "Jaish-i-Mohammad", "JeM"]),
        org("jamaat-ud-dawa", "Jamaat-ud-Dawa", ["Jamaat-ud-Dawa", "Jamatud Dawa", "JuD", "JUD"]),
        org("falah-e-insaniat", "Falah-e-Insaniat Foundation", ["Falah-e-Insaniat Foundation", "Falah-i-Insaniat Foundation", "FIF"]),
        org("sipah-e-sahaba", "Sipah-e-Sahaba Pakistan", ["Sipah-e-Sahaba Pakistan", "Sipah-i-Sahaba Pakistan", "SSP", "Sipah-e-Sahaba"]),
        org("aswj", "Ahl-e-Sunnat Wal Jamaat", ["Ahl-e-Sunnat Wal Jamaat", "Ahle Sunnat Wal Jamaat", "ASWJ"]),
        org("sipah-e-muhammad", "Sipah-e-Muhammad Pakistan", ["Sipah-e-Muhammad Pakistan", "Sipah-e-Muhammad"]),
        org("al-qaeda", "Al-Qaeda", ["Al-Qaeda", "al-Qaeda", "Al Qaeda", "Al-Qaida", "AQIS", "al-Qaeda in the Indian Subcontinent"]),
        org("lashkar-e-islam", "Lashkar-e-Islam", ["Lashkar-e-Islam", "Lashkar-i-Islam"]),
        org("jundullah", "Jundullah", ["Jundullah", "Jundallah"]),
        org("zainabiyoun-brigade", "Zainabiyoun Brigade", ["Zainabiyoun Brigade", "Zainebiyoun Brigade", "Zainabiyun Brigade"]),
        org("hizb-ut-tahrir", "Hizb-ut-Tahrir", ["Hizb-ut-Tahrir", "Hizbut Tahrir", "Hizb ut-Tahrir"]),
        org("ptm", "Pashtun Tahaffuz Movement", ["Pashtun Tahaffuz Movement", "Pashtun Tahafuz Movement", "PTM"]),
        org("jamaat-ul-ahrar-hizbul", "Hizbul Ahrar", ["Hizbul Ahrar", "Hizb-ul-Ahrar"]),
        org("ittehad-ul-mujahideen", "Ittehad-ul-Mujahideen Pakistan", ["Ittehad-ul-Mujahideen Pakistan", "Ittehadul Mujahideen Pakistan", "IMP"]),
    ]
