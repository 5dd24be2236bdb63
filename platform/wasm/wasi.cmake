# wasi.cmake - CMake toolchain file for the WASI build of txpy:
#
#   cmake -S . -B build-wasi -DCMAKE_TOOLCHAIN_FILE=platform/wasm/wasi.cmake \
#         -DCMAKE_BUILD_TYPE=Release && cmake --build build-wasi -j2
#
# Compiles with `clang --target=wasm32-unknown-wasi` against Debian's
# wasi-libc (headers in /usr/include/wasm32-wasi, found by clang itself) and
# links with wasm-ld.  Everything else (sources, flags, the .wasm suffix,
# the Node launcher) lives in platform/wasm/wasm.cmake.
#
# Invariants: WASI is set (the top CMakeLists.txt tests it); the build is
# single-threaded, so TXPY_STM is forced OFF (transactions run serially);
# the pthread probes of FindThreads are answered here because wasi-libc
# has no pthreads (nothing in this build uses them: platform/wasm/plat_wasi.c
# implements the threading part of platform.h without threads).

set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR wasm32)
set(WASI 1)

set(TXPY_WASI_TRIPLE wasm32-unknown-wasi)
find_program(TXPY_WASI_CLANG NAMES clang clang-14 REQUIRED)
set(CMAKE_C_COMPILER ${TXPY_WASI_CLANG})
set(CMAKE_C_COMPILER_TARGET ${TXPY_WASI_TRIPLE})
find_program(TXPY_WASI_AR NAMES llvm-ar llvm-ar-14 REQUIRED)
find_program(TXPY_WASI_RANLIB NAMES llvm-ranlib llvm-ranlib-14 REQUIRED)
set(CMAKE_AR ${TXPY_WASI_AR} CACHE FILEPATH "archiver for wasm32 objects")
set(CMAKE_RANLIB ${TXPY_WASI_RANLIB} CACHE FILEPATH "ranlib for wasm32 archives")
# The compiler checks link a whole program, which needs no extra flag.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

# No threads: txpy's transactions run one after the other.
set(TXPY_STM OFF CACHE BOOL "Build with the software transactional memory (OFF in the WASI build)" FORCE)
# FindThreads would look for pthread.h, which wasi-libc lacks.
set(CMAKE_HAVE_PTHREAD_H 1 CACHE INTERNAL "")
set(CMAKE_HAVE_LIBC_PTHREAD 1 CACHE INTERNAL "")
set(THREADS_PREFER_PTHREAD_FLAG OFF)

set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
