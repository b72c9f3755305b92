// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "BotClient.h"

#include "BotLogging.h"

namespace Switchboard::Bot
{

void registerBotMetaTypes()
{
    qRegisterMetaType<BotEvent>();
    qRegisterMetaType<BotResponse>();
    qRegisterMetaType<BotError>();
    qRegisterMetaType<HopRecord>();
    qRegisterMetaType<BotState>();
}

BotClient::BotClient(QObject *parent)
    : QObject(parent)
{
    registerBotMetaTypes();
}

BotClient::~BotClient() = default;

void BotClient::setBurstPolicy(const BurstPolicy &policy)
{
    m_burstPolicy = policy;
    if (!policy.enabled()) {
        flushBursts();
    }
}

BurstPolicy BotClient::burstPolicy() const
{
    return m_burstPolicy;
}

void BotClient::deliver(const BotEvent &event)
{
    const bool combinable = m_burstPolicy.enabled() && event.type == EventType::Text;
    auto it = m_bursts.find(event.conversationId);
    if (!combinable) {
        // Anything else keeps its place behind the texts held for the same conversation.
        if (it != m_bursts.end()) {
            flushBurst(event.conversationId);
        }
        sendEvent(event);
        return;
    }
    if (it == m_bursts.end()) {
        auto held = std::make_shared<HeldBurst>();
        held->event = event;
        held->event.constituentDeliveryIds = QStringList{event.deliveryId};
        held->texts = QStringList{event.text};
        held->timer = std::make_unique<QTimer>();
        held->timer->setSingleShot(true);
        const QString conversationId = event.conversationId;
        connect(held->timer.get(), &QTimer::timeout, this, [this, conversationId] { flushBurst(conversationId); });
        // The window is measured from the first message held, so a steady trickle cannot delay a
        // reply for longer than windowMs.
        held->timer->start(m_burstPolicy.windowMs);
        m_bursts.insert(event.conversationId, held);
    } else {
        HeldBurst &held = **it;
        held.event.constituentDeliveryIds.append(event.deliveryId);
        held.texts.append(event.text);
        // The newest message's raw event and sequence describe the combined event best.
        held.event.lpEvent = event.lpEvent;
        held.event.lpEventJson = event.lpEventJson;
        held.event.sequence = event.sequence;
        held.event.timestampMs = event.timestampMs;
    }
    if (m_bursts.value(event.conversationId)->texts.size() >= m_burstPolicy.maxCount) {
        flushBurst(event.conversationId);
    }
}

void BotClient::flushBurst(const QString &conversationId)
{
    std::shared_ptr<HeldBurst> held = m_bursts.take(conversationId);
    if (!held) {
        return;
    }
    held->timer->stop();
    BotEvent event = held->event;
    if (held->texts.size() == 1) {
        event.constituentDeliveryIds.clear();
        sendEvent(event);
        return;
    }
    event.text = held->texts.join(QLatin1Char('\n'));
    qCDebug(lcBot) << "combined" << held->texts.size() << "consumer messages into delivery" << event.deliveryId;
    Q_EMIT eventsCombined(event.deliveryId, event.constituentDeliveryIds);
    sendEvent(event);
}

void BotClient::flushBursts()
{
    const QStringList conversations = m_bursts.keys();
    for (const QString &conversationId : conversations) {
        flushBurst(conversationId);
    }
}

void BotClient::forgetConversation(const QString &conversationId)
{
    m_bursts.remove(conversationId);
}

void BotClient::cancelAll()
{
    m_bursts.clear();
}

} // namespace Switchboard::Bot
