/* numfmt.h - number <-> text: float repr, float parsing, rounding, and the
 * format-spec mini-language of format()/str.format()/f-strings.
 *
 * Pure C11 over byte strings (UTF-8): no Python objects, no GC, no global
 * state, thread-safe, locale-independent (never calls setlocale; 'n' formats
 * as 'd'/'g' do in the C locale, as CPython does in its default locale).
 * Every result must be byte-identical to CPython 3.11's.
 *
 * Errors: the format functions return false and set *err to a static
 * string.  CPython's messages quote the spec and the object's type name
 * (e.g. "Unknown format code 'q' for object of type 'MyFloat'"), so *err is
 * a template: pass it to nf_error_message() with the spec text and
 * Py_TYPE(obj)->tp_name to get the exact ValueError text.  Templates without
 * '%' are already the final text.
 */
#ifndef TXPY_NUMFMT_H
#define TXPY_NUMFMT_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include "strbuf.h"

/* ---- float repr / str ----
 * repr(x) exactly as CPython: shortest digit string that round-trips,
 * 'inf', '-inf', 'nan', '-0.0', '1e+16', '1.5e-07', '0.0001', '123456789012345.0'.
 * buf capacity 32.  Returns the length. */
size_t nf_repr_double(double x, char *buf);

/* printf-style conversion of x for type 'e','E','f','F','g','G' with
 * precision prec (>= 0) and alt ('#' flag), with Python's spellings of inf and
 * nan ('inf'/'nan', 'INF'/'NAN' for upper-case types).  Appends to out.
 * Used by %-formatting and by the format-spec code.  A type other than
 * e/E/f/F/g/G gives repr(x); prec < 0 means 6. */
void nf_format_double(StrBuf *out, double x, char type, int prec, bool alt);

/* round(x, ndigits) with CPython's correctly rounded semantics (round half
 * to even on the exact binary value).  *overflow set if the result overflows
 * (CPython: OverflowError "rounded value too large to represent"). */
double nf_round_double(double x, int64_t ndigits, bool *overflow);

/* Parse float() text: surrounding ASCII whitespace, sign, decimal/exponent
 * forms, 'inf'/'infinity'/'nan' in any case, single underscores between
 * digits.  Returns false on invalid text.  (Out-of-range values give +-inf,
 * as CPython.)  Only ASCII; the caller maps Unicode digits/spaces first. */
bool nf_parse_double(const char *s, size_t len, double *out);

/* float.hex() and float.fromhex().  nf_double_from_hex returns false in two
 * cases, told apart by *out: invalid text gives *out == 0.0 (ValueError
 * "invalid hexadecimal floating-point string"); a value too large gives
 * *out == +-inf (OverflowError "hexadecimal value too large to represent as
 * a float"). */
void nf_double_to_hex(StrBuf *out, double x);
bool nf_double_from_hex(const char *s, size_t len, double *out);

/* ---- format-spec mini-language ----
 * [[fill]align][sign][z][#][0][width][grouping][.precision][type]
 * fill is one code point (stored as UTF-8 in fill/fill_len). */
typedef struct NfSpec {
    char fill[5];       /* UTF-8 of the fill char, NUL-terminated; default " " */
    uint8_t fill_len;
    char align;         /* 0 (none), '<', '>', '^', '=' */
    char sign;          /* 0 (none), '+', '-', ' ' */
    bool alt;           /* '#' */
    bool zero;          /* '0' before width */
    bool z;             /* 'z' (coerce negative zero), 3.11 */
    int64_t width;      /* -1 if absent */
    char grouping;      /* 0, ',' or '_' */
    int64_t precision;  /* -1 if absent */
    char type;          /* 0 if absent, else the type letter, or one of: */
} NfSpec;
#define NF_TYPE_NUL ((char)0x80)       /* the type was U+0000 */
#define NF_TYPE_NONASCII ((char)0x81)  /* the type was a code point >= 128 */

/* Parse spec[0..len).  On error returns false and sets *err to CPython's
 * ValueError text as a template (see nf_error_message), e.g. "Invalid format
 * specifier '%s' for object of type '%t'".  `default_align` is not applied
 * here: align stays 0 when absent.  A '0' before the width sets zero and
 * makes fill "0" (the formatters then use '=' for numbers when align is 0).
 * Width and precision digits must be ASCII (the caller maps other Unicode
 * decimal digits first, as for nf_parse_double).  The ',' / '_' versus type
 * check needs the object's default type and is done by the formatters. */
bool nf_parse_spec(const char *spec, size_t len, NfSpec *out, const char **err);

/* format(x, spec) for a float (types e E f F g G n % and none).  On a spec
 * that does not apply to floats returns false with *err set to CPython's
 * message (a template), e.g. "Unknown format code 'd' for object of type
 * 'float'" or "precision too big". */
bool nf_format_float(StrBuf *out, double x, const NfSpec *spec, const char **err);

/* format(z, spec) for a complex (types e E f F g G n and none; no '0'
 * padding, no '=' alignment), as CPython's format_complex_internal. */
bool nf_format_complex(StrBuf *out, double re, double im, const NfSpec *spec, const char **err);

/* format(n, spec) for an int, given its sign and its magnitude already
 * converted to digits: the caller looks at spec->type first and passes the
 * digits in the base the type needs (b: 2, o: 8, x/X: 16 (lowercase digits;
 * this function upper-cases for 'X'), d/n/none/anything else: 10).  For
 * type 'c' the caller passes the character's UTF-8 as the digits; CPython
 * checks the spec before the value, so for a value outside range(0x110000)
 * the caller calls this with no digits, discards the output and raises
 * OverflowError "%c arg not in range(0x110000)" if it succeeded.  Float
 * types (e E f F g G %) applied to ints are handled by the caller
 * (nf_format_float on the converted value); any other type gives "Unknown
 * format code".  Returns false with *err (a template) for
 * invalid combinations (e.g. "Precision not allowed in integer format
 * specifier", "Cannot specify ',' with 'x'.", "Sign not allowed with integer
 * format specifier 'c'"). */
bool nf_format_int(StrBuf *out, bool neg, const char *digits, size_t ndigits,
                   const NfSpec *spec, const char **err);

/* format(s, spec) for a str given as UTF-8 with `ncp` code points
 * (precision truncates to code points; width counts code points).  Errors
 * (templates) as CPython: "Sign not allowed in string format specifier", "Unknown format
 * code 'd' for object of type 'str'", "'=' alignment not allowed in string
 * format specifier". */
bool nf_format_str(StrBuf *out, const char *s, size_t len, size_t ncp, const NfSpec *spec,
                   const char **err);

/* Pad already-formatted text (UTF-8, ncp code points) to spec's width with
 * spec's fill and alignment (default_align when spec->align is 0). */
void nf_pad(StrBuf *out, const char *s, size_t len, size_t ncp, const NfSpec *spec,
            char default_align);

/* Append to msg the final text of an error template set by nf_parse_spec or
 * nf_format_*: "%s" becomes spec[0..speclen), "%c" the presentation type (the
 * spec's last code point, spelled as CPython does: 'q' or '\xe9'), "%t"
 * type_name (at most 200 bytes, as CPython's "%.200s"). */
void nf_error_message(StrBuf *msg, const char *err, const char *spec, size_t speclen,
                      const char *type_name);

#endif
