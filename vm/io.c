/* io.c - console output, print(), input(), and file objects.
 *
 * Output of the program goes through vm_write: inside a transaction it is
 * appended to the transaction's buffer and written when (and only if) the
 * transaction commits, so parallel runs print exactly what the serial run
 * prints; outside transactions it goes to a process-wide buffer flushed at
 * newlines on a terminal, when it grows, before reading input, before
 * stderr output, and at exit.  An embedding host can take the output
 * through G->write_out instead of file descriptors.
 *
 * File objects hold OS handles and malloc'd buffers, released by their
 * finalizer if the program drops them unclosed.  Reading or writing a file
 * (and reading stdin) is irreversible, so it makes the running transaction
 * inevitable first.
 */
#include "vm.h"
#include <string.h>
#include <stdlib.h>


/* ---- process-wide output buffers ---- */
static struct {
    PlatMutex *lock;
    char buf[2][16384];
    size_t len[2];
    bool tty[2];
} out;

static void raw_write(int fd, const char *s, size_t n) {
    if (!n) return;
    if (G->write_out) G->write_out(G->host, fd, s, n);
    else plat_write(fd, s, n);
}

static void flush_locked(int which) {
    raw_write(which + 1, out.buf[which], out.len[which]);
    out.len[which] = 0;
}

void io_init(void) {
    out.lock = plat_mutex_new();
    out.tty[0] = plat_isatty(1);
    out.tty[1] = true;          /* stderr: written through at once */
}

static void write_direct(int fd, const char *s, size_t n) {
    int w = fd == 2 ? 1 : 0;
    plat_mutex_lock(out.lock);
    if (w == 1 && out.len[0]) flush_locked(0);       /* keep stdout before stderr */
    if (out.len[w] + n > sizeof out.buf[w]) flush_locked(w);
    if (n > sizeof out.buf[w]) raw_write(fd, s, n);
    else {
        memcpy(out.buf[w] + out.len[w], s, n);
        out.len[w] += n;
        if (out.tty[w] && memchr(s, '\n', n)) flush_locked(w);
    }
    plat_mutex_unlock(out.lock);
}

/* A transaction's output is buffered in vm->txout as records
 * [fd:1][len:4][bytes], so that stdout and stderr keep their interleaving,
 * and written at commit, in commit order. */
void io_emit_committed(VM *vm) {
    const char *p = vm->txout.data;
    size_t left = vm->txout.len;
    while (left >= 5) {
        int fd = p[0];
        uint32_t n;
        memcpy(&n, p + 1, 4);
        write_direct(fd, p + 5, n);
        p += 5 + n;
        left -= 5 + (size_t)n;
    }
    sb_clear(&vm->txout);
}

void io_discard_tx(VM *vm) { sb_clear(&vm->txout); }

void vm_write(VM *vm, int fd, const char *s, size_t n) {
    if (vm && vm->in_tx && !vm->tx.inevitable) {
        while (n) {
            uint32_t k = n > 0x40000000u ? 0x40000000u : (uint32_t)n;
            char hdr[5];
            hdr[0] = (char)fd;
            memcpy(hdr + 1, &k, 4);
            sb_append(&vm->txout, hdr, 5);
            sb_append(&vm->txout, s, k);
            s += k;
            n -= k;
        }
        return;
    }
    /* inevitable: anything buffered earlier in this transaction goes first */
    if (vm && vm->txout.len) io_emit_committed(vm);
    write_direct(fd, s, n);
}

void vm_flush_std(VM *vm) {
    (void)vm;
    plat_mutex_lock(out.lock);
    flush_locked(0);
    flush_locked(1);
    plat_mutex_unlock(out.lock);
}

/* ======================= file objects ======================= */
/* newline= modes: None translates \r\n and \r to \n on input; "" splits
 * lines on all three without translating; "\n", "\r", "\r\n" split on that
 * sequence only, and the last two replace \n by it on output. */
enum { NL_UNIVERSAL, NL_ANY, NL_LF, NL_CR, NL_CRLF };

static Value unsupported_op;    /* io.UnsupportedOperation */

static Value raise_unsupported(VM *vm, const char *what) {
    return vm_raise(vm, AS(Type, unsupported_op), "%s", what);
}

typedef struct FileObj {
    Obj hdr;
    int fd;
    bool readable, writable, binary, closed, is_std, eof, line_buffered;
    uint8_t newline;            /* NL_*: the newline= argument of open() */
    Value name, mode;
    char *rbuf;
    size_t rlen, rpos, rcap;
    char *wbuf;
    size_t wlen, wcap;
} FileObj;

Type type_file;

static void file_trace(GcTracer *g, Obj *o) {
    gc_mark_value(g, ((FileObj *)o)->name);
    gc_mark_value(g, ((FileObj *)o)->mode);
}

static void file_flush_raw(FileObj *f) {
    if (f->wlen) {
        if (f->is_std) write_direct(f->fd, f->wbuf, f->wlen);
        else plat_write(f->fd, f->wbuf, f->wlen);
        f->wlen = 0;
    }
}

static void file_finalize(Obj *o) {
    FileObj *f = (FileObj *)o;
    if (!f->closed && !f->is_std) {
        file_flush_raw(f);
        plat_close(f->fd);
    }
    f->closed = true;
    free(f->rbuf);
    free(f->wbuf);
    f->rbuf = f->wbuf = NULL;
}

static void flush_if_file(Obj *o) {
    FileObj *f = (FileObj *)o;
    if (o->type == &type_file && !f->closed && !f->is_std) file_flush_raw(f);
}

void vm_flush_files(void) { gc_each_finalizable(flush_if_file); }

static Value file_new_obj(VM *vm, int fd, Value name, Value mode, bool r, bool w, bool binary, bool is_std) {
    FileObj *f = gc_alloc(vm, &type_file, sizeof(FileObj));
    if (!f) return VNULL;
    f->fd = fd;
    f->name = name;
    f->mode = mode;
    f->readable = r;
    f->writable = w;
    f->binary = binary;
    f->is_std = is_std;
    gc_register_finalizer(&f->hdr);
    return v_from_ptr(f);
}

static bool check_open(VM *vm, FileObj *f) {
    if (f->closed) {
        vm_raise(vm, &exc_ValueError, "I/O operation on closed file.");
        return false;
    }
    return true;
}

/* Fill the read buffer; false at EOF or error (vm->exc set on error). */
static bool fill(VM *vm, FileObj *f) {
    if (f->eof) return false;
    if (f->rpos > 0 && f->rpos == f->rlen) f->rpos = f->rlen = 0;
    if (f->rcap - f->rlen < 4096) {
        size_t nc = f->rcap ? f->rcap * 2 : 8192;
        char *nb = realloc(f->rbuf, nc);
        if (!nb) { vm_raise_nomem(vm); return false; }
        f->rbuf = nb;
        f->rcap = nc;
    }
    if (f->fd == 0) vm_flush_std(vm);
    vm_park(vm);
    int64_t r = plat_read(f->fd, f->rbuf + f->rlen, f->rcap - f->rlen);
    vm_unpark(vm);
    if (r < 0) {
        vm_raise_oserror(vm, (int)r, VNULL);
        return false;
    }
    if (r == 0) {
        f->eof = true;
        return false;
    }
    f->rlen += (size_t)r;
    return true;
}

/* Read up to `limit` bytes (-1: no limit), stopping after a newline when
 * `line`.  Text mode translates \r\n and lone \r to \n (universal newlines). */
static Value read_chunk(VM *vm, FileObj *f, int64_t limit, bool line) {
    StrBuf sb = STRBUF_INIT;
    for (;;) {
        if (limit >= 0 && (int64_t)sb.len >= limit) break;
        if (f->rpos == f->rlen && !fill(vm, f)) {
            if (vm->exc) { sb_free(&sb); return VNULL; }
            break;
        }
        const char *p = f->rbuf + f->rpos;
        size_t avail = f->rlen - f->rpos;
        if (limit >= 0 && (int64_t)avail > limit - (int64_t)sb.len) avail = (size_t)(limit - (int64_t)sb.len);
        if (f->binary) {
            size_t take = avail;
            const char *nl = line ? memchr(p, '\n', avail) : NULL;
            if (nl) take = (size_t)(nl - p) + 1;
            sb_append(&sb, p, take);
            f->rpos += take;
            if (nl) break;
            continue;
        }
        char c = *p;
        f->rpos++;
        bool eol = false;
        if (c == '\r' && f->newline != NL_LF) {
            if (f->newline != NL_CR && f->rpos == f->rlen) fill(vm, f);
            if (vm->exc) { sb_free(&sb); return VNULL; }
            bool crlf = f->rpos < f->rlen && f->rbuf[f->rpos] == '\n';
            if (f->newline == NL_UNIVERSAL) {
                if (crlf) f->rpos++;
                c = '\n';
                eol = true;
            } else if (f->newline == NL_CR) {
                eol = true;
            } else if (crlf) {          /* NL_ANY or NL_CRLF: keep both chars */
                sb_putc(&sb, c);
                f->rpos++;
                c = '\n';
                eol = true;
            } else {
                eol = f->newline == NL_ANY;
            }
        } else if (c == '\n') {
            eol = f->newline == NL_UNIVERSAL || f->newline == NL_ANY || f->newline == NL_LF;
        }
        sb_putc(&sb, c);
        if (line && eol) break;
    }
    if (f->binary) {
        Value r = bytes_new(vm, sb.data ? sb.data : "", sb.len);
        sb_free(&sb);
        return r;
    }
    if (!utf8_valid(sb.data ? sb.data : "", sb.len)) {
        sb_free(&sb);
        return vm_raise(vm, &exc_UnicodeDecodeError, "'utf-8' codec can't decode bytes: invalid continuation byte");
    }
    return str_from_sb(vm, &sb);
}

#define SELFF AS(FileObj, args[0])
#define M(name) static Value name(VM *vm, Value *args, int nargs, Value kw)
#define UNUSED (void)nargs; (void)kw

static bool io_begin(VM *vm, FileObj *f) {
    if (!check_open(vm, f)) return false;
    if (!(f->is_std && f->fd != 0)) vm_become_inevitable(vm, "file I/O");
    return true;
}

M(f_read) {
    (void)kw;
    FileObj *f = SELFF;
    if (!io_begin(vm, f)) return VNULL;
    if (!f->readable) return raise_unsupported(vm, "not readable");
    int64_t n = -1;
    if (nargs > 1 && args[1] != V_NONE && !vm_index_i64(vm, args[1], &n, NULL)) return VNULL;
    return read_chunk(vm, f, n < 0 ? -1 : n, false);
}

M(f_readline) {
    (void)kw;
    FileObj *f = SELFF;
    if (!io_begin(vm, f)) return VNULL;
    if (!f->readable) return raise_unsupported(vm, "not readable");
    int64_t n = -1;
    if (nargs > 1 && args[1] != V_NONE && !vm_index_i64(vm, args[1], &n, NULL)) return VNULL;
    return read_chunk(vm, f, n, true);
}

M(f_readlines) {
    UNUSED;
    FileObj *f = SELFF;
    if (!io_begin(vm, f)) return VNULL;
    Value l = list_new(vm, 0);
    if (!l) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, l);
    for (;;) {
        Value line = read_chunk(vm, f, -1, true);
        if (!line) { ROOTS_RESET(vm); return VNULL; }
        if ((f->binary ? AS(Bytes, line)->len : str_len(line)) == 0) break;
        if (!list_append(vm, l, line)) { ROOTS_RESET(vm); return VNULL; }
    }
    ROOTS_RESET(vm);
    return l;
}

static bool file_write_bytes(VM *vm, FileObj *f, const char *p, size_t n) {
    if (f->is_std && f->fd != 0) {
        vm_write(vm, f->fd, p, n);
        return true;
    }
    if (f->wcap - f->wlen < n) {
        file_flush_raw(f);
        if (n > 65536) {
            int64_t r = plat_write(f->fd, p, n);
            if (r < 0) { vm_raise_oserror(vm, (int)r, VNULL); return false; }
            return true;
        }
        if (f->wcap < 65536) {
            char *nb = realloc(f->wbuf, 65536);
            if (!nb) { vm_raise_nomem(vm); return false; }
            f->wbuf = nb;
            f->wcap = 65536;
        }
    }
    memcpy(f->wbuf + f->wlen, p, n);
    f->wlen += n;
    return true;
}

M(f_write) {
    UNUSED;
    FileObj *f = SELFF;
    if (!io_begin(vm, f)) return VNULL;
    if (!f->writable) return raise_unsupported(vm, "not writable");
    Value v = args[1];
    if (f->binary) {
        const unsigned char *p;
        size_t n;
        if (!bytes_like(vm, v, &p, &n)) return vm_raise(vm, &exc_TypeError, "a bytes-like object is required, not '%s'", v_type(v)->name);
        if (!file_write_bytes(vm, f, (const char *)p, n)) return VNULL;
        return int_from_i64(vm, (int64_t)n);
    }
    if (!IS_STR(v)) return vm_raise(vm, &exc_TypeError, "write() argument must be str, not %s", v_type(v)->name);
    const char *p = str_cstr(v);
    size_t n = (size_t)str_len(v);
    if (f->newline == NL_CR || f->newline == NL_CRLF) {
        const char *eol = f->newline == NL_CR ? "\r" : "\r\n";
        const char *nl;
        while ((nl = memchr(p, '\n', n))) {
            if (!file_write_bytes(vm, f, p, (size_t)(nl - p)) || !file_write_bytes(vm, f, eol, strlen(eol))) return VNULL;
            n -= (size_t)(nl - p) + 1;
            p = nl + 1;
        }
    }
    if (!file_write_bytes(vm, f, p, n)) return VNULL;
    return int_from_i64(vm, AS(Str, v)->nchars);
}

M(f_writelines) {
    UNUSED;
    Value it = vm_iter(vm, args[1]);
    if (!it) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, it);
    Value x;
    while ((x = vm_next(vm, it))) {
        Value a[2] = {args[0], x};
        if (!f_write(vm, a, 2, VNULL)) { ROOTS_RESET(vm); return VNULL; }
    }
    ROOTS_RESET(vm);
    return vm->exc ? VNULL : V_NONE;
}

M(f_flush) {
    UNUSED;
    FileObj *f = SELFF;
    if (!check_open(vm, f)) return VNULL;
    if (f->is_std) {
        if (!vm->in_tx) vm_flush_std(vm);
        return V_NONE;
    }
    file_flush_raw(f);
    return V_NONE;
}

M(f_close) {
    UNUSED;
    FileObj *f = SELFF;
    if (f->closed) return V_NONE;
    if (f->is_std) {
        vm_flush_std(vm);
        f->closed = true;
        return V_NONE;
    }
    vm_become_inevitable(vm, "closing a file");
    file_flush_raw(f);
    plat_close(f->fd);
    f->closed = true;
    return V_NONE;
}

M(f_enter) { UNUSED; FileObj *f = SELFF; if (!check_open(vm, f)) return VNULL; return args[0]; }
M(f_exit) { (void)kw; return f_close(vm, args, 1, VNULL) ? V_NONE : VNULL; (void)nargs; }
M(f_fileno) { UNUSED; FileObj *f = SELFF; if (!check_open(vm, f)) return VNULL; return v_from_small(f->fd); }
M(f_isatty) { UNUSED; FileObj *f = SELFF; if (!check_open(vm, f)) return VNULL; return v_bool(plat_isatty(f->fd)); }
M(f_readable) { UNUSED; FileObj *f = SELFF; if (!check_open(vm, f)) return VNULL; return v_bool(f->readable); }
M(f_writable) { UNUSED; FileObj *f = SELFF; if (!check_open(vm, f)) return VNULL; return v_bool(f->writable); }
M(f_seekable) { UNUSED; FileObj *f = SELFF; if (!check_open(vm, f)) return VNULL; return v_bool(!f->is_std); }

M(f_seek) {
    (void)kw;
    FileObj *f = SELFF;
    if (!io_begin(vm, f)) return VNULL;
    int64_t off, whence = 0;
    if (!vm_index_i64(vm, args[1], &off, NULL)) return VNULL;
    if (nargs > 2 && !vm_index_i64(vm, args[2], &whence, NULL)) return VNULL;
    file_flush_raw(f);
    if (whence == 1) off -= (int64_t)(f->rlen - f->rpos);
    f->rpos = f->rlen = 0;
    f->eof = false;
    int64_t r = plat_seek(f->fd, off, (int)whence);
    if (r < 0) return vm_raise_oserror(vm, (int)r, VNULL);
    return int_from_i64(vm, r);
}

M(f_tell) {
    UNUSED;
    FileObj *f = SELFF;
    if (!io_begin(vm, f)) return VNULL;
    file_flush_raw(f);
    int64_t r = plat_seek(f->fd, 0, 1);
    if (r < 0) return vm_raise_oserror(vm, (int)r, VNULL);
    return int_from_i64(vm, r - (int64_t)(f->rlen - f->rpos));
}

M(f_truncate) {
    UNUSED;
    return raise_unsupported(vm, "truncate is not supported");
}

static Value file_iter(VM *vm, Value self) {
    if (!check_open(vm, AS(FileObj, self))) return VNULL;
    return self;
}

static Value file_iternext(VM *vm, Value self) {
    FileObj *f = AS(FileObj, self);
    if (!io_begin(vm, f)) return VNULL;
    Value line = read_chunk(vm, f, -1, true);
    if (!line) return VNULL;
    if ((f->binary ? AS(Bytes, line)->len : str_len(line)) == 0) return VNULL;
    return line;
}

static Value file_repr(VM *vm, Value self) {
    FileObj *f = AS(FileObj, self);
    Value nr = vm_repr(vm, f->name);
    if (!nr) return VNULL;
    if (f->binary) return vm_format(vm, "<_io.BufferedReader name=%U>", nr);
    Value mr = vm_repr(vm, f->mode);
    if (!mr) return VNULL;
    return vm_format(vm, "<_io.TextIOWrapper name=%U mode=%U encoding='utf-8'>", nr, mr);
}

static Value fg_name(VM *vm, Value o) { (void)vm; return AS(FileObj, o)->name; }
static Value fg_mode(VM *vm, Value o) { (void)vm; return AS(FileObj, o)->mode; }
static Value fg_closed(VM *vm, Value o) { (void)vm; return v_bool(AS(FileObj, o)->closed); }
static Value fg_encoding(VM *vm, Value o) {
    if (AS(FileObj, o)->binary) return vm_raise(vm, &exc_AttributeError, "'_io.BufferedReader' object has no attribute 'encoding'");
    return str_from_cstr(vm, "utf-8");
}

static const MethodDef file_methods[] = {
    {"read", f_read, 1, 2, 0, NULL}, {"readline", f_readline, 1, 2, 0, NULL}, {"readlines", f_readlines, 1, 2, 0, NULL},
    {"write", f_write, 2, 2, 0, NULL}, {"writelines", f_writelines, 2, 2, 0, NULL}, {"flush", f_flush, 1, 1, 0, NULL},
    {"close", f_close, 1, 1, 0, NULL}, {"__enter__", f_enter, 1, 1, 0, NULL}, {"__exit__", f_exit, 1, 4, 0, NULL},
    {"fileno", f_fileno, 1, 1, 0, NULL}, {"isatty", f_isatty, 1, 1, 0, NULL}, {"readable", f_readable, 1, 1, 0, NULL},
    {"writable", f_writable, 1, 1, 0, NULL}, {"seekable", f_seekable, 1, 1, 0, NULL}, {"seek", f_seek, 2, 3, 0, NULL},
    {"tell", f_tell, 1, 1, 0, NULL}, {"truncate", f_truncate, 1, 2, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};
static const GetSetDef file_getsets[] = {
    {"name", fg_name, NULL, NULL}, {"mode", fg_mode, NULL, NULL}, {"closed", fg_closed, NULL, NULL},
    {"encoding", fg_encoding, NULL, NULL}, {NULL, NULL, NULL, NULL}
};

#define STATIC_HDR {{0}, OBJ_STATIC, 0, &type_type}
Type type_file = { .base = STATIC_HDR, .name = "_io.TextIOWrapper", .basicsize = sizeof(FileObj), .trace = file_trace,
                   .finalize = file_finalize, .tp_iter = file_iter, .tp_iternext = file_iternext, .tp_repr = file_repr };

Value file_open(VM *vm, Value path, Value mode, Value encoding, Value newline) {
    (void)encoding;
    int nl = NL_UNIVERSAL;
    if (newline && newline != V_NONE) {
        if (!IS_STR(newline)) return vm_raise(vm, &exc_TypeError, "open() argument 'newline' must be str or None, not %s", v_type(newline)->name);
        const char *ns = str_cstr(newline);
        if (!*ns) nl = NL_ANY;
        else if (!strcmp(ns, "\n")) nl = NL_LF;
        else if (!strcmp(ns, "\r")) nl = NL_CR;
        else if (!strcmp(ns, "\r\n")) nl = NL_CRLF;
        else return vm_raise(vm, &exc_ValueError, "illegal newline value: %s", ns);
    }
    const char *m = mode ? str_cstr(mode) : "r";
    bool r = false, w = false, a = false, x = false, plus = false, b = false, t = false;
    for (const char *p = m; *p; p++) {
        switch (*p) {
        case 'r': r = true; break;
        case 'w': w = true; break;
        case 'a': a = true; break;
        case 'x': x = true; break;
        case '+': plus = true; break;
        case 'b': b = true; break;
        case 't': t = true; break;
        default: return vm_raise(vm, &exc_ValueError, "invalid mode: '%s'", m);
        }
    }
    if ((r + w + a + x) != 1 || (b && t)) return vm_raise(vm, &exc_ValueError, "invalid mode: '%s'", m);
    int flags;
    if (r) flags = plus ? PLAT_O_RDWR : PLAT_O_RDONLY;
    else if (w) flags = (plus ? PLAT_O_RDWR : PLAT_O_WRONLY) | PLAT_O_CREAT | PLAT_O_TRUNC;
    else if (a) flags = (plus ? PLAT_O_RDWR : PLAT_O_WRONLY) | PLAT_O_CREAT | PLAT_O_APPEND;
    else flags = (plus ? PLAT_O_RDWR : PLAT_O_WRONLY) | PLAT_O_CREAT | PLAT_O_EXCL;
    if (!IS_STR(path)) return vm_raise(vm, &exc_TypeError, "expected str, bytes or os.PathLike object, not %s", v_type(path)->name);
    vm_become_inevitable(vm, "open()");
    int fd = plat_open(str_cstr(path), flags);
    if (fd < 0) return vm_raise_oserror(vm, fd, path);
    Value mv = mode ? mode : str_from_cstr(vm, "r");
    if (!mv) { plat_close(fd); return VNULL; }
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, mv);
    Value fo = file_new_obj(vm, fd, path, mv, r || plus, !r || plus, b, false);
    if (fo) AS(FileObj, fo)->newline = (uint8_t)nl;
    ROOTS_RESET(vm);
    if (!fo) plat_close(fd);
    return fo;
}

M(b_open) {
    static const char *const names[] = {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener", NULL};
    Value o[8];
    if (!vm_parse_args(vm, "open", args, nargs, kw, names, 0, 1, o)) return VNULL;
    if (o[1] && !IS_STR(o[1])) return vm_raise(vm, &exc_TypeError, "open() argument 'mode' must be str, not %s", v_type(o[1])->name);
    if (o[3] && o[3] != V_NONE && IS_STR(o[3])) {
        const char *e = str_cstr(o[3]);
        if (strcmp(e, "utf-8") && strcmp(e, "utf8") && strcmp(e, "UTF-8") && strcmp(e, "ascii") && strcmp(e, "latin-1"))
            return vm_raise(vm, &exc_LookupError, "unknown encoding: %s", e);
    }
    if (o[1] && strchr(str_cstr(o[1]), 'b') && o[5] && o[5] != V_NONE)
        return vm_raise(vm, &exc_ValueError, "binary mode doesn't take a newline argument");
    return file_open(vm, o[0], o[1], o[3], o[5]);
}
static const MethodDef open_def = {"open", b_open, 0, -1, MF_KW, NULL};

/* ---- print and input ---- */
Value vm_print(VM *vm, Value *args, int nargs, Value sep, Value end, Value file, bool flush) {
    if (sep == V_NONE) sep = VNULL;
    if (end == V_NONE) end = VNULL;
    if (sep && !IS_STR(sep)) return vm_raise(vm, &exc_TypeError, "sep must be None or a string, not %s", v_type(sep)->name);
    if (end && !IS_STR(end)) return vm_raise(vm, &exc_TypeError, "end must be None or a string, not %s", v_type(end)->name);
    if (!file || file == V_NONE) {
        file = dict_get_str(vm, module_dict(G->sys_module), NM(stdout));
        if (!file) return vm_raise(vm, &exc_RuntimeError, "lost sys.stdout");
        if (file == V_NONE) return V_NONE;
    }
    bool direct = v_is_type(file, &type_file) && AS(FileObj, file)->is_std && !AS(FileObj, file)->closed;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, file);
    if (direct) {
        StrBuf sb = STRBUF_INIT;
        for (int i = 0; i < nargs; i++) {
            if (i) {
                if (sep) sb_append(&sb, str_cstr(sep), (size_t)str_len(sep));
                else sb_putc(&sb, ' ');
            }
            Value s = vm_str(vm, args[i]);
            if (!s) { sb_free(&sb); ROOTS_RESET(vm); return VNULL; }
            sb_append(&sb, str_cstr(s), (size_t)str_len(s));
        }
        if (end) sb_append(&sb, str_cstr(end), (size_t)str_len(end));
        else sb_putc(&sb, '\n');
        if (sb.oom) { sb_free(&sb); ROOTS_RESET(vm); return vm_raise_nomem(vm); }
        vm_write(vm, AS(FileObj, file)->fd, sb.data, sb.len);
        sb_free(&sb);
        if (flush && !vm->in_tx) vm_flush_std(vm);
        ROOTS_RESET(vm);
        return V_NONE;
    }
    /* Any other file: one write() per piece, as CPython does. */
    Value write = vm_getattr(vm, file, NM(write));
    if (!write) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, write);
    Value r = V_NONE;
    for (int i = 0; i < nargs && r; i++) {
        if (i) {
            Value sp = sep ? sep : str_from_cstr(vm, " ");
            r = sp ? vm_call1(vm, write, sp) : VNULL;
            if (!r) break;
        }
        Value s = vm_str(vm, args[i]);
        r = s ? vm_call1(vm, write, s) : VNULL;
    }
    if (r) {
        Value e = end ? end : str_from_cstr(vm, "\n");
        r = e ? vm_call1(vm, write, e) : VNULL;
    }
    if (r && flush) {
        bool err;
        Value fl = vm_getattr_opt(vm, file, NM(flush), &err);
        if (err) r = VNULL;
        else if (fl) r = vm_call0(vm, fl);
    }
    ROOTS_RESET(vm);
    return r ? V_NONE : VNULL;
}

Value vm_input(VM *vm, Value prompt) {
    Value sys = module_dict(G->sys_module);
    Value so = dict_get_str(vm, sys, NM(stdout)), si = dict_get_str(vm, sys, NM(stdin));
    if (prompt) {
        Value s = vm_str(vm, prompt);
        if (!s) return VNULL;
        if (so && v_is_type(so, &type_file)) vm_write(vm, AS(FileObj, so)->fd, str_cstr(s), (size_t)str_len(s));
        else if (so && so != V_NONE && !vm_call_method(vm, so, NM(write), &s, 1)) return VNULL;
    }
    vm_become_inevitable(vm, "input()");
    vm_flush_std(vm);
    if (!si || si == V_NONE) return vm_raise(vm, &exc_RuntimeError, "input(): lost sys.stdin");
    Value line;
    if (v_is_type(si, &type_file)) {
        if (!check_open(vm, AS(FileObj, si))) return VNULL;
        line = read_chunk(vm, AS(FileObj, si), -1, true);
    } else {
        line = vm_call_method(vm, si, NM(readline), NULL, 0);
    }
    if (!line) return VNULL;
    if (!IS_STR(line)) return vm_raise(vm, &exc_TypeError, "object.readline() returned non-string");
    int64_t n = str_len(line);
    if (n == 0) return vm_raise(vm, &exc_EOFError, "EOF when reading a line");
    if (str_cstr(line)[n - 1] == '\n') return str_new(vm, str_cstr(line), (size_t)(n - 1));
    return line;
}

/* sys.stdin/stdout/stderr and the open() builtin */
void io_init_std(VM *vm) {
    struct { int fd; const char *name; const char *mode; Value *slot; } std[3] = {
        {0, "<stdin>", "r", &G->stdin_obj}, {1, "<stdout>", "w", &G->stdout_obj}, {2, "<stderr>", "w", &G->stderr_obj}};
    for (int i = 0; i < 3; i++) {
        Value nm = str_from_cstr(vm, std[i].name);
        Value md = str_from_cstr(vm, std[i].mode);
        *std[i].slot = file_new_obj(vm, std[i].fd, nm, md, std[i].fd == 0, std[i].fd != 0, false, true);
    }
    dict_set_cstr(vm, G->builtins, "open", builtin_function_new(vm, &open_def, VNULL, VNULL));
    /* io.UnsupportedOperation(OSError, ValueError) */
    gc_add_root(&unsupported_op);
    Value ns = dict_new(vm);
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, ns);
    dict_set_cstr(vm, ns, "__module__", str_from_cstr(vm, "io"));
    Value bases = tuple_pack(vm, 2, v_from_ptr(&exc_OSError), v_from_ptr(&exc_ValueError));
    ROOT_PUSH(vm, bases);
    unsupported_op = type_new_class(vm, &type_type, str_from_cstr(vm, "UnsupportedOperation"), bases, ns);
    ROOTS_RESET(vm);
}

Value io_unsupported_operation(void) { return unsupported_op; }

void io_init_types(void) {
    type_ready(&type_file);
    type_add_methods(&type_file, file_methods);
    type_add_getsets(&type_file, file_getsets);
}
