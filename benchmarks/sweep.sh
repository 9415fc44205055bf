#!/usr/bin/env bash
# Sweep throughput of the local engine: the same 6 x 6 grid of Brunel's model A at 1/5 of its size (N_E 2000,
# N_I 500, C_E 200, J 0.5 mV so that J C_E is Brunel's 100 mV; 0.3 s) with 1 and 2 local workers and with Spark
# local[2] (bin/neurosim --engine spark), interleaved, whole commands;
# prints runs per minute (median of REPEATS). Usage: benchmarks/sweep.sh [REPEATS]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-3}
jar=cli-runner/target/neurosim.jar
grid=(--vary g=2,3,4,5,6,7 --vary eta=0.9,1.5,2,3,4,5
  --set populations.exc.size=2000 --set populations.inh.size=500
  --set 'projections[0].connect={in_degree: 200}' --set 'projections[1].connect={in_degree: 50}'
  --set 'projections[0].weight=0.5 mV' --set 'projections[1].weight=-${g}*0.5 mV'
  --set 'populations.exc.poisson_input.weight=0.5 mV' --set 'populations.inh.poisson_input.weight=0.5 mV'
  --set 'populations.exc.poisson_input.rate=${eta}*2 kHz' --set 'populations.inh.poisson_input.rate=${eta}*2 kHz'
  --set duration=0.3s --no-plots)
for i in $(seq "$n"); do
  for k in 1 2 spark2; do
    if [ "$k" = spark2 ]; then engine=(--engine spark --workers 2); else engine=(--workers "$k"); fi
    s=$( { /usr/bin/time -f %e env NEUROSIM_NO_REBUILD=1 bin/neurosim sweep examples/brunel2000.yaml "${grid[@]}" \
          "${engine[@]}" --out "/tmp/neurosim-sweep-bench-$k" >/dev/null; } 2>&1 | tail -1)
    echo "workers $k wall $s runs_per_min $(/usr/bin/python3 -c "print(round(36 * 60 / $s, 1))")"
  done
done | tee /tmp/neurosim-sweep-bench.txt
cmp <(cut -d, -f1-8 /tmp/neurosim-sweep-bench-1/sweep.csv | sort) <(cut -d, -f1-8 /tmp/neurosim-sweep-bench-2/sweep.csv | sort) \
  && cmp <(cut -d, -f1-8 /tmp/neurosim-sweep-bench-1/sweep.csv | sort) <(cut -d, -f1-8 /tmp/neurosim-sweep-bench-spark2/sweep.csv | sort) \
  && echo "the same 36 rows (all but wall_s) with 1 and 2 workers and with Spark local[2]"
/usr/bin/python3 - <<'PY'
import statistics as st
d = {}
for l in open('/tmp/neurosim-sweep-bench.txt'):
    w = l.split(); d.setdefault(w[1], []).append(float(w[5]))
for k, v in sorted(d.items()): print(f"workers {k}: median {st.median(v)} runs/min")
PY
