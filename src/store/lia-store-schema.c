/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-store-private.h"

/* Forward migrations, one per schema version. A migration runs inside the transaction that also
 * sets user_version, so a crash or a full disk leaves the database at the previous version.
 * Never edit a released migration: add the next one. */

/* Version 1: the records. Enums are stored as their nicks, checked by the database itself so that
 * no code path can store a value that a later read would not understand. Times are UTC
 * microseconds; an interaction keeps the UTC offset it was entered with and its local day. */
static const char migration_1[] =
  "PRAGMA application_id = 1279869267;" /* 'LIAS': tells our files from other SQLite files */
  "CREATE TABLE organizations ("
  "  id INTEGER PRIMARY KEY,"
  "  uid TEXT NOT NULL UNIQUE CHECK (length(uid) > 0),"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  short_name TEXT NOT NULL DEFAULT '',"
  "  sector TEXT NOT NULL DEFAULT '',"
  "  parent_id INTEGER REFERENCES organizations (id) ON DELETE SET NULL,"
  "  country TEXT NOT NULL DEFAULT '',"
  "  street TEXT NOT NULL DEFAULT '',"
  "  locality TEXT NOT NULL DEFAULT '',"
  "  region TEXT NOT NULL DEFAULT '',"
  "  postal_code TEXT NOT NULL DEFAULT '',"
  "  address_country TEXT NOT NULL DEFAULT '',"
  "  website TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  influence INTEGER NOT NULL DEFAULT 0 CHECK (influence BETWEEN 0 AND 5),"
  "  interest INTEGER NOT NULL DEFAULT 0 CHECK (interest BETWEEN 0 AND 5),"
  "  stance TEXT NOT NULL DEFAULT 'unknown' CHECK (stance IN"
  "    ('unknown', 'advocate', 'supportive', 'neutral', 'concerned', 'opposed')),"
  "  sort_key TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX organizations_by_name ON organizations (sort_key, id);"
  "CREATE INDEX organizations_by_parent ON organizations (parent_id);"
  "CREATE TABLE organization_tags ("
  "  organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  tag TEXT NOT NULL CHECK (length(tag) > 0),"
  "  PRIMARY KEY (organization_id, position)"
  ") WITHOUT ROWID;"
  "CREATE INDEX organization_tags_by_tag ON organization_tags (tag);"

  "CREATE TABLE contacts ("
  "  id INTEGER PRIMARY KEY,"
  "  uid TEXT NOT NULL UNIQUE CHECK (length(uid) > 0),"
  "  honorific TEXT NOT NULL DEFAULT '',"
  "  given_name TEXT NOT NULL DEFAULT '',"
  "  family_name TEXT NOT NULL DEFAULT '',"
  "  suffix TEXT NOT NULL DEFAULT '',"
  "  display_name TEXT NOT NULL DEFAULT '',"
  "  label TEXT NOT NULL CHECK (length(trim(label)) > 0),"
  "  job_title TEXT NOT NULL DEFAULT '',"
  "  time_zone TEXT NOT NULL DEFAULT '',"
  "  preferred_channel TEXT NOT NULL DEFAULT 'unspecified' CHECK (preferred_channel IN"
  "    ('unspecified', 'email', 'phone', 'messaging', 'in-person', 'letter')),"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  influence INTEGER NOT NULL DEFAULT 0 CHECK (influence BETWEEN 0 AND 5),"
  "  interest INTEGER NOT NULL DEFAULT 0 CHECK (interest BETWEEN 0 AND 5),"
  "  stance TEXT NOT NULL DEFAULT 'unknown' CHECK (stance IN"
  "    ('unknown', 'advocate', 'supportive', 'neutral', 'concerned', 'opposed')),"
  "  sort_key TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX contacts_by_name ON contacts (sort_key, id);"
  "CREATE TABLE contact_points ("
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
  "  medium TEXT NOT NULL CHECK (medium IN ('email', 'phone')),"
  "  position INTEGER NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('work', 'home', 'mobile', 'fax', 'other')),"
  "  value TEXT NOT NULL CHECK (length(value) > 0),"
  "  PRIMARY KEY (contact_id, medium, position)"
  ") WITHOUT ROWID;"
  "CREATE INDEX contact_points_by_value ON contact_points (value COLLATE NOCASE);"
  "CREATE TABLE contact_languages ("
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  language TEXT NOT NULL CHECK (length(language) > 0),"
  "  PRIMARY KEY (contact_id, position)"
  ") WITHOUT ROWID;"
  "CREATE TABLE contact_tags ("
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  tag TEXT NOT NULL CHECK (length(tag) > 0),"
  "  PRIMARY KEY (contact_id, position)"
  ") WITHOUT ROWID;"
  "CREATE INDEX contact_tags_by_tag ON contact_tags (tag);"

  "CREATE TABLE affiliations ("
  "  id INTEGER PRIMARY KEY,"
  "  uid TEXT NOT NULL UNIQUE CHECK (length(uid) > 0),"
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
  "  organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,"
  "  role TEXT NOT NULL DEFAULT '',"
  "  from_date TEXT,"
  "  until_date TEXT,"
  "  is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  CHECK (from_date IS NULL OR until_date IS NULL OR from_date <= until_date)"
  ");"
  "CREATE INDEX affiliations_by_contact ON affiliations (contact_id);"
  "CREATE INDEX affiliations_by_organization ON affiliations (organization_id, contact_id);"

  "CREATE TABLE interactions ("
  "  id INTEGER PRIMARY KEY,"
  "  uid TEXT NOT NULL UNIQUE CHECK (length(uid) > 0),"
  "  kind TEXT NOT NULL CHECK (kind IN"
  "    ('meeting', 'call', 'email', 'event', 'visit', 'letter', 'note')),"
  "  at_utc INTEGER NOT NULL,"
  "  at_offset INTEGER NOT NULL CHECK (at_offset BETWEEN -86400 AND 86400),"
  "  day TEXT NOT NULL,"
  "  duration_minutes INTEGER NOT NULL DEFAULT 0 CHECK (duration_minutes >= 0),"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  location TEXT NOT NULL DEFAULT '',"
  "  summary TEXT NOT NULL DEFAULT '',"
  "  outcome TEXT NOT NULL DEFAULT '',"
  "  sentiment INTEGER NOT NULL DEFAULT 0 CHECK (sentiment BETWEEN -2 AND 2),"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX interactions_by_time ON interactions (at_utc, id);"
  "CREATE TABLE interaction_contacts ("
  "  interaction_id INTEGER NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,"
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (interaction_id, contact_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX interaction_contacts_by_contact ON interaction_contacts (contact_id, interaction_id);"
  "CREATE TABLE interaction_organizations ("
  "  interaction_id INTEGER NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,"
  "  organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (interaction_id, organization_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX interaction_organizations_by_organization"
  "  ON interaction_organizations (organization_id, interaction_id);"

  "CREATE TABLE commitments ("
  "  id INTEGER PRIMARY KEY,"
  "  uid TEXT NOT NULL UNIQUE CHECK (length(uid) > 0),"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  direction TEXT NOT NULL CHECK (direction IN ('ours', 'theirs')),"
  "  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),"
  "  due_date TEXT,"
  "  contact_id INTEGER REFERENCES contacts (id) ON DELETE SET NULL,"
  "  organization_id INTEGER REFERENCES organizations (id) ON DELETE SET NULL,"
  "  interaction_id INTEGER REFERENCES interactions (id) ON DELETE SET NULL,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX commitments_by_due ON commitments (status, due_date);"
  "CREATE INDEX commitments_by_contact ON commitments (contact_id);"
  "CREATE INDEX commitments_by_organization ON commitments (organization_id);"
  "CREATE INDEX commitments_by_interaction ON commitments (interaction_id);"

  "CREATE TABLE concerns ("
  "  id INTEGER PRIMARY KEY,"
  "  uid TEXT NOT NULL UNIQUE CHECK (length(uid) > 0),"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  severity TEXT NOT NULL DEFAULT 'medium' CHECK (severity IN ('low', 'medium', 'high', 'critical')),"
  "  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'mediating', 'resolved', 'closed')),"
  "  opened_date TEXT,"
  "  resolved_date TEXT,"
  "  root_cause TEXT NOT NULL DEFAULT '',"
  "  resolution TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  CHECK (opened_date IS NULL OR resolved_date IS NULL OR opened_date <= resolved_date)"
  ");"
  "CREATE INDEX concerns_by_status ON concerns (status);"
  "CREATE TABLE concern_parties ("
  "  concern_id INTEGER NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  contact_id INTEGER REFERENCES contacts (id) ON DELETE CASCADE,"
  "  organization_id INTEGER REFERENCES organizations (id) ON DELETE CASCADE,"
  "  stated_position TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (concern_id, position),"
  "  CHECK ((contact_id IS NULL) <> (organization_id IS NULL))"
  ") WITHOUT ROWID;"
  "CREATE INDEX concern_parties_by_contact ON concern_parties (contact_id);"
  "CREATE INDEX concern_parties_by_organization ON concern_parties (organization_id);"
  "CREATE TABLE concern_interactions ("
  "  concern_id INTEGER NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,"
  "  interaction_id INTEGER NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (concern_id, interaction_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX concern_interactions_by_interaction ON concern_interactions (interaction_id);";

/* Version 2: full-text search. External-content FTS5 tables (the text is not stored twice),
 * kept in step by triggers, and rebuilt here from whatever a version 1 database holds. */
#define FTS_OPTIONS "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'"
#define FTS_TABLE(table, cols, newcols, oldcols) \
  "CREATE VIRTUAL TABLE " table "_fts USING fts5 (" cols ", content = '" table "'," \
  " content_rowid = 'id', " FTS_OPTIONS ");" \
  "CREATE TRIGGER " table "_fts_insert AFTER INSERT ON " table " BEGIN" \
  "  INSERT INTO " table "_fts (rowid, " cols ") VALUES (new.id, " newcols ");" \
  "END;" \
  "CREATE TRIGGER " table "_fts_delete AFTER DELETE ON " table " BEGIN" \
  "  INSERT INTO " table "_fts (" table "_fts, rowid, " cols ")" \
  "    VALUES ('delete', old.id, " oldcols ");" \
  "END;" \
  "CREATE TRIGGER " table "_fts_update AFTER UPDATE OF " cols " ON " table " BEGIN" \
  "  INSERT INTO " table "_fts (" table "_fts, rowid, " cols ")" \
  "    VALUES ('delete', old.id, " oldcols ");" \
  "  INSERT INTO " table "_fts (rowid, " cols ") VALUES (new.id, " newcols ");" \
  "END;" \
  "INSERT INTO " table "_fts (" table "_fts) VALUES ('rebuild');"

static const char migration_2[] =
  FTS_TABLE ("organizations",
             "name, short_name, sector, notes",
             "new.name, new.short_name, new.sector, new.notes",
             "old.name, old.short_name, old.sector, old.notes")
  FTS_TABLE ("contacts",
             "label, given_name, family_name, job_title, notes",
             "new.label, new.given_name, new.family_name, new.job_title, new.notes",
             "old.label, old.given_name, old.family_name, old.job_title, old.notes")
  FTS_TABLE ("interactions",
             "title, location, summary, outcome",
             "new.title, new.location, new.summary, new.outcome",
             "old.title, old.location, old.summary, old.outcome")
  FTS_TABLE ("commitments",
             "title, notes",
             "new.title, new.notes",
             "old.title, old.notes")
  FTS_TABLE ("concerns",
             "title, root_cause, resolution, notes",
             "new.title, new.root_cause, new.resolution, new.notes",
             "old.title, old.root_cause, old.resolution, old.notes");

/* Version 3: how assessments changed, for briefings ("supportive, was neutral until March").
 * One row per state an organization's or a contact's assessment has been in, written by
 * triggers so that every path that saves a record (the window, an import) keeps it. The time
 * is the record's updated_at, the store's own clock. Records that exist already get one row
 * with what they hold now: what they were before is not known. */
#define ASSESSMENT_TRIGGERS(table, column) \
  "CREATE TRIGGER " table "_assessment_insert AFTER INSERT ON " table \
  "  WHEN new.influence <> 0 OR new.interest <> 0 OR new.stance <> 'unknown' BEGIN" \
  "  INSERT INTO assessment_history (" column ", changed_at, influence, interest, stance)" \
  "    VALUES (new.id, new.updated_at, new.influence, new.interest, new.stance);" \
  "END;" \
  "CREATE TRIGGER " table "_assessment_update AFTER UPDATE OF influence, interest, stance" \
  "  ON " table \
  "  WHEN old.influence IS NOT new.influence OR old.interest IS NOT new.interest" \
  "    OR old.stance IS NOT new.stance BEGIN" \
  "  INSERT INTO assessment_history (" column ", changed_at, influence, interest, stance)" \
  "    VALUES (new.id, new.updated_at, new.influence, new.interest, new.stance);" \
  "END;" \
  "INSERT INTO assessment_history (" column ", changed_at, influence, interest, stance)" \
  "  SELECT id, updated_at, influence, interest, stance FROM " table \
  "  WHERE influence <> 0 OR interest <> 0 OR stance <> 'unknown';"

static const char migration_3[] =
  "CREATE TABLE assessment_history ("
  "  id INTEGER PRIMARY KEY,"
  "  organization_id INTEGER REFERENCES organizations (id) ON DELETE CASCADE,"
  "  contact_id INTEGER REFERENCES contacts (id) ON DELETE CASCADE,"
  "  changed_at INTEGER NOT NULL,"
  "  influence INTEGER NOT NULL CHECK (influence BETWEEN 0 AND 5),"
  "  interest INTEGER NOT NULL CHECK (interest BETWEEN 0 AND 5),"
  "  stance TEXT NOT NULL CHECK (stance IN"
  "    ('unknown', 'advocate', 'supportive', 'neutral', 'concerned', 'opposed')),"
  "  CHECK ((contact_id IS NULL) <> (organization_id IS NULL))"
  ");"
  "CREATE INDEX assessment_history_by_organization"
  "  ON assessment_history (organization_id, changed_at) WHERE organization_id IS NOT NULL;"
  "CREATE INDEX assessment_history_by_contact"
  "  ON assessment_history (contact_id, changed_at) WHERE contact_id IS NOT NULL;"
  ASSESSMENT_TRIGGERS ("organizations", "organization_id")
  ASSESSMENT_TRIGGERS ("contacts", "contact_id");

/* Version 4: a bulk load (a big import) fills the full-text indexes once at its end instead of
 * row by row, which was more than half of an import's time. While the transaction that loads
 * holds a row in bulk_load, new rows (ids above the row's marks) are not indexed, and the
 * index is told nothing of their changes; rows that were there before are kept indexed as
 * always. lia_store_end_bulk_load() indexes the new rows and removes the row. No other
 * connection ever sees it: it is written and removed inside the loading transaction. */
#define FTS_BULK_TRIGGERS(table, cols, newcols, oldcols) \
  "DROP TRIGGER " table "_fts_insert;" \
  "DROP TRIGGER " table "_fts_delete;" \
  "DROP TRIGGER " table "_fts_update;" \
  "CREATE TRIGGER " table "_fts_insert AFTER INSERT ON " table \
  "  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN" \
  "  INSERT INTO " table "_fts (rowid, " cols ") VALUES (new.id, " newcols ");" \
  "END;" \
  "CREATE TRIGGER " table "_fts_delete AFTER DELETE ON " table \
  "  WHEN NOT EXISTS (SELECT 1 FROM bulk_load WHERE old.id > " table "_mark) BEGIN" \
  "  INSERT INTO " table "_fts (" table "_fts, rowid, " cols ")" \
  "    VALUES ('delete', old.id, " oldcols ");" \
  "END;" \
  "CREATE TRIGGER " table "_fts_update AFTER UPDATE OF " cols " ON " table \
  "  WHEN NOT EXISTS (SELECT 1 FROM bulk_load WHERE old.id > " table "_mark) BEGIN" \
  "  INSERT INTO " table "_fts (" table "_fts, rowid, " cols ")" \
  "    VALUES ('delete', old.id, " oldcols ");" \
  "  INSERT INTO " table "_fts (rowid, " cols ") VALUES (new.id, " newcols ");" \
  "END;"

static const char migration_4[] =
  "CREATE TABLE bulk_load ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  organizations_mark INTEGER NOT NULL,"
  "  contacts_mark INTEGER NOT NULL,"
  "  interactions_mark INTEGER NOT NULL,"
  "  commitments_mark INTEGER NOT NULL,"
  "  concerns_mark INTEGER NOT NULL"
  ");"
  FTS_BULK_TRIGGERS ("organizations",
                     "name, short_name, sector, notes",
                     "new.name, new.short_name, new.sector, new.notes",
                     "old.name, old.short_name, old.sector, old.notes")
  FTS_BULK_TRIGGERS ("contacts",
                     "label, given_name, family_name, job_title, notes",
                     "new.label, new.given_name, new.family_name, new.job_title, new.notes",
                     "old.label, old.given_name, old.family_name, old.job_title, old.notes")
  FTS_BULK_TRIGGERS ("interactions",
                     "title, location, summary, outcome",
                     "new.title, new.location, new.summary, new.outcome",
                     "old.title, old.location, old.summary, old.outcome")
  FTS_BULK_TRIGGERS ("commitments",
                     "title, notes",
                     "new.title, new.notes",
                     "old.title, old.notes")
  FTS_BULK_TRIGGERS ("concerns",
                     "title, root_cause, resolution, notes",
                     "new.title, new.root_cause, new.resolution, new.notes",
                     "old.title, old.root_cause, old.resolution, old.notes");

/* Version 5: a change log, so that a window sees what other connections commit (the command
 * line, an import thread, another process; later the team server's other desktops). Triggers
 * on every record table write one row per changed record, whoever writes; a change to a
 * record's own lists (tags, participants, parties…) is logged as an update of the record. A
 * bulk load logs nothing row by row: lia_store_end_bulk_load() writes one "reset" row instead.
 * author is filled by the store for its own writes (NULL when another program wrote). Every
 * thousandth row prunes the log to its last 10,000 rows; a reader that fell behind
 * what was pruned reloads everything. */
#define CHANGE_LOG_NOW "CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER)"
#define CHANGE_LOG_ROW(kind, id, op) \
  "  INSERT INTO change_log (kind, record_id, operation, changed_at)" \
  "    VALUES ('" kind "', " id ", '" op "', " CHANGE_LOG_NOW ");"
#define CHANGE_LOG_RECORD_TRIGGERS(table, kind) \
  "CREATE TRIGGER " table "_log_insert AFTER INSERT ON " table \
  "  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN" \
  CHANGE_LOG_ROW (kind, "new.id", "insert") \
  "END;" \
  "CREATE TRIGGER " table "_log_update AFTER UPDATE ON " table \
  "  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN" \
  CHANGE_LOG_ROW (kind, "new.id", "update") \
  "END;" \
  "CREATE TRIGGER " table "_log_delete AFTER DELETE ON " table \
  "  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN" \
  CHANGE_LOG_ROW (kind, "old.id", "delete") \
  "END;"
#define CHANGE_LOG_CHILD_TRIGGERS(table, kind, column) \
  "CREATE TRIGGER " table "_log_insert AFTER INSERT ON " table \
  "  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN" \
  CHANGE_LOG_ROW (kind, "new." column, "update") \
  "END;" \
  "CREATE TRIGGER " table "_log_update AFTER UPDATE ON " table \
  "  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN" \
  CHANGE_LOG_ROW (kind, "new." column, "update") \
  "END;" \
  "CREATE TRIGGER " table "_log_delete AFTER DELETE ON " table \
  "  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN" \
  CHANGE_LOG_ROW (kind, "old." column, "update") \
  "END;"

static const char migration_5[] =
  "CREATE TABLE change_log ("
  "  seq INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL CHECK (kind IN ('organization', 'contact', 'affiliation',"
  "    'interaction', 'commitment', 'concern', 'all')),"
  "  record_id INTEGER NOT NULL,"
  "  operation TEXT NOT NULL CHECK (operation IN ('insert', 'update', 'delete', 'reset')),"
  "  changed_at INTEGER NOT NULL,"
  "  author TEXT"
  ");"
  "CREATE TRIGGER change_log_prune AFTER INSERT ON change_log"
  "  WHEN new.seq % 1000 = 0 BEGIN"
  "  DELETE FROM change_log WHERE seq <= new.seq - 10000;"
  "END;"
  CHANGE_LOG_RECORD_TRIGGERS ("organizations", "organization")
  CHANGE_LOG_CHILD_TRIGGERS ("organization_tags", "organization", "organization_id")
  CHANGE_LOG_RECORD_TRIGGERS ("contacts", "contact")
  CHANGE_LOG_CHILD_TRIGGERS ("contact_points", "contact", "contact_id")
  CHANGE_LOG_CHILD_TRIGGERS ("contact_languages", "contact", "contact_id")
  CHANGE_LOG_CHILD_TRIGGERS ("contact_tags", "contact", "contact_id")
  CHANGE_LOG_RECORD_TRIGGERS ("affiliations", "affiliation")
  CHANGE_LOG_RECORD_TRIGGERS ("interactions", "interaction")
  CHANGE_LOG_CHILD_TRIGGERS ("interaction_contacts", "interaction", "interaction_id")
  CHANGE_LOG_CHILD_TRIGGERS ("interaction_organizations", "interaction", "interaction_id")
  CHANGE_LOG_RECORD_TRIGGERS ("commitments", "commitment")
  CHANGE_LOG_RECORD_TRIGGERS ("concerns", "concern")
  CHANGE_LOG_CHILD_TRIGGERS ("concern_parties", "concern", "concern_id")
  CHANGE_LOG_CHILD_TRIGGERS ("concern_interactions", "concern", "concern_id");

/* LIA_BULK_LOAD_MARK (lia-store-private.h): migrations that rewrite rows log nothing. */
#define BULK_LOAD_MARK LIA_BULK_LOAD_MARK

/* Version 6: contacts sort by family name or by given name (a setting), without honorifics
 * ("Dr Amina Diallo" under D or A, never under D for Dr), in the locale's collation. The keys
 * are computed in C (lia_contact_sort_key(), defined on every connection) when the store
 * writes a contact, and here for the contacts already there. Nothing anyone reads changes, so
 * the marker in bulk_load keeps the change log from growing a row per contact. The keys are
 * in one collation per database, kept in the collation table (lia_store_adopt_collation()). */
static const char migration_6[] =
  "ALTER TABLE contacts ADD COLUMN family_sort_key TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE contacts ADD COLUMN given_sort_key TEXT NOT NULL DEFAULT '';"
  BULK_LOAD_MARK
  "UPDATE contacts SET"
  "  family_sort_key = lia_contact_sort_key (given_name, family_name, label, 0),"
  "  given_sort_key = lia_contact_sort_key (given_name, family_name, label, 1);"
  "DELETE FROM bulk_load;"
  "CREATE TABLE collation ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  locale TEXT NOT NULL"
  ");"
  "INSERT INTO collation VALUES (1, lia_collation_locale ());"
  "CREATE INDEX contacts_by_family_name ON contacts (family_sort_key, id);"
  "CREATE INDEX contacts_by_given_name ON contacts (given_sort_key, id);";

/* Version 7: the day a commitment was marked done, which "Done on" shows and partner
 * directories carry. Until now only updated_at told it (and any later edit moved it): the
 * commitments already done take the local day of their last change, the best there is. Like
 * version 6, under the bulk_load marker: no change-log row per commitment. */
static const char migration_7[] =
  "ALTER TABLE commitments ADD COLUMN done_date TEXT;"
  BULK_LOAD_MARK
  "UPDATE commitments SET done_date = date (updated_at / 1000000, 'unixepoch', 'localtime')"
  "  WHERE status = 'done';"
  "DELETE FROM bulk_load;";

/* Version 8: the stakeholder map counts its cells and lists each cell's first names by
 * name from an index, instead of reading every organization and contact (a 100,000-contact
 * map took 290 ms to count, see docs/performance.md). */
static const char migration_8[] =
  "CREATE INDEX organizations_by_assessment ON organizations (influence, interest, sort_key, id, stance);"
  "CREATE INDEX contacts_by_assessment ON contacts (influence, interest, sort_key, id, stance);";

/* Version 9: what a contact manager keeps besides names, emails and phones: postal addresses,
 * websites and messaging handles (lists like contact_points, in tables of their own), a
 * nickname and a birthday ("YYYY-MM-DD", or "--MM-DD" when the year is unknown), a photo, and
 * the unit (department) of an affiliation. The photo has its own table so that listing and
 * searching contacts never reads image bytes. "localities" is the contact's address
 * localities, one per line, written by the store on save so that the search index (an
 * external-content FTS5 table over contacts) can find a contact by the city they are in; the
 * index gains it and the nickname and is rebuilt. */
#define CONTACT_FTS_9 "label, given_name, family_name, job_title, notes, nickname, localities"
#define CONTACT_FTS_9_NEW \
  "new.label, new.given_name, new.family_name, new.job_title, new.notes, new.nickname," \
  " new.localities"
#define CONTACT_FTS_9_OLD \
  "old.label, old.given_name, old.family_name, old.job_title, old.notes, old.nickname," \
  " old.localities"
#define CONTACT_KIND_CHECK "CHECK (kind IN ('work', 'home', 'mobile', 'fax', 'other'))"

static const char migration_9[] =
  "ALTER TABLE contacts ADD COLUMN nickname TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE contacts ADD COLUMN birthday TEXT NOT NULL DEFAULT '' CHECK (birthday = ''"
  "  OR birthday GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'"
  "  OR birthday GLOB '--[0-1][0-9]-[0-3][0-9]');"
  "ALTER TABLE contacts ADD COLUMN localities TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE affiliations ADD COLUMN unit TEXT NOT NULL DEFAULT '';"
  "CREATE TABLE contact_addresses ("
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  kind TEXT NOT NULL " CONTACT_KIND_CHECK ","
  "  po_box TEXT NOT NULL DEFAULT '',"
  "  extended TEXT NOT NULL DEFAULT '',"
  "  street TEXT NOT NULL DEFAULT '',"
  "  locality TEXT NOT NULL DEFAULT '',"
  "  region TEXT NOT NULL DEFAULT '',"
  "  postal_code TEXT NOT NULL DEFAULT '',"
  "  country TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (contact_id, position)"
  ") WITHOUT ROWID;"
  "CREATE TABLE contact_websites ("
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  kind TEXT NOT NULL " CONTACT_KIND_CHECK ","
  "  url TEXT NOT NULL CHECK (length(url) > 0),"
  "  PRIMARY KEY (contact_id, position)"
  ") WITHOUT ROWID;"
  "CREATE TABLE contact_ims ("
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  kind TEXT NOT NULL " CONTACT_KIND_CHECK ","
  "  uri TEXT NOT NULL CHECK (uri GLOB '[A-Za-z]*:?*'),"
  "  PRIMARY KEY (contact_id, position)"
  ") WITHOUT ROWID;"
  "CREATE TABLE contact_photos ("
  "  contact_id INTEGER PRIMARY KEY REFERENCES contacts (id) ON DELETE CASCADE,"
  "  mime_type TEXT NOT NULL CHECK (mime_type GLOB 'image/?*'),"
  "  data BLOB NOT NULL CHECK (length(data) > 0)"
  ");"
  CHANGE_LOG_CHILD_TRIGGERS ("contact_addresses", "contact", "contact_id")
  CHANGE_LOG_CHILD_TRIGGERS ("contact_websites", "contact", "contact_id")
  CHANGE_LOG_CHILD_TRIGGERS ("contact_ims", "contact", "contact_id")
  CHANGE_LOG_CHILD_TRIGGERS ("contact_photos", "contact", "contact_id")
  "DROP TABLE contacts_fts;"
  "CREATE VIRTUAL TABLE contacts_fts USING fts5 (" CONTACT_FTS_9 ", content = 'contacts',"
  "  content_rowid = 'id', " FTS_OPTIONS ");"
  FTS_BULK_TRIGGERS ("contacts", CONTACT_FTS_9, CONTACT_FTS_9_NEW, CONTACT_FTS_9_OLD)
  "INSERT INTO contacts_fts (contacts_fts) VALUES ('rebuild');";

/* Version 10: meetings from calendar invitations. A meeting called off stays in the timeline,
 * marked cancelled; the invitation's SEQUENCE is kept so that an older copy imported later
 * does not undo a newer one. */
static const char migration_10[] =
  "ALTER TABLE interactions ADD COLUMN cancelled INTEGER NOT NULL DEFAULT 0"
  "  CHECK (cancelled IN (0, 1));"
  "ALTER TABLE interactions ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0"
  "  CHECK (sequence >= 0);";

/* Version 11: engagement kept in the database, so that lists of stakeholders sort and filter
 * by last contact in SQL. Each organization and contact keeps the local day of its latest
 * interaction, planned ones included (a query "as of" a day before it looks further back,
 * see lia-store-engagement.c): a contact's own interactions; an organization's own and those
 * of its people on days they were affiliated with it, as its timeline shows. Triggers keep it
 * right through every write (an insert only raises it; anything else works it out again for
 * the records it touches), except inside a bulk load, whose end works it out for everyone.
 * Each also gets a stay-in-touch cadence of its own: NULL for its map quadrant's default,
 * 0 for none, else every so many days. And the roles of affiliations get a full-text index. */
#define LATEST_CONTACT_DAY(c) \
  "(SELECT max (t.day) FROM interaction_contacts ic JOIN interactions t ON t.id = ic.interaction_id" \
  "  WHERE ic.contact_id = " c ")"
#define LATEST_ORGANIZATION_DAY(o) \
  "nullif (max (" \
  "  ifnull ((SELECT max (t.day) FROM interaction_organizations io" \
  "    JOIN interactions t ON t.id = io.interaction_id WHERE io.organization_id = " o "), '')," \
  "  ifnull ((SELECT max (t.day) FROM affiliations a" \
  "    JOIN interaction_contacts ic ON ic.contact_id = a.contact_id" \
  "    JOIN interactions t ON t.id = ic.interaction_id" \
  "    WHERE a.organization_id = " o \
  "    AND (a.from_date IS NULL OR t.day >= a.from_date)" \
  "    AND (a.until_date IS NULL OR t.day <= a.until_date)), '')), '')"
/* Work the day out again for the contacts, organizations @where selects; rows whose day
 * does not change are not written. */
#define REDO_CONTACTS(where) \
  "  UPDATE contacts SET latest_interaction_day = " LATEST_CONTACT_DAY ("contacts.id") \
  "  WHERE (" where ") AND latest_interaction_day IS NOT " LATEST_CONTACT_DAY ("contacts.id") ";"
#define REDO_ORGANIZATIONS(where) \
  "  UPDATE organizations SET latest_interaction_day = " LATEST_ORGANIZATION_DAY ("organizations.id") \
  "  WHERE (" where ") AND latest_interaction_day IS NOT " LATEST_ORGANIZATION_DAY ("organizations.id") ";"
#define ORGANIZATIONS_OF(contact) \
  "id IN (SELECT organization_id FROM affiliations WHERE contact_id = " contact ")"
#define NOT_BULK " WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN"
#define INTERACTION_DAY "(SELECT day FROM interactions WHERE id = new.interaction_id)"
#define REDO_ALL_LATEST REDO_CONTACTS ("1") REDO_ORGANIZATIONS ("1")

/* What the end of a bulk load runs (lia-store-bulk.c). When the load began with no
 * interactions at all, every day comes from what it wrote: grouped passes over the
 * participants in the order of their indexes (by contact, by organization, affiliations by
 * organization), instead of two look-ups per record. Each pass reads its index in group order,
 * so nothing is sorted (temp_store is MEMORY: a sort of the million-row union the first
 * version grouped held it all in memory). An organization's day is its own interactions',
 * then raised by its people's within their affiliation. A day that no interaction supports
 * any more cannot exist then, but is cleared all the same. Portable (SQLite 3.39+ and
 * PostgreSQL): the end of a bulk load on a server runs it too. */
const char _lia_store_redo_latest_interactions_sql[] =
  "UPDATE contacts SET latest_interaction_day = NULL"
  "  WHERE latest_interaction_day IS NOT NULL"
  "  AND NOT EXISTS (SELECT 1 FROM interaction_contacts ic WHERE ic.contact_id = contacts.id);"
  "UPDATE contacts SET latest_interaction_day = d.day"
  "  FROM (SELECT ic.contact_id AS id, max (t.day) AS day"
  "        FROM interaction_contacts ic JOIN interactions t ON t.id = ic.interaction_id"
  "        GROUP BY ic.contact_id) AS d"
  "  WHERE contacts.id = d.id AND contacts.latest_interaction_day IS DISTINCT FROM d.day;"
  "UPDATE organizations SET latest_interaction_day = NULL WHERE latest_interaction_day IS NOT NULL;"
  "UPDATE organizations SET latest_interaction_day = d.day"
  "  FROM (SELECT io.organization_id AS id, max (t.day) AS day"
  "        FROM interaction_organizations io JOIN interactions t ON t.id = io.interaction_id"
  "        GROUP BY io.organization_id) AS d"
  "  WHERE organizations.id = d.id;"
  "UPDATE organizations SET latest_interaction_day = d.day"
  "  FROM (SELECT a.organization_id AS id, max (t.day) AS day FROM affiliations a"
  "        JOIN interaction_contacts ic ON ic.contact_id = a.contact_id"
  "        JOIN interactions t ON t.id = ic.interaction_id"
  "        WHERE (a.from_date IS NULL OR t.day >= a.from_date)"
  "        AND (a.until_date IS NULL OR t.day <= a.until_date)"
  "        GROUP BY a.organization_id) AS d"
  "  WHERE organizations.id = d.id"
  "  AND (organizations.latest_interaction_day IS NULL OR organizations.latest_interaction_day < d.day);";

/* The same for the records in temp.lia_bulk_touched only (kind 1: contacts, 0: organizations),
 * which the end of a bulk load into a database that had interactions gathers first: each day
 * worked out once, written only where it changes. */
const char _lia_store_redo_latest_touched_sql[] =
  "UPDATE contacts SET latest_interaction_day = d.day"
  "  FROM (SELECT touched.id AS id, " LATEST_CONTACT_DAY ("touched.id") " AS day"
  "        FROM temp.lia_bulk_touched touched WHERE touched.kind = 1) AS d"
  "  WHERE contacts.id = d.id AND contacts.latest_interaction_day IS NOT d.day;"
  "UPDATE organizations SET latest_interaction_day = d.day"
  "  FROM (SELECT touched.id AS id, " LATEST_ORGANIZATION_DAY ("touched.id") " AS day"
  "        FROM temp.lia_bulk_touched touched WHERE touched.kind = 0) AS d"
  "  WHERE organizations.id = d.id AND organizations.latest_interaction_day IS NOT d.day;";

static const char migration_11[] =
  "ALTER TABLE organizations ADD COLUMN cadence_days INTEGER"
  "  CHECK (cadence_days IS NULL OR cadence_days BETWEEN 0 AND 3650);"
  "ALTER TABLE organizations ADD COLUMN latest_interaction_day TEXT;"
  "ALTER TABLE contacts ADD COLUMN cadence_days INTEGER"
  "  CHECK (cadence_days IS NULL OR cadence_days BETWEEN 0 AND 3650);"
  "ALTER TABLE contacts ADD COLUMN latest_interaction_day TEXT;"
  "CREATE INDEX contacts_by_latest_interaction ON contacts (latest_interaction_day);"
  "CREATE INDEX organizations_by_latest_interaction ON organizations (latest_interaction_day);"
  /* The day is worked out from rows the change log has seen already: writing it is not a
   * change of the record. An UPDATE OF every other column still logs every write the store
   * makes (it sets them all), an undo's move of an id included. */
  "DROP TRIGGER organizations_log_update;"
  "CREATE TRIGGER organizations_log_update AFTER UPDATE OF id, uid, name, short_name, sector,"
  "  parent_id, country, street, locality, region, postal_code, address_country, website, email,"
  "  phone, notes, influence, interest, stance, sort_key, created_at, updated_at, cadence_days"
  "  ON organizations WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN"
  CHANGE_LOG_ROW ("organization", "new.id", "update")
  "END;"
  "DROP TRIGGER contacts_log_update;"
  "CREATE TRIGGER contacts_log_update AFTER UPDATE OF id, uid, honorific, given_name, family_name,"
  "  suffix, display_name, label, job_title, time_zone, preferred_channel, notes, influence,"
  "  interest, stance, sort_key, created_at, updated_at, family_sort_key, given_sort_key,"
  "  nickname, birthday, localities, cadence_days ON contacts WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN"
  CHANGE_LOG_ROW ("contact", "new.id", "update")
  "END;"

  /* A participant added: the interaction's day can only raise the latest. */
  "CREATE TRIGGER interaction_contacts_latest_insert AFTER INSERT ON interaction_contacts" NOT_BULK
  "  UPDATE contacts SET latest_interaction_day = " INTERACTION_DAY
  "  WHERE id = new.contact_id"
  "  AND (latest_interaction_day IS NULL OR latest_interaction_day < " INTERACTION_DAY ");"
  "  UPDATE organizations SET latest_interaction_day = " INTERACTION_DAY
  "  WHERE id IN (SELECT a.organization_id FROM affiliations a WHERE a.contact_id = new.contact_id"
  "    AND (a.from_date IS NULL OR a.from_date <= " INTERACTION_DAY ")"
  "    AND (a.until_date IS NULL OR a.until_date >= " INTERACTION_DAY "))"
  "  AND (latest_interaction_day IS NULL OR latest_interaction_day < " INTERACTION_DAY ");"
  "END;"
  "CREATE TRIGGER interaction_contacts_latest_delete AFTER DELETE ON interaction_contacts" NOT_BULK
  REDO_CONTACTS ("id = old.contact_id")
  REDO_ORGANIZATIONS (ORGANIZATIONS_OF ("old.contact_id"))
  "END;"
  "CREATE TRIGGER interaction_contacts_latest_update AFTER UPDATE ON interaction_contacts" NOT_BULK
  REDO_CONTACTS ("id IN (old.contact_id, new.contact_id)")
  REDO_ORGANIZATIONS (ORGANIZATIONS_OF ("old.contact_id") " OR " ORGANIZATIONS_OF ("new.contact_id"))
  "END;"
  "CREATE TRIGGER interaction_organizations_latest_insert AFTER INSERT ON interaction_organizations"
  NOT_BULK
  "  UPDATE organizations SET latest_interaction_day = " INTERACTION_DAY
  "  WHERE id = new.organization_id"
  "  AND (latest_interaction_day IS NULL OR latest_interaction_day < " INTERACTION_DAY ");"
  "END;"
  "CREATE TRIGGER interaction_organizations_latest_delete AFTER DELETE ON interaction_organizations"
  NOT_BULK
  REDO_ORGANIZATIONS ("id = old.organization_id")
  "END;"
  "CREATE TRIGGER interaction_organizations_latest_update AFTER UPDATE ON interaction_organizations"
  NOT_BULK
  REDO_ORGANIZATIONS ("id IN (old.organization_id, new.organization_id)")
  "END;"
  /* A deleted interaction takes its participants with it (ON DELETE CASCADE), whose triggers
   * see it gone; a moved one changes the day of everyone in it. */
  "CREATE TRIGGER interactions_latest_update AFTER UPDATE OF day ON interactions"
  "  WHEN old.day IS NOT new.day AND NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN"
  REDO_CONTACTS ("id IN (SELECT contact_id FROM interaction_contacts WHERE interaction_id = new.id)")
  REDO_ORGANIZATIONS ("id IN (SELECT organization_id FROM interaction_organizations"
                      "  WHERE interaction_id = new.id"
                      "  UNION SELECT a.organization_id FROM affiliations a"
                      "  JOIN interaction_contacts ic ON ic.contact_id = a.contact_id"
                      "  WHERE ic.interaction_id = new.id)")
  "END;"
  "CREATE TRIGGER affiliations_latest_insert AFTER INSERT ON affiliations" NOT_BULK
  REDO_ORGANIZATIONS ("id = new.organization_id")
  "END;"
  "CREATE TRIGGER affiliations_latest_delete AFTER DELETE ON affiliations" NOT_BULK
  REDO_ORGANIZATIONS ("id = old.organization_id")
  "END;"
  "CREATE TRIGGER affiliations_latest_update"
  "  AFTER UPDATE OF contact_id, organization_id, from_date, until_date ON affiliations" NOT_BULK
  REDO_ORGANIZATIONS ("id IN (old.organization_id, new.organization_id)")
  "END;"

  /* Roles held, current and former, for search ("deputy director" finds whoever was one).
   * An undo moves a restored affiliation to its former id: the index follows the id too. */
  "CREATE VIRTUAL TABLE affiliations_fts USING fts5 (role, content = 'affiliations',"
  "  content_rowid = 'id', " FTS_OPTIONS ");"
  "CREATE TRIGGER affiliations_fts_insert AFTER INSERT ON affiliations BEGIN"
  "  INSERT INTO affiliations_fts (rowid, role) VALUES (new.id, new.role);"
  "END;"
  "CREATE TRIGGER affiliations_fts_delete AFTER DELETE ON affiliations BEGIN"
  "  INSERT INTO affiliations_fts (affiliations_fts, rowid, role) VALUES ('delete', old.id, old.role);"
  "END;"
  "CREATE TRIGGER affiliations_fts_update AFTER UPDATE OF id, role ON affiliations BEGIN"
  "  INSERT INTO affiliations_fts (affiliations_fts, rowid, role) VALUES ('delete', old.id, old.role);"
  "  INSERT INTO affiliations_fts (rowid, role) VALUES (new.id, new.role);"
  "END;"
  "INSERT INTO affiliations_fts (affiliations_fts) VALUES ('rebuild');"

  /* The records there already. */
  REDO_ALL_LATEST;

/* Version 12: projects run with partners, with their stakeholders, milestones, risk register
 * (and how each risk's likelihood and impact changed, written by triggers like the assessment
 * history) and links to interactions, commitments and concerns. Deleting a project removes
 * its own rows and its links, never the linked records; deleting a contact that owns a risk
 * leaves the risk without an owner. A project's full-text index holds its own text and its
 * milestones' and risks' titles and texts, so that it is a regular FTS5 table kept by
 * triggers on all three tables (rebuilt from the view project_search for one project at a
 * time); it is small enough to be kept row by row during a bulk load too. The change log
 * learns the kind 'project': its CHECK is rebuilt (legacy_alter_table keeps the triggers that
 * write to it pointing at the new table). */
#define PROJECT_FTS_REFRESH(id) \
  "  DELETE FROM projects_fts WHERE rowid = " id ";" \
  "  INSERT INTO projects_fts (rowid, name, summary, owner, notes, milestones, risks)" \
  "    SELECT id, name, summary, owner, notes, milestones, risks FROM project_search" \
  "    WHERE id = " id ";"
#define PROJECT_FTS_CHILD_TRIGGERS(table) \
  "CREATE TRIGGER " table "_fts_insert AFTER INSERT ON " table " BEGIN" \
  PROJECT_FTS_REFRESH ("new.project_id") \
  "END;" \
  "CREATE TRIGGER " table "_fts_update AFTER UPDATE ON " table " BEGIN" \
  PROJECT_FTS_REFRESH ("old.project_id") \
  PROJECT_FTS_REFRESH ("new.project_id") \
  "END;" \
  "CREATE TRIGGER " table "_fts_delete AFTER DELETE ON " table " BEGIN" \
  PROJECT_FTS_REFRESH ("old.project_id") \
  "END;"

static const char migration_12[] =
  "CREATE TABLE projects ("
  "  id INTEGER PRIMARY KEY,"
  "  uid TEXT NOT NULL UNIQUE CHECK (length(uid) > 0),"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  summary TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN"
  "    ('planned', 'active', 'on-hold', 'completed', 'cancelled')),"
  "  start_date TEXT,"
  "  end_date TEXT,"
  "  owner TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  CHECK (start_date IS NULL OR end_date IS NULL OR start_date <= end_date)"
  ");"
  "CREATE INDEX projects_by_status ON projects (status, name);"
  "CREATE TABLE project_tags ("
  "  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  tag TEXT NOT NULL CHECK (length(tag) > 0),"
  "  PRIMARY KEY (project_id, position)"
  ") WITHOUT ROWID;"
  "CREATE TABLE project_stakeholders ("
  "  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  contact_id INTEGER REFERENCES contacts (id) ON DELETE CASCADE,"
  "  organization_id INTEGER REFERENCES organizations (id) ON DELETE CASCADE,"
  "  role TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (project_id, position),"
  "  CHECK ((contact_id IS NULL) <> (organization_id IS NULL))"
  ") WITHOUT ROWID;"
  "CREATE INDEX project_stakeholders_by_contact ON project_stakeholders (contact_id);"
  "CREATE INDEX project_stakeholders_by_organization ON project_stakeholders (organization_id);"
  "CREATE TABLE project_milestones ("
  "  id INTEGER PRIMARY KEY,"
  "  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,"
  "  uid TEXT NOT NULL CHECK (length(uid) > 0),"
  "  position INTEGER NOT NULL,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  due_date TEXT,"
  "  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'missed')),"
  "  done_date TEXT,"
  "  UNIQUE (project_id, uid)"
  ");"
  "CREATE INDEX project_milestones_by_due ON project_milestones (status, due_date);"
  /* A project's open milestones by due date: the Projects view's overdue count and next
   * milestone, for every project at once (without it, 1,000 projects took seconds). */
  "CREATE INDEX project_milestones_by_project ON project_milestones (project_id, status, due_date);"
  "CREATE TABLE project_risks ("
  "  id INTEGER PRIMARY KEY,"
  "  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,"
  "  uid TEXT NOT NULL CHECK (length(uid) > 0),"
  "  position INTEGER NOT NULL,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  likelihood INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),"
  "  impact INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),"
  "  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN"
  "    ('open', 'mitigating', 'closed', 'occurred')),"
  "  owner_id INTEGER REFERENCES contacts (id) ON DELETE SET NULL,"
  "  mitigation TEXT NOT NULL DEFAULT '',"
  "  review_date TEXT,"
  "  UNIQUE (project_id, uid)"
  ");"
  "CREATE INDEX project_risks_by_owner ON project_risks (owner_id);"
  "CREATE INDEX project_risks_by_score ON project_risks (likelihood * impact);"
  "CREATE TABLE risk_history ("
  "  id INTEGER PRIMARY KEY,"
  "  risk_id INTEGER NOT NULL REFERENCES project_risks (id) ON DELETE CASCADE,"
  "  changed_at INTEGER NOT NULL,"
  "  likelihood INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),"
  "  impact INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5)"
  ");"
  "CREATE INDEX risk_history_by_risk ON risk_history (risk_id, changed_at);"
  "CREATE TRIGGER project_risks_history_insert AFTER INSERT ON project_risks BEGIN"
  "  INSERT INTO risk_history (risk_id, changed_at, likelihood, impact)"
  "    VALUES (new.id, (SELECT updated_at FROM projects WHERE id = new.project_id),"
  "            new.likelihood, new.impact);"
  "END;"
  "CREATE TRIGGER project_risks_history_update AFTER UPDATE OF likelihood, impact"
  "  ON project_risks"
  "  WHEN old.likelihood IS NOT new.likelihood OR old.impact IS NOT new.impact BEGIN"
  "  INSERT INTO risk_history (risk_id, changed_at, likelihood, impact)"
  "    VALUES (new.id, (SELECT updated_at FROM projects WHERE id = new.project_id),"
  "            new.likelihood, new.impact);"
  "END;"
  "CREATE TABLE project_links ("
  "  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  interaction_id INTEGER REFERENCES interactions (id) ON DELETE CASCADE,"
  "  commitment_id INTEGER REFERENCES commitments (id) ON DELETE CASCADE,"
  "  concern_id INTEGER REFERENCES concerns (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (project_id, position),"
  "  CHECK ((interaction_id IS NOT NULL) + (commitment_id IS NOT NULL)"
  "    + (concern_id IS NOT NULL) = 1)"
  ") WITHOUT ROWID;"
  "CREATE INDEX project_links_by_interaction ON project_links (interaction_id)"
  "  WHERE interaction_id IS NOT NULL;"
  "CREATE INDEX project_links_by_commitment ON project_links (commitment_id)"
  "  WHERE commitment_id IS NOT NULL;"
  "CREATE INDEX project_links_by_concern ON project_links (concern_id)"
  "  WHERE concern_id IS NOT NULL;"

  "CREATE VIEW project_search (id, name, summary, owner, notes, milestones, risks) AS"
  "  SELECT p.id, p.name, p.summary, p.owner, p.notes,"
  "    ifnull ((SELECT group_concat (m.title, ' · ') FROM project_milestones m"
  "             WHERE m.project_id = p.id), ''),"
  "    ifnull ((SELECT group_concat (r.title || ' ' || r.description || ' ' || r.mitigation, ' · ')"
  "             FROM project_risks r WHERE r.project_id = p.id), '')"
  "  FROM projects p;"
  "CREATE VIRTUAL TABLE projects_fts USING fts5 (name, summary, owner, notes, milestones, risks,"
  "  " FTS_OPTIONS ");"
  "CREATE TRIGGER projects_fts_insert AFTER INSERT ON projects BEGIN"
  PROJECT_FTS_REFRESH ("new.id")
  "END;"
  "CREATE TRIGGER projects_fts_update AFTER UPDATE ON projects BEGIN"
  "  DELETE FROM projects_fts WHERE rowid = old.id;"
  PROJECT_FTS_REFRESH ("new.id")
  "END;"
  "CREATE TRIGGER projects_fts_delete AFTER DELETE ON projects BEGIN"
  "  DELETE FROM projects_fts WHERE rowid = old.id;"
  "END;"
  PROJECT_FTS_CHILD_TRIGGERS ("project_milestones")
  PROJECT_FTS_CHILD_TRIGGERS ("project_risks")

  "PRAGMA legacy_alter_table = ON;"
  "CREATE TABLE change_log_9 ("
  "  seq INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL CHECK (kind IN ('organization', 'contact', 'affiliation',"
  "    'interaction', 'commitment', 'concern', 'project', 'all')),"
  "  record_id INTEGER NOT NULL,"
  "  operation TEXT NOT NULL CHECK (operation IN ('insert', 'update', 'delete', 'reset')),"
  "  changed_at INTEGER NOT NULL,"
  "  author TEXT"
  ");"
  "INSERT INTO change_log_9 SELECT seq, kind, record_id, operation, changed_at, author"
  "  FROM change_log;"
  "DROP TABLE change_log;"
  "ALTER TABLE change_log_9 RENAME TO change_log;"
  "PRAGMA legacy_alter_table = OFF;"
  "CREATE TRIGGER change_log_prune AFTER INSERT ON change_log"
  "  WHEN new.seq % 1000 = 0 BEGIN"
  "  DELETE FROM change_log WHERE seq <= new.seq - 10000;"
  "END;"
  CHANGE_LOG_RECORD_TRIGGERS ("projects", "project")
  CHANGE_LOG_CHILD_TRIGGERS ("project_tags", "project", "project_id")
  CHANGE_LOG_CHILD_TRIGGERS ("project_stakeholders", "project", "project_id")
  CHANGE_LOG_CHILD_TRIGGERS ("project_milestones", "project", "project_id")
  CHANGE_LOG_CHILD_TRIGGERS ("project_risks", "project", "project_id")
  CHANGE_LOG_CHILD_TRIGGERS ("project_links", "project", "project_id");

/* Version 13: a row version on every record table, for conflicts between connections (see
 * docs/team-server.md). A save bumps it and is refused when the copy it saves was loaded at
 * another version. Existing rows start at 1; adding a column writes no row, so the change log
 * stays as it is. A record's delete keeps its uid in the change log, so that `liaison changes`
 * names a deleted record as the partner directory did. field_history keeps, per saved record,
 * which of its values changed from what to what, who and when (lia_store_list_field_history()). */
#define ROW_VERSION(table) \
  "ALTER TABLE " table " ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
#define CHANGE_LOG_DELETE_WITH_UID(table, kind) \
  "DROP TRIGGER " table "_log_delete;" \
  "CREATE TRIGGER " table "_log_delete AFTER DELETE ON " table \
  "  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN" \
  "  INSERT INTO change_log (kind, record_id, operation, changed_at, uid)" \
  "    VALUES ('" kind "', old.id, 'delete', " CHANGE_LOG_NOW ", old.uid);" \
  "END;"
static const char migration_13[] =
  "CREATE TABLE field_history ("
  "  seq INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL,"
  "  record_id INTEGER NOT NULL,"
  "  field TEXT NOT NULL,"
  "  old_value TEXT,"
  "  new_value TEXT,"
  "  changed_at INTEGER NOT NULL,"
  "  author TEXT"
  ");"
  "CREATE INDEX field_history_by_record ON field_history (kind, record_id, seq);"
  "ALTER TABLE change_log ADD COLUMN uid TEXT;"
  CHANGE_LOG_DELETE_WITH_UID ("organizations", "organization")
  CHANGE_LOG_DELETE_WITH_UID ("contacts", "contact")
  CHANGE_LOG_DELETE_WITH_UID ("affiliations", "affiliation")
  CHANGE_LOG_DELETE_WITH_UID ("interactions", "interaction")
  CHANGE_LOG_DELETE_WITH_UID ("commitments", "commitment")
  CHANGE_LOG_DELETE_WITH_UID ("concerns", "concern")
  CHANGE_LOG_DELETE_WITH_UID ("projects", "project")
  ROW_VERSION ("organizations")
  ROW_VERSION ("contacts")
  ROW_VERSION ("affiliations")
  ROW_VERSION ("interactions")
  ROW_VERSION ("commitments")
  ROW_VERSION ("concerns")
  ROW_VERSION ("projects");

/* Version 14: due for contact as index range scans (lia-store-engagement.c, append_due_candidates()): per
 * map cell, the records without a cadence of their own last contacted on or before a day; and
 * the few with a cadence of their own. */
static const char migration_14[] =
  "CREATE INDEX organizations_by_cell_latest ON organizations (influence, interest, latest_interaction_day)"
  "  WHERE cadence_days IS NULL;"
  "CREATE INDEX contacts_by_cell_latest ON contacts (influence, interest, latest_interaction_day)"
  "  WHERE cadence_days IS NULL;"
  "CREATE INDEX organizations_own_cadence ON organizations (cadence_days) WHERE cadence_days IS NOT NULL;"
  "CREATE INDEX contacts_own_cadence ON contacts (cadence_days) WHERE cadence_days IS NOT NULL;";

/* Version 15: the same ranges of version 14 in the order of the list by due day
 * (lia-store-engagement.c, append_first_due()): in a map cell, due by = last contact + the
 * cell's cadence, so (last contact, name) is that order, and the first page reads a few rows
 * of each cell instead of sorting every record due. The index of version 14 is its prefix. */
static const char migration_15[] =
  "DROP INDEX organizations_by_cell_latest;"
  "DROP INDEX contacts_by_cell_latest;"
  "CREATE INDEX organizations_by_cell_due ON organizations"
  "  (influence, interest, latest_interaction_day, sort_key, id) WHERE cadence_days IS NULL;"
  "CREATE INDEX contacts_by_cell_due ON contacts"
  "  (influence, interest, latest_interaction_day, sort_key, id) WHERE cadence_days IS NULL;";

/* Version 16: how many interactions each UTC day holds, kept by triggers, so that the whole
 * timeline is counted, and a row index turned into a day, by summing a few thousand days
 * instead of walking a million index entries (lia-list-query.c, _lia_list_query_day_anchor()).
 * A day is named by its first microsecond, floored also before 1970 (% truncates toward zero
 * in SQLite and PostgreSQL alike). The triggers fire during bulk loads too: the counts are never
 * out of step with the rows. */
#define DAY_START(at) "(" at " - ((" at " % 86400000000) + 86400000000) % 86400000000)"
static const char migration_16[] =
  "CREATE TABLE interaction_days ("
  "  day_start INTEGER PRIMARY KEY,"
  "  n INTEGER NOT NULL"
  ");"
  "INSERT INTO interaction_days (day_start, n)"
  "  SELECT " DAY_START ("at_utc") ", count(*) FROM interactions GROUP BY 1;"
  "CREATE TRIGGER interactions_days_insert AFTER INSERT ON interactions BEGIN"
  "  INSERT INTO interaction_days (day_start, n) VALUES (" DAY_START ("new.at_utc") ", 1)"
  "    ON CONFLICT (day_start) DO UPDATE SET n = interaction_days.n + 1;"
  "END;"
  "CREATE TRIGGER interactions_days_delete AFTER DELETE ON interactions BEGIN"
  "  UPDATE interaction_days SET n = n - 1 WHERE day_start = " DAY_START ("old.at_utc") ";"
  "END;"
  "CREATE TRIGGER interactions_days_update AFTER UPDATE OF at_utc ON interactions"
  "  WHEN " DAY_START ("old.at_utc") " <> " DAY_START ("new.at_utc") " BEGIN"
  "  UPDATE interaction_days SET n = n - 1 WHERE day_start = " DAY_START ("old.at_utc") ";"
  "  INSERT INTO interaction_days (day_start, n) VALUES (" DAY_START ("new.at_utc") ", 1)"
  "    ON CONFLICT (day_start) DO UPDATE SET n = interaction_days.n + 1;"
  "END;";

/* Version 17: on a team server a bulk load counts its interactions' days at its end
 * (lia-server.c, pg_migration_17). A file updates the day's row in place: nothing changes. */
static const char migration_17[] =
  "SELECT 1;";

/* Version 18: a contact's map cell in the order of the window's contact list, by family or
 * by given name (lia-store-engagement.c, append_cell_candidates()): the first page of a list
 * by influence or interest reads a few rows of each cell instead of sorting every contact. The
 * list by the full name, and organizations, read version 8's index. The cell is one number,
 * influence * 6 + interest, which only that reading asks for: on (influence, interest) these
 * indexes would draw SQLite away from version 15's for the never contacted of a cell. */
static const char migration_18[] =
  "CREATE INDEX contacts_by_cell_family ON contacts ((influence * 6 + interest), family_sort_key, id);"
  "CREATE INDEX contacts_by_cell_given ON contacts ((influence * 6 + interest), given_sort_key, id);";

/* Version 19: a content hash per record, as the last import wrote or confirmed it
 * (lia-import.c, _lia_import_merge()), so that a re-import tells an unchanged record by its
 * hash instead of loading it and writing both sides in canonical form. A hash is only ever
 * trusted while nothing has changed the record since: these triggers forget it on any change
 * of its row or of its lists' rows (a save, an undo, a delete cascading into its lists, from
 * any connection), on its delete, and forget every hash when any record's uid changes (a
 * record's canonical form names the records it refers to by uid). While a bulk load holds its
 * row, the import keeps the hashes itself: an update of a record's row forgets its hash only
 * when it is a save (the row version moves), not when the load's end works out latest
 * interaction days again, and list rows added in bulk belong to records the import saves.
 * The INSERT triggers have the form lia-store-bulk.c defers during a load. */
#define HASH_FORGET(kind, id) \
  "  DELETE FROM record_hashes WHERE kind = " kind " AND record_id = " id ";"
#define HASH_RECORD_TRIGGERS(table, kind) \
  "CREATE TRIGGER " table "_hash_update AFTER UPDATE ON " table \
  "  WHEN new.version IS NOT old.version OR NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN" \
  HASH_FORGET (kind, "old.id") \
  HASH_FORGET (kind, "new.id") \
  "END;" \
  "CREATE TRIGGER " table "_hash_delete AFTER DELETE ON " table " BEGIN" \
  HASH_FORGET (kind, "old.id") \
  "END;" \
  "CREATE TRIGGER " table "_hash_uid AFTER UPDATE OF uid ON " table \
  "  WHEN old.uid IS NOT new.uid BEGIN" \
  "  DELETE FROM record_hashes;" \
  "END;"
#define HASH_CHILD_TRIGGERS(table, kind, column) \
  "CREATE TRIGGER " table "_hash_insert AFTER INSERT ON " table \
  "  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN" \
  HASH_FORGET (kind, "new." column) \
  "END;" \
  "CREATE TRIGGER " table "_hash_update AFTER UPDATE ON " table " BEGIN" \
  HASH_FORGET (kind, "old." column) \
  HASH_FORGET (kind, "new." column) \
  "END;" \
  "CREATE TRIGGER " table "_hash_delete AFTER DELETE ON " table " BEGIN" \
  HASH_FORGET (kind, "old." column) \
  "END;"
/* The kinds are LiaRecordKind's values. */
#define HASH_TRIGGERS \
  HASH_RECORD_TRIGGERS ("organizations", "0") \
  HASH_CHILD_TRIGGERS ("organization_tags", "0", "organization_id") \
  HASH_RECORD_TRIGGERS ("contacts", "1") \
  HASH_CHILD_TRIGGERS ("contact_points", "1", "contact_id") \
  HASH_CHILD_TRIGGERS ("contact_languages", "1", "contact_id") \
  HASH_CHILD_TRIGGERS ("contact_tags", "1", "contact_id") \
  HASH_CHILD_TRIGGERS ("contact_addresses", "1", "contact_id") \
  HASH_CHILD_TRIGGERS ("contact_websites", "1", "contact_id") \
  HASH_CHILD_TRIGGERS ("contact_ims", "1", "contact_id") \
  HASH_CHILD_TRIGGERS ("contact_photos", "1", "contact_id") \
  HASH_RECORD_TRIGGERS ("affiliations", "2") \
  HASH_RECORD_TRIGGERS ("interactions", "3") \
  HASH_CHILD_TRIGGERS ("interaction_contacts", "3", "interaction_id") \
  HASH_CHILD_TRIGGERS ("interaction_organizations", "3", "interaction_id") \
  HASH_RECORD_TRIGGERS ("commitments", "4") \
  HASH_RECORD_TRIGGERS ("concerns", "5") \
  HASH_CHILD_TRIGGERS ("concern_parties", "5", "concern_id") \
  HASH_CHILD_TRIGGERS ("concern_interactions", "5", "concern_id") \
  HASH_RECORD_TRIGGERS ("projects", "6") \
  HASH_CHILD_TRIGGERS ("project_tags", "6", "project_id") \
  HASH_CHILD_TRIGGERS ("project_stakeholders", "6", "project_id") \
  HASH_CHILD_TRIGGERS ("project_milestones", "6", "project_id") \
  HASH_CHILD_TRIGGERS ("project_risks", "6", "project_id") \
  HASH_CHILD_TRIGGERS ("project_links", "6", "project_id")
static const char migration_19[] =
  "CREATE TABLE record_hashes ("
  "  kind INTEGER NOT NULL,"
  "  record_id INTEGER NOT NULL,"
  "  hash INTEGER NOT NULL,"
  "  PRIMARY KEY (kind, record_id)"
  ") WITHOUT ROWID;"
  HASH_TRIGGERS;

/* Version 20: the enum checks written as "column = 'a' OR column = 'b' …" instead of "column IN
 * ('a', 'b', …)". SQLite checks an IN list of more than two values against a temporary table it
 * opens, fills and closes for every row written (an in-memory B-tree with its own page cache
 * and pager): for a contact, three of them (its channel, its stance, and the stance of its
 * first assessment), about a tenth of the CPU of a first import (docs/performance.md, "Saving
 * each record"). The expressions accept and refuse the same values (NULL included), so no row
 * is read again: the schema's text is edited in place (lia_enum_checks_spelled_out(),
 * lia-store-sql.c; the text of older files differs in its spaces), as SQLite documents for
 * changing a CHECK constraint (https://sqlite.org/lang_altertable.html, section 7), its parsed
 * form reloaded (RESET), and a table made and dropped to tell other connections the schema
 * changed. SQLite only: PostgreSQL checks a list without a table (pg_migration_20 is empty). */
static const char migration_20[] =
  "PRAGMA writable_schema = ON;"
  "UPDATE sqlite_master SET sql = lia_enum_checks_spelled_out (sql)"
  "  WHERE type = 'table' AND sql LIKE '% IN%(%';"
  "PRAGMA writable_schema = RESET;"
  "CREATE TABLE lia_schema_changed (x);"
  "DROP TABLE lia_schema_changed;";

static const char * const migrations[] = {
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_5,
  migration_6,
  migration_7,
  migration_8,
  migration_9,
  migration_10,
  migration_11,
  migration_12,
  migration_13,
  migration_14,
  migration_15,
  migration_16,
  migration_17,
  migration_18,
  migration_19,
  migration_20,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == LIA_STORE_SCHEMA_VERSION);

/* Brings the schema up to LIA_STORE_SCHEMA_VERSION. The caller has checked that the database is
 * not newer than this build. */
gboolean
_lia_store_migrate (LiaStore  *self,
                    GError   **error)
{
  LiaDb *db = _lia_store_get_db (self);
  int version;

  /* Already the latest, as nearly always: no write lock. A connection opened beside a long
   * write (a re-keying for a new language, an import) would otherwise wait for it, or fail on
   * the lock: the window's threads open one for each count and search. */
  if (!_lia_store_read_user_version (self, &version, error))
    return FALSE;
  if (version == LIA_STORE_SCHEMA_VERSION)
    return TRUE;

  if (!_lia_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  /* Read again inside the write lock: another process may have migrated meanwhile. */
  if (!_lia_store_read_user_version (self, &version, error))
    goto fail;

  if (version > LIA_STORE_SCHEMA_VERSION)
    {
      _lia_store_set_too_new_error (self, version, error);
      goto fail;
    }

  for (int v = version; v < LIA_STORE_SCHEMA_VERSION; v++)
    {
      if (_lia_db_exec (db, migrations[v]) != LIA_DB_OK)
        {
          _lia_store_set_error_from_db (self, error,
                                        _("Could not upgrade the database to version %d"), v + 1);
          goto fail;
        }

      if (_lia_db_set_user_version (db, v + 1) != LIA_DB_OK)
        {
          _lia_store_set_error_from_db (self, error, _("Database command failed"));
          goto fail;
        }
    }

  return _lia_store_exec (self, "COMMIT", error);

fail:
  _lia_db_exec (db, "ROLLBACK");
  return FALSE;
}
