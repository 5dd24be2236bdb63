/* strformat.c - format(), str.format()/format_map() and printf-style
 * `str % args`.  The number and spec work is done by numfmt.c; this file
 * parses format strings, finds the arguments and dispatches to __format__.
 */
#include "vm.h"
#include "numfmt.h"
#include "unicode_db.h"
#include <string.h>
#include <stdlib.h>
#include <math.h>

Value str_concat_array(VM *vm, const Value *items, int n) {
    size_t total = 0;
    for (int i = 0; i < n; i++) total += (size_t)str_len(items[i]);
    StrBuf sb = STRBUF_INIT;
    if (!sb_reserve(&sb, total)) return vm_raise_nomem(vm);
    for (int i = 0; i < n; i++) sb_append(&sb, str_cstr(items[i]), (size_t)str_len(items[i]));
    return str_from_sb(vm, &sb);
}

static Value spec_error(VM *vm, const char *err, Value spec, Value obj) {
    StrBuf msg = STRBUF_INIT;
    nf_error_message(&msg, err, str_cstr(spec), (size_t)str_len(spec), v_type(obj)->name);
    Value m = str_from_sb(vm, &msg);
    if (!m) return VNULL;
    return vm_raise_value(vm, exc_new_msg(vm, &exc_ValueError, m));
}

/* Map non-ASCII decimal digits in width/precision to ASCII. */
static bool parse_spec(VM *vm, Value spec, Value obj, NfSpec *out) {
    const char *err = NULL;
    if (!nf_parse_spec(str_cstr(spec), (size_t)str_len(spec), out, &err)) {
        spec_error(vm, err, spec, obj);
        return false;
    }
    return true;
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
        bool inrange = int_to_i64(iv, &cp) && cp >= 0 && cp <= 0x10FFFF;
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
    if (v_is_int(v) || IS_BIGINT(v)) return empty ? vm_str(vm, v) : format_int_value(vm, v, spec);
    if (v_is_float(v)) return empty ? vm_str(vm, v) : format_float_value(vm, v, spec);
    if (IS_EXACT_STR(v)) return empty ? v : format_str_value(vm, v, spec);
    Type *t = v_type(v);
    Value f = type_lookup(vm, t, NM(__format__));
    if (!f) return vm_raise(vm, &exc_TypeError, "Type %s doesn't define __format__", t->name);
    /* built-in __format__ of int/float/str subclasses, bool */
    if (v_is_type(f, &type_method_descr)) {
        Type *owner = AS(MethodDescr, f)->owner;
        if (owner == &type_int) return empty ? vm_str(vm, v) : format_int_value(vm, v, spec);
        if (owner == &type_float) return empty ? vm_str(vm, v) : format_float_value(vm, v, spec);
        if (owner == &type_str) {
            Value s = str_new(vm, str_cstr(v), (size_t)str_len(v));
            if (!s) return VNULL;
            return empty ? s : format_str_value(vm, s, spec);
        }
    }
    Value r;
    if (v_type(f)->tp_descr_get) {
        Value bound = v_type(f)->tp_descr_get(vm, f, v, v_from_ptr(t));
        if (!bound) return VNULL;
        ROOTS_MARK(vm);
        ROOT_PUSH(vm, bound);
        r = vm_call1(vm, bound, spec);
        ROOTS_RESET(vm);
    } else {
        r = vm_call2(vm, f, v, spec);
    }
    if (r && !IS_STR(r)) return vm_raise(vm, &exc_TypeError, "__format__ must return a str, not %s", v_type(r)->name);
    return r;
}

/* ======================= str.format ======================= */
typedef struct FmtState {
    Value *args;
    int nargs;
    Value kwnames;              /* tuple or VNULL (values follow args) */
    Value mapping;              /* format_map */
    int auto_idx;               /* -1: manual numbering used */
    bool used_auto, used_manual;
} FmtState;

static Value lookup_kw(VM *vm, FmtState *st, const char *name, size_t len) {
    Value key = str_new(vm, name, len);
    if (!key) return VNULL;
    if (st->mapping) {
        ROOTS_MARK(vm);
        ROOT_PUSH(vm, key);
        Value r = vm_getitem(vm, st->mapping, key);
        ROOTS_RESET(vm);
        return r;
    }
    if (st->kwnames) {
        for (int64_t i = 0; i < tuple_len(st->kwnames); i++)
            if (str_eq(tuple_items(st->kwnames)[i], key)) return st->args[st->nargs + i];
    }
    return vm_raise_value(vm, exc_new(vm, &exc_KeyError, &key, 1));
}

static Value get_field(VM *vm, FmtState *st, const char *p, size_t n) {
    /* first part: up to '.' or '[' */
    size_t i = 0;
    while (i < n && p[i] != '.' && p[i] != '[') i++;
    Value obj;
    bool numeric = i > 0;
    for (size_t k = 0; k < i; k++) if (p[k] < '0' || p[k] > '9') numeric = false;
    if (i == 0) {
        if (st->used_manual) return vm_raise(vm, &exc_ValueError, "cannot switch from manual field specification to automatic field numbering");
        st->used_auto = true;
        int idx = st->auto_idx++;
        if (st->mapping) return vm_raise(vm, &exc_ValueError, "Format string contains positional fields");
        if (idx >= st->nargs) return vm_raise(vm, &exc_IndexError, "Replacement index %d out of range for positional args tuple", idx);
        obj = st->args[idx];
    } else if (numeric) {
        if (st->used_auto) return vm_raise(vm, &exc_ValueError, "cannot switch from automatic field numbering to manual field specification");
        st->used_manual = true;
        int64_t idx = 0;
        for (size_t k = 0; k < i; k++) idx = idx * 10 + (p[k] - '0');
        if (st->mapping) return vm_raise(vm, &exc_ValueError, "Format string contains positional fields");
        if (idx >= st->nargs) return vm_raise(vm, &exc_IndexError, "Replacement index %lld out of range for positional args tuple", (long long)idx);
        obj = st->args[idx];
    } else {
        obj = lookup_kw(vm, st, p, i);
        if (!obj) return VNULL;
    }
    ROOTS_MARK(vm);
    while (i < n) {
        ROOT_PUSH(vm, obj);
        if (p[i] == '.') {
            size_t j = ++i;
            while (i < n && p[i] != '.' && p[i] != '[') i++;
            if (i == j) { ROOTS_RESET(vm); return vm_raise(vm, &exc_ValueError, "Empty attribute in format string"); }
            Value an = str_new(vm, p + j, i - j);
            if (!an) { ROOTS_RESET(vm); return VNULL; }
            an = str_intern(vm, an);
            obj = an ? vm_getattr(vm, obj, an) : VNULL;
        } else {
            size_t j = ++i;
            while (i < n && p[i] != ']') i++;
            if (i >= n) { ROOTS_RESET(vm); return vm_raise(vm, &exc_ValueError, "Missing ']' in format string"); }
            if (i == j) { ROOTS_RESET(vm); return vm_raise(vm, &exc_ValueError, "Empty attribute in format string"); }
            bool num = true;
            for (size_t k = j; k < i; k++) if (p[k] < '0' || p[k] > '9') num = false;
            Value key;
            if (num) {
                int64_t x = 0;
                for (size_t k = j; k < i; k++) x = x * 10 + (p[k] - '0');
                key = int_from_i64(vm, x);
            } else key = str_new(vm, p + j, i - j);
            if (!key) { ROOTS_RESET(vm); return VNULL; }
            ROOT_PUSH(vm, key);
            obj = vm_getitem(vm, obj, key);
            i++;
            if (i < n && p[i] != '.' && p[i] != '[') {
                ROOTS_RESET(vm);
                return vm_raise(vm, &exc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
            }
        }
        if (!obj) { ROOTS_RESET(vm); return VNULL; }
    }
    ROOTS_RESET(vm);
    return obj;
}

static bool render(VM *vm, FmtState *st, const char *p, size_t n, StrBuf *out, int depth);

static bool do_field(VM *vm, FmtState *st, const char *f, size_t n, StrBuf *out, int depth) {
    /* field_name [!conv] [:spec] */
    size_t i = 0;
    int bracket = 0;
    while (i < n) {
        if (f[i] == '[') bracket++;
        else if (f[i] == ']') bracket--;
        else if (!bracket && (f[i] == '!' || f[i] == ':')) break;
        i++;
    }
    size_t name_len = i;
    char conv = 0;
    if (i < n && f[i] == '!') {
        if (i + 1 >= n) { vm_raise(vm, &exc_ValueError, "end of string while looking for conversion specifier"); return false; }
        conv = f[i + 1];
        i += 2;
        if (i < n && f[i] != ':') { vm_raise(vm, &exc_ValueError, "expected ':' after conversion specifier"); return false; }
    }
    const char *spec = "";
    size_t spec_len = 0;
    if (i < n && f[i] == ':') {
        spec = f + i + 1;
        spec_len = n - i - 1;
    }
    Value obj = get_field(vm, st, f, name_len);
    if (!obj) return false;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, obj);
    if (conv) {
        if (conv == 'r') obj = vm_repr(vm, obj);
        else if (conv == 's') obj = vm_str(vm, obj);
        else if (conv == 'a') obj = vm_ascii(vm, obj);
        else {
            ROOTS_RESET(vm);
            vm_raise(vm, &exc_ValueError, "Unknown conversion specifier %c", conv);
            return false;
        }
        if (!obj) { ROOTS_RESET(vm); return false; }
        ROOT_PUSH(vm, obj);
    }
    /* nested fields in the spec */
    StrBuf sp = STRBUF_INIT;
    if (memchr(spec, '{', spec_len)) {
        if (depth >= 2) { ROOTS_RESET(vm); vm_raise(vm, &exc_ValueError, "Max string recursion exceeded"); return false; }
        if (!render(vm, st, spec, spec_len, &sp, depth + 1)) { sb_free(&sp); ROOTS_RESET(vm); return false; }
    } else {
        sb_append(&sp, spec, spec_len);
    }
    Value specv = str_from_sb(vm, &sp);
    if (!specv) { ROOTS_RESET(vm); return false; }
    ROOT_PUSH(vm, specv);
    Value r = vm_format_value(vm, obj, specv);
    ROOTS_RESET(vm);
    if (!r) return false;
    sb_append(out, str_cstr(r), (size_t)str_len(r));
    return true;
}

static bool render(VM *vm, FmtState *st, const char *p, size_t n, StrBuf *out, int depth) {
    size_t i = 0;
    while (i < n) {
        char c = p[i];
        if (c == '{') {
            if (i + 1 < n && p[i + 1] == '{') { sb_putc(out, '{'); i += 2; continue; }
            /* find the matching '}' */
            size_t j = i + 1;
            int level = 1;
            while (j < n) {
                if (p[j] == '{') level++;
                else if (p[j] == '}' && --level == 0) break;
                j++;
            }
            if (j >= n) {
                vm_raise(vm, &exc_ValueError, level > 1 ? "unmatched '{' in format spec" : "expected '}' before end of string");
                return false;
            }
            if (!do_field(vm, st, p + i + 1, j - i - 1, out, depth)) return false;
            i = j + 1;
        } else if (c == '}') {
            if (i + 1 < n && p[i + 1] == '}') { sb_putc(out, '}'); i += 2; continue; }
            vm_raise(vm, &exc_ValueError, "Single '}' encountered in format string");
            return false;
        } else {
            size_t j = i;
            while (j < n && p[j] != '{' && p[j] != '}') j++;
            sb_append(out, p + i, j - i);
            i = j;
        }
    }
    return true;
}

Value str_format_method(VM *vm, Value fmt, Value *args, int nargs, Value kwnames) {
    FmtState st = {args, nargs, kwnames, VNULL, 0, false, false};
    StrBuf out = STRBUF_INIT;
    if (!render(vm, &st, str_cstr(fmt), (size_t)str_len(fmt), &out, 0)) {
        sb_free(&out);
        return VNULL;
    }
    return str_from_sb(vm, &out);
}

Value str_format_map(VM *vm, Value fmt, Value mapping) {
    FmtState st = {NULL, 0, VNULL, mapping, 0, false, false};
    StrBuf out = STRBUF_INIT;
    if (!render(vm, &st, str_cstr(fmt), (size_t)str_len(fmt), &out, 0)) {
        sb_free(&out);
        return VNULL;
    }
    return str_from_sb(vm, &out);
}

/* ======================= printf-style ======================= */
static void pad_to(StrBuf *out, const char *s, size_t n, size_t ncp, int64_t width, bool left, char fill) {
    int64_t padn = width > (int64_t)ncp ? width - (int64_t)ncp : 0;
    if (!left) sb_fill(out, fill, (size_t)padn);
    sb_append(out, s, n);
    if (left) sb_fill(out, ' ', (size_t)padn);
}

/* sign/prefix + digits with zero padding */
static void pad_number(StrBuf *out, const char *sign, const char *prefix, const char *body, size_t blen, int64_t width,
                       bool left, bool zero) {
    size_t sl = strlen(sign), pl = strlen(prefix);
    int64_t total = (int64_t)(sl + pl + blen);
    int64_t padn = width > total ? width - total : 0;
    if (left) {
        sb_puts(out, sign);
        sb_puts(out, prefix);
        sb_append(out, body, blen);
        sb_fill(out, ' ', (size_t)padn);
    } else if (zero) {
        sb_puts(out, sign);
        sb_puts(out, prefix);
        sb_fill(out, '0', (size_t)padn);
        sb_append(out, body, blen);
    } else {
        sb_fill(out, ' ', (size_t)padn);
        sb_puts(out, sign);
        sb_puts(out, prefix);
        sb_append(out, body, blen);
    }
}

Value str_percent_format(VM *vm, Value fmt, Value args) {
    const char *p = str_cstr(fmt);
    size_t n = (size_t)str_len(fmt);
    bool is_tuple = IS_TUPLE(args);
    Value *argv = is_tuple ? tuple_items(args) : &args;
    int64_t argc = is_tuple ? tuple_len(args) : 1;
    int64_t ai = 0;
    bool mapping = !is_tuple && v_type(args)->tp_getitem && !IS_STR(args) && !v_is_type(args, &type_bytes) && !IS_TUPLE(args);
    Value dict = mapping ? args : VNULL;
    bool used_mapping = false;
    StrBuf out = STRBUF_INIT;
    ROOTS_MARK(vm);
    size_t i = 0;
    while (i < n) {
        const char *pct = memchr(p + i, '%', n - i);
        if (!pct) { sb_append(&out, p + i, n - i); break; }
        sb_append(&out, p + i, (size_t)(pct - (p + i)));
        i = (size_t)(pct - p) + 1;
        if (i >= n) { sb_free(&out); ROOTS_RESET(vm); return vm_raise(vm, &exc_ValueError, "incomplete format"); }
        Value arg = VNULL;
        if (p[i] == '(') {
            if (!dict) { sb_free(&out); ROOTS_RESET(vm); return vm_raise(vm, &exc_TypeError, "format requires a mapping"); }
            size_t j = ++i;
            int level = 1;
            while (i < n && level) {
                if (p[i] == '(') level++;
                else if (p[i] == ')') level--;
                if (level) i++;
            }
            if (i >= n) { sb_free(&out); ROOTS_RESET(vm); return vm_raise(vm, &exc_ValueError, "incomplete format key"); }
            Value key = str_new(vm, p + j, i - j);
            if (!key) { sb_free(&out); ROOTS_RESET(vm); return VNULL; }
            ROOT_PUSH(vm, key);
            arg = vm_getitem(vm, dict, key);
            if (!arg) { sb_free(&out); ROOTS_RESET(vm); return VNULL; }
            ROOT_PUSH(vm, arg);
            used_mapping = true;
            i++;
        }
        bool left = false, plus = false, space = false, alt = false, zero = false;
        for (; i < n; i++) {
            char c = p[i];
            if (c == '-') left = true;
            else if (c == '+') plus = true;
            else if (c == ' ') space = true;
            else if (c == '#') alt = true;
            else if (c == '0') zero = true;
            else break;
        }
        int64_t width = -1, prec = -1;
        if (i < n && p[i] == '*') {
            if (ai >= argc) { sb_free(&out); ROOTS_RESET(vm); return vm_raise(vm, &exc_TypeError, "not enough arguments for format string"); }
            Value w = argv[ai++];
            if (!v_is_int(w)) { sb_free(&out); ROOTS_RESET(vm); return vm_raise(vm, &exc_TypeError, "* wants int"); }
            width = v_int(w);
            if (width < 0) { left = true; width = -width; }
            i++;
        } else {
            while (i < n && p[i] >= '0' && p[i] <= '9') { width = (width < 0 ? 0 : width) * 10 + (p[i] - '0'); i++; }
        }
        if (i < n && p[i] == '.') {
            i++;
            prec = 0;
            if (i < n && p[i] == '*') {
                if (ai >= argc) { sb_free(&out); ROOTS_RESET(vm); return vm_raise(vm, &exc_TypeError, "not enough arguments for format string"); }
                Value w = argv[ai++];
                if (!v_is_int(w)) { sb_free(&out); ROOTS_RESET(vm); return vm_raise(vm, &exc_TypeError, "* wants int"); }
                prec = v_int(w);
                i++;
            } else {
                while (i < n && p[i] >= '0' && p[i] <= '9') { prec = prec * 10 + (p[i] - '0'); i++; }
            }
        }
        while (i < n && (p[i] == 'h' || p[i] == 'l' || p[i] == 'L')) i++;
        if (i >= n) { sb_free(&out); ROOTS_RESET(vm); return vm_raise(vm, &exc_ValueError, "incomplete format"); }
        char conv = p[i++];
        if (conv == '%') {
            sb_putc(&out, '%');
            continue;
        }
        if (!arg) {
            if (mapping && !is_tuple) arg = args, used_mapping = true;
            else {
                if (ai >= argc) { sb_free(&out); ROOTS_RESET(vm); return vm_raise(vm, &exc_TypeError, "not enough arguments for format string"); }
                arg = argv[ai++];
            }
        }
        const char *sign = "";
        switch (conv) {
        case 's': case 'r': case 'a': {
            Value s = conv == 's' ? vm_str(vm, arg) : conv == 'r' ? vm_repr(vm, arg) : vm_ascii(vm, arg);
            if (!s) { sb_free(&out); ROOTS_RESET(vm); return VNULL; }
            size_t len = (size_t)str_len(s), ncp = (size_t)AS(Str, s)->nchars;
            if (prec >= 0 && (int64_t)ncp > prec) {
                len = (size_t)str_byte_offset(s, prec);
                ncp = (size_t)prec;
            }
            pad_to(&out, str_cstr(s), len, ncp, width, left, ' ');
            break;
        }
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': {
            Value iv;
            if (v_is_intlike(arg)) iv = v_int_value(arg);
            else if (v_is_floatlike(arg) && conv != 'o' && conv != 'x' && conv != 'X') {
                iv = int_from_double(vm, v_float_value(arg));
                if (!iv) { sb_free(&out); ROOTS_RESET(vm); return VNULL; }
            } else {
                Type *t = v_type(arg);
                bool numeric = (t->nb_int || t->nb_index) && !IS_STR(arg);
                if (conv == 'o' || conv == 'x' || conv == 'X') {
                    iv = t->nb_index ? vm_index(vm, arg) : VNULL;
                    if (!iv) {
                        if (!vm->exc) vm_raise(vm, &exc_TypeError, "%%%c format: an integer is required, not %s", conv, t->name);
                        sb_free(&out); ROOTS_RESET(vm); return VNULL;
                    }
                } else if (numeric) {
                    extern Value vm_number_to_int(VM *vm, Value x);
                    iv = vm_number_to_int(vm, arg);
                    if (!iv) { sb_free(&out); ROOTS_RESET(vm); return VNULL; }
                } else {
                    sb_free(&out);
                    ROOTS_RESET(vm);
                    return vm_raise(vm, &exc_TypeError, "%%%c format: a real number is required, not %s", conv, t->name);
                }
            }
            ROOT_PUSH(vm, iv);
            bool neg = int_sign(iv) < 0;
            Value mag = neg ? vm_neg(vm, iv) : iv;
            if (!mag) { sb_free(&out); ROOTS_RESET(vm); return VNULL; }
            int base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X') ? 16 : 10;
            Value ds = int_to_str(vm, mag, base);
            if (!ds) { sb_free(&out); ROOTS_RESET(vm); return VNULL; }
            StrBuf body = STRBUF_INIT;
            const char *d = str_cstr(ds);
            size_t dl = (size_t)str_len(ds);
            if (prec > (int64_t)dl) sb_fill(&body, '0', (size_t)(prec - (int64_t)dl));
            for (size_t k = 0; k < dl; k++) sb_putc(&body, conv == 'X' ? (char)((d[k] >= 'a' && d[k] <= 'f') ? d[k] - 32 : d[k]) : d[k]);
            sign = neg ? "-" : plus ? "+" : space ? " " : "";
            const char *prefix = !alt ? "" : conv == 'o' ? "0o" : conv == 'x' ? "0x" : conv == 'X' ? "0X" : "";
            pad_number(&out, sign, prefix, body.data ? body.data : "", body.len, width, left, zero);
            sb_free(&body);
            break;
        }
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
            double x;
            if (v_is_float(arg)) x = v_float(arg);
            else if (IS_STR(arg) || !(v_is_intlike(arg) || v_is_floatlike(arg) || v_type(arg)->nb_float || v_type(arg)->nb_index)) {
                sb_free(&out);
                ROOTS_RESET(vm);
                return vm_raise(vm, &exc_TypeError, "must be real number, not %s", v_type(arg)->name);
            } else if (!v_to_double(vm, arg, &x)) { sb_free(&out); ROOTS_RESET(vm); return VNULL; }
            StrBuf body = STRBUF_INIT;
            bool neg = signbit(x) && !isnan(x);
            nf_format_double(&body, neg ? -x : x, conv, prec < 0 ? 6 : (int)prec, alt);
            sign = neg ? "-" : plus ? "+" : space ? " " : "";
            pad_number(&out, sign, "", body.data ? body.data : "", body.len, width, left, zero && isfinite(x));
            sb_free(&body);
            break;
        }
        case 'c': {
            uint32_t cp;
            if (IS_STR(arg)) {
                if (AS(Str, arg)->nchars != 1) { sb_free(&out); ROOTS_RESET(vm); return vm_raise(vm, &exc_TypeError, "%%c requires int or char"); }
                cp = str_char_at(arg, 0);
            } else if (v_is_intlike(arg)) {
                int64_t c;
                if (!int_to_i64(v_int_value(arg), &c) || c < 0 || c > 0x10FFFF) {
                    sb_free(&out);
                    ROOTS_RESET(vm);
                    return vm_raise(vm, &exc_OverflowError, "%%c arg not in range(0x110000)");
                }
                cp = (uint32_t)c;
            } else {
                sb_free(&out);
                ROOTS_RESET(vm);
                return vm_raise(vm, &exc_TypeError, "%%c requires int or char");
            }
            StrBuf ch = STRBUF_INIT;
            sb_put_utf8(&ch, cp);
            pad_to(&out, ch.data, ch.len, 1, width, left, ' ');
            sb_free(&ch);
            break;
        }
        default: {
            sb_free(&out);
            ROOTS_RESET(vm);
            unsigned uc = (unsigned char)conv;
            return vm_raise(vm, &exc_ValueError, "unsupported format character '%c' (0x%x) at index %lld", conv, uc,
                            (long long)(i - 1));
        }
        }
    }
    ROOTS_RESET(vm);
    if (ai < argc && !used_mapping && !(mapping && !is_tuple)) {
        sb_free(&out);
        return vm_raise(vm, &exc_TypeError, "not all arguments converted during string formatting");
    }
    return str_from_sb(vm, &out);
}
