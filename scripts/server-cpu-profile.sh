#!/usr/bin/env bash
# Where a server's CPU goes on echo ping-pong: user vs kernel time and system calls per round trip.
#
# Every design in the list is started once (pinned to CPU 0, one loop, the engine-vs-netty suite's JVM
# options), then the designs take turns, round after round, under the same closed-loop load (pinned to
# CPU 1). For each turn it prints: round trips/s, server CPU µs per round trip and the user-space share of that
# CPU (utime / (utime + stime) from /proc/<pid>/stat, over 4 s of the load's measured window), the load
# generator's CPU use (clientCpuSeconds / window), and, when `perf` is installed, the server's receive calls and
# epoll waits per send call, counted with perf's syscall tracepoints in a later 2 s of the same window (tracing
# slows every system call, so the CPU figures are taken without it; an echo answer is one send call).
#
# Why: when >90 % of a server's CPU per round trip is kernel time, no user-space design can be much cheaper
# than another; when the load generator is at ~100 % of its CPU, throughput is the client's, not the server's.
#
# Usage: scripts/server-cpu-profile.sh [rounds=4] [connections=100] [design ...]
#   a design is a design id, optionally followed by serve options in the same argument:
#   scripts/server-cpu-profile.sh 4 100 engine-epoll "engine-epoll --edge-triggered" netty-epoll
#   default designs: engine-epoll netty-epoll
set -euo pipefail
rounds=${1:-4}; conns=${2:-100}; shift 2 2>/dev/null || shift $#
designs=("$@"); [ ${#designs[@]} -gt 0 ] || designs=(engine-epoll netty-epoll)
source "$(dirname "$0")/lib/warm-echo-servers.sh"
ports=()
for i in "${!designs[@]}"; do
  start_echo_server "serve$i" "${designs[$i]}"
  ports+=("$port")
done
have_perf=; command -v perf > /dev/null && perf stat -e syscalls:sys_enter_read true > /dev/null 2>&1 && have_perf=1
echo "echo 64 B ping-pong, $conns connections; servers on CPU 0 (one loop), load on CPU 1; $rounds rounds, 4 s warm-up, then 4 s of CPU and 2 s of syscall counts per turn"
printf '%-5s %-30s %10s %12s %7s %9s %10s %10s\n' round design rt/s "cpu µs/rt" user% load-cpu% recv/send wait/send
n=${#designs[@]}
for r in $(seq 1 "$rounds"); do
  for j in $(seq 0 $((n - 1))); do
    k=$(( (j + r) % n ))  # rotate who goes first
    pid=${pids[$k]}
    taskset -c 1 "$java" --enable-native-access=ALL-UNNAMED -jar "$jar" load --target "127.0.0.1:${ports[$k]}" \
      --app echo --connections "$conns" --size 64 --model closed --threads 1 --warmup 4s --duration 8s \
      --json "$tmp/load.json" --progress none --no-summary > /dev/null 2>&1 &
    load_pid=$!
    track_pid "$load_pid"
    sleep 5
    before=$(awk '{print $14, $15}' "/proc/$pid/stat"); t0=$(date +%s.%N)
    sleep 4
    after=$(awk '{print $14, $15}' "/proc/$pid/stat"); t1=$(date +%s.%N)
    if [ -n "$have_perf" ]; then
      perf stat -x, -o "$tmp/perf.csv" -e 'syscalls:sys_enter_read,syscalls:sys_enter_recvfrom,syscalls:sys_enter_write,syscalls:sys_enter_sendto,syscalls:sys_enter_writev,syscalls:sys_enter_epoll_wait,syscalls:sys_enter_epoll_pwait,syscalls:sys_enter_epoll_pwait2,syscalls:sys_enter_io_uring_enter' \
        -p "$pid" -- sleep 2 > /dev/null 2>&1
    else
      : > "$tmp/perf.csv"
    fi
    wait "$load_pid"
    python3 - "$r" "${designs[$k]}" "$before" "$after" "$t0" "$t1" "$tmp/load.json" "$tmp/perf.csv" "$(getconf CLK_TCK)" <<'PY'
import json, sys
r, design, before, after, t0, t1, load_file, perf_file, hz = sys.argv[1:]
u0, s0 = map(int, before.split()); u1, s1 = map(int, after.split()); hz = int(hz)
seconds = float(t1) - float(t0)
load = json.load(open(load_file))
rps = load["throughput"]
cpu = (u1 - u0 + s1 - s0) / hz
counts = {}
for line in open(perf_file):
    parts = line.strip().split(",")
    if len(parts) > 2 and parts[0].isdigit():
        counts[parts[2].split(":")[-1].replace("sys_enter_", "")] = int(parts[0])
rts = rps * seconds
sends = sum(counts.get(n, 0) for n in ("write", "sendto", "writev"))
def per_send(*names):
    return "%10.3f" % (sum(counts.get(n, 0) for n in names) / sends) if sends else "%10s" % "-"
print("%-5s %-30s %10.0f %12.2f %7.1f %9.0f %s %s" % (
    r, design, rps, cpu / rts * 1e6, 100.0 * (u1 - u0) / max(1, u1 - u0 + s1 - s0),
    100.0 * load["clientCpuSeconds"] / load["windowSeconds"],
    per_send("read", "recvfrom"), per_send("epoll_wait", "epoll_pwait", "epoll_pwait2", "io_uring_enter")))
PY
  done
done
