/*
 * The floor for epoll: the least a one-thread epoll echo server can do per round trip. Level-triggered epoll, one
 * read and one write per readiness event, nothing else: what any epoll design in the harness pays at the least.
 *
 *   echo-epoll [-p PORT=0]     prints "READY 127.0.0.1:<port>" once listening; stops on SIGTERM/SIGINT
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#define EVENTS_PER_WAIT 1024
#define READ_BUFFER_BYTES 65536
/* A peer that reads nothing cannot hold the loop longer than this per write. */
#define WRITE_STALL_MS 1000

/* Writes all of buf; a short write (a full socket buffer, never seen in ping-pong) waits for room, bounded. */
static int write_all(int fd, const char *buf, ssize_t len) {
    while (len > 0) {
        ssize_t n = write(fd, buf, (size_t) len);
        if (n > 0) {
            buf += n;
            len -= n;
            continue;
        }
        if (n < 0 && errno != EAGAIN && errno != EINTR) return -1;
        struct pollfd p = {.fd = fd, .events = POLLOUT};
        if (poll(&p, 1, WRITE_STALL_MS) <= 0) return -1;
    }
    return 0;
}

int main(int argc, char **argv) {
    int port = 0, opt;
    while ((opt = getopt(argc, argv, "p:")) != -1) {
        if (opt == 'p') port = atoi(optarg);
        else {
            fprintf(stderr, "usage: echo-epoll [-p PORT]\n");
            return 2;
        }
    }
    signal(SIGPIPE, SIG_IGN); /* a peer gone mid-write is an error to count, not the end of the process */
    int listener = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    int one = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t) port),
                               .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof addr;
    if (bind(listener, (struct sockaddr *) &addr, sizeof addr) < 0 || listen(listener, 4096) < 0
        || getsockname(listener, (struct sockaddr *) &addr, &len) < 0) {
        perror("echo-epoll: listen");
        return 1;
    }
    int ep = epoll_create1(0);
    struct epoll_event ev = {.events = EPOLLIN, .data.fd = listener};
    epoll_ctl(ep, EPOLL_CTL_ADD, listener, &ev);
    printf("READY 127.0.0.1:%d\n", ntohs(addr.sin_port));
    fflush(stdout);

    static char buf[READ_BUFFER_BYTES];
    struct epoll_event events[EVENTS_PER_WAIT];
    for (;;) {
        int n = epoll_wait(ep, events, EVENTS_PER_WAIT, -1);
        if (n < 0 && errno != EINTR) {
            perror("echo-epoll: epoll_wait");
            return 1;
        }
        for (int e = 0; e < n; e++) {
            int fd = events[e].data.fd;
            if (fd == listener) {
                int c;
                while ((c = accept4(listener, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
                    setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                    struct epoll_event cev = {.events = EPOLLIN, .data.fd = c};
                    epoll_ctl(ep, EPOLL_CTL_ADD, c, &cev);
                }
                continue; /* EAGAIN: the backlog is empty; EMFILE: the next readiness event tries again */
            }
            ssize_t got = read(fd, buf, sizeof buf);
            if (got > 0) {
                if (write_all(fd, buf, got) == 0) continue;
            } else if (got < 0 && (errno == EAGAIN || errno == EINTR)) {
                continue;
            }
            close(fd); /* end of stream, reset, or a peer that stopped reading: closing also leaves the epoll set */
        }
    }
}
