/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-model"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lia-interaction.h"
#include "lia-model-private.h"
#include "lia-enum-types.h"

struct _LiaInteraction
{
  LiaRecord           parent_instance;

  LiaInteractionKind  kind;
  GDateTime          *at;
  guint               duration_minutes;
  char               *title;
  char               *location;
  char               *summary;
  char               *outcome;
  int                 sentiment;
  gboolean            cancelled;
  guint               sequence;
  GArray             *contact_ids;       /* gint64, in the order added */
  GArray             *organization_ids;  /* gint64, in the order added */
};

enum {
  PROP_0,
  PROP_KIND,
  PROP_AT,
  PROP_DURATION_MINUTES,
  PROP_TITLE,
  PROP_LOCATION,
  PROP_SUMMARY,
  PROP_OUTCOME,
  PROP_SENTIMENT,
  PROP_CANCELLED,
  PROP_SEQUENCE,
  PROP_PARTICIPANTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LiaInteraction, lia_interaction, LIA_TYPE_RECORD)

static int
find_id (GArray *ids,
         gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    {
      if (g_array_index (ids, gint64, i) == id)
        return (int) i;
    }

  return -1;
}

static gboolean
add_id (GArray *ids,
        gint64  id)
{
  if (id <= 0 || find_id (ids, id) >= 0)
    return FALSE;

  g_array_append_val (ids, id);
  return TRUE;
}

static gboolean
remove_id (GArray *ids,
           gint64  id)
{
  int index = find_id (ids, id);

  if (index < 0)
    return FALSE;

  g_array_remove_index (ids, index);
  return TRUE;
}

static gboolean
ids_equal (GArray *a,
           GArray *b)
{
  return a->len == b->len
         && (a->len == 0 || memcmp (a->data, b->data, a->len * sizeof (gint64)) == 0);
}

static void
copy_ids (GArray *mine,
          GArray *theirs)
{
  g_array_set_size (mine, 0);
  g_array_append_vals (mine, theirs->data, theirs->len);
}

static gboolean
lia_interaction_validate (LiaRecord  *record,
                          GError    **error)
{
  LiaInteraction *self = LIA_INTERACTION (record);

  if (lia_text_is_blank (self->title))
    {
      g_set_error_literal (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                           _("An interaction needs a title."));
      return FALSE;
    }

  if (self->at == NULL)
    {
      g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                   _("“%s” needs a date and time."), self->title);
      return FALSE;
    }

  if (self->sentiment < -2 || self->sentiment > 2)
    {
      g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                   _("“%s”: sentiment must be between −2 and +2 (got %d)."),
                   self->title, self->sentiment);
      return FALSE;
    }

  if (lia_enum_to_nick (LIA_TYPE_INTERACTION_KIND, self->kind) == NULL)
    {
      g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                   _("“%s” has an unknown interaction kind (%d)."),
                   self->title, (int) self->kind);
      return FALSE;
    }

  return TRUE;
}

static void
lia_interaction_copy_from (LiaRecord *record,
                           LiaRecord *other_record)
{
  LiaInteraction *self = LIA_INTERACTION (record);
  LiaInteraction *other = LIA_INTERACTION (other_record);

  g_object_freeze_notify (G_OBJECT (self));

  LIA_RECORD_CLASS (lia_interaction_parent_class)->copy_from (record, other_record);

  if (!ids_equal (self->contact_ids, other->contact_ids)
      || !ids_equal (self->organization_ids, other->organization_ids))
    {
      copy_ids (self->contact_ids, other->contact_ids);
      copy_ids (self->organization_ids, other->organization_ids);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTICIPANTS]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

static const char *
lia_interaction_get_label (LiaRecord *record)
{
  return LIA_INTERACTION (record)->title;
}

static void
lia_interaction_finalize (GObject *object)
{
  LiaInteraction *self = LIA_INTERACTION (object);

  g_clear_pointer (&self->at, g_date_time_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->outcome, g_free);
  g_clear_pointer (&self->contact_ids, g_array_unref);
  g_clear_pointer (&self->organization_ids, g_array_unref);

  G_OBJECT_CLASS (lia_interaction_parent_class)->finalize (object);
}

static void
lia_interaction_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LiaInteraction *self = LIA_INTERACTION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_AT:
      g_value_set_boxed (value, self->at);
      break;

    case PROP_DURATION_MINUTES:
      g_value_set_uint (value, self->duration_minutes);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_OUTCOME:
      g_value_set_string (value, self->outcome);
      break;

    case PROP_SENTIMENT:
      g_value_set_int (value, self->sentiment);
      break;

    case PROP_CANCELLED:
      g_value_set_boolean (value, self->cancelled);
      break;

    case PROP_SEQUENCE:
      g_value_set_uint (value, self->sequence);
      break;

    case PROP_PARTICIPANTS:
      g_value_set_pointer (value, NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_interaction_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LiaInteraction *self = LIA_INTERACTION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      lia_interaction_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_AT:
      lia_interaction_set_at (self, g_value_get_boxed (value));
      break;

    case PROP_DURATION_MINUTES:
      lia_interaction_set_duration_minutes (self, g_value_get_uint (value));
      break;

    case PROP_TITLE:
      lia_interaction_set_title (self, g_value_get_string (value));
      break;

    case PROP_LOCATION:
      lia_interaction_set_location (self, g_value_get_string (value));
      break;

    case PROP_SUMMARY:
      lia_interaction_set_summary (self, g_value_get_string (value));
      break;

    case PROP_OUTCOME:
      lia_interaction_set_outcome (self, g_value_get_string (value));
      break;

    case PROP_SENTIMENT:
      lia_interaction_set_sentiment (self, g_value_get_int (value));
      break;

    case PROP_CANCELLED:
      lia_interaction_set_cancelled (self, g_value_get_boolean (value));
      break;

    case PROP_SEQUENCE:
      lia_interaction_set_sequence (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_interaction_class_init (LiaInteractionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LiaRecordClass *record_class = LIA_RECORD_CLASS (klass);

  object_class->finalize = lia_interaction_finalize;
  object_class->get_property = lia_interaction_get_property;
  object_class->set_property = lia_interaction_set_property;

  record_class->kind = LIA_RECORD_KIND_INTERACTION;
  record_class->validate = lia_interaction_validate;
  record_class->copy_from = lia_interaction_copy_from;
  record_class->get_label = lia_interaction_get_label;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       LIA_TYPE_INTERACTION_KIND, LIA_INTERACTION_KIND_MEETING,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_AT] =
    g_param_spec_boxed ("at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DURATION_MINUTES] =
    g_param_spec_uint ("duration-minutes", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_OUTCOME] =
    g_param_spec_string ("outcome", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Any int, so that a 3 from a file is held and refused by validate with a clear message. */
  properties[PROP_SENTIMENT] =
    g_param_spec_int ("sentiment", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Called off: kept in the timeline, struck through, never counted as contact made. */
  properties[PROP_CANCELLED] =
    g_param_spec_boolean ("cancelled", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The iCalendar SEQUENCE of the invitation the meeting came from (0 otherwise): an older
   * copy of the invitation, imported later, does not undo a newer one. */
  properties[PROP_SEQUENCE] =
    g_param_spec_uint ("sequence", NULL, NULL,
                       0, G_MAXINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LiaInteraction:participants:
   *
   * Exists only to be notified when the contact or organization ids change; its value is
   * always %NULL. Read the ids with lia_interaction_get_contact_ids() and
   * lia_interaction_get_organization_ids().
   */
  properties[PROP_PARTICIPANTS] =
    g_param_spec_pointer ("participants", NULL, NULL,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_interaction_init (LiaInteraction *self)
{
  self->kind = LIA_INTERACTION_KIND_MEETING;
  self->title = g_strdup ("");
  self->location = g_strdup ("");
  self->summary = g_strdup ("");
  self->outcome = g_strdup ("");
  self->contact_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->organization_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

LiaInteraction *
lia_interaction_new (LiaInteractionKind  kind,
                     GDateTime          *at,
                     const char         *title)
{
  /* Set directly, not as properties by name: importers make these by the hundred thousand. */
  LiaInteraction *self = g_object_new (LIA_TYPE_INTERACTION, NULL);

  lia_interaction_set_kind (self, kind);
  lia_interaction_set_at (self, at);
  lia_interaction_set_title (self, title);
  return self;
}

LiaInteractionKind
lia_interaction_get_kind (LiaInteraction *self)
{
  g_return_val_if_fail (LIA_IS_INTERACTION (self), LIA_INTERACTION_KIND_MEETING);

  return self->kind;
}

void
lia_interaction_set_kind (LiaInteraction     *self,
                          LiaInteractionKind  kind)
{
  g_return_if_fail (LIA_IS_INTERACTION (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

GDateTime *
lia_interaction_get_at (LiaInteraction *self)
{
  g_return_val_if_fail (LIA_IS_INTERACTION (self), NULL);

  return self->at;
}

void
lia_interaction_set_at (LiaInteraction *self,
                        GDateTime      *at)
{
  g_return_if_fail (LIA_IS_INTERACTION (self));

  /* The same instant with another offset is a change: the offset is part of what was entered. */
  if (self->at == at
      || (self->at != NULL && at != NULL
          && g_date_time_equal (self->at, at)
          && g_date_time_get_utc_offset (self->at) == g_date_time_get_utc_offset (at)))
    return;

  g_clear_pointer (&self->at, g_date_time_unref);
  self->at = at != NULL ? g_date_time_ref (at) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AT]);
}

guint
lia_interaction_get_duration_minutes (LiaInteraction *self)
{
  g_return_val_if_fail (LIA_IS_INTERACTION (self), 0);

  return self->duration_minutes;
}

void
lia_interaction_set_duration_minutes (LiaInteraction *self,
                                      guint           minutes)
{
  g_return_if_fail (LIA_IS_INTERACTION (self));

  if (self->duration_minutes == minutes)
    return;

  self->duration_minutes = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION_MINUTES]);
}

const char *
lia_interaction_get_title (LiaInteraction *self)
{
  g_return_val_if_fail (LIA_IS_INTERACTION (self), "");

  return self->title;
}

void
lia_interaction_set_title (LiaInteraction *self,
                           const char     *title)
{
  g_return_if_fail (LIA_IS_INTERACTION (self));

  if (_lia_replace_text (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
lia_interaction_get_location (LiaInteraction *self)
{
  g_return_val_if_fail (LIA_IS_INTERACTION (self), "");

  return self->location;
}

void
lia_interaction_set_location (LiaInteraction *self,
                              const char     *location)
{
  g_return_if_fail (LIA_IS_INTERACTION (self));

  if (_lia_replace_text (&self->location, location))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCATION]);
}

const char *
lia_interaction_get_summary (LiaInteraction *self)
{
  g_return_val_if_fail (LIA_IS_INTERACTION (self), "");

  return self->summary;
}

void
lia_interaction_set_summary (LiaInteraction *self,
                             const char     *summary)
{
  g_return_if_fail (LIA_IS_INTERACTION (self));

  if (_lia_replace_text (&self->summary, summary))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

const char *
lia_interaction_get_outcome (LiaInteraction *self)
{
  g_return_val_if_fail (LIA_IS_INTERACTION (self), "");

  return self->outcome;
}

void
lia_interaction_set_outcome (LiaInteraction *self,
                             const char     *outcome)
{
  g_return_if_fail (LIA_IS_INTERACTION (self));

  if (_lia_replace_text (&self->outcome, outcome))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTCOME]);
}

int
lia_interaction_get_sentiment (LiaInteraction *self)
{
  g_return_val_if_fail (LIA_IS_INTERACTION (self), 0);

  return self->sentiment;
}

void
lia_interaction_set_sentiment (LiaInteraction *self,
                               int             sentiment)
{
  g_return_if_fail (LIA_IS_INTERACTION (self));

  if (self->sentiment == sentiment)
    return;

  self->sentiment = sentiment;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SENTIMENT]);
}

const GArray *
lia_interaction_get_contact_ids (LiaInteraction *self)
{
  g_return_val_if_fail (LIA_IS_INTERACTION (self), NULL);

  return self->contact_ids;
}

const GArray *
lia_interaction_get_organization_ids (LiaInteraction *self)
{
  g_return_val_if_fail (LIA_IS_INTERACTION (self), NULL);

  return self->organization_ids;
}

void
lia_interaction_add_contact (LiaInteraction *self,
                             gint64          contact_id)
{
  g_return_if_fail (LIA_IS_INTERACTION (self));

  if (add_id (self->contact_ids, contact_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTICIPANTS]);
}

void
lia_interaction_remove_contact (LiaInteraction *self,
                                gint64          contact_id)
{
  g_return_if_fail (LIA_IS_INTERACTION (self));

  if (remove_id (self->contact_ids, contact_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTICIPANTS]);
}

void
lia_interaction_add_organization (LiaInteraction *self,
                                  gint64          organization_id)
{
  g_return_if_fail (LIA_IS_INTERACTION (self));

  if (add_id (self->organization_ids, organization_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTICIPANTS]);
}

void
lia_interaction_remove_organization (LiaInteraction *self,
                                     gint64          organization_id)
{
  g_return_if_fail (LIA_IS_INTERACTION (self));

  if (remove_id (self->organization_ids, organization_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTICIPANTS]);
}

void
lia_interaction_clear_participants (LiaInteraction *self)
{
  g_return_if_fail (LIA_IS_INTERACTION (self));

  if (self->contact_ids->len == 0 && self->organization_ids->len == 0)
    return;

  g_array_set_size (self->contact_ids, 0);
  g_array_set_size (self->organization_ids, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTICIPANTS]);
}

gboolean
lia_interaction_get_cancelled (LiaInteraction *self)
{
  g_return_val_if_fail (LIA_IS_INTERACTION (self), FALSE);

  return self->cancelled;
}

void
lia_interaction_set_cancelled (LiaInteraction *self,
                               gboolean        cancelled)
{
  g_return_if_fail (LIA_IS_INTERACTION (self));

  cancelled = !!cancelled;
  if (self->cancelled == cancelled)
    return;

  self->cancelled = cancelled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANCELLED]);
}

guint
lia_interaction_get_sequence (LiaInteraction *self)
{
  g_return_val_if_fail (LIA_IS_INTERACTION (self), 0);

  return self->sequence;
}

void
lia_interaction_set_sequence (LiaInteraction *self,
                              guint           sequence)
{
  g_return_if_fail (LIA_IS_INTERACTION (self));

  sequence = MIN (sequence, (guint) G_MAXINT);
  if (self->sequence == sequence)
    return;

  self->sequence = sequence;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEQUENCE]);
}
