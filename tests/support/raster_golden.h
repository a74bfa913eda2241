#pragma once
// Raster goldens (ARCHITECTURE.md): a render is compared with
// tests/golden/raster/NAME.png with a tolerance of 2 per channel and at most
// 0.05 % differing pixels. UPDATE_GOLDEN=1 rewrites the reference and fails,
// so a regeneration is never green; a failure writes expected | diff | actual
// into the build folder.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "raster.h"

namespace annals::testing {

inline std::string read_binary(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_binary(const std::filesystem::path& p, const std::string& bytes) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
}

inline void expect_matches_golden(const std::string& png, const std::string& name) {
  namespace fs = std::filesystem;
  using render::Raster;
  const fs::path golden = fs::path(ANNALS_SOURCE_DIR) / "tests/golden/raster" / (name + ".png");
  const char* update = std::getenv("UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    write_binary(golden, png);
    FAIL() << "rewrote " << golden << "; run again without UPDATE_GOLDEN";
  }
  const std::optional<Raster> expected = render::decode_png(read_binary(golden));
  ASSERT_TRUE(expected) << "no reference image " << golden << " (UPDATE_GOLDEN=1 makes it)";
  const std::optional<Raster> actual = render::decode_png(png);
  ASSERT_TRUE(actual);
  const render::RasterComparison c = render::compare(*expected, *actual);
  if (c.same_size && c.differing_fraction() <= 0.0005) return;
  const fs::path report = fs::path(ANNALS_BUILD_DIR) / "raster-diff" / (name + ".png");
  write_binary(report, render::encode_png(c.same_size ? render::side_by_side(*expected, c.diff, *actual)
                                                      : render::side_by_side(*expected, Raster{}, *actual)));
  ADD_FAILURE() << name << ": " << c.differing << " of " << c.total << " pixels differ (size "
                << actual->width << "x" << actual->height << ", expected " << expected->width << "x"
                << expected->height << "); expected | diff | actual in " << report;
}

}  // namespace annals::testing
