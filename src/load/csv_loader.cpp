// CSV and TSV timelines (FORMAT.md §5.5): a header row naming the columns,
// then one event per row, checked by the same rules as a TOML [[event]].
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "base/strings.h"
#include "base/suggest.h"
#include "dates/date.h"
#include "load/csv_reader.h"
#include "load/event_checks.h"
#include "load/load.h"

namespace annals::load {

namespace {

using detail::CsvCell;
using detail::CsvRow;
using detail::DateRole;

enum class Column { title, date, start, end, lane, id, description, url, tags, color, periods, group, unknown };

constexpr std::pair<std::string_view, Column> kColumns[] = {
    {"title", Column::title}, {"date", Column::date},        {"start", Column::start}, {"end", Column::end},
    {"lane", Column::lane},   {"id", Column::id},            {"description", Column::description},
    {"url", Column::url},     {"tags", Column::tags},        {"color", Column::color},
    {"periods", Column::periods}, {"group", Column::group}};

constexpr std::string_view kColumnNames[] = {"title", "date", "start", "end",   "lane",    "id",
                                             "description", "url", "tags", "color", "periods", "group"};

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

std::size_t code_points(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// Which column each cell of a row is; every column at most once.
struct Header {
  std::vector<Column> columns;
  std::map<Column, std::size_t> index;

  const CsvCell* cell(const CsvRow& row, Column c) const {
    const auto it = index.find(c);
    if (it == index.end() || it->second >= row.cells.size()) return nullptr;
    return &row.cells[it->second];
  }
  // A cell that says something: an empty cell is a column left blank for this row.
  const CsvCell* written(const CsvRow& row, Column c) const {
    const CsvCell* found = cell(row, c);
    return found != nullptr && !detail::is_blank(found->text) ? found : nullptr;
  }
  bool has(Column c) const { return index.contains(c); }
};

std::optional<Header> read_header(const CsvRow& row, Diagnostics& diags) {
  Header h;
  std::map<Column, SourceLocation> first;
  for (const auto& cell : row.cells) {
    const std::string name = lowercase(trim(cell.text));
    Column column = Column::unknown;
    for (const auto& [known, c] : kColumns)
      if (name == known) column = c;
    h.columns.push_back(column);
    if (column == Column::unknown) {
      std::vector<Note> notes;
      if (const std::string near = nearest(name, kColumnNames); !near.empty() && !name.empty())
        notes.push_back({fmt::format("did you mean '{}'?", near), cell.where});
      diags.warning(cell.where,
                    name.empty() ? std::string("a column without a name; its cells are ignored")
                                 : fmt::format("unknown column '{}'; its cells are ignored", trim(cell.text)),
                    std::move(notes));
      continue;
    }
    if (const auto [it, fresh] = first.emplace(column, cell.where); !fresh) {
      diags.error(cell.where, fmt::format("duplicate column '{}'", name), {{"first named here", it->second}});
      continue;
    }
    h.index.emplace(column, h.columns.size() - 1);
  }
  bool ok = true;
  if (!h.has(Column::title)) {
    diags.error(row.cells.front().where, "the header row has no 'title' column",
                {{"the columns are: title, and date, or start and end, or periods; optionally lane, group, id, "
                  "description, url, tags, color", {}}});
    ok = false;
  }
  if (h.has(Column::start) != h.has(Column::end)) {
    const Column named = h.has(Column::start) ? Column::start : Column::end;
    diags.error(row.cells[h.index[named]].where,
                named == Column::start ? "a 'start' column without an 'end' column (a point event uses 'date')"
                                       : "an 'end' column without a 'start' column");
    ok = false;
  } else if (!h.has(Column::date) && !h.has(Column::start) && !h.has(Column::periods)) {
    diags.error(row.cells.front().where,
                "the header row has no 'date' column, nor 'start' and 'end' columns, nor a 'periods' column");
    ok = false;
  }
  if (!ok) return std::nullopt;
  return h;
}

// A date in a cell, written as in a TOML string: the whole cell, or the
// stretch of it that starts `offset` bytes in. Errors point at the character
// the calendar stumbled on.
std::optional<model::LocatedDate> date_in(const CsvCell& cell, std::size_t offset, std::string_view part,
                                          DateRole role, Diagnostics& diags, const dates::Locale& locale) {
  const std::string text = trim(part);
  const std::size_t lead = offset + part.find_first_not_of(" \t");
  SourceLocation where = cell.where;
  where.col += static_cast<int>((cell.quoted ? 1 : 0) + code_points(std::string_view(cell.text).substr(0, lead)));
  const dates::DateResult result = dates::parse(text, locale);
  if (const auto* e = std::get_if<dates::ParseError>(&result)) {
    const std::size_t at = std::min(e->offset, text.size());
    where.col += static_cast<int>(code_points(std::string_view(text).substr(0, at)));
    diags.error(where, e->message);
    return std::nullopt;
  }
  const auto& date = std::get<dates::Date>(result);
  if (const std::string problem = detail::present_problem(date, role); !problem.empty()) {
    diags.error(where, problem);
    return std::nullopt;
  }
  return model::LocatedDate{date, where};
}

std::optional<model::LocatedDate> date_cell(const CsvCell& cell, DateRole role, Diagnostics& diags,
                                            const dates::Locale& locale) {
  const std::optional<model::LocatedDate> d = date_in(cell, 0, cell.text, role, diags, locale);
  if (!d) return d;
  return model::LocatedDate{d->date, cell.where};  // a whole cell's date is at the cell
}

// Where a period's span divides into its start and end: an en or em dash,
// "--", "/" (ISO 8601 intervals) or " to ". A lone hyphen is part of dates
// (1996-12-17, -490), so it never divides.
struct Divide {
  std::size_t at = std::string_view::npos, length = 0;
};

Divide span_divide(std::string_view s, const dates::Locale& locale) {
  for (const std::string_view mark : {"\u2013", "\u2014", "--", "/", " to "})
    if (const std::size_t at = s.find(mark); at != std::string_view::npos) return {at, mark.size()};
  // "1962-1975", "1978-present": a hyphen divides where the whole is no date
  // and both sides are.
  const auto is_date = [&](std::string_view t) {
    return std::holds_alternative<dates::Date>(dates::parse(trim(t), locale));
  };
  if (is_date(s)) return {};
  for (std::size_t at = s.find('-', 1); at != std::string_view::npos; at = s.find('-', at + 1))
    if (is_date(s.substr(0, at)) && is_date(s.substr(at + 1))) return {at, 1};
  return {};
}

// A `periods` cell (FORMAT.md §5.5): "1962–1975; 1978–present", periods
// separated by ';', each a span or one date, every error at its column.
bool periods_cell(const CsvCell& cell, std::vector<model::Period>& out, Diagnostics& diags,
                  const dates::Locale& locale) {
  const std::string_view text = cell.text;
  bool ok = true;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    const std::size_t cut = std::min(text.find(';', begin), text.size());
    const std::string_view part = text.substr(begin, cut - begin);
    model::Period p;
    p.where = cell.where;
    const std::size_t lead = part.find_first_not_of(" \t");
    p.where.col += static_cast<int>((cell.quoted ? 1 : 0) +
                                    code_points(text.substr(0, begin + (lead == std::string_view::npos ? 0 : lead))));
    if (detail::is_blank(part)) {
      diags.error(p.where, "an empty period in 'periods'; write periods as 1962–1975; 1978–present");
      ok = false;
    } else if (const Divide d = span_divide(part, locale); d.at != std::string_view::npos) {
      p.start = date_in(cell, begin, part.substr(0, d.at), DateRole::start, diags, locale);
      const std::string_view end = part.substr(d.at + d.length);
      if (detail::is_blank(end)) {
        diags.error(p.where, "a period with a start and no end; write 1978–present for one that is ongoing");
        ok = false;
      } else {
        p.end = date_in(cell, begin + d.at + d.length, end, DateRole::end, diags, locale);
      }
      if (p.start && p.end) detail::check_order(*p.start, *p.end, diags);
      if (p.start && p.end) out.push_back(std::move(p));
      else ok = false;
    } else {
      p.date = date_in(cell, begin, part, DateRole::point, diags, locale);
      if (p.date) out.push_back(std::move(p));
      else ok = false;
    }
    begin = cut + 1;
  }
  return ok && detail::check_periods(out, diags);
}

struct Lanes {
  std::map<std::string, std::size_t, std::less<>> by_id;
};

class RowReader {
 public:
  RowReader(const Header& header, char separator, model::Timeline& tl, Diagnostics& diags)
      : h_(header), separator_(separator), tl_(tl), diags_(diags), locale_(tl.header.locale) {}

  void read(const CsvRow& row, std::size_t index) {
    if (!shape_ok(row)) return;
    model::Event e;
    e.index = index;
    e.where = row.cells.front().where;
    e.lane = detail::kNoLane;
    read_id(row, e);
    read_title(row, e);
    const bool dated = read_dates(row, e);
    read_lane(row, e);
    read_group(row, e);
    if (const CsvCell* c = h_.written(row, Column::description)) e.description = c->text;
    read_url(row, e);
    read_tags(row, e);
    if (const CsvCell* c = h_.written(row, Column::color)) {
      const std::string color = trim(c->text);
      if (const std::string problem = detail::color_problem(color); !problem.empty()) diags_.error(c->where, problem);
      else e.style.push_back(Property{"event.color", PropertyValue{color}, c->where});
    }
    if (dated) tl_.events.push_back(std::move(e));
  }

 private:
  // Every row has the header's cells: a cell too many or too few shifts every column after it.
  bool shape_ok(const CsvRow& row) {
    const std::size_t want = h_.columns.size();
    if (row.cells.size() == want) return true;
    if (row.cells.size() > want)
      diags_.error(row.cells[want].where, fmt::format("this row has {} cells, the header {} (quote a cell that "
                                                      "holds a '{}')",
                                                      row.cells.size(), want, separator_ == '\t' ? "\\t" : ","));
    else
      diags_.error(row.end, fmt::format("this row has {} cell{}, the header {}", row.cells.size(),
                                        row.cells.size() == 1 ? "" : "s", want));
    return false;
  }

  void read_id(const CsvRow& row, model::Event& e) {
    const CsvCell* c = h_.written(row, Column::id);
    if (c == nullptr) return;
    e.id = trim(c->text);
    const auto [it, fresh] = ids_.emplace(e.id, c->where);
    if (!fresh) diags_.error(c->where, fmt::format("duplicate event id '{}'", e.id), {{"first used here", it->second}});
  }

  void read_title(const CsvRow& row, model::Event& e) {
    const CsvCell* c = h_.cell(row, Column::title);
    if (c == nullptr) return;
    e.title = c->text;
    if (const std::string problem = detail::title_problem(e.title); !problem.empty()) {
      diags_.error(c->where, problem);
      return;
    }
    if (detail::join_title_lines(e.title)) diags_.warning(c->where, std::string(detail::kTitleLinesWarning));
  }

  bool read_dates(const CsvRow& row, model::Event& e) {
    const CsvCell* date = h_.written(row, Column::date);
    const CsvCell* start = h_.written(row, Column::start);
    const CsvCell* end = h_.written(row, Column::end);
    if (const CsvCell* periods = h_.written(row, Column::periods)) {
      for (const CsvCell* other : {date, start, end})
        if (other != nullptr) {
          diags_.error(other->where, "an event has either 'periods' or a 'date' or a 'start' and an 'end', not both",
                       {{"'periods' is here", periods->where}});
          return false;
        }
      return periods_cell(*periods, e.periods, diags_, locale_);
    }
    if (date != nullptr && (start != nullptr || end != nullptr)) {
      diags_.error(date->where, "an event has either a 'date' or a 'start' and an 'end', not both");
      return false;
    }
    if (date != nullptr) {
      e.date = date_cell(*date, DateRole::point, diags_, locale_);
      return e.date.has_value();
    }
    if ((start != nullptr) != (end != nullptr)) {
      if (start != nullptr) diags_.error(start->where, "'start' without 'end' (a point event uses 'date')");
      else diags_.error(end->where, "'end' without 'start'");
      return false;
    }
    if (start == nullptr) {
      diags_.error(row.cells.front().where, h_.has(Column::periods)
                                                ? "an event needs a 'date', a 'start' and an 'end', or 'periods'"
                                                : "an event needs a 'date' or a 'start' and an 'end'");
      return false;
    }
    e.start = date_cell(*start, DateRole::start, diags_, locale_);
    e.end = date_cell(*end, DateRole::end, diags_, locale_);
    if (!e.start || !e.end) return false;
    detail::check_order(*e.start, *e.end, diags_);
    return true;
  }

  // Lanes are made as they are first named, in that order; the name is the id and the title.
  void read_lane(const CsvRow& row, model::Event& e) {
    const CsvCell* c = h_.written(row, Column::lane);
    if (c == nullptr) return;
    const std::string name = trim(c->text);
    if (const auto it = lanes_.by_id.find(name); it != lanes_.by_id.end()) {
      e.lane = it->second;
      return;
    }
    if (tl_.lanes.size() == detail::kMaxLanes) {
      diags_.error(c->where, fmt::format("more than {} lanes; put related lanes together, or split the timeline",
                                         detail::kMaxLanes));
      return;
    }
    model::Lane lane;
    lane.id = name;
    lane.title = name;
    lane.where = c->where;
    e.lane = tl_.lanes.size();
    lanes_.by_id.emplace(name, e.lane);
    tl_.lanes.push_back(std::move(lane));
  }

  // The row's lane's group (FORMAT.md §5.3): the first row that names one
  // sets it; another group for the same lane is an error at its cell.
  void read_group(const CsvRow& row, const model::Event& e) {
    const CsvCell* c = h_.written(row, Column::group);
    if (c == nullptr) return;
    std::string group = trim(c->text);
    detail::join_title_lines(group);
    if (e.lane == detail::kNoLane || e.lane >= tl_.lanes.size()) {
      diags_.warning(c->where, "a 'group' names the group of the row's lane, and this row has no 'lane'; it is ignored");
      return;
    }
    model::Lane& lane = tl_.lanes[e.lane];
    if (lane.group.empty()) {
      lane.group = std::move(group);
      lane.group_where = c->where;
    } else if (lane.group != group) {
      diags_.error(c->where, fmt::format("lane '{}' is already in group '{}'", lane.id, lane.group),
                   {{"its group is named here", lane.group_where}});
    }
  }

  void read_url(const CsvRow& row, model::Event& e) {
    const CsvCell* c = h_.written(row, Column::url);
    if (c == nullptr) return;
    const std::string url = trim(c->text);
    if (const std::string problem = url_problem(url); !problem.empty()) diags_.error(c->where, problem);
    else e.url = url;
  }

  void read_tags(const CsvRow& row, model::Event& e) {
    const CsvCell* c = h_.written(row, Column::tags);
    if (c == nullptr) return;
    std::string_view rest = c->text;
    while (!rest.empty()) {
      const std::size_t cut = rest.find(';');
      const std::string tag = trim(rest.substr(0, cut));
      if (!tag.empty()) e.tags.push_back(tag);
      rest = cut == std::string_view::npos ? std::string_view{} : rest.substr(cut + 1);
    }
  }

  const Header& h_;
  char separator_;
  model::Timeline& tl_;
  Diagnostics& diags_;
  const dates::Locale& locale_;
  Lanes lanes_;
  std::map<std::string, SourceLocation, std::less<>> ids_;
};

std::string stem_of(const std::string& file) {
  const std::size_t slash = file.find_last_of("/\\");
  std::string name = slash == std::string::npos ? file : file.substr(slash + 1);
  const std::size_t dot = name.find_last_of('.');
  if (dot != std::string::npos && dot > 0) name.resize(dot);
  return name;
}

}  // namespace

std::optional<model::Timeline> csv_timeline(std::string_view text, const std::string& file, char separator,
                                            Diagnostics& diags) {
  return csv_timeline(text, file, separator, diags, ReadOptions{});
}

std::optional<model::Timeline> csv_timeline(std::string_view text, const std::string& file, char separator,
                                            Diagnostics& diags, const ReadOptions& options) {
  Diagnostics local;
  std::optional<model::Timeline> result;
  if (auto rows = detail::split_csv(text, separator, file, local)) {
    result.emplace();
    result->file = file;
    // A CSV file has no header of its own: its language comes from --set locale=….
    if (!options.locale.empty())
      if (auto made = dates::make_locale(options.locale); std::holds_alternative<dates::Locale>(made))
        result->header.locale = std::get<dates::Locale>(std::move(made));
    result->header.title = file == "-" ? std::string() : stem_of(file);
    if (rows->empty()) {
      local.error({file, 1, 1}, "an empty file: a CSV timeline needs a header row (title, date, ...) and a row "
                                "per event");
    } else if (auto header = read_header(rows->front(), local)) {
      RowReader reader(*header, separator, *result, local);
      for (std::size_t i = 1; i < rows->size(); ++i) reader.read((*rows)[i], i - 1);
      if (rows->size() == 1) local.error(rows->front().end, "no events: the file has a header row and nothing below it");
      detail::assign_default_lane(*result);
      detail::gather_groups(*result, local);
    }
  }
  local.sort_by_position();
  for (const auto& d : local.all()) diags.add(d);
  return result;
}

}  // namespace annals::load
