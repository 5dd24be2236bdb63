/* lexer.c - the tokenizer of the txpy front end: see lexer.h.
 *
 * The scanning follows CPython 3.11's tokenizer closely because its cursor
 * movements decide where errors are reported: the same characters are read
 * and pushed back in the same order, so that an error's column (the cursor
 * column when it is raised) matches CPython's.  The source is viewed line by
 * line like CPython's string tokenizer does: `line_start`..`line_end` is the
 * current line (line_end just past its '\n'), and the line number advances
 * only when the cursor moves past the end of a line and another line exists.
 *
 * Invariants: line_start <= pos <= line_end <= len; the paren and indent
 * stacks never exceed MAXLEVEL/MAXINDENT (errors are raised first); after an
 * error or ENDMARKER no further token is produced.
 */
#include "lexer.h"
#include "unicode_db.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXLEVEL 200        /* brackets, as CPython's tokenizer */
#define MAXINDENT 100       /* indentation levels, as CPython */
#define TABSIZE 8
#define LX_EOF (-1)

typedef struct Lx {
    const char *src;
    size_t len;
    size_t pos, line_start, line_end;
    size_t buf;                 /* CPython's tok->buf: the start of the line
                                   where the current token began, when it
                                   spans lines (continuation column base) */
    bool in_token;              /* CPython's tok->start != NULL */
    int lineno;
    bool atbol;
    bool done;                  /* ENDMARKER or error emitted */
    int level;
    char parenstack[MAXLEVEL];
    int parenline[MAXLEVEL];
    int parencol[MAXLEVEL];
    size_t parenls[MAXLEVEL];
    int indent, pendin;
    int indstack[MAXINDENT];
    int altindstack[MAXINDENT];
    int line_offset, col_shift;
    LexTokens *out;
    size_t cap;
    bool oom;
} Lx;

/* ---- character input, mirroring tok_nextc / tok_backup ---- */

static int nextc(Lx *L) {
    if (L->pos < L->line_end)
        return (unsigned char)L->src[L->pos++];
    if (L->line_end >= L->len)
        return LX_EOF;
    L->line_start = L->line_end;
    if (!L->in_token)
        L->buf = L->line_start;
    const char *nl = memchr(L->src + L->line_start, '\n', L->len - L->line_start);
    L->line_end = nl ? (size_t)(nl - L->src) + 1 : L->len;
    L->lineno++;
    return (unsigned char)L->src[L->pos++];
}

static void backup(Lx *L, int c) {
    if (c != LX_EOF)
        L->pos--;
}

static bool is_digit(int c) { return c >= '0' && c <= '9'; }
static bool is_xdigit(int c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
static bool is_id_start(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}
static bool is_id_char(int c) { return is_id_start(c) || is_digit(c); }

/* Characters (code points) in s[0..n); invalid bytes count one each. */
static int char_count(const char *s, size_t n) {
    int count = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            count++;
    return count;
}

int lex_char_col(const char *src, size_t len, size_t ls, int col1) {
    if (col1 <= 0)
        return col1;
    const char *nl = memchr(src + ls, '\n', len - ls);
    size_t linelen = nl ? (size_t)(nl - (src + ls)) + 1 : len - ls;
    if ((size_t)col1 > linelen)
        return char_count(src + ls, linelen) + 1;
    return char_count(src + ls, (size_t)col1);
}

/* ---- token output ---- */

static LexToken *push(Lx *L, int type) {
    LexTokens *o = L->out;
    if (o->n == L->cap) {
        size_t ncap = L->cap ? L->cap * 2 : 256;
        LexToken *nt = realloc(o->toks, ncap * sizeof *nt);
        if (!nt) {
            L->oom = true;
            L->done = true;
            return NULL;
        }
        o->toks = nt;
        L->cap = ncap;
    }
    LexToken *t = &o->toks[o->n++];
    memset(t, 0, sizeof *t);
    t->type = (uint8_t)type;
    t->level = (int16_t)L->level;
    return t;
}

/* A token spanning src[start..end) that began on line `first_line`, whose
 * line started at `first_ls` (they differ from the current line only for
 * multi-line strings). */
static void emit(Lx *L, int type, size_t start, size_t end, int first_line, size_t first_ls) {
    LexToken *t = push(L, type);
    if (!t)
        return;
    t->start = start;
    t->end = end;
    t->lineno = first_line + L->line_offset;
    t->end_lineno = L->lineno + L->line_offset;
    t->col = (int32_t)(start - first_ls);
    t->end_col = (int32_t)(end - L->line_start);
    if (L->lineno == 1) {
        t->col += L->col_shift;
        t->end_col += L->col_shift;
    }
}

/* INDENT, DEDENT, ENDMARKER, ERROR: no span, col -1, cursor column kept. */
static void emit_marker(Lx *L, int type) {
    LexToken *t = push(L, type);
    if (!t)
        return;
    t->start = t->end = L->pos;
    t->lineno = t->end_lineno = L->lineno + L->line_offset;
    t->col = t->end_col = -1;
    t->curcol = (int32_t)(L->pos - L->line_start);
    if (type == LT_ENDMARKER)
        L->done = true;
}

/* Record an error and end the token stream with LT_ERROR.  `offset` and
 * `end_offset` are final (1-based character columns); `text_ls` is the byte
 * offset where the error's line starts. */
static void fail_at(Lx *L, AstErrorKind kind, LexErrClass klass, int lineno, int offset,
                    int end_offset, size_t text_ls, const char *fmt, ...) {
    LexError *e = &L->out->err;
    memset(e, 0, sizeof *e);
    e->kind = kind;
    e->klass = klass;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    e->lineno = e->end_lineno = lineno + L->line_offset;
    e->offset = offset;
    e->end_offset = end_offset;
    e->text_start = text_ls;
    emit_marker(L, LT_ERROR);
    L->done = true;
}

/* CPython's tokenizer syntaxerror(): the caret goes at the cursor. */
static void syntax_error(Lx *L, const char *fmt, ...) {
    char msg[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    int col = char_count(L->src + L->line_start, L->pos - L->line_start);
    fail_at(L, AST_ERR_SYNTAX, LEXERR_RAISED, L->lineno, col, col, L->line_start, "%s", msg);
}

/* Errors CPython's parser reports when it reaches the ERRORTOKEN
 * (pegen's tokenizer_error). */
static void deferred_error(Lx *L, AstErrorKind kind, int bytecol, int end_offset, const char *msg) {
    int col = lex_char_col(L->src, L->len, L->line_start, bytecol);
    fail_at(L, kind, LEXERR_DEFERRED, L->lineno, col, end_offset, L->line_start, "%s", msg);
}

/* EOF inside brackets or right after a backslash continuation. */
static void eof_error(Lx *L) {
    L->pos = L->line_end;
    if (L->level > 0) {
        int k = L->level - 1;
        int col = lex_char_col(L->src, L->len, L->parenls[k], L->parencol[k] + 1);
        int lineno = L->parenline[k];
        char c = L->parenstack[k];
        /* fail_at adds line_offset: pass the local line */
        fail_at(L, AST_ERR_SYNTAX, LEXERR_EOF, lineno, col, 0, L->parenls[k],
                "'%c' was never closed", c);
        L->out->err.paren_lineno = lineno + L->line_offset;
    } else {
        int col = lex_char_col(L->src, L->len, L->line_start, (int)(L->pos - L->line_start));
        fail_at(L, AST_ERR_SYNTAX, LEXERR_EOF, L->lineno, col, -1, L->line_start,
                "unexpected EOF while parsing");
    }
}

static void indent_error(Lx *L) {
    L->pos = L->line_end;
    deferred_error(L, AST_ERR_TAB, 1, 0, "inconsistent use of tabs and spaces in indentation");
}

/* ---- identifiers and keywords ---- */

static int keyword_type(const char *s, size_t n) {
#define KW(w, t) {w, sizeof w - 1, t}
    static const struct { const char *kw; size_t len; int type; } kws[] = {
        KW("False", LT_FALSE), KW("None", LT_NONE), KW("True", LT_TRUE), KW("and", LT_AND),
        KW("as", LT_AS), KW("assert", LT_ASSERT), KW("async", LT_ASYNC), KW("await", LT_AWAIT),
        KW("break", LT_BREAK), KW("class", LT_CLASS), KW("continue", LT_CONTINUE),
        KW("def", LT_DEF), KW("del", LT_DEL), KW("elif", LT_ELIF), KW("else", LT_ELSE),
        KW("except", LT_EXCEPT), KW("finally", LT_FINALLY), KW("for", LT_FOR),
        KW("from", LT_FROM), KW("global", LT_GLOBAL), KW("if", LT_IF), KW("import", LT_IMPORT),
        KW("in", LT_IN), KW("is", LT_IS), KW("lambda", LT_LAMBDA), KW("nonlocal", LT_NONLOCAL),
        KW("not", LT_NOT), KW("or", LT_OR), KW("pass", LT_PASS), KW("raise", LT_RAISE),
        KW("return", LT_RETURN), KW("try", LT_TRY), KW("while", LT_WHILE), KW("with", LT_WITH),
        KW("yield", LT_YIELD),
    };
#undef KW
    if (n < 2 || n > 8)
        return LT_NAME;
    char c = s[0];
    if (!((c >= 'a' && c <= 'y') || c == 'F' || c == 'N' || c == 'T'))
        return LT_NAME;
    for (size_t i = 0; i < sizeof kws / sizeof kws[0]; i++)
        if (kws[i].kw[0] == c && kws[i].len == n && memcmp(kws[i].kw, s, n) == 0)
            return kws[i].type;
    return LT_NAME;
}

static uint32_t utf8_decode(const char *s, size_t n, size_t *used) {
    const unsigned char *u = (const unsigned char *)s;
    uint32_t c = u[0];
    size_t k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (k > n)
        k = n;
    if (k == 2)
        c &= 0x1F;
    else if (k == 3)
        c &= 0x0F;
    else if (k == 4)
        c &= 0x07;
    for (size_t i = 1; i < k; i++)
        c = (c << 6) | (u[i] & 0x3F);
    *used = k;
    return c;
}

/* CPython's verify_identifier: every character must be XID_Start ('_')
 * then XID_Continue; the caret goes just after the first bad one. */
static bool verify_identifier(Lx *L, size_t start) {
    size_t i = start, used;
    bool first = true;
    while (i < L->pos) {
        uint32_t cp = utf8_decode(L->src + i, L->pos - i, &used);
        bool ok = first ? (ucd_isxid_start(cp) || cp == '_') : ucd_isxid_continue(cp);
        if (!ok) {
            L->pos = i + used;
            char hex[16];
            snprintf(hex, sizeof hex, "%04X", (unsigned)cp);
            if (ucd_isprintable(cp))
                syntax_error(L, "invalid character '%.*s' (U+%s)", (int)used, L->src + i, hex);
            else
                syntax_error(L, "invalid non-printable character U+%s", hex);
            return false;
        }
        first = false;
        i += used;
    }
    return true;
}

/* ---- numbers ---- */

/* CPython's lookahead(): is the text `test` next, not followed by an
 * identifier character?  The cursor is left where it was. */
static bool lookahead(Lx *L, const char *test) {
    const char *s = test;
    bool res = false;
    for (;;) {
        int c = nextc(L);
        if (*s == 0) {
            res = !is_id_char(c);
        } else if (c == (unsigned char)*s) {
            s++;
            continue;
        }
        backup(L, c);
        while (s != test)
            backup(L, *--s);
        return res;
    }
}

/* A number may be followed directly by a keyword that can follow it in
 * valid code ("1if x else y"); any other ASCII identifier character is an
 * error (CPython 3.11 lets a non-ASCII one through to the parser). */
static bool verify_end_of_number(Lx *L, int c, const char *kind) {
    bool r = false;
    if (c == 'a')
        r = lookahead(L, "nd");
    else if (c == 'e')
        r = lookahead(L, "lse");
    else if (c == 'f')
        r = lookahead(L, "or");
    else if (c == 'i') {
        int c2 = nextc(L);
        r = c2 == 'f' || c2 == 'n' || c2 == 's';
        backup(L, c2);
    } else if (c == 'o')
        r = lookahead(L, "r");
    else if (c == 'n')
        r = lookahead(L, "ot");
    if (!r && c < 128 && is_id_char(c)) {
        backup(L, c);
        syntax_error(L, "invalid %s literal", kind);
        return false;
    }
    return true;
}

/* Digits with single underscores between them; returns the character after
 * them, or 0 after an error. */
static int decimal_tail(Lx *L) {
    int c;
    for (;;) {
        do
            c = nextc(L);
        while (is_digit(c));
        if (c != '_')
            break;
        c = nextc(L);
        if (!is_digit(c)) {
            backup(L, c);
            syntax_error(L, "invalid decimal literal");
            return 0;
        }
    }
    return c;
}

/* Scan a radix literal after its "0x"/"0o"/"0b" prefix.  Returns the
 * character after it, or 0 after an error. */
static int radix_tail(Lx *L, int radix, const char *kind) {
    int c = nextc(L);
    do {
        if (c == '_')
            c = nextc(L);
        bool ok = radix == 16 ? is_xdigit(c) : (c >= '0' && c < '0' + radix);
        if (!ok) {
            if (radix != 16 && is_digit(c)) {
                syntax_error(L, "invalid digit '%c' in %s literal", c, kind);
            } else {
                backup(L, c);
                syntax_error(L, "invalid %s literal", kind);
            }
            return 0;
        }
        do
            c = nextc(L);
        while (radix == 16 ? is_xdigit(c) : (c >= '0' && c < '0' + radix));
    } while (c == '_');
    if (radix != 16 && is_digit(c)) {
        syntax_error(L, "invalid digit '%c' in %s literal", c, kind);
        return 0;
    }
    return verify_end_of_number(L, c, kind) ? c : 0;
}

/* The part of a decimal number after its integer digits: fraction,
 * exponent, imaginary suffix.  `c` is the character after the digits;
 * `state` says where to enter (0: at '.'-check, 1: just after '.', 2: at an
 * exponent letter, 3: at 'j').  Returns false after an error, else leaves
 * the cursor after the number. */
static bool number_rest(Lx *L, int c, int state) {
    if (state == 0 && c == '.') {
        c = nextc(L);
        state = 1;
    }
    if (state == 1) {
        if (is_digit(c)) {
            c = decimal_tail(L);
            if (c == 0)
                return false;
        }
        state = 0;
    }
    if (state == 2 || (state == 0 && (c == 'e' || c == 'E'))) {
        int e = c;
        c = nextc(L);
        if (c == '+' || c == '-') {
            c = nextc(L);
            if (!is_digit(c)) {
                backup(L, c);
                syntax_error(L, "invalid decimal literal");
                return false;
            }
        } else if (!is_digit(c)) {
            backup(L, c);
            if (!verify_end_of_number(L, e, "decimal"))
                return false;
            backup(L, e);
            return true;
        }
        c = decimal_tail(L);
        if (c == 0)
            return false;
        state = 0;
    }
    if (state == 3 || c == 'j' || c == 'J') {
        c = nextc(L);
        if (!verify_end_of_number(L, c, "imaginary"))
            return false;
    } else if (!verify_end_of_number(L, c, "decimal")) {
        return false;
    }
    backup(L, c);
    return true;
}

/* A number starting at `start` with the digit c (already read). */
static bool scan_number(Lx *L, size_t start, int c) {
    if (c != '0') {
        c = decimal_tail(L);
        return c != 0 && number_rest(L, c, 0);
    }
    c = nextc(L);
    if (c == 'x' || c == 'X' || c == 'o' || c == 'O' || c == 'b' || c == 'B') {
        int radix = (c == 'x' || c == 'X') ? 16 : (c == 'o' || c == 'O') ? 8 : 2;
        c = radix_tail(L, radix, radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary");
        if (c == 0)
            return false;
        backup(L, c);
        return true;
    }
    /* "0", "00", "0_0", or a float/imaginary starting with zeros */
    bool nonzero = false;
    for (;;) {
        if (c == '_') {
            c = nextc(L);
            if (!is_digit(c)) {
                backup(L, c);
                syntax_error(L, "invalid decimal literal");
                return false;
            }
        }
        if (c != '0')
            break;
        c = nextc(L);
    }
    size_t zeros_end = L->pos;
    if (is_digit(c)) {
        nonzero = true;
        c = decimal_tail(L);
        if (c == 0)
            return false;
    }
    if (c == '.')
        return number_rest(L, nextc(L), 1);
    if (c == 'e' || c == 'E')
        return number_rest(L, c, 2);
    if (c == 'j' || c == 'J')
        return number_rest(L, c, 3);
    if (nonzero) {
        /* old-style octal, now disallowed; CPython passes byte columns */
        backup(L, c);
        fail_at(L, AST_ERR_SYNTAX, LEXERR_RAISED, L->lineno, (int)(start + 1 - L->line_start),
                (int)(zeros_end - L->line_start), L->line_start,
                "leading zeros in decimal integer literals are not permitted; "
                "use an 0o prefix for octal integers");
        return false;
    }
    if (!verify_end_of_number(L, c, "decimal"))
        return false;
    backup(L, c);
    return true;
}

/* ---- strings ---- */

/* A string literal whose prefix started at `start`; the opening quote has
 * just been read.  The token keeps prefix and quotes; parser.c decodes it. */
static void scan_string(Lx *L, size_t start, int quote) {
    int first_line = L->lineno;
    size_t first_ls = L->line_start;
    int quote_size = 1, end_quote_size = 0;
    int c = nextc(L);
    if (c == quote) {
        c = nextc(L);
        if (c == quote)
            quote_size = 3;
        else
            end_quote_size = 1;     /* empty string */
    }
    if (c != quote)
        backup(L, c);
    while (end_quote_size != quote_size) {
        c = nextc(L);
        if (c == LX_EOF || (quote_size == 1 && c == '\n')) {
            /* report from the start of the literal, on its first line */
            int detected = L->lineno;
            L->pos = start + 1;
            L->line_start = first_ls;
            L->lineno = first_line;
            if (quote_size == 3)
                syntax_error(L, "unterminated triple-quoted string literal (detected at line %d)",
                             detected + L->line_offset);
            else
                syntax_error(L, "unterminated string literal (detected at line %d)",
                             detected + L->line_offset);
            return;
        }
        if (c == quote) {
            end_quote_size++;
        } else {
            end_quote_size = 0;
            if (c == '\\')
                nextc(L);
        }
    }
    emit(L, LT_STRING, start, L->pos, first_line, first_ls);
}

/* ---- operators ---- */

static int one_char(int c) {
    switch (c) {
    case '(': return LT_LPAR;
    case ')': return LT_RPAR;
    case '[': return LT_LSQB;
    case ']': return LT_RSQB;
    case '{': return LT_LBRACE;
    case '}': return LT_RBRACE;
    case ':': return LT_COLON;
    case ',': return LT_COMMA;
    case ';': return LT_SEMI;
    case '+': return LT_PLUS;
    case '-': return LT_MINUS;
    case '*': return LT_STAR;
    case '/': return LT_SLASH;
    case '|': return LT_VBAR;
    case '&': return LT_AMPER;
    case '<': return LT_LESS;
    case '>': return LT_GREATER;
    case '=': return LT_EQUAL;
    case '.': return LT_DOT;
    case '%': return LT_PERCENT;
    case '~': return LT_TILDE;
    case '^': return LT_CIRCUMFLEX;
    case '@': return LT_AT;
    default: return LT_OP;
    }
}

/* Two-character operators, or -1.  "<>" is a token in CPython too (it only
 * parses under barry_as_FLUFL), so it is kept as one unmatched LT_OP. */
static int two_chars(int c1, int c2) {
    switch (c1) {
    case '!': return c2 == '=' ? LT_NOTEQUAL : -1;
    case '%': return c2 == '=' ? LT_PERCENTEQUAL : -1;
    case '&': return c2 == '=' ? LT_AMPEREQUAL : -1;
    case '*': return c2 == '*' ? LT_DOUBLESTAR : c2 == '=' ? LT_STAREQUAL : -1;
    case '+': return c2 == '=' ? LT_PLUSEQUAL : -1;
    case '-': return c2 == '=' ? LT_MINEQUAL : c2 == '>' ? LT_RARROW : -1;
    case '/': return c2 == '/' ? LT_DOUBLESLASH : c2 == '=' ? LT_SLASHEQUAL : -1;
    case ':': return c2 == '=' ? LT_COLONEQUAL : -1;
    case '<': return c2 == '<' ? LT_LEFTSHIFT : c2 == '=' ? LT_LESSEQUAL : c2 == '>' ? LT_OP : -1;
    case '=': return c2 == '=' ? LT_EQEQUAL : -1;
    case '>': return c2 == '=' ? LT_GREATEREQUAL : c2 == '>' ? LT_RIGHTSHIFT : -1;
    case '@': return c2 == '=' ? LT_ATEQUAL : -1;
    case '^': return c2 == '=' ? LT_CIRCUMFLEXEQUAL : -1;
    case '|': return c2 == '=' ? LT_VBAREQUAL : -1;
    default: return -1;
    }
}

static int three_chars(int c1, int c2, int c3) {
    if (c3 != '=')
        return -1;
    if (c1 == '*' && c2 == '*') return LT_DOUBLESTAREQUAL;
    if (c1 == '/' && c2 == '/') return LT_DOUBLESLASHEQUAL;
    if (c1 == '<' && c2 == '<') return LT_LEFTSHIFTEQUAL;
    if (c1 == '>' && c2 == '>') return LT_RIGHTSHIFTEQUAL;
    return -1;
}

/* ---- the main loop (CPython's tok_get) ---- */

/* After a backslash: the line must end there and another must follow. */
static bool continuation_line(Lx *L) {
    int c = nextc(L);
    if (c != '\n') {
        /* CPython measures this column from tok->buf, not the line start */
        int col = char_count(L->src + L->buf, L->pos - L->buf);
        fail_at(L, AST_ERR_SYNTAX, LEXERR_DEFERRED, L->lineno, col, 0, L->line_start,
                "unexpected character after line continuation character");
        return false;
    }
    c = nextc(L);
    if (c == LX_EOF) {
        eof_error(L);
        return false;
    }
    backup(L, c);
    return true;
}

/* Measure the indentation of a new line and queue INDENT/DEDENT tokens.
 * Returns false after an error; *blank says the line has no token. */
static bool indentation(Lx *L, bool *blank) {
    int col = 0, altcol = 0, cont_line_col = 0, c;
    for (;;) {
        c = nextc(L);
        if (c == ' ') {
            col++;
            altcol++;
        } else if (c == '\t') {
            col = (col / TABSIZE + 1) * TABSIZE;
            altcol++;
        } else if (c == '\f') {
            col = altcol = 0;
        } else if (c == '\\') {
            /* the first backslash decides the indentation of what follows */
            cont_line_col = cont_line_col ? cont_line_col : col;
            if (!continuation_line(L))
                return false;
        } else {
            break;
        }
    }
    backup(L, c);
    *blank = c == '#' || c == '\n';
    if (*blank || L->level != 0)
        return true;
    if (cont_line_col)
        col = altcol = cont_line_col;
    if (col == L->indstack[L->indent]) {
        if (altcol != L->altindstack[L->indent]) {
            indent_error(L);
            return false;
        }
    } else if (col > L->indstack[L->indent]) {
        if (L->indent + 1 >= MAXINDENT) {
            L->pos = L->line_end;
            deferred_error(L, AST_ERR_INDENT, 1, 0, "too many levels of indentation");
            return false;
        }
        if (altcol <= L->altindstack[L->indent]) {
            indent_error(L);
            return false;
        }
        L->pendin++;
        L->indent++;
        L->indstack[L->indent] = col;
        L->altindstack[L->indent] = altcol;
    } else {
        while (L->indent > 0 && col < L->indstack[L->indent]) {
            L->pendin--;
            L->indent--;
        }
        if (col != L->indstack[L->indent]) {
            L->pos = L->line_end;
            deferred_error(L, AST_ERR_INDENT, (int)(L->pos - L->line_start), -1,
                           "unindent does not match any outer indentation level");
            return false;
        }
        if (altcol != L->altindstack[L->indent]) {
            indent_error(L);
            return false;
        }
    }
    return true;
}

/* Produce the next token(s). */
static void lex_one(Lx *L) {
    int c;
    bool blankline;
nextline:
    blankline = false;
    L->in_token = false;
    if (L->atbol) {
        L->atbol = false;
        if (!indentation(L, &blankline))
            return;
    }
    if (L->pendin != 0) {
        for (; L->pendin < 0; L->pendin++)
            emit_marker(L, LT_DEDENT);
        for (; L->pendin > 0; L->pendin--)
            emit_marker(L, LT_INDENT);
        return;
    }
again:
    L->in_token = false;
    do
        c = nextc(L);
    while (c == ' ' || c == '\t' || c == '\f');
    size_t start = L->pos - 1;
    L->in_token = true;
    if (c == '#') {
        /* a comment runs to the end of the line (which is in the buffer) */
        L->pos = L->line_end;
        c = L->src[L->pos - 1] == '\n' ? '\n' : LX_EOF;
    }
    if (c == LX_EOF) {
        if (L->level)
            eof_error(L);
        else
            emit_marker(L, LT_ENDMARKER);
        return;
    }
    if (is_id_start(c)) {
        bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
        for (;;) {
            if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B'))
                saw_b = true;
            else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U'))
                saw_u = true;
            else if (!(saw_r || saw_u) && (c == 'r' || c == 'R'))
                saw_r = true;
            else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F'))
                saw_f = true;
            else
                break;
            c = nextc(L);
            if (c == '"' || c == '\'') {
                scan_string(L, start, c);
                return;
            }
        }
        /* c (already read) and the rest of the identifier, straight from
         * the line */
        bool nonascii = false;
        if (is_id_char(c)) {
            nonascii = c >= 128;
            while (L->pos < L->line_end && is_id_char((unsigned char)L->src[L->pos])) {
                nonascii |= (unsigned char)L->src[L->pos] >= 128;
                L->pos++;
            }
        } else {
            backup(L, c);
        }
        if (nonascii && !verify_identifier(L, start))
            return;
        emit(L, keyword_type(L->src + start, L->pos - start), start, L->pos, L->lineno,
             L->line_start);
        return;
    }
    if (c == '\n') {
        L->atbol = true;
        if (blankline || L->level > 0)
            goto nextline;
        emit(L, LT_NEWLINE, start, L->pos - 1, L->lineno, L->line_start);
        return;
    }
    if (c == '.') {
        c = nextc(L);
        if (is_digit(c)) {
            if (number_rest(L, c, 1))
                emit(L, LT_NUMBER, start, L->pos, L->lineno, L->line_start);
            return;
        }
        if (c == '.') {
            c = nextc(L);
            if (c == '.') {
                emit(L, LT_ELLIPSIS, start, L->pos, L->lineno, L->line_start);
                return;
            }
            backup(L, c);
            backup(L, '.');
        } else {
            backup(L, c);
        }
        emit(L, LT_DOT, start, L->pos, L->lineno, L->line_start);
        return;
    }
    if (is_digit(c)) {
        if (scan_number(L, start, c))
            emit(L, LT_NUMBER, start, L->pos, L->lineno, L->line_start);
        return;
    }
    if (c == '"' || c == '\'') {
        scan_string(L, start, c);
        return;
    }
    if (c == '\\') {
        if (!continuation_line(L))
            return;
        goto again;
    }
    int c2 = nextc(L);
    int t2 = two_chars(c, c2);
    if (t2 >= 0) {
        int c3 = nextc(L);
        int t3 = three_chars(c, c2, c3);
        if (t3 >= 0)
            t2 = t3;
        else
            backup(L, c3);
        emit(L, t2, start, L->pos, L->lineno, L->line_start);
        return;
    }
    backup(L, c2);
    switch (c) {
    case '(':
    case '[':
    case '{':
        if (L->level >= MAXLEVEL) {
            syntax_error(L, "too many nested parentheses");
            return;
        }
        L->parenstack[L->level] = (char)c;
        L->parenline[L->level] = L->lineno;
        L->parencol[L->level] = (int)(start - L->line_start);
        L->parenls[L->level] = L->line_start;
        L->level++;
        break;
    case ')':
    case ']':
    case '}': {
        if (!L->level) {
            syntax_error(L, "unmatched '%c'", c);
            return;
        }
        L->level--;
        int opening = L->parenstack[L->level];
        if (!((opening == '(' && c == ')') || (opening == '[' && c == ']') ||
              (opening == '{' && c == '}'))) {
            if (L->parenline[L->level] != L->lineno)
                syntax_error(L, "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
                             c, opening, L->parenline[L->level] + L->line_offset);
            else
                syntax_error(L, "closing parenthesis '%c' does not match opening parenthesis '%c'",
                             c, opening);
            return;
        }
        break;
    }
    default:
        break;
    }
    if (c < 0x20 || c == 0x7f) {
        syntax_error(L, "invalid non-printable character U+%04X", (unsigned)c);
        return;
    }
    emit(L, one_char(c), start, L->pos, L->lineno, L->line_start);
}

bool lex_tokenize(const char *src, size_t len, int line_offset, int col_shift,
                  LexTokens *out) {
    memset(out, 0, sizeof *out);
    Lx *L = calloc(1, sizeof *L);
    if (!L)
        return false;
    L->src = src;
    L->len = len;
    L->atbol = true;
    L->line_offset = line_offset;
    L->col_shift = col_shift;
    L->out = out;
    while (!L->done)
        lex_one(L);
    bool ok = !L->oom;
    free(L);
    if (!ok) {
        lex_free(out);
        return false;
    }
    return true;
}

void lex_free(LexTokens *t) {
    free(t->toks);
    t->toks = NULL;
    t->n = 0;
}
