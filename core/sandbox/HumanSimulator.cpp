// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "HumanSimulator.h"

#include "SandboxLogging.h"
#include "StateModel.h"

#include <QTimer>

namespace Switchboard::Sandbox
{

HumanSimulator::HumanSimulator(StateModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_delayMs(model->config().humanAcceptDelayMs)
{
    connect(model, &StateModel::ringChanged, this, &HumanSimulator::handleRingChanged);
}

void HumanSimulator::handleRingChanged(const Ring &ring)
{
    if (ring.state != RingState::Waiting) {
        return;
    }
    const AgentUser *agent = m_model->agent(ring.agentUserId);
    if (!agent || !agent->simulated) {
        return;
    }
    const QString userId = ring.agentUserId;
    const QString ringId = ring.id;
    QTimer::singleShot(m_delayMs, this, [this, userId, ringId] { take(userId, ringId); });
}

void HumanSimulator::take(const QString &userId, const QString &ringId)
{
    const Ring *ring = m_model->ring(ringId);
    if (!ring || ring->state != RingState::Waiting) {
        return;
    }
    const QString conversationId = ring->conversationId;
    if (!m_model->acceptRing(userId, ringId)) {
        return;
    }
    PublishRequest greeting;
    greeting.conversationId = conversationId;
    greeting.originatorId = userId;
    greeting.fromAgent = true;
    greeting.event = QJsonObject{{QStringLiteral("type"), QStringLiteral("ContentEvent")},
                                 {QStringLiteral("contentType"), QStringLiteral("text/plain")},
                                 {QStringLiteral("message"), m_model->config().humanGreeting}};
    const Result<Message> sent = m_model->publish(greeting);
    qCDebug(lcSandbox) << "simulated agent" << userId << "took" << conversationId << sent.ok();
}

} // namespace Switchboard::Sandbox
