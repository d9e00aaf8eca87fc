#pragma once
// Errors travel as values from library code up to main(); only main() decides the exit code.
#include <string>
#include <utility>
#include <variant>

namespace framelens {

// Exit codes are part of the CLI contract (docs/guide.md, `framelens --help`).
enum class ErrorKind {
  Usage = 2,     // bad command line
  Input = 3,     // unreadable / malformed input
  Model = 4,     // missing or corrupt model file
  Internal = 5,  // a bug or an I/O failure on output
};

// Exit code 1 is reserved for "batch finished but some records were skipped".
constexpr int kExitSkipped = 1;

struct Error {
  ErrorKind kind = ErrorKind::Internal;
  std::string message;  // one line, names the file/line/reason where known

  int exit_code() const { return static_cast<int>(kind); }
};

inline Error usage_error(std::string m) { return {ErrorKind::Usage, std::move(m)}; }
inline Error input_error(std::string m) { return {ErrorKind::Input, std::move(m)}; }
inline Error model_error(std::string m) { return {ErrorKind::Model, std::move(m)}; }
inline Error internal_error(std::string m) { return {ErrorKind::Internal, std::move(m)}; }

// A minimal expected<T, Error>: g++ 12 in C++20 mode has no std::expected.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// Result<void> equivalent.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error e) : error_(std::move(e)), failed_(true) {}
  bool ok() const { return !failed_; }
  explicit operator bool() const { return ok(); }
  const Error& error() const { return error_; }

 private:
  Error error_;
  bool failed_ = false;
};

}  // namespace framelens
