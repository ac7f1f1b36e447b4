#!/usr/bin/env bash
# Runs every test of AgentDashboard and ends with one line: "N passed, N failed".
# Installs Debian's Chromium for the browser tests when it is missing (never a downloaded browser), axe-core from npm
# (tests/AgentDashboard.Web.Tests/axe) for the accessibility tests, and Debian's
# PostgreSQL, of which it runs a throw-away cluster for the tests (tests/postgres.sh), removed when it ends.
# Exits non-zero when a test fails, the build fails, or nothing ran.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

finish() { # passed failed exit-code
    echo "$1 passed, $2 failed"
    exit "$3"
}

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
    echo "== Installing Debian's chromium for the browser tests"
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    if ! { $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 chromium >/dev/null; }; then
        echo "Could not install chromium with apt-get; the browser tests cannot run." >&2
        finish 0 0 1
    fi
fi

# axe-core for the accessibility tests, from the npm registry, installed again only when its lock file changed.
axe="tests/AgentDashboard.Web.Tests/axe"
if [ ! -f "$axe/node_modules/.package-lock.json" ] || [ "$axe/package-lock.json" -nt "$axe/node_modules/.package-lock.json" ]; then
    echo "== Installing axe-core for the accessibility tests"
    if ! command -v npm >/dev/null; then
        sudo=""
        [ "$(id -u)" -ne 0 ] && sudo="sudo"
        $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 npm >/dev/null
    fi
    if ! (cd "$axe" && npm ci --no-audit --no-fund --loglevel=error >/dev/null); then
        echo "Could not install axe-core with npm (npm ci in $axe); the accessibility tests cannot run." >&2
        finish 0 0 1
    fi
fi

source tests/postgres.sh
if ! pg_start; then
    finish 0 0 1
fi

echo "== Building"
if ! dotnet build AgentDashboard.sln --nologo -v quiet -clp:NoSummary; then
    echo "The build failed; no test ran." >&2
    finish 0 0 1
fi

results="TestResults/trx"
rm -rf "$results"
test_exit=0
projects=0
for project in $(find tests -name '*.Tests.csproj' | sort); do
    name=$(basename "$project" .csproj)
    projects=$((projects + 1))
    echo "== Testing $name"
    dotnet test "$project" --no-build --nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
        -- RunConfiguration.TreatNoTestsAsError=true || test_exit=$?
done

passed=0
failed=0
for trx in "$results"/*.trx; do
    [ -e "$trx" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
    f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0}))
done

reports=$(find "$results" -name '*.trx' 2>/dev/null | wc -l)
if [ "$reports" -lt "$projects" ]; then
    echo "Only $reports of $projects test projects reported results; a test host crashed or found no tests." >&2
    failed=$((failed + projects - reports))
fi

if [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ] || [ "$test_exit" -ne 0 ]; then
    [ "$failed" -eq 0 ] && failed=1 && echo "dotnet test exited with $test_exit although no test reported a failure." >&2
    finish "$passed" "$failed" 1
fi
finish "$passed" "$failed" 0
