/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-model"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-affiliation.h"
#include "lia-model-private.h"

struct _LiaAffiliation
{
  LiaRecord  parent_instance;

  gint64     contact_id;
  gint64     organization_id;
  char      *role;
  char      *unit;   /* the organizational unit (department) the contact works in there */
  GDate     *from;   /* NULL: since always */
  GDate     *until;  /* NULL: still holds */
  gboolean   primary;
};

enum {
  PROP_0,
  PROP_CONTACT_ID,
  PROP_ORGANIZATION_ID,
  PROP_ROLE,
  PROP_UNIT,
  PROP_FROM,
  PROP_UNTIL,
  PROP_PRIMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LiaAffiliation, lia_affiliation, LIA_TYPE_RECORD)

/* Stores a copy of @value, an invalid date counting as unset. */
static gboolean
lia_affiliation_validate (LiaRecord  *record,
                          GError    **error)
{
  LiaAffiliation *self = LIA_AFFILIATION (record);

  if (self->contact_id <= 0)
    {
      g_set_error_literal (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                           _("An affiliation needs a contact."));
      return FALSE;
    }

  if (self->organization_id <= 0)
    {
      g_set_error_literal (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                           _("An affiliation needs an organization."));
      return FALSE;
    }

  if (self->from != NULL && self->until != NULL && g_date_compare (self->until, self->from) < 0)
    {
      g_autofree char *from = lia_date_to_iso (self->from);
      g_autofree char *until = lia_date_to_iso (self->until);

      if (lia_text_is_blank (self->role))
        g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                     _("The affiliation ends on %s, before it starts on %s."),
                     until, from);
      else
        g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                     _("The affiliation “%s” ends on %s, before it starts on %s."),
                     self->role, until, from);
      return FALSE;
    }

  return TRUE;
}

static const char *
lia_affiliation_get_label (LiaRecord *record)
{
  LiaAffiliation *self = LIA_AFFILIATION (record);

  /* Messages quote the label: an affiliation without a role still needs words. */
  if (lia_text_is_blank (self->role))
    return _("affiliation without a role");

  return self->role;
}

static void
lia_affiliation_finalize (GObject *object)
{
  LiaAffiliation *self = LIA_AFFILIATION (object);

  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->from, g_date_free);
  g_clear_pointer (&self->until, g_date_free);

  G_OBJECT_CLASS (lia_affiliation_parent_class)->finalize (object);
}

static void
lia_affiliation_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LiaAffiliation *self = LIA_AFFILIATION (object);

  switch (prop_id)
    {
    case PROP_CONTACT_ID:
      g_value_set_int64 (value, self->contact_id);
      break;

    case PROP_ORGANIZATION_ID:
      g_value_set_int64 (value, self->organization_id);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;

    case PROP_FROM:
      g_value_set_boxed (value, self->from);
      break;

    case PROP_UNTIL:
      g_value_set_boxed (value, self->until);
      break;

    case PROP_PRIMARY:
      g_value_set_boolean (value, self->primary);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_affiliation_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LiaAffiliation *self = LIA_AFFILIATION (object);

  switch (prop_id)
    {
    case PROP_CONTACT_ID:
      lia_affiliation_set_contact_id (self, g_value_get_int64 (value));
      break;

    case PROP_ORGANIZATION_ID:
      lia_affiliation_set_organization_id (self, g_value_get_int64 (value));
      break;

    case PROP_ROLE:
      lia_affiliation_set_role (self, g_value_get_string (value));
      break;

    case PROP_UNIT:
      lia_affiliation_set_unit (self, g_value_get_string (value));
      break;

    case PROP_FROM:
      lia_affiliation_set_from (self, g_value_get_boxed (value));
      break;

    case PROP_UNTIL:
      lia_affiliation_set_until (self, g_value_get_boxed (value));
      break;

    case PROP_PRIMARY:
      lia_affiliation_set_primary (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_affiliation_class_init (LiaAffiliationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LiaRecordClass *record_class = LIA_RECORD_CLASS (klass);

  object_class->finalize = lia_affiliation_finalize;
  object_class->get_property = lia_affiliation_get_property;
  object_class->set_property = lia_affiliation_set_property;

  record_class->kind = LIA_RECORD_KIND_AFFILIATION;
  record_class->validate = lia_affiliation_validate;
  record_class->get_label = lia_affiliation_get_label;

  /* Any value is held so that validate can refuse a missing reference with a message. */
  properties[PROP_CONTACT_ID] =
    g_param_spec_int64 ("contact-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ORGANIZATION_ID] =
    g_param_spec_int64 ("organization-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FROM] =
    g_param_spec_boxed ("from", NULL, NULL,
                        G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_UNTIL] =
    g_param_spec_boxed ("until", NULL, NULL,
                        G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PRIMARY] =
    g_param_spec_boolean ("primary", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_affiliation_init (LiaAffiliation *self)
{
  self->role = g_strdup ("");
  self->unit = g_strdup ("");
}

LiaAffiliation *
lia_affiliation_new (gint64      contact_id,
                     gint64      organization_id,
                     const char *role)
{
  /* Set directly, not as properties by name: importers make these by the hundred thousand. */
  LiaAffiliation *self = g_object_new (LIA_TYPE_AFFILIATION, NULL);

  lia_affiliation_set_contact_id (self, contact_id);
  lia_affiliation_set_organization_id (self, organization_id);
  lia_affiliation_set_role (self, role);
  return self;
}

gint64
lia_affiliation_get_contact_id (LiaAffiliation *self)
{
  g_return_val_if_fail (LIA_IS_AFFILIATION (self), 0);

  return self->contact_id;
}

void
lia_affiliation_set_contact_id (LiaAffiliation *self,
                                gint64          contact_id)
{
  g_return_if_fail (LIA_IS_AFFILIATION (self));

  if (self->contact_id == contact_id)
    return;

  self->contact_id = contact_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT_ID]);
}

gint64
lia_affiliation_get_organization_id (LiaAffiliation *self)
{
  g_return_val_if_fail (LIA_IS_AFFILIATION (self), 0);

  return self->organization_id;
}

void
lia_affiliation_set_organization_id (LiaAffiliation *self,
                                     gint64          organization_id)
{
  g_return_if_fail (LIA_IS_AFFILIATION (self));

  if (self->organization_id == organization_id)
    return;

  self->organization_id = organization_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANIZATION_ID]);
}

const char *
lia_affiliation_get_role (LiaAffiliation *self)
{
  g_return_val_if_fail (LIA_IS_AFFILIATION (self), "");

  return self->role;
}

void
lia_affiliation_set_role (LiaAffiliation *self,
                          const char     *role)
{
  g_return_if_fail (LIA_IS_AFFILIATION (self));

  if (role == NULL)
    role = "";

  if (g_strcmp0 (self->role, role) == 0)
    return;

  g_free (self->role);
  self->role = g_strdup (role);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

const char *
lia_affiliation_get_unit (LiaAffiliation *self)
{
  g_return_val_if_fail (LIA_IS_AFFILIATION (self), "");

  return self->unit;
}

void
lia_affiliation_set_unit (LiaAffiliation *self,
                          const char     *unit)
{
  g_return_if_fail (LIA_IS_AFFILIATION (self));

  if (_lia_replace_text (&self->unit, unit))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

const GDate *
lia_affiliation_get_from (LiaAffiliation *self)
{
  g_return_val_if_fail (LIA_IS_AFFILIATION (self), NULL);

  return self->from;
}

void
lia_affiliation_set_from (LiaAffiliation *self,
                          const GDate    *from)
{
  g_return_if_fail (LIA_IS_AFFILIATION (self));

  if (_lia_replace_date (&self->from, from))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM]);
}

const GDate *
lia_affiliation_get_until (LiaAffiliation *self)
{
  g_return_val_if_fail (LIA_IS_AFFILIATION (self), NULL);

  return self->until;
}

void
lia_affiliation_set_until (LiaAffiliation *self,
                           const GDate    *until)
{
  g_return_if_fail (LIA_IS_AFFILIATION (self));

  if (_lia_replace_date (&self->until, until))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNTIL]);
}

gboolean
lia_affiliation_get_primary (LiaAffiliation *self)
{
  g_return_val_if_fail (LIA_IS_AFFILIATION (self), FALSE);

  return self->primary;
}

void
lia_affiliation_set_primary (LiaAffiliation *self,
                             gboolean        primary)
{
  g_return_if_fail (LIA_IS_AFFILIATION (self));

  primary = !!primary;
  if (self->primary == primary)
    return;

  self->primary = primary;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIMARY]);
}

gboolean
lia_affiliation_is_current_on (LiaAffiliation *self,
                               const GDate    *date)
{
  g_return_val_if_fail (LIA_IS_AFFILIATION (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (self->from != NULL && g_date_compare (date, self->from) < 0)
    return FALSE;

  if (self->until != NULL && g_date_compare (date, self->until) > 0)
    return FALSE;

  return TRUE;
}
