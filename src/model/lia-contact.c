/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-model"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lia-contact.h"
#include "lia-model-private.h"
#include "lia-assessment.h"
#include "lia-contact-point.h"
#include "lia-postal-address.h"
#include "lia-enum-types.h"

/* The text properties come first so that their property ids index @text directly. */
enum {
  PROP_0,
  PROP_HONORIFIC,
  PROP_GIVEN_NAME,
  PROP_FAMILY_NAME,
  PROP_SUFFIX,
  PROP_DISPLAY_NAME,
  PROP_JOB_TITLE,
  PROP_TIME_ZONE,
  PROP_NOTES,
  PROP_NICKNAME,
  PROP_BIRTHDAY,
  N_TEXT_PROPS,
  PROP_PREFERRED_CHANNEL = N_TEXT_PROPS,
  PROP_LANGUAGES,
  PROP_TAGS,
  PROP_ASSESSMENT,
  PROP_EMAILS,
  PROP_PHONES,
  PROP_ADDRESSES,
  PROP_WEBSITES,
  PROP_IMS,
  PROP_PHOTO,
  PROP_PHOTO_MIME_TYPE,
  N_PROPS
};

struct _LiaContact
{
  LiaRecord      parent_instance;

  /* Indexed by PROP_HONORIFIC … PROP_NOTES, never NULL. text[PROP_DISPLAY_NAME] is the
   * explicit display name only; composed_name is the label built from the parts. */
  char          *text[N_TEXT_PROPS];
  char          *composed_name;
  LiaChannel     preferred_channel;
  char         **languages;
  char         **tags;
  LiaAssessment *assessment;
  GListStore    *emails;
  GListStore    *phones;
  GListStore    *addresses;
  GListStore    *websites;
  GListStore    *ims;
  /* The photo lives in its own table and only the single-record paths load it: while
   * photo_loaded is FALSE, the store leaves the saved photo as it is. */
  GBytes        *photo;
  char          *photo_mime_type;
  gboolean       photo_loaded;
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LiaContact, lia_contact, LIA_TYPE_RECORD)

static char *
compose_name (LiaContact *self)
{
  static const guint parts[] = { PROP_HONORIFIC, PROP_GIVEN_NAME, PROP_FAMILY_NAME, PROP_SUFFIX };
  GString *name = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *part = g_strstrip (g_strdup (self->text[parts[i]]));

      if (lia_text_is_blank (part))
        continue;

      if (name->len > 0)
        g_string_append_c (name, ' ');
      g_string_append (name, part);
    }

  return g_string_free (name, FALSE);
}

static gboolean
is_name_part (guint prop_id)
{
  return prop_id == PROP_HONORIFIC || prop_id == PROP_GIVEN_NAME
         || prop_id == PROP_FAMILY_NAME || prop_id == PROP_SUFFIX;
}

static void
set_text (LiaContact *self,
          guint       prop_id,
          const char *value)
{
  g_autofree char *old_display_name = NULL;

  g_assert (prop_id > PROP_0 && prop_id < N_TEXT_PROPS);

  old_display_name = g_strdup (lia_contact_get_display_name (self));

  if (!_lia_replace_text (&self->text[prop_id], value))
    return;

  if (is_name_part (prop_id))
    {
      g_free (self->composed_name);
      self->composed_name = compose_name (self);
    }

  /* "display-name" is the label people see, so it is notified when that label changes,
   * whichever part changed it. */
  if (prop_id != PROP_DISPLAY_NAME)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  if (g_strcmp0 (old_display_name, lia_contact_get_display_name (self)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

static gboolean
set_strv (char               ***field,
          const char * const   *value)
{
  g_auto(GStrv) tidy = lia_strv_tidy (value, TRUE);

  if (g_strv_equal ((const char * const *) tidy, (const char * const *) *field))
    return FALSE;

  g_strfreev (*field);
  *field = g_steal_pointer (&tidy);
  return TRUE;
}

static gboolean
email_is_valid (const char *address)
{
  const char *at = strchr (address, '@');

  return at != NULL && at != address && at[1] != '\0' && strchr (at + 1, '@') == NULL;
}

static gboolean
contact_points_equal (GListModel *a,
                      GListModel *b)
{
  guint n_items = g_list_model_get_n_items (a);

  if (n_items != g_list_model_get_n_items (b))
    return FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(LiaContactPoint) point_a = g_list_model_get_item (a, i);
      g_autoptr(LiaContactPoint) point_b = g_list_model_get_item (b, i);

      if (lia_contact_point_get_kind (point_a) != lia_contact_point_get_kind (point_b)
          || g_strcmp0 (lia_contact_point_get_value (point_a),
                        lia_contact_point_get_value (point_b)) != 0)
        return FALSE;
    }

  return TRUE;
}

/* Contact points are immutable, so both contacts can share them. */
static void
copy_contact_points (LiaContact *self,
                     GListStore *mine,
                     GListStore *theirs,
                     guint       prop_id)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (theirs));
  g_autoptr(GPtrArray) points = g_ptr_array_new_with_free_func (g_object_unref);

  if (contact_points_equal (G_LIST_MODEL (mine), G_LIST_MODEL (theirs)))
    return;

  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (points, g_list_model_get_item (G_LIST_MODEL (theirs), i));

  g_list_store_splice (mine, 0, g_list_model_get_n_items (G_LIST_MODEL (mine)),
                       points->pdata, points->len);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
append_point (LiaContact          *self,
              GListStore          *points,
              guint                prop_id,
              LiaContactPointKind  kind,
              const char          *value)
{
  g_autoptr(LiaContactPoint) point = lia_contact_point_new (kind, value);

  g_list_store_append (points, point);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
remove_item (LiaContact *self,
             GListStore *list,
             guint       prop_id,
             guint       position)
{
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (list)));

  g_list_store_remove (list, position);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
clear_items (LiaContact *self,
             GListStore *list,
             guint       prop_id)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (list)) == 0)
    return;

  g_list_store_remove_all (list);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* Addresses can be edited in place, so the copy gets its own. */
static void
copy_addresses (LiaContact *self,
                LiaContact *other)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (other->addresses));
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean same = n_items == g_list_model_get_n_items (G_LIST_MODEL (self->addresses));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(LiaPostalAddress) theirs = g_list_model_get_item (G_LIST_MODEL (other->addresses), i);

      if (same)
        {
          g_autoptr(LiaPostalAddress) mine = g_list_model_get_item (G_LIST_MODEL (self->addresses), i);

          same = lia_postal_address_equal (mine, theirs);
        }
      g_ptr_array_add (copies, lia_postal_address_copy (theirs));
    }

  if (same)
    return;

  g_list_store_splice (self->addresses, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->addresses)),
                       copies->pdata, copies->len);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDRESSES]);
}

static gboolean
birthday_is_valid (const char *text)
{
  unsigned int year = 2000;  /* a leap year, so that --02-29 is a birthday */
  unsigned int month;
  unsigned int day;
  int end = 0;

  if (g_str_has_prefix (text, "--"))
    {
      if (strlen (text) != 7 || sscanf (text, "--%2u-%2u%n", &month, &day, &end) != 2)
        return FALSE;
    }
  else if (strlen (text) != 10 || sscanf (text, "%4u-%2u-%2u%n", &year, &month, &day, &end) != 3)
    return FALSE;

  for (const char *c = text; *c != '\0'; c++)
    if (!g_ascii_isdigit (*c) && *c != '-')
      return FALSE;

  return end == (int) strlen (text) && year >= 1 && month >= 1 && month <= 12
         && g_date_valid_dmy (day, month, year);
}

/* GLib reads the zone's file again each time the last reference to a zone goes: remember the
 * names already found, since an import checks the same few zones for every contact. */
G_LOCK_DEFINE_STATIC (known_time_zones);
static GHashTable *known_time_zones;

static gboolean
time_zone_is_known (const char *identifier)
{
  gboolean known;

  G_LOCK (known_time_zones);
  if (known_time_zones == NULL)
    known_time_zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  known = g_hash_table_contains (known_time_zones, identifier);
  G_UNLOCK (known_time_zones);

  if (!known)
    {
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (identifier);

      known = zone != NULL;
      if (known)
        {
          G_LOCK (known_time_zones);
          g_hash_table_add (known_time_zones, g_strdup (identifier));
          G_UNLOCK (known_time_zones);
        }
    }

  return known;
}

static gboolean
lia_contact_validate (LiaRecord  *record,
                      GError    **error)
{
  LiaContact *self = LIA_CONTACT (record);
  const char *name = lia_contact_get_display_name (self);
  const char *time_zone = self->text[PROP_TIME_ZONE];
  guint n_items;

  if (lia_text_is_blank (self->text[PROP_DISPLAY_NAME])
      && lia_text_is_blank (self->text[PROP_GIVEN_NAME])
      && lia_text_is_blank (self->text[PROP_FAMILY_NAME]))
    {
      g_set_error_literal (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                           _("A contact needs a display name, a given name or a family name."));
      return FALSE;
    }

  if (*time_zone != '\0')
    {
      if (!time_zone_is_known (time_zone))
        {
          g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                       _("“%s” has an unknown time zone “%s” (expected a name such as Africa/Nairobi)."),
                       name, time_zone);
          return FALSE;
        }
    }

  if (lia_enum_to_nick (LIA_TYPE_CHANNEL, self->preferred_channel) == NULL)
    {
      g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                   _("“%s” has an unknown preferred channel (%d)."),
                   name, (int) self->preferred_channel);
      return FALSE;
    }

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->emails));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(LiaContactPoint) email = g_list_model_get_item (G_LIST_MODEL (self->emails), i);
      const char *address = lia_contact_point_get_value (email);

      if (!email_is_valid (address))
        {
          g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                       _("“%s” has an email address “%s” that is not of the form name@example.org."),
                       name, address);
          return FALSE;
        }
    }

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->phones));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(LiaContactPoint) phone = g_list_model_get_item (G_LIST_MODEL (self->phones), i);

      if (lia_text_is_blank (lia_contact_point_get_value (phone)))
        {
          g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                       _("“%s” has an empty phone number."), name);
          return FALSE;
        }
    }

  if (*self->text[PROP_BIRTHDAY] != '\0' && !birthday_is_valid (self->text[PROP_BIRTHDAY]))
    {
      g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                   _("“%s” has a birthday “%s” that is not a date such as 1984-03-21 or, "
                     "without the year, --03-21."),
                   name, self->text[PROP_BIRTHDAY]);
      return FALSE;
    }

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->addresses));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(LiaPostalAddress) address = g_list_model_get_item (G_LIST_MODEL (self->addresses), i);

      if (lia_postal_address_is_empty (address))
        {
          g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                       _("“%s” has an empty postal address."), name);
          return FALSE;
        }
    }

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->websites));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(LiaContactPoint) website = g_list_model_get_item (G_LIST_MODEL (self->websites), i);

      if (lia_text_is_blank (lia_contact_point_get_value (website)))
        {
          g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                       _("“%s” has an empty website."), name);
          return FALSE;
        }
    }

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->ims));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(LiaContactPoint) im = g_list_model_get_item (G_LIST_MODEL (self->ims), i);
      const char *uri = lia_contact_point_get_value (im);

      if (!lia_contact_im_is_valid (uri))
        {
          g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                       _("“%s” has a messaging address “%s” that does not start with its "
                         "service, as in xmpp:name@example.org or sip:name@example.org."),
                       name, uri);
          return FALSE;
        }
    }

  if (self->photo != NULL && !g_str_has_prefix (self->photo_mime_type, "image/"))
    {
      g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                   _("“%s” has a photo of type “%s”, which is not an image."),
                   name, self->photo_mime_type);
      return FALSE;
    }

  if (!lia_assessment_validate (self->assessment, error))
    {
      g_prefix_error (error, _("“%s”: "), name);
      return FALSE;
    }

  return TRUE;
}

static void
lia_contact_copy_from (LiaRecord *record,
                       LiaRecord *other_record)
{
  LiaContact *self = LIA_CONTACT (record);
  LiaContact *other = LIA_CONTACT (other_record);

  /* The parent copies "display-name" as the label it reads; put back the explicit one, inside
   * one freeze so that only a net change of the label is notified. */
  g_object_freeze_notify (G_OBJECT (self));

  LIA_RECORD_CLASS (lia_contact_parent_class)->copy_from (record, other_record);
  lia_contact_set_display_name (self, other->text[PROP_DISPLAY_NAME]);
  copy_contact_points (self, self->emails, other->emails, PROP_EMAILS);
  copy_contact_points (self, self->phones, other->phones, PROP_PHONES);
  copy_contact_points (self, self->websites, other->websites, PROP_WEBSITES);
  copy_contact_points (self, self->ims, other->ims, PROP_IMS);
  copy_addresses (self, other);
  /* A copy of a contact whose photo was not loaded does not know the photo either: saving
   * it must leave the stored one alone. */
  if (other->photo_loaded)
    lia_contact_set_photo (self, other->photo, other->photo_mime_type);
  else
    lia_contact_forget_photo (self);
  lia_assessment_copy_from (self->assessment, other->assessment);

  g_object_thaw_notify (G_OBJECT (self));
}

static const char *
lia_contact_get_label (LiaRecord *record)
{
  return lia_contact_get_display_name (LIA_CONTACT (record));
}

static void
lia_contact_dispose (GObject *object)
{
  LiaContact *self = LIA_CONTACT (object);

  g_clear_object (&self->assessment);
  g_clear_object (&self->emails);
  g_clear_object (&self->phones);
  g_clear_object (&self->addresses);
  g_clear_object (&self->websites);
  g_clear_object (&self->ims);
  g_clear_pointer (&self->photo, g_bytes_unref);

  G_OBJECT_CLASS (lia_contact_parent_class)->dispose (object);
}

static void
lia_contact_finalize (GObject *object)
{
  LiaContact *self = LIA_CONTACT (object);

  for (guint i = 0; i < N_TEXT_PROPS; i++)
    g_clear_pointer (&self->text[i], g_free);
  g_clear_pointer (&self->composed_name, g_free);
  g_clear_pointer (&self->languages, g_strfreev);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->photo_mime_type, g_free);

  G_OBJECT_CLASS (lia_contact_parent_class)->finalize (object);
}

static void
lia_contact_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LiaContact *self = LIA_CONTACT (object);

  if (prop_id == PROP_DISPLAY_NAME)
    {
      g_value_set_string (value, lia_contact_get_display_name (self));
      return;
    }

  if (prop_id > PROP_0 && prop_id < N_TEXT_PROPS)
    {
      g_value_set_string (value, self->text[prop_id]);
      return;
    }

  switch (prop_id)
    {
    case PROP_PREFERRED_CHANNEL:
      g_value_set_enum (value, self->preferred_channel);
      break;

    case PROP_LANGUAGES:
      g_value_set_boxed (value, self->languages);
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;

    case PROP_ASSESSMENT:
      g_value_set_object (value, self->assessment);
      break;

    case PROP_EMAILS:
      g_value_set_object (value, self->emails);
      break;

    case PROP_PHONES:
      g_value_set_object (value, self->phones);
      break;

    case PROP_ADDRESSES:
      g_value_set_object (value, self->addresses);
      break;

    case PROP_WEBSITES:
      g_value_set_object (value, self->websites);
      break;

    case PROP_IMS:
      g_value_set_object (value, self->ims);
      break;

    case PROP_PHOTO:
      g_value_set_boxed (value, self->photo);
      break;

    case PROP_PHOTO_MIME_TYPE:
      g_value_set_string (value, self->photo_mime_type);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_contact_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LiaContact *self = LIA_CONTACT (object);

  if (prop_id > PROP_0 && prop_id < N_TEXT_PROPS)
    {
      set_text (self, prop_id, g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_PREFERRED_CHANNEL:
      lia_contact_set_preferred_channel (self, g_value_get_enum (value));
      break;

    case PROP_LANGUAGES:
      lia_contact_set_languages (self, g_value_get_boxed (value));
      break;

    case PROP_TAGS:
      lia_contact_set_tags (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_contact_class_init (LiaContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LiaRecordClass *record_class = LIA_RECORD_CLASS (klass);
  static const char * const text_names[N_TEXT_PROPS] = {
    [PROP_HONORIFIC] = "honorific",
    [PROP_GIVEN_NAME] = "given-name",
    [PROP_FAMILY_NAME] = "family-name",
    [PROP_SUFFIX] = "suffix",
    [PROP_DISPLAY_NAME] = "display-name",
    [PROP_JOB_TITLE] = "job-title",
    [PROP_TIME_ZONE] = "time-zone",
    [PROP_NOTES] = "notes",
    [PROP_NICKNAME] = "nickname",
    [PROP_BIRTHDAY] = "birthday",
  };

  object_class->dispose = lia_contact_dispose;
  object_class->finalize = lia_contact_finalize;
  object_class->get_property = lia_contact_get_property;
  object_class->set_property = lia_contact_set_property;

  record_class->kind = LIA_RECORD_KIND_CONTACT;
  record_class->validate = lia_contact_validate;
  record_class->copy_from = lia_contact_copy_from;
  record_class->get_label = lia_contact_get_label;

  /* "display-name" reads as the label (explicit or composed) and writes the explicit name. */
  for (guint i = PROP_HONORIFIC; i < N_TEXT_PROPS; i++)
    properties[i] =
      g_param_spec_string (text_names[i], NULL, NULL,
                           "",
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PREFERRED_CHANNEL] =
    g_param_spec_enum ("preferred-channel", NULL, NULL,
                       LIA_TYPE_CHANNEL, LIA_CHANNEL_UNSPECIFIED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LANGUAGES] =
    g_param_spec_boxed ("languages", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ASSESSMENT] =
    g_param_spec_object ("assessment", NULL, NULL,
                         LIA_TYPE_ASSESSMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_EMAILS] =
    g_param_spec_object ("emails", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PHONES] =
    g_param_spec_object ("phones", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  for (guint i = PROP_ADDRESSES; i <= PROP_IMS; i++)
    properties[i] =
      g_param_spec_object (i == PROP_ADDRESSES ? "addresses" : i == PROP_WEBSITES ? "websites" : "ims",
                           NULL, NULL,
                           G_TYPE_LIST_MODEL,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Read-only: both change together through lia_contact_set_photo(). */
  properties[PROP_PHOTO] =
    g_param_spec_boxed ("photo", NULL, NULL,
                        G_TYPE_BYTES,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PHOTO_MIME_TYPE] =
    g_param_spec_string ("photo-mime-type", NULL, NULL,
                         "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_contact_init (LiaContact *self)
{
  for (guint i = 0; i < N_TEXT_PROPS; i++)
    self->text[i] = g_strdup ("");
  self->composed_name = g_strdup ("");
  self->preferred_channel = LIA_CHANNEL_UNSPECIFIED;
  self->languages = g_new0 (char *, 1);
  self->tags = g_new0 (char *, 1);
  self->assessment = lia_assessment_new ();
  self->emails = g_list_store_new (LIA_TYPE_CONTACT_POINT);
  self->phones = g_list_store_new (LIA_TYPE_CONTACT_POINT);
  self->addresses = g_list_store_new (LIA_TYPE_POSTAL_ADDRESS);
  self->websites = g_list_store_new (LIA_TYPE_CONTACT_POINT);
  self->ims = g_list_store_new (LIA_TYPE_CONTACT_POINT);
  self->photo_mime_type = g_strdup ("");
  self->photo_loaded = TRUE;
}

LiaContact *
lia_contact_new (const char *given_name,
                 const char *family_name)
{
  /* Set directly, not as properties by name: importers make these by the hundred thousand. */
  LiaContact *self = g_object_new (LIA_TYPE_CONTACT, NULL);

  set_text (self, PROP_GIVEN_NAME, given_name);
  set_text (self, PROP_FAMILY_NAME, family_name);
  return self;
}

const char *
lia_contact_get_honorific (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), "");

  return self->text[PROP_HONORIFIC];
}

void
lia_contact_set_honorific (LiaContact *self,
                           const char *honorific)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  set_text (self, PROP_HONORIFIC, honorific);
}

const char *
lia_contact_get_given_name (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), "");

  return self->text[PROP_GIVEN_NAME];
}

void
lia_contact_set_given_name (LiaContact *self,
                            const char *given_name)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  set_text (self, PROP_GIVEN_NAME, given_name);
}

const char *
lia_contact_get_family_name (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), "");

  return self->text[PROP_FAMILY_NAME];
}

void
lia_contact_set_family_name (LiaContact *self,
                             const char *family_name)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  set_text (self, PROP_FAMILY_NAME, family_name);
}

const char *
lia_contact_get_suffix (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), "");

  return self->text[PROP_SUFFIX];
}

void
lia_contact_set_suffix (LiaContact *self,
                        const char *suffix)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  set_text (self, PROP_SUFFIX, suffix);
}

const char *
lia_contact_get_display_name (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), "");

  if (!lia_text_is_blank (self->text[PROP_DISPLAY_NAME]))
    return self->text[PROP_DISPLAY_NAME];

  return self->composed_name;
}

void
lia_contact_set_display_name (LiaContact *self,
                              const char *display_name)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  set_text (self, PROP_DISPLAY_NAME, display_name);
}

const char *
lia_contact_get_explicit_display_name (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), "");

  return self->text[PROP_DISPLAY_NAME];
}

const char *
lia_contact_get_job_title (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), "");

  return self->text[PROP_JOB_TITLE];
}

void
lia_contact_set_job_title (LiaContact *self,
                           const char *job_title)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  set_text (self, PROP_JOB_TITLE, job_title);
}

const char *
lia_contact_get_time_zone (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), "");

  return self->text[PROP_TIME_ZONE];
}

void
lia_contact_set_time_zone (LiaContact *self,
                           const char *time_zone)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  set_text (self, PROP_TIME_ZONE, time_zone);
}

LiaChannel
lia_contact_get_preferred_channel (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), LIA_CHANNEL_UNSPECIFIED);

  return self->preferred_channel;
}

void
lia_contact_set_preferred_channel (LiaContact *self,
                                   LiaChannel  channel)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  if (self->preferred_channel == channel)
    return;

  self->preferred_channel = channel;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREFERRED_CHANNEL]);
}

const char *
lia_contact_get_notes (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), "");

  return self->text[PROP_NOTES];
}

void
lia_contact_set_notes (LiaContact *self,
                       const char *notes)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  set_text (self, PROP_NOTES, notes);
}

const char * const *
lia_contact_get_languages (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), NULL);

  return (const char * const *) self->languages;
}

/* Language tags are case-insensitive too (BCP 47): "en-GB" and "en-gb" are one language. */
void
lia_contact_set_languages (LiaContact         *self,
                           const char * const *languages)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  if (set_strv (&self->languages, languages))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGES]);
}

const char * const *
lia_contact_get_tags (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), NULL);

  return (const char * const *) self->tags;
}

void
lia_contact_set_tags (LiaContact         *self,
                      const char * const *tags)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  if (set_strv (&self->tags, tags))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

LiaAssessment *
lia_contact_get_assessment (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), NULL);

  return self->assessment;
}

GListModel *
lia_contact_get_emails (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), NULL);

  return G_LIST_MODEL (self->emails);
}

void
lia_contact_add_email (LiaContact          *self,
                       LiaContactPointKind  kind,
                       const char          *address)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  append_point (self, self->emails, PROP_EMAILS, kind, address);
}

GListModel *
lia_contact_get_phones (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), NULL);

  return G_LIST_MODEL (self->phones);
}

void
lia_contact_add_phone (LiaContact          *self,
                       LiaContactPointKind  kind,
                       const char          *number)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  append_point (self, self->phones, PROP_PHONES, kind, number);
}

void
lia_contact_remove_email (LiaContact *self,
                          guint       position)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  remove_item (self, self->emails, PROP_EMAILS, position);
}

void
lia_contact_remove_phone (LiaContact *self,
                          guint       position)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  remove_item (self, self->phones, PROP_PHONES, position);
}

void
lia_contact_clear_emails (LiaContact *self)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  clear_items (self, self->emails, PROP_EMAILS);
}

void
lia_contact_clear_phones (LiaContact *self)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  clear_items (self, self->phones, PROP_PHONES);
}

const char *
lia_contact_get_nickname (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), "");

  return self->text[PROP_NICKNAME];
}

void
lia_contact_set_nickname (LiaContact *self,
                          const char *nickname)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  set_text (self, PROP_NICKNAME, nickname);
}

const char *
lia_contact_get_birthday (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), "");

  return self->text[PROP_BIRTHDAY];
}

void
lia_contact_set_birthday (LiaContact *self,
                          const char *birthday)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  set_text (self, PROP_BIRTHDAY, birthday);
}

gboolean
lia_contact_birthday_is_valid (const char *birthday)
{
  return birthday != NULL && (*birthday == '\0' || birthday_is_valid (birthday));
}

GListModel *
lia_contact_get_addresses (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), NULL);

  return G_LIST_MODEL (self->addresses);
}

void
lia_contact_add_address (LiaContact       *self,
                         LiaPostalAddress *address)
{
  g_return_if_fail (LIA_IS_CONTACT (self));
  g_return_if_fail (LIA_IS_POSTAL_ADDRESS (address));

  g_list_store_append (self->addresses, address);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDRESSES]);
}

void
lia_contact_remove_address (LiaContact *self,
                            guint       position)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  remove_item (self, self->addresses, PROP_ADDRESSES, position);
}

void
lia_contact_clear_addresses (LiaContact *self)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  clear_items (self, self->addresses, PROP_ADDRESSES);
}

GListModel *
lia_contact_get_websites (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), NULL);

  return G_LIST_MODEL (self->websites);
}

void
lia_contact_add_website (LiaContact          *self,
                         LiaContactPointKind  kind,
                         const char          *url)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  append_point (self, self->websites, PROP_WEBSITES, kind, url);
}

void
lia_contact_remove_website (LiaContact *self,
                            guint       position)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  remove_item (self, self->websites, PROP_WEBSITES, position);
}

void
lia_contact_clear_websites (LiaContact *self)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  clear_items (self, self->websites, PROP_WEBSITES);
}

GListModel *
lia_contact_get_ims (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), NULL);

  return G_LIST_MODEL (self->ims);
}

void
lia_contact_add_im (LiaContact          *self,
                    LiaContactPointKind  kind,
                    const char          *uri)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  append_point (self, self->ims, PROP_IMS, kind, uri);
}

void
lia_contact_remove_im (LiaContact *self,
                       guint       position)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  remove_item (self, self->ims, PROP_IMS, position);
}

void
lia_contact_clear_ims (LiaContact *self)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  clear_items (self, self->ims, PROP_IMS);
}

/* A URI scheme (RFC 3986: a letter, then letters, digits, "+", "-", "."), a colon, then
 * something: "xmpp:ana@example.org", "sip:+331234", "skype:ana.k". */
gboolean
lia_contact_im_is_valid (const char *uri)
{
  const char *colon;

  if (uri == NULL || !g_ascii_isalpha (*uri))
    return FALSE;

  colon = strchr (uri, ':');
  if (colon == NULL || lia_text_is_blank (colon + 1))
    return FALSE;

  for (const char *c = uri; c < colon; c++)
    if (!g_ascii_isalnum (*c) && *c != '+' && *c != '-' && *c != '.')
      return FALSE;

  return TRUE;
}

GBytes *
lia_contact_get_photo (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), NULL);

  return self->photo;
}

const char *
lia_contact_get_photo_mime_type (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), "");

  return self->photo_mime_type;
}

void
lia_contact_set_photo (LiaContact *self,
                       GBytes     *bytes,
                       const char *mime_type)
{
  gboolean changed;

  g_return_if_fail (LIA_IS_CONTACT (self));
  g_return_if_fail (bytes == NULL || mime_type != NULL);

  if (bytes != NULL && g_bytes_get_size (bytes) == 0)
    bytes = NULL;
  if (bytes == NULL)
    mime_type = "";

  self->photo_loaded = TRUE;
  changed = (self->photo == NULL) != (bytes == NULL)
            || (bytes != NULL && !g_bytes_equal (self->photo, bytes));

  if (changed)
    {
      g_clear_pointer (&self->photo, g_bytes_unref);
      self->photo = bytes != NULL ? g_bytes_ref (bytes) : NULL;
    }

  if (_lia_replace_text (&self->photo_mime_type, mime_type))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHOTO_MIME_TYPE]);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHOTO]);
}

gboolean
lia_contact_get_photo_loaded (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), FALSE);

  return self->photo_loaded;
}

void
lia_contact_forget_photo (LiaContact *self)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  lia_contact_set_photo (self, NULL, NULL);
  self->photo_loaded = FALSE;
}
