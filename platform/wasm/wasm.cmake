# wasm.cmake - everything WebAssembly-specific in txpy's build, included by
# the top CMakeLists.txt in place of its platform branch (sets
# PLATFORM_SOURCES, compile and link options, and the wasm-only targets).
#
# Emscripten (emcmake cmake -S . -B build-wasm): vm/ and stm/ with
# platform/native/plat_posix.c (pthreads are Web Workers sharing one
# SharedArrayBuffer heap) and platform/wasm/plat_emscripten.c, linked twice:
#   txpy.js  (+ .wasm, .worker.js)  the command line of platform/native/main.c
#            for Node: main() on a pthread (PROXY_TO_PTHREAD), the host's
#            files (NODERAWFS), exit codes (EXIT_RUNTIME);
#            build-wasm/txpy is its executable launcher;
#   txpy-core.js (+ .wasm, .worker.js)  the embeddable module behind the JS
#            API (platform/wasm/embed.c; MODULARIZE, web + worker + node),
#            next to copies of txpy.mjs (the API) and txpy-worker.js.
# WASI (-DCMAKE_TOOLCHAIN_FILE=platform/wasm/wasi.cmake): vm/ and stm/ with
#   platform/wasm/plat_wasi.c, single-threaded and TXPY_STM=OFF, linked as
#   build-wasi/txpy.wasm; build-wasi/txpy is its Node (node:wasi) launcher.
#
# Both keep the frozen library (lib/*.py) DEFLATE-compressed in the .wasm
# (pack_frozen.py, inflate.c).
#
# Invariants: the native build never includes this file; every object of
# the Emscripten build is compiled with -pthread and the same setjmp
# model; Release builds are post-optimized by binaryen's wasm-opt; the
# launchers and JS files in the build directory are regenerated from
# platform/wasm whenever those change (configure_file).

set(TXPY_WASM_DIR ${CMAKE_SOURCE_DIR}/platform/wasm)
find_program(TXPY_WASM_OPT wasm-opt)
set(TXPY_WASM_OPT_FLAGS -O3 CACHE STRING "wasm-opt optimisation flags for Release builds")
# The frozen library, compressed (a quarter of the .wasm otherwise):
# replaces the top file's frozen_modules.c, whose rule then goes unused.
set(FROZEN_C ${CMAKE_BINARY_DIR}/frozen_packed.c)
add_custom_command(
  OUTPUT ${FROZEN_C}
  COMMAND ${Python3_EXECUTABLE} ${TXPY_WASM_DIR}/pack_frozen.py ${FROZEN_C} ${CMAKE_SOURCE_DIR}/lib
  DEPENDS ${TXPY_LIB_SOURCES} ${TXPY_WASM_DIR}/pack_frozen.py
  COMMENT "Packing lib/*.py")
set(TXPY_WASM_COMMON_SOURCES ${TXPY_WASM_DIR}/inflate.c)

# Code run once per program or on errors (the front end, start-up, error
# formatting, codecs) is compiled for size: -Os halves it, at no cost to
# the interpreter loop, and keeps the .wasm within its budget.
set(TXPY_WASM_COLD_SOURCES parser.c parser_string.c lexer.c ast.c compile.c dis.c error.c
    codecs.c numfmt.c unicode_db.c import.c bytes.c mod_sys.c mod_time.c mod_random.c)
list(TRANSFORM TXPY_WASM_COLD_SOURCES PREPEND ${CMAKE_SOURCE_DIR}/vm/)
set_source_files_properties(${TXPY_WASM_COLD_SOURCES} PROPERTIES COMPILE_OPTIONS -Os)

# The launchers and Emscripten's output are CommonJS: say so next to them,
# whatever a package.json further up declares.
file(WRITE ${CMAKE_BINARY_DIR}/package.json "{ \"type\": \"commonjs\" }\n")

if(EMSCRIPTEN)
  set(PLATFORM_SOURCES ${CMAKE_SOURCE_DIR}/platform/native/plat_posix.c ${CMAKE_SOURCE_DIR}/platform/native/plat_posix_io.c ${TXPY_WASM_DIR}/plat_emscripten.c
      ${TXPY_WASM_COMMON_SOURCES})
  # setjmp/longjmp (STM aborts) with wasm exception handling: no JS
  # trampolines around calls made by functions that call setjmp.
  set(TXPY_EM_SJLJ -sSUPPORT_LONGJMP=wasm)
  add_compile_options(-pthread ${TXPY_EM_SJLJ})
  add_link_options(-pthread ${TXPY_EM_SJLJ})
  set(TXPY_EM_FEATURES --enable-threads --enable-bulk-memory --enable-mutable-globals
      --enable-sign-ext --enable-nontrapping-float-to-int --enable-exception-handling)
  # Memory: grows on demand up to 2 GiB; the GC raises MemoryError before
  # that (plat_memory_limit).  One 8 MiB C stack for main (twice: the
  # runtime's own and main's pthread), 8 MiB per VM thread (vm/).
  set(TXPY_EM_COMMON
      -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=64MB -sMAXIMUM_MEMORY=2GB
      -sTOTAL_STACK=8MB -sDEFAULT_PTHREAD_STACK_SIZE=1MB
      -sABORTING_MALLOC=0 -sSTACK_OVERFLOW_CHECK=0)

  function(txpy_wasm_emscripten_targets)
    set(_out ${CMAKE_BINARY_DIR})
    # -- the command line for Node --
    # The pool (pre-cli.js sizes it from --workers / TXPY_WORKERS): one
    # worker for main() (PROXY_TO_PTHREAD) unless transaction workers were
    # asked for; other threads start on demand, which the main thread,
    # free of main(), always can.  A pool worker started in vain costs
    # ~70 ms of start-up on a busy machine.
    target_link_options(txpy PRIVATE ${TXPY_EM_COMMON}
      -sENVIRONMENT=node -sNODERAWFS=1 -sEXIT_RUNTIME=1 -sPROXY_TO_PTHREAD=1
      "-sPTHREAD_POOL_SIZE=Module.poolSize||1"
      --pre-js ${TXPY_WASM_DIR}/pre-cli.js)
    set_property(TARGET txpy APPEND PROPERTY LINK_DEPENDS ${TXPY_WASM_DIR}/pre-cli.js)
    configure_file(${TXPY_WASM_DIR}/txpy-launcher.js ${_out}/txpy COPYONLY
                   FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ
                   GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

    # -- the embeddable module of the JS API --
    add_executable(txpy_core_js ${TXPY_WASM_DIR}/embed.c)
    set_target_properties(txpy_core_js PROPERTIES OUTPUT_NAME txpy-core)
    target_link_libraries(txpy_core_js PRIVATE txpy_core)
    target_link_options(txpy_core_js PRIVATE ${TXPY_EM_COMMON}
      -sMODULARIZE=1 -sEXPORT_NAME=createTxpyCore -sENVIRONMENT=web,worker,node
      -sNODEJS_CATCH_EXIT=0 -sNODEJS_CATCH_REJECTION=0 -sEXIT_RUNTIME=0
      "-sPTHREAD_POOL_SIZE=Module.poolSize||2"
      "-sEXPORTED_FUNCTIONS=[_malloc,_free]" "-sEXPORTED_RUNTIME_METHODS=[FS]")
    foreach(_f txpy.mjs txpy-worker.js)
      configure_file(${TXPY_WASM_DIR}/${_f} ${_out}/${_f} COPYONLY)
    endforeach()

    if(CMAKE_BUILD_TYPE STREQUAL "Release" AND TXPY_WASM_OPT)
      foreach(_t txpy txpy_core_js)
        get_target_property(_name ${_t} OUTPUT_NAME)
        if(NOT _name)
          set(_name ${_t})
        endif()
        add_custom_command(TARGET ${_t} POST_BUILD
          COMMAND ${TXPY_WASM_OPT} ${TXPY_WASM_OPT_FLAGS} ${TXPY_EM_FEATURES}
                  ${_out}/${_name}.wasm -o ${_out}/${_name}.wasm
          COMMENT "wasm-opt ${_name}.wasm")
      endforeach()
    endif()
  endfunction()
  cmake_language(DEFER CALL txpy_wasm_emscripten_targets)

elseif(WASI)
  set(PLATFORM_SOURCES ${TXPY_WASM_DIR}/plat_wasi.c ${CMAKE_SOURCE_DIR}/platform/native/plat_posix_io.c ${TXPY_WASM_COMMON_SOURCES})
  set(CMAKE_EXECUTABLE_SUFFIX .wasm)
  set(TXPY_WASI_MAX_MEMORY 2147483648)
  # wasi-libc has no <setjmp.h>: platform/wasm/wasi-include supplies one
  # for this single-threaded build, where no transaction ever aborts.
  include_directories(BEFORE SYSTEM ${TXPY_WASM_DIR}/wasi-include)
  # wasi-libc's emulations of signal() (main.c; no signal ever arrives)
  # and clock() (the unit tests).
  add_compile_definitions(_WASI_EMULATED_SIGNAL _WASI_EMULATED_PROCESS_CLOCKS
                          TXPY_WASI_MAX_MEMORY=${TXPY_WASI_MAX_MEMORY})
  # WebAssembly 2.0 features every current runtime has (memory.copy/fill
  # for memcpy/memset, saturating float->int).
  add_compile_options(-mbulk-memory -msign-ext -mnontrapping-fptoint -mmutable-globals)
  # wasi-libc's errno is _Thread_local; one statically linked module has
  # only the local-exec model (clang 14 rejects the default for an extern).
  add_compile_options(-ftls-model=local-exec)
  # An 8 MiB C stack (wasm-ld's default is 64 KiB); memory grows on demand
  # up to TXPY_WASI_MAX_MEMORY (plat_wasi.c's MemoryError threshold).
  add_link_options(-Wl,-z,stack-size=8388608 -Wl,--initial-memory=33554432
                   -Wl,--max-memory=${TXPY_WASI_MAX_MEMORY}
                   -lwasi-emulated-signal -lwasi-emulated-process-clocks)

  function(txpy_wasm_wasi_targets)
    set(_out ${CMAKE_BINARY_DIR})
    configure_file(${TXPY_WASM_DIR}/txpy-wasi.js ${_out}/txpy COPYONLY
                   FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ
                   GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
    if(CMAKE_BUILD_TYPE STREQUAL "Release" AND TXPY_WASM_OPT)
      add_custom_command(TARGET txpy POST_BUILD
        COMMAND ${TXPY_WASM_OPT} ${TXPY_WASM_OPT_FLAGS} --enable-bulk-memory --enable-sign-ext
                --enable-mutable-globals --enable-nontrapping-float-to-int --strip-debug --strip-producers
                ${_out}/txpy.wasm -o ${_out}/txpy.wasm
        COMMENT "wasm-opt txpy.wasm")
    endif()
  endfunction()
  cmake_language(DEFER CALL txpy_wasm_wasi_targets)
endif()
