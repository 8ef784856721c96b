# Sourced by the profiling scripts: starts echo servers the way the engine-vs-netty suite runs them (pinned to
# CPU 0, one loop, the suite's JVM options) and stops every one of them, and the load, when the script exits.
#
#   start_echo_server NAME "design [serve options]"   # sets $port; the server's output is in $tmp/NAME.out
#   track_pid PID                                     # another child to stop on exit (a load generator)
# Provides $here (the repository), $tmp (removed on exit), $jar and $java; the jar is built (once, if missing) by the
# first start_echo_server, so a script that starts no JVM server needs no Maven.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
java_opts=(-Xms512m -Xmx512m -XX:+UseParallelGC -XX:+AlwaysPreTouch -XX:MaxDirectMemorySize=1g -XX:AutoBoxCacheMax=20000)
tmp=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT INT TERM

jar="$here/cli/target/reactorbench.jar"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"

track_pid() { pids+=("$1"); }

start_echo_server() {
  local name=$1 design=$2
  if [ -z "${jar_checked:-}" ]; then "$here/reactorbench" servers > /dev/null; jar_checked=1; fi  # builds it if missing
  # $design is word-split on purpose: "engine-epoll --edge-triggered" is a design id and a serve option
  taskset -c 0 "$java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow "${java_opts[@]}" \
    -jar "$jar" serve --server $design --app echo --port 0 --loops 1 --ignore-stdin > "$tmp/$name.out" 2>&1 &
  track_pid $!
  for _ in $(seq 1 100); do grep -q '^READY' "$tmp/$name.out" && break; sleep 0.2; done
  port=$(sed -n 's/^READY 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$tmp/$name.out")
  [ -n "$port" ] || { echo "$(basename "$0"): $design did not start"; cat "$tmp/$name.out"; exit 1; }
}
