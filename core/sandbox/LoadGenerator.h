// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SandboxTypes.h"
#include "util/Result.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <vector>

namespace Switchboard::Sandbox
{

class StateModel;

/** Parameters of POST /sandbox/load. */
struct LoadPlan
{
    int consumers = 10;
    int messagesPerConsumer = 5;
    double ratePerSecond = 10;
    QString skillId;
    Channel channel = Channel::Messaging;
    /** A consumer whose last message got no agent reply sends the next one after this long. */
    int replyTimeoutMs = 2000;
    /** Close each conversation (as the consumer) after its last message got a reply or timed out. */
    bool closeWhenDone = false;
};

/**
 * Simulated consumer traffic. Each consumer opens a conversation on the plan's skill and sends
 * messagesPerConsumer text messages; messages leave at ratePerSecond across all consumers
 * (token bucket, 10 ms tick). A consumer sends its next message as soon as the previous one got
 * an agent reply, or after replyTimeoutMs without one — so a fast bot is driven at the full rate
 * and a silent one still gets all its messages.
 *
 * For benchmarks (switchboard-cli bench) status() also reports the round trip of each answered
 * message — consumer message stored → agent reply stored, both on the emulator's thread, from a
 * monotonic clock — as "latencyMs" {p50, p95, p99, max, samples}, and the run's "elapsedMs"
 * from the first message sent to the last reply seen.
 *
 * Owned by Emulator; emulator thread.
 */
class LoadGenerator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoadGenerator)

public:
    explicit LoadGenerator(StateModel *model, QObject *parent = nullptr);

    /** Starts (or replaces) a load run. */
    Result<QJsonObject> start(const LoadPlan &plan);
    void stop();
    QJsonObject status() const;

Q_SIGNALS:
    void finished();

private:
    struct SimConsumer
    {
        QString consumerId;
        QString conversationId;
        int sent = 0;
        bool awaitingReply = false;
        qint64 lastSentMs = 0;
        /** Monotonic send time of the message awaiting a reply (ns since the run started). */
        qint64 lastSentNs = 0;
        bool done = false;
    };
    void tick();
    void handleMessageAdded(const QString &conversationId, const Message &message);

    StateModel *m_model;
    LoadPlan m_plan;
    QList<SimConsumer> m_consumers;
    QHash<QString, int> m_byConversation;
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_tokens = 0;
    qint64 m_lastTickMs = 0;
    int m_cursor = 0;
    qint64 m_sent = 0;
    qint64 m_replies = 0;
    qint64 m_failures = 0;
    bool m_active = false;
    /** Consumer message → agent reply, in µs, one sample per answered message (for the benchmark). */
    std::vector<float> m_latenciesUs;
    qint64 m_firstSentNs = -1;
    qint64 m_lastReplyNs = -1;
};

} // namespace Switchboard::Sandbox
