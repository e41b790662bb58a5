#!/usr/bin/env bash
# Sums the results of test steps from their TRX files (VSTest's `--logger trx`) and prints, alone on
# the last line, "N passed, N failed" (", N skipped" added only when some were skipped).
#   bash scripts/trx-summary.sh NAME:EXITCODE:TRXFILE ...
# One argument per test step that was meant to run, with the exit code of its `dotnet test`.
# A step counts as 1 failed when its TRX file is missing (a test host that crashed or never started
# cannot look green), or when it recorded no failure but its run failed anyway (non-zero exit code,
# or a ResultSummary outcome of Failed/Error/Aborted/Timeout). Skipped tests are the TRX's
# notExecuted counter, or total - executed when larger (VSTest counts xunit's skipped tests there).
# Exit code: 0 when nothing failed and at least one test passed, else 1.
set -euo pipefail

# counter TEXT ATTRIBUTE: one numeric attribute of the <Counters .../> element (0 when absent).
counter() {
    local value
    value=$(sed -n "s/.*[[:space:]]$2=\"\([0-9][0-9]*\)\".*/\1/p" <<<"$1" | head -n 1)
    echo "${value:-0}"
}

passed=0
failed=0
skipped=0
echo
echo "==> Summary"
for spec in "$@"; do
    name=${spec%%:*}
    rest=${spec#*:}
    code=${rest%%:*}
    file=${rest#*:}
    if [[ ! -f $file ]]; then
        printf '    %-10s no TRX file (%s): counted as 1 failed\n' "$name" "$file"
        failed=$((failed + 1))
        continue
    fi
    # Attributes may be spread over several lines: read the file as one line.
    text=$(tr '\r\n' '  ' <"$file")
    counters=$(grep -o '<Counters[[:space:]][^>]*>' <<<"$text" | head -n 1) || counters=""
    outcome=$(grep -o '<ResultSummary[[:space:]][^>]*>' <<<"$text" | head -n 1 |
        sed -n 's/.*[[:space:]]outcome="\([A-Za-z]*\)".*/\1/p') || outcome=""
    p=$(counter "$counters" passed)
    f=$(($(counter "$counters" failed) + $(counter "$counters" error) + $(counter "$counters" timeout) + $(counter "$counters" aborted)))
    s=$(counter "$counters" notExecuted)
    unrun=$(($(counter "$counters" total) - $(counter "$counters" executed)))
    if ((unrun > s)); then
        s=$unrun
    fi
    note=""
    if ((f == 0)); then
        if [[ $code != 0 ]]; then
            note=" (dotnet test exited with $code: counted as 1 failed)"
            f=1
        elif [[ -z $counters ]]; then
            note=" (no <Counters> in the TRX file: counted as 1 failed)"
            f=1
        else
            case $outcome in
                Failed | Error | Aborted | Timeout)
                    note=" (run outcome $outcome: counted as 1 failed)"
                    f=1
                    ;;
            esac
        fi
    fi
    printf '    %-10s %d passed, %d failed, %d skipped%s\n' "$name" "$p" "$f" "$s" "$note"
    # The failed tests by name, each with the start of its message, so that the tail of a CI log says what to fix.
    # (Perl is part of every Debian system; the TRX's result elements hold their message in <Message>.)
    perl -0777 -ne '
        my %entity = (lt => "<", gt => ">", quot => "\"", apos => "\x27", amp => "&");
        my $shown = 0;
        while (/<UnitTestResult\s[^>]*?testName="([^"]*)"[^>]*?outcome="Failed"[^>]*>(.*?)<\/UnitTestResult>/sg) {
            last if ++$shown > 20;
            my ($name, $body) = ($1, $2);
            my ($message) = $body =~ /<Message>(.*?)<\/Message>/s;
            $name =~ s/&(lt|gt|quot|apos|amp);/$entity{$1}/g;
            print "               failed: $name\n";
            next unless defined $message;
            $message =~ s/&(lt|gt|quot|apos|amp);/$entity{$1}/g;
            $message =~ s/\s+/ /g;
            print "                 ", substr($message, 0, 400), "\n";
        }' "$file" || true
    passed=$((passed + p))
    failed=$((failed + f))
    skipped=$((skipped + s))
done

line="$passed passed, $failed failed"
if ((skipped > 0)); then
    line+=", $skipped skipped"
fi
echo
echo "$line"
((failed == 0 && passed > 0))
