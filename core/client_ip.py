"""The address a request came from: the visitor's, as the front proxy saw it.

Behind nginx every connection comes from the proxy, which appends the address it accepted
the connection from to `X-Forwarded-For`. Anyone can send that header, so it is believed only
from `TRUSTED_PROXIES`, and read from the right: while the address at hand is a trusted proxy,
the entry it appended names the one before it; the first address that is not a trusted proxy
is the client. Entries further left were written by the client and are never read, so a
client cannot pick the address it is counted under by sending the header itself.

Sign-in lockouts (django-axes, `AXES_CLIENT_IP_CALLABLE`), gunicorn's access log and the
`osce.audit` log all use this one answer, so the address a lockout names is the one the logs
show.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings


def client_ip(request):
    return client_address(
        request.META.get("REMOTE_ADDR", ""), request.META.get("HTTP_X_FORWARDED_FOR", "")
    )


def client_address(peer, forwarded_for=""):
    """The client's address, given the connection's peer and its X-Forwarded-For header."""
    trusted = _networks(tuple(settings.TRUSTED_PROXIES))
    address = peer
    hops = [hop.strip() for hop in (forwarded_for or "").split(",")]
    while hops and _within(address, trusted):
        hop = _parse(hops.pop())
        if hop is None:
            # A trusted proxy passed on something that is not an address: the proxy is the
            # last hop known for certain.
            break
        address = str(hop)
    return address


@lru_cache(maxsize=4)
def _networks(entries):
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def _parse(text):
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _within(address, networks):
    parsed = _parse(address)
    if parsed is None:
        return False
    # A dual-stack socket reports an IPv4 proxy as ::ffff:10.0.0.10.
    parsed = getattr(parsed, "ipv4_mapped", None) or parsed
    return any(parsed in network for network in networks)
