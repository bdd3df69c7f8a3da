"""A small gradient-boosted decision tree learner (binary logistic loss) in numpy.

Husk evaluates its block classifier in Swift from a plain text model file, so training needs
nothing more than trees of thresholds; this keeps the offline side to numpy alone (no
scikit-learn or LightGBM). Histogram split finding on quantile bins, depth-limited trees
grown level by level (the smaller child's histogram is built, its sibling's subtracted),
shrinkage, L2 leaf regularisation, a minimum number of samples per leaf, optional row
subsampling and per-sample weights. Deterministic for a given seed.

Thresholds are float32 midpoints between observed values and a sample goes left when
x[f] < threshold, exactly as in the model file (see save / load); prediction rounds x to float32
first, as Husk does (`Float(x) < threshold`), so both agree even for x within half a float32
ulp below a threshold.
"""
import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))


class Tree:
    """Nodes in breadth-first order, root 0; feat -1 marks a leaf."""

    def __init__(self, feat, thr, left, right, value, tbin=None):
        self.feat = np.asarray(feat, np.int32)
        self.thr = np.asarray(thr, np.float32)
        self.left = np.asarray(left, np.int32)
        self.right = np.asarray(right, np.int32)
        self.value = np.asarray(value, np.float32)
        self.tbin = None if tbin is None else np.asarray(tbin, np.int32)

    def apply(self, X=None, bins=None):
        """Leaf index per row, from raw values (x < thr) or from bins (bin <= tbin)."""
        n = len(X if bins is None else bins)
        node = np.zeros(n, np.int32)
        rows = np.arange(n)
        for _ in range(len(self.feat)):
            f = self.feat[node]
            inner = f >= 0
            if not inner.any():
                break
            fs = np.maximum(f, 0)
            if bins is None:       # as Husk: Float(x) < threshold (float32 compare)
                with np.errstate(over="ignore"):
                    go_left = X[rows, fs].astype(np.float32) < self.thr[node]
            else:
                go_left = bins[rows, fs] <= self.tbin[node]
            node = np.where(inner, np.where(go_left, self.left[node], self.right[node]), node)
        return node


class GBT:
    def __init__(self, n_trees=200, depth=4, lr=0.1, l2=1.0, min_leaf=20, subsample=1.0,
                 n_bins=64, min_gain=0.0, seed=0):
        assert 2 <= n_bins <= 256
        self.n_trees, self.depth, self.lr, self.l2 = n_trees, depth, lr, l2
        self.min_leaf, self.subsample, self.n_bins = min_leaf, subsample, n_bins
        self.min_gain, self.seed = min_gain, seed
        self.bias, self.trees = 0.0, []

    # -- binning --------------------------------------------------------------------------
    def _thresholds(self, X):
        out = []
        for f in range(X.shape[1]):
            u = np.unique(X[:, f])
            if len(u) <= self.n_bins:
                cand = (u[:-1] + u[1:]) / 2
            else:
                q = np.quantile(X[:, f], np.linspace(0, 1, self.n_bins + 1)[1:-1])
                k = np.unique(np.clip(np.searchsorted(u, q, side="right"), 1, len(u) - 1))
                cand = (u[k - 1] + u[k]) / 2
            out.append(np.unique(cand.astype(np.float32)))
        return out

    @staticmethod
    def _bin(X, thresholds):
        bins = np.empty(X.shape, np.uint8)
        for f, t in enumerate(thresholds):
            bins[:, f] = np.searchsorted(t, X[:, f], side="right")   # bin <= k  <=>  x < t[k]
        return bins

    # -- training -------------------------------------------------------------------------
    def fit(self, X, y, w=None, log=None):
        X = np.asarray(X, np.float64)
        y = np.asarray(y, np.float64)
        n, nf = X.shape
        w = np.ones(n) if w is None else np.asarray(w, np.float64)
        w = w * (n / w.sum())                     # mean weight 1: l2 and min_leaf keep their scale
        self.thresholds = self._thresholds(X)
        bins = self._bin(X, self.thresholds)
        B = self.n_bins
        base = bins.astype(np.int32) + (np.arange(nf, dtype=np.int32) * B)
        rng = np.random.default_rng(self.seed)
        p0 = np.clip(np.average(y, weights=w), 1e-6, 1 - 1e-6)
        self.bias = float(np.float32(np.log(p0 / (1 - p0))))
        raw = np.full(n, self.bias)
        self.trees = []
        for t in range(self.n_trees):
            p = sigmoid(raw)
            g, h = w * (p - y), np.maximum(w * p * (1 - p), 1e-12)
            rows = (np.flatnonzero(rng.random(n) < self.subsample) if self.subsample < 1
                    else np.arange(n))
            tree = self._grow(bins[rows], base[rows], g[rows], h[rows], nf, B)
            self.trees.append(tree)
            raw += tree.value[tree.apply(bins=bins)]
            if log and (t + 1) % 50 == 0:
                log(f"  tree {t + 1}: weighted logloss {self._logloss(y, raw, w):.4f}")
        return self

    @staticmethod
    def _logloss(y, raw, w):
        p = np.clip(sigmoid(raw), 1e-12, 1 - 1e-12)
        return float(np.average(-(y * np.log(p) + (1 - y) * np.log(1 - p)), weights=w))

    def _hists(self, base, g, h, slot, nslots, nf, B):
        sel = np.flatnonzero(slot >= 0)
        idx = (base[sel] + (slot[sel] * (nf * B))[:, None]).ravel()
        size, shape = nslots * nf * B, (nslots, nf, B)
        return (np.bincount(idx, np.repeat(g[sel], nf), size).reshape(shape),
                np.bincount(idx, np.repeat(h[sel], nf), size).reshape(shape),
                np.bincount(idx, minlength=size).reshape(shape).astype(np.float64))

    def _grow(self, bins, base, g, h, nf, B):
        n, lam = len(g), self.l2
        feat, tbin, left, right = [-1], [0], [-1], [-1]
        sums = [(g.sum(), h.sum())]
        pos = np.zeros(n, np.int32)               # node of each row
        level = [0]
        hist = {0: tuple(a[0] for a in self._hists(base, g, h, np.zeros(n, np.int64), 1, nf, B))}
        for _ in range(self.depth):
            G = np.stack([hist[k][0] for k in level])
            H = np.stack([hist[k][1] for k in level])
            C = np.stack([hist[k][2] for k in level])
            GL, HL, CL = (np.cumsum(a, axis=2)[:, :, :-1] for a in (G, H, C))
            Gt, Ht, Ct = (a.sum(axis=2)[:, :1, None] for a in (G, H, C))
            GR, HR, CR = Gt - GL, Ht - HL, Ct - CL
            gain = GL ** 2 / (HL + lam) + GR ** 2 / (HR + lam) - Gt ** 2 / (Ht + lam)
            gain[(CL < self.min_leaf) | (CR < self.min_leaf)] = -np.inf
            flat = gain.reshape(len(level), -1)
            best = flat.argmax(axis=1)
            splits = []
            for j, k in enumerate(level):
                if flat[j, best[j]] > self.min_gain:
                    f, b = divmod(int(best[j]), B - 1)
                    feat[k], tbin[k] = f, b
                    left[k], right[k] = len(feat), len(feat) + 1
                    for gs, hs in ((GL[j, f, b], HL[j, f, b]), (GR[j, f, b], HR[j, f, b])):
                        feat.append(-1); tbin.append(0); left.append(-1); right.append(-1)
                        sums.append((gs, hs))
                    splits.append((k, CL[j, f, b] <= CR[j, f, b]))
            if not splits:
                break
            fa, ta = np.array(feat), np.array(tbin)
            la, ra = np.array(left), np.array(right)
            f = fa[pos]
            inner = f >= 0
            go_left = bins[np.arange(n), np.maximum(f, 0)] <= ta[pos]
            pos = np.where(inner, np.where(go_left, la[pos], ra[pos]), pos).astype(np.int32)
            small = [left[k] if small_left else right[k] for k, small_left in splits]
            slot_of = np.full(len(feat), -1, np.int64)
            slot_of[small] = np.arange(len(small))
            sh = self._hists(base, g, h, slot_of[pos], len(small), nf, B)
            new_hist = {}
            for s, (k, small_left) in enumerate(splits):
                a = tuple(x[s] for x in sh)
                other = tuple(p - q for p, q in zip(hist[k], a))
                new_hist[left[k]], new_hist[right[k]] = (a, other) if small_left else (other, a)
            hist, level = new_hist, [c for k, _ in splits for c in (left[k], right[k])]
        value = [0.0 if feat[k] >= 0 else -self.lr * gs / (hs + lam) for k, (gs, hs) in enumerate(sums)]
        thr = [self.thresholds[f][b] if f >= 0 else 0.0 for f, b in zip(feat, tbin)]
        return Tree(feat, thr, left, right, value, tbin)

    # -- prediction -----------------------------------------------------------------------
    def decision(self, X):
        X = np.asarray(X, np.float64)
        raw = np.full(len(X), self.bias)
        for t in self.trees:
            raw += t.value[t.apply(X)]
        return raw

    def predict(self, X):
        return sigmoid(self.decision(X))

    def feature_gain_counts(self, n_features):
        """How often each feature is used for a split (a cheap importance)."""
        c = np.zeros(n_features, int)
        for t in self.trees:
            np.add.at(c, t.feat[t.feat >= 0], 1)
        return c


# -- model file -----------------------------------------------------------------------------
def _num(v):
    return repr(float(np.float32(v)))


STAGE_SEPARATOR = "husk-gbt-stage 2"


def _model_lines(model, names):
    if any(not n or any(c.isspace() for c in n) for n in names):
        raise ValueError("feature names must be non-empty and without whitespace")
    lines = ["features " + " ".join(names), f"bias {_num(model.bias)}"]
    for t in model.trees:
        lines.append("tree")
        for k in range(len(t.feat)):
            if t.feat[k] >= 0:
                lines.append(f"n {t.feat[k]} {_num(t.thr[k])} {t.left[k]} {t.right[k]}")
            else:
                lines.append(f"l {_num(t.value[k])}")
        lines.append("end")
    return lines


def save(model, names, path, provenance="", stage2=None):
    """Write the text format read by Husk (documented in tools/train/README.md).

    stage2 = (model, names) appends the line `husk-gbt-stage 2` and the stacked second model
    (features = stage-1 names + stacking.NAMES, bias, trees); without it the file is exactly
    the single-stage format."""
    lines = ["# husk block classifier: gradient-boosted trees (trained by tools/train/train.py)",
             "# " + " ".join(provenance.split()), "husk-gbt 1"] + _model_lines(model, names)
    if stage2 is not None:
        lines += [STAGE_SEPARATOR] + _model_lines(*stage2)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def load_stages(path):
    """Read a model file -> [(GBT, feature names)] with one entry per stage (1 or 2)."""
    stages, nodes = [], None
    for ln, line in enumerate(open(path, encoding="utf-8"), 1):
        p = line.split()
        if not p or p[0].startswith("#"):
            continue
        if line.strip() == STAGE_SEPARATOR:
            if len(stages) != 1 or nodes is not None:
                raise ValueError(f"{path}:{ln}: stage separator out of place")
            stages.append((GBT(), None))
        elif p[0] == "husk-gbt":
            if p[1] != "1":
                raise ValueError(f"{path}:{ln}: unsupported version {p[1]}")
        elif p[0] == "features":
            if not stages:
                stages.append((GBT(), None))
            stages[-1] = (stages[-1][0], p[1:])
        elif p[0] == "bias":
            stages[-1][0].bias = float(p[1])
        elif p[0] == "tree":
            nodes = []
        elif p[0] == "n":
            nodes.append((int(p[1]), float(p[2]), int(p[3]), int(p[4]), 0.0))
        elif p[0] == "l":
            nodes.append((-1, 0.0, -1, -1, float(p[1])))
        elif p[0] == "end":
            stages[-1][0].trees.append(Tree(*zip(*nodes)))
            nodes = None
        else:
            raise ValueError(f"{path}:{ln}: unexpected line {line.strip()!r}")
    if not stages or any(names is None or not m.trees for m, names in stages):
        raise ValueError(f"{path}: a stage without features or trees")
    return stages


def load(path):
    """Read a single-stage model file -> (GBT with bias and trees, feature names).
    Refuses two-stage files: use load_stages (and stacking.predict) for those."""
    stages = load_stages(path)
    if len(stages) != 1:
        raise ValueError(f"{path}: {len(stages)}-stage model; use gbt.load_stages")
    return stages[0]
