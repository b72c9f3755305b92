// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "bot/JsonSchemaValidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrl>

using namespace Switchboard;
using namespace Switchboard::Bot;

namespace
{

QJsonValue json(const char *text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray("[") + text + "]");
    return doc.array().at(0);
}

QStringList paths(const SchemaValidationResult &r)
{
    QStringList out;
    for (const SchemaViolation &v : r.violations) {
        out.append(v.path);
    }
    return out;
}

} // namespace

class tst_JsonSchemaValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keywords_data();
    void keywords();
    void reportsPaths();
    void refsAcrossDocuments();
    void oneOfPicksClosestBranch();
    void oneOfMoreThanOne();
    void unresolvedRefIsANote();
    void recursionIsBounded();
    void childPathQuotesOddKeys();
    void pollockSchemaFromShared();
};

void tst_JsonSchemaValidator::keywords_data()
{
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("instance");
    QTest::addColumn<bool>("valid");

    auto row = [](const char *name, const char *schema, const char *instance, bool valid) {
        QTest::newRow(name) << QString::fromUtf8(schema) << QString::fromUtf8(instance) << valid;
    };
    row("type string ok", R"({"type":"string"})", R"("x")", true);
    row("type string bad", R"({"type":"string"})", "1", false);
    row("type integer ok", R"({"type":"integer"})", "3", true);
    row("type integer fraction", R"({"type":"integer"})", "3.5", false);
    row("type number accepts integer", R"({"type":"number"})", "3", true);
    row("type array of types", R"({"type":["string","null"]})", "null", true);
    row("type array of types bad", R"({"type":["string","null"]})", "true", false);
    row("type any", R"({"type":"any"})", "{}", true);
    row("type Long", R"({"type":"Long"})", "12", true);
    row("required missing", R"({"required":["a"]})", R"({"b":1})", false);
    row("required present", R"({"required":["a"]})", R"({"a":1})", true);
    row("additionalProperties false",
        R"({"properties":{"a":{}},"additionalProperties":false})",
        R"({"a":1,"b":2})",
        false);
    row("additionalProperties schema", R"({"additionalProperties":{"type":"integer"}})", R"({"a":1,"b":"x"})", false);
    row("patternProperties",
        R"({"patternProperties":{"^x-":{"type":"string"}},"additionalProperties":false})",
        R"({"x-a":"v"})",
        true);
    row("patternProperties bad",
        R"({"patternProperties":{"^x-":{"type":"string"}},"additionalProperties":false})",
        R"({"x-a":1})",
        false);
    row("min/maxProperties", R"({"minProperties":1,"maxProperties":1})", R"({"a":1,"b":2})", false);
    row("enum ok", R"({"enum":["a",1,null]})", "1", true);
    row("enum bad", R"({"enum":["a",1,null]})", R"("b")", false);
    row("enum object", R"({"enum":[{"a":[1,2]}]})", R"({"a":[1,2]})", true);
    row("const", R"({"const":"x"})", R"("y")", false);
    row("items schema", R"({"items":{"type":"integer"}})", R"([1,2,"3"])", false);
    row("items tuple",
        R"({"items":[{"type":"integer"},{"type":"string"}],"additionalItems":false})",
        R"([1,"a"])",
        true);
    row("items tuple extra", R"({"items":[{"type":"integer"}],"additionalItems":false})", R"([1,2])", false);
    row("minItems", R"({"minItems":2})", "[1]", false);
    row("maxItems", R"({"maxItems":1})", "[1,2]", false);
    row("uniqueItems", R"({"uniqueItems":true})", "[1,2,1]", false);
    row("minLength", R"({"minLength":2})", R"("a")", false);
    row("maxLength code points", R"({"maxLength":2})", R"("😀😀")", true);
    row("maxLength too long", R"({"maxLength":2})", R"("abc")", false);
    row("pattern", R"({"pattern":"^https://"})", R"("http://x")", false);
    row("pattern unanchored", R"({"pattern":"b"})", R"("abc")", true);
    row("minimum", R"({"minimum":1})", "0", false);
    row("minimum exclusive draft4", R"({"minimum":1,"exclusiveMinimum":true})", "1", false);
    row("maximum", R"({"maximum":1})", "1", true);
    row("maximum exclusive draft6", R"({"exclusiveMaximum":1})", "1", false);
    row("multipleOf", R"({"multipleOf":0.5})", "1.5", true);
    row("multipleOf bad", R"({"multipleOf":2})", "3", false);
    row("allOf", R"({"allOf":[{"type":"integer"},{"minimum":5}]})", "3", false);
    row("anyOf", R"({"anyOf":[{"type":"integer"},{"type":"string"}]})", R"("x")", true);
    row("anyOf none", R"({"anyOf":[{"type":"integer"},{"type":"string"}]})", "true", false);
    row("oneOf exactly one", R"({"oneOf":[{"type":"integer"},{"minimum":10}]})", "5", true);
    row("oneOf two", R"({"oneOf":[{"type":"integer"},{"minimum":1}]})", "5", false);
    row("not", R"({"not":{"type":"string"}})", R"("x")", false);
    row("not ok", R"({"not":{"type":"string"}})", "1", true);
    row("local ref",
        R"({"definitions":{"p":{"type":"integer"}},"properties":{"a":{"$ref":"#/definitions/p"}}})",
        R"({"a":"x"})",
        false);
    row("ref ignores siblings",
        R"({"definitions":{"p":{"type":"integer"}},"$ref":"#/definitions/p","type":"string"})",
        "1",
        true);
    row("unknown keywords ignored", R"({"format":"uri","readonly":true,"default":1,"title":"t"})", R"("::")", true);
    row("boolean schema false", R"({"properties":{"a":false}})", R"({"a":1})", false);
}

void tst_JsonSchemaValidator::keywords()
{
    QFETCH(QString, schema);
    QFETCH(QString, instance);
    QFETCH(bool, valid);
    JsonSchemaValidator validator;
    const SchemaValidationResult result =
        validator.validateWithSchema(json(instance.toUtf8().constData()), json(schema.toUtf8().constData()));
    if (result.isValid() != valid) {
        for (const SchemaViolation &v : result.violations) {
            qWarning() << v.toString();
        }
    }
    QCOMPARE(result.isValid(), valid);
    if (!valid) {
        QVERIFY(!result.violations.first().message.isEmpty());
    }
}

void tst_JsonSchemaValidator::reportsPaths()
{
    JsonSchemaValidator validator;
    const QJsonValue schema = json(
        R"({"properties":{"elements":{"items":{"properties":{"click":{"properties":{"actions":{"items":{"properties":{"uri":{"type":"string","maxLength":5}}}}}}}}}}})");
    const QJsonValue instance = json(R"({"elements":[{},{},{"click":{"actions":[{"uri":"https://long"}]}}]})");
    const SchemaValidationResult result = validator.validateWithSchema(instance, schema);
    QCOMPARE(paths(result), QStringList{QStringLiteral("$.elements[2].click.actions[0].uri")});
    QVERIFY(result.violations.first().toString().startsWith(QLatin1String("$.elements[2].click.actions[0].uri: ")));

    const SchemaValidationResult missing =
        validator.validateWithSchema(json(R"({"a":{}})"), json(R"({"properties":{"a":{"required":["b"]}}})"));
    QCOMPARE(paths(missing), QStringList{QStringLiteral("$.a.b")});

    const SchemaValidationResult prefixed =
        validator.validateWithSchema(json("1"), json(R"({"type":"string"})"), {}, QStringLiteral("$.response[1].data"));
    QCOMPARE(paths(prefixed), QStringList{QStringLiteral("$.response[1].data")});
}

void tst_JsonSchemaValidator::refsAcrossDocuments()
{
    JsonSchemaValidator validator;
    validator.addDocument(
        QStringLiteral("mem:/s/root.json"),
        json(R"({"properties":{"a":{"$ref":"item.json"},"b":{"$ref":"defs.json#/definitions/small"}}})"));
    validator.addDocument(QStringLiteral("mem:/s/item.json"), json(R"({"type":"object","required":["x"]})"));
    validator.addDocument(QStringLiteral("mem:/s/defs.json"),
                          json(R"({"definitions":{"small":{"type":"integer","maximum":3}}})"));
    QVERIFY(validator.validate(json(R"({"a":{"x":1},"b":2})"), QStringLiteral("mem:/s/root.json")).isValid());
    const SchemaValidationResult bad =
        validator.validate(json(R"({"a":{},"b":9})"), QStringLiteral("mem:/s/root.json"));
    QCOMPARE(paths(bad), (QStringList{QStringLiteral("$.a.x"), QStringLiteral("$.b")}));
    // A fragment of a document as the root.
    QVERIFY(!validator.validate(json("7"), QStringLiteral("mem:/s/defs.json#/definitions/small")).isValid());
    QVERIFY(validator.validate(json("2"), QStringLiteral("mem:/s/defs.json#/definitions/small")).isValid());
}

void tst_JsonSchemaValidator::oneOfPicksClosestBranch()
{
    JsonSchemaValidator validator;
    const QJsonValue schema = json(R"({"oneOf":[
        {"title":"button","type":"object","additionalProperties":false,"properties":{"type":{"enum":["button"]},"title":{"type":"string"}},"required":["type","title"]},
        {"title":"image","type":"object","additionalProperties":false,"properties":{"type":{"enum":["image"]},"url":{"type":"string","maxLength":10}},"required":["type","url"]}
    ]})");
    const SchemaValidationResult result =
        validator.validateWithSchema(json(R"({"type":"image","url":"https://far-too-long"})"), schema);
    QCOMPARE(paths(result), QStringList{QStringLiteral("$.url")});
}

void tst_JsonSchemaValidator::oneOfMoreThanOne()
{
    JsonSchemaValidator validator;
    const SchemaValidationResult result = validator.validateWithSchema(
        json("5"), json(R"({"oneOf":[{"title":"a","type":"integer"},{"title":"b","minimum":1}]})"));
    QCOMPARE(result.violations.size(), 1);
    QVERIFY(result.violations.first().message.contains(QLatin1String("a, b")));
}

void tst_JsonSchemaValidator::unresolvedRefIsANote()
{
    JsonSchemaValidator validator;
    const SchemaValidationResult result =
        validator.validateWithSchema(json("1"), json(R"({"$ref":"missing.json"})"), QStringLiteral("mem:/x/a.json"));
    QVERIFY(result.isValid());
    QCOMPARE(result.notes.size(), 1);
    QVERIFY(result.notes.first().contains(QLatin1String("missing.json")));
}

void tst_JsonSchemaValidator::recursionIsBounded()
{
    JsonSchemaValidator validator;
    validator.addDocument(QStringLiteral("mem:/loop.json"), json(R"({"$ref":"#"})"));
    const SchemaValidationResult result = validator.validate(json("1"), QStringLiteral("mem:/loop.json"));
    QVERIFY(!result.isValid());
}

void tst_JsonSchemaValidator::childPathQuotesOddKeys()
{
    QCOMPARE(JsonSchemaValidator::childPath(QStringLiteral("$"), QStringLiteral("plain_key-1")),
             QStringLiteral("$.plain_key-1"));
    QCOMPARE(JsonSchemaValidator::childPath(QStringLiteral("$"), QStringLiteral("a b")), QStringLiteral("$[\"a b\"]"));
    QCOMPARE(JsonSchemaValidator::childPath(QStringLiteral("$"), QStringLiteral("1x")), QStringLiteral("$[\"1x\"]"));
    QCOMPARE(JsonSchemaValidator::indexPath(QStringLiteral("$.a"), 3), QStringLiteral("$.a[3]"));
}

void tst_JsonSchemaValidator::pollockSchemaFromShared()
{
    const QString dir = Test::schemaPath(QStringLiteral("structured-content"));
    JsonSchemaValidator validator;
    const Result<int> loaded = validator.addDirectory(dir, QUrl::fromLocalFile(dir + QLatin1Char('/')).toString());
    if (!loaded) {
        QSKIP("../shared/reference/schemas/structured-content is not available");
    }
    QVERIFY(loaded.value() >= 20);
    const QString root = QUrl::fromLocalFile(dir + QStringLiteral("/rich_content.json")).toString();
    const QJsonValue card = json(R"({"type":"vertical","elements":[
        {"type":"image","url":"https://example.com/a.png","tooltip":"a"},
        {"type":"text","text":"Hello","style":{"bold":true,"size":"large"}},
        {"type":"button","title":"Go","click":{"actions":[{"type":"publishText","text":"go"}],"metadata":[{"type":"ExternalId","id":"go-1"}]}}]})");
    const SchemaValidationResult ok = validator.validate(card, root);
    for (const SchemaViolation &v : ok.violations) {
        qWarning() << v.toString();
    }
    QVERIFY(ok.isValid());
    QVERIFY2(ok.notes.isEmpty(), qPrintable(ok.notes.join(QLatin1Char('\n'))));

    const QJsonValue bad = json(R"({"type":"vertical","elements":[{"type":"text","text":"a"},{"type":"text","text":"b"},
        {"type":"button","title":"Go","click":{"actions":[{"type":"link","name":"x","uri":"https://e.com","bogus":1}]}}]})");
    const SchemaValidationResult result = validator.validate(bad, root);
    QVERIFY(!result.isValid());
    QCOMPARE(result.violations.first().path, QStringLiteral("$.elements[2].click.actions[0].bogus"));
}

QTEST_GUILESS_MAIN(tst_JsonSchemaValidator)
#include "tst_jsonschemavalidator.moc"
