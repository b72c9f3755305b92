// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "liveperson/ChannelTypes.h"
#include "util/Result.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <optional>

// Pure parsing and body building for LivePerson's Chat Agent API (reference §5). Nothing here
// does I/O or keeps state, so fuzz targets and unit tests can call every function directly.
// Parsers never throw and never crash on hostile input: they return a Result with a reason.

namespace Switchboard::LivePerson::Chat
{

/** A link object `{"@href":"…","@rel":"…"}`. */
struct Link
{
    QString rel;
    QString href;
};

/**
 * Parses a `link` member, which the API sends as one object or as an array of objects.
 * Strict: every entry must be an object with a string `@href`; `@rel` may be missing (empty).
 */
Result<QList<Link>> parseLinks(const QJsonValue &value);
/** The href of the first link with `rel`, or an empty string. */
QString linkHref(const QList<Link> &links, const QString &rel);

/**
 * Parses a creation answer `{"<wrapper>":{"link":{"@href":…}}}`, e.g. wrapper "agentSessionLocation"
 * (POST agentSession), "chatLocation" (taking a chat), "chatEventLocation" (adding a line).
 */
Result<QString> parseLocation(const QByteArray &body, const QString &wrapper);

/** `GET …/incomingRequests`: how many chats ring, and the link to POST to take one. */
struct IncomingRequests
{
    int ringingCount = 0;
    /** Empty when nothing rings. */
    QString takeHref;
};
/** `{"incomingRequests":{"ringingCount":"0"|0, "link":{…}}}`; ringingCount > 0 needs a link. */
Result<IncomingRequests> parseIncomingRequests(const QByteArray &body);

/** Kinds of chat events the client understands. */
enum class EventType
{
    Line,  ///< `@type:"line"`
    State, ///< `@type:"state"`
};

/** One understood chat event. */
struct ChatEvent
{
    /** The event's `@id`, used as the message sequence (a non-negative integer). */
    qint64 id = -1;
    EventType type = EventType::Line;
    /** Line: text, textType (plain|html|rich-content), by, source, subType, systemMessageId. */
    QString text;
    QString textType;
    QString by;
    QString source;
    QString subType;
    QString systemMessageId;
    /** Line with textType rich-content: the card in `json`. */
    QJsonObject json;
    /** Line: the optional metadata array. */
    QJsonArray metadata;
    /** State: waiting | chatting | ended. */
    QString state;
    /** ISO-8601 `time` as sent; ms since the epoch when it parsed (0 otherwise). */
    QString time;
    qint64 timeMs = 0;
    /** The whole event object, for transcripts and diagnostics. */
    QJsonObject raw;

    /** A line written by the visitor (source visitor, or by visitor when source is absent). */
    bool isVisitorLine() const;
    /** A line written by the agent (source agent, or by agent when source is absent). */
    bool isAgentLine() const;
};

/** An event that was skipped, with the reason (logged by the caller; never fatal). */
struct SkippedEvent
{
    QString id;
    QString reason;
};

/** One page of events: `{"link":[…],"event":[…]|{…}}` (the inside of "events"). */
struct ChatEvents
{
    QList<ChatEvent> events;
    QList<SkippedEvent> skipped;
    QList<Link> links;
    /** The `next` link's href (poll it for newer events); empty when absent. */
    QString nextHref;
};

/**
 * Parses an events answer `{"events":{"link":[…],"event":[…]}}`. `event` may be an array, a
 * single object (when there is exactly one event) or absent (no new events). Events of unknown
 * `@type`, or with a missing or malformed `@id`, are skipped with a reason; the result is sorted
 * by id. Fails only when the document itself is unusable (not JSON, no `events` object).
 */
Result<ChatEvents> parseChatEvents(const QByteArray &body);
/** The same on an already parsed `events` object. */
Result<ChatEvents> parseChatEventsObject(const QJsonObject &events);

/** The chat resource `{"chat":{"link":[…],"events":{…},"info":{…}}}`. */
struct ChatResource
{
    QList<Link> links;
    ChatEvents events;
    QJsonObject info;
    /** info.state ("chatting", "ended", …), may be empty. */
    QString state;
    QString visitorId;
    QString visitorName;
    /** info.skillId when present (not in the documented list; read leniently). */
    QString skillId;
    qint64 startTimeMs = 0;
    /** Where to poll for newer events: events.next, else chat next, else the chat's events link. */
    QString eventsHref;
};
/** Parses a chat resource. A `{"chat":{"error":…}}` answer fails with the error text. */
Result<ChatResource> parseChatResource(const QByteArray &body);

/** `GET …/transfer`: the skills a chat can be transferred to. */
struct TransferSkill
{
    QString id;
    QString name;
    /** -1 when not sent. */
    int onlineAgents = -1;
};
/** `{"transfer":{"skill":[…]|{…}}}`; ids may be numbers or numeric strings. */
Result<QList<TransferSkill>> parseTransferSkills(const QByteArray &body);

/** The ConversationMessage for a visitor line; nullopt for anything else (own lines, system lines, states). */
std::optional<ConversationMessage> toConversationMessage(const ChatEvent &event, const QString &chatId);
/** An agent line as the agent's own message (Text or RichContent); nullopt for every other event. */
std::optional<ConversationMessage> toOwnMessage(const ChatEvent &event, const QString &chatId);

// Bodies. Only one event may be added per POST (reference §5).

QJsonObject agentSessionBody();
/** `{"availability":{"chat":"Online|Away|Occupied"}}`. */
QJsonObject availabilityBody(const QString &availability);
/** A line event. textType plain/html/rich-content; `card` only for rich-content. */
QJsonObject lineEventBody(const QString &text,
                          const QString &textType,
                          bool privateNote,
                          const QJsonArray &metadata,
                          const QJsonObject &card = {});
QJsonObject endChatBody();
/** `{"transfer":{"skill":{"id":N}, "text":note}}`; ids are sent as numbers when numeric. */
QJsonObject transferToSkillBody(const QString &skillId, const QString &note);
QJsonObject transferToAgentBody(const QString &agentId, const QString &note);

/** The note given with a transfer, built from the envelope metadata (ActionReason, EscalationSummary). */
QString transferNote(const QJsonArray &metadata);

/**
 * Adds `v=1&NC=true` to a URL, keeping its other query items (e.g. `from=N`).
 */
QUrl withApiQuery(const QUrl &url);
/**
 * Resolves a link href against the URL it came from and checks it stays on the agentVep origin
 * (https, same host and port), so the bearer never goes elsewhere. Fails with a reason.
 */
Result<QUrl> resolveLink(const QString &href, const QUrl &base);

/** The last path segment of a chat href (the chat id). */
QString chatIdFromHref(const QString &href);

} // namespace Switchboard::LivePerson::Chat
