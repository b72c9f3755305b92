// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// CustomEndpointClient against in-test bots and an in-test Sentinel: the TPB call sequence
// (token, PUT, POST), token caching and renewal, 404 → re-create once, 401 → new token once,
// retries with hops (slow, 5xx, 429), no retry on 4xx, malformed and contract-breaking answers,
// oversize answers, the state probe, environments, bursts, per-conversation order, and that the
// request bodies match LivePerson's Custom Endpoint spec.

#include "FakeClock.h"
#include "MiniHttpServer.h"
#include "TestSupport.h"
#include "bot/BotErrors.h"
#include "bot/CustomEndpointClient.h"
#include "bot/JsonSchemaValidator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>

using namespace Switchboard;
using namespace Switchboard::Bot;
using namespace Switchboard::Test;

namespace
{

const QByteArray s_okReply =
    R"({"response":[{"type":"TEXT","data":{"message":"Hi there"}}],"analytics":{"intents":[{"id":"greeting","description":"Greeting","confidenceScore":0.9}]}})";

QByteArray jwt(qint64 expSeconds, const QByteArray &nonce)
{
    const QByteArray header = QByteArray(R"({"alg":"RS256","kid":"test"})")
                                  .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QByteArray payload = QJsonDocument(QJsonObject{{QStringLiteral("iss"), QStringLiteral("Sentinel")},
                                                         {QStringLiteral("aud"), QStringLiteral("12345678")},
                                                         {QStringLiteral("exp"), double(expSeconds)},
                                                         {QStringLiteral("nonce"), QString::fromLatin1(nonce)}})
                                   .toJson(QJsonDocument::Compact)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return header + '.' + payload + ".c2lnbmF0dXJl";
}

/** An in-test Third-Party-Bots-style bot plus its Sentinel, on one MiniHttpServer. */
struct TestBot
{
    using Step = std::function<void(const MiniRequest &, MiniResponder &)>;

    explicit TestBot(FakeClock &clock)
        : m_clock(clock)
    {
        server.setHandler([this](const MiniRequest &request, MiniResponder responder) { handle(request, responder); });
        server.listen();
    }

    void handle(const MiniRequest &request, MiniResponder &responder)
    {
        const QString path = QString::fromUtf8(request.target);
        if (path.startsWith(QLatin1String("/sentinel/"))) {
            ++tokenCalls;
            tokenBodies.append(request.body);
            validToken = jwt(m_clock.nowMs() / 1000 + tokenLifetimeS, QByteArray::number(tokenCalls));
            responder.send(200, R"({"access_token":")" + validToken + R"(","token_type":"Bearer"})");
            return;
        }
        if (request.header("authorization") != "Bearer " + validToken || rejectTokens > 0) {
            if (rejectTokens > 0) {
                --rejectTokens;
            }
            responder.send(401, R"({"name":"UnauthorizedError"})");
            return;
        }
        if (path.endsWith(QLatin1String("/state"))) {
            responder.send(stateStatus, stateBody);
            return;
        }
        if (path.endsWith(QLatin1String("/environments"))) {
            responder.send(200, R"(["draft","production"])");
            return;
        }
        if (request.method == "PUT") {
            puts.append(request);
            if (!putSteps.isEmpty()) {
                putSteps.takeFirst()(request, responder);
                return;
            }
            responder.send(204);
            return;
        }
        if (path.endsWith(QLatin1String("/events"))) {
            events.append(request);
            if (!eventSteps.isEmpty()) {
                eventSteps.takeFirst()(request, responder);
                return;
            }
            responder.send(200, s_okReply);
            return;
        }
        responder.send(404, R"({"name":"NotFoundError"})");
    }

    QString baseUrl() const
    {
        return server.baseUrl() + QStringLiteral("/api");
    }

    MiniHttpServer server;
    FakeClock &m_clock;
    QByteArray validToken = "never-issued";
    qint64 tokenLifetimeS = 3600;
    int tokenCalls = 0;
    int rejectTokens = 0;
    QList<QByteArray> tokenBodies;
    QList<MiniRequest> puts;
    QList<MiniRequest> events;
    QList<Step> putSteps;
    QList<Step> eventSteps;
    int stateStatus = 200;
    QByteArray stateBody = R"({"state":"online","version":"1.2.3"})";
};

TestBot::Step answer(int status, const QByteArray &body = {})
{
    return [status, body](const MiniRequest &, MiniResponder &r) { r.send(status, body); };
}

TestBot::Step silence()
{
    return [](const MiniRequest &, MiniResponder &) {};
}

BotEvent textEvent(const QString &deliveryId,
                   const QString &conversationId = QStringLiteral("conv-1"),
                   const QString &text = QStringLiteral("Hello"))
{
    BotEvent e;
    e.deliveryId = deliveryId;
    e.type = EventType::Text;
    e.conversationId = conversationId;
    e.dialogId = conversationId;
    e.consumerId = QStringLiteral("consumer-1");
    e.sequence = 4;
    e.timestampMs = 1790000000000;
    e.text = text;
    e.lpEvent = QJsonObject{{QStringLiteral("sequence"), 4},
                            {QStringLiteral("serverTimestamp"), 1790000000000.0},
                            {QStringLiteral("conversationId"), conversationId},
                            {QStringLiteral("dialogId"), conversationId},
                            {QStringLiteral("event"),
                             QJsonObject{{QStringLiteral("type"), QStringLiteral("ContentEvent")},
                                         {QStringLiteral("message"), text},
                                         {QStringLiteral("contentType"), QStringLiteral("text/plain")}}},
                            {QStringLiteral("metadata"), QJsonArray{}},
                            {QStringLiteral("messageAudience"), QStringLiteral("ALL")}};
    e.context.skillId = QStringLiteral("1234567");
    e.context.engagementId = QStringLiteral("123498765");
    e.context.campaignId = QStringLiteral("987665546");
    e.context.assignedAgentId = QStringLiteral("12345678.99");
    e.context.visitor = QJsonObject{{QStringLiteral("language"), QStringLiteral("en-US")}};
    e.sdes = QJsonObject{
        {QStringLiteral("authenticatedSdes"), QJsonObject{{QStringLiteral("customerId"), QStringLiteral("c-9")}}}};
    return e;
}

CustomEndpointConfig configFor(const TestBot &bot)
{
    CustomEndpointConfig config;
    config.baseUrl = bot.baseUrl() + QLatin1Char('/');
    config.botId = QStringLiteral("3f0c4a2e-1111-2222-3333-444455556666");
    config.sentinel.sentinelUrl = bot.server.baseUrl();
    config.sentinel.accountId = QStringLiteral("12345678");
    config.sentinel.clientId = QStringLiteral("client-id");
    config.sentinel.clientSecret = QByteArrayLiteral("s3cret&+=");
    config.retry.timeoutMs = 2000;
    config.retry.pauseOverride = [](int, int) { return 0; };
    return config;
}

QJsonObject bodyOf(const MiniRequest &request)
{
    return QJsonDocument::fromJson(request.body).object();
}

} // namespace

class tst_CustomEndpointClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void happyPath();
    void requestBodiesMatchTheSpec();
    void sdesOnlyWhenConfigured();
    void eventBodyTextIsQtsCompactJson();
    void tokenCachedAndRenewedBeforeExpiry();
    void unauthorizedRenewsTokenOnce();
    void unauthorizedTwiceFails();
    void sentinelRefuses();
    void notFoundRecreatesOnce();
    void notFoundTwiceFails();
    void putConflictIsSuccess();
    void slowBotTimesOutAfterRetries();
    void serverErrorRetriedThenSucceeds();
    void serverErrorsExhaustRetries();
    void rateLimitedWaitsAtLeastOneSecond();
    void clientErrorNotRetried();
    void malformedJson();
    void contractBreakingAnswers_data();
    void contractBreakingAnswers();
    void oversizeAnswer();
    void lifecycleEvents();
    void perConversationOrder();
    void backlogWaitsAsCompactRecords();
    void backlogRespectsConversationOrderAndFailures();
    void backlogWaitCountsAgainstTheTimeout();
    void burstsCombined();
    void stateProbe_data();
    void stateProbe();
    void periodicProbe();
    void environments();
    void invalidConfig();
    void cancelAllSilences();

private:
    JsonSchemaValidator m_spec;
    bool m_haveSpec = false;
};

void tst_CustomEndpointClient::initTestCase()
{
    registerBotMetaTypes();
    QFile spec(Test::schemaPath(QStringLiteral("custom-endpoint/v1.json")));
    if (spec.open(QIODevice::ReadOnly)) {
        m_spec.addDocument(QStringLiteral("mem:/ce/v1.json"), QJsonDocument::fromJson(spec.readAll()).object());
        m_haveSpec = true;
    }
}

void tst_CustomEndpointClient::happyPath()
{
    FakeClock clock;
    TestBot bot(clock);
    HttpClient http;
    CustomEndpointClient client(configFor(bot), &http, clock);
    QSignalSpy replied(&client, &BotClient::replied);
    QSignalSpy failed(&client, &BotClient::deliveryFailed);
    QSignalSpy hops(&client, &BotClient::attemptFinished);

    client.deliver(textEvent(QStringLiteral("d1")));
    QCOMPARE(replied.size(), 0); // never from inside deliver()
    QTRY_COMPARE(replied.size(), 1);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(replied.first().at(0).toString(), QStringLiteral("d1"));
    const auto response = replied.first().at(1).value<BotResponse>();
    QCOMPARE(response.items.size(), 1);
    QCOMPARE(response.items.first().text, QStringLiteral("Hi there"));
    QCOMPARE(response.deliveryIds, QStringList{QStringLiteral("d1")});
    QCOMPARE(response.conversationId, QStringLiteral("conv-1"));
    QCOMPARE(response.intents.size(), 1);

    // Token (form body), PUT, POST; in that order, with the bearer.
    QCOMPARE(bot.tokenCalls, 1);
    QCOMPARE(bot.tokenBodies.first(),
             QByteArray("client_id=client-id&client_secret=s3cret%26%2B%3D&grant_type=client_credentials"));
    QCOMPARE(bot.puts.size(), 1);
    QCOMPARE(bot.puts.first().target,
             QByteArray("/api/v1/bots/3f0c4a2e-1111-2222-3333-444455556666/environments/draft/conversations/conv-1"));
    QCOMPARE(bot.events.size(), 1);
    QCOMPARE(
        bot.events.first().target,
        QByteArray("/api/v1/bots/3f0c4a2e-1111-2222-3333-444455556666/environments/draft/conversations/conv-1/events"));
    QCOMPARE(bot.events.first().header("authorization"), "Bearer " + bot.validToken);
    QCOMPARE(bot.events.first().header("content-type"), QByteArray("application/json"));

    // Hops: token, PUT, POST; bodies recorded except for the token call.
    QTRY_COMPARE(hops.size(), 3);
    const auto token = hops.at(0).at(0).value<HopRecord>();
    QCOMPARE(token.operation, HopOperation::Token);
    QVERIFY(token.requestBody.isEmpty());
    QVERIFY(token.responseBody.isEmpty());
    const auto put = hops.at(1).at(0).value<HopRecord>();
    QCOMPARE(put.operation, HopOperation::CreateConversation);
    QCOMPARE(put.httpStatus, 204);
    const auto post = hops.at(2).at(0).value<HopRecord>();
    QCOMPARE(post.operation, HopOperation::Event);
    QCOMPARE(post.deliveryId, QStringLiteral("d1"));
    QCOMPARE(post.conversationId, QStringLiteral("conv-1"));
    QCOMPARE(post.attempt, 1);
    QCOMPARE(post.maxAttempts, 3);
    QCOMPARE(post.outcome, HopOutcome::Success);
    QCOMPARE(post.httpStatus, 200);
    QCOMPARE(post.method, QByteArray("POST"));
    QVERIFY(post.url.endsWith(QLatin1String("/events")));
    QCOMPARE(post.requestBody, bot.events.first().body);
    QCOMPARE(post.responseBody, s_okReply);
    QVERIFY(post.finishedAtMs >= post.startedAtMs);
    QVERIFY(post.latencyUs > 0);
    QVERIFY(!post.willRetry);

    // The next event of the same conversation: no PUT, no new token.
    client.deliver(textEvent(QStringLiteral("d2")));
    QTRY_COMPARE(replied.size(), 2);
    QCOMPARE(bot.puts.size(), 1);
    QCOMPARE(bot.tokenCalls, 1);
    QVERIFY(client.knowsConversation(QStringLiteral("conv-1")));
    QCOMPARE(client.pendingCount(), 0);
}

void tst_CustomEndpointClient::requestBodiesMatchTheSpec()
{
    if (!m_haveSpec) {
        QSKIP("../shared/reference/schemas/custom-endpoint/v1.json is not available");
    }
    FakeClock clock;
    TestBot bot(clock);
    HttpClient http;
    CustomEndpointConfig config = configFor(bot);
    config.sendSdes = true;
    CustomEndpointClient client(config, &http, clock);
    QSignalSpy replied(&client, &BotClient::replied);
    client.deliver(textEvent(QStringLiteral("d1")));
    BotEvent rich = textEvent(QStringLiteral("d2"));
    rich.type = EventType::RichContent;
    rich.content = QJsonObject{
        {QStringLiteral("type"), QStringLiteral("map")}, {QStringLiteral("la"), 1.0}, {QStringLiteral("lo"), 2.0}};
    client.deliver(rich);
    BotEvent transferred = textEvent(QStringLiteral("d3"));
    transferred.type = EventType::Transferred;
    client.deliver(transferred);
    BotEvent closed = textEvent(QStringLiteral("d4"));
    closed.type = EventType::Closed;
    client.deliver(closed);
    QTRY_COMPARE(replied.size(), 4);

    const QString spec = QStringLiteral("mem:/ce/v1.json");
    const SchemaValidationResult put =
        m_spec.validate(bodyOf(bot.puts.first()), spec + QStringLiteral("#/components/schemas/Conversation"));
    QVERIFY2(put.isValid(), qPrintable(put.violations.value(0).toString()));
    QCOMPARE(
        bodyOf(bot.puts.first()).value(QLatin1String("context")).toObject().value(QLatin1String("skillId")).toDouble(),
        1234567.0);
    for (const MiniRequest &event : std::as_const(bot.events)) {
        const SchemaValidationResult r =
            m_spec.validate(bodyOf(event), spec + QStringLiteral("#/components/schemas/ConversationChange"));
        QVERIFY2(r.isValid(),
                 qPrintable(QString::fromUtf8(event.body) + QStringLiteral(" -> ") + r.violations.value(0).toString()));
    }
    const QJsonObject text = bodyOf(bot.events.at(0));
    QCOMPARE(text.value(QLatin1String("type")).toString(), QStringLiteral("TEXT"));
    QCOMPARE(text.value(QLatin1String("source")).toString(), QStringLiteral("CONSUMER"));
    QCOMPARE(text.value(QLatin1String("data")).toObject().value(QLatin1String("message")).toString(),
             QStringLiteral("Hello"));
    // The raw UMS change item is passed through untouched.
    QCOMPARE(text.value(QLatin1String("context")).toObject().value(QLatin1String("lpEvent")).toObject(),
             textEvent(QStringLiteral("x")).lpEvent);
    QCOMPARE(bodyOf(bot.events.at(2)).value(QLatin1String("data")).toObject().value(QLatin1String("name")).toString(),
             QStringLiteral("TRANSFERRED"));
    QCOMPARE(bodyOf(bot.events.at(3)).value(QLatin1String("data")).toObject().value(QLatin1String("name")).toString(),
             QStringLiteral("CLOSED"));
    // After CLOSED the conversation is forgotten.
    QVERIFY(!client.knowsConversation(QStringLiteral("conv-1")));

    // The welcome event carries the consumer's last message (reference §3.4).
    BotEvent start = textEvent(QStringLiteral("d5"), QStringLiteral("conv-2"), QStringLiteral("I was saying"));
    start.type = EventType::Start;
    const QJsonObject startBody = CustomEndpointClient::eventBody(start);
    QCOMPARE(startBody.value(QLatin1String("type")).toString(), QStringLiteral("START"));
    QCOMPARE(startBody.value(QLatin1String("context"))
                 .toObject()
                 .value(QLatin1String("lpEvent"))
                 .toObject()
                 .value(QLatin1String("lastConsumerMessage"))
                 .toString(),
             QStringLiteral("I was saying"));
    BotEvent survey = textEvent(QStringLiteral("d6"));
    survey.type = EventType::SurveyClose;
    QCOMPARE(CustomEndpointClient::eventBody(survey).value(QLatin1String("type")).toString(),
             QStringLiteral("CLOSE_CONVERSATION"));
}

void tst_CustomEndpointClient::eventBodyTextIsQtsCompactJson()
{
    // The body written directly is byte for byte what Qt JSON writes for eventBody().
    const auto qtText = [](const BotEvent &e) {
        return QJsonDocument(CustomEndpointClient::eventBody(e)).toJson(QJsonDocument::Compact);
    };
    QList<BotEvent> events;
    events.append(textEvent(QStringLiteral("d1")));
    events.append(textEvent(QStringLiteral("d2"), QStringLiteral("conv-é"),
                            QStringLiteral("q\"b\\s\tn\nc\x01 é😀 \u2028")));
    BotEvent rich = textEvent(QStringLiteral("d3"));
    rich.type = EventType::RichContent;
    rich.text.clear();
    rich.content = QJsonObject{{QStringLiteral("type"), QStringLiteral("vertical")},
                               {QStringLiteral("elements"), QJsonArray{QJsonObject{{QStringLiteral("n"), 1.5}}}}};
    events.append(rich);
    BotEvent synthetic = textEvent(QStringLiteral("d4"));
    synthetic.lpEvent = QJsonObject();
    events.append(synthetic);
    for (const EventType type : {EventType::Start, EventType::Transferred, EventType::Closed, EventType::SurveyStart,
                                 EventType::SurveyClose}) {
        BotEvent lifecycle = textEvent(QStringLiteral("d5"));
        lifecycle.type = type;
        events.append(lifecycle);
    }
    for (const BotEvent &e : std::as_const(events)) {
        QCOMPARE(CustomEndpointClient::eventBodyJson(e), qtText(e));
        // Given as the channel's compact text instead of (or besides) the object: the same body.
        if (!e.lpEvent.isEmpty()) {
            BotEvent asText = e;
            asText.lpEventJson = QJsonDocument(e.lpEvent).toJson(QJsonDocument::Compact);
            QCOMPARE(CustomEndpointClient::eventBodyJson(asText), qtText(e));
            asText.lpEvent = QJsonObject();
            QCOMPARE(CustomEndpointClient::eventBodyJson(asText), qtText(e));
            QCOMPARE(CustomEndpointClient::eventBody(asText), CustomEndpointClient::eventBody(e));
        }
    }
}

void tst_CustomEndpointClient::sdesOnlyWhenConfigured()
{
    const BotEvent e = textEvent(QStringLiteral("d"));
    const QJsonObject without = CustomEndpointClient::conversationBody(e, false);
    QVERIFY(!without.contains(QLatin1String("sdes")));
    const QJsonObject with = CustomEndpointClient::conversationBody(e, true);
    const QJsonObject sdes = with.value(QLatin1String("sdes")).toObject();
    QCOMPARE(sdes.value(QLatin1String("authenticatedSdes")).toObject().value(QLatin1String("customerId")).toString(),
             QStringLiteral("c-9"));
    QVERIFY(sdes.value(QLatin1String("unauthenticatedSdes")).isObject());
    const QJsonObject context = with.value(QLatin1String("context")).toObject();
    QCOMPARE(context.value(QLatin1String("type")).toString(), QStringLiteral("MESSAGING"));
    QCOMPARE(context.value(QLatin1String("engagementId")).toDouble(), 123498765.0);
    QCOMPARE(context.value(QLatin1String("assignedAgentId")).toString(), QStringLiteral("12345678.99"));
}

void tst_CustomEndpointClient::tokenCachedAndRenewedBeforeExpiry()
{
    FakeClock clock;
    TestBot bot(clock);
    bot.tokenLifetimeS = 120; // margin: a fifth of it, 24 s
    HttpClient http;
    CustomEndpointClient client(configFor(bot), &http, clock);
    QSignalSpy replied(&client, &BotClient::replied);
    client.deliver(textEvent(QStringLiteral("d1")));
    QTRY_COMPARE(replied.size(), 1);
    SentinelTokenProvider *tokens = client.tokenProvider();
    QVERIFY(tokens->hasValidToken());
    QCOMPARE(tokens->refreshAtMs(), (clock.nowMs() / 1000 + 120) * 1000 - 24000);
    QCOMPARE(SentinelTokenProvider::jwtExpiry(bot.validToken), clock.nowMs() / 1000 + 120);

    clock.advance(90 * 1000);
    client.deliver(textEvent(QStringLiteral("d2")));
    QTRY_COMPARE(replied.size(), 2);
    QCOMPARE(bot.tokenCalls, 1);

    clock.advance(10 * 1000); // 100 s: inside the margin before exp
    QVERIFY(!tokens->hasValidToken());
    client.deliver(textEvent(QStringLiteral("d3")));
    QTRY_COMPARE(replied.size(), 3);
    QCOMPARE(bot.tokenCalls, 2);
    QCOMPARE(tokens->fetchCount(), 2);

    // Several deliveries waiting for a token share one Sentinel call.
    clock.advance(200 * 1000);
    for (int i = 0; i < 4; ++i) {
        client.deliver(textEvent(QStringLiteral("p%1").arg(i), QStringLiteral("conv-p%1").arg(i)));
    }
    QTRY_COMPARE(replied.size(), 7);
    QCOMPARE(bot.tokenCalls, 3);
}

void tst_CustomEndpointClient::unauthorizedRenewsTokenOnce()
{
    FakeClock clock;
    TestBot bot(clock);
    HttpClient http;
    CustomEndpointClient client(configFor(bot), &http, clock);
    QSignalSpy replied(&client, &BotClient::replied);
    QSignalSpy hops(&client, &BotClient::attemptFinished);
    client.deliver(textEvent(QStringLiteral("d1")));
    QTRY_COMPARE(replied.size(), 1);
    // The bot rotates its trust: the held token is refused once.
    bot.rejectTokens = 1;
    client.deliver(textEvent(QStringLiteral("d2")));
    QTRY_COMPARE(replied.size(), 2);
    QCOMPARE(bot.tokenCalls, 2);
    bool saw401 = false;
    for (const QList<QVariant> &args : std::as_const(hops)) {
        saw401 = saw401 || args.at(0).value<HopRecord>().httpStatus == 401;
    }
    QVERIFY(saw401);
}

void tst_CustomEndpointClient::unauthorizedTwiceFails()
{
    FakeClock clock;
    TestBot bot(clock);
    bot.rejectTokens = 100;
    HttpClient http;
    CustomEndpointClient client(configFor(bot), &http, clock);
    QSignalSpy failed(&client, &BotClient::deliveryFailed);
    client.deliver(textEvent(QStringLiteral("d1")));
    QTRY_COMPARE(failed.size(), 1);
    const auto error = failed.first().at(1).value<BotError>();
    QCOMPARE(error.code, QStringLiteral("bot.unauthorized"));
    QCOMPARE(error.httpStatus, 401);
    QVERIFY(!error.hint.isEmpty());
    QCOMPARE(bot.tokenCalls, 2); // the first token and exactly one renewal
    QCOMPARE(bot.events.size(), 0);
}

void tst_CustomEndpointClient::sentinelRefuses()
{
    FakeClock clock;
    MiniHttpServer sentinel([](const MiniRequest &, MiniResponder r) { r.send(401, R"({"error":"invalid_client"})"); });
    sentinel.listen();
    TestBot bot(clock);
    CustomEndpointConfig config = configFor(bot);
    config.sentinel.sentinelUrl = sentinel.baseUrl();
    HttpClient http;
    CustomEndpointClient client(config, &http, clock);
    QSignalSpy failed(&client, &BotClient::deliveryFailed);
    QSignalSpy probed(&client, &BotClient::stateProbed);
    client.deliver(textEvent(QStringLiteral("d1")));
    client.probeState();
    QTRY_COMPARE(failed.size(), 1);
    QTRY_COMPARE(probed.size(), 1);
    QCOMPARE(failed.first().at(1).value<BotError>().code, QStringLiteral("bot.token_error"));
    QCOMPARE(probed.first().at(0).value<BotState>().error.code, QStringLiteral("bot.token_error"));
    QVERIFY(!probed.first().at(0).value<BotState>().online);
    QCOMPARE(bot.events.size(), 0);
}

void tst_CustomEndpointClient::notFoundRecreatesOnce()
{
    FakeClock clock;
    TestBot bot(clock);
    HttpClient http;
    CustomEndpointClient client(configFor(bot), &http, clock);
    QSignalSpy replied(&client, &BotClient::replied);
    client.deliver(textEvent(QStringLiteral("d1")));
    QTRY_COMPARE(replied.size(), 1);
    // The bot restarted and lost the conversation.
    bot.eventSteps = {answer(404, R"({"name":"NotFoundError","message":"no conversation found for the given bot."})")};
    client.deliver(textEvent(QStringLiteral("d2")));
    QTRY_COMPARE(replied.size(), 2);
    QCOMPARE(bot.puts.size(), 2);
    QCOMPARE(bot.events.size(), 3);
    QCOMPARE(bot.events.at(1).body, bot.events.at(2).body);
}

void tst_CustomEndpointClient::notFoundTwiceFails()
{
    FakeClock clock;
    TestBot bot(clock);
    bot.eventSteps = {answer(404), answer(404), answer(404)};
    HttpClient http;
    CustomEndpointClient client(configFor(bot), &http, clock);
    QSignalSpy failed(&client, &BotClient::deliveryFailed);
    client.deliver(textEvent(QStringLiteral("d1")));
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(1).value<BotError>().code, QStringLiteral("bot.not_found"));
    QCOMPARE(bot.puts.size(), 2);
    QCOMPARE(bot.events.size(), 2);
}

void tst_CustomEndpointClient::putConflictIsSuccess()
{
    FakeClock clock;
    TestBot bot(clock);
    bot.putSteps = {answer(409)};
    HttpClient http;
    CustomEndpointClient client(configFor(bot), &http, clock);
    QSignalSpy replied(&client, &BotClient::replied);
    client.deliver(textEvent(QStringLiteral("d1")));
    QTRY_COMPARE(replied.size(), 1);
    QCOMPARE(bot.events.size(), 1);

    bot.putSteps = {answer(400, R"({"name":"BadRequestError"})")};
    QSignalSpy failed(&client, &BotClient::deliveryFailed);
    client.deliver(textEvent(QStringLiteral("d2"), QStringLiteral("conv-2")));
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(1).value<BotError>().code, QStringLiteral("bot.http_4xx"));
}

void tst_CustomEndpointClient::slowBotTimesOutAfterRetries()
{
    FakeClock clock;
    TestBot bot(clock);
    bot.eventSteps = {silence(), silence(), silence()};
    HttpClient http;
    CustomEndpointConfig config = configFor(bot);
    config.retry.timeoutMs = 200;
    QList<int> pauses;
    config.retry.pauseOverride = [&pauses](int attempt, int least) {
        pauses.append(attempt);
        return least;
    };
    CustomEndpointClient client(config, &http, clock);
    QSignalSpy failed(&client, &BotClient::deliveryFailed);
    QSignalSpy hops(&client, &BotClient::attemptFinished);
    client.deliver(textEvent(QStringLiteral("d1")));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    const auto error = failed.first().at(1).value<BotError>();
    QCOMPARE(error.code, QStringLiteral("bot.timeout"));
    QCOMPARE(error.attempts, 3);
    QCOMPARE(bot.events.size(), 3);
    QCOMPARE(pauses, (QList<int>{1, 2}));
    QList<HopRecord> eventHops;
    for (const QList<QVariant> &args : std::as_const(hops)) {
        const auto hop = args.at(0).value<HopRecord>();
        if (hop.operation == HopOperation::Event) {
            eventHops.append(hop);
        }
    }
    QCOMPARE(eventHops.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(eventHops[i].attempt, i + 1);
        QCOMPARE(eventHops[i].outcome, HopOutcome::Timeout);
        QCOMPARE(eventHops[i].errorCode, QStringLiteral("bot.timeout"));
        QCOMPARE(eventHops[i].willRetry, i < 2);
        QVERIFY(eventHops[i].latencyUs >= 150000);
    }
}

void tst_CustomEndpointClient::serverErrorRetriedThenSucceeds()
{
    FakeClock clock;
    TestBot bot(clock);
    bot.eventSteps = {answer(503, R"({"error":"busy"})")};
    HttpClient http;
    CustomEndpointClient client(configFor(bot), &http, clock);
    QSignalSpy replied(&client, &BotClient::replied);
    QSignalSpy hops(&client, &BotClient::attemptFinished);
    client.deliver(textEvent(QStringLiteral("d1")));
    QTRY_COMPARE(replied.size(), 1);
    QCOMPARE(bot.events.size(), 2);
    const auto first = hops.at(hops.size() - 2).at(0).value<HopRecord>();
    const auto second = hops.last().at(0).value<HopRecord>();
    QCOMPARE(first.outcome, HopOutcome::HttpServerError);
    QCOMPARE(first.httpStatus, 503);
    QVERIFY(first.willRetry);
    QCOMPARE(second.attempt, 2);
    QCOMPARE(second.outcome, HopOutcome::Success);
}

void tst_CustomEndpointClient::serverErrorsExhaustRetries()
{
    FakeClock clock;
    TestBot bot(clock);
    bot.eventSteps = {answer(500), answer(502), answer(500), answer(200, s_okReply)};
    HttpClient http;
    CustomEndpointClient client(configFor(bot), &http, clock);
    QSignalSpy failed(&client, &BotClient::deliveryFailed);
    client.deliver(textEvent(QStringLiteral("d1")));
    QTRY_COMPARE(failed.size(), 1);
    const auto error = failed.first().at(1).value<BotError>();
    QCOMPARE(error.code, QStringLiteral("bot.http_5xx"));
    QCOMPARE(error.httpStatus, 500);
    QCOMPARE(error.attempts, 3);
    QCOMPARE(bot.events.size(), 3);
}

void tst_CustomEndpointClient::rateLimitedWaitsAtLeastOneSecond()
{
    FakeClock clock;
    TestBot bot(clock);
    bot.eventSteps = {[](const MiniRequest &, MiniResponder &r) {
        r.send(429, "{}", "application/json", {{"Retry-After", "2"}});
    }};
    HttpClient http;
    CustomEndpointConfig config = configFor(bot);
    QList<int> least;
    config.retry.pauseOverride = [&least](int, int leastMs) {
        least.append(leastMs);
        return 1; // injected: short in tests
    };
    CustomEndpointClient client(config, &http, clock);
    QSignalSpy replied(&client, &BotClient::replied);
    client.deliver(textEvent(QStringLiteral("d1")));
    QTRY_COMPARE(replied.size(), 1);
    QCOMPARE(least, QList<int>{2000});

    // Without Retry-After the rule is still at least one second; the default policy jitters above it.
    RetryPolicy policy;
    HttpResponse tooMany;
    tooMany.status = 429;
    QVERIFY(policy.pauseBeforeRetry(1, tooMany) >= 1000);
    HttpResponse fiveHundred;
    fiveHundred.status = 500;
    const int pause1 = policy.pauseBeforeRetry(1, fiveHundred);
    QVERIFY(pause1 >= 4000 && pause1 <= 6000);
    const int pause2 = policy.pauseBeforeRetry(2, fiveHundred);
    QVERIFY(pause2 >= 8000 && pause2 <= 12000);
    QVERIFY(RetryPolicy::isRetryable(tooMany));
    QVERIFY(RetryPolicy::isRetryable(fiveHundred));
    HttpResponse fourHundred;
    fourHundred.status = 404;
    QVERIFY(!RetryPolicy::isRetryable(fourHundred));
    HttpResponse tls;
    tls.error = HttpError::Tls;
    QVERIFY(!RetryPolicy::isRetryable(tls));
}

void tst_CustomEndpointClient::clientErrorNotRetried()
{
    FakeClock clock;
    TestBot bot(clock);
    bot.eventSteps = {answer(400, R"({"name":"BadRequestError"})"), answer(200, s_okReply)};
    HttpClient http;
    CustomEndpointClient client(configFor(bot), &http, clock);
    QSignalSpy failed(&client, &BotClient::deliveryFailed);
    client.deliver(textEvent(QStringLiteral("d1")));
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(1).value<BotError>().code, QStringLiteral("bot.http_4xx"));
    QCOMPARE(failed.first().at(1).value<BotError>().attempts, 1);
    QCOMPARE(bot.events.size(), 1);
}

void tst_CustomEndpointClient::malformedJson()
{
    FakeClock clock;
    TestBot bot(clock);
    bot.eventSteps = {answer(200, R"({"response":[{"type":"TEXT","data":{"mess)")};
    HttpClient http;
    CustomEndpointClient client(configFor(bot), &http, clock);
    QSignalSpy failed(&client, &BotClient::deliveryFailed);
    QSignalSpy hops(&client, &BotClient::attemptFinished);
    client.deliver(textEvent(QStringLiteral("d1")));
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(1).value<BotError>().code, QStringLiteral("bot.invalid_json"));
    QCOMPARE(failed.first().at(1).value<BotError>().httpStatus, 200);
    QCOMPARE(bot.events.size(), 1);
    const auto hop = hops.last().at(0).value<HopRecord>();
    QCOMPARE(hop.outcome, HopOutcome::InvalidReply);
    QCOMPARE(hop.errorCode, QStringLiteral("bot.invalid_json"));
}

void tst_CustomEndpointClient::contractBreakingAnswers_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("path");
    QTest::newRow("unknown type") << QByteArray(R"({"response":[{"type":"VIDEO","data":{}}],"analytics":{}})")
                                  << QStringLiteral("bot.contract_violation") << QStringLiteral("$.response[0].type");
    QTest::newRow("empty response") << QByteArray(R"({"response":[],"analytics":{"intents":[]}})")
                                    << QStringLiteral("bot.empty_response") << QStringLiteral("$.response");
    QTest::newRow("bad delay")
        << QByteArray(
               R"({"response":[{"type":"TEXT","data":{"message":"a"}},{"type":"DELAY","data":{"seconds":0}}],"analytics":{}})")
        << QStringLiteral("bot.bad_delay") << QStringLiteral("$.response[1].data.seconds");
    QTest::newRow("invalid card")
        << QByteArray(
               R"({"response":[{"type":"STRUCTURED_CONTENT","data":{"structuredContent":{"type":"vertical","elements":[{"type":"button"}]}}}],"analytics":{}})")
        << QStringLiteral("bot.sc_invalid") << QStringLiteral("$.response[0].data.structuredContent.elements[0].title");
    QTest::newRow("invoke function")
        << QByteArray(
               R"({"response":[{"type":"ACTION","data":{"name":"INVOKE_FUNCTION","parameters":{"lambdaUuid":"u","payload":{},"failOnError":true}}}],"analytics":{}})")
        << QStringLiteral("bot.unsupported_action") << QStringLiteral("$.response[0].data.name");
    QTest::newRow("two actions")
        << QByteArray(
               R"({"response":[{"type":"TEXT","data":{"message":"a"}},{"type":"ACTION","data":{"name":"TRANSFER","parameters":{"skillName":"h"}}},{"type":"ACTION","data":{"name":"CLOSE_CONVERSATION"}}],"analytics":{}})")
        << QString() << QString();
}

void tst_CustomEndpointClient::contractBreakingAnswers()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, path);
    FakeClock clock;
    TestBot bot(clock);
    bot.eventSteps = {answer(200, body), answer(200, s_okReply)};
    HttpClient http;
    CustomEndpointClient client(configFor(bot), &http, clock);
    QSignalSpy failed(&client, &BotClient::deliveryFailed);
    QSignalSpy replied(&client, &BotClient::replied);
    client.deliver(textEvent(QStringLiteral("d1")));
    QTRY_COMPARE(failed.size() + replied.size(), 1);
    QCOMPARE(bot.events.size(), 1); // never retried: the bot would answer the same way
    if (code.isEmpty()) {
        // Two actions: the first is performed, the rest reported as a protocol warning.
        const auto response = replied.first().at(1).value<BotResponse>();
        QCOMPARE(response.items.size(), 2);
        QCOMPARE(response.items.last().kind, ReplyKind::Transfer);
        QCOMPARE(response.warnings.size(), 1);
        return;
    }
    QCOMPARE(failed.size(), 1);
    const auto error = failed.first().at(1).value<BotError>();
    QCOMPARE(error.code, code);
    QCOMPARE(error.path, path);
    QVERIFY(error.message.contains(path));
}

void tst_CustomEndpointClient::oversizeAnswer()
{
    FakeClock clock;
    TestBot bot(clock);
    const QByteArray huge =
        R"({"response":[{"type":"TEXT","data":{"message":")" + QByteArray(300 * 1024, 'x') + R"("}}],"analytics":{}})";
    bot.eventSteps = {answer(200, huge)};
    HttpClientOptions options;
    options.maxResponseBytes = 256 * 1024;
    HttpClient http(options);
    CustomEndpointClient client(configFor(bot), &http, clock);
    QSignalSpy failed(&client, &BotClient::deliveryFailed);
    client.deliver(textEvent(QStringLiteral("d1")));
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(1).value<BotError>().code, QStringLiteral("bot.response_too_large"));
    QCOMPARE(bot.events.size(), 1);
}

void tst_CustomEndpointClient::lifecycleEvents()
{
    FakeClock clock;
    TestBot bot(clock);
    bot.eventSteps = {answer(200, s_okReply), answer(200, R"({"response":[],"analytics":{}})")};
    HttpClient http;
    CustomEndpointClient client(configFor(bot), &http, clock);
    QSignalSpy replied(&client, &BotClient::replied);
    client.deliver(textEvent(QStringLiteral("d1")));
    BotEvent closed = textEvent(QStringLiteral("d2"));
    closed.type = EventType::Closed;
    client.deliver(closed);
    QTRY_COMPARE(replied.size(), 2);
    QVERIFY(replied.last().at(1).value<BotResponse>().items.isEmpty());
}

void tst_CustomEndpointClient::perConversationOrder()
{
    FakeClock clock;
    TestBot bot(clock);
    QList<MiniResponder> held;
    auto hold = [&held](const MiniRequest &, MiniResponder &r) { held.append(r); };
    bot.eventSteps = {hold, answer(200, s_okReply), answer(200, s_okReply)};
    HttpClient http;
    CustomEndpointClient client(configFor(bot), &http, clock);
    QSignalSpy replied(&client, &BotClient::replied);
    client.deliver(textEvent(QStringLiteral("a1"), QStringLiteral("conv-a")));
    client.deliver(textEvent(QStringLiteral("a2"), QStringLiteral("conv-a")));
    client.deliver(textEvent(QStringLiteral("b1"), QStringLiteral("conv-b")));
    // conv-b is not held up by conv-a; a2 waits for a1.
    QTRY_COMPARE(replied.size(), 1);
    QCOMPARE(replied.first().at(0).toString(), QStringLiteral("b1"));
    QCOMPARE(held.size(), 1);
    QCOMPARE(client.pendingCount(), 2);
    held.first().send(200, s_okReply);
    QTRY_COMPARE(replied.size(), 3);
    QCOMPARE(replied.at(1).at(0).toString(), QStringLiteral("a1"));
    QCOMPARE(replied.at(2).at(0).toString(), QStringLiteral("a2"));
}

void tst_CustomEndpointClient::backlogWaitsAsCompactRecords()
{
    // A burst of new conversations behind a slow bot: only `maxActiveDeliveries` are started
    // (each with its HTTP request); the rest wait in the client, not as HTTP requests, and start
    // in arrival order as slots free. Nothing is lost or answered twice.
    FakeClock clock;
    TestBot bot(clock);
    QList<MiniResponder> held;
    auto hold = [&held](const MiniRequest &, MiniResponder &r) { held.append(r); };
    HttpClientOptions httpOptions;
    httpOptions.maxActivePerHost = 8;
    HttpClient http(httpOptions);
    CustomEndpointConfig config = configFor(bot);
    config.staticBearerToken = "static-token";
    bot.validToken = "static-token";
    config.maxActiveDeliveries = 3;
    CustomEndpointClient client(config, &http, clock);
    QCOMPARE(client.activeDeliveryLimit(), 3);
    for (int i = 0; i < 10; ++i) {
        bot.eventSteps.append(hold);
    }
    QSignalSpy replied(&client, &BotClient::replied);
    QSignalSpy failed(&client, &BotClient::deliveryFailed);
    for (int i = 0; i < 10; ++i) {
        client.deliver(textEvent(QStringLiteral("d%1").arg(i), QStringLiteral("conv-%1").arg(i)));
    }
    QCOMPARE(client.pendingCount(), 10);
    QCOMPARE(client.activeDeliveryCount(), 3);
    QCOMPARE(client.waitingDeliveryCount(), 7);
    QVERIFY(http.pendingCount() <= 3);
    QTRY_COMPARE(held.size(), 3);
    QCOMPARE(http.pendingCount(), 3);
    // Answer one at a time: exactly one more starts each time, the oldest waiting first.
    QStringList started;
    for (int answered = 0; answered < 10; ++answered) {
        QTRY_COMPARE(held.size(), 3 + std::min(answered, 7));
        held[answered].send(200, s_okReply);
        QTRY_COMPARE(replied.size(), answered + 1);
        QVERIFY(client.activeDeliveryCount() <= 3);
        QVERIFY(http.pendingCount() <= 3);
    }
    for (const MiniRequest &event : std::as_const(bot.events)) {
        started.append(QString::fromUtf8(event.target).section(QLatin1Char('/'), -2, -2));
    }
    // The first three ran together (their order on the wire is the server's); then one each.
    QStringList firstThree = started.mid(0, 3);
    firstThree.sort();
    QCOMPARE(firstThree, (QStringList{QStringLiteral("conv-0"), QStringLiteral("conv-1"), QStringLiteral("conv-2")}));
    QStringList expected;
    for (int i = 3; i < 10; ++i) {
        expected.append(QStringLiteral("conv-%1").arg(i));
    }
    QCOMPARE(started.mid(3), expected);
    // A delivery that waited as a record goes out exactly as one started at once would.
    for (const MiniRequest &event : std::as_const(bot.events)) {
        const QString conversationId = QString::fromUtf8(event.target).section(QLatin1Char('/'), -2, -2);
        const BotEvent sent = textEvent(QStringLiteral("d") + conversationId.mid(5), conversationId);
        QCOMPARE(bodyOf(event), CustomEndpointClient::eventBody(sent));
    }
    for (const MiniRequest &put : std::as_const(bot.puts)) {
        const QString conversationId = QString::fromUtf8(put.target).section(QLatin1Char('/'), -1);
        const BotEvent sent = textEvent(QStringLiteral("d") + conversationId.mid(5), conversationId);
        QCOMPARE(bodyOf(put), CustomEndpointClient::conversationBody(sent, false));
    }
    QCOMPARE(bot.puts.size(), 10);
    QSet<QString> answered;
    for (const QList<QVariant> &args : std::as_const(replied)) {
        answered.insert(args.at(0).toString());
    }
    QCOMPARE(answered.size(), 10);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(client.pendingCount(), 0);
    QCOMPARE(client.activeDeliveryCount(), 0);
}

void tst_CustomEndpointClient::backlogWaitCountsAgainstTheTimeout()
{
    // Waiting in the backlog counts against the first request's timeout, as waiting in
    // HttpClient's queue did: behind a hung bot a backlog fails within one timeout (and the engine
    // escalates) instead of one batch of active deliveries after another. Here the second delivery
    // waited longer than its 60 s timeout, so it fails at once — long before 60 s.
    FakeClock clock;
    TestBot bot(clock);
    QList<MiniResponder> held;
    bot.eventSteps = {[&held](const MiniRequest &, MiniResponder &r) { held.append(r); }};
    // conv-0's PUT is answered; conv-1's first request (its PUT) meets a bot that no longer answers.
    bot.putSteps = {[](const MiniRequest &, MiniResponder &r) { r.send(204); }, silence()};
    HttpClient http;
    CustomEndpointConfig config = configFor(bot);
    config.staticBearerToken = "static-token";
    bot.validToken = "static-token";
    config.maxActiveDeliveries = 1;
    config.retry.timeoutMs = 60000;
    config.retry.maxAttempts = 1;
    CustomEndpointClient client(config, &http, clock);
    QSignalSpy replied(&client, &BotClient::replied);
    QSignalSpy failed(&client, &BotClient::deliveryFailed);
    client.deliver(textEvent(QStringLiteral("d0"), QStringLiteral("conv-0")));
    client.deliver(textEvent(QStringLiteral("d1"), QStringLiteral("conv-1")));
    QCOMPARE(client.waitingDeliveryCount(), 1);
    QTRY_COMPARE(held.size(), 1);
    clock.advance(61000);
    held[0].send(200, s_okReply);
    QTRY_COMPARE(replied.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    QCOMPARE(failed.first().at(0).toString(), QStringLiteral("d1"));
    QCOMPARE(failed.first().at(1).value<BotError>().code, QStringLiteral("bot.timeout"));
    QCOMPARE(client.pendingCount(), 0);
}

void tst_CustomEndpointClient::backlogRespectsConversationOrderAndFailures()
{
    // With one slot: a conversation's second message waits behind its first and behind the
    // conversations that became ready earlier; a failed delivery frees its slot like an answer;
    // cancelAll() forgets the backlog and the slots.
    FakeClock clock;
    TestBot bot(clock);
    HttpClient http;
    CustomEndpointConfig config = configFor(bot);
    config.staticBearerToken = "static-token";
    bot.validToken = "static-token";
    config.maxActiveDeliveries = 1;
    config.retry.maxAttempts = 1;
    bot.eventSteps = {answer(200, s_okReply), answer(400, R"({"name":"BadRequest"})")};
    CustomEndpointClient client(config, &http, clock);
    QSignalSpy replied(&client, &BotClient::replied);
    QSignalSpy failed(&client, &BotClient::deliveryFailed);
    client.deliver(textEvent(QStringLiteral("a1"), QStringLiteral("conv-a")));
    client.deliver(textEvent(QStringLiteral("a2"), QStringLiteral("conv-a")));
    client.deliver(textEvent(QStringLiteral("b1"), QStringLiteral("conv-b")));
    QCOMPARE(client.activeDeliveryCount(), 1);
    QCOMPARE(client.waitingDeliveryCount(), 2);
    QTRY_COMPARE(replied.size() + failed.size(), 3);
    QStringList order;
    for (const MiniRequest &event : std::as_const(bot.events)) {
        order.append(QString::fromUtf8(event.target).section(QLatin1Char('/'), -2, -2));
    }
    // a1 answered; b1 was ready before a2 (which became ready when a1 finished); b1 failed (400).
    QCOMPARE(order, (QStringList{QStringLiteral("conv-a"), QStringLiteral("conv-b"), QStringLiteral("conv-a")}));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(0).toString(), QStringLiteral("b1"));
    QCOMPARE(replied.size(), 2);
    QCOMPARE(replied.at(0).at(0).toString(), QStringLiteral("a1"));
    QCOMPARE(replied.at(1).at(0).toString(), QStringLiteral("a2"));
    QCOMPARE(client.activeDeliveryCount(), 0);

    client.deliver(textEvent(QStringLiteral("c1"), QStringLiteral("conv-c")));
    client.deliver(textEvent(QStringLiteral("d1"), QStringLiteral("conv-d")));
    QCOMPARE(client.waitingDeliveryCount(), 1);
    client.cancelAll();
    QCOMPARE(client.pendingCount(), 0);
    QCOMPARE(client.activeDeliveryCount(), 0);
    client.deliver(textEvent(QStringLiteral("e1"), QStringLiteral("conv-e")));
    QCOMPARE(client.activeDeliveryCount(), 1);
    QTRY_COMPARE(replied.size(), 3);
    QCOMPARE(replied.last().at(0).toString(), QStringLiteral("e1"));
}

void tst_CustomEndpointClient::burstsCombined()
{
    FakeClock clock;
    TestBot bot(clock);
    HttpClient http;
    CustomEndpointClient client(configFor(bot), &http, clock);
    client.setBurstPolicy({100, 3});
    QSignalSpy replied(&client, &BotClient::replied);
    QSignalSpy combined(&client, &BotClient::eventsCombined);
    client.deliver(textEvent(QStringLiteral("m1"), QStringLiteral("conv-1"), QStringLiteral("hi")));
    client.deliver(textEvent(QStringLiteral("m2"), QStringLiteral("conv-1"), QStringLiteral("are you there?")));
    client.deliver(textEvent(QStringLiteral("x1"), QStringLiteral("conv-2"), QStringLiteral("other")));
    QTRY_COMPARE(replied.size(), 2);
    QCOMPARE(bot.events.size(), 2);
    QCOMPARE(combined.size(), 1);
    QCOMPARE(combined.first().at(0).toString(), QStringLiteral("m1"));
    QCOMPARE(combined.first().at(1).toStringList(), (QStringList{QStringLiteral("m1"), QStringLiteral("m2")}));
    QByteArray combinedBody;
    for (const MiniRequest &e : std::as_const(bot.events)) {
        if (e.target.contains("conv-1")) {
            combinedBody = e.body;
        }
    }
    QCOMPARE(QJsonDocument::fromJson(combinedBody)
                 .object()
                 .value(QLatin1String("data"))
                 .toObject()
                 .value(QLatin1String("message"))
                 .toString(),
             QStringLiteral("hi\nare you there?"));
    for (const QList<QVariant> &args : std::as_const(replied)) {
        const auto response = args.at(1).value<BotResponse>();
        if (args.at(0).toString() == QLatin1String("m1")) {
            QCOMPARE(response.deliveryIds, (QStringList{QStringLiteral("m1"), QStringLiteral("m2")}));
        }
    }

    // The maximum count sends at once; a non-text event flushes what is held first, in order.
    client.deliver(textEvent(QStringLiteral("n1"), QStringLiteral("conv-3"), QStringLiteral("1")));
    client.deliver(textEvent(QStringLiteral("n2"), QStringLiteral("conv-3"), QStringLiteral("2")));
    client.deliver(textEvent(QStringLiteral("n3"), QStringLiteral("conv-3"), QStringLiteral("3")));
    client.deliver(textEvent(QStringLiteral("o1"), QStringLiteral("conv-4"), QStringLiteral("a")));
    BotEvent closed = textEvent(QStringLiteral("o2"), QStringLiteral("conv-4"));
    closed.type = EventType::Closed;
    client.deliver(closed);
    QTRY_COMPARE(replied.size(), 5);
    QCOMPARE(combined.size(), 2);
    QCOMPARE(combined.last().at(1).toStringList(),
             (QStringList{QStringLiteral("n1"), QStringLiteral("n2"), QStringLiteral("n3")}));
    QCOMPARE(replied.at(3).at(0).toString(), QStringLiteral("o1"));
    QCOMPARE(replied.at(4).at(0).toString(), QStringLiteral("o2"));

    // Off by default.
    QVERIFY(!BurstPolicy{}.enabled());
}

void tst_CustomEndpointClient::stateProbe_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("online");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("code");
    QTest::newRow("online") << 200 << QByteArray(R"({"state":"online","version":"1.2.3"})") << true
                            << QStringLiteral("online") << QString();
    QTest::newRow("maintenance") << 200 << QByteArray(R"({"state":"maintenance","version":"1.2.3"})") << false
                                 << QStringLiteral("maintenance") << QStringLiteral("bot.state_not_online");
    QTest::newRow("offline") << 200 << QByteArray(R"({"state":"offline","version":"1"})") << false
                             << QStringLiteral("offline") << QStringLiteral("bot.state_not_online");
    QTest::newRow("404") << 404 << QByteArray(R"({"name":"NotFoundError"})") << false << QString()
                         << QStringLiteral("bot.not_found");
    QTest::newRow("garbage") << 200 << QByteArray("<html/>") << false << QString()
                             << QStringLiteral("bot.invalid_json");
    QTest::newRow("5xx") << 500 << QByteArray() << false << QString() << QStringLiteral("bot.http_5xx");
}

void tst_CustomEndpointClient::stateProbe()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(bool, online);
    QFETCH(QString, state);
    QFETCH(QString, code);
    FakeClock clock;
    TestBot bot(clock);
    bot.stateStatus = status;
    bot.stateBody = body;
    HttpClient http;
    CustomEndpointClient client(configFor(bot), &http, clock);
    QSignalSpy probed(&client, &BotClient::stateProbed);
    QSignalSpy hops(&client, &BotClient::attemptFinished);
    client.probeState();
    QTRY_COMPARE(probed.size(), 1);
    const auto result = probed.first().at(0).value<BotState>();
    QCOMPARE(result.online, online);
    QCOMPARE(result.state, state);
    QCOMPARE(result.error.code, code);
    QCOMPARE(result.checkedAtMs, clock.nowMs());
    if (state == QLatin1String("maintenance")) {
        QVERIFY(result.error.message.contains(QLatin1String("maintenance")));
    }
    if (online) {
        QCOMPARE(result.version, QStringLiteral("1.2.3"));
        QVERIFY(result.error.isNull());
    }
    QCOMPARE(client.lastState().online, online);
    QTRY_VERIFY(hops.size() >= 2); // token and state
    QCOMPARE(hops.last().at(0).value<HopRecord>().operation, HopOperation::State);
    QCOMPARE(bot.events.size(), 0); // a probe does not retry or deliver anything
}

void tst_CustomEndpointClient::periodicProbe()
{
    FakeClock clock;
    TestBot bot(clock);
    HttpClient http;
    CustomEndpointConfig config = configFor(bot);
    config.stateProbeIntervalMs = 50;
    CustomEndpointClient client(config, &http, clock);
    QSignalSpy probed(&client, &BotClient::stateProbed);
    client.startStateProbes();
    QTRY_VERIFY(probed.size() >= 3);
    client.stopStateProbes();
    QVERIFY(client.lastState().online);
}

void tst_CustomEndpointClient::environments()
{
    FakeClock clock;
    TestBot bot(clock);
    HttpClient http;
    CustomEndpointClient client(configFor(bot), &http, clock);
    QSignalSpy listed(&client, &BotClient::environmentsListed);
    client.listEnvironments();
    QTRY_COMPARE(listed.size(), 1);
    QCOMPARE(listed.first().at(0).toStringList(), (QStringList{QStringLiteral("draft"), QStringLiteral("production")}));
    QVERIFY(listed.first().at(1).value<BotError>().isNull());
}

void tst_CustomEndpointClient::invalidConfig()
{
    CustomEndpointConfig config;
    config.baseUrl = QStringLiteral("ftp://bots.example.com");
    config.botId = QStringLiteral("b1");
    QCOMPARE(CustomEndpointClient::validateConfig(config).error().code, QStringLiteral("bot.config_invalid"));
    config.baseUrl = QStringLiteral("https://bots.example.com/api");
    config.botId = QStringLiteral("bad id!");
    QVERIFY(CustomEndpointClient::validateConfig(config).error().message.contains(QLatin1String("bad id!")));
    config.botId = QStringLiteral("0123456789012345678901234567890123456789");
    QVERIFY(!CustomEndpointClient::validateConfig(config));
    config.botId = QStringLiteral("b1");
    QVERIFY(!CustomEndpointClient::validateConfig(config)); // no credentials
    config.staticBearerToken = QByteArrayLiteral("t");
    QVERIFY(CustomEndpointClient::validateConfig(config).ok());

    config.baseUrl = QStringLiteral("not a url");
    HttpClient http;
    CustomEndpointClient client(config, &http);
    QSignalSpy failed(&client, &BotClient::deliveryFailed);
    QSignalSpy probed(&client, &BotClient::stateProbed);
    client.deliver(textEvent(QStringLiteral("d1")));
    client.probeState();
    QTRY_COMPARE(failed.size(), 1);
    QTRY_COMPARE(probed.size(), 1);
    QCOMPARE(failed.first().at(1).value<BotError>().code, QStringLiteral("bot.config_invalid"));
    QCOMPARE(probed.first().at(0).value<BotState>().error.code, QStringLiteral("bot.config_invalid"));
}

void tst_CustomEndpointClient::cancelAllSilences()
{
    FakeClock clock;
    TestBot bot(clock);
    bot.eventSteps = {silence()};
    HttpClient http;
    auto client = std::make_unique<CustomEndpointClient>(configFor(bot), &http, clock);
    QSignalSpy replied(client.get(), &BotClient::replied);
    QSignalSpy failed(client.get(), &BotClient::deliveryFailed);
    client->deliver(textEvent(QStringLiteral("d1")));
    QTRY_COMPARE(bot.events.size(), 1);
    QCOMPARE(client->pendingCount(), 1);
    client->cancelAll();
    QCOMPARE(client->pendingCount(), 0);
    QCOMPARE(http.pendingCount(), 0);
    client->deliver(textEvent(QStringLiteral("d2")));
    QTRY_COMPARE(replied.size(), 1);
    QCOMPARE(replied.first().at(0).toString(), QStringLiteral("d2"));
    QCOMPARE(failed.size(), 0);
    // Destroying a client with work in flight is silent and safe.
    bot.eventSteps = {silence()};
    client->deliver(textEvent(QStringLiteral("d3")));
    QTRY_COMPARE(bot.events.size(), 3);
    client.reset();
    QCOMPARE(http.pendingCount(), 0);
}

QTEST_GUILESS_MAIN(tst_CustomEndpointClient)
#include "tst_customendpointclient.moc"
