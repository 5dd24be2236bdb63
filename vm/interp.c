/* interp.c - the interpreter's life cycle: start-up (types, names,
 * builtins, sys), running __main__ from a file, a string or the REPL, the
 * periodic checks made at safe points, uncaught exceptions and exit codes.
 */
#include "vm.h"
#include "ast.h"
#include <string.h>
#include <stdio.h>
#include <stdlib.h>

Interp *G;
static Interp the_interp;
Value vm_names[NAME__COUNT];

/* init functions of the type files */
void str_init_types(void);
void str_init_objects(VM *vm);
void types_init_core(void);
void types_init_methods(void);
void type_add_new_wrapper(Type *t);
void func_init_types(void);
void int_init_types(void);
void float_init_types(void);
void tuple_init_types(void);
void list_init_types(void);
void dict_init_types(void);
void set_init_types(void);
void range_init_types(void);
void bytes_init_types(void);
void exc_init_types(void);
void gen_init_types(void);
void abstract_init_types(void);
void builtins_types_init(void);
void io_init(void);
void io_init_types(void);
void txq_init_types(void);
void thread_init_types(void);
void io_init_std(VM *vm);
void io_emit_committed(VM *vm);
void txn_init(void);
void txn_committed_hook(void *ctx);
void txn_conflict_hook(void *ctx, const StmHdr *obj, StmSite rs, StmSite ws);
void str_weak_sweep(void);
void type_weak_sweep(void);

void gc_weak_sweep(void) {
    str_weak_sweep();
    type_weak_sweep();
}

static StmSite site_hook(void *ctx) {
    VM *vm = ctx;
    StmSite s = {0, 0};
    if (vm && vm->frame) {
        s.code = vm->frame->code;
        s.offset = (uint32_t)(vm->frame->ip - vm->frame->code->code);
        if (s.offset) s.offset--;    /* f->ip is the next instruction */
    }
    return s;
}

static void wait_enter(void *ctx) { vm_park((VM *)ctx); }
static void wait_leave(void *ctx) { vm_unpark((VM *)ctx); }

extern Type type_list_iter, type_list_reviter, type_tuple_iter, type_range_iter, type_str_iter, type_seq_iter,
    type_callable_iter, type_dict_keys, type_dict_values, type_dict_items, type_dict_keyiter, type_dict_valueiter,
    type_dict_itemiter, type_set_iter, type_enumerate, type_zip, type_map, type_filter, type_reversed, type_file,
    type_mappingproxy, type_generic_alias;

static Type *const all_static_types[] = {
    &type_object, &type_type, &type_int, &type_bool, &type_float, &type_complex, &type_str, &type_bytes,
    &type_bytearray, &type_tuple, &type_list, &type_dict, &type_set, &type_frozenset, &type_range, &type_slice,
    &type_function, &type_property, &type_staticmethod, &type_classmethod, &type_super, &type_module,
    &type_enumerate, &type_zip, &type_map, &type_filter, &type_reversed, &type_none,
    NULL
};

VM *vm_main_init(void) {
    G = &the_interp;
    memset(G, 0, sizeof *G);
    G->threads_lock = plat_mutex_new();
    G->threads_cond = plat_cond_new();
    G->recursion_limit = 1000;
    G->nworkers = plat_num_cpus();
    gc_init();
    StmHooks hooks = {site_hook, txn_conflict_hook, txn_committed_hook};
    stm_init(&hooks);
    stm_set_wait_hooks(wait_enter, wait_leave);
    io_init();
    VM *vm = vm_thread_new();
    if (!vm) return NULL;
    vm->ticks = 1000;
    G->main_ident = vm->ident;
    str_init_types();
#define NAME(id, text) vm_names[NAME_##id] = str_intern_cstr(vm, text);
#include "names.h"
#undef NAME
    for (int i = 0; i < NAME__COUNT; i++) gc_add_root(&vm_names[i]);
    types_init_core();
    tuple_init_types();
    gc_add_root(&empty_tuple);
    func_init_types();
    int_init_types();
    float_init_types();
    list_init_types();
    dict_init_types();
    set_init_types();
    range_init_types();
    str_init_objects(vm);
    bytes_init_types();
    exc_init_types();
    gen_init_types();
    abstract_init_types();
    builtins_types_init();
    io_init_types();
    txq_init_types();
    thread_init_types();
    types_init_methods();
    for (int i = 0; all_static_types[i]; i++) type_add_new_wrapper(all_static_types[i]);
#define EXC(name, base) type_add_new_wrapper(&exc_##name);
#include "exc_list.h"
#undef EXC
    G->modules = dict_new(vm);
    builtins_init(vm);
    io_init_std(vm);
    G->sys_path = list_new(vm, 0);
    G->argv = list_new(vm, 0);
    G->sys_module = mod_sys_init(vm);
    dict_set_cstr(vm, G->modules, "builtins", G->builtins_module);
    dict_set_cstr(vm, G->modules, "sys", G->sys_module);
    txn_init();
    if (vm->exc) { vm_print_exception(vm, vm->exc); return NULL; }
    return vm;
}

/* Safe-point work, every few thousand backward jumps and calls. */
int vm_periodic(VM *vm, bool boundary) {
    vm->ticks = 4000;
    vm_safepoint(vm);
    if (vm->threaded && boundary) txn_slice_boundary(vm);
    else if (vm->tx.active && !vm->tx.direct) stm_validate(&vm->tx);
    if (UNLIKELY(plat_stop_requested())) {
        /* In a parallel transaction.run() the stop stays requested until
         * run() ends: a speculative transaction's KeyboardInterrupt only
         * counts once it is the oldest, so every transaction must see the
         * flag (the first one to commit its KeyboardInterrupt stops the
         * run, and run_parallel clears the flag). */
        if (!vm->txrun) plat_clear_stop();
        vm_raise_value(vm, v_from_ptr(&exc_KeyboardInterrupt));
        return -1;
    }
    return 0;
}

/* ---- exit codes ---- */
static int exit_code_of(VM *vm, Value exc) {
    Value code = RD(vm, AS(BaseExc, exc), AS(BaseExc, exc)->extra[0]);
    if (!code || code == V_NONE) return 0;
    if (v_is_intlike(code)) {
        int64_t c;
        if (int_to_i64(v_int_value(code), &c)) return (int)(c & 0xFF);
        return 1;
    }
    Value s = vm_str(vm, code);
    if (s) {
        vm_flush_std(vm);
        vm_write(vm, 2, str_cstr(s), (size_t)str_len(s));
        vm_write(vm, 2, "\n", 1);
    } else {
        vm_exc_clear(vm);
    }
    return 1;
}

int vm_handle_uncaught(VM *vm) {
    Value exc = vm_exc_fetch(vm);
    if (!exc) return 0;
    if (v_isinstance_of(exc, &exc_SystemExit)) return exit_code_of(vm, exc);
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, exc);
    Value hook = G->sys_module ? dict_get_str(vm, module_dict(G->sys_module), NM(excepthook)) : VNULL;
    bool done = false;
    if (hook && !v_is_type(hook, &type_builtin_function)) {
        BaseExc *e = AS(BaseExc, exc);
        Value tb = RD(vm, e, e->traceback);
        Value r = vm_call3(vm, hook, v_from_ptr(v_type(exc)), exc, tb ? tb : V_NONE);
        if (r) done = true;
        else {
            Value e2 = vm_exc_fetch(vm);
            vm_write(vm, 2, "Error in sys.excepthook:\n", 25);
            vm_print_exception(vm, e2);
            vm_write(vm, 2, "\nOriginal exception was:\n", 25);
        }
    }
    if (!done) vm_print_exception(vm, exc);
    ROOTS_RESET(vm);
    return 1;
}

int vm_run_main_string(VM *vm, const char *src, size_t len, const char *filename) {
    Value fn = str_from_cstr(vm, filename);
    Value name = fn ? str_intern_cstr(vm, "__main__") : VNULL;
    if (!name) return vm_handle_uncaught(vm);
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, fn);
    Value r = vm_run_module_source(vm, name, src, len, fn);
    ROOTS_RESET(vm);
    int rc = r ? 0 : vm_handle_uncaught(vm);
    vm_wait_threads(vm);
    return rc;
}

/* At the end of the program, as CPython does: wait for the threading
 * module's non-daemon threads, then publish this thread's last slice. */
void vm_wait_threads(VM *vm) {
    Value mods = G->modules;
    Value th = mods ? dict_get_str(vm, mods, str_intern_cstr(vm, "threading")) : VNULL;
    if (th && v_is_type(th, &type_module)) {
        Value f = dict_get_str(vm, module_dict(th), str_intern_cstr(vm, "_shutdown"));
        if (f && !vm_call0(vm, f)) vm_handle_uncaught(vm);
    }
    txn_thread_end(vm);
}

int vm_run_main_file(VM *vm, const char *path) {
    char *src;
    size_t len;
    int r = plat_read_file(path, &src, &len);
    if (r < 0) return -1;
    int rc = vm_run_main_string(vm, src, len, path);
    free(src);
    return rc;
}

/* ---- interactive loop ---- */
static bool read_line(VM *vm, const char *prompt, StrBuf *line) {
    vm_flush_std(vm);
    plat_write(1, prompt, strlen(prompt));
    sb_clear(line);
    for (;;) {
        char c;
        vm_park(vm);
        int64_t n = plat_read(0, &c, 1);
        vm_unpark(vm);
        if (n <= 0) return line->len > 0;
        sb_putc(line, c);
        if (c == '\n') return true;
    }
}

static Value display_hook_default(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    Value v = args[0];
    if (v == V_NONE) return V_NONE;
    if (dict_set_str(vm, G->builtins, NM(_), V_NONE) < 0) return VNULL;
    Value r = vm_repr(vm, v);
    if (!r) return VNULL;
    Value so = dict_get_str(vm, module_dict(G->sys_module), NM(stdout));
    Value parts[1] = {r};
    (void)parts;
    if (!vm_print(vm, &r, 1, VNULL, VNULL, so, false)) return VNULL;
    if (dict_set_str(vm, G->builtins, NM(_), v) < 0) return VNULL;
    return V_NONE;
}
const MethodDef displayhook_def = {"displayhook", display_hook_default, 1, 1, 0, NULL};

int vm_repl(VM *vm) {
    StrBuf src = STRBUF_INIT, line = STRBUF_INIT;
    Value fn = str_from_cstr(vm, "<stdin>");
    Value name = str_intern_cstr(vm, "__main__");
    Value mod = vm_new_module(vm, "__main__");
    if (!fn || !name || !mod) return vm_handle_uncaught(vm);
    gc_add_root(&G->main_module);
    G->main_module = mod;
    dict_set_str(vm, AS(Module, mod)->dict, NM(__builtins__), G->builtins_module);
    dict_set(vm, G->modules, name, mod);
    Value keep = tuple_pack(vm, 1, fn);
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, keep);
    char banner[160];
    snprintf(banner, sizeof banner, "txpy %s (Python %s compatible) on %s\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n",
             TXPY_VERSION, TXPY_PY_VERSION, plat_name());
    plat_write(2, banner, strlen(banner));
    int rc = 0;
    for (;;) {
        sb_clear(&src);
        if (!read_line(vm, ">>> ", &line)) {
            plat_write(1, "\n", 1);
            break;
        }
        sb_append(&src, line.data, line.len);
        while (ast_needs_more_input(src.data, src.len)) {
            if (!read_line(vm, "... ", &line)) break;
            sb_append(&src, line.data, line.len);
            if (line.len <= 1) break;
        }
        bool blank = true;
        for (size_t i = 0; i < src.len; i++)
            if (src.data[i] != ' ' && src.data[i] != '\t' && src.data[i] != '\n' && src.data[i] != '\r') blank = false;
        if (blank) continue;
        Value code = compile_source(vm, src.data, src.len, fn, COMPILE_SINGLE);
        Value r = VNULL;
        if (code) {
            ROOT_PUSH(vm, code);
            Value d = AS(Module, mod)->dict;
            r = vm_eval_code(vm, AS(Code, code), d, d);
            vm->nroots--;
        }
        if (!r) {
            if (vm_exc_matches(vm, &exc_SystemExit)) {
                rc = vm_handle_uncaught(vm);
                break;
            }
            vm_handle_uncaught(vm);
        }
        vm_flush_std(vm);
    }
    ROOTS_RESET(vm);
    sb_free(&src);
    sb_free(&line);
    return rc;
}

void vm_finalize(VM *vm) {
    /* flush sys.stdout if it is a user object with buffered data */
    vm_flush_std(vm);
    vm_flush_files();
}
