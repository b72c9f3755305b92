// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

// The UMS (Messaging Agent API) request parser: bytes of one WebSocket text frame in, a
// validated request or a precise error out. A pure function with no I/O, no event loop and no
// mutable global state (only an immutable type-name table), so it can be fuzzed
// (tests/fuzz/fuzz_ums_frame.cpp) and unit-tested alone.
namespace Switchboard::Sandbox
{

enum class UmsRequestType
{
    GetClock,
    KeepAlive,
    SetAgentState,
    SubscribeRoutingTasks,
    UpdateRoutingTaskSubscription,
    UpdateRingState,
    SubscribeAgentsState,
    SubscribeExConversations,
    UnsubscribeExConversations,
    UpdateConversationField,
    PublishEvent,
    QueryMessages,
    GetUserProfile,
    AgentRequestConversation,
    GenerateUrlForUploadFile,
    GenerateUrlForDownloadFile,
    GenerateDownloadToken,
};

/** One conversationField entry of UpdateConversationField, validated. */
struct UmsFieldChange
{
    /** ParticipantsChange, Skill, ConversationStateField, DialogChange or TTRField. */
    QString field;
    /** ADD/REMOVE/UPDATE/SUGGEST for participants, UPDATE for Skill and DialogChange. */
    QString type;
    QString role;
    /** Empty when the client left it out (the agent itself, reference §3.4). */
    QString userId;
    QString skill;
    QString conversationState;
    QString dialogId;
    QString dialogState;
    QString ttrType;
    int ttrValue = 0;
};

/** A parsed, validated request. Only the fields its type uses are filled. */
struct UmsRequest
{
    QString id;
    UmsRequestType type = UmsRequestType::GetClock;
    /** The type as the client spelled it (".ams.cm.UpdateConversationField" or "cm.UpdateConversationField"). */
    QString wireType;
    /** The canonical ".ams.*" spelling. */
    QString canonicalType;
    QJsonValue body;
    QJsonArray metadata;
    QString encodedMetadata;

    // SetAgentState
    QString availability;
    QString agentUserId;
    // UpdateRingState
    QString ringId;
    QString ringState;
    // SubscribeExConversations / Unsubscribe
    QStringList convStates;
    QStringList agentIds;
    bool hasAgentIds = false;
    qint64 minLastUpdatedTime = 0;
    QString subscriptionId;
    // UpdateConversationField / AgentRequestConversation
    QString conversationId;
    QList<UmsFieldChange> fields;
    // PublishEvent / QueryMessages
    QString dialogId;
    QJsonObject event;
    QString audience;
    int fromSeq = 0;
    int maxQuantity = 0;
    // GetUserProfile / AgentRequestConversation
    QString consumerId;
};

struct UmsParseError
{
    /** HTTP-like code for the kind:"resp" answer: 400 malformed, 404 unknown type. */
    int code = 400;
    QString message;
    /** The request id when it could be recovered, else empty (the answer then has no reqId). */
    QString reqId;
};

struct UmsParseResult
{
    std::optional<UmsRequest> request;
    UmsParseError error;

    bool ok() const
    {
        return request.has_value();
    }
};

/** Parses one frame. Never throws, never crashes, bounded work for any input. */
UmsParseResult parseUmsFrame(QByteArrayView frame, qint64 maxFrameBytes = 1024 * 1024);

/** The canonical ".ams.*" wire name of @p type. */
QString umsTypeName(UmsRequestType type);
/** Every request type the emulator understands (canonical spelling), for error messages. */
QStringList knownUmsTypes();

/** A kind:"resp" error frame body as the emulator sends it (string body of at most 128 characters). */
QJsonObject umsErrorResponse(const UmsParseError &error);

} // namespace Switchboard::Sandbox
