#include "base/xml_name.h"

namespace annals {

namespace {

bool letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

bool is_xml_name_prefix(std::string_view prefix) {
  if (prefix.empty()) return true;
  if (!letter(prefix.front()) && prefix.front() != '_') return false;
  for (const char c : prefix)
    if (!letter(c) && !(c >= '0' && c <= '9') && c != '-' && c != '_' && c != '.') return false;
  return true;
}

}  // namespace annals
