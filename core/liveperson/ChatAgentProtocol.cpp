// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChatAgentProtocol.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QUrlQuery>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Switchboard::LivePerson::Chat
{

namespace
{
QString tr(const char *text)
{
    return QCoreApplication::translate("Switchboard::LivePerson::Chat", text);
}

template <typename T> Result<T> protocolError(const QString &message)
{
    return Result<T>::failure(u"liveperson.chat.protocol"_s, message);
}

Result<QJsonObject> parseObject(const QByteArray &body, const QString &what)
{
    if (body.size() > 16 * 1024 * 1024) {
        return protocolError<QJsonObject>(tr("%1: the answer is larger than 16 MiB.").arg(what));
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        return protocolError<QJsonObject>(
            tr("%1: the answer is not JSON (%2 at offset %3).").arg(what, error.errorString()).arg(error.offset));
    }
    if (!document.isObject()) {
        return protocolError<QJsonObject>(tr("%1: the answer is not a JSON object.").arg(what));
    }
    return document.object();
}

/** A non-negative integer sent as a number or a numeric string. */
std::optional<qint64> integerOf(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (d >= 0 && d <= 9.0e15 && d == static_cast<double>(static_cast<qint64>(d))) {
            return static_cast<qint64>(d);
        }
        return std::nullopt;
    }
    if (value.isString()) {
        bool ok = false;
        const qint64 n = value.toString().trimmed().toLongLong(&ok);
        if (ok && n >= 0) {
            return n;
        }
    }
    return std::nullopt;
}

/** An id sent as a string or an integer, as a string; empty when neither. */
QString idString(const QJsonValue &value)
{
    if (value.isString()) {
        return value.toString();
    }
    if (const auto n = integerOf(value)) {
        return QString::number(*n);
    }
    return {};
}

QJsonValue numericIfPossible(const QString &id)
{
    bool ok = false;
    const qint64 n = id.toLongLong(&ok);
    if (ok && n >= 0 && n < (qint64(1) << 53)) {
        return QJsonValue(static_cast<double>(n));
    }
    return QJsonValue(id);
}

QString shortText(const QJsonValue &value)
{
    if (value.isString()) {
        return value.toString().left(200);
    }
    return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact).left(200));
}

Result<ChatEvent> parseEvent(const QJsonObject &object, QString *idText)
{
    const QJsonValue idValue = object.value(u"@id"_s);
    *idText = idString(idValue);
    const auto id = integerOf(idValue);
    if (!id) {
        return protocolError<ChatEvent>(idValue.isUndefined()
                                            ? tr("the event has no \"@id\"")
                                            : tr("the event's \"@id\" is not a non-negative integer"));
    }
    ChatEvent event;
    event.id = *id;
    event.raw = object;
    const QString type = object.value(u"@type"_s).toString();
    event.time = object.value(u"time"_s).toString();
    if (!event.time.isEmpty()) {
        const QDateTime time = QDateTime::fromString(event.time, Qt::ISODateWithMs);
        event.timeMs = time.isValid() ? time.toMSecsSinceEpoch() : 0;
    }
    if (type == QLatin1String("line")) {
        event.type = EventType::Line;
        const QJsonValue text = object.value(u"text"_s);
        if (!text.isString() && !text.isUndefined() && !text.isNull()) {
            return protocolError<ChatEvent>(tr("the line's \"text\" is not a string"));
        }
        event.text = text.toString();
        event.textType = object.value(u"textType"_s).toString(u"plain"_s);
        event.by = object.value(u"by"_s).toString();
        event.source = object.value(u"source"_s).toString();
        event.subType = object.value(u"subType"_s).toString();
        event.systemMessageId = idString(object.value(u"systemMessageId"_s));
        const QJsonValue metadata = object.value(u"metadata"_s);
        if (metadata.isArray()) {
            event.metadata = metadata.toArray();
        } else if (!metadata.isUndefined() && !metadata.isNull()) {
            return protocolError<ChatEvent>(tr("the line's \"metadata\" is not an array"));
        }
        if (event.textType == QLatin1String("rich-content")) {
            QJsonValue json = object.value(u"json"_s);
            if (json.isString()) {
                // Tolerate a card sent as JSON text; it must still be an object.
                const QJsonDocument document = QJsonDocument::fromJson(json.toString().toUtf8());
                json = document.isObject() ? QJsonValue(document.object()) : QJsonValue();
            }
            if (!json.isObject()) {
                return protocolError<ChatEvent>(tr("the rich-content line has no \"json\" card object"));
            }
            event.json = json.toObject();
        }
        return event;
    }
    if (type == QLatin1String("state")) {
        event.type = EventType::State;
        event.state = object.value(u"state"_s).toString();
        event.by = object.value(u"by"_s).toString();
        event.source = object.value(u"source"_s).toString();
        if (event.state.isEmpty()) {
            return protocolError<ChatEvent>(tr("the state event has no \"state\""));
        }
        return event;
    }
    return protocolError<ChatEvent>(type.isEmpty() ? tr("the event has no \"@type\"")
                                                   : tr("unknown event type \"%1\"").arg(type.left(60)));
}
} // namespace

bool ChatEvent::isAgentLine() const
{
    if (type != EventType::Line) {
        return false;
    }
    return (source.isEmpty() ? by : source) == QLatin1String("agent");
}

bool ChatEvent::isVisitorLine() const
{
    if (type != EventType::Line) {
        return false;
    }
    if (!source.isEmpty()) {
        return source == QLatin1String("visitor");
    }
    return by == QLatin1String("visitor");
}

Result<QList<Link>> parseLinks(const QJsonValue &value)
{
    QList<Link> links;
    if (value.isUndefined() || value.isNull()) {
        return links;
    }
    QJsonArray items;
    if (value.isObject()) {
        items.append(value);
    } else if (value.isArray()) {
        items = value.toArray();
    } else {
        return protocolError<QList<Link>>(tr("\"link\" is neither an object nor an array"));
    }
    for (const QJsonValue &item : std::as_const(items)) {
        const QJsonObject object = item.toObject();
        const QJsonValue href = object.value(u"@href"_s);
        if (!item.isObject() || !href.isString() || href.toString().isEmpty()) {
            return protocolError<QList<Link>>(tr("a link has no \"@href\" string"));
        }
        links.append(Link{object.value(u"@rel"_s).toString(), href.toString()});
    }
    return links;
}

QString linkHref(const QList<Link> &links, const QString &rel)
{
    for (const Link &link : links) {
        if (link.rel == rel) {
            return link.href;
        }
    }
    return {};
}

Result<QString> parseLocation(const QByteArray &body, const QString &wrapper)
{
    const auto object = parseObject(body, wrapper);
    if (!object) {
        return object.error();
    }
    const QJsonValue inner = object->value(wrapper);
    if (!inner.isObject()) {
        return protocolError<QString>(tr("%1: the answer has no \"%1\" object.").arg(wrapper));
    }
    const auto links = parseLinks(inner.toObject().value(u"link"_s));
    if (!links) {
        return protocolError<QString>(tr("%1: %2.").arg(wrapper, links.error().message));
    }
    if (links->isEmpty()) {
        return protocolError<QString>(tr("%1: the answer has no link.").arg(wrapper));
    }
    // "location" is the documented rel; a single link without rel is taken as it.
    const QString href = linkHref(*links, u"location"_s);
    return href.isEmpty() ? links->first().href : href;
}

Result<IncomingRequests> parseIncomingRequests(const QByteArray &body)
{
    const auto object = parseObject(body, u"incomingRequests"_s);
    if (!object) {
        return object.error();
    }
    const QJsonValue inner = object->value(u"incomingRequests"_s);
    if (!inner.isObject()) {
        return protocolError<IncomingRequests>(tr("incomingRequests: the answer has no \"incomingRequests\" object."));
    }
    const auto count = integerOf(inner.toObject().value(u"ringingCount"_s));
    if (!count) {
        return protocolError<IncomingRequests>(
            tr("incomingRequests: \"ringingCount\" is missing or not a non-negative integer."));
    }
    IncomingRequests requests;
    requests.ringingCount = static_cast<int>(std::min<qint64>(*count, 1000000));
    const auto links = parseLinks(inner.toObject().value(u"link"_s));
    if (!links) {
        return protocolError<IncomingRequests>(tr("incomingRequests: %1.").arg(links.error().message));
    }
    if (!links->isEmpty()) {
        requests.takeHref = links->first().href;
    }
    if (requests.ringingCount > 0 && requests.takeHref.isEmpty()) {
        return protocolError<IncomingRequests>(
            tr("incomingRequests: %1 chats ring but no link was sent to take one.").arg(requests.ringingCount));
    }
    return requests;
}

Result<ChatEvents> parseChatEventsObject(const QJsonObject &events)
{
    ChatEvents page;
    const auto links = parseLinks(events.value(u"link"_s));
    if (!links) {
        return protocolError<ChatEvents>(tr("events: %1.").arg(links.error().message));
    }
    page.links = *links;
    page.nextHref = linkHref(page.links, u"next"_s);

    const QJsonValue list = events.value(u"event"_s);
    QJsonArray items;
    if (list.isObject()) {
        items.append(list); // exactly one event comes as an object (reference §5)
    } else if (list.isArray()) {
        items = list.toArray();
    } else if (!list.isUndefined() && !list.isNull()) {
        return protocolError<ChatEvents>(tr("events: \"event\" is neither an object nor an array."));
    }
    for (const QJsonValue &item : std::as_const(items)) {
        if (!item.isObject()) {
            page.skipped.append(SkippedEvent{QString(), tr("the event is not an object (%1)").arg(shortText(item))});
            continue;
        }
        QString idText;
        auto event = parseEvent(item.toObject(), &idText);
        if (!event) {
            page.skipped.append(SkippedEvent{idText, event.error().message});
            continue;
        }
        page.events.append(std::move(event).value());
    }
    std::stable_sort(
        page.events.begin(), page.events.end(), [](const ChatEvent &a, const ChatEvent &b) { return a.id < b.id; });
    return page;
}

Result<ChatEvents> parseChatEvents(const QByteArray &body)
{
    const auto object = parseObject(body, u"events"_s);
    if (!object) {
        return object.error();
    }
    const QJsonValue inner = object->value(u"events"_s);
    if (!inner.isObject()) {
        return protocolError<ChatEvents>(tr("events: the answer has no \"events\" object."));
    }
    return parseChatEventsObject(inner.toObject());
}

Result<ChatResource> parseChatResource(const QByteArray &body)
{
    const auto object = parseObject(body, u"chat"_s);
    if (!object) {
        return object.error();
    }
    const QJsonValue inner = object->value(u"chat"_s);
    if (!inner.isObject()) {
        return protocolError<ChatResource>(tr("chat: the answer has no \"chat\" object."));
    }
    const QJsonObject chat = inner.toObject();
    if (chat.contains(u"error"_s)) {
        return protocolError<ChatResource>(
            tr("chat: the server reported an error: %1.").arg(shortText(chat.value(u"error"_s))));
    }
    ChatResource resource;
    const auto links = parseLinks(chat.value(u"link"_s));
    if (!links) {
        return protocolError<ChatResource>(tr("chat: %1.").arg(links.error().message));
    }
    resource.links = *links;
    const QJsonValue events = chat.value(u"events"_s);
    if (events.isObject()) {
        auto page = parseChatEventsObject(events.toObject());
        if (!page) {
            return page.error();
        }
        resource.events = std::move(page).value();
    } else if (!events.isUndefined() && !events.isNull()) {
        return protocolError<ChatResource>(tr("chat: \"events\" is not an object."));
    }
    const QJsonValue info = chat.value(u"info"_s);
    if (!info.isUndefined() && !info.isObject()) {
        return protocolError<ChatResource>(tr("chat: \"info\" is not an object."));
    }
    resource.info = info.toObject();
    resource.state = resource.info.value(u"state"_s).toString();
    resource.visitorId = idString(resource.info.value(u"visitorId"_s));
    resource.visitorName = resource.info.value(u"visitorName"_s).toString();
    resource.skillId = idString(resource.info.value(u"skillId"_s));
    const QJsonValue start = resource.info.value(u"startTime"_s);
    if (start.isString()) {
        const QDateTime time = QDateTime::fromString(start.toString(), Qt::ISODateWithMs);
        resource.startTimeMs = time.isValid() ? time.toMSecsSinceEpoch() : 0;
    } else if (const auto ms = integerOf(start)) {
        resource.startTimeMs = *ms;
    }
    resource.eventsHref = resource.events.nextHref;
    if (resource.eventsHref.isEmpty()) {
        resource.eventsHref = linkHref(resource.links, u"next"_s);
    }
    if (resource.eventsHref.isEmpty()) {
        resource.eventsHref = linkHref(resource.links, u"events"_s);
    }
    return resource;
}

Result<QList<TransferSkill>> parseTransferSkills(const QByteArray &body)
{
    const auto object = parseObject(body, u"transfer"_s);
    if (!object) {
        return object.error();
    }
    const QJsonValue inner = object->value(u"transfer"_s);
    if (!inner.isObject()) {
        return protocolError<QList<TransferSkill>>(tr("transfer: the answer has no \"transfer\" object."));
    }
    const QJsonValue skills = inner.toObject().value(u"skill"_s);
    QJsonArray items;
    if (skills.isObject()) {
        items.append(skills);
    } else if (skills.isArray()) {
        items = skills.toArray();
    } else if (!skills.isUndefined() && !skills.isNull()) {
        return protocolError<QList<TransferSkill>>(tr("transfer: \"skill\" is neither an object nor an array."));
    }
    QList<TransferSkill> out;
    for (const QJsonValue &item : std::as_const(items)) {
        const QJsonObject skill = item.toObject();
        TransferSkill entry;
        entry.id = idString(skill.value(u"id"_s));
        entry.name = skill.value(u"name"_s).toString();
        if (!item.isObject() || entry.id.isEmpty()) {
            return protocolError<QList<TransferSkill>>(tr("transfer: a skill has no id."));
        }
        if (const auto online = integerOf(skill.value(u"onlineAgents"_s))) {
            entry.onlineAgents = static_cast<int>(std::min<qint64>(*online, 1000000));
        }
        out.append(entry);
    }
    return out;
}

namespace
{
ConversationMessage lineMessage(const ChatEvent &event, const QString &chatId, const QString &role)
{
    ConversationMessage message;
    message.conversationId = chatId;
    message.dialogId = chatId; // chat has no dialogs: the one "dialog" is the chat itself
    message.sequence = event.id;
    message.originatorRole = role;
    message.metadata = event.metadata;
    message.raw = event.raw;
    message.serverTimestamp = event.timeMs;
    if (event.textType == QLatin1String("rich-content")) {
        message.kind = MessageKind::RichContent;
        message.content = event.json;
    } else {
        message.kind = MessageKind::Text; // chat has no card clicks; html lines keep their markup
        message.text = event.text;
    }
    return message;
}
} // namespace

std::optional<ConversationMessage> toConversationMessage(const ChatEvent &event, const QString &chatId)
{
    if (!event.isVisitorLine()) {
        return std::nullopt;
    }
    return lineMessage(event, chatId, u"CONSUMER"_s);
}

std::optional<ConversationMessage> toOwnMessage(const ChatEvent &event, const QString &chatId)
{
    if (!event.isAgentLine()) {
        return std::nullopt;
    }
    return lineMessage(event, chatId, u"ASSIGNED_AGENT"_s);
}

QJsonObject agentSessionBody()
{
    return QJsonObject{{u"loginData"_s, QString()}};
}

QJsonObject availabilityBody(const QString &availability)
{
    return QJsonObject{{u"availability"_s, QJsonObject{{u"chat"_s, availability}}}};
}

QJsonObject lineEventBody(
    const QString &text, const QString &textType, bool privateNote, const QJsonArray &metadata, const QJsonObject &card)
{
    QJsonObject event{{u"@type"_s, u"line"_s}, {u"text"_s, text}, {u"textType"_s, textType}};
    if (privateNote) {
        event.insert(u"subType"_s, u"ONLY_TO_REP"_s);
    }
    if (textType == QLatin1String("rich-content")) {
        event.insert(u"json"_s, card);
    }
    if (!metadata.isEmpty()) {
        event.insert(u"metadata"_s, metadata);
    }
    return QJsonObject{{u"event"_s, event}};
}

QJsonObject endChatBody()
{
    return QJsonObject{{u"event"_s, QJsonObject{{u"@type"_s, u"state"_s}, {u"state"_s, u"ended"_s}}}};
}

QJsonObject transferToSkillBody(const QString &skillId, const QString &note)
{
    QJsonObject transfer{{u"skill"_s, QJsonObject{{u"id"_s, numericIfPossible(skillId)}}}};
    if (!note.isEmpty()) {
        transfer.insert(u"text"_s, note);
    }
    return QJsonObject{{u"transfer"_s, transfer}};
}

QJsonObject transferToAgentBody(const QString &agentId, const QString &note)
{
    QJsonObject transfer{{u"agent"_s, QJsonObject{{u"id"_s, numericIfPossible(agentId)}}}};
    if (!note.isEmpty()) {
        transfer.insert(u"text"_s, note);
    }
    return QJsonObject{{u"transfer"_s, transfer}};
}

QString transferNote(const QJsonArray &metadata)
{
    QString reason;
    QString cause;
    for (const QJsonValue &item : metadata) {
        const QJsonObject object = item.toObject();
        const QString type = object.value(u"type"_s).toString();
        if (type == QLatin1String("ActionReason") && reason.isEmpty()) {
            reason = object.value(u"reason"_s).toString();
        } else if (type == QLatin1String("EscalationSummary") && cause.isEmpty()) {
            cause = object.value(u"escalationCause"_s).toString();
        }
    }
    if (reason.isEmpty() && cause.isEmpty()) {
        return tr("Transferred by the bot.");
    }
    if (cause.isEmpty()) {
        return tr("Transferred by the bot (%1).").arg(reason);
    }
    if (reason.isEmpty()) {
        return tr("Transferred by the bot (cause: %1).").arg(cause);
    }
    return tr("Transferred by the bot (%1; cause: %2).").arg(reason, cause);
}

QUrl withApiQuery(const QUrl &url)
{
    QUrl out = url;
    QUrlQuery query(url);
    if (!query.hasQueryItem(u"v"_s)) {
        query.addQueryItem(u"v"_s, u"1"_s);
    }
    if (!query.hasQueryItem(u"NC"_s)) {
        query.addQueryItem(u"NC"_s, u"true"_s);
    }
    out.setQuery(query);
    return out;
}

Result<QUrl> resolveLink(const QString &href, const QUrl &base)
{
    if (href.isEmpty()) {
        return Result<QUrl>::failure(u"liveperson.chat.link"_s, tr("The server sent an empty link."));
    }
    const QUrl resolved = base.resolved(QUrl(href, QUrl::StrictMode));
    if (!resolved.isValid() || resolved.scheme() != QLatin1String("https") ||
        resolved.host().compare(base.host(), Qt::CaseInsensitive) != 0 || resolved.port(443) != base.port(443)) {
        return Result<QUrl>::failure(
            u"liveperson.chat.link"_s,
            tr("The server sent a link off the agentVep host (%1); it is not followed, so the bearer stays there.")
                .arg(href.left(200)));
    }
    return resolved;
}

QString chatIdFromHref(const QString &href)
{
    const QString path = QUrl(href).path();
    const qsizetype slash = path.lastIndexOf(u'/');
    QString id = slash < 0 ? path : path.mid(slash + 1);
    if (id.endsWith(u".json"_s)) {
        id.chop(5);
    }
    return id;
}

} // namespace Switchboard::LivePerson::Chat
