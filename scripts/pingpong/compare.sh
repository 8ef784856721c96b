#!/usr/bin/env bash
# Server CPU per round trip of echo designs, measured from outside with the independent C client (issue 21).
#
# Every design is started once, pinned to CPU 0 (one loop, the engine-vs-netty suite's JVM options, via
# scripts/lib/warm-echo-servers.sh) and kept running, so JIT warm-up is paid once. Then, round after round and for each
# connection count, the designs take turns in an order rotated every round: the C client (pingpong-client, pinned to
# CPU 1) connects, runs a warm-up, then a measured window over which it reads the server's utime+stime from
# /proc/PID/stat itself, so the CPU is aligned with the window it counts round trips in. Only same-round ratios mean
# much on a shared machine: the table ends with their medians against a reference design.
#
# With --syscalls each turn adds a window of its own after the CPU window in which `perf stat` counts the server's
# system calls by name (tracepoint counters inside the kernel, no per-event trace; enabled and disabled by the
# client through perf's control fifo), so the counting's cost never lands in a CPU figure.
#
# Usage: scripts/pingpong/compare.sh [--rounds 3] [--connections 1000,10000] [--reference DESIGN] [--warmup 3]
#                                    [--duration 5] [--prewarm 10] [--syscalls] [DESIGN ...]
#   --prewarm: seconds of unmeasured load on each server before the first round (a JVM's JIT warms up once, here,
#   not in round 1); 0 skips it.
#   DESIGN: c-epoll, c-uring (the C floors here), or a `reactorbench serve --server` design id, optionally followed by
#   serve options in the same argument ("engine-epoll --option edge-triggered=true").
#   Default designs: c-epoll c-uring engine-epoll netty-epoll netty-iouring; default reference: the first design.
# Needs gcc (and liburing-dev for c-uring: apt-get install -y liburing-dev), taskset, python3; perf for --syscalls.
set -euo pipefail
rounds=3; connections=1000,10000; reference=; warmup=3; duration=5; prewarm=10; syscalls=
syscall_window=2
designs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --reference) reference=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --prewarm) prewarm=$2; shift 2 ;;
    --syscalls) syscalls=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "compare.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) designs+=("$1"); shift ;;
  esac
done
[ ${#designs[@]} -gt 0 ] || designs=(c-epoll c-uring engine-epoll netty-epoll netty-iouring)
[ -n "$reference" ] || reference=${designs[0]}
[[ "$rounds" =~ ^[1-9][0-9]?$ ]] || { echo "compare.sh: --rounds must be 1-99" >&2; exit 2; }
for value in "$warmup" "$duration" "$prewarm"; do
  [[ "$value" =~ ^[0-9]+(\.[0-9]+)?$ ]] || { echo "compare.sh: --warmup, --duration, --prewarm are seconds, got $value" >&2; exit 2; }
done
[[ "$connections" =~ ^[0-9]+(,[0-9]+)*$ ]] || { echo "compare.sh: --connections is a comma-separated list" >&2; exit 2; }
IFS=, read -r -a counts <<< "$connections"
for n in "${counts[@]}"; do
  # the client and each server are separate processes, each under the 20,000 open-files limit
  [ "$n" -ge 1 ] && [ "$n" -le 19000 ] || { echo "compare.sh: $n connections: 1-19,000 per run" >&2; exit 2; }
done
printf '%s\n' "${designs[@]}" | grep -qxF -- "$reference" || { echo "compare.sh: reference $reference is not a design" >&2; exit 2; }
command -v gcc > /dev/null || { echo "compare.sh: gcc is not installed" >&2; exit 2; }
if [ -n "$syscalls" ] && ! perf stat -e 'syscalls:sys_enter_read' true > /dev/null 2>&1; then
  echo "compare.sh: --syscalls needs perf with syscall tracepoints (run as root, apt-get install -y linux-perf)" >&2; exit 2
fi

pingpong="$(cd "$(dirname "$0")" && pwd)"
source "$pingpong/../lib/warm-echo-servers.sh"
build="$tmp/build"
targets=(client)
printf '%s\n' "${designs[@]}" | grep -qx c-uring && targets+=("$build/echo-uring")
make -s -C "$pingpong" OUT="$build" "${targets[@]}" > "$tmp/make.out" 2>&1 || {
  echo "compare.sh: building the C programs failed:"; cat "$tmp/make.out"; exit 1; } >&2

start_c_server() {
  local name=$1 program=$2
  taskset -c 0 "$build/$program" > "$tmp/$name.out" 2>&1 &
  track_pid $!
  for _ in $(seq 1 50); do grep -q '^READY' "$tmp/$name.out" && break; sleep 0.1; done
  port=$(sed -n 's/^READY 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$tmp/$name.out")
  [ -n "$port" ] || { echo "compare.sh: $program did not start"; cat "$tmp/$name.out"; exit 1; } >&2
}

ports=(); server_pids=()
for i in "${!designs[@]}"; do
  case "${designs[$i]}" in
    c-epoll) start_c_server "serve$i" echo-epoll ;;
    c-uring) start_c_server "serve$i" echo-uring ;;
    *) start_echo_server "serve$i" "${designs[$i]}" ;;
  esac
  ports+=("$port"); server_pids+=("${pids[-1]}")
done

# what the servers were, and how expensive a system call is here (it bounds what batching can save)
syscall_cost=$("$pingpong/../syscall-cost.sh" 2>/dev/null || echo "unknown")
events=read,readv,recvfrom,recvmsg,write,writev,sendto,sendmsg,epoll_wait,epoll_pwait,epoll_pwait2,io_uring_enter,accept4
perf_events=$(printf 'syscalls:sys_enter_%s,' ${events//,/ })raw_syscalls:sys_enter
if [ "${prewarm%.*}" -gt 0 ] 2>/dev/null; then
  for k in "${!designs[@]}"; do
    echo "compare.sh: pre-warming ${designs[$k]} for $prewarm s (${counts[0]} connections, not measured)" >&2
    timeout $(( ${prewarm%.*} + 120 )) taskset -c 1 "$build/pingpong-client" -p "${ports[$k]}" -c "${counts[0]}" \
      -w 0 -d "$prewarm" > /dev/null 2>&1 || echo "compare.sh: pre-warming ${designs[$k]} failed" >&2
  done
fi
results="$tmp/results.tsv"; : > "$results"
n_designs=${#designs[@]}
echo "compare.sh: $rounds rounds x ${#counts[@]} connection counts x $n_designs designs, ${warmup} s warm-up + ${duration} s per turn" >&2
for r in $(seq 1 "$rounds"); do
  for n in "${counts[@]}"; do
    for j in $(seq 0 $((n_designs - 1))); do
      k=$(( (j + r) % n_designs ))  # rotate who goes first
      pid=${server_pids[$k]}
      kill -0 "$pid" 2>/dev/null || { echo "compare.sh: ${designs[$k]} (pid $pid) has stopped" >&2; exit 1; }
      client_args=(-p "${ports[$k]}" -c "$n" -w "$warmup" -d "$duration" -P "$pid")
      perf_pid=
      if [ -n "$syscalls" ]; then
        rm -f "$tmp/ctl" "$tmp/ack" "$tmp/perf.csv"; mkfifo "$tmp/ctl" "$tmp/ack"
        perf stat -x, -o "$tmp/perf.csv" -D -1 --control "fifo:$tmp/ctl,$tmp/ack" -e "$perf_events" -p "$pid" \
          > /dev/null 2>&1 &
        perf_pid=$!; track_pid "$perf_pid"
        client_args+=(-x "$syscall_window" -C "$tmp/ctl" -A "$tmp/ack")
      fi
      # in the background and tracked, so an interrupted run stops it too; timeout bounds a client that hangs
      timeout $(( ${warmup%.*} + ${duration%.*} + syscall_window + 120 )) \
        taskset -c 1 "$build/pingpong-client" "${client_args[@]}" > "$tmp/client.out" 2> "$tmp/client.err" &
      client_pid=$!; track_pid "$client_pid"
      status=0; wait "$client_pid" || status=$?
      line=$(cat "$tmp/client.out")
      counted=
      if [ -n "$perf_pid" ]; then
        kill -INT "$perf_pid" 2>/dev/null || true; wait "$perf_pid" 2>/dev/null || true
        counted=$(awk -F, '$1 ~ /^[0-9]+$/ { sub(/.*:(sys_enter_)?/, "", $3); printf "%s%s=%s", sep, $3, $1; sep=";" }' \
          "$tmp/perf.csv" 2>/dev/null || true)
      fi
      [ "$status" -eq 0 ] || echo "compare.sh: round $r, $n connections, ${designs[$k]}: client exit $status: $line $(cat "$tmp/client.err")" >&2
      echo "round $r  $n conns  ${designs[$k]}: $line" >&2
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$r" "$n" "${designs[$k]}" "$status" "$line" "$counted" >> "$results"
    done
  done
done

python3 - "$results" "$reference" "$syscall_cost" "${designs[@]}" <<'PY'
import statistics, sys
path, reference, syscall_cost, designs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
cells = {}  # (connections, design) -> {round: fields}
for row in open(path):
    r, n, design, status, line, counted = (row.rstrip("\n").split("\t") + [""])[:6]
    fields = dict(kv.split("=", 1) for kv in line.split() if "=" in kv)
    fields["ok"] = status == "0" and "server_cpu_us_per_rt" in fields
    fields["syscalls"] = {k: int(v) for k, v in (kv.split("=", 1) for kv in counted.split(";") if "=" in kv)}
    cells.setdefault((int(n), design), {})[int(r)] = fields
counts = sorted({n for n, _ in cells})
rounds = sorted({r for c in cells.values() for r in c})

def value(n, design, r, key):
    f = cells.get((n, design), {}).get(r)
    return float(f[key]) if f and f["ok"] else None

def per_round(n, design, key, fmt):
    return " · ".join(fmt % v if v is not None else "✗" for v in (value(n, design, r, key) for r in rounds))

print(f"Echo 64 B ping-pong, C client (one message in flight per connection, every byte checked) on CPU 1, servers on"
      f" CPU 0; {len(rounds)} rounds, designs interleaved within each. A system call here: {syscall_cost}")
print()
def per_round_table(title, key, fmt):
    print(title)
    print()
    print("| connections | " + " | ".join(designs) + " |")
    print("|---|" + "---|" * len(designs))
    for n in counts:
        print(f"| {n:,} | " + " | ".join(per_round(n, d, key, fmt) for d in designs) + " |")
    print()

per_round_table("Server CPU µs per round trip, per round (✗: the client saw a mismatch, an error, or no CPU reading):",
                "server_cpu_us_per_rt", "%.2f")
per_round_table("Round trips per second, per round:", "rt_per_s", "%.0f")
print(f"Medians of same-round ratios against {reference} (CPU per round trip; round trips/s):")
print()
others = [d for d in designs if d != reference]
print("| connections | " + " | ".join(f"{d} / {reference}" for d in others) + " |")
print("|---|" + "---|" * len(others))
for n in counts:
    row = []
    for d in others:
        parts = []
        for key in ("server_cpu_us_per_rt", "rt_per_s"):
            ratios = [value(n, d, r, key) / value(n, reference, r, key) for r in rounds
                      if value(n, d, r, key) and value(n, reference, r, key)]
            parts.append("%.2f ×" % statistics.median(ratios) if ratios else "–")
        row.append(f"CPU {parts[0]}, rt/s {parts[1]}")
    print(f"| {n:,} | " + " | ".join(row) + " |")
if any(f["syscalls"] for c in cells.values() for f in c.values()):
    names = ["read", "readv", "recvfrom", "recvmsg", "write", "writev", "sendto", "sendmsg", "epoll_wait",
             "epoll_pwait", "epoll_pwait2", "io_uring_enter", "accept4", "sys_enter"]
    seen = [m for m in names if any(f["syscalls"].get(m) for c in cells.values() for f in c.values())]
    print()
    print("System calls per round trip (median over rounds; counted by perf's syscall tracepoints in a window of their"
          " own after the CPU window; `sys_enter` is all of them):")
    print()
    print("| connections | design | " + " | ".join(seen) + " |")
    print("|---|---|" + "---|" * len(seen))
    for n in counts:
        for d in designs:
            per = []
            for m in seen:
                xs = [f["syscalls"].get(m, 0) / float(f["syscall_round_trips"])
                      for f in cells.get((n, d), {}).values() if f["syscalls"] and float(f.get("syscall_round_trips", 0)) > 0]
                per.append("%.3f" % statistics.median(xs) if xs else "–")
            print(f"| {n:,} | {d} | " + " | ".join(per) + " |")
PY
