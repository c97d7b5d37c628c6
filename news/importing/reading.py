"""Reading the file: a JSON list, or the reason it is not one."""

import json
from pathlib import Path

from news.importing.problems import ImportFailed, Problem, json_type


class _RecordObject(dict):
    """A JSON object that remembers keys written twice (json keeps only the last)."""

    def __init__(self, pairs):
        super().__init__(pairs)
        seen = set()
        self.repeated_keys = []
        for key, _value in pairs:
            if key in seen and key not in self.repeated_keys:
                self.repeated_keys.append(key)
            seen.add(key)


def read_records(path):
    """The file's JSON list, or `ImportFailed` saying why it is not one."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ImportFailed([Problem(f"{path}: no such file")]) from None
    except IsADirectoryError:
        raise ImportFailed([Problem(f"{path}: is a directory, not a JSON file")]) from None
    except UnicodeDecodeError as error:
        raise ImportFailed([Problem(f"{path}: not UTF-8 text ({error.reason})")]) from None
    except OSError as error:
        raise ImportFailed([Problem(f"{path}: cannot be read ({error.strerror})")]) from None
    try:
        data = json.loads(text, object_pairs_hook=_RecordObject)
    except json.JSONDecodeError as error:
        raise ImportFailed(
            [Problem(f"{path}: not valid JSON ({error.msg} at line {error.lineno}, "
                     f"column {error.colno})")]
        ) from None  # fmt: skip
    if not isinstance(data, list):
        raise ImportFailed(
            [Problem(f"{path}: must hold a JSON list of records, not {json_type(data)}")]
        )
    return data
