/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-commitment-editor.h"
#include "lia-concern-editor.h"
#include "lia-contact-editor.h"
#include "lia-interaction-editor.h"
#include "lia-organization-editor.h"
#include "lia-project-editor.h"
#include "lia-ui-util.h"
#include "lia-window-private.h"

void
_lia_window_undo_entry_free (gpointer data)
{
  LiaUndoEntry *entry = data;

  g_clear_object (&entry->deletion);
  g_clear_pointer (&entry->reassessment, lia_reassessment_free);
  g_free (entry);
}

static void
push_undo (LiaWindow    *self,
           LiaUndoEntry *entry,
           const char   *message)
{
  AdwToast *toast = adw_toast_new (message);

  g_queue_push_head (&self->undo, entry);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  _lia_window_show_toast (self, toast);
  _lia_window_update_actions (self);
}

/* --- editors ------------------------------------------------------------------------------ */

static void
on_editor_saved_cb (LiaWindow *self,
                    LiaRecord *record)
{
  LiaRecordKind kind = lia_record_get_kind (record);

  if (kind != LIA_RECORD_KIND_AFFILIATION)
    _lia_window_open_record (self, kind, lia_record_get_id (record));
}

static void
present_editor (LiaWindow *self,
                LiaEditor *editor)
{
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static LiaEditor *
editor_for (LiaWindow *self,
            LiaRecord *record)
{
  switch (lia_record_get_kind (record))
    {
    case LIA_RECORD_KIND_ORGANIZATION:
      return LIA_EDITOR (lia_organization_editor_new (self->store, LIA_ORGANIZATION (record)));
    case LIA_RECORD_KIND_CONTACT:
      return LIA_EDITOR (lia_contact_editor_new (self->store, LIA_CONTACT (record)));
    case LIA_RECORD_KIND_INTERACTION:
      return LIA_EDITOR (lia_interaction_editor_new (self->store, LIA_INTERACTION (record)));
    case LIA_RECORD_KIND_COMMITMENT:
      return LIA_EDITOR (lia_commitment_editor_new (self->store, LIA_COMMITMENT (record)));
    case LIA_RECORD_KIND_CONCERN:
      return LIA_EDITOR (lia_concern_editor_new (self->store, LIA_CONCERN (record)));
    case LIA_RECORD_KIND_PROJECT:
      return LIA_EDITOR (lia_project_editor_new (self->store, LIA_PROJECT (record)));
    case LIA_RECORD_KIND_AFFILIATION:
    default:
      return NULL;
    }
}

static LiaRecord *
new_record (LiaRecordKind kind,
            LiaRecordKind party_kind,
            gint64        party_id)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) today = lia_date_new_today ();

  switch (kind)
    {
    case LIA_RECORD_KIND_CONTACT:
      return LIA_RECORD (lia_contact_new ("", ""));

    case LIA_RECORD_KIND_INTERACTION:
      {
        /* Now, to the minute: "the call I just had" is logged as it ends. */
        g_autoptr(GDateTime) at = g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (now),
                                                   g_date_time_get_month (now), g_date_time_get_day_of_month (now),
                                                   g_date_time_get_hour (now), g_date_time_get_minute (now), 0);
        LiaInteraction *interaction = lia_interaction_new (LIA_INTERACTION_KIND_MEETING, at, "");

        if (party_id != 0 && party_kind == LIA_RECORD_KIND_CONTACT)
          lia_interaction_add_contact (interaction, party_id);
        else if (party_id != 0)
          lia_interaction_add_organization (interaction, party_id);
        return LIA_RECORD (interaction);
      }

    case LIA_RECORD_KIND_COMMITMENT:
      {
        LiaCommitment *commitment = lia_commitment_new (LIA_COMMITMENT_DIRECTION_OURS, "");

        if (party_id != 0 && party_kind == LIA_RECORD_KIND_CONTACT)
          lia_commitment_set_contact_id (commitment, party_id);
        else if (party_id != 0 && party_kind == LIA_RECORD_KIND_INTERACTION)
          /* Promised there: the editor fills in who with it, when that is clear. */
          lia_commitment_set_interaction_id (commitment, party_id);
        else if (party_id != 0)
          lia_commitment_set_organization_id (commitment, party_id);
        return LIA_RECORD (commitment);
      }

    case LIA_RECORD_KIND_CONCERN:
      {
        LiaConcern *concern = lia_concern_new ("");
        g_autoptr(LiaConcernParty) party = NULL;

        lia_concern_set_opened (concern, today);
        if (party_id != 0)
          {
            party = party_kind == LIA_RECORD_KIND_CONTACT
                    ? lia_concern_party_new_contact (party_id, "")
                    : lia_concern_party_new_organization (party_id, "");
            lia_concern_add_party (concern, party);
          }
        return LIA_RECORD (concern);
      }

    case LIA_RECORD_KIND_PROJECT:
      {
        LiaProject *project = lia_project_new ("");

        lia_project_set_status (project, LIA_PROJECT_STATUS_ACTIVE);
        lia_project_set_start (project, today);
        if (party_id != 0)
          {
            g_autoptr(LiaProjectStakeholder) stakeholder =
              party_kind == LIA_RECORD_KIND_CONTACT ? lia_project_stakeholder_new_contact (party_id, "")
                                                    : lia_project_stakeholder_new_organization (party_id, "");
            lia_project_add_stakeholder (project, stakeholder);
          }
        return LIA_RECORD (project);
      }

    case LIA_RECORD_KIND_ORGANIZATION:
    case LIA_RECORD_KIND_AFFILIATION:
    default:
      return LIA_RECORD (lia_organization_new (""));
    }
}

static void
open_new_editor (LiaWindow     *self,
                 LiaRecordKind  kind,
                 LiaRecordKind  party_kind,
                 gint64         party_id)
{
  g_autoptr(LiaRecord) record = new_record (kind, party_kind, party_id);

  present_editor (self, editor_for (self, record));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LiaWindow *self = LIA_WINDOW (widget);

  open_new_editor (self, _lia_window_get_view_kind (self), 0, 0);
}

static void
with_party_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LiaWindow *self = LIA_WINDOW (widget);
  gint32 party_kind;
  gint64 party_id;
  LiaRecordKind kind;

  g_variant_get (parameter, "(ix)", &party_kind, &party_id);
  if (g_str_equal (action_name, "win.log-interaction"))
    kind = LIA_RECORD_KIND_INTERACTION;
  else if (g_str_equal (action_name, "win.add-commitment"))
    kind = LIA_RECORD_KIND_COMMITMENT;
  else
    kind = LIA_RECORD_KIND_CONCERN;

  open_new_editor (self, kind, party_kind, party_id);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LiaWindow *self = LIA_WINDOW (widget);
  LiaRecord *record;
  LiaEditor *editor;

  if (self->current_id == 0)
    return;

  record = lia_detail_get_record (self->details[self->current_kind]);
  if (record == NULL || (editor = editor_for (self, record)) == NULL)
    return;

  present_editor (self, editor);
}

/* --- delete and undo ---------------------------------------------------------------------- */

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LiaWindow *self = LIA_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaRecord) record = NULL;
  g_autofree char *message = NULL;
  LiaDeletion *deletion;
  LiaUndoEntry *entry;

  if (self->current_id == 0 || lia_detail_get_record (self->details[self->current_kind]) == NULL)
    return;

  record = g_object_ref (lia_detail_get_record (self->details[self->current_kind]));
  deletion = lia_store_delete_with_undo (self->store, record, &error);
  if (deletion == NULL)
    {
      _lia_window_show_message (self, error->message);
      return;
    }

  _lia_window_clear_detail (self);
  entry = g_new0 (LiaUndoEntry, 1);
  entry->deletion = deletion;
  /* Translators: a toast after a delete, with an Undo button. */
  message = g_strdup_printf (_("“%s” deleted"), lia_record_get_label (lia_deletion_get_record (deletion)));
  push_undo (self, entry, message);
}

/* Sets the status of commitment @id; with @out_before, says what it was (status and done
 * day) for Undo. @done_julian, when not 0, is the day it was done (an Undo of Reopen keeps
 * the day it was really done, not today). */
static gboolean
set_commitment_status (LiaWindow            *self,
                       gint64                id,
                       LiaCommitmentStatus   status,
                       guint32               done_julian,
                       LiaUndoEntry         *out_before)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaRecord) record = lia_store_load (self->store, LIA_RECORD_KIND_COMMITMENT, id, &error);
  LiaCommitment *commitment;

  if (record == NULL)
    {
      _lia_window_show_message (self, error->message);
      return FALSE;
    }

  commitment = LIA_COMMITMENT (record);
  if (out_before != NULL)
    {
      const GDate *done = lia_commitment_get_done_date (commitment);

      out_before->status = lia_commitment_get_status (commitment);
      out_before->done_julian = done != NULL ? g_date_get_julian (done) : 0;
    }
  lia_commitment_set_status (commitment, status);
  if (status == LIA_COMMITMENT_STATUS_DONE && done_julian != 0)
    {
      g_autoptr(GDate) done = g_date_new_julian (done_julian);

      lia_commitment_set_done_date (commitment, done);
    }
  if (!lia_store_save (self->store, record, &error))
    {
      _lia_window_show_message (self, error->message);
      return FALSE;
    }

  return TRUE;
}

static void
mark_done_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LiaWindow *self = LIA_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  gboolean done = g_str_equal (action_name, "win.mark-done");
  LiaUndoEntry before = { 0 };
  LiaUndoEntry *entry;
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;

  if (!set_commitment_status (self, id, done ? LIA_COMMITMENT_STATUS_DONE : LIA_COMMITMENT_STATUS_OPEN,
                              0, &before))
    return;

  label = lia_ui_dup_record_label (self->store, LIA_RECORD_KIND_COMMITMENT, id);
  entry = g_new0 (LiaUndoEntry, 1);
  entry->commitment_id = id;
  entry->status = before.status;
  entry->done_julian = before.done_julian;
  /* Translators: toasts after marking a commitment done or open again, with an Undo button. */
  message = g_strdup_printf (done ? _("“%s” done") : _("“%s” reopened"), label);
  push_undo (self, entry, message);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LiaWindow *self = LIA_WINDOW (widget);
  LiaUndoEntry *entry = g_queue_pop_head (&self->undo);
  g_autoptr(GError) error = NULL;

  if (entry == NULL)
    return;

  if (entry->deletion != NULL)
    {
      g_autoptr(LiaRecord) restored = lia_store_undo_deletion (self->store, entry->deletion, &error);

      if (restored == NULL)
        _lia_window_show_message (self, error->message);
      else
        _lia_window_open_record (self, lia_record_get_kind (restored), lia_record_get_id (restored));
    }
  else if (entry->reassessment != NULL)
    {
      if (!lia_store_undo_reassessment (self->store, entry->reassessment, &error))
        _lia_window_show_message (self, error->message);
    }
  else
    {
      set_commitment_status (self, entry->commitment_id, entry->status, entry->done_julian, NULL);
    }

  _lia_window_undo_entry_free (entry);
  _lia_window_update_actions (self);
}

void
_lia_window_push_reassessment (LiaWindow       *self,
                               LiaReassessment *reassessment,
                               const char      *message)
{
  LiaUndoEntry *entry = g_new0 (LiaUndoEntry, 1);

  g_return_if_fail (LIA_IS_WINDOW (self));

  entry->reassessment = lia_reassessment_copy (reassessment);
  push_undo (self, entry, message);
}

/* --- navigation and the rest -------------------------------------------------------------- */

static void
open_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gint32 kind;
  gint64 id;

  g_variant_get (parameter, "(ix)", &kind, &id);
  _lia_window_open_record (LIA_WINDOW (widget), kind, id);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LiaWindow *self = LIA_WINDOW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  adw_leaflet_navigate (LIA_WINDOW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LiaWindow *self = LIA_WINDOW (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), g_variant_get_string (parameter, NULL));
  _lia_window_show_toast (self, adw_toast_new (_("Copied to clipboard")));
}

static void
on_launch_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LiaWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    _lia_window_show_message (self, error->message);
}

static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  g_autoptr(GdkAppLaunchContext) context = gdk_display_get_app_launch_context (gtk_widget_get_display (widget));

  g_app_info_launch_default_for_uri_async (g_variant_get_string (parameter, NULL),
                                           G_APP_LAUNCH_CONTEXT (context), NULL,
                                           on_launch_done_cb, g_object_ref (widget));
}

static void
exchange_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LiaWindow *self = LIA_WINDOW (widget);

  if (g_str_equal (action_name, "win.import"))
    _lia_window_import (self);
  else if (g_str_equal (action_name, "win.export"))
    _lia_window_export (self);
  else if (g_str_equal (action_name, "win.copy-to-local"))
    _lia_window_copy (self, FALSE);
  else if (g_str_equal (action_name, "win.copy-to-server"))
    _lia_window_copy (self, TRUE);
  else if (g_str_equal (action_name, "win.print-briefing"))
    _lia_window_print_briefing (self);
  else
    _lia_window_explore_sample (self);
}

/* Keyboard Shortcuts: a window made when asked for, destroyed when closed. Not GtkApplication's
 * help overlay (gtk/help-overlay.ui under the resource base path), which it makes hidden with
 * every main window: GTK 4.8's AT-SPI root answers a screen reader that asks for a window past
 * the visible ones (one closed between its two questions, as when an editor saves) with the
 * last window in gtk_window_get_toplevels (), shown or not. That never-shown window has no
 * object path, so the answer was a GLib-CRITICAL (g_variant_is_object_path), fatal in the
 * tests. The file keeps its name in the sources; its resource is lia-shortcuts-window.ui. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/liaison/Liaison/lia-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_set_destroy_with_parent (shortcuts, TRUE);
  gtk_window_present (shortcuts);
}

static void
start_empty_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LiaWindow *self = LIA_WINDOW (widget);

  self->first_run_dismissed = TRUE;
  gtk_stack_set_visible_child_name (self->main_stack, "browse");
}

void
_lia_window_class_add_actions (GtkWidgetClass *widget_class)
{
  static const char * const views[] = { "organizations", "contacts", "timeline", "follow-ups" };

  gtk_widget_class_install_property_action (widget_class, "win.view", "view");
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.log-interaction", "(ix)", with_party_action);
  gtk_widget_class_install_action (widget_class, "win.add-commitment", "(ix)", with_party_action);
  gtk_widget_class_install_action (widget_class, "win.add-concern", "(ix)", with_party_action);
  gtk_widget_class_install_action (widget_class, "win.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "win.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.mark-done", "x", mark_done_action);
  gtk_widget_class_install_action (widget_class, "win.reopen", "x", mark_done_action);
  gtk_widget_class_install_action (widget_class, "win.open-record", "(ix)", open_record_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.copy", "s", copy_action);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, exchange_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, exchange_action);
  gtk_widget_class_install_action (widget_class, "win.copy-to-local", NULL, exchange_action);
  gtk_widget_class_install_action (widget_class, "win.copy-to-server", NULL, exchange_action);
  gtk_widget_class_install_action (widget_class, "win.print-briefing", NULL, exchange_action);
  gtk_widget_class_install_action (widget_class, "win.explore-sample", NULL, exchange_action);
  gtk_widget_class_install_action (widget_class, "win.start-empty", NULL, start_empty_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);

  /* Bindings, not application accelerators: they work in a window made without the
   * application (tests), and Delete and Ctrl+Z reach a text field first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print-briefing", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK,
                                       "win.show-help-overlay", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK, "win.view", "s", views[i]);
  /* The start page, first in the sidebar, and the views after the first four. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_ALT_MASK, "win.view", "s", "today");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_ALT_MASK, "win.view", "s", "map");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_6, GDK_ALT_MASK, "win.view", "s", "concerns");
}
