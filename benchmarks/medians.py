"""Medians of an interleaved benchmark log: one line per measurement, `NAME SECONDS [more fields]`.
Usage: python3 benchmarks/medians.py LOG"""
import statistics
import sys

times = {}
for line in open(sys.argv[1]):
    name, *values = line.split()
    if values:
        times.setdefault(name, []).append(float(values[0]))
for name, v in times.items():
    print(f'median {name}: {statistics.median(v):.2f} s over {len(v)} (range {min(v):.2f}-{max(v):.2f})')
