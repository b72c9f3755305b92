// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReplyParser.h"

#include "BotErrors.h"
#include "JsonSchemaValidator.h"
#include "ReplyFastParser.h"
#include "StructuredContentValidator.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <cmath>
#include <optional>

namespace Switchboard::Bot
{

namespace
{

// lupdate takes a tr() call's context from the scope it is written in: namespace scope here.
QString tr(const char *text)
{
    return QCoreApplication::translate("Switchboard::Bot", text);
}

QString child(const QString &path, const char *key)
{
    return JsonSchemaValidator::childPath(path, QString::fromLatin1(key));
}

QString jsonTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

BotError violation(const char *code, const QString &path, const QString &what)
{
    return BotErrors::make(code, path + QStringLiteral(": ") + what, 0, path);
}

/** What one item became: a reply, nothing (dropped with a warning), or an error. */
struct ItemOutcome
{
    std::optional<BotReply> reply;
    BotError error;
};

bool isBase64(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9+/]*={0,2}$"));
    return s.size() % 4 == 0 && re.match(s).hasMatch();
}

/** Shared by TEXT and STRUCTURED_CONTENT: metadata (object or array) and encodedMetadata. */
BotError readMetadata(const QJsonObject &data,
                      const QString &dataPath,
                      const ReplyParser::Options &options,
                      BotReply &reply,
                      QStringList &warnings)
{
    const QJsonValue metadata = data.value(QLatin1String("metadata"));
    const QString metadataPath = child(dataPath, "metadata");
    if (metadata.isArray()) {
        const QJsonArray list = metadata.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (!list.at(i).isObject()) {
                return violation(ErrorCode::ContractViolation,
                                 JsonSchemaValidator::indexPath(metadataPath, i),
                                 tr("metadata entries must be objects, got %1").arg(jsonTypeName(list.at(i))));
            }
        }
        reply.metadata = list;
    } else if (metadata.isObject()) {
        // The spec types it as an object, every example sends an array (reference §4.1): accept both.
        if (!metadata.toObject().isEmpty()) {
            reply.metadata = QJsonArray{metadata};
        }
    } else if (!metadata.isUndefined() && !metadata.isNull()) {
        return violation(ErrorCode::ContractViolation,
                         metadataPath,
                         tr("expected an array or object, got %1").arg(jsonTypeName(metadata)));
    }
    for (qsizetype i = 0; i < reply.metadata.size(); ++i) {
        const QJsonObject entry = reply.metadata.at(i).toObject();
        if (entry.value(QLatin1String("type")).toString() == QLatin1String("ExternalId")) {
            const QJsonValue id = entry.value(QLatin1String("id"));
            if (!id.isString() || id.toString().isEmpty() ||
                id.toString().size() > StructuredContentValidator::maxExternalIdLength) {
                return violation(ErrorCode::ContractViolation,
                                 child(JsonSchemaValidator::indexPath(metadataPath, i), "id"),
                                 tr("ExternalId id must be a string of 1 to %1 characters")
                                     .arg(StructuredContentValidator::maxExternalIdLength));
            }
        }
    }

    const QJsonValue encoded = data.value(QLatin1String("encodedMetadata"));
    const QString encodedPath = child(dataPath, "encodedMetadata");
    if (encoded.isString()) {
        const QString value = encoded.toString();
        if (value.size() > ReplyParser::maxEncodedMetadataLength) {
            return violation(ErrorCode::EncodedMetadataTooLarge,
                             encodedPath,
                             tr("%1 characters, at most %2 are allowed")
                                 .arg(value.size())
                                 .arg(ReplyParser::maxEncodedMetadataLength));
        }
        if (!isBase64(value)) {
            return violation(ErrorCode::EncodedMetadataInvalid, encodedPath, tr("not valid base64"));
        }
        if (options.channel == ChannelType::Chat) {
            warnings.append(tr("%1: encodedMetadata is messaging-only; dropped on chat").arg(encodedPath));
        } else {
            reply.encodedMetadata = value;
        }
    } else if (!encoded.isUndefined() && !encoded.isNull()) {
        return violation(ErrorCode::EncodedMetadataInvalid,
                         encodedPath,
                         tr("expected a base64 string, got %1").arg(jsonTypeName(encoded)));
    }
    return {};
}

ItemOutcome
parseText(const QJsonObject &data, const QString &dataPath, const ReplyParser::Options &options, QStringList &warnings)
{
    ItemOutcome out;
    BotReply reply;
    reply.kind = ReplyKind::Text;
    const QJsonValue message = data.value(QLatin1String("message"));
    if (!message.isString()) {
        out.error = violation(ErrorCode::ContractViolation,
                              child(dataPath, "message"),
                              message.isUndefined() ? tr("required string is missing")
                                                    : tr("expected a string, got %1").arg(jsonTypeName(message)));
        return out;
    }
    if (message.toString().trimmed().isEmpty()) {
        out.error =
            violation(ErrorCode::ContractViolation, child(dataPath, "message"), tr("the message text is empty"));
        return out;
    }
    reply.text = message.toString();
    const QJsonValue audience = data.value(QLatin1String("messageAudience"));
    if (audience.isString() && audience.toString() == QLatin1String("AGENTS_AND_MANAGERS")) {
        reply.audience = MessageAudience::AgentsAndManagers;
    } else if (!audience.isUndefined() && !(audience.isString() && audience.toString() == QLatin1String("ALL"))) {
        out.error = violation(ErrorCode::ContractViolation,
                              child(dataPath, "messageAudience"),
                              tr("must be \"ALL\" or \"AGENTS_AND_MANAGERS\""));
        return out;
    }
    out.error = readMetadata(data, dataPath, options, reply, warnings);
    if (out.error.isNull()) {
        out.reply = reply;
    }
    return out;
}

ItemOutcome parseStructuredContent(const QJsonObject &data,
                                   const QString &dataPath,
                                   const ReplyParser::Options &options,
                                   QStringList &warnings)
{
    ItemOutcome out;
    const QJsonValue sc = data.value(QLatin1String("structuredContent"));
    const QString scPath = child(dataPath, "structuredContent");
    if (!sc.isObject()) {
        out.error = violation(ErrorCode::ContractViolation,
                              scPath,
                              sc.isUndefined() ? tr("required object is missing")
                                               : tr("expected an object, got %1").arg(jsonTypeName(sc)));
        return out;
    }
    const StructuredContentValidator &validator =
        options.validator ? *options.validator : StructuredContentValidator::shared();
    const QJsonObject content = sc.toObject();
    BotReply reply;
    SchemaValidationResult checked;
    if (StructuredContentValidator::isQuickReplies(content)) {
        reply.kind = ReplyKind::QuickReplies;
        // Quick replies are validated as messaging content; on chat the connector degrades them
        // to text (QuickReplies::degradeForChat) instead of failing the delivery.
        checked = validator.validateQuickReplies(content, ChannelType::Messaging, scPath);
        reply.text = content.value(QLatin1String("message")).toString();
        reply.structuredContent = content.contains(QLatin1String("quickReplies"))
                                      ? content.value(QLatin1String("quickReplies")).toObject()
                                      : content;
    } else {
        reply.kind = ReplyKind::StructuredContent;
        checked = validator.validateCard(content, scPath);
        reply.structuredContent = content;
    }
    if (!checked.isValid()) {
        const SchemaViolation &first = checked.violations.first();
        out.error = BotErrors::make(ErrorCode::StructuredContentInvalid, first.toString(), 0, first.path);
        return out;
    }
    out.error = readMetadata(data, dataPath, options, reply, warnings);
    if (out.error.isNull()) {
        out.reply = reply;
    }
    return out;
}

ItemOutcome parseDelay(const QJsonObject &data, const QString &dataPath)
{
    ItemOutcome out;
    const QJsonValue seconds = data.value(QLatin1String("seconds"));
    const double value = seconds.toDouble(-1);
    if (!seconds.isDouble() || !std::isfinite(value) || std::floor(value) != value || value < 1 || value > 3600) {
        out.error = violation(ErrorCode::BadDelay,
                              child(dataPath, "seconds"),
                              seconds.isUndefined()
                                  ? tr("required whole number of seconds is missing")
                                  : tr("%1 is not a whole number of seconds from 1 to 3600")
                                        .arg(seconds.isDouble() ? QString::number(value) : jsonTypeName(seconds)));
        return out;
    }
    const QJsonValue typing = data.value(QLatin1String("typing"));
    if (!typing.isUndefined() && !typing.isBool()) {
        out.error = violation(
            ErrorCode::BadDelay, child(dataPath, "typing"), tr("expected a boolean, got %1").arg(jsonTypeName(typing)));
        return out;
    }
    BotReply reply;
    reply.kind = ReplyKind::Delay;
    reply.delaySeconds = int(value);
    reply.typing = typing.toBool(true);
    out.reply = reply;
    return out;
}

ItemOutcome parseAction(const QJsonObject &data, const QString &dataPath, QStringList &warnings)
{
    ItemOutcome out;
    const QJsonValue nameValue = data.value(QLatin1String("name"));
    const QString name = nameValue.toString();
    const QJsonValue parametersValue = data.value(QLatin1String("parameters"));
    const QString parametersPath = child(dataPath, "parameters");
    if (!parametersValue.isUndefined() && !parametersValue.isNull() && !parametersValue.isObject()) {
        out.error = violation(ErrorCode::ContractViolation,
                              parametersPath,
                              tr("expected an object, got %1").arg(jsonTypeName(parametersValue)));
        return out;
    }
    const QJsonObject parameters = parametersValue.toObject();
    BotReply reply;
    if (name == QLatin1String("TRANSFER")) {
        reply.kind = ReplyKind::Transfer;
        const QJsonValue skill = parameters.value(QLatin1String("skillName"));
        const QJsonValue agent = parameters.value(QLatin1String("agentId"));
        if (skill.isString()) {
            reply.skillName = skill.toString();
        } else if (!skill.isUndefined()) {
            out.error = violation(ErrorCode::ContractViolation,
                                  child(parametersPath, "skillName"),
                                  tr("expected a string, got %1").arg(jsonTypeName(skill)));
            return out;
        }
        if (agent.isString()) {
            reply.agentId = agent.toString();
        } else if (agent.isDouble() && std::floor(agent.toDouble()) == agent.toDouble() &&
                   std::fabs(agent.toDouble()) <= 9007199254740992.0) {
            // Whole numbers only, within a double's exact range: converting 1e300 to qint64 is undefined.
            reply.agentId = QString::number(qint64(agent.toDouble()));
            warnings.append(tr("%1: agentId should be a string").arg(child(parametersPath, "agentId")));
        } else if (!agent.isUndefined()) {
            out.error = violation(ErrorCode::ContractViolation,
                                  child(parametersPath, "agentId"),
                                  tr("expected a string, got %1").arg(jsonTypeName(agent)));
            return out;
        }
        if (reply.skillName.trimmed().isEmpty() && reply.agentId.trimmed().isEmpty()) {
            out.error =
                violation(ErrorCode::ContractViolation, parametersPath, tr("TRANSFER needs a skillName or an agentId"));
            return out;
        }
    } else if (name == QLatin1String("CLOSE_CONVERSATION")) {
        reply.kind = ReplyKind::CloseConversation;
        const QJsonValue withoutPcs = parameters.value(QLatin1String("withoutPcs"));
        if (!withoutPcs.isUndefined() && !withoutPcs.isBool()) {
            out.error = violation(ErrorCode::ContractViolation,
                                  child(parametersPath, "withoutPcs"),
                                  tr("expected a boolean, got %1").arg(jsonTypeName(withoutPcs)));
            return out;
        }
        reply.withoutPcs = withoutPcs.toBool(false);
    } else if (name == QLatin1String("CHANGE_TTR")) {
        reply.kind = ReplyKind::ChangeTtr;
        const QString ttr = parameters.value(QLatin1String("ttrType")).toString();
        if (ttr == QLatin1String("URGENT")) {
            reply.ttrType = TtrType::Urgent;
        } else if (ttr == QLatin1String("NORMAL")) {
            reply.ttrType = TtrType::Normal;
        } else if (ttr == QLatin1String("PRIORITIZED")) {
            reply.ttrType = TtrType::Prioritized;
        } else if (ttr == QLatin1String("CUSTOM")) {
            reply.ttrType = TtrType::Custom;
            const QJsonValue value = parameters.value(QLatin1String("value"));
            if (value.isString() && !value.toString().isEmpty()) {
                reply.ttrValue = value.toString();
            } else if (value.isDouble()) {
                reply.ttrValue = QString::number(value.toDouble(), 'g', 15);
            } else {
                out.error = violation(ErrorCode::ContractViolation,
                                      child(parametersPath, "value"),
                                      tr("CUSTOM needs a value (a number or a non-empty string)"));
                return out;
            }
        } else {
            out.error = violation(ErrorCode::ContractViolation,
                                  child(parametersPath, "ttrType"),
                                  tr("must be URGENT, NORMAL, PRIORITIZED or CUSTOM"));
            return out;
        }
    } else if (name == QLatin1String("INVOKE_FUNCTION")) {
        if (parameters.value(QLatin1String("failOnError")).toBool(false)) {
            out.error = BotErrors::make(
                ErrorCode::UnsupportedAction,
                tr("%1: INVOKE_FUNCTION (LivePerson Functions) is not supported by Switchboard, and failOnError is set")
                    .arg(child(dataPath, "name")),
                0,
                child(dataPath, "name"));
        } else {
            warnings.append(tr("%1: INVOKE_FUNCTION (LivePerson Functions) is not supported by Switchboard; ignored as "
                               "a failed invocation (failOnError is false)")
                                .arg(child(dataPath, "name")));
        }
        return out;
    } else {
        out.error = violation(ErrorCode::ContractViolation,
                              child(dataPath, "name"),
                              nameValue.isUndefined()
                                  ? tr("required action name is missing")
                                  : tr("unknown action %1")
                                        .arg(nameValue.isString() ? QLatin1Char('"') + name + QLatin1Char('"')
                                                                  : jsonTypeName(nameValue)));
        return out;
    }
    out.reply = reply;
    return out;
}

} // namespace

ReplyParser::Options ReplyParser::webhookOptions()
{
    Options options;
    options.itemsKey = QStringLiteral("replies");
    options.topLevelIntents = true;
    return options;
}

ReplyParseResult ReplyParser::parseBody(const QByteArray &body, const Options &options)
{
    if (std::optional<ReplyParseResult> fast = ReplyFastParser::parse(body, options)) {
        return std::move(*fast);
    }
    return parseBodyWithQt(body, options);
}

ReplyParseResult ReplyParser::parseBodyWithQt(const QByteArray &body, const Options &options)
{
    ReplyParseResult result;
    if (body.trimmed().isEmpty()) {
        if (options.allowEmpty) {
            return result;
        }
        result.error = BotErrors::make(ErrorCode::EmptyResponse, tr("The bot answered with an empty body."));
        return result;
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.error = BotErrors::make(
            ErrorCode::InvalidJson,
            tr("The bot's answer is not JSON: %1 at offset %2.").arg(parseError.errorString()).arg(parseError.offset));
        return result;
    }
    if (!doc.isObject()) {
        result.error = violation(
            ErrorCode::ContractViolation,
            QStringLiteral("$"),
            tr("expected an object, got %1").arg(doc.isArray() ? QStringLiteral("array") : QStringLiteral("a scalar")));
        return result;
    }
    return parseObject(doc.object(), options, QStringLiteral("$"));
}

ReplyParseResult ReplyParser::parseObject(const QJsonObject &object, const Options &options, const QString &rootPath)
{
    ReplyParseResult result = parseItems(object, options, rootPath);
    if (!result.ok()) {
        // A rejected answer is rejected whole: nothing of it may be published.
        result.response = BotResponse{};
    }
    return result;
}

ReplyParseResult ReplyParser::parseItems(const QJsonObject &object, const Options &options, const QString &rootPath)
{
    ReplyParseResult result;
    BotResponse &response = result.response;
    const QString responsePath = JsonSchemaValidator::childPath(rootPath, options.itemsKey);
    const QJsonValue itemsValue = object.value(options.itemsKey);
    if (!itemsValue.isArray()) {
        if (itemsValue.isUndefined() && options.allowEmpty) {
            return result;
        }
        result.error =
            violation(ErrorCode::ContractViolation,
                      responsePath,
                      itemsValue.isUndefined() ? tr("required array is missing")
                                               : tr("expected an array, got %1").arg(jsonTypeName(itemsValue)));
        return result;
    }

    const QJsonArray items = itemsValue.toArray();
    int actionIndex = -1;
    QStringList dropped;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString itemPath = JsonSchemaValidator::indexPath(responsePath, i);
        const QJsonValue itemValue = items.at(i);
        if (!itemValue.isObject()) {
            result.error = violation(
                ErrorCode::ContractViolation, itemPath, tr("expected an object, got %1").arg(jsonTypeName(itemValue)));
            return result;
        }
        const QJsonObject item = itemValue.toObject();
        const QJsonValue typeValue = item.value(QLatin1String("type"));
        const QString type = typeValue.toString();
        if (actionIndex >= 0) {
            // One action per response (reference §4.2); our choice for the rest is §4.3.
            dropped.append(type.isEmpty() ? QStringLiteral("?") : type);
            continue;
        }
        const QJsonValue dataValue = item.value(QLatin1String("data"));
        const QString dataPath = child(itemPath, "data");
        if (!dataValue.isObject()) {
            result.error =
                violation(ErrorCode::ContractViolation,
                          dataPath,
                          dataValue.isUndefined() ? tr("required object is missing")
                                                  : tr("expected an object, got %1").arg(jsonTypeName(dataValue)));
            return result;
        }
        const QJsonObject data = dataValue.toObject();
        ItemOutcome outcome;
        if (type == QLatin1String("TEXT")) {
            outcome = parseText(data, dataPath, options, response.warnings);
        } else if (type == QLatin1String("STRUCTURED_CONTENT")) {
            outcome = parseStructuredContent(data, dataPath, options, response.warnings);
        } else if (type == QLatin1String("DELAY")) {
            outcome = parseDelay(data, dataPath);
        } else if (type == QLatin1String("ACTION")) {
            outcome = parseAction(data, dataPath, response.warnings);
        } else {
            result.error =
                violation(ErrorCode::ContractViolation,
                          child(itemPath, "type"),
                          typeValue.isUndefined()
                              ? tr("required item type is missing")
                              : tr("unknown item type %1 (expected TEXT, STRUCTURED_CONTENT, DELAY or ACTION)")
                                    .arg(typeValue.isString() ? QLatin1Char('"') + type + QLatin1Char('"')
                                                              : jsonTypeName(typeValue)));
            return result;
        }
        if (!outcome.error.isNull()) {
            result.error = outcome.error;
            return result;
        }
        if (outcome.reply) {
            if (outcome.reply->isAction()) {
                actionIndex = int(i);
            }
            response.items.append(*outcome.reply);
        }
    }
    if (!dropped.isEmpty()) {
        response.warnings.append(
            tr("Only one action per response is performed; %1 item(s) after the action at %2 were dropped: %3")
                .arg(dropped.size())
                .arg(JsonSchemaValidator::indexPath(responsePath, actionIndex))
                .arg(dropped.join(QStringLiteral(", "))));
    }

    // analytics: required by the spec, but only reporting depends on it, so problems are warnings.
    const QJsonValue analytics =
        options.topLevelIntents ? QJsonValue(object) : object.value(QLatin1String("analytics"));
    const QString analyticsPath = options.topLevelIntents ? rootPath : child(rootPath, "analytics");
    if (analytics.isObject()) {
        const QJsonValue intents = analytics.toObject().value(QLatin1String("intents"));
        const QString intentsPath = child(analyticsPath, "intents");
        if (intents.isArray()) {
            const QJsonArray list = intents.toArray();
            for (qsizetype i = 0; i < list.size(); ++i) {
                const QJsonObject intent = list.at(i).toObject();
                const QString id = intent.value(QLatin1String("id")).toString();
                const QJsonValue score = intent.value(QLatin1String("confidenceScore"));
                static const QRegularExpression noSpace(QStringLiteral("^\\S+$"));
                if (!noSpace.match(id).hasMatch() || !score.isDouble() || score.toDouble() < 0 ||
                    score.toDouble() > 1) {
                    response.warnings.append(
                        tr("%1: intent ignored (needs an id without spaces and a confidenceScore from 0 to 1)")
                            .arg(JsonSchemaValidator::indexPath(intentsPath, i)));
                    continue;
                }
                response.intents.append({id, intent.value(QLatin1String("description")).toString(), score.toDouble()});
            }
        } else if (!intents.isUndefined()) {
            response.warnings.append(tr("%1: expected an array; intents ignored").arg(intentsPath));
        }
    } else if (analytics.isUndefined()) {
        // Bots written for Third-Party Bots usually send it; its absence changes nothing here.
    } else {
        response.warnings.append(tr("%1: expected an object; analytics ignored").arg(analyticsPath));
    }

    bool hasMessageOrAction = false;
    for (const BotReply &reply : std::as_const(response.items)) {
        hasMessageOrAction = hasMessageOrAction || reply.kind != ReplyKind::Delay;
    }
    if (!hasMessageOrAction && !options.allowEmpty) {
        result.error = BotErrors::make(ErrorCode::EmptyResponse,
                                       items.isEmpty()
                                           ? tr("%1 is empty: the bot sent no message and no action.").arg(responsePath)
                                           : tr("%1 holds no message and no action.").arg(responsePath),
                                       0,
                                       responsePath);
        result.response = BotResponse{};
        return result;
    }
    return result;
}

} // namespace Switchboard::Bot
