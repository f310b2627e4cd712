#include "market/cardinal/release.h"

#include <cstring>

namespace samspill::market::cardinal {
namespace {

namespace od = simdjson::ondemand;
using simdjson::error_code;

#define CARDINAL_TRY(expr)             \
  do {                                 \
    error_code try_error_ = (expr);    \
    if (try_error_) return try_error_; \
  } while (0)

const char* TypeName(od::json_type t) {
  switch (t) {
    case od::json_type::array:
      return "array";
    case od::json_type::object:
      return "object";
    case od::json_type::number:
      return "number";
    case od::json_type::string:
      return "string";
    case od::json_type::boolean:
      return "boolean";
    case od::json_type::null:
      return "null";
  }
  return "value";
}

std::string Index(const std::string& base, size_t i) {
  return base + "[" + std::to_string(i) + "]";
}

// One line's walk. Paths for the log are built only when something is wrong.
class Walk {
 public:
  Walk(Release* r, BadDataLog* log, uint64_t line) : r_(r), log_(log), line_(line) {}

  error_code Root(od::object root) {
    for (auto f : root) {
      od::field field;
      CARDINAL_TRY(std::move(f).get(field));
      std::string_view key;
      CARDINAL_TRY(field.unescaped_key().get(key));
      od::value v = field.value();
      // serde keeps the last of duplicate keys, so each field resets what it fills.
      if (key == "ocid") {
        CARDINAL_TRY(String(v, &r_->ocid, [] { return std::string("ocid"); }));
      } else if (key == "tender") {
        CARDINAL_TRY(Tender(v));
      } else if (key == "bids") {
        CARDINAL_TRY(Bids(v));
      } else if (key == "awards") {
        CARDINAL_TRY(Awards(v));
      } else if (key == "buyer") {
        r_->buyer_id = {};
        od::object o;
        bool is_object = false;
        CARDINAL_TRY(Object(v, &o, &is_object, [] { return std::string("buyer"); }));
        if (is_object) CARDINAL_TRY(IdOf(o, &r_->buyer_id, [] { return std::string("buyer"); }));
      }
    }
    return simdjson::SUCCESS;
  }

 private:
  template <typename PathFn>
  void WrongType(od::json_type got, const char* want, PathFn path) {
    log_->Add(BadDataKind::kWrongType, line_, path(),
              std::string("expected ") + want + ", got " + TypeName(got));
  }

  // Reads a string; null or absent leaves it unset silently, another type is logged.
  template <typename PathFn>
  error_code String(od::value v, Text* out, PathFn path) {
    *out = {};
    od::json_type t;
    CARDINAL_TRY(v.type().get(t));
    if (t == od::json_type::string) {
      CARDINAL_TRY(v.get_string().get(out->value));
      out->is_string = true;
    } else if (t != od::json_type::null) {
      WrongType(t, "a string", path);
    }
    return simdjson::SUCCESS;
  }

  template <typename PathFn>
  error_code Object(od::value v, od::object* out, bool* is_object, PathFn path) {
    *is_object = false;
    od::json_type t;
    CARDINAL_TRY(v.type().get(t));
    if (t == od::json_type::object) {
      CARDINAL_TRY(v.get_object().get(*out));
      *is_object = true;
    } else if (t != od::json_type::null) {
      WrongType(t, "an object", path);
    }
    return simdjson::SUCCESS;
  }

  template <typename PathFn>
  error_code Array(od::value v, od::array* out, bool* is_array, PathFn path) {
    *is_array = false;
    od::json_type t;
    CARDINAL_TRY(v.type().get(t));
    if (t == od::json_type::array) {
      CARDINAL_TRY(v.get_array().get(*out));
      *is_array = true;
    } else if (t != od::json_type::null) {
      WrongType(t, "an array", path);
    }
    return simdjson::SUCCESS;
  }

  // The string `id` of an organisation reference.
  template <typename PathFn>
  error_code IdOf(od::object o, Text* out, PathFn path) {
    *out = {};
    for (auto f : o) {
      od::field field;
      CARDINAL_TRY(std::move(f).get(field));
      std::string_view key;
      CARDINAL_TRY(field.unescaped_key().get(key));
      if (key == "id") {
        CARDINAL_TRY(String(field.value(), out, [&] { return path() + ".id"; }));
      }
    }
    return simdjson::SUCCESS;
  }

  // An array of organisation references: counts the elements and appends the string ids.
  template <typename PathFn>
  error_code References(od::value v, bool* is_array, uint32_t* count, IdRange* ids, PathFn path) {
    *count = 0;
    ids->begin = ids->end = static_cast<uint32_t>(r_->ids.size());
    od::array a;
    CARDINAL_TRY(Array(v, &a, is_array, path));
    if (!*is_array) return simdjson::SUCCESS;
    size_t i = 0;
    for (auto e : a) {
      od::value element;
      CARDINAL_TRY(std::move(e).get(element));
      ++*count;
      od::object o;
      bool is_object = false;
      CARDINAL_TRY(Object(element, &o, &is_object, [&] { return Index(path(), i); }));
      if (is_object) {
        Text id;
        CARDINAL_TRY(IdOf(o, &id, [&] { return Index(path(), i); }));
        if (id.is_string) r_->ids.push_back(id.value);
      }
      ++i;
    }
    ids->end = static_cast<uint32_t>(r_->ids.size());
    return simdjson::SUCCESS;
  }

  error_code Tender(od::value v) {
    r_->tender_status = r_->procurement_method = r_->procurement_method_details = {};
    r_->tender_start_date = r_->tender_end_date = r_->procuring_entity_id = {};
    r_->number_of_tenderers_is_one = false;
    od::object o;
    bool is_object = false;
    CARDINAL_TRY(Object(v, &o, &is_object, [] { return std::string("tender"); }));
    if (!is_object) return simdjson::SUCCESS;
    for (auto f : o) {
      od::field field;
      CARDINAL_TRY(std::move(f).get(field));
      std::string_view key;
      CARDINAL_TRY(field.unescaped_key().get(key));
      od::value value = field.value();
      if (key == "status") {
        CARDINAL_TRY(
            String(value, &r_->tender_status, [] { return std::string("tender.status"); }));
      } else if (key == "procurementMethod") {
        CARDINAL_TRY(String(value, &r_->procurement_method,
                            [] { return std::string("tender.procurementMethod"); }));
      } else if (key == "procurementMethodDetails") {
        CARDINAL_TRY(String(value, &r_->procurement_method_details,
                            [] { return std::string("tender.procurementMethodDetails"); }));
      } else if (key == "numberOfTenderers") {
        // cardinal keeps numbers as text and asks for a u64, so only the integer 1 counts.
        od::json_type t;
        CARDINAL_TRY(value.type().get(t));
        uint64_t n = 0;
        r_->number_of_tenderers_is_one =
            t == od::json_type::number && !value.get_uint64().get(n) && n == 1;
        if (t != od::json_type::number && t != od::json_type::null) {
          WrongType(t, "a number", [] { return std::string("tender.numberOfTenderers"); });
        }
      } else if (key == "tenderPeriod") {
        CARDINAL_TRY(TenderPeriod(value));
      } else if (key == "procuringEntity") {
        od::object pe;
        bool pe_is_object = false;
        CARDINAL_TRY(Object(value, &pe, &pe_is_object,
                            [] { return std::string("tender.procuringEntity"); }));
        r_->procuring_entity_id = {};
        if (pe_is_object) {
          CARDINAL_TRY(IdOf(pe, &r_->procuring_entity_id,
                            [] { return std::string("tender.procuringEntity"); }));
        }
      }
    }
    return simdjson::SUCCESS;
  }

  error_code TenderPeriod(od::value v) {
    r_->tender_start_date = r_->tender_end_date = {};
    od::object o;
    bool is_object = false;
    CARDINAL_TRY(Object(v, &o, &is_object, [] { return std::string("tender.tenderPeriod"); }));
    if (!is_object) return simdjson::SUCCESS;
    for (auto f : o) {
      od::field field;
      CARDINAL_TRY(std::move(f).get(field));
      std::string_view key;
      CARDINAL_TRY(field.unescaped_key().get(key));
      if (key == "startDate") {
        CARDINAL_TRY(String(field.value(), &r_->tender_start_date,
                            [] { return std::string("tender.tenderPeriod.startDate"); }));
      } else if (key == "endDate") {
        CARDINAL_TRY(String(field.value(), &r_->tender_end_date,
                            [] { return std::string("tender.tenderPeriod.endDate"); }));
      }
    }
    return simdjson::SUCCESS;
  }

  error_code Bids(od::value v) {
    r_->bids_details_is_array = false;
    r_->bids.clear();
    od::object o;
    bool is_object = false;
    CARDINAL_TRY(Object(v, &o, &is_object, [] { return std::string("bids"); }));
    if (!is_object) return simdjson::SUCCESS;
    for (auto f : o) {
      od::field field;
      CARDINAL_TRY(std::move(f).get(field));
      std::string_view key;
      CARDINAL_TRY(field.unescaped_key().get(key));
      if (key != "details") continue;
      r_->bids.clear();
      od::array a;
      CARDINAL_TRY(Array(field.value(), &a, &r_->bids_details_is_array,
                         [] { return std::string("bids.details"); }));
      if (!r_->bids_details_is_array) continue;
      size_t i = 0;
      for (auto e : a) {
        od::value element;
        CARDINAL_TRY(std::move(e).get(element));
        Bid& bid = r_->bids.emplace_back();
        bid.tenderer_ids.begin = bid.tenderer_ids.end = static_cast<uint32_t>(r_->ids.size());
        CARDINAL_TRY(BidDetail(element, &bid, i));
        ++i;
      }
    }
    return simdjson::SUCCESS;
  }

  error_code BidDetail(od::value v, Bid* bid, size_t i) {
    auto path = [i] { return Index("bids.details", i); };
    od::object o;
    bool is_object = false;
    CARDINAL_TRY(Object(v, &o, &is_object, path));
    if (!is_object) return simdjson::SUCCESS;
    for (auto f : o) {
      od::field field;
      CARDINAL_TRY(std::move(f).get(field));
      std::string_view key;
      CARDINAL_TRY(field.unescaped_key().get(key));
      od::value value = field.value();
      if (key == "status") {
        CARDINAL_TRY(String(value, &bid->status, [&] { return path() + ".status"; }));
      } else if (key == "date") {
        CARDINAL_TRY(String(value, &bid->date, [&] { return path() + ".date"; }));
      } else if (key == "value") {
        CARDINAL_TRY(Amount(value, bid, path));
      } else if (key == "tenderers") {
        CARDINAL_TRY(References(value, &bid->tenderers_is_array, &bid->tenderer_count,
                                &bid->tenderer_ids, [&] { return path() + ".tenderers"; }));
      }
    }
    return simdjson::SUCCESS;
  }

  template <typename PathFn>
  error_code Amount(od::value v, Bid* bid, PathFn bid_path) {
    bid->has_amount = false;
    bid->currency = {};
    od::object o;
    bool is_object = false;
    CARDINAL_TRY(Object(v, &o, &is_object, [&] { return bid_path() + ".value"; }));
    if (!is_object) return simdjson::SUCCESS;
    for (auto f : o) {
      od::field field;
      CARDINAL_TRY(std::move(f).get(field));
      std::string_view key;
      CARDINAL_TRY(field.unescaped_key().get(key));
      od::value value = field.value();
      if (key == "amount") {
        od::json_type t;
        CARDINAL_TRY(value.type().get(t));
        bid->has_amount = false;
        if (t == od::json_type::number) {
          CARDINAL_TRY(value.get_double().get(bid->amount));
          bid->has_amount = true;
        } else if (t != od::json_type::null) {
          WrongType(t, "a number", [&] { return bid_path() + ".value.amount"; });
        }
      } else if (key == "currency") {
        CARDINAL_TRY(String(value, &bid->currency, [&] { return bid_path() + ".value.currency"; }));
      }
    }
    return simdjson::SUCCESS;
  }

  error_code Awards(od::value v) {
    r_->awards.clear();
    od::array a;
    CARDINAL_TRY(Array(v, &a, &r_->awards_is_array, [] { return std::string("awards"); }));
    if (!r_->awards_is_array) return simdjson::SUCCESS;
    size_t i = 0;
    for (auto e : a) {
      od::value element;
      CARDINAL_TRY(std::move(e).get(element));
      Award& award = r_->awards.emplace_back();
      const auto here = static_cast<uint32_t>(r_->ids.size());
      award.supplier_ids = {here, here};
      award.classification_ids = {here, here};
      CARDINAL_TRY(AwardObject(element, &award, i));
      ++i;
    }
    return simdjson::SUCCESS;
  }

  error_code AwardObject(od::value v, Award* award, size_t i) {
    auto path = [i] { return Index("awards", i); };
    od::object o;
    bool is_object = false;
    CARDINAL_TRY(Object(v, &o, &is_object, path));
    if (!is_object) return simdjson::SUCCESS;
    for (auto f : o) {
      od::field field;
      CARDINAL_TRY(std::move(f).get(field));
      std::string_view key;
      CARDINAL_TRY(field.unescaped_key().get(key));
      od::value value = field.value();
      if (key == "status") {
        CARDINAL_TRY(String(value, &award->status, [&] { return path() + ".status"; }));
      } else if (key == "suppliers") {
        CARDINAL_TRY(References(value, &award->suppliers_is_array, &award->supplier_count,
                                &award->supplier_ids, [&] { return path() + ".suppliers"; }));
      } else if (key == "items") {
        CARDINAL_TRY(Items(value, award, path));
      }
    }
    return simdjson::SUCCESS;
  }

  template <typename PathFn>
  error_code Items(od::value v, Award* award, PathFn award_path) {
    auto path = [&] { return award_path() + ".items"; };
    award->classification_ids.begin = award->classification_ids.end =
        static_cast<uint32_t>(r_->ids.size());
    od::array a;
    CARDINAL_TRY(Array(v, &a, &award->items_is_array, path));
    if (!award->items_is_array) return simdjson::SUCCESS;
    size_t i = 0;
    for (auto e : a) {
      od::value element;
      CARDINAL_TRY(std::move(e).get(element));
      od::object item;
      bool is_object = false;
      CARDINAL_TRY(Object(element, &item, &is_object, [&] { return Index(path(), i); }));
      if (is_object) {
        for (auto f : item) {
          od::field field;
          CARDINAL_TRY(std::move(f).get(field));
          std::string_view key;
          CARDINAL_TRY(field.unescaped_key().get(key));
          if (key != "classification") continue;
          od::object classification;
          bool c_is_object = false;
          auto c_path = [&] { return Index(path(), i) + ".classification"; };
          CARDINAL_TRY(Object(field.value(), &classification, &c_is_object, c_path));
          if (!c_is_object) continue;
          Text id;
          CARDINAL_TRY(IdOf(classification, &id, c_path));
          if (id.is_string) r_->ids.push_back(id.value);
        }
      }
      ++i;
    }
    award->classification_ids.end = static_cast<uint32_t>(r_->ids.size());
    return simdjson::SUCCESS;
  }

  Release* r_;
  BadDataLog* log_;
  uint64_t line_;
};

bool IsBlank(std::string_view line) {
  for (char c : line) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
  }
  return true;
}

}  // namespace

void Release::Clear() {
  ocid = tender_status = procurement_method = procurement_method_details = {};
  number_of_tenderers_is_one = false;
  tender_start_date = tender_end_date = procuring_entity_id = buyer_id = {};
  bids_details_is_array = awards_is_array = false;
  bids.clear();
  awards.clear();
  ids.clear();
}

LineKind ReleaseReader::Read(std::string_view line, size_t readable_after, uint64_t line_number,
                             BadDataLog* log) {
  release_.Clear();
  if (IsBlank(line)) return LineKind::kBlank;
  auto invalid = [&](error_code e) {
    log->Add(BadDataKind::kInvalidJson, line_number, "", simdjson::error_message(e));
    release_.Clear();
    return LineKind::kBad;
  };
  od::document doc;
  error_code e = parser_
                     .iterate(simdjson::padded_string_view(line.data(), line.size(),
                                                           line.size() + readable_after))
                     .get(doc);
  if (e) return invalid(e);
  od::json_type type;
  if ((e = doc.type().get(type))) return invalid(e);
  if (type != od::json_type::object) {
    // On-Demand only peeks at the first character; a full parse tells "[1,2]" from "nope".
    simdjson::dom::element element;
    if ((e = validator_.parse(line.data(), line.size(), false).get(element))) return invalid(e);
    log->Add(BadDataKind::kNotObject, line_number, "", std::string("a JSON ") + TypeName(type));
    return LineKind::kBad;
  }
  od::object root;
  if ((e = doc.get_object().get(root))) return invalid(e);
  Walk walk(&release_, log, line_number);
  if ((e = walk.Root(root))) return invalid(e);
  // Trailing content after the object ("{} {}") is invalid JSON for serde too.
  const char* where = nullptr;
  if (!doc.current_location().get(where)) return invalid(simdjson::TRAILING_CONTENT);
  if (!release_.ocid.is_string) {
    log->Add(BadDataKind::kMissingOcid, line_number, "ocid", "");
  }
  return LineKind::kRelease;
}

LineKind ReleaseReader::ReadCopy(std::string_view line, uint64_t line_number, BadDataLog* log) {
  copy_.assign(line);
  copy_.append(simdjson::SIMDJSON_PADDING, '\0');
  return Read(std::string_view(copy_.data(), line.size()), simdjson::SIMDJSON_PADDING, line_number,
              log);
}

}  // namespace samspill::market::cardinal
