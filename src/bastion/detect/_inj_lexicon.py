"""Concept lexicons for injection rules in languages written in non-Latin scripts.

The rules for English and the Latin-script languages spell out whole phrasings. Written that way,
each of the scripts below covered only the most literal "ignore all previous instructions" and
missed "ignore all previous instructions and rules" (Arabic, Ukrainian) or any extraction and
persona wording. Here each language names a few concepts instead (IGNORE, EARLIER, INSTRUCTIONS,
VERBATIM, SYSTEM PROMPT, ...) and the rules are concept sequences within one sentence, e.g.
IGNORE · EARLIER · INSTRUCTIONS, or, for verb-final languages, EARLIER · INSTRUCTIONS · IGNORE.

Texts are matched after normalisation (NFKC, accents and combining marks folded: Greek loses its
tonos, Cyrillic "й" becomes "и", "ї" becomes "і"; zero-width joiners are removed), so the words are
written through :func:`fold_literal`. Matching is case-insensitive.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bastion.detect._inj_lexicon_more import LEXICON_MORE
from bastion.detect._normalize import fold_literal as F
from bastion.detect._normalize import top_alternatives

# one sentence: no sentence end in between (Greek ";" ends a question, Arabic "؟", Hindi "।")
_SENT = r".!?;。！？।؟\n"
_GAP = f"[^{_SENT}]"


def _alt(words: str) -> str:
    """``"a|b c|d$"`` → a group, for the languages that do not separate words by spaces (the others
    are built by :func:`_seq`); spaces in a word match any run of whitespace; a trailing ``$`` asks
    for the word to end there (``"無視$"``). RE2 has no look-around, so that end consumes a
    character."""
    alts = []
    for w in (x.strip() for x in top_alternatives(words)):
        if not w:
            continue
        end = w.endswith("$")
        w = w.rstrip("$").replace(" ", r"\s*")
        if w == "ai":  # the English word inside any script: never part of a longer Latin word
            alts.append(r"(?:^|[^a-z])ai(?:[^a-z]|$)")
            continue
        alts.append(w + (r"(?:[^\pL]|$)" if end else ""))
    return "(?:" + "|".join(alts) + ")"


# Concepts per language. Keys: ign (ignore/forget, imperative), prev (earlier/all/above), instr
# (instructions/rules/commands), prompt (system-prompt terms), verbatim, before (before the
# conversation began), secret (password/key/token), yours (in your settings/configuration),
# norestr (without restrictions/rules/filters), ai (AI/assistant/model), refuse (never refuses),
# note (note/instruction/message for), nottr (do not translate / instead of translating), only,
# verb_last (the verb closes the clause: EARLIER INSTRUCTIONS IGNORE); fiction (novel, screenplay,
# scene), harm (explosives, drugs, poison, weapons, break-ins, forgery), detail (step by step,
# exact, realistic, amounts); answer, given (given to you), you (to you: dative forms), devmode;
# above (the text above, without naming instructions), ign_go (the affirmative forms of ign, where a
# negation follows the verb).
_LEXICON_BASE: Mapping[str, Mapping[str, str]] = {
    "ru": {
        "bounded": "1",
        "ign": "игнорировать|игнорируи|игнорируите|проигнорируи|проигнорируите|забудь|забудьте|отбрось|"
        "отбросьте|не обращаи внимания на|"
        "не следуи",
        "prev": "все$|всё$|всех$|предыдущ|прежн|ранее|раньше|выше|исходн|изначальн|первоначальн|"
        "системн|старые|полученн",
        "above": "предыдущие\\s*(?:[.,!?;:।]|$)|вышесказанное|вышенаписанное|написанное выше|всё, что выше|"
        "все, что выше|всё выше|все выше",
        "instr": "инструкц|указани|правил|команд|директив|промпт|ограничени",
        "prompt": "системн\\pL* (?:промпт|инструкц|сообщени|подсказк|настроик)|промпт|system prompt",
        "verbatim": "полныи текст|дословно|слово в слово|без сокращении|"
        "целиком|полностью|всё, что написано|все, что написано",
        "before": "до начала (?:разговора|диалога|беседы|чата)|перед началом (?:разговора|диалога|беседы)|"
        "выше моего первого сообщения|до моего первого сообщения",
        "secret": "парол|секретн\\pL* ключ|ключ\\pL* api|api[- ]?ключ|токен",
        "yours": "тебе прописали|тебе вписали|в твоих настроиках|в твоем конфиге|в (?:тво|ваш|"
        "сво)\\pL* (?:конфигурац|настроик|систем)|которые тебе (?:передали|дали)|"
        "в системных (?:инструкциях|настроиках)",
        "norestr": "без (?:каких-либо |всяких |любых )?(?:ограничени|правил|фильтр|цензур)|"
        "без отказов|без предупреждени|без цензуры",
        "ai": "ии$|искусственн\\pL* интеллект|нейросет|ассистент|модел|бот$|ai",
        "refuse": "никогда не отказыва|не отказывает|не отказываешь|не откажешь",
        "note": "инструкция для|указание для|сообщение для|примечание для|заметка для|внимание,",
        "nottr": "не переводи|вместо перевода|переводить не нужно|не нужно переводить|"
        "переводить на самом деле не нужно|перевод не нужен|забудь про перевод",
        "only": "только|лишь",
        "given": "которые тебе дал|что тебе дал|тебе дали|тебе писали|которые ты получил|полученные тобои",
        "answer": "отвечаи|отвечаешь|ответь|отвечать|отвечаите",
        "devmode": "режим разработчика|режиме разработчика",
        "fiction": "роман|рассказ|сценари|сцен|повест|книг|сериал|фильм",
        "harm": "наркот|взрывчат|взрывн|бомб|яд$|отрав|оружи|зарин|метамфетамин|взлом|поддел|фальшив",
        "detail": "пошагов|по шагам|точн|реалистичн|подробн|пропорци|дозировк|количеств",
        "you": "тебе|вам",
    },
    "uk": {
        "bounded": "1",
        "ign": "ігноруи|ігноруите|проігноруи|забудь|забудьте|відкинь|не зважаи на|не виконуи",
        "prev": "усі$|всі$|все$|попередн|раніше|вище|початков|системн|старі|отриман",
        "above": "попередні\\s*(?:[.,!?;:।]|$)|вищесказане|вищенаписане|написане вище|все, що вище|все вище",
        "instr": "інструкц|вказівк|правил|команд|обмежен|промпт",
        "prompt": "системн\\pL* (?:промпт|інструкц|повідомлен|підказк)|промпт|system prompt",
        "verbatim": "дослівно|слово в слово|без скорочень|повністю|все, що написано|усе, що написано",
        "before": "до початку (?:розмови|діалогу|чату)|перед початком (?:розмови|діалогу)",
        "secret": "парол|секретн\\pL* ключ|ключ\\pL* api|службов\\pL* ключ|токен",
        "yours": "в тебе в конфіг|у тебе в конфіг|в твоєму конфіг|тобі прописали|в (?:тво|"
        "ваш|сво)\\pL* (?:налаштуван|конфігурац)|які ти отримав|які тобі (?:передали|дали)",
        "norestr": "без (?:жодних |будь-яких )?(?:обмежен|правил|фільтр|цензур)|без відмов|"
        "без попереджень|без цензури",
        "ai": "ші$|штучн\\pL* інтелект|асистент|модел|бот$|ai",
        "refuse": "ніколи не відмовля|не відмовляє|не відмовляєш",
        "note": "інструкція для|вказівка для|повідомлення для|примітка для|увага,",
        "nottr": "не перекладаи|замість перекладу|перекладати не треба|нічого не перекладаи|"
        "забудьте про переклад|забудь про переклад|переклад не потрібен",
        "only": "лише|тільки",
        "given": "які тобі дал|що тобі дал|тобі дали|які ти отримав",
        "answer": "відповідаи|відповідаєш|відповідати|відповідаите",
        "devmode": "режим розробника|режимі розробника",
        "fiction": "роман|оповідан|сценари|сцен|книг|серіал|фільм",
        "harm": "наркот|вибухівк|вибухов|бомб|отрут|зброю|зброя|зламат|підробл|фальшив",
        "detail": "покроков|точн|реалістичн|детальн|пропорці|кількост",
        "you": "тобі|вам",
    },
    "ar": {
        "ign": "تجاهل|تجاهلي|تجاهلوا|انس|انسى|انسي|اترك|لا تلتزم ب|لا تتبع",
        "prev": "جميع|كل|كافة|السابقة|الأصلية|الأولى|أعلاه|القديمة",
        "above": "ما سبق|كل ما سبق|ما ورد أعلاه|النص أعلاه|كل ما ورد أعلاه",
        "instr": "التعليمات|الأوامر|الإرشادات|التوجيهات|القواعد|القيود|تعليماتك|أوامرك|إرشاداتك|توجيهاتك|قواعدك",
        "prompt": "موجه النظام|موجّه النظام|تعليمات النظام|رسالة النظام|برومبت|system prompt",
        "verbatim": "حرفيا|حرفياً|كلمة بكلمة|كما هو|بالكامل|بالحرف",
        "before": "قبل بدء المحادثة|قبل بداية المحادثة|في بداية المحادثة",
        "secret": "كلمة المرور|كلمة السر|مفتاح|المفاتيح|رمز الوصول|التوكن",
        "yours": "اللي محطوط عندك|الموجود عندك|المحفوظ عندك|في إعداداتك|في تكوينك|المخزنة لديك",
        "norestr": "(?:من|بلا|بدون|دون) (?:كل |أي )?(?:القيود|قيود|القواعد|قواعد|رقابة|الرقابة|فلاتر)|"
        "(?:بدون|دون|بلا) (?:تحذيرات|رفض)",
        "ai": "ذكاء اصطناعي|الذكاء الاصطناعي|المساعد|مساعد|النموذج|نموذج|بوت|ai",
        "refuse": "لا يرفض|لا ترفض|لن ترفض|لا يرفض أي",
        "note": "تعليمات إلى|تعليمات ل|ملاحظة ل|ملاحظة إلى|رسالة إلى|تنبيه إلى",
        "nottr": "لا تترجم|بدلا من الترجمة|بدلاً من الترجمة|بدل الترجمة|لا حاجة للترجمة|لا داعي للترجمة",
        "only": "فقط",
        "given": "أعطاك|اللي أعطاك|التي أعطيت لك|المعطاة لك|التي تلقيتها",
        "answer": "أجب|تجيب|اجب|جاوب",
        "devmode": "وضع المطور",
        "fiction": "رواية|قصة|فيلم|مسلسل|سيناريو|مشهد",
        "harm": "متفجر|قنبلة|سماً|مخدر|سلاح|اختراق|مزور|تزوير",
        "detail": "بالتفصيل|خطوة بخطوة|بدقة|المقادير|الكميات|حقيقية",
        "you": "لك|إليك",
    },
    "he": {
        "ign": "תתעלם|התעלם|התעלמי|שכח|תשכח|תשכחי|אל תציית ל",
        "prev": "כל|הקודמות|הקודמים|הקודם|המקוריות|שלמעלה|הישנות",
        "instr": "ההוראות|הוראות|ההנחיות|הנחיות|הכללים|כללים|הפקודות|המגבלות",
        "prompt": "הוראות המערכת|ההוראות של המערכת|הנחיות המערכת|פרומפט|הפרומפט|system prompt",
        "verbatim": "מילה במילה|כלשונו|כלשונן|במלואו|במלואן|המלא|כמו שהן|כמו שהם|כמו שהוא|כמו שהיא",
        "before": "לפני תחילת השיחה|לפני שהשיחה התחילה|בתחילת השיחה",
        "secret": "סיסמה|הסיסמה|סיסמא|מפתח|מפתחות|טוקן|טוקנים",
        "yours": "שהגדירו לך|שהוגדרה לך|שהוגדר לך|בהגדרות שלך|שמור אצלך|שקיבלת",
        "norestr": "(?:בלי|ללא) (?:שום |אף )?(?:מגבלות|מגבלה|כללים|חוקים|צנזורה|מסננים|מדיניות)|"
        "(?:בלי|ללא) (?:סירובים|אזהרות)",
        "ai": "בינה מלאכותית|הבינה המלאכותית|עוזר|העוזר|מודל|המודל|בוט|ai",
        "refuse": "אף פעם לא מסרב|לעולם לא מסרב|לא מסרב|אף פעם לא מסרבת",
        "note": "הערה ל|הוראה ל|הודעה ל|הנחיה ל",
        "nottr": "אל תתרגם|במקום התרגום|במקום לתרגם|אל תתרגמי",
        "only": "רק",
        "given": "שקיבלת|שנתנו לך|שנאמר לך|הפנימיות שלך|שלך",
        "answer": "תענה|תעני|לענות|עונה",
        "devmode": "מצב מפתח|מצב מפתחים",
        "fiction": "רומן|סיפור|תסריט|סצנה|סרט|סדרה",
        "harm": "נשק|פצצה|חומר נפץ|רעל|סמים|לפרוץ|פריצה|זיוף|מזויף",
        "detail": "צעד אחר צעד|מדויק|כמויות|אמיתיים|בפירוט",
        "you": "שקיבלת|לך",
    },
    "hi": {
        "bounded": "1",
        "ign": "रद्द|अनदेखा|अनदेखी कर|नज़रअंदाज़|नजरअंदाज|भूल जाओ|भूल जाइए|भूल जा|भूलो|मत मानो|पालन मत",
        "prev": "अब तक|पिछले|पिछली|पूर्व|सभी|सारे|सारी|पहले|ऊपर",
        "instr": "निर्देश|आदेश|नियम|हिदायत|प्रतिबंध|निर्देशों|नियमों",
        "prompt": "सिस्टम प्रॉम्प्ट|प्रॉम्प्ट|प्राम्प्ट|system prompt|सेटअप वाला मैसेज|शुरुआती मैसेज|सिस्टम मैसेज",
        "verbatim": "शब्दशः|हूबहू|ज्यों का त्यों|पूरा का पूरा|अक्षरशः",
        "before": "बातचीत शुरू होने से पहले|बातचीत से पहले|बातचीत की शुरुआत में",
        "secret": "पासवर्ड|api key|एपीआई की|सीक्रेट की|टोकन|कुंजी",
        "yours": "छुपे हुए कॉन्फ़िगरेशन|अपने कॉन्फ़िगरेशन|तुम्हारी सेटिंग्स|"
        "आपकी सेटिंग्स|तुम्हारी सेटिंग|तुम्हारे कॉन्फ़िगरेशन",
        "norestr": "कोई (?:भी )?(?:नियम|प्रतिबंध|सीमा|पाबंदी|फ़िल्टर|फिल्टर)(?:\\s*\\pL+){0,3} (?:नहीं|लागू नहीं)|"
        "बिना (?:किसी )?चेतावनी|"
        "बिना किसी (?:नियम|प्रतिबंध|सीमा|पाबंदी)",
        "ai": "एआई|ai|असिस्टेंट|सहायक|मॉडल|बॉट|कृत्रिम बुद्धि",
        "refuse": "कभी मना नहीं|मना नहीं करता|मना नहीं करती|इनकार नहीं करता",
        "note": "के लिए निर्देश|के लिए नोट|के लिए संदेश|सिस्टम नोट",
        "nottr": "ट्रांसलेट मत|अनुवाद मत|अनुवाद की जगह|अनुवाद के बजाय|ट्रांसलेट नहीं|"
        "अनुवाद की ज़रूरत नहीं|अनुवाद की जरूरत नहीं",
        "only": "सिर्फ़|सिर्फ|केवल|बस",
        "verb_last": "1",
        "given": "तुम्हें जो|जो तुम्हें|तुम्हें दिए|आपको दिए",
        "answer": "जवाब|उत्तर",
        "devmode": "डेवलपर मोड",
        "fiction": "उपन्यास|कहानी|सीन|दृश्य|फ़िल्म|फिल्म|स्क्रिप्ट|थ्रिलर",
        "harm": "नकली नोट|बम|विस्फोटक|ज़हर|जहर|ड्रग|हथियार|हैक",
        "detail": "पूरी विधि|स्टेप बाय स्टेप|सटीक|असली|मात्रा|विस्तार से",
        "you": "तुम्हें|आपको",
    },
    "th": {
        "ign": "เพิกเฉย|ไม่ต้องสนใจ|ไม่ต้องสน|ลืม|ละเว้น|ข้าม",
        "prev": "ก่อนหน้า|ทั้งหมด|เดิม|ข้างบน|ด้านบน|แรก",
        "instr": "คำสั่ง|คำแนะนำ|กฎ|ข้อกำหนด|ข้อจำกัด|นโยบาย",
        "prompt": "system prompt|พรอมต์|พรอมท์|คำสั่งระบบ|ข้อความระบบ|ข้อความตั้งค่า",
        "verbatim": "ออกมาทั้งหมด|ทั้งหมดแบบไม่|คำต่อคำ|ทุกคำ|แบบเต็ม|ทั้งหมดทุกบรรทัด|ตั้งแต่บรรทัดแรก",
        "before": "ก่อนเริ่มบทสนทนา|ก่อนเริ่มการสนทนา|ตอนเริ่มบทสนทนา",
        "secret": "รหัสผ่าน|คีย์ลับ|คีย์ api|api key|โทเค็น|รหัสลับ",
        "yours": "ที่เขาให้คุณ|ที่ให้คุณไว้|ในการตั้งค่าของคุณ|ที่คุณได้รับ|ในระบบของคุณ",
        "norestr": "ไม่มี(?:กฎ|ข้อจำกัด|ขีดจำกัด|การเซ็นเซอร์|ตัวกรอง)|ไร้(?:กฎ|ขีดจำกัด|ข้อจำกัด)|โดยไม่มีข้อจำกัด",
        "ai": "ai|เอไอ|ผู้ช่วย|โมเดล|บอท|ปัญญาประดิษฐ์",
        "refuse": "ไม่เคยปฏิเสธ|ห้ามปฏิเสธ|ไม่ปฏิเสธ",
        "note": "ข้อความถึง|หมายเหตุสำหรับ|คำสั่งถึง|คำสั่งสำหรับ|ถึงผู้ช่วย",
        "nottr": "ไม่ต้องแปล|แทนที่จะแปล|อย่าแปล",
        "only": "แค่|เท่านั้น|อย่างเดียว",
        "given": "ที่ได้รับ|เขียนไว้ให้คุณ|ของคุณ",
        "answer": "ตอบ",
        "devmode": "โหมดนักพัฒนา",
        "fiction": "นิยาย|เรื่องสั้น|ฉาก|บทภาพยนตร์|ละคร",
        "harm": "ยาเสพติด|ระเบิด|ยาพิษ|อาวุธ|แฮ็ก|ปลอม",
        "detail": "ขั้นตอนละเอียด|ปริมาณ|สมจริง|ทีละขั้น",
        "you": "คุณ",
    },
    "el": {
        "bounded": "1",
        "ign": "αγνοησε|αγνοηστε|ξεχασε|ξεχαστε|παραβλεψε|μην ακολουθεις|ξεχνα",
        "prev": "ολες|ολους|ολα|προηγουμεν|αρχικ|παραπανω|παλιες",
        "instr": "οδηγιες|οδηγιων|κανονες|κανονων|εντολες|περιορισμους|ρυθμισεις",
        "prompt": "μηνυμα συστηματος|οδηγιες συστηματος|prompt συστηματος|system prompt|prompt",
        "verbatim": "λεξη προς λεξη|αυτουσι|αυτολεξει|ολοκληρο|ολοκληρη",
        "before": "πριν ξεκινησει η συζητηση|πριν απο τη συζητηση|στην αρχη της συζητησης",
        "secret": "κωδικ|κλειδι|token|συνθηματικ",
        "yours": "σου εχουν βαλει|σου εβαλαν|στις ρυθμισεις σου|στις ρυθμισεις σου|στις ρυθμισεις σας|που σου δοθηκ",
        "norestr": "χωρις (?:κανενα |κανεναν |καθολου )?(?:κανονες|περιορισμους|φιλτρα|λογοκρισια|ορια)|"
        "χωρις (?:αρνησεις|προειδοποιησεις)",
        "ai": "τεχνητη νοημοσυνη|βοηθος|μοντελο|μοντελου|bot|ai",
        "refuse": "δεν αρνειται ποτε|ποτε δεν αρνειται|μην αρνηθεις|δεν αρνεισαι",
        "note": "οδηγια προς|σημειωση για|σημειωση προς|μηνυμα προς|μηνυμα για",
        "nottr": "μη μεταφρασεις|μην το μεταφρασεις|μην μεταφρασεις|αντι για μεταφραση|αντι να μεταφρασεις",
        "only": "μονο",
        "given": "που σου εδωσαν|που σου δοθηκαν|που σου δωσαν",
        "answer": "απαντα|απαντησε|απαντας|απαντησεις",
        "devmode": "λειτουργια προγραμματιστη",
        "fiction": "μυθιστορημα|ιστορια|σεναριο|σκηνη|ταινια|θεατρικο",
        "harm": "εκρηκτικ|βομβα|δηλητηρι|ναρκωτικ|οπλο|κλειδαριε|ψευτικ|πλαστ",
        "detail": "βημα προς βημα|ακριβ|ρεαλιστικ|λεπτομερ|ποσοτητ",
        "you": "σου|σας",
    },
    "fa": {
        "ign": "نادیده بگیر|نادیده بگیرید|فراموش کن|فراموش کنید|بیخیال|ولش کن|اعتنا نکن",
        "prev": "همه|تمام|قبلی|قبل|اولیه|بالا|پیشین",
        "instr": "دستورالعمل|دستورات|دستور|قوانین|قواعد|محدودیت|راهنمایی",
        "prompt": "پرامپت|پرامت|دستورالعمل سیستم|پیام سیستم|system prompt",
        "verbatim": "کلمه به کلمه|عینا|عیناً|همونطور که هست|همانطور که هست|کامل",
        "before": "قبل از شروع گفتگو|قبل از شروع مکالمه|اول مکالمه",
        "secret": "رمز عبور|پسورد|کلید|کلیدهای|توکن|رمز",
        "yours": "تنظیماتت|در تنظیمات شما|در تنظیمات تو",
        "norestr": "(?:هیچ|بدون|بی) (?:قانون|محدودیت|قید|سانسور|فیلتر)|بدون هشدار",
        "ai": "هوش مصنوعی|دستیار|مدل|ربات|ai",
        "refuse": "نه نمیگه|رد نمی|امتناع نمی|هرگز رد",
        "note": "پیام برای|توجه به|یادداشت برای|دستور برای|دستورالعمل برای",
        "nottr": "ترجمه نکن|به جای ترجمه|به جاش|ترجمه نکنید",
        "only": "فقط|تنها",
        "verb_last": "1",
        "given": "بهت داده|به تو داده|که بهت|که به تو",
        "answer": "جواب|پاسخ",
        "devmode": "حالت توسعه دهنده|حالت توسعهدهنده",
        "fiction": "رمان|داستان|فیلمنامه|صحنه|فیلم",
        "harm": "سمی|بمب|مواد منفجره|مواد مخدر|اسلحه|هک|جعلی",
        "detail": "دقیق|واقعی|مرحله به مرحله|مقدار|فرمول",
        "you": "بهت|به تو|به شما",
    },
    "bn": {
        "bounded": "1",
        "ign": "বাতিল|উপেক্ষা|ভুলে যাও|ভুলে যান|ভুলে যা|মেনো না|অগ্রাহ্য",
        "prev": "আগের|পূর্ববর্তী|সব|সমস্ত|উপরের|প্রথম",
        "instr": "নির্দেশনা|নির্দেশ|নিয়ম|আদেশ|বিধিনিষেধ",
        "prompt": "সিস্টেম বার্তা|সিস্টেম প্রম্পট|প্রম্পট|system prompt|সিস্টেম মেসেজ",
        "verbatim": "হুবহু|শব্দে শব্দে|পুরোটা|সম্পূর্ণ",
        "before": "কথোপকথনের শুরুতে|কথোপকথন শুরুর আগে|কথা শুরুর আগে",
        "secret": "পাসওয়ার্ড|সিক্রেট কী|কী$|টোকেন",
        "yours": "তোমার কনফিগারেশনে|তোমার কনফিগারেশন|তোমার সেটিংসে|আপনার সেটিংসে",
        "norestr": "কোনো (?:নিয়ম|বিধিনিষেধ|সীমা|ফিল্টার)(?:\\s*\\pL+){0,2} নেই|নিয়ম নেই|সতর্কবার্তা ছাড়া",
        "ai": "ai|এআই|সহকারী|মডেল|বট|কৃত্রিম বুদ্ধিমত্তা",
        "refuse": "কখনো না বলে না|কখনও না বলে না|কখনো প্রত্যাখ্যান করে না|না বলে না",
        "note": "জন্য নির্দেশ|জন্য বার্তা|জন্য নোট",
        "nottr": "অনুবাদ লাগবে না|অনুবাদ করো না|অনুবাদের বদলে|অনুবাদ করবে না",
        "only": "শুধু|কেবল",
        "verb_last": "1",
        "given": "তোমাকে যে|তোমাকে দেওয়া|তোমাকে যা",
        "answer": "উত্তর|জবাব",
        "devmode": "ডেভেলপার মোড",
        "fiction": "গল্প|উপন্যাস|থ্রিলার|দৃশ্য|সিনেমা",
        "harm": "বিস্ফোরক|বোমা|বিষ|মাদক|বন্দুক|অস্ত্র|হ্যাক|জাল",
        "detail": "ধাপে ধাপে|বাস্তবসম্মত|সঠিক|পরিমাণ|পুরো পদ্ধতি",
        "you": "তোমাকে|আপনাকে",
    },
    "zh": {
        "ign": "作废|失效|忽略|忽视|无视|不要理会|忘记|忘掉|抛开|别管|不用管",
        "prev": "之前|以前|先前|上面|上述|前面|所有|全部|一切|原来|原有|最初|系统",
        "above": "以上内容|以上所有|以上的内容|上面的内容|上述内容|前面的内容|上面所有|上面说的|上面写的",
        "instr": "指令|指示|说明|规则|命令|提示|要求|设定|限制|约束",
        "prompt": "最开始收到|最初收到|一开始收到|系统提示|提示词|系统指令|系统消息|系统设定|初始指令|system prompt",
        "verbatim": "原样|逐字|一字不差|原封不动|原文|完整地|完整输出|一字不漏",
        "before": "对话开始前|对话开始之前|对话之前|在对话开始时",
        "secret": "密码|密钥|秘钥|api key|令牌|token",
        "yours": "你后台|给你配置的|给你设置的|你的设置|你的配置|你被配置|你的系统设置",
        "norestr": "没有任何限制|没有限制|不受任何限制|不受限制|没有任何规则|没有规则|"
        "无任何限制|无限制|不受约束|不加警告|没有警告|不许拒绝|不要拒绝",
        "ai": "ai|人工智能|助手|模型|机器人",
        "refuse": "从不拒绝|永远不会拒绝|不会拒绝任何|绝不拒绝|不能拒绝",
        "note": "给ai的|致ai|给助手的|给模型的|ai助手请注意|ai注意",
        "nottr": "不要翻译|别翻译|不用翻译|不翻译了|与其翻译",
        "given": "给你的|你收到的|你被设定的|你的",
        "answer": "回答|回复|答复",
        "devmode": "开发者模式",
        "fiction": "小说|故事|剧本|情节|场景|电影",
        "harm": "冰毒|毒品|炸药|炸弹|毒药|枪支|黑客|入侵|伪造|假钞|制毒",
        "detail": "真实|准确|详细|步骤|用量|配方|手把手",
        "you": "你",
    },
    "ja": {
        "ign": "無視|忘れて|忘れろ|従わないで|破棄",
        "prev": "以前の|前の|上記の|これまでの|今までの|先ほどの|最初の|元の|すべての|全ての|システムの",
        "above": "上記|上の内容|以上の内容|前の内容|上述|これまでの内容|上の文章",
        "ign_go": "無視して|無視しろ|無視せよ|無視。|無視$|忘れて|破棄して",
        "instr": "指示|命令|指令|ルール|プロンプト|制約|規則",
        "prompt": "指示文|最初に受け取った|システムプロンプト|プロンプト|システム指示|初期指示|system prompt",
        "verbatim": "一字一句|そのまま|原文のまま|省略せず|全文",
        "before": "会話の前に|会話が始まる前|会話開始前|この会話の前",
        "secret": "パスワード|秘密鍵|apiキー|トークン|シークレット",
        "yours": "あなたの設定|あなたに与えられた",
        "norestr": "制限のない|制限なし|制約のない|ルールのない|"
        "規則のない|検閲のない|フィルターのない|警告なし|拒否せず",
        "ai": "ai|アシスタント|モデル|ボット|人工知能",
        "refuse": "決して断らない|絶対に断らない|拒否しない|断らない",
        "note": "aiへの|aiアシスタントへ|アシスタントへの|モデルへの",
        "nottr": "翻訳しないで|翻訳せずに|翻訳の代わりに|翻訳はしなくて|翻訳は不要|翻訳はいい|翻訳しなくていい",
        "verb_last": "1",
        "given": "受けて|受けた|与えられた|あなたの",
        "answer": "応答|答え|回答",
        "devmode": "開発者モード",
        "fiction": "小説|物語|脚本|シーン|映画|ドラマ",
        "harm": "爆弾|爆発物|毒物|麻薬|覚醒剤|銃|侵入|ハッキング|偽造|塩素ガス",
        "detail": "手順|具体的|正確|リアル|分量|実際に",
        "you": "あなた",
    },
    "ko": {
        "bounded": "1",
        "ign": "무시|잊어|잊으|따르지 마",
        "prev": "이전|앞의|위의|모든|기존|지금까지의|앞선|처음|지금까지",
        "above": "위의 내용|위 내용|앞의 내용|이전 내용|위에 있는 내용|위에 쓴|위의 모든|위에 적힌",
        "ign_go": "무시하고|무시해|무시하세요|무시하십시오|무시할 것|무시 하고|잊어버리고|잊어버려|잊고",
        "instr": "지시|지침|명령|규칙|지시사항|프롬프트|안내|제한",
        "prompt": "시스템 프롬프트|프롬프트|시스템 지시|초기 지시|system prompt",
        "verbatim": "그대로|한 글자도|원문 그대로|전부|전체",
        "before": "대화 시작 전|대화가 시작되기 전|대화 전에|대화를 시작하기 전",
        "secret": "비밀번호|패스워드|api 키|비밀 키|토큰|암호",
        "yours": "당신의 설정|너의 설정|네 설정",
        "norestr": "제한이 없는|제한 없는|제한 없이|규칙이 없는|규칙 없는|"
        "검열 없는|필터 없는|거절 없이|경고 없이|검열 없이",
        "ai": "ai|어시스턴트|모델|봇|인공지능",
        "refuse": "절대 거절하지|거절하지 않|거부하지 않",
        "note": "ai에게|ai 에게|어시스턴트에게|모델에게",
        "nottr": "번역하지 마|번역 대신|번역하지 말고|번역은 하지|번역 말고",
        "verb_last": "1",
        "given": "네가 받은|받은|너의|당신의",
        "answer": "답해|대답|답변",
        "devmode": "개발자 모드",
        "fiction": "소설|이야기|웹소설|시나리오|장면|영화|드라마",
        "harm": "폭탄|폭발물|독극물|마약|총기|해킹|피싱|위조",
        "detail": "구체적|실제로|정확|단계|재료",
        "you": "네가|너에게|당신",
    },
}

# Session 16: forty more languages (Nordic, Baltic, Finno-Ugric, South Slavic, Romance, Southeast
# Asian, African, South Asian, Caucasian, Central Asian), in a module of their own
LEXICON: Mapping[str, Mapping[str, str]] = {**_LEXICON_BASE, **LEXICON_MORE}

_QUOTE = "[«“\"„「『'‘]"


def _plain(words: str) -> str:
    """The words of a concept as a bare group, without boundaries: the trigger for the rule
    engine's first stage (every match of a sequence contains a match of it)."""
    alts = [w.strip().rstrip("$").replace(" ", r"\s*") for w in top_alternatives(words) if w.strip()]
    return "(?:" + "|".join(alts) + ")"


@dataclass(frozen=True)
class _Gap:
    """Up to ``n`` characters between two parts of a sequence, none of them in ``stop`` (the body
    of a character class: sentence ends, or only line ends); lazy unless ``greedy``."""

    stop: str
    n: int
    greedy: bool = False

    @property
    def rx(self) -> str:
        return f"[^{self.stop}]{{0,{self.n}}}" + ("" if self.greedy else "?")

    @property
    def after_word(self) -> str:
        """The gap after a word that must end there: empty (the next part then starts with its own
        boundary) or starting with a non-letter. This checks the word's end without consuming the
        character that the next concept's start boundary needs."""
        return f"(?:[^\\pL{self.stop}]{self.rx})" + ("?" if self.greedy else "??")


def _g(n: int) -> _Gap:
    """A lazy gap within one sentence: the span ends at the first fit."""
    return _Gap(_SENT, n)


def _split_words(words: str, bounded: bool) -> tuple[list[str], list[str]]:
    """A concept's alternatives as (words that must end there, stems), spaces matching any run of
    whitespace. In a bounded language the English "ai" is one more word that must end there (the
    concept's start boundary already keeps it out of longer words)."""
    ends: list[str] = []
    stems: list[str] = []
    for w in (x.strip() for x in top_alternatives(words)):
        if not w:
            continue
        if bounded and w == "ai":
            w = "ai$"
        (ends if w.endswith("$") else stems).append(w.rstrip("$").replace(" ", r"\s*"))
    return ends, stems


def _seq(bounded: bool, *parts: str | _Gap, tail: str = "") -> str:
    """A concept sequence: concepts (word lists: ``"a|b c|d$"``) and gaps (:class:`_Gap`) in
    order, then ``tail`` (an expression that starts with a non-letter: a closing quote or colon).

    In a language that separates words by spaces (``bounded``) each concept starts at a word's start,
    which consumes the character before it (RE2 has no look-around). A word that must end where it
    ends (``"бот$"``) used to consume the character after it as well, so the next concept could not
    start one space later ("ИИ без ограничений" was missed after a single space). Here such a word
    is followed by the gap in the form :meth:`_Gap.after_word`, and the last concept of a sequence
    runs to its word's end (``\\pL*``) only through a stem."""
    if not bounded:
        return "".join(p.rx if isinstance(p, _Gap) else _alt(p) for p in parts) + tail
    out: list[str] = []
    i = 0
    while i < len(parts):
        part = parts[i]
        nxt = parts[i + 1] if i + 1 < len(parts) else None
        i += 1
        if isinstance(part, _Gap):
            out.append(part.rx)
            continue
        ends, stems = _split_words(part, True)
        branches: list[str] = []
        if isinstance(nxt, _Gap):
            i += 1
            if ends:
                branches.append("(?:" + "|".join(ends) + ")" + nxt.after_word)
            if stems:
                branches.append("(?:" + "|".join(stems) + ")" + nxt.rx)
        elif nxt is not None:
            raise ValueError("two concepts in a row: put a gap between them")
        elif not tail:  # the last concept
            if ends:
                branches.append("(?:" + "|".join(ends) + r")(?:[^\pL]|$)")
            if stems:
                branches.append("(?:" + "|".join(stems) + r")\pL*")
        else:  # the last concept, before the tail (which starts with a non-letter)
            if ends:
                branches.append("(?:" + "|".join(ends) + ")")
            if stems:
                branches.append("(?:" + "|".join(stems) + ")")
        out.append(r"(?:^|[^\pL])(?:" + "|".join(branches) + ")")
    return "".join(out) + tail


def _lang_patterns(lx: Mapping[str, str]) -> dict[str, list[tuple[str, str]]]:
    """The concept sequences of one language, by rule id, each as (trigger, expression). The
    trigger is one of the sequence's concepts without word boundaries: a bounded concept starts
    with a word-boundary group, which would make a useless trigger (it matches nearly any text)."""
    b = bool(lx.get("bounded"))

    def S(*parts: str | _Gap, tail: str = "") -> str:
        return _seq(b, *parts, tail=tail)

    def T(*keys: str) -> str:
        return _plain("|".join(lx[k] for k in keys))

    ign, prev, instr = lx["ign"], lx["prev"], lx["instr"]
    g = _g
    out: dict[str, list[tuple[str, str]]] = {}
    override = [(T("instr"), S(ign, g(24), prev, g(24), instr))]
    if lx.get("verb_last"):
        override.append((T("instr"), S(prev, g(24), instr, g(30), ign)))
    else:
        override.append((T("instr"), S(prev, g(24), instr, g(12), ign)))  # "instructions above: ignore them"
    if "above" in lx:
        # "ignore the above" without naming instructions: 上記を無視して, 위의 내용을 무시하고, игнорировать предыдущие
        above = lx["above"]
        if lx.get("verb_last"):
            # the affirmative forms only: 上記を無視しないで / 위의 내용을 무시하지 마세요 ask to keep it
            override.append((T("above"), S(above, g(8), lx.get("ign_go", ign))))
        else:
            override.append((T("above"), S(ign, g(8), above)))
    line80, line40 = _Gap("\\n", 80, greedy=True), _Gap("\\n", 40, greedy=True)
    hijack = (lx["nottr"], line80, lx["only"], line40) if "only" in lx else (lx["nottr"], line80)
    override.append((T("nottr"), S(*hijack, tail=_QUOTE)))
    out["injection.override"] = override
    prompt, verbatim, before, given, you = lx["prompt"], lx["verbatim"], lx["before"], lx["given"], lx["you"]
    either = lx["instr"] + "|" + lx["prompt"]
    out["injection.system_prompt_extraction"] = [
        (T("prompt"), S(prompt, g(60), verbatim)),
        (T("prompt"), S(verbatim, g(60), prompt)),
        # instructions before the conversation, given to YOU: "the instructions you got before we
        # started"; not "can a model forget the instructions it got at the start of a chat?"
        (T("before"), S(either, g(60), you, g(60), before)),
        (T("before"), S(you, g(60), either, g(60), before)),
        (T("before"), S(before, g(60), either, g(60), you)),
        (T("before"), S(before, g(60), you, g(60), either)),
        (T("before"), S(you, g(60), before, g(60), either)),
        (T("given"), S(verbatim, g(80), either, g(30), given)),
        (T("given"), S(verbatim, g(80), given, g(30), either)),
        (T("given"), S(either, g(30), given, g(80), verbatim)),
        (T("given"), S(given, g(30), either, g(80), verbatim)),
    ]
    secret, yours = lx["secret"], lx["yours"]
    out["injection.secret_extraction"] = [(T("yours"), S(secret, g(60), yours)), (T("yours"), S(yours, g(60), secret))]
    ai, norestr, answer = lx["ai"], lx["norestr"], lx["answer"]
    out["jailbreak.no_restrictions"] = [
        (T("norestr"), S(ai, g(40), norestr)),
        (T("norestr"), S(norestr, g(20), ai)),
        (T("norestr"), S(answer, g(40), norestr)),
        (T("norestr"), S(norestr, g(20), answer)),
    ]
    out["jailbreak.refusal_suppression"] = [(T("refuse"), S(lx["refuse"]))]
    out["jailbreak.developer_mode"] = [(T("devmode"), S(lx["devmode"], g(80), lx["norestr"] + "|" + ai))]
    # a harmful how-to in a fiction wrapper that asks for real details: FICTION … HARM … DETAIL
    fiction, harm, detail = lx["fiction"], lx["harm"], lx["detail"]
    wide = _Gap("\\n", 200)
    out["jailbreak.harmful_framing"] = [
        (T("harm"), S(fiction, wide, harm, wide, detail)),
        (T("harm"), S(fiction, wide, detail, wide, harm)),
    ]
    note = lx["note"]
    out["injection.addressed_to_ai"] = [
        (T("note"), S(note, g(30), ai, _Gap("\\n.!?", 40, greedy=True), tail="[:：]")),
        (T("note"), S(ai, g(12), note, _Gap("\\n.!?", 30, greedy=True), tail="[:：]")),
    ]
    return out


def concept_patterns() -> dict[str, tuple[tuple[str, str], ...]]:
    """Every language's concept sequences, by rule id, as (trigger, expression) pairs (folded like
    the normalised text)."""
    merged: dict[str, list[tuple[str, str]]] = {}
    for lx in LEXICON.values():
        for rule_id, pats in _lang_patterns(lx).items():
            for trig, pat in pats:
                merged.setdefault(rule_id, []).append((F(trig), F(pat)))
    return {k: tuple(v) for k, v in merged.items()}
