#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# `liaison check` on a team server (docs/team-server.md, "Checking a server"), on the throw-away
# cluster of pg-cluster.sh: tests/test-check-pg.sh LIAISON
# Skipped (77) without PostgreSQL.
. "$(dirname "$0")/lia-test-pg.sh"
# A failure shows what `liaison check` printed.
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; sed 's/^/# /' out.txt; }

# A server database of its own, made by `liaison server init`, with the people, organizations
# and affiliations of real address cards.
uri=$(printf '%s' "$LIAISON_TEST_PG" | sed 's/dbname=[^ ]*//')" dbname=lia_check"
psql "$LIAISON_TEST_PG" -qXc "CREATE DATABASE lia_check" >/dev/null || { echo "Bail out! no database"; exit 1; }
"$liaison" server init "$uri" >/dev/null || { echo "Bail out! no server init"; exit 1; }
for f in "$data"/vcard/*.vcf; do "$liaison" import --database "$uri" "$f" >/dev/null 2>&1; done
sql () { psql "$uri" -qXtAc "$1"; }
check "the server has affiliations to check" '[ "$(sql "SELECT count(*) FROM affiliations")" -gt 0 ]'

# 1. A healthy server: nothing to report, status 0.
"$liaison" check --database "$uri" > out.txt 2>&1
check "a healthy server has no problems" '[ $? -eq 0 ] && grep -q "^No problems found" out.txt'

# 2. A dropped index is named, status 1.
sql "DROP INDEX contacts_by_cell_due"
"$liaison" check --database "$uri" > out.txt 2>&1
status=$?
check "a dropped index is reported" \
  '[ $status -eq 1 ] && grep -q "^Index “contacts_by_cell_due” is missing on the server.$" out.txt && grep -q "^1 problem found" out.txt'

# 3. A change log trigger switched off: that table's changes no longer reach the other windows.
sql "ALTER TABLE contacts DISABLE TRIGGER contacts_log_delete"
"$liaison" check --database "$uri" > out.txt 2>&1
check "a change log trigger switched off is reported" \
  'grep -q "^Changes to “contacts” are not written to the change log" out.txt && grep -q "^Trigger “contacts_log_delete” on “contacts” is switched off" out.txt'

# 4. Foreign keys switched off, then an organization deleted under its affiliations.
sql "ALTER TABLE organizations DISABLE TRIGGER ALL;
     DELETE FROM organizations WHERE id = (SELECT min (organization_id) FROM affiliations)"
"$liaison" check --database "$uri" > out.txt 2>&1
check "the orphaned affiliations are reported" \
  'grep -q "^Rows of “affiliations” refer to missing rows of “organizations” (organization_id " out.txt'
check "and the keys switched off" \
  'grep -q "^The foreign keys of “organizations” are switched off on the server.$" out.txt'

# 5. A missing search column.
sql "ALTER TABLE concerns DROP COLUMN search_vector"
"$liaison" check --database "$uri" > out.txt 2>&1
check "a missing search column is reported" \
  'grep -q "^The search column of “concerns” is missing" out.txt && grep -q "^Index “concerns_search” is missing" out.txt'

# 6. A dropped foreign key (pg-polish): named, since nothing keeps those rows whole any more.
sql "ALTER TABLE affiliations DROP CONSTRAINT affiliations_contact_id_fkey"
"$liaison" check --database "$uri" > out.txt 2>&1
status=$?
check "a dropped foreign key is reported by name" \
  '[ $status -eq 1 ] && grep -q "^Foreign key “affiliations_contact_id_fkey” is missing on the server: rows may refer to records that are gone.$" out.txt'
check "and only that key" '[ "$(grep -c "^Foreign key " out.txt)" -eq 1 ]'

psql "$LIAISON_TEST_PG" -qXc "DROP DATABASE lia_check WITH (FORCE)" >/dev/null
echo "1..$n"
exit $failed
