#!/usr/bin/env bash
# Creates a scratch org with everything the package needs, the same commands the README shows:
# build, create, deploy, assign permission sets, import sample data (dated for today), open.
# Needs the Salesforce CLI (`sf`) and a Dev Hub you are logged in to (`sf org login web -d`).
set -euo pipefail
cd "$(dirname "$0")/.."

alias_name="${1:-mam}"
days="${SCRATCH_DAYS:-7}"

command -v sf >/dev/null || { echo "The Salesforce CLI (sf) is not installed: npm install -g @salesforce/cli" >&2; exit 1; }

echo "== Build (TypeScript components and the service module)"
npm run build

echo "== Create scratch org '$alias_name' ($days days)"
sf org create scratch --definition-file config/project-scratch-def.json --alias "$alias_name" \
  --duration-days "$days" --set-default --wait 15

echo "== Deploy the package source"
sf project deploy start --source-dir force-app --target-org "$alias_name" --wait 30

echo "== Assign permission sets"
sf org assign permset --name Major_Account_Admin --name Major_Account_Manager --target-org "$alias_name"

echo "== Import sample data (dates relative to today)"
data_dir=$(mktemp -d)
trap 'rm -rf "$data_dir"' EXIT
npx tsx scripts/generate-sample-data.ts --as-of "$(date -u +%F)" --out "$data_dir"
sf data import tree --plan "$data_dir/sample-data-plan.json" --target-org "$alias_name"

echo "== Open the Major Accounts app"
sf org open --target-org "$alias_name" --path lightning/app/c__Major_Accounts
