// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The webhook demo bot (docs/bot-webhook.md, v1 draft): HMAC signatures verified or rejected, sync
// answers, async answers through a callback with the bearer token, behaviour switches, duplicates.
#include "BotTestKit.h"
#include "TestSupport.h"
#include "sandbox/bots/WebhookDemoBot.h"

#include <QFile>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QSignalSpy>
#include <QTest>
#include <memory>
#include <openssl/evp.h>
#include <openssl/hmac.h>

using namespace Qt::StringLiterals;
using namespace Switchboard::Sandbox;
using namespace Switchboard::Test;

namespace
{

struct Callback
{
    QString consumerId;
    QByteArray authorization;
    QByteArray delivery;
    QByteArray body;
};

/** HMAC with OpenSSL, independent of the bot's QMessageAuthenticationCode. */
QByteArray opensslSignature(const QByteArray &secret, const QByteArray &timestamp, const QByteArray &body)
{
    const QByteArray message = timestamp + '.' + body;
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(),
         secret.constData(),
         static_cast<int>(secret.size()),
         reinterpret_cast<const unsigned char *>(message.constData()),
         static_cast<size_t>(message.size()),
         digest,
         &length);
    return "sha256=" + QByteArray(reinterpret_cast<const char *>(digest), static_cast<qsizetype>(length)).toHex();
}

} // namespace

class TestWebhookDemoBot final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void signatureMatchesAnIndependentHmac();
    void syncMessageIsAnswered();
    void repliesMatchTheItemSchema();
    void answersMatchTheWebhookSchema();
    void lifecycleEvents();
    void signatureRejected_data();
    void signatureRejected();
    void badRequests_data();
    void badRequests();
    void asyncAnswerArrivesByCallback();
    void asyncNeedsACallbackUrl();
    void badCallbackTokenBehaviour();
    void behaviourFail5xxSlowMalformed();
    void asyncMalformedCallback();
    void duplicateDeliveriesAreCounted();
    void controlApiAndDescribe();

private:
    QJsonObject webhookEvent(const QString &type, const QString &deliveryId, const QString &text, qint64 sequence = 1) const;
    HttpResult post(const QByteArray &body,
                    const QByteArray &timestamp = {},
                    const QByteArray &signature = {},
                    const QList<QPair<QByteArray, QByteArray>> &extra = {});
    HttpResult postEvent(const QJsonObject &event);
    HttpResult control(const QByteArray &verb, const QString &path, const QJsonObject &body = {});

    QHttpServer m_callbackServer;
    QUrl m_callbackRoot;
    QList<Callback> m_callbacks;
    std::unique_ptr<WebhookDemoBot> m_bot;
    std::unique_ptr<HttpTestClient> m_http;
    qint64 m_now = 0;
    const QByteArray m_secret = "webhook-test-secret";
    const QByteArray m_callbackToken = "webhook-test-callback-token";
};

void TestWebhookDemoBot::initTestCase()
{
    // The connector's callback server, as the webhook contract describes it: POST /connector/{consumerId}.
    m_callbackServer.route(
        u"/connector/<arg>"_s,
        QHttpServerRequest::Method::Post,
        [this](const QString &consumerId, const QHttpServerRequest &request) {
            m_callbacks.append(Callback{
                consumerId, request.value("Authorization"), request.value("X-Switchboard-Delivery"), request.body()});
            if (request.value("Authorization") != "Bearer " + m_callbackToken) {
                return QHttpServerResponse(QJsonObject{{"error"_L1, "bad token"_L1}},
                                           QHttpServerResponder::StatusCode::Unauthorized);
            }
            return QHttpServerResponse(QHttpServerResponder::StatusCode::NoContent);
        });
    const quint16 port = m_callbackServer.listen(QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    m_callbackRoot = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
}

void TestWebhookDemoBot::init()
{
    m_now = QDateTime::currentSecsSinceEpoch();
    m_callbacks.clear();
    WebhookDemoBot::Config config;
    config.signingSecret = m_secret;
    config.callbackToken = m_callbackToken;
    config.humanSkillName = u"human-skill"_s;
    config.asyncDelayMs = 50;
    config.clock = [this] { return m_now; };
    m_bot = std::make_unique<WebhookDemoBot>(config);
    QVERIFY(m_bot->listen().ok());
    m_http = std::make_unique<HttpTestClient>();
}

void TestWebhookDemoBot::cleanup()
{
    m_bot.reset();
    m_http.reset();
}

QJsonObject
TestWebhookDemoBot::webhookEvent(const QString &type, const QString &deliveryId, const QString &text, qint64 sequence) const
{
    // The event shape of docs/bot-webhook.md §2.2 (answersMatchTheWebhookSchema checks these too).
    QJsonObject object{{"version"_L1, 1},
                       {"type"_L1, type},
                       {"deliveryId"_L1, deliveryId},
                       {"timestamp"_L1, static_cast<double>(m_now) * 1000}};
    if (type == "ping"_L1) {
        return object;
    }
    object.insert("conversationId"_L1, "conv-1"_L1);
    object.insert("consumerId"_L1, "consumer-1"_L1);
    object.insert("dialogId"_L1, "conv-1"_L1);
    object.insert("callbackUrl"_L1, QString(m_callbackRoot.toString() + u"/connector/consumer-1"_s));
    object.insert("context"_L1, QJsonObject{{"channel"_L1, "messaging"_L1}, {"skillId"_L1, "12"_L1}});
    if (type == "message"_L1) {
        object.insert("sequence"_L1, static_cast<double>(sequence));
    }
    if (!text.isNull()) {
        object.insert("message"_L1, QJsonObject{{"text"_L1, text}});
    }
    return object;
}

HttpResult TestWebhookDemoBot::post(const QByteArray &body,
                                    const QByteArray &timestamp,
                                    const QByteArray &signature,
                                    const QList<QPair<QByteArray, QByteArray>> &extra)
{
    const QByteArray ts = timestamp.isNull() ? QByteArray::number(m_now) : timestamp;
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!ts.isEmpty()) {
        headers.append({"X-Switchboard-Timestamp", ts});
    }
    const QByteArray sig = signature.isNull() ? opensslSignature(m_secret, ts, body) : signature;
    if (!sig.isEmpty()) {
        headers.append({"X-Switchboard-Signature", sig});
    }
    headers.append(extra);
    return m_http->request("POST", m_bot->url(), body, headers);
}

HttpResult TestWebhookDemoBot::postEvent(const QJsonObject &event)
{
    return post(QJsonDocument(event).toJson(QJsonDocument::Compact),
                {},
                {},
                {{"X-Switchboard-Delivery", event.value("deliveryId"_L1).toString().toUtf8()},
                 {"X-Switchboard-Event", event.value("type"_L1).toString().toUtf8()}});
}

HttpResult TestWebhookDemoBot::control(const QByteArray &verb, const QString &path, const QJsonObject &body)
{
    QUrl url = m_bot->controlUrl();
    url.setPath(url.path() + path);
    return m_http->request(
        verb, url, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact));
}

void TestWebhookDemoBot::signatureMatchesAnIndependentHmac()
{
    const QByteArray body = R"({"version":1})";
    QCOMPARE(WebhookDemoBot::signature("key", "1790000000", body), opensslSignature("key", "1790000000", body));
    // A fixed vector, computed once with: printf '1790000000.{"version":1}' | openssl dgst -sha256 -hmac key
    QCOMPARE(WebhookDemoBot::signature("key", "1790000000", body),
             QByteArray("sha256=4313c05fb86a2f39a1bbfc1fdb6a49e55f2b57a8d447fb2c5c946a3dc4e5e3f2"));
}

void TestWebhookDemoBot::syncMessageIsAnswered()
{
    QSignalSpy received(m_bot.get(), &WebhookDemoBot::deliveryReceived);
    const HttpResult result = postEvent(webhookEvent(u"message"_s, u"d-1"_s, u"Hello bot"_s));
    QCOMPARE(result.status, 200);
    const QJsonObject body = result.object();
    QCOMPARE(body.value("version"_L1).toInt(), 1);
    QCOMPARE(body.value("deliveryId"_L1).toString(), u"d-1"_s);
    const QJsonArray replies = body.value("replies"_L1).toArray();
    QCOMPARE(replies.size(), 1);
    QCOMPARE(replies.at(0).toObject().value("data"_L1).toObject().value("message"_L1).toString(), u"echo: Hello bot"_s);
    QCOMPARE(received.count(), 1);
    QCOMPARE(received.at(0).at(0).toString(), u"d-1"_s);
    const QJsonObject stats = m_bot->stats();
    QCOMPARE(stats.value("accepted"_L1).toInt(), 1);
    QCOMPARE(stats.value("syncReplies"_L1).toInt(), 1);
    QCOMPARE(stats.value("rejectedSignatures"_L1).toInt(), 0);

    const HttpResult transfer = postEvent(webhookEvent(u"message"_s, u"d-2"_s, u"transfer please"_s, 2));
    const QJsonArray items = transfer.object().value("replies"_L1).toArray();
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.at(1)
                 .toObject()
                 .value("data"_L1)
                 .toObject()
                 .value("parameters"_L1)
                 .toObject()
                 .value("skillName"_L1)
                 .toString(),
             u"human-skill"_s);
}

void TestWebhookDemoBot::repliesMatchTheItemSchema()
{
    QJsonArray cases;
    qint64 sequence = 0;
    for (const QString &text : {u"hello"_s,
                                u"escalate"_s,
                                u"bye"_s,
                                u"structured content"_s,
                                u"quick replies"_s,
                                u"delay"_s,
                                u"private text"_s,
                                u"ttr"_s,
                                u"metadata"_s}) {
        ++sequence;
        const HttpResult result = postEvent(webhookEvent(u"message"_s, u"d-%1"_s.arg(sequence), text, sequence));
        QCOMPARE(result.status, 200);
        cases.append(QJsonObject{{"name"_L1, text},
                                 {"schema"_L1, "ce:/components/schemas/BotResponse"_L1},
                                 {"instance"_L1, result.object().value("replies"_L1)}});
    }
    bool skipped = false;
    const QString errors = validateWithJsonSchema(cases, &skipped);
    if (skipped) {
        QSKIP("python3 with jsonschema is not available");
    }
    QVERIFY2(errors.isEmpty(), qPrintable(errors));
}

void TestWebhookDemoBot::answersMatchTheWebhookSchema()
{
    QJsonArray cases;
    const auto addCase = [&cases](const QString &name, const QString &definition, const QJsonValue &instance) {
        cases.append(QJsonObject{
            {"name"_L1, name}, {"schema"_L1, QString(u"wh:/definitions/"_s + definition)}, {"instance"_L1, instance}});
    };
    qint64 sequence = 0;
    for (const QString &text : {u"hello"_s,
                                u"escalate"_s,
                                u"bye"_s,
                                u"structured content"_s,
                                u"quick replies"_s,
                                u"delay"_s,
                                u"private text"_s,
                                u"ttr"_s,
                                u"metadata"_s}) {
        ++sequence;
        const QJsonObject sent = webhookEvent(u"message"_s, u"d-w%1"_s.arg(sequence), text, sequence);
        addCase(u"event "_s + text, u"event"_s, sent);
        const HttpResult result = postEvent(sent);
        QCOMPARE(result.status, 200);
        addCase(u"answer "_s + text, u"syncAnswer"_s, result.object());
    }
    for (const QString &type : {u"conversation_started"_s,
                                u"conversation_transferred"_s,
                                u"conversation_closed"_s,
                                u"survey_started"_s,
                                u"survey_closed"_s,
                                u"ping"_s}) {
        const QJsonObject sent = webhookEvent(type, u"d-"_s + type, QString());
        addCase(u"event "_s + type, u"event"_s, sent);
        const HttpResult result = postEvent(sent);
        QCOMPARE(result.status, 200);
        addCase(u"answer "_s + type, type == "ping"_L1 ? u"pingAnswer"_s : u"syncAnswer"_s, result.object());
    }
    addCase(u"error"_s, u"error"_s, post("{}", {}, "sha256=" + QByteArray(64, '0')).object());

    m_bot->setReplyMode(WebhookDemoBot::ReplyMode::Async, 10);
    const HttpResult accepted = postEvent(webhookEvent(u"message"_s, u"d-async"_s, u"transfer"_s, ++sequence));
    QCOMPARE(accepted.status, 202);
    addCase(u"accepted"_s, u"accepted"_s, accepted.object());
    QTRY_COMPARE(m_callbacks.size(), 1);
    addCase(u"callback"_s, u"callback"_s, QJsonDocument::fromJson(m_callbacks.constFirst().body).object());

    if (!QFile::exists(sourceDir() + u"/docs/bot-webhook.schema.json"_s)) {
        QSKIP("docs/bot-webhook.schema.json is not in this checkout");
    }
    bool skipped = false;
    const QString errors = validateWithJsonSchema(cases, &skipped);
    if (skipped) {
        QSKIP("python3 with jsonschema is not available");
    }
    QVERIFY2(errors.isEmpty(), qPrintable(errors));
    // The validator must see a broken answer, or it proves nothing.
    const QJsonArray negative{QJsonObject{{"name"_L1, "negative"_L1},
                                          {"schema"_L1, "wh:/definitions/syncAnswer"_L1},
                                          {"instance"_L1, QJsonObject{{"version"_L1, 1}}}}};
    QVERIFY(!validateWithJsonSchema(negative, &skipped).isEmpty());
    qInfo("validated %lld bodies against docs/bot-webhook.schema.json", static_cast<long long>(cases.size()));
}

void TestWebhookDemoBot::lifecycleEvents()
{
    HttpResult result = postEvent(webhookEvent(u"conversation_started"_s, u"d-s"_s, QString()));
    QCOMPARE(result.status, 200);
    QVERIFY(result.object()
                .value("replies"_L1)
                .toArray()
                .at(0)
                .toObject()
                .value("data"_L1)
                .toObject()
                .value("message"_L1)
                .toString()
                .startsWith("Welcome"_L1));
    result = postEvent(webhookEvent(u"conversation_closed"_s, u"d-c"_s, QString()));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.object().value("replies"_L1).toArray().size(), 0);
    result = postEvent(webhookEvent(u"conversation_transferred"_s, u"d-t"_s, QString()));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.object().value("replies"_L1).toArray().size(), 0);
    result = postEvent(webhookEvent(u"survey_started"_s, u"d-ss"_s, QString()));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.object().value("intents"_L1).toArray().at(0).toObject().value("id"_L1).toString(), u"survey"_s);
    result = postEvent(webhookEvent(u"survey_closed"_s, u"d-sc"_s, QString()));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.object().value("replies"_L1).toArray().size(), 0);

    // The health probe: online, also while calls fail; offline only in the Offline behaviour.
    DemoBotBehaviour failing;
    failing.mode = DemoBotBehaviour::Mode::Fail5xx;
    m_bot->setBehaviour(failing);
    result = postEvent(webhookEvent(u"ping"_s, u"ping-1"_s, QString()));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.object(), (QJsonObject{{"version"_L1, 1}, {"state"_L1, "online"_L1}}));
    DemoBotBehaviour offline;
    offline.mode = DemoBotBehaviour::Mode::Offline;
    m_bot->setBehaviour(offline);
    QCOMPARE(postEvent(webhookEvent(u"ping"_s, u"ping-2"_s, QString())).object().value("state"_L1).toString(), u"offline"_s);
    QCOMPARE(m_bot->stats().value("pings"_L1).toInt(), 2);
    QCOMPARE(m_bot->stats().value("faultsInjected"_L1).toInt(), 0);

    const QJsonObject events = m_bot->stats().value("events"_L1).toObject();
    QCOMPARE(events.value("conversation_started"_L1).toInt(), 1);
    QCOMPARE(events.value("conversation_closed"_L1).toInt(), 1);
    QCOMPARE(events.value("conversation_transferred"_L1).toInt(), 1);
}

void TestWebhookDemoBot::signatureRejected_data()
{
    QTest::addColumn<QString>("variant");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("wrong secret") << u"wrong secret"_s << 401 << u"signature_mismatch"_s;
    QTest::newRow("tampered body") << u"tampered body"_s << 401 << u"signature_mismatch"_s;
    QTest::newRow("signed other timestamp") << u"other timestamp"_s << 401 << u"signature_mismatch"_s;
    QTest::newRow("no signature") << u"no signature"_s << 401 << u"signature_missing"_s;
    QTest::newRow("malformed signature") << u"malformed"_s << 401 << u"signature_malformed"_s;
    QTest::newRow("no timestamp") << u"no timestamp"_s << 401 << u"timestamp_missing"_s;
    QTest::newRow("timestamp not a number") << u"text timestamp"_s << 401 << u"timestamp_invalid"_s;
    QTest::newRow("stale by 301 s") << u"stale"_s << 401 << u"timestamp_stale"_s;
    QTest::newRow("future by 301 s") << u"future"_s << 401 << u"timestamp_in_future"_s;
    QTest::newRow("299 s old is fine") << u"old but fine"_s << 200 << QString();
    QTest::newRow("upper-case hex is fine") << u"upper hex"_s << 200 << QString();
}

void TestWebhookDemoBot::signatureRejected()
{
    QFETCH(QString, variant);
    QFETCH(int, status);
    QFETCH(QString, code);
    QSignalSpy rejected(m_bot.get(), &WebhookDemoBot::signatureRejected);
    const QByteArray body = QJsonDocument(webhookEvent(u"message"_s, u"d-sig"_s, u"hi"_s)).toJson(QJsonDocument::Compact);
    const QByteArray now = QByteArray::number(m_now);
    HttpResult result;
    if (variant == "wrong secret"_L1) {
        result = post(body, now, opensslSignature("not-the-secret", now, body));
    } else if (variant == "tampered body"_L1) {
        QByteArray tampered = body;
        tampered.replace("hi", "ho");
        result = post(tampered, now, opensslSignature(m_secret, now, body));
    } else if (variant == "other timestamp"_L1) {
        result = post(body, now, opensslSignature(m_secret, QByteArray::number(m_now - 1), body));
    } else if (variant == "no signature"_L1) {
        result = post(body, now, QByteArray(""));
    } else if (variant == "malformed"_L1) {
        result = post(body, now, "sha1=abcdef");
    } else if (variant == "no timestamp"_L1) {
        result = post(body, QByteArray(""), opensslSignature(m_secret, now, body));
    } else if (variant == "text timestamp"_L1) {
        result = post(body, "yesterday");
    } else if (variant == "stale"_L1) {
        result = post(body, QByteArray::number(m_now - 301));
    } else if (variant == "future"_L1) {
        result = post(body, QByteArray::number(m_now + 301));
    } else if (variant == "old but fine"_L1) {
        result = post(body, QByteArray::number(m_now - 299));
    } else if (variant == "upper hex"_L1) {
        const QByteArray signature = opensslSignature(m_secret, now, body);
        result = post(body, now, "sha256=" + signature.mid(7).toUpper());
    }
    QCOMPARE(result.status, status);
    if (status == 401) {
        QCOMPARE(result.object().value("error"_L1).toObject().value("code"_L1).toString(), code);
        QVERIFY(!result.object().value("error"_L1).toObject().value("message"_L1).toString().isEmpty());
        QCOMPARE(rejected.count(), 1);
        const QJsonObject stats = m_bot->stats();
        QCOMPARE(stats.value("rejectedSignatures"_L1).toInt(), 1);
        QCOMPARE(stats.value("rejectedByReason"_L1).toObject().value(code).toInt(), 1);
        QCOMPARE(stats.value("accepted"_L1).toInt(), 0);
    } else {
        QCOMPARE(rejected.count(), 0);
    }
}

void TestWebhookDemoBot::badRequests_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::newRow("not json") << QByteArray("[1,") << u"malformed_json"_s;
    QTest::newRow("version 2")
        << QByteArray(R"({"version":2,"type":"message","deliveryId":"d","conversationId":"c","message":{"text":"x"}})")
        << u"unsupported_version"_s;
    QTest::newRow("unknown type") << QByteArray(
                                         R"({"version":1,"type":"typing","deliveryId":"d","conversationId":"c"})")
                                  << u"unknown_type"_s;
    QTest::newRow("no deliveryId")
        << QByteArray(R"({"version":1,"type":"message","conversationId":"c","message":{"text":"x"}})")
        << u"missing_field"_s;
    QTest::newRow("message without text")
        << QByteArray(R"({"version":1,"type":"message","deliveryId":"d","conversationId":"c","message":{}})")
        << u"message_invalid"_s;
    QTest::newRow("ping without deliveryId")
        << QByteArray(R"({"version":1,"type":"ping","timestamp":1})") << u"missing_field"_s;
    QTest::newRow("delivery header mismatch")
        << QByteArray(
               R"({"version":1,"type":"message","deliveryId":"other","conversationId":"c","message":{"text":"x"}})")
        << u"delivery_mismatch"_s;
}

void TestWebhookDemoBot::badRequests()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    const HttpResult result = post(body, {}, {}, {{"X-Switchboard-Delivery", "d"}});
    QCOMPARE(result.status, 400);
    QCOMPARE(result.object().value("error"_L1).toObject().value("code"_L1).toString(), code);
    QCOMPARE(m_bot->stats().value("badRequests"_L1).toInt(), 1);
    QCOMPARE(m_bot->stats().value("rejectedSignatures"_L1).toInt(), 0);
}

void TestWebhookDemoBot::asyncAnswerArrivesByCallback()
{
    m_bot->setReplyMode(WebhookDemoBot::ReplyMode::Async);
    QSignalSpy finished(m_bot.get(), &WebhookDemoBot::callbackFinished);
    const HttpResult result = postEvent(webhookEvent(u"message"_s, u"d-a"_s, u"quick replies"_s));
    QCOMPARE(result.status, 202);
    QCOMPARE(result.object().value("deliveryId"_L1).toString(), u"d-a"_s);
    QCOMPARE(result.object().value("accepted"_L1).toBool(), true);
    QTRY_COMPARE(m_callbacks.size(), 1);
    const Callback callback = m_callbacks.constFirst();
    QCOMPARE(callback.consumerId, u"consumer-1"_s);
    QCOMPARE(callback.authorization, "Bearer " + m_callbackToken);
    QCOMPARE(callback.delivery, QByteArray("d-a"));
    const QJsonObject body = QJsonDocument::fromJson(callback.body).object();
    QCOMPARE(body.value("version"_L1).toInt(), 1);
    QCOMPARE(body.value("deliveryId"_L1).toString(), u"d-a"_s);
    QCOMPARE(body.value("conversationId"_L1).toString(), u"conv-1"_s);
    QCOMPARE(body.value("replies"_L1).toArray().at(0).toObject().value("type"_L1).toString(), u"STRUCTURED_CONTENT"_s);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(1).toInt(), 204);
    const QJsonObject stats = m_bot->stats();
    QCOMPARE(stats.value("asyncAccepted"_L1).toInt(), 1);
    QCOMPARE(stats.value("callbacksSucceeded"_L1).toInt(), 1);
    QCOMPARE(stats.value("callbacksFailed"_L1).toInt(), 0);
}

void TestWebhookDemoBot::asyncNeedsACallbackUrl()
{
    m_bot->setReplyMode(WebhookDemoBot::ReplyMode::Async);
    QJsonObject noCallback = webhookEvent(u"message"_s, u"d-n"_s, u"hi"_s);
    noCallback.insert("callbackUrl"_L1, "ftp://example.com/x"_L1);
    const HttpResult result = postEvent(noCallback);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.object().value("error"_L1).toObject().value("code"_L1).toString(), u"callback_url_invalid"_s);
}

void TestWebhookDemoBot::badCallbackTokenBehaviour()
{
    m_bot->setReplyMode(WebhookDemoBot::ReplyMode::Async);
    QCOMPARE(control("POST", u"/behaviour"_s, {{"mode"_L1, "bad-signature-callback"_L1}}).status, 200);
    QCOMPARE(m_bot->behaviour().mode, DemoBotBehaviour::Mode::BadCallbackToken);
    QSignalSpy finished(m_bot.get(), &WebhookDemoBot::callbackFinished);
    QCOMPARE(postEvent(webhookEvent(u"message"_s, u"d-b"_s, u"hi"_s)).status, 202);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(1).toInt(), 401);
    QCOMPARE(m_callbacks.size(), 1);
    QVERIFY(m_callbacks.constFirst().authorization != "Bearer " + m_callbackToken);
    QCOMPARE(m_bot->stats().value("callbacksFailed"_L1).toInt(), 1);
    QCOMPARE(m_bot->stats().value("faultsInjected"_L1).toInt(), 1);
}

void TestWebhookDemoBot::behaviourFail5xxSlowMalformed()
{
    DemoBotBehaviour behaviour;
    behaviour.mode = DemoBotBehaviour::Mode::Fail5xx;
    behaviour.status = 502;
    m_bot->setBehaviour(behaviour);
    HttpResult result = postEvent(webhookEvent(u"message"_s, u"d-f"_s, u"hi"_s));
    QCOMPARE(result.status, 502);
    QCOMPARE(result.object().value("error"_L1).toObject().value("code"_L1).toString(), u"injected_fault"_s);

    behaviour.mode = DemoBotBehaviour::Mode::Slow;
    behaviour.delayMs = 300;
    m_bot->setBehaviour(behaviour);
    result = postEvent(webhookEvent(u"message"_s, u"d-s"_s, u"hi"_s));
    QCOMPARE(result.status, 200);
    QVERIFY2(result.elapsedMs >= 250, qPrintable(QString::number(result.elapsedMs)));

    behaviour.mode = DemoBotBehaviour::Mode::Malformed;
    m_bot->setBehaviour(behaviour);
    result = postEvent(webhookEvent(u"message"_s, u"d-m"_s, u"hi"_s));
    QCOMPARE(result.status, 200);
    QVERIFY(result.json().isNull());
    QCOMPARE(m_bot->stats().value("faultsInjected"_L1).toInt(), 3);
}

void TestWebhookDemoBot::asyncMalformedCallback()
{
    m_bot->setReplyMode(WebhookDemoBot::ReplyMode::Async, 10);
    DemoBotBehaviour behaviour;
    behaviour.mode = DemoBotBehaviour::Mode::Malformed;
    m_bot->setBehaviour(behaviour);
    QCOMPARE(postEvent(webhookEvent(u"message"_s, u"d-am"_s, u"hi"_s)).status, 202);
    QTRY_COMPARE(m_callbacks.size(), 1);
    QVERIFY(QJsonDocument::fromJson(m_callbacks.constFirst().body).isNull());
}

void TestWebhookDemoBot::duplicateDeliveriesAreCounted()
{
    QSignalSpy duplicates(m_bot.get(), &WebhookDemoBot::duplicateDeliveryDetected);
    const QJsonObject first = webhookEvent(u"message"_s, u"d-dup"_s, u"hi"_s, 5);
    QCOMPARE(postEvent(first).status, 200);
    QCOMPARE(postEvent(webhookEvent(u"message"_s, u"d-other"_s, u"hi"_s, 6)).status, 200);
    QCOMPARE(duplicates.count(), 0);
    QCOMPARE(postEvent(first).status, 200);
    QCOMPARE(duplicates.count(), 1);
    QCOMPARE(duplicates.at(0).at(0).toString(), u"d-dup"_s);
    const QJsonObject stats = m_bot->stats();
    QCOMPARE(stats.value("duplicateDeliveries"_L1).toInt(), 1);
    QCOMPARE(stats.value("duplicateSequences"_L1).toInt(), 1);
    QCOMPARE(
        m_bot->conversationStats(u"conv-1"_s),
        (QJsonObject{{"conversationId"_L1, "conv-1"_L1}, {"lastDeliveryId"_L1, "d-dup"_L1}, {"lastSequence"_L1, 6}}));
    QUrl url = m_bot->controlUrl();
    url.setPath(u"/control/stats"_s);
    url.setQuery(u"conversationId=conv-1"_s);
    QCOMPARE(m_http->request("GET", url).object().value("lastSequence"_L1).toInt(), 6);
    url.setQuery(u"conversationId=nope"_s);
    QCOMPARE(m_http->request("GET", url).status, 404);
}

void TestWebhookDemoBot::controlApiAndDescribe()
{
    HttpResult result = control("POST", u"/mode"_s, {{"mode"_L1, "async"_L1}, {"asyncDelayMs"_L1, 20}});
    QCOMPARE(result.status, 200);
    QCOMPARE(m_bot->replyMode(), WebhookDemoBot::ReplyMode::Async);
    QCOMPARE(control("POST", u"/mode"_s, {{"mode"_L1, "later"_L1}}).status, 400);
    QCOMPARE(control("POST", u"/behaviour"_s, {{"mode"_L1, "nope"_L1}}).status, 400);
    result = control("GET", u"/stats"_s);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.object().value("mode"_L1).toString(), u"async"_s);
    QCOMPARE(control("POST", u"/reset-stats"_s).status, 204);
    QCOMPARE(m_http->request("GET", m_bot->url()).status, 404);

    const QJsonObject described = m_bot->describe();
    QCOMPARE(described.value("url"_L1).toString(), m_bot->url().toString());
    QCOMPARE(described.value("signingSecret"_L1).toString().toLatin1(), m_secret);
    QCOMPARE(described.value("callbackToken"_L1).toString().toLatin1(), m_callbackToken);

    // Without configured values, each bot makes its own random demo values.
    WebhookDemoBot a(WebhookDemoBot::Config{});
    WebhookDemoBot b(WebhookDemoBot::Config{});
    QVERIFY(a.signingSecret().size() >= 32);
    QVERIFY(a.signingSecret() != b.signingSecret());
    QVERIFY(a.callbackToken() != a.signingSecret());
}

QTEST_GUILESS_MAIN(TestWebhookDemoBot)
#include "tst_webhookdemobot.moc"
