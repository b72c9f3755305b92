// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/TranscriptRecords.h"
#include "util/Result.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

namespace Switchboard::Storage
{

namespace Detail
{
class TranscriptWorker;
struct TranscriptQueue;
} // namespace Detail

/**
 * The transcript database: conversations, messages, the hops of each round trip, escalations,
 * endpoint-health samples, and the restart bookkeeping that keeps delivery at-least-once and
 * publication at-most-once across restarts (which consumer messages were handed to the bot,
 * which replies were published). SQLite through Qt SQL, in WAL mode, with schema migrations
 * (TranscriptSchema) and FTS5 full-text search over message text where SQLite has it (a LIKE
 * scan otherwise).
 *
 * Threads. The store owns a thread on which its one connection lives; nothing here does disk
 * I/O on the caller's thread.
 * - Writes (upsertConversation(), appendMessage(), …) may be called from any thread. They only
 *   enqueue a copy of the record (a mutex and a push) and return. The store's thread commits the
 *   queue in one transaction every commitIntervalMs (100 ms) or as soon as commitBatchSize
 *   records wait. Failures are reported by writeFailed(); nothing throws.
 * - flush() / flush(context, done) report, asynchronously, when everything enqueued before the
 *   call is committed. flushAndWait() blocks until then; use it only at shutdown and in tests.
 * - Queries run on the store's thread in queue order, so every query sees all writes enqueued
 *   before it. fetch…() variants return at once and call back in the context object's thread
 *   (not at all if the context was destroyed). The synchronous variants block the calling thread
 *   until the answer is there: call them from worker threads, the command line and tests — never
 *   from the UI thread.
 *
 * Lifecycle. Construct, connect, then open() (or openAndWait()). Records enqueued before open()
 * are written once the database is open; queries before open() fail. The destructor commits
 * what is queued, closes the database, and ends the thread (quit, then wait). Destroy the store in
 * the thread that created it.
 *
 * At-most-once publication: call markReplyPublishedNow() and publish the reply when it succeeds
 * (the mark is then in the publication journal, Detail::PublishJournal, as durable as a commit);
 * when it fails, call markReplyPublished() and wait for flush(context, done) before publishing.
 * After a restart, isReplyPublished() tells which replies to skip.
 */
class TranscriptStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TranscriptStore)

public:
    struct Options
    {
        /** Database file; empty = defaultPath(). */
        QString path;
        /**
         * Longest time a record waits before its transaction is committed. Each commit rewrites
         * every page it touched, and a round trip touches one page in each conversation-keyed index:
         * at 1 000 round trips/s, 100 ms writes 20 % less log per round trip than 50 ms (a crash
         * loses up to this much of the transcript; publication marks are in the journal at once).
         */
        int commitIntervalMs = 100;
        /**
         * Commit at once when this many records wait (about 8 per round trip, so ~500 round trips:
         * what 100 ms bring at 5 000/s). The fewer commits, the fewer rewrites of each index page;
         * a transaction this large dirties about 4 MB of pages, which the 8 MiB page cache holds
         * (dirty pages spill to the log mid-transaction only beyond 16 MiB; see
         * TranscriptWorker::open()). Against 1 000 records with a 4 MiB cache (a commit every 125
         * round trips at saturation): −24 % store-thread CPU at saturation (docs/PERFORMANCE.md).
         */
        int commitBatchSize = 4000;
        /** Use FTS5 when SQLite has it; false forces the LIKE fallback (tests). */
        bool fullTextSearch = true;
    };

    template<typename T>
    using Callback = std::function<void(const Result<T> &result)>;

    explicit TranscriptStore(Options options, QObject *parent = nullptr);
    ~TranscriptStore() override;

    /** transcripts.sqlite in QStandardPaths::AppDataLocation. */
    static QString defaultPath();

    QString path() const;

    /** Opens (creating or migrating) the database on the store's thread; emits opened(). */
    void open();
    /** open(), blocking until done. */
    VoidResult openAndWait();
    bool isOpen() const;
    /** Whether text search uses FTS5 (else LIKE). Valid once open. */
    bool hasFullTextSearch() const;
    /** The schema version the file had before this open migrated it (0 for a new file). */
    int schemaVersionAtOpen() const;

    // --- Writes: any thread, non-blocking --------------------------------------------------

    /** Inserts or replaces the conversation with record.id. */
    void upsertConversation(const ConversationRecord &record);
    void appendMessage(const MessageRecord &record);
    void appendHop(const HopRecord &record);
    /** Inserts, or updates the escalation with the same id. */
    void recordEscalation(const EscalationRecord &record);
    void appendHealthSample(const HealthSample &sample);
    /** Remembers that the consumer message (dialog, sequence) was handed to the bot. */
    void markHandled(const HandledMessage &handled);
    /** Remembers that the reply (delivery id, index) was published (and marks its message row). */
    void markReplyPublished(const PublishedReply &reply);
    /**
     * markReplyPublished(), and the mark written to the publication journal before this returns,
     * so the reply may be published at once: a crash from here on cannot lose the mark. Fails
     * (nothing recorded) when the journal is unavailable — the store is not open yet, its files
     * cannot be written, or an id contains a tab or line break; then use markReplyPublished()
     * and flush(). Any thread.
     */
    VoidResult markReplyPublishedNow(const PublishedReply &reply);
    /** Sets the publication state of the reply message (delivery id, index), e.g. Failed. */
    void setReplyPublishState(const QString &deliveryId, int replyIndex, PublishState state);
    /** Many records at once (imports, benchmarks). */
    void append(TranscriptBatch batch);
    /** Records enqueued and not yet taken up by the store's thread. */
    qsizetype pendingCount() const;

    // --- Flush ------------------------------------------------------------------------------

    /** Emits flushed(ticket) once everything enqueued before this call is committed. */
    quint64 flush();
    /** Calls @p done in @p context's thread once everything enqueued before this call is committed. */
    void flush(QObject *context, std::function<void()> done);

    // --- Memory -----------------------------------------------------------------------------

    /**
     * Commits what is queued and gives back SQLite's page cache (up to 8 MiB once the store has
     * been busy); pages needed later are read again from the file, which the kernel keeps cached.
     * For a process going idle: the session engine calls this after a burst, before it returns
     * free heap pages to the kernel. Calls @p done in @p context's thread afterwards (at once when
     * the store is not open).
     */
    void releaseMemory(QObject *context, std::function<void()> done);
    /** Bytes SQLite's page cache holds now (SQLITE_DBSTATUS_CACHE_USED). */
    Result<qint64> cacheMemoryUsed();
    /** Blocks until everything enqueued so far is committed; false if the store is not open. Shutdown and tests only. */
    bool flushAndWait();

    // --- Queries: synchronous (blocking; not on the UI thread) ------------------------------

    /** Messages, hops and escalations of one conversation, each ordered by time. */
    Result<Transcript> transcript(const QString &conversationId);
    /** The conversation row, or an empty optional. */
    Result<std::optional<ConversationRecord>> conversation(const QString &conversationId);
    /**
     * Conversations with a message containing @p text, those with the newest matching message
     * first, at most @p limit; @p integrationId empty = all integrations. With FTS5 the words of
     * @p text match whole words as a phrase, case- and accent-insensitively ("late delivery");
     * a trailing '*' makes the last word a prefix ("refu*"), which is slower for short prefixes.
     * Without FTS5 it is a substring match (LIKE, ASCII case-insensitive) over every message.
     */
    Result<QList<ConversationRecord>> searchConversations(const QString &text,
                                                          const QString &integrationId = QString(),
                                                          int limit = 100);
    /** One page of conversations, newest first, with the total count. */
    Result<ConversationPage> conversations(const ConversationQuery &query);
    Result<bool> isHandled(const QString &dialogId, qint64 sequence);
    /** Highest handled sequence of a dialog, -1 if none (where to resume after a restart). */
    Result<qint64> lastHandledSequence(const QString &dialogId);
    Result<bool> isReplyPublished(const QString &deliveryId, int replyIndex);
    /** The reply indexes of a delivery already published, ascending. */
    Result<QList<int>> publishedReplyIndexes(const QString &deliveryId);
    /** Raw samples of an integration with fromMs <= time < toMs, by time. */
    Result<QList<HealthSample>> healthSamples(const QString &integrationId, qint64 fromMs, qint64 toMs);
    /**
     * Samples decimated into buckets of @p bucketMs starting at @p fromMs (calls, successes,
     * min/max/call-weighted average latency, largest p95/p99); empty buckets are left out.
     */
    Result<QList<HealthBucket>> healthBuckets(const QString &integrationId, qint64 fromMs, qint64 toMs, qint64 bucketMs);
    Result<qint64> messageCount();

    // --- Queries: asynchronous (callback in the context's thread) ---------------------------

    void fetchTranscript(const QString &conversationId, QObject *context, Callback<Transcript> callback);
    void fetchSearch(const QString &text,
                     const QString &integrationId,
                     int limit,
                     QObject *context,
                     Callback<QList<ConversationRecord>> callback);
    void fetchConversations(const ConversationQuery &query, QObject *context, Callback<ConversationPage> callback);
    void fetchIsHandled(const QString &dialogId, qint64 sequence, QObject *context, Callback<bool> callback);
    void fetchLastHandledSequence(const QString &dialogId, QObject *context, Callback<qint64> callback);
    void fetchIsReplyPublished(const QString &deliveryId, int replyIndex, QObject *context, Callback<bool> callback);
    void fetchPublishedReplyIndexes(const QString &deliveryId, QObject *context, Callback<QList<int>> callback);
    void fetchHealthSamples(const QString &integrationId,
                            qint64 fromMs,
                            qint64 toMs,
                            QObject *context,
                            Callback<QList<HealthSample>> callback);
    void fetchHealthBuckets(const QString &integrationId,
                            qint64 fromMs,
                            qint64 toMs,
                            qint64 bucketMs,
                            QObject *context,
                            Callback<QList<HealthBucket>> callback);

Q_SIGNALS:
    /** open() finished; @p errorMessage is empty on success. */
    void opened(bool ok, const QString &errorMessage);
    void flushed(quint64 ticket);
    /** Some records could not be stored (the message says how many and why). */
    void writeFailed(const QString &message);

private:
    template<typename Item>
    void enqueueRecord(qsizetype count, Item &&item);
    /** enqueueRecord() if @p guard, called with the queue locked, succeeds; else its error. */
    template<typename Item, typename Guard>
    VoidResult enqueueRecordIf(qsizetype count, Item &&item, Guard &&guard);
    bool enqueueTask(std::function<void(Detail::TranscriptWorker &)> task, bool front = false);
    /** A query (Detail::ReadTask): answered without committing what is queued before it. */
    bool enqueueRead(std::function<void(Detail::TranscriptWorker &)> query);
    /** A flush marker: `notify` runs on the store's thread after the commit that covers it (group commit). */
    bool enqueueFlushMarker(std::function<void()> notify);
    /** Queues a task, query or flush marker and wakes the worker; false before open(). */
    template<typename Item>
    bool enqueueControl(Item &&item, bool front);
    /** A query (Detail::ReadTask), or with @p read false a task that commits what is queued first. */
    template<typename T>
    Result<T> runSync(std::function<Result<T>(Detail::TranscriptWorker &)> query, bool read = true);
    template<typename T>
    void runAsync(std::function<Result<T>(Detail::TranscriptWorker &)> query, QObject *context, Callback<T> callback);

    Options m_options;
    std::shared_ptr<Detail::TranscriptQueue> m_queue;
    QThread m_thread;
    Detail::TranscriptWorker *m_worker = nullptr;
    std::atomic<bool> m_open{false};
    std::atomic<bool> m_fullTextSearch{false};
    std::atomic<int> m_schemaVersionAtOpen{0};
    std::atomic<quint64> m_nextTicket{0};
};

} // namespace Switchboard::Storage
