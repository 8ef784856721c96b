#!/usr/bin/env bash
# The cost of one system call on this machine: a C loop of 2,000,000 getppid() calls, best of 5, pinned to
# CPU 0. Context for docs/BENCHMARKS.md: how much of a round trip's server CPU is syscall entry/exit
# (the rest of a loopback read or write is TCP work, which no user-space design can avoid).
# Usage: scripts/syscall-cost.sh   (needs gcc)
set -euo pipefail
command -v gcc > /dev/null || { echo "syscall-cost: gcc is not installed"; exit 2; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT INT TERM
cat > "$tmp/sc.c" <<'C'
#include <stdio.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
int main(void) {
    double best = 1e30;
    for (int round = 0; round < 5; round++) {
        struct timespec a, b;
        clock_gettime(CLOCK_MONOTONIC, &a);
        for (int i = 0; i < 2000000; i++) syscall(SYS_getppid);
        clock_gettime(CLOCK_MONOTONIC, &b);
        double ns = ((b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec)) / 2e6;
        if (ns < best) best = ns;
    }
    printf("%.0f ns per system call (getppid, best of 5 x 2,000,000)\n", best);
    return 0;
}
C
gcc -O2 -o "$tmp/sc" "$tmp/sc.c"
taskset -c 0 "$tmp/sc"
