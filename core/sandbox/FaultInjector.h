// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HttpServer.h"
#include "util/Result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <functional>
#include <optional>

namespace Switchboard::Sandbox
{

/**
 * The fault catalogue of the control API (POST/GET/DELETE /sandbox/faults). One-shot faults
 * (drop-sockets, close, revoke-tokens, expire-rings) are emitted as signals that the owning
 * services act on at once, kick-session goes through the kick handler (its answer is reported); HTTP faults stay active until their count is used up or
 * DELETE clears them, and are consumed by HttpServer's fault hook.
 *
 * Owned by Emulator; emulator thread.
 */
class FaultInjector final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FaultInjector)

public:
    explicit FaultInjector(QObject *parent = nullptr);

    static QStringList knownKinds();
    static QStringList knownRoutes();

    /** Validates and applies one fault object; returns its description for the control API. */
    Result<QJsonObject> apply(const QJsonObject &fault);
    /** Active (HTTP) faults, as JSON. */
    QJsonArray active() const;
    void clear();

    /** Consumes one use of an HTTP fault on @p route, if one is active. */
    std::optional<HttpFaultAction> takeHttpFault(const QString &route);

    /**
     * Ends @p loginName's session as a second login would; answers whether there was one.
     * The kick-session fault reports that answer as `"kicked"`, so a test can tell a kick that
     * landed from one that met no session (e.g. between a token revocation and the new login).
     */
    using KickHandler = std::function<bool(const QString &loginName)>;
    void setKickHandler(KickHandler handler);

Q_SIGNALS:
    void dropSocketsRequested();
    void closeSocketsRequested(int code, const QString &reason);
    void revokeTokensRequested();
    void expireRingsRequested();

private:
    struct HttpFault
    {
        QString route;
        int status = 0;
        int remaining = 1;
        int delayMs = 0;
        qint64 id = 0;
    };
    QList<HttpFault> m_httpFaults;
    qint64 m_nextId = 1;
    KickHandler m_kick;
};

} // namespace Switchboard::Sandbox
