// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "LivePersonTestHarness.h"
#include "TestSupport.h"
#include "liveperson/MessagingAgentChannel.h"
#include "sandbox/Emulator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
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

/** One channel under test with its scheduler and everything it reported. */
struct Client
{
    RecordingScheduler scheduler;
    std::unique_ptr<MessagingAgentChannel> channel;
    QList<ConversationInfo> started;
    QList<ConversationMessage> messages;
    QList<QPair<QString, QString>> closed;
    QList<QPair<QString, QString>> transferred;
    QStringList removed;
    QList<QPair<QString, DialogInfo>> dialogChanges;
    QList<ChannelState> states;
    QHash<QString, qint64> handled; // what "the connector" has handled, per dialog

    int count(const QString &text) const
    {
        return static_cast<int>(std::count_if(
            messages.cbegin(), messages.cend(), [&text](const ConversationMessage &m) { return m.text == text; }));
    }
};

QJsonObject participant(const QJsonObject &conversation, const QString &loginName)
{
    const QJsonArray participants = conversation.value(u"participants"_s).toArray();
    for (const QJsonValue &p : participants) {
        if (p.toObject().value(u"loginName"_s).toString() == loginName) {
            return p.toObject();
        }
    }
    return {};
}

/** The conversation's receipts of `status` that name `sequence`. */
int receiptCount(const QJsonObject &conversation, const QString &status, qint64 sequence)
{
    int count = 0;
    for (const QJsonValue &m : conversation.value(u"messages"_s).toArray()) {
        const QJsonObject message = m.toObject();
        if (message.value(u"status"_s).toString() == status &&
            message.value(u"sequenceList"_s).toArray().contains(sequence)) {
            ++count;
        }
    }
    return count;
}

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
} // namespace

/**
 * MessagingAgentChannel end to end against the in-process sandbox: login, subscriptions, rings,
 * consumer messages (once each), replies of every kind, transfer, close, the post-conversation
 * survey, and every fault of the control API (dropped sockets, close 4401/1011, revoked tokens,
 * a second login, HTTP errors on login). Retry delays go through a RecordingScheduler, so the
 * policy's delays are checked without waiting for them.
 */
class TestMessagingAgentChannel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Switchboard::Sandbox::Emulator> m_sandbox;
    std::unique_ptr<SandboxControl> m_control;
    std::vector<std::unique_ptr<Client>> m_clients;

    Client &makeClient(const QString &loginName = BotLogin, bool applicationKeys = false, bool autoRead = true)
    {
        auto client = std::make_unique<Client>();
        Client *c = client.get();
        MessagingChannelConfig config = channelConfig(*m_sandbox, loginName, applicationKeys);
        config.autoRead = autoRead;
        c->channel = std::make_unique<MessagingAgentChannel>(config);
        c->channel->setScheduler(c->scheduler);
        c->channel->setRandomSource([] {
            return 0.5; // no jitter: delays are exact
        });
        MessagingAgentChannel *channel = c->channel.get();
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
        connect(
            channel, &AgentChannel::removedFromConversation, this, [c](const QString &id) { c->removed.append(id); });
        connect(channel, &AgentChannel::dialogChanged, this, [c](const QString &id, const DialogInfo &dialog) {
            c->dialogChanges.append({id, dialog});
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

    int sandboxStat(const QString &key) const
    {
        return m_sandbox->stats().value(key).toInt(-1);
    }

    QByteArray frameLog() const
    {
        QFile file(m_dir->filePath(u"frames.jsonl"_s));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
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
        config.frameLogPath = m_dir->filePath(u"frames.jsonl"_s);
        config.humanAcceptDelayMs = 50;
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

    void connectsAndSubscribes_data()
    {
        QTest::addColumn<bool>("applicationKeys");
        QTest::newRow("password") << false;
        QTest::newRow("application keys") << true;
    }
    void connectsAndSubscribes()
    {
        QFETCH(bool, applicationKeys);
        const int sessionsBefore = sandboxStat(u"sessions"_s);
        Client &client = makeClient(BotLogin, applicationKeys);
        QSignalSpy skills(client.channel.get(), &AgentChannel::skillsChanged);
        client.channel->start();
        QTRY_COMPARE_WITH_TIMEOUT(client.channel->state(), ChannelState::Online, Timeout);
        QCOMPARE(
            client.states.mid(0, 4),
            (QList<ChannelState>{
                ChannelState::Resolving, ChannelState::LoggingIn, ChannelState::Connecting, ChannelState::Online}));
        const QJsonObject agent = sandboxAgent(*m_sandbox, BotLogin);
        QCOMPARE(client.channel->agentId(), m_sandbox->accountId() + u'.' + agent.value(u"userId"_s).toString());
        QCOMPARE(client.channel->agentPid(), agent.value(u"userPid"_s).toString());
        QCOMPARE(client.channel->stats().logins, 1);
        QCOMPARE(sandboxStat(u"sessions"_s), sessionsBefore + 1);
        QCOMPARE(sandboxStat(u"sockets"_s), 1);

        QTRY_VERIFY_WITH_TIMEOUT(!skills.isEmpty(), Timeout);
        QCOMPARE(*client.channel->resolveSkillId(u"human"_s), HumanSkill);
        QVERIFY(!client.channel->resolveSkillId(u"Human"_s).ok());

        // The wire saw the documented subscriptions, and the sandbox refused none of our frames.
        const QByteArray frames = frameLog();
        for (const char *type : {".ams.routing.SetAgentState",
                                 ".ams.routing.SubscribeRoutingTasks",
                                 ".ams.aam.SubscribeExConversations"}) {
            QVERIFY2(frames.contains(type), type);
        }
        QCOMPARE(sandboxStat(u"umsErrorsSent"_s), 0);
    }

    void acknowledgesWithAcceptWhenNotReading()
    {
        // autoRead off: the message is only marked delivered (ACCEPT), once; READ is the bot's to send.
        Client &client = makeClient(BotLogin, false, false);
        client.channel->start();
        QTRY_COMPARE_WITH_TIMEOUT(client.channel->state(), ChannelState::Online, Timeout);
        const QString conversation = m_control->startConversation(m_control->createConsumer(), BotSkill);
        QTRY_COMPARE_WITH_TIMEOUT(client.started.size(), 1, Timeout);
        const qint64 sequence = m_control->consumerSays(conversation, u"deliver only"_s);
        QTRY_COMPARE_WITH_TIMEOUT(client.messages.size(), 1, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(
            receiptCount(m_control->conversation(conversation), u"ACCEPT"_s, sequence), 1, Timeout);
        QCOMPARE(receiptCount(m_control->conversation(conversation), u"READ"_s, sequence), 0);
        bool marked = false;
        client.channel->markRead(conversation,
                                 conversation,
                                 {sequence},
                                 CommandCompletion(this, [&marked](const CommandResult &r) { marked = r.ok(); }));
        QTRY_VERIFY_WITH_TIMEOUT(marked, Timeout);
        QCOMPARE(receiptCount(m_control->conversation(conversation), u"READ"_s, sequence), 1);
    }

    void runsAConversationEndToEnd()
    {
        Client &client = makeClient();
        client.channel->start();
        QTRY_COMPARE_WITH_TIMEOUT(client.channel->state(), ChannelState::Online, Timeout);

        // A consumer starts a conversation on the bot's skill: the ring is accepted.
        const QString consumer = m_control->createConsumer();
        const QString conversation = m_control->startConversation(consumer, BotSkill);
        QVERIFY(!conversation.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(client.started.size(), 1, Timeout);
        const ConversationInfo info = client.started.at(0);
        QCOMPARE(info.conversationId, conversation);
        QCOMPARE(info.consumerId, consumer);
        QCOMPARE(info.skillId, BotSkill);
        QVERIFY(info.botAssigned);
        QCOMPARE(info.activeDialogId(), conversation);
        QCOMPARE(participant(m_control->conversation(conversation), BotLogin).value(u"role"_s).toString(),
                 u"ASSIGNED_AGENT"_s);
        QCOMPARE(client.channel->stats().ringsAccepted, 1);
        QCOMPARE(client.channel->conversations().size(), 1);
        // The channel keeps the context as compact text; conversations() gives it back whole.
        QVERIFY(!info.context.isEmpty());
        QCOMPARE(client.channel->conversations().first().context, info.context);
        QCOMPARE(client.channel->conversations().first().ttr, info.ttr);
        QCOMPARE(client.channel->conversations().first().dialogs.size(), info.dialogs.size());
        // It keeps the rest compactly too (no id, state or channel per conversation, the MAIN
        // dialog's id shared with the conversation's, skill ids shared): every field comes back.
        const ConversationInfo kept = client.channel->conversations().first();
        QCOMPARE(kept.conversationId, info.conversationId);
        QCOMPARE(kept.consumerId, info.consumerId);
        QCOMPARE(kept.skillId, info.skillId);
        QCOMPARE(kept.state, u"OPEN"_s);
        QCOMPARE(kept.state, info.state);
        QCOMPARE(kept.channel, info.channel);
        QCOMPARE(kept.startTs, info.startTs);
        QVERIFY(kept.startTs > 0);
        QCOMPARE(kept.botAssigned, info.botAssigned);
        for (qsizetype i = 0; i < info.dialogs.size(); ++i) {
            const DialogInfo &a = kept.dialogs.at(i);
            const DialogInfo &b = info.dialogs.at(i);
            QCOMPARE(a.dialogId, b.dialogId);
            QCOMPARE(a.dialogType, b.dialogType);
            QCOMPARE(a.state, b.state);
            QCOMPARE(a.channelType, b.channelType);
            QCOMPARE(a.creationTs, b.creationTs);
            QCOMPARE(a.closedBy, b.closedBy);
            QCOMPARE(a.closedCause, b.closedCause);
        }
        QCOMPARE(kept.activeDialogId(), info.activeDialogId());

        // A consumer message arrives once, and is acknowledged with one READ receipt.
        const qint64 sequence = m_control->consumerSays(conversation, u"hello bot"_s);
        QVERIFY(sequence >= 0);
        QTRY_COMPARE_WITH_TIMEOUT(client.messages.size(), 1, Timeout);
        const ConversationMessage message = client.messages.at(0);
        QCOMPARE(message.conversationId, conversation);
        QCOMPARE(message.dialogId, conversation);
        QCOMPARE(message.sequence, sequence);
        QCOMPARE(message.kind, MessageKind::Text);
        QCOMPARE(message.text, u"hello bot"_s);
        QCOMPARE(message.originatorId, consumer);
        QVERIFY(message.serverTimestamp > 0);
        // The change item as it arrived (written from the frame only for messages that are
        // delivered), as compact text; its Qt object only on demand.
        QVERIFY(message.raw.isEmpty());
        QCOMPARE(message.rawJson, QJsonDocument(message.rawObject()).toJson(QJsonDocument::Compact));
        QCOMPARE(message.rawObject().value(u"sequence"_s).toInteger(), sequence);
        QCOMPARE(message.rawObject().value(u"event"_s).toObject().value(u"message"_s).toString(), u"hello bot"_s);
        QVERIFY(message.metadata.isEmpty());
        // READ says delivered too: no ACCEPT before it (liveperson-protocol.md §8, step 8, and the
        // official SDK's agent-bot example publish READ alone).
        QTRY_COMPARE_WITH_TIMEOUT(receiptCount(m_control->conversation(conversation), u"READ"_s, sequence), 1, Timeout);
        QCOMPARE(receiptCount(m_control->conversation(conversation), u"ACCEPT"_s, sequence), 0);
        // The echo of our own receipt is recognised and counted, not delivered.
        QTRY_VERIFY_WITH_TIMEOUT(client.channel->stats().echoesIgnored >= 1, Timeout);
        QCOMPARE(client.channel->stats().malformedFrames, 0);

        // Replies of every kind reach the conversation.
        QList<CommandResult> results;
        const CommandCompletion collect(this, [&results](const CommandResult &r) { results.append(r); });
        const RequestId textId = client.channel->sendText(conversation, conversation, u"hi consumer"_s, {}, collect);
        PublishOptions privateNote;
        privateNote.audience = MessageAudience::AgentsAndManagers;
        client.channel->sendText(conversation, {}, u"note for agents"_s, privateNote, collect);
        const QJsonObject card =
            QJsonDocument::fromJson(R"({"type":"vertical","elements":[{"type":"text","text":"Pick one"},
            {"type":"button","title":"Yes","click":{"actions":[{"type":"publishText","text":"yes"}],
             "metadata":[{"type":"ExternalId","id":"btn-yes"}]}}]})")
                .object();
        PublishOptions cardOptions;
        cardOptions.metadata = QJsonArray{QJsonObject{{u"type"_s, u"ExternalId"_s}, {u"id"_s, u"card-1"_s}}};
        client.channel->sendRichContent(conversation, conversation, card, cardOptions, collect);
        client.channel->sendTyping(conversation, conversation, true, collect);
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 4, Timeout);
        for (const CommandResult &result : std::as_const(results)) {
            QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error->message));
        }

        // LivePerson's history gives back exactly the agent's own messages, oldest first (what a
        // restart reads to tell whether a reply arrived): no receipts, no consumer message.
        QList<OwnMessages> histories;
        const auto collectHistory = [&histories, this] {
            return OwnMessagesCompletion(this, [&histories](const OwnMessages &h) { histories.append(h); });
        };
        client.channel->fetchOwnMessages(conversation, conversation, sequence, collectHistory());
        client.channel->fetchOwnMessages(conversation, {}, results.at(0).sequence(), collectHistory());
        QTRY_COMPARE_WITH_TIMEOUT(histories.size(), 2, Timeout);
        QVERIFY2(histories.at(0).ok(), qPrintable(histories.at(0).ok() ? QString() : histories.at(0).error->message));
        const QList<ConversationMessage> own = histories.at(0).messages;
        QCOMPARE(own.size(), 3);
        QCOMPARE(own.at(0).text, u"hi consumer"_s);
        QCOMPARE(own.at(0).sequence, results.at(0).sequence());
        QCOMPARE(own.at(1).text, u"note for agents"_s);
        QCOMPARE(own.at(2).kind, MessageKind::RichContent);
        QCOMPARE(own.at(2).content, card);
        QVERIFY(own.at(0).sequence < own.at(1).sequence && own.at(1).sequence < own.at(2).sequence);
        QCOMPARE(histories.at(1).messages.size(), 2); // after "hi consumer"
        QCOMPARE(histories.at(1).messages.at(0).text, u"note for agents"_s);
        QCOMPARE(results.at(0).requestId, textId);
        QVERIFY(results.at(0).sequence() > sequence);

        const QJsonObject state = m_control->conversation(conversation);
        const QJsonObject reply =
            findMessage(state, [](const QJsonObject &m) { return m.value(u"text"_s).toString() == u"hi consumer"_s; });
        QCOMPARE(reply.value(u"role"_s).toString(), u"ASSIGNED_AGENT"_s);
        QCOMPARE(reply.value(u"audience"_s).toString(), u"ALL"_s);
        QCOMPARE(reply.value(u"sequence"_s).toInteger(), results.at(0).sequence());
        QCOMPARE(findMessage(state,
                             [](const QJsonObject &m) { return m.value(u"text"_s).toString() == u"note for agents"_s; })
                     .value(u"audience"_s)
                     .toString(),
                 u"AGENTS_AND_MANAGERS"_s);
        const QJsonObject richReply = findMessage(
            state, [](const QJsonObject &m) { return m.value(u"type"_s).toString() == u"RichContentEvent"_s; });
        QCOMPARE(richReply.value(u"content"_s).toObject(), card);
        QCOMPARE(richReply.value(u"metadata"_s).toArray(), cardOptions.metadata);

        // A button click comes back as text with the button's metadata.
        const QJsonArray clickMetadata{QJsonObject{{u"type"_s, u"ExternalId"_s}, {u"id"_s, u"btn-yes"_s}}};
        m_control->consumerSays(conversation, u"yes"_s, clickMetadata);
        QTRY_COMPARE_WITH_TIMEOUT(client.messages.size(), 2, Timeout);
        QCOMPARE(client.messages.at(1).kind, MessageKind::Click);
        QCOMPARE(client.messages.at(1).metadata, clickMetadata);
        QCOMPARE(client.messages.at(1).rawObject().value(u"metadata"_s).toArray(), clickMetadata);
        // The bot's own messages never came back as consumer messages; nothing was delivered twice.
        QCOMPARE(client.count(u"hello bot"_s), 1);
        QCOMPARE(client.count(u"hi consumer"_s), 0);
        QVERIFY(client.channel->stats().echoesIgnored > 0); // the sandbox echoes our own events back

        // Escalation: back to the queue on the human skill, bot removed, in one request.
        results.clear();
        client.channel->transferToSkill(conversation,
                                        HumanSkill,
                                        QJsonArray{QJsonObject{{u"type"_s, u"BotResponse"_s},
                                                               {u"externalConversationId"_s, u"ext-1"_s},
                                                               {u"businessCases"_s, QJsonArray{u"case"_s}},
                                                               {u"intents"_s, QJsonArray{}}}},
                                        collect);
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, Timeout);
        QVERIFY2(results.at(0).ok(), qPrintable(results.at(0).ok() ? QString() : results.at(0).error->message));
        QTRY_COMPARE_WITH_TIMEOUT(client.transferred.size(), 1, Timeout);
        QCOMPARE(client.transferred.at(0), (QPair<QString, QString>{conversation, HumanSkill}));
        const QJsonObject afterTransfer = m_control->conversation(conversation);
        QCOMPARE(afterTransfer.value(u"skillId"_s).toString(), HumanSkill);
        QVERIFY(participant(afterTransfer, BotLogin).isEmpty());
        QVERIFY(client.channel->conversations().isEmpty());
        // The transferred conversation's dialog keeps its high-water mark (it may come back).
        QCOMPARE(client.channel->stats().trackedDialogs, 1);

        // Close: another conversation, closed by the bot.
        const QString second = m_control->startConversation(m_control->createConsumer(), BotSkill);
        QTRY_COMPARE_WITH_TIMEOUT(client.started.size(), 2, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(client.channel->stats().trackedDialogs, 2, Timeout);
        results.clear();
        client.channel->setTtr(second, TtrType::Urgent, 0, collect);
        client.channel->closeConversation(second, collect);
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 2, Timeout);
        QVERIFY(results.at(0).ok() && results.at(1).ok());
        QTRY_COMPARE_WITH_TIMEOUT(client.closed.size(), 1, Timeout);
        QCOMPARE(client.closed.at(0).first, second);
        QCOMPARE(m_control->conversation(second).value(u"state"_s).toString(), u"CLOSE"_s);
        // A closed conversation never opens again: its dialog's bookkeeping is gone.
        QCOMPARE(client.channel->stats().trackedDialogs, 1);
        QCOMPARE(sandboxStat(u"umsErrorsSent"_s), 0);
    }

    void sendsFramesThatMatchLivePersonSchemas()
    {
        // Every request kind the channel can send goes on the wire once; then LivePerson's own
        // JSON schemas judge the frames the sandbox logged (tests/liveperson/check_ums_frames.py).
        Client &client = makeClient();
        client.channel->start();
        QTRY_COMPARE_WITH_TIMEOUT(client.channel->state(), ChannelState::Online, Timeout);
        QStringList conversations;
        for (int i = 0; i < 4; ++i) {
            conversations.append(m_control->startConversation(m_control->createConsumer(), BotSkill));
        }
        QTRY_COMPARE_WITH_TIMEOUT(client.started.size(), 4, Timeout);
        const QString c = conversations.at(0);
        const qint64 sequence = m_control->consumerSays(c, u"hi"_s);
        QTRY_COMPARE_WITH_TIMEOUT(client.messages.size(), 1, Timeout);

        int done = 0;
        int failed = 0;
        const CommandCompletion count(this, [&done, &failed](const CommandResult &r) {
            ++done;
            failed += r.ok() ? 0 : 1;
        });
        PublishOptions rich;
        rich.metadata = QJsonArray{
            QJsonObject{{u"type"_s, u"ExternalId"_s}, {u"id"_s, u"card-7"_s}},
            QJsonObject{{u"type"_s, u"BotResponse"_s},
                        {u"externalConversationId"_s, u"ext-7"_s},
                        {u"businessCases"_s, QJsonArray{u"billing"_s}},
                        {u"intents"_s,
                         QJsonArray{QJsonObject{{u"id"_s, u"pay"_s}, {u"name"_s, u"Pay"_s}, {u"confidence"_s, 0.8}}}}}};
        rich.encodedMetadata = u"eyJrIjoidiJ9"_s;
        rich.quickReplies = QJsonDocument::fromJson(R"({"type":"quickReplies","itemsPerRow":8,"replies":[
            {"type":"button","title":"Yes","click":{"actions":[{"type":"publishText","text":"yes"}]}}]})")
                                .object();
        client.channel->sendText(c, c, u"plain"_s, {}, count);
        client.channel->sendText(c, c, u"with everything"_s, rich, count);
        PublishOptions note;
        note.audience = MessageAudience::AgentsAndManagers;
        client.channel->sendText(c, c, u"private"_s, note, count);
        const QJsonObject card =
            QJsonDocument::fromJson(R"({"type":"vertical","elements":[{"type":"text","text":"Card"},
            {"type":"button","title":"Go","click":{"actions":[{"type":"link","name":"Go","uri":"https:\/\/example.com"}]}}]})")
                .object();
        client.channel->sendRichContent(c, c, card, rich, count);
        client.channel->sendTyping(c, c, true, count);
        client.channel->sendTyping(c, c, false, count);
        client.channel->markRead(c, c, {sequence}, count);
        client.channel->setTtr(c, TtrType::Custom, 120, count);
        client.channel->transferToSkill(c, HumanSkill, {}, count);
        client.channel->transferToAgent(conversations.at(1), u"3000001"_s, HumanSkill, {}, count);
        client.channel->closeDialog(conversations.at(2), conversations.at(2), count);
        client.channel->closeConversation(conversations.at(3), count);
        QTRY_COMPARE_WITH_TIMEOUT(done, 12, Timeout);
        QCOMPARE(failed, 0);
        QSignalSpy stopped(client.channel.get(), &AgentChannel::stopped);
        client.channel->stop();
        QVERIFY(stopped.wait(Timeout));
        QCOMPARE(sandboxStat(u"umsErrorsSent"_s), 0);

        const QString python = QStandardPaths::findExecutable(u"python3"_s);
        if (python.isEmpty()) {
            QSKIP("python3 is not installed");
        }
        QProcess checker;
        checker.setProcessChannelMode(QProcess::MergedChannels);
        checker.start(python,
                      {sourceDir() + u"/tests/liveperson/check_ums_frames.py"_s,
                       sharedDir() + u"/reference/schemas"_s,
                       m_dir->filePath(u"frames.jsonl"_s)});
        QVERIFY(checker.waitForFinished(60000));
        const QString output = QString::fromUtf8(checker.readAll());
        if (checker.exitCode() == 77) {
            QSKIP("python3-jsonschema is not installed");
        }
        QVERIFY2(checker.exitCode() == 0, qPrintable(output));
        for (const char *type : {".ams.ms.PublishEvent",
                                 ".ams.cm.UpdateConversationField",
                                 ".ams.ms.QueryMessages",
                                 ".ams.routing.UpdateRingState",
                                 ".ams.routing.SetAgentState"}) {
            QVERIFY2(output.contains(QLatin1String(type)), type);
        }
    }

    void reportsServerErrorsOfCommands()
    {
        Client &client = makeClient();
        client.channel->start();
        QTRY_COMPARE_WITH_TIMEOUT(client.channel->state(), ChannelState::Online, Timeout);
        std::optional<CommandResult> result;
        client.channel->closeConversation(u"no-such-conversation"_s,
                                          {this, [&result](const CommandResult &r) { result = r; }});
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), Timeout);
        QVERIFY(!result->ok());
        QCOMPARE(result->error->kind, ApiErrorKind::Http);
        QVERIFY(result->error->status >= 400);
        QCOMPARE(result->code, result->error->status);

        // Input the channel refuses before sending.
        result.reset();
        client.channel->sendText(
            u"c"_s, u"c"_s, QString(), {}, {this, [&result](const CommandResult &r) { result = r; }});
        QTRY_VERIFY(result.has_value());
        QCOMPARE(result->error->kind, ApiErrorKind::InvalidArgument);
    }

    void handsThePostSurveyDialogToTheSurveyBot()
    {
        Client &bot = makeClient();
        Client &survey = makeClient(u"switchboard-survey-bot"_s);
        bot.channel->start();
        survey.channel->start();
        QTRY_COMPARE_WITH_TIMEOUT(bot.channel->state(), ChannelState::Online, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(survey.channel->state(), ChannelState::Online, Timeout);
        const QString conversation = m_control->startConversation(m_control->createConsumer(), BotSkill);
        QTRY_COMPARE_WITH_TIMEOUT(bot.started.size(), 1, Timeout);

        std::optional<CommandResult> result;
        bot.channel->closeDialog(conversation, conversation, {this, [&result](const CommandResult &r) { result = r; }});
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), Timeout);
        QVERIFY2(result->ok(), qPrintable(result->ok() ? QString() : result->error->message));
        // The bot saw its dialog close and left; the survey bot took the POST_SURVEY dialog.
        QTRY_VERIFY_WITH_TIMEOUT(!bot.removed.isEmpty() || !bot.closed.isEmpty(), Timeout);
        const bool mainClosed =
            std::any_of(bot.dialogChanges.cbegin(), bot.dialogChanges.cend(), [&](const auto &change) {
                return change.first == conversation && change.second.dialogId == conversation &&
                       change.second.dialogType == u"MAIN"_s && change.second.state == u"CLOSE"_s;
            });
        QVERIFY(mainClosed);
        QTRY_COMPARE_WITH_TIMEOUT(survey.started.size(), 1, Timeout);
        const ConversationInfo surveyInfo = survey.started.at(0);
        QCOMPARE(surveyInfo.conversationId, conversation);
        const QString surveyDialog = surveyInfo.activeDialogId();
        QVERIFY(surveyDialog != conversation);

        m_control->consumerSays(conversation, u"5 stars"_s);
        QTRY_COMPARE_WITH_TIMEOUT(survey.messages.size(), 1, Timeout);
        QCOMPARE(survey.messages.at(0).dialogId, surveyDialog);
        QCOMPARE(bot.count(u"5 stars"_s), 0);

        result.reset();
        survey.channel->closeDialog(
            conversation, surveyDialog, {this, [&result](const CommandResult &r) { result = r; }});
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value() && result->ok(), Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(survey.closed.size(), 1, Timeout);
        QCOMPARE(m_control->conversation(conversation).value(u"state"_s).toString(), u"CLOSE"_s);
    }

    void resumesAfterDroppedSocketsWithoutDuplicates()
    {
        Client &client = makeClient();
        client.scheduler.setManual(true);
        client.channel->start();
        QTRY_COMPARE_WITH_TIMEOUT(client.channel->state(), ChannelState::Online, Timeout);
        const QString conversation = m_control->startConversation(m_control->createConsumer(), BotSkill);
        QTRY_COMPARE_WITH_TIMEOUT(client.started.size(), 1, Timeout);
        m_control->consumerSays(conversation, u"one"_s);
        QTRY_COMPARE_WITH_TIMEOUT(client.messages.size(), 1, Timeout);

        QVERIFY(m_control->fault(QJsonObject{{u"kind"_s, u"drop-sockets"_s}}));
        // 1006 → the session probe says the token is fine → a reconnect waits 5 s (held here).
        QTRY_COMPARE_WITH_TIMEOUT(client.scheduler.pendingCount(), 1, Timeout);
        QCOMPARE(client.channel->state(), ChannelState::Reconnecting);
        QCOMPARE(client.scheduler.delays().constLast(), 5000ms);
        QVERIFY(client.channel->status().nextAttemptAt.isValid());

        // The consumer writes while the bot is away.
        QVERIFY(m_control->consumerSays(conversation, u"two"_s) >= 0);
        client.scheduler.fireAll();
        QTRY_COMPARE_WITH_TIMEOUT(client.channel->state(), ChannelState::Online, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(client.messages.size(), 2, Timeout);
        QCOMPARE(client.messages.at(1).text, u"two"_s);
        QVERIFY(client.messages.at(1).recovered);

        m_control->consumerSays(conversation, u"three"_s);
        QTRY_COMPARE_WITH_TIMEOUT(client.messages.size(), 3, Timeout);
        QCOMPARE(client.count(u"one"_s), 1);
        QCOMPARE(client.count(u"two"_s), 1);
        QCOMPARE(client.count(u"three"_s), 1);
        QCOMPARE(client.channel->stats().logins, 1); // same token
        QCOMPARE(client.channel->stats().socketsOpened, 2);
        QCOMPARE(client.channel->conversations().size(), 1);
        QCOMPARE(frameLog().count(".ams.aam.SubscribeExConversations\""), 2);
    }

    void logsInAgainAfterAuthenticationCloses_data()
    {
        QTest::addColumn<int>("code");
        QTest::newRow("4401") << 4401;
        QTest::newRow("1011") << 1011;
    }
    void logsInAgainAfterAuthenticationCloses()
    {
        QFETCH(int, code);
        Client &client = makeClient();
        client.channel->start();
        QTRY_COMPARE_WITH_TIMEOUT(client.channel->state(), ChannelState::Online, Timeout);
        const QString conversation = m_control->startConversation(m_control->createConsumer(), BotSkill);
        QTRY_COMPARE_WITH_TIMEOUT(client.started.size(), 1, Timeout);

        QVERIFY(m_control->fault(
            QJsonObject{{u"kind"_s, u"close"_s}, {u"code"_s, code}, {u"reason"_s, u"token expired"_s}}));
        QTRY_COMPARE_WITH_TIMEOUT(client.channel->stats().logins, 2, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(client.channel->state(), ChannelState::Online, Timeout);
        QVERIFY(client.states.contains(ChannelState::Reconnecting));
        QCOMPARE(client.scheduler.delays(), (QList<std::chrono::milliseconds>{5000ms}));

        // Still in the conversation, still once per message.
        m_control->consumerSays(conversation, u"after"_s);
        QTRY_COMPARE_WITH_TIMEOUT(client.messages.size(), 1, Timeout);
        QCOMPARE(client.started.size(), 1);
    }

    void logsInAgainWhenTheProbeFindsTheTokenRevoked()
    {
        Client &client = makeClient();
        client.channel->start();
        QTRY_COMPARE_WITH_TIMEOUT(client.channel->state(), ChannelState::Online, Timeout);
        QVERIFY(m_control->fault(QJsonObject{{u"kind"_s, u"revoke-tokens"_s}}));
        QTRY_COMPARE_WITH_TIMEOUT(client.channel->stats().logins, 2, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(client.channel->state(), ChannelState::Online, Timeout);
        QCOMPARE(client.channel->stats().loginAttempts, 2);
    }

    void logsInAgainWhenTheHandshakeIsRefused()
    {
        Client &client = makeClient();
        client.scheduler.setManual(true);
        client.channel->start();
        QTRY_COMPARE_WITH_TIMEOUT(client.channel->state(), ChannelState::Online, Timeout);
        QVERIFY(m_control->fault(QJsonObject{{u"kind"_s, u"drop-sockets"_s}}));
        QTRY_COMPARE_WITH_TIMEOUT(client.scheduler.pendingCount(), 1, Timeout); // probe: token fine, reconnect
        // The token dies while no socket is open: the reconnect's upgrade is refused.
        QVERIFY(m_control->fault(QJsonObject{{u"kind"_s, u"revoke-tokens"_s}}));
        client.scheduler.fireAll();
        QTRY_COMPARE_WITH_TIMEOUT(client.scheduler.delays().size(), 2, Timeout); // re-login scheduled
        QCOMPARE(client.scheduler.pendingCount(), 1);
        QCOMPARE(client.channel->stats().logins, 1);
        client.scheduler.fireAll();
        QTRY_COMPARE_WITH_TIMEOUT(client.channel->state(), ChannelState::Online, Timeout);
        QCOMPARE(client.channel->stats().logins, 2);
        QCOMPARE(client.scheduler.delays(), (QList<std::chrono::milliseconds>{5000ms, 6250ms}));
    }

    void logsInAgainWhenTheRefreshIsRefused()
    {
        MessagingChannelConfig config = channelConfig(*m_sandbox, BotLogin);
        config.refreshInterval = 200ms;
        Client &client = makeClient();
        client.channel = std::make_unique<MessagingAgentChannel>(config);
        client.channel->setScheduler(client.scheduler);
        client.channel->start();
        QTRY_COMPARE_WITH_TIMEOUT(client.channel->state(), ChannelState::Online, Timeout);
        // Refreshes keep the session; a refused one means the session is gone: log in again.
        QVERIFY(m_control->fault(
            QJsonObject{{u"kind"_s, u"http"_s}, {u"route"_s, u"refresh"_s}, {u"status"_s, 401}, {u"count"_s, 1}}));
        QTRY_COMPARE_WITH_TIMEOUT(client.channel->stats().logins, 2, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(client.channel->state(), ChannelState::Online, Timeout);
        QCOMPARE(sandboxStat(u"sockets"_s), 1);
    }

    void isKickedWithoutFightingBack_data()
    {
        QTest::addColumn<bool>("secondLogin");
        QTest::newRow("second login") << true;
        QTest::newRow("kick-session fault") << false;
    }
    void isKickedWithoutFightingBack()
    {
        QFETCH(bool, secondLogin);
        Client &first = makeClient();
        first.channel->start();
        QTRY_COMPARE_WITH_TIMEOUT(first.channel->state(), ChannelState::Online, Timeout);
        if (secondLogin) {
            Client &second = makeClient();
            second.channel->start();
            QTRY_COMPARE_WITH_TIMEOUT(second.channel->state(), ChannelState::Online, Timeout);
        } else {
            QVERIFY(m_control->fault(QJsonObject{{u"kind"_s, u"kick-session"_s}, {u"loginName"_s, BotLogin}}));
        }
        QTRY_COMPARE_WITH_TIMEOUT(first.channel->state(), ChannelState::Kicked, Timeout);
        QVERIFY(first.channel->status().reason.contains(BotLogin));
        // No login fight: nothing scheduled, no further login attempt.
        QCOMPARE(first.scheduler.pendingCount(), 0);
        QCOMPARE(first.channel->stats().loginAttempts, 1);

        // stop() from Kicked ends cleanly (no logout of a session that is not ours any more).
        QSignalSpy stopped(first.channel.get(), &AgentChannel::stopped);
        first.channel->stop();
        QVERIFY(stopped.wait(Timeout));
        QCOMPARE(first.channel->state(), ChannelState::Stopped);
    }

    void retriesLoginPerPolicy_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("count");
        QTest::addColumn<QList<std::chrono::milliseconds>>("delays");
        QTest::newRow("503 twice") << 503 << 2 << QList<std::chrono::milliseconds>{5000ms, 10000ms};
        QTest::newRow("500 four times") << 500 << 4
                                        << QList<std::chrono::milliseconds>{5000ms, 10000ms, 15000ms, 120000ms};
        QTest::newRow("429 once") << 429 << 1 << QList<std::chrono::milliseconds>{5000ms};
    }
    void retriesLoginPerPolicy()
    {
        QFETCH(int, status);
        QFETCH(int, count);
        QFETCH(QList<std::chrono::milliseconds>, delays);
        QVERIFY(m_control->fault(
            QJsonObject{{u"kind"_s, u"http"_s}, {u"route"_s, u"login"_s}, {u"status"_s, status}, {u"count"_s, count}}));
        Client &client = makeClient();
        QSignalSpy states(client.channel.get(), &AgentChannel::stateChanged);
        client.channel->start();
        QTRY_COMPARE_WITH_TIMEOUT(client.channel->state(), ChannelState::Online, Timeout);
        QCOMPARE(client.scheduler.delays(), delays);
        QCOMPARE(client.channel->stats().loginAttempts, count + 1);
        // While waiting, the status said when the next attempt is due.
        bool sawNextAttempt = false;
        for (const QList<QVariant> &args : std::as_const(states)) {
            const auto reported = args.at(0).value<ChannelStatus>();
            if (reported.state == ChannelState::Reconnecting) {
                sawNextAttempt = reported.nextAttemptAt.isValid() && reported.error && reported.error->status == status;
                QVERIFY(sawNextAttempt);
            }
        }
        QVERIFY(sawNextAttempt);
    }

    void failsWithoutRetryOnBadCredentials()
    {
        MessagingChannelConfig config = channelConfig(*m_sandbox, BotLogin);
        config.credentials.password = u"wrong"_s;
        Client &client = makeClient();
        client.channel = std::make_unique<MessagingAgentChannel>(config);
        client.channel->setScheduler(client.scheduler);
        client.channel->start();
        QTRY_COMPARE_WITH_TIMEOUT(client.channel->state(), ChannelState::Failed, Timeout);
        QCOMPARE(client.channel->status().error->status, 401);
        QVERIFY(client.scheduler.delays().isEmpty());
        QCOMPARE(client.channel->stats().loginAttempts, 1);
        QVERIFY(!client.channel->status().reason.isEmpty());
    }

    void failsOnAnUntrustedCertificate()
    {
        MessagingChannelConfig config = channelConfig(*m_sandbox, BotLogin);
        config.extraCaFile.clear(); // verification stays on: the sandbox CA is unknown
        MessagingAgentChannel channel(config);
        RecordingScheduler scheduler;
        channel.setScheduler(scheduler);
        channel.start();
        QTRY_COMPARE_WITH_TIMEOUT(channel.state(), ChannelState::Failed, Timeout);
        QCOMPARE(channel.status().error->kind, ApiErrorKind::Tls);
        QVERIFY(scheduler.delays().isEmpty());
    }

    void stopSetsAwayClosesAndLogsOut()
    {
        const int sessionsBefore = sandboxStat(u"sessions"_s);
        Client &client = makeClient();
        client.channel->start();
        QTRY_COMPARE_WITH_TIMEOUT(client.channel->state(), ChannelState::Online, Timeout);
        QCOMPARE(sandboxStat(u"sessions"_s), sessionsBefore + 1);
        QSignalSpy stopped(client.channel.get(), &AgentChannel::stopped);
        client.channel->stop();
        QCOMPARE(client.channel->state(), ChannelState::Stopping);
        QVERIFY(stopped.wait(Timeout));
        QCOMPARE(stopped.size(), 1);
        QCOMPARE(client.channel->state(), ChannelState::Stopped);
        QTRY_COMPARE(sandboxStat(u"sockets"_s), 0);
        QCOMPARE(sandboxStat(u"sessions"_s), sessionsBefore);
        const QByteArray frames = frameLog();
        QVERIFY(frames.contains("\"AWAY\""));

        // A command after stop fails at once, asynchronously.
        std::optional<CommandResult> result;
        client.channel->sendText(u"c"_s, u"c"_s, u"x"_s, {}, {this, [&result](const CommandResult &r) { result = r; }});
        QVERIFY(!result.has_value());
        QTRY_VERIFY(result.has_value());
        QCOMPARE(result->error->kind, ApiErrorKind::NotConnected);

        // stop() again: stopped() follows anyway; start() works again.
        client.channel->stop();
        QVERIFY(stopped.wait(Timeout));
        client.channel->start();
        QTRY_COMPARE_WITH_TIMEOUT(client.channel->state(), ChannelState::Online, Timeout);
    }
};

QTEST_GUILESS_MAIN(TestMessagingAgentChannel)
#include "tst_messagingagentchannel.moc"
