#!/usr/bin/env python3
"""Train Husk's block classifier (gradient-boosted trees) on the dev benchmark.

Husk keeps or drops each text block by a learned model over per-block features that the Swift
binary computes (`husk features FILE...`). This script closes the loop offline: it dumps
features for every rendering of the bench, labels blocks by aligning them to the gold text
(align.py), reports grouped cross-validation by page with the scorer's bag-of-words metric,
and writes the final model trained on all data to Rules/model/blocks.gbt.

With --stages 2 (the default) a second, stacked model follows: its features are the block's
features plus 14 values computed from the stage-1 probabilities of the document's blocks
(stacking.py). It is trained on out-of-fold stage-1 probabilities (those of the grouped CV),
cross-validated on the same folds, and written after stage 1 under a `husk-gbt-stage 2` line.

    python3 tools/train/train.py --husk .build/release/husk
    python3 tools/train/train.py --husk tools/train/fake_features.py --out /tmp/blocks.gbt

Sample weights (--weighting): the metric is a per-document F1 over tokens, so by default
(doc-tokens) a block weighs its token count (min 1) over its document's total, so every
(page, rendering) weighs the same and within it every token does. Alternatives: doc (each
block 1/blocks-in-doc), tokens (token count, long pages dominate), none.
"""
import argparse
import datetime
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import align    # noqa: E402
import dataset  # noqa: E402
import gbt      # noqa: E402
import stacking  # noqa: E402

THRESHOLDS = np.round(np.arange(0.05, 0.96, 0.05), 2)


def weights(ntok, doc_index, mode):
    t = np.maximum(ntok, 1).astype(np.float64)
    if mode == "none":
        return np.ones_like(t)
    if mode == "tokens":
        return t
    per_doc = np.bincount(doc_index, t if mode == "doc-tokens" else np.ones_like(t))
    if mode == "doc-tokens":
        return t / per_doc[doc_index]
    if mode == "doc":
        return 1.0 / per_doc[doc_index]
    raise ValueError(mode)


def doc_prf(block_tokens, gold_tokens, probs, thresholds):
    """Scorer's P, R, F1 (bag of words) of keeping blocks with prob >= t, for each t."""
    vocab = {}
    gid = [vocab.setdefault(w, len(vocab)) for w in gold_tokens]
    bi = [i for i, toks in enumerate(block_tokens) for _ in toks]
    ti = [vocab.setdefault(w, len(vocab)) for toks in block_tokens for w in toks]
    gold = np.bincount(gid, minlength=len(vocab))
    M = np.zeros((len(block_tokens), len(vocab)), np.int32)
    np.add.at(M, (np.array(bi, int), np.array(ti, int)), 1)
    out = []
    for t in thresholds:
        pred = M[probs >= t].sum(axis=0)
        tp, npred, ngold = np.minimum(pred, gold).sum(), pred.sum(), gold.sum()
        if npred == 0 and ngold == 0:
            out.append((1.0, 1.0, 1.0))
            continue
        p = tp / npred if npred else 0.0
        r = tp / ngold if ngold else 0.0
        out.append((p, r, 2 * p * r / (p + r) if p + r else 0.0))
    return np.array(out)                       # (thresholds, 3)


def load_data(a, gold):
    names, rows = None, []
    for r in a.renderings:
        t0 = time.time()
        nm, docs = dataset.dump_rendering(a.husk, r, list(gold), a.bench, a.cache or None,
                                          a.batch, a.jobs)
        if names is not None and nm != names:
            sys.exit(f"feature names differ between renderings ({r})")
        names = nm
        t1 = time.time()
        for doc in gold:
            d = docs.get(doc)
            if d is None or not d["texts"]:
                print(f"  warning: no blocks for {r}/{doc}", file=sys.stderr)
                continue
            rows.append({"r": r, "doc": doc, "texts": d["texts"], "X": d["X"],
                         "toks": [align.tokens(t) for t in d["texts"]],
                         "y": np.array(align.label_blocks(d["texts"], gold[doc]))})
        print(f"{r:8} dump {t1 - t0:5.1f}s  label {time.time() - t1:4.1f}s  "
              f"docs {sum(x['r'] == r for x in rows)}  blocks {sum(len(x['y']) for x in rows if x['r'] == r)}")
    return names, rows


def evaluate(rows, probs, gold_toks, renderings):
    """Per rendering: mean P/R/F1 per threshold over docs; also per-doc rows at 0.5."""
    res, per_doc = {}, []
    i05 = int(np.argmin(np.abs(THRESHOLDS - 0.5)))
    for r in renderings:
        mats = []
        for d, p in zip(rows, probs):
            if d["r"] != r:
                continue
            m = doc_prf(d["toks"], gold_toks[d["doc"]], p, THRESHOLDS)
            mats.append(m)
            per_doc.append({"rendering": r, "id": d["doc"], "P": m[i05, 0], "R": m[i05, 1],
                            "F1": m[i05, 2], "blocks": len(p), "kept": int((p >= 0.5).sum())})
        res[r] = np.mean(mats, axis=0)
    return res, per_doc, i05


def cross_validate(X, y, w, row_fold, folds, params):
    """Grouped CV: out-of-fold probabilities and the model of each fold."""
    oof, models = np.zeros(len(y)), []
    for k in range(folds):
        tr, te = row_fold != k, row_fold == k
        m = gbt.GBT(**params).fit(X[tr], y[tr], w[tr])
        oof[te] = m.predict(X[te])
        models.append(m)
    return oof, models


def report(title, rows, oof, gold_toks, renderings, oracle):
    """Print the CV table of one stage; returns (F1@0.5 per rendering, per-doc rows at 0.5)."""
    probs = np.split(oof, np.cumsum([len(d["y"]) for d in rows])[:-1])
    res, per_doc, i05 = evaluate(rows, probs, gold_toks, renderings)
    print(f"\n{title}; mean per-doc bag-of-words")
    print(f"{'rendering':10}{'F1@.5':>8}{'P':>7}{'R':>7}{'best t':>8}{'F1@t':>7}{'oracle':>8}")
    f1 = {}
    for r in renderings:
        m = res[r]
        b = int(np.argmax(m[:, 2]))
        f1[r] = m[i05, 2]
        print(f"{r:10}{m[i05, 2]:8.4f}{m[i05, 0]:7.3f}{m[i05, 1]:7.3f}{THRESHOLDS[b]:8.2f}"
              f"{m[b, 2]:7.4f}{oracle[r][i05, 2]:8.4f}")
    pooled = np.mean([res[r][:, 2] for r in renderings], axis=0)
    b = int(np.argmax(pooled))
    print(f"{'all':10}{pooled[i05]:8.4f}{'':14}{THRESHOLDS[b]:8.2f}{pooled[b]:7.4f}")
    return f1, per_doc


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--husk", default=str(dataset.REPO / ".build/release/husk"), help="feature dumper binary")
    ap.add_argument("--bench", default=str(dataset.BENCH))
    ap.add_argument("--renderings", default="md,md-anon,plain")
    ap.add_argument("--cache", default=str(dataset.REPO / ".bench-runs/train-cache"),
                    help="dump cache dir, reused until the binary changes ('' = off)")
    ap.add_argument("--out", default=str(dataset.REPO / "Rules/model/blocks.gbt"))
    ap.add_argument("--trees", type=int, default=200)
    ap.add_argument("--depth", type=int, default=4)
    ap.add_argument("--lr", type=float, default=0.1)
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--min-leaf", type=int, default=20)
    ap.add_argument("--subsample", type=float, default=1.0)
    ap.add_argument("--bins", type=int, default=64)
    ap.add_argument("--weighting", default="doc-tokens", choices=["doc-tokens", "doc", "tokens", "none"])
    ap.add_argument("--folds", type=int, default=5, help="grouped CV folds (0 = skip CV)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--batch", type=int, default=50, help="files per dumper call")
    ap.add_argument("--jobs", type=int, default=None, help="parallel dumper calls")
    ap.add_argument("--per-doc", help="write out-of-fold per-document scores (JSON lines)")
    ap.add_argument("--no-model", action="store_true", help="only cross-validate")
    ap.add_argument("--cv-models", help="save each fold's model and folds.json here (for cv_bench.py)")
    ap.add_argument("--drop-features", default="", help="comma-separated feature names to ignore (ablation)")
    ap.add_argument("--stages", type=int, default=1, choices=[1, 2],
                    help="2 = also train the stacked stage-2 model on out-of-fold stage-1 probabilities")
    for opt, typ in (("trees", int), ("depth", int), ("lr", float), ("min-leaf", int)):
        ap.add_argument(f"--s2-{opt}", type=typ, help=f"stage 2's --{opt} (default: the same as stage 1)")
    a = ap.parse_args()
    a.renderings = a.renderings.split(",")
    if a.stages == 2 and a.folds < 2:
        ap.error("--stages 2 needs --folds >= 2 (stage 2 trains on out-of-fold stage-1 probabilities)")
    T0 = time.time()

    gold = dataset.load_gold(a.bench)
    gold_toks = {k: align.tokens(v) for k, v in gold.items()}
    names, rows = load_data(a, gold)
    X = np.concatenate([d["X"] for d in rows])
    for name in filter(None, a.drop_features.split(",")):
        X[:, names.index(name)] = 0.0
    y = np.concatenate([d["y"] for d in rows])
    ntok = np.array([len(t) for d in rows for t in d["toks"]])
    doc_index = np.concatenate([np.full(len(d["y"]), i) for i, d in enumerate(rows)])
    w = weights(ntok, doc_index, a.weighting)
    print(f"{len(rows)} docs x renderings, {len(y)} blocks, {len(names)} features, "
          f"{y.mean():.1%} blocks content, weighting {a.weighting}")
    params = dict(n_trees=a.trees, depth=a.depth, lr=a.lr, l2=a.l2, min_leaf=a.min_leaf,
                  subsample=a.subsample, n_bins=a.bins, seed=a.seed)
    params2 = dict(params, **{k: v for k, v in (("n_trees", a.s2_trees), ("depth", a.s2_depth),
                                                ("lr", a.s2_lr), ("min_leaf", a.s2_min_leaf)) if v is not None})

    cv_f1, cv_f1_2, lengths = {}, {}, [len(d["y"]) for d in rows]
    if a.folds > 1:
        t0 = time.time()
        ids = sorted(gold)
        perm = np.random.default_rng(a.seed).permutation(len(ids))
        fold_of = {ids[j]: k % a.folds for k, j in enumerate(perm)}
        row_fold = np.array([fold_of[d["doc"]] for d in rows])[doc_index]
        oof, models = cross_validate(X, y, w, row_fold, a.folds, params)
        oracle, _, _ = evaluate(rows, [d["y"] for d in rows], gold_toks, a.renderings)
        cv_f1, per_doc = report(f"{a.folds}-fold CV grouped by page ({time.time() - t0:.1f}s), stage 1",
                                rows, oof, gold_toks, a.renderings, oracle)
        if a.stages == 2:
            t0 = time.time()
            # Stage-2 features from out-of-fold p1: what stage 2 sees at run time on an unseen page.
            names2 = names + stacking.NAMES
            X2 = np.hstack([X, stacking.features(oof, lengths)])
            oof2, models2 = cross_validate(X2, y, w, row_fold, a.folds, params2)
            cv_f1_2, per_doc2 = report(f"{a.folds}-fold CV grouped by page ({time.time() - t0:.1f}s), "
                                       "stage 2 (same folds)", rows, oof2, gold_toks, a.renderings, oracle)
            for r1, r2 in zip(per_doc, per_doc2):
                r2["F1_stage1"] = r1["F1"]
            per_doc = per_doc2
        if a.cv_models:
            Path(a.cv_models).mkdir(parents=True, exist_ok=True)
            for k in range(a.folds):
                gbt.save(models[k], names, Path(a.cv_models) / f"fold_{k}.gbt", f"fold {k} of {a.folds}",
                         stage2=(models2[k], names2) if a.stages == 2 else None)
            (Path(a.cv_models) / "folds.json").write_text(json.dumps(fold_of, indent=0))
        if a.per_doc:
            with open(a.per_doc, "w") as f:
                for r in sorted(per_doc, key=lambda r: r["F1"]):
                    f.write(json.dumps({k: (round(float(v), 4) if isinstance(v, float) else v)
                                        for k, v in r.items()}) + "\n")

    if not a.no_model:
        t0 = time.time()
        model = gbt.GBT(**params).fit(X, y, w)
        used = model.feature_gain_counts(len(names))
        print(f"\nfinal model: {a.trees} trees in {time.time() - t0:.1f}s; most used features: " +
              ", ".join(f"{names[i]}({used[i]})" for i in np.argsort(-used)[:8] if used[i]))
        stage2 = None
        if a.stages == 2:
            t0 = time.time()
            model2 = gbt.GBT(**params2).fit(X2, y, w)      # on out-of-fold p1 features, all rows
            stage2 = (model2, names2)
            used = model2.feature_gain_counts(len(names2))
            print(f"final stage 2: {params2['n_trees']} trees in {time.time() - t0:.1f}s; most used features: " +
                  ", ".join(f"{names2[i]}({used[i]})" for i in np.argsort(-used)[:8] if used[i]))
        out = Path(a.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        cv = " ".join(f"{r}={v:.4f}" for r, v in cv_f1.items()) or "not run"
        if a.stages == 2:
            cv = f"stage1 {cv} stage2 " + " ".join(f"{r}={v:.4f}" for r, v in cv_f1_2.items())
            cv += (f"; stage2 trees={params2['n_trees']} depth={params2['depth']} lr={params2['lr']} "
                   f"min_leaf={params2['min_leaf']}")
        prov = (f"{datetime.date.today()} bench={a.bench} pages={len(gold)} "
                f"renderings={','.join(a.renderings)} blocks={len(y)} stages={a.stages} trees={a.trees} "
                f"depth={a.depth} lr={a.lr} l2={a.l2} min_leaf={a.min_leaf} subsample={a.subsample} "
                f"bins={a.bins} weighting={a.weighting} seed={a.seed}; CV({a.folds}-fold by page) F1@0.5 {cv}")
        if a.stages == 1:        # exactly the single-stage provenance of before
            prov = prov.replace(" stages=1", "")
        gbt.save(model, names, out, prov, stage2=stage2)
        stages = gbt.load_stages(out)
        assert len(stages) == a.stages and stages[0][1] == names, "model file does not round-trip (stages/names)"
        diff = np.abs(stages[0][0].decision(X) - model.decision(X)).max()
        assert diff < 1e-5, f"model file does not round-trip (max diff {diff})"
        if a.stages == 2:
            # Whole pipeline from the file (stage 1 -> stacked features -> stage 2) vs in memory.
            assert stages[1][1] == names2, "stage-2 feature names do not round-trip"
            p1_mem = model.predict(X)
            p_mem = model2.predict(np.hstack([X, stacking.features(p1_mem, lengths)]))
            p1_file, p_file = stacking.predict(stages, X, names, lengths)
            diff = max(np.abs(p1_file - p1_mem).max(), np.abs(p_file - p_mem).max())
            assert diff < 1e-9, f"two-stage model file does not round-trip (max diff {diff})"
        print(f"wrote {out} ({out.stat().st_size // 1024} KiB, {a.stages} stage(s)); "
              f"round-trip max |diff| {diff:.2g}")
    print(f"total {time.time() - T0:.1f}s")


if __name__ == "__main__":
    main()
