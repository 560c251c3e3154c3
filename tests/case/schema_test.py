#!/usr/bin/python3
"""Keeps docs/case.schema.json in step with `ehdocs validate`.

Walks the schema over a case that uses every list of the format and, for every field it
reaches, makes one change: remove it, give it a value of the wrong type, or (for enums) an
unknown value. The schema and the validator must agree on each changed file: both accept or
both reject. Usage: schema_test.py EHDOCS_BINARY SOURCE_DIR
"""
import copy
import json
import os
import subprocess
import sys
import tempfile

import jsonschema

binary, source = sys.argv[1], sys.argv[2]
schema = json.load(open(os.path.join(source, "docs", "case.schema.json")))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(
    schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def resolve(node):
    while "$ref" in node:
        node = schema["$defs"][node["$ref"].split("/")[-1]]
    return node


def wrong_value(node):
    kind = resolve(node).get("type")
    return {"string": 42, "number": "x", "integer": "x", "boolean": "yes",
            "array": {}, "object": []}.get(kind)


def changes(instance, node, path):
    """Yields (description, mutate) for every field under instance."""
    node = resolve(node)
    if node.get("type") == "object":
        required = set(node.get("required", []))
        for key, sub in node.get("properties", {}).items():
            if key not in instance:
                continue
            yield (f"{path}{key} removed", path + [key], None, key in required)
            wrong = wrong_value(sub)
            if wrong is not None:
                yield (f"{path}{key} = {wrong!r}", path + [key], wrong, False)
            if "enum" in resolve(sub):
                yield (f"{path}{key} = 'bogus'", path + [key], "bogus", False)
            yield from changes(instance[key], sub, path + [key])
    elif node.get("type") == "array" and instance:
        yield from changes(instance[0], node.get("items", {}), path + [0])


def apply(doc, path, value):
    target = doc
    for step in path[:-1]:
        target = target[step]
    if value is None:
        del target[path[-1]]
    else:
        target[path[-1]] = value


def validator_accepts(doc):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(doc, f)
    try:
        rc = subprocess.run([binary, "validate", "--quiet", f.name],
                            stdout=subprocess.DEVNULL).returncode
    finally:
        os.unlink(f.name)
    if rc not in (0, 2):
        raise SystemExit(f"ehdocs validate exited {rc}")
    return rc == 0


base = json.load(open(os.path.join(source, "examples", "okafor-ready-to-close.json")))
base["transfers"] = [{"kind": "step_up", "decided": "2026-06-01", "panel": "Step-up panel",
                      "from": {"service": "FFS", "worker": "w1"},
                      "to": {"service": "CSC", "worker": "Duty social worker"},
                      "handover_meeting": "2026-06-03", "ending_letter": "2026-06-04",
                      "family_informed": False, "not_informed_reason": "Risk to Daniel",
                      "decided_by": "w2"}]
base["plans"][0]["actions"][0]["status"] = "handed_over"
base["closure"]["children_not_seen_alone"] = [{"member": "c2", "reason": "Ruth refused"}]
base["closure"]["safeguarding_decision"] = {"by": "w2", "date": "2026-06-26", "referred": False,
                                            "reasoning": "No worry about harm"}
base["supporting_families"]["employment"] = {"member": "a1", "started": "2026-01-05",
                                             "continuous_until": "2026-07-06"}
base["supporting_families"]["claim"] = {"kind": "continuous_employment",
                                        "submitted": "2026-07-10", "reference": "PBR-1"}

passed = failed = 0
for description, path, value, _ in changes(base, schema, []):
    doc = copy.deepcopy(base)
    apply(doc, path, value)
    schema_ok = validator.is_valid(doc)
    ehdocs_ok = validator_accepts(doc)
    if schema_ok == ehdocs_ok:
        passed += 1
    else:
        failed += 1
        print(f"DISAGREE {description}: schema {'accepts' if schema_ok else 'rejects'}, "
              f"ehdocs {'accepts' if ehdocs_ok else 'rejects'}")

# Things only the validator can check: both examples valid, and these rejected by it alone.
for name in ("okafor-ready-to-close.json", "bennett-disengaged.json"):
    doc = json.load(open(os.path.join(source, "examples", name)))
    if validator.is_valid(doc) and validator_accepts(doc):
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name} is not accepted by both")

validator_only = {
    "dangling member reference": (["contacts", 0, "with", 0], "zz"),
    "duplicate member id": (["family", "members", 1, "id"], "a1"),
    "impossible date inside a datetime": (["referral", "received"], "2026-02-30T09:15"),
}
for description, (path, value) in validator_only.items():
    doc = copy.deepcopy(base)
    apply(doc, path, value)
    if validator.is_valid(doc) and not validator_accepts(doc):
        passed += 1
    else:
        failed += 1
        print(f"FAIL validator-only check '{description}' is not as documented")

print(f"schema_test: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
