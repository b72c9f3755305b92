// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TranscriptSchema.h"

#include "storage/StorageLogging.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace Switchboard::Storage
{

namespace
{

using namespace Qt::StringLiterals;

QString tr(const char *text)
{
    return QCoreApplication::translate("Switchboard::Storage::TranscriptSchema", text);
}

VoidResult exec(const QSqlDatabase &db, const QString &statement)
{
    QSqlQuery query(db);
    if (!query.exec(statement)) {
        // Explicit context: lupdate would file a tr() at namespace scope under Switchboard::Storage.
        return Error{u"storage.transcript_schema"_s,
                     QCoreApplication::translate("Switchboard::Storage::TranscriptSchema",
                                                 "The transcript database rejected a schema statement (%1): %2")
                         .arg(statement.simplified().left(80), query.lastError().text())};
    }
    return Success{};
}

void rollback(const QSqlDatabase &db)
{
    // Best effort after a failed step; the step's own error is what gets reported.
    QSqlQuery(db).exec(u"ROLLBACK"_s);
}

bool tableExists(const QSqlDatabase &db, const QString &name)
{
    QSqlQuery query(db);
    query.prepare(u"SELECT 1 FROM sqlite_master WHERE name = ?"_s);
    query.addBindValue(name);
    return query.exec() && query.next();
}

} // namespace

const QList<TranscriptSchema::Migration> &TranscriptSchema::migrations()
{
    static const QList<Migration> steps{
        {1,
         u"conversations, messages, hops, escalations"_s,
         {
             uR"(CREATE TABLE conversations (
                    id TEXT PRIMARY KEY NOT NULL,
                    integration_id TEXT NOT NULL,
                    channel TEXT NOT NULL DEFAULT 'messaging',
                    consumer_id TEXT,
                    skill_id TEXT,
                    state TEXT NOT NULL,
                    opened_at INTEGER NOT NULL,
                    closed_at INTEGER,
                    escalated INTEGER NOT NULL DEFAULT 0,
                    escalation_cause TEXT))"_s,
             u"CREATE INDEX conversations_by_integration ON conversations (integration_id, opened_at)"_s,
             uR"(CREATE TABLE messages (
                    id INTEGER PRIMARY KEY,
                    conversation_id TEXT NOT NULL,
                    dialog_id TEXT,
                    sequence INTEGER,
                    role TEXT NOT NULL,
                    content_type TEXT NOT NULL DEFAULT 'text/plain',
                    text TEXT,
                    raw_json TEXT,
                    time INTEGER NOT NULL,
                    delivery_id TEXT,
                    publish_state TEXT))"_s,
             u"CREATE INDEX messages_by_conversation ON messages (conversation_id, time)"_s,
             uR"(CREATE TABLE hops (
                    id INTEGER PRIMARY KEY,
                    conversation_id TEXT NOT NULL,
                    delivery_id TEXT,
                    kind TEXT NOT NULL,
                    attempt INTEGER NOT NULL DEFAULT 1,
                    started_at INTEGER NOT NULL,
                    finished_at INTEGER,
                    outcome TEXT,
                    payload TEXT))"_s,
             u"CREATE INDEX hops_by_conversation ON hops (conversation_id, started_at)"_s,
             uR"(CREATE TABLE escalations (
                    id TEXT PRIMARY KEY NOT NULL,
                    conversation_id TEXT NOT NULL,
                    time INTEGER NOT NULL,
                    from_skill TEXT,
                    to_skill TEXT,
                    cause TEXT NOT NULL,
                    reason TEXT,
                    outcome TEXT))"_s,
             u"CREATE INDEX escalations_by_conversation ON escalations (conversation_id, time)"_s,
         }},
        {2,
         u"restart bookkeeping (handled messages, published replies), reply index, endpoint health"_s,
         {
             u"ALTER TABLE messages ADD COLUMN reply_index INTEGER"_s,
             u"CREATE INDEX messages_by_delivery ON messages (delivery_id, reply_index) WHERE delivery_id IS NOT NULL"_s,
             uR"(CREATE TABLE handled_messages (
                    dialog_id TEXT NOT NULL,
                    sequence INTEGER NOT NULL,
                    conversation_id TEXT NOT NULL,
                    delivery_id TEXT,
                    handled_at INTEGER NOT NULL,
                    PRIMARY KEY (dialog_id, sequence)) WITHOUT ROWID)"_s,
             uR"(CREATE TABLE published_replies (
                    delivery_id TEXT NOT NULL,
                    reply_index INTEGER NOT NULL,
                    conversation_id TEXT NOT NULL,
                    published_at INTEGER NOT NULL,
                    PRIMARY KEY (delivery_id, reply_index)) WITHOUT ROWID)"_s,
             uR"(CREATE TABLE health_samples (
                    id INTEGER PRIMARY KEY,
                    integration_id TEXT NOT NULL,
                    time INTEGER NOT NULL,
                    latency_ms INTEGER NOT NULL,
                    outcome TEXT NOT NULL,
                    count INTEGER NOT NULL DEFAULT 1,
                    p95_ms INTEGER,
                    p99_ms INTEGER))"_s,
             u"CREATE INDEX health_by_integration ON health_samples (integration_id, time)"_s,
             // Pages of an integration's conversations filtered by state, and their count.
             u"CREATE INDEX conversations_by_state ON conversations (integration_id, state, opened_at)"_s,
         }},
        {3,
         u"the delivery index covers bot replies only"_s,
         {
             // Its one user is the publication-state update, which names a reply (delivery id and
             // reply index); consumer messages and notices never match it. Every indexed row costs
             // a page write per commit (rows of one conversation share a page, the conversations
             // of a commit do not), so half the rows out is about 4 % of the write-ahead log.
             u"DROP INDEX messages_by_delivery"_s,
             u"CREATE INDEX messages_by_reply ON messages (delivery_id, reply_index) WHERE reply_index IS NOT NULL"_s,
         }},
    };
    return steps;
}

int TranscriptSchema::currentVersion()
{
    return migrations().constLast().version;
}

Result<int> TranscriptSchema::version(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(u"PRAGMA user_version"_s) || !query.next()) {
        return Error{u"storage.transcript_schema"_s,
                     tr("Cannot read the transcript database's schema version: %1").arg(query.lastError().text())};
    }
    return query.value(0).toInt();
}

Result<int> TranscriptSchema::migrate(const QSqlDatabase &db, int targetVersion)
{
    if (targetVersion < 0) {
        targetVersion = currentVersion();
    }
    const Result<int> before = version(db);
    if (!before) {
        return before;
    }
    if (*before > currentVersion()) {
        return Error{u"storage.transcript_newer_schema"_s,
                     tr("The transcript database %1 has schema version %2, written by a newer Switchboard; this "
                        "version understands up to %3. Use a newer Switchboard or another data directory.")
                         .arg(db.databaseName())
                         .arg(*before)
                         .arg(currentVersion())};
    }
    for (const Migration &step : migrations()) {
        if (step.version <= *before || step.version > targetVersion) {
            continue;
        }
        // Each step is atomic: a failed step leaves the database at the previous version.
        if (VoidResult begun = exec(db, u"BEGIN IMMEDIATE"_s); !begun) {
            return begun.error();
        }
        for (const QString &statement : step.statements) {
            if (VoidResult done = exec(db, statement); !done) {
                rollback(db);
                return done.error();
            }
        }
        if (VoidResult done = exec(db, u"PRAGMA user_version = %1"_s.arg(step.version)); !done) {
            rollback(db);
            return done.error();
        }
        if (VoidResult done = exec(db, u"COMMIT"_s); !done) {
            rollback(db);
            return done.error();
        }
        qCInfo(lcStorage) << "transcripts: migrated schema to version" << step.version << step.description;
    }
    return *before;
}

bool TranscriptSchema::fullTextSearchAvailable(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(u"CREATE VIRTUAL TABLE temp.switchboard_fts5_probe USING fts5(x)"_s)) {
        return false;
    }
    query.exec(u"DROP TABLE temp.switchboard_fts5_probe"_s);
    return true;
}

Result<bool> TranscriptSchema::ensureFullTextSearch(const QSqlDatabase &db, bool wanted)
{
    const bool available = fullTextSearchAvailable(db);
    const bool exists = tableExists(db, u"messages_fts"_s);

    if (wanted && available) {
        if (exists) {
            // The index is written by TranscriptStore itself (see indexStatement()); a database last
            // written where FTS5 was missing or switched off has messages beyond the indexed ones.
            QSqlQuery check(db);
            if (check.exec(u"SELECT (SELECT IFNULL(MAX(id), 0) FROM messages WHERE text IS NOT NULL), "
                           u"(SELECT IFNULL(MAX(id), 0) FROM messages_fts_docsize)"_s)
                && check.next() && check.value(0).toLongLong() == check.value(1).toLongLong()) {
                return true;
            }
        }
        QStringList create;
        if (exists) {
            create.append(u"DROP TABLE messages_fts"_s);
        }
        // External content: the index refers to messages.id and keeps no second copy of the text.
        create.append(u"CREATE VIRTUAL TABLE messages_fts USING fts5(text, content='messages', content_rowid='id', "
                      u"tokenize='unicode61 remove_diacritics 2')"_s);
        create.append(u"INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')"_s);
        if (VoidResult begun = exec(db, u"BEGIN IMMEDIATE"_s); !begun) {
            return begun.error();
        }
        for (const QString &statement : std::as_const(create)) {
            if (VoidResult done = exec(db, statement); !done) {
                rollback(db);
                return done.error();
            }
        }
        if (VoidResult done = exec(db, u"COMMIT"_s); !done) {
            rollback(db);
            return done.error();
        }
        qCInfo(lcStorage) << "transcripts: full-text search index (FTS5)" << (exists ? "rebuilt" : "created");
        return true;
    }

    if (exists && available) {
        // Switched off: drop the index rather than let it go stale.
        if (VoidResult done = exec(db, u"DROP TABLE messages_fts"_s); !done) {
            return done.error();
        }
    }
    if (wanted) {
        qCInfo(lcStorage) << "transcripts: this SQLite has no FTS5; text search falls back to LIKE";
    }
    return false;
}

QString TranscriptSchema::indexStatement()
{
    // Not a trigger: FTS5 flushes its pending terms at every statement savepoint, which a trigger
    // opens for each row, making bulk inserts about ten times slower. The store indexes each new
    // message in the same transaction instead.
    return u"INSERT INTO messages_fts (rowid, text) VALUES (?, ?)"_s;
}

} // namespace Switchboard::Storage
