/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-model"

#include "config.h"

#include "lia-project-stakeholder.h"

struct _LiaProjectStakeholder
{
  GObject  parent_instance;

  gint64   contact_id;
  gint64   organization_id;
  char    *role;
};

G_DEFINE_FINAL_TYPE (LiaProjectStakeholder, lia_project_stakeholder, G_TYPE_OBJECT)

static void
lia_project_stakeholder_finalize (GObject *object)
{
  LiaProjectStakeholder *self = LIA_PROJECT_STAKEHOLDER (object);

  g_clear_pointer (&self->role, g_free);

  G_OBJECT_CLASS (lia_project_stakeholder_parent_class)->finalize (object);
}

static void
lia_project_stakeholder_class_init (LiaProjectStakeholderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lia_project_stakeholder_finalize;
}

static void
lia_project_stakeholder_init (LiaProjectStakeholder *self)
{
}

static LiaProjectStakeholder *
stakeholder_new (gint64      contact_id,
                 gint64      organization_id,
                 const char *role)
{
  LiaProjectStakeholder *self = g_object_new (LIA_TYPE_PROJECT_STAKEHOLDER, NULL);

  self->contact_id = contact_id;
  self->organization_id = organization_id;
  self->role = g_strdup (role != NULL ? role : "");
  return self;
}

LiaProjectStakeholder *
lia_project_stakeholder_new_contact (gint64      contact_id,
                                     const char *role)
{
  return stakeholder_new (contact_id, 0, role);
}

LiaProjectStakeholder *
lia_project_stakeholder_new_organization (gint64      organization_id,
                                          const char *role)
{
  return stakeholder_new (0, organization_id, role);
}

gint64
lia_project_stakeholder_get_contact_id (LiaProjectStakeholder *self)
{
  g_return_val_if_fail (LIA_IS_PROJECT_STAKEHOLDER (self), 0);

  return self->contact_id;
}

gint64
lia_project_stakeholder_get_organization_id (LiaProjectStakeholder *self)
{
  g_return_val_if_fail (LIA_IS_PROJECT_STAKEHOLDER (self), 0);

  return self->organization_id;
}

const char *
lia_project_stakeholder_get_role (LiaProjectStakeholder *self)
{
  g_return_val_if_fail (LIA_IS_PROJECT_STAKEHOLDER (self), "");

  return self->role;
}

gboolean
lia_project_stakeholder_equal (LiaProjectStakeholder *a,
                               LiaProjectStakeholder *b)
{
  g_return_val_if_fail (LIA_IS_PROJECT_STAKEHOLDER (a), FALSE);
  g_return_val_if_fail (LIA_IS_PROJECT_STAKEHOLDER (b), FALSE);

  return a->contact_id == b->contact_id && a->organization_id == b->organization_id
         && g_strcmp0 (a->role, b->role) == 0;
}
