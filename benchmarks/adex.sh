#!/usr/bin/env bash
# AdEx typed as equations, NeuroSim against Brian2 running the same equations with the same method and dt:
# regenerates Brian2's spike times (benchmarks/peers/brian2_adex.py, rk4 and euler at 0.01 ms, three regimes,
# 0.5 s) into models-equations/src/test/resources/brian2 and runs the test that requires every NeuroSim spike to
# fall in the step in which Brian2 records it (AdexBrian2Test). Needs Brian2 (see ../shared/peers/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
out=models-equations/src/test/resources/brian2
mkdir -p "$out"
for method in rk4 euler; do
  /usr/bin/python3 benchmarks/peers/brian2_adex.py "$method" 0.01 0.5 2>/dev/null > "$out/adex-$method-0.01ms.json"
  /usr/bin/python3 -c "
import json, sys
d = json.load(open('$out/adex-$method-0.01ms.json'))
print('Brian2 $method:', ', '.join('%s %d spikes' % (k, len(v['spikes'])) for k, v in d.items()))"
done
mvn -B -q -o test -pl models-equations -Dtest=AdexBrian2Test -Dsurefire.failIfNoSpecifiedTests=false
grep -h "Tests run" models-equations/target/surefire-reports/*AdexBrian2Test.txt
