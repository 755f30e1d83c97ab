#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of projects: the real `liaison`, driven through AT-SPI as a person would.

On the sample directory it:

  1. goes to Projects, presses New Project, types a name, adds a milestone and a risk, saves;
  2. opens a meeting of the sample and links it to the project with "Link to Project…";
  3. opens the project and prints its status report with Ctrl+P, to the print dialog's Print to
     File (a PDF), and reads the PDF back with pdftotext: the project, its milestone, its risk
     and the linked meeting are in it;
  4. closes the window, and checks with `liaison risks` and `liaison export` that the project,
     its milestone, its risk and the link are in the database.

It shares the harness of test-e2e.py (its own Xvfb and session bus, exit 77 when what it needs
is not installed).

With --postgresql (meson test e2e-projects-pg) it runs on a team server's database, made as
test-e2e.py makes it, and then also checks that the server's briefings say what a file's do:
the server's data moved into a file through the partner directory (`liaison export`, `liaison
import`), the project's report, an organization's briefing with its map, a contact's briefing
and a meeting pack printed with `liaison briefing` from both, their pdftotext output compared
but for the minute in the footer.
"""

import argparse
import glob
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("liaison_e2e", os.path.join(HERE, "test-e2e.py"))
e2e = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(e2e)
Failure, log = e2e.Failure, e2e.log

PROJECT = "Cold chain for district clinics (end-to-end test)"
MILESTONE = "First fridges delivered"
RISK = "Customs hold the fridges at the port"
# A title only one meeting of the sample has: the search's first hit among meetings of the same
# title is a matter of ranking, which differs between a file (FTS5) and a server (tsvector).
MEETING = "Lunch with Daniel Otieno"


def run_scenario(ui, folder):
    window = ui.window("Liaison")

    log("create a project with a milestone and a risk")
    sidebar = ui.find(window, "list", "Views")
    ui.click_until(ui.find(sidebar, "list item", "Projects"),
                   lambda: ui.find_all(window, "push button", "New Project"), "the Projects view")
    ui.click(ui.find(window, "push button", "New Project"))
    editor = ui.window("New Project")
    ui.type_into(ui.find(editor, "text", "Name"), PROJECT)
    ui.click(ui.find(editor, "push button", "Add Milestone"))
    ui.type_into(ui.find(editor, "text", "Milestone"), MILESTONE)
    ui.click(ui.find(editor, "push button", "Add Risk"))
    ui.type_into(ui.find(editor, "text", "Risk"), RISK)
    ui.click(ui.find(editor, "push button", "Save"))
    ui.wait_for(lambda: all(w.get_name() != "New Project" for w in ui.windows() if w),
                "the editor to close")

    log(f"link “{MEETING}” to it")
    e2e.search_and_open(ui, window, MEETING)
    ui.click(ui.find(window, "push button", "Link to Project…"))
    entry = ui.find(window, "entry", "Search")
    ui.type_into(entry, "cold chain")
    ui.wait_for(lambda: e2e.first_row_name(ui, entry.get_parent()) == PROJECT, "the project in the picker")
    ui.press_key(entry, "Return")
    ui.wait_for(lambda: [n for n in ui.walk(window) if n.get_role_name() == "list item"
                         and n.get_name().startswith(PROJECT)], "the project on the meeting's page")

    log("print the project's report to a PDF file")
    e2e.search_and_open(ui, window, PROJECT)
    ui.rawinput.keyCombo("<Control>p")
    dialog = ui.wait_for(lambda: next((w for w in ui.windows() if w is not None and w.get_role_name() == "dialog"),
                                      None), "the print dialog")
    # The only printer here (no CUPS queue under Xvfb); chosen with the pointer, as GTK 4.8
    # gives its row no action. Without a window manager the dialog, too, sits at the origin.
    ui.click(ui.find(dialog, "label", "Print to File"))
    ui.click(ui.find(dialog, "push button", "Print"))
    pdf = ui.wait_for(lambda: next(iter(glob.glob(os.path.join(folder, "**", "*.pdf"), recursive=True)), None),
                      "the PDF")
    ui.wait_for(lambda: os.path.getsize(pdf) > 0 and
                subprocess.run(["pdftotext", pdf, "-"], capture_output=True).returncode == 0, "the PDF written")
    text = " ".join(subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout.split())
    for expected in (PROJECT, MILESTONE, RISK, MEETING, "Page 1 of"):
        if expected not in text:
            raise Failure(f"“{expected}” is not in the printed report: {text[:400]}")

    log("close the window")
    ui.close_window(window)


# The sample's records whose briefings the server and the file print alike.
SAME_BRIEFINGS = (("--organization", "mhsc", "--map"), ("--contact", "c-002"), ("--interaction", "i-0002"))


def pdf_text(pdf):
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True, text=True)
    if result.returncode != 0:
        raise Failure(f"pdftotext {pdf}: {result.stderr}")
    return " ".join(result.stdout.split())


def check_same_as_file(liaison, server, folder, project_id):
    """The server's briefings say the same as a file's with the same records."""
    directory = os.path.join(folder, "from-server.xml")
    copy = os.path.join(folder, "copy.db")
    subprocess.run([liaison, "export", "--database", server, directory],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run([liaison, "import", "--database", copy, directory],
                   check=True, stdout=subprocess.DEVNULL)
    today = time.strftime("%Y-%m-%d")
    # What depends on the moment each is printed: the footer's date and minute, and a contact's
    # local time then ("Europe/Paris (UTC+01:00): 14:05 on Tuesday when printed"). The two
    # prints are seconds apart, more on a busy machine: a minute may turn between them.
    printed = re.compile(r"Printed \d{1,2} \w+ \d{4}, \d{2}:\d{2}"
                         r"|(?<=\)): \d{2}:\d{2} on \w+(?= when printed)")
    for args in (("--project", project_id),) + SAME_BRIEFINGS:
        texts = []
        for database, name in ((server, "server.pdf"), (copy, "file.pdf")):
            pdf = os.path.join(folder, name)
            subprocess.run([liaison, "briefing", "--database", database, "--today", today,
                            "--paper", "a4", "--output", pdf] + list(args),
                           check=True, stdout=subprocess.DEVNULL)
            texts.append(printed.sub("…", pdf_text(pdf)))
        if texts[0] != texts[1] or len(texts[0]) < 200:
            raise Failure(f"`liaison briefing {' '.join(args)}` from the server says\n"
                          f"  {texts[0][:2000]}\nfrom a file\n  {texts[1][:2000]}")
        log(f"`liaison briefing {' '.join(args)}`: the same {len(texts[0])} characters from the server and a file")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--liaison", default=os.environ.get("LIAISON_BINARY"))
    parser.add_argument("--sample", required=True)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--postgresql", action="store_true",
                        help="on a database of the test cluster LIAISON_TEST_PG names")
    args = parser.parse_args()
    if not args.liaison:
        print("--liaison or LIAISON_BINARY is needed", file=sys.stderr)
        return 2
    args.liaison = os.path.abspath(args.liaison)
    if args.postgresql and not os.environ.get("LIAISON_TEST_PG"):
        e2e.skip("no PostgreSQL test cluster (LIAISON_TEST_PG): run under tests/pg-cluster.sh")

    e2e.ensure_session(sys.argv)
    Atspi, rawinput = e2e.import_atspi()
    if shutil.which("pdftotext") is None:
        e2e.skip("pdftotext is not installed (package poppler-utils)")

    start = time.monotonic()
    folder = tempfile.mkdtemp(prefix="liaison-e2e-projects-")
    process = None
    server = None
    try:
        server = e2e.Database(args.liaison, folder, args.postgresql)
        database = server.location
        log(f"on {'a team server' if server.is_server else 'a file'}")
        subprocess.run([args.liaison, "import", "--database", database, args.sample],
                       check=True, stdout=subprocess.DEVNULL)
        process = e2e.start_window(args.liaison, database, folder)
        ui = e2e.Ui(Atspi, rawinput, process)
        try:
            run_scenario(ui, folder)
        except Failure:
            if process.poll() is None:
                print("# The accessibility tree when it failed:", file=sys.stderr)
                ui.dump()
            raise
        e2e.wait_for_exit(process)

        risks = subprocess.run([args.liaison, "risks", "--database", database, "--format", "csv"],
                               check=True, capture_output=True, text=True).stdout
        if RISK not in risks:
            raise Failure(f"the risk is not in `liaison risks`: {risks}")
        projects = subprocess.run([args.liaison, "projects", "--database", database, "--format", "csv"],
                                  check=True, capture_output=True, text=True).stdout
        row = next((line for line in projects.splitlines() if PROJECT in line), None)
        if row is None or ",0,1," not in row:
            raise Failure(f"the project with 0 of 1 milestones done is not in `liaison projects`: {projects}")
        if server.is_server:
            check_same_as_file(args.liaison, database, folder, row.split(",", 1)[0])
        log(f"passed in {time.monotonic() - start:.1f} s")
        return 0
    except Failure as failure:
        print(f"FAIL: {failure}", file=sys.stderr)
        return 1
    finally:
        e2e.clean_up(process, folder, args.keep)
        if server is not None and not args.keep:
            server.drop()

if __name__ == "__main__":
    sys.exit(main())
