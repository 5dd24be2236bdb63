/* int.c - int and bool.
 *
 * Ints within 48 bits are unboxed small ints (value.h); larger ones are
 * BigInt objects (whose header type is int itself).  An
 * int value has exactly one representation: results are normalized back
 * to small ints whenever they fit.  bool and user subclasses of int are
 * BoxedInt objects holding a plain int.  Arithmetic on big values goes
 * through the bignum kernels (bignum.h).
 */
#include "vm.h"
#include "numfmt.h"
#include "unicode_db.h"
#include <math.h>
#include <string.h>
#include <stdlib.h>

#define MAX_STR_DIGITS 4300
int32_t int_max_str_digits = MAX_STR_DIGITS;

/* ---- views ---- */
typedef struct IntView {
    bool neg;
    const bn_digit *d;
    size_t n;
    bn_digit buf[2];
} IntView;

static void view(Value v, IntView *iv) {
    if (v_is_int(v)) {
        int64_t i = v_int(v);
        uint64_t m = i < 0 ? (uint64_t)(-i) : (uint64_t)i;
        iv->neg = i < 0;
        iv->buf[0] = (bn_digit)m;
        iv->buf[1] = (bn_digit)(m >> 32);
        iv->d = iv->buf;
        iv->n = m == 0 ? 0 : (m >> 32) ? 2 : 1;
    } else {
        BigInt *b = AS(BigInt, v);
        iv->neg = b->size < 0;
        iv->n = (size_t)(b->size < 0 ? -b->size : b->size);
        iv->d = b->d;
    }
}

bool v_is_intlike(Value v) {
    return v_is_int(v) || (v_is_obj(v) && ((OBJ(v)->type->flags & TF_INT_SUBCLASS)));
}

Value v_int_value(Value v) {
    if (v_is_int(v)) return v;
    if (OBJ(v)->type == &type_int) return v;     /* a BigInt */
    return AS(BoxedInt, v)->value;
}

Value int_normalize_value(Value v) { return v_int_value(v); }

static BigInt *big_alloc(VM *vm, size_t n) {
    if (n > ((size_t)1 << 31)) { vm_raise_nomem(vm); return NULL; }
    return gc_alloc(vm, &type_int, sizeof(BigInt) + n * sizeof(bn_digit));
}

/* Finish a BigInt whose digits (normalized length n) were computed in place. */
static Value big_finish(BigInt *b, bool neg, size_t n) {
    if (n <= 2) {
        uint64_t m = n == 0 ? 0 : n == 1 ? b->d[0] : ((uint64_t)b->d[1] << 32) | b->d[0];
        if (m <= (uint64_t)SMALL_INT_MAX || (neg && m == (uint64_t)SMALL_INT_MAX + 1))
            return v_from_small(neg ? -(int64_t)m : (int64_t)m);
    }
    b->size = neg ? -(int64_t)n : (int64_t)n;
    return v_from_ptr(b);
}

Value int_from_digits(VM *vm, bool neg, const bn_digit *d, size_t n) {
    while (n && d[n - 1] == 0) n--;
    if (n <= 2) {
        uint64_t m = n == 0 ? 0 : n == 1 ? d[0] : ((uint64_t)d[1] << 32) | d[0];
        if (m <= (uint64_t)SMALL_INT_MAX || (neg && m == (uint64_t)SMALL_INT_MAX + 1))
            return v_from_small(neg ? -(int64_t)m : (int64_t)m);
    }
    BigInt *b = big_alloc(vm, n);
    if (!b) return VNULL;
    memcpy(b->d, d, n * sizeof(bn_digit));
    b->size = neg ? -(int64_t)n : (int64_t)n;
    return v_from_ptr(b);
}

Value int_from_u64(VM *vm, uint64_t u) {
    if (u <= (uint64_t)SMALL_INT_MAX) return v_from_small((int64_t)u);
    bn_digit d[2] = {(bn_digit)u, (bn_digit)(u >> 32)};
    return int_from_digits(vm, false, d, 2);
}

Value int_from_i64(VM *vm, int64_t i) {
    if (small_fits(i)) return v_from_small(i);
    uint64_t m = i < 0 ? -(uint64_t)i : (uint64_t)i;
    bn_digit d[2] = {(bn_digit)m, (bn_digit)(m >> 32)};
    return int_from_digits(vm, i < 0, d, 2);
}

bool int_to_i64(Value v, int64_t *out) {
    if (v_is_int(v)) { *out = v_int(v); return true; }
    if (!v_is_obj(v)) return false;
    if (OBJ(v)->type != &type_int) {
        if (!(OBJ(v)->type->flags & TF_INT_SUBCLASS)) return false;
        return int_to_i64(AS(BoxedInt, v)->value, out);
    }
    IntView iv;
    view(v, &iv);
    if (iv.n > 2) return false;
    uint64_t m = iv.n == 0 ? 0 : iv.n == 1 ? iv.d[0] : ((uint64_t)iv.d[1] << 32) | iv.d[0];
    if (iv.neg) {
        if (m > (uint64_t)INT64_MAX + 1) return false;
        *out = (int64_t)(0 - m);
    } else {
        if (m > (uint64_t)INT64_MAX) return false;
        *out = (int64_t)m;
    }
    return true;
}

int int_sign(Value v) {
    v = v_int_value(v);
    if (v_is_int(v)) { int64_t i = v_int(v); return (i > 0) - (i < 0); }
    int64_t s = AS(BigInt, v)->size;
    return (s > 0) - (s < 0);
}

int int_compare(Value a, Value b) {
    a = v_int_value(a);
    b = v_int_value(b);
    if (v_both_int(a, b)) { int64_t x = v_int(a), y = v_int(b); return (x > y) - (x < y); }
    IntView x, y;
    view(a, &x);
    view(b, &y);
    if (x.neg != y.neg) return x.neg ? -1 : 1;
    int c = bn_cmp(x.d, x.n, y.d, y.n);
    return x.neg ? -c : c;
}

double int_to_double(VM *vm, Value v, bool *ok) {
    v = v_int_value(v);
    *ok = true;
    if (v_is_int(v)) return (double)v_int(v);
    IntView iv;
    view(v, &iv);
    bool ovf = false;
    double d = bn_to_double(iv.d, iv.n, &ovf);
    if (ovf) {
        *ok = false;
        vm_raise(vm, &exc_OverflowError, "int too large to convert to float");
        return 0;
    }
    return iv.neg ? -d : d;
}

Value int_from_double(VM *vm, double d) {
    if (isinf(d)) return vm_raise(vm, &exc_OverflowError, "cannot convert float infinity to integer");
    if (isnan(d)) return vm_raise(vm, &exc_ValueError, "cannot convert float NaN to integer");
    double t = trunc(d);
    if (t >= -140737488355328.0 && t <= 140737488355327.0) return v_from_small((int64_t)t);
    size_t n = bn_from_double_size(t);
    BigInt *b = big_alloc(vm, n);
    if (!b) return VNULL;
    size_t m = bn_from_double(b->d, t < 0 ? -t : t);
    return big_finish(b, t < 0, m);
}

int64_t int_hash(Value v) {
    v = v_int_value(v);
    if (v_is_int(v)) {
        int64_t i = v_int(v);
        if (i == -1) return -2;
        return i;    /* |i| < 2^47 < 2^61 - 1 */
    }
    IntView iv;
    view(v, &iv);
    int64_t h = (int64_t)bn_hash(iv.d, iv.n);
    if (iv.neg) h = -h;
    if (h == -1) h = -2;
    return h;
}

/* ---- text ---- */
Value int_to_str(VM *vm, Value v, int base) {
    v = v_int_value(v);
    char small[32];
    if (v_is_int(v) && base == 10) {
        int64_t i = v_int(v);
        char *p = small + sizeof small;
        *--p = 0;
        uint64_t m = i < 0 ? (uint64_t)(-i) : (uint64_t)i;
        do { *--p = (char)('0' + m % 10); m /= 10; } while (m);
        if (i < 0) *--p = '-';
        return str_new_ascii_or_utf8(vm, p, (size_t)(small + sizeof small - 1 - p), small + sizeof small - 1 - p);
    }
    IntView iv;
    view(v, &iv);
    if (base == 10 && int_max_str_digits > 0 && iv.n > (size_t)int_max_str_digits / 9 + 2) {
        /* bits -> approximate decimal digits */
        uint64_t bits = bn_bit_length(iv.d, iv.n);
        if ((double)bits * 0.30102999566398 > int_max_str_digits + 1)
            return vm_raise(vm, &exc_ValueError, "Exceeds the limit (%d digits) for integer string conversion; "
                            "use sys.set_int_max_str_digits() to increase the limit", int_max_str_digits);
    }
    size_t cap = bn_str_size(iv.n, base) + 2;
    char *buf = malloc(cap);
    if (!buf) return vm_raise_nomem(vm);
    size_t off = iv.neg ? 1 : 0;
    size_t len = bn_to_string(buf + off, iv.d, iv.n, base);
    if (len == BN_NOMEM) { free(buf); return vm_raise_nomem(vm); }
    if (base == 10 && int_max_str_digits > 0 && len > (size_t)int_max_str_digits) {
        free(buf);
        return vm_raise(vm, &exc_ValueError, "Exceeds the limit (%d digits) for integer string conversion; "
                        "use sys.set_int_max_str_digits() to increase the limit", int_max_str_digits);
    }
    if (iv.neg) buf[0] = '-';
    Value s = str_new_ascii_or_utf8(vm, buf, len + off, (int64_t)(len + off));
    free(buf);
    return s;
}

/* int(text, base).  Maps Unicode digits and spaces to ASCII first; the
 * error message shows repr(orig), or the text as a str when orig is VNULL. */
static Value parse_text(VM *vm, const char *s, size_t len, int base, Value orig) {
    StrBuf tmp = STRBUF_INIT;
    const char *p = s;
    size_t n = len;
    for (size_t i = 0; i < len; i++) {
        if ((unsigned char)s[i] >= 0x80) {
            for (size_t j = 0; j < len;) {
                int l;
                uint32_t c = utf8_decode_at(s + j, &l);
                int dv = ucd_decimal(c);
                if (c < 0x80) sb_putc(&tmp, (char)c);
                else if (dv >= 0) sb_putc(&tmp, (char)('0' + dv));
                else if (ucd_isspace(c)) sb_putc(&tmp, ' ');
                else sb_putc(&tmp, '?');
                j += (size_t)l;
            }
            p = tmp.data;
            n = tmp.len;
            break;
        }
    }
    /* digit limit (only for non power-of-two bases) */
    if (int_max_str_digits > 0 && base != 2 && base != 4 && base != 8 && base != 16 && base != 32 && base != 0 && n > (size_t)int_max_str_digits) {
        size_t digits = 0;
        for (size_t i = 0; i < n; i++) digits += (p[i] >= '0' && p[i] <= '9') || ((p[i] | 32) >= 'a' && (p[i] | 32) <= 'z');
        if (digits > (size_t)int_max_str_digits) {
            sb_free(&tmp);
            return vm_raise(vm, &exc_ValueError, "Exceeds the limit (%d digits) for integer string conversion: value has %zu digits; "
                            "use sys.set_int_max_str_digits() to increase the limit", int_max_str_digits, digits);
        }
    }
    size_t cap = bn_parse_size(n, base);
    bn_digit *d = malloc((cap ? cap : 1) * sizeof(bn_digit));
    if (!d) { sb_free(&tmp); return vm_raise_nomem(vm); }
    bool neg = false;
    size_t r = bn_parse(d, &neg, p, n, base);
    sb_free(&tmp);
    if (r == BN_NOMEM) { free(d); return vm_raise_nomem(vm); }
    if (r == BN_INVALID) {
        free(d);
        /* CPython reports a bytearray through its bytes copy */
        Value text = !orig ? str_new(vm, s, len)
                   : v_isinstance_of(orig, &type_bytearray) ? bytes_new(vm, s, len) : orig;
        if (!text) return VNULL;
        ROOTS_MARK(vm);
        ROOT_PUSH(vm, text);
        Value rep = vm_repr(vm, text);
        ROOTS_RESET(vm);
        if (!rep) return VNULL;
        return vm_raise(vm, &exc_ValueError, "invalid literal for int() with base %d: %U", base, rep);
    }
    Value v = int_from_digits(vm, neg, d, r);
    free(d);
    return v;
}

Value int_parse(VM *vm, const char *s, size_t len, int base) { return parse_text(vm, s, len, base, VNULL); }

/* int(b, base) for bytes-like b: only ASCII digits count. */
static Value parse_bytes(VM *vm, Value obj, const unsigned char *p, size_t n, int base) {
    for (size_t i = 0; i < n; i++) {
        if (p[i] >= 0x80) {
            Value b = v_isinstance_of(obj, &type_bytearray) ? bytes_new(vm, p, n) : obj;
            Value rep = b ? vm_repr(vm, b) : VNULL;
            if (!rep) return VNULL;
            return vm_raise(vm, &exc_ValueError, "invalid literal for int() with base %d: %U", base, rep);
        }
    }
    return parse_text(vm, (const char *)p, n, base, obj);
}

/* ---- arithmetic ---- */
static inline int64_t floordiv64(int64_t a, int64_t b) {
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
    return q;
}
static inline int64_t mod64(int64_t a, int64_t b) {
    int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) r += b;
    return r;
}

static Value big_addsub(VM *vm, Value a, Value b, bool sub) {
    IntView x, y;
    view(a, &x);
    view(b, &y);
    size_t cap = (x.n > y.n ? x.n : y.n) + 1;
    BigInt *r = big_alloc(vm, cap);
    if (!r) return VNULL;
    view(a, &x);
    view(b, &y);
    bool neg;
    size_t n = bn_add_signed(r->d, &neg, x.neg, x.d, x.n, sub ? !y.neg : y.neg, y.d, y.n);
    return big_finish(r, neg, n);
}

static Value big_mul(VM *vm, Value a, Value b) {
    IntView x, y;
    view(a, &x);
    view(b, &y);
    if (x.n == 0 || y.n == 0) return v_from_small(0);
    BigInt *r = big_alloc(vm, x.n + y.n);
    if (!r) return VNULL;
    view(a, &x);
    view(b, &y);
    size_t n = bn_mul(r->d, x.d, x.n, y.d, y.n);
    if (n == BN_NOMEM) return vm_raise_nomem(vm);
    return big_finish(r, x.neg != y.neg, n);
}

/* Floor division and modulo with Python's signs. */
/* Floor division and modulo with Python's signs.  A part that is not
 * wanted lives in malloc'ed scratch instead of a heap object. */
static bool big_divmod(VM *vm, Value a, Value b, Value *q, Value *m) {
    IntView x, y;
    view(a, &x);
    view(b, &y);
    if (y.n == 0) {
        vm_raise(vm, &exc_ZeroDivisionError, q ? "integer division or modulo by zero" : "integer modulo by zero");
        return false;
    }
    bool qneg = x.neg != y.neg;
    size_t qcap = x.n >= y.n ? x.n - y.n + 2 : 2;
    size_t rcap = y.n + 1;
    bool need_r = m || qneg;        /* the floor adjustment looks at the remainder */
    BigInt *qb = q ? big_alloc(vm, qcap) : NULL;
    if (q && !qb) return false;
    BigInt *rb = m ? big_alloc(vm, rcap) : NULL;
    if (m && !rb) return false;
    bn_digit *scratch = NULL;
    if (!q || (need_r && !m)) {
        scratch = malloc(((q ? 0 : qcap) + (need_r && !m ? rcap : 0)) * sizeof(bn_digit) + sizeof(bn_digit));
        if (!scratch) { vm_raise_nomem(vm); return false; }
    }
    bn_digit *qd = qb ? qb->d : scratch;
    bn_digit *rd = rb ? rb->d : need_r ? scratch + (q ? 0 : qcap) : NULL;
    view(a, &x);
    view(b, &y);
    size_t nq, nr = 0;
    if (bn_divmod(qd, &nq, rd, &nr, x.d, x.n, y.d, y.n) == BN_NOMEM) {
        free(scratch);
        vm_raise_nomem(vm);
        return false;
    }
    /* truncating -> floor: if signs differ and remainder != 0: q = q + 1 (magnitude), r = |y| - r */
    if (qneg && nr > 0) {
        bn_digit one = 1;
        if (q) nq = bn_add(qd, qd, nq, &one, 1);
        if (m) nr = bn_sub(rd, y.d, y.n, rd, nr);
    }
    free(scratch);
    if (q) *q = big_finish(qb, qneg, nq);
    if (m) *m = big_finish(rb, nr ? y.neg : false, nr);
    return true;
}

static Value big_shift(VM *vm, Value a, int64_t s, bool left) {
    IntView x;
    view(a, &x);
    if (x.n == 0) return v_from_small(0);
    if (left) {
        if (s > (INT64_C(1) << 35)) return vm_raise_nomem(vm);
        size_t cap = x.n + (size_t)(s / 32) + 1;
        BigInt *r = big_alloc(vm, cap);
        if (!r) return VNULL;
        view(a, &x);
        size_t n = bn_lshift(r->d, x.d, x.n, (uint64_t)s);
        return big_finish(r, x.neg, n);
    }
    /* arithmetic right shift: floor(a / 2^s) */
    if ((uint64_t)s >= (uint64_t)x.n * 32) return v_from_small(x.neg ? -1 : 0);
    BigInt *r = big_alloc(vm, x.n + 1);
    if (!r) return VNULL;
    view(a, &x);
    size_t n = bn_rshift(r->d, x.d, x.n, (uint64_t)s);
    if (x.neg) {
        /* if any 1 bits were shifted out, round toward -inf */
        bool lost = false;
        uint64_t whole = (uint64_t)s / 32, bits = (uint64_t)s % 32;
        for (uint64_t i = 0; i < whole && !lost; i++) lost = x.d[i] != 0;
        if (!lost && bits) lost = (x.d[whole] & ((1u << bits) - 1)) != 0;
        if (lost) {
            bn_digit one = 1;
            n = bn_add(r->d, r->d, n, &one, 1);
        }
    }
    return big_finish(r, x.neg && n > 0, n);
}

static Value big_bitop(VM *vm, Value a, Value b, char op) {
    IntView x, y;
    view(a, &x);
    view(b, &y);
    size_t cap = (x.n > y.n ? x.n : y.n) + 1;
    BigInt *r = big_alloc(vm, cap);
    if (!r) return VNULL;
    view(a, &x);
    view(b, &y);
    bool neg;
    size_t n = bn_bitop(r->d, &neg, op, x.neg, x.d, x.n, y.neg, y.d, y.n);
    return big_finish(r, neg, n);
}

static Value int_truediv(VM *vm, Value a, Value b) {
    if (v_both_int(a, b)) {
        int64_t y = v_int(b);
        if (y == 0) return vm_raise(vm, &exc_ZeroDivisionError, "division by zero");
        int64_t x = v_int(a);
        if ((x < 0 ? -x : x) <= (INT64_C(1) << 53) && (y < 0 ? -y : y) <= (INT64_C(1) << 53))
            return v_from_float((double)x / (double)y);
    }
    IntView x, y;
    view(a, &x);
    view(b, &y);
    if (y.n == 0) return vm_raise(vm, &exc_ZeroDivisionError, "division by zero");
    bool ovf = false;
    double d = bn_truediv(x.d, x.n, y.d, y.n, &ovf);
    if (ovf) return vm_raise(vm, &exc_OverflowError, "integer division result too large for a float");
    return v_from_float(x.neg != y.neg ? -d : d);
}

static Value int_pow(VM *vm, Value a, Value b, Value m);
static Value int_neg(VM *vm, Value a);

Value int_binop(VM *vm, int op, Value a, Value b) {
    if (v_both_int(a, b)) {
        int64_t x = v_int(a), y = v_int(b), r;
        switch (op) {
        case NB_ADD: return int_from_i64(vm, x + y);
        case NB_SUB: return int_from_i64(vm, x - y);
        case NB_MUL:
            if (!__builtin_mul_overflow(x, y, &r)) return int_from_i64(vm, r);
            return big_mul(vm, a, b);
        case NB_FLOORDIV:
            if (y == 0) return vm_raise(vm, &exc_ZeroDivisionError, "integer division or modulo by zero");
            return int_from_i64(vm, floordiv64(x, y));
        case NB_MOD:
            if (y == 0) return vm_raise(vm, &exc_ZeroDivisionError, "integer modulo by zero");
            return v_from_small(mod64(x, y));
        case NB_AND: return v_from_small(x & y);
        case NB_OR: return v_from_small(x | y);
        case NB_XOR: return v_from_small(x ^ y);
        case NB_LSHIFT:
            if (y < 0) return vm_raise(vm, &exc_ValueError, "negative shift count");
            if (y < 16 && x < (INT64_C(1) << 47) && x > -(INT64_C(1) << 47)) return int_from_i64(vm, x * (INT64_C(1) << y));
            return big_shift(vm, a, y, true);
        case NB_RSHIFT:
            if (y < 0) return vm_raise(vm, &exc_ValueError, "negative shift count");
            return v_from_small(y >= 63 ? (x < 0 ? -1 : 0) : x >> y);
        case NB_TRUEDIV: return int_truediv(vm, a, b);
        case NB_POW: return int_pow(vm, a, b, VNULL);
        default: break;
        }
    }
    switch (op) {
    case NB_ADD: return big_addsub(vm, a, b, false);
    case NB_SUB: return big_addsub(vm, a, b, true);
    case NB_MUL: return big_mul(vm, a, b);
    case NB_FLOORDIV: {
        Value q;
        return big_divmod(vm, a, b, &q, NULL) ? q : VNULL;
    }
    case NB_MOD: {
        Value m;
        return big_divmod(vm, a, b, NULL, &m) ? m : VNULL;
    }
    case NB_AND: return big_bitop(vm, a, b, '&');
    case NB_OR: return big_bitop(vm, a, b, '|');
    case NB_XOR: return big_bitop(vm, a, b, '^');
    case NB_LSHIFT:
    case NB_RSHIFT: {
        if (int_sign(b) < 0) return vm_raise(vm, &exc_ValueError, "negative shift count");
        int64_t s;
        if (!int_to_i64(b, &s)) {
            if (op == NB_RSHIFT) return v_from_small(int_sign(a) < 0 ? -1 : 0);
            if (int_sign(a) == 0) return v_from_small(0);
            return vm_raise(vm, &exc_OverflowError, "too many digits in integer");
        }
        if (op == NB_LSHIFT && int_sign(a) == 0) return v_from_small(0);
        return big_shift(vm, a, s, op == NB_LSHIFT);
    }
    case NB_TRUEDIV: return int_truediv(vm, a, b);
    case NB_POW: return int_pow(vm, a, b, VNULL);
    default: return V_NOTIMPL;
    }
}

static Value int_pow(VM *vm, Value a, Value b, Value m) {
    if (m) {
        if (int_sign(m) == 0) return vm_raise(vm, &exc_ValueError, "pow() 3rd argument cannot be 0");
        ROOTS_MARK(vm);
        Value base = a;
        if (int_sign(b) < 0) {
            /* modular inverse of a mod m, then raise to -b */
            Value mabs = int_sign(m) < 0 ? int_binop(vm, NB_SUB, v_from_small(0), m) : m;
            if (!mabs) return VNULL;
            ROOT_PUSH(vm, mabs);
            Value r0 = mabs, r1 = int_binop(vm, NB_MOD, a, mabs);
            if (!r1) { ROOTS_RESET(vm); return VNULL; }
            ROOT_PUSH(vm, r1);
            Value t0 = v_from_small(0), t1 = v_from_small(1);
            while (int_sign(r1) != 0) {
                Value q = int_binop(vm, NB_FLOORDIV, r0, r1);
                if (!q) { ROOTS_RESET(vm); return VNULL; }
                ROOT_PUSH(vm, q);
                Value qr = int_binop(vm, NB_MUL, q, r1);
                if (!qr) { ROOTS_RESET(vm); return VNULL; }
                ROOT_PUSH(vm, qr);
                Value nr = int_binop(vm, NB_SUB, r0, qr);
                if (!nr) { ROOTS_RESET(vm); return VNULL; }
                ROOT_PUSH(vm, nr);
                Value qt = int_binop(vm, NB_MUL, q, t1);
                if (!qt) { ROOTS_RESET(vm); return VNULL; }
                ROOT_PUSH(vm, qt);
                Value nt = int_binop(vm, NB_SUB, t0, qt);
                if (!nt) { ROOTS_RESET(vm); return VNULL; }
                ROOT_PUSH(vm, nt);
                r0 = r1; r1 = nr; t0 = t1; t1 = nt;
                ROOT_PUSH(vm, r0); ROOT_PUSH(vm, t0);
            }
            if (int_compare(r0, v_from_small(1)) != 0) {
                ROOTS_RESET(vm);
                return vm_raise(vm, &exc_ValueError, "base is not invertible for the given modulus");
            }
            base = int_binop(vm, NB_MOD, t0, mabs);
            if (!base) { ROOTS_RESET(vm); return VNULL; }
            ROOT_PUSH(vm, base);
            b = int_binop(vm, NB_SUB, v_from_small(0), b);
            if (!b) { ROOTS_RESET(vm); return VNULL; }
            ROOT_PUSH(vm, b);
        }
        IntView x, e, mm;
        Value mpos = int_sign(m) < 0 ? int_neg(vm, m) : m;
        if (!mpos) { ROOTS_RESET(vm); return VNULL; }
        ROOT_PUSH(vm, mpos);
        Value bm = int_binop(vm, NB_MOD, base, mpos);   /* base reduced into [0, |m|) */
        if (!bm) { ROOTS_RESET(vm); return VNULL; }
        ROOT_PUSH(vm, bm);
        view(bm, &x);
        view(b, &e);
        view(m, &mm);
        BigInt *r = big_alloc(vm, mm.n);
        if (!r) { ROOTS_RESET(vm); return VNULL; }
        view(bm, &x);
        view(b, &e);
        view(m, &mm);
        size_t n = bn_powmod(r->d, x.d, x.n, e.d, e.n, mm.d, mm.n);
        if (n == BN_NOMEM) { ROOTS_RESET(vm); return vm_raise_nomem(vm); }
        Value res = big_finish(r, false, n);
        /* result has the sign of m (Python's %): bn_powmod gives [0, |m|) */
        if (int_sign(m) < 0 && int_sign(res) != 0) {
            ROOT_PUSH(vm, res);
            res = int_binop(vm, NB_ADD, res, m);
        }
        ROOTS_RESET(vm);
        return res;
    }
    if (int_sign(b) < 0) {
        bool ok;
        double x = int_to_double(vm, a, &ok);
        if (!ok) return VNULL;
        double y = int_to_double(vm, b, &ok);
        if (!ok) return VNULL;
        if (x == 0.0) return vm_raise(vm, &exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return v_from_float(pow(x, y));
    }
    if (v_both_int(a, b)) {
        int64_t x = v_int(a), y = v_int(b), r = 1;
        bool ovf = false;
        int64_t base = x;
        int64_t e = y;
        while (e > 0 && !ovf) {
            if (e & 1) ovf |= __builtin_mul_overflow(r, base, &r);
            e >>= 1;
            if (e) ovf |= __builtin_mul_overflow(base, base, &base);
        }
        if (!ovf) return int_from_i64(vm, r);
        if (x == 0 || x == 1) return v_from_small(x);
        if (x == -1) return v_from_small((y & 1) ? -1 : 1);
    }
    /* big: square and multiply */
    int64_t e;
    if (!int_to_i64(b, &e)) {
        int c0 = int_compare(a, v_from_small(0));
        if (c0 == 0 || int_compare(a, v_from_small(1)) == 0) return a;
        if (int_compare(a, v_from_small(-1)) == 0) {
            IntView bv;
            view(b, &bv);
            return v_from_small((bv.d[0] & 1) ? -1 : 1);
        }
        return vm_raise_nomem(vm);
    }
    IntView av;
    view(a, &av);
    uint64_t bits = bn_bit_length(av.d, av.n);
    if (bits && (double)bits * (double)e > 8.0e9) return vm_raise_nomem(vm);
    ROOTS_MARK(vm);
    Value result = v_from_small(1), base = a;
    ROOT_PUSH(vm, result);
    ROOT_PUSH(vm, base);
    int32_t rs = vm->nroots - 2;
    while (e > 0) {
        if (e & 1) {
            result = int_binop(vm, NB_MUL, result, base);
            if (!result) { ROOTS_RESET(vm); return VNULL; }
            vm->roots[rs] = result;
        }
        e >>= 1;
        if (e) {
            base = int_binop(vm, NB_MUL, base, base);
            if (!base) { ROOTS_RESET(vm); return VNULL; }
            vm->roots[rs + 1] = base;
        }
    }
    ROOTS_RESET(vm);
    return result;
}

/* ---- type slots (operands may be any intlike: bool, subclasses) ---- */
#define BOTH_INTS(a, b) (v_is_intlike(a) && v_is_intlike(b))

static Value nb_generic(VM *vm, Value a, Value b, int op) {
    if (!BOTH_INTS(a, b)) return V_NOTIMPL;
    return int_binop(vm, op, v_int_value(a), v_int_value(b));
}
#define NB_FN(name, op) static Value name(VM *vm, Value a, Value b) { return nb_generic(vm, a, b, op); }
NB_FN(int_add, NB_ADD)
NB_FN(int_sub, NB_SUB)
NB_FN(int_mul, NB_MUL)
NB_FN(int_floordiv, NB_FLOORDIV)
NB_FN(int_mod, NB_MOD)
NB_FN(int_lshift, NB_LSHIFT)
NB_FN(int_rshift, NB_RSHIFT)
NB_FN(int_and, NB_AND)
NB_FN(int_or, NB_OR)
NB_FN(int_xor, NB_XOR)
NB_FN(int_div, NB_TRUEDIV)
NB_FN(int_pow2, NB_POW)

static Value int_pow3(VM *vm, Value a, Value b, Value c) {
    if (!BOTH_INTS(a, b)) return V_NOTIMPL;
    if (c == V_NONE || !c) return int_binop(vm, NB_POW, v_int_value(a), v_int_value(b));
    if (!v_is_intlike(c))
        return vm_raise(vm, &exc_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    return int_pow(vm, v_int_value(a), v_int_value(b), v_int_value(c));
}

static Value int_divmod_slot(VM *vm, Value a, Value b) {
    if (!BOTH_INTS(a, b)) return V_NOTIMPL;
    a = v_int_value(a);
    b = v_int_value(b);
    Value q, m;
    if (v_both_int(a, b)) {
        int64_t y = v_int(b);
        if (y == 0) return vm_raise(vm, &exc_ZeroDivisionError, "integer division or modulo by zero");
        q = int_from_i64(vm, floordiv64(v_int(a), y));
        m = v_from_small(mod64(v_int(a), y));
    } else if (!big_divmod(vm, a, b, &q, &m)) {
        return VNULL;
    }
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, q);
    ROOT_PUSH(vm, m);
    Value t = tuple_pack(vm, 2, q, m);
    ROOTS_RESET(vm);
    return t;
}

static Value int_neg(VM *vm, Value a) {
    a = v_int_value(a);
    if (v_is_int(a)) return int_from_i64(vm, -v_int(a));
    IntView x;
    view(a, &x);
    return int_from_digits(vm, !x.neg, x.d, x.n);
}

static Value int_pos(VM *vm, Value a) { (void)vm; return v_int_value(a); }

static Value int_abs(VM *vm, Value a) {
    a = v_int_value(a);
    if (int_sign(a) < 0) return int_neg(vm, a);
    return a;
}

static Value int_invert(VM *vm, Value a) {
    a = v_int_value(a);
    if (v_is_int(a)) return int_from_i64(vm, ~v_int(a));
    Value n = int_neg(vm, a);
    if (!n) return VNULL;
    return int_binop(vm, NB_SUB, n, v_from_small(1));
}

static int int_bool(VM *vm, Value a) { (void)vm; return int_sign(a) != 0; }

static Value int_richcompare(VM *vm, Value a, Value b, int op) {
    (void)vm;
    if (!BOTH_INTS(a, b)) {
        /* int vs float is handled by float's slot (reflected) */
        return V_NOTIMPL;
    }
    int c = int_compare(a, b);
    switch (op) {
    case CMP_LT_OP: return v_bool(c < 0);
    case CMP_LE_OP: return v_bool(c <= 0);
    case CMP_EQ_OP: return v_bool(c == 0);
    case CMP_NE_OP: return v_bool(c != 0);
    case CMP_GT_OP: return v_bool(c > 0);
    default: return v_bool(c >= 0);
    }
}

static int64_t int_hash_slot(VM *vm, Value a) { (void)vm; return int_hash(a); }
static Value int_repr(VM *vm, Value a) { return int_to_str(vm, a, 10); }
static Value int_index_slot(VM *vm, Value a) { (void)vm; return v_int_value(a); }
static Value int_float_slot(VM *vm, Value a) {
    bool ok;
    double d = int_to_double(vm, a, &ok);
    return ok ? v_from_float(d) : VNULL;
}

static Value int_new_fn(VM *vm, Type *t, Value *args, int nargs, Value kwnames);

/* ---- methods ---- */
#define SELF args[0]
#define M(name) static Value name(VM *vm, Value *args, int nargs, Value kw)
#define UNUSED (void)nargs; (void)kw

M(m_bit_length) {
    UNUSED;
    IntView x;
    view(v_int_value(SELF), &x);
    return int_from_u64(vm, bn_bit_length(x.d, x.n));
}

M(m_bit_count) {
    UNUSED;
    IntView x;
    view(v_int_value(SELF), &x);
    uint64_t c = 0;
    for (size_t i = 0; i < x.n; i++) c += (uint64_t)__builtin_popcount(x.d[i]);
    return int_from_u64(vm, c);
}

M(m_conjugate) { UNUSED; (void)vm; return v_int_value(SELF); }

M(m_as_integer_ratio) { UNUSED; return tuple_pack(vm, 2, v_int_value(SELF), v_from_small(1)); }

M(m_to_bytes) {
    static const char *const names[] = {"length", "byteorder", "signed", NULL};
    Value out[3];
    if (!vm_parse_args(vm, "to_bytes", args + 1, nargs - 1, kw, names, 0, 0, out)) return VNULL;
    int64_t length = 1;
    if (out[0] && !vm_index_i64(vm, out[0], &length, NULL)) return VNULL;
    if (length < 0) return vm_raise(vm, &exc_ValueError, "length argument must be non-negative");
    bool little = false;
    if (out[1]) {
        if (!IS_STR(out[1])) return vm_raise(vm, &exc_TypeError, "to_bytes() argument 'byteorder' must be str, not %T", out[1]);
        if (!strcmp(str_cstr(out[1]), "little")) little = true;
        else if (strcmp(str_cstr(out[1]), "big")) return vm_raise(vm, &exc_ValueError, "byteorder must be either 'little' or 'big'");
    }
    int sgn = 0;
    if (out[2]) {
        sgn = vm_truthy(vm, out[2]);
        if (sgn < 0) return VNULL;
    }
    Value v = v_int_value(SELF);
    if (!sgn && int_sign(v) < 0) return vm_raise(vm, &exc_OverflowError, "can't convert negative int to unsigned");
    IntView x;
    view(v, &x);
    unsigned char *buf = calloc((size_t)length + 1, 1);
    if (!buf) return vm_raise_nomem(vm);
    /* two's complement little-endian */
    bool carry = true;
    for (int64_t i = 0; i < length; i++) {
        size_t di = (size_t)i / 4;
        unsigned byte = di < x.n ? (x.d[di] >> ((i % 4) * 8)) & 0xFF : 0;
        if (x.neg) {
            byte = (~byte) & 0xFF;
            if (carry) { byte = (byte + 1) & 0xFF; carry = byte == 0; }
        }
        buf[i] = (unsigned char)byte;
    }
    /* overflow check: remaining magnitude bits */
    uint64_t bits = bn_bit_length(x.d, x.n);
    bool ovf;
    if (!sgn) ovf = bits > (uint64_t)length * 8;
    else if (!x.neg) ovf = bits + 1 > (uint64_t)length * 8 && bits > 0;
    else {
        /* -2^(8L-1) fits */
        ovf = bits > (uint64_t)length * 8;
        if (!ovf && bits == (uint64_t)length * 8) {
            /* exactly a power of two fits, others don't */
            bool pow2 = true;
            uint64_t top = bits - 1;
            for (size_t i = 0; i < x.n && pow2; i++) {
                bn_digit want = (top / 32 == i) ? (bn_digit)(1u << (top % 32)) : 0;
                if (x.d[i] != want) pow2 = false;
            }
            ovf = !pow2;
        }
    }
    if (ovf) { free(buf); return vm_raise(vm, &exc_OverflowError, "int too big to convert"); }
    if (!little) {
        for (int64_t i = 0, j = length - 1; i < j; i++, j--) { unsigned char t = buf[i]; buf[i] = buf[j]; buf[j] = t; }
    }
    Value r = bytes_new(vm, buf, (size_t)length);
    free(buf);
    return r;
}

M(m_from_bytes) {
    static const char *const names[] = {"bytes", "byteorder", "signed", NULL};
    Value out[3];
    if (!vm_parse_args(vm, "from_bytes", args + 1, nargs - 1, kw, names, 0, 1, out)) return VNULL;
    bool little = false;
    if (out[1]) {
        if (!IS_STR(out[1])) return vm_raise(vm, &exc_TypeError, "from_bytes() argument 'byteorder' must be str, not %T", out[1]);
        if (!strcmp(str_cstr(out[1]), "little")) little = true;
        else if (strcmp(str_cstr(out[1]), "big")) return vm_raise(vm, &exc_ValueError, "byteorder must be either 'little' or 'big'");
    }
    int sgn = 0;
    if (out[2]) { sgn = vm_truthy(vm, out[2]); if (sgn < 0) return VNULL; }
    const unsigned char *p;
    size_t n;
    Value tmp = VNULL;
    ROOTS_MARK(vm);
    if (!bytes_like(vm, out[0], &p, &n)) {
        if (IS_STR(out[0])) return vm_raise(vm, &exc_TypeError, "cannot convert 'str' object to bytes");
        Value bcall = vm_call1(vm, v_from_ptr(&type_bytes), out[0]);
        if (!bcall) return VNULL;
        tmp = bcall;
        ROOT_PUSH(vm, tmp);
        bytes_like(vm, tmp, &p, &n);
    }
    size_t nd = n / 4 + 1;
    bn_digit *d = calloc(nd, sizeof(bn_digit));
    if (!d) { ROOTS_RESET(vm); return vm_raise_nomem(vm); }
    for (size_t i = 0; i < n; i++) {
        unsigned char byte = little ? p[i] : p[n - 1 - i];
        d[i / 4] |= (bn_digit)byte << ((i % 4) * 8);
    }
    bool neg = false;
    if (sgn && n > 0 && ((little ? p[n - 1] : p[0]) & 0x80)) {
        /* negative: value - 2^(8n) => magnitude = 2^(8n) - value = ~value + 1 (in n bytes) */
        neg = true;
        bool carry = true;
        for (size_t i = 0; i < nd; i++) {
            uint64_t limit_mask = 0xFFFFFFFFu;
            if (i == n / 4) limit_mask = (n % 4) ? ((1u << ((n % 4) * 8)) - 1) : 0;
            if (i > n / 4) limit_mask = 0;
            uint64_t v = (~d[i]) & limit_mask;
            if (carry) { v += 1; carry = (v >> 32) != 0 || (limit_mask != 0xFFFFFFFFu && v > limit_mask); if (limit_mask != 0xFFFFFFFFu) v &= limit_mask; }
            d[i] = (bn_digit)v;
        }
        if (carry) {
            /* value was 0 in n bytes after inversion: magnitude 2^(8n) */
            memset(d, 0, nd * sizeof(bn_digit));
            d[n / 4] |= (bn_digit)1 << ((n % 4) * 8);
        }
    }
    Value r = int_from_digits(vm, neg, d, nd);
    free(d);
    ROOTS_RESET(vm);
    if (!r) return VNULL;
    if (SELF != v_from_ptr(&type_int)) return vm_call1(vm, SELF, r);
    return r;
}

M(m_round) {
    (void)kw;
    Value v = v_int_value(SELF);
    if (nargs < 2 || args[1] == V_NONE) return v;
    Value nd = vm_index(vm, args[1]);
    if (!nd) return VNULL;
    if (int_sign(nd) >= 0) return v;
    /* round to 10**(-nd), half to even */
    ROOTS_MARK(vm);
    Value negnd = int_neg(vm, nd);
    if (!negnd) return VNULL;
    ROOT_PUSH(vm, negnd);
    Value p = int_binop(vm, NB_POW, v_from_small(10), negnd);
    if (!p) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, p);
    Value q, r;
    if (!big_divmod(vm, v, p, &q, &r)) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, q);
    ROOT_PUSH(vm, r);
    Value twice = int_binop(vm, NB_MUL, r, v_from_small(2));
    if (!twice) { ROOTS_RESET(vm); return VNULL; }
    int c = int_compare(twice, p);
    IntView qv;
    view(q, &qv);
    bool odd = qv.n && (qv.d[0] & 1);
    if (c > 0 || (c == 0 && odd)) {
        q = int_binop(vm, NB_ADD, q, v_from_small(1));
        if (!q) { ROOTS_RESET(vm); return VNULL; }
    }
    Value res = int_binop(vm, NB_MUL, q, p);
    ROOTS_RESET(vm);
    return res;
}

M(m_trunc) { UNUSED; (void)vm; return v_int_value(SELF); }

M(m_format) {
    UNUSED;
    return vm_format_value(vm, v_int_value(SELF), args[1]);
}

M(m_getnewargs) { UNUSED; return tuple_pack(vm, 1, v_int_value(SELF)); }

M(m_sizeof) {
    UNUSED; (void)vm;
    Value v = v_int_value(SELF);
    if (v_is_int(v)) return v_from_small(28);
    IntView x;
    view(v, &x);
    return v_from_small(24 + (int64_t)x.n * 4);
}

static Value g_real(VM *vm, Value o) { (void)vm; return v_int_value(o); }
static Value g_imag(VM *vm, Value o) { (void)vm; (void)o; return v_from_small(0); }
static Value g_denominator(VM *vm, Value o) { (void)vm; (void)o; return v_from_small(1); }

static const MethodDef int_methods[] = {
    {"bit_length", m_bit_length, 1, 1, 0, NULL},
    {"bit_count", m_bit_count, 1, 1, 0, NULL},
    {"conjugate", m_conjugate, 1, 1, 0, NULL},
    {"as_integer_ratio", m_as_integer_ratio, 1, 1, 0, NULL},
    {"to_bytes", m_to_bytes, 1, -1, MF_KW, NULL},
    {"from_bytes", m_from_bytes, 1, -1, MF_KW | MF_CLASS, NULL},
    {"__round__", m_round, 1, 2, 0, NULL},
    {"__trunc__", m_trunc, 1, 1, 0, NULL},
    {"__floor__", m_trunc, 1, 1, 0, NULL},
    {"__ceil__", m_trunc, 1, 1, 0, NULL},
    {"__index__", m_trunc, 1, 1, 0, NULL},
    {"__int__", m_trunc, 1, 1, 0, NULL},
    {"__format__", m_format, 2, 2, 0, NULL},
    {"__getnewargs__", m_getnewargs, 1, 1, 0, NULL},
    {"__sizeof__", m_sizeof, 1, 1, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};

static const GetSetDef int_getsets[] = {
    {"real", g_real, NULL, NULL}, {"imag", g_imag, NULL, NULL},
    {"numerator", g_real, NULL, NULL}, {"denominator", g_denominator, NULL, NULL},
    {NULL, NULL, NULL, NULL}
};

/* int(x=0) / int(x, base=10) */
Value vm_number_to_int(VM *vm, Value x) {
    if (v_is_intlike(x)) return v_int_value(x);
    if (v_is_float(x)) return int_from_double(vm, v_float(x));
    Type *t = v_type(x);
    if (t->nb_int) {
        Value r = t->nb_int(vm, x);
        if (!r) return VNULL;
        if (!v_is_intlike(r))
            return vm_raise(vm, &exc_TypeError, "__int__ returned non-int (type %s)", v_type(r)->name);
        return v_int_value(r);
    }
    if (t->nb_index) {
        Value r = t->nb_index(vm, x);
        if (!r) return VNULL;
        if (!v_is_intlike(r))
            return vm_raise(vm, &exc_TypeError, "__index__ returned non-int (type %s)", v_type(r)->name);
        return v_int_value(r);
    }
    Value tr = vm_lookup_special(vm, x, NM(__trunc__));
    if (tr) {
        Value r = vm_call0(vm, tr);
        if (!r) return VNULL;
        if (v_is_intlike(r)) return v_int_value(r);
        return vm_number_to_int(vm, r);
    }
    if (vm->exc) return VNULL;
    if (IS_STR(x)) return int_parse(vm, str_cstr(x), (size_t)str_len(x), 10);
    const unsigned char *p;
    size_t n;
    if (bytes_like(vm, x, &p, &n)) return parse_bytes(vm, x, p, n, 10);
    return vm_raise(vm, &exc_TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                    t->name);
}

static Value int_new_fn(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    static const char *const names[] = {"", "base", NULL};
    Value out[2];
    if (!vm_parse_args(vm, "int", args, nargs, kwnames, names, 1, 0, out)) return VNULL;
    Value r;
    if (!out[0]) {
        if (out[1]) return vm_raise(vm, &exc_TypeError, "int() missing string argument");
        r = v_from_small(0);
    } else if (!out[1]) {
        r = vm_number_to_int(vm, out[0]);
    } else {
        int64_t base;
        if (!vm_index_i64(vm, out[1], &base, NULL)) return VNULL;
        if (base != 0 && (base < 2 || base > 36)) return vm_raise(vm, &exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        const unsigned char *p;
        size_t n;
        if (IS_STR(out[0])) r = int_parse(vm, str_cstr(out[0]), (size_t)str_len(out[0]), (int)base);
        else if (bytes_like(vm, out[0], &p, &n)) r = parse_bytes(vm, out[0], p, n, (int)base);
        else return vm_raise(vm, &exc_TypeError, "int() can't convert non-string with explicit base");
    }
    if (!r || t == &type_int) return r;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, r);
    Value o = instance_alloc(vm, t);
    ROOTS_RESET(vm);
    if (!o) return VNULL;
    AS(BoxedInt, o)->value = r;
    return o;
}

/* Layout of int-subclass instances (and bool): a BoxedInt. */
static void boxedint_trace(GcTracer *g, Obj *o) { gc_mark_value(g, ((BoxedInt *)o)->value); }

/* ---- bool ---- */
static Value bool_repr(VM *vm, Value a) { (void)vm; return a == V_TRUE ? NM(True) : NM(False); }

static Value bool_new_fn(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    (void)t;
    if (kwnames && tuple_len(kwnames)) return vm_raise(vm, &exc_TypeError, "bool() takes no keyword arguments");
    if (nargs > 1) return vm_raise(vm, &exc_TypeError, "bool expected at most 1 argument, got %d", nargs);
    if (nargs == 0) return V_FALSE;
    int r = vm_truthy(vm, args[0]);
    if (r < 0) return VNULL;
    return v_bool(r);
}

static Value bool_bitop(VM *vm, Value a, Value b, int op) {
    if (v_is_type(a, &type_bool) && v_is_type(b, &type_bool)) {
        bool x = a == V_TRUE, y = b == V_TRUE;
        return v_bool(op == NB_AND ? (x & y) : op == NB_OR ? (x | y) : (x ^ y));
    }
    return nb_generic(vm, a, b, op);
}
static Value bool_and(VM *vm, Value a, Value b) { return bool_bitop(vm, a, b, NB_AND); }
static Value bool_or(VM *vm, Value a, Value b) { return bool_bitop(vm, a, b, NB_OR); }
static Value bool_xor(VM *vm, Value a, Value b) { return bool_bitop(vm, a, b, NB_XOR); }

#define STATIC_HDR {{0}, OBJ_STATIC, 0, &type_type}
#define INT_SLOTS \
    .tp_repr = int_repr, .tp_hash = int_hash_slot, .tp_richcompare = int_richcompare, .tp_bool = int_bool, \
    .nb = {[NB_ADD] = int_add, [NB_SUB] = int_sub, [NB_MUL] = int_mul, [NB_TRUEDIV] = int_div, \
           [NB_FLOORDIV] = int_floordiv, [NB_MOD] = int_mod, [NB_POW] = int_pow2, [NB_LSHIFT] = int_lshift, \
           [NB_RSHIFT] = int_rshift, [NB_AND] = int_and, [NB_OR] = int_or, [NB_XOR] = int_xor}, \
    .nb_pow3 = int_pow3, .nb_divmod = int_divmod_slot, .nb_neg = int_neg, .nb_pos = int_pos, .nb_abs = int_abs, \
    .nb_invert = int_invert, .nb_int = int_pos, .nb_float = int_float_slot, .nb_index = int_index_slot

/* Objects whose header says `int` are BigInts (they hold no references);
 * instances of int subclasses are BoxedInts (trace_layout). */
Type type_int = { .base = STATIC_HDR, .name = "int", .basicsize = sizeof(BoxedInt), .flags = TF_BASETYPE | TF_INT_SUBCLASS,
                  .trace = NULL, .trace_layout = boxedint_trace, .tp_new = int_new_fn, INT_SLOTS };
Type type_bool = { .base = STATIC_HDR, .name = "bool", .basicsize = sizeof(BoxedInt), .flags = TF_INT_SUBCLASS,
                   .trace = boxedint_trace, .tp_new = bool_new_fn, INT_SLOTS };

BoxedInt vm_true = {{{0}, OBJ_STATIC, 0, &type_bool}, 0};
BoxedInt vm_false = {{{0}, OBJ_STATIC, 0, &type_bool}, 0};

void int_init_types(void) {
    vm_true.value = v_from_small(1);
    vm_false.value = v_from_small(0);
    type_ready(&type_int);
    type_add_methods(&type_int, int_methods);
    type_add_getsets(&type_int, int_getsets);
    type_bool.base_type = &type_int;
    type_bool.tp_repr = bool_repr;
    type_bool.nb[NB_AND] = bool_and;
    type_bool.nb[NB_OR] = bool_or;
    type_bool.nb[NB_XOR] = bool_xor;
    type_ready(&type_bool);
}
