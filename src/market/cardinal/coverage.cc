#include "market/cardinal/coverage.h"

#include <simdjson.h>

#include <vector>

#include "market/cardinal/json_writer.h"
#include "market/io/line_batcher.h"

namespace samspill::market::cardinal {
namespace {

namespace dom = simdjson::dom;

class Counter {
 public:
  explicit Counter(std::map<std::string, uint64_t>* counts) : counts_(counts) {}

  // Returns whether `value` is non-empty; counts it at the current path if so.
  bool Add(dom::element value) {
    bool increment = false;
    switch (value.type()) {
      case dom::element_type::NULL_VALUE:
        break;
      case dom::element_type::ARRAY: {
        dom::array array = value.get_array().value_unsafe();
        if (array.size() == 0) break;
        const size_t mark = path_.size();
        path_.append("[]");
        for (dom::element e : array) increment = Add(e) || increment;
        path_.resize(mark);
        break;
      }
      case dom::element_type::OBJECT: {
        dom::object object = value.get_object().value_unsafe();
        if (object.size() == 0) break;
        const size_t mark = path_.size();
        path_.push_back('/');
        // serde_json keeps the last of duplicate keys: skip a member that is repeated later.
        std::vector<std::string_view> keys;
        std::vector<dom::element> values;
        for (dom::key_value_pair field : object) {
          keys.push_back(field.key);
          values.push_back(field.value);
        }
        for (size_t i = 0; i < keys.size(); ++i) {
          bool repeated = false;
          for (size_t j = i + 1; j < keys.size() && !repeated; ++j) repeated = keys[j] == keys[i];
          if (repeated) continue;
          const size_t before = path_.size();
          path_.append(keys[i]);
          increment = Add(values[i]) || increment;
          path_.resize(before);
        }
        if (increment) ++(*counts_)[path_];  // the object's content, at "…/"
        path_.resize(mark);
        break;
      }
      case dom::element_type::STRING:
        increment = !value.get_string().value_unsafe().empty();
        break;
      default:  // numbers and booleans
        increment = true;
    }
    if (increment) ++(*counts_)[path_];
    return increment;
  }

 private:
  std::map<std::string, uint64_t>* counts_;
  std::string path_;
};

}  // namespace

std::string CoverageResult::ToJson() const {
  std::string out = "{";
  bool first = true;
  for (const auto& [path, count] : counts) {
    if (!first) out.push_back(',');
    first = false;
    AppendJsonString(&out, path);
    out.push_back(':');
    out.append(std::to_string(count));
  }
  out.push_back('}');
  return out;
}

Result<CoverageResult> RunCoverage(std::unique_ptr<ByteSource> source) {
  CoverageResult result;
  LineBatcher batcher(std::move(source));
  LineBatch batch;
  dom::parser parser;
  Counter counter(&result.counts);
  while (true) {
    SAMSPILL_ASSIGN_OR_RETURN(bool more, batcher.Next(&batch));
    if (!more) break;
    for (const OversizedLine& o : batch.oversized) {
      result.bad_data.Add(BadDataKind::kLineTooLong, o.line, "", "");
    }
    ForEachLine(batch, [&](std::string_view line, uint64_t number, uint64_t) {
      ++result.lines;
      if (line.find_first_not_of(" \t\r") == std::string_view::npos) return;  // blank
      dom::element root;
      // The batch's padding makes the in-place parse safe; realloc_if_needed = false.
      simdjson::error_code e = parser.parse(line.data(), line.size(), false).get(root);
      if (e) {
        result.bad_data.Add(BadDataKind::kInvalidJson, number, "", simdjson::error_message(e));
        return;
      }
      counter.Add(root);
    });
  }
  return result;
}

}  // namespace samspill::market::cardinal
