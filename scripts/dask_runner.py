#!/usr/bin/env python3
"""Score a JSON Lines corpus on a Dask cluster through `framelens batch --jsonl`, then merge.

Each task pipes one shard (a block of input lines) through the streaming mode, which writes exactly
one JSON line per input line, and saves it as shard-NNNNN.jsonl in OUT/shards/. When every shard is
done, `framelens aggregate` merges them into OUT/: every table of `batch --out` (articles.csv,
sentences.csv, loaded_terms.csv, quotes.csv, actors.csv, outlets.csv, outlet_actor_stance.csv),
articles.jsonl, run.json and report.html. The bootstrap weights come from each article and the
shards are merged in input order, so the numbers equal those of a one-process `batch --out`
whatever the shard size or the number of workers.

  python3 scripts/dask_runner.py corpus.jsonl --out results/ --workers 2
  python3 scripts/dask_runner.py corpus.jsonl --out results/ --scheduler tcp://host:8786

Needs Debian's python3-distributed. Workers must see the framelens binary and the corpus path.
"""
import argparse
import gzip
import os
import subprocess
import sys


def read_shards(path, lines_per_shard):
    """Yields (index, text) blocks of whole lines; constant memory in the corpus size."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="\n") as f:
        block, index = [], 0
        for line in f:
            block.append(line if line.endswith("\n") else line + "\n")
            if len(block) == lines_per_shard:
                yield index, "".join(block)
                block, index = [], index + 1
        if block:
            yield index, "".join(block)


def score_shard(framelens, models, threads, shard_dir, index, text, keep_fields=""):
    """Runs on a worker: text -> framelens batch --jsonl -> shard file. Returns counts."""
    out_path = os.path.join(shard_dir, "shard-%08d.jsonl" % index)
    cmd = [framelens, "batch", "--jsonl", "--quiet", "-j", str(threads)]
    if models:
        cmd += ["--models", models]
    if keep_fields:
        cmd += ["--keep-fields", keep_fields]
    proc = subprocess.run(cmd, input=text.encode("utf-8"), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # Exit 1 only means some records were error objects; anything else is a failure.
    if proc.returncode not in (0, 1):
        raise RuntimeError("shard %d: framelens exited %d: %s" % (index, proc.returncode,
                                                                   proc.stderr.decode("utf-8", "replace")))
    lines_in = text.count("\n")
    lines_out = proc.stdout.count(b"\n")
    if lines_in != lines_out:
        raise RuntimeError("shard %d: %d lines in, %d lines out" % (index, lines_in, lines_out))
    tmp = out_path + ".part"
    with open(tmp, "wb") as f:
        f.write(proc.stdout)
    os.replace(tmp, out_path)  # a shard file is complete or absent
    return {"shard": index, "lines": lines_in, "errors": proc.stdout.count(b'"error":{')}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", help="JSON Lines corpus (plain or .gz)")
    ap.add_argument("--out", required=True, help="output folder")
    ap.add_argument("--framelens", default=os.environ.get("FRAMELENS", "framelens"), help="framelens binary")
    ap.add_argument("--models", default="", help="models folder (default: framelens's own)")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster workers (default 2)")
    ap.add_argument("--threads", type=int, default=1, help="framelens threads per task (default 1)")
    ap.add_argument("--shard-lines", type=int, default=2000, help="records per shard (default 2000)")
    ap.add_argument("--keep-fields", default="", help="input fields passed through (batch --keep-fields)")
    ap.add_argument("--scheduler", default="", help="address of an existing Dask scheduler")
    ap.add_argument("--max-pending", type=int, default=0,
                    help="shards in flight at once (default 2 x workers; bounds memory)")
    args = ap.parse_args(argv)

    from dask.distributed import Client, LocalCluster, as_completed

    shard_dir = os.path.join(args.out, "shards")
    os.makedirs(shard_dir, exist_ok=True)
    framelens = os.path.abspath(args.framelens) if os.path.sep in args.framelens else args.framelens
    models = os.path.abspath(args.models) if args.models else ""

    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        max_pending = args.max_pending or 2 * max(1, args.workers)
        pending = as_completed()
        lines = errors = shards = 0

        def collect(fut):
            nonlocal lines, errors, shards
            r = fut.result()
            lines += r["lines"]
            errors += r["errors"]
            shards += 1

        for index, text in read_shards(args.corpus, args.shard_lines):
            pending.add(client.submit(score_shard, framelens, models, args.threads, shard_dir, index, text,
                                      args.keep_fields, pure=False))
            while pending.count() >= max_pending:
                collect(next(pending))
        for fut in pending:
            collect(fut)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    print("dask_runner: %d shards, %d records, %d error records" % (shards, lines, errors), file=sys.stderr)
    cmd = [framelens, "aggregate", shard_dir, "--out", args.out]
    if args.keep_fields:
        cmd += ["--keep-fields", args.keep_fields]
    agg = subprocess.run(cmd)
    return agg.returncode


if __name__ == "__main__":
    sys.exit(main())
