// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConnectorTypes.h"

#include <QCoreApplication>

namespace Switchboard::Connector
{

QString displayName(SessionState state)
{
    switch (state) {
    case SessionState::Stopped:
        return QCoreApplication::translate("Connector", "stopped");
    case SessionState::Resolving:
        return QCoreApplication::translate("Connector", "resolving hosts");
    case SessionState::LoggingIn:
        return QCoreApplication::translate("Connector", "logging in");
    case SessionState::Connecting:
        return QCoreApplication::translate("Connector", "connecting");
    case SessionState::Online:
        return QCoreApplication::translate("Connector", "online");
    case SessionState::Reconnecting:
        return QCoreApplication::translate("Connector", "reconnecting");
    case SessionState::Kicked:
        return QCoreApplication::translate("Connector", "kicked by another login");
    case SessionState::Failed:
        return QCoreApplication::translate("Connector", "failed");
    }
    return {};
}

QString displayName(HealthState state)
{
    switch (state) {
    case HealthState::Unknown:
        return QCoreApplication::translate("Connector", "unknown");
    case HealthState::Healthy:
        return QCoreApplication::translate("Connector", "healthy");
    case HealthState::Degraded:
        return QCoreApplication::translate("Connector", "degraded");
    case HealthState::Down:
        return QCoreApplication::translate("Connector", "down");
    }
    return {};
}

QString outcomeCode(OutcomeClass outcome)
{
    switch (outcome) {
    case OutcomeClass::Ok:
        return QStringLiteral("ok");
    case OutcomeClass::Timeout:
        return QStringLiteral("timeout");
    case OutcomeClass::ConnectError:
        return QStringLiteral("connect_error");
    case OutcomeClass::Http4xx:
        return QStringLiteral("http_4xx");
    case OutcomeClass::Http5xx:
        return QStringLiteral("http_5xx");
    case OutcomeClass::InvalidReply:
        return QStringLiteral("invalid_reply");
    }
    return {};
}

} // namespace Switchboard::Connector
