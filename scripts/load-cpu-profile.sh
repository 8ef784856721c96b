#!/usr/bin/env bash
# Where the load generator's CPU goes on echo ping-pong: the kernel functions that take it, with their callees.
#
# Starts one server (pinned to CPU 0, one loop, the engine-vs-netty suite's JVM options), drives it with the
# closed-loop load generator pinned to CPU 1, and samples the load generator's process with perf for 5 s of its
# measured window. Prints the run's round trips/s and load CPU, the user/kernel split, then the share of samples
# under each of a few kernel entry points (children included): the send, the receive, epoll_wait, and the
# network receive path that runs inside the send (on loopback a sender processes its peer's TCP input).
#
# Why: it shows why a load generator on one core bounds loopback ping-pong on a 2-core machine: it pays as much
# kernel TCP work per round trip as the server it measures, so no server can be served faster than it sends.
#
# Usage: scripts/load-cpu-profile.sh [design=netty-epoll] [connections=100]
set -euo pipefail
design=${1:-netty-epoll}; conns=${2:-100}
command -v perf > /dev/null || { echo "load-cpu-profile: needs perf (apt-get install linux-perf)"; exit 2; }
source "$(dirname "$0")/lib/warm-echo-servers.sh"
start_echo_server serve "$design"

taskset -c 1 "$java" --enable-native-access=ALL-UNNAMED -jar "$jar" load --target "127.0.0.1:$port" \
  --app echo --connections "$conns" --size 64 --model closed --threads 1 --warmup 4s --duration 10s \
  --json "$tmp/load.json" --progress none --no-summary > /dev/null 2>&1 &
load_pid=$!
track_pid $load_pid
sleep 6
perf record -F 4000 -e cpu-clock -g -o "$tmp/perf.data" -p "$load_pid" -- sleep 5 > /dev/null 2>&1
wait "$load_pid"
python3 - "$tmp/load.json" <<'PY'
import json, sys
load = json.load(open(sys.argv[1]))
print(f"round trips/s {load['throughput']:.0f}, load generator CPU {load['clientCpuSeconds'] / load['windowSeconds'] * 100:.0f} % of its core")
PY
echo "share of the load generator's samples (perf record -F 4000 -e cpu-clock -g, 5 s):"
perf report -i "$tmp/perf.data" --no-children --sort dso 2>/dev/null | grep -E '^ +[0-9]' | head -4
perf report -i "$tmp/perf.data" --children --sort sym -g none 2>/dev/null \
  | grep -E '\] (__x64_sys_sendto|__x64_sys_recvfrom|__x64_sys_epoll_wait|net_rx_action|tcp_v4_rcv|sock_def_readable|__x64_sys_write|__x64_sys_read)$' \
  | awk '{printf "  %-22s %s (with callees)\n", $NF, $1}'
