#!/usr/bin/env bash
# The Potjans-Diesmann microcircuit side by side: `neurosim bench microcircuit --scale S` and
# benchmarks/peers/brian2_microcircuit.py (cpp_standalone binary, 1 thread) interleaved, 1.5 s simulated. Prints each
# run (seconds; NeuroSim also its build and peak RSS) and the medians; the Brian2 build prints its rates once.
# Needs Brian2 from Debian (../shared/peers/README.md) and a built project.
# Usage: benchmarks/microcircuit.sh [repeats] [scale]   (BRIAN_BUILD_DIR=D reuses D's binary)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-3}"
scale="${2:-0.1}"
tmp="${BRIAN_BUILD_DIR:-$(mktemp -d)}"
cd "$root"
ls "$tmp"/brian_microcircuit_"$scale"_t1/main > /dev/null 2>&1 ||
  /usr/bin/python3 benchmarks/peers/brian2_microcircuit.py "$scale" 1.5 cpp_standalone "$tmp" 1 2>/dev/null | tail -1
log="$tmp/log"
: > "$log"
for i in $(seq "$n"); do
  {
    echo "brian2_binary $( { cd "$tmp/brian_microcircuit_${scale}_t1" && /usr/bin/time -f '%e %M' ./main > /dev/null; } 2>&1 | tail -1)"
    echo "neurosim_1thread $(bin/neurosim bench microcircuit --scale "$scale" --duration 1.5s --threads 1 --json \
      | /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); print(d['simulate_s'], d['setup_s'], d['peak_rss_mb'], \
' '.join(str(round(v['rate_hz'], 3)) for k, v in d['analysis'].items() if k != 'from_s'))")"
  } | tee -a "$log"
done
/usr/bin/python3 benchmarks/medians.py "$log"
