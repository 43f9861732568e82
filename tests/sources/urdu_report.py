"""A short Urdu report in the style of the Urdu press, for the tests that read Urdu sources.

What it says is what the Prime Minister's Office said of the Central Apex Committee meeting of Saturday
22 June 2024 (reported on the 23rd): chaired by Shehbaz Sharif, attended by federal ministers, the chief
ministers and the army chief, approving Operation Azm-e-Istehkam.
"""

URDU_TITLE = "ایپکس کمیٹی کا اجلاس، آپریشن عزم استحکام کی منظوری"
URDU_ARTICLE = (
    "اسلام آباد: وزیراعظم شہباز شریف کی زیر صدارت ہفتے کے روز نیشنل ایکشن پلان (NAP) کی مرکزی ایپکس کمیٹی کا اجلاس ہوا "
    "جس میں انسداد دہشت گردی کی قومی مہم کو نئے سرے سے متحرک کرنے کے لیے آپریشن عزم استحکام کی منظوری دی گئی۔\n"
    "اجلاس میں وفاقی وزرا، چاروں صوبوں اور گلگت بلتستان کے وزرائے اعلیٰ، آرمی چیف جنرل سید عاصم منیر اور دیگر اعلیٰ سول و عسکری حکام نے شرکت کی۔\n"
    "وزیراعظم آفس سے جاری بیان کے مطابق فورم نے نیشنل ایکشن پلان کے تحت اب تک کی پیش رفت کا جائزہ لیا۔\n"
)
URDU_FRONT_MATTER = f"title: {URDU_TITLE}\noutlet: روزنامہ جنگ\npublished: 2024-06-23\n---\n"
URDU_REPORT = URDU_FRONT_MATTER + URDU_ARTICLE
# The sentence a fact about the meeting quotes; "(NAP)" keeps Latin letters inside the Urdu sentence.
URDU_QUOTE = "وزیراعظم شہباز شریف کی زیر صدارت ہفتے کے روز نیشنل ایکشن پلان (NAP) کی مرکزی ایپکس کمیٹی کا اجلاس ہوا"
ENGLISH_QUOTE = "Prime Minister Shehbaz Sharif chaired the apex committee of the National Action Plan on Saturday."
