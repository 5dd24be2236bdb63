/* ast.h - the abstract syntax tree produced by the parser (parser.c) and
 * consumed by the compiler (compile.c).
 *
 * It mirrors CPython 3.11's `ast` module (same node kinds, fields and
 * meaning), minus async/await and `match`.  The front end knows nothing of
 * Python objects: constants are kept as text or C values and the compiler
 * turns them into objects.  Every node and every string lives in an AstArena
 * and dies with it; nothing in the tree is owned separately.
 *
 * Positions: lineno/end_lineno are 1-based lines; col/end_col are 0-based
 * UTF-8 byte offsets into the line, as in CPython's ast (end_col is one past
 * the last byte).
 */
#ifndef TXPY_AST_H
#define TXPY_AST_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/* ---- arena ---- */
typedef struct AstArenaChunk AstArenaChunk;
typedef struct AstArena {
    AstArenaChunk *chunks;
    char *cur, *end;
    bool oom;           /* an allocation failed: the parse reports MemoryError */
} AstArena;

void ast_arena_init(AstArena *a);
void ast_arena_free(AstArena *a);
/* Zeroed memory, 8-byte aligned; NULL (and a->oom) when out of memory. */
void *ast_alloc(AstArena *a, size_t n);

/* ---- strings ----
 * Identifiers are UTF-8 as written, NUL-terminated.  (CPython NFKC-normalizes
 * non-ASCII identifiers; txpy has no normalization tables, so e.g. "ﬁ" and
 * "fi" stay different names.  ASCII identifiers are unaffected.)
 * str and bytes constants may contain NUL bytes, so they carry a length. */
typedef struct AstStr {
    const char *s;
    size_t len;
} AstStr;

typedef struct AstExpr AstExpr;
typedef struct AstStmt AstStmt;

typedef struct AstExprList { size_t n; AstExpr **items; } AstExprList;
typedef struct AstStmtList { size_t n; AstStmt **items; } AstStmtList;
typedef struct AstNameList { size_t n; const char **items; } AstNameList;

typedef enum AstCtx { CTX_LOAD, CTX_STORE, CTX_DEL } AstCtx;

typedef enum AstBoolOp { BOOL_AND, BOOL_OR } AstBoolOp;

typedef enum AstOperator {
    OP_ADD, OP_SUB, OP_MULT, OP_MATMULT, OP_DIV, OP_MOD, OP_POW,
    OP_LSHIFT, OP_RSHIFT, OP_BITOR, OP_BITXOR, OP_BITAND, OP_FLOORDIV
} AstOperator;

typedef enum AstUnaryOp { UOP_INVERT, UOP_NOT, UOP_UADD, UOP_USUB } AstUnaryOp;

typedef enum AstCmpOp {
    CMP_EQ, CMP_NOTEQ, CMP_LT, CMP_LTE, CMP_GT, CMP_GTE,
    CMP_IS, CMP_ISNOT, CMP_IN, CMP_NOTIN
} AstCmpOp;

/* Constant kinds.  Ints keep their literal text (the compiler parses it with
 * bignum's rules: prefix, underscores); floats and imaginary literals are
 * converted by the parser with correct rounding. */
typedef enum AstConstKind {
    CONST_NONE, CONST_TRUE, CONST_FALSE, CONST_ELLIPSIS,
    CONST_INT,      /* text: the literal as written, e.g. "0x_ff", "1_000" */
    CONST_FLOAT,    /* f */
    CONST_IMAG,     /* f is the imaginary part, e.g. 2.5j */
    CONST_STR,      /* text: decoded UTF-8 (escapes processed; may hold NUL;
                       lone surrogates from "\ud800"-style escapes are
                       encoded in 3 bytes, as CPython's "surrogatepass") */
    CONST_BYTES     /* text: the raw bytes */
} AstConstKind;

typedef struct AstConst {
    AstConstKind kind;
    AstStr text;
    double f;
} AstConst;

typedef struct AstKeyword {         /* name=value in a call or class bases */
    const char *arg;                /* NULL for **value */
    AstExpr *value;
    int lineno, col, end_lineno, end_col;
} AstKeyword;
typedef struct AstKeywordList { size_t n; AstKeyword **items; } AstKeywordList;

typedef struct AstArg {
    const char *arg;
    AstExpr *annotation;            /* may be NULL */
    int lineno, col, end_lineno, end_col;
} AstArg;
typedef struct AstArgList { size_t n; AstArg **items; } AstArgList;

typedef struct AstArguments {
    AstArgList posonlyargs;
    AstArgList args;
    AstArg *vararg;                 /* *args, or NULL */
    AstArgList kwonlyargs;
    AstExprList kw_defaults;        /* same length as kwonlyargs; NULL items = no default */
    AstArg *kwarg;                  /* **kwargs, or NULL */
    AstExprList defaults;           /* defaults of the last posonlyargs+args */
} AstArguments;

typedef struct AstComprehension {
    AstExpr *target;
    AstExpr *iter;
    AstExprList ifs;
} AstComprehension;
typedef struct AstComprehensionList { size_t n; AstComprehension **items; } AstComprehensionList;

typedef enum AstExprKind {
    EXPR_BOOLOP, EXPR_NAMEDEXPR, EXPR_BINOP, EXPR_UNARYOP, EXPR_LAMBDA, EXPR_IFEXP,
    EXPR_DICT, EXPR_SET, EXPR_LISTCOMP, EXPR_SETCOMP, EXPR_DICTCOMP, EXPR_GENERATOREXP,
    EXPR_YIELD, EXPR_YIELDFROM, EXPR_COMPARE, EXPR_CALL, EXPR_FORMATTEDVALUE,
    EXPR_JOINEDSTR, EXPR_CONSTANT, EXPR_ATTRIBUTE, EXPR_SUBSCRIPT, EXPR_STARRED,
    EXPR_NAME, EXPR_LIST, EXPR_TUPLE, EXPR_SLICE
} AstExprKind;

struct AstExpr {
    AstExprKind kind;
    int lineno, col, end_lineno, end_col;
    union {
        struct { AstBoolOp op; AstExprList values; } boolop;
        struct { AstExpr *target; AstExpr *value; } namedexpr;     /* target is a Name */
        struct { AstExpr *left; AstOperator op; AstExpr *right; } binop;
        struct { AstUnaryOp op; AstExpr *operand; } unaryop;
        struct { AstArguments *args; AstExpr *body; } lambda;
        struct { AstExpr *test; AstExpr *body; AstExpr *orelse; } ifexp;
        struct { AstExprList keys; AstExprList values; } dict;    /* key NULL: **value */
        struct { AstExprList elts; } set;
        struct { AstExpr *elt; AstComprehensionList generators; } listcomp;  /* also setcomp, genexp */
        struct { AstExpr *key; AstExpr *value; AstComprehensionList generators; } dictcomp;
        struct { AstExpr *value; } yield;                        /* value may be NULL */
        struct { AstExpr *value; } yieldfrom;
        struct { AstExpr *left; size_t n; AstCmpOp *ops; AstExpr **comparators; } compare;
        struct { AstExpr *func; AstExprList args; AstKeywordList keywords; } call;
        /* conversion: -1 none, 's', 'r', 'a'; format_spec is a JoinedStr or NULL */
        struct { AstExpr *value; int conversion; AstExpr *format_spec; } formattedvalue;
        struct { AstExprList values; } joinedstr;    /* Constant(str) and FormattedValue */
        AstConst constant;
        struct { AstExpr *value; const char *attr; AstCtx ctx; } attribute;
        struct { AstExpr *value; AstExpr *slice; AstCtx ctx; } subscript;
        struct { AstExpr *value; AstCtx ctx; } starred;
        struct { const char *id; AstCtx ctx; } name;
        struct { AstExprList elts; AstCtx ctx; } list;                     /* also tuple */
        struct { AstExpr *lower; AstExpr *upper; AstExpr *step; } slice;  /* each may be NULL */
    } u;
};

typedef struct AstAlias {           /* import a.b.c as d  /  from m import x as y */
    const char *name;               /* dotted name, or "*" */
    const char *asname;             /* NULL if absent */
    int lineno, col, end_lineno, end_col;
} AstAlias;
typedef struct AstAliasList { size_t n; AstAlias **items; } AstAliasList;

typedef struct AstWithItem {
    AstExpr *context_expr;
    AstExpr *optional_vars;         /* NULL if no `as` */
} AstWithItem;
typedef struct AstWithItemList { size_t n; AstWithItem **items; } AstWithItemList;

typedef struct AstExceptHandler {
    AstExpr *type;                  /* NULL for bare except */
    const char *name;               /* NULL if no `as` */
    AstStmtList body;
    int lineno, col, end_lineno, end_col;
} AstExceptHandler;
typedef struct AstHandlerList { size_t n; AstExceptHandler **items; } AstHandlerList;

typedef enum AstStmtKind {
    STMT_FUNCTIONDEF, STMT_CLASSDEF, STMT_RETURN, STMT_DELETE, STMT_ASSIGN,
    STMT_AUGASSIGN, STMT_ANNASSIGN, STMT_FOR, STMT_WHILE, STMT_IF, STMT_WITH,
    STMT_RAISE, STMT_TRY, STMT_ASSERT, STMT_IMPORT, STMT_IMPORTFROM, STMT_GLOBAL,
    STMT_NONLOCAL, STMT_EXPR, STMT_PASS, STMT_BREAK, STMT_CONTINUE,
    STMT_TRYSTAR        /* try ... except* (3.11): same fields as STMT_TRY (u.try_) */
} AstStmtKind;

struct AstStmt {
    AstStmtKind kind;
    int lineno, col, end_lineno, end_col;
    union {
        struct { const char *name; AstArguments *args; AstStmtList body;
                 AstExprList decorator_list; AstExpr *returns; } functiondef;
        struct { const char *name; AstExprList bases; AstKeywordList keywords;
                 AstStmtList body; AstExprList decorator_list; } classdef;
        struct { AstExpr *value; } ret;                  /* value may be NULL */
        struct { AstExprList targets; } del;
        struct { AstExprList targets; AstExpr *value; } assign;   /* a = b = value */
        struct { AstExpr *target; AstOperator op; AstExpr *value; } augassign;
        struct { AstExpr *target; AstExpr *annotation; AstExpr *value; bool simple; } annassign;
        struct { AstExpr *target; AstExpr *iter; AstStmtList body; AstStmtList orelse; } for_;
        struct { AstExpr *test; AstStmtList body; AstStmtList orelse; } while_;
        struct { AstExpr *test; AstStmtList body; AstStmtList orelse; } if_;
        struct { AstWithItemList items; AstStmtList body; } with;
        struct { AstExpr *exc; AstExpr *cause; } raise;  /* both may be NULL */
        struct { AstStmtList body; AstHandlerList handlers; AstStmtList orelse;
                 AstStmtList finalbody; } try_;
        struct { AstExpr *test; AstExpr *msg; } assert_;
        struct { AstAliasList names; } import;
        struct { const char *module; AstAliasList names; int level; } importfrom; /* module may be NULL */
        struct { AstNameList names; } global;            /* also nonlocal */
        struct { AstExpr *value; } expr;
    } u;
};

typedef enum AstModKind { MOD_MODULE, MOD_INTERACTIVE, MOD_EXPRESSION } AstModKind;

typedef struct AstMod {
    AstModKind kind;
    AstStmtList body;               /* MOD_MODULE, MOD_INTERACTIVE */
    AstExpr *expr;                  /* MOD_EXPRESSION */
} AstMod;

/* ---- parsing ---- */

typedef enum AstErrorKind {
    AST_ERR_NONE, AST_ERR_SYNTAX, AST_ERR_INDENT, AST_ERR_TAB, AST_ERR_MEMORY
} AstErrorKind;

/* A syntax error, with the fields of CPython's SyntaxError: msg, lineno,
 * offset (1-based *character* column of the caret), end_lineno, end_offset,
 * and text (the whole offending source line, with its newline). */
typedef struct AstError {
    AstErrorKind kind;
    char msg[200];
    int lineno, offset, end_lineno, end_offset;
    char *text;                     /* in the arena, or NULL */
} AstError;

/* Parse `len` bytes of UTF-8 source.  `mode` selects the start rule:
 *   MOD_MODULE: a file;  MOD_INTERACTIVE: one REPL entry (a statement or a
 *   compound statement; the REPL asks for more lines while
 *   ast_needs_more_input says so);  MOD_EXPRESSION: eval() input.
 * Returns the tree, or NULL with *err filled in.  Errors follow CPython
 * 3.11's messages and positions ("invalid syntax",
 * "expected ':'", "'(' was never closed", "unexpected indent",
 * "unindent does not match any outer indentation level", "cannot assign to
 * function call here. Maybe you meant '==' instead of '='?",
 * "invalid decimal literal", "unterminated string literal (detected at line N)",
 * "f-string: expecting '}'", ...).  async/await constructs and \N{...}
 * escapes are rejected with a SyntaxError saying they are not supported;
 * nesting too deep for the C stack gives AST_ERR_MEMORY (CPython gives
 * MemoryError).  The source may start with a UTF-8 BOM; a coding
 * declaration is ignored (the text is always read as UTF-8). */
AstMod *ast_parse(AstArena *arena, const char *src, size_t len, AstModKind mode, AstError *err);

/* For the REPL: true when `src` is an incomplete statement that more lines
 * could complete (open bracket, trailing backslash, unterminated triple-quoted
 * string, or a compound statement header whose block has not ended with a
 * blank line). */
bool ast_needs_more_input(const char *src, size_t len);

#endif
