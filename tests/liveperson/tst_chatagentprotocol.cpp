// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "liveperson/ChatAgentProtocol.h"

#include <QJsonDocument>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace Switchboard::LivePerson;
using namespace Switchboard::LivePerson::Chat;

namespace
{
/** JSON written with single quotes (keeps the test data readable without raw strings, which moc mis-reads). */
QByteArray json(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}
} // namespace

/**
 * The Chat Agent API's pure parsers and body builders (reference §5): link objects and arrays,
 * locations, incoming requests, events (array, single object, none, unknown types, bad ids),
 * chat resources, transfer skills, visitor-line mapping, bodies, query and link rules.
 */
class TestChatAgentProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void links()
    {
        auto one = parseLinks(QJsonObject{{u"@href"_s, u"https://h/a"_s}, {u"@rel"_s, u"self"_s}});
        QVERIFY(one.ok());
        QCOMPARE(one->size(), 1);
        QCOMPARE(one->first().rel, u"self"_s);
        auto many = parseLinks(QJsonArray{QJsonObject{{u"@href"_s, u"x"_s}, {u"@rel"_s, u"self"_s}},
                                          QJsonObject{{u"@href"_s, u"y"_s}, {u"@rel"_s, u"next"_s}}});
        QVERIFY(many.ok());
        QCOMPARE(linkHref(*many, u"next"_s), u"y"_s);
        QVERIFY(linkHref(*many, u"transfer"_s).isEmpty());
        QVERIFY(parseLinks(QJsonValue()).ok());
        QVERIFY(!parseLinks(QJsonValue(3)).ok());
        QVERIFY(!parseLinks(QJsonArray{QJsonObject{{u"@rel"_s, u"self"_s}}}).ok());
    }

    void location()
    {
        const QByteArray body = json(
            "{'agentSessionLocation':{'link':{'@href':'https://h/api/account/1/agentSession/abc','@rel':'location'}}}");
        auto href = parseLocation(body, u"agentSessionLocation"_s);
        QVERIFY(href.ok());
        QCOMPARE(*href, u"https://h/api/account/1/agentSession/abc"_s);
        QVERIFY(!parseLocation(body, u"chatLocation"_s).ok());
        QVERIFY(!parseLocation("not json", u"chatLocation"_s).ok());
        QVERIFY(!parseLocation(json("{'chatLocation':{'link':[]}}"), u"chatLocation"_s).ok());
        QCOMPARE(chatIdFromHref(u"https://h/api/account/1/agentSession/abc/chat/C42"_s), u"C42"_s);
        QCOMPARE(chatIdFromHref(u"https://h/x/chat/C42.json?v=1"_s), u"C42"_s);
    }

    void incomingRequests()
    {
        auto none = parseIncomingRequests(json("{'incomingRequests':{'ringingCount':'0'}}"));
        QVERIFY(none.ok());
        QCOMPARE(none->ringingCount, 0);
        QVERIFY(none->takeHref.isEmpty());
        auto ringing = parseIncomingRequests(json(
            "{'incomingRequests':{'ringingCount':2,'link':{'@href':'https://h/s/incomingRequests','@rel':'take'}}}"));
        QVERIFY(ringing.ok());
        QCOMPARE(ringing->ringingCount, 2);
        QCOMPARE(ringing->takeHref, u"https://h/s/incomingRequests"_s);
        // Strict: a ring without a link to take it, a negative or missing count.
        QVERIFY(!parseIncomingRequests(json("{'incomingRequests':{'ringingCount':'1'}}")).ok());
        QVERIFY(!parseIncomingRequests(json("{'incomingRequests':{'ringingCount':'-1'}}")).ok());
        QVERIFY(!parseIncomingRequests(json("{'incomingRequests':{}}")).ok());
        QVERIFY(!parseIncomingRequests(json("[]")).ok());
    }

    void eventsArray()
    {
        const QByteArray body = json(
            "{'events':{'link':[{'@rel':'self','@href':'https://h/c/1/events'}, "
            "{'@rel':'next','@href':'https://h/c/1/events?from=5'}], 'event':[ "
            "{'@id':'4','@type':'line','time':'2026-11-24T08:00:01.000+02:00','text':'second','textType':'plain','by':'"
            "visitor','source':'visitor','subType':'REGULAR'}, "
            "{'@id':3,'@type':'line','text':'first','textType':'plain','source':'visitor','metadata':[{'type':'"
            "ExternalId','id':'x'}]}, {'@id':'2','@type':'state','state':'chatting'}, "
            "{'@id':'1','@type':'line','text':'hello from agent','textType':'html','source':'agent','by':'agent'}]}}");
        auto page = parseChatEvents(body);
        QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().message));
        QCOMPARE(page->events.size(), 4);
        QCOMPARE(page->events.at(0).id, 1); // sorted by @id
        QCOMPARE(page->events.at(3).id, 4);
        QCOMPARE(page->nextHref, u"https://h/c/1/events?from=5"_s);
        QVERIFY(page->skipped.isEmpty());
        const ChatEvent &second = page->events.at(3);
        QCOMPARE(second.text, u"second"_s);
        QVERIFY(second.isVisitorLine());
        QCOMPARE(second.timeMs, QDateTime(QDate(2026, 11, 24), QTime(6, 0, 1), Qt::UTC).toMSecsSinceEpoch());
        QVERIFY(!page->events.at(0).isVisitorLine());
        QCOMPARE(page->events.at(1).type, EventType::State);
        QCOMPARE(page->events.at(2).metadata.size(), 1);
    }

    void eventObjectInsteadOfArray()
    {
        // When there is exactly one event the API sends an object (reference §5).
        auto page = parseChatEvents(json("{'events':{'link':{'@rel':'next','@href':'n?from=8'},'event':{'@id':'7','@"
                                         "type':'line','text':'only','source':'visitor'}}}"));
        QVERIFY(page.ok());
        QCOMPARE(page->events.size(), 1);
        QCOMPARE(page->events.first().id, 7);
        QCOMPARE(page->nextHref, u"n?from=8"_s);
        auto empty = parseChatEvents(json("{'events':{'link':[{'@rel':'next','@href':'n?from=8'}]}}"));
        QVERIFY(empty.ok());
        QVERIFY(empty->events.isEmpty());
    }

    void unknownAndBrokenEventsAreSkippedWithReasons()
    {
        auto page = parseChatEvents(json(
            "{'events':{'event':[ {'@id':'1','@type':'url','url':'https://x'}, {'@type':'line','text':'no "
            "id','source':'visitor'}, {'@id':'-3','@type':'line','text':'negative','source':'visitor'}, "
            "{'@id':'4','@type':'line','text':42,'source':'visitor'}, "
            "{'@id':'5','@type':'line','textType':'rich-content','source':'visitor'}, {'@id':'6','@type':'state'}, "
            "'text', {'@id':'7','@type':'line','text':'fine','source':'visitor'}]}}"));
        QVERIFY(page.ok());
        QCOMPARE(page->events.size(), 1);
        QCOMPARE(page->events.first().id, 7);
        QCOMPARE(page->skipped.size(), 7);
        QVERIFY(page->skipped.first().reason.contains(u"url"_s));
        QCOMPARE(page->skipped.first().id, u"1"_s);
        for (const SkippedEvent &skipped : page->skipped) {
            QVERIFY(!skipped.reason.isEmpty());
        }
    }

    void hostileDocumentsFailCleanly()
    {
        const QList<QByteArray> bodies{"",
                                       "{",
                                       "[]",
                                       "null",
                                       json("{'events':[]}"),
                                       json("{'events':{'event':3}}"),
                                       json("{'events':{'link':5}}"),
                                       json("{'chat':{'error':{'message':'no such chat'}}}"),
                                       json("{'chat':{'info':[]}}"),
                                       json("{'chat':{'events':'x'}}")};
        for (const QByteArray &body : bodies) {
            QVERIFY2(!parseChatEvents(body).ok(), body.constData());
            QVERIFY(!parseChatResource(body).ok());
            QVERIFY(!parseTransferSkills(body).ok());
            QVERIFY(!parseIncomingRequests(body).ok());
        }
    }

    void chatResource()
    {
        const QByteArray body =
            json("{'chat':{ "
                 "'link':[{'@rel':'self','@href':'https://h/s/chat/C1'},{'@rel':'events','@href':'https://h/s/chat/C1/"
                 "events'}, {'@rel':'transfer','@href':'https://h/s/chat/C1/transfer'}], "
                 "'events':{'link':[{'@rel':'next','@href':'https://h/s/chat/C1/events?from=3'}], "
                 "'event':[{'@id':'0','@type':'state','state':'chatting'}, "
                 "{'@id':'1','@type':'line','text':'hi','source':'visitor','textType':'plain'}, "
                 "{'@id':'2','@type':'line','textType':'rich-content','json':{'type':'vertical','elements':[]},'source'"
                 ":'visitor'}]}, "
                 "'info':{'state':'chatting','visitorId':'V9','visitorName':'Ann','skillId':1003,'startTime':'2026-11-"
                 "24T08:00:00.000+00:00','chatTimeout':40}}}");
        auto chat = parseChatResource(body);
        QVERIFY2(chat.ok(), qPrintable(chat.ok() ? QString() : chat.error().message));
        QCOMPARE(chat->visitorId, u"V9"_s);
        QCOMPARE(chat->skillId, u"1003"_s);
        QCOMPARE(chat->state, u"chatting"_s);
        QCOMPARE(chat->eventsHref, u"https://h/s/chat/C1/events?from=3"_s);
        QCOMPARE(linkHref(chat->links, u"transfer"_s), u"https://h/s/chat/C1/transfer"_s);
        QCOMPARE(chat->events.events.size(), 3);
        QVERIFY(chat->startTimeMs > 0);

        const auto text = toConversationMessage(chat->events.events.at(1), u"C1"_s);
        QVERIFY(text.has_value());
        QCOMPARE(text->kind, MessageKind::Text);
        QCOMPARE(text->sequence, 1);
        QCOMPARE(text->dialogId, u"C1"_s);
        QCOMPARE(text->originatorRole, u"CONSUMER"_s);
        const auto card = toConversationMessage(chat->events.events.at(2), u"C1"_s);
        QVERIFY(card.has_value());
        QCOMPARE(card->kind, MessageKind::RichContent);
        QCOMPARE(card->content.value(u"type"_s).toString(), u"vertical"_s);
        QVERIFY(!toConversationMessage(chat->events.events.at(0), u"C1"_s).has_value());

        // Without an events page the chat's own links say where to poll.
        auto bare = parseChatResource(json("{'chat':{'link':[{'@rel':'events','@href':'e'}],'info':{}}}"));
        QVERIFY(bare.ok());
        QCOMPARE(bare->eventsHref, u"e"_s);
    }

    void transferSkills()
    {
        auto list = parseTransferSkills(json(
            "{'transfer':{'skill':[{'id':'25975313','name':'Sales','onlineAgents':'1'},{'id':7,'name':'Care'}]}}"));
        QVERIFY(list.ok());
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->at(0).onlineAgents, 1);
        QCOMPARE(list->at(1).id, u"7"_s);
        QCOMPARE(list->at(1).onlineAgents, -1);
        auto single = parseTransferSkills(json("{'transfer':{'skill':{'id':'2','name':'Only'}}}"));
        QVERIFY(single.ok());
        QCOMPARE(single->size(), 1);
        auto none = parseTransferSkills(json("{'transfer':{}}"));
        QVERIFY(none.ok());
        QVERIFY(none->isEmpty());
        QVERIFY(!parseTransferSkills(json("{'transfer':{'skill':[{'name':'no id'}]}}")).ok());
    }

    void bodies()
    {
        QCOMPARE(availabilityBody(u"Online"_s),
                 (QJsonObject{{u"availability"_s, QJsonObject{{u"chat"_s, u"Online"_s}}}}));
        const QJsonObject plain = lineEventBody(u"hi"_s, u"plain"_s, false, {}).value(u"event"_s).toObject();
        QCOMPARE(plain.value(u"@type"_s).toString(), u"line"_s);
        QCOMPARE(plain.value(u"textType"_s).toString(), u"plain"_s);
        QVERIFY(!plain.contains(u"subType"_s));
        QVERIFY(!plain.contains(u"json"_s));
        const QJsonArray metadata{QJsonObject{{u"type"_s, u"ExternalId"_s}, {u"id"_s, u"c1"_s}}};
        const QJsonObject privateCard =
            lineEventBody({}, u"rich-content"_s, true, metadata, QJsonObject{{u"type"_s, u"vertical"_s}})
                .value(u"event"_s)
                .toObject();
        QCOMPARE(privateCard.value(u"subType"_s).toString(), u"ONLY_TO_REP"_s);
        QCOMPARE(privateCard.value(u"json"_s).toObject().value(u"type"_s).toString(), u"vertical"_s);
        QCOMPARE(privateCard.value(u"metadata"_s).toArray(), metadata);
        QCOMPARE(endChatBody().value(u"event"_s).toObject().value(u"state"_s).toString(), u"ended"_s);
        const QJsonObject transfer = transferToSkillBody(u"1002"_s, u"note"_s).value(u"transfer"_s).toObject();
        QCOMPARE(transfer.value(u"skill"_s).toObject().value(u"id"_s).toInteger(), 1002);
        QCOMPARE(transfer.value(u"text"_s).toString(), u"note"_s);
        QCOMPARE(transferToAgentBody(u"3000001"_s, {})
                     .value(u"transfer"_s)
                     .toObject()
                     .value(u"agent"_s)
                     .toObject()
                     .value(u"id"_s)
                     .toInteger(),
                 3000001);
        const QString note =
            transferNote({QJsonObject{{u"type"_s, u"ActionReason"_s}, {u"reason"_s, u"escalated_by_bot"_s}},
                          QJsonObject{{u"type"_s, u"EscalationSummary"_s}, {u"escalationCause"_s, u"bot.transfer"_s}}});
        QVERIFY(note.contains(u"escalated_by_bot"_s));
        QVERIFY(note.contains(u"bot.transfer"_s));
        QVERIFY(!transferNote({}).isEmpty());
    }

    void queryAndLinks()
    {
        const QUrl next = withApiQuery(QUrl(u"https://h:8443/s/chat/C1/events?from=5"_s));
        const QUrlQuery query(next);
        QCOMPARE(query.queryItemValue(u"from"_s), u"5"_s);
        QCOMPARE(query.queryItemValue(u"v"_s), u"1"_s);
        QCOMPARE(query.queryItemValue(u"NC"_s), u"true"_s);
        QCOMPARE(QUrlQuery(withApiQuery(next)).allQueryItemValues(u"v"_s).size(), 1);

        const QUrl base(u"https://h:8443/api/account/1/agentSession/S"_s);
        auto relative = resolveLink(u"S/chat/C1"_s, base);
        QVERIFY(relative.ok());
        QCOMPARE(relative->host(), u"h"_s);
        QVERIFY(resolveLink(u"https://h:8443/x"_s, base).ok());
        // The bearer never leaves the agentVep origin.
        QVERIFY(!resolveLink(u"https://evil.example/x"_s, base).ok());
        QVERIFY(!resolveLink(u"http://h:8443/x"_s, base).ok());
        QVERIFY(!resolveLink(u"https://h:9443/x"_s, base).ok());
        QVERIFY(!resolveLink(QString(), base).ok());
    }
};

QTEST_GUILESS_MAIN(TestChatAgentProtocol)
#include "tst_chatagentprotocol.moc"
