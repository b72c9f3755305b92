// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The bot answer's simdjson fast path (ReplyFastParser) against the Qt path it stands in for
// (ReplyParser::parseBodyWithQt): over every seed of the Custom Endpoint and webhook fuzz corpora
// and their mutations, every demo bot answer and hand-picked number and string edge cases, with
// each protocol's options (lifecycle or not × messaging or chat), parseBody() must give exactly
// the Qt path's result, field by field, and the fast path must really take the common answers.

#include "bot/ReplyFastParser.h"
#include "bot/ReplyParser.h"
#include "ReplyDifferences.h"
#include "TestSupport.h"
#include "sandbox/bots/DemoBotAnswers.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <cstring>
#include <functional>

using namespace Qt::StringLiterals;
using namespace Switchboard;
using namespace Switchboard::Bot;

using Switchboard::Test::differences;

namespace
{

/** The four ways the clients call the parser for one protocol. */
QList<ReplyParser::Options> optionSets(bool webhook)
{
    QList<ReplyParser::Options> sets;
    for (const bool allowEmpty : {false, true}) {
        for (const ChannelType channel : {ChannelType::Messaging, ChannelType::Chat}) {
            ReplyParser::Options options = webhook ? ReplyParser::webhookOptions() : ReplyParser::Options();
            options.allowEmpty = allowEmpty;
            options.channel = channel;
            sets.append(options);
        }
    }
    return sets;
}

/** Both paths over one input; counts the inputs the fast path answered. */
struct Comparison
{
    qint64 inputs = 0;
    qint64 fast = 0;
    QString firstMismatch;

    bool run(const QByteArray &body, const QList<ReplyParser::Options> &sets)
    {
        for (const ReplyParser::Options &options : sets) {
            ++inputs;
            const ReplyParseResult qt = ReplyParser::parseBodyWithQt(body, options);
            const std::optional<ReplyParseResult> direct = ReplyFastParser::parse(body, options);
            QStringList diff;
            if (direct) {
                // (When the fast path declines, parseBody() is parseBodyWithQt().)
                ++fast;
                diff += differences(ReplyParser::parseBody(body, options), qt);
                diff += differences(*direct, qt);
                if (!qt.ok() || !qt.response.warnings.isEmpty()) {
                    diff.append(u"the fast path answered an input the Qt path rejects or warns about"_s);
                }
            }
            if (!diff.isEmpty()) {
                firstMismatch = diff.join(u"; "_s) + u"\ninput ("_s + QString::number(body.size()) + u" bytes): "_s +
                                QString::fromUtf8(body.left(400).toPercentEncoding(" {}[]\":,"));
                return false;
            }
        }
        return true;
    }
};

QList<QByteArray> filesIn(const QStringList &dirs)
{
    QList<QByteArray> out;
    for (const QString &path : dirs) {
        const QDir dir(path);
        for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
            QFile file(dir.filePath(name));
            if (file.open(QIODevice::ReadOnly)) {
                out.append(file.readAll());
            }
        }
    }
    return out;
}

QByteArray compact(const QJsonValue &value)
{
    return value.isObject() ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)
                            : QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
}

/** Every value of a JSON tree replaced, one at a time, by each of `replacements`. */
void valueSwaps(const QJsonValue &node,
                const std::function<QJsonValue(const QJsonValue &)> &rebuild,
                const QList<QJsonValue> &replacements,
                QList<QByteArray> &out)
{
    for (const QJsonValue &r : replacements) {
        if (r != node) {
            out.append(compact(rebuild(r)));
        }
    }
    // A child's swaps, rebuilt through `set` (the child replaced in a copy of this node).
    const auto swapChild = [&](const QJsonValue &child, const std::function<QJsonValue(const QJsonValue &)> &set) {
        valueSwaps(
            child, [&set, &rebuild](const QJsonValue &v) { return rebuild(set(v)); }, replacements, out);
    };
    if (node.isObject()) {
        const QJsonObject o = node.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString key = it.key();
            swapChild(it.value(), [&o, &key](const QJsonValue &v) {
                QJsonObject copy = o;
                copy.insert(key, v);
                return QJsonValue(copy);
            });
            QJsonObject without = o; // the member dropped
            without.remove(key);
            out.append(compact(rebuild(without)));
        }
    } else if (node.isArray()) {
        const QJsonArray a = node.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            swapChild(a.at(i), [&a, i](const QJsonValue &v) {
                QJsonArray copy = a;
                copy.replace(i, v);
                return QJsonValue(copy);
            });
        }
    }
}

/** Values the fields of an answer take or nearly take. */
QList<QJsonValue> replacementValues()
{
    QList<QJsonValue> values = {QJsonValue(QJsonValue::Null),
                                QJsonValue(true),
                                QJsonValue(false),
                                QJsonValue(0),
                                QJsonValue(1),
                                QJsonValue(-1),
                                QJsonValue(2),
                                QJsonValue(0.5),
                                QJsonValue(1.5),
                                QJsonValue(3600),
                                QJsonValue(3601),
                                QJsonValue(1e300),
                                QJsonValue(qint64(9007199254740993)),
                                QJsonValue(QJsonArray{}),
                                QJsonValue(QJsonObject{}),
                                QJsonValue(QJsonArray{QJsonObject{{u"type"_s, u"ExternalId"_s}, {u"id"_s, u"x"_s}}}),
                                QJsonValue(QJsonObject{{u"type"_s, u"ExternalId"_s}, {u"id"_s, u"x"_s}})};
    for (const QString &s : {u""_s,
                             u" "_s,
                             u"x"_s,
                             u" x "_s,
                             u"has space"_s,
                             u"tab\there"_s,
                             u"end\n"_s,
                             u"\u00a0"_s,
                             u"\u3000x"_s,
                             u"é😀"_s,
                             u"\ufffe\uffff\ufdd0"_s,
                             QString(QChar(0)),
                             u"TEXT"_s,
                             u"DELAY"_s,
                             u"ACTION"_s,
                             u"STRUCTURED_CONTENT"_s,
                             u"ALL"_s,
                             u"AGENTS_AND_MANAGERS"_s,
                             u"all"_s,
                             u"TRANSFER"_s,
                             u"CLOSE_CONVERSATION"_s,
                             u"CHANGE_TTR"_s,
                             u"INVOKE_FUNCTION"_s,
                             u"URGENT"_s,
                             u"NORMAL"_s,
                             u"PRIORITIZED"_s,
                             u"CUSTOM"_s,
                             u"ZZ=="_s,
                             u"ZZZ\n"_s,
                             u"Z==="_s,
                             u"ewoic29tZSI6ICJqc29uIgp9"_s,
                             QString(6000, u'A')}) {
        values.append(QJsonValue(s));
    }
    return values;
}

/** Byte-level mutations (the fuzz replay driver's kinds) plus the number and string forms only text has. */
QList<QByteArray> byteMutations(const QByteArray &seed, const QList<QByteArray> &seeds, quint64 &state)
{
    const auto next = [&state] {
        // splitmix64, as fuzz_replay_main.cpp: deterministic.
        quint64 z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    };
    static const char *const tokens[] = {"{",
                                         "}",
                                         "[",
                                         "]",
                                         "\"",
                                         ":",
                                         ",",
                                         "\\",
                                         " ",
                                         "0",
                                         "-",
                                         ".",
                                         "e",
                                         "\x00",
                                         "\xff",
                                         "1e-400",
                                         "5e-324",
                                         "2.2250738585072014e-308",
                                         "-0",
                                         "0.0",
                                         "1.0",
                                         "1e2",
                                         "0.1",
                                         "1E-5",
                                         "12345678901234567890",
                                         "99999999999999999999999",
                                         "\\u0000",
                                         "\\ufffe",
                                         "\\ud83d\\ude00",
                                         "\\ud800",
                                         "\\u00e9",
                                         "\\n",
                                         "\\/",
                                         "\xef\xbb\xbf",
                                         "\xef\xbf\xbe",
                                         "\xc3\xa9",
                                         "\xed\xa0\x80",
                                         "\"type\":\"TEXT\","};
    QList<QByteArray> out;
    for (int i = 0; i < 200; ++i) {
        QByteArray mutated = seed;
        switch (next() % 6) {
        case 0:
            for (int flips = 1 + int(next() % 3); flips > 0 && !mutated.isEmpty(); --flips) {
                const qsizetype at = qsizetype(next() % quint64(mutated.size()));
                mutated[at] = char(mutated[at] ^ char(1u << (next() % 8)));
            }
            break;
        case 1:
            mutated.truncate(qsizetype(next() % quint64(mutated.size() + 1)));
            break;
        case 2:
        case 3: {
            const char *token = tokens[next() % (sizeof tokens / sizeof *tokens)];
            const qsizetype at = qsizetype(next() % quint64(mutated.size() + 1));
            mutated.insert(at, QByteArray(token, token[0] == 0 ? 1 : qsizetype(std::strlen(token))));
            break;
        }
        case 4: {
            const QByteArray &other = seeds.at(qsizetype(next() % quint64(seeds.size())));
            const qsizetype cut = qsizetype(next() % quint64(mutated.size() + 1));
            const qsizetype from = qsizetype(next() % quint64(other.size() + 1));
            mutated = mutated.left(cut) + other.mid(from);
            break;
        }
        default: {
            const qsizetype at = qsizetype(next() % quint64(mutated.size() + 1));
            const QByteArray chunk = mutated.mid(at, 16);
            for (int r = int(next() % 8); r > 0; --r) {
                mutated.insert(at, chunk);
            }
            break;
        }
        }
        out.append(mutated);
    }
    return out;
}

/** Each number and string token of a seed replaced by its textual edge forms. */
QList<QByteArray> tokenSwaps(const QByteArray &seed)
{
    static const char *const numbers[] = {"1e-400",
                                          "5e-324",
                                          "-0",
                                          "0.0",
                                          "-0.0",
                                          "1.0",
                                          "1e0",
                                          "0.5e0",
                                          "2.0",
                                          "1E2",
                                          "18446744073709551615",
                                          "9223372036854775808",
                                          "1e300",
                                          "0.1",
                                          "0.999999999999999999999",
                                          "3600.0"};
    static const char *const strings[] = {R"("\u0041LL")",
                                          R"("A\u004cL")",
                                          R"("\u0000")",
                                          R"("a\nb")",
                                          R"("\ufffe")",
                                          R"("\ud83d\ude00")",
                                          R"("caf\u00e9")",
                                          R"("\/")",
                                          "\"\xef\xbf\xbf\"",
                                          R"("  x")",
                                          R"("x\t")",
                                          R"("\u00a0")"};
    QList<QByteArray> out;
    for (qsizetype i = 0; i < seed.size(); ++i) {
        const char c = seed.at(i);
        const bool numberStart = (c >= '0' && c <= '9') && i > 0 &&
                                 (seed.at(i - 1) == ':' || seed.at(i - 1) == '[' || seed.at(i - 1) == ',');
        if (numberStart) {
            qsizetype end = i;
            while (end < seed.size() && seed.at(end) != 0 && std::strchr("0123456789.eE+-", seed.at(end))) {
                ++end;
            }
            for (const char *n : numbers) {
                out.append(seed.left(i) + n + seed.mid(end));
            }
        } else if (c == '"' && i > 0 && seed.at(i - 1) == ':') {
            const qsizetype end = seed.indexOf('"', i + 1);
            if (end > i) {
                for (const char *s : strings) {
                    out.append(seed.left(i) + s + seed.mid(end + 1));
                }
            }
        }
    }
    return out;
}

} // namespace

class tst_ReplyFastParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fuzzSeedsAndMutations_data();
    void fuzzSeedsAndMutations();
    void demoBotAnswers();
    void edgeCases_data();
    void edgeCases();
    void commonShapesTakeTheFastPath_data();
    void commonShapesTakeTheFastPath();
    void echoAnswerCost_data();
    void echoAnswerCost();
};

void tst_ReplyFastParser::fuzzSeedsAndMutations_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("webhook");
    QTest::newRow("Custom Endpoint") << u"ce_reply"_s << false;
    QTest::newRow("webhook") << u"webhook_reply"_s << true;
}

void tst_ReplyFastParser::fuzzSeedsAndMutations()
{
    QFETCH(QString, target);
    QFETCH(bool, webhook);
    const QString fuzz = QStringLiteral(SWITCHBOARD_SOURCE_DIR "/tests/fuzz/");
    const QList<QByteArray> seeds = filesIn({fuzz + u"corpus/"_s + target, fuzz + u"regressions/"_s + target});
    QVERIFY(seeds.size() >= 10);
    const QList<ReplyParser::Options> sets = optionSets(webhook);
    const QList<QJsonValue> replacements = replacementValues();
    Comparison comparison;
    quint64 state = 0x5EED;
    // Every input here (~132 000 parses of both paths, ~25 s at -O0); every third in the sanitizer
    // build, whose time limits are scaled (SWITCHBOARD_TEST_TIME_SCALE).
    const qsizetype stride = qsizetype(Switchboard::Test::timeScale());
    for (const QByteArray &seed : seeds) {
        QList<QByteArray> cases{seed};
        cases += byteMutations(seed, seeds, state);
        cases += tokenSwaps(seed);
        const QJsonDocument doc = QJsonDocument::fromJson(seed);
        if (doc.isObject()) {
            valueSwaps(
                doc.object(), [](const QJsonValue &v) { return v; }, replacements, cases);
        }
        for (qsizetype i = 0; i < cases.size(); i += stride) {
            QVERIFY2(comparison.run(cases.at(i), sets), qPrintable(comparison.firstMismatch));
        }
    }
    qInfo("%s: %lld parses compared, %lld answered by the fast path",
          qPrintable(target),
          comparison.inputs,
          comparison.fast);
    QVERIFY(comparison.inputs > 50000 / stride);
    // Not a vacuous comparison: a good share of the inputs took the fast path.
    QVERIFY(comparison.fast > comparison.inputs / 50);
}

void tst_ReplyFastParser::demoBotAnswers()
{
    // What the sandbox's demo bots send (the bench's load is the echo answer), as their bodies.
    using Sandbox::DemoBotAnswers;
    const DemoBotAnswers::Options demo;
    QList<DemoBotAnswers::Answer> answers;
    for (const QString &text : {u"hello"_s,
                                u"transfer please"_s,
                                u"no survey"_s,
                                u"bye"_s,
                                u"broken card"_s,
                                u"structured content"_s,
                                u"quick replies"_s,
                                u"delay"_s,
                                u"private text"_s,
                                u"ttr"_s,
                                u"big metadata"_s,
                                u"metadata"_s,
                                u"\"quoted\" \\ é 😀 \n"_s}) {
        answers.append(DemoBotAnswers::forText(text, demo));
    }
    answers.append(DemoBotAnswers::welcome(QString(), demo));
    answers.append(DemoBotAnswers::welcome(u"hi"_s, demo));
    answers.append(DemoBotAnswers::survey(demo));
    answers.append(DemoBotAnswers::richContent(demo));
    answers.append(DemoBotAnswers::hostedFile(u"PDF"_s, demo));
    Comparison comparison;
    for (const DemoBotAnswers::Answer &answer : std::as_const(answers)) {
        const QByteArray ce = compact(
            QJsonObject{{u"response"_s, answer.items}, {u"analytics"_s, QJsonObject{{u"intents"_s, answer.intents}}}});
        QVERIFY2(comparison.run(ce, optionSets(false)), qPrintable(comparison.firstMismatch));
        const QByteArray webhook = compact(QJsonObject{{u"replies"_s, answer.items}, {u"intents"_s, answer.intents}});
        QVERIFY2(comparison.run(webhook, optionSets(true)), qPrintable(comparison.firstMismatch));
    }
    QVERIFY(comparison.fast > 0);
}

void tst_ReplyFastParser::edgeCases_data()
{
    QTest::addColumn<QByteArray>("body");
    const auto text = [](const QByteArray &message, const QByteArray &intents = "[]") -> QByteArray {
        return R"({"response":[{"type":"TEXT","data":{"message":)" + message + R"(}}],"analytics":{"intents":)" +
               intents + "}}";
    };
    const auto score = [&text](const QByteArray &value) -> QByteArray {
        return text(R"("hi")", R"([{"id":"i","confidenceScore":)" + value + "}]");
    };
    // Numbers Qt refuses (underflow) or reads differently; the last one of a duplicate key.
    for (const char *n : {"1e-400",
                          "4e-320",
                          "5e-324",
                          "2.2250738585072014e-308",
                          "2.2250738585072011e-308",
                          "0.0",
                          "-0",
                          "-0.0",
                          "0e5",
                          "1.0",
                          "1",
                          "0",
                          "0.1",
                          "1e-5",
                          "0.30000000000000004",
                          "1.0000000000000002",
                          "0.99999999999999999",
                          "1e400",
                          "-1e-400",
                          "18446744073709551616"}) {
        QTest::newRow(n) << score(n);
    }
    QTest::newRow("underflow elsewhere") << QByteArray(
        R"({"response":[{"type":"TEXT","data":{"message":"hi","x":1e-400}}]})");
    QTest::newRow("denormal elsewhere") << QByteArray(
        R"({"response":[{"type":"TEXT","data":{"message":"hi"}}],"y":[5e-324]})");
    QTest::newRow("big integer elsewhere")
        << QByteArray(R"({"response":[{"type":"TEXT","data":{"message":"hi"}}],"y":18446744073709551615})");
    QTest::newRow("duplicate message") << QByteArray(
        R"({"response":[{"type":"TEXT","data":{"message":"a","message":"b"}}]})");
    QTest::newRow("duplicate response") << QByteArray(
        R"({"response":[],"response":[{"type":"TEXT","data":{"message":"b"}}]})");
    QTest::newRow("duplicate by escape") << QByteArray(
        R"({"response":[{"type":"TEXT","typ\u0065":"DELAY","data":{"message":"b"}}]})");
    QTest::newRow("duplicate deep") << QByteArray(
        R"({"response":[{"type":"TEXT","data":{"message":"b"}}],"z":{"a":{"k":1,"k":2}}})");
    // Strings: escapes, non-ASCII, noncharacters, NUL, whitespace only Qt's trimming knows.
    for (const char *m : {R"("\u0041\u00e9\ud83d\ude00\/\b\f\n\r\t\"\\")",
                          R"("\u0000")",
                          R"("x\u0000")",
                          R"("\ufffe\uffff\ufdd0")",
                          "\"\xef\xbf\xbe\xf4\x8f\xbf\xbf\"",
                          R"("\ud800")",
                          R"("\udc00x")",
                          R"("\ud83dx")",
                          R"("\p")",
                          "\"\xed\xa0\x80\"",
                          "\"\xc0\xaf\"",
                          "\"\xff\"",
                          R"("\u00a0")",
                          R"("\u2028")",
                          R"("\u3000 ")",
                          R"("\u0085")",
                          "\"\x7f\"",
                          R"(" x")",
                          R"("\tx")",
                          "\"a\x01\""}) {
        QTest::newRow(m) << text(m);
    }
    QTest::newRow("escaped id") << score(R"(0.5,"id":"\u0069")");
    QTest::newRow("description empty") << text(R"("hi")", R"([{"id":"i","description":"","confidenceScore":1}])");
    QTest::newRow("description number") << text(R"("hi")", R"([{"id":"i","description":5,"confidenceScore":1}])");
    QTest::newRow("description null") << text(R"("hi")", R"([{"id":"i","description":null,"confidenceScore":1}])");
    QTest::newRow("id with newline") << text(R"("hi")", R"([{"id":"i\n","confidenceScore":1}])");
    QTest::newRow("id non-ASCII") << text(R"("hi")", R"([{"id":"é","confidenceScore":1}])");
    // Framing: what surrounds the document.
    QTest::newRow("BOM") << QByteArray("\xef\xbb\xbf") + text(R"("hi")");
    QTest::newRow("trailing NUL") << text(R"("hi")") + QByteArray(1, '\0');
    QTest::newRow("trailing space") << text(R"("hi")") + " \r\n\t";
    QTest::newRow("trailing garbage") << text(R"("hi")") + "x";
    QTest::newRow("two documents") << text(R"("hi")") + text(R"("hi")");
    QTest::newRow("form feed") << "\f" + text(R"("hi")");
    QTest::newRow("deep") << QByteArray(R"({"response":[{"type":"TEXT","data":{"message":"hi"}}],"d":)") +
                                 QByteArray(200, '[') + QByteArray(200, ']') + "}";
    QTest::newRow("very deep") << QByteArray(R"({"response":[{"type":"TEXT","data":{"message":"hi"}}],"d":)") +
                                      QByteArray(1100, '[') + QByteArray(1100, ']') + "}";
    QByteArray many = R"({"response":[{"type":"TEXT","data":{"message":"hi"}}])";
    for (int i = 0; i < 40; ++i) {
        many += ",\"k" + QByteArray::number(i) + "\":" + QByteArray::number(i);
    }
    QTest::newRow("many members") << many + "}";
    QTest::newRow("large") << text('"' + QByteArray(70 * 1024, 'a') + '"');
    QTest::newRow("whitespace only") << QByteArray(" \n");
    QTest::newRow("empty") << QByteArray();
}

void tst_ReplyFastParser::edgeCases()
{
    QFETCH(QByteArray, body);
    Comparison comparison;
    QVERIFY2(comparison.run(body, optionSets(false)), qPrintable(comparison.firstMismatch));
}

void tst_ReplyFastParser::commonShapesTakeTheFastPath_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("allowEmpty");
    QTest::addColumn<bool>("chat");
    QTest::addColumn<bool>("fast");
    // The demo bot's echo answer under load, as QJsonDocument writes it.
    QTest::newRow("demo echo") << QByteArray(R"({"analytics":{"intents":[{"confidenceScore":0.5,"description":)"
                                             R"("No keyword matched; the bot echoes","id":"echo"}]},)"
                                             R"("response":[{"data":{"message":"echo: hello"},"type":"TEXT"}]})")
                               << false << false << true;
    QTest::newRow("text, delay, private text, transfer")
        << QByteArray(R"({"response":[{"type":"TEXT","data":{"message":"a \"quoted\"\nline"}},)"
                      R"({"type":"DELAY","data":{"seconds":2}},)"
                      R"({"type":"TEXT","data":{"message":"private","messageAudience":"AGENTS_AND_MANAGERS"}},)"
                      R"({"type":"ACTION","data":{"name":"TRANSFER","parameters":{"skillName":"human"}}}]})")
        << false << false << true;
    QTest::newRow("close") << QByteArray(R"({"response":[{"type":"ACTION","data":{"name":"CLOSE_CONVERSATION"}}]})")
                           << false << false << true;
    QTest::newRow("custom TTR") << QByteArray(R"({"response":[{"type":"ACTION","data":{"name":"CHANGE_TTR",)"
                                              R"("parameters":{"ttrType":"CUSTOM","value":120}}}]})")
                                << false << false << true;
    const QByteArray encoded = R"({"response":[{"type":"TEXT","data":{"message":"m","encodedMetadata":"ewo="}}]})";
    QTest::newRow("encoded metadata") << encoded << false << false << true;
    const QByteArray empty = R"({"response":[],"analytics":{"intents":[]}})";
    QTest::newRow("empty, lifecycle") << empty << true << false << true;
    // What it leaves to the Qt path.
    QTest::newRow("empty") << empty << false << false << false;
    QTest::newRow("encoded metadata on chat") << encoded << false << true << false;
    QTest::newRow("metadata") << QByteArray(R"({"response":[{"type":"TEXT","data":{"message":"m","metadata":[]}}]})")
                              << false << false << false;
    QTest::newRow("card") << QByteArray(
                                 R"({"response":[{"type":"STRUCTURED_CONTENT","data":{"structuredContent":{}}}]})")
                          << false << false << false;
    QTest::newRow("intent id with a space")
        << QByteArray(R"({"response":[{"type":"TEXT","data":{"message":"hi"}}],)"
                      R"("analytics":{"intents":[{"id":"a b","confidenceScore":1}]}})")
        << false << false << false;
    QTest::newRow("score 0.0") << QByteArray(R"({"response":[{"type":"TEXT","data":{"message":"hi"}}],)"
                                             R"("analytics":{"intents":[{"id":"a","confidenceScore":0.0}]}})")
                               << false << false << false;
}

void tst_ReplyFastParser::commonShapesTakeTheFastPath()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, allowEmpty);
    QFETCH(bool, chat);
    QFETCH(bool, fast);
    ReplyParser::Options options;
    options.allowEmpty = allowEmpty;
    options.channel = chat ? ChannelType::Chat : ChannelType::Messaging;
    QCOMPARE(ReplyFastParser::parse(body, options).has_value(), fast);
    Comparison comparison;
    QVERIFY2(comparison.run(body, {options}), qPrintable(comparison.firstMismatch));
}

void tst_ReplyFastParser::echoAnswerCost_data()
{
    QTest::addColumn<bool>("qtOnly");
    QTest::newRow("Qt JSON") << true;
    QTest::newRow("parseBody (fast path)") << false;
}

void tst_ReplyFastParser::echoAnswerCost()
{
    // The demo bot's answer under load, both ways (-callgrind for instruction counts; the
    // default runs it once, as a smoke test).
    QFETCH(bool, qtOnly);
    const QByteArray body = R"({"analytics":{"intents":[{"confidenceScore":0.5,"description":)"
                            R"("No keyword matched; the bot echoes","id":"echo"}]},)"
                            R"("response":[{"data":{"message":"echo: load message 17"},"type":"TEXT"}]})";
    const ReplyParser::Options options;
    ReplyParseResult result;
    QBENCHMARK
    {
        result = qtOnly ? ReplyParser::parseBodyWithQt(body, options) : ReplyParser::parseBody(body, options);
    }
    QVERIFY(result.ok());
    QCOMPARE(result.response.items.size(), 1);
}

QTEST_GUILESS_MAIN(tst_ReplyFastParser)
#include "tst_replyfastparser.moc"
