/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include <string.h>

#include "lia-search-result.h"

struct _LiaSearchResult
{
  GObject        parent_instance;

  LiaRecordKind  kind;
  gint64         id;
  char          *uid;
  char          *title;
  char          *snippet;
  double         rank;
  char          *subkind;
  char          *day;
  char          *context;
};

enum {
  PROP_0,
  PROP_KIND,
  PROP_ID,
  PROP_UID,
  PROP_TITLE,
  PROP_SNIPPET,
  PROP_RANK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LiaSearchResult, lia_search_result, G_TYPE_OBJECT)

static void
lia_search_result_finalize (GObject *object)
{
  LiaSearchResult *self = (LiaSearchResult *)object;

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->snippet, g_free);
  g_clear_pointer (&self->subkind, g_free);
  g_clear_pointer (&self->day, g_free);
  g_clear_pointer (&self->context, g_free);

  G_OBJECT_CLASS (lia_search_result_parent_class)->finalize (object);
}

static void
lia_search_result_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LiaSearchResult *self = LIA_SEARCH_RESULT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SNIPPET:
      g_value_set_string (value, self->snippet);
      break;
    case PROP_RANK:
      g_value_set_double (value, self->rank);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_search_result_class_init (LiaSearchResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lia_search_result_finalize;
  object_class->get_property = lia_search_result_get_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, LIA_TYPE_RECORD_KIND, LIA_RECORD_KIND_ORGANIZATION,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL, NULL, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SNIPPET] =
    g_param_spec_string ("snippet", NULL, NULL, NULL, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_RANK] =
    g_param_spec_double ("rank", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_search_result_init (LiaSearchResult *self)
{
}

LiaSearchResult *
lia_search_result_new (LiaRecordKind  kind,
                       gint64         id,
                       const char    *uid,
                       const char    *title,
                       const char    *snippet,
                       double         rank)
{
  LiaSearchResult *self = g_object_new (LIA_TYPE_SEARCH_RESULT, NULL);

  self->kind = kind;
  self->id = id;
  self->uid = g_strdup (uid != NULL ? uid : "");
  self->title = g_strdup (title != NULL ? title : "");
  self->snippet = g_strdup (snippet != NULL ? snippet : "");
  self->rank = rank;

  return self;
}

LiaRecordKind
lia_search_result_get_kind (LiaSearchResult *self)
{
  g_return_val_if_fail (LIA_IS_SEARCH_RESULT (self), 0);
  return self->kind;
}

gint64
lia_search_result_get_id (LiaSearchResult *self)
{
  g_return_val_if_fail (LIA_IS_SEARCH_RESULT (self), 0);
  return self->id;
}

const char *
lia_search_result_get_uid (LiaSearchResult *self)
{
  g_return_val_if_fail (LIA_IS_SEARCH_RESULT (self), NULL);
  return self->uid;
}

const char *
lia_search_result_get_title (LiaSearchResult *self)
{
  g_return_val_if_fail (LIA_IS_SEARCH_RESULT (self), NULL);
  return self->title;
}

const char *
lia_search_result_get_snippet (LiaSearchResult *self)
{
  g_return_val_if_fail (LIA_IS_SEARCH_RESULT (self), NULL);
  return self->snippet;
}

double
lia_search_result_get_rank (LiaSearchResult *self)
{
  g_return_val_if_fail (LIA_IS_SEARCH_RESULT (self), 0);
  return self->rank;
}

char *
lia_search_result_format_snippet (LiaSearchResult *self,
                                  const char      *open,
                                  const char      *close,
                                  gboolean         escape_markup)
{
  GString *out;

  g_return_val_if_fail (LIA_IS_SEARCH_RESULT (self), NULL);

  out = g_string_sized_new (strlen (self->snippet) + 16);

  for (const char *p = self->snippet; *p != '\0';)
    {
      const char *next = strpbrk (p, LIA_SEARCH_MATCH_START LIA_SEARCH_MATCH_END);
      gsize len = next != NULL ? (gsize) (next - p) : strlen (p);

      if (escape_markup)
        {
          g_autofree char *escaped = g_markup_escape_text (p, len);
          g_string_append (out, escaped);
        }
      else
        {
          g_string_append_len (out, p, len);
        }

      if (next == NULL)
        break;

      g_string_append (out, *next == LIA_SEARCH_MATCH_START[0] ? open : close);
      p = next + 1;
    }

  return g_string_free (out, FALSE);
}

void
_lia_search_result_set_context (LiaSearchResult *self,
                                const char      *subkind,
                                const char      *day,
                                const char      *context)
{
  g_return_if_fail (LIA_IS_SEARCH_RESULT (self));

  g_free (self->subkind);
  self->subkind = (subkind != NULL && *subkind != '\0') ? g_strdup (subkind) : NULL;
  g_free (self->day);
  self->day = (day != NULL && *day != '\0') ? g_strdup (day) : NULL;
  g_free (self->context);
  self->context = (context != NULL && *context != '\0') ? g_strdup (context) : NULL;
}

const char *
lia_search_result_get_subkind (LiaSearchResult *self)
{
  g_return_val_if_fail (LIA_IS_SEARCH_RESULT (self), NULL);
  return self->subkind;
}

const char *
lia_search_result_get_day (LiaSearchResult *self)
{
  g_return_val_if_fail (LIA_IS_SEARCH_RESULT (self), NULL);
  return self->day;
}

const char *
lia_search_result_get_context (LiaSearchResult *self)
{
  g_return_val_if_fail (LIA_IS_SEARCH_RESULT (self), NULL);
  return self->context;
}
