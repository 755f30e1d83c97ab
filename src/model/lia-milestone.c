/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-model"

#include "config.h"

#include "lia-milestone.h"
#include "lia-model-private.h"

struct _LiaMilestone
{
  GObject             parent_instance;

  char               *uid;
  char               *title;
  GDate              *due;   /* NULL: no due date */
  LiaMilestoneStatus  status;
  GDate              *done;  /* NULL: not done, or the day is not known */
};

G_DEFINE_FINAL_TYPE (LiaMilestone, lia_milestone, G_TYPE_OBJECT)

static void
lia_milestone_finalize (GObject *object)
{
  LiaMilestone *self = LIA_MILESTONE (object);

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->due, g_date_free);
  g_clear_pointer (&self->done, g_date_free);

  G_OBJECT_CLASS (lia_milestone_parent_class)->finalize (object);
}

static void
lia_milestone_class_init (LiaMilestoneClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lia_milestone_finalize;
}

static void
lia_milestone_init (LiaMilestone *self)
{
  self->uid = g_uuid_string_random ();
  self->title = g_strdup ("");
  self->status = LIA_MILESTONE_STATUS_OPEN;
}

LiaMilestone *
lia_milestone_new (const char *title)
{
  LiaMilestone *self = g_object_new (LIA_TYPE_MILESTONE, NULL);

  _lia_replace_text (&self->title, title);
  return self;
}

LiaMilestone *
lia_milestone_copy (LiaMilestone *self)
{
  LiaMilestone *copy;

  g_return_val_if_fail (LIA_IS_MILESTONE (self), NULL);

  copy = lia_milestone_new (self->title);
  _lia_replace_text (&copy->uid, self->uid);
  _lia_replace_date (&copy->due, self->due);
  copy->status = self->status;
  _lia_replace_date (&copy->done, self->done);
  return copy;
}

gboolean
lia_milestone_equal (LiaMilestone *a,
                     LiaMilestone *b)
{
  g_return_val_if_fail (LIA_IS_MILESTONE (a), FALSE);
  g_return_val_if_fail (LIA_IS_MILESTONE (b), FALSE);

  return g_str_equal (a->uid, b->uid) && g_str_equal (a->title, b->title)
         && lia_date_equal (a->due, b->due) && a->status == b->status
         && lia_date_equal (a->done, b->done);
}

const char *
lia_milestone_get_uid (LiaMilestone *self)
{
  g_return_val_if_fail (LIA_IS_MILESTONE (self), "");

  return self->uid;
}

void
lia_milestone_set_uid (LiaMilestone *self,
                       const char   *uid)
{
  g_return_if_fail (LIA_IS_MILESTONE (self));

  _lia_replace_text (&self->uid, uid);
}

const char *
lia_milestone_get_title (LiaMilestone *self)
{
  g_return_val_if_fail (LIA_IS_MILESTONE (self), "");

  return self->title;
}

void
lia_milestone_set_title (LiaMilestone *self,
                         const char   *title)
{
  g_return_if_fail (LIA_IS_MILESTONE (self));

  _lia_replace_text (&self->title, title);
}

const GDate *
lia_milestone_get_due (LiaMilestone *self)
{
  g_return_val_if_fail (LIA_IS_MILESTONE (self), NULL);

  return self->due;
}

void
lia_milestone_set_due (LiaMilestone *self,
                       const GDate  *due)
{
  g_return_if_fail (LIA_IS_MILESTONE (self));

  _lia_replace_date (&self->due, due);
}

LiaMilestoneStatus
lia_milestone_get_status (LiaMilestone *self)
{
  g_return_val_if_fail (LIA_IS_MILESTONE (self), LIA_MILESTONE_STATUS_OPEN);

  return self->status;
}

void
lia_milestone_set_status (LiaMilestone       *self,
                          LiaMilestoneStatus  status)
{
  g_return_if_fail (LIA_IS_MILESTONE (self));

  self->status = status;
}

const GDate *
lia_milestone_get_done (LiaMilestone *self)
{
  g_return_val_if_fail (LIA_IS_MILESTONE (self), NULL);

  return self->done;
}

void
lia_milestone_set_done (LiaMilestone *self,
                        const GDate  *done)
{
  g_return_if_fail (LIA_IS_MILESTONE (self));

  _lia_replace_date (&self->done, done);
}

gboolean
lia_milestone_is_overdue (LiaMilestone *self,
                          const GDate  *today)
{
  g_return_val_if_fail (LIA_IS_MILESTONE (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  return self->status == LIA_MILESTONE_STATUS_OPEN && self->due != NULL
         && g_date_compare (self->due, today) < 0;
}
