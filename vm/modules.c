/* modules.c - the table of built-in C modules (import.c searches it). */
#include "vm.h"

typedef struct BuiltinModule { const char *name; ModuleInitFn init; } BuiltinModule;

Value mod_math_init(VM *vm);
Value mod_time_init(VM *vm);
Value mod_transaction_init(VM *vm);
Value mod_thread_init(VM *vm);
Value mod_collections_init(VM *vm);
Value mod_operator_init(VM *vm);
Value mod_itertools_init(VM *vm);
Value mod_functools_init(VM *vm);
Value mod_random_init(VM *vm);

const BuiltinModule builtin_modules[] = {
    {"math", mod_math_init},
    {"time", mod_time_init},
    {"transaction", mod_transaction_init},
    {"_thread", mod_thread_init},
    {"_collections", mod_collections_init},
    {"_operator", mod_operator_init},
    {"itertools", mod_itertools_init},
    {"_functools", mod_functools_init},
    {"_random", mod_random_init},
    {NULL, NULL}
};
