/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-card-import.h"
#include "lia-charset.h"
#include "lia-csv-private.h"

/*
 * CSV exports of contact managers (docs/csv.md has the mapping of each header).
 *
 * The file is read whole (a contact list is small next to memory), turned into UTF-8 from
 * whatever charset it is in, split into rows, and its header recognised or mapped
 * (lia-csv-columns.c). Each row after the header becomes a card (lia-card-import.c), which
 * matches it with the database and stores it, the same as a vCard. A row that names no person
 * but an organization (Thunderbird writes companies that way) is the organization's card.
 */

/* A contact list is small; a file larger than this is not one. */
#define MAX_FILE_SIZE (512 * 1024 * 1024)

/* The header may follow a preamble (LinkedIn starts with a paragraph of notes). */
#define MAX_PREAMBLE_ROWS 20

/* Reading the file */

static GBytes *
read_all (LiaImport *import)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buffer[64 * 1024];
  GError *error = NULL;
  gssize n;

  while ((n = g_input_stream_read (import->stream, buffer, sizeof buffer, import->cancellable, &error)) > 0)
    {
      if (data->len + (gsize) n > MAX_FILE_SIZE)
        {
          _lia_import_xml_problem (import, 0, 0,
                                   _("The file is larger than 512 MB: this is not a list of contacts."));
          return NULL;
        }
      g_byte_array_append (data, buffer, (guint) n);
    }
  if (n < 0)
    {
      _lia_import_fail (import, error);
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

char *
_lia_csv_decode (const char  *data,
                 gsize        length,
                 gsize       *out_length,
                 GError     **error)
{
  g_autofree char *charset = NULL;
  char *text;

  if (!(text = _lia_charset_to_utf8 (data, length, NULL, &charset, error)))
    return NULL;
  *out_length = strlen (text);
  return text;
}

/* Where the header is: the first row a known program writes, else the first row of more than
 * one cell (a preamble is a paragraph in one cell). */
static guint
find_header (GPtrArray *rows)
{
  guint limit = MIN (rows->len, MAX_PREAMBLE_ROWS);

  for (guint i = 0; i < limit; i++)
    {
      CsvRow *row = g_ptr_array_index (rows, i);
      g_autoptr(CsvHeader) header = _lia_csv_header_recognize (row->cells, row->n_cells);

      if (header != NULL)
        return i;
    }
  for (guint i = 0; i < limit; i++)
    if (((CsvRow *) g_ptr_array_index (rows, i))->n_cells > 1)
      return i;
  return 0;
}

/* Building a card from a row */

typedef struct
{
  guint                group;
  LiaContactPointKind  kind;
  char               **types;     /* the group's "Type" cell, split */
} GroupKind;

typedef struct
{
  LiaImport        *import;
  LiaCardRun        run;
  const CsvHeader  *header;
  GHashTable       *kinds;       /* group → GroupKind */
} Csv;

static LiaContactPointKind
kind_of_type (const char *type,
              gboolean   *out_primary)
{
  g_autofree char *folded = NULL;

  *out_primary = g_str_has_prefix (type, "* ");
  folded = g_utf8_casefold (*out_primary ? type + 2 : type, -1);

  if (strstr (folded, "fax") != NULL)
    return LIA_CONTACT_POINT_KIND_FAX;
  if (strstr (folded, "mobile") != NULL || strstr (folded, "cell") != NULL)
    return LIA_CONTACT_POINT_KIND_MOBILE;
  if (strstr (folded, "work") != NULL || strstr (folded, "business") != NULL)
    return LIA_CONTACT_POINT_KIND_WORK;
  if (strstr (folded, "home") != NULL)
    return LIA_CONTACT_POINT_KIND_HOME;
  return LIA_CONTACT_POINT_KIND_OTHER;
}

/* "work: ann@example.org" → WORK, "ann@example.org" (lia-csv-writer.c). */
static const char *
kind_in_value (const char          *value,
               LiaContactPointKind *kind)
{
  const char *colon = strstr (value, ": ");
  g_autofree char *nick = NULL;
  int parsed;

  if (colon == NULL)
    return value;
  nick = g_strndup (value, colon - value);
  if (!lia_enum_from_nick (LIA_TYPE_CONTACT_POINT_KIND, nick, &parsed, NULL))
    return value;
  *kind = (LiaContactPointKind) parsed;
  return colon + 2;
}

/* A cell's values: several in one cell with the header's separator between them. */
static char **
split_values (const Csv  *csv,
              const char *cell,
              const char *separator)
{
  g_auto(GStrv) parts = NULL;
  GPtrArray *values = g_ptr_array_new ();

  if (separator == NULL)
    separator = csv->header->multi_separator;
  if (separator == NULL)
    {
      g_ptr_array_add (values, g_strstrip (g_strdup (cell)));
      g_ptr_array_add (values, NULL);
      return (char **) g_ptr_array_free (values, FALSE);
    }

  parts = g_strsplit (cell, separator, -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *value = g_strstrip (parts[i]);

      if (value[0] != '\0')
        g_ptr_array_add (values, g_strdup (value));
    }
  g_ptr_array_add (values, NULL);
  return (char **) g_ptr_array_free (values, FALSE);
}

static void
not_kept (Csv        *csv,
          guint       column)
{
  const char *name = csv->header->names[column];
  g_autofree char *unnamed = NULL;

  if (name[0] == '\0')
    name = unnamed = g_strdup_printf (_("column %u"), column + 1);
  _lia_import_not_kept (csv->import, name);
}

static void
set_text (char       **field,
          const char  *value)
{
  if (*field == NULL && value[0] != '\0')
    *field = g_strdup (value);
}

/* "1975-12-12", "--12-12", Outlook's "12/31/1975" (or "0/0/00" for none), as a contact's
 * birthday ("YYYY-MM-DD" or "--MM-DD"); %NULL when the cell holds no date Liaison can keep. */
static char *
parse_date (const char *text,
            gboolean    month_first)
{
  g_autofree char *iso = NULL;
  guint a, b, c;
  char tail;

  if (sscanf (text, "%4u-%2u-%2u%c", &a, &b, &c, &tail) == 3)
    iso = g_strdup_printf ("%04u-%02u-%02u", a, b, c);
  else if (sscanf (text, "--%2u-%2u%c", &a, &b, &tail) == 2)
    iso = g_strdup_printf ("--%02u-%02u", a, b);
  else if (sscanf (text, "%2u/%2u/%4u%c", &a, &b, &c, &tail) == 3 && c >= 1000)
    iso = month_first ? g_strdup_printf ("%04u-%02u-%02u", c, a, b)
                      : g_strdup_printf ("%04u-%02u-%02u", c, b, a);
  if (iso == NULL || !lia_contact_birthday_is_valid (iso))
    return NULL;
  return g_steal_pointer (&iso);
}

/* Thunderbird's three columns: a year may be missing, a month and a day may not. */
static char *
date_of_parts (const char *year,
               const char *month,
               const char *day)
{
  g_autofree char *iso = NULL;
  guint64 y = year != NULL ? g_ascii_strtoull (year, NULL, 10) : 0;
  guint64 m = month != NULL ? g_ascii_strtoull (month, NULL, 10) : 0;
  guint64 d = day != NULL ? g_ascii_strtoull (day, NULL, 10) : 0;

  if (m == 0 || d == 0 || m > 12 || d > 31 || y > 9999)
    return NULL;
  iso = y > 0 ? g_strdup_printf ("%04u-%02u-%02u", (guint) y, (guint) m, (guint) d)
              : g_strdup_printf ("--%02u-%02u", (guint) m, (guint) d);
  return lia_contact_birthday_is_valid (iso) ? g_steal_pointer (&iso) : NULL;
}

/* What a group's type column says of value @index of the group. */
static LiaContactPointKind
kind_for (Csv             *csv,
          const CsvColumn *column,
          guint            index,
          int             *out_pref)
{
  GroupKind *group = g_hash_table_lookup (csv->kinds, GUINT_TO_POINTER (column->group));
  gboolean primary = FALSE;
  LiaContactPointKind kind;
  guint n;

  *out_pref = NO_PREF;
  if (group == NULL || group->types == NULL || (n = g_strv_length (group->types)) == 0)
    return column->kind;

  kind = kind_of_type (group->types[MIN (index, n - 1)], &primary);
  if (primary)
    *out_pref = 1;
  return kind;
}

static void
read_group_types (Csv    *csv,
                  CsvRow *row)
{
  g_hash_table_remove_all (csv->kinds);

  for (guint i = 0; i < MIN (row->n_cells, csv->header->n_columns); i++)
    {
      const CsvColumn *column = &csv->header->columns[i];
      GroupKind *group;

      if (column->field != CSV_FIELD_TYPE || row->cells[i][0] == '\0')
        continue;
      group = g_new0 (GroupKind, 1);
      group->group = column->group;
      group->types = split_values (csv, row->cells[i], NULL);
      g_hash_table_replace (csv->kinds, GUINT_TO_POINTER (column->group), group);
    }
}

static void
free_group_kind (gpointer data)
{
  GroupKind *group = data;

  g_strfreev (group->types);
  g_free (group);
}

typedef struct
{
  guint                group;
  LiaContactPointKind  kind;
  char                *parts[ADR_PARTS];
  GArray              *columns;   /* guint: the cells it came from, to count when not kept */
} Address;

static Address *
address_for (GPtrArray       *addresses,
             const CsvColumn *column)
{
  Address *address;

  for (guint i = 0; i < addresses->len; i++)
    {
      address = g_ptr_array_index (addresses, i);
      /* Outlook's and Thunderbird's addresses are one kind each, Google's one number each. */
      if (column->group >= 100000 ? address->kind == column->kind && address->group >= 100000
                                  : address->group == column->group)
        return address;
    }

  address = g_new0 (Address, 1);
  address->group = column->group;
  address->kind = column->kind;
  address->columns = g_array_new (FALSE, FALSE, sizeof (guint));
  g_ptr_array_add (addresses, address);
  return address;
}

static void
free_address (gpointer data)
{
  Address *address = data;

  for (guint i = 0; i < ADR_PARTS; i++)
    g_free (address->parts[i]);
  g_array_unref (address->columns);
  g_free (address);
}

static void
append_part (char       **part,
             const char  *value)
{
  char *joined;

  if (*part == NULL)
    {
      *part = g_strdup (value);
      return;
    }
  joined = g_strconcat (*part, "\n", value, NULL);
  g_free (*part);
  *part = joined;
}

static int
address_part (CsvField field)
{
  switch (field)
    {
    case CSV_FIELD_STREET:           return ADR_STREET;
    case CSV_FIELD_EXTENDED_ADDRESS: return ADR_EXT;
    case CSV_FIELD_PO_BOX:           return ADR_POBOX;
    case CSV_FIELD_LOCALITY:         return ADR_LOCALITY;
    case CSV_FIELD_REGION:           return ADR_REGION;
    case CSV_FIELD_POSTAL_CODE:      return ADR_CODE;
    case CSV_FIELD_COUNTRY:          return ADR_COUNTRY;
    default:                         return -1;
    }
}

/* Fills @c from @row. */
static void
fill_card (Csv     *csv,
           CsvRow  *row,
           LiaCard *c)
{
  const CsvHeader *header = csv->header;
  g_autofree char *given = NULL;
  g_autofree char *middle = NULL;
  g_autofree char *organization = NULL;
  g_autofree char *department = NULL;
  g_autoptr(GPtrArray) addresses = g_ptr_array_new_with_free_func (free_address);
  g_autoptr(GArray) birthday_columns = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *birth[3] = { NULL, NULL, NULL };

  read_group_types (csv, row);

  for (guint i = 0; i < row->n_cells; i++)
    {
      const char *cell = row->cells[i];
      const CsvColumn *column;
      g_auto(GStrv) values = NULL;
      int part;

      /* Outlook writes an empty date as "0/0/00". */
      if (g_strstrip (row->cells[i])[0] == '\0' ||
          (header->dates_month_first && g_str_equal (cell, "0/0/00")))
        continue;
      if (i >= header->n_columns)
        {
          _lia_card_problem (c, NULL, _("The row has %u cells where the header has %u columns: cell %u (“%s”) belongs to no column."),
                             row->n_cells, header->n_columns, i + 1, cell);
          return;
        }

      column = &header->columns[i];
      switch (column->field)
        {
        case CSV_FIELD_NONE:
          not_kept (csv, i);
          break;
        case CSV_FIELD_IGNORE:
        case CSV_FIELD_TYPE:
          break;
        case CSV_FIELD_GIVEN_NAME:
          set_text (&given, cell);
          break;
        case CSV_FIELD_MIDDLE_NAME:
          set_text (&middle, cell);
          break;
        case CSV_FIELD_FAMILY_NAME:
          set_text (&c->n[N_SURNAME], cell);
          c->has_n = TRUE;
          break;
        case CSV_FIELD_DISPLAY_NAME:
          set_text (&c->fn, cell);
          break;
        case CSV_FIELD_HONORIFIC:
          set_text (&c->n[N_PREFIX], cell);
          c->has_n = TRUE;
          break;
        case CSV_FIELD_SUFFIX:
          set_text (&c->n[N_SUFFIX], cell);
          c->has_n = TRUE;
          break;
        case CSV_FIELD_NICKNAME:
          set_text (&c->nickname, cell);
          break;
        case CSV_FIELD_ORGANIZATION:
          set_text (&organization, cell);
          break;
        case CSV_FIELD_DEPARTMENT:
          set_text (&department, cell);
          break;
        case CSV_FIELD_JOB_TITLE:
          g_ptr_array_add (c->titles, g_strdup (cell));
          break;
        case CSV_FIELD_NOTES:
          g_ptr_array_add (c->notes, g_strdup (cell));
          break;
        case CSV_FIELD_TAGS:
          values = split_values (csv, cell, header->tags_separator);
          for (guint v = 0; values[v] != NULL; v++)
            {
              /* Google marks its own groups: "* My Contacts", "* starred". */
              const char *tag = g_str_has_prefix (values[v], "* ") ? values[v] + 2 : values[v];
              if (tag[0] != '\0')
                g_ptr_array_add (c->tags, g_strdup (tag));
            }
          break;
        case CSV_FIELD_BIRTHDAY:
          if (c->birthday == NULL &&
              !(c->birthday = parse_date (cell, header->dates_month_first)))
            not_kept (csv, i);
          break;
        case CSV_FIELD_BIRTH_YEAR:
        case CSV_FIELD_BIRTH_MONTH:
        case CSV_FIELD_BIRTH_DAY:
          birth[column->field - CSV_FIELD_BIRTH_YEAR] = cell;
          g_array_append_val (birthday_columns, i);
          break;
        case CSV_FIELD_IM:
          values = split_values (csv, cell, NULL);
          for (guint v = 0; values[v] != NULL; v++)
            {
              LiaContactPointKind kind = column->kind;
              const char *value = header->kinds_in_values ? kind_in_value (values[v], &kind) : values[v];

              /* A bare handle ("jdoe") says nothing of its service: Liaison keeps URIs. */
              if (lia_contact_im_is_valid (value))
                _lia_card_add_item (c, c->ims, g_strdup (value), NO_PREF, kind);
              else
                not_kept (csv, i);
            }
          break;
        case CSV_FIELD_UID:
          set_text (&c->uid, cell);
          break;
        case CSV_FIELD_ROLE:
          set_text (&c->role, cell);
          break;
        case CSV_FIELD_TIME_ZONE:
          set_text (&c->tz, cell);
          break;
        case CSV_FIELD_LANGUAGES:
          values = split_values (csv, cell, NULL);
          for (guint v = 0; values[v] != NULL; v++)
            _lia_card_add_item (c, c->languages, g_strdup (values[v]), NO_PREF, LIA_CONTACT_POINT_KIND_OTHER);
          break;
        case CSV_FIELD_EMAIL:
        case CSV_FIELD_PHONE:
        case CSV_FIELD_WEBSITE:
          values = split_values (csv, cell, NULL);
          for (guint v = 0; values[v] != NULL; v++)
            {
              GArray *items = column->field == CSV_FIELD_EMAIL ? c->emails
                            : column->field == CSV_FIELD_PHONE ? c->phones : c->urls;
              int pref;
              LiaContactPointKind kind = kind_for (csv, column, v, &pref);
              const char *value = values[v];

              if (header->kinds_in_values)
                value = kind_in_value (value, &kind);
              _lia_card_add_item (c, items, g_strdup (value), pref, kind);
            }
          break;
        case CSV_FIELD_STREET:
        case CSV_FIELD_EXTENDED_ADDRESS:
        case CSV_FIELD_PO_BOX:
        case CSV_FIELD_LOCALITY:
        case CSV_FIELD_REGION:
        case CSV_FIELD_POSTAL_CODE:
        case CSV_FIELD_COUNTRY:
          {
            Address *address = address_for (addresses, column);
            int pref;

            part = address_part (column->field);
            append_part (&address->parts[part], cell);
            g_array_append_val (address->columns, i);
            if (column->group < 100000)
              address->kind = kind_for (csv, column, 0, &pref);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  if (birthday_columns->len > 0 && c->birthday == NULL &&
      !(c->birthday = date_of_parts (birth[0], birth[1], birth[2])))
    for (guint i = 0; i < birthday_columns->len; i++)
      not_kept (csv, g_array_index (birthday_columns, guint, i));

  /* Liaison has no field for middle names: they belong with the given name. */
  if (given != NULL && middle != NULL)
    c->n[N_GIVEN] = g_strconcat (given, " ", middle, NULL);
  else
    c->n[N_GIVEN] = g_strdup (given != NULL ? given : middle);
  if (c->n[N_GIVEN] != NULL)
    c->has_n = TRUE;

  if (organization != NULL)
    {
      const char *name_and_unit[] = { organization, department, NULL };
      _lia_card_add_org (c, name_and_unit);
    }
  else if (department != NULL)
    {
      for (guint i = 0; i < header->n_columns && i < row->n_cells; i++)
        if (header->columns[i].field == CSV_FIELD_DEPARTMENT && row->cells[i][0] != '\0')
          not_kept (csv, i);
    }

  /* A company on a row of its own: no person's name, or the company's name as the name. */
  if (organization != NULL && given == NULL && middle == NULL && c->n[N_SURNAME] == NULL &&
      (c->fn == NULL || g_utf8_collate (c->fn, organization) == 0))
    {
      c->is_organization = TRUE;
      set_text (&c->fn, organization);
    }

  /* A person has every address; an organization one, the work address first. */
  for (guint i = 0; i < addresses->len && !c->is_organization; i++)
    {
      Address *address = g_ptr_array_index (addresses, i);
      LiaPostalAddress *postal = lia_postal_address_new (address->kind == LIA_CONTACT_POINT_KIND_WORK ||
                                                         address->kind == LIA_CONTACT_POINT_KIND_HOME
                                                         ? address->kind : LIA_CONTACT_POINT_KIND_OTHER);

      lia_postal_address_set_po_box (postal, address->parts[ADR_POBOX]);
      lia_postal_address_set_extended (postal, address->parts[ADR_EXT]);
      lia_postal_address_set_street (postal, address->parts[ADR_STREET]);
      lia_postal_address_set_locality (postal, address->parts[ADR_LOCALITY]);
      lia_postal_address_set_region (postal, address->parts[ADR_REGION]);
      lia_postal_address_set_postal_code (postal, address->parts[ADR_CODE]);
      lia_postal_address_set_country (postal, address->parts[ADR_COUNTRY]);
      g_ptr_array_add (c->addresses, postal);
    }
  for (guint i = 0; i < addresses->len && c->is_organization; i++)
    {
      Address *address = g_ptr_array_index (addresses, i);

      if (c->has_adr && address->kind != LIA_CONTACT_POINT_KIND_WORK)
        {
          for (guint k = 0; k < address->columns->len; k++)
            not_kept (csv, g_array_index (address->columns, guint, k));
          continue;
        }
      if (c->has_adr)
        for (guint p = 0; p < ADR_PARTS; p++)
          g_clear_pointer (&c->adr[p], g_free);
      for (guint p = 0; p < ADR_PARTS; p++)
        c->adr[p] = g_strdup (address->parts[p]);
      c->has_adr = TRUE;
    }

  /* Without a name, the first email address names the person. */
  if (c->fn == NULL && !c->has_n && c->emails->len > 0)
    c->fn = g_strdup (g_array_index (c->emails, LiaCardItem, 0).value);
}

/* Two separators or more in one cell that is a whole row. */
static gboolean
looks_like_a_row (const char *cell)
{
  const char *comma = strchr (cell, ',');
  return comma != NULL && strchr (comma + 1, ',') != NULL;
}

static gboolean
read_row (Csv    *csv,
          CsvRow *row)
{
  LiaImport *import = csv->import;
  LiaCard c;
  gboolean ok = TRUE;

  _lia_card_init (&c, &csv->run);
  c.line = row->line;

  /* Excel re-saves whole rows as one quoted cell: the columns are lost. */
  if (row->n_cells == 1 && csv->header->n_columns > 2 && looks_like_a_row (row->cells[0]))
    _lia_card_problem (&c, NULL, _("The whole row is one quoted cell: a program has put quotes around it, so its columns cannot be told apart. Export the file again."));
  else
    fill_card (csv, row, &c);

  /* A row of only a phone number or a website names no one: the rest of the file can still
   * be imported. */
  if (!c.bad && c.fn == NULL && !c.has_n && c.orgs->len == 0 && c.emails->len == 0)
    _lia_import_warning (import, row->line, 0,
                         _("Row %u names no one (it has no name, email address or organization): it was left out."),
                         c.index);
  else if (!c.bad)
    ok = _lia_card_store (&c);

  _lia_card_clear (&c);
  return ok && !import->stopped;
}

static gboolean
row_is_empty (CsvRow *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    if (!lia_text_is_blank (row->cells[i]))
      return FALSE;
  return TRUE;
}

static void
unknown_header (LiaImport *import,
                CsvRow    *row)
{
  g_autofree char *columns = _lia_csv_describe_columns (row->cells, row->n_cells);
  g_autofree char *fields = g_strjoinv (", ", (char **) lia_csv_field_names ());
  g_autofree char *message =
    g_strdup_printf (_("This CSV header is not one of those Liaison recognises (Google Contacts, Outlook, Thunderbird, LinkedIn). Its columns are: %s. Say which field each column goes into, for example --map \"E-mail=email,Name=display-name\"; the fields are: %s."),
                     columns, fields);

  _lia_import_xml_problem (import, row->line, 0, message);
}

gboolean
_lia_csv_read (LiaImport *import)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(CsvHeader) header = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  Csv csv = { import, { 0, }, NULL, NULL };
  gsize length = 0;
  guint line = 0;
  guint column = 0;
  guint first;
  CsvRow *header_row;

  if (!(bytes = read_all (import)))
    return FALSE;
  if (!(text = _lia_csv_decode (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &length, &error)))
    {
      _lia_import_xml_problem (import, 0, 0, error->message);
      return FALSE;
    }
  g_clear_pointer (&bytes, g_bytes_unref);

  if (!(rows = _lia_csv_split (text, length, _lia_csv_sniff_separator (text, length), 0, &line, &column, &error)))
    {
      _lia_import_xml_problem (import, line, column, error->message);
      return FALSE;
    }
  if (rows->len == 0)
    {
      _lia_import_xml_problem (import, 0, 0, _("The file is empty."));
      return FALSE;
    }

  first = find_header (rows);
  header_row = g_ptr_array_index (rows, first);
  if (import->column_map != NULL)
    {
      if (!(header = _lia_csv_header_map (header_row->cells, header_row->n_cells, import->column_map, &error)))
        {
          _lia_import_xml_problem (import, header_row->line, 0, error->message);
          return FALSE;
        }
    }
  else if (!(header = _lia_csv_header_recognize (header_row->cells, header_row->n_cells)))
    {
      unknown_header (import, header_row);
      return FALSE;
    }

  csv.header = header;
  csv.kinds = g_hash_table_new_full (NULL, NULL, NULL, free_group_kind);
  _lia_card_run_init (&csv.run, import, "csv-");
  /* TRANSLATORS: an import problem names a row of a CSV file: "Row 3: …". */
  csv.run.card_noun = _("Row");

  for (guint i = first + 1; i < rows->len && !import->stopped; i++)
    {
      CsvRow *row = g_ptr_array_index (rows, i);

      if (row_is_empty (row))
        continue;
      if (!read_row (&csv, row))
        break;
    }

  _lia_card_run_clear (&csv.run);
  g_hash_table_unref (csv.kinds);
  return !import->failed && !import->stopped;
}

/* The start of a file, for the window */

LiaCsvPreview *
lia_csv_preview_new (GFile         *file,
                     guint          max_rows,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(LiaCsvPreview) preview = g_new0 (LiaCsvPreview, 1);
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(CsvHeader) header = NULL;
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;
  gsize size = 1024 * 1024;
  gsize got = 0;
  gsize length = 0;
  guint line = 0;
  guint first;
  CsvRow *header_row;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(input = g_file_read (file, cancellable, error)))
    return NULL;
  data = g_malloc (size);
  if (!g_input_stream_read_all (G_INPUT_STREAM (input), data, size, &got, cancellable, error))
    return NULL;
  /* Only the start of a large file: end it on a line break, so that no character is cut (a
   * cut UTF-8 sequence would make the whole text look like a legacy charset). */
  if (got == size)
    {
      gsize end = got;

      while (end > 0 && data[end - 1] != '\n')
        end--;
      /* UTF-16LE: the line break's second byte. */
      if (end > 0 && end < got && data[end] == '\0')
        end++;
      if (end > 0)
        got = end;
    }
  if (!(text = _lia_csv_decode (data, got, &length, error)))
    return NULL;
  if (!(rows = _lia_csv_split (text, length, _lia_csv_sniff_separator (text, length),
                               MAX_PREAMBLE_ROWS + max_rows + 1, &line, &line, error)))
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_INVALID, _("The file is empty."));
      return NULL;
    }

  first = find_header (rows);
  header_row = g_ptr_array_index (rows, first);
  header = _lia_csv_header_map (header_row->cells, header_row->n_cells, NULL, NULL);

  preview->columns = g_strdupv (header_row->cells);
  preview->header_line = header_row->line;
  preview->profile = g_strdup (header->profile);
  preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  {
    g_autofree char *joined = g_strjoinv ("\x1f", header_row->cells);
    preview->header_key = g_compute_checksum_for_string (G_CHECKSUM_SHA256, joined, -1);
  }
  preview->n_fields = header->n_columns;
  preview->fields = g_new0 (const char *, header->n_columns + 1);
  for (guint i = 0; i < header->n_columns; i++)
    preview->fields[i] = _lia_csv_field_name (&header->columns[i]);

  for (guint i = first + 1; i < rows->len && preview->rows->len < max_rows; i++)
    {
      CsvRow *row = g_ptr_array_index (rows, i);
      char **cells = g_new0 (char *, header_row->n_cells + 1);

      if (row_is_empty (row))
        {
          g_free (cells);
          continue;
        }
      for (guint c = 0; c < header_row->n_cells; c++)
        cells[c] = g_strdup (c < row->n_cells ? row->cells[c] : "");
      g_ptr_array_add (preview->rows, cells);
    }

  return g_steal_pointer (&preview);
}

void
lia_csv_preview_free (LiaCsvPreview *preview)
{
  if (preview == NULL)
    return;
  g_strfreev (preview->columns);
  g_clear_pointer (&preview->rows, g_ptr_array_unref);
  g_free (preview->profile);
  g_free (preview->header_key);
  g_free (preview->fields);
  g_free (preview);
}

const char *
lia_csv_preview_get_field (LiaCsvPreview *preview,
                           guint          column)
{
  g_return_val_if_fail (preview != NULL, NULL);

  if (column >= preview->n_fields || preview->profile == NULL)
    return NULL;
  return preview->fields[column];
}
