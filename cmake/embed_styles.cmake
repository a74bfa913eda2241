# Writes a C++ source that holds each style file's text, keyed by its stem.
set(body "// Generated from styles/*.toml; do not edit.\n#include \"style/builtin.h\"\n\nnamespace annals::style {\nnamespace {\nconstexpr BuiltinStyle kStyles[] = {\n")
# The top CMakeLists passes the list unquoted through the shell, which cuts it
# at the first ';'. Until that command is VERBATIM, styles/ holds one file and
# the others wait in styles/more/; both folders are read here.
list(GET FILES 0 first)
get_filename_component(dir ${first} DIRECTORY)
file(GLOB more ${dir}/more/*.toml)
list(APPEND FILES ${more})
list(REMOVE_DUPLICATES FILES)
# builtin_styles() promises order by name, whatever folder a file is in.
set(keyed "")
foreach(f IN LISTS FILES)
  get_filename_component(stem ${f} NAME_WE)
  list(APPEND keyed "${stem}|${f}")
endforeach()
list(SORT keyed)
foreach(entry IN LISTS keyed)
  string(REPLACE "|" ";" parts "${entry}")
  list(GET parts 0 stem)
  list(GET parts 1 f)
  file(READ ${f} text)
  string(APPEND body "  {\"${stem}\", R\"annals_style(${text})annals_style\"},\n")
endforeach()
string(APPEND body "};\n}  // namespace\n\nstd::span<const BuiltinStyle> builtin_styles() { return kStyles; }\n}  // namespace annals::style\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
