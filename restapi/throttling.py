"""Request rates: anonymous clients by address, token clients by user."""
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


class _RatesFromSettings:
    # DRF copies the rates into a class attribute at import time; reading them per request lets
    # settings (and tests, with override_settings) change them.
    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


class ArchiveAnonThrottle(_RatesFromSettings, AnonRateThrottle):
    """Limit anonymous clients by address (rate: REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["anon"])."""


class ArchiveUserThrottle(_RatesFromSettings, UserRateThrottle):
    """Limit token clients per user (rate: REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["user"])."""
