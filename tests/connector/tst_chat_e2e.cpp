// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The connector end to end on the chat channel: the sandbox emulator (Chat Agent API) and the
// Custom Endpoint demo bot in-process on 127.0.0.1, a real ConnectorSession (ChatAgentChannel +
// CustomEndpointClient) between them, and the transcript store on disk.
#include "ConnectorRig.h"
#include "connector/ConnectorSession.h"
#include "connector/EventLog.h"
#include "connector/SessionFactory.h"
#include "sandbox/ChatAgentApi.h"
#include "sandbox/Emulator.h"
#include "sandbox/StateModel.h"
#include "sandbox/bots/CustomEndpointDemoBot.h"
#include "sandbox/bots/DemoBotBehaviour.h"
#include "storage/TranscriptStore.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Switchboard;
using namespace Switchboard::Connector;
using Switchboard::Test::hasParticipant;

namespace
{
/** Agent-side text lines (visible to the consumer) of a sandbox conversation, in order. */
QStringList agentTexts(const Sandbox::StateModel *model, const QString &conversationId)
{
    QStringList texts;
    const Sandbox::Conversation *conversation = model->conversation(conversationId);
    if (!conversation) {
        return texts;
    }
    for (const Sandbox::Message &message : conversation->messages) {
        if (message.fromAgent && message.audience == QLatin1String("ALL") &&
            message.event.value(QStringLiteral("type")).toString() == QLatin1String("ContentEvent")) {
            texts.append(message.event.value(QStringLiteral("message")).toString());
        }
    }
    return texts;
}

int agentEvents(const Sandbox::StateModel *model, const QString &conversationId, const QString &type)
{
    const Sandbox::Conversation *conversation = model->conversation(conversationId);
    if (!conversation) {
        return 0;
    }
    return static_cast<int>(std::count_if(
        conversation->messages.cbegin(), conversation->messages.cend(), [&type](const Sandbox::Message &message) {
            return message.fromAgent && message.event.value(QStringLiteral("type")).toString() == type;
        }));
}

} // namespace

class TestChatE2E : public QObject
{
    Q_OBJECT

private:
    using Rig = Test::ConnectorRig;

    static std::unique_ptr<Rig> makeRig(int chatConsumers = 0)
    {
        auto rig = std::make_unique<Rig>();
        Rig::Options options;
        options.chat = true;
        options.sandbox.chatConsumers = chatConsumers;
        options.sandbox.chatMessagesPerConsumer = 3;
        options.sandbox.chatMessagesPerSecond = 20;
        options.livePersonDelayDivisor = 20; // polls every 100 ms, retries ÷ 20
        return rig->setUp(options) ? std::move(rig) : nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void sandboxOffersAChatIntegration()
    {
        SandboxLauncher launcher;
        QVERIFY(launcher.start().ok());
        const QList<SandboxLauncher::Integration> integrations = launcher.integrations();
        QCOMPARE(integrations.size(), 2);
        QCOMPARE(integrations.at(0).definition.liveperson.channel, Storage::IntegrationDefinition::Channel::Messaging);
        const Storage::IntegrationDefinition chat = integrations.at(1).definition;
        QCOMPARE(chat.liveperson.channel, Storage::IntegrationDefinition::Channel::Chat);
        QVERIFY(chat.liveperson.loginName.contains(QStringLiteral("chat")));
        QCOMPARE(chat.routing.botSkillId, QStringLiteral("1003"));
        QCOMPARE(chat.routing.fallbackSkillId, QStringLiteral("1002"));
        QVERIFY(chat.id != integrations.at(0).definition.id);
        QVERIFY(!integrations.at(1).secrets.loginPassword.isEmpty());
        QVERIFY(integrations.at(1).secrets.loginPassword != integrations.at(0).secrets.loginPassword);
    }

    void echoesEveryLineInOrder()
    {
        auto rig = makeRig();
        QVERIFY(rig);
        QVERIFY(Rig::waitOnline(rig->session.get()));
        QCOMPARE(rig->session->channel(), QStringLiteral("chat"));
        Sandbox::StateModel *model = rig->sandbox->emulator()->model();

        constexpr int consumers = 10;
        constexpr int messages = 5;
        QHash<QString, int> sent;
        // Each visitor writes its next line as soon as the bot answered the previous one.
        connect(model,
                &Sandbox::StateModel::messageAdded,
                this,
                [&](const QString &conversationId, const Sandbox::Message &message) {
                    if (!message.fromAgent || !sent.contains(conversationId) ||
                        message.event.value(QStringLiteral("type")).toString() != QLatin1String("ContentEvent")) {
                        return;
                    }
                    int &count = sent[conversationId];
                    if (count < messages) {
                        ++count;
                        (void)model->consumerText(conversationId, QStringLiteral("m%1").arg(count));
                    }
                });
        for (int i = 0; i < consumers; ++i) {
            const QString id = rig->startConversation(QString());
            QVERIFY(!id.isEmpty());
            sent.insert(id, 1);
            QVERIFY(model->consumerText(id, QStringLiteral("m1")).ok());
        }
        const auto allAnswered = [&] {
            for (auto it = sent.cbegin(); it != sent.cend(); ++it) {
                if (agentTexts(model, it.key()).size() < messages) {
                    return false;
                }
            }
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(allAnswered(), 60000);
        QStringList expected;
        for (int m = 1; m <= messages; ++m) {
            expected << QStringLiteral("echo: m%1").arg(m);
        }
        for (auto it = sent.cbegin(); it != sent.cend(); ++it) {
            QCOMPARE(agentTexts(model, it.key()), expected);
            QVERIFY(hasParticipant(model, it.key(), rig->botUserId()));
        }
        QCOMPARE(rig->sandbox->customEndpointBot()->duplicateEvents(), quint64(0));
        QTRY_COMPARE(rig->session->counters().consumerMessages, qint64(consumers * messages));
        QVERIFY(rig->stopSession());
    }

    /**
     * Chat side of the crash recovery: the previous run recorded a reply as published and died —
     * before the line left ("missing") or after LivePerson took it ("arrived"). The restarted
     * connector takes the chat again (its lines come recovered), reads the chat's history and sends
     * the reply exactly when the chat lacks it.
     */
    void restartSendsAReplyOnlyWhenTheChatLacksIt_data()
    {
        QTest::addColumn<bool>("arrived");
        QTest::newRow("missing") << false;
        QTest::newRow("arrived") << true;
    }

    void restartSendsAReplyOnlyWhenTheChatLacksIt()
    {
        QFETCH(bool, arrived);
        auto rig = makeRig();
        QVERIFY(rig);
        QVERIFY(Rig::waitOnline(rig->session.get()));
        Sandbox::StateModel *model = rig->sandbox->emulator()->model();
        const QString id = rig->startConversation(QStringLiteral("r1"));
        QTRY_COMPARE_WITH_TIMEOUT(agentTexts(model, id).size(), 1, 15000);
        QVERIFY(rig->stopSession());

        QVERIFY(model->consumerText(id, QStringLiteral("r2")).ok());
        qint64 eventId = -1;
        for (const QJsonObject &event : rig->sandbox->emulator()->chatAgentApi()->events(id)) {
            if (event.value(QStringLiteral("text")).toString() == QLatin1String("r2")) {
                eventId = event.value(QStringLiteral("@id")).toString().toLongLong();
            }
        }
        QVERIFY(eventId > 0);
        const QString delivery = id + QLatin1Char(':') + QString::number(eventId);
        QVERIFY(rig->store->markReplyPublishedNow({id, delivery, 0, QDateTime::currentMSecsSinceEpoch()}).ok());
        if (arrived) {
            QVERIFY(rig->publishAsBot(id, QStringLiteral("echo: r2")));
        }

        rig->session = rig->startSession(rig->definition, rig->secrets);
        QVERIFY(Rig::waitOnline(rig->session.get()));
        QTRY_COMPARE_WITH_TIMEOUT(agentTexts(model, id).size(), 2, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(rig->handledUpTo(id, eventId), 30000);
        QCOMPARE(agentTexts(model, id), (QStringList{QStringLiteral("echo: r1"), QStringLiteral("echo: r2")}));
        QCOMPARE(rig->hasNote(id, QStringLiteral("connector.resent_after_restart")), !arrived);
        QVERIFY(!rig->hasNote(id, QStringLiteral("connector.unknown_publish_after_restart")));
        QVERIFY(rig->stopSession());
    }

    void escalationLeavesTheBot()
    {
        auto rig = makeRig();
        QVERIFY(rig);
        QVERIFY(Rig::waitOnline(rig->session.get()));
        Sandbox::StateModel *model = rig->sandbox->emulator()->model();
        const QString id = rig->startConversation(QStringLiteral("please escalate me"));
        QTRY_COMPARE_WITH_TIMEOUT(model->conversation(id)->skillId, rig->definition.routing.fallbackSkillId, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(!hasParticipant(model, id, rig->botUserId()), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto c = rig->snapshot(id);
                return c && c->status == ConversationStatus::Escalated &&
                       c->escalationCause == QLatin1String("bot.transfer");
            }(),
            5000);
        // The bot's farewell went out before the move; a human of the fallback skill takes over.
        QVERIFY(agentTexts(model, id).contains(QStringLiteral("Transferring you to a human agent.")));
        QTRY_VERIFY_WITH_TIMEOUT(hasParticipant(model, id, QStringLiteral("3000001")) ||
                                     hasParticipant(model, id, QStringLiteral("3000002")),
                                 10000);
        QVERIFY(rig->stopSession());
    }

    void botClosesTheChat()
    {
        auto rig = makeRig();
        QVERIFY(rig);
        QVERIFY(Rig::waitOnline(rig->session.get()));
        Sandbox::StateModel *model = rig->sandbox->emulator()->model();
        const QString id = rig->startConversation(QStringLiteral("bye"));
        QTRY_VERIFY_WITH_TIMEOUT(!model->conversation(id)->isOpen(), 15000);
        QCOMPARE(model->conversation(id)->closeReason, QStringLiteral("AGENT"));
        QVERIFY(agentTexts(model, id).contains(QStringLiteral("Goodbye! Closing the conversation.")));
        QVERIFY(rig->stopSession());
    }

    void failingBotEscalatesAutomatically()
    {
        auto rig = makeRig();
        QVERIFY(rig);
        QVERIFY(Rig::waitOnline(rig->session.get()));
        Sandbox::DemoBotBehaviour behaviour;
        behaviour.mode = Sandbox::DemoBotBehaviour::Mode::Fail5xx;
        behaviour.status = 503;
        rig->sandbox->customEndpointBot()->setBehaviour(behaviour);
        Sandbox::StateModel *model = rig->sandbox->emulator()->model();
        const QString id = rig->startConversation(QStringLiteral("hello"));
        QTRY_COMPARE_WITH_TIMEOUT(model->conversation(id)->skillId, rig->definition.routing.fallbackSkillId, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto c = rig->snapshot(id);
                return c && c->escalationCause == QLatin1String("bot.http_5xx");
            }(),
            5000);
        QVERIFY(agentTexts(model, id).isEmpty());
        QVERIFY(!hasParticipant(model, id, rig->botUserId()));
        QVERIFY(rig->stopSession());
    }

    void quickRepliesAndCardsOnChat()
    {
        auto rig = makeRig();
        QVERIFY(rig);
        QVERIFY(Rig::waitOnline(rig->session.get()));
        Sandbox::StateModel *model = rig->sandbox->emulator()->model();
        // Quick replies are messaging-only: on chat they arrive as text listing the options.
        const QString id = rig->startConversation(QStringLiteral("quick replies please"));
        QTRY_COMPARE_WITH_TIMEOUT(agentTexts(model, id).size(), 1, 15000);
        const QString text = agentTexts(model, id).first();
        QVERIFY2(text.startsWith(QStringLiteral("Do you like bots?")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("\n1. ")), qPrintable(text));
        QCOMPARE(agentEvents(model, id, QStringLiteral("RichContentEvent")), 0);
        const Sandbox::Conversation *conversation = model->conversation(id);
        for (const Sandbox::Message &message : conversation->messages) {
            QVERIFY(!message.event.contains(QStringLiteral("quickReplies")));
        }
        // …and the transcript says so, with the code and its hint.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                if (!rig->store->flushAndWait()) {
                    return false;
                }
                const auto transcript = rig->store->transcript(id);
                return transcript.ok()
                       && std::any_of(transcript.value().messages.cbegin(), transcript.value().messages.cend(),
                                      [](const Storage::MessageRecord &m) {
                                          return m.role == Storage::MessageRole::System
                                                 && m.text.startsWith(QStringLiteral("[bot.quick_replies_on_chat]"));
                                      });
            }(),
            5000);
        // A card goes out as a rich-content line.
        QVERIFY(model->consumerText(id, QStringLiteral("structured content")).ok());
        QTRY_COMPARE_WITH_TIMEOUT(agentEvents(model, id, QStringLiteral("RichContentEvent")), 1, 15000);
        QCOMPARE(rig->session->status().state, SessionState::Online);
        QVERIFY(rig->stopSession());
    }

    void simulatedChatVisitorsStartWhenTheChatBotIsOnline()
    {
        auto rig = makeRig(2);
        QVERIFY(rig);
        QVERIFY(Rig::waitOnline(rig->session.get()));
        QTRY_COMPARE_WITH_TIMEOUT(rig->sandbox->chatTrafficConversations().size(), 2, 10000);
        Sandbox::StateModel *model = rig->sandbox->emulator()->model();
        const QStringList ids = rig->sandbox->chatTrafficConversations();
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(ids.cbegin(), ids.cend(), [&](const QString &id) { return agentTexts(model, id).size() >= 1; }),
            20000);
        for (const QString &id : ids) {
            QCOMPARE(model->conversation(id)->channel, Sandbox::Channel::Chat);
        }
        QVERIFY(rig->stopSession());
    }
};

QTEST_GUILESS_MAIN(TestChatE2E)
#include "tst_chat_e2e.moc"
