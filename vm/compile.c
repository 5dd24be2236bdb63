/* compile.c - from an AST (ast.h) to code objects.
 *
 * Two passes, as in CPython: the symbol table pass decides for every name
 * in every scope whether it is local, global (explicit or implicit), free or
 * a cell; code generation then walks the tree and emits instructions
 * (opcodes.h) into per-code-object units.  Finally each unit is assembled:
 * labels resolved, maximum stack and block depths computed by a flow
 * analysis, line table and inline-cache slots laid out, all in a single
 * allocation (the Code object).
 *
 * Errors found here (bad scoping, 'return' outside function, ...) are
 * SyntaxErrors with the position of the offending node.  Compilation never
 * runs Python code, so Values held in the compiler's C arrays cannot be
 * collected (no safe point is reached while compiling).
 */
#include "vm.h"
#include "ast.h"
#include <string.h>
#include <stdlib.h>
#include <stdio.h>

void code_dump(Code *co, int depth);

enum {
#define OP(name, flags, effect, comment) OP_##name,
#include "opcodes.h"
    OP__COUNT
};
#define J 1
#define C 2
#define K 4
#define V 8
static const uint8_t op_flags[] = {
#define OP(name, flags, effect, comment) flags,
#include "opcodes.h"
};
static const int8_t op_effect[] = {
#define OP(name, flags, effect, comment) effect,
#include "opcodes.h"
};
#undef J
#undef C
#undef K
#undef V
#define OPF_JUMP 1
#define OPF_CACHE 2
#define OPF_CONST 4

/* ======================= symbol table ======================= */
enum {
    DEF_GLOBAL = 1, DEF_LOCAL = 2, DEF_PARAM = 4, DEF_NONLOCAL = 8, USE = 16, DEF_FREE_CLASS = 32,
    DEF_IMPORT = 64, DEF_ANNOT = 128, DEF_COMP_ITER = 256
};
#define DEF_BOUND (DEF_LOCAL | DEF_PARAM | DEF_IMPORT)
enum { SC_NONE, SC_LOCAL, SC_GLOBAL_EXPLICIT, SC_GLOBAL_IMPLICIT, SC_FREE, SC_CELL };
typedef enum { ST_MODULE, ST_CLASS, ST_FUNCTION } BlockKind;

typedef struct Sym {
    const char *name;
    int flags;
    int scope;
    int lineno, col;
} Sym;

typedef struct Scope Scope;
struct Scope {
    BlockKind kind;
    const char *name;
    const void *node;               /* the AST node that opens it */
    Scope *parent;
    Scope **children;
    int nchildren, capchildren;
    Sym *syms;
    int nsyms, capsyms;
    const char **params;            /* in order */
    int nparams, capparams;
    bool is_generator, is_comprehension, is_lambda, needs_class_closure, child_free, has_varargs, has_varkw;
    bool uses_class_cell;
    int comp_iter_depth;
};

typedef struct Compiler Compiler;
static void sym_error(Compiler *c, int lineno, int col, const char *fmt, ...);

/* ======================= compiler state ======================= */
typedef struct Instr {
    uint8_t op;
    int32_t arg;
    int32_t lineno;
    int32_t target_label;           /* for jumps: label id; -1 otherwise */
    int32_t kconst;                 /* K word: constant index */
} Instr;

enum FBlockKind { FB_WHILE, FB_FOR, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END, FB_WITH, FB_HANDLER, FB_EXCEPT_NAME };
typedef struct FBlock {
    enum FBlockKind kind;
    int top_label, exit_label;      /* loops */
    AstStmtList *finalbody;         /* FB_FINALLY_TRY */
    const char *name;               /* FB_EXCEPT_NAME */
} FBlock;

typedef struct Unit {
    struct Unit *parent;
    Scope *scope;
    Instr *ins;
    int nins, capins;
    int *labels;                    /* label -> instruction index */
    int nlabels, caplabels;
    Value *consts;
    int nconsts, capconsts;
    Value *names;
    int nnames, capnames;
    const char **lp_names;          /* locals, cells, frees */
    int nlocals, ncells, nfree;
    FBlock fblocks[64];
    int nfblocks;
    int lineno;
    int firstlineno;
    int argcount, posonly, kwonly;
    int flags;
    const char *qualname;
    const char *name;
    const char *private_name;       /* enclosing class name for mangling */
    bool in_class_body;
} Unit;

struct Compiler {
    VM *vm;
    AstArena *arena;
    Value filename;
    const char *filename_c;
    Scope *top;
    Unit *u;
    bool err;
    bool interactive;
    bool future_annotations;
    char errmsg[200];
    int errline, errcol;
    const char *src;
    size_t srclen;
    /* symtable walk */
    Scope *cur;
};

static void sym_error(Compiler *c, int lineno, int col, const char *fmt, ...) {
    if (c->err) return;
    c->err = true;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->errmsg, sizeof c->errmsg, fmt, ap);
    va_end(ap);
    c->errline = lineno;
    c->errcol = col;
}

/* Deeply nested source (the parser builds such trees without recursing)
 * must not exhaust the C stack here: CPython's RecursionError. */
static bool too_deep(Compiler *c) {
    if (!vm_stack_exhausted(c->vm)) return false;
    if (!c->err) {
        c->err = true;
        vm_raise(c->vm, &exc_RecursionError, "maximum recursion depth exceeded during compilation");
    }
    return true;
}

/* ---- name mangling ---- */
static const char *mangle(Compiler *c, const char *priv, const char *name) {
    if (!priv || name[0] != '_' || name[1] != '_') return name;
    size_t n = strlen(name);
    if (n >= 4 && name[n - 1] == '_' && name[n - 2] == '_') return name;
    if (strchr(name, '.')) return name;
    while (*priv == '_') priv++;
    if (!*priv) return name;
    size_t pl = strlen(priv);
    char *m = ast_alloc(c->arena, pl + n + 2);
    if (!m) return name;
    m[0] = '_';
    memcpy(m + 1, priv, pl);
    memcpy(m + 1 + pl, name, n + 1);
    return m;
}

/* ---- scope helpers ---- */
static Scope *scope_new(Compiler *c, BlockKind kind, const char *name, const void *node, Scope *parent) {
    Scope *s = ast_alloc(c->arena, sizeof(Scope));
    if (!s) { c->err = true; return NULL; }
    s->kind = kind;
    s->name = name;
    s->node = node;
    s->parent = parent;
    if (parent) {
        if (parent->nchildren == parent->capchildren) {
            int nc = parent->capchildren ? parent->capchildren * 2 : 4;
            Scope **n = ast_alloc(c->arena, (size_t)nc * sizeof(Scope *));
            if (!n) { c->err = true; return s; }
            if (parent->nchildren) memcpy(n, parent->children, (size_t)parent->nchildren * sizeof(Scope *));
            parent->children = n;
            parent->capchildren = nc;
        }
        parent->children[parent->nchildren++] = s;
    }
    return s;
}

static Sym *sym_find(Scope *s, const char *name) {
    for (int i = 0; i < s->nsyms; i++)
        if (!strcmp(s->syms[i].name, name)) return &s->syms[i];
    return NULL;
}

static Sym *sym_add(Compiler *c, Scope *s, const char *name, int flags, int lineno, int col) {
    Sym *y = sym_find(s, name);
    if (!y) {
        if (s->nsyms == s->capsyms) {
            int nc = s->capsyms ? s->capsyms * 2 : 8;
            Sym *n = ast_alloc(c->arena, (size_t)nc * sizeof(Sym));
            if (!n) { c->err = true; return NULL; }
            if (s->nsyms) memcpy(n, s->syms, (size_t)s->nsyms * sizeof(Sym));
            s->syms = n;
            s->capsyms = nc;
        }
        y = &s->syms[s->nsyms++];
        y->name = name;
        y->flags = 0;
        y->scope = SC_NONE;
        y->lineno = lineno;
        y->col = col;
    }
    if ((flags & DEF_PARAM) && (y->flags & DEF_PARAM)) {
        sym_error(c, lineno, col, "duplicate argument '%s' in function definition", name);
        return y;
    }
    y->flags |= flags;
    return y;
}

static const char *scope_private(Scope *s) {
    for (; s; s = s->parent)
        if (s->kind == ST_CLASS) return s->name;
    return NULL;
}

static void st_def(Compiler *c, const char *name, int flags, int lineno, int col) {
    Scope *s = c->cur;
    name = mangle(c, scope_private(s), name);
    Sym *y = sym_find(s, name);
    if (y && (flags & (DEF_LOCAL | DEF_PARAM)) == 0 && (flags & USE)) {
        y->flags |= flags;
        return;
    }
    sym_add(c, s, name, flags, lineno, col);
    if (flags & DEF_PARAM) {
        if (s->nparams == s->capparams) {
            int nc = s->capparams ? s->capparams * 2 : 8;
            const char **n = ast_alloc(c->arena, (size_t)nc * sizeof(char *));
            if (!n) { c->err = true; return; }
            if (s->nparams) memcpy(n, s->params, (size_t)s->nparams * sizeof(char *));
            s->params = n;
            s->capparams = nc;
        }
        s->params[s->nparams++] = name;
    }
}

static void st_expr(Compiler *c, AstExpr *e);
static void st_stmt(Compiler *c, AstStmt *s);

static void st_exprs(Compiler *c, AstExprList *l) {
    for (size_t i = 0; i < l->n; i++)
        if (l->items[i]) st_expr(c, l->items[i]);
}
static void st_stmts(Compiler *c, AstStmtList *l) {
    for (size_t i = 0; i < l->n; i++) st_stmt(c, l->items[i]);
}

static void st_args_defaults(Compiler *c, AstArguments *a) {
    st_exprs(c, &a->defaults);
    for (size_t i = 0; i < a->kw_defaults.n; i++)
        if (a->kw_defaults.items[i]) st_expr(c, a->kw_defaults.items[i]);
}

static void st_annotations(Compiler *c, AstArguments *a, AstExpr *returns) {
    if (c->future_annotations) return;
    AstArgList *lists[3] = {&a->posonlyargs, &a->args, &a->kwonlyargs};
    for (int k = 0; k < 3; k++)
        for (size_t i = 0; i < lists[k]->n; i++)
            if (lists[k]->items[i]->annotation) st_expr(c, lists[k]->items[i]->annotation);
    if (a->vararg && a->vararg->annotation) st_expr(c, a->vararg->annotation);
    if (a->kwarg && a->kwarg->annotation) st_expr(c, a->kwarg->annotation);
    if (returns) st_expr(c, returns);
}

static void st_params(Compiler *c, AstArguments *a) {
    AstArgList *lists[2] = {&a->posonlyargs, &a->args};
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < lists[k]->n; i++)
            st_def(c, lists[k]->items[i]->arg, DEF_PARAM, lists[k]->items[i]->lineno, lists[k]->items[i]->col);
    for (size_t i = 0; i < a->kwonlyargs.n; i++)
        st_def(c, a->kwonlyargs.items[i]->arg, DEF_PARAM, a->kwonlyargs.items[i]->lineno, a->kwonlyargs.items[i]->col);
    if (a->vararg) {
        st_def(c, a->vararg->arg, DEF_PARAM, a->vararg->lineno, a->vararg->col);
        c->cur->has_varargs = true;
    }
    if (a->kwarg) {
        st_def(c, a->kwarg->arg, DEF_PARAM, a->kwarg->lineno, a->kwarg->col);
        c->cur->has_varkw = true;
    }
}

static void st_comprehension(Compiler *c, AstExpr *e, const char *name, AstComprehensionList *gens, AstExpr *elt,
                             AstExpr *value, bool is_gen) {
    AstComprehension *first = gens->items[0];
    st_expr(c, first->iter);
    Scope *s = scope_new(c, ST_FUNCTION, name, e, c->cur);
    if (!s) return;
    s->is_comprehension = true;
    if (is_gen) s->is_generator = true;
    Scope *saved = c->cur;
    c->cur = s;
    st_def(c, ".0", DEF_PARAM, e->lineno, e->col);
    for (size_t i = 0; i < gens->n; i++) {
        AstComprehension *g = gens->items[i];
        s->comp_iter_depth++;
        st_expr(c, g->target);
        s->comp_iter_depth--;
        if (i > 0) st_expr(c, g->iter);
        st_exprs(c, &g->ifs);
    }
    if (value) st_expr(c, value);
    st_expr(c, elt);
    c->cur = saved;
}

/* name := value inside a comprehension binds in the enclosing function. */
static void st_named_target(Compiler *c, AstExpr *target) {
    const char *name = target->u.name.id;
    Scope *s = c->cur;
    if (!s->is_comprehension) {
        st_def(c, name, DEF_LOCAL, target->lineno, target->col);
        return;
    }
    if (s->comp_iter_depth > 0) {
        sym_error(c, target->lineno, target->col, "assignment expression cannot be used in a comprehension iterable expression");
        return;
    }
    /* iteration variables of this comprehension cannot be rebound */
    for (Scope *p = s; p && p->is_comprehension; p = p->parent) {
        Sym *y = sym_find(p, name);
        if (y && (y->flags & DEF_LOCAL) && !(y->flags & DEF_NONLOCAL)) {
            sym_error(c, target->lineno, target->col,
                      "assignment expression cannot rebind comprehension iteration variable '%s'", name);
            return;
        }
    }
    Scope *enc = s->parent;
    while (enc && enc->is_comprehension) enc = enc->parent;
    if (!enc) return;
    if (enc->kind == ST_CLASS) {
        sym_error(c, target->lineno, target->col, "assignment expression within a comprehension cannot be used in a class body");
        return;
    }
    Sym *ey = sym_find(enc, name);
    if (enc->kind == ST_MODULE || (ey && (ey->flags & DEF_GLOBAL))) {
        /* global in the comprehension chain */
        for (Scope *p = s; p && p != enc; p = p->parent) sym_add(c, p, name, DEF_GLOBAL, target->lineno, target->col);
        if (enc->kind == ST_MODULE) sym_add(c, enc, name, DEF_LOCAL, target->lineno, target->col);
        return;
    }
    if (ey && (ey->flags & DEF_NONLOCAL)) {
        for (Scope *p = s; p && p != enc; p = p->parent) sym_add(c, p, name, DEF_NONLOCAL, target->lineno, target->col);
        return;
    }
    sym_add(c, enc, name, DEF_LOCAL, target->lineno, target->col);
    for (Scope *p = s; p && p != enc; p = p->parent) sym_add(c, p, name, DEF_NONLOCAL, target->lineno, target->col);
}

static void st_expr(Compiler *c, AstExpr *e) {
    if (!e || c->err || too_deep(c)) return;
    switch (e->kind) {
    case EXPR_BOOLOP: st_exprs(c, &e->u.boolop.values); break;
    case EXPR_NAMEDEXPR:
        st_expr(c, e->u.namedexpr.value);
        st_named_target(c, e->u.namedexpr.target);
        break;
    case EXPR_BINOP: st_expr(c, e->u.binop.left); st_expr(c, e->u.binop.right); break;
    case EXPR_UNARYOP: st_expr(c, e->u.unaryop.operand); break;
    case EXPR_LAMBDA: {
        st_args_defaults(c, e->u.lambda.args);
        Scope *s = scope_new(c, ST_FUNCTION, "<lambda>", e, c->cur);
        if (!s) return;
        s->is_lambda = true;
        Scope *saved = c->cur;
        c->cur = s;
        st_params(c, e->u.lambda.args);
        st_expr(c, e->u.lambda.body);
        c->cur = saved;
        break;
    }
    case EXPR_IFEXP: st_expr(c, e->u.ifexp.test); st_expr(c, e->u.ifexp.body); st_expr(c, e->u.ifexp.orelse); break;
    case EXPR_DICT: st_exprs(c, &e->u.dict.keys); st_exprs(c, &e->u.dict.values); break;
    case EXPR_SET: st_exprs(c, &e->u.set.elts); break;
    case EXPR_LISTCOMP: st_comprehension(c, e, "<listcomp>", &e->u.listcomp.generators, e->u.listcomp.elt, NULL, false); break;
    case EXPR_SETCOMP: st_comprehension(c, e, "<setcomp>", &e->u.listcomp.generators, e->u.listcomp.elt, NULL, false); break;
    case EXPR_GENERATOREXP: st_comprehension(c, e, "<genexpr>", &e->u.listcomp.generators, e->u.listcomp.elt, NULL, true); break;
    case EXPR_DICTCOMP:
        st_comprehension(c, e, "<dictcomp>", &e->u.dictcomp.generators, e->u.dictcomp.key, e->u.dictcomp.value, false);
        break;
    case EXPR_YIELD:
    case EXPR_YIELDFROM: {
        Scope *s = c->cur;
        if (s->kind != ST_FUNCTION) {
            sym_error(c, e->lineno, e->col, "'yield' outside function");
            return;
        }
        if (s->is_comprehension) {
            const char *what = !strcmp(s->name, "<listcomp>") ? "list comprehension" : !strcmp(s->name, "<setcomp>") ? "set comprehension"
                             : !strcmp(s->name, "<dictcomp>") ? "dict comprehension" : "generator expression";
            sym_error(c, e->lineno, e->col, "'yield' inside %s", what);
            return;
        }
        s->is_generator = true;
        st_expr(c, e->kind == EXPR_YIELD ? e->u.yield.value : e->u.yieldfrom.value);
        break;
    }
    case EXPR_COMPARE:
        st_expr(c, e->u.compare.left);
        for (size_t i = 0; i < e->u.compare.n; i++) st_expr(c, e->u.compare.comparators[i]);
        break;
    case EXPR_CALL:
        st_expr(c, e->u.call.func);
        st_exprs(c, &e->u.call.args);
        for (size_t i = 0; i < e->u.call.keywords.n; i++) st_expr(c, e->u.call.keywords.items[i]->value);
        break;
    case EXPR_FORMATTEDVALUE: st_expr(c, e->u.formattedvalue.value); st_expr(c, e->u.formattedvalue.format_spec); break;
    case EXPR_JOINEDSTR: st_exprs(c, &e->u.joinedstr.values); break;
    case EXPR_CONSTANT: break;
    case EXPR_ATTRIBUTE: st_expr(c, e->u.attribute.value); break;
    case EXPR_SUBSCRIPT: st_expr(c, e->u.subscript.value); st_expr(c, e->u.subscript.slice); break;
    case EXPR_STARRED: st_expr(c, e->u.starred.value); break;
    case EXPR_NAME: {
        const char *id = e->u.name.id;
        if (e->u.name.ctx == CTX_LOAD) {
            st_def(c, id, USE, e->lineno, e->col);
            /* super() in a method needs the __class__ cell */
            if (c->cur->kind == ST_FUNCTION && !strcmp(id, "super")) st_def(c, "__class__", USE, e->lineno, e->col);
        } else {
            st_def(c, id, DEF_LOCAL, e->lineno, e->col);
        }
        break;
    }
    case EXPR_LIST:
    case EXPR_TUPLE: st_exprs(c, &e->u.list.elts); break;
    case EXPR_SLICE: st_expr(c, e->u.slice.lower); st_expr(c, e->u.slice.upper); st_expr(c, e->u.slice.step); break;
    }
}

static void st_global_decl(Compiler *c, AstStmt *s, bool nonlocal) {
    for (size_t i = 0; i < s->u.global.names.n; i++) {
        const char *name = mangle(c, scope_private(c->cur), s->u.global.names.items[i]);
        Sym *y = sym_find(c->cur, name);
        const char *kw = nonlocal ? "nonlocal" : "global";
        if (y) {
            if (y->flags & DEF_PARAM) { sym_error(c, s->lineno, s->col, "name '%s' is parameter and %s", name, kw); return; }
            if (nonlocal && (y->flags & DEF_GLOBAL)) { sym_error(c, s->lineno, s->col, "name '%s' is nonlocal and global", name); return; }
            if (!nonlocal && (y->flags & DEF_NONLOCAL)) { sym_error(c, s->lineno, s->col, "name '%s' is nonlocal and global", name); return; }
            if (y->flags & USE) { sym_error(c, s->lineno, s->col, "name '%s' is used prior to %s declaration", name, kw); return; }
            if (y->flags & (DEF_LOCAL | DEF_ANNOT)) { sym_error(c, s->lineno, s->col, "name '%s' is assigned to before %s declaration", name, kw); return; }
        }
        if (nonlocal && c->cur->kind == ST_MODULE) { sym_error(c, s->lineno, s->col, "nonlocal declaration not allowed at module level"); return; }
        sym_add(c, c->cur, name, nonlocal ? DEF_NONLOCAL : DEF_GLOBAL, s->lineno, s->col);
    }
}

static void st_stmt(Compiler *c, AstStmt *s) {
    if (c->err || too_deep(c)) return;
    switch (s->kind) {
    case STMT_FUNCTIONDEF: {
        st_exprs(c, &s->u.functiondef.decorator_list);
        st_args_defaults(c, s->u.functiondef.args);
        st_annotations(c, s->u.functiondef.args, s->u.functiondef.returns);
        st_def(c, s->u.functiondef.name, DEF_LOCAL, s->lineno, s->col);
        Scope *n = scope_new(c, ST_FUNCTION, s->u.functiondef.name, s, c->cur);
        if (!n) return;
        Scope *saved = c->cur;
        c->cur = n;
        st_params(c, s->u.functiondef.args);
        st_stmts(c, &s->u.functiondef.body);
        c->cur = saved;
        break;
    }
    case STMT_CLASSDEF: {
        st_exprs(c, &s->u.classdef.decorator_list);
        st_exprs(c, &s->u.classdef.bases);
        for (size_t i = 0; i < s->u.classdef.keywords.n; i++) st_expr(c, s->u.classdef.keywords.items[i]->value);
        st_def(c, s->u.classdef.name, DEF_LOCAL, s->lineno, s->col);
        Scope *n = scope_new(c, ST_CLASS, s->u.classdef.name, s, c->cur);
        if (!n) return;
        Scope *saved = c->cur;
        c->cur = n;
        st_stmts(c, &s->u.classdef.body);
        c->cur = saved;
        break;
    }
    case STMT_RETURN: st_expr(c, s->u.ret.value); break;
    case STMT_DELETE: st_exprs(c, &s->u.del.targets); break;
    case STMT_ASSIGN: st_expr(c, s->u.assign.value); st_exprs(c, &s->u.assign.targets); break;
    case STMT_AUGASSIGN: st_expr(c, s->u.augassign.target); st_expr(c, s->u.augassign.value); break;
    case STMT_ANNASSIGN: {
        AstExpr *t = s->u.annassign.target;
        if (t->kind == EXPR_NAME) {
            const char *name = mangle(c, scope_private(c->cur), t->u.name.id);
            Sym *y = sym_find(c->cur, name);
            if (y && (y->flags & (DEF_GLOBAL | DEF_NONLOCAL)) && s->u.annassign.simple) {
                sym_error(c, s->lineno, s->col, "annotated name '%s' can't be %s", name,
                          (y->flags & DEF_GLOBAL) ? "global" : "nonlocal");
                return;
            }
            if (s->u.annassign.simple) st_def(c, t->u.name.id, DEF_LOCAL | DEF_ANNOT, t->lineno, t->col);
            else if (s->u.annassign.value) st_def(c, t->u.name.id, DEF_LOCAL, t->lineno, t->col);
        } else {
            st_expr(c, t);
        }
        if (c->cur->kind != ST_FUNCTION && !c->future_annotations) st_expr(c, s->u.annassign.annotation);
        st_expr(c, s->u.annassign.value);
        break;
    }
    case STMT_FOR: st_expr(c, s->u.for_.target); st_expr(c, s->u.for_.iter); st_stmts(c, &s->u.for_.body); st_stmts(c, &s->u.for_.orelse); break;
    case STMT_WHILE: st_expr(c, s->u.while_.test); st_stmts(c, &s->u.while_.body); st_stmts(c, &s->u.while_.orelse); break;
    case STMT_IF: st_expr(c, s->u.if_.test); st_stmts(c, &s->u.if_.body); st_stmts(c, &s->u.if_.orelse); break;
    case STMT_WITH:
        for (size_t i = 0; i < s->u.with.items.n; i++) {
            st_expr(c, s->u.with.items.items[i]->context_expr);
            st_expr(c, s->u.with.items.items[i]->optional_vars);
        }
        st_stmts(c, &s->u.with.body);
        break;
    case STMT_RAISE: st_expr(c, s->u.raise.exc); st_expr(c, s->u.raise.cause); break;
    case STMT_TRYSTAR:
        sym_error(c, s->lineno, s->col, "except* (exception groups) is not supported by txpy");
        return;
    case STMT_TRY:
        st_stmts(c, &s->u.try_.body);
        for (size_t i = 0; i < s->u.try_.handlers.n; i++) {
            AstExceptHandler *h = s->u.try_.handlers.items[i];
            st_expr(c, h->type);
            if (h->name) st_def(c, h->name, DEF_LOCAL, h->lineno, h->col);
            st_stmts(c, &h->body);
        }
        st_stmts(c, &s->u.try_.orelse);
        st_stmts(c, &s->u.try_.finalbody);
        break;
    case STMT_ASSERT: st_expr(c, s->u.assert_.test); st_expr(c, s->u.assert_.msg); break;
    case STMT_IMPORT:
    case STMT_IMPORTFROM: {
        AstAliasList *names = s->kind == STMT_IMPORT ? &s->u.import.names : &s->u.importfrom.names;
        for (size_t i = 0; i < names->n; i++) {
            AstAlias *a = names->items[i];
            if (!strcmp(a->name, "*")) {
                if (c->cur->kind != ST_MODULE) {
                    sym_error(c, s->lineno, s->col, "import * only allowed at module level");
                    return;
                }
                continue;
            }
            const char *bind = a->asname;
            if (!bind) {
                const char *dot = strchr(a->name, '.');
                if (dot && s->kind == STMT_IMPORT) {
                    size_t l = (size_t)(dot - a->name);
                    char *b = ast_alloc(c->arena, l + 1);
                    if (!b) { c->err = true; return; }
                    memcpy(b, a->name, l);
                    bind = b;
                } else {
                    bind = a->name;
                }
            }
            st_def(c, bind, DEF_IMPORT, a->lineno, a->col);
        }
        if (s->kind == STMT_IMPORTFROM && s->u.importfrom.module && !strcmp(s->u.importfrom.module, "__future__")) {
            for (size_t i = 0; i < names->n; i++)
                if (!strcmp(names->items[i]->name, "annotations")) c->future_annotations = true;
        }
        break;
    }
    case STMT_GLOBAL: st_global_decl(c, s, false); break;
    case STMT_NONLOCAL: st_global_decl(c, s, true); break;
    case STMT_EXPR: st_expr(c, s->u.expr.value); break;
    case STMT_PASS: case STMT_BREAK: case STMT_CONTINUE: break;
    }
}

/* ---- analysis (CPython's analyze_block) ---- */
typedef struct NameSet { const char **v; int n, cap; } NameSet;

static bool ns_has(NameSet *s, const char *n) {
    for (int i = 0; i < s->n; i++) if (!strcmp(s->v[i], n)) return true;
    return false;
}
static void ns_add(NameSet *s, const char *n) {
    if (ns_has(s, n)) return;
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 8;
        s->v = realloc(s->v, (size_t)s->cap * sizeof(char *));
    }
    s->v[s->n++] = n;
}
static void ns_del(NameSet *s, const char *n) {
    for (int i = 0; i < s->n; i++)
        if (!strcmp(s->v[i], n)) { s->v[i] = s->v[--s->n]; return; }
}
static void ns_copy(NameSet *d, NameSet *s) { for (int i = 0; i < s->n; i++) ns_add(d, s->v[i]); }
static void ns_free(NameSet *s) { free(s->v); s->v = NULL; s->n = s->cap = 0; }

static void analyze_name(Compiler *c, Scope *sc, Sym *y, NameSet *bound, NameSet *local, NameSet *free, NameSet *global) {
    const char *name = y->name;
    int f = y->flags;
    if (f & DEF_GLOBAL) {
        y->scope = SC_GLOBAL_EXPLICIT;
        ns_add(global, name);
        ns_del(bound, name);
    } else if (f & DEF_NONLOCAL) {
        if (!ns_has(bound, name)) {
            sym_error(c, y->lineno, y->col, "no binding for nonlocal '%s' found", name);
            return;
        }
        y->scope = SC_FREE;
        ns_add(free, name);
    } else if (f & DEF_BOUND) {
        y->scope = SC_LOCAL;
        ns_add(local, name);
        ns_del(global, name);
    } else if (ns_has(bound, name)) {
        y->scope = SC_FREE;
        sc->child_free = true;
        ns_add(free, name);
    } else {
        y->scope = SC_GLOBAL_IMPLICIT;
    }
}

static void analyze_block(Compiler *c, Scope *sc, NameSet *bound, NameSet *free, NameSet *global) {
    NameSet local = {0}, newbound = {0}, newfree = {0}, newglobal = {0}, allfree = {0};
    if (sc->kind == ST_CLASS) {
        ns_copy(&newglobal, global);
        ns_copy(&newbound, bound);
    }
    for (int i = 0; i < sc->nsyms; i++) analyze_name(c, sc, &sc->syms[i], bound, &local, free, global);
    if (sc->kind != ST_CLASS) {
        if (sc->kind == ST_FUNCTION) ns_copy(&newbound, &local);
        ns_copy(&newbound, bound);
        ns_copy(&newglobal, global);
    } else {
        ns_add(&newbound, "__class__");
    }
    for (int i = 0; i < sc->nchildren && !c->err; i++) {
        NameSet childfree = {0}, cb = {0}, cg = {0};
        ns_copy(&cb, &newbound);
        ns_copy(&cg, &newglobal);
        analyze_block(c, sc->children[i], &cb, &childfree, &cg);
        ns_copy(&allfree, &childfree);
        if (sc->children[i]->child_free) sc->child_free = true;
        ns_free(&childfree);
        ns_free(&cb);
        ns_free(&cg);
    }
    ns_copy(&newfree, &allfree);
    if (sc->kind == ST_FUNCTION) {
        /* analyze_cells: free in children + local here => cell */
        for (int i = 0; i < sc->nsyms; i++) {
            Sym *y = &sc->syms[i];
            if (y->scope == SC_LOCAL && ns_has(&newfree, y->name)) {
                y->scope = SC_CELL;
                ns_del(&newfree, y->name);
            }
        }
    } else if (sc->kind == ST_CLASS) {
        if (ns_has(&newfree, "__class__")) {
            sc->needs_class_closure = true;
            ns_del(&newfree, "__class__");
        }
    }
    /* update_symbols: names free in children and not defined here become free here */
    for (int i = 0; i < newfree.n; i++) {
        const char *n = newfree.v[i];
        Sym *y = sym_find(sc, n);
        if (y) {
            if (sc->kind == ST_CLASS && y->scope != SC_FREE) {
                y->flags |= DEF_FREE_CLASS;
            }
            continue;
        }
        if (ns_has(bound, n)) {
            y = sym_add(c, sc, n, 0, 0, 0);
            if (y) y->scope = SC_FREE;
        }
    }
    ns_copy(free, &newfree);
    ns_free(&local);
    ns_free(&newbound);
    ns_free(&newfree);
    ns_free(&newglobal);
    ns_free(&allfree);
}

static Scope *child_scope_for(Scope *parent, const void *node) {
    for (int i = 0; i < parent->nchildren; i++)
        if (parent->children[i]->node == node) return parent->children[i];
    return NULL;
}

/* ======================= code generation ======================= */
static void cerror(Compiler *c, int lineno, int col, const char *msg) { sym_error(c, lineno, col, "%s", msg); }

static int next_instr_line(Compiler *c) { return c->u->lineno; }

static int emit_full(Compiler *c, int op, int32_t arg, int label, int kconst) {
    Unit *u = c->u;
    if (c->err) return -1;
    if (u->nins == u->capins) {
        int nc = u->capins ? u->capins * 2 : 64;
        Instr *n = realloc(u->ins, (size_t)nc * sizeof(Instr));
        if (!n) { c->err = true; return -1; }
        u->ins = n;
        u->capins = nc;
    }
    Instr *in = &u->ins[u->nins++];
    in->op = (uint8_t)op;
    in->arg = arg;
    in->lineno = next_instr_line(c);
    in->target_label = label;
    in->kconst = kconst;
    return u->nins - 1;
}
static void emit(Compiler *c, int op, int32_t arg) { emit_full(c, op, arg, -1, -1); }
static void emit_jump(Compiler *c, int op, int label) { emit_full(c, op, 0, label, -1); }

static int new_label(Compiler *c) {
    Unit *u = c->u;
    if (u->nlabels == u->caplabels) {
        int nc = u->caplabels ? u->caplabels * 2 : 16;
        int *n = realloc(u->labels, (size_t)nc * sizeof(int));
        if (!n) { c->err = true; return 0; }
        u->labels = n;
        u->caplabels = nc;
    }
    u->labels[u->nlabels] = -1;
    return u->nlabels++;
}
static void place(Compiler *c, int label) { if (!c->err) c->u->labels[label] = c->u->nins; }

static bool const_same(Value a, Value b) {
    if (a == b) return true;
    if (!v_is_obj(a) || !v_is_obj(b)) return false;
    Type *ta = OBJ(a)->type, *tb = OBJ(b)->type;
    if (ta != tb) return false;
    if (ta == &type_str) return str_eq(a, b);
    if (ta == &type_bytes) return AS(Bytes, a)->len == AS(Bytes, b)->len && !memcmp(AS(Bytes, a)->data, AS(Bytes, b)->data, (size_t)AS(Bytes, a)->len);
    if (ta == &type_int) return int_compare(a, b) == 0;
    return false;
}

static int add_const(Compiler *c, Value v) {
    Unit *u = c->u;
    if (!v) { c->err = true; return 0; }
    for (int i = 0; i < u->nconsts; i++)
        if (const_same(u->consts[i], v)) return i;
    if (u->nconsts == u->capconsts) {
        int nc = u->capconsts ? u->capconsts * 2 : 16;
        Value *n = realloc(u->consts, (size_t)nc * sizeof(Value));
        if (!n) { c->err = true; return 0; }
        u->consts = n;
        u->capconsts = nc;
    }
    u->consts[u->nconsts] = v;
    return u->nconsts++;
}
/* docstring goes first, never merged */
static int add_const_first(Compiler *c, Value v) {
    Unit *u = c->u;
    if (u->nconsts == u->capconsts) {
        int nc = u->capconsts ? u->capconsts * 2 : 16;
        Value *n = realloc(u->consts, (size_t)nc * sizeof(Value));
        if (!n) { c->err = true; return 0; }
        u->consts = n;
        u->capconsts = nc;
    }
    u->consts[u->nconsts] = v;
    return u->nconsts++;
}

static int add_name(Compiler *c, const char *name) {
    Unit *u = c->u;
    for (int i = 0; i < u->nnames; i++)
        if (!strcmp(str_cstr(u->names[i]), name)) return i;
    Value s = str_intern_cstr(c->vm, name);
    if (!s) { c->err = true; vm_exc_clear(c->vm); return 0; }
    if (u->nnames == u->capnames) {
        int nc = u->capnames ? u->capnames * 2 : 16;
        Value *n = realloc(u->names, (size_t)nc * sizeof(Value));
        if (!n) { c->err = true; return 0; }
        u->names = n;
        u->capnames = nc;
    }
    u->names[u->nnames] = s;
    return u->nnames++;
}

static void load_const(Compiler *c, Value v) { emit(c, OP_LOAD_CONST, add_const(c, v)); }
static void load_none(Compiler *c) { load_const(c, V_NONE); }
static Value cstr(Compiler *c, const char *s) {
    Value v = str_from_cstr(c->vm, s);
    if (!v) { c->err = true; vm_exc_clear(c->vm); }
    return v;
}

static const char *priv_name(Compiler *c) { return c->u->private_name; }

/* A parameter captured by an inner function has both a local slot (the
 * argument) and a cell slot: name lookups must pick the right section. */
static int lp_local_index(Unit *u, const char *name) {
    for (int i = 0; i < u->nlocals; i++)
        if (!strcmp(u->lp_names[i], name)) return i;
    return -1;
}
static int lp_cell_index(Unit *u, const char *name) {
    for (int i = u->nlocals; i < u->nlocals + u->ncells + u->nfree; i++)
        if (!strcmp(u->lp_names[i], name)) return i;
    return -1;
}

static bool unit_is_function(Unit *u) { return u->scope->kind == ST_FUNCTION; }

enum { NAME_LOAD, NAME_STORE, NAME_DEL };

static void compile_name(Compiler *c, const char *raw, int ctx) {
    Unit *u = c->u;
    const char *name = mangle(c, priv_name(c), raw);
    Sym *y = sym_find(u->scope, name);
    int scope = y ? y->scope : SC_GLOBAL_IMPLICIT;
    if (!strcmp(name, "__debug__")) {
        if (ctx == NAME_LOAD) { load_const(c, V_TRUE); return; }
        cerror(c, u->lineno, 0, "cannot assign to __debug__");
        return;
    }
    switch (scope) {
    case SC_FREE:
    case SC_CELL: {
        int idx = lp_cell_index(u, name);
        if (ctx == NAME_LOAD) emit(c, (u->scope->kind == ST_CLASS) ? OP_LOAD_CLASSDEREF : OP_LOAD_DEREF, idx);
        else emit(c, ctx == NAME_STORE ? OP_STORE_DEREF : OP_DELETE_DEREF, idx);
        return;
    }
    case SC_LOCAL:
        if (unit_is_function(u)) {
            int idx = lp_local_index(u, name);
            emit(c, ctx == NAME_LOAD ? OP_LOAD_FAST : ctx == NAME_STORE ? OP_STORE_FAST : OP_DELETE_FAST, idx);
            return;
        }
        emit(c, ctx == NAME_LOAD ? OP_LOAD_NAME : ctx == NAME_STORE ? OP_STORE_NAME : OP_DELETE_NAME, add_name(c, name));
        return;
    case SC_GLOBAL_IMPLICIT:
        if (!unit_is_function(u)) {
            emit(c, ctx == NAME_LOAD ? OP_LOAD_NAME : ctx == NAME_STORE ? OP_STORE_NAME : OP_DELETE_NAME, add_name(c, name));
            return;
        }
        /* in a function an implicit global is only ever loaded */
        emit(c, ctx == NAME_LOAD ? OP_LOAD_GLOBAL : ctx == NAME_STORE ? OP_STORE_GLOBAL : OP_DELETE_GLOBAL, add_name(c, name));
        return;
    case SC_GLOBAL_EXPLICIT:
    default:
        emit(c, ctx == NAME_LOAD ? OP_LOAD_GLOBAL : ctx == NAME_STORE ? OP_STORE_GLOBAL : OP_DELETE_GLOBAL, add_name(c, name));
        return;
    }
}

static void compile_expr(Compiler *c, AstExpr *e);
static void compile_body(Compiler *c, AstStmtList *l);
static void compile_stmt(Compiler *c, AstStmt *s);
static void compile_jump_if(Compiler *c, AstExpr *e, bool cond, int label);

static void set_line(Compiler *c, int line) { if (line > 0) c->u->lineno = line; }

/* ---- units ---- */
static bool unit_push(Compiler *c, Scope *sc, const char *name, const char *qualname, int firstline) {
    Unit *u = calloc(1, sizeof(Unit));
    if (!u) { c->err = true; return false; }
    u->parent = c->u;
    u->scope = sc;
    u->name = name;
    u->qualname = qualname;
    u->firstlineno = firstline;
    u->lineno = firstline;
    u->private_name = c->u ? c->u->private_name : NULL;
    if (sc->kind == ST_CLASS) u->private_name = sc->name;
    /* locals: params first (in order), then other locals; then cells; then frees */
    int cap = 2 * sc->nsyms + sc->nparams + 4;   /* a captured local appears as local and as cell */
    u->lp_names = calloc((size_t)cap, sizeof(char *));
    if (!u->lp_names) { free(u); c->err = true; return false; }
    int n = 0;
    if (sc->kind == ST_FUNCTION) {
        for (int i = 0; i < sc->nparams; i++) u->lp_names[n++] = sc->params[i];
        for (int i = 0; i < sc->nsyms; i++) {
            Sym *y = &sc->syms[i];
            if ((y->scope == SC_LOCAL || y->scope == SC_CELL) && !(y->flags & DEF_PARAM)) u->lp_names[n++] = y->name;
        }
    }
    u->nlocals = n;
    for (int i = 0; i < sc->nsyms; i++)
        if (sc->syms[i].scope == SC_CELL) u->lp_names[n++] = sc->syms[i].name;
    if (sc->kind == ST_CLASS && sc->needs_class_closure) u->lp_names[n++] = "__class__";
    u->ncells = n - u->nlocals;
    for (int i = 0; i < sc->nsyms; i++)
        if (sc->syms[i].scope == SC_FREE) u->lp_names[n++] = sc->syms[i].name;
    u->nfree = n - u->nlocals - u->ncells;
    /* a cell that is also a local (params captured): lp index must point
     * at the cell slot, so put captured names only in the cell section */
    if (sc->kind == ST_FUNCTION) {
        int w = 0;
        for (int i = 0; i < u->nlocals; i++) {
            const char *nm = u->lp_names[i];
            Sym *y = sym_find(sc, nm);
            bool is_param = y && (y->flags & DEF_PARAM);
            if (y && y->scope == SC_CELL && !is_param) continue;   /* lives only as a cell */
            u->lp_names[w++] = nm;
        }
        int removed = u->nlocals - w;
        if (removed) {
            memmove(u->lp_names + w, u->lp_names + u->nlocals, (size_t)(u->ncells + u->nfree) * sizeof(char *));
            u->nlocals = w;
        }
    }
    c->u = u;
    return true;
}

static void unit_free(Unit *u) {
    free(u->ins);
    free(u->labels);
    free(u->consts);
    free(u->names);
    free(u->lp_names);
    free(u);
}

/* ---- assembly ---- */
static int stack_effect(int op, int arg, bool jump) {
    switch (op) {
    case OP_BUILD_SLICE: return arg == 3 ? -2 : -1;
    case OP_UNPACK_SEQUENCE: return arg - 1;
    case OP_UNPACK_EX: return (arg & 0xFF) + (arg >> 8);
    case OP_BUILD_TUPLE: case OP_BUILD_LIST: case OP_BUILD_SET: case OP_BUILD_STRING: return 1 - arg;
    case OP_BUILD_MAP: return 1 - 2 * arg;
    case OP_FORMAT_VALUE: return (arg & 4) ? -1 : 0;
    case OP_CALL: case OP_CALL_KW: return -arg;
    case OP_CALL_METHOD: case OP_CALL_METHOD_KW: return -arg - 1;
    case OP_CALL_EX: return (arg & 1) ? -2 : -1;
    case OP_MAKE_FUNCTION: {
        int n = 0;
        for (int b = 0; b < 4; b++) n += (arg >> b) & 1;
        return -1 - n;
    }
    case OP_RAISE_VARARGS: return -arg;
    case OP_FOR_ITER: case OP_FOR_RANGE: return jump ? -1 : 1;
    case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
    case OP_SEND: return jump ? -1 : 0;
    case OP_SETUP_FINALLY: return jump ? 1 : 0;
    case OP_SETUP_CLEANUP: return 0;
    case OP_SETUP_WITH: return 1;
    default: return op_effect[op];
    }
}

static bool is_terminator(int op) {
    return op == OP_JUMP || op == OP_JUMP_BACKWARD || op == OP_RETURN_VALUE || op == OP_RAISE_VARARGS ||
           op == OP_RERAISE || op == OP_POP_EXCEPT_RERAISE;
}

/* depth-first: per-instruction stack depth and block depth */
static bool compute_depths(Compiler *c, Unit *u, int *maxstack, int *maxblocks) {
    int n = u->nins;
    int *sd = malloc((size_t)(n + 1) * sizeof(int)), *bd = malloc((size_t)(n + 1) * sizeof(int));
    int *work = malloc((size_t)(n + 1) * sizeof(int) * 2);
    if (!sd || !bd || !work) { free(sd); free(bd); free(work); c->err = true; return false; }
    for (int i = 0; i <= n; i++) sd[i] = bd[i] = -1;
    int top = 0, ms = 0, mb = 0;
    sd[0] = 0; bd[0] = 0;
    work[top++] = 0;
    while (top) {
        int i = work[--top];
        int d = sd[i], b = bd[i];
        for (; i < n; i++) {
            Instr *in = &u->ins[i];
            if (sd[i] >= 0 && sd[i] != d) {
                /* merge point: must agree */
            }
            sd[i] = d;
            bd[i] = b;
            if (d > ms) ms = d;
            int op = in->op;
            if (in->target_label >= 0) {
                int t = u->labels[in->target_label];
                int jd = d + stack_effect(op, in->arg, true);
                int jb = b;
                if (op == OP_SETUP_CLEANUP) jd = d;             /* [.. x] unwound to level(d-1), exc pushed */
                if (op == OP_SETUP_WITH) jd = d + 1;            /* [.. cm] -> handler [.. exit exc] */
                if (t >= 0 && t <= n && sd[t] < 0) {
                    sd[t] = jd;
                    bd[t] = jb;
                    if (jd > ms) ms = jd;
                    work[top++] = t;
                }
            }
            if (op == OP_SETUP_FINALLY || op == OP_SETUP_CLEANUP || op == OP_SETUP_WITH) {
                b++;
                if (b > mb) mb = b;
            } else if (op == OP_POP_BLOCK) {
                b--;
            }
            d += stack_effect(op, in->arg, false);
            if (is_terminator(op)) break;
            if (i + 1 < n && sd[i + 1] >= 0) break;
        }
    }
    free(sd);
    free(bd);
    free(work);
    *maxstack = ms + 2;
    *maxblocks = mb + 1;
    return true;
}

static Value assemble(Compiler *c, Unit *u) {
    VM *vm = c->vm;
    if (c->err) return VNULL;
    /* every code path ends with a return */
    if (u->nins == 0 || !is_terminator(u->ins[u->nins - 1].op)) {
        load_none(c);
        emit(c, OP_RETURN_VALUE, 0);
    } else {
        /* a label may point at the end */
        bool label_at_end = false;
        for (int l = 0; l < u->nlabels; l++) if (u->labels[l] == u->nins) label_at_end = true;
        if (label_at_end) {
            load_none(c);
            emit(c, OP_RETURN_VALUE, 0);
        }
    }
    if (c->err) return VNULL;
    int maxstack, maxblocks;
    if (!compute_depths(c, u, &maxstack, &maxblocks)) return VNULL;
    /* word offsets */
    int *woff = malloc((size_t)(u->nins + 1) * sizeof(int));
    if (!woff) { c->err = true; return VNULL; }
    int w = 0, ncaches = 0;
    for (int i = 0; i < u->nins; i++) {
        woff[i] = w;
        w += 1 + ((op_flags[u->ins[i].op] & (OPF_CACHE | OPF_CONST)) ? 1 : 0);
        if (op_flags[u->ins[i].op] & OPF_CACHE) ncaches++;
    }
    woff[u->nins] = w;
    if (w >= (1 << 24) || u->nconsts >= (1 << 24) || u->nnames >= (1 << 24)) {
        free(woff);
        cerror(c, u->firstlineno, 0, "code object too large");
        return VNULL;
    }
    /* line table: runs of (start word, line) */
    int nruns = 0;
    for (int i = 0, last = -1; i < u->nins; i++)
        if (u->ins[i].lineno != last) { nruns++; last = u->ins[i].lineno; }
    int nlp = u->nlocals + u->ncells + u->nfree;
    size_t sz = sizeof(Code);
    size_t off_code = sz;
    sz += (size_t)w * sizeof(uint32_t);
    sz = (sz + 7) & ~(size_t)7;
    size_t off_caches = sz;
    sz += (size_t)ncaches * sizeof(uint64_t);
    size_t off_lines = sz;
    sz += (size_t)nruns * 2 * sizeof(int32_t);
    size_t off_c2a = sz;
    sz += (size_t)(u->ncells ? u->ncells : 1) * sizeof(int32_t);
    Value consts = tuple_from_array(vm, u->consts, u->nconsts);
    Value names = consts ? tuple_from_array(vm, u->names, u->nnames) : VNULL;
    Value lpn = names ? tuple_new(vm, nlp) : VNULL;
    if (!lpn) { free(woff); c->err = true; vm_exc_clear(vm); return VNULL; }
    for (int i = 0; i < nlp; i++) {
        Value s = str_intern_cstr(vm, u->lp_names[i]);
        if (!s) { free(woff); c->err = true; vm_exc_clear(vm); return VNULL; }
        tuple_items(lpn)[i] = s;
    }
    Value nm = str_intern_cstr(vm, u->name);
    Value qn = nm ? str_from_cstr(vm, u->qualname ? u->qualname : u->name) : VNULL;
    Code *co = qn ? gc_alloc(vm, &type_code, sz) : NULL;
    if (!co) { free(woff); c->err = true; vm_exc_clear(vm); return VNULL; }
    co->code = (uint32_t *)((char *)co + off_code);
    co->ncode = w;
    co->caches = (_Atomic uint64_t *)((char *)co + off_caches);
    co->ncaches = ncaches;
    co->linetable = (uint8_t *)((char *)co + off_lines);
    co->nlinetable = nruns;
    co->cell2arg = (int32_t *)((char *)co + off_c2a);
    co->consts = consts;
    co->names = names;
    co->localsplusnames = lpn;
    co->name = nm;
    co->qualname = qn;
    co->filename = c->filename;
    co->argcount = u->argcount;
    co->posonlyargcount = u->posonly;
    co->kwonlyargcount = u->kwonly;
    co->nlocals = u->nlocals;
    co->ncells = u->ncells;
    co->nfree = u->nfree;
    co->nlocalsplus = nlp;
    co->stacksize = maxstack;
    co->nblocks = maxblocks;
    co->flags = u->flags;
    co->firstlineno = u->firstlineno;
    /* cells that are also arguments start with the argument's value */
    int nargs_total = u->argcount + u->kwonly + ((u->flags & CO_VARARGS) ? 1 : 0) + ((u->flags & CO_VARKEYWORDS) ? 1 : 0);
    for (int i = 0; i < u->ncells; i++) {
        co->cell2arg[i] = -1;
        const char *cn = u->lp_names[u->nlocals + i];
        for (int a = 0; a < nargs_total && a < u->scope->nparams; a++)
            if (!strcmp(u->scope->params[a], cn)) co->cell2arg[i] = a;
    }
    int ci = 0;
    uint32_t *out = co->code;
    for (int i = 0; i < u->nins; i++) {
        Instr *in = &u->ins[i];
        int32_t arg = in->arg;
        if (in->target_label >= 0) {
            int t = u->labels[in->target_label];
            arg = woff[t < 0 ? 0 : t];
        }
        *out++ = (uint32_t)in->op | ((uint32_t)arg << 8);
        if (op_flags[in->op] & OPF_CACHE) {
            if (in->op == OP_COMPARE_JUMP) {
                /* the cache word carries the operator; no cache slot needed but keep the index */
                *out++ = (uint32_t)in->kconst;
                ci++;
            } else {
                *out++ = (uint32_t)ci++;
            }
        } else if (op_flags[in->op] & OPF_CONST) {
            *out++ = (uint32_t)in->kconst;
        }
    }
    int32_t *lt = (int32_t *)co->linetable;
    int r = 0;
    for (int i = 0, last = -1; i < u->nins; i++) {
        if (u->ins[i].lineno != last) {
            lt[r * 2] = woff[i];
            lt[r * 2 + 1] = u->ins[i].lineno;
            r++;
            last = u->ins[i].lineno;
        }
    }
    free(woff);
    return v_from_ptr(co);
}

int code_addr2line(const Code *c, int64_t offset) {
    const int32_t *lt = (const int32_t *)c->linetable;
    int64_t lo = 0, hi = c->nlinetable - 1, best = -1;
    while (lo <= hi) {
        int64_t mid = (lo + hi) / 2;
        if (lt[mid * 2] <= offset) { best = mid; lo = mid + 1; }
        else hi = mid - 1;
    }
    return best >= 0 ? lt[best * 2 + 1] : c->firstlineno;
}

/* self.NAME stores in a method (inline-slot sizing hint) */
int code_count_self_stores(Code *c, Value *seen, int nseen, int max) {
    if (c->argcount < 1) return nseen;
    for (int64_t i = 0; i + 1 < c->ncode; i++) {
        uint32_t w = c->code[i];
        if ((w & 0xFF) == OP_LOAD_FAST && (w >> 8) == 0 && (c->code[i + 1] & 0xFF) == OP_STORE_ATTR) {
            Value nm = tuple_items(c->names)[c->code[i + 1] >> 8];
            bool dup = false;
            for (int k = 0; k < nseen; k++) if (seen[k] == nm) dup = true;
            if (!dup && nseen < max) seen[nseen++] = nm;
        }
        uint8_t op = (uint8_t)(w & 0xFF);
        if (op_flags[op] & (OPF_CACHE | OPF_CONST)) i++;
    }
    for (int64_t k = 0; k < tuple_len(c->consts); k++) {
        Value v = tuple_items(c->consts)[k];
        if (v_is_type(v, &type_code)) nseen = code_count_self_stores(AS(Code, v), seen, nseen, max);
    }
    return nseen;
}

/* ---- constants from the AST ---- */
static Value const_value(Compiler *c, AstConst *k) {
    VM *vm = c->vm;
    Value v;
    switch (k->kind) {
    case CONST_NONE: return V_NONE;
    case CONST_TRUE: return V_TRUE;
    case CONST_FALSE: return V_FALSE;
    case CONST_ELLIPSIS: return V_ELLIPSIS;
    case CONST_INT: {
        /* literals are valid (the parser checked); no digit limit for source */
        extern int32_t int_max_str_digits;
        int32_t saved = int_max_str_digits;
        int_max_str_digits = 0;
        v = int_parse(vm, k->text.s, k->text.len, 0);
        int_max_str_digits = saved;
        break;
    }
    case CONST_FLOAT: return v_from_float(k->f);
    case CONST_IMAG: v = complex_new(vm, 0.0, k->f); break;
    case CONST_STR: v = str_new(vm, k->text.s, k->text.len); if (v && k->text.len < 40) v = str_intern(vm, v); break;
    case CONST_BYTES: v = bytes_new(vm, k->text.s, k->text.len); break;
    default: v = VNULL;
    }
    if (!v) { c->err = true; vm_exc_clear(vm); }
    return v;
}

/* ---- expressions ---- */
static void compile_exprs(Compiler *c, AstExprList *l) {
    for (size_t i = 0; i < l->n; i++) compile_expr(c, l->items[i]);
}

static bool has_starred(AstExprList *l) {
    for (size_t i = 0; i < l->n; i++)
        if (l->items[i]->kind == EXPR_STARRED) return true;
    return false;
}

/* Build a list/tuple/set from elts (with possible *starred). kind: 0 list, 1 tuple, 2 set */
static void compile_sequence(Compiler *c, AstExprList *elts, int kind) {
    if (!has_starred(elts)) {
        if (kind == 1 && elts->n > 0) {
            /* all-constant tuple -> one constant */
            bool allc = true;
            for (size_t i = 0; i < elts->n; i++) if (elts->items[i]->kind != EXPR_CONSTANT) allc = false;
            if (allc) {
                Value t = tuple_new(c->vm, (int64_t)elts->n);
                if (!t) { c->err = true; vm_exc_clear(c->vm); return; }
                for (size_t i = 0; i < elts->n; i++) {
                    Value v = const_value(c, &elts->items[i]->u.constant);
                    if (!v) return;
                    tuple_items(t)[i] = v;
                }
                load_const(c, t);
                return;
            }
        }
        compile_exprs(c, elts);
        emit(c, kind == 0 ? OP_BUILD_LIST : kind == 1 ? OP_BUILD_TUPLE : OP_BUILD_SET, (int)elts->n);
        return;
    }
    /* with starred items: build a list (or set) and extend */
    int pending = 0;
    bool built = false;
    for (size_t i = 0; i < elts->n; i++) {
        AstExpr *e = elts->items[i];
        if (e->kind == EXPR_STARRED) {
            if (!built) {
                emit(c, kind == 2 ? OP_BUILD_SET : OP_BUILD_LIST, pending);
                built = true;
                pending = 0;
            } else if (pending) {
                /* should not happen: pending items are appended immediately */
            }
            compile_expr(c, e->u.starred.value);
            emit(c, kind == 2 ? OP_SET_UPDATE : OP_LIST_EXTEND, 1);
        } else {
            compile_expr(c, e);
            if (built) emit(c, kind == 2 ? OP_SET_ADD : OP_LIST_APPEND, 1);
            else pending++;
        }
    }
    if (kind == 1) emit(c, OP_LIST_TO_TUPLE, 0);
}

static void compile_store(Compiler *c, AstExpr *t);

static void compile_unpack_targets(Compiler *c, AstExprList *elts, int lineno, int col) {
    int star = -1;
    for (size_t i = 0; i < elts->n; i++) {
        if (elts->items[i]->kind == EXPR_STARRED) {
            if (star >= 0) { cerror(c, lineno, col, "multiple starred expressions in assignment"); return; }
            star = (int)i;
        }
    }
    if (star < 0) {
        emit(c, OP_UNPACK_SEQUENCE, (int)elts->n);
    } else {
        int before = star, after = (int)elts->n - star - 1;
        if (before > 255 || after > 255) { cerror(c, lineno, col, "too many expressions in star-unpacking assignment"); return; }
        emit(c, OP_UNPACK_EX, before | (after << 8));
    }
    for (size_t i = 0; i < elts->n; i++) {
        AstExpr *e = elts->items[i];
        compile_store(c, e->kind == EXPR_STARRED ? e->u.starred.value : e);
    }
}

static void compile_store(Compiler *c, AstExpr *t) {
    set_line(c, t->lineno);
    switch (t->kind) {
    case EXPR_NAME: compile_name(c, t->u.name.id, NAME_STORE); break;
    case EXPR_ATTRIBUTE:
        compile_expr(c, t->u.attribute.value);
        emit(c, OP_STORE_ATTR, add_name(c, mangle(c, priv_name(c), t->u.attribute.attr)));
        break;
    case EXPR_SUBSCRIPT:
        compile_expr(c, t->u.subscript.value);
        compile_expr(c, t->u.subscript.slice);
        emit(c, OP_STORE_SUBSCR, 0);
        break;
    case EXPR_TUPLE:
    case EXPR_LIST: compile_unpack_targets(c, &t->u.list.elts, t->lineno, t->col); break;
    case EXPR_STARRED: cerror(c, t->lineno, t->col, "starred assignment target must be in a list or tuple"); break;
    default: cerror(c, t->lineno, t->col, "cannot assign to expression"); break;
    }
}

static void compile_delete(Compiler *c, AstExpr *t) {
    set_line(c, t->lineno);
    switch (t->kind) {
    case EXPR_NAME: compile_name(c, t->u.name.id, NAME_DEL); break;
    case EXPR_ATTRIBUTE:
        compile_expr(c, t->u.attribute.value);
        emit(c, OP_DELETE_ATTR, add_name(c, mangle(c, priv_name(c), t->u.attribute.attr)));
        break;
    case EXPR_SUBSCRIPT:
        compile_expr(c, t->u.subscript.value);
        compile_expr(c, t->u.subscript.slice);
        emit(c, OP_DELETE_SUBSCR, 0);
        break;
    case EXPR_TUPLE:
    case EXPR_LIST:
        for (size_t i = 0; i < t->u.list.elts.n; i++) compile_delete(c, t->u.list.elts.items[i]);
        break;
    default: cerror(c, t->lineno, t->col, "cannot delete expression"); break;
    }
}

static int cmp_arg(AstCmpOp op) {
    switch (op) {
    case CMP_LT: return CMP_LT_OP;
    case CMP_LTE: return CMP_LE_OP;
    case CMP_EQ: return CMP_EQ_OP;
    case CMP_NOTEQ: return CMP_NE_OP;
    case CMP_GT: return CMP_GT_OP;
    case CMP_GTE: return CMP_GE_OP;
    default: return -1;
    }
}

static void emit_compare(Compiler *c, AstCmpOp op) {
    switch (op) {
    case CMP_IS: emit(c, OP_IS_OP, 0); break;
    case CMP_ISNOT: emit(c, OP_IS_OP, 1); break;
    case CMP_IN: emit(c, OP_CONTAINS_OP, 0); break;
    case CMP_NOTIN: emit(c, OP_CONTAINS_OP, 1); break;
    default: emit(c, OP_COMPARE_OP, cmp_arg(op)); break;
    }
}

static void compile_compare(Compiler *c, AstExpr *e) {
    compile_expr(c, e->u.compare.left);
    size_t n = e->u.compare.n;
    if (n == 1) {
        compile_expr(c, e->u.compare.comparators[0]);
        emit_compare(c, e->u.compare.ops[0]);
        return;
    }
    int cleanup = new_label(c), end = new_label(c);
    for (size_t i = 0; i < n - 1; i++) {
        compile_expr(c, e->u.compare.comparators[i]);
        emit(c, OP_SWAP, 2);
        emit(c, OP_COPY, 2);
        emit_compare(c, e->u.compare.ops[i]);
        emit_jump(c, OP_JUMP_IF_FALSE_OR_POP, cleanup);
    }
    compile_expr(c, e->u.compare.comparators[n - 1]);
    emit_compare(c, e->u.compare.ops[n - 1]);
    emit_jump(c, OP_JUMP, end);
    place(c, cleanup);
    emit(c, OP_SWAP, 2);
    emit(c, OP_POP_TOP, 0);
    place(c, end);
}

static void compile_call_args(Compiler *c, AstExprList *args, AstKeywordList *kws, int extra_self, bool method) {
    bool star = has_starred(args);
    bool dstar = false;
    for (size_t i = 0; i < kws->n; i++) if (!kws->items[i]->arg) dstar = true;
    if (!star && !dstar) {
        compile_exprs(c, args);
        for (size_t i = 0; i < kws->n; i++) compile_expr(c, kws->items[i]->value);
        int total = (int)(args->n + kws->n);
        if (kws->n) {
            Value names = tuple_new(c->vm, (int64_t)kws->n);
            if (!names) { c->err = true; vm_exc_clear(c->vm); return; }
            for (size_t i = 0; i < kws->n; i++) {
                Value s = str_intern_cstr(c->vm, kws->items[i]->arg);
                if (!s) { c->err = true; vm_exc_clear(c->vm); return; }
                tuple_items(names)[i] = s;
            }
            int ki = add_const(c, names);
            emit_full(c, method ? OP_CALL_METHOD_KW : OP_CALL_KW, total, -1, ki);
        } else {
            emit(c, method ? OP_CALL_METHOD : OP_CALL, total);
        }
        return;
    }
    /* general form: f(*args, **kwargs); a lone *x goes to CALL_EX as is */
    (void)extra_self;
    if (args->n == 1 && args->items[0]->kind == EXPR_STARRED)
        compile_expr(c, args->items[0]->u.starred.value);
    else
        compile_sequence(c, args, 1);
    if (!kws->n) {
        emit(c, OP_CALL_EX, 0);
        return;
    }
    emit(c, OP_BUILD_MAP, 0);
    for (size_t i = 0; i < kws->n; i++) {
        AstKeyword *k = kws->items[i];
        if (k->arg) {
            load_const(c, cstr(c, k->arg));
            compile_expr(c, k->value);
            emit(c, OP_BUILD_MAP, 1);
            emit(c, OP_DICT_MERGE, 1);
        } else {
            compile_expr(c, k->value);
            emit(c, OP_DICT_MERGE, 1);
        }
    }
    emit(c, OP_CALL_EX, 1);
}

static void compile_call(Compiler *c, AstExpr *e) {
    AstExpr *f = e->u.call.func;
    bool star = has_starred(&e->u.call.args);
    bool dstar = false;
    for (size_t i = 0; i < e->u.call.keywords.n; i++) if (!e->u.call.keywords.items[i]->arg) dstar = true;
    /* keyword argument repeated */
    for (size_t i = 0; i < e->u.call.keywords.n; i++) {
        const char *a = e->u.call.keywords.items[i]->arg;
        if (!a) continue;
        for (size_t j = 0; j < i; j++) {
            const char *b = e->u.call.keywords.items[j]->arg;
            if (b && !strcmp(a, b)) {
                AstKeyword *k = e->u.call.keywords.items[i];
                sym_error(c, k->lineno, k->col, "keyword argument repeated: %s", a);
                return;
            }
        }
    }
    if (f->kind == EXPR_ATTRIBUTE && !star && !dstar) {
        compile_expr(c, f->u.attribute.value);
        set_line(c, e->lineno);
        emit(c, OP_LOAD_METHOD, add_name(c, mangle(c, priv_name(c), f->u.attribute.attr)));
        compile_call_args(c, &e->u.call.args, &e->u.call.keywords, 1, true);
        set_line(c, e->lineno);
        return;
    }
    compile_expr(c, f);
    compile_call_args(c, &e->u.call.args, &e->u.call.keywords, 0, false);
}

static void compile_fstring_part(Compiler *c, AstExpr *e) {
    if (e->kind == EXPR_CONSTANT) {
        compile_expr(c, e);
        return;
    }
    if (e->kind == EXPR_FORMATTEDVALUE) {
        compile_expr(c, e->u.formattedvalue.value);
        int conv = e->u.formattedvalue.conversion;
        int arg = conv == 's' ? 1 : conv == 'r' ? 2 : conv == 'a' ? 3 : 0;
        if (e->u.formattedvalue.format_spec) {
            compile_expr(c, e->u.formattedvalue.format_spec);
            arg |= 4;
        }
        emit(c, OP_FORMAT_VALUE, arg);
        return;
    }
    compile_expr(c, e);
}

static void compile_function_body_unit(Compiler *c, Scope *sc, const char *name, const char *qualname, int firstline,
                                       AstArguments *args, AstStmtList *body, AstExpr *lambda_body, int extra_flags);
static void compile_comprehension(Compiler *c, AstExpr *e);
static void compile_make_function(Compiler *c, Unit *child_unit_unused, Value code, Scope *sc, int flags,
                                  const char *qualname);

static const char *qualname_for(Compiler *c, const char *name) {
    Unit *u = c->u;
    if (!u || u->scope->kind == ST_MODULE) return name;
    /* global function/class declared inside a function: plain name */
    Sym *y = sym_find(u->scope, mangle(c, priv_name(c), name));
    if (y && y->scope == SC_GLOBAL_EXPLICIT) return name;
    const char *base = u->qualname ? u->qualname : u->name;
    bool is_func = u->scope->kind == ST_FUNCTION;
    size_t bl = strlen(base), nl = strlen(name);
    const char *mid = is_func ? ".<locals>." : ".";
    size_t ml = strlen(mid);
    char *q = ast_alloc(c->arena, bl + ml + nl + 1);
    if (!q) { c->err = true; return name; }
    memcpy(q, base, bl);
    memcpy(q + bl, mid, ml);
    memcpy(q + bl + ml, name, nl + 1);
    return q;
}

static void compile_lambda(Compiler *c, AstExpr *e) {
    AstArguments *a = e->u.lambda.args;
    Scope *sc = child_scope_for(c->u->scope, e);
    if (!sc) { c->err = true; return; }
    int flags = 0;
    if (a->defaults.n) {
        compile_exprs(c, &a->defaults);
        emit(c, OP_BUILD_TUPLE, (int)a->defaults.n);
        flags |= 1;
    }
    bool anykw = false;
    for (size_t i = 0; i < a->kw_defaults.n; i++) if (a->kw_defaults.items[i]) anykw = true;
    if (anykw) {
        int n = 0;
        for (size_t i = 0; i < a->kw_defaults.n; i++) {
            if (!a->kw_defaults.items[i]) continue;
            load_const(c, cstr(c, mangle(c, priv_name(c), a->kwonlyargs.items[i]->arg)));
            compile_expr(c, a->kw_defaults.items[i]);
            n++;
        }
        emit(c, OP_BUILD_MAP, n);
        flags |= 2;
    }
    const char *qn = qualname_for(c, "<lambda>");
    compile_function_body_unit(c, sc, "<lambda>", qn, e->lineno, a, NULL, e->u.lambda.body, CO_LAMBDA);
    (void)flags;
    /* compile_function_body_unit emitted MAKE_FUNCTION using `flags` from
     * the stack layout; see compile_make_function */
}

static void compile_expr(Compiler *c, AstExpr *e) {
    if (c->err || !e || too_deep(c)) return;
    int saved_line = c->u->lineno;
    set_line(c, e->lineno);
    switch (e->kind) {
    case EXPR_BOOLOP: {
        int end = new_label(c);
        int op = e->u.boolop.op == BOOL_AND ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP;
        for (size_t i = 0; i + 1 < e->u.boolop.values.n; i++) {
            compile_expr(c, e->u.boolop.values.items[i]);
            emit_jump(c, op, end);
        }
        compile_expr(c, e->u.boolop.values.items[e->u.boolop.values.n - 1]);
        place(c, end);
        break;
    }
    case EXPR_NAMEDEXPR:
        compile_expr(c, e->u.namedexpr.value);
        emit(c, OP_COPY, 1);
        compile_name(c, e->u.namedexpr.target->u.name.id, NAME_STORE);
        break;
    case EXPR_BINOP: {
        compile_expr(c, e->u.binop.left);
        compile_expr(c, e->u.binop.right);
        set_line(c, e->lineno);
        static const int map[] = {NB_ADD, NB_SUB, NB_MUL, NB_MATMUL, NB_TRUEDIV, NB_MOD, NB_POW, NB_LSHIFT, NB_RSHIFT,
                                  NB_OR, NB_XOR, NB_AND, NB_FLOORDIV};
        emit(c, OP_BINARY_OP, map[e->u.binop.op]);
        break;
    }
    case EXPR_UNARYOP: {
        AstExpr *o = e->u.unaryop.operand;
        /* fold -constant */
        if (e->u.unaryop.op == UOP_USUB && o->kind == EXPR_CONSTANT &&
            (o->u.constant.kind == CONST_INT || o->u.constant.kind == CONST_FLOAT)) {
            Value v = const_value(c, &o->u.constant);
            if (!v) return;
            Value nv = o->u.constant.kind == CONST_FLOAT ? v_from_float(-v_float(v)) : vm_neg(c->vm, v);
            if (!nv) { c->err = true; vm_exc_clear(c->vm); return; }
            load_const(c, nv);
            break;
        }
        compile_expr(c, o);
        static const int uops[] = {OP_UNARY_INVERT, OP_UNARY_NOT, OP_UNARY_POSITIVE, OP_UNARY_NEGATIVE};
        emit(c, uops[e->u.unaryop.op], 0);
        break;
    }
    case EXPR_LAMBDA: compile_lambda(c, e); break;
    case EXPR_IFEXP: {
        int orelse = new_label(c), end = new_label(c);
        compile_jump_if(c, e->u.ifexp.test, false, orelse);
        compile_expr(c, e->u.ifexp.body);
        emit_jump(c, OP_JUMP, end);
        place(c, orelse);
        compile_expr(c, e->u.ifexp.orelse);
        place(c, end);
        break;
    }
    case EXPR_DICT: {
        size_t n = e->u.dict.keys.n;
        bool any_unpack = false;
        for (size_t i = 0; i < n; i++) if (!e->u.dict.keys.items[i]) any_unpack = true;
        if (!any_unpack) {
            for (size_t i = 0; i < n; i++) {
                compile_expr(c, e->u.dict.keys.items[i]);
                compile_expr(c, e->u.dict.values.items[i]);
            }
            emit(c, OP_BUILD_MAP, (int)n);
            break;
        }
        int pending = 0;
        bool built = false;
        for (size_t i = 0; i < n; i++) {
            AstExpr *k = e->u.dict.keys.items[i];
            if (!k) {
                if (!built) { emit(c, OP_BUILD_MAP, pending); built = true; pending = 0; }
                else if (pending) { emit(c, OP_BUILD_MAP, pending); emit(c, OP_DICT_UPDATE, 1); pending = 0; }
                compile_expr(c, e->u.dict.values.items[i]);
                emit(c, OP_DICT_UPDATE, 1);
            } else {
                compile_expr(c, k);
                compile_expr(c, e->u.dict.values.items[i]);
                if (built) emit(c, OP_MAP_ADD, 1);
                else pending++;
            }
        }
        if (!built) emit(c, OP_BUILD_MAP, pending);
        break;
    }
    case EXPR_SET: compile_sequence(c, &e->u.set.elts, 2); break;
    case EXPR_LISTCOMP:
    case EXPR_SETCOMP:
    case EXPR_DICTCOMP:
    case EXPR_GENERATOREXP: compile_comprehension(c, e); break;
    case EXPR_YIELD:
        if (e->u.yield.value) compile_expr(c, e->u.yield.value);
        else load_none(c);
        emit(c, OP_YIELD_VALUE, 0);
        break;
    case EXPR_YIELDFROM: {
        compile_expr(c, e->u.yieldfrom.value);
        emit(c, OP_GET_YIELD_FROM_ITER, 0);
        load_none(c);
        int loop = new_label(c), exit = new_label(c);
        place(c, loop);
        emit_jump(c, OP_SEND, exit);
        emit(c, OP_YIELD_VALUE, 0);
        emit_jump(c, OP_JUMP, loop);
        place(c, exit);
        break;
    }
    case EXPR_COMPARE: compile_compare(c, e); break;
    case EXPR_CALL: compile_call(c, e); break;
    case EXPR_FORMATTEDVALUE: compile_fstring_part(c, e); break;
    case EXPR_JOINEDSTR: {
        size_t n = e->u.joinedstr.values.n;
        if (n == 0) { load_const(c, NM(empty)); break; }
        for (size_t i = 0; i < n; i++) compile_fstring_part(c, e->u.joinedstr.values.items[i]);
        if (n > 1 || e->u.joinedstr.values.items[0]->kind != EXPR_CONSTANT) emit(c, OP_BUILD_STRING, (int)n);
        break;
    }
    case EXPR_CONSTANT: load_const(c, const_value(c, &e->u.constant)); break;
    case EXPR_ATTRIBUTE:
        compile_expr(c, e->u.attribute.value);
        set_line(c, e->lineno);
        emit(c, OP_LOAD_ATTR, add_name(c, mangle(c, priv_name(c), e->u.attribute.attr)));
        break;
    case EXPR_SUBSCRIPT:
        compile_expr(c, e->u.subscript.value);
        compile_expr(c, e->u.subscript.slice);
        set_line(c, e->lineno);
        emit(c, OP_BINARY_SUBSCR, 0);
        break;
    case EXPR_STARRED: cerror(c, e->lineno, e->col, "can't use starred expression here"); break;
    case EXPR_NAME: compile_name(c, e->u.name.id, NAME_LOAD); break;
    case EXPR_LIST: compile_sequence(c, &e->u.list.elts, 0); break;
    case EXPR_TUPLE: compile_sequence(c, &e->u.list.elts, 1); break;
    case EXPR_SLICE: {
        int n = 2;
        if (e->u.slice.lower) compile_expr(c, e->u.slice.lower); else load_none(c);
        if (e->u.slice.upper) compile_expr(c, e->u.slice.upper); else load_none(c);
        if (e->u.slice.step) { compile_expr(c, e->u.slice.step); n = 3; }
        emit(c, OP_BUILD_SLICE, n);
        break;
    }
    }
    c->u->lineno = saved_line;
}

/* Jump to `label` if bool(e) == cond. */
static void compile_jump_if(Compiler *c, AstExpr *e, bool cond, int label) {
    if (too_deep(c)) return;
    if (e->kind == EXPR_UNARYOP && e->u.unaryop.op == UOP_NOT) {
        compile_jump_if(c, e->u.unaryop.operand, !cond, label);
        return;
    }
    if (e->kind == EXPR_BOOLOP) {
        bool is_and = e->u.boolop.op == BOOL_AND;
        size_t n = e->u.boolop.values.n;
        if (is_and != cond) {
            /* and/False or or/True: any item decides */
            for (size_t i = 0; i < n; i++) compile_jump_if(c, e->u.boolop.values.items[i], cond, label);
        } else {
            int next = new_label(c);
            for (size_t i = 0; i + 1 < n; i++) compile_jump_if(c, e->u.boolop.values.items[i], !cond, next);
            compile_jump_if(c, e->u.boolop.values.items[n - 1], cond, label);
            place(c, next);
        }
        return;
    }
    if (e->kind == EXPR_COMPARE && e->u.compare.n == 1) {
        AstCmpOp op = e->u.compare.ops[0];
        AstExpr *r = e->u.compare.comparators[0];
        set_line(c, e->lineno);
        if ((op == CMP_IS || op == CMP_ISNOT) && r->kind == EXPR_CONSTANT && r->u.constant.kind == CONST_NONE) {
            compile_expr(c, e->u.compare.left);
            bool is_none_jump = (op == CMP_IS) == cond;
            emit_jump(c, is_none_jump ? OP_POP_JUMP_IF_NONE : OP_POP_JUMP_IF_NOT_NONE, label);
            return;
        }
        int ca = cmp_arg(op);
        if (ca >= 0) {
            compile_expr(c, e->u.compare.left);
            compile_expr(c, r);
            set_line(c, e->lineno);
            emit_full(c, OP_COMPARE_JUMP, 0, label, ca | (cond ? 0x100 : 0));
            return;
        }
    }
    if (e->kind == EXPR_CONSTANT) {
        AstConstKind k = e->u.constant.kind;
        if (k == CONST_TRUE || k == CONST_FALSE || k == CONST_NONE) {
            bool val = k == CONST_TRUE;
            if (val == cond) emit_jump(c, OP_JUMP, label);
            return;
        }
    }
    compile_expr(c, e);
    emit_jump(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
}

/* ---- comprehensions ---- */
static void comp_generator(Compiler *c, AstComprehensionList *gens, size_t gi, AstExpr *elt, AstExpr *val,
                           AstExprKind kind) {
    AstComprehension *g = gens->items[gi];
    int start = new_label(c), anchor = new_label(c), ifcleanup = new_label(c);
    if (gi == 0) {
        emit(c, OP_LOAD_FAST, 0);   /* .0 */
    } else {
        compile_expr(c, g->iter);
        emit(c, OP_GET_ITER, 0);
    }
    place(c, start);
    set_line(c, g->target->lineno);
    emit_jump(c, OP_FOR_ITER, anchor);
    compile_store(c, g->target);
    for (size_t i = 0; i < g->ifs.n; i++) compile_jump_if(c, g->ifs.items[i], false, ifcleanup);
    if (gi + 1 < gens->n) {
        comp_generator(c, gens, gi + 1, elt, val, kind);
    } else {
        int depth = (int)gens->n + 1;
        switch (kind) {
        case EXPR_LISTCOMP: compile_expr(c, elt); emit(c, OP_LIST_APPEND, depth); break;
        case EXPR_SETCOMP: compile_expr(c, elt); emit(c, OP_SET_ADD, depth); break;
        case EXPR_DICTCOMP: compile_expr(c, elt); compile_expr(c, val); emit(c, OP_MAP_ADD, depth); break;
        default:
            compile_expr(c, elt);
            emit(c, OP_YIELD_VALUE, 0);
            emit(c, OP_POP_TOP, 0);
            break;
        }
    }
    place(c, ifcleanup);
    emit_jump(c, OP_JUMP_BACKWARD, start);
    place(c, anchor);
}

static void compile_comprehension(Compiler *c, AstExpr *e) {
    Scope *sc = child_scope_for(c->u->scope, e);
    if (!sc) { c->err = true; return; }
    AstComprehensionList *gens = e->kind == EXPR_DICTCOMP ? &e->u.dictcomp.generators : &e->u.listcomp.generators;
    AstExpr *elt = e->kind == EXPR_DICTCOMP ? e->u.dictcomp.key : e->u.listcomp.elt;
    AstExpr *val = e->kind == EXPR_DICTCOMP ? e->u.dictcomp.value : NULL;
    const char *name = sc->name;
    const char *qn = qualname_for(c, name);
    int line = e->lineno;
    if (!unit_push(c, sc, name, qn, line)) return;
    Unit *u = c->u;
    u->argcount = 1;
    u->flags = CO_NEWLOCALS | CO_NESTED | CO_COMPREHENSION | (sc->is_generator ? CO_GENERATOR : 0);
    if (e->kind == EXPR_LISTCOMP) emit(c, OP_BUILD_LIST, 0);
    else if (e->kind == EXPR_SETCOMP) emit(c, OP_BUILD_SET, 0);
    else if (e->kind == EXPR_DICTCOMP) emit(c, OP_BUILD_MAP, 0);
    comp_generator(c, gens, 0, elt, val, e->kind);
    if (e->kind != EXPR_GENERATOREXP) emit(c, OP_RETURN_VALUE, 0);
    Value code = assemble(c, u);
    c->u = u->parent;
    Scope *csc = u->scope;
    unit_free(u);
    if (!code) return;
    compile_make_function(c, NULL, code, csc, 0, qn);
    compile_expr(c, gens->items[0]->iter);
    emit(c, OP_GET_ITER, 0);
    emit(c, OP_CALL, 1);
}

/* Push code + qualname (+ closure tuple) and MAKE_FUNCTION.  `flags` says
 * which of defaults/kwdefaults/annotations are already on the stack. */
static void compile_make_function(Compiler *c, Unit *unused, Value code, Scope *sc, int flags, const char *qualname) {
    (void)unused;
    Code *co = AS(Code, code);
    if (co->nfree > 0) {
        for (int i = 0; i < co->nfree; i++) {
            Value fname = tuple_items(co->localsplusnames)[co->nlocals + co->ncells + i];
            const char *fn = str_cstr(fname);
            int idx = lp_cell_index(c->u, fn);
            if (idx < 0) {
                cerror(c, c->u->lineno, 0, "internal error: free variable not found in enclosing scope");
                return;
            }
            emit(c, OP_LOAD_FAST, idx);      /* a cell slot holds the Cell itself: this loads the closure cell */
        }
        emit(c, OP_BUILD_TUPLE, co->nfree);
        flags |= 8;
    }
    (void)sc;
    load_const(c, code);
    load_const(c, cstr(c, qualname));
    emit(c, OP_MAKE_FUNCTION, flags);
}

static void compile_function_body_unit(Compiler *c, Scope *sc, const char *name, const char *qualname, int firstline,
                                       AstArguments *args, AstStmtList *body, AstExpr *lambda_body, int extra_flags) {
    /* defaults, kwdefaults and annotations were pushed by the caller; recompute flags from args */
    int flags = 0;
    if (args->defaults.n) flags |= 1;
    for (size_t i = 0; i < args->kw_defaults.n; i++) if (args->kw_defaults.items[i]) flags |= 2;
    if (extra_flags & 0x1000) flags |= 4;   /* annotations pushed */
    extra_flags &= ~0x1000;
    if (!unit_push(c, sc, name, qualname, firstline)) return;
    Unit *u = c->u;
    u->argcount = (int)(args->posonlyargs.n + args->args.n);
    u->posonly = (int)args->posonlyargs.n;
    u->kwonly = (int)args->kwonlyargs.n;
    u->flags = CO_NEWLOCALS | extra_flags | (sc->is_generator ? CO_GENERATOR : 0) |
               (args->vararg ? CO_VARARGS : 0) | (args->kwarg ? CO_VARKEYWORDS : 0) |
               (u->parent && u->parent->scope->kind != ST_MODULE ? CO_NESTED : 0);
    if (lambda_body) {
        compile_expr(c, lambda_body);
        if (!sc->is_generator) emit(c, OP_RETURN_VALUE, 0);
        else { emit(c, OP_POP_TOP, 0); }
    } else {
        size_t start = 0;
        if (body->n && body->items[0]->kind == STMT_EXPR && body->items[0]->u.expr.value->kind == EXPR_CONSTANT &&
            body->items[0]->u.expr.value->u.constant.kind == CONST_STR) {
            add_const_first(c, const_value(c, &body->items[0]->u.expr.value->u.constant));
            u->flags |= CO_HAS_DOCSTRING;
            start = 1;
        } else {
            add_const_first(c, V_NONE);
        }
        for (size_t i = start; i < body->n; i++) compile_stmt(c, body->items[i]);
    }
    Value code = assemble(c, u);
    c->u = u->parent;
    unit_free(u);
    if (!code) return;
    compile_make_function(c, NULL, code, sc, flags, qualname);
}

/* annotations dict for MAKE_FUNCTION flag 4; returns true if pushed */
static bool compile_annotations(Compiler *c, AstArguments *a, AstExpr *returns) {
    if (c->future_annotations) return false;
    int n = 0;
    /* CPython's order: positional, *args, keyword-only, **kwargs */
    AstArgList *lists[3] = {&a->posonlyargs, &a->args, &a->kwonlyargs};
    for (int k = 0; k < 5; k++) {
        size_t cnt = k == 0 ? lists[0]->n : k == 1 ? lists[1]->n : k == 3 ? lists[2]->n : 1;
        for (size_t i = 0; i < cnt; i++) {
            AstArg *arg = k == 0 ? lists[0]->items[i] : k == 1 ? lists[1]->items[i] : k == 3 ? lists[2]->items[i]
                        : k == 2 ? a->vararg : a->kwarg;
            if (!arg || !arg->annotation) continue;
            load_const(c, cstr(c, mangle(c, priv_name(c), arg->arg)));
            compile_expr(c, arg->annotation);
            n++;
        }
    }
    if (returns) {
        load_const(c, cstr(c, "return"));
        compile_expr(c, returns);
        n++;
    }
    if (!n) return false;
    emit(c, OP_BUILD_MAP, n);
    return true;
}

static void compile_functiondef(Compiler *c, AstStmt *s) {
    AstArguments *a = s->u.functiondef.args;
    Scope *sc = child_scope_for(c->u->scope, s);
    if (!sc) { c->err = true; return; }
    compile_exprs(c, &s->u.functiondef.decorator_list);
    set_line(c, s->lineno);
    if (a->defaults.n) {
        compile_exprs(c, &a->defaults);
        emit(c, OP_BUILD_TUPLE, (int)a->defaults.n);
    }
    int nkw = 0;
    for (size_t i = 0; i < a->kw_defaults.n; i++) {
        if (!a->kw_defaults.items[i]) continue;
        load_const(c, cstr(c, mangle(c, priv_name(c), a->kwonlyargs.items[i]->arg)));
        compile_expr(c, a->kw_defaults.items[i]);
        nkw++;
    }
    if (nkw) emit(c, OP_BUILD_MAP, nkw);
    bool ann = compile_annotations(c, a, s->u.functiondef.returns);
    const char *name = s->u.functiondef.name;
    const char *qn = qualname_for(c, mangle(c, priv_name(c), name));
    compile_function_body_unit(c, sc, name, qn, s->lineno, a, &s->u.functiondef.body, NULL, ann ? 0x1000 : 0);
    for (size_t i = 0; i < s->u.functiondef.decorator_list.n; i++) emit(c, OP_CALL, 1);
    compile_name(c, name, NAME_STORE);
}

static void compile_classdef(Compiler *c, AstStmt *s) {
    Scope *sc = child_scope_for(c->u->scope, s);
    if (!sc) { c->err = true; return; }
    compile_exprs(c, &s->u.classdef.decorator_list);
    set_line(c, s->lineno);
    const char *name = s->u.classdef.name;
    const char *qn = qualname_for(c, mangle(c, priv_name(c), name));
    emit(c, OP_LOAD_BUILD_CLASS, 0);
    /* the class body */
    if (!unit_push(c, sc, name, qn, s->lineno)) return;
    Unit *u = c->u;
    u->flags = CO_CLASS;
    compile_name(c, "__name__", NAME_LOAD);
    compile_name(c, "__module__", NAME_STORE);
    load_const(c, cstr(c, qn));
    compile_name(c, "__qualname__", NAME_STORE);
    AstStmtList *body = &s->u.classdef.body;
    size_t start = 0;
    if (body->n && body->items[0]->kind == STMT_EXPR && body->items[0]->u.expr.value->kind == EXPR_CONSTANT &&
        body->items[0]->u.expr.value->u.constant.kind == CONST_STR) {
        set_line(c, body->items[0]->lineno);
        load_const(c, const_value(c, &body->items[0]->u.expr.value->u.constant));
        compile_name(c, "__doc__", NAME_STORE);
        start = 1;
    }
    /* annotations dict when the body has annotated names */
    for (size_t i = start; i < body->n; i++) {
        if (body->items[i]->kind == STMT_ANNASSIGN) {
            emit(c, OP_SETUP_ANNOTATIONS, 0);
            break;
        }
    }
    for (size_t i = start; i < body->n; i++) compile_stmt(c, body->items[i]);
    if (sc->needs_class_closure) {
        int idx = lp_cell_index(u, "__class__");
        emit(c, OP_LOAD_CLASSCELL_INTO_NS, idx);
    }
    load_none(c);
    emit(c, OP_RETURN_VALUE, 0);
    Value code = assemble(c, u);
    c->u = u->parent;
    unit_free(u);
    if (!code) return;
    compile_make_function(c, NULL, code, sc, 0, qn);
    load_const(c, cstr(c, name));
    AstExprList *bases = &s->u.classdef.bases;
    AstKeywordList *kws = &s->u.classdef.keywords;
    /* __build_class__(func, name, *bases, **keywords) */
    /* func and name are already on the stack */
    bool star = has_starred(bases), dstar = false;
    for (size_t i = 0; i < kws->n; i++) if (!kws->items[i]->arg) dstar = true;
    if (!star && !dstar) {
        compile_exprs(c, bases);
        for (size_t i = 0; i < kws->n; i++) compile_expr(c, kws->items[i]->value);
        int total = (int)(2 + bases->n + kws->n);
        if (kws->n) {
            Value names = tuple_new(c->vm, (int64_t)kws->n);
            if (!names) { c->err = true; vm_exc_clear(c->vm); return; }
            for (size_t i = 0; i < kws->n; i++) tuple_items(names)[i] = str_intern_cstr(c->vm, kws->items[i]->arg);
            emit_full(c, OP_CALL_KW, total, -1, add_const(c, names));
        } else {
            emit(c, OP_CALL, total);
        }
    } else {
        emit(c, OP_BUILD_LIST, 2);
        for (size_t i = 0; i < bases->n; i++) {
            AstExpr *b = bases->items[i];
            if (b->kind == EXPR_STARRED) {
                compile_expr(c, b->u.starred.value);
                emit(c, OP_LIST_EXTEND, 1);
            } else {
                compile_expr(c, b);
                emit(c, OP_LIST_APPEND, 1);
            }
        }
        emit(c, OP_LIST_TO_TUPLE, 0);
        if (kws->n) {
            emit(c, OP_BUILD_MAP, 0);
            for (size_t i = 0; i < kws->n; i++) {
                AstKeyword *k = kws->items[i];
                if (k->arg) {
                    load_const(c, cstr(c, k->arg));
                    compile_expr(c, k->value);
                    emit(c, OP_BUILD_MAP, 1);
                }
                else compile_expr(c, k->value);
                emit(c, OP_DICT_MERGE, 1);
            }
            emit(c, OP_CALL_EX, 1);
        } else {
            emit(c, OP_CALL_EX, 0);
        }
    }
    for (size_t i = 0; i < s->u.classdef.decorator_list.n; i++) emit(c, OP_CALL, 1);
    compile_name(c, name, NAME_STORE);
}

/* ---- statements ---- */
static bool push_fblock(Compiler *c, enum FBlockKind k, int top, int exit, AstStmtList *fin, const char *name) {
    Unit *u = c->u;
    if (u->nfblocks >= 60) {
        cerror(c, u->lineno, 0, "too many statically nested blocks");
        return false;
    }
    FBlock *f = &u->fblocks[u->nfblocks++];
    f->kind = k;
    f->top_label = top;
    f->exit_label = exit;
    f->finalbody = fin;
    f->name = name;
    return true;
}
static void pop_fblock(Compiler *c) { c->u->nfblocks--; }

static void clear_name(Compiler *c, const char *name) {
    load_none(c);
    compile_name(c, name, NAME_STORE);
    compile_name(c, name, NAME_DEL);
}

/* Emit what leaving fblock f requires.  preserve_tos: a return value is on
 * top of the stack and must stay there. */
static void unwind_fblock(Compiler *c, FBlock *f, bool preserve_tos) {
    switch (f->kind) {
    case FB_WHILE: break;
    case FB_FOR:
        if (preserve_tos) emit(c, OP_SWAP, 2);
        emit(c, OP_POP_TOP, 0);
        break;
    case FB_TRY_EXCEPT: emit(c, OP_POP_BLOCK, 0); break;
    case FB_FINALLY_TRY: {
        emit(c, OP_POP_BLOCK, 0);
        /* run the finally body with the outer blocks active */
        Unit *u = c->u;
        AstStmtList *fin = f->finalbody;
        /* compile the finally body as if this block and the inner ones were gone */
        int savedn = u->nfblocks;
        FBlock saved[64];
        memcpy(saved, u->fblocks, sizeof saved);
        u->nfblocks = (int)(f - u->fblocks);
        compile_body(c, fin);
        memcpy(u->fblocks, saved, sizeof saved);
        u->nfblocks = savedn;
        break;
    }
    case FB_FINALLY_END:
        /* [prev exc (value)] */
        emit(c, OP_POP_BLOCK, 0);
        if (preserve_tos) emit(c, OP_SWAP, 2);
        emit(c, OP_POP_TOP, 0);
        if (preserve_tos) emit(c, OP_SWAP, 2);
        emit(c, OP_POP_EXCEPT, 0);
        break;
    case FB_WITH:
        emit(c, OP_POP_BLOCK, 0);
        if (preserve_tos) emit(c, OP_SWAP, 2);
        emit(c, OP_WITH_EXIT, 0);
        break;
    case FB_EXCEPT_NAME:
        emit(c, OP_POP_BLOCK, 0);
        clear_name(c, f->name);
        break;
    case FB_HANDLER:
        emit(c, OP_POP_BLOCK, 0);
        if (preserve_tos) emit(c, OP_SWAP, 2);
        emit(c, OP_POP_EXCEPT, 0);
        break;
    }
}

static void compile_return(Compiler *c, AstStmt *s) {
    Unit *u = c->u;
    if (u->scope->kind != ST_FUNCTION) { cerror(c, s->lineno, s->col, "'return' outside function"); return; }
    if (s->u.ret.value) {
        compile_expr(c, s->u.ret.value);
    } else {
        load_none(c);
    }
    for (int i = u->nfblocks - 1; i >= 0 && !c->err; i--) unwind_fblock(c, &u->fblocks[i], true);
    set_line(c, s->lineno);
    emit(c, OP_RETURN_VALUE, 0);
}

static void compile_break_continue(Compiler *c, AstStmt *s, bool is_break) {
    Unit *u = c->u;
    int i;
    for (i = u->nfblocks - 1; i >= 0; i--)
        if (u->fblocks[i].kind == FB_WHILE || u->fblocks[i].kind == FB_FOR) break;
    if (i < 0) {
        cerror(c, s->lineno, s->col, is_break ? "'break' outside loop" : "'continue' not properly in loop");
        return;
    }
    for (int j = u->nfblocks - 1; j > i && !c->err; j--) unwind_fblock(c, &u->fblocks[j], false);
    FBlock *loop = &u->fblocks[i];
    if (is_break) {
        if (loop->kind == FB_FOR) emit(c, OP_POP_TOP, 0);
        emit_jump(c, OP_JUMP, loop->exit_label);
    } else {
        emit_jump(c, OP_JUMP_BACKWARD, loop->top_label);
    }
}

static void compile_for(Compiler *c, AstStmt *s) {
    int top = new_label(c), anchor = new_label(c), end = new_label(c);
    compile_expr(c, s->u.for_.iter);
    set_line(c, s->lineno);
    emit(c, OP_GET_ITER, 0);
    place(c, top);
    emit_jump(c, OP_FOR_ITER, anchor);
    compile_store(c, s->u.for_.target);
    if (!push_fblock(c, FB_FOR, top, end, NULL, NULL)) return;
    compile_body(c, &s->u.for_.body);
    pop_fblock(c);
    emit_jump(c, OP_JUMP_BACKWARD, top);
    place(c, anchor);
    compile_body(c, &s->u.for_.orelse);
    place(c, end);
}

static void compile_while(Compiler *c, AstStmt *s) {
    int top = new_label(c), orelse = new_label(c), end = new_label(c);
    place(c, top);
    AstExpr *t = s->u.while_.test;
    bool forever = t->kind == EXPR_CONSTANT && (t->u.constant.kind == CONST_TRUE ||
                   (t->u.constant.kind == CONST_INT && !(t->u.constant.text.len == 1 && t->u.constant.text.s[0] == '0')));
    set_line(c, s->lineno);
    if (!forever) compile_jump_if(c, t, false, orelse);
    if (!push_fblock(c, FB_WHILE, top, end, NULL, NULL)) return;
    compile_body(c, &s->u.while_.body);
    pop_fblock(c);
    emit_jump(c, OP_JUMP_BACKWARD, top);
    place(c, orelse);
    compile_body(c, &s->u.while_.orelse);
    place(c, end);
}

static void compile_if(Compiler *c, AstStmt *s) {
    int orelse = new_label(c), end = new_label(c);
    set_line(c, s->lineno);
    compile_jump_if(c, s->u.if_.test, false, orelse);
    compile_body(c, &s->u.if_.body);
    if (s->u.if_.orelse.n) {
        emit_jump(c, OP_JUMP, end);
        place(c, orelse);
        compile_body(c, &s->u.if_.orelse);
    } else {
        place(c, orelse);
    }
    place(c, end);
}

static void compile_with_items(Compiler *c, AstStmt *s, size_t i) {
    AstWithItem *it = s->u.with.items.items[i];
    int handler = new_label(c), end = new_label(c), cleanup = new_label(c), suppress = new_label(c);
    set_line(c, s->lineno);
    compile_expr(c, it->context_expr);
    set_line(c, s->lineno);
    emit_jump(c, OP_SETUP_WITH, handler);
    if (it->optional_vars) compile_store(c, it->optional_vars);
    else emit(c, OP_POP_TOP, 0);
    if (!push_fblock(c, FB_WITH, -1, -1, NULL, NULL)) return;
    if (i + 1 < s->u.with.items.n) compile_with_items(c, s, i + 1);
    else compile_body(c, &s->u.with.body);
    pop_fblock(c);
    set_line(c, s->lineno);
    emit(c, OP_POP_BLOCK, 0);
    emit(c, OP_WITH_EXIT, 0);
    emit_jump(c, OP_JUMP, end);
    /* exception: [exit exc] */
    place(c, handler);
    emit(c, OP_PUSH_EXC_INFO, 0);            /* [exit prev exc] */
    emit_jump(c, OP_SETUP_CLEANUP, cleanup);
    emit(c, OP_WITH_EXCEPT_START, 0);        /* [exit prev exc res] */
    emit_jump(c, OP_POP_JUMP_IF_TRUE, suppress);
    emit(c, OP_POP_BLOCK, 0);
    emit(c, OP_POP_EXCEPT_RERAISE, 0);
    place(c, suppress);                      /* [exit prev exc] */
    emit(c, OP_POP_BLOCK, 0);
    emit(c, OP_POP_TOP, 0);
    emit(c, OP_POP_EXCEPT, 0);
    emit(c, OP_POP_TOP, 0);
    emit_jump(c, OP_JUMP, end);
    place(c, cleanup);                       /* [exit prev exc2] */
    emit(c, OP_POP_EXCEPT_RERAISE, 0);
    place(c, end);
}

static void compile_try_except(Compiler *c, AstStmt *s) {
    int handlers = new_label(c), orelse_l = new_label(c), end = new_label(c), cleanup = new_label(c);
    set_line(c, s->lineno);
    emit_jump(c, OP_SETUP_FINALLY, handlers);
    if (!push_fblock(c, FB_TRY_EXCEPT, -1, -1, NULL, NULL)) return;
    compile_body(c, &s->u.try_.body);
    pop_fblock(c);
    emit(c, OP_POP_BLOCK, 0);
    emit_jump(c, OP_JUMP, orelse_l);
    place(c, handlers);                      /* [exc] */
    emit(c, OP_PUSH_EXC_INFO, 0);            /* [prev exc] */
    emit_jump(c, OP_SETUP_CLEANUP, cleanup);
    size_t nh = s->u.try_.handlers.n;
    for (size_t i = 0; i < nh; i++) {
        AstExceptHandler *h = s->u.try_.handlers.items[i];
        set_line(c, h->lineno);
        if (!h->type && i + 1 < nh) { cerror(c, h->lineno, h->col, "default 'except:' must be last"); return; }
        int next = new_label(c);
        if (h->type) {
            compile_expr(c, h->type);
            emit(c, OP_CHECK_EXC_MATCH, 0);
            emit_jump(c, OP_POP_JUMP_IF_FALSE, next);
        }
        if (h->name) {
            compile_name(c, h->name, NAME_STORE);    /* [prev] */
            int name_cleanup = new_label(c);
            emit_jump(c, OP_SETUP_FINALLY, name_cleanup);
            if (!push_fblock(c, FB_HANDLER, -1, -1, NULL, NULL)) return;
            if (!push_fblock(c, FB_EXCEPT_NAME, -1, -1, NULL, h->name)) return;
            compile_body(c, &h->body);
            pop_fblock(c);
            pop_fblock(c);
            emit(c, OP_POP_BLOCK, 0);
            clear_name(c, h->name);
            emit(c, OP_POP_BLOCK, 0);
            emit(c, OP_POP_EXCEPT, 0);
            emit_jump(c, OP_JUMP, end);
            place(c, name_cleanup);                  /* [prev exc2] */
            clear_name(c, h->name);
            emit(c, OP_RERAISE, 0);
        } else {
            emit(c, OP_POP_TOP, 0);                  /* [prev] */
            if (!push_fblock(c, FB_HANDLER, -1, -1, NULL, NULL)) return;
            compile_body(c, &h->body);
            pop_fblock(c);
            emit(c, OP_POP_BLOCK, 0);
            emit(c, OP_POP_EXCEPT, 0);
            emit_jump(c, OP_JUMP, end);
        }
        place(c, next);
    }
    /* nothing matched: [prev exc] */
    emit(c, OP_POP_BLOCK, 0);
    emit(c, OP_POP_EXCEPT_RERAISE, 0);
    place(c, cleanup);                               /* [prev exc2] */
    emit(c, OP_POP_EXCEPT_RERAISE, 0);
    place(c, orelse_l);
    compile_body(c, &s->u.try_.orelse);
    place(c, end);
}

static void compile_try(Compiler *c, AstStmt *s) {
    if (!s->u.try_.finalbody.n) {
        compile_try_except(c, s);
        return;
    }
    int fin_exc = new_label(c), end = new_label(c), cleanup = new_label(c);
    set_line(c, s->lineno);
    emit_jump(c, OP_SETUP_FINALLY, fin_exc);
    if (!push_fblock(c, FB_FINALLY_TRY, -1, -1, &s->u.try_.finalbody, NULL)) return;
    if (s->u.try_.handlers.n) compile_try_except(c, s);
    else compile_body(c, &s->u.try_.body);
    pop_fblock(c);
    emit(c, OP_POP_BLOCK, 0);
    compile_body(c, &s->u.try_.finalbody);
    emit_jump(c, OP_JUMP, end);
    place(c, fin_exc);                               /* [exc] */
    emit(c, OP_PUSH_EXC_INFO, 0);                    /* [prev exc] */
    emit_jump(c, OP_SETUP_CLEANUP, cleanup);
    if (!push_fblock(c, FB_FINALLY_END, -1, -1, NULL, NULL)) return;
    compile_body(c, &s->u.try_.finalbody);
    pop_fblock(c);
    emit(c, OP_POP_BLOCK, 0);
    emit(c, OP_POP_EXCEPT_RERAISE, 0);
    place(c, cleanup);
    emit(c, OP_POP_EXCEPT_RERAISE, 0);
    place(c, end);
}

static void compile_import(Compiler *c, AstStmt *s) {
    for (size_t i = 0; i < s->u.import.names.n; i++) {
        AstAlias *a = s->u.import.names.items[i];
        set_line(c, a->lineno > 0 ? a->lineno : s->lineno);
        load_const(c, v_from_small(0));
        load_none(c);
        emit(c, OP_IMPORT_NAME, add_name(c, a->name));
        if (a->asname) {
            /* import a.b.c as d: walk to c */
            const char *p = strchr(a->name, '.');
            while (p) {
                const char *q = strchr(p + 1, '.');
                size_t l = q ? (size_t)(q - p - 1) : strlen(p + 1);
                char *part = ast_alloc(c->arena, l + 1);
                if (!part) { c->err = true; return; }
                memcpy(part, p + 1, l);
                emit(c, OP_IMPORT_FROM, add_name(c, part));
                emit(c, OP_SWAP, 2);
                emit(c, OP_POP_TOP, 0);
                p = q;
            }
            compile_name(c, a->asname, NAME_STORE);
        } else {
            const char *dot = strchr(a->name, '.');
            if (dot) {
                size_t l = (size_t)(dot - a->name);
                char *top = ast_alloc(c->arena, l + 1);
                if (!top) { c->err = true; return; }
                memcpy(top, a->name, l);
                compile_name(c, top, NAME_STORE);
            } else {
                compile_name(c, a->name, NAME_STORE);
            }
        }
    }
}

static void compile_importfrom(Compiler *c, AstStmt *s) {
    AstAliasList *names = &s->u.importfrom.names;
    const char *mod = s->u.importfrom.module ? s->u.importfrom.module : "";
    if (!strcmp(mod, "__future__")) {
        for (size_t i = 0; i < names->n; i++) {
            const char *f = names->items[i]->name;
            static const char *const known[] = {"nested_scopes", "generators", "division", "absolute_import",
                                                "with_statement", "print_function", "unicode_literals",
                                                "barry_as_FLUFL", "generator_stop", "annotations", NULL};
            bool ok = false;
            for (int k = 0; known[k]; k++) if (!strcmp(f, known[k])) ok = true;
            if (!ok) { sym_error(c, s->lineno, s->col, "future feature %s is not defined", f); return; }
        }
    }
    Value fromlist = tuple_new(c->vm, (int64_t)names->n);
    if (!fromlist) { c->err = true; vm_exc_clear(c->vm); return; }
    for (size_t i = 0; i < names->n; i++) tuple_items(fromlist)[i] = cstr(c, names->items[i]->name);
    load_const(c, v_from_small(s->u.importfrom.level));
    load_const(c, fromlist);
    emit(c, OP_IMPORT_NAME, add_name(c, mod));
    if (names->n == 1 && !strcmp(names->items[0]->name, "*")) {
        emit(c, OP_IMPORT_STAR, 0);
        return;
    }
    for (size_t i = 0; i < names->n; i++) {
        AstAlias *a = names->items[i];
        emit(c, OP_IMPORT_FROM, add_name(c, a->name));
        compile_name(c, a->asname ? a->asname : a->name, NAME_STORE);
    }
    emit(c, OP_POP_TOP, 0);
}

static void compile_augassign(Compiler *c, AstStmt *s) {
    AstExpr *t = s->u.augassign.target;
    static const int map[] = {NB_ADD, NB_SUB, NB_MUL, NB_MATMUL, NB_TRUEDIV, NB_MOD, NB_POW, NB_LSHIFT, NB_RSHIFT,
                              NB_OR, NB_XOR, NB_AND, NB_FLOORDIV};
    int op = map[s->u.augassign.op] + NB_INPLACE;
    switch (t->kind) {
    case EXPR_NAME:
        compile_name(c, t->u.name.id, NAME_LOAD);
        compile_expr(c, s->u.augassign.value);
        set_line(c, s->lineno);
        emit(c, OP_BINARY_OP, op);
        compile_name(c, t->u.name.id, NAME_STORE);
        break;
    case EXPR_ATTRIBUTE: {
        int ni = add_name(c, mangle(c, priv_name(c), t->u.attribute.attr));
        compile_expr(c, t->u.attribute.value);
        emit(c, OP_COPY, 1);
        emit(c, OP_LOAD_ATTR, ni);
        compile_expr(c, s->u.augassign.value);
        set_line(c, s->lineno);
        emit(c, OP_BINARY_OP, op);
        emit(c, OP_SWAP, 2);
        emit(c, OP_STORE_ATTR, ni);
        break;
    }
    case EXPR_SUBSCRIPT:
        compile_expr(c, t->u.subscript.value);
        compile_expr(c, t->u.subscript.slice);
        emit(c, OP_COPY, 2);
        emit(c, OP_COPY, 2);
        emit(c, OP_BINARY_SUBSCR, 0);
        compile_expr(c, s->u.augassign.value);
        set_line(c, s->lineno);
        emit(c, OP_BINARY_OP, op);
        emit(c, OP_SWAP, 3);
        emit(c, OP_SWAP, 2);
        emit(c, OP_STORE_SUBSCR, 0);
        break;
    default:
        cerror(c, t->lineno, t->col, "illegal expression for augmented assignment");
    }
}

static void compile_annassign(Compiler *c, AstStmt *s) {
    AstExpr *t = s->u.annassign.target;
    if (s->u.annassign.value) {
        compile_expr(c, s->u.annassign.value);
        compile_store(c, t);
    }
    if (t->kind == EXPR_NAME && s->u.annassign.simple && c->u->scope->kind != ST_FUNCTION) {
        if (c->future_annotations) {
            load_const(c, cstr(c, "annotation"));   /* a string form is good enough */
        } else {
            compile_expr(c, s->u.annassign.annotation);
        }
        emit(c, OP_STORE_ANNOTATION, add_name(c, mangle(c, priv_name(c), t->u.name.id)));
    } else if (t->kind != EXPR_NAME && !s->u.annassign.value && c->u->scope->kind != ST_FUNCTION) {
        /* evaluate the target's subexpressions for side effects */
        if (t->kind == EXPR_ATTRIBUTE) { compile_expr(c, t->u.attribute.value); emit(c, OP_POP_TOP, 0); }
        if (t->kind == EXPR_SUBSCRIPT) {
            compile_expr(c, t->u.subscript.value); emit(c, OP_POP_TOP, 0);
            compile_expr(c, t->u.subscript.slice); emit(c, OP_POP_TOP, 0);
        }
        if (!c->future_annotations) { compile_expr(c, s->u.annassign.annotation); emit(c, OP_POP_TOP, 0); }
    }
}

static void compile_stmt(Compiler *c, AstStmt *s) {
    if (c->err || too_deep(c)) return;
    set_line(c, s->lineno);
    switch (s->kind) {
    case STMT_FUNCTIONDEF: compile_functiondef(c, s); break;
    case STMT_CLASSDEF: compile_classdef(c, s); break;
    case STMT_RETURN: compile_return(c, s); break;
    case STMT_DELETE:
        for (size_t i = 0; i < s->u.del.targets.n; i++) compile_delete(c, s->u.del.targets.items[i]);
        break;
    case STMT_ASSIGN: {
        compile_expr(c, s->u.assign.value);
        size_t n = s->u.assign.targets.n;
        for (size_t i = 0; i < n; i++) {
            if (i + 1 < n) emit(c, OP_COPY, 1);
            compile_store(c, s->u.assign.targets.items[i]);
        }
        break;
    }
    case STMT_AUGASSIGN: compile_augassign(c, s); break;
    case STMT_ANNASSIGN: compile_annassign(c, s); break;
    case STMT_FOR: compile_for(c, s); break;
    case STMT_WHILE: compile_while(c, s); break;
    case STMT_IF: compile_if(c, s); break;
    case STMT_WITH: compile_with_items(c, s, 0); break;
    case STMT_RAISE: {
        int n = 0;
        if (s->u.raise.exc) {
            compile_expr(c, s->u.raise.exc);
            n = 1;
            if (s->u.raise.cause) {
                compile_expr(c, s->u.raise.cause);
                n = 2;
            }
        }
        set_line(c, s->lineno);
        emit(c, OP_RAISE_VARARGS, n);
        break;
    }
    case STMT_TRY: compile_try(c, s); break;
    case STMT_TRYSTAR: cerror(c, s->lineno, s->col, "except* (exception groups) is not supported by txpy"); break;
    case STMT_ASSERT: {
        int end = new_label(c);
        compile_jump_if(c, s->u.assert_.test, true, end);
        emit(c, OP_LOAD_ASSERTION_ERROR, 0);
        if (s->u.assert_.msg) {
            compile_expr(c, s->u.assert_.msg);
            emit(c, OP_CALL, 1);
        }
        set_line(c, s->lineno);
        emit(c, OP_RAISE_VARARGS, 1);
        place(c, end);
        break;
    }
    case STMT_IMPORT: compile_import(c, s); break;
    case STMT_IMPORTFROM: compile_importfrom(c, s); break;
    case STMT_GLOBAL:
    case STMT_NONLOCAL: break;
    case STMT_EXPR: {
        AstExpr *v = s->u.expr.value;
        if (c->interactive && c->u->scope->kind == ST_MODULE && !c->u->parent) {
            compile_expr(c, v);
            emit(c, OP_PRINT_EXPR, 0);
            break;
        }
        if (v->kind == EXPR_CONSTANT) break;     /* docstrings and no-ops */
        compile_expr(c, v);
        emit(c, OP_POP_TOP, 0);
        break;
    }
    case STMT_PASS: break;
    case STMT_BREAK: compile_break_continue(c, s, true); break;
    case STMT_CONTINUE: compile_break_continue(c, s, false); break;
    }
}

static void compile_body(Compiler *c, AstStmtList *l) {
    for (size_t i = 0; i < l->n && !c->err; i++) compile_stmt(c, l->items[i]);
}

/* ======================= driver ======================= */
static Value syntax_error_from(VM *vm, Value filename, const char *msg, int lineno, int offset, int end_lineno,
                               int end_offset, const char *text, Type *type) {
    ROOTS_MARK(vm);
    Value m = str_from_cstr(vm, msg);
    if (!m) return VNULL;
    ROOT_PUSH(vm, m);
    Value t = V_NONE;
    if (text) {
        t = str_from_cstr(vm, text);
        if (!t) { ROOTS_RESET(vm); return VNULL; }
        ROOT_PUSH(vm, t);
    }
    Value info = tuple_new(vm, 6);
    if (!info) { ROOTS_RESET(vm); return VNULL; }
    tuple_items(info)[0] = filename;
    tuple_items(info)[1] = v_from_small(lineno);
    tuple_items(info)[2] = offset > 0 ? v_from_small(offset) : V_NONE;
    tuple_items(info)[3] = t;
    tuple_items(info)[4] = end_lineno > 0 ? v_from_small(end_lineno) : V_NONE;
    tuple_items(info)[5] = end_offset > 0 ? v_from_small(end_offset) : V_NONE;
    ROOT_PUSH(vm, info);
    Value args[2] = {m, info};
    Value e = exc_new(vm, type, args, 2);
    ROOTS_RESET(vm);
    return vm_raise_value(vm, e);
}

static char *line_text(const char *src, size_t len, int lineno) {
    const char *p = src, *end = src + len;
    for (int l = 1; l < lineno && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) return NULL;
        p = nl + 1;
    }
    if (p >= end && lineno > 1) return NULL;
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t l = nl ? (size_t)(nl - p + 1) : (size_t)(end - p);
    char *r = malloc(l + 2);
    if (!r) return NULL;
    memcpy(r, p, l);
    if (!nl) r[l++] = '\n';
    r[l] = 0;
    return r;
}

Value compile_source(VM *vm, const char *src, size_t len, Value filename, int mode) {
    AstArena arena;
    ast_arena_init(&arena);
    AstError perr;
    memset(&perr, 0, sizeof perr);
    AstModKind kind = mode == COMPILE_EVAL ? MOD_EXPRESSION : mode == COMPILE_SINGLE ? MOD_INTERACTIVE : MOD_MODULE;
    AstMod *mod = ast_parse(&arena, src, len, kind, &perr);
    if (!mod) {
        Value r;
        if (perr.kind == AST_ERR_MEMORY) r = vm_raise_nomem(vm);
        else {
            Type *t = perr.kind == AST_ERR_INDENT ? &exc_IndentationError : perr.kind == AST_ERR_TAB ? &exc_TabError
                                                                                                   : &exc_SyntaxError;
            r = syntax_error_from(vm, filename, perr.msg, perr.lineno, perr.offset, perr.end_lineno, perr.end_offset,
                                  perr.text, t);
        }
        ast_arena_free(&arena);
        return r;
    }
    Compiler c;
    memset(&c, 0, sizeof c);
    c.vm = vm;
    c.arena = &arena;
    c.filename = filename;
    c.interactive = mode == COMPILE_SINGLE;
    c.src = src;
    c.srclen = len;
    /* symbol table */
    Scope *top = scope_new(&c, ST_MODULE, "top", mod, NULL);
    c.top = top;
    c.cur = top;
    if (top) {
        if (mod->kind == MOD_EXPRESSION) st_expr(&c, mod->expr);
        else st_stmts(&c, &mod->body);
    }
    if (!c.err) {
        NameSet bound = {0}, free_ = {0}, global = {0};
        analyze_block(&c, top, &bound, &free_, &global);
        ns_free(&bound);
        ns_free(&free_);
        ns_free(&global);
    }
    Value code = VNULL;
    if (!c.err && unit_push(&c, top, "<module>", "<module>", 1)) {
        Unit *u = c.u;
        u->flags = CO_MODULE;
        if (mod->kind == MOD_EXPRESSION) {
            compile_expr(&c, mod->expr);
            emit(&c, OP_RETURN_VALUE, 0);
        } else {
            AstStmtList *body = &mod->body;
            size_t start = 0;
            if (mode == COMPILE_EXEC && body->n && body->items[0]->kind == STMT_EXPR &&
                body->items[0]->u.expr.value->kind == EXPR_CONSTANT &&
                body->items[0]->u.expr.value->u.constant.kind == CONST_STR) {
                set_line(&c, body->items[0]->lineno);
                load_const(&c, const_value(&c, &body->items[0]->u.expr.value->u.constant));
                compile_name(&c, "__doc__", NAME_STORE);
                start = 1;
            }
            bool has_ann = false;
            for (size_t i = start; i < body->n; i++) if (body->items[i]->kind == STMT_ANNASSIGN) has_ann = true;
            if (has_ann) emit(&c, OP_SETUP_ANNOTATIONS, 0);
            for (size_t i = start; i < body->n; i++) compile_stmt(&c, body->items[i]);
        }
        code = assemble(&c, u);
        c.u = NULL;
        unit_free(u);
    }
    if (c.err) {
        /* free any units still open */
        while (c.u) {
            Unit *p = c.u->parent;
            unit_free(c.u);
            c.u = p;
        }
        Value r = VNULL;
        if (!vm->exc) {
            char *text = line_text(src, len, c.errline);
            int off = 0;
            if (text && c.errcol >= 0) off = (int)utf8_count(text, (size_t)c.errcol < strlen(text) ? (size_t)c.errcol : strlen(text)) + 1;
            r = syntax_error_from(vm, filename, c.errmsg[0] ? c.errmsg : "compile error", c.errline, off, 0, 0, text,
                                  &exc_SyntaxError);
            free(text);
        }
        ast_arena_free(&arena);
        return r;
    }
    ast_arena_free(&arena);
    if (code && plat_getenv("TXPY_DIS")) code_dump(AS(Code, code), 0);
    return code;
}
