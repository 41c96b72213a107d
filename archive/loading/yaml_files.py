"""Reading fixture files: YAML, strictly.

Two departures from PyYAML's safe loader, both to keep data exactly as a reviewer wrote it:
dates stay text (PartialDate parses them, and reports 2023-02-30 against its record and field
instead of failing the whole file), and a key given twice in one record is an error rather than
silently keeping the last value.
"""

import yaml

from .problems import Problem, display_path

TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


class FixtureYamlLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = getattr(key_node, "value", None)
            if isinstance(key, str) and key in seen:
                raise yaml.constructor.ConstructorError(
                    "while reading a record", node.start_mark,
                    f"found the key '{key}' twice", key_node.start_mark,
                )  # fmt: skip
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


FixtureYamlLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != TIMESTAMP_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_records(path):
    """The list of mappings in one file, or the problems that stop it being read."""
    name = display_path(path)
    try:
        with open(path, encoding="utf-8") as file:
            data = yaml.load(file, Loader=FixtureYamlLoader)
    except yaml.MarkedYAMLError as error:
        return [], [Problem(name, f"invalid YAML {describe_yaml_error(error)}")]
    except (yaml.YAMLError, UnicodeDecodeError, OSError) as error:
        return [], [Problem(name, f"cannot be read: {error}")]

    if data is None:  # an empty file: no records
        return [], []
    if not isinstance(data, list):
        return [], [Problem(name, f"must be a list of records, found {describe_type(data)}")]
    return data, not_mappings(name, data)


def not_mappings(name, records):
    return [
        Problem(name, f"must be a mapping of fields, found {describe_type(item)}", f"#{position}")
        for position, item in enumerate(records, start=1)
        if not isinstance(item, dict)
    ]


def describe_yaml_error(error):
    """'at line 16, column 7: did not find expected ',' or ']' (in a list started at line 15)'."""
    mark, context = error.problem_mark or error.context_mark, error.context_mark
    text = f"at line {mark.line + 1}, column {mark.column + 1}: " if mark else ": "
    text += error.problem or error.context or "cannot be parsed"
    if error.context and error.problem:
        started = f" started at line {context.line + 1}" if context and context is not mark else ""
        text += f" ({error.context}{started})"
    return text


def describe_type(value):
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"true/false ({value}); put text in quotes"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"text ({value!r})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__
