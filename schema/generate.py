#!/usr/bin/env python3
"""Writes the JSON Schemas of the timeline and style formats (FORMAT.md) for
TOML editors (Taplo / Even Better TOML), from the one table of style keys in
src/style/keys.cpp and the key lists of src/load/timeline_loader.cpp, so the
schemas cannot drift from what annals accepts.

usage: generate.py [--check]   (--check: fail if the committed files differ)
"""
import json
import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from descriptions import STYLE as STYLE_TEXT, TIMELINE as TIMELINE_TEXT  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
KEYS_CPP = (ROOT / "src/style/keys.cpp").read_text(encoding="utf-8")
LOADER_CPP = (ROOT / "src/load/timeline_loader.cpp").read_text(encoding="utf-8")
BASE = "https://annals.invalid/schema/"  # an identifier only; nothing is fetched

# http, https, mailto in any case, or a relative reference: no ':' before the first / ? # or \\.
URL = r"^(([hH][tT][tT][pP][sS]?|[mM][aA][iI][lL][tT][oO]):|[^:/?#\\]*([/?#\\]|$))"
LENGTH_TEXT = r"^\s*\+?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*([pP][tT]|[pP][xX]|[mM][mM]|[cC][mM]|[iI][nN])?\s*$"
DEFS = {
    "length": {"description": "A length: points (1/72 in), or a string with a unit: \"12mm\", \"0.5in\", \"18pt\", \"24px\".",
               "anyOf": [{"type": "number", "minimum": 0, "maximum": 1000},
                         {"type": "string", "pattern": LENGTH_TEXT}]},
    "page_length": {"description": "A page side or margin: points (at most 100000), or a string with a unit.",
                    "anyOf": [{"type": "number", "minimum": 0, "maximum": 100000},
                              {"type": "string", "pattern": LENGTH_TEXT}]},
    "color": {"description": "A colour: \"#rgb\", \"#rrggbb\", \"#rrggbbaa\", a CSS colour name, or \"none\".",
              "type": "string", "pattern": r"^(#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})|[A-Za-z]+)$"},
    "family": {"description": "A font family name, e.g. \"DejaVu Sans\".", "type": "string", "minLength": 1},
    "weight": {"description": "A font weight: 100–1000, or a name such as normal or bold.",
               "anyOf": [{"type": "integer", "minimum": 100, "maximum": 1000},
                         {"type": "string", "enum": [
                             "thin", "extralight", "ultralight", "light", "normal", "regular", "book", "medium",
                             "semibold", "demibold", "bold", "extrabold", "black", "heavy"]}]},
    "dash": {"description": "solid, dashed, dotted, or dash lengths like [4, 3].",
             "anyOf": [{"type": "string", "enum": ["solid", "dashed", "dotted", "none"]},
                       {"type": "string", "pattern": r"^\s*[0-9.]+[a-z]*(\s+[0-9.]+[a-z]*)*\s*$"},
                       {"type": "array", "items": {"$ref": "#/definitions/length"}}]},
    "page_size": {"description": "The sheet: A0–A6, letter, legal or tabloid; auto (the page fits the content) or "
                                 "custom (page.width × page.height).",
                  "type": "string",
                  "enum": [f"A{i}" for i in range(7)] + ["letter", "legal", "tabloid", "auto", "custom"]},
    "sheet_size": {"description": "A sheet: A0–A6, letter, legal or tabloid; none.",
                   "type": "string",
                   "enum": [f"A{i}" for i in range(7)] + ["letter", "legal", "tabloid", "none"]},
    "colors": {"description": "Colours, in order.", "type": "array", "minItems": 1,
               "items": {"$ref": "#/definitions/color"}},
    "date": {"description": "A date: 1879, -490, 1996-12-17, \"1996-12\", \"490 BCE\", \"1960s\", \"19th century\", "
                            "\"c. 1964\", \"1964?\", \"present\".",
             "anyOf": [{"type": "integer"}, {"type": "string", "minLength": 1},
                       {"type": "string", "format": "date"}, {"type": "string", "format": "date-time"}]},
}


def kind_schema(spec):
    """The schema of one key's value, from its Spec expression in keys.cpp."""
    simple = {"kLength": {"$ref": "#/definitions/length"}, "kPageLength": {"$ref": "#/definitions/page_length"},
              "kColor": {"$ref": "#/definitions/color"},
              "kBool": {"type": "boolean"}, "kFamily": {"$ref": "#/definitions/family"},
              "kWeight": {"$ref": "#/definitions/weight"},
              "kFontSize": {"description": "A font size: points, or a length with a unit.",
                            "$ref": "#/definitions/length"},
              "kOpacity": {"type": "number", "minimum": 0, "maximum": 1},
              "kLines": {"type": "integer", "minimum": 1, "maximum": 10},
              "kContrast": {"type": "number", "minimum": 1, "maximum": 21},
              "{Kind::page_size}": {"$ref": "#/definitions/page_size"},
              "{Kind::sheet_size}": {"$ref": "#/definitions/sheet_size"},
              "{Kind::colors}": {"$ref": "#/definitions/colors"},
              "{Kind::dash}": {"$ref": "#/definitions/dash"},
              "{Kind::text}": {"type": "string"},
              "kMarkerList": {"description": "Marker shapes, in order.", "type": "array", "minItems": 1,
                              "items": {"type": "string", "enum":
                                  ["circle", "diamond", "square", "triangle", "none"]}}}
    if spec in simple:
        return dict(simple[spec])
    m = re.fullmatch(r"choice\((\w+)\)", spec)
    if not m:
        raise SystemExit(f"generate.py: no schema for the key kind {spec!r}; add it to kind_schema()")
    words = re.search(r"%s\{([^}]*)\}" % m.group(1), KEYS_CPP).group(1)
    choices = re.findall(r'"([^"]*)"', words)
    return {"type": "string", "enum": choices}


def described(schema, name, texts):
    """`schema` with the key's own description first (editors show it on hover)."""
    if name not in texts:
        raise SystemExit(f"generate.py: the key {name} has no description; add one to schema/descriptions.py")
    schema = dict(schema)
    kind = schema.pop("description", None)
    ref = schema.get("$ref", "")
    if ref.startswith("#/definitions/") and not kind:
        kind = DEFS.get(ref.rsplit("/", 1)[1], {}).get("description")
    text = texts[name] if not kind else f"{texts[name]} {kind}"
    if ref.startswith("#/definitions/") and ref.rsplit("/", 1)[1] in DEFS:
        # Draft 7 ignores the siblings of a $ref, and editors show the description
        # nearest the value: a value kind is written out under the key's own words.
        schema.pop("$ref")
        inline = {k: v for k, v in DEFS[ref.rsplit("/", 1)[1]].items() if k != "description"}
        schema = {**inline, **schema}
    elif ref:
        schema = {"allOf": [{"$ref": schema.pop("$ref")}], **schema}
    return {"description": text, "markdownDescription": text, **schema}


def style_keys():
    """{table: {key: schema}} from the key table, in its order."""
    tables = {}
    for table, key, spec in re.findall(r'\{"(\w+)\.(\w+)",\s*(k\w+|choice\(\w+\)|\{Kind::\w+\})', KEYS_CPP):
        tables.setdefault(table, {})[key] = described(kind_schema(spec), f"{table}.{key}", STYLE_TEXT)
    return tables


def table(props, description=None):
    out = {"type": "object", "properties": props, "additionalProperties": False}
    if description:
        out = {"description": description, **out}
    return out


def style_definitions():
    keys = style_keys()
    defs = dict(DEFS)
    for name, props in keys.items():
        defs[f"{name}_table"] = table(props)
    defs["style_tables"] = {name: {"$ref": f"#/definitions/{name}_table"} for name in keys}
    defs["style_tables"]["tag"] = {
        "description": "[tag.NAME]: event keys for the events tagged NAME.",
        "type": "object", "additionalProperties": {"$ref": "#/definitions/event_table"}}
    return defs


def style_schema():
    defs = style_definitions()
    props = {"extends": {"type": "string", "description": "Start from another style: a built-in name or a path."}}
    props.update(defs.pop("style_tables"))
    return {"$schema": "http://json-schema.org/draft-07/schema#", "$id": BASE + "style.schema.json",
            "title": "annals style", "description": "A style file for annals: how its charts look.",
            "type": "object", "properties": props, "additionalProperties": False, "definitions": defs}


def loader_keys(name):
    return re.findall(r'"(\w+)"', re.search(r"%s\[\] = \{([^}]*)\}" % name, LOADER_CPP).group(1))


def timeline_schema():
    defs = style_definitions()
    tables = defs.pop("style_tables")
    date = {"$ref": "#/definitions/date"}
    text = {"type": "string"}
    header = {"title": text, "subtitle": text, "source": text, "description": text,
              "style": {"type": "string", "description": "A built-in style name, or a path relative to this file."},
              "start": date, "end": date, "now": date,
              "scale": {"enum": ["auto", "linear", "collapsed"]},
              "orientation": {"enum": ["horizontal", "vertical"]},
              "locale": {"type": "string", "pattern": r"^([eE][nN]|[eE][sS]|[fF][rR]|[dD][eE]|[pP][tT])(-[A-Za-z0-9]{1,8})*$"}}
    lane = {"id": text, "title": text, "color": {"$ref": "#/definitions/color"}, "group": {"type": "string", "minLength": 1},
            "style": {"$ref": "#/definitions/event_table"}}
    event = {"id": text, "title": text, "date": date, "start": date, "end": date,
             "lane": {"type": "string", "description": "A lane id or title."},
             "description": text, "tags": {"type": "array", "items": text},
             "url": {"type": "string", "format": "uri-reference",
                     "description": "An http, https or mailto link, or a relative path (FORMAT.md 1.1).",
                     "pattern": URL}, "color": {"$ref": "#/definitions/color"},
             "style": {"$ref": "#/definitions/event_table"}, "periods": {}}
    period = {"date": date, "start": date, "end": date}
    link = {"from": {"type": "string"}, "to": {"type": "string"}, "title": text}
    era = {"title": text, "start": date, "end": date, "color": {"$ref": "#/definitions/color"},
           "style": {"$ref": "#/definitions/era_table"}}
    marker = {"title": text, "date": date, "color": {"$ref": "#/definitions/color"},
              "style": {"$ref": "#/definitions/marker_table"}}
    for name, props, prefix in [("kHeaderKeys", header, "timeline"), ("kLaneKeys", lane, "lane"),
                                ("kEventKeys", event, "event"), ("kEraKeys", era, "era"),
                                ("kMarkerKeys", marker, "marker"), ("kPeriodKeys", period, "period"),
                                ("kLinkKeys", link, "link")]:
        if set(loader_keys(name)) != set(props):
            raise SystemExit(f"generate.py: {name} in timeline_loader.cpp is {loader_keys(name)}, "
                             f"the schema has {sorted(props)}")
        for key in props:
            props[key] = described(props[key], f"{prefix}.{key}", TIMELINE_TEXT)
    period_table = table(period, "One period: a span (start and end) or a point (date).")
    period_table["oneOf"] = [{"required": ["date"], "not": {"anyOf": [{"required": ["start"]}, {"required": ["end"]}]}},
                             {"required": ["start", "end"], "not": {"required": ["date"]}}]
    event["periods"] = {**event["periods"], "type": "array", "minItems": 1, "items": period_table}
    event_table = table(event, "An event: title and either date, or start and end, or periods.")
    event_table["required"] = ["title"]
    event_table["oneOf"] = [{"required": ["date"], "not": {"anyOf": [{"required": ["start"]}, {"required": ["end"]},
                                                                     {"required": ["periods"]}]}},
                            {"required": ["start", "end"], "not": {"anyOf": [{"required": ["date"]},
                                                                             {"required": ["periods"]}]}},
                            {"required": ["periods"], "not": {"anyOf": [{"required": ["date"]}, {"required": ["start"]},
                                                                        {"required": ["end"]}]}}]
    link_table = table(link, "An arrow from one event's mark to another's, routed around the labels.")
    link_table["required"] = ["from", "to"]
    era_table = table(era, "A background band across all lanes.")
    era_table["required"] = ["start", "end"]
    marker_table = table(marker, "A vertical rule across all lanes.")
    marker_table["required"] = ["date"]
    lane_table = table(lane, "A lane, drawn in the order written.")
    lane_table["anyOf"] = [{"required": ["id"]}, {"required": ["title"]}]
    props = {
        "timeline": table(header, "The chart as a whole."),
        "lane": {"type": "array", "items": lane_table},
        "event": {"type": "array", "minItems": 1, "items": event_table},
        "era": {"type": "array", "items": era_table},
        "marker": {"type": "array", "items": marker_table},
        "link": {"type": "array", "items": link_table},
        "style": {"description": "Style overrides for this timeline (the tables of a style file).",
                  "type": "object", "properties": tables, "additionalProperties": False},
    }
    if set(loader_keys("kTopKeys")) != set(props):
        raise SystemExit("generate.py: kTopKeys in timeline_loader.cpp changed; update timeline_schema()")
    return {"$schema": "http://json-schema.org/draft-07/schema#", "$id": BASE + "timeline.schema.json",
            "title": "annals timeline", "description": "Dated events for annals to draw as a timeline.",
            "type": "object", "properties": props, "required": ["event"], "additionalProperties": False,
            "definitions": defs}


def main():
    check = "--check" in sys.argv[1:]
    stale = []
    for name, schema in [("timeline.schema.json", timeline_schema()), ("style.schema.json", style_schema())]:
        path = ROOT / "schema" / name
        text = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        sys.exit(f"FAIL: {', '.join(stale)} out of date with the key tables; run schema/generate.py")


if __name__ == "__main__":
    main()
