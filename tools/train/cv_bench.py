#!/usr/bin/env python3
"""Honest full-pipeline estimate: run husk on each page with the model of the CV fold that
did not see that page, then score with the bench's own scorer.

train.py's CV scores only the model's probabilities; this runs the real binary (rules, context
repairs, fallback, metadata), so its figures are what an unseen page should get.

    python3 tools/train/train.py --no-model --cv-models .bench-runs/cv-models
    python3 tools/train/cv_bench.py --models .bench-runs/cv-models
"""
import argparse
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BENCH = REPO.parent / "shared" / "bench"
sys.path.insert(0, str(BENCH / "tools"))
import score as scorer  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--husk", default=str(REPO / ".build/release/husk"))
    ap.add_argument("--models", default=str(REPO / ".bench-runs/cv-models"))
    ap.add_argument("--renderings", default="md,md-anon,plain")
    ap.add_argument("--out", default=str(REPO / ".bench-runs/cv-bench"))
    ap.add_argument("--args", default="--format json", help="extra husk arguments")
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()
    folds = json.loads((Path(a.models) / "folds.json").read_text())
    for r in a.renderings.split(","):
        out = Path(a.out) / r
        out.mkdir(parents=True, exist_ok=True)

        def one(doc):
            model = Path(a.models) / f"fold_{folds[doc]}.gbt"
            src = BENCH / "inputs" / r / f"{doc}.txt"
            cmd = [a.husk, *a.args.split(), "--model", str(model), str(src)]
            res = subprocess.run(cmd, capture_output=True)
            (out / f"{doc}.json").write_bytes(res.stdout)
            return doc, res.returncode

        with ThreadPoolExecutor(a.jobs) as ex:
            bad = [d for d, rc in ex.map(one, sorted(folds)) if rc != 0]
        per_doc = scorer.score(out, BENCH / "gold")
        res = scorer.summarize(per_doc)
        with open(out / "per_doc.jsonl", "w") as f:
            for row in per_doc:
                f.write(json.dumps(row) + "\n")
        m = res["all"]
        def g(k):
            v = m.get(k + "_mean")
            return "-" if v is None else f"{v:.3f}"
        print(f"{r:8} F1 {g('F1')}  P {g('P')}  R {g('R')}  with {g('with')}  w/o {g('without_clean')}  "
              f"title {g('title_fuzzy')}  author {g('author')}  date {g('date')}  site {g('sitename')}"
              + (f"  failures {len(bad)}" if bad else ""))


if __name__ == "__main__":
    main()
