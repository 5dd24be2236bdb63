/* builtins.c - the builtins module: functions (len, print, sorted, ...),
 * the iterator types enumerate/zip/map/filter/reversed, and
 * __build_class__.  The built-in types themselves live in their own files;
 * this module only binds their names.
 */
#include "vm.h"
#include "unicode_db.h"
#include <string.h>
#include <stdlib.h>
#include <math.h>

#define M(name) static Value name(VM *vm, Value *args, int nargs, Value kwnames)
#define NOKW (void)kwnames
#define UNUSED (void)nargs; (void)kwnames

Value vm_run_class_body(VM *vm, Function *fn, Value ns);
Value vm_number_to_int(VM *vm, Value x);
Value vm_callable_iter_new(VM *vm, Value f, Value sentinel);

M(b_abs) { UNUSED; return vm_abs(vm, args[0]); }

M(b_all) {
    UNUSED;
    Value it = vm_iter(vm, args[0]);
    if (!it) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, it);
    Value x;
    while ((x = vm_next(vm, it))) {
        int t = vm_truthy(vm, x);
        if (t <= 0) { ROOTS_RESET(vm); return t < 0 ? VNULL : V_FALSE; }
    }
    ROOTS_RESET(vm);
    return vm->exc ? VNULL : V_TRUE;
}

M(b_any) {
    UNUSED;
    Value it = vm_iter(vm, args[0]);
    if (!it) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, it);
    Value x;
    while ((x = vm_next(vm, it))) {
        int t = vm_truthy(vm, x);
        if (t != 0) { ROOTS_RESET(vm); return t < 0 ? VNULL : V_TRUE; }
    }
    ROOTS_RESET(vm);
    return vm->exc ? VNULL : V_FALSE;
}

M(b_ascii) { UNUSED; return vm_ascii(vm, args[0]); }

static Value int_prefixed(VM *vm, Value v, int base, const char *prefix) {
    Value i = vm_index(vm, v);
    if (!i) return VNULL;
    Value s = int_to_str(vm, i, base);
    if (!s) return VNULL;
    const char *p = str_cstr(s);
    if (p[0] == '-') return vm_format(vm, "-%s%s", prefix, p + 1);
    return vm_format(vm, "%s%s", prefix, p);
}
M(b_bin) { UNUSED; return int_prefixed(vm, args[0], 2, "0b"); }
M(b_oct) { UNUSED; return int_prefixed(vm, args[0], 8, "0o"); }
M(b_hex) { UNUSED; return int_prefixed(vm, args[0], 16, "0x"); }

M(b_callable) { UNUSED; (void)vm; return v_bool(vm_callable(args[0])); }

M(b_chr) {
    UNUSED;
    int64_t i;
    if (!vm_index_i64(vm, args[0], &i, &exc_OverflowError)) {
        if (vm_exc_matches(vm, &exc_OverflowError)) {
            vm_exc_clear(vm);
            return vm_raise(vm, &exc_OverflowError, "Python int too large to convert to C int");
        }
        return VNULL;
    }
    if (i < 0 || i > 0x10FFFF) return vm_raise(vm, &exc_ValueError, "chr() arg not in range(0x110000)");
    return str_from_codepoint(vm, (uint32_t)i);
}

M(b_ord) {
    UNUSED;
    Value v = args[0];
    if (IS_STR(v)) {
        if (AS(Str, v)->nchars != 1)
            return vm_raise(vm, &exc_TypeError, "ord() expected a character, but string of length %lld found",
                            (long long)AS(Str, v)->nchars);
        return v_from_small(str_char_at(v, 0));
    }
    const unsigned char *p;
    size_t n;
    if (bytes_like(vm, v, &p, &n)) {
        if (n != 1) return vm_raise(vm, &exc_TypeError, "ord() expected a character, but string of length %zu found", n);
        return v_from_small(p[0]);
    }
    return vm_raise(vm, &exc_TypeError, "ord() expected string of length 1, but %s found", v_type(v)->name);
}

static Value attr_name(VM *vm, Value v) {
    if (!IS_STR(v)) return vm_raise(vm, &exc_TypeError, "attribute name must be string, not '%s'", v_type(v)->name);
    return str_intern(vm, v);
}

M(b_delattr) {
    UNUSED;
    Value n = attr_name(vm, args[1]);
    if (!n) return VNULL;
    return vm_delattr(vm, args[0], n) < 0 ? VNULL : V_NONE;
}

M(b_locals);

M(b_dir) {
    UNUSED;
    if (nargs == 0) {
        Value ns = b_locals(vm, args, 0, VNULL);
        if (!ns) return VNULL;
        Value l = dict_keys_list(vm, ns);
        if (!l) return VNULL;
        ROOTS_MARK(vm);
        ROOT_PUSH(vm, l);
        bool ok = list_sort(vm, l, VNULL, false);
        ROOTS_RESET(vm);
        return ok ? l : VNULL;
    }
    Value d = vm_lookup_special(vm, args[0], NM(__dir__));
    if (d) {
        Value r = vm_call0(vm, d);
        if (!r) return VNULL;
        ROOTS_MARK(vm);
        ROOT_PUSH(vm, r);
        Value l = vm_sequence_to_list(vm, r);
        if (l) {
            ROOT_PUSH(vm, l);
            if (!list_sort(vm, l, VNULL, false)) l = VNULL;
        }
        ROOTS_RESET(vm);
        return l;
    }
    if (vm->exc) return VNULL;
    return vm_dir(vm, args[0]);
}

M(b_divmod) {
    UNUSED;
    Value a = args[0], b = args[1];
    Type *ta = v_type(a), *tb = v_type(b);
    if (ta->nb_divmod) {
        if (tb != ta && tb->nb_divmod && type_is_subtype(tb, ta)) {
            Value r = tb->nb_divmod(vm, a, b);
            if (r != V_NOTIMPL) return r;
        }
        Value r = ta->nb_divmod(vm, a, b);
        if (r != V_NOTIMPL) return r;
    }
    if (tb != ta && tb->nb_divmod) {
        Value r = tb->nb_divmod(vm, a, b);
        if (r != V_NOTIMPL) return r;
    }
    return vm_raise(vm, &exc_TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'", ta->name, tb->name);
}

M(b_format) {
    UNUSED;
    Value spec = nargs > 1 ? args[1] : NM(empty);
    if (!IS_STR(spec)) return vm_raise(vm, &exc_TypeError, "format() argument 2 must be str, not %s", v_type(spec)->name);
    return vm_format_value(vm, args[0], spec);
}

M(b_getattr) {
    NOKW;
    Value n = attr_name(vm, args[1]);
    if (!n) return VNULL;
    if (nargs == 3) {
        bool err;
        Value v = vm_getattr_opt(vm, args[0], n, &err);
        if (err) return VNULL;
        return v ? v : args[2];
    }
    return vm_getattr(vm, args[0], n);
}

M(b_globals) {
    UNUSED; (void)args;
    if (!vm->frame) return vm_raise(vm, &exc_SystemError, "no frame");
    return vm->frame->globals;
}

M(b_locals) {
    UNUSED; (void)args;
    if (!vm->frame) return vm_raise(vm, &exc_SystemError, "no frame");
    return vm_frame_locals(vm, vm->frame);
}

Value vm_frame_locals(VM *vm, Frame *f) {
    if (f->locals) return f->locals;
    /* a function frame: a snapshot dict of its locals */
    Value d = dict_new(vm);
    if (!d) return VNULL;
    Code *c = f->code;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, d);
    for (int32_t i = 0; i < c->nlocalsplus; i++) {
        Value v = f->localsplus[i];
        if (i >= c->nlocals && v && v_is_type(v, &type_cell)) v = RD(vm, AS(Cell, v), AS(Cell, v)->ref);
        if (!v) continue;
        if (dict_set_str(vm, d, tuple_items(c->localsplusnames)[i], v) < 0) { ROOTS_RESET(vm); return VNULL; }
    }
    ROOTS_RESET(vm);
    return d;
}

M(b_hasattr) {
    UNUSED;
    Value n = attr_name(vm, args[1]);
    if (!n) return VNULL;
    bool err;
    Value v = vm_getattr_opt(vm, args[0], n, &err);
    if (err) return VNULL;
    return v_bool(v != VNULL);
}

M(b_hash) {
    UNUSED;
    int64_t h = vm_hash(vm, args[0]);
    if (h == -1) return VNULL;
    return int_from_i64(vm, h);
}

M(b_id) {
    UNUSED;
    Value v = args[0];
    if (v_is_obj(v)) return int_from_u64(vm, (uint64_t)(uintptr_t)v_ptr(v));
    /* unboxed numbers: the same value gives the same id, as `is` says */
    return int_from_u64(vm, (v >> 3) | 0x4000000000000ULL);
}

Value vm_input(VM *vm, Value prompt);
M(b_input) { UNUSED; return vm_input(vm, nargs ? args[0] : VNULL); }

M(b_isinstance) {
    UNUSED;
    int r = vm_isinstance(vm, args[0], args[1]);
    return r < 0 ? VNULL : v_bool(r);
}

M(b_issubclass) {
    UNUSED;
    if (!IS_TYPE(args[0])) {
        bool err;
        Value b = vm_getattr_opt(vm, args[0], NM(__bases__), &err);
        if (err) return VNULL;
        if (!b) return vm_raise(vm, &exc_TypeError, "issubclass() arg 1 must be a class");
    }
    int r = vm_issubclass(vm, args[0], args[1]);
    return r < 0 ? VNULL : v_bool(r);
}

M(b_iter) {
    UNUSED;
    if (nargs == 2) {
        if (!vm_callable(args[0])) return vm_raise(vm, &exc_TypeError, "iter(v, w): v must be callable");
        return vm_callable_iter_new(vm, args[0], args[1]);
    }
    return vm_iter(vm, args[0]);
}

M(b_len) {
    UNUSED;
    int64_t n = vm_len(vm, args[0]);
    if (n < 0) return VNULL;
    return int_from_i64(vm, n);
}

static Value minmax(VM *vm, Value *args, int nargs, Value kwnames, int op, const char *name) {
    Value key = VNULL, dflt = VNULL;
    int nk = kwnames ? (int)tuple_len(kwnames) : 0;
    for (int i = 0; i < nk; i++) {
        const char *k = str_cstr(tuple_items(kwnames)[i]);
        if (!strcmp(k, "key")) key = args[nargs + i];
        else if (!strcmp(k, "default")) dflt = args[nargs + i];
        else return vm_raise(vm, &exc_TypeError, "'%s' is an invalid keyword argument for %s()", k, name);
    }
    if (key == V_NONE) key = VNULL;
    if (nargs == 0) return vm_raise(vm, &exc_TypeError, "%s expected at least 1 argument, got 0", name);
    Value iterable;
    ROOTS_MARK(vm);
    if (nargs == 1) iterable = args[0];
    else {
        if (dflt) return vm_raise(vm, &exc_TypeError, "Cannot specify a default for %s() with multiple positional arguments", name);
        iterable = tuple_from_array(vm, args, nargs);
        if (!iterable) return VNULL;
        ROOT_PUSH(vm, iterable);
    }
    Value it = vm_iter(vm, iterable);
    if (!it) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, it);
    Value best = VNULL, bestkey = VNULL, x;
    ROOT_PUSH(vm, VNULL);
    ROOT_PUSH(vm, VNULL);
    int32_t slot = vm->nroots - 2;
    while ((x = vm_next(vm, it))) {
        Value k = x;
        if (key) {
            ROOT_PUSH(vm, x);
            k = vm_call1(vm, key, x);
            vm->nroots--;
            if (!k) { ROOTS_RESET(vm); return VNULL; }
        }
        if (!best) {
            best = x;
            bestkey = k;
        } else {
            int c = vm_compare_bool(vm, k, bestkey, op);
            if (c < 0) { ROOTS_RESET(vm); return VNULL; }
            if (c) { best = x; bestkey = k; }
        }
        vm->roots[slot] = best;
        vm->roots[slot + 1] = bestkey;
    }
    ROOTS_RESET(vm);
    if (vm->exc) return VNULL;
    if (!best) {
        if (dflt) return dflt;
        return vm_raise(vm, &exc_ValueError, "%s() arg is an empty sequence", name);
    }
    return best;
}
M(b_max) { return minmax(vm, args, nargs, kwnames, CMP_GT_OP, "max"); }
M(b_min) { return minmax(vm, args, nargs, kwnames, CMP_LT_OP, "min"); }

M(b_next) {
    UNUSED;
    Value it = args[0];
    Type *t = v_type(it);
    if (!t->tp_iternext) return vm_raise(vm, &exc_TypeError, "'%s' object is not an iterator", t->name);
    Value r = t == &type_generator ? gen_next_or_stop(vm, it) : t->tp_iternext(vm, it);
    if (r) return r;
    if (vm->exc) {
        if (nargs > 1 && vm_exc_matches(vm, &exc_StopIteration)) {
            vm_exc_clear(vm);
            return args[1];
        }
        return VNULL;
    }
    if (nargs > 1) return args[1];
    return vm_raise_value(vm, v_from_ptr(&exc_StopIteration));
}

M(b_pow) {
    static const char *const names[] = {"base", "exp", "mod", NULL};
    Value out[3];
    if (!vm_parse_args(vm, "pow", args, nargs, kwnames, names, 0, 2, out)) return VNULL;
    if (out[2] && out[2] != V_NONE) return vm_pow3(vm, out[0], out[1], out[2]);
    return vm_binop(vm, NB_POW, out[0], out[1]);
}

M(b_print) {
    Value sep = VNULL, end = VNULL, file = VNULL, flush = VNULL;
    int nk = kwnames ? (int)tuple_len(kwnames) : 0;
    for (int i = 0; i < nk; i++) {
        const char *k = str_cstr(tuple_items(kwnames)[i]);
        Value v = args[nargs + i];
        if (!strcmp(k, "sep")) sep = v;
        else if (!strcmp(k, "end")) end = v;
        else if (!strcmp(k, "file")) file = v;
        else if (!strcmp(k, "flush")) flush = v;
        else return vm_raise(vm, &exc_TypeError, "'%s' is an invalid keyword argument for print()", k);
    }
    bool fl = false;
    if (flush) {
        int t = vm_truthy(vm, flush);
        if (t < 0) return VNULL;
        fl = t;
    }
    return vm_print(vm, args, nargs, sep, end, file, fl);
}

M(b_repr) { UNUSED; return vm_repr(vm, args[0]); }

M(b_round) {
    static const char *const names[] = {"number", "ndigits", NULL};
    Value out[2];
    if (!vm_parse_args(vm, "round", args, nargs, kwnames, names, 0, 1, out)) return VNULL;
    Value x = out[0];
    if (v_is_float(x) && (!out[1] || out[1] == V_NONE)) {
        double d = v_float(x);
        if (isnan(d)) return vm_raise(vm, &exc_ValueError, "cannot convert float NaN to integer");
        if (isinf(d)) return vm_raise(vm, &exc_OverflowError, "cannot convert float infinity to integer");
        double r = round(d);
        if (fabs(d - trunc(d)) == 0.5) r = 2.0 * round(d / 2.0);
        return int_from_double(vm, r);
    }
    if (v_is_int(x) && (!out[1] || out[1] == V_NONE)) return x;
    Value m = vm_lookup_special(vm, x, NM(__round__));
    if (!m) {
        if (vm->exc) return VNULL;
        return vm_raise(vm, &exc_TypeError, "type %s doesn't define __round__ method", v_type(x)->name);
    }
    if (out[1]) return vm_call1(vm, m, out[1]);
    return vm_call0(vm, m);
}

M(b_setattr) {
    UNUSED;
    Value n = attr_name(vm, args[1]);
    if (!n) return VNULL;
    return vm_setattr(vm, args[0], n, args[2]) < 0 ? VNULL : V_NONE;
}

M(b_sorted) {
    static const char *const names[] = {"", "key", "reverse", NULL};
    Value out[3];
    if (nargs != 1) return vm_raise(vm, &exc_TypeError, "sorted expected 1 argument, got %d", nargs);
    if (!vm_parse_args(vm, "sort", args, nargs, kwnames, names, 1, 1, out)) return VNULL;
    Value l = list_from_iter(vm, out[0]);
    if (!l) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, l);
    int rev = list_sort_reverse_arg(vm, out[2]);
    if (rev < 0) { ROOTS_RESET(vm); return VNULL; }
    bool ok = list_sort(vm, l, out[1], rev);
    ROOTS_RESET(vm);
    return ok ? l : VNULL;
}

M(b_sum) {
    static const char *const names[] = {"", "start", NULL};
    Value out[2];
    if (!vm_parse_args(vm, "sum", args, nargs, kwnames, names, 1, 1, out)) return VNULL;
    Value acc = out[1] ? out[1] : v_from_small(0);
    if (IS_STR(acc)) return vm_raise(vm, &exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    if (v_is_type(acc, &type_bytes)) return vm_raise(vm, &exc_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    if (v_is_type(acc, &type_bytearray)) return vm_raise(vm, &exc_TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
    Value it = vm_iter(vm, out[0]);
    if (!it) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, it);
    ROOT_PUSH(vm, acc);
    int32_t slot = vm->nroots - 1;
    /* fast paths: int accumulation, then float accumulation (Neumaier-free,
     * like CPython's plain double sum) */
    Value x;
    while ((x = vm_next(vm, it))) {
        if (v_both_int(acc, x)) {
            int64_t r = v_int(acc) + v_int(x);
            acc = small_fits(r) ? v_from_small(r) : int_from_i64(vm, r);
        } else if (v_is_float(acc) && (v_is_float(x) || v_is_int(x))) {
            acc = v_from_float(v_float(acc) + (v_is_float(x) ? v_float(x) : (double)v_int(x)));
        } else {
            ROOT_PUSH(vm, x);
            acc = vm_binop(vm, NB_ADD, acc, x);
            vm->nroots--;
        }
        if (!acc) { ROOTS_RESET(vm); return VNULL; }
        vm->roots[slot] = acc;
    }
    ROOTS_RESET(vm);
    return vm->exc ? VNULL : acc;
}

M(b_vars) {
    UNUSED;
    if (nargs == 0) return b_locals(vm, args, 0, VNULL);
    Value o = args[0];
    if (v_is_type(o, &type_module)) return AS(Module, o)->dict;
    bool err;
    Value d = vm_getattr_opt(vm, o, NM(__dict__), &err);
    if (err) return VNULL;
    if (!d) return vm_raise(vm, &exc_TypeError, "vars() argument must have __dict__ attribute");
    return d;
}

M(b_import) {
    static const char *const names[] = {"name", "globals", "locals", "fromlist", "level", NULL};
    Value out[5];
    if (!vm_parse_args(vm, "__import__", args, nargs, kwnames, names, 0, 1, out)) return VNULL;
    if (!IS_STR(out[0])) return vm_raise(vm, &exc_TypeError, "__import__() argument 1 must be str, not %s", v_type(out[0])->name);
    int64_t level = 0;
    if (out[4] && !vm_index_i64(vm, out[4], &level, NULL)) return VNULL;
    Value globals = out[1] && IS_DICT(out[1]) ? out[1] : (vm->frame ? vm->frame->globals : VNULL);
    Value nm = str_intern(vm, out[0]);
    if (!nm) return VNULL;
    return vm_import(vm, nm, out[3] ? out[3] : V_NONE, (int)level, globals);
}

M(b_exit) {
    NOKW;
    Value code = nargs ? args[0] : V_NONE;
    return vm_raise_value(vm, exc_new(vm, &exc_SystemExit, &code, 1));
}

/* exec/eval/compile */
static bool source_of(VM *vm, Value src, const char **p, size_t *n, const char *fname) {
    if (IS_STR(src)) {
        *p = str_cstr(src);
        *n = (size_t)str_len(src);
        return true;
    }
    const unsigned char *b;
    if (bytes_like(vm, src, &b, n)) {
        *p = (const char *)b;
        return true;
    }
    vm_raise(vm, &exc_TypeError, "%s() arg 1 must be a string, bytes or code object", fname);
    return false;
}

static Value run_code_in(VM *vm, Value code, Value globals, Value locals, const char *fname) {
    Frame *f = vm->frame;
    if (!globals || globals == V_NONE) {
        globals = f ? f->globals : G->builtins;
        if (!locals || locals == V_NONE) locals = f && f->locals ? f->locals : globals;
    } else if (!IS_DICT(globals)) {
        return vm_raise(vm, &exc_TypeError, "%s() globals must be a dict, not %s", fname, v_type(globals)->name);
    }
    if (!locals || locals == V_NONE) locals = globals;
    if (!dict_get_str(vm, globals, NM(__builtins__))) {
        if (dict_set_str(vm, globals, NM(__builtins__), G->builtins_module) < 0) return VNULL;
    }
    return vm_eval_code(vm, AS(Code, code), globals, locals);
}

static Value exec_or_eval(VM *vm, Value *args, int nargs, bool is_eval) {
    const char *fname = is_eval ? "eval" : "exec";
    Value src = args[0];
    Value code = src;
    ROOTS_MARK(vm);
    if (!v_is_type(src, &type_code)) {
        const char *p;
        size_t n;
        if (!source_of(vm, src, &p, &n, fname)) return VNULL;
        /* eval strips leading whitespace */
        if (is_eval) while (n && (*p == ' ' || *p == '\t')) { p++; n--; }
        Value fn = str_from_cstr(vm, "<string>");
        if (!fn) return VNULL;
        ROOT_PUSH(vm, fn);
        code = compile_source(vm, p, n, fn, is_eval ? COMPILE_EVAL : COMPILE_EXEC);
        if (!code) { ROOTS_RESET(vm); return VNULL; }
        ROOT_PUSH(vm, code);
    }
    Value r = run_code_in(vm, code, nargs > 1 ? args[1] : VNULL, nargs > 2 ? args[2] : VNULL, fname);
    ROOTS_RESET(vm);
    if (!r) return VNULL;
    return is_eval ? r : V_NONE;
}
M(b_eval) { NOKW; return exec_or_eval(vm, args, nargs, true); }
M(b_exec) { NOKW; return exec_or_eval(vm, args, nargs, false); }

M(b_compile) {
    static const char *const names[] = {"source", "filename", "mode", "flags", "dont_inherit", "optimize", NULL};
    Value out[6];
    if (!vm_parse_args(vm, "compile", args, nargs, kwnames, names, 0, 3, out)) return VNULL;
    const char *p;
    size_t n;
    if (!source_of(vm, out[0], &p, &n, "compile")) return VNULL;
    if (!IS_STR(out[1]) || !IS_STR(out[2])) return vm_raise(vm, &exc_TypeError, "compile() arguments must be str");
    const char *mode = str_cstr(out[2]);
    int m = !strcmp(mode, "exec") ? COMPILE_EXEC : !strcmp(mode, "eval") ? COMPILE_EVAL : !strcmp(mode, "single") ? COMPILE_SINGLE : -1;
    if (m < 0) return vm_raise(vm, &exc_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
    return compile_source(vm, p, n, out[1], m);
}

/* __build_class__(func, name, *bases, metaclass=..., **kwds) */
Value vm_build_class(VM *vm, Value *args, int nargs, Value kwnames) {
    if (nargs < 2) return vm_raise(vm, &exc_TypeError, "__build_class__: not enough arguments");
    Value func = args[0], name = args[1];
    if (!v_is_type(func, &type_function)) return vm_raise(vm, &exc_TypeError, "__build_class__: func must be a function");
    if (!IS_STR(name)) return vm_raise(vm, &exc_TypeError, "__build_class__: name is not a string");
    ROOTS_MARK(vm);
    Value orig_bases = tuple_from_array(vm, args + 2, nargs - 2);
    if (!orig_bases) return VNULL;
    ROOT_PUSH(vm, orig_bases);
    /* __mro_entries__ (PEP 560) */
    Value bases = orig_bases;
    for (int64_t i = 0; i < tuple_len(orig_bases); i++) {
        Value b = tuple_items(orig_bases)[i];
        if (IS_TYPE(b)) continue;
        /* looked up on the object itself, as CPython's class statement does */
        bool err;
        Value me = vm_getattr_opt(vm, b, NM(__mro_entries__), &err);
        if (!me) {
            if (err) { ROOTS_RESET(vm); return VNULL; }
            continue;
        }
        Value l = list_new(vm, 0);
        if (!l) { ROOTS_RESET(vm); return VNULL; }
        ROOT_PUSH(vm, l);
        for (int64_t j = 0; j < tuple_len(orig_bases); j++) {
            Value bj = tuple_items(orig_bases)[j];
            bool errj = false;
            Value mej = IS_TYPE(bj) ? VNULL : vm_getattr_opt(vm, bj, NM(__mro_entries__), &errj);
            if (errj) { ROOTS_RESET(vm); return VNULL; }
            if (mej) {
                Value r = vm_call1(vm, mej, orig_bases);
                if (!r || !IS_TUPLE(r)) {
                    if (r) vm_raise(vm, &exc_TypeError, "__mro_entries__ must return a tuple");
                    ROOTS_RESET(vm);
                    return VNULL;
                }
                for (int64_t k = 0; k < tuple_len(r); k++) list_append(vm, l, tuple_items(r)[k]);
            } else {
                if (vm->exc) { ROOTS_RESET(vm); return VNULL; }
                list_append(vm, l, bj);
            }
        }
        bases = list_as_tuple(vm, l);
        if (!bases) { ROOTS_RESET(vm); return VNULL; }
        ROOT_PUSH(vm, bases);
        break;
    }
    /* keywords: metaclass and the rest */
    Value meta = VNULL;
    int nk = kwnames ? (int)tuple_len(kwnames) : 0;
    Value kwvals[32];
    Value kwn[32];
    int nkw = 0;
    for (int i = 0; i < nk; i++) {
        Value k = tuple_items(kwnames)[i];
        if (!strcmp(str_cstr(k), "metaclass")) meta = args[nargs + i];
        else if (nkw < 32) { kwn[nkw] = k; kwvals[nkw] = args[nargs + i]; nkw++; }
    }
    bool explicit_meta = meta != VNULL;
    if (!meta) meta = tuple_len(bases) ? v_from_ptr(v_type(tuple_items(bases)[0])) : v_from_ptr(&type_type);
    if (IS_TYPE(meta)) {
        /* most derived metaclass */
        Type *winner = AS(Type, meta);
        for (int64_t i = 0; i < tuple_len(bases); i++) {
            Type *bm = v_type(tuple_items(bases)[i]);
            if (type_is_subtype(winner, bm)) continue;
            if (type_is_subtype(bm, winner)) { winner = bm; continue; }
            ROOTS_RESET(vm);
            return vm_raise(vm, &exc_TypeError, "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                            "subclass of the metaclasses of all its bases");
        }
        meta = v_from_ptr(winner);
    }
    (void)explicit_meta;
    ROOT_PUSH(vm, meta);
    Value kwtuple = VNULL;
    if (nkw) {
        kwtuple = tuple_from_array(vm, kwn, nkw);
        if (!kwtuple) { ROOTS_RESET(vm); return VNULL; }
        ROOT_PUSH(vm, kwtuple);
    }
    /* __prepare__ */
    Value ns;
    bool err;
    Value prep = vm_getattr_opt(vm, meta, NM(__prepare__), &err);
    if (err) { ROOTS_RESET(vm); return VNULL; }
    if (prep) {
        Value pa[2 + 32];
        pa[0] = name;
        pa[1] = bases;
        for (int i = 0; i < nkw; i++) pa[2 + i] = kwvals[i];
        ns = vm_call(vm, prep, pa, 2, kwtuple);
        if (!ns) { ROOTS_RESET(vm); return VNULL; }
    } else {
        ns = dict_new(vm);
        if (!ns) { ROOTS_RESET(vm); return VNULL; }
    }
    ROOT_PUSH(vm, ns);
    Value r = vm_run_class_body(vm, AS(Function, func), ns);
    if (!r) { ROOTS_RESET(vm); return VNULL; }
    if (bases != orig_bases) {
        if (vm_setitem(vm, ns, str_intern_cstr(vm, "__orig_bases__"), orig_bases) < 0) { ROOTS_RESET(vm); return VNULL; }
    }
    Value ca[3 + 32];
    ca[0] = name;
    ca[1] = bases;
    ca[2] = ns;
    for (int i = 0; i < nkw; i++) ca[3 + i] = kwvals[i];
    Value cls = vm_call(vm, meta, ca, 3, kwtuple);
    if (!cls) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, cls);
    /* the __class__ cell used by zero-argument super() */
    Value cell = VNULL;
    if (IS_DICT(ns)) cell = dict_get_str(vm, ns, NM(__classcell__));
    if (cell && v_is_type(cell, &type_cell)) {
        WR(vm, AS(Cell, cell), AS(Cell, cell)->ref, cls);
        if (IS_TYPE(cls) && AS(Type, cls)->dict) dict_pop_item(vm, AS(Type, cls)->dict, NM(__classcell__), NULL);
    }
    ROOTS_RESET(vm);
    return cls;
}

/* ======================= iterator types ======================= */
typedef struct Enumerate {
    Obj hdr;
    Value it;
    Value count;                /* int (small or big) */
} Enumerate;

typedef struct Zip {
    Obj hdr;
    Value iters;                /* tuple */
    bool strict;
} Zip;

typedef struct MapObj {
    Obj hdr;
    Value func;
    Value iters;                /* tuple */
} MapObj;

typedef struct FilterObj {
    Obj hdr;
    Value func;
    Value it;
} FilterObj;

typedef struct Reversed {
    Obj hdr;
    Value seq;
    int64_t index;
} Reversed;

Type type_enumerate, type_zip, type_map, type_filter, type_reversed;

static void enumerate_trace(GcTracer *g, Obj *o) { gc_mark_value(g, ((Enumerate *)o)->it); gc_mark_value(g, ((Enumerate *)o)->count); }
static void zip_trace(GcTracer *g, Obj *o) { gc_mark_value(g, ((Zip *)o)->iters); }
static void map_trace(GcTracer *g, Obj *o) { gc_mark_value(g, ((MapObj *)o)->func); gc_mark_value(g, ((MapObj *)o)->iters); }
static void filter_trace(GcTracer *g, Obj *o) { gc_mark_value(g, ((FilterObj *)o)->func); gc_mark_value(g, ((FilterObj *)o)->it); }
static void reversed_trace(GcTracer *g, Obj *o) { gc_mark_value(g, ((Reversed *)o)->seq); }
static Value self_iter(VM *vm, Value self) { (void)vm; return self; }

static Value enumerate_new(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    static const char *const names[] = {"iterable", "start", NULL};
    Value out[2];
    if (!vm_parse_args(vm, "enumerate", args, nargs, kwnames, names, 0, 1, out)) return VNULL;
    Value start = v_from_small(0);
    if (out[1]) {
        start = vm_index(vm, out[1]);
        if (!start) return VNULL;
    }
    Value it = vm_iter(vm, out[0]);
    if (!it) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, it);
    Value o = instance_alloc(vm, t);
    ROOTS_RESET(vm);
    if (!o) return VNULL;
    AS(Enumerate, o)->it = it;
    AS(Enumerate, o)->count = start;
    return o;
}

static Value enumerate_next(VM *vm, Value self) {
    Enumerate *e = AS(Enumerate, self);
    Value x = vm_next(vm, e->it);
    if (!x) return VNULL;
    Value c = RD(vm, e, e->count);
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, x);
    Value nc = v_is_int(c) && v_int(c) < SMALL_INT_MAX ? v_from_small(v_int(c) + 1) : int_binop(vm, NB_ADD, c, v_from_small(1));
    if (!nc) { ROOTS_RESET(vm); return VNULL; }
    WR(vm, e, e->count, nc);
    Value t = tuple_pack(vm, 2, c, x);
    ROOTS_RESET(vm);
    return t;
}

static Value zip_new(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    bool strict = false;
    int nk = kwnames ? (int)tuple_len(kwnames) : 0;
    for (int i = 0; i < nk; i++) {
        if (strcmp(str_cstr(tuple_items(kwnames)[i]), "strict"))
            return vm_raise(vm, &exc_TypeError, "'%U' is an invalid keyword argument for zip()", tuple_items(kwnames)[i]);
        int r = vm_truthy(vm, args[nargs + i]);
        if (r < 0) return VNULL;
        strict = r;
    }
    Value iters = tuple_new(vm, nargs);
    if (!iters) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, iters);
    for (int i = 0; i < nargs; i++) {
        Value it = vm_iter(vm, args[i]);
        if (!it) {
            ROOTS_RESET(vm);
            return VNULL;
        }
        tuple_items(iters)[i] = it;
    }
    Value o = instance_alloc(vm, t);
    ROOTS_RESET(vm);
    if (!o) return VNULL;
    AS(Zip, o)->iters = iters;
    AS(Zip, o)->strict = strict;
    return o;
}

static Value zip_next(VM *vm, Value self) {
    Zip *z = AS(Zip, self);
    int64_t n = tuple_len(z->iters);
    if (n == 0) return VNULL;
    Value res = tuple_new(vm, n);
    if (!res) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, res);
    for (int64_t i = 0; i < n; i++) {
        Value x = vm_next(vm, tuple_items(z->iters)[i]);
        if (!x) {
            if (vm->exc) { ROOTS_RESET(vm); return VNULL; }
            if (z->strict) {
                if (i > 0) {
                    ROOTS_RESET(vm);
                    return vm_raise(vm, &exc_ValueError, "zip() argument %lld is shorter than argument%s%lld",
                                    (long long)(i + 1), i == 1 ? " " : "s 1-", (long long)i);
                }
                for (int64_t j = 1; j < n; j++) {
                    Value y = vm_next(vm, tuple_items(z->iters)[j]);
                    if (y) {
                        ROOTS_RESET(vm);
                        return vm_raise(vm, &exc_ValueError, "zip() argument %lld is longer than argument%s%lld",
                                        (long long)(j + 1), j == 1 ? " " : "s 1-", (long long)j);
                    }
                    if (vm->exc) { ROOTS_RESET(vm); return VNULL; }
                }
            }
            ROOTS_RESET(vm);
            return VNULL;
        }
        tuple_items(res)[i] = x;
    }
    ROOTS_RESET(vm);
    return res;
}

static Value map_new(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    if (kwnames && tuple_len(kwnames)) return vm_raise(vm, &exc_TypeError, "map() takes no keyword arguments");
    if (nargs < 2) return vm_raise(vm, &exc_TypeError, "map() must have at least two arguments.");
    Value iters = tuple_new(vm, nargs - 1);
    if (!iters) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, iters);
    for (int i = 1; i < nargs; i++) {
        Value it = vm_iter(vm, args[i]);
        if (!it) { ROOTS_RESET(vm); return VNULL; }
        tuple_items(iters)[i - 1] = it;
    }
    Value o = instance_alloc(vm, t);
    ROOTS_RESET(vm);
    if (!o) return VNULL;
    AS(MapObj, o)->func = args[0];
    AS(MapObj, o)->iters = iters;
    return o;
}

static Value map_next(VM *vm, Value self) {
    MapObj *m = AS(MapObj, self);
    int64_t n = tuple_len(m->iters);
    Value buf[8];
    Value *xs = n <= 8 ? buf : malloc((size_t)n * sizeof(Value));
    if (!xs) return vm_raise_nomem(vm);
    ROOTS_MARK(vm);
    for (int64_t i = 0; i < n; i++) {
        Value x = vm_next(vm, tuple_items(m->iters)[i]);
        if (!x) {
            ROOTS_RESET(vm);
            if (xs != buf) free(xs);
            return VNULL;
        }
        xs[i] = x;
        ROOT_PUSH(vm, x);
    }
    Value r = vm_call(vm, m->func, xs, (int)n, VNULL);
    ROOTS_RESET(vm);
    if (xs != buf) free(xs);
    return r;
}

static Value filter_new(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    if (kwnames && tuple_len(kwnames)) return vm_raise(vm, &exc_TypeError, "filter() takes no keyword arguments");
    if (nargs != 2) return vm_raise(vm, &exc_TypeError, "filter expected 2 arguments, got %d", nargs);
    Value it = vm_iter(vm, args[1]);
    if (!it) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, it);
    Value o = instance_alloc(vm, t);
    ROOTS_RESET(vm);
    if (!o) return VNULL;
    AS(FilterObj, o)->func = args[0];
    AS(FilterObj, o)->it = it;
    return o;
}

static Value filter_next(VM *vm, Value self) {
    FilterObj *fo = AS(FilterObj, self);
    for (;;) {
        Value x = vm_next(vm, fo->it);
        if (!x) return VNULL;
        int t;
        if (fo->func == V_NONE || fo->func == v_from_ptr(&type_bool)) t = vm_truthy(vm, x);
        else {
            ROOTS_MARK(vm);
            ROOT_PUSH(vm, x);
            Value r = vm_call1(vm, fo->func, x);
            if (!r) { ROOTS_RESET(vm); return VNULL; }
            t = vm_truthy(vm, r);
            ROOTS_RESET(vm);
        }
        if (t < 0) return VNULL;
        if (t) return x;
    }
}

static Value reversed_new(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    if (kwnames && tuple_len(kwnames)) return vm_raise(vm, &exc_TypeError, "reversed() takes no keyword arguments");
    if (nargs != 1) return vm_raise(vm, &exc_TypeError, "reversed expected 1 argument, got %d", nargs);
    Value seq = args[0];
    Value rm = vm_lookup_special(vm, seq, NM(__reversed__));
    if (rm == V_NONE) return vm_raise(vm, &exc_TypeError, "'%s' object is not reversible", v_type(seq)->name);
    if (rm) return vm_call0(vm, rm);
    if (vm->exc) return VNULL;
    Type *st = v_type(seq);
    if (!st->tp_getitem || !st->tp_len || (st->flags & TF_DICT_SUBCLASS))
        return vm_raise(vm, &exc_TypeError, "'%s' object is not reversible", st->name);
    int64_t n = vm_len(vm, seq);
    if (n < 0) return VNULL;
    Value o = instance_alloc(vm, t);
    if (!o) return VNULL;
    AS(Reversed, o)->seq = seq;
    AS(Reversed, o)->index = n - 1;
    return o;
}

/* Iterator state goes through the barriers (see list.c). */
static Value reversed_next(VM *vm, Value self) {
    Reversed *r = AS(Reversed, self);
    int64_t i = RDW(vm, r, r->index);
    Value seq = RD(vm, r, r->seq);
    if (i < 0 || !seq) return VNULL;
    Value v = vm_getitem(vm, seq, v_from_small(i));
    if (!v) {
        if (vm_exc_matches(vm, &exc_IndexError) || vm_exc_matches(vm, &exc_StopIteration)) {
            vm_exc_clear(vm);
            WR(vm, r, r->seq, VNULL);
        }
        return VNULL;
    }
    WRW(vm, r, r->index, i - 1);
    return v;
}

static Value reversed_length_hint(VM *vm, Value *args, int nargs, Value kwnames) {
    UNUSED;
    Reversed *r = AS(Reversed, args[0]);
    return v_from_small(RD(vm, r, r->seq) ? RDW(vm, r, r->index) + 1 : 0);
}

static const MethodDef reversed_methods[] = {
    {"__length_hint__", reversed_length_hint, 1, 1, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};

#define STATIC_HDR {{0}, OBJ_STATIC, 0, &type_type}
Type type_enumerate = { .base = STATIC_HDR, .name = "enumerate", .basicsize = sizeof(Enumerate), .flags = TF_BASETYPE,
                        .trace = enumerate_trace, .tp_new = enumerate_new, .tp_iter = self_iter, .tp_iternext = enumerate_next };
Type type_zip = { .base = STATIC_HDR, .name = "zip", .basicsize = sizeof(Zip), .flags = TF_BASETYPE, .trace = zip_trace,
                  .tp_new = zip_new, .tp_iter = self_iter, .tp_iternext = zip_next };
Type type_map = { .base = STATIC_HDR, .name = "map", .basicsize = sizeof(MapObj), .flags = TF_BASETYPE, .trace = map_trace,
                  .tp_new = map_new, .tp_iter = self_iter, .tp_iternext = map_next };
Type type_filter = { .base = STATIC_HDR, .name = "filter", .basicsize = sizeof(FilterObj), .flags = TF_BASETYPE,
                     .trace = filter_trace, .tp_new = filter_new, .tp_iter = self_iter, .tp_iternext = filter_next };
Type type_reversed = { .base = STATIC_HDR, .name = "reversed", .basicsize = sizeof(Reversed), .flags = TF_BASETYPE,
                       .trace = reversed_trace, .tp_new = reversed_new, .tp_iter = self_iter, .tp_iternext = reversed_next };

static const MethodDef builtin_defs[] = {
    {"abs", b_abs, 1, 1, 0, NULL}, {"all", b_all, 1, 1, 0, NULL}, {"any", b_any, 1, 1, 0, NULL},
    {"ascii", b_ascii, 1, 1, 0, NULL}, {"bin", b_bin, 1, 1, 0, NULL}, {"callable", b_callable, 1, 1, 0, NULL},
    {"chr", b_chr, 1, 1, 0, NULL}, {"compile", b_compile, 0, -1, MF_KW, NULL},
    {"delattr", b_delattr, 2, 2, 0, NULL}, {"dir", b_dir, 0, 1, 0, NULL}, {"divmod", b_divmod, 2, 2, 0, NULL},
    {"eval", b_eval, 1, 3, 0, NULL}, {"exec", b_exec, 1, 3, 0, NULL},
    {"format", b_format, 1, 2, 0, NULL}, {"getattr", b_getattr, 2, 3, 0, NULL}, {"globals", b_globals, 0, 0, 0, NULL},
    {"hasattr", b_hasattr, 2, 2, 0, NULL}, {"hash", b_hash, 1, 1, 0, NULL}, {"hex", b_hex, 1, 1, 0, NULL},
    {"id", b_id, 1, 1, 0, NULL}, {"input", b_input, 0, 1, 0, NULL}, {"isinstance", b_isinstance, 2, 2, 0, NULL},
    {"issubclass", b_issubclass, 2, 2, 0, NULL}, {"iter", b_iter, 1, 2, 0, NULL}, {"len", b_len, 1, 1, 0, NULL},
    {"locals", b_locals, 0, 0, 0, NULL}, {"max", b_max, 0, -1, MF_KW, NULL}, {"min", b_min, 0, -1, MF_KW, NULL},
    {"next", b_next, 1, 2, 0, NULL}, {"oct", b_oct, 1, 1, 0, NULL}, {"ord", b_ord, 1, 1, 0, NULL},
    {"pow", b_pow, 0, -1, MF_KW, NULL}, {"print", b_print, 0, -1, MF_KW, NULL}, {"repr", b_repr, 1, 1, 0, NULL},
    {"round", b_round, 0, -1, MF_KW, NULL}, {"setattr", b_setattr, 3, 3, 0, NULL},
    {"sorted", b_sorted, 0, -1, MF_KW, NULL}, {"sum", b_sum, 0, -1, MF_KW, NULL}, {"vars", b_vars, 0, 1, 0, NULL},
    {"__import__", b_import, 0, -1, MF_KW, NULL}, {"__build_class__", vm_build_class, 2, -1, MF_KW, NULL},
    {"exit", b_exit, 0, 1, 0, NULL}, {"quit", b_exit, 0, 1, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};

void builtins_types_init(void) {
    type_ready(&type_enumerate);
    type_ready(&type_zip);
    type_ready(&type_map);
    type_ready(&type_filter);
    type_ready(&type_reversed);
    type_add_methods(&type_reversed, reversed_methods);
}

void builtins_init(VM *vm) {
    Value m = vm_new_module(vm, "builtins");
    G->builtins_module = m;
    G->builtins = AS(Module, m)->dict;
    Value d = G->builtins;
    for (const MethodDef *def = builtin_defs; def->name; def++)
        dict_set_cstr(vm, d, def->name, builtin_function_new(vm, def, VNULL, VNULL));
    static struct { const char *name; Type *t; } types[] = {
        {"bool", &type_bool}, {"bytearray", &type_bytearray}, {"bytes", &type_bytes},
        {"classmethod", &type_classmethod}, {"complex", &type_complex}, {"dict", &type_dict},
        {"enumerate", &type_enumerate}, {"filter", &type_filter}, {"float", &type_float},
        {"frozenset", &type_frozenset}, {"int", &type_int}, {"list", &type_list}, {"map", &type_map},
        {"object", &type_object}, {"property", &type_property}, {"range", &type_range},
        {"reversed", &type_reversed}, {"set", &type_set}, {"slice", &type_slice},
        {"staticmethod", &type_staticmethod}, {"str", &type_str}, {"super", &type_super},
        {"tuple", &type_tuple}, {"type", &type_type}, {"zip", &type_zip},
        {NULL, NULL}
    };
    for (int i = 0; types[i].name; i++) dict_set_cstr(vm, d, types[i].name, v_from_ptr(types[i].t));
#define EXC(name, base) dict_set_cstr(vm, d, #name, v_from_ptr(&exc_##name));
#include "exc_list.h"
#undef EXC
    dict_set_cstr(vm, d, "EnvironmentError", v_from_ptr(&exc_OSError));
    dict_set_cstr(vm, d, "IOError", v_from_ptr(&exc_OSError));
    dict_set_cstr(vm, d, "None", V_NONE);
    dict_set_cstr(vm, d, "Ellipsis", V_ELLIPSIS);
    dict_set_cstr(vm, d, "NotImplemented", V_NOTIMPL);
    dict_set_cstr(vm, d, "True", V_TRUE);
    dict_set_cstr(vm, d, "False", V_FALSE);
    dict_set_cstr(vm, d, "__debug__", V_TRUE);
    dict_set_cstr(vm, d, "__name__", str_from_cstr(vm, "builtins"));
}
