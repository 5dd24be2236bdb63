/* parser_string.c - string literals, bytes literals and f-strings.
 *
 * ast_parse_strings() turns a run of adjacent STRING tokens into one
 * Constant (str or bytes) or JoinedStr, as CPython 3.11's string_parser.c
 * does: each literal's prefix is read, str literals are unescaped (\N{...}
 * is rejected: txpy has no Unicode name table), bytes literals must be ASCII
 * and are unescaped, and f-strings are split into literal text and
 * replacement fields whose expressions are parsed by a sub-parser
 * (ast_parse_fstring_expr in parser.c).  Positions and error messages copy
 * CPython's, quirks included: every node made from the literals spans the
 * whole run of tokens, except a format spec's JoinedStr and its trailing
 * Constant, which span the token the spec is in.
 *
 * Invariants: pending literal text (FState.last) is never empty when it
 * becomes a Constant; every StrBuf is freed on every path; decoded str text
 * is UTF-8 with lone surrogates (from \ud800-style escapes) encoded in three
 * bytes, as CPython's "surrogatepass".
 */
#include "parser_impl.h"
#include "strbuf.h"

#include <string.h>

#define FSTRING_MAXLEVEL 200

/* CPython's FstringParser: literal text not yet turned into a Constant,
 * and the JoinedStr parts made so far. */
typedef struct FState {
    StrBuf last;
    bool fmode;
    AstExpr **parts;
    size_t n, cap;
} FState;

static bool push_part(Parser *p, FState *st, AstExpr *e) {
    if (st->n == st->cap) {
        size_t ncap = st->cap ? st->cap * 2 : 4;
        AstExpr **np = ast_alloc(p->arena, ncap * sizeof *np);
        if (!np) {
            ast_error_nomem(p);
            return false;
        }
        if (st->n)
            memcpy(np, st->parts, st->n * sizeof *np);
        st->parts = np;
        st->cap = ncap;
    }
    st->parts[st->n++] = e;
    return true;
}

static AstExpr *new_node(Parser *p, AstExprKind kind, const LexToken *a, const LexToken *b) {
    AstExpr *e = ast_alloc(p->arena, sizeof *e);
    if (!e) {
        ast_error_nomem(p);
        return NULL;
    }
    e->kind = kind;
    e->lineno = a->lineno;
    e->col = a->col;
    e->end_lineno = b->end_lineno;
    e->end_col = b->end_col;
    return e;
}

/* A str or bytes Constant holding the text of sb (which is then emptied). */
static AstExpr *text_constant(Parser *p, StrBuf *sb, AstConstKind kind, const LexToken *a,
                              const LexToken *b) {
    if (sb->oom) {
        ast_error_nomem(p);
        return NULL;
    }
    AstExpr *e = new_node(p, EXPR_CONSTANT, a, b);
    char *s = ast_strndup(p, sb->len ? sb->data : "", sb->len);
    if (!e || !s)
        return NULL;
    e->u.constant.kind = kind;
    e->u.constant.text = (AstStr){s, sb->len};
    sb_clear(sb);
    return e;
}

/* ---- escapes ---- */

static int hexval(int c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static size_t utf8_len(unsigned char c) {
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* Unescape a str literal body s[0..n) into out, as CPython's
 * decode_unicode_with_escapes.  Error positions are those of the buffer
 * CPython builds first, where each non-ASCII character takes 10 bytes
 * (\UXXXXXXXX) and a backslash before one (or at the end) takes 6. */
static bool decode_str(Parser *p, const char *s, size_t n, StrBuf *out) {
    size_t i = 0, v = 0;        /* raw index, CPython buffer index */
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            size_t k = utf8_len(c);
            sb_append(out, s + i, k);
            i += k;
            v += 10;
            continue;
        }
        if (c != '\\') {
            sb_putc(out, (char)c);
            i++;
            v++;
            continue;
        }
        size_t vstart = v;
        i++;
        v++;
        if (i >= n || (unsigned char)s[i] >= 0x80) {
            sb_putc(out, '\\');     /* became \u005c in CPython's buffer */
            v += 5;
            continue;
        }
        c = (unsigned char)s[i++];
        v++;
        int ndig = 0;
        const char *what = NULL;
        switch (c) {
        case '\n': break;
        case '\\': case '\'': case '"': sb_putc(out, (char)c); break;
        case 'b': sb_putc(out, '\b'); break;
        case 'f': sb_putc(out, '\f'); break;
        case 't': sb_putc(out, '\t'); break;
        case 'n': sb_putc(out, '\n'); break;
        case 'r': sb_putc(out, '\r'); break;
        case 'v': sb_putc(out, '\v'); break;
        case 'a': sb_putc(out, '\a'); break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            uint32_t ch = c - '0';
            for (int k = 0; k < 2 && i < n && s[i] >= '0' && s[i] <= '7'; k++, i++, v++)
                ch = ch * 8 + (uint32_t)(s[i] - '0');
            sb_put_utf8(out, ch);
            break;
        }
        case 'x': ndig = 2; what = "truncated \\xXX escape"; break;
        case 'u': ndig = 4; what = "truncated \\uXXXX escape"; break;
        case 'U': ndig = 8; what = "truncated \\UXXXXXXXX escape"; break;
        case 'N': {
            /* CPython looks the name up; txpy has no name table */
            const char *what = "malformed \\N character escape";
            if (i < n && s[i] == '{') {
                i++;
                v++;
                size_t name = i;
                while (i < n && s[i] != '}') {
                    size_t k = (unsigned char)s[i] >= 0x80 ? utf8_len((unsigned char)s[i]) : 1;
                    v += k > 1 ? 10 : 1;
                    i += k;
                }
                if (i < n && i > name) {
                    i++;
                    v++;
                    what = "\\N{...} character names are not supported";
                }
            }
            ast_error_last(p, AST_ERR_SYNTAX, "(unicode error) 'unicodeescape' codec can't decode "
                           "bytes in position %zu-%zu: %s", vstart, v - 1, what);
            return false;
        }
        default:
            /* an invalid escape stays as written */
            sb_putc(out, '\\');
            sb_putc(out, (char)c);
            break;
        }
        if (ndig) {
            uint32_t ch = 0;
            for (; ndig; ndig--, i++, v++) {
                int d = i < n && (unsigned char)s[i] < 0x80 ? hexval(s[i]) : -1;
                if (d < 0)
                    break;
                ch = ch * 16 + (uint32_t)d;
            }
            if (ndig == 0 && ch > 0x10FFFF)
                what = "illegal Unicode character";
            else if (ndig == 0)
                what = NULL;
            if (what) {
                ast_error_last(p, AST_ERR_SYNTAX, "(unicode error) 'unicodeescape' codec can't "
                               "decode bytes in position %zu-%zu: %s", vstart, v - 1, what);
                return false;
            }
            sb_put_utf8(out, ch);
        }
    }
    return true;
}

/* Unescape a bytes literal body (ASCII only), as CPython's
 * _PyBytes_DecodeEscape. */
static bool decode_bytes(Parser *p, const char *s, size_t n, StrBuf *out) {
    size_t i = 0;
    while (i < n) {
        char c = s[i++];
        if (c != '\\' || i >= n) {
            sb_putc(out, c);
            continue;
        }
        c = s[i++];
        switch (c) {
        case '\n': break;
        case '\\': case '\'': case '"': sb_putc(out, c); break;
        case 'b': sb_putc(out, '\b'); break;
        case 'f': sb_putc(out, '\f'); break;
        case 't': sb_putc(out, '\t'); break;
        case 'n': sb_putc(out, '\n'); break;
        case 'r': sb_putc(out, '\r'); break;
        case 'v': sb_putc(out, '\v'); break;
        case 'a': sb_putc(out, '\a'); break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            unsigned ch = (unsigned)(c - '0');
            for (int k = 0; k < 2 && i < n && s[i] >= '0' && s[i] <= '7'; k++, i++)
                ch = ch * 8 + (unsigned)(s[i] - '0');
            sb_putc(out, (char)(ch & 0xFF));
            break;
        }
        case 'x':
            if (i + 1 < n && hexval(s[i]) >= 0 && hexval(s[i + 1]) >= 0) {
                sb_putc(out, (char)(hexval(s[i]) * 16 + hexval(s[i + 1])));
                i += 2;
                break;
            }
            ast_error_last(p, AST_ERR_SYNTAX, "(value error) invalid \\x escape at position %zu",
                           i - 2);
            return false;
        default:
            sb_putc(out, '\\');
            i--;
            break;
        }
    }
    return true;
}

/* ---- f-strings ---- */

static int fstring_concat(Parser *p, FState *st, const char **str, const char *end, bool raw,
                          int lvl, const LexToken *ft, const LexToken *t, const LexToken *lt);
static AstExpr *fstring_finish(Parser *p, FState *st, const LexToken *a, const LexToken *b);

/* Literal text up to the next unescaped '{' (or '}' closing a format
 * spec), appended to st->last.  Returns 1 when it stopped after a doubled
 * brace (the caller loops), 0 at a brace or the end, -1 on error. */
static int find_literal(Parser *p, FState *st, const char **str, const char *end, bool raw,
                        int lvl) {
    const char *s = *str, *lstart = s;
    int result = 0;
    while (s < end) {
        char ch = *s++;
        if (!raw && ch == '\\' && s < end) {
            ch = *s++;
            if (ch == 'N') {
                /* skip "\N{...}" so its braces do not start a field */
                if (s < end && *s++ == '{') {
                    while (s < end && *s++ != '}')
                        ;
                }
                continue;
            }
        }
        if (ch == '{' || ch == '}') {
            if (lvl == 0) {
                if (s < end && *s == ch) {
                    *str = s + 1;
                    result = 1;
                    goto done;
                }
                if (ch == '}') {
                    *str = s - 1;
                    ast_error_last(p, AST_ERR_SYNTAX, "f-string: single '}' is not allowed");
                    return -1;
                }
            }
            s--;
            break;
        }
    }
    *str = s;
done:
    if (s != lstart) {
        if (raw)
            sb_append(&st->last, lstart, (size_t)(s - lstart));
        else if (!decode_str(p, lstart, (size_t)(s - lstart), &st->last))
            return -1;
    }
    return result;
}

/* CPython's fstring_find_expr_location: how many lines the '{' at `brace`
 * is below the start of token t, and its offset from the token start or
 * from the last newline before it (0 when only blanks follow the brace on
 * its line).  The caller adds the token's column on the token's first line. */
static void expr_location(Parser *p, const LexToken *t, const char *brace, int *lines, int *cols) {
    const char *tok = p->src + t->start, *tend = p->src + t->end;
    *lines = 0;
    *cols = 0;
    bool newline_after_brace = true;
    for (const char *q = brace + 1; q < tend && *q != '}' && *q != '\n'; q++) {
        if (*q != ' ' && *q != '\t' && *q != '\f') {
            newline_after_brace = false;
            break;
        }
    }
    if (!newline_after_brace) {
        const char *q = brace;
        while (q > tok && *q != '\n')
            q--;
        *cols = (int)(brace - q) - (*q == '\n' ? 1 : 0);
    }
    for (const char *q = tok; q < brace; q++)
        if (*q == '\n')
            (*lines)++;
}

/* Parse the expression text [start, end) of a replacement field. */
static AstExpr *compile_expr(Parser *p, const char *start, const char *end, const LexToken *t) {
    const char *s = start;
    while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f'))
        s++;
    if (s == end) {
        if (*end == '!' || *end == ':' || *end == '=')
            ast_error_last(p, AST_ERR_SYNTAX, "f-string: expression required before '%c'", *end);
        else
            ast_error_last(p, AST_ERR_SYNTAX, "f-string: empty expression not allowed");
        return NULL;
    }
    int lines, cols;
    expr_location(p, t, start - 1, &lines, &cols);
    return ast_parse_fstring_expr(p, start, (size_t)(end - start), t->lineno + lines - 1,
                                  lines ? cols : t->col + cols);
}

static bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* A replacement field starting at the '{' at *str: the expression, the
 * '=' text (appended to st->last), conversion and format spec. */
static AstExpr *find_expr(Parser *p, FState *st, const char **str, const char *end, bool raw,
                          int lvl, const LexToken *ft, const LexToken *t, const LexToken *lt) {
    if (lvl >= 2) {
        ast_error_last(p, AST_ERR_SYNTAX, "f-string: expressions nested too deeply");
        return NULL;
    }
    *str += 1;
    const char *expr_start = *str;
    char quote_char = 0, parenstack[FSTRING_MAXLEVEL];
    int string_type = 0, depth = 0;
    for (; *str < end; (*str)++) {
        char ch = **str;
        if (ch == '\\') {
            ast_error_last(p, AST_ERR_SYNTAX, "f-string expression part cannot include a backslash");
            return NULL;
        }
        if (quote_char) {
            if (ch == quote_char) {
                if (string_type == 3) {
                    if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch) {
                        *str += 2;
                        string_type = 0;
                        quote_char = 0;
                    }
                } else {
                    string_type = 0;
                    quote_char = 0;
                }
            }
            continue;
        }
        if (ch == '\'' || ch == '"') {
            if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch) {
                string_type = 3;
                *str += 2;
            } else {
                string_type = 1;
            }
            quote_char = ch;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            if (depth >= FSTRING_MAXLEVEL) {
                ast_error_last(p, AST_ERR_SYNTAX, "f-string: too many nested parenthesis");
                return NULL;
            }
            parenstack[depth++] = ch;
        } else if (ch == '#') {
            ast_error_last(p, AST_ERR_SYNTAX, "f-string expression part cannot include '#'");
            return NULL;
        } else if (depth == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' ||
                                  ch == '<')) {
            if (*str + 1 < end) {
                char next = (*str)[1];
                if ((ch == '!' || ch == '=' || ch == '<' || ch == '>') && next == '=') {
                    *str += 1;
                    continue;
                }
            }
            if (ch == '>' || ch == '<')
                continue;
            break;
        } else if (ch == ']' || ch == '}' || ch == ')') {
            if (!depth) {
                ast_error_last(p, AST_ERR_SYNTAX, "f-string: unmatched '%c'", ch);
                return NULL;
            }
            char opening = parenstack[--depth];
            if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') ||
                  (opening == '{' && ch == '}'))) {
                ast_error_last(p, AST_ERR_SYNTAX, "f-string: closing parenthesis '%c' does not "
                               "match opening parenthesis '%c'", ch, opening);
                return NULL;
            }
        }
    }
    const char *expr_end = *str;
    if (quote_char) {
        ast_error_last(p, AST_ERR_SYNTAX, "f-string: unterminated string");
        return NULL;
    }
    if (depth) {
        ast_error_last(p, AST_ERR_SYNTAX, "f-string: unmatched '%c'", parenstack[depth - 1]);
        return NULL;
    }
    if (*str >= end)
        goto unexpected_end;
    AstExpr *value = compile_expr(p, expr_start, expr_end, t);
    if (!value)
        return NULL;
    bool has_text = false;
    if (**str == '=') {
        *str += 1;
        while (*str < end && is_space(**str))
            *str += 1;
        if (*str >= end)
            goto unexpected_end;
        sb_append(&st->last, expr_start, (size_t)(*str - expr_start));
        has_text = true;
    }
    int conversion = -1;
    if (**str == '!') {
        *str += 1;
        if (*str >= end)
            goto unexpected_end;
        conversion = (unsigned char)**str;
        *str += 1;
        if (conversion != 's' && conversion != 'r' && conversion != 'a') {
            ast_error_last(p, AST_ERR_SYNTAX,
                           "f-string: invalid conversion character: expected 's', 'r', or 'a'");
            return NULL;
        }
    }
    AstExpr *spec = NULL;
    if (*str < end && **str == ':') {
        *str += 1;
        if (*str >= end)
            goto unexpected_end;
        FState sub = {STRBUF_INIT, false, NULL, 0, 0};
        if (fstring_concat(p, &sub, str, end, raw, lvl + 1, ft, t, lt) >= 0)
            spec = fstring_finish(p, &sub, t, t);
        sb_free(&sub.last);
        if (!spec)
            return NULL;
    }
    if (*str >= end || **str != '}')
        goto unexpected_end;
    *str += 1;
    if (has_text && !spec && conversion == -1)
        conversion = 'r';
    AstExpr *e = new_node(p, EXPR_FORMATTEDVALUE, ft, lt);
    if (!e)
        return NULL;
    e->u.formattedvalue.value = value;
    e->u.formattedvalue.conversion = conversion;
    e->u.formattedvalue.format_spec = spec;
    return e;
unexpected_end:
    ast_error_last(p, AST_ERR_SYNTAX, "f-string: expecting '}'");
    return NULL;
}

/* Add the f-string body [*str, end) to st.  Returns -1 on error. */
static int fstring_concat(Parser *p, FState *st, const char **str, const char *end, bool raw,
                          int lvl, const LexToken *ft, const LexToken *t, const LexToken *lt) {
    st->fmode = true;
    for (;;) {
        int r = find_literal(p, st, str, end, raw, lvl);
        if (r < 0)
            return -1;
        if (r == 1)
            continue;
        if (*str >= end || **str == '}')
            break;
        AstExpr *e = find_expr(p, st, str, end, raw, lvl, ft, t, lt);
        if (!e)
            return -1;
        if (st->last.len) {
            AstExpr *c = text_constant(p, &st->last, CONST_STR, ft, lt);
            if (!c || !push_part(p, st, c))
                return -1;
        }
        if (!push_part(p, st, e))
            return -1;
    }
    if (lvl == 0 && *str < end - 1) {
        ast_error_last(p, AST_ERR_SYNTAX, "f-string: unexpected end of string");
        return -1;
    }
    if (lvl != 0 && (*str >= end || **str != '}')) {
        ast_error_last(p, AST_ERR_SYNTAX, "f-string: expecting '}'");
        return -1;
    }
    return 0;
}

/* The Constant (no replacement fields) or JoinedStr for st. */
static AstExpr *fstring_finish(Parser *p, FState *st, const LexToken *a, const LexToken *b) {
    if (!st->fmode)
        return text_constant(p, &st->last, CONST_STR, a, b);
    if (st->last.len) {
        AstExpr *c = text_constant(p, &st->last, CONST_STR, a, b);
        if (!c || !push_part(p, st, c))
            return NULL;
    }
    AstExpr *e = new_node(p, EXPR_JOINEDSTR, a, b);
    if (!e)
        return NULL;
    e->u.joinedstr.values = (AstExprList){st->n, st->parts};
    return e;
}

/* ---- the strings rule ---- */

AstExpr *ast_parse_strings(Parser *p, size_t first, size_t last) {
    const LexToken *ft = &p->toks[first], *lt = &p->toks[last];
    FState st = {STRBUF_INIT, false, NULL, 0, 0};
    StrBuf bytes = STRBUF_INIT;
    bool bytesmode = false;
    AstExpr *result = NULL;
    for (size_t i = first; i <= last; i++) {
        const LexToken *t = &p->toks[i];
        const char *s = p->src + t->start;
        bool this_bytes = false, raw = false, fmode = false;
        while (*s != '\'' && *s != '"') {
            char c = *s++;
            if (c == 'b' || c == 'B')
                this_bytes = true;
            else if (c == 'r' || c == 'R')
                raw = true;
            else if (c == 'f' || c == 'F')
                fmode = true;
        }
        size_t qlen = (p->src + t->end - s >= 6 && s[0] == s[1] && s[1] == s[2]) ? 3 : 1;
        const char *body = s + qlen;
        size_t blen = (size_t)(p->src + t->end - body) - qlen;
        if (!fmode && this_bytes) {
            for (size_t k = 0; k < blen; k++) {
                if ((unsigned char)body[k] >= 0x80) {
                    ast_error_at(p, AST_ERR_SYNTAX, t->lineno, t->col + 1, t->end_lineno,
                                 t->end_col + 1, "bytes can only contain ASCII literal characters");
                    goto out;
                }
            }
        }
        if (!fmode) {
            StrBuf *out = this_bytes ? &bytes : &st.last;
            if (raw || !memchr(body, '\\', blen))
                sb_append(out, body, blen);
            else if (!(this_bytes ? decode_bytes(p, body, blen, out) : decode_str(p, body, blen, out)))
                goto out;
        }
        if (i != first && bytesmode != this_bytes) {
            ast_error_last(p, AST_ERR_SYNTAX, "cannot mix bytes and nonbytes literals");
            goto out;
        }
        bytesmode = this_bytes;
        if (fmode) {
            const char *fs = body;
            if (fstring_concat(p, &st, &fs, body + blen, raw, 0, ft, t, lt) < 0)
                goto out;
        }
    }
    if (bytesmode)
        result = text_constant(p, &bytes, CONST_BYTES, ft, lt);
    else
        result = fstring_finish(p, &st, ft, lt);
out:
    if (st.last.oom || bytes.oom)
        ast_error_nomem(p);
    sb_free(&st.last);
    sb_free(&bytes);
    return p->error ? NULL : result;
}
