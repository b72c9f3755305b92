// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "LivePersonTestHarness.h"
#include "TestSupport.h"
#include "liveperson/ChatAgentChannel.h"
#include "sandbox/Emulator.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace Switchboard::LivePerson;
using namespace Switchboard::Test;

namespace
{
constexpr int Timeout = 15000;
const QString ChatLogin = u"switchboard-chat-bot"_s;
const QString ChatSkill = u"1003"_s;

/** One chat channel under test with its scheduler and everything it reported. */
struct Client
{
    RecordingScheduler scheduler;
    std::unique_ptr<ChatAgentChannel> channel;
    QList<ConversationInfo> started;
    QList<ConversationMessage> messages;
    QList<QPair<QString, QString>> closed;
    QList<QPair<QString, QString>> transferred;
    QList<ChannelState> states;
    QHash<QString, qint64> handled;

    int count(const QString &text) const
    {
        return static_cast<int>(std::count_if(
            messages.cbegin(), messages.cend(), [&text](const ConversationMessage &m) { return m.text == text; }));
    }
};

QJsonObject findMessage(const QJsonObject &conversation, const std::function<bool(const QJsonObject &)> &match)
{
    const QJsonArray messages = conversation.value(u"messages"_s).toArray();
    for (const QJsonValue &m : messages) {
        if (match(m.toObject())) {
            return m.toObject();
        }
    }
    return {};
}

bool hasParticipant(const QJsonObject &conversation, const QString &loginName)
{
    const QJsonArray participants = conversation.value(u"participants"_s).toArray();
    return std::any_of(participants.begin(), participants.end(), [&loginName](const QJsonValue &p) {
        return p.toObject().value(u"loginName"_s).toString() == loginName;
    });
}
} // namespace

/**
 * ChatAgentChannel against the in-process sandbox's Chat Agent API (reference §5): agent session,
 * availability, taking rings at once, visitor lines once each, every kind of line visible in the
 * control API, transfer with a note, ending, an expired agent session re-created without losing or
 * duplicating lines, 5xx retries and slow answers. Retry delays go through a RecordingScheduler.
 */
class TestChatAgentChannel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Switchboard::Sandbox::Emulator> m_sandbox;
    std::unique_ptr<SandboxControl> m_control;
    std::vector<std::unique_ptr<Client>> m_clients;

    ChatChannelConfig config() const
    {
        const QJsonObject agent = sandboxAgent(*m_sandbox, ChatLogin);
        ChatChannelConfig config;
        config.accountId = m_sandbox->accountId();
        config.csdsDomain = m_sandbox->csdsDomain();
        config.extraCaFile = m_sandbox->caFile();
        config.credentials.loginName = ChatLogin;
        config.credentials.password = agent.value(u"password"_s).toString();
        config.pollInterval = 50ms;
        config.resyncGrace = 5s;
        config.httpTimeout = 5s;
        return config;
    }

    Client &makeClient()
    {
        auto client = std::make_unique<Client>();
        Client *c = client.get();
        c->channel = std::make_unique<ChatAgentChannel>(config());
        c->channel->setScheduler(c->scheduler);
        c->channel->setRandomSource([] { return 0.5; });
        ChatAgentChannel *channel = c->channel.get();
        connect(channel, &AgentChannel::conversationStarted, this, [c](const ConversationInfo &info) {
            c->started.append(info);
        });
        connect(channel, &AgentChannel::consumerMessage, this, [c](const ConversationMessage &message) {
            c->messages.append(message);
            c->handled[message.dialogId] = std::max(c->handled.value(message.dialogId, -1), message.sequence);
        });
        connect(channel, &AgentChannel::conversationClosed, this, [c](const QString &id, const QString &reason) {
            c->closed.append({id, reason});
        });
        connect(channel, &AgentChannel::conversationTransferred, this, [c](const QString &id, const QString &skill) {
            c->transferred.append({id, skill});
        });
        connect(channel, &AgentChannel::stateChanged, this, [c](const ChannelStatus &status) {
            c->states.append(status.state);
        });
        channel->setResumeSequenceProvider([c](const QString &, const QString &dialogId) -> std::optional<qint64> {
            const auto it = c->handled.constFind(dialogId);
            return it == c->handled.constEnd() ? std::nullopt : std::optional<qint64>(*it);
        });
        m_clients.push_back(std::move(client));
        return *c;
    }

    QString startChat()
    {
        const ControlReply reply = m_control->call(
            "POST", u"/sandbox/conversations"_s, QJsonObject{{u"skillId"_s, ChatSkill}, {u"channel"_s, u"chat"_s}});
        return reply.status == 201 ? reply.body.toObject().value(u"conversationId"_s).toString() : QString();
    }

    /** An online client with one taken chat. */
    QString onlineWithChat(Client &client)
    {
        client.channel->start();
        if (!QTest::qWaitFor([&client] { return client.channel->state() == ChannelState::Online; }, Timeout)) {
            return {};
        }
        const QString chat = startChat();
        if (!QTest::qWaitFor([&client] { return !client.started.isEmpty(); }, Timeout)) {
            return {};
        }
        return chat;
    }

    CommandResult runCommand(const std::function<RequestId(CommandCompletion)> &command)
    {
        // Shared: a completion arriving after a failed wait must not write into a dead frame.
        auto result = std::make_shared<std::optional<CommandResult>>();
        command(CommandCompletion(this, [result](const CommandResult &r) { *result = r; }));
        if (!QTest::qWaitFor([result] { return result->has_value(); }, Timeout)) {
            CommandResult timedOut;
            timedOut.error = ApiError{ApiErrorKind::Timeout, 0, {}, u"test timeout"_s, {}, {}};
            return timedOut;
        }
        return **result;
    }

    int chatSessions(const QString &availability = {})
    {
        const QJsonArray sessions =
            m_control->call("GET", u"/sandbox/chat/sessions"_s).body.toObject().value(u"sessions"_s).toArray();
        return static_cast<int>(std::count_if(sessions.begin(), sessions.end(), [&availability](const QJsonValue &s) {
            return availability.isEmpty() || s.toObject().value(u"availability"_s).toString() == availability;
        }));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        Switchboard::Sandbox::SandboxConfig config = Switchboard::Sandbox::SandboxConfig::defaults();
        config.humanAcceptDelayMs = 50;
        config.stateDir = m_dir->path();
        m_sandbox = std::make_unique<Switchboard::Sandbox::Emulator>(config);
        const auto started = m_sandbox->start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
        m_control = std::make_unique<SandboxControl>(*m_sandbox);
    }

    void cleanup()
    {
        m_clients.clear();
        m_control.reset();
        m_sandbox.reset();
        m_dir.reset();
    }

    void startsSessionAndTakesChatsAtOnce()
    {
        Client &client = makeClient();
        QSignalSpy skills(client.channel.get(), &AgentChannel::skillsChanged);
        QCOMPARE(client.channel->channelType(), ChannelType::Chat);
        client.channel->start();
        QTRY_COMPARE_WITH_TIMEOUT(client.channel->state(), ChannelState::Online, Timeout);
        QCOMPARE(
            client.states.mid(0, 4),
            (QList<ChannelState>{
                ChannelState::Resolving, ChannelState::LoggingIn, ChannelState::Connecting, ChannelState::Online}));
        const QJsonObject agent = sandboxAgent(*m_sandbox, ChatLogin);
        QCOMPARE(client.channel->agentId(), m_sandbox->accountId() + u'.' + agent.value(u"userId"_s).toString());
        QCOMPARE(client.channel->stats().sessionsCreated, 1);
        QVERIFY(client.channel->sessionUrl().path().contains(u"/agentSession/"_s));
        QCOMPARE(chatSessions(u"Online"_s), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!skills.isEmpty(), Timeout);
        QCOMPARE(*client.channel->resolveSkillId(u"human"_s), HumanSkill);

        // A chat rings and is taken well within the platform's 20 s.
        QElapsedTimer taken;
        taken.start();
        const QString chat = startChat();
        QVERIFY(!chat.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(client.started.size(), 1, Timeout);
        QVERIFY2(taken.elapsed() < 2000, qPrintable(QString::number(taken.elapsed())));
        qInfo("chat ring to conversationStarted: %lld ms (poll interval 50 ms)",
              static_cast<long long>(taken.elapsed()));
        const ConversationInfo info = client.started.first();
        QCOMPARE(info.conversationId, chat);
        QCOMPARE(info.channel, ChannelType::Chat);
        QCOMPARE(info.activeDialogId(), chat);
        QVERIFY(info.botAssigned);
        QVERIFY(!info.consumerId.isEmpty());
        QCOMPARE(client.channel->conversations().size(), 1);
        QVERIFY(hasParticipant(m_control->conversation(chat), ChatLogin));
        QCOMPARE(client.channel->stats().chatsTaken, 1);

        // stop(): availability Away, logout, stopped().
        QSignalSpy stopped(client.channel.get(), &AgentChannel::stopped);
        client.channel->stop();
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, Timeout);
        QCOMPARE(client.channel->state(), ChannelState::Stopped);
        QCOMPARE(chatSessions(u"Online"_s), 0);
    }

    void deliversVisitorLinesOnceAndSendsEveryLineKind()
    {
        Client &client = makeClient();
        const QString chat = onlineWithChat(client);
        QVERIFY(!chat.isEmpty());

        for (const QString &text : {u"first"_s, u"second"_s, u"third"_s}) {
            QVERIFY(m_control->consumerSays(chat, text) >= 0);
        }
        QTRY_COMPARE_WITH_TIMEOUT(client.messages.size(), 3, Timeout);
        QCOMPARE(client.messages.at(0).text, u"first"_s);
        QCOMPARE(client.messages.at(2).text, u"third"_s);
        QVERIFY(client.messages.at(0).sequence < client.messages.at(1).sequence);
        QCOMPARE(client.messages.at(0).conversationId, chat);
        QCOMPARE(client.messages.at(0).dialogId, chat);
        QCOMPARE(client.messages.at(0).originatorRole, u"CONSUMER"_s);
        // More polls bring nothing twice.
        const int polls = client.channel->stats().eventPolls;
        QTRY_VERIFY_WITH_TIMEOUT(client.channel->stats().eventPolls > polls + 5, Timeout);
        QCOMPARE(client.messages.size(), 3);

        // Every line kind lands in the conversation.
        QVERIFY(runCommand([&](CommandCompletion done) {
                    return client.channel->sendText(chat, chat, u"plain reply"_s, {}, done);
                }).ok());
        PublishOptions privateNote;
        privateNote.audience = MessageAudience::AgentsAndManagers;
        QVERIFY(runCommand([&](CommandCompletion done) {
                    return client.channel->sendText(chat, {}, u"note for agents"_s, privateNote, done);
                }).ok());
        QVERIFY(runCommand([&](CommandCompletion done) {
                    return client.channel->sendHtml(chat, u"<div>html reply</div>"_s, {}, done);
                }).ok());
        const QJsonObject card{
            {u"type"_s, u"vertical"_s},
            {u"elements"_s, QJsonArray{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, u"Card"_s}}}}};
        PublishOptions cardOptions;
        cardOptions.metadata = QJsonArray{QJsonObject{{u"type"_s, u"ExternalId"_s}, {u"id"_s, u"card-1"_s}}};
        const CommandResult cardResult = runCommand([&](CommandCompletion done) {
            return client.channel->sendRichContent(chat, chat, card, cardOptions, done);
        });
        QVERIFY2(cardResult.ok(), qPrintable(cardResult.ok() ? QString() : cardResult.error->message));
        QCOMPARE(cardResult.code, 201);
        QVERIFY(runCommand([&](CommandCompletion done) {
                    return client.channel->sendTyping(chat, chat, true, done);
                }).ok());
        QVERIFY(
            runCommand([&](CommandCompletion done) { return client.channel->markRead(chat, chat, {1}, done); }).ok());

        // The chat's history gives back exactly the agent's own lines after a sequence, oldest
        // first (what a restart reads to tell whether a reply arrived).
        QList<OwnMessages> histories;
        client.channel->fetchOwnMessages(chat, chat, client.messages.at(2).sequence,
                                         OwnMessagesCompletion(this, [&histories](const OwnMessages &h) {
                                             histories.append(h);
                                         }));
        std::optional<OwnMessages> notOpen;
        client.channel->fetchOwnMessages(u"no-such-chat"_s, {}, -1,
                                         OwnMessagesCompletion(this, [&notOpen](const OwnMessages &h) {
                                             notOpen = h;
                                         }));
        QTRY_COMPARE_WITH_TIMEOUT(histories.size(), 1, Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(notOpen.has_value(), Timeout);
        QVERIFY2(histories.at(0).ok(), qPrintable(histories.at(0).ok() ? QString() : histories.at(0).error->message));
        const QList<ConversationMessage> own = histories.at(0).messages;
        QCOMPARE(own.size(), 4);
        QCOMPARE(own.at(0).text, u"plain reply"_s);
        QCOMPARE(own.at(1).text, u"note for agents"_s);
        QCOMPARE(own.at(2).text, u"<div>html reply</div>"_s);
        QCOMPARE(own.at(3).kind, MessageKind::RichContent);
        QCOMPARE(own.at(3).content, card);
        QVERIFY(own.at(0).sequence > client.messages.at(2).sequence);
        QCOMPARE(notOpen->error->kind, ApiErrorKind::NotConnected);

        const QJsonObject conversation = m_control->conversation(chat);
        const auto byText = [&conversation](const QString &text) {
            return findMessage(conversation, [&text](const QJsonObject &m) { return m.value(u"text"_s) == text; });
        };
        QCOMPARE(byText(u"plain reply"_s).value(u"contentType"_s).toString(), u"text/plain"_s);
        QCOMPARE(byText(u"plain reply"_s).value(u"audience"_s).toString(), u"ALL"_s);
        QCOMPARE(byText(u"note for agents"_s).value(u"audience"_s).toString(), u"AGENTS_AND_MANAGERS"_s);
        QCOMPARE(byText(u"<div>html reply</div>"_s).value(u"contentType"_s).toString(), u"text/html"_s);
        const QJsonObject cardMessage =
            findMessage(conversation, [](const QJsonObject &m) { return m.value(u"type"_s) == u"RichContentEvent"_s; });
        QCOMPARE(cardMessage.value(u"content"_s).toObject(), card);
        QCOMPARE(cardMessage.value(u"metadata"_s).toArray(), cardOptions.metadata);
        // Own lines come back in the event stream but are never delivered as visitor lines.
        QTRY_VERIFY_WITH_TIMEOUT(client.channel->stats().eventPolls > polls + 10, Timeout);
        QCOMPARE(client.messages.size(), 3);

        // Messaging-only features fail clearly.
        PublishOptions quick;
        quick.quickReplies = QJsonObject{{u"type"_s, u"quickReplies"_s}};
        const CommandResult quickResult = runCommand(
            [&](CommandCompletion done) { return client.channel->sendText(chat, chat, u"pick"_s, quick, done); });
        QCOMPARE(quickResult.error->kind, ApiErrorKind::InvalidArgument);
        QVERIFY(quickResult.error->message.contains(u"messaging only"_s));
        QCOMPARE(runCommand([&](CommandCompletion done) {
                     return client.channel->setTtr(chat, TtrType::Urgent, 0, done);
                 }).error->kind,
                 ApiErrorKind::InvalidArgument);
        QCOMPARE(runCommand([&](CommandCompletion done) {
                     return client.channel->sendText(u"no-such-chat"_s, {}, u"x"_s, {}, done);
                 }).error->kind,
                 ApiErrorKind::InvalidArgument);
    }

    void transfersWithANoteAndRefusesUnknownSkills()
    {
        Client &client = makeClient();
        const QString chat = onlineWithChat(client);
        QVERIFY(!chat.isEmpty());

        const CommandResult unknown = runCommand(
            [&](CommandCompletion done) { return client.channel->transferToSkill(chat, u"99999"_s, {}, done); });
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error->kind, ApiErrorKind::InvalidArgument);
        QVERIFY2(unknown.error->message.contains(u"not offered"_s), qPrintable(unknown.error->message));
        QVERIFY(client.transferred.isEmpty());

        const QJsonArray metadata{
            QJsonObject{{u"type"_s, u"ActionReason"_s}, {u"reason"_s, u"escalated_by_bot"_s}},
            QJsonObject{{u"type"_s, u"EscalationSummary"_s}, {u"escalationCause"_s, u"bot.transfer"_s}}};
        const CommandResult result = runCommand(
            [&](CommandCompletion done) { return client.channel->transferToSkill(chat, HumanSkill, metadata, done); });
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error->message));
        QTRY_COMPARE_WITH_TIMEOUT(client.transferred.size(), 1, Timeout);
        QCOMPARE(client.transferred.first(), qMakePair(chat, HumanSkill));
        QVERIFY(client.channel->conversations().isEmpty());
        const QJsonObject conversation = m_control->conversation(chat);
        QCOMPARE(conversation.value(u"skillId"_s).toString(), HumanSkill);
        const QJsonObject note = findMessage(conversation, [](const QJsonObject &m) {
            return m.value(u"text"_s).toString().contains(u"bot.transfer"_s);
        });
        QCOMPARE(note.value(u"audience"_s).toString(), u"AGENTS_AND_MANAGERS"_s);
        // A simulated human takes it over.
        QTRY_VERIFY_WITH_TIMEOUT(hasParticipant(m_control->conversation(chat), u"human-agent-1"_s) ||
                                     hasParticipant(m_control->conversation(chat), u"human-agent-2"_s),
                                 Timeout);
        // Lines after the transfer are no longer the bot's.
        QVERIFY(m_control->consumerSays(chat, u"after transfer"_s) >= 0);
        const int polls = client.channel->stats().incomingPolls;
        QTRY_VERIFY_WITH_TIMEOUT(client.channel->stats().incomingPolls > polls + 5, Timeout);
        QCOMPARE(client.count(u"after transfer"_s), 0);
    }

    void endsChats()
    {
        Client &client = makeClient();
        const QString first = onlineWithChat(client);
        QVERIFY(!first.isEmpty());
        QVERIFY(
            runCommand([&](CommandCompletion done) { return client.channel->closeConversation(first, done); }).ok());
        QTRY_COMPARE_WITH_TIMEOUT(client.closed.size(), 1, Timeout);
        QCOMPARE(client.closed.first(), qMakePair(first, u"AGENT"_s));
        QCOMPARE(m_control->conversation(first).value(u"state"_s).toString(), u"CLOSE"_s);

        // closeDialog on chat = end (chat has no dialogs).
        const QString second = startChat();
        QTRY_COMPARE_WITH_TIMEOUT(client.started.size(), 2, Timeout);
        QVERIFY(
            runCommand([&](CommandCompletion done) { return client.channel->closeDialog(second, second, done); }).ok());
        QTRY_COMPARE_WITH_TIMEOUT(client.closed.size(), 2, Timeout);
        QCOMPARE(m_control->conversation(second).value(u"state"_s).toString(), u"CLOSE"_s);

        // The visitor ends a third one: reported closed (by the consumer).
        const QString third = startChat();
        QTRY_COMPARE_WITH_TIMEOUT(client.started.size(), 3, Timeout);
        QCOMPARE(m_control->call("POST", u"/sandbox/conversations/"_s + third + u"/close"_s, {}).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(client.closed.size(), 3, Timeout);
        QCOMPARE(client.closed.at(2).first, third);
        QVERIFY(client.channel->conversations().isEmpty());
    }

    void recreatesAnExpiredSessionWithoutLosingLines()
    {
        Client &client = makeClient();
        const QString chat = onlineWithChat(client);
        QVERIFY(!chat.isEmpty());
        QVERIFY(m_control->consumerSays(chat, u"before expiry"_s) >= 0);
        QTRY_COMPARE_WITH_TIMEOUT(client.messages.size(), 1, Timeout);

        // The sandbox ends the agent session (as after an idle timeout): the next poll meets a 404,
        // and the session's chat goes back to the queue until the new session takes it again.
        QCOMPARE(m_control->call("POST", u"/sandbox/chat/sessions/expire"_s, {}).status, 200);
        QVERIFY(m_control->consumerSays(chat, u"during expiry"_s) >= 0);
        QTRY_VERIFY_WITH_TIMEOUT(client.channel->stats().sessionsCreated >= 2, Timeout);
        QVERIFY(m_control->consumerSays(chat, u"after expiry"_s) >= 0);
        QTRY_COMPARE_WITH_TIMEOUT(client.count(u"after expiry"_s), 1, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(client.channel->state(), ChannelState::Online, Timeout);
        QCOMPARE(client.count(u"before expiry"_s), 1);
        QCOMPARE(client.count(u"during expiry"_s), 1);
        QCOMPARE(client.messages.size(), 3);
        // Lines that come with a whole-chat read are recovered (the connector checks what it already
        // answered); polled ones are not.
        QVERIFY(!client.messages.at(0).recovered);
        QVERIFY(client.messages.at(1).recovered);
        // The chat came back to the bot: no second conversationStarted, no close.
        QCOMPARE(client.started.size(), 1);
        QVERIFY(client.closed.isEmpty());
        QVERIFY(runCommand([&](CommandCompletion done) {
                    return client.channel->sendText(chat, chat, u"still here"_s, {}, done);
                }).ok());
        QCOMPARE(client.channel->stats().logins, 1); // a 404 needs a new session, not a new login
    }

    void logsInAgainWhenTheBearerIsRevoked()
    {
        Client &client = makeClient();
        const QString chat = onlineWithChat(client);
        QVERIFY(!chat.isEmpty());
        QVERIFY(m_control->consumerSays(chat, u"before revoke"_s) >= 0);
        QTRY_COMPARE_WITH_TIMEOUT(client.messages.size(), 1, Timeout);
        // Every bearer is revoked: the next chat call answers 401, the channel logs in again
        // (its reconnect delay recorded, fired at once) and carries on with the same chat.
        QVERIFY(m_control->fault(QJsonObject{{u"kind"_s, u"revoke-tokens"_s}}));
        QVERIFY(m_control->consumerSays(chat, u"after revoke"_s) >= 0);
        QTRY_COMPARE_WITH_TIMEOUT(client.count(u"after revoke"_s), 1, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(client.channel->state(), ChannelState::Online, Timeout);
        QVERIFY(client.channel->stats().logins >= 2);
        QVERIFY(client.states.contains(ChannelState::Reconnecting));
        QVERIFY(client.scheduler.delays().contains(5000ms)); // ReconnectBackoff's first step (no jitter)
        QCOMPARE(client.count(u"before revoke"_s), 1);
        QCOMPARE(client.started.size(), 1);
        QVERIFY(client.closed.isEmpty());
        QVERIFY(runCommand([&](CommandCompletion done) {
                    return client.channel->sendText(chat, chat, u"after re-login"_s, {}, done);
                }).ok());
    }

    void retriesServerErrors()
    {
        Client &client = makeClient();
        const QString chat = onlineWithChat(client);
        QVERIFY(!chat.isEmpty());
        QVERIFY(m_control->fault(
            QJsonObject{{u"kind"_s, u"http"_s}, {u"route"_s, u"chat"_s}, {u"status"_s, 503}, {u"count"_s, 3}}));
        // Polls and the command share the three 503s; each failure waits for the policy's delay
        // (recorded by the scheduler, fired at once).
        const CommandResult result = runCommand(
            [&](CommandCompletion done) { return client.channel->sendText(chat, chat, u"through 503s"_s, {}, done); });
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error->message));
        QTRY_VERIFY_WITH_TIMEOUT(client.channel->stats().retries >= 3, Timeout);
        QVERIFY(client.scheduler.delays().contains(5000ms)); // the documented first 5xx step
        QVERIFY(!findMessage(m_control->conversation(chat), [](const QJsonObject &m) {
                     return m.value(u"text"_s) == u"through 503s"_s;
                 }).isEmpty());
        QVERIFY(m_control->consumerSays(chat, u"after 503s"_s) >= 0);
        QTRY_COMPARE_WITH_TIMEOUT(client.count(u"after 503s"_s), 1, Timeout);
        QCOMPARE(client.channel->state(), ChannelState::Online);

        // A command that keeps failing ends with the error after the policy's retries.
        QVERIFY(m_control->fault(
            QJsonObject{{u"kind"_s, u"http"_s}, {u"route"_s, u"chat"_s}, {u"status"_s, 500}, {u"count"_s, 50}}));
        const CommandResult failed = runCommand(
            [&](CommandCompletion done) { return client.channel->sendText(chat, chat, u"never"_s, {}, done); });
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error->kind, ApiErrorKind::Http);
        QVERIFY(m_control->clearFaults());
    }

    void toleratesSlowAnswers()
    {
        Client &client = makeClient();
        const QString chat = onlineWithChat(client);
        QVERIFY(!chat.isEmpty());
        QVERIFY(m_control->fault(QJsonObject{
            {u"kind"_s, u"http"_s}, {u"route"_s, u"chat"_s}, {u"status"_s, 0}, {u"delayMs"_s, 400}, {u"count"_s, 8}}));
        for (const QString &text : {u"slow one"_s, u"slow two"_s}) {
            QVERIFY(m_control->consumerSays(chat, text) >= 0);
        }
        QVERIFY(runCommand([&](CommandCompletion done) {
                    return client.channel->sendText(chat, chat, u"slow reply"_s, {}, done);
                }).ok());
        QTRY_COMPARE_WITH_TIMEOUT(client.messages.size(), 2, Timeout);
        const int polls = client.channel->stats().eventPolls;
        QTRY_VERIFY_WITH_TIMEOUT(client.channel->stats().eventPolls > polls + 5, Timeout);
        QCOMPARE(client.count(u"slow one"_s), 1);
        QCOMPARE(client.count(u"slow two"_s), 1);
        QCOMPARE(client.channel->state(), ChannelState::Online);
    }

    void failsOnBadCredentials()
    {
        ChatChannelConfig bad = config();
        bad.credentials.password = u"wrong"_s;
        ChatAgentChannel channel(bad);
        channel.start();
        QTRY_COMPARE_WITH_TIMEOUT(channel.state(), ChannelState::Failed, Timeout);
        QCOMPARE(channel.status().error->status, 401);
        const CommandResult result =
            runCommand([&](CommandCompletion done) { return channel.sendText(u"x"_s, {}, u"y"_s, {}, done); });
        QCOMPARE(result.error->kind, ApiErrorKind::NotConnected);
    }
};

QTEST_GUILESS_MAIN(TestChatAgentChannel)
#include "tst_chatagentchannel.moc"
