"""Bench data for training: gold texts and cached `husk features` dumps.

Shared by align.py (self-check), train.py and predict.py so that they all read the
benchmark and the feature dumper the same way. A dump is cached per rendering under
the cache dir and reused while the binary's path, size and mtime and the doc list match.
"""
import gzip
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
BENCH = Path("/work/shared/bench")


def load_gold(bench=BENCH):
    """{doc id: gold text} for the pages whose gold text is not null."""
    gold = {}
    for p in sorted(Path(bench, "gold").glob("*.json")):
        text = json.loads(p.read_text(encoding="utf-8")).get("text")
        if text is not None:
            gold[p.stem] = text
    return gold


def parse_dump(lines):
    """JSON Lines from `husk features` -> (feature names, {doc: {"texts", "X"}})."""
    it = iter(lines)
    names = json.loads(next(it))["features"]
    docs = {}
    for line in it:
        if not line.strip():
            continue
        r = json.loads(line)
        d = docs.setdefault(r["doc"], {"texts": [], "x": []})
        if r["i"] != len(d["texts"]):
            raise ValueError(f"{r['doc']}: block {r['i']} out of order")
        if len(r["x"]) != len(names):
            raise ValueError(f"{r['doc']}#{r['i']}: {len(r['x'])} values, {len(names)} names")
        d["texts"].append(r["text"])
        d["x"].append(r["x"])
    for d in docs.values():
        x = np.asarray(d.pop("x"), dtype=np.float64).reshape(-1, len(names))
        d["X"] = np.nan_to_num(x, nan=0.0, posinf=1e30, neginf=-1e30)
    return names, docs


def _run(husk, files):
    res = subprocess.run([str(husk), "features", *map(str, files)], capture_output=True,
                         text=True, encoding="utf-8")
    if res.returncode != 0:
        raise RuntimeError(f"{husk} features failed ({res.returncode}): {res.stderr[-2000:]}")
    return res.stdout.splitlines()


def dump_rendering(husk, rendering, doc_ids, bench=BENCH, cache=None, batch=50, jobs=None):
    """Run `husk features` over one rendering (cached); returns (names, docs)."""
    husk = Path(husk).resolve()
    if not husk.exists():
        sys.exit(f"feature dumper not found: {husk} (build it or pass --husk)")
    files = [Path(bench, "inputs", rendering, f"{d}.txt") for d in doc_ids]
    st = husk.stat()
    key = {"husk": str(husk), "mtime": st.st_mtime, "size": st.st_size,
           "docs": list(doc_ids), "bench": str(Path(bench).resolve())}
    if cache:
        cache = Path(cache)
        data, meta = cache / f"{rendering}.jsonl.gz", cache / f"{rendering}.key.json"
        if data.exists() and meta.exists() and json.loads(meta.read_text()) == key:
            with gzip.open(data, "rt", encoding="utf-8") as f:
                return parse_dump(f)
    batches = [files[i:i + batch] for i in range(0, len(files), batch)]
    with ThreadPoolExecutor(jobs or os.cpu_count() or 2) as ex:
        outs = list(ex.map(lambda b: _run(husk, b), batches))
    header = outs[0][0]
    if any(o[0] != header for o in outs):
        raise RuntimeError("feature names differ between calls")
    lines = [header] + [l for o in outs for l in o[1:]]
    if cache:
        cache.mkdir(parents=True, exist_ok=True)
        with gzip.open(data, "wt", encoding="utf-8", compresslevel=3) as f:
            f.write("\n".join(lines) + "\n")
        meta.write_text(json.dumps(key))
    return parse_dump(lines)
