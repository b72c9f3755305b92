// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connector/ConnectorTypes.h"

#include <QObject>

namespace Switchboard::Connector
{

/**
 * One integration's connector session, as its observers see it.
 *
 * Purpose: joins one LivePerson agent user (an AgentChannel) to one bot (a BotClient), records
 * every hop in the transcript store, applies the escalation policy and tracks endpoint health.
 *
 * Ownership and threads: created and owned by SessionManager. The ConnectorSession object lives on
 * the thread that created the manager (the UI thread in the console); the implementation does all
 * network and disk I/O on a worker thread the session owns and reports back by queued signals.
 * Every getter returns a snapshot and is cheap; every command returns at once and reports its
 * outcome by signal.
 *
 * Signals are batched: at most one conversationsUpdated() and one transcriptAppended() per tick
 * (about 50 ms), so a burst of thousands of messages per second cannot flood the UI thread.
 *
 * Lifecycle: stopped → start() → resolving → logging in → connecting → online; reconnecting and
 * kicked/failed on the way; stop() sets the agent away, flushes the store and ends in stopped.
 */
class ConnectorSession : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectorSession)

public:
    using QObject::QObject;
    ~ConnectorSession() override = default;

    virtual QString integrationId() const = 0;
    virtual QString name() const = 0;
    virtual QString channel() const = 0;

    virtual SessionStatus status() const = 0;
    virtual SessionCounters counters() const = 0;
    virtual HealthSnapshot health() const = 0;
    virtual QList<ConversationSnapshot> conversations() const = 0;
    /** The account's skills (for the escalation picker); empty until the first login. */
    virtual QList<SkillInfo> skills() const = 0;
    virtual QString fallbackSkillId() const = 0;

    virtual void start() = 0;
    virtual void stop() = 0;

    /** Escalates one conversation; the outcome arrives as escalationFinished(). */
    virtual void escalate(const EscalationRequest &request) = 0;
    /** Escalates every open conversation (request.conversationId is ignored). */
    virtual void escalateAllOpen(const EscalationRequest &request) = 0;

    /** Loads a conversation's transcript; answered by transcriptLoaded(). */
    virtual void requestTranscript(const QString &conversationId) = 0;
    /** Loads the hop records of one delivery; answered by hopsLoaded(). */
    virtual void requestHops(const QString &deliveryId) = 0;
    /** Loads the health graph between two times, in at most maxBuckets buckets; answered by healthHistoryLoaded(). */
    virtual void requestHealthHistory(qint64 fromMs, qint64 toMs, int maxBuckets) = 0;

Q_SIGNALS:
    void statusChanged(const Switchboard::Connector::SessionStatus &status);
    void countersChanged(const Switchboard::Connector::SessionCounters &counters);
    void healthChanged(const Switchboard::Connector::HealthSnapshot &health);
    void skillsChanged();
    /** New or changed conversations since the last tick. */
    void conversationsUpdated(const QList<Switchboard::Connector::ConversationSnapshot> &changed);
    /**
     * Finished conversations the session no longer lists (SessionSettings::finishedRetentionMs);
     * their transcripts stay in the store. Emitted after the tick's conversationsUpdated().
     */
    void conversationsRemoved(const QStringList &conversationIds);
    /** New transcript lines of any conversation since the last tick. */
    void transcriptAppended(const QList<Switchboard::Connector::TranscriptEntry> &entries);
    void transcriptLoaded(const QString &conversationId, const QList<Switchboard::Connector::TranscriptEntry> &entries);
    void hopsLoaded(const QString &deliveryId, const QList<Switchboard::Connector::HopSnapshot> &hops);
    void healthHistoryLoaded(qint64 fromMs, qint64 toMs, const QList<Switchboard::Connector::HealthBucket> &buckets);
    void escalationFinished(const QString &conversationId, bool ok, const QString &message);
    /** Something needs the operator's attention (e.g. no fallback skill configured). */
    void alertRaised(const QString &message);
};

} // namespace Switchboard::Connector
