# Generates the targets' prototypes from proto/proto.symmap and compiles
# SRC with them included first, as libshim is compiled. SRC named right.c
# must compile; any other must fail with "conflicting types".
execute_process(COMMAND ${GEN} -p ${OUT}/lx_targets.h ${DIR}/proto.symmap
	RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
	message(FATAL_ERROR "symmapgen -p failed:\n${err}")
endif()
execute_process(COMMAND ${CC} -std=gnu11 -Wall -Wextra -Werror -nostdinc
		-isystem ${MUSL_INC} -isystem ${GCC_INC} -D_GNU_SOURCE
		-I${INC} -include${OUT}/lx_targets.h -fsyntax-only ${DIR}/${SRC}
	RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(SRC STREQUAL "right.c")
	if(NOT rc EQUAL 0)
		message(FATAL_ERROR "${SRC} agrees with the symmap but does "
			"not compile:\n${err}")
	endif()
	message(STATUS "${SRC} compiles, as it should")
	return()
endif()
if(rc EQUAL 0)
	message(FATAL_ERROR "${SRC} disagrees with the symmap but compiles")
endif()
string(FIND "${err}" "conflicting types" at)
if(at EQUAL -1)
	message(FATAL_ERROR "${SRC}: want \"conflicting types\", got:\n${err}")
endif()
message(STATUS "${SRC} rejected as it should be:\n${err}")
