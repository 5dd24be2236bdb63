/* plat_wasi.c - platform.h for WASI (wasm32-unknown-wasi, wasi-libc):
 * files, clocks, environment and randomness through WASI preview 1; no
 * threads.
 *
 * Invariants:
 * - One thread only: plat_has_threads() is false, plat_thread_start fails
 *   with PLAT_ENOSYS (the `transaction` module then runs serially and
 *   `threading` raises "can't start new thread").  Mutexes only record
 *   their state; condition waits return at once (a spurious wake-up, which
 *   every caller tolerates) since no other thread could signal them.
 * - Relative paths are the host's: a runtime that preopens "/" and passes
 *   PWD (build-wasi/txpy does) gets its working directory set from PWD
 *   before main; otherwise wasi-libc resolves them against its preopens.
 * - The C stack lies between the end of static data (__data_end) and
 *   __heap_base, as wasm-ld lays it out without --stack-first.
 * - longjmp never runs (see wasi-include/setjmp.h); if it did, the program
 *   stops with status 70 and a message rather than continue wrongly.
 */
#define _GNU_SOURCE
#include "platform.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef TXPY_WASI_MAX_MEMORY
#define TXPY_WASI_MAX_MEMORY ((size_t)2 << 30)
#endif

extern char __data_end;

static int neg_errno(void) {
    switch (errno) {
    case ENOENT: return PLAT_ENOENT;
    case EACCES: case EPERM: case ENOTCAPABLE: return PLAT_EACCES;
    case EEXIST: return PLAT_EEXIST;
    case EISDIR: return PLAT_EISDIR;
    case ENOTDIR: return PLAT_ENOTDIR;
    case EINVAL: return PLAT_EINVAL;
    case ENOSPC: return PLAT_ENOSPC;
    case EBADF: return PLAT_EBADF;
    case ENOSYS: case ENOTSUP: return PLAT_ENOSYS;
    case ENOMEM: return PLAT_ENOMEM;
    case EINTR: return PLAT_EINTR;
    case EPIPE: return PLAT_EPIPE;
    default: return PLAT_EIO;
    }
}

/* ---- start-up: the host's working directory ---- */
__attribute__((constructor)) static void enter_host_cwd(void) {
    const char *pwd = getenv("PWD");
    if (pwd && pwd[0] == '/') (void)chdir(pwd);
}

/* ---- capabilities and memory ---- */
bool plat_has_threads(void) { return false; }
int plat_num_cpus(void) { return 1; }

void *plat_alloc_aligned(size_t size, size_t align) {
    void *p = NULL;
    if (posix_memalign(&p, align, size) != 0) return NULL;
    memset(p, 0, size);
    return p;
}

void plat_free_aligned(void *p, size_t size) {
    (void)size;
    free(p);
}

/* The linear memory may grow to TXPY_WASI_MAX_MEMORY (wasm.cmake links it
 * so); keep an eighth for the C stack and malloc'd buffers.  The
 * environment variable TXPY_MEMORY_MB may set a smaller limit. */
size_t plat_memory_limit(void) {
    size_t limit = TXPY_WASI_MAX_MEMORY - TXPY_WASI_MAX_MEMORY / 8;
    const char *env = getenv("TXPY_MEMORY_MB");
    double mb = env ? strtod(env, NULL) : 0;
    size_t cap = mb > 0 && mb < 2048 ? (size_t)(mb * 1048576.0) : 0;
    return cap && cap < limit ? cap : limit;
}

/* ---- threads (there is one) ---- */
struct PlatMutex { int locked; };
struct PlatCond { int unused; };

int plat_thread_start(void (*fn)(void *), void *arg, size_t stack_size) {
    (void)fn; (void)arg; (void)stack_size;
    return PLAT_ENOSYS;
}

uintptr_t plat_stack_low(void) { return (uintptr_t)&__data_end; }

uint64_t plat_thread_self(void) { return 1; }
void plat_thread_yield(void) {}

PlatMutex *plat_mutex_new(void) { return calloc(1, sizeof(PlatMutex)); }
void plat_mutex_free(PlatMutex *m) { free(m); }
void plat_mutex_lock(PlatMutex *m) { m->locked = 1; }
bool plat_mutex_trylock(PlatMutex *m) {
    if (m->locked) return false;
    m->locked = 1;
    return true;
}
void plat_mutex_unlock(PlatMutex *m) { m->locked = 0; }

PlatCond *plat_cond_new(void) { return calloc(1, sizeof(PlatCond)); }
void plat_cond_free(PlatCond *c) { free(c); }
void plat_cond_wait(PlatCond *c, PlatMutex *m) { (void)c; (void)m; }
bool plat_cond_timedwait(PlatCond *c, PlatMutex *m, int64_t timeout_ns) {
    (void)c; (void)m;
    plat_sleep_ns(timeout_ns);
    return false;
}
void plat_cond_signal(PlatCond *c) { (void)c; }
void plat_cond_broadcast(PlatCond *c) { (void)c; }

/* ---- time ---- */
static int64_t clock_ns(clockid_t id, clockid_t fallback) {
    struct timespec ts;
    if (clock_gettime(id, &ts) != 0 && clock_gettime(fallback, &ts) != 0) return 0;
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}
int64_t plat_time_ns(void) { return clock_ns(CLOCK_REALTIME, CLOCK_REALTIME); }
int64_t plat_monotonic_ns(void) { return clock_ns(CLOCK_MONOTONIC, CLOCK_REALTIME); }
int64_t plat_process_time_ns(void) { return clock_ns(CLOCK_PROCESS_CPUTIME_ID, CLOCK_MONOTONIC); }
int64_t plat_thread_time_ns(void) { return clock_ns(CLOCK_THREAD_CPUTIME_ID, CLOCK_MONOTONIC); }

void plat_sleep_ns(int64_t ns) {
    if (ns <= 0) return;
    struct timespec ts = { (time_t)(ns / 1000000000), (long)(ns % 1000000000) };
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {}
}

/* wasi-libc knows no time zones: local time is UTC. */
static void tm_out(const struct tm *t, PlatTm *o) {
    o->sec = t->tm_sec; o->min = t->tm_min; o->hour = t->tm_hour;
    o->mday = t->tm_mday; o->mon = t->tm_mon; o->year = t->tm_year;
    o->wday = t->tm_wday; o->yday = t->tm_yday; o->isdst = 0;
    o->gmtoff = 0;
    snprintf(o->zone, sizeof o->zone, "UTC");
}

bool plat_localtime(int64_t t, PlatTm *out) { return plat_gmtime(t, out); }

bool plat_gmtime(int64_t t, PlatTm *out) {
    time_t tt = (time_t)t;
    struct tm r;
    if (!gmtime_r(&tt, &r)) return false;
    tm_out(&r, out);
    return true;
}

int64_t plat_mktime(const PlatTm *o) {
    struct tm t;
    memset(&t, 0, sizeof t);
    t.tm_sec = o->sec; t.tm_min = o->min; t.tm_hour = o->hour;
    t.tm_mday = o->mday; t.tm_mon = o->mon; t.tm_year = o->year;
    t.tm_isdst = 0;
    return (int64_t)mktime(&t);
}

/* ---- files ---- */
int plat_open(const char *path, int flags) {
    int f;
    switch (flags & 3) {
    case PLAT_O_RDONLY: f = O_RDONLY; break;
    case PLAT_O_WRONLY: f = O_WRONLY; break;
    default: f = O_RDWR; break;
    }
    if (flags & PLAT_O_CREAT) f |= O_CREAT;
    if (flags & PLAT_O_TRUNC) f |= O_TRUNC;
    if (flags & PLAT_O_APPEND) f |= O_APPEND;
    if (flags & PLAT_O_EXCL) f |= O_EXCL;
    int fd = open(path, f, 0666);
    if (fd < 0) return neg_errno();
    struct stat st;
    if ((flags & 3) == PLAT_O_RDONLY && fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        return PLAT_EISDIR;
    }
    return fd;
}

int64_t plat_read(int fd, void *buf, size_t n) {
    for (;;) {
        ssize_t r = read(fd, buf, n);
        if (r >= 0) return r;
        if (errno != EINTR) return neg_errno();
    }
}

int64_t plat_write(int fd, const void *buf, size_t n) {
    size_t done = 0;
    while (done < n) {
        ssize_t r = write(fd, (const char *)buf + done, n - done);
        if (r < 0) {
            if (errno == EINTR) continue;
            /* Node makes its stdio pipes non-blocking: wait for the reader. */
            if (errno == EAGAIN) { plat_sleep_ns(1000000); continue; }
            return done ? (int64_t)done : neg_errno();
        }
        done += (size_t)r;
    }
    return (int64_t)done;
}

int64_t plat_seek(int fd, int64_t off, int whence) {
    off_t r = lseek(fd, (off_t)off, whence == 0 ? SEEK_SET : whence == 1 ? SEEK_CUR : SEEK_END);
    return r < 0 ? neg_errno() : (int64_t)r;
}

int plat_close(int fd) { return close(fd) == 0 ? 0 : neg_errno(); }

bool plat_isatty(int fd) { return isatty(fd) == 1; }

int plat_read_file(const char *path, char **data, size_t *len) {
    int fd = plat_open(path, PLAT_O_RDONLY);
    if (fd < 0) return fd;
    size_t cap = 4096, n = 0;
    struct stat st;
    if (fstat(fd, &st) == 0 && st.st_size > 0) cap = (size_t)st.st_size + 1;
    char *b = malloc(cap);
    if (!b) { close(fd); return PLAT_ENOMEM; }
    for (;;) {
        if (n + 1 >= cap) {
            char *nb = realloc(b, cap * 2);
            if (!nb) { free(b); close(fd); return PLAT_ENOMEM; }
            b = nb;
            cap *= 2;
        }
        int64_t r = plat_read(fd, b + n, cap - n - 1);
        if (r < 0) { free(b); close(fd); return (int)r; }
        if (r == 0) break;
        n += (size_t)r;
    }
    close(fd);
    b[n] = 0;
    *data = b;
    *len = n;
    return 0;
}

int plat_stat_kind(const char *path) {
    struct stat st;
    if (stat(path, &st) != 0) return 0;
    return S_ISDIR(st.st_mode) ? 2 : 1;
}

int64_t plat_file_size(int fd) {
    struct stat st;
    if (fstat(fd, &st) != 0) return neg_errno();
    return (int64_t)st.st_size;
}

int plat_remove(const char *path) { return unlink(path) == 0 ? 0 : neg_errno(); }
int plat_rename(const char *a, const char *b) { return rename(a, b) == 0 ? 0 : neg_errno(); }
int plat_mkdir(const char *path) { return mkdir(path, 0777) == 0 ? 0 : neg_errno(); }
int plat_rmdir(const char *path) { return rmdir(path) == 0 ? 0 : neg_errno(); }

bool plat_getcwd(char *buf, size_t n) { return getcwd(buf, n) != NULL; }

int plat_listdir(const char *path, void (*fn)(const char *, void *), void *ctx) {
    DIR *d = opendir(path);
    if (!d) return neg_errno();
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        fn(e->d_name, ctx);
    }
    closedir(d);
    return 0;
}

const char *plat_strerror(int err) {
    switch (err) {
    case PLAT_ENOENT: return "No such file or directory";
    case PLAT_EACCES: return "Permission denied";
    case PLAT_EEXIST: return "File exists";
    case PLAT_EISDIR: return "Is a directory";
    case PLAT_ENOTDIR: return "Not a directory";
    case PLAT_EINVAL: return "Invalid argument";
    case PLAT_ENOSPC: return "No space left on device";
    case PLAT_EBADF: return "Bad file descriptor";
    case PLAT_ENOSYS: return "Function not implemented";
    case PLAT_ENOMEM: return "Cannot allocate memory";
    case PLAT_EINTR: return "Interrupted system call";
    case PLAT_EPIPE: return "Broken pipe";
    default: return "Input/output error";
    }
}

/* ---- environment ---- */
const char *plat_getenv(const char *name) { return getenv(name); }

void plat_random_bytes(void *buf, size_t n) {
    unsigned char *p = buf;
    size_t got = 0;
    while (got < n) {
        size_t k = n - got > 256 ? 256 : n - got;     /* getentropy's limit */
        if (getentropy(p + got, k) != 0) break;
        got += k;
    }
    uint64_t x = (uint64_t)plat_time_ns() ^ ((uint64_t)plat_monotonic_ns() << 17) ^ (uint64_t)(uintptr_t)buf;
    for (; got < n; got++) {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
        p[got] = (unsigned char)x;
    }
}

const char *plat_name(void) { return "wasi"; }

_Noreturn void plat_exit(int code) {
    fflush(NULL);
    _Exit(code);
}

_Noreturn void longjmp(jmp_buf env, int val) {
    (void)env; (void)val;
    static const char msg[] = "txpy: internal error: a transaction aborted in the single-threaded WASI build\n";
    plat_write(2, msg, sizeof msg - 1);
    _Exit(70);
}

/* ---- cancellation ----
 * Nothing can set the flag while the program runs (one thread, and the
 * host's event loop waits for it); it exists for the shared command line. */
_Atomic int plat_stop_flag;

bool plat_stop_requested(void) { return atomic_load_explicit(&plat_stop_flag, memory_order_relaxed) != 0; }
void plat_clear_stop(void) { atomic_store(&plat_stop_flag, 0); }
