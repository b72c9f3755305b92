// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TranscriptWorker.h"

#include "storage/StorageLogging.h"
#include "storage/TranscriptSchema.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMutexLocker>
#include <QSqlError>
#include <QSet>
#include <QUuid>

#include <sqlite3.h>

#include <algorithm>
#include <atomic>

namespace Switchboard::Storage::Detail
{

namespace
{

using namespace Qt::StringLiterals;

/** A time or count that is "not set" at 0 (or below): NULL, as the Qt SQL bindings stored it. */
void bindOptionalTime(TranscriptStatement &statement, int index, qint64 value)
{
    if (value == 0) {
        statement.bindNull(index);
    } else {
        statement.bindInt64(index, value);
    }
}

/** A sequence or index that is "none" when negative (-1): NULL; 0 is a value. */
void bindOptionalInt64(TranscriptStatement &statement, int index, qint64 value)
{
    if (value < 0) {
        statement.bindNull(index);
    } else {
        statement.bindInt64(index, value);
    }
}

constexpr auto conversationColumns =
    "id, integration_id, channel, consumer_id, skill_id, state, opened_at, closed_at, escalated, escalation_cause";

ConversationRecord readConversation(const QSqlQuery &query)
{
    ConversationRecord record;
    record.id = query.value(0).toString();
    record.integrationId = query.value(1).toString();
    record.channel = query.value(2).toString();
    record.consumerId = query.value(3).toString();
    record.skillId = query.value(4).toString();
    record.state = query.value(5).toString();
    record.openedAtMs = query.value(6).toLongLong();
    record.closedAtMs = query.value(7).toLongLong();
    record.escalated = query.value(8).toInt() != 0;
    record.escalationCause = query.value(9).toString();
    return record;
}

/**
 * An FTS5 query for "contains this text": the words as one phrase (whole words, in order). A
 * trailing '*' makes the last word a prefix — on a short, common prefix that merges many terms and
 * is slower. Empty if the text has no word.
 */
QString ftsPhrase(QString text)
{
    text = text.trimmed();
    const bool prefix = text.endsWith(u'*');
    if (prefix) {
        text.chop(1);
    }
    const bool hasWord = std::any_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.isLetterOrNumber();
    });
    if (!hasWord) {
        return QString();
    }
    // Inside an FTS5 string a double quote is written twice; everything else is literal text
    // that the tokenizer splits into words, exactly as it split the indexed messages.
    text.replace(u'"', u"\"\""_s);
    return u'"' + text.simplified() + (prefix ? u"\" *"_s : u"\""_s);
}

QString likePattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    return u'%' + escaped + u'%';
}

std::atomic<int> s_connectionCounter{0};

} // namespace

TranscriptWorker::TranscriptWorker(std::shared_ptr<TranscriptQueue> queue, int commitIntervalMs)
    : m_queue(std::move(queue))
    , m_commitTimer(this)
{
    m_commitTimer.setSingleShot(true);
    m_commitTimer.setInterval(commitIntervalMs);
    connect(&m_commitTimer, &QTimer::timeout, this, &TranscriptWorker::drain);
}

TranscriptWorker::~TranscriptWorker()
{
    close();
}

VoidResult TranscriptWorker::open(const QString &path, bool fullTextSearch)
{
    m_path = path;
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        return Error{u"storage.transcript_open"_s,
                     tr("Cannot create the directory %1 for the transcript database.").arg(info.absolutePath())};
    }
    m_connectionName = u"switchboard-transcripts-%1"_s.arg(++s_connectionCounter);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        if (!db.open()) {
            const QString reason = db.lastError().text();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_connectionName);
            return Error{u"storage.transcript_open"_s,
                         tr("Cannot open the transcript database %1: %2").arg(path, reason)};
        }
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    auto fail = [&](const Error &error) -> VoidResult {
        qCWarning(lcStorage).noquote() << error.message;
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
        return error;
    };

    QSqlQuery pragma(db);
    // WAL lets readers run beside the writer; NORMAL syncs at checkpoints only, which is durable
    // against application crashes and loses at most the last commits on power loss.
    // wal_autocheckpoint: a checkpoint (two fdatasyncs, and every page copied from the WAL into
    // the database) every 20 000 frames (~80 MB of WAL) instead of SQLite's 1 000. Each round trip
    // dirties about seven pages spread over the indexes; the longer the log, the more rewrites of
    // one page a checkpoint folds into one write. 10 000 took a quarter off the store thread's CPU
    // per round trip; 20 000 writes another 16 % less into the database (tst_transcriptbench roundTrips).
    // The WAL file keeps that size until close() truncates it.
    // cache_size: 8 MiB, so one commit's dirty pages (~4 MB for the ~500 round trips of a full
    // batch, TranscriptStore::Options::commitBatchSize) fit beside the indexes' hot pages; with
    // 4 MiB, batches over ~150 round trips evicted pages that the next batch read again.
    // cache_spill: dirty pages are written to the log before the commit (and then again by it)
    // only once the cache holds more than 4 096 pages (16 MiB at the default 4 KiB page) instead of
    // cache_size, which bounds what one large drain can hold. tst_transcriptbench roundTrips,
    // 20 000 round trips, 4 interleaved rounds: 73–83 µs of store-thread CPU per round trip at
    // 100 per commit with 4 MiB, 55–62 µs at 500 per commit with this. An idle connector gives
    // the cache back (releaseMemory()), so the memory with 10 000 idle conversations is unchanged.
    for (const QString &statement : {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=NORMAL"_s,
                                     u"PRAGMA temp_store=MEMORY"_s, u"PRAGMA cache_size=-8192"_s,
                                     u"PRAGMA cache_spill=4096"_s, u"PRAGMA wal_autocheckpoint=20000"_s}) {
        if (!pragma.exec(statement)) {
            return fail(Error{u"storage.transcript_open"_s,
                              tr("Cannot configure the transcript database %1 (%2): %3")
                                  .arg(path, statement, pragma.lastError().text())});
        }
    }
    const Result<int> migrated = TranscriptSchema::migrate(db);
    if (!migrated) {
        return fail(migrated.error());
    }
    m_schemaVersionAtOpen = *migrated;
    const Result<bool> fts = TranscriptSchema::ensureFullTextSearch(db, fullTextSearch);
    if (!fts) {
        return fail(fts.error());
    }
    m_fullTextSearch = *fts;

    if (const QString reason = prepareStatements(TranscriptStatement::handle(db)); !reason.isEmpty()) {
        finalizeStatements();
        return fail(Error{u"storage.transcript_open"_s,
                          tr("Cannot prepare statements on the transcript database %1: %2").arg(path, reason)});
    }
    m_open = true;
    replayJournal();
    qCInfo(lcStorage) << "transcripts: opened" << path << "schema" << TranscriptSchema::currentVersion()
                      << "(was" << m_schemaVersionAtOpen << ")" << (m_fullTextSearch ? "FTS5" : "LIKE search");
    return Success{};
}

QString TranscriptWorker::prepareStatements(sqlite3 *db)
{
    QString reason;
    const auto prepare = [db, &reason](TranscriptStatement &statement, const QString &sql) {
        if (statement.prepare(db, sql)) {
            return true;
        }
        reason = statement.errorMessage();
        return false;
    };
    const bool prepared =
        prepare(m_upsertConversation,
                u"INSERT INTO conversations (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                u"ON CONFLICT (id) DO UPDATE SET integration_id = excluded.integration_id, channel = excluded.channel, "
                u"consumer_id = excluded.consumer_id, skill_id = excluded.skill_id, state = excluded.state, "
                u"opened_at = excluded.opened_at, closed_at = excluded.closed_at, escalated = excluded.escalated, "
                u"escalation_cause = excluded.escalation_cause"_s.arg(QLatin1String(conversationColumns)))
        && prepare(m_insertMessage,
                   u"INSERT INTO messages (conversation_id, dialog_id, sequence, role, content_type, text, raw_json, "
                   u"time, delivery_id, reply_index, publish_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s)
        && prepare(m_insertHop,
                   u"INSERT INTO hops (conversation_id, delivery_id, kind, attempt, started_at, finished_at, outcome, "
                   u"payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s)
        && prepare(m_upsertEscalation,
                   u"INSERT INTO escalations (id, conversation_id, time, from_skill, to_skill, cause, reason, outcome) "
                   u"VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET conversation_id = "
                   u"excluded.conversation_id, time = excluded.time, from_skill = excluded.from_skill, to_skill = "
                   u"excluded.to_skill, cause = excluded.cause, reason = excluded.reason, outcome = excluded.outcome"_s)
        && prepare(m_insertHealth,
                   u"INSERT INTO health_samples (integration_id, time, latency_ms, outcome, count, p95_ms, p99_ms) "
                   u"VALUES (?, ?, ?, ?, ?, ?, ?)"_s)
        && prepare(m_insertHandled,
                   u"INSERT OR IGNORE INTO handled_messages (dialog_id, sequence, conversation_id, delivery_id, "
                   u"handled_at) VALUES (?, ?, ?, ?, ?)"_s)
        && prepare(m_insertPublished,
                   u"INSERT OR IGNORE INTO published_replies (delivery_id, reply_index, conversation_id, published_at) "
                   u"VALUES (?, ?, ?, ?)"_s)
        && prepare(m_updatePublishState,
                   u"UPDATE messages SET publish_state = ? WHERE delivery_id = ? AND reply_index = ?"_s)
        && (!m_fullTextSearch || prepare(m_indexMessage, TranscriptSchema::indexStatement()));
    if (!prepared && reason.isEmpty()) {
        reason = tr("unknown error");
    }
    return reason;
}

void TranscriptWorker::finalizeStatements()
{
    for (TranscriptStatement *statement : {&m_upsertConversation, &m_insertMessage, &m_indexMessage, &m_insertHop,
                                           &m_upsertEscalation, &m_insertHealth, &m_insertHandled, &m_insertPublished,
                                           &m_updatePublishState}) {
        statement->finalize();
    }
}

void TranscriptWorker::replayJournal()
{
    Result<QList<PublishedReply>> marks = [this] {
        QMutexLocker locker(&m_queue->mutex);
        return m_queue->journal.open(m_path);
    }();
    if (!marks) {
        // Publication still works, one commit per reply: TranscriptStore::markReplyPublishedNow() fails
        // and the caller takes the flush() path.
        qCWarning(lcStorage).noquote() << marks.error().message << "- replies wait for a commit instead";
        return;
    }
    if (!marks->isEmpty()) {
        begin();
        for (const PublishedReply &mark : std::as_const(*marks)) {
            write(mark);
        }
        qCInfo(lcStorage) << "transcripts:" << marks->size()
                          << "publication mark(s) from the journal stored (the previous run ended before their commit)";
    }
    if (!commit()) {
        // Keep the files: the marks are read again at the next open.
        QMutexLocker locker(&m_queue->mutex);
        m_queue->journal.close();
        return;
    }
    QMutexLocker locker(&m_queue->mutex);
    if (const VoidResult cleared = m_queue->journal.clearAll(); !cleared) {
        qCWarning(lcStorage).noquote() << cleared.error().message << "- replies wait for a commit instead";
        m_queue->journal.close();
    }
}

void TranscriptWorker::close()
{
    m_commitTimer.stop();
    if (!m_open) {
        return;
    }
    // close() runs as a queued task: everything enqueued before it was written already. The
    // journal files stay as they are: marks appended after this task was queued are in neither the
    // database nor anything else, and open() stores whatever the files hold (INSERT OR IGNORE).
    commit();
    {
        QMutexLocker locker(&m_queue->mutex);
        m_queue->journal.close();
    }
    // Qt SQL closes the connection with sqlite3_close(), which refuses while statements live.
    finalizeStatements();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        // Fold the WAL back into the database so the file is self-contained after a clean exit.
        QSqlQuery(db).exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_open = false;
    qCInfo(lcStorage) << "transcripts: closed" << m_path;
}

bool TranscriptWorker::isOpen() const
{
    return m_open;
}

bool TranscriptWorker::hasFullTextSearch() const
{
    return m_fullTextSearch;
}

int TranscriptWorker::schemaVersion() const
{
    return m_open ? TranscriptSchema::currentVersion() : 0;
}

int TranscriptWorker::schemaVersionAtOpen() const
{
    return m_schemaVersionAtOpen;
}

void TranscriptWorker::handleTimerRequest()
{
    if (!m_commitTimer.isActive()) {
        m_commitTimer.start();
    }
}

void TranscriptWorker::drain()
{
    drainQueue(true);
}

void TranscriptWorker::drainForReads()
{
    drainQueue(false);
}

void TranscriptWorker::drainQueue(bool commitDue)
{
    // The queue gets the previous drain's emptied vector back, so neither side reallocates in the
    // steady state. A drain never runs inside another one (tasks do not drain).
    std::vector<TranscriptItem> items;
    items.swap(m_draining);
    int retiredJournal = -1;
    bool commitNow = commitDue;
    {
        QMutexLocker locker(&m_queue->mutex);
        commitNow = commitNow || m_queue->commitRequested;
        items.swap(m_queue->items);
        m_queue->records = 0;
        m_queue->drainRequested = false;
        m_queue->timerRequested = false;
        m_queue->commitRequested = false;
        if (commitNow) {
            // Every mark in the journal file retired here was queued before, so it is written
            // (by this drain or an earlier one for queries) into the transaction committed below.
            retiredJournal = m_queue->journal.rotate();
        }
    }
    QList<PublishedReply> stale;
    if (commitNow) {
        m_commitTimer.stop();
        // Marks of a journal file whose commit failed earlier: stored again with this batch.
        stale = m_queue->journal.takeStale();
        if (!stale.isEmpty() && m_open) {
            begin();
            for (const PublishedReply &mark : stale) {
                write(mark);
            }
        }
    }
    // Flush markers wait for the next commit instead of forcing one where they stand: a marker only
    // promises that what came before it is committed, and committing later records with it keeps
    // that promise (group commit).
    std::vector<std::function<void()>> waiting;
    bool committed = true;
    const auto commitAndNotify = [this, &waiting, &committed] {
        committed = commit() && committed;
        for (const std::function<void()> &notify : waiting) {
            notify();
        }
        waiting.clear();
    };
    for (TranscriptItem &item : items) {
        if (auto *read = std::get_if<ReadTask>(&item)) {
            // On this connection a query sees what this transaction wrote: nothing to commit first.
            read->run(*this);
        } else if (auto *task = std::get_if<TranscriptTask>(&item)) {
            // Whatever was enqueued before a task (open/close, a flush) is committed first.
            commitAndNotify();
            (*task)(*this);
        } else if (auto *marker = std::get_if<FlushMarker>(&item)) {
            waiting.push_back(std::move(marker->notify));
        } else {
            writeItem(item);
        }
    }
    if (commitNow) {
        commitAndNotify();
        if (committed) {
            QMutexLocker locker(&m_queue->mutex);
            m_queue->journal.clear(retiredJournal);
            if (!stale.isEmpty()) {
                m_queue->journal.clearStale();
            }
        }
    } else if (m_inTransaction && !m_commitTimer.isActive()) {
        // Only queries asked for this drain: what it wrote is committed on time, with what follows.
        m_commitTimer.start();
    }
    // Keep the vector for the next swap unless a burst grew it large.
    constexpr size_t keptCapacity = 4096;
    items.clear();
    if (items.capacity() <= keptCapacity) {
        m_draining.swap(items);
    }
}

void TranscriptWorker::writeItem(TranscriptItem &item)
{
    if (!m_open) {
        ++m_failed;
        if (m_firstFailure.isEmpty()) {
            m_firstFailure = closedError().message;
        }
        return;
    }
    begin();
    std::visit(
        [this](const auto &value) {
            using T = std::decay_t<decltype(value)>;
            if constexpr (!std::is_same_v<T, TranscriptTask> && !std::is_same_v<T, ReadTask> &&
                          !std::is_same_v<T, FlushMarker>) {
                write(value);
            }
        },
        item);
}

void TranscriptWorker::begin()
{
    if (m_inTransaction) {
        return;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    m_inTransaction = db.transaction();
    if (!m_inTransaction) {
        qCWarning(lcStorage) << "transcripts: cannot begin a transaction:" << db.lastError().text();
    }
}

bool TranscriptWorker::commit()
{
    bool ok = true;
    if (m_inTransaction) {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (!db.commit()) {
            const QString reason = db.lastError().text();
            db.rollback();
            m_failed += m_written;
            if (m_firstFailure.isEmpty()) {
                m_firstFailure = reason;
            }
        }
        m_inTransaction = false;
    }
    m_written = 0;
    if (m_failed > 0) {
        ok = false;
        const QString message = tr("%1 transcript record(s) could not be stored in %2: %3")
                                     .arg(m_failed)
                                     .arg(m_path, m_firstFailure);
        qCWarning(lcStorage).noquote() << message;
        m_failed = 0;
        m_firstFailure.clear();
        Q_EMIT writeFailed(message);
    }
    return ok;
}

void TranscriptWorker::recordFailure(const char *what, const QString &reason)
{
    ++m_failed;
    if (m_firstFailure.isEmpty()) {
        m_firstFailure = QLatin1String(what) + u": "_s + reason;
    }
}

bool TranscriptWorker::run(TranscriptStatement &statement, const char *what)
{
    if (statement.step()) {
        ++m_written;
        return true;
    }
    recordFailure(what, statement.errorMessage());
    return false;
}

// The bindings below store exactly what the Qt SQL bindings before them stored: optional text and
// times as NULL when empty / 0, defaults for empty required names, raw JSON as text.

void TranscriptWorker::write(const ConversationRecord &record)
{
    static const QString defaultChannel = u"messaging"_s;
    static const QString defaultState = u"open"_s;
    TranscriptStatement &q = m_upsertConversation;
    q.bindText(0, record.id);
    q.bindText(1, record.integrationId);
    q.bindText(2, record.channel.isEmpty() ? defaultChannel : record.channel);
    q.bindOptionalText(3, record.consumerId);
    q.bindOptionalText(4, record.skillId);
    q.bindText(5, record.state.isEmpty() ? defaultState : record.state);
    q.bindInt64(6, record.openedAtMs);
    bindOptionalTime(q, 7, record.closedAtMs);
    q.bindInt64(8, record.escalated ? 1 : 0);
    q.bindOptionalText(9, record.escalationCause);
    run(q, "conversation");
}

void TranscriptWorker::write(const MessageRecord &record)
{
    static const QString defaultContentType = u"text/plain"_s;
    TranscriptStatement &q = m_insertMessage;
    const QString role = messageRoleName(record.role);
    const QString publishState = publishStateName(record.publishState);
    q.bindText(0, record.conversationId);
    q.bindOptionalText(1, record.dialogId);
    bindOptionalInt64(q, 2, record.sequence);
    q.bindText(3, role);
    q.bindText(4, record.contentType.isEmpty() ? defaultContentType : record.contentType);
    q.bindOptionalText(5, record.text);
    q.bindOptionalUtf8(6, record.rawJson);
    q.bindInt64(7, record.timeMs);
    q.bindOptionalText(8, record.deliveryId);
    bindOptionalInt64(q, 9, record.replyIndex);
    q.bindOptionalText(10, publishState);
    if (run(q, "message") && m_indexMessage.isPrepared() && !record.text.isEmpty()) {
        m_indexMessage.bindInt64(0, q.lastInsertRowId());
        m_indexMessage.bindText(1, record.text);
        if (!m_indexMessage.step()) {
            recordFailure("search index", m_indexMessage.errorMessage());
        }
    }
}

void TranscriptWorker::write(const HopRecord &record)
{
    TranscriptStatement &q = m_insertHop;
    const QString kind = hopKindName(record.kind);
    q.bindText(0, record.conversationId);
    q.bindOptionalText(1, record.deliveryId);
    q.bindText(2, kind);
    q.bindInt64(3, record.attempt);
    q.bindInt64(4, record.startedAtMs);
    bindOptionalTime(q, 5, record.finishedAtMs);
    q.bindOptionalText(6, record.outcome);
    q.bindOptionalUtf8(7, record.payload);
    run(q, "hop");
}

void TranscriptWorker::write(const EscalationRecord &record)
{
    static const QString defaultCause = u"unknown"_s;
    TranscriptStatement &q = m_upsertEscalation;
    const QString id = record.id.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : record.id;
    q.bindText(0, id);
    q.bindText(1, record.conversationId);
    q.bindInt64(2, record.timeMs);
    q.bindOptionalText(3, record.fromSkillId);
    q.bindOptionalText(4, record.toSkillId);
    q.bindText(5, record.cause.isEmpty() ? defaultCause : record.cause);
    q.bindOptionalText(6, record.reason);
    q.bindOptionalText(7, record.outcome);
    run(q, "escalation");
}

void TranscriptWorker::write(const HealthSample &sample)
{
    static const QString defaultOutcome = u"ok"_s;
    TranscriptStatement &q = m_insertHealth;
    q.bindText(0, sample.integrationId);
    q.bindInt64(1, sample.timeMs);
    q.bindInt64(2, sample.latencyMs);
    q.bindText(3, sample.outcome.isEmpty() ? defaultOutcome : sample.outcome);
    q.bindInt64(4, std::max(1, sample.count));
    bindOptionalTime(q, 5, std::max(0, sample.p95LatencyMs));
    bindOptionalTime(q, 6, std::max(0, sample.p99LatencyMs));
    run(q, "health sample");
}

void TranscriptWorker::write(const HandledMessage &handled)
{
    TranscriptStatement &q = m_insertHandled;
    q.bindText(0, handled.dialogId);
    q.bindInt64(1, handled.sequence);
    q.bindText(2, handled.conversationId);
    q.bindOptionalText(3, handled.deliveryId);
    q.bindInt64(4, handled.handledAtMs);
    run(q, "handled message");
}

void TranscriptWorker::write(const PublishedReply &published)
{
    TranscriptStatement &q = m_insertPublished;
    q.bindText(0, published.deliveryId);
    q.bindInt64(1, published.replyIndex);
    q.bindText(2, published.conversationId);
    q.bindInt64(3, published.publishedAtMs);
    if (run(q, "published reply")) {
        write(PublishStateChange{published.deliveryId, published.replyIndex, PublishState::Published});
    }
}

void TranscriptWorker::write(const PublishStateChange &change)
{
    TranscriptStatement &q = m_updatePublishState;
    const QString state = publishStateName(change.state);
    q.bindOptionalText(0, state);
    q.bindText(1, change.deliveryId);
    q.bindInt64(2, change.replyIndex);
    run(q, "publish state");
}

void TranscriptWorker::write(const TranscriptBatch &batch)
{
    for (const auto &record : batch.conversations) {
        write(record);
    }
    for (const auto &record : batch.messages) {
        write(record);
    }
    for (const auto &record : batch.hops) {
        write(record);
    }
    for (const auto &record : batch.escalations) {
        write(record);
    }
    for (const auto &record : batch.healthSamples) {
        write(record);
    }
    for (const auto &record : batch.handled) {
        write(record);
    }
    for (const auto &record : batch.published) {
        write(record);
    }
}

Error TranscriptWorker::queryError(const QSqlQuery &query) const
{
    return Error{u"storage.transcript_query"_s,
                 tr("A query on the transcript database %1 failed: %2").arg(m_path, query.lastError().text())};
}

Error TranscriptWorker::closedError() const
{
    return Error{u"storage.transcript_closed"_s,
                 tr("The transcript database %1 is not open.").arg(m_path.isEmpty() ? tr("(none)") : m_path)};
}

Result<Transcript> TranscriptWorker::transcript(const QString &conversationId)
{
    if (!m_open) {
        return closedError();
    }
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    Transcript transcript;
    const Result<std::optional<ConversationRecord>> conversationRow = conversation(conversationId);
    if (!conversationRow) {
        return conversationRow.error();
    }
    transcript.conversation = *conversationRow;

    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT id, dialog_id, sequence, role, content_type, text, raw_json, time, delivery_id, reply_index, "
              u"publish_state FROM messages WHERE conversation_id = ? ORDER BY time, id"_s);
    q.addBindValue(conversationId);
    if (!q.exec()) {
        return queryError(q);
    }
    while (q.next()) {
        MessageRecord m;
        m.id = q.value(0).toLongLong();
        m.conversationId = conversationId;
        m.dialogId = q.value(1).toString();
        m.sequence = q.value(2).isNull() ? -1 : q.value(2).toLongLong();
        m.role = messageRoleFromName(q.value(3).toString()).value_or(MessageRole::System);
        m.contentType = q.value(4).toString();
        m.text = q.value(5).toString();
        m.rawJson = q.value(6).toString().toUtf8();
        m.timeMs = q.value(7).toLongLong();
        m.deliveryId = q.value(8).toString();
        m.replyIndex = q.value(9).isNull() ? -1 : q.value(9).toInt();
        m.publishState = publishStateFromName(q.value(10).toString()).value_or(PublishState::None);
        transcript.messages.append(std::move(m));
    }

    q.prepare(u"SELECT id, delivery_id, kind, attempt, started_at, finished_at, outcome, payload FROM hops "
              u"WHERE conversation_id = ? ORDER BY started_at, id"_s);
    q.addBindValue(conversationId);
    if (!q.exec()) {
        return queryError(q);
    }
    while (q.next()) {
        HopRecord h;
        h.id = q.value(0).toLongLong();
        h.conversationId = conversationId;
        h.deliveryId = q.value(1).toString();
        h.kind = hopKindFromName(q.value(2).toString()).value_or(HopKind::LpIn);
        h.attempt = q.value(3).toInt();
        h.startedAtMs = q.value(4).toLongLong();
        h.finishedAtMs = q.value(5).toLongLong();
        h.outcome = q.value(6).toString();
        h.payload = q.value(7).toString().toUtf8();
        transcript.hops.append(std::move(h));
    }

    q.prepare(u"SELECT id, time, from_skill, to_skill, cause, reason, outcome FROM escalations "
              u"WHERE conversation_id = ? ORDER BY time, rowid"_s);
    q.addBindValue(conversationId);
    if (!q.exec()) {
        return queryError(q);
    }
    while (q.next()) {
        EscalationRecord e;
        e.id = q.value(0).toString();
        e.conversationId = conversationId;
        e.timeMs = q.value(1).toLongLong();
        e.fromSkillId = q.value(2).toString();
        e.toSkillId = q.value(3).toString();
        e.cause = q.value(4).toString();
        e.reason = q.value(5).toString();
        e.outcome = q.value(6).toString();
        transcript.escalations.append(std::move(e));
    }

    if (!transcript.conversation && transcript.messages.isEmpty() && transcript.hops.isEmpty()
        && transcript.escalations.isEmpty()) {
        return Error{u"storage.not_found"_s, tr("No conversation \"%1\" is recorded.").arg(conversationId)};
    }
    return transcript;
}

Result<std::optional<ConversationRecord>> TranscriptWorker::conversation(const QString &conversationId)
{
    if (!m_open) {
        return closedError();
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(u"SELECT %1 FROM conversations WHERE id = ?"_s.arg(QLatin1String(conversationColumns)));
    q.addBindValue(conversationId);
    if (!q.exec()) {
        return queryError(q);
    }
    if (q.next()) {
        return std::optional<ConversationRecord>(readConversation(q));
    }
    return std::optional<ConversationRecord>();
}

Result<QList<ConversationRecord>> TranscriptWorker::searchConversations(const QString &text,
                                                                        const QString &integrationId,
                                                                        int limit)
{
    if (!m_open) {
        return closedError();
    }
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QList<ConversationRecord> found;
    if (text.trimmed().isEmpty() || limit <= 0) {
        return found;
    }

    QSqlQuery q(db);
    q.setForwardOnly(true);
    const QString integrationJoin = integrationId.isEmpty()
        ? QString()
        : u" JOIN conversations c ON c.id = m.conversation_id AND c.integration_id = :integration"_s;
    if (m_fullTextSearch) {
        const QString phrase = ftsPhrase(text);
        if (phrase.isEmpty()) {
            return found;
        }
        // Newest matching messages first, straight from the index's rowid order, so a common
        // word stops after `limit` conversations instead of visiting every match.
        q.prepare(u"SELECT m.conversation_id FROM messages_fts f JOIN messages m ON m.id = f.rowid"_s + integrationJoin
                  + u" WHERE messages_fts MATCH :match ORDER BY f.rowid DESC"_s);
        q.bindValue(u":match"_s, phrase);
    } else {
        q.prepare(u"SELECT m.conversation_id FROM messages m"_s + integrationJoin
                  + u" WHERE m.text LIKE :match ESCAPE '\\' ORDER BY m.id DESC"_s);
        QString substring = text.trimmed();
        if (substring.endsWith(u'*')) {
            substring.chop(1); // a substring match is a prefix match already
        }
        q.bindValue(u":match"_s, likePattern(substring));
    }
    if (!integrationId.isEmpty()) {
        q.bindValue(u":integration"_s, integrationId);
    }
    if (!q.exec()) {
        return queryError(q);
    }
    QStringList ids;
    QSet<QString> seen;
    while (ids.size() < limit && q.next()) {
        const QString id = q.value(0).toString();
        if (!seen.contains(id)) {
            seen.insert(id);
            ids.append(id);
        }
    }
    q.finish();
    if (ids.isEmpty()) {
        return found;
    }

    QStringList placeholders;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        placeholders.append(u"?"_s);
    }
    QSqlQuery rows(db);
    rows.prepare(u"SELECT %1 FROM conversations WHERE id IN (%2)"_s.arg(QLatin1String(conversationColumns),
                                                                         placeholders.join(u',')));
    for (const QString &id : std::as_const(ids)) {
        rows.addBindValue(id);
    }
    if (!rows.exec()) {
        return queryError(rows);
    }
    QHash<QString, ConversationRecord> byId;
    while (rows.next()) {
        ConversationRecord record = readConversation(rows);
        byId.insert(record.id, record);
    }
    for (const QString &id : std::as_const(ids)) {
        // A conversation that has messages but was never upserted is still a hit.
        ConversationRecord record = byId.value(id);
        record.id = id;
        found.append(record);
    }
    return found;
}

Result<ConversationPage> TranscriptWorker::conversations(const ConversationQuery &query)
{
    if (!m_open) {
        return closedError();
    }
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QStringList conditions;
    if (!query.integrationId.isEmpty()) {
        conditions.append(u"integration_id = ?"_s);
    }
    if (!query.states.isEmpty()) {
        QStringList placeholders;
        for (qsizetype i = 0; i < query.states.size(); ++i) {
            placeholders.append(u"?"_s);
        }
        conditions.append(u"state IN (%1)"_s.arg(placeholders.join(u',')));
    }
    const QString where = conditions.isEmpty() ? QString() : u" WHERE "_s + conditions.join(u" AND "_s);
    auto bindFilters = [&](QSqlQuery &q) {
        if (!query.integrationId.isEmpty()) {
            q.addBindValue(query.integrationId);
        }
        for (const QString &state : query.states) {
            q.addBindValue(state);
        }
    };

    ConversationPage page;
    QSqlQuery count(db);
    count.prepare(u"SELECT COUNT(*) FROM conversations"_s + where);
    bindFilters(count);
    if (!count.exec() || !count.next()) {
        return queryError(count);
    }
    page.total = count.value(0).toLongLong();

    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT %1 FROM conversations%2 ORDER BY opened_at DESC, id LIMIT ? OFFSET ?"_s.arg(
        QLatin1String(conversationColumns), where));
    bindFilters(q);
    q.addBindValue(std::max(0, query.limit));
    q.addBindValue(std::max(0, query.offset));
    if (!q.exec()) {
        return queryError(q);
    }
    while (q.next()) {
        page.conversations.append(readConversation(q));
    }
    return page;
}

Result<bool> TranscriptWorker::isHandled(const QString &dialogId, qint64 sequence)
{
    if (!m_open) {
        return closedError();
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(u"SELECT 1 FROM handled_messages WHERE dialog_id = ? AND sequence = ?"_s);
    q.addBindValue(dialogId);
    q.addBindValue(sequence);
    if (!q.exec()) {
        return queryError(q);
    }
    return q.next();
}

Result<qint64> TranscriptWorker::lastHandledSequence(const QString &dialogId)
{
    if (!m_open) {
        return closedError();
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(u"SELECT MAX(sequence) FROM handled_messages WHERE dialog_id = ?"_s);
    q.addBindValue(dialogId);
    if (!q.exec() || !q.next()) {
        return queryError(q);
    }
    return q.value(0).isNull() ? qint64(-1) : q.value(0).toLongLong();
}

Result<bool> TranscriptWorker::isReplyPublished(const QString &deliveryId, int replyIndex)
{
    if (!m_open) {
        return closedError();
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(u"SELECT 1 FROM published_replies WHERE delivery_id = ? AND reply_index = ?"_s);
    q.addBindValue(deliveryId);
    q.addBindValue(replyIndex);
    if (!q.exec()) {
        return queryError(q);
    }
    return q.next();
}

Result<QList<int>> TranscriptWorker::publishedReplyIndexes(const QString &deliveryId)
{
    if (!m_open) {
        return closedError();
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(u"SELECT reply_index FROM published_replies WHERE delivery_id = ? ORDER BY reply_index"_s);
    q.addBindValue(deliveryId);
    if (!q.exec()) {
        return queryError(q);
    }
    QList<int> indexes;
    while (q.next()) {
        indexes.append(q.value(0).toInt());
    }
    return indexes;
}

Result<QList<HealthSample>> TranscriptWorker::healthSamples(const QString &integrationId, qint64 fromMs, qint64 toMs)
{
    if (!m_open) {
        return closedError();
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    q.prepare(u"SELECT time, latency_ms, outcome, count, p95_ms, p99_ms FROM health_samples WHERE integration_id = ? "
              u"AND time >= ? AND time < ? ORDER BY time, id"_s);
    q.addBindValue(integrationId);
    q.addBindValue(fromMs);
    q.addBindValue(toMs);
    if (!q.exec()) {
        return queryError(q);
    }
    QList<HealthSample> samples;
    while (q.next()) {
        samples.append(HealthSample{integrationId, q.value(0).toLongLong(), q.value(1).toInt(), q.value(2).toString(),
                                    q.value(3).toInt(), q.value(4).toInt(), q.value(5).toInt()});
    }
    return samples;
}

Result<QList<HealthBucket>> TranscriptWorker::healthBuckets(const QString &integrationId,
                                                            qint64 fromMs,
                                                            qint64 toMs,
                                                            qint64 bucketMs)
{
    if (!m_open) {
        return closedError();
    }
    if (bucketMs <= 0) {
        return Error{u"storage.invalid_argument"_s, tr("The health bucket width must be positive.")};
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    q.prepare(u"SELECT (time - ?) / ? AS b, SUM(count), SUM(CASE WHEN outcome = 'ok' THEN count ELSE 0 END), "
              u"MIN(latency_ms), MAX(latency_ms), CAST(SUM(latency_ms * count) AS REAL) / SUM(count), "
              u"IFNULL(MAX(p95_ms), 0), IFNULL(MAX(p99_ms), 0) FROM health_samples WHERE integration_id = ? AND "
              u"time >= ? AND time < ? GROUP BY b ORDER BY b"_s);
    q.addBindValue(fromMs);
    q.addBindValue(bucketMs);
    q.addBindValue(integrationId);
    q.addBindValue(fromMs);
    q.addBindValue(toMs);
    if (!q.exec()) {
        return queryError(q);
    }
    QList<HealthBucket> buckets;
    while (q.next()) {
        HealthBucket bucket;
        bucket.startMs = fromMs + q.value(0).toLongLong() * bucketMs;
        bucket.endMs = bucket.startMs + bucketMs;
        bucket.count = q.value(1).toInt();
        bucket.okCount = q.value(2).toInt();
        bucket.minLatencyMs = q.value(3).toInt();
        bucket.maxLatencyMs = q.value(4).toInt();
        bucket.avgLatencyMs = q.value(5).toDouble();
        bucket.maxP95LatencyMs = q.value(6).toInt();
        bucket.maxP99LatencyMs = q.value(7).toInt();
        buckets.append(bucket);
    }
    return buckets;
}

Result<qint64> TranscriptWorker::messageCount()
{
    if (!m_open) {
        return closedError();
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(u"SELECT COUNT(*) FROM messages"_s) || !q.next()) {
        return queryError(q);
    }
    return q.value(0).toLongLong();
}

void TranscriptWorker::releaseMemory()
{
    if (!m_open) {
        return;
    }
    if (sqlite3 *db = TranscriptStatement::handle(QSqlDatabase::database(m_connectionName, false))) {
        sqlite3_db_release_memory(db);
    }
}

Result<qint64> TranscriptWorker::cacheMemoryUsed()
{
    if (!m_open) {
        return closedError();
    }
    sqlite3 *db = TranscriptStatement::handle(QSqlDatabase::database(m_connectionName, false));
    int current = 0;
    int highWater = 0;
    if (!db || sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_USED, &current, &highWater, 0) != SQLITE_OK) {
        return Error{u"storage.transcript_query"_s, tr("SQLite did not report how much memory its page cache holds.")};
    }
    return qint64(current);
}

} // namespace Switchboard::Storage::Detail
