# Writes a C++ source that holds the text of each styles/*.toml, keyed by its
# stem and sorted by name (builtin_styles() promises that order).
#   cmake -DDIR=<styles folder> -DOUT=<generated .cpp> -P embed_styles.cmake
file(GLOB files ${DIR}/*.toml)
list(SORT files)
set(body "// Generated from styles/*.toml; do not edit.\n#include \"style/builtin.h\"\n\nnamespace annals::style {\nnamespace {\nconstexpr BuiltinStyle kStyles[] = {\n")
foreach(f IN LISTS files)
  get_filename_component(stem ${f} NAME_WE)
  file(READ ${f} text)
  string(FIND "${text}" ")annals_style\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${f} contains the raw-string delimiter )annals_style\"")
  endif()
  string(APPEND body "  {\"${stem}\", R\"annals_style(${text})annals_style\"},\n")
endforeach()
string(APPEND body "};\n}  // namespace\n\nstd::span<const BuiltinStyle> builtin_styles() { return kStyles; }\n}  // namespace annals::style\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
