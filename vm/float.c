/* float.c - float (unboxed in Values) and complex.
 *
 * A float Value is the double itself (value.h); float subclass instances
 * are BoxedFloat objects.  Arithmetic follows CPython's floatobject.c
 * exactly where results are visible: floor division and modulo signs, the
 * numeric hash shared with int, exact int/float comparison, errors.
 * complex follows complexobject.c: Smith's division, c_powi for small
 * integral exponents and the polar form otherwise, with CPython's mapping of
 * libm errors (EDOM -> ZeroDivisionError, an infinite result ->
 * OverflowError), and complex(str) parsed as complex_from_string_inner.
 * No errno is read: the error conditions are derived from the values.
 */
#include "vm.h"
#include "numfmt.h"
#include "unicode_db.h"
#include <math.h>
#include <float.h>
#include <string.h>
#include <stdlib.h>

#define HASH_BITS 61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)
#define HASH_INF 314159

bool v_is_floatlike(Value v) {
    return v_is_float(v) || (v_is_obj(v) && (OBJ(v)->type->flags & TF_FLOAT_SUBCLASS));
}

double v_float_value(Value v) {
    if (v_is_float(v)) return v_float(v);
    return AS(BoxedFloat, v)->value;
}

int64_t float_hash(double v) {
    if (!isfinite(v)) {
        if (isinf(v)) return v > 0 ? HASH_INF : -HASH_INF;
        return 0;
    }
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) { sign = -1; m = -m; }
    uint64_t x = 0, y;
    while (m) {
        x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
        m *= 268435456.0;
        e -= 28;
        y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MODULUS) x -= HASH_MODULUS;
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
    x = x * (uint64_t)(int64_t)sign;
    if (x == (uint64_t)-1) x = (uint64_t)-2;
    return (int64_t)x;
}

Value float_repr(VM *vm, double d) {
    char buf[40];
    size_t n = nf_repr_double(d, buf);
    return str_new_ascii_or_utf8(vm, buf, n, (int64_t)n);
}

/* Convert a numeric operand to double; false (no exception) if not numeric. */
static bool as_double(VM *vm, Value v, double *out, bool *err) {
    *err = false;
    if (v_is_float(v)) { *out = v_float(v); return true; }
    if (v_is_int(v)) { *out = (double)v_int(v); return true; }
    if (v_is_floatlike(v)) { *out = v_float_value(v); return true; }
    if (v_is_intlike(v)) {
        bool ok;
        *out = int_to_double(vm, v, &ok);
        if (!ok) *err = true;
        return ok;
    }
    return false;
}

bool v_to_double(VM *vm, Value v, double *out) {
    bool err;
    if (as_double(vm, v, out, &err)) return true;
    if (err) return false;
    Type *t = v_type(v);
    if (t->nb_float) {
        Value r = t->nb_float(vm, v);
        if (!r) return false;
        if (!v_is_floatlike(r)) {
            vm_raise(vm, &exc_TypeError, "%s.__float__ returned non-float (type %s)", t->name, v_type(r)->name);
            return false;
        }
        *out = v_float_value(r);
        return true;
    }
    if (t->nb_index) {
        Value r = t->nb_index(vm, v);
        if (!r) return false;
        bool ok;
        *out = int_to_double(vm, r, &ok);
        return ok;
    }
    vm_raise(vm, &exc_TypeError, "must be real number, not %s", t->name);
    return false;
}

static void float_divmod_raw(double vx, double wx, double *floordiv, double *mod) {
    double div;
    *mod = fmod(vx, wx);
    div = (vx - *mod) / wx;
    if (*mod) {
        if ((wx < 0) != (*mod < 0)) {
            *mod += wx;
            div -= 1.0;
        }
    } else {
        *mod = copysign(0.0, wx);
    }
    if (div) {
        *floordiv = floor(div);
        if (div - *floordiv > 0.5) *floordiv += 1.0;
    } else {
        *floordiv = copysign(0.0, vx / wx);
    }
}

Value complex_pow_values(VM *vm, double ar, double ai, double br, double bi);
Value complex_format_method(VM *vm, Value self, Value spec);   /* strformat.c */

/* CPython's PyErr_SetFromErrno(PyExc_OverflowError) for ERANGE. */
static Value raise_erange(VM *vm) {
    Value a[2];
    a[0] = v_from_small(34);
    a[1] = str_from_cstr(vm, "Numerical result out of range");
    if (!a[1]) return VNULL;
    Value e = exc_new(vm, &exc_OverflowError, a, 2);
    return e ? vm_raise_value(vm, e) : VNULL;
}

static Value float_pow_raw(VM *vm, double iv, double iw) {
    if (iw == 0) return v_from_float(1.0);
    if (isnan(iv)) return v_from_float(iw == 0 ? 1.0 : iv);
    if (isnan(iw)) return v_from_float(iv == 1.0 ? 1.0 : iw);
    if (isinf(iw)) {
        iv = fabs(iv);
        if (iv == 1.0) return v_from_float(1.0);
        else if ((iw > 0.0) == (iv > 1.0)) return v_from_float(fabs(iw));
        else return v_from_float(0.0);
    }
    if (isinf(iv)) {
        bool iw_is_odd = fmod(fabs(iw), 2.0) == 1.0;
        if (iw > 0.0) return v_from_float(iw_is_odd ? iv : fabs(iv));
        else return v_from_float(iw_is_odd ? copysign(0.0, iv) : 0.0);
    }
    if (iv == 0.0) {
        bool iw_is_odd = fmod(fabs(iw), 2.0) == 1.0;
        if (iw < 0.0) return vm_raise(vm, &exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return v_from_float(iw_is_odd ? iv : 0.0);
    }
    bool negate_result = false;
    if (iv < 0.0) {
        if (iw != floor(iw)) return complex_pow_values(vm, iv, 0.0, iw, 0.0);
        iv = -iv;
        negate_result = fmod(fabs(iw), 2.0) == 1.0;
    }
    if (iv == 1.0) return v_from_float(negate_result ? -1.0 : 1.0);
    double ix = pow(iv, iw);
    if (isinf(ix)) return raise_erange(vm);
    return v_from_float(negate_result ? -ix : ix);
}

Value float_binop(VM *vm, int op, double a, double b) {
    switch (op) {
    case NB_ADD: return v_from_float(a + b);
    case NB_SUB: return v_from_float(a - b);
    case NB_MUL: return v_from_float(a * b);
    case NB_TRUEDIV:
        if (b == 0.0) return vm_raise(vm, &exc_ZeroDivisionError, "float division by zero");
        return v_from_float(a / b);
    case NB_FLOORDIV: {
        if (b == 0.0) return vm_raise(vm, &exc_ZeroDivisionError, "float floor division by zero");
        double q, m;
        float_divmod_raw(a, b, &q, &m);
        return v_from_float(q);
    }
    case NB_MOD: {
        if (b == 0.0) return vm_raise(vm, &exc_ZeroDivisionError, "float modulo");
        double m = fmod(a, b);
        if (m) {
            if ((b < 0) != (m < 0)) m += b;
        } else {
            m = copysign(0.0, b);
        }
        return v_from_float(m);
    }
    case NB_POW: return float_pow_raw(vm, a, b);
    default: return V_NOTIMPL;
    }
}

static Value float_nb(VM *vm, Value a, Value b, int op) {
    double x, y;
    bool err;
    if (!as_double(vm, a, &x, &err)) return err ? VNULL : V_NOTIMPL;
    if (!as_double(vm, b, &y, &err)) return err ? VNULL : V_NOTIMPL;
    return float_binop(vm, op, x, y);
}
#define FNB(name, op) static Value name(VM *vm, Value a, Value b) { return float_nb(vm, a, b, op); }
FNB(f_add, NB_ADD)
FNB(f_sub, NB_SUB)
FNB(f_mul, NB_MUL)
FNB(f_div, NB_TRUEDIV)
FNB(f_floordiv, NB_FLOORDIV)
FNB(f_mod, NB_MOD)
FNB(f_pow, NB_POW)

static Value f_pow3(VM *vm, Value a, Value b, Value c) {
    if (c && c != V_NONE) return vm_raise(vm, &exc_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    return float_nb(vm, a, b, NB_POW);
}

static Value f_divmod(VM *vm, Value a, Value b) {
    double x, y;
    bool err;
    if (!as_double(vm, a, &x, &err)) return err ? VNULL : V_NOTIMPL;
    if (!as_double(vm, b, &y, &err)) return err ? VNULL : V_NOTIMPL;
    if (y == 0.0) return vm_raise(vm, &exc_ZeroDivisionError, "float divmod()");
    double q, m;
    float_divmod_raw(x, y, &q, &m);
    return tuple_pack(vm, 2, v_from_float(q), v_from_float(m));
}

static Value f_neg(VM *vm, Value a) { (void)vm; return v_from_float(-v_float_value(a)); }
static Value f_pos(VM *vm, Value a) { (void)vm; return v_from_float(v_float_value(a)); }
static Value f_abs(VM *vm, Value a) { (void)vm; return v_from_float(fabs(v_float_value(a))); }
static int f_bool(VM *vm, Value a) { (void)vm; return v_float_value(a) != 0.0; }
static Value f_int(VM *vm, Value a) { return int_from_double(vm, v_float_value(a)); }
static Value f_float(VM *vm, Value a) { (void)vm; return v_from_float(v_float_value(a)); }
static int64_t f_hash(VM *vm, Value a) { (void)vm; return float_hash(v_float_value(a)); }
static Value f_repr(VM *vm, Value a) { return float_repr(vm, v_float_value(a)); }

/* Exact comparison of a float with an int (CPython's float_richcompare). */
static int cmp_float_int(double x, Value i) {
    Value v = v_int_value(i);
    if (v_is_int(v)) {
        int64_t n = v_int(v);
        double dn = (double)n;           /* exact: |n| < 2^47 */
        return (x > dn) - (x < dn);
    }
    BigInt *b = AS(BigInt, v);
    bool neg = b->size < 0;
    size_t n = (size_t)(neg ? -b->size : b->size);
    return -bn_cmp_double(neg, b->d, n, x);
}

static Value f_richcompare(VM *vm, Value a, Value b, int op) {
    (void)vm;
    double x;
    int c;
    bool unordered = false;
    if (v_is_floatlike(a)) {
        x = v_float_value(a);
        if (v_is_floatlike(b)) {
            double y = v_float_value(b);
            switch (op) {
            case CMP_LT_OP: return v_bool(x < y);
            case CMP_LE_OP: return v_bool(x <= y);
            case CMP_EQ_OP: return v_bool(x == y);
            case CMP_NE_OP: return v_bool(x != y);
            case CMP_GT_OP: return v_bool(x > y);
            default: return v_bool(x >= y);
            }
        }
        if (!v_is_intlike(b)) return V_NOTIMPL;
        if (isnan(x)) unordered = true;
        else c = cmp_float_int(x, b);
    } else {
        /* reflected: a is an int, b a float */
        if (!v_is_intlike(a) || !v_is_floatlike(b)) return V_NOTIMPL;
        x = v_float_value(b);
        if (isnan(x)) unordered = true;
        else c = -cmp_float_int(x, a);
    }
    if (unordered) return v_bool(op == CMP_NE_OP);
    switch (op) {
    case CMP_LT_OP: return v_bool(c < 0);
    case CMP_LE_OP: return v_bool(c <= 0);
    case CMP_EQ_OP: return v_bool(c == 0);
    case CMP_NE_OP: return v_bool(c != 0);
    case CMP_GT_OP: return v_bool(c > 0);
    default: return v_bool(c >= 0);
    }
}

/* ---- float() ---- */
static Value parse_float_text(VM *vm, Value orig, const char *s, size_t len) {
    StrBuf tmp = STRBUF_INIT;
    bool text = IS_STR(orig);       /* bytes: only ASCII digits and spaces count */
    for (size_t i = 0; i < len; i++) {
        if ((unsigned char)s[i] >= 0x80 && !text) {
            len = 0;
            break;
        }
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
            s = tmp.data;
            len = tmp.len;
            break;
        }
    }
    double d;
    bool ok = nf_parse_double(s, len, &d);
    sb_free(&tmp);
    if (!ok) {
        Value r = vm_repr(vm, orig);
        if (!r) return VNULL;
        return vm_raise(vm, &exc_ValueError, "could not convert string to float: %U", r);
    }
    return v_from_float(d);
}

Value vm_number_to_float(VM *vm, Value x) {
    if (v_is_float(x)) return x;
    if (IS_STR(x)) return parse_float_text(vm, x, str_cstr(x), (size_t)str_len(x));
    const unsigned char *p;
    size_t n;
    if (bytes_like(vm, x, &p, &n)) return parse_float_text(vm, x, (const char *)p, n);
    Type *t = v_type(x);
    if (t->nb_float || v_is_intlike(x) || v_is_floatlike(x) || t->nb_index) {
        double d;
        if (!v_to_double(vm, x, &d)) return VNULL;
        return v_from_float(d);
    }
    return vm_raise(vm, &exc_TypeError, "float() argument must be a string or a real number, not '%s'", t->name);
}

static Value float_new_fn(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    if (kwnames && tuple_len(kwnames)) return vm_raise(vm, &exc_TypeError, "float() takes no keyword arguments");
    if (nargs > 1) return vm_raise(vm, &exc_TypeError, "float expected at most 1 argument, got %d", nargs);
    Value r = nargs ? vm_number_to_float(vm, args[0]) : v_from_float(0.0);
    if (!r || t == &type_float) return r;
    Value o = instance_alloc(vm, t);
    if (!o) return VNULL;
    AS(BoxedFloat, o)->value = v_float(r);
    return o;
}

/* ---- methods ---- */
#define SELF args[0]
#define M(name) static Value name(VM *vm, Value *args, int nargs, Value kw)
#define UNUSED (void)nargs; (void)kw

M(m_is_integer) {
    UNUSED; (void)vm;
    double x = v_float_value(SELF);
    return v_bool(isfinite(x) && x == floor(x));
}

M(m_as_integer_ratio) {
    UNUSED;
    double x = v_float_value(SELF);
    if (isinf(x)) return vm_raise(vm, &exc_OverflowError, "cannot convert Infinity to integer ratio");
    if (isnan(x)) return vm_raise(vm, &exc_ValueError, "cannot convert NaN to integer ratio");
    int e;
    double m = frexp(x, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    ROOTS_MARK(vm);
    Value num = int_from_double(vm, m);
    if (!num) return VNULL;
    ROOT_PUSH(vm, num);
    Value den = v_from_small(1);
    Value sh = v_from_small(e < 0 ? -e : e);
    Value p = int_binop(vm, NB_LSHIFT, v_from_small(1), sh);
    if (!p) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, p);
    if (e > 0) {
        num = int_binop(vm, NB_MUL, num, p);
        if (!num) { ROOTS_RESET(vm); return VNULL; }
        ROOT_PUSH(vm, num);
    } else {
        den = p;
    }
    Value t = tuple_pack(vm, 2, num, den);
    ROOTS_RESET(vm);
    return t;
}

M(m_hex) {
    UNUSED;
    StrBuf sb = STRBUF_INIT;
    nf_double_to_hex(&sb, v_float_value(SELF));
    return str_from_sb(vm, &sb);
}

M(m_fromhex) {
    UNUSED;
    if (!IS_STR(args[1])) return vm_raise(vm, &exc_TypeError, "bad argument type for built-in operation");
    double d;
    if (!nf_double_from_hex(str_cstr(args[1]), (size_t)str_len(args[1]), &d)) {
        if (isinf(d)) return vm_raise(vm, &exc_OverflowError, "hexadecimal value too large to represent as a float");
        return vm_raise(vm, &exc_ValueError, "invalid hexadecimal floating-point string");
    }
    Value r = v_from_float(d);
    if (SELF != v_from_ptr(&type_float)) return vm_call1(vm, SELF, r);
    return r;
}

M(m_conjugate) { UNUSED; (void)vm; return v_from_float(v_float_value(SELF)); }

M(m_trunc) { UNUSED; return int_from_double(vm, v_float_value(SELF)); }
M(m_floor) { UNUSED; return int_from_double(vm, floor(v_float_value(SELF))); }
M(m_ceil) { UNUSED; return int_from_double(vm, ceil(v_float_value(SELF))); }

M(m_round) {
    (void)kw;
    double x = v_float_value(SELF);
    if (nargs < 2 || args[1] == V_NONE) {
        double r = round(x);
        if (fabs(x - trunc(x)) == 0.5) r = 2.0 * round(x / 2.0);
        return int_from_double(vm, r);
    }
    int64_t nd;
    if (!vm_index_i64(vm, args[1], &nd, NULL)) {
        if (vm_exc_matches(vm, &exc_OverflowError)) {
            vm_exc_clear(vm);
            nd = int_sign(args[1]) > 0 ? INT64_MAX / 2 : INT64_MIN / 2;
        } else return VNULL;
    }
    if (!isfinite(x) || x == 0.0) return v_from_float(x);
    bool ovf = false;
    double r = nf_round_double(x, nd, &ovf);
    if (ovf) return vm_raise(vm, &exc_OverflowError, "rounded value too large to represent");
    return v_from_float(r);
}

M(m_format) {
    UNUSED;
    return vm_format_value(vm, v_from_float(v_float_value(SELF)), args[1]);
}

M(m_getnewargs) { UNUSED; return tuple_pack(vm, 1, v_from_float(v_float_value(SELF))); }

static Value g_real(VM *vm, Value o) { (void)vm; return v_from_float(v_float_value(o)); }
static Value g_imag(VM *vm, Value o) { (void)vm; (void)o; return v_from_float(0.0); }

static const MethodDef float_methods[] = {
    {"is_integer", m_is_integer, 1, 1, 0, NULL},
    {"as_integer_ratio", m_as_integer_ratio, 1, 1, 0, NULL},
    {"hex", m_hex, 1, 1, 0, NULL},
    {"fromhex", m_fromhex, 2, 2, MF_CLASS, NULL},
    {"conjugate", m_conjugate, 1, 1, 0, NULL},
    {"__trunc__", m_trunc, 1, 1, 0, NULL},
    {"__int__", m_trunc, 1, 1, 0, NULL},
    {"__floor__", m_floor, 1, 1, 0, NULL},
    {"__ceil__", m_ceil, 1, 1, 0, NULL},
    {"__round__", m_round, 1, 2, 0, NULL},
    {"__format__", m_format, 2, 2, 0, NULL},
    {"__getnewargs__", m_getnewargs, 1, 1, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};

static const GetSetDef float_getsets[] = {
    {"real", g_real, NULL, NULL}, {"imag", g_imag, NULL, NULL}, {NULL, NULL, NULL, NULL}
};

/* ================= complex ================= */
Value complex_new(VM *vm, double re, double im) {
    Complex *c = gc_alloc(vm, &type_complex, sizeof(Complex));
    if (!c) return VNULL;
    c->real = re;
    c->imag = im;
    return v_from_ptr(c);
}

static bool as_complex(VM *vm, Value v, double *re, double *im, bool *err) {
    *err = false;
    if (v_is_obj(v) && v_isinstance_of(v, &type_complex)) {
        *re = AS(Complex, v)->real;
        *im = AS(Complex, v)->imag;
        return true;
    }
    *im = 0.0;
    return as_double(vm, v, re, err);
}

/* CPython's _Py_c_quot (Smith's method); *zero set when b is 0. */
static void c_quot(double ar, double ai, double br, double bi, double *rr, double *ri, bool *zero) {
    double abs_breal = fabs(br), abs_bimag = fabs(bi);
    *zero = false;
    if (abs_breal >= abs_bimag) {
        if (abs_breal == 0.0) {
            *zero = true;
            *rr = *ri = 0.0;
        } else {
            double ratio = bi / br, denom = br + bi * ratio;
            *rr = (ar + ai * ratio) / denom;
            *ri = (ai - ar * ratio) / denom;
        }
    } else if (abs_bimag >= abs_breal) {
        double ratio = br / bi, denom = br * ratio + bi;
        *rr = (ar * ratio + ai) / denom;
        *ri = (ai * ratio - ar) / denom;
    } else {
        *rr = *ri = NAN;            /* at least one of b's parts is a NaN */
    }
}

/* a ** b for complex values, as CPython's complex_pow (c_powi for small
 * integral exponents, _Py_c_pow otherwise); an infinite part is an
 * OverflowError. */
Value complex_pow_values(VM *vm, double ar, double ai, double br, double bi) {
    double rr, ri;
    bool edom = false;
    if (bi == 0.0 && br == floor(br) && fabs(br) <= 100.0) {
        long n = (long)br;
        long e = n < 0 ? -n : n, mask = 1;
        double pr = ar, pi = ai;
        rr = 1.0;
        ri = 0.0;
        while (mask > 0 && e >= mask) {
            if (e & mask) {
                double t = rr * pr - ri * pi;
                ri = rr * pi + ri * pr;
                rr = t;
            }
            mask <<= 1;
            double t = pr * pr - pi * pi;
            pi = pr * pi + pi * pr;
            pr = t;
        }
        if (n <= 0) {
            double qr, qi;
            c_quot(1.0, 0.0, rr, ri, &qr, &qi, &edom);
            rr = qr;
            ri = qi;
        }
    } else if (br == 0.0 && bi == 0.0) {
        rr = 1.0;
        ri = 0.0;
    } else if (ar == 0.0 && ai == 0.0) {
        edom = bi != 0.0 || br < 0.0;
        rr = ri = 0.0;
    } else {
        double vabs = hypot(ar, ai);
        double len = pow(vabs, br);
        double at = atan2(ai, ar);
        double phase = at * br;
        if (bi != 0.0) {
            len /= exp(at * bi);
            phase += bi * log(vabs);
        }
        rr = len * cos(phase);
        ri = len * sin(phase);
        edom = isinf(phase);        /* libm's cos/sin report EDOM, which CPython maps to this error */
    }
    if (edom) return vm_raise(vm, &exc_ZeroDivisionError, "0.0 to a negative or complex power");
    if (isinf(rr) || isinf(ri)) return vm_raise(vm, &exc_OverflowError, "complex exponentiation");
    return complex_new(vm, rr, ri);
}

static Value c_nb(VM *vm, Value a, Value b, int op) {
    double ar, ai, br, bi;
    bool err;
    if (!as_complex(vm, a, &ar, &ai, &err)) return err ? VNULL : V_NOTIMPL;
    if (!as_complex(vm, b, &br, &bi, &err)) return err ? VNULL : V_NOTIMPL;
    switch (op) {
    case NB_ADD: return complex_new(vm, ar + br, ai + bi);
    case NB_SUB: return complex_new(vm, ar - br, ai - bi);
    case NB_MUL: return complex_new(vm, ar * br - ai * bi, ar * bi + ai * br);
    case NB_TRUEDIV: {
        double rr, ri;
        bool zero;
        c_quot(ar, ai, br, bi, &rr, &ri, &zero);
        if (zero) return vm_raise(vm, &exc_ZeroDivisionError, "complex division by zero");
        return complex_new(vm, rr, ri);
    }
    case NB_POW: return complex_pow_values(vm, ar, ai, br, bi);
    default: return V_NOTIMPL;
    }
}
#define CNB(name, op) static Value name(VM *vm, Value a, Value b) { return c_nb(vm, a, b, op); }
CNB(c_add, NB_ADD)
CNB(c_sub, NB_SUB)
CNB(c_mul, NB_MUL)
CNB(c_div, NB_TRUEDIV)
CNB(c_pow, NB_POW)

static Value c_pow3(VM *vm, Value a, Value b, Value c) {
    if (c && c != V_NONE) {
        double r, i;
        bool err;
        if (!as_complex(vm, a, &r, &i, &err) || !as_complex(vm, b, &r, &i, &err)) return err ? VNULL : V_NOTIMPL;
        return vm_raise(vm, &exc_ValueError, "complex modulo");
    }
    return c_nb(vm, a, b, NB_POW);
}

static Value c_neg(VM *vm, Value a) { return complex_new(vm, -AS(Complex, a)->real, -AS(Complex, a)->imag); }
static Value c_pos(VM *vm, Value a) { return complex_new(vm, AS(Complex, a)->real, AS(Complex, a)->imag); }
static Value c_abs(VM *vm, Value a) {
    double r = hypot(AS(Complex, a)->real, AS(Complex, a)->imag);
    if (isinf(r) && isfinite(AS(Complex, a)->real) && isfinite(AS(Complex, a)->imag))
        return vm_raise(vm, &exc_OverflowError, "absolute value too large");
    return v_from_float(r);
}
static int c_bool(VM *vm, Value a) { (void)vm; return AS(Complex, a)->real != 0.0 || AS(Complex, a)->imag != 0.0; }

static int64_t c_hash(VM *vm, Value a) {
    (void)vm;
    uint64_t hr = (uint64_t)float_hash(AS(Complex, a)->real), hi = (uint64_t)float_hash(AS(Complex, a)->imag);
    uint64_t h = hr + 1000003ULL * hi;
    if (h == (uint64_t)-1) h = (uint64_t)-2;
    return (int64_t)h;
}

static Value c_richcompare(VM *vm, Value a, Value b, int op) {
    if (op != CMP_EQ_OP && op != CMP_NE_OP) return V_NOTIMPL;
    double ar, ai, br, bi;
    bool err;
    if (!as_complex(vm, a, &ar, &ai, &err) || !as_complex(vm, b, &br, &bi, &err)) return err ? VNULL : V_NOTIMPL;
    /* exact comparison against big ints */
    if (v_is_intlike(b) || v_is_intlike(a)) {
        Value iv = v_is_intlike(b) ? b : a;
        double re = v_is_intlike(b) ? ar : br, im = v_is_intlike(b) ? ai : bi;
        bool eq = im == 0.0 && !isnan(re) && cmp_float_int(re, iv) == 0;
        return v_bool(op == CMP_EQ_OP ? eq : !eq);
    }
    bool eq = ar == br && ai == bi;
    return v_bool(op == CMP_EQ_OP ? eq : !eq);
}

static void format_part(StrBuf *sb, double x) {
    /* CPython: repr-like with 'r' format but integral values without '.0' */
    char buf[40];
    size_t n = nf_repr_double(x, buf);
    if (n >= 2 && buf[n - 2] == '.' && buf[n - 1] == '0') n -= 2;
    sb_append(sb, buf, n);
}

static Value c_repr(VM *vm, Value a) {
    double re = AS(Complex, a)->real, im = AS(Complex, a)->imag;
    StrBuf sb = STRBUF_INIT;
    if (re == 0.0 && copysign(1.0, re) == 1.0) {
        format_part(&sb, im);
        sb_putc(&sb, 'j');
    } else {
        sb_putc(&sb, '(');
        format_part(&sb, re);
        if (!signbit(im) || isnan(im)) sb_putc(&sb, '+');
        format_part(&sb, im);
        sb_puts(&sb, "j)");
    }
    return str_from_sb(vm, &sb);
}

static inline bool c_isspace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static inline bool c_isdigit(char c) { return c >= '0' && c <= '9'; }

/* Length of the longest prefix of s[0..n) that is a float literal as
 * PyOS_string_to_double reads it (sign, digits with one '.', exponent, or
 * inf/infinity/nan); 0 if none. */
static size_t float_prefix(const char *s, size_t n) {
    size_t i = 0;
    if (i < n && (s[i] == '+' || s[i] == '-')) i++;
    static const char *const words[] = {"infinity", "inf", "nan"};
    for (int w = 0; w < 3; w++) {
        size_t k = strlen(words[w]);
        if (n - i >= k) {
            size_t j = 0;
            while (j < k && (s[i + j] | 32) == words[w][j]) j++;
            if (j == k) return i + k;
        }
    }
    size_t d0 = i;
    while (i < n && c_isdigit(s[i])) i++;
    size_t nd = i - d0;
    if (i < n && s[i] == '.') {
        size_t f0 = ++i;
        while (i < n && c_isdigit(s[i])) i++;
        nd += i - f0;
        if (!nd) return 0;
    }
    if (!nd) return 0;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        size_t j = i + 1;
        if (j < n && (s[j] == '+' || s[j] == '-')) j++;
        size_t e0 = j;
        while (j < n && c_isdigit(s[j])) j++;
        if (j > e0) i = j;
    }
    return i;
}

/* complex(str): CPython's complex_from_string_inner over ASCII text whose
 * underscores were already checked and removed. */
static bool parse_complex(const char *s, size_t n, double *re, double *im) {
    size_t i = 0, k;
    bool bracket = false;
    double x = 0.0, y = 0.0, z;
    while (i < n && c_isspace(s[i])) i++;
    if (i < n && s[i] == '(') {
        bracket = true;
        i++;
        while (i < n && c_isspace(s[i])) i++;
    }
    k = float_prefix(s + i, n - i);
    if (k) {
        if (!nf_parse_double(s + i, k, &z)) return false;
        i += k;
        if (i < n && (s[i] == '+' || s[i] == '-')) {
            x = z;
            k = float_prefix(s + i, n - i);
            if (k) {
                if (!nf_parse_double(s + i, k, &y)) return false;
                i += k;
            } else {
                y = s[i] == '+' ? 1.0 : -1.0;
                i++;
            }
            if (i >= n || (s[i] != 'j' && s[i] != 'J')) return false;
            i++;
        } else if (i < n && (s[i] == 'j' || s[i] == 'J')) {
            i++;
            y = z;
        } else {
            x = z;
        }
    } else {
        if (i < n && (s[i] == '+' || s[i] == '-')) {
            y = s[i] == '+' ? 1.0 : -1.0;
            i++;
        } else {
            y = 1.0;
        }
        if (i >= n || (s[i] != 'j' && s[i] != 'J')) return false;
        i++;
    }
    while (i < n && c_isspace(s[i])) i++;
    if (bracket) {
        if (i >= n || s[i] != ')') return false;
        i++;
        while (i < n && c_isspace(s[i])) i++;
    }
    if (i != n) return false;
    *re = x;
    *im = y;
    return true;
}

/* complex(text): Unicode digits and spaces mapped to ASCII, underscores
 * (only between digits) removed, then parsed.  0: parsed; 1: malformed;
 * 2: a misplaced underscore (CPython's message differs). */
static int complex_from_text(const char *s, size_t n, double *re, double *im) {
    StrBuf t = STRBUF_INIT;
    for (size_t i = 0; i < n;) {
        int l;
        uint32_t c = utf8_decode_at(s + i, &l);
        if (c < 0x80) {
            if (c == '_') {
                if (!t.len || !c_isdigit(t.data[t.len - 1]) || i + 1 >= n || !c_isdigit(s[i + 1])) {
                    sb_free(&t);
                    return 2;
                }
            } else {
                sb_putc(&t, (char)c);
            }
        } else if (ucd_decimal(c) >= 0) {
            sb_putc(&t, (char)('0' + ucd_decimal(c)));
        } else if (ucd_isspace(c)) {
            sb_putc(&t, ' ');
        } else {
            sb_putc(&t, '?');
        }
        i += (size_t)l;
    }
    bool ok = !t.oom && parse_complex(t.data ? t.data : "", t.len, re, im);
    sb_free(&t);
    return ok ? 0 : 1;
}

/* The real part r of complex(r, i) as doubles: a complex gives both parts,
 * anything else must have __float__ or __index__. */
static bool complex_arg(VM *vm, Value v, double *re, double *im, bool *is_complex) {
    *im = 0.0;
    *is_complex = v_is_obj(v) && v_isinstance_of(v, &type_complex);
    if (*is_complex) {
        *re = AS(Complex, v)->real;
        *im = AS(Complex, v)->imag;
        return true;
    }
    return v_to_double(vm, v, re);
}

static Value complex_new_fn(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    static const char *const names[] = {"real", "imag", NULL};
    Value out[2];
    if (!vm_parse_args(vm, "complex", args, nargs, kwnames, names, 0, 0, out)) return VNULL;
    Value r = out[0] ? out[0] : v_from_small(0), i = out[1];
    if (v_is_type(r, &type_complex) && !i && t == &type_complex) return r;
    double re, im;
    if (IS_STR(r)) {
        if (i) return vm_raise(vm, &exc_TypeError, "complex() can't take second arg if first is a string");
        int st = complex_from_text(str_cstr(r), (size_t)str_len(r), &re, &im);
        if (st == 2) return vm_raise(vm, &exc_ValueError, "could not convert string to complex: %R", r);
        if (st) return vm_raise(vm, &exc_ValueError, "complex() arg is a malformed string");
    } else {
        if (i && IS_STR(i)) return vm_raise(vm, &exc_TypeError, "complex() second arg can't be a string");
        ROOTS_MARK(vm);
        Value cm = v_is_obj(r) && !v_is_type(r, &type_complex) ? vm_lookup_special(vm, r, NM(__complex__)) : VNULL;
        if (cm) {
            ROOT_PUSH(vm, cm);
            r = vm_call0(vm, cm);
            ROOTS_RESET(vm);
            if (!r) return VNULL;
            if (!v_is_obj(r) || !v_isinstance_of(r, &type_complex))
                return vm_raise(vm, &exc_TypeError, "__complex__ returned non-complex (type %s)", v_type(r)->name);
        } else if (vm->exc) {
            return VNULL;
        }
        ROOT_PUSH(vm, r);
        Type *tr = v_type(r);
        if (!tr->nb_float && !tr->nb_index && !v_isinstance_of(r, &type_complex) && !v_is_intlike(r) && !v_is_floatlike(r)) {
            ROOTS_RESET(vm);
            return vm_raise(vm, &exc_TypeError, "complex() first argument must be a string or a number, not '%s'", tr->name);
        }
        if (i) {
            Type *ti = v_type(i);
            if (!ti->nb_float && !ti->nb_index && !v_isinstance_of(i, &type_complex) && !v_is_intlike(i) && !v_is_floatlike(i)) {
                ROOTS_RESET(vm);
                return vm_raise(vm, &exc_TypeError, "complex() second argument must be a number, not '%s'", ti->name);
            }
        }
        double ci_re = 0.0, ci_im = 0.0;
        bool cr_complex, ci_complex = false;
        if (!complex_arg(vm, r, &re, &im, &cr_complex)) { ROOTS_RESET(vm); return VNULL; }
        if (!i) ci_re = im;
        else if (!complex_arg(vm, i, &ci_re, &ci_im, &ci_complex)) { ROOTS_RESET(vm); return VNULL; }
        ROOTS_RESET(vm);
        if (ci_complex) re -= ci_im;
        if (cr_complex && i) ci_re += im;
        im = ci_re;
    }
    if (t == &type_complex) return complex_new(vm, re, im);
    Value o = instance_alloc(vm, t);
    if (!o) return VNULL;
    AS(Complex, o)->real = re;
    AS(Complex, o)->imag = im;
    return o;
}

static Value cg_real(VM *vm, Value o) { (void)vm; return v_from_float(AS(Complex, o)->real); }
static Value cg_imag(VM *vm, Value o) { (void)vm; return v_from_float(AS(Complex, o)->imag); }
M(cm_conjugate) { UNUSED; return complex_new(vm, AS(Complex, SELF)->real, -AS(Complex, SELF)->imag); }
M(cm_getnewargs) { UNUSED; return tuple_pack(vm, 2, v_from_float(AS(Complex, SELF)->real), v_from_float(AS(Complex, SELF)->imag)); }
M(cm_complex) {
    UNUSED;
    if (v_type(SELF) == &type_complex) return SELF;
    return complex_new(vm, AS(Complex, SELF)->real, AS(Complex, SELF)->imag);
}
M(cm_format) { UNUSED; return complex_format_method(vm, SELF, args[1]); }

static const MethodDef complex_methods[] = {
    {"conjugate", cm_conjugate, 1, 1, 0, NULL},
    {"__getnewargs__", cm_getnewargs, 1, 1, 0, NULL},
    {"__complex__", cm_complex, 1, 1, 0, NULL},
    {"__format__", cm_format, 2, 2, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};
static const GetSetDef complex_getsets[] = {
    {"real", cg_real, NULL, NULL}, {"imag", cg_imag, NULL, NULL}, {NULL, NULL, NULL, NULL}
};

#define STATIC_HDR {{0}, OBJ_STATIC, 0, &type_type}
Type type_float = {
    .base = STATIC_HDR, .name = "float", .basicsize = sizeof(BoxedFloat), .flags = TF_BASETYPE | TF_FLOAT_SUBCLASS,
    .tp_new = float_new_fn, .tp_repr = f_repr, .tp_hash = f_hash, .tp_richcompare = f_richcompare,
    .tp_bool = f_bool,
    .nb = {[NB_ADD] = f_add, [NB_SUB] = f_sub, [NB_MUL] = f_mul, [NB_TRUEDIV] = f_div,
           [NB_FLOORDIV] = f_floordiv, [NB_MOD] = f_mod, [NB_POW] = f_pow},
    .nb_pow3 = f_pow3, .nb_divmod = f_divmod, .nb_neg = f_neg, .nb_pos = f_pos, .nb_abs = f_abs,
    .nb_int = f_int, .nb_float = f_float,
};
Type type_complex = {
    .base = STATIC_HDR, .name = "complex", .basicsize = sizeof(Complex), .flags = TF_BASETYPE,
    .tp_new = complex_new_fn, .tp_repr = c_repr, .tp_hash = c_hash, .tp_richcompare = c_richcompare,
    .tp_bool = c_bool,
    .nb = {[NB_ADD] = c_add, [NB_SUB] = c_sub, [NB_MUL] = c_mul, [NB_TRUEDIV] = c_div, [NB_POW] = c_pow},
    .nb_pow3 = c_pow3, .nb_neg = c_neg, .nb_pos = c_pos, .nb_abs = c_abs,
};

void float_init_types(void) {
    type_ready(&type_float);
    type_add_methods(&type_float, float_methods);
    type_add_getsets(&type_float, float_getsets);
    type_ready(&type_complex);
    type_add_methods(&type_complex, complex_methods);
    type_add_getsets(&type_complex, complex_getsets);
}
