#include "web/form_fields.h"

#include <cctype>

#include "common/parse_number.h"

namespace samspill::web {

std::string FormGet(const FormValues& values, const std::string& key) {
  auto it = values.find(key);
  return it == values.end() ? std::string() : it->second;
}

std::string Trimmed(const std::string& text) {
  const size_t b = text.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return text.substr(b, text.find_last_not_of(" \t\r\n") - b + 1);
}

std::optional<int64_t> WholeNumber(const std::string& text) {
  std::string digits;
  for (char c : text) {
    if (c == ' ') continue;
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    digits += c;
  }
  if (digits.empty() || digits.size() > 15) return std::nullopt;
  Result<int64_t> value = ParseWholeNumber(digits, "number");
  if (!value.ok()) return std::nullopt;
  return *value;
}

std::string Form::ErrorFor(const std::string& id) const {
  for (const auto& [field, message] : errors) {
    if (field == id) return message;
  }
  return "";
}

std::string Form::Attrs(const std::string& id, const std::string& hint_id) const {
  const std::string error = ErrorFor(id);
  std::string described = hint_id;
  if (!error.empty()) described += (described.empty() ? "" : " ") + id + "-error";
  std::string out = " id=\"" + id + "\" name=\"" + id + "\"";
  if (!error.empty()) out += " aria-invalid=\"true\"";
  if (!described.empty()) out += " aria-describedby=\"" + described + "\"";
  return out;
}

std::string Form::Label(const std::string& id, std::string_view label,
                        std::string_view hint) const {
  std::string out = "<label for=\"" + id + "\">" + H(label) + "</label>";
  if (!hint.empty()) out += "<p class=\"hint\" id=\"" + id + "-hint\">" + H(hint) + "</p>";
  const std::string error = ErrorFor(id);
  if (!error.empty()) {
    out += "<p class=\"field-error\" id=\"" + id + "-error\">" + H(error) + "</p>";
  }
  return out;
}

std::string Form::Input(const std::string& id, std::string_view label, std::string_view hint,
                        const std::string& type, bool required, const std::string& extra) const {
  return "<div class=\"field\">" + Label(id, label, hint) + "<input type=\"" + type + "\"" +
         Attrs(id, hint.empty() ? "" : id + "-hint") + " value=\"" + H(FormGet(values, id)) + "\"" +
         (required ? " required" : "") + extra + "></div>";
}

std::string Form::TextArea(const std::string& id, std::string_view label,
                           std::string_view hint) const {
  return "<div class=\"field\">" + Label(id, label, hint) + "<textarea rows=\"3\"" +
         Attrs(id, hint.empty() ? "" : id + "-hint") + ">" + H(FormGet(values, id)) +
         "</textarea></div>";
}

std::string Form::Select(const std::string& id, std::string_view label,
                         const std::vector<std::pair<std::string, std::string>>& options) const {
  std::string out = "<div class=\"field\">" + Label(id, label, "") + "<select" + Attrs(id) + ">";
  for (const auto& [value, text] : options) {
    out += "<option value=\"" + H(value) + "\"" +
           (FormGet(values, id) == value ? " selected" : "") + ">" + H(text) + "</option>";
  }
  return out + "</select></div>";
}

std::string Form::Cell(const std::string& id, const std::string& label) const {
  const std::string error = ErrorFor(id);
  return "<td><input" + Attrs(id) + " value=\"" + H(FormGet(values, id)) + "\" aria-label=\"" +
         H(label) + "\">" +
         (error.empty() ? ""
                        : "<p class=\"field-error\" id=\"" + id + "-error\">" + H(error) + "</p>") +
         "</td>";
}

std::string Form::SelectCell(
    const std::string& id, const std::string& label,
    const std::vector<std::pair<std::string, std::string>>& options) const {
  std::string out = "<td><select" + Attrs(id) + " aria-label=\"" + H(label) + "\">";
  for (const auto& [value, text] : options) {
    out += "<option value=\"" + H(value) + "\"" +
           (FormGet(values, id) == value ? " selected" : "") + ">" + H(text) + "</option>";
  }
  return out + "</select></td>";
}

std::string Form::Check(const std::string& id, std::string_view label) const {
  return "<div class=\"check\"><input type=\"checkbox\"" + Attrs(id) +
         (FormGet(values, id).empty() ? "" : " checked") + "><label for=\"" + id + "\">" +
         H(label) + "</label></div>";
}

}  // namespace samspill::web
