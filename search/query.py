"""Visitor queries in web-search syntax, parsed once and rendered per database.

`election observation` (all words), `"hate crime"` (a phrase), `trafficking -children`
(exclusion), `elections OR referendum` (either). Anything else a visitor types — operators,
unbalanced quotes, NUL bytes, 10,000 characters — is reduced to plain words, so neither
database ever sees syntax it could choke on, and both read the query the same way.
"""

import re
import unicodedata
from dataclasses import dataclass

MAX_QUERY_LENGTH = 200
MAX_CLAUSES = 12
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')
_WORD = re.compile(r"\w+", re.UNICODE)

# PostgreSQL's English stop words, dropped from English queries on both databases so results
# agree. Other languages keep every word: PostgreSQL's own configuration drops its stop words
# and SQLite's index keeps them, so a French "de" still finds something on both.
STOP_WORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before
    being below between both but by can did do does doing don down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own s same she should so some such t than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with you your yours yourself yourselves""".split()
)


@dataclass(frozen=True)
class SearchQuery:
    """`clauses` are ANDed; each clause is a tuple of alternatives (ORed); each alternative
    is a tuple of words (a phrase when longer than one)."""

    raw: str
    language: str = "en"
    clauses: tuple = ()
    excluded: tuple = ()
    only_stop_words: bool = False

    def __bool__(self):
        return bool(self.clauses)

    @property
    def words(self):
        return tuple(
            dict.fromkeys(word for clause in self.clauses for alt in clause for word in alt)
        )

    def websearch(self):
        """The normalised query for PostgreSQL's `websearch_to_tsquery`."""
        parts = [
            " or ".join(f'"{" ".join(alt)}"' if len(alt) > 1 else alt[0] for alt in clause)
            for clause in self.clauses
        ]
        parts += [f"-{word}" for word in self.excluded]
        return " ".join(parts)

    def fts5(self):
        """The query for SQLite FTS5: every word quoted, so no FTS5 operator can sneak in."""
        clauses = []
        for clause in self.clauses:
            alternatives = ['"{}"'.format(" ".join(alt)) for alt in clause]
            clauses.append(
                alternatives[0] if len(alternatives) == 1 else f"({' OR '.join(alternatives)})"
            )
        expression = " AND ".join(clauses)
        for word in self.excluded:
            expression = f'({expression}) NOT "{word}"'
        return expression


def _words(text):
    return [word.lower() for word in _WORD.findall(text.replace("_", " "))]


def parse_query(raw, language="en"):
    """Parse whatever arrived in `?q=`, to be searched in the index of `language`; an
    unusable query parses to an empty (falsy) one."""
    if not isinstance(raw, str):
        return SearchQuery(raw="", language=language)
    stop_words = STOP_WORDS if language == "en" else frozenset()
    text = unicodedata.normalize("NFKC", raw.replace("\x00", " "))[:MAX_QUERY_LENGTH].strip()
    clauses, excluded = [], []
    saw_words = False
    join_next = False
    for match in _TOKEN.finditer(text):
        quoted_minus, quoted, minus, bare = match.groups()
        if quoted is None and bare == "OR" and not minus:
            join_next = bool(clauses)
            continue
        words = _words(quoted if quoted is not None else bare)
        saw_words = saw_words or bool(words)
        if quoted_minus or minus:
            excluded.extend(w for w in words if w not in stop_words)
            join_next = False
            continue
        if quoted is not None and len(words) > 1:
            alternatives = [tuple(words)]
        else:
            alternatives = [(w,) for w in words if w not in stop_words]
        if not alternatives:
            continue
        if join_next:
            clauses[-1] = clauses[-1] + (alternatives[0],)
            alternatives = alternatives[1:]
        clauses.extend((alt,) for alt in alternatives)
        join_next = False
    clauses = list(dict.fromkeys(clauses))[:MAX_CLAUSES]
    positive = {word for clause in clauses for alt in clause for word in alt}
    excluded = [w for w in dict.fromkeys(excluded) if w not in positive][:MAX_CLAUSES]
    return SearchQuery(
        raw=text,
        language=language,
        clauses=tuple(clauses),
        excluded=tuple(excluded),
        only_stop_words=saw_words and not clauses and not excluded,
    )
