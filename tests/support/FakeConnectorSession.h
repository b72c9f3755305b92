// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connector/ConnectorSession.h"

#include <QHash>
#include <QList>

namespace Switchboard::Test
{

/**
 * A ConnectorSession without LivePerson, bot or store, for UI and CLI tests. The test plays the
 * connector: it pushes conversations, transcript lines, status, counters and health, and reads
 * back what the code under test asked for (start/stop calls, escalation requests, history
 * requests).
 *
 * Like the real session, requests are answered on a later event-loop turn (queued): transcript,
 * hops and health history from what the test stored; escalations succeed by default — the
 * conversation becomes Escalated, an Escalation line is appended to its transcript and
 * escalationFinished() reports ok. setEscalationFailure() makes them fail instead.
 * start() goes Online and stop() goes Stopped at once (queued) unless setAutoState(false).
 */
class FakeConnectorSession final : public Connector::ConnectorSession
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeConnectorSession)

public:
    struct HealthRequest
    {
        qint64 fromMs = 0;
        qint64 toMs = 0;
        int maxBuckets = 0;
    };

    FakeConnectorSession(const QString &integrationId, const QString &name, QObject *parent = nullptr);
    ~FakeConnectorSession() override;

    // ConnectorSession
    QString integrationId() const override;
    QString name() const override;
    QString channel() const override;
    Connector::SessionStatus status() const override;
    Connector::SessionCounters counters() const override;
    Connector::HealthSnapshot health() const override;
    QList<Connector::ConversationSnapshot> conversations() const override;
    QList<Connector::SkillInfo> skills() const override;
    QString fallbackSkillId() const override;
    void start() override;
    void stop() override;
    void escalate(const Connector::EscalationRequest &request) override;
    void escalateAllOpen(const Connector::EscalationRequest &request) override;
    void requestTranscript(const QString &conversationId) override;
    void requestHops(const QString &deliveryId) override;
    void requestHealthHistory(qint64 fromMs, qint64 toMs, int maxBuckets) override;

    // Test controls: each emits the matching signal at once.
    void setStatus(const Connector::SessionStatus &status);
    void setState(Connector::SessionState state, const QString &reason = QString());
    void setCounters(const Connector::SessionCounters &counters);
    void setHealth(const Connector::HealthSnapshot &health);
    void setSkills(const QList<Connector::SkillInfo> &skills, const QString &fallbackSkillId);
    /** Stores and announces new or changed conversations (one conversationsUpdated()). */
    void pushConversations(const QList<Connector::ConversationSnapshot> &conversations);
    /** Forgets and announces dropped conversations (one conversationsRemoved()). */
    void removeConversations(const QStringList &conversationIds);
    /** Stores and announces transcript lines (one transcriptAppended()); ids are assigned when 0. */
    void appendTranscript(QList<Connector::TranscriptEntry> entries);
    void setHops(const QString &deliveryId, const QList<Connector::HopSnapshot> &hops);
    /** Buckets answered by requestHealthHistory() (those inside the range, merged down to maxBuckets). */
    void setHealthHistory(const QList<Connector::HealthBucket> &buckets);
    void raiseAlert(const QString &message);

    void setAutoState(bool on);
    /** Whether appendTranscript() also stores the lines for later requestTranscript() answers (default on). */
    void setKeepTranscripts(bool on);
    void setEscalationFailure(const QString &message);
    void setAnswerRequests(bool on);

    // What the code under test asked for.
    int startCount() const;
    int stopCount() const;
    QList<Connector::EscalationRequest> escalations() const;
    QList<Connector::EscalationRequest> bulkEscalations() const;
    QStringList transcriptRequests() const;
    QStringList hopRequests() const;
    QList<HealthRequest> healthRequests() const;

    /** A conversation snapshot with sensible defaults, for tests. */
    static Connector::ConversationSnapshot
    conversation(const QString &id,
                 Connector::ConversationStatus status = Connector::ConversationStatus::Open,
                 const QString &lastText = QString());
    /** A transcript line with sensible defaults, for tests. */
    static Connector::TranscriptEntry
    line(const QString &conversationId, Connector::TranscriptRole role, const QString &text);

private:
    void finishEscalation(const Connector::EscalationRequest &request);

    QString m_integrationId;
    QString m_name;
    Connector::SessionStatus m_status;
    Connector::SessionCounters m_counters;
    Connector::HealthSnapshot m_health;
    QList<Connector::SkillInfo> m_skills;
    QString m_fallbackSkillId;
    QList<Connector::ConversationSnapshot> m_conversations;
    QHash<QString, int> m_conversationIndex;
    QHash<QString, QList<Connector::TranscriptEntry>> m_transcripts;
    QHash<QString, QList<Connector::HopSnapshot>> m_hops;
    QList<Connector::HealthBucket> m_healthHistory;
    qint64 m_nextEntryId = 1;
    bool m_autoState = true;
    bool m_answerRequests = true;
    bool m_keepTranscripts = true;
    QString m_escalationFailure;

    int m_startCount = 0;
    int m_stopCount = 0;
    QList<Connector::EscalationRequest> m_escalations;
    QList<Connector::EscalationRequest> m_bulkEscalations;
    QStringList m_transcriptRequests;
    QStringList m_hopRequests;
    QList<HealthRequest> m_healthRequests;
};

} // namespace Switchboard::Test
