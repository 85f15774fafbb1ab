#!/usr/bin/env bash
# What no offline test can prove, checked in a real org (a scratch org or a sandbox, never
# production) in one command, with one report of what passed and what failed:
#
#   scripts/verify-in-org.sh <alias> [--deploy] [--skip-data] [--namespace <ns>]
#
#   1. build, then a check-only deployment of force-app (sf project deploy validate): the
#      platform's own compile of every file, formula sizes included; nothing is saved
#   2. --deploy: deploy force-app for real and assign the permission sets (a scratch org without
#      the package); otherwise the package must already be in the org (setup-scratch-org.sh)
#   3. import the sample data, dated today (--skip-data: the org has it already)
#   4. every component's GraphQL query (from the built components) through the org's GraphQL API
#   5. sf mam doctor, 6. sf mam identify (a dry run), 7. sf mam health: the org's formula fields
#      must agree with the TypeScript health model on every active plan
#
# Needs the Salesforce CLI (`sf`) logged in to <alias>, and `npm ci` done. Exit 0 when every step
# passed, 1 when one failed, 2 on a usage error. Logs of every step stay in the folder it prints.
set -euo pipefail

# usage [status]: the usage on stderr and exit 2, or on stdout and exit 0 when asked for (--help).
usage() {
  local status="${1:-2}"
  {
    echo "usage: scripts/verify-in-org.sh <alias> [--deploy] [--skip-data] [--namespace <ns>]"
    echo "  <alias>       a scratch org or sandbox you are logged in to (sf org login web --alias <alias>)"
    echo "  --deploy      deploy force-app and assign the permission sets after the check-only deployment"
    echo "  --skip-data   do not import the sample data (the org has it already)"
    echo "  --namespace   the package namespace, for an org where the package is installed namespaced"
  } >&"$(( status == 0 ? 1 : 2 ))"
  exit "$status"
}

alias_name=""
deploy=false
skip_data=false
namespace=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --deploy) deploy=true ;;
    --skip-data) skip_data=true ;;
    --namespace)
      [[ $# -ge 2 && -n "$2" ]] || usage
      namespace="$2"
      shift
      ;;
    -h | --help) usage 0 ;;
    -*) echo "unknown option: $1" >&2; usage ;;
    *)
      [[ -z "$alias_name" ]] || { echo "one alias only: $alias_name, then $1" >&2; usage; }
      alias_name="$1"
      ;;
  esac
  shift
done
[[ -n "$alias_name" ]] || usage

cd "$(dirname "$0")/.."
command -v sf >/dev/null || { echo "The Salesforce CLI (sf) is not installed: npm install -g @salesforce/cli" >&2; exit 1; }
command -v node >/dev/null || { echo "Node.js is not installed" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/mam-verify-XXXXXX")"
report=()
failed=0

# step <name> <command...>: runs the command with its output in a log, records PASS or FAIL.
step() {
  local name="$1"
  shift
  local log
  log="$work/$(printf '%02d' "$((${#report[@]} + 1))")-${name//[^A-Za-z0-9]/-}.log"
  echo "== $name"
  if "$@" >"$log" 2>&1; then
    report+=("PASS  $name")
  else
    report+=("FAIL  $name (log: $log)")
    failed=$((failed + 1))
    tail -n 20 "$log" | sed 's/^/   | /' >&2
  fi
}

# json_field <file> <javascript expression over r>: prints a value from a --json output, or
# "unreadable: ..." when the file is not JSON.
json_field() {
  node -e '
    const fs = require("fs");
    let r;
    try { r = JSON.parse(fs.readFileSync(process.argv[1], "utf8")); } catch (e) { console.log("unreadable: " + fs.readFileSync(process.argv[1], "utf8").slice(0, 200)); process.exit(0); }
    const v = (new Function("r", "return " + process.argv[2]))(r);
    console.log(v ?? "");' "$1" "$2"
}

run_mam() {
  ./bin/run.js mam "$@" --target-org "$alias_name" ${namespace:+--namespace "$namespace"}
}

check_graphql() {
  local user="$work/user.json" accounts="$work/accounts.json" list="$work/graphql-requests.tsv"
  local api bad=0 file label expect answer errors
  sf org display user --target-org "$alias_name" --json >"$user" || return 1
  sf data query --target-org "$alias_name" --query "SELECT Id, Name FROM Account ORDER BY Name LIMIT 2000" --json >"$accounts" || return 1
  npx tsx scripts/verify-in-org/graphql-requests.ts --out "$work/graphql" --user "$user" --accounts "$accounts" ${namespace:+--namespace "$namespace"} >"$list" || return 1
  api="$(node -p 'require("./sfdx-project.json").sourceApiVersion')" || return 1
  while IFS=$'\t' read -r file label expect; do
    if [[ "$file" == "-" ]]; then
      echo "FAIL $label: $expect"
      bad=$((bad + 1))
      continue
    fi
    answer="${file%.json}.answer.json"
    # `sf api request graphql` sends only the query text; the components send variables too, so
    # the request goes to the same GraphQL endpoint through `sf api request rest` with both.
    if ! sf api request rest "services/data/v$api/graphql" --method POST --body "@$file" --target-org "$alias_name" >"$answer"; then
      echo "FAIL $label: the request failed (see $answer)"
      bad=$((bad + 1))
      continue
    fi
    # a GraphQL answer is {data, errors}; an HTTP error is a list of {errorCode, message}
    errors="$(json_field "$answer" 'Array.isArray(r) ? r.map((e) => e.errorCode + ": " + e.message).join("; ") : (r.errors || []).map((e) => e.message).join("; ") || (r.data ? "" : "no data in the answer")')"
    if [[ "$expect" == "data" && -z "$errors" ]]; then
      echo "pass $label"
    elif [[ "$expect" == rejects:* && -n "$errors" ]]; then
      echo "pass $label: refused as expected ($errors)"
    else
      echo "FAIL $label: expected $expect, got ${errors:-data}"
      bad=$((bad + 1))
    fi
  done <"$list"
  [[ $bad -eq 0 ]]
}

import_sample_data() {
  npx tsx scripts/generate-sample-data.ts --as-of "$(date -u +%F)" --out "$work/data" || return 1
  sf data import tree --plan "$work/data/sample-data-plan.json" --target-org "$alias_name"
}

check_health() {
  local out="$work/health.json" mismatches
  # exit status 1 only means a plan is below --fail-under, which is not asked here
  run_mam health --json >"$out" || true
  mismatches="$(json_field "$out" 'r.status !== 0 ? "error: " + r.message : (r.result.plans || []).filter((p) => p.orgScore !== undefined).map((p) => p.account + ": org " + p.orgScore + ", model " + p.health.score).join("; ")')"
  echo "active plans: $(json_field "$out" '(r.result && r.result.plans || []).length')"
  [[ "$mismatches" != unreadable:* ]] || { echo "sf mam health --json did not answer JSON: $mismatches"; return 1; }
  [[ -z "$mismatches" ]] || { echo "the org's Health_Score__c disagrees with the TypeScript model: $mismatches"; return 1; }
}

echo "Checking org '$alias_name' (logs in $work)"
step "build" npm run build
step "check-only deployment" sf project deploy validate --source-dir force-app --target-org "$alias_name" --wait 30
if [[ "$deploy" == true ]]; then
  step "deployment" sf project deploy start --source-dir force-app --target-org "$alias_name" --wait 30
  step "permission sets" sf org assign permset --name Major_Account_Admin --name Major_Account_Manager --target-org "$alias_name"
fi
if [[ "$skip_data" == false ]]; then
  step "sample data" import_sample_data
fi
step "component GraphQL queries" check_graphql
step "sf mam doctor" run_mam doctor
step "sf mam identify (dry run)" run_mam identify
step "sf mam health (formulas equal the model)" check_health

echo
echo "verify-in-org: $alias_name"
printf '  %s\n' "${report[@]}"
echo "logs: $work"
if [[ $failed -gt 0 ]]; then
  echo "$failed step(s) failed" >&2
  exit 1
fi
echo "every step passed"
