// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeConnectorSession.h"

#include <QMetaObject>
#include <algorithm>

namespace Switchboard::Test
{

using namespace Connector;

FakeConnectorSession::FakeConnectorSession(const QString &integrationId, const QString &name, QObject *parent)
    : ConnectorSession(parent)
    , m_integrationId(integrationId)
    , m_name(name)
{
    m_status.since = QDateTime::currentDateTimeUtc();
}

FakeConnectorSession::~FakeConnectorSession() = default;

QString FakeConnectorSession::integrationId() const
{
    return m_integrationId;
}

QString FakeConnectorSession::name() const
{
    return m_name;
}

QString FakeConnectorSession::channel() const
{
    return QStringLiteral("messaging");
}

SessionStatus FakeConnectorSession::status() const
{
    return m_status;
}

SessionCounters FakeConnectorSession::counters() const
{
    return m_counters;
}

HealthSnapshot FakeConnectorSession::health() const
{
    return m_health;
}

QList<ConversationSnapshot> FakeConnectorSession::conversations() const
{
    return m_conversations;
}

QList<SkillInfo> FakeConnectorSession::skills() const
{
    return m_skills;
}

QString FakeConnectorSession::fallbackSkillId() const
{
    return m_fallbackSkillId;
}

void FakeConnectorSession::start()
{
    ++m_startCount;
    if (m_autoState) {
        QMetaObject::invokeMethod(
            this, [this] { setState(SessionState::Online); }, Qt::QueuedConnection);
    }
}

void FakeConnectorSession::stop()
{
    ++m_stopCount;
    if (m_autoState) {
        QMetaObject::invokeMethod(
            this, [this] { setState(SessionState::Stopped); }, Qt::QueuedConnection);
    }
}

void FakeConnectorSession::escalate(const EscalationRequest &request)
{
    m_escalations.append(request);
    if (m_answerRequests) {
        QMetaObject::invokeMethod(
            this, [this, request] { finishEscalation(request); }, Qt::QueuedConnection);
    }
}

void FakeConnectorSession::escalateAllOpen(const EscalationRequest &request)
{
    m_bulkEscalations.append(request);
    if (!m_answerRequests) {
        return;
    }
    QStringList open;
    for (const ConversationSnapshot &conversation : std::as_const(m_conversations)) {
        if (conversation.status == ConversationStatus::Open) {
            open.append(conversation.id);
        }
    }
    QMetaObject::invokeMethod(
        this,
        [this, request, open] {
            for (const QString &id : open) {
                EscalationRequest one = request;
                one.conversationId = id;
                finishEscalation(one);
            }
        },
        Qt::QueuedConnection);
}

void FakeConnectorSession::finishEscalation(const EscalationRequest &request)
{
    if (!m_escalationFailure.isEmpty()) {
        TranscriptEntry error = line(request.conversationId, TranscriptRole::Error, m_escalationFailure);
        error.code = QStringLiteral("escalation.failed");
        appendTranscript({error});
        Q_EMIT escalationFinished(request.conversationId, false, m_escalationFailure);
        return;
    }
    const int row = m_conversationIndex.value(request.conversationId, -1);
    if (row >= 0) {
        ConversationSnapshot conversation = m_conversations.at(row);
        conversation.status = ConversationStatus::Escalated;
        conversation.skillId = request.skillId;
        conversation.escalationCause = QStringLiteral("operator");
        pushConversations({conversation});
    }
    TranscriptEntry entry = line(request.conversationId,
                                 TranscriptRole::Escalation,
                                 QStringLiteral("Escalated to skill %1: %2").arg(request.skillId, request.reason));
    entry.code = QStringLiteral("operator");
    appendTranscript({entry});
    ++m_counters.escalationsToday;
    Q_EMIT countersChanged(m_counters);
    Q_EMIT escalationFinished(request.conversationId, true, QString());
}

void FakeConnectorSession::requestTranscript(const QString &conversationId)
{
    m_transcriptRequests.append(conversationId);
    if (!m_answerRequests) {
        return;
    }
    QMetaObject::invokeMethod(
        this,
        [this, conversationId] { Q_EMIT transcriptLoaded(conversationId, m_transcripts.value(conversationId)); },
        Qt::QueuedConnection);
}

void FakeConnectorSession::requestHops(const QString &deliveryId)
{
    m_hopRequests.append(deliveryId);
    if (!m_answerRequests) {
        return;
    }
    QMetaObject::invokeMethod(
        this, [this, deliveryId] { Q_EMIT hopsLoaded(deliveryId, m_hops.value(deliveryId)); }, Qt::QueuedConnection);
}

void FakeConnectorSession::requestHealthHistory(qint64 fromMs, qint64 toMs, int maxBuckets)
{
    m_healthRequests.append(HealthRequest{fromMs, toMs, maxBuckets});
    if (!m_answerRequests) {
        return;
    }
    QList<HealthBucket> inRange;
    for (const HealthBucket &bucket : std::as_const(m_healthHistory)) {
        if (bucket.startMs >= fromMs && bucket.startMs < toMs) {
            inRange.append(bucket);
        }
    }
    QList<HealthBucket> answer;
    const qsizetype perBucket = maxBuckets > 0 ? (inRange.size() + maxBuckets - 1) / maxBuckets : 1;
    if (perBucket <= 1) {
        answer = inRange;
    } else {
        // Merge neighbours like the real store does: counts add up, percentiles take the worst.
        for (qsizetype i = 0; i < inRange.size(); i += perBucket) {
            HealthBucket merged = inRange.at(i);
            double p50Sum = merged.p50Ms * double(merged.calls);
            for (qsizetype j = i + 1; j < std::min(inRange.size(), i + perBucket); ++j) {
                const HealthBucket &b = inRange.at(j);
                merged.calls += b.calls;
                p50Sum += b.p50Ms * double(b.calls);
                merged.p95Ms = std::max(merged.p95Ms, b.p95Ms);
                merged.p99Ms = std::max(merged.p99Ms, b.p99Ms);
                for (int k = 0; k < OutcomeClassCount; ++k) {
                    merged.outcomes[size_t(k)] += b.outcomes[size_t(k)];
                }
                merged.state = std::max(merged.state, b.state);
            }
            merged.p50Ms = merged.calls > 0 ? p50Sum / double(merged.calls) : 0;
            answer.append(merged);
        }
    }
    QMetaObject::invokeMethod(
        this, [this, fromMs, toMs, answer] { Q_EMIT healthHistoryLoaded(fromMs, toMs, answer); }, Qt::QueuedConnection);
}

void FakeConnectorSession::setStatus(const SessionStatus &status)
{
    m_status = status;
    if (!m_status.since.isValid()) {
        m_status.since = QDateTime::currentDateTimeUtc();
    }
    Q_EMIT statusChanged(m_status);
}

void FakeConnectorSession::setState(SessionState state, const QString &reason)
{
    SessionStatus status;
    status.state = state;
    status.reason = reason;
    status.since = QDateTime::currentDateTimeUtc();
    setStatus(status);
}

void FakeConnectorSession::setCounters(const SessionCounters &counters)
{
    m_counters = counters;
    Q_EMIT countersChanged(m_counters);
}

void FakeConnectorSession::setHealth(const HealthSnapshot &health)
{
    m_health = health;
    Q_EMIT healthChanged(m_health);
}

void FakeConnectorSession::setSkills(const QList<SkillInfo> &skills, const QString &fallbackSkillId)
{
    m_skills = skills;
    m_fallbackSkillId = fallbackSkillId;
    Q_EMIT skillsChanged();
}

void FakeConnectorSession::pushConversations(const QList<ConversationSnapshot> &conversations)
{
    for (const ConversationSnapshot &conversation : conversations) {
        const auto it = m_conversationIndex.constFind(conversation.id);
        if (it != m_conversationIndex.constEnd()) {
            m_conversations[*it] = conversation;
        } else {
            m_conversationIndex.insert(conversation.id, int(m_conversations.size()));
            m_conversations.append(conversation);
        }
    }
    Q_EMIT conversationsUpdated(conversations);
}

void FakeConnectorSession::removeConversations(const QStringList &conversationIds)
{
    for (const QString &id : conversationIds) {
        m_conversations.removeIf([&id](const ConversationSnapshot &conversation) { return conversation.id == id; });
    }
    m_conversationIndex.clear();
    for (int i = 0; i < m_conversations.size(); ++i) {
        m_conversationIndex.insert(m_conversations.at(i).id, i);
    }
    Q_EMIT conversationsRemoved(conversationIds);
}

void FakeConnectorSession::appendTranscript(QList<TranscriptEntry> entries)
{
    for (TranscriptEntry &entry : entries) {
        if (entry.id == 0) {
            entry.id = m_nextEntryId;
        }
        m_nextEntryId = std::max(m_nextEntryId, entry.id + 1);
        if (m_keepTranscripts) {
            m_transcripts[entry.conversationId].append(entry);
        }
    }
    Q_EMIT transcriptAppended(entries);
}

void FakeConnectorSession::setHops(const QString &deliveryId, const QList<HopSnapshot> &hops)
{
    m_hops.insert(deliveryId, hops);
}

void FakeConnectorSession::setHealthHistory(const QList<HealthBucket> &buckets)
{
    m_healthHistory = buckets;
}

void FakeConnectorSession::raiseAlert(const QString &message)
{
    Q_EMIT alertRaised(message);
}

void FakeConnectorSession::setAutoState(bool on)
{
    m_autoState = on;
}

void FakeConnectorSession::setKeepTranscripts(bool on)
{
    m_keepTranscripts = on;
}

void FakeConnectorSession::setEscalationFailure(const QString &message)
{
    m_escalationFailure = message;
}

void FakeConnectorSession::setAnswerRequests(bool on)
{
    m_answerRequests = on;
}

int FakeConnectorSession::startCount() const
{
    return m_startCount;
}

int FakeConnectorSession::stopCount() const
{
    return m_stopCount;
}

QList<EscalationRequest> FakeConnectorSession::escalations() const
{
    return m_escalations;
}

QList<EscalationRequest> FakeConnectorSession::bulkEscalations() const
{
    return m_bulkEscalations;
}

QStringList FakeConnectorSession::transcriptRequests() const
{
    return m_transcriptRequests;
}

QStringList FakeConnectorSession::hopRequests() const
{
    return m_hopRequests;
}

QList<FakeConnectorSession::HealthRequest> FakeConnectorSession::healthRequests() const
{
    return m_healthRequests;
}

ConversationSnapshot
FakeConnectorSession::conversation(const QString &id, ConversationStatus status, const QString &lastText)
{
    ConversationSnapshot snapshot;
    snapshot.id = id;
    snapshot.consumerId = QStringLiteral("consumer-") + id;
    snapshot.skillId = QStringLiteral("100");
    snapshot.channel = QStringLiteral("messaging");
    snapshot.status = status;
    snapshot.startedAt = QDateTime::currentDateTimeUtc();
    snapshot.lastActivityAt = snapshot.startedAt;
    snapshot.lastText = lastText;
    return snapshot;
}

TranscriptEntry FakeConnectorSession::line(const QString &conversationId, TranscriptRole role, const QString &text)
{
    TranscriptEntry entry;
    entry.conversationId = conversationId;
    entry.time = QDateTime::currentDateTimeUtc();
    entry.role = role;
    entry.text = text;
    return entry;
}

} // namespace Switchboard::Test
