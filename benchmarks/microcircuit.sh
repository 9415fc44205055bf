#!/usr/bin/env bash
# The Potjans-Diesmann microcircuit side by side: `neurosim bench microcircuit --scale S` and
# benchmarks/peers/brian2_microcircuit.py (its cpp_standalone binary, timed alone) interleaved. Prints each run
# (seconds; NeuroSim its simulation, build, peak RSS and rates; Brian2 its binary's wall time, peak RSS, the run time
# it reports, and the rates and mean ISI CVs over the whole run) and the medians.
# Needs Brian2 from Debian (../shared/peers/README.md) and a built project. At full scale Brian2's binary needs about
# 20 GB and 220 s per simulated second here; give NeuroSim JAVA_OPTS=-Xmx8g.
# Usage: benchmarks/microcircuit.sh [repeats] [scale] [threads] [duration_s]   (BRIAN_BUILD_DIR=D reuses D's binary)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-3}"
scale="$(/usr/bin/python3 -c "print(float('${2:-0.1}'))")"
threads="${3:-1}"
dur="${4:-1.5}"
tmp="${BRIAN_BUILD_DIR:-$(mktemp -d)}"
dir="$tmp/brian_microcircuit_${scale}_t${threads}"
cd "$root"
ls "$dir/main" > /dev/null 2>&1 ||
  /usr/bin/python3 benchmarks/peers/brian2_microcircuit.py "$scale" "$dur" cpp_standalone "$tmp" "$threads" build-only 2>/dev/null | tail -1
log="$tmp/log"
: > "$log"
for i in $(seq "$n"); do
  {
    timing="$( { cd "$dir" && /usr/bin/time -f '%e %M' ./main > /dev/null; } 2>&1 | tail -1)"
    echo "brian2_binary $timing run_s=$(cut -d' ' -f1 "$dir/results/last_run_info.txt") $(/usr/bin/python3 \
      benchmarks/peers/brian2_microcircuit.py --rates "$dir" "$scale" "$dur")"
    echo "neurosim_${threads}threads $(NEUROSIM_NO_REBUILD=1 bin/neurosim bench microcircuit --scale "$scale" --duration "${dur}s" \
      --threads "$threads" --json | /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); print(d['simulate_s'], \
d['setup_s'], d['peak_rss_mb'], 'spikes=' + str(d['spikes']))")"
  } | tee -a "$log"
done
/usr/bin/python3 benchmarks/medians.py "$log"
