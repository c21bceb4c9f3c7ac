#!/usr/bin/env python3
"""Generate src/Spec.Rules/Data/eb-options.json, Spec's offline catalogue of Elastic Beanstalk configuration options.

Sources (see README.md beside this script):
  * the option tables of the AWS Elastic Beanstalk Developer Guide, from the archived repository
    awsdocs/aws-elastic-beanstalk-developer-guide at commit 5d7c96f (doc_source/command-options-general.md,
    command-options-specific.md, and the "Recommended values" list of command-options.md);
  * overrides.json beside this script: typed constraints where the guide's "Valid values" column is prose, the tier an
    option belongs to, and the options the live guide added since the archive (each with its source and check date).

Only names, defaults and constraints are extracted (the guide is CC-BY-SA-4.0; no prose is copied).

Run:
  python3 tools/eb-options/generate.py --git /path/to/aws-elastic-beanstalk-developer-guide.git > src/Spec.Rules/Data/eb-options.json
  python3 tools/eb-options/generate.py --docs DIR_WITH_THE_THREE_MD_FILES > src/Spec.Rules/Data/eb-options.json
Needs Python 3.8+ (standard library only) and git when --git is used.
"""
import argparse
import json
import os
import re
import subprocess
import sys

COMMIT = "5d7c96f"
FILES = ["command-options-general.md", "command-options-specific.md", "command-options.md"]
HERE = os.path.dirname(os.path.abspath(__file__))

# Placeholder segments of namespace names in the guide, and what they stand for.
PLACEHOLDERS = {"process_name": "{name}", "listener_port": "{port}", "rule_name": "{name}", "policy_name": "{name}"}


def read_sources(args):
    texts = {}
    for name in FILES:
        if args.git:
            texts[name] = subprocess.run(
                ["git", "--git-dir", args.git, "show", f"{args.commit}:doc_source/{name}"],
                check=True, capture_output=True, text=True).stdout
        else:
            with open(os.path.join(args.docs, name), encoding="utf-8") as f:
                texts[name] = f.read()
    return texts


def clean(cell):
    cell = cell.replace("<br />", " ")
    cell = re.sub(r"\\(.)", r"\1", cell)
    return re.sub(r"\s+", " ", cell).strip()


def namespace_key(raw):
    parts = raw.split(":")
    return ":".join(PLACEHOLDERS.get(p, p) for p in parts)


def parse_tables(name, text):
    """Yields (namespace, option, default, valid, context) for every row of every option table."""
    ns = None
    legacy = False
    platform = None
    for line in text.splitlines():
        if line.startswith("## "):
            legacy = False
            m = re.match(r"## (.+?) platform options", clean(line))
            platform = m.group(1) if m and name == "command-options-specific.md" else None
        if line.startswith("### "):
            legacy = "Amazon Linux AMI" in line
        m = re.search(r"Namespace: `([^`]+)`", line)
        if m:
            ns = namespace_key(clean(m.group(1)))
            continue
        if line.startswith("#"):
            ns = None if not line.startswith("####") else ns
            continue
        if ns is None or not line.startswith("|"):
            continue
        cells = [clean(c) for c in line.strip().strip("|").split("|")]
        first = cells[0].strip("* ")
        if first in ("Name", "") or set(cells[0]) <= set("- "):
            continue
        yield ns, cells, {"legacy": legacy, "platform": platform}


def option_name(cell):
    name = cell.strip("` ")
    deprecated = name.startswith("(deprecated)")
    if deprecated:
        name = name[len("(deprecated)"):].strip()
    return name, deprecated


TOKEN = re.compile(r"`([^`]*)`")


def infer(valid, default):
    """A typed constraint from the guide's "Valid values" cell, or a plain string when it is prose."""
    v = valid.strip()
    m = re.fullmatch(r"`?(-?\d+(?:\.\d+)?)`?\s+to\s+`?(-?\d+(?:\.\d+)?)`?(?:\s*(?:seconds|GB))?", v)
    if m:
        lo, hi = m.group(1), m.group(2)
        if "." in lo or "." in hi:
            return {"type": "number", "min": float(lo), "max": float(hi)}
        return {"type": "integer", "min": int(lo), "max": int(hi)}
    if re.fullmatch(r"\d+(?:\s*,\s*\d+)+", v):
        return {"type": "enum", "values": [x.strip() for x in v.split(",")]}
    tokens = TOKEN.findall(v)
    if tokens and TOKEN.sub("", v).strip() == "":
        values = [t.strip().strip("'") for t in tokens]
        if {x.lower() for x in values} <= {"true", "false"}:
            return {"type": "boolean"}
        return {"type": "enum", "values": values}
    if re.fullmatch(r"(?i)true\s+false", v):
        return {"type": "boolean"}
    return {"type": "string"}


def normal_default(default):
    """The default when the guide gives one value; None when it gives none or describes it in prose."""
    d = default.strip()
    tokens = TOKEN.findall(d)
    if len(tokens) == 1 and TOKEN.sub("", d).strip() in ("", "seconds", "(one day)", "(30 minutes)"):
        return tokens[0].strip("'")
    if tokens or d in ("", "None", "n/a", "varies") or len(d) > 24 or "." in d.rstrip("."):
        return None
    return d.strip("*")


def recommended(text):
    """{(namespace, option): [client, ...]} from the "Recommended values" section of command-options.md."""
    out = {}
    section = text.split("## Recommended values", 1)[1] if "## Recommended values" in text else ""
    client = None
    ns = None
    for line in section.splitlines():
        if line.startswith("## "):
            break
        c = clean(line)
        if c.startswith("**Elastic Beanstalk console**"):
            client = "console"
        elif c.startswith("**EB CLI**"):
            client = "ebcli"
        m = re.search(r"Namespace: `([^`]+)`", c)
        if m:
            ns = m.group(1)
            continue
        if ns and c.startswith("Option Name"):
            for option in TOKEN.findall(c):
                clients = out.setdefault((ns, option), [])
                if client not in clients:
                    clients.append(client)
            ns = None
    return out


def build(texts, overrides):
    catalogue = {}
    general = {ns for ns, _, _ in parse_tables(FILES[0], texts[FILES[0]])}
    for name in FILES[:2]:
        for ns, cells, ctx in parse_tables(name, texts[name]):
            entry = catalogue.setdefault(ns, {"options": {}})
            if ctx["legacy"]:
                entry["legacy"] = True
            if ctx["platform"] and ns not in general:
                platforms = entry.setdefault("platforms", [])
                if ctx["platform"] not in platforms:
                    platforms.append(ctx["platform"])
            if len(cells) == 2:
                entry["open"] = True  # "path -> folder" tables: every option name is the user's own
                continue
            if len(cells) < 4:
                continue
            option, deprecated = option_name(cells[0])
            if option.startswith("*") or option.startswith("Any "):
                entry["open"] = True
                continue
            constraint = infer(cells[3], cells[2])
            constraint["default"] = normal_default(cells[2])
            if deprecated:
                constraint["deprecated"] = True
            previous = entry["options"].get(option)
            if previous and previous.get("type") == "enum" and constraint.get("type") == "enum":
                # The same option in several platform tables (ProxyServer): any platform's value is valid.
                merged = previous["values"] + [x for x in constraint["values"] if x not in previous["values"]]
                constraint["values"] = merged
            entry["options"][option] = constraint

    for (ns, option), clients in recommended(texts["command-options.md"]).items():
        catalogue[ns]["options"][option]["recommended"] = sorted(clients)

    for ns, patch in overrides["namespaces"].items():
        entry = catalogue.setdefault(ns, {"options": {}})
        for key, value in patch.items():
            if key == "options":
                continue
            entry[key] = value
        for option, fields in patch.get("options", {}).items():
            target = entry["options"].setdefault(option, {})
            if "type" in fields:
                for stale in ("min", "max", "values", "pattern"):
                    target.pop(stale, None)
            target.update(fields)
    return catalogue


def emit(catalogue, overrides):
    lines = ["{"]
    for key in ("description", "source", "snapshot", "maxAgeDays"):
        lines.append(f"  {json.dumps(key)}: {json.dumps(overrides[key], ensure_ascii=False)},")
    lines.append('  "namespaces": {')
    names = sorted(catalogue)
    for i, ns in enumerate(names):
        entry = catalogue[ns]
        head = {k: entry[k] for k in sorted(entry) if k != "options"}
        lines.append(f"    {json.dumps(ns)}: {{")
        for k, v in head.items():
            lines.append(f"      {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)},")
        lines.append('      "options": {')
        options = sorted(entry["options"])
        for j, option in enumerate(options):
            body = {k: entry["options"][option][k] for k in sorted(entry["options"][option])}
            comma = "," if j < len(options) - 1 else ""
            lines.append(f"        {json.dumps(option)}: {json.dumps(body, ensure_ascii=False, separators=(', ', ': '))}{comma}")
        lines.append("      }")
        lines.append("    }" + ("," if i < len(names) - 1 else ""))
    lines.append("  }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--git", help="git dir of awsdocs/aws-elastic-beanstalk-developer-guide")
    source.add_argument("--docs", help="a folder holding " + ", ".join(FILES))
    parser.add_argument("--commit", default=COMMIT)
    parser.add_argument("--overrides", default=os.path.join(HERE, "overrides.json"))
    args = parser.parse_args()
    with open(args.overrides, encoding="utf-8") as f:
        overrides = json.load(f)
    sys.stdout.write(emit(build(read_sources(args), overrides), overrides))


if __name__ == "__main__":
    main()
