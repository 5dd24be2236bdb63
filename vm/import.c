/* import.c - the import statement.
 *
 * Modules come from three places, searched in this order: built-in C
 * modules (modules.c), frozen pure-Python modules compiled into the binary
 * (the .py files of lib/, see tools/embed_lib.py), and .py files or packages on
 * sys.path.  A module is entered in sys.modules before its body runs (so
 * circular imports see the partial module) and removed again if the body
 * fails.  Loading a module reads files and runs arbitrary code once, so
 * inside a transaction it makes the transaction inevitable.
 */
#include "vm.h"
#include <string.h>
#include <stdlib.h>

typedef struct BuiltinModule { const char *name; ModuleInitFn init; } BuiltinModule;
typedef struct FrozenModule { const char *name; const char *source; size_t len; bool is_package; } FrozenModule;
extern const BuiltinModule builtin_modules[];
extern const FrozenModule frozen_modules[];

static Value modules(void) { return G->modules; }

/* Names of modules whose body is running (for the circular-import message). */
static Value initializing;

static bool is_initializing(VM *vm, Value name) {
    if (!initializing) return false;
    bool err;
    Value v = dict_get(vm, initializing, name, &err);
    if (err) vm_exc_clear(vm);
    return v != VNULL;
}

static Value import_error(VM *vm, Type *t, Value name, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vm_raisev(vm, t, fmt, ap);
    va_end(ap);
    if (vm->exc && IS_EXC(vm->exc) && v_isinstance_of(vm->exc, &exc_ImportError))
        WR(vm, AS(BaseExc, vm->exc), AS(BaseExc, vm->exc)->extra[0], name);
    return VNULL;
}

/* Run source as module `name`; the module is already created and
 * registered by the caller. */
static Value exec_module_source(VM *vm, Value mod, const char *src, size_t len, Value filename) {
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, mod);
    vm_register_source(str_cstr(filename), src, len);
    Value code = compile_source(vm, src, len, filename, COMPILE_EXEC);
    if (!code) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, code);
    Value d = AS(Module, mod)->dict;
    Value name = AS(Module, mod)->name;
    if (!initializing) {
        initializing = dict_new(vm);
        if (!initializing) { ROOTS_RESET(vm); return VNULL; }
        gc_add_root(&initializing);
    }
    if (dict_set(vm, initializing, name, V_TRUE) < 0) { ROOTS_RESET(vm); return VNULL; }
    Value r = vm_eval_code(vm, AS(Code, code), d, d);
    Value saved = vm_exc_fetch(vm);
    dict_pop_item(vm, initializing, name, NULL);
    vm->exc = saved;
    ROOTS_RESET(vm);
    return r ? mod : VNULL;
}

static Value new_registered_module(VM *vm, Value name, Value file, bool package, Value path_dir) {
    Value mod = vm_new_module(vm, str_cstr(name));
    if (!mod) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, mod);
    Value d = AS(Module, mod)->dict;
    if (file && dict_set_str(vm, d, NM(__file__), file) < 0) goto fail;
    if (dict_set_str(vm, d, NM(__builtins__), G->builtins_module) < 0) goto fail;
    if (package) {
        Value pl = list_new(vm, 0);
        if (!pl) goto fail;
        ROOT_PUSH(vm, pl);
        if (path_dir && !list_append(vm, pl, path_dir)) goto fail;
        if (dict_set_str(vm, d, NM(__path__), pl) < 0) goto fail;
        if (dict_set_str(vm, d, NM(__package__), name) < 0) goto fail;
    } else {
        const char *n = str_cstr(name);
        const char *dot = strrchr(n, '.');
        Value pkg = dot ? str_new(vm, n, (size_t)(dot - n)) : NM(empty);
        if (!pkg || dict_set_str(vm, d, NM(__package__), pkg) < 0) goto fail;
    }
    if (dict_set(vm, modules(), name, mod) < 0) goto fail;
    ROOTS_RESET(vm);
    return mod;
fail:
    ROOTS_RESET(vm);
    return VNULL;
}

static Value load_frozen(VM *vm, Value name) {
    const char *n = str_cstr(name);
    for (const FrozenModule *fm = frozen_modules; fm->name; fm++) {
        if (strcmp(fm->name, n)) continue;
        Value file = vm_format(vm, "<frozen %s>", fm->name);
        if (!file) return VNULL;
        ROOTS_MARK(vm);
        ROOT_PUSH(vm, file);
        Value mod = new_registered_module(vm, name, VNULL, fm->is_package, VNULL);
        if (!mod) { ROOTS_RESET(vm); return VNULL; }
        ROOT_PUSH(vm, mod);
        Value r = exec_module_source(vm, mod, fm->source, fm->len, file);
        if (!r) dict_pop_item(vm, modules(), name, NULL);
        ROOTS_RESET(vm);
        return r;
    }
    return V_NONE;      /* not frozen */
}

static Value load_builtin(VM *vm, Value name) {
    const char *n = str_cstr(name);
    for (const BuiltinModule *bm = builtin_modules; bm->name; bm++) {
        if (strcmp(bm->name, n)) continue;
        Value mod = bm->init(vm);
        if (!mod) return VNULL;
        ROOTS_MARK(vm);
        ROOT_PUSH(vm, mod);
        if (dict_set(vm, modules(), name, mod) < 0) { ROOTS_RESET(vm); return VNULL; }
        ROOTS_RESET(vm);
        return mod;
    }
    return V_NONE;
}

/* Find `leaf` in the directories of `paths` (a list).  Returns 1 and fills
 * file/dir/package when found, 0 if not, -1 on error. */
static int find_on_path(VM *vm, Value paths, const char *leaf, StrBuf *file, bool *package, StrBuf *pkgdir) {
    if (!paths || !IS_LIST(paths)) return 0;
    int64_t n = list_len(vm, paths);
    for (int64_t i = 0; i < n; i++) {
        Value dir = list_get(vm, paths, i);
        if (!IS_STR(dir)) continue;
        const char *d = str_cstr(dir);
        StrBuf base = STRBUF_INIT;
        if (*d) {
            sb_puts(&base, d);
            if (d[strlen(d) - 1] != '/') sb_putc(&base, '/');
        }
        sb_puts(&base, leaf);
        /* package: dir/leaf/__init__.py */
        StrBuf init = STRBUF_INIT;
        sb_append(&init, base.data, base.len);
        sb_puts(&init, "/__init__.py");
        if (plat_stat_kind(sb_cstr(&init)) == 1) {
            sb_clear(file);
            sb_append(file, init.data, init.len);
            sb_clear(pkgdir);
            sb_append(pkgdir, base.data, base.len);
            *package = true;
            sb_free(&init);
            sb_free(&base);
            return 1;
        }
        sb_free(&init);
        sb_puts(&base, ".py");
        if (plat_stat_kind(sb_cstr(&base)) == 1) {
            sb_clear(file);
            sb_append(file, base.data, base.len);
            *package = false;
            sb_free(&base);
            return 1;
        }
        sb_free(&base);
    }
    return 0;
}

static Value load_from_file(VM *vm, Value name, const char *path, bool package, const char *pkgdir) {
    char *src;
    size_t len;
    int r = plat_read_file(path, &src, &len);
    if (r < 0) return vm_raise_oserror(vm, r, str_from_cstr(vm, path));
    ROOTS_MARK(vm);
    Value file = str_from_cstr(vm, path);
    Value pd = package ? str_from_cstr(vm, pkgdir) : VNULL;
    if (!file || (package && !pd)) { free(src); ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, file);
    if (pd) ROOT_PUSH(vm, pd);
    Value mod = new_registered_module(vm, name, file, package, pd);
    if (!mod) { free(src); ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, mod);
    Value res = exec_module_source(vm, mod, src, len, file);
    free(src);
    if (!res) {
        Value saved = vm_exc_fetch(vm);
        dict_pop_item(vm, modules(), name, NULL);
        vm->exc = saved;
    }
    ROOTS_RESET(vm);
    return res;
}

/* Import exactly `name` (absolute, dotted), its parents already imported. */
static Value import_one(VM *vm, Value name, Value parent) {
    bool err;
    Value m = dict_get(vm, modules(), name, &err);
    if (err) return VNULL;
    if (m) return m;
    vm_become_inevitable(vm, "import");
    Value r = load_builtin(vm, name);
    if (r != V_NONE) return r;
    r = load_frozen(vm, name);
    if (r != V_NONE) return r;
    const char *n = str_cstr(name);
    const char *leaf = strrchr(n, '.');
    leaf = leaf ? leaf + 1 : n;
    Value paths;
    if (parent) {
        paths = dict_get_str(vm, AS(Module, parent)->dict, NM(__path__));
        if (!paths) {
            const char *pn = str_cstr(AS(Module, parent)->name);
            return import_error(vm, &exc_ModuleNotFoundError, name, "No module named '%s'; '%s' is not a package", n, pn);
        }
    } else {
        paths = G->sys_path;
    }
    StrBuf file = STRBUF_INIT, pkgdir = STRBUF_INIT;
    bool package = false;
    int found = find_on_path(vm, paths, leaf, &file, &package, &pkgdir);
    if (found < 0) { sb_free(&file); sb_free(&pkgdir); return VNULL; }
    if (!found) {
        sb_free(&file);
        sb_free(&pkgdir);
        return import_error(vm, &exc_ModuleNotFoundError, name, "No module named '%s'", n);
    }
    Value mod = load_from_file(vm, name, sb_cstr(&file), package, sb_cstr(&pkgdir));
    sb_free(&file);
    sb_free(&pkgdir);
    if (mod && parent) {
        Value leafname = str_intern_cstr(vm, leaf);
        if (!leafname || dict_set_str(vm, AS(Module, parent)->dict, leafname, mod) < 0) return VNULL;
    }
    /* the module may have replaced itself in sys.modules */
    if (mod) {
        Value again = dict_get(vm, modules(), name, &err);
        if (again) return again;
    }
    return mod;
}

/* Resolve a relative import against the importing module's package. */
static Value resolve_name(VM *vm, Value name, int level, Value globals) {
    if (level == 0) return name;
    Value pkg = globals ? dict_get_str(vm, globals, NM(__package__)) : VNULL;
    if (!pkg || pkg == V_NONE) {
        Value mn = globals ? dict_get_str(vm, globals, NM(__name__)) : VNULL;
        if (!mn || !IS_STR(mn)) return vm_raise(vm, &exc_ImportError, "attempted relative import with no known parent package");
        if (globals && dict_get_str(vm, globals, NM(__path__))) pkg = mn;
        else {
            const char *s = str_cstr(mn), *dot = strrchr(s, '.');
            pkg = dot ? str_new(vm, s, (size_t)(dot - s)) : NM(empty);
            if (!pkg) return VNULL;
        }
    }
    if (!IS_STR(pkg) || str_len(pkg) == 0)
        return vm_raise(vm, &exc_ImportError, "attempted relative import with no known parent package");
    const char *p = str_cstr(pkg);
    size_t plen = (size_t)str_len(pkg);
    for (int i = 1; i < level; i++) {
        const char *dot = NULL;
        for (size_t k = plen; k > 0; k--) if (p[k - 1] == '.') { dot = p + k - 1; break; }
        if (!dot) return vm_raise(vm, &exc_ImportError, "attempted relative import beyond top-level package");
        plen = (size_t)(dot - p);
    }
    StrBuf sb = STRBUF_INIT;
    sb_append(&sb, p, plen);
    if (str_len(name)) {
        sb_putc(&sb, '.');
        sb_append(&sb, str_cstr(name), (size_t)str_len(name));
    }
    Value full = str_from_sb(vm, &sb);
    return full ? str_intern(vm, full) : VNULL;
}

Value vm_import(VM *vm, Value name, Value fromlist, int level, Value globals) {
    if (level < 0) return vm_raise(vm, &exc_ValueError, "level must be >= 0");
    if (level == 0 && str_len(name) == 0) return vm_raise(vm, &exc_ValueError, "Empty module name");
    Value full = resolve_name(vm, name, level, globals);
    if (!full) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, full);
    /* import each prefix */
    const char *s = str_cstr(full);
    Value parent = VNULL, top = VNULL, mod = VNULL;
    const char *p = s;
    for (;;) {
        const char *dot = strchr(p, '.');
        size_t l = dot ? (size_t)(dot - s) : strlen(s);
        Value part = str_new(vm, s, l);
        if (!part) { ROOTS_RESET(vm); return VNULL; }
        part = str_intern(vm, part);
        if (!part) { ROOTS_RESET(vm); return VNULL; }
        ROOT_PUSH(vm, part);
        mod = import_one(vm, part, parent);
        if (!mod) { ROOTS_RESET(vm); return VNULL; }
        ROOT_PUSH(vm, mod);
        if (!top) top = mod;
        parent = mod;
        if (!dot) break;
        p = dot + 1;
    }
    bool has_from = fromlist && fromlist != V_NONE && (!IS_TUPLE(fromlist) || tuple_len(fromlist) > 0);
    if (has_from && IS_TUPLE(fromlist) && dict_get_str(vm, AS(Module, mod)->dict, NM(__path__))) {
        /* from package import submodule */
        for (int64_t i = 0; i < tuple_len(fromlist); i++) {
            Value item = tuple_items(fromlist)[i];
            if (!IS_STR(item) || !strcmp(str_cstr(item), "*")) continue;
            Value it = str_intern(vm, item);
            if (!it) { ROOTS_RESET(vm); return VNULL; }
            if (dict_get_str(vm, AS(Module, mod)->dict, it)) continue;
            Value sub = vm_format(vm, "%U.%U", full, it);
            if (!sub) { ROOTS_RESET(vm); return VNULL; }
            sub = str_intern(vm, sub);
            ROOT_PUSH(vm, sub);
            Value sm = import_one(vm, sub, mod);
            if (!sm) {
                if (vm_exc_matches(vm, &exc_ModuleNotFoundError)) vm_exc_clear(vm);
                else { ROOTS_RESET(vm); return VNULL; }
            }
        }
    }
    Value result;
    if (has_from) result = mod;
    else if (level > 0) {
        /* `from . import x` is has_from; plain relative import returns the top of the relative name */
        result = mod;
    } else result = top;
    ROOTS_RESET(vm);
    return result;
}

Value vm_import_cstr(VM *vm, const char *name) {
    Value n = str_intern_cstr(vm, name);
    if (!n) return VNULL;
    return vm_import(vm, n, V_NONE, 0, VNULL);
}

Value vm_import_from(VM *vm, Value module, Value name) {
    bool err;
    Value v = vm_getattr_opt(vm, module, name, &err);
    if (v || err) return v;
    /* a submodule that is in sys.modules but not yet bound */
    bool has_name = false;
    Value mname = VNULL;
    if (v_is_type(module, &type_module)) {
        mname = AS(Module, module)->name;
        has_name = true;
        Value full = vm_format(vm, "%U.%U", mname, name);
        if (!full) return VNULL;
        v = dict_get(vm, modules(), full, &err);
        if (v || err) return v;
    }
    Value file = v_is_type(module, &type_module) ? dict_get_str(vm, AS(Module, module)->dict, NM(__file__)) : VNULL;
    if (!has_name) return import_error(vm, &exc_ImportError, name, "cannot import name '%U'", name);
    if (is_initializing(vm, mname)) {
        if (file && IS_STR(file))
            return import_error(vm, &exc_ImportError, mname,
                                "cannot import name '%U' from partially initialized module '%U' (most likely due to a circular import) (%U)",
                                name, mname, file);
        return import_error(vm, &exc_ImportError, mname,
                            "cannot import name '%U' from partially initialized module '%U' (most likely due to a circular import)",
                            name, mname);
    }
    /* as CPython: the error's name is the module's */
    if (file && IS_STR(file))
        return import_error(vm, &exc_ImportError, mname, "cannot import name '%U' from '%U' (%U)", name, mname, file);
    return import_error(vm, &exc_ImportError, mname, "cannot import name '%U' from '%U' (unknown location)", name, mname);
}

int vm_import_star(VM *vm, Value module, Value locals) {
    Value d = v_is_type(module, &type_module) ? AS(Module, module)->dict : VNULL;
    ROOTS_MARK(vm);
    Value all = d ? dict_get_str(vm, d, NM(__all__)) : VNULL;
    if (all) {
        Value t = vm_sequence_to_tuple(vm, all);
        if (!t) return -1;
        ROOT_PUSH(vm, t);
        for (int64_t i = 0; i < tuple_len(t); i++) {
            Value n = tuple_items(t)[i];
            if (!IS_STR(n)) { ROOTS_RESET(vm); vm_raise(vm, &exc_TypeError, "Item in __all__ must be str, not %s", v_type(n)->name); return -1; }
            Value in = str_intern(vm, n);
            Value v = in ? vm_getattr(vm, module, in) : VNULL;
            if (!v || vm_setitem(vm, locals, in, v) < 0) { ROOTS_RESET(vm); return -1; }
        }
        ROOTS_RESET(vm);
        return 0;
    }
    if (!d) { vm_raise(vm, &exc_ImportError, "from-import-* object has no __dict__ and no __all__"); return -1; }
    int64_t pos = 0;
    Value k, v;
    while (dict_next(vm, d, &pos, &k, &v)) {
        if (IS_STR(k) && str_cstr(k)[0] == '_') continue;
        if (vm_setitem(vm, locals, k, v) < 0) { ROOTS_RESET(vm); return -1; }
    }
    ROOTS_RESET(vm);
    return 0;
}

/* Run a module given as source text (used for __main__). */
Value vm_run_module_source(VM *vm, Value name, const char *src, size_t len, Value filename) {
    Value mod = vm_new_module(vm, str_cstr(name));
    if (!mod) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, mod);
    Value d = AS(Module, mod)->dict;
    if (dict_set_str(vm, d, NM(__builtins__), G->builtins_module) < 0) { ROOTS_RESET(vm); return VNULL; }
    if (filename && str_cstr(filename)[0] != '<' && dict_set_str(vm, d, NM(__file__), filename) < 0) { ROOTS_RESET(vm); return VNULL; }
    if (dict_set(vm, modules(), name, mod) < 0) { ROOTS_RESET(vm); return VNULL; }
    G->main_module = mod;
    Value r = exec_module_source(vm, mod, src, len, filename);
    ROOTS_RESET(vm);
    return r;
}
