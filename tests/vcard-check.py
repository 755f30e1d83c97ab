#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads a vCard file with vobject, a parser that owes nothing to EVCard, and prints one line
per card: its version, its kind, its FN, its email addresses and phone numbers. Exits 1 when
the file does not parse or a card lacks what every vCard must have (VERSION, FN)."""

import sys

import vobject


def main(path):
    with open(path, "rb") as f:
        data = f.read()
    if b"\n" in data.replace(b"\r\n", b""):
        print("a line ends in LF without CR", file=sys.stderr)
        return 1
    count = 0
    for card in vobject.readComponents(data.decode("utf-8")):
        count += 1
        version = card.version.value
        fn = card.fn.value
        kind = "org" if ("kind" in card.contents and card.kind.value == "org") or \
            "x-abshowas" in card.contents else "person"
        emails = ",".join(e.value for e in card.contents.get("email", []))
        tels = ",".join(t.value for t in card.contents.get("tel", []))
        print(f"{version}|{kind}|{fn}|{emails}|{tels}")
    return 0 if count > 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
