// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "LoadGenerator.h"

#include "SandboxLogging.h"
#include "StateModel.h"

#include <QCoreApplication>

#include <algorithm>

namespace Switchboard::Sandbox
{

LoadGenerator::LoadGenerator(StateModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
    m_timer.setInterval(10);
    connect(&m_timer, &QTimer::timeout, this, &LoadGenerator::tick);
    connect(model, &StateModel::messageAdded, this, &LoadGenerator::handleMessageAdded);
}

Result<QJsonObject> LoadGenerator::start(const LoadPlan &plan)
{
    const auto bad = [](const QString &message) { return Error{QStringLiteral("sandbox.bad_request"), message}; };
    if (plan.consumers < 1 || plan.consumers > 100000) {
        return bad(QCoreApplication::translate("Sandbox", "\"consumers\" must be between 1 and 100000."));
    }
    if (plan.messagesPerConsumer < 1 || plan.messagesPerConsumer > 100000) {
        return bad(QCoreApplication::translate("Sandbox", "\"messagesPerConsumer\" must be between 1 and 100000."));
    }
    if (!(plan.ratePerSecond > 0) || plan.ratePerSecond > 100000) {
        return bad(QCoreApplication::translate("Sandbox", "\"ratePerSecond\" must be above 0 and at most 100000."));
    }
    if (!m_model->config().skill(plan.skillId)) {
        return bad(QCoreApplication::translate("Sandbox", "Unknown skill \"%1\".").arg(plan.skillId));
    }
    stop();
    m_plan = plan;
    m_consumers.clear();
    m_byConversation.clear();
    m_consumers.resize(plan.consumers);
    m_tokens = 1;
    m_cursor = 0;
    m_sent = 0;
    m_replies = 0;
    m_failures = 0;
    m_latenciesUs.clear();
    m_latenciesUs.reserve(static_cast<size_t>(std::min<qint64>(
        static_cast<qint64>(plan.consumers) * plan.messagesPerConsumer, 4'000'000)));
    m_firstSentNs = -1;
    m_lastReplyNs = -1;
    m_clock.start();
    m_lastTickMs = 0;
    m_active = true;
    m_timer.start();
    qCInfo(lcSandbox) << "load started:" << plan.consumers << "consumers x" << plan.messagesPerConsumer << "at"
                      << plan.ratePerSecond << "/s";
    return status();
}

void LoadGenerator::stop()
{
    m_timer.stop();
    m_active = false;
}

QJsonObject LoadGenerator::status() const
{
    std::vector<float> sorted = m_latenciesUs;
    std::sort(sorted.begin(), sorted.end());
    const auto percentile = [&sorted](double p) {
        if (sorted.empty()) {
            return 0.0;
        }
        const auto index = std::min(sorted.size() - 1, static_cast<size_t>(p * static_cast<double>(sorted.size())));
        return static_cast<double>(sorted[index]) / 1000.0;
    };
    const QJsonObject latency{{QStringLiteral("p50"), percentile(0.50)},
                              {QStringLiteral("p95"), percentile(0.95)},
                              {QStringLiteral("p99"), percentile(0.99)},
                              {QStringLiteral("max"), sorted.empty() ? 0.0 : static_cast<double>(sorted.back()) / 1000.0},
                              {QStringLiteral("samples"), static_cast<qint64>(sorted.size())}};
    const double elapsedMs = m_firstSentNs >= 0 && m_lastReplyNs > m_firstSentNs
                                 ? static_cast<double>(m_lastReplyNs - m_firstSentNs) / 1e6
                                 : 0.0;
    return QJsonObject{{QStringLiteral("latencyMs"), latency},
                       {QStringLiteral("elapsedMs"), elapsedMs},{QStringLiteral("active"), m_active},
                       {QStringLiteral("consumers"), m_plan.consumers},
                       {QStringLiteral("messagesPerConsumer"), m_plan.messagesPerConsumer},
                       {QStringLiteral("ratePerSecond"), m_plan.ratePerSecond},
                       {QStringLiteral("skillId"), m_plan.skillId},
                       {QStringLiteral("sent"), m_sent},
                       {QStringLiteral("replies"), m_replies},
                       {QStringLiteral("failures"), m_failures},
                       {QStringLiteral("target"), static_cast<qint64>(m_plan.consumers) * m_plan.messagesPerConsumer}};
}

void LoadGenerator::tick()
{
    const qint64 now = m_clock.elapsed();
    m_tokens = std::min(m_tokens + (now - m_lastTickMs) * m_plan.ratePerSecond / 1000.0,
                        std::max(1.0, m_plan.ratePerSecond / 10.0));
    m_lastTickMs = now;
    bool anyLeft = false;
    const int n = static_cast<int>(m_consumers.size());
    for (int scanned = 0; scanned < n && m_tokens >= 1; ++scanned) {
        SimConsumer &c = m_consumers[m_cursor];
        m_cursor = (m_cursor + 1) % n;
        if (c.done) {
            continue;
        }
        anyLeft = true;
        if (c.awaitingReply && now - c.lastSentMs < m_plan.replyTimeoutMs) {
            continue;
        }
        if (c.sent >= m_plan.messagesPerConsumer) {
            c.done = true;
            if (m_plan.closeWhenDone && !c.conversationId.isEmpty()) {
                (void)m_model->closeConversation(c.conversationId, CloseReason::Consumer);
            }
            continue;
        }
        if (c.conversationId.isEmpty()) {
            c.consumerId = m_model->createConsumer(QStringLiteral("Load")).id;
            const Result<QString> created = m_model->createConversation(c.consumerId, m_plan.skillId, m_plan.channel);
            if (!created) {
                ++m_failures;
                c.done = true;
                continue;
            }
            c.conversationId = created.value();
            m_byConversation.insert(c.conversationId, static_cast<int>(&c - m_consumers.data()));
        }
        const qint64 sentNs = m_clock.nsecsElapsed();
        const Result<Message> sent = m_model->consumerText(
            c.conversationId, QStringLiteral("load message %1 of %2").arg(c.sent + 1).arg(m_plan.messagesPerConsumer));
        m_tokens -= 1;
        if (!sent) {
            ++m_failures;
            c.done = true;
            continue;
        }
        ++c.sent;
        ++m_sent;
        c.awaitingReply = true;
        c.lastSentMs = now;
        c.lastSentNs = sentNs;
        if (m_firstSentNs < 0) {
            m_firstSentNs = c.lastSentNs;
        }
    }
    if (!anyLeft) {
        for (const SimConsumer &c : std::as_const(m_consumers)) {
            if (!c.done) {
                return;
            }
        }
        stop();
        qCInfo(lcSandbox) << "load finished:" << m_sent << "messages," << m_replies << "replies";
        Q_EMIT finished();
    }
}

void LoadGenerator::handleMessageAdded(const QString &conversationId, const Message &message)
{
    if (!message.fromAgent || !message.stored) {
        return;
    }
    const QString type = message.event.value(QStringLiteral("type")).toString();
    if (type != QLatin1String("ContentEvent") && type != QLatin1String("RichContentEvent")) {
        return;
    }
    const auto it = m_byConversation.constFind(conversationId);
    if (it == m_byConversation.constEnd()) {
        return;
    }
    SimConsumer &c = m_consumers[*it];
    if (c.awaitingReply) {
        c.awaitingReply = false;
        ++m_replies;
        m_lastReplyNs = m_clock.nsecsElapsed();
        if (m_latenciesUs.size() < 4'000'000) {
            m_latenciesUs.push_back(static_cast<float>(static_cast<double>(m_lastReplyNs - c.lastSentNs) / 1000.0));
        }
    }
}

} // namespace Switchboard::Sandbox
