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

The program is `annals` on PATH, or the ANNALS environment variable; figures
are written to the folder named by the metadata field `annals-dir` (default
"annals-figures"), named by a hash of their input, so unchanged charts are
not redrawn and reruns give the same files.
]==]

local annals = os.getenv("ANNALS") or "annals"
local figures_dir = "annals-figures"

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

local function file_exists(path)
  local f = io.open(path, "rb")
  if f then f:close() end
  return f ~= nil
end

-- The command line for one block; its order is fixed so the hash is stable.
local function arguments(attrs, format)
  local args = { "render", "-", "--format", format, "-o", "-", "--quiet" }
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
  return args
end

-- The [timeline] title, for alt text when there is no caption.
local function timeline_title(toml)
  local header = toml:match("%[timeline%](.-)\n%[") or toml:match("%[timeline%](.*)$") or ""
  return header:match('\ntitle%s*=%s*"([^"]*)"') or "Timeline"
end

local function caption_inlines(text)
  if not text or text == "" then return {} end
  local doc = pandoc.read(text, "markdown")
  return doc.blocks[1] and doc.blocks[1].content or {}
end

local function figure(block, path, attrs, format)
  local caption = caption_inlines(attrs.caption)
  local alt = attrs.alt or (#caption > 0 and pandoc.utils.stringify(caption)) or timeline_title(block.text)
  -- SVG and PDF carry their size; a PNG's pixels would be read at 96 dpi.
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

local function read_file(path)
  local f = assert(io.open(path, "rb"))
  local bytes = f:read("a")
  f:close()
  return bytes
end

-- Several charts share one HTML document: Cairo's ids (glyph-0-1, surface1,
-- clip1) must not collide, so each chart's ids get a prefix of its own.
local function prefix_ids(svg, prefix)
  svg = svg:gsub("^<%?xml[^>]*>%s*", "")
  svg = svg:gsub(' id="', ' id="' .. prefix)
  svg = svg:gsub('href="#', 'href="#' .. prefix)
  svg = svg:gsub("url%(#", "url(#" .. prefix)
  -- Scale down with the page, keeping the proportions of the viewBox.
  return (svg:gsub("<svg ", '<svg style="max-width:100%%;height:auto" ', 1))
end

-- The SVG itself in the page, not an <img>: its text is found by the browser's
-- search and read by screen readers, its tooltips show and its links work.
local function inline_figure(block, svg, attrs, name)
  local caption = caption_inlines(attrs.caption)
  local id = block.identifier ~= "" and string.format(' id="%s"', block.identifier) or ""
  local html = string.format('<figure%s class="annals">\n%s', id, prefix_ids(svg, "annals-" .. name:sub(1, 8) .. "-"))
  if #caption > 0 then
    html = html .. "<figcaption>" .. pandoc.write(pandoc.Pandoc({ pandoc.Plain(caption) }), "html") .. "</figcaption>\n"
  end
  return pandoc.RawBlock("html", html .. "</figure>")
end

local function render(block)
  local attrs = {}
  for k, v in pairs(block.attributes) do attrs[k] = v end
  local format = image_format(attrs)
  local args = arguments(attrs, format)
  local name = pandoc.sha1(table.concat(args, "\0") .. "\0" .. block.text)
  local path = string.format("%s/%s.%s", figures_dir, name, format)
  if not file_exists(path) then
    local ok, bytes = pcall(pandoc.pipe, annals, args, block.text)
    if not ok then
      io.stderr:write(string.format("annals.lua: the timeline in an annals block could not be drawn:\n%s\n",
                                    tostring(bytes)))
      return nil  -- keep the code block, so the document still builds and shows the source
    end
    make_dir(figures_dir)
    local out = assert(io.open(path, "wb"))
    out:write(bytes)
    out:close()
  end
  if format == "svg" and FORMAT:match("html") and (attrs.inline == "true" or attrs.inline == "yes") then
    return inline_figure(block, read_file(path), attrs, name)
  end
  return figure(block, path, attrs, format)
end

return {
  { Meta = function(meta)
      if meta["annals-dir"] then figures_dir = pandoc.utils.stringify(meta["annals-dir"]) end
    end },
  { CodeBlock = function(block)
      if block.classes:includes("annals") then return render(block) end
    end },
}
