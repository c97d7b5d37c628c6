"""What is wrong with a file, in the terms of the editor who wrote it."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the file. `record` counts from 1, as an editor reading it would."""

    message: str
    record: int | None = None
    key: str | None = None
    # Names --create-missing would create: the command then suggests the option.
    unknown_name: bool = False
    # What `record` counts: records of a JSON list, lines of a CSV file.
    unit: str = "record"

    def __str__(self):
        if self.record is None:
            return self.message
        where = f"{self.unit} {self.record}" + (f", {self.key}" if self.key else "")
        return f"{where}: {self.message}"


class ImportFailed(Exception):
    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


class Invalid(Exception):
    """Raised by a field cleaner; carries one message per problem found in the value."""

    def __init__(self, *messages, unknown_names=False):
        self.messages = list(messages)
        self.unknown_names = unknown_names
        super().__init__("; ".join(self.messages))


def json_type(value):
    if value is None:
        return "null"
    for kind, name in ((bool, "true/false"), (int | float, "a number"), (str, "a string"),
                       (list, "a list"), (dict, "an object")):  # fmt: skip
        if isinstance(value, kind):
            return name
    return type(value).__name__
