/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-csv-mapping-dialog.h"

/* How many of the first rows a column shows under its name. */
#define SAMPLE_ROWS 3

struct _LiaCsvMappingDialog
{
  AdwWindow      parent_instance;

  AdwWindowTitle *title;
  GtkListBox     *columns;
  GtkButton      *import_button;

  GSettings      *settings;
  char           *header_key;
  char          **column_names;
  /* One GtkDropDown per column; item 0 is "Don't import", then lia_csv_field_names(). */
  GPtrArray      *dropdowns;
};

enum { SIGNAL_MAPPED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LiaCsvMappingDialog, lia_csv_mapping_dialog, ADW_TYPE_WINDOW)

/* The fields in the order of the dropdowns: "ignore" first. */
static const char *
field_at (guint position)
{
  const char * const *names = lia_csv_field_names ();
  guint n = g_strv_length ((char **) names);

  if (position == 0)
    return "ignore";
  for (guint i = 0, p = 1; i < n; i++)
    if (!g_str_equal (names[i], "ignore") && p++ == position)
      return names[i];
  return "ignore";
}

static guint
position_of (const char *field)
{
  const char * const *names = lia_csv_field_names ();

  if (field == NULL || g_str_equal (field, "ignore"))
    return 0;
  for (guint i = 0, p = 1; names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], "ignore"))
        continue;
      if (g_str_equal (names[i], field))
        return p;
      p++;
    }
  return 0;
}

/* A first guess from the column's name, in English or French. */
static const char *
guess_field (const char *column)
{
  static const struct { const char *name; const char *field; } guesses[] = {
    { "first name", "given-name" }, { "given name", "given-name" }, { "prénom", "given-name" },
    { "last name", "family-name" }, { "family name", "family-name" }, { "surname", "family-name" },
    { "nom de famille", "family-name" }, { "nom", "family-name" },
    { "name", "display-name" }, { "full name", "display-name" }, { "nom complet", "display-name" },
    { "email", "email" }, { "e-mail", "email" }, { "mail", "email" }, { "courriel", "email" },
    { "adresse électronique", "email" },
    { "phone", "phone" }, { "telephone", "phone" }, { "téléphone", "phone" }, { "tel", "phone" },
    { "mobile", "mobile-phone" }, { "portable", "mobile-phone" },
    { "company", "organization" }, { "organization", "organization" }, { "organisation", "organization" },
    { "société", "organization" }, { "entreprise", "organization" },
    { "title", "job-title" }, { "job title", "job-title" }, { "position", "job-title" }, { "fonction", "job-title" },
    { "department", "department" }, { "service", "department" },
    { "notes", "notes" }, { "note", "notes" }, { "remarques", "notes" },
    { "tags", "tags" }, { "labels", "tags" }, { "categories", "tags" }, { "catégories", "tags" },
    { "website", "website" }, { "site web", "website" }, { "url", "website" },
    { "city", "city" }, { "ville", "city" }, { "country", "country" }, { "pays", "country" },
    { "street", "street" }, { "adresse", "street" }, { "postal code", "postal-code" }, { "code postal", "postal-code" },
    { "birthday", "birthday" }, { "date de naissance", "birthday" },
  };
  g_autofree char *folded = g_utf8_casefold (column, -1);

  g_strstrip (folded);
  for (guint i = 0; i < G_N_ELEMENTS (guesses); i++)
    {
      g_autofree char *name = g_utf8_casefold (guesses[i].name, -1);
      if (g_str_equal (folded, name))
        return guesses[i].field;
    }
  for (const char * const *names = lia_csv_field_names (); *names != NULL; names++)
    {
      g_autofree char *label = g_utf8_casefold (lia_csv_field_label (*names), -1);
      if (g_str_equal (folded, label) || g_str_equal (folded, *names))
        return *names;
    }
  return NULL;
}

static GtkStringList *
field_labels (void)
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  const char *field;

  for (guint p = 0; !g_str_equal ((field = field_at (p)), "ignore") || p == 0; p++)
    gtk_string_list_append (labels, lia_csv_field_label (field));
  return labels;
}

static char *
samples (LiaCsvPreview *preview,
         guint          column)
{
  GString *text = g_string_new (NULL);

  for (guint r = 0; r < MIN (preview->rows->len, SAMPLE_ROWS); r++)
    {
      char **cells = g_ptr_array_index (preview->rows, r);
      g_autofree char *one_line = g_strdup (cells[column]);

      g_strdelimit (one_line, "\r\n\t", ' ');
      g_strstrip (one_line);
      if (one_line[0] == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, one_line);
    }
  if (text->len == 0)
    g_string_append (text, _("(empty in the first rows)"));
  return g_string_free (text, FALSE);
}

static void
add_column (LiaCsvMappingDialog *self,
            LiaCsvPreview       *preview,
            guint                column,
            const char          *field)
{
  const char *name = preview->columns[column];
  g_autofree char *unnamed = NULL;
  g_autofree char *subtitle = samples (preview, column);
  g_autoptr(GtkStringList) labels = field_labels ();
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);

  if (name[0] == '\0')
    name = unnamed = g_strdup_printf (_("Column %u"), column + 1);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (row, subtitle);
  adw_action_row_set_subtitle_lines (row, 1);
  adw_action_row_set_title_lines (row, 1);

  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), position_of (field));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  adw_action_row_add_suffix (row, dropdown);
  adw_action_row_set_activatable_widget (row, dropdown);

  gtk_list_box_append (self->columns, GTK_WIDGET (row));
  g_ptr_array_add (self->dropdowns, dropdown);
}

/* What was chosen last time for a file with these columns, if anything. */
static char **
remembered (LiaCsvMappingDialog *self)
{
  g_autoptr(GVariant) maps = NULL;
  char **fields = NULL;

  if (self->settings == NULL)
    return NULL;
  maps = g_settings_get_value (self->settings, "csv-column-maps");
  if (!g_variant_lookup (maps, self->header_key, "^as", &fields))
    return NULL;
  return fields;
}

static void
remember (LiaCsvMappingDialog *self)
{
  g_autoptr(GVariant) old = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key;
  GVariant *value;

  if (self->settings == NULL)
    return;

  for (guint i = 0; i < self->dropdowns->len; i++)
    g_ptr_array_add (fields, (gpointer) lia_csv_mapping_dialog_get_field (self, i));
  g_ptr_array_add (fields, NULL);

  old = g_settings_get_value (self->settings, "csv-column-maps");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sas}"));
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s@as}", &key, &value))
    {
      if (!g_str_equal (key, self->header_key))
        g_variant_builder_add (&builder, "{s@as}", key, value);
      g_variant_unref (value);
    }
  g_variant_builder_add (&builder, "{s^as}", self->header_key, (char **) fields->pdata);
  g_settings_set_value (self->settings, "csv-column-maps", g_variant_builder_end (&builder));
}

static void
on_import_button_clicked_cb (LiaCsvMappingDialog *self)
{
  g_autofree char *map = lia_csv_mapping_dialog_dup_map (self);

  remember (self);
  g_signal_emit (self, signals[SIGNAL_MAPPED], 0, map);
  gtk_window_close (GTK_WINDOW (self));
}

static void
lia_csv_mapping_dialog_dispose (GObject *object)
{
  LiaCsvMappingDialog *self = LIA_CSV_MAPPING_DIALOG (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_CSV_MAPPING_DIALOG);

  G_OBJECT_CLASS (lia_csv_mapping_dialog_parent_class)->dispose (object);
}

static void
lia_csv_mapping_dialog_finalize (GObject *object)
{
  LiaCsvMappingDialog *self = LIA_CSV_MAPPING_DIALOG (object);

  g_free (self->header_key);
  g_strfreev (self->column_names);
  g_ptr_array_unref (self->dropdowns);

  G_OBJECT_CLASS (lia_csv_mapping_dialog_parent_class)->finalize (object);
}

static void
lia_csv_mapping_dialog_class_init (LiaCsvMappingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_csv_mapping_dialog_dispose;
  object_class->finalize = lia_csv_mapping_dialog_finalize;

  /**
   * LiaCsvMappingDialog::mapped:
   * @map: the column map, for lia_importer_set_column_map()
   *
   * "Import" was pressed.
   */
  signals[SIGNAL_MAPPED] =
    g_signal_new ("mapped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaison/Liaison/lia-csv-mapping-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaCsvMappingDialog, title);
  gtk_widget_class_bind_template_child (widget_class, LiaCsvMappingDialog, columns);
  gtk_widget_class_bind_template_child (widget_class, LiaCsvMappingDialog, import_button);
  gtk_widget_class_bind_template_callback (widget_class, on_import_button_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lia_csv_mapping_dialog_init (LiaCsvMappingDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->dropdowns = g_ptr_array_new ();
}

LiaCsvMappingDialog *
lia_csv_mapping_dialog_new (GtkWindow     *parent,
                            const char    *file_name,
                            LiaCsvPreview *preview,
                            GSettings     *settings)
{
  LiaCsvMappingDialog *self;
  g_auto(GStrv) chosen = NULL;
  guint n_chosen;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (preview != NULL, NULL);

  self = g_object_new (LIA_TYPE_CSV_MAPPING_DIALOG, "transient-for", parent, NULL);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  self->header_key = g_strdup (preview->header_key);
  self->column_names = g_strdupv (preview->columns);
  if (file_name != NULL)
    adw_window_title_set_subtitle (self->title, file_name);

  chosen = remembered (self);
  n_chosen = chosen != NULL ? g_strv_length (chosen) : 0;
  for (guint i = 0; preview->columns[i] != NULL; i++)
    add_column (self, preview, i, i < n_chosen ? chosen[i] : guess_field (preview->columns[i]));

  gtk_widget_grab_focus (GTK_WIDGET (self->import_button));
  return self;
}

const char *
lia_csv_mapping_dialog_get_field (LiaCsvMappingDialog *self,
                                  guint                column)
{
  g_return_val_if_fail (LIA_IS_CSV_MAPPING_DIALOG (self), NULL);
  g_return_val_if_fail (column < self->dropdowns->len, NULL);

  return field_at (gtk_drop_down_get_selected (g_ptr_array_index (self->dropdowns, column)));
}

void
lia_csv_mapping_dialog_set_field (LiaCsvMappingDialog *self,
                                  guint                column,
                                  const char          *field)
{
  g_return_if_fail (LIA_IS_CSV_MAPPING_DIALOG (self));
  g_return_if_fail (column < self->dropdowns->len);

  gtk_drop_down_set_selected (g_ptr_array_index (self->dropdowns, column), position_of (field));
}

char *
lia_csv_mapping_dialog_dup_map (LiaCsvMappingDialog *self)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();

  g_return_val_if_fail (LIA_IS_CSV_MAPPING_DIALOG (self), NULL);

  for (guint i = 0; i < self->dropdowns->len; i++)
    g_ptr_array_add (fields, (gpointer) lia_csv_mapping_dialog_get_field (self, i));
  g_ptr_array_add (fields, NULL);
  return lia_csv_column_map_build ((const char * const *) self->column_names,
                                   (const char * const *) fields->pdata);
}
