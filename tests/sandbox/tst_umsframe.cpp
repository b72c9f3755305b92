// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/UmsFrame.h"

#include <QJsonDocument>
#include <QTest>

using namespace Switchboard::Sandbox;

class TestUmsFrame : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsSdkAndShortTypeNames_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<int>("type");
        QTest::newRow("GetClock") << QByteArray("{\"kind\":\"req\",\"id\":\"1\",\"type\":\".GetClock\",\"body\":{}}")
                                  << int(UmsRequestType::GetClock);
        QTest::newRow("GetClock short") << QByteArray("{\"kind\":\"req\",\"id\":\"1\",\"type\":\"GetClock\"}")
                                        << int(UmsRequestType::GetClock);
        QTest::newRow("UpdateConversationField short, single object")
            << QByteArray(
                   "{\"kind\":\"req\",\"id\":\"2\",\"type\":\"cm.UpdateConversationField\",\"body\":{"
                   "\"conversationId\":\"c\","
                   "\"conversationField\":{\"field\":\"ConversationStateField\",\"conversationState\":\"CLOSE\"}}}")
            << int(UmsRequestType::UpdateConversationField);
        QTest::newRow("cqm alias") << QByteArray("{\"kind\":\"req\",\"id\":\"3\",\"type\":\"cqm."
                                                 "SubscribeExConversations\",\"body\":{\"convState\":[\"OPEN\"]}}")
                                   << int(UmsRequestType::SubscribeExConversations);
        QTest::newRow("GetUserProfile bare string")
            << QByteArray("{\"kind\":\"req\",\"id\":\"4\",\"type\":\".ams.userprofile.GetUserProfile\",\"body\":"
                          "\"consumer-1\"}")
            << int(UmsRequestType::GetUserProfile);
        QTest::newRow("PublishEvent with quick replies and metadata")
            << QByteArray("{\"kind\":\"req\",\"id\":\"5\",\"type\":\".ams.ms.PublishEvent\",\"body\":{\"dialogId\":"
                          "\"d\",\"event\":{\"type\":\"ContentEvent\","
                          "\"contentType\":\"text/"
                          "plain\",\"message\":\"hi\",\"quickReplies\":{\"type\":\"quickReplies\",\"replies\":[]}},"
                          "\"messageAudience\":\"AGENTS_AND_MANAGERS\"},\"metadata\":[{\"type\":\"ExternalId\",\"id\":"
                          "\"x\"}],\"encodedMetadata\":\"ZQ==\"}")
            << int(UmsRequestType::PublishEvent);
    }
    void acceptsSdkAndShortTypeNames()
    {
        QFETCH(QByteArray, frame);
        QFETCH(int, type);
        const UmsParseResult result = parseUmsFrame(frame);
        QVERIFY2(result.ok(), qPrintable(result.error.message));
        QCOMPARE(int(result.request->type), type);
    }

    void parsesFieldsOfAPublish()
    {
        const UmsParseResult result = parseUmsFrame(
            "{\"kind\":\"req\",\"id\":\"5\",\"type\":\".ams.ms.PublishEvent\",\"body\":{\"dialogId\":\"d\",\"event\":{"
            "\"type\":\"ContentEvent\","
            "\"contentType\":\"text/plain\",\"message\":\"hi\"},\"messageAudience\":\"AGENTS_AND_MANAGERS\"},"
            "\"metadata\":[{\"type\":\"ExternalId\",\"id\":\"x\"}],\"encodedMetadata\":\"ZQ==\"}");
        QVERIFY(result.ok());
        QCOMPARE(result.request->dialogId, QStringLiteral("d"));
        QCOMPARE(result.request->audience, QStringLiteral("AGENTS_AND_MANAGERS"));
        QCOMPARE(result.request->metadata.size(), 1);
        QCOMPARE(result.request->encodedMetadata, QStringLiteral("ZQ=="));
    }

    void participantsChangeWithoutUserIdIsAccepted()
    {
        const UmsParseResult result =
            parseUmsFrame("{\"kind\":\"req\",\"id\":\"9\",\"type\":\".ams.cm.UpdateConversationField\",\"body\":{"
                          "\"conversationId\":\"c\",\"conversationField\":["
                          "{\"field\":\"ParticipantsChange\",\"type\":\"REMOVE\",\"role\":\"ASSIGNED_AGENT\"},{"
                          "\"field\":\"Skill\",\"type\":\"UPDATE\",\"skill\":\"1002\"}]}}");
        QVERIFY(result.ok());
        QCOMPARE(result.request->fields.size(), 2);
        QVERIFY(result.request->fields.at(0).userId.isEmpty());
        QCOMPARE(result.request->fields.at(1).skill, QStringLiteral("1002"));
    }

    void rejectsWithPreciseErrors_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("reqId");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("not json") << QByteArray("{nope") << 400 << QString() << QStringLiteral("Malformed JSON");
        QTest::newRow("broken json keeps id") << QByteArray("{\"kind\":\"req\",\"id\":\"abc\",\"type\":") << 400
                                              << QStringLiteral("abc") << QStringLiteral("Malformed JSON");
        QTest::newRow("array") << QByteArray("[1,2]") << 400 << QString() << QStringLiteral("JSON object");
        QTest::newRow("no kind") << QByteArray("{\"id\":\"1\",\"type\":\".GetClock\"}") << 400 << QStringLiteral("1")
                                 << QStringLiteral("kind");
        QTest::newRow("no id") << QByteArray("{\"kind\":\"req\",\"type\":\".GetClock\"}") << 400 << QString()
                               << QStringLiteral("\"id\"");
        QTest::newRow("id too long") << QByteArray("{\"kind\":\"req\",\"id\":\"" + QByteArray(65, 'x') +
                                                   "\",\"type\":\".GetClock\"}")
                                     << 400 << QString() << QStringLiteral("\"id\"");
        QTest::newRow("unknown type")
            << QByteArray("{\"kind\":\"req\",\"id\":\"7\",\"type\":\".ams.nope.Nothing\",\"body\":{}}") << 404
            << QStringLiteral("7") << QStringLiteral("Unknown request type");
        QTest::newRow("missing dialogId")
            << QByteArray("{\"kind\":\"req\",\"id\":\"8\",\"type\":\".ams.ms.PublishEvent\",\"body\":{\"event\":{}}}")
            << 400 << QStringLiteral("8") << QStringLiteral("dialogId");
        QTest::newRow("bad event type") << QByteArray(
                                               "{\"kind\":\"req\",\"id\":\"8\",\"type\":\".ams.ms.PublishEvent\","
                                               "\"body\":{\"dialogId\":\"d\",\"event\":{\"type\":\"X\"}}}")
                                        << 400 << QStringLiteral("8") << QStringLiteral("Unsupported event type");
        QTest::newRow("rich content without content")
            << QByteArray("{\"kind\":\"req\",\"id\":\"8\",\"type\":\".ams.ms.PublishEvent\",\"body\":{\"dialogId\":"
                          "\"d\",\"event\":{\"type\":\"RichContentEvent\"}}}")
            << 400 << QStringLiteral("8") << QStringLiteral("content");
        QTest::newRow("bad ring state") << QByteArray(
                                               "{\"kind\":\"req\",\"id\":\"8\",\"type\":\".ams.routing."
                                               "UpdateRingState\",\"body\":{\"ringId\":\"r\",\"ringState\":\"MAYBE\"}}")
                                        << 400 << QStringLiteral("8") << QStringLiteral("ringState");
        QTest::newRow("unknown field")
            << QByteArray("{\"kind\":\"req\",\"id\":\"8\",\"type\":\".ams.cm.UpdateConversationField\",\"body\":{"
                          "\"conversationId\":\"c\",\"conversationField\":[{\"field\":\"Nope\"}]}}")
            << 400 << QStringLiteral("8") << QStringLiteral("Unknown conversation field");
        QTest::newRow("metadata not array")
            << QByteArray("{\"kind\":\"req\",\"id\":\"8\",\"type\":\".GetClock\",\"metadata\":{}}") << 400
            << QStringLiteral("8") << QStringLiteral("metadata");
        QTest::newRow("bad availability") << QByteArray("{\"kind\":\"req\",\"id\":\"8\",\"type\":\".ams.routing."
                                                        "SetAgentState\",\"body\":{\"availability\":\"SLEEPY\"}}")
                                          << 400 << QStringLiteral("8") << QStringLiteral("availability");
    }
    void rejectsWithPreciseErrors()
    {
        QFETCH(QByteArray, frame);
        QFETCH(int, code);
        QFETCH(QString, reqId);
        QFETCH(QString, messagePart);
        const UmsParseResult result = parseUmsFrame(frame);
        QVERIFY(!result.ok());
        QCOMPARE(result.error.code, code);
        QCOMPARE(result.error.reqId, reqId);
        QVERIFY2(result.error.message.contains(messagePart), qPrintable(result.error.message));
        const QJsonObject response = umsErrorResponse(result.error);
        QCOMPARE(response.value(QStringLiteral("kind")).toString(), QStringLiteral("resp"));
        QCOMPARE(response.contains(QStringLiteral("reqId")), !reqId.isEmpty());
        QVERIFY(response.value(QStringLiteral("body")).toString().size() <= 128);
    }

    void oversizeFrameIsRejectedWithoutParsing()
    {
        QByteArray big = "{\"kind\":\"req\",\"id\":\"big-1\",\"type\":\".ams.ms.PublishEvent\",\"body\":{\"dialogId\":"
                         "\"d\",\"event\":{\"type\":\"ContentEvent\",\"contentType\":\"text/plain\",\"message\":\"";
        big += QByteArray(2 * 1024 * 1024, 'a');
        big += "\"}}}";
        const UmsParseResult result = parseUmsFrame(big, 1024 * 1024);
        QVERIFY(!result.ok());
        QCOMPARE(result.error.code, 400);
        QCOMPARE(result.error.reqId, QStringLiteral("big-1"));
        QVERIFY(result.error.message.contains(QStringLiteral("exceeds")));
    }
};

QTEST_GUILESS_MAIN(TestUmsFrame)
#include "tst_umsframe.moc"
