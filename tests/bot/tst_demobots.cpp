// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Both bot clients against the sandbox's demo bots (core/sandbox/bots, written independently of
// core/bot): the Custom Endpoint demo bot verifies real RS256 App JWTs from the emulator's Sentinel
// (JWKS over TLS), the webhook demo bot verifies our HMAC signatures and calls our callback server
// back. Every answer vocabulary item, the state probe, and the demo bots' fault modes.

#include "bot/CallbackServer.h"
#include "bot/CustomEndpointClient.h"
#include "bot/HttpClient.h"
#include "bot/WebhookClient.h"
#include "sandbox/Emulator.h"
#include "sandbox/bots/CustomEndpointDemoBot.h"
#include "sandbox/bots/WebhookDemoBot.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Switchboard;
using namespace Switchboard::Bot;
using Switchboard::Sandbox::CustomEndpointDemoBot;
using Switchboard::Sandbox::DemoBotBehaviour;
using Switchboard::Sandbox::WebhookDemoBot;

namespace
{

BotEvent
textEvent(const QString &deliveryId, const QString &text, const QString &conversationId = QStringLiteral("conv-1"))
{
    static qint64 sequence = 0;
    BotEvent e;
    e.deliveryId = deliveryId;
    e.type = EventType::Text;
    e.conversationId = conversationId;
    e.dialogId = conversationId;
    e.consumerId = QStringLiteral("consumer-") + conversationId;
    e.sequence = ++sequence;
    e.timestampMs = QDateTime::currentMSecsSinceEpoch();
    e.text = text;
    e.context.skillId = QStringLiteral("1001");
    e.context.engagementId = QStringLiteral("2002");
    return e;
}

} // namespace

class tst_DemoBots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void customEndpointVocabulary_data();
    void customEndpointVocabulary();
    void customEndpointState();
    void customEndpointFaults_data();
    void customEndpointFaults();
    void customEndpointRestartedBot();
    void webhookSyncAndAsync();
    void webhookFaults();
    void webhookPing();

private:
    BotResponse deliverCe(const BotEvent &event, BotError *error = nullptr);
    CustomEndpointConfig ceConfig() const;

    std::unique_ptr<Sandbox::Emulator> m_emulator;
    std::unique_ptr<CustomEndpointDemoBot> m_ceBot;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<CustomEndpointClient> m_ce;
};

void tst_DemoBots::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    registerBotMetaTypes();
    m_emulator = std::make_unique<Sandbox::Emulator>();
    const Result<Success> started = m_emulator->start();
    QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));

    CustomEndpointDemoBot::Config config;
    config.accountId = m_emulator->accountId();
    config.botId = QStringLiteral("demo-bot-1");
    config.basePath = QStringLiteral("/api");
    config.jwksUrl = QUrl(m_emulator->baseUrl().toString() + QStringLiteral("/sentinel/well-known/jwks"));
    config.trustedCas = QSslCertificate::fromData(m_emulator->caPem(), QSsl::Pem);
    m_ceBot = std::make_unique<CustomEndpointDemoBot>(config);
    const Result<quint16> port = m_ceBot->listen();
    QVERIFY(port.ok());

    HttpClientOptions options;
    options.extraCaPem = m_emulator->caPem();
    m_http = std::make_unique<HttpClient>(options);
    m_ce = std::make_unique<CustomEndpointClient>(ceConfig(), m_http.get());
}

void tst_DemoBots::cleanupTestCase()
{
    m_ce.reset();
    m_http.reset();
    m_ceBot.reset();
    m_emulator.reset();
}

CustomEndpointConfig tst_DemoBots::ceConfig() const
{
    CustomEndpointConfig config;
    config.baseUrl = m_ceBot->baseUrl().toString();
    config.botId = QStringLiteral("demo-bot-1");
    config.sentinel.sentinelUrl = m_emulator->baseUrl().toString();
    config.sentinel.accountId = m_emulator->accountId();
    config.sentinel.clientId = m_emulator->config().applications.first().clientId;
    config.sentinel.clientSecret = m_emulator->config().applications.first().clientSecret.toUtf8();
    config.retry.timeoutMs = 3000;
    config.retry.pauseOverride = [](int, int) { return 0; };
    return config;
}

BotResponse tst_DemoBots::deliverCe(const BotEvent &event, BotError *error)
{
    QSignalSpy replied(m_ce.get(), &BotClient::replied);
    QSignalSpy failed(m_ce.get(), &BotClient::deliveryFailed);
    m_ce->deliver(event);
    if (!QTest::qWaitFor([&] { return replied.size() + failed.size() > 0; }, 20000)) {
        if (error) {
            error->code = QStringLiteral("test.no_answer");
        }
        return {};
    }
    if (!failed.isEmpty()) {
        if (error) {
            *error = failed.first().at(1).value<BotError>();
        }
        return {};
    }
    return replied.first().at(1).value<BotResponse>();
}

void tst_DemoBots::customEndpointVocabulary_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<int>>("kinds");
    QTest::newRow("echo") << QStringLiteral("hello") << QList<int>{int(ReplyKind::Text)};
    QTest::newRow("escalate") << QStringLiteral("please escalate")
                              << QList<int>{int(ReplyKind::Text), int(ReplyKind::Transfer)};
    QTest::newRow("bye") << QStringLiteral("bye")
                         << QList<int>{int(ReplyKind::Text), int(ReplyKind::CloseConversation)};
    QTest::newRow("card") << QStringLiteral("structured content please")
                          << QList<int>{int(ReplyKind::StructuredContent)};
    QTest::newRow("quick replies") << QStringLiteral("quick replies") << QList<int>{int(ReplyKind::QuickReplies)};
    QTest::newRow("delay") << QStringLiteral("delay")
                           << QList<int>{int(ReplyKind::Text), int(ReplyKind::Delay), int(ReplyKind::Text)};
    QTest::newRow("private") << QStringLiteral("private text") << QList<int>{int(ReplyKind::Text)};
    QTest::newRow("ttr") << QStringLiteral("ttr") << QList<int>{int(ReplyKind::ChangeTtr)};
    QTest::newRow("metadata") << QStringLiteral("metadata") << QList<int>{int(ReplyKind::Text)};
}

void tst_DemoBots::customEndpointVocabulary()
{
    QFETCH(QString, text);
    QFETCH(QList<int>, kinds);
    BotError error;
    const BotResponse response = deliverCe(textEvent(QStringLiteral("v-") + text, text), &error);
    QVERIFY2(error.isNull(), qPrintable(error.code + QStringLiteral(": ") + error.message));
    QList<int> got;
    for (const BotReply &item : response.items) {
        got.append(int(item.kind));
    }
    QCOMPARE(got, kinds);
    QVERIFY(!response.intents.isEmpty());
    if (text == QLatin1String("private text")) {
        QCOMPARE(response.items.first().audience, MessageAudience::AgentsAndManagers);
    }
    if (text == QLatin1String("metadata")) {
        QVERIFY(!response.items.first().metadata.isEmpty());
        QVERIFY(!response.items.first().encodedMetadata.isEmpty());
    }
    if (text == QLatin1String("please escalate")) {
        QCOMPARE(response.items.last().skillName, QStringLiteral("human"));
    }
    QVERIFY(m_ce->knowsConversation(QStringLiteral("conv-1")));
}

void tst_DemoBots::customEndpointState()
{
    QSignalSpy probed(m_ce.get(), &BotClient::stateProbed);
    m_ce->probeState();
    QTRY_COMPARE_WITH_TIMEOUT(probed.size(), 1, 20000);
    QVERIFY(probed.first().at(0).value<BotState>().online);
    m_ceBot->setState(CustomEndpointDemoBot::State::Maintenance);
    m_ce->probeState();
    QTRY_COMPARE_WITH_TIMEOUT(probed.size(), 2, 20000);
    const auto state = probed.last().at(0).value<BotState>();
    QVERIFY(!state.online);
    QCOMPARE(state.state, QStringLiteral("maintenance"));
    QCOMPARE(state.error.code, QStringLiteral("bot.state_not_online"));
    m_ceBot->setState(CustomEndpointDemoBot::State::Online);

    QSignalSpy listed(m_ce.get(), &BotClient::environmentsListed);
    m_ce->listEnvironments();
    QTRY_COMPARE_WITH_TIMEOUT(listed.size(), 1, 20000);
    QVERIFY(listed.first().at(0).toStringList().contains(QStringLiteral("draft")));
}

void tst_DemoBots::customEndpointFaults_data()
{
    QTest::addColumn<QString>("behaviour");
    QTest::addColumn<QString>("code");
    QTest::newRow("5xx") << QStringLiteral(R"({"mode":"fail5xx","status":503})") << QStringLiteral("bot.http_5xx");
    QTest::newRow("malformed") << QStringLiteral(R"({"mode":"malformed"})") << QStringLiteral("bot.invalid_json");
    QTest::newRow("timeout") << QStringLiteral(R"({"mode":"timeout"})") << QStringLiteral("bot.timeout");
    QTest::newRow("two actions") << QStringLiteral(R"({"mode":"contract-violation","violation":"two-actions"})")
                                 << QString();
    QTest::newRow("unknown type") << QStringLiteral(R"({"mode":"contract-violation","violation":"unknown-type"})")
                                  << QStringLiteral("bot.contract_violation");
    QTest::newRow("empty response") << QStringLiteral(R"({"mode":"contract-violation","violation":"empty-response"})")
                                    << QStringLiteral("bot.empty_response");
    QTest::newRow("bad delay") << QStringLiteral(R"({"mode":"contract-violation","violation":"bad-delay"})")
                               << QStringLiteral("bot.bad_delay");
    QTest::newRow("not array") << QStringLiteral(R"({"mode":"contract-violation","violation":"response-not-array"})")
                               << QStringLiteral("bot.contract_violation");
    QTest::newRow("oversize") << QStringLiteral(R"({"mode":"oversize","oversizeBytes":2000000})")
                              << QStringLiteral("bot.response_too_large");
}

void tst_DemoBots::customEndpointFaults()
{
    QFETCH(QString, behaviour);
    QFETCH(QString, code);
    const Result<DemoBotBehaviour> parsed =
        DemoBotBehaviour::fromJson(QJsonDocument::fromJson(behaviour.toUtf8()).object());
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
    m_ceBot->setBehaviour(parsed.value());
    CustomEndpointConfig config = ceConfig();
    config.retry.timeoutMs = 500;
    HttpClientOptions options;
    options.extraCaPem = m_emulator->caPem();
    HttpClient http(options);
    CustomEndpointClient client(config, &http);
    QSignalSpy replied(&client, &BotClient::replied);
    QSignalSpy failed(&client, &BotClient::deliveryFailed);
    client.deliver(textEvent(QStringLiteral("f1"), QStringLiteral("hello"), QStringLiteral("conv-fault")));
    QTRY_COMPARE_WITH_TIMEOUT(replied.size() + failed.size(), 1, 20000);
    m_ceBot->setBehaviour(DemoBotBehaviour{});
    if (code.isEmpty()) {
        QCOMPARE(replied.size(), 1);
        QCOMPARE(replied.first().at(1).value<BotResponse>().warnings.size(), 1);
        return;
    }
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(1).value<BotError>().code, code);
}

void tst_DemoBots::customEndpointRestartedBot()
{
    BotError error;
    deliverCe(textEvent(QStringLiteral("r1"), QStringLiteral("hello"), QStringLiteral("conv-restart")), &error);
    QVERIFY(error.isNull());
    m_ceBot->forgetConversations();
    // The bot answers 404; the client creates the conversation again once and gets its answer.
    const BotResponse response = deliverCe(
        textEvent(QStringLiteral("r2"), QStringLiteral("hello again"), QStringLiteral("conv-restart")), &error);
    QVERIFY2(error.isNull(), qPrintable(error.code));
    QCOMPARE(response.items.size(), 1);
}

void tst_DemoBots::webhookSyncAndAsync()
{
    CallbackServer server;
    QVERIFY(server.listen().ok());
    WebhookDemoBot::Config botConfig;
    botConfig.signingSecret = QByteArrayLiteral("demo-signing-secret-0123456789");
    botConfig.callbackToken = QByteArrayLiteral("demo-callback-token-0123456789");
    botConfig.asyncDelayMs = 20;
    WebhookDemoBot bot(botConfig);
    QVERIFY(bot.listen().ok());
    QSignalSpy rejectedSignatures(&bot, &WebhookDemoBot::signatureRejected);

    WebhookConfig config;
    config.integrationId = QStringLiteral("demo-webhook");
    config.url = bot.url().toString();
    config.signingSecret = botConfig.signingSecret;
    config.callbackToken = botConfig.callbackToken;
    config.retry.pauseOverride = [](int, int) { return 0; };
    HttpClient http;
    WebhookClient client(config, &http, &server);
    QSignalSpy replied(&client, &BotClient::replied);
    QSignalSpy failed(&client, &BotClient::deliveryFailed);
    QSignalSpy accepted(&client, &BotClient::deliveryAccepted);

    client.deliver(textEvent(QStringLiteral("w1"), QStringLiteral("structured content")));
    QTRY_COMPARE_WITH_TIMEOUT(replied.size(), 1, 20000);
    QCOMPARE(replied.first().at(1).value<BotResponse>().items.first().kind, ReplyKind::StructuredContent);
    QVERIFY(!replied.first().at(1).value<BotResponse>().viaCallback);

    bot.setReplyMode(WebhookDemoBot::ReplyMode::Async, 20);
    client.deliver(textEvent(QStringLiteral("w2"), QStringLiteral("please escalate")));
    QTRY_COMPARE_WITH_TIMEOUT(replied.size(), 2, 20000);
    QCOMPARE(accepted.size(), 1);
    const auto response = replied.last().at(1).value<BotResponse>();
    QVERIFY(response.viaCallback);
    QCOMPARE(response.items.last().kind, ReplyKind::Transfer);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(rejectedSignatures.size(), 0);
    QCOMPARE(server.acceptedCount(), 1u);
}

void tst_DemoBots::webhookFaults()
{
    CallbackServer server;
    QVERIFY(server.listen().ok());
    WebhookDemoBot::Config botConfig;
    botConfig.signingSecret = QByteArrayLiteral("demo-signing-secret-0123456789");
    botConfig.callbackToken = QByteArrayLiteral("demo-callback-token-0123456789");
    botConfig.mode = WebhookDemoBot::ReplyMode::Async;
    botConfig.asyncDelayMs = 20;
    WebhookDemoBot bot(botConfig);
    QVERIFY(bot.listen().ok());
    DemoBotBehaviour badToken;
    badToken.mode = DemoBotBehaviour::Mode::BadCallbackToken;
    bot.setBehaviour(badToken);

    WebhookConfig config;
    config.integrationId = QStringLiteral("demo-webhook");
    config.url = bot.url().toString();
    config.signingSecret = botConfig.signingSecret;
    config.callbackToken = botConfig.callbackToken;
    config.callbackTimeoutMs = 1000;
    HttpClient http;
    WebhookClient client(config, &http, &server);
    QSignalSpy failed(&client, &BotClient::deliveryFailed);
    QSignalSpy rejected(&server, &CallbackServer::callbackRejected);
    QSignalSpy callbackDone(&bot, &WebhookDemoBot::callbackFinished);
    client.deliver(textEvent(QStringLiteral("x1"), QStringLiteral("hello")));
    // The bot's callback with a wrong token is refused with 401, and the delivery times out.
    QTRY_COMPARE_WITH_TIMEOUT(callbackDone.size(), 1, 20000);
    QCOMPARE(callbackDone.first().at(1).toInt(), 401);
    QCOMPARE(rejected.first().at(2).value<BotError>().code, QStringLiteral("callback.unauthorized"));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
    QCOMPARE(failed.first().at(1).value<BotError>().code, QStringLiteral("bot.callback_timeout"));

    // A wrong signing secret: the bot refuses the event (401, not retried).
    WebhookConfig wrong = config;
    wrong.integrationId = QStringLiteral("demo-webhook-2");
    wrong.signingSecret = QByteArrayLiteral("not-the-secret-0123456789");
    WebhookClient badClient(wrong, &http, &server);
    QSignalSpy badFailed(&badClient, &BotClient::deliveryFailed);
    badClient.deliver(textEvent(QStringLiteral("x2"), QStringLiteral("hello")));
    QTRY_COMPARE_WITH_TIMEOUT(badFailed.size(), 1, 20000);
    QCOMPARE(badFailed.first().at(1).value<BotError>().code, QStringLiteral("bot.unauthorized"));
}

void tst_DemoBots::webhookPing()
{
    WebhookDemoBot::Config botConfig;
    botConfig.signingSecret = QByteArrayLiteral("demo-signing-secret-0123456789");
    botConfig.callbackToken = QByteArrayLiteral("demo-callback-token-0123456789");
    WebhookDemoBot bot(botConfig);
    QVERIFY(bot.listen().ok());
    WebhookConfig config;
    config.integrationId = QStringLiteral("demo-webhook");
    config.url = bot.url().toString();
    config.signingSecret = botConfig.signingSecret;
    config.callbackToken = botConfig.callbackToken;
    HttpClient http;
    WebhookClient client(config, &http, nullptr);
    QSignalSpy probed(&client, &BotClient::stateProbed);
    client.probeState();
    QTRY_COMPARE_WITH_TIMEOUT(probed.size(), 1, 20000);
    const auto state = probed.first().at(0).value<BotState>();
    if (!state.online && state.error.httpStatus == 400) {
        QSKIP("the webhook demo bot does not know the \"ping\" event of docs/bot-webhook.md yet");
    }
    QVERIFY2(state.online, qPrintable(state.error.code + QStringLiteral(": ") + state.error.message));
}

QTEST_GUILESS_MAIN(tst_DemoBots)
#include "tst_demobots.moc"
