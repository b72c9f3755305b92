// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SandboxLauncher.h"
#include "connector/ConnectorSession.h"
#include "connector/EventLog.h"
#include "connector/SessionFactory.h"
#include "storage/IntegrationDefinition.h"
#include "storage/TranscriptStore.h"

#include <QTemporaryDir>

#include <functional>
#include <memory>
#include <optional>

namespace Switchboard::Sandbox
{
class StateModel;
}

namespace Switchboard::Test
{

/**
 * The ground of the connector's end-to-end tests: the sandbox in-process on 127.0.0.1 (emulator
 * and demo bots), a transcript store on disk and ConnectorSessions made by SessionFactory exactly
 * as `switchboard-cli run` makes them, with LivePerson's delays divided for test speed.
 * Simulated consumers talk through the emulator's model.
 */
struct ConnectorRig
{
    struct Options
    {
        /** The sandbox's messaging integration, or its chat one. */
        bool chat = false;
        /** The sandbox's options; stateDir is set to a folder of the rig's. */
        SandboxLauncher::Options sandbox;
        /** LivePerson's retry delays (and the chat poll interval) divided by this. */
        int livePersonDelayDivisor = 10;
        /** SessionEnvironment::keepConversationTable: false = as `switchboard-cli run` (headless). */
        bool keepConversationTable = true;
        /** SessionEnvironment::finishedRetentionMs (-1 = the default). */
        qint64 finishedRetentionMs = -1;
        /** Changes the integration before the session starts. */
        std::function<void(ConnectorRig &, Storage::IntegrationDefinition &)> adjust;
    };

    virtual ~ConnectorRig();

    /** Starts the sandbox, opens the store and starts the session; false (with a warning) on failure. */
    bool setUp(Options options);
    /** A session for @p definition (started), with the rig's store, event log and delays. */
    std::unique_ptr<Connector::ConnectorSession> startSession(const Storage::IntegrationDefinition &definition,
                                                              const Connector::SessionSecrets &secrets);
    /** Stops the rig's session and waits for Stopped; false if it did not stop. */
    bool stopSession();

    Sandbox::StateModel *model() const;
    /** The LivePerson user id of the integration's bot user. */
    QString botUserId() const;
    /** A new consumer's conversation on the bot skill (the integration's channel), with a first message. */
    QString startConversation(const QString &firstText) const;
    std::optional<Connector::ConversationSnapshot> snapshot(const QString &conversationId) const;
    /** A text in the conversation as if the bot user had published it (what a previous run sent). */
    bool publishAsBot(const QString &conversationId, const QString &text) const;
    /** Whether the store marked the dialog's messages handled up to @p sequence. */
    bool handledUpTo(const QString &dialogId, qint64 sequence) const;
    /** Whether the conversation's stored transcript holds a note "[code] …". */
    bool hasNote(const QString &conversationId, const QString &code) const;

    static bool waitOnline(Connector::ConnectorSession *session);

    QTemporaryDir dir;
    std::unique_ptr<SandboxLauncher> sandbox;
    std::unique_ptr<Storage::TranscriptStore> store;
    std::unique_ptr<Connector::EventLog> eventLog;
    std::unique_ptr<Connector::ConnectorSession> session;
    Storage::IntegrationDefinition definition;
    Connector::SessionSecrets secrets;
    int livePersonDelayDivisor = 10;
    bool keepConversationTable = true;
    qint64 finishedRetentionMs = -1;
};

/** Agent-side text messages (ContentEvents) of a sandbox conversation, in sequence order. */
QStringList agentTexts(const Sandbox::StateModel *model, const QString &conversationId);
/** Whether @p userId (plain or "{account}.{user}") takes part in the conversation. */
bool hasParticipant(const Sandbox::StateModel *model, const QString &conversationId, const QString &userId);

} // namespace Switchboard::Test
