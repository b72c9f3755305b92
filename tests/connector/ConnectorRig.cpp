// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConnectorRig.h"

#include "connector/SessionFactory.h"
#include "sandbox/Emulator.h"
#include "sandbox/StateModel.h"

#include <QJsonObject>
#include <QTest>

#include <algorithm>

namespace Switchboard::Test
{

namespace
{
constexpr int s_onlineTimeoutMs = 20000;
constexpr int s_stopTimeoutMs = 10000;
} // namespace

ConnectorRig::~ConnectorRig() = default;

bool ConnectorRig::setUp(Options options)
{
    if (!dir.isValid()) {
        qWarning("rig: no temporary directory");
        return false;
    }
    options.sandbox.stateDir = dir.filePath(QStringLiteral("sandbox"));
    sandbox = std::make_unique<SandboxLauncher>(options.sandbox);
    const Result<Success> started = sandbox->start();
    if (!started) {
        qWarning("rig: sandbox: %s", qPrintable(started.error().message));
        return false;
    }
    Storage::TranscriptStore::Options storeOptions;
    storeOptions.path = dir.filePath(QStringLiteral("transcripts.sqlite"));
    store = std::make_unique<Storage::TranscriptStore>(storeOptions);
    if (!store->openAndWait()) {
        qWarning("rig: the transcript store did not open");
        return false;
    }
    eventLog = std::make_unique<Connector::EventLog>();
    livePersonDelayDivisor = options.livePersonDelayDivisor;
    keepConversationTable = options.keepConversationTable;
    finishedRetentionMs = options.finishedRetentionMs;
    definition = options.chat ? sandbox->chatIntegration() : sandbox->messagingIntegration();
    secrets = options.chat ? sandbox->chatSecrets() : sandbox->messagingSecrets();
    definition.delivery.requestTimeoutMs = 3000;
    if (options.adjust) {
        options.adjust(*this, definition);
    }
    session = startSession(definition, secrets);
    return true;
}

std::unique_ptr<Connector::ConnectorSession> ConnectorRig::startSession(const Storage::IntegrationDefinition &which,
                                                                        const Connector::SessionSecrets &with)
{
    Connector::SessionEnvironment environment;
    environment.store = store.get();
    environment.eventLog = eventLog.get();
    environment.retryPauseMs = 10;
    environment.probeIntervalMs = 500;
    environment.livePersonDelayDivisor = livePersonDelayDivisor;
    environment.keepConversationTable = keepConversationTable;
    environment.finishedRetentionMs = finishedRetentionMs;
    std::unique_ptr<Connector::ConnectorSession> started(Connector::SessionFactory::create(which, with, environment));
    started->start();
    return started;
}

bool ConnectorRig::stopSession()
{
    if (!session) {
        return true;
    }
    session->stop();
    Connector::ConnectorSession *stopping = session.get();
    const bool stopped = QTest::qWaitFor(
        [stopping] { return stopping->status().state == Connector::SessionState::Stopped; }, s_stopTimeoutMs);
    session.reset();
    return stopped;
}

Sandbox::StateModel *ConnectorRig::model() const
{
    return sandbox->emulator()->model();
}

QString ConnectorRig::botUserId() const
{
    for (const Sandbox::AgentConfig &agent : sandbox->emulator()->config().agents) {
        if (agent.loginName == definition.liveperson.loginName) {
            return agent.userId;
        }
    }
    return {};
}

QString ConnectorRig::startConversation(const QString &firstText) const
{
    const Sandbox::Consumer consumer = model()->createConsumer();
    const bool chat = definition.liveperson.channel == Storage::IntegrationDefinition::Channel::Chat;
    const Result<QString> conversation = model()->createConversation(
        consumer.id, definition.routing.botSkillId, chat ? Sandbox::Channel::Chat : Sandbox::Channel::Messaging);
    if (!conversation) {
        return QString();
    }
    if (!firstText.isEmpty()) {
        (void)model()->consumerText(conversation.value(), firstText);
    }
    return conversation.value();
}

bool ConnectorRig::publishAsBot(const QString &conversationId, const QString &text) const
{
    Sandbox::PublishRequest request;
    request.conversationId = conversationId;
    request.originatorId = botUserId();
    request.event = QJsonObject{{QStringLiteral("type"), QStringLiteral("ContentEvent")},
                                {QStringLiteral("contentType"), QStringLiteral("text/plain")},
                                {QStringLiteral("message"), text}};
    return model()->publish(request).ok();
}

bool ConnectorRig::handledUpTo(const QString &dialogId, qint64 sequence) const
{
    const Result<qint64> last = store->lastHandledSequence(dialogId);
    return last.ok() && last.value() >= sequence;
}

bool ConnectorRig::hasNote(const QString &conversationId, const QString &code) const
{
    const Result<Storage::Transcript> transcript = store->transcript(conversationId);
    const QString prefix = QLatin1Char('[') + code + QLatin1Char(']');
    return transcript.ok()
           && std::any_of(transcript.value().messages.cbegin(), transcript.value().messages.cend(),
                          [&prefix](const Storage::MessageRecord &m) { return m.text.startsWith(prefix); });
}

std::optional<Connector::ConversationSnapshot> ConnectorRig::snapshot(const QString &conversationId) const
{
    for (const Connector::ConversationSnapshot &c : session->conversations()) {
        if (c.id == conversationId) {
            return c;
        }
    }
    return std::nullopt;
}

bool ConnectorRig::waitOnline(Connector::ConnectorSession *session)
{
    return QTest::qWaitFor([session] { return session->status().state == Connector::SessionState::Online; },
                           s_onlineTimeoutMs);
}

QStringList agentTexts(const Sandbox::StateModel *model, const QString &conversationId)
{
    QStringList texts;
    const Sandbox::Conversation *conversation = model->conversation(conversationId);
    if (!conversation) {
        return texts;
    }
    for (const Sandbox::Message &message : conversation->messages) {
        if (message.fromAgent && message.event.value(QStringLiteral("type")).toString() == QLatin1String("ContentEvent")) {
            texts.append(message.event.value(QStringLiteral("message")).toString());
        }
    }
    return texts;
}

bool hasParticipant(const Sandbox::StateModel *model, const QString &conversationId, const QString &userId)
{
    const Sandbox::Conversation *conversation = model->conversation(conversationId);
    if (!conversation) {
        return false;
    }
    for (const auto &participant : conversation->participants) {
        if (participant.id == userId || participant.id.endsWith(QLatin1Char('.') + userId)) {
            return true;
        }
    }
    return false;
}

} // namespace Switchboard::Test
