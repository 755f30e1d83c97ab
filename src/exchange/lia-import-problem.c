/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-exchange"

#include "config.h"

#include "lia-import-problem.h"
#include "lia-import-private.h"

struct _LiaImportProblem
{
  GObject  parent_instance;

  char    *file_name;
  guint    line;
  guint    column;
  char    *message;
  /* Where on the line to look for the column: an element's name, or "element@attribute". */
  char    *needle;
};

enum {
  PROP_0,
  PROP_FILE_NAME,
  PROP_LINE,
  PROP_COLUMN,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LiaImportProblem, lia_import_problem, G_TYPE_OBJECT)

static void
lia_import_problem_finalize (GObject *object)
{
  LiaImportProblem *self = LIA_IMPORT_PROBLEM (object);

  g_free (self->file_name);
  g_free (self->message);
  g_free (self->needle);

  G_OBJECT_CLASS (lia_import_problem_parent_class)->finalize (object);
}

static void
lia_import_problem_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LiaImportProblem *self = LIA_IMPORT_PROBLEM (object);

  switch (prop_id)
    {
    case PROP_FILE_NAME:
      g_value_set_string (value, self->file_name);
      break;
    case PROP_LINE:
      g_value_set_uint (value, self->line);
      break;
    case PROP_COLUMN:
      g_value_set_uint (value, self->column);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_import_problem_class_init (LiaImportProblemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lia_import_problem_finalize;
  object_class->get_property = lia_import_problem_get_property;

  properties[PROP_FILE_NAME] =
    g_param_spec_string ("file-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LINE] =
    g_param_spec_uint ("line", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLUMN] =
    g_param_spec_uint ("column", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_import_problem_init (LiaImportProblem *self)
{
}

LiaImportProblem *
lia_import_problem_new (const char *file_name,
                        guint       line,
                        guint       column,
                        const char *message)
{
  LiaImportProblem *self;

  g_return_val_if_fail (message != NULL, NULL);

  self = g_object_new (LIA_TYPE_IMPORT_PROBLEM, NULL);
  self->file_name = g_strdup (file_name);
  self->line = line;
  self->column = column;
  self->message = g_strdup (message);

  return self;
}

const char *
lia_import_problem_get_file_name (LiaImportProblem *self)
{
  g_return_val_if_fail (LIA_IS_IMPORT_PROBLEM (self), NULL);
  return self->file_name;
}

guint
lia_import_problem_get_line (LiaImportProblem *self)
{
  g_return_val_if_fail (LIA_IS_IMPORT_PROBLEM (self), 0);
  return self->line;
}

guint
lia_import_problem_get_column (LiaImportProblem *self)
{
  g_return_val_if_fail (LIA_IS_IMPORT_PROBLEM (self), 0);
  return self->column;
}

const char *
lia_import_problem_get_message (LiaImportProblem *self)
{
  g_return_val_if_fail (LIA_IS_IMPORT_PROBLEM (self), NULL);
  return self->message;
}

char *
lia_import_problem_to_string (LiaImportProblem *self)
{
  g_return_val_if_fail (LIA_IS_IMPORT_PROBLEM (self), NULL);

  if (self->line == 0)
    return g_strdup_printf ("%s: %s", self->file_name ? self->file_name : "", self->message);
  if (self->column == 0)
    return g_strdup_printf ("%s:%u: %s", self->file_name ? self->file_name : "", self->line,
                            self->message);
  return g_strdup_printf ("%s:%u:%u: %s", self->file_name ? self->file_name : "", self->line,
                          self->column, self->message);
}

void
_lia_import_problem_set_needle (LiaImportProblem *self,
                                const char       *needle)
{
  g_assert (LIA_IS_IMPORT_PROBLEM (self));

  g_free (self->needle);
  self->needle = g_strdup (needle);
}

const char *
_lia_import_problem_get_needle (LiaImportProblem *self)
{
  g_assert (LIA_IS_IMPORT_PROBLEM (self));
  return self->needle;
}

void
_lia_import_problem_set_location (LiaImportProblem *self,
                                  guint             line,
                                  guint             column)
{
  g_assert (LIA_IS_IMPORT_PROBLEM (self));

  self->line = line;
  self->column = column;
}
