#!/usr/bin/env python3
"""Prints the connection-ceiling tables of a run (issue 18) as Markdown: per design, every step with memory per
connection (server RSS, heap, kernel slab per connection pair), GC pauses, servers' CPU and allocation per hold
request, and the hold's active-request latency. Usage: scripts/ceiling-table.py runs/<id>-million"""
import glob
import json
import os
import sys


def fmt(value, digits=0, unit=""):
    if value is None:
        return "-"
    return f"{value:,.{digits}f}{unit}"


def ms(ns):
    return "-" if not ns else f"{ns / 1e6:.2f}"


def main(run):
    for path in sorted(glob.glob(os.path.join(run, "*", "*", "trial-*", "summary.json"))):
        s = json.load(open(path))
        c = s.get("ceiling")
        if not c:
            continue
        p = s.get("params", {})
        placement = s.get("loadPlacement") or {}
        print(f"**{s['design']}** ({s['scenario']}, trial {s['trial']}): highest step held "
              f"{c['highestHeld']:,}, stopped by {c.get('stoppedBy') or 'nothing (every step completed)'}; "
              f"{p.get('serverProcesses', 1)} server processes, {placement.get('agents', 1)} load agents over "
              f"{placement.get('sourceAddresses', 0)} source addresses, agents' start skew "
              f"{placement.get('agentStartSkewMs', '-')} ms")
        if c.get("stoppedBecause"):
            print(f"  ({c['stoppedBecause']})")
        print()
        print("| step | held | verified | connect/s | RSS B/conn | heap B/conn | kernel B/pair | GC n | GC total ms "
              "| GC max ms | CPU µs/req | B/req | p50 ms | p99 ms | p99.9 ms | errors |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for st in c["steps"]:
            gc = st.get("gcPauses") or {}
            lat = st.get("latencyNs") or {}
            # 'held' in runs written before the steps embedded load.json's step; a rate of 0: no connection opened
            held = st.get("heldConnections", st.get("held"))
            print(f"| {st['targetConnections']:,} | {held:,} | {st['verified']:,} | "
                  f"{fmt(st.get('connectRatePerSec') or None)} | {fmt(st.get('rssPerConnectionBytes'))} | "
                  f"{fmt(st.get('heapPerConnectionBytes'), 1)} | {fmt(st.get('kernelPerConnectionBytes'))} | "
                  f"{gc.get('count', '-')} | {fmt(gc.get('totalMs'))} | {fmt(gc.get('maxMs'))} | "
                  f"{fmt(st.get('cpuUsPerRequest'), 1)} | {fmt(st.get('allocatedBytesPerRequest'))} | "
                  f"{ms(lat.get('p50'))} | {ms(lat.get('p99'))} | {ms(lat.get('p999'))} | "
                  f"{st['errors']['total']}{' ' + st['stoppedBy'] if st.get('stoppedBy') else ''} |")
        print()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: scripts/ceiling-table.py RUN_DIR")
    main(sys.argv[1])
