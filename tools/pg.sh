#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the store tests (register and library on PostgreSQL):
# a new cluster in a temporary folder, owned by the postgres user when run as root, listening on
# 127.0.0.1 only, with durability off (it is thrown away). Installs nothing: tools/setup.sh
# installs Debian's postgresql.
#
#   . tools/pg.sh            (sourced, as tools/test.sh does) exports GONGWEN_TEST_PG and stops the
#                            server when the sourcing shell exits
#   bash tools/pg.sh         starts it and prints the export line and the command that stops it
#
# Without PostgreSQL it says so and exports nothing (the tests then skip PostgreSQL), except under
# CI=true, where it fails.

_gw_pg_main() {
  local bindir="" d
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    bindir=$(dirname "$(command -v pg_ctl)")
  else
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
      if [ -x "$d/pg_ctl" ] && [ -x "$d/initdb" ]; then bindir=$d; break; fi
    done
  fi
  if [ -z "$bindir" ]; then
    echo "pg.sh: 没有找到 PostgreSQL（pg_ctl, initdb），PostgreSQL 测试将跳过 (PostgreSQL not installed; apt-get install postgresql)" >&2
    [ "${CI:-}" = true ] && return 1
    return 0
  fi

  local run=()
  if [ "$(id -u)" = 0 ]; then
    if ! id postgres >/dev/null 2>&1; then
      echo "pg.sh: 以 root 运行但没有 postgres 用户 (running as root and no postgres user)" >&2
      return 1
    fi
    run=(runuser -u postgres --)
  fi

  local dir port
  dir=$(mktemp -d /tmp/gongwen-pg.XXXXXX)
  chmod 755 "$dir"
  [ ${#run[@]} -gt 0 ] && chown postgres "$dir"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)

  # from inside the folder: the postgres user may not be allowed into the caller's working directory
  if ! (cd "$dir" && "${run[@]}" "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1); then
    cat "$dir/initdb.log" >&2
    echo "pg.sh: initdb 失败 (initdb failed)" >&2
    return 1
  fi
  if ! (cd "$dir" && "${run[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null); then
    cat "$dir/server.log" >&2
    echo "pg.sh: PostgreSQL 没有启动 (server did not start)" >&2
    return 1
  fi
  GONGWEN_PG_DIR=$dir
  GONGWEN_PG_STOP="${run[*]} $bindir/pg_ctl -D $dir/data -m immediate stop"
  export GONGWEN_TEST_PG="postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
  echo "pg.sh: PostgreSQL $("$bindir/pg_ctl" --version | awk '{print $3}') 在 (at) 127.0.0.1:$port, 数据在 (data in) $dir" >&2
}

gongwen_pg_stop() {
  if [ -n "${GONGWEN_PG_DIR:-}" ]; then
    (cd "$GONGWEN_PG_DIR" && $GONGWEN_PG_STOP >/dev/null 2>&1) || true
    rm -rf "$GONGWEN_PG_DIR"
    GONGWEN_PG_DIR=""
  fi
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  # sourced: export into the caller, stop on its exit (keeping an EXIT trap it already has)
  _gw_pg_main || return 1
  if [ -n "${GONGWEN_PG_DIR:-}" ]; then
    _gw_prev_exit=$(trap -p EXIT | sed -e "s/^trap -- '//" -e "s/' EXIT\$//")
    trap "gongwen_pg_stop; ${_gw_prev_exit}" EXIT
  fi
else
  set -euo pipefail
  _gw_pg_main
  if [ -n "${GONGWEN_PG_DIR:-}" ]; then
    echo "export GONGWEN_TEST_PG='$GONGWEN_TEST_PG'"
    echo "# stop: $GONGWEN_PG_STOP && rm -rf $GONGWEN_PG_DIR"
  fi
fi
