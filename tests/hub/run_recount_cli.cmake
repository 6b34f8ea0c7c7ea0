# Runs `HUB recount BUNDLE` and checks its exit code and streams:
# success prints JSON and nothing on stderr; bad input prints nothing on stdout.
execute_process(COMMAND ${HUB} recount ${BUNDLE}
    RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code EQUAL EXPECT_CODE)
    message(FATAL_ERROR "exit code ${code}, expected ${EXPECT_CODE}\nstderr: ${err}")
endif()
if(EXPECT_CODE EQUAL 0)
    if(NOT out MATCHES "^{\n  \"rules\": " OR NOT err STREQUAL "")
        message(FATAL_ERROR "unexpected output\nstdout: ${out}\nstderr: ${err}")
    endif()
elseif(NOT out STREQUAL "" OR err STREQUAL "")
    message(FATAL_ERROR "bad input must print problems on stderr only\nstdout: ${out}\nstderr: ${err}")
endif()
