#!/usr/bin/env bash
# Requests per load-generator CPU second: reactorbench's load generator against wrk, same server, same run.
# The server (netty-epoll, http app, one loop) is pinned to CPU 0, each load generator in turn to CPU 1;
# both keep 64 connections with 16-deep pipelines (TechEmpower's plaintext shape).
#   wrk:          requests / (user+sys CPU of the wrk process, from /usr/bin/time)
#   reactorbench: requests in the measured window / clientCpuSeconds of the same window (from --json)
# Usage: scripts/loadgen-vs-wrk.sh [rounds=2] [seconds=5]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
rounds=${1:-2}; seconds=${2:-5}
command -v wrk >/dev/null || { echo "loadgen-vs-wrk: wrk is not installed (apt-get install -y wrk)"; exit 2; }
tmp=$(mktemp -d)
server_pid=
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT INT TERM

taskset -c 0 "$here/reactorbench" serve --server netty-epoll --app http --port 0 --loops 1 --ignore-stdin \
  > "$tmp/serve.out" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do grep -q '^READY' "$tmp/serve.out" && break; sleep 0.2; done
addr=$(sed -n 's/^READY //p' "$tmp/serve.out")
[ -n "$addr" ] || { echo "loadgen-vs-wrk: server did not start"; cat "$tmp/serve.out"; exit 1; }
echo "server netty-epoll http on $addr (CPU 0); load on CPU 1; $rounds rounds of ${seconds}s"
printf '%-14s %12s %10s %16s\n' tool requests cpu_s requests/cpu_s
for r in $(seq 1 "$rounds"); do
  /usr/bin/time -f "%U %S" -o "$tmp/wrk.time" taskset -c 1 wrk -t1 -c64 -d"${seconds}s" \
    -s "$here/conformance/src/test/resources/pipeline.lua" "http://$addr/plaintext" -- 16 > "$tmp/wrk.out"
  wreq=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$tmp/wrk.out")
  wcpu=$(awk '{print $1+$2}' "$tmp/wrk.time")
  grep -q "Non-2xx\|Socket errors" "$tmp/wrk.out" && { echo "wrk saw errors:"; cat "$tmp/wrk.out"; }
  printf '%-14s %12d %10.2f %16.0f\n' wrk "$wreq" "$wcpu" "$(echo "$wreq / $wcpu" | bc -l)"

  taskset -c 1 "$here/reactorbench" load --target "$addr" --app http --connections 64 --depth 16 --batch \
    --threads 1 --warmup 2s --duration "${seconds}s" --json "$tmp/rb.json" --progress none --no-summary > /dev/null
  rreq=$(python3 -c "import json;print(json.load(open('$tmp/rb.json'))['requests'])")
  rcpu=$(python3 -c "import json;print(json.load(open('$tmp/rb.json'))['clientCpuSeconds'])")
  rerr=$(python3 -c "import json;print(json.load(open('$tmp/rb.json'))['errors']['total'])")
  printf '%-14s %12d %10.2f %16.0f   errors=%s\n' reactorbench "$rreq" "$rcpu" "$(echo "$rreq / $rcpu" | bc -l)" "$rerr"
done
