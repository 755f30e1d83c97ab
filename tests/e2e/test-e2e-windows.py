#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of the window list a screen reader sees: the real `liaison`, asked through
AT-SPI for a window past its visible ones, as a screen reader asks when a window closes between
its two questions (how many windows, then the window at each index), which is what dogtail did
when an editor closed under load and liaison aborted.

GTK 4.8 answers that question with the last window in gtk_window_get_toplevels (), shown or
not. GtkApplication's automatic help overlay (gtk/help-overlay.ui) was such a window: made
hidden with the main window and never shown, it had no accessible object path, and the answer
was a GLib-CRITICAL, fatal here as in every test (G_DEBUG=fatal-criticals). Liaison must stay up
and answer:

  1. with only the main window shown;
  2. while Keyboard Shortcuts (Ctrl+?) is open, and after it is closed with Escape: it opens
     as a window of its own and goes away;
  3. after an editor opened with New (win.new, Ctrl+N) is closed with Escape;

and then it closes its window and exits with 0. It shares the harness of test-e2e.py (its own
Xvfb and session bus, exit 77 when what it needs is not installed).
"""

import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("liaison_e2e", os.path.join(HERE, "test-e2e.py"))
e2e = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(e2e)
Failure, log = e2e.Failure, e2e.log


def shown_window_names(ui):
    return sorted(w.get_name() for w in ui.windows() if w is not None)


def ask_past_the_end(ui, when):
    """Asks for the window at the index the count gives (one past the last), then checks that
    liaison still runs and still answers."""
    count = ui.app.get_child_count()
    try:
        answer = ui.app.get_child_at_index(count)
        answered = answer.get_name() if answer is not None else None
    except Exception as error:  # an error for a bad index is a fine answer too
        answered = f"an error ({str(error).split(':')[0]})"
    # An abort comes before the answer: the next question fails until liaison is gone, and
    # wait_for() then says with which status it exited.
    ui.wait_for(lambda: ui.app.get_child_count() >= 1,
                f"{when}: liaison to list its window again after the question for window "
                f"{count} of {count}")
    log(f"{when}: window {count} of {count} is {answered!r}, and liaison still answers")


def run_scenario(ui):
    window = ui.window("Liaison")
    ask_past_the_end(ui, "the main window alone")

    log("open Keyboard Shortcuts")
    before = shown_window_names(ui)
    # Ctrl+? as typed on a US keyboard (the menu item runs the same win.show-help-overlay).
    ui.rawinput.keyCombo("<Control><Shift>question")
    shortcuts = ui.wait_for(lambda: len(shown_window_names(ui)) > len(before) and
                            next(w for w in ui.windows() if w is not None and w.get_name() != "Liaison"),
                            "the Keyboard Shortcuts window")
    log(f"Keyboard Shortcuts is open: {shortcuts.get_role_name()} {shortcuts.get_name()!r}")
    ask_past_the_end(ui, "with Keyboard Shortcuts open")
    ui.rawinput.pressKey("Escape")
    ui.wait_for(lambda: shown_window_names(ui) == before, "Keyboard Shortcuts to close")
    ask_past_the_end(ui, "after Keyboard Shortcuts closed")

    log("open an editor with New (Ctrl+N) and close it with Escape")
    ui.do_action(window, "win.new")
    editor = ui.wait_for(lambda: next((w for w in ui.windows()
                                       if w is not None and w.get_name() != "Liaison"), None),
                         "an editor")
    log(f"the editor is open: {editor.get_name()!r}")
    ui.rawinput.pressKey("Escape")
    ui.wait_for(lambda: shown_window_names(ui) == before, "the editor to close")
    ask_past_the_end(ui, "after the editor closed")

    log("close the window")
    ui.close_window(window)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--liaison", default=os.environ.get("LIAISON_BINARY"))
    parser.add_argument("--sample", required=True)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    if not args.liaison:
        print("--liaison or LIAISON_BINARY is needed", file=sys.stderr)
        return 2
    args.liaison = os.path.abspath(args.liaison)

    e2e.ensure_session(sys.argv)
    Atspi, rawinput = e2e.import_atspi()

    start = time.monotonic()
    folder = tempfile.mkdtemp(prefix="liaison-e2e-windows-")
    process = ui = None
    try:
        database = os.path.join(folder, "liaison.db")
        subprocess.run([args.liaison, "import", "--database", database, args.sample],
                       check=True, stdout=subprocess.DEVNULL)
        process = e2e.start_window(args.liaison, database, folder)
        ui = e2e.Ui(Atspi, rawinput, process)
        run_scenario(ui)
        e2e.wait_for_exit(process)
    except Failure as failure:
        if ui is not None and process.poll() is None:
            print("# The accessibility tree when it failed:", file=sys.stderr)
            ui.dump()
        print(f"FAIL: {failure}", file=sys.stderr)
        return 1
    finally:
        e2e.clean_up(process, folder, args.keep)
    log(f"passed in {time.monotonic() - start:.1f} s")
    return 0

if __name__ == "__main__":
    sys.exit(main())
