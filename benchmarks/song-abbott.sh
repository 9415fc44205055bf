#!/usr/bin/env bash
# Song, Miller & Abbott (2000) side by side: examples/song-abbott.yaml in NeuroSim and the same model in Brian2
# (benchmarks/peers/brian2_song_abbott.py, cpp_standalone), interleaved. Prints each run's simulation time and
# output rate, then the Kolmogorov-Smirnov distance between the final weight distributions and the medians.
# Needs Brian2 from Debian (../shared/peers/README.md) and a built project. Usage: benchmarks/song-abbott.sh [repeats]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-3}"
tmp="$(mktemp -d)"
cd "$root"
/usr/bin/python3 benchmarks/peers/brian2_song_abbott.py 100 cpp_standalone "$tmp/brian2" 2>/dev/null | tail -1
log="$tmp/log"
for i in $(seq "$n"); do
  {
    echo "brian2_binary $( { cd "$tmp/brian2/brian_song_abbott" && /usr/bin/time -f '%e %M' ./main > /dev/null; } 2>&1 | tail -1)"
    bin/neurosim run examples/song-abbott.yaml --out "$tmp/neurosim" --no-plots > /dev/null
    echo "neurosim_simulate $(/usr/bin/python3 -c "import json; d=json.load(open('$tmp/neurosim/summary.json')); \
print(d['wall_s']['simulate'], d['populations']['neuron']['mean_rate_hz'])")"
  } | tee -a "$log"
done
/usr/bin/python3 - "$tmp" "$log" <<'PY'
import csv, sys
import numpy as np
tmp, log = sys.argv[1], sys.argv[2]
b = np.loadtxt(f'{tmp}/brian2/weights.txt')
rows = list(csv.DictReader(open(f'{tmp}/neurosim/weights.csv')))
end = max(float(r['time_s']) for r in rows)
n = np.array([float(r['weight']) for r in rows if float(r['time_s']) == end]) / 0.01
a, c = np.sort(b), np.sort(n)
x = np.concatenate([a, c])
ks = np.max(np.abs(np.searchsorted(a, x, 'right') / len(a) - np.searchsorted(c, x, 'right') / len(c)))
print(f'final weights / w_max: KS distance {ks:.3f}; below 0.1: brian2 {np.mean(b < .1):.3f} neurosim {np.mean(n < .1):.3f}; '
      f'above 0.9: brian2 {np.mean(b > .9):.3f} neurosim {np.mean(n > .9):.3f}')
PY
/usr/bin/python3 benchmarks/medians.py "$log"
