#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# run-tool.sh PACKAGE TOOL [ARGUMENT…]: runs a validator, or skips (exit 77) saying which
# Debian package provides it when it is not installed. build-aux/dev installs them all.
package="$1"
tool="$2"
shift 2

if ! command -v "$tool" >/dev/null 2>&1; then
  echo "SKIP: $tool is not installed (Debian package $package)"
  exit 77
fi

exec "$tool" "$@"
