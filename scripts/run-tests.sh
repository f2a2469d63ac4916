#!/usr/bin/env bash
# Runs every test assembly once, one at a time, against the servers scripts/servers.sh started, and
# ends with the line "N passed, N failed". Expects a build in artifacts/ (see test.sh).
#   scripts/run-tests.sh [filter-substring]   only assemblies whose name contains the filter
set -uo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
results="$root/.test-results"
configuration="${AMB_CONFIGURATION:-debug}"
per_assembly_timeout="${AMB_TEST_ASSEMBLY_TIMEOUT:-1800}"
rm -rf "$results" && mkdir -p "$results"

# The test projects of the solution (what test.sh built), end-to-end suites last, the rest in name order.
mapfile -t projects < <(grep -o 'tests[\\/][^"]*\.Tests\.csproj' "$root/AmbassadorNet.sln" | sed 's#.*[\\/]##; s/\.csproj$//' \
  | sort -u | awk '/EndToEnd/ {last[++n]=$0; next} {print} END {for (i=1;i<=n;i++) print last[i]}')

total_passed=0
total_failed=0
total_skipped=0
for project in "${projects[@]}"; do
  if [ -n "${1:-}" ] && [[ "$project" != *"$1"* ]]; then continue; fi
  dll="$root/artifacts/bin/$project/$configuration/$project.dll"
  xml="$results/$project.xml"
  echo "=== $project"
  if [ ! -f "$dll" ]; then
    echo "    not built: $dll"
    total_failed=$((total_failed + 1))
    continue
  fi
  started=$(date +%s)
  (cd "$(dirname "$dll")" && timeout --kill-after=30 "$per_assembly_timeout" dotnet "$dll" -xml "$xml" -noColor ) \
    > "$results/$project.log" 2>&1
  code=$?
  elapsed=$(( $(date +%s) - started ))
  # Failures print their name, message and the first lines of the stack; a passing assembly prints
  # only its summary.
  # The services' JSON log lines interleave with the runner's output; they are left out here (the
  # whole log stays in .test-results) so a failure's name and message are never pushed out of view.
  grep -v '^ *{"Timestamp"' "$results/$project.log" | cut -c1-400 \
    | awk '/\[FAIL\]/ {n=14} n>0 {print; n--; next} /Total:/ {print}' | head -n 200
  grep '\[FAIL\]' "$results/$project.log" | sed 's/^ *//; s/ *\[FAIL\]$//' >> "$results/failed.txt"
  if [ -f "$xml" ] && grep -q '<assembly ' "$xml"; then
    attr() { grep -o "<assembly [^>]*" "$xml" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' | awk '{s+=$1} END {print s+0}'; }
    passed=$(attr passed); failed=$(( $(attr failed) + $(attr errors) )); skipped=$(attr skipped)
    if [ "$code" -ne 0 ] && [ "$failed" -eq 0 ]; then
      failed=1 # the runner failed without a failing test: a crash in a fixture or at shutdown
      echo "    runner exited with $code (see .test-results/$project.log)"
      echo "$project runner exited with $code" >> "$results/failed.txt"
    fi
  else
    passed=0; failed=1; skipped=0 # crashed or timed out before writing results: counts as failed
    echo "    crashed or timed out (exit $code); last lines of .test-results/$project.log:"
    echo "$project crashed or timed out (exit $code)" >> "$results/failed.txt"
    tail -n 30 "$results/$project.log" | sed 's/^/    /'
  fi
  echo "    $project: $passed passed, $failed failed, $skipped skipped in ${elapsed}s"
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  total_skipped=$((total_skipped + skipped))
done

# The failed tests once more, just above the count, where a truncated CI log still shows them.
if [ -s "$results/failed.txt" ]; then
  echo "Failed:"; head -n 40 "$results/failed.txt" | cut -c1-300 | sed 's/^/  /'
fi
echo "$total_passed passed, $total_failed failed, $total_skipped skipped"
[ "$total_failed" -eq 0 ]
