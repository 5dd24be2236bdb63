/* plat_emscripten.c - the parts of platform.h that differ under Emscripten;
 * platform/native/plat_posix.c provides the rest (Emscripten's pthreads are
 * Web Workers sharing the wasm memory, its file calls reach the host's
 * files through NODERAWFS in the command line, or the in-memory FS of the
 * JS API).
 *
 * Invariants: the memory limit leaves room below the wasm heap's maximum
 * for C stacks and malloc'd buffers, so the GC raises MemoryError before
 * malloc fails; a smaller limit can be set before the VM starts (the JS
 * API's memoryLimitMB through plat_wasm_set_memory_limit, or the
 * environment variable TXPY_MEMORY_MB), never a larger one; the stop flag
 * is one aligned 32-bit word of the shared memory whose address JavaScript
 * reads once (plat_wasm_stop_flag) and then sets with Atomics.store from
 * any thread.
 */
#include "platform.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <emscripten.h>
#include <emscripten/heap.h>

extern _Atomic int plat_stop_flag;

static _Atomic size_t memory_cap;       /* bytes; 0: none set */

/* Cap the memory the GC may use (mb MiB; <= 0 removes the cap).  Read once
 * when the VM starts: call it before. */
EMSCRIPTEN_KEEPALIVE void plat_wasm_set_memory_limit(double mb) {
    atomic_store(&memory_cap, mb > 0 && mb < 2048 ? (size_t)(mb * 1048576.0) : 0);
}

size_t plat_memory_limit(void) {
    size_t max = emscripten_get_heap_max();
    size_t limit = max - max / 8;
    size_t cap = atomic_load(&memory_cap);
    if (!cap) {
        const char *env = getenv("TXPY_MEMORY_MB");
        double mb = env ? strtod(env, NULL) : 0;
        if (mb > 0 && mb < 2048) cap = (size_t)(mb * 1048576.0);
    }
    return cap && cap < limit ? cap : limit;
}

/* Address of the stop flag in the wasm memory, for JavaScript. */
EMSCRIPTEN_KEEPALIVE uintptr_t plat_wasm_stop_flag(void) {
    return (uintptr_t)&plat_stop_flag;
}
