// A deterministic generator of benchmark timelines: N events over 1800–2025
// with dense clusters, about 60 % points and 40 % spans, 6 lanes, titles of
// 10–40 characters, some with descriptions.
//   annals-generate N [SEED] > timeline.toml
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#include <fmt/format.h>

namespace {

const char* const kWords[] = {
    "treaty", "border", "accord", "summit", "trade", "embassy", "relations", "talks", "mission",
    "council", "union", "railway", "harbour", "charter", "vote", "election", "reform", "crisis",
    "strike", "loan", "congress", "alliance", "survey", "census", "tariff", "canal", "mine",
    "river", "pact", "court", "ruling", "visit", "exile", "decree", "Andes", "Pacific", "Lauca",
    "La Paz", "Potosí", "Oruro", "Sucre", "Santa Cruz", "Chaco", "Acre",
};

std::string title(std::mt19937_64& rng) {
  std::uniform_int_distribution<std::size_t> word(0, std::size(kWords) - 1);
  std::uniform_int_distribution<std::size_t> length(10, 40);
  const std::size_t target = length(rng);
  std::string t;
  while (t.size() < target) {
    if (!t.empty()) t += ' ';
    t += kWords[word(rng)];
  }
  if (t.size() > 40) {
    t.resize(40);
    // Never cut a multi-byte character in half: drop a dangling lead and its continuations.
    while (!t.empty() && (static_cast<unsigned char>(t.back()) & 0xC0) == 0x80) t.pop_back();
    if (!t.empty() && static_cast<unsigned char>(t.back()) >= 0xC0) t.pop_back();
  }
  while (!t.empty() && t.back() == ' ') t.pop_back();
  t[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(t[0])));
  return t;
}

std::string date(int year, int month, int day) { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fputs("usage: annals-generate N [SEED]\n", stderr);
    return 2;
  }
  const long n = std::strtol(argv[1], nullptr, 10);
  const auto seed = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 1u;
  std::mt19937_64 rng(seed);

  std::string out = fmt::format(
      "[timeline]\ntitle = \"Benchmark: {} events\"\nsubtitle = \"Generated with seed {}\"\n"
      "source = \"annals-generate\"\nnow = 2025-12-31\n\n",
      n, seed);
  for (int l = 0; l < 6; ++l) out += fmt::format("[[lane]]\nid = \"l{}\"\ntitle = \"Lane {}\"\n\n", l, l + 1);

  // Clusters: a few dense decades, the rest spread thinly.
  const int clusters[] = {1810, 1879, 1932, 1952, 1982, 2006};
  std::uniform_real_distribution<double> unit(0, 1);
  std::normal_distribution<double> near(0, 3);
  std::uniform_int_distribution<int> any_year(1800, 2020), month(1, 12), day(1, 28), lane(0, 5),
      span_days(1, 3650), cluster(0, 5);
  for (long i = 0; i < n; ++i) {
    int year = unit(rng) < 0.5 ? clusters[cluster(rng)] + static_cast<int>(near(rng)) : any_year(rng);
    year = std::min(2020, std::max(1800, year));
    const int m = month(rng), d = day(rng);
    out += fmt::format("[[event]]\ntitle = \"{}\"\nlane = \"l{}\"\n", title(rng), lane(rng));
    if (unit(rng) < 0.6) {
      out += fmt::format("date = {}\n", date(year, m, d));
    } else {
      const int length = span_days(rng);
      const int end_year = std::min(2025, year + length / 365);
      const int end_month = std::max(1, (m + (length % 365) / 31 - 1) % 12 + 1);
      const bool same_year = end_year == year;
      out += fmt::format("start = {}\nend = {}\n", date(year, m, d),
                         date(end_year, same_year ? std::max(m, end_month) : end_month, 28));
    }
    if (unit(rng) < 0.2) out += "description = \"A longer description of what happened, for the tooltip.\"\n";
    out += '\n';
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}
