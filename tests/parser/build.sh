#!/bin/sh
# build.sh - build the parser test driver (tests/unit/test_parser.c) in the
# variants the parser must compile cleanly in.  Usage: tests/parser/build.sh
# [gcc|clang|asan|fuzz|all] (default gcc).  Binaries go to build-parser/.
set -e
cd "$(dirname "$0")/../.."
out=build-parser
mkdir -p "$out"
SRC="vm/ast.c vm/lexer.c vm/parser.c vm/parser_string.c vm/unicode_db.c vm/numfmt.c -lm"
WARN="-std=c11 -Wall -Wextra -Werror"
build() {
    case "$1" in
    gcc)   gcc $WARN -O2 -o "$out/test_parser" tests/unit/test_parser.c $SRC ;;
    clang) clang $WARN -O2 -o "$out/test_parser_clang" tests/unit/test_parser.c $SRC ;;
    asan)  clang $WARN -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
               -o "$out/test_parser_asan" tests/unit/test_parser.c $SRC ;;
    fuzz)  clang $WARN -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
               -o "$out/fuzz_parser" tools/fuzz_parser.c $SRC ;;
    *) echo "unknown variant $1" >&2; exit 2 ;;
    esac
}
if [ "${1:-gcc}" = all ]; then
    for v in gcc clang asan fuzz; do build $v; done
else
    build "${1:-gcc}"
fi
