// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connector/SessionFactory.h"
#include "sandbox/SandboxConfig.h"
#include "storage/IntegrationDefinition.h"
#include "util/Result.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

namespace Switchboard::Sandbox
{
class CustomEndpointDemoBot;
class Emulator;
class WebhookDemoBot;
} // namespace Switchboard::Sandbox

class QTimer;

namespace Switchboard
{

/**
 * The first-run experience behind `switchboard --sandbox` and `switchboard-cli run --sandbox`:
 * starts the LivePerson emulator, the Custom Endpoint and webhook demo bots, and describes two
 * integrations of the Custom Endpoint bot, both with the human skill as fallback: the messaging
 * one on the first sandbox agent (a bot user on the first skill), and the chat one on the bot
 * agent whose login contains "chat" (switchboard-chat-bot on skill 1003), which uses the Chat
 * Agent API. integrations() lists both; start a session for each.
 *
 * Simulated chat consumers: with Options::chatConsumers > 0, once the chat bot agent sets itself
 * Online on the Chat Agent API, the launcher opens that many chat conversations on its skill and
 * has them write (startChatTraffic() does the same on demand). The messaging traffic is started by the caller
 * through the control API (POST /sandbox/load), as before.
 *
 * The sandbox's credentials are generated demo values; they are handed to the session directly
 * (sessionSecrets()), never written to the keychain or to integrations.json.
 *
 * Ownership and thread: owns the emulator and the bots, all on the creating thread (they are
 * event-driven servers on 127.0.0.1).
 */
class SandboxLauncher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxLauncher)

public:
    struct Options
    {
        quint16 port = 0;
        QString stateDir;
        QString frameLogPath;
        /** The whole emulator configuration; when set, port/stateDir/frameLogPath above are ignored. */
        std::optional<Sandbox::SandboxConfig> config;
        /**
         * Simulated chat consumers started once the chat bot agent is Online (0 = none, the
         * default, so a bare emulator for external clients stays quiet; the console and
         * `run --sandbox` set 3).
         */
        int chatConsumers = 0;
        int chatMessagesPerConsumer = 20;
        double chatMessagesPerSecond = 1.0;
    };

    /** One integration of the sandbox with its demo secrets. */
    struct Integration
    {
        Storage::IntegrationDefinition definition;
        Connector::SessionSecrets secrets;
    };

    explicit SandboxLauncher(QObject *parent = nullptr);
    SandboxLauncher(Options options, QObject *parent = nullptr);
    ~SandboxLauncher() override;

    Result<Success> start();

    Sandbox::Emulator *emulator() const;
    Sandbox::CustomEndpointDemoBot *customEndpointBot() const;
    Sandbox::WebhookDemoBot *webhookBot() const;

    /** The sandbox's one JSON line: endpoints, demo credentials, skills, bots. */
    QJsonObject describe() const;

    /** The messaging integration joining agent 0 to the Custom Endpoint demo bot. */
    Storage::IntegrationDefinition messagingIntegration() const;
    Connector::SessionSecrets messagingSecrets() const;

    /**
     * The chat integration (Chat Agent API) joining the bot agent whose login contains "chat"
     * (switchboard-chat-bot, skill 1003) to the Custom Endpoint demo bot; id "sandbox-chat".
     * Empty definition (no id) when the sandbox configuration has no such agent.
     */
    Storage::IntegrationDefinition chatIntegration() const;
    Connector::SessionSecrets chatSecrets() const;

    /** Every sandbox integration: messaging first, then chat (when the configuration has a chat bot). */
    QList<Integration> integrations() const;

    /**
     * Opens `consumers` chat conversations on the chat bot's skill; each writes
     * `messagesPerConsumer` lines, one after the other, `messagesPerSecond` across all of them,
     * the next one as soon as the agent answered the previous (or after 3 s). Replaces a running
     * chat traffic. Returns the number of conversations opened.
     */
    int startChatTraffic(int consumers, int messagesPerConsumer, double messagesPerSecond);
    void stopChatTraffic();
    /** Chat conversations the simulated consumers opened (current run). */
    QStringList chatTrafficConversations() const;

    /** The control API's base URL (https, sandbox CA). */
    QString controlUrl() const;

private:
    struct SimulatedChat
    {
        QString conversationId;
        int sent = 0;
        bool awaitingReply = false;
        qint64 lastSentMs = 0;
    };
    const Sandbox::AgentConfig *chatAgent() const;
    void chatTrafficTick();

    Options m_options;
    QList<SimulatedChat> m_chatTraffic;
    int m_chatTrafficCursor = 0;
    int m_chatMessagesPerConsumer = 0;
    bool m_chatTrafficStarted = false;
    QPointer<QTimer> m_chatTimer;
    std::unique_ptr<Sandbox::Emulator> m_emulator;
    std::unique_ptr<Sandbox::CustomEndpointDemoBot> m_customEndpointBot;
    std::unique_ptr<Sandbox::WebhookDemoBot> m_webhookBot;
};

} // namespace Switchboard
