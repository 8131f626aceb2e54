// prpnas::Error and its kinds. Every message names the file or field at fault
// and says what to do; the CLI prints it as one line and exits with code 2.
#ifndef PRPNAS_UTIL_ERROR_H_
#define PRPNAS_UTIL_ERROR_H_

#include <stdexcept>
#include <string>

namespace prpnas {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Malformed text: an architecture string, an --objective, a CSV cell.
class ParseError : public Error {
 public:
  using Error::Error;
};

// A data file that is missing, truncated or inconsistent.
class DataError : public Error {
 public:
  using Error::Error;
};

// A configuration value or command-line option that cannot be used.
class ConfigError : public Error {
 public:
  using Error::Error;
};

}  // namespace prpnas

#endif  // PRPNAS_UTIL_ERROR_H_
