"""Benchmark NAP Archive as it runs in production: gunicorn (gthread) + PostgreSQL + Redis, measured with wrk.

    .venv/bin/python bench/run.py                 # the default synthetic archive (generated once, ~15 min)
    .venv/bin/python bench/run.py --scale 0.05    # a quick run on a small archive (its own database)

Needs PostgreSQL (DATABASE_URL's server), Redis (REDIS_URL) and wrk (`apt-get install wrk`). The
archive is generated with generate_synthetic into the benchmark database the first time and reused.
Two rounds: with the response cache off (every request reaches the view and the database: "miss"),
then on, after one warming request ("hit"). Prints a table, the ratios the targets are stated in, and
whether each target is met; writes the numbers as JSON too (--output).
"""
import argparse
import json
import os
import secrets
import shutil
import socket
# Bandit: the benchmark runs our own fixed commands (manage.py, gunicorn, wrk), never a shell or user input.
import subprocess  # nosec B404
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
# Measured in every run, whatever --only says: the targets are ratios to them.
REFERENCES = {"/healthz", "plain JsonResponse"}
SEARCH_QUERIES = ["balochistan", "intelligence coordination cell", "madrassas", "frontier corps", "anti-terrorism courts"]
# Query counts are compared between two searches: on PostgreSQL a search makes one query a kind of
# record, whatever the archive's size and the words (see naparchive/search_postgresql.py).
COUNTED_SEARCHES = ["balochistan", "karachi+operation"]


def log(message: str) -> None:
    print(message, flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env: dict, *arguments: str, capture: bool = False) -> str:
    result = subprocess.run(  # nosec B603
        [PYTHON, "manage.py", *arguments], cwd=REPO, env=env, check=True, text=True,
        stdout=subprocess.PIPE if capture else None,
    )
    return result.stdout or ""


def ensure_database(database_url: str) -> None:
    import psycopg

    name = database_url.rsplit("/", 1)[1]
    server = database_url.rsplit("/", 1)[0].replace("postgres://", "postgresql://", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True, connect_timeout=10) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            log(f"Creating the benchmark database {name}")
            connection.execute(f'CREATE DATABASE "{name}"')


def vacuum_analyze(database_url: str) -> None:
    import psycopg

    with psycopg.connect(database_url.replace("postgres://", "postgresql://", 1), autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")


def sample_paths(database_url: str) -> dict:
    """Pick the meetings to request: many for rotation, plus the smallest and the largest."""
    import psycopg

    with psycopg.connect(database_url.replace("postgres://", "postgresql://", 1)) as connection:
        rows = connection.execute(
            """
            SELECT m.slug, count(d.id) AS decisions
            FROM meetings_meeting m LEFT JOIN meetings_decision d ON d.meeting_id = m.id
            WHERE m.status = 'published' AND m.slug LIKE 'synthetic-%%'
            GROUP BY m.id ORDER BY m.id LIMIT 2000
            """
        ).fetchall()
    if not rows:
        raise SystemExit("The benchmark database holds no published synthetic meeting.")
    by_size = sorted(rows, key=lambda row: row[1])
    return {"rotation": [slug for slug, _ in rows[::10]], "smallest": by_size[0][0], "largest": by_size[-1][0]}


def start_server(env: dict, port: int, log_path: Path) -> subprocess.Popen:
    server_env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}"}
    with open(log_path, "ab") as log_file:
        server = subprocess.Popen(  # nosec B603
            [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py"], cwd=REPO, env=server_env,
            stdout=log_file, stderr=subprocess.STDOUT,
        )
    for _ in range(300):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):  # nosec B310
                return server
        except OSError:
            if server.poll() is not None:
                raise SystemExit(f"gunicorn exited; see {log_path}")
            time.sleep(0.1)
    server.terminate()
    raise SystemExit(f"gunicorn did not answer; see {log_path}")


def stop_server(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()


# Bandit (B310, B603): the URLs are our own server on 127.0.0.1; the commands are fixed lists, no shell.
def fetch_status(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # nosec B310
            return response.status, response.headers.get("X-Archive-Cache", "")
    except urllib.error.HTTPError as error:
        return error.code, ""


def wrk(port: int, path: str, rotation: list[str], *, seconds: int, connections: int, threads: int, pause_ms: int = 0) -> dict:
    command = [
        "wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
        "-s", str(REPO / "bench" / "report.lua"), f"http://127.0.0.1:{port}{path}",
    ]
    if rotation or pause_ms:
        command += ["--", f"pause={pause_ms}", *rotation]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout  # nosec B603
    result = json.loads(output.strip().splitlines()[-1])
    result["rps"] = result["requests"] / (result["duration_us"] / 1_000_000)
    result["errors"] = sum(result[key] for key in ("connect_errors", "read_errors", "write_errors", "status_errors", "timeouts"))
    return result


def endpoints(samples: dict) -> list[dict]:
    slug = samples["largest"]
    first_search = f"/search/?q={SEARCH_QUERIES[0]}"
    searches = [f"/search/?q={q.replace(' ', '+')}" for q in SEARCH_QUERIES]
    return [
        {"name": "/healthz", "path": "/healthz", "cached": True},
        {"name": "home", "path": "/", "cached": True},
        {"name": "meeting list", "path": "/meetings/", "cached": True},
        {"name": "meeting detail", "path": f"/meetings/{slug}/", "cached": True,
         "rotation": [f"/meetings/{s}/" for s in samples["rotation"]]},
        {"name": "search", "path": first_search, "cached": True, "rotation": searches},
        # Latency without a queue: one connection per core, so the p95 is the search's own time rather
        # than the wait behind seven other requests on two cores.
        {"name": "search, 2 conn.", "path": first_search, "cached": False, "connections": 2, "rotation": searches},
        # Latency at a steady load below saturation: 8 connections, each pausing 150 ms after every
        # answer (about half the searches a second the server can do on two cores).
        {"name": "search, paced", "path": first_search, "cached": False, "pause_ms": 150, "rotation": searches},
        {"name": "API list", "path": "/api/v1/meetings/", "cached": True},
        {"name": "API detail", "path": f"/api/v1/meetings/{slug}/", "cached": True,
         "rotation": [f"/api/v1/meetings/{s}/" for s in samples["rotation"]]},
        {"name": "plain JsonResponse", "path": "/bench/plain-meetings", "cached": False},
    ]


def paired_reference(endpoint: dict, phase: str, all_endpoints: list[dict]) -> dict | None:
    """Return the address a target compares this one with: the plain view for the API list on a miss, /healthz for cached answers."""
    by_name = {candidate["name"]: candidate for candidate in all_endpoints}
    if phase == "miss" and endpoint["name"] == "API list":
        return by_name["plain JsonResponse"]
    if phase == "hit" and endpoint["name"] not in REFERENCES:
        return by_name["/healthz"]
    return None


def query_counts(env: dict, samples: dict) -> dict:
    small, large = samples["smallest"], samples["largest"]
    variants = {
        "home": ["/", "/?page=2"],
        "meeting list": ["/meetings/", "/meetings/?page=2"],
        "meeting detail": [f"/meetings/{small}/", f"/meetings/{large}/"],
        "search": [f"/search/?q={query}" for query in COUNTED_SEARCHES],
        "API list": ["/api/v1/meetings/", "/api/v1/meetings/?page=2"],
        "API detail": [f"/api/v1/meetings/{small}/", f"/api/v1/meetings/{large}/"],
        "plain JsonResponse": ["/bench/plain-meetings", "/bench/plain-meetings?page=2"],
        "/healthz": ["/healthz", "/healthz"],
    }
    result = subprocess.run(  # nosec B603
        [PYTHON, str(REPO / "bench" / "query_counts.py"), json.dumps(variants)],
        cwd=REPO, env={**env, "LOG_LEVEL": "WARNING", "RESPONSE_CACHE": "0"}, capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"Counting queries failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def table(rows: list[dict], counts: dict) -> str:
    header = f"| {'endpoint':<20} | {'cache':<5} | {'req/s':>8} | {'p50 ms':>7} | {'p95 ms':>7} | {'p99 ms':>7} | {'errors':>6} | {'queries':>9} |"
    lines = [header, "|" + "|".join("-" * (len(cell)) for cell in header.split("|")[1:-1]) + "|"]
    for row in rows:
        queries = "/".join(str(n) for n in counts.get(row["name"].split(",")[0], []))
        lines.append(
            f"| {row['name']:<20} | {row['phase']:<5} | {row['rps']:>8.0f} | {row['p50_us'] / 1000:>7.1f} | "
            f"{row['p95_us'] / 1000:>7.1f} | {row['p99_us'] / 1000:>7.1f} | {row['errors']:>6} | {queries:>9} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=None, help="Default: postgres://postgres@127.0.0.1:5432/naparchive_bench (…_bench_<scale> for other scales).")
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3"))
    parser.add_argument("--scale", type=float, default=1.0, help="generate_synthetic --scale, when the database is empty.")
    parser.add_argument("--duration", type=int, default=4, help="Seconds of load per run.")
    parser.add_argument("--repeat", type=int, default=9, help="Runs per endpoint and round; the run with the median throughput is reported.")
    parser.add_argument("--connections", type=int, default=8, help="Concurrent connections (default: workers x threads).")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads.")
    parser.add_argument("--only", default="", help="Measure only these endpoints (comma-separated names, e.g. 'search,API list'); the references are always measured.")
    parser.add_argument("--output", default=str(Path(tempfile.gettempdir()) / "naparchive-bench.json"))
    args = parser.parse_args()

    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install wrk")
    database_url = args.database_url or (
        "postgres://postgres@127.0.0.1:5432/naparchive_bench"
        + ("" if args.scale == 1.0 else f"_{str(args.scale).replace('.', '_')}")
    )
    ensure_database(database_url)
    import redis

    redis.Redis.from_url(args.redis_url, socket_connect_timeout=2).flushdb()

    workdir = Path(tempfile.mkdtemp(prefix="naparchive-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": database_url,
        "REDIS_URL": args.redis_url,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": str(workdir / "static"),
        # No worker recycling in the middle of a measurement.
        "GUNICORN_MAX_REQUESTS": "0",
        "PYTHONUNBUFFERED": "1",
    }
    log("Migrating the benchmark database")
    manage(env, "migrate", "--noinput", "-v0")
    count = manage(env, "shell", "-c", "from meetings.models import Meeting; print(Meeting.objects.count())", capture=True)
    if int(count.strip().splitlines()[-1]) == 0:
        log(f"Generating the synthetic archive (scale {args.scale}); this is done once per database")
        manage(env, "generate_synthetic", "--scale", str(args.scale))
    # The same state for every run: bulk-loaded GIN entries out of the pending lists, fresh statistics.
    log("VACUUM ANALYZE")
    vacuum_analyze(database_url)
    manage(env, "collectstatic", "--noinput", "-v0")
    samples = sample_paths(database_url)
    log("Counting queries per request (two different records or pages each)")
    counts = query_counts(env, samples)

    wanted = {name.strip() for name in args.only.split(",") if name.strip()}
    rows = []
    port = free_port()
    for phase, cache_on in (("miss", "0"), ("hit", "1")):
        log(f"Round '{phase}': response cache {'on' if cache_on == '1' else 'off'}")
        server = start_server({**env, "RESPONSE_CACHE": cache_on}, port, workdir / "server.log")
        try:
            for endpoint in endpoints(samples):
                if phase == "hit" and not endpoint["cached"]:
                    continue
                if wanted and endpoint["name"] not in wanted | REFERENCES and endpoint["name"].split(",")[0] not in wanted:
                    continue
                rotation = endpoint.get("rotation", []) if phase == "miss" else []
                for path in rotation[:3] or [endpoint["path"]]:
                    status, cache_state = fetch_status(f"http://127.0.0.1:{port}{path}")
                    if status != 200:
                        raise SystemExit(f"{path} answered {status}; see {workdir / 'server.log'}")
                if phase == "hit" and endpoint["path"] != "/healthz":
                    status, cache_state = fetch_status(f"http://127.0.0.1:{port}{endpoint['path']}")
                    if cache_state != "hit":
                        raise SystemExit(f"{endpoint['path']} is not answered from the cache ({cache_state or 'no header'})")
                wrk(port, endpoint["path"], rotation, seconds=2, connections=args.connections, threads=args.threads)
                reference = paired_reference(endpoint, phase, endpoints(samples))
                # A shared machine has slow spells of many seconds: several runs, the median reported, and
                # each run of an address stated as a ratio is followed at once by a run of its reference.
                runs, ratios = [], []
                for _ in range(max(1, args.repeat)):
                    run = wrk(port, endpoint["path"], rotation, seconds=args.duration,
                              connections=endpoint.get("connections", args.connections), threads=args.threads,
                              pause_ms=endpoint.get("pause_ms", 0))
                    runs.append(run)
                    if reference is not None:
                        against = wrk(port, reference["path"], [], seconds=args.duration, connections=args.connections, threads=args.threads)
                        ratios.append(run["rps"] / against["rps"])
                runs.sort(key=lambda run: run["rps"])
                result = dict(runs[len(runs) // 2])
                result["rps_runs"] = [round(run["rps"]) for run in runs]
                result["errors"] = sum(run["errors"] for run in runs)  # errors in any run count
                if ratios:
                    result["ratio"] = sorted(ratios)[len(ratios) // 2]
                    result["ratio_to"] = reference["name"]
                rows.append({"name": endpoint["name"], "phase": phase, **result})
                ratio_text = f"  {result['ratio']:.2f} of {reference['name']}" if ratios else ""
                log(f"  {endpoint['name']:<20} {result['rps']:>8.0f} req/s (runs: {', '.join(map(str, result['rps_runs']))})  "
                    f"p95 {result['p95_us'] / 1000:.1f} ms  errors {result['errors']}{ratio_text}")
        finally:
            stop_server(server)

    def find(name, phase):
        return next((row for row in rows if row["name"] == name and row["phase"] == phase), None)

    log("")
    log(table(rows, counts))
    api_list = find("API list", "miss")
    api_ratio = api_list["ratio"] if api_list else None
    cached = {row["name"]: row["ratio"] for row in rows if row["phase"] == "hit" and "ratio" in row}
    search_latencies = [
        (label, row) for label, row in (
            (f"{args.connections} connections", find("search", "miss")),
            ("2 connections", find("search, 2 conn.", "miss")),
            ("8 connections paced", find("search, paced", "miss")),
        ) if row
    ]
    errors = sum(row["errors"] for row in rows)
    constant = {name: len(set(values)) == 1 for name, values in counts.items()}
    targets = [
        *([(f"API list (miss) / plain JsonResponse = {api_ratio:.2f} (median of paired runs)", api_ratio >= 0.8, ">= 0.80")] if api_ratio else []),
        *[(f"{name} (hit) / healthz = {ratio:.2f} (median of paired runs)", ratio >= 0.5, ">= 0.50") for name, ratio in cached.items()],
        *[(f"search p95 (miss, {label}, {row['rps']:.0f} searches/s) = {row['p95_us'] / 1000:.1f} ms", row["p95_us"] < 100_000, "< 100 ms")
          for label, row in search_latencies],
        (f"errors under load = {errors}", errors == 0, "0"),
        ("queries per request constant: " + ", ".join(n for n, ok in constant.items() if not ok) if not all(constant.values())
         else "queries per request constant for every endpoint", all(constant.values()), "same count"),
    ]
    log("")
    log("Targets:")
    for text, met, target in targets:
        log(f"  [{'met' if met else 'NOT MET'}] {text}  (target {target})")
    Path(args.output).write_text(json.dumps({"rows": rows, "query_counts": counts, "samples": samples,
                                             "targets": [{"what": t, "met": m} for t, m, _ in targets]}, indent=2))
    log(f"\nNumbers written to {args.output}; server log in {workdir / 'server.log'}")


if __name__ == "__main__":
    main()
