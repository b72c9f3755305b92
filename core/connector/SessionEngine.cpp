// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SessionEngine.h"

#include "ConnectorLogging.h"
#include "EventLog.h"
#include "LatencyProbe.h"
#include "bot/BotClient.h"
#include "bot/BotErrors.h"
#include "bot/QuickReplies.h"
#include "liveperson/AgentChannel.h"
#include "storage/TranscriptStore.h"
#include "util/Clock.h"
#include "util/JsonWriter.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <utility>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace Switchboard::Connector
{

namespace
{
SessionState fromChannelState(LivePerson::ChannelState state)
{
    using LivePerson::ChannelState;
    switch (state) {
    case ChannelState::Stopped:
        return SessionState::Stopped;
    case ChannelState::Resolving:
        return SessionState::Resolving;
    case ChannelState::LoggingIn:
        return SessionState::LoggingIn;
    case ChannelState::Connecting:
        return SessionState::Connecting;
    case ChannelState::Online:
        return SessionState::Online;
    case ChannelState::Reconnecting:
        return SessionState::Reconnecting;
    case ChannelState::Stopping:
        return SessionState::Online;
    case ChannelState::Kicked:
        return SessionState::Kicked;
    case ChannelState::Failed:
        return SessionState::Failed;
    }
    return SessionState::Failed;
}

OutcomeClass outcomeOf(const Bot::HopRecord &hop)
{
    using Bot::HopOutcome;
    switch (hop.outcome) {
    case HopOutcome::Success:
        return OutcomeClass::Ok;
    case HopOutcome::Timeout:
        return OutcomeClass::Timeout;
    case HopOutcome::ConnectError:
    case HopOutcome::TlsError:
        return OutcomeClass::ConnectError;
    case HopOutcome::HttpClientError:
    case HopOutcome::RateLimited:
        return OutcomeClass::Http4xx;
    case HopOutcome::HttpServerError:
        return OutcomeClass::Http5xx;
    case HopOutcome::InvalidReply:
        return OutcomeClass::InvalidReply;
    case HopOutcome::Cancelled:
        return OutcomeClass::Ok;
    }
    return OutcomeClass::InvalidReply;
}

LivePerson::TtrType toChannelTtr(Bot::TtrType type)
{
    switch (type) {
    case Bot::TtrType::Urgent:
        return LivePerson::TtrType::Urgent;
    case Bot::TtrType::Normal:
        return LivePerson::TtrType::Normal;
    case Bot::TtrType::Prioritized:
        return LivePerson::TtrType::Prioritized;
    case Bot::TtrType::Custom:
        return LivePerson::TtrType::Custom;
    }
    return LivePerson::TtrType::Normal;
}

Storage::MessageRole storageRole(TranscriptRole role)
{
    switch (role) {
    case TranscriptRole::Consumer:
        return Storage::MessageRole::Consumer;
    case TranscriptRole::Bot:
        return Storage::MessageRole::Bot;
    case TranscriptRole::HumanAgent:
        return Storage::MessageRole::Agent;
    case TranscriptRole::Private:
        return Storage::MessageRole::Private;
    case TranscriptRole::System:
    case TranscriptRole::Error:
    case TranscriptRole::Escalation:
        return Storage::MessageRole::System;
    }
    return Storage::MessageRole::System;
}

QString statusName(ConversationStatus status)
{
    switch (status) {
    case ConversationStatus::Open:
        return QStringLiteral("open");
    case ConversationStatus::Escalated:
        return QStringLiteral("escalated");
    case ConversationStatus::Closed:
        return QStringLiteral("closed");
    }
    return QStringLiteral("open");
}

/** Attempts at one transfer when the connection keeps failing it (the first one included). */
constexpr int s_maxTransferAttempts = 3;

/** Deliveries this soon after a memory return show that it came before the burst's end. */
constexpr qint64 s_prematureMemoryReturnMs = 1000;

/**
 * A command that failed without a clear answer: the request may have reached LivePerson (the socket
 * closed or the request timed out after it was sent). Rejections before sending and server refusals
 * are clear; a stop()-cancelled command is not a fault.
 */
bool isConnectionFailure(const LivePerson::CommandResult &result)
{
    return result.error && (result.error->kind == LivePerson::ApiErrorKind::NotConnected
                            || result.error->kind == LivePerson::ApiErrorKind::Timeout
                            || result.error->kind == LivePerson::ApiErrorKind::Network);
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty()) {
        return 0;
    }
    const auto index = std::min(values.size() - 1, size_t(std::ceil(p * double(values.size()))) - (p > 0 ? 1 : 0));
    std::nth_element(values.begin(), values.begin() + qsizetype(index), values.end());
    return values[index];
}
} // namespace

/** One bot answer on its way out: the items, where we are, and what was already published. */
struct SessionEngine::PendingResponse
{
    Delivery delivery;
    Bot::BotResponse response;
    int next = 0;
    QList<int> alreadyPublished;
    /** False while a recovered response's restart bookkeeping is being read: not to be published yet. */
    bool ready = true;
    /** LivePerson's history could not be read while the channel was down: read once it is online. */
    bool awaitingHistory = false;
    /** Reads of the history that met a lost connection (at most s_maxHistoryReads). */
    int historyReads = 0;
    /** Highest item index recorded as published (write-ahead), -1 = none yet. */
    int markedIndex = -1;
    bool failed = false;
    /** The channel was not online: the response waits at the head of the queue, nothing was sent. */
    bool held = false;
    /** A publish failed ambiguously: escalate instead of marking the message handled. */
    bool escalate = false;
    QString escalateCause = QStringLiteral("liveperson.publish_failed");
    QString failure;
    /** LatencyProbe start of the outbound leg (0 = not measured). */
    std::int64_t probeStartNs = 0;
};

SessionEngine::SessionEngine(SessionSettings settings,
                             SessionParts parts,
                             Storage::TranscriptStore *store,
                             EventLog *eventLog,
                             const Clock &clock,
                             QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_parts(std::move(parts))
    , m_store(store)
    , m_eventLog(eventLog)
    , m_clock(clock)
    , m_health(clock)
{
    m_status.since = m_clock.now();
}

SessionEngine::~SessionEngine() = default;

void SessionEngine::start()
{
    m_stopping = false;
    if (!m_tickTimer) {
        m_tickTimer = new QTimer(this);
        m_tickTimer->setSingleShot(true);
        m_tickTimer->setInterval(m_settings.tickMs);
        connect(m_tickTimer, &QTimer::timeout, this, &SessionEngine::emitTick);
        // The oldest finished conversation is due: a tick drops it even when nothing else happens.
        m_retireTimer = new QTimer(this);
        m_retireTimer->setSingleShot(true);
        connect(m_retireTimer, &QTimer::timeout, this, &SessionEngine::scheduleTick);
        m_returnMemoryThreshold = m_settings.returnMemoryAfterDeliveries;
        m_returnMemoryTimer = new QTimer(this);
        m_returnMemoryTimer->setSingleShot(true);
        m_returnMemoryTimer->setInterval(m_settings.returnMemoryIdleMs);
        connect(m_returnMemoryTimer, &QTimer::timeout, this, &SessionEngine::returnFreeMemory);
        m_probeTimer = new QTimer(this);
        m_probeTimer->setSingleShot(true);
        connect(m_probeTimer, &QTimer::timeout, this, [this] {
            if (m_bot) {
                m_bot->probeState();
            }
        });
    }
    if (!m_channel) {
        m_channel = m_parts.makeChannel(this);
        if (!m_channel) {
            setStatus(SessionState::Failed, tr("The integration is not configured completely."));
            return;
        }
        m_channel->setResumeSequenceProvider([this](const QString &conversationId, const QString &dialogId) {
            return resumeSequence(conversationId, dialogId);
        });
        connect(m_channel, &LivePerson::AgentChannel::stateChanged, this, &SessionEngine::handleChannelState);
        connect(m_channel, &LivePerson::AgentChannel::conversationStarted, this,
                &SessionEngine::handleConversationStarted);
        connect(m_channel, &LivePerson::AgentChannel::consumerMessage, this, &SessionEngine::handleConsumerMessage);
        connect(m_channel, &LivePerson::AgentChannel::conversationClosed, this,
                &SessionEngine::handleConversationClosed);
        connect(m_channel, &LivePerson::AgentChannel::conversationTransferred, this,
                &SessionEngine::handleConversationTransferred);
        connect(m_channel, &LivePerson::AgentChannel::removedFromConversation, this, &SessionEngine::handleRemoved);
        connect(m_channel, &LivePerson::AgentChannel::dialogChanged, this, &SessionEngine::handleDialogChanged);
        connect(m_channel, &LivePerson::AgentChannel::skillsChanged, this, &SessionEngine::handleSkills);
        connect(m_channel, &LivePerson::AgentChannel::stopped, this, [this] {
            if (m_bot) {
                m_bot->cancelAll();
            }
            persistHealthSecond();
            setStatus(SessionState::Stopped, QString());
            m_store->flush(this, [this] { Q_EMIT stopped(); });
        });
    }
    if (m_bot) {
        m_channel->start();
        m_bot->probeState();
        return;
    }
    if (m_parts.resolveSentinel) {
        setStatus(SessionState::Resolving, QString());
        m_parts.resolveSentinel(this, [this](const QString &sentinelUrl, const QString &error) {
            if (!error.isEmpty()) {
                logEvent(2, QString(), QStringLiteral("bot.token_error"),
                         tr("Sentinel of “%1” could not be found: %2").arg(m_settings.name, error));
            }
            if (m_stopping) {
                return;
            }
            createBot(sentinelUrl);
        });
        return;
    }
    createBot(QString());
}

void SessionEngine::createBot(const QString &sentinelUrl)
{
    if (!m_bot) {
        m_bot = m_parts.makeBot(sentinelUrl, this);
        if (!m_bot) {
            setStatus(SessionState::Failed, tr("The bot of the integration is not configured completely."));
            return;
        }
        connect(m_bot, &Bot::BotClient::replied, this, &SessionEngine::handleReplied);
        connect(m_bot, &Bot::BotClient::deliveryFailed, this, &SessionEngine::handleDeliveryFailed);
        connect(m_bot, &Bot::BotClient::attemptFinished, this, &SessionEngine::handleAttempt);
        connect(m_bot, &Bot::BotClient::stateProbed, this, &SessionEngine::handleStateProbed);
        connect(m_bot, &Bot::BotClient::eventsCombined, this, &SessionEngine::handleEventsCombined);
    }
    m_channel->start();
    m_bot->probeState();
}

void SessionEngine::stop()
{
    m_stopping = true;
    m_probeTimer->stop();
    if (!m_channel) {
        setStatus(SessionState::Stopped, QString());
        Q_EMIT stopped();
        return;
    }
    if (m_bot) {
        m_bot->flushBursts();
    }
    m_channel->stop();
}

// --- channel ---------------------------------------------------------------------------------

void SessionEngine::handleChannelState(const LivePerson::ChannelStatus &status)
{
    if (m_stopping && status.state != LivePerson::ChannelState::Stopped) {
        // Keep showing the last running state until stopped() says we are done.
        return;
    }
    if (status.state == LivePerson::ChannelState::Stopped) {
        // Reported by the stopped() handler once the store is flushed.
        return;
    }
    setStatus(fromChannelState(status.state), status.reason, status.nextAttemptAt);
    if (status.state == LivePerson::ChannelState::Online) {
        scheduleProbe();
        // After the channel has finished its own work for this state change.
        QMetaObject::invokeMethod(this, &SessionEngine::resumeAfterReconnect, Qt::QueuedConnection);
    }
}

bool SessionEngine::channelOnline() const
{
    return m_channel && !m_stopping && m_channel->status().state == LivePerson::ChannelState::Online;
}

void SessionEngine::resumeAfterReconnect()
{
    if (!channelOnline()) {
        return;
    }
    const QStringList ids = m_conversations.keys();
    for (const QString &id : ids) {
        Conversation *conv = findConversation(id);
        if (!conv) {
            continue;
        }
        if (conv->transfer && conv->transfer->waiting && !conv->transfer->inFlight) {
            transferNow(id);
        }
        for (const std::shared_ptr<PendingResponse> &pending : std::as_const(conv->publishQueue)) {
            if (std::exchange(pending->awaitingHistory, false)) {
                checkHistory(id, pending);
            }
        }
        if (!conv->publishing && !conv->publishQueue.empty()) {
            publishNext(id);
        }
    }
}

void SessionEngine::handleSkills(const QList<LivePerson::Skill> &skills)
{
    m_skills.clear();
    for (const auto &skill : skills) {
        m_skills.append(SkillInfo{skill.id, skill.name});
    }
    Q_EMIT skillsChanged(m_skills);
}

SessionEngine::Conversation &SessionEngine::conversation(const QString &conversationId)
{
    auto it = m_conversations.find(conversationId);
    if (it == m_conversations.end()) {
        it = m_conversations.insert(conversationId, Conversation{});
        it->snapshot.id = conversationId;
        it->snapshot.channel = m_settings.channel;
        it->snapshot.startedAt = m_clock.now();
        it->snapshot.lastActivityAt = it->snapshot.startedAt;
        it->dialogId = it->snapshot.id;
    }
    return *it;
}

QString SessionEngine::intern(const QString &value)
{
    if (value.isEmpty()) {
        return QString();
    }
    const auto it = m_interned.constFind(value);
    if (it != m_interned.cend()) {
        return *it;
    }
    // Bounded: ids of skills, engagements and campaigns and languages are few; past the bound
    // values are simply kept as they come.
    if (m_interned.size() < 4096) {
        m_interned.insert(value);
    }
    return value;
}

void SessionEngine::noteDeliveryDone()
{
    if (m_deliveryOwners.isEmpty() && m_returnMemoryTimer && m_returnMemoryThreshold > 0 &&
        m_deliveriesSinceMemoryReturned >= m_returnMemoryThreshold) {
        m_returnMemoryTimer->start();
    }
}

void SessionEngine::returnFreeMemory()
{
    if (!m_deliveryOwners.isEmpty()) {
        return;
    }
    m_deliveriesSinceMemoryReturned = 0;
    m_returnMemoryThreshold = m_settings.returnMemoryAfterDeliveries;
    m_sinceMemoryReturned.start();
    std::function<void()> returnHeap = m_parts.returnFreeMemory;
    if (!returnHeap) {
        returnHeap = [] {
#ifdef __GLIBC__
            // A burst leaves malloc's arenas with free pages between the data that stays (queued
            // bot requests, UMS and transcript records of the burst); they stay resident until
            // given back.
            malloc_trim(0);
#endif
        };
    }
    // The transcript store's page cache first (SQLite's cached pages of the burst, up to 8 MiB),
    // so that its memory is among the free pages given back.
    if (m_store) {
        m_store->releaseMemory(this, std::move(returnHeap));
    } else {
        returnHeap();
    }
}

std::shared_ptr<const SessionEngine::ContextIds> SessionEngine::sharedContextIds(const ContextIds &ids)
{
    if (ids.engagementId.isEmpty() && ids.campaignId.isEmpty() && ids.language.isEmpty()) {
        return nullptr;
    }
    // Unit separators cannot be confused with the values' own characters in these ids.
    const QString key = ids.engagementId + QChar(0x1f) + ids.campaignId + QChar(0x1f) + ids.language;
    const auto it = m_contextIds.constFind(key);
    if (it != m_contextIds.cend()) {
        return *it;
    }
    auto shared = std::make_shared<const ContextIds>(
        ContextIds{intern(ids.engagementId), intern(ids.campaignId), intern(ids.language)});
    if (m_contextIds.size() < 4096) {
        m_contextIds.insert(key, shared);
    }
    return shared;
}

SessionEngine::Conversation *SessionEngine::findConversation(const QString &conversationId)
{
    const auto it = m_conversations.find(conversationId);
    return it == m_conversations.end() ? nullptr : &*it;
}

SessionEngine::Conversation *SessionEngine::conversationOfDelivery(const QString &deliveryId)
{
    const auto owner = m_deliveryOwners.constFind(deliveryId);
    return owner == m_deliveryOwners.cend() ? nullptr : findConversation(*owner);
}

void SessionEngine::handleConversationStarted(const LivePerson::ConversationInfo &info)
{
    const bool known = m_conversations.contains(info.conversationId);
    Conversation &conv = conversation(info.conversationId);
    conv.snapshot.consumerId = info.consumerId;
    conv.snapshot.skillId = intern(info.skillId);
    if (info.startTs > 0 && !known) {
        conv.snapshot.startedAt = QDateTime::fromMSecsSinceEpoch(info.startTs, Qt::UTC);
    }
    // MAIN dialogs share the conversation's id: one string, not two.
    const QString activeDialog = info.activeDialogId();
    conv.dialogId = activeDialog.isEmpty() || activeDialog == conv.snapshot.id ? conv.snapshot.id : activeDialog;
    // Campaign and engagement come from LivePerson's conversation details when it sends them.
    const QJsonObject campaign = info.context.value(QStringLiteral("campaignInfo")).toObject();
    const auto idOf = [&](const QString &key) {
        const QJsonValue value = campaign.contains(key) ? campaign.value(key) : info.context.value(key);
        if (!value.isDouble()) {
            return value.toString();
        }
        // Ids are whole numbers; anything outside ±2^53 (or not whole) is kept as JSON wrote it
        // rather than cast (an out-of-range double → qint64 cast is undefined behaviour).
        const double number = value.toDouble();
        constexpr double exact = 9007199254740992.0;
        if (std::abs(number) <= exact && number == std::floor(number)) {
            return QString::number(qint64(number));
        }
        return QString::number(number, 'g', 17);
    };
    conv.contextIds = sharedContextIds({idOf(QStringLiteral("engagementId")),
                                        idOf(QStringLiteral("campaignId")),
                                        info.context.value(QStringLiteral("lang")).toString()});
    for (const auto &dialog : info.dialogs) {
        if (dialog.dialogId != conv.snapshot.id) {
            m_dialogOwners.insert(dialog.dialogId, conv.snapshot.id);
        }
    }
    touch(conv);
    persist(conv);
    if (known) {
        return;
    }
    addEntry(info.conversationId,
             TranscriptRole::System,
             tr("Conversation joined on skill %1.").arg(skillName(info.skillId)));
    if (m_health.isDown()) {
        // While the endpoint is down, new conversations go to the fallback skill at once.
        escalateConversation(info.conversationId,
                             m_settings.fallbackSkillId,
                             QStringLiteral("bot.endpoint_down"),
                             tr("The bot endpoint is down."),
                             QString(),
                             false);
        return;
    }
    if (m_settings.surveyBot && info.botAssigned) {
        for (const LivePerson::DialogInfo &dialog : info.dialogs) {
            if (dialog.dialogId == conv.dialogId && dialog.isOpen()
                && dialog.dialogType == QLatin1String("POST_SURVEY")) {
                startSurvey(conv, info);
                return;
            }
        }
    }
    if (m_settings.sendWelcome && info.botAssigned) {
        Bot::BotEvent event;
        event.deliveryId = QStringLiteral("%1:start").arg(info.conversationId);
        event.type = Bot::EventType::Start;
        event.conversationId = info.conversationId;
        event.dialogId = conv.dialogId;
        event.consumerId = info.consumerId;
        event.context.skillId = info.skillId;
        event.context.channel = m_settings.channel == QLatin1String("chat") ? Bot::ChannelType::Chat
                                                                            : Bot::ChannelType::Messaging;
        event.context.assignedAgentId = m_channel->agentId();
        Delivery delivery{event.deliveryId, {}, conv.dialogId, -1, false};
        conv.inFlight.insert(event.deliveryId, delivery);
        m_deliveryOwners.insert(event.deliveryId, info.conversationId);
        m_bot->deliver(event);
    }
}

void SessionEngine::startSurvey(Conversation &conv, const LivePerson::ConversationInfo &info)
{
    addEntry(info.conversationId,
             TranscriptRole::System,
             tr("Post-conversation survey started (dialog %1).").arg(conv.dialogId));
    Bot::BotEvent event;
    event.deliveryId = QStringLiteral("%1:survey").arg(conv.dialogId);
    event.type = Bot::EventType::SurveyStart;
    event.conversationId = info.conversationId;
    event.dialogId = conv.dialogId;
    event.consumerId = info.consumerId;
    event.context.skillId = info.skillId;
    event.context.channel =
        m_settings.channel == QLatin1String("chat") ? Bot::ChannelType::Chat : Bot::ChannelType::Messaging;
    event.context.assignedAgentId = m_channel->agentId();
    conv.inFlight.insert(event.deliveryId, Delivery{event.deliveryId, {}, conv.dialogId, -1, false});
    m_deliveryOwners.insert(event.deliveryId, info.conversationId);
    m_bot->deliver(event);
}

void SessionEngine::handleConsumerMessage(const LivePerson::ConversationMessage &message)
{
    m_probeInboundNs = LatencyProbe::startNs();
    Conversation &conv = conversation(message.conversationId);
    if (message.dialogId != conv.snapshot.id) {
        if (const auto owner = m_dialogOwners.constFind(message.dialogId);
            owner == m_dialogOwners.cend() || *owner != conv.snapshot.id) {
            m_dialogOwners.insert(message.dialogId == conv.dialogId ? conv.dialogId : message.dialogId,
                                  conv.snapshot.id);
        }
    }
    if (conv.snapshot.consumerId.isEmpty()) {
        conv.snapshot.consumerId = message.originatorId;
    }
    const QString deliveryId = message.dialogId + u':' + QString::number(message.sequence);
    // The conversation's own id strings rather than the parsed message's: what is queued for the
    // store (or kept while the bot answers) then keeps no per-message copies alive.
    const QString &conversationId = conv.snapshot.id;
    const QString &dialogId = message.dialogId == conv.dialogId ? conv.dialogId : message.dialogId;
    const qint64 now = m_clock.nowMs();

    Storage::MessageRecord record;
    record.conversationId = conversationId;
    record.dialogId = dialogId;
    record.sequence = message.sequence;
    record.role = Storage::MessageRole::Consumer;
    record.contentType = message.kind == LivePerson::MessageKind::RichContent ? QStringLiteral("rich_content")
                                                                              : QStringLiteral("text/plain");
    record.text = message.text;
    // The channel's compact text of the raw event when it has one: the same bytes, not serialised again.
    record.rawJson =
        message.rawJson.isEmpty() ? QJsonDocument(message.raw).toJson(QJsonDocument::Compact) : message.rawJson;
    record.timeMs = message.serverTimestamp > 0 ? message.serverTimestamp : now;
    record.deliveryId = deliveryId;
    m_store->appendMessage(record);
    Storage::HopRecord hop;
    hop.conversationId = conversationId;
    hop.deliveryId = deliveryId;
    hop.kind = Storage::HopKind::LpIn;
    hop.startedAtMs = record.timeMs;
    hop.finishedAtMs = now;
    hop.outcome = QStringLiteral("ok");
    // No payload: the message row above holds the same raw event; requestHops() shows it from there.
    m_store->appendHop(hop);

    ++m_consumerMessages;
    countMessage();
    conv.snapshot.lastText = message.text;
    ++conv.snapshot.messageCount;
    touch(conv);
    addEntry(conversationId,
             TranscriptRole::Consumer,
             message.kind == LivePerson::MessageKind::RichContent ? tr("[rich content]") : message.text,
             deliveryId,
             QString(),
             QString(),
             message.content);

    const Delivery done{deliveryId, {}, dialogId, message.sequence, message.recovered};
    if (conv.snapshot.status != ConversationStatus::Open) {
        // Already with a human (or closed): the bot is out of this conversation.
        markHandled(conv, done);
        return;
    }
    if (conv.escalating) {
        // The conversation is being handed to humans, who see this message in LivePerson: not for
        // the bot. Marked handled with the escalation, so a restart before it settles delivers it again.
        addEntry(message.conversationId,
                 TranscriptRole::System,
                 tr("Arrived during the escalation: not sent to the bot; the agents taking over see it in "
                    "LivePerson."),
                 deliveryId,
                 QStringLiteral("connector.during_escalation"));
        if (conv.transfer) {
            conv.transfer->deliveries.append(done);
        } else {
            markHandled(conv, done);
        }
        return;
    }
    if (m_health.isDown()) {
        escalateConversation(message.conversationId,
                             m_settings.fallbackSkillId,
                             QStringLiteral("bot.endpoint_down"),
                             tr("The bot endpoint is down."),
                             QString(),
                             false,
                             done);
        return;
    }
    deliverToBot(conv, message, deliveryId);
}

void SessionEngine::deliverToBot(Conversation &conv,
                                 const LivePerson::ConversationMessage &message,
                                 const QString &deliveryId)
{
    Bot::BotEvent event;
    event.deliveryId = deliveryId;
    switch (message.kind) {
    case LivePerson::MessageKind::RichContent:
        event.type = Bot::EventType::RichContent;
        break;
    case LivePerson::MessageKind::Text:
    case LivePerson::MessageKind::Click:
    case LivePerson::MessageKind::File:
        event.type = Bot::EventType::Text;
        break;
    }
    event.conversationId = conv.snapshot.id;
    event.dialogId = message.dialogId == conv.dialogId ? conv.dialogId : message.dialogId;
    event.consumerId = conv.snapshot.consumerId;
    event.sequence = message.sequence;
    event.timestampMs = message.serverTimestamp;
    event.text = message.text;
    event.content = message.content;
    event.lpEvent = message.raw;
    event.lpEventJson = message.rawJson;
    event.context.channel =
        m_settings.channel == QLatin1String("chat") ? Bot::ChannelType::Chat : Bot::ChannelType::Messaging;
    event.context.skillId = conv.snapshot.skillId;
    event.context.assignedAgentId = m_channel->agentId();
    event.context.visitor.insert(QStringLiteral("consumerId"), conv.snapshot.consumerId);
    // Campaign, engagement and language as taken from LivePerson's conversation context.
    if (conv.contextIds) {
        event.context.engagementId = conv.contextIds->engagementId;
        event.context.campaignId = conv.contextIds->campaignId;
        if (!conv.contextIds->language.isEmpty()) {
            event.context.visitor.insert(QStringLiteral("language"), conv.contextIds->language);
        }
    }

    conv.inFlight.insert(event.deliveryId,
                         Delivery{event.deliveryId, {}, event.dialogId, message.sequence, message.recovered});
    m_deliveryOwners.insert(event.deliveryId, conv.snapshot.id);
    if (m_deliveriesSinceMemoryReturned == 0 && m_sinceMemoryReturned.isValid() &&
        !m_sinceMemoryReturned.hasExpired(s_prematureMemoryReturnMs)) {
        // The burst went on: the return came too early (see returnMemoryAfterDeliveries).
        m_returnMemoryThreshold = std::max(1, m_settings.returnMemoryAfterDeliveries / 10);
    }
    ++m_deliveriesSinceMemoryReturned;
    if (m_returnMemoryTimer && m_returnMemoryTimer->isActive()) {
        m_returnMemoryTimer->stop();
    }
    m_bot->deliver(event);
    LatencyProbe::finish(LatencyProbe::Leg::Inbound, std::exchange(m_probeInboundNs, 0));
}

void SessionEngine::handleEventsCombined(const QString &deliveryId, const QStringList &constituents)
{
    Conversation *conv = conversationOfDelivery(deliveryId);
    if (!conv) {
        return;
    }
    auto it = conv->inFlight.find(deliveryId);
    if (it == conv->inFlight.end()) {
        return;
    }
    it->constituents = constituents;
    // The other constituents are answered by this delivery.
    for (const QString &other : constituents) {
        if (other != deliveryId) {
            conv->inFlight.remove(other);
            m_deliveryOwners.remove(other);
        }
    }
}

void SessionEngine::handleConversationClosed(const QString &conversationId, const QString &reason)
{
    Conversation *conv = findConversation(conversationId);
    if (!conv) {
        return;
    }
    if (conv->transfer) {
        finishEscalation(conversationId, EscalationEnd::Cancelled, tr("the conversation was closed"));
    }
    conv->snapshot.status = ConversationStatus::Closed;
    touch(*conv);
    persist(*conv);
    addEntry(conversationId, TranscriptRole::System, tr("Conversation closed (%1).").arg(reason));
    m_bot->forgetConversation(conversationId);
}

void SessionEngine::handleConversationTransferred(const QString &conversationId, const QString &newSkillId)
{
    Conversation *conv = findConversation(conversationId);
    if (!conv) {
        return;
    }
    // A transfer Switchboard asked for may be announced before its request completes (or instead of
    // its answer, when the connection closed meanwhile): the announcement settles it.
    if (conv->transfer) {
        conv->transfer->skillId = newSkillId;
        finishEscalation(conversationId, EscalationEnd::Transferred, QString());
    } else if (conv->snapshot.status == ConversationStatus::Open && !conv->escalating) {
        conv->snapshot.status = ConversationStatus::Escalated;
        if (conv->snapshot.escalationCause.isEmpty()) {
            conv->snapshot.escalationCause = QStringLiteral("liveperson.transfer");
        }
        addEntry(conversationId,
                 TranscriptRole::Escalation,
                 tr("Transferred to skill %1 outside Switchboard.").arg(skillName(newSkillId)));
    }
    conv->snapshot.skillId = intern(newSkillId);
    touch(*conv);
    persist(*conv);
    m_bot->forgetConversation(conversationId);
}

void SessionEngine::handleRemoved(const QString &conversationId)
{
    Conversation *conv = findConversation(conversationId);
    if (!conv || conv->snapshot.status != ConversationStatus::Open) {
        return;
    }
    if (conv->closingDialog) {
        // The bot closed its dialog and LivePerson took it out: its part of the conversation is over
        // (a post-conversation survey may follow, with the survey bot).
        conv->snapshot.status = ConversationStatus::Closed;
        addEntry(conversationId, TranscriptRole::System,
                 tr("The bot's dialog is closed; the bot left the conversation."));
        touch(*conv);
        persist(*conv);
        m_bot->forgetConversation(conversationId);
        return;
    }
    if (conv->transfer) {
        // The transfer Switchboard asked for went through (its answer may have been lost).
        finishEscalation(conversationId, EscalationEnd::Transferred, QString());
        return;
    }
    conv->snapshot.status = ConversationStatus::Escalated;
    conv->snapshot.escalationCause = QStringLiteral("liveperson.removed");
    addEntry(conversationId, TranscriptRole::System, tr("The bot was removed from the conversation."));
    touch(*conv);
    persist(*conv);
    m_bot->forgetConversation(conversationId);
}

void SessionEngine::handleDialogChanged(const QString &conversationId, const LivePerson::DialogInfo &dialog)
{
    if (dialog.dialogId != conversationId) {
        m_dialogOwners.insert(dialog.dialogId, conversationId);
    }
    Conversation *conv = findConversation(conversationId);
    if (!conv) {
        return;
    }
    if (dialog.isOpen()) {
        conv->dialogId = dialog.dialogId;
    }
    addEntry(conversationId,
             TranscriptRole::System,
             tr("Dialog %1 (%2) is %3.").arg(dialog.dialogId, dialog.dialogType, dialog.state.toLower()));
}

// --- bot ---------------------------------------------------------------------------------------

void SessionEngine::handleAttempt(const Bot::HopRecord &hop)
{
    const OutcomeClass outcome = outcomeOf(hop);
    if (hop.outcome != Bot::HopOutcome::Cancelled && hop.operation != Bot::HopOperation::Token) {
        const double latencyMs = double(hop.latencyUs) / 1000.0;
        const HealthState before = m_health.state();
        m_health.record(latencyMs, outcome);
        const qint64 second = hop.finishedAtMs / 1000;
        if (second != m_healthSecond.second) {
            persistHealthSecond();
            m_healthSecond.second = second;
        }
        m_healthSecond.latencies[size_t(outcome)].push_back(latencyMs);
        const HealthState after = m_health.state();
        if (before != after) {
            logEvent(after == HealthState::Down ? 2 : (after == HealthState::Degraded ? 1 : 0),
                     QString(),
                     QStringLiteral("health.%1").arg(after == HealthState::Healthy ? QStringLiteral("healthy")
                                                                                   : QStringLiteral("changed")),
                     tr("Bot endpoint of “%1” is %2.").arg(m_settings.name, displayName(after)));
            scheduleProbe();
        }
        scheduleTick();
    }
    if (hop.deliveryId.isEmpty()) {
        return;
    }
    const bool isRequest = !hop.requestBody.isEmpty();
    Storage::HopRecord out;
    out.conversationId = hop.conversationId;
    out.deliveryId = hop.deliveryId;
    out.kind = Storage::HopKind::BotOut;
    out.attempt = hop.attempt;
    out.startedAtMs = hop.startedAtMs;
    out.finishedAtMs = hop.finishedAtMs;
    out.outcome = hop.errorCode.isEmpty() ? QStringLiteral("ok") : hop.errorCode;
    out.payload = hop.requestBody;
    if (isRequest) {
        m_store->appendHop(out);
    }
    Storage::HopRecord in = out;
    in.kind = Storage::HopKind::BotIn;
    in.payload = hop.responseBody;
    in.outcome = hop.httpStatus > 0 ? QStringLiteral("http_%1").arg(hop.httpStatus) : out.outcome;
    m_store->appendHop(in);
}

void SessionEngine::handleStateProbed(const Bot::BotState &state)
{
    const HealthState before = m_health.state();
    m_health.recordProbe(state.online ? QStringLiteral("online")
                                      : (state.state.isEmpty() ? QStringLiteral("unreachable") : state.state));
    const HealthState after = m_health.state();
    if (!state.online && before != HealthState::Down) {
        logEvent(2,
                 QString(),
                 state.error.code.isEmpty() ? QString::fromLatin1(Bot::ErrorCode::StateNotOnline) : state.error.code,
                 tr("Bot endpoint of “%1” reports “%2”: %3")
                     .arg(m_settings.name, state.state.isEmpty() ? tr("unreachable") : state.state, state.error.message));
    } else if (before != after) {
        logEvent(0, QString(), QStringLiteral("health.changed"),
                 tr("Bot endpoint of “%1” is %2.").arg(m_settings.name, displayName(after)));
    }
    scheduleTick();
    scheduleProbe();
}

void SessionEngine::handleReplied(const QString &deliveryId, const Bot::BotResponse &response)
{
    Conversation *conv = conversationOfDelivery(deliveryId);
    if (!conv) {
        qCDebug(lcConnector) << "reply for unknown delivery" << deliveryId;
        return;
    }
    if (response.duplicate || response.late) {
        addEntry(conv->snapshot.id,
                 TranscriptRole::Error,
                 response.duplicate ? tr("The bot answered this message again; the second answer was not published.")
                                    : tr("The bot answered after the delivery had failed; the answer was not published."),
                 deliveryId,
                 QStringLiteral("bot.late_reply"));
        return;
    }
    auto pending = std::make_shared<PendingResponse>();
    pending->probeStartNs = LatencyProbe::startNs();
    pending->delivery = conv->inFlight.take(deliveryId);
    m_deliveryOwners.remove(deliveryId);
    noteDeliveryDone();
    if (pending->delivery.deliveryId.isEmpty()) {
        pending->delivery.deliveryId = deliveryId;
        pending->delivery.dialogId = conv->dialogId;
    }
    pending->response = m_settings.channel == QLatin1String("chat") ? Bot::QuickReplies::degradeForChat(response)
                                                                     : response;
    if (m_settings.channel == QLatin1String("chat")
        && std::any_of(response.items.cbegin(), response.items.cend(), [](const Bot::BotReply &item) {
               return item.kind == Bot::ReplyKind::QuickReplies;
           })) {
        // Quick replies are messaging-only: say in the transcript that they went out as text.
        addEntry(conv->snapshot.id,
                 TranscriptRole::System,
                 tr("Quick replies are messaging-only; sent as text with the options listed."),
                 deliveryId,
                 QString::fromLatin1(Bot::ErrorCode::QuickRepliesOnChat),
                 Bot::BotErrors::hint(QString::fromLatin1(Bot::ErrorCode::QuickRepliesOnChat)));
    }
    if (!response.intents.isEmpty()) {
        // BotResponse metadata (reference §7, schemas ums/infra/metadata/BotResponse.json): sent with a transfer.
        // Written as QJsonDocument writes [{"confidence":…,"id":…,"name":…}] (keys sorted).
        JsonWriter writer;
        writer.beginArray();
        for (const Bot::Intent &intent : response.intents) {
            writer.beginObject()
                .key(QLatin1String("confidence"))
                .number(std::clamp(intent.confidenceScore, 0.0, 1.0))
                .key(QLatin1String("id"))
                .string(QStringView(intent.id).left(64))
                .key(QLatin1String("name"))
                .string(QStringView(intent.description).left(64))
                .endObject();
        }
        writer.endArray();
        QByteArray text = writer.take();
        if (text != m_lastIntents) {
            text.squeeze();
            m_lastIntents = text;
        }
        // A bot's answers often carry the same intents: conversations share one copy then.
        conv->botIntents = m_lastIntents;
    }
    for (const QString &warning : response.warnings) {
        addEntry(conv->snapshot.id, TranscriptRole::Error, warning, deliveryId, QStringLiteral("bot.protocol_warning"));
    }
    const QString conversationId = conv->snapshot.id;
    pending->ready = !pending->delivery.recovered;
    conv->publishQueue.push_back(pending);
    if (pending->delivery.recovered) {
        // After a restart some items of this answer may already have gone out: skip them.
        m_store->fetchPublishedReplyIndexes(deliveryId, this, [this, conversationId, pending](const auto &result) {
            if (result.ok()) {
                pending->alreadyPublished = result.value();
            }
            if (pending->alreadyPublished.isEmpty()) {
                pending->ready = true;
                publishNext(conversationId);
                return;
            }
            checkRecoveredReplies(conversationId, pending);
        });
        return;
    }
    publishNext(conversationId);
}

void SessionEngine::checkRecoveredReplies(const QString &conversationId, const std::shared_ptr<PendingResponse> &pending)
{
    // An item recorded as published has a reply row once its send succeeded (committed up to the
    // store's commit interval later). Without one, the previous process died between the record
    // and that row — after LivePerson took the item, or (rarely: the frame is written right after
    // the record) before the frame left. LivePerson's history tells which (checkHistory()).
    m_store->fetchTranscript(
        conversationId, this, [this, conversationId, pending](const Result<Storage::Transcript> &transcript) {
            QSet<int> confirmed;
            if (transcript.ok()) {
                for (const Storage::MessageRecord &message : transcript.value().messages) {
                    if (message.deliveryId == pending->delivery.deliveryId
                        && message.publishState == Storage::PublishState::Published) {
                        confirmed.insert(message.replyIndex);
                    }
                }
            }
            const auto &items = pending->response.items;
            const bool unknown = std::any_of(pending->alreadyPublished.cbegin(), pending->alreadyPublished.cend(),
                                             [&](int index) {
                                                 return index >= 0 && index < items.size()
                                                        && items.at(index).kind != Bot::ReplyKind::Delay
                                                        && !confirmed.contains(index);
                                             });
            if (!unknown) {
                pending->ready = true;
                publishNext(conversationId);
                return;
            }
            checkHistory(conversationId, pending);
        });
}

namespace
{
bool isContentItem(Bot::ReplyKind kind)
{
    return kind == Bot::ReplyKind::Text || kind == Bot::ReplyKind::QuickReplies
           || kind == Bot::ReplyKind::StructuredContent;
}

bool sameMessage(const LivePerson::ConversationMessage &sent, const Bot::BotReply &item)
{
    if (item.kind == Bot::ReplyKind::StructuredContent) {
        return sent.kind == LivePerson::MessageKind::RichContent && sent.content == item.structuredContent;
    }
    return sent.kind != LivePerson::MessageKind::RichContent && sent.text == item.text;
}
} // namespace

SessionEngine::HistoryVerdict SessionEngine::judgeHistory(const QList<Bot::BotReply> &items,
                                                          const QList<int> &recorded,
                                                          const QList<LivePerson::ConversationMessage> &own)
{
    // Items go out one at a time, each after LivePerson acknowledged the one before, so of the
    // recorded items only the last can be missing, and if it arrived nothing of ours came after
    // it: the agent's own messages after the consumer's message end with the recorded content
    // items when it arrived, and with all but the last when it did not. A history that fits both
    // (repeated texts) or neither (the bot answered differently this time) does not tell.
    QList<int> indexes = recorded;
    std::sort(indexes.begin(), indexes.end());
    indexes.erase(std::unique(indexes.begin(), indexes.end()), indexes.end());
    QList<const Bot::BotReply *> sent;
    for (int index : std::as_const(indexes)) {
        if (index >= 0 && index < items.size() && isContentItem(items.at(index).kind)) {
            sent.append(&items.at(index));
        }
    }
    const qsizetype k = sent.size();
    const qsizetype n = own.size();
    const auto endsWith = [&](qsizetype count) {
        if (n < count) {
            return false;
        }
        for (qsizetype j = 0; j < count; ++j) {
            if (!sameMessage(own.at(n - count + j), *sent.at(j))) {
                return false;
            }
        }
        return true;
    };
    if (k == 0) {
        return HistoryVerdict::Unclear;
    }
    const bool arrived = endsWith(k);
    // With one item, anything of ours after the consumer's message may be a late answer to an
    // earlier message: only an empty history proves it missing.
    const bool missing = k > 1 ? endsWith(k - 1) : n == 0;
    if (arrived == missing) {
        return HistoryVerdict::Unclear;
    }
    return arrived ? HistoryVerdict::Arrived : HistoryVerdict::Missing;
}

void SessionEngine::checkHistory(const QString &conversationId, const std::shared_ptr<PendingResponse> &pending)
{
    const QList<int> recorded = pending->alreadyPublished;
    const auto &items = pending->response.items;
    const int last = recorded.isEmpty() ? -1 : *std::max_element(recorded.cbegin(), recorded.cend());
    const auto resume = [this, conversationId, pending] {
        pending->ready = true;
        publishNext(conversationId);
    };
    if (last < 0 || last >= items.size() || !isContentItem(items.at(last).kind)) {
        // A transfer, close or TTR change leaves no message in the history to look for.
        noteUnknownPublish(conversationId, pending, tr("LivePerson's history shows messages only."));
        resume();
        return;
    }
    if (!channelOnline()) {
        // The answer waits unpublished; resumeAfterReconnect() reads the history once online.
        pending->awaitingHistory = true;
        return;
    }
    m_channel->fetchOwnMessages(
        conversationId, pending->delivery.dialogId, pending->delivery.sequence,
        LivePerson::OwnMessagesCompletion(
            this, [this, conversationId, pending, recorded, last, resume](const LivePerson::OwnMessages &history) {
                if (m_stopping) {
                    return; // the message is not handled: the next run checks again
                }
                if (!history.ok() && history.error->kind == LivePerson::ApiErrorKind::NotConnected
                    && ++pending->historyReads < s_maxHistoryReads) {
                    // The connection went while the history was read: read it again once online
                    // (nothing of this answer goes out before); a few times, then it is noted.
                    pending->awaitingHistory = true;
                    if (channelOnline()) {
                        QMetaObject::invokeMethod(this, &SessionEngine::resumeAfterReconnect, Qt::QueuedConnection);
                    }
                    return;
                }
                if (!history.ok()) {
                    noteUnknownPublish(conversationId, pending,
                                       tr("Its history could not be read: %1").arg(history.error->message));
                    resume();
                    return;
                }
                switch (judgeHistory(pending->response.items, recorded, history.messages)) {
                case HistoryVerdict::Arrived:
                    qCDebug(lcConnector) << "reply" << pending->delivery.deliveryId << "item" << last
                                         << "found in LivePerson's history: not sent again";
                    break;
                case HistoryVerdict::Missing: {
                    pending->alreadyPublished.removeAll(last);
                    const QString message = tr("A reply to this message was being sent when the previous run ended; "
                                               "LivePerson's history does not have it, so it is sent now.");
                    addEntry(conversationId, TranscriptRole::System, message, pending->delivery.deliveryId,
                             QStringLiteral("connector.resent_after_restart"));
                    logEvent(0, conversationId, QStringLiteral("connector.resent_after_restart"), message);
                    break;
                }
                case HistoryVerdict::Unclear:
                    noteUnknownPublish(conversationId, pending,
                                       tr("LivePerson's history does not tell (the bot's answer differs from the "
                                          "messages there, or repeats them)."));
                    break;
                }
                resume();
            }));
}

void SessionEngine::noteUnknownPublish(const QString &conversationId,
                                       const std::shared_ptr<PendingResponse> &pending,
                                       const QString &why)
{
    // Not sent again (at most once): escalating instead was tried, and most such items had reached
    // the consumer, so the escalations sent answered conversations to humans.
    const QString message = tr("A reply to this message was being sent when the previous run ended; "
                               "it is not sent again (it may not have reached the consumer). %1")
                                .arg(why);
    addEntry(conversationId, TranscriptRole::Error, message, pending->delivery.deliveryId,
             QStringLiteral("connector.unknown_publish_after_restart"));
    logEvent(1, conversationId, QStringLiteral("connector.unknown_publish_after_restart"), message);
}

void SessionEngine::handleDeliveryFailed(const QString &deliveryId, const Bot::BotError &error)
{
    ++m_botFailures;
    Conversation *conv = conversationOfDelivery(deliveryId);
    if (!conv) {
        return;
    }
    const Delivery delivery = conv->inFlight.take(deliveryId);
    m_deliveryOwners.remove(deliveryId);
    noteDeliveryDone();
    addEntry(conv->snapshot.id, TranscriptRole::Error, error.message, deliveryId, error.code, error.hint);
    logEvent(2, conv->snapshot.id, error.code, tr("Bot call failed in “%1”: %2").arg(m_settings.name, error.message));
    std::optional<Delivery> trigger;
    if (!delivery.deliveryId.isEmpty()) {
        trigger = delivery;
    }
    const QString conversationId = conv->snapshot.id;
    escalateConversation(conversationId, m_settings.fallbackSkillId, error.code, error.message, QString(), false,
                         trigger);
    noteIfFinished(conversationId);
}

// --- publishing --------------------------------------------------------------------------------

void SessionEngine::publishNext(const QString &conversationId)
{
    Conversation *conv = findConversation(conversationId);
    if (!conv || conv->publishing || conv->publishQueue.empty() || !conv->publishQueue.front()->ready) {
        return;
    }
    conv->publishing = true;
    publishItem(conversationId, conv->publishQueue.front());
}

void SessionEngine::publishItem(const QString &conversationId, const std::shared_ptr<PendingResponse> &pending)
{
    Conversation *conv = findConversation(conversationId);
    if (!conv) {
        return;
    }
    auto &items = pending->response.items;
    while (pending->next < items.size() && pending->alreadyPublished.contains(pending->next)) {
        ++pending->next;
    }
    if (pending->next >= items.size() || pending->failed || conv->snapshot.status != ConversationStatus::Open) {
        finishResponse(conversationId, pending);
        return;
    }
    const int index = pending->next;
    const bool onTheWire = items.at(index).kind != Bot::ReplyKind::Delay;
    if (onTheWire && !channelOnline()) {
        // Nothing goes on the wire: the response waits at the head of the queue, its message not
        // handled, and resumeAfterReconnect() goes on from this item once the channel is online.
        conv->publishing = false;
        if (!std::exchange(pending->held, true)) {
            qCDebug(lcConnector) << "reply" << pending->delivery.deliveryId << "held: channel not online";
            addEntry(conversationId, TranscriptRole::System,
                     tr("Reply held until the LivePerson connection is back."), pending->delivery.deliveryId,
                     QStringLiteral("connector.reply_held"));
        }
        return;
    }
    if (onTheWire && pending->markedIndex < index) {
        // Write-ahead, one item at a time: the item is recorded as published, and committed, just
        // before it is sent, so a crash can lose it but never send it twice; an item held above
        // (channel down) is not recorded, so a restart during the hold does not lose it.
        // The publication journal makes the mark crash-safe on return, so the item goes out now;
        // without it (store not open, journal unwritable) the mark waits for a commit first.
        pending->markedIndex = index;
        const Storage::PublishedReply mark{conversationId, pending->delivery.deliveryId, index, m_clock.nowMs()};
        if (!m_store->markReplyPublishedNow(mark)) {
            m_store->markReplyPublished(mark);
            m_store->flush(this, [this, conversationId, pending] { publishItem(conversationId, pending); });
            return;
        }
    }
    pending->held = false;
    ++pending->next;
    const Bot::BotReply &item = items.at(index);
    const QString deliveryId = pending->delivery.deliveryId;
    const QString dialogId = conv->dialogId.isEmpty() ? conversationId : conv->dialogId;
    const qint64 startedAt = m_clock.nowMs();

    const auto recordOut = [this, conversationId, deliveryId, index, startedAt](const LivePerson::CommandResult &result,
                                                                                 const QByteArray &payload) {
        Storage::HopRecord hop;
        hop.conversationId = conversationId;
        hop.deliveryId = deliveryId;
        hop.kind = Storage::HopKind::LpOut;
        hop.attempt = index + 1;
        hop.startedAtMs = startedAt;
        hop.finishedAtMs = m_clock.nowMs();
        hop.outcome = result.ok() ? QStringLiteral("ok")
                                  : QStringLiteral("failed: %1").arg(result.error ? result.error->message : QString());
        hop.payload = payload;
        m_store->appendHop(hop);
        if (!result.ok()) {
            m_store->setReplyPublishState(deliveryId, index, Storage::PublishState::Failed);
        }
    };
    const auto continueWith = [this, conversationId, pending] {
        // Next item on the next event-loop turn: never recurse through completions.
        QTimer::singleShot(0, this, [this, conversationId, pending] { publishItem(conversationId, pending); });
    };
    const auto published = [this, conversationId, deliveryId, index](TranscriptRole role,
                                                                     const QString &text,
                                                                     const QJsonObject &content,
                                                                     const QByteArray &raw) {
        Storage::MessageRecord record;
        record.conversationId = conversationId;
        record.role = storageRole(role);
        record.contentType = content.isEmpty() ? QStringLiteral("text/plain") : QStringLiteral("rich_content");
        record.text = text;
        record.rawJson = raw;
        record.timeMs = m_clock.nowMs();
        record.deliveryId = deliveryId;
        record.replyIndex = index;
        record.publishState = Storage::PublishState::Published;
        m_store->appendMessage(record);
        ++m_botReplies;
        countMessage();
        addEntry(conversationId, role, text, deliveryId, QString(), QString(), content);
        if (Conversation *c = findConversation(conversationId)) {
            c->snapshot.lastText = text;
            ++c->snapshot.messageCount;
            touch(*c);
        }
    };
    const auto failed = [this, conversationId, deliveryId, pending](const LivePerson::CommandResult &result) {
        pending->failed = true;
        const QString message = result.error ? result.error->message : tr("unknown error");
        // Sent while online, then no clear answer: it may have reached the consumer. At most once
        // forbids sending it again, so the conversation goes to the fallback skill instead.
        pending->escalate = isConnectionFailure(result) && !m_stopping;
        pending->failure = message;
        addEntry(conversationId,
                 TranscriptRole::Error,
                 pending->escalate ? tr("Publishing to LivePerson failed: %1 The reply may have arrived; it is not "
                                        "sent again, the conversation is escalated.")
                                         .arg(message)
                                   : tr("Publishing to LivePerson failed: %1").arg(message),
                 deliveryId,
                 QStringLiteral("liveperson.publish_failed"));
        logEvent(2, conversationId, QStringLiteral("liveperson.publish_failed"), message);
    };

    LivePerson::PublishOptions options;
    options.metadata = item.metadata;
    options.encodedMetadata = item.encodedMetadata;
    options.audience = item.audience == Bot::MessageAudience::AgentsAndManagers
                           ? LivePerson::MessageAudience::AgentsAndManagers
                           : LivePerson::MessageAudience::All;

    switch (item.kind) {
    case Bot::ReplyKind::Text:
    case Bot::ReplyKind::QuickReplies: {
        if (item.kind == Bot::ReplyKind::QuickReplies) {
            options.quickReplies = item.structuredContent;
        }
        const TranscriptRole role = item.audience == Bot::MessageAudience::AgentsAndManagers ? TranscriptRole::Private
                                                                                               : TranscriptRole::Bot;
        const QJsonObject content = item.kind == Bot::ReplyKind::QuickReplies
                                        ? QJsonObject{{QStringLiteral("quickReplies"), item.structuredContent}}
                                        : QJsonObject();
        const QByteArray raw = JsonWriter(item.text.size() * 3 + 16)
                                   .beginObject()
                                   .key(QLatin1String("text"))
                                   .string(QStringView(item.text))
                                   .endObject()
                                   .take();
        m_channel->sendText(conversationId,
                            dialogId,
                            item.text,
                            options,
                            LivePerson::CommandCompletion(
                                this, [=](const LivePerson::CommandResult &result) {
                                    recordOut(result, raw);
                                    if (result.ok()) {
                                        published(role, item.text, content, raw);
                                    } else {
                                        failed(result);
                                    }
                                    continueWith();
                                }));
        LatencyProbe::finish(LatencyProbe::Leg::Outbound, std::exchange(pending->probeStartNs, 0));
        return;
    }
    case Bot::ReplyKind::StructuredContent: {
        const QByteArray raw = JsonWriter::toJson(item.structuredContent);
        m_channel->sendRichContent(conversationId,
                                   dialogId,
                                   item.structuredContent,
                                   options,
                                   LivePerson::CommandCompletion(this, [=](const LivePerson::CommandResult &result) {
                                       recordOut(result, raw);
                                       if (result.ok()) {
                                           published(TranscriptRole::Bot, tr("[structured content]"),
                                                     item.structuredContent, raw);
                                       } else {
                                           failed(result);
                                       }
                                       continueWith();
                                   }));
        LatencyProbe::finish(LatencyProbe::Leg::Outbound, std::exchange(pending->probeStartNs, 0));
        return;
    }
    case Bot::ReplyKind::Delay: {
        if (item.typing) {
            m_channel->sendTyping(conversationId, dialogId, true);
        }
        const bool typing = item.typing;
        QTimer::singleShot(std::chrono::seconds(item.delaySeconds), this, [=, this] {
            if (typing) {
                m_channel->sendTyping(conversationId, dialogId, false);
            }
            publishItem(conversationId, pending);
        });
        return;
    }
    case Bot::ReplyKind::Transfer: {
        QString skillId;
        if (!item.skillName.isEmpty()) {
            const Result<QString> resolved = m_channel->resolveSkillId(item.skillName);
            if (!resolved) {
                const QString code = QString::fromLatin1(Bot::ErrorCode::UnknownSkill);
                addEntry(conversationId,
                         TranscriptRole::Error,
                         tr("The bot asked for a transfer to the unknown skill “%1”.").arg(item.skillName),
                         deliveryId,
                         code,
                         Bot::BotErrors::hint(code));
                logEvent(1, conversationId, code,
                         tr("The bot of “%1” asked for a transfer to the unknown skill “%2”: %3")
                             .arg(m_settings.name, item.skillName, resolved.error().message));
                finishResponse(conversationId, pending);
                escalateConversation(conversationId, m_settings.fallbackSkillId, code,
                                     tr("Unknown skill “%1” requested by the bot.").arg(item.skillName), QString(),
                                     false);
                return;
            }
            skillId = resolved.value();
        }
        if (!item.agentId.isEmpty()) {
            const QString target = skillId.isEmpty() ? m_settings.fallbackSkillId : skillId;
            m_channel->transferToAgent(
                conversationId, item.agentId, target, {},
                LivePerson::CommandCompletion(this, [=, this](const LivePerson::CommandResult &result) {
                    recordOut(result, QByteArray());
                    if (result.ok()) {
                        if (Conversation *c = findConversation(conversationId)) {
                            c->snapshot.status = ConversationStatus::Escalated;
                            c->snapshot.escalationCause = QStringLiteral("bot.transfer");
                            touch(*c);
                            persist(*c);
                        }
                        addEntry(conversationId, TranscriptRole::Escalation,
                                 tr("The bot transferred the conversation to agent %1.").arg(item.agentId), deliveryId,
                                 QStringLiteral("bot.transfer"));
                    } else {
                        failed(result);
                    }
                    finishResponse(conversationId, pending);
                }));
            return;
        }
        finishResponse(conversationId, pending);
        escalateConversation(conversationId, skillId, QStringLiteral("bot.transfer"),
                             tr("Requested by the bot (skill “%1”).").arg(item.skillName), QString(), true);
        return;
    }
    case Bot::ReplyKind::CloseConversation: {
        const auto done = LivePerson::CommandCompletion(this, [=, this](const LivePerson::CommandResult &result) {
            recordOut(result, QByteArray());
            if (result.ok()) {
                addEntry(conversationId, TranscriptRole::System,
                         item.withoutPcs        ? tr("The bot closed the conversation (no survey).")
                         : m_settings.surveyBot ? tr("The survey bot closed the survey.")
                                                : tr("The bot closed its dialog; a survey may follow."),
                         deliveryId);
            } else {
                if (Conversation *c = findConversation(conversationId)) {
                    c->closingDialog = false;
                }
                failed(result);
            }
            continueWith();
        });
        if (item.withoutPcs) {
            // Closes the conversation and every dialog: no post-conversation survey (reference §4).
            m_channel->closeConversation(conversationId, done);
        } else {
            // Closing only the bot's dialog lets a post-conversation survey run after MAIN (reference §4);
            // a survey bot closes its POST_SURVEY dialog, the last one, which closes the conversation.
            conv->closingDialog = true;
            m_channel->closeDialog(conversationId, m_settings.surveyBot ? dialogId : conversationId, done);
        }
        return;
    }
    case Bot::ReplyKind::ChangeTtr: {
        m_channel->setTtr(conversationId, toChannelTtr(item.ttrType), item.ttrValue.toInt(),
                          LivePerson::CommandCompletion(this, [=, this](const LivePerson::CommandResult &result) {
                              recordOut(result, QByteArray());
                              if (result.ok()) {
                                  addEntry(conversationId, TranscriptRole::System,
                                           tr("The bot changed the time to respond."), deliveryId);
                              } else {
                                  failed(result);
                              }
                              continueWith();
                          }));
        return;
    }
    }
    continueWith();
}

void SessionEngine::finishResponse(const QString &conversationId, const std::shared_ptr<PendingResponse> &pending)
{
    Conversation *conv = findConversation(conversationId);
    if (!conv) {
        return;
    }
    if (pending->escalate) {
        escalateForResponse(conversationId, pending);
        return;
    }
    markHandled(*conv, pending->delivery);
    if (!conv->publishQueue.empty() && conv->publishQueue.front() == pending) {
        conv->publishQueue.pop_front();
    }
    conv->publishing = false;
    publishNext(conversationId);
    noteIfFinished(conversationId);
}

void SessionEngine::escalateForResponse(const QString &conversationId, const std::shared_ptr<PendingResponse> &pending)
{
    Conversation *conv = findConversation(conversationId);
    if (!conv) {
        return;
    }
    if (!conv->publishQueue.empty() && conv->publishQueue.front() == pending) {
        conv->publishQueue.pop_front();
    }
    conv->publishing = false;
    pending->escalate = false;
    escalateConversation(conversationId,
                         m_settings.fallbackSkillId,
                         pending->escalateCause,
                         pending->escalateCause == QLatin1String("liveperson.publish_failed")
                             ? tr("Publishing the bot's reply failed without an answer: %1").arg(pending->failure)
                             : pending->failure,
                         QString(),
                         false,
                         pending->delivery);
    publishNext(conversationId);
}

void SessionEngine::markHandled(const Conversation &conv, const Delivery &delivery)
{
    if (delivery.sequence < 0) {
        return;
    }
    const QStringList ids = delivery.constituents.isEmpty() ? QStringList{delivery.deliveryId} : delivery.constituents;
    const qint64 now = m_clock.nowMs();
    for (const QString &id : ids) {
        const qsizetype colon = id.lastIndexOf(QLatin1Char(':'));
        // The conversation's own dialog id string where it is that dialog: a key kept for the
        // conversation's lifetime should not be a fresh copy made while answering.
        const QStringView idDialog = colon > 0 ? QStringView(id).left(colon) : QStringView(delivery.dialogId);
        const QString dialogId = idDialog == conv.dialogId           ? conv.dialogId
                                 : idDialog == delivery.dialogId ? delivery.dialogId
                                                                  : idDialog.toString();
        const qint64 sequence = colon > 0 ? QStringView(id).mid(colon + 1).toLongLong() : delivery.sequence;
        m_store->markHandled(Storage::HandledMessage{conv.snapshot.id, dialogId, sequence, id, now});
        qint64 &last = m_lastHandled[dialogId];
        last = std::max(last, sequence);
    }
}

std::optional<qint64> SessionEngine::resumeSequence(const QString &conversationId, const QString &dialogId)
{
    Q_UNUSED(conversationId);
    const auto it = m_lastHandled.constFind(dialogId);
    if (it != m_lastHandled.cend()) {
        return *it;
    }
    // After a restart: ask the store (this thread is a worker thread, never the UI's).
    const Result<qint64> stored = m_store->lastHandledSequence(dialogId);
    if (stored.ok() && stored.value() >= 0) {
        m_lastHandled.insert(dialogId, stored.value());
        return stored.value();
    }
    return std::nullopt;
}

// --- escalation --------------------------------------------------------------------------------

void SessionEngine::escalate(const EscalationRequest &request)
{
    escalateConversation(request.conversationId,
                         request.skillId,
                         QStringLiteral("operator"),
                         request.reason,
                         request.handoffText,
                         true);
}

void SessionEngine::escalateAllOpen(const EscalationRequest &request)
{
    const QStringList ids = m_conversations.keys();
    for (const QString &id : ids) {
        const Conversation *conv = findConversation(id);
        if (conv && conv->snapshot.status == ConversationStatus::Open && !conv->escalating) {
            EscalationRequest one = request;
            one.conversationId = id;
            escalate(one);
        }
    }
}

void SessionEngine::escalateConversation(const QString &conversationId,
                                         const QString &skillId,
                                         const QString &cause,
                                         const QString &reason,
                                         const QString &handoffText,
                                         bool manual,
                                         const std::optional<Delivery> &trigger)
{
    Conversation *conv = findConversation(conversationId);
    if (!conv) {
        Q_EMIT escalationFinished(conversationId, false, tr("Unknown conversation “%1”.").arg(conversationId));
        return;
    }
    const auto handled = [this, conv, &trigger] {
        if (trigger) {
            markHandled(*conv, *trigger);
        }
    };
    if (conv->snapshot.status != ConversationStatus::Open || conv->escalating) {
        if (conv->transfer && trigger) {
            // Settled with the escalation already under way.
            conv->transfer->deliveries.append(*trigger);
        } else {
            handled();
        }
        if (manual) {
            Q_EMIT escalationFinished(conversationId, false, tr("The conversation is no longer with the bot."));
        }
        return;
    }
    if (skillId.isEmpty()) {
        const QString message =
            tr("Conversation %1 needs an operator: %2 — no fallback skill is configured, so nothing was transferred.")
                .arg(conversationId, reason);
        addEntry(conversationId, TranscriptRole::Error, message, QString(), QStringLiteral("escalation.no_fallback"),
                 tr("Set a fallback skill in the integration, or escalate by hand."));
        Q_EMIT alertRaised(message);
        handled();
        if (manual) {
            Q_EMIT escalationFinished(conversationId, false, tr("No skill was chosen."));
        }
        return;
    }
    if (skillId == m_settings.botSkillId) {
        const QString message = tr("Transfer of %1 to skill %2 refused: it is the bot's own skill and would loop back "
                                   "to the bot.")
                                    .arg(conversationId, skillName(skillId));
        addEntry(conversationId, TranscriptRole::Error, message, QString(), QStringLiteral("escalation.loop"),
                 tr("Choose another skill, or set a fallback skill that human agents serve."));
        logEvent(1, conversationId, QStringLiteral("escalation.loop"), message);
        handled();
        Q_EMIT escalationFinished(conversationId, false, message);
        return;
    }
    conv->escalating = true;
    Transfer transfer;
    transfer.skillId = skillId;
    transfer.cause = cause;
    transfer.reason = reason;
    transfer.manual = manual;
    transfer.recordId = QStringLiteral("%1:%2").arg(conversationId).arg(m_clock.nowMs());
    transfer.recordTimeMs = m_clock.nowMs();
    transfer.fromSkillId = conv->snapshot.skillId;
    if (trigger) {
        transfer.deliveries.append(*trigger);
    }
    conv->transfer = std::move(transfer);
    touch(*conv);
    if (!handoffText.isEmpty()) {
        m_channel->sendText(conversationId,
                            conv->dialogId,
                            handoffText,
                            {},
                            LivePerson::CommandCompletion(this, [=, this](const LivePerson::CommandResult &result) {
                                if (result.ok()) {
                                    addEntry(conversationId, TranscriptRole::Bot, handoffText);
                                }
                                transferNow(conversationId);
                            }));
        return;
    }
    transferNow(conversationId);
}

void SessionEngine::transferNow(const QString &conversationId)
{
    Conversation *conv = findConversation(conversationId);
    if (!conv || !conv->transfer || conv->transfer->inFlight) {
        return;
    }
    Transfer &transfer = *conv->transfer;
    if (!channelOnline()) {
        // Nothing can be sent now: resumeAfterReconnect() tries once the channel is online.
        transfer.waiting = true;
        return;
    }
    transfer.waiting = false;
    transfer.inFlight = true;
    ++transfer.attempts;
    const quint64 generation = ++transfer.generation;
    const QString skillId = transfer.skillId;
    const QString cause = transfer.cause;

    Storage::EscalationRecord record;
    record.id = transfer.recordId;
    record.conversationId = conversationId;
    record.timeMs = transfer.recordTimeMs;
    record.fromSkillId = transfer.fromSkillId;
    record.toSkillId = skillId;
    record.cause = cause;
    record.reason = transfer.reason;
    record.outcome = transfer.attempts > 1 ? QStringLiteral("pending (attempt %1)").arg(transfer.attempts)
                                           : QStringLiteral("pending");
    m_store->recordEscalation(record);

    QJsonArray metadata{QJsonObject{{QStringLiteral("type"), QStringLiteral("ActionReason")},
                                    {QStringLiteral("reason"), transfer.manual && cause == QLatin1String("operator")
                                                                   ? QStringLiteral("escalated_by_operator")
                                                                   : QStringLiteral("escalated_by_bot")},
                                    {QStringLiteral("reasonId"), QStringLiteral("3")}},
                        QJsonObject{{QStringLiteral("type"), QStringLiteral("EscalationSummary")},
                                    {QStringLiteral("escalationCause"), cause},
                                    {QStringLiteral("conversationDuration"),
                                     std::max<qint64>(0, conv->snapshot.startedAt.secsTo(m_clock.now()))}}};
    if (!conv->botIntents.isEmpty()) {
        metadata.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("BotResponse")},
                                    {QStringLiteral("externalConversationId"), conv->snapshot.id.left(64)},
                                    {QStringLiteral("intents"), QJsonDocument::fromJson(conv->botIntents).array()}});
    }
    m_channel->transferToSkill(
        conversationId, skillId, metadata,
        LivePerson::CommandCompletion(this, [=, this](const LivePerson::CommandResult &result) {
            Conversation *c = findConversation(conversationId);
            if (!c || !c->transfer || c->transfer->generation != generation) {
                return; // settled meanwhile (LivePerson announced the transfer, or the conversation closed)
            }
            Transfer &t = *c->transfer;
            t.inFlight = false;
            if (result.ok()) {
                finishEscalation(conversationId, EscalationEnd::Transferred, QString());
                return;
            }
            const QString message = result.error ? result.error->message : tr("unknown error");
            if (!isConnectionFailure(result) || t.attempts >= s_maxTransferAttempts || m_stopping) {
                finishEscalation(conversationId, EscalationEnd::Failed, message);
                return;
            }
            // The connection, not LivePerson's answer: try again once it is back. If the transfer
            // did go through, LivePerson announces it and that settles the escalation.
            addEntry(conversationId, TranscriptRole::System,
                     tr("Transfer attempt %1 of %2 failed: %3 It is retried when the LivePerson connection is back.")
                         .arg(t.attempts)
                         .arg(s_maxTransferAttempts)
                         .arg(message),
                     QString(), QStringLiteral("escalation.retry"));
            logEvent(1, conversationId, QStringLiteral("escalation.retry"), message);
            Storage::EscalationRecord retry = record;
            retry.outcome = QStringLiteral("retrying: %1").arg(message);
            m_store->recordEscalation(retry);
            t.waiting = true;
            if (channelOnline()) {
                QMetaObject::invokeMethod(this, &SessionEngine::resumeAfterReconnect, Qt::QueuedConnection);
            }
        }));
}

void SessionEngine::finishEscalation(const QString &conversationId, EscalationEnd end, const QString &message)
{
    Conversation *c = findConversation(conversationId);
    if (!c || !c->transfer) {
        return;
    }
    const Transfer transfer = std::move(*c->transfer);
    c->transfer.reset();
    c->escalating = false;
    const QString &skillId = transfer.skillId;
    const QString &cause = transfer.cause;

    Storage::EscalationRecord record;
    record.id = transfer.recordId;
    record.conversationId = conversationId;
    record.timeMs = transfer.recordTimeMs;
    record.fromSkillId = transfer.fromSkillId;
    record.toSkillId = skillId;
    record.cause = cause;
    record.reason = transfer.reason;
    switch (end) {
    case EscalationEnd::Transferred: {
        record.outcome = QStringLiteral("transferred");
        c->snapshot.status = ConversationStatus::Escalated;
        c->snapshot.escalationCause = cause;
        c->snapshot.skillId = skillId;
        const QDate today = m_clock.now().toLocalTime().date();
        if (m_escalationDay != today) {
            m_escalationDay = today;
            m_escalationsToday = 0;
        }
        ++m_escalationsToday;
        addEntry(conversationId,
                 TranscriptRole::Escalation,
                 tr("Escalated to skill %1 (%2): %3").arg(skillName(skillId), cause, transfer.reason),
                 QString(),
                 cause,
                 cause.startsWith(QLatin1String("bot.")) ? Bot::BotErrors::hint(cause) : QString());
        logEvent(1, conversationId, QStringLiteral("escalation.done"),
                 tr("Conversation %1 escalated to %2 (%3).").arg(conversationId, skillName(skillId), cause));
        m_bot->forgetConversation(conversationId);
        Q_EMIT escalationFinished(conversationId, true, QString());
        break;
    }
    case EscalationEnd::Failed: {
        record.outcome = QStringLiteral("failed: %1").arg(message);
        addEntry(conversationId, TranscriptRole::Error, tr("Escalation failed: %1").arg(message), QString(),
                 QStringLiteral("escalation.failed"));
        logEvent(2, conversationId, QStringLiteral("escalation.failed"), message);
        if (!transfer.manual) {
            Q_EMIT alertRaised(tr("Conversation %1 could not be escalated to skill %2 (%3): %4")
                                   .arg(conversationId, skillName(skillId), cause, message));
        }
        Q_EMIT escalationFinished(conversationId, false, message);
        break;
    }
    case EscalationEnd::Cancelled:
        record.outcome = QStringLiteral("cancelled: %1").arg(message);
        if (transfer.manual) {
            Q_EMIT escalationFinished(conversationId, false, message);
        }
        break;
    }
    m_store->recordEscalation(record);
    for (const Delivery &delivery : transfer.deliveries) {
        markHandled(*c, delivery);
    }
    touch(*c);
    persist(*c);
}

// --- bookkeeping -------------------------------------------------------------------------------

void SessionEngine::addEntry(const QString &conversationId,
                             TranscriptRole role,
                             const QString &text,
                             const QString &deliveryId,
                             const QString &code,
                             const QString &hint,
                             const QJsonObject &content)
{
    TranscriptEntry entry;
    entry.id = m_nextEntryId++;
    entry.conversationId = conversationId;
    entry.time = m_clock.now();
    entry.role = role;
    entry.text = text;
    entry.content = content;
    entry.code = code;
    entry.hint = hint;
    entry.deliveryId = deliveryId;
    m_pendingEntries.append(entry);
    if (role == TranscriptRole::System || role == TranscriptRole::Error || role == TranscriptRole::Escalation) {
        Storage::MessageRecord record;
        record.conversationId = conversationId;
        record.role = Storage::MessageRole::System;
        record.contentType = QStringLiteral("event");
        record.text = code.isEmpty() ? text : QStringLiteral("[%1] %2").arg(code, text);
        record.timeMs = m_clock.nowMs();
        record.deliveryId = deliveryId;
        m_store->appendMessage(record);
    }
    scheduleTick();
}

void SessionEngine::touch(Conversation &conv)
{
    conv.snapshot.lastActivityAt = m_clock.now();
    m_dirty.insert(conv.snapshot.id);
    scheduleTick();
}

void SessionEngine::persist(const Conversation &conv)
{
    Storage::ConversationRecord record;
    record.id = conv.snapshot.id;
    record.integrationId = m_settings.integrationId;
    record.channel = m_settings.channel;
    record.consumerId = conv.snapshot.consumerId;
    record.skillId = conv.snapshot.skillId;
    record.state = statusName(conv.snapshot.status);
    record.openedAtMs = conv.snapshot.startedAt.toMSecsSinceEpoch();
    record.closedAtMs = conv.snapshot.status == ConversationStatus::Closed ? m_clock.nowMs() : 0;
    record.escalated = conv.snapshot.status == ConversationStatus::Escalated;
    record.escalationCause = conv.snapshot.escalationCause;
    m_store->upsertConversation(record);
}

void SessionEngine::setStatus(SessionState state, const QString &reason, const QDateTime &nextAttemptAt)
{
    if (m_status.state == state && m_status.reason == reason && m_status.nextAttemptAt == nextAttemptAt) {
        return;
    }
    if (m_status.state != state) {
        m_status.since = m_clock.now();
    }
    m_status.state = state;
    m_status.reason = reason;
    m_status.nextAttemptAt = nextAttemptAt;
    qCDebug(lcConnector) << "integration" << m_settings.integrationId << "state" << int(state);
    Q_EMIT statusChanged(m_status);
}

void SessionEngine::logEvent(int level, const QString &conversationId, const QString &code, const QString &message)
{
    if (!m_eventLog) {
        return;
    }
    const auto lvl = level >= 2 ? EventLogEntry::Level::Error
                                : (level == 1 ? EventLogEntry::Level::Warning : EventLogEntry::Level::Info);
    m_eventLog->append(lvl, m_settings.integrationId, conversationId, code, message);
}

void SessionEngine::scheduleTick()
{
    // A cap timer that starts once: at most one batch per tick, however busy the session is.
    if (m_tickTimer && !m_tickTimer->isActive()) {
        m_tickTimer->start();
    }
}

void SessionEngine::emitTick()
{
    QList<ConversationSnapshot> changed;
    changed.reserve(m_dirty.size());
    const qint64 now = m_clock.nowMs();
    for (const QString &id : std::as_const(m_dirty)) {
        if (Conversation *conv = findConversation(id)) {
            changed.append(snapshotOf(*conv));
            if (!conv->retiring && isFinished(*conv)) {
                conv->retiring = true;
                m_finished.push_back(FinishedConversation{conv->snapshot.id, now});
            }
        }
    }
    m_dirty.clear();
    const QStringList removed = dropFinishedConversations(now);
    if (m_retireTimer && !m_finished.empty()) {
        const qint64 due = m_finished.front().finishedAtMs + m_settings.finishedRetentionMs - now;
        m_retireTimer->start(int(std::clamp<qint64>(due, 0, 3600 * 1000)));
    }
    QList<TranscriptEntry> entries;
    entries.swap(m_pendingEntries);
    Q_EMIT ticked(changed, entries, counters(), m_health.snapshot(), removed);
}

void SessionEngine::noteIfFinished(const QString &conversationId)
{
    // Work that ends after the conversation did (a late answer, a failed call) changes nothing
    // observers see, so nothing made it dirty: the next tick queues it for leaving the table.
    if (const Conversation *conv = findConversation(conversationId); conv && !conv->retiring && isFinished(*conv)) {
        m_dirty.insert(conversationId);
        scheduleTick();
    }
}

bool SessionEngine::isFinished(const Conversation &conversation)
{
    return conversation.snapshot.status != ConversationStatus::Open && conversation.inFlight.isEmpty()
           && conversation.publishQueue.isEmpty() && !conversation.publishing && !conversation.escalating
           && !conversation.transfer;
}

QStringList SessionEngine::dropFinishedConversations(qint64 nowMs)
{
    QStringList removed;
    while (!m_finished.empty()) {
        const FinishedConversation &oldest = m_finished.front();
        if (qsizetype(m_finished.size()) <= m_settings.finishedRetentionCount
            && nowMs - oldest.finishedAtMs < m_settings.finishedRetentionMs) {
            break;
        }
        const auto it = m_conversations.find(oldest.id);
        m_finished.pop_front();
        if (it == m_conversations.end()) {
            continue;
        }
        if (!isFinished(*it)) {
            // Busy again (taken back by the bot, or work arrived): queued anew once it finishes.
            it->retiring = false;
            continue;
        }
        // The channel holds no finished conversation and delivers nothing for one it does not
        // hold; if LivePerson routes it to the bot again, it starts afresh (conversationStarted).
        removed.append(it->snapshot.id);
        m_lastHandled.remove(it->snapshot.id);
        if (!it->dialogId.isEmpty()) {
            m_lastHandled.remove(it->dialogId);
        }
        m_conversations.erase(it);
    }
    if (!removed.isEmpty() && !m_dialogOwners.isEmpty()) {
        const QSet<QString> gone(removed.cbegin(), removed.cend());
        m_dialogOwners.removeIf([this, &gone](const std::pair<const QString &, QString &> &owner) {
            if (!gone.contains(owner.second)) {
                return false;
            }
            m_lastHandled.remove(owner.first);
            return true;
        });
    }
    return removed;
}

ConversationSnapshot SessionEngine::snapshotOf(const Conversation &conversation)
{
    ConversationSnapshot snapshot = conversation.snapshot;
    if (conversation.escalating && snapshot.status == ConversationStatus::Open) {
        snapshot.escalationCause = QStringLiteral("pending");
    }
    return snapshot;
}

QList<ConversationSnapshot> SessionEngine::conversations() const
{
    QList<ConversationSnapshot> all;
    all.reserve(m_conversations.size());
    for (const Conversation &conversation : m_conversations) {
        all.append(snapshotOf(conversation));
    }
    return all;
}

void SessionEngine::scheduleProbe()
{
    if (!m_probeTimer || m_stopping) {
        return;
    }
    m_probeTimer->start(m_health.isDown() ? m_settings.probeIntervalDownMs : m_settings.probeIntervalMs);
}

void SessionEngine::persistHealthSecond()
{
    if (m_healthSecond.second < 0) {
        return;
    }
    for (int outcome = 0; outcome < OutcomeClassCount; ++outcome) {
        auto &values = m_healthSecond.latencies[size_t(outcome)];
        if (values.empty()) {
            continue;
        }
        Storage::HealthSample sample;
        sample.integrationId = m_settings.integrationId;
        sample.timeMs = m_healthSecond.second * 1000;
        sample.outcome = outcomeCode(OutcomeClass(outcome));
        sample.count = int(values.size());
        sample.latencyMs = int(std::lround(percentile(values, 0.5)));
        sample.p95LatencyMs = int(std::lround(percentile(values, 0.95)));
        sample.p99LatencyMs = int(std::lround(percentile(values, 0.99)));
        m_store->appendHealthSample(sample);
        values.clear();
    }
    m_healthSecond.second = -1;
}

void SessionEngine::countMessage()
{
    const qint64 second = m_clock.nowMs() / 1000;
    if (second != m_messagesSecond) {
        const qint64 gap = std::min<qint64>(second - m_messagesSecond, 60);
        for (qint64 s = 1; s <= gap; ++s) {
            m_messagesPerSecond[size_t((m_messagesSecond + s) % 60)] = 0;
        }
        m_messagesSecond = second;
    }
    ++m_messagesPerSecond[size_t(second % 60)];
}

SessionCounters SessionEngine::counters() const
{
    SessionCounters counters;
    for (const Conversation &conv : m_conversations) {
        if (conv.snapshot.status == ConversationStatus::Open) {
            ++counters.openConversations;
        } else if (conv.snapshot.status == ConversationStatus::Escalated) {
            ++counters.escalatedConversations;
        }
    }
    const qint64 second = m_clock.nowMs() / 1000;
    int total = 0;
    if (second - m_messagesSecond < 60) {
        for (int count : m_messagesPerSecond) {
            total += count;
        }
    }
    counters.messagesPerMinute = total;
    counters.escalationsToday = m_escalationDay == m_clock.now().toLocalTime().date() ? m_escalationsToday : 0;
    counters.consumerMessages = m_consumerMessages;
    counters.botReplies = m_botReplies;
    counters.botFailures = m_botFailures;
    return counters;
}

QString SessionEngine::skillName(const QString &skillId) const
{
    for (const SkillInfo &skill : m_skills) {
        if (skill.id == skillId) {
            return QStringLiteral("“%1” (%2)").arg(skill.name, skillId);
        }
    }
    return skillId;
}

// --- queries for observers ---------------------------------------------------------------------

namespace
{
TranscriptRole roleOf(const Storage::MessageRecord &record)
{
    switch (record.role) {
    case Storage::MessageRole::Consumer:
        return TranscriptRole::Consumer;
    case Storage::MessageRole::Bot:
        return TranscriptRole::Bot;
    case Storage::MessageRole::Agent:
        return TranscriptRole::HumanAgent;
    case Storage::MessageRole::Private:
        return TranscriptRole::Private;
    case Storage::MessageRole::System:
        if (record.text.startsWith(QLatin1String("[escalation.")) || record.text.startsWith(QLatin1String("[bot."))
            || record.text.startsWith(QLatin1String("[liveperson."))) {
            return TranscriptRole::Error;
        }
        return TranscriptRole::System;
    }
    return TranscriptRole::System;
}
} // namespace

void SessionEngine::requestTranscript(const QString &conversationId)
{
    m_store->fetchTranscript(conversationId, this, [this, conversationId](const Result<Storage::Transcript> &result) {
        QList<TranscriptEntry> entries;
        if (result.ok()) {
            qint64 id = 0;
            for (const Storage::MessageRecord &message : result.value().messages) {
                TranscriptEntry entry;
                entry.id = ++id;
                entry.conversationId = conversationId;
                entry.time = QDateTime::fromMSecsSinceEpoch(message.timeMs, Qt::UTC);
                entry.role = roleOf(message);
                entry.text = message.text;
                entry.deliveryId = message.deliveryId;
                if (message.contentType == QLatin1String("rich_content")) {
                    entry.content = QJsonDocument::fromJson(message.rawJson).object();
                }
                if (entry.role == TranscriptRole::Error && entry.text.startsWith(QLatin1Char('['))) {
                    const qsizetype end = entry.text.indexOf(QLatin1Char(']'));
                    entry.code = entry.text.mid(1, end - 1);
                    entry.text = entry.text.mid(end + 2);
                    if (entry.code.startsWith(QLatin1String("bot."))) {
                        entry.hint = Bot::BotErrors::hint(entry.code);
                    }
                }
                entries.append(entry);
            }
            for (const Storage::EscalationRecord &escalation : result.value().escalations) {
                TranscriptEntry entry;
                entry.id = ++id;
                entry.conversationId = conversationId;
                entry.time = QDateTime::fromMSecsSinceEpoch(escalation.timeMs, Qt::UTC);
                entry.role = TranscriptRole::Escalation;
                entry.text = tr("Escalation to skill %1 (%2): %3 — %4")
                                 .arg(skillName(escalation.toSkillId), escalation.cause, escalation.reason,
                                      escalation.outcome);
                entry.code = escalation.cause;
                entries.append(entry);
            }
            std::stable_sort(entries.begin(), entries.end(),
                             [](const TranscriptEntry &a, const TranscriptEntry &b) { return a.time < b.time; });
        }
        Q_EMIT transcriptLoaded(conversationId, entries);
    });
}

void SessionEngine::requestHops(const QString &deliveryId)
{
    const qsizetype colon = deliveryId.lastIndexOf(QLatin1Char(':'));
    const QString dialogId = colon > 0 ? deliveryId.left(colon) : deliveryId;
    const QString conversationId = m_dialogOwners.value(dialogId, dialogId);
    m_store->fetchTranscript(conversationId, this, [this, deliveryId](const Result<Storage::Transcript> &result) {
        QList<HopSnapshot> hops;
        if (result.ok()) {
            for (const Storage::HopRecord &hop : result.value().hops) {
                if (hop.deliveryId != deliveryId) {
                    continue;
                }
                HopSnapshot snapshot;
                snapshot.deliveryId = deliveryId;
                snapshot.kind = Storage::hopKindName(hop.kind);
                snapshot.attempt = hop.attempt;
                snapshot.startedAt = QDateTime::fromMSecsSinceEpoch(hop.startedAtMs, Qt::UTC);
                snapshot.durationMs = hop.finishedAtMs > 0 ? double(hop.finishedAtMs - hop.startedAtMs) : 0;
                snapshot.outcome = hop.outcome;
                snapshot.rawJson = hop.payload;
                if (hop.kind == Storage::HopKind::LpIn && hop.payload.isEmpty()) {
                    // The consumer's event is stored once, with its message (handleConsumerMessage()).
                    for (const Storage::MessageRecord &message : result.value().messages) {
                        if (message.deliveryId == deliveryId && message.role == Storage::MessageRole::Consumer) {
                            snapshot.rawJson = message.rawJson;
                            break;
                        }
                    }
                }
                hops.append(snapshot);
            }
        }
        Q_EMIT hopsLoaded(deliveryId, hops);
    });
}

void SessionEngine::requestHealthHistory(qint64 fromMs, qint64 toMs, int maxBuckets)
{
    persistHealthSecond();
    const qint64 span = std::max<qint64>(1000, toMs - fromMs);
    const qint64 bucketMs = std::max<qint64>(1000, (span + maxBuckets - 1) / std::max(1, maxBuckets));
    m_store->fetchHealthSamples(
        m_settings.integrationId, fromMs, toMs, this,
        [this, fromMs, toMs, bucketMs](const Result<QList<Storage::HealthSample>> &result) {
            QList<HealthBucket> buckets;
            if (result.ok()) {
                QHash<qint64, int> indexOf;
                std::vector<std::vector<std::pair<double, int>>> latencies;
                for (const Storage::HealthSample &sample : result.value()) {
                    const qint64 start = fromMs + ((sample.timeMs - fromMs) / bucketMs) * bucketMs;
                    auto it = indexOf.find(start);
                    if (it == indexOf.end()) {
                        it = indexOf.insert(start, int(buckets.size()));
                        HealthBucket bucket;
                        bucket.startMs = start;
                        buckets.append(bucket);
                        latencies.emplace_back();
                    }
                    HealthBucket &bucket = buckets[*it];
                    const int count = std::max(1, sample.count);
                    bucket.calls += count;
                    for (int outcome = 0; outcome < OutcomeClassCount; ++outcome) {
                        if (outcomeCode(OutcomeClass(outcome)) == sample.outcome) {
                            bucket.outcomes[size_t(outcome)] += count;
                        }
                    }
                    latencies[size_t(*it)].emplace_back(double(sample.latencyMs), count);
                    if (sample.p95LatencyMs > 0) {
                        bucket.p95Ms = std::max(bucket.p95Ms, double(sample.p95LatencyMs));
                    }
                    if (sample.p99LatencyMs > 0) {
                        bucket.p99Ms = std::max(bucket.p99Ms, double(sample.p99LatencyMs));
                    }
                }
                for (qsizetype i = 0; i < buckets.size(); ++i) {
                    // p50 of the bucket: the count-weighted median of the per-second medians.
                    auto &values = latencies[size_t(i)];
                    std::sort(values.begin(), values.end());
                    qint64 total = 0;
                    for (const auto &v : values) {
                        total += v.second;
                    }
                    qint64 seen = 0;
                    for (const auto &v : values) {
                        seen += v.second;
                        if (seen * 2 >= total) {
                            buckets[i].p50Ms = v.first;
                            break;
                        }
                    }
                    const qint64 errors = buckets[i].calls - buckets[i].outcomes[size_t(OutcomeClass::Ok)];
                    buckets[i].state = errors * 2 >= buckets[i].calls && buckets[i].calls >= 5 ? HealthState::Down
                                       : errors * 20 >= buckets[i].calls                       ? HealthState::Degraded
                                                                                               : HealthState::Healthy;
                }
                std::sort(buckets.begin(), buckets.end(),
                          [](const HealthBucket &a, const HealthBucket &b) { return a.startMs < b.startMs; });
            }
            Q_EMIT healthHistoryLoaded(fromMs, toMs, buckets);
        });
}

} // namespace Switchboard::Connector
