"""Transforms SAM templates offline with aws-sam-translator and lints the result with cfn-lint, in one process.

Usage: sam_check.py DIR
  DIR holds <case>.yaml (a SAM template Spec wrote) and optionally <case>.baseline.json (the Framework's template for
  the same spec). For each case it writes <case>.cfn.json (the transformed CloudFormation, when the transform worked)
  and prints one JSON object: {case: {"transform": [errors], "lint": [errors], "baseline": [errors]}}.

The transform runs as cfn-lint runs it (its bundled managed-policy map, no AWS calls), except that only local code
paths are replaced by a placeholder S3 URI: cfn-lint also replaces an AWS::Serverless::Api without a definition by an
S3 one, which would drop the routes the events put there. A lint error counts when the Framework's own template for the
spec does not have it too (deprecated runtimes are the spec's, not the conversion's): the baseline is linted only for
the cases whose SAM result has errors.
"""

import json
import os
import sys

import cfnlint.api
from cfnlint.data import Serverless
from cfnlint.decode import decode
from cfnlint.helpers import load_resource
from samtranslator.parser import parser
from samtranslator.public.exceptions import InvalidDocumentException
from samtranslator.translator.translator import Translator

PLACEHOLDER = "s3://bucket/value"


def is_local(value):
    return isinstance(value, str) and not value.startswith("s3://")


def replace_local_code(template):
    for resource in (template.get("Resources") or {}).values():
        if not isinstance(resource, dict) or not isinstance(resource.get("Properties"), dict):
            continue
        props = resource["Properties"]
        kind = resource.get("Type")
        if kind == "AWS::Serverless::Function":
            key = "ImageUri" if props.get("PackageType") == "Image" else "CodeUri"
            if key not in props or is_local(props[key]):
                props[key] = PLACEHOLDER if key == "CodeUri" else "123456789012.dkr.ecr.us-east-1.amazonaws.com/image:latest"
        if kind == "AWS::Serverless::LayerVersion" and is_local(props.get("ContentUri", ".")):
            props["ContentUri"] = PLACEHOLDER
    globals_ = (template.get("Globals") or {}).get("Function") or {}
    if is_local(globals_.get("CodeUri")):
        globals_["CodeUri"] = PLACEHOLDER


def lint_errors(text, region):
    config = cfnlint.api.ManualArgs(regions=[region])
    out = []
    for match in cfnlint.api.lint(text, config=config):
        if match.rule.severity != "error":
            continue
        path = "/".join(str(p) for p in (match.path or []))
        out.append(f"{match.rule.id} {path}: {match.message}")
    return sorted(set(out))


def main(directory):
    managed = load_resource(Serverless, "ManagedPolicies.json")
    results = {}
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".yaml"):
            continue
        case = name[: -len(".yaml")]
        region = "us-east-1"
        meta_path = os.path.join(directory, case + ".region")
        if os.path.exists(meta_path):
            with open(meta_path, encoding="utf-8") as f:
                region = f.read().strip() or region
        os.environ["AWS_DEFAULT_REGION"] = region
        entry = {"transform": [], "lint": [], "baseline": []}
        results[case] = entry
        template, matches = decode(os.path.join(directory, name))
        if template is None:
            entry["transform"] = [str(m) for m in matches]
            continue
        replace_local_code(template)
        try:
            translator = Translator(managed_policy_map=managed, sam_parser=parser.Parser())
            output = translator.translate(sam_template=template, parameter_values={})
        except InvalidDocumentException as e:
            entry["transform"] = sorted(str(c) for c in e.causes)
            continue
        text = json.dumps(output, indent=1, sort_keys=False)
        with open(os.path.join(directory, case + ".cfn.json"), "w", encoding="utf-8") as f:
            f.write(text)
        entry["lint"] = lint_errors(text, region)
        baseline = os.path.join(directory, case + ".baseline.json")
        if entry["lint"] and os.path.exists(baseline):
            with open(baseline, encoding="utf-8") as f:
                entry["baseline"] = lint_errors(f.read(), region)
    json.dump(results, sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1])
