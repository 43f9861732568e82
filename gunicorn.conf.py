"""gunicorn settings for NAP Archive in production: `gunicorn -c gunicorn.conf.py naparchive.wsgi`.

gthread workers: each worker process serves several requests at once on threads, so a request waiting
on PostgreSQL does not hold up the others, and Django's per-thread database connections are reused
(CONN_MAX_AGE) across requests. Everything can be overridden from the environment, as below.
"""
import gc
import multiprocessing
import os

wsgi_app = "naparchive.wsgi:application"

bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
worker_class = "gthread"
# Two processes per core, two threads each: the threads cover the time spent waiting on the database,
# and more processes mean less waiting on Python's GIL. Measured with bench/run.py on 2 cores: 4 x 2
# served the uncached API list 30 % faster than 2 x 4 at the same 8 requests at a time.
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count()))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))

# A request that runs longer than this is a bug or an attack: the worker is replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so a slow leak never becomes an outage.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "10000"))
max_requests_jitter = 1000

# Refuse oversized request lines and headers before Django sees them.
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190

# Trust X-Forwarded-* only from the reverse proxy in front (a comma-separated list of its addresses).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# Django logs every request as JSON itself (naparchive.request_logging); gunicorn logs only its own
# events, to stdout, in the same JSON form.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "naparchive.request_logging.JsonLineFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "json"}},
    "loggers": {
        "gunicorn.error": {"handlers": ["console"], "level": loglevel.upper(), "propagate": False},
        "gunicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
    },
}

# Load the application once in the master, so a broken configuration fails at start-up, loudly, and
# workers share its memory. Django opens no database connection at import, so forking is safe.
preload_app = True

# The loaded application is some hundred thousand objects that live as long as the process. Frozen
# before the fork (as Python's gc documentation advises for a forking server), the garbage collector
# no longer walks them in every full collection: measured on the API's meeting list, 4 ms of the
# 23 ms a request took went to those walks, 0.5 ms after freezing. It also keeps the memory pages
# they sit on shared between the workers instead of copied into each.
gc.disable()


def pre_fork(server, worker):
    gc.freeze()


def post_fork(server, worker):
    gc.enable()

# gunicorn's runtime control socket is off: nothing here uses it, and several servers on one machine
# (app servers side by side, the benchmark, the tests) would all claim the same default path.
control_socket_disable = True
