/*
 * An independent echo ping-pong client: N connections, each with one message in flight, every answer checked byte
 * by byte. Written in C so that it shares no code with the Java load generator whose numbers it cross-checks.
 *
 *   pingpong-client -p PORT [-h 127.0.0.1] [-c CONNECTIONS=100] [-s SIZE=64] [-w WARMUP_S=2] [-d DURATION_S=5]
 *                   [-P SERVER_PID] [-x SYSCALL_WINDOW_S -C PERF_CONTROL_FIFO [-A PERF_ACK_FIFO]]
 *
 * It connects every connection, runs WARMUP_S seconds uncounted, then DURATION_S seconds measured. With -P it reads
 * the server's utime+stime from /proc/PID/stat at the measured window's two edges, so the server CPU per round trip
 * is aligned with the window exactly. With -x and -C it then runs a second window of SYSCALL_WINDOW_S seconds,
 * writing "enable" / "disable" into a `perf stat --control fifo:...` control fifo at its edges: the syscall counts
 * come from a window of their own, so the counting's cost never lands in the CPU figure; with -A it waits for perf's
 * acknowledgement of each, so the counted window is the one whose round trips it counts.
 *
 * Output, one line of key=value pairs (parsed by compare.sh and by the self-test):
 *   connections=.. seconds=.. round_trips=.. rt_per_s=.. mismatches=.. errors=.. [server_cpu_us_per_rt=..]
 *   [syscall_seconds=.. syscall_round_trips=..]
 * Exit status: 0 when every answer matched and no connection failed, 1 otherwise, 2 on bad usage.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_SIZE 4096
#define EVENTS_PER_WAIT 1024
/* A stuck server must not hang the client: epoll_wait wakes at least this often to look at the clock. */
#define WAIT_TIMEOUT_MS 100
/* Connecting all connections must finish within this, or the run is refused (a server that stopped accepting). */
#define CONNECT_BOUND_S 60.0
/* perf acknowledges a control command within milliseconds; a perf that died must not hang the client. */
#define PERF_ACK_BOUND_MS 2000

struct conn {
    int fd;
    uint32_t seq;      /* round trips completed on this connection: part of the next message's pattern */
    uint32_t received; /* bytes of the current answer received so far */
};

static double now_s(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

/* The byte at offset i of connection c's message number seq: differs per connection, per message and per byte. */
static inline uint8_t pattern(uint32_t c, uint32_t seq, uint32_t i) {
    return (uint8_t) (c * 131u + seq * 31u + i * 7u + 1u);
}

static long server_cpu_ticks(int pid) {
    char path[64], buf[4096];
    snprintf(path, sizeof path, "/proc/%d/stat", pid);
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    char *p = strrchr(buf, ')'); /* the command name may hold spaces; fields are counted after its ')' */
    if (!p) return -1;
    unsigned long utime = 0, stime = 0;
    /* after ')': state(3) ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime(14) stime(15) */
    if (sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &utime, &stime) != 2) return -1;
    return (long) (utime + stime);
}

static int send_message(struct conn *c, uint32_t index, int size) {
    uint8_t msg[MAX_SIZE];
    for (int i = 0; i < size; i++) msg[i] = pattern(index, c->seq, (uint32_t) i);
    ssize_t n = write(c->fd, msg, (size_t) size);
    return n == size ? 0 : -1; /* one small message in flight never fills a socket buffer: short = failure */
}

static void drop(int ep, struct conn *c, long *errors) {
    epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
    close(c->fd);
    c->fd = -1;
    (*errors)++;
}

/* A control command to `perf stat --control fifo:CTL,ACK`; with an ack fifo, waits (bounded) until perf has acted. */
static void perf_control(const char *fifo, const char *ack, const char *command) {
    if (!fifo) return;
    int ack_fd = ack ? open(ack, O_RDONLY | O_NONBLOCK) : -1;
    FILE *f = fopen(fifo, "w");
    if (!f) {
        fprintf(stderr, "pingpong-client: cannot open %s: %s\n", fifo, strerror(errno));
        if (ack_fd >= 0) close(ack_fd);
        return;
    }
    fprintf(f, "%s\n", command);
    fclose(f);
    if (ack_fd < 0) return;
    struct pollfd p = {.fd = ack_fd, .events = POLLIN};
    char reply[16];
    if (poll(&p, 1, PERF_ACK_BOUND_MS) <= 0 || read(ack_fd, reply, sizeof reply) <= 0) {
        fprintf(stderr, "pingpong-client: perf did not acknowledge '%s' within %d ms\n", command, PERF_ACK_BOUND_MS);
    }
    close(ack_fd);
}

/* Runs the ping-pong until `until`; counts completed round trips into *counted when counting. */
static void run_until(int ep, struct conn *conns, int size, double until, long *counted, long *mismatches,
                      long *errors, int *open) {
    struct epoll_event events[EVENTS_PER_WAIT];
    uint8_t buf[MAX_SIZE];
    while (*open > 0 && now_s() < until) {
        int n = epoll_wait(ep, events, EVENTS_PER_WAIT, WAIT_TIMEOUT_MS);
        if (n < 0 && errno != EINTR) {
            perror("epoll_wait");
            exit(1);
        }
        for (int e = 0; e < n; e++) {
            uint32_t index = events[e].data.u32;
            struct conn *c = &conns[index];
            if (c->fd < 0) continue;
            ssize_t got = read(c->fd, buf, (size_t) (size - (int) c->received));
            if (got <= 0) {
                if (got < 0 && (errno == EAGAIN || errno == EINTR)) continue;
                drop(ep, c, errors);
                (*open)--;
                continue;
            }
            for (ssize_t i = 0; i < got; i++) {
                if (buf[i] != pattern(index, c->seq, c->received + (uint32_t) i)) {
                    (*mismatches)++;
                    break;
                }
            }
            c->received += (uint32_t) got;
            if (c->received < (uint32_t) size) continue;
            c->received = 0;
            c->seq++;
            (*counted)++;
            if (send_message(c, index, size) < 0) {
                drop(ep, c, errors);
                (*open)--;
            }
        }
    }
}

static void usage(void) {
    fprintf(stderr, "usage: pingpong-client -p PORT [-h HOST] [-c CONNECTIONS] [-s SIZE] [-w WARMUP_S] [-d DURATION_S]"
                    " [-P SERVER_PID] [-x SYSCALL_WINDOW_S -C PERF_CONTROL_FIFO [-A PERF_ACK_FIFO]]\n");
    exit(2);
}

int main(int argc, char **argv) {
    const char *host = "127.0.0.1", *fifo = NULL, *ack = NULL;
    int port = 0, nconns = 100, size = 64, server_pid = 0;
    double warmup = 2, duration = 5, syscall_window = 0;
    int opt;
    while ((opt = getopt(argc, argv, "h:p:c:s:w:d:P:x:C:A:")) != -1) {
        switch (opt) {
            case 'h': host = optarg; break;
            case 'p': port = atoi(optarg); break;
            case 'c': nconns = atoi(optarg); break;
            case 's': size = atoi(optarg); break;
            case 'w': warmup = atof(optarg); break;
            case 'd': duration = atof(optarg); break;
            case 'P': server_pid = atoi(optarg); break;
            case 'x': syscall_window = atof(optarg); break;
            case 'C': fifo = optarg; break;
            case 'A': ack = optarg; break;
            default: usage();
        }
    }
    if (port <= 0 || port > 65535 || nconns <= 0 || size <= 0 || size > MAX_SIZE || duration <= 0 || warmup < 0
        || syscall_window < 0 || (syscall_window > 0 && !fifo)) usage();
    signal(SIGPIPE, SIG_IGN); /* a peer gone mid-write is an error to count, not the end of the process */
    struct rlimit fds;
    if (getrlimit(RLIMIT_NOFILE, &fds) == 0 && (rlim_t) nconns + 16 > fds.rlim_cur) {
        fprintf(stderr, "pingpong-client: %d connections exceed the open-files limit %lu\n", nconns,
                (unsigned long) fds.rlim_cur);
        return 2;
    }
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t) port)};
    if (inet_pton(AF_INET, host, &addr.sin_addr) != 1) usage();

    struct conn *conns = calloc((size_t) nconns, sizeof *conns);
    int ep = epoll_create1(0);
    long mismatches = 0, errors = 0, ignored = 0;
    int open = 0;
    double connect_deadline = now_s() + CONNECT_BOUND_S;
    for (int i = 0; i < nconns; i++) {
        if (now_s() > connect_deadline) {
            fprintf(stderr, "pingpong-client: only %d of %d connections within %.0f s\n", i, nconns, CONNECT_BOUND_S);
            return 1;
        }
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0 || connect(fd, (struct sockaddr *) &addr, sizeof addr) < 0) {
            fprintf(stderr, "pingpong-client: connection %d: %s\n", i, strerror(errno));
            return 1;
        }
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        /* close with RST: no TIME_WAIT left behind, so round after round does not run out of ports */
        struct linger reset = {.l_onoff = 1, .l_linger = 0};
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
        fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
        conns[i].fd = fd;
        struct epoll_event ev = {.events = EPOLLIN, .data.u32 = (uint32_t) i};
        epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
        open++;
    }
    for (int i = 0; i < nconns; i++) {
        if (send_message(&conns[i], (uint32_t) i, size) < 0) {
            drop(ep, &conns[i], &errors);
            open--;
        }
    }

    run_until(ep, conns, size, now_s() + warmup, &ignored, &mismatches, &errors, &open);
    long round_trips = 0;
    long cpu_before = server_pid ? server_cpu_ticks(server_pid) : -1;
    double start = now_s();
    run_until(ep, conns, size, start + duration, &round_trips, &mismatches, &errors, &open);
    double seconds = now_s() - start;
    long cpu_after = server_pid ? server_cpu_ticks(server_pid) : -1;

    long syscall_round_trips = 0;
    double syscall_seconds = 0;
    if (syscall_window > 0) {
        perf_control(fifo, ack, "enable");
        double s0 = now_s();
        run_until(ep, conns, size, s0 + syscall_window, &syscall_round_trips, &mismatches, &errors, &open);
        perf_control(fifo, ack, "disable");
        syscall_seconds = now_s() - s0;
    }

    printf("connections=%d seconds=%.3f round_trips=%ld rt_per_s=%.0f mismatches=%ld errors=%ld", nconns, seconds,
           round_trips, round_trips / seconds, mismatches, errors);
    if (cpu_before >= 0 && cpu_after >= 0 && round_trips > 0) {
        double cpu_s = (double) (cpu_after - cpu_before) / (double) sysconf(_SC_CLK_TCK);
        printf(" server_cpu_s=%.3f server_cpu_us_per_rt=%.3f", cpu_s, cpu_s * 1e6 / (double) round_trips);
    }
    if (syscall_window > 0) printf(" syscall_seconds=%.3f syscall_round_trips=%ld", syscall_seconds, syscall_round_trips);
    printf("\n");
    for (int i = 0; i < nconns; i++) if (conns[i].fd >= 0) close(conns[i].fd);
    return mismatches == 0 && errors == 0 ? 0 : 1;
}
