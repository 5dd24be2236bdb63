/* setjmp.h - for the WASI build only (wasi-libc has no setjmp/longjmp:
 * WebAssembly cannot unwind its own stack without the exception-handling
 * proposal, which not every WASI runtime implements).
 *
 * txpy's only setjmp users are the STM's transaction restarts (stm/, and
 * vm/ around transactions and thread slices).  The WASI build is
 * single-threaded with TXPY_STM=OFF: transactions run one after another,
 * never conflict and never abort, so no longjmp is ever made and setjmp's
 * direct return (0) is the only one.  longjmp is still defined, in
 * platform/wasm/plat_wasi.c, to stop the program with a message should
 * that invariant ever break.
 */
#ifndef TXPY_WASI_SETJMP_H
#define TXPY_WASI_SETJMP_H

typedef struct { int unused; } jmp_buf[1];

#define setjmp(env) ((void)(env), 0)
_Noreturn void longjmp(jmp_buf env, int val);

#endif
