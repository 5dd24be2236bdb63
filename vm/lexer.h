/* lexer.h - the tokenizer of the txpy front end (used by parser.c only).
 *
 * lex_tokenize() turns a whole UTF-8 source buffer into an array of tokens
 * with CPython 3.11's token boundaries, positions and errors: INDENT/DEDENT
 * from indentation (tabs to the next multiple of 8, TabError on inconsistent
 * use), NEWLINE only outside brackets and on non-blank lines, comments and
 * backslash continuations dropped, keywords recognised as their own token
 * types, numbers and string literals kept as source spans (the parser
 * decodes them).
 *
 * Invariants:
 *  - the array always ends with exactly one LT_ENDMARKER or LT_ERROR token;
 *    when it is LT_ERROR, LexTokens.err describes the tokenizer error and
 *    the parser raises it as soon as it looks at that token (CPython's
 *    tokenizer is lazy: a syntax error found earlier wins, subject to the
 *    override rules described in parser.c);
 *  - positions are CPython's: 1-based lines, 0-based UTF-8 byte columns;
 *    INDENT, DEDENT and ENDMARKER have col == end_col == -1 (as in CPython)
 *    and `curcol` holds the tokenizer's cursor column, which CPython uses to
 *    place errors reported at such tokens;
 *  - the source must already be newline-normalised ('\n' only), free of NUL
 *    bytes and valid UTF-8 (parser.c's prepare step guarantees this).
 */
#ifndef TXPY_LEXER_H
#define TXPY_LEXER_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include "ast.h"

typedef enum LexTokType {
    LT_ENDMARKER, LT_NAME, LT_NUMBER, LT_STRING, LT_NEWLINE, LT_INDENT, LT_DEDENT,
    LT_ERROR,
    /* operators and delimiters */
    LT_LPAR, LT_RPAR, LT_LSQB, LT_RSQB, LT_LBRACE, LT_RBRACE,
    LT_COLON, LT_COMMA, LT_SEMI, LT_DOT, LT_ELLIPSIS, LT_RARROW, LT_COLONEQUAL,
    LT_PLUS, LT_MINUS, LT_STAR, LT_SLASH, LT_VBAR, LT_AMPER, LT_LESS, LT_GREATER,
    LT_EQUAL, LT_PERCENT, LT_EQEQUAL, LT_NOTEQUAL, LT_LESSEQUAL, LT_GREATEREQUAL,
    LT_TILDE, LT_CIRCUMFLEX, LT_LEFTSHIFT, LT_RIGHTSHIFT, LT_DOUBLESTAR,
    LT_DOUBLESLASH, LT_AT,
    LT_PLUSEQUAL, LT_MINEQUAL, LT_STAREQUAL, LT_SLASHEQUAL, LT_PERCENTEQUAL,
    LT_AMPEREQUAL, LT_VBAREQUAL, LT_CIRCUMFLEXEQUAL, LT_LEFTSHIFTEQUAL,
    LT_RIGHTSHIFTEQUAL, LT_DOUBLESTAREQUAL, LT_DOUBLESLASHEQUAL, LT_ATEQUAL,
    LT_OP,              /* any other printable character: '$', '?', '!', '`' */
    /* keywords (Python 3.11's reserved words) */
    LT_FALSE, LT_NONE, LT_TRUE, LT_AND, LT_AS, LT_ASSERT, LT_ASYNC, LT_AWAIT,
    LT_BREAK, LT_CLASS, LT_CONTINUE, LT_DEF, LT_DEL, LT_ELIF, LT_ELSE, LT_EXCEPT,
    LT_FINALLY, LT_FOR, LT_FROM, LT_GLOBAL, LT_IF, LT_IMPORT, LT_IN, LT_IS,
    LT_LAMBDA, LT_NONLOCAL, LT_NOT, LT_OR, LT_PASS, LT_RAISE, LT_RETURN, LT_TRY,
    LT_WHILE, LT_WITH, LT_YIELD,
    LT_NTYPES
} LexTokType;

typedef struct LexToken {
    uint8_t type;           /* LexTokType */
    int16_t level;          /* bracket depth after this token (CPython's tok->level) */
    int32_t lineno, col, end_lineno, end_col;
    int32_t curcol;         /* cursor column after INDENT/DEDENT/ENDMARKER/ERROR */
    size_t start, end;      /* byte span in the source */
} LexToken;

/* How a tokenizer error interacts with a parser error found earlier. */
typedef enum LexErrClass {
    LEXERR_RAISED,      /* CPython raises it inside the tokenizer: always wins */
    LEXERR_EOF,         /* EOF (inside brackets or after '\'): "'(' was never closed" */
    LEXERR_DEFERRED     /* indentation/tab/continuation errors: only when reached */
} LexErrClass;

typedef struct LexError {
    AstErrorKind kind;  /* AST_ERR_SYNTAX, AST_ERR_INDENT, AST_ERR_TAB, AST_ERR_MEMORY */
    LexErrClass klass;
    char msg[200];
    int lineno, offset, end_lineno, end_offset;   /* CPython's SyntaxError fields */
    size_t text_start;  /* byte offset of the start of the error's line */
    int paren_lineno;   /* LEXERR_EOF inside brackets: line of the innermost
                           open bracket (the message is then "'(' was never
                           closed"); 0 otherwise */
} LexError;

typedef struct LexTokens {
    LexToken *toks;     /* malloc'ed; free with lex_free */
    size_t n;
    LexError err;       /* meaningful when toks[n-1].type == LT_ERROR */
} LexTokens;

/* Tokenize src[0..len).  Line numbers are offset by `line_offset` and tokens
 * that end on the first line have `col_shift` added to their columns (this is
 * how CPython positions the expressions of f-strings).  Returns false only
 * when out of memory (out->toks may then be NULL). */
bool lex_tokenize(const char *src, size_t len, int line_offset, int col_shift,
                  LexTokens *out);
void lex_free(LexTokens *t);

/* CPython's _PyPegen_byte_offset_to_character_offset: the 1-based byte
 * column col1 of the line starting at src[ls] as a 1-based character
 * column (invalid bytes count one character each, as in CPython's
 * "replace" decoding), clamped to the line length + 1; col1 <= 0 is
 * returned unchanged. */
int lex_char_col(const char *src, size_t len, size_t ls, int col1);

#endif
