// A value or an error message: how maps/ reports bad input without exceptions crossing its API.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace bodymap::maps {

struct Error {
    std::string message;  // names the file and, for JSON, the path: "a.json: views[0].id: ..."
};

template <class T>
class Result {
public:
    Result(T value) : m_v(std::move(value)) {}         // NOLINT: implicit by design
    Result(Error error) : m_v(std::move(error)) {}     // NOLINT: implicit by design

    bool ok() const { return std::holds_alternative<T>(m_v); }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<T>(m_v); }
    const T& value() const { return std::get<T>(m_v); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const std::string& error() const { return std::get<Error>(m_v).message; }

private:
    std::variant<T, Error> m_v;
};

// For operations that return nothing but may fail.
struct Ok {};
using Status = Result<Ok>;

}  // namespace bodymap::maps
