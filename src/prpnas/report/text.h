// The text that goes into reports: escaping for SVG/HTML, and telling which
// table cells hold numbers (tables right-align those, so digits line up).
#ifndef PRPNAS_REPORT_TEXT_H_
#define PRPNAS_REPORT_TEXT_H_

#include <string>
#include <string_view>

namespace prpnas::report {

// & < > " ' as entities (' as &#39;, which XML and HTML both know); safe in
// element text and in quoted attribute values.
std::string xml_escape(std::string_view text);

// True for a number as a table would show it, surrounding spaces ignored:
// "12", "-0.5", "+.5", "1e-3", "97.3%", "nan", "inf", "-inf". False for "",
// "1.2.3", "12 ms", "0x10".
bool looks_numeric(std::string_view cell);

// A figure with its interval as tables show it: "0.157 [0.02, 0.29]"; the
// value alone when low or high is not finite, "-" when the value is not.
std::string with_interval(double value, double low, double high);

}  // namespace prpnas::report

#endif  // PRPNAS_REPORT_TEXT_H_
