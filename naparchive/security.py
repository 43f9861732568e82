"""Security headers Django does not set by itself."""
from axes.backends import AxesStandaloneBackend
from django.conf import settings


def permissions_policy_header(policy: dict[str, list[str]]) -> str:
    """Return the Permissions-Policy header for a {feature: [allowed origins]} mapping."""
    return ", ".join(f"{feature}=({' '.join(origins)})" for feature, origins in policy.items())


class PermissionsPolicyMiddleware:
    """Add Permissions-Policy to every response, static files included (it sits outside WhiteNoise)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy_header(getattr(settings, "PERMISSIONS_POLICY", {}))

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response


class LoginLockoutBackend(AxesStandaloneBackend):
    """Refuse logins from a locked-out username and address (django-axes), for logins made over the web.

    Axes refuses to work without the request; a login with none (Django's test client, a shell) comes
    from no address an attacker could use, so it is let through to the next backend instead of failing.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
