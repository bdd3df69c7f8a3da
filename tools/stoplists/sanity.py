#!/usr/bin/env python3
"""Plausibility checks for Rules/stoplists/*.txt (standard library only).

1. Format: header of '#' lines, then one NFC, lowercase, whitespace-free word
   per line; unique; sorted by code point; LF line ends; the count in the
   header matches.
2. English must contain core function words and must not contain content
   words.
3. For every language, a hand-written news-style sentence: print the share
   of whitespace tokens (zh/ja/th: of characters, by greedy longest match)
   that are stopwords. Prose should land roughly between 25% and 75%;
   a navigation-menu string (boilerplate) should score far lower.

Exit status 1 if any check fails.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DIR = ROOT / "Rules" / "stoplists"
UNSPACED = {"zh", "ja", "th"}

# One natural sentence per language, written for this check (same content in
# each: a committee published a report, questions remain, the government will
# not comment before autumn).
SENTENCES = {
    "en": "The committee said that it would not be able to finish the report before the end of the year, but it is still hoping to publish it in the spring.",
    "de": "Der Bericht wurde gestern von der Kommission veröffentlicht, aber viele Fragen sind noch nicht beantwortet, und die Regierung will sich erst im Herbst dazu äußern.",
    "fr": "Le rapport a été publié hier par la commission, mais beaucoup de questions restent sans réponse et le gouvernement ne veut pas se prononcer avant l'automne.",
    "es": "El informe fue publicado ayer por la comisión, pero muchas preguntas siguen sin respuesta y el gobierno no quiere pronunciarse hasta el otoño.",
    "it": "Il rapporto è stato pubblicato ieri dalla commissione, ma molte domande restano senza risposta e il governo non vuole esprimersi prima dell'autunno.",
    "pt": "O relatório foi publicado ontem pela comissão, mas muitas perguntas ainda estão sem resposta e o governo não quer se pronunciar antes do outono.",
    "nl": "Het rapport werd gisteren door de commissie gepubliceerd, maar veel vragen zijn nog niet beantwoord en de regering wil pas in de herfst reageren.",
    "sv": "Rapporten publicerades i går av kommissionen, men många frågor är fortfarande obesvarade och regeringen vill inte kommentera den förrän i höst.",
    "da": "Rapporten blev offentliggjort i går af kommissionen, men mange spørgsmål er stadig ubesvarede, og regeringen vil ikke kommentere den før til efteråret.",
    "no": "Rapporten ble publisert i går av kommisjonen, men mange spørsmål er fortsatt ubesvart, og regjeringen vil ikke kommentere den før til høsten.",
    "fi": "Komissio julkaisi raportin eilen, mutta monet kysymykset ovat yhä vailla vastausta, eikä hallitus halua kommentoida sitä ennen syksyä.",
    "pl": "Raport został opublikowany wczoraj przez komisję, ale wiele pytań wciąż pozostaje bez odpowiedzi, a rząd nie chce się wypowiadać przed jesienią.",
    "cs": "Zpráva byla včera zveřejněna komisí, ale mnoho otázek stále zůstává bez odpovědi a vláda se k ní nechce vyjádřit dříve než na podzim.",
    "hu": "A bizottság tegnap tette közzé a jelentést, de sok kérdés még mindig megválaszolatlan, és a kormány csak ősszel akar nyilatkozni róla.",
    "ro": "Raportul a fost publicat ieri de comisie, dar multe întrebări au rămas fără răspuns, iar guvernul nu vrea să se pronunțe până în toamnă.",
    "tr": "Rapor dün komisyon tarafından yayımlandı, ancak birçok soru hâlâ yanıtsız ve hükümet sonbahardan önce bu konuda bir açıklama yapmak istemiyor.",
    "ru": "Доклад был опубликован вчера комиссией, но многие вопросы до сих пор остаются без ответа, и правительство не хочет комментировать его до осени.",
    "uk": "Звіт був опублікований учора комісією, але багато питань досі залишаються без відповіді, і уряд не хоче коментувати його до осені.",
    "el": "Η έκθεση δημοσιεύθηκε χθες από την επιτροπή, αλλά πολλά ερωτήματα παραμένουν αναπάντητα και η κυβέρνηση δεν θέλει να τη σχολιάσει πριν από το φθινόπωρο.",
    "ar": "نشرت اللجنة التقرير أمس، لكن كثيرا من الأسئلة ما زالت بلا إجابة، والحكومة لا تريد التعليق عليه قبل الخريف.",
    "he": "הוועדה פרסמה את הדוח אתמול, אבל שאלות רבות עדיין נותרו ללא תשובה, והממשלה לא רוצה להגיב עליו לפני הסתיו.",
    "zh": "委员会昨天发布了这份报告，但是很多问题仍然没有得到回答，政府也不想在秋天之前对此发表评论。",
    "ja": "委員会は昨日その報告書を発表したが、多くの質問にはまだ答えがなく、政府は秋までにこれについてコメントするつもりはない。",
    "ko": "위원회는 어제 그 보고서를 발표했지만 많은 질문에 아직 답이 없고 정부는 가을 전에 이에 대해 언급하지 않으려고 한다.",
    "th": "คณะกรรมการได้เผยแพร่รายงานเมื่อวานนี้ แต่ยังมีคำถามอีกหลายข้อที่ไม่ได้รับคำตอบ และรัฐบาลก็ไม่ต้องการแสดงความคิดเห็นก่อนฤดูใบไม้ร่วง",
    "vi": "Ủy ban đã công bố báo cáo vào ngày hôm qua, nhưng nhiều câu hỏi vẫn chưa có câu trả lời và chính phủ không muốn bình luận trước mùa thu.",
    "id": "Komisi menerbitkan laporan itu kemarin, tetapi banyak pertanyaan masih belum terjawab dan pemerintah tidak ingin berkomentar sebelum musim gugur.",
}

BOILERPLATE_EN = "Home Products Services Blog Contact Privacy Policy Terms Login Register Cart Newsletter Subscribe Copyright 2024 Company Ltd"

EN_MUST = ["the", "and", "of", "to", "is", "a", "in", "that", "it", "for", "with", "not"]
EN_MUST_NOT = ["house", "government", "home", "page", "click", "world", "year",
               "information", "website", "copyright", "privacy"]

MIN_SHARE, MAX_SHARE = 0.25, 0.75

# Lists known to fall short of the range; reported as WARN, not failure.
KNOWN_WEAK = {
    "uk": "stopwords-iso's Ukrainian list has 73 entries and lacks не, і, в, на, його",
    "ko": "Korean particles attach to words; whole tokens rarely match",
}

failures: list[str] = []


def fail(msg: str) -> None:
    failures.append(msg)
    print("FAIL: " + msg)


def load(code: str) -> set[str]:
    path = DIR / f"{code}.txt"
    raw = path.read_bytes()
    if b"\r" in raw:
        fail(f"{code}: CR in file")
    text = raw.decode("utf-8")
    if not text.endswith("\n"):
        fail(f"{code}: no final newline")
    lines = text.split("\n")[:-1]
    header = [ln for ln in lines if ln.startswith("#")]
    body = lines[len(header):]
    if not header or any(ln.startswith("#") for ln in body):
        fail(f"{code}: header must be a leading block of '#' lines")
    m = re.search(r", (\d+) words$", header[0]) if header else None
    if not m or int(m.group(1)) != len(body):
        fail(f"{code}: header count does not match {len(body)} words")
    for w in body:
        if not w or w != w.strip() or any(c.isspace() for c in w):
            fail(f"{code}: bad entry {w!r}")
        if unicodedata.normalize("NFC", w) != w or w.lower() != w:
            fail(f"{code}: not NFC/lowercase: {w!r}")
    if body != sorted(set(body)):
        fail(f"{code}: not sorted/unique")
    return set(body)


def tokens(text: str) -> list[str]:
    out = []
    for t in text.split():
        t = t.strip(".,;:!?\"“”«»()[]|،")
        if t:
            out.append(unicodedata.normalize("NFC", t).lower())
    return out


def token_share(text: str, words: set[str]) -> tuple[float, str]:
    toks = tokens(text)
    hits = [t for t in toks if t in words]
    return len(hits) / len(toks), f"{len(hits)}/{len(toks)} tokens"


def char_share(text: str, words: set[str]) -> tuple[float, str]:
    """Greedy longest match from each position; share of letters covered."""
    longest = max(len(w) for w in words)
    letters = [i for i, ch in enumerate(text)
               if unicodedata.category(ch)[0] in "LM"]
    covered: set[int] = set()
    i = 0
    while i < len(text):
        for n in range(min(longest, len(text) - i), 0, -1):
            if text[i:i + n] in words:
                covered.update(range(i, i + n))
                i += n
                break
        else:
            i += 1
    hit = sum(1 for i in letters if i in covered)
    return hit / len(letters), f"{hit}/{len(letters)} chars"


def main() -> int:
    codes = sorted(p.stem for p in DIR.glob("*.txt"))
    missing = set(SENTENCES) - set(codes)
    if missing:
        fail(f"missing lists: {sorted(missing)}")
    print(f"{'code':4} {'words':>5}  {'share':>6}  detail")
    for code in SENTENCES:
        if code in missing:
            continue
        words = load(code)
        if code in UNSPACED:
            share, detail = char_share(SENTENCES[code], words)
        else:
            share, detail = token_share(SENTENCES[code], words)
        ok = MIN_SHARE <= share <= MAX_SHARE
        flag = ""
        if not ok:
            flag = (f"  WARN (known weak: {KNOWN_WEAK[code]})" if code in KNOWN_WEAK
                    else "  <-- out of range")
        print(f"{code:4} {len(words):5}  {share:6.0%}  {detail}{flag}")
        if not ok and code not in KNOWN_WEAK:
            fail(f"{code}: stopword share {share:.0%} outside "
                 f"{MIN_SHARE:.0%}-{MAX_SHARE:.0%}")

    en = load("en")
    for w in EN_MUST:
        if w not in en:
            fail(f"en: missing function word {w!r}")
    for w in EN_MUST_NOT:
        if w in en:
            fail(f"en: contains content word {w!r}")
    share, detail = token_share(BOILERPLATE_EN, en)
    print(f"en boilerplate (nav menu) share: {share:.0%} ({detail})")
    if share >= 0.15:
        fail(f"en: boilerplate share {share:.0%} should be < 15%")

    print("sanity: " + ("OK" if not failures else f"{len(failures)} failure(s)"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
