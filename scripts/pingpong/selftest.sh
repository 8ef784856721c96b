#!/usr/bin/env bash
# Checks the C ping-pong client and the C epoll server together: builds both, runs 10 connections for 1 s and passes
# only when the client verified round trips and saw no mismatch and no failed connection. Run by the cli module's
# PingPongScriptsTest (which also shows the client failing against a server that corrupts a byte).
# Usage: scripts/pingpong/selftest.sh     exit 0 pass, 1 fail, 2 when gcc is missing
set -euo pipefail
command -v gcc > /dev/null || { echo "selftest: gcc is not installed"; exit 2; }
here="$(cd "$(dirname "$0")" && pwd)"
tmp=$(mktemp -d)
server=
cleanup() { [ -z "$server" ] || kill "$server" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT INT TERM
make -s -C "$here" OUT="$tmp" client
"$tmp/echo-epoll" > "$tmp/server.out" 2>&1 &
server=$!
for _ in $(seq 1 50); do grep -q '^READY' "$tmp/server.out" && break; sleep 0.1; done
port=$(sed -n 's/^READY 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$tmp/server.out")
[ -n "$port" ] || { echo "selftest: echo-epoll did not start: $(cat "$tmp/server.out")"; exit 1; }
status=0
line=$(timeout 30 "$tmp/pingpong-client" -p "$port" -c 10 -w 0 -d 1 -P "$server") || status=$?
echo "$line"
round_trips=$(sed -n 's/.*round_trips=\([0-9]*\).*/\1/p' <<< "$line")
mismatches=$(sed -n 's/.*mismatches=\([0-9]*\).*/\1/p' <<< "$line")
if [ "$status" -ne 0 ] || [ "${round_trips:-0}" -eq 0 ] || [ "${mismatches:-1}" -ne 0 ]; then
  echo "selftest: FAILED (client exit $status)"; exit 1
fi
echo "selftest: ok"
