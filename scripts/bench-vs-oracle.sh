#!/usr/bin/env bash
# bench-vs-oracle.sh runs BenchmarkIsOpenVsOpeningHoursJS: schedule's IsOpen
# against opening_hours.js's getState over every minute of 2026 for
#   Tu,Th 09:00-12:30; Fr 13:30-17:00; Dec 25-26 off; Jan 01 off
# (the benchmark fails if the counts of open minutes differ), and prints the
# median speed-up over COUNT runs. It exits non-zero when the median is below
# 100x or IsOpen allocates.
#
# Usage: scripts/bench-vs-oracle.sh [COUNT]   (default 5)
# Needs node and the npm packages in .cache/npm (or LOKET_NODE_MODULES).
set -euo pipefail
cd "$(dirname "$0")/.."

count="${1:-5}"
# One benchmark op is one IsOpen call; 525600x is every minute of 2026 once,
# the same work bench_getstate.js times (its median of 5 runs).
out="$(CI="${CI:-true}" go test -run '^$' -bench '^BenchmarkIsOpenVsOpeningHoursJS$' \
	-benchtime 525600x -count "$count" ./schedule/)"
printf '%s\n' "$out"

printf '%s\n' "$out" | awk '
BEGIN { n = 0 }
/^BenchmarkIsOpenVsOpeningHoursJS/ {
	for (i = 2; i <= NF; i++) {
		if ($(i) == "ns/op") ours[n] = $(i-1)
		if ($(i) == "opening_hours.js-ns/op") js[n] = $(i-1)
		if ($(i) == "x-vs-opening_hours.js") ratio[n] = $(i-1)
		if ($(i) == "allocs/op") allocs[n] = $(i-1)
	}
	n++
}
function median(a, k,   i, j, t, b) {
	for (i = 0; i < k; i++) b[i] = a[i]
	for (i = 0; i < k; i++) for (j = i + 1; j < k; j++) if (b[j] < b[i]) { t = b[i]; b[i] = b[j]; b[j] = t }
	return k % 2 ? b[int(k / 2)] : (b[k / 2 - 1] + b[k / 2]) / 2
}
END {
	if (n == 0) { print "bench-vs-oracle: no benchmark result (oracle missing?)" > "/dev/stderr"; exit 1 }
	bad = 0
	for (i = 0; i < n; i++) if (allocs[i] != 0) bad = 1
	r = median(ratio, n)
	printf "IsOpen: median %.2f ns/op; opening_hours.js getState: median %.0f ns/op; speed-up: median %.0fx over %d runs; allocs/op: %s\n",
		median(ours, n), median(js, n), r, n, bad ? "NOT 0" : "0"
	if (r < 100 || bad) { print "bench-vs-oracle: FAIL (need >= 100x and 0 allocs/op)" > "/dev/stderr"; exit 1 }
	print "bench-vs-oracle: ok (>= 100x, 0 allocs/op)"
}'
