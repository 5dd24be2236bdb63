/* fuzz_parser.c - libFuzzer driver for the txpy front end (vm/lexer.c,
 * vm/parser.c, vm/parser_string.c).
 *
 * Each input is parsed in the three modes and given to
 * ast_needs_more_input; any crash, sanitizer report, leak or hang is a bug.
 * Every tree that comes back is walked once, so that a dangling or
 * half-built node would be touched under AddressSanitizer.
 *
 * Build and run (tests/parser/build.sh fuzz builds it):
 *   build-parser/fuzz_parser -max_total_time=300 -max_len=4096 CORPUS_DIR
 * Seeding the corpus directory with the files of tests/parser/corpus helps.
 */
#include "../vm/ast.h"

#include <stddef.h>
#include <stdint.h>

static size_t walk_expr(const AstExpr *e);

static size_t walk_list(AstExprList l) {
    size_t n = 0;
    for (size_t i = 0; i < l.n; i++)
        n += walk_expr(l.items[i]);
    return n;
}

static size_t walk_args(const AstArguments *a) {
    size_t n = walk_list(a->kw_defaults) + walk_list(a->defaults);
    AstArgList lists[3] = {a->posonlyargs, a->args, a->kwonlyargs};
    for (int k = 0; k < 3; k++)
        for (size_t i = 0; i < lists[k].n; i++)
            n += walk_expr(lists[k].items[i]->annotation) + (lists[k].items[i]->arg[0] != 0);
    return n + (a->vararg ? walk_expr(a->vararg->annotation) : 0) +
           (a->kwarg ? walk_expr(a->kwarg->annotation) : 0);
}

static size_t walk_gens(AstComprehensionList g) {
    size_t n = 0;
    for (size_t i = 0; i < g.n; i++)
        n += walk_expr(g.items[i]->target) + walk_expr(g.items[i]->iter) + walk_list(g.items[i]->ifs);
    return n;
}

/* Count the nodes (and read every pointer) of an expression tree. */
static size_t walk_expr(const AstExpr *e) {
    if (!e)
        return 0;
    size_t n = 1;
    switch (e->kind) {
    case EXPR_BOOLOP: n += walk_list(e->u.boolop.values); break;
    case EXPR_NAMEDEXPR: n += walk_expr(e->u.namedexpr.target) + walk_expr(e->u.namedexpr.value); break;
    case EXPR_BINOP: n += walk_expr(e->u.binop.left) + walk_expr(e->u.binop.right); break;
    case EXPR_UNARYOP: n += walk_expr(e->u.unaryop.operand); break;
    case EXPR_LAMBDA: n += walk_args(e->u.lambda.args) + walk_expr(e->u.lambda.body); break;
    case EXPR_IFEXP:
        n += walk_expr(e->u.ifexp.test) + walk_expr(e->u.ifexp.body) + walk_expr(e->u.ifexp.orelse);
        break;
    case EXPR_DICT: n += walk_list(e->u.dict.keys) + walk_list(e->u.dict.values); break;
    case EXPR_SET: n += walk_list(e->u.set.elts); break;
    case EXPR_LISTCOMP: case EXPR_SETCOMP: case EXPR_GENERATOREXP:
        n += walk_expr(e->u.listcomp.elt) + walk_gens(e->u.listcomp.generators);
        break;
    case EXPR_DICTCOMP:
        n += walk_expr(e->u.dictcomp.key) + walk_expr(e->u.dictcomp.value) +
             walk_gens(e->u.dictcomp.generators);
        break;
    case EXPR_YIELD: n += walk_expr(e->u.yield.value); break;
    case EXPR_YIELDFROM: n += walk_expr(e->u.yieldfrom.value); break;
    case EXPR_COMPARE:
        n += walk_expr(e->u.compare.left);
        for (size_t i = 0; i < e->u.compare.n; i++)
            n += walk_expr(e->u.compare.comparators[i]) + (e->u.compare.ops[i] == CMP_IN);
        break;
    case EXPR_CALL:
        n += walk_expr(e->u.call.func) + walk_list(e->u.call.args);
        for (size_t i = 0; i < e->u.call.keywords.n; i++)
            n += walk_expr(e->u.call.keywords.items[i]->value);
        break;
    case EXPR_FORMATTEDVALUE:
        n += walk_expr(e->u.formattedvalue.value) + walk_expr(e->u.formattedvalue.format_spec);
        break;
    case EXPR_JOINEDSTR: n += walk_list(e->u.joinedstr.values); break;
    case EXPR_CONSTANT:
        if (e->u.constant.text.s)
            n += e->u.constant.text.len ? (unsigned char)e->u.constant.text.s[0] % 2 : 0;
        break;
    case EXPR_ATTRIBUTE: n += walk_expr(e->u.attribute.value) + (e->u.attribute.attr[0] != 0); break;
    case EXPR_SUBSCRIPT: n += walk_expr(e->u.subscript.value) + walk_expr(e->u.subscript.slice); break;
    case EXPR_STARRED: n += walk_expr(e->u.starred.value); break;
    case EXPR_NAME: n += e->u.name.id[0] != 0; break;
    case EXPR_LIST: case EXPR_TUPLE: n += walk_list(e->u.list.elts); break;
    case EXPR_SLICE:
        n += walk_expr(e->u.slice.lower) + walk_expr(e->u.slice.upper) + walk_expr(e->u.slice.step);
        break;
    }
    return n;
}

static size_t walk_stmts(AstStmtList l);

static size_t walk_stmt(const AstStmt *s) {
    size_t n = 1;
    switch (s->kind) {
    case STMT_FUNCTIONDEF:
        n += walk_args(s->u.functiondef.args) + walk_stmts(s->u.functiondef.body) +
             walk_list(s->u.functiondef.decorator_list) + walk_expr(s->u.functiondef.returns);
        break;
    case STMT_CLASSDEF:
        n += walk_list(s->u.classdef.bases) + walk_stmts(s->u.classdef.body) +
             walk_list(s->u.classdef.decorator_list);
        for (size_t i = 0; i < s->u.classdef.keywords.n; i++)
            n += walk_expr(s->u.classdef.keywords.items[i]->value);
        break;
    case STMT_RETURN: n += walk_expr(s->u.ret.value); break;
    case STMT_DELETE: n += walk_list(s->u.del.targets); break;
    case STMT_ASSIGN: n += walk_list(s->u.assign.targets) + walk_expr(s->u.assign.value); break;
    case STMT_AUGASSIGN: n += walk_expr(s->u.augassign.target) + walk_expr(s->u.augassign.value); break;
    case STMT_ANNASSIGN:
        n += walk_expr(s->u.annassign.target) + walk_expr(s->u.annassign.annotation) +
             walk_expr(s->u.annassign.value);
        break;
    case STMT_FOR:
        n += walk_expr(s->u.for_.target) + walk_expr(s->u.for_.iter) + walk_stmts(s->u.for_.body) +
             walk_stmts(s->u.for_.orelse);
        break;
    case STMT_WHILE: case STMT_IF:
        n += walk_expr(s->u.if_.test) + walk_stmts(s->u.if_.body) + walk_stmts(s->u.if_.orelse);
        break;
    case STMT_WITH:
        for (size_t i = 0; i < s->u.with.items.n; i++)
            n += walk_expr(s->u.with.items.items[i]->context_expr) +
                 walk_expr(s->u.with.items.items[i]->optional_vars);
        n += walk_stmts(s->u.with.body);
        break;
    case STMT_RAISE: n += walk_expr(s->u.raise.exc) + walk_expr(s->u.raise.cause); break;
    case STMT_TRY: case STMT_TRYSTAR:
        n += walk_stmts(s->u.try_.body) + walk_stmts(s->u.try_.orelse) + walk_stmts(s->u.try_.finalbody);
        for (size_t i = 0; i < s->u.try_.handlers.n; i++)
            n += walk_expr(s->u.try_.handlers.items[i]->type) + walk_stmts(s->u.try_.handlers.items[i]->body);
        break;
    case STMT_ASSERT: n += walk_expr(s->u.assert_.test) + walk_expr(s->u.assert_.msg); break;
    case STMT_IMPORT: n += s->u.import.names.n; break;
    case STMT_IMPORTFROM: n += s->u.importfrom.names.n; break;
    case STMT_GLOBAL: case STMT_NONLOCAL: n += s->u.global.names.n; break;
    case STMT_EXPR: n += walk_expr(s->u.expr.value); break;
    case STMT_PASS: case STMT_BREAK: case STMT_CONTINUE: break;
    }
    return n;
}

static size_t walk_stmts(AstStmtList l) {
    size_t n = 0;
    for (size_t i = 0; i < l.n; i++)
        n += walk_stmt(l.items[i]);
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const AstModKind modes[] = {MOD_MODULE, MOD_EXPRESSION, MOD_INTERACTIVE};
    volatile size_t sink = 0;
    for (int i = 0; i < 3; i++) {
        AstArena arena;
        ast_arena_init(&arena);
        AstError err;
        AstMod *m = ast_parse(&arena, (const char *)data, size, modes[i], &err);
        if (m)
            sink += m->kind == MOD_EXPRESSION ? walk_expr(m->expr) : walk_stmts(m->body);
        else
            sink += (size_t)err.lineno + (err.text ? 1 : 0);
        ast_arena_free(&arena);
    }
    sink += ast_needs_more_input((const char *)data, size);
    (void)sink;
    return 0;
}
