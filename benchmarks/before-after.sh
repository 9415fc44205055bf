#!/usr/bin/env bash
# Interleaves `neurosim bench` of an earlier commit and of this checkout, to show what a change did to speed and
# spikes on the same machine in the same minutes. Usage: benchmarks/before-after.sh REV [repeats]
# REV is built in a temporary worktree with `mvn package` (never installed, so the local repository keeps this
# checkout's artifacts); this checkout must be built already (mvn -B -DskipTests install).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rev="${1:?usage: benchmarks/before-after.sh REV [repeats]}"
n="${2:-5}"
old="$(mktemp -d)"
log="$(mktemp)"
trap 'git -C "$root" worktree remove --force "$old" > /dev/null 2>&1 || true; rm -f "$log"' EXIT
git -C "$root" worktree add -q --detach "$old" "$rev"
(cd "$old" && mvn -q -B package -DskipTests > /dev/null)
json() { /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); print(d['simulate_s'], d['spikes'])"; }
for d in "$old" "$root"; do "$d/bin/neurosim" plugins > /dev/null; done   # class-data archives, once
for i in $(seq "$n"); do
  for v in before after; do
    d="$old"; [ "$v" = after ] && d="$root"
    {
      echo "${v} cuba_1s $("$d/bin/neurosim" bench cuba --json | json)"
      echo "${v} cuba_10s $("$d/bin/neurosim" bench cuba --duration 10s --json | json)"
      echo "${v} cobahh_1_thread $("$d/bin/neurosim" bench cobahh --threads 1 --json | json)"
      echo "${v} cobahh_2_threads $("$d/bin/neurosim" bench cobahh --threads 2 --json | json)"
    } | tee -a "$log"
  done
done
echo "medians (simulate_s), $rev against this checkout:"
/usr/bin/python3 - "$log" <<'PY'
import sys, statistics, collections
t = collections.defaultdict(list); spikes = collections.defaultdict(set)
for line in open(sys.argv[1]):
    v, k, s, n = line.split()
    t[v, k].append(float(s)); spikes[v, k].add(n)
for k in dict.fromkeys(k for _, k in t):
    b, a = t["before", k], t["after", k]
    print(f"  {k:17s} before {statistics.median(b):.3f} ({min(b):.3f}-{max(b):.3f})  after {statistics.median(a):.3f}"
          f" ({min(a):.3f}-{max(a):.3f})  after/before {statistics.median(a) / statistics.median(b):.2f}"
          f"  spikes {'same' if spikes['before', k] == spikes['after', k] else 'DIFFER'}: {', '.join(sorted(spikes['after', k]))}")
PY
