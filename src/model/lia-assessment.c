/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-model"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-assessment.h"
#include "lia-enum-types.h"

struct _LiaAssessment
{
  GObject   parent_instance;

  int       influence;
  int       interest;
  LiaStance stance;
  int       cadence_days;
};

enum {
  PROP_0,
  PROP_INFLUENCE,
  PROP_INTEREST,
  PROP_STANCE,
  PROP_CADENCE_DAYS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LiaAssessment, lia_assessment, G_TYPE_OBJECT)

static gboolean
score_is_valid (int score)
{
  return score == 0 || (score >= 1 && score <= 5);
}

static void
lia_assessment_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LiaAssessment *self = LIA_ASSESSMENT (object);

  switch (prop_id)
    {
    case PROP_INFLUENCE:
      g_value_set_int (value, self->influence);
      break;

    case PROP_INTEREST:
      g_value_set_int (value, self->interest);
      break;

    case PROP_STANCE:
      g_value_set_enum (value, self->stance);
      break;
    case PROP_CADENCE_DAYS:
      g_value_set_int (value, self->cadence_days);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_assessment_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LiaAssessment *self = LIA_ASSESSMENT (object);

  switch (prop_id)
    {
    case PROP_INFLUENCE:
      lia_assessment_set_influence (self, g_value_get_int (value));
      break;

    case PROP_INTEREST:
      lia_assessment_set_interest (self, g_value_get_int (value));
      break;

    case PROP_STANCE:
      lia_assessment_set_stance (self, g_value_get_enum (value));
      break;
    case PROP_CADENCE_DAYS:
      lia_assessment_set_cadence_days (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_assessment_class_init (LiaAssessmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = lia_assessment_get_property;
  object_class->set_property = lia_assessment_set_property;

  /* Any int, so that a 9 read from a file is held and refused by validate with a clear message
   * instead of being dropped by GObject with a warning. */
  properties[PROP_INFLUENCE] =
    g_param_spec_int ("influence", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_INTEREST] =
    g_param_spec_int ("interest", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STANCE] =
    g_param_spec_enum ("stance", NULL, NULL,
                       LIA_TYPE_STANCE, LIA_STANCE_UNKNOWN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Any int for the same reason; -1 is "the map quadrant's default". */
  properties[PROP_CADENCE_DAYS] =
    g_param_spec_int ("cadence-days", NULL, NULL,
                      G_MININT, G_MAXINT, LIA_CADENCE_DEFAULT,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_assessment_init (LiaAssessment *self)
{
  self->stance = LIA_STANCE_UNKNOWN;
  self->cadence_days = LIA_CADENCE_DEFAULT;
}

LiaAssessment *
lia_assessment_new (void)
{
  return g_object_new (LIA_TYPE_ASSESSMENT, NULL);
}

int
lia_assessment_get_influence (LiaAssessment *self)
{
  g_return_val_if_fail (LIA_IS_ASSESSMENT (self), 0);

  return self->influence;
}

void
lia_assessment_set_influence (LiaAssessment *self,
                              int            influence)
{
  g_return_if_fail (LIA_IS_ASSESSMENT (self));

  if (self->influence == influence)
    return;

  self->influence = influence;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INFLUENCE]);
}

int
lia_assessment_get_interest (LiaAssessment *self)
{
  g_return_val_if_fail (LIA_IS_ASSESSMENT (self), 0);

  return self->interest;
}

void
lia_assessment_set_interest (LiaAssessment *self,
                             int            interest)
{
  g_return_if_fail (LIA_IS_ASSESSMENT (self));

  if (self->interest == interest)
    return;

  self->interest = interest;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTEREST]);
}

LiaStance
lia_assessment_get_stance (LiaAssessment *self)
{
  g_return_val_if_fail (LIA_IS_ASSESSMENT (self), LIA_STANCE_UNKNOWN);

  return self->stance;
}

void
lia_assessment_set_stance (LiaAssessment *self,
                           LiaStance      stance)
{
  g_return_if_fail (LIA_IS_ASSESSMENT (self));

  if (self->stance == stance)
    return;

  self->stance = stance;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STANCE]);
}

gboolean
lia_assessment_validate (LiaAssessment  *self,
                         GError        **error)
{
  g_return_val_if_fail (LIA_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!score_is_valid (self->influence))
    {
      g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                   _("Influence must be between 1 and 5, or unset (got %d)."),
                   self->influence);
      return FALSE;
    }

  if (!score_is_valid (self->interest))
    {
      g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                   _("Interest must be between 1 and 5, or unset (got %d)."),
                   self->interest);
      return FALSE;
    }

  if (self->cadence_days < LIA_CADENCE_DEFAULT || self->cadence_days > LIA_CADENCE_MAX_DAYS)
    {
      g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                   _("A stay-in-touch cadence must be between 1 and %d days, or none (got %d)."),
                   LIA_CADENCE_MAX_DAYS, self->cadence_days);
      return FALSE;
    }

  if (lia_enum_to_nick (LIA_TYPE_STANCE, self->stance) == NULL)
    {
      g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                   _("The stance %d is not a known stance."),
                   (int) self->stance);
      return FALSE;
    }

  return TRUE;
}

int
lia_assessment_get_cadence_days (LiaAssessment *self)
{
  g_return_val_if_fail (LIA_IS_ASSESSMENT (self), LIA_CADENCE_DEFAULT);

  return self->cadence_days;
}

void
lia_assessment_set_cadence_days (LiaAssessment *self,
                                 int            cadence_days)
{
  g_return_if_fail (LIA_IS_ASSESSMENT (self));

  if (self->cadence_days == cadence_days)
    return;

  self->cadence_days = cadence_days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CADENCE_DAYS]);
}

void
lia_assessment_copy_from (LiaAssessment *self,
                          LiaAssessment *other)
{
  g_return_if_fail (LIA_IS_ASSESSMENT (self));
  g_return_if_fail (LIA_IS_ASSESSMENT (other));

  g_object_freeze_notify (G_OBJECT (self));
  lia_assessment_set_influence (self, other->influence);
  lia_assessment_set_interest (self, other->interest);
  lia_assessment_set_stance (self, other->stance);
  lia_assessment_set_cadence_days (self, other->cadence_days);
  g_object_thaw_notify (G_OBJECT (self));
}
