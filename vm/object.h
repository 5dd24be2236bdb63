/* object.h - txpy's object model: the object header, type objects with their
 * slots, and the layouts of the built-in objects.
 *
 * Invariants:
 *  - Every heap object starts with an Obj header whose first member is the
 *    STM header (owner transaction id).  The type pointer never changes after
 *    allocation (no __class__ assignment across layouts).
 *  - Immutable objects (str, bytes, int, tuple, frozenset, code, range, ...)
 *    are never written after they are published, so they are read without
 *    barriers.  Every mutable word of a shared object is read with RD() and
 *    written with WR() (vm.h), which go through the STM; such words are
 *    64-bit and hold a Value or a raw int64/pointer as documented per field.
 *  - No reference counting: memory is reclaimed by the tracing GC (gc.c).
 *    Each type's `trace` callback reports the Values and object pointers an
 *    instance holds.
 *  - Objects not in the GC heap (static types, None, True, False, ...) have
 *    OBJ_STATIC set; the GC never frees or marks them, and the roots they hold
 *    are registered explicitly.
 */
#ifndef TXPY_OBJECT_H
#define TXPY_OBJECT_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdatomic.h>
#include "value.h"
#include "../stm/stm.h"
#include "bignum.h"

typedef struct VM VM;
typedef struct Type Type;
typedef struct GcTracer GcTracer;

enum {
    OBJ_STATIC = 1,         /* not in the GC heap */
    OBJ_INTERNED = 2,       /* str: the canonical copy in the intern table */
    OBJ_FINALIZE = 4        /* has a finalizer callback (files) */
};

typedef struct Obj {
    StmHdr stm;             /* owner transaction: private while it runs */
    uint16_t flags;
    uint16_t aux;           /* per-type small field (see the layouts) */
    Type *type;
} Obj;

#define OBJ(v) ((Obj *)v_ptr(v))
#define AS(T, v) ((T *)v_ptr(v))

/* ---- slot signatures ----
 * Errors: functions returning Value return VNULL with an exception set;
 * functions returning int return -1 with an exception set. */
typedef Value (*UnaryFn)(VM *vm, Value a);
typedef Value (*BinaryFn)(VM *vm, Value a, Value b);
typedef Value (*TernaryFn)(VM *vm, Value a, Value b, Value c);
typedef int64_t (*LenFn)(VM *vm, Value a);                       /* -1: error */
typedef int (*BoolFn)(VM *vm, Value a);                          /* 0/1, -1: error */
typedef int64_t (*HashFn)(VM *vm, Value a);                      /* -1: error */
typedef Value (*CompareFn)(VM *vm, Value a, Value b, int op);    /* may give NotImplemented */
typedef Value (*GetattrFn)(VM *vm, Value obj, Value name);       /* name: an interned Str */
typedef int (*SetattrFn)(VM *vm, Value obj, Value name, Value v);/* v == VNULL: delete */
typedef Value (*CallFn)(VM *vm, Value callable, Value *args, int nargs, Value kwnames);
typedef Value (*DescrGetFn)(VM *vm, Value descr, Value obj, Value type); /* obj VNULL: via class */
typedef int (*DescrSetFn)(VM *vm, Value descr, Value obj, Value v);       /* v VNULL: delete */
typedef int (*SetitemFn)(VM *vm, Value obj, Value key, Value v);          /* v VNULL: delete */
typedef int (*ContainsFn)(VM *vm, Value obj, Value key);                  /* 0/1, -1 */
typedef Value (*NewFn)(VM *vm, Type *type, Value *args, int nargs, Value kwnames);
typedef int (*InitFn)(VM *vm, Value self, Value *args, int nargs, Value kwnames);
typedef void (*TraceFn)(GcTracer *g, Obj *o);
typedef void (*FinalizeFn)(Obj *o);
/* Iteration: tp_iternext returns VNULL with no exception when exhausted. */

/* Binary operators, in the order of the BINARY_OP opcode argument. */
typedef enum NbOp {
    NB_ADD, NB_SUB, NB_MUL, NB_MATMUL, NB_TRUEDIV, NB_FLOORDIV, NB_MOD, NB_POW,
    NB_LSHIFT, NB_RSHIFT, NB_AND, NB_OR, NB_XOR,
    NB_COUNT,
    NB_INPLACE = NB_COUNT   /* BINARY_OP arg >= NB_INPLACE: the in-place form */
} NbOp;

/* Rich comparison operators (CPython's order). */
enum { CMP_LT_OP, CMP_LE_OP, CMP_EQ_OP, CMP_NE_OP, CMP_GT_OP, CMP_GE_OP };

enum {
    TF_HEAPTYPE = 1 << 0,       /* created by a class statement / type() */
    TF_BASETYPE = 1 << 1,       /* may be subclassed */
    TF_HAS_ATTRS = 1 << 2,      /* instances have an AttrArea at attr_offset */
    TF_ABSTRACT_LAYOUT = 1 << 3,
    TF_INT_SUBCLASS = 1 << 4,   /* fast subclass checks for common bases */
    TF_STR_SUBCLASS = 1 << 5,
    TF_TUPLE_SUBCLASS = 1 << 6,
    TF_LIST_SUBCLASS = 1 << 7,
    TF_DICT_SUBCLASS = 1 << 8,
    TF_EXC_SUBCLASS = 1 << 9,   /* BaseException or a subclass */
    TF_TYPE_SUBCLASS = 1 << 10,
    TF_FLOAT_SUBCLASS = 1 << 11,
    TF_HAS_SLOTS_DECL = 1 << 12,/* class declared __slots__ without __dict__ */
    TF_HAS_GETATTR_HOOK = 1 << 13, /* defines __getattr__ */
    TF_HAS_FINALIZER = 1 << 14,
    TF_SEQUENCE_GETITEM = 1 << 15, /* tp_getitem takes ints (old-style iteration) */
    TF_VAR_LAYOUT = 1 << 16     /* variable-size base (tuple, str, bytes): AttrArea after the items */
};

struct Type {
    Obj base;
    const char *name;           /* tp_name: NUL-terminated, lives as long as the type */
    Value v_name;               /* __name__ (Str) */
    Value v_qualname;           /* __qualname__ */
    Value v_module;             /* __module__ (Str) or VNULL for builtins */
    Value v_doc;
    Type *base_type;            /* __base__ (the solid base); NULL for object */
    Value bases;                /* tuple of types */
    Value mro;                  /* tuple of types, self first */
    Value dict;                 /* Dict: the namespace (its contents are STM-managed) */
    Value subclasses;           /* List of weak entries (internal); VNULL if none */
    Value slot_names;           /* __slots__ names (tuple) or VNULL */
    Value root_shape;           /* Shape for new instances (heap types) */
    uint64_t version;           /* STM word: bumped when this type's or a base's namespace changes */
    uint32_t flags;
    uint32_t basicsize;         /* instance size without the AttrArea */
    uint32_t attr_offset;       /* offset of the AttrArea (TF_HAS_ATTRS) */
    uint32_t inline_slots;      /* inline attribute slots in each instance */
    uint32_t itemsize;          /* for variable-size builtin layouts (informative) */

    TraceFn trace;              /* references held by an instance of exactly this type */
    TraceFn trace_layout;       /* the same for the base part of a subclass instance (default: trace) */
    FinalizeFn finalize;
    NewFn tp_new;
    InitFn tp_init;
    UnaryFn tp_repr, tp_str;
    HashFn tp_hash;
    CompareFn tp_richcompare;
    GetattrFn tp_getattro;
    SetattrFn tp_setattro;
    CallFn tp_call;
    UnaryFn tp_iter, tp_iternext;
    DescrGetFn tp_descr_get;
    DescrSetFn tp_descr_set;
    LenFn tp_len;
    BinaryFn tp_getitem;
    SetitemFn tp_setitem;
    ContainsFn tp_contains;
    BoolFn tp_bool;
    BinaryFn nb[NB_COUNT];          /* a OP b, either operand of this type; NotImplemented ok */
    BinaryFn nb_inplace[NB_COUNT];  /* a OP= b; NULL: fall back to nb */
    TernaryFn nb_pow3;              /* pow(a, b, c) */
    UnaryFn nb_neg, nb_pos, nb_abs, nb_invert;
    UnaryFn nb_int, nb_float, nb_index;
    BinaryFn nb_divmod;
    BinaryFn tp_format;             /* __format__(spec) */
};

/* Attribute storage of instances with TF_HAS_ATTRS, at type->attr_offset:
 * the shape says which attribute lives in which slot; slots below the
 * type's inline_slots live here, the rest in `ext` (a ValArray).  Both
 * `shape` and `ext` and every slot are STM words. */
typedef struct AttrArea {
    Value shape;                /* Shape*, or a dict-mode shape whose slot 0 holds a Dict */
    Value ext;                  /* ValArray* or VNULL */
    Value slots[];
} AttrArea;

typedef struct Shape {
    Obj hdr;
    struct Shape *parent;       /* NULL for a root */
    Type *owner;                /* the type whose instances use this shape tree */
    Value name;                 /* interned Str added by this transition (VNULL at root) */
    int32_t index;              /* slot of `name` */
    int32_t count;              /* attributes in this shape */
    uint32_t inline_slots;      /* copy of owner->inline_slots */
    bool dict_mode;             /* attributes live in a Dict in slot 0 */
    /* Interpreter-internal caches, never STM state: transitions to child
     * shapes ([name, shape, name, shape, ...] in a ValArray, replaced on
     * growth under a lock) and the names by index (built lazily). */
    _Atomic uint64_t trans;
    _Atomic uint64_t names;
} Shape;

/* ---- built-in layouts ---- */

typedef struct Str {            /* immutable; UTF-8 */
    Obj hdr;
    _Atomic int64_t hash;       /* -1 until computed (benign race: same value) */
    int64_t len;                /* bytes */
    int64_t nchars;             /* code points; == len iff ASCII */
    struct StrIndex *index;     /* non-ASCII: sampled byte offsets, built lazily (atomic) */
    char data[];                /* len bytes + NUL */
} Str;

typedef struct Bytes {          /* immutable bytes */
    Obj hdr;
    _Atomic int64_t hash;
    int64_t len;
    unsigned char data[];       /* len bytes + NUL */
} Bytes;

typedef struct ByteArray {      /* mutable: buffer replaced (copy-on-write) when shared */
    Obj hdr;
    uint64_t len;               /* STM word */
    uint64_t buf;               /* STM word: RawBuf* */
} ByteArray;

typedef struct RawBuf {         /* internal: raw bytes */
    Obj hdr;
    int64_t cap;
    unsigned char data[];
} RawBuf;

typedef struct BigInt {         /* immutable; only for values outside the small range */
    Obj hdr;
    int64_t size;               /* number of digits, negated for negative values */
    bn_digit d[];
} BigInt;

typedef struct BoxedInt {       /* instance of an int subclass (and bool) */
    Obj hdr;
    Value value;                /* a small int or a BigInt */
} BoxedInt;

typedef struct BoxedFloat {     /* instance of a float subclass */
    Obj hdr;
    double value;
} BoxedFloat;

typedef struct Complex {
    Obj hdr;
    double real, imag;
} Complex;

typedef struct Tuple {          /* immutable */
    Obj hdr;
    int64_t size;
    Value items[];
} Tuple;

typedef struct ValArray {       /* internal: storage of lists, ext slots; items are STM words */
    Obj hdr;
    int64_t cap;
    Value items[];
} ValArray;

typedef struct List {
    Obj hdr;
    uint64_t size;              /* STM word: raw int64 */
    uint64_t items;             /* STM word: ValArray* */
} List;

typedef struct DictEntry {      /* every word is an STM word */
    int64_t hash;
    Value key;                  /* VNULL: never used; key kept after deletion */
    Value value;                /* VNULL: deleted */
} DictEntry;

/* The hash index and the entries of a dict, in one allocation:
 * index[nslots] (int64: -1 empty, -2 deleted, else entry number) followed by
 * entries[usable].  nslots is a power of two; usable = 2/3 of it. */
typedef struct DictKeys {
    Obj hdr;
    int64_t nslots;
    int64_t usable;
    uint64_t nentries;          /* STM word: entries used (live or deleted) */
    int64_t index[];
} DictKeys;

typedef struct Dict {
    Obj hdr;
    uint64_t keys;              /* STM word: DictKeys* */
    uint64_t used;              /* STM word: live entries */
    uint64_t version;           /* STM word: bumped on every insertion/deletion */
} Dict;

typedef struct SetEntry {
    Value key;                  /* VNULL empty, SET_DUMMY deleted */
    int64_t hash;
} SetEntry;

typedef struct SetTable {       /* internal: open-addressed table, STM words */
    Obj hdr;
    int64_t mask;
    SetEntry e[];
} SetTable;

typedef struct Set {            /* set and frozenset (frozenset: never written after creation) */
    Obj hdr;
    uint64_t table;             /* STM word: SetTable* */
    uint64_t fill;              /* STM word: active + dummy */
    uint64_t used;              /* STM word: active */
    uint64_t finger;            /* STM word: pop() position */
    _Atomic int64_t hash;       /* frozenset hash cache */
} Set;

typedef struct Range {
    Obj hdr;
    Value start, stop, step;    /* ints */
    Value length;               /* int */
} Range;

typedef struct Slice {
    Obj hdr;
    Value start, stop, step;
} Slice;

typedef struct Cell {
    Obj hdr;
    Value ref;                  /* STM word; VNULL = empty */
} Cell;

/* A compiled code object (immutable). */
typedef struct Code {
    Obj hdr;
    uint32_t *code;             /* instructions: opcode in the low 8 bits, arg above */
    int64_t ncode;
    Value consts;               /* tuple */
    Value names;                /* tuple of interned Str */
    Value localsplusnames;      /* tuple: locals, then cells, then free vars */
    Value name, qualname, filename;
    int32_t argcount, posonlyargcount, kwonlyargcount;
    int32_t nlocals;            /* arguments + other locals */
    int32_t ncells, nfree;
    int32_t nlocalsplus;        /* nlocals + ncells + nfree */
    int32_t stacksize;          /* max value-stack depth */
    int32_t nblocks;            /* max block-stack depth */
    int32_t flags;              /* CO_* */
    int32_t firstlineno;
    int32_t *cell2arg;          /* per cell: argument it initializes from, or -1 */
    uint8_t *linetable;         /* see code.c: run-length (delta ip, delta line) */
    int64_t nlinetable;
    _Atomic uint64_t *caches;   /* inline caches (interpreter-internal) */
    int32_t ncaches;
    Value cache_objs;           /* ValArray keeping cache records alive */
} Code;

enum {
    CO_VARARGS = 1, CO_VARKEYWORDS = 2, CO_GENERATOR = 4, CO_NESTED = 8,
    CO_NEWLOCALS = 16, CO_MODULE = 32, CO_CLASS = 64, CO_LAMBDA = 128,
    CO_COMPREHENSION = 256, CO_HAS_CLASSCELL = 512,
    CO_HAS_DOCSTRING = 0x10000      /* consts[0] is the docstring */
};

typedef struct Function {
    Obj hdr;
    Code *code;                 /* immutable */
    Value globals;              /* Dict, immutable */
    Value builtins;             /* Dict, immutable */
    Value closure;              /* tuple of Cells or VNULL, immutable */
    Value name, qualname;       /* STM words */
    Value defaults;             /* STM word: tuple or VNULL */
    Value kwdefaults;           /* STM word: dict or VNULL */
    Value doc, module;          /* STM words */
    Value annotations;          /* STM word */
    Value attrs;                /* STM word: Dict of function attributes or VNULL */
} Function;

typedef struct BoundMethod {    /* immutable */
    Obj hdr;
    Value func;
    Value self;
} BoundMethod;

/* Built-in functions: vectorcall convention.  args[0..nargs) are the
 * positional arguments (for methods, args[0] is self), then one value per
 * name in kwnames (a tuple of Str, or VNULL). */
typedef Value (*CFunc)(VM *vm, Value *args, int nargs, Value kwnames);

enum {
    MF_KW = 1,          /* accepts keyword arguments (else: TypeError if given) */
    MF_CLASS = 2,       /* classmethod-like: args[0] is the type */
    MF_STATIC = 4       /* staticmethod in a type */
};

typedef struct MethodDef {
    const char *name;
    CFunc fn;
    int16_t min_args, max_args; /* positional count checks (max -1: any), incl. self */
    int flags;
    const char *doc;
} MethodDef;

typedef struct BuiltinFunction {
    Obj hdr;
    const MethodDef *def;
    Value self;                 /* bound receiver (module, object) or VNULL */
    Value qualname_owner;       /* Type or module name for __qualname__/repr */
} BuiltinFunction;

/* A method of a built-in type, before binding (like CPython's method_descriptor). */
typedef struct MethodDescr {
    Obj hdr;
    const MethodDef *def;
    Type *owner;
} MethodDescr;

/* A data descriptor for a C-level attribute of a built-in type. */
typedef Value (*GetterFn)(VM *vm, Value obj);
typedef int (*SetterFn)(VM *vm, Value obj, Value v);
typedef struct GetSetDef {
    const char *name;
    GetterFn get;
    SetterFn set;               /* NULL: read-only */
    const char *doc;
} GetSetDef;

typedef struct GetSetDescr {
    Obj hdr;
    const GetSetDef *def;
    Type *owner;
} GetSetDescr;

typedef struct Property {
    Obj hdr;
    Value fget, fset, fdel, doc;  /* STM words (getter()/setter() return new objects) */
    Value name;
} Property;

typedef struct StaticMethod {   /* staticmethod and classmethod */
    Obj hdr;
    Value func;
    Value attrs;                /* Dict or VNULL (wrapped attributes) */
} StaticMethod;

typedef struct SuperObj {
    Obj hdr;
    Value type;                 /* the class super() was called in */
    Value obj;                  /* the instance or class */
    Value obj_type;
} SuperObj;

typedef struct Module {
    Obj hdr;
    Value dict;                 /* Dict, immutable pointer */
    Value name;
} Module;

typedef struct BaseExc {
    Obj hdr;
    Value args;                 /* STM words */
    Value traceback;
    Value cause;
    Value context;
    uint64_t suppress_context;
    Value notes;
    Value extra[3];             /* per-type fields (e.g. SyntaxError details, StopIteration.value) */
} BaseExc;

typedef struct Traceback {      /* immutable once linked */
    Obj hdr;
    Value next;
    Code *code;
    int64_t lasti;              /* instruction offset */
    int64_t lineno;
} Traceback;

typedef struct NoneObj { Obj hdr; } NoneObj;

/* Internal weak-ish helpers and iterators are declared where they live. */

#endif
