#!/usr/bin/env bash
# Runs NeuroSim and its peers (Brian2 cpp_standalone, NEURON) on the same machine in one run, interleaved, and
# prints one line per measurement. Needs the peers from Debian (see ../shared/peers/README.md) and a built project
# (mvn -B -DskipTests install). Usage: benchmarks/side-by-side.sh [repeats]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
peers="$root/../shared/peers"
tmp="$(/usr/bin/python3 -c 'import tempfile; print(tempfile.gettempdir())')"
n="${1:-5}"
cd "$root"
# build the Brian2 binaries once (the build is not timed)
[ -x "$tmp/brian_cuba_4000/main" ] || /usr/bin/python3 "$peers/brian2_cuba.py" 4000 1.0 cpp_standalone > /dev/null
[ -x "$tmp/brian_cobahh_4000/main" ] || /usr/bin/python3 "$peers/brian2_cobahh.py" 4000 1.0 cpp_standalone > /dev/null
for i in $(seq "$n"); do
  echo "brian2_cuba_binary $( { cd "$tmp/brian_cuba_4000" && /usr/bin/time -f '%e s %M KB' ./main > /dev/null; } 2>&1 | tail -1)"
  echo "neurosim_cuba_process $( { /usr/bin/time -f '%e s %M KB' bin/neurosim bench cuba --json > "$tmp/ns.json"; } 2>&1 | tail -1) $(cat "$tmp/ns.json")"
  echo "brian2_cobahh_binary $( { cd "$tmp/brian_cobahh_4000" && /usr/bin/time -f '%e s %M KB' ./main > /dev/null; } 2>&1 | tail -1)"
  echo "neurosim_cobahh_1thread $(bin/neurosim bench cobahh --threads 1 --json)"
  echo "neurosim_cobahh_2threads $(bin/neurosim bench cobahh --threads 2 --json)"
done
for i in $(seq 3); do
  echo "brian2_cuba_script $( { /usr/bin/time -f '%e s' /usr/bin/python3 "$peers/brian2_cuba.py" 4000 1.0 cpp_standalone > /dev/null; } 2>&1 | tail -1)"
done
for dt in 0.01 0.025; do
  echo "neuron_hh dt=$dt $(/usr/bin/python3 "$peers/neuron_hh.py" "$dt" 2>/dev/null | grep '"I": 10.0')"
done
java -cp benchmarks/target/benchmarks.jar org.neurosim.benchmarks.HhSingleNeuron
