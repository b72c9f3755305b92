// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RawWebSocketServer.h"
#include "liveperson/UmsConnection.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace Switchboard::LivePerson;
using Switchboard::Test::RawWebSocketServer;

namespace
{
UmsConnection::Options fastOptions()
{
    UmsConnection::Options options;
    options.requestTimeout = 300ms;
    options.timeoutCheckInterval = 20ms;
    options.pingInterval = 100ms;
    options.clockInterval = 150ms;
    options.deadAfter = 600ms;
    return options;
}

QJsonObject lastRequest(const RawWebSocketServer &server)
{
    return QJsonDocument::fromJson(server.receivedTexts().constLast()).object();
}

QByteArray response(const QString &reqId, int code, const QJsonValue &body)
{
    return QJsonDocument(QJsonObject{{u"kind"_s, u"resp"_s}, {u"reqId"_s, reqId}, {u"code"_s, code}, {u"body"_s, body}})
        .toJson(QJsonDocument::Compact);
}
} // namespace

/**
 * The UMS socket wrapper against a scripted raw WebSocket server: request/response matching,
 * the request timeout, keep-alive pings and GetClock, dead-socket detection, close codes,
 * handshake errors and malformed frames.
 */
class TestUmsConnection : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RawWebSocketServer> m_server;
    std::unique_ptr<UmsConnection> m_connection;

    bool connectClient(UmsConnection::Options options = fastOptions())
    {
        m_connection = std::make_unique<UmsConnection>(options);
        QSignalSpy opened(m_connection.get(), &UmsConnection::opened);
        m_connection->open(
            QUrl(u"ws://127.0.0.1:%1/ws_api/account/1/messaging/brand/token?v=2.1"_s.arg(m_server->port())));
        return opened.wait(5000) && m_connection->isOpen();
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<RawWebSocketServer>();
        QVERIFY(m_server->listen());
    }
    void cleanup()
    {
        m_connection.reset();
        m_server.reset();
    }

    void matchesResponsesByRequestId()
    {
        QVERIFY(connectClient(UmsConnection::Options{}));
        QList<CommandResult> results;
        const QString first = m_connection->request(
            u".ams.routing.SetAgentState"_s, QJsonObject{}, [&](const CommandResult &r) { results.append(r); });
        const QString second = m_connection->request(
            u".ams.ms.PublishEvent"_s, QJsonObject{}, [&](const CommandResult &r) { results.append(r); });
        QVERIFY(!first.isEmpty() && !second.isEmpty() && first != second);
        QVERIFY(first.size() <= 64);
        QTRY_COMPARE(m_server->receivedTexts().size(), 2);
        // Answer out of order; the second with an error code.
        m_server->sendText(response(second, 400, u"Agent does not exist in conversation"_s));
        m_server->sendText(response(first, 202, u"Agent state updated successfully"_s));
        QTRY_COMPARE(results.size(), 2);
        QVERIFY(!results.at(0).ok());
        QCOMPARE(results.at(0).error->kind, ApiErrorKind::Http);
        QCOMPARE(results.at(0).error->status, 400);
        QCOMPARE(results.at(0).error->body.toString(), u"Agent does not exist in conversation"_s);
        QVERIFY(results.at(1).ok());
        QCOMPARE(results.at(1).code, 202);
        QCOMPARE(m_connection->pendingRequestCount(), 0);
        // The request envelope is the documented one.
        const QJsonObject sent = QJsonDocument::fromJson(m_server->receivedTexts().at(0)).object();
        QCOMPARE(sent.value(u"kind"_s).toString(), u"req"_s);
        QCOMPARE(sent.value(u"id"_s).toString(), first);
        QCOMPARE(sent.value(u"type"_s).toString(), u".ams.routing.SetAgentState"_s);
    }

    void flushWritesSentFramesWithoutWaitingForTheEventLoop()
    {
        QVERIFY(connectClient(UmsConnection::Options{}));
        // A frame waits in the socket's buffer until the event loop turns ...
        QVERIFY(!m_connection->request(u".GetClock"_s, QJsonObject{}, [](const CommandResult &) {}).isEmpty());
        QVERIFY(m_connection->bytesToWrite() > 0);
        // ... unless flushed: the publication journal relies on that for bot replies.
        m_connection->flush();
        QCOMPARE(m_connection->bytesToWrite(), 0);
        QTRY_COMPARE(m_server->receivedTexts().size(), 1);
    }

    void timesOutUnansweredRequests()
    {
        UmsConnection::Options options = fastOptions();
        options.clockInterval = 1h; // no GetClock of our own in the way
        options.deadAfter = 1h;
        QVERIFY(connectClient(options));
        QList<CommandResult> results;
        QElapsedTimer timer;
        timer.start();
        m_connection->request(
            u".ams.ms.QueryMessages"_s, QJsonObject{}, [&](const CommandResult &r) { results.append(r); });
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 3000);
        QVERIFY(timer.elapsed() >= 300);
        QCOMPARE(results.at(0).error->kind, ApiErrorKind::Timeout);
        QCOMPARE(m_connection->pendingRequestCount(), 0);
        // A late answer is ignored, not delivered twice (the notification sent after it marks the point).
        QSignalSpy notifications(m_connection.get(), &UmsConnection::notificationReceived);
        m_server->sendText(response(lastRequest(*m_server).value(u"id"_s).toString(), 200, QJsonArray{}));
        m_server->sendText(R"({"kind":"notification","type":".ams.routing.AgentStateNotification","body":{}})");
        QVERIFY(notifications.wait(3000));
        QCOMPARE(results.size(), 1);
    }

    void sendsKeepAlivesAndDetectsADeadSocket()
    {
        QVERIFY(connectClient());
        QSignalSpy closed(m_connection.get(), &UmsConnection::closed);
        // The silent server answers no ping and no GetClock: the socket is declared dead.
        QVERIFY(closed.wait(5000));
        const auto info = closed.at(0).at(0).value<UmsConnection::CloseInfo>();
        QCOMPARE(info.code, 1006);
        QVERIFY(info.byUs);
        QVERIFY(!info.neverOpened);
        QVERIFY(m_server->pingCount() >= 2);
        bool sawClock = false;
        for (const QByteArray &text : m_server->receivedTexts()) {
            sawClock = sawClock || QJsonDocument::fromJson(text).object().value(u"type"_s).toString() == u".GetClock"_s;
        }
        QVERIFY(sawClock);
        QVERIFY(!m_connection->isOpen());
    }

    void anyFrameKeepsTheSocketAlive()
    {
        QVERIFY(connectClient());
        QSignalSpy closed(m_connection.get(), &UmsConnection::closed);
        // Answer every GetClock; the socket stays up well past deadAfter (600 ms).
        connect(m_server.get(), &RawWebSocketServer::textReceived, this, [this](const QByteArray &payload) {
            const QJsonObject request = QJsonDocument::fromJson(payload).object();
            m_server->sendText(response(request.value(u"id"_s).toString(),
                                        200,
                                        QJsonObject{{u"currentTime"_s, QDateTime::currentMSecsSinceEpoch()}}));
        });
        QVERIFY(!closed.wait(1000));
        QVERIFY(m_connection->isOpen());
        m_server->disconnect(this);
    }

    void reportsServerCloseCodes_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QByteArray>("reason");
        QTest::newRow("4401 kick") << 4401 << QByteArray("session replaced: the agent user logged in elsewhere");
        QTest::newRow("4401 token") << 4401 << QByteArray("token expired");
        QTest::newRow("1011") << 1011 << QByteArray("internal error");
        QTest::newRow("1000") << 1000 << QByteArray();
    }
    void reportsServerCloseCodes()
    {
        QFETCH(int, code);
        QFETCH(QByteArray, reason);
        QVERIFY(connectClient());
        QList<CommandResult> results;
        m_connection->request(
            u".ams.ms.PublishEvent"_s, QJsonObject{}, [&](const CommandResult &r) { results.append(r); });
        QSignalSpy closed(m_connection.get(), &UmsConnection::closed);
        m_server->sendClose(static_cast<quint16>(code), reason);
        QVERIFY(closed.wait(3000));
        const auto info = closed.at(0).at(0).value<UmsConnection::CloseInfo>();
        QCOMPARE(info.code, code);
        QCOMPARE(info.reason, QString::fromUtf8(reason));
        QVERIFY(!info.byUs);
        // Pending requests fail when the socket closes.
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.at(0).error->kind, ApiErrorKind::NotConnected);
    }

    void reportsAnAbruptDropAs1006()
    {
        QVERIFY(connectClient(UmsConnection::Options{}));
        QSignalSpy closed(m_connection.get(), &UmsConnection::closed);
        m_server->dropConnection();
        QVERIFY(closed.wait(3000));
        const auto info = closed.at(0).at(0).value<UmsConnection::CloseInfo>();
        QCOMPARE(info.code, 1006);
        QVERIFY(!info.byUs);
    }

    void reportsHandshakeStatus()
    {
        m_server->setHandshakeStatus(401);
        m_connection = std::make_unique<UmsConnection>(fastOptions());
        QSignalSpy closed(m_connection.get(), &UmsConnection::closed);
        QSignalSpy opened(m_connection.get(), &UmsConnection::opened);
        m_connection->open(QUrl(u"ws://127.0.0.1:%1/ws_api/x"_s.arg(m_server->port())));
        QVERIFY(closed.wait(5000));
        QCOMPARE(opened.size(), 0);
        const auto info = closed.at(0).at(0).value<UmsConnection::CloseInfo>();
        QVERIFY(info.neverOpened);
        QCOMPARE(info.handshakeStatus, 401);
        QCOMPARE(closed.size(), 1);
    }

    void parsesHandshakeErrorText()
    {
        QCOMPARE(UmsConnection::handshakeStatusFromError(
                     u"QWebSocketPrivate::processHandshake: Unhandled http status code: 401 (Unauthorized)."_s),
                 401);
        QCOMPARE(UmsConnection::handshakeStatusFromError(u"Connection refused"_s), 0);
    }

    void countsMalformedFramesAndFailsTheirRequest()
    {
        QVERIFY(connectClient(UmsConnection::Options{}));
        QSignalSpy malformed(m_connection.get(), &UmsConnection::malformedFrame);
        QSignalSpy notifications(m_connection.get(), &UmsConnection::notificationReceived);
        QList<CommandResult> results;
        const QString id = m_connection->request(
            u".ams.ms.PublishEvent"_s, QJsonObject{}, [&](const CommandResult &r) { results.append(r); });
        m_server->sendText("not json at all");
        m_server->sendText(R"({"kind":"notification","type":".ams.ms.OnlineEventDistribution","body":[]})");
        m_server->sendText(R"({"kind":"resp","reqId":")" + id.toUtf8() + R"(","code":"two hundred"})");
        m_server->sendText(
            R"({"kind":"notification","type":".ams.routing.RoutingTaskNotification","body":{"changes":[]}})");
        QTRY_COMPARE(notifications.size(), 1);
        QCOMPARE(malformed.size(), 3);
        QCOMPARE(m_connection->malformedFrameCount(), 3);
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.at(0).error->kind, ApiErrorKind::Protocol);
        QVERIFY(m_connection->isOpen()); // malformed input never kills the connection
    }

    void requestJsonSendsTheBodyAsIsAndSkipsUnwantedBodies()
    {
        QVERIFY(connectClient(UmsConnection::Options{}));
        QList<CommandResult> results;
        const QByteArray body = R"({"dialogId":"d\u00e9","event":{"type":"X"},"messageAudience":"ALL"})";
        const QString quiet = m_connection->requestJson(
            u".ams.ms.PublishEvent"_s, body, [&](const CommandResult &r) { results.append(r); }, false);
        const QString wanted = m_connection->requestJson(
            u".ams.ms.PublishEvent"_s, QByteArrayView(), [&](const CommandResult &r) { results.append(r); });
        const QString refused = m_connection->requestJson(
            u".ams.ms.PublishEvent"_s, "{}", [&](const CommandResult &r) { results.append(r); }, false);
        QTRY_COMPARE(m_server->receivedTexts().size(), 3);
        const QJsonObject first = QJsonDocument::fromJson(m_server->receivedTexts().at(0)).object();
        QCOMPARE(first.value(u"body"_s).toObject(), QJsonDocument::fromJson(body).object());
        QCOMPARE(first.value(u"id"_s).toString(), quiet);
        // An empty body is {} like request()'s, and the envelope is byte for byte request()'s.
        QCOMPARE(m_server->receivedTexts().at(1),
                 Ums::buildRequest(wanted, u".ams.ms.PublishEvent"_s, QJsonObject{}));
        m_server->sendText(response(quiet, 200, QJsonObject{{u"sequence"_s, 4}}));
        m_server->sendText(response(wanted, 200, QJsonObject{{u"sequence"_s, 5}}));
        m_server->sendText(response(refused, 400, u"no such dialog"_s));
        QTRY_COMPARE(results.size(), 3);
        QVERIFY(results.at(0).ok());
        QCOMPARE(results.at(0).code, 200);
        QVERIFY(results.at(0).body.isNull()); // not wanted: not built
        QCOMPARE(results.at(1).sequence(), 5);
        QCOMPARE(results.at(2).error->kind, ApiErrorKind::Http);
        QCOMPARE(results.at(2).error->body.toString(), u"no such dialog"_s); // errors keep theirs
    }

    void givesNotificationsToTheReaderWithoutConverting()
    {
        QVERIFY(connectClient(UmsConnection::Options{}));
        QList<QString> types;
        QList<qint64> sequences;
        QList<QJsonValue> bodies;
        connect(
            m_connection.get(),
            &UmsConnection::notificationParsed,
            this,
            [&](const Ums::Frame &frame, const Ums::FrameReader *reader) {
                types.append(frame.type);
                QVERIFY(frame.body.isNull()); // not converted for this signal
                const auto event = reader->messagingEvent();
                sequences.append(event.ok() ? event->sequence : -2);
                bodies.append(reader->body());
            },
            Qt::DirectConnection);
        // Frames of growing and shrinking size, non-ASCII text, through the one reused buffer.
        // 400000 (800 KB, more than the old 256 KiB cap): its buffer (3 bytes a character) is not
        // kept; it fits the default 1 MiB read-ahead (Options::readBufferBytes), the largest frame accepted.
        const QList<int> sizes{10, 5000, 1, 400000, 3};
        qint64 sequence = 0;
        for (int size : sizes) {
            const QJsonObject body{{u"sequence"_s, ++sequence},
                                   {u"dialogId"_s, u"d"_s},
                                   {u"originatorId"_s, u"u"_s},
                                   {u"event"_s,
                                    QJsonObject{{u"type"_s, u"ContentEvent"_s},
                                                {u"contentType"_s, u"text/plain"_s},
                                                {u"message"_s, QString(QString(size, QChar(0x00e9)) + u"😀"_s)}}}};
            m_server->sendText(QJsonDocument(QJsonObject{{u"kind"_s, u"notification"_s},
                                                         {u"type"_s, u".ams.ms.OnlineEventDistribution"_s},
                                                         {u"body"_s, body}})
                                   .toJson(QJsonDocument::Compact));
            QTRY_COMPARE_WITH_TIMEOUT(bodies.size(), static_cast<int>(sequence), 10000);
            QCOMPARE(bodies.constLast(), QJsonValue(body));
        }
        QCOMPARE(sequences, (QList<qint64>{1, 2, 3, 4, 5}));
        QCOMPARE(types.constFirst(), u".ams.ms.OnlineEventDistribution"_s);
        // With notificationReceived() connected too, it gets the converted body.
        QSignalSpy received(m_connection.get(), &UmsConnection::notificationReceived);
        m_server->sendText(R"({"kind":"notification","type":"x","body":{"a":[1,"b"]}})");
        QVERIFY(received.wait(3000));
        QCOMPARE(received.at(0).at(0).value<Ums::Frame>().body,
                 QJsonValue(QJsonObject{{u"a"_s, QJsonArray{1, QJsonValue(u"b"_s)}}}));
        QCOMPARE(types.size(), 6);
        QCOMPARE(m_connection->malformedFrameCount(), 0);
    }

    void refusesAFrameLargerThanTheReadAheadInsteadOfStalling()
    {
        // QWebSocket 6.4 completes a frame only once all of it is in the read buffer: a larger one
        // used to stall the socket until it was declared dead. Now it is refused with 1009.
        UmsConnection::Options options = fastOptions();
        options.deadAfter = 60s;
        options.readBufferBytes = 64 * 1024;
        QVERIFY(connectClient(options));
        QSignalSpy closed(m_connection.get(), &UmsConnection::closed);
        const QByteArray big = QByteArray("{\"kind\":\"notification\",\"type\":\"x\",\"body\":{\"text\":\"") +
                               QByteArray(100 * 1024, 'a') + QByteArray("\"}}");
        m_server->sendText(big);
        QVERIFY(closed.wait(5000));
        const auto info = closed.at(0).at(0).value<UmsConnection::CloseInfo>();
        QCOMPARE(info.code, 1009);
    }

    void requestWhileClosedFailsAsynchronously()
    {
        UmsConnection connection(fastOptions());
        bool called = false;
        ApiErrorKind kind = ApiErrorKind::Config;
        const QString id = connection.request(u".GetClock"_s, QJsonObject{}, [&](const CommandResult &r) {
            called = true;
            kind = r.error->kind;
        });
        QVERIFY(id.isEmpty());
        QVERIFY(!called); // never inside the call
        QTRY_VERIFY(called);
        QCOMPARE(kind, ApiErrorKind::NotConnected);
    }
};

QTEST_GUILESS_MAIN(TestUmsConnection)
#include "tst_umsconnection.moc"
