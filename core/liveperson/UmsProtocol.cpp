// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "UmsProtocol.h"

#include "util/JsonWriter.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <algorithm>
#include <array>
#include <cmath>
#include <simdjson.h>

using namespace Qt::StringLiterals;

namespace Switchboard::LivePerson::Ums
{

namespace
{

const QString ProtocolCode = u"liveperson.protocol"_s;

template <typename T> Result<T> fail(const QString &message)
{
    return Result<T>::failure(ProtocolCode, message);
}

// The first problem a field reader met, with the field's path: "path.key: problem".
class FieldErrors
{
public:
    explicit FieldErrors(QString path)
        : m_path(std::move(path))
    {
    }

    bool ok() const
    {
        return m_error.isEmpty();
    }
    const QString &error() const
    {
        return m_error;
    }
    void setError(const QString &key, const QString &problem)
    {
        if (m_error.isEmpty()) {
            m_error = (m_path.isEmpty() ? key : m_path + u'.' + key) + u": "_s + problem;
        }
    }

private:
    QString m_path;
    QString m_error;
};

// Reads typed fields of one JSON object and remembers the first problem, with its path.
class FieldReader : public FieldErrors
{
public:
    FieldReader(const QJsonObject &object, QString path)
        : FieldErrors(std::move(path))
        , m_object(object)
    {
    }

    QString string(const QString &key, bool required, bool nonEmpty = false)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || (value.isNull() && !required)) {
            if (required) {
                setError(key, u"missing string"_s);
            }
            return {};
        }
        if (!value.isString()) {
            setError(key, u"expected a string"_s);
            return {};
        }
        if (nonEmpty && value.toString().isEmpty()) {
            setError(key, u"empty string"_s);
        }
        return intern(value.toString());
    }

    /**
     * One shared copy of the few values LivePerson repeats in every conversation (states, dialog
     * types, channel types, roles): parsed results are kept per open conversation, and each
     * separate copy is a heap block.
     */
    static QString intern(const QString &text)
    {
        static const QStringList common{u"OPEN"_s,
                                        u"CLOSE"_s,
                                        u"MAIN"_s,
                                        u"POST_SURVEY"_s,
                                        u"MESSAGING"_s,
                                        u"CHAT"_s,
                                        u"CONSUMER"_s,
                                        u"ASSIGNED_AGENT"_s,
                                        u"MANAGER"_s,
                                        u"READER"_s,
                                        u"AGENT"_s,
                                        u"CONTROLLER"_s,
                                        u"ACTIVE"_s,
                                        u"UPSERT"_s,
                                        u"DELETE"_s,
                                        u"SYSTEM"_s};
        if (text.size() > 14) {
            return text;
        }
        for (const QString &candidate : common) {
            if (candidate == text) {
                return candidate;
            }
        }
        return text;
    }

    // Ids LivePerson sends either as numeric strings or as numbers (skillId, userId).
    QString id(const QString &key, bool required)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || (value.isNull() && !required)) {
            if (required) {
                setError(key, u"missing id"_s);
            }
            return {};
        }
        if (value.isString()) {
            return value.toString();
        }
        if (value.isDouble()) {
            const double d = value.toDouble();
            if (std::isfinite(d) && d == std::trunc(d) && std::fabs(d) <= 9007199254740992.0) {
                return QString::number(static_cast<qint64>(d));
            }
        }
        setError(key, u"expected a string or integer id"_s);
        return {};
    }

    qint64 integer(const QString &key, bool required, qint64 fallback = 0)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || (value.isNull() && !required)) {
            if (required) {
                setError(key, u"missing integer"_s);
            }
            return fallback;
        }
        if (!value.isDouble()) {
            setError(key, u"expected an integer"_s);
            return fallback;
        }
        const double d = value.toDouble();
        if (!std::isfinite(d) || d != std::trunc(d) || std::fabs(d) > 9007199254740992.0) {
            setError(key, u"expected an integer"_s);
            return fallback;
        }
        return static_cast<qint64>(d);
    }

    QJsonObject object(const QString &key, bool required)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || (value.isNull() && !required)) {
            if (required) {
                setError(key, u"missing object"_s);
            }
            return {};
        }
        if (!value.isObject()) {
            setError(key, u"expected an object"_s);
            return {};
        }
        return value.toObject();
    }

    QJsonArray array(const QString &key, bool required)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || (value.isNull() && !required)) {
            if (required) {
                setError(key, u"missing array"_s);
            }
            return {};
        }
        if (!value.isArray()) {
            setError(key, u"expected an array"_s);
            return {};
        }
        return value.toArray();
    }

    // {"ROLE": ["id", …], …}
    QHash<QString, QStringList> roleMap(const QString &key, bool required)
    {
        QHash<QString, QStringList> out;
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull()) {
            if (required) {
                setError(key, u"missing object of role → id array"_s);
            }
            return out;
        }
        if (!value.isObject()) {
            setError(key, u"expected an object of role → id array (raw wire form)"_s);
            return out;
        }
        const QJsonObject roles = value.toObject();
        for (auto it = roles.begin(); it != roles.end(); ++it) {
            if (!it.value().isArray()) {
                setError(key + u'.' + it.key(), u"expected an array of ids"_s);
                return out;
            }
            QStringList ids;
            const QJsonArray items = it.value().toArray();
            for (const QJsonValue &item : items) {
                if (!item.isString()) {
                    setError(key + u'.' + it.key(), u"expected string ids"_s);
                    return out;
                }
                ids.append(item.toString());
            }
            out.insert(it.key(), ids);
        }
        return out;
    }

private:
    QJsonObject m_object;
};

QString indexPath(const QString &base, qsizetype index)
{
    return base + u'[' + QString::number(index) + u']';
}

bool isChangeType(const QString &type)
{
    return type == QLatin1String("UPSERT") || type == QLatin1String("DELETE");
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Envelope

Result<Frame> parseFrame(const QByteArray &text)
{
    // The same checks as the connection's reader, on a padded copy.
    QByteArray padded;
    padded.reserve(text.size() + FrameReader::Padding);
    padded.append(text);
    padded.append(FrameReader::Padding, '\0');
    FrameReader reader;
    auto frame = reader.read(padded.constData(), text.size());
    if (frame) {
        frame.value().body = reader.body();
    }
    return frame;
}

QString peekRequestId(const QByteArray &text)
{
    const QJsonDocument document = QJsonDocument::fromJson(text);
    if (!document.isObject()) {
        return {};
    }
    const QJsonValue reqId = document.object().value(u"reqId"_s);
    if (!reqId.isString() || reqId.toString().isEmpty() || reqId.toString().size() > MaxRequestIdLength) {
        return {};
    }
    return reqId.toString();
}

namespace
{
void writeRequest(JsonWriter &writer,
                  const QString &id,
                  const QString &type,
                  const QJsonValue *body,
                  QByteArrayView bodyJson,
                  const QJsonArray &metadata,
                  const QString &encodedMetadata)
{
    // Keys in sorted order: the bytes QJsonDocument writes for the same object.
    writer.beginObject().key(QLatin1String("body"));
    if (body) {
        // The SDK always sends a body, {} when the caller gave nothing (reference §3.2).
        if (body->isUndefined() || body->isNull()) {
            writer.raw("{}");
        } else {
            writer.value(*body);
        }
    } else {
        writer.raw(bodyJson.isEmpty() ? QByteArrayView("{}") : bodyJson);
    }
    if (!encodedMetadata.isEmpty()) {
        writer.key(QLatin1String("encodedMetadata")).string(QStringView(encodedMetadata));
    }
    writer.key(QLatin1String("id")).string(QStringView(id));
    writer.key(QLatin1String("kind")).string(QLatin1String("req"));
    if (!metadata.isEmpty()) {
        writer.key(QLatin1String("metadata")).value(metadata);
    }
    writer.key(QLatin1String("type")).string(QStringView(type));
    writer.endObject();
}
} // namespace

QByteArray buildRequest(const QString &id,
                        const QString &type,
                        const QJsonValue &body,
                        const QJsonArray &metadata,
                        const QString &encodedMetadata)
{
    JsonWriter writer(128);
    writeRequest(writer, id, type, &body, {}, metadata, encodedMetadata);
    return writer.take();
}

QByteArray buildRequestJson(const QString &id,
                            const QString &type,
                            QByteArrayView bodyJson,
                            const QJsonArray &metadata,
                            const QString &encodedMetadata)
{
    JsonWriter writer(bodyJson.size() + 96);
    writeRequest(writer, id, type, nullptr, bodyJson, metadata, encodedMetadata);
    return writer.take();
}

// ---------------------------------------------------------------------------------------------
// Request bodies

QJsonObject setAgentStateBody(const QString &availability, const QString &agentOldId)
{
    return QJsonObject{
        {u"availability"_s, availability},
        {u"channels"_s, QJsonArray{u"MESSAGING"_s}},
        {u"agentUserId"_s, agentOldId},
    };
}

QJsonObject subscribeRoutingTasksBody(const QString &agentOldId, const QString &accountId)
{
    return QJsonObject{
        {u"channelType"_s, u"MESSAGING"_s},
        {u"agentId"_s, agentOldId},
        {u"brandId"_s, accountId},
    };
}

QJsonObject subscribeExConversationsBody(const QString &agentOldId)
{
    return QJsonObject{
        {u"convState"_s, QJsonArray{u"OPEN"_s}},
        {u"agentIds"_s, QJsonArray{agentOldId}},
    };
}

QJsonObject updateRingStateBody(const QString &ringId, const QString &ringState)
{
    return QJsonObject{{u"ringId"_s, ringId}, {u"ringState"_s, ringState}};
}

QJsonObject queryMessagesBody(const QString &dialogId, std::optional<qint64> lastHandledSequence)
{
    QJsonObject body{{u"dialogId"_s, dialogId}};
    if (lastHandledSequence && *lastHandledSequence >= 0) {
        body.insert(u"fromSeq"_s, *lastHandledSequence + 1);
        body.insert(u"newerThanSequence"_s, *lastHandledSequence);
    } else {
        body.insert(u"fromSeq"_s, 0);
    }
    return body;
}

QJsonObject publishEventBody(const QString &dialogId, const QJsonObject &event, MessageAudience audience)
{
    return QJsonObject{
        {u"dialogId"_s, dialogId},
        {u"event"_s, event},
        {u"messageAudience"_s, audience == MessageAudience::All ? u"ALL"_s : u"AGENTS_AND_MANAGERS"_s},
    };
}

QByteArray publishEventBodyJson(const QString &dialogId, QByteArrayView eventJson, MessageAudience audience)
{
    JsonWriter writer(eventJson.size() + 96);
    writer.beginObject()
        .key(QLatin1String("dialogId"))
        .string(QStringView(dialogId))
        .key(QLatin1String("event"))
        .raw(eventJson)
        .key(QLatin1String("messageAudience"))
        .string(audience == MessageAudience::All ? QLatin1String("ALL") : QLatin1String("AGENTS_AND_MANAGERS"))
        .endObject();
    return writer.take();
}

QJsonObject updateConversationFieldBody(const QString &conversationId, const QJsonArray &fields)
{
    return QJsonObject{{u"conversationId"_s, conversationId}, {u"conversationField"_s, fields}};
}

namespace
{
Result<Success> validateQuickReplies(const QJsonObject &quickReplies)
{
    if (quickReplies.isEmpty()) {
        return Success{};
    }
    if (quickReplies.value(u"type"_s).toString() != QLatin1String("quickReplies")) {
        return Result<Success>::failure(u"liveperson.invalid_argument"_s,
                                        u"quickReplies.type must be \"quickReplies\""_s);
    }
    const QJsonValue replies = quickReplies.value(u"replies"_s);
    if (!replies.isArray() || replies.toArray().isEmpty()) {
        return Result<Success>::failure(u"liveperson.invalid_argument"_s,
                                        u"quickReplies.replies must be a non-empty array"_s);
    }
    return Success{};
}
} // namespace

Result<QJsonObject> textEvent(const QString &text, const QJsonObject &quickReplies)
{
    if (text.isEmpty()) {
        return Result<QJsonObject>::failure(u"liveperson.invalid_argument"_s, u"the message text is empty"_s);
    }
    const auto valid = validateQuickReplies(quickReplies);
    if (!valid) {
        return valid.error();
    }
    QJsonObject event{
        {u"type"_s, u"ContentEvent"_s},
        {u"contentType"_s, u"text/plain"_s},
        {u"message"_s, text},
    };
    if (!quickReplies.isEmpty()) {
        event.insert(u"quickReplies"_s, quickReplies);
    }
    return event;
}

Result<QJsonObject> richContentEvent(const QJsonObject &card, const QJsonObject &quickReplies)
{
    if (card.isEmpty() || !card.value(u"type"_s).isString() || card.value(u"type"_s).toString().isEmpty()) {
        return Result<QJsonObject>::failure(u"liveperson.invalid_argument"_s,
                                            u"the structured-content card has no \"type\""_s);
    }
    const auto valid = validateQuickReplies(quickReplies);
    if (!valid) {
        return valid.error();
    }
    QJsonObject event{{u"type"_s, u"RichContentEvent"_s}, {u"content"_s, card}};
    if (!quickReplies.isEmpty()) {
        event.insert(u"quickReplies"_s, quickReplies);
    }
    return event;
}

Result<QByteArray> textEventJson(const QString &text, const QJsonObject &quickReplies)
{
    if (text.isEmpty()) {
        return Result<QByteArray>::failure(u"liveperson.invalid_argument"_s, u"the message text is empty"_s);
    }
    const auto valid = validateQuickReplies(quickReplies);
    if (!valid) {
        return valid.error();
    }
    JsonWriter writer(text.size() + 80);
    writer.beginObject()
        .key(QLatin1String("contentType"))
        .string(QLatin1String("text/plain"))
        .key(QLatin1String("message"))
        .string(QStringView(text));
    if (!quickReplies.isEmpty()) {
        writer.key(QLatin1String("quickReplies")).value(quickReplies);
    }
    writer.key(QLatin1String("type")).string(QLatin1String("ContentEvent")).endObject();
    return writer.take();
}

QJsonObject chatStateEvent(const QString &chatState)
{
    return QJsonObject{{u"type"_s, u"ChatStateEvent"_s}, {u"chatState"_s, chatState}};
}

Result<QJsonObject> acceptStatusEvent(const QString &status, const QList<qint64> &sequences)
{
    if (sequences.isEmpty()) {
        return Result<QJsonObject>::failure(u"liveperson.invalid_argument"_s, u"no sequences to acknowledge"_s);
    }
    QJsonArray list;
    for (qint64 sequence : sequences) {
        if (sequence < 0) {
            return Result<QJsonObject>::failure(u"liveperson.invalid_argument"_s,
                                                u"negative sequence "_s + QString::number(sequence));
        }
        list.append(sequence);
    }
    return QJsonObject{{u"type"_s, u"AcceptStatusEvent"_s}, {u"status"_s, status}, {u"sequenceList"_s, list}};
}

Result<QByteArray> acceptStatusEventJson(const QString &status, const QList<qint64> &sequences)
{
    if (sequences.isEmpty()) {
        return Result<QByteArray>::failure(u"liveperson.invalid_argument"_s, u"no sequences to acknowledge"_s);
    }
    JsonWriter writer(64 + 12 * sequences.size());
    writer.beginObject().key(QLatin1String("sequenceList")).beginArray();
    for (qint64 sequence : sequences) {
        if (sequence < 0) {
            return Result<QByteArray>::failure(u"liveperson.invalid_argument"_s,
                                               u"negative sequence "_s + QString::number(sequence));
        }
        writer.integer(sequence);
    }
    writer.endArray()
        .key(QLatin1String("status"))
        .string(QStringView(status))
        .key(QLatin1String("type"))
        .string(QLatin1String("AcceptStatusEvent"))
        .endObject();
    return writer.take();
}

QJsonObject participantsChangeField(const QString &type, const QString &role, const QString &userId)
{
    return QJsonObject{
        {u"field"_s, u"ParticipantsChange"_s},
        {u"type"_s, type},
        {u"role"_s, role},
        {u"userId"_s, userId},
    };
}

QJsonObject skillChangeField(const QString &skillId)
{
    return QJsonObject{{u"field"_s, u"Skill"_s}, {u"type"_s, u"UPDATE"_s}, {u"skill"_s, skillId}};
}

QJsonObject closeConversationField()
{
    return QJsonObject{{u"field"_s, u"ConversationStateField"_s}, {u"conversationState"_s, u"CLOSE"_s}};
}

QJsonObject closeDialogField(const QString &dialogId)
{
    return QJsonObject{
        {u"field"_s, u"DialogChange"_s},
        {u"type"_s, u"UPDATE"_s},
        {u"dialog"_s, QJsonObject{{u"dialogId"_s, dialogId}, {u"state"_s, u"CLOSE"_s}}},
    };
}

QString ttrTypeName(TtrType type)
{
    switch (type) {
    case TtrType::Normal:
        return u"NORMAL"_s;
    case TtrType::Urgent:
        return u"URGENT"_s;
    case TtrType::Prioritized:
        return u"PRIORITIZED"_s;
    case TtrType::Custom:
        return u"CUSTOM"_s;
    }
    return u"NORMAL"_s;
}

QJsonObject ttrChangeField(TtrType type, int seconds)
{
    // The schema requires `value` for every TTR type (cm/types/TTRChange.json); only CUSTOM uses it.
    return QJsonObject{
        {u"field"_s, u"TTRField"_s},
        {u"ttrType"_s, ttrTypeName(type)},
        {u"value"_s, type == TtrType::Custom ? std::max(seconds, 0) : 0},
    };
}

Result<Success> validateMetadata(const QJsonArray &metadata)
{
    for (qsizetype i = 0; i < metadata.size(); ++i) {
        const QJsonValue item = metadata.at(i);
        if (!item.isObject()) {
            return Result<Success>::failure(u"liveperson.invalid_argument"_s,
                                            indexPath(u"metadata"_s, i) + u": expected an object"_s);
        }
        const QJsonValue type = item.toObject().value(u"type"_s);
        if (!type.isString() || type.toString().isEmpty()) {
            return Result<Success>::failure(u"liveperson.invalid_argument"_s,
                                            indexPath(u"metadata"_s, i) + u": missing \"type\""_s);
        }
    }
    return Success{};
}

Result<Success> validateEncodedMetadata(const QString &encodedMetadata)
{
    if (encodedMetadata.isEmpty()) {
        return Success{};
    }
    if (encodedMetadata.size() > MaxEncodedMetadataBytes) {
        return Result<Success>::failure(u"liveperson.invalid_argument"_s, u"encodedMetadata is longer than 5 KB"_s);
    }
    static const QRegularExpression base64(u"^[A-Za-z0-9+/]*={0,2}$"_s);
    if (encodedMetadata.size() % 4 != 0 || !base64.match(encodedMetadata).hasMatch()) {
        return Result<Success>::failure(u"liveperson.invalid_argument"_s, u"encodedMetadata is not base64"_s);
    }
    return Success{};
}

QString agentOldId(const QString &accountId, const QString &userId)
{
    if (userId.startsWith(accountId + u'.')) {
        return userId;
    }
    return accountId + u'.' + userId;
}

// ---------------------------------------------------------------------------------------------
// Notifications

Result<QList<RoutingTaskChange>> parseRoutingTaskNotification(const QJsonValue &body)
{
    if (!body.isObject()) {
        return fail<QList<RoutingTaskChange>>(u"body: expected an object"_s);
    }
    FieldReader top(body.toObject(), {});
    const QJsonArray changes = top.array(u"changes"_s, true);
    if (!top.ok()) {
        return fail<QList<RoutingTaskChange>>(top.error());
    }
    QList<RoutingTaskChange> out;
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const QString path = indexPath(u"changes"_s, i);
        if (!changes.at(i).isObject()) {
            return fail<QList<RoutingTaskChange>>(path + u": expected an object"_s);
        }
        FieldReader change(changes.at(i).toObject(), path);
        RoutingTaskChange parsed;
        parsed.changeType = change.string(u"type"_s, true);
        if (change.ok() && !isChangeType(parsed.changeType)) {
            change.setError(u"type"_s, u"expected UPSERT or DELETE"_s);
        }
        FieldReader result(change.object(u"result"_s, true), path + u".result"_s);
        if (!change.ok()) {
            return fail<QList<RoutingTaskChange>>(change.error());
        }
        parsed.conversationId = result.string(u"conversationId"_s, false);
        parsed.consumerId = result.string(u"consumerId"_s, false);
        parsed.skillId = result.id(u"skillId"_s, false);
        // Always an array, DELETE included (the SDK walks it on every change, reference §3.5).
        const QJsonArray rings = result.array(u"ringsDetails"_s, true);
        if (!result.ok()) {
            return fail<QList<RoutingTaskChange>>(result.error());
        }
        for (qsizetype r = 0; r < rings.size(); ++r) {
            const QString ringPath = indexPath(path + u".result.ringsDetails"_s, r);
            if (!rings.at(r).isObject()) {
                return fail<QList<RoutingTaskChange>>(ringPath + u": expected an object"_s);
            }
            FieldReader ringReader(rings.at(r).toObject(), ringPath);
            Ring ring;
            ring.ringId = ringReader.string(u"ringId"_s, true, true);
            ring.ringState = ringReader.string(u"ringState"_s, true, true);
            ring.ringExpirationTs = ringReader.integer(u"ringExpirationTs"_s, false);
            if (!ringReader.ok()) {
                return fail<QList<RoutingTaskChange>>(ringReader.error());
            }
            parsed.rings.append(ring);
        }
        out.append(parsed);
    }
    return out;
}

QString ExConversationChange::consumerId() const
{
    const QStringList consumers = participants.value(u"CONSUMER"_s);
    return consumers.isEmpty() ? QString() : consumers.constFirst();
}

QString ExConversationChange::roleOf(const QString &oldId, const QString &pid) const
{
    // ASSIGNED_AGENT first: it decides whether the bot owns the conversation.
    static const QStringList order{u"ASSIGNED_AGENT"_s, u"MANAGER"_s, u"CONTROLLER"_s, u"READER"_s, u"AGENT"_s};
    QStringList roles = order;
    for (auto it = participants.begin(); it != participants.end(); ++it) {
        if (!roles.contains(it.key())) {
            roles.append(it.key());
        }
    }
    for (const QString &role : roles) {
        if (!oldId.isEmpty() && participants.value(role).contains(oldId)) {
            return role;
        }
        if (!pid.isEmpty() && participantsPId.value(role).contains(pid)) {
            return role;
        }
    }
    return {};
}

Result<QList<ExConversationChange>> parseExConversationChangeNotification(const QJsonValue &body)
{
    using R = QList<ExConversationChange>;
    if (!body.isObject()) {
        return fail<R>(u"body: expected an object"_s);
    }
    FieldReader top(body.toObject(), {});
    const QJsonArray changes = top.array(u"changes"_s, true);
    if (!top.ok()) {
        return fail<R>(top.error());
    }
    R out;
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const QString path = indexPath(u"changes"_s, i);
        if (!changes.at(i).isObject()) {
            return fail<R>(path + u": expected an object"_s);
        }
        FieldReader change(changes.at(i).toObject(), path);
        ExConversationChange parsed;
        parsed.changeType = change.string(u"type"_s, true);
        if (change.ok() && !isChangeType(parsed.changeType)) {
            change.setError(u"type"_s, u"expected UPSERT or DELETE"_s);
        }
        const QJsonObject resultObject = change.object(u"result"_s, true);
        if (!change.ok()) {
            return fail<R>(change.error());
        }
        FieldReader result(resultObject, path + u".result"_s);
        parsed.conversationId = result.string(u"convId"_s, true, true);
        // conversationDetails is present on every change, DELETE included (reference §3.5).
        const QJsonObject detailsObject = result.object(u"conversationDetails"_s, true);
        if (!result.ok()) {
            return fail<R>(result.error());
        }
        FieldReader details(detailsObject, path + u".result.conversationDetails"_s);
        parsed.state = details.string(u"state"_s, true, true);
        parsed.skillId = details.id(u"skillId"_s, false);
        parsed.closeReason = details.string(u"closeReason"_s, false);
        parsed.participants = details.roleMap(u"participants"_s, true);
        parsed.participantsPId = details.roleMap(u"participantsPId"_s, false);
        parsed.context = details.object(u"context"_s, false);
        parsed.ttr = details.object(u"ttr"_s, false);
        parsed.startTs = details.integer(u"startTs"_s, false);
        parsed.metaDataLastUpdateTs = details.integer(u"metaDataLastUpdateTs"_s, false);
        const QJsonArray dialogs = details.array(u"dialogs"_s, true);
        if (!details.ok()) {
            return fail<R>(details.error());
        }
        for (qsizetype d = 0; d < dialogs.size(); ++d) {
            const QString dialogPath = indexPath(path + u".result.conversationDetails.dialogs"_s, d);
            if (!dialogs.at(d).isObject()) {
                return fail<R>(dialogPath + u": expected an object"_s);
            }
            FieldReader dialogReader(dialogs.at(d).toObject(), dialogPath);
            DialogInfo dialog;
            dialog.dialogId = dialogReader.string(u"dialogId"_s, true, true);
            if (dialog.dialogId == parsed.conversationId) {
                dialog.dialogId = parsed.conversationId; // the MAIN dialog: one shared copy of the id
            }
            dialog.dialogType = dialogReader.string(u"dialogType"_s, true, true);
            dialog.state = dialogReader.string(u"state"_s, true, true);
            dialog.channelType = dialogReader.string(u"channelType"_s, false);
            dialog.creationTs = dialogReader.integer(u"creationTs"_s, false);
            dialog.closedBy = dialogReader.string(u"closedBy"_s, false);
            dialog.closedCause = dialogReader.string(u"closedCause"_s, false);
            if (!dialogReader.ok()) {
                return fail<R>(dialogReader.error());
            }
            parsed.dialogs.append(dialog);
        }
        out.append(parsed);
    }
    return out;
}

QJsonObject MessagingEvent::rawObject() const
{
    return rawObjectOf(raw, rawJson);
}

Result<MessagingEvent> parseMessagingEvent(const QJsonValue &item)
{
    if (!item.isObject()) {
        return fail<MessagingEvent>(u"event: expected an object"_s);
    }
    MessagingEvent parsed;
    parsed.raw = item.toObject();
    FieldReader reader(parsed.raw, {});
    parsed.conversationId = reader.string(u"conversationId"_s, false);
    parsed.dialogId = reader.string(u"dialogId"_s, true, true);
    parsed.originatorId = reader.string(u"originatorId"_s, true);
    parsed.originatorPId = reader.string(u"originatorPId"_s, false);
    parsed.serverTimestamp = reader.integer(u"serverTimestamp"_s, false);
    parsed.metadata = reader.array(u"metadata"_s, false);
    const QJsonObject originatorMetadata = reader.object(u"originatorMetadata"_s, false);
    parsed.event = reader.object(u"event"_s, true);
    if (!reader.ok()) {
        return fail<MessagingEvent>(reader.error());
    }
    FieldReader metadataReader(originatorMetadata, u"originatorMetadata"_s);
    parsed.originatorMetadataId = metadataReader.string(u"id"_s, false);
    parsed.originatorRole = metadataReader.string(u"role"_s, false);
    FieldReader eventReader(parsed.event, u"event"_s);
    parsed.eventType = eventReader.string(u"type"_s, true, true);
    if (!metadataReader.ok()) {
        return fail<MessagingEvent>(metadataReader.error());
    }
    if (!eventReader.ok()) {
        return fail<MessagingEvent>(eventReader.error());
    }
    // Chat states carry no sequence; everything else uses one up (reference §3.5).
    const bool needsSequence = parsed.eventType != QLatin1String("ChatStateEvent");
    parsed.sequence = reader.integer(u"sequence"_s, needsSequence, -1);
    if (reader.ok() && needsSequence && parsed.sequence < 0) {
        reader.setError(u"sequence"_s, u"negative"_s);
    }
    if (!reader.ok()) {
        return fail<MessagingEvent>(reader.error());
    }
    const auto valid = validateMetadata(parsed.metadata);
    if (!valid) {
        return fail<MessagingEvent>(valid.error().message);
    }
    return parsed;
}

Result<QueryMessagesResult> parseQueryMessagesResponse(const QJsonValue &body)
{
    if (!body.isArray()) {
        return fail<QueryMessagesResult>(u"QueryMessages response body: expected an array"_s);
    }
    QueryMessagesResult out;
    const QJsonArray items = body.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        auto event = parseMessagingEvent(items.at(i));
        if (event) {
            out.events.append(std::move(event).value());
        } else {
            out.errors.append(indexPath(u"body"_s, i) + u": "_s + event.error().message);
        }
    }
    return out;
}

Result<std::optional<ConversationMessage>> toConversationMessage(const MessagingEvent &event)
{
    using R = std::optional<ConversationMessage>;
    ConversationMessage message;
    message.conversationId = event.conversationId;
    message.dialogId = event.dialogId;
    message.sequence = event.sequence;
    message.originatorId = event.originatorId;
    message.originatorRole = event.originatorRole;
    message.metadata = event.metadata;
    message.raw = event.raw;
    message.rawJson = event.rawJson;
    message.serverTimestamp = event.serverTimestamp;

    FieldReader reader(event.event, u"event"_s);
    if (event.eventType == QLatin1String("ContentEvent")) {
        const QString contentType = reader.string(u"contentType"_s, true, true);
        if (!reader.ok()) {
            return fail<R>(reader.error());
        }
        if (contentType == QLatin1String("text/plain")) {
            message.text = reader.string(u"message"_s, true);
            if (!reader.ok()) {
                return fail<R>(reader.error());
            }
            // A card button or quick-reply click arrives as plain text with the element's metadata
            // (reference §7; whether the metadata is always echoed is UNCONFIRMED).
            message.kind = event.metadata.isEmpty() ? MessageKind::Text : MessageKind::Click;
            return R(message);
        }
        if (contentType == QLatin1String("hosted/file")) {
            message.content = reader.object(u"message"_s, true);
            if (!reader.ok()) {
                return fail<R>(reader.error());
            }
            FieldReader file(message.content, u"event.message"_s);
            message.text = file.string(u"caption"_s, false);
            file.string(u"relativePath"_s, true, true);
            if (!file.ok()) {
                return fail<R>(file.error());
            }
            message.kind = MessageKind::File;
            return R(message);
        }
        return fail<R>(u"event.contentType: unsupported \""_s + contentType.left(64) + u'"');
    }
    if (event.eventType == QLatin1String("RichContentEvent")) {
        message.content = reader.object(u"content"_s, true);
        if (!reader.ok()) {
            return fail<R>(reader.error());
        }
        message.kind = MessageKind::RichContent;
        return R(message);
    }
    return R(std::nullopt);
}

Result<qint64> parseClockResponse(const QJsonValue &body)
{
    if (!body.isObject()) {
        return fail<qint64>(u"GetClock body: expected an object"_s);
    }
    FieldReader reader(body.toObject(), {});
    const qint64 time = reader.integer(u"currentTime"_s, true);
    if (!reader.ok()) {
        return fail<qint64>(reader.error());
    }
    return time;
}

// ---------------------------------------------------------------------------------------------
// FrameReader

static_assert(FrameReader::Padding >= static_cast<qsizetype>(simdjson::SIMDJSON_PADDING));

namespace
{
using simdjson::dom::element;
using simdjson::dom::element_type;

QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// The member `key` of an object; with duplicate keys the last one, as Qt's parser keeps it.
std::optional<element> member(simdjson::dom::object object, std::string_view key)
{
    std::optional<element> found;
    for (const simdjson::dom::key_value_pair field : object) {
        if (field.key == key) {
            found = field.value;
        }
    }
    return found;
}

QJsonValue toQt(element value);

QJsonObject toQtObject(simdjson::dom::object object)
{
    QJsonObject out;
    for (const simdjson::dom::key_value_pair field : object) {
        out.insert(toQString(field.key), toQt(field.value)); // a duplicate key replaces: the last wins
    }
    return out;
}

QJsonArray toQtArray(simdjson::dom::array array)
{
    QJsonArray out;
    for (const element item : array) {
        out.append(toQt(item));
    }
    return out;
}

QJsonValue toQt(element value)
{
    switch (value.type()) {
    case element_type::OBJECT:
        return toQtObject(value.get_object().value_unsafe());
    case element_type::ARRAY:
        return toQtArray(value.get_array().value_unsafe());
    case element_type::STRING:
        return toQString(value.get_string().value_unsafe());
    case element_type::INT64:
        return QJsonValue(static_cast<qint64>(value.get_int64().value_unsafe()));
    case element_type::UINT64:
        // Beyond qint64: Qt's parser keeps these as doubles too.
        return QJsonValue(static_cast<double>(value.get_uint64().value_unsafe()));
    case element_type::DOUBLE:
        return QJsonValue(value.get_double().value_unsafe());
    case element_type::BOOL:
        return QJsonValue(value.get_bool().value_unsafe());
    case element_type::NULL_VALUE:
        return QJsonValue(QJsonValue::Null);
    }
    return QJsonValue(QJsonValue::Null);
}

// A value as Qt JSON. Containers go through compact text and Qt's own parser, which builds its
// containers in one pass (several times faster than QJsonObject::insert per member); should Qt
// refuse the text (a denormal number it reads as an underflow), member by member.
QJsonValue toQtFast(element value)
{
    if (!value.is_object() && !value.is_array()) {
        return toQt(value);
    }
    const std::string text = simdjson::to_string(value);
    QJsonParseError error;
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray::fromRawData(text.data(), static_cast<qsizetype>(text.size())), &error);
    if (error.error == QJsonParseError::NoError) {
        return document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
    }
    return toQt(value);
}

// Writes `value` as QJsonDocument::toJson(Compact) writes the Qt JSON that toQtFast() builds of
// it: members sorted by key, integers as integers, strings escaped as Qt escapes them. Returns
// false, having written part of it, for what only Qt's own round trip renders for certain:
// floating-point numbers (Qt keeps the text's notation, which the DOM no longer has), integers
// beyond qint64, non-ASCII keys (Qt orders them by UTF-16) and duplicate keys.
bool writeQtCompact(JsonWriter &writer, element value)
{
    switch (value.type()) {
    case element_type::OBJECT: {
        const simdjson::dom::object object = value.get_object().value_unsafe();
        // LivePerson events have a dozen members or so: a small array, sorted.
        std::array<std::pair<std::string_view, element>, 32> fields;
        size_t count = 0;
        for (const simdjson::dom::key_value_pair field : object) {
            if (count == fields.size()) {
                return false;
            }
            for (const char c : field.key) {
                if (static_cast<uchar>(c) >= 0x80) {
                    return false;
                }
            }
            fields[count++] = {field.key, field.value};
        }
        std::sort(fields.begin(), fields.begin() + count,
                  [](const auto &a, const auto &b) { return a.first < b.first; });
        writer.beginObject();
        for (size_t i = 0; i < count; ++i) {
            const auto &[key, member] = fields[i];
            if (i > 0 && key == fields[i - 1].first) {
                return false;
            }
            writer.utf8Key(QByteArrayView(key.data(), static_cast<qsizetype>(key.size())));
            if (!writeQtCompact(writer, member)) {
                return false;
            }
        }
        writer.endObject();
        return true;
    }
    case element_type::ARRAY: {
        const simdjson::dom::array array = value.get_array().value_unsafe();
        writer.beginArray();
        for (const element item : array) {
            if (!writeQtCompact(writer, item)) {
                return false;
            }
        }
        writer.endArray();
        return true;
    }
    case element_type::STRING: {
        const std::string_view text = value.get_string().value_unsafe();
        writer.utf8String(QByteArrayView(text.data(), static_cast<qsizetype>(text.size())));
        return true;
    }
    case element_type::INT64:
        writer.integer(static_cast<qint64>(value.get_int64().value_unsafe()));
        return true;
    case element_type::BOOL:
        writer.boolean(value.get_bool().value_unsafe());
        return true;
    case element_type::NULL_VALUE:
        writer.null();
        return true;
    case element_type::UINT64:
    case element_type::DOUBLE:
        return false;
    }
    return false;
}

// The number Qt's QJsonValue::toDouble() gives for a number element.
std::optional<double> numberOf(element value)
{
    switch (value.type()) {
    case element_type::INT64:
        return static_cast<double>(value.get_int64().value_unsafe());
    case element_type::UINT64:
        return static_cast<double>(value.get_uint64().value_unsafe());
    case element_type::DOUBLE:
        return value.get_double().value_unsafe();
    default:
        return std::nullopt;
    }
}

// FieldReader over a simdjson object: the same rules, the same error texts.
class DomFieldReader : public FieldErrors
{
public:
    DomFieldReader(std::optional<simdjson::dom::object> object, QString path)
        : FieldErrors(std::move(path))
        , m_object(object)
    {
    }

    std::optional<element> get(std::string_view key) const
    {
        return m_object ? member(*m_object, key) : std::nullopt;
    }

    // nullopt when absent (or null and optional); records the error.
    std::optional<element> present(std::string_view key, bool required, const QString &missing)
    {
        const auto value = get(key);
        if (!value || (value->is_null() && !required)) {
            if (required) {
                setError(QString::fromLatin1(key), missing);
            }
            return std::nullopt;
        }
        return value;
    }

    QString string(std::string_view key, bool required, bool nonEmpty = false)
    {
        const auto value = present(key, required, u"missing string"_s);
        if (!value) {
            return {};
        }
        if (!value->is_string()) {
            setError(QString::fromLatin1(key), u"expected a string"_s);
            return {};
        }
        const std::string_view text = value->get_string().value_unsafe();
        if (nonEmpty && text.empty()) {
            setError(QString::fromLatin1(key), u"empty string"_s);
        }
        return FieldReader::intern(toQString(text));
    }

    qint64 integer(std::string_view key, bool required, qint64 fallback = 0)
    {
        const auto value = present(key, required, u"missing integer"_s);
        if (!value) {
            return fallback;
        }
        const std::optional<double> d = numberOf(*value);
        if (!d || !std::isfinite(*d) || *d != std::trunc(*d) || std::fabs(*d) > 9007199254740992.0) {
            setError(QString::fromLatin1(key), u"expected an integer"_s);
            return fallback;
        }
        return static_cast<qint64>(*d);
    }

    std::optional<simdjson::dom::object> object(std::string_view key, bool required)
    {
        const auto value = present(key, required, u"missing object"_s);
        if (!value) {
            return std::nullopt;
        }
        if (!value->is_object()) {
            setError(QString::fromLatin1(key), u"expected an object"_s);
            return std::nullopt;
        }
        return value->get_object().value_unsafe();
    }

    std::optional<simdjson::dom::array> array(std::string_view key, bool required)
    {
        const auto value = present(key, required, u"missing array"_s);
        if (!value) {
            return std::nullopt;
        }
        if (!value->is_array()) {
            setError(QString::fromLatin1(key), u"expected an array"_s);
            return std::nullopt;
        }
        return value->get_array().value_unsafe();
    }

private:
    std::optional<simdjson::dom::object> m_object;
};
} // namespace

struct FrameReader::Private
{
    simdjson::dom::parser parser;
    /** The last frame's top-level object, when it was one. */
    std::optional<simdjson::dom::object> root;
};

FrameReader::FrameReader()
    : d(std::make_unique<Private>())
{
}

FrameReader::~FrameReader() = default;

Result<Frame> FrameReader::read(const char *data, qsizetype size)
{
    d->root.reset();
    // A huge frame grows the parser for good: start afresh on the next ordinary one.
    constexpr size_t LargeFrameBytes = 1024 * 1024;
    if (d->parser.capacity() > LargeFrameBytes && static_cast<size_t>(size) < LargeFrameBytes) {
        d->parser = simdjson::dom::parser();
    }
    element document;
    const auto error = d->parser.parse(data, static_cast<size_t>(size), false).get(document);
    if (error) {
        return fail<Frame>(u"not JSON: "_s + QString::fromLatin1(simdjson::error_message(error)));
    }
    if (!document.is_object()) {
        return fail<Frame>(u"frame is not a JSON object"_s);
    }
    d->root = document.get_object().value_unsafe();
    DomFieldReader reader(d->root, {});
    const QString kind = reader.string("kind", true);
    if (!reader.ok()) {
        return fail<Frame>(reader.error());
    }

    Frame frame;
    frame.body = QJsonValue(QJsonValue::Null);
    if (kind == QLatin1String("resp")) {
        frame.kind = FrameKind::Response;
        frame.reqId = reader.string("reqId", true, true);
        const qint64 code = reader.integer("code", true);
        frame.type = reader.string("type", false);
        if (reader.ok() && (code < 100 || code > 999)) {
            reader.setError(u"code"_s, u"out of range: "_s + QString::number(code));
        }
        if (reader.ok() && frame.reqId.size() > MaxRequestIdLength) {
            reader.setError(u"reqId"_s, u"longer than 64 characters"_s);
        }
        if (!reader.ok()) {
            return fail<Frame>(reader.error());
        }
        frame.code = static_cast<int>(code);
        return frame;
    }
    if (kind == QLatin1String("notification")) {
        frame.kind = FrameKind::Notification;
        frame.type = reader.string("type", true, true);
        if (reader.ok()) {
            const auto body = reader.get("body");
            if (!body || !body->is_object()) {
                reader.setError(u"body"_s, u"notification body must be an object"_s);
            }
        }
        if (!reader.ok()) {
            return fail<Frame>(reader.error());
        }
        return frame;
    }
    if (kind == QLatin1String("req")) {
        return fail<Frame>(u"kind: the server sent a request, which an agent client does not serve"_s);
    }
    return fail<Frame>(u"kind: unknown value \""_s + kind.left(32) + u'"');
}

QJsonValue FrameReader::body() const
{
    if (!d->root) {
        return QJsonValue(QJsonValue::Null);
    }
    const auto body = member(*d->root, "body");
    return body ? toQtFast(*body) : QJsonValue(QJsonValue::Null);
}

QString FrameReader::requestId() const
{
    if (!d->root) {
        return {};
    }
    const auto reqId = member(*d->root, "reqId");
    if (!reqId || !reqId->is_string()) {
        return {};
    }
    const QString id = toQString(reqId->get_string().value_unsafe());
    return id.isEmpty() || id.size() > MaxRequestIdLength ? QString() : id;
}

Result<MessagingEvent> FrameReader::messagingEvent() const
{
    const auto body = d->root ? member(*d->root, "body") : std::nullopt;
    if (!body || !body->is_object()) {
        return fail<MessagingEvent>(u"event: expected an object"_s);
    }
    // The order of checks and the texts are parseMessagingEvent()'s.
    MessagingEvent parsed;
    parsed.hasContent = false;
    DomFieldReader reader(body->get_object().value_unsafe(), {});
    parsed.conversationId = reader.string("conversationId", false);
    parsed.dialogId = reader.string("dialogId", true, true);
    parsed.originatorId = reader.string("originatorId", true);
    parsed.originatorPId = reader.string("originatorPId", false);
    parsed.serverTimestamp = reader.integer("serverTimestamp", false);
    const auto metadata = reader.array("metadata", false);
    const auto originatorMetadata = reader.object("originatorMetadata", false);
    const auto event = reader.object("event", true);
    if (!reader.ok()) {
        return fail<MessagingEvent>(reader.error());
    }
    DomFieldReader metadataReader(originatorMetadata, u"originatorMetadata"_s);
    parsed.originatorMetadataId = metadataReader.string("id", false);
    parsed.originatorRole = metadataReader.string("role", false);
    DomFieldReader eventReader(event, u"event"_s);
    parsed.eventType = eventReader.string("type", true, true);
    if (!metadataReader.ok()) {
        return fail<MessagingEvent>(metadataReader.error());
    }
    if (!eventReader.ok()) {
        return fail<MessagingEvent>(eventReader.error());
    }
    const bool needsSequence = parsed.eventType != QLatin1String("ChatStateEvent");
    parsed.sequence = reader.integer("sequence", needsSequence, -1);
    if (reader.ok() && needsSequence && parsed.sequence < 0) {
        reader.setError(u"sequence"_s, u"negative"_s);
    }
    if (!reader.ok()) {
        return fail<MessagingEvent>(reader.error());
    }
    if (metadata) {
        qsizetype index = 0;
        for (const element item : *metadata) {
            if (!item.is_object()) {
                return fail<MessagingEvent>(indexPath(u"metadata"_s, index) + u": expected an object"_s);
            }
            const auto type = member(item.get_object().value_unsafe(), "type");
            if (!type || !type->is_string() || type->get_string().value_unsafe().empty()) {
                return fail<MessagingEvent>(indexPath(u"metadata"_s, index) + u": missing \"type\""_s);
            }
            ++index;
        }
    }
    return parsed;
}

void FrameReader::fillEventContent(MessagingEvent &event) const
{
    if (event.hasContent) {
        return;
    }
    const auto body = d->root ? member(*d->root, "body") : std::nullopt;
    if (body && body->is_object()) {
        // The compact text is what the connector stores and passes on to the bot; the whole
        // event as Qt JSON is left to the rare reader that wants it (rawObject() parses the text).
        // Where only Qt can say what its text would be, Qt's way, and the object is kept.
        JsonWriter writer(1024);
        if (writeQtCompact(writer, *body)) {
            event.rawJson = writer.take();
            // Kept with the transcript record until the store commits it: no slack with it.
            if (event.rawJson.capacity() - event.rawJson.size() > 64) {
                event.rawJson.squeeze();
            }
            // messagingEvent() checked that `event` is an object; `metadata` may be absent or null.
            const simdjson::dom::object object = body->get_object().value_unsafe();
            const auto content = member(object, "event");
            const auto metadata = member(object, "metadata");
            event.event = content ? toQtFast(*content).toObject() : QJsonObject();
            event.metadata = metadata ? toQtFast(*metadata).toArray() : QJsonArray();
        } else {
            event.raw = toQtFast(*body).toObject();
            event.rawJson = QJsonDocument(event.raw).toJson(QJsonDocument::Compact);
            event.event = event.raw.value(u"event"_s).toObject();
            event.metadata = event.raw.value(u"metadata"_s).toArray();
        }
    }
    event.hasContent = true;
}

} // namespace Switchboard::LivePerson::Ums
