// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CallbackBodyParser.h"

#include "BotErrors.h"
#include "ReplyParser.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace Switchboard::Bot
{

namespace
{

QString tr(const char *text)
{
    return QCoreApplication::translate("Switchboard::Bot::CallbackBodyParser", text);
}

CallbackParseResult malformed(const QString &message, const QString &path = {})
{
    CallbackParseResult r;
    r.error = BotErrors::make(ErrorCode::CallbackMalformed, message, 400, path);
    return r;
}

} // namespace

CallbackParseResult CallbackBodyParser::parse(const QByteArray &body)
{
    if (body.trimmed().isEmpty()) {
        return malformed(tr("The body is empty; expected a JSON object."));
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return malformed(
            tr("The body is not valid JSON: %1 at offset %2.").arg(parseError.errorString()).arg(parseError.offset));
    }
    if (!doc.isObject()) {
        return malformed(tr("The body must be a JSON object."), QStringLiteral("$"));
    }
    const QJsonObject object = doc.object();
    const QJsonValue version = object.value(QLatin1String("version"));
    if (version.isUndefined()) {
        return malformed(tr("$.version: required (1)."), QStringLiteral("$.version"));
    }
    if (!version.isDouble() || version.toDouble() != 1.0) {
        return malformed(tr("$.version: only version 1 is supported."), QStringLiteral("$.version"));
    }
    const QJsonValue deliveryId = object.value(QLatin1String("deliveryId"));
    if (!deliveryId.isString() || deliveryId.toString().isEmpty()) {
        return malformed(tr("$.deliveryId: a non-empty string is required."), QStringLiteral("$.deliveryId"));
    }
    const QJsonValue conversationId = object.value(QLatin1String("conversationId"));
    if (!conversationId.isString() || conversationId.toString().isEmpty()) {
        return malformed(tr("$.conversationId: a non-empty string is required."), QStringLiteral("$.conversationId"));
    }
    ReplyParser::Options options = ReplyParser::webhookOptions();
    options.allowEmpty = true;
    if (!object.value(QLatin1String("replies")).isArray()) {
        return malformed(tr("$.replies: an array is required."), QStringLiteral("$.replies"));
    }
    ReplyParseResult parsed = ReplyParser::parseObject(object, options, QStringLiteral("$"));
    CallbackParseResult result;
    if (!parsed.ok()) {
        result.error = parsed.error;
        result.error.httpStatus = 400;
        return result;
    }
    result.payload.deliveryId = deliveryId.toString();
    result.payload.conversationId = conversationId.toString();
    result.payload.response = parsed.response;
    result.payload.response.deliveryId = result.payload.deliveryId;
    result.payload.response.conversationId = result.payload.conversationId;
    result.payload.response.viaCallback = true;
    return result;
}

} // namespace Switchboard::Bot
