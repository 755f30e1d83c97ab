/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-model"

#include "config.h"

#include "lia-postal-address.h"
#include "lia-model-private.h"
#include "lia-enum-types.h"

/* The text properties come first so that their ids index @text directly. */
enum {
  PROP_0,
  PROP_PO_BOX,
  PROP_EXTENDED,
  PROP_STREET,
  PROP_LOCALITY,
  PROP_REGION,
  PROP_POSTAL_CODE,
  PROP_COUNTRY,
  N_TEXT_PROPS,
  PROP_KIND = N_TEXT_PROPS,
  N_PROPS
};

struct _LiaPostalAddress
{
  GObject              parent_instance;

  LiaContactPointKind  kind;
  char                *text[N_TEXT_PROPS];  /* indexed by PROP_PO_BOX … PROP_COUNTRY */
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LiaPostalAddress, lia_postal_address, G_TYPE_OBJECT)

static void
set_text (LiaPostalAddress *self,
          guint             prop_id,
          const char       *value)
{
  g_assert (prop_id > PROP_0 && prop_id < N_TEXT_PROPS);

  if (_lia_replace_text (&self->text[prop_id], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static const char *
get_text (LiaPostalAddress *self,
          guint             prop_id)
{
  g_return_val_if_fail (LIA_IS_POSTAL_ADDRESS (self), "");

  return self->text[prop_id];
}

static void
lia_postal_address_finalize (GObject *object)
{
  LiaPostalAddress *self = LIA_POSTAL_ADDRESS (object);

  for (guint i = 0; i < N_TEXT_PROPS; i++)
    g_clear_pointer (&self->text[i], g_free);

  G_OBJECT_CLASS (lia_postal_address_parent_class)->finalize (object);
}

static void
lia_postal_address_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LiaPostalAddress *self = LIA_POSTAL_ADDRESS (object);

  if (prop_id > PROP_0 && prop_id < N_TEXT_PROPS)
    g_value_set_string (value, self->text[prop_id]);
  else if (prop_id == PROP_KIND)
    g_value_set_enum (value, self->kind);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
lia_postal_address_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LiaPostalAddress *self = LIA_POSTAL_ADDRESS (object);

  if (prop_id > PROP_0 && prop_id < N_TEXT_PROPS)
    set_text (self, prop_id, g_value_get_string (value));
  else if (prop_id == PROP_KIND)
    lia_postal_address_set_kind (self, g_value_get_enum (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
lia_postal_address_class_init (LiaPostalAddressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char * const text_names[N_TEXT_PROPS] = {
    [PROP_PO_BOX] = "po-box",
    [PROP_EXTENDED] = "extended",
    [PROP_STREET] = "street",
    [PROP_LOCALITY] = "locality",
    [PROP_REGION] = "region",
    [PROP_POSTAL_CODE] = "postal-code",
    [PROP_COUNTRY] = "country",
  };

  object_class->finalize = lia_postal_address_finalize;
  object_class->get_property = lia_postal_address_get_property;
  object_class->set_property = lia_postal_address_set_property;

  for (guint i = PROP_PO_BOX; i < N_TEXT_PROPS; i++)
    properties[i] =
      g_param_spec_string (text_names[i], NULL, NULL,
                           "",
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       LIA_TYPE_CONTACT_POINT_KIND, LIA_CONTACT_POINT_KIND_WORK,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_postal_address_init (LiaPostalAddress *self)
{
  self->kind = LIA_CONTACT_POINT_KIND_WORK;
  for (guint i = 0; i < N_TEXT_PROPS; i++)
    self->text[i] = g_strdup ("");
}

LiaPostalAddress *
lia_postal_address_new (LiaContactPointKind kind)
{
  /* Set directly, not as a property by name. */
  LiaPostalAddress *self = g_object_new (LIA_TYPE_POSTAL_ADDRESS, NULL);

  lia_postal_address_set_kind (self, kind);
  return self;
}

LiaPostalAddress *
lia_postal_address_copy (LiaPostalAddress *self)
{
  LiaPostalAddress *copy;

  g_return_val_if_fail (LIA_IS_POSTAL_ADDRESS (self), NULL);

  copy = lia_postal_address_new (self->kind);
  for (guint i = PROP_PO_BOX; i < N_TEXT_PROPS; i++)
    _lia_replace_text (&copy->text[i], self->text[i]);

  return copy;
}

gboolean
lia_postal_address_equal (LiaPostalAddress *a,
                          LiaPostalAddress *b)
{
  g_return_val_if_fail (LIA_IS_POSTAL_ADDRESS (a), FALSE);
  g_return_val_if_fail (LIA_IS_POSTAL_ADDRESS (b), FALSE);

  if (a->kind != b->kind)
    return FALSE;

  for (guint i = PROP_PO_BOX; i < N_TEXT_PROPS; i++)
    if (g_strcmp0 (a->text[i], b->text[i]) != 0)
      return FALSE;

  return TRUE;
}

LiaContactPointKind
lia_postal_address_get_kind (LiaPostalAddress *self)
{
  g_return_val_if_fail (LIA_IS_POSTAL_ADDRESS (self), LIA_CONTACT_POINT_KIND_WORK);

  return self->kind;
}

void
lia_postal_address_set_kind (LiaPostalAddress    *self,
                             LiaContactPointKind  kind)
{
  g_return_if_fail (LIA_IS_POSTAL_ADDRESS (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
lia_postal_address_get_po_box (LiaPostalAddress *self)
{
  return get_text (self, PROP_PO_BOX);
}

void
lia_postal_address_set_po_box (LiaPostalAddress *self,
                               const char       *po_box)
{
  g_return_if_fail (LIA_IS_POSTAL_ADDRESS (self));

  set_text (self, PROP_PO_BOX, po_box);
}

const char *
lia_postal_address_get_extended (LiaPostalAddress *self)
{
  return get_text (self, PROP_EXTENDED);
}

void
lia_postal_address_set_extended (LiaPostalAddress *self,
                                 const char       *extended)
{
  g_return_if_fail (LIA_IS_POSTAL_ADDRESS (self));

  set_text (self, PROP_EXTENDED, extended);
}

const char *
lia_postal_address_get_street (LiaPostalAddress *self)
{
  return get_text (self, PROP_STREET);
}

void
lia_postal_address_set_street (LiaPostalAddress *self,
                               const char       *street)
{
  g_return_if_fail (LIA_IS_POSTAL_ADDRESS (self));

  set_text (self, PROP_STREET, street);
}

const char *
lia_postal_address_get_locality (LiaPostalAddress *self)
{
  return get_text (self, PROP_LOCALITY);
}

void
lia_postal_address_set_locality (LiaPostalAddress *self,
                                 const char       *locality)
{
  g_return_if_fail (LIA_IS_POSTAL_ADDRESS (self));

  set_text (self, PROP_LOCALITY, locality);
}

const char *
lia_postal_address_get_region (LiaPostalAddress *self)
{
  return get_text (self, PROP_REGION);
}

void
lia_postal_address_set_region (LiaPostalAddress *self,
                               const char       *region)
{
  g_return_if_fail (LIA_IS_POSTAL_ADDRESS (self));

  set_text (self, PROP_REGION, region);
}

const char *
lia_postal_address_get_postal_code (LiaPostalAddress *self)
{
  return get_text (self, PROP_POSTAL_CODE);
}

void
lia_postal_address_set_postal_code (LiaPostalAddress *self,
                                    const char       *postal_code)
{
  g_return_if_fail (LIA_IS_POSTAL_ADDRESS (self));

  set_text (self, PROP_POSTAL_CODE, postal_code);
}

const char *
lia_postal_address_get_country (LiaPostalAddress *self)
{
  return get_text (self, PROP_COUNTRY);
}

void
lia_postal_address_set_country (LiaPostalAddress *self,
                                const char       *country)
{
  g_return_if_fail (LIA_IS_POSTAL_ADDRESS (self));

  set_text (self, PROP_COUNTRY, country);
}

gboolean
lia_postal_address_is_empty (LiaPostalAddress *self)
{
  g_return_val_if_fail (LIA_IS_POSTAL_ADDRESS (self), TRUE);

  for (guint i = PROP_PO_BOX; i < N_TEXT_PROPS; i++)
    if (!lia_text_is_blank (self->text[i]))
      return FALSE;

  return TRUE;
}

/* Appends "first second" as one line, leaving out blank parts (and the line when both are). */
static void
append_line (GString    *lines,
             const char *first,
             const char *second)
{
  const char *parts[] = { first, second };
  gboolean line_started = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *part = NULL;

      if (lia_text_is_blank (parts[i]))
        continue;

      part = g_strstrip (g_strdup (parts[i]));
      if (lines->len > 0)
        g_string_append_c (lines, line_started ? ' ' : '\n');
      g_string_append (lines, part);
      line_started = TRUE;
    }
}

char *
lia_postal_address_format (LiaPostalAddress *self)
{
  GString *lines;

  g_return_val_if_fail (LIA_IS_POSTAL_ADDRESS (self), NULL);

  lines = g_string_new (NULL);
  append_line (lines, self->text[PROP_PO_BOX], NULL);
  append_line (lines, self->text[PROP_EXTENDED], NULL);
  append_line (lines, self->text[PROP_STREET], NULL);
  append_line (lines, self->text[PROP_POSTAL_CODE], self->text[PROP_LOCALITY]);
  append_line (lines, self->text[PROP_REGION], NULL);
  append_line (lines, self->text[PROP_COUNTRY], NULL);

  return g_string_free (lines, FALSE);
}
