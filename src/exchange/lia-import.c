/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-export-private.h"
#include "lia-import-private.h"
#include "lia-store-bulk.h"
#include "lia-store-hashes.h"

/*
 * One run of an import, whatever the format: the problems found, the records counted, which
 * records this run has touched, and merging a record of the file into the database. Every
 * reader uses it; it calls no reader and knows nothing of the LiaImporter that started the run,
 * which copies the problems and counts when the run is over.
 */

/* Problems and failures */

static LiaImportProblem *
add_problem (LiaImport  *import,
             guint       line,
             guint       column,
             const char *message)
{
  LiaImportProblem *problem;

  import->failed = TRUE;

  if (import->problems->len >= LIA_IMPORT_MAX_PROBLEMS)
    {
      import->problems_truncated = TRUE;
      import->stopped = TRUE;
      return NULL;
    }

  problem = lia_import_problem_new (import->file_name, line, column, message);
  g_ptr_array_add (import->problems, problem);

  return problem;
}

LiaImportProblem *
_lia_import_problem (LiaImport  *import,
                     xmlNode    *node,
                     const char *attribute,
                     const char *format,
                     ...)
{
  g_autofree char *message = NULL;
  LiaImportProblem *problem;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (node != NULL)
    problem = add_problem (import, _lia_import_line (import, node), 0, message);
  else
    problem = add_problem (import, import->record_line, import->record_column, message);

  /* The column is found later, from the file, when the import is over. */
  if (problem != NULL && node != NULL && node->type == XML_ELEMENT_NODE)
    {
      g_autofree char *needle = attribute != NULL
        ? g_strdup_printf ("%s@%s", (const char *) node->name, attribute)
        : g_strdup ((const char *) node->name);
      _lia_import_problem_set_needle (problem, needle);
    }

  return problem;
}

void
_lia_import_xml_problem (LiaImport  *import,
                         guint       line,
                         guint       column,
                         const char *message)
{
  add_problem (import, line, column, message);
}

void
_lia_import_fail (LiaImport *import,
                  GError    *error)
{
  import->stopped = TRUE;
  if (import->error == NULL)
    import->error = error;
  else
    g_error_free (error);
}

guint
_lia_import_line (LiaImport *import,
                  xmlNode   *node)
{
  long line = _lia_xml_line (node);

  if (line <= 0)
    return 0;
  return (guint) CLAMP (line + import->line_offset, 1, G_MAXUINT);
}

/* libxml2's own messages end in a newline and speak of the parser; keep the reason, in a
 * sentence a person can act on where we know the case. */
static char *
describe_xml_error (const LiaImport *import,
                    const xmlError  *error)
{
  g_autofree char *text = g_strstrip (g_strdup (error->message != NULL ? error->message : ""));

  /* Some of libxml2's messages run over two lines. */
  g_strdelimit (text, "\n", ' ');

  switch (error->code)
    {
    case XML_ERR_DOCUMENT_EMPTY:
      return g_strdup (_("This is not an XML file: it does not start with an element."));
    case XML_ERR_DOCUMENT_END:
      if (import->root_is_vcards)
        return g_strdup_printf (_("There is more after the end of the list of vCards (%s)."), text);
      return g_strdup_printf (_("There is more after the end of the partner directory (%s)."), text);
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
    case XML_ERR_UNKNOWN_ENCODING:
    case XML_ERR_UNSUPPORTED_ENCODING:
      return g_strdup_printf (_("The text is not valid UTF-8 here: save the file as UTF-8 (%s)."), text);
    case XML_ERR_TAG_NOT_FINISHED:
    case XML_ERR_LTSLASH_REQUIRED:
    case XML_ERR_GT_REQUIRED:
      if (strstr (text, "Premature end") != NULL)
        return g_strdup_printf (_("The file ends in the middle of an element: it was probably cut off (%s)."), text);
      return g_strdup_printf (_("An element is not closed properly (%s)."), text);
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
      return g_strdup_printf (_("An entity is used that a partner directory cannot have (%s)."), text);
    default:
      if (strstr (text, "Excessive depth") != NULL)
        return g_strdup (_("The elements are nested more than 256 deep: this is not a partner directory."));
      if (strstr (text, "huge text node") != NULL || strstr (text, "too long") != NULL ||
          strstr (text, "huge input") != NULL)
        return g_strdup_printf (_("A text is longer than the 10 MB that a field may hold (%s)."), text);
      if (strstr (text, "Start tag expected") != NULL || strstr (text, "Document is empty") != NULL)
        return g_strdup (_("This is not an XML file."));
      return g_strdup_printf (_("This is not well-formed XML: %s."), text);
    }
}

void
_lia_import_xml_error_cb (void     *user_data,
                          xmlError *error)
{
  LiaImport *import = user_data;
  g_autofree char *message = NULL;

  if (error->level < XML_ERR_ERROR)
    return;

  /* After the first fatal error the parser repeats itself; one message is enough. */
  if (import->stopped)
    return;

  /* The parser reads ahead: in a small file it meets the problem before the reader of the
   * format has started. The root it has built says which format it is. */
  if (error->ctxt != NULL && ((xmlParserCtxtPtr) error->ctxt)->myDoc != NULL)
    {
      xmlNode *root = xmlDocGetRootElement (((xmlParserCtxtPtr) error->ctxt)->myDoc);

      if (_lia_xml_is (root, LIA_XCARD_NAMESPACE, NULL))
        import->root_is_vcards = TRUE;
    }

  /* libxml2's reader calls a file that stops in the middle "extra content". */
  /* The reader parses ahead of the records it hands out, so ask the parser whether every
   * element was closed when it met the extra content. */
  if (error->code == XML_ERR_DOCUMENT_END && error->ctxt != NULL &&
      ((xmlParserCtxtPtr) error->ctxt)->nameNr == 0)
    import->root_closed = TRUE;
  if (error->code == XML_ERR_DOCUMENT_END && !import->root_closed)
    message = g_strdup (import->root_is_vcards
                        ? _("The file ends in the middle of the list of vCards: it was probably cut off.")
                        : _("The file ends in the middle of the directory: it was probably cut off."));
  else
    message = describe_xml_error (import, error);
  _lia_import_xml_problem (import, error->line > 0 ? (guint) error->line : 0,
                           error->int2 > 0 ? (guint) error->int2 : 0, message);
  if (error->level == XML_ERR_FATAL)
    import->stopped = TRUE;
}

/* Reading XML */

gboolean
_lia_import_valid_id (const char *id)
{
  gsize length = 0;

  /* Most ids are printable ASCII: no space, no control character, one character a byte. */
  while (id[length] > ' ' && id[length] < 0x7f)
    length++;
  if (id[length] == '\0')
    return length <= MAX_ID_LENGTH;

  if (!g_utf8_validate (id, -1, NULL) || g_utf8_strlen (id, -1) > MAX_ID_LENGTH)
    return FALSE;
  for (const char *c = id; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar ch = g_utf8_get_char (c);
      if (g_unichar_isspace (ch) || g_unichar_iscntrl (ch))
        return FALSE;
    }
  return TRUE;
}

static void
reader_problem (LiaImport  *import,
                const char *message)
{
  _lia_import_xml_problem (import, (guint) xmlTextReaderGetParserLineNumber (import->reader), 0, message);
}

gboolean
_lia_import_read_records (LiaImport           *import,
                          LiaImportRecordFunc  record_cb,
                          gpointer             user_data,
                          const char          *text_between,
                          const char          *cut_off)
{
  xmlTextReaderPtr reader = import->reader;
  int ret;

  if (xmlTextReaderIsEmptyElement (reader))
    import->root_closed = TRUE;
  ret = xmlTextReaderRead (reader);

  while (ret == 1 && !import->stopped)
    {
      int type = xmlTextReaderNodeType (reader);
      int depth = xmlTextReaderDepth (reader);

      if (depth == 1 && type == XML_READER_TYPE_ELEMENT)
        {
          xmlNode *node = xmlTextReaderExpand (reader);

          if (node == NULL)
            {
              ret = -1;
              break;
            }

          record_cb (import, node, user_data);
          ret = xmlTextReaderNext (reader);
          continue;
        }

      if (depth == 1 && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA))
        reader_problem (import, text_between);
      if (depth == 0 && type == XML_READER_TYPE_END_ELEMENT)
        import->root_closed = TRUE;

      ret = xmlTextReaderRead (reader);
    }

  if (ret < 0 && !import->failed && import->error == NULL)
    reader_problem (import, _("The file could not be read to the end."));
  else if (ret == 0 && !import->root_closed && !import->failed && import->error == NULL)
    reader_problem (import, cut_off);

  return ret == 0;
}

/* Counting */

void
_lia_import_count (LiaImport        *import,
                   LiaRecordKind     kind,
                   LiaImportOutcome  outcome)
{
  g_assert (kind < N_KINDS && outcome < N_OUTCOMES);
  import->counts[kind][outcome]++;
}

void
_lia_import_ignore (LiaImport *import)
{
  import->ignored++;
}

void
_lia_import_not_kept (LiaImport  *import,
                      const char *property)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (import->not_kept, property));

  g_hash_table_replace (import->not_kept, g_strdup (property), GUINT_TO_POINTER (count + 1));
}

void
_lia_import_warning (LiaImport  *import,
                     guint       line,
                     guint       column,
                     const char *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (import->warnings->len >= LIA_IMPORT_MAX_PROBLEMS)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (import->warnings, lia_import_problem_new (import->file_name, line, column, message));
}

void
_lia_import_progress (LiaImport *import)
{
  import->records_read++;

  if (import->progress_func != NULL)
    import->progress_func (import, import->progress_data);

  if (import->records_read % LIA_IMPORT_CHECK_EVERY == 0 &&
      g_cancellable_is_cancelled (import->cancellable))
    {
      GError *error = NULL;
      g_cancellable_set_error_if_cancelled (import->cancellable, &error);
      _lia_import_fail (import, error);
    }
}

/* Starting and ending */

void
_lia_import_init (LiaImport    *import,
                  LiaStore     *store,
                  const char   *file_name,
                  GCancellable *cancellable)
{
  memset (import, 0, sizeof *import);
  import->store = store;
  import->file_name = file_name;
  import->cancellable = cancellable;
  import->problems = g_ptr_array_new_with_free_func (g_object_unref);
  import->warnings = g_ptr_array_new_with_free_func (g_object_unref);
  import->unmatched_people = g_ptr_array_new_with_free_func (g_free);
  import->not_kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
_lia_import_clear (LiaImport *import)
{
  g_clear_pointer (&import->reader, xmlFreeTextReader);
  g_clear_pointer (&import->problems, g_ptr_array_unref);
  g_clear_pointer (&import->warnings, g_ptr_array_unref);
  g_clear_pointer (&import->unmatched_people, g_ptr_array_unref);
  g_clear_pointer (&import->not_kept, g_hash_table_unref);
  g_clear_error (&import->error);
  for (guint i = 0; i < G_N_ELEMENTS (import->touched); i++)
    g_clear_pointer (&import->touched[i], g_byte_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (import->hashes); i++)
    {
      g_clear_pointer (&import->hashes[i], lia_content_hashes_free);
      g_clear_pointer (&import->uid_hashes[i], lia_uid_content_hashes_free);
    }
  g_clear_pointer (&import->local_zone, g_time_zone_unref);
}

GDate *
_lia_import_local_day (LiaImport *import,
                       GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (import->local_zone == NULL)
    import->local_zone = g_time_zone_new_local ();
  local = g_date_time_to_timezone (time, import->local_zone);
  return g_date_new_dmy (g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                         g_date_time_get_year (local));
}

/* Merging */

static gboolean
touched (LiaImport     *import,
         LiaRecordKind  kind,
         gint64         id,
         gboolean       mark)
{
  GByteArray *bits = import->touched[kind];
  guint byte = (guint) (id / 8);
  guint8 bit = (guint8) (1u << (id % 8));
  gboolean was;

  if (bits == NULL)
    bits = import->touched[kind] = g_byte_array_new ();
  if (byte >= bits->len)
    {
      guint old_len = bits->len;
      g_byte_array_set_size (bits, MAX (byte + 1, old_len * 2));
      memset (bits->data + old_len, 0, bits->len - old_len);
    }

  was = (bits->data[byte] & bit) != 0;
  if (mark)
    bits->data[byte] |= bit;
  return was;
}

gboolean
_lia_import_is_touched (LiaImport     *import,
                        LiaRecordKind  kind,
                        gint64         id)
{
  return id > 0 && touched (import, kind, id, FALSE);
}

gboolean
_lia_import_find (LiaImport     *import,
                  LiaRecordKind  kind,
                  const char    *uid,
                  gint64        *out_id)
{
  GError *error = NULL;

  if (!lia_store_find_id (import->store, kind, uid, out_id, &error))
    {
      _lia_import_fail (import, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_problem_of_the_file (const GError *error)
{
  return g_error_matches (error, LIA_STORE_ERROR, LIA_STORE_ERROR_INVALID) ||
         g_error_matches (error, LIA_STORE_ERROR, LIA_STORE_ERROR_REFERENCE) ||
         g_error_matches (error, LIA_STORE_ERROR, LIA_STORE_ERROR_DUPLICATE);
}

void
_lia_import_stand_in (LiaImport *import,
                      LiaRecord *record)
{
  g_autoptr(LiaRecord) stand_in = NULL;
  g_autoptr(GDateTime) now = NULL;
  gint64 id = 0;

  if (!_lia_import_find (import, lia_record_get_kind (record), lia_record_get_uid (record), &id))
    return;
  if (id > 0)
    {
      lia_record_set_id (record, id);
      touched (import, lia_record_get_kind (record), id, TRUE);
      return;
    }

  switch (lia_record_get_kind (record))
    {
    case LIA_RECORD_KIND_ORGANIZATION:
      stand_in = LIA_RECORD (lia_organization_new ("?"));
      break;
    case LIA_RECORD_KIND_CONTACT:
      stand_in = LIA_RECORD (lia_contact_new ("?", NULL));
      break;
    case LIA_RECORD_KIND_INTERACTION:
      now = g_date_time_new_now_utc ();
      stand_in = LIA_RECORD (lia_interaction_new (LIA_INTERACTION_KIND_NOTE, now, "?"));
      break;
    case LIA_RECORD_KIND_COMMITMENT:
      stand_in = LIA_RECORD (lia_commitment_new (LIA_COMMITMENT_DIRECTION_OURS, "?"));
      break;
    case LIA_RECORD_KIND_CONCERN:
      stand_in = LIA_RECORD (lia_concern_new ("?"));
      break;
    default:
      /* Nothing refers to affiliations or projects. */
      return;
    }

  lia_record_set_uid (stand_in, lia_record_get_uid (record));
  if (lia_store_save (import->store, stand_in, NULL))
    {
      lia_record_set_id (record, lia_record_get_id (stand_in));
      touched (import, lia_record_get_kind (record), lia_record_get_id (record), TRUE);
    }
}

static gboolean
report_store_error (LiaImport *import,
                    LiaRecord *record,
                    xmlNode   *node,
                    GError    *error)
{
  if (!is_problem_of_the_file (error))
    {
      _lia_import_fail (import, error);
      return FALSE;
    }

  _lia_import_problem (import, node, NULL, "%s", error->message);
  g_error_free (error);

  if (lia_record_get_id (record) == 0)
    _lia_import_stand_in (import, record);
  return !import->stopped;
}

/* Content hashes (lia-store-hashes.h): a 64-bit hash of a record's element, everything a
 * reader makes the record of. Not a cryptographic hash: whoever writes the file decides what
 * it holds anyway; two different elements of a record give the same hash by chance about
 * once in 2^64. */

#define HASH_K1 G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)
#define HASH_K2 G_GUINT64_CONSTANT (0xc2b2ae3d27d4eb4f)

static inline guint64
hash_mix (guint64 h,
          guint64 word)
{
  h ^= word * HASH_K1;
  h = (h << 31) | (h >> 33);
  return h * HASH_K2;
}

/* The bytes of @text and its length, so that "ab" + "c" and "a" + "bc" differ. */
static guint64
hash_text (guint64        h,
           const xmlChar *text)
{
  const guint8 *bytes = text;
  gsize length = text != NULL ? strlen ((const char *) text) : 0;
  gsize i = 0;

  for (; i + 8 <= length; i += 8)
    {
      guint64 word;
      memcpy (&word, bytes + i, 8);
      h = hash_mix (h, word);
    }
  if (i < length)
    {
      guint64 word = 0;
      memcpy (&word, bytes + i, length - i);
      h = hash_mix (h, word);
    }
  return hash_mix (h, (guint64) length << 1 | (text == NULL));
}

static guint64
hash_node (guint64  h,
           xmlNode *node)
{
  for (; node != NULL; node = node->next)
    {
      switch (node->type)
        {
        case XML_ELEMENT_NODE:
          h = hash_mix (h, 'E');
          h = hash_text (h, node->ns != NULL ? node->ns->href : NULL);
          h = hash_text (h, node->name);
          for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
            {
              h = hash_mix (h, 'A');
              h = hash_text (h, attr->ns != NULL ? attr->ns->href : NULL);
              h = hash_text (h, attr->name);
              h = hash_node (h, attr->children);
            }
          h = hash_node (h, node->children);
          h = hash_mix (h, 'e');
          break;
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          h = hash_mix (h, 'T');
          h = hash_text (h, node->content);
          break;
        case XML_COMMENT_NODE:
        case XML_PI_NODE:
          /* Nothing a reader reads. */
          break;
        default:
          /* Anything else (an entity reference) is told apart, never skipped. */
          h = hash_mix (h, 'X');
          h = hash_mix (h, (guint64) node->type);
          h = hash_text (h, node->name);
          break;
        }
    }
  return h;
}

static guint64
hash_element (LiaImport     *import,
              LiaRecordKind  kind,
              xmlNode       *node)
{
  guint64 h = hash_mix (import->node_hash_seed, kind);
  xmlNode *next = node->next;

  /* Only the element, not its siblings. */
  node->next = NULL;
  h = hash_node (h, node);
  node->next = next;

  /* Murmur3's finalizer: every bit of the input moves every bit of the hash. */
  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  h ^= h >> 33;
  return h;
}

/* Whether the database keeps @hash for the record of @kind with @id (and @uid, when it has
 * one): nothing has changed it since an import stored or confirmed it from an element with
 * that hash. */
static gboolean
has_hash (LiaImport     *import,
          LiaRecordKind  kind,
          gint64         id,
          const char    *uid,
          guint64        hash,
          gboolean      *out_same)
{
  GError *error = NULL;
  guint64 stored;

  *out_same = FALSE;

  /* Those of the kind read by uid already: not both in memory. */
  if (import->uid_hashes[kind] != NULL && uid != NULL && uid[0] != '\0')
    {
      guint n;
      const LiaUidContentHash *entries =
        lia_uid_content_hashes_lookup (import->uid_hashes[kind], lia_content_uid_hash (uid), &n);

      for (guint i = 0; i < n; i++)
        if (entries[i].id == id && entries[i].hash == hash)
          *out_same = TRUE;
      return TRUE;
    }

  if (import->hashes[kind] == NULL &&
      !(import->hashes[kind] = lia_store_read_content_hashes (import->store, kind, &error)))
    {
      _lia_import_fail (import, error);
      return FALSE;
    }
  *out_same = lia_content_hashes_lookup (import->hashes[kind], id, &stored) && stored == hash;
  return TRUE;
}

static gboolean
keep_hash (LiaImport     *import,
           LiaRecordKind  kind,
           gint64         id,
           guint64        hash)
{
  GError *error = NULL;

  if (!lia_store_set_content_hash (import->store, kind, id, hash, &error))
    {
      _lia_import_fail (import, error);
      return FALSE;
    }
  return TRUE;
}

/* The id of the record of @kind with @uid when the database has it as an import stored it
 * from an element the same as @node (hashed, *@out_hash), and nothing has touched it in this
 * import; 0 otherwise. Marks and counts nothing. FALSE only when the import must stop. */
static gboolean
find_unchanged (LiaImport     *import,
                LiaRecordKind  kind,
                const char    *uid,
                xmlNode       *node,
                gint64        *out_id)
{
  GError *error = NULL;
  const LiaUidContentHash *entries;
  guint64 hash;
  guint n;

  *out_id = 0;
  if (import->node_hash_seed == 0 || uid == NULL || uid[0] == '\0')
    return TRUE;

  if (import->uid_hashes[kind] == NULL)
    {
      if (!(import->uid_hashes[kind] = lia_store_read_content_hashes_by_uid (import->store, kind, &error)))
        {
          _lia_import_fail (import, error);
          return FALSE;
        }
      g_clear_pointer (&import->hashes[kind], lia_content_hashes_free);
    }
  if (!(entries = lia_uid_content_hashes_lookup (import->uid_hashes[kind], lia_content_uid_hash (uid), &n)))
    return TRUE;

  /* The element holds its uid, and a stored hash is forgotten when its record's uid changes:
   * a hash equal to this element's is of the record with this uid, even when two uids hash
   * the same. */
  hash = hash_element (import, kind, node);
  for (guint i = 0; i < n; i++)
    if (entries[i].hash == hash)
      {
        /* A second record with the id goes the long way, to be reported as one. */
        if (!_lia_import_is_touched (import, kind, entries[i].id))
          *out_id = entries[i].id;
        return TRUE;
      }
  return TRUE;
}

gboolean
_lia_import_unchanged_node (LiaImport     *import,
                            LiaRecordKind  kind,
                            const char    *uid,
                            xmlNode       *node,
                            gboolean      *out_unchanged)
{
  gint64 id;

  *out_unchanged = FALSE;
  if (!find_unchanged (import, kind, uid, node, &id))
    return FALSE;
  if (id > 0)
    {
      touched (import, kind, id, TRUE);
      _lia_import_count (import, kind, LIA_IMPORT_UNCHANGED);
      *out_unchanged = TRUE;
    }
  return TRUE;
}

/* The affiliations of a contact are records of their own, each with its hash, written when
 * it was stored with its contact (lia-directory-import.c, store_affiliations()). */
#define MAX_UNCHANGED_AFFILIATIONS 64

gboolean
_lia_import_unchanged_contact (LiaImport  *import,
                               const char *uid,
                               xmlNode    *node,
                               gboolean   *out_unchanged)
{
  gint64 contact_id;
  gint64 affiliation_ids[MAX_UNCHANGED_AFFILIATIONS];
  guint n_affiliations = 0;

  *out_unchanged = FALSE;
  if (!find_unchanged (import, LIA_RECORD_KIND_CONTACT, uid, node, &contact_id))
    return FALSE;
  if (contact_id == 0)
    return TRUE;

  /* The contact's hash says its element is the one it was stored from, affiliations and all;
   * each affiliation's own hash that nothing has changed its row since (which contact it
   * belongs to included). One without an id, or not as it was, goes the long way, and with
   * it the whole contact. */
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      const char *affiliation_uid = NULL;
      gboolean same = FALSE;
      gint64 id = 0;

      if (child->type != XML_ELEMENT_NODE || !g_str_equal ((const char *) child->name, "affiliation"))
        continue;
      if (n_affiliations == G_N_ELEMENTS (affiliation_ids))
        return TRUE;

      for (xmlAttr *attr = child->properties; attr != NULL; attr = attr->next)
        if (attr->ns == NULL && g_str_equal ((const char *) attr->name, "id"))
          affiliation_uid = _lia_xml_attr_text (attr);
      if (affiliation_uid == NULL || !_lia_import_valid_id (affiliation_uid))
        return TRUE;

      if (!_lia_import_find (import, LIA_RECORD_KIND_AFFILIATION, affiliation_uid, &id))
        return FALSE;
      if (id <= 0 || _lia_import_is_touched (import, LIA_RECORD_KIND_AFFILIATION, id))
        return TRUE;
      for (guint i = 0; i < n_affiliations; i++)
        if (affiliation_ids[i] == id)
          return TRUE;
      if (!has_hash (import, LIA_RECORD_KIND_AFFILIATION, id, NULL,
                     hash_element (import, LIA_RECORD_KIND_AFFILIATION, child), &same))
        return FALSE;
      if (!same)
        return TRUE;
      affiliation_ids[n_affiliations++] = id;
    }

  touched (import, LIA_RECORD_KIND_CONTACT, contact_id, TRUE);
  _lia_import_count (import, LIA_RECORD_KIND_CONTACT, LIA_IMPORT_UNCHANGED);
  for (guint i = 0; i < n_affiliations; i++)
    {
      touched (import, LIA_RECORD_KIND_AFFILIATION, affiliation_ids[i], TRUE);
      _lia_import_count (import, LIA_RECORD_KIND_AFFILIATION, LIA_IMPORT_UNCHANGED);
    }
  *out_unchanged = TRUE;
  return TRUE;
}

gboolean
_lia_import_merge (LiaImport *import,
                   LiaRecord *record,
                   xmlNode   *node)
{
  LiaRecordKind kind = lia_record_get_kind (record);
  const char *uid = lia_record_get_uid (record);
  g_autoptr(LiaRecord) old = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  GError *error = NULL;
  gint64 id = lia_record_get_id (record);
  gboolean hashed = import->node_hash_seed != 0 && node != NULL;
  guint64 hash = hashed ? hash_element (import, kind, node) : 0;
  gboolean same = FALSE;

  if (id == 0 && uid != NULL && uid[0] != '\0' && !_lia_import_find (import, kind, uid, &id))
    return FALSE;

  if (id == 0)
    {
      if (!lia_store_save_preserving_times (import->store, record, &error))
        return report_store_error (import, record, node, error);

      touched (import, kind, lia_record_get_id (record), TRUE);
      if (hashed && !keep_hash (import, kind, lia_record_get_id (record), hash))
        return FALSE;
      _lia_import_count (import, kind, LIA_IMPORT_CREATED);
      return TRUE;
    }

  if (touched (import, kind, id, TRUE))
    {
      if (uid != NULL && uid[0] != '\0')
        _lia_import_problem (import, node, "id",
                             _("A second %s with the id “%s”: ids must be unique for each kind of record."),
                             _lia_import_kind_noun (kind), uid);
      else
        _lia_import_problem (import, node, NULL, _("The same %s is listed twice."), _lia_import_kind_noun (kind));
      lia_record_set_id (record, id);
      return !import->stopped;
    }

  /* The element the record was stored from, and nothing has changed it since. */
  if (hashed && !has_hash (import, kind, id, uid, hash, &same))
    return FALSE;
  if (same)
    {
      lia_record_set_id (record, id);
      _lia_import_count (import, kind, LIA_IMPORT_UNCHANGED);
      return TRUE;
    }

  if (!(old = lia_store_load (import->store, kind, id, &error)))
    {
      _lia_import_fail (import, error);
      return FALSE;
    }

  lia_record_set_id (record, id);
  if (uid == NULL || uid[0] == '\0')
    lia_record_set_uid (record, lia_record_get_uid (old));

  if (!(old_text = _lia_directory_canonical (import->store, old, &error)) ||
      !(new_text = _lia_directory_canonical (import->store, record, &error)))
    {
      _lia_import_fail (import, error);
      return FALSE;
    }

  if (g_str_equal (old_text, new_text))
    {
      if (hashed && !keep_hash (import, kind, id, hash))
        return FALSE;
      _lia_import_count (import, kind, LIA_IMPORT_UNCHANGED);
      return TRUE;
    }

  /* The record changes here, now: it takes the time of the import, not the file's. */
  lia_record_set_updated_at (record, NULL);
  if (!lia_store_save (import->store, record, &error))
    return report_store_error (import, record, node, error);

  if (hashed && !keep_hash (import, kind, id, hash))
    return FALSE;
  _lia_import_count (import, kind, LIA_IMPORT_UPDATED);
  return TRUE;
}

