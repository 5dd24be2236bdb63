/* value.h - the 64-bit representation of every Python value.
 *
 * NaN-boxing with an offset for doubles (so that object pointers are stored
 * as themselves):
 *
 *   0x0000_0000_0000_0000            VNULL: "no value" (error / unbound / missing)
 *   0x0000_0000_0000_0001 .. 2^49-1  pointer to an Obj (8-byte aligned)
 *   2^49 .. 0xFFF2_0000_0000_0000    a float: its IEEE bits + 2^49
 *   0xFFFF_xxxx_xxxx_xxxx            a small int: the low 48 bits, sign-extended
 *
 * Every NaN is re-encoded as a positive quiet NaN 0x7FF8_xxxx_xxxx_xxxx
 * before boxing, so the double range never reaches the int range and the
 * offset never wraps.  The payload is a fresh serial number per NaN made
 * (v_box_nan): a NaN value thus has an identity, as a CPython float object
 * does (`nan in [nan]` is true, `float('nan') is float('nan')` false).
 * Ints outside the 48-bit range are BigInt objects; an int value has exactly
 * one representation (small whenever it fits), so equal small ints are equal
 * words.  bool is an object type (True/False are static objects).
 *
 * Values are plain 64-bit words and can be stored in STM-managed words.
 */
#ifndef TXPY_VALUE_H
#define TXPY_VALUE_H

#include <stdint.h>
#include <stdbool.h>
#include <string.h>

typedef uint64_t Value;

#define VNULL ((Value)0)
#define V_DOUBLE_OFFSET (1ULL << 49)
#define V_INT_TAG 0xFFFF000000000000ULL
#define V_CANON_NAN 0x7FF8000000000000ULL

#define SMALL_INT_MIN (-(INT64_C(1) << 47))
#define SMALL_INT_MAX ((INT64_C(1) << 47) - 1)

#if defined(__GNUC__)
#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#define NOINLINE __attribute__((noinline))
#else
#define LIKELY(x) (x)
#define UNLIKELY(x) (x)
#define ALWAYS_INLINE inline
#define NOINLINE
#endif

static ALWAYS_INLINE bool v_is_ptr(Value v) { return v < V_DOUBLE_OFFSET; }        /* incl. VNULL */
static ALWAYS_INLINE bool v_is_obj(Value v) { return v - 1 < V_DOUBLE_OFFSET - 1; } /* non-null ptr */
static ALWAYS_INLINE bool v_is_int(Value v) { return v >= V_INT_TAG; }
static ALWAYS_INLINE bool v_is_float(Value v) { return v - V_DOUBLE_OFFSET < V_INT_TAG - V_DOUBLE_OFFSET; }
static ALWAYS_INLINE bool v_both_int(Value a, Value b) { return (a & b) >= V_INT_TAG; }

static ALWAYS_INLINE int64_t v_int(Value v) { return (int64_t)(v << 16) >> 16; }
static ALWAYS_INLINE Value v_from_small(int64_t i) { return ((uint64_t)i & 0x0000FFFFFFFFFFFFULL) | V_INT_TAG; }
static ALWAYS_INLINE bool small_fits(int64_t i) { return i >= SMALL_INT_MIN && i <= SMALL_INT_MAX; }

static ALWAYS_INLINE double v_float(Value v) {
    uint64_t bits = v - V_DOUBLE_OFFSET;
    double d;
    memcpy(&d, &bits, 8);
    return d;
}
Value v_box_nan(void);      /* a NaN with a new identity (abstract.c) */

static ALWAYS_INLINE Value v_from_float(double d) {
    uint64_t bits;
    memcpy(&bits, &d, 8);
    if (UNLIKELY(d != d)) return v_box_nan();
    return bits + V_DOUBLE_OFFSET;
}

static ALWAYS_INLINE void *v_ptr(Value v) { return (void *)(uintptr_t)v; }
static ALWAYS_INLINE Value v_from_ptr(const void *p) { return (Value)(uintptr_t)p; }

#endif
