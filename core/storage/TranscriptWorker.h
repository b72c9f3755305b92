// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to storage/: the thread-side half of TranscriptStore. Other modules use TranscriptStore.

#include "storage/PublishJournal.h"
#include "storage/TranscriptRecords.h"
#include "storage/TranscriptStatement.h"
#include "util/Result.h"

#include <QMutex>
#include <QObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>
#include <variant>
#include <vector>

namespace Switchboard::Storage::Detail
{

class TranscriptWorker;

/** A change of a reply's publication state (failed, or back to pending). */
struct PublishStateChange
{
    QString deliveryId;
    int replyIndex = 0;
    PublishState state = PublishState::Pending;
};

/** Work that must run on the store's thread in queue order (open/close, releaseMemory, flushAndWait). */
using TranscriptTask = std::function<void(TranscriptWorker &worker)>;

/**
 * A query. It runs on the store's connection inside the transaction being written, so it sees every
 * record queued before it without committing them: a query does not cut a batch short (each new
 * conversation asks two, and every commit rewrites each page its batch touched).
 */
struct ReadTask
{
    std::function<void(TranscriptWorker &worker)> run;
};

/**
 * A flush marker: `notify` runs once everything enqueued before it is committed. Unlike a task it
 * does not force a commit where it stands; markers that meet in one drain share one commit (group
 * commit), so many sessions waiting for their write-ahead marks cost one WAL commit, not one each.
 */
struct FlushMarker
{
    std::function<void()> notify;
};

using TranscriptItem = std::variant<ConversationRecord,
                                    MessageRecord,
                                    HopRecord,
                                    EscalationRecord,
                                    HealthSample,
                                    HandledMessage,
                                    PublishedReply,
                                    PublishStateChange,
                                    TranscriptBatch,
                                    TranscriptTask,
                                    ReadTask,
                                    FlushMarker>;

/** The queue shared by TranscriptStore (producers, any thread) and its worker (one consumer). */
struct TranscriptQueue
{
    QMutex mutex;
    std::vector<TranscriptItem> items;
    /** Records (not tasks) waiting in items. */
    qsizetype records = 0;
    /** The commit timer was requested (or runs) and the queue was not drained since. */
    bool timerRequested = false;
    /** A request to drain at once is on its way to the worker. */
    bool drainRequested = false;
    /** The next drain commits (a full batch, a flush marker or a task is queued), not only answers queries. */
    bool commitRequested = false;
    /** open() was called: from then on the worker is woken for new items. */
    bool openCalled = false;
    /** Write-ahead marks of published replies (append with the mutex held; see PublishJournal). */
    PublishJournal journal;
};

/**
 * Owns the SQLite connection of one TranscriptStore and lives in the store's thread. Drains the
 * queue in order: consecutive records go into one transaction, and before a task runs, what came
 * before it is committed — so a query sees every write enqueued before it.
 */
class TranscriptWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TranscriptWorker)

public:
    TranscriptWorker(std::shared_ptr<TranscriptQueue> queue, int commitIntervalMs);
    ~TranscriptWorker() override;

    VoidResult open(const QString &path, bool fullTextSearch);
    void close();
    bool isOpen() const;
    bool hasFullTextSearch() const;
    int schemaVersion() const;
    /** The schema version the file had before open() migrated it. */
    int schemaVersionAtOpen() const;

    Result<Transcript> transcript(const QString &conversationId);
    Result<QList<ConversationRecord>> searchConversations(const QString &text, const QString &integrationId, int limit);
    Result<ConversationPage> conversations(const ConversationQuery &query);
    Result<std::optional<ConversationRecord>> conversation(const QString &conversationId);
    Result<bool> isHandled(const QString &dialogId, qint64 sequence);
    Result<qint64> lastHandledSequence(const QString &dialogId);
    Result<bool> isReplyPublished(const QString &deliveryId, int replyIndex);
    Result<QList<int>> publishedReplyIndexes(const QString &deliveryId);
    Result<QList<HealthSample>> healthSamples(const QString &integrationId, qint64 fromMs, qint64 toMs);
    Result<QList<HealthBucket>> healthBuckets(const QString &integrationId, qint64 fromMs, qint64 toMs, qint64 bucketMs);
    Result<qint64> messageCount();
    /** Frees SQLite's cached pages (all clean between transactions); see TranscriptStore::releaseMemory(). */
    void releaseMemory();
    Result<qint64> cacheMemoryUsed();

public Q_SLOTS:
    /** Starts the commit timer unless it runs (records arrived). */
    void handleTimerRequest();
    /** Commits everything queued, now. */
    void drain();
    /**
     * Answers the queued queries now: writes what is queued before them into the open transaction
     * and leaves the commit to the commit timer, unless something queued needs one (a full batch, a
     * flush marker, a task).
     */
    void drainForReads();

Q_SIGNALS:
    /** Some records could not be stored; the message says how many and why. */
    void writeFailed(const QString &message);

private:
    void writeItem(TranscriptItem &item);
    void write(const ConversationRecord &record);
    void write(const MessageRecord &record);
    void write(const HopRecord &record);
    void write(const EscalationRecord &record);
    void write(const HealthSample &sample);
    void write(const HandledMessage &handled);
    void write(const PublishedReply &published);
    void write(const PublishStateChange &change);
    void write(const TranscriptBatch &batch);
    bool run(TranscriptStatement &statement, const char *what);
    void recordFailure(const char *what, const QString &reason);
    /** Prepares the write statements on @p db; the reason if one failed, empty otherwise. */
    QString prepareStatements(sqlite3 *db);
    void finalizeStatements();
    void begin();
    /** Commits the open transaction; false if it or a write in it failed (reported via writeFailed). */
    bool commit();
    /** Stores the marks the publication journal held at open() (a crash before their commit). */
    void replayJournal();
    Error queryError(const QSqlQuery &query) const;
    Error closedError() const;

    std::shared_ptr<TranscriptQueue> m_queue;
    QTimer m_commitTimer;
    QString m_connectionName;
    QString m_path;
    bool m_open = false;
    bool m_fullTextSearch = false;
    int m_schemaVersionAtOpen = 0;
    bool m_inTransaction = false;
    qsizetype m_written = 0;
    qsizetype m_failed = 0;
    QString m_firstFailure;

    /** drain() and drainForReads(): @p commitDue from the commit timer or an explicit request. */
    void drainQueue(bool commitDue);
    /** Items taken from the queue by the running drain(); keeps its capacity for the next one. */
    std::vector<TranscriptItem> m_draining;

    // The write statements, on the sqlite3 connection Qt SQL opened (reads stay on Qt SQL).
    TranscriptStatement m_upsertConversation;
    TranscriptStatement m_insertMessage;
    TranscriptStatement m_indexMessage;
    TranscriptStatement m_insertHop;
    TranscriptStatement m_upsertEscalation;
    TranscriptStatement m_insertHealth;
    TranscriptStatement m_insertHandled;
    TranscriptStatement m_insertPublished;
    TranscriptStatement m_updatePublishState;
};

} // namespace Switchboard::Storage::Detail
