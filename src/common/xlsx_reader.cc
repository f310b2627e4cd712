#include "common/xlsx_reader.h"

#include <unzip.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <pugixml.hpp>

namespace samspill {
namespace {

// ---- The zip archive, read from memory through minizip's I/O callbacks.

struct MemoryFile {
  std::string_view data;
  uint64_t pos = 0;
};

voidpf ZCALLBACK ZipOpen(voidpf, const void* file, int) {
  return const_cast<void*>(file);  // the MemoryFile given to unzOpen2_64
}
uLong ZCALLBACK ZipRead(voidpf, voidpf stream, void* buf, uLong size) {
  auto* f = static_cast<MemoryFile*>(stream);
  if (f->pos >= f->data.size()) return 0;
  const uLong n = static_cast<uLong>(std::min<uint64_t>(size, f->data.size() - f->pos));
  std::memcpy(buf, f->data.data() + f->pos, n);
  f->pos += n;
  return n;
}
uLong ZCALLBACK ZipWrite(voidpf, voidpf, const void*, uLong) { return 0; }
ZPOS64_T ZCALLBACK ZipTell(voidpf, voidpf stream) { return static_cast<MemoryFile*>(stream)->pos; }
long ZCALLBACK ZipSeek(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
  auto* f = static_cast<MemoryFile*>(stream);
  uint64_t base = 0;
  switch (origin) {
    case ZLIB_FILEFUNC_SEEK_SET:
      base = 0;
      break;
    case ZLIB_FILEFUNC_SEEK_CUR:
      base = f->pos;
      break;
    case ZLIB_FILEFUNC_SEEK_END:
      base = f->data.size();
      break;
    default:
      return -1;
  }
  if (offset > f->data.size() || base + offset > f->data.size()) return -1;
  f->pos = base + offset;
  return 0;
}
int ZCALLBACK ZipClose(voidpf, voidpf) { return 0; }
int ZCALLBACK ZipError(voidpf, voidpf) { return 0; }

struct ZipCloser {
  void operator()(void* zip) const { unzClose(zip); }
};
using Zip = std::unique_ptr<void, ZipCloser>;

const char kNotAWorkbook[] =
    "the file is not an xlsx workbook (it is not a zip archive, or a damaged one)";

// The inflated entry `name`, nullopt when the archive has none. Stops at the limit while
// inflating, whatever size the archive's directory claims.
Result<std::optional<std::string>> ReadEntry(unzFile zip, const std::string& name,
                                             const XlsxLimits& limits) {
  if (unzLocateFile(zip, name.c_str(), 1) != UNZ_OK) return std::optional<std::string>();
  unz_file_info64 info{};
  if (unzGetCurrentFileInfo64(zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK) {
    return InvalidArgument("the workbook is damaged: " + name + " cannot be read");
  }
  const std::string too_large = "the workbook's part " + name + " is larger than " +
                                std::to_string(limits.max_entry_bytes) + " bytes";
  if (info.uncompressed_size > limits.max_entry_bytes) return ResourceExhausted(too_large);
  if (unzOpenCurrentFile(zip) != UNZ_OK) {
    return InvalidArgument("the workbook is damaged or encrypted: " + name + " cannot be read");
  }
  std::string out;
  char buffer[1 << 16];
  while (true) {
    const int n = unzReadCurrentFile(zip, buffer, sizeof buffer);
    if (n < 0) {
      unzCloseCurrentFile(zip);
      return InvalidArgument("the workbook is damaged: " + name + " cannot be inflated");
    }
    if (n == 0) break;
    if (out.size() + static_cast<size_t>(n) > limits.max_entry_bytes) {
      unzCloseCurrentFile(zip);
      return ResourceExhausted(too_large);
    }
    out.append(buffer, static_cast<size_t>(n));
  }
  if (unzCloseCurrentFile(zip) != UNZ_OK) {
    return InvalidArgument("the workbook is damaged: " + name + " fails its checksum");
  }
  return std::optional<std::string>(std::move(out));
}

// ---- The XML parts.

std::string_view LocalName(const char* name) {
  std::string_view n(name);
  const size_t colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

template <typename Fn>
void ForEachChild(pugi::xml_node node, std::string_view local, Fn&& fn) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && LocalName(c.name()) == local) fn(c);
  }
}

pugi::xml_node Child(pugi::xml_node node, std::string_view local) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && LocalName(c.name()) == local) return c;
  }
  return {};
}

// The text of an element's character data (<t>, <v>), without descending further.
std::string Text(pugi::xml_node node) {
  std::string out;
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
  }
  return out;
}

// A string item (<si>, <is>): its <t>, or its rich-text runs' <t>s; phonetic runs left out.
std::string StringItem(pugi::xml_node item) {
  std::string out;
  for (pugi::xml_node c = item.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    if (LocalName(c.name()) == "t") out += Text(c);
    if (LocalName(c.name()) == "r") ForEachChild(c, "t", [&](pugi::xml_node t) { out += Text(t); });
  }
  return out;
}

Result<std::unique_ptr<pugi::xml_document>> ParseXml(const std::string& text,
                                                     const std::string& name) {
  auto doc = std::make_unique<pugi::xml_document>();
  // Whitespace-only text is kept where it is the whole of an element (<t> </t> is a space).
  const pugi::xml_parse_result parsed = doc->load_buffer(
      text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
  if (!parsed) {
    return InvalidArgument("the workbook's part " + name + " is not well-formed XML (at byte " +
                           std::to_string(parsed.offset) + ")");
  }
  return doc;
}

std::string Attribute(pugi::xml_node node, std::string_view local) {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    if (LocalName(a.name()) == local) return a.value();
  }
  return "";
}

struct SheetEntry {
  std::string name;
  std::string part;  // "xl/worksheets/sheet1.xml"
};

class Workbook {
 public:
  static Result<Workbook> Open(std::string_view bytes, const XlsxLimits& limits) {
    if (bytes.size() > limits.max_file_bytes) {
      return ResourceExhausted("the file is larger than " + std::to_string(limits.max_file_bytes) +
                               " bytes");
    }
    if (!bytes.starts_with("PK")) return InvalidArgument(kNotAWorkbook);
    Workbook w(bytes, limits);
    zlib_filefunc64_def io{};
    io.zopen64_file = ZipOpen;
    io.zread_file = ZipRead;
    io.zwrite_file = ZipWrite;
    io.ztell64_file = ZipTell;
    io.zseek64_file = ZipSeek;
    io.zclose_file = ZipClose;
    io.zerror_file = ZipError;
    w.zip_.reset(unzOpen2_64(w.file_.get(), &io));
    if (w.zip_ == nullptr) return InvalidArgument(kNotAWorkbook);
    SAMSPILL_RETURN_IF_ERROR(w.ReadSheetList());
    return w;
  }

  const std::vector<SheetEntry>& sheets() const { return sheets_; }

  Result<XlsxSheet> ReadSheet(std::string_view name) {
    const SheetEntry* entry = nullptr;
    if (name.empty()) {
      if (sheets_.empty()) return InvalidArgument("the workbook has no worksheet");
      entry = &sheets_.front();
    } else {
      std::string names;
      for (const SheetEntry& s : sheets_) {
        if (s.name == name) entry = &s;
        names += (names.empty() ? "'" : ", '") + s.name + "'";
      }
      if (entry == nullptr) {
        return InvalidArgument("the workbook has no worksheet '" + std::string(name) +
                               "' (it has " + (names.empty() ? "none" : names) + ")");
      }
    }
    SAMSPILL_ASSIGN_OR_RETURN(std::optional<std::string> xml, Entry(entry->part));
    if (!xml) {
      return InvalidArgument("the workbook is damaged: the worksheet '" + entry->name +
                             "' is missing (" + entry->part + ")");
    }
    SAMSPILL_RETURN_IF_ERROR(ReadSharedStrings());
    SAMSPILL_ASSIGN_OR_RETURN(auto doc, ParseXml(*xml, entry->part));
    XlsxSheet sheet{.name = entry->name};
    SAMSPILL_RETURN_IF_ERROR(ReadCells(*doc, sheet));
    return sheet;
  }

 private:
  Workbook(std::string_view bytes, const XlsxLimits& limits)
      : file_(std::make_unique<MemoryFile>(MemoryFile{bytes})), limits_(limits) {}

  Result<std::optional<std::string>> Entry(const std::string& name) {
    return ReadEntry(zip_.get(), name, limits_);
  }

  Status ReadSheetList() {
    SAMSPILL_ASSIGN_OR_RETURN(std::optional<std::string> xml, Entry("xl/workbook.xml"));
    if (!xml) {
      return InvalidArgument("the zip archive is not an xlsx workbook (it has no xl/workbook.xml)");
    }
    SAMSPILL_ASSIGN_OR_RETURN(auto doc, ParseXml(*xml, "xl/workbook.xml"));
    // Relationship ids to parts; without the relationships, the parts' usual names.
    std::map<std::string, std::string> targets;
    SAMSPILL_ASSIGN_OR_RETURN(std::optional<std::string> rels, Entry("xl/_rels/workbook.xml.rels"));
    if (rels) {
      SAMSPILL_ASSIGN_OR_RETURN(auto rel_doc, ParseXml(*rels, "xl/_rels/workbook.xml.rels"));
      ForEachChild(Child(*rel_doc, "Relationships"), "Relationship", [&](pugi::xml_node r) {
        std::string target = Attribute(r, "Target");
        target = target.starts_with('/') ? target.substr(1) : "xl/" + target;
        targets[Attribute(r, "Id")] = target;
      });
    }
    ForEachChild(Child(Child(*doc, "workbook"), "sheets"), "sheet", [&](pugi::xml_node s) {
      auto it = targets.find(Attribute(s, "id"));
      sheets_.push_back({Attribute(s, "name"),
                         it != targets.end() ? it->second
                                             : "xl/worksheets/sheet" +
                                                   std::to_string(sheets_.size() + 1) + ".xml"});
    });
    return Status::Ok();
  }

  Status ReadSharedStrings() {
    SAMSPILL_ASSIGN_OR_RETURN(std::optional<std::string> xml, Entry("xl/sharedStrings.xml"));
    if (!xml) return Status::Ok();
    SAMSPILL_ASSIGN_OR_RETURN(auto doc, ParseXml(*xml, "xl/sharedStrings.xml"));
    Status status;
    ForEachChild(Child(*doc, "sst"), "si", [&](pugi::xml_node si) {
      if (shared_.size() >= limits_.max_shared_strings) {
        status = ResourceExhausted("the workbook has more than " +
                                   std::to_string(limits_.max_shared_strings) + " strings");
        return;
      }
      shared_.push_back(StringItem(si));
    });
    return status;
  }

  // "B12" → column 1, row 12 (both from 1 for the row, from 0 for the column).
  Status CellPlace(const std::string& ref, size_t& column, size_t& row) const {
    size_t i = 0, c = 0, r = 0;
    while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 4) {
      c = c * 26 + static_cast<size_t>(ref[i] - 'A' + 1);
      ++i;
    }
    const size_t letters = i;
    while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9' && i - letters < 8) {
      r = r * 10 + static_cast<size_t>(ref[i] - '0');
      ++i;
    }
    if (letters == 0 || i == letters || i != ref.size() || r == 0) {
      return InvalidArgument("the worksheet has a cell with the reference '" + ref.substr(0, 20) +
                             "', which is not one");
    }
    column = c - 1;
    row = r;
    return Status::Ok();
  }

  Status ReadCells(const pugi::xml_document& doc, XlsxSheet& sheet) {
    const std::string columns_limit =
        "the worksheet has more than " + std::to_string(limits_.max_columns) + " columns";
    const std::string rows_limit =
        "the worksheet has more than " + std::to_string(limits_.max_rows) + " rows";
    // Every stored cell, also the empty ones before a filled one, counts against the limit.
    const size_t max_cells = limits_.max_cells;
    size_t cells = 0;
    size_t row_number = 0;
    pugi::xml_node data = Child(Child(doc, "worksheet"), "sheetData");
    for (pugi::xml_node row = data.first_child(); row; row = row.next_sibling()) {
      if (row.type() != pugi::node_element || LocalName(row.name()) != "row") continue;
      const std::string r = Attribute(row, "r");
      if (r.empty()) {
        ++row_number;
      } else {
        size_t column = 0;
        SAMSPILL_RETURN_IF_ERROR(CellPlace("A" + r, column, row_number));
      }
      if (row_number > limits_.max_rows) return ResourceExhausted(rows_limit);
      if (sheet.rows.size() < row_number) sheet.rows.resize(row_number);
      std::vector<std::string>& cells_of_row = sheet.rows[row_number - 1];
      size_t column = cells_of_row.size();
      for (pugi::xml_node c = row.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element || LocalName(c.name()) != "c") continue;
        const std::string ref = Attribute(c, "r");
        if (!ref.empty()) {
          size_t cell_row = 0;
          SAMSPILL_RETURN_IF_ERROR(CellPlace(ref, column, cell_row));
          if (cell_row != row_number) {
            return InvalidArgument("the worksheet's cell " + ref + " is in row " +
                                   std::to_string(row_number));
          }
        }
        if (column >= limits_.max_columns) return ResourceExhausted(columns_limit);
        if (cells_of_row.size() < column + 1) {
          cells += column + 1 - cells_of_row.size();
          if (cells > max_cells) {
            return ResourceExhausted("the worksheet has more than " + std::to_string(max_cells) +
                                     " cells");
          }
          cells_of_row.resize(column + 1);
        }
        SAMSPILL_ASSIGN_OR_RETURN(cells_of_row[column], CellText(c, ref));
        ++column;
      }
      while (!cells_of_row.empty() && cells_of_row.back().empty()) cells_of_row.pop_back();
    }
    while (!sheet.rows.empty() && sheet.rows.back().empty()) sheet.rows.pop_back();
    return Status::Ok();
  }

  Result<std::string> CellText(pugi::xml_node c, const std::string& ref) const {
    const std::string type = Attribute(c, "t");
    if (type == "inlineStr") return StringItem(Child(c, "is"));
    const std::string value = Text(Child(c, "v"));
    if (type == "s") {
      size_t index = 0;
      if (value.empty() || value.size() > 9 ||
          value.find_first_not_of("0123456789") != std::string::npos ||
          (index = std::stoul(value)) >= shared_.size()) {
        return InvalidArgument("the workbook is damaged: the cell " + ref +
                               " refers to a string it does not have");
      }
      return shared_[index];
    }
    if (type == "b") return std::string(value == "1" ? "TRUE" : value == "0" ? "FALSE" : value);
    return value;  // numbers ("n" or none), formula strings ("str"), errors ("e"), dates ("d")
  }

  std::unique_ptr<MemoryFile> file_;  // where minizip reads; stays put when the Workbook moves
  XlsxLimits limits_;
  Zip zip_;
  std::vector<SheetEntry> sheets_;
  std::vector<std::string> shared_;
};

}  // namespace

Result<std::vector<std::string>> XlsxSheetNames(std::string_view bytes, const XlsxLimits& limits) {
  SAMSPILL_ASSIGN_OR_RETURN(Workbook w, Workbook::Open(bytes, limits));
  std::vector<std::string> names;
  for (const SheetEntry& s : w.sheets()) names.push_back(s.name);
  return names;
}

Result<XlsxSheet> ReadXlsxSheet(std::string_view bytes, std::string_view sheet_name,
                                const XlsxLimits& limits) {
  SAMSPILL_ASSIGN_OR_RETURN(Workbook w, Workbook::Open(bytes, limits));
  return w.ReadSheet(sheet_name);
}

}  // namespace samspill
