// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "liveperson/ChannelTypes.h"
#include "util/Result.h"

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

/**
 * Pure functions that parse and build Messaging Agent API (UMS) frames: no I/O, no state, no
 * Qt event loop, so they can be unit-tested and fuzzed alone. Wire facts are from
 * reference/liveperson-protocol.md §3 and §4.
 *
 * Parsing is strict: a frame that does not have the documented shape fails with a Result error
 * whose message names the offending field (e.g. "changes[0].result.ringsDetails: missing
 * array"). Callers log and count such frames; nothing here crashes or throws on any input.
 */
namespace Switchboard::LivePerson::Ums
{

/** Wire `type` strings. */
namespace Type
{
inline constexpr QLatin1String GetClock{".GetClock"};
inline constexpr QLatin1String SetAgentState{".ams.routing.SetAgentState"};
inline constexpr QLatin1String SubscribeRoutingTasks{".ams.routing.SubscribeRoutingTasks"};
inline constexpr QLatin1String UpdateRingState{".ams.routing.UpdateRingState"};
inline constexpr QLatin1String SubscribeExConversations{".ams.aam.SubscribeExConversations"};
inline constexpr QLatin1String UnsubscribeExConversations{".ams.aam.UnsubscribeExConversations"};
inline constexpr QLatin1String UpdateConversationField{".ams.cm.UpdateConversationField"};
inline constexpr QLatin1String PublishEvent{".ams.ms.PublishEvent"};
inline constexpr QLatin1String QueryMessages{".ams.ms.QueryMessages"};
inline constexpr QLatin1String RoutingTaskNotification{".ams.routing.RoutingTaskNotification"};
inline constexpr QLatin1String ExConversationChangeNotification{".ams.aam.ExConversationChangeNotification"};
inline constexpr QLatin1String OnlineEventDistribution{".ams.ms.OnlineEventDistribution"};
inline constexpr QLatin1String AgentStateNotification{".ams.routing.AgentStateNotification"};
inline constexpr QLatin1String RingUpdated{".ams.routing.RingUpdated"};
} // namespace Type

/** Longest request id we send (the envelope allows 1–64 characters). */
inline constexpr int MaxRequestIdLength = 64;
/** Largest encodedMetadata LivePerson accepts (base64 text, reference §6). */
inline constexpr int MaxEncodedMetadataBytes = 5 * 1024;

// ---------------------------------------------------------------------------------------------
// Envelope

enum class FrameKind
{
    Response,
    Notification,
};

/** One server → client frame. */
struct Frame
{
    FrameKind kind = FrameKind::Notification;
    /** Response only: the id of the request it answers. */
    QString reqId;
    /** Response only: HTTP-like code; > 399 is an error. */
    int code = 0;
    /** The wire type; optional on responses (the server's response types are UNCONFIRMED). */
    QString type;
    /** Object, array or string; Null when absent. */
    QJsonValue body;
};

/** Parses one text frame from the server. */
Result<Frame> parseFrame(const QByteArray &text);
/** The `reqId` of a frame that failed parseFrame(), if it has a usable one (to fail that request). */
QString peekRequestId(const QByteArray &text);

/** One client → server request frame, compact JSON. Empty metadata/encodedMetadata are omitted. */
QByteArray buildRequest(const QString &id,
                        const QString &type,
                        const QJsonValue &body,
                        const QJsonArray &metadata = {},
                        const QString &encodedMetadata = {});
/**
 * buildRequest() with the body already compact JSON (JsonWriter); an empty `bodyJson` means {}.
 * The same bytes as buildRequest() with the parsed body.
 */
QByteArray buildRequestJson(const QString &id,
                            const QString &type,
                            QByteArrayView bodyJson,
                            const QJsonArray &metadata = {},
                            const QString &encodedMetadata = {});

// ---------------------------------------------------------------------------------------------
// Request bodies (reference §3.4, §4)

/** availability: ONLINE, AWAY, BACK_SOON, OFFLINE. */
QJsonObject setAgentStateBody(const QString &availability, const QString &agentOldId);
QJsonObject subscribeRoutingTasksBody(const QString &agentOldId, const QString &accountId);
QJsonObject subscribeExConversationsBody(const QString &agentOldId);
/** ringState: ACCEPTED or REJECTED. */
QJsonObject updateRingStateBody(const QString &ringId, const QString &ringState);
/** Messages from lastHandled + 1 on (fromSeq is inclusive); the whole dialog when nullopt. */
QJsonObject queryMessagesBody(const QString &dialogId, std::optional<qint64> lastHandledSequence);
QJsonObject publishEventBody(const QString &dialogId, const QJsonObject &event, MessageAudience audience);
/** publishEventBody() as compact JSON, with the event already compact JSON (the same bytes). */
QByteArray publishEventBodyJson(const QString &dialogId, QByteArrayView eventJson, MessageAudience audience);
QJsonObject updateConversationFieldBody(const QString &conversationId, const QJsonArray &fields);

/** ContentEvent text/plain; fails on empty text or malformed quick replies. */
Result<QJsonObject> textEvent(const QString &text, const QJsonObject &quickReplies = {});
/** RichContentEvent with the card in `content` (reference §3.4: not `message`). */
Result<QJsonObject> richContentEvent(const QJsonObject &card, const QJsonObject &quickReplies = {});
/** ChatStateEvent: COMPOSING, ACTIVE, … */
QJsonObject chatStateEvent(const QString &chatState);
/** AcceptStatusEvent ACCEPT/READ/… for the given sequences; fails on an empty or negative list. */
Result<QJsonObject> acceptStatusEvent(const QString &status, const QList<qint64> &sequences);

/** textEvent() as compact JSON (the same bytes as the object's QJsonDocument compact form). */
Result<QByteArray> textEventJson(const QString &text, const QJsonObject &quickReplies = {});
/** acceptStatusEvent() as compact JSON (the same bytes). */
Result<QByteArray> acceptStatusEventJson(const QString &status, const QList<qint64> &sequences);

QJsonObject participantsChangeField(const QString &type, const QString &role, const QString &userId);
QJsonObject skillChangeField(const QString &skillId);
QJsonObject closeConversationField();
QJsonObject closeDialogField(const QString &dialogId);
QJsonObject ttrChangeField(TtrType type, int seconds);
QString ttrTypeName(TtrType type);

/** Envelope metadata: an array of objects, each with a non-empty string `type`. */
Result<Success> validateMetadata(const QJsonArray &metadata);
/** Base64, at most MaxEncodedMetadataBytes. An empty string is valid (= none). */
Result<Success> validateEncodedMetadata(const QString &encodedMetadata);

/** The account-qualified "old id" of an agent: "{accountId}.{userId}" (userId may already be qualified). */
QString agentOldId(const QString &accountId, const QString &userId);

// ---------------------------------------------------------------------------------------------
// Notifications and responses (reference §3.5)

struct Ring
{
    QString ringId;
    /** WAITING, ACCEPTED, AUTO_ACCEPT, CANCELLED, EXPIRED, REJECTED. */
    QString ringState;
    qint64 ringExpirationTs = 0;
};

struct RoutingTaskChange
{
    /** UPSERT or DELETE. */
    QString changeType;
    QString conversationId;
    QString consumerId;
    QString skillId;
    QList<Ring> rings;
};

/** `.ams.routing.RoutingTaskNotification` body. */
Result<QList<RoutingTaskChange>> parseRoutingTaskNotification(const QJsonValue &body);

struct ExConversationChange
{
    /** UPSERT or DELETE. */
    QString changeType;
    QString conversationId;
    /** OPEN or CLOSE. */
    QString state;
    QString skillId;
    QString closeReason;
    /** role → old ids (raw wire form: an object, not the SDK's array). */
    QHash<QString, QStringList> participants;
    /** role → PIds; may be empty. */
    QHash<QString, QStringList> participantsPId;
    QList<DialogInfo> dialogs;
    QJsonObject context;
    QJsonObject ttr;
    qint64 startTs = 0;
    qint64 metaDataLastUpdateTs = 0;

    QString consumerId() const;
    /** The role of an agent given by old id or PId; empty when it is not a participant. */
    QString roleOf(const QString &oldId, const QString &pid) const;
};

/** `.ams.aam.ExConversationChangeNotification` body. */
Result<QList<ExConversationChange>> parseExConversationChangeNotification(const QJsonValue &body);

/** One messaging event: the body of `.ams.ms.OnlineEventDistribution`, or a QueryMessages item. */
struct MessagingEvent
{
    QString conversationId;
    QString dialogId;
    /** -1 for events without one (ChatStateEvent). */
    qint64 sequence = -1;
    QString originatorId;
    QString originatorPId;
    /** originatorMetadata.id / .role, when sent. */
    QString originatorMetadataId;
    QString originatorRole;
    qint64 serverTimestamp = 0;
    /** event.type: ContentEvent, RichContentEvent, AcceptStatusEvent, ChatStateEvent, … */
    QString eventType;
    QJsonObject event;
    QJsonArray metadata;
    /**
     * The whole item as Qt JSON (parseMessagingEvent()); empty when only `rawJson` was written
     * (FrameReader::fillEventContent()). Read it with rawObject().
     */
    QJsonObject raw;
    /**
     * The whole item as compact JSON text, exactly QJsonDocument(rawObject()).toJson(Compact), when
     * the reader had it at hand (FrameReader::fillEventContent()); empty otherwise.
     */
    QByteArray rawJson;
    /**
     * False for an event from FrameReader::messagingEvent() whose `event`, `metadata` and
     * `rawJson` have not been built yet (FrameReader::fillEventContent()); every other event has them.
     */
    bool hasContent = true;

    /** The whole item as Qt JSON: `raw`, or `rawJson` parsed when only the text was kept. */
    QJsonObject rawObject() const;
};

Result<MessagingEvent> parseMessagingEvent(const QJsonValue &item);

/** The events of a QueryMessages response (an array); malformed items are reported, not fatal. */
struct QueryMessagesResult
{
    QList<MessagingEvent> events;
    QStringList errors;
};
Result<QueryMessagesResult> parseQueryMessagesResponse(const QJsonValue &body);

/**
 * The consumer-visible content of an event, or nullopt for events that carry none (receipts,
 * chat states, unknown types). Fails on a ContentEvent/RichContentEvent of the wrong shape.
 */
Result<std::optional<ConversationMessage>> toConversationMessage(const MessagingEvent &event);

/** `{"currentTime": ms}` of a GetClock response. */
Result<qint64> parseClockResponse(const QJsonValue &body);

// ---------------------------------------------------------------------------------------------
// The connection's frame reader

/**
 * A reusable, fully validating reader of server frames for the connection's hot path. The whole
 * frame is parsed and validated first (simdjson's DOM parser: JSON grammar and UTF-8), then the
 * envelope is checked exactly as parseFrame() checks it; Qt JSON is built only for what a caller
 * asks for (body(), fillEventContent()), so a frame that is only counted or dropped (the echo of
 * our own receipt) costs no QJsonObject.
 *
 * Compared with Qt's parser (which parseFrame() used before), errors of malformed JSON have
 * simdjson's wording; some inputs Qt accepts are refused as not JSON: invalid escapes ("\\p",
 * which Qt reads as "p"), integers beyond the 64-bit range, escapes (\\uXXXX) of unpaired
 * surrogates and a leading UTF-8 byte-order mark; and a number that underflows (1e-400), which
 * Qt refuses, reads as 0. With duplicate keys the last one counts, as in Qt. parseFrame() is
 * this reader too.
 *
 * One frame at a time: results of read() refer to the reader's memory until the next read().
 * Not thread-safe; one reader per connection.
 */
class FrameReader
{
public:
    /** Bytes that must be readable (content ignored) after the end of a frame passed to read(). */
    static constexpr qsizetype Padding = 64;

    FrameReader();
    ~FrameReader();
    FrameReader(const FrameReader &) = delete;
    FrameReader &operator=(const FrameReader &) = delete;

    /**
     * Parses one frame and checks its envelope like parseFrame(); the returned Frame's body is
     * left Null (body() builds it). `data` must be followed by Padding readable bytes.
     */
    Result<Frame> read(const char *data, qsizetype size);
    /** The last frame's body as Qt JSON (Null when absent or when read() found no JSON object). */
    QJsonValue body() const;
    /** The last frame's `reqId` when usable (as peekRequestId()), whether or not read() accepted it. */
    QString requestId() const;
    /**
     * The last frame's body as a messaging event: the same fields, checks and errors as
     * parseMessagingEvent(body()), but `event`, `metadata` and `rawJson` are not built
     * (hasContent is false) until fillEventContent().
     */
    Result<MessagingEvent> messagingEvent() const;
    /**
     * Builds `event`, `metadata` and `rawJson` of an event that messagingEvent() returned for this
     * frame. `raw` stays empty (rawObject() parses `rawJson`) unless only Qt's own round trip
     * could write the text (floating-point numbers, integers beyond qint64, non-ASCII or duplicate
     * keys); then it is built too.
     */
    void fillEventContent(MessagingEvent &event) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Switchboard::LivePerson::Ums
