"""Reading the file: a JSON list, or a CSV table (`read_csv_records`), or the reason it is not
one.

The file comes from outside (a script, another system's export), so whatever it holds ends in
the usual list of problems, never a traceback: bytes that are not UTF-8 (with the line they
are on), nesting deeper than the parser goes, integers longer than Python converts, keys
written twice in any object, strings holding half of a UTF-16 surrogate pair (valid JSON,
`"\\ud800"`, but not text any database or terminal accepts).
"""

import csv
import io
import json
import sys
from collections import deque
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


def _whole_number(digits):
    """No record key takes a number, so a number is only ever reported as the wrong type.
    One longer than `int()` converts (`sys.get_int_max_str_digits()`) would raise from inside
    the parser; as a float it is just another number."""
    limit = sys.get_int_max_str_digits()  # 0: no limit
    if limit and len(digits) > limit:
        return float(digits)
    return int(digits)


def _undecodable(path, error):
    """Where the first byte that is not UTF-8 is: the editor's editor shows lines, not bytes."""
    raw = path.read_bytes()
    try:
        raw.decode("utf-8-sig")
    except UnicodeDecodeError as located:
        line = raw[: located.start].count(b"\n") + 1
        return f"{path}: not UTF-8 text ({located.reason} on line {line})"
    return f"{path}: not UTF-8 text ({error.reason})"


def _read_text(path, what):
    """The file's text, or `ImportFailed` saying why there is none."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ImportFailed([Problem(f"{path}: no such file")]) from None
    except IsADirectoryError:
        raise ImportFailed([Problem(f"{path}: is a directory, not a {what} file")]) from None
    except UnicodeDecodeError as error:
        raise ImportFailed([Problem(_undecodable(path, error))]) from None
    except OSError as error:
        raise ImportFailed([Problem(f"{path}: cannot be read ({error.strerror})")]) from None


def read_records(path, noun="news records"):
    """The file's JSON list, or `ImportFailed` saying why it is not one."""
    path = Path(path)
    text = _read_text(path, "JSON")
    try:
        data = json.loads(text, object_pairs_hook=_RecordObject, parse_int=_whole_number)
    except json.JSONDecodeError as error:
        raise ImportFailed(
            [Problem(f"{path}: not valid JSON ({error.msg} at line {error.lineno}, "
                     f"column {error.colno})")]
        ) from None  # fmt: skip
    except RecursionError:
        raise ImportFailed(
            [Problem(f"{path}: not valid {noun} (lists and objects nested too deeply)")]
        ) from None
    if not isinstance(data, list):
        raise ImportFailed(
            [Problem(f"{path}: must hold a JSON list of records, not {json_type(data)}")]
        )
    return data


def _surrogate(text):
    """The first lone surrogate in `text`, escaped for a message, or None."""
    for character in text:
        if "\ud800" <= character <= "\udfff":
            return f"\\u{ord(character):04x}"
    return None


def _joined(where, key):
    shown = key.encode("utf-8", "backslashreplace").decode("utf-8")
    return f"{where}.{shown}" if where else shown


def unreadable_parts(record):
    """Where `record` has keys written twice, and where it has strings that are not text: two
    lists of (where, message), `where` being the dotted path of keys (`translations.fr.title`;
    an item of a list counts as its key). Walked with a queue, not recursion: a record may nest
    as deep as the parser allowed. The record's own keys come first."""
    repeated, not_text = [], []
    queue = deque([("", record)])
    while queue:
        where, value = queue.popleft()
        if isinstance(value, str):
            surrogate = _surrogate(value)
            if surrogate:
                not_text.append((where, f"holds {surrogate}, half of a surrogate pair, not text"))
        elif isinstance(value, list):
            queue.extend((where, item) for item in value)
        elif isinstance(value, dict):
            repeated += [
                (_joined(where, key), "is written more than once") for key in value.repeated_keys
            ]
            for key, item in value.items():
                surrogate = _surrogate(key)
                if surrogate:
                    not_text.append(
                        (
                            _joined(where, key),
                            f"the key holds {surrogate}, half of a surrogate pair",
                        )
                    )
                queue.append((_joined(where, key), item))
    return repeated, not_text


LIST_SEPARATOR = ";"


def _nested(pairs):
    """{"translations.ru.title": v} -> {"translations": {"ru": {"title": v}}}, as the JSON
    record would have it."""
    record = _RecordObject([])
    for column, value in pairs:
        *path, last = column.split(".")
        parent, target = None, record
        for part in path:
            parent, target = target, target.setdefault(part, _RecordObject([]))
            if not isinstance(target, dict):  # "files" and "files.en" both given
                parent.repeated_keys.append(part)
                break
        else:
            target[last] = value
    return record


def read_csv_records(path, list_keys):
    """A CSV file (a header row of keys, one record per row) as the records a JSON file would
    hold, and the line of each row, so that problems name lines. A column `a.b` is the key `b`
    inside `a` (`translations.ru.title`, `files.en`); the cells of `list_keys` hold names
    separated by ";"; an empty cell is a key left out."""
    path = Path(path)
    reader = csv.reader(io.StringIO(_read_text(path, "CSV"), newline=""))
    try:
        header = [column.strip() for column in next(reader, [])]
        if not header or not any(header):
            raise ImportFailed([Problem(f"{path}: the first line must name the columns")])
        repeated = sorted({column for column in header if header.count(column) > 1})
        if repeated:
            listed = ", ".join(f'"{column}"' for column in repeated)
            raise ImportFailed([Problem(f"{path}: columns written more than once: {listed}")])
        records, lines, problems = [], [], []
        while True:
            line = reader.line_num + 1  # where the row starts (a cell may span lines)
            row = next(reader, None)
            if row is None:
                break
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(header):
                problems.append(Problem("more cells than the header has columns", line))
                continue
            pairs = []
            for column, cell in zip(header, row, strict=False):
                cell = cell.strip()
                if not cell:
                    continue
                if column.split(".")[0] in list_keys:
                    cell = [name.strip() for name in cell.split(LIST_SEPARATOR) if name.strip()]
                pairs.append((column, cell))
            records.append(_nested(pairs))
            lines.append(line)
    except csv.Error as error:
        raise ImportFailed(
            [Problem(f"{path}: not valid CSV ({error} on line {reader.line_num})")]
        ) from None
    if problems:
        raise ImportFailed([Problem(p.message, p.record, unit="line") for p in problems])
    return records, lines
