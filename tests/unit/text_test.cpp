// Caret offsets: the width of any part of a shaped string, from one shaping.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "render/render.h"
#include "text/measurer.h"

namespace annals::text {
namespace {

FontSpec font9() {
  FontSpec f;
  f.family = "DejaVu Sans";
  f.size = 9;
  return f;
}

TEST(Carets, FakeMeasurerGivesEveryByteOffset) {
  const FakeMeasurer m;
  std::vector<double> carets;
  const auto e = m.measure_carets("ab\u00e9c", font9(), carets);  // é is two bytes
  ASSERT_EQ(carets.size(), 6u);
  EXPECT_DOUBLE_EQ(carets[0], 0);
  EXPECT_DOUBLE_EQ(carets[2], 2 * 0.6 * 9);
  EXPECT_DOUBLE_EQ(carets[3], carets[2]);  // inside é: its start
  EXPECT_DOUBLE_EQ(carets[5], e.width);
}

// The default implementation (measuring prefixes) is what any measurer gets.
class PrefixOnly final : public TextMeasurer {
 public:
  Extent measure(std::string_view t, const FontSpec& f) const override { return fake_.measure(t, f); }

 private:
  FakeMeasurer fake_;
};

TEST(Carets, DefaultImplementationMatchesTheFake) {
  const PrefixOnly slow;
  const FakeMeasurer fast;
  std::vector<double> a, b;
  slow.measure_carets("Año 1879 \u2013 war", font9(), a);
  fast.measure_carets("Año 1879 \u2013 war", font9(), b);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) EXPECT_NEAR(a[i], b[i], 1e-9) << i;
}

TEST(Carets, PangoPrefixWidthsMatchTheirOwnShaping) {
  const render::Renderer r;
  const TextMeasurer& m = r.measurer();
  const std::string text = "Relations with Chile severed over the Lauca River";
  std::vector<double> carets;
  const auto whole = m.measure_carets(text, font9(), carets);
  ASSERT_EQ(carets.size(), text.size() + 1);
  EXPECT_DOUBLE_EQ(carets.back(), whole.width);
  for (std::size_t i = 1; i < carets.size(); ++i) EXPECT_GE(carets[i], carets[i - 1]) << i;
  for (std::size_t cut : {9u, 20u, 36u}) {
    const double alone = m.measure(text.substr(0, cut), font9()).width;
    EXPECT_NEAR(carets[cut], alone, 0.05 * 9) << text.substr(0, cut);
  }
}

TEST(Carets, PangoRightToLeftTextStillSumsToItsWidth) {
  const render::Renderer r;
  std::vector<double> carets;
  const std::string hebrew = "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd";
  const auto whole = r.measurer().measure_carets(hebrew, font9(), carets);
  EXPECT_GT(whole.width, 0);
  EXPECT_NEAR(carets.back(), whole.width, 1e-9);
  for (std::size_t i = 1; i < carets.size(); ++i) EXPECT_GE(carets[i], carets[i - 1]);
}

}  // namespace
}  // namespace annals::text
