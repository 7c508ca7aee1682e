# Sourced by .ci/run: start PostgreSQL and Redis when they are down, with the README's commands, and
# stop at the end only what this run started, by the process id recorded when it started (never by a
# name pattern: other people's servers on this machine are left alone).
#
# CI_PG_CLUSTER, CI_PG_PORT and CI_REDIS_PORT default to the README's cluster and ports.

PG_CLUSTER="${CI_PG_CLUSTER:-main}"
PG_PORT="${CI_PG_PORT:-5432}"
REDIS_PORT="${CI_REDIS_PORT:-6379}"
STARTED=()  # "name pid signal", in the order started; stop_started goes backwards

remember() {
  STARTED+=("$1 $2 $3")
  echo "started $1 (pid $2); this run stops it at the end"
}

start_postgres() {
  if pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; then
    echo "PostgreSQL already answers on port $PG_PORT: left running"
    return
  fi
  local version datadir
  version="$(ls /etc/postgresql)"
  pg_ctlcluster --skip-systemctl-redirect "$version" "$PG_CLUSTER" start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && break; sleep 1; done
  pg_isready -h 127.0.0.1 -p "$PG_PORT"
  datadir="$(pg_conftool "$version" "$PG_CLUSTER" show -s data_directory)"
  # The postmaster's pid is the first line of postmaster.pid; SIGINT is PostgreSQL's fast shutdown.
  remember PostgreSQL "$(head -n 1 "$datadir/postmaster.pid")" INT
}

start_redis() {
  if redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    echo "Redis already answers on port $REDIS_PORT: left running"
    return
  fi
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  for _ in $(seq 1 30); do redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 1; done
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping
  remember Redis "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" info server | awk -F: '/^process_id:/ {print $2}' | tr -d '\r')" TERM
}

# Run a command in the background in a process group of its own (make, then runserver or gunicorn and
# their children), so stop_group can end all of it by that one id. Prints the id.
start_group() {
  local log="$1"
  shift
  setsid "$@" >"$log" 2>&1 &
  echo $!
}

stop_group() {
  local group="$1"
  kill -TERM -- "-$group" 2>/dev/null || return 0
  for _ in $(seq 1 20); do kill -0 -- "-$group" 2>/dev/null || return 0; sleep 0.5; done
  kill -KILL -- "-$group" 2>/dev/null || true
}

stop_started() {
  local index name pid signal
  for ((index = ${#STARTED[@]} - 1; index >= 0; index--)); do
    read -r name pid signal <<<"${STARTED[$index]}"
    if kill -s "$signal" "$pid" 2>/dev/null; then
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      echo "stopped $name (pid $pid), which this run had started"
    fi
  done
  STARTED=()
}
