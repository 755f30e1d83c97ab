#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-mime.sh MIME_XML SAMPLE: installs the MIME type into a scratch data directory and checks
# what GIO, as a file manager uses it, makes of partner directories and of other XML.
set -u

for tool in update-mime-database:shared-mime-info gio:libglib2.0-bin; do
  if ! command -v "${tool%%:*}" >/dev/null 2>&1; then
    echo "SKIP: ${tool%%:*} is not installed (Debian package ${tool#*:})"
    exit 77
  fi
done

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/mime/packages"
cp "$1" "$scratch/mime/packages/io.github.liaison.Liaison.xml"
export XDG_DATA_DIRS="$scratch:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
export XDG_DATA_HOME="$scratch/home"
update-mime-database "$scratch/mime" || exit 1

status=0
expect () {
  type=$(gio info -a standard::content-type "$1" | sed -n 's/^ *standard::content-type: //p')
  if [ "$type" = "$2" ]; then
    echo "ok: $(basename "$1") is $type"
  else
    echo "FAIL: $(basename "$1") is “$type”, expected $2"
    status=1
  fi
}

# Recognised by the namespace of its root element, whatever its name…
cp "$2" "$scratch/office-directory"
expect "$scratch/office-directory" application/x-liaison-directory+xml
# …or by the *.partners.xml name.
cp "$2" "$scratch/office.partners.xml"
expect "$scratch/office.partners.xml" application/x-liaison-directory+xml
# Other XML is not claimed.
printf '<?xml version="1.0"?>\n<vcards xmlns="urn:ietf:params:xml:ns:vcard-4.0"/>\n' > "$scratch/people"
expect "$scratch/people" application/xml
exit "$status"
