/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-model"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lia-project.h"
#include "lia-model-private.h"
#include "lia-enum-types.h"

/* The kinds of record a project links to, in the order of links[]. */
static const LiaRecordKind link_kinds[] = {
  LIA_RECORD_KIND_INTERACTION,
  LIA_RECORD_KIND_COMMITMENT,
  LIA_RECORD_KIND_CONCERN,
};

#define N_LINK_KINDS G_N_ELEMENTS (link_kinds)

struct _LiaProject
{
  LiaRecord         parent_instance;

  char             *name;
  char             *summary;
  LiaProjectStatus  status;
  GDate            *start;   /* NULL: not known */
  GDate            *end;     /* NULL: open-ended */
  char             *owner;
  char            **tags;
  char             *notes;
  GListStore       *stakeholders;
  GListStore       *milestones;
  GListStore       *risks;
  GArray           *links[N_LINK_KINDS];  /* gint64 ids, in the order added */
};

enum {
  PROP_0,
  PROP_NAME,
  PROP_SUMMARY,
  PROP_STATUS,
  PROP_START,
  PROP_END,
  PROP_OWNER,
  PROP_TAGS,
  PROP_NOTES,
  PROP_STAKEHOLDERS,
  PROP_MILESTONES,
  PROP_RISKS,
  PROP_LINKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LiaProject, lia_project, LIA_TYPE_RECORD)

static int
link_index (LiaRecordKind kind)
{
  for (guint i = 0; i < N_LINK_KINDS; i++)
    if (link_kinds[i] == kind)
      return (int) i;

  return -1;
}

static gboolean
ids_equal (GArray *a,
           GArray *b)
{
  return a->len == b->len
         && (a->len == 0 || memcmp (a->data, b->data, a->len * sizeof (gint64)) == 0);
}

typedef gboolean (*PartEqualFunc) (gpointer a, gpointer b);

static gboolean
parts_equal (GListModel    *a,
             GListModel    *b,
             PartEqualFunc  equal)
{
  guint n_items = g_list_model_get_n_items (a);

  if (n_items != g_list_model_get_n_items (b))
    return FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item_a = g_list_model_get_item (a, i);
      g_autoptr(GObject) item_b = g_list_model_get_item (b, i);

      if (!equal (item_a, item_b))
        return FALSE;
    }

  return TRUE;
}

/* Replaces @self's items by those of @other, copied with @copy (NULL: shared, for immutable
 * items), and notifies @pspec; nothing happens when they are equal already. */
static void
copy_parts (LiaProject    *self,
            GListStore    *store,
            GListModel    *other,
            PartEqualFunc  equal,
            gpointer     (*copy) (gpointer),
            GParamSpec    *pspec)
{
  guint n_items = g_list_model_get_n_items (other);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (parts_equal (G_LIST_MODEL (store), other, equal))
    return;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (other, i);

      g_ptr_array_add (items, copy != NULL ? copy (item) : g_object_ref (item));
    }

  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static gboolean
validate_milestones (LiaProject  *self,
                     GError     **error)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->milestones));
  g_autoptr(GHashTable) uids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(LiaMilestone) milestone = g_list_model_get_item (G_LIST_MODEL (self->milestones), i);
      const char *uid = lia_milestone_get_uid (milestone);

      if (lia_text_is_blank (lia_milestone_get_title (milestone)))
        {
          g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                       _("“%s”: milestone %u needs a title."), self->name, i + 1);
          return FALSE;
        }

      if (lia_enum_to_nick (LIA_TYPE_MILESTONE_STATUS, lia_milestone_get_status (milestone)) == NULL)
        {
          g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                       _("“%s”: milestone “%s” has an unknown status (%d)."), self->name,
                       lia_milestone_get_title (milestone), (int) lia_milestone_get_status (milestone));
          return FALSE;
        }

      if (*uid == '\0' || !g_hash_table_add (uids, (gpointer) uid))
        {
          g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                       _("“%s”: milestone “%s” needs an id of its own (“%s” is empty or used twice)."),
                       self->name, lia_milestone_get_title (milestone), uid);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
validate_risks (LiaProject  *self,
                GError     **error)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->risks));
  g_autoptr(GHashTable) uids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(LiaRisk) risk = g_list_model_get_item (G_LIST_MODEL (self->risks), i);
      const char *uid = lia_risk_get_uid (risk);
      const char *title = lia_risk_get_title (risk);

      if (lia_text_is_blank (title))
        {
          g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                       _("“%s”: risk %u needs a title."), self->name, i + 1);
          return FALSE;
        }

      if (lia_risk_get_likelihood (risk) < 1 || lia_risk_get_likelihood (risk) > 5)
        {
          g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                       _("“%s”: the likelihood of risk “%s” is %d; it must be from 1 to 5."),
                       self->name, title, lia_risk_get_likelihood (risk));
          return FALSE;
        }

      if (lia_risk_get_impact (risk) < 1 || lia_risk_get_impact (risk) > 5)
        {
          g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                       _("“%s”: the impact of risk “%s” is %d; it must be from 1 to 5."),
                       self->name, title, lia_risk_get_impact (risk));
          return FALSE;
        }

      if (lia_enum_to_nick (LIA_TYPE_RISK_STATUS, lia_risk_get_status (risk)) == NULL)
        {
          g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                       _("“%s”: risk “%s” has an unknown status (%d)."), self->name, title,
                       (int) lia_risk_get_status (risk));
          return FALSE;
        }

      if (*uid == '\0' || !g_hash_table_add (uids, (gpointer) uid))
        {
          g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                       _("“%s”: risk “%s” needs an id of its own (“%s” is empty or used twice)."),
                       self->name, title, uid);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
lia_project_validate (LiaRecord  *record,
                      GError    **error)
{
  LiaProject *self = LIA_PROJECT (record);
  guint n_stakeholders;

  if (lia_text_is_blank (self->name))
    {
      g_set_error_literal (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                           _("A project needs a name."));
      return FALSE;
    }

  if (self->start != NULL && self->end != NULL && g_date_compare (self->end, self->start) < 0)
    {
      g_autofree char *start = lia_date_to_iso (self->start);
      g_autofree char *end = lia_date_to_iso (self->end);

      g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                   _("“%s” ends on %s, before it starts on %s."), self->name, end, start);
      return FALSE;
    }

  if (lia_enum_to_nick (LIA_TYPE_PROJECT_STATUS, self->status) == NULL)
    {
      g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                   _("“%s” has an unknown status (%d)."), self->name, (int) self->status);
      return FALSE;
    }

  n_stakeholders = g_list_model_get_n_items (G_LIST_MODEL (self->stakeholders));
  for (guint i = 0; i < n_stakeholders; i++)
    {
      g_autoptr(LiaProjectStakeholder) stakeholder =
        g_list_model_get_item (G_LIST_MODEL (self->stakeholders), i);
      gboolean is_contact = lia_project_stakeholder_get_contact_id (stakeholder) > 0;
      gboolean is_organization = lia_project_stakeholder_get_organization_id (stakeholder) > 0;

      if (is_contact == is_organization)
        {
          g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                       _("“%s”: stakeholder %u must be either a contact or an organization."),
                       self->name, i + 1);
          return FALSE;
        }
    }

  return validate_milestones (self, error) && validate_risks (self, error);
}

static void
lia_project_copy_from (LiaRecord *record,
                       LiaRecord *other_record)
{
  LiaProject *self = LIA_PROJECT (record);
  LiaProject *other = LIA_PROJECT (other_record);
  gboolean links_changed = FALSE;

  g_object_freeze_notify (G_OBJECT (self));

  LIA_RECORD_CLASS (lia_project_parent_class)->copy_from (record, other_record);

  copy_parts (self, self->stakeholders, G_LIST_MODEL (other->stakeholders),
              (PartEqualFunc) lia_project_stakeholder_equal, NULL,
              properties[PROP_STAKEHOLDERS]);
  /* Milestones and risks can change in place: each project has its own. */
  copy_parts (self, self->milestones, G_LIST_MODEL (other->milestones),
              (PartEqualFunc) lia_milestone_equal, (gpointer (*) (gpointer)) lia_milestone_copy,
              properties[PROP_MILESTONES]);
  copy_parts (self, self->risks, G_LIST_MODEL (other->risks),
              (PartEqualFunc) lia_risk_equal, (gpointer (*) (gpointer)) lia_risk_copy,
              properties[PROP_RISKS]);

  for (guint i = 0; i < N_LINK_KINDS; i++)
    {
      if (ids_equal (self->links[i], other->links[i]))
        continue;

      g_array_set_size (self->links[i], 0);
      g_array_append_vals (self->links[i], other->links[i]->data, other->links[i]->len);
      links_changed = TRUE;
    }
  if (links_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINKS]);

  g_object_thaw_notify (G_OBJECT (self));
}

static const char *
lia_project_get_label (LiaRecord *record)
{
  return LIA_PROJECT (record)->name;
}

static void
lia_project_dispose (GObject *object)
{
  LiaProject *self = LIA_PROJECT (object);

  g_clear_object (&self->stakeholders);
  g_clear_object (&self->milestones);
  g_clear_object (&self->risks);

  G_OBJECT_CLASS (lia_project_parent_class)->dispose (object);
}

static void
lia_project_finalize (GObject *object)
{
  LiaProject *self = LIA_PROJECT (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->start, g_date_free);
  g_clear_pointer (&self->end, g_date_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->notes, g_free);
  for (guint i = 0; i < N_LINK_KINDS; i++)
    g_clear_pointer (&self->links[i], g_array_unref);

  G_OBJECT_CLASS (lia_project_parent_class)->finalize (object);
}

static void
lia_project_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LiaProject *self = LIA_PROJECT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_START:
      g_value_set_boxed (value, self->start);
      break;

    case PROP_END:
      g_value_set_boxed (value, self->end);
      break;

    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_STAKEHOLDERS:
      g_value_set_object (value, self->stakeholders);
      break;

    case PROP_MILESTONES:
      g_value_set_object (value, self->milestones);
      break;

    case PROP_RISKS:
      g_value_set_object (value, self->risks);
      break;

    case PROP_LINKS:
      g_value_set_boolean (value, self->links[0]->len + self->links[1]->len
                                  + self->links[2]->len > 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_project_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LiaProject *self = LIA_PROJECT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      lia_project_set_name (self, g_value_get_string (value));
      break;

    case PROP_SUMMARY:
      lia_project_set_summary (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      lia_project_set_status (self, g_value_get_enum (value));
      break;

    case PROP_START:
      lia_project_set_start (self, g_value_get_boxed (value));
      break;

    case PROP_END:
      lia_project_set_end (self, g_value_get_boxed (value));
      break;

    case PROP_OWNER:
      lia_project_set_owner (self, g_value_get_string (value));
      break;

    case PROP_TAGS:
      lia_project_set_tags (self, g_value_get_boxed (value));
      break;

    case PROP_NOTES:
      lia_project_set_notes (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_project_class_init (LiaProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LiaRecordClass *record_class = LIA_RECORD_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags read_flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = lia_project_dispose;
  object_class->finalize = lia_project_finalize;
  object_class->get_property = lia_project_get_property;
  object_class->set_property = lia_project_set_property;

  record_class->kind = LIA_RECORD_KIND_PROJECT;
  record_class->validate = lia_project_validate;
  record_class->copy_from = lia_project_copy_from;
  record_class->get_label = lia_project_get_label;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, "", flags);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, LIA_TYPE_PROJECT_STATUS,
                                               LIA_PROJECT_STATUS_PLANNED, flags);
  properties[PROP_START] = g_param_spec_boxed ("start", NULL, NULL, G_TYPE_DATE, flags);
  properties[PROP_END] = g_param_spec_boxed ("end", NULL, NULL, G_TYPE_DATE, flags);
  properties[PROP_OWNER] = g_param_spec_string ("owner", NULL, NULL, "", flags);
  properties[PROP_TAGS] = g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", flags);
  properties[PROP_STAKEHOLDERS] = g_param_spec_object ("stakeholders", NULL, NULL,
                                                       G_TYPE_LIST_MODEL, read_flags);
  properties[PROP_MILESTONES] = g_param_spec_object ("milestones", NULL, NULL,
                                                     G_TYPE_LIST_MODEL, read_flags);
  properties[PROP_RISKS] = g_param_spec_object ("risks", NULL, NULL, G_TYPE_LIST_MODEL, read_flags);
  /* Whether anything is linked; notified whenever the links change. */
  properties[PROP_LINKS] = g_param_spec_boolean ("links", NULL, NULL, FALSE, read_flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_project_init (LiaProject *self)
{
  self->name = g_strdup ("");
  self->summary = g_strdup ("");
  self->status = LIA_PROJECT_STATUS_PLANNED;
  self->owner = g_strdup ("");
  self->tags = g_new0 (char *, 1);
  self->notes = g_strdup ("");
  self->stakeholders = g_list_store_new (LIA_TYPE_PROJECT_STAKEHOLDER);
  self->milestones = g_list_store_new (LIA_TYPE_MILESTONE);
  self->risks = g_list_store_new (LIA_TYPE_RISK);
  for (guint i = 0; i < N_LINK_KINDS; i++)
    self->links[i] = g_array_new (FALSE, FALSE, sizeof (gint64));
}

LiaProject *
lia_project_new (const char *name)
{
  /* Set directly, not as a property by name. */
  LiaProject *self = g_object_new (LIA_TYPE_PROJECT, NULL);

  lia_project_set_name (self, name);
  return self;
}

#define TEXT_ACCESSORS(field, PROP) \
  const char * \
  lia_project_get_##field (LiaProject *self) \
  { \
    g_return_val_if_fail (LIA_IS_PROJECT (self), ""); \
    return self->field; \
  } \
  void \
  lia_project_set_##field (LiaProject *self, \
                           const char *field) \
  { \
    g_return_if_fail (LIA_IS_PROJECT (self)); \
    if (_lia_replace_text (&self->field, field)) \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]); \
  }

#define DATE_ACCESSORS(field, PROP) \
  const GDate * \
  lia_project_get_##field (LiaProject *self) \
  { \
    g_return_val_if_fail (LIA_IS_PROJECT (self), NULL); \
    return self->field; \
  } \
  void \
  lia_project_set_##field (LiaProject  *self, \
                           const GDate *field) \
  { \
    g_return_if_fail (LIA_IS_PROJECT (self)); \
    if (_lia_replace_date (&self->field, field)) \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]); \
  }

TEXT_ACCESSORS (name, PROP_NAME)
TEXT_ACCESSORS (summary, PROP_SUMMARY)
TEXT_ACCESSORS (owner, PROP_OWNER)
TEXT_ACCESSORS (notes, PROP_NOTES)
DATE_ACCESSORS (start, PROP_START)
DATE_ACCESSORS (end, PROP_END)

LiaProjectStatus
lia_project_get_status (LiaProject *self)
{
  g_return_val_if_fail (LIA_IS_PROJECT (self), LIA_PROJECT_STATUS_PLANNED);

  return self->status;
}

void
lia_project_set_status (LiaProject       *self,
                        LiaProjectStatus  status)
{
  g_return_if_fail (LIA_IS_PROJECT (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char * const *
lia_project_get_tags (LiaProject *self)
{
  g_return_val_if_fail (LIA_IS_PROJECT (self), NULL);

  return (const char * const *) self->tags;
}

void
lia_project_set_tags (LiaProject         *self,
                      const char * const *tags)
{
  g_return_if_fail (LIA_IS_PROJECT (self));

  if (_lia_replace_tags (&self->tags, tags))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

GListModel *
lia_project_get_stakeholders (LiaProject *self)
{
  g_return_val_if_fail (LIA_IS_PROJECT (self), NULL);

  return G_LIST_MODEL (self->stakeholders);
}

void
lia_project_add_stakeholder (LiaProject            *self,
                             LiaProjectStakeholder *stakeholder)
{
  g_return_if_fail (LIA_IS_PROJECT (self));
  g_return_if_fail (LIA_IS_PROJECT_STAKEHOLDER (stakeholder));

  g_list_store_append (self->stakeholders, stakeholder);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAKEHOLDERS]);
}

void
lia_project_remove_stakeholder (LiaProject *self,
                                guint       position)
{
  g_return_if_fail (LIA_IS_PROJECT (self));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->stakeholders)));

  g_list_store_remove (self->stakeholders, position);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAKEHOLDERS]);
}

void
lia_project_clear_stakeholders (LiaProject *self)
{
  g_return_if_fail (LIA_IS_PROJECT (self));

  if (g_list_model_get_n_items (G_LIST_MODEL (self->stakeholders)) == 0)
    return;

  g_list_store_remove_all (self->stakeholders);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAKEHOLDERS]);
}

GListModel *
lia_project_get_milestones (LiaProject *self)
{
  g_return_val_if_fail (LIA_IS_PROJECT (self), NULL);

  return G_LIST_MODEL (self->milestones);
}

void
lia_project_add_milestone (LiaProject   *self,
                           LiaMilestone *milestone)
{
  g_return_if_fail (LIA_IS_PROJECT (self));
  g_return_if_fail (LIA_IS_MILESTONE (milestone));

  g_list_store_append (self->milestones, milestone);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MILESTONES]);
}

void
lia_project_remove_milestone (LiaProject *self,
                              guint       position)
{
  g_return_if_fail (LIA_IS_PROJECT (self));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->milestones)));

  g_list_store_remove (self->milestones, position);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MILESTONES]);
}

static gpointer
find_by_uid (GListModel  *model,
             const char  *uid,
             const char *(*get_uid) (gpointer))
{
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (get_uid (item), uid) == 0)
        return item; /* the list keeps a reference */
    }

  return NULL;
}

LiaMilestone *
lia_project_find_milestone (LiaProject *self,
                            const char *uid)
{
  g_return_val_if_fail (LIA_IS_PROJECT (self), NULL);

  return find_by_uid (G_LIST_MODEL (self->milestones), uid,
                      (const char *(*) (gpointer)) lia_milestone_get_uid);
}

GListModel *
lia_project_get_risks (LiaProject *self)
{
  g_return_val_if_fail (LIA_IS_PROJECT (self), NULL);

  return G_LIST_MODEL (self->risks);
}

void
lia_project_add_risk (LiaProject *self,
                      LiaRisk    *risk)
{
  g_return_if_fail (LIA_IS_PROJECT (self));
  g_return_if_fail (LIA_IS_RISK (risk));

  g_list_store_append (self->risks, risk);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RISKS]);
}

void
lia_project_remove_risk (LiaProject *self,
                         guint       position)
{
  g_return_if_fail (LIA_IS_PROJECT (self));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->risks)));

  g_list_store_remove (self->risks, position);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RISKS]);
}

LiaRisk *
lia_project_find_risk (LiaProject *self,
                       const char *uid)
{
  g_return_val_if_fail (LIA_IS_PROJECT (self), NULL);

  return find_by_uid (G_LIST_MODEL (self->risks), uid,
                      (const char *(*) (gpointer)) lia_risk_get_uid);
}

void
lia_project_parts_changed (LiaProject *self)
{
  g_return_if_fail (LIA_IS_PROJECT (self));

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MILESTONES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RISKS]);
  g_object_thaw_notify (G_OBJECT (self));
}

const GArray *
lia_project_get_link_ids (LiaProject    *self,
                          LiaRecordKind  kind)
{
  int index = link_index (kind);

  g_return_val_if_fail (LIA_IS_PROJECT (self), NULL);
  g_return_val_if_fail (index >= 0, NULL);

  return self->links[index];
}

gboolean
lia_project_has_link (LiaProject    *self,
                      LiaRecordKind  kind,
                      gint64         id)
{
  int index = link_index (kind);

  g_return_val_if_fail (LIA_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (index >= 0, FALSE);

  for (guint i = 0; i < self->links[index]->len; i++)
    if (g_array_index (self->links[index], gint64, i) == id)
      return TRUE;

  return FALSE;
}

void
lia_project_add_link (LiaProject    *self,
                      LiaRecordKind  kind,
                      gint64         id)
{
  int index = link_index (kind);

  g_return_if_fail (LIA_IS_PROJECT (self));
  g_return_if_fail (index >= 0);
  g_return_if_fail (id > 0);

  if (lia_project_has_link (self, kind, id))
    return;

  g_array_append_val (self->links[index], id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINKS]);
}

void
lia_project_remove_link (LiaProject    *self,
                         LiaRecordKind  kind,
                         gint64         id)
{
  int index = link_index (kind);

  g_return_if_fail (LIA_IS_PROJECT (self));
  g_return_if_fail (index >= 0);

  for (guint i = 0; i < self->links[index]->len; i++)
    if (g_array_index (self->links[index], gint64, i) == id)
      {
        g_array_remove_index (self->links[index], i);
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINKS]);
        return;
      }
}

void
lia_project_count_milestones (LiaProject  *self,
                              const GDate *today,
                              guint       *out_done,
                              guint       *out_total,
                              guint       *out_overdue)
{
  guint n_items;
  guint done = 0;
  guint overdue = 0;

  g_return_if_fail (LIA_IS_PROJECT (self));
  g_return_if_fail (today != NULL);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->milestones));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(LiaMilestone) milestone = g_list_model_get_item (G_LIST_MODEL (self->milestones), i);

      if (lia_milestone_get_status (milestone) == LIA_MILESTONE_STATUS_DONE)
        done++;
      else if (lia_milestone_is_overdue (milestone, today))
        overdue++;
    }

  if (out_done != NULL)
    *out_done = done;
  if (out_total != NULL)
    *out_total = n_items;
  if (out_overdue != NULL)
    *out_overdue = overdue;
}
