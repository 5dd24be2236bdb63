/* mod_math.c - the math module (CPython's mathmodule semantics: domain and
 * range errors, exact integer functions on big ints, fsum with exact
 * partials). */
#include "vm.h"
#include <math.h>
#include <float.h>
#include <string.h>
#include <stdlib.h>
#include <errno.h>

#define M(name) static Value name(VM *vm, Value *args, int nargs, Value kw)
#define UNUSED (void)nargs; (void)kw

static Value domain_error(VM *vm) { return vm_raise(vm, &exc_ValueError, "math domain error"); }
static Value range_error(VM *vm) { return vm_raise(vm, &exc_OverflowError, "math range error"); }

static bool arg_double(VM *vm, Value v, double *d) {
    if (v_is_float(v)) { *d = v_float(v); return true; }
    if (v_is_int(v)) { *d = (double)v_int(v); return true; }
    return v_to_double(vm, v, d);
}

/* f(x) with CPython's error rules: a finite input giving nan is a domain
 * error; a finite input giving inf is a range error (unless can_overflow
 * is false, then a domain error). */
static Value unary(VM *vm, Value v, double (*f)(double), bool can_overflow) {
    double x;
    if (!arg_double(vm, v, &x)) return VNULL;
    double r = f(x);
    if (isnan(r) && !isnan(x)) return domain_error(vm);
    if (isinf(r) && isfinite(x)) return can_overflow ? range_error(vm) : domain_error(vm);
    return v_from_float(r);
}

#define UNARY(pyname, cf, ovf) M(m_##pyname) { UNUSED; return unary(vm, args[0], cf, ovf); }
UNARY(sqrt, sqrt, false)
UNARY(exp, exp, true)
UNARY(exp2, exp2, true)
UNARY(expm1, expm1, true)
UNARY(sin, sin, false)
UNARY(cos, cos, false)
UNARY(tan, tan, false)
UNARY(asin, asin, false)
UNARY(acos, acos, false)
UNARY(atan, atan, false)
UNARY(sinh, sinh, true)
UNARY(cosh, cosh, true)
UNARY(tanh, tanh, false)
UNARY(asinh, asinh, false)
UNARY(acosh, acosh, false)
UNARY(atanh, atanh, false)
UNARY(fabs, fabs, false)
UNARY(erf, erf, false)
UNARY(erfc, erfc, false)
UNARY(cbrt, cbrt, false)

M(m_gamma) {
    UNUSED;
    double x;
    if (!arg_double(vm, args[0], &x)) return VNULL;
    if (isnan(x)) return v_from_float(x);
    if (x == floor(x) && x <= 0) return domain_error(vm);
    if (isinf(x)) { if (x < 0) return domain_error(vm); return v_from_float(x); }
    double r = tgamma(x);
    if (isinf(r)) return range_error(vm);
    return v_from_float(r);
}

M(m_lgamma) {
    UNUSED;
    double x;
    if (!arg_double(vm, args[0], &x)) return VNULL;
    if (isnan(x)) return v_from_float(x);
    if (isinf(x)) return v_from_float(INFINITY);
    if (x == floor(x) && x <= 0) return domain_error(vm);
    double r = lgamma(x);
    if (isinf(r)) return range_error(vm);
    return v_from_float(r);
}

/* log of a possibly huge int */
static bool log_arg(VM *vm, Value v, double (*f)(double), double base_log_2, double *out) {
    if (IS_BIGINT(v) || (v_is_intlike(v) && !v_is_int(v))) {
        Value iv = v_int_value(v);
        if (int_sign(iv) <= 0) { domain_error(vm); return false; }
        if (IS_BIGINT(iv)) {
            /* as CPython: the int as a float if it fits, else frexp */
            bool ok;
            double x = int_to_double(vm, iv, &ok);
            if (ok && isfinite(x)) {
                *out = f(x);
                return true;
            }
            vm_exc_clear(vm);
            BigInt *b = AS(BigInt, iv);
            int64_t e;
            double m = bn_frexp(b->d, (size_t)b->size, &e);
            *out = f(m) + (double)e * base_log_2;
            return true;
        }
        v = iv;
    }
    double x;
    if (!arg_double(vm, v, &x)) return false;
    if (x <= 0 || isnan(x)) {
        if (isnan(x)) { *out = x; return true; }
        domain_error(vm);
        return false;
    }
    *out = f(x);
    return true;
}

M(m_log) {
    (void)kw;
    double a;
    if (!log_arg(vm, args[0], log, log(2.0), &a)) return VNULL;
    if (nargs > 1) {
        double b;
        if (!log_arg(vm, args[1], log, log(2.0), &b)) return VNULL;
        if (b == 0.0) return vm_raise(vm, &exc_ZeroDivisionError, "float division by zero");
        return v_from_float(a / b);
    }
    return v_from_float(a);
}
M(m_log2) { UNUSED; double a; if (!log_arg(vm, args[0], log2, 1.0, &a)) return VNULL; return v_from_float(a); }
M(m_log10) { UNUSED; double a; if (!log_arg(vm, args[0], log10, log10(2.0), &a)) return VNULL; return v_from_float(a); }
M(m_log1p) {
    UNUSED;
    double x;
    if (!arg_double(vm, args[0], &x)) return VNULL;
    if (x <= -1.0) return domain_error(vm);
    return v_from_float(log1p(x));
}

M(m_pow) {
    UNUSED;
    double x, y;
    if (!arg_double(vm, args[0], &x) || !arg_double(vm, args[1], &y)) return VNULL;
    double r;
    if (!isfinite(x) || !isfinite(y)) {
        if (isnan(x)) r = y == 0.0 ? 1.0 : x;
        else if (isnan(y)) r = x == 1.0 ? 1.0 : y;
        else if (isinf(x)) {
            bool odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
            if (y > 0.) r = odd_y ? x : fabs(x);
            else if (y == 0.) r = 1.;
            else r = odd_y ? copysign(0., x) : 0.;
        } else {
            if (fabs(x) == 1.0) r = 1.;
            else if (y > 0. && fabs(x) > 1.0) r = y;
            else if (y < 0. && fabs(x) < 1.0) r = -y;
            else r = 0.;
        }
        return v_from_float(r);
    }
    if (x == 0.0 && y < 0.0) return domain_error(vm);
    if (x < 0.0 && y != floor(y)) return domain_error(vm);
    r = pow(x, y);
    if (isinf(r)) return range_error(vm);
    return v_from_float(r);
}

M(m_atan2) {
    UNUSED;
    double y, x;
    if (!arg_double(vm, args[0], &y) || !arg_double(vm, args[1], &x)) return VNULL;
    return v_from_float(atan2(y, x));
}

M(m_fmod) {
    UNUSED;
    double x, y;
    if (!arg_double(vm, args[0], &x) || !arg_double(vm, args[1], &y)) return VNULL;
    if (isinf(y) && isfinite(x)) return v_from_float(x);
    if (y == 0.0 || isinf(x)) { if (isnan(x) || isnan(y)) return v_from_float(NAN); return domain_error(vm); }
    return v_from_float(fmod(x, y));
}

M(m_remainder) {
    UNUSED;
    double x, y;
    if (!arg_double(vm, args[0], &x) || !arg_double(vm, args[1], &y)) return VNULL;
    if (isnan(x) || isnan(y)) return v_from_float(NAN);
    if (isinf(x) || y == 0.0) return domain_error(vm);
    return v_from_float(remainder(x, y));
}

M(m_copysign) {
    UNUSED;
    double x, y;
    if (!arg_double(vm, args[0], &x) || !arg_double(vm, args[1], &y)) return VNULL;
    return v_from_float(copysign(x, y));
}

static Value round_to_int(VM *vm, Value v, double (*f)(double), Value name) {
    if (v_is_intlike(v)) return v_int_value(v);
    if (!v_is_float(v)) {
        Value m = vm_lookup_special(vm, v, name);
        if (m) return vm_call0(vm, m);
        if (vm->exc) return VNULL;
    }
    double x;
    if (!arg_double(vm, v, &x)) return VNULL;
    return int_from_double(vm, f(x));
}
M(m_floor) { UNUSED; return round_to_int(vm, args[0], floor, NM(__floor__)); }
M(m_ceil) { UNUSED; return round_to_int(vm, args[0], ceil, NM(__ceil__)); }
M(m_trunc) {
    UNUSED;
    if (v_is_intlike(args[0])) return v_int_value(args[0]);
    if (v_is_float(args[0])) return int_from_double(vm, trunc(v_float(args[0])));
    Value m = vm_lookup_special(vm, args[0], NM(__trunc__));
    if (m) return vm_call0(vm, m);
    if (vm->exc) return VNULL;
    return vm_raise(vm, &exc_TypeError, "type %s doesn't define __trunc__ method", v_type(args[0])->name);
}

M(m_modf) {
    UNUSED;
    double x;
    if (!arg_double(vm, args[0], &x)) return VNULL;
    if (isinf(x)) return tuple_pack(vm, 2, v_from_float(copysign(0.0, x)), v_from_float(x));
    double ip;
    double fp = modf(x, &ip);
    return tuple_pack(vm, 2, v_from_float(fp), v_from_float(ip));
}

M(m_frexp) {
    UNUSED;
    double x;
    if (!arg_double(vm, args[0], &x)) return VNULL;
    int e = 0;
    double m = (isnan(x) || isinf(x) || x == 0) ? x : frexp(x, &e);
    return tuple_pack(vm, 2, v_from_float(m), v_from_small(e));
}

M(m_ldexp) {
    UNUSED;
    double x;
    if (!arg_double(vm, args[0], &x)) return VNULL;
    if (!v_is_intlike(args[1])) return vm_raise(vm, &exc_TypeError, "Expected an int as second argument to ldexp.");
    int64_t e;
    if (!int_to_i64(v_int_value(args[1]), &e)) e = int_sign(args[1]) > 0 ? 100000 : -100000;
    if (e > 100000) e = 100000;
    if (e < -100000) e = -100000;
    double r = ldexp(x, (int)e);
    if (isinf(r) && isfinite(x)) return range_error(vm);
    return v_from_float(r);
}

M(m_hypot) {
    (void)kw;
    double acc = 0, mx = 0;
    double *vals = malloc((size_t)(nargs ? nargs : 1) * sizeof(double));
    if (!vals) return vm_raise_nomem(vm);
    bool has_inf = false, has_nan = false;
    for (int i = 0; i < nargs; i++) {
        if (!arg_double(vm, args[i], &vals[i])) { free(vals); return VNULL; }
        double a = fabs(vals[i]);
        if (isinf(a)) has_inf = true;
        if (isnan(a)) has_nan = true;
        if (a > mx) mx = a;
    }
    double r;
    if (has_inf) r = INFINITY;
    else if (has_nan) r = NAN;
    else if (nargs == 2) r = hypot(vals[0], vals[1]);
    else if (mx == 0) r = 0;
    else {
        for (int i = 0; i < nargs; i++) { double t = vals[i] / mx; acc += t * t; }
        r = mx * sqrt(acc);
    }
    free(vals);
    return v_from_float(r);
}

M(m_dist) {
    UNUSED;
    Value p = vm_sequence_to_tuple(vm, args[0]);
    if (!p) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, p);
    Value q = vm_sequence_to_tuple(vm, args[1]);
    if (!q) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, q);
    if (tuple_len(p) != tuple_len(q)) { ROOTS_RESET(vm); return vm_raise(vm, &exc_ValueError, "both points must have the same number of dimensions"); }
    double acc = 0, mx = 0;
    int64_t n = tuple_len(p);
    double *d = malloc((size_t)(n ? n : 1) * sizeof(double));
    if (!d) { ROOTS_RESET(vm); return vm_raise_nomem(vm); }
    for (int64_t i = 0; i < n; i++) {
        double a, b;
        if (!arg_double(vm, tuple_items(p)[i], &a) || !arg_double(vm, tuple_items(q)[i], &b)) { free(d); ROOTS_RESET(vm); return VNULL; }
        d[i] = fabs(a - b);
        if (d[i] > mx) mx = d[i];
    }
    double r = 0;
    if (mx > 0 && isfinite(mx)) {
        for (int64_t i = 0; i < n; i++) { double t = d[i] / mx; acc += t * t; }
        r = mx * sqrt(acc);
    } else r = mx;
    free(d);
    ROOTS_RESET(vm);
    return v_from_float(r);
}

M(m_degrees) { UNUSED; double x; if (!arg_double(vm, args[0], &x)) return VNULL; return v_from_float(x * (180.0 / M_PI)); }
M(m_radians) { UNUSED; double x; if (!arg_double(vm, args[0], &x)) return VNULL; return v_from_float(x * (M_PI / 180.0)); }
M(m_isnan) { UNUSED; double x; if (!arg_double(vm, args[0], &x)) return VNULL; return v_bool(isnan(x)); }
M(m_isinf) { UNUSED; double x; if (!arg_double(vm, args[0], &x)) return VNULL; return v_bool(isinf(x)); }
M(m_isfinite) { UNUSED; double x; if (!arg_double(vm, args[0], &x)) return VNULL; return v_bool(isfinite(x)); }

M(m_isclose) {
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol", NULL};
    Value out[4];
    if (!vm_parse_args(vm, "isclose", args, nargs, kw, names, 2, 2, out)) return VNULL;
    double a, b, rel = 1e-09, abst = 0.0;
    if (!arg_double(vm, out[0], &a) || !arg_double(vm, out[1], &b)) return VNULL;
    if (out[2] && !arg_double(vm, out[2], &rel)) return VNULL;
    if (out[3] && !arg_double(vm, out[3], &abst)) return VNULL;
    if (rel < 0.0 || abst < 0.0) return vm_raise(vm, &exc_ValueError, "tolerances must be non-negative");
    if (a == b) return V_TRUE;
    if (isinf(a) || isinf(b)) return V_FALSE;
    double diff = fabs(b - a);
    return v_bool((diff <= fabs(rel * b)) || (diff <= fabs(rel * a)) || (diff <= abst));
}

static Value need_int(VM *vm, Value v, const char *fname) {
    if (v_is_intlike(v)) return v_int_value(v);
    if (v_is_float(v)) return vm_raise(vm, &exc_TypeError, "'float' object cannot be interpreted as an integer");
    Value r = vm_index(vm, v);
    (void)fname;
    return r;
}

M(m_factorial) {
    UNUSED;
    Value v = need_int(vm, args[0], "factorial");
    if (!v) return VNULL;
    if (int_sign(v) < 0) return vm_raise(vm, &exc_ValueError, "factorial() not defined for negative values");
    int64_t n;
    if (!int_to_i64(v, &n) || n > 1000000) return vm_raise(vm, &exc_OverflowError, "factorial() argument should not exceed %d", 2147483647);
    /* binary splitting: product of (lo, hi] */
    Value acc = v_from_small(1);
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, acc);
    int32_t slot = vm->nroots - 1;
    /* multiply in chunks that stay small, then fold */
    int64_t chunk = 1;
    for (int64_t i = 2; i <= n; i++) {
        if (chunk > (INT64_C(1) << 40) / i) {
            acc = int_binop(vm, NB_MUL, acc, int_from_i64(vm, chunk));
            if (!acc) { ROOTS_RESET(vm); return VNULL; }
            vm->roots[slot] = acc;
            chunk = 1;
        }
        chunk *= i;
    }
    acc = int_binop(vm, NB_MUL, acc, int_from_i64(vm, chunk));
    ROOTS_RESET(vm);
    return acc;
}

M(m_gcd) {
    (void)kw;
    Value acc = v_from_small(0);
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, acc);
    int32_t slot = vm->nroots - 1;
    for (int i = 0; i < nargs; i++) {
        Value b = need_int(vm, args[i], "gcd");
        if (!b) { ROOTS_RESET(vm); return VNULL; }
        Value a = acc;
        /* Euclid on Values (big ints use divmod) */
        if (int_sign(a) < 0) a = vm_neg(vm, a);
        if (int_sign(b) < 0) b = vm_neg(vm, b);
        while (a && b && int_sign(b) != 0) {
            ROOT_PUSH(vm, a);
            ROOT_PUSH(vm, b);
            Value r = int_binop(vm, NB_MOD, a, b);
            vm->nroots -= 2;
            if (!r) { ROOTS_RESET(vm); return VNULL; }
            a = b;
            b = r;
        }
        if (!a) { ROOTS_RESET(vm); return VNULL; }
        acc = a;
        vm->roots[slot] = acc;
    }
    ROOTS_RESET(vm);
    return acc;
}

M(m_lcm) {
    (void)kw;
    Value acc = v_from_small(1);
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, acc);
    int32_t slot = vm->nroots - 1;
    for (int i = 0; i < nargs; i++) {
        Value b = need_int(vm, args[i], "lcm");
        if (!b) { ROOTS_RESET(vm); return VNULL; }
        if (int_sign(b) == 0 || int_sign(acc) == 0) { acc = v_from_small(0); vm->roots[slot] = acc; continue; }
        Value ga[2] = {acc, b};
        Value g = m_gcd(vm, ga, 2, VNULL);
        if (!g) { ROOTS_RESET(vm); return VNULL; }
        ROOT_PUSH(vm, g);
        Value q = int_binop(vm, NB_FLOORDIV, acc, g);
        if (!q) { ROOTS_RESET(vm); return VNULL; }
        ROOT_PUSH(vm, q);
        Value r = int_binop(vm, NB_MUL, q, b);
        if (!r) { ROOTS_RESET(vm); return VNULL; }
        if (int_sign(r) < 0) r = vm_neg(vm, r);
        acc = r;
        vm->roots[slot] = acc;
        vm->nroots -= 2;
    }
    ROOTS_RESET(vm);
    return acc;
}

M(m_isqrt) {
    UNUSED;
    Value v = need_int(vm, args[0], "isqrt");
    if (!v) return VNULL;
    if (int_sign(v) < 0) return vm_raise(vm, &exc_ValueError, "isqrt() argument must be nonnegative");
    if (v_is_int(v)) {
        uint64_t n = (uint64_t)v_int(v), r = (uint64_t)sqrt((double)n);
        while (r * r > n) r--;
        while ((r + 1) * (r + 1) <= n) r++;
        return v_from_small((int64_t)r);
    }
    BigInt *b = AS(BigInt, v);
    size_t n = (size_t)b->size;
    bn_digit *r = malloc((n / 2 + 1) * sizeof(bn_digit));
    if (!r) return vm_raise_nomem(vm);
    size_t rn = bn_isqrt(r, b->d, n);
    if (rn == BN_NOMEM) { free(r); return vm_raise_nomem(vm); }
    Value res = int_from_digits(vm, false, r, rn);
    free(r);
    return res;
}

static Value comb_perm(VM *vm, Value *args, int nargs, bool comb) {
    Value n = need_int(vm, args[0], comb ? "comb" : "perm");
    if (!n) return VNULL;
    Value k = nargs > 1 && args[1] != V_NONE ? need_int(vm, args[1], comb ? "comb" : "perm") : n;
    if (!k) return VNULL;
    if (int_sign(n) < 0) return vm_raise(vm, &exc_ValueError, "n must be a non-negative integer");
    if (int_sign(k) < 0) return vm_raise(vm, &exc_ValueError, "k must be a non-negative integer");
    if (int_compare(k, n) > 0) return v_from_small(0);
    int64_t kk, nn;
    if (!int_to_i64(k, &kk) || !int_to_i64(n, &nn)) return vm_raise(vm, &exc_OverflowError, "argument too large");
    if (comb && kk > nn - kk) kk = nn - kk;
    Value acc = v_from_small(1);
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, acc);
    int32_t slot = vm->nroots - 1;
    for (int64_t i = 0; i < kk; i++) {
        acc = int_binop(vm, NB_MUL, acc, int_from_i64(vm, nn - i));
        if (!acc) { ROOTS_RESET(vm); return VNULL; }
        vm->roots[slot] = acc;
        if (comb) {
            acc = int_binop(vm, NB_FLOORDIV, acc, int_from_i64(vm, i + 1));
            if (!acc) { ROOTS_RESET(vm); return VNULL; }
            vm->roots[slot] = acc;
        }
    }
    ROOTS_RESET(vm);
    return acc;
}
M(m_comb) { (void)kw; return comb_perm(vm, args, nargs, true); }
M(m_perm) { (void)kw; return comb_perm(vm, args, nargs, false); }

M(m_prod) {
    static const char *const names[] = {"", "start", NULL};
    Value out[2];
    if (!vm_parse_args(vm, "prod", args, nargs, kw, names, 1, 1, out)) return VNULL;
    Value acc = out[1] ? out[1] : v_from_small(1);
    Value it = vm_iter(vm, out[0]);
    if (!it) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, it);
    ROOT_PUSH(vm, acc);
    int32_t slot = vm->nroots - 1;
    Value x;
    while ((x = vm_next(vm, it))) {
        ROOT_PUSH(vm, x);
        acc = vm_binop(vm, NB_MUL, acc, x);
        vm->nroots--;
        if (!acc) { ROOTS_RESET(vm); return VNULL; }
        vm->roots[slot] = acc;
    }
    ROOTS_RESET(vm);
    return vm->exc ? VNULL : acc;
}

/* fsum: Shewchuk's exact partials (as CPython's math_fsum) */
M(m_fsum) {
    UNUSED;
    Value it = vm_iter(vm, args[0]);
    if (!it) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, it);
    double ps[64];
    double *p = ps;
    size_t n = 0, cap = 64;
    double special = 0.0, inf_sum = 0.0;
    bool have_special = false;
    Value x;
    while ((x = vm_next(vm, it))) {
        double v;
        if (!arg_double(vm, x, &v)) { if (p != ps) free(p); ROOTS_RESET(vm); return VNULL; }
        double xsave = v;
        size_t i = 0;
        for (size_t j = 0; j < n; j++) {
            double y = p[j];
            if (fabs(v) < fabs(y)) { double t = v; v = y; y = t; }
            double hi = v + y;
            double lo = y - (hi - v);
            if (lo != 0.0) p[i++] = lo;
            v = hi;
        }
        n = i;
        if (v != 0.0) {
            if (!isfinite(v)) {
                if (isfinite(xsave)) {
                    if (p != ps) free(p);
                    ROOTS_RESET(vm);
                    return vm_raise(vm, &exc_OverflowError, "intermediate overflow in fsum");
                }
                if (isinf(xsave)) inf_sum += xsave;
                special += xsave;
                have_special = true;
                n = 0;
            } else {
                if (n >= cap) {
                    size_t nc = cap * 2;
                    double *np = p == ps ? malloc(nc * sizeof(double)) : realloc(p, nc * sizeof(double));
                    if (!np) { if (p != ps) free(p); ROOTS_RESET(vm); return vm_raise_nomem(vm); }
                    if (p == ps) memcpy(np, ps, sizeof ps);
                    p = np;
                    cap = nc;
                }
                p[n++] = v;
            }
        }
    }
    ROOTS_RESET(vm);
    if (vm->exc) { if (p != ps) free(p); return VNULL; }
    if (have_special) {
        if (p != ps) free(p);
        if (isnan(inf_sum)) return vm_raise(vm, &exc_ValueError, "-inf + inf in fsum");
        return v_from_float(special);
    }
    double hi = 0.0;
    if (n > 0) {
        hi = p[--n];
        double lo = 0;
        while (n > 0) {
            double xx = hi;
            double y = p[--n];
            hi = xx + y;
            double yr = hi - xx;
            lo = y - yr;
            if (lo != 0.0) break;
        }
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            double y = lo * 2.0;
            double xx = hi + y;
            double yr = xx - hi;
            if (y == yr) hi = xx;
        }
    }
    if (p != ps) free(p);
    return v_from_float(hi);
}

M(m_nextafter) {
    UNUSED;
    double x, y;
    if (!arg_double(vm, args[0], &x) || !arg_double(vm, args[1], &y)) return VNULL;
    return v_from_float(nextafter(x, y));
}

M(m_ulp) {
    UNUSED;
    double x;
    if (!arg_double(vm, args[0], &x)) return VNULL;
    if (isnan(x)) return v_from_float(x);
    x = fabs(x);
    if (isinf(x)) return v_from_float(x);
    double x2 = nextafter(x, INFINITY);
    if (isinf(x2)) { x2 = nextafter(x, -INFINITY); return v_from_float(x - x2); }
    return v_from_float(x2 - x);
}

static const MethodDef math_defs[] = {
    {"sqrt", m_sqrt, 1, 1, 0, NULL}, {"exp", m_exp, 1, 1, 0, NULL}, {"exp2", m_exp2, 1, 1, 0, NULL},
    {"expm1", m_expm1, 1, 1, 0, NULL}, {"sin", m_sin, 1, 1, 0, NULL}, {"cos", m_cos, 1, 1, 0, NULL},
    {"tan", m_tan, 1, 1, 0, NULL}, {"asin", m_asin, 1, 1, 0, NULL}, {"acos", m_acos, 1, 1, 0, NULL},
    {"atan", m_atan, 1, 1, 0, NULL}, {"sinh", m_sinh, 1, 1, 0, NULL}, {"cosh", m_cosh, 1, 1, 0, NULL},
    {"tanh", m_tanh, 1, 1, 0, NULL}, {"asinh", m_asinh, 1, 1, 0, NULL}, {"acosh", m_acosh, 1, 1, 0, NULL},
    {"atanh", m_atanh, 1, 1, 0, NULL}, {"fabs", m_fabs, 1, 1, 0, NULL}, {"erf", m_erf, 1, 1, 0, NULL},
    {"erfc", m_erfc, 1, 1, 0, NULL}, {"cbrt", m_cbrt, 1, 1, 0, NULL}, {"gamma", m_gamma, 1, 1, 0, NULL},
    {"lgamma", m_lgamma, 1, 1, 0, NULL}, {"log", m_log, 1, 2, 0, NULL}, {"log2", m_log2, 1, 1, 0, NULL},
    {"log10", m_log10, 1, 1, 0, NULL}, {"log1p", m_log1p, 1, 1, 0, NULL}, {"pow", m_pow, 2, 2, 0, NULL},
    {"atan2", m_atan2, 2, 2, 0, NULL}, {"fmod", m_fmod, 2, 2, 0, NULL}, {"remainder", m_remainder, 2, 2, 0, NULL},
    {"copysign", m_copysign, 2, 2, 0, NULL}, {"floor", m_floor, 1, 1, 0, NULL}, {"ceil", m_ceil, 1, 1, 0, NULL},
    {"trunc", m_trunc, 1, 1, 0, NULL}, {"modf", m_modf, 1, 1, 0, NULL}, {"frexp", m_frexp, 1, 1, 0, NULL},
    {"ldexp", m_ldexp, 2, 2, 0, NULL}, {"hypot", m_hypot, 0, -1, 0, NULL}, {"dist", m_dist, 2, 2, 0, NULL},
    {"degrees", m_degrees, 1, 1, 0, NULL}, {"radians", m_radians, 1, 1, 0, NULL}, {"isnan", m_isnan, 1, 1, 0, NULL},
    {"isinf", m_isinf, 1, 1, 0, NULL}, {"isfinite", m_isfinite, 1, 1, 0, NULL},
    {"isclose", m_isclose, 0, -1, MF_KW, NULL}, {"factorial", m_factorial, 1, 1, 0, NULL},
    {"gcd", m_gcd, 0, -1, 0, NULL}, {"lcm", m_lcm, 0, -1, 0, NULL}, {"isqrt", m_isqrt, 1, 1, 0, NULL},
    {"comb", m_comb, 2, 2, 0, NULL}, {"perm", m_perm, 1, 2, 0, NULL}, {"prod", m_prod, 1, -1, MF_KW, NULL},
    {"fsum", m_fsum, 1, 1, 0, NULL}, {"nextafter", m_nextafter, 2, 2, 0, NULL}, {"ulp", m_ulp, 1, 1, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};

Value mod_math_init(VM *vm) {
    Value m = vm_new_module(vm, "math");
    if (!m) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, m);
    Value d = AS(Module, m)->dict;
    for (const MethodDef *def = math_defs; def->name; def++)
        dict_set_cstr(vm, d, def->name, builtin_function_new(vm, def, m, VNULL));
    dict_set_cstr(vm, d, "pi", v_from_float(M_PI));
    dict_set_cstr(vm, d, "e", v_from_float(M_E));
    dict_set_cstr(vm, d, "tau", v_from_float(2 * M_PI));
    dict_set_cstr(vm, d, "inf", v_from_float(INFINITY));
    dict_set_cstr(vm, d, "nan", v_from_float(NAN));
    ROOTS_RESET(vm);
    return vm->exc ? VNULL : m;
}
