#!/usr/bin/env python3
"""Markdown tables for docs/BENCHMARKS.md from a results directory of the engine-vs-netty suite: per design the
median (min-max) over trials of throughput, server CPU and allocation per request, p99, load-generator CPU, and the
median of same-trial ratios engine/netty-epoll (as `reactorbench gate` computes them); for the idle scenario heap and
RSS per connection, within-resolution trials shown as their upper bound.

Usage: scripts/benchmarks-tables.py runs/<id>
"""
import json, glob, os, sys, statistics as st
run = sys.argv[1]
def trials(scen, design):
    out = []
    for f in sorted(glob.glob(f"{run}/{scen}/{design}/trial-*/summary.json")):
        d = json.load(open(f))
        if d.get("status") == "ok": out.append(d)
    return out
def med(xs):
    xs = [x for x in xs if x is not None]
    return (st.median(xs), min(xs), max(xs)) if xs else (None, None, None)
def fmt(t, f="{:,.0f}"):
    m, lo, hi = t
    if m is None: return "-"
    return f"{f.format(m)} ({f.format(lo)}–{f.format(hi)})"
scens = [os.path.basename(p) for p in sorted(glob.glob(f"{run}/*")) if os.path.isdir(p) and not p.endswith("report")]
designs = ["engine-epoll", "engine-epoll-et", "netty-epoll", "engine-nio", "vthreads"]
for sc in scens:
    print(f"\n**{sc}** (median of trials, min–max in brackets)\n")
    if sc == "idle":
        print("| design | heap per connection | RSS per connection (median trial) | per trial: heap / RSS (≤: within the probe's resolution, its upper bound) |")
        print("|---|---|---|---|")
        for d in designs:
            ts = trials(sc, d)
            if not ts: continue
            heap = med([t["memory"]["heapPerConnectionBytes"] for t in ts])
            figs = []
            for t in ts:
                m = t["memory"]
                if m.get("rssWithinResolution"):
                    figs.append((m["rssPerConnectionBytes"] + m["rssResolutionBytesPerConnection"], True))
                else:
                    figs.append((m["rssPerConnectionBytes"], False))
            figs.sort()
            mid = figs[len(figs) // 2]
            rss_text = ("≤" if mid[1] else "") + f"{mid[0]:,.0f} B" 
            per = []
            for t in ts:
                m = t["memory"]
                r = m["rssPerConnectionBytes"]; res = m.get("rssResolutionBytesPerConnection")
                rs = (f"≤{r + res:,.0f}" if m.get("rssWithinResolution") else f"{r:,.0f}") if r is not None else "-"
                per.append(f"{m['heapPerConnectionBytes']:,.0f} / {rs}")
            print(f"| {d} | {heap[0]:,.0f} B | {rss_text} | {', '.join(per)} |")
        continue
    print("| design | requests/s | server CPU µs per request | allocated B per request | p99 (closed loop) | load generator CPU |")
    print("|---|---|---|---|---|---|")
    for d in designs:
        ts = trials(sc, d)
        if not ts: continue
        thr = med([t["throughput"] for t in ts])
        cpu = med([t["server"]["cpuUsPerRequest"] for t in ts])
        al = med([t["server"]["allocatedBytesPerRequest"] for t in ts])
        p99 = med([t["latencyNs"]["uncorrected"]["p99"] / 1e6 for t in ts])
        lg = med([(t.get("loadGenerator") or {}).get("utilisation") for t in ts])
        lgs = f"{100*lg[0]:.0f} % ({100*lg[1]:.0f}–{100*lg[2]:.0f})" if lg[0] is not None else "-"
        print(f"| {d} | {fmt(thr)} | {fmt(cpu, '{:.2f}')} | {fmt(al, '{:.1f}')} | {p99[0]:.2f} ms | {lgs} |")
    for a in ["engine-epoll", "engine-epoll-et"]:
        A = {t["trial"]: t for t in trials(sc, a)}; B = {t["trial"]: t for t in trials(sc, "netty-epoll")}
        common = sorted(set(A) & set(B))
        if not common: continue
        rt = [A[i]["throughput"] / B[i]["throughput"] for i in common]
        rc = [A[i]["server"]["cpuUsPerRequest"] / B[i]["server"]["cpuUsPerRequest"] for i in common]
        print(f"\n{a} / netty-epoll, same trial: throughput **{st.median(rt):.3f}×** (trials: {', '.join(f'{x:.2f}' for x in rt)}), "
              f"server CPU per request **{st.median(rc):.3f}×** (trials: {', '.join(f'{x:.2f}' for x in rc)})")
