// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1String>
#include <QStringView>

namespace Switchboard
{

/**
 * Writes compact JSON straight into a QByteArray, without building QJsonObject/QJsonDocument
 * trees for frames that are sent once and dropped.
 *
 * The output is byte for byte what QJsonDocument::toJson(QJsonDocument::Compact) writes for the
 * same values in the same key order: strings as UTF-8 with `"`, `\`, \b \f \n \r \t and the other
 * control characters escaped (\u00XX, lower-case hex), unpaired surrogates as \uXXXX; integral
 * doubles as integers, other doubles in shortest round-trip form, NaN/infinity as null.
 * QJsonObject keeps its keys sorted, so a caller that wants the same bytes as a QJsonObject
 * writes its keys in sorted order.
 *
 * Structure is the caller's job (a key before each object member, balanced begin/end); the
 * writer only places the commas. Not thread-safe; one writer per frame.
 */
class JsonWriter
{
public:
    explicit JsonWriter(qsizetype reserve = 256);

    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();

    /** An object member's key; the value call follows. */
    JsonWriter &key(QLatin1String name);
    JsonWriter &key(QStringView name);

    JsonWriter &string(QStringView text);
    JsonWriter &string(QLatin1String text);
    /**
     * Text that is already valid UTF-8 (e.g. from a validating parser), written as string(QStringView)
     * writes the same text: no conversion to UTF-16 on the way.
     */
    JsonWriter &utf8String(QByteArrayView utf8);
    /** An object member's key given as valid UTF-8. */
    JsonWriter &utf8Key(QByteArrayView utf8);
    JsonWriter &integer(qint64 number);
    /** Like QJsonValue(double): integral values in qint64 range are written as integers. */
    JsonWriter &number(double number);
    JsonWriter &boolean(bool value);
    JsonWriter &null();
    /** Any Qt JSON value (objects with their keys in QJsonObject's sorted order). Undefined → null. */
    JsonWriter &value(const QJsonValue &value);
    JsonWriter &value(const QJsonObject &object);
    JsonWriter &value(const QJsonArray &array);
    /** A value that is already compact JSON (e.g. from another JsonWriter); copied as is. */
    JsonWriter &raw(QByteArrayView json);

    const QByteArray &data() const;
    QByteArray take();

    /** Appends `text` as a JSON string literal (with quotes). */
    static void appendString(QByteArray &out, QStringView text);
    /** Appends valid UTF-8 `utf8` as a JSON string literal (with quotes), as appendString() would. */
    static void appendUtf8String(QByteArray &out, QByteArrayView utf8);
    /** Compact JSON of one value, the same bytes as QJsonDocument::toJson(Compact) for objects/arrays. */
    static QByteArray toJson(const QJsonValue &value);

private:
    void separate();

    QByteArray m_out;
    bool m_needComma = false;
};

} // namespace Switchboard
