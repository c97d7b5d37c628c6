"""Response headers Django's SecurityMiddleware does not set.

`Permissions-Policy` switches off browser features the site never uses, so a script that got
in somehow (a compromised dependency, an injected tag) cannot ask for the camera, location
or payment details in the site's name. Only features every current browser recognises are
listed: an unknown one makes the browser log an error on every page.
"""

from django.conf import settings

DEFAULT_PERMISSIONS_POLICY = {
    "accelerometer": (),
    "autoplay": (),
    "camera": (),
    "display-capture": (),
    "geolocation": (),
    "gyroscope": (),
    "magnetometer": (),
    "microphone": (),
    "midi": (),
    "payment": (),
    "publickey-credentials-get": (),
    "screen-wake-lock": (),
    "usb": (),
    "xr-spatial-tracking": (),
}


def build_permissions_policy(policy):
    """`{"camera": (), "fullscreen": ("self",)}` → `camera=(), fullscreen=(self)`."""
    return ", ".join(
        f"{feature}=({' '.join(allowlist)})" for feature, allowlist in sorted(policy.items())
    )


class PermissionsPolicyMiddleware:
    """Outermost but for the page cache (whose stored pages keep the header), so every
    response gets it, whatever answered it."""

    def __init__(self, get_response):
        self.get_response = get_response
        policy = getattr(settings, "PERMISSIONS_POLICY", DEFAULT_PERMISSIONS_POLICY)
        self.header = build_permissions_policy(policy) if policy else ""

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response
