/* mod_time.c - the time module. */
#include "vm.h"
#include <string.h>
#include <stdio.h>
#include <math.h>

#define M(name) static Value name(VM *vm, Value *args, int nargs, Value kw)
#define UNUSED (void)nargs; (void)kw; (void)args

M(t_time) { UNUSED; (void)vm; return v_from_float((double)plat_time_ns() / 1e9); }
M(t_time_ns) { UNUSED; return int_from_i64(vm, plat_time_ns()); }
M(t_perf_counter) { UNUSED; (void)vm; return v_from_float((double)plat_monotonic_ns() / 1e9); }
M(t_perf_counter_ns) { UNUSED; return int_from_i64(vm, plat_monotonic_ns()); }
M(t_process_time) { UNUSED; (void)vm; return v_from_float((double)plat_process_time_ns() / 1e9); }
M(t_process_time_ns) { UNUSED; return int_from_i64(vm, plat_process_time_ns()); }
M(t_thread_time) { UNUSED; (void)vm; return v_from_float((double)plat_thread_time_ns() / 1e9); }

M(t_sleep) {
    (void)nargs; (void)kw;
    double s;
    /* CPython's _PyTime_FromSecondsObject: a float, else an integer */
    if (!v_is_float(args[0]) && !v_isinstance_of(args[0], &type_float) && !v_type(args[0])->nb_index && !v_is_intlike(args[0]))
        return vm_raise(vm, &exc_TypeError, "'%s' object cannot be interpreted as an integer", v_type(args[0])->name);
    if (!v_to_double(vm, args[0], &s)) return VNULL;
    if (s < 0) return vm_raise(vm, &exc_ValueError, "sleep length must be non-negative");
    if (isnan(s)) return vm_raise(vm, &exc_ValueError, "Invalid value NaN (not a number)");
    /* A thread's slice ends before it sleeps (nothing to keep atomic);
     * inside a transaction or an atomic block, sleeping is an irrevocable
     * wait: the transaction becomes inevitable first. */
    bool slice = vm->threaded && (vm->tx_kind == TXK_SLICE || vm->tx_kind == TXK_MINI) && vm->atomic_depth == 0;
    if (slice) txn_before_wait(vm);
    else vm_become_inevitable(vm, "time.sleep()");
    int64_t ns = (int64_t)(s * 1e9), end = plat_monotonic_ns() + ns;
    for (;;) {
        int64_t left = end - plat_monotonic_ns();
        if (left <= 0) break;
        vm_park(vm);
        plat_sleep_ns(left > 50000000 ? 50000000 : left);
        vm_unpark(vm);
        if (plat_stop_requested()) {
            plat_clear_stop();
            if (slice) txn_after_wait(vm);
            return vm_raise_value(vm, v_from_ptr(&exc_KeyboardInterrupt));
        }
    }
    if (slice) txn_after_wait(vm);
    return V_NONE;
}

/* struct_time as a tuple with names */
static const char *const st_names[] = {"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"};
Type type_struct_time;

static Value st_getattro(VM *vm, Value obj, Value name) {
    const char *s = str_cstr(name);
    for (int i = 0; i < 9; i++)
        if (!strcmp(st_names[i], s)) return tuple_items(obj)[i];
    return generic_getattr(vm, obj, name);
}

static Value st_repr(VM *vm, Value obj) {
    StrBuf sb = STRBUF_INIT;
    sb_puts(&sb, "time.struct_time(");
    for (int i = 0; i < 9; i++) {
        char buf[48];
        snprintf(buf, sizeof buf, "%s%s=%lld", i ? ", " : "", st_names[i], (long long)v_int(tuple_items(obj)[i]));
        sb_puts(&sb, buf);
    }
    sb_putc(&sb, ')');
    return str_from_sb(vm, &sb);
}

static Value make_struct_time(VM *vm, const PlatTm *t) {
    Value v[9] = {v_from_small(t->year + 1900), v_from_small(t->mon + 1), v_from_small(t->mday), v_from_small(t->hour),
                  v_from_small(t->min), v_from_small(t->sec), v_from_small((t->wday + 6) % 7), v_from_small(t->yday + 1),
                  v_from_small(t->isdst)};
    Value tup = tuple_from_array(vm, v, 9);
    if (tup) OBJ(tup)->type = &type_struct_time;
    return tup;
}

static bool get_secs(VM *vm, Value *args, int nargs, int64_t *out) {
    if (nargs == 0 || args[0] == V_NONE) { *out = plat_time_ns() / 1000000000; return true; }
    double d;
    if (!v_to_double(vm, args[0], &d)) return false;
    *out = (int64_t)floor(d);
    return true;
}

M(t_localtime) {
    (void)kw;
    int64_t s;
    if (!get_secs(vm, args, nargs, &s)) return VNULL;
    PlatTm tm;
    if (!plat_localtime(s, &tm)) return vm_raise(vm, &exc_OverflowError, "timestamp out of range for platform time_t");
    return make_struct_time(vm, &tm);
}

M(t_gmtime) {
    (void)kw;
    int64_t s;
    if (!get_secs(vm, args, nargs, &s)) return VNULL;
    PlatTm tm;
    if (!plat_gmtime(s, &tm)) return vm_raise(vm, &exc_OverflowError, "timestamp out of range for platform time_t");
    return make_struct_time(vm, &tm);
}

static bool tm_from(VM *vm, Value v, PlatTm *tm) {
    Value t = vm_sequence_to_tuple(vm, v);
    if (!t) return false;
    if (tuple_len(t) != 9) { vm_raise(vm, &exc_TypeError, "time.struct_time() takes a 9-sequence"); return false; }
    int64_t f[9];
    for (int i = 0; i < 9; i++)
        if (!vm_index_i64(vm, tuple_items(t)[i], &f[i], NULL)) return false;
    memset(tm, 0, sizeof *tm);
    tm->year = (int)f[0] - 1900; tm->mon = (int)f[1] - 1; tm->mday = (int)f[2]; tm->hour = (int)f[3];
    tm->min = (int)f[4]; tm->sec = (int)f[5]; tm->wday = (int)(f[6] + 1) % 7; tm->yday = (int)f[7] - 1; tm->isdst = (int)f[8];
    return true;
}

M(t_mktime) {
    (void)nargs; (void)kw;
    PlatTm tm;
    if (!tm_from(vm, args[0], &tm)) return VNULL;
    int64_t r = plat_mktime(&tm);
    return v_from_float((double)r);
}

static const char *const wdays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
static const char *const wdays_full[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
static const char *const months_full[] = {"January", "February", "March", "April", "May", "June", "July", "August",
                                          "September", "October", "November", "December"};

static void fmt_tm(StrBuf *sb, const char *fmt, const PlatTm *tm) {
    char buf[64];
    int wd = (tm->wday + 6) % 7;
    for (const char *p = fmt; *p; p++) {
        if (*p != '%' || !p[1]) { sb_putc(sb, *p); continue; }
        p++;
        switch (*p) {
        case 'Y': snprintf(buf, sizeof buf, "%d", tm->year + 1900); break;
        case 'y': snprintf(buf, sizeof buf, "%02d", (tm->year + 1900) % 100); break;
        case 'm': snprintf(buf, sizeof buf, "%02d", tm->mon + 1); break;
        case 'd': snprintf(buf, sizeof buf, "%02d", tm->mday); break;
        case 'H': snprintf(buf, sizeof buf, "%02d", tm->hour); break;
        case 'I': snprintf(buf, sizeof buf, "%02d", tm->hour % 12 ? tm->hour % 12 : 12); break;
        case 'M': snprintf(buf, sizeof buf, "%02d", tm->min); break;
        case 'S': snprintf(buf, sizeof buf, "%02d", tm->sec); break;
        case 'p': snprintf(buf, sizeof buf, "%s", tm->hour < 12 ? "AM" : "PM"); break;
        case 'a': snprintf(buf, sizeof buf, "%s", wdays[wd]); break;
        case 'A': snprintf(buf, sizeof buf, "%s", wdays_full[wd]); break;
        case 'b': snprintf(buf, sizeof buf, "%s", months[tm->mon % 12]); break;
        case 'B': snprintf(buf, sizeof buf, "%s", months_full[tm->mon % 12]); break;
        case 'j': snprintf(buf, sizeof buf, "%03d", tm->yday + 1); break;
        case 'w': snprintf(buf, sizeof buf, "%d", tm->wday); break;
        case 'Z': snprintf(buf, sizeof buf, "%s", tm->zone); break;
        case 'z': snprintf(buf, sizeof buf, "%c%02ld%02ld", tm->gmtoff < 0 ? '-' : '+', labs(tm->gmtoff) / 3600, (labs(tm->gmtoff) / 60) % 60); break;
        case '%': snprintf(buf, sizeof buf, "%%"); break;
        case 'c': snprintf(buf, sizeof buf, "%s %s %2d %02d:%02d:%02d %d", wdays[wd], months[tm->mon % 12], tm->mday, tm->hour, tm->min, tm->sec, tm->year + 1900); break;
        case 'x': snprintf(buf, sizeof buf, "%02d/%02d/%02d", tm->mon + 1, tm->mday, (tm->year + 1900) % 100); break;
        case 'X': snprintf(buf, sizeof buf, "%02d:%02d:%02d", tm->hour, tm->min, tm->sec); break;
        default: snprintf(buf, sizeof buf, "%%%c", *p); break;
        }
        sb_puts(sb, buf);
    }
}

M(t_strftime) {
    (void)kw;
    if (!IS_STR(args[0])) return vm_raise(vm, &exc_TypeError, "strftime() argument 1 must be str, not %s", v_type(args[0])->name);
    PlatTm tm;
    if (nargs > 1) {
        if (!tm_from(vm, args[1], &tm)) return VNULL;
    } else if (!plat_localtime(plat_time_ns() / 1000000000, &tm)) {
        return vm_raise(vm, &exc_OSError, "localtime failed");
    }
    StrBuf sb = STRBUF_INIT;
    fmt_tm(&sb, str_cstr(args[0]), &tm);
    return str_from_sb(vm, &sb);
}

M(t_asctime) {
    (void)kw;
    PlatTm tm;
    if (nargs > 0) { if (!tm_from(vm, args[0], &tm)) return VNULL; }
    else if (!plat_localtime(plat_time_ns() / 1000000000, &tm)) return vm_raise(vm, &exc_OSError, "localtime failed");
    StrBuf sb = STRBUF_INIT;
    fmt_tm(&sb, "%c", &tm);
    return str_from_sb(vm, &sb);
}

M(t_ctime) {
    (void)kw;
    int64_t s;
    if (!get_secs(vm, args, nargs, &s)) return VNULL;
    PlatTm tm;
    if (!plat_localtime(s, &tm)) return vm_raise(vm, &exc_OverflowError, "timestamp out of range for platform time_t");
    StrBuf sb = STRBUF_INIT;
    fmt_tm(&sb, "%c", &tm);
    return str_from_sb(vm, &sb);
}

static const MethodDef time_defs[] = {
    {"time", t_time, 0, 0, 0, NULL}, {"time_ns", t_time_ns, 0, 0, 0, NULL},
    {"perf_counter", t_perf_counter, 0, 0, 0, NULL}, {"perf_counter_ns", t_perf_counter_ns, 0, 0, 0, NULL},
    {"monotonic", t_perf_counter, 0, 0, 0, NULL}, {"monotonic_ns", t_perf_counter_ns, 0, 0, 0, NULL},
    {"process_time", t_process_time, 0, 0, 0, NULL}, {"process_time_ns", t_process_time_ns, 0, 0, 0, NULL},
    {"thread_time", t_thread_time, 0, 0, 0, NULL}, {"sleep", t_sleep, 1, 1, 0, NULL},
    {"localtime", t_localtime, 0, 1, 0, NULL}, {"gmtime", t_gmtime, 0, 1, 0, NULL}, {"mktime", t_mktime, 1, 1, 0, NULL},
    {"strftime", t_strftime, 1, 2, 0, NULL}, {"asctime", t_asctime, 0, 1, 0, NULL}, {"ctime", t_ctime, 0, 1, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};

#define STATIC_HDR {{0}, OBJ_STATIC, 0, &type_type}
Type type_struct_time = { .base = STATIC_HDR, .name = "time.struct_time", .basicsize = sizeof(Tuple),
                          .tp_getattro = st_getattro, .tp_repr = st_repr };

Value mod_time_init(VM *vm) {
    if (!type_struct_time.dict) {
        type_struct_time.base_type = &type_tuple;
        type_ready(&type_struct_time);
    }
    Value m = vm_new_module(vm, "time");
    if (!m) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, m);
    Value d = AS(Module, m)->dict;
    for (const MethodDef *def = time_defs; def->name; def++)
        dict_set_cstr(vm, d, def->name, builtin_function_new(vm, def, m, VNULL));
    dict_set_cstr(vm, d, "struct_time", v_from_ptr(&type_struct_time));
    PlatTm tm;
    if (plat_localtime(plat_time_ns() / 1000000000, &tm)) {
        dict_set_cstr(vm, d, "timezone", v_from_small(-tm.gmtoff));
        dict_set_cstr(vm, d, "altzone", v_from_small(-tm.gmtoff - 3600));
        dict_set_cstr(vm, d, "daylight", v_from_small(0));
        Value z = str_from_cstr(vm, tm.zone);
        dict_set_cstr(vm, d, "tzname", tuple_pack(vm, 2, z, z));
    }
    ROOTS_RESET(vm);
    return vm->exc ? VNULL : m;
}
