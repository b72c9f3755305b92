// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QVariantMap>

namespace Switchboard
{

/**
 * What the sandbox panel needs from the running LivePerson emulator: simulated consumers, fault
 * injection and the demo bot's behaviour. The application implements it over the sandbox's REST
 * control API (`switchboard --sandbox`); tests use a fake.
 *
 * Every command returns at once; its outcome arrives as the matching signal, on the thread the
 * controller lives on (the UI thread), with a translated message when it failed. The controller
 * is not owned by the panel.
 */
class SandboxController : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxController)

public:
    /** One-shot faults of the emulator (the control API's "kind"). */
    enum class FaultKind
    {
        /** Drop every agent WebSocket without a close frame ("drop-sockets"). */
        DropSockets,
        /** Close every agent WebSocket with a code ("close"; params: code, reason). */
        CloseSockets,
        /** Invalidate every bearer token ("revoke-tokens"). */
        RevokeTokens,
        /** Log the agent user in elsewhere ("kick-session"; params: loginName). */
        KickSession,
        /** Let pending rings expire ("expire-rings"). */
        ExpireRings,
        /** Fail an HTTP route ("http"; params: route, status, count, delayMs). */
        HttpFault,
    };
    Q_ENUM(FaultKind)

    /** How the demo bot answers (the control API's bot "mode"). */
    enum class BotMode
    {
        Normal,
        /** Answers after params["delayMs"]. */
        Slow,
        /** Answers with HTTP params["status"] (5xx). */
        Failing,
        /** Answers 200 with a body that is not JSON. */
        Malformed,
        /** Never answers. */
        Timeout,
        /** Reports state "offline". */
        Offline,
    };
    Q_ENUM(BotMode)

    using QObject::QObject;
    ~SandboxController() override = default;

    /** Adds a simulated consumer who opens a conversation; answered by consumerAdded(). */
    virtual void addConsumer(const QString &displayName) = 0;
    /** Sends @p text as the consumer of @p conversationId; answered by consumerMessageSent(). */
    virtual void sendConsumerMessage(const QString &conversationId, const QString &text) = 0;
    /** Closes the conversation as its consumer; answered by conversationClosed(). */
    virtual void closeConversation(const QString &conversationId) = 0;
    /** Injects one fault; answered by faultInjected(). */
    virtual void injectFault(FaultKind kind, const QVariantMap &params) = 0;
    /** Changes how the demo bot answers; answered by botModeChanged(). @p params: delayMs, status, failRatio. */
    virtual void setBotMode(BotMode mode, const QVariantMap &params) = 0;

Q_SIGNALS:
    void consumerAdded(bool ok, const QString &conversationId, const QString &displayName, const QString &message);
    void consumerMessageSent(const QString &conversationId, bool ok, const QString &message);
    void conversationClosed(const QString &conversationId, bool ok, const QString &message);
    void faultInjected(Switchboard::SandboxController::FaultKind kind, bool ok, const QString &message);
    void botModeChanged(Switchboard::SandboxController::BotMode mode, bool ok, const QString &message);
};

} // namespace Switchboard
