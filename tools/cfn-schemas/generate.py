#!/usr/bin/env python3
"""Extract the statically checkable property constraints of every CloudFormation resource type in the us-east-1
registry schemas that cfn-lint ships (minimum/maximum, enum, pattern, minLength/maxLength, minItems/maxItems, required
keys, and the type of integer/number/boolean scalars) into the JSON that Spec's SLS-GEN-009 and SLS-GEN-011 read
(src/Spec.Rules/Data/cfn-constraints.json).

Data only: no cfn-lint code is used or copied; the schemas are AWS's resource provider schemas as cfn-lint bundles
them (with cfn-lint's patches applied).

    python3 tools/cfn-schemas/generate.py --checked YYYY-MM-DD > src/Spec.Rules/Data/cfn-constraints.json
"""
import argparse
import json
import os
import sys
from importlib.metadata import version

import cfnlint
from cfnlint.data.schemas.providers import us_east_1

KEYWORDS = ["minimum", "maximum", "enum", "pattern", "minLength", "maxLength", "minItems", "maxItems"]
SCALAR_TYPES = {"integer", "number", "boolean"}
MAX_DEPTH = 6
# An enum longer than this (instance types, Regions…) changes with every AWS release and would bloat the file: left out.
MAX_ENUM = 60
# DataFreshnessTests fails when the snapshot is older than this: regenerate with a newer cfn-lint and review.
MAX_AGE_DAYS = 365


def schema_of(type_name):
    directory = os.path.join(os.path.dirname(cfnlint.__file__), "data", "schemas", "resources")
    with open(os.path.join(directory, us_east_1.types[type_name] + ".json"), encoding="utf-8") as f:
        return json.load(f)


def resolve(node, schema):
    seen = 0
    while isinstance(node, dict) and "$ref" in node and seen < 10:
        ref = node["$ref"]
        if not ref.startswith("#/definitions/"):
            return {}
        node = schema.get("definitions", {}).get(ref[len("#/definitions/"):], {})
        seen += 1
    return node if isinstance(node, dict) else {}


def scalar_type(node):
    t = node.get("type")
    if isinstance(t, str) and t in SCALAR_TYPES:
        return t
    return None


def constraints_of(node):
    constraints = {}
    for k in KEYWORDS:
        if k not in node:
            continue
        v = node[k]
        if k == "enum":
            v = [e for e in v if isinstance(e, (str, int)) and not isinstance(e, bool)]
            if not v or len(v) > MAX_ENUM:
                continue
        elif k == "pattern":
            if not isinstance(v, str):
                continue
        elif not isinstance(v, (int, float)) or isinstance(v, bool):
            continue
        constraints[k] = v
    t = scalar_type(node)
    if t:
        constraints["type"] = t
    return constraints


def walk(node, schema, depth, stack):
    """The constraint tree of a (sub)schema: its own constraints, `required`, `props` (key -> tree) and `items` (the
    tree of every list item); None when nothing below is checked."""
    node = resolve(node, schema)
    tree = constraints_of(node)
    properties = node.get("properties", {}) if isinstance(node.get("properties"), dict) else {}
    required = sorted(r for r in node.get("required", []) if isinstance(r, str) and r in properties)
    if required:
        tree["required"] = required
    if depth < MAX_DEPTH:
        props = {}
        for key, child in sorted(properties.items()):
            ref = child.get("$ref") if isinstance(child, dict) else None
            if ref in stack:
                continue
            sub = walk(child, schema, depth + 1, stack | ({ref} if ref else set()))
            if sub:
                props[key] = sub
        if props:
            tree["props"] = props
        items = node.get("items")
        if isinstance(items, dict) and items.get("$ref") not in stack:
            ref = items.get("$ref")
            sub = walk(items, schema, depth + 1, stack | ({ref} if ref else set()))
            if sub:
                tree["items"] = sub
    return tree or None


def resource(type_name):
    schema = schema_of(type_name)
    read_only = {p.split("/")[-1] for p in schema.get("readOnlyProperties", []) if p.count("/") == 2}
    writable = {k: v for k, v in schema.get("properties", {}).items() if k not in read_only}
    tree = walk({"properties": writable, "required": [r for r in schema.get("required", []) if r not in read_only]}, schema, 0, set())
    return {"resource": type_name, **(tree or {})}


def count(tree, kinds):
    for k, v in tree.items():
        if k == "props":
            for child in v.values():
                count(child, kinds)
        elif k == "items":
            count(v, kinds)
        elif k != "type" or isinstance(v, str) and v in SCALAR_TYPES:
            kinds[k] = kinds.get(k, 0) + (len(v) if k == "required" else 1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--checked", required=True, help="the date the data is generated and checked, YYYY-MM-DD")
    args = parser.parse_args()
    resources = [resource(t) for t in sorted(us_east_1.types)]
    kinds_types = len(us_east_1.types)
    resources = [r for r in resources if len(r) > 1]
    sys.stdout.write("{\n")
    sys.stdout.write(' "description": ' + json.dumps(
        "Constraints of CloudFormation resource properties (minimum/maximum, enum, pattern, minLength/maxLength, "
        "minItems/maxItems, required keys, integer/number/boolean types) of each resource type as a tree: a node's own "
        "constraints, `props` (property name -> node) and `items` (the node of every list item). "
        f"Enums longer than {MAX_ENUM} values and read-only properties are left out. Generated by "
        "tools/cfn-schemas/generate.py; do not edit by hand.") + ",\n")
    sys.stdout.write(' "source": ' + json.dumps(
        f"AWS CloudFormation resource provider schemas (us-east-1) as bundled with cfn-lint {version('cfn-lint')}") + ",\n")
    sys.stdout.write(' "snapshot": ' + json.dumps(args.checked) + ",\n")
    sys.stdout.write(' "maxAgeDays": ' + json.dumps(MAX_AGE_DAYS) + ",\n")
    kinds = {}
    for r in resources:
        count({k: v for k, v in r.items() if k != "resource"}, kinds)
    sys.stdout.write(' "types": ' + json.dumps(kinds_types) + ",\n")
    sys.stdout.write(' "counts": ' + json.dumps(dict(sorted(kinds.items())), separators=(",", ":")) + ",\n")
    sys.stdout.write(' "resources": [\n')
    # One resource type per line: small diffs when the schemas change, and a compact file.
    sys.stdout.write(",\n".join("  " + json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in resources))
    sys.stdout.write("\n ]\n}\n")


if __name__ == "__main__":
    main()
