#!/usr/bin/env bash
# The project's whole test run, set-up included, as the README and CI (.ci/run) use it:
#   bash scripts/test.sh           # everything: install test deps (Debian packages, as root),
#                                  # restore, build (warnings are errors), dotnet format check,
#                                  # Nolb.Tests on SQLite, Nolb.Tests on PostgreSQL (a throwaway
#                                  # server from scripts/postgres.sh), browser tests on Chromium
#   bash scripts/test.sh --quick   # developers in a hurry: restore, build and the SQLite tests only
#                                  # (no package install, no format check, no PostgreSQL, no browser)
#
# Every test step runs even when an earlier one failed; a failed restore, build or format check
# stops the run at once (its last line is then "0 passed, 1 failed"). Otherwise the last line is
# the summary that scripts/trx-summary.sh sums from the TRX files in TestResults/: "N passed,
# N failed" (", N skipped" added when some were skipped). A test step whose TRX file is missing,
# or whose `dotnet test` exited non-zero with no failure recorded, counts as 1 failed. Exit code 0
# only when nothing failed and something passed.
#
# Environment knobs: NOLB_PG_PORT (PostgreSQL port, default 55432), NOLB_TEST_STEP_TIMEOUT
# (limit for each `dotnet test` step, default 45m: the browser step alone takes about 30 minutes on 2 cores), NOLB_TEST_HANG_TIMEOUT (limit for one test,
# after which its test host is killed and the test named, default 10m), NOLB_CHROMIUM (default
# /usr/bin/chromium).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD

quick=0
for arg in "$@"; do
    case $arg in
        --quick) quick=1 ;;
        -h | --help)
            sed -n '2,/^set /{/^#/s/^# \{0,1\}//p}' "${BASH_SOURCE[0]}"
            exit 0
            ;;
        *)
            echo "unknown argument: $arg (usage: bash scripts/test.sh [--quick])" >&2
            echo "0 passed, 1 failed"
            exit 1
            ;;
    esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_GENERATE_ASPNET_CERTIFICATE=false
export DOTNET_CLI_UI_LANGUAGE=en
# No MSBuild worker nodes left running after the build.
export MSBUILDDISABLENODEREUSE=1

results=$root/TestResults
step_timeout=${NOLB_TEST_STEP_TIMEOUT:-45m}
hang_timeout=${NOLB_TEST_HANG_TIMEOUT:-10m}
chromium=${NOLB_CHROMIUM:-/usr/bin/chromium}
# timeout(1) puts a step in its own process group so that a timeout kills the test host and its
# browsers too; at a terminal, stay in the foreground group so that Ctrl-C still reaches dotnet.
timeout_opts=()
if [[ -t 0 ]]; then
    timeout_opts=(--foreground)
fi

start_time=$SECONDS
section() {
    printf '\n==> %s  [%dm%02ds]\n' "$*" $(((SECONDS - start_time) / 60)) $(((SECONDS - start_time) % 60))
}

pg_started=0
cleanup() {
    if ((pg_started)); then
        pg_started=0
        bash scripts/postgres.sh stop >/dev/null 2>&1 || true
    fi
}
# On a signal, stop the running test step (its whole process group: test host, browsers) at once,
# then the EXIT trap stops PostgreSQL.
test_pid=""
current_step=""
steps=()
# shellcheck disable=SC2317 # called by the traps below
on_signal() {
    if [[ -n $test_pid ]]; then
        kill -TERM -- "-$test_pid" 2>/dev/null || kill -TERM "$test_pid" 2>/dev/null || true
    fi
    echo
    echo "==> Interrupted"
    # The last line is still the totals CI reads: the steps that finished, and the interrupted one as 1 failed.
    local interrupted=${current_step:-interrupted}
    steps+=("$interrupted:1:$results/$interrupted.missing.trx")
    cleanup
    bash scripts/trx-summary.sh "${steps[@]}" || true
    exit "$1"
}
trap cleanup EXIT
trap 'on_signal 130' INT
trap 'on_signal 143' TERM
trap 'on_signal 129' HUP

# A set-up step that failed ends the run.
abort() {
    echo
    echo "==> FAILED: $*; no tests were run after it"
    cleanup
    echo "0 passed, 1 failed"
    exit 1
}

# The test steps that were meant to run, as NAME:EXITCODE:TRXFILE for scripts/trx-summary.sh.
steps=()

# run_tests NAME PROJECT [VAR=value ...]: one `dotnet test` step, which never stops the script.
run_tests() {
    local name=$1 project=$2
    shift 2
    local trx=$name.trx code=0
    current_step=$name
    rm -f "$results/$trx"
    env "$@" timeout "${timeout_opts[@]}" --kill-after=60s "$step_timeout" \
        dotnet test "$project" --no-build -c Release \
        --logger "trx;LogFileName=$trx" --logger "console;verbosity=normal" \
        --results-directory "$results" \
        --blame-hang-timeout "$hang_timeout" --blame-hang-dump-type none \
        </dev/null &
    # Waiting on a background job lets a signal's trap run at once instead of after the step.
    test_pid=$!
    wait "$test_pid" || code=$?
    test_pid=""
    if ((code == 124 || code == 137)); then
        echo "==> $name tests: timed out after $step_timeout"
    elif ((code != 0)); then
        echo "==> $name tests: dotnet test exited with $code"
    fi
    steps+=("$name:$code:$results/$trx")
    current_step=""
}

# Records a test step that could not even start: it counts as 1 failed.
skip_tests() {
    rm -f "$results/$1.trx"
    steps+=("$1:1:$results/$1.trx")
}

if ((quick)); then
    echo "==> Quick run (--quick): build and SQLite tests only"
else
    section "Installing test dependencies (scripts/install-test-deps.sh)"
    bash scripts/install-test-deps.sh </dev/null || abort "installing the test dependencies"
fi

section "Restoring (dotnet restore Nolb.slnx)"
# One retry, for a passing hiccup of the package feed.
dotnet restore Nolb.slnx </dev/null ||
    { echo "==> dotnet restore failed; retrying once in 15s" && sleep 15 && dotnet restore Nolb.slnx </dev/null; } ||
    abort "dotnet restore"

section "Building (dotnet build Nolb.slnx -c Release -warnaserror)"
dotnet build Nolb.slnx --no-restore -c Release -warnaserror </dev/null || abort "dotnet build"

if ((!quick)); then
    section "Checking formatting (dotnet format Nolb.slnx --verify-no-changes)"
    dotnet format Nolb.slnx --verify-no-changes --no-restore </dev/null ||
        abort "dotnet format --verify-no-changes (run 'dotnet format Nolb.slnx' and commit the result)"
fi

# TestResults/ is this script's own: start it afresh so that no old TRX file is counted.
rm -rf "$results"
mkdir -p "$results"

section "Testing on SQLite (tests/Nolb.Tests, NOLB_TEST_DATABASE=Sqlite)"
run_tests sqlite tests/Nolb.Tests NOLB_TEST_DATABASE=Sqlite

if ((!quick)); then
    section "Starting PostgreSQL (scripts/postgres.sh start)"
    pg_started=1
    if postgres_connection=$(bash scripts/postgres.sh start </dev/null); then
        echo "PostgreSQL ready: $postgres_connection"
        section "Testing on PostgreSQL (tests/Nolb.Tests, NOLB_TEST_DATABASE=Postgres)"
        run_tests postgres tests/Nolb.Tests NOLB_TEST_DATABASE=Postgres "NOLB_TEST_POSTGRES=$postgres_connection"
    else
        echo "==> PostgreSQL did not start: the PostgreSQL tests count as 1 failed"
        skip_tests postgres
    fi
    section "Stopping PostgreSQL (scripts/postgres.sh stop)"
    pg_started=0
    bash scripts/postgres.sh stop </dev/null || echo "(could not stop PostgreSQL cleanly)"

    section "Browser tests (tests/Nolb.BrowserTests, NOLB_CHROMIUM=$chromium)"
    run_tests browser tests/Nolb.BrowserTests "NOLB_CHROMIUM=$chromium"
fi

if [[ ${CI:-} == true ]]; then
    # Leave no compiler server running once CI's run is over.
    dotnet build-server shutdown >/dev/null 2>&1 || true
fi

# The summary (see scripts/trx-summary.sh) is the last thing printed; its exit code is ours.
if bash scripts/trx-summary.sh "${steps[@]}"; then
    exit 0
fi
exit 1
