#!/usr/bin/env python3
"""Build Husk's stopword lists (Rules/stoplists/<code>.txt) from stopwords-iso.

Source of every word: the stopwords-iso collection (MIT), as shipped in the
PyPI package `stopwordsiso`. No word is ever added from anywhere else; the only
words that are not verbatim in the source are repairs of encoding damage
(REPAIRS: Greek, Thai), accented Greek spellings of unaccented source entries
(ACCENT_RESTORE), and Romanian comma-below spellings of source words written
with a cedilla (ORTHOGRAPHIC_VARIANTS).

Selection signal: the PyPI package `wordfreq` is used only to *rank* the
source words by corpus frequency so that unattested / rare entries (typos,
mojibake, archaic forms) can be dropped and over-long lists capped. No
frequency value is written to the output, which is sorted by code point.

Usage (from the repository root):

    python3 -m pip install -r tools/stoplists/requirements.txt
    python3 tools/stoplists/build.py            # writes Rules/stoplists/
    python3 tools/stoplists/build.py --check    # exit 1 if files would change
    python3 tools/stoplists/build.py --review en  # print ranked candidates

The output is deterministic for the pinned package versions in
requirements.txt; the script refuses other versions unless --any-version.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import sys
import unicodedata
from pathlib import Path

import stopwordsiso

REPO_ROOT = Path(__file__).resolve().parents[2]
OUT_DIR = REPO_ROOT / "Rules" / "stoplists"

PINNED = {"stopwordsiso": "0.7.1", "wordfreq": "3.1.1"}

# ISO 639-1 code -> English name, in the order Husk lists them.
LANGUAGES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish",
    "it": "Italian", "pt": "Portuguese", "nl": "Dutch", "sv": "Swedish",
    "da": "Danish", "no": "Norwegian", "fi": "Finnish", "pl": "Polish",
    "cs": "Czech", "hu": "Hungarian", "ro": "Romanian", "tr": "Turkish",
    "ru": "Russian", "uk": "Ukrainian", "el": "Greek", "ar": "Arabic",
    "he": "Hebrew", "zh": "Chinese", "ja": "Japanese", "ko": "Korean",
    "th": "Thai", "vi": "Vietnamese", "id": "Indonesian",
}

# Languages written without spaces between words: entries are kept as given
# (single- and multi-character) and are meant to be matched against ICU
# word-break tokens.
UNSPACED = {"zh", "ja", "th"}

# wordfreq language code when it differs from ours.
WORDFREQ_CODE = {"no": "nb"}

# Upper bound on list size. Lists are ranked by frequency and cut here.
MAX_WORDS = 600

# Characters allowed inside a word besides letters, combining marks and
# digits: apostrophes, hyphen, full stop (abbreviations such as "etc."),
# Hebrew geresh/gershayim, zero-width (non-)joiner.
ALLOWED_PUNCT = set("'\u2019-.\u05f3\u05f4\u200c\u200d")

# Curated removals: content words (or web-navigation words, which would make
# boilerplate look like prose) that stopwords-iso includes and that the
# frequency ranking alone would keep. Each entry must be a normalized word
# from the source list; the build fails on stale entries so this stays honest.
CONTENT_WORDS: dict[str, set[str]] = {
    "en": set("""
        work works year years world man men home state states place thing things
        number numbers name end group groups system point points side sides line
        run area areas information problem problems research room rooms members
        member move buy act fire words results date site website web page pages
        tv won test interest interests bill value amount parts ways cases places
        effect text section computer seconds click http copy length net orders
        facts goods faces index detail importance tip keys shell mill microsoft
        thanks thank welcome join hello hi free top latest hell serious proud
        novel cry empty thin thick ring fix uk de re co st al la ii ex ed inc et
        ll sub mm ma un id ve ca ltd pa na vol pp km mo il sa mp se con cm fi va
        li er ai ups dj com hr md th pr sc gm cc lt ga aw ba mt mg rd fr vi kg ar
        nc ne bi pt jo sr au bs fm gov bo mc cr af ph don ad available bottom
        changes miss open opened opening opens face
    """.split()),
    "de": set("""
        menschen zeit jahr jahren jahre mann tag tage tagen uhr ende teil gott
        sache mensch ordnung mittel suche startseite tel ag en au ei sa leide
        dasein mahn ernst
    """.split()),
    "fr": set("""
        état gens retour sujet force mot droite valeur pièce parole essai clic
        stop mine merci da na fi hi
    """.split()),
    "es": set("""
        tiempo día días dia dias trabajo trabajar trabaja trabajan trabajamos
        trabajas lugar cosas momento horas estados uso valor empleo pais sal
    """.split()),
    "it": set("""
        vita mondo giorno giorni città citta anno anni tempo persone gente gruppo
        uomo ore paese mesi consiglio titolo futuro piedi registrazione
        conclusione press ansa inc cima scopo forza nome posto luogo attesa
        cortesia comprare grazie co th haha ie sig
    """.split()),
    "pt": set("""
        dia pessoas anos ano tempo trabalho coisa noite nome grupo lugar momento
        hora horas número sistema local área ponto povo pontos apoio caminho
        nível questão conselho obra posição viagem valor meses mês corrente
        certeza dúvida obrigado obrigada ligado desligado iniciar apontar quieto
        comprido maiorias direita
    """.split()),
    "nl": set("mr mrs miss whatever missen wezen".split()),
    "sv": set("""
        tack del delen dag dagen dagar dagarna kr beslut beslutat beslutit
        nummer nr ursäkt förlåt
    """.split()),
    "da": set("mand far".split()),
    "no": set("folk tid arbeid navn makt verdi punkt tilstand start slutt part".split()),
    "fi": set("""
        vuoden vuotta vuosi vuosina vuosien kiitos asia asiaa asiat asian asioita
        asiasta asioiden asioihin apu olli ssa sta lla nro tavoitteena vasen
    """.split()),
    "pl": set("""
        roku lat zł ii iii iv vi vii viii ix xi xii xiii xiv xv ul tel www pl
        godz tys nr dr prof mgr inż hab kierunku vol
    """.split()),
    "cs": set("""
        den večer článek článku články clanek clanku clanky zprávy zpravy strana
        téma tema tipy design email cz re byt chuti neg
    """.split()),
    "hu": set("""
        év éves évi éve évben évek évvel cikk cikkek cikkeket lehetőség napot
        ben ban bal búcsú keressünk köszönöm õket
    """.split()),
    "ro": set("timp zi fata frumos caut noroc bucur citi capat ul".split()),
    "tr": set("kaynak iş cümlesi inen öz".split()),
    "ru": set("""
        время года году лет год человек день люди жизнь место дело мира мир
        деньги вопрос россия дом друг москва город работа имя ночь женщина слово
        отец мать лицо час вид путь русский жена книга голос свет народ вечер
        конец утро война взгляд случай миллионов пол глаз дверь ребенок вода
        машина страна голова стол земля белый советский дорога окно процентов
        душа сторона рука улица комната товарищ плечо нога минута мор меля нх
        друго мож спасибо старый маленький главный
    """.split()),
    "el": set("μονής δία".split()),  # restored accent forms: monastery, Zeus
    "ar": set("""
        يوم عام سنة سنوات عاما الوقت مليون مليار صباح مساء مايو ايار زيارة لقاء
        لوكالة برس قوة عين اطار للامم نهاية و6 الماضي المقبل
    """.split()),
    "he": set("נגר עז".split()),
    "zh": set("年 月 日 人 区 秒 冲 腾 巴 巴巴 眨眼 叮咚 嗡嗡 当地 本地 替代 对比 冒 望 赶 含".split()),
    "ko": set("시간 월 년 아이 전자 시각".split()),
    "th": set("วัน เปิด ผล".split()),
    "vi": set("""
        năm ngày nhà tháng cây nền răng ngọt sạch bông nóc vở bài thanh cao số
        cha dì thím mợ amen tấn nh trệt phỏng
    """.split()),
    "id": set("tahun hari bulan ibu masalah kasus pertanyaan jawaban wong".split()),
}

# Single-letter entries are dropped in alphabetic scripts unless the letter is
# a word of its own in that language (article, conjunction, preposition...).
SINGLE_LETTERS_KEPT: dict[str, set[str]] = {
    "en": set("ai"), "de": set(), "fr": set("aày"), "es": set("aeouy"),
    "it": set("aeio"), "pt": set("aeoàé"), "nl": set("u"), "sv": set("i"),
    "da": set("i"), "no": set("iå"), "fi": set(), "pl": set("aiouwz"),
    "cs": set("aikosuvz"), "hu": set("ase"), "ro": set("aeo"), "tr": set("o"),
    "ru": set("авикосуяжб"), "uk": set("авзійуяож"), "el": set("ηοήωἡὁἢ"),
    "id": set(),
}

# Function words the source lacks where its list is thin (stopwords-iso has 73
# Ukrainian entries and no "і", "в", "на", "не"; its Korean list misses common
# endings and adverbs). Written for Husk from general knowledge of the
# languages (no third-party list); each must be attested in wordfreq's top
# ADDITION_MAX_RANK words, or the build fails, so a typo cannot slip in.
CURATED_ADDITIONS: dict[str, set[str]] = {
    "uk": set("і в у на не за а по при через вже ще його бо або тому які яка яке щоб після над між зі буде "
              "ж би то ця цей ці цього цієї цих де також тільки лише коли якщо хоча навіть дуже можна треба "
              "вже тут там сьогодні раніше знову однак проте адже тобто".split()),
    "ko": set("더 수 한 할 위해 대한 통해 중 후 전 된다 한다 이번 가장 모두 함께 다시 이미 아직 지난 또 "
              "따라 그러나 이런 그런 합니다".split()),
}
ADDITION_MAX_RANK = 5000

# Repairs of encoding damage in the source, applied before anything else.
#  el: U+2206 INCREMENT used in place of Greek delta.
#  th: NIKHAHIT + SARA AA used in place of SARA AM (U+0E33), which is what
#      Thai text actually contains (NFC does not unify them).
REPAIRS: dict[str, list[tuple[str, str]]] = {
    "el": [("\u2206", "\u03b4")],
    "th": [("\u0e4d\u0e32", "\u0e33")],
}

# Greek: most stopwords-iso entries are written without accents (as typed
# in all-caps or careless text), but ordinary Greek text is accented
# (είναι, όταν, πολύ). For these languages, each unaccented entry also brings
# in the accented spellings that wordfreq attests for the same letters, when
# at least ACCENT_MIN_SHARE as frequent as the most frequent such spelling.
ACCENT_RESTORE = {"el"}
ACCENT_MIN_SHARE = 0.25

# Romanian: stopwords-iso writes s/t with cedilla (legacy encoding); modern
# text uses comma below. Both spellings are emitted.
ORTHOGRAPHIC_VARIANTS = {
    "ro": str.maketrans({"\u015f": "\u0219", "\u0163": "\u021b"}),
}


def normalize(word: str) -> str:
    return unicodedata.normalize("NFC", word).lower().strip()


def has_letter(word: str) -> bool:
    # Lm (e.g. Arabic tatweel) alone does not make a word.
    return any(unicodedata.category(ch) in ("Lu", "Ll", "Lt", "Lo") for ch in word)


def bad_char(word: str) -> bool:
    for ch in word:
        cat = unicodedata.category(ch)
        if cat[0] in "LMN" or ch in ALLOWED_PUNCT:
            continue
        return True
    return False


class Frequency:
    """Lazy wordfreq lookups; None when the language is not covered."""

    def __init__(self) -> None:
        import wordfreq
        from wordfreq.preprocess import preprocess_text

        self._wordfreq = wordfreq
        self._pre = preprocess_text
        self._dicts: dict[str, dict[str, float] | None] = {}

    def table(self, code: str) -> dict[str, float] | None:
        wf = WORDFREQ_CODE.get(code, code)
        if wf not in self._dicts:
            if wf in self._wordfreq.available_languages("best"):
                self._dicts[wf] = self._wordfreq.get_frequency_dict(wf, "best")
            else:
                self._dicts[wf] = None
        return self._dicts[wf]

    def of(self, code: str, word: str) -> float:
        table = self.table(code)
        assert table is not None
        return table.get(self._pre(word, WORDFREQ_CODE.get(code, code)), 0.0)


def strip_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    )


def restore_accents(code: str, words: set[str], freq: Frequency) -> set[str]:
    """Accented spellings (attested in wordfreq) of unaccented entries."""
    table = freq.table(code)
    assert table is not None
    wanted = {strip_accents(w).replace("\u03c2", "\u03c3") for w in words
              if strip_accents(w) == w}
    by_key: dict[str, list[tuple[float, str]]] = {}
    for key, f in table.items():
        bare = strip_accents(key)
        if bare in wanted:
            by_key.setdefault(bare, []).append((f, key))
    added: set[str] = set()
    for cands in by_key.values():
        top = max(f for f, _ in cands)
        for f, key in cands:
            if f < ACCENT_MIN_SHARE * top:
                continue
            # wordfreq case-folds, turning final ς into σ; undo that.
            w = key[:-1] + "\u03c2" if key.endswith("\u03c3") else key
            if w not in words and has_letter(w) and not bad_char(w):
                added.add(w)
    return added


def select(code: str, freq: Frequency) -> tuple[list[str], dict, list[str]]:
    """Return (sorted words, stats, frequency-ranked kept+cut candidates)."""
    raw = list(stopwordsiso.stopwords(code))
    stats: dict[str, int | str] = {"raw": len(raw)}
    words: set[str] = set()
    dropped = {"empty": 0, "multiword": 0, "no_letter": 0, "bad_char": 0,
               "single_letter": 0, "misspelled": 0}
    repaired = 0
    single_kept = SINGLE_LETTERS_KEPT.get(code)
    for entry in raw:
        w = normalize(entry)
        fixed = w
        for bad, good in REPAIRS.get(code, []):
            fixed = fixed.replace(bad, good)
        if fixed != w:
            repaired += 1
            w = normalize(fixed)
        if not w:
            dropped["empty"] += 1
        elif any(ch.isspace() for ch in w):
            dropped["multiword"] += 1
        elif not has_letter(w):
            dropped["no_letter"] += 1
        elif bad_char(w) or unicodedata.category(w[0]).startswith("M"):
            dropped["bad_char"] += 1
        elif single_kept is not None and len(w) == 1 and w not in single_kept:
            dropped["single_letter"] += 1
        elif code == "el" and w.endswith("\u03c3"):
            # Greek word-final sigma must be ς; the source also lists
            # σ-final misspellings of words it already has.
            dropped["misspelled"] += 1
        else:
            words.add(w)
    stats.update(dropped)
    stats["repaired"] = repaired
    stats["clean"] = len(words)

    stats["accents_restored"] = 0
    if code in ACCENT_RESTORE:
        restored = restore_accents(code, words, freq)
        stats["accents_restored"] = len(restored)
        words |= restored

    deny = CONTENT_WORDS.get(code, set())
    stale = deny - words
    if stale:
        raise SystemExit(f"{code}: CONTENT_WORDS entries not among the candidates: {sorted(stale)}")
    words -= deny
    stats["curated_out"] = len(deny)

    ranked: list[str] = []
    if freq.table(code) is not None:
        attested = [w for w in words if freq.of(code, w) > 0.0]
        stats["unattested"] = len(words) - len(attested)
        ranked = sorted(attested, key=lambda w: (-freq.of(code, w), w))
        kept = ranked[:MAX_WORDS]
        stats["capped"] = len(ranked) - len(kept)
        stats["selection"] = (
            f"attested in wordfreq {PINNED['wordfreq']} "
            f"({WORDFREQ_CODE.get(code, code)}), top {MAX_WORDS} by frequency"
        )
        words = set(kept)
    else:
        stats["unattested"] = 0
        stats["capped"] = 0
        stats["selection"] = "no frequency data for this language: all clean entries kept"

    extra = CURATED_ADDITIONS.get(code, set())
    if extra:
        ftable = freq.table(code) or {}
        ranked_f = sorted(ftable.values(), reverse=True)
        floor = ranked_f[ADDITION_MAX_RANK - 1] if len(ranked_f) >= ADDITION_MAX_RANK else float("inf")
        unattested = sorted(w for w in extra if freq.of(code, w) < floor)
        if unattested:
            raise SystemExit(f"{code}: CURATED_ADDITIONS not in wordfreq's top {ADDITION_MAX_RANK}: {unattested}")
    stats["curated_in"] = len(extra - words)
    words |= extra

    table = ORTHOGRAPHIC_VARIANTS.get(code)
    added = 0
    if table is not None:
        for w in list(words):
            v = w.translate(table)
            if v not in words:
                words.add(v)
                added += 1
    stats["variants_added"] = added
    stats["final"] = len(words)
    return sorted(words), stats, ranked


def render(code: str, words: list[str], stats: dict) -> str:
    name = LANGUAGES[code]
    dropped = ", ".join(
        f"{stats[k]} {label}"
        for k, label in (
            ("multiword", "multi-word"),
            ("no_letter", "digits/punctuation only"),
            ("bad_char", "with stray symbols"),
            ("single_letter", "single letters"),
            ("misspelled", "with word-final σ instead of ς"),
            ("curated_out", "curated content words"),
            ("unattested", "unattested in wordfreq"),
            ("capped", f"beyond the top {MAX_WORDS}"),
        )
        if stats[k]
    )
    header = [
        f"Husk stopword list: {name} ({code}), {stats['final']} words",
        f"Source: stopwords-iso collection, PyPI package stopwordsiso {PINNED['stopwordsiso']}",
        "  (https://github.com/stopwords-iso/stopwords-iso), "
        f"{stats['raw']} entries for '{code}'",
        "License: MIT. Copyright (c) 2016 Gene Diaz; Copyright (c) 2018-present"
        " Arthit Suriyawongkul.",
        "  Full notice: Rules/stoplists/README.md",
        "Normalized: Unicode NFC, str.lower(), strip; sorted by code point.",
        f"Selection: {stats['selection']}.",
    ]
    if dropped:
        header.append(f"Dropped: {dropped}.")
    if stats["repaired"]:
        header.append(
            f"Repaired: {stats['repaired']} entries with encoding damage "
            "(see REPAIRS in build.py)."
        )
    if stats["accents_restored"]:
        header.append(
            f"Added before ranking: {stats['accents_restored']} accented spellings "
            "(attested in wordfreq) of unaccented entries."
        )
    if stats.get("curated_in"):
        header.append(
            f"Added: {stats['curated_in']} function words the source lacks, written for Husk "
            "(CURATED_ADDITIONS in build.py; each attested in wordfreq)."
        )
    if stats["variants_added"]:
        header.append(
            f"Added: {stats['variants_added']} comma-below spellings (s/t) of "
            "cedilla entries."
        )
    if code in UNSPACED:
        header.append(
            "Unspaced script: entries are words as given, for matching ICU "
            "word-break tokens."
        )
    header.append(
        "Build: python3 -m pip install -r tools/stoplists/requirements.txt && "
        "python3 tools/stoplists/build.py"
    )
    header.append("Generated file: do not edit; change tools/stoplists/build.py instead.")
    lines = ["# " + h for h in header] + words
    return "\n".join(lines) + "\n"


MIT_NOTICE = """\
The MIT License (MIT)

Copyright (c) 2016 Gene Diaz
Copyright (c) 2018-present Arthit Suriyawongkul

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""


def render_readme(all_stats: dict[str, dict]) -> str:
    rows = []
    for code, st in all_stats.items():
        freq = "yes" if st["selection"].startswith("attested") else "no (kept all)"
        rows.append(
            f"| {code} | {LANGUAGES[code]} | {st['final']} | {st['raw']} | {freq} | "
            f"stopwords-iso via stopwordsiso {PINNED['stopwordsiso']} |"
        )
    table = "\n".join(rows)
    return f"""\
# Stopword lists

One file per language, `<ISO 639-1 code>.txt`: UTF-8, LF line ends, a header
of `#` comment lines, then one word per line, sorted by Unicode code point.
Words are Unicode NFC and lowercase (Python `str.lower()`). Husk should apply
the same normalization to the tokens it looks up.

**These files are generated** by `tools/stoplists/build.py`; do not edit them
by hand (change the script and rebuild).

## Provenance

Every word comes from the [stopwords-iso](https://github.com/stopwords-iso/stopwords-iso)
collection by Gene Diaz and contributors, as packaged in the PyPI package
`stopwordsiso` {PINNED['stopwordsiso']} (Python packaging by Arthit Suriyawongkul).
The only words not verbatim in the source are (a) repairs of encoding damage
in the source: Greek entries spelled with U+2206 INCREMENT instead of `δ`, and
Thai entries spelled NIKHAHIT + SARA AA instead of SARA AM `ำ` (which is what
Thai text contains); (b) accented Greek spellings of the source's unaccented
Greek entries (e.g. `ειναι` also gives `είναι`), taken from the spellings that
wordfreq attests for the same letters; and (c) Romanian spellings with
comma-below `ș`/`ț`, added next to the source's cedilla spellings `ş`/`ţ`.

Selection, per language:

1. Normalize (NFC, `str.lower()`, strip) and de-duplicate.
2. Drop empty entries, entries containing whitespace (multi-word), entries
   with no letter at all (pure digits / punctuation), entries with stray
   symbols (anything but letters, marks, digits, apostrophes, hyphen, full
   stop, Hebrew geresh/gershayim, ZWJ/ZWNJ) or starting with a combining
   mark, single letters that are not words of their own in the language
   (`SINGLE_LETTERS_KEPT`), and Greek entries ending in `σ` instead of `ς`.
3. Drop a short curated list of content words that the source includes
   (kept in `CONTENT_WORDS` in `build.py`, one set per language).
4. Where the PyPI package `wordfreq` {PINNED['wordfreq']} covers the language,
   drop entries it has never seen (typos, mojibake, archaic forms) and keep
   at most the {MAX_WORDS} most frequent. wordfreq is only a ranking signal:
   no frequency data is copied into these files (wordfreq's code is
   Apache-2.0 and its data CC BY-SA 4.0; it is a build-time tool here, not a
   source of words). wordfreq has no Thai data, so the Thai list keeps every
   clean entry. Norwegian is ranked with wordfreq's Bokmål (`nb`) data.

"raw" is the number of entries stopwords-iso has for the language; "words"
is what the file contains.

| code | language | words | raw | frequency-filtered | source |
| --- | --- | ---: | ---: | --- | --- |
{table}

Caveats:

- Ukrainian: the stopwords-iso list has only 73 entries and lacks very
  common function words (не, і, в, на, у, його, я ...). The file is usable
  but weak; it needs a supplement from another permissively licensed list.
- Vietnamese writes one syllable per space-separated token; the source's
  multi-syllable entries (e.g. "bao giờ") contain spaces and are dropped, so
  the list holds single syllables only.
- Korean: particles and endings attach to the preceding word, so whole
  space-separated (or ICU) tokens rarely match the list (about 6% of the
  tokens of a news sentence, against 25-75% elsewhere); useful Korean
  stopword density needs particle stripping first. The source's multi-word
  and punctuation entries are dropped.
- Greek: the source is mostly unaccented; the list holds both the
  unaccented entries and their attested accented spellings, ranked together
  and capped at {MAX_WORDS}. Polytonic spellings are kept only where attested.
- Chinese: the source list is Simplified Chinese; Traditional-script text
  matches only the function words written the same in both scripts (的 是 在
  了 不 ...), not e.g. 這/这, 們/们, 個/个.
- Thai: no frequency signal, so the list is the source list minus 3 curated
  content words (วัน เปิด ผล) and one fragment.
- zh / ja / th: entries are kept as given (single- and multi-character
  function words), to be matched against ICU word-break tokens.

## License

stopwords-iso is distributed under the MIT License. The `stopwordsiso` wheel
declares `License-Expression: MIT` and its modules carry
`SPDX-License-Identifier: MIT` (`SPDX-FileCopyrightText: 2018-present Arthit
Suriyawongkul`); the wheel and sdist ship no separate LICENSE file. The
per-language stopwords-iso repositories carry the MIT notice
"Copyright (c) 2016 Gene Diaz". The notice, as required by the license:

```
{MIT_NOTICE}```

## Rebuild

```sh
python3 -m pip install -r tools/stoplists/requirements.txt
python3 tools/stoplists/build.py          # rewrites Rules/stoplists/*.txt and this README
python3 tools/stoplists/build.py --check  # exit 1 if anything would change
python3 tools/stoplists/sanity.py         # plausibility checks (standard library only)
```
"""


def check_versions(allow_any: bool) -> None:
    for pkg, want in PINNED.items():
        have = importlib.metadata.version(pkg)
        if have != want:
            msg = f"{pkg} {have} installed, build is pinned to {want}"
            if not allow_any:
                raise SystemExit(msg + " (pass --any-version to build anyway)")
            print("warning: " + msg, file=sys.stderr)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare instead of writing")
    ap.add_argument("--review", metavar="CODE", help="print frequency-ranked candidates")
    ap.add_argument("--any-version", action="store_true")
    args = ap.parse_args()
    check_versions(args.any_version)
    freq = Frequency()

    if args.review:
        words, stats, ranked = select(args.review, freq)
        print(stats)
        for i in range(0, len(ranked), 40):
            print(f"{i:4d}", " ".join(ranked[i : i + 40]))
        return 0

    outputs: dict[Path, str] = {}
    all_stats: dict[str, dict] = {}
    for code in LANGUAGES:
        words, stats, _ = select(code, freq)
        all_stats[code] = stats
        outputs[OUT_DIR / f"{code}.txt"] = render(code, words, stats)
    outputs[OUT_DIR / "README.md"] = render_readme(all_stats)

    changed = [p for p, text in outputs.items()
               if not p.exists() or p.read_text(encoding="utf-8") != text]
    if args.check:
        for p in changed:
            print(f"out of date: {p.relative_to(REPO_ROOT)}")
        return 1 if changed else 0
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for p, text in outputs.items():
        with open(p, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    for code, st in all_stats.items():
        print(f"{code}: {st['final']:4d} words (raw {st['raw']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
