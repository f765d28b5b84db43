# The e-mail editor's web assets: GrapesJS, its newsletter preset and Font Awesome 4.7
# are installed from the committed lock file into the build tree with `npm ci` (needs
# the npm registry once; later builds are offline), then bundled with our own
# editor.html/editor.js into the Qt resource `qrc:/editor/` of `target`.
# Nothing from node_modules is committed or copied into the source tree.
set(LD_EDITOR_SOURCE ${CMAKE_SOURCE_DIR}/resources/editor)
set(LD_EDITOR_NPM ${CMAKE_BINARY_DIR}/editor-npm)
find_program(LD_NPM npm)
if(NOT LD_NPM)
  message(FATAL_ERROR "npm not found: the e-mail editor bundles GrapesJS from npm (run scripts/setup)")
endif()

# qrc path (under /editor/vendor/) -> file in node_modules
set(LD_EDITOR_VENDOR
  "grapes.min.js=grapesjs/dist/grapes.min.js"
  "grapes.min.css=grapesjs/dist/css/grapes.min.css"
  "locale/ru.js=grapesjs/locale/ru.js"
  "grapesjs-preset-newsletter.js=grapesjs-preset-newsletter/dist/index.js"
  "font-awesome/css/font-awesome.min.css=font-awesome/css/font-awesome.min.css"
  "font-awesome/fonts/fontawesome-webfont.woff2=font-awesome/fonts/fontawesome-webfont.woff2"
  "font-awesome/fonts/fontawesome-webfont.woff=font-awesome/fonts/fontawesome-webfont.woff"
  "font-awesome/fonts/fontawesome-webfont.ttf=font-awesome/fonts/fontawesome-webfont.ttf"
)
set(vendor_files)
foreach(entry IN LISTS LD_EDITOR_VENDOR)
  string(REPLACE "=" ";" pair "${entry}")
  list(GET pair 0 alias)
  list(GET pair 1 file)
  set(path ${LD_EDITOR_NPM}/node_modules/${file})
  list(APPEND vendor_files ${path})
  set_source_files_properties(${path} PROPERTIES GENERATED TRUE QT_RESOURCE_ALIAS vendor/${alias})
endforeach()

add_custom_command(
  OUTPUT ${vendor_files}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${LD_EDITOR_NPM}
  COMMAND ${CMAKE_COMMAND} -E copy ${LD_EDITOR_SOURCE}/package.json ${LD_EDITOR_SOURCE}/package-lock.json ${LD_EDITOR_NPM}
  COMMAND ${LD_NPM} ci --prefix ${LD_EDITOR_NPM} --no-audit --no-fund --loglevel=error
  COMMAND ${CMAKE_COMMAND} -E touch ${vendor_files}
  DEPENDS ${LD_EDITOR_SOURCE}/package.json ${LD_EDITOR_SOURCE}/package-lock.json
  COMMENT "Installing GrapesJS and its newsletter preset for the e-mail editor")

set(own_files editor.html editor.css editor.js blocks.js)
list(TRANSFORM own_files PREPEND ${LD_EDITOR_SOURCE}/)
foreach(path IN LISTS own_files)
  get_filename_component(name ${path} NAME)
  set_source_files_properties(${path} PROPERTIES QT_RESOURCE_ALIAS ${name})
endforeach()

function(ld_add_editor_resources target)
  qt_add_resources(${target} "editor" PREFIX "/editor" FILES ${own_files} ${vendor_files})
endfunction()
