# The desktop app's timing program (results: the "Desktop app" section of
# docs/benchmarks.md). Included from the root CMakeLists when the app, the tests
# (for the TestServer) and the benchmarks are built.
add_executable(app_bench ${CMAKE_CURRENT_LIST_DIR}/app_bench.cpp)
target_link_libraries(app_bench PRIVATE ldui ldtestsupport)
target_compile_definitions(app_bench PRIVATE LD_APP_BINARY="$<TARGET_FILE:loyaltydesk>")
add_dependencies(app_bench loyaltydesk)
