#!/usr/bin/env python3
"""Apply a husk-gbt model file to a features dump and print one probability per block.

It exists to check that a model file means what the trainer meant (the Swift evaluator
must give the same numbers) and to inspect decisions on a page:

    .build/release/husk features page.txt > dump.jsonl
    python3 tools/train/predict.py Rules/model/blocks.gbt dump.jsonl      # doc<TAB>i<TAB>p<TAB>text
    python3 tools/train/predict.py --stage 1 Rules/model/blocks.gbt dump.jsonl   # stage-1 p only
    python3 tools/train/predict.py --selftest dump.jsonl                   # save/load round trip

A two-stage file (a `husk-gbt-stage 2` line) is applied as Husk does: stage 1 on each block's
features, the stacked features (stacking.py) from the stage-1 probabilities of the document's
blocks, then stage 2, whose probability is printed (or stage 1's with --stage 1).

--selftest fits small one- and two-stage models in memory on the dump (synthetic target),
writes them, reads them back and compares the file models' probabilities with the in-memory
ones; it also checks the vectorised stacked features against a plain-loop transcription.
"""
import argparse
import signal
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import dataset  # noqa: E402
import gbt      # noqa: E402
import stacking  # noqa: E402


def read_dump(path):
    f = sys.stdin if path == "-" else open(path, encoding="utf-8")
    with f:
        return dataset.parse_dump(f)


def selftest(names, docs):
    n_docs = stacking.selftest()
    X = np.concatenate([d["X"] for d in docs.values()])
    lengths = [len(d["X"]) for d in docs.values()]
    rng = np.random.default_rng(0)
    z = (X - X.mean(0)) / (X.std(0) + 1e-9) @ rng.normal(size=X.shape[1])
    y = (rng.random(len(X)) < 1 / (1 + np.exp(-z))).astype(float)
    model = gbt.GBT(n_trees=30, depth=4, subsample=0.8).fit(X, y)
    p1 = model.predict(X)
    X2 = np.hstack([X, stacking.features(p1, lengths)])
    model2 = gbt.GBT(n_trees=30, depth=4, subsample=0.8, seed=1).fit(X2, y)
    p2 = model2.predict(X2)
    perm = rng.permutation(len(names))                  # the file may order features differently
    with tempfile.TemporaryDirectory() as tmp:
        one, two = Path(tmp, "one.gbt"), Path(tmp, "two.gbt")
        gbt.save(model, names, one, "selftest")
        gbt.save(model, names, two, "selftest", stage2=(model2, names + stacking.NAMES))
        s1, s2 = gbt.load_stages(one), gbt.load_stages(two)
        loaded, lnames = gbt.load(one)
        try:
            gbt.load(two)
            refused = False
        except ValueError:
            refused = True
    d1 = np.abs(stacking.predict(s1, X, names, lengths)[1] - p1).max()
    d0 = np.abs(loaded.predict(X[:, stacking.columns(lnames, names)]) - p1).max()
    q1, q2 = stacking.predict(s2, X[:, perm], [names[i] for i in perm], lengths)
    d2 = max(np.abs(q1 - p1).max(), np.abs(q2 - p2).max())
    print(f"selftest: {len(X)} blocks, {n_docs} stacking cases, {len(model.trees)}+{len(model2.trees)} trees, "
          f"max |p_file - p_memory| = {max(d0, d1):.3g} (1 stage), {d2:.3g} (2 stages)")
    return max(d0, d1, d2) < 1e-6 and len(s1) == 1 and len(s2) == 2 and refused


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("args", nargs="+", help="MODEL DUMP, or DUMP with --selftest ('-' = stdin)")
    ap.add_argument("--selftest", action="store_true")
    ap.add_argument("--threshold", type=float, help="print only blocks with p >= threshold")
    ap.add_argument("--stage", type=int, choices=[1, 2],
                    help="print this stage's probability (default: the model's last stage)")
    a = ap.parse_args()
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    if a.selftest:
        sys.exit(0 if selftest(*read_dump(a.args[0])) else 1)
    if len(a.args) != 2:
        ap.error("expected MODEL DUMP")
    stages = gbt.load_stages(a.args[0])
    if (a.stage or 1) > len(stages):
        ap.error(f"--stage {a.stage}: the model has {len(stages)} stage(s)")
    names, docs = read_dump(a.args[1])
    out = sys.stdout
    for doc, d in docs.items():
        try:
            p1, p = stacking.predict(stages, d["X"], names, [len(d["X"])])
        except KeyError as e:
            sys.exit(f"{e.args[0]} (from the dump)")
        for i, (q, text) in enumerate(zip(p1 if a.stage == 1 else p, d["texts"])):
            if a.threshold is None or q >= a.threshold:
                out.write(f"{doc}\t{i}\t{q:.6f}\t{' '.join(text.split())[:100]}\n")


if __name__ == "__main__":
    main()
