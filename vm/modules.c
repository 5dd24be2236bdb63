/* modules.c - the table of built-in C modules (import.c searches it). */
#include "vm.h"

typedef struct BuiltinModule { const char *name; ModuleInitFn init; } BuiltinModule;

Value mod_math_init(VM *vm);
Value mod_time_init(VM *vm);
Value mod_collections_init(VM *vm);

const BuiltinModule builtin_modules[] = {
    {"math", mod_math_init},
    {"time", mod_time_init},
    {"_collections", mod_collections_init},
    {NULL, NULL}
};
