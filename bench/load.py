"""Fifty readers for sixty seconds against two gunicorn app servers sharing PostgreSQL (and Redis when
REDIS_URL is set), driven by locust headless from a second process on loopback. Prints one row per
request kind (requests, failures, p50, p95, p99) and exits non-zero on any failure.

Usage: .venv/bin/python bench/load.py [--users 50] [--seconds 60]
"""

import argparse
import csv
import subprocess
import sys
import tempfile
from pathlib import Path

from drill import PORTS, ROOT, database_is_up, prepare_database, start_servers


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    args = parser.parse_args()
    if not database_is_up():
        sys.exit("PostgreSQL is not running at 127.0.0.1:5432.")
    sessions = prepare_database(args.users)
    work = Path(tempfile.mkdtemp(prefix="load-"))
    (work / "sessions").write_text("\n".join(" ".join(row) for row in sessions))
    servers = start_servers()
    try:
        subprocess.run(
            [
                str(ROOT / ".venv" / "bin" / "locust"),
                "-f",
                str(ROOT / "bench" / "locustfile.py"),
                "--headless",
                "--users",
                str(args.users),
                "--spawn-rate",
                "10",
                "--run-time",
                f"{args.seconds}s",
                "--csv",
                str(work / "load"),
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            env={
                "PATH": "/usr/bin:/bin",
                "LOAD_SESSIONS": str(work / "sessions"),
                "LOAD_SERVERS": ",".join(f"http://127.0.0.1:{port}" for port in PORTS),
            },
            check=False,
            timeout=args.seconds + 120,
            stdout=subprocess.DEVNULL,
        )
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)
    rows = list(csv.DictReader((work / "load_stats.csv").open()))
    print(f"\n{args.users} readers, {args.seconds} s, two app servers x 2 workers, PostgreSQL")
    print(
        f"{'request':<18} {'count':>7} {'failed':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'req/s':>7}"
    )
    failed = 0
    for row in rows:
        name = row["Name"] if row["Name"] != "Aggregated" else "all"
        failed += int(row["Failure Count"]) if name == "all" else 0
        print(
            f"{name:<18} {row['Request Count']:>7} {row['Failure Count']:>7} {row['50%']:>7} {row['95%']:>7} "
            f"{row['99%']:>7} {float(row['Requests/s']):>7.1f}"
        )
    failures = work / "load_failures.csv"
    if failed and failures.exists():
        print(failures.read_text()[:3000])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
