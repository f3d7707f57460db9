#!/usr/bin/env bash
# Runs every test. It builds the package and installs n8n 2.41.1 on Node 24 into a cache outside
# the repository (about 5 minutes and 3 GB the first time, seconds afterwards). Then it runs jest's
# unit project, and the e2e project, which starts one real n8n server. Arguments go to both jest
# runs. Exits non-zero when the build, the install or any test fails.
set -euo pipefail
cd "$(dirname "$0")/.."

npm run build
bash scripts/install-n8n.sh >/dev/null

# With arguments (a path or -t pattern), a project that has no matching test is not a failure.
filtered=()
if [ "$#" -gt 0 ]; then filtered=(--passWithNoTests); fi

# Each project also writes jest's JSON report, so one closing line can count both projects.
reports=$(mktemp -d)
trap 'rm -rf "$reports"' EXIT

# --selectProjects goes last because it takes every following word as a project name.
status=0
npx jest "${filtered[@]}" --json --outputFile="$reports/unit.json" "$@" --selectProjects unit \
  || status=1
# One file at a time: every e2e file talks to the same n8n server and stand-in.
npx jest --runInBand "${filtered[@]}" --json --outputFile="$reports/e2e.json" "$@" \
  --selectProjects e2e || status=1

node -e '
  let passed = 0, failed = 0;
  for (const file of process.argv.slice(1)) {
    try {
      const report = require(file);
      passed += report.numPassedTests;
      failed += report.numFailedTests + report.numRuntimeErrorTestSuites;
    } catch {
      failed += 1; // a project that wrote no report did not run
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
' "$reports/unit.json" "$reports/e2e.json"
exit "$status"
