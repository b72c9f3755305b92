// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

// Plain value types of the emulator's state model (StateModel). They carry LivePerson's names
// (roles, states, close reasons) as the wire spells them, so every API on top of the model
// (UMS, Chat Agent API, control API) can serialise them without translation tables.
namespace Switchboard::Sandbox
{

enum class Channel
{
    Messaging,
    Chat,
};

/** "messaging" / "chat" (control API spelling). */
QString channelName(Channel channel);
/** "MESSAGING" / "CHAT" (UMS channelType spelling). */
QString channelType(Channel channel);

namespace Role
{
inline const QString Consumer = QStringLiteral("CONSUMER");
inline const QString AssignedAgent = QStringLiteral("ASSIGNED_AGENT");
inline const QString Manager = QStringLiteral("MANAGER");
inline const QString Reader = QStringLiteral("READER");
inline const QString Controller = QStringLiteral("CONTROLLER");
} // namespace Role

namespace RingState
{
inline const QString Waiting = QStringLiteral("WAITING");
inline const QString Accepted = QStringLiteral("ACCEPTED");
inline const QString Expired = QStringLiteral("EXPIRED");
inline const QString Rejected = QStringLiteral("REJECTED");
inline const QString Cancelled = QStringLiteral("CANCELLED");
} // namespace RingState

/** Who closed a conversation or dialog: LivePerson's closeReason / closedBy values. */
enum class CloseReason
{
    Agent,
    Consumer,
    System,
};
QString closeReasonName(CloseReason reason);

/** An agent user and its live routing state. Internal id = userId; wire "old id" = "{acct}.{userId}". */
struct AgentUser
{
    QString userId;
    QString pid;
    QString loginName;
    QString nickname;
    QStringList skillIds;
    bool simulated = false;

    /** UMS availability (ONLINE, AWAY, BACK_SOON, OFFLINE, OCCUPIED). */
    QString availability = QStringLiteral("OFFLINE");
    /** Number of live UMS sockets subscribed to routing tasks for this agent. */
    int routingSubscriptions = 0;
    /** Chat Agent API availability ("Online"). */
    bool chatAvailable = false;
    qint64 lastRingMs = 0;
};

struct Consumer
{
    QString id;
    QString firstName;
    QString lastName;
    qint64 createdMs = 0;
};

/** A conversation- or dialog-level participant: an agent (id = userId) or the consumer (id = consumer id). */
struct Participant
{
    QString id;
    bool agent = false;
    QString role;
    /** Dialog participants only: ACTIVE, or SUGGESTED for a pending transfer-to-agent. */
    QString state = QStringLiteral("ACTIVE");
};

struct Dialog
{
    QString id;
    /** MAIN (id == conversation id) or POST_SURVEY. */
    QString type;
    QString state = QStringLiteral("OPEN");
    qint64 creationTs = 0;
    qint64 endTs = 0;
    QString closedBy;
    QString closedCause;
    qint64 metaDataLastUpdateTs = 0;
    QList<Participant> participants;
};

/** One messaging event as stored (content, rich content, accept status) or distributed (chat state). */
struct Message
{
    /** Sequence within the conversation; ChatStateEvents are not stored and carry 0. */
    int sequence = 0;
    bool stored = true;
    QString conversationId;
    QString dialogId;
    /** userId for agents, consumer id for the consumer. */
    QString originatorId;
    bool fromAgent = false;
    QString role;
    QJsonObject event;
    QJsonArray metadata;
    QString encodedMetadata;
    /** ALL or AGENTS_AND_MANAGERS. */
    QString audience = QStringLiteral("ALL");
    qint64 serverTimestamp = 0;
};

struct Ring
{
    QString id;
    QString conversationId;
    QString consumerId;
    QString skillId;
    QString agentUserId;
    QString routingTaskId;
    QString state;
    Channel channel = Channel::Messaging;
    qint64 createdMs = 0;
    qint64 expirationMs = 0;
    qint64 expiresAtMs = 0;
};

struct Conversation
{
    QString id;
    QString consumerId;
    QString skillId;
    Channel channel = Channel::Messaging;
    /** OPEN or CLOSE. */
    QString state = QStringLiteral("OPEN");
    QString closeReason;
    qint64 startTs = 0;
    qint64 endTs = 0;
    qint64 metaDataLastUpdateTs = 0;
    QString ttrType = QStringLiteral("NORMAL");
    int ttrValue = 3600;
    QJsonObject context;
    QList<Participant> participants;
    QList<Dialog> dialogs;
    QList<Message> messages;
    int nextSequence = 0;
    int transfers = 0;
    QString waitingRingId;
    QString suggestedAgentUserId;
    QSet<QString> rejectedBy;
    QString lastExpiredAgent;
    /** Accepted UpdateConversationField requests: {time, fields:[names], metadata:[…]} (newest last, capped). */
    QJsonArray fieldUpdates;

    const Dialog *activeDialog() const;
    Dialog *activeDialog();
    const Dialog *dialog(const QString &dialogId) const;
    Dialog *dialog(const QString &dialogId);
    QStringList participantIds(const QString &role) const;
    const Participant *participant(const QString &id) const;
    QString assignedAgent() const;
    bool isOpen() const
    {
        return state == QLatin1String("OPEN");
    }
};

/** Counters the control API's /sandbox/stats reports (model side). */
struct ModelStats
{
    qint64 consumerMessages = 0;
    qint64 agentMessages = 0;
    qint64 conversationsOpened = 0;
    qint64 conversationsClosed = 0;
    qint64 transfers = 0;
    qint64 ringsOffered = 0;
    qint64 ringsAccepted = 0;
    qint64 ringsExpired = 0;
};

} // namespace Switchboard::Sandbox

// Members are implicitly shared Qt values: growing the lists may move them with memcpy.
Q_DECLARE_TYPEINFO(Switchboard::Sandbox::Participant, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Switchboard::Sandbox::Dialog, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Switchboard::Sandbox::Message, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Switchboard::Sandbox::Ring, Q_RELOCATABLE_TYPE);
