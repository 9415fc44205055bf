#!/usr/bin/env bash
# Runs NeuroSim and its peers (Brian2 cpp_standalone, NEURON) on the same machine in one run, interleaved, prints
# one line per measurement and then the medians. Needs the peers from Debian (see ../shared/peers/README.md) and a
# built project (mvn -B -DskipTests install). Usage: benchmarks/side-by-side.sh [repeats]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
peers="$root/../shared/peers"
tmp="$(/usr/bin/python3 -c 'import tempfile; print(tempfile.gettempdir())')"
n="${1:-5}"
log="$(mktemp)"
cd "$root"
# build the Brian2 binaries once (the build is not timed); make NeuroSim's class-data archive once
[ -x "$tmp/brian_cuba_4000/main" ] || /usr/bin/python3 "$peers/brian2_cuba.py" 4000 1.0 cpp_standalone > /dev/null
[ -x "$tmp/brian_cobahh_4000/main" ] || /usr/bin/python3 "$peers/brian2_cobahh.py" 4000 1.0 cpp_standalone > /dev/null
# the same CUBA over 10 s simulated (steady state; the 1 s figures carry the JVM's warm-up)
mkdir -p "$tmp/neurosim-peers-10s"
[ -x "$tmp/neurosim-peers-10s/brian_cuba_4000/main" ] || TMPDIR="$tmp/neurosim-peers-10s" /usr/bin/python3 "$peers/brian2_cuba.py" 4000 10.0 cpp_standalone > /dev/null
bin/neurosim plugins > /dev/null
json() { /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); print(d['simulate_s'], d['setup_s'], d['spikes'])"; }
for i in $(seq "$n"); do
  {
    echo "brian2_cuba_binary $( { cd "$tmp/brian_cuba_4000" && /usr/bin/time -f '%e %M' ./main > /dev/null; } 2>&1 | tail -1)"
    echo "neurosim_cuba_process $( { /usr/bin/time -f '%e %M' bin/neurosim bench cuba --json > "$tmp/ns.json"; } 2>&1 | tail -1)"
    echo "neurosim_cuba_simulate $(json < "$tmp/ns.json")"
    echo "brian2_cuba10s_binary $( { cd "$tmp/neurosim-peers-10s/brian_cuba_4000" && /usr/bin/time -f '%e %M' ./main > /dev/null; } 2>&1 | tail -1)"
    echo "neurosim_cuba10s_simulate $(bin/neurosim bench cuba --duration 10s --json | json)"
    echo "brian2_cobahh_binary $( { cd "$tmp/brian_cobahh_4000" && /usr/bin/time -f '%e %M' ./main > /dev/null; } 2>&1 | tail -1)"
    echo "neurosim_cobahh_1thread $(bin/neurosim bench cobahh --threads 1 --json | json)"
    echo "neurosim_cobahh_2threads $(bin/neurosim bench cobahh --threads 2 --json | json)"
  } | tee -a "$log"
done
for i in $(seq 3); do
  echo "brian2_cuba_script $( { /usr/bin/time -f '%e' /usr/bin/python3 "$peers/brian2_cuba.py" 4000 1.0 cpp_standalone > /dev/null; } 2>&1 | tail -1)" | tee -a "$log"
done
for dt in 0.01 0.025; do
  echo "neuron_hh dt=$dt $(/usr/bin/python3 "$peers/neuron_hh.py" "$dt" 2>/dev/null | grep '"I": 10.0')"
done
java -cp benchmarks/target/benchmarks.jar org.neurosim.benchmarks.HhSingleNeuron
echo "medians (first number of each line: seconds):"
/usr/bin/python3 - "$log" <<'PY'
import sys, statistics, collections
d = collections.defaultdict(list)
for line in open(sys.argv[1]):
    f = line.split()
    d[f[0]].append(float(f[1]))
for k, v in d.items():
    print(f"  {k:28s} median {statistics.median(v):.3f}  (min {min(v):.3f}, max {max(v):.3f}, n {len(v)})")
m = {k: statistics.median(v) for k, v in d.items()}
print(f"  CUBA simulation / Brian2 binary        {m['neurosim_cuba_simulate'] / m['brian2_cuba_binary']:.2f}")
print(f"  CUBA 10 s simulation / Brian2 binary   {m['neurosim_cuba10s_simulate'] / m['brian2_cuba10s_binary']:.2f}")
print(f"  CUBA process / Brian2 script           {m['neurosim_cuba_process'] / m['brian2_cuba_script']:.2f}")
print(f"  COBAHH 1 thread / Brian2 binary        {m['neurosim_cobahh_1thread'] / m['brian2_cobahh_binary']:.2f}")
print(f"  COBAHH 2 threads / Brian2 binary       {m['neurosim_cobahh_2threads'] / m['brian2_cobahh_binary']:.2f}")
print(f"  COBAHH speed-up 2 threads vs 1         {m['neurosim_cobahh_1thread'] / m['neurosim_cobahh_2threads']:.2f}")
PY
rm -f "$log"
