#!/usr/bin/env python3
"""Label text blocks as article content (1) or boilerplate (0) by aligning them to gold text.

Training needs a per-block target, but the benchmark only has the gold article as one text.
A block is content when most of its word 3-grams occur in the gold, each gold 3-gram
occurrence used at most once. To keep duplicates (a teaser repeating the first paragraph,
a sticky header) from stealing the article's 3-grams, blocks are first anchored: each block
votes for its best gold offset, and the heaviest chain of blocks whose offsets increase with
document order is the main alignment. Chain blocks consume gold 3-grams first (nearest to
their anchor), then the other blocks consume what is left, each group in document order.
Blocks with 1-2 tokens are content when their tokens occur, still unused, in the gold between
the spans of the neighbouring content blocks of the chain (a one-word paragraph, a subheading).

    python3 tools/train/align.py --check --husk .build/release/husk   # oracle F1 per rendering
"""
import argparse
import bisect
import re
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path

TOKEN_RE = re.compile(r"\w+")


def tokens(text):
    """The scorer's tokenization."""
    return TOKEN_RE.findall((text or "").lower())


def _grams(t):
    return list(zip(t, t[1:], t[2:]))


def _chain(anchor):
    """Blocks on the heaviest chain with strictly increasing anchors ({b: (gold pos, votes)}).

    Weighted longest increasing subsequence with a Fenwick tree of prefix maxima; ties go
    to the later predecessor, so a real paragraph beats an earlier duplicate of it."""
    blocks = sorted(anchor)
    ranks = {d: r for r, d in enumerate(sorted({anchor[b][0] for b in blocks}), 1)}
    tree = [(0, -1)] * (len(ranks) + 1)          # (score, block) prefix maxima
    best, prev = {}, {}
    for b in blocks:
        d, v = anchor[b]
        r, top = ranks[d] - 1, (0, -1)
        while r > 0:
            top = max(top, tree[r])
            r -= r & -r
        best[b], prev[b] = top[0] + v, top[1]
        r = ranks[d]
        while r < len(tree):
            tree[r] = max(tree[r], (best[b], b))
            r += r & -r
    if not best:
        return set()
    b = max(blocks, key=lambda b: (best[b], b))
    chain = set()
    while b >= 0:
        chain.add(b)
        b = prev[b]
    return chain


def align_doc(block_texts, gold_text, min_share=0.5, use_chain=True, max_occ=50):
    """Full alignment: {"labels", "share" (matched 3-gram share, None if < 3 tokens), "chain"}."""
    gold = tokens(gold_text)
    toks = [tokens(t) for t in block_texts]
    grams = [_grams(t) for t in toks]
    n = len(toks)
    labels, share = [0.0] * n, [None if len(t) < 3 else 0.0 for t in toks]
    if not gold or not n:
        return {"labels": labels, "share": share, "chain": set()}
    occ = defaultdict(list)                       # gram -> unused gold positions, sorted
    for p, g in enumerate(_grams(gold)):
        occ[g].append(p)

    diag, anchor = {}, {}   # block -> best gold offset of its token 0; (first matched pos, votes)
    for b, gs in enumerate(grams):
        votes, first = Counter(), {}
        for j, g in enumerate(gs):
            ps = occ.get(g, ())
            if len(ps) <= max_occ:
                for p in ps:
                    votes[p - j] += 1
                    first.setdefault(p - j, p)
        if votes:
            d, v = max(votes.items(), key=lambda kv: (kv[1], -kv[0]))
            diag[b], anchor[b] = d, (first[d], v)
    chain = _chain(anchor) if use_chain else set()

    covered = bytearray(len(gold))
    spans = {}
    order = sorted(range(n), key=lambda b: (b not in chain, b))
    for b in order:
        gs = grams[b]
        if not gs:
            continue
        taken = []
        for j, g in enumerate(gs):
            ps = occ.get(g)
            if not ps:
                continue
            if b in chain:                        # nearest unused occurrence to the anchor
                want = diag[b] + j
                k = bisect.bisect_left(ps, want)
                if k == len(ps) or (k > 0 and want - ps[k - 1] <= ps[k] - want):
                    k -= 1
            else:
                k = 0
            taken.append((g, ps.pop(k)))
        share[b] = len(taken) / len(gs)
        if share[b] > min_share:
            labels[b] = 1.0
            for _, p in taken:
                covered[p:p + 3] = b"\1\1\1"
            if b in chain:
                spans[b] = (min(p for _, p in taken), max(p for _, p in taken) + 3)
        else:                                     # rejected: give the 3-grams back
            for g, p in taken:
                bisect.insort(occ[g], p)

    # short blocks: monotonic alignment between neighbouring content blocks of the chain
    nxt, hi = [len(gold)] * n, len(gold)
    for b in range(n - 1, -1, -1):
        nxt[b] = hi
        if b in spans:
            hi = spans[b][0]
    lo = 0
    for b in range(n):
        if b in spans:
            lo = max(lo, spans[b][1])
            continue
        t = toks[b]
        if not t or len(t) >= 3:
            continue
        k = len(t)
        for q in range(lo, nxt[b] - k + 1):
            if gold[q:q + k] == t and not any(covered[q:q + k]):
                labels[b] = 1.0
                covered[q:q + k] = b"\1" * k
                lo = q + k
                break
    return {"labels": labels, "share": share, "chain": chain}


def label_blocks(block_texts, gold_text, min_share=0.5):
    """One label in {0.0, 1.0} per block: 1 = article content."""
    return align_doc(block_texts, gold_text, min_share)["labels"]


def oracle(docs, gold, prf, **kw):
    """Mean P, R, F1 (scorer metric) of keeping exactly the blocks labelled 1."""
    rows = []
    for doc, d in docs.items():
        labels = align_doc(d["texts"], gold[doc], **kw)["labels"]
        kept = [t for t, l in zip(d["texts"], labels) if l]
        rows.append(prf(tokens(gold[doc]), tokens("\n".join(kept))) + (sum(labels) / max(1, len(labels)),))
    return [statistics.mean(c) for c in zip(*rows)]


def main():
    import time
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import dataset
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="report oracle F1 per rendering")
    ap.add_argument("--husk", default=str(dataset.REPO / ".build/release/husk"))
    ap.add_argument("--bench", default=str(dataset.BENCH))
    ap.add_argument("--renderings", default="md,md-anon,plain")
    ap.add_argument("--cache", default=str(dataset.REPO / ".bench-runs/train-cache"),
                    help="dump cache dir ('' to disable)")
    ap.add_argument("--min-share", type=float, default=0.5)
    ap.add_argument("--no-chain", action="store_true", help="plain greedy consumption (diagnostic)")
    a = ap.parse_args()
    if not a.check:
        ap.print_help()
        return
    sys.path.insert(0, str(Path(a.bench) / "tools"))
    from score import prf
    gold = dataset.load_gold(a.bench)
    for r in a.renderings.split(","):
        _, docs = dataset.dump_rendering(a.husk, r, list(gold), a.bench, a.cache or None)
        t0 = time.time()
        p, rc, f, pos = oracle(docs, gold, prf, min_share=a.min_share, use_chain=not a.no_chain)
        print(f"{r:8} oracle F1 {f:.4f}  P {p:.4f}  R {rc:.4f}  content blocks {pos:.1%}  "
              f"docs {len(docs)}  align {time.time() - t0:.1f}s")


if __name__ == "__main__":
    main()
