/* vm.h - the interpreter's internal API: per-thread state (VM), frames,
 * the interpreter-wide state (Interp), STM barrier macros, GC rooting, and
 * the functions each module of vm/ offers the others.
 *
 * Threading model: every thread running Python has its own VM (passed as
 * the first argument everywhere; there is no hidden thread-local lookup on
 * hot paths).  Shared mutable Python state is only touched through RD/WR,
 * i.e. the STM.  Interpreter-internal shared structures (intern table,
 * shape trees, allocator pages) use their own locks and are never
 * transactional.
 *
 * Error convention: a function returning Value returns VNULL after setting
 * vm->exc; one returning int returns -1.  STM aborts are not errors: they
 * longjmp to the transaction's start (see stm.h) and never mix with Python
 * exceptions.
 *
 * GC rooting: a collection only happens at safe points (vm_safepoint), i.e.
 * in the eval loop between instructions, between transactions, or while a
 * thread is parked.  Values on the frames' stacks, in the VM fields below and
 * on the temp-root stack survive; a C function holding a new object only in a
 * C local across anything that can run Python code (a call, a comparison, a
 * hash, an iteration step, an allocation is NOT such a thing) must push it
 * with ROOT_PUSH.  GC stress mode (TXPY_GC_STRESS) collects at every safe
 * point to find violations.
 */
#ifndef TXPY_VM_H
#define TXPY_VM_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stdatomic.h>
#include "object.h"
#include "strbuf.h"
#include "../platform/platform.h"

#define TXPY_VERSION "0.1.0"
#define TXPY_PY_VERSION "3.11.0"

/* ---- barriers ---- */
#define RD(vm, obj, field) stm_read(&(vm)->tx, (obj), (const uint64_t *)&(field))
#define WR(vm, obj, field, val) stm_write(&(vm)->tx, (obj), (uint64_t *)&(field), (uint64_t)(val))
/* Raw (non-Value) words: counts kept as int64, hashes. */
#define RDW(vm, obj, field) ((int64_t)stm_read(&(vm)->tx, (obj), (const uint64_t *)&(field)))
#define WRW(vm, obj, field, val) stm_write_raw(&(vm)->tx, (obj), (uint64_t *)&(field), (uint64_t)(val))

/* ---- frames ---- */
typedef struct Block {
    int32_t handler;            /* instruction index of the handler */
    int32_t level;              /* value-stack depth to unwind to */
} Block;

typedef struct Generator Generator;

typedef struct Frame {
    struct Frame *prev;
    Code *code;
    Function *func;             /* NULL for module/class/exec code */
    Value globals;              /* Dict */
    Value builtins;             /* Dict */
    Value locals;               /* mapping for module/class bodies, else VNULL */
    uint32_t *ip;               /* next instruction (saved at calls and safe points) */
    Value *sp;                  /* stack top (saved likewise) */
    Value *stack;               /* value-stack base */
    Block *blocks;
    int32_t nblocks;
    uint8_t entry;              /* the eval call that runs it returns when it returns */
    uint8_t in_heap;            /* storage belongs to a generator */
    uint8_t throwing;           /* resume by raising vm->exc at ip (generator.throw) */
    Generator *gen;
    Value localsplus[];         /* locals, cells, free vars; then the stack; then blocks */
} Frame;

static inline size_t frame_size(const Code *c) {
    return sizeof(Frame) + (size_t)(c->nlocalsplus + c->stacksize) * sizeof(Value) +
           (size_t)c->nblocks * sizeof(Block);
}

/* ---- per-thread method cache ---- */
#define MCACHE_BITS 12
typedef struct MCacheEntry {
    Type *type;
    Value name;
    uint64_t version;
    Value value;                /* VNULL: known missing */
} MCacheEntry;

/* ---- per-thread shape cache: (shape, attribute name) -> slot index ----
 * Shapes never change, so an entry stays true while both objects live;
 * like the method cache it is emptied at every collection. */
#define ACACHE_BITS 11
typedef struct ACacheEntry {
    const struct Shape *shape;
    Value name;
    int64_t index;              /* -1: not in the shape */
} ACacheEntry;

typedef struct GcLocal GcLocal;
typedef struct TxRun TxRun;
typedef struct TxLocal TxLocal;
typedef struct DictPending DictPending;

enum { TXK_NONE, TXK_ENTRY, TXK_SLICE, TXK_MINI };   /* VM.tx_kind */

/* The thread state outside the STM that an aborted attempt restores
 * (txn.c). */
typedef struct TxSaved {
    struct Frame *frame;
    char *fstack, *fstack_top, *fstack_end;
    int32_t depth, c_depth, eval_depth, nroots, atomic_depth;
    Value handled, tls_repr;
} TxSaved;

typedef enum ThreadState {
    TS_RUNNING,                 /* may touch the heap; GC waits for it */
    TS_PARKED                   /* blocked outside the heap; GC proceeds without it */
} ThreadState;

struct VM {
    StmTx tx;                   /* first: hot barrier fields */
    struct Interp *in;
    Frame *frame;               /* innermost frame */
    char *fstack, *fstack_top, *fstack_end;   /* frame arena */
    int32_t depth;              /* Python frames on this thread */
    int32_t c_depth;            /* nested C-level protocol recursion (repr, ==, calls of non-functions) */
    int32_t eval_depth;         /* nested vm_eval_frame invocations */
    uintptr_t stack_lo;         /* lowest C stack address this thread may reach (0: unchecked) */
    Value exc;                  /* the exception being raised, or VNULL */
    Value handled;              /* the exception being handled (sys.exc_info) */
    Value *roots;               /* temp roots */
    int32_t nroots, roots_cap;
    GcLocal *gc;                /* allocator state */
    _Atomic int state;          /* ThreadState */
    struct VM *next_vm;         /* all threads, under in->threads_lock */
    uint64_t ident;
    Value thread_obj;           /* threading-level object, or VNULL */
    Value tls;                  /* dict for threading.local */
    TxRun *txrun;               /* the transaction being run, if any */
    int32_t atomic_depth;       /* `with transaction.atomic` nesting */
    int32_t slice_ops;          /* instructions left in this thread's transaction slice */
    int32_t ticks;              /* countdown to the next periodic check (vm_periodic) */
    Value tls_repr;             /* objects whose repr is being computed (recursion guard) */
    bool in_tx;                 /* inside a speculative (or inevitable) transaction */
    bool is_worker;             /* a pool worker of the transaction module */
    StrBuf txout;               /* buffered output of the running transaction (io.c records) */
    TxLocal *txl;               /* deferred actions of the attempt (txn.c) */
    void (*commit_action)(VM *vm);  /* run by the commit hook after the generic work */
    Value txexc;                /* exception raised by the transaction being committed */
    struct DictPending *dpend;  /* dict inserts decided at commit (dict.c) */
    uint32_t worker_index;      /* 0: the main thread; pool workers and threads: 1, 2, ... */
    int64_t slice_t0;           /* start of the running slice's attempt (events) */
    /* threads (txn.c): with more than one Python thread every VM runs in
     * slices; see txn.c for the protocol */
    bool threaded;
    bool released_lock;         /* the running transaction released a lock: wake waiters at commit */
    uint8_t tx_kind;            /* TXK_* */
    int32_t slice_level;        /* eval level the running slice restarts in, -1 if none */
    Frame *slice_base;          /* oldest frame whose state the slice has kept */
    jmp_buf *level_jb;          /* restart point of the innermost sliced level */
    int32_t level_depth;        /* the eval_depth that level_jb belongs to */
    MCacheEntry mcache[1 << MCACHE_BITS];
    ACacheEntry acache[1 << ACACHE_BITS];
};

/* The C stack guard: true when the calling thread is close to the end of
 * its C stack (deep recursion through C must raise RecursionError first). */
static inline bool vm_stack_exhausted(VM *vm) {
    char probe;
    return (uintptr_t)&probe < vm->stack_lo;
}
/* Record the stack of the calling thread (size bytes from here down). */
void vm_set_stack(VM *vm, size_t size);  /* size unused: the platform knows */

/* ---- interpreter-wide state ---- */
typedef struct Interp {
    Value builtins;             /* Dict of the builtins module */
    Value builtins_module;
    Value modules;              /* sys.modules (Dict) */
    Value sys_module;
    Value main_module;
    Value sys_path;             /* List */
    Value argv;                 /* List */
    Value stdout_obj, stderr_obj, stdin_obj;
    int32_t recursion_limit;
    int32_t nworkers;           /* default worker count for transactions */
    bool stm_stats;             /* --stm-stats */
    bool interactive;
    PlatMutex *threads_lock;
    PlatCond *threads_cond;
    struct VM *threads;         /* list of VMs */
    int32_t nthreads;           /* VMs registered */
    _Atomic int32_t parallel;   /* > 0 while more than one thread may run transactions */
    _Atomic int32_t nuser_threads;  /* Python threads started by the program and still running */
    uint64_t main_ident;        /* the main thread's ident */
    void *host;                 /* embedding: output callbacks */
    void (*write_out)(void *host, int fd, const char *s, size_t n);
} Interp;

extern Interp *G;               /* the one interpreter */

/* ---- names ---- */
enum {
#define NAME(id, text) NAME_##id,
#include "names.h"
#undef NAME
    NAME__COUNT
};
extern Value vm_names[NAME__COUNT];
#define NM(id) (vm_names[NAME_##id])

/* ---- built-in types and singletons ---- */
extern Type type_object, type_type, type_int, type_bool, type_float, type_complex,
    type_str, type_bytes, type_bytearray, type_tuple, type_list, type_dict, type_set,
    type_frozenset, type_range, type_slice, type_function, type_code, type_cell,
    type_method, type_builtin_function, type_method_descr, type_getset_descr,
    type_classmethod_descr, type_property, type_staticmethod, type_classmethod, type_super,
    type_module, type_none, type_notimplemented, type_ellipsis, type_traceback,
    type_generator, type_shape, type_valarray, type_dictkeys, type_settable, type_rawbuf,
    type_slot_wrapper, type_mappingproxy, type_generic_alias, type_file;

#define EXC(name, base) extern Type exc_##name;
#include "exc_list.h"
#undef EXC

extern NoneObj vm_none, vm_notimplemented, vm_ellipsis;
extern BoxedInt vm_true, vm_false;
#define V_NONE v_from_ptr(&vm_none)
#define V_TRUE v_from_ptr(&vm_true)
#define V_FALSE v_from_ptr(&vm_false)
#define V_NOTIMPL v_from_ptr(&vm_notimplemented)
#define V_ELLIPSIS v_from_ptr(&vm_ellipsis)
static inline Value v_bool(bool b) { return b ? V_TRUE : V_FALSE; }

static ALWAYS_INLINE Type *v_type(Value v) {
    if (v_is_ptr(v)) return OBJ(v)->type;
    return v_is_int(v) ? &type_int : &type_float;
}
static inline bool v_is_type(Value v, const Type *t) { return v_is_obj(v) && OBJ(v)->type == t; }
static inline bool type_is_subtype(const Type *a, const Type *b);
#define IS_STR(v) (v_is_obj(v) && (OBJ(v)->type == &type_str || (OBJ(v)->type->flags & TF_STR_SUBCLASS)))
#define IS_EXACT_STR(v) v_is_type(v, &type_str)
#define IS_TUPLE(v) (v_is_obj(v) && (OBJ(v)->type == &type_tuple || (OBJ(v)->type->flags & TF_TUPLE_SUBCLASS)))
#define IS_LIST(v) (v_is_obj(v) && (OBJ(v)->type == &type_list || (OBJ(v)->type->flags & TF_LIST_SUBCLASS)))
#define IS_DICT(v) (v_is_obj(v) && (OBJ(v)->type == &type_dict || (OBJ(v)->type->flags & TF_DICT_SUBCLASS)))
#define IS_TYPE(v) (v_is_obj(v) && (OBJ(v)->type == &type_type || (OBJ(v)->type->flags & TF_TYPE_SUBCLASS)))
/* A module-level C function (called without its module as self), as opposed
 * to a method bound to an object that happens to be a module. */
static inline bool bf_is_module_func(const BuiltinFunction *f) {
    return !f->self || (v_is_obj(f->self) && OBJ(f->self)->type == &type_module &&
                         !(f->qualname_owner && IS_TYPE(f->qualname_owner)));
}
#define IS_EXC(v) (v_is_obj(v) && (OBJ(v)->type->flags & TF_EXC_SUBCLASS))
#define IS_BIGINT(v) v_is_type(v, &type_int)   /* objects typed exactly int are BigInts */

/* ---- GC (gc.c) ---- */
void gc_init(void);
bool gc_thread_init(VM *vm);
void gc_thread_fini(VM *vm);
/* A zeroed object of `size` bytes with its header set; VNULL-equivalent NULL
 * with MemoryError raised when memory is exhausted.  Never collects. */
void *gc_alloc(VM *vm, Type *type, size_t size);
/* Collect now (the caller is at a safe point and has stopped the world). */
void gc_collect_stopped(VM *vm);
void gc_mark_value(GcTracer *g, Value v);
void gc_mark_ptr(GcTracer *g, const void *p);
void gc_mark_range(GcTracer *g, const Value *v, size_t n);
/* Register a location holding a Value that lives outside the heap. */
void gc_add_root(Value *slot);
/* Register a function marking values held in C-side tables. */
void gc_add_tracer(void (*fn)(GcTracer *g));
void gc_add_static_type(Type *t);
size_t gc_heap_bytes(void);
uint64_t gc_collections(void);
bool gc_is_marked_or_static(const void *p);   /* for weak tables, during a collection */
extern _Atomic int gc_requested;              /* polled at safe points */

/* ---- safe points and threads (thread.c) ---- */
void vm_safepoint_slow(VM *vm);
static ALWAYS_INLINE void vm_safepoint(VM *vm) {
    if (UNLIKELY(atomic_load_explicit(&gc_requested, memory_order_relaxed))) vm_safepoint_slow(vm);
}
/* Bracket a blocking operation: while parked the thread must not touch the
 * heap or any Value. */
void vm_park(VM *vm);
void vm_unpark(VM *vm);
VM *vm_thread_new(void);
void vm_thread_free(VM *vm);
/* Run fn(ctx) with every other thread stopped at a safe point. */
void vm_stop_the_world(VM *vm, void (*fn)(VM *vm, void *ctx), void *ctx);

/* ---- temp roots ---- */
bool vm_roots_grow(VM *vm);
static ALWAYS_INLINE void ROOT_PUSH(VM *vm, Value v) {
    if (UNLIKELY(vm->nroots == vm->roots_cap) && !vm_roots_grow(vm)) return;
    vm->roots[vm->nroots++] = v;
}
#define ROOTS_MARK(vm) int32_t roots_mark__ = (vm)->nroots
#define ROOTS_RESET(vm) ((vm)->nroots = roots_mark__)

/* ---- errors (error.c) ---- */
/* Raise type(msg formatted).  Format: %s C string, %d int, %ld/%lld int64
 * (use %lld with (long long)), %zu size_t, %c char, %R repr(Value),
 * %S str(Value), %T type name of Value, %U a Str Value, %N type name of a Type*. */
Value vm_raise(VM *vm, Type *type, const char *fmt, ...);
Value vm_raisev(VM *vm, Type *type, const char *fmt, va_list ap);
Value vm_raise_value(VM *vm, Value exc);     /* exc: an instance or a class */
Value vm_raise_nomem(VM *vm);
Value vm_raise_oserror(VM *vm, int plat_err, Value filename);
Value vm_format(VM *vm, const char *fmt, ...);   /* a new Str */
bool vm_exc_matches(VM *vm, Type *type);          /* pending exception is a type instance */
Value vm_exc_fetch(VM *vm);                       /* take the pending exception */
void vm_exc_clear(VM *vm);
Value exc_new(VM *vm, Type *type, Value *args, int nargs);
Value exc_new_msg(VM *vm, Type *type, Value msg);
void exc_add_traceback(VM *vm, Value exc, Code *code, uint32_t *ip);
void exc_set_context(VM *vm, Value exc, Value context);
/* Print an exception with its chain and traceback like CPython's
 * sys.excepthook, to the VM's stderr. */
void vm_print_exception(VM *vm, Value exc);
int code_addr2line(const Code *c, int64_t offset);

/* ---- strings (str.c) ---- */
Value str_new(VM *vm, const char *s, size_t len);          /* UTF-8 input, validated by caller */
Value str_from_cstr(VM *vm, const char *s);
Value str_new_ascii_or_utf8(VM *vm, const char *s, size_t len, int64_t nchars);
Value str_intern(VM *vm, Value s);                         /* canonical copy */
Value str_intern_cstr(VM *vm, const char *s);
Value str_from_sb(VM *vm, StrBuf *sb);                     /* frees sb */
int64_t str_hash(Value s);
bool str_eq(Value a, Value b);
int64_t utf8_count(const char *s, size_t len);
bool utf8_valid(const char *s, size_t len);
uint32_t str_char_at(Value s, int64_t i);                  /* i-th code point, 0 <= i < nchars */
int64_t str_byte_offset(Value s, int64_t i);               /* byte offset of code point i */
Value str_substr(VM *vm, Value s, int64_t start, int64_t stop);  /* code point range */
Value str_from_codepoint(VM *vm, uint32_t cp);
Value str_concat(VM *vm, Value a, Value b);
Value str_concat_array(VM *vm, const Value *items, int n);   /* all str */
uint32_t utf8_decode_at(const char *s, int *len);
bool str_isidentifier(Value s);
Value str_format_map(VM *vm, Value fmt, Value mapping);
int64_t bytes_hash_raw(const unsigned char *p, size_t n);
int vm_repr_enter(VM *vm, Value v);                         /* 1: already inside, 0: entered, -1: error */
void vm_repr_leave(VM *vm, Value v);
void vm_register_source(const char *filename, const char *text, size_t len);
Value str_repr(VM *vm, Value s);
void str_repr_sb(StrBuf *sb, Value s);
Value str_join(VM *vm, Value sep, Value iterable);
Value str_format_method(VM *vm, Value fmt, Value *args, int nargs, Value kwnames);
Value str_percent_format(VM *vm, Value fmt, Value args);
Value bytes_percent_format(VM *vm, Value fmt, Value args);   /* fmt: bytes or bytearray; gives bytes */
static inline const char *str_cstr(Value s) { return AS(Str, s)->data; }
static inline int64_t str_len(Value s) { return AS(Str, s)->len; }
void str_init_types(void);
Value vm_format_value(VM *vm, Value v, Value spec);          /* format(v, spec) */

/* bytes (bytes.c) */
Value bytes_new(VM *vm, const void *data, size_t len);
Value bytes_repr(VM *vm, const unsigned char *p, size_t n, bool bytearray);
Value bytearray_new(VM *vm, const void *data, size_t len);
bool bytes_like(VM *vm, Value v, const unsigned char **p, size_t *n);  /* bytes/bytearray view */

/* codecs (codecs.c): encoding and errors are Str values, or VNULL for
 * "utf-8" and "strict"; LookupError/UnicodeError raised as CPython. */
Value codec_encode(VM *vm, Value s, Value encoding, Value errors);
Value codec_decode(VM *vm, const unsigned char *p, size_t n, Value encoding, Value errors);

/* ---- numbers (int.c, float.c, complex.c) ---- */
Value int_from_i64(VM *vm, int64_t i);
Value int_from_u64(VM *vm, uint64_t u);
Value int_from_double(VM *vm, double d);           /* trunc; errors for inf/nan */
Value int_from_digits(VM *vm, bool neg, const bn_digit *d, size_t n);
Value int_parse(VM *vm, const char *s, size_t len, int base);   /* ValueError on bad text */
bool int_to_i64(Value v, int64_t *out);            /* false if it does not fit */
double int_to_double(VM *vm, Value v, bool *ok);   /* OverflowError when !ok */
int int_sign(Value v);
Value int_to_str(VM *vm, Value v, int base);
Value int_normalize_value(Value v);               /* BoxedInt -> plain int value */
int int_compare(Value a, Value b);                 /* both ints */
int64_t int_hash(Value v);
bool v_is_intlike(Value v);                        /* int, bool, or int subclass */
Value v_int_value(Value v);                         /* the plain int of an intlike */
Value int_binop(VM *vm, int op, Value a, Value b); /* both plain ints */
Value float_binop(VM *vm, int op, double a, double b);
int64_t float_hash(double d);
Value float_repr(VM *vm, double d);
bool v_to_double(VM *vm, Value v, double *out);    /* int/float/__float__; TypeError otherwise */
bool v_is_floatlike(Value v);
double v_float_value(Value v);
Value complex_new(VM *vm, double re, double im);
/* __index__: int value of v or TypeError. */
Value vm_index(VM *vm, Value v);
/* Clamped/checked conversions used by indexing. */
bool vm_index_i64(VM *vm, Value v, int64_t *out, Type *overflow_exc);
void num_init_types(void);

/* ---- containers ---- */
Value tuple_new(VM *vm, int64_t n);               /* items zeroed: fill before publishing */
Value tuple_pack(VM *vm, int n, ...);
Value tuple_from_array(VM *vm, const Value *items, int64_t n);
static inline int64_t tuple_len(Value t) { return AS(Tuple, t)->size; }
static inline Value *tuple_items(Value t) { return AS(Tuple, t)->items; }
extern Value empty_tuple;

Value list_new(VM *vm, int64_t n);                /* n items, zeroed (fill with list_set_init) */
Value list_from_array(VM *vm, const Value *items, int64_t n);
int64_t list_len(VM *vm, Value l);
Value list_get(VM *vm, Value l, int64_t i);       /* 0 <= i < len, no check */
void list_set(VM *vm, Value l, int64_t i, Value v);
bool list_append(VM *vm, Value l, Value v);
Value list_from_iter(VM *vm, Value iterable);
Value list_as_tuple(VM *vm, Value l);
Value list_items_snapshot(VM *vm, Value l, int64_t *n);  /* ValArray of the items */
bool list_sort(VM *vm, Value l, Value key, bool reverse);
int list_sort_reverse_arg(VM *vm, Value v);

Value dict_new(VM *vm);
Value dict_new_sized(VM *vm, int64_t n);
/* Lookup: returns the value or VNULL; *err set when an exception happened. */
Value dict_get(VM *vm, Value d, Value key, bool *err);
Value dict_get_str(VM *vm, Value d, Value key);     /* key: interned Str; no exceptions possible */
/* The same, also giving the entry number of the key found (else -1). */
Value dict_get_str_ix(VM *vm, Value d, Value key, int64_t *ix);
/* The value of entry ix if its key is `key` itself, else VNULL: a check of
 * an entry number cached earlier (the entry holds key as long as key is in
 * the dict and the dict was not resized); VNULL means "look it up". */
Value dict_get_at(VM *vm, Value d, int64_t ix, Value key);
Value dict_get_cstr(VM *vm, Value d, const char *key);
int dict_set(VM *vm, Value d, Value key, Value v);  /* -1 on error */
int dict_set_str(VM *vm, Value d, Value key, Value v);
int dict_set_cstr(VM *vm, Value d, const char *key, Value v);
int dict_del(VM *vm, Value d, Value key);           /* -1 (KeyError raised) */
int dict_pop_item(VM *vm, Value d, Value key, Value *out);  /* 1 found, 0 missing, -1 error */
int64_t dict_len(VM *vm, Value d);
/* Iterate: *pos starts at 0; returns false at the end. */
bool dict_next(VM *vm, Value d, int64_t *pos, Value *key, Value *value);
Value dict_copy(VM *vm, Value d);
int dict_update(VM *vm, Value d, Value other);      /* mapping or iterable of pairs */
int dict_merge_kwargs(VM *vm, Value d, Value other, bool check_dup_for_call, Value func);
Value dict_keys_list(VM *vm, Value d);
Value dict_items_list(VM *vm, Value d);

Value set_new(VM *vm, Type *t);
int set_add(VM *vm, Value s, Value key);
int set_contains(VM *vm, Value s, Value key);
int set_discard(VM *vm, Value s, Value key);        /* 1 removed, 0 missing */
int64_t set_len(VM *vm, Value s);
bool set_next(VM *vm, Value s, int64_t *pos, Value *key);
int set_update(VM *vm, Value s, Value iterable);

Value range_new(VM *vm, Value start, Value stop, Value step);
Value slice_new(VM *vm, Value start, Value stop, Value step);
/* Resolve a slice against a length: CPython's PySlice_Unpack+AdjustIndices. */
bool slice_indices(VM *vm, Value slice, int64_t len, int64_t *start, int64_t *stop,
                   int64_t *step, int64_t *slicelen);

Value valarray_new(VM *vm, int64_t cap);

void containers_init_types(void);

/* ---- objects and types (object.c, typeobject.c) ---- */
void types_init(void);
Value type_lookup(VM *vm, Type *t, Value name);     /* MRO lookup, cached; VNULL if missing */
Value type_lookup_uncached(VM *vm, Type *t, Value name);
Value type_new_class(VM *vm, Type *meta, Value name, Value bases, Value dict);
bool type_ready(Type *t);                         /* finish a static type */
void type_add_methods(Type *t, const MethodDef *defs);
void type_add_getsets(Type *t, const GetSetDef *defs);
void type_set_attr_static(Type *t, const char *name, Value v);
bool type_is_subtype_slow(const Type *a, const Type *b);
static inline bool type_is_subtype(const Type *a, const Type *b) {
    return a == b || type_is_subtype_slow(a, b);
}
static inline bool v_isinstance_of(Value v, const Type *t) { return type_is_subtype(v_type(v), t); }
size_t type_instance_size(const Type *t);
Value instance_alloc(VM *vm, Type *t);            /* object.__new__ storage for a heap/attr type */
AttrArea *obj_attrs(Value o);                     /* NULL if the object has none */
void obj_trace_attrs(GcTracer *g, Obj *o);       /* GC: the attribute area's values */
Value obj_get_own_attr(VM *vm, Value o, Value name);          /* VNULL if absent (no exception) */
int obj_set_own_attr(VM *vm, Value o, Value name, Value v);   /* v VNULL: delete; 0 ok, 1 missing, -1 err */
Value obj_dict(VM *vm, Value o);                  /* __dict__ (switches to dict mode) */
Value generic_getattr(VM *vm, Value obj, Value name);
Value generic_getattr_noraise(VM *vm, Value obj, Value name, bool *err);
int generic_setattr(VM *vm, Value obj, Value name, Value v);
Value type_name_value(Type *t);
const char *type_name(const Type *t);
Value builtin_function_new(VM *vm, const MethodDef *def, Value self, Value owner);
Value method_new(VM *vm, Value func, Value self);
Value vm_new_module(VM *vm, const char *name);
Value module_dict(Value m);
Shape *shape_root_new(VM *vm, Type *t);
void shape_init(void);

/* ---- abstract protocols (abstract.c) ---- */
Value vm_repr(VM *vm, Value v);
Value vm_function_str(VM *vm, Value f);   /* "mod.qualname()" for messages */
Value vm_str(VM *vm, Value v);
Value vm_ascii(VM *vm, Value v);
int64_t vm_hash(VM *vm, Value v);                 /* -1 on error */
Value vm_richcompare(VM *vm, Value a, Value b, int op);
int vm_compare_bool(VM *vm, Value a, Value b, int op);  /* 0/1, -1 */
int vm_eq(VM *vm, Value a, Value b);              /* identity shortcut, then == */
int vm_truthy(VM *vm, Value v);
Value vm_getattr(VM *vm, Value obj, Value name);
Value vm_getattr_cstr(VM *vm, Value obj, const char *name);
Value vm_getattr_opt(VM *vm, Value obj, Value name, bool *err);   /* VNULL if missing, no AttributeError */
int vm_setattr(VM *vm, Value obj, Value name, Value v);
int vm_delattr(VM *vm, Value obj, Value name);
Value vm_getitem(VM *vm, Value obj, Value key);
int vm_setitem(VM *vm, Value obj, Value key, Value v);
int vm_delitem(VM *vm, Value obj, Value key);
int vm_contains(VM *vm, Value container, Value item);
int64_t vm_len(VM *vm, Value v);
Value vm_iter(VM *vm, Value v);
Value vm_next(VM *vm, Value it);                  /* VNULL + no exc: exhausted */
Value vm_binop(VM *vm, int op, Value a, Value b);
Value vm_inplace_op(VM *vm, int op, Value a, Value b);
Value vm_pow3(VM *vm, Value a, Value b, Value c);
Value vm_neg(VM *vm, Value a);
Value vm_pos(VM *vm, Value a);
Value vm_invert(VM *vm, Value a);
Value vm_abs(VM *vm, Value a);
Value vm_not(VM *vm, Value a);
int vm_isinstance(VM *vm, Value obj, Value cls);
int vm_issubclass(VM *vm, Value cls, Value base);
Value vm_call(VM *vm, Value callable, Value *args, int nargs, Value kwnames);
Value vm_call0(VM *vm, Value f);
Value vm_call1(VM *vm, Value f, Value a);
Value vm_call2(VM *vm, Value f, Value a, Value b);
Value vm_call3(VM *vm, Value f, Value a, Value b, Value c);
Value vm_call_tuple_dict(VM *vm, Value f, Value args, Value kwargs);
Value vm_call_method(VM *vm, Value obj, Value name, Value *args, int nargs);  /* obj.name(*args) */
Value vm_lookup_special(VM *vm, Value obj, Value name);   /* type-level lookup, bound; VNULL if missing */
bool vm_callable(Value v);
Value vm_dir(VM *vm, Value obj);
Value vm_sequence_to_tuple(VM *vm, Value v);
Value vm_sequence_to_list(VM *vm, Value v);
/* Fast element access for tuple/list: copies into a ValArray or returns the tuple. */
Value vm_unpack_iterable(VM *vm, Value v, int64_t *n, Value **items);
int64_t vm_length_hint(VM *vm, Value v, int64_t dflt);
const char *cmp_op_symbol(int op);
const char *binop_symbol(int op);

/* ---- argument parsing helpers (args.c) ---- */
/* Check a builtin's positional/keyword arguments. `names` lists the
 * parameter names (NULL-terminated); out[] receives values (VNULL if
 * absent).  npos_only: how many leading parameters are positional-only.
 * nreq: required count. Returns false (TypeError raised) on mismatch. */
bool vm_parse_args(VM *vm, const char *fname, Value *args, int nargs, Value kwnames,
                   const char *const *names, int npos_only, int nreq, Value *out);
bool vm_no_kwargs(VM *vm, const char *fname, Value kwnames);
bool vm_check_nargs(VM *vm, const char *fname, int nargs, int min, int max);

/* ---- functions, calls, frames (func.c, eval.c) ---- */
Value function_new(VM *vm, Code *code, Value globals, Value qualname);
Value vm_call_function(VM *vm, Function *f, Value *args, int nargs, Value kwnames);
Frame *frame_push(VM *vm, Code *code, Function *func, Value globals, Value locals);
void frame_pop(VM *vm, Frame *f);
bool frame_bind_args(VM *vm, Frame *f, Function *fn, Value *args, int nargs, Value kwnames);
Value vm_eval_frame(VM *vm, Frame *f);
Value vm_eval_code(VM *vm, Code *code, Value globals, Value locals);
void func_init_types(void);
void gen_init_types(void);
Value gen_next_or_stop(VM *vm, Value gen);   /* next(g): StopIteration(value) at return */
Value gen_send_ex(VM *vm, Value gen, Value v, bool *returned);   /* returned: it finished with that value */
bool gen_is(Value v);
extern Type type_list_iter, type_tuple_iter, type_range_iter, type_str_iter, type_dict_keyiter,
    type_seq_iter, type_callable_iter;

/* ---- compiler (compile.c) ---- */
enum { COMPILE_EXEC, COMPILE_EVAL, COMPILE_SINGLE };
/* Compile source to a Code object; SyntaxError raised on bad input. */
Value compile_source(VM *vm, const char *src, size_t len, Value filename, int mode);

/* ---- import and modules (import.c, mod_*.c) ---- */
typedef Value (*ModuleInitFn)(VM *vm);
Value vm_import(VM *vm, Value name, Value fromlist, int level, Value globals);
Value vm_import_cstr(VM *vm, const char *name);
Value vm_import_from(VM *vm, Value module, Value name);
int vm_import_star(VM *vm, Value module, Value locals);
Value vm_run_module_source(VM *vm, Value name, const char *src, size_t len, Value filename);
void builtins_init(VM *vm);
Value mod_sys_init(VM *vm);
void sys_set_argv(VM *vm, int argc, char **argv);

/* ---- I/O ---- */
/* Write to the program's stdout/stderr (fd 1/2).  Inside a transaction the
 * text is buffered and emitted at commit. */
void vm_write(VM *vm, int fd, const char *s, size_t n);
/* locals(): a module/class frame's namespace, else a snapshot dict of a
 * function frame's locals and cells. */
Value vm_frame_locals(VM *vm, Frame *f);
void vm_flush_std(VM *vm);
/* Writes out the buffers of every open file object (at exit, and after an
 * embedded run), as CPython does when the objects die at shutdown. */
void vm_flush_files(void);
Value vm_print(VM *vm, Value *args, int nargs, Value sep, Value end, Value file, bool flush);
Value file_open(VM *vm, Value path, Value mode, Value encoding, Value newline);
Value io_unsupported_operation(void);
void io_init_types(void);

/* ---- transactions (txn.c) ---- */
/* Make the running transaction inevitable before an irreversible action. */
void vm_become_inevitable(VM *vm, const char *why);
/* An attempt: save before stm_begin; restore after an abort's longjmp. */
void txn_attempt_save(VM *vm, TxSaved *s);
void txn_attempt_restore(VM *vm, const TxSaved *s);
/* Deferred work of a commit done outside the STM hook (direct mode). */
void txn_attempt_done(VM *vm);
/* `add` inside a transaction: append (queue, entry) when it commits. */
bool txn_defer_add(VM *vm, Value q, Value entry);
/* `with transaction.atomic:` entered (vm->atomic_depth already counts it). */
void txn_atomic_enter(VM *vm);
/* Safe point, validation, Ctrl-C; at a clean instruction boundary also a
 * thread slice boundary.  -1 on exception. */
int vm_periodic(VM *vm, bool boundary);
void txn_slice_keep_frame(VM *vm, Frame *f);
void txn_slice_retry(VM *vm);
void txn_slice_level_exit(VM *vm);
void txn_slice_boundary(VM *vm);
void txn_enter_threaded(VM *vm);
void txn_thread_start(VM *vm);
void txn_before_wait(VM *vm);
void txn_after_wait(VM *vm);
void txn_thread_end(VM *vm);
void gc_register_finalizer(Obj *o);
/* Calls fn on every object registered for finalization that is still
 * alive (no collection runs meanwhile). */
void gc_each_finalizable(void (*fn)(Obj *o));
/* Before resuming generator g: inevitable unless this transaction made it. */
void txn_gen_resume(VM *vm, Generator *g);
void txn_vm_fini(VM *vm);
void dict_pending_trace(GcTracer *g, VM *vm);
void dict_pending_clear(VM *vm);
void dict_pending_free(VM *vm);
void txn_collect_stats(VM *vm);
void txn_print_stats(VM *vm);
/* Statistics as data (embeddings, the playground). */
typedef struct TxnConflict {
    uint64_t count;
    const char *rfile, *wfile, *type_name;
    int rline, wline;
} TxnConflict;
int txn_conflicts(TxnConflict *out, int max);     /* top sites by count */
void txn_stats(StmStats *st);                     /* totals over every thread */
void txn_stats_reset(void);                       /* counters, sites and events */
/* One record per transaction attempt that ended, when G->stm_stats is on;
 * times in ns since txn_events_reset. */
typedef struct TxnEvent {
    int64_t start_ns, end_ns;
    uint32_t worker;            /* VM.worker_index */
    uint32_t flags;             /* TXE_* */
} TxnEvent;
enum { TXE_COMMITTED = 1, TXE_INEVITABLE = 2, TXE_SLICE = 4 };
void txn_events_reset(void);
const TxnEvent *txn_events(size_t *count, uint64_t *dropped);
int64_t txn_attempt_clock(void);
void txn_entry_event(VM *vm, int64_t t0, bool committed);

/* ---- lifecycle (interp.c) ---- */
VM *vm_main_init(void);
int vm_run_main_file(VM *vm, const char *path);
int vm_run_main_string(VM *vm, const char *src, size_t len, const char *filename);
int vm_handle_uncaught(VM *vm);                   /* print, return exit code */
void vm_wait_threads(VM *vm);                     /* at exit: join non-daemon threads */
void vm_finalize(VM *vm);

#endif
