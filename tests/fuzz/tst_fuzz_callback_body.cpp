// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Replay smoke test of the callback-body fuzz target (label "fuzz"), in the normal suite: every
// seed of corpus/callback_body, then deterministic mutations of each (truncations, byte flips,
// insertions of JSON punctuation, duplicated spans, type swaps of every value). The parser must
// neither crash nor break its contract on any of them; the seeds that are valid must stay valid.

#include "FuzzCallbackBody.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Switchboard;

namespace
{

bool run(const QByteArray &input)
{
    return Fuzz::fuzzCallbackBody(reinterpret_cast<const uint8_t *>(input.constData()), size_t(input.size()));
}

/** Every value of a JSON tree replaced, one at a time, by values of other types. */
void typeSwaps(const QJsonValue &node,
               const std::function<QJsonValue(const QJsonValue &)> &rebuild,
               QList<QByteArray> &out)
{
    static const QJsonValue replacements[] = {QJsonValue(),
                                              QJsonValue(true),
                                              QJsonValue(-1),
                                              QJsonValue(1e300),
                                              QJsonValue(QString()),
                                              QJsonValue(QStringLiteral("x")),
                                              QJsonValue(QJsonArray{}),
                                              QJsonValue(QJsonObject{})};
    for (const QJsonValue &r : replacements) {
        if (r.type() != node.type()) {
            const QJsonValue whole = rebuild(r);
            out.append(whole.isObject() ? QJsonDocument(whole.toObject()).toJson(QJsonDocument::Compact)
                                        : QJsonDocument(whole.toArray()).toJson(QJsonDocument::Compact));
        }
    }
    if (node.isObject()) {
        const QJsonObject o = node.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString key = it.key();
            typeSwaps(
                it.value(),
                [o, key, rebuild](const QJsonValue &v) {
                    QJsonObject copy = o;
                    copy.insert(key, v);
                    return rebuild(copy);
                },
                out);
        }
    } else if (node.isArray()) {
        const QJsonArray a = node.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            typeSwaps(
                a.at(i),
                [a, i, rebuild](const QJsonValue &v) {
                    QJsonArray copy = a;
                    copy.replace(i, v);
                    return rebuild(copy);
                },
                out);
        }
    }
}

} // namespace

class tst_FuzzCallbackBody : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seeds();
    void mutations();
    void edgeInputs();
};

void tst_FuzzCallbackBody::seeds()
{
    const QDir dir(QStringLiteral(SWITCHBOARD_FUZZ_CORPUS));
    const QStringList files = dir.entryList(QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 6);
    int valid = 0;
    for (const QString &name : files) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray seed = f.readAll();
        QVERIFY2(run(seed), qPrintable(name));
        valid += Bot::CallbackBodyParser::parse(seed).ok() ? 1 : 0;
    }
    // text, card, quickreplies, actions, ttr, carousel are valid callbacks.
    QCOMPARE(valid, 6);
}

void tst_FuzzCallbackBody::mutations()
{
    const QDir dir(QStringLiteral(SWITCHBOARD_FUZZ_CORPUS));
    qint64 inputs = 0;
    for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray seed = f.readAll().trimmed();
        QList<QByteArray> cases;
        for (qsizetype cut = 0; cut < seed.size(); cut += 3) {
            cases.append(seed.left(cut));
        }
        for (qsizetype i = 0; i < seed.size(); i += 2) {
            for (const char bits : {char(0x01), char(0x20), char(0x80)}) {
                QByteArray flipped = seed;
                flipped[i] = char(flipped[i] ^ bits);
                cases.append(flipped);
            }
        }
        for (qsizetype i = 0; i < seed.size(); i += 5) {
            for (const char *insert :
                 {"\"", "{", "}", "[", "]", ",", ":", "\\u0000", "\\ud800", "1e999", "null", "\xff\xfe"}) {
                QByteArray inserted = seed;
                inserted.insert(i, insert);
                cases.append(inserted);
            }
            QByteArray duplicated = seed;
            duplicated.insert(i, seed.mid(i, 40));
            cases.append(duplicated);
        }
        const QJsonDocument doc = QJsonDocument::fromJson(seed);
        if (doc.isObject()) {
            typeSwaps(
                doc.object(), [](const QJsonValue &v) { return v; }, cases);
        }
        for (const QByteArray &input : std::as_const(cases)) {
            QVERIFY2(run(input), input.left(300).constData());
        }
        inputs += cases.size();
    }
    qInfo("%lld mutated inputs replayed", inputs);
    QVERIFY(inputs > 5000);
}

void tst_FuzzCallbackBody::edgeInputs()
{
    QVERIFY(run({}));
    QVERIFY(run(QByteArray(1, '\0')));
    QVERIFY(run(QByteArray(100000, '[')));
    QVERIFY(run(QByteArray(100000, '{')));
    QVERIFY(run("{\"version\":1,\"deliveryId\":\"d\",\"conversationId\":\"c\",\"replies\":[" + QByteArray(2000, '[') +
                "]}"));
    QByteArray deep =
        R"({"version":1,"deliveryId":"d","conversationId":"c","replies":[{"type":"STRUCTURED_CONTENT","data":{"structuredContent":)";
    for (int i = 0; i < 300; ++i) {
        deep += R"({"type":"vertical","elements":[)";
    }
    deep += R"({"type":"text","text":"x"})";
    for (int i = 0; i < 300; ++i) {
        deep += "]}";
    }
    deep += "}}]}";
    QVERIFY(run(deep));
    QByteArray many = R"({"version":1,"deliveryId":"d","conversationId":"c","replies":[)";
    for (int i = 0; i < 5000; ++i) {
        many += R"({"type":"TEXT","data":{"message":"m"}},)";
    }
    many += R"({"type":"TEXT","data":{"message":"m"}}]})";
    QVERIFY(run(many));
}

QTEST_GUILESS_MAIN(tst_FuzzCallbackBody)
#include "tst_fuzz_callback_body.moc"
