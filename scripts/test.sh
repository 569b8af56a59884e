#!/usr/bin/env bash
# Runs every test of Agora: unit and integration tests (tests/Agora.Tests, against SQLite and a
# throwaway PostgreSQL server) and browser tests (tests/Agora.Browser.Tests, headless Chromium).
#
#   ./scripts/test.sh                                  everything
#   AGORA_TEST_FILTER="FullyQualifiedName~Hubs" ./scripts/test.sh   only matching tests (dotnet test --filter)
#
# Needs the .NET 10 SDK, PostgreSQL server binaries, Chromium (/usr/bin/chromium), Java and npm. Run as root
# it installs the Debian packages postgresql, chromium, default-jre-headless, nodejs and npm when they are missing;
# the HTML validator (vnu.jar) and the OpenAPI linter (Redocly CLI) come from npm into tests/tools/*/node_modules.
# PostgreSQL runs as a private cluster in a temporary folder, listening on 127.0.0.1 only; it is
# stopped and removed when the script ends, whatever happens. No system cluster is touched.
set -euo pipefail

cd "$(dirname "$0")/.."
root_dir=$(pwd)

log() { printf '\n==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# --- Prerequisites -------------------------------------------------------------------------------

command -v dotnet >/dev/null 2>&1 || die "the .NET SDK is not installed (dotnet is not on PATH).
Install the .NET 10 SDK (see https://learn.microsoft.com/dotnet/core/install/linux), then run this again."

# The server binaries of the highest PostgreSQL version installed (Debian layout), if any.
pg_bin_dir() {
    local v
    for v in $(ls /usr/lib/postgresql 2>/dev/null | sort -V -r); do
        if [[ -x "/usr/lib/postgresql/$v/bin/initdb" && -x "/usr/lib/postgresql/$v/bin/pg_ctl" ]]; then
            echo "/usr/lib/postgresql/$v/bin"
            return
        fi
    done
}

missing=()
[[ -n "$(pg_bin_dir)" ]] || missing+=(postgresql)
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
# The HTML validity test runs the W3C Nu HTML Checker (vnu.jar from npm) with Java.
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if (( ${#missing[@]} > 0 )); then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        log "Installing ${missing[*]}"
        apt-get update
        DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
    else
        die "missing: ${missing[*]}. Install them as root, e.g.:
    sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing[*]}"
    fi
fi

PG_BIN=$(pg_bin_dir)
[[ -n "$PG_BIN" ]] || die "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin"
[[ -x /usr/bin/chromium ]] || die "Chromium not found at /usr/bin/chromium"
command -v java >/dev/null 2>&1 || die "Java not found (package default-jre-headless)"
command -v npm >/dev/null 2>&1 || die "npm not found (packages nodejs npm)"
if [[ ! -f tests/tools/html-validator/node_modules/vnu-jar/build/dist/vnu.jar ]]; then
    log "Installing the HTML validator (tests/tools/html-validator)"
    npm ci --prefix tests/tools/html-validator --no-audit --no-fund --ignore-scripts
fi
# The OpenAPI linter of tests/Agora.Tests/Platform/OpenApiTests.cs (Redocly CLI, pinned in its package-lock.json).
if [[ ! -d tests/tools/openapi-lint/node_modules ]]; then
    log "Installing the OpenAPI linter (tests/tools/openapi-lint)"
    npm ci --prefix tests/tools/openapi-lint --no-audit --no-fund
fi
# The JSON-LD processor of tests/Agora.Tests/Features/Network/Feed/FeedJsonLdTests.cs (jsonld.js, pinned in its package-lock.json).
if [[ ! -d tests/tools/jsonld-expand/node_modules/jsonld ]]; then
    log "Installing the JSON-LD processor (tests/tools/jsonld-expand)"
    npm ci --prefix tests/tools/jsonld-expand --no-audit --no-fund --ignore-scripts
fi
PSQL="$PG_BIN/psql"
[[ -x "$PSQL" ]] || PSQL=$(command -v psql) || die "psql not found (package postgresql-client)"

# --- Throwaway PostgreSQL ------------------------------------------------------------------------

pg_tmp=$(mktemp -d "${TMPDIR:-/tmp}/agora-test-pg.XXXXXX")
pg_data="$pg_tmp/data"
pg_started=0

# As root, the server must run as the postgres user; otherwise as the current user.
as_pg() {
    if [[ $(id -u) -eq 0 ]]; then
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

cleanup() {
    local rc=$?
    if (( pg_started )); then
        as_pg "$PG_BIN/pg_ctl" -D "$pg_data" -m fast -w -t 30 stop >/dev/null 2>&1 \
            || as_pg "$PG_BIN/pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$pg_tmp"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "the postgres user does not exist (is the postgresql package installed?)"
    chown postgres: "$pg_tmp"
fi
chmod 700 "$pg_tmp"

log "Starting a throwaway PostgreSQL ($PG_BIN) in $pg_tmp"
as_pg "$PG_BIN/initdb" -D "$pg_data" -U postgres -A trust -E UTF8 --no-locale >"$pg_tmp/initdb.log" 2>&1 \
    || { cat "$pg_tmp/initdb.log" >&2; die "initdb failed"; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

PG_PORT=""
for port in $(seq 55432 55531); do
    port_in_use "$port" && continue
    if as_pg "$PG_BIN/pg_ctl" -D "$pg_data" -l "$pg_tmp/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $pg_tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null; then
        PG_PORT=$port
        pg_started=1
        break
    fi
done
if [[ -z "$PG_PORT" ]]; then
    cat "$pg_tmp/server.log" >&2 2>/dev/null || true
    die "could not start PostgreSQL on any port from 55432 to 55531"
fi

"$PSQL" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "CREATE ROLE agora LOGIN CREATEDB PASSWORD 'agora';" -c "GRANT pg_signal_backend TO agora;" >/dev/null
export AGORA_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=agora;Password=agora"
echo "PostgreSQL is listening on 127.0.0.1:$PG_PORT (role agora)"

# --- Build and test ------------------------------------------------------------------------------

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log "Building Agora.slnx (Release)"
dotnet build Agora.slnx -c Release

test_args=(-c Release --no-build --logger "console;verbosity=normal")
if [[ -n "${AGORA_TEST_FILTER:-}" ]]; then
    test_args+=(--filter "$AGORA_TEST_FILTER")
    echo "Filter: $AGORA_TEST_FILTER"
fi

# Each suite also writes a TRX file to TestResults/, read at the end for the summary: a log that shows only its last
# lines (as in CI) still names every failed test and its first error line.
results_dir="$root_dir/TestResults"
unit_trx="$results_dir/unit.trx"
browser_trx="$results_dir/browser.trx"
mkdir -p "$results_dir"
rm -f "$unit_trx" "$browser_trx"
test_args+=(--results-directory "$results_dir")

# The two suites run at the same time: the browser tests spend most of their time in Chromium, the unit and
# integration tests in the server and the databases, so together they use both cores. The unit tests' output is
# kept in a file and printed when they end, so the two logs do not interleave.
unit_log=$(mktemp "${TMPDIR:-/tmp}/agora-unit-tests.XXXXXX")
log "Unit and integration tests (tests/Agora.Tests), in the background"
( rc=0; dotnet test tests/Agora.Tests "${test_args[@]}" --logger "trx;LogFileName=$unit_trx" >"$unit_log" 2>&1 || rc=$?; echo "$rc" >"$unit_log.rc" ) &
unit_pid=$!

browser_rc=0
log "Browser tests (tests/Agora.Browser.Tests)"
dotnet test tests/Agora.Browser.Tests "${test_args[@]}" --logger "trx;LogFileName=$browser_trx" || browser_rc=$?

wait "$unit_pid" || true
log "Unit and integration tests (tests/Agora.Tests): output"
cat "$unit_log"
unit_rc=$(cat "$unit_log.rc" 2>/dev/null || echo 1)
rm -f "$unit_log" "$unit_log.rc"

result() { if [[ $1 -eq 0 ]]; then echo "passed"; else echo "FAILED (exit $1)"; fi; }

# Counts and failed tests (name and first line of the error) from a suite's TRX file.
trx_summary() {
    command -v python3 >/dev/null 2>&1 || { echo "    (python3 is missing: see $1)"; return; }
    python3 - "$1" <<'PY' || true
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
try:
    root = ET.parse(sys.argv[1]).getroot()
except (OSError, ET.ParseError) as e:
    print(f"    no test results ({sys.argv[1]}: {e.__class__.__name__})")
    sys.exit(0)
c = root.find("t:ResultSummary/t:Counters", ns)
if c is not None:
    print(f"    {c.get('total')} tests: {c.get('passed')} passed, {c.get('failed')} failed, {c.get('notExecuted')} not run")
for r in root.iter(f"{{{ns['t']}}}UnitTestResult"):
    if r.get("outcome") != "Failed":
        continue
    message = r.find("t:Output/t:ErrorInfo/t:Message", ns)
    lines = [l.strip() for l in ((message.text or "") if message is not None else "").splitlines() if l.strip()]
    first = lines[0] if lines else "(no message)"
    print(f"    FAILED {r.get('testName')}: {first[:400]}")
PY
}

log "Summary"
echo "  tests/Agora.Tests          $(result "$unit_rc")"
trx_summary "$unit_trx"
echo "  tests/Agora.Browser.Tests  $(result "$browser_rc")"
trx_summary "$browser_trx"
echo "  test results (TRX): $results_dir/"
echo "  screenshots: $root_dir/tests/Agora.Browser.Tests/bin/Release/net10.0/screenshots/"

(( unit_rc == 0 && browser_rc == 0 ))
