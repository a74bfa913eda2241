#pragma once
// "did you mean 'date'?" for unknown keys and names.
#include <span>
#include <string>
#include <string_view>

namespace annals {

// The candidate nearest to `word` by edit distance, or "" when none is close
// enough to be a plausible typo.
std::string nearest(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace annals
