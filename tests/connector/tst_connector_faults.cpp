// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// SessionEngine under connection faults, deterministically: a FakeAgentChannel (the test decides
// when the channel is online and how each command ends), a scripted bot, a real TranscriptStore.
// - a reply whose channel is down is held (nothing sent, message not handled) and published once
//   online, never twice; only items actually sent are recorded as published (restart-safe);
// - a publish that failed without an answer is not re-sent: the conversation is escalated
//   (liveperson.publish_failed), or the operator alerted without a fallback skill;
// - a transfer failed by the connection is retried once online (at most 3 attempts), settled by
//   LivePerson announcing the transfer; messages arriving meanwhile are recorded, not lost.
#include "FakeAgentChannel.h"
#include "FakeClock.h"
#include "TestSupport.h"
#include "bot/BotClient.h"
#include "connector/EventLog.h"
#include "connector/SessionEngine.h"
#include "storage/IntegrationDefinition.h"
#include "storage/TranscriptStore.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <memory>

using namespace Switchboard;
using namespace Switchboard::Connector;
using LivePerson::ChannelState;
using Test::FakeAgentChannel;

namespace
{
/** A bot that records deliveries; the test answers them by emitting replied()/deliveryFailed(). */
class ScriptedBot final : public Bot::BotClient
{
public:
    explicit ScriptedBot(QObject *parent)
        : BotClient(parent)
    {
    }
    Bot::BotProtocol protocol() const override
    {
        return Bot::BotProtocol::CustomEndpoint;
    }
    void probeState() override
    {
    }
    void listEnvironments() override
    {
    }
    int pendingCount() const override
    {
        return 0;
    }
    void answer(const QString &deliveryId, const QStringList &texts)
    {
        Bot::BotResponse response;
        response.deliveryId = deliveryId;
        response.deliveryIds = {deliveryId};
        for (const QString &text : texts) {
            Bot::BotReply reply;
            reply.kind = Bot::ReplyKind::Text;
            reply.text = text;
            response.items.append(reply);
        }
        Q_EMIT replied(deliveryId, response);
    }
    void fail(const QString &deliveryId)
    {
        Bot::BotError error;
        error.code = QStringLiteral("bot.http_5xx");
        error.message = QStringLiteral("The bot answered 503.");
        Q_EMIT deliveryFailed(deliveryId, error);
    }

    QStringList delivered;
    QList<Bot::BotEvent> events;

protected:
    void sendEvent(const Bot::BotEvent &event) override
    {
        delivered.append(event.deliveryId);
        events.append(event);
    }
};

LivePerson::CommandResult connectionClosed()
{
    LivePerson::ApiError error;
    error.kind = LivePerson::ApiErrorKind::NotConnected;
    error.message = QStringLiteral("The LivePerson connection closed (code 1006) before the answer came.");
    LivePerson::CommandResult result;
    result.error = error;
    return result;
}

QStringList texts(const QList<FakeAgentChannel::Command> &commands)
{
    QStringList out;
    for (const auto &command : commands) {
        out.append(command.text);
    }
    return out;
}

QString causeOf(const QJsonArray &metadata)
{
    for (const QJsonValue &value : metadata) {
        if (value.toObject().value(QStringLiteral("type")).toString() == QLatin1String("EscalationSummary")) {
            return value.toObject().value(QStringLiteral("escalationCause")).toString();
        }
    }
    return {};
}
} // namespace

class TestConnectorFaults : public QObject
{
    Q_OBJECT

private:
    struct Rig
    {
        QTemporaryDir dir;
        Test::FakeClock clock;
        std::unique_ptr<Storage::TranscriptStore> store;
        EventLog eventLog;
        std::unique_ptr<SessionEngine> engine;
        FakeAgentChannel *channel = nullptr;
        ScriptedBot *bot = nullptr;
        QString fallbackSkillId;
        QHash<QString, ConversationSnapshot> snapshots;
        QList<TranscriptEntry> entries;
        /** SessionSettings::returnMemoryAfterDeliveries for the next startEngine() (0 = never). */
        int returnMemoryAfter = 0;
        int memoryReturned = 0;
        /** SessionSettings::finishedRetentionCount / finishedRetentionMs for the next startEngine(). */
        int finishedRetentionCount = 1000;
        qint64 finishedRetentionMs = 15 * 60 * 1000;
    };

    /** A rig with its store open and its engine started; @p configure adjusts it before the start. */
    std::unique_ptr<Rig> makeRig(const QString &fallbackSkillId = QStringLiteral("2002"),
                                 const std::function<void(Rig &)> &configure = {})
    {
        auto rig = std::make_unique<Rig>();
        Storage::TranscriptStore::Options options;
        options.path = rig->dir.filePath(QStringLiteral("transcripts.sqlite"));
        rig->store = std::make_unique<Storage::TranscriptStore>(options);
        if (!rig->store->openAndWait()) {
            return nullptr;
        }
        rig->fallbackSkillId = fallbackSkillId;
        if (configure) {
            configure(*rig);
        }
        if (!startEngine(*rig)) {
            return nullptr;
        }
        return rig;
    }

    /** A (new) engine on the rig's store, as after a restart; waits until its channel is online. */
    bool startEngine(Rig &rig)
    {
        rig.engine.reset();
        rig.channel = nullptr;
        rig.bot = nullptr;
        SessionSettings settings;
        settings.integrationId = QStringLiteral("faults");
        settings.name = QStringLiteral("Faults");
        settings.botSkillId = QStringLiteral("1001");
        settings.fallbackSkillId = rig.fallbackSkillId;
        settings.tickMs = 1;
        settings.returnMemoryAfterDeliveries = rig.returnMemoryAfter;
        settings.returnMemoryIdleMs = 1;
        settings.finishedRetentionCount = rig.finishedRetentionCount;
        settings.finishedRetentionMs = rig.finishedRetentionMs;
        SessionParts parts;
        Rig *raw = &rig;
        parts.returnFreeMemory = [raw] { ++raw->memoryReturned; };
        parts.makeChannel = [raw](QObject *parent) {
            raw->channel = new FakeAgentChannel(parent);
            raw->channel->setAutoComplete(false);
            return raw->channel;
        };
        parts.makeBot = [raw](const QString &, QObject *parent) {
            raw->bot = new ScriptedBot(parent);
            return raw->bot;
        };
        rig.engine = std::make_unique<SessionEngine>(settings, parts, rig.store.get(), &rig.eventLog, rig.clock);
        connect(rig.engine.get(), &SessionEngine::ticked, this,
                [raw](const QList<ConversationSnapshot> &conversations, const QList<TranscriptEntry> &entries) {
                    for (const ConversationSnapshot &snapshot : conversations) {
                        raw->snapshots.insert(snapshot.id, snapshot);
                    }
                    raw->entries.append(entries);
                });
        rig.engine->start();
        return QTest::qWaitFor([raw] { return raw->channel && raw->channel->status().state == ChannelState::Online; });
    }

    /** Everything the engine enqueued in the store is committed. */
    static bool flushed(Rig &rig)
    {
        bool done = false;
        QObject context;
        rig.store->flush(&context, [&done] { done = true; });
        return QTest::qWaitFor([&done] { return done; });
    }

    static qint64 lastHandled(Rig &rig, const QString &dialogId)
    {
        if (!flushed(rig)) {
            return -2;
        }
        const Result<qint64> last = rig.store->lastHandledSequence(dialogId);
        return last.ok() ? last.value() : -2;
    }

    static QList<int> publishedIndexes(Rig &rig, const QString &deliveryId)
    {
        QList<int> indexes;
        bool done = false;
        QObject context;
        if (!flushed(rig)) {
            return {-2};
        }
        rig.store->fetchPublishedReplyIndexes(deliveryId, &context, [&](const Result<QList<int>> &result) {
            if (result.ok()) {
                indexes = result.value();
            }
            done = true;
        });
        if (!QTest::qWaitFor([&done] { return done; })) {
            return {-1};
        }
        return indexes;
    }

    static bool hasEntry(const Rig &rig, const QString &code)
    {
        for (const TranscriptEntry &entry : rig.entries) {
            if (entry.code == code) {
                return true;
            }
        }
        return false;
    }

    static QList<FakeAgentChannel::Command> pendingOf(Rig &rig, const QString &kind)
    {
        QList<FakeAgentChannel::Command> out;
        for (const auto &command : rig.channel->commands(kind)) {
            if (!command.completed) {
                out.append(command);
            }
        }
        return out;
    }

    /** Conversation "c1" with one consumer message handed to the bot; returns its delivery id. */
    static QString converse(Rig &rig, const QString &text = QStringLiteral("hello"))
    {
        if (!rig.channel->conversations().size()) {
            rig.channel->startConversation(QStringLiteral("c1"));
        }
        const LivePerson::ConversationMessage message = rig.channel->deliverMessage(QStringLiteral("c1"), text);
        return QStringLiteral("%1:%2").arg(message.dialogId).arg(message.sequence);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    /**
     * Campaign, engagement and language come from the conversation's context into every bot
     * event; conversations with the same context share one copy of them, and a conversation
     * without any sends none.
     */
    void botEventsCarryTheContextIds()
    {
        auto rig = makeRig();
        QVERIFY(rig);
        const auto conversationWith = [](const QString &id, const QJsonObject &context) {
            LivePerson::ConversationInfo info;
            info.conversationId = id;
            info.consumerId = QStringLiteral("consumer-") + id;
            info.skillId = QStringLiteral("1001");
            info.botAssigned = true;
            info.state = QStringLiteral("OPEN");
            LivePerson::DialogInfo dialog;
            dialog.dialogId = id;
            dialog.dialogType = QStringLiteral("MAIN");
            dialog.state = QStringLiteral("OPEN");
            dialog.channelType = QStringLiteral("MESSAGING");
            info.dialogs = {dialog};
            info.context = context;
            return info;
        };
        const QJsonObject context{{QStringLiteral("lang"), QStringLiteral("en-US")},
                                  {QStringLiteral("campaignInfo"),
                                   QJsonObject{{QStringLiteral("campaignId"), 42},
                                               {QStringLiteral("engagementId"), QStringLiteral("eng-7")}}}};
        const QStringList ids{QStringLiteral("c1"), QStringLiteral("c2"), QStringLiteral("c3")};
        rig->channel->startConversation(conversationWith(ids.at(0), context));
        rig->channel->startConversation(conversationWith(ids.at(1), context));
        rig->channel->startConversation(
            conversationWith(ids.at(2), {{QStringLiteral("type"), QStringLiteral("SharkContext")}}));
        for (const QString &id : ids) {
            rig->channel->deliverMessage(id, QStringLiteral("hello"));
        }
        QTRY_COMPARE(rig->bot->events.size(), 3);
        for (const Bot::BotEvent &event : std::as_const(rig->bot->events)) {
            if (event.conversationId == ids.at(2)) {
                QVERIFY(event.context.engagementId.isEmpty());
                QVERIFY(event.context.campaignId.isEmpty());
                QVERIFY(!event.context.visitor.contains(QStringLiteral("language")));
                continue;
            }
            QCOMPARE(event.context.engagementId, QStringLiteral("eng-7"));
            QCOMPARE(event.context.campaignId, QStringLiteral("42"));
            QCOMPARE(event.context.visitor.value(QStringLiteral("language")).toString(), QStringLiteral("en-US"));
            QCOMPARE(event.context.visitor.value(QStringLiteral("consumerId")).toString(),
                     QStringLiteral("consumer-") + event.conversationId);
        }
    }

    /**
     * Once a burst of deliveries (at least returnMemoryAfterDeliveries) has drained, free memory
     * goes back to the kernel, once; not while a delivery is still in flight.
     */
    void freeMemoryIsReturnedAfterABurst()
    {
        auto rig = makeRig(QStringLiteral("2002"), [](Rig &r) { r.returnMemoryAfter = 3; });
        QVERIFY(rig);
        const auto burst = [&rig](int round) {
            QStringList deliveries;
            for (int i = 0; i < 3; ++i) {
                const QString id = QStringLiteral("r%1c%2").arg(round).arg(i);
                rig->channel->startConversation(id);
                const LivePerson::ConversationMessage message = rig->channel->deliverMessage(id, QStringLiteral("hi"));
                deliveries.append(QStringLiteral("%1:%2").arg(message.dialogId).arg(message.sequence));
            }
            return deliveries;
        };
        QStringList deliveries = burst(1);
        QTRY_COMPARE(rig->bot->delivered.size(), 3);
        rig->bot->answer(deliveries.at(0), {QStringLiteral("one")});
        rig->bot->answer(deliveries.at(1), {QStringLiteral("two")});
        // One still in flight: the burst has not drained.
        QTRY_COMPARE(pendingOf(*rig, QStringLiteral("sendText")).size(), 2);
        QCOMPARE(rig->memoryReturned, 0);
        rig->bot->answer(deliveries.at(2), {QStringLiteral("three")});
        QTRY_COMPARE(rig->memoryReturned, 1);
        // The count starts again: the next burst returns memory once more.
        deliveries = burst(2);
        QTRY_COMPARE(rig->bot->delivered.size(), 6);
        for (const QString &delivery : std::as_const(deliveries)) {
            rig->bot->answer(delivery, {QStringLiteral("again")});
        }
        QTRY_COMPARE(rig->memoryReturned, 2);
    }

    /**
     * A return that more deliveries followed at once came before the burst's end (a stalled peer
     * left a gap): the rest of the burst needs only a tenth of returnMemoryAfterDeliveries, so what
     * it filled goes back too instead of staying until the next full burst.
     */
    void aPrematureMemoryReturnIsRepeatedAfterTheRestOfTheBurst()
    {
        auto rig = makeRig(QStringLiteral("2002"), [](Rig &r) { r.returnMemoryAfter = 20; });
        QVERIFY(rig);
        const auto deliver = [&rig](const QString &prefix, int count) {
            QStringList deliveries;
            for (int i = 0; i < count; ++i) {
                const QString id = QStringLiteral("%1c%2").arg(prefix).arg(i);
                rig->channel->startConversation(id);
                const LivePerson::ConversationMessage message = rig->channel->deliverMessage(id, QStringLiteral("hi"));
                deliveries.append(QStringLiteral("%1:%2").arg(message.dialogId).arg(message.sequence));
            }
            return deliveries;
        };
        const auto answerAll = [&rig](const QStringList &deliveries) {
            for (const QString &delivery : deliveries) {
                rig->bot->answer(delivery, {QStringLiteral("ok")});
            }
        };
        const QStringList first = deliver(QStringLiteral("a"), 20);
        QTRY_COMPARE(rig->bot->delivered.size(), 20);
        answerAll(first);
        QTRY_COMPARE(rig->memoryReturned, 1);
        // The burst goes on right away with 2 more: a tenth of 20 is enough for a second return.
        const QStringList rest = deliver(QStringLiteral("b"), 2);
        QTRY_COMPARE(rig->bot->delivered.size(), 22);
        answerAll(rest);
        QTRY_COMPARE(rig->memoryReturned, 2);
        // After that return the full count applies again while the burst goes on: one delivery
        // sets the tenth again (2), so one alone does not return memory.
        const QStringList one = deliver(QStringLiteral("c"), 1);
        QTRY_COMPARE(rig->bot->delivered.size(), 23);
        answerAll(one);
        QTRY_COMPARE(rig->channel->commands(QStringLiteral("sendText")).size(), 23);
        QTest::qWait(20); // the idle timer is 1 ms in this rig: it would have fired by now
        QCOMPARE(rig->memoryReturned, 2);
    }

    /**
     * Finished conversations leave the session's table: the oldest beyond finishedRetentionCount,
     * and any after finishedRetentionMs; not while the bot still owes an answer. Their transcripts
     * stay, and one that LivePerson hands the bot again starts afresh.
     */
    void finishedConversationsLeaveTheTable()
    {
        auto rig = makeRig(QStringLiteral("2002"), [](Rig &r) {
            r.finishedRetentionCount = 2;
            r.finishedRetentionMs = 60000;
        });
        QVERIFY(rig);
        QStringList removed;
        connect(rig->engine.get(), &SessionEngine::ticked, this,
                [&removed](const QList<ConversationSnapshot> &, const QList<TranscriptEntry> &, const SessionCounters &,
                           const HealthSnapshot &, const QStringList &gone) { removed += gone; });
        const auto tableIds = [&rig] {
            QStringList ids;
            for (const ConversationSnapshot &snapshot : rig->engine->conversations()) {
                ids.append(snapshot.id);
            }
            ids.sort();
            return ids;
        };
        const auto open = [&rig](const QString &id) {
            rig->channel->startConversation(id);
            const LivePerson::ConversationMessage message = rig->channel->deliverMessage(id, QStringLiteral("hi"));
            return QStringLiteral("%1:%2").arg(message.dialogId).arg(message.sequence);
        };
        const auto close = [&rig](const QString &id) {
            rig->channel->closeRemotely(id);
            // One tick per close, so the conversations finish in this order.
            return QTest::qWaitFor([&rig, id] { return rig->snapshots.value(id).status == ConversationStatus::Closed; });
        };
        for (int i = 0; i < 4; ++i) {
            const QString delivery = open(QStringLiteral("fin-%1").arg(i));
            QTRY_VERIFY(rig->bot->delivered.contains(delivery));
            rig->bot->answer(delivery, {QStringLiteral("answer %1").arg(i)});
            QTRY_COMPARE(pendingOf(*rig, QStringLiteral("sendText")).size(), 1);
            QVERIFY(rig->channel->completeCommand(pendingOf(*rig, QStringLiteral("sendText")).first().id));
        }
        const QString busyDelivery = open(QStringLiteral("busy"));
        QTRY_VERIFY(rig->bot->delivered.contains(busyDelivery));
        QTRY_COMPARE(rig->snapshots.size(), 5);

        QVERIFY(close(QStringLiteral("busy"))); // the bot still owes its answer: not finished
        for (int i = 0; i < 4; ++i) {
            QVERIFY(close(QStringLiteral("fin-%1").arg(i)));
        }
        QTRY_COMPARE(removed, (QStringList{QStringLiteral("fin-0"), QStringLiteral("fin-1")}));
        QCOMPARE(tableIds(), (QStringList{QStringLiteral("busy"), QStringLiteral("fin-2"), QStringLiteral("fin-3")}));

        // The late answer settles "busy" (a closed conversation gets nothing published): finished
        // now, it makes three, and the oldest finished one goes.
        rig->bot->answer(busyDelivery, {QStringLiteral("too late")});
        QTRY_COMPARE(removed.size(), 3);
        QCOMPARE(removed.last(), QStringLiteral("fin-2"));
        QCOMPARE(tableIds(), (QStringList{QStringLiteral("busy"), QStringLiteral("fin-3")}));

        // Past the retention time the rest go at the next tick.
        rig->clock.advance(60000);
        open(QStringLiteral("later"));
        QTRY_COMPARE(removed.size(), 5);
        QCOMPARE(tableIds(), QStringList{QStringLiteral("later")});

        // The transcript stays; LivePerson handing the conversation to the bot again starts it afresh.
        QVERIFY(flushed(*rig));
        const Result<Storage::Transcript> transcript = rig->store->transcript(QStringLiteral("fin-0"));
        QVERIFY(transcript.ok());
        QVERIFY(std::any_of(transcript.value().messages.cbegin(), transcript.value().messages.cend(),
                            [](const Storage::MessageRecord &m) { return m.text == QLatin1String("answer 0"); }));
        const QString again = open(QStringLiteral("fin-0"));
        QTRY_VERIFY(rig->bot->delivered.contains(again));
        QTRY_VERIFY(tableIds().contains(QStringLiteral("fin-0")));
    }

    /** The retention ends on time in an idle session too: no later activity is needed for a tick. */
    void finishedConversationLeavesAnIdleSession()
    {
        auto rig = makeRig(QStringLiteral("2002"), [](Rig &r) { r.finishedRetentionMs = 200; });
        QVERIFY(rig);
        QStringList removed;
        connect(rig->engine.get(), &SessionEngine::ticked, this,
                [&removed](const QList<ConversationSnapshot> &, const QList<TranscriptEntry> &, const SessionCounters &,
                           const HealthSnapshot &, const QStringList &gone) { removed += gone; });
        const QString delivery = converse(*rig);
        QTRY_VERIFY(rig->bot->delivered.contains(delivery));
        rig->bot->answer(delivery, {QStringLiteral("bye")});
        QTRY_COMPARE(pendingOf(*rig, QStringLiteral("sendText")).size(), 1);
        QVERIFY(rig->channel->completeCommand(pendingOf(*rig, QStringLiteral("sendText")).first().id));
        rig->channel->closeRemotely(QStringLiteral("c1"));
        QTRY_COMPARE(rig->snapshots.value(QStringLiteral("c1")).status, ConversationStatus::Closed);
        QVERIFY(removed.isEmpty());
        // Nothing happens from here on but the clock: the engine's own timer brings the tick. The
        // clock keeps moving while the test waits: the retention runs from the tick that found the
        // conversation finished, which can come after the one that showed it closed (under ASan
        // the reply's publication settles later), and a clock stopped at +200 ms would never pass it.
        const auto clockMovesOn = [&rig, &removed] {
            rig->clock.advance(50);
            return removed;
        };
        QTRY_COMPARE_WITH_TIMEOUT(clockMovesOn(), QStringList{QStringLiteral("c1")}, Test::scaledMs(3000));
    }

    // --- 1. replies and the channel ---------------------------------------------------------

    void replyHeldWhileReconnectingIsPublishedOnceOnline()
    {
        auto rig = makeRig();
        QVERIFY(rig);
        const QString delivery = converse(*rig);
        QCOMPARE(rig->bot->delivered, QStringList{delivery});

        rig->channel->setState(ChannelState::Reconnecting, QStringLiteral("socket dropped"));
        rig->bot->answer(delivery, {QStringLiteral("one"), QStringLiteral("two")});
        QTRY_VERIFY(hasEntry(*rig, QStringLiteral("connector.reply_held")));
        // Nothing tried on the wire, nothing recorded as published, the message not handled.
        QCOMPARE(rig->channel->commands(QStringLiteral("sendText")).size(), 0);
        QCOMPARE(publishedIndexes(*rig, delivery), QList<int>{});
        QCOMPARE(lastHandled(*rig, QStringLiteral("c1")), qint64(-1));

        rig->channel->setState(ChannelState::Online);
        QTRY_COMPARE(pendingOf(*rig, QStringLiteral("sendText")).size(), 1);
        rig->channel->completeCommand(pendingOf(*rig, QStringLiteral("sendText")).first().id);
        QTRY_COMPARE(pendingOf(*rig, QStringLiteral("sendText")).size(), 1);
        rig->channel->completeCommand(pendingOf(*rig, QStringLiteral("sendText")).first().id);
        QTRY_COMPARE(lastHandled(*rig, QStringLiteral("c1")), qint64(0));
        QCOMPARE(texts(rig->channel->commands(QStringLiteral("sendText"))),
                 (QStringList{QStringLiteral("one"), QStringLiteral("two")}));
        QCOMPARE(publishedIndexes(*rig, delivery), (QList<int>{0, 1}));
        QCOMPARE(rig->channel->commands(QStringLiteral("transferToSkill")).size(), 0);
    }

    void dropBetweenItemsHoldsTheRestAndNeverResends()
    {
        auto rig = makeRig();
        QVERIFY(rig);
        const QString delivery = converse(*rig);
        rig->bot->answer(delivery, {QStringLiteral("one"), QStringLiteral("two")});
        QTRY_COMPARE(pendingOf(*rig, QStringLiteral("sendText")).size(), 1);
        // "one" got its answer just before the socket dropped; "two" waits for the channel.
        rig->channel->setState(ChannelState::Reconnecting);
        rig->channel->completeCommand(pendingOf(*rig, QStringLiteral("sendText")).first().id);
        QTRY_VERIFY(hasEntry(*rig, QStringLiteral("connector.reply_held")));
        QCOMPARE(rig->channel->commands(QStringLiteral("sendText")).size(), 1);
        // A restart now would re-send "two" (not recorded as published) and skip "one".
        QCOMPARE(publishedIndexes(*rig, delivery), QList<int>{0});
        QCOMPARE(lastHandled(*rig, QStringLiteral("c1")), qint64(-1));

        rig->channel->setState(ChannelState::Online);
        QTRY_COMPARE(pendingOf(*rig, QStringLiteral("sendText")).size(), 1);
        rig->channel->completeCommand(pendingOf(*rig, QStringLiteral("sendText")).first().id);
        QTRY_COMPARE(lastHandled(*rig, QStringLiteral("c1")), qint64(0));
        QCOMPARE(texts(rig->channel->commands(QStringLiteral("sendText"))),
                 (QStringList{QStringLiteral("one"), QStringLiteral("two")}));
    }

    void ambiguousPublishFailureEscalatesInsteadOfResending()
    {
        auto rig = makeRig();
        QVERIFY(rig);
        QSignalSpy finished(rig->engine.get(), &SessionEngine::escalationFinished);
        const QString delivery = converse(*rig);
        rig->bot->answer(delivery, {QStringLiteral("one")});
        QTRY_COMPARE(pendingOf(*rig, QStringLiteral("sendText")).size(), 1);
        // Sent, then the socket closed before the answer: it may have arrived.
        rig->channel->setState(ChannelState::Reconnecting);
        rig->channel->completeCommand(pendingOf(*rig, QStringLiteral("sendText")).first().id, connectionClosed());
        QTRY_VERIFY(hasEntry(*rig, QStringLiteral("liveperson.publish_failed")));
        QCOMPARE(lastHandled(*rig, QStringLiteral("c1")), qint64(-1));

        rig->channel->setState(ChannelState::Online);
        QTRY_COMPARE(pendingOf(*rig, QStringLiteral("transferToSkill")).size(), 1);
        const auto transfer = pendingOf(*rig, QStringLiteral("transferToSkill")).first();
        QCOMPARE(transfer.skillId, QStringLiteral("2002"));
        QCOMPARE(causeOf(transfer.metadata), QStringLiteral("liveperson.publish_failed"));
        rig->channel->completeCommand(transfer.id);
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(1).toBool(), true);
        QTRY_COMPARE(rig->snapshots.value(QStringLiteral("c1")).status, ConversationStatus::Escalated);
        QCOMPARE(lastHandled(*rig, QStringLiteral("c1")), qint64(0));
        QCOMPARE(rig->channel->commands(QStringLiteral("sendText")).size(), 1); // never re-sent
    }

    void ambiguousPublishFailureWithoutFallbackAlerts()
    {
        auto rig = makeRig(QString());
        QVERIFY(rig);
        QSignalSpy alerts(rig->engine.get(), &SessionEngine::alertRaised);
        const QString delivery = converse(*rig);
        rig->bot->answer(delivery, {QStringLiteral("one")});
        QTRY_COMPARE(pendingOf(*rig, QStringLiteral("sendText")).size(), 1);
        rig->channel->completeCommand(pendingOf(*rig, QStringLiteral("sendText")).first().id, connectionClosed());
        QTRY_COMPARE(alerts.size(), 1);
        QVERIFY(alerts.first().first().toString().contains(QStringLiteral("c1")));
        QCOMPARE(rig->channel->commands(QStringLiteral("sendText")).size(), 1);
    }

    static LivePerson::ConversationMessage ownText(qint64 sequence, const QString &text)
    {
        LivePerson::ConversationMessage message;
        message.conversationId = QStringLiteral("c1");
        message.dialogId = QStringLiteral("c1");
        message.sequence = sequence;
        message.originatorRole = QStringLiteral("ASSIGNED_AGENT");
        message.text = text;
        return message;
    }

    /**
     * SIGKILL after the write-ahead record of "two" and before LivePerson's answer; the restarted
     * engine reads LivePerson's history: "two" there → not sent again; missing → sent now (and
     * said so); the history unreadable or not telling → not sent again, noted.
     */
    void restartWithUnknownOutcomeAsksTheHistory_data()
    {
        QTest::addColumn<QStringList>("history"); // the agent's own texts after the consumer's message
        QTest::addColumn<int>("historyError");    // 0 none, 1 network error, 2 connection lost
        QTest::addColumn<bool>("offlineWhenAnswered");
        QTest::addColumn<int>("reads");
        QTest::addColumn<bool>("resent");
        QTest::addColumn<QString>("note");
        const QString resent = QStringLiteral("connector.resent_after_restart");
        const QString unknown = QStringLiteral("connector.unknown_publish_after_restart");
        const QStringList one{QStringLiteral("one")};
        QTest::newRow("arrived") << QStringList{QStringLiteral("one"), QStringLiteral("two")} << 0 << false << 1
                                 << false << QString();
        QTest::newRow("missing") << one << 0 << false << 1 << true << resent;
        QTest::newRow("history unreadable") << one << 1 << false << 1 << false << unknown;
        QTest::newRow("answer differs") << QStringList{QStringLiteral("one"), QStringLiteral("deux")} << 0 << false
                                        << 1 << false << unknown;
        QTest::newRow("connection lost during the read") << one << 2 << false << 2 << true << resent;
        QTest::newRow("offline when the bot answers") << one << 0 << true << 1 << true << resent;
    }

    void restartWithUnknownOutcomeAsksTheHistory()
    {
        QFETCH(QStringList, history);
        QFETCH(int, historyError);
        QFETCH(bool, offlineWhenAnswered);
        QFETCH(int, reads);
        QFETCH(bool, resent);
        QFETCH(QString, note);
        auto rig = makeRig();
        QVERIFY(rig);
        const QString delivery = converse(*rig);
        rig->bot->answer(delivery, {QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("three")});
        QTRY_COMPARE(pendingOf(*rig, QStringLiteral("sendText")).size(), 1);
        rig->channel->completeCommand(pendingOf(*rig, QStringLiteral("sendText")).first().id);
        QTRY_COMPARE(pendingOf(*rig, QStringLiteral("sendText")).size(), 1);
        QCOMPARE(publishedIndexes(*rig, delivery), (QList<int>{0, 1}));

        QVERIFY(startEngine(*rig)); // the old engine dies with "two" sent and unanswered
        QList<LivePerson::ConversationMessage> own;
        for (const QString &text : std::as_const(history)) {
            own.append(ownText(own.size() + 1, text));
        }
        rig->channel->setOwnHistory(QStringLiteral("c1"), own);
        if (historyError != 0) {
            rig->channel->failNext(QStringLiteral("fetchOwnMessages"),
                                   LivePerson::ApiError::make(historyError == 1 ? LivePerson::ApiErrorKind::Network
                                                                                : LivePerson::ApiErrorKind::NotConnected,
                                                              QStringLiteral("reset")));
        }
        rig->channel->startConversation(QStringLiteral("c1"));
        LivePerson::ConversationMessage again;
        again.conversationId = QStringLiteral("c1");
        again.dialogId = QStringLiteral("c1");
        again.sequence = 0;
        again.originatorRole = QStringLiteral("CONSUMER");
        again.text = QStringLiteral("hello");
        again.recovered = true;
        rig->channel->deliverMessage(again);
        QCOMPARE(rig->bot->delivered, QStringList{delivery});
        if (offlineWhenAnswered) {
            rig->channel->setState(ChannelState::Reconnecting);
        }
        rig->bot->answer(delivery, {QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("three")});
        if (offlineWhenAnswered) {
            // Nothing goes out and the history waits for the connection.
            QVERIFY(flushed(*rig));
            QVERIFY(flushed(*rig));
            QCOMPARE(rig->channel->ownHistoryReads(), 0);
            QCOMPARE(rig->channel->commands(QStringLiteral("sendText")).size(), 0);
            rig->channel->setState(ChannelState::Online);
        }
        QTRY_COMPARE(pendingOf(*rig, QStringLiteral("sendText")).size(), 1);
        QCOMPARE(rig->channel->ownHistoryReads(), reads);
        if (resent) {
            QCOMPARE(rig->channel->commands(QStringLiteral("sendText")).first().text, QStringLiteral("two"));
            rig->channel->completeCommand(pendingOf(*rig, QStringLiteral("sendText")).first().id);
            QTRY_COMPARE(pendingOf(*rig, QStringLiteral("sendText")).size(), 1);
        }
        // "one" is never sent again; "three" (never recorded) goes out.
        QCOMPARE(pendingOf(*rig, QStringLiteral("sendText")).first().text, QStringLiteral("three"));
        rig->channel->completeCommand(pendingOf(*rig, QStringLiteral("sendText")).first().id);
        QTRY_COMPARE(lastHandled(*rig, QStringLiteral("c1")), qint64(0));
        QCOMPARE(rig->channel->commands(QStringLiteral("sendText")).size(), resent ? 2 : 1);
        QCOMPARE(rig->channel->commands(QStringLiteral("transferToSkill")).size(), 0);
        // The transcript lines come in the engine's next tick: "three" is the last of them.
        QTRY_VERIFY(std::any_of(rig->entries.cbegin(), rig->entries.cend(), [](const TranscriptEntry &entry) {
            return entry.text == QLatin1String("three");
        }));
        QCOMPARE(hasEntry(*rig, QStringLiteral("connector.resent_after_restart")),
                 note == QLatin1String("connector.resent_after_restart"));
        QCOMPARE(hasEntry(*rig, QStringLiteral("connector.unknown_publish_after_restart")),
                 note == QLatin1String("connector.unknown_publish_after_restart"));
    }

    /** The verdict on the last recorded item, over the shapes of history a restart can meet. */
    void historyVerdicts_data()
    {
        QTest::addColumn<QStringList>("answer");
        QTest::addColumn<QList<int>>("recorded");
        QTest::addColumn<QStringList>("history");
        QTest::addColumn<int>("verdict");
        const int arrived = int(SessionEngine::HistoryVerdict::Arrived);
        const int missing = int(SessionEngine::HistoryVerdict::Missing);
        const int unclear = int(SessionEngine::HistoryVerdict::Unclear);
        const QStringList ab{QStringLiteral("a"), QStringLiteral("b")};
        QTest::newRow("one item, nothing after the message") << QStringList{QStringLiteral("a")} << QList<int>{0}
                                                             << QStringList{} << missing;
        QTest::newRow("one item, there") << QStringList{QStringLiteral("a")} << QList<int>{0}
                                         << QStringList{QStringLiteral("a")} << arrived;
        QTest::newRow("one item, after a late earlier answer")
            << QStringList{QStringLiteral("a")} << QList<int>{0} << QStringList{QStringLiteral("x"), QStringLiteral("a")}
            << arrived;
        QTest::newRow("one item, only something else there")
            << QStringList{QStringLiteral("a")} << QList<int>{0} << QStringList{QStringLiteral("x")} << unclear;
        QTest::newRow("two items, both there") << ab << QList<int>{0, 1} << ab << arrived;
        QTest::newRow("two items, the last missing") << ab << QList<int>{0, 1} << QStringList{QStringLiteral("a")}
                                                     << missing;
        QTest::newRow("two items, after late earlier answers")
            << ab << QList<int>{0, 1} << QStringList{QStringLiteral("x"), QStringLiteral("a")} << missing;
        QTest::newRow("repeated text fits both")
            << QStringList{QStringLiteral("ok"), QStringLiteral("ok")} << QList<int>{0, 1}
            << QStringList{QStringLiteral("ok"), QStringLiteral("ok")} << unclear;
        QTest::newRow("answer differs") << ab << QList<int>{0, 1} << QStringList{QStringLiteral("c")} << unclear;
        QTest::newRow("recorded twice (a restart before)") << ab << QList<int>{1, 0, 1}
                                                           << QStringList{QStringLiteral("a")} << missing;
        QTest::newRow("a card missing after a text")
            << QStringList{QStringLiteral("a"), QStringLiteral("<card:b>")} << QList<int>{0, 1}
            << QStringList{QStringLiteral("a")} << missing;
        QTest::newRow("a card there") << QStringList{QStringLiteral("a"), QStringLiteral("<card:b>")} << QList<int>{0, 1}
                                      << QStringList{QStringLiteral("a"), QStringLiteral("<card:b>")} << arrived;
        QTest::newRow("a different card")
            << QStringList{QStringLiteral("<card:b>")} << QList<int>{0} << QStringList{QStringLiteral("<card:c>")}
            << unclear;
        QTest::newRow("delays are not messages")
            << QStringList{QStringLiteral("a"), QStringLiteral("<delay>"), QStringLiteral("b")} << QList<int>{0, 1, 2}
            << QStringList{QStringLiteral("a")} << missing;
    }

    void historyVerdicts()
    {
        QFETCH(QStringList, answer);
        QFETCH(QList<int>, recorded);
        QFETCH(QStringList, history);
        QFETCH(int, verdict);
        // "<card:x>" stands for a card with the text x.
        const auto cardOf = [](const QString &text) -> std::optional<QJsonObject> {
            if (!text.startsWith(QLatin1String("<card:"))) {
                return std::nullopt;
            }
            return QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                               {QStringLiteral("text"), text.mid(6).chopped(1)}};
        };
        QList<Bot::BotReply> items;
        for (const QString &text : std::as_const(answer)) {
            Bot::BotReply item;
            item.kind = text == QLatin1String("<delay>") ? Bot::ReplyKind::Delay : Bot::ReplyKind::Text;
            item.text = text;
            if (const auto card = cardOf(text)) {
                item.kind = Bot::ReplyKind::StructuredContent;
                item.text.clear();
                item.structuredContent = *card;
            }
            items.append(item);
        }
        QList<LivePerson::ConversationMessage> own;
        for (const QString &text : std::as_const(history)) {
            own.append(ownText(own.size() + 1, text));
            if (const auto card = cardOf(text)) {
                own.last().kind = LivePerson::MessageKind::RichContent;
                own.last().text.clear();
                own.last().content = *card;
            }
        }
        QCOMPARE(int(SessionEngine::judgeHistory(items, recorded, own)), verdict);
    }

    /** Restart after a confirmed send (message not yet handled): skipped, no escalation. */
    void restartAfterConfirmedSendSkipsQuietly()
    {
        auto rig = makeRig();
        QVERIFY(rig);
        const QString delivery = converse(*rig);
        rig->bot->answer(delivery, {QStringLiteral("one"), QStringLiteral("two")});
        QTRY_COMPARE(pendingOf(*rig, QStringLiteral("sendText")).size(), 1);
        rig->channel->completeCommand(pendingOf(*rig, QStringLiteral("sendText")).first().id);
        // "two" is recorded as published before it is sent.
        QTRY_COMPARE(pendingOf(*rig, QStringLiteral("sendText")).size(), 1);
        QCOMPARE(publishedIndexes(*rig, delivery), (QList<int>{0, 1}));
        QVERIFY(flushed(*rig));

        // "two" is answered before the kill: both confirmed, so nothing is re-sent and nothing escalated.
        rig->channel->completeCommand(pendingOf(*rig, QStringLiteral("sendText")).first().id);
        QTRY_COMPARE(lastHandled(*rig, QStringLiteral("c1")), qint64(0));
        QVERIFY(startEngine(*rig));
        rig->channel->startConversation(QStringLiteral("c1"));
        LivePerson::ConversationMessage again;
        again.conversationId = QStringLiteral("c1");
        again.dialogId = QStringLiteral("c1");
        again.sequence = 0;
        again.originatorRole = QStringLiteral("CONSUMER");
        again.text = QStringLiteral("hello");
        again.recovered = true;
        rig->channel->deliverMessage(again);
        rig->bot->answer(delivery, {QStringLiteral("one"), QStringLiteral("two")});
        // Two store round trips: the published indexes, then the transcript the check reads.
        QVERIFY(flushed(*rig));
        QVERIFY(flushed(*rig));
        QVERIFY(flushed(*rig));
        QCOMPARE(rig->channel->commands().size(), 0);
        QVERIFY(!hasEntry(*rig, QStringLiteral("connector.unknown_publish_after_restart")));
    }

    // --- 2. escalations and the channel -----------------------------------------------------

    void transferFailedByTheConnectionIsRetriedOnceOnline()
    {
        auto rig = makeRig();
        QVERIFY(rig);
        QSignalSpy finished(rig->engine.get(), &SessionEngine::escalationFinished);
        const QString first = converse(*rig);
        rig->bot->fail(first);
        QTRY_COMPARE(pendingOf(*rig, QStringLiteral("transferToSkill")).size(), 1);
        rig->channel->setState(ChannelState::Reconnecting);
        rig->channel->completeCommand(pendingOf(*rig, QStringLiteral("transferToSkill")).first().id,
                                      connectionClosed());
        QTRY_VERIFY(hasEntry(*rig, QStringLiteral("escalation.retry")));
        QVERIFY(!hasEntry(*rig, QStringLiteral("escalation.failed")));
        QCOMPARE(finished.size(), 0);

        // The consumer writes while the transfer waits: recorded, not sent to the bot, not lost.
        const QString second = converse(*rig, QStringLiteral("anyone there?"));
        QTRY_VERIFY(hasEntry(*rig, QStringLiteral("connector.during_escalation")));
        QCOMPARE(rig->bot->delivered, QStringList{first});
        QCOMPARE(lastHandled(*rig, QStringLiteral("c1")), qint64(-1));

        rig->channel->setState(ChannelState::Online);
        QTRY_COMPARE(pendingOf(*rig, QStringLiteral("transferToSkill")).size(), 1);
        rig->channel->completeCommand(pendingOf(*rig, QStringLiteral("transferToSkill")).first().id);
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(1).toBool(), true);
        QTRY_COMPARE(rig->snapshots.value(QStringLiteral("c1")).status, ConversationStatus::Escalated);
        QCOMPARE(rig->channel->commands(QStringLiteral("transferToSkill")).size(), 2);
        QCOMPARE(lastHandled(*rig, QStringLiteral("c1")), qint64(1));
        QVERIFY(second.endsWith(QStringLiteral(":1")));
    }

    void announcedTransferSettlesTheRetry()
    {
        auto rig = makeRig();
        QVERIFY(rig);
        QSignalSpy finished(rig->engine.get(), &SessionEngine::escalationFinished);
        rig->bot->fail(converse(*rig));
        QTRY_COMPARE(pendingOf(*rig, QStringLiteral("transferToSkill")).size(), 1);
        rig->channel->setState(ChannelState::Reconnecting);
        rig->channel->completeCommand(pendingOf(*rig, QStringLiteral("transferToSkill")).first().id,
                                      connectionClosed());
        QTRY_VERIFY(hasEntry(*rig, QStringLiteral("escalation.retry")));
        // The transfer did go through: LivePerson says so after the reconnect.
        rig->channel->transferRemotely(QStringLiteral("c1"), QStringLiteral("2002"));
        rig->channel->setState(ChannelState::Online);
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(1).toBool(), true);
        QTRY_COMPARE(rig->snapshots.value(QStringLiteral("c1")).status, ConversationStatus::Escalated);
        // The resume queued by the Online state ran before the store's flush answer came back.
        QVERIFY(flushed(*rig));
        QCOMPARE(rig->channel->commands(QStringLiteral("transferToSkill")).size(), 1);
        QCOMPARE(lastHandled(*rig, QStringLiteral("c1")), qint64(0));
    }

    void transferGivesUpAfterThreeConnectionFailures()
    {
        auto rig = makeRig();
        QVERIFY(rig);
        QSignalSpy alerts(rig->engine.get(), &SessionEngine::alertRaised);
        QSignalSpy finished(rig->engine.get(), &SessionEngine::escalationFinished);
        rig->bot->fail(converse(*rig));
        for (int attempt = 1; attempt <= 3; ++attempt) {
            QTRY_COMPARE(pendingOf(*rig, QStringLiteral("transferToSkill")).size(), 1);
            rig->channel->setState(ChannelState::Reconnecting);
            rig->channel->completeCommand(pendingOf(*rig, QStringLiteral("transferToSkill")).first().id,
                                          connectionClosed());
            rig->channel->setState(ChannelState::Online);
        }
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(1).toBool(), false);
        QTRY_VERIFY(hasEntry(*rig, QStringLiteral("escalation.failed")));
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(rig->channel->commands(QStringLiteral("transferToSkill")).size(), 3);
        QCOMPARE(lastHandled(*rig, QStringLiteral("c1")), qint64(0));
        QTRY_COMPARE(rig->snapshots.value(QStringLiteral("c1")).status, ConversationStatus::Open);
    }

    void refusedTransferFailsAtOnce()
    {
        auto rig = makeRig();
        QVERIFY(rig);
        QSignalSpy finished(rig->engine.get(), &SessionEngine::escalationFinished);
        rig->bot->fail(converse(*rig));
        QTRY_COMPARE(pendingOf(*rig, QStringLiteral("transferToSkill")).size(), 1);
        LivePerson::CommandResult refused;
        LivePerson::ApiError error;
        error.kind = LivePerson::ApiErrorKind::Http;
        error.status = 400;
        error.message = QStringLiteral("Bad skill.");
        refused.error = error;
        rig->channel->completeCommand(pendingOf(*rig, QStringLiteral("transferToSkill")).first().id, refused);
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(1).toBool(), false);
        QCOMPARE(rig->channel->commands(QStringLiteral("transferToSkill")).size(), 1);
    }

    // --- the welcome setting (SessionFactory passes it on as SessionSettings::sendWelcome) -----

    void sendWelcomeSettingRoundTripsAndDefaultsToOff()
    {
        Storage::IntegrationDefinition definition;
        definition.bot.sendWelcome = true;
        QJsonObject json = definition.toJson();
        QCOMPARE(json.value(QStringLiteral("bot")).toObject().value(QStringLiteral("sendWelcome")), QJsonValue(true));
        const QString path = QStringLiteral("integrations[0]");
        QList<Storage::FieldError> errors;
        QVERIFY(Storage::IntegrationDefinition::fromJson(json, path, &errors).bot.sendWelcome);
        const auto welcomeErrors = [&errors] {
            return std::count_if(errors.cbegin(), errors.cend(), [](const Storage::FieldError &error) {
                return error.path.endsWith(QLatin1String(".sendWelcome"));
            });
        };
        QCOMPARE(welcomeErrors(), 0);

        QJsonObject bot = json.value(QStringLiteral("bot")).toObject();
        bot.remove(QStringLiteral("sendWelcome"));
        json.insert(QStringLiteral("bot"), bot);
        errors.clear();
        const auto absent = Storage::IntegrationDefinition::fromJson(json, path, &errors);
        QVERIFY(!absent.bot.sendWelcome);
        QVERIFY(!absent.bot.unknownFields.contains(QStringLiteral("sendWelcome")));
        QCOMPARE(welcomeErrors(), 0);

        bot.insert(QStringLiteral("sendWelcome"), QStringLiteral("yes"));
        json.insert(QStringLiteral("bot"), bot);
        errors.clear();
        Storage::IntegrationDefinition::fromJson(json, path, &errors);
        QCOMPARE(welcomeErrors(), 1);
    }
};

QTEST_GUILESS_MAIN(TestConnectorFaults)
#include "tst_connector_faults.moc"
