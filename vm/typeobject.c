/* typeobject.c - `type` and `object`: type readiness, class creation,
 * method resolution, instance attributes (shapes), attribute access.
 *
 * Static types (the built-ins) are C structs made ready at start-up:
 * their dicts get a descriptor per method, getset and non-NULL slot (slot
 * wrappers, so that `int.__add__` or `super().__init__()` work), and their
 * NULL slots inherit from the base.  Heap types (classes) are created by
 * type_new_class: C3 MRO, a layout base, and for every special method that
 * a Python class in the MRO defines, a generic C slot that looks the method
 * up at call time.
 *
 * Instance attributes live in an AttrArea described by a Shape (hidden
 * class): adding attribute `x` to an instance moves it along the shape
 * tree's `x` transition.  Shape trees and the per-thread method cache are
 * interpreter-internal (locks and atomics, no STM); the AttrArea words and
 * each type's `version` are STM words.  A type's version changes (to a
 * globally fresh number) whenever its namespace or a base's changes, which
 * invalidates cached lookups and, through the STM, conflicts with
 * transactions that used them.
 */
#include "vm.h"
#include <string.h>
#include <stdlib.h>
#include <stdio.h>

static _Atomic uint64_t next_type_version = 1;
static PlatMutex *shape_lock;
static Shape dict_mode_shape = {{{0}, OBJ_STATIC, 0, &type_shape}, NULL, NULL, 0, 0, 0, 0, true, 0, 0};
#define DICT_SHAPE v_from_ptr(&dict_mode_shape)
#define MAX_SHAPE_ATTRS 64

Type type_mappingproxy, type_slot_wrapper;

const char *type_name(const Type *t) { return t->name; }

Value type_name_value(Type *t) {
    if (t->v_name) return t->v_name;
    return VNULL;
}

/* ---- layout ---- */
size_t type_instance_size(const Type *t) {
    if (!(t->flags & TF_HAS_ATTRS)) return t->basicsize;
    return t->attr_offset + sizeof(AttrArea) + (size_t)t->inline_slots * sizeof(Value);
}

static size_t var_attr_offset(Obj *o) {
    Type *t = o->type;
    if (t->flags & TF_TUPLE_SUBCLASS) return sizeof(Tuple) + (size_t)((Tuple *)o)->size * sizeof(Value);
    if (t->flags & TF_STR_SUBCLASS) return (sizeof(Str) + (size_t)((Str *)o)->len + 1 + 7) & ~(size_t)7;
    return (sizeof(Bytes) + (size_t)((Bytes *)o)->len + 1 + 7) & ~(size_t)7;
}

static inline AttrArea *attrs_of(Value v) {
    if (!v_is_obj(v)) return NULL;
    Obj *o = OBJ(v);
    Type *t = o->type;
    if (!(t->flags & TF_HAS_ATTRS)) return NULL;
    if (UNLIKELY(t->flags & TF_VAR_LAYOUT)) return (AttrArea *)((char *)o + var_attr_offset(o));
    return (AttrArea *)((char *)o + t->attr_offset);
}

AttrArea *obj_attrs(Value v) { return attrs_of(v); }

/* The attribute area of an object (shape, extension, inline slots). */
void obj_trace_attrs(GcTracer *g, Obj *o) {
    AttrArea *a = obj_attrs(v_from_ptr(o));
    if (a) {
        gc_mark_value(g, a->shape);
        gc_mark_value(g, a->ext);
        gc_mark_range(g, a->slots, o->type->inline_slots);
    }
}

static void heap_instance_trace(GcTracer *g, Obj *o) {
    Type *t = o->type;
    if (t->trace_layout) t->trace_layout(g, o);
    obj_trace_attrs(g, o);
}

Value instance_alloc(VM *vm, Type *t) {
    Obj *o = gc_alloc(vm, t, type_instance_size(t));
    if (!o) return VNULL;
    AttrArea *a = obj_attrs(v_from_ptr(o));
    if (a) a->shape = t->root_shape;
    return v_from_ptr(o);
}

/* ---- shapes ---- */
static void shape_trace(GcTracer *g, Obj *o) {
    Shape *s = (Shape *)o;
    gc_mark_ptr(g, s->parent);
    if (s->owner && !(s->owner->base.flags & OBJ_STATIC)) gc_mark_ptr(g, s->owner);
    gc_mark_value(g, s->name);
    gc_mark_value(g, (Value)atomic_load_explicit(&s->trans, memory_order_relaxed));
    gc_mark_value(g, (Value)atomic_load_explicit(&s->names, memory_order_relaxed));
}

Shape *shape_root_new(VM *vm, Type *t) {
    Shape *s = gc_alloc(vm, &type_shape, sizeof(Shape));
    if (!s) return NULL;
    s->owner = t;
    s->inline_slots = t->inline_slots;
    return s;
}

/* Index of `name` (interned) in shape s, or -1. */
static int32_t shape_lookup(Shape *s, Value name) {
    if (s->count <= 2) {
        for (Shape *p = s; p && p->name; p = p->parent)
            if (p->name == name) return p->index;
        return -1;
    }
    ValArray *names = (ValArray *)v_ptr((Value)atomic_load_explicit(&s->names, memory_order_acquire));
    if (names) {
        for (int32_t i = 0; i < s->count; i++)
            if (names->items[i] == name) return i;
        return -1;
    }
    for (Shape *p = s; p && p->name; p = p->parent)
        if (p->name == name) return p->index;
    return -1;
}

/* shape_lookup through the calling thread's shape cache. */
static NOINLINE int32_t shape_index_fill(ACacheEntry *e, Shape *s, Value name) {
    int32_t i = shape_lookup(s, name);
    e->shape = s;
    e->name = name;
    e->index = i;
    return i;
}

static inline int32_t shape_index(VM *vm, Shape *s, Value name) {
    uint64_t key = (uint64_t)(uintptr_t)s ^ ((uint64_t)(uintptr_t)v_ptr(name) * 0x9E3779B97F4A7C15u);
    ACacheEntry *e = &vm->acache[(key * 0xD6E8FEB86659FD93u) >> (64 - ACACHE_BITS)];
    if (LIKELY(e->shape == s && e->name == name)) return (int32_t)e->index;
    return shape_index_fill(e, s, name);
}

static void shape_build_names(VM *vm, Shape *s) {
    if (s->count <= 2 || atomic_load_explicit(&s->names, memory_order_acquire)) return;
    Value arr = valarray_new(vm, s->count);
    if (!arr) { vm_exc_clear(vm); return; }
    for (Shape *p = s; p && p->name; p = p->parent) AS(ValArray, arr)->items[p->index] = p->name;
    atomic_store_explicit(&s->names, (uint64_t)arr, memory_order_release);
}

/* The child of s that adds `name` (created on first use). */
static Shape *shape_add(VM *vm, Shape *s, Value name) {
    ValArray *tr = (ValArray *)v_ptr((Value)atomic_load_explicit(&s->trans, memory_order_acquire));
    if (tr) {
        for (int64_t i = 0; i + 1 < tr->cap && tr->items[i]; i += 2)
            if (tr->items[i] == name) return (Shape *)v_ptr(tr->items[i + 1]);
    }
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, name);
    Shape *c = gc_alloc(vm, &type_shape, sizeof(Shape));
    if (!c) { ROOTS_RESET(vm); return NULL; }
    ROOT_PUSH(vm, v_from_ptr(c));
    c->parent = s;
    c->owner = s->owner;
    c->name = name;
    c->index = s->count;
    c->count = s->count + 1;
    c->inline_slots = s->inline_slots;
    plat_mutex_lock(shape_lock);
    tr = (ValArray *)v_ptr((Value)atomic_load_explicit(&s->trans, memory_order_acquire));
    int64_t used = 0;
    if (tr) {
        while (used + 1 < tr->cap && tr->items[used]) {
            if (tr->items[used] == name) {
                Shape *existing = (Shape *)v_ptr(tr->items[used + 1]);
                plat_mutex_unlock(shape_lock);
                ROOTS_RESET(vm);
                return existing;
            }
            used += 2;
        }
    }
    if (!tr || used + 2 > tr->cap) {
        int64_t ncap = tr ? tr->cap * 2 : 4;
        Value na = valarray_new(vm, ncap);
        if (!na) {
            plat_mutex_unlock(shape_lock);
            ROOTS_RESET(vm);
            return NULL;
        }
        if (tr) memcpy(AS(ValArray, na)->items, tr->items, (size_t)used * sizeof(Value));
        AS(ValArray, na)->items[used] = name;
        AS(ValArray, na)->items[used + 1] = v_from_ptr(c);
        atomic_store_explicit(&s->trans, (uint64_t)na, memory_order_release);
    } else {
        /* append in place: readers stop at the first empty name, so write the
         * shape before the name */
        __atomic_store_n(&tr->items[used + 1], v_from_ptr(c), __ATOMIC_RELEASE);
        __atomic_store_n(&tr->items[used], name, __ATOMIC_RELEASE);
    }
    plat_mutex_unlock(shape_lock);
    shape_build_names(vm, c);
    ROOTS_RESET(vm);
    return c;
}

void shape_init(void) { shape_lock = plat_mutex_new(); }

/* ---- own attributes ---- */
static inline Value *slot_addr(VM *vm, Obj *o, AttrArea *a, uint32_t inl, int32_t i, ValArray **arr) {
    if ((uint32_t)i < inl) { *arr = NULL; return &a->slots[i]; }
    ValArray *ext = (ValArray *)v_ptr(RD(vm, o, a->ext));
    *arr = ext;
    return &ext->items[(uint32_t)i - inl];
}

Value obj_get_own_attr(VM *vm, Value ov, Value name) {
    AttrArea *a = attrs_of(ov);
    if (!a) return VNULL;
    Obj *o = OBJ(ov);
    Shape *s = (Shape *)v_ptr(RD(vm, o, a->shape));
    if (UNLIKELY(s->dict_mode)) return dict_get_str(vm, RD(vm, o, a->slots[0]), name);
    int32_t i = shape_index(vm, s, name);
    if (i < 0) return VNULL;
    ValArray *arr;
    Value *p = slot_addr(vm, o, a, s->inline_slots, i, &arr);
    return arr ? RD(vm, arr, *p) : RD(vm, o, *p);
}

static bool to_dict_mode(VM *vm, Obj *o, AttrArea *a) {
    Shape *s = (Shape *)v_ptr(RD(vm, o, a->shape));
    if (s->dict_mode) return true;
    Value d = dict_new_sized(vm, s->count);
    if (!d) return false;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, d);
    /* insertion order = slot order */
    Value names[MAX_SHAPE_ATTRS + 1];
    int32_t n = s->count;
    for (Shape *p = s; p && p->name; p = p->parent) names[p->index] = p->name;
    for (int32_t i = 0; i < n; i++) {
        ValArray *arr;
        Value *pp = slot_addr(vm, o, a, s->inline_slots, i, &arr);
        Value v = arr ? RD(vm, arr, *pp) : RD(vm, o, *pp);
        if (v && dict_set_str(vm, d, names[i], v) < 0) { ROOTS_RESET(vm); return false; }
    }
    WR(vm, o, a->slots[0], d);
    WR(vm, o, a->ext, VNULL);
    WR(vm, o, a->shape, DICT_SHAPE);
    ROOTS_RESET(vm);
    return true;
}

/* 0 ok, 1 missing (delete of an absent attribute), -1 error */
int obj_set_own_attr(VM *vm, Value ov, Value name, Value v) {
    AttrArea *a = attrs_of(ov);
    if (!a) return 1;
    Obj *o = OBJ(ov);
    Shape *s = (Shape *)v_ptr(RD(vm, o, a->shape));
    if (s->dict_mode) {
        Value d = RD(vm, o, a->slots[0]);
        if (v) return dict_set_str(vm, d, name, v);
        int r = dict_pop_item(vm, d, name, NULL);
        return r < 0 ? -1 : r ? 0 : 1;
    }
    int32_t i = shape_index(vm, s, name);
    if (i >= 0) {
        if (!v) {
            if (!to_dict_mode(vm, o, a)) return -1;
            return obj_set_own_attr(vm, ov, name, VNULL);
        }
        ValArray *arr;
        Value *p = slot_addr(vm, o, a, s->inline_slots, i, &arr);
        if (arr) WR(vm, arr, *p, v);
        else WR(vm, o, *p, v);
        return 0;
    }
    if (!v) return 1;
    if (s->count >= MAX_SHAPE_ATTRS || (o->type->flags & TF_HAS_SLOTS_DECL && s->count >= 0 && false)) {
        if (!to_dict_mode(vm, o, a)) return -1;
        return obj_set_own_attr(vm, ov, name, v);
    }
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, ov);
    ROOT_PUSH(vm, v);
    Shape *ns = shape_add(vm, s, name);
    if (!ns) { ROOTS_RESET(vm); return -1; }
    int32_t idx = ns->index;
    if ((uint32_t)idx >= s->inline_slots) {
        int64_t ei = idx - (int64_t)s->inline_slots;
        ValArray *ext = (ValArray *)v_ptr(RD(vm, o, a->ext));
        if (!ext || ei >= ext->cap) {
            int64_t ncap = ext ? ext->cap * 2 : 4;
            ROOT_PUSH(vm, v_from_ptr(ns));
            Value na = valarray_new(vm, ncap);
            if (!na) { ROOTS_RESET(vm); return -1; }
            ext = (ValArray *)v_ptr(RD(vm, o, a->ext));
            if (ext)
                for (int64_t k = 0; k < ext->cap; k++) AS(ValArray, na)->items[k] = RD(vm, ext, ext->items[k]);
            WR(vm, o, a->ext, na);
            ext = AS(ValArray, na);
        }
        WR(vm, ext, ext->items[ei], v);
    } else {
        WR(vm, o, a->slots[idx], v);
    }
    WR(vm, o, a->shape, v_from_ptr(ns));
    ROOTS_RESET(vm);
    return 0;
}

Value obj_dict(VM *vm, Value ov) {
    AttrArea *a = attrs_of(ov);
    if (!a) return VNULL;
    if (!to_dict_mode(vm, OBJ(ov), a)) return VNULL;
    return RD(vm, OBJ(ov), a->slots[0]);
}

/* ---- type lookup (MRO), cached per thread ---- */
Value type_lookup_uncached(VM *vm, Type *t, Value name) {
    Value mro = t->mro;
    if (!mro) return t->dict ? dict_get_str(vm, t->dict, name) : VNULL;
    int64_t n = tuple_len(mro);
    for (int64_t i = 0; i < n; i++) {
        Type *b = AS(Type, tuple_items(mro)[i]);
        if (!b->dict) continue;
        Value v = dict_get_str(vm, b->dict, name);
        if (v) return v;
    }
    return VNULL;
}

/* A class's version is read without a read barrier: every transaction
 * that changes the namespace of a class other transactions can see
 * restarts all of them when it commits (type_modified), so no transaction
 * needs the version in its read set, and method lookups in transactions
 * cost no shared read.  A transaction that changed a class itself reads
 * through the barrier to see its own write. */
static inline uint64_t type_version(VM *vm, Type *t) {
    if (t->base.flags & OBJ_STATIC) return 0;
#if TXPY_STM
    if (!vm->tx.global_abort)
        return atomic_load_explicit((_Atomic uint64_t *)&t->version, memory_order_acquire);
#endif
    return (uint64_t)RDW(vm, t, t->version);
}

/* The miss path, out of line so that a hit saves no registers. */
static NOINLINE Value type_lookup_fill(VM *vm, MCacheEntry *e, Type *t, Value name, uint64_t ver) {
    Value v = type_lookup_uncached(vm, t, name);
    e->type = t;
    e->name = name;
    e->version = ver;
    e->value = v;
    return v;
}

static inline Value lookup_in_type(VM *vm, Type *t, Value name) {
    uint64_t ver = type_version(vm, t);
    uint64_t key = (uint64_t)(uintptr_t)t ^ ((uint64_t)(uintptr_t)v_ptr(name) * 0x9E3779B97F4A7C15u);
    MCacheEntry *e = &vm->mcache[(key * 0xD6E8FEB86659FD93u) >> (64 - MCACHE_BITS)];
    if (LIKELY(e->type == t && e->name == name && e->version == ver)) return e->value;
    return type_lookup_fill(vm, e, t, name, ver);
}

Value type_lookup(VM *vm, Type *t, Value name) { return lookup_in_type(vm, t, name); }

/* Bump the version of t and all its subclasses (t's namespace changed). */
static void type_modified(VM *vm, Type *t) {
    if (t->base.flags & OBJ_STATIC) return;
#if TXPY_STM
    /* see type_version; a class created by this transaction is private */
    if (!vm->tx.direct && ((StmHdr *)t)->owner != vm->tx.id) stm_request_global_abort(&vm->tx);
#endif
    WRW(vm, t, t->version, atomic_fetch_add(&next_type_version, 1));
    if (t->subclasses) {
        int64_t n = list_len(vm, t->subclasses);
        for (int64_t i = 0; i < n; i++) {
            Value sc = list_get(vm, t->subclasses, i);
            if (sc) type_modified(vm, AS(Type, sc));
        }
    }
}

/* ---- generic attribute access ---- */
static Value attr_error(VM *vm, Value obj, Value name) {
    Value e;
    if (IS_TYPE(obj)) e = vm_format(vm, "type object '%s' has no attribute '%U'", AS(Type, obj)->name, name);
    else if (v_is_type(obj, &type_module))
        e = vm_format(vm, "module '%U' has no attribute '%U'", AS(Module, obj)->name, name);
    else e = vm_format(vm, "'%s' object has no attribute '%U'", v_type(obj)->name, name);
    if (!e) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, e);
    Value exc = exc_new(vm, &exc_AttributeError, &e, 1);
    if (exc) {
        BaseExc *be = AS(BaseExc, exc);
        be->extra[0] = name;
        be->extra[1] = obj;
    }
    ROOTS_RESET(vm);
    return exc ? vm_raise_value(vm, exc) : VNULL;
}

Value generic_getattr_noraise(VM *vm, Value obj, Value name, bool *err) {
    *err = false;
    Type *t = v_type(obj);
    Value descr = lookup_in_type(vm, t, name);
    DescrGetFn f = NULL;
    if (descr) {
        Type *dt = v_type(descr);
        f = dt->tp_descr_get;
        if (f && dt->tp_descr_set) {
            Value r = f(vm, descr, obj, v_from_ptr(t));
            if (!r) {
                if (vm_exc_matches(vm, &exc_AttributeError)) { vm_exc_clear(vm); return VNULL; }
                *err = true;
            }
            return r;
        }
    }
    Value v = obj_get_own_attr(vm, obj, name);
    if (v) return v;
    if (f) {
        Value r = f(vm, descr, obj, v_from_ptr(t));
        if (!r) {
            if (vm_exc_matches(vm, &exc_AttributeError)) { vm_exc_clear(vm); return VNULL; }
            *err = true;
        }
        return r;
    }
    return descr;
}

Value generic_getattr(VM *vm, Value obj, Value name) {
    Type *t = v_type(obj);
    Value descr = lookup_in_type(vm, t, name);
    DescrGetFn f = NULL;
    if (descr) {
        Type *dt = v_type(descr);
        f = dt->tp_descr_get;
        if (f && dt->tp_descr_set) return f(vm, descr, obj, v_from_ptr(t));
    }
    Value v = obj_get_own_attr(vm, obj, name);
    if (v) return v;
    if (f) return f(vm, descr, obj, v_from_ptr(t));
    if (descr) return descr;
    return attr_error(vm, obj, name);
}

int generic_setattr(VM *vm, Value obj, Value name, Value v) {
    Type *t = v_type(obj);
    Value descr = lookup_in_type(vm, t, name);
    if (descr) {
        DescrSetFn f = v_type(descr)->tp_descr_set;
        if (f) return f(vm, descr, obj, v);
    }
    AttrArea *a = attrs_of(obj);
    if (!a) {
        if (descr)
            vm_raise(vm, &exc_AttributeError, "'%s' object attribute '%U' is read-only", t->name, name);
        else if (v)
            vm_raise(vm, &exc_AttributeError, "'%s' object has no attribute '%U'", t->name, name);
        else
            attr_error(vm, obj, name);
        return -1;
    }
    if ((t->flags & TF_HAS_SLOTS_DECL) && t->slot_names) {
        bool ok = false;
        for (int64_t i = 0; i < tuple_len(t->slot_names); i++)
            if (str_eq(tuple_items(t->slot_names)[i], name)) ok = true;
        if (!ok) {
            vm_raise(vm, &exc_AttributeError, "'%s' object has no attribute '%U'", t->name, name);
            return -1;
        }
    }
    int r = obj_set_own_attr(vm, obj, name, v);
    if (r == 1) {
        attr_error(vm, obj, name);
        return -1;
    }
    return r;
}

/* ---- slot wrappers (special methods of static types) ---- */
enum SwKind {
    SW_REPR, SW_STR, SW_HASH, SW_CALL, SW_ITER, SW_NEXT, SW_LEN, SW_GETITEM, SW_SETITEM, SW_DELITEM,
    SW_CONTAINS, SW_BOOL, SW_INIT, SW_GETATTRIBUTE, SW_SETATTR, SW_DELATTR, SW_GET, SW_SET, SW_DELETE,
    SW_LT, SW_LE, SW_EQ, SW_NE, SW_GT, SW_GE, SW_BINOP, SW_RBINOP, SW_INPLACE, SW_NEG, SW_POS, SW_ABS,
    SW_INVERT, SW_INT, SW_FLOAT, SW_INDEX, SW_DIVMOD, SW_RDIVMOD, SW_POW, SW_RPOW, SW_FORMAT
};

typedef struct SlotWrapper {
    Obj hdr;
    Type *owner;
    Value name;
    int kind;
    int op;
} SlotWrapper;

static void slotwrapper_trace(GcTracer *g, Obj *o) { gc_mark_value(g, ((SlotWrapper *)o)->name); }

static bool sw_nargs(VM *vm, SlotWrapper *w, int nargs, int expect) {
    if (nargs == expect) return true;
    vm_raise(vm, &exc_TypeError, "expected %d argument%s, got %d", expect - 1, expect == 2 ? "" : "s", nargs - 1);
    (void)w;
    return false;
}

static Value slotwrapper_call(VM *vm, Value self, Value *args, int nargs, Value kwnames) {
    SlotWrapper *w = AS(SlotWrapper, self);
    Type *t = w->owner;
    if (nargs < 1) return vm_raise(vm, &exc_TypeError, "descriptor '%U' of '%s' object needs an argument", w->name, t->name);
    Value obj = args[0];
    if (!v_isinstance_of(obj, t) && !(t == &type_object))
        return vm_raise(vm, &exc_TypeError, "descriptor '%U' requires a '%s' object but received a '%s'", w->name,
                        t->name, v_type(obj)->name);
    if (w->kind != SW_INIT && w->kind != SW_CALL && kwnames && tuple_len(kwnames))
        return vm_raise(vm, &exc_TypeError, "wrapper %U() takes no keyword arguments", w->name);
    switch (w->kind) {
    case SW_REPR: if (!sw_nargs(vm, w, nargs, 1)) return VNULL; return t->tp_repr(vm, obj);
    case SW_STR: if (!sw_nargs(vm, w, nargs, 1)) return VNULL; return t->tp_str(vm, obj);
    case SW_HASH: {
        if (!sw_nargs(vm, w, nargs, 1)) return VNULL;
        int64_t h = t->tp_hash(vm, obj);
        return h == -1 ? VNULL : int_from_i64(vm, h);
    }
    case SW_CALL: return t->tp_call(vm, obj, args + 1, nargs - 1, kwnames);
    case SW_ITER: if (!sw_nargs(vm, w, nargs, 1)) return VNULL; return t->tp_iter(vm, obj);
    case SW_NEXT: {
        if (!sw_nargs(vm, w, nargs, 1)) return VNULL;
        Value r = t->tp_iternext(vm, obj);
        if (!r && !vm->exc) vm_raise_value(vm, v_from_ptr(&exc_StopIteration));
        return r;
    }
    case SW_LEN: {
        if (!sw_nargs(vm, w, nargs, 1)) return VNULL;
        int64_t n = t->tp_len(vm, obj);
        return n < 0 ? VNULL : int_from_i64(vm, n);
    }
    case SW_GETITEM: if (!sw_nargs(vm, w, nargs, 2)) return VNULL; return t->tp_getitem(vm, obj, args[1]);
    case SW_SETITEM:
        if (!sw_nargs(vm, w, nargs, 3)) return VNULL;
        return t->tp_setitem(vm, obj, args[1], args[2]) < 0 ? VNULL : V_NONE;
    case SW_DELITEM:
        if (!sw_nargs(vm, w, nargs, 2)) return VNULL;
        return t->tp_setitem(vm, obj, args[1], VNULL) < 0 ? VNULL : V_NONE;
    case SW_CONTAINS: {
        if (!sw_nargs(vm, w, nargs, 2)) return VNULL;
        int r = t->tp_contains(vm, obj, args[1]);
        return r < 0 ? VNULL : v_bool(r);
    }
    case SW_BOOL: {
        if (!sw_nargs(vm, w, nargs, 1)) return VNULL;
        int r = t->tp_bool(vm, obj);
        return r < 0 ? VNULL : v_bool(r);
    }
    case SW_INIT: return t->tp_init(vm, obj, args + 1, nargs - 1, kwnames) < 0 ? VNULL : V_NONE;
    case SW_GETATTRIBUTE:
        if (!sw_nargs(vm, w, nargs, 2)) return VNULL;
        if (!IS_STR(args[1])) return vm_raise(vm, &exc_TypeError, "attribute name must be string, not '%s'", v_type(args[1])->name);
        {
            Value nm = str_intern(vm, args[1]);
            if (!nm) return VNULL;
            return t->tp_getattro(vm, obj, nm);
        }
    case SW_SETATTR:
    case SW_DELATTR: {
        if (!sw_nargs(vm, w, nargs, w->kind == SW_SETATTR ? 3 : 2)) return VNULL;
        if (!IS_STR(args[1])) return vm_raise(vm, &exc_TypeError, "attribute name must be string, not '%s'", v_type(args[1])->name);
        Value nm = str_intern(vm, args[1]);
        if (!nm) return VNULL;
        return t->tp_setattro(vm, obj, nm, w->kind == SW_SETATTR ? args[2] : VNULL) < 0 ? VNULL : V_NONE;
    }
    case SW_GET:
        if (nargs < 2 || nargs > 3) return vm_raise(vm, &exc_TypeError, "expected 1 or 2 arguments, got %d", nargs - 1);
        return t->tp_descr_get(vm, obj, args[1] == V_NONE ? VNULL : args[1], nargs > 2 ? args[2] : V_NONE);
    case SW_SET:
        if (!sw_nargs(vm, w, nargs, 3)) return VNULL;
        return t->tp_descr_set(vm, obj, args[1], args[2]) < 0 ? VNULL : V_NONE;
    case SW_DELETE:
        if (!sw_nargs(vm, w, nargs, 2)) return VNULL;
        return t->tp_descr_set(vm, obj, args[1], VNULL) < 0 ? VNULL : V_NONE;
    case SW_LT: case SW_LE: case SW_EQ: case SW_NE: case SW_GT: case SW_GE:
        if (!sw_nargs(vm, w, nargs, 2)) return VNULL;
        return t->tp_richcompare(vm, obj, args[1], w->kind - SW_LT);
    case SW_BINOP: if (!sw_nargs(vm, w, nargs, 2)) return VNULL; return t->nb[w->op](vm, obj, args[1]);
    case SW_RBINOP: if (!sw_nargs(vm, w, nargs, 2)) return VNULL; return t->nb[w->op](vm, args[1], obj);
    case SW_INPLACE: if (!sw_nargs(vm, w, nargs, 2)) return VNULL; return t->nb_inplace[w->op](vm, obj, args[1]);
    case SW_NEG: if (!sw_nargs(vm, w, nargs, 1)) return VNULL; return t->nb_neg(vm, obj);
    case SW_POS: if (!sw_nargs(vm, w, nargs, 1)) return VNULL; return t->nb_pos(vm, obj);
    case SW_ABS: if (!sw_nargs(vm, w, nargs, 1)) return VNULL; return t->nb_abs(vm, obj);
    case SW_INVERT: if (!sw_nargs(vm, w, nargs, 1)) return VNULL; return t->nb_invert(vm, obj);
    case SW_INT: if (!sw_nargs(vm, w, nargs, 1)) return VNULL; return t->nb_int(vm, obj);
    case SW_FLOAT: if (!sw_nargs(vm, w, nargs, 1)) return VNULL; return t->nb_float(vm, obj);
    case SW_INDEX: if (!sw_nargs(vm, w, nargs, 1)) return VNULL; return t->nb_index(vm, obj);
    case SW_DIVMOD: if (!sw_nargs(vm, w, nargs, 2)) return VNULL; return t->nb_divmod(vm, obj, args[1]);
    case SW_RDIVMOD: if (!sw_nargs(vm, w, nargs, 2)) return VNULL; return t->nb_divmod(vm, args[1], obj);
    case SW_POW:
        if (nargs < 2 || nargs > 3) return vm_raise(vm, &exc_TypeError, "expected 1 or 2 arguments, got %d", nargs - 1);
        if (nargs == 3 && t->nb_pow3) return t->nb_pow3(vm, obj, args[1], args[2]);
        return t->nb[NB_POW](vm, obj, args[1]);
    case SW_RPOW:
        if (!sw_nargs(vm, w, nargs, 2)) return VNULL;
        return t->nb[NB_POW](vm, args[1], obj);
    case SW_FORMAT: if (!sw_nargs(vm, w, nargs, 2)) return VNULL; return t->tp_format(vm, obj, args[1]);
    }
    return vm_raise(vm, &exc_SystemError, "bad slot wrapper");
}

static Value slotwrapper_get(VM *vm, Value self, Value obj, Value type) {
    (void)type;
    if (!obj) return self;
    return method_new(vm, self, obj);
}

static Value slotwrapper_repr(VM *vm, Value self) {
    SlotWrapper *w = AS(SlotWrapper, self);
    return vm_format(vm, "<slot wrapper '%U' of '%s' objects>", w->name, w->owner->name);
}

static void add_slot_wrapper(Type *t, const char *name, int kind, int op) {
    VM *vm = G->threads;
    Value nm = str_intern_cstr(vm, name);
    if (dict_get_str(vm, t->dict, nm)) return;     /* an explicit method wins */
    SlotWrapper *w = gc_alloc(vm, &type_slot_wrapper, sizeof(SlotWrapper));
    w->owner = t;
    w->name = nm;
    w->kind = kind;
    w->op = op;
    dict_set_str(vm, t->dict, nm, v_from_ptr(w));
}

static const char *const binop_names[NB_COUNT][3] = {
    {"__add__", "__radd__", "__iadd__"}, {"__sub__", "__rsub__", "__isub__"}, {"__mul__", "__rmul__", "__imul__"},
    {"__matmul__", "__rmatmul__", "__imatmul__"}, {"__truediv__", "__rtruediv__", "__itruediv__"},
    {"__floordiv__", "__rfloordiv__", "__ifloordiv__"}, {"__mod__", "__rmod__", "__imod__"},
    {"__pow__", "__rpow__", "__ipow__"}, {"__lshift__", "__rlshift__", "__ilshift__"},
    {"__rshift__", "__rrshift__", "__irshift__"}, {"__and__", "__rand__", "__iand__"},
    {"__or__", "__ror__", "__ior__"}, {"__xor__", "__rxor__", "__ixor__"},
};

static Value object_getattro(VM *vm, Value obj, Value name);
static int object_setattro(VM *vm, Value obj, Value name, Value v);
static Value object_richcompare(VM *vm, Value a, Value b, int op);
static int64_t object_hash(VM *vm, Value a);
static Value object_repr(VM *vm, Value a);
static Value object_str(VM *vm, Value a);
static int object_init(VM *vm, Value self, Value *args, int nargs, Value kwnames);
static Value object_new(VM *vm, Type *t, Value *args, int nargs, Value kwnames);

static void add_slot_wrappers(Type *t) {
    Type *b = t->base_type;
#define INHERITED(f) (b && t->f == b->f)
    if (t->tp_repr && !INHERITED(tp_repr)) add_slot_wrapper(t, "__repr__", SW_REPR, 0);
    if (t->tp_str && !INHERITED(tp_str)) add_slot_wrapper(t, "__str__", SW_STR, 0);
    if (t->tp_hash && !INHERITED(tp_hash)) add_slot_wrapper(t, "__hash__", SW_HASH, 0);
    if (t->tp_call && !INHERITED(tp_call)) add_slot_wrapper(t, "__call__", SW_CALL, 0);
    if (t->tp_iter && !INHERITED(tp_iter)) add_slot_wrapper(t, "__iter__", SW_ITER, 0);
    if (t->tp_iternext && !INHERITED(tp_iternext)) add_slot_wrapper(t, "__next__", SW_NEXT, 0);
    if (t->tp_len && !INHERITED(tp_len)) add_slot_wrapper(t, "__len__", SW_LEN, 0);
    if (t->tp_getitem && !INHERITED(tp_getitem)) add_slot_wrapper(t, "__getitem__", SW_GETITEM, 0);
    if (t->tp_setitem && !INHERITED(tp_setitem)) {
        add_slot_wrapper(t, "__setitem__", SW_SETITEM, 0);
        add_slot_wrapper(t, "__delitem__", SW_DELITEM, 0);
    }
    if (t->tp_contains && !INHERITED(tp_contains)) add_slot_wrapper(t, "__contains__", SW_CONTAINS, 0);
    if (t->tp_bool && !INHERITED(tp_bool)) add_slot_wrapper(t, "__bool__", SW_BOOL, 0);
    if (t->tp_init && !INHERITED(tp_init)) add_slot_wrapper(t, "__init__", SW_INIT, 0);
    if (t->tp_getattro && !INHERITED(tp_getattro)) add_slot_wrapper(t, "__getattribute__", SW_GETATTRIBUTE, 0);
    if (t->tp_setattro && !INHERITED(tp_setattro)) {
        add_slot_wrapper(t, "__setattr__", SW_SETATTR, 0);
        add_slot_wrapper(t, "__delattr__", SW_DELATTR, 0);
    }
    if (t->tp_descr_get && !INHERITED(tp_descr_get)) add_slot_wrapper(t, "__get__", SW_GET, 0);
    if (t->tp_descr_set && !INHERITED(tp_descr_set)) {
        add_slot_wrapper(t, "__set__", SW_SET, 0);
        add_slot_wrapper(t, "__delete__", SW_DELETE, 0);
    }
    if (t->tp_richcompare && !INHERITED(tp_richcompare)) {
        static const char *const cmpn[6] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
        for (int i = 0; i < 6; i++) add_slot_wrapper(t, cmpn[i], SW_LT + i, 0);
    }
    for (int op = 0; op < NB_COUNT; op++) {
        if (t->nb[op] && !INHERITED(nb[op])) {
            if (op == NB_POW) {
                add_slot_wrapper(t, "__pow__", SW_POW, op);
                add_slot_wrapper(t, "__rpow__", SW_RPOW, op);
            } else {
                add_slot_wrapper(t, binop_names[op][0], SW_BINOP, op);
                add_slot_wrapper(t, binop_names[op][1], SW_RBINOP, op);
            }
        }
        if (t->nb_inplace[op] && !INHERITED(nb_inplace[op])) add_slot_wrapper(t, binop_names[op][2], SW_INPLACE, op);
    }
    if (t->nb_neg && !INHERITED(nb_neg)) add_slot_wrapper(t, "__neg__", SW_NEG, 0);
    if (t->nb_pos && !INHERITED(nb_pos)) add_slot_wrapper(t, "__pos__", SW_POS, 0);
    if (t->nb_abs && !INHERITED(nb_abs)) add_slot_wrapper(t, "__abs__", SW_ABS, 0);
    if (t->nb_invert && !INHERITED(nb_invert)) add_slot_wrapper(t, "__invert__", SW_INVERT, 0);
    if (t->nb_int && !INHERITED(nb_int)) add_slot_wrapper(t, "__int__", SW_INT, 0);
    if (t->nb_float && !INHERITED(nb_float)) add_slot_wrapper(t, "__float__", SW_FLOAT, 0);
    if (t->nb_index && !INHERITED(nb_index)) add_slot_wrapper(t, "__index__", SW_INDEX, 0);
    if (t->nb_divmod && !INHERITED(nb_divmod)) {
        add_slot_wrapper(t, "__divmod__", SW_DIVMOD, 0);
        add_slot_wrapper(t, "__rdivmod__", SW_RDIVMOD, 0);
    }
    if (t->tp_format && !INHERITED(tp_format)) add_slot_wrapper(t, "__format__", SW_FORMAT, 0);
#undef INHERITED
}

static void inherit_slots(Type *t, Type *b) {
#define INH(f) if (!t->f) t->f = b->f
    INH(tp_repr); INH(tp_str); INH(tp_hash); INH(tp_richcompare); INH(tp_getattro); INH(tp_setattro);
    INH(tp_call); INH(tp_iter); INH(tp_iternext); INH(tp_descr_get); INH(tp_descr_set); INH(tp_len);
    INH(tp_getitem); INH(tp_setitem); INH(tp_contains); INH(tp_bool); INH(tp_init); INH(tp_new);
    INH(nb_pow3); INH(nb_neg); INH(nb_pos); INH(nb_abs); INH(nb_invert); INH(nb_int); INH(nb_float);
    INH(nb_index); INH(nb_divmod); INH(tp_format); INH(finalize);
    for (int i = 0; i < NB_COUNT; i++) { INH(nb[i]); INH(nb_inplace[i]); }
#undef INH
}

static void type_trace(GcTracer *g, Obj *o) {
    Type *t = (Type *)o;
    gc_mark_value(g, t->v_name);
    gc_mark_value(g, t->v_qualname);
    gc_mark_value(g, t->v_module);
    gc_mark_value(g, t->v_doc);
    gc_mark_value(g, t->bases);
    gc_mark_value(g, t->mro);
    gc_mark_value(g, t->dict);
    gc_mark_value(g, t->subclasses);
    gc_mark_value(g, t->slot_names);
    gc_mark_value(g, t->root_shape);
    if (t->base_type && !(t->base_type->base.flags & OBJ_STATIC)) gc_mark_ptr(g, t->base_type);
}

static Value make_type_dict(VM *vm) {
    Value d = dict_new(vm);
    if (!d) abort();
    return d;
}

bool type_ready(Type *t) {
    VM *vm = G->threads;
    if (t->dict) return true;
    if (!t->base.type) t->base.type = &type_type;
    t->base.flags |= OBJ_STATIC;
    if (!t->base_type && t != &type_object) t->base_type = &type_object;
    Type *b = t->base_type;
    if (b && !b->dict) type_ready(b);
    if (!t->trace_layout) t->trace_layout = t->trace;
    if (b) {
        inherit_slots(t, b);
        t->flags |= b->flags & (TF_INT_SUBCLASS | TF_STR_SUBCLASS | TF_TUPLE_SUBCLASS | TF_LIST_SUBCLASS |
                                TF_DICT_SUBCLASS | TF_EXC_SUBCLASS | TF_TYPE_SUBCLASS | TF_FLOAT_SUBCLASS |
                                TF_HAS_ATTRS | TF_VAR_LAYOUT);
        if ((b->flags & TF_HAS_ATTRS) && !t->attr_offset) {
            t->attr_offset = b->attr_offset;
            t->inline_slots = b->inline_slots;
        }
        if (!t->basicsize) t->basicsize = b->basicsize;
    }
    t->dict = make_type_dict(vm);
    t->v_name = str_intern_cstr(vm, t->name);
    t->v_qualname = t->v_name;
    /* bases and MRO: a chain for static types */
    if (b) {
        t->bases = tuple_pack(vm, 1, v_from_ptr(b));
        int64_t bn = tuple_len(b->mro);
        Value mro = tuple_new(vm, bn + 1);
        tuple_items(mro)[0] = v_from_ptr(t);
        memcpy(tuple_items(mro) + 1, tuple_items(b->mro), (size_t)bn * sizeof(Value));
        t->mro = mro;
    } else {
        t->bases = tuple_new(vm, 0);
        t->mro = tuple_pack(vm, 1, v_from_ptr(t));
    }
    if (t->flags & TF_HAS_ATTRS) {
        Shape *s = shape_root_new(vm, t);
        t->root_shape = v_from_ptr(s);
    }
    gc_add_static_type(t);
    /* type(t) has trace type_trace through type_type's trace */
    add_slot_wrappers(t);
    return true;
}

/* After type_ready: methods of static types. */
void type_add_methods(Type *t, const MethodDef *defs) {
    VM *vm = G->threads;
    for (const MethodDef *d = defs; d->name; d++) {
        Value nm = str_intern_cstr(vm, d->name);
        Value f;
        if (d->flags & MF_CLASS) {
            /* a classmethod: bound to the class at lookup */
            MethodDescr *m = gc_alloc(vm, &type_classmethod_descr, sizeof(MethodDescr));
            m->def = d;
            m->owner = t;
            f = v_from_ptr(m);
        } else if (d->flags & MF_STATIC) {
            f = builtin_function_new(vm, d, VNULL, v_from_ptr(t));
            Value sm = vm_call1(vm, v_from_ptr(&type_staticmethod), f);
            f = sm;
        } else {
            MethodDescr *m = gc_alloc(vm, &type_method_descr, sizeof(MethodDescr));
            m->def = d;
            m->owner = t;
            f = v_from_ptr(m);
        }
        dict_set_str(vm, t->dict, nm, f);
    }
}

void type_add_getsets(Type *t, const GetSetDef *defs) {
    VM *vm = G->threads;
    for (const GetSetDef *d = defs; d->name; d++) {
        GetSetDescr *g = gc_alloc(vm, &type_getset_descr, sizeof(GetSetDescr));
        g->def = d;
        g->owner = t;
        dict_set_str(vm, t->dict, str_intern_cstr(vm, d->name), v_from_ptr(g));
    }
}

void type_set_attr_static(Type *t, const char *name, Value v) {
    VM *vm = G->threads;
    dict_set_str(vm, t->dict, str_intern_cstr(vm, name), v);
}

bool type_is_subtype_slow(const Type *a, const Type *b) {
    if (b == &type_object) return true;
    Value mro = a->mro;
    if (!mro) {
        for (const Type *t = a; t; t = t->base_type)
            if (t == b) return true;
        return false;
    }
    int64_t n = tuple_len(mro);
    Value *it = tuple_items(mro);
    for (int64_t i = 0; i < n; i++)
        if (v_ptr(it[i]) == b) return true;
    return false;
}

/* ======================= object ======================= */
static Value object_getattro(VM *vm, Value obj, Value name) { return generic_getattr(vm, obj, name); }
static int object_setattro(VM *vm, Value obj, Value name, Value v) { return generic_setattr(vm, obj, name, v); }

static Value object_richcompare(VM *vm, Value a, Value b, int op) {
    (void)vm;
    if (op == CMP_EQ_OP) return a == b ? V_TRUE : V_NOTIMPL;
    if (op == CMP_NE_OP) {
        /* by default, != delegates to == and inverts */
        Type *t = v_type(a);
        if (t->tp_richcompare && t->tp_richcompare != object_richcompare) {
            Value r = t->tp_richcompare(vm, a, b, CMP_EQ_OP);
            if (!r || r == V_NOTIMPL) return r;
            int tr = vm_truthy(vm, r);
            if (tr < 0) return VNULL;
            return v_bool(!tr);
        }
        return a == b ? V_FALSE : V_NOTIMPL;
    }
    return V_NOTIMPL;
}

static int64_t object_hash(VM *vm, Value a) {
    (void)vm;
    uint64_t p = (uint64_t)(uintptr_t)v_ptr(a);
    uint64_t h = (p >> 4) | (p << 60);
    return (int64_t)(h == (uint64_t)-1 ? (uint64_t)-2 : h);
}

static Value object_repr(VM *vm, Value a) {
    Type *t = v_type(a);
    Value mod = (t->base.flags & OBJ_STATIC) ? VNULL : t->v_module;
    Value qn = t->v_qualname ? t->v_qualname : t->v_name;
    if (mod && IS_STR(mod) && strcmp(str_cstr(mod), "builtins"))
        return vm_format(vm, "<%U.%U object at %p>", mod, qn, v_ptr(a));
    return vm_format(vm, "<%U object at %p>", qn, v_ptr(a));
}

static Value object_str(VM *vm, Value a) {
    Type *t = v_type(a);
    return t->tp_repr(vm, a);
}

static bool excess_args(int nargs, Value kwnames) { return nargs > 0 || (kwnames && tuple_len(kwnames) > 0); }

static int object_init(VM *vm, Value self, Value *args, int nargs, Value kwnames) {
    (void)args;
    Type *t = v_type(self);
    if (excess_args(nargs, kwnames)) {
        if (t->tp_init != object_init) {
            vm_raise(vm, &exc_TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
            return -1;
        }
        if (t->tp_new == object_new) {
            vm_raise(vm, &exc_TypeError, "%U() takes no arguments", t->v_qualname ? t->v_qualname : t->v_name);
            return -1;
        }
    }
    return 0;
}

static Value object_new(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    (void)args;
    if (excess_args(nargs, kwnames)) {
        if (t->tp_new != object_new) return vm_raise(vm, &exc_TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
        if (t->tp_init == object_init) return vm_raise(vm, &exc_TypeError, "%U() takes no arguments", t->v_qualname ? t->v_qualname : t->v_name);
    }
    if (!(t->base.flags & OBJ_STATIC) && t->dict) {
        /* Only t's own __abstractmethods__ counts; the version-cached
         * lookup through the MRO finds nothing for almost every class,
         * without probing t's dict (shared, so barriered) each time. */
        Value abstract = type_lookup(vm, t, NM(__abstractmethods__));
        if (abstract) abstract = dict_get_str(vm, t->dict, NM(__abstractmethods__));
        if (abstract && vm_truthy(vm, abstract) > 0) {
            Value l = vm_sequence_to_list(vm, abstract);
            if (!l) return VNULL;
            ROOTS_MARK(vm);
            ROOT_PUSH(vm, l);
            if (!list_sort(vm, l, VNULL, false)) { ROOTS_RESET(vm); return VNULL; }
            Value sep = str_from_cstr(vm, ", ");
            Value joined = sep ? str_join(vm, sep, l) : VNULL;
            int64_t n = list_len(vm, l);
            ROOTS_RESET(vm);
            if (!joined) return VNULL;
            return vm_raise(vm, &exc_TypeError, "Can't instantiate abstract class %U with abstract method%s %U",
                            t->v_name, n > 1 ? "s" : "", joined);
        }
    }
    if (t->flags & TF_HAS_ATTRS || !(t->base.flags & OBJ_STATIC)) return instance_alloc(vm, t);
    if (t == &type_object) {
        Obj *o = gc_alloc(vm, t, sizeof(Obj));
        return o ? v_from_ptr(o) : VNULL;
    }
    return vm_raise(vm, &exc_TypeError, "object.__new__(%s) is not safe, use %s.__new__()", t->name, t->name);
}

static Value tp_new_wrapper(VM *vm, Value *args, int nargs, Value kwnames) {
    /* args[0]: the type owning this __new__ (bound self); args[1]: cls */
    Type *owner = AS(Type, args[0]);
    if (nargs < 2) return vm_raise(vm, &exc_TypeError, "%s.__new__(): not enough arguments", owner->name);
    Value cls = args[1];
    if (!IS_TYPE(cls)) return vm_raise(vm, &exc_TypeError, "%s.__new__(X): X is not a type object (%s)", owner->name, v_type(cls)->name);
    Type *ct = AS(Type, cls);
    if (!type_is_subtype(ct, owner))
        return vm_raise(vm, &exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s", owner->name, ct->name, ct->name, owner->name);
    /* like CPython: the most derived static base's tp_new must be owner's */
    return owner->tp_new(vm, ct, args + 2, nargs - 2, kwnames);
}
static const MethodDef tp_new_def = {"__new__", tp_new_wrapper, 2, -1, MF_KW, NULL};

/* object methods */
#define M(name) static Value name(VM *vm, Value *args, int nargs, Value kw)
#define UNUSED (void)nargs; (void)kw

M(obj_m_format) {
    UNUSED;
    if (!IS_STR(args[1])) return vm_raise(vm, &exc_TypeError, "format() argument 2 must be str, not %T", args[1]);
    if (str_len(args[1]) > 0)
        return vm_raise(vm, &exc_TypeError, "unsupported format string passed to %s.__format__", v_type(args[0])->name);
    return vm_str(vm, args[0]);
}

M(obj_m_dir) { UNUSED; return vm_dir(vm, args[0]); }

M(obj_m_init_subclass) {
    (void)args;
    if (nargs > 1 || (kw && tuple_len(kw)))
        return vm_raise(vm, &exc_TypeError, "%s.__init_subclass__() takes no keyword arguments", AS(Type, args[0])->name);
    return V_NONE;
}

M(obj_m_subclasshook) { UNUSED; (void)args; (void)vm; return V_NOTIMPL; }

M(obj_m_sizeof) { UNUSED; return int_from_i64(vm, (int64_t)type_instance_size(v_type(args[0]))); }

M(obj_m_reduce_ex) {
    UNUSED;
    return vm_raise(vm, &exc_TypeError, "cannot pickle '%s' object", v_type(args[0])->name);
}

static Value obj_g_class(VM *vm, Value o) { (void)vm; return v_from_ptr(v_type(o)); }

static int obj_s_class(VM *vm, Value o, Value v) {
    if (!v || !IS_TYPE(v)) {
        vm_raise(vm, &exc_TypeError, "__class__ must be set to a class, not '%s' object", v ? v_type(v)->name : "NULL");
        return -1;
    }
    Type *old = v_type(o), *nt = AS(Type, v);
    if (!(old->flags & TF_HEAPTYPE) || !(nt->flags & TF_HEAPTYPE) || type_instance_size(old) != type_instance_size(nt) ||
        old->attr_offset != nt->attr_offset || old->inline_slots != nt->inline_slots || old->trace_layout != nt->trace_layout) {
        vm_raise(vm, &exc_TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses");
        return -1;
    }
    /* Changing the type of a shared object is not transactional: do it
     * inevitably, with every other transaction restarted. */
    vm_become_inevitable(vm, "__class__ assignment");
    stm_request_global_abort(&vm->tx);
    AttrArea *a = obj_attrs(o);
    if (a && !obj_dict(vm, o)) return -1;
    OBJ(o)->type = nt;
    return 0;
}

static Value obj_g_dict(VM *vm, Value o) {
    if (v_type(o)->flags & TF_HAS_SLOTS_DECL)
        return vm_raise(vm, &exc_AttributeError, "'%s' object has no attribute '__dict__'", v_type(o)->name);
    Value d = obj_dict(vm, o);
    if (!d && !vm->exc) return vm_raise(vm, &exc_AttributeError, "'%s' object has no attribute '__dict__'", v_type(o)->name);
    return d;
}

static const MethodDef object_methods[] = {
    {"__format__", obj_m_format, 2, 2, 0, NULL},
    {"__dir__", obj_m_dir, 1, 1, 0, NULL},
    {"__init_subclass__", obj_m_init_subclass, 1, -1, MF_CLASS | MF_KW, NULL},
    {"__subclasshook__", obj_m_subclasshook, 1, -1, MF_CLASS, NULL},
    {"__sizeof__", obj_m_sizeof, 1, 1, 0, NULL},
    {"__reduce_ex__", obj_m_reduce_ex, 1, 2, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};
static const GetSetDef object_getsets[] = {
    {"__class__", obj_g_class, obj_s_class, NULL},
    {"__dict__", obj_g_dict, NULL, NULL},
    {NULL, NULL, NULL, NULL}
};

/* ======================= type ======================= */
static Value type_call(VM *vm, Value self, Value *args, int nargs, Value kwnames) {
    Type *t = AS(Type, self);
    if (t == &type_type && nargs == 1 && (!kwnames || tuple_len(kwnames) == 0)) return v_from_ptr(v_type(args[0]));
    if (!t->tp_new) return vm_raise(vm, &exc_TypeError, "cannot create '%s' instances", t->name);
    Value obj = t->tp_new(vm, t, args, nargs, kwnames);
    if (!obj) return VNULL;
    Type *ot = v_type(obj);
    if (!type_is_subtype(ot, t)) return obj;
    if (ot->tp_init) {
        ROOTS_MARK(vm);
        ROOT_PUSH(vm, obj);
        int r = ot->tp_init(vm, obj, args, nargs, kwnames);
        ROOTS_RESET(vm);
        if (r < 0) return VNULL;
    }
    return obj;
}

/* type's own attribute lookup: metatype data descriptors, then the MRO of
 * the type itself, then metatype attributes. */
static Value type_getattro(VM *vm, Value obj, Value name) {
    Type *t = AS(Type, obj);
    Type *meta = v_type(obj);
    Value mattr = type_lookup(vm, meta, name);
    DescrGetFn mget = NULL;
    if (mattr) {
        Type *mt = v_type(mattr);
        mget = mt->tp_descr_get;
        if (mget && mt->tp_descr_set) return mget(vm, mattr, obj, v_from_ptr(meta));
    }
    Value attr = type_lookup(vm, t, name);
    if (attr) {
        DescrGetFn f = v_type(attr)->tp_descr_get;
        if (f) return f(vm, attr, VNULL, obj);
        return attr;
    }
    if (mget) return mget(vm, mattr, obj, v_from_ptr(meta));
    if (mattr) return mattr;
    return attr_error(vm, obj, name);
}

static void fixup_slots(VM *vm, Type *t);

static int type_setattro(VM *vm, Value obj, Value name, Value v) {
    Type *t = AS(Type, obj);
    if (t->base.flags & OBJ_STATIC) {
        vm_raise(vm, &exc_TypeError, "cannot set '%U' attribute of immutable type '%s'", name, t->name);
        return -1;
    }
    Type *meta = v_type(obj);
    Value mattr = type_lookup(vm, meta, name);
    if (mattr) {
        DescrSetFn f = v_type(mattr)->tp_descr_set;
        if (f) return f(vm, mattr, obj, v);
    }
    const char *n = str_cstr(name);
    bool dunder = n[0] == '_' && n[1] == '_' && str_len(name) > 4 && n[str_len(name) - 1] == '_' && n[str_len(name) - 2] == '_';
    if (dunder) {
        /* Special methods are copied into C slots: changing them after
         * creation is done inevitably and restarts every other transaction. */
        vm_become_inevitable(vm, "setting a special method on a class");
        stm_request_global_abort(&vm->tx);
    }
    if (v) {
        if (dict_set_str(vm, t->dict, name, v) < 0) return -1;
    } else {
        int r = dict_pop_item(vm, t->dict, name, NULL);
        if (r < 0) return -1;
        if (r == 0) {
            vm_raise(vm, &exc_AttributeError, "type object '%s' has no attribute '%U'", t->name, name);
            return -1;
        }
    }
    type_modified(vm, t);
    if (dunder) fixup_slots(vm, t);
    return 0;
}

static Value type_repr(VM *vm, Value self) {
    Type *t = AS(Type, self);
    Value mod = t->v_module;
    if (mod && IS_STR(mod) && strcmp(str_cstr(mod), "builtins"))
        return vm_format(vm, "<class '%U.%U'>", mod, t->v_qualname);
    return vm_format(vm, "<class '%U'>", t->v_qualname ? t->v_qualname : t->v_name);
}

static Value tg_name(VM *vm, Value o) { (void)vm; return AS(Type, o)->v_name; }
static int ts_name(VM *vm, Value o, Value v) {
    Type *t = AS(Type, o);
    if (t->base.flags & OBJ_STATIC) { vm_raise(vm, &exc_TypeError, "cannot set '__name__' attribute of immutable type '%s'", t->name); return -1; }
    if (!v || !IS_STR(v)) { vm_raise(vm, &exc_TypeError, "can only assign string to %s.__name__, not '%s'", t->name, v ? v_type(v)->name : "NULL"); return -1; }
    vm_become_inevitable(vm, "type attribute");    /* written in place */
    t->v_name = v;
    t->name = str_cstr(v);
    return 0;
}
static Value tg_qualname(VM *vm, Value o) { (void)vm; return AS(Type, o)->v_qualname; }
static int ts_qualname(VM *vm, Value o, Value v) {
    Type *t = AS(Type, o);
    if (!v || !IS_STR(v)) { vm_raise(vm, &exc_TypeError, "can only assign string to %s.__qualname__", t->name); return -1; }
    vm_become_inevitable(vm, "type attribute");    /* written in place */
    t->v_qualname = v;
    return 0;
}
static Value tg_module(VM *vm, Value o) {
    Type *t = AS(Type, o);
    if (t->base.flags & OBJ_STATIC) return t->v_module ? t->v_module : NM(builtins);
    Value m = dict_get_str(vm, t->dict, NM(__module__));
    return m ? m : (t->v_module ? t->v_module : NM(builtins));
}
static int ts_module(VM *vm, Value o, Value v) {
    Type *t = AS(Type, o);
    vm_become_inevitable(vm, "type attribute");    /* written in place */
    t->v_module = v;
    return dict_set_str(vm, t->dict, NM(__module__), v ? v : V_NONE);
}
static Value tg_doc(VM *vm, Value o) {
    Type *t = AS(Type, o);
    Value d = dict_get_str(vm, t->dict, NM(__doc__));
    return d ? d : V_NONE;
}
/* __doc__ and __annotations__ of a class live in its dict; static types'
 * are read-only. */
static int type_set_dict_attr(VM *vm, Value o, Value name, Value v) {
    Type *t = AS(Type, o);
    if (t->base.flags & OBJ_STATIC) {
        vm_raise(vm, &exc_TypeError, "cannot set '%U' attribute of immutable type '%s'", name, t->name);
        return -1;
    }
    stm_request_global_abort(&vm->tx);      /* class dicts feed the method caches */
    if (v) return dict_set_str(vm, t->dict, name, v);
    if (dict_del(vm, t->dict, name) == 0) return 0;
    if (vm_exc_matches(vm, &exc_KeyError)) {
        vm_exc_clear(vm);
        vm_raise(vm, &exc_AttributeError, "%U", name);
    }
    return -1;
}
static int ts_doc(VM *vm, Value o, Value v) { return type_set_dict_attr(vm, o, NM(__doc__), v); }
static int ts_annotations(VM *vm, Value o, Value v) { return type_set_dict_attr(vm, o, NM(__annotations__), v); }
static Value tg_bases(VM *vm, Value o) { (void)vm; return AS(Type, o)->bases; }
static Value tg_base(VM *vm, Value o) { (void)vm; Type *b = AS(Type, o)->base_type; return b ? v_from_ptr(b) : V_NONE; }
static Value tg_mro(VM *vm, Value o) { (void)vm; return AS(Type, o)->mro; }

typedef struct MappingProxy {
    Obj hdr;
    Value mapping;
} MappingProxy;

static Value tg_dict(VM *vm, Value o) {
    MappingProxy *p = gc_alloc(vm, &type_mappingproxy, sizeof(MappingProxy));
    if (!p) return VNULL;
    p->mapping = AS(Type, o)->dict;
    return v_from_ptr(p);
}

static Value tg_abstract(VM *vm, Value o) {
    Type *t = AS(Type, o);
    Value v = (t->base.flags & OBJ_STATIC) ? VNULL : dict_get_str(vm, t->dict, NM(__abstractmethods__));
    if (!v) return vm_raise(vm, &exc_AttributeError, "__abstractmethods__");
    return v;
}
static int ts_abstract(VM *vm, Value o, Value v) {
    Type *t = AS(Type, o);
    int r = v ? dict_set_str(vm, t->dict, NM(__abstractmethods__), v)
              : (dict_pop_item(vm, t->dict, NM(__abstractmethods__), NULL) < 0 ? -1 : 0);
    type_modified(vm, t);       /* object_new's cached lookup */
    return r;
}

static Value tg_annotations(VM *vm, Value o) {
    Type *t = AS(Type, o);
    Value v = dict_get_str(vm, t->dict, NM(__annotations__));
    if (v) return v;
    if (t->base.flags & OBJ_STATIC) return vm_raise(vm, &exc_AttributeError, "type object '%s' has no attribute '__annotations__'", t->name);
    v = dict_new(vm);
    if (!v || dict_set_str(vm, t->dict, NM(__annotations__), v) < 0) return VNULL;
    return v;
}

M(type_m_mro) { UNUSED; return vm_sequence_to_list(vm, AS(Type, args[0])->mro); }

M(type_m_subclasses) {
    UNUSED;
    Type *t = AS(Type, args[0]);
    Value l = list_new(vm, 0);
    if (!l || !t->subclasses) return l;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, l);
    int64_t n = list_len(vm, t->subclasses);
    for (int64_t i = 0; i < n; i++) {
        Value sc = list_get(vm, t->subclasses, i);
        if (sc && !list_append(vm, l, sc)) { ROOTS_RESET(vm); return VNULL; }
    }
    ROOTS_RESET(vm);
    return l;
}

M(type_m_instancecheck) {
    UNUSED;
    return v_bool(v_isinstance_of(args[1], AS(Type, args[0])) ||
                  (IS_TYPE(args[0]) && type_is_subtype(v_type(args[1]), AS(Type, args[0]))));
}

M(type_m_subclasscheck) {
    UNUSED;
    if (!IS_TYPE(args[1])) return vm_raise(vm, &exc_TypeError, "issubclass() arg 1 must be a class");
    return v_bool(type_is_subtype(AS(Type, args[1]), AS(Type, args[0])));
}

M(type_m_prepare) { (void)args; UNUSED; return dict_new(vm); }

M(type_m_dir) { UNUSED; return vm_dir(vm, args[0]); }

M(type_m_sizeof) { UNUSED; return v_from_small((int64_t)sizeof(Type)); }

static Value type_new_fn(VM *vm, Type *meta, Value *args, int nargs, Value kwnames);

static const MethodDef type_methods[] = {
    {"mro", type_m_mro, 1, 1, 0, NULL},
    {"__subclasses__", type_m_subclasses, 1, 1, 0, NULL},
    {"__instancecheck__", type_m_instancecheck, 2, 2, 0, NULL},
    {"__subclasscheck__", type_m_subclasscheck, 2, 2, 0, NULL},
    {"__prepare__", type_m_prepare, 1, -1, MF_CLASS | MF_KW, NULL},
    {"__dir__", type_m_dir, 1, 1, 0, NULL},
    {"__sizeof__", type_m_sizeof, 1, 1, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};
static const GetSetDef type_getsets[] = {
    {"__name__", tg_name, ts_name, NULL},
    {"__qualname__", tg_qualname, ts_qualname, NULL},
    {"__module__", tg_module, ts_module, NULL},
    {"__doc__", tg_doc, ts_doc, NULL},
    {"__bases__", tg_bases, NULL, NULL},
    {"__base__", tg_base, NULL, NULL},
    {"__mro__", tg_mro, NULL, NULL},
    {"__dict__", tg_dict, NULL, NULL},
    {"__abstractmethods__", tg_abstract, ts_abstract, NULL},
    {"__annotations__", tg_annotations, ts_annotations, NULL},
    {NULL, NULL, NULL, NULL}
};

static Value type_or(VM *vm, Value a, Value b) {
    (void)a; (void)b;
    return vm_raise(vm, &exc_TypeError, "unsupported operand type(s) for |: 'type' and 'type' (typing unions are not supported)");
}

/* ---- mappingproxy ---- */
static void mp_trace(GcTracer *g, Obj *o) { gc_mark_value(g, ((MappingProxy *)o)->mapping); }
static Value mp_getitem(VM *vm, Value self, Value k) { return vm_getitem(vm, AS(MappingProxy, self)->mapping, k); }
static int64_t mp_len(VM *vm, Value self) { return vm_len(vm, AS(MappingProxy, self)->mapping); }
static int mp_contains(VM *vm, Value self, Value k) { return vm_contains(vm, AS(MappingProxy, self)->mapping, k); }
static Value mp_iter(VM *vm, Value self) { return vm_iter(vm, AS(MappingProxy, self)->mapping); }
static Value mp_repr(VM *vm, Value self) {
    Value r = vm_repr(vm, AS(MappingProxy, self)->mapping);
    if (!r) return VNULL;
    return vm_format(vm, "mappingproxy(%U)", r);
}
static Value mp_str(VM *vm, Value self) { return vm_str(vm, AS(MappingProxy, self)->mapping); }
static Value mp_forward(VM *vm, Value *args, int nargs, const char *meth) {
    Value m = vm_getattr_cstr(vm, AS(MappingProxy, args[0])->mapping, meth);
    if (!m) return VNULL;
    return vm_call(vm, m, args + 1, nargs - 1, VNULL);
}
M(mp_keys) { (void)kw; return mp_forward(vm, args, nargs, "keys"); }
M(mp_values) { (void)kw; return mp_forward(vm, args, nargs, "values"); }
M(mp_items) { (void)kw; return mp_forward(vm, args, nargs, "items"); }
M(mp_get) { (void)kw; return mp_forward(vm, args, nargs, "get"); }
M(mp_copy) { (void)kw; return mp_forward(vm, args, nargs, "copy"); }
static const MethodDef mp_methods[] = {
    {"keys", mp_keys, 1, 1, 0, NULL}, {"values", mp_values, 1, 1, 0, NULL}, {"items", mp_items, 1, 1, 0, NULL},
    {"get", mp_get, 2, 3, 0, NULL}, {"copy", mp_copy, 1, 1, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};

/* ======================= class creation ======================= */

/* C3 linearization of (t, bases). Returns a tuple or VNULL (TypeError). */
static Value c3_mro(VM *vm, Type *t, Value bases) {
    int64_t nb = tuple_len(bases);
    /* lists: mro of each base, then the bases list itself */
    int64_t nseq = nb + 1;
    Value *seqs[64];
    int64_t lens[64], pos[64];
    if (nseq > 64) return vm_raise(vm, &exc_TypeError, "too many bases");
    for (int64_t i = 0; i < nb; i++) {
        Type *b = AS(Type, tuple_items(bases)[i]);
        seqs[i] = tuple_items(b->mro);
        lens[i] = tuple_len(b->mro);
        pos[i] = 0;
    }
    seqs[nb] = tuple_items(bases);
    lens[nb] = nb;
    pos[nb] = 0;
    Value out[512];
    int64_t n = 0;
    out[n++] = v_from_ptr(t);
    for (;;) {
        bool empty = true;
        for (int64_t i = 0; i < nseq; i++)
            if (pos[i] < lens[i]) empty = false;
        if (empty) break;
        Value cand = VNULL;
        for (int64_t i = 0; i < nseq && !cand; i++) {
            if (pos[i] >= lens[i]) continue;
            Value c = seqs[i][pos[i]];
            bool in_tail = false;
            for (int64_t j = 0; j < nseq && !in_tail; j++)
                for (int64_t k = pos[j] + 1; k < lens[j]; k++)
                    if (seqs[j][k] == c) { in_tail = true; break; }
            if (!in_tail) cand = c;
        }
        if (!cand) {
            StrBuf sb = STRBUF_INIT;
            sb_puts(&sb, "Cannot create a consistent method resolution\norder (MRO) for bases ");
            bool first = true;
            for (int64_t i = 0; i < nb; i++) {
                Value b = tuple_items(bases)[i];
                bool dup = false;
                for (int64_t j = 0; j < i; j++) if (tuple_items(bases)[j] == b) dup = true;
                if (dup) continue;
                bool remaining = false;
                for (int64_t j = 0; j < nseq; j++)
                    for (int64_t k = pos[j]; k < lens[j]; k++) if (seqs[j][k] == b) remaining = true;
                if (!remaining) continue;
                if (!first) sb_puts(&sb, ", ");
                first = false;
                sb_puts(&sb, AS(Type, b)->name);
            }
            Value m = str_from_sb(vm, &sb);
            if (!m) return VNULL;
            return vm_raise_value(vm, exc_new_msg(vm, &exc_TypeError, m));
        }
        if (n >= 512) return vm_raise(vm, &exc_TypeError, "MRO too long");
        out[n++] = cand;
        for (int64_t i = 0; i < nseq; i++)
            if (pos[i] < lens[i] && seqs[i][pos[i]] == cand) pos[i]++;
    }
    return tuple_from_array(vm, out, n);
}

/* The base whose instance layout the new class extends. */
static Type *solid_base(Type *t) {
    if (!t) return &type_object;
    if (t->flags & TF_HEAPTYPE) return solid_base(t->base_type);
    /* A static type adding no fields to its base shares the base's layout. */
    if (t->base_type && t->basicsize == t->base_type->basicsize && t->trace_layout == t->base_type->trace_layout &&
        (t->flags & TF_VAR_LAYOUT) == (t->base_type->flags & TF_VAR_LAYOUT))
        return solid_base(t->base_type);
    return t;
}

static Type *best_base(VM *vm, Value bases) {
    Type *base = NULL, *winner = NULL;
    for (int64_t i = 0; i < tuple_len(bases); i++) {
        Type *b = AS(Type, tuple_items(bases)[i]);
        if (!(b->flags & TF_BASETYPE)) {
            vm_raise(vm, &exc_TypeError, "type '%s' is not an acceptable base type", b->name);
            return NULL;
        }
        Type *cand = solid_base(b);
        if (!winner) { winner = cand; base = b; }
        else if (type_is_subtype(winner, cand)) {
        } else if (type_is_subtype(cand, winner)) {
            winner = cand;
            base = b;
        } else {
            vm_raise(vm, &exc_TypeError, "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return base;
}

/* ---- generic slots for classes (look the special method up at call time) ---- */
static Value call_special(VM *vm, Value self, Value name, Value *args, int nargs) {
    Type *t = v_type(self);
    Value f = type_lookup(vm, t, name);
    if (!f) return vm_raise(vm, &exc_AttributeError, "'%s' object has no attribute '%U'", t->name, name);
    Value argv[4];
    argv[0] = self;
    for (int i = 0; i < nargs && i < 3; i++) argv[i + 1] = args[i];
    if (v_is_type(f, &type_function)) return vm_call_function(vm, AS(Function, f), argv, nargs + 1, VNULL);
    DescrGetFn g = v_type(f)->tp_descr_get;
    if (g) {
        Value bound = g(vm, f, self, v_from_ptr(t));
        if (!bound) return VNULL;
        ROOTS_MARK(vm);
        ROOT_PUSH(vm, bound);
        Value r = vm_call(vm, bound, args, nargs, VNULL);
        ROOTS_RESET(vm);
        return r;
    }
    return vm_call(vm, f, args, nargs, VNULL);
}

static Value slot_repr(VM *vm, Value self) {
    Value r = call_special(vm, self, NM(__repr__), NULL, 0);
    if (r && !IS_STR(r)) return vm_raise(vm, &exc_TypeError, "__repr__ returned non-string (type %s)", v_type(r)->name);
    return r;
}
static Value slot_str(VM *vm, Value self) {
    Value r = call_special(vm, self, NM(__str__), NULL, 0);
    if (r && !IS_STR(r)) return vm_raise(vm, &exc_TypeError, "__str__ returned non-string (type %s)", v_type(r)->name);
    return r;
}
static int64_t slot_hash(VM *vm, Value self) {
    Value f = type_lookup(vm, v_type(self), NM(__hash__));
    if (!f || f == V_NONE) {
        vm_raise(vm, &exc_TypeError, "unhashable type: '%s'", v_type(self)->name);
        return -1;
    }
    Value r = call_special(vm, self, NM(__hash__), NULL, 0);
    if (!r) return -1;
    if (!v_is_intlike(r)) {
        vm_raise(vm, &exc_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    int64_t h;
    if (!int_to_i64(v_int_value(r), &h)) h = int_hash(r);
    if (h == -1) h = -2;
    return h;
}
static Value slot_richcompare(VM *vm, Value a, Value b, int op) {
    static const int name_ids[6] = {NAME___lt__, NAME___le__, NAME___eq__, NAME___ne__, NAME___gt__, NAME___ge__};
    Value name = vm_names[name_ids[op]];
    Value f = type_lookup(vm, v_type(a), name);
    if (!f || f == V_NONE) return V_NOTIMPL;
    return call_special(vm, a, name, &b, 1);
}
static Value slot_getattro(VM *vm, Value obj, Value name) {
    Type *t = v_type(obj);
    Value ga = type_lookup(vm, t, NM(__getattribute__));
    Value r;
    if (ga && !v_is_type(ga, &type_slot_wrapper)) {
        r = call_special(vm, obj, NM(__getattribute__), &name, 1);
    } else {
        /* the inherited built-in lookup (type's for classes, generic otherwise) */
        Type *b = t->base_type;
        while (b && b->tp_getattro == slot_getattro) b = b->base_type;
        r = b && b->tp_getattro ? b->tp_getattro(vm, obj, name) : generic_getattr(vm, obj, name);
    }
    if (r || !(t->flags & TF_HAS_GETATTR_HOOK)) return r;
    if (!vm_exc_matches(vm, &exc_AttributeError)) return VNULL;
    Value g = type_lookup(vm, t, NM(__getattr__));
    if (!g) return VNULL;
    vm_exc_clear(vm);
    return call_special(vm, obj, NM(__getattr__), &name, 1);
}
static int slot_setattro(VM *vm, Value obj, Value name, Value v) {
    Value r;
    if (v) {
        Value a[2] = {name, v};
        r = call_special(vm, obj, NM(__setattr__), a, 2);
    } else {
        r = call_special(vm, obj, NM(__delattr__), &name, 1);
    }
    return r ? 0 : -1;
}
static Value slot_call(VM *vm, Value self, Value *args, int nargs, Value kwnames) {
    Value f = type_lookup(vm, v_type(self), NM(__call__));
    if (!f) return vm_raise(vm, &exc_TypeError, "'%s' object is not callable", v_type(self)->name);
    if (v_is_type(f, &type_function)) {
        /* self + args without copying when possible */
        int nk = kwnames ? (int)tuple_len(kwnames) : 0;
        Value buf[16];
        Value *argv = nargs + nk + 1 <= 16 ? buf : malloc((size_t)(nargs + nk + 1) * sizeof(Value));
        if (!argv) return vm_raise_nomem(vm);
        argv[0] = self;
        if (nargs + nk) memcpy(argv + 1, args, (size_t)(nargs + nk) * sizeof(Value));
        Value r = vm_call_function(vm, AS(Function, f), argv, nargs + 1, kwnames);
        if (argv != buf) free(argv);
        return r;
    }
    Value bound = v_type(f)->tp_descr_get ? v_type(f)->tp_descr_get(vm, f, self, v_from_ptr(v_type(self))) : f;
    if (!bound) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, bound);
    Value r = vm_call(vm, bound, args, nargs, kwnames);
    ROOTS_RESET(vm);
    return r;
}
static Value slot_iter(VM *vm, Value self) {
    Value f = type_lookup(vm, v_type(self), NM(__iter__));
    if (f == V_NONE) return vm_raise(vm, &exc_TypeError, "'%s' object is not iterable", v_type(self)->name);
    Value r = call_special(vm, self, NM(__iter__), NULL, 0);
    if (r && !v_type(r)->tp_iternext)
        return vm_raise(vm, &exc_TypeError, "iter() returned non-iterator of type '%s'", v_type(r)->name);
    return r;
}
static Value slot_iternext(VM *vm, Value self) {
    Value r = call_special(vm, self, NM(__next__), NULL, 0);
    if (!r && vm_exc_matches(vm, &exc_StopIteration)) vm_exc_clear(vm);
    return r;
}
static Value slot_descr_get(VM *vm, Value self, Value obj, Value type) {
    Value a[2] = {obj ? obj : V_NONE, type ? type : V_NONE};
    return call_special(vm, self, NM(__get__), a, 2);
}
static int slot_descr_set(VM *vm, Value self, Value obj, Value v) {
    Value r;
    if (v) {
        Value a[2] = {obj, v};
        r = call_special(vm, self, NM(__set__), a, 2);
    } else {
        r = call_special(vm, self, NM(__delete__), &obj, 1);
    }
    return r ? 0 : -1;
}
static int64_t slot_len(VM *vm, Value self) {
    Value r = call_special(vm, self, NM(__len__), NULL, 0);
    if (!r) return -1;
    Value i = vm_index(vm, r);
    if (!i) return -1;
    if (int_sign(i) < 0) {
        vm_raise(vm, &exc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    int64_t n;
    if (!int_to_i64(i, &n)) {
        vm_raise(vm, &exc_OverflowError, "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    return n;
}
static Value slot_getitem(VM *vm, Value self, Value key) { return call_special(vm, self, NM(__getitem__), &key, 1); }
static int slot_setitem(VM *vm, Value self, Value key, Value v) {
    Value r;
    if (v) {
        Value a[2] = {key, v};
        r = call_special(vm, self, NM(__setitem__), a, 2);
    } else {
        r = call_special(vm, self, NM(__delitem__), &key, 1);
    }
    return r ? 0 : -1;
}
static int slot_contains(VM *vm, Value self, Value key) {
    Value f = type_lookup(vm, v_type(self), NM(__contains__));
    if (f == V_NONE) {
        vm_raise(vm, &exc_TypeError, "'%s' object is not a container", v_type(self)->name);
        return -1;
    }
    if (!f) {
        /* iterate */
        Value it = vm_iter(vm, self);
        if (!it) return -1;
        ROOTS_MARK(vm);
        ROOT_PUSH(vm, it);
        Value x;
        while ((x = vm_next(vm, it))) {
            int r = vm_eq(vm, x, key);
            if (r) { ROOTS_RESET(vm); return r; }
        }
        ROOTS_RESET(vm);
        return vm->exc ? -1 : 0;
    }
    Value r = call_special(vm, self, NM(__contains__), &key, 1);
    if (!r) return -1;
    return vm_truthy(vm, r);
}
static int slot_bool(VM *vm, Value self) {
    Type *t = v_type(self);
    Value f = type_lookup(vm, t, NM(__bool__));
    if (f) {
        Value r = call_special(vm, self, NM(__bool__), NULL, 0);
        if (!r) return -1;
        if (!v_is_type(r, &type_bool)) {
            vm_raise(vm, &exc_TypeError, "__bool__ should return bool, returned %s", v_type(r)->name);
            return -1;
        }
        return r == V_TRUE;
    }
    f = type_lookup(vm, t, NM(__len__));
    if (f) {
        int64_t n = slot_len(vm, self);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}
static int slot_init(VM *vm, Value self, Value *args, int nargs, Value kwnames) {
    Value f = type_lookup(vm, v_type(self), NM(__init__));
    if (!f) return 0;
    Value r;
    if (v_is_type(f, &type_function)) {
        int nk = kwnames ? (int)tuple_len(kwnames) : 0;
        Value buf[16];
        Value *argv = nargs + nk + 1 <= 16 ? buf : malloc((size_t)(nargs + nk + 1) * sizeof(Value));
        if (!argv) { vm_raise_nomem(vm); return -1; }
        argv[0] = self;
        if (nargs + nk) memcpy(argv + 1, args, (size_t)(nargs + nk) * sizeof(Value));
        r = vm_call_function(vm, AS(Function, f), argv, nargs + 1, kwnames);
        if (argv != buf) free(argv);
    } else {
        Value bound = v_type(f)->tp_descr_get ? v_type(f)->tp_descr_get(vm, f, self, v_from_ptr(v_type(self))) : f;
        if (!bound) return -1;
        ROOTS_MARK(vm);
        ROOT_PUSH(vm, bound);
        r = vm_call(vm, bound, args, nargs, kwnames);
        ROOTS_RESET(vm);
    }
    if (!r) return -1;
    if (r != V_NONE) {
        vm_raise(vm, &exc_TypeError, "__init__() should return None, not '%s'", v_type(r)->name);
        return -1;
    }
    return 0;
}
static Value slot_new(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    Value f = type_lookup(vm, t, NM(__new__));
    if (!f) return vm_raise(vm, &exc_TypeError, "cannot create '%s' instances", t->name);
    if (v_is_type(f, &type_staticmethod)) f = AS(StaticMethod, f)->func;
    int nk = kwnames ? (int)tuple_len(kwnames) : 0;
    Value buf[16];
    Value *argv = nargs + nk + 1 <= 16 ? buf : malloc((size_t)(nargs + nk + 1) * sizeof(Value));
    if (!argv) return vm_raise_nomem(vm);
    argv[0] = v_from_ptr(t);
    if (nargs + nk) memcpy(argv + 1, args, (size_t)(nargs + nk) * sizeof(Value));
    Value r = vm_call(vm, f, argv, nargs + 1, kwnames);
    if (argv != buf) free(argv);
    return r;
}
static Value slot_format(VM *vm, Value self, Value spec) { return call_special(vm, self, NM(__format__), &spec, 1); }

/* Binary operators (CPython's SLOT1BINFULL). */
static const int binop_name_ids[NB_COUNT][3] = {
    {NAME___add__, NAME___radd__, NAME___iadd__}, {NAME___sub__, NAME___rsub__, NAME___isub__},
    {NAME___mul__, NAME___rmul__, NAME___imul__}, {NAME___matmul__, NAME___rmatmul__, NAME___imatmul__},
    {NAME___truediv__, NAME___rtruediv__, NAME___itruediv__}, {NAME___floordiv__, NAME___rfloordiv__, NAME___ifloordiv__},
    {NAME___mod__, NAME___rmod__, NAME___imod__}, {NAME___pow__, NAME___rpow__, NAME___ipow__},
    {NAME___lshift__, NAME___rlshift__, NAME___ilshift__}, {NAME___rshift__, NAME___rrshift__, NAME___irshift__},
    {NAME___and__, NAME___rand__, NAME___iand__}, {NAME___or__, NAME___ror__, NAME___ior__},
    {NAME___xor__, NAME___rxor__, NAME___ixor__},
};

static BinaryFn slot_binop_fns[NB_COUNT];

static Value slot_binop(VM *vm, Value a, Value b, int op) {
    Type *ta = v_type(a), *tb = v_type(b);
    Value lname = vm_names[binop_name_ids[op][0]], rname = vm_names[binop_name_ids[op][1]];
    bool do_other = ta != tb && tb->nb[op] == slot_binop_fns[op] && type_lookup(vm, tb, rname);
    if (ta->nb[op] == slot_binop_fns[op]) {
        Value lf = type_lookup(vm, ta, lname);
        if (do_other && type_is_subtype(tb, ta)) {
            Value rf = type_lookup(vm, tb, rname);
            Value rfa = type_lookup(vm, ta, rname);
            if (rf != rfa) {
                Value r = call_special(vm, b, rname, &a, 1);
                if (r != V_NOTIMPL) return r;
                do_other = false;
            }
        }
        if (lf && lf != V_NONE) {
            Value r = call_special(vm, a, lname, &b, 1);
            if (r != V_NOTIMPL || ta == tb) return r;
        }
    }
    if (do_other) return call_special(vm, b, rname, &a, 1);
    return V_NOTIMPL;
}
#define SLOT_BIN(op) static Value slot_nb_##op(VM *vm, Value a, Value b) { return slot_binop(vm, a, b, op); }
SLOT_BIN(0) SLOT_BIN(1) SLOT_BIN(2) SLOT_BIN(3) SLOT_BIN(4) SLOT_BIN(5) SLOT_BIN(6)
SLOT_BIN(7) SLOT_BIN(8) SLOT_BIN(9) SLOT_BIN(10) SLOT_BIN(11) SLOT_BIN(12)

static Value slot_inplace(VM *vm, Value a, Value b, int op) {
    Value name = vm_names[binop_name_ids[op][2]];
    Value f = type_lookup(vm, v_type(a), name);
    if (!f || f == V_NONE) return V_NOTIMPL;
    return call_special(vm, a, name, &b, 1);
}
#define SLOT_INPL(op) static Value slot_inpl_##op(VM *vm, Value a, Value b) { return slot_inplace(vm, a, b, op); }
SLOT_INPL(0) SLOT_INPL(1) SLOT_INPL(2) SLOT_INPL(3) SLOT_INPL(4) SLOT_INPL(5) SLOT_INPL(6)
SLOT_INPL(7) SLOT_INPL(8) SLOT_INPL(9) SLOT_INPL(10) SLOT_INPL(11) SLOT_INPL(12)
static const BinaryFn slot_inplace_fns[NB_COUNT] = {
    slot_inpl_0, slot_inpl_1, slot_inpl_2, slot_inpl_3, slot_inpl_4, slot_inpl_5, slot_inpl_6,
    slot_inpl_7, slot_inpl_8, slot_inpl_9, slot_inpl_10, slot_inpl_11, slot_inpl_12};

static Value slot_pow3(VM *vm, Value a, Value b, Value c) {
    if (!c || c == V_NONE) return slot_binop(vm, a, b, NB_POW);
    Value f = type_lookup(vm, v_type(a), NM(__pow__));
    if (!f) return V_NOTIMPL;
    Value args2[2] = {b, c};
    return call_special(vm, a, NM(__pow__), args2, 2);
}
static Value slot_divmod(VM *vm, Value a, Value b) {
    Type *ta = v_type(a), *tb = v_type(b);
    if (type_lookup(vm, ta, NM(__divmod__)) && v_isinstance_of(a, ta)) {
        Value r = call_special(vm, a, NM(__divmod__), &b, 1);
        if (r != V_NOTIMPL) return r;
    }
    if (ta != tb && type_lookup(vm, tb, NM(__rdivmod__))) return call_special(vm, b, NM(__rdivmod__), &a, 1);
    return V_NOTIMPL;
}
#define SLOT_UN(fn, nm) static Value fn(VM *vm, Value a) { return call_special(vm, a, NM(nm), NULL, 0); }
SLOT_UN(slot_neg, __neg__)
SLOT_UN(slot_pos, __pos__)
SLOT_UN(slot_abs, __abs__)
SLOT_UN(slot_invert, __invert__)
SLOT_UN(slot_int, __int__)
SLOT_UN(slot_float, __float__)
SLOT_UN(slot_index, __index__)

/* Install generic slots for special methods that Python classes in t's MRO
 * define; other slots come from the layout base. */
static bool defined_in_heap(VM *vm, Type *t, Value name) {
    Value mro = t->mro;
    for (int64_t i = 0; i < tuple_len(mro); i++) {
        Type *b = AS(Type, tuple_items(mro)[i]);
        if (!b->dict) continue;
        Value v = dict_get_str(vm, b->dict, name);
        if (v) return (b->flags & TF_HEAPTYPE) != 0;
    }
    return false;
}

static void fixup_slots(VM *vm, Type *t) {
    Type *b = t->base_type;
    inherit_slots(t, b);
#define FIX(field, fn, nm) if (defined_in_heap(vm, t, NM(nm))) t->field = fn; else t->field = b->field
    FIX(tp_repr, slot_repr, __repr__);
    FIX(tp_str, slot_str, __str__);
    FIX(tp_hash, slot_hash, __hash__);
    FIX(tp_call, slot_call, __call__);
    FIX(tp_iter, slot_iter, __iter__);
    FIX(tp_iternext, slot_iternext, __next__);
    FIX(tp_len, slot_len, __len__);
    FIX(tp_getitem, slot_getitem, __getitem__);
    FIX(tp_contains, slot_contains, __contains__);
    FIX(tp_init, slot_init, __init__);
    FIX(tp_new, slot_new, __new__);
    FIX(tp_format, slot_format, __format__);
    FIX(nb_neg, slot_neg, __neg__);
    FIX(nb_pos, slot_pos, __pos__);
    FIX(nb_abs, slot_abs, __abs__);
    FIX(nb_invert, slot_invert, __invert__);
    FIX(nb_int, slot_int, __int__);
    FIX(nb_float, slot_float, __float__);
    FIX(nb_index, slot_index, __index__);
#undef FIX
    /* a class whose __hash__ is None is unhashable */
    Value h = type_lookup_uncached(vm, t, NM(__hash__));
    if (h == V_NONE) t->tp_hash = slot_hash;
    if (defined_in_heap(vm, t, NM(__setitem__)) || defined_in_heap(vm, t, NM(__delitem__))) t->tp_setitem = slot_setitem;
    else t->tp_setitem = b->tp_setitem;
    if (defined_in_heap(vm, t, NM(__bool__)) || (defined_in_heap(vm, t, NM(__len__)) && !b->tp_bool))
        t->tp_bool = slot_bool;
    else if (defined_in_heap(vm, t, NM(__len__))) t->tp_bool = slot_bool;
    else t->tp_bool = b->tp_bool;
    static const int cmp_ids[6] = {NAME___lt__, NAME___le__, NAME___eq__, NAME___ne__, NAME___gt__, NAME___ge__};
    bool anycmp = false;
    for (int i = 0; i < 6; i++) anycmp |= defined_in_heap(vm, t, vm_names[cmp_ids[i]]);
    t->tp_richcompare = anycmp ? slot_richcompare : b->tp_richcompare;
    bool ga = defined_in_heap(vm, t, NM(__getattribute__)), gattr = defined_in_heap(vm, t, NM(__getattr__));
    if (gattr) t->flags |= TF_HAS_GETATTR_HOOK;
    else t->flags &= ~(uint32_t)TF_HAS_GETATTR_HOOK;
    t->tp_getattro = (ga || gattr) ? slot_getattro : b->tp_getattro;
    t->tp_setattro = (defined_in_heap(vm, t, NM(__setattr__)) || defined_in_heap(vm, t, NM(__delattr__))) ? slot_setattro
                                                                                                     : b->tp_setattro;
    t->tp_descr_get = defined_in_heap(vm, t, NM(__get__)) ? slot_descr_get : b->tp_descr_get;
    t->tp_descr_set = (defined_in_heap(vm, t, NM(__set__)) || defined_in_heap(vm, t, NM(__delete__))) ? slot_descr_set
                                                                                                   : b->tp_descr_set;
    for (int op = 0; op < NB_COUNT; op++) {
        bool l = defined_in_heap(vm, t, vm_names[binop_name_ids[op][0]]);
        bool r = defined_in_heap(vm, t, vm_names[binop_name_ids[op][1]]);
        t->nb[op] = (l || r) ? slot_binop_fns[op] : b->nb[op];
        t->nb_inplace[op] = defined_in_heap(vm, t, vm_names[binop_name_ids[op][2]]) ? slot_inplace_fns[op] : b->nb_inplace[op];
    }
    t->nb_pow3 = defined_in_heap(vm, t, NM(__pow__)) ? slot_pow3 : b->nb_pow3;
    t->nb_divmod = (defined_in_heap(vm, t, NM(__divmod__)) || defined_in_heap(vm, t, NM(__rdivmod__))) ? slot_divmod
                                                                                                    : b->nb_divmod;
    /* subclasses inherit */
    if (t->subclasses) {
        for (int64_t i = 0; i < list_len(vm, t->subclasses); i++) {
            Value sc = list_get(vm, t->subclasses, i);
            if (sc) fixup_slots(vm, AS(Type, sc));
        }
    }
}

/* Count distinct names stored as `self.NAME = ...` in the methods of a
 * class body: a hint for the number of inline attribute slots. */
int code_count_self_stores(Code *c, Value *seen, int nseen, int max);

static uint32_t guess_inline_slots(VM *vm, Type *base, Value dict) {
    Value seen[32];
    int n = 0;
    int64_t pos = 0;
    Value k, v;
    while (dict_next(vm, dict, &pos, &k, &v)) {
        if (v_is_type(v, &type_function)) n = code_count_self_stores(AS(Function, v)->code, seen, n, 32);
    }
    uint32_t inherited = (base->flags & TF_HAS_ATTRS) ? base->inline_slots : 0;
    uint32_t want = inherited > (uint32_t)n ? inherited : (uint32_t)n;
    if (want < 4) want = 4;
    if (want > 24) want = 24;
    return want;
}

static void add_subclass(VM *vm, Type *base, Type *t) {
    if (base->base.flags & OBJ_STATIC) return;   /* static types do not track subclasses */
    if (!base->subclasses) {
        base->subclasses = list_new(vm, 0);
        if (!base->subclasses) { vm_exc_clear(vm); return; }
    }
    list_append(vm, base->subclasses, v_from_ptr(t));
}

/* Drop dead classes from subclass lists (after marking). */
void type_weak_sweep_list(Value l);

Value type_new_class(VM *vm, Type *meta, Value name, Value bases, Value ns) {
    ROOTS_MARK(vm);
    if (tuple_len(bases) == 0) {
        bases = tuple_pack(vm, 1, v_from_ptr(&type_object));
        if (!bases) return VNULL;
    }
    ROOT_PUSH(vm, bases);
    for (int64_t i = 0; i < tuple_len(bases); i++) {
        if (!IS_TYPE(tuple_items(bases)[i])) {
            ROOTS_RESET(vm);
            return vm_raise(vm, &exc_TypeError, "bases must be types");
        }
        for (int64_t j = 0; j < i; j++)
            if (tuple_items(bases)[j] == tuple_items(bases)[i]) {
                ROOTS_RESET(vm);
                return vm_raise(vm, &exc_TypeError, "duplicate base class %s", AS(Type, tuple_items(bases)[i])->name);
            }
    }
    Type *base = best_base(vm, bases);
    if (!base) { ROOTS_RESET(vm); return VNULL; }
    /* a metaclass defined in Python gives its classes an attribute area */
    size_t tsize = type_instance_size(meta);
    if (tsize < sizeof(Type)) tsize = sizeof(Type);
    Type *t = gc_alloc(vm, meta, tsize);
    if (!t) { ROOTS_RESET(vm); return VNULL; }
    {
        AttrArea *ma = obj_attrs(v_from_ptr(t));
        if (ma) ma->shape = meta->root_shape;
    }
    Value tv = v_from_ptr(t);
    ROOT_PUSH(vm, tv);
    t->name = str_cstr(name);
    t->v_name = name;
    t->base_type = base;
    t->bases = bases;
    t->flags = TF_HEAPTYPE | TF_BASETYPE |
               (base->flags & (TF_INT_SUBCLASS | TF_STR_SUBCLASS | TF_TUPLE_SUBCLASS | TF_LIST_SUBCLASS |
                               TF_DICT_SUBCLASS | TF_EXC_SUBCLASS | TF_TYPE_SUBCLASS | TF_FLOAT_SUBCLASS | TF_VAR_LAYOUT));
    for (int64_t i = 0; i < tuple_len(bases); i++)
        t->flags |= AS(Type, tuple_items(bases)[i])->flags & TF_EXC_SUBCLASS;
    t->version = atomic_fetch_add(&next_type_version, 1);
    t->trace = heap_instance_trace;
    t->trace_layout = base->trace_layout;
    t->finalize = base->finalize;
    /* the namespace */
    Value dict = dict_copy(vm, ns);
    if (!dict) { ROOTS_RESET(vm); return VNULL; }
    t->dict = dict;
    Value qn = dict_get_str(vm, dict, NM(__qualname__));
    if (qn) {
        if (!IS_STR(qn)) { ROOTS_RESET(vm); return vm_raise(vm, &exc_TypeError, "type __qualname__ must be a str, not %s", v_type(qn)->name); }
        t->v_qualname = qn;
        dict_pop_item(vm, dict, NM(__qualname__), NULL);
    } else {
        t->v_qualname = name;
    }
    Value mod = dict_get_str(vm, dict, NM(__module__));
    if (!mod && vm->frame) {
        mod = dict_get_str(vm, vm->frame->globals, NM(__name__));
        if (mod && dict_set_str(vm, dict, NM(__module__), mod) < 0) { ROOTS_RESET(vm); return VNULL; }
    }
    t->v_module = mod;
    if (!dict_get_str(vm, dict, NM(__doc__)) && dict_set_str(vm, dict, NM(__doc__), V_NONE) < 0) { ROOTS_RESET(vm); return VNULL; }
    /* __new__ is a static method; __init_subclass__, __class_getitem__ class methods */
    Value nw = dict_get_str(vm, dict, NM(__new__));
    if (nw && v_is_type(nw, &type_function)) {
        Value sm = vm_call1(vm, v_from_ptr(&type_staticmethod), nw);
        if (!sm || dict_set_str(vm, dict, NM(__new__), sm) < 0) { ROOTS_RESET(vm); return VNULL; }
    }
    Value is = dict_get_str(vm, dict, NM(__init_subclass__));
    if (is && v_is_type(is, &type_function)) {
        Value cm = vm_call1(vm, v_from_ptr(&type_classmethod), is);
        if (!cm || dict_set_str(vm, dict, NM(__init_subclass__), cm) < 0) { ROOTS_RESET(vm); return VNULL; }
    }
    Value cg = dict_get_str(vm, dict, NM(__class_getitem__));
    if (cg && v_is_type(cg, &type_function)) {
        Value cm = vm_call1(vm, v_from_ptr(&type_classmethod), cg);
        if (!cm || dict_set_str(vm, dict, NM(__class_getitem__), cm) < 0) { ROOTS_RESET(vm); return VNULL; }
    }
    /* __eq__ without __hash__ makes instances unhashable */
    if (dict_get_str(vm, dict, NM(__eq__)) && !dict_get_str(vm, dict, NM(__hash__))) {
        if (dict_set_str(vm, dict, NM(__hash__), V_NONE) < 0) { ROOTS_RESET(vm); return VNULL; }
    }
    /* MRO */
    Value mro = c3_mro(vm, t, bases);
    if (!mro) { ROOTS_RESET(vm); return VNULL; }
    t->mro = mro;
    /* layout: an attribute area after the base layout, unless __slots__ */
    Value slots = dict_get_str(vm, dict, NM(__slots__));
    bool want_dict = true;
    if (slots) {
        Value sl = IS_STR(slots) ? tuple_pack(vm, 1, slots) : vm_sequence_to_tuple(vm, slots);
        if (!sl) { ROOTS_RESET(vm); return VNULL; }
        ROOT_PUSH(vm, sl);
        want_dict = false;
        for (int64_t i = 0; i < tuple_len(sl); i++) {
            Value s = tuple_items(sl)[i];
            if (!IS_STR(s)) { ROOTS_RESET(vm); return vm_raise(vm, &exc_TypeError, "__slots__ items must be strings, not '%s'", v_type(s)->name); }
            if (!strcmp(str_cstr(s), "__dict__")) want_dict = true;
            Value in = str_intern(vm, s);
            if (!in) { ROOTS_RESET(vm); return VNULL; }
            tuple_items(sl)[i] = in;
            if (dict_get_str(vm, dict, in)) {
                ROOTS_RESET(vm);
                return vm_raise(vm, &exc_ValueError, "%R in __slots__ conflicts with class variable", s);
            }
        }
        /* inherit slot names from bases that declared them */
        Value all = sl;
        if (base->slot_names) {
            Value merged = tuple_new(vm, tuple_len(sl) + tuple_len(base->slot_names));
            if (!merged) { ROOTS_RESET(vm); return VNULL; }
            memcpy(tuple_items(merged), tuple_items(base->slot_names), (size_t)tuple_len(base->slot_names) * sizeof(Value));
            memcpy(tuple_items(merged) + tuple_len(base->slot_names), tuple_items(sl), (size_t)tuple_len(sl) * sizeof(Value));
            all = merged;
        }
        t->slot_names = all;
        if (!want_dict && (!(base->flags & TF_HAS_ATTRS) || (base->flags & TF_HAS_SLOTS_DECL)))
            t->flags |= TF_HAS_SLOTS_DECL;
    } else if (base->flags & TF_HAS_SLOTS_DECL) {
        /* a subclass without __slots__ gets a __dict__ again */
    }
    t->flags |= TF_HAS_ATTRS;
    if (base->flags & TF_HAS_ATTRS) t->attr_offset = base->attr_offset;
    else t->attr_offset = (uint32_t)((base->basicsize + 7) & ~(uint32_t)7);
    t->basicsize = base->basicsize;
    t->inline_slots = guess_inline_slots(vm, base, dict);
    if (t->slot_names && (uint32_t)tuple_len(t->slot_names) > t->inline_slots)
        t->inline_slots = (uint32_t)tuple_len(t->slot_names);
    Shape *root = shape_root_new(vm, t);
    if (!root) { ROOTS_RESET(vm); return VNULL; }
    t->root_shape = v_from_ptr(root);
    fixup_slots(vm, t);
    for (int64_t i = 0; i < tuple_len(bases); i++) add_subclass(vm, AS(Type, tuple_items(bases)[i]), t);
    ROOTS_RESET(vm);
    return tv;
}

/* type(name, bases, dict, **kw) → a class; then __set_name__ and __init_subclass__ */
static Value type_new_fn(VM *vm, Type *meta, Value *args, int nargs, Value kwnames) {
    if (nargs == 1 && meta == &type_type && (!kwnames || !tuple_len(kwnames))) return v_from_ptr(v_type(args[0]));
    if (nargs != 3) return vm_raise(vm, &exc_TypeError, "type() takes 1 or 3 arguments");
    Value name = args[0], bases = args[1], ns = args[2];
    if (!IS_STR(name)) return vm_raise(vm, &exc_TypeError, "type.__new__() argument 1 must be str, not %s", v_type(name)->name);
    if (!IS_TUPLE(bases)) return vm_raise(vm, &exc_TypeError, "type.__new__() argument 2 must be tuple, not %s", v_type(bases)->name);
    if (!IS_DICT(ns)) return vm_raise(vm, &exc_TypeError, "type.__new__() argument 3 must be dict, not %s", v_type(ns)->name);
    /* the most derived metaclass */
    Type *winner = meta;
    for (int64_t i = 0; i < tuple_len(bases); i++) {
        Type *bm = v_type(tuple_items(bases)[i]);
        if (type_is_subtype(winner, bm)) continue;
        if (type_is_subtype(bm, winner)) { winner = bm; continue; }
        return vm_raise(vm, &exc_TypeError, "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                        "subclass of the metaclasses of all its bases");
    }
    if (winner != meta && winner->tp_new != type_new_fn) return winner->tp_new(vm, winner, args, nargs, kwnames);
    Value iname = str_intern(vm, name);
    if (!iname) return VNULL;
    Value cls = type_new_class(vm, winner, iname, bases, ns);
    if (!cls) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, cls);
    Type *t = AS(Type, cls);
    /* __set_name__ on descriptors of the new namespace */
    Value items = dict_items_list(vm, t->dict);
    if (!items) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, items);
    for (int64_t i = 0; i < list_len(vm, items); i++) {
        Value kv = list_get(vm, items, i);
        Value v = tuple_items(kv)[1];
        Value sn = vm_lookup_special(vm, v, NM(__set_name__));
        if (sn) {
            Value a[2] = {cls, tuple_items(kv)[0]};
            ROOT_PUSH(vm, sn);
            Value r = vm_call(vm, sn, a, 2, VNULL);
            if (!r) {
                ROOTS_RESET(vm);
                return VNULL;
            }
        } else if (vm->exc) {
            ROOTS_RESET(vm);
            return VNULL;
        }
    }
    /* __init_subclass__ of the parent, with the class keywords */
    Value sup = vm_call2(vm, v_from_ptr(&type_super), v_from_ptr(t), cls);
    if (!sup) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, sup);
    Value isc = vm_getattr(vm, sup, NM(__init_subclass__));
    if (!isc) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, isc);
    int nk = kwnames ? (int)tuple_len(kwnames) : 0;
    Value r = vm_call(vm, isc, args + nargs, 0, nk ? kwnames : VNULL);
    ROOTS_RESET(vm);
    if (!r) return VNULL;
    return cls;
}

static int type_init_fn(VM *vm, Value self, Value *args, int nargs, Value kwnames) {
    (void)self; (void)args; (void)kwnames;
    if (nargs != 1 && nargs != 3) {
        vm_raise(vm, &exc_TypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

/* ======================= super ======================= */
static void super_trace(GcTracer *g, Obj *o) {
    SuperObj *s = (SuperObj *)o;
    gc_mark_value(g, s->type);
    gc_mark_value(g, s->obj);
    gc_mark_value(g, s->obj_type);
}

static Value super_new_fn(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    (void)t;
    if (kwnames && tuple_len(kwnames)) return vm_raise(vm, &exc_TypeError, "super() takes no keyword arguments");
    Value type, obj;
    if (nargs == 0) {
        /* zero-argument form: __class__ cell and first argument of the caller */
        Frame *f = vm->frame;
        if (!f || !f->code || f->code->argcount == 0) return vm_raise(vm, &exc_RuntimeError, "super(): no arguments");
        Code *c = f->code;
        obj = f->localsplus[0];
        if (c->cell2arg && c->ncells > 0) {
            /* the first argument may have been moved into a cell */
            for (int32_t i = 0; i < c->ncells; i++)
                if (c->cell2arg[i] == 0) obj = AS(Cell, f->localsplus[c->nlocals + i])->ref;
        }
        if (!obj) return vm_raise(vm, &exc_RuntimeError, "super(): arg[0] deleted");
        type = VNULL;
        for (int32_t i = 0; i < c->nfree; i++) {
            Value nm = tuple_items(c->localsplusnames)[c->nlocals + c->ncells + i];
            if (!strcmp(str_cstr(nm), "__class__")) {
                Value cell = f->localsplus[c->nlocals + c->ncells + i];
                type = RD(vm, AS(Cell, cell), AS(Cell, cell)->ref);
                if (!type) return vm_raise(vm, &exc_RuntimeError, "super(): empty __class__ cell");
            }
        }
        if (!type) return vm_raise(vm, &exc_RuntimeError, "super(): __class__ cell not found");
    } else {
        type = args[0];
        obj = nargs > 1 ? args[1] : VNULL;
    }
    if (!IS_TYPE(type)) return vm_raise(vm, &exc_TypeError, "super() argument 1 must be a type, not %s", v_type(type)->name);
    Value obj_type = VNULL;
    if (obj && obj != V_NONE) {
        if (IS_TYPE(obj) && type_is_subtype(AS(Type, obj), AS(Type, type))) obj_type = obj;
        else if (v_isinstance_of(obj, AS(Type, type))) obj_type = v_from_ptr(v_type(obj));
        else return vm_raise(vm, &exc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    }
    SuperObj *s = gc_alloc(vm, &type_super, sizeof(SuperObj));
    if (!s) return VNULL;
    s->type = type;
    s->obj = obj == V_NONE ? VNULL : obj;
    s->obj_type = obj_type;
    return v_from_ptr(s);
}

static Value super_getattro(VM *vm, Value self, Value name) {
    SuperObj *s = AS(SuperObj, self);
    if (s->obj_type && strcmp(str_cstr(name), "__class__")) {
        Type *start = AS(Type, s->obj_type);
        Value mro = start->mro;
        int64_t n = tuple_len(mro), i;
        for (i = 0; i < n; i++)
            if (tuple_items(mro)[i] == s->type) break;
        for (i++; i < n; i++) {
            Type *b = AS(Type, tuple_items(mro)[i]);
            Value v = dict_get_str(vm, b->dict, name);
            if (v) {
                DescrGetFn f = v_type(v)->tp_descr_get;
                if (f) return f(vm, v, s->obj == s->obj_type ? VNULL : s->obj, s->obj_type);
                return v;
            }
        }
    }
    return generic_getattr(vm, self, name);
}

static Value super_repr(VM *vm, Value self) {
    SuperObj *s = AS(SuperObj, self);
    if (s->obj_type) return vm_format(vm, "<super: <class '%s'>, <%s object>>", AS(Type, s->type)->name, AS(Type, s->obj_type)->name);
    return vm_format(vm, "<super: <class '%s'>, NULL>", AS(Type, s->type)->name);
}

static Value super_get(VM *vm, Value self, Value obj, Value type) {
    (void)type;
    SuperObj *s = AS(SuperObj, self);
    if (!obj || s->obj) return self;
    return vm_call2(vm, v_from_ptr(&type_super), s->type, obj);
}

static Value sg_thisclass(VM *vm, Value o) { (void)vm; return AS(SuperObj, o)->type; }
static Value sg_self(VM *vm, Value o) { (void)vm; return AS(SuperObj, o)->obj ? AS(SuperObj, o)->obj : V_NONE; }
static const GetSetDef super_getsets[] = {
    {"__thisclass__", sg_thisclass, NULL, NULL}, {"__self__", sg_self, NULL, NULL}, {NULL, NULL, NULL, NULL}
};

/* ======================= static type objects ======================= */
#define STATIC_HDR {{0}, OBJ_STATIC, 0, &type_type}
Type type_object = {
    .base = STATIC_HDR, .name = "object", .basicsize = sizeof(Obj), .flags = TF_BASETYPE,
    .tp_new = object_new, .tp_init = object_init, .tp_repr = object_repr, .tp_str = object_str,
    .tp_hash = object_hash, .tp_richcompare = object_richcompare, .tp_getattro = object_getattro,
    .tp_setattro = object_setattro,
};
Type type_type = {
    .base = STATIC_HDR, .name = "type", .basicsize = sizeof(Type), .flags = TF_BASETYPE | TF_TYPE_SUBCLASS,
    .trace = type_trace, .tp_new = type_new_fn, .tp_init = type_init_fn, .tp_call = type_call,
    .tp_repr = type_repr, .tp_getattro = type_getattro, .tp_setattro = type_setattro,
    .nb = {[NB_OR] = type_or},
};
Type type_super = {
    .base = STATIC_HDR, .name = "super", .basicsize = sizeof(SuperObj), .flags = TF_BASETYPE,
    .trace = super_trace, .tp_new = super_new_fn, .tp_getattro = super_getattro, .tp_repr = super_repr,
    .tp_descr_get = super_get,
};
Type type_shape = { .base = STATIC_HDR, .name = "shape", .basicsize = sizeof(Shape), .trace = shape_trace };
Type type_slot_wrapper = {
    .base = STATIC_HDR, .name = "wrapper_descriptor", .basicsize = sizeof(SlotWrapper), .trace = slotwrapper_trace,
    .tp_call = slotwrapper_call, .tp_descr_get = slotwrapper_get, .tp_repr = slotwrapper_repr,
};
/* mappingproxy(mapping): a read-only view of any mapping */
static Value mp_new_fn(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    (void)t;
    static const char *const names[] = {"mapping", NULL};
    Value out[1];
    if (!vm_parse_args(vm, "mappingproxy", args, nargs, kwnames, names, 0, 1, out)) return VNULL;
    Value m = out[0];
    if (!v_is_obj(m) || !v_type(m)->tp_getitem || IS_LIST(m) || IS_TUPLE(m))
        return vm_raise(vm, &exc_TypeError, "mappingproxy() argument must be a mapping, not %s", v_type(m)->name);
    MappingProxy *p = gc_alloc(vm, &type_mappingproxy, sizeof(MappingProxy));
    if (!p) return VNULL;
    p->mapping = m;
    return v_from_ptr(p);
}

Type type_mappingproxy = {
    .base = STATIC_HDR, .name = "mappingproxy", .basicsize = sizeof(MappingProxy), .trace = mp_trace,
    .tp_getitem = mp_getitem, .tp_len = mp_len, .tp_contains = mp_contains, .tp_iter = mp_iter, .tp_repr = mp_repr,
    .tp_str = mp_str, .tp_new = mp_new_fn,
};

void types_init_core(void) {
    static const BinaryFn fns[NB_COUNT] = {slot_nb_0, slot_nb_1, slot_nb_2, slot_nb_3, slot_nb_4, slot_nb_5,
                                           slot_nb_6, slot_nb_7, slot_nb_8, slot_nb_9, slot_nb_10, slot_nb_11, slot_nb_12};
    memcpy(slot_binop_fns, fns, sizeof fns);
    shape_init();
    dict_mode_shape.index = 0;
    /* object and type first (their dicts hold descriptors of later types) */
    type_ready(&type_object);
    type_ready(&type_type);
    type_ready(&type_shape);
    type_ready(&type_slot_wrapper);
}

void types_init_methods(void) {
    type_add_methods(&type_object, object_methods);
    type_add_getsets(&type_object, object_getsets);
    VM *vm = G->threads;
    dict_set_str(vm, type_object.dict, NM(__new__), builtin_function_new(vm, &tp_new_def, v_from_ptr(&type_object), VNULL));
    type_add_methods(&type_type, type_methods);
    type_add_getsets(&type_type, type_getsets);
    type_ready(&type_super);
    type_add_getsets(&type_super, super_getsets);
    type_ready(&type_mappingproxy);
    type_add_methods(&type_mappingproxy, mp_methods);
}

/* Every static type with its own tp_new gets a __new__ builtin. */
void type_add_new_wrapper(Type *t) {
    VM *vm = G->threads;
    if (t->tp_new && (!t->base_type || t->tp_new != t->base_type->tp_new))
        dict_set_str(vm, t->dict, NM(__new__), builtin_function_new(vm, &tp_new_def, v_from_ptr(t), VNULL));
}

void type_weak_sweep(void) {
    /* subclass lists hold strong references for now; classes are few */
}
