/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-model"

#include "config.h"

#include "lia-risk.h"
#include "lia-model-private.h"

struct _LiaRisk
{
  GObject        parent_instance;

  char          *uid;
  char          *title;
  char          *description;
  int            likelihood;
  int            impact;
  LiaRiskStatus  status;
  gint64         owner_id;    /* a contact, 0 for none */
  char          *mitigation;
  GDate         *review;      /* NULL: no review planned */
};

G_DEFINE_FINAL_TYPE (LiaRisk, lia_risk, G_TYPE_OBJECT)

static void
lia_risk_finalize (GObject *object)
{
  LiaRisk *self = LIA_RISK (object);

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->mitigation, g_free);
  g_clear_pointer (&self->review, g_date_free);

  G_OBJECT_CLASS (lia_risk_parent_class)->finalize (object);
}

static void
lia_risk_class_init (LiaRiskClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lia_risk_finalize;
}

static void
lia_risk_init (LiaRisk *self)
{
  self->uid = g_uuid_string_random ();
  self->title = g_strdup ("");
  self->description = g_strdup ("");
  self->mitigation = g_strdup ("");
  /* The middle of the scale until someone assesses it. */
  self->likelihood = 3;
  self->impact = 3;
  self->status = LIA_RISK_STATUS_OPEN;
}

LiaRisk *
lia_risk_new (const char *title)
{
  LiaRisk *self = g_object_new (LIA_TYPE_RISK, NULL);

  _lia_replace_text (&self->title, title);
  return self;
}

LiaRisk *
lia_risk_copy (LiaRisk *self)
{
  LiaRisk *copy;

  g_return_val_if_fail (LIA_IS_RISK (self), NULL);

  copy = lia_risk_new (self->title);
  _lia_replace_text (&copy->uid, self->uid);
  _lia_replace_text (&copy->description, self->description);
  copy->likelihood = self->likelihood;
  copy->impact = self->impact;
  copy->status = self->status;
  copy->owner_id = self->owner_id;
  _lia_replace_text (&copy->mitigation, self->mitigation);
  _lia_replace_date (&copy->review, self->review);
  return copy;
}

gboolean
lia_risk_equal (LiaRisk *a,
                LiaRisk *b)
{
  g_return_val_if_fail (LIA_IS_RISK (a), FALSE);
  g_return_val_if_fail (LIA_IS_RISK (b), FALSE);

  return g_str_equal (a->uid, b->uid) && g_str_equal (a->title, b->title)
         && g_str_equal (a->description, b->description)
         && a->likelihood == b->likelihood && a->impact == b->impact
         && a->status == b->status && a->owner_id == b->owner_id
         && g_str_equal (a->mitigation, b->mitigation)
         && lia_date_equal (a->review, b->review);
}

#define TEXT_ACCESSORS(field) \
  const char * \
  lia_risk_get_##field (LiaRisk *self) \
  { \
    g_return_val_if_fail (LIA_IS_RISK (self), ""); \
    return self->field; \
  } \
  void \
  lia_risk_set_##field (LiaRisk    *self, \
                        const char *field) \
  { \
    g_return_if_fail (LIA_IS_RISK (self)); \
    _lia_replace_text (&self->field, field); \
  }

TEXT_ACCESSORS (uid)
TEXT_ACCESSORS (title)
TEXT_ACCESSORS (description)
TEXT_ACCESSORS (mitigation)

int
lia_risk_get_likelihood (LiaRisk *self)
{
  g_return_val_if_fail (LIA_IS_RISK (self), 0);

  return self->likelihood;
}

void
lia_risk_set_likelihood (LiaRisk *self,
                         int      likelihood)
{
  g_return_if_fail (LIA_IS_RISK (self));

  self->likelihood = likelihood;
}

int
lia_risk_get_impact (LiaRisk *self)
{
  g_return_val_if_fail (LIA_IS_RISK (self), 0);

  return self->impact;
}

void
lia_risk_set_impact (LiaRisk *self,
                     int      impact)
{
  g_return_if_fail (LIA_IS_RISK (self));

  self->impact = impact;
}

int
lia_risk_get_score (LiaRisk *self)
{
  g_return_val_if_fail (LIA_IS_RISK (self), 0);

  return self->likelihood * self->impact;
}

LiaRiskStatus
lia_risk_get_status (LiaRisk *self)
{
  g_return_val_if_fail (LIA_IS_RISK (self), LIA_RISK_STATUS_OPEN);

  return self->status;
}

void
lia_risk_set_status (LiaRisk       *self,
                     LiaRiskStatus  status)
{
  g_return_if_fail (LIA_IS_RISK (self));

  self->status = status;
}

gint64
lia_risk_get_owner_id (LiaRisk *self)
{
  g_return_val_if_fail (LIA_IS_RISK (self), 0);

  return self->owner_id;
}

void
lia_risk_set_owner_id (LiaRisk *self,
                       gint64   owner_id)
{
  g_return_if_fail (LIA_IS_RISK (self));

  self->owner_id = owner_id;
}

const GDate *
lia_risk_get_review (LiaRisk *self)
{
  g_return_val_if_fail (LIA_IS_RISK (self), NULL);

  return self->review;
}

void
lia_risk_set_review (LiaRisk     *self,
                     const GDate *review)
{
  g_return_if_fail (LIA_IS_RISK (self));

  _lia_replace_date (&self->review, review);
}

gboolean
lia_risk_is_open (LiaRisk *self)
{
  g_return_val_if_fail (LIA_IS_RISK (self), FALSE);

  return self->status == LIA_RISK_STATUS_OPEN || self->status == LIA_RISK_STATUS_MITIGATING;
}
