"""Sentences in which the meeting decided, approved, directed, agreed, sanctioned or resolved, with a domain."""
import re
from dataclasses import dataclass

from curation.extraction import urdu
from curation.extraction.text import Sentence

# (pattern, action). Verb forms only: "targets decided under the NAP" is not a decision.
_CUES = [
    (r"\b(?:it was|was|were|has been|have been) (?:also )?decided\b|\bdecided (?:to|that|on)\b|\bdecision was (?:taken|made)\b|\btook (?:the |a )?decision\b|\b(?:committee|meeting|forum|huddle|session|participants|it) (?:also |further |unanimously )?decided\b", "decided"),
    (r"\b(?:has|have|had)? ?(?:also )?(?:approved|sanctioned|endorsed|ratified)\b|\bgave (?:the |its )?(?:go-ahead|approval|nod|green light)\b|\bapproval (?:was|has been) (?:given|accorded)\b|\bwas approved\b|\bwere approved\b|\baccorded approval\b", "approved"),
    (r"\b(?:directed|ordered|instructed|tasked)\b", "directed"),
    (r"\b(?:agreed|consensus was reached|reached a consensus)\b", "agreed"),
    (r"\bresolved (?:to|that)\b|\bvowed\b", "resolved"),
]
_CUE_PATTERNS = [(re.compile(pattern, re.IGNORECASE), action) for pattern, action in _CUES + urdu.DECISION_CUES]
# Decisions of another time or another body.
_ELSEWHERE = re.compile(
    r"\b(?:had (?:decided|approved|agreed|directed)|last (?:month|week|year)|earlier this (?:month|year)|previous(?:ly)?|in the past|"
    r"(?:targets|measures|steps) (?:decided|agreed) (?:under|upon)|court|judge|bench)\b|" + urdu.DECISION_ELSEWHERE,
    re.IGNORECASE,
)

DOMAIN_WORDS = {
    "military": ["military", "kinetic", "armed forces", "army", "operation", "operations", "intelligence-based operations", "ibo", "troops", "security forces"],
    "law_enforcement": ["police", "law enforcement", "leas", "ctd", "counter terrorism department", "counter-terrorism department", "rangers", "frontier corps", "crackdown", "arrest", "levies", "fia", "capacity building"],
    "intelligence": ["intelligence", "fusion", "threat assessment", "isi", "intelligence bureau", "surveillance", "information sharing"],
    "politico_diplomatic": ["diplomatic", "diplomacy", "regional cooperation", "afghanistan", "afghan", "political consensus", "political parties", "political support", "all parties", "foreign", "border management"],
    "legal": ["legislation", "legal", "law", "laws", "courts", "prosecution", "judicial", "amendment", "amend", "ordinance", "bill", "fourth schedule", "proscribed", "ban", "banned", "proscription", "anti-terrorism act"],
    "socio_economic": ["socio-economic", "socioeconomic", "development", "employment", "jobs", "education", "madrassa", "madrassas", "seminaries", "youth", "economic", "uplift", "poverty"],
    "information": ["narrative", "media", "disinformation", "misinformation", "propaganda", "social media", "information space", "crisis information", "public awareness", "hate speech", "digital"],
    "governance": ["coordination", "committee", "committees", "implementation", "key performance indicators", "kpis", "establish", "revitalisation", "revitalization", "nacta", "cell", "secretariat", "timelines", "monitoring", "review", "mechanism"],
    "internal_security": ["internal security", "security of chinese", "chinese citizens", "chinese nationals", "foolproof security", "security of foreign", "safe city", "protection", "writ of the state", "illegal spectrum", "crime-terror nexus", "smuggling", "illegal foreigners", "illegal immigrants", "repatriation"],
}
_DOMAIN_PATTERNS = {
    domain: [re.compile(r"\b" + re.escape(word) + r"\b", re.IGNORECASE) for word in words + urdu.DOMAIN_WORDS.get(domain, [])]
    for domain, words in DOMAIN_WORDS.items()
}


@dataclass(frozen=True)
class DecisionFound:
    sentence: Sentence
    action: str
    cue: str
    domain: str
    domain_scores: dict


def suggest_domain(sentence: str) -> tuple[str, dict]:
    """Return the Decision.Domain the sentence's words point to, "multi_domain" when three or more do."""
    scores = {}
    for domain, patterns in _DOMAIN_PATTERNS.items():
        hits = sum(1 for pattern in patterns if pattern.search(sentence))
        if hits:
            scores[domain] = hits
    if not scores:
        return "governance", scores
    if len(scores) >= 4 or (len(scores) >= 3 and re.search(r"whole-of|multi-domain|all domains|comprehensive", sentence, re.IGNORECASE)):
        return "multi_domain", scores
    order = list(DOMAIN_WORDS)
    best = max(scores.items(), key=lambda item: (item[1], -order.index(item[0]) if item[0] != "governance" else -99))
    return best[0], scores


def find_decisions(sentence_list: list[Sentence], body_start: int) -> list[DecisionFound]:
    found = []
    for sentence in sentence_list:
        if sentence.end <= body_start or len(sentence.text) < 25:
            continue
        if _ELSEWHERE.search(sentence.text):
            continue
        for pattern, action in _CUE_PATTERNS:
            cue = pattern.search(sentence.text)
            if cue:
                domain, scores = suggest_domain(sentence.text)
                found.append(DecisionFound(sentence, action, cue.group().strip(), domain, scores))
                break
    return found
