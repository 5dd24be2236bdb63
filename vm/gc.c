/* gc.c - memory for Python objects: a non-moving mark-sweep collector.
 *
 * Allocation: objects up to GC_SMALL_MAX bytes live in 64 KiB blocks, each
 * block holding slots of one size class; every thread allocates from its own
 * current block per class (bump pointer in a fresh block, else the block's
 * free list), so allocation never takes a lock except to fetch a block.
 * Larger objects get their own 64 KiB-aligned chunk.  In both cases the block
 * header sits at the 64 KiB boundary below the object, so any object pointer
 * finds its header with a mask.
 *
 * Collection: only with the world stopped (every thread at a safe point or
 * parked, see thread.c), which is why allocation never collects by itself:
 * it only raises `gc_requested` when the heap has grown enough.  Mark bits
 * live in the block headers (marking never writes to objects, so it does not
 * disturb the STM); sweeping rebuilds each block's free list from its
 * unmarked slots and returns empty blocks.
 *
 * Invariants: a slot is either a live object (header initialised) or on its
 * block's free list / beyond its bump pointer; slots beyond the bump pointer
 * are zero (blocks are zeroed when they are (re)started), so bump
 * allocation needs no memset; blocks are owned by at most
 * one thread's cache between collections; mark bits are all clear outside a
 * collection.
 */
#include "vm.h"
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

#define GC_BLOCK_SIZE ((size_t)1 << 16)
#define GC_BLOCK_MASK (~(uintptr_t)(GC_BLOCK_SIZE - 1))
#define GC_SMALL_MAX 8192
#define GC_MIN_OBJ 16
#define GC_MAX_SLOTS (GC_BLOCK_SIZE / GC_MIN_OBJ)
#define GC_BLOCK_MAGIC 0x54587942u

enum { BK_SMALL = 1, BK_LARGE = 2 };

typedef struct GcBlock {
    uint32_t magic;
    uint16_t kind;
    uint16_t sclass;
    uint32_t objsize;
    uint32_t nslots;
    uint32_t first;             /* offset of slot 0 */
    uint32_t nlive;             /* after the last sweep */
    char *bump, *bump_end;      /* never-used slots of a fresh block */
    void *freelist;
    struct GcBlock *next;       /* partial/free lists */
    size_t large_size;          /* BK_LARGE: bytes of the chunk */
    bool cached;                /* owned by a thread's cache */
    uint64_t mark[GC_MAX_SLOTS / 64];
} GcBlock;

#define NCLASSES 40
/* Large chunks up to LARGE_ROUND_MAX are rounded up to a power of two of
 * pages, so that a dead one can be reused for any object of its bucket. */
#define LARGE_BUCKETS 24
#define LARGE_ROUND_MAX ((size_t)8 << 20)
static uint32_t class_size[NCLASSES];
static int nclasses;
static uint8_t class_of_16[GC_SMALL_MAX / 16 + 1];   /* (size+15)/16 -> class */

struct GcLocal {
    GcBlock *cur[NCLASSES];
    size_t allocated;           /* bytes since last flush to the global counter */
};

struct GcTracer {
    Obj **stack;
    size_t n, cap;
    bool oom;
};

static struct {
    PlatMutex *lock;
    GcBlock **blocks;           /* every block (small and large) */
    size_t nblocks, cap_blocks;
    GcBlock *partial[NCLASSES]; /* blocks with free slots, not cached */
    GcBlock *free_blocks;       /* empty small blocks kept for reuse */
    size_t nfree_blocks;
    GcBlock *large_free[LARGE_BUCKETS];   /* dead large chunks kept for reuse, by size bucket */
    size_t large_cache_bytes;
    _Atomic size_t allocated;   /* bytes allocated since the last collection */
    size_t live_after;          /* bytes live after the last collection */
    size_t threshold;
    size_t heap_bytes;          /* blocks + large chunks */
    size_t limit;
    uint64_t collections;
    Value **roots;
    size_t nroots, cap_roots;
    void (*tracers[8])(GcTracer *g);   /* extra root tracers (C-side tables) */
    int ntracers;
    Type **static_types;
    size_t nstatic, cap_static;
    Obj **finalizable;
    size_t nfinal, cap_final;
    int stress;
    bool verbose;               /* TXPY_GC_VERBOSE: one line per collection on stderr */
} gc;

_Atomic int gc_requested;

/* ---- size classes ---- */
static void init_classes(void) {
    static const uint32_t sizes[] = {
        16, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256, 288, 320, 384, 448, 512,
        640, 768, 896, 1024, 1280, 1536, 1792, 2048, 2560, 3072, 3584, 4096, 5120, 6144, 7168, 8192
    };
    nclasses = (int)(sizeof sizes / sizeof sizes[0]);
    for (int i = 0; i < nclasses; i++) class_size[i] = sizes[i];
    int c = 0;
    for (size_t q = 0; q <= GC_SMALL_MAX / 16; q++) {
        size_t sz = q * 16;
        while ((size_t)class_size[c] < sz) c++;
        class_of_16[q] = (uint8_t)c;
    }
}

void gc_init(void) {
    init_classes();
    gc.lock = plat_mutex_new();
    gc.threshold = 16u << 20;
    gc.limit = plat_memory_limit();
    const char *s = plat_getenv("TXPY_GC_STRESS");
    gc.stress = s && *s && *s != '0';
    const char *v = plat_getenv("TXPY_GC_VERBOSE");
    gc.verbose = v && *v && *v != '0';
}

static bool add_block_record(GcBlock *b) {
    if (gc.nblocks == gc.cap_blocks) {
        size_t nc = gc.cap_blocks ? gc.cap_blocks * 2 : 256;
        GcBlock **nb = realloc(gc.blocks, nc * sizeof *nb);
        if (!nb) return false;
        gc.blocks = nb;
        gc.cap_blocks = nc;
    }
    gc.blocks[gc.nblocks++] = b;
    return true;
}

static bool over_limit(size_t extra) {
    return gc.limit && gc.heap_bytes + extra > gc.limit;
}

/* Called with gc.lock held. */
static GcBlock *new_small_block(int cls) {
    GcBlock *b = gc.free_blocks;
    bool zeroed = false;
    if (b) {
        gc.free_blocks = b->next;
        gc.nfree_blocks--;
    } else {
        zeroed = true;                  /* plat_alloc_aligned zeroes */
        if (over_limit(GC_BLOCK_SIZE)) return NULL;
        b = plat_alloc_aligned(GC_BLOCK_SIZE, GC_BLOCK_SIZE);
        if (!b) return NULL;
        if (!add_block_record(b)) { plat_free_aligned(b, GC_BLOCK_SIZE); return NULL; }
        gc.heap_bytes += GC_BLOCK_SIZE;
    }
    uint32_t sz = class_size[cls];
    uint32_t first = (uint32_t)((sizeof(GcBlock) + 15) & ~(size_t)15);
    b->magic = GC_BLOCK_MAGIC;
    b->kind = BK_SMALL;
    b->sclass = (uint16_t)cls;
    b->objsize = sz;
    b->first = first;
    b->nslots = (uint32_t)((GC_BLOCK_SIZE - first) / sz);
    b->nlive = 0;
    b->bump = (char *)b + first;
    b->bump_end = b->bump + (size_t)b->nslots * sz;
    b->freelist = NULL;
    b->next = NULL;
    b->large_size = 0;
    b->cached = false;
    memset(b->mark, 0, sizeof b->mark);
    if (!zeroed) memset(b->bump, 0, (size_t)(b->bump_end - b->bump));   /* once, instead of per object */
    return b;
}

static void flush_allocated(GcLocal *l) {
    size_t total = atomic_fetch_add_explicit(&gc.allocated, l->allocated, memory_order_relaxed) + l->allocated;
    l->allocated = 0;
    if (total > gc.threshold || gc.stress) atomic_store_explicit(&gc_requested, 1, memory_order_relaxed);
}

bool gc_thread_init(VM *vm) {
    vm->gc = calloc(1, sizeof(GcLocal));
    return vm->gc != NULL;
}

/* Give the thread's cached blocks back (thread exit, or before a sweep). */
static void release_cache(GcLocal *l) {
    for (int c = 0; c < nclasses; c++) {
        GcBlock *b = l->cur[c];
        if (b) {
            b->cached = false;
            l->cur[c] = NULL;
            /* it will be classified by the next sweep; until then keep it usable */
            b->next = gc.partial[c];
            gc.partial[c] = b;
        }
    }
}

void gc_thread_fini(VM *vm) {
    if (!vm->gc) return;
    plat_mutex_lock(gc.lock);
    flush_allocated(vm->gc);
    release_cache(vm->gc);
    plat_mutex_unlock(gc.lock);
    free(vm->gc);
    vm->gc = NULL;
}

static NOINLINE void *alloc_refill(VM *vm, int cls) {
    GcLocal *l = vm->gc;
    plat_mutex_lock(gc.lock);
    flush_allocated(l);
    GcBlock *old = l->cur[cls];
    if (old) old->cached = false;       /* exhausted: the sweep will find it */
    GcBlock *b = gc.partial[cls];
    while (b && !b->freelist && b->bump >= b->bump_end) {
        b = b->next;                    /* stale entry: full */
        gc.partial[cls] = b;
    }
    if (b) gc.partial[cls] = b->next;
    else b = new_small_block(cls);
    if (b) {
        b->cached = true;
        b->next = NULL;
    }
    l->cur[cls] = b;
    plat_mutex_unlock(gc.lock);
    if (!b) return NULL;
    void *p;
    if (b->bump < b->bump_end) {
        p = b->bump;
        b->bump += b->objsize;
    } else {
        p = b->freelist;
        b->freelist = *(void **)p;
    }
    return p;
}

static NOINLINE void *alloc_large(size_t size) {
    size_t hdr = (sizeof(GcBlock) + 15) & ~(size_t)15;
    if (size > SIZE_MAX / 2 - hdr) return NULL;
    size_t total = (hdr + size + 4095) & ~(size_t)4095;
    plat_mutex_lock(gc.lock);
    /* a dead chunk of the same bucket first */
    GcBlock *b = NULL;
    int bucket = -1;
    if (total <= LARGE_ROUND_MAX) {
        size_t r = 4096;
        bucket = 0;
        while (r < total) { r <<= 1; bucket++; }
        total = r;
        b = gc.large_free[bucket];
        if (b) {
            gc.large_free[bucket] = b->next;
            gc.large_cache_bytes -= b->large_size;
            memset((char *)b + hdr, 0, size);
        }
    }
    if (!b) {
        if (over_limit(total)) { plat_mutex_unlock(gc.lock); return NULL; }
        b = plat_alloc_aligned(total, GC_BLOCK_SIZE);
        if (!b) { plat_mutex_unlock(gc.lock); return NULL; }
        gc.heap_bytes += total;
    }
    b->sclass = (uint16_t)(bucket < 0 ? 0xFFFF : bucket);
    if (!add_block_record(b)) {
        gc.heap_bytes -= total;
        plat_mutex_unlock(gc.lock);
        plat_free_aligned(b, total);
        return NULL;
    }
    b->magic = GC_BLOCK_MAGIC;
    b->kind = BK_LARGE;
    b->objsize = (uint32_t)(size > UINT32_MAX ? UINT32_MAX : size);
    b->first = (uint32_t)hdr;
    b->nslots = 1;
    b->large_size = total;
    size_t t = atomic_fetch_add_explicit(&gc.allocated, total, memory_order_relaxed) + total;
    if (t > gc.threshold) atomic_store_explicit(&gc_requested, 1, memory_order_relaxed);
    plat_mutex_unlock(gc.lock);
    return (char *)b + hdr;             /* zeroed */
}

void *gc_alloc(VM *vm, Type *type, size_t size) {
    if (size < sizeof(Obj)) size = sizeof(Obj);
    void *p;
    if (LIKELY(size <= GC_SMALL_MAX)) {
        int cls = class_of_16[(size + 15) >> 4];
        GcBlock *b = vm->gc->cur[cls];
        size_t osz = class_size[cls];
        if (LIKELY(b != NULL) && b->bump < b->bump_end) {
            p = b->bump;                /* never used since its block was zeroed */
            b->bump += b->objsize;
        } else if (LIKELY(b != NULL) && b->freelist) {
            p = b->freelist;
            b->freelist = *(void **)p;
            memset(p, 0, osz);
        } else {
            p = alloc_refill(vm, cls);
            if (!p) { vm_raise_nomem(vm); return NULL; }
            memset(p, 0, osz);
        }
        vm->gc->allocated += osz;
        if (UNLIKELY(vm->gc->allocated > (256u << 10))) {
            plat_mutex_lock(gc.lock);
            flush_allocated(vm->gc);
            plat_mutex_unlock(gc.lock);
        }
    } else {
        p = alloc_large(size);
        if (!p) { vm_raise_nomem(vm); return NULL; }
    }
    /* a collection is due: reach a safe point soon rather than after the
     * usual few thousand ticks (a loop making big objects would otherwise
     * pile up garbage) */
    if (UNLIKELY(atomic_load_explicit(&gc_requested, memory_order_relaxed))) vm->ticks = 0;
    Obj *o = p;
    o->stm.owner = vm->tx.id;
    o->type = type;
    return o;
}

/* ---- roots ---- */
void gc_add_tracer(void (*fn)(GcTracer *g)) {
    plat_mutex_lock(gc.lock);
    if (gc.ntracers == (int)(sizeof gc.tracers / sizeof gc.tracers[0])) abort();   /* a static, small set */
    gc.tracers[gc.ntracers++] = fn;
    plat_mutex_unlock(gc.lock);
}

void gc_add_root(Value *slot) {
    plat_mutex_lock(gc.lock);
    if (gc.nroots == gc.cap_roots) {
        size_t nc = gc.cap_roots ? gc.cap_roots * 2 : 64;
        Value **n = realloc(gc.roots, nc * sizeof *n);
        if (!n) abort();
        gc.roots = n;
        gc.cap_roots = nc;
    }
    gc.roots[gc.nroots++] = slot;
    plat_mutex_unlock(gc.lock);
}

void gc_add_static_type(Type *t) {
    plat_mutex_lock(gc.lock);
    if (gc.nstatic == gc.cap_static) {
        size_t nc = gc.cap_static ? gc.cap_static * 2 : 128;
        Type **n = realloc(gc.static_types, nc * sizeof *n);
        if (!n) abort();
        gc.static_types = n;
        gc.cap_static = nc;
    }
    gc.static_types[gc.nstatic++] = t;
    plat_mutex_unlock(gc.lock);
}

/* ---- marking ---- */
static inline GcBlock *block_of(const void *p) {
    return (GcBlock *)((uintptr_t)p & GC_BLOCK_MASK);
}

static void push_gray(GcTracer *g, Obj *o) {
    if (g->n == g->cap) {
        size_t nc = g->cap ? g->cap * 2 : 4096;
        Obj **ns = realloc(g->stack, nc * sizeof *ns);
        if (!ns) { g->oom = true; return; }
        g->stack = ns;
        g->cap = nc;
    }
    g->stack[g->n++] = o;
}

void gc_mark_ptr(GcTracer *g, const void *p) {
    if (!p) return;
    const Obj *o = p;
    if (o->flags & OBJ_STATIC) return;
    GcBlock *b = block_of(p);
    uint32_t slot = b->kind == BK_SMALL ? (uint32_t)(((const char *)p - ((char *)b + b->first)) / b->objsize) : 0;
    uint64_t bit = 1ULL << (slot & 63);
    if (b->mark[slot >> 6] & bit) return;
    b->mark[slot >> 6] |= bit;
    push_gray(g, (Obj *)o);
}

void gc_mark_value(GcTracer *g, Value v) {
    if (v_is_obj(v)) gc_mark_ptr(g, v_ptr(v));
}

void gc_mark_range(GcTracer *g, const Value *v, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (v_is_obj(v[i])) gc_mark_ptr(g, v_ptr(v[i]));
}

bool gc_is_marked_or_static(const void *p) {
    const Obj *o = p;
    if (o->flags & OBJ_STATIC) return true;
    GcBlock *b = block_of(p);
    uint32_t slot = b->kind == BK_SMALL ? (uint32_t)(((const char *)p - ((char *)b + b->first)) / b->objsize) : 0;
    return (b->mark[slot >> 6] >> (slot & 63)) & 1;
}

static void drain(GcTracer *g) {
    while (g->n) {
        Obj *o = g->stack[--g->n];
        Type *t = o->type;
        if (!(t->base.flags & OBJ_STATIC)) gc_mark_ptr(g, t);
        if (t->trace) t->trace(g, o);
        /* static types with instance attributes (exceptions, C types of
         * modules): their trace covers only their own fields */
        if ((t->flags & TF_HAS_ATTRS) && (t->base.flags & OBJ_STATIC)) obj_trace_attrs(g, o);
    }
}

/* Frames: locals and the live part of the stack. */
static void trace_frames(GcTracer *g, Frame *f) {
    for (; f; f = f->prev) {
        gc_mark_ptr(g, f->code);
        gc_mark_ptr(g, f->func);
        gc_mark_value(g, f->globals);
        gc_mark_value(g, f->builtins);
        gc_mark_value(g, f->locals);
        if (f->gen) gc_mark_ptr(g, f->gen);
        gc_mark_range(g, f->localsplus, (size_t)f->code->nlocalsplus);
        if (f->sp >= f->stack) gc_mark_range(g, f->stack, (size_t)(f->sp - f->stack));
    }
}

void gc_trace_frame(GcTracer *g, Frame *f) {
    Frame *prev = f->prev;
    f->prev = NULL;
    trace_frames(g, f);
    f->prev = prev;
}

static void stm_mark_obj_cb(void *ctx, const void *obj) { gc_mark_ptr(ctx, obj); }
static void stm_mark_val_cb(void *ctx, uint64_t v) { gc_mark_value(ctx, (Value)v); }

void txn_trace_vm(GcTracer *g, VM *vm);   /* txn.c: transaction-run roots */
void gc_weak_sweep(void);                   /* str.c, typeobject.c: weak tables */

static void trace_vm(GcTracer *g, VM *vm) {
    trace_frames(g, vm->frame);
    gc_mark_value(g, vm->exc);
    gc_mark_value(g, vm->handled);
    gc_mark_range(g, vm->roots, (size_t)vm->nroots);
    gc_mark_value(g, vm->thread_obj);
    gc_mark_value(g, vm->tls);
    gc_mark_value(g, vm->tls_repr);
    for (int i = 0; i < (1 << MCACHE_BITS); i++) {
        MCacheEntry *e = &vm->mcache[i];
        if (e->type) {
            /* The cache holds no strong references: drop entries whose type
             * or value might die. */
            e->type = NULL;
            e->value = VNULL;
        }
    }
    memset(vm->acache, 0, sizeof vm->acache);
    stm_trace_tx(&vm->tx, stm_mark_obj_cb, stm_mark_val_cb, g);
    txn_trace_vm(g, vm);
}

static void trace_interp(GcTracer *g) {
    Interp *in = G;
    gc_mark_value(g, in->builtins);
    gc_mark_value(g, in->builtins_module);
    gc_mark_value(g, in->modules);
    gc_mark_value(g, in->sys_module);
    gc_mark_value(g, in->main_module);
    gc_mark_value(g, in->sys_path);
    gc_mark_value(g, in->argv);
    gc_mark_value(g, in->stdout_obj);
    gc_mark_value(g, in->stderr_obj);
    gc_mark_value(g, in->stdin_obj);
}

static void sweep(void) {
    for (int c = 0; c < nclasses; c++) gc.partial[c] = NULL;
    /* The free-block list is rebuilt from scratch: blocks already on it are
     * still in gc.blocks and come out of this sweep empty again. */
    gc.free_blocks = NULL;
    gc.nfree_blocks = 0;
    size_t live = 0;
    size_t w = 0;
    for (size_t i = 0; i < gc.nblocks; i++) {
        GcBlock *b = gc.blocks[i];
        if (b->kind == BK_LARGE) {
            if (b->mark[0] & 1) {
                b->mark[0] = 0;
                live += b->large_size;
                gc.blocks[w++] = b;
            } else if (b->sclass != 0xFFFF &&
                       gc.large_cache_bytes + b->large_size <= (gc.threshold > ((size_t)64 << 20) ? gc.threshold : ((size_t)64 << 20))) {
                b->next = gc.large_free[b->sclass];             /* kept: still counted in heap_bytes */
                gc.large_free[b->sclass] = b;
                gc.large_cache_bytes += b->large_size;
            } else {
                gc.heap_bytes -= b->large_size;
                plat_free_aligned(b, b->large_size);
            }
            continue;
        }
        /* Small block: slots beyond the bump pointer were never used. */
        char *start = (char *)b + b->first;
        uint32_t used = (uint32_t)((b->bump - start) / b->objsize);
        void *fl = NULL;
        uint32_t nlive = 0;
        for (uint32_t s = used; s-- > 0;) {
            if ((b->mark[s >> 6] >> (s & 63)) & 1) {
                nlive++;
            } else {
                void *slot = start + (size_t)s * b->objsize;
                *(void **)slot = fl;
                fl = slot;
            }
        }
        memset(b->mark, 0, ((used + 63) / 64) * sizeof(uint64_t));
        b->nlive = nlive;
        b->cached = false;
        if (nlive == 0) {
            /* keep empty blocks up to a quarter of the heap or what one
             * cycle allocates (the threshold): a churning program reuses
             * them instead of unmapping and faulting in fresh pages */
            if (gc.nfree_blocks < 64 || gc.nfree_blocks < gc.nblocks / 4 ||
                gc.nfree_blocks < gc.threshold / GC_BLOCK_SIZE) {
                b->next = gc.free_blocks;
                gc.free_blocks = b;
                gc.nfree_blocks++;
                gc.blocks[w++] = b;
                b->kind = BK_SMALL;
                b->bump = b->bump_end = start;   /* reinitialised when reused */
                b->freelist = NULL;
            } else {
                gc.heap_bytes -= GC_BLOCK_SIZE;
                plat_free_aligned(b, GC_BLOCK_SIZE);
            }
            continue;
        }
        live += (size_t)nlive * b->objsize;
        b->freelist = fl;
        if (fl || b->bump < b->bump_end) {
            b->next = gc.partial[b->sclass];
            gc.partial[b->sclass] = b;
        }
        gc.blocks[w++] = b;
    }
    gc.nblocks = w;
    gc.live_after = live;
}

void gc_register_finalizer(Obj *o) {
    plat_mutex_lock(gc.lock);
    if (gc.nfinal == gc.cap_final) {
        size_t nc = gc.cap_final ? gc.cap_final * 2 : 16;
        Obj **n = realloc(gc.finalizable, nc * sizeof *n);
        if (!n) { plat_mutex_unlock(gc.lock); return; }
        gc.finalizable = n;
        gc.cap_final = nc;
    }
    gc.finalizable[gc.nfinal++] = o;
    plat_mutex_unlock(gc.lock);
}

void gc_each_finalizable(void (*fn)(Obj *o)) {
    plat_mutex_lock(gc.lock);
    for (size_t i = 0; i < gc.nfinal; i++) fn(gc.finalizable[i]);
    plat_mutex_unlock(gc.lock);
}

static void run_finalizers(void) {
    size_t w = 0;
    for (size_t i = 0; i < gc.nfinal; i++) {
        Obj *o = gc.finalizable[i];
        if (gc_is_marked_or_static(o)) gc.finalizable[w++] = o;
        else if (o->type->finalize) o->type->finalize(o);
    }
    gc.nfinal = w;
}

/* The world is stopped: every VM is at a safe point or parked. */
void gc_collect_stopped(VM *self) {
    (void)self;
    GcTracer g = {0};
    plat_mutex_lock(gc.lock);
    for (VM *vm = G->threads; vm; vm = vm->next_vm) {
        if (vm->gc) {
            gc.allocated += vm->gc->allocated;
            vm->gc->allocated = 0;
            release_cache(vm->gc);
        }
    }
    for (size_t i = 0; i < gc.nroots; i++) gc_mark_value(&g, *gc.roots[i]);
    for (int i = 0; i < gc.ntracers; i++) gc.tracers[i](&g);
    for (size_t i = 0; i < gc.nstatic; i++) {
        /* A static type's own fields (dict, mro, ...): the trace of its
         * metatype, not t->trace (which traces t's instances). */
        Type *t = gc.static_types[i];
        Type *meta = t->base.type;
        if (meta && meta->trace) meta->trace(&g, &t->base);
    }
    trace_interp(&g);
    for (VM *vm = G->threads; vm; vm = vm->next_vm) trace_vm(&g, vm);
    drain(&g);
    if (g.oom) {
        /* Could not finish marking: everything unmarked might be live.
         * Give up on this cycle (clear marks by a sweep that frees nothing). */
        fprintf(stderr, "txpy: out of memory while collecting garbage\n");
        abort();
    }
    gc_weak_sweep();
    run_finalizers();
    sweep();
    stm_gc_clear_log();
    free(g.stack);
    gc.collections++;
    atomic_store(&gc.allocated, 0);
    /* Collect again after allocating twice what survived (at least
     * 16 MiB): a collection stops every worker, so fewer and larger
     * cycles keep the serial part of a parallel run small. */
    size_t th = gc.live_after * 2;
    if (th < (16u << 20)) th = 16u << 20;
    if (gc.limit && gc.live_after + th > gc.limit) {
        size_t room = gc.limit > gc.live_after ? gc.limit - gc.live_after : 0;
        th = room / 2 > (1u << 20) ? room / 2 : (1u << 20);
    }
    gc.threshold = th;
    if (gc.verbose)
        fprintf(stderr, "gc %llu: live %zu KiB, heap %zu KiB, next after %zu KiB\n", (unsigned long long)gc.collections,
                gc.live_after >> 10, gc.heap_bytes >> 10, th >> 10);
    atomic_store(&gc_requested, 0);
    plat_mutex_unlock(gc.lock);
}

size_t gc_heap_bytes(void) { return gc.heap_bytes; }
uint64_t gc_collections(void) { return gc.collections; }
bool gc_stress_enabled(void) { return gc.stress; }
