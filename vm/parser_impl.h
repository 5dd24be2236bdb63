/* parser_impl.h - state and helpers shared by parser.c (grammar) and
 * parser_string.c (string literals and f-strings).  Internal to the front
 * end: nothing outside parser*.c includes it.
 *
 * The parser is a hand-written recursive descent over the token array made
 * by lexer.c, shaped after CPython 3.11's PEG grammar so that it builds the
 * same tree and reports the same errors:
 *  - pass 1 runs without the grammar's "invalid_" rules; when it fails
 *    without a specific error, pass 2 reruns from the start with them on
 *    (p->invalid), and if that finds nothing either, "invalid syntax" is
 *    reported at the furthest token pass 1 looked at (p->fill - 1);
 *  - every rule function returns NULL (or false) on "no match" and then has
 *    restored p->pos; a raised error sets p->error, after which every rule
 *    fails and no later error replaces the first one;
 *  - during pass 2 the rules CPython memoises are memoised too (p->memo),
 *    which also keeps its backtracking polynomial; pass 1 never re-parses
 *    an item where a failure would repeat (no exponential inputs);
 *  - nesting is bounded twice (ParseLimits): a count of nested rule
 *    activations, like CPython's MAXSTACK, and the C stack used since
 *    ast_parse was entered; past either the parse fails with a
 *    MemoryError-kind error, so deep input never overflows the C stack.
 */
#ifndef TXPY_PARSER_IMPL_H
#define TXPY_PARSER_IMPL_H

#include "ast.h"
#include "lexer.h"

typedef struct AstMemo AstMemo;

/* Shared by a parser and its f-string sub-parsers. */
typedef struct ParseLimits {
    int depth;              /* nested rule activations */
    uintptr_t stack_base;   /* address of a local of the outermost call */
    bool exceeded;          /* the parse was stopped by a limit */
} ParseLimits;

typedef struct Parser {
    AstArena *arena;
    const char *src;        /* the text the tokens point into */
    size_t srclen;
    LexTokens *lx;
    LexToken *toks;
    size_t ntoks;
    size_t pos;             /* index of the next token */
    size_t fill;            /* 1 + the furthest token index looked at */
    bool invalid;           /* pass 2: the invalid_ rules are tried */
    bool invalid_in_atoms;  /* pass 2, invalid_ rules off except inside
                               bracketed atoms (see dict_key in parser.c) */
    bool error;             /* an error has been raised (in *err) */
    bool lexer_error;       /* ... and it came from the tokenizer */
    AstError *err;
    ParseLimits *lim;
    AstMemo **memo;         /* per token index, pass 2 only */
    /* f-string expression sub-parser: messages get an "f-string: " prefix
     * and error columns are taken back to the sub-source */
    bool fstring;
    int line_offset, col_shift;
} Parser;

/* Errors, with the position conventions of CPython's pegen: `col1` and
 * `end_col1` are 1-based byte columns (<= 0 when unknown), converted to
 * character columns on the error's line. */
void ast_error_at(Parser *p, AstErrorKind kind, int lineno, int col1, int end_lineno,
                  int end_col1, const char *fmt, ...);
/* RAISE_SYNTAX_ERROR: at the last token fetched. */
void ast_error_last(Parser *p, AstErrorKind kind, const char *fmt, ...);
void ast_error_nomem(Parser *p);

/* Copy len bytes into the arena with a NUL after them. */
char *ast_strndup(Parser *p, const char *s, size_t len);

/* Parse the STRING tokens toks[first..last] (adjacent literals) into a
 * Constant or JoinedStr (parser_string.c). */
AstExpr *ast_parse_strings(Parser *p, size_t first, size_t last);

/* Parse the text of an f-string replacement field as CPython 3.11 does:
 * "(" + text + ")" tokenized with the given position adjustments and parsed
 * as star_expressions (parser.c). */
AstExpr *ast_parse_fstring_expr(Parser *p, const char *text, size_t len, int line_offset,
                                int col_shift);

#endif
