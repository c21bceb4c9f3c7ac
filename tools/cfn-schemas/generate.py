#!/usr/bin/env python3
"""Extract the statically checkable property constraints of every CloudFormation resource type in the us-east-1
registry schemas that cfn-lint ships (minimum/maximum, enum, pattern, minLength/maxLength, minItems/maxItems, required
keys, the type of integer/number/boolean scalars, and which properties must, must not or may only together be present:
oneOf/anyOf groups, requiredXor/requiredOr, dependencies/dependentRequired, dependentExcluded), and each type's
Fn::GetAtt attribute names, into the JSON that Spec's SLS-GEN-009, SLS-GEN-011 and SLS-GEN-012 read
(src/Spec.Rules/Data/cfn-constraints.json).

Data only: no cfn-lint code is copied. The schemas are AWS's resource provider schemas as cfn-lint bundles them (with
cfn-lint's patches applied, which add requiredXor, requiredOr and dependentExcluded). The GetAtt names are the schemas'
readOnlyProperties plus the names cfn-lint's schema manager adds for the legacy types whose Fn::GetAtt also returns
writable properties (AWS::SQS::Queue's QueueName, …): read through cfn-lint's API when this script runs.

    python3 tools/cfn-schemas/generate.py --checked YYYY-MM-DD > src/Spec.Rules/Data/cfn-constraints.json
"""
import argparse
import json
import os
import sys
from importlib.metadata import version

import cfnlint
from cfnlint.data.schemas.providers import us_east_1
from cfnlint.schema import PROVIDER_SCHEMA_MANAGER

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


# Keys a oneOf/anyOf branch may have and still be a statement about which properties are present.
BRANCH_KEYS = {"required", "properties", "additionalProperties", "type", "title", "description", "oneOf", "anyOf", "allOf"}
# How many presence groups of each source keyword were extracted, and how many were left out (they choose by a value's
# type or shape, which a statement about present keys cannot say): filled by walk().
PRESENCE_SOURCES = {}


def tally(keyword, extracted):
    key = keyword if extracted else keyword + " (left out)"
    PRESENCE_SOURCES[key] = PRESENCE_SOURCES.get(key, 0) + 1


def trivial(node):
    """A property schema that constrains nothing about its value."""
    return isinstance(node, dict) and not (set(node) - {"title", "description", "$comment", "examples"})


def branch(node, schema):
    """A oneOf/anyOf branch as a statement about present keys: `required`, `only` (the keys allowed, when
    additionalProperties is false), `valued` (keys whose value the branch constrains: a branch is only known to match
    when none of them is present) and nested `oneOf`/`anyOf` groups; None when the branch also constrains the value's
    type or anything but its keys."""
    node = resolve(node, schema)
    if not isinstance(node, dict) or set(node) - BRANCH_KEYS:
        return None
    if node.get("type", "object") != "object":
        return None
    out = {}
    required = [r for r in node.get("required", []) if isinstance(r, str)]
    if required:
        out["required"] = sorted(set(required))
    properties = node.get("properties", {})
    if not isinstance(properties, dict):
        return None
    if node.get("additionalProperties") is False:
        out["only"] = sorted(properties)
    valued = sorted(k for k, v in properties.items() if not trivial(v))
    if valued:
        out["valued"] = valued
    for keyword in ("oneOf", "anyOf"):
        if keyword in node:
            group = [branch(b, schema) for b in node[keyword]]
            if not group or any(b is None for b in group):
                return None
            out[keyword] = group
    for part in node.get("allOf", []):
        sub = branch(part, schema)
        if sub is None:
            return None
        out["required"] = sorted(set(out.get("required", [])) | set(sub.get("required", [])))
        for keyword in ("oneOf", "anyOf"):
            if keyword in sub:
                if keyword in out:  # two groups of one keyword in one branch: not expressible here, left out
                    return None
                out[keyword] = sub[keyword]
    return out


def presence(node, schema, nested=False):
    """The statements a (sub)schema makes about which keys are present together, each one condition:
    {"oneOf": [branch…]}, {"anyOf": [branch…]}, {"requires": {key: [keys]}}, {"excludes": {key: [keys]}}.
    A `required`-only allOf part is merged into the node's `required` by walk(), or, nested, kept as a one-branch anyOf."""
    conditions = []
    for keyword in ("oneOf", "anyOf"):
        if keyword in node:
            group = [branch(b, schema) for b in node[keyword]]
            ok = bool(group) and all(b is not None for b in group)
            tally(keyword, ok)
            if ok:
                conditions.append({keyword: group})
    for part in node.get("allOf", []):
        part = resolve(part, schema)
        if set(part) == {"required"}:
            if nested:
                tally("allOf", True)
                conditions.append({"anyOf": [{"required": sorted(part["required"])}]})
            continue
        sub = presence(part, schema, nested=True) if not set(part) - {"oneOf", "anyOf", "allOf"} else None
        tally("allOf", sub is not None)
        conditions.extend(sub or [])
    for keyword, kind in (("requiredXor", "oneOf"), ("requiredOr", "anyOf")):
        keys = node.get(keyword)
        if isinstance(keys, list) and keys:
            tally(keyword, True)
            conditions.append({kind: [{"required": [k]} for k in keys]})
    for keyword in ("dependentRequired", "dependencies"):
        for key, needed in (node.get(keyword) or {}).items():
            if isinstance(needed, list):
                tally(keyword, True)
                conditions.append({"requires": {key: sorted(needed)}})
            else:
                tally(keyword, False)
    for key, excluded in (node.get("dependentExcluded") or {}).items():
        if isinstance(excluded, list):
            tally("dependentExcluded", True)
            conditions.append({"excludes": {key: sorted(excluded)}})
    return conditions


def walk(node, schema, depth, stack):
    """The constraint tree of a (sub)schema: its own constraints, `required`, `presence` (statements about which keys
    are present together), `props` (key -> tree) and `items` (the tree of every list item); None when nothing below is
    checked."""
    node = resolve(node, schema)
    tree = constraints_of(node)
    properties = node.get("properties", {}) if isinstance(node.get("properties"), dict) else {}
    required = {r for r in node.get("required", []) if isinstance(r, str) and r in properties}
    for part in node.get("allOf", []):
        part = resolve(part, schema)
        if set(part) == {"required"}:
            tally("allOf", True)
            required |= {r for r in part["required"] if isinstance(r, str) and r in properties}
    if required:
        tree["required"] = sorted(required)
    conditions = presence(node, schema)
    if conditions:
        tree["presence"] = conditions
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


def getatt_names(type_name):
    """The Fn::GetAtt attribute names of a type (`A.B` for a nested one; `A.*` where any name under A is accepted), or
    None when the type accepts any name (custom resources)."""
    names = set()
    for name in PROVIDER_SCHEMA_MANAGER.get_resource_schema("us-east-1", type_name).get_atts.keys():
        if name == ".*":
            return None
        # `Outputs\..*` and `Items.*.Name` (a list's items): everything under the fixed prefix.
        cut = min([i for i in (name.find("\\"), name.find("*")) if i >= 0], default=-1)
        names.add(name if cut < 0 else name[:cut].rstrip(".") + ".*")
    return sorted(names)


def resource(type_name):
    schema = schema_of(type_name)
    read_only = {p.split("/")[-1] for p in schema.get("readOnlyProperties", []) if p.count("/") == 2}
    writable = {k: v for k, v in schema.get("properties", {}).items() if k not in read_only}
    top = {k: v for k, v in schema.items() if k in ("oneOf", "anyOf", "allOf", "requiredXor", "requiredOr", "dependentRequired", "dependencies", "dependentExcluded")}
    tree = walk({"properties": writable, "required": [r for r in schema.get("required", []) if r not in read_only], **top}, schema, 0, set())
    out = {"resource": type_name, **(tree or {})}
    names = getatt_names(type_name)
    if names is not None:
        out["getatt"] = names
    return out


PRESENCE_KINDS = {"oneOf": "oneOf", "anyOf": "anyOf", "requires": "dependentRequired", "excludes": "dependentExcluded"}


def count(tree, kinds):
    for k, v in tree.items():
        if k == "props":
            for child in v.values():
                count(child, kinds)
        elif k == "items":
            count(v, kinds)
        elif k == "presence":
            for condition in v:
                (keyword, value), = condition.items()
                kind = PRESENCE_KINDS[keyword]
                # A dependency counts once per key it needs or excludes; a group once.
                kinds[kind] = kinds.get(kind, 0) + (sum(len(v) for v in value.values()) if isinstance(value, dict) else 1)
        elif k == "getatt":
            kinds["getatt"] = kinds.get("getatt", 0) + len(v)
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
        "minItems/maxItems, required keys, integer/number/boolean types, and `presence`: oneOf/anyOf groups of keys, "
        "dependencies that require or exclude keys) of each resource type as a tree: a node's own constraints, `props` "
        "(property name -> node) and `items` (the node of every list item); `getatt`: the type's Fn::GetAtt attribute "
        "names (absent for a type that accepts any). "
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
    # Presence groups per keyword of the schemas (requiredXor is stored as a oneOf, requiredOr as an anyOf), and those
    # left out because a branch also constrains a value's type or shape.
    sys.stdout.write(' "presenceSources": ' + json.dumps(dict(sorted(PRESENCE_SOURCES.items())), separators=(",", ":")) + ",\n")
    sys.stdout.write(' "resources": [\n')
    # One resource type per line: small diffs when the schemas change, and a compact file.
    sys.stdout.write(",\n".join("  " + json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in resources))
    sys.stdout.write("\n ]\n}\n")


if __name__ == "__main__":
    main()
