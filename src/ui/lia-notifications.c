/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-notifications.h"
#include "lia-store-today.h"

guint
lia_notifications_send_due (GApplication *application,
                            LiaStore     *store,
                            GSettings    *settings,
                            GDateTime    *now)
{
  g_autoptr(LiaToday) today = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last_day = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (G_IS_APPLICATION (application), 0);
  g_return_val_if_fail (LIA_IS_STORE (store), 0);

  if (settings == NULL || !g_settings_get_boolean (settings, "notifications"))
    return 0;

  last_day = g_settings_get_string (settings, "notifications-last-day");
  if (!(today = lia_store_get_today (store, now, 50, &error)))
    {
      /* The window shows the same failure in Today; a reminder is not worth a dialog. */
      g_debug ("No notifications: %s", error->message);
      return 0;
    }
  notices = lia_today_plan_notices (today, last_day);

  for (guint i = 0; i < notices->len; i++)
    {
      LiaTodayNotice *notice = notices->pdata[i];
      g_autoptr(GNotification) notification = g_notification_new (notice->title);

      g_notification_set_body (notification, notice->body);
      if (notice->record_id > 0)
        g_notification_set_default_action_and_target (notification, "app.open-record", "(ix)",
                                                      (gint32) notice->kind, notice->record_id);
      else
        g_notification_set_default_action (notification, "app.show-today");
      g_application_send_notification (application, notice->id, notification);
    }

  /* Remembered even when there was nothing to say: the next day tells only what is new. */
  day = lia_date_to_iso (&today->day);
  if (g_strcmp0 (day, last_day) != 0)
    g_settings_set_string (settings, "notifications-last-day", day);

  return notices->len;
}
