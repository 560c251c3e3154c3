#!/usr/bin/python3
"""Keeps docs/openapi.yaml and docs/api.md in step with the service.

Every route the service registers (http/ApiEndpoints.cpp) must be a path and method of
openapi.yaml and appear in api.md's endpoint table; every error code the service answers with
(http/ErrorMapper.cpp, server/Errors.cpp) must be in openapi.yaml's error enum and in api.md's
error table. Usage: api_docs_test.py SOURCE_DIR
"""
import os
import re
import sys

import yaml

source = sys.argv[1]


def read(*parts):
    with open(os.path.join(source, *parts), encoding="utf-8") as f:
        return f.read()


endpoints = read("service", "http", "ApiEndpoints.cpp")
routes = re.findall(r'router\.add\(\s*"([A-Z]+)",\s*"([^"]+)"', endpoints)
codes = set(re.findall(r'\{"([a-z_]+)", \d{3}\}', read("service", "http", "ErrorMapper.cpp")))
codes |= set(re.findall(r'POCO_IMPLEMENT_EXCEPTION\(\w+, \w+, "([a-z_]+)"\)',
                        read("service", "server", "Errors.cpp")))
codes |= {"storage_unavailable", "internal_error"}
openapi = yaml.safe_load(read("docs", "openapi.yaml"))
api_md = read("docs", "api.md")

problems = []
if len(routes) < 10 or len(codes) < 10:
    problems.append(f"found only {len(routes)} routes and {len(codes)} codes in the sources")
for method, path in routes:
    if method.lower() not in openapi["paths"].get(path, {}):
        problems.append(f"openapi.yaml lacks {method} {path}")
    documented = path.replace("/api/v1/cases/{id}", "...") if path != "/api/v1/cases/{id}" else path
    if f"`{method} {path}" not in api_md and f"`{method} {documented}" not in api_md:
        problems.append(f"api.md's tables lack {method} {path}")
enum = set(openapi["components"]["schemas"]["Error"]["properties"]["error"]["properties"]
           ["code"]["enum"])
for code in sorted(codes):
    if code not in enum:
        problems.append(f"openapi.yaml's error codes lack {code}")
    if not re.search(rf"^\| `{code}` \| \d{{3}} \|", api_md, re.MULTILINE):
        problems.append(f"api.md's error table lacks {code}")

for p in problems:
    print(p)
sys.exit(1 if problems else 0)
