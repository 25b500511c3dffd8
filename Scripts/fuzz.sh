#!/usr/bin/env bash
# Builds every libFuzzer target in Fuzz/ and runs each for SECONDS (default 60), starting from
# its committed seed corpus. Fails when any target crashes; prints executions per target.
#
#   Scripts/fuzz.sh [SECONDS]
#
# New inputs libFuzzer finds go to a scratch corpus under Fuzz/.build, never into the committed
# seeds. A crashing input is saved as Fuzz/.build/fuzz-artifacts/<target>-crash-…; reproduce it
# with Fuzz/.build/debug/<target> <that file>.
set -euo pipefail
cd "$(dirname "$0")/../Fuzz"

seconds="${1:-60}"
case "$seconds" in ''|*[!0-9]*) echo "usage: Scripts/fuzz.sh [SECONDS]" >&2; exit 64 ;; esac

targets=(
  FuzzTransactionReference
  FuzzEVMResponses
  FuzzBitcoinResponses
  FuzzTronResponses
  FuzzRecoveryAnswers
  FuzzSecretDetector
  FuzzConfigParser
)

build=(swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
mkdir -p .build
# SwiftPM does not notice files added to the root package (a path dependency here) once it has
# planned a build; dropping the plan makes it look again. Compiled objects are kept.
rm -f .build/debug.yaml
echo "Building fuzz targets (libFuzzer + AddressSanitizer)…"
# The gold linker warns "Cannot export local symbol" for sanitizer symbols; harmless.
if ! "${build[@]}" >.build/fuzz-build.log 2>&1; then
  grep -v "Cannot export local symbol" .build/fuzz-build.log | tail -n 60 >&2
  echo "The fuzz build failed." >&2
  exit 1
fi
bin="$("${build[@]}" --show-bin-path)"

# Short allocation stack traces and a small quarantine: Swift allocates a lot, and ASan's
# bookkeeping of each allocation is most of a run's cost. Override ASAN_OPTIONS to reproduce a
# crash with full traces.
export ASAN_OPTIONS="${ASAN_OPTIONS:-malloc_context_size=2:quarantine_size_mb=64}"
# Swift's own crash backtracer fights AddressSanitizer and can hang; libFuzzer reports instead.
export SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}"

artifacts=".build/fuzz-artifacts"
mkdir -p "$artifacts"
failed=()
summary=()
for target in "${targets[@]}"; do
  [ -x "$bin/$target" ] || { echo "missing fuzz binary: $bin/$target" >&2; failed+=("$target"); continue; }
  scratch=".build/fuzz-corpus/$target"
  mkdir -p "$scratch"
  log="$artifacts/$target.log"
  echo "Fuzzing $target for ${seconds}s…"
  # Leak detection is off: Swift runtime caches and concurrency globals live until exit by design.
  if "$bin/$target" "$scratch" "Corpus/$target" \
      -max_total_time="$seconds" -print_final_stats=1 -detect_leaks=0 -max_len=16384 -timeout=10 \
      -rss_limit_mb=2048 -artifact_prefix="$artifacts/$target-" >"$log" 2>&1; then
    runs="$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' || echo '?')"
    summary+=("$(printf '%-26s %12s executions in %ss' "$target" "$runs" "$seconds")")
  else
    echo "CRASH in $target; last lines of $log:" >&2
    tail -n 40 "$log" >&2
    failed+=("$target")
    summary+=("$(printf '%-26s %12s' "$target" "CRASHED")")
  fi
done

echo
echo "Fuzzing summary"
printf '  %s\n' "${summary[@]}"
if [ "${#failed[@]}" -gt 0 ]; then
  echo "Failed: ${failed[*]}" >&2
  exit 1
fi
