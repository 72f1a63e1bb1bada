# cmake -DGEN=TOOL -DMODE=OPTION [-DGOOD=FILE] -DBAD=FILE -P CheckBadInput.cmake:
# runs TOOL MODE [GOOD] BAD (a generator: symmapgen, syscallgen) and checks
# that it fails with exit status 1 and the "file:line: message" given on
# BAD's first line ("# expect: TEXT").
file(STRINGS ${BAD} first LIMIT_COUNT 1)
string(REGEX REPLACE "^# expect: " "" want "${first}")
if(want STREQUAL first OR want STREQUAL "")
	message(FATAL_ERROR "${BAD}: first line lacks '# expect: TEXT'")
endif()
get_filename_component(tool ${GEN} NAME)
execute_process(COMMAND ${GEN} ${MODE} ${GOOD} ${BAD}
	RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 1)
	message(FATAL_ERROR "${BAD}: ${tool} exited with '${rc}', want 1\n${err}")
endif()
get_filename_component(dir ${BAD} DIRECTORY)
string(FIND "${err}" "${dir}/${want}" at)
if(at EQUAL -1)
	message(FATAL_ERROR "${BAD}: want '${want}' in stderr, got:\n${err}")
endif()
message(STATUS "rejected as expected: ${err}")
