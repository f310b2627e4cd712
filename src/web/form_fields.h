// Form fields as every form of the pages writes them (GOV.UK pattern, WCAG 3.3.1): a label,
// an optional hint and the field's error above the control, aria-invalid and
// aria-describedby on it, and the value the visitor typed kept. Used by the tender form and
// the portfolio's figures form; escaping goes through H().
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "web/page.h"

namespace samspill::web {

using FormValues = std::map<std::string, std::string>;                // field id -> typed text
using FormErrors = std::vector<std::pair<std::string, std::string>>;  // (field id, message)

// The value of field `key`, or "".
std::string FormGet(const FormValues& values, const std::string& key);
// `text` without leading and trailing spaces, tabs and line breaks.
std::string Trimmed(const std::string& text);
// A whole number of at least 0 as typed: digits, with spaces between thousands allowed; at
// most 15 digits.
std::optional<int64_t> WholeNumber(const std::string& text);

struct Form {
  const PageRequest& req;
  const FormValues& values;
  const FormErrors& errors;

  std::string ErrorFor(const std::string& id) const;
  // id, name, aria-invalid and aria-describedby (the hint, then the error) of a control.
  std::string Attrs(const std::string& id, const std::string& hint_id = "") const;
  std::string Label(const std::string& id, std::string_view label, std::string_view hint) const;
  // `extra`: more attributes, written as given (e.g. " inputmode=\"numeric\"").
  std::string Input(const std::string& id, std::string_view label, std::string_view hint = "",
                    const std::string& type = "text", bool required = false,
                    const std::string& extra = "") const;
  std::string TextArea(const std::string& id, std::string_view label,
                       std::string_view hint = "") const;
  std::string Select(const std::string& id, std::string_view label,
                     const std::vector<std::pair<std::string, std::string>>& options) const;
  // A table cell's input, labelled for screen readers as "Name 2" (the column and the row).
  std::string Cell(const std::string& id, const std::string& label) const;
  std::string SelectCell(const std::string& id, const std::string& label,
                         const std::vector<std::pair<std::string, std::string>>& options) const;
  std::string Check(const std::string& id, std::string_view label) const;
};

}  // namespace samspill::web
