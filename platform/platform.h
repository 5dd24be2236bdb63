/* platform.h - the only door from vm/ and stm/ to the operating system.
 *
 * Each port implements this header: platform/native (POSIX + pthreads, also
 * used by the Emscripten build, whose pthreads are Web Workers) and
 * platform/wasm (WASI specifics; single-threaded builds).  vm/ and stm/
 * include no OS header at all; everything they need from the host (threads,
 * locks, clocks, files, console output, memory pages) goes through here.
 *
 * Conventions: functions return 0 on success and a negative error code
 * (PLAT_E*) on failure unless said otherwise; all functions are thread-safe.
 */
#ifndef TXPY_PLATFORM_H
#define TXPY_PLATFORM_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/* ---- capabilities ---- */
/* True when real threads exist (false in the WASI build). */
bool plat_has_threads(void);
/* Logical CPUs available to this process (>= 1). */
int plat_num_cpus(void);

/* ---- memory ---- */
/* Zero-filled memory aligned to `align` (a power of two >= 16), or NULL. */
void *plat_alloc_aligned(size_t size, size_t align);
void plat_free_aligned(void *p, size_t size);
/* Upper bound on total heap memory the process should use (bytes); the GC
 * raises MemoryError beyond it.  0 = no limit known. */
size_t plat_memory_limit(void);

/* ---- threads ---- */
typedef struct PlatThread PlatThread;
typedef struct PlatMutex PlatMutex;
typedef struct PlatCond PlatCond;

/* Start fn(arg) on a new thread with at least `stack_size` bytes of C stack
 * (0 = default).  The thread is detached; completion is signalled by the
 * caller's own means.  Returns 0 or an error. */
int plat_thread_start(void (*fn)(void *), void *arg, size_t stack_size);
/* The lowest address of the calling thread's C stack (stacks grow down),
 * or 0 if unknown.  The VM keeps a margin above it (RecursionError). */
uintptr_t plat_stack_low(void);
/* A small integer unique among live threads (for thread idents). */
uint64_t plat_thread_self(void);
void plat_thread_yield(void);

PlatMutex *plat_mutex_new(void);
void plat_mutex_free(PlatMutex *m);
void plat_mutex_lock(PlatMutex *m);
bool plat_mutex_trylock(PlatMutex *m);
void plat_mutex_unlock(PlatMutex *m);

PlatCond *plat_cond_new(void);
void plat_cond_free(PlatCond *c);
void plat_cond_wait(PlatCond *c, PlatMutex *m);
/* Wait at most timeout_ns; returns false on timeout. */
bool plat_cond_timedwait(PlatCond *c, PlatMutex *m, int64_t timeout_ns);
void plat_cond_signal(PlatCond *c);
void plat_cond_broadcast(PlatCond *c);

/* ---- time ---- */
int64_t plat_time_ns(void);         /* wall clock, ns since the Unix epoch */
int64_t plat_monotonic_ns(void);    /* monotonic, arbitrary origin */
int64_t plat_process_time_ns(void); /* CPU time of the process */
int64_t plat_thread_time_ns(void);  /* CPU time of the calling thread */
void plat_sleep_ns(int64_t ns);
/* Local time broken down (for time.localtime/strftime); returns false if
 * unavailable.  Fields as struct tm (year since 1900, etc.). */
typedef struct PlatTm {
    int sec, min, hour, mday, mon, year, wday, yday, isdst;
    long gmtoff;
    char zone[16];
} PlatTm;
bool plat_localtime(int64_t t, PlatTm *out);
bool plat_gmtime(int64_t t, PlatTm *out);
int64_t plat_mktime(const PlatTm *tm);   /* local time -> seconds; -1 on error */

/* ---- console and files ----
 * File handles are small non-negative integers (POSIX descriptors natively).
 * 0, 1, 2 are stdin, stdout, stderr. */
enum {
    PLAT_ENOENT = -2, PLAT_EACCES = -13, PLAT_EEXIST = -17, PLAT_EISDIR = -21,
    PLAT_ENOTDIR = -20, PLAT_EINVAL = -22, PLAT_ENOSPC = -28, PLAT_EBADF = -9,
    PLAT_EIO = -5, PLAT_ENOSYS = -38, PLAT_ENOMEM = -12, PLAT_EINTR = -4,
    PLAT_EPIPE = -32
};
enum {
    PLAT_O_RDONLY = 1, PLAT_O_WRONLY = 2, PLAT_O_RDWR = 3,
    PLAT_O_CREAT = 4, PLAT_O_TRUNC = 8, PLAT_O_APPEND = 16, PLAT_O_EXCL = 32
};
int plat_open(const char *path, int flags);           /* handle or error */
int64_t plat_read(int fd, void *buf, size_t n);       /* bytes read, 0 at EOF, or error */
int64_t plat_write(int fd, const void *buf, size_t n);/* bytes written or error */
int64_t plat_seek(int fd, int64_t off, int whence);   /* whence 0/1/2 as SEEK_*; new offset */
int plat_close(int fd);
bool plat_isatty(int fd);
/* Whole file into a malloc'd NUL-terminated buffer; *len gets the size. */
int plat_read_file(const char *path, char **data, size_t *len);
/* 1 file, 2 directory, 0 missing (or error). */
int plat_stat_kind(const char *path);
int64_t plat_file_size(int fd);
int plat_remove(const char *path);
int plat_rename(const char *from, const char *to);
int plat_mkdir(const char *path);
int plat_rmdir(const char *path);
/* Current directory into buf (NUL-terminated); false if it does not fit. */
bool plat_getcwd(char *buf, size_t n);
/* Directory listing: calls fn(name, ctx) per entry except "." and "..". */
int plat_listdir(const char *path, void (*fn)(const char *name, void *ctx), void *ctx);
const char *plat_strerror(int err);                   /* message for PLAT_E* */

/* ---- environment ---- */
const char *plat_getenv(const char *name);
/* Fill buf with n bytes of OS randomness (falls back to time-based bits). */
void plat_random_bytes(void *buf, size_t n);
/* Name of the platform for sys.platform ("linux", "emscripten", "wasi"). */
const char *plat_name(void);
/* Process exit without running anything else (after the VM flushed). */
_Noreturn void plat_exit(int code);

/* ---- cancellation (embedding) ----
 * A host may ask a running program to stop (the playground's Stop button):
 * the interpreter polls this at its safe points and raises KeyboardInterrupt. */
bool plat_stop_requested(void);
void plat_clear_stop(void);

#endif
