// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Field-by-field comparison of two bot answer parses, for the tests and fuzz targets that hold
// ReplyFastParser to the Qt path (tst_replyfastparser, fuzz_ce_reply, fuzz_webhook_reply).

#include "bot/ReplyParser.h"

#include <QString>
#include <QStringList>

#include <cstring>

namespace Switchboard::Test
{

namespace ReplyDifferencesDetail
{
using namespace Qt::StringLiterals;
using namespace Switchboard::Bot;

inline QString describe(const QString &s)
{
    return s.isNull() ? u"<null>"_s : u'"' + s + u'"';
}

// The first difference of two strings, null-ness included (the fast path must not turn a null
// string into an empty one or back).
// (The field's name is built only for a difference: this runs some 400 000 times.)
inline void diffString(const QString &prefix, const char *field, const QString &a, const QString &b, QStringList &out)
{
    if (a != b || a.isNull() != b.isNull()) {
        out.append(prefix + QLatin1String(field) + u": "_s + describe(a) + u" vs "_s + describe(b));
    }
}

inline void diffInt(const QString &prefix, const char *field, qint64 a, qint64 b, QStringList &out)
{
    if (a != b) {
        out.append(prefix + QLatin1String(field) + u": "_s + QString::number(a) + u" vs "_s + QString::number(b));
    }
}

inline void diffStrings(const char *field, const QStringList &a, const QStringList &b, QStringList &out)
{
    diffInt(QString(), field, a.size(), b.size(), out);
    for (qsizetype i = 0; i < qMin(a.size(), b.size()); ++i) {
        diffString(QLatin1String(field) + u'[' + QString::number(i) + u"]"_s, "", a.at(i), b.at(i), out);
    }
}

/** Every field of two parse results that differs ("fast vs Qt"); empty when they are the same. */
inline QStringList differences(const ReplyParseResult &a, const ReplyParseResult &b)
{
    QStringList out;
    diffString({}, "error.code", a.error.code, b.error.code, out);
    diffString({}, "error.message", a.error.message, b.error.message, out);
    diffString({}, "error.hint", a.error.hint, b.error.hint, out);
    diffString({}, "error.path", a.error.path, b.error.path, out);
    diffInt({}, "error.httpStatus", a.error.httpStatus, b.error.httpStatus, out);
    diffInt({}, "error.attempts", a.error.attempts, b.error.attempts, out);
    const BotResponse &x = a.response;
    const BotResponse &y = b.response;
    diffString({}, "deliveryId", x.deliveryId, y.deliveryId, out);
    diffStrings("deliveryIds", x.deliveryIds, y.deliveryIds, out);
    diffString({}, "conversationId", x.conversationId, y.conversationId, out);
    diffStrings("warnings", x.warnings, y.warnings, out);
    diffInt({}, "viaCallback", x.viaCallback, y.viaCallback, out);
    diffInt({}, "duplicate", x.duplicate, y.duplicate, out);
    diffInt({}, "late", x.late, y.late, out);
    diffInt({}, "items.size", x.items.size(), y.items.size(), out);
    for (qsizetype i = 0; i < qMin(x.items.size(), y.items.size()); ++i) {
        const BotReply &p = x.items.at(i);
        const BotReply &q = y.items.at(i);
        const QString at = u"items["_s + QString::number(i) + u"]."_s;
        diffInt(at, "kind", int(p.kind), int(q.kind), out);
        diffString(at, "text", p.text, q.text, out);
        diffInt(at, "audience", int(p.audience), int(q.audience), out);
        if (p.metadata != q.metadata) {
            out.append(at + u"metadata"_s);
        }
        diffString(at, "encodedMetadata", p.encodedMetadata, q.encodedMetadata, out);
        if (p.structuredContent != q.structuredContent) {
            out.append(at + u"structuredContent"_s);
        }
        diffInt(at, "delaySeconds", p.delaySeconds, q.delaySeconds, out);
        diffInt(at, "typing", p.typing, q.typing, out);
        diffString(at, "skillName", p.skillName, q.skillName, out);
        diffString(at, "agentId", p.agentId, q.agentId, out);
        diffInt(at, "withoutPcs", p.withoutPcs, q.withoutPcs, out);
        diffInt(at, "ttrType", int(p.ttrType), int(q.ttrType), out);
        diffString(at, "ttrValue", p.ttrValue, q.ttrValue, out);
    }
    diffInt({}, "intents.size", x.intents.size(), y.intents.size(), out);
    for (qsizetype i = 0; i < qMin(x.intents.size(), y.intents.size()); ++i) {
        const Intent &p = x.intents.at(i);
        const Intent &q = y.intents.at(i);
        const QString at = u"intents["_s + QString::number(i) + u"]."_s;
        diffString(at, "id", p.id, q.id, out);
        diffString(at, "description", p.description, q.description, out);
        if (std::memcmp(&p.confidenceScore, &q.confidenceScore, sizeof(double)) != 0) {
            out.append(at + u"confidenceScore: "_s + QString::number(p.confidenceScore, 'g', 17) + u" vs "_s +
                       QString::number(q.confidenceScore, 'g', 17));
        }
    }
    return out;
}

} // namespace ReplyDifferencesDetail

using ReplyDifferencesDetail::differences;

} // namespace Switchboard::Test
