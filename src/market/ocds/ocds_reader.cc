#include "market/ocds/ocds_reader.h"

#include <iterator>
#include <nlohmann/json.hpp>
#include <vector>

#include "market/ocds/text_input.h"

namespace samspill::market {
namespace {

using nlohmann::json;

// An input iterator over TextInput for nlohmann's parser. Copies share the TextInput, which
// is what a single-pass iterator is.
class InputIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = char;

  InputIterator() = default;
  // `stop_at_newline`: the input is JSON Lines, so a document ends with its line.
  InputIterator(TextInput* in, bool stop_at_newline) : in_(in), stop_at_newline_(stop_at_newline) {}
  char operator*() const { return static_cast<char>(in_->Peek()); }
  InputIterator& operator++() {
    in_->Get();
    return *this;
  }
  InputIterator operator++(int) {
    InputIterator copy = *this;
    in_->Get();
    return copy;
  }
  bool operator==(const InputIterator& other) const { return AtEnd() == other.AtEnd(); }
  bool operator!=(const InputIterator& other) const { return !(*this == other); }

 private:
  bool AtEnd() const {
    if (in_ == nullptr) return true;
    int c = in_->Peek();
    return c < 0 || (stop_at_newline_ && c == '\n');
  }
  TextInput* in_ = nullptr;
  bool stop_at_newline_ = false;
};

// Builds one JSON value from SAX events, iteratively (no recursion on deep input).
class DomBuilder {
 public:
  void Reset() {
    root_ = json();
    stack_.clear();
    slot_ = nullptr;
  }
  void Value(json value) { Place(std::move(value)); }
  void StartObject() { stack_.push_back(Place(json::object())); }
  void StartArray() { stack_.push_back(Place(json::array())); }
  void Key(const std::string& key) { slot_ = &(*stack_.back())[key]; }
  void End() {
    if (!stack_.empty()) stack_.pop_back();
  }
  json& root() { return root_; }

 private:
  json* Place(json&& value) {
    if (stack_.empty()) {
      root_ = std::move(value);
      return &root_;
    }
    json& parent = *stack_.back();
    if (parent.is_array()) {
      parent.push_back(std::move(value));
      return &parent.back();
    }
    *slot_ = std::move(value);
    return slot_;
  }

  json root_;
  std::vector<json*> stack_;
  json* slot_ = nullptr;
};

bool HasCompiledTag(const json& release) {
  auto tag = release.find("tag");
  if (tag == release.end()) return false;
  if (tag->is_string()) return *tag == "compiled";
  if (!tag->is_array()) return false;
  for (const json& t : *tag) {
    if (t == "compiled") return true;
  }
  return false;
}

// A versioned release keeps each field's history as [{releaseID, releaseDate, value}, …].
bool IsVersionedRelease(const json& release) {
  if (release.contains("id")) return false;
  for (const char* section : {"tender", "buyer", "planning"}) {
    auto s = release.find(section);
    if (s == release.end() || !s->is_object()) continue;
    for (const json& field : *s) {
      if (field.is_array() && !field.empty() && field[0].is_object() &&
          field[0].contains("releaseID")) {
        return true;
      }
    }
  }
  return false;
}

// A linked release carries only where the release is, not its data.
bool IsLinkedRelease(const json& release) {
  if (!release.contains("url")) return false;
  for (auto it = release.begin(); it != release.end(); ++it) {
    if (it.key() != "url" && it.key() != "date" && it.key() != "tag") return false;
  }
  return true;
}

class Handler {
 public:
  Handler(TextInput* in, const std::string& file, ReleaseCompiler* compiler, IssueLog* issues,
          OcdsFileStats* stats, const OcdsReadOptions& options)
      : in_(in),
        file_(file),
        compiler_(compiler),
        issues_(issues),
        stats_(stats),
        options_(options) {}

  void StartDocument() {
    depth_ = 0;
    stream_depth_ = -1;
    in_item_ = false;
    skipping_item_ = false;
    saw_releases_ = saw_records_ = top_is_array_ = false;
    top_.Reset();
    top_key_.clear();
    item_index_ = 0;
  }

  // SAX interface (nlohmann::json_sax).
  bool null() { return Scalar(json(nullptr)); }
  bool boolean(bool v) { return Scalar(json(v)); }
  bool number_integer(json::number_integer_t v) { return Scalar(json(v)); }
  bool number_unsigned(json::number_unsigned_t v) { return Scalar(json(v)); }
  bool number_float(json::number_float_t v, const std::string&) { return Scalar(json(v)); }
  bool string(std::string& v) { return Scalar(json(std::move(v))); }
  bool binary(json::binary_t&) { return true; }
  bool start_object(std::size_t) { return StartContainer(true); }
  bool start_array(std::size_t) { return StartContainer(false); }
  bool end_object() { return EndContainer(); }
  bool end_array() { return EndContainer(); }
  bool key(std::string& k) {
    if (in_item_) {
      if (!skipping_item_) item_.Key(k);
      return true;
    }
    if (depth_ == 1) top_key_ = k;
    top_.Key(k);
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
    std::string what = e.what();
    // nlohmann's message names its own character count; ours is the byte offset.
    if (auto colon = what.find("syntax error"); colon != std::string::npos) {
      what = what.substr(colon);
    }
    issues_->Add({"invalid_json", file_, in_->line(), in_->offset(), CurrentPath(), what});
    return false;
  }

  const Location& document_location() const { return document_location_; }
  void set_document_location(Location l) { document_location_ = std::move(l); }
  std::string first_format;

 private:
  std::string ItemPath() const {
    std::string index = "[" + std::to_string(item_index_) + "]";
    if (top_is_array_) return index;
    return (stream_kind_records_ ? "records" : "releases") + index;
  }
  std::string CurrentPath() const { return in_item_ ? ItemPath() : std::string(); }
  Location Here() const { return Location{file_, in_->line(), in_->offset()}; }

  bool Scalar(json value) {
    if (in_item_) {
      if (!skipping_item_) item_.Value(std::move(value));
      return true;
    }
    if (stream_depth_ >= 0 && depth_ == stream_depth_) {
      issues_->Add(
          {"wrong_type", file_, in_->line(), in_->offset(), ItemPath(),
           "a release or record must be an object, not " + std::string(value.type_name())});
      ++stats_->skipped;
      ++item_index_;
      return true;
    }
    if (depth_ == 0) {
      issues_->Add({"wrong_type", file_, document_location_.line, document_location_.offset, "$",
                    "an OCDS document must be an object, not " + std::string(value.type_name())});
      ++stats_->skipped;
      return true;
    }
    top_.Value(std::move(value));
    return true;
  }

  bool StartContainer(bool is_object) {
    if (in_item_) {
      CheckItemSize();
      if (!skipping_item_) is_object ? item_.StartObject() : item_.StartArray();
      ++depth_;
      return true;
    }
    if (stream_depth_ >= 0 && depth_ == stream_depth_) {
      in_item_ = true;
      skipping_item_ = false;
      item_.Reset();
      // The opening bracket is already consumed.
      item_location_ = Location{file_, in_->line(), in_->offset() - 1};
      is_object ? item_.StartObject() : item_.StartArray();
      ++depth_;
      return true;
    }
    if (depth_ == 0 && !is_object) {
      top_is_array_ = true;
      stream_kind_records_ = false;
      stream_depth_ = 1;
      ++depth_;
      return true;
    }
    if (depth_ == 1 && !is_object && (top_key_ == "releases" || top_key_ == "records")) {
      stream_kind_records_ = top_key_ == "records";
      (stream_kind_records_ ? saw_records_ : saw_releases_) = true;
      stream_depth_ = 2;
      item_index_ = 0;
      ++depth_;
      return true;
    }
    is_object ? top_.StartObject() : top_.StartArray();
    ++depth_;
    return true;
  }

  bool EndContainer() {
    --depth_;
    if (in_item_) {
      if (!skipping_item_) item_.End();
      if (depth_ == stream_depth_) {
        in_item_ = false;
        FinishItem();
        ++item_index_;
      }
      return true;
    }
    if (stream_depth_ >= 0 && depth_ == stream_depth_ - 1) {
      stream_depth_ = -1;
      if (depth_ == 0) FinishDocument();
      return true;
    }
    top_.End();
    if (depth_ == 0) FinishDocument();
    return true;
  }

  void CheckItemSize() {
    if (skipping_item_) return;
    if (in_->offset() - item_location_.offset > options_.max_item_bytes) {
      skipping_item_ = true;
      item_.Reset();
      issues_->Add(
          {"too_large", file_, item_location_.line, item_location_.offset, ItemPath(),
           "item larger than " + std::to_string(options_.max_item_bytes) + " bytes skipped"});
    }
  }

  void FinishItem() {
    uint64_t bytes = in_->offset() - item_location_.offset;
    if (skipping_item_) {
      ++stats_->skipped;
      return;
    }
    json& value = item_.root();
    if (stream_kind_records_) {
      ++stats_->records;
      HandleRecord(value, ItemPath(), item_location_);
    } else {
      ++stats_->releases;
      HandleRelease(std::move(value), ItemPath(), item_location_, bytes, "");
    }
  }

  void HandleRelease(json release, const std::string& path, const Location& loc, uint64_t bytes,
                     const std::string& fallback_ocid) {
    if (!release.is_object()) {
      issues_->Add(
          {"wrong_type", loc.file, loc.line, loc.offset, path, "a release must be an object"});
      ++stats_->skipped;
      return;
    }
    auto ocid = release.find("ocid");
    if ((ocid == release.end() || ocid->is_null()) && !fallback_ocid.empty()) {
      release["ocid"] = fallback_ocid;
      ocid = release.find("ocid");
    }
    if (ocid == release.end() || !ocid->is_string() || ocid->get<std::string>().empty()) {
      issues_->Add({ocid == release.end() ? "missing_field" : "wrong_type", loc.file, loc.line,
                    loc.offset, path + ".ocid", "a release needs a string ocid; skipped"});
      ++stats_->skipped;
      return;
    }
    if (IsVersionedRelease(release)) {
      issues_->Add({"unsupported", loc.file, loc.line, loc.offset, path,
                    "versioned release: not read (use the compiled release)"});
      ++stats_->skipped;
      return;
    }
    if (HasCompiledTag(release)) {
      ++stats_->compiled_releases;
      compiler_->AddCompiled(std::move(release), loc);
    } else {
      compiler_->AddRelease(std::move(release), loc, bytes);
    }
  }

  // A record (or record-like object): its compiled release if it has one, else its releases.
  // `streamed_releases`: its releases were already handed on while streaming.
  void HandleRecord(json& record, const std::string& path, const Location& loc,
                    bool streamed_releases = false) {
    if (!record.is_object()) {
      issues_->Add(
          {"wrong_type", loc.file, loc.line, loc.offset, path, "a record must be an object"});
      ++stats_->skipped;
      return;
    }
    std::string ocid;
    if (auto o = record.find("ocid"); o != record.end() && o->is_string()) ocid = *o;
    auto releases = record.find("releases");
    bool has_releases = releases != record.end() && releases->is_array();
    if (has_releases && !streamed_releases) stats_->releases += releases->size();
    auto compiled = record.find("compiledRelease");
    if (compiled != record.end() && compiled->is_object()) {
      if ((!compiled->contains("ocid") || !(*compiled)["ocid"].is_string()) && !ocid.empty()) {
        (*compiled)["ocid"] = ocid;
      }
      if (compiled->contains("ocid") && (*compiled)["ocid"].is_string()) {
        ++stats_->compiled_releases;
        compiler_->AddCompiled(std::move(*compiled), loc);
        return;
      }
    }
    if (streamed_releases) return;
    if (!has_releases) {
      issues_->Add({"missing_field", loc.file, loc.line, loc.offset, path,
                    "a record needs a compiledRelease or releases; skipped"});
      ++stats_->skipped;
      return;
    }
    size_t linked = 0;
    for (size_t i = 0; i < releases->size(); ++i) {
      json& release = (*releases)[i];
      if (release.is_object() && IsLinkedRelease(release)) {
        ++linked;
        continue;
      }
      HandleRelease(std::move(release), path + ".releases[" + std::to_string(i) + "]", loc, 0,
                    ocid);
    }
    if (linked > 0) {
      issues_->Add({"linked_release", loc.file, loc.line, loc.offset, path + ".releases",
                    std::to_string(linked) +
                        " linked release(s) without data and no compiledRelease: skipped"});
      stats_->skipped += linked;
    }
  }

  void SetFormat(const std::string& format, const json& top) {
    if (first_format.empty()) first_format = format;
    if (stats_->version.empty()) {
      if (auto v = top.find("version"); v != top.end() && v->is_string()) stats_->version = *v;
    }
  }

  void FinishDocument() {
    ++stats_->documents;
    const Location& loc = document_location_;
    if (top_is_array_) {
      SetFormat("release-array", json::object());
      return;
    }
    json& top = top_.root();
    if (!top.is_object()) return;
    bool has_ocid = top.contains("ocid") && top["ocid"].is_string();
    if (saw_records_) {
      SetFormat("record-package", top);
    } else if (saw_releases_ && !has_ocid) {
      if (top.contains("compiledRelease") || top.contains("versionedRelease")) {
        SetFormat("record-like-object(no ocid)", top);
        ++stats_->records;
        HandleRecord(top, "$", loc, /*streamed_releases=*/true);
      } else {
        SetFormat("release-package", top);
      }
    } else if (saw_releases_) {  // a bare record with an ocid
      SetFormat("record", top);
      ++stats_->records;
      HandleRecord(top, "$", loc, /*streamed_releases=*/true);
    } else if (top.contains("compiledRelease") || top.contains("records") ||
               top.contains("releases")) {
      SetFormat("record-like-object(no ocid)", top);
      ++stats_->records;
      HandleRecord(top, "$", loc);
    } else if (top.contains("ocid")) {
      SetFormat("release", json::object());
      ++stats_->releases;
      HandleRelease(std::move(top), "$", loc, in_->offset() - loc.offset, "");
    } else {
      issues_->Add({"not_ocds", loc.file, loc.line, loc.offset, "$",
                    "neither a release, a record nor a package (no ocid, releases or records)"});
      ++stats_->skipped;
    }
  }

  TextInput* in_;
  const std::string& file_;
  ReleaseCompiler* compiler_;
  IssueLog* issues_;
  OcdsFileStats* stats_;
  const OcdsReadOptions& options_;

  int depth_ = 0;
  int stream_depth_ = -1;
  bool stream_kind_records_ = false;
  bool in_item_ = false;
  bool skipping_item_ = false;
  bool saw_releases_ = false;
  bool saw_records_ = false;
  bool top_is_array_ = false;
  std::string top_key_;
  uint64_t item_index_ = 0;
  Location item_location_;
  Location document_location_;
  DomBuilder top_;
  DomBuilder item_;
};

bool IsJsonSpace(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

Result<OcdsFileStats> ReadOcds(ByteSource& source, ReleaseCompiler& compiler, IssueLog& issues,
                               const OcdsReadOptions& options) {
  OcdsFileStats stats;
  TextInput in(&source);
  const std::string& file = source.name();
  Handler handler(&in, file, &compiler, &issues, &stats, options);
  // A UTF-8 byte order mark is allowed at the start.
  if (in.Peek() == 0xEF) {
    in.Get();
    if (in.Peek() == 0xBB) in.Get();
    if (in.Peek() == 0xBF) in.Get();
  }
  // JSON Lines is recognised by its first document ending on the line it started on; from then
  // on a line is a document, so a truncated line cannot swallow the next one.
  bool line_mode = false;
  bool first = true;
  while (true) {
    while (IsJsonSpace(in.Peek())) in.Get();
    if (in.Peek() < 0) break;
    Location start{file, in.line(), in.offset()};
    handler.StartDocument();
    handler.set_document_location(start);
    bool ok = json::sax_parse(InputIterator(&in, line_mode), InputIterator(), &handler,
                              json::input_format_t::json, /*strict=*/false);
    if (!in.status().ok()) return in.status();
    if (first && ok && in.line() == start.line) line_mode = true;
    first = false;
    if (ok) continue;
    uint64_t error_line = in.last() == '\n' ? in.line() - 1 : in.line();
    if (!line_mode && error_line > start.line) {
      issues.Add({"input_abandoned", file, in.line(), in.offset(), "",
                  "the rest of this input is skipped after a syntax error in a document that "
                  "started on line " +
                      std::to_string(start.line)});
      break;
    }
    // Line-oriented input: go on with the next line.
    if (in.last() != '\n') {
      int c;
      while ((c = in.Get()) >= 0 && c != '\n') {
      }
    }
  }
  if (!in.status().ok()) return in.status();
  if (in.saw_latin1()) {
    issues.Add({"encoding", file, 0, in.first_latin1_offset(), "",
                "not UTF-8: bytes that are not UTF-8 were read as ISO-8859-1"});
  }
  stats.format = stats.documents > 1 ? "json-lines" : handler.first_format;
  return stats;
}

}  // namespace samspill::market
