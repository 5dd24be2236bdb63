/* mod_random.c - the _random module: the Mersenne Twister generator
 * (_random.Random: random, seed, getrandbits, getstate, setstate) exactly as
 * CPython's, so that a seed gives the same numbers, and _sha512 (used by
 * random.py to turn str/bytes seeds into ints, like CPython's version 2
 * seeding).  The algorithms built on top (randrange, shuffle, gauss, ...)
 * are in lib/random.py.
 *
 * The generator state (624 words and the index) lives inside the object, one
 * STM word per 32-bit state word, read and written with RDW/WRW: sharing a
 * generator between transactions conflicts like any other mutable object.
 * Invariant: 0 <= index <= 624; every state word is < 2^32.
 */
#include "vm.h"
#include <string.h>
#include <time.h>

#define MT_N 624
#define MT_M 397
#define MATRIX_A 0x9908b0dfU
#define UPPER_MASK 0x80000000U
#define LOWER_MASK 0x7fffffffU

typedef struct RandomObj {
    Obj hdr;
    uint64_t index;             /* STM word */
    uint64_t mt[MT_N];          /* STM words, each < 2^32 */
} RandomObj;
static Type type_random;

/* ---- the generator ---- */
static inline uint32_t mt_get(VM *vm, RandomObj *r, int i) { return (uint32_t)RDW(vm, r, r->mt[i]); }
static inline void mt_set(VM *vm, RandomObj *r, int i, uint32_t v) { WRW(vm, r, r->mt[i], v); }

static void init_genrand(VM *vm, RandomObj *r, uint32_t s) {
    uint32_t prev = s;
    mt_set(vm, r, 0, s);
    for (int i = 1; i < MT_N; i++) {
        prev = 1812433253U * (prev ^ (prev >> 30)) + (uint32_t)i;
        mt_set(vm, r, i, prev);
    }
    WRW(vm, r, r->index, MT_N);
}

static void init_by_array(VM *vm, RandomObj *r, const uint32_t *key, size_t keylen) {
    init_genrand(vm, r, 19650218U);
    int i = 1;
    size_t j = 0;
    for (size_t k = MT_N > keylen ? MT_N : keylen; k; k--) {
        uint32_t p = mt_get(vm, r, i - 1);
        mt_set(vm, r, i, (mt_get(vm, r, i) ^ ((p ^ (p >> 30)) * 1664525U)) + key[j] + (uint32_t)j);
        i++;
        j++;
        if (i >= MT_N) { mt_set(vm, r, 0, mt_get(vm, r, MT_N - 1)); i = 1; }
        if (j >= keylen) j = 0;
    }
    for (int k = MT_N - 1; k; k--) {
        uint32_t p = mt_get(vm, r, i - 1);
        mt_set(vm, r, i, (mt_get(vm, r, i) ^ ((p ^ (p >> 30)) * 1566083941U)) - (uint32_t)i);
        i++;
        if (i >= MT_N) { mt_set(vm, r, 0, mt_get(vm, r, MT_N - 1)); i = 1; }
    }
    mt_set(vm, r, 0, 0x80000000U);
}

static uint32_t genrand_uint32(VM *vm, RandomObj *r) {
    static const uint32_t mag01[2] = {0x0U, MATRIX_A};
    int64_t idx = RDW(vm, r, r->index);
    if (idx >= MT_N) {
        int kk;
        uint32_t y;
        for (kk = 0; kk < MT_N - MT_M; kk++) {
            y = (mt_get(vm, r, kk) & UPPER_MASK) | (mt_get(vm, r, kk + 1) & LOWER_MASK);
            mt_set(vm, r, kk, mt_get(vm, r, kk + MT_M) ^ (y >> 1) ^ mag01[y & 1U]);
        }
        for (; kk < MT_N - 1; kk++) {
            y = (mt_get(vm, r, kk) & UPPER_MASK) | (mt_get(vm, r, kk + 1) & LOWER_MASK);
            mt_set(vm, r, kk, mt_get(vm, r, kk + (MT_M - MT_N)) ^ (y >> 1) ^ mag01[y & 1U]);
        }
        y = (mt_get(vm, r, MT_N - 1) & UPPER_MASK) | (mt_get(vm, r, 0) & LOWER_MASK);
        mt_set(vm, r, MT_N - 1, mt_get(vm, r, MT_M - 1) ^ (y >> 1) ^ mag01[y & 1U]);
        idx = 0;
    }
    uint32_t y = mt_get(vm, r, (int)idx);
    WRW(vm, r, r->index, idx + 1);
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
}

/* Seed from the clock, the CPU time and the object's address (no OS
 * entropy source is available to portable C). */
static void seed_from_time(VM *vm, RandomObj *r) {
    static uint32_t counter;
    uint64_t t = (uint64_t)time(NULL), c = (uint64_t)clock(), a = (uint64_t)(uintptr_t)r;
    uint32_t key[6] = {(uint32_t)t, (uint32_t)(t >> 32), (uint32_t)c, (uint32_t)a, (uint32_t)(a >> 32), ++counter};
    init_by_array(vm, r, key, 6);
}

/* Seed from an int: init_by_array over the 32-bit digits of abs(n). */
static bool seed_from_int(VM *vm, RandomObj *r, Value n) {
    if (IS_BIGINT(n)) {
        BigInt *b = AS(BigInt, n);
        size_t len = (size_t)(b->size < 0 ? -b->size : b->size);
        init_by_array(vm, r, b->d, len);
        return true;
    }
    int64_t v = v_int(n);
    uint64_t m = v < 0 ? -(uint64_t)v : (uint64_t)v;
    uint32_t key[2] = {(uint32_t)m, (uint32_t)(m >> 32)};
    init_by_array(vm, r, key, key[1] ? 2 : 1);
    return true;
}

/* ---- methods ---- */
#define M(name) static Value name(VM *vm, Value *args, int nargs, Value kw)
#define R (AS(RandomObj, args[0]))

M(m_random) {
    (void)nargs; (void)kw;
    uint32_t a = genrand_uint32(vm, R) >> 5, b = genrand_uint32(vm, R) >> 6;
    return v_from_float((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

static bool do_seed(VM *vm, RandomObj *r, Value arg) {
    if (!arg || arg == V_NONE) {
        seed_from_time(vm, r);
        return true;
    }
    if (v_is_intlike(arg)) return seed_from_int(vm, r, v_int_value(arg));
    /* anything else: its hash, as an unsigned machine word */
    int64_t h = vm_hash(vm, arg);
    if (h == -1 && vm->exc) return false;
    uint64_t u = (uint64_t)h;
    uint32_t key[2] = {(uint32_t)u, (uint32_t)(u >> 32)};
    init_by_array(vm, r, key, key[1] ? 2 : 1);
    return true;
}

M(m_seed) {
    (void)kw;
    return do_seed(vm, R, nargs > 1 ? args[1] : VNULL) ? V_NONE : VNULL;
}

M(m_getrandbits) {
    (void)nargs; (void)kw;
    int64_t k;
    if (!vm_index_i64(vm, args[1], &k, &exc_OverflowError)) return VNULL;
    if (k < 0) return vm_raise(vm, &exc_ValueError, "number of bits must be non-negative");
    if (k == 0) return v_from_small(0);
    if (k <= 32) return v_from_small(genrand_uint32(vm, R) >> (32 - k));
    if (k > (INT64_C(1) << 36)) return vm_raise_nomem(vm);
    uint64_t nwords = (uint64_t)((k - 1) / 32 + 1);
    if (nwords > SIZE_MAX / sizeof(bn_digit)) return vm_raise_nomem(vm);
    size_t words = (size_t)nwords;
    bn_digit *d = malloc(words * sizeof(bn_digit));
    if (!d) return vm_raise_nomem(vm);
    for (size_t i = 0; i < words; i++, k -= 32) {
        uint32_t w = genrand_uint32(vm, R);
        if (k < 32) w >>= (32 - k);
        d[i] = w;
    }
    Value v = int_from_digits(vm, false, d, words);
    free(d);
    return v;
}

M(m_getstate) {
    (void)nargs; (void)kw;
    Value t = tuple_new(vm, MT_N + 1);
    if (!t) return VNULL;
    for (int i = 0; i < MT_N; i++) tuple_items(t)[i] = v_from_small(mt_get(vm, R, i));
    tuple_items(t)[MT_N] = v_from_small(RDW(vm, R, R->index));
    return t;
}

M(m_setstate) {
    (void)nargs; (void)kw;
    Value st = args[1];
    if (!IS_TUPLE(st)) return vm_raise(vm, &exc_TypeError, "state vector must be a tuple");
    if (tuple_len(st) != MT_N + 1) return vm_raise(vm, &exc_ValueError, "state vector is the wrong size");
    uint32_t words[MT_N];
    for (int i = 0; i < MT_N; i++) {
        Value v = tuple_items(st)[i];
        int64_t x;
        if (!v_is_intlike(v)) return vm_raise(vm, &exc_TypeError, "'%s' object cannot be interpreted as an integer", v_type(v)->name);
        if (!int_to_i64(v_int_value(v), &x) || x < 0 || x > (int64_t)UINT32_MAX)
            return vm_raise(vm, &exc_OverflowError, "Python int too large to convert to C unsigned long");
        words[i] = (uint32_t)x;
    }
    int64_t idx;
    if (!vm_index_i64(vm, tuple_items(st)[MT_N], &idx, NULL)) return VNULL;
    if (idx < 0 || idx > MT_N) return vm_raise(vm, &exc_ValueError, "invalid state");
    for (int i = 0; i < MT_N; i++) mt_set(vm, R, i, words[i]);
    WRW(vm, R, R->index, idx);
    return V_NONE;
}

static Value random_new(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    if (t == &type_random && kwnames && tuple_len(kwnames))
        return vm_raise(vm, &exc_TypeError, "Random() takes no keyword arguments");
    if (t == &type_random && nargs > 1)
        return vm_raise(vm, &exc_TypeError, "Random() expected at most 1 argument, got %d", nargs);
    Value o;
    if (t->flags & TF_HAS_ATTRS) {
        o = instance_alloc(vm, t);
    } else {
        RandomObj *r = gc_alloc(vm, t, sizeof(RandomObj));
        o = r ? v_from_ptr(r) : VNULL;
    }
    if (!o) return VNULL;
    seed_from_time(vm, AS(RandomObj, o));
    /* the exact type seeds from its argument; subclasses do it in __init__ */
    if (t == &type_random && nargs == 1) {
        ROOTS_MARK(vm);
        ROOT_PUSH(vm, o);
        bool ok = do_seed(vm, AS(RandomObj, o), args[0]);
        ROOTS_RESET(vm);
        if (!ok) return VNULL;
    }
    return o;
}

/* ---- SHA-512 (FIPS 180-4) ---- */
static const uint64_t sha512_k[80] = {
    0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
    0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
    0xd807aa98a3030242ULL, 0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
    0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
    0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
    0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
    0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
    0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL, 0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
    0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
    0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
    0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
    0xd192e819d6ef5218ULL, 0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
    0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
    0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
    0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
    0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
    0xca273eceea26619cULL, 0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
    0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
    0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
    0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL,
};

static inline uint64_t ror64(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

static void sha512_block(uint64_t h[8], const unsigned char *p) {
    uint64_t w[80];
    for (int i = 0; i < 16; i++) {
        uint64_t x = 0;
        for (int b = 0; b < 8; b++) x = (x << 8) | p[i * 8 + b];
        w[i] = x;
    }
    for (int i = 16; i < 80; i++) {
        uint64_t s0 = ror64(w[i - 15], 1) ^ ror64(w[i - 15], 8) ^ (w[i - 15] >> 7);
        uint64_t s1 = ror64(w[i - 2], 19) ^ ror64(w[i - 2], 61) ^ (w[i - 2] >> 6);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 80; i++) {
        uint64_t S1 = ror64(e, 14) ^ ror64(e, 18) ^ ror64(e, 41);
        uint64_t ch = (e & f) ^ (~e & g);
        uint64_t t1 = hh + S1 + ch + sha512_k[i] + w[i];
        uint64_t S0 = ror64(a, 28) ^ ror64(a, 34) ^ ror64(a, 39);
        uint64_t maj = (a & b) ^ (a & c) ^ (b & c);
        uint64_t t2 = S0 + maj;
        hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

static void sha512(const unsigned char *data, size_t len, unsigned char out[64]) {
    uint64_t h[8] = {
        0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
        0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL,
    };
    size_t full = len / 128;
    for (size_t i = 0; i < full; i++) sha512_block(h, data + i * 128);
    unsigned char tail[256];
    size_t rest = len - full * 128;
    memcpy(tail, data + full * 128, rest);
    tail[rest] = 0x80;
    size_t tlen = rest + 1 + 16 <= 128 ? 128 : 256;
    memset(tail + rest + 1, 0, tlen - rest - 1);
    uint64_t bits = (uint64_t)len * 8;   /* lengths below 2^61 bytes: high 64 bits are 0 */
    for (int b = 0; b < 8; b++) tail[tlen - 1 - b] = (unsigned char)(bits >> (8 * b));
    sha512_block(h, tail);
    if (tlen == 256) sha512_block(h, tail + 128);
    for (int i = 0; i < 8; i++)
        for (int b = 0; b < 8; b++) out[i * 8 + b] = (unsigned char)(h[i] >> (56 - 8 * b));
}

static Value f_sha512(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    const unsigned char *p;
    size_t n;
    if (!bytes_like(vm, args[0], &p, &n))
        return vm_raise(vm, &exc_TypeError, "object supporting the buffer API required");
    unsigned char digest[64];
    sha512(p, n, digest);
    return bytes_new(vm, digest, 64);
}

static const MethodDef random_methods[] = {
    {"random", m_random, 1, 1, 0, NULL},
    {"seed", m_seed, 1, 2, 0, NULL},
    {"getrandbits", m_getrandbits, 2, 2, 0, NULL},
    {"getstate", m_getstate, 1, 1, 0, NULL},
    {"setstate", m_setstate, 2, 2, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};

static const MethodDef random_defs[] = {
    {"_sha512", f_sha512, 1, 1, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};

#define STATIC_HDR {{0}, OBJ_STATIC, 0, &type_type}
static Type type_random = {
    .base = STATIC_HDR, .name = "_random.Random", .basicsize = sizeof(RandomObj), .flags = TF_BASETYPE,
    .tp_new = random_new,   /* no references to trace */
};

Value mod_random_init(VM *vm) {
    if (!type_random.dict) {
        type_ready(&type_random);
        type_add_methods(&type_random, random_methods);
        type_random.v_name = str_intern_cstr(vm, "Random");
        type_random.v_qualname = type_random.v_name;
        type_random.v_module = str_intern_cstr(vm, "_random");
    }
    Value m = vm_new_module(vm, "_random");
    if (!m) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, m);
    Value d = AS(Module, m)->dict;
    for (const MethodDef *def = random_defs; def->name; def++)
        dict_set_cstr(vm, d, def->name, builtin_function_new(vm, def, m, VNULL));
    dict_set_cstr(vm, d, "Random", v_from_ptr(&type_random));
    ROOTS_RESET(vm);
    return vm->exc ? VNULL : m;
}
