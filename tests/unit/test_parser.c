/* test_parser.c - drives the txpy parser (vm/parser.c) for the comparison
 * scripts in tests/parser/: parses files or snippets and prints the tree in
 * a positional dump format, or the error fields.
 *
 * Usage:
 *   test_parser [-m exec|eval|single] FILE...     dump each file ("== FILE" first)
 *   test_parser --crc FILE...                     one line per file: crc32 and
 *                                                  length of the dump, or ERR ...
 *   test_parser --batch                           read records "MODE LEN\n<LEN bytes>"
 *                                                  from stdin, print one line each
 *   test_parser --time FILE...                    parse each file 20 times, print MB/s
 *   test_parser --needs-more                      batch records; prints 1 or 0 per
 *                                                  record (ast_needs_more_input)
 *   test_parser --status                          batch records; prints OK or the error
 *                                                  (no dump: for very deep trees)
 *
 * Dump format (tests/parser/astdump.py writes the same from Python's ast):
 * Kind(field, ...)@line:col-endline:endcol, fields in CPython's order
 * without type_comment, kind and is_async; lists [a, b]; None; contexts and
 * operators by name; identifiers and str/bytes constants quoted with
 * non-printable and non-ASCII bytes as \xNN; ints i<literal text>, floats
 * f<%.17g>, imaginary c<%.17g>.
 * An error prints: ERR Kind|msg|lineno|offset|end_lineno|end_offset
 */
#include "../../vm/ast.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- output with an optional running crc32 ---- */

typedef struct Out {
    FILE *f;            /* NULL: only the crc */
    uint32_t crc;
    size_t len;
} Out;

static uint32_t crc_table[256];

static void crc_init(void) {
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
    }
}

static void out_bytes(Out *o, const char *s, size_t n) {
    if (o->f)
        fwrite(s, 1, n, o->f);
    uint32_t c = ~o->crc;
    for (size_t i = 0; i < n; i++)
        c = crc_table[(c ^ (unsigned char)s[i]) & 0xFF] ^ (c >> 8);
    o->crc = ~c;
    o->len += n;
}

static void out_s(Out *o, const char *s) { out_bytes(o, s, strlen(s)); }

static void out_f(Out *o, const char *fmt, ...) {
    char buf[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    out_bytes(o, buf, (size_t)n);
}

static void out_quoted(Out *o, const char *s, size_t n) {
    out_s(o, "'");
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c >= 0x7f || c == '\'' || c == '\\')
            out_f(o, "\\x%02x", c);
        else
            out_bytes(o, (const char *)&c, 1);
    }
    out_s(o, "'");
}

static void out_ident(Out *o, const char *s) {
    if (s)
        out_quoted(o, s, strlen(s));
    else
        out_s(o, "None");
}

static void out_pos(Out *o, int l, int c, int el, int ec) { out_f(o, "@%d:%d-%d:%d", l, c, el, ec); }

/* ---- the dump ---- */

static void dump_expr(Out *o, const AstExpr *e);
static void dump_stmts(Out *o, AstStmtList l);

static void dump_exprs(Out *o, AstExprList l) {
    out_s(o, "[");
    for (size_t i = 0; i < l.n; i++) {
        if (i)
            out_s(o, ", ");
        dump_expr(o, l.items[i]);
    }
    out_s(o, "]");
}

static const char *ctx_name(AstCtx c) { return c == CTX_LOAD ? "Load" : c == CTX_STORE ? "Store" : "Del"; }

static const char *op_name(AstOperator op) {
    static const char *const n[] = {"Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow",
                                    "LShift", "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv"};
    return n[op];
}

static const char *cmp_name(AstCmpOp op) {
    static const char *const n[] = {"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"};
    return n[op];
}

static void dump_arg(Out *o, const AstArg *a) {
    if (!a) {
        out_s(o, "None");
        return;
    }
    out_s(o, "arg(");
    out_ident(o, a->arg);
    out_s(o, ", ");
    dump_expr(o, a->annotation);
    out_s(o, ")");
    out_pos(o, a->lineno, a->col, a->end_lineno, a->end_col);
}

static void dump_args(Out *o, AstArgList l) {
    out_s(o, "[");
    for (size_t i = 0; i < l.n; i++) {
        if (i)
            out_s(o, ", ");
        dump_arg(o, l.items[i]);
    }
    out_s(o, "]");
}

static void dump_arguments(Out *o, const AstArguments *a) {
    out_s(o, "arguments(");
    dump_args(o, a->posonlyargs);
    out_s(o, ", ");
    dump_args(o, a->args);
    out_s(o, ", ");
    dump_arg(o, a->vararg);
    out_s(o, ", ");
    dump_args(o, a->kwonlyargs);
    out_s(o, ", ");
    dump_exprs(o, a->kw_defaults);
    out_s(o, ", ");
    dump_arg(o, a->kwarg);
    out_s(o, ", ");
    dump_exprs(o, a->defaults);
    out_s(o, ")");
}

static void dump_keywords(Out *o, AstKeywordList l) {
    out_s(o, "[");
    for (size_t i = 0; i < l.n; i++) {
        const AstKeyword *k = l.items[i];
        if (i)
            out_s(o, ", ");
        out_s(o, "keyword(");
        out_ident(o, k->arg);
        out_s(o, ", ");
        dump_expr(o, k->value);
        out_s(o, ")");
        out_pos(o, k->lineno, k->col, k->end_lineno, k->end_col);
    }
    out_s(o, "]");
}

static void dump_generators(Out *o, AstComprehensionList l) {
    out_s(o, "[");
    for (size_t i = 0; i < l.n; i++) {
        const AstComprehension *c = l.items[i];
        if (i)
            out_s(o, ", ");
        out_s(o, "comprehension(");
        dump_expr(o, c->target);
        out_s(o, ", ");
        dump_expr(o, c->iter);
        out_s(o, ", ");
        dump_exprs(o, c->ifs);
        out_s(o, ")");
    }
    out_s(o, "]");
}

static void dump_constant(Out *o, const AstConst *c) {
    switch (c->kind) {
    case CONST_NONE: out_s(o, "None"); break;
    case CONST_TRUE: out_s(o, "True"); break;
    case CONST_FALSE: out_s(o, "False"); break;
    case CONST_ELLIPSIS: out_s(o, "..."); break;
    case CONST_INT: out_s(o, "i"); out_bytes(o, c->text.s, c->text.len); break;
    case CONST_FLOAT: out_f(o, "f%.17g", c->f); break;
    case CONST_IMAG: out_f(o, "c%.17g", c->f); break;
    case CONST_STR: out_s(o, "s"); out_quoted(o, c->text.s, c->text.len); break;
    case CONST_BYTES: out_s(o, "b"); out_quoted(o, c->text.s, c->text.len); break;
    }
}

static void dump_expr(Out *o, const AstExpr *e) {
    if (!e) {
        out_s(o, "None");
        return;
    }
    switch (e->kind) {
    case EXPR_BOOLOP:
        out_s(o, e->u.boolop.op == BOOL_AND ? "BoolOp(And, " : "BoolOp(Or, ");
        dump_exprs(o, e->u.boolop.values);
        break;
    case EXPR_NAMEDEXPR:
        out_s(o, "NamedExpr(");
        dump_expr(o, e->u.namedexpr.target);
        out_s(o, ", ");
        dump_expr(o, e->u.namedexpr.value);
        break;
    case EXPR_BINOP:
        out_s(o, "BinOp(");
        dump_expr(o, e->u.binop.left);
        out_f(o, ", %s, ", op_name(e->u.binop.op));
        dump_expr(o, e->u.binop.right);
        break;
    case EXPR_UNARYOP: {
        static const char *const n[] = {"Invert", "Not", "UAdd", "USub"};
        out_f(o, "UnaryOp(%s, ", n[e->u.unaryop.op]);
        dump_expr(o, e->u.unaryop.operand);
        break;
    }
    case EXPR_LAMBDA:
        out_s(o, "Lambda(");
        dump_arguments(o, e->u.lambda.args);
        out_s(o, ", ");
        dump_expr(o, e->u.lambda.body);
        break;
    case EXPR_IFEXP:
        out_s(o, "IfExp(");
        dump_expr(o, e->u.ifexp.test);
        out_s(o, ", ");
        dump_expr(o, e->u.ifexp.body);
        out_s(o, ", ");
        dump_expr(o, e->u.ifexp.orelse);
        break;
    case EXPR_DICT:
        out_s(o, "Dict(");
        dump_exprs(o, e->u.dict.keys);
        out_s(o, ", ");
        dump_exprs(o, e->u.dict.values);
        break;
    case EXPR_SET:
        out_s(o, "Set(");
        dump_exprs(o, e->u.set.elts);
        break;
    case EXPR_LISTCOMP:
    case EXPR_SETCOMP:
    case EXPR_GENERATOREXP:
        out_s(o, e->kind == EXPR_LISTCOMP ? "ListComp(" : e->kind == EXPR_SETCOMP ? "SetComp("
                 : "GeneratorExp(");
        dump_expr(o, e->u.listcomp.elt);
        out_s(o, ", ");
        dump_generators(o, e->u.listcomp.generators);
        break;
    case EXPR_DICTCOMP:
        out_s(o, "DictComp(");
        dump_expr(o, e->u.dictcomp.key);
        out_s(o, ", ");
        dump_expr(o, e->u.dictcomp.value);
        out_s(o, ", ");
        dump_generators(o, e->u.dictcomp.generators);
        break;
    case EXPR_YIELD:
        out_s(o, "Yield(");
        dump_expr(o, e->u.yield.value);
        break;
    case EXPR_YIELDFROM:
        out_s(o, "YieldFrom(");
        dump_expr(o, e->u.yieldfrom.value);
        break;
    case EXPR_COMPARE:
        out_s(o, "Compare(");
        dump_expr(o, e->u.compare.left);
        out_s(o, ", [");
        for (size_t i = 0; i < e->u.compare.n; i++)
            out_f(o, "%s%s", i ? ", " : "", cmp_name(e->u.compare.ops[i]));
        out_s(o, "], [");
        for (size_t i = 0; i < e->u.compare.n; i++) {
            if (i)
                out_s(o, ", ");
            dump_expr(o, e->u.compare.comparators[i]);
        }
        out_s(o, "]");
        break;
    case EXPR_CALL:
        out_s(o, "Call(");
        dump_expr(o, e->u.call.func);
        out_s(o, ", ");
        dump_exprs(o, e->u.call.args);
        out_s(o, ", ");
        dump_keywords(o, e->u.call.keywords);
        break;
    case EXPR_FORMATTEDVALUE:
        out_s(o, "FormattedValue(");
        dump_expr(o, e->u.formattedvalue.value);
        out_f(o, ", %d, ", e->u.formattedvalue.conversion);
        dump_expr(o, e->u.formattedvalue.format_spec);
        break;
    case EXPR_JOINEDSTR:
        out_s(o, "JoinedStr(");
        dump_exprs(o, e->u.joinedstr.values);
        break;
    case EXPR_CONSTANT:
        out_s(o, "Constant(");
        dump_constant(o, &e->u.constant);
        break;
    case EXPR_ATTRIBUTE:
        out_s(o, "Attribute(");
        dump_expr(o, e->u.attribute.value);
        out_s(o, ", ");
        out_ident(o, e->u.attribute.attr);
        out_f(o, ", %s", ctx_name(e->u.attribute.ctx));
        break;
    case EXPR_SUBSCRIPT:
        out_s(o, "Subscript(");
        dump_expr(o, e->u.subscript.value);
        out_s(o, ", ");
        dump_expr(o, e->u.subscript.slice);
        out_f(o, ", %s", ctx_name(e->u.subscript.ctx));
        break;
    case EXPR_STARRED:
        out_s(o, "Starred(");
        dump_expr(o, e->u.starred.value);
        out_f(o, ", %s", ctx_name(e->u.starred.ctx));
        break;
    case EXPR_NAME:
        out_s(o, "Name(");
        out_ident(o, e->u.name.id);
        out_f(o, ", %s", ctx_name(e->u.name.ctx));
        break;
    case EXPR_LIST:
    case EXPR_TUPLE:
        out_s(o, e->kind == EXPR_LIST ? "List(" : "Tuple(");
        dump_exprs(o, e->u.list.elts);
        out_f(o, ", %s", ctx_name(e->u.list.ctx));
        break;
    case EXPR_SLICE:
        out_s(o, "Slice(");
        dump_expr(o, e->u.slice.lower);
        out_s(o, ", ");
        dump_expr(o, e->u.slice.upper);
        out_s(o, ", ");
        dump_expr(o, e->u.slice.step);
        break;
    }
    out_s(o, ")");
    out_pos(o, e->lineno, e->col, e->end_lineno, e->end_col);
}

static void dump_names(Out *o, AstNameList l) {
    out_s(o, "[");
    for (size_t i = 0; i < l.n; i++) {
        if (i)
            out_s(o, ", ");
        out_ident(o, l.items[i]);
    }
    out_s(o, "]");
}

static void dump_aliases(Out *o, AstAliasList l) {
    out_s(o, "[");
    for (size_t i = 0; i < l.n; i++) {
        const AstAlias *a = l.items[i];
        if (i)
            out_s(o, ", ");
        out_s(o, "alias(");
        out_ident(o, a->name);
        out_s(o, ", ");
        out_ident(o, a->asname);
        out_s(o, ")");
        out_pos(o, a->lineno, a->col, a->end_lineno, a->end_col);
    }
    out_s(o, "]");
}

static void dump_stmt(Out *o, const AstStmt *s) {
    switch (s->kind) {
    case STMT_FUNCTIONDEF:
        out_s(o, "FunctionDef(");
        out_ident(o, s->u.functiondef.name);
        out_s(o, ", ");
        dump_arguments(o, s->u.functiondef.args);
        out_s(o, ", ");
        dump_stmts(o, s->u.functiondef.body);
        out_s(o, ", ");
        dump_exprs(o, s->u.functiondef.decorator_list);
        out_s(o, ", ");
        dump_expr(o, s->u.functiondef.returns);
        break;
    case STMT_CLASSDEF:
        out_s(o, "ClassDef(");
        out_ident(o, s->u.classdef.name);
        out_s(o, ", ");
        dump_exprs(o, s->u.classdef.bases);
        out_s(o, ", ");
        dump_keywords(o, s->u.classdef.keywords);
        out_s(o, ", ");
        dump_stmts(o, s->u.classdef.body);
        out_s(o, ", ");
        dump_exprs(o, s->u.classdef.decorator_list);
        break;
    case STMT_RETURN:
        out_s(o, "Return(");
        dump_expr(o, s->u.ret.value);
        break;
    case STMT_DELETE:
        out_s(o, "Delete(");
        dump_exprs(o, s->u.del.targets);
        break;
    case STMT_ASSIGN:
        out_s(o, "Assign(");
        dump_exprs(o, s->u.assign.targets);
        out_s(o, ", ");
        dump_expr(o, s->u.assign.value);
        break;
    case STMT_AUGASSIGN:
        out_s(o, "AugAssign(");
        dump_expr(o, s->u.augassign.target);
        out_f(o, ", %s, ", op_name(s->u.augassign.op));
        dump_expr(o, s->u.augassign.value);
        break;
    case STMT_ANNASSIGN:
        out_s(o, "AnnAssign(");
        dump_expr(o, s->u.annassign.target);
        out_s(o, ", ");
        dump_expr(o, s->u.annassign.annotation);
        out_s(o, ", ");
        dump_expr(o, s->u.annassign.value);
        out_f(o, ", %d", s->u.annassign.simple ? 1 : 0);
        break;
    case STMT_FOR:
        out_s(o, "For(");
        dump_expr(o, s->u.for_.target);
        out_s(o, ", ");
        dump_expr(o, s->u.for_.iter);
        out_s(o, ", ");
        dump_stmts(o, s->u.for_.body);
        out_s(o, ", ");
        dump_stmts(o, s->u.for_.orelse);
        break;
    case STMT_WHILE:
    case STMT_IF:
        out_s(o, s->kind == STMT_WHILE ? "While(" : "If(");
        dump_expr(o, s->u.if_.test);
        out_s(o, ", ");
        dump_stmts(o, s->u.if_.body);
        out_s(o, ", ");
        dump_stmts(o, s->u.if_.orelse);
        break;
    case STMT_WITH:
        out_s(o, "With([");
        for (size_t i = 0; i < s->u.with.items.n; i++) {
            const AstWithItem *w = s->u.with.items.items[i];
            out_s(o, i ? ", withitem(" : "withitem(");
            dump_expr(o, w->context_expr);
            out_s(o, ", ");
            dump_expr(o, w->optional_vars);
            out_s(o, ")");
        }
        out_s(o, "], ");
        dump_stmts(o, s->u.with.body);
        break;
    case STMT_RAISE:
        out_s(o, "Raise(");
        dump_expr(o, s->u.raise.exc);
        out_s(o, ", ");
        dump_expr(o, s->u.raise.cause);
        break;
    case STMT_TRY:
    case STMT_TRYSTAR:
        out_s(o, s->kind == STMT_TRY ? "Try(" : "TryStar(");
        dump_stmts(o, s->u.try_.body);
        out_s(o, ", [");
        for (size_t i = 0; i < s->u.try_.handlers.n; i++) {
            const AstExceptHandler *h = s->u.try_.handlers.items[i];
            out_s(o, i ? ", ExceptHandler(" : "ExceptHandler(");
            dump_expr(o, h->type);
            out_s(o, ", ");
            out_ident(o, h->name);
            out_s(o, ", ");
            dump_stmts(o, h->body);
            out_s(o, ")");
            out_pos(o, h->lineno, h->col, h->end_lineno, h->end_col);
        }
        out_s(o, "], ");
        dump_stmts(o, s->u.try_.orelse);
        out_s(o, ", ");
        dump_stmts(o, s->u.try_.finalbody);
        break;
    case STMT_ASSERT:
        out_s(o, "Assert(");
        dump_expr(o, s->u.assert_.test);
        out_s(o, ", ");
        dump_expr(o, s->u.assert_.msg);
        break;
    case STMT_IMPORT:
        out_s(o, "Import(");
        dump_aliases(o, s->u.import.names);
        break;
    case STMT_IMPORTFROM:
        out_s(o, "ImportFrom(");
        out_ident(o, s->u.importfrom.module);
        out_s(o, ", ");
        dump_aliases(o, s->u.importfrom.names);
        out_f(o, ", %d", s->u.importfrom.level);
        break;
    case STMT_GLOBAL:
    case STMT_NONLOCAL:
        out_s(o, s->kind == STMT_GLOBAL ? "Global(" : "Nonlocal(");
        dump_names(o, s->u.global.names);
        break;
    case STMT_EXPR:
        out_s(o, "Expr(");
        dump_expr(o, s->u.expr.value);
        break;
    case STMT_PASS: out_s(o, "Pass("); break;
    case STMT_BREAK: out_s(o, "Break("); break;
    case STMT_CONTINUE: out_s(o, "Continue("); break;
    }
    out_s(o, ")");
    out_pos(o, s->lineno, s->col, s->end_lineno, s->end_col);
}

static void dump_stmts(Out *o, AstStmtList l) {
    out_s(o, "[");
    for (size_t i = 0; i < l.n; i++) {
        if (i)
            out_s(o, ", ");
        dump_stmt(o, l.items[i]);
    }
    out_s(o, "]");
}

static void dump_mod(Out *o, const AstMod *m) {
    if (m->kind == MOD_EXPRESSION) {
        out_s(o, "Expression(");
        dump_expr(o, m->expr);
    } else {
        out_s(o, m->kind == MOD_MODULE ? "Module(" : "Interactive(");
        dump_stmts(o, m->body);
    }
    out_s(o, ")");
}

static void print_error(FILE *f, const AstError *e) {
    static const char *const kinds[] = {"None", "SyntaxError", "IndentationError", "TabError",
                                        "MemoryError"};
    fprintf(f, "ERR %s|", kinds[e->kind]);
    for (const char *s = e->msg; *s; s++) {
        if (*s == '\n')
            fputs("\\n", f);
        else
            fputc(*s, f);
    }
    fprintf(f, "|%d|%d|%d|%d\n", e->lineno, e->offset, e->end_lineno, e->end_offset);
}

/* ---- driver ---- */

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t r;
    while (buf && (r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

static AstModKind parse_mode(const char *s) {
    return strcmp(s, "eval") == 0 ? MOD_EXPRESSION : strcmp(s, "single") == 0 ? MOD_INTERACTIVE
           : MOD_MODULE;
}

enum { OUT_DUMP, OUT_CRC, OUT_STATUS };

/* Parse and print one source: dump (or its crc, or just OK) or error. */
static void run_one(const char *src, size_t len, AstModKind mode, int how) {
    AstArena arena;
    ast_arena_init(&arena);
    AstError err;
    AstMod *m = ast_parse(&arena, src, len, mode, &err);
    if (!m) {
        print_error(stdout, &err);
    } else if (how == OUT_STATUS) {
        puts("OK");
    } else {
        Out o = {how == OUT_CRC ? NULL : stdout, 0, 0};
        dump_mod(&o, m);
        if (how == OUT_CRC)
            printf("%08x %zu", (unsigned)o.crc, o.len);
        putchar('\n');
    }
    ast_arena_free(&arena);
}

/* how: OUT_DUMP or OUT_STATUS; -1 for ast_needs_more_input */
static int batch(int how) {
    char mode[16];
    size_t len;
    while (scanf("%15s %zu", mode, &len) == 2) {
        getchar();
        char *buf = malloc(len + 1);
        if (!buf || fread(buf, 1, len, stdin) != len) {
            fprintf(stderr, "test_parser: bad batch record\n");
            return 2;
        }
        if (how < 0)
            printf("%d\n", ast_needs_more_input(buf, len) ? 1 : 0);
        else
            run_one(buf, len, parse_mode(mode), how);
        fflush(stdout);
        free(buf);
    }
    return 0;
}

static int timing(int argc, char **argv) {
    size_t total = 0;
    double secs = 0;
    for (int i = 0; i < argc; i++) {
        size_t len;
        char *src = read_file(argv[i], &len);
        if (!src)
            continue;
        clock_t t0 = clock();
        for (int rep = 0; rep < 20; rep++) {
            AstArena arena;
            ast_arena_init(&arena);
            AstError err;
            ast_parse(&arena, src, len, MOD_MODULE, &err);
            ast_arena_free(&arena);
        }
        secs += (double)(clock() - t0) / CLOCKS_PER_SEC;
        total += 20 * len;
        free(src);
    }
    printf("%zu bytes in %.3f s: %.1f MB/s\n", total, secs, secs > 0 ? total / secs / 1e6 : 0.0);
    return 0;
}

int main(int argc, char **argv) {
    crc_init();
    AstModKind mode = MOD_MODULE;
    int how = OUT_DUMP;
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "--batch") == 0)
            return batch(OUT_DUMP);
        if (strcmp(argv[i], "--status") == 0)
            return batch(OUT_STATUS);
        if (strcmp(argv[i], "--needs-more") == 0)
            return batch(-1);
        if (strcmp(argv[i], "--time") == 0)
            return timing(argc - i - 1, argv + i + 1);
        if (strcmp(argv[i], "--crc") == 0)
            how = OUT_CRC;
        else if (strcmp(argv[i], "-m") == 0 && i + 1 < argc)
            mode = parse_mode(argv[++i]);
        else {
            fprintf(stderr, "usage: test_parser [-m MODE] [--crc] FILE... | --batch | --status | "
                            "--needs-more | --time FILE...\n");
            return 2;
        }
    }
    int status = 0;
    for (; i < argc; i++) {
        size_t len;
        char *src = read_file(argv[i], &len);
        printf("== %s\n", argv[i]);
        if (!src) {
            printf("ERR cannot read\n");
            status = 1;
            continue;
        }
        run_one(src, len, mode, how);
        free(src);
    }
    return status;
}
