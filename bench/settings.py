"""Production settings for the benchmark: naparchive.settings, with the API's per-address throttle off
and the benchmark's reference view (bench/views.py) routed by bench/urls.py, never by the product's URLs.

The load generator is one client at one address: the anonymous throttle (120 requests a minute) would
answer nearly everything with 429, and a rate high enough to let it through would make DRF keep a
history of tens of thousands of timestamps per request. Real traffic comes from many addresses.
"""
from naparchive.settings import *  # noqa: F401,F403
from naparchive.settings import RESPONSE_CACHE_EXCLUDED_PREFIXES, REST_FRAMEWORK

REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": None, "user": None}}
ROOT_URLCONF = "bench.urls"
# The reference view measures the work behind an answer: never answer it from the response cache.
RESPONSE_CACHE_EXCLUDED_PREFIXES = [*RESPONSE_CACHE_EXCLUDED_PREFIXES, "/bench/"]
