#!/usr/bin/env bash
# pip-audit over both lock files, exactly as pinned (no resolving, no pip).
# A known vulnerability fails. pip-audit itself counts a package it could not look up as fine and
# says "No known vulnerabilities found" even when it looked up nothing; this says how many it could
# not look up instead, and fails on that too with AUDIT_STRICT=1. (Some networks serve PyPI's
# packages but not the per-release JSON API that pip-audit reads.)
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PY:-.venv/bin/python}"

report="$(mktemp)"
errors="$(mktemp)"
trap 'rm -f "$report" "$errors"' EXIT
"$PY" -m pip_audit --require-hashes --disable-pip --progress-spinner off --format json --output "$report" \
  -r requirements.lock -r requirements-test.lock 2>"$errors" || true

"$PY" - "$report" "${AUDIT_STRICT:-0}" "$errors" <<'PYTHON'
import json
import sys

path, strict, errors = sys.argv[1], sys.argv[2] == "1", sys.argv[3]
try:
    with open(path, encoding="utf-8") as handle:
        dependencies = json.load(handle)["dependencies"]
except (OSError, ValueError, KeyError):
    with open(errors, encoding="utf-8") as handle:
        sys.stderr.write(handle.read())
    sys.exit("pip-audit gav ingen rapport.")
vulnerable = [dep for dep in dependencies if dep.get("vulns")]
skipped = [dep for dep in dependencies if "skip_reason" in dep]
for dep in vulnerable:
    for vuln in dep["vulns"]:
        fixed = ", ".join(vuln.get("fix_versions") or []) or "ingen ännu"
        print(f"{dep['name']} {dep['version']}: {vuln['id']} (åtgärdad i {fixed})")
audited = len(dependencies) - len(skipped)
print(f"pip-audit: {audited} av {len(dependencies)} låsta paket granskade, {len(vulnerable)} med kända sårbarheter.")
if skipped:
    print(f"pip-audit: {len(skipped)} paket kunde inte slås upp, t.ex. {skipped[0]['skip_reason']}")
if vulnerable or (strict and skipped):
    sys.exit(1)
PYTHON
