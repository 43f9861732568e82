"""Who is asking: an editor's `Authorization: Token <key>`, or no one; any other scheme is refused."""
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication, get_authorization_header


class StrictTokenAuthentication(TokenAuthentication):
    """Token authentication that answers 401 to an Authorization header of another scheme.

    DRF's own class ignores `Authorization: Bearer ...` or `Basic ...` and serves the client as
    anonymous, so a client sending the wrong scheme never learns its credentials were not read.
    """

    def authenticate(self, request):
        header = get_authorization_header(request).split()
        if header and header[0].lower() != self.keyword.lower().encode():
            raise exceptions.AuthenticationFailed("Unknown authorization scheme: send `Authorization: Token <key>`, or no Authorization header.")
        return super().authenticate(request)
