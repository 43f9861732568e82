"""Compare search in this checkout with another (a git worktree of an earlier commit), on the benchmark's archive.

    git worktree add /tmp/before <commit> && ln -s "$PWD/.venv" /tmp/before/.venv
    .venv/bin/python bench/compare.py /tmp/before

Run bench/run.py once first: it creates and fills the benchmark database. Two measurements, each
taken so that both checkouts meet the same machine (this one has slow spells of several seconds):

- CPU a search: one gunicorn worker with one thread per checkout, the five benchmark phrases asked of
  each in turn (before, after, before, ...), and the CPU each worker and its PostgreSQL backend used,
  read from /proc. It is what a search costs two cores, whatever the load.
- wrk in pairs: each checkout served as in production (gunicorn.conf.py, response cache off), and
  runs of `--duration` seconds alternated between them (before then after, then after then before);
  the medians of the runs and of the paired ratios are printed, then the medians of the runs grouped
  by how many workers held wrk's connections (chance decides it, and at 2 connections one worker or
  two is the larger difference: see serving_workers).
"""
import argparse
import http.client
import os
import re
import secrets
import statistics
import subprocess  # nosec B404: our own fixed commands (gunicorn, psql, wrk), never a shell or input
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import SEARCH_QUERIES, free_port, wrk  # noqa: E402

HERE = Path(__file__).resolve().parent.parent
DATABASE = "naparchive_bench"


def server_environment(port: int, workdir: Path, **extra: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
        "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3"),
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "RESPONSE_CACHE": "0",
        "LOG_LEVEL": "WARNING",
        "GUNICORN_MAX_REQUESTS": "0",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "STATIC_ROOT": str(workdir / f"static-{port}"),
        **extra,
    }


def start(checkout: Path, workdir: Path, **extra: str) -> tuple[subprocess.Popen, int]:
    port = free_port()
    env = server_environment(port, workdir, **extra)
    python = str(checkout / ".venv" / "bin" / "python")
    subprocess.run([python, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=checkout, env=env, check=True)  # nosec B603
    log = open(workdir / f"server-{port}.log", "wb")
    server = subprocess.Popen([python, "-m", "gunicorn", "-c", "gunicorn.conf.py"], cwd=checkout, env=env, stdout=log, stderr=subprocess.STDOUT)  # nosec B603
    for _ in range(300):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            connection.getresponse().read()
            return server, port
        except OSError:
            if server.poll() is not None:
                raise SystemExit(f"gunicorn exited in {checkout}; see {workdir}")
            time.sleep(0.1)
    raise SystemExit(f"gunicorn did not answer in {checkout}")


def stop(servers: list[tuple[subprocess.Popen, int]]) -> None:
    for server, _ in servers:
        server.terminate()
        server.wait()


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def postgresql_backend(worker: int) -> int:
    """Return the PostgreSQL backend serving a worker's connection (matched by the client's port)."""
    rows = subprocess.run(  # nosec B603 B607
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-Atc",
         "SELECT pid, client_port FROM pg_stat_activity WHERE datname = 'naparchive_bench'"],
        capture_output=True, text=True, check=True,
    ).stdout.split()
    backends = {int(port): int(pid) for pid, port in (row.split("|") for row in rows)}
    sockets = subprocess.run(["ss", "-tnpH", "dst", "127.0.0.1:5432"], capture_output=True, text=True, check=True).stdout  # nosec B603 B607
    for line in sockets.splitlines():
        local_port = int(line.split()[3].rsplit(":", 1)[1])
        if f"pid={worker}," in line and local_port in backends:
            return backends[local_port]
    raise SystemExit(f"no PostgreSQL connection found for worker {worker}")


def cpu_a_search(checkouts: list[Path], workdir: Path, rounds: int) -> list[tuple[float, float]]:
    servers = [start(checkout, workdir, WEB_CONCURRENCY="1", GUNICORN_THREADS="1") for checkout in checkouts]
    try:
        connections = [http.client.HTTPConnection("127.0.0.1", port, timeout=30) for _, port in servers]

        timings = {(index, phrase): [] for index in range(len(servers)) for phrase in SEARCH_QUERIES}

        def search(index: int, phrase: str) -> None:
            started = time.perf_counter()
            connections[index].request("GET", "/search/?q=" + urllib.parse.quote_plus(phrase))
            response = connections[index].getresponse()
            response.read()
            timings[index, phrase].append(time.perf_counter() - started)
            if response.status != 200:
                raise SystemExit(f"{checkouts[index]}: search answered {response.status}")

        for _ in range(4):  # warm-up: the kept names, the statements, the templates
            for phrase in SEARCH_QUERIES:
                for index in range(len(servers)):
                    search(index, phrase)
        workers = [int(subprocess.run(["pgrep", "-P", str(server.pid)], capture_output=True, text=True).stdout.split()[0]) for server, _ in servers]  # nosec B603 B607
        backends = [postgresql_backend(worker) for worker in workers]
        before = [(cpu_seconds(w), cpu_seconds(b)) for w, b in zip(workers, backends)]
        for number in range(rounds):
            for phrase in SEARCH_QUERIES:
                for index in (range(len(servers)) if number % 2 == 0 else reversed(range(len(servers)))):
                    search(index, phrase)
            if (number + 1) % 20 == 0:
                print(f"  CPU: {number + 1}/{rounds} rounds", flush=True)
        searches = rounds * len(SEARCH_QUERIES)
        # A load's p95 is set by its slowest phrases, which an equal total can hide.
        for phrase in SEARCH_QUERIES:
            medians = [statistics.median(timings[index, phrase]) * 1000 for index in range(len(servers))]
            print(f"  '{phrase}': median time " + " | ".join(f"{m:.1f} ms" for m in medians), flush=True)
        return [
            ((cpu_seconds(w) - w0) / searches * 1000, (cpu_seconds(b) - b0) / searches * 1000)
            for (w, b), (w0, b0) in zip(zip(workers, backends), before)
        ]
    finally:
        stop(servers)


def serving_workers(port: int) -> int:
    """Return how many gunicorn workers hold the load's open connections to `port` right now.

    gthread keeps a keep-alive connection on the worker that accepted it, and which one accepts is
    chance: two connections on one worker share its interpreter lock, on two they do not. Runs are
    compared by this, or the chance of placement would read as a difference between the checkouts.
    """
    sockets = subprocess.run(["ss", "-tnpH", "state", "established", "sport", "=", f":{port}"],  # nosec B603 B607
                             capture_output=True, text=True, check=True).stdout
    return len(set(re.findall(r"pid=(\d+),", sockets)))


def wrk_placed(port: int, searches: list[str], seconds: int, connections: int, pause_ms: int) -> dict:
    """One wrk run, with the number of workers that served its connections (seen half-way through)."""
    seen = []
    look = threading.Timer(seconds / 2, lambda: seen.append(serving_workers(port)))
    look.start()
    result = wrk(port, searches[0], searches, seconds=seconds, connections=connections, threads=min(2, connections), pause_ms=pause_ms)
    look.join()
    result["workers"] = seen[0] if seen else 0
    return result


def wrk_pairs(checkouts: list[Path], workdir: Path, pairs: int, seconds: int, connections: int, pause_ms: int = 0) -> list[list[dict]]:
    servers = [start(checkout, workdir) for checkout in checkouts]
    searches = [f"/search/?q={urllib.parse.quote_plus(phrase)}" for phrase in SEARCH_QUERIES]
    try:
        for _, port in servers:
            # Every worker warmed (its kept names, statements, templates), not only those this load's
            # few connections happen to reach: many connections, so that each worker accepts some.
            wrk(port, searches[0], searches, seconds=3, connections=32, threads=2)
        runs: list[list[dict]] = [[] for _ in servers]
        for number in range(pairs):
            order = range(len(servers)) if number % 2 == 0 else reversed(range(len(servers)))
            for index in order:
                runs[index].append(wrk_placed(servers[index][1], searches, seconds, connections, pause_ms))
            print(f"  wrk, {connections} connections{' paced' if pause_ms else ''}: pair {number + 1}/{pairs}: "
                  + " | ".join(f"{runs[i][-1]['rps']:.0f}/s p95 {runs[i][-1]['p95_us'] / 1000:.1f} ms on {runs[i][-1]['workers']} workers"
                               for i in range(len(servers))), flush=True)
        return runs
    finally:
        stop(servers)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("before", type=Path, help="The other checkout (with its own .venv, or a link to this one's).")
    parser.add_argument("--rounds", type=int, default=150, help="CPU measurement: rounds of the five phrases.")
    parser.add_argument("--pairs", type=int, default=9, help="wrk: pairs of runs at each number of connections.")
    parser.add_argument("--duration", type=int, default=4, help="wrk: seconds a run.")
    parser.add_argument("--connections", default="8,2,8p", help="wrk: the loads to measure, comma-separated: a number of "
                        "connections, or it followed by p (each connection waits 150 ms after every answer, as bench/run.py's paced load).")
    parser.add_argument("--no-cpu", action="store_true", help="Skip the CPU measurement.")
    args = parser.parse_args()
    checkouts = [args.before.resolve(), HERE]
    names = ["before", "after"]
    workdir = Path(tempfile.mkdtemp(prefix="naparchive-compare-"))
    print(f"before: {checkouts[0]}\nafter:  {checkouts[1]}", flush=True)

    if not args.no_cpu:
        print(f"CPU a search, interleaved ({args.rounds} rounds of {len(SEARCH_QUERIES)} phrases each)", flush=True)
        cpu = cpu_a_search(checkouts, workdir, args.rounds)
        for name, (python, postgresql) in zip(names, cpu):
            print(f"  {name}: Python {python:.2f} ms + PostgreSQL {postgresql:.2f} ms = {python + postgresql:.2f} ms a search")
        print(f"  after / before: {sum(cpu[1]) / sum(cpu[0]):.3f}")

    for load in args.connections.split(","):
        connections, pause_ms = int(load.rstrip("p")), (150 if load.endswith("p") else 0)
        runs = wrk_pairs(checkouts, workdir, args.pairs, args.duration, connections, pause_ms)
        label = f"{connections} connections{' paced' if pause_ms else ''}"
        for name, measured in zip(names, runs):
            print(f"  {name}, {label}: median {statistics.median(r['rps'] for r in measured):.0f} searches/s, "
                  f"median p95 {statistics.median(r['p95_us'] for r in measured) / 1000:.1f} ms, errors {sum(r['errors'] for r in measured)}")
        throughput = statistics.median(a["rps"] / b["rps"] for b, a in zip(*runs))
        p95 = statistics.median(a["p95_us"] / b["p95_us"] for b, a in zip(*runs))
        print(f"  after / before, {label} (median of paired runs): throughput {throughput:.3f}, p95 {p95:.3f}", flush=True)
        # The same, with runs grouped by how many workers their connections landed on (see serving_workers).
        for workers in sorted({r["workers"] for measured in runs for r in measured}):
            placed = [[r for r in measured if r["workers"] == workers] for measured in runs]
            if all(placed):
                medians = [(statistics.median(r["rps"] for r in group), statistics.median(r["p95_us"] for r in group) / 1000) for group in placed]
                print(f"    on {workers} workers: " + ", ".join(f"{name} {rps:.0f}/s p95 {p95_ms:.1f} ms ({len(group)} runs)"
                                                         for name, (rps, p95_ms), group in zip(names, medians, placed))
                      + f"; after / before: throughput {medians[1][0] / medians[0][0]:.3f}, p95 {medians[1][1] / medians[0][1]:.3f}", flush=True)
    print(f"Server logs in {workdir}")


if __name__ == "__main__":
    main()
