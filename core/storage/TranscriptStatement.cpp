// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TranscriptStatement.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace Switchboard::Storage::Detail
{

using namespace Qt::StringLiterals;

namespace
{

/** Whether every unit of @p text is ASCII; then its UTF-8 is the same units narrowed. */
bool isAscii(QStringView text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0x80) {
            return false;
        }
    }
    return true;
}

bool startsWithUtf8Bom(QByteArrayView utf8)
{
    return utf8.size() >= 3 && static_cast<unsigned char>(utf8[0]) == 0xEF
        && static_cast<unsigned char>(utf8[1]) == 0xBB && static_cast<unsigned char>(utf8[2]) == 0xBF;
}

} // namespace

TranscriptStatement::~TranscriptStatement()
{
    finalize();
}

sqlite3 *TranscriptStatement::handle(const QSqlDatabase &db)
{
    if (!db.isValid() || !db.isOpen() || db.driver() == nullptr) {
        return nullptr;
    }
    const QVariant value = db.driver()->handle();
    if (!value.isValid() || qstrcmp(value.typeName(), "sqlite3*") != 0) {
        return nullptr;
    }
    return *static_cast<sqlite3 *const *>(value.constData());
}

bool TranscriptStatement::prepare(sqlite3 *db, const QString &sql)
{
    finalize();
    m_db = db;
    m_error.clear();
    if (db == nullptr) {
        m_error = u"no SQLite connection"_s;
        return false;
    }
    const QByteArray utf8 = sql.toUtf8();
    const int code = sqlite3_prepare_v3(db, utf8.constData(), int(utf8.size()) + 1, SQLITE_PREPARE_PERSISTENT,
                                        &m_statement, nullptr);
    if (code != SQLITE_OK) {
        setError(code);
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
        return false;
    }
    m_scratch.resize(size_t(sqlite3_bind_parameter_count(m_statement)));
    return true;
}

void TranscriptStatement::finalize()
{
    if (m_statement != nullptr) {
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
    }
}

std::string &TranscriptStatement::scratch(int index)
{
    if (size_t(index) >= m_scratch.size()) {
        m_scratch.resize(size_t(index) + 1);
    }
    return m_scratch[size_t(index)];
}

void TranscriptStatement::bindNull(int index)
{
    sqlite3_bind_null(m_statement, index + 1);
}

void TranscriptStatement::bindInt64(int index, qint64 value)
{
    sqlite3_bind_int64(m_statement, index + 1, value);
}

void TranscriptStatement::bindText(int index, QStringView text, bool isNull)
{
    if (isNull) {
        sqlite3_bind_null(m_statement, index + 1);
        return;
    }
    if (!isAscii(text)) {
        // SQLite converts to the database's UTF-8 itself, exactly as it did for Qt SQL's binding.
        sqlite3_bind_text16(m_statement, index + 1, text.utf16(), int(text.size() * 2), SQLITE_STATIC);
        return;
    }
    std::string &buffer = scratch(index);
    buffer.resize(size_t(text.size()));
    char *out = buffer.data();
    for (const QChar c : text) {
        *out++ = char(c.unicode());
    }
    sqlite3_bind_text(m_statement, index + 1, buffer.data(), int(buffer.size()), SQLITE_STATIC);
}

void TranscriptStatement::bindOptionalUtf8(int index, const QByteArray &utf8)
{
    if (utf8.isEmpty()) {
        sqlite3_bind_null(m_statement, index + 1);
        return;
    }
    if (isValidUtf8(utf8) && !startsWithUtf8Bom(utf8)) {
        sqlite3_bind_text(m_statement, index + 1, utf8.constData(), int(utf8.size()), SQLITE_STATIC);
        return;
    }
    // Rare: the bytes as QString::fromUtf8() reads them (replacement characters, BOM handling).
    const QString text = QString::fromUtf8(utf8);
    sqlite3_bind_text16(m_statement, index + 1, text.utf16(), int(text.size() * 2), SQLITE_TRANSIENT);
}

bool TranscriptStatement::step()
{
    const int code = sqlite3_step(m_statement);
    if (code == SQLITE_DONE || code == SQLITE_ROW) {
        sqlite3_reset(m_statement);
        return true;
    }
    // sqlite3_reset() returns the same error; the message is the connection's.
    sqlite3_reset(m_statement);
    setError(code);
    return false;
}

qint64 TranscriptStatement::lastInsertRowId() const
{
    return m_db != nullptr ? sqlite3_last_insert_rowid(m_db) : 0;
}

void TranscriptStatement::setError(int code)
{
    const char *message = m_db != nullptr ? sqlite3_errmsg(m_db) : sqlite3_errstr(code);
    m_error = QString::fromUtf8(message) + u" (SQLite error %1)"_s.arg(code);
}

bool TranscriptStatement::isValidUtf8(QByteArrayView utf8)
{
    // Qt's check: no overlong forms, surrogates or code points beyond U+10FFFF (as fromUtf8 decodes).
    return utf8.isValidUtf8();
}

} // namespace Switchboard::Storage::Detail
