#!/usr/bin/env bash
# Models typed as equations beside the hand-written plugins, whole networks, interleaved (ratios of medians):
# CUBA with the built-in lif vs its equations twin (both `exact`; the built-in also integrates its synapses in
# closed form, the equations model holds them over the step), COBAHH with hh-traub vs its equations twin
# (both exponential-euler), and the load-time cost (`validate`, which builds the network and compiles).
# Usage: benchmarks/equations.sh [REPEATS]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-5}
jar=cli-runner/target/neurosim.jar
t() { /usr/bin/time -f %e java -jar "$jar" "$@" 2>&1 >/dev/null | tail -1; }
sim() { java -jar "$jar" run "$@" --out /tmp/neurosim-eq-bench --set 'record={spikes: []}' | sed -E 's/.*simulated in ([0-9.]+) s.*/\1/'; }
for i in $(seq "$n"); do
  echo "cuba $(sim examples/cuba.yaml) cuba-equations $(sim examples/cuba-equations.yaml)"
  echo "cobahh $(sim examples/cobahh.yaml) cobahh-equations $(sim examples/cobahh-equations.yaml)"
  echo "validate-cuba $(t validate examples/cuba.yaml) validate-cuba-equations $(t validate examples/cuba-equations.yaml)"
done | tee /tmp/neurosim-eq-bench.txt
/usr/bin/python3 - <<'PY'
import statistics as st, collections
d = collections.defaultdict(list)
for line in open('/tmp/neurosim-eq-bench.txt'):
    w = line.split()
    for k, v in zip(w[::2], w[1::2]): d[k].append(float(v))
for a in ['cuba', 'cobahh', 'validate-cuba']:
    b = a + '-equations'
    ra = [y / x for x, y in zip(d[a], d[b])]
    print(f"{a}: median {st.median(d[a]):.3f} s, equations {st.median(d[b]):.3f} s, ratio (median of pairs) {st.median(ra):.2f}")
PY
