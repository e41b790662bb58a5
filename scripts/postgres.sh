#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, on 127.0.0.1 only.
#   bash scripts/postgres.sh start   # starts it (or reuses one already on the port) and prints
#                                    # its connection string, alone, on standard output
#   bash scripts/postgres.sh stop    # stops it and deletes its data directory
#   bash scripts/postgres.sh pause   # stops it but keeps its data (the outage test: the database going away)
#   bash scripts/postgres.sh resume  # starts a paused server again on its kept data
# Settings (environment): NOLB_PG_PORT (default 55432), NOLB_PG_DIR (default /tmp/nolb-pg/<port>).
# Superuser nolb, password nolb-test (scram-sha-256 over TCP). Uses Debian's server binaries under
# /usr/lib/postgresql/<version>/bin (install with scripts/install-test-deps.sh); as root it runs
# them as the postgres system user, since initdb and pg_ctl refuse to run as root.
# Everything but the connection string goes to standard error, so callers can capture it:
#   conn=$(bash scripts/postgres.sh start)
set -euo pipefail

port=${NOLB_PG_PORT:-55432}
base=${NOLB_PG_DIR:-/tmp/nolb-pg/$port}
data=$base/data
log=$base/postgres.log
user=nolb
password=nolb-test
connection="Host=127.0.0.1;Port=$port;Username=$user;Password=$password"

say() { echo "postgres.sh: $*" >&2; }
die() { say "$*"; exit 1; }

usage() { die "usage: $0 start|stop|pause|resume"; }

find_bin() {
    local dir best=""
    for dir in /usr/lib/postgresql/*/bin; do
        [[ -x $dir/initdb && -x $dir/pg_ctl && -x $dir/pg_isready ]] || continue
        # Highest major version wins.
        if [[ -z $best ]] || (($(basename "$(dirname "$dir")") > $(basename "$(dirname "$best")"))); then
            best=$dir
        fi
    done
    [[ -n $best ]] || die "no PostgreSQL server found under /usr/lib/postgresql/*/bin (run scripts/install-test-deps.sh)"
    echo "$best"
}

# Runs a command as the postgres system user when we are root, else as ourselves.
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

ready() {
    "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -t 2 >/dev/null 2>&1
}

can_log_in() {
    PGPASSWORD=$password PGCONNECT_TIMEOUT=5 "$bin/psql" -X -q -w -h 127.0.0.1 -p "$port" -U "$user" -d postgres \
        -c 'select 1' >/dev/null 2>&1
}

# True when the postmaster recorded in our data directory is alive (a zombie left by a killed
# server does not count: pg_ctl would wait for it in vain).
ours_running() {
    local pid state
    [[ -f $data/postmaster.pid ]] || return 1
    pid=$(head -n 1 "$data/postmaster.pid" 2>/dev/null) || return 1
    [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/stat ]] || return 1
    state=$(sed -E 's/^.*\) ([A-Za-z]).*$/\1/' "/proc/$pid/stat" 2>/dev/null) || return 1
    [[ -n $state && $state != Z && $state != X ]]
}

stop_ours() {
    if ours_running; then
        say "stopping the server in $data"
        (cd / && as_owner "$bin/pg_ctl" stop -D "$data" -m fast -w -t 60 >/dev/null) \
            || (cd / && as_owner "$bin/pg_ctl" stop -D "$data" -m immediate -w -t 30 >/dev/null) \
            || say "could not stop the server in $data"
    fi
}

start() {
    if ready; then
        can_log_in || die "something already listens on 127.0.0.1:$port but user $user cannot log in; set NOLB_PG_PORT to a free port"
        say "reusing the server already running on 127.0.0.1:$port"
        echo "$connection"
        return
    fi

    if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
        die "no postgres system user (run scripts/install-test-deps.sh)"
    fi

    # Anything left from an earlier run that died is thrown away.
    stop_ours
    rm -rf "$base"
    mkdir -p "$base"
    chmod 700 "$base"
    if [[ $(id -u) -eq 0 ]]; then
        chown postgres:postgres "$base"
    fi

    local pwfile=$base/pwfile
    (umask 077 && printf '%s\n' "$password" >"$pwfile")
    if [[ $(id -u) -eq 0 ]]; then
        chown postgres:postgres "$pwfile"
    fi

    say "initialising $data ($("$bin/postgres" --version))"
    if ! (cd / && as_owner "$bin/initdb" -D "$data" -U "$user" --pwfile="$pwfile" \
        --auth-host=scram-sha-256 --auth-local=trust -E UTF8 --locale=C.UTF-8 --no-sync >"$base/initdb.log" 2>&1); then
        cat "$base/initdb.log" >&2
        die "initdb failed"
    fi
    rm -f "$pwfile"

    launch
}

# Starts the server on the data directory as it is, and waits until user nolb can log in.
launch() {
    say "starting on 127.0.0.1:$port (log: $log)"
    # Durability is worth nothing for a throwaway test server; speed is.
    if ! (cd / && as_owner "$bin/pg_ctl" start -D "$data" -l "$log" -w -t 60 -o \
        "-c listen_addresses=127.0.0.1 -p $port -k $base -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        >/dev/null); then
        [[ -f $log ]] && tail -n 30 "$log" >&2
        die "the server did not start"
    fi

    local tries=0
    until ready; do
        tries=$((tries + 1))
        ((tries < 60)) || {
            [[ -f $log ]] && tail -n 30 "$log" >&2
            die "the server on 127.0.0.1:$port did not become ready"
        }
        sleep 1
    done
    can_log_in || die "the server is up but user $user cannot log in"
    say "ready"
    echo "$connection"
}

stop() {
    if [[ -d $data ]]; then
        stop_ours
    elif ready; then
        say "the server on 127.0.0.1:$port was not started by this script (no $data); leaving it alone"
    fi
    rm -rf "$base"
    say "stopped"
}

(($# == 1)) || usage
bin=$(find_bin)
case $1 in
    start) start ;;
    stop) stop ;;
    pause) stop_ours ;;
    resume) [[ -d $data ]] || die "no paused server in $data"; ours_running || launch ;;
    *) usage ;;
esac
