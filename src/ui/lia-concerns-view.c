/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lia-concerns-view.h"
#include "lia-store-engagement.h"
#include "lia-ui-util.h"

struct _LiaConcernsView
{
  GtkWidget    parent_instance;

  LiaStore    *store;
  gulong       changed_handler;
  gulong       reset_handler;
  guint        reload_source;
  gboolean     dirty;
  gboolean     loaded;
  GArray      *ids;               /* the concern id of each row */

  /* Template widgets */
  GtkWidget   *box;
  GtkDropDown *status_dropdown;
  GtkDropDown *severity_dropdown;
  GtkStack    *stack;
  AdwStatusPage *empty_page;
  GtkListBox  *list;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  RECORD_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LiaConcernsView, lia_concerns_view, GTK_TYPE_WIDGET)

#define STATUS_BIT(s) (1u << LIA_CONCERN_STATUS_##s)
#define SEVERITY_BIT(s) (1u << LIA_SEVERITY_##s)

static const guint status_filters[] = {
  STATUS_BIT (OPEN) | STATUS_BIT (MEDIATING),
  STATUS_BIT (OPEN),
  STATUS_BIT (MEDIATING),
  STATUS_BIT (RESOLVED) | STATUS_BIT (CLOSED),
  0,
};

static const guint severity_filters[] = {
  0,
  SEVERITY_BIT (CRITICAL),
  SEVERITY_BIT (CRITICAL) | SEVERITY_BIT (HIGH),
  SEVERITY_BIT (CRITICAL) | SEVERITY_BIT (HIGH) | SEVERITY_BIT (MEDIUM),
};

/* "Ministry of Health: wants the fee waived; Nurses’ Union: …". */
static char *
describe_parties (LiaConcernsView *self,
                  LiaConcern      *concern)
{
  GListModel *parties = lia_concern_get_parties (concern);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (parties); i++)
    {
      g_autoptr(LiaConcernParty) party = g_list_model_get_item (parties, i);
      gint64 contact = lia_concern_party_get_contact_id (party);
      g_autofree char *who = lia_ui_dup_record_label (self->store,
                                                      contact != 0 ? LIA_RECORD_KIND_CONTACT : LIA_RECORD_KIND_ORGANIZATION,
                                                      contact != 0 ? contact : lia_concern_party_get_organization_id (party));
      const char *position = lia_concern_party_get_position (party);

      if (text->len > 0)
        g_string_append (text, "; ");
      if (!lia_text_is_blank (position))
        /* Translators: a party to a concern and its position: "Ministry of Health: wants …". */
        g_string_append_printf (text, _("%s: %s"), who, position);
      else
        g_string_append (text, who);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
describe_state (LiaConcern  *concern,
                const GDate *today)
{
  const GDate *opened = lia_concern_get_opened (concern);
  const GDate *resolved = lia_concern_get_resolved (concern);
  const char *severity = lia_labels_severity (lia_concern_get_severity (concern));
  const char *status = lia_labels_concern_status (lia_concern_get_status (concern));

  if (opened != NULL && g_date_valid (opened))
    {
      const GDate *end = resolved != NULL && g_date_valid (resolved) ? resolved : today;
      int days = MAX (0, g_date_days_between (opened, end));

      if (end == resolved)
        /* Translators: "High · Resolved · after 34 days". */
        return g_strdup_printf (ngettext ("%s · %s · after %d day", "%s · %s · after %d days", days),
                                severity, status, days);
      /* Translators: "High · Mediating · open 34 days". */
      return g_strdup_printf (ngettext ("%s · %s · open %d day", "%s · %s · open %d days", days),
                              severity, status, days);
    }

  return g_strdup_printf ("%s · %s", severity, status);
}

static GtkWidget *
concern_row_new (LiaConcernsView *self,
                 LiaConcern      *concern,
                 const GDate     *today)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (lia_record_get_label (LIA_RECORD (concern)));
  g_autofree char *state_text = describe_state (concern, today);
  g_autofree char *parties_text = describe_parties (self, concern);
  GtkWidget *state = gtk_label_new (state_text);
  GtkWidget *parties = gtk_label_new (parties_text);
  g_autofree char *name = g_strdup_printf ("%s, %s. %s", lia_record_get_label (LIA_RECORD (concern)),
                                           state_text, parties_text);
  LiaSeverity severity = lia_concern_get_severity (concern);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (state), 0);
  gtk_widget_add_css_class (state, "caption");
  if (severity == LIA_SEVERITY_CRITICAL || severity == LIA_SEVERITY_HIGH)
    gtk_widget_add_css_class (state, "error");
  else
    gtk_widget_add_css_class (state, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (parties), 0);
  gtk_label_set_wrap (GTK_LABEL (parties), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (parties), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (parties), 3);
  gtk_label_set_ellipsize (GTK_LABEL (parties), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (parties, "caption");
  gtk_widget_set_visible (parties, parties_text[0] != '\0');
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), state);
  gtk_box_append (GTK_BOX (box), parties);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  return row;
}

void
lia_concerns_view_reload (LiaConcernsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) concerns = NULL;
  g_autoptr(GDate) today = lia_date_new_today ();
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint severity = gtk_drop_down_get_selected (self->severity_dropdown);
  guint severities;
  gboolean filtered;

  g_return_if_fail (LIA_IS_CONCERNS_VIEW (self));

  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->dirty = FALSE;
  if (self->store == NULL)
    return;

  status = MIN (status, G_N_ELEMENTS (status_filters) - 1);
  severities = severity_filters[MIN (severity, G_N_ELEMENTS (severity_filters) - 1)];
  lia_ui_remove_all (GTK_WIDGET (self->list));
  g_array_set_size (self->ids, 0);
  if (!(concerns = lia_store_list_concerns (self->store, status_filters[status], &error)))
    {
      adw_status_page_set_title (self->empty_page, _("Could Not Read the Concerns"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  self->loaded = TRUE;

  for (guint i = 0; i < concerns->len; i++)
    {
      LiaConcern *concern = concerns->pdata[i];
      gint64 id = lia_record_get_id (LIA_RECORD (concern));

      if (severities != 0 && !(severities & (1u << lia_concern_get_severity (concern))))
        continue;
      gtk_list_box_append (self->list, concern_row_new (self, concern, today));
      g_array_append_val (self->ids, id);
    }

  filtered = status_filters[status] != 0 || severities != 0;
  adw_status_page_set_title (self->empty_page, filtered ? _("No Matching Concerns") : _("No Concerns"));
  adw_status_page_set_description (self->empty_page,
                                   filtered ? _("No concern has this status and severity.")
                                            : _("Disputes and conflicts between parties show here. Add one from an organization’s or a contact’s page."));
  gtk_stack_set_visible_child_name (self->stack, self->ids->len > 0 ? "list" : "empty");
}

static void
on_filter_changed_cb (LiaConcernsView *self)
{
  lia_concerns_view_reload (self);
}

static void
on_row_activated_cb (LiaConcernsView *self,
                     GtkListBoxRow   *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->ids->len)
    g_signal_emit (self, signals[RECORD_ACTIVATED], 0, (int) LIA_RECORD_KIND_CONCERN,
                   g_array_index (self->ids, gint64, index));
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  LiaConcernsView *self = user_data;

  self->reload_source = 0;
  lia_concerns_view_reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (LiaConcernsView *self,
                     LiaRecordKind    kind)
{
  if (kind != LIA_RECORD_KIND_CONCERN && kind != LIA_RECORD_KIND_ORGANIZATION &&
      kind != LIA_RECORD_KIND_CONTACT)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->dirty = TRUE;
  else if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_idle_cb, self);
}

static void
on_store_reset_cb (LiaConcernsView *self)
{
  on_store_changed_cb (self, LIA_RECORD_KIND_CONCERN);
}

static void
lia_concerns_view_map (GtkWidget *widget)
{
  LiaConcernsView *self = LIA_CONCERNS_VIEW (widget);

  GTK_WIDGET_CLASS (lia_concerns_view_parent_class)->map (widget);
  if (self->dirty || !self->loaded)
    lia_concerns_view_reload (self);
}

static void
lia_concerns_view_constructed (GObject *object)
{
  LiaConcernsView *self = (LiaConcernsView *) object;

  G_OBJECT_CLASS (lia_concerns_view_parent_class)->constructed (object);

  if (self->store != NULL)
    {
      self->changed_handler = g_signal_connect_swapped (self->store, "changed",
                                                        G_CALLBACK (on_store_changed_cb), self);
      self->reset_handler = g_signal_connect_swapped (self->store, "reset",
                                                      G_CALLBACK (on_store_reset_cb), self);
    }
}

static void
lia_concerns_view_dispose (GObject *object)
{
  LiaConcernsView *self = (LiaConcernsView *) object;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->changed_handler, self->store);
      g_clear_signal_handler (&self->reset_handler, self->store);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_CONCERNS_VIEW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lia_concerns_view_parent_class)->dispose (object);
}

static void
lia_concerns_view_finalize (GObject *object)
{
  LiaConcernsView *self = (LiaConcernsView *) object;

  g_clear_pointer (&self->ids, g_array_unref);

  G_OBJECT_CLASS (lia_concerns_view_parent_class)->finalize (object);
}

static void
lia_concerns_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LiaConcernsView *self = LIA_CONCERNS_VIEW (object);

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
lia_concerns_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LiaConcernsView *self = LIA_CONCERNS_VIEW (object);

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
lia_concerns_view_class_init (LiaConcernsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lia_concerns_view_constructed;
  object_class->dispose = lia_concerns_view_dispose;
  object_class->finalize = lia_concerns_view_finalize;
  object_class->get_property = lia_concerns_view_get_property;
  object_class->set_property = lia_concerns_view_set_property;
  widget_class->map = lia_concerns_view_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LIA_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[RECORD_ACTIVATED] =
    g_signal_new ("record-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaison/Liaison/lia-concerns-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, LiaConcernsView, box);
  gtk_widget_class_bind_template_child (widget_class, LiaConcernsView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LiaConcernsView, severity_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LiaConcernsView, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaConcernsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LiaConcernsView, list);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
}

static void
lia_concerns_view_init (LiaConcernsView *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}

LiaConcernsView *
lia_concerns_view_new (LiaStore *store)
{
  g_return_val_if_fail (store == NULL || LIA_IS_STORE (store), NULL);

  return g_object_new (LIA_TYPE_CONCERNS_VIEW, "store", store, NULL);
}

void
lia_concerns_view_set_filter (LiaConcernsView *self,
                              guint            statuses,
                              guint            severities)
{
  g_return_if_fail (LIA_IS_CONCERNS_VIEW (self));

  for (guint i = 0; i < G_N_ELEMENTS (status_filters); i++)
    if (status_filters[i] == statuses)
      gtk_drop_down_set_selected (self->status_dropdown, i);
  for (guint i = 0; i < G_N_ELEMENTS (severity_filters); i++)
    if (severity_filters[i] == severities)
      gtk_drop_down_set_selected (self->severity_dropdown, i);
  lia_concerns_view_reload (self);
}

guint
lia_concerns_view_get_n_rows (LiaConcernsView *self)
{
  g_return_val_if_fail (LIA_IS_CONCERNS_VIEW (self), 0);

  return self->ids->len;
}
