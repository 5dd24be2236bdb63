/* dis.c - a disassembler for debugging the compiler: with the environment
 * variable TXPY_DIS set, every compiled code object is printed to stderr. */
#include "vm.h"
#include <stdio.h>

static const char *const op_names[] = {
#define OP(name, flags, effect, comment) #name,
#include "opcodes.h"
};
static const unsigned char op_flags[] = {
#define J 1
#define C 2
#define K 4
#define V 8
#define OP(name, flags, effect, comment) flags,
#include "opcodes.h"
#undef J
#undef C
#undef K
#undef V
};

void code_dump(Code *co, int depth) {
    if (depth > 8) return;
    fprintf(stderr, "== code %s (%s:%d) args=%d locals=%d cells=%d free=%d stack=%d blocks=%d flags=%x\n",
            str_cstr(co->qualname), str_cstr(co->filename), co->firstlineno, co->argcount, co->nlocals, co->ncells,
            co->nfree, co->stacksize, co->nblocks, co->flags);
    for (int64_t i = 0; i < co->ncode; i++) {
        uint32_t w = co->code[i];
        unsigned op = w & 0xFF;
        fprintf(stderr, "%5lld %4d  %-22s %u", (long long)i, code_addr2line(co, i), op < sizeof op_names / sizeof op_names[0] ? op_names[op] : "?", w >> 8);
        if (op_flags[op] & 6) fprintf(stderr, "  [%u]", co->code[++i]);
        fputc('\n', stderr);
    }
    for (int64_t k = 0; k < tuple_len(co->consts); k++) {
        Value v = tuple_items(co->consts)[k];
        if (v_is_type(v, &type_code)) code_dump(AS(Code, v), depth + 1);
    }
}
