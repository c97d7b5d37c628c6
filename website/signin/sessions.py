"""Staff sessions end after `SESSION_COOKIE_AGE` (8 hours) without an admin request.

Django counts a session's age from its last save. Saving it on every request
(`SESSION_SAVE_EVERY_REQUEST`) would write to the database on every admin page; instead an
admin request saves it when the last save is a minute old or more, so the 8 hours count from
the last request, give or take that minute, for at most one write a minute.
"""

import time
from functools import wraps

LAST_SEEN = "signin_last_seen"
REFRESH_SECONDS = 60


def keep_alive(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        now = int(time.time())
        if now - request.session.get(LAST_SEEN, 0) >= REFRESH_SECONDS:
            request.session[LAST_SEEN] = now
        return view(request, *args, **kwargs)

    return wrapper
