/*
 * The floor for io_uring: a one-thread io_uring echo server written the way the kernel's own guidance for networking
 * says (liburing's "io_uring and networking in 2023"): SINGLE_ISSUER + DEFER_TASKRUN, one multishot accept, one
 * multishot recv per connection into a provided buffer ring, each answer sent from the buffer it was received in
 * (returned to the ring when the send completes), and one io_uring_submit_and_wait per loop iteration: submitting
 * the iteration's sends and reaping its completions is one system call.
 *
 *   echo-uring [-p PORT=0]     prints "READY 127.0.0.1:<port>" once listening; stops on SIGTERM/SIGINT
 *
 * Builds against liburing 2.3 (Debian 12): what that version's headers lack is defined below from the kernel's
 * values, and a kernel without SINGLE_ISSUER/DEFER_TASKRUN (before 6.1) gets a plain ring, said on stderr.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <liburing.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#ifndef IORING_SETUP_SINGLE_ISSUER
#define IORING_SETUP_SINGLE_ISSUER (1U << 12)
#endif
#ifndef IORING_SETUP_DEFER_TASKRUN
#define IORING_SETUP_DEFER_TASKRUN (1U << 13)
#endif
#ifndef IORING_RECV_MULTISHOT
#define IORING_RECV_MULTISHOT (1U << 1)
#endif
#ifndef IORING_CQE_F_MORE
#define IORING_CQE_F_MORE (1U << 1)
#endif

#define SQ_ENTRIES 4096
/* Multishot recv posts completions without submissions: room for a burst from every connection at once. */
#define CQ_ENTRIES 65536
/* Power of two, at most 32768. A buffer is out only between its recv and its send's completion. */
#define BUFFER_COUNT 16384
#define BUFFER_BYTES 2048
#define BUFFER_GROUP 0

enum op { OP_ACCEPT = 1, OP_RECV = 2, OP_SEND = 3 };

/* user_data: op (8 bits) | length (16) | buffer id (16) | fd (24) */
static inline uint64_t tag(enum op op, uint32_t len, uint32_t bid, int fd) {
    return (uint64_t) op << 56 | (uint64_t) (len & 0xffff) << 40 | (uint64_t) (bid & 0xffff) << 24
           | (uint64_t) (fd & 0xffffff);
}
#define TAG_OP(u) ((int) ((u) >> 56))
#define TAG_LEN(u) ((uint32_t) (((u) >> 40) & 0xffff))
#define TAG_BID(u) ((uint32_t) (((u) >> 24) & 0xffff))
#define TAG_FD(u) ((int) ((u) & 0xffffff))

static struct io_uring ring;
static struct io_uring_buf_ring *buffer_ring;
static char *buffers;
static int buffer_mask;
struct fd_list {
    int *fds;
    int count;
    int capacity;
};
/* connections whose multishot recv stopped for want of a buffer: re-armed once buffers come back */
static struct fd_list starved;
/*
 * connections ended in this batch: closed only after the batch's sends are submitted, so that a send prepared for
 * one of them cannot reach a new connection the kernel gave the same fd number in the meantime
 */
static struct fd_list ended;

static struct io_uring_sqe *next_sqe(void) {
    struct io_uring_sqe *sqe = io_uring_get_sqe(&ring);
    if (!sqe) { /* the submission queue is full: hand it to the kernel now, then there is room */
        io_uring_submit(&ring);
        sqe = io_uring_get_sqe(&ring);
    }
    return sqe;
}

static void arm_accept(int listener) {
    struct io_uring_sqe *sqe = next_sqe();
    io_uring_prep_multishot_accept(sqe, listener, NULL, NULL, 0);
    sqe->user_data = tag(OP_ACCEPT, 0, 0, listener);
}

static void arm_recv(int fd) {
    struct io_uring_sqe *sqe = next_sqe();
    io_uring_prep_recv(sqe, fd, NULL, 0, 0);
    sqe->ioprio |= IORING_RECV_MULTISHOT;
    sqe->flags |= IOSQE_BUFFER_SELECT;
    sqe->buf_group = BUFFER_GROUP;
    sqe->user_data = tag(OP_RECV, 0, 0, fd);
}

static void send_buffer(int fd, uint32_t bid, uint32_t len) {
    struct io_uring_sqe *sqe = next_sqe();
    io_uring_prep_send(sqe, fd, buffers + (size_t) bid * BUFFER_BYTES, len, MSG_NOSIGNAL);
    sqe->user_data = tag(OP_SEND, len, bid, fd);
}

static void return_buffer(uint32_t bid) {
    io_uring_buf_ring_add(buffer_ring, buffers + (size_t) bid * BUFFER_BYTES, BUFFER_BYTES, (unsigned short) bid,
                          buffer_mask, 0);
    io_uring_buf_ring_advance(buffer_ring, 1);
}

static void setup_buffers(void) {
    size_t ring_bytes = BUFFER_COUNT * sizeof(struct io_uring_buf);
    void *mem = mmap(NULL, ring_bytes, PROT_READ | PROT_WRITE, MAP_ANONYMOUS | MAP_PRIVATE, -1, 0);
    if (mem == MAP_FAILED) {
        perror("echo-uring: mmap");
        exit(1);
    }
    buffer_ring = mem; /* zeroed memory: its tail starts at 0 */
    struct io_uring_buf_reg reg = {.ring_addr = (uint64_t) (uintptr_t) mem, .ring_entries = BUFFER_COUNT,
                                   .bgid = BUFFER_GROUP};
    int rc = io_uring_register_buf_ring(&ring, &reg, 0);
    if (rc < 0) {
        fprintf(stderr, "echo-uring: io_uring_register_buf_ring: %s (provided buffer rings need Linux 5.19)\n",
                strerror(-rc));
        exit(1);
    }
    buffers = aligned_alloc(4096, (size_t) BUFFER_COUNT * BUFFER_BYTES);
    buffer_mask = io_uring_buf_ring_mask(BUFFER_COUNT);
    for (int bid = 0; bid < BUFFER_COUNT; bid++) {
        io_uring_buf_ring_add(buffer_ring, buffers + (size_t) bid * BUFFER_BYTES, BUFFER_BYTES, (unsigned short) bid,
                              buffer_mask, bid);
    }
    io_uring_buf_ring_advance(buffer_ring, BUFFER_COUNT);
}

static void add(struct fd_list *list, int fd) {
    if (list->count == list->capacity) {
        list->capacity = list->capacity ? list->capacity * 2 : 1024;
        list->fds = realloc(list->fds, (size_t) list->capacity * sizeof *list->fds);
        if (!list->fds) {
            perror("echo-uring: realloc");
            exit(1);
        }
    }
    list->fds[list->count++] = fd;
}

static void on_completion(int listener, struct io_uring_cqe *cqe) {
    uint64_t u = cqe->user_data;
    int res = cqe->res;
    switch (TAG_OP(u)) {
        case OP_ACCEPT:
            if (res >= 0) {
                int one = 1;
                setsockopt(res, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                arm_recv(res);
            }
            if (!(cqe->flags & IORING_CQE_F_MORE)) arm_accept(listener); /* EMFILE and the like end the multishot */
            return;
        case OP_RECV: {
            int fd = TAG_FD(u);
            if (res > 0) {
                send_buffer(fd, cqe->flags >> IORING_CQE_BUFFER_SHIFT, (uint32_t) res);
                if (!(cqe->flags & IORING_CQE_F_MORE)) arm_recv(fd);
            } else if (res == -ENOBUFS) {
                add(&starved, fd); /* every buffer is out on a send: re-armed when the sends of this batch have completed */
            } else {
                add(&ended, fd); /* 0: the peer closed; < 0: reset or error. Its sends in flight end in an error. */
            }
            return;
        }
        case OP_SEND: {
            uint32_t bid = TAG_BID(u), len = TAG_LEN(u);
            if (res > 0 && (uint32_t) res < len) { /* a short send (a full socket buffer): send the rest, same buffer */
                char *b = buffers + (size_t) bid * BUFFER_BYTES;
                memmove(b, b + res, len - (uint32_t) res);
                send_buffer(TAG_FD(u), bid, len - (uint32_t) res);
                return;
            }
            return_buffer(bid);
            return;
        }
    }
}

int main(int argc, char **argv) {
    int port = 0, opt;
    while ((opt = getopt(argc, argv, "p:")) != -1) {
        if (opt == 'p') port = atoi(optarg);
        else {
            fprintf(stderr, "usage: echo-uring [-p PORT]\n");
            return 2;
        }
    }
    signal(SIGPIPE, SIG_IGN); /* a peer gone mid-write is an error to count, not the end of the process */
    struct io_uring_params params = {.flags = IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_DEFER_TASKRUN
                                              | IORING_SETUP_CQSIZE, .cq_entries = CQ_ENTRIES};
    int rc = io_uring_queue_init_params(SQ_ENTRIES, &ring, &params);
    if (rc == -EINVAL) {
        fprintf(stderr, "echo-uring: no SINGLE_ISSUER/DEFER_TASKRUN on this kernel (Linux 6.1+): a plain ring\n");
        struct io_uring_params plain = {.flags = IORING_SETUP_CQSIZE, .cq_entries = CQ_ENTRIES};
        rc = io_uring_queue_init_params(SQ_ENTRIES, &ring, &plain);
    }
    if (rc < 0) {
        fprintf(stderr, "echo-uring: io_uring_setup: %s\n", strerror(-rc));
        return 1;
    }
    setup_buffers();

    int listener = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t) port),
                               .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof addr;
    if (bind(listener, (struct sockaddr *) &addr, sizeof addr) < 0 || listen(listener, 4096) < 0
        || getsockname(listener, (struct sockaddr *) &addr, &len) < 0) {
        perror("echo-uring: listen");
        return 1;
    }
    arm_accept(listener);
    printf("READY 127.0.0.1:%d\n", ntohs(addr.sin_port));
    fflush(stdout);

    for (;;) {
        rc = io_uring_submit_and_wait(&ring, 1);
        if (rc < 0 && rc != -EINTR && rc != -EBUSY) {
            fprintf(stderr, "echo-uring: io_uring_submit_and_wait: %s\n", strerror(-rc));
            return 1;
        }
        for (int i = 0; i < ended.count; i++) close(ended.fds[i]);
        ended.count = 0;
        struct io_uring_cqe *cqe;
        unsigned head, seen = 0;
        io_uring_for_each_cqe(&ring, head, cqe) {
            on_completion(listener, cqe);
            seen++;
        }
        io_uring_cq_advance(&ring, seen);
        int rearm = starved.count; /* buffers came back in this batch: give the starved connections another try */
        starved.count = 0;
        for (int i = 0; i < rearm; i++) arm_recv(starved.fds[i]);
    }
}
