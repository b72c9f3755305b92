// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Result.h"

#include <QJsonValue>
#include <QMetaType>
#include <QString>
#include <chrono>
#include <utility>
#include <variant>

namespace Switchboard::LivePerson
{

/** What kind of failure a LivePerson call met. Retry decisions are made on this and on status. */
enum class ApiErrorKind
{
    Network,         ///< connection refused, host not found, reset, HTTP transfer timeout
    Tls,             ///< certificate verification failed (verification is never switched off)
    Http,            ///< the server answered with an HTTP status >= 300, or a UMS response code >= 400
    Protocol,        ///< the answer could not be understood (malformed JSON, missing fields)
    Timeout,         ///< no UMS response within the request timeout
    NotConnected,    ///< the channel was not online, or the socket closed before the answer came
    Cancelled,       ///< stop() or a newer attempt superseded the call
    InvalidArgument, ///< the caller's input was rejected before anything was sent
    Config,          ///< bad configuration (unusable host, unreadable CA file, missing service)
};

/**
 * The reason a LivePerson REST or UMS call failed: a kind, the server's status or UMS code, the
 * server's `error.internalCode` when it sent one, the server's body (JSON value, or the text as a
 * string), and an operator-facing, translated message that already quotes its parameters.
 *
 * The body is kept for the caller (transcripts, diagnostics); it is never written to the log.
 */
struct ApiError
{
    ApiErrorKind kind = ApiErrorKind::Network;
    /** HTTP status or UMS response code; 0 when the server gave none. */
    int status = 0;
    /** `body.error.internalCode` of a Login Service or CSDS error, when present. */
    QString internalCode;
    QString message;
    QJsonValue body;
    /** The server's Retry-After, when it sent one (429/503). */
    std::chrono::milliseconds retryAfter{0};

    /** An error of @p kind with an operator-facing @p message (and the HTTP/UMS @p status, if any). */
    static ApiError make(ApiErrorKind kind, const QString &message, int status = 0);
    /** Stable machine name of the kind, e.g. "http", "timeout". */
    static QString kindName(ApiErrorKind kind);
    /** The same failure as a core Error, code "liveperson.<kind>[.<status>]". */
    Error toError() const;
};

/**
 * The value of an asynchronous LivePerson call, or its ApiError. The asynchronous sibling of
 * Result<T> (which carries a plain Error); never throws.
 */
template <typename T> class [[nodiscard]] ApiResult final
{
public:
    ApiResult(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {
    }
    ApiResult(ApiError error)
        : m_data(std::in_place_index<1>, std::move(error))
    {
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
    T &&value() &&
    {
        return std::get<0>(std::move(m_data));
    }
    const T *operator->() const
    {
        return &std::get<0>(m_data);
    }
    const ApiError &error() const
    {
        return std::get<1>(m_data);
    }

private:
    std::variant<T, ApiError> m_data;
};

} // namespace Switchboard::LivePerson

Q_DECLARE_METATYPE(Switchboard::LivePerson::ApiError)
