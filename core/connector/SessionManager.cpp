// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SessionManager.h"

#include "ConnectorLogging.h"
#include "EventLog.h"

#include <QMetaEnum>

namespace Switchboard::Connector
{

SessionManager::SessionManager(QObject *parent)
    : QObject(parent)
    , m_eventLog(new EventLog(20000, this))
{
    qRegisterMetaType<SessionStatus>();
    qRegisterMetaType<SessionCounters>();
    qRegisterMetaType<ConversationSnapshot>();
    qRegisterMetaType<QList<ConversationSnapshot>>();
    qRegisterMetaType<TranscriptEntry>();
    qRegisterMetaType<QList<TranscriptEntry>>();
    qRegisterMetaType<HopSnapshot>();
    qRegisterMetaType<QList<HopSnapshot>>();
    qRegisterMetaType<HealthSnapshot>();
    qRegisterMetaType<HealthBucket>();
    qRegisterMetaType<QList<HealthBucket>>();
    qRegisterMetaType<EscalationRequest>();
}

SessionManager::~SessionManager()
{
    // Sessions are children; deleting them here keeps the order explicit: sessions before the log.
    qDeleteAll(m_sessions);
    m_sessions.clear();
}

EventLog *SessionManager::eventLog() const
{
    return m_eventLog;
}

QList<ConnectorSession *> SessionManager::sessions() const
{
    return m_sessions;
}

ConnectorSession *SessionManager::session(const QString &integrationId) const
{
    for (ConnectorSession *session : m_sessions) {
        if (session->integrationId() == integrationId) {
            return session;
        }
    }
    return nullptr;
}

void SessionManager::addSession(ConnectorSession *session)
{
    Q_ASSERT(session);
    if (this->session(session->integrationId())) {
        removeSession(session->integrationId());
    }
    session->setParent(this);
    m_sessions.append(session);
    connect(session, &ConnectorSession::statusChanged, this, [this, session](const SessionStatus &status) {
        m_eventLog->append(status.state == SessionState::Failed || status.state == SessionState::Kicked
                               ? EventLogEntry::Level::Warning
                               : EventLogEntry::Level::Info,
                           session->integrationId(),
                           {},
                           QStringLiteral("session.%1").arg(QString::fromLatin1(
                               QMetaEnum::fromType<SessionState>().valueToKey(int(status.state)))
                                                                .toLower()),
                           status.reason.isEmpty()
                               ? tr("Integration “%1” is %2.").arg(session->name(), displayName(status.state))
                               : tr("Integration “%1” is %2: %3")
                                     .arg(session->name(), displayName(status.state), status.reason));
        if (m_stopping) {
            checkAllStopped();
        }
    });
    connect(session, &ConnectorSession::alertRaised, this, [this, session](const QString &message) {
        m_eventLog->append(EventLogEntry::Level::Warning, session->integrationId(), {}, QStringLiteral("session.alert"),
                           message);
    });
    qCInfo(lcConnector) << "session added" << session->integrationId();
    Q_EMIT sessionAdded(session);
}

void SessionManager::removeSession(const QString &integrationId)
{
    ConnectorSession *const target = session(integrationId);
    if (!target) {
        return;
    }
    Q_EMIT sessionAboutToBeRemoved(target);
    m_sessions.removeOne(target);
    target->disconnect(this);
    target->stop();
    delete target;
    Q_EMIT sessionRemoved(integrationId);
}

void SessionManager::startAll()
{
    m_stopping = false;
    for (ConnectorSession *session : std::as_const(m_sessions)) {
        session->start();
    }
}

void SessionManager::stopAll()
{
    m_stopping = true;
    for (ConnectorSession *session : std::as_const(m_sessions)) {
        session->stop();
    }
    checkAllStopped();
}

void SessionManager::checkAllStopped()
{
    for (const ConnectorSession *session : std::as_const(m_sessions)) {
        if (session->status().state != SessionState::Stopped) {
            return;
        }
    }
    m_stopping = false;
    Q_EMIT allStopped();
}

} // namespace Switchboard::Connector
