#!/usr/bin/env bash
# CUBA with additive STDP on its excitatory synapses, side by side: examples/cuba-stdp.yaml in NeuroSim and
# benchmarks/peers/brian2_cuba_stdp.py (cpp_standalone binary, 1 and 2 OpenMP threads) interleaved, 10 s simulated.
# Prints each run (seconds, and the rate or NeuroSim's rates), then the medians.
# Needs Brian2 from Debian (../shared/peers/README.md) and a built project. Usage: benchmarks/cuba-stdp.sh [repeats]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-3}"
tmp="$(mktemp -d)"
cd "$root"
for t in 1 2; do
  /usr/bin/python3 benchmarks/peers/brian2_cuba_stdp.py 10 cpp_standalone "$tmp" "$t" 2>/dev/null | tail -1
done
log="$tmp/log"
sim() { /usr/bin/python3 -c "import json; d=json.load(open('$tmp/ns/summary.json')); \
print(d['wall_s']['simulate'], d['populations']['exc']['mean_rate_hz'], d['populations']['inh']['mean_rate_hz'])"; }
for i in $(seq "$n"); do
  {
    echo "brian2_binary_1thread $( { cd "$tmp/brian_cuba_stdp_t1" && /usr/bin/time -f '%e %M' ./main > /dev/null; } 2>&1 | tail -1)"
    bin/neurosim run examples/cuba-stdp.yaml --duration 10s --threads 1 --out "$tmp/ns" --no-plots > /dev/null
    echo "neurosim_1thread $(sim)"
    echo "brian2_binary_2threads $( { cd "$tmp/brian_cuba_stdp_t2" && /usr/bin/time -f '%e %M' ./main > /dev/null; } 2>&1 | tail -1)"
    bin/neurosim run examples/cuba-stdp.yaml --duration 10s --threads 2 --out "$tmp/ns" --no-plots > /dev/null
    echo "neurosim_2threads $(sim)"
  } | tee -a "$log"
done
/usr/bin/python3 benchmarks/medians.py "$log"
