// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/IntegrationDefinition.h"
#include "util/Result.h"

#include <QObject>

#include <functional>

namespace Switchboard
{
class Clock;
}
namespace Switchboard::Bot
{
class BotClient;
}
namespace Switchboard::Storage
{
class SecretStore;
class TranscriptStore;
} // namespace Switchboard::Storage

namespace Switchboard::Connector
{

class ConnectorSession;
class EventLog;

/**
 * The secret values one integration needs, read from the keychain just before its session is
 * made. Held only while the session's parts are built; never logged or written anywhere.
 */
struct SessionSecrets
{
    QString loginPassword;
    QString oauthClientId;
    QString oauthClientSecret;
    QString appJwtClientId;
    QString appJwtClientSecret;
    QString webhookSigningSecret;
    QString callbackToken;

    /** Sets the member named by a Storage::SecretField name; false for an unknown field. */
    bool set(const QString &field, const QString &value);
};

/** What every session of the application shares. */
struct SessionEnvironment
{
    Storage::TranscriptStore *store = nullptr;
    EventLog *eventLog = nullptr;
    const Clock *clock = nullptr;
    /** Overrides for tests and benchmarks (0 = the defaults). */
    int retryPauseMs = -1;
    int probeIntervalMs = 0;
    /**
     * Divides LivePerson's reconnect and retry delays (5 s first reconnect, 5/10/15 s after a 5xx,
     * 5 s after a 429 on login) for tests, so fault scenarios run in seconds; 1 = as documented.
     */
    int livePersonDelayDivisor = 1;
    /** SessionSettings::finishedRetentionMs (-1 = the default). */
    qint64 finishedRetentionMs = -1;
    /**
     * Keep every conversation's snapshot on the session's own thread too, so conversations()
     * answers at once (the console's lists and dialogs). A headless runner has no such reader:
     * false saves about 230 bytes per conversation, and conversations() then waits for the
     * session's thread (see ConnectorSessionImpl).
     */
    bool keepConversationTable = true;
};

/**
 * Builds connector sessions from integration definitions: the messaging AgentChannel for the
 * LivePerson side, a Custom Endpoint or webhook BotClient (with its own callback server) for the
 * bot side, both made on the session's thread.
 */
class SessionFactory final
{
public:
    SessionFactory() = delete;

    /** The secret fields a definition needs, given its login type and bot protocol. */
    static QStringList requiredSecretFields(const Storage::IntegrationDefinition &definition);

    /**
     * Reads the definition's secrets from @p secrets one after another and calls @p done on
     * @p context's thread with them, or with an error naming the missing or unreadable secret.
     */
    static void loadSecrets(Storage::SecretStore *secrets,
                            const Storage::IntegrationDefinition &definition,
                            QObject *context,
                            std::function<void(const Result<SessionSecrets> &)> done);

    /**
     * The bot client of a definition (Custom Endpoint with its Sentinel token provider, or webhook
     * with its own callback server), made on the calling thread with @p parent.
     */
    static Bot::BotClient *createBotClient(const Storage::IntegrationDefinition &definition,
                                           const SessionSecrets &secrets,
                                           const QString &sentinelUrl,
                                           const Clock &clock,
                                           QObject *parent,
                                           int retryPauseMs = -1);

    /** A PEM file's contents for an extra trusted CA (empty path or unreadable file: empty). */
    static QByteArray readCaPem(const QString &path);

    static ConnectorSession *create(const Storage::IntegrationDefinition &definition,
                                    const SessionSecrets &secrets,
                                    const SessionEnvironment &environment,
                                    QObject *parent = nullptr);
};

} // namespace Switchboard::Connector
