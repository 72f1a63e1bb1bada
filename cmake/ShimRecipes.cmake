# The project's build recipes, in one place:
#   shim_host_code(TARGET)              compile TARGET against the host libc
#   shim_static_pie(TARGET [START] [FFI])
#                                       link TARGET as a static-pie over the
#                                       host libc (libshim and the loader's
#                                       world): START takes the host's own
#                                       start files, FFI adds libffi
#   shim_host_test(TARGET SRC... [OPTIONS opt...])
#                                       a test program over the host libc
#                                       that calls libshim's lx_ functions
#                                       directly (shim-core, host start
#                                       files)
#   shim_glibc_guest(TARGET SRC... [LIBRARY] [OPTIONS opt...])
#                                       a glibc guest program or library,
#                                       built with the system gcc
#   compare_test(NAME ...)              a native-vs-shim differential test
#                                       (tests/guests/run_guest.py)
# The host libc is musl (Debian's musl-dev): MUSL_INC, MUSL_LIB,
# MUSL_CFLAGS, LIBGCC and LIBGCC_EH are set by the top-level CMakeLists.

# Everything that runs inside the shim: musl's headers only, position
# independent, sections the linker can drop.
function(shim_host_code target)
	target_compile_options(${target} PRIVATE ${MUSL_CFLAGS} ${WARN})
	target_include_directories(${target} PRIVATE
		${PROJECT_SOURCE_DIR}/include)
endfunction()

# A static-pie over musl's libc.a. START: musl's rcrt1.o provides _start
# and relocates the program (test programs); it knows no packed relative
# relocations (DT_RELR, musl 1.2.4 and later), so they are left out.
# Without START the target brings its own entry point and relocator (the
# interpreter). FFI: libffi's static PIC archive before libc.a.
function(shim_static_pie target)
	set(start "")
	set(relr -Wl,-z,pack-relative-relocs)
	if("START" IN_LIST ARGN)
		set(start ${MUSL_LIB}/rcrt1.o)
		set(relr "")
	endif()
	set(ffi "")
	if("FFI" IN_LIST ARGN)
		set(ffi ${LIBFFI_PIC})
	endif()
	target_link_options(${target} PRIVATE -static-pie -nostdlib
		-nostartfiles -Wl,--gc-sections -Wl,-z,noexecstack
		-Wl,--no-undefined -Wl,--hash-style=both ${relr}
		-Wl,--wrap=pthread_create)
	add_dependencies(${target} jemalloc-shim)
	target_link_libraries(${target} PRIVATE ${start} ${MUSL_LIB}/crti.o
		${ffi} ${JEMALLOC_SHIM} ${LIBGCC_EH} ${MUSL_LIB}/libc.a ${LIBGCC}
		${MUSL_LIB}/crtn.o)
endfunction()

# shim_host_test(TARGET SRC... [OPTIONS opt...]): a test program compiled
# as libshim is (SHIM defined) and linked as a static-pie with the host's
# start files and shim-core, the interpreter's objects as an archive (top
# level CMakeLists): the linker takes what the program calls, with the
# generated tables, whose live pointers then point at libshim's own
# variables.
function(shim_host_test target)
	cmake_parse_arguments(T "" "" "OPTIONS" ${ARGN})
	add_executable(${target} ${T_UNPARSED_ARGUMENTS})
	shim_host_code(${target})
	target_compile_definitions(${target} PRIVATE SHIM)
	target_compile_options(${target} PRIVATE ${T_OPTIONS})
	target_link_libraries(${target} PRIVATE shim-core)
	shim_static_pie(${target} START)
endfunction()

# shim_glibc_guest(TARGET SRC... [LIBRARY] [OUTPUT name] [OPTIONS opt...]):
# a real glibc program (or shared library) for the tests, built by the
# system compiler against the system glibc.
function(shim_glibc_guest target)
	cmake_parse_arguments(G "LIBRARY" "OUTPUT" "OPTIONS" ${ARGN})
	if(G_LIBRARY)
		add_library(${target} SHARED ${G_UNPARSED_ARGUMENTS})
	else()
		add_executable(${target} ${G_UNPARSED_ARGUMENTS})
	endif()
	if(G_OUTPUT)
		set_target_properties(${target} PROPERTIES OUTPUT_NAME ${G_OUTPUT})
	endif()
	target_compile_options(${target} PRIVATE -O2 -Wall -Wextra -Werror
		${G_OPTIONS})
endfunction()

# compare_test(NAME [CASES case...] [OPTIONS runner-option...]
#              [WORKDIR dir] [LABELS label...])
# NAME:direct and NAME:interp run each case ("PROG ARGS...", shell-quoted)
# natively and through the shim, directly or as PT_INTERP, and compare.
# Needs GUEST_PYTHON, GUEST_RUNNER, GUEST_PATCHELF, GUEST_READELF and SHIM
# (tests/CMakeLists.txt).
function(compare_test name)
	cmake_parse_arguments(C "" "WORKDIR" "CASES;OPTIONS;LABELS" ${ARGN})
	set(cases)
	foreach(c IN LISTS C_CASES)
		list(APPEND cases --case "${c}")
	endforeach()
	if(NOT C_WORKDIR)
		set(C_WORKDIR ${CMAKE_CURRENT_BINARY_DIR}/work)
	endif()
	foreach(mode direct interp)
		add_test(NAME ${name}:${mode}
			COMMAND ${GUEST_PYTHON} ${GUEST_RUNNER}
				--shim ${SHIM} --mode ${mode}
				--patchelf ${GUEST_PATCHELF}
				--readelf ${GUEST_READELF}
				--workdir ${C_WORKDIR}
				${C_OPTIONS} ${cases})
		set_tests_properties(${name}:${mode} PROPERTIES TIMEOUT 30)
		if(C_LABELS)
			set_tests_properties(${name}:${mode} PROPERTIES
				LABELS "${C_LABELS}")
		endif()
	endforeach()
endfunction()
