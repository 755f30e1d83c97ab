/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-model"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-commitment.h"
#include "lia-model-private.h"
#include "lia-enum-types.h"

struct _LiaCommitment
{
  LiaRecord               parent_instance;

  char                   *title;
  char                   *notes;
  LiaCommitmentDirection  direction;
  LiaCommitmentStatus     status;
  GDate                  *due_date;  /* NULL: no due date */
  GDate                  *done_date; /* the day it was marked done; NULL unless done */
  gint64                  contact_id;
  gint64                  organization_id;
  gint64                  interaction_id;
};

enum {
  PROP_0,
  PROP_TITLE,
  PROP_NOTES,
  PROP_DIRECTION,
  PROP_STATUS,
  PROP_DUE_DATE,
  /* After PROP_STATUS: a copy sets the status (which sets or clears the day) first. */
  PROP_DONE_DATE,
  PROP_CONTACT_ID,
  PROP_ORGANIZATION_ID,
  PROP_INTERACTION_ID,
  PROP_IS_OVERDUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LiaCommitment, lia_commitment, LIA_TYPE_RECORD)

static void
set_id (LiaCommitment *self,
        gint64        *field,
        gint64         value,
        guint          prop_id)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* Whether anyone listens to "is-overdue": working it out asks the clock and the local time
 * zone, which an import making commitments by the thousand would do twice for each. */
static gboolean
overdue_watched (LiaCommitment *self)
{
  static guint notify_id;

  if (notify_id == 0)
    notify_id = g_signal_lookup ("notify", G_TYPE_OBJECT);
  return g_signal_has_handler_pending (self, notify_id, 0, TRUE) ||
         g_signal_has_handler_pending (self, notify_id, g_quark_from_static_string ("is-overdue"), TRUE);
}

static void
notify_if_overdue_changed (LiaCommitment *self,
                           gboolean       watched,
                           gboolean       was_overdue)
{
  if (watched && lia_commitment_get_is_overdue (self) != was_overdue)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_OVERDUE]);
}

static gboolean
lia_commitment_validate (LiaRecord  *record,
                         GError    **error)
{
  LiaCommitment *self = LIA_COMMITMENT (record);

  if (lia_text_is_blank (self->title))
    {
      g_set_error_literal (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                           _("A commitment needs a title."));
      return FALSE;
    }

  if (lia_enum_to_nick (LIA_TYPE_COMMITMENT_DIRECTION, self->direction) == NULL)
    {
      g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                   _("“%s” has an unknown direction (%d): it must be ours or theirs."),
                   self->title, (int) self->direction);
      return FALSE;
    }

  if (lia_enum_to_nick (LIA_TYPE_COMMITMENT_STATUS, self->status) == NULL)
    {
      g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                   _("“%s” has an unknown status (%d)."),
                   self->title, (int) self->status);
      return FALSE;
    }

  return TRUE;
}

static const char *
lia_commitment_get_label (LiaRecord *record)
{
  return LIA_COMMITMENT (record)->title;
}

static void
lia_commitment_finalize (GObject *object)
{
  LiaCommitment *self = LIA_COMMITMENT (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->due_date, g_date_free);
  g_clear_pointer (&self->done_date, g_date_free);

  G_OBJECT_CLASS (lia_commitment_parent_class)->finalize (object);
}

static void
lia_commitment_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LiaCommitment *self = LIA_COMMITMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_DIRECTION:
      g_value_set_enum (value, self->direction);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_DUE_DATE:
      g_value_set_boxed (value, self->due_date);
      break;

    case PROP_DONE_DATE:
      g_value_set_boxed (value, self->done_date);
      break;

    case PROP_CONTACT_ID:
      g_value_set_int64 (value, self->contact_id);
      break;

    case PROP_ORGANIZATION_ID:
      g_value_set_int64 (value, self->organization_id);
      break;

    case PROP_INTERACTION_ID:
      g_value_set_int64 (value, self->interaction_id);
      break;

    case PROP_IS_OVERDUE:
      g_value_set_boolean (value, lia_commitment_get_is_overdue (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_commitment_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LiaCommitment *self = LIA_COMMITMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      lia_commitment_set_title (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      lia_commitment_set_notes (self, g_value_get_string (value));
      break;

    case PROP_DIRECTION:
      lia_commitment_set_direction (self, g_value_get_enum (value));
      break;

    case PROP_STATUS:
      lia_commitment_set_status (self, g_value_get_enum (value));
      break;

    case PROP_DUE_DATE:
      lia_commitment_set_due_date (self, g_value_get_boxed (value));
      break;

    case PROP_DONE_DATE:
      lia_commitment_set_done_date (self, g_value_get_boxed (value));
      break;

    case PROP_CONTACT_ID:
      lia_commitment_set_contact_id (self, g_value_get_int64 (value));
      break;

    case PROP_ORGANIZATION_ID:
      lia_commitment_set_organization_id (self, g_value_get_int64 (value));
      break;

    case PROP_INTERACTION_ID:
      lia_commitment_set_interaction_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_commitment_class_init (LiaCommitmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LiaRecordClass *record_class = LIA_RECORD_CLASS (klass);

  object_class->finalize = lia_commitment_finalize;
  object_class->get_property = lia_commitment_get_property;
  object_class->set_property = lia_commitment_set_property;

  record_class->kind = LIA_RECORD_KIND_COMMITMENT;
  record_class->validate = lia_commitment_validate;
  record_class->get_label = lia_commitment_get_label;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DIRECTION] =
    g_param_spec_enum ("direction", NULL, NULL,
                       LIA_TYPE_COMMITMENT_DIRECTION, LIA_COMMITMENT_DIRECTION_OURS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       LIA_TYPE_COMMITMENT_STATUS, LIA_COMMITMENT_STATUS_OPEN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DUE_DATE] =
    g_param_spec_boxed ("due-date", NULL, NULL,
                        G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DONE_DATE] =
    g_param_spec_boxed ("done-date", NULL, NULL,
                        G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CONTACT_ID] =
    g_param_spec_int64 ("contact-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ORGANIZATION_ID] =
    g_param_spec_int64 ("organization-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_INTERACTION_ID] =
    g_param_spec_int64 ("interaction-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Derived from status and due date against today; not re-notified when the day turns. */
  properties[PROP_IS_OVERDUE] =
    g_param_spec_boolean ("is-overdue", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_commitment_init (LiaCommitment *self)
{
  self->title = g_strdup ("");
  self->notes = g_strdup ("");
  self->direction = LIA_COMMITMENT_DIRECTION_OURS;
  self->status = LIA_COMMITMENT_STATUS_OPEN;
}

LiaCommitment *
lia_commitment_new (LiaCommitmentDirection  direction,
                    const char             *title)
{
  /* Set directly, not as properties by name: importers make these by the hundred thousand. */
  LiaCommitment *self = g_object_new (LIA_TYPE_COMMITMENT, NULL);

  lia_commitment_set_direction (self, direction);
  lia_commitment_set_title (self, title);
  lia_commitment_set_status (self, LIA_COMMITMENT_STATUS_OPEN);
  return self;
}

const char *
lia_commitment_get_title (LiaCommitment *self)
{
  g_return_val_if_fail (LIA_IS_COMMITMENT (self), "");

  return self->title;
}

void
lia_commitment_set_title (LiaCommitment *self,
                          const char    *title)
{
  g_return_if_fail (LIA_IS_COMMITMENT (self));

  if (_lia_replace_text (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
lia_commitment_get_notes (LiaCommitment *self)
{
  g_return_val_if_fail (LIA_IS_COMMITMENT (self), "");

  return self->notes;
}

void
lia_commitment_set_notes (LiaCommitment *self,
                          const char    *notes)
{
  g_return_if_fail (LIA_IS_COMMITMENT (self));

  if (_lia_replace_text (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

LiaCommitmentDirection
lia_commitment_get_direction (LiaCommitment *self)
{
  g_return_val_if_fail (LIA_IS_COMMITMENT (self), LIA_COMMITMENT_DIRECTION_OURS);

  return self->direction;
}

void
lia_commitment_set_direction (LiaCommitment          *self,
                              LiaCommitmentDirection  direction)
{
  g_return_if_fail (LIA_IS_COMMITMENT (self));

  if (self->direction == direction)
    return;

  self->direction = direction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRECTION]);
}

LiaCommitmentStatus
lia_commitment_get_status (LiaCommitment *self)
{
  g_return_val_if_fail (LIA_IS_COMMITMENT (self), LIA_COMMITMENT_STATUS_OPEN);

  return self->status;
}

void
lia_commitment_set_status (LiaCommitment       *self,
                           LiaCommitmentStatus  status)
{
  gboolean watched, was_overdue;

  g_return_if_fail (LIA_IS_COMMITMENT (self));

  if (self->status == status)
    return;

  watched = overdue_watched (self);
  was_overdue = watched && lia_commitment_get_is_overdue (self);
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  notify_if_overdue_changed (self, watched, was_overdue);

  /* Done today, unless someone says on which day; no longer done, no day. */
  if (status == LIA_COMMITMENT_STATUS_DONE && self->done_date == NULL)
    {
      g_autoptr(GDate) today = lia_date_new_today ();

      lia_commitment_set_done_date (self, today);
    }
  else if (status != LIA_COMMITMENT_STATUS_DONE)
    {
      lia_commitment_set_done_date (self, NULL);
    }
}

const GDate *
lia_commitment_get_due_date (LiaCommitment *self)
{
  g_return_val_if_fail (LIA_IS_COMMITMENT (self), NULL);

  return self->due_date;
}

void
lia_commitment_set_due_date (LiaCommitment *self,
                             const GDate   *due_date)
{
  gboolean watched, was_overdue;

  g_return_if_fail (LIA_IS_COMMITMENT (self));

  if (lia_date_equal (self->due_date, due_date))
    return;

  watched = overdue_watched (self);
  was_overdue = watched && lia_commitment_get_is_overdue (self);
  g_clear_pointer (&self->due_date, g_date_free);
  if (due_date != NULL && g_date_valid (due_date))
    self->due_date = g_date_copy (due_date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_DATE]);
  notify_if_overdue_changed (self, watched, was_overdue);
}

const GDate *
lia_commitment_get_done_date (LiaCommitment *self)
{
  g_return_val_if_fail (LIA_IS_COMMITMENT (self), NULL);

  return self->done_date;
}

void
lia_commitment_set_done_date (LiaCommitment *self,
                              const GDate   *done_date)
{
  g_return_if_fail (LIA_IS_COMMITMENT (self));

  if (lia_date_equal (self->done_date, done_date))
    return;

  g_clear_pointer (&self->done_date, g_date_free);
  if (done_date != NULL && g_date_valid (done_date))
    self->done_date = g_date_copy (done_date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE_DATE]);
}

gint64
lia_commitment_get_contact_id (LiaCommitment *self)
{
  g_return_val_if_fail (LIA_IS_COMMITMENT (self), 0);

  return self->contact_id;
}

void
lia_commitment_set_contact_id (LiaCommitment *self,
                               gint64         contact_id)
{
  g_return_if_fail (LIA_IS_COMMITMENT (self));
  g_return_if_fail (contact_id >= 0);

  set_id (self, &self->contact_id, contact_id, PROP_CONTACT_ID);
}

gint64
lia_commitment_get_organization_id (LiaCommitment *self)
{
  g_return_val_if_fail (LIA_IS_COMMITMENT (self), 0);

  return self->organization_id;
}

void
lia_commitment_set_organization_id (LiaCommitment *self,
                                    gint64         organization_id)
{
  g_return_if_fail (LIA_IS_COMMITMENT (self));
  g_return_if_fail (organization_id >= 0);

  set_id (self, &self->organization_id, organization_id, PROP_ORGANIZATION_ID);
}

gint64
lia_commitment_get_interaction_id (LiaCommitment *self)
{
  g_return_val_if_fail (LIA_IS_COMMITMENT (self), 0);

  return self->interaction_id;
}

void
lia_commitment_set_interaction_id (LiaCommitment *self,
                                   gint64         interaction_id)
{
  g_return_if_fail (LIA_IS_COMMITMENT (self));
  g_return_if_fail (interaction_id >= 0);

  set_id (self, &self->interaction_id, interaction_id, PROP_INTERACTION_ID);
}

gboolean
lia_commitment_get_is_overdue (LiaCommitment *self)
{
  g_autoptr(GDate) today = NULL;

  g_return_val_if_fail (LIA_IS_COMMITMENT (self), FALSE);

  /* Most commitments have no due date or are settled: skip asking the clock for those. */
  if (self->status != LIA_COMMITMENT_STATUS_OPEN || self->due_date == NULL)
    return FALSE;

  today = lia_date_new_today ();
  return lia_commitment_is_overdue_on (self, today);
}

gboolean
lia_commitment_is_overdue_on (LiaCommitment *self,
                              const GDate   *today)
{
  g_return_val_if_fail (LIA_IS_COMMITMENT (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  return self->status == LIA_COMMITMENT_STATUS_OPEN
         && self->due_date != NULL
         && g_date_compare (self->due_date, today) < 0;
}

LiaCommitmentUrgency
lia_commitment_get_urgency_on (LiaCommitment *self,
                               const GDate   *today)
{
  g_autoptr(GDate) week_end = NULL;

  g_return_val_if_fail (LIA_IS_COMMITMENT (self), LIA_COMMITMENT_URGENCY_LATER);
  g_return_val_if_fail (today != NULL && g_date_valid (today), LIA_COMMITMENT_URGENCY_LATER);

  if (self->status != LIA_COMMITMENT_STATUS_OPEN)
    return LIA_COMMITMENT_URGENCY_CLOSED;
  if (self->due_date == NULL)
    return LIA_COMMITMENT_URGENCY_LATER;
  if (g_date_compare (self->due_date, today) < 0)
    return LIA_COMMITMENT_URGENCY_OVERDUE;

  /* "This week" is the next seven days, today included, not the calendar week: on a Friday,
   * next Thursday is as pressing as Monday. */
  week_end = g_date_copy (today);
  g_date_add_days (week_end, 6);
  if (g_date_compare (self->due_date, week_end) <= 0)
    return LIA_COMMITMENT_URGENCY_THIS_WEEK;

  return LIA_COMMITMENT_URGENCY_LATER;
}
