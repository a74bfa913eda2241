// Lengths with units and the named paper sizes.
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <string>

#include "base/strings.h"
#include "style/style.h"

namespace annals::style {

namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;

std::optional<double> points_per_unit(std::string_view unit) {
  const std::string u = lowercase(unit);
  if (u.empty() || u == "pt") return 1.0;
  if (u == "px") return 0.75;  // CSS pixel: 1/96 in
  if (u == "mm") return kPointsPerMm;
  if (u == "cm") return 10 * kPointsPerMm;
  if (u == "in") return 72.0;
  return std::nullopt;
}

struct NamedPage {
  std::string_view name;  // lower case
  double width_mm;
  double height_mm;
};

// ISO 216 in millimetres; the North American sizes are whole inches.
constexpr std::array<NamedPage, 10> kPages{{
    {"a0", 841, 1189},
    {"a1", 594, 841},
    {"a2", 420, 594},
    {"a3", 297, 420},
    {"a4", 210, 297},
    {"a5", 148, 210},
    {"a6", 105, 148},
    {"letter", 8.5 * 25.4, 11 * 25.4},
    {"legal", 8.5 * 25.4, 14 * 25.4},
    {"tabloid", 11 * 25.4, 17 * 25.4},
}};

}  // namespace

std::optional<double> parse_length(std::string_view text) {
  text = trim(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || !std::isfinite(value)) return std::nullopt;
  const auto unit = points_per_unit(trim(std::string_view(end, static_cast<std::size_t>(text.data() + text.size() - end))));
  if (!unit) return std::nullopt;
  return value * *unit;
}

std::optional<PageSize> page_size(std::string_view name) {
  const std::string key = lowercase(trim(name));
  for (const auto& page : kPages)
    if (page.name == key) return PageSize{page.width_mm * kPointsPerMm, page.height_mm * kPointsPerMm};
  return std::nullopt;
}

}  // namespace annals::style
