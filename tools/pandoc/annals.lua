--[==[ annals.lua — a Pandoc filter that draws timelines written in Markdown.

A fenced code block with the class `annals` holds a timeline (TOML); it
becomes a figure: PDF for LaTeX output, SVG for HTML and EPUB, PNG for
word-processor formats.

    ```{.annals caption="Bolivia's foreign relations" width="16cm" style="print"}
    [[event]]
    title = "War of the Pacific"
    start = 1879
    end = 1883
    ```

    pandoc report.md --lua-filter tools/pandoc/annals.lua -o report.html

Attributes (all optional):
  caption     figure caption (Markdown); without one the image stands alone
  alt         text for screen readers (default: the caption, else the timeline's title)
  width       chart width, e.g. "16cm" to match a text block (default 16cm; the height fits the content)
  page        a page size instead (A4, letter, ...)
  style       a built-in style or a style file (relative to where pandoc runs)
  margin      page margin, e.g. "0" for tight figures
  background  page background, e.g. "none" for transparent
  set         more style overrides: "event.marker=diamond; font.size=8"
  format      svg, pdf or png, overriding the choice from the output format
  dpi         PNG resolution
  now         what "present" means (default: the timeline's now, SOURCE_DATE_EPOCH, today)
  inline      "true": in HTML, the SVG goes into the page itself instead of an
              <img>, so its text can be searched and read aloud and its
              tooltips and links work (ids are prefixed per chart)
  #id         the figure's identifier, for cross-references

The program is `annals` on PATH, or the ANNALS environment variable. Figures
are written to the folder named by the metadata field `annals-dir` (default
"annals-figures"), taken relative to the output file's folder so that
`-o out/report.html` links to `out/annals-figures/…`, and are added to
pandoc's media bag, so `--embed-resources`, Word, EPUB and PDF output carry
them. A figure's name is a hash of its input, the annals version and the
contents of the style files it reads, so unchanged charts are not redrawn,
reruns give the same files, and editing a style or upgrading annals redraws.

Problems are reported in the Markdown file's own terms: "report.md:14:9:
error: …" with the block's caption named. A chart with errors keeps its code
block and the document still builds, unless the metadata field
`annals-strict: true` is set: then any error or warning fails the build, as
`annals --strict` does.
]==]

local annals = os.getenv("ANNALS") or "annals"
local figures_dir = "annals-figures"
local strict = false

local function image_format(attrs)
  if attrs.format then return attrs.format end
  if FORMAT:match("latex") or FORMAT:match("beamer") or FORMAT:match("context") then return "pdf" end
  if FORMAT:match("docx") or FORMAT:match("odt") or FORMAT:match("pptx") or FORMAT:match("rtf") then
    return "png"
  end
  return "svg"
end

local function make_dir(dir)
  if pandoc.system and pandoc.system.make_directory then
    pcall(pandoc.system.make_directory, dir, true)
  else
    os.execute("mkdir -p '" .. dir:gsub("'", "'\\''") .. "'")
  end
end

local function read_file(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local bytes = f:read("a")
  f:close()
  return bytes
end

local function file_exists(path) return read_file(path) ~= nil end

-- The folder of the output file ("" for the current one, and for standard output).
local function output_folder()
  local out = PANDOC_STATE and PANDOC_STATE.output_file
  if not out or out == "-" then return "" end
  return out:match("^(.*)/[^/]*$") or ""
end

local function joined(folder, name)
  if folder == "" or name:sub(1, 1) == "/" then return name end
  return folder .. "/" .. name
end

-- The command line for one block; its order is fixed so the hash is stable.
local function arguments(attrs, format)
  local args = { "render", "-", "--format", format, "-o", "-" }
  local function add(flag, value) if value and value ~= "" then table.insert(args, flag); table.insert(args, value) end end
  if not attrs.width and not attrs.page then attrs.width = "16cm" end
  add("--width", attrs.width)
  add("--page", attrs.page)
  add("--style", attrs.style)
  add("--dpi", attrs.dpi)
  add("--now", attrs.now)
  if attrs.margin then add("--set", "page.margin=" .. attrs.margin) end
  if attrs.background then add("--set", "page.background=" .. attrs.background) end
  for assignment in (attrs.set or ""):gmatch("[^;]+") do
    add("--set", (assignment:gsub("^%s+", ""):gsub("%s+$", "")))
  end
  if strict then table.insert(args, "--strict") end
  return args
end

-- `annals --version`, asked once: a new version may draw differently.
local version = nil
local function annals_version()
  if version == nil then
    local ok, out = pcall(pandoc.pipe, annals, { "--version" }, "")
    version = ok and out or ""
  end
  return version
end

-- The contents of every style file a block reads (its `style` attribute, the
-- timeline's own `style`, and their `extends` chains), so that editing one
-- redraws the chart. Built-in style names are not files and add nothing.
local function style_contents(attrs, toml)
  local seen, parts = {}, {}
  local function add(name, depth)
    if not name or name == "" or seen[name] or depth > 16 then return end
    seen[name] = true
    local text = read_file(name)
    if not text then return end
    table.insert(parts, name .. "\0" .. text)
    add(text:match('\nextends%s*=%s*"([^"]+)"') or text:match('^extends%s*=%s*"([^"]+)"'), depth + 1)
  end
  add(attrs.style, 0)
  local header = toml:match("%[timeline%](.-)\n%[") or toml:match("%[timeline%](.*)$") or ""
  add(header:match('\nstyle%s*=%s*"([^"]+)"'), 0)
  return table.concat(parts, "\0")
end

-- The [timeline] title, for alt text when there is no caption.
local function timeline_title(toml)
  local header = toml:match("%[timeline%](.-)\n%[") or toml:match("%[timeline%](.*)$") or ""
  return header:match('\ntitle%s*=%s*"([^"]*)"') or "Timeline"
end

-- Where each block's text starts in the Markdown files: the file and the
-- line of its first line, found by searching the sources for the text (the
-- n-th block with a given text is its n-th occurrence). Pandoc gives filters
-- no positions; a block that cannot be found (indented inside a list, read
-- from standard input) is named by its number instead.
local sources = nil
local occurrences = {}
local function block_origin(text)
  if sources == nil then
    sources = {}
    for _, file in ipairs((PANDOC_STATE and PANDOC_STATE.input_files) or {}) do
      local content = file ~= "-" and read_file(file)
      if content then table.insert(sources, { name = file, text = content }) end
    end
  end
  local wanted = (occurrences[text] or 0) + 1
  occurrences[text] = wanted
  local count = 0
  for _, src in ipairs(sources) do
    local from = 1
    while true do
      local at = src.text:find(text, from, true)
      if not at then break end
      -- A block's text starts a line.
      if at == 1 or src.text:sub(at - 1, at - 1) == "\n" then
        count = count + 1
        if count == wanted then
          local _, newlines = src.text:sub(1, at - 1):gsub("\n", "")
          return src.name, newlines + 1
        end
      end
      from = at + 1
    end
  end
  return nil, nil
end

-- annals' messages name the timeline "-" (standard input): each becomes the
-- Markdown file's line and column, and the first names the block.
local function rewrite_messages(messages, file, first_line, block_name)
  local out = {}
  for line in messages:gmatch("[^\n]+") do
    local l, c, rest = line:match("^%-:(%d+):(%d+):(.*)$")
    if l and file then
      line = string.format("%s:%d:%s:%s", file, first_line + tonumber(l) - 1, c, rest)
    elseif l then
      line = string.format("%s, line %s:%s:%s", block_name, l, c, rest)
    else
      line = line:gsub("^%-: ", (file or block_name) .. ": ")
    end
    table.insert(out, line)
  end
  return out
end

local function is_quiet()
  local v = PANDOC_STATE and PANDOC_STATE.verbosity
  return v == "ERROR"
end

-- Runs annals on the block; returns the bytes or nil, and the messages it printed.
local function run_annals(args, text)
  local err_path = os.tmpname()
  local command = { "-c", 'err=$1; shift; exec "$@" 2>"$err"', "sh", err_path, annals }
  for _, a in ipairs(args) do table.insert(command, a) end
  local ok, bytes = pcall(pandoc.pipe, "sh", command, text)
  local messages = read_file(err_path) or ""
  os.remove(err_path)
  if not ok then
    if messages == "" then messages = tostring(bytes) .. "\n" end
    return nil, messages
  end
  return bytes, messages
end

local function caption_inlines(text)
  if not text or text == "" then return {} end
  local doc = pandoc.read(text, "markdown")
  return doc.blocks[1] and doc.blocks[1].content or {}
end

local function figure(block, path, attrs, format)
  local caption = caption_inlines(attrs.caption)
  local alt = attrs.alt or (#caption > 0 and pandoc.utils.stringify(caption)) or timeline_title(block.text)
  -- SVG and PDF carry their size, and a PNG its resolution; some writers
  -- ignore that, so a PNG also gets the width asked for.
  local size = {}
  if format == "png" and attrs.width then size = { { "width", attrs.width } } end
  if #caption == 0 then
    return pandoc.Para({ pandoc.Image({ pandoc.Str(alt) }, path, "", pandoc.Attr(block.identifier, {}, size)) })
  end
  if pandoc.Figure then  -- pandoc 3: a real figure element
    local image = pandoc.Image(caption, path, "", pandoc.Attr("", {}, { { "alt", alt }, table.unpack(size) }))
    return pandoc.Figure(pandoc.Plain({ image }), { pandoc.Plain(caption) }, pandoc.Attr(block.identifier, {}, {}))
  end
  -- pandoc 2: an image alone in a paragraph with a "fig:" title is a figure.
  return pandoc.Para({ pandoc.Image(caption, path, "fig:",
                                    pandoc.Attr(block.identifier, {}, { { "alt", alt }, table.unpack(size) })) })
end

-- Several charts share one HTML document: annals starts every id of a chart
-- with a prefix of its own (from the chart's content); a block drawn twice
-- in one document gets one more prefix per figure, so no id is used twice.
-- annals' root style already lets the chart shrink with the page.
local function prefix_ids(svg, prefix)
  svg = svg:gsub("^<%?xml[^>]*>%s*", "")
  svg = svg:gsub(' id="', ' id="' .. prefix)
  svg = svg:gsub('href="#', 'href="#' .. prefix)
  return (svg:gsub("url%(#", "url(#" .. prefix))
end

-- The SVG itself in the page, not an <img>: its text is found by the browser's
-- search and read by screen readers, its tooltips show and its links work.
local inline_count = 0
local function inline_figure(block, svg, attrs)
  inline_count = inline_count + 1
  local caption = caption_inlines(attrs.caption)
  local id = block.identifier ~= "" and string.format(' id="%s"', block.identifier) or ""
  local html = string.format('<figure%s class="annals">\n%s', id, prefix_ids(svg, "f" .. inline_count .. "-"))
  if #caption > 0 then
    html = html .. "<figcaption>" .. pandoc.write(pandoc.Pandoc({ pandoc.Plain(caption) }), "html") .. "</figcaption>\n"
  end
  return pandoc.RawBlock("html", html .. "</figure>")
end

local mime = { svg = "image/svg+xml", pdf = "application/pdf", png = "image/png" }
local block_count = 0

local function render(block)
  block_count = block_count + 1
  local attrs = {}
  for k, v in pairs(block.attributes) do attrs[k] = v end
  local format = image_format(attrs)
  local args = arguments(attrs, format)
  local file, first_line = block_origin(block.text)
  local block_name = attrs.caption and string.format("annals block %d (%q)", block_count, attrs.caption)
                     or string.format("annals block %d", block_count)
  local key = table.concat(args, "\0") .. "\0" .. annals_version() .. "\0" .. style_contents(attrs, block.text)
  local name = pandoc.sha1(key .. "\0" .. block.text)
  local link = string.format("%s/%s.%s", figures_dir, name, format)
  local path = joined(output_folder(), link)
  local bytes = read_file(path)
  if not bytes then
    local messages
    bytes, messages = run_annals(args, block.text)
    local lines = rewrite_messages(messages, file, first_line, block_name)
    if #lines > 0 and (not bytes or not is_quiet()) then
      local where = file and string.format("%s:%d", file, first_line) or block_name
      io.stderr:write(string.format("annals.lua: in the %s at %s:\n", block_name, where))
      for _, l in ipairs(lines) do io.stderr:write(l, "\n") end
    end
    if not bytes then
      if strict then
        error(string.format("annals.lua: the %s could not be drawn (annals-strict is set)", block_name), 0)
      end
      io.stderr:write("annals.lua: the block stays as code; the document still builds\n")
      return nil  -- keep the code block, so the document still builds and shows the source
    end
    local folder = path:match("^(.*)/[^/]*$")
    if folder then make_dir(folder) end
    local out = assert(io.open(path, "wb"))
    out:write(bytes)
    out:close()
  end
  pandoc.mediabag.insert(link, mime[format] or "application/octet-stream", bytes)
  if format == "svg" and FORMAT:match("html") and (attrs.inline == "true" or attrs.inline == "yes") then
    return inline_figure(block, bytes, attrs)
  end
  return figure(block, link, attrs, format)
end

local function truthy(value)
  if value == nil then return false end
  if type(value) == "boolean" then return value end
  local s = pandoc.utils.stringify(value)
  return s == "true" or s == "yes" or s == "1"
end

return {
  { Meta = function(meta)
      if meta["annals-dir"] then figures_dir = pandoc.utils.stringify(meta["annals-dir"]) end
      strict = truthy(meta["annals-strict"])
    end },
  { CodeBlock = function(block)
      if block.classes:includes("annals") then return render(block) end
    end },
}
