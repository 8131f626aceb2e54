// Test helpers for emitted markup: a tag-balance checker that shares no code
// with the writers, attribute extraction, and an optional xmllint pass.
#ifndef PRPNAS_TESTS_REPORT_XML_CHECK_H_
#define PRPNAS_TESTS_REPORT_XML_CHECK_H_

#include <cstddef>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace prpnas::report::xml_check {

// "" when every opened tag is closed in order, no '<' or '>' stands outside a
// tag and every '&' starts one of the entities the writers use; otherwise
// what is wrong and where.
inline std::string well_formed(std::string_view text) {
  std::vector<std::string> open;
  std::size_t i = 0;
  auto where = [&](std::size_t at) { return " at offset " + std::to_string(at); };
  while (i < text.size()) {
    const char c = text[i];
    if (c == '&') {
      bool known = false;
      for (const std::string_view entity : {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"}) {
        known = known || text.substr(i, entity.size()) == entity;
      }
      if (!known) return "bare '&'" + where(i);
      ++i;
      continue;
    }
    if (c == '>') return "stray '>'" + where(i);
    if (c != '<') {
      ++i;
      continue;
    }
    if (text.substr(i, 4) == "<!--") {
      const std::size_t end = text.find("-->", i);
      if (end == std::string_view::npos) return "unterminated comment" + where(i);
      i = end + 3;
      continue;
    }
    if (text.substr(i, 2) == "<!" || text.substr(i, 2) == "<?") {
      const std::size_t end = text.find('>', i);
      if (end == std::string_view::npos) return "unterminated declaration" + where(i);
      i = end + 1;
      continue;
    }
    std::size_t j = i + 1;
    char quote = 0;
    for (; j < text.size(); ++j) {
      if (quote != 0) {
        if (text[j] == quote) quote = 0;
        if (text[j] == '<') return "'<' inside an attribute value" + where(j);
      } else if (text[j] == '"' || text[j] == '\'') {
        quote = text[j];
      } else if (text[j] == '<') {
        return "'<' inside a tag" + where(j);
      } else if (text[j] == '>') {
        break;
      }
    }
    if (j == text.size()) return "unterminated tag" + where(i);
    const std::string_view tag = text.substr(i + 1, j - i - 1);
    if (!tag.empty() && tag[0] == '/') {
      const std::string name(tag.substr(1));
      if (open.empty()) return "closing </" + name + "> with nothing open" + where(i);
      if (open.back() != name) return "closing </" + name + "> but <" + open.back() + "> is open" + where(i);
      open.pop_back();
    } else {
      const std::size_t end = tag.find_first_of(" \t\r\n/");
      const std::string name(tag.substr(0, end));
      if (name.empty()) return "tag without a name" + where(i);
      if (tag.back() != '/') open.push_back(name);
    }
    i = j + 1;
  }
  if (!open.empty()) return "<" + open.back() + "> never closed";
  return "";
}

// The values of `attribute` on every `<element ` tag, in order, as numbers.
inline std::vector<double> attribute_values(std::string_view text, std::string_view element,
                                            std::string_view attribute) {
  std::vector<double> values;
  const std::string open = "<" + std::string(element) + " ";
  const std::string key = " " + std::string(attribute) + "=\"";
  for (std::size_t at = text.find(open); at != std::string_view::npos; at = text.find(open, at + 1)) {
    const std::size_t end = text.find('>', at);
    const std::size_t k = text.substr(at, end - at).find(key);
    if (k == std::string_view::npos) continue;
    values.push_back(std::strtod(std::string(text.substr(at + k + key.size(), 32)).c_str(), nullptr));
  }
  return values;
}

inline std::size_t count(std::string_view text, std::string_view what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string_view::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// True when xmllint is missing or accepts `text` as well-formed XML.
inline bool xmllint_accepts(const std::string& text, const std::string& name) {
  if (std::system("command -v xmllint >/dev/null 2>&1") != 0) return true;
  const auto path = std::filesystem::temp_directory_path() / ("prpnas_xmllint_" + name);
  std::ofstream(path) << text;
  const int rc = std::system(("xmllint --noout '" + path.string() + "' >/dev/null 2>&1").c_str());
  std::filesystem::remove(path);
  return rc == 0;
}

}  // namespace prpnas::report::xml_check

#endif  // PRPNAS_TESTS_REPORT_XML_CHECK_H_
