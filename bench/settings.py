"""Production settings for the benchmark: naparchive.settings, with the API's per-address throttle off.

The load generator is one client at one address: the anonymous throttle (120 requests a minute) would
answer nearly everything with 429, and a rate high enough to let it through would make DRF keep a
history of tens of thousands of timestamps per request. Real traffic comes from many addresses.
"""
from naparchive.settings import *  # noqa: F401,F403
from naparchive.settings import REST_FRAMEWORK

REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": None, "user": None}}
