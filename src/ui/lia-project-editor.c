/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-project-editor.h"
#include "lia-record-picker.h"
#include "lia-ui-util.h"

/* One stakeholder, milestone or risk being edited: the rows that show it, and for milestones
 * and risks the object as loaded (kept for what the form does not show). */
typedef struct
{
  LiaRecordKind  kind;        /* stakeholders */
  gint64         id;          /* stakeholders */
  GObject       *original;    /* LiaMilestone or LiaRisk, or NULL for a new one */
  GtkWidget     *title;       /* role (stakeholders) or title */
  GtkWidget     *second;      /* due date (milestones), likelihood spin (risks) */
  GtkWidget     *third;       /* impact spin (risks) */
  GtkWidget     *fourth;      /* status combo (risks) */
  /* Risks only: */
  GtkWidget     *description;
  GtkWidget     *scores;      /* the row of the likelihood and impact spins */
  GtkWidget     *owner;       /* action row: the owner's name, Choose… and Clear */
  GtkWidget     *owner_clear;
  GtkWidget     *mitigation;
  GtkWidget     *review;      /* date row */
  gint64         owner_id;
} Part;

struct _LiaProjectEditor
{
  LiaEditor  parent_instance;

  GArray    *stakeholders;  /* Part */
  GArray    *milestones;    /* Part */
  GArray    *risks;         /* Part */

  GtkWidget *name;
  GtkWidget *status;
  GtkWidget *start;
  GtkWidget *end;
  GtkWidget *owner;
  GtkWidget *summary;
  GtkWidget *notes;
  GtkWidget *stakeholders_group;
  GtkWidget *milestones_group;
  GtkWidget *risks_group;
};

G_DEFINE_FINAL_TYPE (LiaProjectEditor, lia_project_editor, LIA_TYPE_EDITOR)

static void
part_clear (gpointer data)
{
  Part *part = data;

  g_clear_object (&part->original);
}

static void
on_remove_cb (GtkButton        *button,
              LiaProjectEditor *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");
  GArray *arrays[] = { self->stakeholders, self->milestones, self->risks };
  GtkWidget *groups[] = { self->stakeholders_group, self->milestones_group, self->risks_group };

  for (guint a = 0; a < G_N_ELEMENTS (arrays); a++)
    for (guint i = 0; i < arrays[a]->len; i++)
      {
        Part *part = &g_array_index (arrays[a], Part, i);
        /* The rows of the part: its title, a milestone's date, a risk's other fields. */
        GtkWidget *rows[] = {
          part->title,
          a == 1 ? part->second : NULL,
          part->description,
          part->scores,
          a == 2 ? part->fourth : NULL,
          part->owner,
          part->mitigation,
          part->review,
        };

        if (part->title != row)
          continue;
        for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
          if (rows[r] != NULL)
            adw_preferences_group_remove (ADW_PREFERENCES_GROUP (groups[a]), rows[r]);
        g_array_remove_index (arrays[a], i);
        lia_editor_changed (LIA_EDITOR (self));
        return;
      }
}

/* An entry row with a Remove button that removes the part it heads. */
static GtkWidget *
entry_row_new (LiaProjectEditor *self,
               GtkWidget        *group,
               const char       *title,
               const char       *text,
               const char       *remove_label)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (lia_editor_changed), self);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_object_set_data (G_OBJECT (remove), "row", row);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_cb), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static void
add_stakeholder (LiaProjectEditor *self,
                 LiaRecordKind     kind,
                 gint64            id,
                 const char       *role)
{
  g_autofree char *name = lia_ui_dup_record_label (lia_editor_get_store (LIA_EDITOR (self)), kind, id);
  /* Translators: the role of a stakeholder in a project, e.g. "Role of UNICEF". */
  g_autofree char *title = g_strdup_printf (_("Role of %s"), name);
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), name);
  Part part = { .kind = kind, .id = id };

  for (guint i = 0; i < self->stakeholders->len; i++)
    {
      Part *other = &g_array_index (self->stakeholders, Part, i);

      if (other->kind == kind && other->id == id)
        return;
    }

  part.title = entry_row_new (self, self->stakeholders_group, title, role, remove_label);
  g_array_append_val (self->stakeholders, part);
}

static void
add_milestone (LiaProjectEditor *self,
               LiaMilestone     *milestone)
{
  Part part = { .original = milestone != NULL ? g_object_ref (G_OBJECT (milestone)) : NULL };
  const char *title = milestone != NULL ? lia_milestone_get_title (milestone) : "";

  part.title = entry_row_new (self, self->milestones_group, _("Milestone"), title, _("Remove Milestone"));
  part.second = lia_editor_date_row_new (LIA_EDITOR (self), _("Due"),
                                         milestone != NULL ? lia_milestone_get_due (milestone) : NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->milestones_group), part.second);
  g_array_append_val (self->milestones, part);
}

static GtkWidget *
score_spin_new (LiaProjectEditor *self,
                const char       *label,
                int               value)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (1, 5, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (spin, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (lia_editor_changed), self);
  return spin;
}

static void
update_risk_owner (LiaProjectEditor *self,
                   Part             *part)
{
  g_autofree char *name = NULL;

  if (part->owner_id != 0)
    name = lia_ui_dup_record_label (lia_editor_get_store (LIA_EDITOR (self)), LIA_RECORD_KIND_CONTACT,
                                    part->owner_id);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (part->owner), name != NULL ? name : _("None"));
  /* Nothing to clear while the row says None. */
  gtk_widget_set_visible (part->owner_clear, part->owner_id != 0);
}

/* The risk whose owner row is @row. */
static Part *
risk_of_owner_row (LiaProjectEditor *self,
                   GtkWidget        *row)
{
  for (guint i = 0; i < self->risks->len; i++)
    {
      Part *part = &g_array_index (self->risks, Part, i);

      if (part->owner == row)
        return part;
    }
  return NULL;
}

static void
set_risk_owner (GtkWidget *row,
                gint64     owner_id)
{
  LiaProjectEditor *self = g_object_get_data (G_OBJECT (row), "editor");
  Part *part = risk_of_owner_row (self, row);

  if (part == NULL)
    return;
  part->owner_id = owner_id;
  update_risk_owner (self, part);
  lia_editor_field_changed (LIA_EDITOR (self), row);
}

static void
on_risk_owner_picked_cb (LiaRecordPicker *picker,
                         int              kind,
                         gint64           id,
                         const char      *label,
                         GtkWidget       *row)
{
  set_risk_owner (row, id);
}

static void
on_risk_owner_clear_cb (GtkButton *button,
                        GtkWidget *row)
{
  set_risk_owner (row, 0);
}

static void
add_risk (LiaProjectEditor *self,
          LiaRisk          *risk)
{
  LiaEditor *editor = LIA_EDITOR (self);
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (self->risks_group);
  Part part = { .original = risk != NULL ? g_object_ref (G_OBJECT (risk)) : NULL };
  const char *statuses[] = { _("Open"), _("Mitigating"), _("Closed"), _("Occurred"), NULL };
  LiaRecordPicker *picker = NULL;
  GtkWidget *choose;

  part.title = entry_row_new (self, self->risks_group, _("Risk"), risk != NULL ? lia_risk_get_title (risk) : "",
                              _("Remove Risk"));
  part.description = lia_editor_add_entry (editor, self->risks_group, _("Description"),
                                           risk != NULL ? lia_risk_get_description (risk) : "");
  part.scores = adw_action_row_new ();
  /* Translators: the row of a risk's likelihood and impact spin buttons. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (part.scores), _("Likelihood × Impact"));
  part.second = score_spin_new (self, _("Likelihood"), risk != NULL ? lia_risk_get_likelihood (risk) : 3);
  part.third = score_spin_new (self, _("Impact"), risk != NULL ? lia_risk_get_impact (risk) : 3);
  adw_action_row_add_suffix (ADW_ACTION_ROW (part.scores), part.second);
  adw_action_row_add_suffix (ADW_ACTION_ROW (part.scores), part.third);
  adw_preferences_group_add (group, part.scores);
  part.fourth = lia_editor_add_combo (editor, self->risks_group, _("Status"), statuses,
                                      risk != NULL ? lia_risk_get_status (risk) : LIA_RISK_STATUS_OPEN);

  /* The owner: a contact, chosen like the other records the editors point to. */
  part.owner_id = risk != NULL ? lia_risk_get_owner_id (risk) : 0;
  part.owner = adw_action_row_new ();
  /* Translators: the contact who owns a risk in a project's risk register. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (part.owner), _("Risk Owner"));
  g_object_set_data (G_OBJECT (part.owner), "editor", self);
  choose = lia_record_picker_button_new (lia_editor_get_store (editor), 1u << LIA_RECORD_KIND_CONTACT,
                                         _("Choose…"), &picker);
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  lia_record_picker_button_set_name (choose, _("Choose the Risk Owner"));
  g_signal_connect_object (picker, "picked", G_CALLBACK (on_risk_owner_picked_cb), part.owner, 0);
  part.owner_clear = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  gtk_widget_set_valign (part.owner_clear, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (part.owner_clear, "flat");
  gtk_widget_set_tooltip_text (part.owner_clear, _("No Risk Owner"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (part.owner_clear), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("No Risk Owner"), -1);
  g_signal_connect (part.owner_clear, "clicked", G_CALLBACK (on_risk_owner_clear_cb), part.owner);
  adw_action_row_add_suffix (ADW_ACTION_ROW (part.owner), part.owner_clear);
  adw_action_row_add_suffix (ADW_ACTION_ROW (part.owner), choose);
  adw_preferences_group_add (group, part.owner);
  lia_editor_add_field (editor, part.owner);

  part.mitigation = lia_editor_add_entry (editor, self->risks_group, _("Mitigation"),
                                          risk != NULL ? lia_risk_get_mitigation (risk) : "");
  part.review = lia_editor_add_date (editor, self->risks_group, _("Next Review"),
                                     risk != NULL ? lia_risk_get_review (risk) : NULL);
  g_array_append_val (self->risks, part);
  update_risk_owner (self, &g_array_index (self->risks, Part, self->risks->len - 1));
}

static void
on_stakeholder_picked_cb (LiaProjectEditor *self,
                          int               kind,
                          gint64            id)
{
  add_stakeholder (self, kind, id, "");
  lia_editor_changed (LIA_EDITOR (self));
}

static void
on_add_milestone_cb (LiaProjectEditor *self)
{
  add_milestone (self, NULL);
  lia_editor_changed (LIA_EDITOR (self));
}

static void
on_add_risk_cb (LiaProjectEditor *self)
{
  add_risk (self, NULL);
  lia_editor_changed (LIA_EDITOR (self));
}

static GtkWidget *
add_button_new (const char *label)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
lia_project_editor_load (LiaEditor *editor,
                         LiaRecord *record)
{
  LiaProjectEditor *self = LIA_PROJECT_EDITOR (editor);
  LiaProject *project = LIA_PROJECT (record);
  GListModel *stakeholders = lia_project_get_stakeholders (project);
  GListModel *milestones = lia_project_get_milestones (project);
  GListModel *risks = lia_project_get_risks (project);
  const char *statuses[] = { _("Planned"), _("Active"), _("On hold"), _("Completed"), _("Cancelled"), NULL };
  LiaRecordPicker *picker = NULL;
  GtkWidget *group, *button;

  gtk_window_set_title (GTK_WINDOW (self), lia_editor_is_new (editor) ? _("New Project") : _("Edit Project"));

  group = lia_editor_add_group (editor, NULL, NULL);
  self->name = lia_editor_add_entry (editor, group, _("_Name"), lia_project_get_name (project));
  self->status = lia_editor_add_combo (editor, group, _("_Status"), statuses, lia_project_get_status (project));
  self->start = lia_editor_add_date (editor, group, _("S_tart"), lia_project_get_start (project));
  self->end = lia_editor_add_date (editor, group, _("_End"), lia_project_get_end (project));
  self->owner = lia_editor_add_entry (editor, group, _("_Owner"), lia_project_get_owner (project));
  self->summary = lia_editor_add_text (editor, _("Summary"), lia_project_get_summary (project));

  self->stakeholders_group = lia_editor_add_group (editor, _("Stakeholders"),
                                                   _("Who has a stake in it: funder, implementer, beneficiary, regulator…"));
  button = lia_record_picker_button_new (lia_editor_get_store (editor),
                                         (1u << LIA_RECORD_KIND_CONTACT) | (1u << LIA_RECORD_KIND_ORGANIZATION),
                                         _("_Add Stakeholder…"), &picker);
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
  gtk_widget_add_css_class (button, "flat");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->stakeholders_group), button);
  g_signal_connect_object (picker, "picked", G_CALLBACK (on_stakeholder_picked_cb), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < g_list_model_get_n_items (stakeholders); i++)
    {
      g_autoptr(LiaProjectStakeholder) stakeholder = g_list_model_get_item (stakeholders, i);
      gint64 contact_id = lia_project_stakeholder_get_contact_id (stakeholder);

      add_stakeholder (self, contact_id > 0 ? LIA_RECORD_KIND_CONTACT : LIA_RECORD_KIND_ORGANIZATION,
                       contact_id > 0 ? contact_id : lia_project_stakeholder_get_organization_id (stakeholder),
                       lia_project_stakeholder_get_role (stakeholder));
    }

  self->milestones_group = lia_editor_add_group (editor, _("Milestones"), NULL);
  button = add_button_new (_("Add _Milestone"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_add_milestone_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->milestones_group), button);
  for (guint i = 0; i < g_list_model_get_n_items (milestones); i++)
    {
      g_autoptr(LiaMilestone) milestone = g_list_model_get_item (milestones, i);

      add_milestone (self, milestone);
    }

  self->risks_group = lia_editor_add_group (editor, _("Risks"), NULL);
  button = add_button_new (_("Add _Risk"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_add_risk_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->risks_group), button);
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(LiaRisk) risk = g_list_model_get_item (risks, i);

      add_risk (self, risk);
    }

  self->notes = lia_editor_add_text (editor, _("Notes"), lia_project_get_notes (project));
}

static gboolean
lia_project_editor_apply (LiaEditor  *editor,
                          LiaRecord  *record,
                          GError    **error)
{
  LiaProjectEditor *self = LIA_PROJECT_EDITOR (editor);
  LiaProject *project = LIA_PROJECT (record);
  g_autofree char *summary = lia_editor_dup_text (self->summary);
  g_autofree char *notes = lia_editor_dup_text (self->notes);
  g_autoptr(GDate) start = NULL;
  g_autoptr(GDate) end = NULL;
  gboolean dates_read;

  lia_project_set_name (project, lia_editor_entry_text (self->name));
  lia_editor_require_text (editor, self->name);
  lia_project_set_status (project, adw_combo_row_get_selected (ADW_COMBO_ROW (self->status)));
  lia_project_set_owner (project, lia_editor_entry_text (self->owner));
  lia_project_set_summary (project, summary);
  lia_project_set_notes (project, notes);

  dates_read = lia_editor_get_date (editor, self->start, &start);
  dates_read = lia_editor_get_date (editor, self->end, &end) && dates_read;
  if (dates_read && start != NULL && end != NULL && g_date_compare (end, start) < 0)
    lia_editor_report (editor, self->end, _("before the day it starts"));
  lia_project_set_start (project, start);
  lia_project_set_end (project, end);

  lia_project_clear_stakeholders (project);
  for (guint i = 0; i < self->stakeholders->len; i++)
    {
      Part *part = &g_array_index (self->stakeholders, Part, i);
      const char *role = gtk_editable_get_text (GTK_EDITABLE (part->title));
      g_autoptr(LiaProjectStakeholder) stakeholder = part->kind == LIA_RECORD_KIND_CONTACT
                                                     ? lia_project_stakeholder_new_contact (part->id, role)
                                                     : lia_project_stakeholder_new_organization (part->id, role);

      lia_project_add_stakeholder (project, stakeholder);
    }

  while (g_list_model_get_n_items (lia_project_get_milestones (project)) > 0)
    lia_project_remove_milestone (project, 0);
  for (guint i = 0; i < self->milestones->len; i++)
    {
      Part *part = &g_array_index (self->milestones, Part, i);
      g_autoptr(LiaMilestone) milestone = part->original != NULL ? lia_milestone_copy (LIA_MILESTONE (part->original))
                                                                 : lia_milestone_new (NULL);
      g_autoptr(GDate) due = NULL;

      lia_milestone_set_title (milestone, lia_editor_entry_text (part->title));
      lia_editor_require_text (editor, part->title);
      if (lia_editor_get_date (editor, part->second, &due))
        lia_milestone_set_due (milestone, due);
      lia_project_add_milestone (project, milestone);
    }

  while (g_list_model_get_n_items (lia_project_get_risks (project)) > 0)
    lia_project_remove_risk (project, 0);
  for (guint i = 0; i < self->risks->len; i++)
    {
      Part *part = &g_array_index (self->risks, Part, i);
      g_autoptr(LiaRisk) risk = part->original != NULL ? lia_risk_copy (LIA_RISK (part->original))
                                                       : lia_risk_new (NULL);
      g_autoptr(GDate) review = NULL;

      lia_risk_set_title (risk, lia_editor_entry_text (part->title));
      lia_editor_require_text (editor, part->title);
      lia_risk_set_likelihood (risk, gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (part->second)));
      lia_risk_set_impact (risk, gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (part->third)));
      lia_risk_set_status (risk, adw_combo_row_get_selected (ADW_COMBO_ROW (part->fourth)));
      lia_risk_set_description (risk, lia_editor_entry_text (part->description));
      lia_risk_set_owner_id (risk, part->owner_id);
      lia_risk_set_mitigation (risk, lia_editor_entry_text (part->mitigation));
      if (lia_editor_get_date (editor, part->review, &review))
        lia_risk_set_review (risk, review);
      lia_project_add_risk (project, risk);
    }

  return TRUE;
}

static void
lia_project_editor_finalize (GObject *object)
{
  LiaProjectEditor *self = (LiaProjectEditor *) object;

  g_clear_pointer (&self->stakeholders, g_array_unref);
  g_clear_pointer (&self->milestones, g_array_unref);
  g_clear_pointer (&self->risks, g_array_unref);

  G_OBJECT_CLASS (lia_project_editor_parent_class)->finalize (object);
}

static void
lia_project_editor_class_init (LiaProjectEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LiaEditorClass *editor_class = LIA_EDITOR_CLASS (klass);

  object_class->finalize = lia_project_editor_finalize;

  editor_class->load = lia_project_editor_load;
  editor_class->apply = lia_project_editor_apply;
}

static void
lia_project_editor_init (LiaProjectEditor *self)
{
  self->stakeholders = g_array_new (FALSE, TRUE, sizeof (Part));
  self->milestones = g_array_new (FALSE, TRUE, sizeof (Part));
  self->risks = g_array_new (FALSE, TRUE, sizeof (Part));
  g_array_set_clear_func (self->stakeholders, part_clear);
  g_array_set_clear_func (self->milestones, part_clear);
  g_array_set_clear_func (self->risks, part_clear);
}

LiaProjectEditor *
lia_project_editor_new (LiaStore   *store,
                        LiaProject *project)
{
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (LIA_IS_PROJECT (project), NULL);

  return g_object_new (LIA_TYPE_PROJECT_EDITOR,
                       "store", store,
                       "record", project,
                       NULL);
}
