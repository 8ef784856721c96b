#!/usr/bin/env bash
# What counting system calls with perf's syscall tracepoints (run --syscalls, compare.sh --syscalls) costs the server:
# server CPU per round trip of the C epoll floor and of engine-epoll, each with and without `perf stat -I 500` attached
# (as the runner attaches it: every name it counts, on the load's CPU), interleaved within each round; prints every turn
# and the median of the same-round on/off ratios per server.
# Usage: scripts/pingpong/syscall-count-overhead.sh [rounds=4] [connections=1000]
set -euo pipefail
rounds=${1:-4}; conns=${2:-1000}
[[ "$rounds" =~ ^[1-9][0-9]?$ ]] && [[ "$conns" =~ ^[0-9]+$ ]] && [ "$conns" -ge 1 ] && [ "$conns" -le 19000 ] \
  || { echo "usage: $0 [rounds 1-99] [connections 1-19000]" >&2; exit 2; }
perf stat -e syscalls:sys_enter_read true > /dev/null 2>&1 || { echo "$0: needs perf with syscall tracepoints" >&2; exit 2; }
pingpong="$(cd "$(dirname "$0")" && pwd)"
source "$pingpong/../lib/warm-echo-servers.sh"
build="$tmp/build"
make -s -C "$pingpong" OUT="$build" client > /dev/null
taskset -c 0 "$build/echo-epoll" > "$tmp/c.out" 2>&1 &
track_pid $!; c_pid=$!
for _ in $(seq 1 50); do grep -q '^READY' "$tmp/c.out" && break; sleep 0.1; done
c_port=$(sed -n 's/^READY 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$tmp/c.out")
start_echo_server engine engine-epoll
servers=("c-epoll $c_port $c_pid" "engine-epoll $port ${pids[-1]}")
events=$(printf 'syscalls:sys_enter_%s,' read readv recvfrom recvmsg write writev sendto sendmsg epoll_wait epoll_pwait \
  epoll_pwait2 io_uring_enter)raw_syscalls:sys_enter
: > "$tmp/turns"
for r in $(seq 1 "$rounds"); do
  for server in "${servers[@]}"; do
    read -r name server_port server_pid <<< "$server"
    for mode in off on; do
      perf_pid=
      if [ "$mode" = on ]; then
        taskset -c 1 perf stat -x, -I 500 -o "$tmp/perf.csv" -e "$events" -p "$server_pid" > /dev/null 2>&1 &
        perf_pid=$!; track_pid "$perf_pid"; sleep 0.3
      fi
      line=$(timeout 120 taskset -c 1 "$build/pingpong-client" -p "$server_port" -c "$conns" -w 2 -d 4 -P "$server_pid")
      [ -z "$perf_pid" ] || { kill -INT "$perf_pid"; wait "$perf_pid" || true; }
      cpu=$(sed -n 's/.*server_cpu_us_per_rt=\([0-9.]*\).*/\1/p' <<< "$line")
      echo "round $r  $name  perf $mode: $line"
      echo "$r $name $mode $cpu" >> "$tmp/turns"
    done
  done
done
python3 - "$tmp/turns" <<'PY'
import statistics, sys
cpu = {}
for line in open(sys.argv[1]):
    r, name, mode, value = line.split()
    cpu[(r, name, mode)] = float(value)
for name in sorted({k[1] for k in cpu}):
    ratios = [cpu[(r, name, "on")] / cpu[(r, name, "off")] for (r, n, m) in cpu if n == name and m == "off"
              and (r, name, "on") in cpu]
    print("%-14s server CPU per round trip with counting / without: median %.3f (rounds: %s)"
          % (name, statistics.median(ratios), " ".join("%.3f" % x for x in ratios)))
PY
