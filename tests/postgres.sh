# Sourced by test.sh: a throw-away PostgreSQL for the tests.
# Installs Debian's postgresql when its server binaries are missing, starts a cluster in a temporary folder on a free
# port as a non-root user, exports AGENTDASHBOARD_TEST_POSTGRES, and stops and removes it all when test.sh exits.

pg_dir=""
pg_bin=""

pg_find_bin() { # prints the newest /usr/lib/postgresql/<version>/bin holding initdb and pg_ctl
    local d
    for d in /usr/lib/postgresql/*/bin; do
        [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && echo "$d"
    done | sort -V | tail -n 1
}

# Runs a PostgreSQL program in the cluster's folder as the cluster's owner, without faketime's preload (the server
# must keep the real clock) and never as root, which PostgreSQL refuses.
pg_as() {
    if [ "$(id -u)" -eq 0 ]; then
        (cd "$pg_dir" && env -u LD_PRELOAD -u FAKETIME -u FAKETIME_DONT_RESET runuser -u postgres -- "$@")
    else
        (cd "$pg_dir" && env -u LD_PRELOAD -u FAKETIME -u FAKETIME_DONT_RESET "$@")
    fi
}

pg_free_port() { # a TCP port nothing on 127.0.0.1 listens on
    local port
    if command -v python3 >/dev/null 2>&1; then
        port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null)
        if [[ "$port" =~ ^[0-9]+$ ]]; then echo "$port"; return 0; fi
    fi
    local tries
    for tries in $(seq 1 200); do
        port=$((20000 + RANDOM % 20000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
    done
    return 1
}

pg_stop() { # the EXIT trap: stops the cluster and removes its folder, whatever happened
    [ -n "$pg_dir" ] || return 0
    if [ -n "$pg_bin" ] && [ -f "$pg_dir/data/postmaster.pid" ]; then
        pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1
    fi
    rm -rf "$pg_dir"
    pg_dir=""
    return 0
}

pg_start() { # returns non-zero, having said why on stderr, when PostgreSQL cannot be installed or started
    pg_bin=$(pg_find_bin)
    if [ -z "$pg_bin" ]; then
        echo "== Installing Debian's postgresql for the database tests"
        local sudo=""
        [ "$(id -u)" -ne 0 ] && sudo="sudo"
        # The package may fail to start its own "main" cluster where there is no init system; what matters is
        # whether the server's programs are there afterwards, not apt-get's exit code.
        $sudo apt-get update -qq
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 postgresql >/dev/null
        pg_bin=$(pg_find_bin)
        if [ -z "$pg_bin" ]; then
            echo "Could not install postgresql with apt-get; the database tests cannot run." >&2
            return 1
        fi
    fi
    if [ "$(id -u)" -eq 0 ] && ! id -u postgres >/dev/null 2>&1; then
        echo "Running as root, PostgreSQL needs the 'postgres' user to own its cluster, and there is none." >&2
        return 1
    fi

    trap pg_stop EXIT
    pg_dir=$(mktemp -d /tmp/agentdashboard-pg.XXXXXX) || { echo "Could not make a folder for PostgreSQL." >&2; return 1; }
    chmod 0700 "$pg_dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$pg_dir"

    echo "== Starting a throw-away PostgreSQL ($(basename "$(dirname "$pg_bin")"))"
    if ! pg_as "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U agentdashboard --no-sync -E UTF8 --no-locale \
        >"$pg_dir/initdb.log" 2>&1; then
        echo "PostgreSQL's initdb failed; the database tests cannot run:" >&2
        tail -n 20 "$pg_dir/initdb.log" >&2
        return 1
    fi

    # A port found free can be taken before the server binds it, so a failed start is tried again on another.
    local attempt port
    for attempt in 1 2 3; do
        port=$(pg_free_port) || break
        if pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 start \
            -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" >/dev/null 2>&1; then
            export AGENTDASHBOARD_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=agentdashboard;Database=postgres"
            return 0
        fi
        # pg_ctl gave up waiting but the server may still come up later: make sure it is down before trying again.
        pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1
    done
    echo "PostgreSQL did not start; the database tests cannot run. The end of its log:" >&2
    tail -n 20 "$pg_dir/server.log" >&2 2>/dev/null
    return 1
}
