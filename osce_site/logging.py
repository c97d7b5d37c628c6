"""One JSON object per log line on stdout, so a log collector needs no parsing rules."""

import json
import logging
from datetime import UTC, datetime

from core.client_ip import client_address


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            entry["path"] = request.path
            entry["method"] = request.method
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            entry.update(_access_fields(record.args))
        status_code = getattr(record, "status_code", None)
        if status_code is not None:
            entry["status"] = status_code
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def _access_fields(atoms):
    """gunicorn's access-log atoms as named fields (its format string is for humans)."""
    fields = {
        "method": atoms["m"],
        "path": atoms["U"],
        "query": atoms["q"],
        "status": int(atoms["s"]) if str(atoms["s"]).isdigit() else None,
        "bytes": atoms["B"],
        "duration_ms": round(atoms["D"] / 1000, 1) if isinstance(atoms["D"], int) else None,
        # The visitor, not the front proxy: its X-Forwarded-For, believed only from a trusted
        # proxy (core.client_ip), as sign-in lockouts count it.
        "remote": client_address(atoms["h"], atoms.get("{x-forwarded-for}i", "")),
        "user_agent": atoms["a"],
    }
    return {key: value for key, value in fields.items() if value not in (None, "-", "")}
