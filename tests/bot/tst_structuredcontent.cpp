// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Structured content: the embedded json-pollock schema, the platform's lint rules on top, the
// violation paths, and a differential check of every example card against python3-jsonschema
// (the reference implementation) over the same schema files from ../shared.

#include "TestSupport.h"
#include "bot/JsonSchemaValidator.h"
#include "bot/StructuredContentValidator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Switchboard;
using namespace Switchboard::Bot;

namespace
{

QJsonObject obj(const char *text)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError) {
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    }
    return doc.object();
}

struct Example
{
    const char *name;
    const char *json;
    /** Empty when valid; else the path of the first violation reported. */
    const char *path;
    /** Whether json-pollock's schema alone rejects it (lint rules are ours). */
    bool schemaRejects;
};

const Example s_examples[] = {
    {"vertical card",
     R"({"type":"vertical","elements":[
        {"type":"image","url":"https://example.com/a.png","tooltip":"A picture"},
        {"type":"text","text":"Your flight","tooltip":"t","style":{"bold":true,"size":"large","color":"#000000"}},
        {"type":"button","title":"Change","tooltip":"Change it","click":{"actions":[{"type":"publishText","text":"change"}],"metadata":[{"type":"ExternalId","id":"change-1"}]}},
        {"type":"button","title":"Web","click":{"actions":[{"type":"link","name":"Open","uri":"https://example.com","ios":{"uri":"app://x"},"android":{"uri":"app://x"},"web":{"uri":"https://example.com"}}]}},
        {"type":"button","title":"Where","click":{"actions":[{"type":"navigate","name":"Office","la":52.5,"lo":13.4}]}}]})",
     "",
     false},
    {"horizontal card",
     R"({"type":"horizontal","elements":[{"type":"button","title":"Yes"},{"type":"button","title":"No"}]})",
     "",
     false},
    {"carousel",
     R"({"type":"carousel","padding":10,"elements":[
        {"type":"vertical","elements":[{"type":"text","text":"One"}]},
        {"type":"vertical","elements":[{"type":"text","text":"Two"}]}]})",
     "",
     false},
    {"map element", R"({"type":"map","la":52.52,"lo":13.40,"alt":"Berlin"})", "", false},
    {"nested layouts",
     R"({"type":"vertical","elements":[{"type":"horizontal","elements":[{"type":"text","text":"a"},{"type":"text","text":"b"}]}]})",
     "",
     false},
    {"unknown property",
     R"({"type":"vertical","elements":[{"type":"text","text":"a"},{"type":"text","text":"b","colour":"red"}]})",
     "$.elements[1].colour",
     true},
    {"publishText too long",
     "{\"type\":\"vertical\",\"elements\":[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"button\",\"title\":\"x\","
     "\"click\":{\"actions\":[{\"type\":\"publishText\",\"text\":\""
     "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
     "xxxxxxxxxxxxxxxxxxxxxxx"
     "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
     "xxxxxxxxxxxxxxxxxxxxxxx"
     "\"}]}}]}",
     "$.elements[1].click.actions[0].text",
     true},
    {"http image",
     R"({"type":"vertical","elements":[{"type":"image","url":"http://example.com/a.png"}]})",
     "$.elements[0].url",
     false},
    {"long ExternalId",
     R"({"type":"vertical","elements":[{"type":"button","title":"x","click":{"actions":[{"type":"publishText","text":"x"}],"metadata":[{"type":"ExternalId","id":"0123456789012345678901234567890123456789012345678901234567890123456789"}]}}]})",
     "$.elements[0].click.metadata[0].id",
     false},
    {"button without title",
     R"({"type":"vertical","elements":[{"type":"button","tooltip":"x"}]})",
     "$.elements[0].title",
     true},
    {"misspelt layout", R"({"type":"verticle","elements":[]})", "$.type", true},
    {"too many actions",
     R"({"type":"vertical","elements":[{"type":"button","title":"x","click":{"actions":[
        {"type":"publishText","text":"1"},{"type":"publishText","text":"2"},{"type":"publishText","text":"3"},
        {"type":"publishText","text":"4"},{"type":"publishText","text":"5"}]}}]})",
     "$.elements[0].click.actions",
     true},
    {"wrong type of text", R"({"type":"vertical","elements":[{"type":"text","text":42}]})", "$.elements[0].text", true},
};

} // namespace

class tst_StructuredContent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void embeddedSchema();
    void examples_data();
    void examples();
    void quickReplies();
    void quickRepliesOnChat();
    void sameVerdictsAsPythonJsonschema();
    void lintOnlyWithoutSchema();
};

void tst_StructuredContent::embeddedSchema()
{
    if (!StructuredContentValidator::schemaEmbedded()) {
        QSKIP("this build has no structured-content schema (../shared was missing at configure time)");
    }
    QVERIFY(QFile::exists(QStringLiteral(":/schemas/structured-content/rich_content.json")));
    QVERIFY(QFile::exists(QStringLiteral(":/schemas/structured-content/LICENSE")));
    QVERIFY(StructuredContentValidator::shared().schemaAvailable());
}

void tst_StructuredContent::examples_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("path");
    for (const Example &e : s_examples) {
        QTest::newRow(e.name) << QString::fromUtf8(e.json) << QString::fromUtf8(e.path);
    }
}

void tst_StructuredContent::examples()
{
    QFETCH(QString, json);
    QFETCH(QString, path);
    const StructuredContentValidator &validator = StructuredContentValidator::shared();
    const SchemaValidationResult result = validator.validateCard(obj(json.toUtf8().constData()));
    if (path.isEmpty()) {
        for (const SchemaViolation &v : result.violations) {
            qWarning() << v.toString();
        }
        QVERIFY(result.isValid());
    } else {
        QVERIFY(!result.isValid());
        QCOMPARE(result.violations.first().path, path);
    }
    if (!validator.schemaAvailable()) {
        QVERIFY(result.notes.contains(QStringLiteral("schema unavailable in this build")));
    }
}

void tst_StructuredContent::quickReplies()
{
    const StructuredContentValidator &validator = StructuredContentValidator::shared();
    const QJsonObject ok =
        obj(R"({"message":"Do you like bots?","quickReplies":{"type":"quickReplies","itemsPerRow":8,"replies":[
        {"type":"button","title":"Yes","tooltip":"yes","click":{"actions":[{"type":"publishText","text":"yep"}],"metadata":[{"type":"ExternalId","id":"Yes-1234"}]}},
        {"type":"button","title":"No","click":{"actions":[{"type":"publishText","text":"nope"}]}}]}})");
    QVERIFY(StructuredContentValidator::isQuickReplies(ok));
    QVERIFY(validator.validateQuickReplies(ok, ChannelType::Messaging).isValid());

    QJsonObject noMessage = ok;
    noMessage.remove(QStringLiteral("message"));
    QCOMPARE(validator.validateQuickReplies(noMessage, ChannelType::Messaging).violations.first().path,
             QStringLiteral("$.message"));

    const QJsonObject perRow = obj(
        R"({"message":"m","quickReplies":{"type":"quickReplies","itemsPerRow":9,"replies":[{"type":"button","title":"a"}]}})");
    QCOMPARE(validator.validateQuickReplies(perRow, ChannelType::Messaging).violations.first().path,
             QStringLiteral("$.quickReplies.itemsPerRow"));

    const QJsonObject notButton = obj(
        R"({"message":"m","quickReplies":{"type":"quickReplies","replies":[{"type":"button","title":"a"},{"type":"text","text":"b"}]}})");
    QCOMPARE(validator.validateQuickReplies(notButton, ChannelType::Messaging).violations.first().path,
             QStringLiteral("$.quickReplies.replies[1]"));

    const QJsonObject empty = obj(R"({"message":"m","quickReplies":{"type":"quickReplies","replies":[]}})");
    QCOMPARE(validator.validateQuickReplies(empty, ChannelType::Messaging).violations.first().path,
             QStringLiteral("$.quickReplies.replies"));

    const QJsonObject badButton = obj(
        R"({"message":"m","quickReplies":{"type":"quickReplies","replies":[{"type":"button","title":"a","click":{"actions":[{"type":"publishText"}]}}]}})");
    const SchemaValidationResult bad = validator.validateQuickReplies(badButton, ChannelType::Messaging);
    QVERIFY(!bad.isValid());
    if (validator.schemaAvailable()) {
        QCOMPARE(bad.violations.first().path, QStringLiteral("$.quickReplies.replies[0].click.actions[0].text"));
    }
}

void tst_StructuredContent::quickRepliesOnChat()
{
    const QJsonObject qr =
        obj(R"({"message":"m","quickReplies":{"type":"quickReplies","replies":[{"type":"button","title":"a"}]}})");
    const SchemaValidationResult result =
        StructuredContentValidator::shared().validateQuickReplies(qr, ChannelType::Chat);
    QCOMPARE(result.violations.size(), 1);
    QCOMPARE(result.violations.first().path, QStringLiteral("$.quickReplies"));
    QVERIFY(result.violations.first().message.contains(QLatin1String("chat")));
}

void tst_StructuredContent::sameVerdictsAsPythonJsonschema()
{
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    const QString dir = Test::schemaPath(QStringLiteral("structured-content"));
    if (python.isEmpty() || !QFile::exists(dir + QStringLiteral("/rich_content.json"))) {
        QSKIP("python3 or the shared schema is missing");
    }
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QJsonArray cards;
    for (const Example &e : s_examples) {
        cards.append(obj(e.json));
    }
    // Quick-reply buttons are checked as cards too.
    cards.append(obj(R"({"type":"button","title":"Yes","click":{"actions":[{"type":"publishText","text":"yep"}]}})"));
    QFile input(tmp.filePath(QStringLiteral("cards.json")));
    QVERIFY(input.open(QIODevice::WriteOnly));
    input.write(QJsonDocument(cards).toJson());
    input.close();

    const QString script = QStringLiteral(R"PY(
import json, pathlib, sys, warnings
warnings.simplefilter("ignore")
import jsonschema
d = pathlib.Path(sys.argv[1]).resolve()
store = {p.as_uri(): json.load(open(p)) for p in d.glob("*.json")}
root = (d / "rich_content.json").as_uri()
resolver = jsonschema.RefResolver(root, store[root], store=store)
v = jsonschema.Draft4Validator(store[root], resolver=resolver)
print(json.dumps([v.is_valid(c) for c in json.load(open(sys.argv[2]))]))
)PY");
    QProcess process;
    process.start(python, {QStringLiteral("-c"), script, dir, input.fileName()});
    QVERIFY(process.waitForFinished(60000));
    if (process.exitCode() != 0) {
        QSKIP(qPrintable(QStringLiteral("python3-jsonschema not usable: ") +
                         QString::fromUtf8(process.readAllStandardError()).left(300)));
    }
    const QJsonArray verdicts = QJsonDocument::fromJson(process.readAllStandardOutput()).array();
    QCOMPARE(verdicts.size(), cards.size());

    JsonSchemaValidator validator;
    const QString base = QUrl::fromLocalFile(dir + QLatin1Char('/')).toString();
    QVERIFY(validator.addDirectory(dir, base));
    for (qsizetype i = 0; i < cards.size(); ++i) {
        const bool ours = validator.validate(cards.at(i), base + QStringLiteral("rich_content.json")).isValid();
        const bool theirs = verdicts.at(i).toBool();
        QVERIFY2(ours == theirs,
                 qPrintable(QStringLiteral("card %1: ours %2, jsonschema %3").arg(i).arg(ours).arg(theirs)));
        if (i < qsizetype(std::size(s_examples))) {
            QCOMPARE(!ours, s_examples[i].schemaRejects);
        }
    }
}

void tst_StructuredContent::lintOnlyWithoutSchema()
{
    QTemporaryDir empty;
    const StructuredContentValidator validator(empty.path());
    QVERIFY(!validator.schemaAvailable());
    const SchemaValidationResult ok =
        validator.validateCard(obj(R"({"type":"vertical","elements":[{"type":"text","text":"a"}]})"));
    QVERIFY(ok.isValid());
    QVERIFY(ok.notes.contains(QStringLiteral("schema unavailable in this build")));
    const SchemaValidationResult http =
        validator.validateCard(obj(R"({"type":"vertical","elements":[{"type":"image","url":"http://x"}]})"));
    QCOMPARE(http.violations.first().path, QStringLiteral("$.elements[0].url"));
    const SchemaValidationResult unknown =
        validator.validateCard(obj(R"({"type":"vertical","elements":[{"type":"widget"}]})"));
    QCOMPARE(unknown.violations.first().path, QStringLiteral("$.elements[0].type"));
}

QTEST_GUILESS_MAIN(tst_StructuredContent)
#include "tst_structuredcontent.moc"
