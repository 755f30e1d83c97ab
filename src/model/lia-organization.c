/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-model"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-organization.h"
#include "lia-model-private.h"
#include "lia-assessment.h"

/* The text properties come first so that their property ids index @text directly. */
enum {
  PROP_0,
  PROP_NAME,
  PROP_SHORT_NAME,
  PROP_SECTOR,
  PROP_COUNTRY,
  PROP_STREET,
  PROP_LOCALITY,
  PROP_REGION,
  PROP_POSTAL_CODE,
  PROP_ADDRESS_COUNTRY,
  PROP_WEBSITE,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_NOTES,
  N_TEXT_PROPS,
  PROP_PARENT_ID = N_TEXT_PROPS,
  PROP_TAGS,
  PROP_ASSESSMENT,
  N_PROPS
};

struct _LiaOrganization
{
  LiaRecord      parent_instance;

  char          *text[N_TEXT_PROPS];  /* indexed by PROP_NAME … PROP_NOTES, never NULL */
  gint64         parent_id;
  char         **tags;
  LiaAssessment *assessment;
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LiaOrganization, lia_organization, LIA_TYPE_RECORD)

static void
set_text (LiaOrganization *self,
          guint            prop_id,
          const char      *value)
{
  g_assert (prop_id > PROP_0 && prop_id < N_TEXT_PROPS);

  if (!_lia_replace_text (&self->text[prop_id], value))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static gboolean
lia_organization_validate (LiaRecord  *record,
                           GError    **error)
{
  LiaOrganization *self = LIA_ORGANIZATION (record);

  if (lia_text_is_blank (self->text[PROP_NAME]))
    {
      g_set_error_literal (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                           _("An organization needs a name."));
      return FALSE;
    }

  if (!lia_assessment_validate (self->assessment, error))
    {
      g_prefix_error (error, _("“%s”: "), self->text[PROP_NAME]);
      return FALSE;
    }

  return TRUE;
}

static void
lia_organization_copy_from (LiaRecord *record,
                            LiaRecord *other_record)
{
  LiaOrganization *self = LIA_ORGANIZATION (record);
  LiaOrganization *other = LIA_ORGANIZATION (other_record);

  LIA_RECORD_CLASS (lia_organization_parent_class)->copy_from (record, other_record);
  lia_assessment_copy_from (self->assessment, other->assessment);
}

static const char *
lia_organization_get_label (LiaRecord *record)
{
  return LIA_ORGANIZATION (record)->text[PROP_NAME];
}

static void
lia_organization_dispose (GObject *object)
{
  LiaOrganization *self = LIA_ORGANIZATION (object);

  g_clear_object (&self->assessment);

  G_OBJECT_CLASS (lia_organization_parent_class)->dispose (object);
}

static void
lia_organization_finalize (GObject *object)
{
  LiaOrganization *self = LIA_ORGANIZATION (object);

  for (guint i = 0; i < N_TEXT_PROPS; i++)
    g_clear_pointer (&self->text[i], g_free);
  g_clear_pointer (&self->tags, g_strfreev);

  G_OBJECT_CLASS (lia_organization_parent_class)->finalize (object);
}

static void
lia_organization_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LiaOrganization *self = LIA_ORGANIZATION (object);

  if (prop_id > PROP_0 && prop_id < N_TEXT_PROPS)
    {
      g_value_set_string (value, self->text[prop_id]);
      return;
    }

  switch (prop_id)
    {
    case PROP_PARENT_ID:
      g_value_set_int64 (value, self->parent_id);
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;

    case PROP_ASSESSMENT:
      g_value_set_object (value, self->assessment);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_organization_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LiaOrganization *self = LIA_ORGANIZATION (object);

  if (prop_id > PROP_0 && prop_id < N_TEXT_PROPS)
    {
      set_text (self, prop_id, g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_PARENT_ID:
      lia_organization_set_parent_id (self, g_value_get_int64 (value));
      break;

    case PROP_TAGS:
      lia_organization_set_tags (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_organization_class_init (LiaOrganizationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LiaRecordClass *record_class = LIA_RECORD_CLASS (klass);
  static const char * const text_names[N_TEXT_PROPS] = {
    [PROP_NAME] = "name",
    [PROP_SHORT_NAME] = "short-name",
    [PROP_SECTOR] = "sector",
    [PROP_COUNTRY] = "country",
    [PROP_STREET] = "street",
    [PROP_LOCALITY] = "locality",
    [PROP_REGION] = "region",
    [PROP_POSTAL_CODE] = "postal-code",
    [PROP_ADDRESS_COUNTRY] = "address-country",
    [PROP_WEBSITE] = "website",
    [PROP_EMAIL] = "email",
    [PROP_PHONE] = "phone",
    [PROP_NOTES] = "notes",
  };

  object_class->dispose = lia_organization_dispose;
  object_class->finalize = lia_organization_finalize;
  object_class->get_property = lia_organization_get_property;
  object_class->set_property = lia_organization_set_property;

  record_class->kind = LIA_RECORD_KIND_ORGANIZATION;
  record_class->validate = lia_organization_validate;
  record_class->copy_from = lia_organization_copy_from;
  record_class->get_label = lia_organization_get_label;

  for (guint i = PROP_NAME; i < N_TEXT_PROPS; i++)
    properties[i] =
      g_param_spec_string (text_names[i], NULL, NULL,
                           "",
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PARENT_ID] =
    g_param_spec_int64 ("parent-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ASSESSMENT] =
    g_param_spec_object ("assessment", NULL, NULL,
                         LIA_TYPE_ASSESSMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_organization_init (LiaOrganization *self)
{
  for (guint i = 0; i < N_TEXT_PROPS; i++)
    self->text[i] = g_strdup ("");
  self->tags = g_new0 (char *, 1);
  self->assessment = lia_assessment_new ();
}

LiaOrganization *
lia_organization_new (const char *name)
{
  /* Set directly, not as properties by name: importers make these by the hundred thousand. */
  LiaOrganization *self = g_object_new (LIA_TYPE_ORGANIZATION, NULL);

  set_text (self, PROP_NAME, name);
  return self;
}

const char *
lia_organization_get_name (LiaOrganization *self)
{
  g_return_val_if_fail (LIA_IS_ORGANIZATION (self), "");

  return self->text[PROP_NAME];
}

void
lia_organization_set_name (LiaOrganization *self,
                           const char      *name)
{
  g_return_if_fail (LIA_IS_ORGANIZATION (self));

  set_text (self, PROP_NAME, name);
}

const char *
lia_organization_get_short_name (LiaOrganization *self)
{
  g_return_val_if_fail (LIA_IS_ORGANIZATION (self), "");

  return self->text[PROP_SHORT_NAME];
}

void
lia_organization_set_short_name (LiaOrganization *self,
                                 const char      *short_name)
{
  g_return_if_fail (LIA_IS_ORGANIZATION (self));

  set_text (self, PROP_SHORT_NAME, short_name);
}

const char *
lia_organization_get_sector (LiaOrganization *self)
{
  g_return_val_if_fail (LIA_IS_ORGANIZATION (self), "");

  return self->text[PROP_SECTOR];
}

void
lia_organization_set_sector (LiaOrganization *self,
                             const char      *sector)
{
  g_return_if_fail (LIA_IS_ORGANIZATION (self));

  set_text (self, PROP_SECTOR, sector);
}

gint64
lia_organization_get_parent_id (LiaOrganization *self)
{
  g_return_val_if_fail (LIA_IS_ORGANIZATION (self), 0);

  return self->parent_id;
}

void
lia_organization_set_parent_id (LiaOrganization *self,
                                gint64           parent_id)
{
  g_return_if_fail (LIA_IS_ORGANIZATION (self));
  g_return_if_fail (parent_id >= 0);

  if (self->parent_id == parent_id)
    return;

  self->parent_id = parent_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT_ID]);
}

const char *
lia_organization_get_country (LiaOrganization *self)
{
  g_return_val_if_fail (LIA_IS_ORGANIZATION (self), "");

  return self->text[PROP_COUNTRY];
}

void
lia_organization_set_country (LiaOrganization *self,
                              const char      *country)
{
  g_return_if_fail (LIA_IS_ORGANIZATION (self));

  set_text (self, PROP_COUNTRY, country);
}

const char *
lia_organization_get_street (LiaOrganization *self)
{
  g_return_val_if_fail (LIA_IS_ORGANIZATION (self), "");

  return self->text[PROP_STREET];
}

void
lia_organization_set_street (LiaOrganization *self,
                             const char      *street)
{
  g_return_if_fail (LIA_IS_ORGANIZATION (self));

  set_text (self, PROP_STREET, street);
}

const char *
lia_organization_get_locality (LiaOrganization *self)
{
  g_return_val_if_fail (LIA_IS_ORGANIZATION (self), "");

  return self->text[PROP_LOCALITY];
}

void
lia_organization_set_locality (LiaOrganization *self,
                               const char      *locality)
{
  g_return_if_fail (LIA_IS_ORGANIZATION (self));

  set_text (self, PROP_LOCALITY, locality);
}

const char *
lia_organization_get_region (LiaOrganization *self)
{
  g_return_val_if_fail (LIA_IS_ORGANIZATION (self), "");

  return self->text[PROP_REGION];
}

void
lia_organization_set_region (LiaOrganization *self,
                             const char      *region)
{
  g_return_if_fail (LIA_IS_ORGANIZATION (self));

  set_text (self, PROP_REGION, region);
}

const char *
lia_organization_get_postal_code (LiaOrganization *self)
{
  g_return_val_if_fail (LIA_IS_ORGANIZATION (self), "");

  return self->text[PROP_POSTAL_CODE];
}

void
lia_organization_set_postal_code (LiaOrganization *self,
                                  const char      *postal_code)
{
  g_return_if_fail (LIA_IS_ORGANIZATION (self));

  set_text (self, PROP_POSTAL_CODE, postal_code);
}

const char *
lia_organization_get_address_country (LiaOrganization *self)
{
  g_return_val_if_fail (LIA_IS_ORGANIZATION (self), "");

  return self->text[PROP_ADDRESS_COUNTRY];
}

void
lia_organization_set_address_country (LiaOrganization *self,
                                      const char      *address_country)
{
  g_return_if_fail (LIA_IS_ORGANIZATION (self));

  set_text (self, PROP_ADDRESS_COUNTRY, address_country);
}

const char *
lia_organization_get_website (LiaOrganization *self)
{
  g_return_val_if_fail (LIA_IS_ORGANIZATION (self), "");

  return self->text[PROP_WEBSITE];
}

void
lia_organization_set_website (LiaOrganization *self,
                              const char      *website)
{
  g_return_if_fail (LIA_IS_ORGANIZATION (self));

  set_text (self, PROP_WEBSITE, website);
}

const char *
lia_organization_get_email (LiaOrganization *self)
{
  g_return_val_if_fail (LIA_IS_ORGANIZATION (self), "");

  return self->text[PROP_EMAIL];
}

void
lia_organization_set_email (LiaOrganization *self,
                            const char      *email)
{
  g_return_if_fail (LIA_IS_ORGANIZATION (self));

  set_text (self, PROP_EMAIL, email);
}

const char *
lia_organization_get_phone (LiaOrganization *self)
{
  g_return_val_if_fail (LIA_IS_ORGANIZATION (self), "");

  return self->text[PROP_PHONE];
}

void
lia_organization_set_phone (LiaOrganization *self,
                            const char      *phone)
{
  g_return_if_fail (LIA_IS_ORGANIZATION (self));

  set_text (self, PROP_PHONE, phone);
}

const char *
lia_organization_get_notes (LiaOrganization *self)
{
  g_return_val_if_fail (LIA_IS_ORGANIZATION (self), "");

  return self->text[PROP_NOTES];
}

void
lia_organization_set_notes (LiaOrganization *self,
                            const char      *notes)
{
  g_return_if_fail (LIA_IS_ORGANIZATION (self));

  set_text (self, PROP_NOTES, notes);
}

const char * const *
lia_organization_get_tags (LiaOrganization *self)
{
  g_return_val_if_fail (LIA_IS_ORGANIZATION (self), NULL);

  return (const char * const *) self->tags;
}

void
lia_organization_set_tags (LiaOrganization    *self,
                           const char * const *tags)
{
  g_auto(GStrv) tidy = NULL;

  g_return_if_fail (LIA_IS_ORGANIZATION (self));

  tidy = lia_strv_tidy (tags, TRUE);
  if (g_strv_equal ((const char * const *) tidy, (const char * const *) self->tags))
    return;

  g_strfreev (self->tags);
  self->tags = g_steal_pointer (&tidy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

LiaAssessment *
lia_organization_get_assessment (LiaOrganization *self)
{
  g_return_val_if_fail (LIA_IS_ORGANIZATION (self), NULL);

  return self->assessment;
}
