// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeAgentChannel.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Switchboard::LivePerson;
using Switchboard::Test::FakeAgentChannel;

/** The test double other modules use keeps the AgentChannel contract (async completions, follow-ups). */
class TestFakeAgentChannel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goesOnlineAndCompletesCommandsAsynchronously()
    {
        FakeAgentChannel channel;
        QSignalSpy states(&channel, &AgentChannel::stateChanged);
        channel.start();
        QCOMPARE(channel.state(), ChannelState::Connecting);
        QTRY_COMPARE(channel.state(), ChannelState::Online);

        channel.startConversation(u"c1"_s);
        std::optional<CommandResult> result;
        const RequestId id =
            channel.sendText(u"c1"_s, u"c1"_s, u"hi"_s, {}, {this, [&result](const CommandResult &r) { result = r; }});
        QVERIFY(!result.has_value()); // never inside the call
        QTRY_VERIFY(result.has_value());
        QVERIFY(result->ok());
        QCOMPARE(result->requestId, id);
        QCOMPARE(result->sequence(), 0);
        QCOMPARE(channel.lastCommand().kind, u"sendText"_s);
        QCOMPARE(channel.lastCommand().text, u"hi"_s);
    }

    void failsWhenNotOnlineOrWhenToldTo()
    {
        FakeAgentChannel channel;
        std::optional<CommandResult> result;
        channel.closeConversation(u"c1"_s, {this, [&result](const CommandResult &r) { result = r; }});
        QTRY_VERIFY(result.has_value());
        QCOMPARE(result->error->kind, ApiErrorKind::NotConnected);

        channel.setState(ChannelState::Online);
        ApiError error;
        error.kind = ApiErrorKind::Http;
        error.status = 400;
        channel.failNext(u"transferToSkill"_s, error);
        result.reset();
        QSignalSpy transferred(&channel, &AgentChannel::conversationTransferred);
        channel.transferToSkill(u"c1"_s, u"1002"_s, {}, {this, [&result](const CommandResult &r) { result = r; }});
        QTRY_VERIFY(result.has_value());
        QCOMPARE(result->error->status, 400);
        QCOMPARE(transferred.size(), 0);
    }

    void followsSuccessfulTransfersAndClosesWithSignals()
    {
        FakeAgentChannel channel;
        channel.setState(ChannelState::Online);
        channel.startConversation(u"c1"_s);
        channel.startConversation(u"c2"_s);
        QSignalSpy transferred(&channel, &AgentChannel::conversationTransferred);
        QSignalSpy closed(&channel, &AgentChannel::conversationClosed);
        channel.transferToSkill(u"c1"_s, u"1002"_s);
        channel.closeConversation(u"c2"_s);
        QTRY_COMPARE(transferred.size(), 1);
        QTRY_COMPARE(closed.size(), 1);
        QCOMPARE(transferred.at(0).at(1).toString(), u"1002"_s);
        QVERIFY(channel.conversations().isEmpty());
    }

    void holdsCommandsInManualMode()
    {
        FakeAgentChannel channel;
        channel.setState(ChannelState::Online);
        channel.setAutoComplete(false);
        std::optional<CommandResult> result;
        const RequestId id =
            channel.sendTyping(u"c1"_s, u"c1"_s, true, {this, [&result](const CommandResult &r) { result = r; }});
        QCOMPARE(channel.commands(u"sendTyping"_s).size(), 1);
        QVERIFY(!channel.lastCommand().completed);
        QVERIFY(channel.completeCommand(id));
        QVERIFY(!channel.completeCommand(id));
        QTRY_VERIFY(result.has_value());
        QVERIFY(result->ok());
    }

    void deliversMessagesWithRisingSequences()
    {
        FakeAgentChannel channel;
        channel.startConversation(u"c1"_s, u"consumer-9"_s);
        QSignalSpy messages(&channel, &AgentChannel::consumerMessage);
        channel.deliverMessage(u"c1"_s, u"one"_s);
        channel.deliverMessage(u"c1"_s, u"two"_s);
        QCOMPARE(messages.size(), 2);
        const auto second = messages.at(1).at(0).value<ConversationMessage>();
        QCOMPARE(second.sequence, 1);
        QCOMPARE(second.originatorId, u"consumer-9"_s);
        QSignalSpy stopped(&channel, &AgentChannel::stopped);
        channel.stop();
        QVERIFY(stopped.wait(1000));
    }
};

QTEST_GUILESS_MAIN(TestFakeAgentChannel)
#include "tst_fakeagentchannel.moc"
