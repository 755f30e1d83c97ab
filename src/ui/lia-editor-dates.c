/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>

#include "lia-editor-dates.h"

/* The order of day, month and year in the locale's numeric date, found by writing a day whose
 * parts cannot be mistaken for one another: "dmy", "mdy" or "ymd". */
static void
locale_date_order (char order[4])
{
  GDate probe;
  char text[64];
  const char *day, *month, *year;
  struct { char part; const char *at; } parts[3];

  g_date_clear (&probe, 1);
  g_date_set_dmy (&probe, 22, 11, 2001);
  if (g_date_strftime (text, sizeof text, "%x", &probe) == 0)
    text[0] = '\0';

  day = strstr (text, "22");
  month = strstr (text, "11");
  year = strstr (text, "2001");
  if (year == NULL)
    year = strstr (text, "01");
  if (day == NULL || month == NULL || year == NULL)
    {
      strcpy (order, "dmy");
      return;
    }

  parts[0].part = 'd', parts[0].at = day;
  parts[1].part = 'm', parts[1].at = month;
  parts[2].part = 'y', parts[2].at = year;
  for (guint i = 0; i < 3; i++)
    for (guint j = i + 1; j < 3; j++)
      if (parts[j].at < parts[i].at)
        {
          char part = parts[i].part;
          const char *at = parts[i].at;

          parts[i] = parts[j];
          parts[j].part = part, parts[j].at = at;
        }
  for (guint i = 0; i < 3; i++)
    order[i] = parts[i].part;
  order[3] = '\0';
}

char *
lia_editor_date_format (const GDate *date)
{
  char text[128];
  g_autoptr(GString) format = NULL;

  if (date == NULL || !g_date_valid (date))
    return NULL;

  /* The locale's numeric date, but always with the whole year: the C locale's %x is
   * "12/11/26", and a date someone reads back to check must not leave the century open. */
  format = g_string_new (nl_langinfo (D_FMT));
  if (format->len == 0)
    g_string_assign (format, "%x");
  g_string_replace (format, "%y", "%Y", 0);
  if (g_date_strftime (text, sizeof text, format->str, date) == 0)
    return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                            g_date_get_day (date));

  return g_strdup (text);
}

GDate *
lia_editor_date_parse (const char *text)
{
  guint values[3] = { 0, 0, 0 };
  guint lengths[3] = { 0, 0, 0 };
  guint count = 0;
  int day = 0, month = 0, year = 0;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int this_year = g_date_time_get_year (now);
  char order[4];

  g_return_val_if_fail (text != NULL, NULL);

  for (const char *p = text; *p != '\0'; )
    {
      if (g_ascii_isdigit (*p))
        {
          if (count == 3)
            return NULL;
          while (g_ascii_isdigit (*p))
            {
              if (++lengths[count] > 4)
                return NULL;
              values[count] = values[count] * 10 + (guint) (*p - '0');
              p++;
            }
          count++;
        }
      else if (strchr ("/.- ", *p) != NULL)
        p++;
      else
        return NULL;
    }

  if (count < 2)
    return NULL;

  if (count == 3 && lengths[0] == 4)
    {
      /* Year first, as in ISO 8601, whatever the locale. */
      year = (int) values[0], month = (int) values[1], day = (int) values[2];
    }
  else
    {
      guint next = 0;

      locale_date_order (order);
      for (guint i = 0; i < 3; i++)
        {
          if (order[i] == 'y' && count == 2)
            continue;
          if (order[i] == 'd')
            day = (int) values[next];
          else if (order[i] == 'm')
            month = (int) values[next];
          else if (lengths[next] <= 2)
            /* Two digits: this century for the next twenty years, else the last one. */
            year = (int) values[next] + ((int) values[next] <= this_year % 100 + 20 ? 2000 : 1900);
          else
            year = (int) values[next];
          next++;
        }
      if (count == 2)
        year = this_year;
    }

  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return NULL;

  return g_date_new_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* Whether the locale writes times with AM/PM: its own time format shows 13:00 otherwise. */
static gboolean
locale_uses_am_pm (void)
{
  g_autoptr(GDateTime) probe = g_date_time_new_utc (2001, 11, 22, 13, 0, 0);
  g_autofree char *text = g_date_time_format (probe, "%X");

  return text != NULL && strstr (text, "13") == NULL;
}

char *
lia_editor_time_format (GDateTime *at)
{
  g_return_val_if_fail (at != NULL, NULL);

  return g_date_time_format (at, locale_uses_am_pm () ? "%-I:%M %p" : "%H:%M");
}

/* Strips an AM or PM marker (the locale's own, or the English one) from the end of @text. */
static gboolean
strip_am_pm (char     *text,
             gboolean *pm)
{
  g_autoptr(GDateTime) morning = g_date_time_new_utc (2001, 11, 22, 1, 0, 0);
  g_autoptr(GDateTime) evening = g_date_time_new_utc (2001, 11, 22, 13, 0, 0);
  g_autofree char *am_text = g_date_time_format (morning, "%p");
  g_autofree char *pm_text = g_date_time_format (evening, "%p");
  const char *markers[] = { am_text, pm_text, "am", "pm", "a.m.", "p.m.", "a", "p" };
  gsize length = strlen (text);

  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    {
      g_autofree char *marker = markers[i] != NULL ? g_utf8_strdown (markers[i], -1) : NULL;
      gsize marker_length = marker != NULL ? strlen (marker) : 0;

      if (marker_length == 0 || marker_length > length ||
          strcmp (text + length - marker_length, marker) != 0)
        continue;

      *pm = i == 1 || i == 3 || i == 5 || i == 7;
      text[length - marker_length] = '\0';
      g_strchomp (text);
      return TRUE;
    }

  return FALSE;
}

gboolean
lia_editor_time_parse (const char *text,
                       int        *hour,
                       int        *minute)
{
  g_autofree char *lower = NULL;
  gboolean has_marker, pm = FALSE;
  int h = 0, m = 0, digits = 0;
  const char *p;

  g_return_val_if_fail (text != NULL, FALSE);

  lower = g_strstrip (g_utf8_strdown (text, -1));
  has_marker = strip_am_pm (lower, &pm);

  p = lower;
  while (g_ascii_isdigit (*p) && digits < 4)
    h = h * 10 + (*p++ - '0'), digits++;
  if (digits == 0)
    return FALSE;

  if (*p == ':' || *p == '.' || *p == 'h')
    {
      if (digits > 2)
        return FALSE;
      p++;
      digits = 0;
      while (g_ascii_isdigit (*p) && digits < 2)
        m = m * 10 + (*p++ - '0'), digits++;
      if (digits == 1 || (digits == 0 && *p != '\0'))
        return FALSE;
    }
  else if (digits > 2)
    {
      /* 1430 or 930. */
      m = h % 100;
      h /= 100;
    }

  if (*p != '\0')
    return FALSE;

  if (has_marker)
    {
      if (h < 1 || h > 12)
        return FALSE;
      h = (h % 12) + (pm ? 12 : 0);
    }

  if (h > 23 || m > 59)
    return FALSE;

  *hour = h;
  *minute = m;
  return TRUE;
}

static void
on_day_selected_cb (GtkCalendar *calendar,
                    GtkWidget   *entry_row)
{
  g_autoptr(GDateTime) chosen = NULL;
  g_autofree char *text = NULL;
  GDate day;

  if (g_object_get_data (G_OBJECT (calendar), "lia-showing") != NULL)
    return;

  chosen = gtk_calendar_get_date (calendar);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, (GDateDay) g_date_time_get_day_of_month (chosen),
                  (GDateMonth) g_date_time_get_month (chosen), (GDateYear) g_date_time_get_year (chosen));
  text = lia_editor_date_format (&day);
  gtk_editable_set_text (GTK_EDITABLE (entry_row), text);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER)));
}

static void
on_popover_show_cb (GtkPopover  *popover,
                    GtkCalendar *calendar)
{
  GtkWidget *entry_row = g_object_get_data (G_OBJECT (calendar), "lia-entry-row");
  g_autoptr(GDate) day = lia_editor_date_parse (gtk_editable_get_text (GTK_EDITABLE (entry_row)));
  g_autoptr(GDateTime) shown = NULL;

  /* Open on the day the field holds, or on today for an empty field. */
  if (day != NULL)
    shown = g_date_time_new_local (g_date_get_year (day), g_date_get_month (day), g_date_get_day (day),
                                   12, 0, 0);
  else
    shown = g_date_time_new_now_local ();
  g_object_set_data (G_OBJECT (calendar), "lia-showing", GINT_TO_POINTER (TRUE));
  gtk_calendar_select_day (calendar, shown);
  g_object_set_data (G_OBJECT (calendar), "lia-showing", NULL);
  gtk_widget_grab_focus (GTK_WIDGET (calendar));
}

GtkWidget *
lia_editor_calendar_button_new (GtkWidget *entry_row)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  g_return_val_if_fail (GTK_IS_EDITABLE (entry_row), NULL);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Choose a Day"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose a Day"), -1);
  g_object_set_data (G_OBJECT (calendar), "lia-entry-row", entry_row);
  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (on_day_selected_cb), entry_row, 0);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_popover_show_cb), calendar, 0);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);

  return button;
}
