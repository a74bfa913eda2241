# Writes the man page annals(1) from the program's own --help texts, so the
# page and --help never disagree (both come from the option definitions in
# src/cli/options.cpp). Run at build time:
#   cmake -DANNALS=path/to/annals -DOUT=annals.1 -DVERSION=x.y.z -P manpage.cmake

# roff: backslashes and hyphens escaped, dashes named (plain troff reads
# ASCII only); a line may not start with . or '.
function(roff_escape text out)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REPLACE "-" "\\-" text "${text}")
  string(REPLACE "–" "\\(en" text "${text}")
  string(REPLACE "—" "\\(em" text "${text}")
  string(REGEX REPLACE "^([.'])" "\\\\&\\1" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# One --help text as roff: "Options:"-style headings become bold paragraphs,
# each option a tagged paragraph (.TP), continuation lines join their option.
function(help_to_roff help out)
  string(REPLACE ";" "<semicolon>" help "${help}")
  string(REPLACE "\n" ";" lines "${help}")
  set(roff "")
  set(pending "")  # an option whose description is on the next line
  foreach(line IN LISTS lines)
    if(line MATCHES "^Usage: (.*)$")
      roff_escape("${CMAKE_MATCH_1}" usage)
      string(APPEND roff ".PP\n\\fB${usage}\\fR\n")
    elseif(line MATCHES "^([A-Za-z]+):$")
      string(APPEND roff ".PP\n\\fI${CMAKE_MATCH_1}:\\fR\n")
    elseif(line MATCHES "^  ([^ ].*[^ ])   *([^ ].*)$")
      roff_escape("${CMAKE_MATCH_1}" name)
      roff_escape("${CMAKE_MATCH_2}" what)
      string(APPEND roff ".TP\n\\fB${name}\\fR\n${what}\n")
    elseif(line MATCHES "^  ([^ ].*)$")
      roff_escape("${CMAKE_MATCH_1}" name)
      string(APPEND roff ".TP\n\\fB${name}\\fR\n")
    elseif(line MATCHES "^  +([^ ].*)$")
      roff_escape("${CMAKE_MATCH_1}" what)
      string(APPEND roff "${what}\n")
    elseif(NOT line STREQUAL "")
      roff_escape("${line}" text)
      string(APPEND roff ".PP\n${text}\n")
    endif()
  endforeach()
  string(REPLACE "<semicolon>" ";" roff "${roff}")
  set(${out} "${roff}" PARENT_SCOPE)
endfunction()

function(help_of out)
  execute_process(COMMAND "${ANNALS}" ${ARGN} --help OUTPUT_VARIABLE text RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "'${ANNALS} ${ARGN} --help' failed (${rc})")
  endif()
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

help_of(main)
string(REGEX MATCH "^[^\n]*" summary "${main}")
string(REGEX REPLACE "^annals: " "" summary "${summary}")
# The summary goes to NAME. (REGEX REPLACE would apply ^ after every match.)
string(FIND "${main}" "\n" eol)
math(EXPR eol "${eol} + 1")
string(SUBSTRING "${main}" ${eol} -1 main)
help_to_roff("${main}" main_roff)

set(page ".TH ANNALS 1 \"\" \"annals ${VERSION}\" \"User Commands\"\n")
string(APPEND page ".SH NAME\nannals \\- ${summary}\n")
string(APPEND page ".SH SYNOPSIS\n")
foreach(sub render check styles)
  help_of(text ${sub})
  string(REGEX MATCH "Usage: [^\n]*" usage "${text}")
  string(REPLACE "Usage: " "" usage "${usage}")
  roff_escape("${usage}" usage)
  string(APPEND page "\\fB${usage}\\fR\n.br\n")
endforeach()
string(APPEND page ".SH DESCRIPTION\n")
string(APPEND page "annals turns dated events written in TOML into timeline charts (SVG, PDF, PNG) \
and a JSON dump of their layout.\n")
string(APPEND page "${main_roff}")
string(APPEND page ".SH COMMANDS\n")
foreach(sub render check styles)
  help_of(text ${sub})
  help_to_roff("${text}" sub_roff)
  string(APPEND page ".SS ${sub}\n${sub_roff}")
endforeach()
string(APPEND page [=[
.SH EXIT STATUS
0 success (warnings allowed); 1 an input or style is missing, unreadable or
invalid; 2 the command line is wrong; 3 an output could not be written.
.SH ENVIRONMENT
.TP
\fBSOURCE_DATE_EPOCH\fR
What "present" means when neither \fB\-\-now\fR nor the file's \fBnow\fR says, for
reproducible builds.
.SH FILES
.TP
\fIshare/annals/styles/*.toml\fR
The built-in styles (also compiled into the program; \fBannals styles NAME\fR prints one).
.TP
\fIshare/annals/schema/*.schema.json\fR
JSON Schemas of the timeline and style formats, for TOML editors.
.SH SEE ALSO
\fBpandoc\fR(1); the README and docs/ of the annals sources.
]=])
file(WRITE "${OUT}" "${page}")
