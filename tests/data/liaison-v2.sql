-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Brings a database built from liaison-v1.sql to schema version 2 (full-text search) the way
-- Liaison 0.1 did, then changes a few records as a version 2 Liaison would. Together the two
-- scripts make the version 2 database that tests/test-store-migrations.c upgrades to version 3
-- (assessment history): the upgrade must keep every record, keep search working, and start
-- each assessed record's history with the assessment it holds.
--
-- The statements below are migration_2 from src/store/lia-store-schema.c, expanded.
CREATE VIRTUAL TABLE organizations_fts USING fts5 (name, short_name, sector, notes, content = 'organizations', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
CREATE TRIGGER organizations_fts_insert AFTER INSERT ON organizations BEGIN
  INSERT INTO organizations_fts (rowid, name, short_name, sector, notes) VALUES (new.id, new.name, new.short_name, new.sector, new.notes);
END;
CREATE TRIGGER organizations_fts_delete AFTER DELETE ON organizations BEGIN
  INSERT INTO organizations_fts (organizations_fts, rowid, name, short_name, sector, notes) VALUES ('delete', old.id, old.name, old.short_name, old.sector, old.notes);
END;
CREATE TRIGGER organizations_fts_update AFTER UPDATE OF name, short_name, sector, notes ON organizations BEGIN
  INSERT INTO organizations_fts (organizations_fts, rowid, name, short_name, sector, notes) VALUES ('delete', old.id, old.name, old.short_name, old.sector, old.notes);
  INSERT INTO organizations_fts (rowid, name, short_name, sector, notes) VALUES (new.id, new.name, new.short_name, new.sector, new.notes);
END;
INSERT INTO organizations_fts (organizations_fts) VALUES ('rebuild');
CREATE VIRTUAL TABLE contacts_fts USING fts5 (label, given_name, family_name, job_title, notes, content = 'contacts', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN
  INSERT INTO contacts_fts (rowid, label, given_name, family_name, job_title, notes) VALUES (new.id, new.label, new.given_name, new.family_name, new.job_title, new.notes);
END;
CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN
  INSERT INTO contacts_fts (contacts_fts, rowid, label, given_name, family_name, job_title, notes) VALUES ('delete', old.id, old.label, old.given_name, old.family_name, old.job_title, old.notes);
END;
CREATE TRIGGER contacts_fts_update AFTER UPDATE OF label, given_name, family_name, job_title, notes ON contacts BEGIN
  INSERT INTO contacts_fts (contacts_fts, rowid, label, given_name, family_name, job_title, notes) VALUES ('delete', old.id, old.label, old.given_name, old.family_name, old.job_title, old.notes);
  INSERT INTO contacts_fts (rowid, label, given_name, family_name, job_title, notes) VALUES (new.id, new.label, new.given_name, new.family_name, new.job_title, new.notes);
END;
INSERT INTO contacts_fts (contacts_fts) VALUES ('rebuild');
CREATE VIRTUAL TABLE interactions_fts USING fts5 (title, location, summary, outcome, content = 'interactions', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
CREATE TRIGGER interactions_fts_insert AFTER INSERT ON interactions BEGIN
  INSERT INTO interactions_fts (rowid, title, location, summary, outcome) VALUES (new.id, new.title, new.location, new.summary, new.outcome);
END;
CREATE TRIGGER interactions_fts_delete AFTER DELETE ON interactions BEGIN
  INSERT INTO interactions_fts (interactions_fts, rowid, title, location, summary, outcome) VALUES ('delete', old.id, old.title, old.location, old.summary, old.outcome);
END;
CREATE TRIGGER interactions_fts_update AFTER UPDATE OF title, location, summary, outcome ON interactions BEGIN
  INSERT INTO interactions_fts (interactions_fts, rowid, title, location, summary, outcome) VALUES ('delete', old.id, old.title, old.location, old.summary, old.outcome);
  INSERT INTO interactions_fts (rowid, title, location, summary, outcome) VALUES (new.id, new.title, new.location, new.summary, new.outcome);
END;
INSERT INTO interactions_fts (interactions_fts) VALUES ('rebuild');
CREATE VIRTUAL TABLE commitments_fts USING fts5 (title, notes, content = 'commitments', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
CREATE TRIGGER commitments_fts_insert AFTER INSERT ON commitments BEGIN
  INSERT INTO commitments_fts (rowid, title, notes) VALUES (new.id, new.title, new.notes);
END;
CREATE TRIGGER commitments_fts_delete AFTER DELETE ON commitments BEGIN
  INSERT INTO commitments_fts (commitments_fts, rowid, title, notes) VALUES ('delete', old.id, old.title, old.notes);
END;
CREATE TRIGGER commitments_fts_update AFTER UPDATE OF title, notes ON commitments BEGIN
  INSERT INTO commitments_fts (commitments_fts, rowid, title, notes) VALUES ('delete', old.id, old.title, old.notes);
  INSERT INTO commitments_fts (rowid, title, notes) VALUES (new.id, new.title, new.notes);
END;
INSERT INTO commitments_fts (commitments_fts) VALUES ('rebuild');
CREATE VIRTUAL TABLE concerns_fts USING fts5 (title, root_cause, resolution, notes, content = 'concerns', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
CREATE TRIGGER concerns_fts_insert AFTER INSERT ON concerns BEGIN
  INSERT INTO concerns_fts (rowid, title, root_cause, resolution, notes) VALUES (new.id, new.title, new.root_cause, new.resolution, new.notes);
END;
CREATE TRIGGER concerns_fts_delete AFTER DELETE ON concerns BEGIN
  INSERT INTO concerns_fts (concerns_fts, rowid, title, root_cause, resolution, notes) VALUES ('delete', old.id, old.title, old.root_cause, old.resolution, old.notes);
END;
CREATE TRIGGER concerns_fts_update AFTER UPDATE OF title, root_cause, resolution, notes ON concerns BEGIN
  INSERT INTO concerns_fts (concerns_fts, rowid, title, root_cause, resolution, notes) VALUES ('delete', old.id, old.title, old.root_cause, old.resolution, old.notes);
  INSERT INTO concerns_fts (rowid, title, root_cause, resolution, notes) VALUES (new.id, new.title, new.root_cause, new.resolution, new.notes);
END;
INSERT INTO concerns_fts (concerns_fts) VALUES ('rebuild');
PRAGMA user_version = 2;

-- Work done with version 2: the ministry was assessed (it was not before), Amina's influence
-- was lowered. Times are UTC microseconds (2024-06-01 and 2024-07-01 at 08:00).
UPDATE organizations SET influence = 5, interest = 4, stance = 'concerned',
  updated_at = 1717228800000000 WHERE uid = 'org-geneva-ministry';
UPDATE contacts SET influence = 3, updated_at = 1719820800000000 WHERE uid = 'contact-amina-diallo';
