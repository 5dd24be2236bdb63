/* strformat.c - format(), str.format()/format_map(), f-string joining and
 * printf-style `str % args` / `bytes % args`.
 *
 * The number and spec work is done by numfmt.c; this file parses format
 * strings, finds the arguments and dispatches to __format__.  The parsers
 * follow CPython's (Objects/stringlib/unicode_format.h for str.format,
 * PyUnicode_Format and _PyBytes_FormatEx for %), including the order in
 * which arguments are fetched and errors detected, so side effects and
 * error messages match.
 *
 * Invariant: no pointer into a Python object is kept across a call that
 * can run Python code (__format__, __str__, __getitem__, ...): the format
 * string is immutable and rooted by the caller, every other view is
 * re-fetched.
 */
#include "vm.h"
#include "numfmt.h"
#include "unicode_db.h"
#include <string.h>
#include <stdlib.h>
#include <math.h>

Value vm_number_to_int(VM *vm, Value x);   /* int.c: int(x) for a number */

/* The concatenation of n str values (BUILD_STRING for f-strings). */
Value str_concat_array(VM *vm, const Value *items, int n) {
    size_t total = 0;
    int64_t nchars = 0;
    for (int i = 0; i < n; i++) {
        total += (size_t)str_len(items[i]);
        nchars += AS(Str, items[i])->nchars;
    }
    if (total == 0) return NM(empty);
    if (total > (SIZE_MAX >> 2)) return vm_raise_nomem(vm);
    char small[256];
    char *buf = total <= sizeof small ? small : malloc(total + 1);
    if (!buf) return vm_raise_nomem(vm);
    size_t w = 0;
    for (int i = 0; i < n; i++) {
        memcpy(buf + w, str_cstr(items[i]), (size_t)str_len(items[i]));
        w += (size_t)str_len(items[i]);
    }
    Value r = str_new_ascii_or_utf8(vm, buf, total, nchars);
    if (buf != small) free(buf);
    return r;
}

static Value spec_error(VM *vm, const char *err, Value spec, Value obj) {
    StrBuf msg = STRBUF_INIT;
    nf_error_message(&msg, err, str_cstr(spec), (size_t)str_len(spec), v_type(obj)->name);
    Value m = str_from_sb(vm, &msg);
    if (!m) return VNULL;
    Value e = exc_new_msg(vm, &exc_ValueError, m);
    return e ? vm_raise_value(vm, e) : VNULL;
}

/* Parse a spec; non-ASCII decimal digits (width, precision) are mapped to
 * ASCII first, as CPython reads them with Py_UNICODE_TODECIMAL. */
static bool parse_spec(VM *vm, Value spec, Value obj, NfSpec *out) {
    const char *err = NULL;
    const char *s = str_cstr(spec);
    size_t n = (size_t)str_len(spec);
    StrBuf mapped = STRBUF_INIT;
    if ((int64_t)n != AS(Str, spec)->nchars) {
        /* keep the fill character (a first code point followed by an alignment) as it is */
        int first;
        utf8_decode_at(s, &first);
        char next = (size_t)first < n ? s[first] : 0;
        size_t i = 0;
        if (next == '<' || next == '>' || next == '=' || next == '^') {
            sb_append(&mapped, s, (size_t)first);
            i = (size_t)first;
        }
        while (i < n) {
            int l;
            uint32_t c = utf8_decode_at(s + i, &l);
            int dv = c >= 0x80 ? ucd_decimal(c) : -1;
            if (dv >= 0) sb_putc(&mapped, (char)('0' + dv));
            else sb_append(&mapped, s + i, (size_t)l);
            i += (size_t)l;
        }
        s = mapped.data;
        n = mapped.len;
    }
    bool ok = nf_parse_spec(s, n, out, &err);
    sb_free(&mapped);
    if (!ok) spec_error(vm, err, spec, obj);
    return ok;
}

static Value format_int_value(VM *vm, Value v, Value spec) {
    NfSpec s;
    if (!parse_spec(vm, spec, v, &s)) return VNULL;
    char t = s.type;
    const char *err = NULL;
    StrBuf out = STRBUF_INIT;
    if (t == 'e' || t == 'E' || t == 'f' || t == 'F' || t == 'g' || t == 'G' || t == '%') {
        bool ok;
        double d = int_to_double(vm, v, &ok);
        if (!ok) return VNULL;
        if (!nf_format_float(&out, d, &s, &err)) { sb_free(&out); return spec_error(vm, err, spec, v); }
        return str_from_sb(vm, &out);
    }
    Value iv = v_int_value(v);
    bool neg = int_sign(iv) < 0;
    if (t == 'c') {
        int64_t cp;
        bool fits = int_to_i64(iv, &cp), inrange = fits && cp >= 0 && cp <= 0x10FFFF;
        StrBuf ch = STRBUF_INIT;
        if (inrange) sb_put_utf8(&ch, (uint32_t)cp);
        if (!nf_format_int(&out, false, ch.data ? ch.data : "", ch.len, &s, &err)) {
            sb_free(&ch);
            sb_free(&out);
            return spec_error(vm, err, spec, v);
        }
        sb_free(&ch);
        if (!inrange) {
            sb_free(&out);
            if (!fits) return vm_raise(vm, &exc_OverflowError, "Python int too large to convert to C long");
            return vm_raise(vm, &exc_OverflowError, "%%c arg not in range(0x110000)");
        }
        return str_from_sb(vm, &out);
    }
    int base = 10;
    if (t == 'b') base = 2;
    else if (t == 'o') base = 8;
    else if (t == 'x' || t == 'X') base = 16;
    Value mag = neg ? vm_neg(vm, iv) : iv;
    if (!mag) return VNULL;
    Value digits = int_to_str(vm, mag, base);
    if (!digits) return VNULL;
    if (!nf_format_int(&out, neg, str_cstr(digits), (size_t)str_len(digits), &s, &err)) {
        sb_free(&out);
        return spec_error(vm, err, spec, v);
    }
    return str_from_sb(vm, &out);
}

static Value format_float_value(VM *vm, Value v, Value spec) {
    NfSpec s;
    if (!parse_spec(vm, spec, v, &s)) return VNULL;
    const char *err = NULL;
    StrBuf out = STRBUF_INIT;
    if (!nf_format_float(&out, v_float_value(v), &s, &err)) {
        sb_free(&out);
        return spec_error(vm, err, spec, v);
    }
    return str_from_sb(vm, &out);
}

static Value format_complex_value(VM *vm, Value v, Value spec) {
    NfSpec s;
    if (!parse_spec(vm, spec, v, &s)) return VNULL;
    const char *err = NULL;
    StrBuf out = STRBUF_INIT;
    if (!nf_format_complex(&out, AS(Complex, v)->real, AS(Complex, v)->imag, &s, &err)) {
        sb_free(&out);
        return spec_error(vm, err, spec, v);
    }
    return str_from_sb(vm, &out);
}

static Value format_str_value(VM *vm, Value v, Value spec) {
    NfSpec s;
    if (!parse_spec(vm, spec, v, &s)) return VNULL;
    const char *err = NULL;
    StrBuf out = STRBUF_INIT;
    if (!nf_format_str(&out, str_cstr(v), (size_t)str_len(v), (size_t)AS(Str, v)->nchars, &s, &err)) {
        sb_free(&out);
        return spec_error(vm, err, spec, v);
    }
    return str_from_sb(vm, &out);
}

/* format(v, spec) */
Value vm_format_value(VM *vm, Value v, Value spec) {
    if (!IS_STR(spec)) return vm_raise(vm, &exc_TypeError, "format spec must be a str, not %s", v_type(spec)->name);
    bool empty = str_len(spec) == 0;
    if (v_is_int(v) || IS_BIGINT(v)) return empty ? int_to_str(vm, v, 10) : format_int_value(vm, v, spec);
    if (v_is_float(v)) return empty ? float_repr(vm, v_float(v)) : format_float_value(vm, v, spec);
    if (IS_EXACT_STR(v)) return empty ? v : format_str_value(vm, v, spec);
    Type *t = v_type(v);
    Value f = type_lookup(vm, t, NM(__format__));
    if (!f) return vm_raise(vm, &exc_TypeError, "Type %s doesn't define __format__", t->name);
    /* the built-in __format__ of int/float/str/complex subclasses and bool */
    if (v_is_type(f, &type_method_descr)) {
        Type *owner = AS(MethodDescr, f)->owner;
        if (owner == &type_int) return empty ? vm_str(vm, v) : format_int_value(vm, v, spec);
        if (owner == &type_float) return empty ? vm_str(vm, v) : format_float_value(vm, v, spec);
        if (owner == &type_complex) return empty ? vm_str(vm, v) : format_complex_value(vm, v, spec);
        if (owner == &type_str) {
            if (empty) return vm_str(vm, v);
            Value s = str_new_ascii_or_utf8(vm, str_cstr(v), (size_t)str_len(v), AS(Str, v)->nchars);
            if (!s) return VNULL;
            return format_str_value(vm, s, spec);
        }
    }
    Value r;
    ROOTS_MARK(vm);
    if (v_type(f)->tp_descr_get) {
        Value bound = v_type(f)->tp_descr_get(vm, f, v, v_from_ptr(t));
        if (!bound) return VNULL;
        ROOT_PUSH(vm, bound);
        r = vm_call1(vm, bound, spec);
    } else {
        r = vm_call2(vm, f, v, spec);
    }
    ROOTS_RESET(vm);
    if (r && !IS_STR(r)) return vm_raise(vm, &exc_TypeError, "__format__ must return a str, not %s", v_type(r)->name);
    return r;
}

Value complex_format_method(VM *vm, Value self, Value spec) {
    if (!IS_STR(spec)) return vm_raise(vm, &exc_TypeError, "__format__() argument must be str, not %s", v_type(spec)->name);
    if (str_len(spec) == 0) return vm_str(vm, self);
    return format_complex_value(vm, self, spec);
}

/* ======================= str.format ======================= */
typedef struct FmtState {
    Value *args;                /* positional arguments; NULL for format_map */
    int nargs;
    Value kwnames;              /* tuple of keyword names (values follow args) or VNULL */
    Value mapping;              /* format_map's mapping, else VNULL */
    int auto_state;             /* 0: not yet, 1: automatic, 2: manual numbering */
    int64_t auto_next;
} FmtState;

/* get_integer of unicode_format.h: the decimal value of s[0..n) (Unicode
 * decimal digits count), -1 if it has another character or is empty, -2
 * (ValueError raised) if it is too big. */
static int64_t field_integer(VM *vm, const char *s, size_t n) {
    if (n == 0) return -1;
    int64_t acc = 0;
    for (size_t i = 0; i < n;) {
        int l;
        uint32_t c = utf8_decode_at(s + i, &l);
        int d = ucd_decimal(c);
        if (d < 0) return -1;
        if (acc > (INT64_MAX - d) / 10) {
            vm_raise(vm, &exc_ValueError, "Too many decimal digits in format string");
            return -2;
        }
        acc = acc * 10 + d;
        i += (size_t)l;
    }
    return acc;
}

static Value kw_lookup(VM *vm, FmtState *st, const char *name, size_t len) {
    Value key = str_new(vm, name, len);
    if (!key) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, key);
    Value r = VNULL;
    if (st->mapping) {
        r = vm_getitem(vm, st->mapping, key);
    } else {
        int64_t nk = st->kwnames ? tuple_len(st->kwnames) : 0;
        for (int64_t i = 0; i < nk; i++)
            if (str_eq(tuple_items(st->kwnames)[i], key)) { r = st->args[st->nargs + i]; break; }
        if (!r) {
            Value e = exc_new(vm, &exc_KeyError, &key, 1);
            if (e) vm_raise_value(vm, e);
        }
    }
    ROOTS_RESET(vm);
    return r;
}

/* The object a field name designates (get_field_object). */
static Value get_field(VM *vm, FmtState *st, const char *p, size_t n) {
    size_t i = 0;
    while (i < n && p[i] != '.' && p[i] != '[') i++;
    int64_t idx = field_integer(vm, p, i);
    if (idx == -2) return VNULL;
    bool empty = i == 0;
    if (empty || idx >= 0) {
        if (st->auto_state == 0) st->auto_state = empty ? 1 : 2;
        if (st->auto_state == 2 && empty)
            return vm_raise(vm, &exc_ValueError, "cannot switch from manual field specification to automatic field numbering");
        if (st->auto_state == 1 && !empty)
            return vm_raise(vm, &exc_ValueError, "cannot switch from automatic field numbering to manual field specification");
        if (empty) idx = st->auto_next++;
    }
    Value obj;
    if (idx < 0) {
        obj = kw_lookup(vm, st, p, i);
        if (!obj) return VNULL;
    } else {
        if (st->mapping) return vm_raise(vm, &exc_ValueError, "Format string contains positional fields");
        if (idx >= st->nargs)
            return vm_raise(vm, &exc_IndexError, "Replacement index %lld out of range for positional args tuple", (long long)idx);
        obj = st->args[idx];
    }
    ROOTS_MARK(vm);
    while (i < n) {
        ROOT_PUSH(vm, obj);
        char c = p[i++];
        size_t j = i;
        if (c == '.') {
            while (i < n && p[i] != '.' && p[i] != '[') i++;
            if (i == j) { ROOTS_RESET(vm); return vm_raise(vm, &exc_ValueError, "Empty attribute in format string"); }
            Value an = str_new(vm, p + j, i - j);
            an = an ? str_intern(vm, an) : VNULL;
            obj = an ? vm_getattr(vm, obj, an) : VNULL;
        } else if (c == '[') {
            while (i < n && p[i] != ']') i++;
            if (i >= n) { ROOTS_RESET(vm); return vm_raise(vm, &exc_ValueError, "Missing ']' in format string"); }
            size_t end = i++;
            if (end == j) { ROOTS_RESET(vm); return vm_raise(vm, &exc_ValueError, "Empty attribute in format string"); }
            int64_t k = field_integer(vm, p + j, end - j);
            if (k == -2) { ROOTS_RESET(vm); return VNULL; }
            Value key = k >= 0 ? int_from_i64(vm, k) : str_new(vm, p + j, end - j);
            if (!key) { ROOTS_RESET(vm); return VNULL; }
            ROOT_PUSH(vm, key);
            obj = vm_getitem(vm, obj, key);
        } else {
            ROOTS_RESET(vm);
            return vm_raise(vm, &exc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
        }
        if (!obj) { ROOTS_RESET(vm); return VNULL; }
    }
    ROOTS_RESET(vm);
    return obj;
}

static bool render(VM *vm, FmtState *st, const char *p, size_t n, StrBuf *out, int depth);

/* Format one replacement field whose text is f[0..n) (without the braces),
 * already split by parse_field: name, conversion (0 if none), spec. */
static bool do_field(VM *vm, FmtState *st, const char *name, size_t name_len, uint32_t conv, const char *spec,
                     size_t spec_len, bool expand, StrBuf *out, int depth) {
    Value obj = get_field(vm, st, name, name_len);
    if (!obj) return false;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, obj);
    if (conv) {
        if (conv == 'r') obj = vm_repr(vm, obj);
        else if (conv == 's') obj = vm_str(vm, obj);
        else if (conv == 'a') obj = vm_ascii(vm, obj);
        else {
            ROOTS_RESET(vm);
            if (conv > 32 && conv < 127) vm_raise(vm, &exc_ValueError, "Unknown conversion specifier %c", (char)conv);
            else vm_raise(vm, &exc_ValueError, "Unknown conversion specifier \\x%x", (unsigned)conv);
            return false;
        }
        if (!obj) { ROOTS_RESET(vm); return false; }
        ROOT_PUSH(vm, obj);
    }
    Value specv;
    if (expand) {
        StrBuf sp = STRBUF_INIT;
        if (!render(vm, st, spec, spec_len, &sp, depth - 1)) { sb_free(&sp); ROOTS_RESET(vm); return false; }
        specv = str_from_sb(vm, &sp);
    } else {
        specv = spec_len ? str_new(vm, spec, spec_len) : NM(empty);
    }
    if (!specv) { ROOTS_RESET(vm); return false; }
    ROOT_PUSH(vm, specv);
    Value r = vm_format_value(vm, obj, specv);
    ROOTS_RESET(vm);
    if (!r) return false;
    sb_append(out, str_cstr(r), (size_t)str_len(r));
    return true;
}

/* build_string/MarkupIterator: literal text and replacement fields. */
static bool render(VM *vm, FmtState *st, const char *p, size_t n, StrBuf *out, int depth) {
    if (depth <= 0) {
        vm_raise(vm, &exc_ValueError, "Max string recursion exceeded");
        return false;
    }
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && p[j] != '{' && p[j] != '}') j++;
        sb_append(out, p + i, j - i);
        if (j >= n) break;
        char c = p[j];
        i = j + 1;
        bool at_end = i >= n;
        if (c == '}') {
            if (at_end || p[i] != '}') {
                vm_raise(vm, &exc_ValueError, "Single '}' encountered in format string");
                return false;
            }
            sb_putc(out, '}');
            i++;
            continue;
        }
        if (at_end) {
            vm_raise(vm, &exc_ValueError, "Single '{' encountered in format string");
            return false;
        }
        if (p[i] == '{') {
            sb_putc(out, '{');
            i++;
            continue;
        }
        /* parse_field: the name runs to '}', ':' or '!' ('[...]' skipped) */
        size_t name0 = i;
        char d = 0;
        while (i < n) {
            d = p[i++];
            if (d == '{') {
                vm_raise(vm, &exc_ValueError, "unexpected '{' in field name");
                return false;
            }
            if (d == '[') {
                while (i < n && p[i] != ']') i++;
                d = 0;
                continue;
            }
            if (d == '}' || d == ':' || d == '!') break;
            d = 0;
        }
        size_t name_len = (d ? i - 1 : i) - name0;
        uint32_t conv = 0;
        const char *spec = "";
        size_t spec_len = 0;
        bool expand = false;
        if (d == '!' || d == ':') {
            if (d == '!') {
                if (i >= n) {
                    vm_raise(vm, &exc_ValueError, "end of string while looking for conversion specifier");
                    return false;
                }
                int l;
                conv = utf8_decode_at(p + i, &l);
                i += (size_t)l;
                if (i < n) {
                    char e = p[i++];
                    if (e == '}') {
                        if (!do_field(vm, st, p + name0, name_len, conv, "", 0, false, out, depth)) return false;
                        continue;
                    }
                    if (e != ':') {
                        vm_raise(vm, &exc_ValueError, "expected ':' after conversion specifier");
                        return false;
                    }
                }
            }
            size_t spec0 = i;
            int count = 1;
            bool closed = false;
            while (i < n) {
                char e = p[i++];
                if (e == '{') { expand = true; count++; }
                else if (e == '}' && --count == 0) { closed = true; break; }
            }
            if (!closed) {
                vm_raise(vm, &exc_ValueError, "unmatched '{' in format spec");
                return false;
            }
            spec = p + spec0;
            spec_len = i - 1 - spec0;
        } else if (d != '}') {
            vm_raise(vm, &exc_ValueError, "expected '}' before end of string");
            return false;
        }
        if (!do_field(vm, st, p + name0, name_len, conv, spec, spec_len, expand, out, depth)) return false;
    }
    return true;
}

Value str_format_method(VM *vm, Value fmt, Value *args, int nargs, Value kwnames) {
    FmtState st = {args, nargs, kwnames, VNULL, 0, 0};
    StrBuf out = STRBUF_INIT;
    if (!render(vm, &st, str_cstr(fmt), (size_t)str_len(fmt), &out, 2)) {
        sb_free(&out);
        return VNULL;
    }
    return str_from_sb(vm, &out);
}

Value str_format_map(VM *vm, Value fmt, Value mapping) {
    FmtState st = {NULL, 0, VNULL, mapping, 0, 0};
    StrBuf out = STRBUF_INIT;
    if (!render(vm, &st, str_cstr(fmt), (size_t)str_len(fmt), &out, 2)) {
        sb_free(&out);
        return VNULL;
    }
    return str_from_sb(vm, &out);
}

/* ======================= printf-style ======================= */
enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

typedef struct Pct {
    VM *vm;
    bool bytes;                 /* bytes % args */
    const char *p;              /* the format text (UTF-8 for str; a private copy for bytes) */
    size_t n;
    Value args;                 /* the current argument source */
    int64_t arglen, argidx;     /* CPython's: arglen -1 for a single non-tuple argument */
    Value dict;                 /* the mapping, if args is one */
    StrBuf out;
} Pct;

typedef struct PctArg {
    int flags;
    int64_t width, prec;
    uint32_t ch;
    bool sign;                  /* a number: sign and zero padding apply */
} PctArg;

static Value pct_next_arg(Pct *c) {
    if (c->argidx < c->arglen) {
        int64_t i = c->argidx++;
        return c->arglen < 0 ? c->args : tuple_items(c->args)[i];
    }
    return vm_raise(c->vm, &exc_TypeError, "not enough arguments for format string");
}

/* CPython's unicode_format_arg_output: pad text s[0..n) (ncp code points)
 * per the flags, width and precision. */
static void pct_output(Pct *c, PctArg *a, const char *s, size_t n, int64_t ncp) {
    StrBuf *out = &c->out;
    char fill = (a->sign && (a->flags & F_ZERO)) ? '0' : ' ';
    int64_t len = ncp, width = a->width;
    if ((a->ch == 's' || a->ch == 'r' || a->ch == 'a' || a->ch == 'b') && a->prec >= 0 && len > a->prec) {
        len = a->prec;
        if (c->bytes) n = (size_t)len;
        else {
            size_t k = 0;
            for (int64_t m = 0; m < len; m++) {
                int l;
                utf8_decode_at(s + k, &l);
                k += (size_t)l;
            }
            n = k;
        }
    }
    size_t pi = 0;
    char signchar = 0;
    bool sign = a->sign;
    if (sign) {
        if (n && (s[0] == '-' || s[0] == '+')) { signchar = s[0]; len--; pi++; }
        else if (a->flags & F_SIGN) signchar = '+';
        else if (a->flags & F_BLANK) signchar = ' ';
        else sign = false;
    }
    if (width < len) width = len;
    if (sign) {
        if (fill != ' ') sb_putc(out, signchar);
        if (width > len) width--;
    }
    bool prefix = (a->flags & F_ALT) && (a->ch == 'x' || a->ch == 'X' || a->ch == 'o');
    if (prefix) {
        if (fill != ' ') { sb_append(out, s + pi, 2); pi += 2; }
        width -= 2;
        if (width < 0) width = 0;
        len -= 2;
    }
    if (width > len && !(a->flags & F_LJUST)) {
        sb_fill(out, fill, (size_t)(width - len));
        width = len;
    }
    if (fill == ' ') {
        if (sign) sb_putc(out, signchar);
        if (prefix) { sb_append(out, s + pi, 2); pi += 2; }
    }
    sb_append(out, s + pi, n - pi);
    if (width > len) sb_fill(out, ' ', (size_t)(width - len));
}

/* _PyUnicode_FormatLong: [sign][0x][zeros to prec][digits]. */
static bool pct_format_long(Pct *c, PctArg *a, Value iv) {
    VM *vm = c->vm;
    bool neg = int_sign(iv) < 0;
    Value mag = neg ? vm_neg(vm, iv) : iv;
    if (!mag) return false;
    int base = a->ch == 'o' ? 8 : (a->ch == 'x' || a->ch == 'X') ? 16 : 10;
    Value ds = int_to_str(vm, mag, base);
    if (!ds) return false;
    StrBuf body = STRBUF_INIT;
    if (neg) sb_putc(&body, '-');
    if ((a->flags & F_ALT) && base != 10) {
        sb_putc(&body, '0');
        sb_putc(&body, (char)a->ch);
    }
    int64_t nd = str_len(ds);
    if (a->prec > nd) sb_fill(&body, '0', (size_t)(a->prec - nd));
    const char *d = str_cstr(ds);
    for (int64_t k = 0; k < nd; k++)
        sb_putc(&body, a->ch == 'X' && d[k] >= 'a' && d[k] <= 'f' ? (char)(d[k] - 32) : d[k]);
    a->sign = true;
    pct_output(c, a, body.data, body.len, (int64_t)body.len);
    sb_free(&body);
    return true;
}

static bool is_number(Value v) {
    Type *t = v_type(v);
    return v_is_intlike(v) || v_is_floatlike(v) || t->nb_index || t->nb_int || t->nb_float ||
           v_isinstance_of(v, &type_complex);
}

static bool pct_integer(Pct *c, PctArg *a, Value v) {
    VM *vm = c->vm;
    char type = (char)a->ch;
    bool hexoct = type == 'o' || type == 'x' || type == 'X';
    Value iv;
    if (!is_number(v)) goto wrongtype;
    if (v_is_intlike(v)) iv = v_int_value(v);
    else {
        if (hexoct) iv = v_type(v)->nb_index ? vm_index(vm, v) : VNULL;
        else if (v_isinstance_of(v, &type_complex)) iv = VNULL;
        else iv = vm_number_to_int(vm, v);
        if (!iv) {
            if (vm->exc && !vm_exc_matches(vm, &exc_TypeError)) return false;
            vm_exc_clear(vm);
            goto wrongtype;
        }
    }
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, iv);
    bool ok = pct_format_long(c, a, iv);
    ROOTS_RESET(vm);
    return ok;
wrongtype:
    if (c->bytes && type == 'i') type = 'd';
    vm_raise(vm, &exc_TypeError, hexoct ? "%%%c format: an integer is required, not %s"
                                        : "%%%c format: a real number is required, not %s", type, v_type(v)->name);
    return false;
}

static bool pct_float(Pct *c, PctArg *a, Value v) {
    double x;
    if (v_is_float(v)) x = v_float(v);
    else {
        Type *t = v_type(v);
        if (!v_is_intlike(v) && !v_is_floatlike(v) && !t->nb_float && !t->nb_index) {
            vm_raise(c->vm, &exc_TypeError, c->bytes ? "float argument required, not %s" : "must be real number, not %s",
                     t->name);
            return false;
        }
        if (!v_to_double(c->vm, v, &x)) return false;
    }
    StrBuf body = STRBUF_INIT;
    nf_format_double(&body, x, (char)a->ch, a->prec < 0 ? 6 : (int)a->prec, (a->flags & F_ALT) != 0);
    a->sign = true;
    pct_output(c, a, body.data ? body.data : "", body.len, (int64_t)body.len);
    sb_free(&body);
    return true;
}

/* %s of bytes formatting: the bytes of v (bytes-like or __bytes__). */
static bool pct_bytes_obj(Pct *c, PctArg *a, Value v) {
    VM *vm = c->vm;
    const unsigned char *p;
    size_t n;
    if (!bytes_like(vm, v, &p, &n)) {
        Value bm = vm_lookup_special(vm, v, NM(__bytes__));
        if (!bm) {
            if (!vm->exc)
                vm_raise(vm, &exc_TypeError, "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'",
                         v_type(v)->name);
            return false;
        }
        ROOTS_MARK(vm);
        ROOT_PUSH(vm, bm);
        v = vm_call0(vm, bm);
        ROOTS_RESET(vm);
        if (!v) return false;
        if (!v_is_obj(v) || !v_isinstance_of(v, &type_bytes)) {
            vm_raise(vm, &exc_TypeError, "__bytes__ returned non-bytes (type %s)", v_type(v)->name);
            return false;
        }
        bytes_like(vm, v, &p, &n);
    }
    /* copy: pct_output appends into c->out, which never aliases a bytes object */
    pct_output(c, a, (const char *)p, n, (int64_t)n);
    return true;
}

static bool pct_char(Pct *c, PctArg *a, Value v) {
    VM *vm = c->vm;
    char buf[4];
    size_t len;
    if (c->bytes) {
        const unsigned char *p;
        size_t n;
        if (bytes_like(vm, v, &p, &n) && n == 1) {
            buf[0] = (char)p[0];
        } else if (v_is_intlike(v) || (!bytes_like(vm, v, &p, &n) && v_type(v)->nb_index)) {
            int64_t x;
            if (!vm_index_i64(vm, v, &x, NULL)) {
                if (!vm_exc_matches(vm, &exc_OverflowError)) return false;
                vm_exc_clear(vm);
                x = -1;
            }
            if (x < 0 || x > 255) {
                vm_raise(vm, &exc_OverflowError, "%%c arg not in range(256)");
                return false;
            }
            buf[0] = (char)x;
        } else {
            vm_raise(vm, &exc_TypeError, "%%c requires an integer in range(256) or a single byte");
            return false;
        }
        len = 1;
    } else {
        uint32_t cp;
        if (IS_STR(v)) {
            if (AS(Str, v)->nchars != 1) {
                vm_raise(vm, &exc_TypeError, "%%c requires int or char");
                return false;
            }
            cp = str_char_at(v, 0);
        } else {
            int64_t x;
            if (!v_is_intlike(v) && !v_type(v)->nb_index) {
                vm_raise(vm, &exc_TypeError, "%%c requires int or char");
                return false;
            }
            if (!vm_index_i64(vm, v, &x, NULL)) {
                if (!vm_exc_matches(vm, &exc_OverflowError)) return false;
                vm_exc_clear(vm);
                x = -1;
            }
            if (x < 0 || x > 0x10FFFF) {
                vm_raise(vm, &exc_OverflowError, "%%c arg not in range(0x110000)");
                return false;
            }
            cp = (uint32_t)x;
        }
        StrBuf sb = STRBUF_INIT;
        sb_put_utf8(&sb, cp);
        memcpy(buf, sb.data, sb.len);
        len = sb.len;
        sb_free(&sb);
    }
    pct_output(c, a, buf, len, 1);
    return true;
}

/* Code point index of byte offset off in the format (for error messages). */
static int64_t pct_index(Pct *c, size_t off) {
    return c->bytes ? (int64_t)off : utf8_count(c->p, off);
}

/* One conversion, starting just after its '%' at c->p[*pos]. */
static bool pct_one(Pct *c, size_t *pos) {
    VM *vm = c->vm;
    const char *p = c->p;
    size_t n = c->n, i = *pos;
    if (p[i] == '%') {
        sb_putc(&c->out, '%');
        *pos = i + 1;
        return true;
    }
    PctArg a = {0, -1, -1, 0, false};
    ROOTS_MARK(vm);
    if (p[i] == '(') {
        if (!c->dict) {
            vm_raise(vm, &exc_TypeError, "format requires a mapping");
            return false;
        }
        size_t k0 = ++i;
        int depth = 1;
        while (i < n) {
            if (p[i] == ')') depth--;
            else if (p[i] == '(') depth++;
            i++;
            if (!depth) break;
        }
        if (depth) {
            vm_raise(vm, &exc_ValueError, "incomplete format key");
            return false;
        }
        Value key = c->bytes ? bytes_new(vm, p + k0, i - 1 - k0) : str_new(vm, p + k0, i - 1 - k0);
        if (!key) return false;
        ROOT_PUSH(vm, key);
        Value v = vm_getitem(vm, c->dict, key);
        ROOTS_RESET(vm);
        if (!v) return false;
        c->args = v;
        ROOT_PUSH(vm, v);
        c->arglen = -1;
        c->argidx = -2;
    }
    uint32_t ch = 0;
    bool have = false;
    while (i < n) {
        ch = (unsigned char)p[i++];
        have = true;
        int f = ch == '-' ? F_LJUST : ch == '+' ? F_SIGN : ch == ' ' ? F_BLANK : ch == '#' ? F_ALT : ch == '0' ? F_ZERO : 0;
        if (!f) break;
        a.flags |= f;
        have = false;
    }
    bool ok = true;
    if (have && ch == '*') {
        Value w = pct_next_arg(c);
        if (!w) goto fail;
        if (!v_is_intlike(w)) { vm_raise(vm, &exc_TypeError, "* wants int"); goto fail; }
        if (!int_to_i64(v_int_value(w), &a.width)) { vm_raise(vm, &exc_OverflowError, "Python int too large to convert to C ssize_t"); goto fail; }
        if (a.width < 0) { a.flags |= F_LJUST; a.width = -a.width; }
        have = i < n;
        if (have) ch = (unsigned char)p[i++];
    } else if (have && ch >= '0' && ch <= '9') {
        a.width = ch - '0';
        have = false;
        while (i < n) {
            ch = (unsigned char)p[i++];
            have = true;
            if (ch < '0' || ch > '9') break;
            have = false;
            if (a.width > (INT64_MAX - (int)(ch - '0')) / 10) { vm_raise(vm, &exc_ValueError, "width too big"); goto fail; }
            a.width = a.width * 10 + (ch - '0');
        }
    }
    if (have && ch == '.') {
        a.prec = 0;
        have = i < n;
        if (have) ch = (unsigned char)p[i++];
        if (have && ch == '*') {
            Value w = pct_next_arg(c);
            if (!w) goto fail;
            if (!v_is_intlike(w)) { vm_raise(vm, &exc_TypeError, "* wants int"); goto fail; }
            if (!int_to_i64(v_int_value(w), &a.prec) || a.prec > INT32_MAX || a.prec < INT32_MIN) {
                vm_raise(vm, &exc_OverflowError, "Python int too large to convert to C int");
                goto fail;
            }
            if (a.prec < 0) a.prec = 0;
            have = i < n;
            if (have) ch = (unsigned char)p[i++];
        } else if (have && ch >= '0' && ch <= '9') {
            a.prec = ch - '0';
            have = false;
            while (i < n) {
                ch = (unsigned char)p[i++];
                have = true;
                if (ch < '0' || ch > '9') break;
                have = false;
                if (a.prec > (INT32_MAX - (int)(ch - '0')) / 10) { vm_raise(vm, &exc_ValueError, "precision too big"); goto fail; }
                a.prec = a.prec * 10 + (ch - '0');
            }
        }
    }
    if (have && (ch == 'h' || ch == 'l' || ch == 'L')) {
        have = i < n;
        if (have) ch = (unsigned char)p[i++];
    }
    if (!have) {
        vm_raise(vm, &exc_ValueError, "incomplete format");
        goto fail;
    }
    size_t conv_off = i - 1;
    if (ch >= 0x80 && !c->bytes) {
        /* a non-ASCII conversion character: read the whole code point */
        int l;
        ch = utf8_decode_at(p + conv_off, &l);
        i += (size_t)l - 1;
    }
    a.ch = ch;
    {
        Value v = pct_next_arg(c);
        if (!v) goto fail;
        switch (ch) {
        case 's': case 'r': case 'a': case 'b': {
            if (c->bytes && (ch == 's' || ch == 'b')) { ok = pct_bytes_obj(c, &a, v); break; }
            if (ch == 'b') goto unsupported;
            Value s = ch == 's' ? vm_str(vm, v) : ch == 'r' ? (c->bytes ? vm_ascii(vm, v) : vm_repr(vm, v)) : vm_ascii(vm, v);
            if (!s) goto fail;
            pct_output(c, &a, str_cstr(s), (size_t)str_len(s), AS(Str, s)->nchars);
            break;
        }
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
            ok = pct_integer(c, &a, v);
            break;
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
            ok = pct_float(c, &a, v);
            break;
        case 'c':
            ok = pct_char(c, &a, v);
            break;
        default:
        unsupported:
            vm_raise(vm, &exc_ValueError, "unsupported format character '%c' (0x%x) at index %lld",
                     ch >= 32 && ch <= 126 ? (char)ch : '?', (unsigned)ch, (long long)pct_index(c, conv_off));
            goto fail;
        }
    }
    if (!ok) goto fail;
    if (c->dict && c->argidx < c->arglen) {
        vm_raise(vm, &exc_TypeError, c->bytes ? "not all arguments converted during bytes formatting"
                                              : "not all arguments converted during mapping");
        goto fail;
    }
    ROOTS_RESET(vm);
    *pos = i;
    return true;
fail:
    ROOTS_RESET(vm);
    return false;
}

static bool pct_run(Pct *c) {
    size_t i = 0;
    while (i < c->n) {
        const char *pct = memchr(c->p + i, '%', c->n - i);
        if (!pct) {
            sb_append(&c->out, c->p + i, c->n - i);
            break;
        }
        sb_append(&c->out, c->p + i, (size_t)(pct - (c->p + i)));
        i = (size_t)(pct - c->p) + 1;
        if (i >= c->n) {
            vm_raise(c->vm, &exc_ValueError, "incomplete format");
            return false;
        }
        if (!pct_one(c, &i)) return false;
    }
    if (c->argidx < c->arglen && !c->dict) {
        vm_raise(c->vm, &exc_TypeError, c->bytes ? "not all arguments converted during bytes formatting"
                                                 : "not all arguments converted during string formatting");
        return false;
    }
    return true;
}

static void pct_init(Pct *c, VM *vm, Value args, bool bytes) {
    memset(c, 0, sizeof *c);
    c->vm = vm;
    c->bytes = bytes;
    c->args = args;
    bool tuple = IS_TUPLE(args);
    c->arglen = tuple ? tuple_len(args) : -1;
    c->argidx = tuple ? 0 : -2;
    Type *t = v_type(args);
    bool mapping = t->tp_getitem && !tuple && !IS_STR(args) && !(bytes && v_isinstance_of(args, &type_bytes));
    c->dict = mapping ? args : VNULL;
}

Value str_percent_format(VM *vm, Value fmt, Value args) {
    Pct c;
    pct_init(&c, vm, args, false);
    c.p = str_cstr(fmt);
    c.n = (size_t)str_len(fmt);
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, fmt);
    ROOT_PUSH(vm, args);
    bool ok = pct_run(&c);
    ROOTS_RESET(vm);
    if (!ok) {
        sb_free(&c.out);
        return VNULL;
    }
    return str_from_sb(vm, &c.out);
}

Value bytes_percent_format(VM *vm, Value fmt, Value args) {
    Pct c;
    pct_init(&c, vm, args, true);
    const unsigned char *bp;
    bytes_like(vm, fmt, &bp, &c.n);
    /* a bytearray format could be resized by Python code run for an argument */
    char *copy = malloc(c.n + 1);
    if (!copy) return vm_raise_nomem(vm);
    memcpy(copy, bp, c.n);
    c.p = copy;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, fmt);
    ROOT_PUSH(vm, args);
    bool ok = pct_run(&c);
    ROOTS_RESET(vm);
    free(copy);
    if (!ok || c.out.oom) {
        bool oom = ok;
        sb_free(&c.out);
        return oom ? vm_raise_nomem(vm) : VNULL;
    }
    Value r = bytes_new(vm, c.out.data ? c.out.data : "", c.out.len);
    sb_free(&c.out);
    return r;
}
