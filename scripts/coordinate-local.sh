#!/usr/bin/env bash
# Issue 20's local check: one coordinated load run, K agents as separate processes on this machine, against N
# engine-epoll server processes sharing one port (SO_REUSEPORT; each process holds at most ~19,900 sockets here).
# Each agent binds its own two 127.0.0.x source addresses. Load goes to loopback only.
#
#   scripts/coordinate-local.sh [--agents 4] [--connections 40000] [--rate 4000] [--duration 20s] [--servers 3]
#                               [--out DIR]
#
# Prints the coordinator's summary; the results directory (default runs/<time>-coordinate-local) is a run that
# `reactorbench report` and `reactorbench gate` read as any other. Every process it starts is stopped on exit,
# also on Ctrl-C.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rb="$here/reactorbench"
agents=4 connections=40000 rate=4000 duration=20s servers=3 port=18080
out="$here/runs/$(date -u +%Y%m%d-%H%M%S)-coordinate-local"
while [ $# -gt 0 ]; do
  case "$1" in
    --agents) agents=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --servers) servers=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "coordinate-local.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
if [ "$agents" -lt 1 ] || [ "$agents" -gt 60 ]; then echo "coordinate-local.sh: --agents must be 1..60" >&2; exit 2; fi
work="$(mktemp -d)"
pids=()
cleanup() {
  [ ${#pids[@]} -gt 0 ] && kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for i in $(seq 1 "$servers"); do
  JAVA_TOOL_OPTIONS=-Xmx512m "$rb" serve --server engine-epoll --app echo --host 127.0.0.1 --port "$port" \
    --reuse-port --ignore-stdin > "$work/server-$i.log" 2>&1 &
  pids+=($!)
done
for _ in $(seq 1 100); do  # bounded: 10 s for the servers to listen
  ss -ltn "sport = :$port" | grep -q LISTEN && break
  sleep 0.1
done

head -c 24 /dev/urandom | base64 > "$work/token"
cat > "$work/load.args" <<ARGS
--target 127.0.0.1:$port --app echo
--connections $connections --connect-rate 20000 --rate $rate --warmup 5s --duration $duration
ARGS
"$rb" coordinate @"$work/load.args" --agents "$agents" --token-file "$work/token" --listen 127.0.0.1:0 \
  --out "$out" --ready-deadline 120s 2> "$work/coordinator.err" &
coordinator=$!
listen=""
for _ in $(seq 1 300); do  # bounded: 30 s for the coordinator's first line
  listen=$(sed -n 's/^coordinate: listening on \([0-9.]*:[0-9]*\) .*/\1/p' "$work/coordinator.err")
  [ -n "$listen" ] && break
  sleep 0.1
done
[ -n "$listen" ] || { echo "coordinate-local.sh: the coordinator did not start" >&2; cat "$work/coordinator.err" >&2; exit 1; }
for i in $(seq 0 $((agents - 1))); do
  "$rb" load @"$work/load.args" --coordinator "$listen" --token-file "$work/token" --shard "$i/$agents" \
    --source "127.0.0.$((10 + 2 * i))-127.0.0.$((11 + 2 * i))" --progress none \
    > "$work/agent-$i.out" 2> "$work/agent-$i.err" &
  pids+=($!)
done
status=0
wait "$coordinator" || status=$?
grep -v ' registered' "$work/coordinator.err" >&2 || true
exit "$status"
