-- SPDX-License-Identifier: GPL-3.0-or-later
-- A version 6 database (liaison-v1.sql opened by the Liaison of schema version 6, then
-- dumped with sqlite3 .dump): what the migration to version 7 starts from.
PRAGMA application_id = 1279869267;
PRAGMA user_version = 6;
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
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
INSERT INTO organizations VALUES(1,'org-zurich-hospital','Zürich Cantonal Hospital','KSZ','Health',NULL,'CH','','Zürich','','','','','','','Main hospital partner in the canton.',4,3,'supportive','zurich cantonal hospital',1705312800000000,1706776200000000);
INSERT INTO organizations VALUES(2,'org-geneva-ministry','Département de la santé de Genève','','Government',NULL,'CH','','','','','','','','','',0,0,'unknown','departement de la sante de geneve',1705312800000000,1705312800000000);
CREATE TABLE organization_tags (
  organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  tag TEXT NOT NULL CHECK (length(tag) > 0),
  PRIMARY KEY (organization_id, position)
) WITHOUT ROWID;
INSERT INTO organization_tags VALUES(1,1,'canton');
INSERT INTO organization_tags VALUES(1,0,'health');
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
, family_sort_key TEXT NOT NULL DEFAULT '', given_sort_key TEXT NOT NULL DEFAULT '');
INSERT INTO contacts VALUES(1,'contact-amina-diallo','Dr','Amina','Diallo','','Dr Amina Diallo','Dr Amina Diallo','Head of Epidemiology','Europe/Zurich','email','Prefers morning meetings.',5,4,'advocate','dr amina diallo',1705312800000000,1705312800000000,'dialloamina','aminadiallo');
INSERT INTO contacts VALUES(2,'contact-emile-favre','','Émile','Favre','','','Émile Favre','','','unspecified','',0,0,'unknown','emile favre',1705312800000000,1705312800000000,'favreemile','emilefavre');
CREATE TABLE contact_points (
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  medium TEXT NOT NULL CHECK (medium IN ('email', 'phone')),
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('work', 'home', 'mobile', 'fax', 'other')),
  value TEXT NOT NULL CHECK (length(value) > 0),
  PRIMARY KEY (contact_id, medium, position)
) WITHOUT ROWID;
INSERT INTO contact_points VALUES(1,'email',0,'work','amina.diallo@ksz.example');
INSERT INTO contact_points VALUES(1,'phone',0,'mobile','+41 79 000 00 00');
CREATE TABLE contact_languages (
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  language TEXT NOT NULL CHECK (length(language) > 0),
  PRIMARY KEY (contact_id, position)
) WITHOUT ROWID;
INSERT INTO contact_languages VALUES(1,0,'fr');
INSERT INTO contact_languages VALUES(1,1,'en');
CREATE TABLE contact_tags (
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  tag TEXT NOT NULL CHECK (length(tag) > 0),
  PRIMARY KEY (contact_id, position)
) WITHOUT ROWID;
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
INSERT INTO affiliations VALUES(1,'aff-amina-ksz',1,1,'Head of Epidemiology','2019-09-01',NULL,1,1705312800000000,1705312800000000);
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
INSERT INTO interactions VALUES(1,'int-march-review','meeting',1710234000000000,3600,'2024-03-12',60,'Quarterly review in Zürich','KSZ, building B','Reviewed the vaccination figures.','Figures to be sent by April.',1,1705312800000000,1705312800000000);
CREATE TABLE interaction_contacts (
  interaction_id INTEGER NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  PRIMARY KEY (interaction_id, contact_id)
) WITHOUT ROWID;
INSERT INTO interaction_contacts VALUES(1,1,0);
INSERT INTO interaction_contacts VALUES(1,2,1);
CREATE TABLE interaction_organizations (
  interaction_id INTEGER NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,
  organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  PRIMARY KEY (interaction_id, organization_id)
) WITHOUT ROWID;
INSERT INTO interaction_organizations VALUES(1,1,0);
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
INSERT INTO commitments VALUES(1,'com-send-figures','Send the vaccination figures','Both cantons.','theirs','open','2024-04-30',1,1,1,1705312800000000,1705312800000000);
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
CREATE TABLE concern_parties (
  concern_id INTEGER NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  contact_id INTEGER REFERENCES contacts (id) ON DELETE CASCADE,
  organization_id INTEGER REFERENCES organizations (id) ON DELETE CASCADE,
  stated_position TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (concern_id, position),
  CHECK ((contact_id IS NULL) <> (organization_id IS NULL))
) WITHOUT ROWID;
CREATE TABLE concern_interactions (
  concern_id INTEGER NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
  interaction_id INTEGER NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  PRIMARY KEY (concern_id, interaction_id)
) WITHOUT ROWID;
PRAGMA writable_schema=ON;
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','organizations_fts','organizations_fts',0,'CREATE VIRTUAL TABLE organizations_fts USING fts5 (name, short_name, sector, notes, content = ''organizations'', content_rowid = ''id'', tokenize = ''unicode61 remove_diacritics 2'', prefix = ''2 3'')');
CREATE TABLE IF NOT EXISTS 'organizations_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO organizations_fts_data VALUES(1,X'0209010206');
INSERT INTO organizations_fts_data VALUES(10,X'000000000101010001010101');
INSERT INTO organizations_fts_data VALUES(137438953473,X'0000019f073063616e746f6e01060103070702616c0102030102646502040305030970617274656d656e74020202010667656e65766502020702096f7665726e6d656e74020601020201066865616c7468010601020202076f73706974616c0108040103030102696e010601030501036b737a010601010201026c6102020401046d61696e01060103020107706172746e65720106010304010573616e74650202050103746865010601030601067a757269636801020200033163610108030103070102646502060203050102676502020702016f020601020201026865010601020202016f0108040103030102696e010601030501026b73010601010201026c6102020401026d6101060103020102706101060103040102736102020501027468010601030601027a7501020200043263616e0108030103070103646570020202010367656e02020702026f7602060102020103686561010601020202026f7301080401030301036b737a010601010201036d6169010601030201037061720106010304010373616e0202050103746865010601030601037a7572010202040d07080e0b100d0f090a070b0e0a0a0b0b090708090909090709090709070c0808090a0a0a0a0a080a');
CREATE TABLE IF NOT EXISTS 'organizations_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
INSERT INTO organizations_fts_idx VALUES(1,X'',2);
CREATE TABLE IF NOT EXISTS 'organizations_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
INSERT INTO organizations_fts_docsize VALUES(1,X'03010106');
INSERT INTO organizations_fts_docsize VALUES(2,X'06000100');
CREATE TABLE IF NOT EXISTS 'organizations_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO organizations_fts_config VALUES('version',4);
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','contacts_fts','contacts_fts',0,'CREATE VIRTUAL TABLE contacts_fts USING fts5 (label, given_name, family_name, job_title, notes, content = ''contacts'', content_rowid = ''id'', tokenize = ''unicode61 remove_diacritics 2'', prefix = ''2 3'')');
CREATE TABLE IF NOT EXISTS 'contacts_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO contacts_fts_data VALUES(1,X'020502020303');
INSERT INTO contacts_fts_data VALUES(10,X'000000000101010001010101');
INSERT INTO contacts_fts_data VALUES(137438953473,X'0000014f0630616d696e6101080301010201066469616c6c6f0108040102020201720102020105656d696c65020802010102020b706964656d696f6c6f6779010601030401056661767265020803010202010468656164010601030201086d656574696e6773010601040402066f726e696e67010601040301026f6601060103030107707265666572730106010402000331616d010803010102010264690108040102020201720102020102656d02080201010202017001060103040102666102080301020201026865010601030201026d65010601040402016f010601040301026f660106010303010270720106010402000432616d6901080301010201036469610108040102020103656d6902080201010202027069010601030401036661760208030102020103686561010601030201036d6565010601040402026f72010601040301037072650106010402040d0e060d120d0b0f0d090e0b0a060a080a09090809090c0b0b090b0a0a09');
CREATE TABLE IF NOT EXISTS 'contacts_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
INSERT INTO contacts_fts_idx VALUES(1,X'',2);
CREATE TABLE IF NOT EXISTS 'contacts_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
INSERT INTO contacts_fts_docsize VALUES(1,X'0301010303');
INSERT INTO contacts_fts_docsize VALUES(2,X'0201010000');
CREATE TABLE IF NOT EXISTS 'contacts_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO contacts_fts_config VALUES('version',4);
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','interactions_fts','interactions_fts',0,'CREATE VIRTUAL TABLE interactions_fts USING fts5 (title, location, summary, outcome, content = ''interactions'', content_rowid = ''id'', tokenize = ''unicode61 remove_diacritics 2'', prefix = ''2 3'')');
CREATE TABLE IF NOT EXISTS 'interactions_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO interactions_fts_data VALUES(1,X'0104030406');
INSERT INTO interactions_fts_data VALUES(10,X'000000000101010001010101');
INSERT INTO interactions_fts_data VALUES(137438953473,X'000001930630617072696c010601030701016201060101040201650106010304020775696c64696e6701060101030201790106010306010766696775726573010c0102050103020102696e01020401036b737a01060101020109717561727465726c790102020106726576696577010203070265640106010202010473656e7401060103050103746865010601020302016f0106010303010b76616363696e6174696f6e010601020401067a7572696368010205000331617001060103070102626501060103040201750106010103020179010601030601026669010c0102050103020102696e01020401026b730106010102010271750102020102726501080301020201027365010601030501027468010601020302016f010601030301027661010601020401027a750102050004326170720106010307010362756901060101030103666967010c01020501030201036b737a010601010201037175610102020103726576010803010202010373656e0106010305010374686501060102030103766163010601020401037a7572010205040c08080e0811070a0e0b090b0a08120b0a0908080c0709070a09090809070b0a0d0a080b0a0a0a');
CREATE TABLE IF NOT EXISTS 'interactions_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
INSERT INTO interactions_fts_idx VALUES(1,X'',2);
CREATE TABLE IF NOT EXISTS 'interactions_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
INSERT INTO interactions_fts_docsize VALUES(1,X'04030406');
CREATE TABLE IF NOT EXISTS 'interactions_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO interactions_fts_config VALUES('version',4);
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','commitments_fts','commitments_fts',0,'CREATE VIRTUAL TABLE commitments_fts USING fts5 (title, notes, content = ''commitments'', content_rowid = ''id'', tokenize = ''unicode61 remove_diacritics 2'', prefix = ''2 3'')');
CREATE TABLE IF NOT EXISTS 'commitments_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO commitments_fts_data VALUES(1,X'010402');
INSERT INTO commitments_fts_data VALUES(10,X'000000000101010001010101');
INSERT INTO commitments_fts_data VALUES(137438953473,X'000000ae0530626f74680106010102010763616e746f6e730106010103010766696775726573010205010473656e640102020103746865010203010b76616363696e6174696f6e010204000331626f010601010201026361010601010301026669010205010273650102020102746801020301027661010204000432626f740106010102010363616e01060101030103666967010205010373656e01020201037468650102030103766163010204040b0e0c0908100a09070707070b0a080808');
CREATE TABLE IF NOT EXISTS 'commitments_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
INSERT INTO commitments_fts_idx VALUES(1,X'',2);
CREATE TABLE IF NOT EXISTS 'commitments_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
INSERT INTO commitments_fts_docsize VALUES(1,X'0402');
CREATE TABLE IF NOT EXISTS 'commitments_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO commitments_fts_config VALUES('version',4);
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','concerns_fts','concerns_fts',0,'CREATE VIRTUAL TABLE concerns_fts USING fts5 (title, root_cause, resolution, notes, content = ''concerns'', content_rowid = ''id'', tokenize = ''unicode61 remove_diacritics 2'', prefix = ''2 3'')');
CREATE TABLE IF NOT EXISTS 'concerns_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO concerns_fts_data VALUES(1,X'0000000000');
INSERT INTO concerns_fts_data VALUES(10,X'00000000000000');
CREATE TABLE IF NOT EXISTS 'concerns_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS 'concerns_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
CREATE TABLE IF NOT EXISTS 'concerns_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO concerns_fts_config VALUES('version',4);
CREATE TABLE assessment_history (  id INTEGER PRIMARY KEY,  organization_id INTEGER REFERENCES organizations (id) ON DELETE CASCADE,  contact_id INTEGER REFERENCES contacts (id) ON DELETE CASCADE,  changed_at INTEGER NOT NULL,  influence INTEGER NOT NULL CHECK (influence BETWEEN 0 AND 5),  interest INTEGER NOT NULL CHECK (interest BETWEEN 0 AND 5),  stance TEXT NOT NULL CHECK (stance IN    ('unknown', 'advocate', 'supportive', 'neutral', 'concerned', 'opposed')),  CHECK ((contact_id IS NULL) <> (organization_id IS NULL)));
INSERT INTO assessment_history VALUES(1,1,NULL,1706776200000000,4,3,'supportive');
INSERT INTO assessment_history VALUES(2,NULL,1,1705312800000000,5,4,'advocate');
CREATE TABLE bulk_load (  id INTEGER PRIMARY KEY CHECK (id = 1),  organizations_mark INTEGER NOT NULL,  contacts_mark INTEGER NOT NULL,  interactions_mark INTEGER NOT NULL,  commitments_mark INTEGER NOT NULL,  concerns_mark INTEGER NOT NULL);
CREATE TABLE change_log (  seq INTEGER PRIMARY KEY,  kind TEXT NOT NULL CHECK (kind IN ('organization', 'contact', 'affiliation',    'interaction', 'commitment', 'concern', 'all')),  record_id INTEGER NOT NULL,  operation TEXT NOT NULL CHECK (operation IN ('insert', 'update', 'delete', 'reset')),  changed_at INTEGER NOT NULL,  author TEXT);
CREATE TABLE collation (  id INTEGER PRIMARY KEY CHECK (id = 1),  locale TEXT NOT NULL);
INSERT INTO collation VALUES(1,'C.UTF-8');
CREATE INDEX organizations_by_name ON organizations (sort_key, id);
CREATE INDEX organizations_by_parent ON organizations (parent_id);
CREATE INDEX organization_tags_by_tag ON organization_tags (tag);
CREATE INDEX contacts_by_name ON contacts (sort_key, id);
CREATE INDEX contact_points_by_value ON contact_points (value COLLATE NOCASE);
CREATE INDEX contact_tags_by_tag ON contact_tags (tag);
CREATE INDEX affiliations_by_contact ON affiliations (contact_id);
CREATE INDEX affiliations_by_organization ON affiliations (organization_id, contact_id);
CREATE INDEX interactions_by_time ON interactions (at_utc, id);
CREATE INDEX interaction_contacts_by_contact ON interaction_contacts (contact_id, interaction_id);
CREATE INDEX interaction_organizations_by_organization ON interaction_organizations (organization_id, interaction_id);
CREATE INDEX commitments_by_due ON commitments (status, due_date);
CREATE INDEX commitments_by_contact ON commitments (contact_id);
CREATE INDEX commitments_by_organization ON commitments (organization_id);
CREATE INDEX commitments_by_interaction ON commitments (interaction_id);
CREATE INDEX concerns_by_status ON concerns (status);
CREATE INDEX concern_parties_by_contact ON concern_parties (contact_id);
CREATE INDEX concern_parties_by_organization ON concern_parties (organization_id);
CREATE INDEX concern_interactions_by_interaction ON concern_interactions (interaction_id);
CREATE INDEX assessment_history_by_organization  ON assessment_history (organization_id, changed_at) WHERE organization_id IS NOT NULL;
CREATE INDEX assessment_history_by_contact  ON assessment_history (contact_id, changed_at) WHERE contact_id IS NOT NULL;
CREATE TRIGGER organizations_assessment_insert AFTER INSERT ON organizations  WHEN new.influence <> 0 OR new.interest <> 0 OR new.stance <> 'unknown' BEGIN  INSERT INTO assessment_history (organization_id, changed_at, influence, interest, stance)    VALUES (new.id, new.updated_at, new.influence, new.interest, new.stance);END;
CREATE TRIGGER organizations_assessment_update AFTER UPDATE OF influence, interest, stance  ON organizations  WHEN old.influence IS NOT new.influence OR old.interest IS NOT new.interest    OR old.stance IS NOT new.stance BEGIN  INSERT INTO assessment_history (organization_id, changed_at, influence, interest, stance)    VALUES (new.id, new.updated_at, new.influence, new.interest, new.stance);END;
CREATE TRIGGER contacts_assessment_insert AFTER INSERT ON contacts  WHEN new.influence <> 0 OR new.interest <> 0 OR new.stance <> 'unknown' BEGIN  INSERT INTO assessment_history (contact_id, changed_at, influence, interest, stance)    VALUES (new.id, new.updated_at, new.influence, new.interest, new.stance);END;
CREATE TRIGGER contacts_assessment_update AFTER UPDATE OF influence, interest, stance  ON contacts  WHEN old.influence IS NOT new.influence OR old.interest IS NOT new.interest    OR old.stance IS NOT new.stance BEGIN  INSERT INTO assessment_history (contact_id, changed_at, influence, interest, stance)    VALUES (new.id, new.updated_at, new.influence, new.interest, new.stance);END;
CREATE TRIGGER organizations_fts_insert AFTER INSERT ON organizations  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO organizations_fts (rowid, name, short_name, sector, notes) VALUES (new.id, new.name, new.short_name, new.sector, new.notes);END;
CREATE TRIGGER organizations_fts_delete AFTER DELETE ON organizations  WHEN NOT EXISTS (SELECT 1 FROM bulk_load WHERE old.id > organizations_mark) BEGIN  INSERT INTO organizations_fts (organizations_fts, rowid, name, short_name, sector, notes)    VALUES ('delete', old.id, old.name, old.short_name, old.sector, old.notes);END;
CREATE TRIGGER organizations_fts_update AFTER UPDATE OF name, short_name, sector, notes ON organizations  WHEN NOT EXISTS (SELECT 1 FROM bulk_load WHERE old.id > organizations_mark) BEGIN  INSERT INTO organizations_fts (organizations_fts, rowid, name, short_name, sector, notes)    VALUES ('delete', old.id, old.name, old.short_name, old.sector, old.notes);  INSERT INTO organizations_fts (rowid, name, short_name, sector, notes) VALUES (new.id, new.name, new.short_name, new.sector, new.notes);END;
CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO contacts_fts (rowid, label, given_name, family_name, job_title, notes) VALUES (new.id, new.label, new.given_name, new.family_name, new.job_title, new.notes);END;
CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts  WHEN NOT EXISTS (SELECT 1 FROM bulk_load WHERE old.id > contacts_mark) BEGIN  INSERT INTO contacts_fts (contacts_fts, rowid, label, given_name, family_name, job_title, notes)    VALUES ('delete', old.id, old.label, old.given_name, old.family_name, old.job_title, old.notes);END;
CREATE TRIGGER contacts_fts_update AFTER UPDATE OF label, given_name, family_name, job_title, notes ON contacts  WHEN NOT EXISTS (SELECT 1 FROM bulk_load WHERE old.id > contacts_mark) BEGIN  INSERT INTO contacts_fts (contacts_fts, rowid, label, given_name, family_name, job_title, notes)    VALUES ('delete', old.id, old.label, old.given_name, old.family_name, old.job_title, old.notes);  INSERT INTO contacts_fts (rowid, label, given_name, family_name, job_title, notes) VALUES (new.id, new.label, new.given_name, new.family_name, new.job_title, new.notes);END;
CREATE TRIGGER interactions_fts_insert AFTER INSERT ON interactions  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO interactions_fts (rowid, title, location, summary, outcome) VALUES (new.id, new.title, new.location, new.summary, new.outcome);END;
CREATE TRIGGER interactions_fts_delete AFTER DELETE ON interactions  WHEN NOT EXISTS (SELECT 1 FROM bulk_load WHERE old.id > interactions_mark) BEGIN  INSERT INTO interactions_fts (interactions_fts, rowid, title, location, summary, outcome)    VALUES ('delete', old.id, old.title, old.location, old.summary, old.outcome);END;
CREATE TRIGGER interactions_fts_update AFTER UPDATE OF title, location, summary, outcome ON interactions  WHEN NOT EXISTS (SELECT 1 FROM bulk_load WHERE old.id > interactions_mark) BEGIN  INSERT INTO interactions_fts (interactions_fts, rowid, title, location, summary, outcome)    VALUES ('delete', old.id, old.title, old.location, old.summary, old.outcome);  INSERT INTO interactions_fts (rowid, title, location, summary, outcome) VALUES (new.id, new.title, new.location, new.summary, new.outcome);END;
CREATE TRIGGER commitments_fts_insert AFTER INSERT ON commitments  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO commitments_fts (rowid, title, notes) VALUES (new.id, new.title, new.notes);END;
CREATE TRIGGER commitments_fts_delete AFTER DELETE ON commitments  WHEN NOT EXISTS (SELECT 1 FROM bulk_load WHERE old.id > commitments_mark) BEGIN  INSERT INTO commitments_fts (commitments_fts, rowid, title, notes)    VALUES ('delete', old.id, old.title, old.notes);END;
CREATE TRIGGER commitments_fts_update AFTER UPDATE OF title, notes ON commitments  WHEN NOT EXISTS (SELECT 1 FROM bulk_load WHERE old.id > commitments_mark) BEGIN  INSERT INTO commitments_fts (commitments_fts, rowid, title, notes)    VALUES ('delete', old.id, old.title, old.notes);  INSERT INTO commitments_fts (rowid, title, notes) VALUES (new.id, new.title, new.notes);END;
CREATE TRIGGER concerns_fts_insert AFTER INSERT ON concerns  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO concerns_fts (rowid, title, root_cause, resolution, notes) VALUES (new.id, new.title, new.root_cause, new.resolution, new.notes);END;
CREATE TRIGGER concerns_fts_delete AFTER DELETE ON concerns  WHEN NOT EXISTS (SELECT 1 FROM bulk_load WHERE old.id > concerns_mark) BEGIN  INSERT INTO concerns_fts (concerns_fts, rowid, title, root_cause, resolution, notes)    VALUES ('delete', old.id, old.title, old.root_cause, old.resolution, old.notes);END;
CREATE TRIGGER concerns_fts_update AFTER UPDATE OF title, root_cause, resolution, notes ON concerns  WHEN NOT EXISTS (SELECT 1 FROM bulk_load WHERE old.id > concerns_mark) BEGIN  INSERT INTO concerns_fts (concerns_fts, rowid, title, root_cause, resolution, notes)    VALUES ('delete', old.id, old.title, old.root_cause, old.resolution, old.notes);  INSERT INTO concerns_fts (rowid, title, root_cause, resolution, notes) VALUES (new.id, new.title, new.root_cause, new.resolution, new.notes);END;
CREATE TRIGGER change_log_prune AFTER INSERT ON change_log  WHEN new.seq % 1000 = 0 BEGIN  DELETE FROM change_log WHERE seq <= new.seq - 10000;END;
CREATE TRIGGER organizations_log_insert AFTER INSERT ON organizations  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('organization', new.id, 'insert', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER organizations_log_update AFTER UPDATE ON organizations  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('organization', new.id, 'update', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER organizations_log_delete AFTER DELETE ON organizations  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('organization', old.id, 'delete', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER organization_tags_log_insert AFTER INSERT ON organization_tags  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('organization', new.organization_id, 'update', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER organization_tags_log_update AFTER UPDATE ON organization_tags  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('organization', new.organization_id, 'update', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER organization_tags_log_delete AFTER DELETE ON organization_tags  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('organization', old.organization_id, 'update', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER contacts_log_insert AFTER INSERT ON contacts  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('contact', new.id, 'insert', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER contacts_log_update AFTER UPDATE ON contacts  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('contact', new.id, 'update', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER contacts_log_delete AFTER DELETE ON contacts  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('contact', old.id, 'delete', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER contact_points_log_insert AFTER INSERT ON contact_points  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('contact', new.contact_id, 'update', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER contact_points_log_update AFTER UPDATE ON contact_points  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('contact', new.contact_id, 'update', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER contact_points_log_delete AFTER DELETE ON contact_points  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('contact', old.contact_id, 'update', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER contact_languages_log_insert AFTER INSERT ON contact_languages  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('contact', new.contact_id, 'update', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER contact_languages_log_update AFTER UPDATE ON contact_languages  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('contact', new.contact_id, 'update', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER contact_languages_log_delete AFTER DELETE ON contact_languages  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('contact', old.contact_id, 'update', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER contact_tags_log_insert AFTER INSERT ON contact_tags  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('contact', new.contact_id, 'update', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER contact_tags_log_update AFTER UPDATE ON contact_tags  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('contact', new.contact_id, 'update', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER contact_tags_log_delete AFTER DELETE ON contact_tags  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('contact', old.contact_id, 'update', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER affiliations_log_insert AFTER INSERT ON affiliations  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('affiliation', new.id, 'insert', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER affiliations_log_update AFTER UPDATE ON affiliations  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('affiliation', new.id, 'update', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER affiliations_log_delete AFTER DELETE ON affiliations  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('affiliation', old.id, 'delete', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER interactions_log_insert AFTER INSERT ON interactions  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('interaction', new.id, 'insert', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER interactions_log_update AFTER UPDATE ON interactions  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('interaction', new.id, 'update', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER interactions_log_delete AFTER DELETE ON interactions  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('interaction', old.id, 'delete', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER interaction_contacts_log_insert AFTER INSERT ON interaction_contacts  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('interaction', new.interaction_id, 'update', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER interaction_contacts_log_update AFTER UPDATE ON interaction_contacts  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('interaction', new.interaction_id, 'update', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER interaction_contacts_log_delete AFTER DELETE ON interaction_contacts  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('interaction', old.interaction_id, 'update', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER interaction_organizations_log_insert AFTER INSERT ON interaction_organizations  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('interaction', new.interaction_id, 'update', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER interaction_organizations_log_update AFTER UPDATE ON interaction_organizations  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('interaction', new.interaction_id, 'update', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER interaction_organizations_log_delete AFTER DELETE ON interaction_organizations  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('interaction', old.interaction_id, 'update', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER commitments_log_insert AFTER INSERT ON commitments  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('commitment', new.id, 'insert', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER commitments_log_update AFTER UPDATE ON commitments  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('commitment', new.id, 'update', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER commitments_log_delete AFTER DELETE ON commitments  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('commitment', old.id, 'delete', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER concerns_log_insert AFTER INSERT ON concerns  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('concern', new.id, 'insert', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER concerns_log_update AFTER UPDATE ON concerns  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('concern', new.id, 'update', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER concerns_log_delete AFTER DELETE ON concerns  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('concern', old.id, 'delete', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER concern_parties_log_insert AFTER INSERT ON concern_parties  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('concern', new.concern_id, 'update', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER concern_parties_log_update AFTER UPDATE ON concern_parties  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('concern', new.concern_id, 'update', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER concern_parties_log_delete AFTER DELETE ON concern_parties  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('concern', old.concern_id, 'update', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER concern_interactions_log_insert AFTER INSERT ON concern_interactions  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('concern', new.concern_id, 'update', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER concern_interactions_log_update AFTER UPDATE ON concern_interactions  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('concern', new.concern_id, 'update', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE TRIGGER concern_interactions_log_delete AFTER DELETE ON concern_interactions  WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN  INSERT INTO change_log (kind, record_id, operation, changed_at)    VALUES ('concern', old.concern_id, 'update', CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));END;
CREATE INDEX contacts_by_family_name ON contacts (family_sort_key, id);
CREATE INDEX contacts_by_given_name ON contacts (given_sort_key, id);
PRAGMA writable_schema=OFF;
COMMIT;
