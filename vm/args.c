/* args.c - checking and unpacking the arguments of built-in functions.
 *
 * vm_parse_args maps positional and keyword arguments onto a parameter
 * list, with CPython's error messages for the usual mistakes.  Parameters
 * named "" are positional-only and unnamed.
 */
#include "vm.h"
#include <string.h>

bool vm_parse_args(VM *vm, const char *fname, Value *args, int nargs, Value kwnames,
                   const char *const *names, int npos_only, int nreq, Value *out) {
    int nparams = 0;
    while (names[nparams]) nparams++;
    for (int i = 0; i < nparams; i++) out[i] = VNULL;
    if (nargs > nparams) {
        if (nparams == 0) vm_raise(vm, &exc_TypeError, "%s() takes no arguments (%d given)", fname, nargs);
        else vm_raise(vm, &exc_TypeError, "%s() takes at most %d argument%s (%d given)", fname, nparams, nparams == 1 ? "" : "s", nargs);
        return false;
    }
    for (int i = 0; i < nargs; i++) out[i] = args[i];
    int nk = kwnames ? (int)tuple_len(kwnames) : 0;
    for (int k = 0; k < nk; k++) {
        const char *kn = str_cstr(tuple_items(kwnames)[k]);
        int j;
        for (j = 0; j < nparams; j++)
            if (names[j][0] && !strcmp(names[j], kn)) break;
        if (j == nparams) {
            vm_raise(vm, &exc_TypeError, "'%s' is an invalid keyword argument for %s()", kn, fname);
            return false;
        }
        if (j < npos_only) {
            vm_raise(vm, &exc_TypeError, "%s() got some positional-only arguments passed as keyword arguments: '%s'", fname, kn);
            return false;
        }
        if (out[j]) {
            vm_raise(vm, &exc_TypeError, "argument for %s() given by name ('%s') and position (%d)", fname, kn, j + 1);
            return false;
        }
        out[j] = args[nargs + k];
    }
    for (int i = 0; i < nreq; i++) {
        if (!out[i]) {
            if (names[i][0])
                vm_raise(vm, &exc_TypeError, "%s() missing required argument '%s' (pos %d)", fname, names[i], i + 1);
            else
                vm_raise(vm, &exc_TypeError, "%s() takes at least %d argument%s (%d given)", fname, nreq, nreq == 1 ? "" : "s", nargs);
            return false;
        }
    }
    return true;
}

bool vm_no_kwargs(VM *vm, const char *fname, Value kwnames) {
    if (kwnames && tuple_len(kwnames)) {
        vm_raise(vm, &exc_TypeError, "%s() takes no keyword arguments", fname);
        return false;
    }
    return true;
}

bool vm_check_nargs(VM *vm, const char *fname, int nargs, int min, int max) {
    if (nargs < min || (max >= 0 && nargs > max)) {
        if (min == max) vm_raise(vm, &exc_TypeError, "%s expected %d argument%s, got %d", fname, min, min == 1 ? "" : "s", nargs);
        else if (nargs < min) vm_raise(vm, &exc_TypeError, "%s expected at least %d argument%s, got %d", fname, min, min == 1 ? "" : "s", nargs);
        else vm_raise(vm, &exc_TypeError, "%s expected at most %d argument%s, got %d", fname, max, max == 1 ? "" : "s", nargs);
        return false;
    }
    return true;
}
