/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-model"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lia-concern.h"
#include "lia-model-private.h"
#include "lia-concern-party.h"
#include "lia-enum-types.h"

struct _LiaConcern
{
  LiaRecord         parent_instance;

  char             *title;
  LiaSeverity       severity;
  LiaConcernStatus  status;
  GDate            *opened;    /* NULL: not known */
  GDate            *resolved;  /* NULL: not resolved */
  char             *root_cause;
  char             *resolution;
  char             *notes;
  GListStore       *parties;
  GArray           *interaction_ids;  /* gint64, in the order added */
};

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SEVERITY,
  PROP_STATUS,
  PROP_OPENED,
  PROP_RESOLVED,
  PROP_ROOT_CAUSE,
  PROP_RESOLUTION,
  PROP_NOTES,
  PROP_PARTIES,
  PROP_INTERACTION_IDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LiaConcern, lia_concern, LIA_TYPE_RECORD)

/* Stores a copy of @value, an invalid date counting as unset. */
static gboolean
parties_equal (GListModel *a,
               GListModel *b)
{
  guint n_items = g_list_model_get_n_items (a);

  if (n_items != g_list_model_get_n_items (b))
    return FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(LiaConcernParty) party_a = g_list_model_get_item (a, i);
      g_autoptr(LiaConcernParty) party_b = g_list_model_get_item (b, i);

      if (lia_concern_party_get_contact_id (party_a) != lia_concern_party_get_contact_id (party_b)
          || lia_concern_party_get_organization_id (party_a) != lia_concern_party_get_organization_id (party_b)
          || g_strcmp0 (lia_concern_party_get_position (party_a),
                        lia_concern_party_get_position (party_b)) != 0)
        return FALSE;
    }

  return TRUE;
}

static int
find_interaction (LiaConcern *self,
                  gint64      interaction_id)
{
  for (guint i = 0; i < self->interaction_ids->len; i++)
    {
      if (g_array_index (self->interaction_ids, gint64, i) == interaction_id)
        return (int) i;
    }

  return -1;
}

static gboolean
lia_concern_validate (LiaRecord  *record,
                      GError    **error)
{
  LiaConcern *self = LIA_CONCERN (record);
  guint n_parties;

  if (lia_text_is_blank (self->title))
    {
      g_set_error_literal (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                           _("A concern needs a title."));
      return FALSE;
    }

  if (self->opened != NULL && self->resolved != NULL
      && g_date_compare (self->resolved, self->opened) < 0)
    {
      g_autofree char *opened = lia_date_to_iso (self->opened);
      g_autofree char *resolved = lia_date_to_iso (self->resolved);

      g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                   _("“%s” is resolved on %s, before it was opened on %s."),
                   self->title, resolved, opened);
      return FALSE;
    }

  if (lia_enum_to_nick (LIA_TYPE_SEVERITY, self->severity) == NULL)
    {
      g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                   _("“%s” has an unknown severity (%d)."),
                   self->title, (int) self->severity);
      return FALSE;
    }

  if (lia_enum_to_nick (LIA_TYPE_CONCERN_STATUS, self->status) == NULL)
    {
      g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                   _("“%s” has an unknown status (%d)."),
                   self->title, (int) self->status);
      return FALSE;
    }

  n_parties = g_list_model_get_n_items (G_LIST_MODEL (self->parties));
  for (guint i = 0; i < n_parties; i++)
    {
      g_autoptr(LiaConcernParty) party = g_list_model_get_item (G_LIST_MODEL (self->parties), i);
      gboolean is_contact = lia_concern_party_get_contact_id (party) > 0;
      gboolean is_organization = lia_concern_party_get_organization_id (party) > 0;

      if (is_contact == is_organization)
        {
          g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                       _("“%s”: party %u must be either a contact or an organization."),
                       self->title, i + 1);
          return FALSE;
        }
    }

  return TRUE;
}

static void
lia_concern_copy_from (LiaRecord *record,
                       LiaRecord *other_record)
{
  LiaConcern *self = LIA_CONCERN (record);
  LiaConcern *other = LIA_CONCERN (other_record);

  g_object_freeze_notify (G_OBJECT (self));

  LIA_RECORD_CLASS (lia_concern_parent_class)->copy_from (record, other_record);

  /* Parties are immutable, so both concerns can share them. */
  if (!parties_equal (G_LIST_MODEL (self->parties), G_LIST_MODEL (other->parties)))
    {
      guint n_items = g_list_model_get_n_items (G_LIST_MODEL (other->parties));
      g_autoptr(GPtrArray) parties = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n_items; i++)
        g_ptr_array_add (parties, g_list_model_get_item (G_LIST_MODEL (other->parties), i));

      g_list_store_splice (self->parties, 0,
                           g_list_model_get_n_items (G_LIST_MODEL (self->parties)),
                           parties->pdata, parties->len);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTIES]);
    }

  if (self->interaction_ids->len != other->interaction_ids->len
      || (other->interaction_ids->len > 0
          && memcmp (self->interaction_ids->data, other->interaction_ids->data,
                     other->interaction_ids->len * sizeof (gint64)) != 0))
    {
      g_array_set_size (self->interaction_ids, 0);
      g_array_append_vals (self->interaction_ids,
                           other->interaction_ids->data, other->interaction_ids->len);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERACTION_IDS]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

static const char *
lia_concern_get_label (LiaRecord *record)
{
  return LIA_CONCERN (record)->title;
}

static void
lia_concern_dispose (GObject *object)
{
  LiaConcern *self = LIA_CONCERN (object);

  g_clear_object (&self->parties);

  G_OBJECT_CLASS (lia_concern_parent_class)->dispose (object);
}

static void
lia_concern_finalize (GObject *object)
{
  LiaConcern *self = LIA_CONCERN (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->opened, g_date_free);
  g_clear_pointer (&self->resolved, g_date_free);
  g_clear_pointer (&self->root_cause, g_free);
  g_clear_pointer (&self->resolution, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->interaction_ids, g_array_unref);

  G_OBJECT_CLASS (lia_concern_parent_class)->finalize (object);
}

static void
lia_concern_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LiaConcern *self = LIA_CONCERN (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_OPENED:
      g_value_set_boxed (value, self->opened);
      break;

    case PROP_RESOLVED:
      g_value_set_boxed (value, self->resolved);
      break;

    case PROP_ROOT_CAUSE:
      g_value_set_string (value, self->root_cause);
      break;

    case PROP_RESOLUTION:
      g_value_set_string (value, self->resolution);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_PARTIES:
      g_value_set_object (value, self->parties);
      break;

    case PROP_INTERACTION_IDS:
      g_value_set_boxed (value, self->interaction_ids);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_concern_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LiaConcern *self = LIA_CONCERN (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      lia_concern_set_title (self, g_value_get_string (value));
      break;

    case PROP_SEVERITY:
      lia_concern_set_severity (self, g_value_get_enum (value));
      break;

    case PROP_STATUS:
      lia_concern_set_status (self, g_value_get_enum (value));
      break;

    case PROP_OPENED:
      lia_concern_set_opened (self, g_value_get_boxed (value));
      break;

    case PROP_RESOLVED:
      lia_concern_set_resolved (self, g_value_get_boxed (value));
      break;

    case PROP_ROOT_CAUSE:
      lia_concern_set_root_cause (self, g_value_get_string (value));
      break;

    case PROP_RESOLUTION:
      lia_concern_set_resolution (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      lia_concern_set_notes (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_concern_class_init (LiaConcernClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LiaRecordClass *record_class = LIA_RECORD_CLASS (klass);

  object_class->dispose = lia_concern_dispose;
  object_class->finalize = lia_concern_finalize;
  object_class->get_property = lia_concern_get_property;
  object_class->set_property = lia_concern_set_property;

  record_class->kind = LIA_RECORD_KIND_CONCERN;
  record_class->validate = lia_concern_validate;
  record_class->copy_from = lia_concern_copy_from;
  record_class->get_label = lia_concern_get_label;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL,
                       LIA_TYPE_SEVERITY, LIA_SEVERITY_MEDIUM,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       LIA_TYPE_CONCERN_STATUS, LIA_CONCERN_STATUS_OPEN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_OPENED] =
    g_param_spec_boxed ("opened", NULL, NULL,
                        G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_RESOLVED] =
    g_param_spec_boxed ("resolved", NULL, NULL,
                        G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ROOT_CAUSE] =
    g_param_spec_string ("root-cause", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_RESOLUTION] =
    g_param_spec_string ("resolution", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PARTIES] =
    g_param_spec_object ("parties", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* A GArray of gint64 database ids; notified when they change. */
  properties[PROP_INTERACTION_IDS] =
    g_param_spec_boxed ("interaction-ids", NULL, NULL,
                        G_TYPE_ARRAY,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_concern_init (LiaConcern *self)
{
  self->title = g_strdup ("");
  self->severity = LIA_SEVERITY_MEDIUM;
  self->status = LIA_CONCERN_STATUS_OPEN;
  self->root_cause = g_strdup ("");
  self->resolution = g_strdup ("");
  self->notes = g_strdup ("");
  self->parties = g_list_store_new (LIA_TYPE_CONCERN_PARTY);
  self->interaction_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

LiaConcern *
lia_concern_new (const char *title)
{
  /* Set directly, not as properties by name: importers make these by the hundred thousand. */
  LiaConcern *self = g_object_new (LIA_TYPE_CONCERN, NULL);

  lia_concern_set_title (self, title);
  return self;
}

const char *
lia_concern_get_title (LiaConcern *self)
{
  g_return_val_if_fail (LIA_IS_CONCERN (self), "");

  return self->title;
}

void
lia_concern_set_title (LiaConcern *self,
                       const char *title)
{
  g_return_if_fail (LIA_IS_CONCERN (self));

  if (_lia_replace_text (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

LiaSeverity
lia_concern_get_severity (LiaConcern *self)
{
  g_return_val_if_fail (LIA_IS_CONCERN (self), LIA_SEVERITY_MEDIUM);

  return self->severity;
}

void
lia_concern_set_severity (LiaConcern  *self,
                          LiaSeverity  severity)
{
  g_return_if_fail (LIA_IS_CONCERN (self));

  if (self->severity == severity)
    return;

  self->severity = severity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEVERITY]);
}

LiaConcernStatus
lia_concern_get_status (LiaConcern *self)
{
  g_return_val_if_fail (LIA_IS_CONCERN (self), LIA_CONCERN_STATUS_OPEN);

  return self->status;
}

void
lia_concern_set_status (LiaConcern       *self,
                        LiaConcernStatus  status)
{
  g_return_if_fail (LIA_IS_CONCERN (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const GDate *
lia_concern_get_opened (LiaConcern *self)
{
  g_return_val_if_fail (LIA_IS_CONCERN (self), NULL);

  return self->opened;
}

void
lia_concern_set_opened (LiaConcern  *self,
                        const GDate *opened)
{
  g_return_if_fail (LIA_IS_CONCERN (self));

  if (_lia_replace_date (&self->opened, opened))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPENED]);
}

const GDate *
lia_concern_get_resolved (LiaConcern *self)
{
  g_return_val_if_fail (LIA_IS_CONCERN (self), NULL);

  return self->resolved;
}

void
lia_concern_set_resolved (LiaConcern  *self,
                          const GDate *resolved)
{
  g_return_if_fail (LIA_IS_CONCERN (self));

  if (_lia_replace_date (&self->resolved, resolved))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOLVED]);
}

const char *
lia_concern_get_root_cause (LiaConcern *self)
{
  g_return_val_if_fail (LIA_IS_CONCERN (self), "");

  return self->root_cause;
}

void
lia_concern_set_root_cause (LiaConcern *self,
                            const char *root_cause)
{
  g_return_if_fail (LIA_IS_CONCERN (self));

  if (_lia_replace_text (&self->root_cause, root_cause))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROOT_CAUSE]);
}

const char *
lia_concern_get_resolution (LiaConcern *self)
{
  g_return_val_if_fail (LIA_IS_CONCERN (self), "");

  return self->resolution;
}

void
lia_concern_set_resolution (LiaConcern *self,
                            const char *resolution)
{
  g_return_if_fail (LIA_IS_CONCERN (self));

  if (_lia_replace_text (&self->resolution, resolution))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOLUTION]);
}

const char *
lia_concern_get_notes (LiaConcern *self)
{
  g_return_val_if_fail (LIA_IS_CONCERN (self), "");

  return self->notes;
}

void
lia_concern_set_notes (LiaConcern *self,
                       const char *notes)
{
  g_return_if_fail (LIA_IS_CONCERN (self));

  if (_lia_replace_text (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

GListModel *
lia_concern_get_parties (LiaConcern *self)
{
  g_return_val_if_fail (LIA_IS_CONCERN (self), NULL);

  return G_LIST_MODEL (self->parties);
}

void
lia_concern_add_party (LiaConcern      *self,
                       LiaConcernParty *party)
{
  g_return_if_fail (LIA_IS_CONCERN (self));
  g_return_if_fail (LIA_IS_CONCERN_PARTY (party));

  g_list_store_append (self->parties, party);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTIES]);
}

void
lia_concern_remove_party (LiaConcern *self,
                          guint       position)
{
  g_return_if_fail (LIA_IS_CONCERN (self));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->parties)));

  g_list_store_remove (self->parties, position);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTIES]);
}

void
lia_concern_clear_parties (LiaConcern *self)
{
  g_return_if_fail (LIA_IS_CONCERN (self));

  if (g_list_model_get_n_items (G_LIST_MODEL (self->parties)) == 0)
    return;

  g_list_store_remove_all (self->parties);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTIES]);
}

const GArray *
lia_concern_get_interaction_ids (LiaConcern *self)
{
  g_return_val_if_fail (LIA_IS_CONCERN (self), NULL);

  return self->interaction_ids;
}

void
lia_concern_add_interaction (LiaConcern *self,
                             gint64      interaction_id)
{
  g_return_if_fail (LIA_IS_CONCERN (self));

  if (interaction_id <= 0 || find_interaction (self, interaction_id) >= 0)
    return;

  g_array_append_val (self->interaction_ids, interaction_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERACTION_IDS]);
}

void
lia_concern_remove_interaction (LiaConcern *self,
                                gint64      interaction_id)
{
  int index;

  g_return_if_fail (LIA_IS_CONCERN (self));

  index = find_interaction (self, interaction_id);
  if (index < 0)
    return;

  g_array_remove_index (self->interaction_ids, index);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERACTION_IDS]);
}
