// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessagingAgentChannel.h"

#include "LivePersonHttp.h"
#include "LivePersonLogging.h"
#include "Scheduler.h"
#include "SkillsClient.h"
#include "UmsProtocol.h"
#include "util/Clock.h"
#include "util/JsonWriter.h"

#include <QJsonDocument>
#include <QMetaObject>
#include <QTimer>
#include <algorithm>

using namespace Qt::StringLiterals;
using std::chrono::milliseconds;

namespace Switchboard::LivePerson
{

namespace
{
// An event built as a QJsonObject, as the compact JSON publish() sends.
Result<QByteArray> eventJson(const Result<QJsonObject> &event)
{
    if (!event) {
        return event.error();
    }
    return JsonWriter::toJson(*event);
}

bool hasMetadataType(const QJsonArray &metadata, const QString &type)
{
    return std::any_of(metadata.begin(), metadata.end(), [&type](const QJsonValue &item) {
        return item.toObject().value(u"type"_s).toString() == type;
    });
}
} // namespace

MessagingAgentChannel::MessagingAgentChannel(MessagingChannelConfig config, QObject *parent)
    : AgentLoginChannel(config, "Channel", parent)
    , m_config(std::move(config))
    , m_resyncTimer(new QTimer(this))
{
    m_resyncTimer->setSingleShot(true);
    m_resyncTimer->setInterval(m_config.resyncGrace);
    connect(m_resyncTimer, &QTimer::timeout, this, &MessagingAgentChannel::handleResyncTimeout);
}

MessagingAgentChannel::~MessagingAgentChannel()
{
    invalidateCallbacks();
    delete m_ums.data();
    // Every command completes exactly once, also when the channel goes away under it.
    const auto inflight = std::exchange(m_inflight, {});
    for (auto it = inflight.begin(); it != inflight.end(); ++it) {
        CommandResult result;
        result.requestId = it.key();
        result.error = ApiError::make(ApiErrorKind::Cancelled, tr("The LivePerson channel was destroyed."));
        it.value().complete(result);
    }
}

const MessagingChannelConfig &MessagingAgentChannel::config() const
{
    return m_config;
}

MessagingChannelStats MessagingAgentChannel::stats() const
{
    MessagingChannelStats stats = m_stats;
    stats.logins = loginCount();
    stats.loginAttempts = loginAttemptCount();
    stats.trackedDialogs = static_cast<int>(m_dialogs.size());
    if (m_ums) {
        stats.malformedFrames += m_ums->malformedFrameCount();
    }
    return stats;
}

ChannelType MessagingAgentChannel::channelType() const
{
    return ChannelType::Messaging;
}

namespace
{

/** Compact JSON text of an object, without the growth slack toJson() leaves (kept per conversation). */
QByteArray compactText(const QJsonObject &object)
{
    if (object.isEmpty()) {
        return {};
    }
    QByteArray text = QJsonDocument(object).toJson(QJsonDocument::Compact);
    text.squeeze();
    return text;
}

QJsonObject parsedText(const QByteArray &text)
{
    return text.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(text).object();
}

} // namespace

MessagingAgentChannel::TrackedConversation MessagingAgentChannel::TrackedConversation::from(
    const ConversationInfo &info, const QString &conversationId, MessagingAgentChannel &channel)
{
    TrackedConversation tracked;
    tracked.consumerId = info.consumerId;
    tracked.skillId = channel.shared(info.skillId);
    tracked.dialogs.reserve(info.dialogs.size());
    for (DialogInfo dialog : info.dialogs) {
        if (dialog.dialogId == conversationId) {
            dialog.dialogId = conversationId; // MAIN dialogs: one string for both ids
        }
        tracked.dialogs.append(std::move(dialog));
    }
    tracked.context = channel.sharedText(compactText(info.context));
    tracked.ttr = channel.sharedText(compactText(info.ttr));
    tracked.startTs = info.startTs;
    tracked.botAssigned = info.botAssigned;
    return tracked;
}

ConversationInfo MessagingAgentChannel::TrackedConversation::full(const QString &conversationId) const
{
    ConversationInfo out;
    out.conversationId = conversationId;
    out.consumerId = consumerId;
    out.skillId = skillId;
    out.dialogs = dialogs;
    out.channel = ChannelType::Messaging;
    out.context = parsedText(context);
    out.botAssigned = botAssigned;
    out.state = u"OPEN"_s; // only open conversations are tracked
    out.startTs = startTs;
    out.ttr = parsedText(ttr);
    return out;
}

QString MessagingAgentChannel::TrackedConversation::activeDialogId(const QString &conversationId) const
{
    ConversationInfo probe;
    probe.conversationId = conversationId;
    probe.dialogs = dialogs;
    return probe.activeDialogId();
}

QString MessagingAgentChannel::shared(const QString &value)
{
    const auto it = m_shared.constFind(value);
    if (it != m_shared.cend()) {
        return *it;
    }
    if (!value.isEmpty() && m_shared.size() < 4096) {
        m_shared.insert(value);
    }
    return value;
}

QByteArray MessagingAgentChannel::sharedText(const QByteArray &text)
{
    constexpr qsizetype maxTexts = 4096;
    if (text.isEmpty()) {
        return text;
    }
    const auto it = m_sharedTexts.constFind(text);
    if (it != m_sharedTexts.cend()) {
        return *it;
    }
    if (m_sharedTexts.size() >= maxTexts) {
        m_sharedTexts.removeIf([](const QByteArray &kept) { return kept.isDetached(); });
    }
    if (m_sharedTexts.size() < maxTexts) {
        m_sharedTexts.insert(text);
    }
    return text;
}

QList<ConversationInfo> MessagingAgentChannel::conversations() const
{
    QList<ConversationInfo> out;
    out.reserve(m_conversations.size());
    for (auto it = m_conversations.cbegin(); it != m_conversations.cend(); ++it) {
        out.append(it->full(it.key()));
    }
    return out;
}

bool MessagingAgentChannel::isSessionReplacedReason(const QString &reason)
{
    // LivePerson does not document the wording (reference §9); the sandbox uses
    // "session replaced: the agent user logged in elsewhere". Both phrases are accepted.
    return reason.contains(u"logged in elsewhere"_s, Qt::CaseInsensitive) ||
           reason.contains(u"session replaced"_s, Qt::CaseInsensitive);
}

// ---------------------------------------------------------------------------------------------
// Lifecycle

// ---------------------------------------------------------------------------------------------
// Lifecycle (the login itself is AgentLoginChannel's)

void MessagingAgentChannel::loggedIn()
{
    if (session().userPid.isEmpty()) {
        qCWarning(lcLivePerson) << "The login answer has no config.userPid; own messages are recognised by the old id only";
    }
}

void MessagingAgentChannel::connectTransport()
{
    connectSocket();
}

void MessagingAgentChannel::dropTransport()
{
    dropSocket();
}

void MessagingAgentChannel::loginRefused(const ApiError &error, quint64 attempt)
{
    if (attempt == attemptId()) {
        // The session is gone; its bearer will not open a socket again.
        stopRefreshTimer();
        setLoggedOut();
        scheduleReconnect(ReconnectMode::Relogin, tr("The session refresh was refused"), error);
    }
}

void MessagingAgentChannel::failed(const ApiError & /*error*/)
{
    m_resyncTimer->stop();
    m_subscribed = false;
}

void MessagingAgentChannel::goAway(std::function<void()> then)
{
    m_resyncTimer->stop();
    if (!m_ums || !m_ums->isOpen() || !m_subscribed) {
        // stopped() is always asynchronous, even when there is nothing to wait for.
        QMetaObject::invokeMethod(this, std::move(then), Qt::QueuedConnection);
        return;
    }
    const quint64 run = runId();
    m_ums->request(Ums::Type::SetAgentState,
                   Ums::setAgentStateBody(u"AWAY"_s, agentId()),
                   [this, run, then = std::move(then)](const CommandResult &result) {
                       if (run != runId()) {
                           return;
                       }
                       if (!result.ok()) {
                           qCWarning(lcLivePerson) << "Setting the agent AWAY failed:" << result.code;
                       }
                       if (m_ums && m_ums->isOpen()) {
                           // `then` runs once the close handshake finished.
                           UmsConnection *ums = m_ums;
                           connect(ums, &UmsConnection::closed, this, then);
                           ums->close(1000, u"agent stopping"_s);
                       } else {
                           then();
                       }
                   });
}

void MessagingAgentChannel::stopFinished()
{
    m_subscribed = false;
    m_conversations.clear();
    m_acceptedRings.clear();
    for (DialogTrack &track : m_dialogs) {
        track.floor = std::max(track.floor, track.maxDelivered);
        track.delivered.clear();
        track.queryPending = false;
        track.queryAgain = false;
        track.buffered.clear();
    }
}

QString MessagingAgentChannel::reconnectingText() const
{
    return tr("reconnecting");
}

void MessagingAgentChannel::dropSocket()
{
    m_subscribed = false;
    if (m_ums) {
        UmsConnection *ums = m_ums;
        m_ums = nullptr;
        ums->disconnect(this);
        ums->close(1000, u"closing"_s);
        ums->deleteLater();
    }
}

void MessagingAgentChannel::connectSocket()
{
    QString host;
    for (const QString &service : std::as_const(m_config.webSocketServices)) {
        host = domains().host(service);
        if (!host.isEmpty()) {
            break;
        }
    }
    if (host.isEmpty()) {
        fail(ApiError::make(ApiErrorKind::Config,
                       tr("The Domain API lists none of %1 for account %2.")
                           .arg(m_config.webSocketServices.join(u", "_s), m_config.accountId)));
        return;
    }
    dropSocket();
    setStatus(ChannelState::Connecting);
    QUrl url = serviceUrl(u"wss"_s, host, {}, u"v=2.1"_s);
    // The bearer is a path segment (reference §3.1); this URL is never logged.
    url.setPath(u"/ws_api/account/"_s + m_config.accountId + u"/messaging/brand/"_s +
                    QString::fromLatin1(QUrl::toPercentEncoding(session().bearer)),
                QUrl::TolerantMode);
    auto *ums = new UmsConnection(m_config.ums, this);
    ums->setSslConfiguration(http()->sslConfiguration());
    m_ums = ums;
    connect(ums, &UmsConnection::opened, this, &MessagingAgentChannel::handleSocketOpened);
    connect(ums, &UmsConnection::closed, this, [this, ums](const UmsConnection::CloseInfo &info) {
        if (ums != m_ums) {
            return;
        }
        m_stats.malformedFrames += ums->malformedFrameCount();
        m_ums = nullptr;
        ums->deleteLater();
        handleSocketClosed(info);
    });
    // Direct: the reader holds the frame only during the emission.
    connect(ums, &UmsConnection::notificationParsed, this, &MessagingAgentChannel::handleNotification,
            Qt::DirectConnection);
    ums->open(url);
}

void MessagingAgentChannel::handleSocketOpened()
{
    ++m_stats.socketsOpened;
    const quint64 attempt = attemptId();
    auto remaining = std::make_shared<int>(3);
    auto failed = std::make_shared<bool>(false);
    auto onAnswer = [this, attempt, remaining, failed](const QString &what, const CommandResult &result) {
        if (attempt != attemptId() || *failed) {
            return;
        }
        if (!result.ok()) {
            const ApiError error = *result.error;
            if (error.kind == ApiErrorKind::NotConnected) {
                return; // the closed socket is handled by handleSocketClosed()
            }
            *failed = true;
            qCWarning(lcLivePerson) << what << "failed:" << ApiError::kindName(error.kind) << error.status;
            const bool unauthorized = error.status == 401 || error.status == 403;
            scheduleReconnect(unauthorized ? ReconnectMode::Relogin : ReconnectMode::KeepLogin,
                              tr("%1 failed: %2").arg(what, error.message),
                              error);
            return;
        }
        if (--*remaining == 0) {
            handleSubscribed();
        }
    };
    m_ums->request(Ums::Type::SetAgentState,
                   Ums::setAgentStateBody(u"ONLINE"_s, agentId()),
                   [onAnswer](const CommandResult &result) { onAnswer(u"SetAgentState"_s, result); });
    m_ums->request(Ums::Type::SubscribeRoutingTasks,
                   Ums::subscribeRoutingTasksBody(agentId(), m_config.accountId),
                   [onAnswer](const CommandResult &result) { onAnswer(u"SubscribeRoutingTasks"_s, result); });
    // Conversations we already know must be confirmed by the new subscription (see resyncGrace).
    for (TrackedConversation &tracked : m_conversations) {
        tracked.needsResync = true;
    }
    m_ums->request(Ums::Type::SubscribeExConversations,
                   Ums::subscribeExConversationsBody(agentId()),
                   [onAnswer](const CommandResult &result) { onAnswer(u"SubscribeExConversations"_s, result); });
}

void MessagingAgentChannel::handleSubscribed()
{
    m_subscribed = true;
    resetAttemptCounters();
    clearNextAttempt();
    const bool anyToConfirm = std::any_of(
        m_conversations.cbegin(), m_conversations.cend(), [](const auto &tracked) { return tracked.needsResync; });
    if (anyToConfirm) {
        m_resyncTimer->start();
    }
    setStatus(ChannelState::Online);
}

void MessagingAgentChannel::handleSocketClosed(const UmsConnection::CloseInfo &info)
{
    m_subscribed = false;
    m_resyncTimer->stop();
    if (status().state == ChannelState::Stopping || status().state == ChannelState::Stopped ||
        status().state == ChannelState::Failed || status().state == ChannelState::Kicked) {
        return;
    }
    if (!info.tlsError.isEmpty()) {
        fail(ApiError::make(ApiErrorKind::Tls,
                       tr("The LivePerson WebSocket's TLS certificate was rejected (%1). Add the server's CA instead "
                          "of disabling checks.")
                           .arg(info.tlsError)));
        return;
    }
    const QString closeText =
        info.reason.isEmpty()
            ? tr("the LivePerson connection closed with code %1").arg(info.code)
            : tr("the LivePerson connection closed with code %1 (\"%2\")").arg(info.code).arg(info.reason.left(200));
    if (info.code == 4401 && isSessionReplacedReason(info.reason)) {
        // No re-login: that would start a login fight with the other session.
        endLogin();
        ApiError error = ApiError::make(ApiErrorKind::NotConnected, closeText, 4401);
        qCWarning(lcLivePerson) << "Agent" << m_config.credentials.loginName << "logged in elsewhere; channel kicked";
        setStatus(ChannelState::Kicked,
                  tr("Agent \"%1\" logged in elsewhere, which replaced this session. Start the channel again to take "
                     "the session back.")
                      .arg(m_config.credentials.loginName),
                  error);
        return;
    }
    const ApiError error = ApiError::make(ApiErrorKind::NotConnected, closeText, info.code);
    if (info.code == 4401 || info.code == 1011 || info.handshakeStatus == 401) {
        scheduleReconnect(ReconnectMode::Relogin, closeText, error);
        return;
    }
    if (info.code == 1006 && !info.neverOpened) {
        probeSession(closeText);
        return;
    }
    scheduleReconnect(ReconnectMode::KeepLogin, closeText, error);
}

void MessagingAgentChannel::probeSession(const QString &why)
{
    // Token revocation has been seen to close with 1006 (SDK issue #29): an authenticated call
    // tells whether the token still works. Only a 401/403 means logging in again.
    const quint64 attempt = newAttempt();
    setStatus(ChannelState::Reconnecting, tr("%1; checking the session.").arg(why));
    auto decide = [this, attempt, why](const std::optional<ApiError> &error) {
        if (attempt != attemptId()) {
            return;
        }
        const bool unauthorized =
            error && error->kind == ApiErrorKind::Http && (error->status == 401 || error->status == 403);
        qCInfo(lcLivePerson) << "Session probe after 1006:"
                             << (unauthorized ? "token no longer valid" : "token usable");
        scheduleReconnect(unauthorized ? ReconnectMode::Relogin : ReconnectMode::KeepLogin,
                          unauthorized ? tr("%1; the session is no longer valid").arg(why) : why,
                          error);
    };
    checkLogin(std::move(decide));
}

// ---------------------------------------------------------------------------------------------
// Notifications

void MessagingAgentChannel::countMalformed(const QString &what, const QString &reason)
{
    ++m_stats.malformedFrames;
    qCWarning(lcLivePerson) << "Malformed" << what << "dropped:" << reason;
}

void MessagingAgentChannel::handleNotification(const Ums::Frame &frame, const Ums::FrameReader *reader)
{
    if (frame.type == Ums::Type::RoutingTaskNotification) {
        handleRoutingTasks(reader->body());
    } else if (frame.type == Ums::Type::ExConversationChangeNotification) {
        handleConversationChanges(reader->body());
    } else if (frame.type == Ums::Type::OnlineEventDistribution) {
        // The fields first; the event's content (Qt JSON) only if it is kept or delivered, so the
        // echoes of our own receipts and replies cost no QJsonObject.
        auto event = reader->messagingEvent();
        if (!event) {
            countMalformed(frame.type, event.error().message);
            return;
        }
        QList<qint64> acked;
        handleEvent(*event, {}, false, &acked, reader);
        if (!acked.isEmpty()) {
            acknowledge(event->dialogId, acked);
        }
    } else {
        qCDebug(lcLivePerson) << "Ignoring notification" << frame.type;
    }
}

void MessagingAgentChannel::handleRoutingTasks(const QJsonValue &body)
{
    auto changes = Ums::parseRoutingTaskNotification(body);
    if (!changes) {
        countMalformed(Ums::Type::RoutingTaskNotification, changes.error().message);
        return;
    }
    for (const Ums::RoutingTaskChange &change : *changes) {
        for (const Ums::Ring &ring : change.rings) {
            if (change.changeType == QLatin1String("DELETE") || ring.ringState != QLatin1String("WAITING")) {
                m_acceptedRings.remove(ring.ringId);
                continue;
            }
            if (m_acceptedRings.contains(ring.ringId) || !m_ums || !m_ums->isOpen()) {
                continue;
            }
            m_acceptedRings.insert(ring.ringId);
            qCInfo(lcLivePerson) << "Accepting ring for conversation" << change.conversationId;
            const QString ringId = ring.ringId;
            m_ums->requestJson(Ums::Type::UpdateRingState,
                           JsonWriter::toJson(Ums::updateRingStateBody(ringId, u"ACCEPTED"_s)),
                           [this, ringId](const CommandResult &result) {
                               if (result.ok()) {
                                   ++m_stats.ringsAccepted;
                                   return;
                               }
                               // Let a later UPSERT of the same ring try again.
                               m_acceptedRings.remove(ringId);
                               qCWarning(lcLivePerson)
                                   << "Accepting a ring failed:" << ApiError::kindName(result.error->kind)
                                   << result.code;
                           },
                           false);
        }
    }
}

void MessagingAgentChannel::handleConversationChanges(const QJsonValue &body)
{
    auto changes = Ums::parseExConversationChangeNotification(body);
    if (!changes) {
        countMalformed(Ums::Type::ExConversationChangeNotification, changes.error().message);
        return;
    }
    for (const Ums::ExConversationChange &change : *changes) {
        applyConversationChange(change);
    }
}

void MessagingAgentChannel::applyConversationChange(const Ums::ExConversationChange &change)
{
    const QString id = change.conversationId;
    const QString role = change.roleOf(agentId(), session().userPid);
    const auto known = m_conversations.find(id);
    const bool isOpen = change.state == QLatin1String("OPEN");

    if (change.changeType == QLatin1String("DELETE") || !isOpen || role.isEmpty()) {
        if (known == m_conversations.end()) {
            return;
        }
        const QString oldSkill = known->skillId;
        const QList<DialogInfo> before = known->dialogs;
        // The server may report the removal before (or without) the skill change of the same
        // request, so a transfer we asked for supplies the skill (reference §3.5: UNCONFIRMED).
        QString newSkill = !change.skillId.isEmpty() && change.skillId != oldSkill ? change.skillId : QString();
        if (newSkill.isEmpty()) {
            newSkill = m_pendingTransfers.value(id);
        }
        forgetConversation(id, !isOpen);
        reportDialogChanges(id, before, change.dialogs);
        if (!isOpen) {
            const QString reason = change.closeReason.isEmpty() ? u"UNKNOWN"_s : change.closeReason;
            qCInfo(lcLivePerson) << "Conversation" << id << "closed:" << reason;
            Q_EMIT conversationClosed(id, reason);
        } else if (!newSkill.isEmpty()) {
            qCInfo(lcLivePerson) << "Conversation" << id << "moved to skill" << newSkill;
            Q_EMIT conversationTransferred(id, newSkill);
        } else {
            qCInfo(lcLivePerson) << "Bot left conversation" << id;
            Q_EMIT removedFromConversation(id);
        }
        return;
    }

    ConversationInfo info;
    info.conversationId = id;
    info.consumerId = change.consumerId();
    info.skillId = change.skillId;
    info.dialogs = change.dialogs;
    info.channel = ChannelType::Messaging;
    info.context = change.context;
    info.botAssigned = role == QLatin1String("ASSIGNED_AGENT");
    info.state = change.state;
    info.startTs = change.startTs;
    info.ttr = change.ttr;

    if (known == m_conversations.end()) {
        const auto tracked = m_conversations.insert(id, {});
        *tracked = TrackedConversation::from(info, tracked.key(), *this);
        // What slots keep of `info` (and the dialog table's keys) shares the tracked copy's strings.
        info.conversationId = tracked.key();
        info.skillId = tracked->skillId;
        info.dialogs = tracked->dialogs;
        qCInfo(lcLivePerson) << "Conversation" << id << "started on skill" << info.skillId << "as" << role;
        Q_EMIT conversationStarted(info);
        for (const DialogInfo &dialog : std::as_const(info.dialogs)) {
            if (dialog.isOpen() && m_conversations.contains(id)) {
                queryDialog(id, dialog.dialogId);
            }
        }
        return;
    }

    const QList<DialogInfo> previous = known->dialogs;
    const bool resync = known->needsResync;
    *known = TrackedConversation::from(info, known.key(), *this);
    info.conversationId = known.key();
    info.skillId = known->skillId;
    info.dialogs = known->dialogs;
    const QList<DialogInfo> opened = reportDialogChanges(id, previous, info.dialogs);
    for (const DialogInfo &dialog : std::as_const(info.dialogs)) {
        if (!m_conversations.contains(id)) {
            return; // a slot reacted by forgetting it
        }
        const bool reopened = std::any_of(
            opened.cbegin(), opened.cend(), [&dialog](const DialogInfo &d) { return d.dialogId == dialog.dialogId; });
        if (dialog.isOpen() && (reopened || resync)) {
            queryDialog(id, dialog.dialogId);
        }
    }
}

QList<DialogInfo> MessagingAgentChannel::reportDialogChanges(const QString &conversationId,
                                                             const QList<DialogInfo> &before,
                                                             const QList<DialogInfo> &after)
{
    QList<DialogInfo> opened;
    for (const DialogInfo &dialog : after) {
        const auto previous = std::find_if(
            before.cbegin(), before.cend(), [&dialog](const DialogInfo &d) { return d.dialogId == dialog.dialogId; });
        if (previous != before.cend() && previous->state == dialog.state) {
            continue;
        }
        if (dialog.isOpen()) {
            opened.append(dialog);
        }
        Q_EMIT dialogChanged(conversationId, dialog);
    }
    return opened;
}

void MessagingAgentChannel::forgetConversation(const QString &conversationId, bool closed)
{
    const auto it = m_conversations.find(conversationId);
    if (it == m_conversations.end()) {
        return;
    }
    for (const DialogInfo &dialog : std::as_const(it->dialogs)) {
        auto track = m_dialogs.find(dialog.dialogId);
        if (track != m_dialogs.end() && closed) {
            // A closed conversation never opens again (the consumer's next message starts a new
            // one) and events of conversations we do not hold are not delivered: nothing to keep.
            // Kept, these entries grew with every conversation the connector ever saw.
            m_dialogs.erase(track);
        } else if (track != m_dialogs.end()) {
            // Keep only the high-water mark: enough to never deliver the same message twice.
            track->floor = std::max(track->floor, track->maxDelivered);
            track->delivered.clear();
            track->delivered.squeeze();
            track->buffered.clear();
        }
    }
    m_conversations.erase(it);
    m_pendingTransfers.remove(conversationId);
}

void MessagingAgentChannel::handleResyncTimeout()
{
    QStringList gone;
    for (auto it = m_conversations.cbegin(); it != m_conversations.cend(); ++it) {
        if (it->needsResync) {
            gone.append(it.key());
        }
    }
    for (const QString &id : std::as_const(gone)) {
        qCInfo(lcLivePerson) << "Conversation" << id << "was not reported open after reconnecting";
        forgetConversation(id, false); // maybe only not reported: keep the high-water marks
        Q_EMIT conversationClosed(id, u"NOT_OPEN_AFTER_RECONNECT"_s);
    }
}

QString MessagingAgentChannel::conversationOfDialog(const QString &dialogId) const
{
    if (m_conversations.contains(dialogId)) {
        return dialogId; // the MAIN dialog's id is the conversation id
    }
    for (auto it = m_conversations.cbegin(); it != m_conversations.cend(); ++it) {
        for (const DialogInfo &dialog : it->dialogs) {
            if (dialog.dialogId == dialogId) {
                return it.key();
            }
        }
    }
    return {};
}

void MessagingAgentChannel::queryDialog(const QString &conversationId, const QString &dialogId)
{
    if (!m_ums || !m_ums->isOpen()) {
        return;
    }
    DialogTrack &track = m_dialogs[dialogId];
    if (track.queryPending) {
        track.queryAgain = true;
        return;
    }
    std::optional<qint64> last;
    if (resumeProvider()) {
        last = resumeProvider()(conversationId, dialogId);
    }
    if (!last && track.maxDelivered >= 0) {
        last = track.maxDelivered;
    }
    track.queryPending = true;
    track.queryAgain = false;
    ++m_stats.queriesSent;
    qCDebug(lcLivePerson) << "QueryMessages for dialog" << dialogId << "after sequence" << (last ? *last : -1);
    const quint64 run = runId();
    m_ums->request(Ums::Type::QueryMessages,
                   Ums::queryMessagesBody(dialogId, last),
                   [this, run, conversationId, dialogId](const CommandResult &result) {
                       if (run != runId()) {
                           return;
                       }
                       const auto found = m_dialogs.find(dialogId);
                       if (found == m_dialogs.end()) {
                           return; // the conversation closed while the query ran (forgetConversation)
                       }
                       DialogTrack &track = *found;
                       track.queryPending = false;
                       QList<Ums::MessagingEvent> events = std::exchange(track.buffered, {});
                       QSet<qint64> fromQuery;
                       if (result.ok()) {
                           auto parsed = Ums::parseQueryMessagesResponse(result.body);
                           if (!parsed) {
                               countMalformed(Ums::Type::QueryMessages, parsed.error().message);
                           } else {
                               for (const QString &error : std::as_const(parsed->errors)) {
                                   countMalformed(Ums::Type::QueryMessages, error);
                               }
                               for (const Ums::MessagingEvent &event : std::as_const(parsed->events)) {
                                   fromQuery.insert(event.sequence);
                                   events.append(event);
                               }
                           }
                       } else if (result.error->kind != ApiErrorKind::NotConnected) {
                           qCWarning(lcLivePerson) << "QueryMessages failed for dialog" << dialogId
                                                   << ApiError::kindName(result.error->kind) << result.code;
                       }
                       std::stable_sort(events.begin(), events.end(), [](const auto &a, const auto &b) {
                           return a.sequence < b.sequence;
                       });
                       QList<qint64> acked;
                       for (const Ums::MessagingEvent &event : std::as_const(events)) {
                           handleEvent(event, conversationId, fromQuery.contains(event.sequence), &acked);
                       }
                       if (!acked.isEmpty()) {
                           acknowledge(dialogId, acked);
                       }
                       if (track.queryAgain && m_conversations.contains(conversationId)) {
                           queryDialog(conversationId, dialogId);
                       }
                   });
}

void MessagingAgentChannel::handleEvent(const Ums::MessagingEvent &event,
                                        const QString &conversationHint,
                                        bool recovered,
                                        QList<qint64> *acked,
                                        const Ums::FrameReader *reader)
{
    QString conversationId = event.conversationId;
    if (conversationId.isEmpty() || !m_conversations.contains(conversationId)) {
        conversationId =
            m_conversations.contains(conversationHint) ? conversationHint : conversationOfDialog(event.dialogId);
    }
    if (conversationId.isEmpty()) {
        // Not ours (yet): joining a conversation queries its history, so nothing is lost.
        qCDebug(lcLivePerson) << "Event for an unknown conversation, dialog" << event.dialogId;
        return;
    }
    DialogTrack &track = m_dialogs[event.dialogId];
    if (track.queryPending && !recovered && conversationHint.isEmpty()) {
        // Keep order: live events wait until the gap-filling query has answered.
        track.buffered.append(event);
        if (!event.hasContent && reader) {
            reader->fillEventContent(track.buffered.last()); // the frame is gone when it is handled
        }
        return;
    }
    if (isOwnEvent(event)) {
        ++m_stats.echoesIgnored;
        return;
    }
    const TrackedConversation &tracked = m_conversations[conversationId];
    const bool consumer = event.originatorRole == QLatin1String("CONSUMER") ||
                          (event.originatorRole.isEmpty() && event.originatorId == tracked.consumerId);
    if (!consumer) {
        return;
    }
    // Only content events carry something to deliver (toConversationMessage() reads nothing else).
    std::optional<Ums::MessagingEvent> withContent;
    if (!event.hasContent && reader &&
        (event.eventType == QLatin1String("ContentEvent") || event.eventType == QLatin1String("RichContentEvent"))) {
        withContent = event;
        reader->fillEventContent(*withContent);
    }
    auto message = Ums::toConversationMessage(withContent ? *withContent : event);
    if (!message) {
        countMalformed(u"messaging event"_s, message.error().message);
        return;
    }
    if (!message->has_value()) {
        return; // receipts, chat states and unknown event types carry nothing to deliver
    }
    const auto slot = std::lower_bound(track.delivered.begin(), track.delivered.end(), event.sequence);
    if (event.sequence <= track.floor || (slot != track.delivered.end() && *slot == event.sequence)) {
        ++m_stats.duplicatesDropped;
        return;
    }
    track.delivered.insert(slot, event.sequence);
    track.maxDelivered = std::max(track.maxDelivered, event.sequence);
    ConversationMessage delivered = **message;
    delivered.conversationId = conversationId;
    delivered.originatorRole = u"CONSUMER"_s;
    delivered.recovered = recovered;
    acked->append(event.sequence);
    qCDebug(lcLivePerson) << "Consumer message" << conversationId << event.dialogId << event.sequence
                          << messageKindName(delivered.kind) << (recovered ? "(recovered)" : "");
    Q_EMIT consumerMessage(delivered);
}

bool MessagingAgentChannel::isOwnEvent(const Ums::MessagingEvent &event) const
{
    return event.originatorId == agentId()
           || (!session().userPid.isEmpty()
               && (event.originatorMetadataId == session().userPid || event.originatorPId == session().userPid));
}

void MessagingAgentChannel::fetchOwnMessages(const QString &conversationId,
                                             const QString &dialogId,
                                             qint64 afterSequence,
                                             OwnMessagesCompletion done)
{
    if (!m_ums || !m_ums->isOpen() || !isLoggedIn()) {
        done.complete(OwnMessages{{},
                                  ApiError::make(ApiErrorKind::NotConnected,
                                                 tr("Reading the history of %1: the LivePerson channel is not "
                                                    "connected (%2).")
                                                     .arg(conversationId, channelStateName(status().state)))});
        return;
    }
    const QString dialog = dialogId.isEmpty() ? conversationId : dialogId;
    const quint64 run = runId();
    // Reference §3 (MessagingEventNotification): the bot's own published events come back in the
    // history like everyone else's, told apart by originatorId / originatorMetadata.id.
    m_ums->request(Ums::Type::QueryMessages,
                   Ums::queryMessagesBody(dialog, afterSequence),
                   [this, run, conversationId, done = std::move(done)](const CommandResult &result) {
                       if (run != runId()) {
                           done.complete(OwnMessages{
                               {}, ApiError::make(ApiErrorKind::NotConnected,
                                                  tr("Reading the history of %1: the connection was replaced.")
                                                      .arg(conversationId))});
                           return;
                       }
                       if (!result.ok()) {
                           done.complete(OwnMessages{{}, result.error});
                           return;
                       }
                       auto parsed = Ums::parseQueryMessagesResponse(result.body);
                       if (!parsed) {
                           countMalformed(Ums::Type::QueryMessages, parsed.error().message);
                           done.complete(OwnMessages{
                               {}, ApiError::make(ApiErrorKind::Protocol,
                                                  tr("Reading the history of %1: %2")
                                                      .arg(conversationId, parsed.error().message))});
                           return;
                       }
                       OwnMessages own;
                       for (const QString &error : std::as_const(parsed->errors)) {
                           // A history with an unreadable item cannot prove what is missing.
                           countMalformed(Ums::Type::QueryMessages, error);
                           own.error = ApiError::make(ApiErrorKind::Protocol,
                                                      tr("Reading the history of %1: %2").arg(conversationId, error));
                       }
                       for (const Ums::MessagingEvent &event : std::as_const(parsed->events)) {
                           if (!isOwnEvent(event)) {
                               continue;
                           }
                           auto message = Ums::toConversationMessage(event);
                           if (!message) {
                               countMalformed(u"messaging event"_s, message.error().message);
                               own.error = ApiError::make(ApiErrorKind::Protocol,
                                                          tr("Reading the history of %1: %2")
                                                              .arg(conversationId, message.error().message));
                               continue;
                           }
                           if (message->has_value()) {
                               own.messages.append(**message);
                           }
                       }
                       if (own.error) {
                           own.messages.clear();
                       }
                       std::stable_sort(own.messages.begin(), own.messages.end(), [](const auto &a, const auto &b) {
                           return a.sequence < b.sequence;
                       });
                       done.complete(own);
                   });
}

void MessagingAgentChannel::acknowledge(const QString &dialogId, const QList<qint64> &sequences)
{
    if (!m_ums || !m_ums->isOpen()) {
        return;
    }
    // One receipt per batch: READ, which says the message was delivered too, or ACCEPT (delivered,
    // not read) when autoRead is off. The reference's sequence from `new Agent` to the first
    // consumer message publishes only READ before the reply (liveperson-protocol.md §8, step 8),
    // as the official SDK's agent-bot example does; an ACCEPT first cost a request, its response
    // and its echo for every consumer message.
    const QString status = m_config.autoRead ? u"READ"_s : u"ACCEPT"_s;
    const auto event = Ums::acceptStatusEventJson(status, sequences);
    if (!event) {
        return;
    }
    m_ums->requestJson(
        Ums::Type::PublishEvent,
        Ums::publishEventBodyJson(dialogId, *event, MessageAudience::All),
        [status](const CommandResult &result) {
            if (!result.ok() && result.error->kind != ApiErrorKind::NotConnected) {
                qCWarning(lcLivePerson) << "Sending" << status << "receipt failed:" << result.code;
            }
        },
        false);
}

// ---------------------------------------------------------------------------------------------
// Commands

RequestId MessagingAgentChannel::runCommand(const QString &what,
                                            const QString &type,
                                            const QByteArray &bodyJson,
                                            CommandCompletion done,
                                            const QJsonArray &metadata,
                                            const QString &encodedMetadata)
{
    if (!m_ums || !m_ums->isOpen() || !isLoggedIn()) {
        return rejectCommand(
            ApiErrorKind::NotConnected,
            tr("%1: the LivePerson channel is not connected (%2).").arg(what, channelStateName(status().state)),
            std::move(done));
    }
    const RequestId id = nextRequestId();
    m_inflight.insert(id, std::move(done));
    m_ums->requestJson(
        type,
        bodyJson,
        [this, id](const CommandResult &response) {
            CommandResult result = response;
            result.requestId = id;
            m_inflight.take(id).complete(result);
        },
        true, // CommandResult::sequence() reads a PublishEvent's body
        metadata,
        encodedMetadata);
    return id;
}

RequestId MessagingAgentChannel::publish(const QString &what,
                                         const QString &conversationId,
                                         const QString &dialogId,
                                         const Result<QByteArray> &event,
                                         const PublishOptions &options,
                                         CommandCompletion done)
{
    if (conversationId.isEmpty()) {
        return rejectCommand(ApiErrorKind::InvalidArgument, tr("%1: no conversation id.").arg(what), std::move(done));
    }
    if (!event) {
        return rejectCommand(
            ApiErrorKind::InvalidArgument, tr("%1: %2.").arg(what, event.error().message), std::move(done));
    }
    const auto metadata = Ums::validateMetadata(options.metadata);
    if (!metadata) {
        return rejectCommand(
            ApiErrorKind::InvalidArgument, tr("%1: %2.").arg(what, metadata.error().message), std::move(done));
    }
    const auto encoded = Ums::validateEncodedMetadata(options.encodedMetadata);
    if (!encoded) {
        return rejectCommand(
            ApiErrorKind::InvalidArgument, tr("%1: %2.").arg(what, encoded.error().message), std::move(done));
    }
    QString dialog = dialogId;
    if (dialog.isEmpty()) {
        const auto it = m_conversations.constFind(conversationId);
        dialog = it == m_conversations.constEnd() ? conversationId : it->activeDialogId(it.key());
    }
    const RequestId id = runCommand(what,
                                    Ums::Type::PublishEvent,
                                    Ums::publishEventBodyJson(dialog, *event, options.audience),
                                    std::move(done),
                                    options.metadata,
                                    options.encodedMetadata);
    // A bot reply is recorded as published (the publication journal, at most once) just before
    // this call. Written on QSslSocket's queued flush, the frame would leave one event-loop turn
    // later; written now, a kill between the mark and the write needs the process descheduled
    // between two system calls. Should it happen, the restarted SessionEngine finds the reply
    // missing in LivePerson's history (fetchOwnMessages()) and sends it then.
    if (m_ums) {
        m_ums->flush();
    }
    return id;
}

RequestId MessagingAgentChannel::sendText(const QString &conversationId,
                                          const QString &dialogId,
                                          const QString &text,
                                          const PublishOptions &options,
                                          CommandCompletion done)
{
    return publish(tr("Sending text"),
                   conversationId,
                   dialogId,
                   Ums::textEventJson(text, options.quickReplies),
                   options,
                   std::move(done));
}

RequestId MessagingAgentChannel::sendRichContent(const QString &conversationId,
                                                 const QString &dialogId,
                                                 const QJsonObject &card,
                                                 const PublishOptions &options,
                                                 CommandCompletion done)
{
    return publish(tr("Sending structured content"),
                   conversationId,
                   dialogId,
                   eventJson(Ums::richContentEvent(card, options.quickReplies)),
                   options,
                   std::move(done));
}

RequestId MessagingAgentChannel::sendTyping(const QString &conversationId,
                                            const QString &dialogId,
                                            bool typing,
                                            CommandCompletion done)
{
    return publish(tr("Sending a typing indicator"),
                   conversationId,
                   dialogId,
                   Result<QByteArray>(JsonWriter::toJson(Ums::chatStateEvent(typing ? u"COMPOSING"_s : u"ACTIVE"_s))),
                   {},
                   std::move(done));
}

RequestId MessagingAgentChannel::markRead(const QString &conversationId,
                                          const QString &dialogId,
                                          const QList<qint64> &sequences,
                                          CommandCompletion done)
{
    return publish(tr("Sending read receipts"),
                   conversationId,
                   dialogId,
                   Ums::acceptStatusEventJson(u"READ"_s, sequences),
                   {},
                   std::move(done));
}

RequestId MessagingAgentChannel::updateFields(const QString &what,
                                              const QString &conversationId,
                                              const QJsonArray &fields,
                                              const QJsonArray &metadata,
                                              CommandCompletion done)
{
    if (conversationId.isEmpty()) {
        return rejectCommand(ApiErrorKind::InvalidArgument, tr("%1: no conversation id.").arg(what), std::move(done));
    }
    const auto valid = Ums::validateMetadata(metadata);
    if (!valid) {
        return rejectCommand(
            ApiErrorKind::InvalidArgument, tr("%1: %2.").arg(what, valid.error().message), std::move(done));
    }
    return runCommand(what,
                      Ums::Type::UpdateConversationField,
                      JsonWriter::toJson(Ums::updateConversationFieldBody(conversationId, fields)),
                      std::move(done),
                      metadata);
}

RequestId MessagingAgentChannel::transferToSkill(const QString &conversationId,
                                                 const QString &skillId,
                                                 const QJsonArray &metadata,
                                                 CommandCompletion done)
{
    if (skillId.isEmpty()) {
        return rejectCommand(ApiErrorKind::InvalidArgument, tr("Transfer: no skill id."), std::move(done));
    }
    QJsonArray fields;
    const auto known = m_conversations.constFind(conversationId);
    // Removing an assigned agent when the bot is not one fails the whole request (reference §4).
    if (known == m_conversations.constEnd() || known->botAssigned) {
        fields.append(Ums::participantsChangeField(u"REMOVE"_s, u"ASSIGNED_AGENT"_s, agentId()));
    }
    fields.append(Ums::skillChangeField(skillId));
    QJsonArray envelope = metadata;
    if (!hasMetadataType(envelope, u"ActionReason"_s)) {
        envelope.prepend(
            QJsonObject{{u"type"_s, u"ActionReason"_s}, {u"reason"_s, u"escalated_by_bot"_s}, {u"reasonId"_s, u"3"_s}});
    }
    qCInfo(lcLivePerson) << "Transferring conversation" << conversationId << "to skill" << skillId;
    return updateFields(tr("Transfer to skill %1").arg(skillId),
                        conversationId,
                        fields,
                        envelope,
                        trackTransfer(conversationId, skillId, std::move(done)));
}

CommandCompletion
MessagingAgentChannel::trackTransfer(const QString &conversationId, const QString &skillId, CommandCompletion done)
{
    if (!m_conversations.contains(conversationId)) {
        return done;
    }
    m_pendingTransfers.insert(conversationId, skillId);
    return CommandCompletion(this, [this, conversationId, skillId, done](const CommandResult &result) {
        if (!result.ok() && m_pendingTransfers.value(conversationId) == skillId) {
            m_pendingTransfers.remove(conversationId);
        }
        done.complete(result);
    });
}

RequestId MessagingAgentChannel::transferToAgent(const QString &conversationId,
                                                 const QString &agentUserId,
                                                 const QString &skillId,
                                                 const QJsonArray &metadata,
                                                 CommandCompletion done)
{
    if (agentUserId.isEmpty() || skillId.isEmpty()) {
        return rejectCommand(
            ApiErrorKind::InvalidArgument, tr("Transfer to agent: agent and skill are both needed."), std::move(done));
    }
    const QJsonArray fields{
        Ums::participantsChangeField(u"REMOVE"_s, u"ASSIGNED_AGENT"_s, agentId()),
        Ums::participantsChangeField(
            u"SUGGEST"_s, u"ASSIGNED_AGENT"_s, Ums::agentOldId(m_config.accountId, agentUserId)),
        Ums::skillChangeField(skillId),
    };
    QJsonArray envelope = metadata;
    if (!hasMetadataType(envelope, u"ActionReason"_s)) {
        envelope.prepend(
            QJsonObject{{u"type"_s, u"ActionReason"_s}, {u"reason"_s, u"escalated_by_bot"_s}, {u"reasonId"_s, u"3"_s}});
    }
    return updateFields(tr("Transfer to agent %1").arg(agentUserId),
                        conversationId,
                        fields,
                        envelope,
                        trackTransfer(conversationId, skillId, std::move(done)));
}

RequestId MessagingAgentChannel::closeConversation(const QString &conversationId, CommandCompletion done)
{
    return updateFields(
        tr("Closing the conversation"), conversationId, {Ums::closeConversationField()}, {}, std::move(done));
}

RequestId
MessagingAgentChannel::closeDialog(const QString &conversationId, const QString &dialogId, CommandCompletion done)
{
    const QString dialog = dialogId.isEmpty() ? conversationId : dialogId;
    return updateFields(tr("Closing the dialog"), conversationId, {Ums::closeDialogField(dialog)}, {}, std::move(done));
}

RequestId
MessagingAgentChannel::setTtr(const QString &conversationId, TtrType type, int seconds, CommandCompletion done)
{
    if (type == TtrType::Custom && seconds <= 0) {
        return rejectCommand(
            ApiErrorKind::InvalidArgument, tr("A custom TTR needs a positive number of seconds."), std::move(done));
    }
    return updateFields(
        tr("Changing the TTR"), conversationId, {Ums::ttrChangeField(type, seconds)}, {}, std::move(done));
}

} // namespace Switchboard::LivePerson
