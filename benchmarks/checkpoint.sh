#!/usr/bin/env bash
# Size and time of a checkpoint, interleaved with the peer's nearest equivalent (Brian2's store() of the same CUBA
# network after the same simulated time, runtime mode).
# Usage: benchmarks/checkpoint.sh [REPEATS]   (prints one line per measurement; BENCHMARKS.md has the medians)
set -euo pipefail
cd "$(dirname "$0")/.."
repeats="${1:-3}"
export NEUROSIM_NO_REBUILD=1
out="$(mktemp -d)"
for r in $(seq "$repeats"); do
  # NeuroSim: CUBA, 10 s with a checkpoint every second (10 checkpoints, the last at the end)
  bin/neurosim run examples/cuba.yaml --duration 10s --checkpoint-every 1s --no-plots --out "$out/cuba" > /dev/null 2>&1
  python3 -c "import json,sys; c=json.load(open(sys.argv[1]))['checkpoints']; \
print(f\"neurosim cuba: {c['written']} checkpoints, {c['bytes']} bytes each (last), {c['wall_s']/c['written']*1e3:.1f} ms each\")" \
    "$out/cuba/summary.json"
  /usr/bin/python3 benchmarks/peers/brian2_store.py 10 "$out/brian2-store.pkl"
done
rm -rf "$out"
