// A text file of architecture strings, one per line in the space's native
// form: blank lines (spaces and tabs only) are skipped and `\r\n` line ends
// accepted. What `--archs FILE` options read.
#ifndef PRPNAS_SPACE_ARCHITECTURE_FILE_H_
#define PRPNAS_SPACE_ARCHITECTURE_FILE_H_

#include <string>
#include <vector>

#include "prpnas/space/search_space.h"

namespace prpnas::space {

// The architectures in file order (repeats kept). Throws DataError when the
// file cannot be read or holds no string, ParseError "PATH:LINE: ..." with the
// space's explanation (position, what was expected) for the first bad line.
std::vector<Architecture> read_architecture_file(const std::string& path, const SearchSpace& space);

// The first occurrence of each architecture, in the order given (a file may
// list one twice; `latency measure` times each once).
std::vector<Architecture> distinct_architectures(const std::vector<Architecture>& archs);

}  // namespace prpnas::space

#endif  // PRPNAS_SPACE_ARCHITECTURE_FILE_H_
