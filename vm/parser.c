/* parser.c - the grammar of txpy's front end: tokens (lexer.c) to AST
 * (ast.h), following CPython 3.11's python.gram rule by rule, without
 * async/await (clear SyntaxError) and without the match statement (match
 * and case are ordinary names).  See parser_impl.h for the conventions
 * (two passes, failure restores the position, first error wins, memo,
 * depth limit); parser_string.c handles string literals and f-strings.
 *
 * Rule functions are named after the grammar rules they implement.  Where
 * the grammar is deterministic enough, a rule parses once and looks at the
 * next token instead of trying alternatives (pass 1 must be fast: it parses
 * every module the interpreter loads); the invalid_ rules of pass 2 are
 * written as the PEG alternatives they are, at the same place in the
 * alternative order, because that order decides which message CPython
 * gives.
 */
#include "parser_impl.h"
#include "numfmt.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Nesting limits: rule activations (CPython 3.11 allows 6000 and reports
 * MemoryError beyond), and bytes of C stack: half of the smallest stack
 * txpy is built for (512 KiB), whatever the compiler and its options make
 * of the frames (a bracket level costs about 1 KiB at -O2).  Frames are
 * about 4 times larger under AddressSanitizer, whose builds run with
 * correspondingly larger stacks. */
#define MAX_DEPTH 6000
#if defined(__SANITIZE_ADDRESS__)
#define STACK_BUDGET (1024 * 1024)
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define STACK_BUDGET (1024 * 1024)
#endif
#endif
#ifndef STACK_BUDGET
#define STACK_BUDGET (256 * 1024)
#endif

struct AstMemo {
    AstMemo *next;
    int rule;
    void *res;
    size_t end;
};

/* ---------------------------------------------------------------------
 * Typed growable arrays in the arena (the final lists use them directly).
 */
#define DEFINE_VEC(Name, T)                                                   \
    typedef struct Name { T *items; size_t n, cap; } Name;                   \
    static bool Name##_push(Parser *p, Name *v, T x) {                        \
        if (v->n == v->cap) {                                                 \
            size_t ncap = v->cap ? v->cap * 2 : 4;                            \
            T *ni = ast_alloc(p->arena, ncap * sizeof(T));                    \
            if (!ni) {                                                        \
                ast_error_nomem(p);                                           \
                return false;                                                 \
            }                                                                 \
            if (v->n)                                                         \
                memcpy(ni, v->items, v->n * sizeof(T));                       \
            v->items = ni;                                                    \
            v->cap = ncap;                                                    \
        }                                                                     \
        v->items[v->n++] = x;                                                 \
        return true;                                                          \
    }

DEFINE_VEC(ExprVec, AstExpr *)
DEFINE_VEC(StmtVec, AstStmt *)
DEFINE_VEC(KwVec, AstKeyword *)
DEFINE_VEC(ArgVec, AstArg *)
DEFINE_VEC(AliasVec, AstAlias *)
DEFINE_VEC(WithVec, AstWithItem *)
DEFINE_VEC(HandlerVec, AstExceptHandler *)
DEFINE_VEC(CompVec, AstComprehension *)
DEFINE_VEC(NameVec, const char *)
DEFINE_VEC(CmpVec, AstCmpOp)

static AstExprList expr_list(ExprVec v) { return (AstExprList){v.n, v.items}; }
static AstStmtList stmt_list(StmtVec v) { return (AstStmtList){v.n, v.items}; }

/* ---------------------------------------------------------------------
 * Tokens.
 */

static void raise_lexer_error(Parser *p);

/* Look at token i (past the end: the last one), recording how far the
 * parser has looked and raising a tokenizer error when it gets there. */
static LexToken *tok_fetch(Parser *p, size_t i) {
    if (i >= p->ntoks)
        i = p->ntoks - 1;
    if (i >= p->fill) {
        p->fill = i + 1;
        if (p->toks[i].type == LT_ERROR)
            raise_lexer_error(p);
    }
    return &p->toks[i];
}

static LexToken *tok_at(Parser *p, size_t i) {
    return i < p->fill ? &p->toks[i] : tok_fetch(p, i);
}

static LexToken *peek(Parser *p) { return tok_at(p, p->pos); }
static int ptype(Parser *p) { return tok_at(p, p->pos)->type; }
static int ptype_at(Parser *p, size_t k) { return tok_at(p, p->pos + k)->type; }
/* The last token consumed, skipping NEWLINE/INDENT/DEDENT/ENDMARKER
 * (CPython's _PyPegen_get_last_nonnwhitespace_token: node ends use it). */
static LexToken *last_tok(Parser *p) {
    size_t i = p->pos - 1;
    while (i > 0) {
        int t = p->toks[i].type;
        if (t != LT_NEWLINE && t != LT_INDENT && t != LT_DEDENT && t != LT_ENDMARKER)
            break;
        i--;
    }
    return &p->toks[i];
}

static LexToken *accept(Parser *p, int type) {
    LexToken *t = peek(p);
    if (t->type != type)
        return NULL;
    p->pos++;
    return t;
}

static bool is_name(Parser *p, const LexToken *t, const char *s) {
    size_t n = strlen(s);
    return t->type == LT_NAME && t->end - t->start == n && memcmp(p->src + t->start, s, n) == 0;
}

/* ---------------------------------------------------------------------
 * Errors.
 */

char *ast_strndup(Parser *p, const char *s, size_t len) {
    char *r = ast_alloc(p->arena, len + 1);
    if (!r) {
        ast_error_nomem(p);
        return NULL;
    }
    memcpy(r, s, len);
    r[len] = 0;
    return r;
}

/* Byte offset of the start of line `lineno` (1-based) of p->src. */
static size_t line_start_of(Parser *p, int lineno) {
    size_t off = 0;
    for (int l = 1; l < lineno && off < p->srclen; l++) {
        const char *nl = memchr(p->src + off, '\n', p->srclen - off);
        if (!nl)
            return p->srclen;
        off = (size_t)(nl - p->src) + 1;
    }
    return off;
}

static size_t line_len_at(Parser *p, size_t ls) {
    const char *nl = memchr(p->src + ls, '\n', p->srclen - ls);
    return nl ? (size_t)(nl - (p->src + ls)) + 1 : p->srclen - ls;
}

static void set_error_text(Parser *p, size_t ls) {
    size_t n = line_len_at(p, ls);
    char *t = ast_alloc(p->arena, n + 1);
    if (t) {
        memcpy(t, p->src + ls, n);
        t[n] = 0;
    }
    p->err->text = t;
}


void ast_error_nomem(Parser *p) {
    if (p->error)
        return;
    p->error = true;
    AstError *e = p->err;
    memset(e, 0, sizeof *e);
    e->kind = AST_ERR_MEMORY;
    snprintf(e->msg, sizeof e->msg, "out of memory while parsing");
}

static void too_deep(Parser *p) {
    if (p->error)
        return;
    p->error = true;
    p->lim->exceeded = true;
    AstError *e = p->err;
    memset(e, 0, sizeof *e);
    e->kind = AST_ERR_MEMORY;
    snprintf(e->msg, sizeof e->msg, "too many nested expressions or statements");
}

static void verror_at(Parser *p, AstErrorKind kind, int lineno, int col1, int end_lineno,
                      int end_col1, const char *fmt, va_list ap) {
    if (p->error)
        return;
    p->error = true;
    AstError *e = p->err;
    memset(e, 0, sizeof *e);
    e->kind = kind;
    int off = 0;
    if (p->fstring)
        off = snprintf(e->msg, sizeof e->msg, "f-string: ");
    vsnprintf(e->msg + off, sizeof e->msg - (size_t)off, fmt, ap);
    if (p->fstring) {
        col1 -= p->col_shift;
        end_col1 -= p->col_shift;
    }
    size_t ls = line_start_of(p, lineno - p->line_offset);
    e->lineno = lineno;
    e->end_lineno = end_lineno;
    e->offset = lex_char_col(p->src, p->srclen, ls, col1);
    e->end_offset = lex_char_col(p->src, p->srclen, ls, end_col1);
    set_error_text(p, ls);
}

void ast_error_at(Parser *p, AstErrorKind kind, int lineno, int col1, int end_lineno,
                  int end_col1, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    verror_at(p, kind, lineno, col1, end_lineno, end_col1, fmt, ap);
    va_end(ap);
}

/* _PyPegen_raise_error with use_mark == 0: at the last token fetched. */
void ast_error_last(Parser *p, AstErrorKind kind, const char *fmt, ...) {
    LexToken *t = &p->toks[p->fill ? p->fill - 1 : 0];
    int col1 = t->col == -1 ? t->curcol : t->col + 1;
    int end1 = t->end_col == -1 ? -1 : t->end_col + 1;
    va_list ap;
    va_start(ap, fmt);
    verror_at(p, kind, t->lineno, col1, t->end_lineno, end1, fmt, ap);
    va_end(ap);
}

/* RAISE_SYNTAX_ERROR_KNOWN_LOCATION / _KNOWN_RANGE on nodes and tokens. */
#define ERR_RANGE(p, a, b, ...) \
    ast_error_at(p, AST_ERR_SYNTAX, (a)->lineno, (a)->col + 1, (b)->end_lineno, (b)->end_col + 1, __VA_ARGS__)
#define ERR_AT(p, a, ...) ERR_RANGE(p, a, a, __VA_ARGS__)
/* RAISE_SYNTAX_ERROR_STARTING_FROM: from a to the tokenizer's cursor, which
 * is just after the last token fetched (a 0-based column, as CPython) */
#define ERR_FROM(p, a, ...)                                                   \
    ast_error_at(p, AST_ERR_SYNTAX, (a)->lineno, (a)->col + 1,                \
                 p->toks[p->fill - 1].end_lineno, p->toks[p->fill - 1].end_col, __VA_ARGS__)

static void raise_lexer_error(Parser *p) {
    if (p->error)
        return;
    const LexError *le = &p->lx->err;
    if (le->kind == AST_ERR_MEMORY) {
        ast_error_nomem(p);
        return;
    }
    p->error = true;
    p->lexer_error = true;
    AstError *e = p->err;
    memset(e, 0, sizeof *e);
    e->kind = le->kind;
    int off = 0;
    if (p->fstring && le->klass != LEXERR_RAISED)
        off = snprintf(e->msg, sizeof e->msg, "f-string: ");
    snprintf(e->msg + off, sizeof e->msg - (size_t)off, "%s", le->msg);
    e->lineno = le->lineno;
    e->offset = le->offset;
    e->end_lineno = le->end_lineno;
    e->end_offset = le->end_offset;
    set_error_text(p, le->text_start);
}

/* ---------------------------------------------------------------------
 * Depth limit and memo.
 */

/* Past a nesting limit?  The stack used is the distance between a local
 * here and one of ast_parse's, in either growth direction, computed on
 * uintptr_t values: meaningful on every target txpy has (native stacks and
 * wasm32's stack in linear memory). */
static bool too_deep_now(Parser *p) {
    char here;
    uintptr_t at = (uintptr_t)(void *)&here, base = p->lim->stack_base;
    uintptr_t used = at < base ? base - at : at - base;
    return p->lim->depth > MAX_DEPTH || used > STACK_BUDGET;
}

#define ENTER(p)                                                              \
    do {                                                                      \
        ++(p)->lim->depth;                                                    \
        if (too_deep_now(p)) {                                                \
            --(p)->lim->depth;                                                \
            too_deep(p);                                                      \
            return NULL;                                                      \
        }                                                                     \
    } while (0)
#define LEAVE(p) (--(p)->lim->depth)

/* The rules CPython memoises (explicitly or as left-recursive rules).  As
 * in CPython, a result is shared between the contexts where the invalid_
 * rules are on and off (expression_without_invalid): that decides which
 * nested errors pass 2 finds. */
enum { R_EXPRESSION = 1, R_DISJUNCTION, R_BITWISE_OR, R_PRIMARY, R_INVALID_NAMED, R_NONE };

static bool memo_get(Parser *p, int rule, void **res) {
    if (!p->memo || rule == R_NONE)
        return false;
    for (AstMemo *m = p->memo[p->pos]; m; m = m->next) {
        if (m->rule == rule) {
            *res = m->res;
            if (m->res)
                p->pos = m->end;
            return true;
        }
    }
    return false;
}

static void memo_put(Parser *p, int rule, size_t start, void *res) {
    if (!p->memo || p->error || rule == R_NONE)
        return;
    AstMemo *m = ast_alloc(p->arena, sizeof *m);
    if (!m) {
        ast_error_nomem(p);
        return;
    }
    m->rule = rule;
    m->res = res;
    m->end = p->pos;
    m->next = p->memo[start];
    p->memo[start] = m;
}

/* Defines `name` as the memoised, depth-counted, position-restoring
 * wrapper of `name##_body`. */
#define RULE(name, rule_id, T)                                                \
    static T *name##_body(Parser *p);                                         \
    static T *name(Parser *p) {                                               \
        void *memo_res;                                                       \
        if (memo_get(p, rule_id, &memo_res))                                  \
            return memo_res;                                                  \
        ENTER(p);                                                             \
        size_t start_ = p->pos;                                               \
        T *r_ = name##_body(p);                                               \
        if (!r_)                                                              \
            p->pos = start_;                                                  \
        LEAVE(p);                                                             \
        memo_put(p, rule_id, start_, r_);                                     \
        return r_;                                                            \
    }                                                                         \
    static T *name##_body(Parser *p)

/* ---------------------------------------------------------------------
 * Node construction.  Positions follow CPython's EXTRA: from the first
 * token of the rule to the last token it consumed.
 */

static AstExpr *new_expr(Parser *p, AstExprKind kind, int l, int c, int el, int ec) {
    AstExpr *e = ast_alloc(p->arena, sizeof *e);
    if (!e) {
        ast_error_nomem(p);
        return NULL;
    }
    e->kind = kind;
    e->lineno = l;
    e->col = c;
    e->end_lineno = el;
    e->end_col = ec;
    return e;
}

static AstExpr *mk_expr(Parser *p, AstExprKind kind, const LexToken *st) {
    const LexToken *lt = last_tok(p);
    return new_expr(p, kind, st->lineno, st->col, lt->end_lineno, lt->end_col);
}

static AstStmt *mk_stmt(Parser *p, AstStmtKind kind, const LexToken *st) {
    AstStmt *s = ast_alloc(p->arena, sizeof *s);
    if (!s) {
        ast_error_nomem(p);
        return NULL;
    }
    const LexToken *lt = last_tok(p);
    s->kind = kind;
    s->lineno = st->lineno;
    s->col = st->col;
    s->end_lineno = lt->end_lineno;
    s->end_col = lt->end_col;
    return s;
}

static const char *tok_ident(Parser *p, const LexToken *t) {
    return ast_strndup(p, p->src + t->start, t->end - t->start);
}

static AstExpr *name_from_tok(Parser *p, const LexToken *t, AstCtx ctx) {
    AstExpr *e = new_expr(p, EXPR_NAME, t->lineno, t->col, t->end_lineno, t->end_col);
    if (!e)
        return NULL;
    e->u.name.id = tok_ident(p, t);
    e->u.name.ctx = ctx;
    return e->u.name.id ? e : NULL;
}

static AstExpr *mk_constant(Parser *p, AstConstKind k, const LexToken *t) {
    AstExpr *e = new_expr(p, EXPR_CONSTANT, t->lineno, t->col, t->end_lineno, t->end_col);
    if (e)
        e->u.constant.kind = k;
    return e;
}

/* CPython's _PyPegen_get_expr_name. */
static const char *expr_name(const AstExpr *e) {
    switch (e->kind) {
    case EXPR_ATTRIBUTE: return "attribute";
    case EXPR_SUBSCRIPT: return "subscript";
    case EXPR_STARRED: return "starred";
    case EXPR_NAME: return "name";
    case EXPR_LIST: return "list";
    case EXPR_TUPLE: return "tuple";
    case EXPR_LAMBDA: return "lambda";
    case EXPR_CALL: return "function call";
    case EXPR_BOOLOP: case EXPR_BINOP: case EXPR_UNARYOP: return "expression";
    case EXPR_GENERATOREXP: return "generator expression";
    case EXPR_YIELD: case EXPR_YIELDFROM: return "yield expression";
    case EXPR_LISTCOMP: return "list comprehension";
    case EXPR_SETCOMP: return "set comprehension";
    case EXPR_DICTCOMP: return "dict comprehension";
    case EXPR_DICT: return "dict literal";
    case EXPR_SET: return "set display";
    case EXPR_JOINEDSTR: case EXPR_FORMATTEDVALUE: return "f-string expression";
    case EXPR_CONSTANT:
        switch (e->u.constant.kind) {
        case CONST_NONE: return "None";
        case CONST_FALSE: return "False";
        case CONST_TRUE: return "True";
        case CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    case EXPR_COMPARE: return "comparison";
    case EXPR_IFEXP: return "conditional expression";
    case EXPR_NAMEDEXPR: return "named expression";
    case EXPR_SLICE: return "slice";
    }
    return "expression";
}

/* ---------------------------------------------------------------------
 * Expressions.
 */

static AstExpr *expression(Parser *p);
static AstExpr *expression_body(Parser *p);
static AstExpr *named_expression(Parser *p);
static AstExpr *star_expressions(Parser *p);
static AstExpr *star_named_expression(Parser *p);
static AstExpr *disjunction(Parser *p);
static AstExpr *bitwise_or(Parser *p);
static AstExpr *factor(Parser *p);
static AstExpr *primary(Parser *p);
static AstExpr *atom(Parser *p);
static AstExpr *slices(Parser *p);
static AstExpr *yield_expr(Parser *p);
static AstExpr *lambdef(Parser *p);
static AstExpr *star_target(Parser *p);
static AstExpr *star_targets(Parser *p);
static bool for_if_clauses(Parser *p, AstComprehensionList *out);
static AstExpr *call_trailer(Parser *p, AstExpr *func, const LexToken *st);
static void invalid_comprehension(Parser *p, int open);
static bool args_rule(Parser *p, ExprVec *args, KwVec *kws);
static AstExpr *genexp_rule(Parser *p);
static AstExpr *list_rule(Parser *p);
static AstExpr *tuple_rule(Parser *p);

static void async_error(Parser *p, const LexToken *t) {
    ERR_AT(p, t, "async/await syntax is not supported");
}

static bool is_legacy_name(const AstExpr *a) {
    return a->kind == EXPR_NAME &&
           (strcmp(a->u.name.id, "print") == 0 || strcmp(a->u.name.id, "exec") == 0);
}

/* CPython 3.11's SOFT_KEYWORD test compares only as many characters as the
 * token has, so any NAME that is a prefix of "match", "case" or "_" (such
 * as "c" or "ma") counts: that decides where invalid_expression applies. */
static bool is_soft_keyword(Parser *p, const LexToken *t) {
    static const char *const kws[] = {"match", "case", "_"};
    size_t n = t->end - t->start;
    if (t->type != LT_NAME)
        return false;
    for (int i = 0; i < 3; i++)
        if (n <= strlen(kws[i]) && memcmp(kws[i], p->src + t->start, n) == 0)
            return true;
    return false;
}

/* star_expression: '*' bitwise_or | expression */
static AstExpr *star_expression(Parser *p) {
    LexToken *st = peek(p);
    if (st->type == LT_STAR) {
        size_t m = p->pos++;
        AstExpr *v = bitwise_or(p);
        if (!v) {
            p->pos = m;
            return NULL;
        }
        AstExpr *e = mk_expr(p, EXPR_STARRED, st);
        if (!e)
            return NULL;
        e->u.starred.value = v;
        e->u.starred.ctx = CTX_LOAD;
        return e;
    }
    return expression(p);
}

/* A comma-separated sequence of items made by `item`, as a Tuple when
 * there is at least one comma ("a,", "a, b", "a, b,"). */
static AstExpr *tuple_of(Parser *p, AstExpr *(*item)(Parser *)) {
    LexToken *st = peek(p);
    AstExpr *a = item(p);
    if (!a || ptype(p) != LT_COMMA)
        return a;
    ExprVec v = {0};
    if (!ExprVec_push(p, &v, a))
        return NULL;
    while (ptype(p) == LT_COMMA) {
        p->pos++;
        AstExpr *b = item(p);
        if (!b)
            break;
        if (!ExprVec_push(p, &v, b))
            return NULL;
    }
    if (p->error)
        return NULL;
    AstExpr *t = mk_expr(p, EXPR_TUPLE, st);
    if (!t)
        return NULL;
    t->u.list.elts = expr_list(v);
    t->u.list.ctx = CTX_LOAD;
    return t;
}

/* star_expressions: star_expression (',' star_expression)* [','] */
RULE(star_expressions, R_NONE, AstExpr) {
    return tuple_of(p, star_expression);
}

/* expressions: expression ("," expression)* [","] (eval input, with-item headers) */
static AstExpr *expressions(Parser *p) {
    return tuple_of(p, expression);
}

/* star_named_expression: '*' bitwise_or | named_expression */
RULE(star_named_expression, R_NONE, AstExpr) {
    if (ptype(p) == LT_STAR)
        return star_expression(p);
    return named_expression(p);
}

/* A comma list of star_named_expression after the first item, into v:
 * (',' star_named_expression)* [',']. */
static bool more_star_named(Parser *p, ExprVec *v) {
    while (ptype(p) == LT_COMMA) {
        p->pos++;
        AstExpr *b = star_named_expression(p);
        if (!b)
            break;
        if (!ExprVec_push(p, v, b))
            return false;
    }
    return !p->error;
}

/* Does the list/tuple/genexp rule, or True/None/False, match here?
 * (the negative lookahead of invalid_named_expression) */
static bool starts_display(Parser *p) {
    int t = ptype(p);
    if (t == LT_TRUE || t == LT_NONE || t == LT_FALSE)
        return true;
    size_t m = p->pos;
    bool r = false;
    if (t == LT_LSQB)
        r = list_rule(p) != NULL;
    else if (t == LT_LPAR)
        r = tuple_rule(p) != NULL || (p->pos = m, genexp_rule(p) != NULL);
    p->pos = m;
    return r;
}

/* invalid_named_expression (pass 2) */
RULE(invalid_named_expression, R_INVALID_NAMED, AstExpr) {
    size_t m = p->pos;
    AstExpr *a = expression(p);
    if (a && ptype(p) == LT_COLONEQUAL) {
        p->pos++;
        if (expression(p)) {
            ERR_AT(p, a, "cannot use assignment expressions with %s", expr_name(a));
            return NULL;
        }
    }
    if (p->error)
        return NULL;
    p->pos = m;
    LexToken *n = peek(p);
    if (n->type == LT_NAME && ptype_at(p, 1) == LT_EQUAL) {
        p->pos += 2;
        AstExpr *b = bitwise_or(p);
        if (b && ptype(p) != LT_EQUAL && ptype(p) != LT_COLONEQUAL) {
            ERR_RANGE(p, n, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            return NULL;
        }
        if (p->error)
            return NULL;
        p->pos = m;
    }
    if (!starts_display(p) && !p->error) {
        a = bitwise_or(p);
        if (a && ptype(p) == LT_EQUAL) {
            p->pos++;
            if (bitwise_or(p) && ptype(p) != LT_EQUAL && ptype(p) != LT_COLONEQUAL) {
                ERR_AT(p, a, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                       expr_name(a));
                return NULL;
            }
        }
    }
    return NULL;
}

/* NAME ':=' ~ expression, at a NAME known to be followed by ':=' */
static AstExpr *assignment_expression(Parser *p) {
    LexToken *n = peek(p);
    size_t m = p->pos;
    p->pos += 2;
    AstExpr *v = expression(p);
    if (!v) {
        p->pos = m;
        return NULL;
    }
    AstExpr *e = mk_expr(p, EXPR_NAMEDEXPR, n);
    AstExpr *t = name_from_tok(p, n, CTX_STORE);
    if (!e || !t)
        return NULL;
    e->u.namedexpr.target = t;
    e->u.namedexpr.value = v;
    return e;
}

/* named_expression: assignment_expression | invalid_named_expression
 *                   | expression !':=' */
RULE(named_expression, R_NONE, AstExpr) {
    if (ptype(p) == LT_NAME && ptype_at(p, 1) == LT_COLONEQUAL)
        return assignment_expression(p);
    if (p->invalid) {
        invalid_named_expression(p);
        if (p->error)
            return NULL;
    }
    AstExpr *e = expression(p);
    if (e && ptype(p) == LT_COLONEQUAL)
        return NULL;
    return e;
}

/* invalid_expression and invalid_legacy_expression (pass 2) */
static void invalid_expression(Parser *p) {
    size_t m = p->pos;
    LexToken *st = peek(p);
    if (!((st->type == LT_NAME && ptype_at(p, 1) == LT_STRING) || is_soft_keyword(p, st))) {
        AstExpr *a = disjunction(p);
        if (a) {
            /* expression_without_invalid: a rule of its own in CPython,
             * so not memoised as `expression` */
            size_t k = p->pos;
            p->invalid = false;
            AstExpr *b = expression_body(p);
            p->invalid = true;
            if (!b)
                p->pos = k;
            if (b && !is_legacy_name(a) && last_tok(p)->level != 0) {
                ERR_RANGE(p, a, b, "invalid syntax. Perhaps you forgot a comma?");
                return;
            }
        }
        if (p->error)
            return;
        p->pos = m;
    }
    AstExpr *a = disjunction(p);
    if (a && accept(p, LT_IF)) {
        AstExpr *b = disjunction(p);
        if (b && ptype(p) != LT_ELSE && ptype(p) != LT_COLON) {
            ERR_RANGE(p, a, b, "expected 'else' after 'if' expression");
            return;
        }
    }
    if (p->error)
        return;
    p->pos = m;
    /* invalid_legacy_expression: NAME !'(' star_expressions */
    LexToken *n = peek(p);
    if (n->type == LT_NAME && ptype_at(p, 1) != LT_LPAR) {
        p->pos++;
        AstExpr *b = star_expressions(p);
        if (b && (is_name(p, n, "print") || is_name(p, n, "exec"))) {
            const char *id = is_name(p, n, "print") ? "print" : "exec";
            ERR_RANGE(p, n, b, "Missing parentheses in call to '%s'. Did you mean %s(...)?", id, id);
            return;
        }
    }
    p->pos = m;
}

/* expression: invalid_expression | invalid_legacy_expression
 *   | disjunction 'if' disjunction 'else' expression | disjunction | lambdef */
RULE(expression, R_EXPRESSION, AstExpr) {
    if (p->invalid) {
        invalid_expression(p);
        if (p->error)
            return NULL;
    }
    LexToken *st = peek(p);
    if (st->type == LT_LAMBDA)
        return lambdef(p);
    AstExpr *a = disjunction(p);
    if (!a || ptype(p) != LT_IF)
        return a;
    size_t m = p->pos++;
    AstExpr *b = disjunction(p);
    if (b && accept(p, LT_ELSE)) {
        AstExpr *c = expression(p);
        if (c) {
            AstExpr *e = mk_expr(p, EXPR_IFEXP, st);
            if (!e)
                return NULL;
            e->u.ifexp.test = b;
            e->u.ifexp.body = a;
            e->u.ifexp.orelse = c;
            return e;
        }
    }
    if (p->error)
        return NULL;
    p->pos = m;
    return a;
}

/* yield_expr: 'yield' 'from' expression | 'yield' [star_expressions] */
static AstExpr *yield_expr(Parser *p) {
    LexToken *st = peek(p);
    if (st->type != LT_YIELD)
        return NULL;
    size_t m = p->pos++;
    if (accept(p, LT_FROM)) {
        AstExpr *v = expression(p);
        if (!v) {
            p->pos = m;
            return NULL;
        }
        AstExpr *e = mk_expr(p, EXPR_YIELDFROM, st);
        if (e)
            e->u.yieldfrom.value = v;
        return e;
    }
    AstExpr *v = star_expressions(p);
    if (p->error)
        return NULL;
    AstExpr *e = mk_expr(p, EXPR_YIELD, st);
    if (e)
        e->u.yield.value = v;
    return e;
}

/* disjunction / conjunction: a ('or' b)+ as one BoolOp */
static AstExpr *boolop(Parser *p, int optok, AstBoolOp op, AstExpr *(*operand)(Parser *)) {
    LexToken *st = peek(p);
    AstExpr *a = operand(p);
    if (!a || ptype(p) != optok)
        return a;
    ExprVec v = {0};
    if (!ExprVec_push(p, &v, a))
        return NULL;
    while (ptype(p) == optok) {
        size_t m = p->pos++;
        AstExpr *b = operand(p);
        if (!b) {
            p->pos = m;
            break;
        }
        if (!ExprVec_push(p, &v, b))
            return NULL;
    }
    if (p->error)
        return NULL;
    if (v.n == 1)
        return a;
    AstExpr *e = mk_expr(p, EXPR_BOOLOP, st);
    if (!e)
        return NULL;
    e->u.boolop.op = op;
    e->u.boolop.values = expr_list(v);
    return e;
}

static AstExpr *comparison(Parser *p);

/* inversion: 'not' inversion | comparison, as a loop (no C recursion) */
static AstExpr *inversion(Parser *p) {
    size_t m = p->pos, n = 0;
    while (ptype(p) == LT_NOT) {
        p->pos++;
        n++;
    }
    AstExpr *v = comparison(p);
    if (!v) {
        p->pos = m;
        return NULL;
    }
    while (n-- > 0) {
        AstExpr *e = mk_expr(p, EXPR_UNARYOP, &p->toks[m + n]);
        if (!e)
            return NULL;
        e->u.unaryop.op = UOP_NOT;
        e->u.unaryop.operand = v;
        v = e;
    }
    return v;
}

static AstExpr *conjunction(Parser *p) { return boolop(p, LT_AND, BOOL_AND, inversion); }

RULE(disjunction, R_DISJUNCTION, AstExpr) { return boolop(p, LT_OR, BOOL_OR, conjunction); }

/* The comparison operator at the current token (1 or 2 tokens), or -1. */
static int compare_op(Parser *p, int *ntok) {
    *ntok = 1;
    switch (ptype(p)) {
    case LT_EQEQUAL: return CMP_EQ;
    case LT_NOTEQUAL: return CMP_NOTEQ;
    case LT_LESSEQUAL: return CMP_LTE;
    case LT_LESS: return CMP_LT;
    case LT_GREATEREQUAL: return CMP_GTE;
    case LT_GREATER: return CMP_GT;
    case LT_IN: return CMP_IN;
    case LT_NOT:
        *ntok = 2;
        return ptype_at(p, 1) == LT_IN ? CMP_NOTIN : -1;
    case LT_IS:
        if (ptype_at(p, 1) == LT_NOT) {
            *ntok = 2;
            return CMP_ISNOT;
        }
        return CMP_IS;
    default: return -1;
    }
}

/* comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or */
static AstExpr *comparison(Parser *p) {
    LexToken *st = peek(p);
    AstExpr *a = bitwise_or(p);
    if (!a)
        return NULL;
    CmpVec ops = {0};
    ExprVec cmps = {0};
    for (;;) {
        int ntok, op = compare_op(p, &ntok);
        if (op < 0)
            break;
        size_t m = p->pos;
        p->pos += (size_t)ntok;
        AstExpr *b = bitwise_or(p);
        if (!b) {
            p->pos = m;
            break;
        }
        if (!CmpVec_push(p, &ops, (AstCmpOp)op) || !ExprVec_push(p, &cmps, b))
            return NULL;
    }
    if (p->error)
        return NULL;
    if (ops.n == 0)
        return a;
    AstExpr *e = mk_expr(p, EXPR_COMPARE, st);
    if (!e)
        return NULL;
    e->u.compare.left = a;
    e->u.compare.n = ops.n;
    e->u.compare.ops = ops.items;
    e->u.compare.comparators = cmps.items;
    return e;
}

/* Binary operators from '|' (1) to the term operators (6); 0 if none. */
static int binop_prec(int type, AstOperator *op) {
    switch (type) {
    case LT_VBAR: *op = OP_BITOR; return 1;
    case LT_CIRCUMFLEX: *op = OP_BITXOR; return 2;
    case LT_AMPER: *op = OP_BITAND; return 3;
    case LT_LEFTSHIFT: *op = OP_LSHIFT; return 4;
    case LT_RIGHTSHIFT: *op = OP_RSHIFT; return 4;
    case LT_PLUS: *op = OP_ADD; return 5;
    case LT_MINUS: *op = OP_SUB; return 5;
    case LT_STAR: *op = OP_MULT; return 6;
    case LT_SLASH: *op = OP_DIV; return 6;
    case LT_DOUBLESLASH: *op = OP_FLOORDIV; return 6;
    case LT_PERCENT: *op = OP_MOD; return 6;
    case LT_AT: *op = OP_MATMULT; return 6;
    default: return 0;
    }
}

/* Precedence climbing over the left-recursive rules bitwise_or .. term. */
static AstExpr *binary(Parser *p, int min_prec) {
    LexToken *st = peek(p);
    AstExpr *left = factor(p);
    if (!left)
        return NULL;
    for (;;) {
        AstOperator op;
        int prec = binop_prec(ptype(p), &op);
        if (prec < min_prec || prec == 0)
            break;
        size_t m = p->pos++;
        AstExpr *right = binary(p, prec + 1);
        if (!right) {
            p->pos = m;
            break;
        }
        AstExpr *e = mk_expr(p, EXPR_BINOP, st);
        if (!e)
            return NULL;
        e->u.binop.left = left;
        e->u.binop.op = op;
        e->u.binop.right = right;
        left = e;
    }
    return p->error ? NULL : left;
}

RULE(bitwise_or, R_BITWISE_OR, AstExpr) { return binary(p, 1); }

/* A pending unary operator or '**' of factor()'s explicit stack. */
typedef struct FactorFrame {
    const LexToken *tok;    /* the operator, or the first token of the base */
    bool is_pow;
    AstUnaryOp op;
    AstExpr *left;          /* '**': the base */
    size_t pos;             /* where to backtrack if the operand fails */
} FactorFrame;
DEFINE_VEC(FrameVec, FactorFrame)

/* factor: '+' factor | '-' factor | '~' factor | power
 * power: await_primary '**' factor | await_primary
 * Both recurse only to the right, so they are parsed with an explicit
 * stack: chains like "- - - x" or "a ** b ** c" of any length cost no C
 * stack.  A failed '**' operand leaves the base alone (PEG backtracking); a
 * failed unary operand fails the unary operator. */
static AstExpr *factor(Parser *p) {
    FrameVec st = {0};
    AstExpr *cur;
    for (;;) {
        LexToken *t = peek(p);
        FactorFrame f = {t, false, UOP_UADD, NULL, p->pos};
        if (t->type == LT_PLUS || t->type == LT_MINUS || t->type == LT_TILDE) {
            f.op = t->type == LT_PLUS ? UOP_UADD : t->type == LT_MINUS ? UOP_USUB : UOP_INVERT;
            if (!FrameVec_push(p, &st, f))
                return NULL;
            p->pos++;
            continue;
        }
        if (t->type == LT_AWAIT) {
            /* AWAIT primary: valid Python 3.11 that txpy does not support */
            p->pos++;
            if (primary(p))
                async_error(p, t);
            p->pos = f.pos;
            cur = NULL;
            break;
        }
        cur = primary(p);
        if (!cur || ptype(p) != LT_DOUBLESTAR)
            break;
        f.is_pow = true;
        f.left = cur;
        f.pos = p->pos;
        if (!FrameVec_push(p, &st, f))
            return NULL;
        p->pos++;
    }
    while (st.n > 0) {
        FactorFrame f = st.items[--st.n];
        if (p->error)
            return NULL;
        if (!cur) {
            p->pos = f.pos;
            if (f.is_pow)
                cur = f.left;
            continue;
        }
        AstExpr *e = mk_expr(p, f.is_pow ? EXPR_BINOP : EXPR_UNARYOP, f.tok);
        if (!e)
            return NULL;
        if (f.is_pow) {
            e->u.binop.left = f.left;
            e->u.binop.op = OP_POW;
            e->u.binop.right = cur;
        } else {
            e->u.unaryop.op = f.op;
            e->u.unaryop.operand = cur;
        }
        cur = e;
    }
    return p->error ? NULL : cur;
}

/* primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')'
 *        | primary '[' slices ']' | atom */
RULE(primary, R_PRIMARY, AstExpr) {
    LexToken *st = peek(p);
    AstExpr *e = atom(p);
    while (e) {
        int t = ptype(p);
        size_t m = p->pos;
        AstExpr *n = NULL;
        if (p->invalid && (t == LT_LSQB || t == LT_LBRACE)) {
            /* primary genexp, where genexp's invalid_comprehension also
             * accepts '[' and '{' */
            p->pos++;
            invalid_comprehension(p, t);
            if (p->error)
                return NULL;
            p->pos = m;
        }
        if (t == LT_DOT) {
            p->pos++;
            LexToken *name = accept(p, LT_NAME);
            if (name && (n = mk_expr(p, EXPR_ATTRIBUTE, st)) != NULL) {
                n->u.attribute.value = e;
                n->u.attribute.attr = tok_ident(p, name);
                n->u.attribute.ctx = CTX_LOAD;
            }
        } else if (t == LT_LPAR) {
            n = call_trailer(p, e, st);
        } else if (t == LT_LSQB) {
            p->pos++;
            AstExpr *s = slices(p);
            if (s && accept(p, LT_RSQB) && (n = mk_expr(p, EXPR_SUBSCRIPT, st)) != NULL) {
                n->u.subscript.value = e;
                n->u.subscript.slice = s;
                n->u.subscript.ctx = CTX_LOAD;
            }
        } else {
            break;
        }
        if (!n) {
            p->pos = m;
            break;
        }
        e = n;
    }
    return p->error ? NULL : e;
}

/* slice: [expression] ':' [expression] [':' [expression]] | named_expression */
static AstExpr *slice_item(Parser *p) {
    LexToken *st = peek(p);
    size_t m = p->pos;
    if (st->type == LT_NAME && ptype_at(p, 1) == LT_COLONEQUAL)
        return named_expression(p);
    AstExpr *lower = NULL;
    if (st->type != LT_COLON) {
        lower = expression(p);
        if (p->error)
            return NULL;
    }
    if (ptype(p) == LT_COLON) {
        p->pos++;
        AstExpr *upper = expression(p), *step = NULL;
        if (p->error)
            return NULL;
        if (accept(p, LT_COLON)) {
            step = expression(p);
            if (p->error)
                return NULL;
        }
        AstExpr *e = mk_expr(p, EXPR_SLICE, st);
        if (!e)
            return NULL;
        e->u.slice.lower = lower;
        e->u.slice.upper = upper;
        e->u.slice.step = step;
        return e;
    }
    if (p->invalid) {
        p->pos = m;
        return named_expression(p);
    }
    if (!lower)
        return NULL;    /* named_expression would fail the same way */
    return ptype(p) == LT_COLONEQUAL ? (p->pos = m, NULL) : lower;
}

/* starred_expression: '*' expression */
static AstExpr *starred_expression(Parser *p) {
    LexToken *st = peek(p);
    if (st->type != LT_STAR)
        return NULL;
    size_t m = p->pos++;
    AstExpr *v = expression(p);
    if (!v) {
        p->pos = m;
        return NULL;
    }
    AstExpr *e = mk_expr(p, EXPR_STARRED, st);
    if (!e)
        return NULL;
    e->u.starred.value = v;
    e->u.starred.ctx = CTX_LOAD;
    return e;
}

static AstExpr *slice_or_starred(Parser *p) {
    return ptype(p) == LT_STAR ? starred_expression(p) : slice_item(p);
}

/* slices: slice !',' | ','.(slice | starred_expression)+ [','] */
RULE(slices, R_NONE, AstExpr) {
    LexToken *st = peek(p);
    AstExpr *a = slice_or_starred(p);
    if (!a)
        return NULL;
    if (a->kind != EXPR_STARRED && ptype(p) != LT_COMMA)
        return a;
    ExprVec v = {0};
    if (!ExprVec_push(p, &v, a))
        return NULL;
    while (ptype(p) == LT_COMMA) {
        p->pos++;
        AstExpr *b = slice_or_starred(p);
        if (!b)
            break;
        if (!ExprVec_push(p, &v, b))
            return NULL;
    }
    if (p->error)
        return NULL;
    AstExpr *t = mk_expr(p, EXPR_TUPLE, st);
    if (!t)
        return NULL;
    t->u.list.elts = expr_list(v);
    t->u.list.ctx = CTX_LOAD;
    return t;
}

/* ---- atoms ---- */

/* A NUMBER token: ints keep their text, floats and imaginary literals are
 * converted with numfmt's correctly rounded parser (which accepts the
 * underscores the tokenizer has already checked). */
static AstExpr *number(Parser *p, const LexToken *t) {
    const char *s = p->src + t->start;
    size_t n = t->end - t->start;
    bool radix = n > 1 && s[0] == '0' && strchr("xXoObB", s[1]);
    bool imag = s[n - 1] == 'j' || s[n - 1] == 'J';
    bool flt = !radix && !imag && (memchr(s, '.', n) || memchr(s, 'e', n) || memchr(s, 'E', n));
    if (!imag && !flt) {
        AstExpr *e = mk_constant(p, CONST_INT, t);
        if (!e)
            return NULL;
        char *txt = ast_strndup(p, s, n);
        e->u.constant.text = (AstStr){txt, n};
        return txt ? e : NULL;
    }
    double v;
    if (!nf_parse_double(s, n - (imag ? 1 : 0), &v)) {
        ast_error_at(p, AST_ERR_SYNTAX, t->lineno, t->col + 1, t->end_lineno, t->end_col + 1,
                     "invalid decimal literal");
        return NULL;
    }
    AstExpr *e = mk_constant(p, imag ? CONST_IMAG : CONST_FLOAT, t);
    if (e)
        e->u.constant.f = v;
    return e;
}

/* for_if_clauses then the closing bracket: the comprehension part of
 * listcomp/setcomp/genexp/dictcomp. */
static bool comp_tail(Parser *p, int close, AstComprehensionList *gens) {
    return for_if_clauses(p, gens) && accept(p, close) != NULL;
}

static AstExpr *mk_comp(Parser *p, AstExprKind kind, const LexToken *st, AstExpr *elt,
                        AstComprehensionList gens) {
    AstExpr *e = mk_expr(p, kind, st);
    if (!e)
        return NULL;
    e->u.listcomp.elt = elt;
    e->u.listcomp.generators = gens;
    return e;
}

/* invalid_comprehension (pass 2), after the opening bracket `open` */
static void invalid_comprehension(Parser *p, int open) {
    size_t m = p->pos;
    AstComprehensionList gens;
    AstExpr *a = starred_expression(p);
    if (a && for_if_clauses(p, &gens)) {
        ERR_AT(p, a, "iterable unpacking cannot be used in comprehension");
        return;
    }
    p->pos = m;
    if (open == LT_LPAR || p->error)
        return;
    a = star_named_expression(p);
    if (a && ptype(p) == LT_COMMA) {
        LexToken *comma = peek(p);
        p->pos++;
        ExprVec v = {0};
        AstExpr *b = star_named_expression(p);
        if (b) {
            if (!ExprVec_push(p, &v, b) || !more_star_named(p, &v))
                return;
            if (for_if_clauses(p, &gens)) {
                ERR_RANGE(p, a, v.items[v.n - 1],
                          "did you forget parentheses around the comprehension target?");
                return;
            }
        } else if (!p->error) {
            p->pos = m;
            a = star_named_expression(p);
            comma = accept(p, LT_COMMA);
            if (a && comma && for_if_clauses(p, &gens)) {
                ERR_RANGE(p, a, comma,
                          "did you forget parentheses around the comprehension target?");
                return;
            }
        }
    }
    p->pos = m;
}

/* tuple: '(' [star_named_expression ',' [star_named_expressions]] ')' */
RULE(tuple_rule, R_NONE, AstExpr) {
    LexToken *st = accept(p, LT_LPAR);
    if (!st)
        return NULL;
    ExprVec v = {0};
    AstExpr *a = star_named_expression(p);
    if (a) {
        if (!accept(p, LT_COMMA) || !ExprVec_push(p, &v, a))
            return NULL;
        AstExpr *b = star_named_expression(p);
        if (b && (!ExprVec_push(p, &v, b) || !more_star_named(p, &v)))
            return NULL;
    }
    if (p->error || !accept(p, LT_RPAR))
        return NULL;
    AstExpr *t = mk_expr(p, EXPR_TUPLE, st);
    if (!t)
        return NULL;
    t->u.list.elts = expr_list(v);
    t->u.list.ctx = CTX_LOAD;
    return t;
}

/* genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')'
 *       | invalid_comprehension */
RULE(genexp_rule, R_NONE, AstExpr) {
    LexToken *st = accept(p, LT_LPAR);
    if (!st)
        return NULL;
    AstExpr *elt;
    if (ptype(p) == LT_NAME && ptype_at(p, 1) == LT_COLONEQUAL) {
        elt = assignment_expression(p);
    } else {
        elt = expression(p);
        if (elt && ptype(p) == LT_COLONEQUAL)
            elt = NULL;
    }
    AstComprehensionList gens;
    if (elt && comp_tail(p, LT_RPAR, &gens))
        return mk_comp(p, EXPR_GENERATOREXP, st, elt, gens);
    if (p->invalid && !p->error) {
        p->pos = (size_t)(st - p->toks) + 1;
        invalid_comprehension(p, LT_LPAR);
    }
    return NULL;
}

/* list: '[' [star_named_expressions] ']' */
RULE(list_rule, R_NONE, AstExpr) {
    LexToken *st = accept(p, LT_LSQB);
    if (!st)
        return NULL;
    ExprVec v = {0};
    AstExpr *a = star_named_expression(p);
    if (a && (!ExprVec_push(p, &v, a) || !more_star_named(p, &v)))
        return NULL;
    if (p->error || !accept(p, LT_RSQB))
        return NULL;
    AstExpr *t = mk_expr(p, EXPR_LIST, st);
    if (!t)
        return NULL;
    t->u.list.elts = expr_list(v);
    t->u.list.ctx = CTX_LOAD;
    return t;
}

/* '(' ... ')': tuple | group | genexp, deciding after the first item. */
static AstExpr *paren_atom(Parser *p) {
    LexToken *st = peek(p);
    size_t m = p->pos++;
    AstExpr *a;
    if (ptype(p) == LT_YIELD) {
        a = yield_expr(p);
        if (a && accept(p, LT_RPAR))
            return a;
    } else if (ptype(p) == LT_RPAR) {
        p->pos++;
        a = mk_expr(p, EXPR_TUPLE, st);
        if (a)
            a->u.list.ctx = CTX_LOAD;
        return a;
    } else if ((a = star_named_expression(p)) != NULL) {
        int t = ptype(p);
        if (t == LT_COMMA) {
            ExprVec v = {0};
            if (!ExprVec_push(p, &v, a) || !more_star_named(p, &v))
                return NULL;
            if (accept(p, LT_RPAR)) {
                AstExpr *e = mk_expr(p, EXPR_TUPLE, st);
                if (!e)
                    return NULL;
                e->u.list.elts = expr_list(v);
                e->u.list.ctx = CTX_LOAD;
                return e;
            }
        } else if (t == LT_RPAR && a->kind != EXPR_STARRED) {
            p->pos++;
            return a;
        } else if (t == LT_FOR && a->kind != EXPR_STARRED) {
            AstComprehensionList gens;
            if (comp_tail(p, LT_RPAR, &gens))
                return mk_comp(p, EXPR_GENERATOREXP, st, a, gens);
        }
    }
    if (p->error)
        return NULL;
    if (p->invalid) {
        /* invalid_group, then the invalid_comprehension of genexp */
        p->pos = m + 1;
        a = starred_expression(p);
        if (a && accept(p, LT_RPAR)) {
            ERR_AT(p, a, "cannot use starred expression here");
            return NULL;
        }
        p->pos = m + 1;
        LexToken *ds = peek(p);
        if (ds->type == LT_DOUBLESTAR) {
            p->pos++;
            if (expression(p) && accept(p, LT_RPAR)) {
                ERR_AT(p, ds, "cannot use double starred expression here");
                return NULL;
            }
        }
        if (p->error)
            return NULL;
        p->pos = m + 1;
        invalid_comprehension(p, LT_LPAR);
    }
    p->pos = m;
    return NULL;
}

/* '[' ... ']': list | listcomp */
static AstExpr *list_atom(Parser *p) {
    LexToken *st = peek(p);
    size_t m = p->pos++;
    ExprVec v = {0};
    AstExpr *a = star_named_expression(p);
    if (a && a->kind != EXPR_STARRED && ptype(p) == LT_FOR) {
        AstComprehensionList gens;
        if (comp_tail(p, LT_RSQB, &gens))
            return mk_comp(p, EXPR_LISTCOMP, st, a, gens);
    } else if (!a || (ExprVec_push(p, &v, a) && more_star_named(p, &v))) {
        if (!p->error && accept(p, LT_RSQB)) {
            AstExpr *e = mk_expr(p, EXPR_LIST, st);
            if (!e)
                return NULL;
            e->u.list.elts = expr_list(v);
            e->u.list.ctx = CTX_LOAD;
            return e;
        }
    }
    if (p->invalid && !p->error) {
        p->pos = m + 1;
        invalid_comprehension(p, LT_LSQB);
    }
    p->pos = m;
    return NULL;
}

/* invalid_kvpair and invalid_double_starred_kvpairs (pass 2) */
static bool invalid_kvpair_tail(Parser *p) {
    /* expression ':' a='*' bitwise_or | expression ':' &('}'|',') */
    size_t m = p->pos;
    if (expression(p) && ptype(p) == LT_COLON) {
        LexToken *colon = peek(p);
        p->pos++;
        LexToken *star = peek(p);
        if (star->type == LT_STAR) {
            p->pos++;
            if (bitwise_or(p)) {
                ERR_FROM(p, star, "cannot use a starred expression in a dictionary value");
                return true;
            }
        } else if (star->type == LT_RBRACE || star->type == LT_COMMA) {
            ERR_AT(p, colon, "expression expected after dictionary key and ':'");
            return true;
        }
    }
    p->pos = m;
    return p->error;
}

static bool first_kvpair(Parser *p, ExprVec *keys, ExprVec *values);
static bool double_starred_kvpair(Parser *p, ExprVec *keys, ExprVec *values);
static AstExpr *dict_key(Parser *p);

static void invalid_double_starred_kvpairs(Parser *p) {
    size_t m = p->pos;
    ExprVec keys = {0}, values = {0};
    if (first_kvpair(p, &keys, &values)) {
        bool ok = true;
        while (ok && ptype(p) == LT_COMMA) {
            size_t c = p->pos++;
            if (!double_starred_kvpair(p, &keys, &values)) {
                p->pos = c;
                ok = false;
            }
        }
        if (p->error)
            return;
        if (accept(p, LT_COMMA)) {
            /* invalid_kvpair */
            size_t k = p->pos;
            AstExpr *a = dict_key(p);
            if (a && ptype(p) != LT_COLON) {
                ast_error_at(p, AST_ERR_SYNTAX, a->lineno, a->end_col, a->end_lineno, 0,
                             "':' expected after dictionary key");
                return;
            }
            p->pos = k;
            if (invalid_kvpair_tail(p))
                return;
        }
    }
    if (p->error)
        return;
    p->pos = m;
    invalid_kvpair_tail(p);
    p->pos = m;
}

/* The key of a dict item after the first.  CPython 3.11's pass 2 reports
 * errors inside such a key only within its bracketed atoms, not at the
 * key's own level nor in its call or subscript trailers (so "{1: 2, 3 4}"
 * gives "':' expected after dictionary key", not "Perhaps you forgot a
 * comma?"); this reproduces that. */
static AstExpr *dict_key(Parser *p) {
    if (!p->invalid)
        return expression(p);
    p->invalid = false;
    p->invalid_in_atoms = true;
    AstExpr *e = expression(p);
    p->invalid = true;
    p->invalid_in_atoms = false;
    return e;
}

/* double_starred_kvpair: '**' bitwise_or | expression ':' expression
 * (for the items after the first) */
static bool double_starred_kvpair(Parser *p, ExprVec *keys, ExprVec *values) {
    size_t m = p->pos;
    AstExpr *k = NULL, *v;
    if (accept(p, LT_DOUBLESTAR)) {
        v = bitwise_or(p);
    } else {
        k = dict_key(p);
        v = k && accept(p, LT_COLON) ? expression(p) : NULL;
    }
    if (!v) {
        p->pos = m;
        return false;
    }
    return ExprVec_push(p, keys, k) && ExprVec_push(p, values, v);
}

/* The first double_starred_kvpair of a dict: a normal expression key. */
static bool first_kvpair(Parser *p, ExprVec *keys, ExprVec *values) {
    size_t m = p->pos;
    AstExpr *k = NULL, *v;
    if (accept(p, LT_DOUBLESTAR)) {
        v = bitwise_or(p);
    } else {
        k = expression(p);
        v = k && accept(p, LT_COLON) ? expression(p) : NULL;
    }
    if (!v) {
        p->pos = m;
        return false;
    }
    return ExprVec_push(p, keys, k) && ExprVec_push(p, values, v);
}

/* dict | dictcomp after a '{' that is not followed by '}'.  When the first
 * item is a plain expression not followed by ':', it is handed back in
 * *plain (ending at *plain_end) for the set rule to reuse; when it is not an
 * expression at all, *no_item is set (the set rule would fail the same way). */
static AstExpr *dict_items(Parser *p, const LexToken *st, AstExpr **plain, size_t *plain_end,
                           bool *no_item) {
    ExprVec keys = {0}, values = {0};
    LexToken *ds = peek(p);
    size_t k = p->pos;
    if (ds->type == LT_DOUBLESTAR) {
        if (p->invalid) {
            /* invalid_dict_comprehension */
            AstComprehensionList gens;
            p->pos++;
            if (bitwise_or(p) && comp_tail(p, LT_RBRACE, &gens)) {
                ERR_AT(p, ds, "dict unpacking cannot be used in dict comprehension");
                return NULL;
            }
            if (p->error)
                return NULL;
            p->pos = k;
        }
        if (!first_kvpair(p, &keys, &values))
            return NULL;
    } else {
        AstExpr *key = expression(p);
        if (!key) {
            *no_item = true;
            return NULL;
        }
        if (!accept(p, LT_COLON)) {
            *plain = key;
            *plain_end = p->pos;
            return NULL;
        }
        AstExpr *v = expression(p);
        if (!v)
            return NULL;
        if (ptype(p) == LT_FOR) {
            AstComprehensionList gens;
            if (!comp_tail(p, LT_RBRACE, &gens))
                return NULL;
            AstExpr *e = mk_expr(p, EXPR_DICTCOMP, st);
            if (!e)
                return NULL;
            e->u.dictcomp.key = key;
            e->u.dictcomp.value = v;
            e->u.dictcomp.generators = gens;
            return e;
        }
        if (!ExprVec_push(p, &keys, key) || !ExprVec_push(p, &values, v))
            return NULL;
    }
    while (ptype(p) == LT_COMMA) {
        size_t c = p->pos++;
        if (!double_starred_kvpair(p, &keys, &values)) {
            p->pos = c + 1;
            break;
        }
    }
    if (p->error || !accept(p, LT_RBRACE))
        return NULL;
    AstExpr *e = mk_expr(p, EXPR_DICT, st);
    if (!e)
        return NULL;
    e->u.dict.keys = expr_list(keys);
    e->u.dict.values = expr_list(values);
    return e;
}

/* '{' ... '}': dict | set | dictcomp | setcomp */
static AstExpr *brace_atom(Parser *p) {
    LexToken *st = peek(p);
    size_t m = p->pos++;
    if (accept(p, LT_RBRACE))
        return mk_expr(p, EXPR_DICT, st);
    AstExpr *first = NULL;
    size_t first_end = 0;
    bool no_item = false;
    int t = ptype(p);
    if (t != LT_STAR && !(t == LT_NAME && ptype_at(p, 1) == LT_COLONEQUAL)) {
        AstExpr *e = dict_items(p, st, &first, &first_end, &no_item);
        if (e || p->error)
            return e;
        if (p->invalid) {
            p->pos = m + 1;
            invalid_double_starred_kvpairs(p);
            if (p->error)
                return NULL;
            first = NULL;
        }
    }
    /* set / setcomp, reusing the first item parsed by dict_items when it
     * is what star_named_expression would give */
    if (first && first_end < p->ntoks && p->toks[first_end].type != LT_COLONEQUAL) {
        p->pos = first_end;
    } else if (no_item && !p->invalid) {
        first = NULL;       /* pass 1 re-parsing it would fail the same way */
    } else {
        p->pos = m + 1;
        first = star_named_expression(p);
    }
    if (first) {
        if (first->kind != EXPR_STARRED && ptype(p) == LT_FOR) {
            AstComprehensionList gens;
            if (comp_tail(p, LT_RBRACE, &gens))
                return mk_comp(p, EXPR_SETCOMP, st, first, gens);
        } else {
            ExprVec v = {0};
            if (ExprVec_push(p, &v, first) && more_star_named(p, &v) && accept(p, LT_RBRACE)) {
                AstExpr *e = mk_expr(p, EXPR_SET, st);
                if (!e)
                    return NULL;
                e->u.set.elts = expr_list(v);
                return e;
            }
        }
    }
    if (p->invalid && !p->error) {
        p->pos = m + 1;
        invalid_comprehension(p, LT_LBRACE);
    }
    p->pos = m;
    return NULL;
}

/* atom */
static AstExpr *atom(Parser *p) {
    LexToken *t = peek(p);
    switch (t->type) {
    case LT_NAME:
        p->pos++;
        return name_from_tok(p, t, CTX_LOAD);
    case LT_TRUE:
    case LT_FALSE:
    case LT_NONE:
    case LT_ELLIPSIS:
        p->pos++;
        return mk_constant(p, t->type == LT_TRUE ? CONST_TRUE : t->type == LT_FALSE ? CONST_FALSE
                              : t->type == LT_NONE ? CONST_NONE : CONST_ELLIPSIS, t);
    case LT_NUMBER:
        p->pos++;
        return number(p, t);
    case LT_STRING: {
        size_t first = p->pos;
        while (ptype(p) == LT_STRING)
            p->pos++;
        AstExpr *e = ast_parse_strings(p, first, p->pos - 1);
        if (!e)
            p->pos = first;
        return e;
    }
    case LT_LPAR:
    case LT_LSQB:
    case LT_LBRACE: {
        bool in_atoms = p->invalid_in_atoms;
        if (in_atoms) {
            p->invalid = true;
            p->invalid_in_atoms = false;
        }
        AstExpr *e = t->type == LT_LPAR ? paren_atom(p) : t->type == LT_LSQB ? list_atom(p)
                     : brace_atom(p);
        if (in_atoms) {
            p->invalid = false;
            p->invalid_in_atoms = true;
        }
        return e;
    }
    default:
        return NULL;
    }
}

/* ---- targets ---- */

/* Is e a valid target tree for star_targets (or del_targets)?  Pure:
 * nothing is changed until the whole tree is known to be valid. */
static bool valid_target(const AstExpr *e, bool del) {
    switch (e->kind) {
    case EXPR_NAME:
    case EXPR_ATTRIBUTE:
    case EXPR_SUBSCRIPT:
        return true;
    case EXPR_STARRED:
        return !del && e->u.starred.value->kind != EXPR_STARRED &&
               valid_target(e->u.starred.value, del);
    case EXPR_TUPLE:
    case EXPR_LIST:
        for (size_t i = 0; i < e->u.list.elts.n; i++)
            if (!valid_target(e->u.list.elts.items[i], del))
                return false;
        return true;
    default:
        return false;
    }
}

static void set_ctx(AstExpr *e, AstCtx ctx) {
    switch (e->kind) {
    case EXPR_NAME: e->u.name.ctx = ctx; break;
    case EXPR_ATTRIBUTE: e->u.attribute.ctx = ctx; break;
    case EXPR_SUBSCRIPT: e->u.subscript.ctx = ctx; break;
    case EXPR_STARRED:
        e->u.starred.ctx = ctx;
        set_ctx(e->u.starred.value, ctx);
        break;
    case EXPR_TUPLE:
    case EXPR_LIST:
        e->u.list.ctx = ctx;
        for (size_t i = 0; i < e->u.list.elts.n; i++)
            set_ctx(e->u.list.elts.items[i], ctx);
        break;
    default: break;
    }
}

enum { TARGETS_STAR, TARGETS_DEL, TARGETS_FOR };

/* CPython's _PyPegen_get_invalid_target: the first sub-expression that
 * makes e an invalid target, or NULL. */
static AstExpr *invalid_target(AstExpr *e, int type) {
    switch (e->kind) {
    case EXPR_LIST:
    case EXPR_TUPLE:
        for (size_t i = 0; i < e->u.list.elts.n; i++) {
            AstExpr *r = invalid_target(e->u.list.elts.items[i], type);
            if (r)
                return r;
        }
        return NULL;
    case EXPR_STARRED:
        return type == TARGETS_DEL ? e : invalid_target(e->u.starred.value, type);
    case EXPR_COMPARE:
        if (type == TARGETS_FOR)
            return e->u.compare.ops[0] == CMP_IN ? invalid_target(e->u.compare.left, type) : NULL;
        return e;
    case EXPR_NAME:
    case EXPR_SUBSCRIPT:
    case EXPR_ATTRIBUTE:
        return NULL;
    default:
        return e;
    }
}

/* RAISE_SYNTAX_ERROR_INVALID_TARGET; true if it raised. */
static bool raise_invalid_target(Parser *p, AstExpr *a, int type) {
    AstExpr *t = invalid_target(a, type);
    if (!t)
        return false;
    ERR_AT(p, t, type == TARGETS_DEL ? "cannot delete %s" : "cannot assign to %s", expr_name(t));
    return true;
}

/* target_with_star_atom: a primary that is a valid target (star_atom's
 * parenthesised forms come out of the expression parser as Name, Tuple or
 * List and are checked element by element). */
static AstExpr *target_primary(Parser *p, bool del) {
    size_t m = p->pos;
    AstExpr *e = primary(p);
    if (!e || e->kind == EXPR_STARRED || !valid_target(e, del)) {
        p->pos = m;
        return NULL;
    }
    set_ctx(e, del ? CTX_DEL : CTX_STORE);
    return e;
}

/* star_target: '*' (!'*' star_target) | target_with_star_atom */
static AstExpr *star_target(Parser *p) {
    LexToken *st = peek(p);
    if (st->type != LT_STAR)
        return target_primary(p, false);
    size_t m = p->pos++;
    if (ptype(p) == LT_STAR) {
        p->pos = m;
        return NULL;
    }
    ENTER(p);
    AstExpr *v = star_target(p);
    LEAVE(p);
    if (!v) {
        p->pos = m;
        return NULL;
    }
    AstExpr *e = mk_expr(p, EXPR_STARRED, st);
    if (!e)
        return NULL;
    e->u.starred.value = v;
    e->u.starred.ctx = CTX_STORE;
    return e;
}

/* star_targets: star_target !',' | star_target (',' star_target)* [','] */
static AstExpr *star_targets(Parser *p) {
    AstExpr *t = tuple_of(p, star_target);
    if (t && t->kind == EXPR_TUPLE && t->u.list.ctx == CTX_LOAD)
        set_ctx(t, CTX_STORE);
    return t;
}

/* ---- comprehensions ---- */

static AstExpr *last_comprehension_item(AstComprehensionList gens) {
    AstComprehension *c = gens.items[gens.n - 1];
    return c->ifs.n ? c->ifs.items[c->ifs.n - 1] : c->iter;
}

/* for_if_clauses: for_if_clause+
 * for_if_clause: 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
 *              | invalid_for_target */
static bool for_if_clauses(Parser *p, AstComprehensionList *out) {
    CompVec v = {0};
    for (;;) {
        LexToken *t = peek(p);
        if (t->type == LT_ASYNC && ptype_at(p, 1) == LT_FOR) {
            async_error(p, t);
            return false;
        }
        if (t->type != LT_FOR)
            break;
        size_t m = p->pos++;
        AstExpr *target = star_targets(p);
        if (target && accept(p, LT_IN)) {
            AstExpr *iter = disjunction(p);
            if (!iter) {
                p->pos = m;
                break;
            }
            ExprVec ifs = {0};
            while (ptype(p) == LT_IF) {
                size_t c = p->pos++;
                AstExpr *cond = disjunction(p);
                if (!cond) {
                    p->pos = c;
                    break;
                }
                if (!ExprVec_push(p, &ifs, cond))
                    return false;
            }
            AstComprehension *c = ast_alloc(p->arena, sizeof *c);
            if (p->error || !c || !CompVec_push(p, &v, c)) {
                if (!c)
                    ast_error_nomem(p);
                return false;
            }
            c->target = target;
            c->iter = iter;
            c->ifs = expr_list(ifs);
            continue;
        }
        if (p->error)
            return false;
        if (p->invalid) {
            p->pos = m + 1;
            AstExpr *a = star_expressions(p);
            if (a && raise_invalid_target(p, a, TARGETS_FOR))
                return false;
            if (p->error)
                return false;
        }
        p->pos = m;
        break;
    }
    if (p->error || v.n == 0)
        return false;
    out->n = v.n;
    out->items = v.items;
    return true;
}

/* ---- call arguments ---- */

static AstKeyword *new_keyword(Parser *p, const char *arg, AstExpr *value, const LexToken *st) {
    AstKeyword *k = ast_alloc(p->arena, sizeof *k);
    if (!k) {
        ast_error_nomem(p);
        return NULL;
    }
    const LexToken *lt = last_tok(p);
    k->arg = arg;
    k->value = value;
    k->lineno = st->lineno;
    k->col = st->col;
    k->end_lineno = lt->end_lineno;
    k->end_col = lt->end_col;
    return k;
}

/* invalid_kwarg (pass 2); true if it raised */
static bool invalid_kwarg(Parser *p) {
    size_t m = p->pos;
    LexToken *a = peek(p);
    if ((a->type == LT_TRUE || a->type == LT_FALSE || a->type == LT_NONE) &&
        ptype_at(p, 1) == LT_EQUAL) {
        ERR_RANGE(p, a, tok_at(p, p->pos + 1), "cannot assign to %.*s",
                  (int)(a->end - a->start), p->src + a->start);
        return true;
    }
    if (a->type == LT_NAME && ptype_at(p, 1) == LT_EQUAL) {
        LexToken *b = tok_at(p, p->pos + 1);
        p->pos += 2;
        AstComprehensionList gens;
        if (expression(p) && for_if_clauses(p, &gens)) {
            ERR_RANGE(p, a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            return true;
        }
        p->pos = m;
        return p->error;
    }
    AstExpr *e = expression(p);
    if (e && ptype(p) == LT_EQUAL) {
        ERR_RANGE(p, e, peek(p), "expression cannot contain assignment, perhaps you meant \"==\"?");
        return true;
    }
    p->pos = m;
    return p->error;
}

/* args: positional items (starred_expression | (assignment_expression |
 * expression !':=') !'='), then kwargs: (NAME '=' expression |
 * starred_expression)*, then (NAME '=' expression | '**' expression)*.
 * `pre`, when given, is the first item already parsed (ending at pre_end).
 * Stops before a comma that is not followed by another item. */
static bool args_rule_pre(Parser *p, ExprVec *args, KwVec *kws, AstExpr *pre, size_t pre_end,
                          bool pre_failed) {
    size_t n0 = args->n + kws->n;
    int state = 0;      /* 0 positional, 1 kwarg_or_starred, 2 kwarg_or_double_starred */
    size_t comma = 0;
    for (bool first = true;; first = false) {
        size_t m = p->pos;
        LexToken *t = peek(p);
        AstExpr *item = NULL;
        AstKeyword *kw = NULL;
        if (state == 0) {
            if (first && pre) {
                p->pos = pre_end;
                item = pre;
            } else if (first && pre_failed) {
                item = NULL;
            } else if (t->type == LT_STAR) {
                item = starred_expression(p);
            } else if (t->type == LT_NAME && ptype_at(p, 1) == LT_COLONEQUAL) {
                item = assignment_expression(p);
            } else if (!(t->type == LT_NAME && ptype_at(p, 1) == LT_EQUAL)) {
                item = expression(p);
                if (item && ptype(p) == LT_COLONEQUAL)
                    item = NULL;
            }
            if (item && item->kind != EXPR_STARRED && ptype(p) == LT_EQUAL)
                item = NULL;
            if (p->error)
                return false;
            if (!item) {
                p->pos = m;
                state = 1;
            }
        }
        if (!item) {
            if (p->invalid && invalid_kwarg(p))
                return false;
            if (t->type == LT_NAME && ptype_at(p, 1) == LT_EQUAL) {
                p->pos += 2;
                AstExpr *v = expression(p);
                if (v)
                    kw = new_keyword(p, tok_ident(p, t), v, t);
            } else if (t->type == LT_STAR && state < 2) {
                item = starred_expression(p);
            } else if (t->type == LT_DOUBLESTAR) {
                p->pos++;
                AstExpr *v = expression(p);
                if (v && (kw = new_keyword(p, NULL, v, t)) != NULL)
                    state = 2;
            }
            if (p->error)
                return false;
            if (!kw && !item) {
                p->pos = first ? m : comma;
                break;
            }
        }
        if (item ? !ExprVec_push(p, args, item) : !KwVec_push(p, kws, kw))
            return false;
        if (ptype(p) != LT_COMMA)
            break;
        comma = p->pos++;
    }
    return args->n + kws->n > n0;
}

static bool args_rule(Parser *p, ExprVec *args, KwVec *kws) {
    return args_rule_pre(p, args, kws, NULL, 0, false);
}

/* invalid_arguments (pass 2), just after the '(' */
static void invalid_arguments(Parser *p) {
    size_t m = p->pos;
    ExprVec args = {0};
    KwVec kws = {0};
    AstComprehensionList gens;
    if (args_rule(p, &args, &kws) && kws.n > 0 && accept(p, LT_COMMA) && ptype(p) == LT_STAR) {
        ERR_AT(p, peek(p), "iterable argument unpacking follows keyword argument unpacking");
        return;
    }
    if (p->error)
        return;
    p->pos = m;
    AstExpr *a = expression(p);
    if (a && for_if_clauses(p, &gens) && accept(p, LT_COMMA)) {
        /* the optional [args | expression for_if_clauses] that follows */
        size_t k = p->pos;
        ExprVec args2 = {0};
        KwVec kws2 = {0};
        AstComprehensionList gens2;
        if (!args_rule(p, &args2, &kws2) && !p->error) {
            p->pos = k;
            if (expression(p))
                for_if_clauses(p, &gens2);
        }
        ERR_RANGE(p, a, last_comprehension_item(gens), "Generator expression must be parenthesized");
        return;
    }
    if (p->error)
        return;
    p->pos = m;
    LexToken *n = peek(p);
    if (n->type == LT_NAME && ptype_at(p, 1) == LT_EQUAL) {
        LexToken *eq = tok_at(p, p->pos + 1);
        p->pos += 2;
        if (expression(p) && for_if_clauses(p, &gens)) {
            ERR_RANGE(p, n, eq, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            return;
        }
        if (p->error)
            return;
    }
    p->pos = m;
    args.n = kws.n = 0;
    if (args_rule(p, &args, &kws)) {
        size_t after = p->pos;
        if (for_if_clauses(p, &gens)) {
            if (args.n > 1)
                ERR_RANGE(p, args.items[args.n - 1], last_comprehension_item(gens),
                          "Generator expression must be parenthesized");
            return;
        }
        if (p->error)
            return;
        p->pos = after;
        if (accept(p, LT_COMMA)) {
            size_t c = p->pos;
            a = expression(p);
            if (a && for_if_clauses(p, &gens)) {
                ERR_RANGE(p, a, last_comprehension_item(gens),
                          "Generator expression must be parenthesized");
                return;
            }
            if (p->error)
                return;
            p->pos = c;
            ExprVec args2 = {0};
            KwVec kws2 = {0};
            if (args_rule(p, &args2, &kws2)) {
                bool unpack = false;
                for (size_t i = 0; i < kws.n; i++)
                    unpack |= kws.items[i]->arg == NULL;
                ast_error_last(p, AST_ERR_SYNTAX, unpack
                               ? "positional argument follows keyword argument unpacking"
                               : "positional argument follows keyword argument");
                return;
            }
        }
    }
    p->pos = m;
}

/* The trailer '(' ... ')' of a primary: primary genexp | primary '('
 * [arguments] ')', where arguments: args [','] &')' | invalid_arguments. */
static AstExpr *call_trailer(Parser *p, AstExpr *func, const LexToken *st) {
    LexToken *lp = peek(p);
    size_t m = p->pos++;
    size_t a0 = p->pos;
    ExprVec args = {0};
    KwVec kws = {0};
    AstExpr *first = NULL;
    size_t first_end = 0;
    bool tried = false;
    int t = ptype(p);
    if (t == LT_NAME && ptype_at(p, 1) == LT_COLONEQUAL) {
        first = assignment_expression(p);
        tried = true;
    } else if (t != LT_STAR && t != LT_DOUBLESTAR && !(t == LT_NAME && ptype_at(p, 1) == LT_EQUAL)) {
        first = expression(p);
        if (first && ptype(p) == LT_COLONEQUAL)
            first = NULL;
        tried = true;
    }
    if (p->error)
        return NULL;
    first_end = p->pos;
    if (first && ptype(p) == LT_FOR) {
        AstComprehensionList gens;
        if (comp_tail(p, LT_RPAR, &gens)) {
            AstExpr *g = mk_comp(p, EXPR_GENERATOREXP, lp, first, gens);
            if (!g || !ExprVec_push(p, &args, g))
                return NULL;
            goto make_call;
        }
        if (p->error)
            return NULL;
    }
    if (p->invalid) {
        p->pos = a0;
        invalid_comprehension(p, LT_LPAR);
        if (p->error)
            return NULL;
    }
    p->pos = a0;
    if (ptype(p) != LT_RPAR) {
        if (!args_rule_pre(p, &args, &kws, first, first_end, tried && !first && !p->invalid))
            goto fail;
        accept(p, LT_COMMA);
        if (ptype(p) != LT_RPAR)
            goto fail;
    }
    p->pos++;
make_call:;
    AstExpr *e = mk_expr(p, EXPR_CALL, st);
    if (!e)
        return NULL;
    e->u.call.func = func;
    e->u.call.args = expr_list(args);
    e->u.call.keywords = (AstKeywordList){kws.n, kws.items};
    return e;
fail:
    if (p->invalid && !p->error) {
        p->pos = a0;
        invalid_arguments(p);
    }
    p->pos = m;
    return NULL;
}

/* ---- parameters (def and lambda) ---- */

/* param: NAME annotation?  (lambda_param: NAME).  `star` allows the
 * star_annotation of *args (':' star_expression). */
static AstArg *param(Parser *p, bool lam, bool star) {
    LexToken *n = accept(p, LT_NAME);
    if (!n)
        return NULL;
    AstExpr *ann = NULL;
    if (!lam && ptype(p) == LT_COLON) {
        size_t m = p->pos++;
        ann = star ? star_expression(p) : expression(p);
        if (!ann)
            p->pos = m;
    }
    AstArg *a = ast_alloc(p->arena, sizeof *a);
    if (p->error || !a) {
        if (!a)
            ast_error_nomem(p);
        return NULL;
    }
    const LexToken *lt = last_tok(p);
    a->arg = tok_ident(p, n);
    a->annotation = ann;
    a->lineno = n->lineno;
    a->col = n->col;
    a->end_lineno = lt->end_lineno;
    a->end_col = lt->end_col;
    return a;
}

/* default: '=' expression | invalid_default */
static AstExpr *default_rule(Parser *p) {
    LexToken *eq = accept(p, LT_EQUAL);
    if (!eq)
        return NULL;
    AstExpr *e = expression(p);
    if (e)
        return e;
    if (p->invalid && (ptype(p) == LT_RPAR || ptype(p) == LT_COMMA))
        ERR_AT(p, eq, "expected default value expression");
    p->pos--;
    return NULL;
}

/* The ',' or &close that must follow each parameter. */
static bool param_sep(Parser *p, int close) {
    return accept(p, LT_COMMA) || ptype(p) == close;
}

/* param_no_default / param_with_default / param_maybe_default, as the
 * grammar's pass-2 rules need them: 0 no default, 1 required, 2 optional */
static AstArg *param_kind(Parser *p, int close, int dflt) {
    size_t m = p->pos;
    AstArg *a = param(p, close == LT_COLON, false);
    if (a) {
        bool has = ptype(p) == LT_EQUAL;
        if (has && dflt == 0)
            a = NULL;
        else if (!has && dflt == 1)
            a = NULL;
        else if (has && !default_rule(p))
            a = NULL;
        if (a && param_sep(p, close))
            return a;
    }
    p->pos = m;
    return NULL;
}

static int count_params(Parser *p, int close, int dflt) {
    int n = 0;
    while (param_kind(p, close, dflt))
        n++;
    return n;
}

/* slash_no_default / slash_with_default */
static bool slash_rule(Parser *p, int close, bool with_default) {
    size_t m = p->pos;
    int n = count_params(p, close, 0);
    if (with_default)
        n = count_params(p, close, 1);
    if (n > 0 && accept(p, LT_SLASH) && param_sep(p, close))
        return true;
    p->pos = m;
    return false;
}

static bool any_slash(Parser *p, int close) {
    return slash_rule(p, close, false) || slash_rule(p, close, true);
}

/* invalid_parameters / invalid_lambda_parameters (pass 2) */
static void invalid_parameters(Parser *p, int close) {
    size_t m = p->pos;
    count_params(p, close, 0);
    size_t h = p->pos;
    if (slash_rule(p, close, true) || (p->pos = h, count_params(p, close, 1) > 0)) {
        AstArg *arg = param_kind(p, close, 0);
        if (arg) {
            ERR_AT(p, arg, "non-default argument follows default argument");
            return;
        }
    }
    if (p->error)
        return;
    p->pos = m;
    count_params(p, close, 0);
    LexToken *lp = accept(p, LT_LPAR);
    if (lp && count_params(p, LT_RPAR, 0) > 0) {
        accept(p, LT_COMMA);
        LexToken *rp = accept(p, LT_RPAR);
        if (rp) {
            ERR_RANGE(p, lp, rp, close == LT_COLON
                      ? "Lambda expression parameters cannot be parenthesized"
                      : "Function parameters cannot be parenthesized");
            return;
        }
    }
    if (p->error)
        return;
    p->pos = m;
    LexToken *slash = peek(p);
    if (slash->type == LT_SLASH && ptype_at(p, 1) == LT_COMMA) {
        ERR_AT(p, slash, "at least one argument must precede /");
        return;
    }
    if (any_slash(p, close)) {
        count_params(p, close, 2);
        LexToken *a = accept(p, LT_SLASH);
        if (a) {
            ERR_AT(p, a, "/ may appear only once");
            return;
        }
    }
    if (p->error)
        return;
    p->pos = m;
    any_slash(p, close);
    count_params(p, close, 2);
    if (accept(p, LT_STAR) && (accept(p, LT_COMMA) || param_kind(p, close, 0))) {
        count_params(p, close, 2);
        LexToken *a = accept(p, LT_SLASH);
        if (a) {
            ERR_AT(p, a, "/ must be ahead of *");
            return;
        }
    }
    if (p->error)
        return;
    p->pos = m;
    if (count_params(p, close, 2) > 0 && accept(p, LT_SLASH)) {
        LexToken *a = accept(p, LT_STAR);
        if (a) {
            ERR_AT(p, a, "expected comma between / and *");
            return;
        }
    }
    p->pos = m;
}

/* invalid_star_etc / invalid_lambda_star_etc (pass 2), at the '*' */
static void invalid_star_etc(Parser *p, int close) {
    size_t m = p->pos;
    LexToken *star = peek(p);
    p->pos++;
    int t = ptype(p);
    if (t == close || (t == LT_COMMA && (ptype_at(p, 1) == close || ptype_at(p, 1) == LT_DOUBLESTAR))) {
        if (close == LT_COLON)
            ast_error_last(p, AST_ERR_SYNTAX, "named arguments must follow bare *");
        else
            ERR_AT(p, star, "named arguments must follow bare *");
        return;
    }
    if (param(p, close == LT_COLON, false)) {
        LexToken *eq = peek(p);
        if (eq->type == LT_EQUAL) {
            ERR_AT(p, eq, "var-positional argument cannot have default value");
            return;
        }
    }
    if (p->error)
        return;
    p->pos = m + 1;
    if (accept(p, LT_COMMA) || param_kind(p, close, 0)) {
        count_params(p, close, 2);
        LexToken *a = peek(p);
        if (a->type == LT_STAR) {
            p->pos++;
            if (accept(p, LT_COMMA) || param_kind(p, close, 0)) {
                ERR_AT(p, a, "* argument may appear only once");
                return;
            }
        }
    }
    p->pos = m;
}

/* invalid_kwds / invalid_lambda_kwds (pass 2), at the '**' */
static void invalid_kwds(Parser *p, int close) {
    size_t m = p->pos++;
    if (param(p, close == LT_COLON, false)) {
        LexToken *a = peek(p);
        if (a->type == LT_EQUAL) {
            ERR_AT(p, a, "var-keyword argument cannot have default value");
            return;
        }
        if (accept(p, LT_COMMA)) {
            a = peek(p);
            AstArg *arg = param(p, close == LT_COLON, false);
            if (arg) {
                ERR_AT(p, arg, "arguments cannot follow var-keyword argument");
                return;
            }
            if (a->type == LT_STAR || a->type == LT_DOUBLESTAR || a->type == LT_SLASH) {
                ERR_AT(p, a, "arguments cannot follow var-keyword argument");
                return;
            }
        }
    }
    p->pos = m;
}

/* params / lambda_params up to (not including) `close`.  Never NULL
 * unless the list is invalid (an empty list gives empty arguments). */
static AstArguments *parameters(Parser *p, int close) {
    bool lam = close == LT_COLON;
    size_t m = p->pos;
    if (p->invalid) {
        invalid_parameters(p, close);
        if (p->error)
            return NULL;
    }
    ArgVec posonly = {0}, args = {0}, kwonly = {0};
    ExprVec defaults = {0}, kwdefaults = {0};
    AstArg *vararg = NULL, *kwarg = NULL;
    int state = 0;      /* 0 positional, 1 after '*', 2 after '**' */
    while (ptype(p) != close) {
        int t = ptype(p);
        bool bare_star = false;
        if (t == LT_NAME && state < 2) {
            AstArg *a = param(p, lam, false);
            AstExpr *d = NULL;
            if (a && ptype(p) == LT_EQUAL && !(d = default_rule(p)))
                goto fail;
            if (!a)
                goto fail;
            if (state == 0) {
                if (!d && defaults.n > 0)
                    goto fail;
                if (!ArgVec_push(p, &args, a) || (d && !ExprVec_push(p, &defaults, d)))
                    return NULL;
            } else if (!ArgVec_push(p, &kwonly, a) || !ExprVec_push(p, &kwdefaults, d)) {
                return NULL;
            }
        } else if (t == LT_SLASH && state == 0 && posonly.n == 0 && args.n > 0) {
            p->pos++;
            posonly = args;
            args = (ArgVec){0};
        } else if (t == LT_STAR && state == 0) {
            if (p->invalid) {
                invalid_star_etc(p, close);
                if (p->error)
                    return NULL;
            }
            p->pos++;
            if (ptype(p) == LT_COMMA)
                bare_star = true;
            else if (!(vararg = param(p, lam, true)))
                goto fail;
            state = 1;
        } else if (t == LT_DOUBLESTAR && state < 2) {
            if (p->invalid) {
                invalid_kwds(p, close);
                if (p->error)
                    return NULL;
            }
            p->pos++;
            if (!(kwarg = param(p, lam, false)))
                goto fail;
            state = 2;
        } else {
            goto fail;
        }
        if (!param_sep(p, close) || (bare_star && ptype(p) != LT_NAME))
            goto fail;
    }
    AstArguments *a = ast_alloc(p->arena, sizeof *a);
    if (!a) {
        ast_error_nomem(p);
        return NULL;
    }
    a->posonlyargs = (AstArgList){posonly.n, posonly.items};
    a->args = (AstArgList){args.n, args.items};
    a->vararg = vararg;
    a->kwonlyargs = (AstArgList){kwonly.n, kwonly.items};
    a->kw_defaults = expr_list(kwdefaults);
    a->kwarg = kwarg;
    a->defaults = expr_list(defaults);
    return a;
fail:
    p->pos = m;
    return NULL;
}

static AstArguments *empty_arguments(Parser *p) {
    AstArguments *a = ast_alloc(p->arena, sizeof *a);
    if (!a)
        ast_error_nomem(p);
    return a;
}

/* lambdef: 'lambda' [lambda_params] ':' expression */
static AstExpr *lambdef(Parser *p) {
    LexToken *st = peek(p);
    size_t m = p->pos++;
    AstArguments *args = parameters(p, LT_COLON);
    if (!args && !p->error)
        args = empty_arguments(p);
    AstExpr *body = NULL;
    if (args && accept(p, LT_COLON))
        body = expression(p);
    if (!body) {
        p->pos = m;
        return NULL;
    }
    AstExpr *e = mk_expr(p, EXPR_LAMBDA, st);
    if (!e)
        return NULL;
    e->u.lambda.args = args;
    e->u.lambda.body = body;
    return e;
}

/* ---------------------------------------------------------------------
 * Statements.
 */

static bool statements(Parser *p, StmtVec *v);
static bool block(Parser *p, AstStmtList *out);
static bool simple_stmts(Parser *p, StmtVec *v);

static bool augassign_op(int type, AstOperator *op) {
    switch (type) {
    case LT_PLUSEQUAL: *op = OP_ADD; return true;
    case LT_MINEQUAL: *op = OP_SUB; return true;
    case LT_STAREQUAL: *op = OP_MULT; return true;
    case LT_ATEQUAL: *op = OP_MATMULT; return true;
    case LT_SLASHEQUAL: *op = OP_DIV; return true;
    case LT_PERCENTEQUAL: *op = OP_MOD; return true;
    case LT_AMPEREQUAL: *op = OP_BITAND; return true;
    case LT_VBAREQUAL: *op = OP_BITOR; return true;
    case LT_CIRCUMFLEXEQUAL: *op = OP_BITXOR; return true;
    case LT_LEFTSHIFTEQUAL: *op = OP_LSHIFT; return true;
    case LT_RIGHTSHIFTEQUAL: *op = OP_RSHIFT; return true;
    case LT_DOUBLESTAREQUAL: *op = OP_POW; return true;
    case LT_DOUBLESLASHEQUAL: *op = OP_FLOORDIV; return true;
    default: return false;
    }
}

/* annotated_rhs: yield_expr | star_expressions */
static AstExpr *annotated_rhs(Parser *p) {
    return ptype(p) == LT_YIELD ? yield_expr(p) : star_expressions(p);
}

/* [ '=' annotated_rhs ] of an annotated assignment */
static AstExpr *ann_value(Parser *p) {
    if (ptype(p) != LT_EQUAL)
        return NULL;
    size_t m = p->pos++;
    AstExpr *v = annotated_rhs(p);
    if (!v)
        p->pos = m;
    return v;
}

static AstStmt *mk_annassign(Parser *p, const LexToken *st, AstExpr *target, AstExpr *ann,
                             AstExpr *value, bool simple) {
    AstStmt *s = mk_stmt(p, STMT_ANNASSIGN, st);
    if (!s)
        return NULL;
    set_ctx(target, CTX_STORE);
    s->u.annassign.target = target;
    s->u.annassign.annotation = ann;
    s->u.annassign.value = value;
    s->u.annassign.simple = simple;
    return s;
}

/* invalid_ann_assign_target: list | tuple | '(' invalid_ann_assign_target ')' */
static AstExpr *invalid_ann_assign_target(Parser *p) {
    size_t m = p->pos;
    AstExpr *a = list_rule(p);
    if (!a)
        a = tuple_rule(p);
    if (a || p->error)
        return a;
    if (accept(p, LT_LPAR)) {
        ENTER(p);
        a = invalid_ann_assign_target(p);
        LEAVE(p);
        if (a && accept(p, LT_RPAR))
            return a;
    }
    p->pos = m;
    return NULL;
}

/* (star_targets '=')* */
static void skip_star_targets_eq(Parser *p) {
    for (;;) {
        size_t k = p->pos;
        AstExpr *t = star_expressions(p);
        if (t && valid_target(t, false) && accept(p, LT_EQUAL))
            continue;
        p->pos = k;
        return;
    }
}

/* invalid_assignment (pass 2) */
static void invalid_assignment(Parser *p) {
    size_t m = p->pos;
    AstExpr *a = invalid_ann_assign_target(p);
    if (a && accept(p, LT_COLON) && expression(p)) {
        ERR_AT(p, a, "only single target (not %s) can be annotated",
               a->kind == EXPR_LIST ? "list" : "tuple");
        return;
    }
    if (p->error)
        return;
    p->pos = m;
    a = star_named_expression(p);
    if (a && accept(p, LT_COMMA)) {
        for (;;) {
            size_t k = p->pos;
            AstExpr *b = star_named_expression(p);
            ExprVec v = {0};
            if (!b || !more_star_named(p, &v) || p->pos == k)
                break;
            accept(p, LT_COMMA);
        }
        if (accept(p, LT_COLON) && expression(p)) {
            ERR_AT(p, a, "only single target (not tuple) can be annotated");
            return;
        }
    }
    if (p->error)
        return;
    p->pos = m;
    a = expression(p);
    if (a && accept(p, LT_COLON) && expression(p)) {
        ERR_AT(p, a, "illegal target for annotation");
        return;
    }
    if (p->error)
        return;
    p->pos = m;
    skip_star_targets_eq(p);
    a = star_expressions(p);
    if (a && ptype(p) == LT_EQUAL && raise_invalid_target(p, a, TARGETS_STAR))
        return;
    if (p->error)
        return;
    p->pos = m;
    skip_star_targets_eq(p);
    a = yield_expr(p);
    if (a && ptype(p) == LT_EQUAL) {
        ERR_AT(p, a, "assignment to yield expression not possible");
        return;
    }
    if (p->error)
        return;
    p->pos = m;
    a = star_expressions(p);
    AstOperator op;
    if (a && augassign_op(ptype(p), &op)) {
        p->pos++;
        if (annotated_rhs(p)) {
            ERR_AT(p, a, "'%s' is an illegal expression for augmented assignment", expr_name(a));
            return;
        }
    }
    p->pos = m;
}

/* The assignment alternatives that start with a target, given the
 * star_expressions e parsed at st:
 *   ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
 * | (star_targets '=')+ annotated_rhs !'='
 * | single_target augassign ~ annotated_rhs
 * NULL when none matches; *cut is set when the augmented assignment's cut
 * was passed (then invalid_assignment is not tried). */
static AstStmt *target_assignment(Parser *p, const LexToken *st, AstExpr *e, bool *cut) {
    int t = ptype(p);
    AstOperator op;
    if (t == LT_COLON && (e->kind == EXPR_ATTRIBUTE || e->kind == EXPR_SUBSCRIPT ||
                          (e->kind == EXPR_NAME && st->type == LT_LPAR))) {
        p->pos++;
        AstExpr *ann = expression(p);
        if (!ann)
            return NULL;
        AstExpr *value = ann_value(p);
        return p->error ? NULL : mk_annassign(p, st, e, ann, value, false);
    }
    if (t == LT_EQUAL && valid_target(e, false)) {
        ExprVec targets = {0};
        if (!ExprVec_push(p, &targets, e))
            return NULL;
        AstExpr *value;
        for (;;) {
            p->pos++;
            value = annotated_rhs(p);
            if (!value || ptype(p) != LT_EQUAL)
                break;
            if (!valid_target(value, false))
                return NULL;
            if (!ExprVec_push(p, &targets, value))
                return NULL;
        }
        if (!value)
            return NULL;
        AstStmt *s = mk_stmt(p, STMT_ASSIGN, st);
        if (!s)
            return NULL;
        for (size_t i = 0; i < targets.n; i++)
            set_ctx(targets.items[i], CTX_STORE);
        s->u.assign.targets = expr_list(targets);
        s->u.assign.value = value;
        return s;
    }
    if (augassign_op(t, &op) &&
        (e->kind == EXPR_NAME || e->kind == EXPR_ATTRIBUTE || e->kind == EXPR_SUBSCRIPT)) {
        p->pos++;
        *cut = true;
        AstExpr *value = annotated_rhs(p);
        if (!value)
            return NULL;
        AstStmt *s = mk_stmt(p, STMT_AUGASSIGN, st);
        if (!s)
            return NULL;
        set_ctx(e, CTX_STORE);
        s->u.augassign.target = e;
        s->u.augassign.op = op;
        s->u.augassign.value = value;
        return s;
    }
    return NULL;
}

/* assignment | star_expressions (as an expression statement):
 *   NAME ':' expression ['=' annotated_rhs]
 * | the alternatives of target_assignment
 * | invalid_assignment
 * The targets are parsed as star_expressions and checked afterwards. */
static AstStmt *assignment_or_expr(Parser *p) {
    LexToken *st = peek(p);
    size_t m = p->pos;
    if (st->type == LT_NAME && ptype_at(p, 1) == LT_COLON) {
        p->pos += 2;
        AstExpr *ann = expression(p);
        if (ann) {
            AstExpr *value = ann_value(p);
            AstExpr *target = name_from_tok(p, st, CTX_STORE);
            if (p->error || !target)
                return NULL;
            return mk_annassign(p, st, target, ann, value, true);
        }
        if (p->error)
            return NULL;
        p->pos = m;
    }
    AstExpr *e = star_expressions(p);
    size_t after_e = p->pos;
    bool cut = false;
    if (e) {
        AstStmt *s = target_assignment(p, st, e, &cut);
        if (s || p->error)
            return s;
    }
    if (p->error)
        return NULL;
    if (!cut && p->invalid) {
        p->pos = m;
        invalid_assignment(p);
        if (p->error)
            return NULL;
    }
    if (!e) {
        p->pos = m;
        return NULL;
    }
    /* star_expressions as an expression statement */
    p->pos = after_e;
    AstStmt *s = mk_stmt(p, STMT_EXPR, st);
    if (s)
        s->u.expr.value = e;
    return s;
}

/* del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt */
static AstStmt *del_stmt(Parser *p) {
    LexToken *st = peek(p);
    size_t m = p->pos++;
    ExprVec v = {0};
    for (;;) {
        AstExpr *t = target_primary(p, true);
        if (!t || !ExprVec_push(p, &v, t))
            break;
        if (ptype(p) != LT_COMMA)
            break;
        p->pos++;
    }
    if (p->error)
        return NULL;
    if (v.n > 0 && (ptype(p) == LT_SEMI || ptype(p) == LT_NEWLINE)) {
        AstStmt *s = mk_stmt(p, STMT_DELETE, st);
        if (s)
            s->u.del.targets = expr_list(v);
        return s;
    }
    if (p->invalid) {
        p->pos = m + 1;
        AstExpr *a = star_expressions(p);
        if (a && raise_invalid_target(p, a, TARGETS_DEL))
            return NULL;
    }
    p->pos = m;
    return NULL;
}

/* dotted_name: NAME ('.' NAME)*, as one identifier */
static const char *dotted_name(Parser *p) {
    LexToken *first = peek(p);
    if (first->type != LT_NAME)
        return NULL;
    p->pos++;
    LexToken *lastn = first;
    while (ptype(p) == LT_DOT && ptype_at(p, 1) == LT_NAME) {
        p->pos += 2;
        lastn = last_tok(p);
    }
    if (lastn == first)
        return tok_ident(p, first);
    /* join the names with '.', dropping any whitespace between tokens */
    size_t n = 0;
    for (LexToken *t = first; t <= lastn; t++)
        n += t->end - t->start;
    char *s = ast_alloc(p->arena, n + 1);
    if (!s) {
        ast_error_nomem(p);
        return NULL;
    }
    size_t k = 0;
    for (LexToken *t = first; t <= lastn; t++) {
        memcpy(s + k, p->src + t->start, t->end - t->start);
        k += t->end - t->start;
    }
    s[k] = 0;
    return s;
}

static AstAlias *mk_alias(Parser *p, const char *name, const char *asname, const LexToken *st) {
    AstAlias *a = ast_alloc(p->arena, sizeof *a);
    if (!a) {
        ast_error_nomem(p);
        return NULL;
    }
    const LexToken *lt = last_tok(p);
    a->name = name;
    a->asname = asname;
    a->lineno = st->lineno;
    a->col = st->col;
    a->end_lineno = lt->end_lineno;
    a->end_col = lt->end_col;
    return a;
}

/* ['as' NAME] */
static bool opt_asname(Parser *p, const char **asname) {
    *asname = NULL;
    if (ptype(p) != LT_AS)
        return true;
    if (ptype_at(p, 1) != LT_NAME)
        return true;
    p->pos += 2;
    *asname = tok_ident(p, last_tok(p));
    return *asname != NULL;
}

/* import_name: 'import' ','.(dotted_name ['as' NAME])+ */
static AstStmt *import_name(Parser *p) {
    LexToken *st = peek(p);
    size_t m = p->pos++;
    AliasVec v = {0};
    do {
        LexToken *at = peek(p);
        const char *name = dotted_name(p), *asname;
        if (!name || !opt_asname(p, &asname))
            break;
        AstAlias *a = mk_alias(p, name, asname, at);
        if (!a || !AliasVec_push(p, &v, a))
            return NULL;
    } while (ptype(p) == LT_COMMA && ptype_at(p, 1) == LT_NAME && (p->pos++, true));
    if (p->error || v.n == 0) {
        p->pos = m;
        return NULL;
    }
    AstStmt *s = mk_stmt(p, STMT_IMPORT, st);
    if (s)
        s->u.import.names = (AstAliasList){v.n, v.items};
    return s;
}

/* import_from_as_names: ','.(NAME ['as' NAME])+ */
static bool import_from_as_names(Parser *p, AliasVec *v) {
    while (ptype(p) == LT_NAME) {
        LexToken *at = peek(p);
        p->pos++;
        const char *name = tok_ident(p, at), *asname;
        if (!name || !opt_asname(p, &asname))
            return false;
        AstAlias *a = mk_alias(p, name, asname, at);
        if (!a || !AliasVec_push(p, v, a))
            return false;
        if (ptype(p) != LT_COMMA || ptype_at(p, 1) != LT_NAME)
            break;
        p->pos++;
    }
    return v->n > 0;
}

/* import_from: 'from' ('.' | '...')* dotted_name 'import' targets
 *            | 'from' ('.' | '...')+ 'import' targets */
static AstStmt *import_from(Parser *p) {
    LexToken *st = peek(p);
    size_t m = p->pos++;
    int level = 0;
    for (;;) {
        if (accept(p, LT_DOT))
            level++;
        else if (accept(p, LT_ELLIPSIS))
            level += 3;
        else
            break;
    }
    const char *module = dotted_name(p);
    if (p->error || (!module && level == 0) || !accept(p, LT_IMPORT)) {
        p->pos = m;
        return NULL;
    }
    AliasVec v = {0};
    LexToken *t = peek(p);
    if (t->type == LT_LPAR) {
        p->pos++;
        if (!import_from_as_names(p, &v))
            goto fail;
        accept(p, LT_COMMA);
        if (!accept(p, LT_RPAR))
            goto fail;
    } else if (t->type == LT_STAR) {
        p->pos++;
        AstAlias *a = mk_alias(p, "*", NULL, t);
        if (!a || !AliasVec_push(p, &v, a))
            return NULL;
    } else {
        if (!import_from_as_names(p, &v))
            goto fail;
        if (ptype(p) == LT_COMMA) {
            if (p->invalid && ptype_at(p, 1) == LT_NEWLINE) {
                ast_error_last(p, AST_ERR_SYNTAX,
                               "trailing comma not allowed without surrounding parentheses");
                return NULL;
            }
            goto fail;
        }
    }
    AstStmt *s = mk_stmt(p, STMT_IMPORTFROM, st);
    if (!s)
        return NULL;
    s->u.importfrom.module = module;
    s->u.importfrom.names = (AstAliasList){v.n, v.items};
    s->u.importfrom.level = level;
    return s;
fail:
    p->pos = m;
    return NULL;
}

/* global_stmt / nonlocal_stmt: kw ','.NAME+ */
static AstStmt *global_stmt(Parser *p) {
    LexToken *st = peek(p);
    size_t m = p->pos++;
    NameVec v = {0};
    while (ptype(p) == LT_NAME) {
        const char *id = tok_ident(p, peek(p));
        if (!id || !NameVec_push(p, &v, id))
            return NULL;
        p->pos++;
        if (ptype(p) != LT_COMMA || ptype_at(p, 1) != LT_NAME)
            break;
        p->pos++;
    }
    if (v.n == 0) {
        p->pos = m;
        return NULL;
    }
    AstStmt *s = mk_stmt(p, st->type == LT_GLOBAL ? STMT_GLOBAL : STMT_NONLOCAL, st);
    if (s)
        s->u.global.names = (AstNameList){v.n, v.items};
    return s;
}

/* simple_stmt */
static AstStmt *simple_stmt(Parser *p) {
    LexToken *st = peek(p);
    size_t m = p->pos;
    AstStmt *s;
    switch (st->type) {
    case LT_RETURN: {
        p->pos++;
        AstExpr *v = star_expressions(p);
        if (p->error)
            return NULL;
        if ((s = mk_stmt(p, STMT_RETURN, st)) != NULL)
            s->u.ret.value = v;
        return s;
    }
    case LT_IMPORT:
        return import_name(p);
    case LT_FROM:
        return import_from(p);
    case LT_RAISE: {
        p->pos++;
        AstExpr *exc = expression(p), *cause = NULL;
        if (exc && ptype(p) == LT_FROM) {
            size_t k = p->pos++;
            cause = expression(p);
            if (!cause)
                p->pos = k;
        }
        if (p->error)
            return NULL;
        if ((s = mk_stmt(p, STMT_RAISE, st)) != NULL) {
            s->u.raise.exc = exc;
            s->u.raise.cause = cause;
        }
        return s;
    }
    case LT_PASS:
    case LT_BREAK:
    case LT_CONTINUE:
        p->pos++;
        return mk_stmt(p, st->type == LT_PASS ? STMT_PASS : st->type == LT_BREAK ? STMT_BREAK
                          : STMT_CONTINUE, st);
    case LT_DEL:
        return del_stmt(p);
    case LT_ASSERT: {
        p->pos++;
        AstExpr *test = expression(p), *msg = NULL;
        if (!test) {
            p->pos = m;
            return NULL;
        }
        if (ptype(p) == LT_COMMA) {
            size_t k = p->pos++;
            msg = expression(p);
            if (!msg)
                p->pos = k;
        }
        if (p->error)
            return NULL;
        if ((s = mk_stmt(p, STMT_ASSERT, st)) != NULL) {
            s->u.assert_.test = test;
            s->u.assert_.msg = msg;
        }
        return s;
    }
    case LT_GLOBAL:
    case LT_NONLOCAL:
        return global_stmt(p);
    case LT_YIELD: {
        if (p->invalid) {
            invalid_assignment(p);
            if (p->error)
                return NULL;
        }
        AstExpr *y = yield_expr(p);
        if (!y)
            return NULL;
        if ((s = mk_stmt(p, STMT_EXPR, st)) != NULL)
            s->u.expr.value = y;
        return s;
    }
    default:
        return assignment_or_expr(p);
    }
}

/* simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE */
static bool simple_stmts(Parser *p, StmtVec *v) {
    size_t m = p->pos, n0 = v->n;
    AstStmt *s = simple_stmt(p);
    if (!s || !StmtVec_push(p, v, s))
        goto fail;
    while (ptype(p) == LT_SEMI) {
        p->pos++;
        size_t k = p->pos;
        s = simple_stmt(p);
        if (!s) {
            p->pos = k;
            break;
        }
        if (!StmtVec_push(p, v, s))
            goto fail;
    }
    if (!p->error && accept(p, LT_NEWLINE))
        return true;
fail:
    p->pos = m;
    v->n = n0;
    return false;
}

/* ---- compound statements ---- */

/* After a compound header's ':' in pass 2: NEWLINE !INDENT means the
 * block is missing ("expected an indented block after ..."). */
static bool missing_block(Parser *p, const char *what, const LexToken *kw) {
    if (ptype(p) != LT_NEWLINE || ptype_at(p, 1) == LT_INDENT)
        return false;
    ast_error_last(p, AST_ERR_INDENT, "expected an indented block after %s on line %d", what,
                   kw->lineno);
    return true;
}

/* An invalid_X_stmt rule of the form
 *   kw header NEWLINE                    -> "expected ':'"
 *   kw header ':' NEWLINE !INDENT        -> "expected an indented block after ..."
 * where the header has already been parsed; true if it raised. */
static bool invalid_header_end(Parser *p, const char *what, const LexToken *kw, bool colon_msg) {
    if (colon_msg && ptype(p) == LT_NEWLINE) {
        ast_error_last(p, AST_ERR_SYNTAX, "expected ':'");
        return true;
    }
    if (accept(p, LT_COLON))
        return missing_block(p, what, kw);
    return false;
}

/* Forced token (&&tok): anything else is "expected 'x'" at that token. */
static bool expect_forced(Parser *p, int type, const char *what) {
    if (accept(p, type))
        return true;
    LexToken *t = peek(p);
    if (!p->error)
        ast_error_at(p, AST_ERR_SYNTAX, t->lineno, t->col + 1, t->end_lineno, t->end_col + 1,
                     "expected '%s'", what);
    return false;
}

/* else_block: invalid_else_stmt | 'else' &&':' block */
static bool else_block(Parser *p, AstStmtList *out) {
    LexToken *kw = peek(p);
    size_t m = p->pos;
    if (kw->type != LT_ELSE)
        return false;
    if (p->invalid) {
        p->pos++;
        if (invalid_header_end(p, "'else' statement", kw, false))
            return false;
        p->pos = m;
    }
    p->pos++;
    if (expect_forced(p, LT_COLON, ":") && block(p, out))
        return true;
    p->pos = m;
    return false;
}

/* One 'if' or 'elif' clause: invalid_if_stmt / invalid_elif_stmt, then
 * kw named_expression ':' block.  Returns an If node without orelse whose
 * end is fixed up by if_stmt. */
static AstStmt *if_clause(Parser *p) {
    LexToken *st = peek(p);
    size_t m = p->pos;
    const char *what = st->type == LT_IF ? "'if' statement" : "'elif' statement";
    if (p->invalid) {
        p->pos++;
        if (named_expression(p) && invalid_header_end(p, what, st, true))
            return NULL;
        if (p->error)
            return NULL;
        p->pos = m;
    }
    p->pos++;
    AstExpr *test = named_expression(p);
    AstStmtList body;
    if (!test || !accept(p, LT_COLON) || !block(p, &body)) {
        p->pos = m;
        return NULL;
    }
    AstStmt *s = mk_stmt(p, STMT_IF, st);
    if (s) {
        s->u.if_.test = test;
        s->u.if_.body = body;
    }
    return s;
}

/* if_stmt: 'if' ... ':' block (elif_stmt | [else_block]); the elif chain
 * becomes nested If nodes, built in a loop (no C recursion).  As in
 * CPython, a clause that fails ends the chain at the previous one. */
static AstStmt *if_stmt(Parser *p) {
    AstStmt *top = if_clause(p);
    if (!top)
        return NULL;
    StmtVec chain = {0};
    if (!StmtVec_push(p, &chain, top))
        return NULL;
    AstStmt *cur = top;
    while (ptype(p) == LT_ELIF) {
        AstStmt *e = if_clause(p);
        if (!e)
            break;
        AstStmt **items = ast_alloc(p->arena, sizeof *items);
        if (!items || !StmtVec_push(p, &chain, e)) {
            ast_error_nomem(p);
            return NULL;
        }
        items[0] = e;
        cur->u.if_.orelse = (AstStmtList){1, items};
        cur = e;
    }
    if (p->error)
        return NULL;
    if (ptype(p) == LT_ELSE && !else_block(p, &cur->u.if_.orelse) && p->error)
        return NULL;
    const LexToken *lt = last_tok(p);
    for (size_t i = 0; i < chain.n; i++) {
        chain.items[i]->end_lineno = lt->end_lineno;
        chain.items[i]->end_col = lt->end_col;
    }
    return top;
}

/* while_stmt: invalid_while_stmt | 'while' named_expression ':' block [else_block] */
static AstStmt *while_stmt(Parser *p) {
    LexToken *st = peek(p);
    size_t m = p->pos;
    if (p->invalid) {
        p->pos++;
        if (named_expression(p) && invalid_header_end(p, "'while' statement", st, true))
            return NULL;
        if (p->error)
            return NULL;
        p->pos = m;
    }
    p->pos++;
    AstExpr *test = named_expression(p);
    AstStmtList body, orelse = {0, NULL};
    if (!test || !accept(p, LT_COLON) || !block(p, &body)) {
        p->pos = m;
        return NULL;
    }
    else_block(p, &orelse);
    if (p->error)
        return NULL;
    AstStmt *s = mk_stmt(p, STMT_WHILE, st);
    if (s) {
        s->u.while_.test = test;
        s->u.while_.body = body;
        s->u.while_.orelse = orelse;
    }
    return s;
}

/* for_stmt: invalid_for_stmt
 *   | 'for' star_targets 'in' ~ star_expressions ':' block [else_block]
 *   | invalid_for_target */
static AstStmt *for_stmt(Parser *p) {
    LexToken *st = peek(p);
    size_t m = p->pos;
    if (p->invalid) {
        p->pos++;
        if (star_targets(p) && accept(p, LT_IN) && star_expressions(p) &&
            invalid_header_end(p, "'for' statement", st, true))
            return NULL;
        if (p->error)
            return NULL;
        p->pos = m;
    }
    p->pos++;
    AstExpr *target = star_targets(p);
    if (target && accept(p, LT_IN)) {
        AstExpr *iter = star_expressions(p);
        AstStmtList body, orelse = {0, NULL};
        if (iter && accept(p, LT_COLON) && block(p, &body)) {
            else_block(p, &orelse);
            if (p->error)
                return NULL;
            AstStmt *s = mk_stmt(p, STMT_FOR, st);
            if (s) {
                s->u.for_.target = target;
                s->u.for_.iter = iter;
                s->u.for_.body = body;
                s->u.for_.orelse = orelse;
            }
            return s;
        }
        p->pos = m;
        return NULL;    /* the cut after 'in' */
    }
    if (p->invalid && !p->error) {
        p->pos = m + 1;
        AstExpr *a = star_expressions(p);
        if (a && raise_invalid_target(p, a, TARGETS_FOR))
            return NULL;
    }
    p->pos = m;
    return NULL;
}

/* with_item: expression 'as' star_target &(',' | ')' | ':')
 *          | invalid_with_item | expression */
static AstWithItem *with_item(Parser *p) {
    size_t m = p->pos;
    AstExpr *e = expression(p);
    if (!e)
        return NULL;
    AstExpr *vars = NULL;
    if (ptype(p) == LT_AS) {
        size_t k = p->pos++;
        vars = star_target(p);
        int t = ptype(p);
        if (!vars || !(t == LT_COMMA || t == LT_RPAR || t == LT_COLON)) {
            vars = NULL;
            if (p->error)
                return NULL;
            if (p->invalid) {
                /* invalid_with_item: expression 'as' expression &(',' | ')' | ':') */
                p->pos = k + 1;
                AstExpr *a = expression(p);
                t = ptype(p);
                if (a && (t == LT_COMMA || t == LT_RPAR || t == LT_COLON) &&
                    raise_invalid_target(p, a, TARGETS_STAR))
                    return NULL;
                if (p->error)
                    return NULL;
            }
            p->pos = k;
        }
    }
    AstWithItem *w = ast_alloc(p->arena, sizeof *w);
    if (!w) {
        ast_error_nomem(p);
        p->pos = m;
        return NULL;
    }
    w->context_expr = e;
    w->optional_vars = vars;
    return w;
}

static bool with_items(Parser *p, WithVec *v) {
    for (;;) {
        AstWithItem *w = with_item(p);
        if (!w || !WithVec_push(p, v, w))
            return false;
        if (ptype(p) != LT_COMMA)
            return true;
        size_t k = p->pos++;
        if (ptype(p) == LT_RPAR) {
            p->pos = k;
            return true;
        }
    }
}

/* invalid_with_stmt / invalid_with_stmt_indent (pass 2): the header
 * 'with' ','.(expression ['as' star_target])+ or its parenthesised form
 * '(' ','.(expressions ['as' star_target])+ ','? ')' */
static bool invalid_with_header(Parser *p, bool parens) {
    if (parens && !accept(p, LT_LPAR))
        return false;
    for (;;) {
        if (!(parens ? expressions(p) : expression(p)))
            return false;
        if (ptype(p) == LT_AS) {
            size_t k = p->pos++;
            if (!star_target(p))
                p->pos = k;
        }
        if (ptype(p) != LT_COMMA)
            break;
        p->pos++;
        if (parens && ptype(p) == LT_RPAR)
            break;
    }
    return !parens || accept(p, LT_RPAR);
}

/* with_stmt */
static AstStmt *with_stmt(Parser *p) {
    LexToken *st = peek(p);
    size_t m = p->pos;
    if (p->invalid) {
        for (int parens = 0; parens < 2; parens++) {
            p->pos = m + 1;
            if (invalid_with_header(p, parens) && accept(p, LT_COLON) &&
                missing_block(p, "'with' statement", st))
                return NULL;
            if (p->error)
                return NULL;
        }
        p->pos = m;
    }
    p->pos++;
    WithVec items = {0};
    AstStmtList body;
    if (ptype(p) == LT_LPAR) {
        p->pos++;
        if (with_items(p, &items)) {
            accept(p, LT_COMMA);
            if (accept(p, LT_RPAR) && accept(p, LT_COLON) && block(p, &body))
                goto done;
        }
        if (p->error)
            return NULL;
        p->pos = m + 1;
        items.n = 0;
    }
    if (with_items(p, &items) && accept(p, LT_COLON) && block(p, &body))
        goto done;
    if (p->error)
        return NULL;
    if (p->invalid) {
        for (int parens = 0; parens < 2; parens++) {
            p->pos = m + 1;
            if (invalid_with_header(p, parens) && ptype(p) == LT_NEWLINE) {
                ast_error_last(p, AST_ERR_SYNTAX, "expected ':'");
                return NULL;
            }
            if (p->error)
                return NULL;
        }
    }
    p->pos = m;
    return NULL;
done:;
    AstStmt *s = mk_stmt(p, STMT_WITH, st);
    if (s) {
        s->u.with.items = (AstWithItemList){items.n, items.items};
        s->u.with.body = body;
    }
    return s;
}

/* invalid_except_stmt_indent / invalid_except_star_stmt_indent (pass 2),
 * at 'except': true if it raised. */
static bool invalid_except_indent(Parser *p, bool star) {
    LexToken *kw = peek(p);
    size_t m = p->pos++;
    if (!star || accept(p, LT_STAR)) {
        if (expression(p)) {
            const char *as;
            opt_asname(p, &as);
        } else if (star) {
            p->pos = m;
            return p->error;
        }
        if (accept(p, LT_COLON) &&
            missing_block(p, star ? "'except*' statement" : "'except' statement", kw))
            return true;
    }
    p->pos = m;
    return p->error;
}

/* invalid_except_stmt (pass 2), at 'except' */
static void invalid_except_stmt(Parser *p) {
    size_t m = p->pos;
    p->pos = m + 1;
    accept(p, LT_STAR);
    AstExpr *a = expression(p);
    if (a && accept(p, LT_COMMA) && expressions(p)) {
        const char *as;
        opt_asname(p, &as);
        if (accept(p, LT_COLON)) {
            ERR_FROM(p, a, "multiple exception types must be parenthesized");
            return;
        }
    }
    if (p->error)
        return;
    p->pos = m + 1;
    accept(p, LT_STAR);
    if (expression(p)) {
        const char *as;
        opt_asname(p, &as);
        if (ptype(p) == LT_NEWLINE) {
            ast_error_last(p, AST_ERR_SYNTAX, "expected ':'");
            return;
        }
    }
    if (p->error)
        return;
    p->pos = m + 1;
    if (ptype(p) == LT_NEWLINE) {
        ast_error_last(p, AST_ERR_SYNTAX, "expected ':'");
        return;
    }
    if (accept(p, LT_STAR) && (ptype(p) == LT_NEWLINE || ptype(p) == LT_COLON)) {
        ast_error_last(p, AST_ERR_SYNTAX, "expected one or more exception types");
        return;
    }
    p->pos = m;
}

/* 'except' expression ['as' NAME] ':' block | 'except' ':' block, or for
 * except_star_block 'except' '*' expression ['as' NAME] ':' block */
static AstExceptHandler *except_clause(Parser *p, bool star) {
    LexToken *st = peek(p);
    size_t m = p->pos++;
    AstExpr *type = NULL;
    const char *name = NULL;
    AstStmtList body;
    if ((!star || accept(p, LT_STAR)) && ((type = expression(p)) != NULL || !star) &&
        (!type || opt_asname(p, &name)) && accept(p, LT_COLON) && block(p, &body)) {
        AstExceptHandler *h = ast_alloc(p->arena, sizeof *h);
        if (!h) {
            ast_error_nomem(p);
            return NULL;
        }
        const LexToken *lt = last_tok(p);
        h->type = type;
        h->name = name;
        h->body = body;
        h->lineno = st->lineno;
        h->col = st->col;
        h->end_lineno = lt->end_lineno;
        h->end_col = lt->end_col;
        return h;
    }
    p->pos = m;
    return NULL;
}

/* except_block (star false) / except_star_block (star true):
 * invalid_except(_star)_stmt_indent | the clause | invalid_except_stmt */
static AstExceptHandler *except_block(Parser *p, bool star) {
    if (ptype(p) != LT_EXCEPT)
        return NULL;
    if (p->invalid && invalid_except_indent(p, star))
        return NULL;
    AstExceptHandler *h = except_clause(p, star);
    if (!h && p->invalid && !p->error)
        invalid_except_stmt(p);
    return p->error ? NULL : h;
}

/* finally_block: invalid_finally_stmt | 'finally' &&':' block */
static bool finally_block(Parser *p, AstStmtList *out) {
    LexToken *kw = peek(p);
    size_t m = p->pos;
    if (kw->type != LT_FINALLY)
        return false;
    if (p->invalid) {
        p->pos++;
        if (invalid_header_end(p, "'finally' statement", kw, false))
            return false;
        p->pos = m;
    }
    p->pos++;
    if (expect_forced(p, LT_COLON, ":") && block(p, out))
        return true;
    p->pos = m;
    return false;
}

/* invalid_try_stmt (pass 2) */
static void invalid_try_stmt(Parser *p) {
    LexToken *st = peek(p);
    size_t m = p->pos++;
    if (!accept(p, LT_COLON))
        goto out;
    if (missing_block(p, "'try' statement", st))
        return;
    AstStmtList body;
    if (!block(p, &body))
        goto out;
    int t = ptype(p);
    if (t != LT_EXCEPT && t != LT_FINALLY) {
        ast_error_last(p, AST_ERR_SYNTAX, "expected 'except' or 'finally' block");
        return;
    }
    /* 'try' ':' block* except_block+ 'except' '*' ... and the reverse */
    size_t k = p->pos;
    for (int star = 0; star < 2; star++) {
        p->pos = k;
        int n = 0;
        while (except_block(p, star))
            n++;
        if (p->error)
            return;
        LexToken *a = peek(p);
        if (n == 0 || a->type != LT_EXCEPT)
            continue;
        p->pos++;
        if (!star) {
            LexToken *b = peek(p);
            if (accept(p, LT_STAR) && expression(p)) {
                const char *as;
                opt_asname(p, &as);
                if (accept(p, LT_COLON)) {
                    ERR_RANGE(p, a, b, "cannot have both 'except' and 'except*' on the same 'try'");
                    return;
                }
            }
        } else if (ptype(p) != LT_STAR) {
            if (expression(p)) {
                const char *as;
                opt_asname(p, &as);
            }
            if (accept(p, LT_COLON)) {
                ERR_AT(p, a, "cannot have both 'except' and 'except*' on the same 'try'");
                return;
            }
        }
        if (p->error)
            return;
    }
out:
    p->pos = m;
}

/* try_stmt: invalid_try_stmt
 *   | 'try' &&':' block finally_block
 *   | 'try' &&':' block except_block+ [else_block] [finally_block]
 *   | 'try' &&':' block except_star_block+ [else_block] [finally_block] */
static AstStmt *try_stmt(Parser *p) {
    LexToken *st = peek(p);
    size_t m = p->pos;
    if (p->invalid) {
        invalid_try_stmt(p);
        if (p->error)
            return NULL;
    }
    p->pos++;
    AstStmtList body, orelse = {0, NULL}, finalbody = {0, NULL};
    if (!expect_forced(p, LT_COLON, ":") || !block(p, &body)) {
        p->pos = m;
        return NULL;
    }
    HandlerVec hv = {0};
    bool star = ptype(p) == LT_EXCEPT && ptype_at(p, 1) == LT_STAR;
    for (;;) {
        AstExceptHandler *h = except_block(p, star);
        if (!h)
            break;
        if (!HandlerVec_push(p, &hv, h))
            return NULL;
    }
    if (p->error)
        return NULL;
    if (hv.n > 0)
        else_block(p, &orelse);
    if (p->error)
        return NULL;
    if (!finally_block(p, &finalbody) && hv.n == 0) {
        p->pos = m;
        return NULL;
    }
    if (p->error)
        return NULL;
    AstStmt *s = mk_stmt(p, star ? STMT_TRYSTAR : STMT_TRY, st);
    if (s) {
        s->u.try_.body = body;
        s->u.try_.handlers = (AstHandlerList){hv.n, hv.items};
        s->u.try_.orelse = orelse;
        s->u.try_.finalbody = finalbody;
    }
    return s;
}

/* decorators: ('@' named_expression NEWLINE)+ */
static bool decorators(Parser *p, ExprVec *v) {
    while (ptype(p) == LT_AT) {
        size_t m = p->pos++;
        AstExpr *e = named_expression(p);
        if (!e || !accept(p, LT_NEWLINE)) {
            p->pos = m;
            break;
        }
        if (!ExprVec_push(p, v, e))
            return false;
    }
    return !p->error && v->n > 0;
}

/* function_def_raw: invalid_def_raw
 *   | 'def' NAME &&'(' [params] ')' ['->' expression] &&':' block */
static AstStmt *function_def_raw(Parser *p, ExprVec decos) {
    LexToken *st = peek(p);
    size_t m = p->pos;
    if (p->invalid) {
        p->pos++;
        if (accept(p, LT_NAME) && accept(p, LT_LPAR)) {
            parameters(p, LT_RPAR);
            if (!p->error && accept(p, LT_RPAR)) {
                if (ptype(p) == LT_RARROW) {
                    size_t k = p->pos++;
                    if (!expression(p))
                        p->pos = k;
                }
                if (accept(p, LT_COLON) && missing_block(p, "function definition", st))
                    return NULL;
            }
        }
        if (p->error)
            return NULL;
        p->pos = m;
    }
    p->pos++;
    LexToken *name = accept(p, LT_NAME);
    if (!name || !expect_forced(p, LT_LPAR, "(")) {
        p->pos = m;
        return NULL;
    }
    AstArguments *args = parameters(p, LT_RPAR);
    if (!args && !p->error)
        args = empty_arguments(p);
    if (!args || !accept(p, LT_RPAR)) {
        p->pos = m;
        return NULL;
    }
    AstExpr *returns = NULL;
    if (ptype(p) == LT_RARROW) {
        size_t k = p->pos++;
        returns = expression(p);
        if (!returns)
            p->pos = k;
    }
    AstStmtList body;
    if (!expect_forced(p, LT_COLON, ":") || !block(p, &body)) {
        p->pos = m;
        return NULL;
    }
    AstStmt *s = mk_stmt(p, STMT_FUNCTIONDEF, st);
    if (!s)
        return NULL;
    s->u.functiondef.name = tok_ident(p, name);
    s->u.functiondef.args = args;
    s->u.functiondef.body = body;
    s->u.functiondef.decorator_list = expr_list(decos);
    s->u.functiondef.returns = returns;
    return s;
}

/* ['(' [arguments] ')'] of a class header, into bases/keywords */
static bool class_args(Parser *p, ExprVec *bases, KwVec *kws) {
    if (ptype(p) != LT_LPAR)
        return true;
    size_t m = p->pos++;
    size_t a0 = p->pos;
    if (ptype(p) != LT_RPAR) {
        if (!args_rule(p, bases, kws)) {
            if (p->invalid && !p->error) {
                p->pos = a0;
                invalid_arguments(p);
            }
            goto none;
        }
        accept(p, LT_COMMA);
    }
    if (accept(p, LT_RPAR))
        return true;
    if (p->invalid && !p->error) {
        p->pos = a0;
        invalid_arguments(p);
    }
none:
    bases->n = kws->n = 0;
    p->pos = m;
    return !p->error;
}

/* class_def_raw: invalid_class_def_raw
 *   | 'class' NAME ['(' [arguments] ')'] ':' block */
static AstStmt *class_def_raw(Parser *p, ExprVec decos) {
    LexToken *st = peek(p);
    size_t m = p->pos;
    ExprVec bases = {0};
    KwVec kws = {0};
    if (p->invalid) {
        p->pos++;
        if (accept(p, LT_NAME) && class_args(p, &bases, &kws) &&
            invalid_header_end(p, "class definition", st, true))
            return NULL;
        if (p->error)
            return NULL;
        p->pos = m;
        bases.n = kws.n = 0;
    }
    p->pos++;
    LexToken *name = accept(p, LT_NAME);
    AstStmtList body;
    if (!name || !class_args(p, &bases, &kws) || !accept(p, LT_COLON) || !block(p, &body)) {
        p->pos = m;
        return NULL;
    }
    AstStmt *s = mk_stmt(p, STMT_CLASSDEF, st);
    if (!s)
        return NULL;
    s->u.classdef.name = tok_ident(p, name);
    s->u.classdef.bases = expr_list(bases);
    s->u.classdef.keywords = (AstKeywordList){kws.n, kws.items};
    s->u.classdef.body = body;
    s->u.classdef.decorator_list = expr_list(decos);
    return s;
}

/* compound_stmt */
static AstStmt *compound_stmt(Parser *p) {
    LexToken *st = peek(p);
    switch (st->type) {
    case LT_DEF:
        return function_def_raw(p, (ExprVec){0});
    case LT_CLASS:
        return class_def_raw(p, (ExprVec){0});
    case LT_AT: {
        size_t m = p->pos;
        ExprVec decos = {0};
        if (!decorators(p, &decos))
            return NULL;
        AstStmt *s = NULL;
        if (ptype(p) == LT_DEF)
            s = function_def_raw(p, decos);
        else if (ptype(p) == LT_CLASS)
            s = class_def_raw(p, decos);
        else if (ptype(p) == LT_ASYNC && ptype_at(p, 1) == LT_DEF)
            async_error(p, peek(p));
        if (!s)
            p->pos = m;
        return s;
    }
    case LT_IF:
        return if_stmt(p);
    case LT_WITH:
        return with_stmt(p);
    case LT_FOR:
        return for_stmt(p);
    case LT_TRY:
        return try_stmt(p);
    case LT_WHILE:
        return while_stmt(p);
    case LT_ASYNC: {
        int t = ptype_at(p, 1);
        if (t == LT_DEF || t == LT_FOR || t == LT_WITH)
            async_error(p, st);
        return NULL;
    }
    default:
        return NULL;
    }
}

/* statement: compound_stmt | simple_stmts */
static bool statement(Parser *p, StmtVec *v) {
    AstStmt *s = compound_stmt(p);
    if (s)
        return StmtVec_push(p, v, s);
    if (p->error)
        return false;
    return simple_stmts(p, v);
}

/* statements: statement+ */
static bool statements(Parser *p, StmtVec *v) {
    size_t n0 = v->n;
    while (statement(p, v))
        ;
    return !p->error && v->n > n0;
}

/* block: NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block */
static bool block_body(Parser *p, AstStmtList *out) {
    size_t m = p->pos;
    StmtVec v = {0};
    if (ptype(p) == LT_NEWLINE) {
        if (ptype_at(p, 1) == LT_INDENT) {
            p->pos += 2;
            if (statements(p, &v) && accept(p, LT_DEDENT)) {
                *out = stmt_list(v);
                return true;
            }
            p->pos = m;
            return false;
        }
        if (p->invalid && !p->error)
            ast_error_last(p, AST_ERR_INDENT, "expected an indented block");
        return false;
    }
    if (!simple_stmts(p, &v))
        return false;
    *out = stmt_list(v);
    return true;
}

static bool block(Parser *p, AstStmtList *out) {
    ++p->lim->depth;
    if (too_deep_now(p)) {
        --p->lim->depth;
        too_deep(p);
        return false;
    }
    bool r = block_body(p, out);
    --p->lim->depth;
    return r;
}

/* ---------------------------------------------------------------------
 * Start rules and the two-pass driver.
 */

enum { START_FILE, START_INTERACTIVE, START_EVAL, START_FSTRING };

static AstMod *new_mod(Parser *p, AstModKind kind) {
    AstMod *m = ast_alloc(p->arena, sizeof *m);
    if (!m)
        ast_error_nomem(p);
    else
        m->kind = kind;
    return m;
}

/* statement_newline: compound_stmt NEWLINE | simple_stmts | NEWLINE | ENDMARKER */
static AstMod *interactive_rule(Parser *p) {
    StmtVec v = {0};
    LexToken *st = peek(p);
    AstStmt *s = compound_stmt(p);
    if (s) {
        if (!accept(p, LT_NEWLINE) || !StmtVec_push(p, &v, s))
            return NULL;
    } else if (p->error) {
        return NULL;
    } else if (!simple_stmts(p, &v)) {
        if (p->error || !accept(p, LT_NEWLINE))
            return NULL;
        if (!(s = mk_stmt(p, STMT_PASS, st)) || !StmtVec_push(p, &v, s))
            return NULL;
    }
    AstMod *m = new_mod(p, MOD_INTERACTIVE);
    if (m)
        m->body = stmt_list(v);
    return m;
}

static void *start_rule(Parser *p, int start) {
    switch (start) {
    case START_FILE: {
        StmtVec v = {0};
        statements(p, &v);
        if (p->error || !accept(p, LT_ENDMARKER))
            return NULL;
        AstMod *m = new_mod(p, MOD_MODULE);
        if (m)
            m->body = stmt_list(v);
        return m;
    }
    case START_INTERACTIVE:
        return interactive_rule(p);
    case START_EVAL: {
        AstExpr *e = expressions(p);
        if (!e)
            return NULL;
        while (accept(p, LT_NEWLINE))
            ;
        if (!accept(p, LT_ENDMARKER))
            return NULL;
        AstMod *m = new_mod(p, MOD_EXPRESSION);
        if (m)
            m->expr = e;
        return m;
    }
    default:
        return star_expressions(p);
    }
}

/* CPython's _PyPegen_run_parser: pass 1, then pass 2 with the invalid_
 * rules, then the generic error at the furthest token of pass 1, then
 * tokenizer errors further on take over (pegen's
 * _PyPegen_tokenize_full_source_to_check_for_errors). */
static void *run_parser(Parser *p, int start) {
    void *r = start_rule(p, start);
    if (r && !p->error)
        return r;
    if (!p->error) {
        LexToken *lastt = &p->toks[p->fill ? p->fill - 1 : 0];
        p->pos = 0;
        p->invalid = true;
        p->memo = calloc(p->ntoks + 1, sizeof *p->memo);
        if (!p->memo)
            ast_error_nomem(p);
        else
            start_rule(p, start);
        free(p->memo);
        p->memo = NULL;
        if (!p->error) {
            if (lastt->type == LT_INDENT || lastt->type == LT_DEDENT) {
                /* CPython returns here, before looking for tokenizer errors */
                ast_error_last(p, AST_ERR_INDENT, lastt->type == LT_INDENT
                               ? "unexpected indent" : "unexpected unindent");
                return NULL;
            }
            ast_error_at(p, AST_ERR_SYNTAX, lastt->lineno, lastt->col + 1, lastt->end_lineno,
                         lastt->end_col + 1, "invalid syntax");
        }
    }
    if (!p->lexer_error && p->toks[p->ntoks - 1].type == LT_ERROR) {
        const LexError *le = &p->lx->err;
        bool take;
        if (p->err->kind == AST_ERR_MEMORY)
            /* stopped by a nesting limit CPython might not have: it would
             * have gone on to the tokenizer error */
            take = p->lim->exceeded && le->klass != LEXERR_DEFERRED;
        else
            take = le->klass == LEXERR_RAISED ||
                   (le->klass == LEXERR_EOF && le->paren_lineno &&
                    p->toks[p->fill - 1].lineno > le->paren_lineno);
        if (take) {
            p->error = false;
            raise_lexer_error(p);
        }
    }
    return NULL;
}

static void init_parser(Parser *p, AstArena *arena, const char *src, size_t len, LexTokens *lx,
                        AstError *err, ParseLimits *lim) {
    memset(p, 0, sizeof *p);
    p->arena = arena;
    p->src = src;
    p->srclen = len;
    p->lx = lx;
    p->toks = lx->toks;
    p->ntoks = lx->n;
    p->err = err;
    p->lim = lim;
}

AstExpr *ast_parse_fstring_expr(Parser *p, const char *text, size_t len, int line_offset,
                                int col_shift) {
    char *buf = malloc(len + 4);
    if (!buf) {
        ast_error_nomem(p);
        return NULL;
    }
    buf[0] = '(';
    memcpy(buf + 1, text, len);
    buf[len + 1] = ')';
    buf[len + 2] = '\n';
    buf[len + 3] = 0;
    LexTokens lx;
    AstExpr *e = NULL;
    if (!lex_tokenize(buf, len + 3, line_offset, col_shift, &lx)) {
        ast_error_nomem(p);
    } else {
        Parser sub;
        init_parser(&sub, p->arena, buf, len + 3, &lx, p->err, p->lim);
        sub.fstring = true;
        sub.line_offset = line_offset;
        sub.col_shift = col_shift;
        e = run_parser(&sub, START_FSTRING);
        if (sub.error)
            p->error = true;
        lex_free(&lx);
    }
    free(buf);
    return e;
}

/* ---------------------------------------------------------------------
 * Entry points.
 */

/* Check and normalise the source as CPython's string tokenizer sees it:
 * no NUL bytes, valid UTF-8 (a leading BOM dropped), "\r\n" and "\r" turned
 * into "\n", and a final newline for file input.  Returns
 * the text to parse (src itself or a malloc'ed copy in *owned), or NULL
 * with *err filled in. */
static const char *prepare_source(const char *src, size_t *len, AstModKind mode, char **owned,
                                  AstError *err) {
    size_t n = *len;
    *owned = NULL;
    if (memchr(src, 0, n)) {
        err->kind = AST_ERR_SYNTAX;
        snprintf(err->msg, sizeof err->msg, "source code string cannot contain null bytes");
        return NULL;
    }
    if (n >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {
        src += 3;
        n -= 3;
    }
    for (size_t i = 0; i < n;) {
        uint64_t w;
        if (i + 8 <= n && (memcpy(&w, src + i, 8), (w & 0x8080808080808080u) == 0)) {
            i += 8;     /* eight ASCII bytes */
            continue;
        }
        unsigned char c = (unsigned char)src[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t k = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        bool ok = k > 0 && i + k <= n;
        for (size_t j = 1; ok && j < k; j++)
            ok = ((unsigned char)src[i + j] & 0xC0) == 0x80;
        if (ok && k == 3) {
            unsigned char c1 = (unsigned char)src[i + 1];
            ok = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0);
        } else if (ok && k == 4) {
            unsigned char c1 = (unsigned char)src[i + 1];
            ok = !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90);
        }
        if (!ok) {
            int line = 1;
            for (size_t j = 0; j < i; j++)
                line += src[j] == '\n';
            err->kind = AST_ERR_SYNTAX;
            snprintf(err->msg, sizeof err->msg,
                     "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %zu: "
                     "invalid %s", c, i, k == 0 ? "start byte" : "continuation byte");
            err->lineno = err->end_lineno = line;
            return NULL;
        }
        i += k;
    }
    bool has_cr = memchr(src, '\r', n) != NULL;
    bool add_nl = mode == MOD_MODULE && (n == 0 || src[n - 1] != '\n');
    if (!has_cr && !add_nl) {
        *len = n;
        return src;
    }
    char *d = malloc(n + 2);
    if (!d) {
        err->kind = AST_ERR_MEMORY;
        snprintf(err->msg, sizeof err->msg, "out of memory while parsing");
        return NULL;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (src[i] == '\r') {
            d[k++] = '\n';
            if (i + 1 < n && src[i + 1] == '\n')
                i++;
        } else {
            d[k++] = src[i];
        }
    }
    if (mode == MOD_MODULE && (k == 0 || d[k - 1] != '\n'))
        d[k++] = '\n';
    d[k] = 0;
    *owned = d;
    *len = k;
    return d;
}

/* In interactive input CPython turns the ENDMARKER into a NEWLINE followed
 * by a DEDENT for every block still open (and, when there were some,
 * another NEWLINE: the substitution alternates), then the ENDMARKER.
 * *eof_index is set to the index of the first NEWLINE. */
static bool add_interactive_newline(LexTokens *lx, size_t *eof_index) {
    LexToken end = lx->toks[lx->n - 1];
    if (end.type != LT_ENDMARKER || lx->n < 2)
        return true;
    size_t open = 0;
    for (size_t i = 0; i < lx->n; i++)
        open += lx->toks[i].type == LT_INDENT ? 1 : lx->toks[i].type == LT_DEDENT ? (size_t)-1 : 0;
    LexToken *nt = realloc(lx->toks, (lx->n + open + 2) * sizeof *nt);
    if (!nt)
        return false;
    lx->toks = nt;
    *eof_index = lx->n - 1;
    nt[lx->n - 1].type = LT_NEWLINE;
    for (size_t i = 0; i < open; i++) {
        nt[lx->n] = end;
        nt[lx->n++].type = LT_DEDENT;
    }
    if (open) {
        nt[lx->n] = end;
        nt[lx->n++].type = LT_NEWLINE;
    }
    nt[lx->n++] = end;
    return true;
}

/* CPython's bad_single_statement: anything but blanks and comments after
 * the statement of an interactive input. */
static bool bad_single_statement(const char *s, size_t n, size_t from) {
    for (size_t i = from; i < n; i++) {
        if (s[i] == '#') {
            while (i < n && s[i] != '\n')
                i++;
        } else if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\f') {
            return true;
        }
    }
    return false;
}

/* Parse with the lexer tokens of an already prepared source.  *at_end
 * (when given) reports whether the parser or tokenizer reached the end of
 * the input before failing (CPython's _is_end_of_source). */
static AstMod *parse_prepared(AstArena *arena, const char *src, size_t len, AstModKind mode,
                              AstError *err, bool *at_end) {
    LexTokens lx;
    size_t eof_index = (size_t)-1;
    if (!lex_tokenize(src, len, 0, 0, &lx) ||
        (mode == MOD_INTERACTIVE && !add_interactive_newline(&lx, &eof_index))) {
        lex_free(&lx);
        err->kind = AST_ERR_MEMORY;
        snprintf(err->msg, sizeof err->msg, "out of memory while parsing");
        return NULL;
    }
    char stack_base;
    ParseLimits lim = {0, (uintptr_t)(void *)&stack_base, false};
    Parser p;
    init_parser(&p, arena, src, len, &lx, err, &lim);
    int start = mode == MOD_MODULE ? START_FILE : mode == MOD_EXPRESSION ? START_EVAL
                : START_INTERACTIVE;
    AstMod *m = run_parser(&p, start);
    if (m && mode == MOD_INTERACTIVE && bad_single_statement(src, len, lx.toks[p.fill - 1].end)) {
        ast_error_last(&p, AST_ERR_SYNTAX,
                       "multiple statements found while compiling a single statement");
        m = NULL;
    }
    if (at_end) {
        const LexToken *last = &lx.toks[lx.n - 1];
        if (last->type == LT_ERROR)
            *at_end = p.fill >= lx.n && (lx.err.klass == LEXERR_EOF ||
                                         strncmp(lx.err.msg, "unterminated triple", 19) == 0);
        else
            *at_end = p.fill > eof_index;
    }
    if (arena->oom && !p.error) {
        p.error = true;
        ast_error_nomem(&p);
        m = NULL;
    }
    if (!m && err->kind == AST_ERR_NONE)
        ast_error_nomem(&p);
    lex_free(&lx);
    return m;
}

AstMod *ast_parse(AstArena *arena, const char *src, size_t len, AstModKind mode, AstError *err) {
    memset(err, 0, sizeof *err);
    char *owned;
    const char *text = prepare_source(src, &len, mode, &owned, err);
    if (!text)
        return NULL;
    AstMod *m = parse_prepared(arena, text, len, mode, err, NULL);
    free(owned);
    return m;
}

/* Does the text end with a blank line (the REPL's end of a block)? */
static bool ends_with_blank_line(const char *s, size_t n) {
    if (n > 0 && s[n - 1] == '\n')
        n--;
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    return n > 0 && s[n - 1] == '\n';
}

static bool only_blank_and_comments(const char *s, size_t n) {
    return !bad_single_statement(s, n, 0);
}

bool ast_needs_more_input(const char *src, size_t len) {
    AstError err;
    memset(&err, 0, sizeof err);
    char *owned;
    /* like codeop: the text as a complete line (final newline added) */
    const char *text = prepare_source(src, &len, MOD_MODULE, &owned, &err);
    if (!text)
        return false;
    AstArena arena;
    ast_arena_init(&arena);
    bool at_end = false;
    AstMod *m = parse_prepared(&arena, text, len, MOD_INTERACTIVE, &err, &at_end);
    bool more;
    if (only_blank_and_comments(text, len)) {
        more = false;
    } else if (m) {
        AstStmtKind k = m->body.n ? m->body.items[0]->kind : STMT_PASS;
        bool compound = k == STMT_FUNCTIONDEF || k == STMT_CLASSDEF || k == STMT_FOR ||
                        k == STMT_WHILE || k == STMT_IF || k == STMT_WITH || k == STMT_TRY ||
                        k == STMT_TRYSTAR;
        more = compound && !ends_with_blank_line(text, len);
    } else {
        more = at_end && err.kind != AST_ERR_MEMORY;
    }
    ast_arena_free(&arena);
    free(owned);
    return more;
}
