-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- A Liaison database as schema version 1 left it (before full-text search existed), with a few
-- records. tests/test-store-migrations.c runs this script into an empty file, then opens it with
-- lia_store_open(): the upgrade to version 2 must keep every record and index the old rows for
-- search ("zur" must find the hospital although no trigger saw it being inserted).
--
-- The schema below is migration_1 from src/store/lia-store-schema.c, statement for statement.
-- Times are UTC microseconds; sort keys are casefolded names without accents, as the store
-- writes them.

-- Schema version 1 (copied from migration_1).
PRAGMA application_id = 1279869267;
CREATE TABLE organizations (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE CHECK (length(uid) > 0),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  short_name TEXT NOT NULL DEFAULT '',
  sector TEXT NOT NULL DEFAULT '',
  parent_id INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
  country TEXT NOT NULL DEFAULT '',
  street TEXT NOT NULL DEFAULT '',
  locality TEXT NOT NULL DEFAULT '',
  region TEXT NOT NULL DEFAULT '',
  postal_code TEXT NOT NULL DEFAULT '',
  address_country TEXT NOT NULL DEFAULT '',
  website TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  influence INTEGER NOT NULL DEFAULT 0 CHECK (influence BETWEEN 0 AND 5),
  interest INTEGER NOT NULL DEFAULT 0 CHECK (interest BETWEEN 0 AND 5),
  stance TEXT NOT NULL DEFAULT 'unknown' CHECK (stance IN ('unknown', 'advocate', 'supportive', 'neutral', 'concerned', 'opposed')),
  sort_key TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX organizations_by_name ON organizations (sort_key, id);
CREATE INDEX organizations_by_parent ON organizations (parent_id);
CREATE TABLE organization_tags (
  organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  tag TEXT NOT NULL CHECK (length(tag) > 0),
  PRIMARY KEY (organization_id, position)
) WITHOUT ROWID;
CREATE INDEX organization_tags_by_tag ON organization_tags (tag);
CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE CHECK (length(uid) > 0),
  honorific TEXT NOT NULL DEFAULT '',
  given_name TEXT NOT NULL DEFAULT '',
  family_name TEXT NOT NULL DEFAULT '',
  suffix TEXT NOT NULL DEFAULT '',
  display_name TEXT NOT NULL DEFAULT '',
  label TEXT NOT NULL CHECK (length(trim(label)) > 0),
  job_title TEXT NOT NULL DEFAULT '',
  time_zone TEXT NOT NULL DEFAULT '',
  preferred_channel TEXT NOT NULL DEFAULT 'unspecified' CHECK (preferred_channel IN ('unspecified', 'email', 'phone', 'messaging', 'in-person', 'letter')),
  notes TEXT NOT NULL DEFAULT '',
  influence INTEGER NOT NULL DEFAULT 0 CHECK (influence BETWEEN 0 AND 5),
  interest INTEGER NOT NULL DEFAULT 0 CHECK (interest BETWEEN 0 AND 5),
  stance TEXT NOT NULL DEFAULT 'unknown' CHECK (stance IN ('unknown', 'advocate', 'supportive', 'neutral', 'concerned', 'opposed')),
  sort_key TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX contacts_by_name ON contacts (sort_key, id);
CREATE TABLE contact_points (
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  medium TEXT NOT NULL CHECK (medium IN ('email', 'phone')),
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('work', 'home', 'mobile', 'fax', 'other')),
  value TEXT NOT NULL CHECK (length(value) > 0),
  PRIMARY KEY (contact_id, medium, position)
) WITHOUT ROWID;
CREATE INDEX contact_points_by_value ON contact_points (value COLLATE NOCASE);
CREATE TABLE contact_languages (
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  language TEXT NOT NULL CHECK (length(language) > 0),
  PRIMARY KEY (contact_id, position)
) WITHOUT ROWID;
CREATE TABLE contact_tags (
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  tag TEXT NOT NULL CHECK (length(tag) > 0),
  PRIMARY KEY (contact_id, position)
) WITHOUT ROWID;
CREATE INDEX contact_tags_by_tag ON contact_tags (tag);
CREATE TABLE affiliations (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE CHECK (length(uid) > 0),
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  role TEXT NOT NULL DEFAULT '',
  from_date TEXT,
  until_date TEXT,
  is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK (from_date IS NULL OR until_date IS NULL OR from_date <= until_date)
);
CREATE INDEX affiliations_by_contact ON affiliations (contact_id);
CREATE INDEX affiliations_by_organization ON affiliations (organization_id, contact_id);
CREATE TABLE interactions (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE CHECK (length(uid) > 0),
  kind TEXT NOT NULL CHECK (kind IN ('meeting', 'call', 'email', 'event', 'visit', 'letter', 'note')),
  at_utc INTEGER NOT NULL,
  at_offset INTEGER NOT NULL CHECK (at_offset BETWEEN -86400 AND 86400),
  day TEXT NOT NULL,
  duration_minutes INTEGER NOT NULL DEFAULT 0 CHECK (duration_minutes >= 0),
  title TEXT NOT NULL CHECK (length(trim(title)) > 0),
  location TEXT NOT NULL DEFAULT '',
  summary TEXT NOT NULL DEFAULT '',
  outcome TEXT NOT NULL DEFAULT '',
  sentiment INTEGER NOT NULL DEFAULT 0 CHECK (sentiment BETWEEN -2 AND 2),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX interactions_by_time ON interactions (at_utc, id);
CREATE TABLE interaction_contacts (
  interaction_id INTEGER NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  PRIMARY KEY (interaction_id, contact_id)
) WITHOUT ROWID;
CREATE INDEX interaction_contacts_by_contact ON interaction_contacts (contact_id, interaction_id);
CREATE TABLE interaction_organizations (
  interaction_id INTEGER NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,
  organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  PRIMARY KEY (interaction_id, organization_id)
) WITHOUT ROWID;
CREATE INDEX interaction_organizations_by_organization ON interaction_organizations (organization_id, interaction_id);
CREATE TABLE commitments (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE CHECK (length(uid) > 0),
  title TEXT NOT NULL CHECK (length(trim(title)) > 0),
  notes TEXT NOT NULL DEFAULT '',
  direction TEXT NOT NULL CHECK (direction IN ('ours', 'theirs')),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  due_date TEXT,
  contact_id INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
  organization_id INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
  interaction_id INTEGER REFERENCES interactions (id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX commitments_by_due ON commitments (status, due_date);
CREATE INDEX commitments_by_contact ON commitments (contact_id);
CREATE INDEX commitments_by_organization ON commitments (organization_id);
CREATE INDEX commitments_by_interaction ON commitments (interaction_id);
CREATE TABLE concerns (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE CHECK (length(uid) > 0),
  title TEXT NOT NULL CHECK (length(trim(title)) > 0),
  severity TEXT NOT NULL DEFAULT 'medium' CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'mediating', 'resolved', 'closed')),
  opened_date TEXT,
  resolved_date TEXT,
  root_cause TEXT NOT NULL DEFAULT '',
  resolution TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK (opened_date IS NULL OR resolved_date IS NULL OR opened_date <= resolved_date)
);
CREATE INDEX concerns_by_status ON concerns (status);
CREATE TABLE concern_parties (
  concern_id INTEGER NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  contact_id INTEGER REFERENCES contacts (id) ON DELETE CASCADE,
  organization_id INTEGER REFERENCES organizations (id) ON DELETE CASCADE,
  stated_position TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (concern_id, position),
  CHECK ((contact_id IS NULL) <> (organization_id IS NULL))
) WITHOUT ROWID;
CREATE INDEX concern_parties_by_contact ON concern_parties (contact_id);
CREATE INDEX concern_parties_by_organization ON concern_parties (organization_id);
CREATE TABLE concern_interactions (
  concern_id INTEGER NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
  interaction_id INTEGER NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  PRIMARY KEY (concern_id, interaction_id)
) WITHOUT ROWID;
CREATE INDEX concern_interactions_by_interaction ON concern_interactions (interaction_id);

-- Records, as Liaison 0.1 (schema version 1) wrote them.
INSERT INTO organizations (id, uid, name, short_name, sector, country, locality, notes,
                           influence, interest, stance, sort_key, created_at, updated_at)
  VALUES (1, 'org-zurich-hospital', 'Zürich Cantonal Hospital', 'KSZ', 'Health', 'CH', 'Zürich',
          'Main hospital partner in the canton.', 4, 3, 'supportive', 'zurich cantonal hospital',
          1705312800000000, 1706776200000000);
INSERT INTO organizations (id, uid, name, sector, parent_id, country, sort_key, created_at, updated_at)
  VALUES (2, 'org-geneva-ministry', 'Département de la santé de Genève', 'Government', NULL, 'CH',
          'departement de la sante de geneve', 1705312800000000, 1705312800000000);
INSERT INTO organization_tags (organization_id, position, tag) VALUES (1, 0, 'health');
INSERT INTO organization_tags (organization_id, position, tag) VALUES (1, 1, 'canton');

INSERT INTO contacts (id, uid, honorific, given_name, family_name, display_name, label, job_title,
                      time_zone, preferred_channel, notes, influence, interest, stance, sort_key,
                      created_at, updated_at)
  VALUES (1, 'contact-amina-diallo', 'Dr', 'Amina', 'Diallo', 'Dr Amina Diallo', 'Dr Amina Diallo',
          'Head of Epidemiology', 'Europe/Zurich', 'email', 'Prefers morning meetings.', 5, 4,
          'advocate', 'dr amina diallo', 1705312800000000, 1705312800000000);
INSERT INTO contacts (id, uid, given_name, family_name, label, sort_key, created_at, updated_at)
  VALUES (2, 'contact-emile-favre', 'Émile', 'Favre', 'Émile Favre', 'emile favre', 1705312800000000, 1705312800000000);
INSERT INTO contact_points (contact_id, medium, position, kind, value)
  VALUES (1, 'email', 0, 'work', 'amina.diallo@ksz.example');
INSERT INTO contact_points (contact_id, medium, position, kind, value)
  VALUES (1, 'phone', 0, 'mobile', '+41 79 000 00 00');
INSERT INTO contact_languages (contact_id, position, language) VALUES (1, 0, 'fr');
INSERT INTO contact_languages (contact_id, position, language) VALUES (1, 1, 'en');

INSERT INTO affiliations (id, uid, contact_id, organization_id, role, from_date, until_date,
                          is_primary, created_at, updated_at)
  VALUES (1, 'aff-amina-ksz', 1, 1, 'Head of Epidemiology', '2019-09-01', NULL, 1, 1705312800000000, 1705312800000000);

-- 2024-03-12T10:00:00+01:00
INSERT INTO interactions (id, uid, kind, at_utc, at_offset, day, duration_minutes, title, location,
                          summary, outcome, sentiment, created_at, updated_at)
  VALUES (1, 'int-march-review', 'meeting', 1710234000000000, 3600, '2024-03-12', 60,
          'Quarterly review in Zürich', 'KSZ, building B', 'Reviewed the vaccination figures.',
          'Figures to be sent by April.', 1, 1705312800000000, 1705312800000000);
INSERT INTO interaction_contacts (interaction_id, contact_id, position) VALUES (1, 1, 0);
INSERT INTO interaction_contacts (interaction_id, contact_id, position) VALUES (1, 2, 1);
INSERT INTO interaction_organizations (interaction_id, organization_id, position) VALUES (1, 1, 0);

INSERT INTO commitments (id, uid, title, notes, direction, status, due_date, contact_id,
                         organization_id, interaction_id, created_at, updated_at)
  VALUES (1, 'com-send-figures', 'Send the vaccination figures', 'Both cantons.', 'theirs', 'open',
          '2024-04-30', 1, 1, 1, 1705312800000000, 1705312800000000);

PRAGMA user_version = 1;
