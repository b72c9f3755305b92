// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FaultInjector.h"

#include "SandboxLogging.h"

#include <QCoreApplication>

namespace Switchboard::Sandbox
{

namespace
{

Error bad(const QString &message)
{
    return Error{QStringLiteral("sandbox.bad_request"), message};
}
} // namespace

FaultInjector::FaultInjector(QObject *parent)
    : QObject(parent)
{
}

QStringList FaultInjector::knownKinds()
{
    return {QStringLiteral("drop-sockets"),
            QStringLiteral("close"),
            QStringLiteral("revoke-tokens"),
            QStringLiteral("kick-session"),
            QStringLiteral("http"),
            QStringLiteral("expire-rings")};
}

QStringList FaultInjector::knownRoutes()
{
    return {QStringLiteral("csds"),
            QStringLiteral("login"),
            QStringLiteral("refresh"),
            QStringLiteral("sentinel"),
            QStringLiteral("skills"),
            QStringLiteral("chat")};
}

void FaultInjector::setKickHandler(KickHandler handler)
{
    m_kick = std::move(handler);
}

Result<QJsonObject> FaultInjector::apply(const QJsonObject &fault)
{
    const QJsonValue kindValue = fault.value(QStringLiteral("kind"));
    if (!kindValue.isString()) {
        return bad(tr("A fault needs a \"kind\"; known kinds: %1.").arg(knownKinds().join(QStringLiteral(", "))));
    }
    const QString kind = kindValue.toString();
    std::optional<bool> kicked;
    if (kind == QLatin1String("drop-sockets")) {
        Q_EMIT dropSocketsRequested();
    } else if (kind == QLatin1String("close")) {
        const QJsonValue code = fault.value(QStringLiteral("code"));
        const int value = code.toInt(-1);
        // 1000 and 3000-4999 are the codes an application may send in a close frame.
        if (!code.isDouble() ||
            !(value == 1000 || (value >= 3000 && value <= 4999) || value == 1001 || value == 1008 || value == 1011)) {
            return bad(tr("\"close\" needs an integer \"code\": 1000, 1001, 1008, 1011 or 3000-4999."));
        }
        Q_EMIT closeSocketsRequested(value, fault.value(QStringLiteral("reason")).toString());
    } else if (kind == QLatin1String("revoke-tokens")) {
        Q_EMIT revokeTokensRequested();
    } else if (kind == QLatin1String("kick-session")) {
        const QString login = fault.value(QStringLiteral("loginName")).toString();
        if (login.isEmpty()) {
            return bad(tr("\"kick-session\" needs \"loginName\"."));
        }
        kicked = m_kick && m_kick(login);
    } else if (kind == QLatin1String("expire-rings")) {
        Q_EMIT expireRingsRequested();
    } else if (kind == QLatin1String("http")) {
        HttpFault http;
        http.route = fault.value(QStringLiteral("route")).toString();
        if (!knownRoutes().contains(http.route)) {
            return bad(tr("\"http\" needs \"route\", one of: %1.").arg(knownRoutes().join(QStringLiteral(", "))));
        }
        const QJsonValue status = fault.value(QStringLiteral("status"));
        const QJsonValue count = fault.value(QStringLiteral("count"));
        const QJsonValue delay = fault.value(QStringLiteral("delayMs"));
        if (!status.isUndefined() && (!status.isDouble() || status.toInt() < 0 || status.toInt() > 599 ||
                                      (status.toInt() > 0 && status.toInt() < 400))) {
            return bad(tr("\"status\" must be 0 (no status, only a delay) or an HTTP error status 400-599."));
        }
        if (!count.isUndefined() && (!count.isDouble() || count.toInt() < 1)) {
            return bad(tr("\"count\" must be a positive integer."));
        }
        if (!delay.isUndefined() && (!delay.isDouble() || delay.toInt() < 0 || delay.toInt() > 120000)) {
            return bad(tr("\"delayMs\" must be an integer from 0 to 120000."));
        }
        http.status = status.isUndefined() ? 503 : status.toInt();
        http.remaining = count.isUndefined() ? 1 : count.toInt();
        http.delayMs = delay.toInt(0);
        if (http.status == 0 && http.delayMs == 0) {
            return bad(tr("An \"http\" fault with status 0 needs a \"delayMs\"."));
        }
        http.id = m_nextId++;
        m_httpFaults.append(http);
    } else {
        return bad(tr("Unknown fault kind \"%1\"; known kinds: %2.")
                       .arg(kind.left(40), knownKinds().join(QStringLiteral(", "))));
    }
    qCInfo(lcSandbox) << "fault applied:" << kind;
    QJsonObject applied = fault;
    applied.insert(QStringLiteral("applied"), true);
    if (kicked) {
        applied.insert(QStringLiteral("kicked"), *kicked);
    }
    return applied;
}

QJsonArray FaultInjector::active() const
{
    QJsonArray list;
    for (const HttpFault &f : m_httpFaults) {
        list.append(QJsonObject{{QStringLiteral("id"), QString::number(f.id)},
                                {QStringLiteral("kind"), QStringLiteral("http")},
                                {QStringLiteral("route"), f.route},
                                {QStringLiteral("status"), f.status},
                                {QStringLiteral("remaining"), f.remaining},
                                {QStringLiteral("delayMs"), f.delayMs}});
    }
    return list;
}

void FaultInjector::clear()
{
    m_httpFaults.clear();
}

std::optional<HttpFaultAction> FaultInjector::takeHttpFault(const QString &route)
{
    for (qsizetype i = 0; i < m_httpFaults.size(); ++i) {
        HttpFault &f = m_httpFaults[i];
        if (f.route != route) {
            continue;
        }
        HttpFaultAction action{f.status, f.delayMs};
        if (--f.remaining <= 0) {
            m_httpFaults.removeAt(i);
        }
        return action;
    }
    return std::nullopt;
}

} // namespace Switchboard::Sandbox
