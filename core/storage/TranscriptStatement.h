// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to storage/: the transcript store's hot write statements, bound and stepped through the
// sqlite3 C API on the connection Qt SQL opened. Other modules use TranscriptStore.

#include <QByteArray>
#include <QByteArrayView>
#include <QSqlDatabase>
#include <QString>
#include <QStringView>

#include <string>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace Switchboard::Storage::Detail
{

/**
 * One prepared SQLite statement used on the store's thread only. Binding costs no QVariant and no
 * allocation in the steady state: text is converted to UTF-8 into a buffer per parameter that
 * keeps its capacity, UTF-8 bytes are bound in place (SQLITE_STATIC: the caller keeps them alive
 * until step() returns), so what is stored is exactly what Qt SQL stored for the same values —
 * a null QString or an "absent" value is SQL NULL, invalid UTF-8 is repaired the way
 * QString::fromUtf8() repairs it.
 *
 * Bind every parameter before each step(); step() resets the statement afterwards.
 *
 * Requires Qt's QSQLITE driver to use the same SQLite library this module links (the system
 * libsqlite3): true of Debian's libqt6sql6-sqlite. Qt's own Windows/macOS builds bundle SQLite in
 * the plugin; there, build the plugin with -system-sqlite before using this.
 */
class TranscriptStatement final
{
public:
    TranscriptStatement() = default;
    ~TranscriptStatement();
    TranscriptStatement(const TranscriptStatement &) = delete;
    TranscriptStatement &operator=(const TranscriptStatement &) = delete;

    /** The sqlite3 connection behind a Qt SQL "QSQLITE" connection; nullptr for any other driver. */
    static sqlite3 *handle(const QSqlDatabase &db);

    /** Prepares @p sql (persistent) on @p db; false with errorMessage() set on failure. */
    bool prepare(sqlite3 *db, const QString &sql);
    /** Frees the statement; the connection can only close once every statement on it is finalized. */
    void finalize();
    bool isPrepared() const { return m_statement != nullptr; }

    /** Parameters are numbered from 0 here (SQLite counts from 1). */
    void bindNull(int index);
    void bindInt64(int index, qint64 value);
    /** A null QString is NULL; an empty, non-null one is ''. */
    void bindText(int index, QStringView text, bool isNull);
    void bindText(int index, const QString &text) { bindText(index, text, text.isNull()); }
    /** NULL when empty (the store's optional text columns). */
    void bindOptionalText(int index, const QString &text) { bindText(index, text, text.isEmpty()); }
    /** UTF-8 text bound in place; NULL when empty. Invalid UTF-8 is stored as QString::fromUtf8() reads it. */
    void bindOptionalUtf8(int index, const QByteArray &utf8);

    /** Runs the statement to completion and resets it; false with errorMessage() set on failure. */
    bool step();
    /** Why the last prepare() or step() failed. */
    QString errorMessage() const { return m_error; }
    /** The rowid the last successful INSERT on this connection assigned. */
    qint64 lastInsertRowId() const;

    /** Whether @p utf8 is well-formed UTF-8 (no overlongs, surrogates or code points beyond U+10FFFF). */
    static bool isValidUtf8(QByteArrayView utf8);

private:
    std::string &scratch(int index);
    void setError(int code);

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    /** One UTF-8 buffer per parameter, reused for every row. */
    std::vector<std::string> m_scratch;
    QString m_error;
};

} // namespace Switchboard::Storage::Detail
