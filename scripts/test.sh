#!/usr/bin/env bash
# Install what the tests need (PostgreSQL server binaries, the package with its test
# extras) and run the whole test suite. The README's test command and .ci/run call this.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "warning: no PostgreSQL server (apt-get install postgresql); its tests will be skipped" >&2
  fi
fi
if [ ! -x /usr/bin/chromium ]; then  # the browser tests drive Debian's chromium (no download)
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "warning: no /usr/bin/chromium (apt-get install chromium); browser tests will be skipped" >&2
  fi
fi
python3 -m pip install -q -e ".[test]"
# The whole suite on SQLite (tests on the `db_url` fixture run on PostgreSQL too), then
# every test that takes its database from FORCEWATCH_TEST_DB (marker `db`) on PostgreSQL.
# Arguments go to both runs; the second is skipped when they already choose a backend.
python3 -m pytest "$@"
if [ -z "${FORCEWATCH_TEST_DB:-}" ]; then
  FORCEWATCH_TEST_DB=postgresql python3 -m pytest -m db "$@" || [ $? -eq 5 ]  # 5: none selected
fi
