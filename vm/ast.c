/* ast.c - the arena that owns every AST node and string (see ast.h).
 *
 * Memory comes in chunks from malloc; allocations are bump-pointer, zeroed
 * and 8-byte aligned, and are only ever released all at once by
 * ast_arena_free().  Invariants: `cur`..`end` is the free tail of the first
 * chunk in the list (both NULL before the first allocation); a request
 * larger than a quarter of the normal chunk size gets a chunk of its own,
 * inserted behind the current one so the current free tail is kept.
 */
#include "ast.h"

#include <stdlib.h>
#include <string.h>

#define CHUNK_SIZE (64 * 1024)

struct AstArenaChunk {
    AstArenaChunk *next;
    size_t size;            /* usable bytes after the header */
};

/* Chunk header rounded up so the payload stays 8-byte aligned. */
#define HEADER_SIZE ((sizeof(AstArenaChunk) + 7) & ~(size_t)7)

void ast_arena_init(AstArena *a) {
    a->chunks = NULL;
    a->cur = a->end = NULL;
    a->oom = false;
}

void ast_arena_free(AstArena *a) {
    AstArenaChunk *c = a->chunks;
    while (c) {
        AstArenaChunk *next = c->next;
        free(c);
        c = next;
    }
    ast_arena_init(a);
}

static AstArenaChunk *new_chunk(size_t size) {
    if (size > SIZE_MAX - HEADER_SIZE)
        return NULL;
    AstArenaChunk *c = malloc(HEADER_SIZE + size);
    if (c)
        c->size = size;
    return c;
}

void *ast_alloc(AstArena *a, size_t n) {
    if (n == 0)
        n = 1;
    if (n > SIZE_MAX - 7) {
        a->oom = true;
        return NULL;
    }
    n = (n + 7) & ~(size_t)7;
    if (a->cur && (size_t)(a->end - a->cur) >= n) {
        void *r = a->cur;
        a->cur += n;
        memset(r, 0, n);
        return r;
    }
    if (n > CHUNK_SIZE / 4) {
        AstArenaChunk *c = new_chunk(n);
        if (!c) {
            a->oom = true;
            return NULL;
        }
        if (a->chunks) {
            c->next = a->chunks->next;
            a->chunks->next = c;
        } else {
            c->next = NULL;
            a->chunks = c;
            a->cur = a->end = (char *)c + HEADER_SIZE + n;
        }
        void *r = (char *)c + HEADER_SIZE;
        memset(r, 0, n);
        return r;
    }
    AstArenaChunk *c = new_chunk(CHUNK_SIZE);
    if (!c) {
        a->oom = true;
        return NULL;
    }
    c->next = a->chunks;
    a->chunks = c;
    a->cur = (char *)c + HEADER_SIZE;
    a->end = a->cur + CHUNK_SIZE;
    void *r = a->cur;
    a->cur += n;
    memset(r, 0, n);
    return r;
}
