#!/usr/bin/env bash
# Installs a real Jython 2.7 (Debian package) for the differential tests, when missing
# and when we may (root with apt-get). Tests skip the Jython comparison, loudly, without it.
set -u
if command -v jython >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jython >/dev/null) \
    || echo "install-jython: could not install jython; Jython comparisons will be skipped" >&2
else
  echo "install-jython: not root or no apt-get; Jython comparisons will be skipped" >&2
fi
exit 0
