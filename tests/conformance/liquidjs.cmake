# liquidjs, the reference of the Liquid conformance test and benchmark: installed from
# the committed lock file into the build tree with `npm ci` (needs the npm registry once).
include_guard(GLOBAL)
find_program(LD_NPM npm)
find_program(LD_NODE node)
# Global, so that every directory that includes this file sees them.
set(LD_LIQUIDJS_DIR ${CMAKE_BINARY_DIR}/liquidjs CACHE INTERNAL "")
set(LD_CONFORMANCE_DIR ${CMAKE_SOURCE_DIR}/tests/conformance CACHE INTERNAL "")
if(LD_NPM AND LD_NODE)
  add_custom_command(
    OUTPUT ${LD_LIQUIDJS_DIR}/node_modules/liquidjs/package.json
    COMMAND ${CMAKE_COMMAND} -E make_directory ${LD_LIQUIDJS_DIR}
    COMMAND ${CMAKE_COMMAND} -E copy ${LD_CONFORMANCE_DIR}/package.json ${LD_CONFORMANCE_DIR}/package-lock.json ${LD_LIQUIDJS_DIR}
    COMMAND ${LD_NPM} ci --prefix ${LD_LIQUIDJS_DIR} --no-audit --no-fund --loglevel=error
    COMMAND ${CMAKE_COMMAND} -E touch ${LD_LIQUIDJS_DIR}/node_modules/liquidjs/package.json
    DEPENDS ${LD_CONFORMANCE_DIR}/package.json ${LD_CONFORMANCE_DIR}/package-lock.json
    COMMENT "Installing liquidjs for the Liquid conformance test and benchmark")
  add_custom_target(liquidjs_modules DEPENDS ${LD_LIQUIDJS_DIR}/node_modules/liquidjs/package.json)
else()
  message(WARNING "node or npm not found: the liquidjs conformance test will fail and the benchmark has no reference")
  add_custom_target(liquidjs_modules)
endif()

# Gives `target` the paths of the installed liquidjs and of the conformance files, and
# makes it wait for the installation.
function(ld_use_liquidjs target)
  add_dependencies(${target} liquidjs_modules)
  target_compile_definitions(${target} PRIVATE LD_LIQUIDJS_DIR="${LD_LIQUIDJS_DIR}" LD_CONFORMANCE_DIR="${LD_CONFORMANCE_DIR}")
endfunction()
