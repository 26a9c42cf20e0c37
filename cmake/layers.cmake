# Layers as CMake libraries (docs/architecture.md, "Layers").
#
# dialoog_layer(<target> SOURCES <files…> SEES <folders…> [LINKS <targets…>])
#
# Builds a static library from SOURCES. Its sources are compiled with one include directory:
# build/layers/<target>/, which holds a symbolic link for each source folder the layer may see,
# namely the SEES folders (its own) plus every folder seen by the dialoog_ layers it LINKS.
# An `#include "commands/…"` in a layer below commands/ is then "No such file or directory":
# an upward include does not build. deploy/check-layers.sh checks the same rule over the text
# (including relative includes, which a compiler resolves next to the including file).
function(dialoog_layer target)
  cmake_parse_arguments(PARSE_ARGV 1 L "" "" "SOURCES;SEES;LINKS")
  set(sees ${L_SEES})
  foreach(dep ${L_LINKS})
    if(TARGET ${dep})
      get_target_property(dep_sees ${dep} DIALOOG_SEES)
      if(dep_sees)
        list(APPEND sees ${dep_sees})
      endif()
    endif()
  endforeach()
  list(REMOVE_DUPLICATES sees)
  list(SORT sees)

  set(farm ${CMAKE_BINARY_DIR}/layers/${target})
  file(REMOVE_RECURSE ${farm})
  file(MAKE_DIRECTORY ${farm})
  # Entries are folders ("lib/pii"), files or header globs ("storage/*.hpp": the files of a folder
  # without its sub-folders). An entry inside a folder already linked is covered by it.
  foreach(entry ${sees})
    set(covered FALSE)
    foreach(other ${sees})
      if(NOT other MATCHES "\\*" AND NOT other STREQUAL entry AND entry MATCHES "^${other}/")
        set(covered TRUE)
      endif()
    endforeach()
    if(covered)
      continue()
    endif()
    if(entry MATCHES "\\*")
      file(GLOB files RELATIVE ${CMAKE_SOURCE_DIR} CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/${entry})
    elseif(EXISTS ${CMAKE_SOURCE_DIR}/${entry})
      set(files ${entry})
    else()
      message(FATAL_ERROR "dialoog_layer(${target}): SEES names ${entry}, which does not exist")
    endif()
    foreach(f ${files})
      get_filename_component(parent ${farm}/${f} DIRECTORY)
      file(MAKE_DIRECTORY ${parent})
      file(CREATE_LINK ${CMAKE_SOURCE_DIR}/${f} ${farm}/${f} SYMBOLIC)
    endforeach()
  endforeach()

  add_library(${target} STATIC ${L_SOURCES})
  target_include_directories(${target} PRIVATE ${farm})
  target_link_libraries(${target} PUBLIC ${L_LINKS})
  set_target_properties(${target} PROPERTIES DIALOOG_SEES "${sees}")
endfunction()

# Sources of a folder (not its sub-folders), sorted.
function(dialoog_sources out folder)
  file(GLOB found CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/${folder}/*.cpp)
  list(SORT found)
  set(${out} ${found} PARENT_SCOPE)
endfunction()
