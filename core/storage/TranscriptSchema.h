// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Result.h"

#include <QList>
#include <QSqlDatabase>
#include <QStringList>

namespace Switchboard::Storage
{

/**
 * The SQLite schema of TranscriptStore and its migrations. The version lives in
 * `PRAGMA user_version`; migrations() is the ordered list of steps, step n taking the database
 * from version n - 1 to n in one transaction. Full-text search (FTS5, when the SQLite build has it)
 * is not a numbered step: ensureFullTextSearch() adds, rebuilds or removes it on every open, so a
 * database moved between SQLite builds keeps working.
 *
 * Stateless; every function works on the connection it is given, in the caller's thread.
 */
class TranscriptSchema final
{
public:
    struct Migration
    {
        int version = 0;
        QString description;
        QStringList statements;
    };

    /** The ordered migration steps; the last one's version is currentVersion(). */
    static const QList<Migration> &migrations();
    static int currentVersion();

    /** The database's schema version (PRAGMA user_version); 0 for a new database. */
    static Result<int> version(const QSqlDatabase &db);
    /**
     * Applies the missing steps up to @p targetVersion (default: current). A database of a newer
     * version than this build knows is refused. Returns the version before migrating.
     */
    static Result<int> migrate(const QSqlDatabase &db, int targetVersion = -1);

    /** Whether this SQLite can create FTS5 tables (probed with a temporary table). */
    static bool fullTextSearchAvailable(const QSqlDatabase &db);
    /**
     * Creates (and fills) the FTS5 index over message text when @p wanted and available, or drops it
     * otherwise. Returns whether full-text search is in use afterwards.
     */
    static Result<bool> ensureFullTextSearch(const QSqlDatabase &db, bool wanted);
    /**
     * The statement (rowid, text) that adds one new message to the FTS5 index. Whoever inserts
     * into `messages` while the index exists must run it in the same transaction; an index that
     * fell behind (written without it) is rebuilt by ensureFullTextSearch() at the next open.
     * Deleting or editing message text must also update the index ('delete' command or 'rebuild').
     */
    static QString indexStatement();
};

} // namespace Switchboard::Storage
