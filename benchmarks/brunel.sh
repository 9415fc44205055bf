#!/usr/bin/env bash
# Brunel (2000) model A side by side: `neurosim bench brunel --state S` and benchmarks/peers/brian2_brunel.py
# (cpp_standalone binary, 1 and 2 OpenMP threads), interleaved, 1 s simulated. Prints each run (seconds, rate, CV)
# and the medians. Needs Brian2 from Debian (../shared/peers/README.md) and a built project.
# Usage: benchmarks/brunel.sh [repeats] [state: ai | sr | si-fast | si-slow]   (BRIAN_BUILD_DIR=D reuses D's binaries)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-3}"
state="${2:-ai}"
case "$state" in ai) g=5 eta=2;; sr) g=3 eta=2;; si-fast) g=6 eta=4;; si-slow) g=4.5 eta=0.9;; *) echo "unknown state $state"; exit 2;; esac
tmp="${BRIAN_BUILD_DIR:-$(mktemp -d)}"   # a folder of an earlier run keeps its Brian2 binaries
cd "$root"
for t in 1 2; do
  ls "$tmp"/brian_brunel_*_t$t/main > /dev/null 2>&1 ||
    /usr/bin/python3 benchmarks/peers/brian2_brunel.py "$g" "$eta" 1.0 cpp_standalone "$tmp" "$t" 2>/dev/null | tail -1
done
log="$tmp/log"
: > "$log"   # this run's lines only, for the medians
ns() { bin/neurosim bench brunel --state "$state" --threads "$1" --json | /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); \
a=d['analysis']; print(d['simulate_s'], d['setup_s'], d['peak_rss_mb'], a['exc']['rate_hz'], a['exc']['cv_isi'], a['exc']['peak_frequency_hz'])"; }
for i in $(seq "$n"); do
  {
    echo "brian2_binary_1thread $( { cd "$tmp"/brian_brunel_*_t1 && /usr/bin/time -f '%e %M' ./main > /dev/null; } 2>&1 | tail -1)"
    echo "neurosim_1thread $(ns 1)"
    echo "brian2_binary_2threads $( { cd "$tmp"/brian_brunel_*_t2 && /usr/bin/time -f '%e %M' ./main > /dev/null; } 2>&1 | tail -1)"
    echo "neurosim_2threads $(ns 2)"
  } | tee -a "$log"
done
/usr/bin/python3 benchmarks/medians.py "$log"
