"""The Urdu writings of the built-in gazetteer's names, by entry key.

Urdu reports name the same offices, bodies, places, operations and outfits as English ones; each Urdu
writing here joins the variants of the built-in entry with that key, so an Urdu report's "وزیراعلیٰ
سندھ" is the same office as an English report's "Sindh Chief Minister". Names are compared folded
(yeh, kaf and heh forms, hamza, diacritics and zero-width joiners do not matter), so one writing covers
those variants; a name written with and without a space ("وزیراعظم", "وزیر اعظم") needs both.
The archive's own Urdu aliases (curated records) are added by curation.selectors.gazetteer_build.
"""

PROVINCES = {
    "khyber-pakhtunkhwa": ["خیبرپختونخوا", "خیبر پختونخوا", "خیبرپختونخواہ", "کے پی کے", "کے پی"],
    "sindh": ["سندھ"],
    "balochistan": ["بلوچستان"],
    "punjab": ["پنجاب"],
    "gilgit-baltistan": ["گلگت بلتستان", "گلگت-بلتستان"],
    "azad-jammu-and-kashmir": ["آزاد کشمیر", "آزاد جموں و کشمیر", "آزاد جموں وکشمیر"],
}
CITIES = {
    "islamabad": ["اسلام آباد"], "rawalpindi": ["راولپنڈی"], "lahore": ["لاہور"], "karachi": ["کراچی"], "peshawar": ["پشاور"],
    "quetta": ["کوئٹہ"], "gilgit": ["گلگت"], "muzaffarabad": ["مظفرآباد", "مظفر آباد"], "multan": ["ملتان"],
    "hyderabad": ["حیدرآباد", "حیدر آباد"], "gwadar": ["گوادر"], "bannu": ["بنوں"], "dera-ismail-khan": ["ڈیرہ اسماعیل خان"],
    "faisalabad": ["فیصل آباد"], "sukkur": ["سکھر"], "turbat": ["تربت"],
}
_CORPS = {"peshawar": "پشاور", "quetta": "کوئٹہ", "karachi": "کراچی", "lahore": "لاہور", "rawalpindi": "راولپنڈی", "multan": "ملتان",
          "gujranwala": "گوجرانوالہ", "bahawalpur": "بہاولپور", "mangla": "منگلا"}
_CHIEF_MINISTER = ["وزیراعلیٰ", "وزیر اعلیٰ", "چیف منسٹر"]
# Provincial offices: the forms written alone, and with a province ("وزیراعلیٰ سندھ", "سندھ کے وزیراعلیٰ").
_PROVINCIAL = {
    "chief-minister": _CHIEF_MINISTER,
    "governor": ["گورنر"],
    "chief-secretary": ["چیف سیکرٹری", "چیف سیکریٹری"],
    # A bare "آئی جی" would also read the "ڈی آئی جی" (deputy) as the IG: only with "پولیس" or a province.
    "inspector-general-of-police": ["آئی جی پولیس", "آئی جی پی", "انسپکٹر جنرل پولیس", "انسپکٹر جنرل آف پولیس"],
    # Unqualified, "وزیر داخلہ" is the federal interior minister; a province's is "صوبائی" or named with it.
    "home-minister": ["صوبائی وزیر داخلہ"],
    "home-secretary": ["سیکرٹری داخلہ", "سیکریٹری داخلہ", "ہوم سیکرٹری", "ایڈیشنل چیف سیکرٹری داخلہ", "ایڈیشنل چیف سیکریٹری داخلہ"],
    "advocate-general": ["ایڈووکیٹ جنرل"],
}
_WITH_PROVINCE = {**_PROVINCIAL, "inspector-general-of-police": _PROVINCIAL["inspector-general-of-police"] + ["آئی جی"],
                  "home-minister": ["وزیر داخلہ", "صوبائی وزیر داخلہ"]}
_MINISTERS = {
    "interior": ["داخلہ"], "defence": ["دفاع"], "finance": ["خزانہ"], "foreign-affairs": ["خارجہ", "خارجہ امور"],
    "information": ["اطلاعات", "اطلاعات و نشریات"], "law": ["قانون", "قانون و انصاف"], "planning": ["منصوبہ بندی"],
    "religious-affairs": ["مذہبی امور"], "education": ["تعلیم"], "kashmir-affairs": ["امور کشمیر"],
}


def _apex(names: list[str]) -> list[str]:
    return [f"{name} {word} کمیٹی" for name in names for word in ("ایپکس", "اپیکس")]


def urdu_variants() -> dict[str, list[str]]:
    """Return the Urdu writings of the built-in names, keyed as the built-in entries are."""
    names: dict[str, list[str]] = {
        "office:prime-minister": ["وزیراعظم", "وزیر اعظم", "وزیراعظم پاکستان", "وزیر اعظم پاکستان"],
        "office:deputy-prime-minister": ["نائب وزیراعظم", "نائب وزیر اعظم", "ڈپٹی وزیراعظم", "ڈپٹی پرائم منسٹر"],
        "office:president": ["صدر مملکت", "صدر پاکستان"],
        "office:chief-of-army-staff": ["آرمی چیف", "چیف آف آرمی اسٹاف", "چیف آف آرمی سٹاف", "چیف آف دی آرمی اسٹاف", "سپہ سالار",
                                       "پاک فوج کے سربراہ", "چیف آف ڈیفنس فورسز"],
        "office:chairman-joint-chiefs": ["چیئرمین جوائنٹ چیفس آف اسٹاف کمیٹی", "چیئرمین جوائنٹ چیفس آف سٹاف کمیٹی", "چیئرمین جوائنٹ چیفس"],
        "office:chief-of-naval-staff": ["نیول چیف", "چیف آف نیول اسٹاف", "پاک بحریہ کے سربراہ"],
        "office:chief-of-air-staff": ["ایئر چیف", "چیف آف ایئر اسٹاف", "پاک فضائیہ کے سربراہ"],
        "office:dg-isi": ["ڈی جی آئی ایس آئی", "ڈائریکٹر جنرل آئی ایس آئی", "آئی ایس آئی کے سربراہ"],
        "office:dg-mi": ["ڈی جی ایم آئی", "ڈائریکٹر جنرل ملٹری انٹیلی جنس"],
        "office:dg-ib": ["ڈی جی آئی بی", "ڈائریکٹر جنرل انٹیلی جنس بیورو"],
        "office:dg-ispr": ["ڈی جی آئی ایس پی آر", "ڈائریکٹر جنرل آئی ایس پی آر"],
        "office:dg-fia": ["ڈی جی ایف آئی اے", "ڈائریکٹر جنرل ایف آئی اے"],
        "office:national-coordinator-nacta": ["نیشنل کوآرڈینیٹر نیکٹا", "نیکٹا کے نیشنل کوآرڈینیٹر", "نیشنل کوآرڈینیٹر"],
        "office:national-security-adviser": ["قومی سلامتی کے مشیر", "مشیر قومی سلامتی"],
        "office:attorney-general": ["اٹارنی جنرل", "اٹارنی جنرل پاکستان"],
        "office:interior-secretary": ["وفاقی سیکرٹری داخلہ", "وفاقی سیکریٹری داخلہ", "سیکرٹری داخلہ پاکستان"],
        "office:minister-of-state-interior": ["وزیر مملکت برائے داخلہ", "وزیر مملکت داخلہ"],
        "office:commander-southern-command": ["کمانڈر سدرن کمانڈ", "سدرن کمانڈ کے کمانڈر"],
        "office:force-commander-northern-areas": ["فورس کمانڈر ناردرن ایریاز", "فورس کمانڈر گلگت بلتستان", "فورس کمانڈر"],
        "office:dg-rangers": ["ڈی جی رینجرز", "ڈائریکٹر جنرل رینجرز"],
        "office:ig-frontier-corps": ["آئی جی ایف سی", "آئی جی فرنٹیئر کور", "انسپکٹر جنرل فرنٹیئر کور"],
        # Groups.
        "group:chief-ministers": ["وزرائے اعلیٰ", "چاروں وزرائے اعلیٰ", "تمام وزرائے اعلیٰ", "صوبائی وزرائے اعلیٰ", "چاروں صوبوں کے وزرائے اعلیٰ",
                                  "تمام صوبوں کے وزرائے اعلیٰ", "صوبوں کے وزرائے اعلیٰ"],
        "group:service-chiefs": ["سروسز چیفس", "سروس چیفس", "تینوں مسلح افواج کے سربراہان", "مسلح افواج کے سربراہان", "تینوں سروسز چیفس"],
        "group:chief-secretaries": ["چیف سیکرٹریز", "صوبوں کے چیف سیکرٹریز", "تمام صوبوں کے چیف سیکرٹریز", "چاروں صوبوں کے چیف سیکرٹریز",
                                    "صوبائی چیف سیکرٹریز"],
        "group:inspectors-general-of-police": ["آئی جیز", "آئی جیز پولیس", "تمام صوبوں کے آئی جیز", "صوبائی پولیس سربراہان", "صوبوں کے آئی جیز"],
        "group:corps-commanders": ["کور کمانڈرز", "تمام کور کمانڈرز"],
        "group:federal-secretaries": ["وفاقی سیکرٹریز", "متعلقہ وفاقی سیکرٹریز"],
        "group:federal-ministers": ["وفاقی وزرا", "وفاقی وزراء", "وفاقی کابینہ کے ارکان", "وفاقی کابینہ کے اراکین", "اہم وفاقی وزرا"],
        "group:governors": ["گورنرز", "چاروں صوبوں کے گورنرز", "صوبائی گورنرز"],
        "group:provincial-home-ministers": ["صوبائی وزرائے داخلہ"],
        "group:home-secretaries": ["صوبائی سیکرٹریز داخلہ", "ہوم سیکرٹریز"],
        "group:heads-of-intelligence-agencies": ["انٹیلی جنس اداروں کے سربراہان", "انٹیلیجنس اداروں کے سربراہان", "خفیہ اداروں کے سربراہان",
                                                 "انٹیلی جنس ایجنسیوں کے سربراہان"],
        "group:provincial-ministers": ["صوبائی وزرا", "صوبائی وزراء", "صوبائی کابینہ کے ارکان", "صوبائی کابینہ کے اراکین"],
        "group:parliamentary-leaders": ["پارلیمانی رہنما", "پارلیمانی جماعتوں کے رہنما", "سیاسی جماعتوں کے قائدین", "پارلیمانی لیڈرز",
                                        "سیاسی قیادت"],
        # Bodies.
        "body:central-apex-committee": [
            *_apex(["مرکزی", "وفاقی", "قومی"]),
            *[f"نیشنل ایکشن پلان {link} {level} {word} کمیٹی" for link in ("کی", "پر", "سے متعلق") for level in ("مرکزی", "وفاقی")
              for word in ("ایپکس", "اپیکس")],
        ],
        "body:apex-committee": ["ایپکس کمیٹی", "اپیکس کمیٹی", "نیشنل ایکشن پلان کی ایپکس کمیٹی", "نیشنل ایکشن پلان کی اپیکس کمیٹی"],
        "body:provincial-apex-committee": _apex(["صوبائی"]),
        "mention:provincial-apex-committees": ["ایپکس کمیٹیاں", "ایپکس کمیٹیوں", "اپیکس کمیٹیاں", "اپیکس کمیٹیوں", "صوبائی ایپکس کمیٹیاں",
                                               "صوبائی ایپکس کمیٹیوں"],
        "body:national-security-committee": ["قومی سلامتی کمیٹی", "نیشنل سیکیورٹی کمیٹی", "نیشنل سکیورٹی کمیٹی"],
        "body:national-internal-security-committee": ["قومی داخلی سلامتی کمیٹی"],
        "body:parliamentary-committee-on-national-security": ["پارلیمانی کمیٹی برائے قومی سلامتی", "قومی سلامتی سے متعلق پارلیمانی کمیٹی",
                                                               "قومی سلامتی کی پارلیمانی کمیٹی"],
        "body:multi-party-conference": ["کثیر الجماعتی کانفرنس", "کثیرالجماعتی کانفرنس", "آل پارٹیز کانفرنس", "کل جماعتی کانفرنس", "اے پی سی"],
        "body:high-level-meeting": ["اعلیٰ سطحی اجلاس", "اعلیٰ سطح کا اجلاس", "اعلیٰ سطحی سیکیورٹی اجلاس", "اعلیٰ سطحی سکیورٹی اجلاس",
                                    "مشاورتی اجلاس", "خصوصی اجلاس"],
        "body:nap-review-committee": ["نیشنل ایکشن پلان عملدرآمد کمیٹی", "نیشنل ایکشن پلان پر عملدرآمد کمیٹی", "نیشنل ایکشن پلان جائزہ کمیٹی"],
        "body:nacta": ["نیکٹا", "نیشنل کاؤنٹر ٹیررازم اتھارٹی", "قومی انسداد دہشت گردی اتھارٹی"],
        "body:nacta-board-of-governors": ["نیکٹا بورڈ آف گورنرز", "نیکٹا کا بورڈ آف گورنرز", "نیکٹا کے بورڈ آف گورنرز"],
        "body:district-coordination-committees": ["ضلعی رابطہ کمیٹیاں", "ضلعی رابطہ کمیٹی"],
        "body:corps-commanders-conference": ["کور کمانڈرز کانفرنس"],
        "body:federal-cabinet": ["وفاقی کابینہ"],
        # Operations and outfits.
        "operation:azm-e-istehkam": ["عزم استحکام", "عزم و استحکام"],
        "operation:radd-ul-fasaad": ["ردالفساد", "رد الفساد", "ردُالفساد"],
        "operation:zarb-e-azb": ["ضرب عضب"],
        "operation:rah-e-rast": ["راہ راست"],
        "operation:rah-e-nijat": ["راہ نجات"],
        "operation:sher-dil": ["شیر دل", "شیردل"],
        "operation:khyber-1": ["خیبر ون", "خیبر 1"],
        "operation:khyber-2": ["خیبر ٹو", "خیبر 2"],
        "operation:khyber-3": ["خیبر تھری", "خیبر 3"],
        "operation:khyber-4": ["خیبر فور", "خیبر 4"],
        "operation:rah-e-haq": ["راہ حق"],
        "operation:koh-e-sufaid": ["کوہ سفید"],
        "operation:bunyan-um-marsoos": ["بنیان مرصوص", "بنیان المرصوص", "بنیان ام مرصوص"],
        "operation:karachi-operation": ["کراچی آپریشن"],
        "organisation:ttp": ["تحریک طالبان پاکستان", "ٹی ٹی پی", "پاکستانی طالبان", "فتنہ الخوارج", "فتنۃ الخوارج", "خوارج"],
        "organisation:bla": ["بلوچستان لبریشن آرمی", "بلوچ لبریشن آرمی", "بی ایل اے"],
        "organisation:blf": ["بلوچستان لبریشن فرنٹ", "بلوچ لبریشن فرنٹ", "بی ایل ایف"],
        "organisation:majeed-brigade": ["مجید بریگیڈ"],
        "organisation:bras": ["براس", "بلوچ راجی آجوئی سنگر"],
        "organisation:bra": ["بلوچ ریپبلکن آرمی"],
        "organisation:fitna-al-hindustan": ["فتنہ الہندوستان", "فتنۃ الہندوستان", "فتنہ الہند"],
        "organisation:iskp": ["داعش", "داعش خراسان", "دولت اسلامیہ"],
        "organisation:lashkar-e-jhangvi": ["لشکر جھنگوی", "لشکر جھنگوی العالمی"],
        "organisation:jamaat-ul-ahrar": ["جماعت الاحرار"],
        "organisation:hafiz-gul-bahadur-group": ["حافظ گل بہادر گروپ"],
        "organisation:tlp": ["تحریک لبیک پاکستان", "تحریک لبیک", "ٹی ایل پی"],
        "organisation:lashkar-e-taiba": ["لشکر طیبہ"],
        "organisation:jaish-e-mohammad": ["جیش محمد"],
        "organisation:jamaat-ud-dawa": ["جماعت الدعوۃ", "جماعۃ الدعوۃ", "جماعت الدعوہ"],
        "organisation:sipah-e-sahaba": ["سپاہ صحابہ", "سپاہ صحابہ پاکستان"],
        "organisation:aswj": ["اہل سنت والجماعت"],
        "organisation:sipah-e-muhammad": ["سپاہ محمد"],
        "organisation:al-qaeda": ["القاعدہ"],
        "organisation:lashkar-e-islam": ["لشکر اسلام"],
        "organisation:jundullah": ["جنداللہ", "جند اللہ"],
        "organisation:zainabiyoun-brigade": ["زینبیون بریگیڈ"],
        "organisation:hizb-ut-tahrir": ["حزب التحریر"],
        "organisation:ptm": ["پشتون تحفظ موومنٹ", "پی ٹی ایم"],
        # Places, and longer names that contain an office but are not one.
        "venue:prime-minister-house": ["وزیراعظم ہاؤس", "وزیر اعظم ہاؤس", "پی ایم ہاؤس"],
        "venue:chief-minister-house": ["وزیراعلیٰ ہاؤس", "وزیر اعلیٰ ہاؤس", "سی ایم ہاؤس", "وزیراعلیٰ سیکرٹریٹ", "چیف منسٹر سیکرٹریٹ",
                                       "وزیراعلیٰ سیکریٹریٹ"],
        "venue:governor-house": ["گورنر ہاؤس"],
        "venue:general-headquarters": ["جی ایچ کیو", "جنرل ہیڈکوارٹرز"],
        "venue:corps-headquarters": ["کور ہیڈکوارٹرز", "کور ہیڈ کوارٹرز"],
        "venue:ministry-of-interior": ["وزارت داخلہ"],
        "other:pmo": ["وزیراعظم آفس", "وزیر اعظم آفس", "وزیراعظم کے دفتر", "وزیراعظم ہاؤس کے میڈیا ونگ"],
        "other:cmo": ["وزیراعلیٰ آفس", "وزیر اعلیٰ آفس", "سی ایم آفس"],
        "other:ispr": ["آئی ایس پی آر", "پاک فوج کے شعبہ تعلقات عامہ"],
        "other:isi": ["آئی ایس آئی"],
        "other:nap": ["نیشنل ایکشن پلان", "قومی ایکشن پلان", "نیپ"],
        "other:afghan-taliban": ["افغان طالبان", "افغان عبوری حکومت", "طالبان حکومت"],
    }
    for key, words in _MINISTERS.items():
        forms = []
        for word in words:
            forms += [f"وزیر {word}", f"وفاقی وزیر {word}", f"وزیر برائے {word}", f"وفاقی وزیر برائے {word}"]
        names[f"office:minister-{key}"] = forms
    names["office:minister-interior"].append("وزیرداخلہ")
    for city, urdu in _CORPS.items():
        names[f"office:corps-commander:{city}"] = [f"کور کمانڈر {urdu}", f"{urdu} کے کور کمانڈر", f"کمانڈر {urdu} کور"]
    for key, forms in _PROVINCIAL.items():
        names[f"office:{key}"] = list(forms)
    for province, province_names in PROVINCES.items():
        names[f"region:{province}"] = list(province_names)
        apex = []
        for p in province_names:
            apex += _apex([p, f"{p} کی", f"{p} کی صوبائی", f"{p} حکومت کی"]) + [f"{word} کمیٹی {p}" for word in ("ایپکس", "اپیکس")]
        names[f"body:apex-committee:{province}"] = apex
        names[f"body:nap-review-committee:{province}"] = [f"{p} نیشنل ایکشن پلان عملدرآمد کمیٹی" for p in province_names]
        for key, forms in _WITH_PROVINCE.items():
            if key == "chief-minister" and province == "azad-jammu-and-kashmir":
                continue
            variants = []
            for p in province_names:
                for form in forms:
                    variants += [f"{form} {p}", f"{p} کے {form}"]
                if key == "inspector-general-of-police":
                    variants += [f"{p} پولیس کے سربراہ", f"آئی جی {p} پولیس"]
            names[f"office:{key}:{province}"] = variants
    names["office:prime-minister:azad-jammu-and-kashmir"] = [
        form for p in PROVINCES["azad-jammu-and-kashmir"] for form in (f"وزیراعظم {p}", f"وزیر اعظم {p}", f"{p} کے وزیراعظم", f"{p} کے وزیر اعظم")
    ]
    for province in ("sindh", "punjab"):
        urdu = PROVINCES[province][0]
        names[f"office:dg-rangers:{province}"] = [f"ڈی جی رینجرز {urdu}", f"ڈائریکٹر جنرل رینجرز {urdu}", f"{urdu} رینجرز کے سربراہ"]
    for province in ("khyber-pakhtunkhwa", "balochistan"):
        names[f"office:ig-frontier-corps:{province}"] = [
            f"{office} {p}" for p in PROVINCES[province] for office in ("آئی جی ایف سی", "آئی جی فرنٹیئر کور", "انسپکٹر جنرل فرنٹیئر کور")
        ]
    for city, forms in CITIES.items():
        names[f"place:{city}"] = forms
    return names
