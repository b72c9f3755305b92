// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connector/ConnectorTypes.h"
#include "connector/EndpointHealth.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <algorithm>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>

class QTimer;

namespace Switchboard
{
class Clock;
}

namespace Switchboard::LivePerson
{
class AgentChannel;
struct ChannelStatus;
struct ConversationInfo;
struct ConversationMessage;
struct CommandResult;
struct DialogInfo;
struct Skill;
} // namespace Switchboard::LivePerson

namespace Switchboard::Bot
{
struct BotReply;
class BotClient;
struct BotError;
struct BotResponse;
struct BotState;
struct HopRecord;
} // namespace Switchboard::Bot

namespace Switchboard::Storage
{
class TranscriptStore;
}

namespace Switchboard::Connector
{

class EventLog;

/** What a session engine needs to know about its integration. */
struct SessionSettings
{
    QString integrationId;
    QString name;
    /** "messaging" or "chat". */
    QString channel = QStringLiteral("messaging");
    /** The bot's own skill: escalation never transfers back to it (loop guard). */
    QString botSkillId;
    /** Where failed conversations go; empty = no automatic transfer, an alert instead. */
    QString fallbackSkillId;
    bool surveyBot = false;
    /** Send the Custom Endpoint START (welcome) event when the bot joins a conversation. */
    bool sendWelcome = false;
    /** How often observers get a batch of changes. */
    int tickMs = 50;
    /** Bot state probe period while healthy, and while down. */
    int probeIntervalMs = 30000;
    int probeIntervalDownMs = 5000;
    /**
     * After a burst of at least this many bot deliveries, once none has been in flight for
     * returnMemoryIdleMs, the transcript store gives back its page cache and then the process's
     * free heap pages go back to the kernel (SessionParts::returnFreeMemory): the footprint falls
     * back to the live data instead of staying at the burst's high-water mark. 0 = never.
     * A return that deliveries followed within a second came before the burst's end (a stalled
     * peer made a gap); the rest of that burst then needs a tenth as many deliveries, so what it
     * fills (the page cache above all) is given back too.
     */
    int returnMemoryAfterDeliveries = 1000;
    /** Long enough that a stall of the peer (a descheduled process) is not taken for the burst's end. */
    int returnMemoryIdleMs = 250;
    /**
     * A finished conversation — closed, or escalated or taken away from the bot, with nothing of
     * the bot's still in flight or waiting to be published — stays in the session's table (and
     * the console's list) this long and is then dropped; its transcript stays in the store. At
     * most finishedRetentionCount finished conversations are kept (the oldest go first), so a
     * connector that runs for weeks holds its open conversations, not every one it ever saw.
     */
    qint64 finishedRetentionMs = 15 * 60 * 1000;
    int finishedRetentionCount = 1000;
};

/** Makes the engine's parts on the engine's own thread, so sockets and timers live there. */
struct SessionParts
{
    using SentinelCallback = std::function<void(const QString &sentinelUrl, const QString &error)>;

    std::function<LivePerson::AgentChannel *(QObject *parent)> makeChannel;
    /**
     * Optional: finds the Sentinel host (CSDS service "sentinel") before the bot client is made,
     * calling back on the context's thread. Custom Endpoint bots need it for the App JWT.
     */
    std::function<void(QObject *context, SentinelCallback callback)> resolveSentinel;
    std::function<Bot::BotClient *(const QString &sentinelUrl, QObject *parent)> makeBot;
    /** Optional: gives free heap memory back to the kernel; default glibc's malloc_trim(0) (elsewhere nothing). */
    std::function<void()> returnFreeMemory;
};

/**
 * The working half of a connector session. It joins one AgentChannel to one BotClient: every
 * consumer message is recorded, handed to the bot with a stable delivery id, and the bot's reply
 * items are published in order (text, cards, quick replies, delays with typing, transfer, close,
 * TTR); failures escalate to the fallback skill. It tracks conversation state and endpoint health
 * and reports observers a batch of changes per tick.
 *
 * Delivery guarantees: a consumer message is marked handled only after its replies were
 * processed (or its escalation settled), so a restart hands an unanswered message to the bot again
 * (same delivery id); each reply item is recorded as published just before it is sent — in the
 * store's publication journal (one write, crash-safe on return), or committed first when the journal
 * is unavailable — so no reply goes out twice (at most once), across reconnects and restarts. While the
 * channel is not online nothing is sent: replies wait at the head of their conversation's queue and
 * transfers wait, both resumed once it is online again. A send that failed without a clear answer
 * (socket closed, timeout) is never repeated: the conversation is escalated to the fallback skill (or the operator alerted). A
 * transfer failed by the connection is retried (at most 3 attempts) until LivePerson confirms it.
 * An item recorded before a restart without a confirmed send is looked for in LivePerson's history
 * (AgentChannel::fetchOwnMessages(), once the channel is online; the answer waits until then):
 * sent now when the history shows it never arrived
 * (connector.resent_after_restart), not repeated when it is there, nor when the history does not
 * tell (noted as connector.unknown_publish_after_restart).
 *
 * Thread: lives on the session's worker thread (ConnectorSessionImpl moves it there) and creates
 * its channel and bot client there in start(). Not thread-safe; talk to it with queued calls.
 * The TranscriptStore and the EventLog are shared and must outlive it.
 */
class SessionEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionEngine)

public:
    SessionEngine(SessionSettings settings,
                  SessionParts parts,
                  Storage::TranscriptStore *store,
                  EventLog *eventLog,
                  const Clock &clock,
                  QObject *parent = nullptr);
    ~SessionEngine() override;

    void start();
    void stop();
    void escalate(const Switchboard::Connector::EscalationRequest &request);
    void escalateAllOpen(const Switchboard::Connector::EscalationRequest &request);
    void requestTranscript(const QString &conversationId);
    void requestHops(const QString &deliveryId);
    void requestHealthHistory(qint64 fromMs, qint64 toMs, int maxBuckets);
    /** Every conversation the session knows, as observers see it; on the engine's thread. */
    QList<ConversationSnapshot> conversations() const;

Q_SIGNALS:
    void statusChanged(const Switchboard::Connector::SessionStatus &status);
    /**
     * One batch per tick: changed conversations, new transcript lines, counters, health, and the
     * finished conversations dropped from the table (SessionSettings::finishedRetentionMs).
     */
    void ticked(const QList<Switchboard::Connector::ConversationSnapshot> &conversations,
                const QList<Switchboard::Connector::TranscriptEntry> &entries,
                const Switchboard::Connector::SessionCounters &counters,
                const Switchboard::Connector::HealthSnapshot &health,
                const QStringList &removedConversations);
    void skillsChanged(const QList<Switchboard::Connector::SkillInfo> &skills);
    void escalationFinished(const QString &conversationId, bool ok, const QString &message);
    void alertRaised(const QString &message);
    void transcriptLoaded(const QString &conversationId,
                          const QList<Switchboard::Connector::TranscriptEntry> &entries);
    void hopsLoaded(const QString &deliveryId, const QList<Switchboard::Connector::HopSnapshot> &hops);
    void healthHistoryLoaded(qint64 fromMs, qint64 toMs, const QList<Switchboard::Connector::HealthBucket> &buckets);
    void stopped();

public:
    /** What LivePerson's history says about a reply item sent when the previous run ended. */
    enum class HistoryVerdict
    {
        Arrived, ///< it is there: not sent again
        Missing, ///< it is not: sent now
        Unclear, ///< the history fits both (or neither): not sent again, noted
    };
    /**
     * Judges the last of the `recorded` item indexes of a recovered answer against `own`, the
     * agent's own messages LivePerson has after the consumer's message (oldest first); see
     * checkHistory(). Public for tests.
     */
    static HistoryVerdict judgeHistory(const QList<Bot::BotReply> &items,
                                       const QList<int> &recorded,
                                       const QList<LivePerson::ConversationMessage> &own);

private:
    struct Delivery
    {
        QString deliveryId;
        QStringList constituents;
        QString dialogId;
        qint64 sequence = -1;
        bool recovered = false;
    };
    /**
     * One conversation's deliveries in flight, keyed by delivery id; QHash's find/insert/take/remove.
     * Usually one or none, so a small list: a QHash allocates a span of ~5 KB for its first entry and
     * keeps it after the last one is gone, which with 10 000 open conversations was 50 MB. The
     * list's storage is released when it empties.
     */
    class InFlightDeliveries
    {
    public:
        using iterator = QList<Delivery>::iterator;
        iterator begin()
        {
            return m_items.begin();
        }
        iterator end()
        {
            return m_items.end();
        }
        QList<Delivery>::const_iterator begin() const
        {
            return m_items.cbegin();
        }
        QList<Delivery>::const_iterator end() const
        {
            return m_items.cend();
        }
        bool isEmpty() const
        {
            return m_items.isEmpty();
        }
        qsizetype size() const
        {
            return m_items.size();
        }
        iterator find(const QString &deliveryId)
        {
            return std::find_if(
                m_items.begin(), m_items.end(), [&](const Delivery &d) { return d.deliveryId == deliveryId; });
        }
        void insert(const QString &deliveryId, const Delivery &delivery)
        {
            const auto it = find(deliveryId);
            if (it != end()) {
                *it = delivery;
            } else {
                m_items.append(delivery);
            }
        }
        Delivery take(const QString &deliveryId)
        {
            const auto it = find(deliveryId);
            if (it == end()) {
                return {};
            }
            Delivery taken = std::move(*it);
            m_items.erase(it);
            releaseIfEmpty();
            return taken;
        }
        qsizetype remove(const QString &deliveryId)
        {
            const auto it = find(deliveryId);
            if (it == end()) {
                return 0;
            }
            m_items.erase(it);
            releaseIfEmpty();
            return 1;
        }

    private:
        void releaseIfEmpty()
        {
            if (m_items.isEmpty()) {
                m_items = QList<Delivery>();
            }
        }
        QList<Delivery> m_items;
    };
    struct PendingResponse;
    /**
     * A transfer Switchboard asked for and LivePerson has not confirmed yet. A transfer that fails
     * because the connection was down or closed is retried once the channel is online again, at
     * most s_maxTransferAttempts times; LivePerson reporting the transfer (or the bot's removal)
     * settles it. The consumer messages behind it are marked handled only when it is settled, so a
     * restart in between hands them to the bot again rather than losing them.
     */
    struct Transfer
    {
        QString skillId;
        QString cause;
        QString reason;
        bool manual = false;
        int attempts = 0;
        /** A transferToSkill call is on its way. */
        bool inFlight = false;
        /** Waiting for the channel to be online (the first attempt or a retry). */
        bool waiting = false;
        /** Identifies the attempt whose completion still counts. */
        quint64 generation = 0;
        QString recordId;
        qint64 recordTimeMs = 0;
        QString fromSkillId;
        /** Consumer messages to mark handled once the escalation is settled. */
        QList<Delivery> deliveries;
    };
    /**
     * std::optional's interface over a heap slot: empty, it costs a pointer rather than
     * sizeof(T) in every open conversation (a Transfer is ~180 bytes, needed only while escalating).
     */
    template <typename T> class Boxed
    {
    public:
        Boxed() = default;
        Boxed(const Boxed &other)
            : m_value(other.m_value ? std::make_unique<T>(*other.m_value) : nullptr)
        {
        }
        Boxed &operator=(const Boxed &other)
        {
            m_value = other.m_value ? std::make_unique<T>(*other.m_value) : nullptr;
            return *this;
        }
        Boxed(Boxed &&) noexcept = default;
        Boxed &operator=(Boxed &&) noexcept = default;
        Boxed &operator=(T value)
        {
            m_value = std::make_unique<T>(std::move(value));
            return *this;
        }
        explicit operator bool() const
        {
            return m_value != nullptr;
        }
        bool has_value() const
        {
            return m_value != nullptr;
        }
        T *operator->()
        {
            return m_value.get();
        }
        const T *operator->() const
        {
            return m_value.get();
        }
        T &operator*()
        {
            return *m_value;
        }
        const T &operator*() const
        {
            return *m_value;
        }
        void reset()
        {
            m_value.reset();
        }

    private:
        std::unique_ptr<T> m_value;
    };
    /** Campaign, engagement and language as taken from LivePerson's conversation context. */
    struct ContextIds
    {
        QString engagementId;
        QString campaignId;
        QString language;
    };
    enum class EscalationEnd
    {
        Transferred,
        Failed,
        Cancelled,
    };
    struct Conversation
    {
        ConversationSnapshot snapshot;
        QString dialogId;
        /**
         * What bot events carry from LivePerson's conversation context (campaign, engagement,
         * language); the context object itself is not kept (about 1 KB per conversation). One
         * shared copy per distinct combination (see sharedContextIds()); null when all are empty.
         */
        std::shared_ptr<const ContextIds> contextIds;
        /** Deliveries sent to the bot and not answered yet, in order. */
        InFlightDeliveries inFlight;
        /** Responses waiting to be published, in arrival order. */
        QList<std::shared_ptr<PendingResponse>> publishQueue;
        bool publishing = false;
        bool escalating = false;
        /** Set while escalating (from the request until LivePerson confirms, or the last attempt fails). */
        Boxed<Transfer> transfer;
        /** The bot closed its (MAIN) dialog: the bot leaving next is that close, not an escalation. */
        bool closingDialog = false;
        /**
         * The intents of the bot's last answer as compact JSON text (the `intents` array of the
         * BotResponse metadata, reference §7), sent on transfers. Shared with other conversations
         * whose last answer had the same intents (see m_lastIntents).
         */
        QByteArray botIntents;
        /** In m_finished, waiting to be dropped (see SessionSettings::finishedRetentionMs). */
        bool retiring = false;
    };

    void createBot(const QString &sentinelUrl);
    // channel
    void handleChannelState(const LivePerson::ChannelStatus &status);
    void handleConversationStarted(const LivePerson::ConversationInfo &info);
    void handleConsumerMessage(const LivePerson::ConversationMessage &message);
    void handleConversationClosed(const QString &conversationId, const QString &reason);
    void handleConversationTransferred(const QString &conversationId, const QString &newSkillId);
    void handleRemoved(const QString &conversationId);
    void handleDialogChanged(const QString &conversationId, const LivePerson::DialogInfo &dialog);
    void handleSkills(const QList<LivePerson::Skill> &skills);
    /** Survey bots: the POST_SURVEY dialog the bot was assigned to starts the survey (Bot::EventType::SurveyStart). */
    void startSurvey(Conversation &conversation, const LivePerson::ConversationInfo &info);
    // bot
    void handleReplied(const QString &deliveryId, const Bot::BotResponse &response);
    void handleDeliveryFailed(const QString &deliveryId, const Bot::BotError &error);
    /** After a restart: notes items recorded as published without a confirmed send (never re-sent). */
    void checkRecoveredReplies(const QString &conversationId, const std::shared_ptr<PendingResponse> &pending);
    void checkHistory(const QString &conversationId, const std::shared_ptr<PendingResponse> &pending);
    void noteUnknownPublish(const QString &conversationId,
                            const std::shared_ptr<PendingResponse> &pending,
                            const QString &why);
    void handleAttempt(const Bot::HopRecord &hop);
    void handleStateProbed(const Bot::BotState &state);
    void handleEventsCombined(const QString &deliveryId, const QStringList &constituents);

    Conversation &conversation(const QString &conversationId);
    Conversation *findConversation(const QString &conversationId);
    Conversation *conversationOfDelivery(const QString &deliveryId);
    void deliverToBot(Conversation &conversation,
                      const LivePerson::ConversationMessage &message,
                      const QString &deliveryId);
    void publishNext(const QString &conversationId);
    void publishItem(const QString &conversationId, const std::shared_ptr<PendingResponse> &pending);
    void finishResponse(const QString &conversationId, const std::shared_ptr<PendingResponse> &pending);
    void markHandled(const Conversation &conversation, const Delivery &delivery);
    /** Settles the head response without marking it handled, and escalates for it (ambiguous publish). */
    void escalateForResponse(const QString &conversationId, const std::shared_ptr<PendingResponse> &pending);
    void escalateConversation(const QString &conversationId,
                              const QString &skillId,
                              const QString &cause,
                              const QString &reason,
                              const QString &handoffText,
                              bool manual,
                              const std::optional<Delivery> &trigger = std::nullopt);
    void transferNow(const QString &conversationId);
    void finishEscalation(const QString &conversationId, EscalationEnd end, const QString &message);
    /** The channel is online again: resumes held replies and waiting transfers. */
    void resumeAfterReconnect();
    bool channelOnline() const;

    void addEntry(const QString &conversationId,
                  TranscriptRole role,
                  const QString &text,
                  const QString &deliveryId = QString(),
                  const QString &code = QString(),
                  const QString &hint = QString(),
                  const QJsonObject &content = QJsonObject());
    void touch(Conversation &conversation);
    void persist(const Conversation &conversation);
    void setStatus(SessionState state, const QString &reason, const QDateTime &nextAttemptAt = QDateTime());
    void logEvent(int level, const QString &conversationId, const QString &code, const QString &message);
    void scheduleTick();
    void emitTick();
    void scheduleProbe();
    void persistHealthSecond();
    void countMessage();
    SessionCounters counters() const;
    /** What observers see of @p conversation (an escalation in progress shows as cause "pending"). */
    static ConversationSnapshot snapshotOf(const Conversation &conversation);
    std::optional<qint64> resumeSequence(const QString &conversationId, const QString &dialogId);
    QString skillName(const QString &skillId) const;

    SessionSettings m_settings;
    SessionParts m_parts;
    Storage::TranscriptStore *m_store;
    QPointer<EventLog> m_eventLog;
    const Clock &m_clock;

    LivePerson::AgentChannel *m_channel = nullptr;
    Bot::BotClient *m_bot = nullptr;
    EndpointHealth m_health;
    QList<SkillInfo> m_skills;

    QHash<QString, Conversation> m_conversations;
    /** Delivery id → conversation id, for every delivery in flight. */
    QHash<QString, QString> m_deliveryOwners;
    /**
     * Dialog id → conversation id, for dialogs whose id is not their conversation's (MAIN dialogs
     * share the conversation id and have no entry: 10 000 entries of nothing).
     */
    QHash<QString, QString> m_dialogOwners;
    /** Dialog id → highest sequence handled, for QueryMessages after a reconnect. */
    QHash<QString, qint64> m_lastHandled;

    /**
     * Small values many conversations repeat (skill, engagement and campaign ids, languages, the
     * last intents): one shared copy each instead of an allocation per conversation.
     */
    QString intern(const QString &value);
    QSet<QString> m_interned;
    /** Null when all three are empty; else one shared copy per distinct combination (bounded like intern()). */
    std::shared_ptr<const ContextIds> sharedContextIds(const ContextIds &ids);
    QHash<QString, std::shared_ptr<const ContextIds>> m_contextIds;
    QByteArray m_lastIntents;

    QSet<QString> m_dirty;
    QList<TranscriptEntry> m_pendingEntries;
    /** Nothing of the bot's is pending: the conversation can leave the table (see m_finished). */
    static bool isFinished(const Conversation &conversation);
    void noteIfFinished(const QString &conversationId);
    /** Drops the finished conversations past their retention; returns their ids. */
    QStringList dropFinishedConversations(qint64 nowMs);
    struct FinishedConversation
    {
        QString id;
        qint64 finishedAtMs = 0;
    };
    /** Finished conversations in the order they finished (each with Conversation::retiring set). */
    std::deque<FinishedConversation> m_finished;
    QTimer *m_tickTimer = nullptr;
    QTimer *m_retireTimer = nullptr;
    QTimer *m_probeTimer = nullptr;
    /** See SessionSettings::returnMemoryAfterDeliveries. */
    QTimer *m_returnMemoryTimer = nullptr;
    int m_deliveriesSinceMemoryReturned = 0;
    /** Deliveries the next return waits for: the setting, or a tenth after a premature return. */
    int m_returnMemoryThreshold = 0;
    /** Since the last return (invalid before the first). */
    QElapsedTimer m_sinceMemoryReturned;
    void noteDeliveryDone();
    void returnFreeMemory();
    qint64 m_nextEntryId = 1;
    SessionStatus m_status;
    bool m_stopping = false;
    /** Attempts to read LivePerson's history for a recovered answer before it is noted as unknown. */
    static constexpr int s_maxHistoryReads = 3;
    /** LatencyProbe start of the consumer message being handled (0 = not measured). */
    std::int64_t m_probeInboundNs = 0;

    // Counters.
    qint64 m_consumerMessages = 0;
    qint64 m_botReplies = 0;
    qint64 m_botFailures = 0;
    int m_escalationsToday = 0;
    QDate m_escalationDay;
    std::array<int, 60> m_messagesPerSecond{};
    qint64 m_messagesSecond = 0;

    // Health samples persisted once per second, per outcome class (count and latency percentiles).
    struct SecondAggregate
    {
        qint64 second = -1;
        std::array<std::vector<double>, OutcomeClassCount> latencies;
    };
    SecondAggregate m_healthSecond;
};

} // namespace Switchboard::Connector
