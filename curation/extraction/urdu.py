"""Urdu cue words and patterns, joined to the English ones by each extraction pass.

One pipeline reads English and Urdu reports: layout, dates, meetings, people, attendees, operations,
decisions and figures each add the patterns here to their own, so an Urdu report is read by the same
editorial rules ("ہفتے کے روز" is the most recent Saturday on or before the report's date, as "on
Saturday" is). Urdu has no capitals and puts its postpositions after the noun ("اسلام آباد میں",
"جمعہ کو", "شہباز شریف کی زیر صدارت"), so these patterns look after a name where the English ones look
before it, and a personal name ends at a function word rather than at a lower-case one.

Words are compared folded (foundations.aliases.fold_accents): Arabic and Urdu forms of yeh, kaf and heh,
hamza and the short-vowel marks fold alike, so "جمعه" and "جمعہ" are one weekday.
"""
import re

from foundations.aliases import fold_accents, is_arabic_script

# Combining marks (zer, zabar, the superscript alef of "اعلیٰ", hamza above) and the zero-width
# (non-)joiners belong to the word they sit in: without them "وزیراعلیٰ" would end at its last letter.
WORD_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u200c\u200d"
# The Urdu full stop and question mark end sentences as "." and "?" do.
SENTENCE_ENDS = "۔؟"


_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def has_arabic_script(text: str, start: int = 0, end: int | None = None) -> bool:
    """Return True if text[start:end] has any Arabic-script character: English text then skips the Urdu patterns."""
    return _ARABIC_LETTER.search(text, start, len(text) if end is None else end) is not None


def is_urdu(sentence: str) -> bool:
    """Return True if most letters of the sentence are Arabic script (an English one quoting an Urdu name is not)."""
    if not is_arabic_script(sentence):
        return False  # most sentences of an English report: one search, no count
    letters = sum(1 for ch in sentence if ch.isalpha())
    return len(_ARABIC_LETTER.findall(sentence)) * 2 > letters


def _folded_alternation(words) -> str:
    """Return a regex alternation of the words, longest first, accepting Arabic or Urdu forms of yeh, kaf and heh."""
    forms = sorted(set(words), key=len, reverse=True)
    classes = {"ی": "[یيى]", "ي": "[یيى]", "ک": "[کك]", "ك": "[کك]", "ہ": "[ہهە]", "ه": "[ہهە]", " ": r"\s+"}
    return "|".join("".join(classes.get(ch, re.escape(ch)) for ch in form) for form in forms)


# -- dates -------------------------------------------------------------------------------------------

WEEKDAYS = {"پیر": 0, "سوموار": 0, "منگل": 1, "بدھ": 2, "جمعرات": 3, "جمعہ": 4, "جمعے": 4, "ہفتہ": 5, "ہفتے": 5, "اتوار": 6}
MONTHS = {
    "جنوری": 1, "فروری": 2, "مارچ": 3, "اپریل": 4, "مئی": 5, "مئ": 5, "جون": 6, "جولائی": 7, "جولائ": 7, "اگست": 8,
    "ستمبر": 9, "اکتوبر": 10, "نومبر": 11, "دسمبر": 12,
}
_WEEKDAY_NUMBERS = {fold_accents(word): number for word, number in WEEKDAYS.items()}
_MONTH_NUMBERS = {fold_accents(word): number for word, number in MONTHS.items()}
# Relative words, as the English pattern names them, so the same resolution applies.
RELATIVE = {
    "آج": "today", "گزشتہ روز": "yesterday", "گذشتہ روز": "yesterday", "گزشتہ شب": "yesterday", "گذشتہ شب": "yesterday",
    "گزشتہ ہفتے": "last week", "گذشتہ ہفتے": "last week", "پچھلے ہفتے": "last week", "گزشتہ ماہ": "last month",
    "گذشتہ ماہ": "last month", "پچھلے ماہ": "last month", "گزشتہ مہینے": "last month", "رواں ماہ": "this month",
    "اس ماہ": "this month", "رواں ہفتے": "this week", "اس ہفتے": "this week", "گزشتہ سال": "last year", "گذشتہ سال": "last year",
    "پچھلے سال": "last year", "رواں سال": "this year", "اس سال": "this year",
}
_RELATIVE_FOLDED = {fold_accents(" ".join(words.split())): meaning for words, meaning in RELATIVE.items()}
# Words before or after a date that say how it relates to the event, as the English leads ("since June").
DATE_LEADS = {
    "بروز": "on", "کو": "on", "گزشتہ": "last", "گذشتہ": "last", "پچھلے": "last", "رواں": "this", "میں": "in",
    "سے": "since", "تک": "until", "کے دوران": "during", "سال": "in",
}
_LEADS_FOLDED = {fold_accents(word): lead for word, lead in DATE_LEADS.items()}

_WD = _folded_alternation(WEEKDAYS)
_MO = _folded_alternation(MONTHS)
_AFTER_WEEKDAY = r"کو|کے\s+روز|کے\s+دن|کی\s+(?:صبح|شام|رات|سہ\s*پہر)"
_TRAIL = r"\s+(?P<after>میں|سے|تک|کے\s+دوران)(?![\w" + WORD_MARKS + "])"

# (form, pattern): the forms of dates.py, with the same group names.
DATE_PATTERNS = [
    # (بروز) ہفتہ، 22 جون 2024 / ۲۳ جون ۲۰۲۴ء / 23 جون کو
    ("day_month", re.compile(
        rf"(?:(?:بروز\s+)?(?P<weekday>{_WD})\s*[،,]?\s+)?(?<!\d)(?P<day>[0-3۰-۳]?\d)(?!\d)\s+(?P<month>{_MO})"
        rf"(?:\s*[،,]?\s*(?P<year>(?:19|20|۱۹|۲۰)\d\d)(?!\d)(?:\s*ء)?)?")),
    # جون 2024 / جون میں / گزشتہ جون
    ("month", re.compile(
        rf"(?:(?P<lead>گزشتہ|گذشتہ|پچھلے|رواں)\s+)?(?<![\w])(?P<month>{_MO})(?![\w{WORD_MARKS}])"
        rf"(?:\s*[،,]?\s*(?P<year>(?:19|20|۱۹|۲۰)\d\d)(?!\d)(?:\s*ء)?)?(?:{_TRAIL})?")),
    ("relative", re.compile(
        r"(?<![\w])(?P<relative>" + _folded_alternation(RELATIVE) + r")(?![\w" + WORD_MARKS + r"])(?!\s+کل)")),
    # ہفتے کے روز / بروز جمعرات / گزشتہ جمعہ کو
    ("weekday", re.compile(
        rf"(?:(?P<lead>بروز)\s+(?P<weekday>{_WD})(?![\w{WORD_MARKS}])|"
        rf"(?:(?P<lead2>گزشتہ|گذشتہ|پچھلے)\s+)?(?<![\w])(?P<weekday2>{_WD})\s+(?:{_AFTER_WEEKDAY})(?![\w{WORD_MARKS}]))")),
    # سال 2023 / 2023 میں / 2023 سے
    ("year", re.compile(
        rf"(?:(?P<lead>سال)\s+(?P<year>(?:19|20|۱۹|۲۰)\d\d)(?!\d)|(?<!\d)(?P<year2>(?:19|20|۱۹|۲۰)\d\d)(?!\d)(?:\s*ء)?{_TRAIL})")),
]


def weekday_number(word: str) -> int | None:
    return _WEEKDAY_NUMBERS.get(fold_accents(word))


def month_number(word: str) -> int | None:
    return _MONTH_NUMBERS.get(fold_accents(word))


def relative_meaning(words: str) -> str | None:
    return _RELATIVE_FOLDED.get(fold_accents(" ".join(words.split())))


def date_lead(word: str) -> str | None:
    return _LEADS_FOLDED.get(fold_accents(" ".join(word.split())))


# -- the page: dateline, byline, captions, related links ----------------------------------------------

CITIES = {
    "اسلام آباد": "Islamabad", "راولپنڈی": "Rawalpindi", "لاہور": "Lahore", "کراچی": "Karachi", "پشاور": "Peshawar",
    "کوئٹہ": "Quetta", "گلگت": "Gilgit", "مظفرآباد": "Muzaffarabad", "مظفر آباد": "Muzaffarabad", "ملتان": "Multan",
    "حیدرآباد": "Hyderabad", "حیدر آباد": "Hyderabad", "گوادر": "Gwadar", "بنوں": "Bannu", "ڈیرہ اسماعیل خان": "Dera Ismail Khan",
    "فیصل آباد": "Faisalabad", "سکھر": "Sukkur", "تربت": "Turbat",
}
_CITY = _folded_alternation(CITIES)
# "اسلام آباد:" / "اسلام آباد (نمائندہ جنگ)" / "کوئٹہ (دنیا نیوز)" opening the lead: a known city, then an agency
# in brackets or a colon (a headline may open with a city too, but not so).
DATELINE = re.compile(rf"\s*(?P<city>{_CITY})\s*(?:\((?P<agency>[^()\n]{{1,40}})\)\s*[:：]?|[:：]|\s[-–—]\s)")
_DATE_AT_END = rf"(?:\d{{1,2}}\s+(?:{_MO})\s*[،,]?\s*\d{{4}}\s*ء?|\d{{4}}-\d\d-\d\d)\s*(?:\d{{1,2}}:\d\d\s*\S*)?\s*$"
BYLINE = re.compile(
    r"^\s*(?:نمائندہ|نامہ\s*نگار|خبر\s*نگار|ویب\s*ڈیسک|اسٹاف\s*رپورٹر|سٹاف\s*رپورٹر|نیوز\s*رپورٹر|خصوصی\s*رپورٹر|ہمارے\s*نمائندے|"
    r"مانیٹرنگ\s*ڈیسک|نیوز\s*ڈیسک|رپورٹ\s*[:：]|تحریر\s*[:：]|شائع|اپ\s*ڈیٹ)(?![\w" + WORD_MARKS + r"])[^۔\n]{0,80}$|"
    r"^[^۔\n]{0,60}?" + _DATE_AT_END
)
CAPTION_END = re.compile(r"(?:[—–-]\s*|\(\s*)(?:فائل\s*)?(?:فوٹو|تصویر|بشکریہ)\s*[:：]?[^\n()]{0,40}\)?\s*$|^\s*(?:فائل\s*)?فوٹو\s*[:：]")
RELATED = re.compile(
    r"^\s*(?:مزید\s+پڑھیں|مزید\s+پڑھیے|یہ\s+بھی\s+پڑھیں|یہ\s+بھی\s+پڑھیے|متعلقہ\s+خبریں|متعلقہ|اشتہار|تبصرے|شیئر\s+کریں|ہمیں\s+فالو\s+کریں)"
)

# -- the meeting ---------------------------------------------------------------------------------------

MEETING_CUE = r"اجلاس|میٹنگ|صدارت|زیر\s*صدارت|منعقد|شرکت|شریک|بریفنگ|کانفرنس|ایپکس\s+کمیٹی|اپیکس\s+کمیٹی|سربراہی\s+میں|اعلامیہ|اعلامیے"
# "زیر صدارت ایپکس کمیٹی" / "ایپکس کمیٹی کا اجلاس" / "ایپکس کمیٹی نے ... منظوری دی"
BEFORE_BODY = r"(?:زیر\s*صدارت|صدارت\s+میں|سربراہی\s+میں)\s+(?:\S+\s+){0,2}$"
AFTER_BODY = r"^\s*(?:\)\s*)?(?:(?:کا|کے)\s+(?:\S+\s+)?(?:اجلاس|میٹنگ)|نے\s+[^۔\n]{0,80}?(?:منظوری|فیصلہ|اتفاق|جائزہ))"
PROVINCIAL = r"صوبائی"
FEDERAL_WORDS = ("مرکزی", "وفاقی", "قومی")
HABITUAL = (r"عام\s+طور\s+پر|عموماً|عموما|معمول\s+کے\s+مطابق|کرتے\s+ہیں|ہوتی\s+ہے|ہوتا\s+ہے|ہوتے\s+ہیں|قائم\s+کی\s+گئیں|"
            r"تشکیل\s+دی\s+گئی|پر\s+مشتمل")
UNDER_WAY = r"(?:اجلاس|میٹنگ)\s+(?:\S+\s+){0,3}(?:جاری\s+ہے|ہو\s+رہا\s+ہے)"
PREVIEW = (r"کریں\s+گے|کرے\s+گا|کریں\s+گی|کرے\s+گی|ہوگا|ہو\s+گا|ہوگی|ہو\s+گی|ہوں\s+گے|طلب\s+کر\s*لیا|متوقع|آئندہ\s+ہفتے|"
           r"ہونے\s+والا|ہونے\s+والے")
POSTPONED = r"ملتوی|منسوخ|مؤخر|موخر"
HELD = (r"منعقد\s+ہو[اۓئ]|اجلاس\s+ہوا|(?<![\w])ہوا(?![\w])|صدارت\s+کی(?!\s+جائے)(?![\w])|منظوری\s+دی(?!\s+جائے)|منظوری\s+دے\s+دی|"
        r"فیصلہ\s+کیا(?!\s+جائے)|جائزہ\s+لیا(?!\s+جائے)|شرکت\s+کی(?![\w])|بریفنگ\s+دی(?![\w])|اتفاق\s+کیا|ہدایت\s+کی(?![\w])")
# After the chair's office and name: "... کی زیر صدارت", "... کی صدارت میں", "... نے اجلاس کی صدارت کی".
CHAIR_AFTER = (r"^\s*(?:[،,]\s*)?(?:کی\s+(?:زیر\s*صدارت|صدارت\s+میں|سربراہی\s+میں)|"
               r"نے\s+[^۔\n]{0,80}?(?:صدارت\s+کی|صدارت\s+کرتے|صدارت\s+کر\s+رہے))")
# Before the chair: "زیر صدارت وزیراعظم ...", "اجلاس کی صدارت وزیراعلیٰ ... نے کی".
CHAIR_BEFORE = r"(?:زیر\s*صدارت|(?:اجلاس|میٹنگ)\s+کی\s+صدارت)\s+(?:(?:نگران|قائم\s+مقام)\s+)?$"
# "وزیراعظم کی زیر صدارت اجلاس ہوا": a sitting the report names by no body.
UNNAMED_MEETING = r"(?:زیر\s*صدارت|صدارت\s+میں|سربراہی\s+میں)\s+(?:\S+\s+){0,5}?(?P<meeting>اجلاس)(?![\w" + WORD_MARKS + "])"
# Where it met: the place, then "میں" ("وزیراعلیٰ ہاؤس پشاور میں").
PLACE_AFTER = re.compile(r"\s*(?:\S+\s+)?میں(?![\w" + WORD_MARKS + "])")
TODAY = "آج"

# -- people ----------------------------------------------------------------------------------------------

RANKS = re.compile(
    r"(?:(?:فیلڈ\s+مارشل|لیفٹیننٹ\s+جنرل|لیفٹننٹ\s+جنرل|میجر\s+جنرل|بریگیڈیئر|جنرل|ایئر\s+چیف\s+مارشل|ایڈمرل|ڈاکٹر|بیرسٹر|سینیٹر|جسٹس|"
    r"ریٹائرڈ|انجینئر)\s+)+"
)
# Words that end a personal name: postpositions, conjunctions, verbs, and the words of offices and places.
_NAME_STOPS = """
کی کا کے نے سے میں کو پر اور بھی نیز جبکہ سمیت ہے ہیں تھا تھے تھی تھیں گیا گئی گئے کر کرتے کرنے کہا کہ والے والا بطور
اجلاس کمیٹی صوبائی وفاقی سیکرٹری چیف آئی جی ڈی وزیر وزیراعظم وزیراعلیٰ وزیر اعلیٰ کمانڈر گورنر ہاؤس آفس سیکرٹریٹ پاکستان
آپریشن اپنے ان انہوں جو جن جس کل آج خصوصی طور نگران مشیر ترجمان زیر صدارت سربراہی جنہوں بعد قبل دوران ساتھ لیے لئے
شریک شرکت موجود سمیت
""".split()
NAME_STOPS = {fold_accents(word) for word in _NAME_STOPS} | set(_WEEKDAY_NUMBERS) | set(_MONTH_NUMBERS)

# -- who attended --------------------------------------------------------------------------------------------

ATTENDANCE_CUE = (r"شرکت|شریک|موجود|بریفنگ|بریف\s+کیا|آگاہ\s+کیا|نے\s+(?:اجلاس\s+کو\s+)?بتایا|مدعو|خصوصی\s+دعوت|صدارت|"
                  r"ویڈیو\s+لنک")
BRIEFER_CUE = r"بریفنگ\s+دی|بریف\s+کیا|آگاہ\s+کیا|نے\s+(?:اجلاس\s+کو\s+)?بتایا"
INVITEE_CUE = r"خصوصی\s+(?:طور\s+پر|دعوت)|مدعو"
NOT_AT_MEETING = r"گزشتہ\s+(?:ماہ|ہفتے|سال|اجلاس)|گذشتہ\s+(?:ماہ|ہفتے|سال|اجلاس)|پچھلے\s+اجلاس|اس\s+سے\s+قبل"
# An attendance list's items are separated by commas, "اور" (and), "جبکہ" (while) and "سمیت" (including).
LIST_SEPARATORS = re.compile(r"[،,؛;]|\s(?:اور|جبکہ|سمیت|نیز)\s")
LIST_OPENER = re.compile(r"^\s*(?:اجلاس\s+میں|میٹنگ\s+میں|اس\s+موقع\s+پر|دیگر|تمام)\s+")
LIST_CLOSER = re.compile(r"\s+(?:نے|بھی|شریک|شرکت|موجود|کو|کی|سے)(?![\w" + WORD_MARKS + r"]).*$")
# The head of an Urdu phrase comes last: "اعلیٰ سول و عسکری حکام", "متاثرہ اضلاع کے ڈپٹی کمشنرز".
GROUP_HEADS = {fold_accents(word) for word in """
حکام افسران افسروں نمائندے نمائندوں سربراہان سربراہوں اراکین ارکان رہنما رہنماؤں قائدین وزرا وزراء مشیران عمائدین علما علماء
کمشنرز کمانڈرز سیکرٹریز ماہرین عہدیداران عہدیداروں
""".split()}
OFFICE_HEADS = {fold_accents(word) for word in "وزیر سیکرٹری کمانڈر ڈائریکٹر مشیر چیئرمین کمشنر ایڈمنسٹریٹر ترجمان کمانڈنٹ".split()}
OFFICE_OPENERS = {fold_accents(word) for word in "سینئر ایڈیشنل ڈپٹی صوبائی وفاقی اسپیشل خصوصی معاون".split()} | OFFICE_HEADS
OFFICE_CONTINUES = {fold_accents(word) for word in "داخلہ خزانہ قانون اطلاعات پولیس دفاع منصوبہ بندی بلدیات برائے".split()}

# -- operations, organisations, decisions, figures -----------------------------------------------------------

BANNED = "کالعدم"
# "کالعدم سندھو دیش ریولوشنری آرمی": an outfit the gazetteer lacks, its name up to the next function word.
NAMED_OUTFIT = re.compile(
    r"کالعدم\s+(?P<name>(?:[^\s،۔,()]+\s+){0,4}?[^\s،۔,()]+)(?=\s+(?:کے|کی|کا|سے|نے|کو|پر|اور|میں|سمیت|جیسی|جیسے|سے)(?![\w" + WORD_MARKS + r"])|\s*[،۔,]|\s*$)"
)
OUTFIT_WORDS = {fold_accents(word) for word in "آرمی فرنٹ لشکر جیش تحریک سپاہ بریگیڈ موومنٹ فورس فوج جماعت گروپ تنظیم لیگ".split()}
GENERIC_OUTFITS = {fold_accents(word) for word in "تنظیم تنظیموں تنظیمیں جماعتوں جماعتیں گروہوں گروہ گروپوں".split()}

DECISION_CUES = [
    (r"فیصلہ\s+کیا|فیصلے\s+کیے|فیصلہ\s+ہوا", "decided"),
    (r"منظوری\s+(?:دی|دے\s+دی)|منظور\s+کر\s*لیا|منظور\s+کیا|توثیق\s+کی", "approved"),
    (r"ہدایت\s+کی|ہدایات\s+(?:دیں|جاری\s+کیں)|احکامات\s+(?:دیے|جاری\s+کیے)|حکم\s+دیا", "directed"),
    (r"اتفاق\s+کیا|اتفاق\s+رائے\s+(?:ہوا|پایا\s+گیا)|متفق", "agreed"),
    (r"عزم\s+(?:کا\s+اعادہ\s+کیا|ظاہر\s+کیا|کیا)", "resolved"),
]
DECISION_ELSEWHERE = r"گزشتہ\s+(?:ماہ|ہفتے|سال|اجلاس)|گذشتہ\s+(?:ماہ|ہفتے|سال|اجلاس)|اس\s+سے\s+قبل|پہلے\s+ہی|عدالت|کیا\s+گیا\s+تھا"
DOMAIN_WORDS = {
    "military": ["فوج", "فوجی", "آپریشن", "مسلح افواج", "سکیورٹی فورسز", "سیکیورٹی فورسز"],
    "law_enforcement": ["پولیس", "سی ٹی ڈی", "رینجرز", "کریک ڈاؤن", "گرفتار", "لیویز", "ایف سی"],
    "intelligence": ["انٹیلی جنس", "خفیہ", "معلومات کا تبادلہ"],
    "politico_diplomatic": ["افغانستان", "افغان", "سفارتی", "سیاسی جماعتوں", "سرحد", "بارڈر"],
    "legal": ["قانون", "قانون سازی", "عدالتوں", "ترمیم", "فورتھ شیڈول", "پابندی", "کالعدم"],
    "socio_economic": ["سماجی", "اقتصادی", "ترقی", "روزگار", "تعلیم", "مدارس", "نوجوانوں", "امداد"],
    "information": ["بیانیہ", "میڈیا", "سوشل میڈیا", "پروپیگنڈا", "منافرت"],
    "governance": ["رابطہ", "رابطے", "عملدرآمد", "نگرانی", "استعداد", "وسائل"],
    "internal_security": ["چینی شہریوں", "شاہراہوں", "سیف سٹی", "تحفظ", "اسمگلنگ", "غیر قانونی مقیم", "حفاظتی انتظامات"],
}
FIGURE = re.compile(
    r"(?<![\w\-])(?P<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w\-])"
    r"(?:\s+(?P<scale>ہزار|لاکھ|کروڑ|ارب))?"
    r"(?P<qualifier>\s+سے\s+(?:زائد|زیادہ|کم|متجاوز))?"
    r"(?P<percent>\s+فیصد)?(?P<currency>\s+روپے)?"
    r"(?P<what>(?:\s+(?!(?:کے|کی|کا|میں|سے|کو|نے|اور|پر|ہیں|ہے|تھے|تھا|کر|جبکہ|سال|ماہ|دن|ہفتے|گھنٹے|مرتبہ|بار)(?![\w" + WORD_MARKS + r"]))"
    r"[^\s\d،۔,()]+){0,2})"
)
FIGURE_SCALES = {"ہزار": "thousand", "لاکھ": "lakh", "کروڑ": "crore", "ارب": "billion"}
