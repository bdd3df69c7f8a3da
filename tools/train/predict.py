#!/usr/bin/env python3
"""Apply a husk-gbt model file to a features dump and print one probability per block.

It exists to check that a model file means what the trainer meant (the Swift evaluator
must give the same numbers) and to inspect decisions on a page:

    .build/release/husk features page.txt > dump.jsonl
    python3 tools/train/predict.py Rules/model/blocks.gbt dump.jsonl      # doc<TAB>i<TAB>p<TAB>text
    python3 tools/train/predict.py --selftest dump.jsonl                   # save/load round trip

--selftest fits a small model in memory on the dump (synthetic target), writes it, reads it
back and compares the file model's probabilities with the in-memory ones.
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


def read_dump(path):
    f = sys.stdin if path == "-" else open(path, encoding="utf-8")
    with f:
        return dataset.parse_dump(f)


def columns(model_names, dump_names):
    """Column order of the dump matching the model's features."""
    if model_names == dump_names:
        return slice(None)
    missing = [n for n in model_names if n not in dump_names]
    if missing:
        sys.exit(f"features missing from the dump: {' '.join(missing)}")
    return [dump_names.index(n) for n in model_names]


def selftest(names, docs):
    X = np.concatenate([d["X"] for d in docs.values()])
    rng = np.random.default_rng(0)
    z = (X - X.mean(0)) / (X.std(0) + 1e-9) @ rng.normal(size=X.shape[1])
    y = (rng.random(len(X)) < 1 / (1 + np.exp(-z))).astype(float)
    model = gbt.GBT(n_trees=30, depth=4, subsample=0.8).fit(X, y)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "m.gbt")
        gbt.save(model, names, path, "selftest")
        loaded, lnames = gbt.load(path)
    diff = np.abs(loaded.predict(X[:, columns(lnames, names)]) - model.predict(X)).max()
    print(f"selftest: {len(X)} blocks, {len(model.trees)} trees, max |p_file - p_memory| = {diff:.3g}")
    return diff < 1e-6


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("args", nargs="+", help="MODEL DUMP, or DUMP with --selftest ('-' = stdin)")
    ap.add_argument("--selftest", action="store_true")
    ap.add_argument("--threshold", type=float, help="print only blocks with p >= threshold")
    a = ap.parse_args()
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    if a.selftest:
        sys.exit(0 if selftest(*read_dump(a.args[0])) else 1)
    if len(a.args) != 2:
        ap.error("expected MODEL DUMP")
    model, mnames = gbt.load(a.args[0])
    names, docs = read_dump(a.args[1])
    cols = columns(mnames, names)
    out = sys.stdout
    for doc, d in docs.items():
        for i, (p, text) in enumerate(zip(model.predict(d["X"][:, cols]), d["texts"])):
            if a.threshold is None or p >= a.threshold:
                out.write(f"{doc}\t{i}\t{p:.6f}\t{' '.join(text.split())[:100]}\n")


if __name__ == "__main__":
    main()
