/* main.c - the txpy command line (native and Emscripten builds).
 *
 *   txpy [options] file.py [args...]   run a file
 *   txpy [options] -c code [args...]   run a string
 *   txpy [options] - [args...]         run the program read from stdin
 *   txpy [options]                     REPL on a terminal, else read stdin
 *
 * Options: --workers N (also TXPY_WORKERS), --stm-stats, --version, --help.
 * Exit status: 0 ok, 1 uncaught exception, 2 usage error, or sys.exit's.
 */
#define _GNU_SOURCE
#include "../../vm/vm.h"
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern _Atomic int plat_stop_flag;
int vm_repl(VM *vm);
void txn_print_stats(VM *vm);

static void on_sigint(int sig) {
    (void)sig;
    atomic_store(&plat_stop_flag, 1);
}

static const char usage_text[] =
    "usage: txpy [option] ... [-c cmd | file | -] [arg] ...\n"
    "Options:\n"
    "-c cmd         : program passed in as string (terminates option list)\n"
    "-h, --help     : print this help message and exit\n"
    "-V, --version  : print the txpy version number and exit\n"
    "--workers N    : run transactions on N workers (default: number of cores;\n"
    "                 also the TXPY_WORKERS environment variable)\n"
    "--stm-stats    : print transaction statistics to stderr at exit\n"
    "file           : program read from script file\n"
    "-              : program read from stdin (default; interactive mode if a tty)\n"
    "arg ...        : arguments passed to program in sys.argv[1:]\n";

static int usage_error(const char *fmt, const char *arg) {
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "usage: txpy [option] ... [-c cmd | file | -] [arg] ...\nTry `txpy -h' for more information.\n");
    return 2;
}

static char *read_all_stdin(size_t *len) {
    size_t cap = 4096, n = 0;
    char *b = malloc(cap);
    if (!b) return NULL;
    for (;;) {
        if (n + 1 >= cap) {
            char *nb = realloc(b, cap * 2);
            if (!nb) { free(b); return NULL; }
            b = nb;
            cap *= 2;
        }
        int64_t r = plat_read(0, b + n, cap - n - 1);
        if (r <= 0) break;
        n += (size_t)r;
    }
    b[n] = 0;
    *len = n;
    return b;
}

static char *dir_of(const char *path) {
    const char *slash = strrchr(path, '/');
    if (!slash) return strdup("");
    size_t n = (size_t)(slash - path);
    char *d = malloc(n + 2);
    if (!d) return NULL;
    if (n == 0) { d[0] = '/'; d[1] = 0; return d; }
    memcpy(d, path, n);
    d[n] = 0;
    return d;
}

int main(int argc, char **argv) {
    int i = 1;
    const char *code = NULL, *file = NULL;
    bool from_stdin = false, stats = false;
    int workers = 0;
    const char *env_workers = getenv("TXPY_WORKERS");
    if (env_workers && *env_workers) workers = atoi(env_workers);
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-c")) {
            if (i + 1 >= argc) return usage_error("Argument expected for the -c option\n", "");
            code = argv[++i];
            i++;
            break;
        }
        if (!strcmp(a, "-")) { from_stdin = true; i++; break; }
        if (!strcmp(a, "--version") || !strcmp(a, "-V")) {
            printf("txpy %s (Python %s compatible)\n", TXPY_VERSION, TXPY_PY_VERSION);
            return 0;
        }
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(usage_text, stdout);
            return 0;
        }
        if (!strcmp(a, "--stm-stats")) { stats = true; continue; }
        if (!strcmp(a, "--workers") || !strncmp(a, "--workers=", 10)) {
            const char *v = a[9] == '=' ? a + 10 : (i + 1 < argc ? argv[++i] : NULL);
            if (!v || atoi(v) < 1) return usage_error("--workers needs a positive number%s\n", "");
            workers = atoi(v);
            continue;
        }
        if (a[0] == '-' && a[1]) {
            if (a[1] == '-') return usage_error("unknown option %s\n", a);
            return usage_error("Unknown option: %s\n", a);
        }
        file = a;
        i++;
        break;
    }
    VM *vm = vm_main_init();
    if (!vm) {
        fprintf(stderr, "txpy: initialization failed\n");
        return 1;
    }
    if (workers > 0) G->nworkers = workers;
    G->stm_stats = stats;
    stm_set_timing(stats);      /* the clock reads per transaction cost ~50 ns */
    if (stats) txn_events_reset();
    signal(SIGINT, on_sigint);
    signal(SIGPIPE, SIG_IGN);

    /* sys.argv and sys.path[0] */
    char *argv0 = (char *)(code ? "-c" : from_stdin ? "-" : file ? file : "");
    sys_set_argv(vm, 1, &argv0);
    sys_set_argv(vm, argc - i, argv + i);
    char *d = file ? dir_of(file) : strdup("");
    list_append(vm, G->sys_path, str_from_cstr(vm, d ? d : ""));
    free(d);

    int rc;
    if (code) {
        rc = vm_run_main_string(vm, code, strlen(code), "<string>");
    } else if (file) {
        if (plat_stat_kind(file) == 2) {
            fprintf(stderr, "txpy: can't find '__main__' module in '%s'\n", file);
            return 1;
        }
        rc = vm_run_main_file(vm, file);
        if (rc < 0) {
            char resolved[4096];
            const char *shown = file;
            if (file[0] != '/' && plat_getcwd(resolved, sizeof resolved - strlen(file) - 2)) {
                strcat(resolved, "/");
                strcat(resolved, file);
                shown = resolved;
            }
            fprintf(stderr, "txpy: can't open file '%s': [Errno 2] No such file or directory\n", shown);
            return 2;
        }
    } else if (!from_stdin && plat_isatty(0)) {
        G->interactive = true;
        rc = vm_repl(vm);
    } else {
        size_t len;
        char *src = read_all_stdin(&len);
        if (!src) {
            fprintf(stderr, "txpy: out of memory reading stdin\n");
            return 1;
        }
        rc = vm_run_main_string(vm, src, len, "<stdin>");
        free(src);
    }
    if (stats) txn_print_stats(vm);
    vm_finalize(vm);
    return rc;
}
