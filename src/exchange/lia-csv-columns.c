/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-csv-private.h"

/*
 * What the columns of a CSV header hold (docs/csv.md has every header column by column).
 * The headers of Google Contacts (the old "Google CSV" and the current one), Outlook,
 * Thunderbird and LinkedIn are recognised by a few columns each of them always has; any other
 * header is mapped by the person importing it ("--map", or the window's column-mapping page).
 */

#define K_WORK  LIA_CONTACT_POINT_KIND_WORK
#define K_HOME  LIA_CONTACT_POINT_KIND_HOME
#define K_CELL  LIA_CONTACT_POINT_KIND_MOBILE
#define K_FAX   LIA_CONTACT_POINT_KIND_FAX
#define K_OTHER LIA_CONTACT_POINT_KIND_OTHER

/* The fields, as --map and the mapping page name them. */
static const struct
{
  const char          *name;
  const char          *label;   /* NC_("CSV field", …) */
  CsvField             field;
  LiaContactPointKind  kind;
} fields[] = {
  { "given-name",       NC_("CSV field", "Given name"),           CSV_FIELD_GIVEN_NAME,       K_OTHER },
  { "middle-name",      NC_("CSV field", "Middle name"),          CSV_FIELD_MIDDLE_NAME,      K_OTHER },
  { "family-name",      NC_("CSV field", "Family name"),          CSV_FIELD_FAMILY_NAME,      K_OTHER },
  { "display-name",     NC_("CSV field", "Full name"),            CSV_FIELD_DISPLAY_NAME,     K_OTHER },
  { "honorific",        NC_("CSV field", "Honorific"),            CSV_FIELD_HONORIFIC,        K_OTHER },
  { "suffix",           NC_("CSV field", "Name suffix"),          CSV_FIELD_SUFFIX,           K_OTHER },
  { "nickname",         NC_("CSV field", "Nickname"),             CSV_FIELD_NICKNAME,         K_OTHER },
  { "email",            NC_("CSV field", "Email"),                CSV_FIELD_EMAIL,            K_OTHER },
  { "work-email",       NC_("CSV field", "Work email"),           CSV_FIELD_EMAIL,            K_WORK },
  { "home-email",       NC_("CSV field", "Home email"),           CSV_FIELD_EMAIL,            K_HOME },
  { "phone",            NC_("CSV field", "Phone"),                CSV_FIELD_PHONE,            K_OTHER },
  { "work-phone",       NC_("CSV field", "Work phone"),           CSV_FIELD_PHONE,            K_WORK },
  { "home-phone",       NC_("CSV field", "Home phone"),           CSV_FIELD_PHONE,            K_HOME },
  { "mobile-phone",     NC_("CSV field", "Mobile phone"),         CSV_FIELD_PHONE,            K_CELL },
  { "fax",              NC_("CSV field", "Fax"),                  CSV_FIELD_PHONE,            K_FAX },
  { "organization",     NC_("CSV field", "Organization"),         CSV_FIELD_ORGANIZATION,     K_OTHER },
  { "department",       NC_("CSV field", "Department"),           CSV_FIELD_DEPARTMENT,       K_OTHER },
  { "job-title",        NC_("CSV field", "Job title"),            CSV_FIELD_JOB_TITLE,        K_OTHER },
  { "notes",            NC_("CSV field", "Notes"),                CSV_FIELD_NOTES,            K_OTHER },
  { "tags",             NC_("CSV field", "Tags"),                 CSV_FIELD_TAGS,             K_OTHER },
  { "birthday",         NC_("CSV field", "Birthday"),             CSV_FIELD_BIRTHDAY,         K_OTHER },
  { "website",          NC_("CSV field", "Website"),              CSV_FIELD_WEBSITE,          K_OTHER },
  { "im",               NC_("CSV field", "Instant messaging"),    CSV_FIELD_IM,               K_OTHER },
  { "street",           NC_("CSV field", "Street"),               CSV_FIELD_STREET,           K_OTHER },
  { "extended-address", NC_("CSV field", "Address, second line"), CSV_FIELD_EXTENDED_ADDRESS, K_OTHER },
  { "po-box",           NC_("CSV field", "PO box"),               CSV_FIELD_PO_BOX,           K_OTHER },
  { "city",             NC_("CSV field", "City"),                 CSV_FIELD_LOCALITY,         K_OTHER },
  { "region",           NC_("CSV field", "Region or state"),      CSV_FIELD_REGION,           K_OTHER },
  { "postal-code",      NC_("CSV field", "Postal code"),          CSV_FIELD_POSTAL_CODE,      K_OTHER },
  { "country",          NC_("CSV field", "Country"),              CSV_FIELD_COUNTRY,          K_OTHER },
  { "ignore",           NC_("CSV field", "Don’t import"),         CSV_FIELD_IGNORE,           K_OTHER },
};

static const char *field_names[G_N_ELEMENTS (fields) + 1];

const char * const *
lia_csv_field_names (void)
{
  if (field_names[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      field_names[i] = fields[i].name;
  return field_names;
}

const char *
lia_csv_field_label (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].name, name))
      return g_dpgettext2 (GETTEXT_PACKAGE, "CSV field", fields[i].label);
  return NULL;
}

gboolean
_lia_csv_field_parse (const char *field,
                      CsvColumn  *out_column)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_ascii_strcasecmp (fields[i].name, field) == 0)
      {
        out_column->field = fields[i].field;
        out_column->kind = fields[i].kind;
        return TRUE;
      }
  return FALSE;
}

const char *
_lia_csv_field_name (const CsvColumn *column)
{
  const char *any_kind = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].field == column->field)
      {
        if (fields[i].kind == column->kind)
          return fields[i].name;
        if (any_kind == NULL)
          any_kind = fields[i].name;
      }
  return any_kind;
}

/* Known headers */

typedef struct
{
  const char          *name;
  CsvField             field;
  LiaContactPointKind  kind;
} Known;

/* Columns that several programs name alike. */
static const Known common_columns[] = {
  { "Notes",       CSV_FIELD_NOTES,       K_OTHER },
  { "Nickname",    CSV_FIELD_NICKNAME,    K_OTHER },
  { "Birthday",    CSV_FIELD_BIRTHDAY,    K_OTHER },
  { "Name Prefix", CSV_FIELD_HONORIFIC,   K_OTHER },
  { "Name Suffix", CSV_FIELD_SUFFIX,      K_OTHER },
  { "First Name",  CSV_FIELD_GIVEN_NAME,  K_OTHER },
  { "Middle Name", CSV_FIELD_MIDDLE_NAME, K_OTHER },
  { "Last Name",   CSV_FIELD_FAMILY_NAME, K_OTHER },
  { NULL }
};

static const Known google_old_columns[] = {
  { "Name",            CSV_FIELD_DISPLAY_NAME, K_OTHER },
  { "Given Name",      CSV_FIELD_GIVEN_NAME,   K_OTHER },
  { "Additional Name", CSV_FIELD_MIDDLE_NAME,  K_OTHER },
  { "Family Name",     CSV_FIELD_FAMILY_NAME,  K_OTHER },
  { "Group Membership", CSV_FIELD_TAGS,        K_OTHER },
  { NULL }
};

static const Known google_columns[] = {
  { "Organization Name",       CSV_FIELD_ORGANIZATION, K_OTHER },
  { "Organization Title",      CSV_FIELD_JOB_TITLE,    K_OTHER },
  { "Organization Department", CSV_FIELD_DEPARTMENT,   K_OTHER },
  { "Labels",                  CSV_FIELD_TAGS,         K_OTHER },
  { NULL }
};

static const Known outlook_columns[] = {
  { "Title",                      CSV_FIELD_HONORIFIC,        K_OTHER },
  { "Suffix",                     CSV_FIELD_SUFFIX,           K_OTHER },
  { "Company",                    CSV_FIELD_ORGANIZATION,     K_OTHER },
  { "Department",                 CSV_FIELD_DEPARTMENT,       K_OTHER },
  { "Job Title",                  CSV_FIELD_JOB_TITLE,        K_OTHER },
  { "Business Street",            CSV_FIELD_STREET,           K_WORK },
  { "Business Street 2",          CSV_FIELD_EXTENDED_ADDRESS, K_WORK },
  { "Business Street 3",          CSV_FIELD_EXTENDED_ADDRESS, K_WORK },
  { "Business City",              CSV_FIELD_LOCALITY,         K_WORK },
  { "Business State",             CSV_FIELD_REGION,           K_WORK },
  { "Business Postal Code",       CSV_FIELD_POSTAL_CODE,      K_WORK },
  { "Business Country/Region",    CSV_FIELD_COUNTRY,          K_WORK },
  { "Business Country",           CSV_FIELD_COUNTRY,          K_WORK },
  { "Business Address PO Box",    CSV_FIELD_PO_BOX,           K_WORK },
  { "Home Street",                CSV_FIELD_STREET,           K_HOME },
  { "Home Street 2",              CSV_FIELD_EXTENDED_ADDRESS, K_HOME },
  { "Home Street 3",              CSV_FIELD_EXTENDED_ADDRESS, K_HOME },
  { "Home City",                  CSV_FIELD_LOCALITY,         K_HOME },
  { "Home State",                 CSV_FIELD_REGION,           K_HOME },
  { "Home Postal Code",           CSV_FIELD_POSTAL_CODE,      K_HOME },
  { "Home Country/Region",        CSV_FIELD_COUNTRY,          K_HOME },
  { "Home Country",               CSV_FIELD_COUNTRY,          K_HOME },
  { "Home Address PO Box",        CSV_FIELD_PO_BOX,           K_HOME },
  { "Other Street",               CSV_FIELD_STREET,           K_OTHER },
  { "Other Street 2",             CSV_FIELD_EXTENDED_ADDRESS, K_OTHER },
  { "Other Street 3",             CSV_FIELD_EXTENDED_ADDRESS, K_OTHER },
  { "Other City",                 CSV_FIELD_LOCALITY,         K_OTHER },
  { "Other State",                CSV_FIELD_REGION,           K_OTHER },
  { "Other Postal Code",          CSV_FIELD_POSTAL_CODE,      K_OTHER },
  { "Other Country/Region",       CSV_FIELD_COUNTRY,          K_OTHER },
  { "Other Country",              CSV_FIELD_COUNTRY,          K_OTHER },
  { "Other Address PO Box",       CSV_FIELD_PO_BOX,           K_OTHER },
  { "Business Phone",             CSV_FIELD_PHONE,            K_WORK },
  { "Business Phone 2",           CSV_FIELD_PHONE,            K_WORK },
  { "Company Main Phone",         CSV_FIELD_PHONE,            K_WORK },
  { "Business Fax",               CSV_FIELD_PHONE,            K_FAX },
  { "Home Phone",                 CSV_FIELD_PHONE,            K_HOME },
  { "Home Phone 2",               CSV_FIELD_PHONE,            K_HOME },
  { "Home Fax",                   CSV_FIELD_PHONE,            K_FAX },
  { "Mobile Phone",               CSV_FIELD_PHONE,            K_CELL },
  { "Car Phone",                  CSV_FIELD_PHONE,            K_CELL },
  { "Other Phone",                CSV_FIELD_PHONE,            K_OTHER },
  { "Primary Phone",              CSV_FIELD_PHONE,            K_OTHER },
  { "Other Fax",                  CSV_FIELD_PHONE,            K_FAX },
  { "Pager",                      CSV_FIELD_PHONE,            K_OTHER },
  { "E-mail Address",             CSV_FIELD_EMAIL,            K_OTHER },
  { "E-mail 2 Address",           CSV_FIELD_EMAIL,            K_OTHER },
  { "E-mail 3 Address",           CSV_FIELD_EMAIL,            K_OTHER },
  /* "SMTP", and "Name (address)": what the address columns say already. */
  { "E-mail Type",                CSV_FIELD_IGNORE,           K_OTHER },
  { "E-mail Display Name",        CSV_FIELD_IGNORE,           K_OTHER },
  { "E-mail 2 Type",              CSV_FIELD_IGNORE,           K_OTHER },
  { "E-mail 2 Display Name",      CSV_FIELD_IGNORE,           K_OTHER },
  { "E-mail 3 Type",              CSV_FIELD_IGNORE,           K_OTHER },
  { "E-mail 3 Display Name",      CSV_FIELD_IGNORE,           K_OTHER },
  { "Categories",                 CSV_FIELD_TAGS,             K_OTHER },
  { "Web Page",                   CSV_FIELD_WEBSITE,          K_WORK },
  { NULL }
};

static const Known thunderbird_columns[] = {
  { "Display Name",     CSV_FIELD_DISPLAY_NAME,     K_OTHER },
  { "Primary Email",    CSV_FIELD_EMAIL,            K_OTHER },
  { "Secondary Email",  CSV_FIELD_EMAIL,            K_OTHER },
  { "Screen Name",      CSV_FIELD_IM,               K_OTHER },
  { "Work Phone",       CSV_FIELD_PHONE,            K_WORK },
  { "Home Phone",       CSV_FIELD_PHONE,            K_HOME },
  { "Fax Number",       CSV_FIELD_PHONE,            K_FAX },
  { "Pager Number",     CSV_FIELD_PHONE,            K_OTHER },
  { "Mobile Number",    CSV_FIELD_PHONE,            K_CELL },
  { "Home Address",     CSV_FIELD_STREET,           K_HOME },
  { "Home Address 2",   CSV_FIELD_EXTENDED_ADDRESS, K_HOME },
  { "Home City",        CSV_FIELD_LOCALITY,         K_HOME },
  { "Home State",       CSV_FIELD_REGION,           K_HOME },
  { "Home ZipCode",     CSV_FIELD_POSTAL_CODE,      K_HOME },
  { "Home Country",     CSV_FIELD_COUNTRY,          K_HOME },
  { "Work Address",     CSV_FIELD_STREET,           K_WORK },
  { "Work Address 2",   CSV_FIELD_EXTENDED_ADDRESS, K_WORK },
  { "Work City",        CSV_FIELD_LOCALITY,         K_WORK },
  { "Work State",       CSV_FIELD_REGION,           K_WORK },
  { "Work ZipCode",     CSV_FIELD_POSTAL_CODE,      K_WORK },
  { "Work Country",     CSV_FIELD_COUNTRY,          K_WORK },
  { "Job Title",        CSV_FIELD_JOB_TITLE,        K_OTHER },
  { "Department",       CSV_FIELD_DEPARTMENT,       K_OTHER },
  { "Organization",     CSV_FIELD_ORGANIZATION,     K_OTHER },
  { "Web Page 1",       CSV_FIELD_WEBSITE,          K_WORK },
  { "Web Page 2",       CSV_FIELD_WEBSITE,          K_HOME },
  { "Birth Year",       CSV_FIELD_BIRTH_YEAR,       K_OTHER },
  { "Birth Month",      CSV_FIELD_BIRTH_MONTH,      K_OTHER },
  { "Birth Day",        CSV_FIELD_BIRTH_DAY,        K_OTHER },
  { NULL }
};

static const Known linkedin_columns[] = {
  { "URL",           CSV_FIELD_WEBSITE,      K_OTHER },
  { "Email Address", CSV_FIELD_EMAIL,        K_OTHER },
  { "Company",       CSV_FIELD_ORGANIZATION, K_OTHER },
  { "Position",      CSV_FIELD_JOB_TITLE,    K_OTHER },
  { NULL }
};

/* Liaison's own (lia-csv-writer.c). */
static const Known liaison_contact_columns[] = {
  { "ID",           CSV_FIELD_UID,          K_OTHER },
  { "Honorific",    CSV_FIELD_HONORIFIC,    K_OTHER },
  { "Given Name",   CSV_FIELD_GIVEN_NAME,   K_OTHER },
  { "Family Name",  CSV_FIELD_FAMILY_NAME,  K_OTHER },
  { "Suffix",       CSV_FIELD_SUFFIX,       K_OTHER },
  { "Display Name", CSV_FIELD_DISPLAY_NAME, K_OTHER },
  { "Job Title",    CSV_FIELD_JOB_TITLE,    K_OTHER },
  { "Organization", CSV_FIELD_ORGANIZATION, K_OTHER },
  { "Department",   CSV_FIELD_DEPARTMENT,   K_OTHER },
  { "Role",         CSV_FIELD_ROLE,         K_OTHER },
  { "Emails",       CSV_FIELD_EMAIL,        K_OTHER },
  { "Phones",       CSV_FIELD_PHONE,        K_OTHER },
  { "Websites",     CSV_FIELD_WEBSITE,      K_OTHER },
  { "Instant Messaging", CSV_FIELD_IM,      K_OTHER },
#define ADDRESS_COLUMNS(Kind, kind) \
  { Kind " PO Box",           CSV_FIELD_PO_BOX,           kind }, \
  { Kind " Extended Address", CSV_FIELD_EXTENDED_ADDRESS, kind }, \
  { Kind " Street",           CSV_FIELD_STREET,           kind }, \
  { Kind " City",             CSV_FIELD_LOCALITY,         kind }, \
  { Kind " Region",           CSV_FIELD_REGION,           kind }, \
  { Kind " Postal Code",      CSV_FIELD_POSTAL_CODE,      kind }, \
  { Kind " Country",          CSV_FIELD_COUNTRY,          kind },
  ADDRESS_COLUMNS ("Work", K_WORK)
  ADDRESS_COLUMNS ("Home", K_HOME)
  ADDRESS_COLUMNS ("Other", K_OTHER)
#undef ADDRESS_COLUMNS
  { "Languages",    CSV_FIELD_LANGUAGES,    K_OTHER },
  { "Time Zone",    CSV_FIELD_TIME_ZONE,    K_OTHER },
  { "Tags",         CSV_FIELD_TAGS,         K_OTHER },
  { NULL }
};

static const Known liaison_organization_columns[] = {
  { "ID",              CSV_FIELD_UID,          K_OTHER },
  { "Organization",    CSV_FIELD_ORGANIZATION, K_OTHER },
  { "Street",          CSV_FIELD_STREET,       K_WORK },
  { "City",            CSV_FIELD_LOCALITY,     K_WORK },
  { "Region",          CSV_FIELD_REGION,       K_WORK },
  { "Postal Code",     CSV_FIELD_POSTAL_CODE,  K_WORK },
  { "Address Country", CSV_FIELD_COUNTRY,      K_WORK },
  { "Website",         CSV_FIELD_WEBSITE,      K_WORK },
  { "Email",           CSV_FIELD_EMAIL,        K_WORK },
  { "Phone",           CSV_FIELD_PHONE,        K_WORK },
  { "Tags",            CSV_FIELD_TAGS,         K_OTHER },
  { NULL }
};

typedef struct
{
  const char   *name;
  /* Every one of these columns is in the header. */
  const char   *signature[3];
  const Known  *columns;
  gboolean      numbered;        /* Google's "E-mail 1 - Value" groups */
  const char   *multi_separator;
  const char   *tags_separator;
  gboolean      dates_month_first;
  gboolean      kinds_in_values;
} Profile;

/* In the order they are tried: the most particular signatures first. */
static const Profile profiles[] = {
  { "Liaison", { "ID", "Display Name", "Emails" }, liaison_contact_columns,
    FALSE, " ::: ", " ::: ", FALSE, TRUE },
  { "Liaison", { "ID", "Organization", "Address Country" }, liaison_organization_columns,
    FALSE, " ::: ", " ::: ", FALSE, TRUE },
  { "LinkedIn", { "First Name", "Email Address", "Connected On" }, linkedin_columns,
    FALSE, NULL, NULL, FALSE, FALSE },
  { "Thunderbird", { "First Name", "Display Name", "Primary Email" }, thunderbird_columns,
    FALSE, NULL, NULL, FALSE, FALSE },
  { "Google Contacts", { "Given Name", "Family Name", "Group Membership" }, google_old_columns,
    TRUE, " ::: ", " ::: ", FALSE, FALSE },
  { "Google Contacts", { "First Name", "Last Name", "Labels" }, google_columns,
    TRUE, " ::: ", " ::: ", FALSE, FALSE },
  { "Outlook", { "First Name", "Last Name", "E-mail Address" }, outlook_columns,
    FALSE, NULL, ";", TRUE, FALSE },
};

static gboolean
has_column (char       **names,
            guint        n_names,
            const char  *name)
{
  for (guint i = 0; i < n_names; i++)
    if (g_strcmp0 (names[i], name) == 0)
      return TRUE;
  return FALSE;
}

static const Known *
find_known (const Known *table,
            const char  *name)
{
  for (const Known *k = table; k->name != NULL; k++)
    if (g_str_equal (k->name, name))
      return k;
  return NULL;
}

/* Google's numbered groups: "E-mail 2 - Value", "Address 1 - City", … */
static gboolean
numbered_column (const char *name,
                 CsvColumn  *column,
                 guint      *out_number)
{
  static const struct
  {
    const char *group;
    const char *part;
    CsvField    field;
  } parts[] = {
    { "E-mail", "Value", CSV_FIELD_EMAIL },
    { "Phone", "Value", CSV_FIELD_PHONE },
    { "Website", "Value", CSV_FIELD_WEBSITE },
    { "IM", "Value", CSV_FIELD_IM },
    { "Address", "Street", CSV_FIELD_STREET },
    { "Address", "Extended Address", CSV_FIELD_EXTENDED_ADDRESS },
    { "Address", "PO Box", CSV_FIELD_PO_BOX },
    { "Address", "City", CSV_FIELD_LOCALITY },
    { "Address", "Region", CSV_FIELD_REGION },
    { "Address", "Postal Code", CSV_FIELD_POSTAL_CODE },
    { "Address", "Country", CSV_FIELD_COUNTRY },
    /* The parts above, as one text. */
    { "Address", "Formatted", CSV_FIELD_IGNORE },
    { "Organization", "Name", CSV_FIELD_ORGANIZATION },
    { "Organization", "Title", CSV_FIELD_JOB_TITLE },
    { "Organization", "Department", CSV_FIELD_DEPARTMENT },
  };
  static const char * const typed[] = { "E-mail", "Phone", "Website", "IM", "Address", NULL };
  const char *dash = strstr (name, " - ");
  const char *space;
  guint64 number;
  char *end;

  if (dash == NULL || (space = memchr (name, ' ', dash - name)) == NULL || space == dash)
    return FALSE;
  if (!g_ascii_isdigit (space[1]))
    return FALSE;
  number = g_ascii_strtoull (space + 1, &end, 10);
  if (end != dash || number == 0 || number > 1000)
    return FALSE;

  *out_number = (guint) number;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (strlen (parts[i].group) == (gsize) (space - name) &&
        strncmp (name, parts[i].group, space - name) == 0 && g_str_equal (dash + 3, parts[i].part))
      {
        column->field = parts[i].field;
        /* A second organization would be a second affiliation, which a row cannot say well. */
        if (number > 1 && (parts[i].field == CSV_FIELD_ORGANIZATION ||
                           parts[i].field == CSV_FIELD_JOB_TITLE ||
                           parts[i].field == CSV_FIELD_DEPARTMENT))
          column->field = CSV_FIELD_NONE;
        return TRUE;
      }
  if (g_str_equal (dash + 3, "Type") || g_str_equal (dash + 3, "Label"))
    {
      for (guint i = 0; typed[i] != NULL; i++)
        if (strlen (typed[i]) == (gsize) (space - name) && strncmp (name, typed[i], space - name) == 0)
          {
            column->field = CSV_FIELD_TYPE;
            return TRUE;
          }
      /* The kind of a value that is not kept ("Relation 1 - Type"): the value is counted. */
      column->field = CSV_FIELD_IGNORE;
      return TRUE;
    }

  column->field = CSV_FIELD_NONE;
  return TRUE;
}

static CsvHeader *
header_new (char **names,
            guint  n_names)
{
  CsvHeader *header = g_new0 (CsvHeader, 1);

  header->n_columns = n_names;
  header->names = g_new0 (char *, n_names + 1);
  header->columns = g_new0 (CsvColumn, MAX (n_names, 1));
  for (guint i = 0; i < n_names; i++)
    {
      header->names[i] = g_strdup (names[i]);
      header->columns[i].field = CSV_FIELD_NONE;
      header->columns[i].kind = K_OTHER;
      /* Groups of numbered columns are 1 to 1000 × the group's first letter; others after. */
      header->columns[i].group = 100000 + i;
    }
  return header;
}

void
_lia_csv_header_free (CsvHeader *header)
{
  if (header == NULL)
    return;
  g_strfreev (header->names);
  g_free (header->columns);
  g_free (header);
}

static void
apply_profile (CsvHeader     *header,
               const Profile *profile)
{
  header->profile = profile->name;
  header->multi_separator = profile->multi_separator;
  header->tags_separator = profile->tags_separator;
  header->dates_month_first = profile->dates_month_first;
  header->kinds_in_values = profile->kinds_in_values;

  for (guint i = 0; i < header->n_columns; i++)
    {
      const char *name = header->names[i];
      CsvColumn *column = &header->columns[i];
      const Known *known;
      guint number = 0;

      if ((known = find_known (profile->columns, name)) != NULL ||
          (known = find_known (common_columns, name)) != NULL)
        {
          column->field = known->field;
          column->kind = known->kind;
        }
      else if (profile->numbered && numbered_column (name, column, &number))
        {
          /* The group's kind and its values: one group per prefix and number. */
          column->group = number * 256 + (guchar) name[0] + (g_str_has_prefix (name, "IM") ? 1 : 0);
        }
    }
}

CsvHeader *
_lia_csv_header_recognize (char  **names,
                           guint   n_names)
{
  for (guint p = 0; p < G_N_ELEMENTS (profiles); p++)
    {
      gboolean all = TRUE;

      for (guint s = 0; s < G_N_ELEMENTS (profiles[p].signature) && all; s++)
        all = has_column (names, n_names, profiles[p].signature[s]);
      if (all)
        {
          CsvHeader *header = header_new (names, n_names);
          apply_profile (header, &profiles[p]);
          return header;
        }
    }
  return NULL;
}

/* "A=x, \"B, c\"=y" → { "A", "x", "B, c", "y", NULL }: a column may be quoted, with "" for a
 * quote, when its name holds a comma or an equals sign. An entry without "=" gives its text
 * and then %NULL, where the field would be. */
static char **
split_map (const char *map)
{
  GPtrArray *parts = g_ptr_array_new ();
  const char *p = map;

  while (*p != '\0')
    {
      GString *column = g_string_new (NULL);
      const char *end;

      while (*p == ' ' || *p == ',')
        p++;
      if (*p == '\0')
        {
          g_string_free (column, TRUE);
          break;
        }
      if (*p == '"')
        {
          for (p++; *p != '\0'; p++)
            {
              if (*p == '"' && p[1] == '"')
                p++;
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              g_string_append_c (column, *p);
            }
          while (*p == ' ')
            p++;
        }
      else
        {
          end = p + strcspn (p, "=,");
          g_string_append_len (column, p, end - p);
          p = end;
        }

      g_ptr_array_add (parts, g_strstrip (g_string_free (column, FALSE)));
      if (*p != '=')
        {
          /* No field: the caller says so, with what it got. */
          g_ptr_array_add (parts, NULL);
          break;
        }
      p++;
      end = p + strcspn (p, ",");
      g_ptr_array_add (parts, g_strstrip (g_strndup (p, end - p)));
      p = end;
    }

  g_ptr_array_add (parts, NULL);
  g_ptr_array_add (parts, NULL);
  return (char **) g_ptr_array_free (parts, FALSE);
}

char *
lia_csv_column_map_build (const char * const *columns,
                          const char * const *field_of_column)
{
  GString *map = g_string_new (NULL);

  g_return_val_if_fail (columns != NULL && field_of_column != NULL, NULL);

  for (guint i = 0; columns[i] != NULL && field_of_column[i] != NULL; i++)
    {
      if (map->len > 0)
        g_string_append_c (map, ',');
      if (strpbrk (columns[i], ",=\"") != NULL || columns[i][0] == ' ')
        {
          g_string_append_c (map, '"');
          for (const char *c = columns[i]; *c != '\0'; c++)
            {
              if (*c == '"')
                g_string_append_c (map, '"');
              g_string_append_c (map, *c);
            }
          g_string_append_c (map, '"');
        }
      else
        g_string_append (map, columns[i]);
      g_string_append_printf (map, "=%s", field_of_column[i]);
    }
  return g_string_free (map, FALSE);
}

CsvHeader *
_lia_csv_header_map (char        **names,
                     guint         n_names,
                     const char   *map,
                     GError      **error)
{
  g_autoptr(CsvHeader) header = _lia_csv_header_recognize (names, n_names);
  g_auto(GStrv) entries = NULL;

  if (header == NULL)
    {
      header = header_new (names, n_names);
      /* A header of our own: whatever is not mapped is not imported, and says so. */
      header->multi_separator = " ::: ";
    }
  if (map == NULL)
    return g_steal_pointer (&header);

  entries = split_map (map);
  for (guint e = 0; entries[e] != NULL; e += 2)
    {
      const char *column_name = entries[e];
      const char *field_name = entries[e + 1];
      CsvColumn column = { CSV_FIELD_NONE, K_OTHER, 0 };
      gboolean found = FALSE;

      if (field_name == NULL)
        {
          g_set_error (error, LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_INVALID,
                       _("“%s” in the column map has no “=”: write COLUMN=field, for example “E-mail=email”."),
                       column_name);
          return NULL;
        }
      if (!_lia_csv_field_parse (field_name, &column))
        {
          g_autofree char *list = g_strjoinv (", ", (char **) lia_csv_field_names ());
          g_set_error (error, LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_INVALID,
                       _("“%s” is not a field Liaison can import a column into. The fields are: %s."),
                       field_name, list);
          return NULL;
        }

      for (guint i = 0; i < n_names; i++)
        if (g_strcmp0 (names[i], column_name) == 0)
          {
            header->columns[i].field = column.field;
            header->columns[i].kind = column.kind;
            header->columns[i].group = 100000 + i;
            found = TRUE;
          }
      if (!found)
        {
          g_autofree char *columns = _lia_csv_describe_columns (names, n_names);
          g_set_error (error, LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_INVALID,
                       _("The column map names the column “%s”, which the file does not have. Its columns are: %s."),
                       column_name, columns);
          return NULL;
        }
    }

  return g_steal_pointer (&header);
}

char *
_lia_csv_describe_columns (char  **names,
                           guint   n_names)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_names; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      if (names[i][0] == '\0')
        g_string_append_printf (text, _("(column %u has no name)"), i + 1);
      else
        g_string_append_printf (text, "“%s”", names[i]);
    }
  return g_string_free (text, FALSE);
}
