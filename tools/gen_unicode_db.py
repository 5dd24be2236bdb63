#!/usr/bin/env python3
"""gen_unicode_db.py - generate vm/unicode_db.c and its test expectations.

Run with CPython 3.11 (Unicode 14.0.0):  python3 tools/gen_unicode_db.py

CPython is the oracle: every property is read from what its str methods and
its unicodedata module answer for each code point 0..0x10FFFF, so the C
tables reproduce CPython 3.11 exactly.  Two outputs are written:

  vm/unicode_db.c
      Two independent multi-level lookup tables (the shifts are chosen by
      searching for the smallest total size):
        * properties: code point -> 8-bit index of a 4-byte record holding
          the property bits, the general category and the digit value;
        * case mappings: code point -> index of a record of four int32
          fields (lower, upper, title, casefold).  A field below CASE_EXT is
          a delta to add to the code point; a field >= CASE_EXT is
          CASE_EXT + (length << 16 | offset) into case_ext[], the side table
          of multi-code-point mappings.
      Record 0 of each table is what every code point above 0x10FFFF gets:
      unassigned (Cn, no property) and mapped to itself.

  tests/unit/data/unicode_db_expect.bin
      The raw observations, read by tests/unit/test_unicode_db.c:
        "TXUCDX01"                  magic
        u32 record count, then each record:
          u16 observation bits (OBS_* below, bit i = OBS_NAMES[i])
          2 bytes general category ("Lu")
          i8 unicodedata.decimal(c, -1), i8 unicodedata.digit(c, -1)
          4 mappings (lower, upper, title, casefold), each: u8 length n,
            then n i32: for n == 1 the delta to add to the code point,
            otherwise the absolute code points
        u32 run count, then each run: LEB128 length, u16 record index;
        the runs cover 0..0x10FFFF in order.
      All integers are little-endian.
"""

import os
import struct
import sys
import unicodedata

NCP = 0x110000
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_C = os.path.join(ROOT, "vm", "unicode_db.c")
OUT_EXPECT = os.path.join(ROOT, "tests", "unit", "data",
                          "unicode_db_expect.bin")

# Raw observations, in bit order (kept in step with the test program).
OBS_NAMES = [
    "isalpha", "isdecimal", "isdigit", "isnumeric", "isalnum", "isspace",
    "islower", "isupper", "istitle", "isprintable", "isidentifier",
    "a+c isidentifier", "splitlines", "sigma before", "sigma after",
]

# Property bits of the C records (kept in step with the #defines emitted).
FLAG_NAMES = [
    "ALPHA", "DECIMAL", "DIGIT", "NUMERIC", "SPACE", "LOWER", "UPPER",
    "TITLE", "CASED", "CASE_IGNORABLE", "PRINTABLE", "XID_START",
    "XID_CONTINUE", "LINEBREAK",
]
FLAG = {name: 1 << i for i, name in enumerate(FLAG_NAMES)}

CATEGORIES = [
    "Cn", "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No",
    "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So", "Zs",
    "Zl", "Zp", "Cc", "Cf", "Cs", "Co",
]

CASE_EXT = 1 << 24
SIGMA, SMALL_FINAL_SIGMA = "\u03a3", "\u03c2"


def observe(cp):
    """What CPython says about chr(cp): (bits, category, decimal, digit,
    (lower, upper, title, casefold) as tuples of code points)."""
    c = chr(cp)
    tests = [
        c.isalpha(), c.isdecimal(), c.isdigit(), c.isnumeric(), c.isalnum(),
        c.isspace(), c.islower(), c.isupper(), c.istitle(), c.isprintable(),
        c.isidentifier(), ("a" + c).isidentifier(),
        len(("a" + c + "b").splitlines()) == 2,
        # Final-sigma probes: the sigma takes its final form iff the
        # context rule "cased case-ignorable* SIGMA !(case-ignorable* cased)"
        # holds, which reveals Cased and Case_Ignorable.
        ("A" + c + SIGMA).lower()[-1] == SMALL_FINAL_SIGMA,
        ("A" + SIGMA + c).lower()[1] == SMALL_FINAL_SIGMA,
    ]
    bits = sum(1 << i for i, t in enumerate(tests) if t)
    maps = tuple(tuple(map(ord, s)) for s in
                 (c.lower(), c.upper(), c.title(), c.casefold()))
    return (bits, unicodedata.category(c), unicodedata.decimal(c, -1),
            unicodedata.digit(c, -1), maps)


def check(cond, cp, what):
    if not cond:
        sys.exit("gen_unicode_db: U+%04X: %s" % (cp, what))


def derive_prop(cp, bits, cat, dec, dig):
    """Property record (flags, category index, digit) of a code point with
    these observations, cross-checking CPython's answers."""
    (alpha, decimal, digit, numeric, alnum, space, lower, upper, title1,
     printable, ident, ident_cont, linebreak, sigma_before, sigma_after) = \
        [bool(bits >> i & 1) for i in range(len(OBS_NAMES))]
    lt = cat == "Lt"
    ignorable = sigma_before and sigma_after
    cased = lower or upper or lt
    check(alnum == (alpha or decimal or digit or numeric), cp, "isalnum")
    check(title1 == (lt or upper), cp, "istitle")
    check(decimal == (dec != -1), cp, "decimal")
    check(digit == (dig != -1), cp, "digit")
    check(dec == -1 or dec == dig, cp, "decimal != digit")
    if not ignorable:
        check(cased == (sigma_before and not sigma_after), cp, "cased")
    flags = 0
    for name, on in [
            ("ALPHA", alpha), ("DECIMAL", decimal), ("DIGIT", digit),
            ("NUMERIC", numeric), ("SPACE", space), ("LOWER", lower),
            ("UPPER", upper), ("TITLE", lt), ("CASED", cased),
            ("CASE_IGNORABLE", ignorable), ("PRINTABLE", printable),
            ("XID_START", ident), ("XID_CONTINUE", ident_cont),
            ("LINEBREAK", linebreak)]:
        if on:
            flags |= FLAG[name]
    return flags, CATEGORIES.index(cat), dig


def case_fields(cp, maps, ext_ids, ext_data):
    """Case record (lower, upper, title, casefold fields) of a code point,
    adding its multi-code-point mappings to ext_data."""
    fields = []
    for m in maps:
        check(1 <= len(m) <= 3, cp, "mapping length")
        if len(m) == 1:
            fields.append(m[0] - cp)
            continue
        if m not in ext_ids:
            ext_ids[m] = len(ext_data)
            ext_data.extend(m)
        fields.append(CASE_EXT + (len(m) << 16 | ext_ids[m]))
    return tuple(fields)


# ---------------------------------------------------------------- tables

def elem_type(values):
    top = max(values)
    if top < 1 << 8:
        return "uint8_t", 1
    if top < 1 << 16:
        return "uint16_t", 2
    return "uint32_t", 4


def split(arr, shift):
    """Cut arr into blocks of 1 << shift, deduplicate them: (index, data)."""
    size = 1 << shift
    seen, index, data = {}, [], []
    for i in range(0, len(arr), size):
        block = tuple(arr[i:i + size])
        if block not in seen:
            seen[block] = len(seen)
            data.extend(block)
        index.append(seen[block])
    return index, data


def three_level(arr):
    """Smallest three-level split of arr: (shift1, shift2, top, mid, leaf)
    with arr[cp] == leaf[(mid[(top[cp >> (s1 + s2)] << s2) +
    ((cp >> s1) & mask2)] << s1) + (cp & mask1)]."""
    best = None
    for s1 in range(2, 10):
        idx, leaf = split(arr, s1)
        leaf_bytes = len(leaf) * elem_type(leaf)[1]
        for s2 in range(2, 10):
            if s1 + s2 > 16:
                continue
            top, mid = split(idx, s2)
            size = (leaf_bytes + len(mid) * elem_type(mid)[1] +
                    len(top) * elem_type(top)[1])
            if best is None or size < best[0]:
                best = (size, s1, s2, top, mid, leaf)
    return best[1:]


def intern(table, key):
    if key not in table:
        table[key] = len(table)
    return table[key]


def c_array(decl, values):
    """A C array definition, as many values a line as fit in 79 columns."""
    per_line = max(1, 75 // (max(len(str(v)) for v in values) + 2))
    lines = []
    for i in range(0, len(values), per_line):
        lines.append("    " + ", ".join(str(v) for v in values[i:i + per_line])
                     + ",")
    return "%s = {\n%s\n};\n" % (decl, "\n".join(lines))


def emit_table(name, arr):
    s1, s2, top, mid, leaf = three_level(arr)
    out = ["#define %s_SHIFT1 %d\n#define %s_SHIFT2 %d\n" %
           (name.upper(), s1, name.upper(), s2)]
    for part, values in (("top", top), ("mid", mid), ("leaf", leaf)):
        out.append(c_array("static const %s %s_%s[%d]" %
                           (elem_type(values)[0], name, part, len(values)),
                           values))
    return "\n".join(out)


HEAD = """\
/* unicode_db.c - GENERATED by tools/gen_unicode_db.py from CPython %(pyver)s
 * (Unicode %(unidata)s).  Do not edit: change the generator and rerun it.
 *
 * Invariants: prop_records[0] and case_records[0] are what every code point
 * above 0x10FFFF gets (unassigned Cn, no property bit, mapped to itself).
 * Each table is three levels: top[cp >> (S1 + S2)] picks a block of mid,
 * which picks a deduplicated block of leaf, which holds the record index.
 * A case field below CASE_EXT is a delta added (mod 2^32) to the code
 * point; one >= CASE_EXT is CASE_EXT + (length << 16 | offset) of a
 * 2..3 code point sequence in case_ext.
 */
#include "unicode_db.h"

#define UCD_MAX_CP 0x10FFFFu
#define CASE_EXT 0x%(case_ext)X
%(flag_defines)s
#define F_ALNUM (F_ALPHA | F_DECIMAL | F_DIGIT | F_NUMERIC)

typedef struct PropRecord {
    uint16_t flags;
    uint8_t category;  /* index into category_names */
    int8_t digit;      /* unicodedata.digit value, or -1 */
} PropRecord;

enum { CASE_LOWER, CASE_UPPER, CASE_TITLE, CASE_FOLD };

static const char category_names[][3] = {
%(categories)s
};

static const PropRecord prop_records[%(nprop)d] = {
%(prop_records)s
};

static const int32_t case_records[%(ncase)d][4] = {
%(case_records)s
};

%(case_ext_array)s
/* Property bits of U+0000..U+007F, for the ASCII fast path. */
%(ascii_flags)s
%(prop_table)s
%(case_table)s"""

BODY = """
static const PropRecord *prop_of(uint32_t cp)
{
    uint32_t i;
    if (cp > UCD_MAX_CP)
        return &prop_records[0];
    i = prop_top[cp >> (PROP_SHIFT1 + PROP_SHIFT2)];
    i = prop_mid[(i << PROP_SHIFT2) +
                 ((cp >> PROP_SHIFT1) & ((1u << PROP_SHIFT2) - 1))];
    i = prop_leaf[(i << PROP_SHIFT1) + (cp & ((1u << PROP_SHIFT1) - 1))];
    return &prop_records[i];
}

static unsigned flags_of(uint32_t cp)
{
    if (cp < 128)
        return ascii_flags[cp];
    return prop_of(cp)->flags;
}

/* Each predicate tests one property bit (or, for isalnum, any of four). */
#define UCD_PREDICATE(name, mask) \\
    bool name(uint32_t cp) { return (flags_of(cp) & (mask)) != 0; }

UCD_PREDICATE(ucd_isalpha, F_ALPHA)
UCD_PREDICATE(ucd_isdecimal, F_DECIMAL)
UCD_PREDICATE(ucd_isdigit, F_DIGIT)
UCD_PREDICATE(ucd_isnumeric, F_NUMERIC)
UCD_PREDICATE(ucd_isalnum, F_ALNUM)
UCD_PREDICATE(ucd_isspace, F_SPACE)
UCD_PREDICATE(ucd_islower, F_LOWER)
UCD_PREDICATE(ucd_isupper, F_UPPER)
UCD_PREDICATE(ucd_istitle, F_TITLE)
UCD_PREDICATE(ucd_iscased, F_CASED)
UCD_PREDICATE(ucd_iscaseignorable, F_CASE_IGNORABLE)
UCD_PREDICATE(ucd_isprintable, F_PRINTABLE)
UCD_PREDICATE(ucd_isxid_start, F_XID_START)
UCD_PREDICATE(ucd_isxid_continue, F_XID_CONTINUE)
UCD_PREDICATE(ucd_islinebreak, F_LINEBREAK)

int ucd_decimal(uint32_t cp)
{
    const PropRecord *r;
    if (cp < 128)
        return cp - '0' < 10 ? (int)(cp - '0') : -1;
    r = prop_of(cp);
    return (r->flags & F_DECIMAL) ? r->digit : -1;
}

int ucd_digit(uint32_t cp)
{
    if (cp < 128)
        return cp - '0' < 10 ? (int)(cp - '0') : -1;
    return prop_of(cp)->digit;
}

const char *ucd_category(uint32_t cp)
{
    return category_names[prop_of(cp)->category];
}

static int case_map(uint32_t cp, int which, uint32_t out[3])
{
    uint32_t i, len, off;
    int32_t v;
    if (cp > UCD_MAX_CP) {
        out[0] = cp;
        return 1;
    }
    i = case_top[cp >> (CASE_SHIFT1 + CASE_SHIFT2)];
    i = case_mid[(i << CASE_SHIFT2) +
                 ((cp >> CASE_SHIFT1) & ((1u << CASE_SHIFT2) - 1))];
    i = case_leaf[(i << CASE_SHIFT1) + (cp & ((1u << CASE_SHIFT1) - 1))];
    v = case_records[i][which];
    if (v < CASE_EXT) {
        out[0] = cp + (uint32_t)v;
        return 1;
    }
    len = (uint32_t)(v - CASE_EXT) >> 16;
    off = (uint32_t)(v - CASE_EXT) & 0xFFFFu;
    for (i = 0; i < len; i++)
        out[i] = case_ext[off + i];
    return (int)len;
}

int ucd_lower(uint32_t cp, uint32_t out[3])
{
    if (cp < 128) {
        out[0] = cp - 'A' < 26 ? cp + 32 : cp;
        return 1;
    }
    return case_map(cp, CASE_LOWER, out);
}

int ucd_upper(uint32_t cp, uint32_t out[3])
{
    if (cp < 128) {
        out[0] = cp - 'a' < 26 ? cp - 32 : cp;
        return 1;
    }
    return case_map(cp, CASE_UPPER, out);
}

int ucd_title(uint32_t cp, uint32_t out[3])
{
    if (cp < 128) {
        out[0] = cp - 'a' < 26 ? cp - 32 : cp;
        return 1;
    }
    return case_map(cp, CASE_TITLE, out);
}

int ucd_casefold(uint32_t cp, uint32_t out[3])
{
    if (cp < 128) {
        out[0] = cp - 'A' < 26 ? cp + 32 : cp;
        return 1;
    }
    return case_map(cp, CASE_FOLD, out);
}
"""


def leb128(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def write_expectations(observations):
    records, runs = {}, []
    for cp, (bits, cat, dec, dig, maps) in enumerate(observations):
        rel = tuple((m[0] - cp,) if len(m) == 1 else m for m in maps)
        rid = intern(records, (bits, cat, dec, dig, rel))
        if runs and runs[-1][1] == rid:
            runs[-1][0] += 1
        else:
            runs.append([1, rid])
    blob = bytearray(b"TXUCDX01")
    blob += struct.pack("<I", len(records))
    for bits, cat, dec, dig, rel in records:  # in record index order
        blob += struct.pack("<H2sbb", bits, cat.encode("ascii"), dec, dig)
        for vals in rel:
            blob += struct.pack("<B%di" % len(vals), len(vals), *vals)
    blob += struct.pack("<I", len(runs))
    for length, rid in runs:
        blob += leb128(length) + struct.pack("<H", rid)
    os.makedirs(os.path.dirname(OUT_EXPECT), exist_ok=True)
    with open(OUT_EXPECT, "wb") as f:
        f.write(blob)
    return len(blob)


def main():
    if (sys.version_info[:2] != (3, 11) or
            unicodedata.unidata_version != "14.0.0"):
        sys.exit("gen_unicode_db: needs CPython 3.11 (Unicode 14.0.0), got "
                 "%s (Unicode %s)" % (sys.version.split()[0],
                                      unicodedata.unidata_version))
    observations = [observe(cp) for cp in range(NCP)]

    # Record 0 of each table: the unassigned, unmapped default.
    check(derive_prop(0x10FFFF, *observations[0x10FFFF][:4]) == (0, 0, -1),
          0x10FFFF, "not a plain Cn")
    prop_ids = {(0, 0, -1): 0}
    case_ids = {(0, 0, 0, 0): 0}
    prop_of_obs, ext_ids, ext_data = {}, {}, []
    prop_arr, case_arr = [], []
    for cp, (bits, cat, dec, dig, maps) in enumerate(observations):
        key = (bits, cat, dec, dig)
        if key not in prop_of_obs:
            prop_of_obs[key] = intern(prop_ids,
                                      derive_prop(cp, bits, cat, dec, dig))
        prop_arr.append(prop_of_obs[key])
        case_arr.append(intern(case_ids,
                               case_fields(cp, maps, ext_ids, ext_data)))
    check(len(prop_ids) < 256 and len(ext_data) < 1 << 16, 0, "too many")
    prop_list = list(prop_ids)  # dicts keep insertion order = index order

    flag_defines = "\n".join("#define F_%s 0x%04X" % (n, FLAG[n])
                             for n in FLAG_NAMES)
    categories = "\n".join(
        "    " + " ".join("\"%s\"," % c for c in CATEGORIES[i:i + 10])
        for i in range(0, len(CATEGORIES), 10))
    prop_records = "\n".join("    {0x%04X, %d, %d}," % p for p in prop_list)
    case_records = "\n".join("    {%d, %d, %d, %d}," % c for c in case_ids)
    ascii_flags = c_array("static const uint16_t ascii_flags[128]",
                          ["0x%04X" % prop_list[prop_arr[cp]][0]
                           for cp in range(128)])
    text = HEAD % dict(
        pyver=sys.version.split()[0], unidata=unicodedata.unidata_version,
        case_ext=CASE_EXT, flag_defines=flag_defines, categories=categories,
        nprop=len(prop_ids), prop_records=prop_records,
        ncase=len(case_ids), case_records=case_records,
        ascii_flags=ascii_flags,
        case_ext_array=c_array("static const uint32_t case_ext[%d]"
                               % len(ext_data),
                               ["0x%04X" % c for c in ext_data]),
        prop_table=emit_table("prop", prop_arr),
        case_table=emit_table("case", case_arr))
    with open(OUT_C, "w") as f:
        f.write(text + BODY)
    size = write_expectations(observations)
    print("gen_unicode_db: %d property records, %d case records, "
          "%d extended code points; %s; %s (%d bytes)"
          % (len(prop_ids), len(case_ids), len(ext_data),
             os.path.relpath(OUT_C, ROOT), os.path.relpath(OUT_EXPECT, ROOT),
             size))


if __name__ == "__main__":
    main()
