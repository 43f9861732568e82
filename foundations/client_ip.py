"""The client's address, trusting X-Forwarded-For only as far as our own proxies wrote it."""
from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """Return the client's IP address.

    With TRUSTED_PROXY_COUNT = n (the reverse proxies in front of the app servers), the client is the
    n-th address from the right of X-Forwarded-For: the ones left of it were written by the client and
    can be forged, so a lockout or a throttle keyed on them would be trivially evaded.
    """
    remote_addr = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies <= 0:
        return remote_addr
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < proxies:
        return remote_addr
    return forwarded[-proxies]
