/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lia-briefing-map.h"
#include "lia-stakeholder-map.h"
#include "lia-ui-util.h"

/* Avatars a cell shows before "+N"; the last slot is the cell's menu button. */
#define SLOTS_PER_CELL 5
/* The "+N" list shows at most this many; the lists' filters find the rest. */
#define CELL_LIST_LIMIT 200

struct _LiaStakeholderMap
{
  GtkWidget     parent_instance;

  LiaStore     *store;
  gulong        changed_handler;
  gulong        reset_handler;
  guint         reload_source;
  gboolean      dirty;            /* changed while not shown: reload when shown */
  LiaMap       *map;
  guint         kinds;
  guint         stances;
  char         *sector;
  char         *tag;
  GDate        *as_of;
  /* Avatar widget → the LiaMapEntry it shows (owned by map). */
  GHashTable   *avatar_entries;
  GPtrArray    *popup_entries;    /* the LiaMapEntry rows of the open cell list */
  GtkFileChooserNative *chooser;

  /* Template widgets */
  GtkWidget    *box;
  GtkGrid      *grid;
  GtkMenuButton *as_of_button;
  GtkLabel     *as_of_label;
  GtkCalendar  *as_of_calendar;
  GtkWidget    *as_of_banner;
  GtkDropDown  *kind_dropdown;
  GtkBox       *stance_box;
  GtkEditable  *sector_entry;
  GtkEditable  *tag_entry;
  GtkFlowBox   *legend;
  GtkLabel     *summary_label;
  GtkWidget    *cells[LIA_MAP_SIZE][LIA_MAP_SIZE];  /* [influence − 1][interest − 1] */
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  RECORD_ACTIVATED,
  REASSESSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LiaStakeholderMap, lia_stakeholder_map, GTK_TYPE_WIDGET)

static void
fill_query (LiaStakeholderMap *self,
            LiaMapQuery       *query)
{
  lia_map_query_init (query);
  query->kinds = self->kinds;
  query->stances = self->stances;
  query->sector = self->sector;
  query->tag = self->tag;
  query->as_of = self->as_of;
}

static const char *
stance_css_class (LiaStance stance)
{
  switch (stance)
    {
    case LIA_STANCE_ADVOCATE: return "stance-advocate";
    case LIA_STANCE_SUPPORTIVE: return "stance-supportive";
    case LIA_STANCE_NEUTRAL: return "stance-neutral";
    case LIA_STANCE_CONCERNED: return "stance-concerned";
    case LIA_STANCE_OPPOSED: return "stance-opposed";
    case LIA_STANCE_UNKNOWN:
    default: return "stance-unknown";
    }
}

static const char *
quadrant_css_class (LiaQuadrant quadrant)
{
  switch (quadrant)
    {
    case LIA_QUADRANT_MANAGE_CLOSELY: return "manage-closely";
    case LIA_QUADRANT_KEEP_SATISFIED: return "keep-satisfied";
    case LIA_QUADRANT_KEEP_INFORMED: return "keep-informed";
    case LIA_QUADRANT_MONITOR:
    case LIA_QUADRANT_NONE:
    default: return "monitor";
    }
}

/* "Amina Diallo, opposed": a name with its stance in words, never the colour alone. */
static char *
describe_entry (const LiaMapEntry *entry)
{
  /* Translators: a stakeholder on the map and their stance: "Amina Diallo, opposed". */
  return g_strdup_printf (C_("map entry", "%s, %s"), entry->name,
                          lia_labels_stance (entry->stance));
}

static gboolean
cell_position (LiaStakeholderMap *self,
               GtkWidget         *widget,
               int               *out_influence,
               int               *out_interest)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    for (int i = 0; i < LIA_MAP_SIZE; i++)
      for (int j = 0; j < LIA_MAP_SIZE; j++)
        if (self->cells[i][j] == widget)
          {
            *out_influence = i + 1;
            *out_interest = j + 1;
            return TRUE;
          }

  return FALSE;
}

static void
show_message (LiaStakeholderMap *self,
              const char        *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_warning ("%s", message);
}

static void
move_to (LiaStakeholderMap *self,
         LiaRecordKind      kind,
         gint64             id,
         int                influence,
         int                interest)
{
  g_autoptr(LiaReassessment) move = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;

  if (self->store == NULL || influence < 1 || influence > LIA_MAP_SIZE ||
      interest < 1 || interest > LIA_MAP_SIZE)
    return;

  if (!(move = lia_store_reassess (self->store, kind, id, influence, interest, &error)))
    {
      show_message (self, error->message);
      return;
    }

  label = lia_ui_dup_record_label (self->store, kind, id);
  /* Translators: a toast after a move on the stakeholder map, with an Undo button:
   * "“Amina Diallo” moved to Manage closely (influence 5, interest 4)". */
  message = g_strdup_printf (_("“%s” moved to %s (influence %d, interest %d)"), label,
                             lia_briefing_map_quadrant_label (lia_quadrant_from_assessment (influence, interest)),
                             influence, interest);
  /* Show the map as it is now at once; the store's "changed" would do it on idle. */
  lia_stakeholder_map_reload (self);
  g_signal_emit (self, signals[REASSESSED], 0, move, message);
}

/* --- the "+N" list and "Move to…" ----------------------------------------------------------- */

static GMenuModel *
move_menu (LiaRecordKind kind,
           gint64        id,
           int           from_influence,
           int           from_interest)
{
  GMenu *menu = g_menu_new ();

  for (int influence = LIA_MAP_SIZE; influence >= 1; influence--)
    {
      g_autoptr(GMenu) submenu = g_menu_new ();
      /* Translators: a submenu of "Move to…" on the stakeholder map. */
      g_autofree char *title = g_strdup_printf (_("Influence %d"), influence);

      for (int interest = 1; interest <= LIA_MAP_SIZE; interest++)
        {
          /* Translators: an item of "Move to…": "Interest 4 (Manage closely)". */
          g_autofree char *item_label =
            g_strdup_printf (_("Interest %d (%s)"), interest,
                             lia_briefing_map_quadrant_label (lia_quadrant_from_assessment (influence, interest)));
          g_autoptr(GMenuItem) item = g_menu_item_new (item_label, NULL);

          if (influence == from_influence && interest == from_interest)
            continue;
          g_menu_item_set_action_and_target_value (item, "map.move-to",
                                                   g_variant_new ("(ixii)", kind, id, influence, interest));
          g_menu_append_item (submenu, item);
        }
      g_menu_append_submenu (menu, title, G_MENU_MODEL (submenu));
    }

  return G_MENU_MODEL (menu);
}

static void
on_cell_row_activated_cb (GtkListBox    *list,
                          GtkListBoxRow *row,
                          gpointer       user_data)
{
  LiaStakeholderMap *self = user_data;
  int index = gtk_list_box_row_get_index (row);
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_POPOVER);
  GPtrArray *entries = self->popup_entries;
  const LiaMapEntry *entry;

  if (entries == NULL || index < 0 || (guint) index >= entries->len)
    return;
  entry = entries->pdata[index];
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  g_signal_emit (self, signals[RECORD_ACTIVATED], 0, (int) entry->kind, entry->id);
}

static GtkWidget *
avatar_new (const LiaMapEntry *entry,
            int                size)
{
  GtkWidget *ring = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *avatar = adw_avatar_new (size, entry->name, TRUE);
  g_autofree char *description = describe_entry (entry);

  gtk_widget_add_css_class (ring, "map-avatar");
  gtk_widget_add_css_class (ring, stance_css_class (entry->stance));
  gtk_widget_set_halign (ring, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (ring, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (ring), avatar);
  gtk_widget_set_tooltip_text (ring, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (avatar), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);

  return ring;
}

/* The popover of a cell: every stakeholder in it (up to a limit), each opening its record and
 * with "Move to…" for the keyboard. */
static void
create_cell_popup_cb (GtkMenuButton *button,
                      gpointer       user_data)
{
  LiaStakeholderMap *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  GtkWidget *popover, *scroller, *list, *box;
  LiaMapQuery query;
  int influence, interest;
  guint count;

  if (!cell_position (self, GTK_WIDGET (button), &influence, &interest) || self->map == NULL)
    return;

  fill_query (self, &query);
  if (!(entries = lia_store_list_map_cell (self->store, &query, influence, interest, CELL_LIST_LIMIT, &error)))
    {
      show_message (self, error->message);
      return;
    }
  count = self->map->counts[influence - 1][interest - 1];

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  {
    g_autofree char *heading =
      /* Translators: the heading of a cell's list on the stakeholder map. */
      g_strdup_printf (_("%s: influence %d, interest %d"),
                       lia_briefing_map_quadrant_label (lia_quadrant_from_assessment (influence, interest)),
                       influence, interest);
    GtkWidget *label = gtk_label_new (heading);

    gtk_widget_add_css_class (label, "heading");
    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_box_append (GTK_BOX (box), label);
  }

  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Stakeholders in this cell"), -1);
  for (guint i = 0; i < entries->len; i++)
    {
      const LiaMapEntry *entry = entries->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *move_label = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), lia_labels_stance (entry->stance));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), avatar_new (entry, 24));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      if (self->as_of == NULL)
        {
          g_autoptr(GMenuModel) menu = move_menu (entry->kind, entry->id, influence, interest);
          GtkWidget *move = gtk_menu_button_new ();

          gtk_menu_button_set_label (GTK_MENU_BUTTON (move), _("Move to…"));
          gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (move), menu);
          gtk_widget_set_valign (move, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (move, "flat");
          /* Translators: the accessible name of "Move to…" beside a stakeholder. */
          move_label = g_strdup_printf (_("Move “%s” to…"), entry->name);
          gtk_accessible_update_property (GTK_ACCESSIBLE (move), GTK_ACCESSIBLE_PROPERTY_LABEL, move_label, -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), move);
        }
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  g_signal_connect (list, "row-activated", G_CALLBACK (on_cell_row_activated_cb), self);
  g_clear_pointer (&self->popup_entries, g_ptr_array_unref);
  self->popup_entries = g_steal_pointer (&entries);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_box_append (GTK_BOX (box), scroller);
  if (count > CELL_LIST_LIMIT)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("and %u more: narrow the map with its filters",
                                                         "and %u more: narrow the map with its filters",
                                                         count - CELL_LIST_LIMIT),
                                               count - CELL_LIST_LIMIT);
      GtkWidget *label = gtk_label_new (more);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (box), label);
    }

  popover = gtk_popover_new ();
  gtk_widget_set_size_request (box, 280, -1);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (button, popover);
}

/* --- the cells -------------------------------------------------------------------------------- */

static void
on_avatar_released_cb (GtkGestureClick *gesture,
                       int              n_press,
                       double           x,
                       double           y,
                       gpointer         user_data)
{
  LiaStakeholderMap *self = user_data;
  GtkWidget *avatar = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  const LiaMapEntry *entry = g_hash_table_lookup (self->avatar_entries, avatar);

  if (entry != NULL)
    g_signal_emit (self, signals[RECORD_ACTIVATED], 0, (int) entry->kind, entry->id);
}

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource *source,
                    double         x,
                    double         y,
                    gpointer       user_data)
{
  LiaStakeholderMap *self = user_data;
  GtkWidget *avatar = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  const LiaMapEntry *entry = g_hash_table_lookup (self->avatar_entries, avatar);
  g_autofree char *text = NULL;

  if (entry == NULL || self->as_of != NULL)
    return NULL;

  text = g_strdup_printf ("%s:%" G_GINT64_FORMAT, lia_enum_to_nick (LIA_TYPE_RECORD_KIND, entry->kind),
                          entry->id);
  return gdk_content_provider_new_typed (G_TYPE_STRING, text);
}

static void
on_drag_begin_cb (GtkDragSource *source,
                  GdkDrag       *drag,
                  gpointer       user_data)
{
  GtkWidget *avatar = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (avatar);

  gtk_drag_source_set_icon (source, paintable, 12, 12);
}

static gboolean
on_cell_drop_cb (GtkDropTarget *target,
                 const GValue  *value,
                 double         x,
                 double         y,
                 gpointer       user_data)
{
  LiaStakeholderMap *self = user_data;
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  const char *text = G_VALUE_HOLDS_STRING (value) ? g_value_get_string (value) : NULL;
  g_auto(GStrv) parts = NULL;
  int influence, interest, kind;
  gint64 id;

  if (text == NULL || self->as_of != NULL || !cell_position (self, cell, &influence, &interest))
    return FALSE;
  parts = g_strsplit (text, ":", 2);
  if (g_strv_length (parts) != 2 || !lia_enum_from_nick (LIA_TYPE_RECORD_KIND, parts[0], &kind, NULL) ||
      (kind != LIA_RECORD_KIND_ORGANIZATION && kind != LIA_RECORD_KIND_CONTACT) ||
      (id = g_ascii_strtoll (parts[1], NULL, 10)) <= 0)
    return FALSE;

  move_to (self, kind, id, influence, interest);
  return TRUE;
}

/* The cell's menu button: the last of its slots. */
static GtkWidget *
find_more_button (GtkWidget *cell)
{
  GtkWidget *slots = gtk_widget_get_first_child (cell);
  GtkWidget *last = slots != NULL ? gtk_widget_get_last_child (slots) : NULL;

  return last != NULL && GTK_IS_MENU_BUTTON (last) ? last : NULL;
}

/* Enter opens the record of a cell with one stakeholder, or the cell's list; arrows move
 * from cell to cell. */
static gboolean
on_cell_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        gpointer               user_data)
{
  LiaStakeholderMap *self = user_data;
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  int influence, interest;
  int d_influence = 0, d_interest = 0;

  if (!cell_position (self, cell, &influence, &interest))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up: case GDK_KEY_KP_Up: d_influence = 1; break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: d_influence = -1; break;
    case GDK_KEY_Left: case GDK_KEY_KP_Left: d_interest = gtk_widget_get_direction (cell) == GTK_TEXT_DIR_RTL ? 1 : -1; break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: d_interest = gtk_widget_get_direction (cell) == GTK_TEXT_DIR_RTL ? -1 : 1; break;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_ISO_Enter: case GDK_KEY_space:
    case GDK_KEY_Menu:
      {
        guint count = self->map != NULL ? self->map->counts[influence - 1][interest - 1] : 0;
        GPtrArray *entries = self->map != NULL ? self->map->cells[influence - 1][interest - 1] : NULL;
        GtkWidget *button = find_more_button (cell);

        if (count == 1 && keyval != GDK_KEY_Menu && entries != NULL && entries->len == 1)
          {
            const LiaMapEntry *entry = entries->pdata[0];

            g_signal_emit (self, signals[RECORD_ACTIVATED], 0, (int) entry->kind, entry->id);
          }
        else if (count > 0 && GTK_IS_MENU_BUTTON (button))
          gtk_menu_button_popup (GTK_MENU_BUTTON (button));
        return TRUE;
      }
    default:
      return FALSE;
    }

  influence += d_influence;
  interest += d_interest;
  if (influence >= 1 && influence <= LIA_MAP_SIZE && interest >= 1 && interest <= LIA_MAP_SIZE)
    gtk_widget_grab_focus (self->cells[influence - 1][interest - 1]);
  return TRUE;
}

/* "Manage closely, influence 5, interest 4: 3 stakeholders: Amina Diallo, opposed; …". */
static char *
describe_cell (LiaStakeholderMap *self,
               int                influence,
               int                interest)
{
  guint count = self->map->counts[influence - 1][interest - 1];
  GPtrArray *entries = self->map->cells[influence - 1][interest - 1];
  g_autoptr(GString) text = g_string_new (NULL);

  /* Translators: the start of a map cell's accessible description. */
  g_string_printf (text, _("%s, influence %d, interest %d: "),
                   lia_briefing_map_quadrant_label (lia_quadrant_from_assessment (influence, interest)),
                   influence, interest);
  if (count == 0)
    {
      g_string_append (text, _("nobody"));
      return g_string_free (g_steal_pointer (&text), FALSE);
    }
  g_string_append_printf (text, ngettext ("%u stakeholder", "%u stakeholders", count), count);
  for (guint i = 0; i < entries->len; i++)
    {
      g_autofree char *entry = describe_entry (entries->pdata[i]);

      g_string_append (text, i == 0 ? ": " : "; ");
      g_string_append (text, entry);
    }
  if (count > entries->len)
    {
      g_string_append (text, "; ");
      g_string_append_printf (text, ngettext ("and %u more", "and %u more", count - entries->len),
                              count - entries->len);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
fill_cell (LiaStakeholderMap *self,
           int                influence,
           int                interest)
{
  GtkWidget *cell = self->cells[influence - 1][interest - 1];
  guint count = self->map->counts[influence - 1][interest - 1];
  GPtrArray *entries = self->map->cells[influence - 1][interest - 1];
  guint shown = count > SLOTS_PER_CELL ? SLOTS_PER_CELL - 1 : MIN (count, SLOTS_PER_CELL);
  GtkWidget *slots = gtk_grid_new ();
  guint slot = 0;
  g_autofree char *description = describe_cell (self, influence, interest);

  lia_ui_remove_all (cell);
  /* Two to a line: the cell stays as narrow as the list pane needs (5 cells in 320 px). */
  gtk_grid_set_column_homogeneous (GTK_GRID (slots), TRUE);
  gtk_widget_set_halign (slots, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (slots, GTK_ALIGN_START);

  for (guint i = 0; i < shown && i < entries->len; i++)
    {
      const LiaMapEntry *entry = entries->pdata[i];
      GtkWidget *avatar = avatar_new (entry, 18);
      GtkGesture *click = gtk_gesture_click_new ();

      g_signal_connect (click, "released", G_CALLBACK (on_avatar_released_cb), self);
      gtk_widget_add_controller (avatar, GTK_EVENT_CONTROLLER (click));
      if (self->as_of == NULL)
        {
          GtkDragSource *source = gtk_drag_source_new ();

          gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
          g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare_cb), self);
          g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
          gtk_widget_add_controller (avatar, GTK_EVENT_CONTROLLER (source));
        }
      g_hash_table_insert (self->avatar_entries, avatar, (gpointer) entry);
      gtk_grid_attach (GTK_GRID (slots), avatar, slot % 2, slot / 2, 1, 1);
      slot++;
    }
  if (count > 0)
    {
      GtkWidget *more = gtk_menu_button_new ();
      g_autofree char *label = count > shown ? g_strdup_printf ("+%u", count - shown) : NULL;

      /* A child of its own: a labelled menu button would add an arrow, too wide here. */
      if (label != NULL)
        gtk_menu_button_set_child (GTK_MENU_BUTTON (more), gtk_label_new (label));
      else
        gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (more), "view-more-symbolic");
      gtk_widget_add_css_class (more, "flat");
      gtk_widget_add_css_class (more, "map-more");
      gtk_widget_set_focusable (more, FALSE);
      gtk_widget_set_tooltip_text (more, _("Everyone in this cell"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (more), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Everyone in this cell"), -1);
      gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (more), create_cell_popup_cb, self, NULL);
      gtk_grid_attach (GTK_GRID (slots), more, slot % 2, slot / 2, 1, 1);
    }
  gtk_box_append (GTK_BOX (cell), slots);

  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_widget_set_tooltip_text (cell, description);
}

static void
update_summary (LiaStakeholderMap *self)
{
  g_autofree char *text = NULL;

  if (self->map == NULL)
    return;
  text = g_strdup_printf (ngettext ("%u stakeholder on the map", "%u stakeholders on the map",
                                    self->map->total),
                          self->map->total);
  gtk_label_set_text (self->summary_label, text);
}

void
lia_stakeholder_map_reload (LiaStakeholderMap *self)
{
  g_autoptr(GError) error = NULL;
  LiaMapQuery query;
  LiaMap *map;

  g_return_if_fail (LIA_IS_STAKEHOLDER_MAP (self));

  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->dirty = FALSE;
  if (self->store == NULL)
    return;

  fill_query (self, &query);
  if (!(map = lia_store_get_map (self->store, &query, SLOTS_PER_CELL, &error)))
    {
      show_message (self, error->message);
      return;
    }

  g_hash_table_remove_all (self->avatar_entries);
  for (int i = 0; i < LIA_MAP_SIZE; i++)
    for (int j = 0; j < LIA_MAP_SIZE; j++)
      lia_ui_remove_all (self->cells[i][j]);
  g_clear_pointer (&self->map, lia_map_free);
  self->map = map;
  for (int influence = 1; influence <= LIA_MAP_SIZE; influence++)
    for (int interest = 1; interest <= LIA_MAP_SIZE; interest++)
      fill_cell (self, influence, interest);
  update_summary (self);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  LiaStakeholderMap *self = user_data;

  self->reload_source = 0;
  lia_stakeholder_map_reload (self);
  return G_SOURCE_REMOVE;
}

static void
queue_reload (LiaStakeholderMap *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_idle_cb, self);
}

static void
on_store_changed_cb (LiaStakeholderMap *self,
                     LiaRecordKind      kind)
{
  if (kind == LIA_RECORD_KIND_ORGANIZATION || kind == LIA_RECORD_KIND_CONTACT ||
      kind == LIA_RECORD_KIND_AFFILIATION)
    queue_reload (self);
}

static void
on_store_reset_cb (LiaStakeholderMap *self)
{
  queue_reload (self);
}

/* --- filters, as of, export -------------------------------------------------------------- */

static void
on_filter_changed_cb (LiaStakeholderMap *self)
{
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  const char *sector = gtk_editable_get_text (self->sector_entry);
  const char *tag = gtk_editable_get_text (self->tag_entry);
  guint stances = 0;
  int stance = LIA_STANCE_ADVOCATE;

  self->kinds = kind == 1 ? 1u << LIA_RECORD_KIND_ORGANIZATION : kind == 2 ? 1u << LIA_RECORD_KIND_CONTACT : 0;
  for (GtkWidget *check = gtk_widget_get_first_child (GTK_WIDGET (self->stance_box));
       check != NULL;
       check = gtk_widget_get_next_sibling (check), stance = stance < LIA_STANCE_OPPOSED ? stance + 1 : LIA_STANCE_UNKNOWN)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
      stances |= 1u << stance;
  self->stances = stances;
  g_free (self->sector);
  self->sector = lia_text_is_blank (sector) ? NULL : g_strstrip (g_strdup (sector));
  g_free (self->tag);
  self->tag = lia_text_is_blank (tag) ? NULL : g_strstrip (g_strdup (tag));
  lia_stakeholder_map_reload (self);
}

static void
update_as_of (LiaStakeholderMap *self)
{
  if (self->as_of != NULL)
    {
      g_autofree char *day = lia_labels_format_short_date (self->as_of);
      g_autofree char *long_day = lia_labels_format_date (self->as_of);
      /* Translators: the "as of" button of the stakeholder map: "As of 3 Mar 2025". */
      g_autofree char *label = g_strdup_printf (_("As of %s"), day);
      /* Translators: under the map's tools when it shows a past day. */
      g_autofree char *banner = g_strdup_printf (_("The map on %s, from the assessment history. Moves are made on today’s map."), long_day);

      gtk_label_set_text (self->as_of_label, label);
      gtk_label_set_text (GTK_LABEL (self->as_of_banner), banner);
    }
  else
    gtk_label_set_text (self->as_of_label, _("Today"));
  gtk_widget_set_visible (self->as_of_banner, self->as_of != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.today", self->as_of != NULL);
}

static void
on_as_of_day_selected_cb (LiaStakeholderMap *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->as_of_calendar);
  g_autoptr(GDate) day = g_date_new_dmy (g_date_time_get_day_of_month (picked),
                                         g_date_time_get_month (picked), g_date_time_get_year (picked));

  lia_stakeholder_map_set_as_of (self, day);
  gtk_menu_button_popdown (self->as_of_button);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LiaStakeholderMap *self = LIA_STAKEHOLDER_MAP (widget);

  lia_stakeholder_map_set_as_of (self, NULL);
  gtk_menu_button_popdown (self->as_of_button);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LiaStakeholderMap *self = LIA_STAKEHOLDER_MAP (widget);

  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  for (GtkWidget *check = gtk_widget_get_first_child (GTK_WIDGET (self->stance_box));
       check != NULL;
       check = gtk_widget_get_next_sibling (check))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  gtk_editable_set_text (self->sector_entry, "");
  gtk_editable_set_text (self->tag_entry, "");
  on_filter_changed_cb (self);
}

static void
move_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LiaStakeholderMap *self = LIA_STAKEHOLDER_MAP (widget);
  int kind, influence, interest;
  gint64 id;

  g_variant_get (parameter, "(ixii)", &kind, &id, &influence, &interest);
  if (self->as_of != NULL || (kind != LIA_RECORD_KIND_ORGANIZATION && kind != LIA_RECORD_KIND_CONTACT))
    return;
  move_to (self, kind, id, influence, interest);
}

static char *
export_title (LiaStakeholderMap *self)
{
  g_autoptr(GDate) today = lia_date_new_today ();
  g_autofree char *day = lia_labels_format_date (self->as_of != NULL ? self->as_of : today);

  /* Translators: the title of an exported stakeholder map. */
  return g_strdup_printf (_("Stakeholder map, %s"), day);
}

static void
on_export_response_cb (LiaStakeholderMap *self,
                       int                response)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  LiaMapFileFormat format;

  if (response == GTK_RESPONSE_ACCEPT && self->map != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    {
      format = g_str_has_suffix (path, ".pdf") || g_str_has_suffix (path, ".PDF")
               ? LIA_MAP_FILE_PDF : LIA_MAP_FILE_PNG;
      title = export_title (self);
      if (!lia_briefing_write_map (self->map, title, path, format, &error))
        show_message (self, error->message);
    }
  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LiaStakeholderMap *self = LIA_STAKEHOLDER_MAP (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  gboolean pdf = g_strcmp0 (format, "pdf") == 0;
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GDate) today = lia_date_new_today ();
  g_autofree char *iso = lia_date_to_iso (self->as_of != NULL ? self->as_of : today);
  /* Translators: the suggested file name of an exported map; %s is the day, 2025-03-12. */
  g_autofree char *name = g_strdup_printf (_("Stakeholder map %s.%s"), iso, pdf ? "pdf" : "png");
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (pdf ? _("Export the Map as PDF") : _("Export the Map as PNG"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, pdf ? _("PDF documents") : _("PNG images"));
  gtk_file_filter_add_mime_type (filter, pdf ? "application/pdf" : "image/png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (on_export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
build_grid (LiaStakeholderMap *self)
{
  struct { LiaQuadrant quadrant; int row, column, span; } names[] = {
    { LIA_QUADRANT_KEEP_SATISFIED, 0, 1, 2 },
    { LIA_QUADRANT_MANAGE_CLOSELY, 0, 3, 3 },
    { LIA_QUADRANT_MONITOR, 7, 1, 2 },
    { LIA_QUADRANT_KEEP_INFORMED, 7, 3, 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *label = gtk_label_new (lia_briefing_map_quadrant_label (names[i].quadrant));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "map-quadrant");
      gtk_widget_add_css_class (label, quadrant_css_class (names[i].quadrant));
      gtk_grid_attach (self->grid, label, names[i].column, names[i].row, names[i].span, 1);
    }

  for (int influence = LIA_MAP_SIZE; influence >= 1; influence--)
    {
      g_autofree char *number = g_strdup_printf ("%d", influence);
      GtkWidget *label = gtk_label_new (number);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_grid_attach (self->grid, label, 0, 1 + LIA_MAP_SIZE - influence, 1, 1);

      for (int interest = 1; interest <= LIA_MAP_SIZE; interest++)
        {
          LiaQuadrant quadrant = lia_quadrant_from_assessment (influence, interest);
          GtkWidget *cell = g_object_new (GTK_TYPE_BOX,
                                          "orientation", GTK_ORIENTATION_VERTICAL,
                                          "accessible-role", GTK_ACCESSIBLE_ROLE_BUTTON,
                                          "focusable", TRUE,
                                          "hexpand", TRUE,
                                          "vexpand", TRUE,
                                          "width-request", 48,
                                          "height-request", 56,
                                          NULL);
          GtkEventController *keys = gtk_event_controller_key_new ();
          GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

          gtk_widget_add_css_class (cell, "map-cell");
          gtk_widget_add_css_class (cell, quadrant_css_class (quadrant));
          /* The quadrants stand apart. */
          if (interest == 3)
            gtk_widget_set_margin_start (cell, 4);
          if (influence == 2)
            gtk_widget_set_margin_top (cell, 4);
          g_signal_connect (keys, "key-pressed", G_CALLBACK (on_cell_key_pressed_cb), self);
          gtk_widget_add_controller (cell, keys);
          g_signal_connect (drop, "drop", G_CALLBACK (on_cell_drop_cb), self);
          gtk_widget_add_controller (cell, GTK_EVENT_CONTROLLER (drop));
          self->cells[influence - 1][interest - 1] = cell;
          gtk_grid_attach (self->grid, cell, interest, 1 + LIA_MAP_SIZE - influence, 1, 1);
        }
    }

  for (int interest = 1; interest <= LIA_MAP_SIZE; interest++)
    {
      g_autofree char *number = g_strdup_printf ("%d", interest);
      GtkWidget *label = gtk_label_new (number);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_grid_attach (self->grid, label, interest, 1 + LIA_MAP_SIZE, 1, 1);
    }
}

static void
build_legend (LiaStakeholderMap *self)
{
  static const LiaStance order[] = {
    LIA_STANCE_ADVOCATE, LIA_STANCE_SUPPORTIVE, LIA_STANCE_NEUTRAL,
    LIA_STANCE_CONCERNED, LIA_STANCE_OPPOSED, LIA_STANCE_UNKNOWN,
  };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      GtkWidget *item = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkWidget *label = gtk_label_new (lia_labels_stance (order[i]));
      GtkWidget *check = gtk_check_button_new_with_label (lia_labels_stance (order[i]));

      gtk_widget_add_css_class (dot, "map-dot");
      gtk_widget_add_css_class (dot, stance_css_class (order[i]));
      gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (item), dot);
      gtk_box_append (GTK_BOX (item), label);
      gtk_flow_box_append (self->legend, item);
      gtk_widget_set_can_focus (gtk_widget_get_parent (item), FALSE);

      /* The stance filter, in the same order; on_filter_changed_cb() walks it. */
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_filter_changed_cb), self);
      gtk_box_append (self->stance_box, check);
    }
}

/* --- GObject ---------------------------------------------------------------------------------- */

static void
lia_stakeholder_map_map (GtkWidget *widget)
{
  LiaStakeholderMap *self = LIA_STAKEHOLDER_MAP (widget);

  GTK_WIDGET_CLASS (lia_stakeholder_map_parent_class)->map (widget);
  if (self->dirty || self->map == NULL)
    lia_stakeholder_map_reload (self);
}

static void
lia_stakeholder_map_constructed (GObject *object)
{
  LiaStakeholderMap *self = (LiaStakeholderMap *) object;

  G_OBJECT_CLASS (lia_stakeholder_map_parent_class)->constructed (object);

  if (self->store != NULL)
    {
      self->changed_handler = g_signal_connect_swapped (self->store, "changed",
                                                        G_CALLBACK (on_store_changed_cb), self);
      self->reset_handler = g_signal_connect_swapped (self->store, "reset",
                                                      G_CALLBACK (on_store_reset_cb), self);
    }
}

static void
lia_stakeholder_map_dispose (GObject *object)
{
  LiaStakeholderMap *self = (LiaStakeholderMap *) object;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->changed_handler, self->store);
      g_clear_signal_handler (&self->reset_handler, self->store);
    }
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->avatar_entries != NULL)
    g_hash_table_remove_all (self->avatar_entries);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_STAKEHOLDER_MAP);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lia_stakeholder_map_parent_class)->dispose (object);
}

static void
lia_stakeholder_map_finalize (GObject *object)
{
  LiaStakeholderMap *self = (LiaStakeholderMap *) object;

  g_clear_pointer (&self->map, lia_map_free);
  g_clear_pointer (&self->avatar_entries, g_hash_table_unref);
  g_clear_pointer (&self->popup_entries, g_ptr_array_unref);
  g_clear_pointer (&self->as_of, g_date_free);
  g_free (self->sector);
  g_free (self->tag);

  G_OBJECT_CLASS (lia_stakeholder_map_parent_class)->finalize (object);
}

static void
lia_stakeholder_map_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LiaStakeholderMap *self = LIA_STAKEHOLDER_MAP (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_stakeholder_map_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LiaStakeholderMap *self = LIA_STAKEHOLDER_MAP (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_stakeholder_map_class_init (LiaStakeholderMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lia_stakeholder_map_constructed;
  object_class->dispose = lia_stakeholder_map_dispose;
  object_class->finalize = lia_stakeholder_map_finalize;
  object_class->get_property = lia_stakeholder_map_get_property;
  object_class->set_property = lia_stakeholder_map_set_property;
  widget_class->map = lia_stakeholder_map_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LIA_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[RECORD_ACTIVATED] =
    g_signal_new ("record-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT64);
  signals[REASSESSED] =
    g_signal_new ("reassessed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                  LIA_TYPE_REASSESSMENT | G_SIGNAL_TYPE_STATIC_SCOPE, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaison/Liaison/lia-stakeholder-map.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, LiaStakeholderMap, box);
  gtk_widget_class_bind_template_child (widget_class, LiaStakeholderMap, grid);
  gtk_widget_class_bind_template_child (widget_class, LiaStakeholderMap, as_of_button);
  gtk_widget_class_bind_template_child (widget_class, LiaStakeholderMap, as_of_label);
  gtk_widget_class_bind_template_child (widget_class, LiaStakeholderMap, as_of_calendar);
  gtk_widget_class_bind_template_child (widget_class, LiaStakeholderMap, as_of_banner);
  gtk_widget_class_bind_template_child (widget_class, LiaStakeholderMap, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LiaStakeholderMap, stance_box);
  gtk_widget_class_bind_template_child (widget_class, LiaStakeholderMap, sector_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaStakeholderMap, tag_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaStakeholderMap, legend);
  gtk_widget_class_bind_template_child (widget_class, LiaStakeholderMap, summary_label);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_as_of_day_selected_cb);

  gtk_widget_class_install_action (widget_class, "map.move-to", "(ixii)", move_to_action);
  gtk_widget_class_install_action (widget_class, "map.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "map.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "map.clear-filters", NULL, clear_filters_action);
}

static void
lia_stakeholder_map_init (LiaStakeholderMap *self)
{
  self->avatar_entries = g_hash_table_new (NULL, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  build_grid (self);
  build_legend (self);
  update_as_of (self);
}

LiaStakeholderMap *
lia_stakeholder_map_new (LiaStore *store)
{
  g_return_val_if_fail (store == NULL || LIA_IS_STORE (store), NULL);

  return g_object_new (LIA_TYPE_STAKEHOLDER_MAP, "store", store, NULL);
}

void
lia_stakeholder_map_set_query (LiaStakeholderMap *self,
                               const LiaMapQuery *query)
{
  g_return_if_fail (LIA_IS_STAKEHOLDER_MAP (self));
  g_return_if_fail (query != NULL);

  self->kinds = query->kinds;
  self->stances = query->stances;
  g_free (self->sector);
  self->sector = g_strdup (query->sector);
  g_free (self->tag);
  self->tag = g_strdup (query->tag);
  lia_stakeholder_map_set_as_of (self, query->as_of);
}

void
lia_stakeholder_map_set_as_of (LiaStakeholderMap *self,
                               const GDate       *as_of)
{
  g_return_if_fail (LIA_IS_STAKEHOLDER_MAP (self));

  g_clear_pointer (&self->as_of, g_date_free);
  if (as_of != NULL && g_date_valid (as_of))
    {
      self->as_of = g_date_new ();
      *self->as_of = *as_of;
    }
  update_as_of (self);
  lia_stakeholder_map_reload (self);
}

const LiaMap *
lia_stakeholder_map_get_map (LiaStakeholderMap *self)
{
  g_return_val_if_fail (LIA_IS_STAKEHOLDER_MAP (self), NULL);

  return self->map;
}

GtkWidget *
lia_stakeholder_map_get_cell (LiaStakeholderMap *self,
                              int                influence,
                              int                interest)
{
  g_return_val_if_fail (LIA_IS_STAKEHOLDER_MAP (self), NULL);
  g_return_val_if_fail (influence >= 1 && influence <= LIA_MAP_SIZE, NULL);
  g_return_val_if_fail (interest >= 1 && interest <= LIA_MAP_SIZE, NULL);

  return self->cells[influence - 1][interest - 1];
}
