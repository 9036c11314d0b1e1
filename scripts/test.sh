#!/usr/bin/env bash
# The project's test command (the README's, and what .ci/run calls): makes sure the real servers
# that the tests start themselves are installed (NATS, Redis, MariaDB, Chromium and its driver, and
# fonts for the browser screenshots, all Debian packages; apt-get update runs once, and only when
# something is missing), then runs `mvn -B verify` with any extra arguments given. Needs JDK 17+ and Maven 3.8+; installing needs
# root (or sudo) and Debian's package repositories.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
have() { command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ] || [ -x "/usr/bin/$1" ]; }
have nats-server || missing+=(nats-server)
have redis-server || missing+=(redis-server)
have mariadbd || missing+=(mariadb-server)
have chromium || missing+=(chromium)
have chromedriver || missing+=(chromium-driver)
# Fonts for the chat page's screenshots (emoji and CJK text instead of empty boxes).
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
installed fonts-noto-color-emoji || missing+=(fonts-noto-color-emoji)
installed fonts-wqy-zenhei || missing+=(fonts-wqy-zenhei)

if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  # The tests start their own servers on free ports; keep the packages' services from starting.
  policy=/usr/sbin/policy-rc.d
  added_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
    $sudo chmod +x "$policy"
    added_policy=1
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
  [ "$added_policy" -eq 0 ] || $sudo rm -f "$policy"
fi

exec mvn -B verify "$@"
