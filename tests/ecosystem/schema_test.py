#!/usr/bin/env python3
"""The JSON Schemas in schema/ accept every shipped timeline and style, reject
files with mistakes an editor should flag, and still follow the key tables.

usage: schema_test.py SOURCE_DIR
"""
import datetime
import json
import pathlib
import subprocess
import sys
import tomllib

try:
    import jsonschema
except ImportError:
    sys.exit("FAIL: python3-jsonschema is not installed (tools/setup installs it)")

source = pathlib.Path(sys.argv[1])
problems = []


def as_json(value):
    """TOML dates become the ISO strings editors validate them as."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return value


def validator(name):
    schema = json.loads((source / "schema" / name).read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())


def errors(v, text):
    return [e.message for e in v.iter_errors(as_json(tomllib.loads(text)))]


timeline, style = validator("timeline.schema.json"), validator("style.schema.json")
shipped = [(timeline, p) for p in sorted((source / "timelines").glob("*.toml"))]
# An example is a timeline, or a style when it starts from another (`extends`).
shipped += [(style if "extends" in tomllib.loads(p.read_text(encoding="utf-8")) else timeline, p)
            for p in sorted((source / "examples").glob("**/*.toml"))]
shipped += [(style, p) for p in sorted((source / "styles").glob("*.toml"))]
for v, path in shipped:
    for message in errors(v, path.read_text(encoding="utf-8")):
        problems.append(f"{path.relative_to(source)}: {message}")
print(f"checked {len(shipped)} shipped files")

# Mistakes the schema must catch (each alone in an otherwise valid file).
event = '[[event]]\ntitle = "A"\ndate = 1990\n'
bad = {
    "unknown event key": (timeline, '[[event]]\ntitle = "A"\ndat = 1990\n'),
    "event without title": (timeline, "[[event]]\ndate = 1990\n"),
    "event with date and start": (timeline, '[[event]]\ntitle = "A"\ndate = 1990\nstart = 1980\nend = 1985\n'),
    "no events": (timeline, '[timeline]\ntitle = "T"\n'),
    "bad scale": (timeline, '[timeline]\nscale = "log"\n' + event),
    "bad marker shape in inline style": (timeline, event + 'style = { marker = "star" }\n'),
    "unknown style table": (style, "[pagee]\nsize = \"A4\"\n"),
    "bad page size": (style, '[page]\nsize = "A9"\n'),
    "bad length unit": (style, '[page]\nmargin = "12 furlongs"\n'),
    "bad colour": (style, '[page]\nbackground = "#12345"\n'),
    "unknown tag key": (style, "[tag.war]\ncolour = \"red\"\n"),
}
for what, (v, text) in bad.items():
    if not errors(v, text):
        problems.append(f"the schema accepts a file with a mistake: {what}")
good = {
    "a transparent auto-sized page": (style, '[page]\nsize = "auto"\nwidth = "16cm"\nmargin = 0\nbackground = "none"\n'),
    "a BCE century and an open span": (timeline, '[[event]]\ntitle = "A"\nstart = "5th century BCE"\nend = "present"\n'),
    "a TOML date-time": (timeline, '[[event]]\ntitle = "A"\ndate = 1969-07-20T20:17:40\n'),
}
for what, (v, text) in good.items():
    for message in errors(v, text):
        problems.append(f"the schema rejects {what}: {message}")

check = subprocess.run([sys.executable, str(source / "schema" / "generate.py"), "--check"],
                       capture_output=True, text=True)
if check.returncode != 0:
    problems.append(check.stdout + check.stderr)
for p in problems:
    print("FAIL:", p)
sys.exit(1 if problems else 0)
