// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BotTypes.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <memory>

namespace Switchboard::Bot
{

/**
 * Combining consumer bursts: consumer TEXT messages of one conversation that arrive within
 * `windowMs` of the first one held become one event (texts joined with newlines), at most
 * `maxCount` messages each. Off when windowMs is 0 (the default).
 */
struct BurstPolicy
{
    int windowMs = 0;
    int maxCount = 5;

    bool enabled() const
    {
        return windowMs > 0 && maxCount > 1;
    }
};

/**
 * The connector's view of one bot, whatever its protocol. The connector calls deliver() for each
 * event with a stable delivery id and learns the outcome from signals:
 *
 * - replied(): the bot's validated answer (typed items, intents, protocol warnings). For a
 *   webhook bot it may come later, through the CallbackServer. It has no items when the bot had
 *   nothing to say to a lifecycle event (transferred, closed, survey close).
 * - deliveryAccepted(): a webhook bot answered 202/204; the replies will come by callback.
 * - deliveryFailed(): after the retries, with a BotErrors code, message, hint and HTTP status.
 * - attemptFinished(): every HTTP attempt, for the transcript and EndpointHealth.
 * - stateProbed()/environmentsListed(): answers to probeState()/listEnvironments().
 *
 * Exactly one of replied()/deliveryFailed() follows each deliver() (deliveryAccepted() comes
 * first for asynchronous webhook answers); a webhook bot may later send more answers for the same
 * delivery, which are reported with BotResponse::duplicate or ::late set, never silently dropped.
 *
 * Threads: a BotClient and the HttpClient it uses live on the session's thread; call it only
 * there. Nothing blocks; there are no nested event loops. Signals are emitted from the event
 * loop: replied(), deliveryFailed() and attemptFinished() never come from inside deliver() itself,
 * so a receiver may call deliver() again (eventsCombined() may).
 *
 * Ownership: a plain QObject owned by its session. Destroying it cancels requests in flight
 * silently.
 */
class BotClient : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BotClient)

public:
    ~BotClient() override;

    virtual BotProtocol protocol() const = 0;

    /**
     * Hands an event to the bot. With a burst policy, consumer texts may be held for the window
     * and combined (eventsCombined() then names the constituents).
     */
    void deliver(const BotEvent &event);
    /** Sends every held burst now (for example before the session stops). */
    void flushBursts();

    /** Asks the endpoint for its health; answers with stateProbed(). */
    virtual void probeState() = 0;
    /** Asks the endpoint for its environments; answers with environmentsListed(). */
    virtual void listEnvironments() = 0;
    /** Drops what the client remembers about a conversation (it was closed or handed over). */
    virtual void forgetConversation(const QString &conversationId);
    /** Cancels everything in flight and every held burst; no signals follow for them. */
    virtual void cancelAll();
    /** Deliveries handed to the bot and not yet answered (held bursts excluded). */
    virtual int pendingCount() const = 0;

    void setBurstPolicy(const BurstPolicy &policy);
    BurstPolicy burstPolicy() const;

Q_SIGNALS:
    void replied(const QString &deliveryId, const Switchboard::Bot::BotResponse &response);
    void deliveryAccepted(const QString &deliveryId);
    void deliveryFailed(const QString &deliveryId, const Switchboard::Bot::BotError &error);
    void attemptFinished(const Switchboard::Bot::HopRecord &hop);
    void stateProbed(const Switchboard::Bot::BotState &state);
    /** `error` is null on success. */
    void environmentsListed(const QStringList &environments, const Switchboard::Bot::BotError &error);
    /** Several consumer messages went to the bot as one event named `deliveryId`. */
    void eventsCombined(const QString &deliveryId, const QStringList &constituentDeliveryIds);

protected:
    explicit BotClient(QObject *parent = nullptr);

    /** Sends one (possibly combined) event; the protocol's work. */
    virtual void sendEvent(const BotEvent &event) = 0;

private:
    struct HeldBurst
    {
        BotEvent event;
        QStringList texts;
        std::unique_ptr<QTimer> timer;
    };
    void flushBurst(const QString &conversationId);

    BurstPolicy m_burstPolicy;
    QHash<QString, std::shared_ptr<HeldBurst>> m_bursts;
};

/** Registers the metatypes of BotTypes.h for queued connections (idempotent). */
void registerBotMetaTypes();

} // namespace Switchboard::Bot
