/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-model"

#include "config.h"

#include "lia-concern-party.h"

struct _LiaConcernParty
{
  GObject  parent_instance;

  gint64   contact_id;
  gint64   organization_id;
  char    *position;
};

enum {
  PROP_0,
  PROP_CONTACT_ID,
  PROP_ORGANIZATION_ID,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LiaConcernParty, lia_concern_party, G_TYPE_OBJECT)

static void
lia_concern_party_finalize (GObject *object)
{
  LiaConcernParty *self = LIA_CONCERN_PARTY (object);

  g_clear_pointer (&self->position, g_free);

  G_OBJECT_CLASS (lia_concern_party_parent_class)->finalize (object);
}

static void
lia_concern_party_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LiaConcernParty *self = LIA_CONCERN_PARTY (object);

  switch (prop_id)
    {
    case PROP_CONTACT_ID:
      g_value_set_int64 (value, self->contact_id);
      break;

    case PROP_ORGANIZATION_ID:
      g_value_set_int64 (value, self->organization_id);
      break;

    case PROP_POSITION:
      g_value_set_string (value, self->position);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_concern_party_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LiaConcernParty *self = LIA_CONCERN_PARTY (object);
  const char *text;

  switch (prop_id)
    {
    case PROP_CONTACT_ID:
      self->contact_id = g_value_get_int64 (value);
      break;

    case PROP_ORGANIZATION_ID:
      self->organization_id = g_value_get_int64 (value);
      break;

    case PROP_POSITION:
      text = g_value_get_string (value);
      g_free (self->position);
      self->position = g_strdup (text != NULL ? text : "");
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_concern_party_class_init (LiaConcernPartyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lia_concern_party_finalize;
  object_class->get_property = lia_concern_party_get_property;
  object_class->set_property = lia_concern_party_set_property;

  /* Any value is held, so that LiaConcern's validate can refuse a party that is neither or both
   * a contact and an organization with a message, rather than GObject dropping it. */
  properties[PROP_CONTACT_ID] =
    g_param_spec_int64 ("contact-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ORGANIZATION_ID] =
    g_param_spec_int64 ("organization-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_POSITION] =
    g_param_spec_string ("position", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_concern_party_init (LiaConcernParty *self)
{
  self->position = g_strdup ("");
}

LiaConcernParty *
lia_concern_party_new_contact (gint64      contact_id,
                               const char *position)
{
  return g_object_new (LIA_TYPE_CONCERN_PARTY,
                       "contact-id", contact_id,
                       "position", position,
                       NULL);
}

LiaConcernParty *
lia_concern_party_new_organization (gint64      organization_id,
                                    const char *position)
{
  return g_object_new (LIA_TYPE_CONCERN_PARTY,
                       "organization-id", organization_id,
                       "position", position,
                       NULL);
}

gint64
lia_concern_party_get_contact_id (LiaConcernParty *self)
{
  g_return_val_if_fail (LIA_IS_CONCERN_PARTY (self), 0);

  return self->contact_id;
}

gint64
lia_concern_party_get_organization_id (LiaConcernParty *self)
{
  g_return_val_if_fail (LIA_IS_CONCERN_PARTY (self), 0);

  return self->organization_id;
}

const char *
lia_concern_party_get_position (LiaConcernParty *self)
{
  g_return_val_if_fail (LIA_IS_CONCERN_PARTY (self), "");

  return self->position;
}
