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

TEST(Carets, PangoGivesATextTheSameCaretsAfterRequestsForOthers) {
  const render::Renderer r;
  const TextMeasurer& m = r.measurer();
  std::vector<double> first, other, again;
  m.measure_carets("1879 \u00b7 War of the Pacific", font9(), first);
  m.measure_carets("1879 \u00b7 War of the Pacific begins", font9(), other);
  FontSpec bigger = font9();
  bigger.size = 18;
  m.measure_carets("1879 \u00b7 War of the Pacific", bigger, other);
  m.measure_carets("1879 \u00b7 War of the Pacific", font9(), again);
  EXPECT_EQ(first, again);
  ASSERT_EQ(other.size(), first.size());
  EXPECT_NEAR(other.back(), 2 * first.back(), 0.01 * first.back());
}

// The offsets of `text` that carry `kind`.
std::vector<std::size_t> offsets_of(const std::vector<Break>& b, Break kind) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < b.size(); ++i)
    if (b[i] == kind) out.push_back(i);
  return out;
}

TEST(Breaks, DefaultRuleBreaksLinesAfterSpacesAndWordsBetweenCodePoints) {
  const FakeMeasurer m;
  std::vector<Break> b;
  const std::string text = "ab  éc";  // é is two bytes
  m.breaks(text, b);
  ASSERT_EQ(b.size(), text.size() + 1);
  EXPECT_EQ(offsets_of(b, Break::line), (std::vector<std::size_t>{4, text.size()}));
  EXPECT_EQ(b[5], Break::none);  // inside é
  EXPECT_EQ(b[1], Break::cluster);
  EXPECT_EQ(b[0], Break::none);
}

TEST(Breaks, PangoBreaksThaiBetweenWordsWithoutSpaces) {
  const render::Renderer r;
  std::vector<Break> b;
  // "Second World War": สงคราม โลก ครั้ง ที่ สอง, written without spaces.
  const std::string words[] = {"สงคราม", "โลก",
                               "ครั้ง", "ที่", "สอง"};
  std::string text;
  std::vector<std::size_t> starts;
  for (const auto& w : words) {
    if (!text.empty()) starts.push_back(text.size());
    text += w;
  }
  starts.push_back(text.size());
  r.measurer().breaks(text, b);
  EXPECT_EQ(offsets_of(b, Break::line), starts);
  // The default rule would find no line break at all in it.
  FakeMeasurer().breaks(text, b);
  EXPECT_EQ(offsets_of(b, Break::line), (std::vector<std::size_t>{text.size()}));
}

bool is_devanagari_sign(std::string_view text, std::size_t at) {
  if (at + 3 > text.size() || static_cast<unsigned char>(text[at]) != 0xE0) return false;
  // U+0900–U+0903 and U+093A–U+094F: marks and vowel signs that belong to the consonant before them.
  const auto b1 = static_cast<unsigned char>(text[at + 1]), b2 = static_cast<unsigned char>(text[at + 2]);
  const unsigned cp = 0x900u + ((b1 - 0xA4u) << 6) + (b2 - 0x80u);
  return b1 >= 0xA4 && b1 <= 0xA5 && ((cp >= 0x900 && cp <= 0x903) || (cp >= 0x93A && cp <= 0x94F));
}

TEST(Breaks, PangoNeverBreaksDevanagariBeforeASignOfItsCluster) {
  const render::Renderer r;
  // "The Indian independence movement".
  const std::string text = "भारत की स्वतंत्रता";
  std::vector<Break> b;
  r.measurer().breaks(text, b);
  int signs = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!is_devanagari_sign(text, i)) continue;
    ++signs;
    EXPECT_EQ(b[i], Break::none) << "offset " << i;
  }
  EXPECT_GE(signs, 6);
  EXPECT_EQ(offsets_of(b, Break::line), (std::vector<std::size_t>{13, 20, text.size()}));
  // The default rule cuts between code points, signs included: what Pango replaces.
  FakeMeasurer().breaks(text, b);
  EXPECT_EQ(b[3], Break::cluster);  // before the vowel sign of भा
}

TEST(Breaks, PangoBreaksArabicAtSpacesAndCjkBetweenIdeographs) {
  const render::Renderer r;
  std::vector<Break> b;
  const std::string arabic = "الحرب العالمية";
  r.measurer().breaks(arabic, b);
  EXPECT_EQ(offsets_of(b, Break::line), (std::vector<std::size_t>{11, arabic.size()}));
  const std::string han = "第二次世界大战";  // 第二次世界大战
  r.measurer().breaks(han, b);
  EXPECT_EQ(offsets_of(b, Break::line), (std::vector<std::size_t>{3, 6, 9, 12, 15, 18, 21}));
}

// A measured text's breaks come from its shaping, an unmeasured one's from
// pango_get_log_attrs: both must agree in every script.
TEST(Breaks, PangoGivesTheSameBreaksWhetherOrNotTheTextWasMeasured) {
  const std::string texts[] = {"2 Mar 1879 \u00b7 War of the Pacific",
                               "สงครามโลกครั้งที่สอง",
                               "भारत की स्वतंत्रता",
                               "الحرب العالمية الثانية",
                               "第二次世界大战",
                               "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd",
                               "Flags \U0001F1E7\U0001F1F4 and \U0001F469\u200D\U0001F52C"};
  for (const std::string& text : texts) {
    const render::Renderer fresh, measured;
    std::vector<Break> unshaped, shaped;
    fresh.measurer().breaks(text, unshaped);
    measured.measurer().measure(text, font9());
    measured.measurer().breaks(text, shaped);
    EXPECT_EQ(unshaped, shaped) << text;
  }
}

TEST(Breaks, PangoKeepsTheDefaultRuleForInvalidUtf8) {
  const render::Renderer r;
  std::vector<Break> pango, fake;
  const std::string text = "ab ÿ cd";
  r.measurer().breaks(text, pango);
  FakeMeasurer().breaks(text, fake);
  EXPECT_EQ(pango, fake);
}

}  // namespace
}  // namespace annals::text
