/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-model"

#include "config.h"

#include "lia-contact-point.h"
#include "lia-enum-types.h"

struct _LiaContactPoint
{
  GObject              parent_instance;

  LiaContactPointKind  kind;
  char                *value;
};

enum {
  PROP_0,
  PROP_KIND,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LiaContactPoint, lia_contact_point, G_TYPE_OBJECT)

static void
lia_contact_point_finalize (GObject *object)
{
  LiaContactPoint *self = LIA_CONTACT_POINT (object);

  g_clear_pointer (&self->value, g_free);

  G_OBJECT_CLASS (lia_contact_point_parent_class)->finalize (object);
}

static void
lia_contact_point_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LiaContactPoint *self = LIA_CONTACT_POINT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_contact_point_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LiaContactPoint *self = LIA_CONTACT_POINT (object);
  const char *text;

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_VALUE:
      text = g_value_get_string (value);
      g_free (self->value);
      self->value = g_strdup (text != NULL ? text : "");
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_contact_point_class_init (LiaContactPointClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lia_contact_point_finalize;
  object_class->get_property = lia_contact_point_get_property;
  object_class->set_property = lia_contact_point_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       LIA_TYPE_CONTACT_POINT_KIND, LIA_CONTACT_POINT_KIND_WORK,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_contact_point_init (LiaContactPoint *self)
{
  self->value = g_strdup ("");
}

LiaContactPoint *
lia_contact_point_new (LiaContactPointKind  kind,
                       const char          *value)
{
  return g_object_new (LIA_TYPE_CONTACT_POINT,
                       "kind", kind,
                       "value", value,
                       NULL);
}

LiaContactPointKind
lia_contact_point_get_kind (LiaContactPoint *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT_POINT (self), LIA_CONTACT_POINT_KIND_WORK);

  return self->kind;
}

const char *
lia_contact_point_get_value (LiaContactPoint *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT_POINT (self), "");

  return self->value;
}
