#!/usr/bin/env python3
"""Stand-in for `husk features FILE...`, used as a test fixture for the training scripts.

It exists so tools/train can be developed and tested before (or without) the Swift binary.
It prints the same JSON Lines format: a header `{"features": [...]}`, then one line per
block `{"doc", "i", "text", "x"}`. Blocks are the non-empty lines of the input; the text
drops markdown link/image targets (keeps anchor text). Features are deliberately few and
simple; the real ones live in the Swift tool.

    tools/train/fake_features.py features a.txt b.txt > dump.jsonl
"""
import json
import math
import re
import sys
from pathlib import Path

TOKEN_RE = re.compile(r"\w+")
IMAGE_RE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)")
STOP = set("""a an the and or but of to in on at for with from by as is are was were be been
it its this that these those he she they we you i his her their our not no have has had
will would can could do does did so if than then there which who what when where how
der die das und ist nicht mit von le la les et est une des el los que por""".split())
NAMES = ["log_tokens", "log_chars", "stop_ratio", "end_punct", "link_density", "bullet",
         "heading", "cap_ratio", "digit_ratio", "rel_pos", "prev_log_tokens",
         "next_log_tokens", "win_log_tokens", "win_stop_ratio"]


def clean(line):
    line = IMAGE_RE.sub(lambda m: m.group(1), line)
    return " ".join(LINK_RE.sub(lambda m: m.group(1), line).split())


def own_features(raw, text):
    toks = TOKEN_RE.findall(text)
    low = [t.lower() for t in toks]
    anchors = sum(len(m.group(1)) for m in LINK_RE.finditer(raw))
    s = raw.strip()
    return [
        math.log1p(len(toks)),
        math.log1p(len(text)),
        sum(t in STOP for t in low) / max(1, len(toks)),
        float(text.rstrip("\"'”’)*_ ").endswith((".", "!", "?", ":"))),
        anchors / max(1, len(text)),
        float(s[:2] in ("* ", "- ", "+ ") or bool(re.match(r"\d+\. ", s))),
        float(s.startswith("#")),
        sum(t[:1].isupper() for t in toks) / max(1, len(toks)),
        sum(c.isdigit() for c in text) / max(1, len(text)),
    ]


def doc_rows(path):
    raw_lines = [l for l in Path(path).read_text(encoding="utf-8", errors="replace").split("\n")
                 if l.strip()]
    texts = [clean(l) for l in raw_lines]
    own = [own_features(r, t) for r, t in zip(raw_lines, texts)]
    n = len(own)
    rows = []
    for i, f in enumerate(own):
        win = own[max(0, i - 3):i + 4]
        ctx = [i / max(1, n - 1),
               own[i - 1][0] if i > 0 else 0.0,
               own[i + 1][0] if i + 1 < n else 0.0,
               sum(w[0] for w in win) / len(win),
               sum(w[2] for w in win) / len(win)]
        rows.append((texts[i], f + ctx))
    return rows


def main(argv):
    if len(argv) < 1 or argv[0] != "features":
        sys.exit("usage: fake_features.py features FILE...")
    out = sys.stdout
    out.write(json.dumps({"features": NAMES}) + "\n")
    for path in argv[1:]:
        doc = Path(path).name.removesuffix(".txt")
        for i, (text, x) in enumerate(doc_rows(path)):
            out.write(json.dumps({"doc": doc, "i": i, "text": text,
                                  "x": [round(v, 6) for v in x]}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
