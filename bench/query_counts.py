"""Count the database queries each benchmarked address runs, for two different records or pages.

Run by bench/run.py with the benchmark's environment; prints one JSON object: {name: [queries, queries]}.
Equal numbers for a small and a large record mean the count does not grow with the data.
"""
import json
import os
import sys

import django

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def count(client: Client, path: str) -> int:
    client.get(path)  # once first, so caches filled on a first visit (counts, charts) are not counted
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    return len(queries)


def main() -> None:
    variants = json.loads(sys.argv[1])
    client = Client(HTTP_HOST="127.0.0.1")
    print(json.dumps({name: [count(client, path) for path in paths] for name, paths in variants.items()}))


if __name__ == "__main__":
    main()
