"""Request rates: anonymous clients by address, token clients by user."""
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from foundations.client_ip import client_ip


class _ArchiveThrottle:
    # DRF copies the rates into a class attribute at import time; reading them per request lets
    # settings (and tests, with override_settings) change them.
    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    # DRF's own address keys on the whole X-Forwarded-For header unless NUM_PROXIES is set, so a client
    # writing a new header on each request would never be counted twice. The address the login
    # lockout uses, trusting only our own proxies (TRUSTED_PROXY_COUNT), is the one to count.
    def get_ident(self, request):
        return client_ip(request)


class RateLimitedThrottleMixin:
    """Remember this request's limit, what is left and when the window resets, for the answer's headers."""

    def allow_request(self, request, view):
        allowed = super().allow_request(request, view)
        if self.rate is not None and hasattr(self, "history"):
            used = len(self.history)
            remaining = max(self.num_requests - used, 0)
            reset = int(self.duration - (self.now - self.history[-1])) if self.history else int(self.duration)
            current = getattr(request, "rate_limit", None)
            # Several throttles may count one client: the one closest to its limit is the one to tell.
            if current is None or remaining < current[1]:
                request.rate_limit = (self.num_requests, remaining, max(reset, 0))
        return allowed


class ArchiveAnonThrottle(_ArchiveThrottle, RateLimitedThrottleMixin, AnonRateThrottle):
    """Limit anonymous clients by address (rate: REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["anon"])."""


class ArchiveUserThrottle(_ArchiveThrottle, RateLimitedThrottleMixin, UserRateThrottle):
    """Limit token clients per user (rate: REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["user"])."""
