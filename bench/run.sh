#!/usr/bin/env bash
# The load harness of issue 4, in one command:
#
#   bench/run.sh                                   SQLite and PostgreSQL, at 10k, 100k and 1m ideas
#   bench/run.sh --providers sqlite --scales 10k   one database, one scale (options: see bench/README.md)
#
# Builds Release, starts a private PostgreSQL cluster on 127.0.0.1 (kept in $AGORA_BENCH_DIR, default
# /var/tmp/agora-bench, with the generated SQLite files, so the data is generated once) unless --postgres names
# a server, runs bench/Agora.Bench.Load, and stops what it started. Writes bench/results/*.json and
# docs/performance.md. Needs the .NET 10 SDK, wrk and the PostgreSQL server binaries; as root it installs the
# Debian packages wrk and postgresql when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

die() { printf 'error: %s\n' "$*" >&2; exit 1; }
log() { printf '\n==> %s\n' "$*"; }

bench_dir=${AGORA_BENCH_DIR:-/var/tmp/agora-bench}
args=("$@")
own_postgres=1
for a in "$@"; do [[ "$a" == --postgres || "$a" == --report-only ]] && own_postgres=0; done
wants_postgres=1
for ((i = 0; i < $#; i++)); do
    if [[ "${args[$i]}" == --providers && ! "${args[$((i + 1))]:-}" =~ [Pp]ostgres ]]; then wants_postgres=0; fi
done

pg_bin_dir() {
    local v
    for v in $(ls /usr/lib/postgresql 2>/dev/null | sort -V -r); do
        [[ -x "/usr/lib/postgresql/$v/bin/initdb" ]] && { echo "/usr/lib/postgresql/$v/bin"; return; }
    done
}

command -v dotnet >/dev/null || die "the .NET 10 SDK is not installed"
missing=()
command -v wrk >/dev/null || missing+=(wrk)
(( own_postgres && wants_postgres )) && [[ -z "$(pg_bin_dir)" ]] && missing+=(postgresql)
if (( ${#missing[@]} )); then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
        log "Installing ${missing[*]}"
        apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
    else
        die "missing: ${missing[*]}; install them, e.g. sudo apt-get install -y ${missing[*]}"
    fi
fi

mkdir -p "$bench_dir"
pg_started=0
as_pg() { if [[ $(id -u) -eq 0 ]]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }
cleanup() {
    local rc=$?
    (( pg_started )) && as_pg "$PG_BIN/pg_ctl" -D "$bench_dir/pg" -m fast -w stop >/dev/null 2>&1 || true
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if (( own_postgres && wants_postgres )); then
    PG_BIN=$(pg_bin_dir)
    port=55499
    if [[ ! -d "$bench_dir/pg" ]]; then
        log "Creating a PostgreSQL cluster in $bench_dir/pg"
        mkdir -p "$bench_dir/pg" && chmod 700 "$bench_dir/pg"
        [[ $(id -u) -eq 0 ]] && chown postgres: "$bench_dir/pg"
        as_pg "$PG_BIN/initdb" -D "$bench_dir/pg" -U postgres -A trust -E UTF8 --no-locale >/dev/null
        printf "listen_addresses = '127.0.0.1'\nport = %s\nunix_socket_directories = '%s'\nshared_buffers = 512MB\nmax_connections = 200\n" \
            "$port" "$bench_dir/pg" >>"$bench_dir/pg/postgresql.conf"
    fi
    if as_pg "$PG_BIN/pg_ctl" -D "$bench_dir/pg" status >/dev/null 2>&1; then
        log "PostgreSQL is already running on 127.0.0.1:$port (left running)"
    else
        log "Starting PostgreSQL on 127.0.0.1:$port"
        as_pg "$PG_BIN/pg_ctl" -D "$bench_dir/pg" -l "$bench_dir/pg/server.log" -w -t 120 start >/dev/null
        pg_started=1
    fi
    as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qAt -c \
        "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'agora') THEN CREATE ROLE agora LOGIN CREATEDB PASSWORD 'agora'; END IF; END \$\$;" >/dev/null
    args+=(--postgres "Host=127.0.0.1;Port=$port;Username=agora;Password=agora")
fi

log "Building Release"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
for p in src/Agora.Web bench/Agora.Bench.Data bench/Agora.Bench.Limit bench/Agora.Bench.Load; do
    dotnet build -c Release --nologo -v quiet "$p" >/dev/null || die "build of $p failed (run: dotnet build -c Release $p)"
done

log "Measuring"
export AGORA_BENCH_COMMAND="bench/run.sh${*:+ $*}"
dotnet bench/Agora.Bench.Load/bin/Release/net10.0/Agora.Bench.Load.dll --dir "$bench_dir" "${args[@]}"
