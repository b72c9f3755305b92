// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TranscriptStore.h"

#include "storage/CallbackRelay.h"
#include "storage/StorageLogging.h"
#include "storage/TranscriptWorker.h"

#include <QCoreApplication>
#include <QDir>
#include <QMutexLocker>
#include <QSemaphore>
#include <QStandardPaths>
#include <type_traits>
#include <utility>

namespace Switchboard::Storage
{

using namespace Qt::StringLiterals;
using Detail::TranscriptWorker;

namespace
{

Error notOpenError()
{
    return Error{u"storage.transcript_closed"_s,
                 QCoreApplication::translate("Switchboard::Storage::TranscriptStore",
                                             "The transcript database is not open.")};
}

} // namespace

TranscriptStore::TranscriptStore(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_queue(std::make_shared<Detail::TranscriptQueue>())
{
    if (m_options.path.isEmpty()) {
        m_options.path = defaultPath();
    }
    m_options.commitIntervalMs = std::max(0, m_options.commitIntervalMs);
    m_options.commitBatchSize = std::max(1, m_options.commitBatchSize);
    m_thread.setObjectName(u"TranscriptStore"_s);
    m_worker = new TranscriptWorker(m_queue, m_options.commitIntervalMs);
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &TranscriptWorker::writeFailed, this, &TranscriptStore::writeFailed);
    m_thread.start();
}

TranscriptStore::~TranscriptStore()
{
    QSemaphore closed;
    const bool queued = enqueueTask([&closed](TranscriptWorker &worker) {
        worker.close();
        closed.release();
    });
    if (queued) {
        closed.acquire();
    } else {
        QMutexLocker locker(&m_queue->mutex);
        if (m_queue->records > 0) {
            qCWarning(lcStorage) << "transcripts: dropping" << m_queue->records
                                 << "record(s): the store was never opened";
        }
    }
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

QString TranscriptStore::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(u"transcripts.sqlite"_s);
}

QString TranscriptStore::path() const
{
    return m_options.path;
}

void TranscriptStore::open()
{
    {
        QMutexLocker locker(&m_queue->mutex);
        if (m_queue->openCalled) {
            qCWarning(lcStorage) << "transcripts: open() called twice; ignored";
            return;
        }
        m_queue->openCalled = true;
    }
    // First in the queue: records enqueued before open() are written once the database is open.
    enqueueTask(
        [this, path = m_options.path, fts = m_options.fullTextSearch](TranscriptWorker &worker) {
            const VoidResult result = worker.open(path, fts);
            m_fullTextSearch = worker.hasFullTextSearch();
            m_schemaVersionAtOpen = worker.schemaVersionAtOpen();
            m_open = result.ok();
            const QString message = result.ok() ? QString() : result.error().message;
            QMetaObject::invokeMethod(
                this,
                [this, ok = result.ok(), message] {
                    Q_EMIT opened(ok, message);
                },
                Qt::QueuedConnection);
        },
        true);
}

VoidResult TranscriptStore::openAndWait()
{
    open();
    // The open task runs first; any query after it waits for it.
    if (!flushAndWait()) {
        return Error{u"storage.transcript_open"_s,
                     tr("Cannot open the transcript database %1; see the log for the reason.").arg(m_options.path)};
    }
    return Success{};
}

bool TranscriptStore::isOpen() const
{
    return m_open;
}

bool TranscriptStore::hasFullTextSearch() const
{
    return m_fullTextSearch;
}

int TranscriptStore::schemaVersionAtOpen() const
{
    return m_schemaVersionAtOpen;
}

template<typename Item>
void TranscriptStore::enqueueRecord(qsizetype count, Item &&item)
{
    // An unconditional guard: this cannot fail.
    static_cast<void>(enqueueRecordIf(count, std::forward<Item>(item), [] { return VoidResult(Success{}); }));
}

template<typename Item, typename Guard>
VoidResult TranscriptStore::enqueueRecordIf(qsizetype count, Item &&item, Guard &&guard)
{
    bool postDrain = false;
    bool postTimer = false;
    {
        QMutexLocker locker(&m_queue->mutex);
        if (VoidResult allowed = guard(); !allowed) {
            return allowed;
        }
        m_queue->items.emplace_back(std::forward<Item>(item));
        m_queue->records += count;
        if (m_queue->openCalled) {
            if (m_queue->records >= m_options.commitBatchSize) {
                // A drain already on its way for queries commits this batch too.
                m_queue->commitRequested = true;
                postDrain = !std::exchange(m_queue->drainRequested, true);
            } else if (!m_queue->drainRequested && !m_queue->timerRequested) {
                m_queue->timerRequested = true;
                postTimer = true;
            }
        }
    }
    if (postDrain) {
        QMetaObject::invokeMethod(m_worker, &TranscriptWorker::drain, Qt::QueuedConnection);
    } else if (postTimer) {
        QMetaObject::invokeMethod(m_worker, &TranscriptWorker::handleTimerRequest, Qt::QueuedConnection);
    }
    return Success{};
}

bool TranscriptStore::enqueueFlushMarker(std::function<void()> notify)
{
    return enqueueControl(Detail::FlushMarker{std::move(notify)}, false);
}

bool TranscriptStore::enqueueTask(std::function<void(TranscriptWorker &)> task, bool front)
{
    return enqueueControl(Detail::TranscriptTask(std::move(task)), front);
}

bool TranscriptStore::enqueueRead(std::function<void(TranscriptWorker &)> query)
{
    return enqueueControl(Detail::ReadTask{std::move(query)}, false);
}

template<typename Item>
bool TranscriptStore::enqueueControl(Item &&item, bool front)
{
    bool postDrain = false;
    {
        QMutexLocker locker(&m_queue->mutex);
        if (!m_queue->openCalled) {
            return false;
        }
        if (front) {
            m_queue->items.emplace(m_queue->items.begin(), std::forward<Item>(item));
        } else {
            m_queue->items.emplace_back(std::forward<Item>(item));
        }
        // Tasks, queries and flush markers are waited for: wake the worker now, not at the commit
        // timer. Only a query leaves the commit to the timer (Detail::ReadTask).
        if constexpr (!std::is_same_v<std::decay_t<Item>, Detail::ReadTask>) {
            m_queue->commitRequested = true;
        }
        postDrain = !std::exchange(m_queue->drainRequested, true);
    }
    if (postDrain) {
        QMetaObject::invokeMethod(m_worker, &TranscriptWorker::drainForReads, Qt::QueuedConnection);
    }
    return true;
}

template<typename T>
Result<T> TranscriptStore::runSync(std::function<Result<T>(TranscriptWorker &)> query, bool read)
{
    if (QThread::currentThread() == &m_thread) {
        qCWarning(lcStorage) << "transcripts: synchronous query from the store's own thread refused";
        return notOpenError();
    }
    std::optional<Result<T>> answer;
    QSemaphore done;
    const auto run = [&](TranscriptWorker &worker) {
        answer.emplace(query(worker));
        done.release();
    };
    const bool queued = read ? enqueueRead(run) : enqueueTask(run);
    if (!queued) {
        return notOpenError();
    }
    done.acquire();
    return std::move(*answer);
}

template<typename T>
void TranscriptStore::runAsync(std::function<Result<T>(TranscriptWorker &)> query,
                               QObject *context,
                               Callback<T> callback)
{
    const Detail::RelayHandle relay = Detail::CallbackRelay::makeRelay(context ? context : this);
    const bool queued = enqueueRead([relay, query = std::move(query), callback](TranscriptWorker &worker) {
        relay->post([callback, answer = query(worker)] {
            callback(answer);
        });
    });
    if (!queued) {
        relay->post([callback] {
            callback(Result<T>(notOpenError()));
        });
    }
}

void TranscriptStore::upsertConversation(const ConversationRecord &record)
{
    enqueueRecord(1, record);
}

void TranscriptStore::appendMessage(const MessageRecord &record)
{
    enqueueRecord(1, record);
}

void TranscriptStore::appendHop(const HopRecord &record)
{
    enqueueRecord(1, record);
}

void TranscriptStore::recordEscalation(const EscalationRecord &record)
{
    enqueueRecord(1, record);
}

void TranscriptStore::appendHealthSample(const HealthSample &sample)
{
    enqueueRecord(1, sample);
}

void TranscriptStore::markHandled(const HandledMessage &handled)
{
    enqueueRecord(1, handled);
}

void TranscriptStore::markReplyPublished(const PublishedReply &reply)
{
    enqueueRecord(1, reply);
}

VoidResult TranscriptStore::markReplyPublishedNow(const PublishedReply &reply)
{
    // The journal line and the queued record go in under one lock: the worker's rotate() (same
    // lock) then never retires a file holding a mark that is not in the batch it took.
    return enqueueRecordIf(1, reply, [this, &reply] { return m_queue->journal.append(reply); });
}

void TranscriptStore::setReplyPublishState(const QString &deliveryId, int replyIndex, PublishState state)
{
    enqueueRecord(1, Detail::PublishStateChange{deliveryId, replyIndex, state});
}

void TranscriptStore::append(TranscriptBatch batch)
{
    const qsizetype count = batch.size();
    if (count > 0) {
        enqueueRecord(count, std::move(batch));
    }
}

qsizetype TranscriptStore::pendingCount() const
{
    QMutexLocker locker(&m_queue->mutex);
    return m_queue->records;
}

quint64 TranscriptStore::flush()
{
    const quint64 ticket = ++m_nextTicket;
    const bool queued = enqueueFlushMarker([this, ticket] {
        QMetaObject::invokeMethod(
            this,
            [this, ticket] {
                Q_EMIT flushed(ticket);
            },
            Qt::QueuedConnection);
    });
    if (!queued) {
        // Nothing can be committed before open(); report the ticket so no caller waits forever.
        QMetaObject::invokeMethod(
            this,
            [this, ticket] {
                Q_EMIT flushed(ticket);
            },
            Qt::QueuedConnection);
    }
    return ticket;
}

void TranscriptStore::flush(QObject *context, std::function<void()> done)
{
    const Detail::RelayHandle relay = Detail::CallbackRelay::makeRelay(context ? context : this);
    const bool queued = enqueueFlushMarker([relay, done] {
        relay->post(done);
    });
    if (!queued) {
        relay->post(done);
    }
}

void TranscriptStore::releaseMemory(QObject *context, std::function<void()> done)
{
    const Detail::RelayHandle relay = Detail::CallbackRelay::makeRelay(context ? context : this);
    // A task: what came before it is committed first, so every cached page is clean and can go.
    const bool queued = enqueueTask([relay, done](TranscriptWorker &worker) {
        worker.releaseMemory();
        relay->post(done);
    });
    if (!queued) {
        relay->post(done);
    }
}

Result<qint64> TranscriptStore::cacheMemoryUsed()
{
    return runSync<qint64>([](TranscriptWorker &worker) {
        return worker.cacheMemoryUsed();
    });
}

bool TranscriptStore::flushAndWait()
{
    // A task, not a query: everything queued before it is committed when it runs.
    const Result<bool> open = runSync<bool>(
        [](TranscriptWorker &worker) -> Result<bool> {
            return worker.isOpen();
        },
        false);
    return open.ok() && open.value();
}

Result<Transcript> TranscriptStore::transcript(const QString &conversationId)
{
    return runSync<Transcript>([conversationId](TranscriptWorker &worker) {
        return worker.transcript(conversationId);
    });
}

Result<std::optional<ConversationRecord>> TranscriptStore::conversation(const QString &conversationId)
{
    return runSync<std::optional<ConversationRecord>>([conversationId](TranscriptWorker &worker) {
        return worker.conversation(conversationId);
    });
}

Result<QList<ConversationRecord>> TranscriptStore::searchConversations(const QString &text,
                                                                       const QString &integrationId,
                                                                       int limit)
{
    return runSync<QList<ConversationRecord>>([=](TranscriptWorker &worker) {
        return worker.searchConversations(text, integrationId, limit);
    });
}

Result<ConversationPage> TranscriptStore::conversations(const ConversationQuery &query)
{
    return runSync<ConversationPage>([query](TranscriptWorker &worker) {
        return worker.conversations(query);
    });
}

Result<bool> TranscriptStore::isHandled(const QString &dialogId, qint64 sequence)
{
    return runSync<bool>([=](TranscriptWorker &worker) {
        return worker.isHandled(dialogId, sequence);
    });
}

Result<qint64> TranscriptStore::lastHandledSequence(const QString &dialogId)
{
    return runSync<qint64>([=](TranscriptWorker &worker) {
        return worker.lastHandledSequence(dialogId);
    });
}

Result<bool> TranscriptStore::isReplyPublished(const QString &deliveryId, int replyIndex)
{
    return runSync<bool>([=](TranscriptWorker &worker) {
        return worker.isReplyPublished(deliveryId, replyIndex);
    });
}

Result<QList<int>> TranscriptStore::publishedReplyIndexes(const QString &deliveryId)
{
    return runSync<QList<int>>([=](TranscriptWorker &worker) {
        return worker.publishedReplyIndexes(deliveryId);
    });
}

Result<QList<HealthSample>> TranscriptStore::healthSamples(const QString &integrationId, qint64 fromMs, qint64 toMs)
{
    return runSync<QList<HealthSample>>([=](TranscriptWorker &worker) {
        return worker.healthSamples(integrationId, fromMs, toMs);
    });
}

Result<QList<HealthBucket>> TranscriptStore::healthBuckets(const QString &integrationId,
                                                           qint64 fromMs,
                                                           qint64 toMs,
                                                           qint64 bucketMs)
{
    return runSync<QList<HealthBucket>>([=](TranscriptWorker &worker) {
        return worker.healthBuckets(integrationId, fromMs, toMs, bucketMs);
    });
}

Result<qint64> TranscriptStore::messageCount()
{
    return runSync<qint64>([](TranscriptWorker &worker) {
        return worker.messageCount();
    });
}

void TranscriptStore::fetchTranscript(const QString &conversationId, QObject *context, Callback<Transcript> callback)
{
    runAsync<Transcript>(
        [conversationId](TranscriptWorker &worker) {
            return worker.transcript(conversationId);
        },
        context,
        std::move(callback));
}

void TranscriptStore::fetchSearch(const QString &text,
                                  const QString &integrationId,
                                  int limit,
                                  QObject *context,
                                  Callback<QList<ConversationRecord>> callback)
{
    runAsync<QList<ConversationRecord>>(
        [=](TranscriptWorker &worker) {
            return worker.searchConversations(text, integrationId, limit);
        },
        context,
        std::move(callback));
}

void TranscriptStore::fetchConversations(const ConversationQuery &query,
                                         QObject *context,
                                         Callback<ConversationPage> callback)
{
    runAsync<ConversationPage>(
        [query](TranscriptWorker &worker) {
            return worker.conversations(query);
        },
        context,
        std::move(callback));
}

void TranscriptStore::fetchIsHandled(const QString &dialogId, qint64 sequence, QObject *context, Callback<bool> callback)
{
    runAsync<bool>(
        [=](TranscriptWorker &worker) {
            return worker.isHandled(dialogId, sequence);
        },
        context,
        std::move(callback));
}

void TranscriptStore::fetchLastHandledSequence(const QString &dialogId, QObject *context, Callback<qint64> callback)
{
    runAsync<qint64>(
        [=](TranscriptWorker &worker) {
            return worker.lastHandledSequence(dialogId);
        },
        context,
        std::move(callback));
}

void TranscriptStore::fetchIsReplyPublished(const QString &deliveryId,
                                            int replyIndex,
                                            QObject *context,
                                            Callback<bool> callback)
{
    runAsync<bool>(
        [=](TranscriptWorker &worker) {
            return worker.isReplyPublished(deliveryId, replyIndex);
        },
        context,
        std::move(callback));
}

void TranscriptStore::fetchPublishedReplyIndexes(const QString &deliveryId,
                                                 QObject *context,
                                                 Callback<QList<int>> callback)
{
    runAsync<QList<int>>(
        [=](TranscriptWorker &worker) {
            return worker.publishedReplyIndexes(deliveryId);
        },
        context,
        std::move(callback));
}

void TranscriptStore::fetchHealthSamples(const QString &integrationId,
                                         qint64 fromMs,
                                         qint64 toMs,
                                         QObject *context,
                                         Callback<QList<HealthSample>> callback)
{
    runAsync<QList<HealthSample>>(
        [=](TranscriptWorker &worker) {
            return worker.healthSamples(integrationId, fromMs, toMs);
        },
        context,
        std::move(callback));
}

void TranscriptStore::fetchHealthBuckets(const QString &integrationId,
                                         qint64 fromMs,
                                         qint64 toMs,
                                         qint64 bucketMs,
                                         QObject *context,
                                         Callback<QList<HealthBucket>> callback)
{
    runAsync<QList<HealthBucket>>(
        [=](TranscriptWorker &worker) {
            return worker.healthBuckets(integrationId, fromMs, toMs, bucketMs);
        },
        context,
        std::move(callback));
}

} // namespace Switchboard::Storage
