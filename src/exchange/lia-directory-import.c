/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "lia-directory-private.h"
#include "lia-store-bulk.h"

/*
 * The partner directory, version 1 (docs/partner-directory.md).
 *
 * Each record element is expanded into a small tree of its own and read from there; the reader
 * frees it when it moves on, so memory does not grow with the file. References may point
 * forward. A record whose references are not all in the database yet is set aside in a
 * temporary file and read again at the end, kind by kind in the order in which kinds refer to
 * each other (contacts, interactions, commitments, concerns, projects); an organization whose parent
 * comes later is stored at once and gets its parent at the end. Both keep memory flat too.
 */

typedef struct
{
  LiaImport *import;
  /* Records set aside until everything they refer to is stored, per kind. */
  FILE      *deferred[N_KINDS];
  /* Organizations waiting for a parent that comes later: "id line parent-uid" lines. */
  FILE      *parents;
  /* Reading records set aside: unresolved references are now problems. */
  gboolean   final;
  /* A record's references (Ref) and affiliations, emptied after each record. */
  GArray    *refs;
  GPtrArray *affiliations;
} Directory;

/* Storing */

static void
apply_refs (Parse     *p,
            LiaRecord *record)
{
  for (guint i = 0; i < p->refs->len; i++)
    {
      Ref *ref = &g_array_index (p->refs, Ref, i);

      if (ref->id <= 0)
        continue;

      switch (ref->role)
        {
        case REF_PARENT:
          lia_organization_set_parent_id (LIA_ORGANIZATION (record), ref->id);
          break;
        case REF_AFFILIATION:
          lia_affiliation_set_organization_id (LIA_AFFILIATION (ref->extra), ref->id);
          break;
        case REF_PARTICIPANT:
          if (ref->kind == LIA_RECORD_KIND_CONTACT)
            lia_interaction_add_contact (LIA_INTERACTION (record), ref->id);
          else
            lia_interaction_add_organization (LIA_INTERACTION (record), ref->id);
          break;
        case REF_COUNTERPART:
          if (ref->kind == LIA_RECORD_KIND_CONTACT)
            lia_commitment_set_contact_id (LIA_COMMITMENT (record), ref->id);
          else
            lia_commitment_set_organization_id (LIA_COMMITMENT (record), ref->id);
          break;
        case REF_ORIGIN:
          lia_commitment_set_interaction_id (LIA_COMMITMENT (record), ref->id);
          break;
        case REF_PARTY:
          {
            g_autoptr(LiaConcernParty) party =
              ref->kind == LIA_RECORD_KIND_CONTACT
                ? lia_concern_party_new_contact (ref->id, ref->extra)
                : lia_concern_party_new_organization (ref->id, ref->extra);
            lia_concern_add_party (LIA_CONCERN (record), party);
          }
          break;
        case REF_RELATED:
          lia_concern_add_interaction (LIA_CONCERN (record), ref->id);
          break;
        case REF_STAKEHOLDER:
          {
            g_autoptr(LiaProjectStakeholder) stakeholder =
              ref->kind == LIA_RECORD_KIND_CONTACT
                ? lia_project_stakeholder_new_contact (ref->id, ref->extra)
                : lia_project_stakeholder_new_organization (ref->id, ref->extra);
            lia_project_add_stakeholder (LIA_PROJECT (record), stakeholder);
          }
          break;
        case REF_RISK_OWNER:
          lia_risk_set_owner_id (LIA_RISK (ref->extra), ref->id);
          break;
        case REF_LINK:
          lia_project_add_link (LIA_PROJECT (record), ref->kind, ref->id);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static gboolean
store_affiliations (Parse     *p,
                    LiaRecord *contact)
{
  gint64 contact_id = lia_record_get_id (contact);

  for (guint i = 0; i < p->affiliations->len; i++)
    {
      LiaAffiliation *affiliation = g_ptr_array_index (p->affiliations, i);
      const char *uid = lia_record_get_uid (LIA_RECORD (affiliation));
      xmlNode *node = NULL;
      GError *error = NULL;

      if (lia_affiliation_get_organization_id (affiliation) <= 0)
        continue;

      for (guint j = 0; j < p->refs->len; j++)
        if (g_array_index (p->refs, Ref, j).extra == affiliation)
          node = g_array_index (p->refs, Ref, j).node;

      lia_affiliation_set_contact_id (affiliation, contact_id);
      /* The element has no times of its own: a new affiliation was made and last changed with
       * its contact (so the same file gives the same export). */
      lia_record_set_created_at (LIA_RECORD (affiliation), lia_record_get_created_at (contact));
      lia_record_set_updated_at (LIA_RECORD (affiliation), lia_record_get_updated_at (contact));

      if (uid != NULL && uid[0] != '\0')
        {
          g_autoptr(LiaRecord) existing = NULL;
          gint64 id;

          if (!_lia_import_find (p->import, LIA_RECORD_KIND_AFFILIATION, uid, &id))
            return FALSE;
          if (id > 0 && (existing = lia_store_load (p->import->store, LIA_RECORD_KIND_AFFILIATION, id, &error)) &&
              lia_affiliation_get_contact_id (LIA_AFFILIATION (existing)) != contact_id)
            {
              _lia_pd_problem (p, node, "id", _("the affiliation “%s” belongs to another contact."), uid);
              continue;
            }
          if (error != NULL)
            {
              _lia_import_fail (p->import, error);
              return FALSE;
            }
        }
      else
        {
          g_autoptr(LiaAffiliation) existing =
            lia_store_find_affiliation (p->import->store, contact_id,
                                        lia_affiliation_get_organization_id (affiliation),
                                        lia_affiliation_get_from (affiliation), &error);
          if (error != NULL)
            {
              _lia_import_fail (p->import, error);
              return FALSE;
            }
          if (existing != NULL)
            lia_record_set_id (LIA_RECORD (affiliation), lia_record_get_id (LIA_RECORD (existing)));
        }

      if (!_lia_import_merge (p->import, LIA_RECORD (affiliation), node))
        return FALSE;
    }

  return TRUE;
}

/* Keeps a copy of the record's element, to read it again at the end. */
static gboolean
defer (Directory *dir,
       Parse     *p)
{
  g_autoptr(xmlDoc) doc = xmlNewDoc (BAD_CAST "1.0");
  g_autoptr(xmlBuffer) buffer = xmlBufferCreate ();
  FILE **file = &dir->deferred[p->kind];
  xmlNode *copy;

  if (*file == NULL && (*file = tmpfile ()) == NULL)
    {
      _lia_import_fail (p->import, g_error_new (LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_FAILED,
                                                _("Could not create a temporary file: %s"),
                                                g_strerror (errno)));
      return FALSE;
    }

  /* A copy in a document of its own declares the namespaces it uses. */
  copy = xmlDocCopyNode (p->node, doc, 1);
  xmlDocSetRootElement (doc, copy);
  xmlNodeDump (buffer, doc, copy, 0, 0);

  if (fprintf (*file, "%u %d\n", _lia_import_line (p->import, p->node), xmlBufferLength (buffer)) < 0 ||
      fwrite (xmlBufferContent (buffer), 1, xmlBufferLength (buffer), *file) != (size_t) xmlBufferLength (buffer))
    {
      _lia_import_fail (p->import, g_error_new (LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_FAILED,
                                                _("Could not write a temporary file: %s"),
                                                g_strerror (errno)));
      return FALSE;
    }
  return TRUE;
}

static gboolean
wait_for_parent (Directory *dir,
                 Parse     *p,
                 LiaRecord *organization,
                 Ref       *parent)
{
  if (dir->parents == NULL && (dir->parents = tmpfile ()) == NULL)
    {
      _lia_import_fail (p->import, g_error_new (LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_FAILED,
                                                _("Could not create a temporary file: %s"),
                                                g_strerror (errno)));
      return FALSE;
    }

  fprintf (dir->parents, "%" G_GINT64_FORMAT " %u %s\n", lia_record_get_id (organization),
           _lia_import_line (p->import, parent->node), parent->uid);
  return TRUE;
}

static void
report_dangling (Parse *p,
                 Ref   *ref)
{
  _lia_pd_problem (p, ref->node, ref->attribute,
           _("refers to %s “%s”, which is neither in this file nor in the database."),
           _lia_import_kind_noun (ref->kind), ref->uid);
}

/* Whether every element in @node is of the partner directory. */
static gboolean
only_ours (xmlNode *node)
{
  if (!_lia_pd_is_ours (node))
    return FALSE;
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && !only_ours (child))
      return FALSE;
  return TRUE;
}

static gboolean
read_record_into (Directory *dir,
                  xmlNode   *node)
{
  LiaImport *import = dir->import;
  GArray *refs = dir->refs;
  g_autoptr(LiaRecord) record = NULL;
  g_autofree char *uid = NULL;
  const char *name = (const char *) node->name;
  Parse p = { import, node, 0, NULL, refs, dir->affiliations, FALSE };
  Ref *parent = NULL;
  guint unresolved = 0;

  if (g_str_equal (name, "organization"))
    p.kind = LIA_RECORD_KIND_ORGANIZATION;
  else if (g_str_equal (name, "contact"))
    p.kind = LIA_RECORD_KIND_CONTACT;
  else if (g_str_equal (name, "interaction"))
    p.kind = LIA_RECORD_KIND_INTERACTION;
  else if (g_str_equal (name, "commitment"))
    p.kind = LIA_RECORD_KIND_COMMITMENT;
  else if (g_str_equal (name, "concern"))
    p.kind = LIA_RECORD_KIND_CONCERN;
  else if (g_str_equal (name, "project"))
    p.kind = LIA_RECORD_KIND_PROJECT;
  else
    {
      _lia_import_problem (import, node, NULL,
                           _("A partner directory holds <organization>, <contact>, <interaction>, <commitment>, <concern> and <project> elements, not <%s>."),
                           name);
      return !import->stopped;
    }

  if (!dir->final)
    _lia_import_progress (import);

  uid = _lia_pd_id_attribute (&p, node, "id", TRUE);
  p.uid = uid;

  /* A record the database has as this element made it: nothing to read. A contact's
   * affiliations are records of their own, each with its hash. Not an element with someone's
   * extensions in it, which the reading counts as ignored. */
  if (uid != NULL && only_ours (node))
    {
      gboolean unchanged;

      if (p.kind == LIA_RECORD_KIND_CONTACT
          ? !_lia_import_unchanged_contact (import, uid, node, &unchanged)
          : !_lia_import_unchanged_node (import, p.kind, uid, node, &unchanged))
        return FALSE;
      if (unchanged)
        return !import->stopped;
    }

  record = _lia_pd_read_fields (&p);

  if (import->stopped)
    return FALSE;
  if (uid == NULL)
    return TRUE;
  lia_record_set_uid (record, uid);

  /* References: to records already stored, or (until the end) to records further on. */
  for (guint i = 0; i < refs->len; i++)
    {
      Ref *ref = &g_array_index (refs, Ref, i);

      if (!_lia_import_find (import, ref->kind, ref->uid, &ref->id))
        return FALSE;
      if (ref->id > 0)
        continue;

      if (dir->final)
        report_dangling (&p, ref);
      else if (ref->role == REF_PARENT)
        parent = ref;
      else
        unresolved++;
    }

  if (unresolved > 0 && !p.bad)
    return defer (dir, &p);

  if (p.bad)
    {
      /* Not stored, but later records that refer to it must find it. */
      _lia_import_stand_in (import, record);
      return !import->stopped;
    }

  apply_refs (&p, record);

  if (!_lia_import_merge (import, record, node))
    return FALSE;

  if (parent != NULL && lia_record_get_id (record) > 0 && !wait_for_parent (dir, &p, record, parent))
    return FALSE;

  if (p.kind == LIA_RECORD_KIND_CONTACT && lia_record_get_id (record) > 0)
    return store_affiliations (&p, record);

  return !import->stopped;
}

/* The lists are the directory's, for all its records: no two arrays to make and free per
 * record. */
static gboolean
read_record (Directory *dir,
             xmlNode   *node)
{
  gboolean ok = read_record_into (dir, node);

  g_array_set_size (dir->refs, 0);
  g_ptr_array_set_size (dir->affiliations, 0);
  return ok;
}

/* The end: parents that came later, then the records set aside */

static gboolean
resolve_parents (Directory *dir)
{
  LiaImport *import = dir->import;
  char uid[MAX_ID_LENGTH * 4 + 2];
  gint64 id;
  guint line;

  if (dir->parents == NULL)
    return TRUE;

  rewind (dir->parents);
  while (!import->stopped &&
         fscanf (dir->parents, "%" G_GINT64_FORMAT " %u %800s\n", &id, &line, uid) == 3)
    {
      g_autoptr(LiaRecord) organization = NULL;
      GError *error = NULL;
      gint64 parent_id;

      if (!_lia_import_find (import, LIA_RECORD_KIND_ORGANIZATION, uid, &parent_id))
        return FALSE;

      if (!(organization = lia_store_load (import->store, LIA_RECORD_KIND_ORGANIZATION, id, &error)))
        {
          _lia_import_fail (import, error);
          return FALSE;
        }

      if (parent_id == 0)
        {
          LiaImportProblem *problem =
            _lia_import_problem (import, NULL, NULL,
                                 _("organization “%s” has the parent organization “%s”, which is neither in this file nor in the database."),
                                 lia_record_get_uid (organization), uid);
          if (problem != NULL)
            {
              _lia_import_problem_set_location (problem, line, 0);
              _lia_import_problem_set_needle (problem, "parent@organization");
            }
          continue;
        }

      lia_organization_set_parent_id (LIA_ORGANIZATION (organization), parent_id);
      if (!lia_store_save (import->store, organization, &error))
        {
          LiaImportProblem *problem;

          if (!g_error_matches (error, LIA_STORE_ERROR, LIA_STORE_ERROR_INVALID))
            {
              _lia_import_fail (import, error);
              return FALSE;
            }
          problem = _lia_import_problem (import, NULL, NULL, "%s", error->message);
          if (problem != NULL)
            {
              _lia_import_problem_set_location (problem, line, 0);
              _lia_import_problem_set_needle (problem, "parent@organization");
            }
          g_error_free (error);
        }
    }

  return !import->stopped;
}

static gboolean
read_deferred (Directory     *dir,
               LiaRecordKind  kind)
{
  LiaImport *import = dir->import;
  FILE *file = dir->deferred[kind];
  guint line;
  int length;

  if (file == NULL)
    return TRUE;

  rewind (file);
  while (!import->stopped && fscanf (file, "%u %d\n", &line, &length) == 2 && length > 0)
    {
      g_autofree char *text = g_malloc (length);
      g_autoptr(xmlDoc) doc = NULL;

      if (fread (text, 1, length, file) != (size_t) length)
        break;

      /* Written by us from a tree libxml2 already accepted: it parses the same way. */
      doc = xmlReadMemory (text, length, NULL, "UTF-8", LIA_XML_PARSE_OPTIONS | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
      if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
        continue;

      /* The copy starts with the record's element, on its first line. */
      import->line_offset = (long) line - 1;
      read_record (dir, xmlDocGetRootElement (doc));
      import->line_offset = 0;
    }

  return !import->stopped;
}

static void root_problem (LiaImport *import, guint line, const char *format, ...) G_GNUC_PRINTF (3, 4);

static void
root_problem (LiaImport  *import,
              guint       line,
              const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  _lia_import_xml_problem (import, line, 0, message);
}

static void
read_root_attributes (LiaImport *import)
{
  xmlTextReaderPtr reader = import->reader;
  gboolean has_version = FALSE;
  guint line = (guint) xmlTextReaderGetParserLineNumber (reader);

  while (xmlTextReaderMoveToNextAttribute (reader) == 1)
    {
      const char *name = (const char *) xmlTextReaderConstLocalName (reader);
      const char *value = (const char *) xmlTextReaderConstValue (reader);

      if (xmlTextReaderIsNamespaceDecl (reader) || xmlTextReaderConstNamespaceUri (reader) != NULL)
        continue;

      if (g_str_equal (name, "version"))
        {
          has_version = TRUE;
          if (!g_str_equal (value, "1"))
            root_problem (import, line, _("This is version “%s” of the partner directory format; this Liaison reads version 1."), value);
        }
      else if (g_str_equal (name, "exported"))
        {
          g_autoptr(GDateTime) exported = g_date_time_new_from_iso8601 (value, NULL);
          if (exported == NULL && value[0] != '\0')
            root_problem (import, line, _("“exported” must be a date and time like 2026-11-22T09:00:00Z, not “%s”."), value);
        }
      else
        {
          root_problem (import, line, _("<partner-directory> has no attribute “%s”."), name);
        }
    }
  xmlTextReaderMoveToElement (reader);

  if (!has_version)
    _lia_import_xml_problem (import, line, 0,
                             _("<partner-directory> needs the attribute version=\"1\"."));
}

static void
record_cb (LiaImport *import,
           xmlNode   *node,
           gpointer   user_data)
{
  if (_lia_pd_is_ours (node))
    read_record (user_data, node);
  else
    _lia_import_ignore (import);
}

/* The seed of the records' content hashes (lia-import.c): a record is made of its element,
 * the records its uids name, and the reader. Bump DIRECTORY_READER when what the reader makes
 * of an element changes; a new release or schema version changes the seed by itself. Either
 * way the hashes stored before no longer match, and the next import compares each record once
 * more in full. */
#define DIRECTORY_READER "partner-directory-1"

static guint64
node_hash_seed (void)
{
  g_autofree char *text = g_strdup_printf ("%s %s %d", DIRECTORY_READER, PACKAGE_VERSION,
                                           LIA_STORE_SCHEMA_VERSION);
  guint64 seed = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  /* FNV-1a: once per import. */
  for (const char *c = text; *c != '\0'; c++)
    seed = (seed ^ (guint8) *c) * G_GUINT64_CONSTANT (0x100000001b3);
  return seed != 0 ? seed : 1;
}

gboolean
_lia_directory_read (LiaImport *import)
{
  Directory dir = { import, { NULL, }, NULL, FALSE, NULL, NULL };
  gboolean complete;

  dir.refs = g_array_sized_new (FALSE, TRUE, sizeof (Ref), 8);
  g_array_set_clear_func (dir.refs, _lia_pd_clear_ref);
  dir.affiliations = g_ptr_array_new_with_free_func (g_object_unref);

  import->node_hash_seed = node_hash_seed ();
  read_root_attributes (import);

  complete = _lia_import_read_records (import, record_cb, &dir,
                                       _("A partner directory holds records, not text: there is text between two records."),
                                       _("The file ends before the partner directory does: it was probably cut off."));

  /* Everything is read: what was set aside can now find what it refers to, or never will. */
  dir.final = TRUE;
  if (!import->stopped && complete)
    {
      resolve_parents (&dir);
      read_deferred (&dir, LIA_RECORD_KIND_CONTACT);
      read_deferred (&dir, LIA_RECORD_KIND_INTERACTION);
      read_deferred (&dir, LIA_RECORD_KIND_COMMITMENT);
      read_deferred (&dir, LIA_RECORD_KIND_CONCERN);
      read_deferred (&dir, LIA_RECORD_KIND_PROJECT);
    }

  for (guint i = 0; i < N_KINDS; i++)
    if (dir.deferred[i] != NULL)
      fclose (dir.deferred[i]);
  if (dir.parents != NULL)
    fclose (dir.parents);
  g_array_unref (dir.refs);
  g_ptr_array_unref (dir.affiliations);

  return !import->failed && !import->stopped;
}
