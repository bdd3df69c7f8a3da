#!/usr/bin/env python3
"""Clean a JSONL corpus with husk on Apache Spark (local mode).

    python husk_spark.py --husk PATH_TO_HUSK --input IN.jsonl --output OUTDIR \
        [--partitions N] [--master local[N]] [-- extra husk args]
    python husk_spark.py --husk PATH_TO_HUSK --input IN.jsonl --collect OUT.jsonl ...

Each partition of the input is piped through one `husk --input jsonl <extra args>`
process (RDD.pipe). RDD.pipe keeps the partitions in order and husk keeps the lines of
its input in order, so the result equals a single `husk --input jsonl < IN.jsonl` run
line for line: in the part-NNNNN files read in name order (--output), or in one file
(--collect).

The core of it is three lines:

    rdd = sc.textFile("in.jsonl", minPartitions=8)
    rdd.pipe("/abs/path/husk --input jsonl", env={"LANG": "C.UTF-8"}, checkCode=True) \
       .saveAsTextFile("out")
"""

import argparse
import os
import re
import shlex
import shutil
import sys

# Variables that husk's process gets. RDD.pipe starts the command with exactly the
# `env` it is given (an empty environment by default), so pass a small, known set.
PASSED_ENV = ("PATH", "HOME", "TMPDIR", "LD_LIBRARY_PATH", "ICU_DATA",
              "LANG", "LC_ALL", "LC_CTYPE")


def parse_args(argv):
    # Everything after a bare `--` goes to husk unchanged.
    if "--" in argv:
        cut = argv.index("--")
        argv, husk_args = argv[:cut], argv[cut + 1:]
    else:
        husk_args = []
    p = argparse.ArgumentParser(
        description="Pipe a JSONL file through `husk --input jsonl` with Spark.",
        usage="%(prog)s --husk PATH --input IN.jsonl (--output DIR | --collect FILE) "
              "[--partitions N] [--master URL] [-- extra husk args]")
    p.add_argument("--husk", required=True,
                   help="husk binary (made absolute; must exist at that path on every worker); "
                        "`cat` passes lines through unchanged, for testing")
    p.add_argument("--input", required=True, help="JSONL input (file, directory or glob)")
    out = p.add_mutually_exclusive_group(required=True)
    out.add_argument("--output", help="output directory for saveAsTextFile (must not exist)")
    out.add_argument("--collect", metavar="FILE",
                     help="collect to the driver and write all lines, in input order, to FILE")
    p.add_argument("--partitions", type=int, default=None,
                   help="minimum number of input partitions (default: Spark's parallelism)")
    p.add_argument("--master", default="local[*]", help="Spark master (default: local[*])")
    p.add_argument("--log-level", default="WARN", help="Spark log level (default: WARN)")
    args = p.parse_args(argv)
    args.husk_args = husk_args
    return args


def resolve_husk(path):
    """An absolute path to an executable: workers run it with no PATH lookup of ours."""
    found = shutil.which(path) if os.sep not in path else path
    if not found or not os.access(found, os.X_OK) or os.path.isdir(found):
        sys.exit(f"husk_spark: not an executable: {path}")
    return os.path.abspath(found)


def husk_env():
    env = {k: os.environ[k] for k in PASSED_ENV if os.environ.get(k)}
    env.update({k: v for k, v in os.environ.items() if k.startswith("HUSK_")})
    env.setdefault("PATH", "/usr/local/bin:/usr/bin:/bin")
    env.setdefault("LANG", "C.UTF-8")   # UTF-8 text in, UTF-8 text out
    return env


def husk_command(husk, extra_args):
    """The command line for RDD.pipe (which splits it with shlex)."""
    if os.path.basename(husk) == "cat":
        # `cat` is the pass-through stand-in for development and the identity test:
        # it gets no husk arguments.
        return shlex.join([husk])
    return shlex.join([husk, "--input", "jsonl", *extra_args])


def main(argv):
    args = parse_args(argv)
    command = husk_command(resolve_husk(args.husk), args.husk_args)
    env = husk_env()

    # Python workers must be the same interpreter (and version) as this driver.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)

    from pyspark import SparkConf, SparkContext
    conf = SparkConf().setMaster(args.master).setAppName("husk")
    if args.master.startswith("local"):
        # Local mode: stay on loopback and open no web UI port.
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        conf.set("spark.driver.host", "127.0.0.1").set("spark.ui.enabled", "false")
    conf.set("spark.ui.showConsoleProgress", "false")
    sc = SparkContext(conf=conf)
    sc.setLogLevel(args.log_level)
    try:
        lines = sc.textFile(args.input, minPartitions=args.partitions or sc.defaultParallelism)
        cleaned = lines.pipe(command, env=env, checkCode=True)
        print(f"husk_spark: {lines.getNumPartitions()} partitions, command: {command}",
              flush=True)
        if args.output:
            cleaned.saveAsTextFile(args.output)
        else:
            # collect() runs the partitions in parallel and returns them in order;
            # it holds the whole result in the driver, so use --output for big corpora.
            tmp = args.collect + ".tmp"
            with open(tmp, "w", encoding="utf-8", newline="\n") as f:
                for line in cleaned.collect():
                    f.write(line + "\n")
            os.replace(tmp, args.collect)
    except Exception as e:
        # A husk process that exits non-zero fails its task and so the job (checkCode);
        # say so in one line after Spark's stack traces. husk's own stderr is above them.
        exited = re.search(r"Pipe function .* exited with error code \d+", str(e))
        if not exited:
            raise
        sys.exit(f"husk_spark: job failed: {exited.group(0)}")
    finally:
        sc.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
