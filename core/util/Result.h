// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace Switchboard
{

/**
 * A failure with a stable machine code (for example "storage.parse_error") and a translated,
 * operator-facing message that already quotes its parameters.
 */
struct Error
{
    QString code;
    QString message;
};

/**
 * The value of a synchronous core call, or the reason it failed. Stands in for C++23's
 * std::expected until the toolchain has it. Cheap to move; never throws.
 */
template<typename T>
class [[nodiscard]] Result final
{
public:
    Result(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {
    }
    Result(Error error)
        : m_data(std::in_place_index<1>, std::move(error))
    {
    }

    static Result failure(QString code, QString message)
    {
        return Result(Error{std::move(code), std::move(message)});
    }

    bool ok() const
    {
        return m_data.index() == 0;
    }
    explicit operator bool() const
    {
        return ok();
    }

    const T &value() const &
    {
        return std::get<0>(m_data);
    }
    T &value() &
    {
        return std::get<0>(m_data);
    }
    T &&value() &&
    {
        return std::get<0>(std::move(m_data));
    }
    const T *operator->() const
    {
        return &std::get<0>(m_data);
    }
    const T &operator*() const &
    {
        return std::get<0>(m_data);
    }

    const Error &error() const
    {
        return std::get<1>(m_data);
    }

private:
    std::variant<T, Error> m_data;
};

/** Result of a call that has no value besides success. */
struct Success
{
};
using VoidResult = Result<Success>;

} // namespace Switchboard
