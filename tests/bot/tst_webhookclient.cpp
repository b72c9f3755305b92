// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// WebhookClient with the CallbackServer against in-test webhook bots: signed requests, answers
// now (200) or later (202/204 + callback), callback timeout, late and duplicate callbacks, retries,
// malformed and contract-breaking answers, the ping probe; and the contract itself:
// docs/bot-webhook.schema.json is a valid draft-04 schema, every JSON example in
// docs/bot-webhook.md and every event body the client produces validates against it (python3
// jsonschema, and our own validator).

#include "FakeClock.h"
#include "MiniHttpServer.h"
#include "TestSupport.h"
#include "bot/JsonSchemaValidator.h"
#include "bot/WebhookClient.h"
#include "bot/WebhookSignature.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Switchboard;
using namespace Switchboard::Bot;
using namespace Switchboard::Test;

namespace
{

const QByteArray s_secret = "signing-secret-0123456789";
const QByteArray s_callbackToken = "callback-token-0123456789";
const QByteArray s_syncAnswer =
    R"({"version":1,"replies":[{"type":"TEXT","data":{"message":"now"}}],"intents":[{"id":"hi","description":"Hi","confidenceScore":0.8}]})";

BotEvent makeEvent(const QString &deliveryId, EventType type = EventType::Text)
{
    BotEvent e;
    e.deliveryId = deliveryId;
    e.type = type;
    e.conversationId = QStringLiteral("conv-1");
    e.dialogId = QStringLiteral("conv-1");
    e.consumerId = QStringLiteral("consumer-1");
    e.sequence = 2;
    e.timestampMs = 1790000000000;
    e.text = QStringLiteral("Hello");
    e.context.skillId = QStringLiteral("12");
    e.context.engagementId = QStringLiteral("34");
    e.lpEvent = QJsonObject{{QStringLiteral("sequence"), 2}};
    return e;
}

QString schemaFile()
{
    return Test::sourceDir() + QStringLiteral("/docs/bot-webhook.schema.json");
}

QJsonObject loadSchema()
{
    QFile f(schemaFile());
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QJsonDocument::fromJson(f.readAll()).object();
}

/** Which definition of the schema a document is an example of. */
QString definitionFor(const QJsonObject &doc)
{
    if (doc.contains(QLatin1String("error"))) {
        return QStringLiteral("error");
    }
    if (doc.contains(QLatin1String("timestamp")) && doc.contains(QLatin1String("type"))) {
        return QStringLiteral("event");
    }
    if (doc.contains(QLatin1String("replies")) && doc.contains(QLatin1String("conversationId"))) {
        return QStringLiteral("callback");
    }
    if (doc.contains(QLatin1String("replies"))) {
        return QStringLiteral("syncAnswer");
    }
    if (doc.contains(QLatin1String("accepted"))) {
        return QStringLiteral("accepted");
    }
    return {};
}

/** A webhook bot: checks the signature, records events, answers as the test says. */
struct WebhookBot
{
    using Step = std::function<void(const MiniRequest &, MiniResponder &)>;

    WebhookBot()
    {
        server.setHandler([this](const MiniRequest &request, MiniResponder responder) {
            const QByteArray ts = request.header("x-switchboard-timestamp");
            if (!WebhookSignature::verify(s_secret, ts, request.body, request.header("x-switchboard-signature"))) {
                ++badSignatures;
                responder.send(401, R"({"error":"signature"})");
                return;
            }
            events.append(request);
            if (!steps.isEmpty()) {
                steps.takeFirst()(request, responder);
                return;
            }
            responder.send(200, s_syncAnswer);
        });
        server.listen();
    }

    QString url() const
    {
        return server.baseUrl() + QStringLiteral("/webhook");
    }

    MiniHttpServer server;
    QList<MiniRequest> events;
    QList<Step> steps;
    int badSignatures = 0;
};

WebhookBot::Step answer(int status, const QByteArray &body = {})
{
    return [status, body](const MiniRequest &, MiniResponder &r) { r.send(status, body); };
}

} // namespace

class tst_WebhookClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void signedSyncAnswer();
    void asyncAnswerByCallback();
    void callbackTimesOutThenLate();
    void duplicateCallback();
    void emptyCallbackForMessageFails();
    void lifecycleAcknowledged();
    void retriesAndFailures_data();
    void retriesAndFailures();
    void extraAuthorizationHeader();
    void pingProbe_data();
    void pingProbe();
    void invalidConfig();
    void signature();
    void schemaIsValidDraft4();
    void docExamplesValidate();
    void eventBodiesValidate();

private:
    WebhookConfig configFor(const WebhookBot &bot) const;
    bool pythonValidate(const QJsonArray &documents, const QStringList &definitions, QString *error);

    FakeClock m_clock;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<CallbackServer> m_server;
};

void tst_WebhookClient::initTestCase()
{
    registerBotMetaTypes();
}

void tst_WebhookClient::init()
{
    m_http = std::make_unique<HttpClient>();
    m_server = std::make_unique<CallbackServer>(CallbackServerOptions{}, m_clock);
    QVERIFY(m_server->listen().ok());
}

void tst_WebhookClient::cleanup()
{
    m_server.reset();
    m_http.reset();
}

WebhookConfig tst_WebhookClient::configFor(const WebhookBot &bot) const
{
    WebhookConfig config;
    config.integrationId = QStringLiteral("int-1");
    config.url = bot.url();
    config.signingSecret = s_secret;
    config.callbackToken = s_callbackToken;
    config.retry.timeoutMs = 2000;
    config.retry.pauseOverride = [](int, int) { return 0; };
    config.callbackTimeoutMs = 3000;
    return config;
}

void tst_WebhookClient::signedSyncAnswer()
{
    WebhookBot bot;
    WebhookClient client(configFor(bot), m_http.get(), m_server.get(), m_clock);
    QSignalSpy replied(&client, &BotClient::replied);
    QSignalSpy hops(&client, &BotClient::attemptFinished);
    client.deliver(makeEvent(QStringLiteral("d1")));
    QTRY_COMPARE(replied.size(), 1);
    QCOMPARE(bot.badSignatures, 0);
    const MiniRequest &request = bot.events.first();
    QCOMPARE(request.header("x-switchboard-event"), QByteArray("message"));
    QCOMPARE(request.header("x-switchboard-delivery"), QByteArray("d1"));
    QCOMPARE(request.header("x-switchboard-timestamp"), QByteArray::number(m_clock.nowMs() / 1000));
    QCOMPARE(request.header("x-switchboard-signature"),
             WebhookSignature::sign(s_secret, request.header("x-switchboard-timestamp"), request.body));
    QVERIFY(request.header("authorization").isEmpty());
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    QCOMPARE(body.value(QLatin1String("callbackUrl")).toString(), m_server->callbackUrl(QStringLiteral("consumer-1")));
    QCOMPARE(body.value(QLatin1String("message")).toObject().value(QLatin1String("text")).toString(),
             QStringLiteral("Hello"));
    const auto response = replied.first().at(1).value<BotResponse>();
    QCOMPARE(response.items.size(), 1);
    QCOMPARE(response.items.first().text, QStringLiteral("now"));
    QCOMPARE(response.intents.size(), 1);
    QVERIFY(!response.viaCallback);
    QCOMPARE(hops.size(), 1);
    QCOMPARE(hops.first().at(0).value<HopRecord>().operation, HopOperation::Webhook);
    QCOMPARE(client.pendingCount(), 0);
}

void tst_WebhookClient::asyncAnswerByCallback()
{
    WebhookBot bot;
    HttpClient botSide;
    bot.steps = {[&botSide](const MiniRequest &request, MiniResponder &r) {
        r.send(202, R"({"version":1,"accepted":true})");
        const QJsonObject e = QJsonDocument::fromJson(request.body).object();
        HttpRequest callback;
        callback.method = "POST";
        callback.url = e.value(QLatin1String("callbackUrl")).toString().toUtf8();
        callback.headers = {{"Authorization", "Bearer " + s_callbackToken}};
        callback.body =
            QJsonDocument(
                QJsonObject{
                    {QStringLiteral("version"), 1},
                    {QStringLiteral("deliveryId"), e.value(QLatin1String("deliveryId"))},
                    {QStringLiteral("conversationId"), e.value(QLatin1String("conversationId"))},
                    {QStringLiteral("replies"),
                     QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("TEXT")},
                                            {QStringLiteral("data"),
                                             QJsonObject{{QStringLiteral("message"), QStringLiteral("later")}}}},
                                QJsonObject{{QStringLiteral("type"), QStringLiteral("ACTION")},
                                            {QStringLiteral("data"),
                                             QJsonObject{{QStringLiteral("name"), QStringLiteral("TRANSFER")},
                                                         {QStringLiteral("parameters"),
                                                          QJsonObject{{QStringLiteral("skillName"),
                                                                       QStringLiteral("human")}}}}}}}}})
                .toJson(QJsonDocument::Compact);
        QTimer::singleShot(
            50, &botSide, [&botSide, callback] { botSide.send(callback, &botSide, [](const HttpResponse &) {}); });
    }};
    WebhookClient client(configFor(bot), m_http.get(), m_server.get(), m_clock);
    QSignalSpy accepted(&client, &BotClient::deliveryAccepted);
    QSignalSpy replied(&client, &BotClient::replied);
    QSignalSpy failed(&client, &BotClient::deliveryFailed);
    client.deliver(makeEvent(QStringLiteral("d1")));
    QTRY_COMPARE(accepted.size(), 1);
    QCOMPARE(accepted.first().at(0).toString(), QStringLiteral("d1"));
    QTRY_COMPARE(replied.size(), 1);
    const auto response = replied.first().at(1).value<BotResponse>();
    QVERIFY(response.viaCallback);
    QVERIFY(!response.duplicate && !response.late);
    QCOMPARE(response.items.size(), 2);
    QCOMPARE(response.items.last().kind, ReplyKind::Transfer);
    QCOMPARE(response.deliveryIds, QStringList{QStringLiteral("d1")});
    QCOMPARE(failed.size(), 0);
    QCOMPARE(client.pendingCount(), 0);
}

void tst_WebhookClient::callbackTimesOutThenLate()
{
    WebhookBot bot;
    bot.steps = {answer(204)};
    WebhookConfig config = configFor(bot);
    config.callbackTimeoutMs = 100;
    WebhookClient client(config, m_http.get(), m_server.get(), m_clock);
    QSignalSpy failed(&client, &BotClient::deliveryFailed);
    QSignalSpy replied(&client, &BotClient::replied);
    client.deliver(makeEvent(QStringLiteral("d1")));
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(1).value<BotError>().code, QStringLiteral("bot.callback_timeout"));
    // The late callback is accepted at the HTTP level and reported as late, for the connector to judge.
    CallbackRequest late;
    late.integrationId = config.integrationId;
    late.deliveryId = QStringLiteral("d1");
    late.conversationId = QStringLiteral("conv-1");
    BotReply text;
    text.text = QStringLiteral("sorry, slow");
    late.response.items = {text};
    client.handleCallback(late);
    QCOMPARE(replied.size(), 1);
    QVERIFY(replied.first().at(1).value<BotResponse>().late);
}

void tst_WebhookClient::duplicateCallback()
{
    WebhookBot bot;
    bot.steps = {answer(202)};
    WebhookClient client(configFor(bot), m_http.get(), m_server.get(), m_clock);
    QSignalSpy accepted(&client, &BotClient::deliveryAccepted);
    QSignalSpy replied(&client, &BotClient::replied);
    client.deliver(makeEvent(QStringLiteral("d1")));
    QTRY_COMPARE(accepted.size(), 1);
    HttpRequest callback;
    callback.method = "POST";
    callback.url = m_server->callbackUrl(QStringLiteral("consumer-1")).toUtf8();
    callback.headers = {{"Authorization", "Bearer " + s_callbackToken}};
    callback.body =
        R"({"version":1,"deliveryId":"d1","conversationId":"conv-1","replies":[{"type":"TEXT","data":{"message":"one"}}]})";
    QList<int> statuses;
    m_http->send(callback, this, [&statuses](const HttpResponse &r) { statuses.append(r.status); });
    QTRY_COMPARE(replied.size(), 1);
    m_http->send(callback, this, [&statuses](const HttpResponse &r) { statuses.append(r.status); });
    QTRY_COMPARE(replied.size(), 2);
    // replied comes from the server side; the HTTP answer to the sender arrives on a later turn.
    QTRY_COMPARE(statuses, (QList<int>{200, 200}));
    QVERIFY(!replied.at(0).at(1).value<BotResponse>().duplicate);
    QVERIFY(replied.at(1).at(1).value<BotResponse>().duplicate);
}

void tst_WebhookClient::emptyCallbackForMessageFails()
{
    WebhookBot bot;
    bot.steps = {answer(202)};
    WebhookClient client(configFor(bot), m_http.get(), m_server.get(), m_clock);
    QSignalSpy accepted(&client, &BotClient::deliveryAccepted);
    QSignalSpy failed(&client, &BotClient::deliveryFailed);
    client.deliver(makeEvent(QStringLiteral("d1")));
    QTRY_COMPARE(accepted.size(), 1);
    CallbackRequest empty;
    empty.deliveryId = QStringLiteral("d1");
    empty.conversationId = QStringLiteral("conv-1");
    client.handleCallback(empty);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(1).value<BotError>().code, QStringLiteral("bot.empty_response"));
}

void tst_WebhookClient::lifecycleAcknowledged()
{
    WebhookBot bot;
    bot.steps = {answer(204), answer(200, R"({"version":1,"replies":[]})")};
    WebhookClient client(configFor(bot), m_http.get(), m_server.get(), m_clock);
    QSignalSpy replied(&client, &BotClient::replied);
    QSignalSpy failed(&client, &BotClient::deliveryFailed);
    client.deliver(makeEvent(QStringLiteral("d1"), EventType::Closed));
    client.deliver(makeEvent(QStringLiteral("d2"), EventType::Transferred));
    QTRY_COMPARE(replied.size(), 2);
    QVERIFY(replied.at(0).at(1).value<BotResponse>().items.isEmpty());
    QVERIFY(replied.at(1).at(1).value<BotResponse>().items.isEmpty());
    QCOMPARE(failed.size(), 0);
    QCOMPARE(bot.events.at(0).header("x-switchboard-event"), QByteArray("conversation_closed"));
}

void tst_WebhookClient::retriesAndFailures_data()
{
    QTest::addColumn<QList<int>>("statuses");
    QTest::addColumn<QByteArray>("lastBody");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("calls");
    QTest::newRow("5xx then ok") << QList<int>{500, 200} << s_syncAnswer << QString() << 2;
    QTest::newRow("5xx thrice") << QList<int>{502, 503, 500} << QByteArray() << QStringLiteral("bot.http_5xx") << 3;
    QTest::newRow("400 not retried") << QList<int>{400} << QByteArray() << QStringLiteral("bot.http_4xx") << 1;
    QTest::newRow("401 not retried") << QList<int>{401} << QByteArray() << QStringLiteral("bot.unauthorized") << 1;
    QTest::newRow("malformed") << QList<int>{200} << QByteArray("{\"version\":1,\"replies\":[{")
                               << QStringLiteral("bot.invalid_json") << 1;
    QTest::newRow("empty replies") << QList<int>{200} << QByteArray(R"({"version":1,"replies":[]})")
                                   << QStringLiteral("bot.empty_response") << 1;
    QTest::newRow("wrong version") << QList<int>{200}
                                   << QByteArray(R"({"version":2,"replies":[{"type":"TEXT","data":{"message":"a"}}]})")
                                   << QStringLiteral("bot.contract_violation") << 1;
    QTest::newRow("wrong delivery")
        << QList<int>{200} << QByteArray(R"({"deliveryId":"other","replies":[{"type":"TEXT","data":{"message":"a"}}]})")
        << QStringLiteral("bot.contract_violation") << 1;
    QTest::newRow("CE envelope") << QList<int>{200}
                                 << QByteArray(R"({"response":[{"type":"TEXT","data":{"message":"a"}}]})")
                                 << QStringLiteral("bot.contract_violation") << 1;
}

void tst_WebhookClient::retriesAndFailures()
{
    QFETCH(QList<int>, statuses);
    QFETCH(QByteArray, lastBody);
    QFETCH(QString, code);
    QFETCH(int, calls);
    WebhookBot bot;
    for (int i = 0; i < statuses.size(); ++i) {
        bot.steps.append(answer(statuses[i], i + 1 == statuses.size() ? lastBody : QByteArray("{}")));
    }
    WebhookClient client(configFor(bot), m_http.get(), m_server.get(), m_clock);
    QSignalSpy replied(&client, &BotClient::replied);
    QSignalSpy failed(&client, &BotClient::deliveryFailed);
    QSignalSpy hops(&client, &BotClient::attemptFinished);
    client.deliver(makeEvent(QStringLiteral("d1")));
    QTRY_COMPARE(replied.size() + failed.size(), 1);
    QCOMPARE(bot.events.size(), calls);
    QCOMPARE(hops.size(), calls);
    // Every attempt carries the same delivery id.
    for (const MiniRequest &r : std::as_const(bot.events)) {
        QCOMPARE(r.header("x-switchboard-delivery"), QByteArray("d1"));
    }
    if (code.isEmpty()) {
        QCOMPARE(replied.size(), 1);
    } else {
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(1).value<BotError>().code, code);
    }
}

void tst_WebhookClient::extraAuthorizationHeader()
{
    WebhookBot bot;
    WebhookConfig config = configFor(bot);
    config.authorization = QByteArrayLiteral("Bearer gateway-token");
    WebhookClient client(config, m_http.get(), m_server.get(), m_clock);
    QSignalSpy replied(&client, &BotClient::replied);
    client.deliver(makeEvent(QStringLiteral("d1")));
    QTRY_COMPARE(replied.size(), 1);
    QCOMPARE(bot.events.first().header("authorization"), QByteArray("Bearer gateway-token"));
}

void tst_WebhookClient::pingProbe_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("online");
    QTest::addColumn<QString>("code");
    QTest::newRow("204") << 204 << QByteArray() << true << QString();
    QTest::newRow("200 online") << 200 << QByteArray(R"({"version":1,"state":"online"})") << true << QString();
    QTest::newRow("200 maintenance") << 200 << QByteArray(R"({"version":1,"state":"maintenance"})") << false
                                     << QStringLiteral("bot.state_not_online");
    QTest::newRow("503") << 503 << QByteArray() << false << QStringLiteral("bot.http_5xx");
}

void tst_WebhookClient::pingProbe()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(bool, online);
    QFETCH(QString, code);
    WebhookBot bot;
    bot.steps = {answer(status, body)};
    WebhookClient client(configFor(bot), m_http.get(), m_server.get(), m_clock);
    QSignalSpy probed(&client, &BotClient::stateProbed);
    client.probeState();
    QTRY_COMPARE(probed.size(), 1);
    const auto state = probed.first().at(0).value<BotState>();
    QCOMPARE(state.online, online);
    QCOMPARE(state.error.code, code);
    QCOMPARE(bot.events.size(), 1); // one attempt only
    QCOMPARE(bot.events.first().header("x-switchboard-event"), QByteArray("ping"));
    QCOMPARE(QJsonDocument::fromJson(bot.events.first().body).object().value(QLatin1String("type")).toString(),
             QStringLiteral("ping"));

    QSignalSpy listed(&client, &BotClient::environmentsListed);
    client.listEnvironments();
    QTRY_COMPARE(listed.size(), 1);
    QVERIFY(listed.first().at(0).toStringList().isEmpty());
}

void tst_WebhookClient::invalidConfig()
{
    WebhookConfig config;
    config.integrationId = QStringLiteral("i");
    config.url = QStringLiteral("https://bot.example.com/hook");
    config.signingSecret = QByteArrayLiteral("short");
    config.callbackToken = s_callbackToken;
    QCOMPARE(WebhookClient::validateConfig(config).error().code, QStringLiteral("bot.config_invalid"));
    config.signingSecret = s_secret;
    QVERIFY(WebhookClient::validateConfig(config).ok());
    config.url = QStringLiteral("mailto:x@y");
    QVERIFY(!WebhookClient::validateConfig(config));
    WebhookClient client(config, m_http.get(), m_server.get(), m_clock);
    QSignalSpy failed(&client, &BotClient::deliveryFailed);
    client.deliver(makeEvent(QStringLiteral("d1")));
    QCOMPARE(failed.size(), 0);
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(1).value<BotError>().code, QStringLiteral("bot.config_invalid"));
}

void tst_WebhookClient::signature()
{
    // A fixed vector, computed independently: printf '1790000000.{"a":1}' | openssl dgst -sha256 -hmac key
    QCOMPARE(WebhookSignature::sign("key", "1790000000", R"({"a":1})"),
             QByteArray("sha256=") +
                 QMessageAuthenticationCode::hash("1790000000.{\"a\":1}", "key", QCryptographicHash::Sha256).toHex());
    const QByteArray good = WebhookSignature::sign("key", "1", "body");
    QVERIFY(WebhookSignature::verify("key", "1", "body", good));
    QVERIFY(WebhookSignature::verify("key", "1", "body", good.toUpper().replace("SHA256=", "sha256=")));
    QVERIFY(!WebhookSignature::verify("key", "2", "body", good));
    QVERIFY(!WebhookSignature::verify("key", "1", "body!", good));
    QVERIFY(!WebhookSignature::verify("other", "1", "body", good));
    QVERIFY(WebhookSignature::constantTimeEquals("abc", "abc"));
    QVERIFY(!WebhookSignature::constantTimeEquals("abc", "abd"));
    QVERIFY(!WebhookSignature::constantTimeEquals("abc", "abcd"));
    const QByteArray token = WebhookSignature::randomToken();
    QCOMPARE(token.size(), 43);
    QVERIFY(token != WebhookSignature::randomToken());
}

bool tst_WebhookClient::pythonValidate(const QJsonArray &documents, const QStringList &definitions, QString *error)
{
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty()) {
        *error = QStringLiteral("python3 not found");
        return false;
    }
    QTemporaryDir tmp;
    QFile input(tmp.filePath(QStringLiteral("docs.json")));
    if (!input.open(QIODevice::WriteOnly)) {
        return false;
    }
    input.write(QJsonDocument(QJsonObject{{QStringLiteral("documents"), documents},
                                          {QStringLiteral("definitions"), QJsonArray::fromStringList(definitions)}})
                    .toJson());
    input.close();
    const QString script = QStringLiteral(R"PY(
import json, sys, warnings
warnings.simplefilter("ignore")
import jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft4Validator.check_schema(schema)
data = json.load(open(sys.argv[2]))
bad = []
for doc, name in zip(data["documents"], data["definitions"]):
    v = jsonschema.Draft4Validator({"$ref": "#/definitions/" + name, "definitions": schema["definitions"]})
    errs = [e.message for e in v.iter_errors(doc)]
    if errs:
        bad.append(name + ": " + "; ".join(errs))
print(json.dumps(bad))
)PY");
    QProcess process;
    process.start(python, {QStringLiteral("-c"), script, schemaFile(), input.fileName()});
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        *error = QString::fromUtf8(process.readAllStandardError()).left(500);
        return false;
    }
    const QJsonArray bad = QJsonDocument::fromJson(process.readAllStandardOutput()).array();
    if (!bad.isEmpty()) {
        *error = QString::fromUtf8(QJsonDocument(bad).toJson());
        return false;
    }
    return true;
}

void tst_WebhookClient::schemaIsValidDraft4()
{
    const QJsonObject schema = loadSchema();
    QVERIFY2(!schema.isEmpty(), "docs/bot-webhook.schema.json is missing or not JSON");
    QString error;
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty()) {
        QSKIP("python3 not found");
    }
    // check_schema runs inside pythonValidate; an empty document list checks only the schema.
    QVERIFY2(pythonValidate({}, {}, &error), qPrintable(error));
}

void tst_WebhookClient::docExamplesValidate()
{
    QFile doc(Test::sourceDir() + QStringLiteral("/docs/bot-webhook.md"));
    QVERIFY(doc.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(doc.readAll());
    static const QRegularExpression block(QStringLiteral("```json\\n(.*?)```"),
                                          QRegularExpression::DotMatchesEverythingOption);
    QJsonArray documents;
    QStringList definitions;
    auto it = block.globalMatch(text);
    while (it.hasNext()) {
        const QString json = it.next().captured(1);
        QJsonParseError parseError{};
        const QJsonDocument parsed = QJsonDocument::fromJson(json.toUtf8(), &parseError);
        QVERIFY2(parseError.error == QJsonParseError::NoError,
                 qPrintable(json.left(200) + QStringLiteral(" -> ") + parseError.errorString()));
        const QString definition = definitionFor(parsed.object());
        QVERIFY2(!definition.isEmpty(), qPrintable(json.left(200)));
        documents.append(parsed.object());
        definitions.append(definition);
    }
    QVERIFY(documents.size() >= 6);
    JsonSchemaValidator ours;
    ours.addDocument(QStringLiteral("mem:/bot-webhook.schema.json"), loadSchema());
    for (qsizetype i = 0; i < documents.size(); ++i) {
        const SchemaValidationResult r = ours.validate(
            documents.at(i), QStringLiteral("mem:/bot-webhook.schema.json#/definitions/") + definitions.at(i));
        QVERIFY2(r.isValid(), qPrintable(definitions.at(i) + QStringLiteral(": ") + r.violations.value(0).toString()));
        QVERIFY(r.notes.isEmpty());
    }
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty()) {
        QSKIP("python3 not found: checked with our validator only");
    }
    QString error;
    QVERIFY2(pythonValidate(documents, definitions, &error), qPrintable(error));
}

void tst_WebhookClient::eventBodiesValidate()
{
    QJsonArray documents;
    QStringList definitions;
    const QString callback = m_server->callbackUrl(QStringLiteral("consumer-1"));
    for (EventType type : {EventType::Text,
                           EventType::RichContent,
                           EventType::Start,
                           EventType::Transferred,
                           EventType::Closed,
                           EventType::SurveyStart,
                           EventType::SurveyClose}) {
        BotEvent e = makeEvent(QStringLiteral("d-%1").arg(int(type)), type);
        if (type == EventType::RichContent) {
            e.content = QJsonObject{{QStringLiteral("type"), QStringLiteral("map")}};
        }
        documents.append(WebhookClient::eventBody(e, callback, false));
        definitions.append(QStringLiteral("event"));
    }
    BotEvent burst = makeEvent(QStringLiteral("b1"));
    burst.constituentDeliveryIds = {QStringLiteral("b1"), QStringLiteral("b2")};
    burst.sdes = QJsonObject{{QStringLiteral("unauthenticatedSdes"), QJsonObject{}}};
    burst.context.channel = ChannelType::Chat;
    documents.append(WebhookClient::eventBody(burst, callback, true));
    definitions.append(QStringLiteral("event"));
    QCOMPARE(documents.last().toObject().value(QLatin1String("deliveryIds")).toArray().size(), 2);

    JsonSchemaValidator ours;
    ours.addDocument(QStringLiteral("mem:/bot-webhook.schema.json"), loadSchema());
    for (qsizetype i = 0; i < documents.size(); ++i) {
        const SchemaValidationResult r =
            ours.validate(documents.at(i), QStringLiteral("mem:/bot-webhook.schema.json#/definitions/event"));
        QVERIFY2(
            r.isValid(),
            qPrintable(QString::fromUtf8(QJsonDocument(documents.at(i).toObject()).toJson(QJsonDocument::Compact)) +
                       QStringLiteral(" -> ") + r.violations.value(0).toString()));
    }
    // A broken event is caught by the schema (the test can fail).
    QJsonObject broken = documents.first().toObject();
    broken.insert(QStringLiteral("surprise"), 1);
    QVERIFY(!ours.validate(broken, QStringLiteral("mem:/bot-webhook.schema.json#/definitions/event")).isValid());
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty()) {
        QSKIP("python3 not found: checked with our validator only");
    }
    QString error;
    QVERIFY2(pythonValidate(documents, definitions, &error), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_WebhookClient)
#include "tst_webhookclient.moc"
