// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connector/ConnectorSession.h"
#include "connector/SessionEngine.h"

#include <QHash>
#include <QThread>

namespace Switchboard::Connector
{

/**
 * The ConnectorSession the application uses. The object itself lives on its creator's thread and
 * only keeps snapshots; a SessionEngine on a QThread the session owns does the work (channel, bot
 * client, escalation, health). Commands are queued to the engine; the engine's per-tick batches
 * update the snapshots and are re-emitted as the interface's batched signals.
 *
 * The table of conversation snapshots is kept only when @p keepConversationTable (the console,
 * whose lists and dialogs read conversations() at once); without it — a headless runner, which
 * has no such reader and may hold tens of thousands of open conversations — conversations() asks
 * the engine's thread and waits for the answer.
 *
 * Destruction stops the engine's thread (quit, then wait); call stop() and wait for the Stopped
 * status first when the agent should be set away and logged out cleanly.
 */
class ConnectorSessionImpl final : public ConnectorSession
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectorSessionImpl)

public:
    ConnectorSessionImpl(SessionSettings settings,
                         SessionParts parts,
                         Storage::TranscriptStore *store,
                         EventLog *eventLog,
                         const Clock &clock,
                         bool keepConversationTable = true,
                         QObject *parent = nullptr);
    ~ConnectorSessionImpl() override;

    QString integrationId() const override;
    QString name() const override;
    QString channel() const override;
    SessionStatus status() const override;
    SessionCounters counters() const override;
    HealthSnapshot health() const override;
    QList<ConversationSnapshot> conversations() const override;
    QList<SkillInfo> skills() const override;
    QString fallbackSkillId() const override;

    void start() override;
    void stop() override;
    void escalate(const EscalationRequest &request) override;
    void escalateAllOpen(const EscalationRequest &request) override;
    void requestTranscript(const QString &conversationId) override;
    void requestHops(const QString &deliveryId) override;
    void requestHealthHistory(qint64 fromMs, qint64 toMs, int maxBuckets) override;

private:
    void handleTick(const QList<ConversationSnapshot> &conversations,
                    const QList<TranscriptEntry> &entries,
                    const SessionCounters &counters,
                    const HealthSnapshot &health,
                    const QStringList &removed);

    SessionSettings m_settings;
    QThread m_thread;
    SessionEngine *m_engine;
    SessionStatus m_status;
    SessionCounters m_counters;
    HealthSnapshot m_health;
    const bool m_keepConversationTable;
    QHash<QString, ConversationSnapshot> m_conversations;
    QList<SkillInfo> m_skills;
};

} // namespace Switchboard::Connector
