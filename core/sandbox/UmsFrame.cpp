// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "UmsFrame.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QJsonParseError>
#include <cmath>

namespace Switchboard::Sandbox
{

namespace
{
struct TypeEntry
{
    const char *canonical;
    UmsRequestType type;
};

// Canonical names as node-agent-sdk puts them on the wire (reference §3.4).
constexpr TypeEntry s_types[] = {
    {".GetClock", UmsRequestType::GetClock},
    {"KeepAlive", UmsRequestType::KeepAlive},
    {".ams.routing.SetAgentState", UmsRequestType::SetAgentState},
    {".ams.routing.SubscribeRoutingTasks", UmsRequestType::SubscribeRoutingTasks},
    {".ams.routing.UpdateRoutingTaskSubscription", UmsRequestType::UpdateRoutingTaskSubscription},
    {".ams.routing.UpdateRingState", UmsRequestType::UpdateRingState},
    {".ams.routing.SubscribeAgentsState", UmsRequestType::SubscribeAgentsState},
    {".ams.aam.SubscribeExConversations", UmsRequestType::SubscribeExConversations},
    {".ams.aam.UnsubscribeExConversations", UmsRequestType::UnsubscribeExConversations},
    {".ams.cm.UpdateConversationField", UmsRequestType::UpdateConversationField},
    {".ams.ms.PublishEvent", UmsRequestType::PublishEvent},
    {".ams.ms.QueryMessages", UmsRequestType::QueryMessages},
    {".ams.userprofile.GetUserProfile", UmsRequestType::GetUserProfile},
    {".ams.cm.AgentRequestConversation", UmsRequestType::AgentRequestConversation},
    {".ams.ms.GenerateURLForUploadFile", UmsRequestType::GenerateUrlForUploadFile},
    {".ams.ms.GenerateURLForDownloadFile", UmsRequestType::GenerateUrlForDownloadFile},
    {".ams.ms.token.GenerateDownloadToken", UmsRequestType::GenerateDownloadToken},
};

QString tr(const char *text)
{
    return QCoreApplication::translate("Sandbox", text);
}

// The lenient emulator accepts the docs' short spellings too (reference §3.4, §9: whether the
// real UMS does is UNCONFIRMED): "cm.X", "ms.X", "routing.X", "aam.X"/"cqm.X", "up.X" and
// "userprofile.X", "GetClock" without the dot.
std::optional<TypeEntry> lookupType(const QString &wire)
{
    // Built once: every spelling a client may use, mapped to its entry.
    static const QHash<QString, TypeEntry> index = [] {
        QHash<QString, TypeEntry> map;
        for (const TypeEntry &entry : s_types) {
            QString name = QLatin1String(entry.canonical);
            if (name.startsWith(QLatin1String(".ams."))) {
                name = name.mid(5);
            } else if (name.startsWith(QLatin1Char('.'))) {
                name = name.mid(1);
            }
            map.insert(QLatin1String(entry.canonical), entry);
            map.insert(name, entry);
            map.insert(QLatin1Char('.') + name, entry);
            if (name.startsWith(QLatin1String("aam."))) {
                map.insert(QStringLiteral("cqm.") + name.mid(4), entry);
            } else if (name.startsWith(QLatin1String("userprofile."))) {
                map.insert(QStringLiteral("up.") + name.mid(12), entry);
            }
        }
        return map;
    }();
    const auto it = index.constFind(wire);
    if (it == index.constEnd()) {
        return std::nullopt;
    }
    return *it;
}

// Best-effort recovery of the request id from bytes that are not valid JSON (or too large to
// parse): looks for "id":"…" in the first kilobyte.
QString recoverId(QByteArrayView frame)
{
    const QByteArrayView head = frame.first(std::min<qsizetype>(frame.size(), 1024));
    const QByteArrayView needle("\"id\"");
    qsizetype pos = head.indexOf(needle);
    if (pos < 0) {
        return {};
    }
    pos += needle.size();
    while (pos < head.size() && (head[pos] == ' ' || head[pos] == '\t' || head[pos] == '\n' || head[pos] == '\r')) {
        ++pos;
    }
    if (pos >= head.size() || head[pos] != ':') {
        return {};
    }
    ++pos;
    while (pos < head.size() && (head[pos] == ' ' || head[pos] == '\t' || head[pos] == '\n' || head[pos] == '\r')) {
        ++pos;
    }
    if (pos >= head.size() || head[pos] != '"') {
        return {};
    }
    ++pos;
    const qsizetype end = head.indexOf('"', pos);
    if (end < 0 || end - pos < 1 || end - pos > 64) {
        return {};
    }
    const QByteArrayView id = head.sliced(pos, end - pos);
    for (const char ch : id) {
        if (ch == '\\' || static_cast<unsigned char>(ch) < 0x20) {
            return {};
        }
    }
    return QString::fromUtf8(id);
}

UmsParseResult failure(int code, const QString &message, const QString &reqId = {})
{
    UmsParseResult result;
    result.error = UmsParseError{code, message, reqId};
    return result;
}

bool isInteger(const QJsonValue &value)
{
    if (!value.isDouble()) {
        return false;
    }
    const double d = value.toDouble();
    return std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 9.0e15;
}

// Strings or numbers are accepted where LivePerson uses numeric-string ids.
bool idValue(const QJsonValue &value, QString &out)
{
    if (value.isString() && !value.toString().isEmpty()) {
        out = value.toString();
        return true;
    }
    if (isInteger(value)) {
        out = QString::number(value.toInteger());
        return true;
    }
    return false;
}

// Returns an error message, or an empty string when the body is valid. Fills @p r.
QString validateBody(UmsRequest &r)
{
    const QJsonObject o = r.body.toObject();
    const auto needObject = [&r]() -> QString {
        return r.body.isObject() ? QString() : tr("The body of %1 must be a JSON object.").arg(r.canonicalType);
    };
    const auto needString = [&o](const char *key, QString &out) -> QString {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isString() || v.toString().isEmpty()) {
            return tr("Missing or empty string field \"%1\".").arg(QLatin1String(key));
        }
        out = v.toString();
        return {};
    };
    QString error;
    switch (r.type) {
    case UmsRequestType::GetClock:
    case UmsRequestType::KeepAlive:
        return {};
    case UmsRequestType::SubscribeRoutingTasks:
    case UmsRequestType::SubscribeAgentsState:
    case UmsRequestType::UpdateRoutingTaskSubscription:
    case UmsRequestType::GenerateUrlForUploadFile:
    case UmsRequestType::GenerateUrlForDownloadFile:
    case UmsRequestType::GenerateDownloadToken:
        return needObject();
    case UmsRequestType::SetAgentState: {
        if (!(error = needObject()).isEmpty() || !(error = needString("availability", r.availability)).isEmpty()) {
            return error;
        }
        static const QStringList states = {QStringLiteral("ONLINE"),
                                           QStringLiteral("AWAY"),
                                           QStringLiteral("BACK_SOON"),
                                           QStringLiteral("OFFLINE"),
                                           QStringLiteral("OCCUPIED")};
        if (!states.contains(r.availability)) {
            return tr("Unknown availability \"%1\"; use one of %2.")
                .arg(r.availability.left(32), states.join(QStringLiteral(", ")));
        }
        r.agentUserId = o.value(QStringLiteral("agentUserId")).toString();
        return {};
    }
    case UmsRequestType::UpdateRingState: {
        if (!(error = needObject()).isEmpty() || !(error = needString("ringId", r.ringId)).isEmpty() ||
            !(error = needString("ringState", r.ringState)).isEmpty()) {
            return error;
        }
        if (r.ringState != QLatin1String("ACCEPTED") && r.ringState != QLatin1String("REJECTED")) {
            return tr("ringState must be ACCEPTED or REJECTED.");
        }
        return {};
    }
    case UmsRequestType::SubscribeExConversations: {
        if (!(error = needObject()).isEmpty()) {
            return error;
        }
        const QJsonValue states = o.value(QStringLiteral("convState"));
        if (!states.isUndefined() && !states.isNull()) {
            if (!states.isArray()) {
                return tr("\"convState\" must be an array of OPEN/CLOSE.");
            }
            for (const QJsonValue &s : states.toArray()) {
                if (s.toString() != QLatin1String("OPEN") && s.toString() != QLatin1String("CLOSE")) {
                    return tr("\"convState\" must be an array of OPEN/CLOSE.");
                }
                r.convStates.append(s.toString());
            }
        }
        const QJsonValue ids = o.value(QStringLiteral("agentIds"));
        if (!ids.isUndefined() && !ids.isNull()) {
            if (!ids.isArray()) {
                return tr("\"agentIds\" must be an array of agent ids.");
            }
            r.hasAgentIds = true;
            for (const QJsonValue &id : ids.toArray()) {
                if (!id.isString()) {
                    return tr("\"agentIds\" must be an array of agent ids.");
                }
                r.agentIds.append(id.toString());
            }
        }
        const QJsonValue min = o.value(QStringLiteral("minLastUpdatedTime"));
        if (!min.isUndefined() && !min.isNull()) {
            if (!isInteger(min) || min.toDouble() < 0) {
                return tr("\"minLastUpdatedTime\" must be a non-negative integer.");
            }
            r.minLastUpdatedTime = min.toInteger();
        }
        return {};
    }
    case UmsRequestType::UnsubscribeExConversations:
        if (!(error = needObject()).isEmpty()) {
            return error;
        }
        return needString("subscriptionId", r.subscriptionId);
    case UmsRequestType::UpdateConversationField: {
        if (!(error = needObject()).isEmpty() || !(error = needString("conversationId", r.conversationId)).isEmpty()) {
            return error;
        }
        // The docs tutorial sends a single object; the SDK sends an array. Both are accepted.
        QJsonArray entries;
        const QJsonValue fields = o.value(QStringLiteral("conversationField"));
        if (fields.isArray()) {
            entries = fields.toArray();
        } else if (fields.isObject()) {
            entries.append(fields);
        } else {
            return tr("\"conversationField\" must be an array (or one object) of field changes.");
        }
        if (entries.isEmpty()) {
            return tr("\"conversationField\" is empty.");
        }
        if (entries.size() > 32) {
            return tr("Too many conversationField entries (%1, at most 32).").arg(entries.size());
        }
        for (const QJsonValue &entry : std::as_const(entries)) {
            if (!entry.isObject()) {
                return tr("Every conversationField entry must be an object.");
            }
            const QJsonObject f = entry.toObject();
            UmsFieldChange change;
            change.field = f.value(QStringLiteral("field")).toString();
            change.type = f.value(QStringLiteral("type")).toString();
            if (change.field == QLatin1String("ParticipantsChange")) {
                static const QStringList types = {QStringLiteral("ADD"),
                                                  QStringLiteral("REMOVE"),
                                                  QStringLiteral("UPDATE"),
                                                  QStringLiteral("SUGGEST")};
                if (!types.contains(change.type)) {
                    return tr("ParticipantsChange needs \"type\" ADD, REMOVE, UPDATE or SUGGEST.");
                }
                change.role = f.value(QStringLiteral("role")).toString();
                if (change.role.isEmpty()) {
                    return tr("ParticipantsChange needs a \"role\".");
                }
                const QJsonValue user = f.value(QStringLiteral("userId"));
                if (!user.isUndefined() && !user.isNull() && !idValue(user, change.userId)) {
                    return tr("ParticipantsChange \"userId\" must be a string.");
                }
            } else if (change.field == QLatin1String("Skill")) {
                if (!idValue(f.value(QStringLiteral("skill")), change.skill)) {
                    return tr("Skill change needs \"skill\" (a skill id).");
                }
            } else if (change.field == QLatin1String("ConversationStateField")) {
                change.conversationState = f.value(QStringLiteral("conversationState")).toString();
                if (change.conversationState != QLatin1String("CLOSE")) {
                    return tr("ConversationStateField supports only conversationState CLOSE.");
                }
            } else if (change.field == QLatin1String("DialogChange")) {
                const QJsonObject dialog = f.value(QStringLiteral("dialog")).toObject();
                change.dialogId = dialog.value(QStringLiteral("dialogId")).toString();
                change.dialogState = dialog.value(QStringLiteral("state")).toString();
                if (change.dialogId.isEmpty() || change.dialogState != QLatin1String("CLOSE")) {
                    return tr("DialogChange needs dialog {dialogId, state: CLOSE}.");
                }
            } else if (change.field == QLatin1String("TTRField")) {
                change.ttrType = f.value(QStringLiteral("ttrType")).toString();
                const QJsonValue value = f.value(QStringLiteral("value"));
                if (change.ttrType.isEmpty()) {
                    return tr("TTRField needs \"ttrType\".");
                }
                if (!value.isUndefined() && !isInteger(value)) {
                    return tr("TTRField \"value\" must be an integer number of seconds.");
                }
                change.ttrValue = static_cast<int>(std::clamp<qint64>(value.toInteger(), 0, 1 << 30));
            } else {
                return tr("Unknown conversation field \"%1\"; supported: ParticipantsChange, Skill, "
                          "ConversationStateField, DialogChange, TTRField.")
                    .arg(change.field.left(40));
            }
            r.fields.append(change);
        }
        return {};
    }
    case UmsRequestType::PublishEvent: {
        if (!(error = needObject()).isEmpty() || !(error = needString("dialogId", r.dialogId)).isEmpty()) {
            return error;
        }
        r.conversationId = o.value(QStringLiteral("conversationId")).toString();
        const QJsonValue event = o.value(QStringLiteral("event"));
        if (!event.isObject()) {
            return tr("PublishEvent needs an \"event\" object.");
        }
        r.event = event.toObject();
        const QString type = r.event.value(QStringLiteral("type")).toString();
        if (type == QLatin1String("ContentEvent")) {
            const QJsonValue message = r.event.value(QStringLiteral("message"));
            if (!message.isString() && !message.isObject()) {
                return tr("A ContentEvent needs a \"message\".");
            }
            const QJsonValue quickReplies = r.event.value(QStringLiteral("quickReplies"));
            if (!quickReplies.isUndefined() && !quickReplies.isObject()) {
                return tr("\"quickReplies\" must be an object.");
            }
        } else if (type == QLatin1String("RichContentEvent")) {
            if (!r.event.value(QStringLiteral("content")).isObject()) {
                return tr("A RichContentEvent needs a \"content\" object (the card).");
            }
        } else if (type == QLatin1String("ChatStateEvent")) {
            if (!r.event.value(QStringLiteral("chatState")).isString()) {
                return tr("A ChatStateEvent needs \"chatState\".");
            }
        } else if (type == QLatin1String("AcceptStatusEvent")) {
            static const QStringList statuses = {QStringLiteral("ACCEPT"),
                                                 QStringLiteral("READ"),
                                                 QStringLiteral("ACCESS"),
                                                 QStringLiteral("NACK"),
                                                 QStringLiteral("ACTION")};
            if (!statuses.contains(r.event.value(QStringLiteral("status")).toString())) {
                return tr("An AcceptStatusEvent needs \"status\" ACCEPT, READ, ACCESS, NACK or ACTION.");
            }
            const QJsonValue list = r.event.value(QStringLiteral("sequenceList"));
            if (!list.isArray()) {
                return tr("An AcceptStatusEvent needs a \"sequenceList\" array.");
            }
            for (const QJsonValue &s : list.toArray()) {
                if (!isInteger(s)) {
                    return tr("\"sequenceList\" must hold integers.");
                }
            }
        } else {
            return tr("Unsupported event type \"%1\"; supported: ContentEvent, RichContentEvent, ChatStateEvent, "
                      "AcceptStatusEvent.")
                .arg(type.left(40));
        }
        const QJsonValue audience = o.value(QStringLiteral("messageAudience"));
        r.audience = audience.isString() ? audience.toString() : QStringLiteral("ALL");
        if (r.audience != QLatin1String("ALL") && r.audience != QLatin1String("AGENTS_AND_MANAGERS")) {
            return tr("messageAudience must be ALL or AGENTS_AND_MANAGERS.");
        }
        return {};
    }
    case UmsRequestType::QueryMessages: {
        if (!(error = needObject()).isEmpty() || !(error = needString("dialogId", r.dialogId)).isEmpty()) {
            return error;
        }
        r.conversationId = o.value(QStringLiteral("conversationId")).toString();
        // fromSeq is "greater or equal" (ms/queryMessages.json); the SDK also sends newerThanSequence
        // with the same value, so it is only used when fromSeq is absent.
        const QJsonValue from = o.value(QStringLiteral("fromSeq"));
        const QJsonValue newer = o.value(QStringLiteral("newerThanSequence"));
        if (!from.isUndefined() && !isInteger(from)) {
            return tr("\"fromSeq\" must be an integer.");
        }
        if (!newer.isUndefined() && !isInteger(newer)) {
            return tr("\"newerThanSequence\" must be an integer.");
        }
        if (!from.isUndefined()) {
            r.fromSeq = static_cast<int>(std::clamp<qint64>(from.toInteger(), 0, 1 << 30));
        } else if (!newer.isUndefined()) {
            r.fromSeq = static_cast<int>(std::clamp<qint64>(newer.toInteger() + 1, 0, 1 << 30));
        }
        const QJsonValue max = o.value(QStringLiteral("maxQuantity"));
        if (!max.isUndefined() && !isInteger(max)) {
            return tr("\"maxQuantity\" must be an integer.");
        }
        r.maxQuantity = static_cast<int>(std::clamp<qint64>(max.toInteger(), 0, 1 << 20));
        return {};
    }
    case UmsRequestType::GetUserProfile: {
        // The SDK sends the consumer id as a bare JSON string; the tutorial also shows {} and {userId}.
        if (r.body.isString()) {
            r.consumerId = r.body.toString();
            return {};
        }
        if (r.body.isObject()) {
            r.consumerId = o.value(QStringLiteral("userId")).toString();
            return {};
        }
        return tr("GetUserProfile needs the consumer id as a string body (or {userId}).");
    }
    case UmsRequestType::AgentRequestConversation: {
        if (!(error = needObject()).isEmpty()) {
            return error;
        }
        r.consumerId = o.value(QStringLiteral("consumerId")).toString();
        const QJsonObject context = o.value(QStringLiteral("conversationContext")).toObject();
        r.conversationId = context.value(QStringLiteral("originConversationId")).toString();
        if (r.consumerId.isEmpty() && r.conversationId.isEmpty()) {
            return tr("AgentRequestConversation needs \"consumerId\" or conversationContext.originConversationId.");
        }
        return {};
    }
    }
    return {};
}
} // namespace

QString umsTypeName(UmsRequestType type)
{
    for (const TypeEntry &entry : s_types) {
        if (entry.type == type) {
            return QLatin1String(entry.canonical);
        }
    }
    return {};
}

QStringList knownUmsTypes()
{
    QStringList list;
    for (const TypeEntry &entry : s_types) {
        list.append(QLatin1String(entry.canonical));
    }
    return list;
}

UmsParseResult parseUmsFrame(QByteArrayView frame, qint64 maxFrameBytes)
{
    if (frame.size() > maxFrameBytes) {
        return failure(400,
                       tr("Frame of %1 bytes exceeds the %2-byte limit.").arg(frame.size()).arg(maxFrameBytes),
                       recoverId(frame));
    }
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(frame.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return failure(400,
                       tr("Malformed JSON at offset %1: %2.").arg(parseError.offset).arg(parseError.errorString()),
                       recoverId(frame));
    }
    if (!document.isObject()) {
        return failure(400, tr("A request must be a JSON object."));
    }
    const QJsonObject object = document.object();
    const QJsonValue idValue = object.value(QStringLiteral("id"));
    QString id;
    if (idValue.isString() && !idValue.toString().isEmpty() && idValue.toString().size() <= 64) {
        id = idValue.toString();
    }
    const QJsonValue kind = object.value(QStringLiteral("kind"));
    if (kind.toString() != QLatin1String("req")) {
        return failure(400, tr("\"kind\" must be \"req\"."), id);
    }
    if (id.isEmpty()) {
        return failure(400, tr("\"id\" must be a string of 1 to 64 characters."));
    }
    const QJsonValue typeValue = object.value(QStringLiteral("type"));
    if (!typeValue.isString() || typeValue.toString().isEmpty()) {
        return failure(400, tr("Missing request \"type\"."), id);
    }
    const std::optional<TypeEntry> entry = lookupType(typeValue.toString());
    if (!entry) {
        return failure(404, tr("Unknown request type \"%1\".").arg(typeValue.toString().left(48)), id);
    }
    UmsRequest request;
    request.id = id;
    request.type = entry->type;
    request.wireType = typeValue.toString();
    request.canonicalType = QLatin1String(entry->canonical);
    request.body = object.contains(QStringLiteral("body")) ? object.value(QStringLiteral("body")) : QJsonObject();
    if (request.body.isNull()) {
        request.body = QJsonObject();
    }
    const QJsonValue metadata = object.value(QStringLiteral("metadata"));
    if (!metadata.isUndefined() && !metadata.isNull()) {
        if (!metadata.isArray()) {
            return failure(400, tr("\"metadata\" must be an array."), id);
        }
        request.metadata = metadata.toArray();
    }
    const QJsonValue encoded = object.value(QStringLiteral("encodedMetadata"));
    if (!encoded.isUndefined() && !encoded.isNull()) {
        if (!encoded.isString()) {
            return failure(400, tr("\"encodedMetadata\" must be a base64 string."), id);
        }
        request.encodedMetadata = encoded.toString();
        if (request.encodedMetadata.size() > 5 * 1024) {
            return failure(400, tr("\"encodedMetadata\" exceeds 5 KB."), id);
        }
    }
    const QString error = validateBody(request);
    if (!error.isEmpty()) {
        return failure(400, error, id);
    }
    UmsParseResult result;
    result.request = std::move(request);
    return result;
}

QJsonObject umsErrorResponse(const UmsParseError &error)
{
    // Error bodies are strings (reference §3.6: the real format is UNCONFIRMED); .ReqBody$StringResp
    // limits them to 128 characters (infra/stringRespBody.json).
    QJsonObject frame{{QStringLiteral("kind"), QStringLiteral("resp")},
                      {QStringLiteral("code"), error.code},
                      {QStringLiteral("type"), QStringLiteral(".ReqBody$StringResp")},
                      {QStringLiteral("body"), error.message.left(128)}};
    if (!error.reqId.isEmpty()) {
        frame.insert(QStringLiteral("reqId"), error.reqId);
    }
    return frame;
}

} // namespace Switchboard::Sandbox
