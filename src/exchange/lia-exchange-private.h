/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lia-store.h"

G_BEGIN_DECLS

/* What the importer and the exporter share: progress counters that a worker thread updates and
 * the thread that started the job hears about, and running the job in a worker thread on a
 * connection of its own. */

typedef struct
{
  /* Guards the owner's counters, and pending. */
  GMutex        lock;
  /* Where to notify; NULL: at once, in the thread that calls _lia_progress_tell(). */
  GMainContext *context;
  gboolean      pending;
  GObject      *owner;          /* not a reference: the progress lives inside it */
  GParamSpec  **pspecs;         /* what to notify, NULL-terminated */
} LiaProgress;

void      _lia_progress_init            (LiaProgress  *progress,
                                         GObject      *owner,
                                         GParamSpec  **pspecs);
void      _lia_progress_clear           (LiaProgress  *progress);
/* From now on, notifications go to the main context of the calling thread. */
void      _lia_progress_notify_here     (LiaProgress  *progress);
/* Notifies the properties, now or (at most one at a time) on the chosen main context. */
void      _lia_progress_tell            (LiaProgress  *progress);

typedef gboolean (*LiaExchangeRunFunc) (gpointer       self,
                                        LiaStore      *store,
                                        GCancellable  *cancellable,
                                        GError       **error);

/* Runs @run on @self in a GTask thread, with a store of its own opened on the file of @store.
 * The progress of @self is notified on the caller's main context. With @announce, @store
 * hears of what the run committed (its "changed" or "reset" signals, once) before @callback
 * is called. */
void      _lia_exchange_run_async       (GObject             *self,
                                         LiaProgress         *progress,
                                         gpointer             source_tag,
                                         LiaExchangeRunFunc   run,
                                         LiaStore            *store,
                                         gboolean             announce,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);

G_END_DECLS
