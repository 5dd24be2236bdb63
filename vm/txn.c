/* txn.c - transactions as the VM sees them: the STM hooks (conflict
 * reports, work done at commit), making the running transaction inevitable
 * before irreversible actions, the GC roots of transaction runs, and the
 * --stm-stats report.
 *
 * Conflict sites are aggregated by (reader file:line, writer file:line,
 * object type) in a small interpreter-wide table guarded by a lock; it is
 * statistics only, never transactional state.
 */
#include "vm.h"
#include <string.h>
#include <stdio.h>
#include <stdlib.h>

void io_emit_committed(VM *vm);

typedef struct ConflictSite {
    const void *rcode, *wcode;
    uint32_t roff, woff;
    const char *type_name;
    uint64_t count;
} ConflictSite;

#define MAX_SITES 256
static struct {
    PlatMutex *lock;
    ConflictSite sites[MAX_SITES];
    int nsites;
    char reader_text[MAX_SITES][160];
} cs;

void txn_init(void) { cs.lock = plat_mutex_new(); }

void vm_become_inevitable(VM *vm, const char *why) {
    (void)why;
    if (vm->in_tx && !vm->tx.inevitable && !vm->tx.direct) stm_become_inevitable(&vm->tx);
}

void txn_trace_vm(GcTracer *g, VM *vm) {
    (void)g;
    (void)vm;
}

/* Called by the STM on the aborting thread. */
void txn_conflict_hook(void *ctx, const StmHdr *obj, StmSite rs, StmSite ws) {
    (void)ctx;
    const char *tn = obj ? ((const Obj *)obj)->type->name : "?";
    plat_mutex_lock(cs.lock);
    int i;
    for (i = 0; i < cs.nsites; i++) {
        ConflictSite *s = &cs.sites[i];
        if (s->rcode == rs.code && s->roff == rs.offset && s->wcode == ws.code && s->woff == ws.offset &&
            s->type_name == tn) {
            s->count++;
            break;
        }
    }
    if (i == cs.nsites && cs.nsites < MAX_SITES) {
        ConflictSite *s = &cs.sites[cs.nsites++];
        s->rcode = rs.code;
        s->roff = rs.offset;
        s->wcode = ws.code;
        s->woff = ws.offset;
        s->type_name = tn;
        s->count = 1;
    }
    plat_mutex_unlock(cs.lock);
}

/* Called under the commit lock, in commit order. */
void txn_committed_hook(void *ctx) {
    VM *vm = ctx;
    io_emit_committed(vm);
}

static void site_text(char *buf, size_t n, const void *code, uint32_t off) {
    if (!code) {
        snprintf(buf, n, "?");
        return;
    }
    const Code *c = code;
    snprintf(buf, n, "%s:%d", str_cstr(c->filename), code_addr2line(c, off));
}

void txn_print_stats(VM *vm) {
    StmStats st;
    stm_stats_add(&vm->tx.stats);
    memset(&vm->tx.stats, 0, sizeof vm->tx.stats);
    stm_stats_get(&st);
    vm_flush_std(vm);
    char line[512];
    snprintf(line, sizeof line,
             "stm: %llu committed, %llu aborted, %llu inevitable; %.3f s in committed transactions, %.3f s lost in aborts\n",
             (unsigned long long)st.commits, (unsigned long long)st.aborts, (unsigned long long)st.inevitable,
             (double)st.ns_committed / 1e9, (double)st.ns_aborted / 1e9);
    plat_write(2, line, strlen(line));
    plat_mutex_lock(cs.lock);
    /* top sites by count */
    for (int shown = 0; shown < 10; shown++) {
        int best = -1;
        for (int i = 0; i < cs.nsites; i++)
            if (cs.sites[i].count && (best < 0 || cs.sites[i].count > cs.sites[best].count)) best = i;
        if (best < 0) break;
        ConflictSite *s = &cs.sites[best];
        char r[200], w[200];
        site_text(r, sizeof r, s->rcode, s->roff);
        site_text(w, sizeof w, s->wcode, s->woff);
        snprintf(line, sizeof line, "stm: conflict x%llu: read at %s, written at %s (%s object)\n",
                 (unsigned long long)s->count, r, w, s->type_name);
        plat_write(2, line, strlen(line));
        s->count = 0;
    }
    plat_mutex_unlock(cs.lock);
}
