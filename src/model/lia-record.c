/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-model"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-record.h"

typedef struct
{
  gint64     id;
  gint64     version;
  char      *uid;
  GDateTime *created_at;
  GDateTime *updated_at;
} LiaRecordPrivate;

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (LiaRecord, lia_record, G_TYPE_OBJECT)

/* The same instant is not enough: a time entered as 09:00+02:00 must stay that way. */
static gboolean
date_time_same (GDateTime *a,
                GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_date_time_equal (a, b)
         && g_date_time_get_utc_offset (a) == g_date_time_get_utc_offset (b);
}

static gboolean
replace_date_time (GDateTime **field,
                   GDateTime  *value)
{
  if (date_time_same (*field, value))
    return FALSE;

  g_clear_pointer (field, g_date_time_unref);
  *field = value != NULL ? g_date_time_ref (value) : NULL;
  return TRUE;
}

static gboolean
lia_record_real_validate (LiaRecord  *self,
                          GError    **error)
{
  return TRUE;
}

static const char *
lia_record_real_get_label (LiaRecord *self)
{
  return "";
}

/* Copies through the properties so that a subclass gets its plain values copied for free; the
 * setters skip unchanged values, so only real changes are notified. */
static void
lia_record_real_copy_from (LiaRecord *self,
                           LiaRecord *other)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (self), &n_pspecs);

  g_object_freeze_notify (G_OBJECT (self));

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) mine = G_VALUE_INIT;
      g_auto(GValue) theirs = G_VALUE_INIT;

      if ((pspec->flags & G_PARAM_WRITABLE) == 0
          || (pspec->flags & G_PARAM_CONSTRUCT_ONLY) != 0
          || pspec == properties[PROP_ID])
        continue;

      g_value_init (&mine, pspec->value_type);
      g_value_init (&theirs, pspec->value_type);
      g_object_get_property (G_OBJECT (self), pspec->name, &mine);
      g_object_get_property (G_OBJECT (other), pspec->name, &theirs);

      /* Boxed values compare by pointer here: those go through the setter, which knows better. */
      if (g_param_values_cmp (pspec, &mine, &theirs) == 0)
        continue;

      g_object_set_property (G_OBJECT (self), pspec->name, &theirs);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

static void
lia_record_finalize (GObject *object)
{
  LiaRecord *self = LIA_RECORD (object);
  LiaRecordPrivate *priv = lia_record_get_instance_private (self);

  g_clear_pointer (&priv->uid, g_free);
  g_clear_pointer (&priv->created_at, g_date_time_unref);
  g_clear_pointer (&priv->updated_at, g_date_time_unref);

  G_OBJECT_CLASS (lia_record_parent_class)->finalize (object);
}

static void
lia_record_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LiaRecord *self = LIA_RECORD (object);
  LiaRecordPrivate *priv = lia_record_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, priv->id);
      break;

    case PROP_UID:
      g_value_set_string (value, priv->uid);
      break;

    case PROP_CREATED_AT:
      g_value_set_boxed (value, priv->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_boxed (value, priv->updated_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_record_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  LiaRecord *self = LIA_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      lia_record_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_UID:
      lia_record_set_uid (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      lia_record_set_created_at (self, g_value_get_boxed (value));
      break;

    case PROP_UPDATED_AT:
      lia_record_set_updated_at (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_record_class_init (LiaRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lia_record_finalize;
  object_class->get_property = lia_record_get_property;
  object_class->set_property = lia_record_set_property;

  klass->validate = lia_record_real_validate;
  klass->copy_from = lia_record_real_copy_from;
  klass->get_label = lia_record_real_get_label;

  /**
   * LiaRecord:id:
   *
   * The database id, 0 until the record is saved.
   */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LiaRecord:uid:
   *
   * The stable identifier that partner-directory exchange uses; "" until the store assigns one.
   */
  properties[PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_UPDATED_AT] =
    g_param_spec_boxed ("updated-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_record_init (LiaRecord *self)
{
  LiaRecordPrivate *priv = lia_record_get_instance_private (self);

  priv->uid = g_strdup ("");
}

LiaRecordKind
lia_record_get_kind (LiaRecord *self)
{
  g_return_val_if_fail (LIA_IS_RECORD (self), LIA_RECORD_KIND_ORGANIZATION);

  return LIA_RECORD_GET_CLASS (self)->kind;
}

gint64
lia_record_get_id (LiaRecord *self)
{
  LiaRecordPrivate *priv;

  g_return_val_if_fail (LIA_IS_RECORD (self), 0);

  priv = lia_record_get_instance_private (self);

  return priv->id;
}

void
lia_record_set_id (LiaRecord *self,
                   gint64     id)
{
  LiaRecordPrivate *priv;

  g_return_if_fail (LIA_IS_RECORD (self));
  g_return_if_fail (id >= 0);

  priv = lia_record_get_instance_private (self);

  if (priv->id == id)
    return;

  priv->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/**
 * lia_record_get_version:
 *
 * The row version the record was loaded or last saved with; 0 when it never came from the
 * store (a new record, or one read from a file), which the store saves without a check.
 */
gint64
lia_record_get_version (LiaRecord *self)
{
  LiaRecordPrivate *priv;

  g_return_val_if_fail (LIA_IS_RECORD (self), 0);

  priv = lia_record_get_instance_private (self);
  return priv->version;
}

void
lia_record_set_version (LiaRecord *self,
                        gint64     version)
{
  LiaRecordPrivate *priv;

  g_return_if_fail (LIA_IS_RECORD (self));
  g_return_if_fail (version >= 0);

  priv = lia_record_get_instance_private (self);
  priv->version = version;
}

/**
 * lia_record_copy_identity:
 *
 * Gives @self the database id and row version of @other: what makes a copy made with
 * lia_record_copy_from() save over the same stored row, and be refused if it changed since.
 */
void
lia_record_copy_identity (LiaRecord *self,
                          LiaRecord *other)
{
  g_return_if_fail (LIA_IS_RECORD (self));
  g_return_if_fail (LIA_IS_RECORD (other));

  lia_record_set_id (self, lia_record_get_id (other));
  lia_record_set_version (self, lia_record_get_version (other));
}

const char *
lia_record_get_uid (LiaRecord *self)
{
  LiaRecordPrivate *priv;

  g_return_val_if_fail (LIA_IS_RECORD (self), "");

  priv = lia_record_get_instance_private (self);

  return priv->uid;
}

void
lia_record_set_uid (LiaRecord  *self,
                    const char *uid)
{
  LiaRecordPrivate *priv;

  g_return_if_fail (LIA_IS_RECORD (self));

  priv = lia_record_get_instance_private (self);

  if (uid == NULL)
    uid = "";

  if (g_strcmp0 (priv->uid, uid) == 0)
    return;

  g_free (priv->uid);
  priv->uid = g_strdup (uid);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UID]);
}

GDateTime *
lia_record_get_created_at (LiaRecord *self)
{
  LiaRecordPrivate *priv;

  g_return_val_if_fail (LIA_IS_RECORD (self), NULL);

  priv = lia_record_get_instance_private (self);

  return priv->created_at;
}

void
lia_record_set_created_at (LiaRecord *self,
                           GDateTime *created_at)
{
  LiaRecordPrivate *priv;

  g_return_if_fail (LIA_IS_RECORD (self));

  priv = lia_record_get_instance_private (self);

  if (replace_date_time (&priv->created_at, created_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

GDateTime *
lia_record_get_updated_at (LiaRecord *self)
{
  LiaRecordPrivate *priv;

  g_return_val_if_fail (LIA_IS_RECORD (self), NULL);

  priv = lia_record_get_instance_private (self);

  return priv->updated_at;
}

void
lia_record_set_updated_at (LiaRecord *self,
                           GDateTime *updated_at)
{
  LiaRecordPrivate *priv;

  g_return_if_fail (LIA_IS_RECORD (self));

  priv = lia_record_get_instance_private (self);

  if (replace_date_time (&priv->updated_at, updated_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

const char *
lia_record_get_label (LiaRecord *self)
{
  const char *label;

  g_return_val_if_fail (LIA_IS_RECORD (self), "");

  label = LIA_RECORD_GET_CLASS (self)->get_label (self);
  return label != NULL ? label : "";
}

gboolean
lia_record_validate (LiaRecord  *self,
                     GError    **error)
{
  g_return_val_if_fail (LIA_IS_RECORD (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return LIA_RECORD_GET_CLASS (self)->validate (self, error);
}

void
lia_record_copy_from (LiaRecord *self,
                      LiaRecord *other)
{
  g_return_if_fail (LIA_IS_RECORD (self));
  g_return_if_fail (LIA_IS_RECORD (other));
  g_return_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (other));

  if (self == other)
    return;

  LIA_RECORD_GET_CLASS (self)->copy_from (self, other);
}
