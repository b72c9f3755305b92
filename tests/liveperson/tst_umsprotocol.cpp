// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "liveperson/UmsProtocol.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Switchboard::LivePerson;

namespace
{
QJsonObject object(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

const QByteArray ExConversationBody = R"({"subscriptionId":"s1","changes":[{"type":"UPSERT","result":{
  "convId":"c1","conversationDetails":{"convId":"c1","skillId":"1001","state":"OPEN","startTs":1700000000000,
  "context":{"type":"CustomContext","lang":"en-US"},"ttr":{"ttrType":"NORMAL","value":1200},
  "participants":{"CONSUMER":["consumer-1"],"ASSIGNED_AGENT":["123.7"],"MANAGER":[]},
  "participantsPId":{"CONSUMER":["consumer-1"],"ASSIGNED_AGENT":["pid-7"]},
  "dialogs":[{"dialogId":"c1","dialogType":"MAIN","channelType":"MESSAGING","state":"OPEN","creationTs":1},
             {"dialogId":"d2","dialogType":"POST_SURVEY","channelType":"MESSAGING","state":"OPEN"}]}}}]})";
} // namespace

/** Parsing and building of UMS frames: pure functions, strict on malformed input. */
class TestUmsProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesResponse()
    {
        const auto frame =
            Ums::parseFrame(R"({"kind":"resp","reqId":"r1","code":202,"type":".ReqBody$StringResp","body":"ok"})");
        QVERIFY2(frame.ok(), qPrintable(frame.ok() ? QString() : frame.error().message));
        QCOMPARE(frame->kind, Ums::FrameKind::Response);
        QCOMPARE(frame->reqId, u"r1"_s);
        QCOMPARE(frame->code, 202);
        QCOMPARE(frame->body.toString(), u"ok"_s);
    }

    void parsesResponseWithArrayBodyAndNoType()
    {
        const auto frame = Ums::parseFrame(R"({"kind":"resp","reqId":"r2","code":200,"body":[{"sequence":1}]})");
        QVERIFY(frame.ok());
        QVERIFY(frame->body.isArray());
        QVERIFY(frame->type.isEmpty());
    }

    void parsesNotification()
    {
        const auto frame =
            Ums::parseFrame(R"({"kind":"notification","type":".ams.ms.OnlineEventDistribution","body":{}})");
        QVERIFY(frame.ok());
        QCOMPARE(frame->kind, Ums::FrameKind::Notification);
        QCOMPARE(frame->type, u".ams.ms.OnlineEventDistribution"_s);
    }

    void rejectsMalformedFrames_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << QByteArray() << u"not JSON"_s;
        QTest::newRow("garbage") << QByteArray("{{{") << u"not JSON"_s;
        QTest::newRow("truncated") << QByteArray("{\"kind\":\"resp\",\"reqId\":\"r1\",\"co") << u"not JSON"_s;
        QTest::newRow("array") << QByteArray("[1,2]") << u"not a JSON object"_s;
        QTest::newRow("string") << QByteArray(R"("resp")") << u"JSON"_s;
        QTest::newRow("no kind") << QByteArray(R"({"reqId":"r1","code":200})") << u"kind: missing"_s;
        QTest::newRow("kind number") << QByteArray(R"({"kind":1})") << u"kind: expected a string"_s;
        QTest::newRow("unknown kind") << QByteArray(R"({"kind":"push","type":"x"})") << u"kind: unknown"_s;
        QTest::newRow("server request") << QByteArray(R"({"kind":"req","id":"x","type":"y"})")
                                        << u"server sent a request"_s;
        QTest::newRow("resp no reqId") << QByteArray(R"({"kind":"resp","code":200})") << u"reqId: missing"_s;
        QTest::newRow("resp empty reqId")
            << QByteArray(R"({"kind":"resp","reqId":"","code":200})") << u"reqId: empty"_s;
        QTest::newRow("resp numeric reqId")
            << QByteArray(R"({"kind":"resp","reqId":5,"code":200})") << u"reqId: expected a string"_s;
        QTest::newRow("resp long reqId") << (QByteArray(R"({"kind":"resp","code":200,"reqId":")") +
                                             QByteArray(65, 'a') + "\"}")
                                         << u"longer than 64"_s;
        QTest::newRow("resp no code") << QByteArray(R"({"kind":"resp","reqId":"r1"})") << u"code: missing"_s;
        QTest::newRow("resp string code")
            << QByteArray(R"({"kind":"resp","reqId":"r1","code":"200"})") << u"code: expected an integer"_s;
        QTest::newRow("resp fractional code")
            << QByteArray(R"({"kind":"resp","reqId":"r1","code":200.5})") << u"code: expected an integer"_s;
        QTest::newRow("resp huge code") << QByteArray(R"({"kind":"resp","reqId":"r1","code":1e300})")
                                        << u"code: expected an integer"_s;
        QTest::newRow("resp code range") << QByteArray(R"({"kind":"resp","reqId":"r1","code":7})")
                                         << u"code: out of range"_s;
        QTest::newRow("resp type number")
            << QByteArray(R"({"kind":"resp","reqId":"r1","code":200,"type":3})") << u"type: expected a string"_s;
        QTest::newRow("notif no type") << QByteArray(R"({"kind":"notification","body":{}})") << u"type: missing"_s;
        QTest::newRow("notif empty type")
            << QByteArray(R"({"kind":"notification","type":"","body":{}})") << u"type: empty"_s;
        QTest::newRow("notif no body") << QByteArray(R"({"kind":"notification","type":"x"})")
                                       << u"body: notification body must be an object"_s;
        QTest::newRow("notif array body") << QByteArray(R"({"kind":"notification","type":"x","body":[]})")
                                          << u"body: notification body must be an object"_s;
    }

    void rejectsMalformedFrames()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, reason);
        const auto frame = Ums::parseFrame(text);
        QVERIFY(!frame.ok());
        QCOMPARE(frame.error().code, u"liveperson.protocol"_s);
        QVERIFY2(frame.error().message.contains(reason), qPrintable(frame.error().message));
    }

    void peeksRequestIdOfBrokenResponse()
    {
        QCOMPARE(Ums::peekRequestId(R"({"kind":"resp","reqId":"r9","code":"bad"})"), u"r9"_s);
        QVERIFY(Ums::peekRequestId("nonsense").isEmpty());
        QVERIFY(Ums::peekRequestId(R"({"reqId":7})").isEmpty());
    }

    void buildsRequestEnvelope()
    {
        const QByteArray frame = Ums::buildRequest(u"id-1"_s, Ums::Type::GetClock, QJsonValue());
        const QJsonObject parsed = object(frame);
        QCOMPARE(parsed.value(u"kind"_s).toString(), u"req"_s);
        QCOMPARE(parsed.value(u"id"_s).toString(), u"id-1"_s);
        QCOMPARE(parsed.value(u"type"_s).toString(), u".GetClock"_s);
        QVERIFY(parsed.value(u"body"_s).isObject()); // {} when nothing was given, like the SDK
        QVERIFY(!parsed.contains(u"metadata"_s));
        QVERIFY(!parsed.contains(u"encodedMetadata"_s));

        const QJsonArray metadata{QJsonObject{{u"type"_s, u"ExternalId"_s}, {u"id"_s, u"card-1"_s}}};
        const QJsonObject withMetadata =
            object(Ums::buildRequest(u"id-2"_s, Ums::Type::PublishEvent, QJsonObject{}, metadata, u"e30="_s));
        QCOMPARE(withMetadata.value(u"metadata"_s).toArray(), metadata);
        QCOMPARE(withMetadata.value(u"encodedMetadata"_s).toString(), u"e30="_s);
    }

    void buildsRequestBodies()
    {
        QCOMPARE(Ums::setAgentStateBody(u"ONLINE"_s, u"123.7"_s),
                 object(R"({"availability":"ONLINE","channels":["MESSAGING"],"agentUserId":"123.7"})"));
        QCOMPARE(Ums::subscribeRoutingTasksBody(u"123.7"_s, u"123"_s),
                 object(R"({"channelType":"MESSAGING","agentId":"123.7","brandId":"123"})"));
        QCOMPARE(Ums::subscribeExConversationsBody(u"123.7"_s),
                 object(R"({"convState":["OPEN"],"agentIds":["123.7"]})"));
        QCOMPARE(Ums::updateRingStateBody(u"ring"_s, u"ACCEPTED"_s),
                 object(R"({"ringId":"ring","ringState":"ACCEPTED"})"));
        QCOMPARE(Ums::queryMessagesBody(u"c1"_s, std::nullopt), object(R"({"dialogId":"c1","fromSeq":0})"));
        QCOMPARE(Ums::queryMessagesBody(u"c1"_s, 4), object(R"({"dialogId":"c1","fromSeq":5,"newerThanSequence":4})"));
        QCOMPARE(Ums::agentOldId(u"123"_s, u"7"_s), u"123.7"_s);
        QCOMPARE(Ums::agentOldId(u"123"_s, u"123.7"_s), u"123.7"_s);
    }

    void buildsEvents()
    {
        const auto text = Ums::textEvent(u"hi"_s);
        QVERIFY(text.ok());
        QCOMPARE(*text, object(R"({"type":"ContentEvent","contentType":"text/plain","message":"hi"})"));
        QVERIFY(!Ums::textEvent(QString()).ok());

        const QJsonObject quickReplies =
            object(R"({"type":"quickReplies","itemsPerRow":8,"replies":[{"type":"button","title":"Yes"}]})");
        QCOMPARE(Ums::textEvent(u"pick"_s, quickReplies)->value(u"quickReplies"_s).toObject(), quickReplies);
        QVERIFY(!Ums::textEvent(u"pick"_s, object(R"({"type":"buttons","replies":[1]})")).ok());
        QVERIFY(!Ums::textEvent(u"pick"_s, object(R"({"type":"quickReplies","replies":[]})")).ok());

        const QJsonObject card = object(R"({"type":"vertical","elements":[{"type":"text","text":"x"}]})");
        const auto rich = Ums::richContentEvent(card);
        QVERIFY(rich.ok());
        QCOMPARE(rich->value(u"content"_s).toObject(), card); // `content`, not `message` (reference §3.4)
        QVERIFY(!Ums::richContentEvent(QJsonObject{}).ok());
        QVERIFY(!Ums::richContentEvent(object(R"({"elements":[]})")).ok());

        QCOMPARE(Ums::chatStateEvent(u"COMPOSING"_s), object(R"({"type":"ChatStateEvent","chatState":"COMPOSING"})"));
        QCOMPARE(*Ums::acceptStatusEvent(u"READ"_s, {3, 4}),
                 object(R"({"type":"AcceptStatusEvent","status":"READ","sequenceList":[3,4]})"));
        QVERIFY(!Ums::acceptStatusEvent(u"READ"_s, {}).ok());
        QVERIFY(!Ums::acceptStatusEvent(u"READ"_s, {-1}).ok());

        QCOMPARE(Ums::publishEventBody(u"c1"_s, *text, MessageAudience::AgentsAndManagers)
                     .value(u"messageAudience"_s)
                     .toString(),
                 u"AGENTS_AND_MANAGERS"_s);
    }

    void buildsConversationFields()
    {
        QCOMPARE(Ums::participantsChangeField(u"REMOVE"_s, u"ASSIGNED_AGENT"_s, u"1.2"_s),
                 object(R"({"field":"ParticipantsChange","type":"REMOVE","role":"ASSIGNED_AGENT","userId":"1.2"})"));
        QCOMPARE(Ums::skillChangeField(u"1002"_s), object(R"({"field":"Skill","type":"UPDATE","skill":"1002"})"));
        QCOMPARE(Ums::closeConversationField(),
                 object(R"({"field":"ConversationStateField","conversationState":"CLOSE"})"));
        QCOMPARE(Ums::closeDialogField(u"c1"_s),
                 object(R"({"field":"DialogChange","type":"UPDATE","dialog":{"dialogId":"c1","state":"CLOSE"}})"));
        QCOMPARE(Ums::ttrChangeField(TtrType::Custom, 60),
                 object(R"({"field":"TTRField","ttrType":"CUSTOM","value":60})"));
        QCOMPARE(Ums::ttrChangeField(TtrType::Urgent, 60),
                 object(R"({"field":"TTRField","ttrType":"URGENT","value":0})"));
    }

    void validatesMetadata()
    {
        QVERIFY(Ums::validateMetadata({}).ok());
        QVERIFY(Ums::validateMetadata(QJsonArray{QJsonObject{{u"type"_s, u"ExternalId"_s}}}).ok());
        QVERIFY(!Ums::validateMetadata(QJsonArray{1}).ok());
        QVERIFY(!Ums::validateMetadata(QJsonArray{QJsonObject{{u"id"_s, u"x"_s}}}).ok());
        QVERIFY(Ums::validateEncodedMetadata(QString()).ok());
        QVERIFY(Ums::validateEncodedMetadata(u"e30="_s).ok());
        QVERIFY(!Ums::validateEncodedMetadata(u"not base64!"_s).ok());
        QVERIFY(!Ums::validateEncodedMetadata(u"abc"_s).ok());
        QVERIFY(!Ums::validateEncodedMetadata(QString(5 * 1024 + 4, u'A')).ok());
    }

    void parsesRoutingTasks()
    {
        const auto changes =
            Ums::parseRoutingTaskNotification(object(R"({"subscriptionId":"s","changes":[{"type":"UPSERT","result":{
            "routingTaskId":"t","conversationId":"c1","consumerId":"u1","skillId":"1001","ringsDetails":[
            {"ringId":"c1_123_1","ringState":"WAITING","ringExpiration":72000,"ringExpirationTs":1700000072000}]}}]})"));
        QVERIFY2(changes.ok(), qPrintable(changes.ok() ? QString() : changes.error().message));
        QCOMPARE(changes->size(), 1);
        QCOMPARE(changes->at(0).conversationId, u"c1"_s);
        QCOMPARE(changes->at(0).rings.size(), 1);
        QCOMPARE(changes->at(0).rings.at(0).ringState, u"WAITING"_s);
        QCOMPARE(changes->at(0).rings.at(0).ringExpirationTs, 1700000072000LL);
        QVERIFY(Ums::parseRoutingTaskNotification(object(R"({"changes":[]})")).ok());
    }

    void rejectsMalformedRoutingTasks_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("reason");
        QTest::newRow("no changes") << QByteArray("{}") << u"changes: missing array"_s;
        QTest::newRow("changes object") << QByteArray(R"({"changes":{}})") << u"changes: expected an array"_s;
        QTest::newRow("change not object") << QByteArray(R"({"changes":[3]})") << u"changes[0]: expected an object"_s;
        QTest::newRow("bad type") << QByteArray(R"({"changes":[{"type":"PATCH","result":{"ringsDetails":[]}}]})")
                                  << u"changes[0].type: expected UPSERT or DELETE"_s;
        QTest::newRow("no result") << QByteArray(R"({"changes":[{"type":"UPSERT"}]})")
                                   << u"changes[0].result: missing object"_s;
        QTest::newRow("no rings") << QByteArray(R"({"changes":[{"type":"DELETE","result":{}}]})")
                                  << u"changes[0].result.ringsDetails: missing array"_s;
        QTest::newRow("ring without id")
            << QByteArray(R"({"changes":[{"type":"UPSERT","result":{"ringsDetails":[{"ringState":"WAITING"}]}}]})")
            << u"ringsDetails[0].ringId: missing string"_s;
        QTest::newRow("skill id object")
            << QByteArray(R"({"changes":[{"type":"UPSERT","result":{"skillId":{},"ringsDetails":[]}}]})")
            << u"result.skillId: expected a string or integer id"_s;
    }

    void rejectsMalformedRoutingTasks()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, reason);
        const auto changes = Ums::parseRoutingTaskNotification(object(body));
        QVERIFY(!changes.ok());
        QVERIFY2(changes.error().message.contains(reason), qPrintable(changes.error().message));
        QVERIFY(!Ums::parseRoutingTaskNotification(QJsonValue(u"x"_s)).ok());
    }

    void parsesConversationChanges()
    {
        const auto changes = Ums::parseExConversationChangeNotification(object(ExConversationBody));
        QVERIFY2(changes.ok(), qPrintable(changes.ok() ? QString() : changes.error().message));
        const Ums::ExConversationChange &change = changes->at(0);
        QCOMPARE(change.conversationId, u"c1"_s);
        QCOMPARE(change.state, u"OPEN"_s);
        QCOMPARE(change.skillId, u"1001"_s);
        QCOMPARE(change.consumerId(), u"consumer-1"_s);
        QCOMPARE(change.dialogs.size(), 2);
        QCOMPARE(change.dialogs.at(1).dialogType, u"POST_SURVEY"_s);
        QCOMPARE(change.roleOf(u"123.7"_s, {}), u"ASSIGNED_AGENT"_s);
        QCOMPARE(change.roleOf(u"123.8"_s, u"pid-7"_s), u"ASSIGNED_AGENT"_s);
        QVERIFY(change.roleOf(u"123.8"_s, u"pid-8"_s).isEmpty());
        QCOMPARE(change.context.value(u"lang"_s).toString(), u"en-US"_s);

        // Numeric skill ids are accepted and normalised to strings.
        QByteArray numeric = ExConversationBody;
        numeric.replace(R"("skillId":"1001")", R"("skillId":1001)");
        QCOMPARE(Ums::parseExConversationChangeNotification(object(numeric))->at(0).skillId, u"1001"_s);
    }

    void rejectsMalformedConversationChanges_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("reason");
        QTest::newRow("no convId") << QByteArray(R"("convId":"c1","conversationDetails")")
                                   << QByteArray(R"("conversationDetails")") << u"result.convId: missing"_s;
        QTest::newRow("sdk participants array")
            << QByteArray(R"("participants":{"CONSUMER":["consumer-1"],"ASSIGNED_AGENT":["123.7"],"MANAGER":[]})")
            << QByteArray(R"("participants":[{"id":"consumer-1","role":"CONSUMER"}])")
            << u"participants: expected an object"_s;
        QTest::newRow("participant id number")
            << QByteArray(R"("ASSIGNED_AGENT":["123.7"])") << QByteArray(R"("ASSIGNED_AGENT":[7])")
            << u"participants.ASSIGNED_AGENT: expected string ids"_s;
        QTest::newRow("no dialogs") << QByteArray(R"("dialogs":[)") << QByteArray(R"("dialogz":[)")
                                    << u"dialogs: missing array"_s;
        QTest::newRow("dialog without id")
            << QByteArray(R"({"dialogId":"d2",)") << QByteArray("{") << u"dialogs[1].dialogId: missing"_s;
        QTest::newRow("no state") << QByteArray(R"("state":"OPEN","startTs")") << QByteArray(R"("startTs")")
                                  << u"conversationDetails.state: missing"_s;
        QTest::newRow("startTs string") << QByteArray(R"("startTs":1700000000000)") << QByteArray(R"("startTs":"x")")
                                        << u"startTs: expected an integer"_s;
        QTest::newRow("bad change type") << QByteArray(R"("type":"UPSERT")") << QByteArray(R"("type":"MERGE")")
                                         << u"changes[0].type: expected UPSERT or DELETE"_s;
    }

    void rejectsMalformedConversationChanges()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, reason);
        QByteArray body = ExConversationBody;
        QVERIFY2(body.contains(from), from.constData());
        body.replace(from, to);
        const auto changes = Ums::parseExConversationChangeNotification(object(body));
        QVERIFY(!changes.ok());
        QVERIFY2(changes.error().message.contains(reason), qPrintable(changes.error().message));
    }

    void parsesMessagingEvents()
    {
        const auto event =
            Ums::parseMessagingEvent(object(R"({"sequence":3,"originatorId":"consumer-1","originatorPId":"consumer-1",
            "originatorMetadata":{"id":"consumer-1","role":"CONSUMER"},"serverTimestamp":1700000000001,
            "event":{"type":"ContentEvent","contentType":"text/plain","message":"hi"},"conversationId":"c1","dialogId":"c1",
            "metadata":[{"type":"ExternalId","id":"btn-1"}]})"));
        QVERIFY2(event.ok(), qPrintable(event.ok() ? QString() : event.error().message));
        QCOMPARE(event->sequence, 3);
        QCOMPARE(event->originatorRole, u"CONSUMER"_s);
        const auto message = Ums::toConversationMessage(*event);
        QVERIFY(message.ok() && message->has_value());
        QCOMPARE((*message)->kind, MessageKind::Click); // text with metadata = a click
        QCOMPARE((*message)->text, u"hi"_s);
        QCOMPARE((*message)->serverTimestamp, 1700000000001LL);

        const auto rich = Ums::parseMessagingEvent(object(R"({"sequence":4,"originatorId":"u","dialogId":"c1",
            "event":{"type":"RichContentEvent","content":{"type":"vertical","elements":[]}}})"));
        QCOMPARE((*Ums::toConversationMessage(*rich))->kind, MessageKind::RichContent);

        const auto file = Ums::parseMessagingEvent(object(R"({"sequence":5,"originatorId":"u","dialogId":"c1",
            "event":{"type":"ContentEvent","contentType":"hosted/file","message":{"caption":"pic","relativePath":"/a/b","fileType":"PNG"}}})"));
        const auto fileMessage = Ums::toConversationMessage(*file);
        QCOMPARE((*fileMessage)->kind, MessageKind::File);
        QCOMPARE((*fileMessage)->text, u"pic"_s);

        // Chat states carry no sequence; receipts carry nothing to deliver.
        const auto typing = Ums::parseMessagingEvent(object(
            R"({"originatorId":"u","dialogId":"c1","event":{"type":"ChatStateEvent","chatState":"COMPOSING"}})"));
        QVERIFY(typing.ok());
        QCOMPARE(typing->sequence, -1);
        QVERIFY(!Ums::toConversationMessage(*typing)->has_value());
    }

    void rejectsMalformedMessagingEvents_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("reason");
        QTest::newRow("no dialog") << QByteArray(R"({"sequence":1,"originatorId":"u","event":{"type":"ContentEvent"}})")
                                   << u"dialogId: missing"_s;
        QTest::newRow("no originator") << QByteArray(R"({"sequence":1,"dialogId":"c","event":{"type":"ContentEvent"}})")
                                       << u"originatorId: missing"_s;
        QTest::newRow("no event") << QByteArray(R"({"sequence":1,"dialogId":"c","originatorId":"u"})")
                                  << u"event: missing object"_s;
        QTest::newRow("event no type") << QByteArray(R"({"sequence":1,"dialogId":"c","originatorId":"u","event":{}})")
                                       << u"event.type: missing"_s;
        QTest::newRow("no sequence") << QByteArray(
                                            R"({"dialogId":"c","originatorId":"u","event":{"type":"ContentEvent"}})")
                                     << u"sequence: missing"_s;
        QTest::newRow("negative sequence")
            << QByteArray(R"({"sequence":-2,"dialogId":"c","originatorId":"u","event":{"type":"ContentEvent"}})")
            << u"sequence: negative"_s;
        QTest::newRow("string sequence")
            << QByteArray(R"({"sequence":"1","dialogId":"c","originatorId":"u","event":{"type":"ContentEvent"}})")
            << u"sequence: expected an integer"_s;
        QTest::newRow("metadata object")
            << QByteArray(
                   R"({"sequence":1,"dialogId":"c","originatorId":"u","metadata":{},"event":{"type":"ContentEvent"}})")
            << u"metadata: expected an array"_s;
        QTest::newRow("metadata item")
            << QByteArray(
                   R"({"sequence":1,"dialogId":"c","originatorId":"u","metadata":[1],"event":{"type":"ContentEvent"}})")
            << u"metadata[0]: expected an object"_s;
        QTest::newRow("role number")
            << QByteArray(
                   R"({"sequence":1,"dialogId":"c","originatorId":"u","originatorMetadata":{"role":1},"event":{"type":"ContentEvent"}})")
            << u"originatorMetadata.role: expected a string"_s;
    }

    void rejectsMalformedMessagingEvents()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, reason);
        const auto event = Ums::parseMessagingEvent(object(json));
        QVERIFY(!event.ok());
        QVERIFY2(event.error().message.contains(reason), qPrintable(event.error().message));
    }

    void rejectsMalformedContent()
    {
        auto content = [](const QByteArray &eventJson) {
            const auto event = Ums::parseMessagingEvent(
                object(R"({"sequence":1,"dialogId":"c","originatorId":"u","event":)" + eventJson + "}"));
            return Ums::toConversationMessage(*event);
        };
        QVERIFY(!content(R"({"type":"ContentEvent","message":"x"})").ok());
        QVERIFY(!content(R"({"type":"ContentEvent","contentType":"text/plain","message":5})").ok());
        QVERIFY(!content(R"({"type":"ContentEvent","contentType":"text/html","message":"x"})").ok());
        QVERIFY(!content(R"({"type":"ContentEvent","contentType":"hosted/file","message":{"caption":"x"}})").ok());
        QVERIFY(!content(R"({"type":"RichContentEvent","message":{"type":"vertical"}})").ok());
        QVERIFY(content(R"({"type":"SomethingNew","x":1})")->has_value() == false);
    }

    void parsesQueryMessagesKeepingGoodItems()
    {
        const QJsonArray body = QJsonDocument::fromJson(R"([
            {"sequence":1,"originatorId":"u","dialogId":"c1","event":{"type":"ContentEvent","contentType":"text/plain","message":"a"}},
            {"sequence":"bad"},
            {"sequence":2,"originatorId":"u","dialogId":"c1","event":{"type":"ContentEvent","contentType":"text/plain","message":"b"}}])")
                                    .array();
        const auto result = Ums::parseQueryMessagesResponse(body);
        QVERIFY(result.ok());
        QCOMPARE(result->events.size(), 2);
        QCOMPARE(result->errors.size(), 1);
        QVERIFY(result->errors.at(0).startsWith(u"body[1]"_s));
        QVERIFY(!Ums::parseQueryMessagesResponse(QJsonObject{}).ok());
    }

    void parsesClock()
    {
        QCOMPARE(*Ums::parseClockResponse(QJsonObject{{u"currentTime"_s, 1700000000000.0}}), 1700000000000LL);
        QVERIFY(!Ums::parseClockResponse(QJsonObject{}).ok());
        QVERIFY(!Ums::parseClockResponse(QJsonValue(u"now"_s)).ok());
    }

    void survivesRandomBytes()
    {
        // No crash and a reasoned error on any input: a cheap stand-in until the fuzz target exists.
        QByteArray seed =
            R"({"kind":"notification","type":".ams.routing.RoutingTaskNotification","body":{"changes":[{"type":"UPSERT","result":{"ringsDetails":[{"ringId":"r","ringState":"WAITING"}]}}]}})";
        quint32 state = 12345;
        for (int i = 0; i < 5000; ++i) {
            QByteArray mutated = seed;
            for (int m = 0; m < 3; ++m) {
                state = state * 1664525u + 1013904223u;
                const qsizetype at = static_cast<qsizetype>(state % static_cast<quint32>(mutated.size()));
                mutated[at] = static_cast<char>(state >> 24);
            }
            const auto frame = Ums::parseFrame(mutated);
            if (frame.ok()) {
                (void)Ums::parseRoutingTaskNotification(frame->body);
                (void)Ums::parseExConversationChangeNotification(frame->body);
                (void)Ums::parseMessagingEvent(frame->body);
            } else {
                QVERIFY(!frame.error().message.isEmpty());
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestUmsProtocol)
#include "tst_umsprotocol.moc"
