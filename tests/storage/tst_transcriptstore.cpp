// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/PublishJournal.h"
#include "storage/TranscriptSchema.h"
#include "storage/TranscriptStore.h"

#include <QDir>
#include <QProcess>
#include <QSysInfo>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <thread>

using namespace Qt::StringLiterals;
using namespace Switchboard;
using namespace Switchboard::Storage;

namespace
{

constexpr qint64 T0 = 1767225600000; // 2026-01-01T00:00:00Z

ConversationRecord conversation(const QString &id, const QString &integration = u"int-1"_s, qint64 opened = T0,
                                const QString &state = u"open"_s)
{
    ConversationRecord record;
    record.id = id;
    record.integrationId = integration;
    record.channel = u"messaging"_s;
    record.consumerId = u"consumer-"_s + id;
    record.skillId = u"1001"_s;
    record.state = state;
    record.openedAtMs = opened;
    return record;
}

MessageRecord message(const QString &conversationId, qint64 time, const QString &text,
                      MessageRole role = MessageRole::Consumer)
{
    MessageRecord record;
    record.conversationId = conversationId;
    record.dialogId = conversationId;
    record.role = role;
    record.text = text;
    record.timeMs = time;
    return record;
}

/** The schema as version 1 shipped it, written by hand (not by the code under test). */
QStringList version1Schema()
{
    return {
        u"CREATE TABLE conversations (id TEXT PRIMARY KEY NOT NULL, integration_id TEXT NOT NULL, channel TEXT "
        u"NOT NULL DEFAULT 'messaging', consumer_id TEXT, skill_id TEXT, state TEXT NOT NULL, opened_at INTEGER "
        u"NOT NULL, closed_at INTEGER, escalated INTEGER NOT NULL DEFAULT 0, escalation_cause TEXT)"_s,
        u"CREATE INDEX conversations_by_integration ON conversations (integration_id, opened_at)"_s,
        u"CREATE TABLE messages (id INTEGER PRIMARY KEY, conversation_id TEXT NOT NULL, dialog_id TEXT, "
        u"sequence INTEGER, role TEXT NOT NULL, content_type TEXT NOT NULL DEFAULT 'text/plain', text TEXT, "
        u"raw_json TEXT, time INTEGER NOT NULL, delivery_id TEXT, publish_state TEXT)"_s,
        u"CREATE INDEX messages_by_conversation ON messages (conversation_id, time)"_s,
        u"CREATE TABLE hops (id INTEGER PRIMARY KEY, conversation_id TEXT NOT NULL, delivery_id TEXT, kind TEXT "
        u"NOT NULL, attempt INTEGER NOT NULL DEFAULT 1, started_at INTEGER NOT NULL, finished_at INTEGER, "
        u"outcome TEXT, payload TEXT)"_s,
        u"CREATE INDEX hops_by_conversation ON hops (conversation_id, started_at)"_s,
        u"CREATE TABLE escalations (id TEXT PRIMARY KEY NOT NULL, conversation_id TEXT NOT NULL, time INTEGER "
        u"NOT NULL, from_skill TEXT, to_skill TEXT, cause TEXT NOT NULL, reason TEXT, outcome TEXT)"_s,
        u"CREATE INDEX escalations_by_conversation ON escalations (conversation_id, time)"_s,
    };
}

/** A raw connection of the test's own, to look at the file independently of the store. */
class RawDatabase
{
public:
    explicit RawDatabase(const QString &path)
        : m_name(u"raw-%1"_s.arg(++s_counter))
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~RawDatabase()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const
    {
        return QSqlDatabase::database(m_name, false);
    }
    QVariant scalar(const QString &sql) const
    {
        QSqlQuery query(db());
        if (!query.exec(sql) || !query.next()) {
            qWarning() << sql << query.lastError().text();
            return QVariant();
        }
        return query.value(0);
    }
    bool exec(const QString &sql) const
    {
        QSqlQuery query(db());
        if (!query.exec(sql)) {
            qWarning() << sql << query.lastError().text();
            return false;
        }
        return true;
    }

private:
    static inline int s_counter = 0;
    QString m_name;
};

QStringList ids(const QList<ConversationRecord> &records)
{
    QStringList out;
    for (const ConversationRecord &record : records) {
        out.append(record.id);
    }
    return out;
}

} // namespace

class TestTranscriptStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void init()
    {
        m_dir.emplace();
        QVERIFY(m_dir->isValid());
    }

    void migrationsAreOrdered()
    {
        const QList<TranscriptSchema::Migration> &steps = TranscriptSchema::migrations();
        QVERIFY(!steps.isEmpty());
        for (qsizetype i = 0; i < steps.size(); ++i) {
            QCOMPARE(steps.at(i).version, int(i + 1));
            QVERIFY(!steps.at(i).statements.isEmpty());
        }
        QCOMPARE(TranscriptSchema::currentVersion(), steps.constLast().version);
    }

    void migratesEmptyDatabase()
    {
        const QString path = dbPath();
        {
            TranscriptStore store(options(path));
            QSignalSpy opened(&store, &TranscriptStore::opened);
            store.open();
            QTRY_COMPARE(opened.size(), 1);
            QCOMPARE(opened.at(0).at(0).toBool(), true);
            QVERIFY(store.isOpen());
            QCOMPARE(store.schemaVersionAtOpen(), 0);
            QVERIFY(store.hasFullTextSearch()); // Debian's libsqlite3 has FTS5 enabled
        }
        RawDatabase raw(path);
        QCOMPARE(raw.scalar(u"PRAGMA user_version"_s).toInt(), TranscriptSchema::currentVersion());
        QCOMPARE(raw.scalar(u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
        for (const QString &table : {u"conversations"_s, u"messages"_s, u"hops"_s, u"escalations"_s,
                                     u"health_samples"_s, u"handled_messages"_s, u"published_replies"_s,
                                     u"messages_fts"_s}) {
            QVERIFY2(raw.scalar(u"SELECT COUNT(*) FROM sqlite_master WHERE name = '%1'"_s.arg(table)).toInt() == 1,
                     qPrintable(table));
        }
    }

    void migratesFromVersion1()
    {
        const QString path = dbPath();
        {
            // The schema as version 1 shipped it, with data, written by hand (not by the code under test).
            RawDatabase raw(path);
            const QStringList v1 = version1Schema() + QStringList{
                u"INSERT INTO conversations (id, integration_id, state, opened_at) VALUES ('old-1', 'int-1', 'closed', "
                u"1000)"_s,
                u"INSERT INTO messages (conversation_id, dialog_id, sequence, role, text, time) VALUES ('old-1', "
                u"'old-1', 3, 'consumer', 'my parcel never arrived', 1100)"_s,
                u"INSERT INTO messages (conversation_id, role, text, time, delivery_id, publish_state) VALUES ('old-1', "
                u"'bot', 'sorry to hear that', 1200, 'd-1', 'published')"_s,
                u"PRAGMA user_version = 1"_s,
            };
            for (const QString &statement : v1) {
                QVERIFY(raw.exec(statement));
            }
        }

        TranscriptStore store(options(path));
        QVERIFY(store.openAndWait().ok());
        QCOMPARE(store.schemaVersionAtOpen(), 1);
        const Result<Transcript> old = store.transcript(u"old-1"_s);
        QVERIFY(old.ok());
        QCOMPARE(old->messages.size(), 2);
        QCOMPARE(old->messages.at(0).sequence, qint64(3));
        QCOMPARE(old->messages.at(1).replyIndex, -1); // the column added by version 2 reads as "none"
        QCOMPARE(old->messages.at(1).publishState, PublishState::Published);
        // Old messages are searchable: the index was built from existing rows.
        QCOMPARE(ids(store.searchConversations(u"parcel"_s).value()), QStringList{u"old-1"_s});
        // What version 2 added works.
        store.markHandled(HandledMessage{u"old-1"_s, u"old-1"_s, 3, u"d-1"_s, 1150});
        store.appendHealthSample(HealthSample{u"int-1"_s, 1300, 42, u"ok"_s});
        QVERIFY(store.isHandled(u"old-1"_s, 3).value());
        QCOMPARE(store.healthSamples(u"int-1"_s, 0, 2000).value().size(), 1);
    }

    void migratesFromVersion2()
    {
        const QString path = dbPath();
        {
            // The schema as version 2 shipped it (version 1 plus version 2's statements), with a row in
            // every table.
            RawDatabase raw(path);
            const QStringList v2 = version1Schema() + QStringList{
                u"ALTER TABLE messages ADD COLUMN reply_index INTEGER"_s,
                u"CREATE INDEX messages_by_delivery ON messages (delivery_id, reply_index) WHERE delivery_id IS NOT "
                u"NULL"_s,
                u"CREATE TABLE handled_messages (dialog_id TEXT NOT NULL, sequence INTEGER NOT NULL, conversation_id "
                u"TEXT NOT NULL, delivery_id TEXT, handled_at INTEGER NOT NULL, PRIMARY KEY (dialog_id, sequence)) "
                u"WITHOUT ROWID"_s,
                u"CREATE TABLE published_replies (delivery_id TEXT NOT NULL, reply_index INTEGER NOT NULL, "
                u"conversation_id TEXT NOT NULL, published_at INTEGER NOT NULL, PRIMARY KEY (delivery_id, "
                u"reply_index)) WITHOUT ROWID"_s,
                u"CREATE TABLE health_samples (id INTEGER PRIMARY KEY, integration_id TEXT NOT NULL, time INTEGER NOT "
                u"NULL, latency_ms INTEGER NOT NULL, outcome TEXT NOT NULL, count INTEGER NOT NULL DEFAULT 1, p95_ms "
                u"INTEGER, p99_ms INTEGER)"_s,
                u"CREATE INDEX health_by_integration ON health_samples (integration_id, time)"_s,
                u"CREATE INDEX conversations_by_state ON conversations (integration_id, state, opened_at)"_s,
                u"CREATE VIRTUAL TABLE messages_fts USING fts5(text, content='messages', content_rowid='id', "
                u"tokenize='unicode61 remove_diacritics 2')"_s,
                u"INSERT INTO conversations VALUES ('old-1', 'int-1', 'messaging', 'consumer-1', '1001', 'closed', 1000, "
                u"1900, 1, 'bot_failure')"_s,
                u"INSERT INTO messages VALUES (1, 'old-1', 'dialog-1', 3, 'consumer', 'text/plain', 'my parcel never "
                u"arrived', '{\"type\":\"ContentEvent\"}', 1100, 'dialog-1:3', NULL, NULL)"_s,
                u"INSERT INTO messages VALUES (2, 'old-1', NULL, NULL, 'bot', 'text/plain', 'sorry to hear that', NULL, "
                u"1200, 'dialog-1:3', 'pending', 0)"_s,
                u"INSERT INTO messages VALUES (3, 'old-1', NULL, NULL, 'bot', 'rich_content', 'a card', '{\"card\":1}', "
                u"1201, 'dialog-1:3', 'published', 1)"_s,
                u"INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')"_s,
                u"INSERT INTO hops VALUES (7, 'old-1', 'dialog-1:3', 'bot_out', 1, 1110, 1190, 'ok', '{\"q\":1}')"_s,
                u"INSERT INTO hops VALUES (8, 'old-1', 'dialog-1:3', 'lp_out', 2, 1195, NULL, 'timeout', NULL)"_s,
                u"INSERT INTO escalations VALUES ('esc-1', 'old-1', 1800, '1001', '2002', 'bot_failure', 'it broke', "
                u"'transferred')"_s,
                u"INSERT INTO handled_messages VALUES ('dialog-1', 3, 'old-1', 'dialog-1:3', 1150)"_s,
                u"INSERT INTO published_replies VALUES ('dialog-1:3', 1, 'old-1', 1199)"_s,
                u"INSERT INTO health_samples VALUES (1, 'int-1', 1300, 42, 'ok', 5, 80, 95)"_s,
                u"PRAGMA user_version = 2"_s,
            };
            for (const QString &statement : v2) {
                QVERIFY2(raw.exec(statement), qPrintable(statement));
            }
        }

        TranscriptStore store(options(path));
        QVERIFY(store.openAndWait().ok());
        QCOMPARE(store.schemaVersionAtOpen(), 2);
        // Every row is read back as it was written.
        const Transcript old = store.transcript(u"old-1"_s).value();
        ConversationRecord expected = conversation(u"old-1"_s, u"int-1"_s, 1000, u"closed"_s);
        expected.consumerId = u"consumer-1"_s;
        expected.closedAtMs = 1900;
        expected.escalated = true;
        expected.escalationCause = u"bot_failure"_s;
        QCOMPARE(old.conversation, std::optional<ConversationRecord>(expected));
        QCOMPARE(old.messages.size(), 3);
        MessageRecord consumer = message(u"old-1"_s, 1100, u"my parcel never arrived"_s);
        consumer.id = 1;
        consumer.dialogId = u"dialog-1"_s;
        consumer.sequence = 3;
        consumer.rawJson = R"({"type":"ContentEvent"})";
        consumer.deliveryId = u"dialog-1:3"_s;
        QCOMPARE(old.messages.at(0), consumer);
        QCOMPARE(old.messages.at(1).id, qint64(2));
        QCOMPARE(old.messages.at(1).replyIndex, 0);
        QCOMPARE(old.messages.at(1).publishState, PublishState::Pending);
        QCOMPARE(old.messages.at(2).contentType, u"rich_content"_s);
        QCOMPARE(old.messages.at(2).rawJson, QByteArray(R"({"card":1})"));
        QCOMPARE(old.messages.at(2).publishState, PublishState::Published);
        QCOMPARE(old.hops.size(), 2);
        QCOMPARE(old.hops.at(0), (HopRecord{7, u"old-1"_s, u"dialog-1:3"_s, HopKind::BotOut, 1, 1110, 1190, u"ok"_s,
                                            QByteArray(R"({"q":1})")}));
        QCOMPARE(old.hops.at(1), (HopRecord{8, u"old-1"_s, u"dialog-1:3"_s, HopKind::LpOut, 2, 1195, 0, u"timeout"_s,
                                            QByteArray()}));
        QCOMPARE(old.escalations.size(), 1);
        QCOMPARE(old.escalations.at(0), (EscalationRecord{u"esc-1"_s, u"old-1"_s, 1800, u"1001"_s, u"2002"_s,
                                                          u"bot_failure"_s, u"it broke"_s, u"transferred"_s}));
        QVERIFY(store.isHandled(u"dialog-1"_s, 3).value());
        QCOMPARE(store.lastHandledSequence(u"dialog-1"_s).value(), qint64(3));
        QCOMPARE(store.publishedReplyIndexes(u"dialog-1:3"_s).value(), QList<int>{1});
        QCOMPARE(store.healthSamples(u"int-1"_s, 0, 2000).value(),
                 (QList<HealthSample>{HealthSample{u"int-1"_s, 1300, 42, u"ok"_s, 5, 80, 95}}));
        QCOMPARE(ids(store.searchConversations(u"parcel"_s).value()), QStringList{u"old-1"_s});
        QCOMPARE(ids(store.searchConversations(u"card"_s, u"int-1"_s).value()), QStringList{u"old-1"_s});
        QCOMPARE(store.conversations(ConversationQuery{u"int-1"_s, {u"closed"_s}, 0, 10}).value().total, qint64(1));
        QCOMPARE(store.messageCount().value(), qint64(3));

        // The old reply rows are in the new reply index: marking them still works.
        store.markReplyPublished(PublishedReply{u"old-1"_s, u"dialog-1:3"_s, 0, 2000});
        store.setReplyPublishState(u"dialog-1:3"_s, 1, PublishState::Failed);
        const Transcript marked = store.transcript(u"old-1"_s).value();
        QCOMPARE(marked.messages.at(0).publishState, PublishState::None);
        QCOMPARE(marked.messages.at(1).publishState, PublishState::Published);
        QCOMPARE(marked.messages.at(2).publishState, PublishState::Failed);
        QCOMPARE(store.publishedReplyIndexes(u"dialog-1:3"_s).value(), (QList<int>{0, 1}));
        store.flushAndWait();
        RawDatabase raw(path);
        QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM sqlite_master WHERE name = 'messages_by_delivery'"_s).toInt(), 0);
        QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM sqlite_master WHERE name = 'messages_by_reply'"_s).toInt(), 1);
        QCOMPARE(raw.scalar(u"PRAGMA integrity_check"_s).toString(), u"ok"_s);
    }

    /**
     * Every lookup of the store (the statements of TranscriptWorker, with placeholders) is answered
     * from an index, not a scan of its table: a narrower schema must keep these plans.
     */
    void lookupsUseAnIndex_data()
    {
        QTest::addColumn<QString>("statement");
        QTest::addColumn<int>("parameters");
        QTest::addColumn<QString>("index");
        QTest::newRow("publish state") << u"UPDATE messages SET publish_state = ? WHERE delivery_id = ? AND "
                                          u"reply_index = ?"_s
                                       << 3 << u"messages_by_reply"_s;
        QTest::newRow("transcript messages")
            << u"SELECT id FROM messages WHERE conversation_id = ? ORDER BY time, id"_s << 1
            << u"messages_by_conversation"_s;
        QTest::newRow("transcript hops") << u"SELECT id FROM hops WHERE conversation_id = ? ORDER BY started_at, id"_s
                                         << 1 << u"hops_by_conversation"_s;
        QTest::newRow("transcript escalations")
            << u"SELECT id FROM escalations WHERE conversation_id = ? ORDER BY time, rowid"_s << 1
            << u"escalations_by_conversation"_s;
        QTest::newRow("conversation") << u"SELECT id FROM conversations WHERE id = ?"_s << 1
                                      << u"sqlite_autoindex_conversations_1"_s;
        QTest::newRow("conversation page")
            << u"SELECT id FROM conversations WHERE integration_id = ? AND state IN (?) ORDER BY opened_at DESC, id "
               u"LIMIT ? OFFSET ?"_s
            << 4 << u"conversations_by_state"_s;
        QTest::newRow("search in integration")
            << u"SELECT m.conversation_id FROM messages_fts f JOIN messages m ON m.id = f.rowid JOIN conversations c "
               u"ON c.id = m.conversation_id AND c.integration_id = ? WHERE messages_fts MATCH ? ORDER BY f.rowid "
               u"DESC"_s
            << 2 << u"sqlite_autoindex_conversations_1"_s;
        QTest::newRow("is handled") << u"SELECT 1 FROM handled_messages WHERE dialog_id = ? AND sequence = ?"_s << 2
                                    << u"PRIMARY KEY"_s;
        QTest::newRow("last handled") << u"SELECT MAX(sequence) FROM handled_messages WHERE dialog_id = ?"_s << 1
                                      << u"PRIMARY KEY"_s;
        QTest::newRow("is published")
            << u"SELECT 1 FROM published_replies WHERE delivery_id = ? AND reply_index = ?"_s << 2 << u"PRIMARY KEY"_s;
        QTest::newRow("published indexes")
            << u"SELECT reply_index FROM published_replies WHERE delivery_id = ? ORDER BY reply_index"_s << 1
            << u"PRIMARY KEY"_s;
        QTest::newRow("health samples")
            << u"SELECT time FROM health_samples WHERE integration_id = ? AND time >= ? AND time < ? ORDER BY time, "
               u"id"_s
            << 3 << u"health_by_integration"_s;
    }

    void lookupsUseAnIndex()
    {
        QFETCH(QString, statement);
        QFETCH(int, parameters);
        QFETCH(QString, index);
        const QString path = dbPath();
        {
            TranscriptStore store(options(path));
            QVERIFY(store.openAndWait().ok());
        }
        RawDatabase raw(path);
        QSqlQuery plan(raw.db());
        QVERIFY(plan.prepare(u"EXPLAIN QUERY PLAN "_s + statement));
        for (int i = 0; i < parameters; ++i) {
            plan.addBindValue(u"x"_s);
        }
        QVERIFY2(plan.exec(), qPrintable(plan.lastError().text()));
        QStringList details;
        while (plan.next()) {
            details.append(plan.value(3).toString());
        }
        const QString joined = details.join(u"; "_s);
        QVERIFY2(joined.contains(index), qPrintable(joined));
        // The driving table is searched, never scanned (an FTS5 MATCH is a virtual-table scan by design).
        for (const QString &detail : std::as_const(details)) {
            QVERIFY2(!detail.startsWith(u"SCAN "_s) || detail.contains(u"VIRTUAL TABLE"_s), qPrintable(joined));
        }
    }

    void refusesNewerSchema()
    {
        const QString path = dbPath();
        {
            RawDatabase raw(path);
            QVERIFY(raw.exec(u"PRAGMA user_version = 99"_s));
        }
        TranscriptStore store(options(path));
        QSignalSpy opened(&store, &TranscriptStore::opened);
        QVERIFY(!store.openAndWait().ok());
        QVERIFY(!store.isOpen());
        QTRY_COMPARE(opened.size(), 1);
        QCOMPARE(opened.at(0).at(0).toBool(), false);
        const QString message = opened.at(0).at(1).toString();
        QVERIFY2(message.contains(u"schema version 99"_s) && message.contains(path), qPrintable(message));
        const Result<Transcript> refused = store.transcript(u"x"_s);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, u"storage.transcript_closed"_s);
        RawDatabase raw(path);
        QCOMPARE(raw.scalar(u"PRAGMA user_version"_s).toInt(), 99);
    }

    void queriesBeforeOpenFail()
    {
        TranscriptStore store(options(dbPath()));
        const Result<qint64> count = store.messageCount();
        QVERIFY(!count.ok());
        QCOMPARE(count.error().code, u"storage.transcript_closed"_s);
        std::optional<Result<Transcript>> async;
        store.fetchTranscript(u"x"_s, this, [&](const Result<Transcript> &result) {
            async.emplace(result);
        });
        QTRY_VERIFY(async.has_value());
        QVERIFY(!async->ok());
        QVERIFY(!store.flushAndWait());
    }

    void recordsBeforeOpenAreWritten()
    {
        TranscriptStore store(options(dbPath()));
        store.upsertConversation(conversation(u"early"_s));
        store.appendMessage(message(u"early"_s, T0, u"before open"_s));
        QVERIFY(store.openAndWait().ok());
        QVERIFY(store.flushAndWait());
        QCOMPARE(store.transcript(u"early"_s).value().messages.size(), 1);
    }

    void writesAreBatchedOffTheCallersThread()
    {
        const QString path = dbPath();
        TranscriptStore store(timerOffOptions(path, 100000));
        QVERIFY(store.openAndWait().ok());
        RawDatabase raw(path);

        store.upsertConversation(conversation(u"c1"_s));
        for (int i = 0; i < 50; ++i) {
            store.appendMessage(message(u"c1"_s, T0 + i, u"message %1"_s.arg(i)));
        }
        // Enqueued, not written: the calls returned without touching the database.
        QCOMPARE(store.pendingCount(), qsizetype(51));
        QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM messages"_s).toInt(), 0);

        QSignalSpy flushed(&store, &TranscriptStore::flushed);
        const quint64 ticket = store.flush();
        QTRY_COMPARE(flushed.size(), 1);
        QCOMPARE(flushed.at(0).at(0).toULongLong(), ticket);
        QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM messages"_s).toInt(), 50);
        QCOMPARE(store.pendingCount(), qsizetype(0));

        // The callback form of flush, in the caller's thread.
        store.appendMessage(message(u"c1"_s, T0 + 100, u"one more"_s));
        QThread *callbackThread = nullptr;
        store.flush(this, [&] {
            callbackThread = QThread::currentThread();
        });
        QTRY_VERIFY(callbackThread != nullptr);
        QCOMPARE(callbackThread, QThread::currentThread());
        QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM messages"_s).toInt(), 51);
    }

    /**
     * A query runs inside the batch being written: it sees every record queued before it and
     * commits none of them (each new conversation asks two, and a commit each cut every batch
     * short); a flush, the timer or a full batch commit as before.
     */
    void queriesSeeQueuedRecordsWithoutCommittingThem()
    {
        const QString path = dbPath();
        {
            TranscriptStore store(timerOffOptions(path, 100000));
            QVERIFY(store.openAndWait().ok());
            RawDatabase raw(path);

            store.upsertConversation(conversation(u"c1"_s));
            store.appendMessage(message(u"c1"_s, T0, u"hello"_s));
            store.markReplyPublished(PublishedReply{u"c1"_s, u"c1:1"_s, 0, T0});
            QCOMPARE(store.transcript(u"c1"_s).value().messages.size(), 1);
            QCOMPARE(store.publishedReplyIndexes(u"c1:1"_s).value(), QList<int>{0});
            store.markReplyPublished(PublishedReply{u"c1"_s, u"c1:1"_s, 1, T0});
            std::optional<QList<int>> fetched;
            store.fetchPublishedReplyIndexes(u"c1:1"_s, this, [&fetched](const Result<QList<int>> &result) {
                fetched = result.ok() ? result.value() : QList<int>{-1};
            });
            QTRY_VERIFY(fetched.has_value());
            QCOMPARE(*fetched, (QList<int>{0, 1}));
            // Written into the open transaction, not committed: another connection sees nothing yet.
            QCOMPARE(store.pendingCount(), qsizetype(0));
            QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM messages"_s).toInt(), 0);
            QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM published_replies"_s).toInt(), 0);
            QVERIFY(store.flushAndWait());
            QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM messages"_s).toInt(), 1);
            QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM published_replies"_s).toInt(), 2);
        }
        {
            // What a query's drain wrote is committed by the commit timer, with nothing else queued.
            TranscriptStore::Options timed = options(path);
            timed.commitIntervalMs = 50;
            timed.commitBatchSize = 100000;
            TranscriptStore store(timed);
            QVERIFY(store.openAndWait().ok());
            RawDatabase raw(path);
            bool answered = false;
            store.fetchPublishedReplyIndexes(u"c1:1"_s, this, [&answered](const Result<QList<int>> &) {
                answered = true;
            });
            store.appendMessage(message(u"c1"_s, T0 + 1, u"after the query"_s));
            QCOMPARE(store.transcript(u"c1"_s).value().messages.size(), 2);
            QTRY_VERIFY(answered);
            QTRY_COMPARE(raw.scalar(u"SELECT COUNT(*) FROM messages"_s).toInt(), 2);
        }
    }

    void timerAndBatchSizeCommit()
    {
        const QString path = dbPath();
        {
            TranscriptStore::Options timed = options(path);
            timed.commitIntervalMs = 50;
            timed.commitBatchSize = 100000;
            TranscriptStore store(timed);
            QVERIFY(store.openAndWait().ok());
            RawDatabase raw(path);
            for (int i = 0; i < 25; ++i) {
                store.appendMessage(message(u"c1"_s, T0 + i, u"timed %1"_s.arg(i)));
            }
            // No flush: the commit timer writes them.
            QTRY_COMPARE(raw.scalar(u"SELECT COUNT(*) FROM messages"_s).toInt(), 25);
        }
        {
            TranscriptStore store(timerOffOptions(path, 10));
            QVERIFY(store.openAndWait().ok());
            RawDatabase raw(path);
            for (int i = 0; i < 10; ++i) {
                store.appendMessage(message(u"c2"_s, T0 + i, u"sized %1"_s.arg(i)));
            }
            // No flush, no timer: a full batch is committed at once.
            QTRY_COMPARE(raw.scalar(u"SELECT COUNT(*) FROM messages WHERE conversation_id = 'c2'"_s).toInt(), 10);
        }
    }

    void concurrentProducers()
    {
        TranscriptStore store(options(dbPath()));
        QVERIFY(store.openAndWait().ok());
        constexpr int Producers = 4;
        constexpr int PerProducer = 2500;
        std::vector<std::thread> threads;
        for (int p = 0; p < Producers; ++p) {
            threads.emplace_back([&store, p] {
                const QString id = u"conv-%1"_s.arg(p);
                store.upsertConversation(conversation(id));
                for (int i = 0; i < PerProducer; ++i) {
                    MessageRecord m = message(id, T0 + i, u"producer %1 message %2"_s.arg(p).arg(i));
                    m.sequence = i;
                    store.appendMessage(m);
                }
            });
        }
        for (std::thread &thread : threads) {
            thread.join();
        }
        QVERIFY(store.flushAndWait());
        QCOMPARE(store.messageCount().value(), qint64(Producers * PerProducer));
        // Each producer's records keep their order.
        const Transcript t = store.transcript(u"conv-2"_s).value();
        QCOMPARE(t.messages.size(), PerProducer);
        for (int i = 0; i < PerProducer; ++i) {
            QCOMPARE(t.messages.at(i).sequence, qint64(i));
        }
    }

    void queriesSeePriorWrites()
    {
        TranscriptStore store(timerOffOptions(dbPath()));
        QVERIFY(store.openAndWait().ok());
        store.upsertConversation(conversation(u"c1"_s));
        store.markHandled(HandledMessage{u"c1"_s, u"c1"_s, 7, u"d-7"_s, T0});
        // No flush: a query runs after everything enqueued before it.
        QVERIFY(store.isHandled(u"c1"_s, 7).value());
        std::optional<bool> async;
        store.markHandled(HandledMessage{u"c1"_s, u"c1"_s, 8, u"d-8"_s, T0});
        store.fetchIsHandled(u"c1"_s, 8, this, [&](const Result<bool> &result) {
            async = result.ok() && result.value();
        });
        QTRY_VERIFY(async.has_value());
        QVERIFY(*async);
    }

    /**
     * The page cache holds one large batch: more than SQLite's 2 MiB default and the 4 MiB the store
     * had before (a full commitBatchSize batch dirties ~4 MB), within its 8 MiB (+ the dirty pages a
     * transaction may keep up to the 16 MiB spill threshold).
     */
    void pageCacheHoldsALargeBatch()
    {
        TranscriptStore store(timerOffOptions(dbPath()));
        QVERIFY(store.openAndWait().ok());
        store.upsertConversation(conversation(u"c1"_s));
        const QString filler(400, u'y');
        for (int i = 0; i < 16000; ++i) {
            store.appendMessage(message(u"c1"_s, T0 + i, u"m%1 "_s.arg(i) + filler));
        }
        QVERIFY(store.flushAndWait());
        const qint64 used = store.cacheMemoryUsed().value();
        QVERIFY2(used > 5 * 1024 * 1024 && used <= 17 * 1024 * 1024,
                 qPrintable(u"page cache after a 16 000-message transaction: %1 bytes"_s.arg(used)));
    }

    /** releaseMemory() commits what is queued and empties SQLite's page cache; nothing is lost. */
    void releaseMemoryGivesBackThePageCache()
    {
        TranscriptStore store(timerOffOptions(dbPath()));
        QVERIFY(store.openAndWait().ok());
        store.upsertConversation(conversation(u"c1"_s));
        const QString filler(400, u'x');
        constexpr int messages = 6000;
        for (int i = 0; i < messages; ++i) {
            store.appendMessage(message(u"c1"_s, T0 + i, u"m%1 "_s.arg(i) + filler));
        }
        QVERIFY(store.flushAndWait());
        const qint64 busy = store.cacheMemoryUsed().value();
        QVERIFY2(busy > 1024 * 1024, qPrintable(u"cache after the writes: %1 bytes"_s.arg(busy)));

        // Queued but not committed when releaseMemory() is called: committed first, then released.
        store.appendMessage(message(u"c1"_s, T0 + messages, u"last"_s));
        bool released = false;
        store.releaseMemory(this, [&released] { released = true; });
        QTRY_VERIFY(released);
        const qint64 idle = store.cacheMemoryUsed().value();
        QVERIFY2(idle < busy / 4, qPrintable(u"cache %1 bytes before, %2 after"_s.arg(busy).arg(idle)));
        const Result<Transcript> transcript = store.transcript(u"c1"_s);
        QVERIFY(transcript.ok());
        QCOMPARE(transcript.value().messages.size(), messages + 1);
        QCOMPARE(transcript.value().messages.last().text, u"last"_s);

        // A store that is not open answers at once.
        TranscriptStore closed(options(m_dir->filePath(u"never-opened.sqlite"_s)));
        bool answered = false;
        closed.releaseMemory(this, [&answered] { answered = true; });
        QTRY_VERIFY(answered);
    }

    void handledAndPublishedSurviveReopen()
    {
        const QString path = dbPath();
        {
            TranscriptStore store(options(path));
            QVERIFY(store.openAndWait().ok());
            store.upsertConversation(conversation(u"c1"_s));
            store.markHandled(HandledMessage{u"c1"_s, u"dialog-1"_s, 5, u"d-5"_s, T0});
            store.markHandled(HandledMessage{u"c1"_s, u"dialog-1"_s, 7, u"d-7"_s, T0 + 1});
            store.markHandled(HandledMessage{u"c1"_s, u"dialog-1"_s, 7, u"d-7"_s, T0 + 2}); // idempotent
            for (int index = 0; index < 3; ++index) {
                MessageRecord reply = message(u"c1"_s, T0 + 10 + index, u"reply %1"_s.arg(index), MessageRole::Bot);
                reply.deliveryId = u"d-5"_s;
                reply.replyIndex = index;
                reply.publishState = PublishState::Pending;
                store.appendMessage(reply);
            }
            store.markReplyPublished(PublishedReply{u"c1"_s, u"d-5"_s, 0, T0 + 20});
            store.markReplyPublished(PublishedReply{u"c1"_s, u"d-5"_s, 2, T0 + 21});
            store.setReplyPublishState(u"d-5"_s, 1, PublishState::Failed);
            // The destructor commits what is queued.
        }
        TranscriptStore reopened(options(path));
        QVERIFY(reopened.openAndWait().ok());
        QCOMPARE(reopened.schemaVersionAtOpen(), TranscriptSchema::currentVersion());
        QVERIFY(reopened.isHandled(u"dialog-1"_s, 5).value());
        QVERIFY(!reopened.isHandled(u"dialog-1"_s, 6).value());
        QVERIFY(reopened.isHandled(u"dialog-1"_s, 7).value());
        QVERIFY(!reopened.isHandled(u"dialog-2"_s, 5).value());
        QCOMPARE(reopened.lastHandledSequence(u"dialog-1"_s).value(), qint64(7));
        QCOMPARE(reopened.lastHandledSequence(u"dialog-2"_s).value(), qint64(-1));
        QVERIFY(reopened.isReplyPublished(u"d-5"_s, 0).value());
        QVERIFY(!reopened.isReplyPublished(u"d-5"_s, 1).value());
        QVERIFY(reopened.isReplyPublished(u"d-5"_s, 2).value());
        QCOMPARE(reopened.publishedReplyIndexes(u"d-5"_s).value(), (QList<int>{0, 2}));
        const Transcript t = reopened.transcript(u"c1"_s).value();
        QCOMPARE(t.messages.size(), 3);
        QCOMPARE(t.messages.at(0).publishState, PublishState::Published);
        QCOMPARE(t.messages.at(1).publishState, PublishState::Failed);
        QCOMPARE(t.messages.at(2).publishState, PublishState::Published);
    }

    // --- The publication journal (at-most-once without a commit per reply) -------------------

    void journalMarkIsOnDiskBeforeAnyCommit()
    {
        const QString path = dbPath();
        TranscriptStore store(timerOffOptions(path)); // nothing is committed by the timer during this test
        QVERIFY(store.openAndWait().ok());
        QVERIFY(store.markReplyPublishedNow(PublishedReply{u"c1"_s, u"dialog-1:4"_s, 1, T0}).ok());
        QCOMPARE(store.pendingCount(), qsizetype(1)); // queued, not committed
        // The line is in a journal file already: a crash from here on cannot lose the mark.
        QCOMPARE(journalText(path), QByteArray("dialog-1:4\t1\tc1\t1767225600000\n"));
        QVERIFY(store.flushAndWait());
        QVERIFY(store.isReplyPublished(u"dialog-1:4"_s, 1).value());
    }

    void journalIsEmptiedOnceCommitted()
    {
        const QString path = dbPath();
        TranscriptStore store(options(path));
        QVERIFY(store.openAndWait().ok());
        for (int round = 0; round < 3; ++round) {
            for (int index = 0; index < 5; ++index) {
                QVERIFY(store.markReplyPublishedNow(PublishedReply{u"c1"_s, u"d-%1"_s.arg(round), index, T0}).ok());
            }
            QVERIFY(!journalText(path).isEmpty());
            // The commit retires the file the marks went to; the next commit empties the other one.
            QVERIFY(store.flushAndWait());
            QVERIFY(store.flushAndWait());
            QCOMPARE(journalText(path), QByteArray());
            QCOMPARE(store.publishedReplyIndexes(u"d-%1"_s.arg(round)).value(), (QList<int>{0, 1, 2, 3, 4}));
        }
    }

    void journalIsReplayedAfterACrash()
    {
        // A run killed after writing marks but before committing them: the database files and the
        // journal as they are on disk at that moment, copied while the store still runs.
        const QString path = dbPath();
        const QString crashed = QDir(m_dir->path()).filePath(u"crashed/transcripts.sqlite"_s);
        QVERIFY(QDir().mkpath(QFileInfo(crashed).absolutePath()));
        {
            TranscriptStore store(timerOffOptions(path));
            QVERIFY(store.openAndWait().ok());
            store.upsertConversation(conversation(u"c1"_s));
            QVERIFY(store.flushAndWait());
            QVERIFY(store.markReplyPublishedNow(PublishedReply{u"c1"_s, u"d-1"_s, 0, T0}).ok());
            QVERIFY(store.markReplyPublishedNow(PublishedReply{u"c1"_s, u"d-1"_s, 2, T0 + 1}).ok());
            for (const QString &suffix : {u""_s, u"-wal"_s, u"-marks-0"_s, u"-marks-1"_s}) {
                if (QFile::exists(path + suffix)) {
                    QVERIFY(QFile::copy(path + suffix, crashed + suffix));
                }
            }
        }
        // A torn last line: the process died inside write(); that reply was never sent.
        {
            QFile marks(crashed + u"-marks-1"_s);
            QVERIFY(marks.open(QIODevice::Append));
            marks.write("d-1\t3\tc");
        }
        TranscriptStore reopened(options(crashed));
        QVERIFY(reopened.openAndWait().ok());
        QCOMPARE(reopened.publishedReplyIndexes(u"d-1"_s).value(), (QList<int>{0, 2}));
        QCOMPARE(journalText(crashed), QByteArray()); // stored, so emptied
        QVERIFY(reopened.conversation(u"c1"_s).value().has_value());
    }

    void journalRefusesWhatItCannotWrite()
    {
        TranscriptStore notOpen(options(dbPath()));
        const VoidResult early = notOpen.markReplyPublishedNow(PublishedReply{u"c1"_s, u"d-1"_s, 0, T0});
        QVERIFY(!early.ok());
        QCOMPARE(early.error().code, u"storage.journal_closed"_s);

        TranscriptStore store(options(QDir(m_dir->path()).filePath(u"other/transcripts.sqlite"_s)));
        QVERIFY(store.openAndWait().ok());
        const VoidResult unsafe = store.markReplyPublishedNow(PublishedReply{u"c1"_s, u"d\t1"_s, 0, T0});
        QVERIFY(!unsafe.ok());
        QCOMPARE(unsafe.error().code, u"storage.journal_unsafe_id"_s);
        QCOMPARE(store.pendingCount(), qsizetype(0)); // refused means nothing recorded
        // The caller's fallback: mark, commit, then publish.
        store.markReplyPublished(PublishedReply{u"c1"_s, u"d\t1"_s, 0, T0});
        QVERIFY(store.flushAndWait());
        QVERIFY(store.isReplyPublished(u"d\t1"_s, 0).value());
    }

    void journalIsOneProcessAtATime()
    {
        const QString path = dbPath();
        TranscriptStore first(options(path));
        QVERIFY(first.openAndWait().ok());
        // A second store on the same database (another process, as far as the lock can tell)
        // gets no journal: it could empty files holding the first one's uncommitted marks.
        TranscriptStore second(options(path));
        QVERIFY(second.openAndWait().ok());
        QVERIFY(first.markReplyPublishedNow(PublishedReply{u"c1"_s, u"d-1"_s, 0, T0}).ok());
        const VoidResult refused = second.markReplyPublishedNow(PublishedReply{u"c2"_s, u"d-2"_s, 0, T0});
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, u"storage.journal_closed"_s);
    }

    void journalLockOfAKilledProcessIsTakenOver()
    {
        // The lock file a SIGKILLed run leaves: its process is gone, so the next run takes it.
        QProcess gone;
        gone.start(u"true"_s, QStringList());
        QVERIFY(gone.waitForFinished(10000));
        const qint64 deadPid = gone.processId() > 0 ? gone.processId() : 999999;
        const QString path = dbPath();
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        {
            QFile lock(path + u"-marks.lock"_s);
            QVERIFY(lock.open(QIODevice::WriteOnly));
            lock.write(QByteArray::number(deadPid) + "\nswitchboard-cli\n" + QSysInfo::machineHostName().toUtf8() + "\n");
        }
        TranscriptStore store(options(path));
        QVERIFY(store.openAndWait().ok());
        QVERIFY(store.markReplyPublishedNow(PublishedReply{u"c1"_s, u"d-1"_s, 0, T0}).ok());
    }

    void journalParsesOnlyWholeLines()
    {
        int skipped = 0;
        const QList<PublishedReply> marks = Detail::PublishJournal::parse(
            "d-1\t0\tc1\t5\nbroken line\nd-2\tx\tc2\t6\nd-3\t1\tc3\t7\nd-4\t2\tc", &skipped);
        QCOMPARE(marks.size(), 2);
        QCOMPARE(marks.at(0).deliveryId, u"d-1"_s);
        QCOMPARE(marks.at(1).replyIndex, 1);
        QCOMPARE(marks.at(1).conversationId, u"c3"_s);
        QCOMPARE(marks.at(1).publishedAtMs, qint64(7));
        QCOMPARE(skipped, 3);
    }

    void transcriptIsOrderedByTime()
    {
        TranscriptStore store(options(dbPath()));
        QVERIFY(store.openAndWait().ok());
        ConversationRecord c = conversation(u"c1"_s);
        store.upsertConversation(c);
        // Enqueued out of time order on purpose.
        store.appendMessage(message(u"c1"_s, T0 + 300, u"third"_s, MessageRole::Bot));
        store.appendMessage(message(u"c1"_s, T0 + 100, u"first"_s));
        MessageRecord second = message(u"c1"_s, T0 + 200, u"second (private)"_s, MessageRole::Private);
        second.rawJson = R"({"type":"ContentEvent","message":"second"})";
        second.contentType = u"text/plain"_s;
        store.appendMessage(second);
        HopRecord hop;
        hop.conversationId = u"c1"_s;
        hop.deliveryId = u"d-1"_s;
        hop.kind = HopKind::BotOut;
        hop.attempt = 2;
        hop.startedAtMs = T0 + 150;
        hop.finishedAtMs = T0 + 250;
        hop.outcome = u"http_503"_s;
        hop.payload = R"({"status":503})";
        store.appendHop(hop);
        HopRecord lpIn = hop;
        lpIn.kind = HopKind::LpIn;
        lpIn.attempt = 1;
        lpIn.startedAtMs = T0 + 100;
        lpIn.outcome = u"ok"_s;
        store.appendHop(lpIn);
        EscalationRecord escalation;
        escalation.id = u"esc-1"_s;
        escalation.conversationId = u"c1"_s;
        escalation.timeMs = T0 + 260;
        escalation.fromSkillId = u"1001"_s;
        escalation.toSkillId = u"2002"_s;
        escalation.cause = u"bot_failure"_s;
        escalation.reason = u"the bot answered 503 three times"_s;
        escalation.outcome = u"pending"_s;
        store.recordEscalation(escalation);
        escalation.outcome = u"transferred"_s; // same id: an update
        store.recordEscalation(escalation);
        c.state = u"escalated"_s;
        c.escalated = true;
        c.escalationCause = u"bot_failure"_s;
        store.upsertConversation(c);

        const Result<Transcript> result = store.transcript(u"c1"_s);
        QVERIFY(result.ok());
        const Transcript &t = result.value();
        QCOMPARE(t.conversation, std::optional<ConversationRecord>(c));
        QCOMPARE(t.messages.size(), 3);
        QCOMPARE(t.messages.at(0).text, u"first"_s);
        QCOMPARE(t.messages.at(1).text, u"second (private)"_s);
        QCOMPARE(t.messages.at(1).role, MessageRole::Private);
        QCOMPARE(t.messages.at(1).rawJson, second.rawJson);
        QCOMPARE(t.messages.at(2).role, MessageRole::Bot);
        QCOMPARE(t.hops.size(), 2);
        QCOMPARE(t.hops.at(0).kind, HopKind::LpIn);
        QCOMPARE(t.hops.at(1).kind, HopKind::BotOut);
        QCOMPARE(t.hops.at(1).attempt, 2);
        QCOMPARE(t.hops.at(1).outcome, u"http_503"_s);
        QCOMPARE(t.hops.at(1).payload, hop.payload);
        QCOMPARE(t.escalations.size(), 1);
        QCOMPARE(t.escalations.at(0).outcome, u"transferred"_s);

        using Kind = Transcript::Entry::Kind;
        QList<std::pair<Kind, qint64>> timeline;
        for (const Transcript::Entry &entry : t.timeline()) {
            timeline.append({entry.kind, entry.timeMs});
        }
        const QList<std::pair<Kind, qint64>> expected{
            {Kind::Message, T0 + 100}, {Kind::Hop, T0 + 100},        {Kind::Hop, T0 + 150},
            {Kind::Message, T0 + 200}, {Kind::Escalation, T0 + 260}, {Kind::Message, T0 + 300},
        };
        QCOMPARE(timeline, expected);

        const Result<Transcript> missing = store.transcript(u"nope"_s);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, u"storage.not_found"_s);
    }

    void search_data()
    {
        QTest::addColumn<bool>("fullTextSearch");
        QTest::newRow("fts5") << true;
        QTest::newRow("like fallback") << false;
    }

    void search()
    {
        QFETCH(bool, fullTextSearch);
        TranscriptStore::Options o = options(dbPath());
        o.fullTextSearch = fullTextSearch;
        TranscriptStore store(o);
        QVERIFY(store.openAndWait().ok());
        QCOMPARE(store.hasFullTextSearch(), fullTextSearch);

        store.upsertConversation(conversation(u"refund-old"_s, u"int-1"_s, T0));
        store.upsertConversation(conversation(u"refund-new"_s, u"int-2"_s, T0 + 1000));
        store.upsertConversation(conversation(u"delivery"_s, u"int-1"_s, T0 + 2000));
        store.appendMessage(message(u"refund-old"_s, T0 + 1, u"I want a Refund for order 42"_s));
        store.appendMessage(message(u"delivery"_s, T0 + 2001, u"The delivery was late again"_s));
        store.appendMessage(message(u"refund-new"_s, T0 + 1001, u"is my refund processed? 100% sure"_s));
        store.appendMessage(message(u"delivery"_s, T0 + 2002, u"sorry_about that"_s, MessageRole::Bot));
        // A message for a conversation that was never upserted is still found.
        store.appendMessage(message(u"orphan"_s, T0 + 3000, u"refund please"_s));

        auto search = [&](const QString &text, const QString &integration = QString(), int limit = 100) {
            const Result<QList<ConversationRecord>> result = store.searchConversations(text, integration, limit);
            if (!result.ok()) {
                qWarning() << result.error().message;
                return QStringList{u"<error>"_s};
            }
            return ids(result.value());
        };
        // Newest matching message first; case-insensitive.
        QCOMPARE(search(u"refund"_s), (QStringList{u"orphan"_s, u"refund-new"_s, u"refund-old"_s}));
        QCOMPARE(search(u"REFUND"_s), (QStringList{u"orphan"_s, u"refund-new"_s, u"refund-old"_s}));
        // FTS5 matches whole words unless the text ends with '*'; LIKE matches substrings.
        QCOMPARE(search(u"refu"_s),
                 fullTextSearch ? QStringList() : (QStringList{u"orphan"_s, u"refund-new"_s, u"refund-old"_s}));
        QCOMPARE(search(u"refu*"_s), (QStringList{u"orphan"_s, u"refund-new"_s, u"refund-old"_s}));
        QCOMPARE(search(u"delivery was la*"_s), QStringList{u"delivery"_s});
        QCOMPARE(search(u"delivery was late"_s), QStringList{u"delivery"_s});
        QCOMPARE(search(u"late was delivery"_s), QStringList());
        QCOMPARE(search(u"refund"_s, u"int-1"_s), QStringList{u"refund-old"_s});
        QCOMPARE(search(u"refund"_s, QString(), 2), (QStringList{u"orphan"_s, u"refund-new"_s}));
        QCOMPARE(search(u"nothing like this"_s), QStringList());
        // Characters that mean something to FTS5 or LIKE are never syntax: FTS5 drops punctuation
        // like its tokenizer does, LIKE looks for it literally.
        QCOMPARE(search(u"\"refund"_s),
                 fullTextSearch ? (QStringList{u"orphan"_s, u"refund-new"_s, u"refund-old"_s}) : QStringList());
        QCOMPARE(search(u"100%"_s), QStringList{u"refund-new"_s});
        QCOMPARE(search(u"sorry_about"_s), QStringList{u"delivery"_s});
        QCOMPARE(search(u"refund AND NOT x OR"_s), QStringList());
        QCOMPARE(search(u"   "_s), QStringList());
        QCOMPARE(search(u"%"_s), fullTextSearch ? QStringList() : QStringList{u"refund-new"_s});
        const QList<ConversationRecord> found = store.searchConversations(u"refund"_s).value();
        QCOMPARE(found.at(1).integrationId, u"int-2"_s); // full records, not only ids

        std::optional<QStringList> async;
        store.fetchSearch(u"late"_s, QString(), 10, this, [&](const Result<QList<ConversationRecord>> &result) {
            async = result.ok() ? ids(result.value()) : QStringList{u"<error>"_s};
        });
        QTRY_VERIFY(async.has_value());
        QCOMPARE(*async, QStringList{u"delivery"_s});
    }

    void searchIndexCatchesUpAfterFallback()
    {
        const QString path = dbPath();
        {
            TranscriptStore store(options(path));
            QVERIFY(store.openAndWait().ok());
            store.appendMessage(message(u"a"_s, T0, u"indexed while FTS5 was on"_s));
        }
        {
            TranscriptStore::Options off = options(path);
            off.fullTextSearch = false;
            TranscriptStore store(off);
            QVERIFY(store.openAndWait().ok());
            store.appendMessage(message(u"b"_s, T0 + 1, u"written while FTS5 was off"_s));
        }
        TranscriptStore store(options(path));
        QVERIFY(store.openAndWait().ok());
        QVERIFY(store.hasFullTextSearch());
        QCOMPARE(ids(store.searchConversations(u"written while"_s).value()), QStringList{u"b"_s});
        QCOMPARE(ids(store.searchConversations(u"indexed"_s).value()), QStringList{u"a"_s});
    }

    void conversationPages()
    {
        TranscriptStore store(options(dbPath()));
        QVERIFY(store.openAndWait().ok());
        for (int i = 0; i < 30; ++i) {
            const QString state = i % 3 == 0 ? u"closed"_s : (i % 3 == 1 ? u"open"_s : u"escalated"_s);
            store.upsertConversation(
                conversation(u"c%1"_s.arg(i, 2, 10, QLatin1Char('0')), i < 20 ? u"int-1"_s : u"int-2"_s, T0 + i, state));
        }
        ConversationQuery query;
        query.integrationId = u"int-1"_s;
        query.limit = 5;
        ConversationPage page = store.conversations(query).value();
        QCOMPARE(page.total, qint64(20));
        QCOMPARE(ids(page.conversations), (QStringList{u"c19"_s, u"c18"_s, u"c17"_s, u"c16"_s, u"c15"_s}));
        query.offset = 5;
        page = store.conversations(query).value();
        QCOMPARE(ids(page.conversations), (QStringList{u"c14"_s, u"c13"_s, u"c12"_s, u"c11"_s, u"c10"_s}));
        query.offset = 18;
        page = store.conversations(query).value();
        QCOMPARE(ids(page.conversations), (QStringList{u"c01"_s, u"c00"_s}));

        query.offset = 0;
        query.limit = 100;
        query.states = {u"open"_s, u"escalated"_s};
        page = store.conversations(query).value();
        QCOMPARE(page.total, qint64(13));
        for (const ConversationRecord &record : std::as_const(page.conversations)) {
            QVERIFY(record.state != u"closed"_s);
            QCOMPARE(record.integrationId, u"int-1"_s);
        }

        std::optional<qint64> asyncTotal;
        query.integrationId = u"int-2"_s;
        query.states.clear();
        store.fetchConversations(query, this, [&](const Result<ConversationPage> &result) {
            asyncTotal = result.ok() ? result.value().total : -1;
        });
        QTRY_VERIFY(asyncTotal.has_value());
        QCOMPARE(*asyncTotal, qint64(10));
    }

    void healthDecimation()
    {
        TranscriptStore store(options(dbPath()));
        QVERIFY(store.openAndWait().ok());
        // Bucket 0 (T0 … T0+999): 10, 30, 20 ms, one timeout. Bucket 1 empty. Bucket 2: 100 ms.
        store.appendHealthSample(HealthSample{u"int-1"_s, T0 + 0, 10, u"ok"_s});
        store.appendHealthSample(HealthSample{u"int-1"_s, T0 + 400, 30, u"ok"_s});
        store.appendHealthSample(HealthSample{u"int-1"_s, T0 + 999, 20, u"timeout"_s});
        store.appendHealthSample(HealthSample{u"int-1"_s, T0 + 2500, 100, u"ok"_s});
        store.appendHealthSample(HealthSample{u"int-1"_s, T0 + 3000, 7, u"ok"_s}); // outside [from, to)
        store.appendHealthSample(HealthSample{u"int-2"_s, T0 + 100, 999, u"ok"_s}); // another integration

        const QList<HealthBucket> buckets = store.healthBuckets(u"int-1"_s, T0, T0 + 3000, 1000).value();
        QCOMPARE(buckets.size(), 2);
        QCOMPARE(buckets.at(0), (HealthBucket{T0, T0 + 1000, 3, 2, 10, 30, 20.0, 0, 0}));
        QCOMPARE(buckets.at(1), (HealthBucket{T0 + 2000, T0 + 3000, 1, 1, 100, 100, 100.0, 0, 0}));

        const QList<HealthSample> raw = store.healthSamples(u"int-1"_s, T0, T0 + 3000).value();
        QCOMPARE(raw.size(), 4);
        QCOMPARE(raw.at(2), (HealthSample{u"int-1"_s, T0 + 999, 20, u"timeout"_s}));

        // One bucket for the whole range.
        const QList<HealthBucket> one = store.healthBuckets(u"int-1"_s, T0, T0 + 3001, 3001).value();
        QCOMPARE(one.size(), 1);
        QCOMPARE(one.at(0).count, 5);
        QCOMPARE(one.at(0).minLatencyMs, 7);
        QVERIFY(!store.healthBuckets(u"int-1"_s, T0, T0 + 1, 0).ok());

        std::optional<int> asyncCount;
        store.fetchHealthBuckets(u"int-2"_s, T0, T0 + 3000, 1000, this, [&](const Result<QList<HealthBucket>> &r) {
            asyncCount = r.ok() ? int(r.value().size()) : -1;
        });
        QTRY_VERIFY(asyncCount.has_value());
        QCOMPARE(*asyncCount, 1);
    }

    void healthAggregatedSamples()
    {
        TranscriptStore store(options(dbPath()));
        QVERIFY(store.openAndWait().ok());
        // Per-second aggregates as the connector writes them: 8 ok calls with median 40 ms, 2
        // timeouts, then 10 ok calls with median 10 ms.
        store.appendHealthSample(HealthSample{u"int-1"_s, T0, 40, u"ok"_s, 8, 90, 120});
        store.appendHealthSample(HealthSample{u"int-1"_s, T0, 5000, u"timeout"_s, 2, 5000, 5000});
        store.appendHealthSample(HealthSample{u"int-1"_s, T0 + 1000, 10, u"ok"_s, 10, 20, 25});
        const QList<HealthSample> raw = store.healthSamples(u"int-1"_s, T0, T0 + 2000).value();
        QCOMPARE(raw.size(), 3);
        QCOMPARE(raw.at(0), (HealthSample{u"int-1"_s, T0, 40, u"ok"_s, 8, 90, 120}));

        const QList<HealthBucket> buckets = store.healthBuckets(u"int-1"_s, T0, T0 + 2000, 2000).value();
        QCOMPARE(buckets.size(), 1);
        const HealthBucket &b = buckets.at(0);
        QCOMPARE(b.count, 20);
        QCOMPARE(b.okCount, 18);
        QCOMPARE(b.minLatencyMs, 10);
        QCOMPARE(b.maxLatencyMs, 5000);
        QCOMPARE(b.avgLatencyMs, (8 * 40 + 2 * 5000 + 10 * 10) / 20.0);
        QCOMPARE(b.maxP95LatencyMs, 5000);
        QCOMPARE(b.maxP99LatencyMs, 5000);
    }

    void asyncCallbacksRespectTheirContext()
    {
        TranscriptStore store(options(dbPath()));
        QVERIFY(store.openAndWait().ok());
        store.upsertConversation(conversation(u"c1"_s));
        store.appendMessage(message(u"c1"_s, T0, u"hello"_s));

        bool deadCalled = false;
        auto *dead = new QObject;
        store.fetchTranscript(u"c1"_s, dead, [&](const Result<Transcript> &) {
            deadCalled = true;
        });
        delete dead;

        QThread *thread = nullptr;
        int messages = -1;
        store.fetchTranscript(u"c1"_s, this, [&](const Result<Transcript> &result) {
            thread = QThread::currentThread();
            messages = result.ok() ? int(result.value().messages.size()) : -1;
        });
        QTRY_VERIFY(thread != nullptr);
        QCOMPARE(thread, QThread::currentThread());
        QCOMPARE(messages, 1);
        // Answers arrive in order, so the first one would have been delivered by now.
        QVERIFY(!deadCalled);
    }

    void writeFailuresAreReported()
    {
        TranscriptStore store(options(dbPath()));
        QVERIFY(store.openAndWait().ok());
        QSignalSpy failed(&store, &TranscriptStore::writeFailed);
        store.upsertConversation(ConversationRecord{}); // no id: violates NOT NULL
        store.appendMessage(message(u"c1"_s, T0, u"still stored"_s));
        QVERIFY(store.flushAndWait());
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY2(failed.at(0).at(0).toString().contains(u"1 transcript record"_s),
                 qPrintable(failed.at(0).at(0).toString()));
        QCOMPARE(store.messageCount().value(), qint64(1));
    }

    void storedValuesAndTypesAreKept()
    {
        // The write statements bind through the sqlite3 C API; the file must hold what the Qt SQL
        // bindings stored: NULL for absent optional values, TEXT for raw JSON (invalid UTF-8 as
        // QString::fromUtf8() reads it), INTEGER for numbers, non-ASCII text intact and searchable.
        const QByteArray invalidUtf8 = QByteArray("{\"t\":\"a\xff\xc3(b\"}");
        const QString umlauts = u"Grüße aus Köln \u20ac 😀"_s;
        {
            TranscriptStore store(options(dbPath()));
            QVERIFY(store.openAndWait().ok());
            ConversationRecord c;
            c.id = u"c1"_s;
            c.integrationId = u"int-1"_s;
            c.openedAtMs = T0;
            store.upsertConversation(c);
            MessageRecord m = message(u"c1"_s, T0 + 1, umlauts);
            m.dialogId.clear();
            m.rawJson = invalidUtf8;
            m.contentType.clear();
            store.appendMessage(m);
            MessageRecord reply = message(u"c1"_s, T0 + 2, u"plain ascii"_s, MessageRole::Bot);
            reply.sequence = 7;
            reply.rawJson = "{\"ok\":true}";
            reply.deliveryId = u"d1:7"_s;
            reply.replyIndex = 0;
            reply.publishState = PublishState::Pending;
            store.appendMessage(reply);
            HopRecord hop;
            hop.conversationId = u"c1"_s;
            hop.deliveryId = u"d1:7"_s;
            hop.kind = HopKind::BotIn;
            hop.startedAtMs = T0 + 1;
            hop.payload = u"{\"text\":\"Grüße\"}"_s.toUtf8();
            store.appendHop(hop);
            store.appendHealthSample(HealthSample{u"int-1"_s, T0, 12, QString(), 0, 0, 0});
            store.markReplyPublished(PublishedReply{u"c1"_s, u"d1:7"_s, 0, T0 + 3});
            QVERIFY(store.flushAndWait());
            QCOMPARE(ids(store.searchConversations(u"köln"_s).value()), QStringList{u"c1"_s});
        }
        RawDatabase raw(dbPath());
        QCOMPARE(raw.scalar(u"SELECT typeof(consumer_id) || typeof(skill_id) || typeof(closed_at) || "
                            u"typeof(escalation_cause) || '/' || channel || '/' || state || '/' || escalated "
                            u"FROM conversations"_s)
                     .toString(),
                 u"nullnullnullnull/messaging/open/0"_s);
        QCOMPARE(raw.scalar(u"SELECT typeof(dialog_id) || typeof(sequence) || typeof(raw_json) || typeof(delivery_id) "
                            u"|| typeof(reply_index) || typeof(publish_state) || '/' || content_type || '/' || role "
                            u"FROM messages WHERE time = %1"_s.arg(T0 + 1))
                     .toString(),
                 u"nullnulltextnullnullnull/text/plain/consumer"_s);
        QCOMPARE(raw.scalar(u"SELECT text FROM messages WHERE time = %1"_s.arg(T0 + 1)).toString(), umlauts);
        QCOMPARE(raw.scalar(u"SELECT raw_json FROM messages WHERE time = %1"_s.arg(T0 + 1)).toString(),
                 QString::fromUtf8(invalidUtf8));
        QCOMPARE(raw.scalar(u"SELECT typeof(sequence) || typeof(reply_index) || '/' || sequence || '/' || "
                            u"publish_state || '/' || raw_json FROM messages WHERE time = %1"_s.arg(T0 + 2))
                     .toString(),
                 u"integerinteger/7/published/{\"ok\":true}"_s);
        QCOMPARE(raw.scalar(u"SELECT typeof(finished_at) || typeof(outcome) || '/' || kind || '/' || attempt || '/' "
                            u"|| payload FROM hops"_s)
                     .toString(),
                 u"nullnull/bot_in/1/{\"text\":\"Grüße\"}"_s);
        QCOMPARE(raw.scalar(u"SELECT typeof(p95_ms) || typeof(p99_ms) || '/' || outcome || '/' || count "
                            u"FROM health_samples"_s)
                     .toString(),
                 u"nullnull/ok/1"_s);
    }

private:
    QString dbPath() const
    {
        return QDir(m_dir->path()).filePath(u"data/transcripts.sqlite"_s);
    }

    /** Both publication-journal files of the database at @p path, concatenated. */
    static QByteArray journalText(const QString &path)
    {
        QByteArray text;
        for (const QString &name : Detail::PublishJournal::fileNames(path)) {
            QFile file(name);
            if (file.open(QIODevice::ReadOnly)) {
                text += file.readAll();
            }
        }
        return text;
    }

    static TranscriptStore::Options options(const QString &path)
    {
        TranscriptStore::Options o;
        o.path = path;
        return o;
    }

    /** Only a flush, a task or a full batch of @p batchSize records commits: no commit timer. */
    static TranscriptStore::Options timerOffOptions(const QString &path, int batchSize = 1000)
    {
        TranscriptStore::Options o = options(path);
        o.commitIntervalMs = 3600000;
        o.commitBatchSize = batchSize;
        return o;
    }

    std::optional<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestTranscriptStore)
#include "tst_transcriptstore.moc"
