// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The bot's answer, strictly typed: every item type of Custom Endpoint v1, the one-action rule,
// contract violations with their paths, metadata forms, quick-reply degradation for chat.

#include "bot/BotErrors.h"
#include "bot/QuickReplies.h"
#include "bot/ReplyParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Switchboard;
using namespace Switchboard::Bot;

namespace
{

ReplyParseResult parse(const QByteArray &body, bool allowEmpty = false, ChannelType channel = ChannelType::Messaging)
{
    ReplyParser::Options options;
    options.allowEmpty = allowEmpty;
    options.channel = channel;
    return ReplyParser::parseBody(body, options);
}

QByteArray wrap(const QByteArray &items)
{
    return R"({"response":[)" + items + R"(],"analytics":{"intents":[]}})";
}

} // namespace

class tst_ReplyParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyItemType();
    void textVariants();
    void metadataObjectBecomesArray();
    void encodedMetadata_data();
    void encodedMetadata();
    void structuredContentValidated();
    void quickReplies();
    void delays_data();
    void delays();
    void actions_data();
    void actions();
    void invokeFunction();
    void oneActionPerResponse();
    void rejected_data();
    void rejected();
    void emptyAllowedForLifecycle();
    void analytics();
    void webhookEnvelope();
    void degradeQuickRepliesForChat();
    void errorCatalogue();
};

void tst_ReplyParser::everyItemType()
{
    const ReplyParseResult r = parse(wrap(R"(
        {"type":"TEXT","data":{"message":"Hello"}},
        {"type":"DELAY","data":{"seconds":2,"typing":false}},
        {"type":"STRUCTURED_CONTENT","data":{"structuredContent":{"type":"vertical","elements":[{"type":"text","text":"Card"}]},"metadata":[{"type":"ExternalId","id":"card-1"}]}},
        {"type":"STRUCTURED_CONTENT","data":{"structuredContent":{"message":"Pick","quickReplies":{"type":"quickReplies","itemsPerRow":2,"replies":[{"type":"button","title":"A","click":{"actions":[{"type":"publishText","text":"a"}]}}]}}}},
        {"type":"ACTION","data":{"name":"TRANSFER","parameters":{"skillName":"human"}}})"));
    QVERIFY2(r.ok(), qPrintable(BotErrors::format(r.error)));
    const QList<BotReply> &items = r.response.items;
    QCOMPARE(items.size(), 5);
    QCOMPARE(items[0].kind, ReplyKind::Text);
    QCOMPARE(items[0].text, QStringLiteral("Hello"));
    QCOMPARE(items[1].kind, ReplyKind::Delay);
    QCOMPARE(items[1].delaySeconds, 2);
    QCOMPARE(items[1].typing, false);
    QCOMPARE(items[2].kind, ReplyKind::StructuredContent);
    QCOMPARE(items[2].structuredContent.value(QLatin1String("type")).toString(), QStringLiteral("vertical"));
    QCOMPARE(items[2].metadata.size(), 1);
    QCOMPARE(items[3].kind, ReplyKind::QuickReplies);
    QCOMPARE(items[3].text, QStringLiteral("Pick"));
    QCOMPARE(items[3].structuredContent.value(QLatin1String("type")).toString(), QStringLiteral("quickReplies"));
    QCOMPARE(items[4].kind, ReplyKind::Transfer);
    QCOMPARE(items[4].skillName, QStringLiteral("human"));
    QVERIFY(r.response.action() == &r.response.items[4]);
    QVERIFY(r.response.warnings.isEmpty());
}

void tst_ReplyParser::textVariants()
{
    const ReplyParseResult r =
        parse(wrap(R"({"type":"TEXT","data":{"message":"for agents","messageAudience":"AGENTS_AND_MANAGERS"}},
                                               {"type":"TEXT","data":{"message":"for all","messageAudience":"ALL"}})"));
    QVERIFY(r.ok());
    QCOMPARE(r.response.items[0].audience, MessageAudience::AgentsAndManagers);
    QCOMPARE(r.response.items[1].audience, MessageAudience::All);

    const ReplyParseResult bad = parse(wrap(R"({"type":"TEXT","data":{"message":"x","messageAudience":"EVERYONE"}})"));
    QCOMPARE(bad.error.code, QStringLiteral("bot.contract_violation"));
    QCOMPARE(bad.error.path, QStringLiteral("$.response[0].data.messageAudience"));
}

void tst_ReplyParser::metadataObjectBecomesArray()
{
    const ReplyParseResult r =
        parse(wrap(R"({"type":"TEXT","data":{"message":"x","metadata":{"type":"ExternalId","id":"abc"}}})"));
    QVERIFY(r.ok());
    QCOMPARE(r.response.items[0].metadata.size(), 1);
    QCOMPARE(r.response.items[0].metadata.at(0).toObject().value(QLatin1String("id")).toString(),
             QStringLiteral("abc"));

    const ReplyParseResult longId = parse(wrap(
        R"({"type":"TEXT","data":{"message":"x","metadata":[{"type":"ExternalId","id":"0123456789012345678901234567890123456789012345678901234567890123456789"}]}})"));
    QCOMPARE(longId.error.path, QStringLiteral("$.response[0].data.metadata[0].id"));

    const ReplyParseResult scalar = parse(wrap(R"({"type":"TEXT","data":{"message":"x","metadata":"oops"}})"));
    QCOMPARE(scalar.error.code, QStringLiteral("bot.contract_violation"));
    QCOMPARE(scalar.error.path, QStringLiteral("$.response[0].data.metadata"));
}

void tst_ReplyParser::encodedMetadata_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("code");
    QTest::newRow("valid") << QByteArray("\"ewoic29tZSI6ICJqc29uIgp9\"") << QString();
    QTest::newRow("exactly 5000") << (QByteArray("\"") + QByteArray(5000, 'A') + QByteArray("\"")) << QString();
    QTest::newRow("5004 too large") << (QByteArray("\"") + QByteArray(5004, 'A') + QByteArray("\""))
                                    << QStringLiteral("bot.encoded_metadata_too_large");
    QTest::newRow("not base64") << QByteArray("\"not base64!\"") << QStringLiteral("bot.encoded_metadata_invalid");
    QTest::newRow("bad length") << QByteArray("\"abc\"") << QStringLiteral("bot.encoded_metadata_invalid");
    QTest::newRow("number") << QByteArray("12") << QStringLiteral("bot.encoded_metadata_invalid");
}

void tst_ReplyParser::encodedMetadata()
{
    QFETCH(QByteArray, value);
    QFETCH(QString, code);
    const ReplyParseResult r = parse(wrap(R"({"type":"TEXT","data":{"message":"x","encodedMetadata":)" + value + "}}"));
    if (code.isEmpty()) {
        QVERIFY(r.ok());
        QVERIFY(!r.response.items[0].encodedMetadata.isEmpty());
        // Messaging only: dropped with a warning on chat.
        const ReplyParseResult chat =
            parse(wrap(R"({"type":"TEXT","data":{"message":"x","encodedMetadata":)" + value + "}}"),
                  false,
                  ChannelType::Chat);
        QVERIFY(chat.ok());
        QVERIFY(chat.response.items[0].encodedMetadata.isEmpty());
        QCOMPARE(chat.response.warnings.size(), 1);
    } else {
        QCOMPARE(r.error.code, code);
        QCOMPARE(r.error.path, QStringLiteral("$.response[0].data.encodedMetadata"));
        QVERIFY(!r.error.hint.isEmpty());
    }
}

void tst_ReplyParser::structuredContentValidated()
{
    const ReplyParseResult r = parse(wrap(R"({"type":"TEXT","data":{"message":"before"}},
        {"type":"STRUCTURED_CONTENT","data":{"structuredContent":{"type":"vertical","elements":[{"type":"image","url":"http://insecure.example.com/x.png"}]}}})"));
    QCOMPARE(r.error.code, QStringLiteral("bot.sc_invalid"));
    QCOMPARE(r.error.path, QStringLiteral("$.response[1].data.structuredContent.elements[0].url"));
    QVERIFY(r.error.message.startsWith(QLatin1String("$.response[1].data.structuredContent.elements[0].url: ")));

    const ReplyParseResult missing = parse(wrap(R"({"type":"STRUCTURED_CONTENT","data":{}})"));
    QCOMPARE(missing.error.code, QStringLiteral("bot.contract_violation"));
    QCOMPARE(missing.error.path, QStringLiteral("$.response[0].data.structuredContent"));
}

void tst_ReplyParser::quickReplies()
{
    const ReplyParseResult bad = parse(wrap(
        R"({"type":"STRUCTURED_CONTENT","data":{"structuredContent":{"message":"m","quickReplies":{"type":"quickReplies","replies":[]}}}})"));
    QCOMPARE(bad.error.code, QStringLiteral("bot.sc_invalid"));
    QCOMPARE(bad.error.path, QStringLiteral("$.response[0].data.structuredContent.quickReplies.replies"));
    // Quick replies parse on chat too: the connector degrades them (QuickReplies::degradeForChat).
    const ReplyParseResult chat = parse(
        wrap(
            R"({"type":"STRUCTURED_CONTENT","data":{"structuredContent":{"message":"m","quickReplies":{"type":"quickReplies","replies":[{"type":"button","title":"a"}]}}}})"),
        false,
        ChannelType::Chat);
    QVERIFY(chat.ok());
    QCOMPARE(chat.response.items[0].kind, ReplyKind::QuickReplies);
}

void tst_ReplyParser::delays_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<bool>("ok");
    QTest::newRow("1 s") << QByteArray(R"({"seconds":1})") << true;
    QTest::newRow("typing default true") << QByteArray(R"({"seconds":3})") << true;
    QTest::newRow("zero") << QByteArray(R"({"seconds":0})") << false;
    QTest::newRow("negative") << QByteArray(R"({"seconds":-2})") << false;
    QTest::newRow("fraction") << QByteArray(R"({"seconds":1.5})") << false;
    QTest::newRow("string") << QByteArray(R"({"seconds":"2"})") << false;
    QTest::newRow("missing") << QByteArray(R"({"typing":true})") << false;
    QTest::newRow("typing not bool") << QByteArray(R"({"seconds":2,"typing":"yes"})") << false;
    QTest::newRow("absurd") << QByteArray(R"({"seconds":100000})") << false;
}

void tst_ReplyParser::delays()
{
    QFETCH(QByteArray, data);
    QFETCH(bool, ok);
    const ReplyParseResult r =
        parse(wrap(R"({"type":"TEXT","data":{"message":"a"}},{"type":"DELAY","data":)" + data + "}"));
    QCOMPARE(r.ok(), ok);
    if (ok) {
        QVERIFY(r.response.items[1].typing);
    } else {
        QCOMPARE(r.error.code, QStringLiteral("bot.bad_delay"));
        QVERIFY(r.error.path.startsWith(QLatin1String("$.response[1].data.")));
    }
}

void tst_ReplyParser::actions_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("code");
    QTest::newRow("transfer skill") << QByteArray(R"({"name":"TRANSFER","parameters":{"skillName":"Human"}})")
                                    << QString();
    QTest::newRow("transfer agent") << QByteArray(R"({"name":"TRANSFER","parameters":{"agentId":"123"}})") << QString();
    QTest::newRow("transfer both") << QByteArray(
                                          R"({"name":"TRANSFER","parameters":{"skillName":"h","agentId":"123"}})")
                                   << QString();
    QTest::newRow("transfer nothing") << QByteArray(R"({"name":"TRANSFER","parameters":{}})")
                                      << QStringLiteral("bot.contract_violation");
    QTest::newRow("transfer skill number") << QByteArray(R"({"name":"TRANSFER","parameters":{"skillName":5}})")
                                           << QStringLiteral("bot.contract_violation");
    QTest::newRow("close") << QByteArray(R"({"name":"CLOSE_CONVERSATION"})") << QString();
    QTest::newRow("close without pcs") << QByteArray(
                                              R"({"name":"CLOSE_CONVERSATION","parameters":{"withoutPcs":true}})")
                                       << QString();
    QTest::newRow("close bad pcs") << QByteArray(R"({"name":"CLOSE_CONVERSATION","parameters":{"withoutPcs":"yes"}})")
                                   << QStringLiteral("bot.contract_violation");
    QTest::newRow("ttr urgent") << QByteArray(R"({"name":"CHANGE_TTR","parameters":{"ttrType":"URGENT"}})")
                                << QString();
    QTest::newRow("ttr custom") << QByteArray(R"({"name":"CHANGE_TTR","parameters":{"ttrType":"CUSTOM","value":120}})")
                                << QString();
    QTest::newRow("ttr custom no value") << QByteArray(R"({"name":"CHANGE_TTR","parameters":{"ttrType":"CUSTOM"}})")
                                         << QStringLiteral("bot.contract_violation");
    QTest::newRow("ttr unknown") << QByteArray(R"({"name":"CHANGE_TTR","parameters":{"ttrType":"SOON"}})")
                                 << QStringLiteral("bot.contract_violation");
    QTest::newRow("unknown action") << QByteArray(R"({"name":"DANCE"})") << QStringLiteral("bot.contract_violation");
    QTest::newRow("parameters not object")
        << QByteArray(R"({"name":"TRANSFER","parameters":[]})") << QStringLiteral("bot.contract_violation");
}

void tst_ReplyParser::actions()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, code);
    const ReplyParseResult r = parse(wrap(R"({"type":"ACTION","data":)" + data + "}"));
    if (code.isEmpty()) {
        QVERIFY2(r.ok(), qPrintable(BotErrors::format(r.error)));
        QCOMPARE(r.response.items.size(), 1);
        QVERIFY(r.response.items[0].isAction());
    } else {
        QCOMPARE(r.error.code, code);
        QVERIFY(r.error.path.startsWith(QLatin1String("$.response[0].data")));
    }
    if (qstrcmp(QTest::currentDataTag(), "ttr custom") == 0) {
        QCOMPARE(r.response.items[0].ttrType, TtrType::Custom);
        QCOMPARE(r.response.items[0].ttrValue, QStringLiteral("120"));
    }
    if (qstrcmp(QTest::currentDataTag(), "close without pcs") == 0) {
        QVERIFY(r.response.items[0].withoutPcs);
    }
    if (qstrcmp(QTest::currentDataTag(), "transfer both") == 0) {
        QCOMPARE(r.response.items[0].agentId, QStringLiteral("123"));
        QCOMPARE(r.response.items[0].skillName, QStringLiteral("h"));
    }
}

void tst_ReplyParser::invokeFunction()
{
    const ReplyParseResult strict = parse(wrap(
        R"({"type":"TEXT","data":{"message":"a"}},{"type":"ACTION","data":{"name":"INVOKE_FUNCTION","parameters":{"lambdaUuid":"x","payload":{},"failOnError":true}}})"));
    QCOMPARE(strict.error.code, QStringLiteral("bot.unsupported_action"));
    QCOMPARE(strict.error.path, QStringLiteral("$.response[1].data.name"));
    QVERIFY(strict.error.message.contains(QLatin1String("INVOKE_FUNCTION")));

    const ReplyParseResult lenient = parse(wrap(
        R"({"type":"TEXT","data":{"message":"a"}},{"type":"ACTION","data":{"name":"INVOKE_FUNCTION","parameters":{"lambdaUuid":"x","payload":{}}}})"));
    QVERIFY(lenient.ok());
    QCOMPARE(lenient.response.items.size(), 1);
    QCOMPARE(lenient.response.warnings.size(), 1);
    QVERIFY(lenient.response.warnings.first().contains(QLatin1String("INVOKE_FUNCTION")));
}

void tst_ReplyParser::oneActionPerResponse()
{
    const ReplyParseResult r = parse(wrap(R"(
        {"type":"TEXT","data":{"message":"one"}},
        {"type":"ACTION","data":{"name":"CLOSE_CONVERSATION"}},
        {"type":"TEXT","data":{"message":"after"}},
        {"type":"ACTION","data":{"name":"TRANSFER","parameters":{"skillName":"x"}}})"));
    QVERIFY(r.ok());
    QCOMPARE(r.response.items.size(), 2);
    QCOMPARE(r.response.items[1].kind, ReplyKind::CloseConversation);
    QCOMPARE(r.response.warnings.size(), 1);
    QVERIFY(r.response.warnings.first().contains(QLatin1String("$.response[1]")));
    QVERIFY(r.response.warnings.first().contains(QLatin1String("TEXT, ACTION")));

    // An action alone is a valid answer.
    QVERIFY(parse(wrap(R"({"type":"ACTION","data":{"name":"TRANSFER","parameters":{"skillName":"x"}}})")).ok());
}

void tst_ReplyParser::rejected_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("path");
    QTest::newRow("not json") << QByteArray("{\"response\":[") << QStringLiteral("bot.invalid_json") << QString();
    QTest::newRow("html") << QByteArray("<html>oops</html>") << QStringLiteral("bot.invalid_json") << QString();
    QTest::newRow("empty body") << QByteArray("") << QStringLiteral("bot.empty_response") << QString();
    QTest::newRow("array root") << QByteArray("[]") << QStringLiteral("bot.contract_violation") << QStringLiteral("$");
    QTest::newRow("no response") << QByteArray(R"({"analytics":{}})") << QStringLiteral("bot.contract_violation")
                                 << QStringLiteral("$.response");
    QTest::newRow("response object") << QByteArray(R"({"response":{}})") << QStringLiteral("bot.contract_violation")
                                     << QStringLiteral("$.response");
    QTest::newRow("empty response") << wrap("") << QStringLiteral("bot.empty_response") << QStringLiteral("$.response");
    QTest::newRow("only delay") << wrap(R"({"type":"DELAY","data":{"seconds":1}})")
                                << QStringLiteral("bot.empty_response") << QStringLiteral("$.response");
    QTest::newRow("unknown type") << wrap(R"({"type":"TEXT","data":{"message":"a"}},{"type":"VIDEO","data":{}})")
                                  << QStringLiteral("bot.contract_violation") << QStringLiteral("$.response[1].type");
    QTest::newRow("item not object") << wrap(R"("hello")") << QStringLiteral("bot.contract_violation")
                                     << QStringLiteral("$.response[0]");
    QTest::newRow("no data") << wrap(R"({"type":"TEXT"})") << QStringLiteral("bot.contract_violation")
                             << QStringLiteral("$.response[0].data");
    QTest::newRow("no message") << wrap(R"({"type":"TEXT","data":{}})") << QStringLiteral("bot.contract_violation")
                                << QStringLiteral("$.response[0].data.message");
    QTest::newRow("blank message") << wrap(R"({"type":"TEXT","data":{"message":"  "}})")
                                   << QStringLiteral("bot.contract_violation")
                                   << QStringLiteral("$.response[0].data.message");
    QTest::newRow("message number") << wrap(R"({"type":"TEXT","data":{"message":5}})")
                                    << QStringLiteral("bot.contract_violation")
                                    << QStringLiteral("$.response[0].data.message");
    QTest::newRow("no type") << wrap(R"({"data":{"message":"a"}})") << QStringLiteral("bot.contract_violation")
                             << QStringLiteral("$.response[0].type");
}

void tst_ReplyParser::rejected()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, path);
    const ReplyParseResult r = parse(body);
    QVERIFY(!r.ok());
    QCOMPARE(r.error.code, code);
    QCOMPARE(r.error.path, path);
    QVERIFY(!r.error.message.isEmpty());
    QVERIFY(!r.error.hint.isEmpty());
    QVERIFY(r.response.items.isEmpty());
}

void tst_ReplyParser::emptyAllowedForLifecycle()
{
    QVERIFY(parse(wrap(""), true).ok());
    QVERIFY(parse("", true).ok());
    QVERIFY(parse(R"({"analytics":{}})", true).ok());
}

void tst_ReplyParser::analytics()
{
    const ReplyParseResult r = parse(R"({"response":[{"type":"TEXT","data":{"message":"a"}}],"analytics":{"intents":[
        {"id":"greeting","description":"Greeting","confidenceScore":0.97},
        {"id":"has space","description":"x","confidenceScore":0.5},
        {"id":"over","description":"x","confidenceScore":1.5}]}})");
    QVERIFY(r.ok());
    QCOMPARE(r.response.intents.size(), 1);
    QCOMPARE(r.response.intents[0].id, QStringLiteral("greeting"));
    QCOMPARE(r.response.intents[0].confidenceScore, 0.97);
    QCOMPARE(r.response.warnings.size(), 2);
    // Without analytics the answer still counts.
    QVERIFY(parse(R"({"response":[{"type":"TEXT","data":{"message":"a"}}]})").ok());
}

void tst_ReplyParser::webhookEnvelope()
{
    ReplyParser::Options options = ReplyParser::webhookOptions();
    const ReplyParseResult r = ReplyParser::parseBody(
        R"({"version":1,"replies":[{"type":"TEXT","data":{"message":"hi"}}],"intents":[{"id":"x","description":"d","confidenceScore":1}]})",
        options);
    QVERIFY(r.ok());
    QCOMPARE(r.response.items.size(), 1);
    QCOMPARE(r.response.intents.size(), 1);
    const ReplyParseResult bad =
        ReplyParser::parseBody(R"({"version":1,"replies":[{"type":"DELAY","data":{"seconds":0}}]})", options);
    QCOMPARE(bad.error.path, QStringLiteral("$.replies[0].data.seconds"));
}

void tst_ReplyParser::degradeQuickRepliesForChat()
{
    const ReplyParseResult r = parse(wrap(
        R"({"type":"STRUCTURED_CONTENT","data":{"structuredContent":{"message":"Do you like bots?","quickReplies":{"type":"quickReplies","itemsPerRow":8,"replies":[
        {"type":"button","title":"Yes","click":{"actions":[{"type":"publishText","text":"yep"}]}},
        {"type":"button","title":"No","click":{"actions":[{"type":"publishText","text":"nope"}]}}]}},"metadata":[{"type":"ExternalId","id":"q1"}]}},
        {"type":"TEXT","data":{"message":"unchanged"}})"));
    QVERIFY(r.ok());
    QCOMPARE(QuickReplies::optionTitles(r.response.items[0]),
             (QStringList{QStringLiteral("Yes"), QStringLiteral("No")}));
    const BotReply text = QuickReplies::degradeForChat(r.response.items[0]);
    QCOMPARE(text.kind, ReplyKind::Text);
    QCOMPARE(text.text, QStringLiteral("Do you like bots?\n1. Yes\n2. No"));
    QCOMPARE(text.metadata.size(), 1);
    const BotResponse degraded = QuickReplies::degradeForChat(r.response);
    QCOMPARE(degraded.items.size(), 2);
    QCOMPARE(degraded.items[0].kind, ReplyKind::Text);
    QCOMPARE(degraded.items[1].text, QStringLiteral("unchanged"));
}

void tst_ReplyParser::errorCatalogue()
{
    const QStringList codes = BotErrors::codes();
    QVERIFY(codes.size() >= 30);
    QCOMPARE(QSet<QString>(codes.begin(), codes.end()).size(), codes.size());
    for (const QString &code : codes) {
        QVERIFY2(code.startsWith(QLatin1String("bot.")) || code.startsWith(QLatin1String("callback.")),
                 qPrintable(code));
        QVERIFY2(!BotErrors::describe(code).isEmpty(), qPrintable(code));
        QVERIFY2(!BotErrors::hint(code).isEmpty(), qPrintable(code));
        QVERIFY2(!BotErrors::hint(code).contains(QLatin1Char('\n')), qPrintable(code));
    }
    for (const char *required : {ErrorCode::Timeout,
                                 ErrorCode::ConnectError,
                                 ErrorCode::TlsError,
                                 ErrorCode::Http4xx,
                                 ErrorCode::Http5xx,
                                 ErrorCode::Unauthorized,
                                 ErrorCode::InvalidJson,
                                 ErrorCode::ContractViolation,
                                 ErrorCode::EmptyResponse,
                                 ErrorCode::UnknownSkill,
                                 ErrorCode::StructuredContentInvalid,
                                 ErrorCode::UnsupportedAction,
                                 ErrorCode::EncodedMetadataTooLarge,
                                 ErrorCode::StateNotOnline,
                                 ErrorCode::TokenError}) {
        QVERIFY2(BotErrors::isKnown(QString::fromLatin1(required)), required);
    }
    QVERIFY(!BotErrors::isKnown(QStringLiteral("bot.nonsense")));
    HttpResponse timeout;
    timeout.error = HttpError::Timeout;
    QCOMPARE(BotErrors::fromHttp(timeout).code, QStringLiteral("bot.timeout"));
    HttpResponse five;
    five.status = 503;
    QCOMPARE(BotErrors::fromHttp(five).code, QStringLiteral("bot.http_5xx"));
    QCOMPARE(BotErrors::fromHttp(five).httpStatus, 503);
    HttpResponse four;
    four.status = 422;
    QCOMPARE(BotErrors::fromHttp(four).code, QStringLiteral("bot.http_4xx"));
    HttpResponse unauthorized;
    unauthorized.status = 401;
    QCOMPARE(BotErrors::fromHttp(unauthorized).code, QStringLiteral("bot.unauthorized"));
    const QString line = BotErrors::format(
        BotErrors::make(ErrorCode::StructuredContentInvalid, QStringLiteral("x"), 0, QStringLiteral("$.a")));
    QVERIFY(line.startsWith(QStringLiteral("bot.sc_invalid: x [$.a] — ")));
}

QTEST_GUILESS_MAIN(tst_ReplyParser)
#include "tst_replyparser.moc"
