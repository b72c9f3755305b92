// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/JsonWriter.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using namespace Switchboard;

namespace
{
// What Qt writes for the string alone (as the only element of an array, brackets stripped).
QByteArray qtString(const QString &text)
{
    const QByteArray json = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return json.mid(1, json.size() - 2);
}

// Valid UTF-16 (no unpaired surrogate) as UTF-8 takes utf8String(): the same bytes as Qt writes.
void checkUtf8(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isSurrogate()) {
            if (!(text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())) {
                return;
            }
            ++i;
        }
    }
    JsonWriter writer;
    writer.utf8String(text.toUtf8());
    QCOMPARE(writer.data(), qtString(text));
}

QByteArray ours(const QString &text)
{
    QByteArray out;
    JsonWriter::appendString(out, text);
    return out;
}
} // namespace

/** JsonWriter: the same bytes as QJsonDocument::toJson(Compact), escaping included. */
class TestJsonWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escapesLikeQt_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("empty") << QString() << QByteArray(R"("")");
        QTest::newRow("plain") << u"hello world"_s << QByteArray(R"("hello world")");
        QTest::newRow("quote") << u"say \"hi\""_s << QByteArray("\"say \\\"hi\\\"\"");
        QTest::newRow("backslash") << u"a\\b"_s << QByteArray(R"("a\\b")");
        QTest::newRow("slash") << u"a/b"_s << QByteArray(R"("a/b")");
        QTest::newRow("named controls") << u"\b\f\n\r\t"_s << QByteArray(R"("\b\f\n\r\t")");
        QTest::newRow("other controls") << QString(QChar(0)) + QChar(0x1f) + QChar(0x0b)
                                        << QByteArray(R"("\u0000\u001f\u000b")");
        QTest::newRow("delete") << QString(QChar(0x7f)) << QByteArray("\"\x7f\"");
        QTest::newRow("latin1") << u"é"_s << QByteArray("\"\xc3\xa9\"");
        QTest::newRow("bmp") << u"€ \u2028"_s << QByteArray("\"\xe2\x82\xac \xe2\x80\xa8\"");
        QTest::newRow("non-bmp") << u"😀"_s << QByteArray("\"\xf0\x9f\x98\x80\"");
        QTest::newRow("lone high") << QString(QChar(0xd83d)) + u'x' << QByteArray(R"("\ud83dx")");
        QTest::newRow("lone low") << QString(QChar(0xdc00)) << QByteArray(R"("\udc00")");
        QTest::newRow("high at end") << u"x"_s + QChar(0xd800) << QByteArray(R"("x\ud800")");
        QTest::newRow("reversed pair") << QString(QChar(0xde00)) + QChar(0xd83d) << QByteArray(R"("\ude00\ud83d")");
    }

    void escapesLikeQt()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, expected);
        QCOMPARE(ours(text), expected);
        QCOMPARE(ours(text), qtString(text));
        checkUtf8(text);
        // Latin-1 input takes its own path.
        if (text.size() == text.toLatin1().size() && QString::fromLatin1(text.toLatin1()) == text) {
            const QByteArray latin1 = text.toLatin1();
            JsonWriter writer;
            writer.string(QLatin1String(latin1));
            QCOMPARE(writer.data(), expected);
        }
    }

    void everyCodeUnitLikeQt()
    {
        // Every UTF-16 code unit alone and next to its neighbours.
        QString all;
        for (char32_t unit = 0; unit <= 0xffff; ++unit) {
            const QString one(QChar(static_cast<char16_t>(unit)));
            QCOMPARE(ours(one), qtString(one));
            all.append(QChar(static_cast<char16_t>(unit)));
        }
        QCOMPARE(ours(all), qtString(all));
    }

    void randomStringsLikeQt()
    {
        QRandomGenerator random(8);
        for (int i = 0; i < 2000; ++i) {
            QString text;
            const int length = random.bounded(40);
            for (int c = 0; c < length; ++c) {
                switch (random.bounded(4)) {
                case 0:
                    text.append(QChar(static_cast<char16_t>(random.bounded(0x80))));
                    break;
                case 1:
                    text.append(QChar(static_cast<char16_t>(random.bounded(0x10000))));
                    break;
                case 2:
                    text.append(QChar(static_cast<char16_t>(0xd800 + random.bounded(0x800))));
                    break;
                default:
                    text.append(QString::fromUcs4(std::array<char32_t, 1>{0x10000u + random.bounded(0xfffff)}.data(), 1));
                    break;
                }
            }
            QCOMPARE(ours(text), qtString(text));
            checkUtf8(text);
            if (QTest::currentTestFailed()) {
                return;
            }
        }
    }

    void utf8KeysLikeQt()
    {
        JsonWriter writer;
        writer.beginObject().utf8Key("k\xc3\xa9\"").utf8String("v\n").utf8Key("b").integer(1).endObject();
        QCOMPARE(writer.data(), QJsonDocument(QJsonObject{{u"k\u00e9\""_s, u"v\n"_s}}).toJson(QJsonDocument::Compact).chopped(1) + ",\"b\":1}");
    }

    void numbersLikeQt_data()
    {
        QTest::addColumn<double>("number");
        QTest::newRow("zero") << 0.0;
        QTest::newRow("minus zero") << -0.0;
        QTest::newRow("integral") << 3.0;
        QTest::newRow("negative integral") << -42.0;
        QTest::newRow("fraction") << 1.5;
        QTest::newRow("third") << 1.0 / 3.0;
        QTest::newRow("small") << 1e-7;
        QTest::newRow("2^53") << 9007199254740992.0;
        QTest::newRow("2^63") << 9223372036854775808.0;
        QTest::newRow("-2^63") << -9223372036854775808.0;
        QTest::newRow("1e21") << 1e21;
        QTest::newRow("1e300") << 1e300;
        QTest::newRow("max") << std::numeric_limits<double>::max();
        QTest::newRow("denormal") << std::numeric_limits<double>::denorm_min();
        QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("inf") << std::numeric_limits<double>::infinity();
        QTest::newRow("-inf") << -std::numeric_limits<double>::infinity();
    }

    void numbersLikeQt()
    {
        QFETCH(double, number);
        const QJsonArray array{number};
        JsonWriter writer;
        writer.beginArray().number(number).endArray();
        QCOMPARE(writer.data(), QJsonDocument(array).toJson(QJsonDocument::Compact));
        JsonWriter generic;
        generic.value(array);
        QCOMPARE(generic.data(), QJsonDocument(array).toJson(QJsonDocument::Compact));
    }

    void integersLikeQt()
    {
        const QList<qint64> values{0,
                                   1,
                                   -1,
                                   1700000000000,
                                   (qint64(1) << 53) + 1,
                                   std::numeric_limits<qint64>::max(),
                                   std::numeric_limits<qint64>::min()};
        for (qint64 value : values) {
            const QJsonArray array{value};
            JsonWriter writer;
            writer.beginArray().integer(value).endArray();
            QCOMPARE(writer.data(), QJsonDocument(array).toJson(QJsonDocument::Compact));
            JsonWriter generic;
            generic.value(array);
            QCOMPARE(generic.data(), QJsonDocument(array).toJson(QJsonDocument::Compact));
        }
    }

    void structuresLikeQt()
    {
        const QJsonObject object{
            {u"zeta"_s, true},
            {u"alpha"_s, QJsonValue()},
            {u"list"_s, QJsonArray{1, u"two"_s, QJsonObject{}, QJsonArray{}, false, 2.5}},
            {u"nested"_s, QJsonObject{{u"ключ"_s, u"значение"_s}, {u"a\"b"_s, u"\n"_s}}},
            {u"empty"_s, QJsonObject{}},
        };
        JsonWriter writer;
        writer.value(object);
        QCOMPARE(writer.data(), QJsonDocument(object).toJson(QJsonDocument::Compact));
        QCOMPARE(JsonWriter::toJson(object), QJsonDocument(object).toJson(QJsonDocument::Compact));
        QCOMPARE(JsonWriter::toJson(QJsonValue(QJsonValue::Undefined)), QByteArray("null"));
    }

    void handWrittenMembers()
    {
        JsonWriter writer;
        writer.beginObject()
            .key(QLatin1String("a"))
            .integer(1)
            .key(u"b\u00e9")
            .beginArray()
            .string(QLatin1String("x"))
            .null()
            .boolean(false)
            .raw("{\"r\":1}")
            .endArray()
            .key(QLatin1String("c"))
            .beginObject()
            .endObject()
            .endObject();
        QCOMPARE(writer.data(), QByteArray("{\"a\":1,\"b\xc3\xa9\":[\"x\",null,false,{\"r\":1}],\"c\":{}}"));
        const QByteArray taken = writer.take();
        QVERIFY(!taken.isEmpty());
        QVERIFY(writer.data().isEmpty());
        writer.beginArray().integer(1).endArray();
        QCOMPARE(writer.data(), QByteArray("[1]")); // no stray comma after take()
    }
};

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
