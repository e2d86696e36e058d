#!/usr/bin/env python3
"""Compares a probabilistic run's total-population intervals with WPP 2024's published bounds (docs/validation.md).

Usage: scripts/stochastic_validation.py out/stochastic-156-seed2024 data/wpp 156
Our populations stand on 1 July t; WPP's pop_total_projection_dec31.csv row t is 1 January t+1, so WPP's 1 July t
bounds are taken as the mean of rows t-1 and t (the same mean WPP uses for its 1 July populations).
"""
import csv, sys

run, wpp, code = sys.argv[1], sys.argv[2], sys.argv[3]
ours = {}
with open(f"{run}/quantiles.csv") as f:
    for r in csv.DictReader(f):
        if r["measure"] == "total_population":
            ours[int(r["year"])] = [float(r[k]) for k in ("q025", "q100", "q500", "q900", "q975")]
dec31 = {}
with open(f"{wpp}/pop_total_projection_dec31.csv") as f:
    for r in csv.DictReader(f):
        if r["location_code"] == code:
            dec31[int(r["year"])] = [float(r[k]) for k in ("pop_95l", "pop_80l", "pop", "pop_80u", "pop_95u")]
print("| year (1 July) | 95% ours | 95% WPP | 80% ours | 80% WPP | median ours | WPP medium | 80% width ours/WPP | 95% width ours/WPP |")
print("|---|---|---|---|---|---:|---:|---:|---:|")
ratios80, ratios95 = [], []
for t in sorted(ours):
    if t - 1 not in dec31 or t not in dec31:
        continue
    w = [(a + b) / 2 for a, b in zip(dec31[t - 1], dec31[t])]
    o = ours[t]
    r80 = (o[3] - o[1]) / (w[3] - w[1]); r95 = (o[4] - o[0]) / (w[4] - w[0])
    ratios80.append(r80); ratios95.append(r95)
    k = lambda v: f"{v/1000:,.1f}"
    print(f"| {t} | {k(o[0])}–{k(o[4])} | {k(w[0])}–{k(w[4])} | {k(o[1])}–{k(o[3])} | {k(w[1])}–{k(w[3])} | {k(o[2])} | {k(w[2])} | {r80:.2f} | {r95:.2f} |")
print(f"\nwidth ratio 80%: min {min(ratios80):.2f} max {max(ratios80):.2f}; 95%: min {min(ratios95):.2f} max {max(ratios95):.2f}")
