#!/usr/bin/env bash
# The tools the tests need from the system, installed from Debian's packages when missing:
# xmllint (libxml2-utils) validates ReqIF exports against the ReqIF 1.2 schema, and Chromium runs the
# site's browser tests (no browser is ever downloaded by npm packages). Java 17 and Maven, for the Neo4j
# test server, are expected on the machine.
set -euo pipefail
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then $sudo apt-get update; apt_updated=1; fi
  $sudo apt-get install -y "$@"
}
command -v xmllint >/dev/null || apt_install libxml2-utils
[ -x "${TRACERY_CHROMIUM:-/usr/bin/chromium}" ] || apt_install chromium
