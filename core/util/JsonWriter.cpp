// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "JsonWriter.h"

#include <QLocale>
#include <QVariant>
#include <cmath>
#include <limits>
#include <utility>

namespace Switchboard
{

namespace
{
constexpr char HexDigits[] = "0123456789abcdef";

void appendUnicodeEscape(QByteArray &out, char16_t unit)
{
    const char escape[6] = {'\\',
                            'u',
                            HexDigits[(unit >> 12) & 0xf],
                            HexDigits[(unit >> 8) & 0xf],
                            HexDigits[(unit >> 4) & 0xf],
                            HexDigits[unit & 0xf]};
    out.append(escape, 6);
}

// True for the ASCII characters written as they are.
inline bool plainAscii(char16_t unit)
{
    return unit >= 0x20 && unit < 0x80 && unit != u'"' && unit != u'\\';
}

// An ASCII character that plainAscii() refuses, as QJsonDocument escapes it.
void appendEscaped(QByteArray &out, char16_t unit)
{
    // JSON's two-character escapes; every other control character as \u00XX.
    static constexpr std::pair<char16_t, char> Short[] = {
        {u'"', '"'}, {u'\\', '\\'}, {u'\b', 'b'}, {u'\f', 'f'}, {u'\n', 'n'}, {u'\r', 'r'}, {u'\t', 't'}};
    for (const auto &[character, letter] : Short) {
        if (unit == character) {
            const char escape[2] = {'\\', letter};
            out.append(escape, 2);
            return;
        }
    }
    appendUnicodeEscape(out, unit);
}
} // namespace

JsonWriter::JsonWriter(qsizetype reserve)
{
    m_out.reserve(reserve);
}

void JsonWriter::separate()
{
    if (m_needComma) {
        m_out.append(',');
    }
    m_needComma = true;
}

JsonWriter &JsonWriter::beginObject()
{
    separate();
    m_out.append('{');
    m_needComma = false;
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    m_out.append('}');
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    separate();
    m_out.append('[');
    m_needComma = false;
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    m_out.append(']');
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::key(QLatin1String name)
{
    string(name);
    m_out.append(':');
    m_needComma = false;
    return *this;
}

JsonWriter &JsonWriter::key(QStringView name)
{
    string(name);
    m_out.append(':');
    m_needComma = false;
    return *this;
}

JsonWriter &JsonWriter::string(QStringView text)
{
    separate();
    appendString(m_out, text);
    return *this;
}

JsonWriter &JsonWriter::string(QLatin1String text)
{
    separate();
    // Latin-1 is the first 256 code points: the same escaping, through UTF-16 only when needed.
    bool plain = true;
    for (const char c : text) {
        if (!plainAscii(static_cast<uchar>(c))) {
            plain = false;
            break;
        }
    }
    if (plain) {
        m_out.append('"');
        m_out.append(text.data(), text.size());
        m_out.append('"');
    } else {
        appendString(m_out, QString(text));
    }
    return *this;
}

JsonWriter &JsonWriter::utf8String(QByteArrayView utf8)
{
    separate();
    appendUtf8String(m_out, utf8);
    return *this;
}

JsonWriter &JsonWriter::utf8Key(QByteArrayView utf8)
{
    utf8String(utf8);
    m_out.append(':');
    m_needComma = false;
    return *this;
}

JsonWriter &JsonWriter::integer(qint64 number)
{
    separate();
    char buffer[24];
    char *end = buffer + sizeof buffer;
    char *p = end;
    // Unsigned arithmetic so the most negative value works too.
    quint64 magnitude = number < 0 ? 0 - static_cast<quint64>(number) : static_cast<quint64>(number);
    do {
        *--p = static_cast<char>('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    if (number < 0) {
        *--p = '-';
    }
    m_out.append(p, end - p);
    return *this;
}

JsonWriter &JsonWriter::number(double number)
{
    if (!std::isfinite(number)) {
        return null();
    }
    // QJsonValue(double) keeps integral values strictly inside qint64's range as integers (so
    // -0.0 is "0"); -2^63 itself stays a double.
    if (number == std::trunc(number) && number > -9223372036854775808.0 && number < 9223372036854775808.0) {
        return integer(static_cast<qint64>(number));
    }
    separate();
    m_out.append(QByteArray::number(number, 'g', QLocale::FloatingPointShortest));
    return *this;
}

JsonWriter &JsonWriter::boolean(bool value)
{
    separate();
    m_out.append(value ? QByteArrayView("true") : QByteArrayView("false"));
    return *this;
}

JsonWriter &JsonWriter::null()
{
    separate();
    m_out.append(QByteArrayView("null"));
    return *this;
}

JsonWriter &JsonWriter::value(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return null();
    case QJsonValue::Bool:
        return boolean(value.toBool());
    case QJsonValue::Double: {
        // Integers are stored as such (QCborValue); toInteger() is exact for them, toDouble() is not.
        constexpr qint64 NotAnInteger = std::numeric_limits<qint64>::min();
        const qint64 i = value.toInteger(NotAnInteger);
        if (i != NotAnInteger) {
            return integer(i);
        }
        // The sentinel itself: an integer, or a double (-2^63, not integral, …) written as one.
        if (value.toVariant().metaType().id() == QMetaType::LongLong) {
            return integer(i);
        }
        return number(value.toDouble());
    }
    case QJsonValue::String:
        return string(QStringView(value.toString()));
    case QJsonValue::Array:
        return this->value(value.toArray());
    case QJsonValue::Object:
        return this->value(value.toObject());
    }
    return null();
}

JsonWriter &JsonWriter::value(const QJsonObject &object)
{
    beginObject();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        key(QStringView(it.key()));
        value(it.value());
    }
    return endObject();
}

JsonWriter &JsonWriter::value(const QJsonArray &array)
{
    beginArray();
    for (const QJsonValue &item : array) {
        value(item);
    }
    return endArray();
}

JsonWriter &JsonWriter::raw(QByteArrayView json)
{
    separate();
    m_out.append(json);
    return *this;
}

const QByteArray &JsonWriter::data() const
{
    return m_out;
}

QByteArray JsonWriter::take()
{
    m_needComma = false;
    return std::exchange(m_out, {});
}

void JsonWriter::appendString(QByteArray &out, QStringView text)
{
    out.append('"');
    const char16_t *p = text.utf16();
    const char16_t *const end = p + text.size();
    while (p != end) {
        // The common case: a run of ASCII that needs no escaping.
        const char16_t *run = p;
        while (run != end && plainAscii(*run)) {
            ++run;
        }
        if (run != p) {
            const qsizetype length = run - p;
            const qsizetype at = out.size();
            out.resize(at + length);
            char *dst = out.data() + at;
            for (const char16_t *c = p; c != run; ++c) {
                *dst++ = static_cast<char>(*c);
            }
            p = run;
            if (p == end) {
                break;
            }
        }
        const char16_t unit = *p++;
        if (unit < 0x80) {
            appendEscaped(out, unit);
        } else if (unit < 0x800) {
            const char bytes[2] = {static_cast<char>(0xc0 | (unit >> 6)), static_cast<char>(0x80 | (unit & 0x3f))};
            out.append(bytes, 2);
        } else if (QChar::isHighSurrogate(unit) && p != end && QChar::isLowSurrogate(*p)) {
            const char32_t code = QChar::surrogateToUcs4(unit, *p++);
            const char bytes[4] = {static_cast<char>(0xf0 | (code >> 18)),
                                   static_cast<char>(0x80 | ((code >> 12) & 0x3f)),
                                   static_cast<char>(0x80 | ((code >> 6) & 0x3f)),
                                   static_cast<char>(0x80 | (code & 0x3f))};
            out.append(bytes, 4);
        } else if (QChar::isSurrogate(unit)) {
            // Unpaired: no UTF-8 form; QJsonDocument writes the escape, and so do we.
            appendUnicodeEscape(out, unit);
        } else {
            const char bytes[3] = {static_cast<char>(0xe0 | (unit >> 12)),
                                   static_cast<char>(0x80 | ((unit >> 6) & 0x3f)),
                                   static_cast<char>(0x80 | (unit & 0x3f))};
            out.append(bytes, 3);
        }
    }
    out.append('"');
}

void JsonWriter::appendUtf8String(QByteArray &out, QByteArrayView utf8)
{
    // Room for the text as it is and its quotes, written in place; an escape (rare) makes more.
    const char *p = utf8.data();
    const char *const end = p + utf8.size();
    qsizetype at = out.size();
    out.resize(at + utf8.size() + 2);
    out.data()[at++] = '"';
    while (p != end) {
        // Printable ASCII and every byte of a multi-byte sequence go as they are (valid UTF-8
        // holds no surrogates, so nothing there needs an escape).
        char *dst = out.data();
        while (p != end && (static_cast<uchar>(*p) >= 0x80 || plainAscii(static_cast<uchar>(*p)))) {
            dst[at++] = *p++;
        }
        if (p == end) {
            break;
        }
        out.truncate(at);
        appendEscaped(out, static_cast<uchar>(*p++));
        at = out.size();
        out.resize(at + (end - p) + 1);
    }
    out.data()[at++] = '"';
    out.truncate(at);
}

QByteArray JsonWriter::toJson(const QJsonValue &value)
{
    JsonWriter writer;
    writer.value(value);
    return writer.take();
}

} // namespace Switchboard
