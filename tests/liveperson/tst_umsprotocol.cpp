// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "liveperson/UmsProtocol.h"

#include "TestSupport.h"
#include "UmsSeedFrames.h"
#include "util/JsonWriter.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Switchboard;
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
// JSON written with single quotes (moc mis-reads some raw string literals).
QByteArray quoted(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}

// FrameReader::read() needs padding after the frame.
Result<Ums::Frame> readFrame(Ums::FrameReader &reader, const QByteArray &text)
{
    QByteArray padded = text;
    padded.append(Ums::FrameReader::Padding, '\0');
    return reader.read(padded.constData(), text.size());
}

QByteArray notificationOf(const QByteArray &body)
{
    return R"({"kind":"notification","type":".ams.ms.OnlineEventDistribution","body":)" + body + "}";
}

// The frame reader's event, content filled in, is the Qt parser's event of the same body. Counts
// in `withoutObject` the events whose Qt object was left to rawObject().
void compareWithQtParser(const Ums::FrameReader &reader, const QJsonValue &body, int *withoutObject = nullptr)
{
    const auto expected = Ums::parseMessagingEvent(body);
    auto actual = reader.messagingEvent();
    QCOMPARE(actual.ok(), expected.ok());
    if (!expected.ok()) {
        QCOMPARE(actual.error().code, expected.error().code);
        QCOMPARE(actual.error().message, expected.error().message);
        return;
    }
    QVERIFY(!actual->hasContent);
    QVERIFY(actual->raw.isEmpty());
    QVERIFY(actual->rawJson.isEmpty());
    QCOMPARE(actual->conversationId, expected->conversationId);
    QCOMPARE(actual->dialogId, expected->dialogId);
    QCOMPARE(actual->sequence, expected->sequence);
    QCOMPARE(actual->originatorId, expected->originatorId);
    QCOMPARE(actual->originatorPId, expected->originatorPId);
    QCOMPARE(actual->originatorMetadataId, expected->originatorMetadataId);
    QCOMPARE(actual->originatorRole, expected->originatorRole);
    QCOMPARE(actual->serverTimestamp, expected->serverTimestamp);
    QCOMPARE(actual->eventType, expected->eventType);
    Ums::MessagingEvent filled = *actual;
    reader.fillEventContent(filled);
    QVERIFY(filled.hasContent);
    QCOMPARE(filled.event, expected->event);
    QCOMPARE(filled.metadata, expected->metadata);
    // The Qt object is the Qt parser's, whether it was built (only Qt could write its text) or is
    // parsed from the text on demand.
    QCOMPARE(filled.rawObject(), expected->raw);
    QVERIFY(filled.raw.isEmpty() || filled.raw == expected->raw);
    if (filled.raw.isEmpty() && withoutObject) {
        ++*withoutObject;
    }
    // The compact text passed on (transcript, bot body) is exactly what Qt writes for the object.
    QCOMPARE(filled.rawJson, QJsonDocument(expected->raw).toJson(QJsonDocument::Compact));
    const auto message = Ums::toConversationMessage(filled);
    const auto expectedMessage = Ums::toConversationMessage(*expected);
    QCOMPARE(message.ok(), expectedMessage.ok());
    if (!message.ok()) {
        QCOMPARE(message.error().message, expectedMessage.error().message);
        return;
    }
    QCOMPARE(bool(message.value()), bool(expectedMessage.value()));
    if (message.value()) {
        const ConversationMessage &m = *message.value();
        const ConversationMessage &e = *expectedMessage.value();
        QCOMPARE(m.rawJson, filled.rawJson);
        QCOMPARE(m.raw, filled.raw);
        QCOMPARE(m.rawObject(), e.raw);
        QCOMPARE(m.kind, e.kind);
        QCOMPARE(m.text, e.text);
        QCOMPARE(m.content, e.content);
        QCOMPARE(m.metadata, e.metadata);
    }
}
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

    // --- FrameReader: the connection's reader gives what the Qt parser gives -------------------

    void frameReaderEventMatchesQtParser_data()
    {
        rejectsMalformedMessagingEvents_data();
        QTest::newRow("text") << QByteArray(
            R"({"sequence":3,"dialogId":"c","conversationId":"c","originatorId":"u","originatorPId":"p","serverTimestamp":1700000000000,"originatorMetadata":{"id":"p","role":"CONSUMER"},"event":{"type":"ContentEvent","contentType":"text/plain","message":"héllo 😀"}})")
                              << QString();
        QTest::newRow("click with metadata") << QByteArray(
            R"({"sequence":4,"dialogId":"c","originatorId":"u","metadata":[{"type":"ExternalId","id":"b1"}],"event":{"type":"ContentEvent","contentType":"text/plain","message":"Yes"}})")
                                             << QString();
        QTest::newRow("chat state without sequence") << QByteArray(
            R"({"dialogId":"c","originatorId":"u","event":{"type":"ChatStateEvent","chatState":"COMPOSING"}})")
                                                     << QString();
        QTest::newRow("receipt") << QByteArray(
            R"({"sequence":5,"dialogId":"c","originatorId":"123.7","event":{"type":"AcceptStatusEvent","status":"READ","sequenceList":[1,2]}})")
                                 << QString();
        QTest::newRow("nulls for optional fields") << QByteArray(
            R"({"sequence":6,"dialogId":"c","conversationId":null,"originatorPId":null,"metadata":null,"originatorMetadata":null,"originatorId":"u","event":{"type":"X"}})")
                                                   << QString();
        // The compact text of the raw event (written from the DOM, or by Qt where only Qt knows).
        QTest::newRow("escapes, unicode, unsorted keys") << QByteArray("{\"sequence\":7,\"originatorId\":\"u\",\"dialogId\":\"c\",\"event\":{\"type\":\"ContentEvent\",\"message\":\"q\\\"b\\\\s\\/t\\tn\\nc\\u0001\\u001fd\\u007f é😀\\u00e9\",\"contentType\":\"text/plain\"},\"z\":[true,false,null,[],{},[1,[-2]]],\"a\":{\"y\":\"1\",\"b\":{\"d\":0,\"c\":-9007199254740993}}}")
                                                         << QString();
        QTest::newRow("raw event with a double") << QByteArray("{\"sequence\":8,\"dialogId\":\"c\",\"originatorId\":\"u\",\"event\":{\"type\":\"ContentEvent\",\"contentType\":\"text/plain\",\"message\":\"x\"},\"score\":1.0,\"big\":1e15,\"small\":0.25,\"neg\":-0.0}")
                                                 << QString();
        QTest::newRow("raw event with a huge integer") << QByteArray("{\"sequence\":9,\"dialogId\":\"c\",\"originatorId\":\"u\",\"event\":{\"type\":\"ContentEvent\",\"contentType\":\"text/plain\",\"message\":\"x\"},\"id\":18446744073709551615}")
                                                       << QString();
        QTest::newRow("raw event with duplicate keys") << QByteArray("{\"sequence\":10,\"dialogId\":\"c\",\"originatorId\":\"u\",\"event\":{\"type\":\"ContentEvent\",\"contentType\":\"text/plain\",\"message\":\"x\",\"message\":\"y\"},\"k\":1,\"k\":2}")
                                                       << QString();
        QTest::newRow("raw event with non-ASCII keys") << QByteArray("{\"sequence\":11,\"dialogId\":\"c\",\"originatorId\":\"u\",\"event\":{\"type\":\"ContentEvent\",\"contentType\":\"text/plain\",\"message\":\"x\"},\"é\":1,\"😀\":2,\"\\uffff\":3,\"z\":4}")
                                                       << QString();
        QTest::newRow("non-characters and escapes in strings") << QByteArray("{\"sequence\":12,\"dialogId\":\"c\",\"originatorId\":\"u\",\"event\":{\"type\":\"ContentEvent\",\"contentType\":\"text/plain\",\"message\":\"\\uffff\xef\xbf\xbf\\ufdd0\xef\xb7\x90\\ud83d\\ude00\\u2028\\u0000\"}}")
                                                                << QString();
        QTest::newRow("float sequence") << QByteArray(
            R"({"sequence":6.5,"dialogId":"c","originatorId":"u","event":{"type":"X"}})")
                                        << u"sequence: expected an integer"_s;
        QTest::newRow("huge sequence") << QByteArray(
            R"({"sequence":18446744073709551615,"dialogId":"c","originatorId":"u","event":{"type":"X"}})")
                                       << u"sequence: expected an integer"_s;
        QTest::newRow("negative sequence") << QByteArray(
            R"({"sequence":-1,"dialogId":"c","originatorId":"u","event":{"type":"X"}})")
                                           << u"sequence: negative"_s;
        QTest::newRow("empty metadata type") << QByteArray(
            R"({"sequence":1,"dialogId":"c","originatorId":"u","metadata":[{"type":""}],"event":{"type":"X"}})")
                                             << u"metadata[0]: missing"_s;
        QTest::newRow("two problems, first wins") << QByteArray(
            R"({"sequence":"x","dialogId":"","originatorId":5,"event":[]})")
                                                  << u"dialogId: empty string"_s;
    }

    void frameReaderEventMatchesQtParser()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, reason);
        Ums::FrameReader reader;
        const auto frame = readFrame(reader, notificationOf(json));
        QVERIFY2(frame.ok(), qPrintable(frame.ok() ? QString() : frame.error().message));
        QCOMPARE(reader.body(), QJsonValue(object(json)));
        compareWithQtParser(reader, object(json));
        if (!reason.isEmpty()) {
            QVERIFY(!reader.messagingEvent().ok());
            QVERIFY2(reader.messagingEvent().error().message.contains(reason),
                     qPrintable(reader.messagingEvent().error().message));
        }
    }

    void frameReaderMatchesQtOnSeedsAndMutations()
    {
        // The fuzz seeds are real server frames (node-agent-sdk conformance run) plus edge cases.
        const QList<QByteArray> frames = Test::umsSeedFrames();
        QVERIFY(!frames.isEmpty());
        Ums::FrameReader reader; // one reader for all: reuse is the hot path
        int compared = 0;
        int withoutObject = 0;
        for (const QByteArray &text : frames) {
            QJsonParseError error;
            const QJsonDocument qt = QJsonDocument::fromJson(text, &error);
            const auto frame = readFrame(reader, text);
            if (!frame.ok()) {
                // (Stricter than Qt's parser in a few documented cases, e.g. an invalid escape.)
                // Whatever was wrong with the envelope, a request's id is still found.
                if (!frame.error().message.startsWith(u"not JSON"_s)) {
                    QCOMPARE(reader.requestId(), Ums::peekRequestId(text));
                }
                continue;
            }
            QVERIFY2(error.error == QJsonParseError::NoError, text.constData());
            const QJsonValue body = qt.object().value(u"body"_s);
            QCOMPARE(reader.body(), body.isUndefined() ? QJsonValue(QJsonValue::Null) : body);
            compareWithQtParser(reader, body, &withoutObject);
            if (QTest::currentTestFailed()) {
                qWarning() << "frame:" << text;
                return;
            }
            ++compared;
        }
        QVERIFY(compared > 100);
        // Most events leave the reader as text only (the object is built on demand).
        QVERIFY2(withoutObject > 100, qPrintable(QString::number(withoutObject)));
    }

    void frameReaderKeepsTheEventAsTextOnly()
    {
        // The hot path: the event's compact text is written, its Qt object only on demand.
        Ums::FrameReader reader;
        const QByteArray text =
            R"({"sequence":3,"dialogId":"c","conversationId":"c","originatorId":"u","metadata":[{"type":"ExternalId","id":"b1"}],"event":{"type":"ContentEvent","contentType":"text/plain","message":"héllo"}})";
        QVERIFY(readFrame(reader, notificationOf(text)).ok());
        auto event = reader.messagingEvent();
        QVERIFY(event.ok());
        reader.fillEventContent(event.value());
        QVERIFY(event->raw.isEmpty());
        QCOMPARE(event->rawJson, QJsonDocument(object(text)).toJson(QJsonDocument::Compact));
        QCOMPARE(event->rawObject(), object(text));
        QCOMPARE(event->event.value(u"message"_s).toString(), u"héllo"_s);
        QCOMPARE(event->metadata.size(), 1);
        const auto message = Ums::toConversationMessage(*event);
        QVERIFY(message.ok() && message.value());
        QVERIFY(message.value()->raw.isEmpty());
        QCOMPARE(message.value()->rawObject(), object(text));
        QCOMPARE(message.value()->kind, MessageKind::Click);

        // Where only Qt can write the text (a floating-point number), the object is built and kept.
        const QByteArray withDouble =
            R"({"sequence":4,"dialogId":"c","originatorId":"u","score":0.5,"event":{"type":"ContentEvent","contentType":"text/plain","message":"x"}})";
        QVERIFY(readFrame(reader, notificationOf(withDouble)).ok());
        event = reader.messagingEvent();
        QVERIFY(event.ok());
        reader.fillEventContent(event.value());
        QCOMPARE(event->raw, object(withDouble));
        QCOMPARE(event->rawObject(), object(withDouble));
        QCOMPARE(event->rawJson, QJsonDocument(object(withDouble)).toJson(QJsonDocument::Compact));
    }

    void frameReaderEventTextOfTheDeepestEventParses()
    {
        // The deepest body the reader accepts: its text is still within what Qt's parser reads.
        Ums::FrameReader reader;
        int depth = 2000;
        QByteArray body;
        for (; depth > 0; depth -= 1) {
            const QByteArray nested = QByteArray(depth, '[') + QByteArray(depth, ']');
            body = R"({"sequence":1,"dialogId":"c","originatorId":"u","event":{"type":"ContentEvent","contentType":"text/plain","message":"x"},"deep":)" +
                   nested + "}";
            if (readFrame(reader, notificationOf(body)).ok()) {
                break;
            }
        }
        QVERIFY(depth > 100);
        auto event = reader.messagingEvent();
        QVERIFY(event.ok());
        reader.fillEventContent(event.value());
        QJsonParseError error{};
        const QJsonObject expected = QJsonDocument::fromJson(body, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(event->rawObject(), expected);
        QCOMPARE(event->rawJson, QJsonDocument(expected).toJson(QJsonDocument::Compact));
    }

    void rawObjectOfAMessage()
    {
        ConversationMessage message;
        QVERIFY(message.rawObject().isEmpty());
        message.rawJson = R"({"a":[1],"b":"c"})";
        QCOMPARE(message.rawObject(), object(message.rawJson));
        // A channel that built the object (Chat Agent API, QueryMessages) is read as it is.
        message.raw = QJsonObject{{u"z"_s, 1}};
        QCOMPARE(message.rawObject(), message.raw);
        message.rawJson.clear();
        QCOMPARE(message.rawObject(), message.raw);
    }

    void frameReaderUsesTheLastDuplicateKey()
    {
        Ums::FrameReader reader;
        const auto frame = readFrame(
            reader,
            R"({"kind":"resp","reqId":"r1","code":500,"code":200,"body":{"a":1,"a":2},"kind":"resp"})");
        QVERIFY(frame.ok());
        QCOMPARE(frame->code, 200);
        QCOMPARE(reader.body().toObject().value(u"a"_s).toInt(), 2);
        QCOMPARE(reader.body(), Ums::parseFrame(R"({"kind":"resp","reqId":"r1","code":200,"body":{"a":1,"a":2}})")->body);
    }

    void frameReaderRefusesWhatItCannotRepresent()
    {
        // Documented difference from Qt's parser: both are refused as not JSON.
        Ums::FrameReader reader;
        auto frame = readFrame(reader, R"({"kind":"resp","reqId":"r1","code":200,"body":1e999999})");
        QVERIFY(!frame.ok());
        QVERIFY(frame.error().message.startsWith(u"not JSON"_s));
        frame = readFrame(reader, R"({"kind":"resp","reqId":"r1","code":200,"body":184467440737095516160})");
        QVERIFY(!frame.ok());
        QVERIFY(frame.error().message.startsWith(u"not JSON"_s));
        // Invalid UTF-8 is refused, as Qt refuses it.
        frame = readFrame(reader, quoted("{'kind':'resp','reqId':'r") + '\xff' + quoted("','code':200}"));
        QVERIFY(!frame.ok());
        QVERIFY(frame.error().message.startsWith(u"not JSON"_s));
        QVERIFY(reader.requestId().isEmpty());
        // The reader is usable after a failure.
        frame = readFrame(reader, R"({"kind":"resp","reqId":"r2","code":204})");
        QVERIFY(frame.ok());
        QCOMPARE(frame->reqId, u"r2"_s);
        QCOMPARE(reader.body(), QJsonValue(QJsonValue::Null));
    }

    void frameReaderConvertsEveryKindOfValue()
    {
        // Containers go through text and Qt's parser; what Qt refuses there goes member by member.
        Ums::FrameReader reader;
        const QByteArray body =
            R"({"s":"a\u0001\\é😀","i":-9007199254740993,"u":18446744073709551615,"d":1.5,"e":1e300,"t":true,)"
            R"("f":false,"n":null,"a":[[],{},0.1,-0.0],"o":{"x":{"y":[1]}},"x":"last","x":"wins"})";
        QVERIFY(readFrame(reader, R"({"kind":"resp","reqId":"r","code":200,"body":)" + body + "}").ok());
        QJsonObject expected = object(body);
        QCOMPARE(reader.body(), QJsonValue(expected));
        QCOMPARE(reader.body().toObject().value(u"x"_s).toString(), u"wins"_s);
        QCOMPARE(reader.body().toObject().value(u"i"_s).toInteger(), Q_INT64_C(-9007199254740993));
        // A denormal: Qt's parser refuses it in text, the member-by-member path keeps it.
        QVERIFY(readFrame(reader, R"({"kind":"resp","reqId":"r","code":200,"body":{"tiny":[5e-324]}})").ok());
        QVERIFY(reader.body().toObject().value(u"tiny"_s).toArray().at(0).toDouble() > 0);
        QVERIFY(readFrame(reader, R"({"kind":"resp","reqId":"r","code":200,"body":[1,"two"]})").ok());
        QCOMPARE(reader.body(), QJsonValue(QJsonArray{1, QJsonValue(u"two"_s)}));
    }

    void frameReaderFindsRequestIdOfBrokenEnvelope()
    {
        Ums::FrameReader reader;
        QVERIFY(!readFrame(reader, R"({"kind":"resp","reqId":"r9","code":"bad"})").ok());
        QCOMPARE(reader.requestId(), u"r9"_s);
        QVERIFY(!readFrame(reader, R"({"kind":"resp","reqId":7})").ok());
        QVERIFY(reader.requestId().isEmpty());
        QVERIFY(!readFrame(reader, "nonsense").ok());
        QVERIFY(reader.requestId().isEmpty());
        QVERIFY(!readFrame(reader, quoted("{'kind':'resp','code':1,'reqId':'") + QByteArray(65, 'x') + quoted("'}")).ok());
        QVERIFY(reader.requestId().isEmpty());
    }

    void frameReaderSurvivesAHugeFrame()
    {
        Ums::FrameReader reader;
        const QByteArray big = quoted("{'kind':'resp','reqId':'big','code':200,'body':'") + QByteArray(3 * 1024 * 1024, 'x') + quoted("'}");
        auto frame = readFrame(reader, big);
        QVERIFY(frame.ok());
        QCOMPARE(reader.body().toString().size(), 3 * 1024 * 1024);
        frame = readFrame(reader, R"({"kind":"resp","reqId":"small","code":200,"body":[1]})");
        QVERIFY(frame.ok());
        QCOMPARE(frame->reqId, u"small"_s);
        QCOMPARE(reader.body(), QJsonValue(QJsonArray{1}));
    }

    // --- Builders without Qt JSON: the same bytes -------------------------------------------

    void buildsTheSameBytesAsQtJson()
    {
        auto compact = [](const QJsonObject &object) { return QJsonDocument(object).toJson(QJsonDocument::Compact); };
        const QJsonArray metadata{QJsonObject{{u"type"_s, u"ExternalId"_s}, {u"id"_s, u"card-1"_s}}};
        const QJsonObject body = Ums::queryMessagesBody(u"dlg"_s, 4);
        // The envelope as it was built before (a QJsonObject) is what goes out now.
        auto legacy = [&](const QJsonValue &value, const QJsonArray &meta, const QString &encoded) {
            QJsonObject frame{{u"kind"_s, u"req"_s},
                              {u"id"_s, u"sb-x-1"_s},
                              {u"type"_s, Ums::Type::PublishEvent},
                              {u"body"_s, value.isNull() || value.isUndefined() ? QJsonValue(QJsonObject{}) : value}};
            if (!meta.isEmpty()) {
                frame.insert(u"metadata"_s, meta);
            }
            if (!encoded.isEmpty()) {
                frame.insert(u"encodedMetadata"_s, encoded);
            }
            return compact(frame);
        };
        QCOMPARE(Ums::buildRequest(u"sb-x-1"_s, Ums::Type::PublishEvent, body), legacy(body, {}, {}));
        QCOMPARE(Ums::buildRequest(u"sb-x-1"_s, Ums::Type::PublishEvent, QJsonValue()), legacy(QJsonValue(), {}, {}));
        QCOMPARE(Ums::buildRequest(u"sb-x-1"_s, Ums::Type::PublishEvent, body, metadata, u"e30="_s),
                 legacy(body, metadata, u"e30="_s));
        QCOMPARE(Ums::buildRequestJson(u"sb-x-1"_s, Ums::Type::PublishEvent, compact(body), metadata, u"e30="_s),
                 legacy(body, metadata, u"e30="_s));
        QCOMPARE(Ums::buildRequestJson(u"sb-x-1"_s, Ums::Type::PublishEvent, {}), legacy(QJsonValue(), {}, {}));

        const QString text = u"Hi \"there\"\\ \n\t\u0001 é € 😀"_s;
        const QJsonObject quickReplies{
            {u"type"_s, u"quickReplies"_s},
            {u"itemsPerRow"_s, 8},
            {u"replies"_s, QJsonArray{QJsonObject{{u"type"_s, u"button"_s}, {u"title"_s, u"Yes"_s}}}},
        };
        for (const QJsonObject &replies : {QJsonObject{}, quickReplies}) {
            const auto object = Ums::textEvent(text, replies);
            const auto json = Ums::textEventJson(text, replies);
            QVERIFY(object.ok() && json.ok());
            QCOMPARE(*json, compact(*object));
            for (MessageAudience audience : {MessageAudience::All, MessageAudience::AgentsAndManagers}) {
                QCOMPARE(Ums::publishEventBodyJson(u"dlg-ü"_s, *json, audience),
                         compact(Ums::publishEventBody(u"dlg-ü"_s, *object, audience)));
            }
        }
        const QList<qint64> sequences{0, 7, 9007199254740993};
        QCOMPARE(*Ums::acceptStatusEventJson(u"ACCEPT"_s, sequences), compact(*Ums::acceptStatusEvent(u"ACCEPT"_s, sequences)));
        QCOMPARE(*Ums::acceptStatusEventJson(u"READ"_s, {3}), compact(*Ums::acceptStatusEvent(u"READ"_s, {3})));
        const QJsonObject rich{{u"type"_s, u"vertical"_s}, {u"elements"_s, QJsonArray{1.5, true, QJsonValue()}}};
        QCOMPARE(JsonWriter::toJson(*Ums::richContentEvent(rich)), compact(*Ums::richContentEvent(rich)));
    }

    void jsonBuildersRejectLikeObjectBuilders()
    {
        QVERIFY(!Ums::textEventJson(QString()).ok());
        QCOMPARE(Ums::textEventJson(QString()).error().message, Ums::textEvent(QString()).error().message);
        const QJsonObject badReplies{{u"type"_s, u"other"_s}};
        QCOMPARE(Ums::textEventJson(u"x"_s, badReplies).error().message,
                 Ums::textEvent(u"x"_s, badReplies).error().message);
        QCOMPARE(Ums::acceptStatusEventJson(u"READ"_s, {}).error().message,
                 Ums::acceptStatusEvent(u"READ"_s, {}).error().message);
        QCOMPARE(Ums::acceptStatusEventJson(u"READ"_s, {1, -2}).error().message,
                 Ums::acceptStatusEvent(u"READ"_s, {1, -2}).error().message);
        QCOMPARE(Ums::acceptStatusEventJson(u"READ"_s, {1, -2}).error().code, u"liveperson.invalid_argument"_s);
    }
};

QTEST_GUILESS_MAIN(TestUmsProtocol)
#include "tst_umsprotocol.moc"
