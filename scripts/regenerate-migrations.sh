#!/usr/bin/env bash
# Before the first release only: rebuilds drizzle/ from the schema files (0000) and re-adds the
# hand-written SQL (0001). After a release, migrations are forward-only: use `npm run db:generate`.
set -euo pipefail
cd "$(dirname "$0")/.."
custom=$(mktemp)
cp drizzle/0001_audit_append_only.sql "$custom"
rm -rf drizzle
npx drizzle-kit generate --name foundation >/dev/null
npx drizzle-kit generate --custom --name audit_append_only >/dev/null
cp "$custom" drizzle/0001_audit_append_only.sql
rm -f "$custom"
ls drizzle
