"""gunicorn's access log with the visitor's address, not the front proxy's.

gunicorn.conf.py names ForwardedAccessLogger as `logger_class`. When the request came from a
trusted proxy (`forwarded_allow_ips`, or over a unix socket) and carries X-Forwarded-For, the
`h` atom (the JSON line's `remote`) becomes the address the proxy put last in that header; the
shipped nginx configuration (deploy/nginx/) sends exactly one, the client it saw. From anyone
else, or when the header holds no address, the peer's own address is kept.
"""

import ipaddress

from gunicorn.glogging import Logger


def _address(text):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def trusted_peer(peer, allowed):
    """Whether gunicorn would let `peer` set forwarding headers (see its forwarded_allow_ips)."""
    if not peer:  # a unix socket: only processes on this host can connect
        return True
    if "*" in allowed:
        return True
    address = _address(peer)
    if address is None:
        return False
    for entry in allowed:
        try:
            if address in ipaddress.ip_network(entry.strip(), strict=False):
                return True
        except ValueError:
            continue
    return False


class ForwardedAccessLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        forwarded = environ.get("HTTP_X_FORWARDED_FOR")
        if forwarded and trusted_peer(environ.get("REMOTE_ADDR"), self.cfg.forwarded_allow_ips):
            client = _address(forwarded.split(",")[-1])
            if client is not None:
                atoms["h"] = str(client)
        return atoms
