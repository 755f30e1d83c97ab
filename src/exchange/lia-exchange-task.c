/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-exchange"

#include "config.h"

#include "lia-exchange-private.h"

void
_lia_progress_init (LiaProgress  *progress,
                    GObject      *owner,
                    GParamSpec  **pspecs)
{
  g_mutex_init (&progress->lock);
  progress->context = NULL;
  progress->pending = FALSE;
  progress->owner = owner;
  progress->pspecs = pspecs;
}

void
_lia_progress_clear (LiaProgress *progress)
{
  g_clear_pointer (&progress->context, g_main_context_unref);
  g_mutex_clear (&progress->lock);
}

void
_lia_progress_notify_here (LiaProgress *progress)
{
  g_clear_pointer (&progress->context, g_main_context_unref);
  progress->context = g_main_context_ref_thread_default ();
}

static void
notify_now (LiaProgress *progress)
{
  for (guint i = 0; progress->pspecs[i] != NULL; i++)
    g_object_notify_by_pspec (progress->owner, progress->pspecs[i]);
}

/* On the chosen context. The source holds the owner, and so the progress inside it. */
static gboolean
notify_cb (gpointer user_data)
{
  LiaProgress *progress = user_data;

  g_mutex_lock (&progress->lock);
  progress->pending = FALSE;
  g_mutex_unlock (&progress->lock);

  notify_now (progress);
  return G_SOURCE_REMOVE;
}

static void
release_owner (gpointer user_data)
{
  LiaProgress *progress = user_data;

  g_object_unref (progress->owner);
}

void
_lia_progress_tell (LiaProgress *progress)
{
  gboolean schedule = FALSE;

  if (progress->context == NULL)
    {
      notify_now (progress);
      return;
    }

  g_mutex_lock (&progress->lock);
  if (!progress->pending)
    schedule = progress->pending = TRUE;
  g_mutex_unlock (&progress->lock);

  if (schedule)
    {
      g_object_ref (progress->owner);
      g_main_context_invoke_full (progress->context, G_PRIORITY_DEFAULT, notify_cb, progress,
                                  release_owner);
    }
}

typedef struct
{
  char               *database_path;
  LiaExchangeRunFunc  run;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->database_path);
  g_free (job);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(LiaStore) store = NULL;
  GError *error = NULL;

  if (!(store = lia_store_open (job->database_path, &error)) ||
      !job->run (source_object, store, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* What the caller's task keeps: only ever touched on the caller's thread. */
typedef struct
{
  LiaStore *store;
  gboolean  announce;
} Caller;

static void
caller_free (gpointer data)
{
  Caller *caller = data;

  g_object_unref (caller->store);
  g_free (caller);
}

/* Back on the caller's main context: the caller's store hears of what the worker's connection
 * committed, once, before the caller's callback runs. Reading the change log now (rather than
 * emitting "reset" on top of it) also moves the store past those changes, so that a watching
 * store does not announce them a second time at its next look. */
static void
on_worker_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Caller *caller = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (caller->announce && !lia_store_in_transaction (caller->store))
    {
      g_autoptr(GError) check_error = NULL;

      if (!lia_store_check_outside_changes (caller->store, &check_error))
        {
          g_debug ("Could not read what the import changed, reloading everything: %s",
                   check_error->message);
          lia_store_announce_outside_change (caller->store);
        }
    }

  g_task_return_boolean (task, TRUE);
}

void
_lia_exchange_run_async (GObject             *self,
                         LiaProgress         *progress,
                         gpointer             source_tag,
                         LiaExchangeRunFunc   run,
                         LiaStore            *store,
                         gboolean             announce,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) worker = NULL;
  GTask *task;
  Job *job = g_new0 (Job, 1);
  Caller *caller = g_new0 (Caller, 1);

  job->database_path = g_strdup (lia_store_get_path (store));
  job->run = run;
  caller->store = g_object_ref (store);
  caller->announce = announce;

  _lia_progress_notify_here (progress);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, caller, caller_free);

  worker = g_task_new (self, cancellable, on_worker_done_cb, task);
  g_task_set_task_data (worker, job, job_free);
  g_task_run_in_thread (worker, run_thread);
}
