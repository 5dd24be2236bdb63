/* plat_posix_io.c - the files, errors, environment and randomness of
 * platform.h over POSIX calls, shared by every build: native and
 * Emscripten (with plat_posix.c) and WASI (with platform/wasm/plat_wasi.c,
 * wasi-libc providing these calls over WASI preview 1).
 *
 * Invariants: every failure is a negative PLAT_E* code, never a raw errno;
 * plat_write writes everything or fails (retrying EINTR, and EAGAIN on the
 * wasm builds, whose Node hosts make stdio non-blocking).
 */
#define _GNU_SOURCE
#include "platform.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef O_CLOEXEC
#define CLOEXEC O_CLOEXEC
#else
#define CLOEXEC 0                   /* WASI: no exec */
#endif

static int neg_errno(void) {
    int e = errno;
    switch (e) {
    case ENOENT: return PLAT_ENOENT;
    case EACCES: case EPERM: return PLAT_EACCES;
#ifdef ENOTCAPABLE
    case ENOTCAPABLE: return PLAT_EACCES;       /* WASI: outside the preopened dirs */
#endif
    case EEXIST: return PLAT_EEXIST;
    case EISDIR: return PLAT_EISDIR;
    case ENOTDIR: return PLAT_ENOTDIR;
    case EINVAL: return PLAT_EINVAL;
    case ENOSPC: return PLAT_ENOSPC;
    case EBADF: return PLAT_EBADF;
    case ENOSYS: return PLAT_ENOSYS;
#if defined(ENOTSUP) && ENOTSUP != ENOSYS
    case ENOTSUP: return PLAT_ENOSYS;
#endif
    case ENOMEM: return PLAT_ENOMEM;
    case EINTR: return PLAT_EINTR;
    case EPIPE: return PLAT_EPIPE;
    default: return PLAT_EIO;
    }
}

/* ---- files ---- */
int plat_open(const char *path, int flags) {
    int f = 0;
    switch (flags & 3) {
    case PLAT_O_RDONLY: f = O_RDONLY; break;
    case PLAT_O_WRONLY: f = O_WRONLY; break;
    default: f = O_RDWR; break;
    }
    if (flags & PLAT_O_CREAT) f |= O_CREAT;
    if (flags & PLAT_O_TRUNC) f |= O_TRUNC;
    if (flags & PLAT_O_APPEND) f |= O_APPEND;
    if (flags & PLAT_O_EXCL) f |= O_EXCL;
    int fd = open(path, f | CLOEXEC, 0666);
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
#if defined(__EMSCRIPTEN__) || defined(__wasi__)
            /* Node makes its stdio pipes non-blocking: wait for the reader. */
            if (errno == EAGAIN) { plat_sleep_ns(1000000); continue; }
#endif
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
