#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# `liaison import` and `liaison export` on a team server (docs/team-server.md, "Moving in and
# out"), on the throw-away cluster of pg-cluster.sh: tests/test-import-pg.sh LIAISON
# Skipped (77) without PostgreSQL.
. "$(dirname "$0")/lia-test-pg.sh"

# A directory without its export time, which is all that differs between two exports of the
# same data.
export_to () {
  "$liaison" export --database "$1" - | sed 's/ exported="[^"]*"//'
}

count () { grep -c "<$1 " "$2"; }

# Fixtures: partner directories written by Liaison from real files of other programs
# (cards with photos and organizations, calendar invitations with their people, CSV rows).
for f in "$data"/vcard/*.vcf; do "$liaison" import --database cards.db "$f" >/dev/null 2>&1; done
for f in "$data"/ics/*.ics "$data"/csv/thunderbird-export.csv "$data"/csv/roundcube-gmail.csv; do
  "$liaison" import --database other.db "$f" >/dev/null 2>&1
done
"$liaison" export --database cards.db cards.xml >/dev/null
"$liaison" export --database other.db other.xml >/dev/null
check "fixtures have contacts and organizations" \
  '[ "$(count contact cards.xml)" -gt 20 ] && [ "$(count organization cards.xml)" -gt 3 ] && [ "$(count contact other.xml)" -gt 1 ] && [ "$(count interaction other.xml)" -gt 1 ]'

# 1. A directory imported to a server and exported back equals the file exported from a local
#    database of the same import.
uri=$(server one) || { echo "Bail out! no server database"; exit 1; }
check "import a directory into a server" '"$liaison" import --database "$uri" cards.xml >/dev/null'
"$liaison" import --database local.db cards.xml >/dev/null
export_to "$uri" > server.xml
export_to local.db > local.xml
check "the server's export equals the local database's" 'cmp -s server.xml local.xml'
check "the export kept every contact" '[ "$(count contact server.xml)" = "$(count contact cards.xml)" ]'

# vCard, CSV and calendar files go straight to a server too.
check "a vCard, a CSV and a calendar file import into a server" '
  "$liaison" import --database "$uri" "$data"/vcard/calcard-066.vcf >/dev/null &&
  "$liaison" import --database "$uri" "$data"/csv/thunderbird-export.csv >/dev/null &&
  "$liaison" import --database "$uri" "$data"/ics/eds-invite-7.ics >/dev/null'
export_to "$uri" > server.xml

# 2. A failed import leaves the server unchanged.
head -c $(( $(wc -c < other.xml) / 2 )) other.xml > broken.xml
check "a broken directory is refused" '! "$liaison" import --database "$uri" broken.xml >/dev/null 2>err.txt'
check "saying where" 'grep -q "broken.xml:[0-9]*:[0-9]*" err.txt'
export_to "$uri" > after.xml
check "and the server is unchanged" 'cmp -s server.xml after.xml'

# 3. Two processes importing different directories at the same time both land whole.
uri2=$(server two) || { echo "Bail out! no server database"; exit 1; }
"$liaison" import --database "$uri2" cards.xml > one.out 2>&1 &
first=$!
"$liaison" import --database "$uri2" other.xml > two.out 2>&1 &
second=$!
wait $first; rc1=$?
wait $second; rc2=$?
check "two imports at once both succeed" '[ $rc1 = 0 ] && [ $rc2 = 0 ]'
export_to "$uri2" > both.xml
for kind in organization contact interaction; do
  check "both landed whole: every $kind" \
    '[ "$(count $kind both.xml)" = $(( $(count $kind cards.xml) + $(count $kind other.xml) )) ]'
done
check "a sample of records from each is there as it was" '
  for f in cards.xml other.xml; do
    grep -E "<(contact|interaction) " $f | sed -n "1p;5p;\$p" | while read -r line; do
      grep -qF -- "$line" both.xml || exit 1
    done || exit 1
  done'

# ... and two importing the same directory at once: the second waits for the first and finds
#     every record there, so the server holds it once, as a local database would.
uri4=$(server four) || { echo "Bail out! no server database"; exit 1; }
"$liaison" import --database "$uri4" cards.xml > same1.out 2>&1 &
first=$!
"$liaison" import --database "$uri4" cards.xml > same2.out 2>&1 &
second=$!
wait $first; rc1=$?
wait $second; rc2=$?
check "the same directory twice at once: both succeed" '[ $rc1 = 0 ] && [ $rc2 = 0 ]'
export_to "$uri4" > same.xml
export_to local.db > local-cards.xml
check "holding each record once" 'cmp -s same.xml local-cards.xml'

# 4. Moving a local file'"'"'s data to a server and back to a new file keeps every record
#    (the order of a contact'"'"'s equal affiliations aside, which a file does not keep either).
uri3=$(server three) || { echo "Bail out! no server database"; exit 1; }
"$liaison" import --database whole.db cards.xml >/dev/null
"$liaison" import --database whole.db other.xml >/dev/null
check "a file moves to a server" \
  '"$liaison" export --database whole.db - | "$liaison" import --database "$uri3" - > in.out'
check "saying it read standard input" 'grep -q "standard input" in.out'
check "and back to a new file" \
  '"$liaison" export --database "$uri3" - | "$liaison" import --database back.db - >/dev/null'
export_to whole.db | sort > whole.sorted
export_to back.db | sort > back.sorted
check "keeping every record" 'cmp -s whole.sorted back.sorted'
check "of a good size" '[ "$(grep -c "<contact " whole.sorted)" -gt 20 ]'

echo "1..$n"
exit $failed
