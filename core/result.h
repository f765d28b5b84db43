#pragma once

#include <QList>
#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace LoyaltyDesk::Core {

// What went wrong, in the words the layers above need to decide what to show.
enum class ErrorKind {
    Network,       // the peer could not be reached
    Http,          // an HTTP status without a problem document
    Server,        // the peer answered with a problem document
    Validation,    // input is wrong; `fields` names what
    NotFound,
    Conflict,
    Unauthorized,
    Forbidden,
    TooMany,
    Internal,
};

struct FieldError {
    QString field;
    QString message;
    bool operator==(const FieldError &) const = default;
};

struct Error {
    ErrorKind kind = ErrorKind::Internal;
    QString message;
    QList<FieldError> fields;
    int httpStatus = 0;
    QString type;  // problem type when it came from a server

    static Error validation(const QString &field, const QString &message)
    {
        return Error{ErrorKind::Validation, message, {{field, message}}, 400, {}};
    }
    static Error make(ErrorKind kind, const QString &message)
    {
        return Error{kind, message, {}, 0, {}};
    }
};

// A value or an error. No exceptions cross library boundaries.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_data); }
    const T &value() const & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() { return value(); }
    const T &operator*() const { return value(); }

    const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}
    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

}  // namespace LoyaltyDesk::Core
