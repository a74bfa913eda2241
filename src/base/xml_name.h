#pragma once
// Whether a string can start an XML id (the ASCII part of XML's Name rule):
// empty, or a letter or "_" followed by letters, digits, "-", "_" and ".".
// SVG ids are prefixed with such a string, chosen on the command line.
#include <string_view>

namespace annals {

bool is_xml_name_prefix(std::string_view prefix);

}  // namespace annals
