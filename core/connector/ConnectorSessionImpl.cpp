// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConnectorSessionImpl.h"

#include "ConnectorLogging.h"

#include <QMetaObject>

namespace Switchboard::Connector
{

ConnectorSessionImpl::ConnectorSessionImpl(SessionSettings settings,
                                           SessionParts parts,
                                           Storage::TranscriptStore *store,
                                           EventLog *eventLog,
                                           const Clock &clock,
                                           bool keepConversationTable,
                                           QObject *parent)
    : ConnectorSession(parent)
    , m_settings(settings)
    , m_engine(new SessionEngine(std::move(settings), std::move(parts), store, eventLog, clock))
    , m_keepConversationTable(keepConversationTable)
{
    m_thread.setObjectName(QStringLiteral("session:%1").arg(m_settings.name.left(20)));
    m_engine->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_engine, &QObject::deleteLater);

    connect(m_engine, &SessionEngine::statusChanged, this, [this](const SessionStatus &status) {
        m_status = status;
        Q_EMIT statusChanged(status);
    });
    connect(m_engine, &SessionEngine::ticked, this, &ConnectorSessionImpl::handleTick);
    connect(m_engine, &SessionEngine::skillsChanged, this, [this](const QList<SkillInfo> &skills) {
        m_skills = skills;
        Q_EMIT skillsChanged();
    });
    connect(m_engine, &SessionEngine::escalationFinished, this, &ConnectorSession::escalationFinished);
    connect(m_engine, &SessionEngine::alertRaised, this, &ConnectorSession::alertRaised);
    connect(m_engine, &SessionEngine::transcriptLoaded, this, &ConnectorSession::transcriptLoaded);
    connect(m_engine, &SessionEngine::hopsLoaded, this, &ConnectorSession::hopsLoaded);
    connect(m_engine, &SessionEngine::healthHistoryLoaded, this, &ConnectorSession::healthHistoryLoaded);
    m_thread.start();
}

ConnectorSessionImpl::~ConnectorSessionImpl()
{
    m_thread.quit();
    m_thread.wait();
}

QString ConnectorSessionImpl::integrationId() const
{
    return m_settings.integrationId;
}

QString ConnectorSessionImpl::name() const
{
    return m_settings.name;
}

QString ConnectorSessionImpl::channel() const
{
    return m_settings.channel;
}

SessionStatus ConnectorSessionImpl::status() const
{
    return m_status;
}

SessionCounters ConnectorSessionImpl::counters() const
{
    return m_counters;
}

HealthSnapshot ConnectorSessionImpl::health() const
{
    return m_health;
}

QList<ConversationSnapshot> ConnectorSessionImpl::conversations() const
{
    if (m_keepConversationTable) {
        return m_conversations.values();
    }
    // No table here: the engine's own, read on its thread. The engine never waits for this
    // thread, and its thread runs from the constructor to the destructor.
    QList<ConversationSnapshot> all;
    if (m_thread.isRunning() && QThread::currentThread() != &m_thread) {
        QMetaObject::invokeMethod(
            m_engine, [engine = m_engine] { return engine->conversations(); }, Qt::BlockingQueuedConnection, &all);
    }
    return all;
}

QList<SkillInfo> ConnectorSessionImpl::skills() const
{
    return m_skills;
}

QString ConnectorSessionImpl::fallbackSkillId() const
{
    return m_settings.fallbackSkillId;
}

void ConnectorSessionImpl::start()
{
    QMetaObject::invokeMethod(m_engine, &SessionEngine::start, Qt::QueuedConnection);
}

void ConnectorSessionImpl::stop()
{
    QMetaObject::invokeMethod(m_engine, &SessionEngine::stop, Qt::QueuedConnection);
}

void ConnectorSessionImpl::escalate(const EscalationRequest &request)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, request] { engine->escalate(request); }, Qt::QueuedConnection);
}

void ConnectorSessionImpl::escalateAllOpen(const EscalationRequest &request)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, request] { engine->escalateAllOpen(request); }, Qt::QueuedConnection);
}

void ConnectorSessionImpl::requestTranscript(const QString &conversationId)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, conversationId] { engine->requestTranscript(conversationId); },
        Qt::QueuedConnection);
}

void ConnectorSessionImpl::requestHops(const QString &deliveryId)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, deliveryId] { engine->requestHops(deliveryId); }, Qt::QueuedConnection);
}

void ConnectorSessionImpl::requestHealthHistory(qint64 fromMs, qint64 toMs, int maxBuckets)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, fromMs, toMs, maxBuckets] { engine->requestHealthHistory(fromMs, toMs, maxBuckets); },
        Qt::QueuedConnection);
}

void ConnectorSessionImpl::handleTick(const QList<ConversationSnapshot> &conversations,
                                      const QList<TranscriptEntry> &entries,
                                      const SessionCounters &counters,
                                      const HealthSnapshot &health,
                                      const QStringList &removed)
{
    if (m_keepConversationTable) {
        for (const ConversationSnapshot &conversation : conversations) {
            m_conversations.insert(conversation.id, conversation);
        }
        for (const QString &id : removed) {
            m_conversations.remove(id);
        }
    }
    const bool countersChanged = counters.openConversations != m_counters.openConversations
                                 || counters.consumerMessages != m_counters.consumerMessages
                                 || counters.botReplies != m_counters.botReplies
                                 || counters.escalationsToday != m_counters.escalationsToday
                                 || counters.messagesPerMinute != m_counters.messagesPerMinute
                                 || counters.botFailures != m_counters.botFailures;
    const bool healthChanged = health.state != m_health.state || health.endpointState != m_health.endpointState
                               || health.lastMinute.calls != m_health.lastMinute.calls;
    m_counters = counters;
    m_health = health;
    if (!conversations.isEmpty()) {
        Q_EMIT conversationsUpdated(conversations);
    }
    if (!removed.isEmpty()) {
        Q_EMIT conversationsRemoved(removed);
    }
    if (!entries.isEmpty()) {
        Q_EMIT transcriptAppended(entries);
    }
    if (countersChanged) {
        Q_EMIT this->countersChanged(counters);
    }
    if (healthChanged) {
        Q_EMIT this->healthChanged(health);
    }
}

} // namespace Switchboard::Connector
