/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lia-store.h"

G_BEGIN_DECLS

/* Desktop notifications, at most once a day (lia_today_plan_notices() decides what to say):
 * a commitment that fell due, a stakeholder managed closely whose cadence lapsed. Each has
 * a default action that opens the record ("app.open-record", "(ix)") or Today
 * ("app.show-today"). Nothing when @settings is %NULL or its "notifications" is off; sent
 * on @now's day, remembered in "notifications-last-day". Returns how many were sent. */
guint  lia_notifications_send_due  (GApplication *application,
                                    LiaStore     *store,
                                    GSettings    *settings,
                                    GDateTime    *now);

G_END_DECLS
