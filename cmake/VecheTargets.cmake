# Per-target build settings for Veche's own code.

# veche_enable_warnings(<target>): the warning set every Veche target builds with.
# With VECHE_WERROR (on in the test presets) warnings fail the build.
function(veche_enable_warnings target)
    target_compile_options(${target} PRIVATE
        -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
        -Wnon-virtual-dtor -Woverloaded-virtual -Wimplicit-fallthrough)
    if(VECHE_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()

# veche_add_library(<name> SOURCES...): a static library veche_<name> with the
# alias veche::<name>, public headers in <dir>/include.
function(veche_add_library name)
    add_library(veche_${name} STATIC ${ARGN})
    add_library(veche::${name} ALIAS veche_${name})
    target_include_directories(veche_${name} PUBLIC
        $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/include>)
    veche_enable_warnings(veche_${name})
endfunction()
