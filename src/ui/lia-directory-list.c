/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-directory-list.h"
#include "lia-engagement-ui.h"
#include "lia-error-state.h"
#include "lia-labels.h"
#include "lia-ui-util.h"

/* Subtitles cost a query or two each; the visible rows' are kept. */
#define MAX_CACHED_SUBTITLES 1024

struct _LiaDirectoryList
{
  GtkWidget           parent_instance;

  LiaStore           *store;
  LiaRecordKind       kind;
  char               *contact_sort_order;  /* a "contact-sort-order" setting's value */
  LiaListModel       *model;
  GtkSingleSelection *selection;
  GHashTable         *subtitles;   /* id → subtitle */
  GHashTable         *bound;       /* GtkListItem set */
  GHashTable         *engagement;  /* id → LiaStakeholder, of the rows shown */
  GSettings          *settings;
  gboolean            engaged;     /* sorted or filtered on engagement */
  gboolean            resetting;   /* the popover's controls are being reset */
  char               *filters;     /* what the popover says, to reload only when it changes */
  gulong              changed_handler;
  gulong              reset_handler;
  guint               refresh_source;

  /* Template widgets */
  GtkWidget          *content;
  GtkStack           *stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
  GtkButton          *empty_button;
  GtkWidget          *error_page;
  GtkLabel           *filter_summary;
  GtkMenuButton      *filter_button;

  /* The sort and filter popover */
  GtkDropDown        *sort_drop;
  GtkDropDown        *stance_drop;
  GtkSpinButton      *influence_min;
  GtkSpinButton      *influence_max;
  GtkSpinButton      *interest_min;
  GtkSpinButton      *interest_max;
  GtkEntry           *sector_entry;
  GtkEntry           *tag_entry;
  GtkEntry           *country_entry;
  GtkSpinButton      *not_contacted_spin;
  GtkCheckButton     *due_check;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_KIND,
  PROP_CONTACT_SORT_ORDER,
  N_PROPS
};

enum {
  RECORD_SELECTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LiaDirectoryList, lia_directory_list, GTK_TYPE_WIDGET)

static char *
organization_subtitle (LiaDirectoryList *self,
                       LiaOrganization  *organization)
{
  g_autoptr(GString) text = g_string_new (lia_organization_get_sector (organization));
  gint64 parent_id = lia_organization_get_parent_id (organization);

  if (parent_id != 0)
    {
      g_autofree char *parent = lia_ui_dup_record_label (self->store, LIA_RECORD_KIND_ORGANIZATION,
                                                         parent_id);

      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: the parent of an organization in the list, as in "Part of WHO". */
      g_string_append_printf (text, _("Part of %s"), parent);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
contact_subtitle (LiaDirectoryList *self,
                  LiaContact       *contact)
{
  return lia_ui_dup_contact_context (self->store, contact);
}

char *
lia_directory_list_dup_subtitle (LiaDirectoryList *self,
                                 LiaRecord        *record)
{
  gint64 id;
  const char *cached;
  char *subtitle;

  g_return_val_if_fail (LIA_IS_DIRECTORY_LIST (self), NULL);
  g_return_val_if_fail (LIA_IS_RECORD (record), NULL);

  id = lia_record_get_id (record);
  cached = g_hash_table_lookup (self->subtitles, &id);
  if (cached != NULL)
    return g_strdup (cached);

  if (LIA_IS_ORGANIZATION (record))
    subtitle = organization_subtitle (self, LIA_ORGANIZATION (record));
  else
    subtitle = contact_subtitle (self, LIA_CONTACT (record));

  if (g_hash_table_size (self->subtitles) >= MAX_CACHED_SUBTITLES)
    g_hash_table_remove_all (self->subtitles);
  g_hash_table_insert (self->subtitles, g_memdup2 (&id, sizeof id), g_strdup (subtitle));

  return subtitle;
}

static char *
people_count (LiaDirectoryList *self,
              LiaOrganization  *organization)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GDate) today = lia_date_new_today ();

  people = lia_store_list_affiliations_for_organization (self->store,
                                                         lia_record_get_id (LIA_RECORD (organization)),
                                                         today, NULL);
  if (people == NULL || people->len == 0)
    return NULL;

  return g_strdup_printf ("%u", people->len);
}

/* The row's engagement figures, worked out when the row is shown and kept while it is. */
static LiaStakeholder *
row_engagement (LiaDirectoryList *self,
                LiaRecord        *record)
{
  gint64 id = lia_record_get_id (record);
  LiaStakeholder *s = g_hash_table_lookup (self->engagement, &id);
  LiaStakeholderQuery query;

  if (s != NULL)
    return s;

  lia_engagement_query_init (&query, self->settings);
  s = lia_store_get_stakeholder (self->store, self->kind, id, NULL, query.cadence, NULL);
  if (s == NULL)
    return NULL;

  if (g_hash_table_size (self->engagement) >= MAX_CACHED_SUBTITLES)
    g_hash_table_remove_all (self->engagement);
  g_hash_table_insert (self->engagement, g_memdup2 (&id, sizeof id), s);
  return s;
}

static void
bind_engagement (LiaDirectoryList *self,
                 GtkWidget        *box,
                 LiaRecord        *record)
{
  GtkLabel *line = g_object_get_data (G_OBJECT (box), "engagement");
  GtkWidget *dot = g_object_get_data (G_OBJECT (box), "dot");
  LiaStakeholder *s = row_engagement (self, record);
  g_autoptr(GDate) today = lia_date_new_today ();
  g_autofree char *summary = NULL;
  const char *dot_class;

  gtk_widget_set_visible (GTK_WIDGET (line), s != NULL);
  gtk_widget_set_visible (dot, s != NULL);
  if (s == NULL)
    return;

  summary = lia_engagement_format_summary (s, today);
  gtk_label_set_text (line, summary);
  for (int stance = LIA_STANCE_UNKNOWN; stance <= LIA_STANCE_OPPOSED; stance++)
    gtk_widget_remove_css_class (dot, lia_engagement_stance_class (stance));
  dot_class = lia_engagement_stance_class (s->stance);
  gtk_widget_add_css_class (dot, dot_class);
  gtk_widget_set_tooltip_text (dot, lia_labels_stance (s->stance));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dot), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  lia_labels_stance (s->stance), -1);
  /* A low score shows: under 40 in the error colour, under 60 in the warning colour. */
  gtk_widget_remove_css_class (GTK_WIDGET (line), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (line), "warning");
  if (s->health.score < 40)
    gtk_widget_add_css_class (GTK_WIDGET (line), "error");
  else if (s->health.score < 60)
    gtk_widget_add_css_class (GTK_WIDGET (line), "warning");
}

static void
bind_item (LiaDirectoryList *self,
           GtkListItem      *item)
{
  LiaRecord *record = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkLabel *title = g_object_get_data (G_OBJECT (box), "title");
  GtkLabel *subtitle_label = g_object_get_data (G_OBJECT (box), "subtitle");
  GtkLabel *count = g_object_get_data (G_OBJECT (box), "count");
  AdwAvatar *avatar = g_object_get_data (G_OBJECT (box), "avatar");
  g_autofree char *subtitle = NULL;
  g_autofree char *n_people = NULL;
  const char *label;

  if (record == NULL)
    return;

  label = lia_record_get_label (record);
  gtk_label_set_text (title, label);
  adw_avatar_set_text (avatar, label);
  /* Lists load contacts without their photo: it is read for the rows shown (again after the
   * row's contact was refreshed). Setting it notifies, which binds the row once more, with
   * the photo loaded. A photo that cannot be read shows the initials. */
  if (LIA_IS_CONTACT (record) && !lia_contact_get_photo_loaded (LIA_CONTACT (record)))
    lia_store_load_contact_photo (self->store, LIA_CONTACT (record), NULL);
  adw_avatar_set_custom_image (avatar, LIA_IS_CONTACT (record) ? lia_ui_contact_photo (LIA_CONTACT (record)) : NULL);
  subtitle = lia_directory_list_dup_subtitle (self, record);
  gtk_label_set_text (subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (subtitle_label), subtitle[0] != '\0');
  bind_engagement (self, box, record);

  if (LIA_IS_ORGANIZATION (record))
    {
      n_people = people_count (self, LIA_ORGANIZATION (record));
      gtk_label_set_text (count, n_people != NULL ? n_people : "");
      if (n_people != NULL)
        {
          g_autofree char *tooltip = g_strdup_printf (ngettext ("%s person works here",
                                                                "%s people work here",
                                                                g_ascii_strtoull (n_people, NULL, 10)),
                                                      n_people);
          gtk_widget_set_tooltip_text (GTK_WIDGET (count), tooltip);
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (count), n_people != NULL);
}

static void
on_record_notify_cb (GtkListItem *item)
{
  LiaDirectoryList *self = g_object_get_data (G_OBJECT (item), "list");
  LiaRecord *record = gtk_list_item_get_item (item);

  if (record != NULL)
    {
      gint64 id = lia_record_get_id (record);
      g_hash_table_remove (self->subtitles, &id);
      g_hash_table_remove (self->engagement, &id);
    }
  bind_item (self, item);
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     LiaDirectoryList         *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *avatar = adw_avatar_new (36, NULL, TRUE);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);
  GtkWidget *engagement = gtk_label_new (NULL);
  GtkWidget *dot = gtk_image_new_from_icon_name ("media-record-symbolic");

  gtk_label_set_xalign (GTK_LABEL (engagement), 0);
  gtk_label_set_ellipsize (GTK_LABEL (engagement), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (engagement, "caption");
  gtk_widget_add_css_class (dot, "stance-dot");
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (count, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (count, "count-badge");
  gtk_widget_add_css_class (count, "numeric");

  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_box_append (GTK_BOX (labels), engagement);
  gtk_box_append (GTK_BOX (box), avatar);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), count);
  gtk_box_append (GTK_BOX (box), dot);

  g_object_set_data (G_OBJECT (box), "avatar", avatar);
  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "subtitle", subtitle);
  g_object_set_data (G_OBJECT (box), "count", count);
  g_object_set_data (G_OBJECT (box), "engagement", engagement);
  g_object_set_data (G_OBJECT (box), "dot", dot);
  g_object_set_data (G_OBJECT (item), "list", self);
  gtk_list_item_set_child (item, box);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    LiaDirectoryList         *self)
{
  LiaRecord *record = gtk_list_item_get_item (item);

  g_hash_table_add (self->bound, item);
  if (record != NULL)
    g_signal_connect_object (record, "notify", G_CALLBACK (on_record_notify_cb), item,
                             G_CONNECT_SWAPPED);
  bind_item (self, item);
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      LiaDirectoryList         *self)
{
  LiaRecord *record = gtk_list_item_get_item (item);

  g_hash_table_remove (self->bound, item);
  if (record != NULL)
    g_signal_handlers_disconnect_by_func (record, on_record_notify_cb, item);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  LiaDirectoryList *self = user_data;
  GHashTableIter iter;
  gpointer item;

  self->refresh_source = 0;
  g_hash_table_remove_all (self->subtitles);
  g_hash_table_remove_all (self->engagement);
  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    bind_item (self, item);

  return G_SOURCE_REMOVE;
}

/* Roles, organization names and engagement come from other records: redo the visible rows
 * once a change to any of them is through. */
static void
on_store_changed_cb (LiaDirectoryList *self,
                     LiaRecordKind     kind)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_idle_cb, self);
}

static void
update_empty_state (LiaDirectoryList *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  const GError *error = lia_list_model_get_error (self->model);

  lia_error_state_set_error (self->error_page, error);
  gtk_stack_set_visible_child_name (self->stack, error != NULL ? "error" : n > 0 ? "list" : "empty");
}

static void
retry (LiaDirectoryList *self)
{
  lia_list_model_reload (self->model);
}


/* --- Sort and filter ------------------------------------------------------------------------ */

/* The sort drop-down's items, in order. */
static const LiaStakeholderSort sort_orders[] = {
  LIA_STAKEHOLDER_SORT_NAME,
  LIA_STAKEHOLDER_SORT_LAST_CONTACT,
  LIA_STAKEHOLDER_SORT_INFLUENCE,
  LIA_STAKEHOLDER_SORT_INTEREST,
  LIA_STAKEHOLDER_SORT_STANCE,
  LIA_STAKEHOLDER_SORT_HEALTH,
  LIA_STAKEHOLDER_SORT_DUE,
};

/* The stance drop-down's items: bits of LiaStance, 0 for any. */
static const guint stance_choices[] = {
  0,
  (1u << LIA_STANCE_OPPOSED) | (1u << LIA_STANCE_CONCERNED),
  1u << LIA_STANCE_OPPOSED,
  1u << LIA_STANCE_CONCERNED,
  1u << LIA_STANCE_NEUTRAL,
  (1u << LIA_STANCE_SUPPORTIVE) | (1u << LIA_STANCE_ADVOCATE),
  1u << LIA_STANCE_UNKNOWN,
};

static const char *
entry_text (GtkEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  return text[0] != '\0' ? text : NULL;
}

/* The query the popover describes; FALSE when it is the plain list by name. */
static gboolean
read_filters (LiaDirectoryList    *self,
              LiaStakeholderQuery *query)
{
  guint sort = gtk_drop_down_get_selected (self->sort_drop);
  guint stance = gtk_drop_down_get_selected (self->stance_drop);
  int days = gtk_spin_button_get_value_as_int (self->not_contacted_spin);

  lia_engagement_query_init (query, self->settings);
  query->sort = sort_orders[MIN (sort, G_N_ELEMENTS (sort_orders) - 1)];
  query->stances = stance_choices[MIN (stance, G_N_ELEMENTS (stance_choices) - 1)];
  query->influence_min = gtk_spin_button_get_value_as_int (self->influence_min);
  query->influence_max = gtk_spin_button_get_value_as_int (self->influence_max);
  query->interest_min = gtk_spin_button_get_value_as_int (self->interest_min);
  query->interest_max = gtk_spin_button_get_value_as_int (self->interest_max);
  query->sector = entry_text (self->sector_entry);
  query->tag = entry_text (self->tag_entry);
  query->country = entry_text (self->country_entry);
  query->not_contacted_days = days > 0 ? days : -1;
  query->due_only = gtk_check_button_get_active (self->due_check);

  return query->sort != LIA_STAKEHOLDER_SORT_NAME || query->stances != 0 ||
         query->influence_min > 0 || query->influence_max < 5 ||
         query->interest_min > 0 || query->interest_max < 5 ||
         query->sector != NULL || query->tag != NULL || query->country != NULL ||
         query->not_contacted_days >= 0 || query->due_only;
}

static void
update_filter_summary (LiaDirectoryList *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  GtkStringObject *sort = self->sort_drop != NULL ? gtk_drop_down_get_selected_item (self->sort_drop) : NULL;
  const char *order = sort != NULL ? gtk_string_object_get_string (sort) : _("name");
  g_autofree char *text = NULL;

  if (self->engaged)
    /* Translators: above a filtered list: how it is sorted and how many rows are left,
     * e.g. "By last contact · 12 shown". */
    text = g_strdup_printf (ngettext ("By %s · %u shown, filtered", "By %s · %u shown, filtered", n),
                            order, n);
  else
    text = g_strdup_printf (_("By %s"), order);
  gtk_label_set_text (self->filter_summary, text);
}

/* Everything read_filters() reads, as text. */
static char *
describe_filters (const LiaStakeholderQuery *q,
                  gboolean                   engaged)
{
  if (!engaged)
    return g_strdup ("");

  return g_strdup_printf ("%d %u %d %d %d %d %s|%s|%s %d %d", q->sort, q->stances,
                          q->influence_min, q->influence_max, q->interest_min, q->interest_max,
                          q->sector != NULL ? q->sector : "", q->tag != NULL ? q->tag : "",
                          q->country != NULL ? q->country : "", q->not_contacted_days, q->due_only);
}

static void
on_filters_changed_cb (LiaDirectoryList *self)
{
  LiaStakeholderQuery query;
  g_autofree char *filters = NULL;

  if (self->model == NULL || self->resetting)
    return;

  /* Controls also notify when they are first shown: reload only for a real change. */
  self->engaged = read_filters (self, &query);
  filters = describe_filters (&query, self->engaged);
  if (g_strcmp0 (filters, self->filters) == 0)
    return;
  g_free (self->filters);
  self->filters = g_steal_pointer (&filters);

  lia_list_model_set_stakeholder_query (self->model, self->engaged ? &query : NULL);
  update_filter_summary (self);
  update_empty_state (self);
}

static void
on_reset_filters_cb (LiaDirectoryList *self)
{
  self->resetting = TRUE;
  gtk_drop_down_set_selected (self->sort_drop, 0);
  gtk_drop_down_set_selected (self->stance_drop, 0);
  gtk_spin_button_set_value (self->influence_min, 0);
  gtk_spin_button_set_value (self->influence_max, 5);
  gtk_spin_button_set_value (self->interest_min, 0);
  gtk_spin_button_set_value (self->interest_max, 5);
  gtk_editable_set_text (GTK_EDITABLE (self->sector_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->tag_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->country_entry), "");
  gtk_spin_button_set_value (self->not_contacted_spin, 0);
  gtk_check_button_set_active (self->due_check, FALSE);
  self->resetting = FALSE;
  on_filters_changed_cb (self);
}

/* A labelled control in the popover's grid, the label above it: two columns would not fit a
 * phone's 360 pixels, in French least of all. Returns the next free row. */
static int
attach_row (GtkGrid    *grid,
            int         row,
            const char *mnemonic,
            GtkWidget  *widget,
            GtkWidget  *mnemonic_widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), mnemonic_widget != NULL ? mnemonic_widget : widget);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, widget, 0, row + 1, 1, 1);

  return row + 2;
}

static GtkSpinButton *
scale_spin (LiaDirectoryList *self,
            double            value,
            const char       *accessible_name)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 5, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (on_filters_changed_cb), self);
  return GTK_SPIN_BUTTON (spin);
}

/* "MIN to MAX" in one cell. */
static GtkWidget *
range_box (GtkSpinButton *min,
           GtkSpinButton *max)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (min));
  /* Translators: between the two ends of a range, "1 to 5". */
  gtk_box_append (GTK_BOX (box), gtk_label_new (_("to")));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (max));
  return box;
}

static GtkEntry *
filter_entry (LiaDirectoryList *self,
              const char       *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 8);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (on_filters_changed_cb), self);
  return GTK_ENTRY (entry);
}

/* Made when first opened: a list of thousands of rows need not carry the controls. */
static void
build_filter_popover (GtkMenuButton *button,
                      gpointer       user_data)
{
  LiaDirectoryList *self = user_data;
  const char * const sorts[] = { _("name"), _("last contact"), _("influence"), _("interest"),
                                 /* Translators: a sort order; the list sorts on how recent
                                  * contact is against the cadence, the one part of health it
                                  * can sort on a page at a time (docs/performance.md). */
                                 _("stance"), _("health (recency)"), _("due date"), NULL };
  const char * const stances[] = { _("Any"), _("Opposed or concerned"), _("Opposed"), _("Concerned"),
                                   _("Neutral"), _("Supportive or advocate"), _("Not known"), NULL };
  GtkWidget *popover;
  GtkWidget *grid;
  GtkWidget *reset, *due;
  int row = 0;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;

  popover = gtk_popover_new ();
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_start (grid, 6);
  gtk_widget_set_margin_end (grid, 6);
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_bottom (grid, 6);

  self->sort_drop = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (sorts));
  gtk_widget_set_name (GTK_WIDGET (self->sort_drop), "sort");
  g_signal_connect_swapped (self->sort_drop, "notify::selected", G_CALLBACK (on_filters_changed_cb), self);
  row = attach_row (GTK_GRID (grid), row, _("_Sort by"), GTK_WIDGET (self->sort_drop), NULL);

  self->stance_drop = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (stances));
  gtk_widget_set_name (GTK_WIDGET (self->stance_drop), "stance");
  g_signal_connect_swapped (self->stance_drop, "notify::selected", G_CALLBACK (on_filters_changed_cb), self);
  row = attach_row (GTK_GRID (grid), row, _("S_tance"), GTK_WIDGET (self->stance_drop), NULL);

  self->influence_min = scale_spin (self, 0, _("Lowest influence"));
  self->influence_max = scale_spin (self, 5, _("Highest influence"));
  row = attach_row (GTK_GRID (grid), row, _("_Influence"), range_box (self->influence_min, self->influence_max),
                    GTK_WIDGET (self->influence_min));
  self->interest_min = scale_spin (self, 0, _("Lowest interest"));
  self->interest_max = scale_spin (self, 5, _("Highest interest"));
  row = attach_row (GTK_GRID (grid), row, _("I_nterest"), range_box (self->interest_min, self->interest_max),
                    GTK_WIDGET (self->interest_min));

  self->sector_entry = filter_entry (self, _("Any"));
  row = attach_row (GTK_GRID (grid), row, _("Se_ctor"), GTK_WIDGET (self->sector_entry), NULL);
  self->tag_entry = filter_entry (self, _("Any"));
  row = attach_row (GTK_GRID (grid), row, _("T_ag"), GTK_WIDGET (self->tag_entry), NULL);
  self->country_entry = filter_entry (self, _("Code, as FR"));
  row = attach_row (GTK_GRID (grid), row, _("C_ountry"), GTK_WIDGET (self->country_entry), NULL);

  self->not_contacted_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 3650, 30));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->not_contacted_spin),
                               _("Only those not in touch for more than this many days, or never; 0 for everyone"));
  g_signal_connect_swapped (self->not_contacted_spin, "value-changed", G_CALLBACK (on_filters_changed_cb), self);
  row = attach_row (GTK_GRID (grid), row, _("_Not contacted in days"), GTK_WIDGET (self->not_contacted_spin), NULL);

  due = gtk_check_button_new_with_mnemonic (_("Only those _due for contact"));
  self->due_check = GTK_CHECK_BUTTON (due);
  g_signal_connect_swapped (due, "toggled", G_CALLBACK (on_filters_changed_cb), self);
  gtk_grid_attach (GTK_GRID (grid), due, 0, row++, 1, 1);

  reset = gtk_button_new_with_mnemonic (_("_Reset"));
  gtk_widget_set_halign (reset, GTK_ALIGN_END);
  g_signal_connect_swapped (reset, "clicked", G_CALLBACK (on_reset_filters_cb), self);
  gtk_grid_attach (GTK_GRID (grid), reset, 0, row++, 1, 1);

  /* Taller than a small window: it scrolls. */
  {
    GtkWidget *scrolled = gtk_scrolled_window_new ();

    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
    gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
    gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 440);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), grid);
    gtk_popover_set_child (GTK_POPOVER (popover), scrolled);
  }
  gtk_menu_button_set_popover (button, popover);
}

static void
on_selection_changed_cb (LiaDirectoryList *self)
{
  LiaRecord *record = gtk_single_selection_get_selected_item (self->selection);

  if (record != NULL)
    g_signal_emit (self, signals[RECORD_SELECTED], 0, record);
}

static void
lia_directory_list_constructed (GObject *object)
{
  LiaDirectoryList *self = (LiaDirectoryList *) object;

  G_OBJECT_CLASS (lia_directory_list_parent_class)->constructed (object);

  g_assert (self->store != NULL);

  if (self->kind == LIA_RECORD_KIND_ORGANIZATION)
    {
      self->model = lia_list_model_new_organizations (self->store);
      adw_status_page_set_icon_name (self->empty_page, "network-workgroup-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Organizations"));
      adw_status_page_set_description (self->empty_page,
                                       _("Add the ministries, agencies, companies and NGOs you "
                                         "work with, or import a partner directory."));
      gtk_button_set_label (self->empty_button, _("_Add Organization"));
      self->error_page = lia_error_state_new (_("Could Not Read the Organizations"),
                                              G_CALLBACK (retry), self);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Organizations"),
                                      -1);
    }
  else
    {
      self->model = lia_list_model_new_contacts (self->store,
                                                 lia_contact_sort_order_from_string (self->contact_sort_order));
      adw_status_page_set_icon_name (self->empty_page, "avatar-default-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Contacts"));
      adw_status_page_set_description (self->empty_page,
                                       _("Add the people you deal with at your partner "
                                         "organizations, with their roles and how to reach them."));
      gtk_button_set_label (self->empty_button, _("_Add Contact"));
      self->error_page = lia_error_state_new (_("Could Not Read the Contacts"),
                                              G_CALLBACK (retry), self);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Contacts"),
                                      -1);
    }

  gtk_stack_add_named (self->stack, self->error_page, "error");
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->model));
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (update_empty_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::error", G_CALLBACK (update_empty_state), self,
                           G_CONNECT_SWAPPED);
  self->changed_handler = g_signal_connect_swapped (self->store, "changed",
                                                    G_CALLBACK (on_store_changed_cb), self);
  self->reset_handler = g_signal_connect_swapped (self->store, "reset",
                                                  G_CALLBACK (on_store_changed_cb), self);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (update_filter_summary), self,
                           G_CONNECT_SWAPPED);
  update_filter_summary (self);
  update_empty_state (self);
}

static void
lia_directory_list_dispose (GObject *object)
{
  LiaDirectoryList *self = (LiaDirectoryList *) object;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->changed_handler, self->store);
      g_clear_signal_handler (&self->reset_handler, self->store);
    }
  if (self->selection != NULL)
    gtk_single_selection_set_model (self->selection, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_DIRECTORY_LIST);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lia_directory_list_parent_class)->dispose (object);
}

static void
lia_directory_list_finalize (GObject *object)
{
  LiaDirectoryList *self = (LiaDirectoryList *) object;

  g_clear_pointer (&self->contact_sort_order, g_free);
  g_clear_pointer (&self->subtitles, g_hash_table_unref);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_clear_pointer (&self->engagement, g_hash_table_unref);
  g_clear_pointer (&self->filters, g_free);

  G_OBJECT_CLASS (lia_directory_list_parent_class)->finalize (object);
}

static void
lia_directory_list_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LiaDirectoryList *self = LIA_DIRECTORY_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_CONTACT_SORT_ORDER:
      g_value_set_string (value, self->contact_sort_order);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_directory_list_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LiaDirectoryList *self = LIA_DIRECTORY_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_CONTACT_SORT_ORDER:
      lia_directory_list_set_contact_sort_order (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_directory_list_class_init (LiaDirectoryListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lia_directory_list_constructed;
  object_class->dispose = lia_directory_list_dispose;
  object_class->finalize = lia_directory_list_finalize;
  object_class->get_property = lia_directory_list_get_property;
  object_class->set_property = lia_directory_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LIA_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       LIA_TYPE_RECORD_KIND, LIA_RECORD_KIND_ORGANIZATION,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONTACT_SORT_ORDER] =
    g_param_spec_string ("contact-sort-order", NULL, NULL,
                         "family-name",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[RECORD_SELECTED] =
    g_signal_new ("record-selected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LIA_TYPE_RECORD);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaison/Liaison/lia-directory-list.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaDirectoryList, content);
  gtk_widget_class_bind_template_child (widget_class, LiaDirectoryList, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaDirectoryList, list_view);
  gtk_widget_class_bind_template_child (widget_class, LiaDirectoryList, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LiaDirectoryList, empty_button);
  gtk_widget_class_bind_template_child (widget_class, LiaDirectoryList, filter_summary);
  gtk_widget_class_bind_template_child (widget_class, LiaDirectoryList, filter_button);
}

static void
lia_directory_list_init (LiaDirectoryList *self)
{
  GtkListItemFactory *factory;

  self->contact_sort_order = g_strdup ("family-name");
  gtk_widget_init_template (GTK_WIDGET (self));

  self->subtitles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->bound = g_hash_table_new (NULL, NULL);
  self->engagement = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                            (GDestroyNotify) lia_stakeholder_free);
  self->settings = lia_engagement_settings_new ();
  self->filters = g_strdup ("");
  gtk_menu_button_set_create_popup_func (self->filter_button, build_filter_popover, self, NULL);
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (on_selection_changed_cb), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

LiaDirectoryList *
lia_directory_list_new (LiaStore      *store,
                        LiaRecordKind  kind)
{
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (kind == LIA_RECORD_KIND_ORGANIZATION || kind == LIA_RECORD_KIND_CONTACT, NULL);

  return g_object_new (LIA_TYPE_DIRECTORY_LIST,
                       "store", store,
                       "kind", kind,
                       NULL);
}

LiaRecordKind
lia_directory_list_get_kind (LiaDirectoryList *self)
{
  g_return_val_if_fail (LIA_IS_DIRECTORY_LIST (self), 0);

  return self->kind;
}

GListModel *
lia_directory_list_get_model (LiaDirectoryList *self)
{
  g_return_val_if_fail (LIA_IS_DIRECTORY_LIST (self), NULL);

  return G_LIST_MODEL (self->model);
}

void
lia_directory_list_select (LiaDirectoryList *self,
                           guint             position)
{
  g_return_if_fail (LIA_IS_DIRECTORY_LIST (self));

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

gboolean
lia_directory_list_select_id (LiaDirectoryList *self,
                              gint64            id)
{
  guint position;

  g_return_val_if_fail (LIA_IS_DIRECTORY_LIST (self), FALSE);

  /* Its position by a count in SQL: found at row 50,000 as at row 5, without reading the rows
   * before it. When that read fails, so do the list's own, which show the error. */
  if (!lia_list_model_find (self->model, id, &position, NULL))
    return FALSE;

  if (gtk_single_selection_get_selected (self->selection) != position)
    lia_directory_list_select (self, position);
  return TRUE;
}

void
lia_directory_list_unselect (LiaDirectoryList *self)
{
  g_return_if_fail (LIA_IS_DIRECTORY_LIST (self));

  /* Not gtk_selection_model_unselect_all(): GtkSingleSelection in GTK 4.8 ignores it. */
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

void
lia_directory_list_set_contact_sort_order (LiaDirectoryList *self,
                                           const char       *order)
{
  LiaRecord *selected;
  gint64 selected_id = 0;

  g_return_if_fail (LIA_IS_DIRECTORY_LIST (self));

  if (order == NULL)
    order = "family-name";
  if (g_strcmp0 (self->contact_sort_order, order) == 0)
    return;

  g_free (self->contact_sort_order);
  self->contact_sort_order = g_strdup (order);

  /* Before construction the model is made in this order; organizations have no such order. */
  if (self->model != NULL && self->kind == LIA_RECORD_KIND_CONTACT)
    {
      selected = gtk_single_selection_get_selected_item (self->selection);
      if (selected != NULL)
        selected_id = lia_record_get_id (selected);
      lia_list_model_set_contact_sort_order (self->model, lia_contact_sort_order_from_string (order));
      /* The person shown stays selected, wherever the new order puts them. */
      if (selected_id != 0)
        lia_directory_list_select_id (self, selected_id);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT_SORT_ORDER]);
}
