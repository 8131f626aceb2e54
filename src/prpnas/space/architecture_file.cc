#include "prpnas/space/architecture_file.h"

#include <fstream>
#include <set>

#include "prpnas/util/error.h"
#include "prpnas/util/input_file.h"

namespace prpnas::space {

std::vector<Architecture> read_architecture_file(const std::string& path, const SearchSpace& space) {
  check_input_file(path, "check the path");
  std::ifstream in(path);
  if (!in) throw DataError(path + ": not readable; check its permissions");
  std::vector<Architecture> archs;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();  // files written on Windows
    if (line.find_first_not_of(" \t") == std::string::npos) continue;  // blank
    try {
      archs.push_back(space.parse(line));
    } catch (const ParseError& e) {
      throw ParseError(path + ":" + std::to_string(number) + ": " + e.what());
    }
  }
  if (in.bad()) throw DataError(path + ": read error; check the file");
  if (archs.empty()) throw DataError(path + ": no architecture strings (the file is empty or blank)");
  return archs;
}

std::vector<Architecture> distinct_architectures(const std::vector<Architecture>& archs) {
  std::vector<Architecture> out;
  std::set<Architecture> seen;
  for (const auto& arch : archs) {
    if (seen.insert(arch).second) out.push_back(arch);
  }
  return out;
}

}  // namespace prpnas::space
