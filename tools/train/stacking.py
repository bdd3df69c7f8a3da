"""Stage-2 (stacked) features: context computed from the stage-1 probabilities of a document.

Stage 1 scores each block from its own features; stage 2 sees the block's features again plus
these 14 values derived from the stage-1 probabilities p of the blocks of the same document,
so it can learn context smoothing (a short line between kept paragraphs, a teaser among
dropped links). Husk computes the same in Swift (`StackedFeatures` in
Sources/Husk/Pipeline/BlockModel.swift), in Double, and compares Float(value) < threshold
in the trees; the arithmetic here is ordered the same way (sums left to right from 0.0) so
that both sides get bit-identical doubles from the same p.

For block i of n, p = p1 of the document's blocks in order:
  s2_p            p[i]
  s2_p_m1..m3     p[i-1], p[i-2], p[i-3]      (-1.0 out of range)
  s2_p_p1..p3     p[i+1], p[i+2], p[i+3]      (-1.0 out of range)
  s2_mean3        mean of p[max(0,i-3) .. min(n-1,i+3)] (inclusive, self included)
  s2_mean10       the same with 10
  s2_prev_keep    i - j for the nearest j < i with p[j] >= 0.5, capped at 30 (30 if none)
  s2_next_keep    j - i for the nearest j > i with p[j] >= 0.5, capped at 30 (30 if none)
  s2_mass_before  sum(p[0:i]) / sum(p)          (0.0 if sum(p) == 0)
  s2_max_before5  max(p[max(0,i-5):i])          (-1.0 if i == 0)
  s2_max_after5   max(p[i+1:i+6])               (-1.0 if i == n-1)
"""
import numpy as np

NAMES = ["s2_p", "s2_p_m1", "s2_p_m2", "s2_p_m3", "s2_p_p1", "s2_p_p2", "s2_p_p3",
         "s2_mean3", "s2_mean10", "s2_prev_keep", "s2_next_keep", "s2_mass_before",
         "s2_max_before5", "s2_max_after5"]
KEEP = 0.5
CAP = 30


def doc_features(p):
    """(n, 14) float64 stacked features of one document's stage-1 probabilities p."""
    p = np.asarray(p, np.float64)
    n = len(p)
    F = np.empty((n, len(NAMES)))
    if n == 0:
        return F
    idx = np.arange(n)

    def at(d, missing):
        j = idx + d
        ok = (j >= 0) & (j < n)
        return np.where(ok, p[np.clip(j, 0, n - 1)], missing)

    F[:, 0] = p
    for c, d in enumerate((-1, -2, -3, 1, 2, 3), 1):
        F[:, c] = at(d, -1.0)
    for c, radius in ((7, 3), (8, 10)):
        s = np.zeros(n)
        for d in range(-radius, radius + 1):       # j = i-radius .. i+radius in order; out of range adds 0.0
            s = s + at(d, 0.0)
        F[:, c] = s / (np.minimum(n - 1, idx + radius) - np.maximum(0, idx - radius) + 1)
    keep = p >= KEEP
    last = np.maximum.accumulate(np.where(keep, idx, -10 * n - CAP))     # last keep at or before i
    prev = np.concatenate([[-10 * n - CAP], last[:-1]])                  # ... strictly before i
    F[:, 9] = np.minimum(idx - prev, CAP)
    first = np.minimum.accumulate(np.where(keep, idx, 11 * n + CAP)[::-1])[::-1]
    nxt = np.concatenate([first[1:], [11 * n + CAP]])
    F[:, 10] = np.minimum(nxt - idx, CAP)
    c = np.cumsum(p)                               # sequential, like a Swift loop
    total = c[-1]
    before = np.concatenate([[0.0], c[:-1]])
    F[:, 11] = before / total if total != 0 else 0.0
    mb, ma = np.full(n, -1.0), np.full(n, -1.0)
    for d in range(1, 6):
        mb = np.maximum(mb, at(-d, -1.0))
        ma = np.maximum(ma, at(d, -1.0))
    F[:, 12], F[:, 13] = mb, ma
    return F


def features(p, lengths):
    """Stacked features for consecutive documents: p is all blocks' p1, lengths the doc sizes."""
    parts = np.split(np.asarray(p, np.float64), np.cumsum(lengths)[:-1])
    return np.concatenate([doc_features(q) for q in parts]) if len(parts) else np.empty((0, len(NAMES)))


def columns(model_names, names):
    """Indices into `names` of the model's features, in the model's order (KeyError if missing)."""
    pos = {n: i for i, n in enumerate(names)}
    missing = [n for n in model_names if n not in pos]
    if missing:
        raise KeyError("features missing: " + " ".join(missing))
    return [pos[n] for n in model_names]


def predict(stages, X, names, lengths):
    """Apply a model file's stages [(GBT, names)] to blocks X (columns = `names`) of consecutive
    documents of sizes `lengths` -> (p1, p): stage-1 and final probabilities (equal if 1 stage)."""
    (m1, n1), rest = stages[0], stages[1:]
    p1 = m1.predict(X[:, columns(n1, names)])
    if not rest:
        return p1, p1
    (m2, n2), = rest
    Z = np.hstack([X, features(p1, lengths)])
    return p1, m2.predict(Z[:, columns(n2, list(names) + NAMES)])


def reference(p):
    """Plain-loop transcription of the definition (and of the Swift code), for tests."""
    n, out = len(p), []
    for i in range(n):
        def at(j):
            return p[j] if 0 <= j < n else -1.0

        def mean(r):
            lo, hi, s = max(0, i - r), min(n - 1, i + r), 0.0
            for j in range(lo, hi + 1):
                s += p[j]
            return s / (hi - lo + 1)
        prev = next(((i - j) for j in range(i - 1, max(-1, i - CAP - 1), -1) if p[j] >= KEEP), CAP)
        nxt = next(((j - i) for j in range(i + 1, min(n, i + CAP + 1)) if p[j] >= KEEP), CAP)
        before = total = 0.0
        for k in range(n):
            if k < i:
                before += p[k]
            total += p[k]
        mb = max([-1.0] + [p[k] for k in range(max(0, i - 5), i)])
        ma = max([-1.0] + [p[k] for k in range(i + 1, min(n, i + 6))])
        out.append([p[i], at(i - 1), at(i - 2), at(i - 3), at(i + 1), at(i + 2), at(i + 3),
                    mean(3), mean(10), prev, nxt, before / total if total != 0 else 0.0, mb, ma])
    return np.array(out, np.float64).reshape(n, len(NAMES))


def selftest(seed=0):
    """Vectorised features == plain loops, bit for bit, on random and edge-case documents."""
    rng = np.random.default_rng(seed)
    docs = [[], [0.0], [0.7], [0.0, 0.0, 0.0], [0.5, 0.49999999, 0.5], list(rng.random(80) ** 3)]
    docs += [list(rng.random(int(rng.integers(1, 60)))) for _ in range(200)]
    docs += [list(np.where(rng.random(120) < 0.03, 0.9, 0.1)) for _ in range(20)]  # long gaps
    for p in docs:
        a, b = doc_features(p), reference(p)
        if a.shape != b.shape or not np.array_equal(a, b):
            bad = np.argwhere(a != b)[:5] if a.shape == b.shape else "shape"
            raise AssertionError(f"stacked features differ from the reference for {p[:8]}...: {bad}")
    return len(docs)


if __name__ == "__main__":
    print(f"stacking selftest: {selftest()} documents, vectorised == reference")
