// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/TranscriptStatement.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Switchboard::Storage::Detail;

/** The sqlite3 C API statements of the transcript store, against Qt SQL's own binding of the same values. */
class TestTranscriptStatement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"statement-test"_s);
        db.setDatabaseName(m_dir.filePath(u"t.sqlite"_s));
        QVERIFY(db.open());
        QVERIFY(QSqlQuery(db).exec(u"CREATE TABLE t (id INTEGER PRIMARY KEY, a, b)"_s));
    }

    void cleanupTestCase()
    {
        m_statement.finalize();
        {
            QSqlDatabase db = QSqlDatabase::database(u"statement-test"_s, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(u"statement-test"_s);
    }

    void init()
    {
        QVERIFY(QSqlQuery(db()).exec(u"DELETE FROM t"_s));
        if (!m_statement.isPrepared()) {
            QVERIFY2(m_statement.prepare(TranscriptStatement::handle(db()), u"INSERT INTO t (a, b) VALUES (?, ?)"_s),
                     qPrintable(m_statement.errorMessage()));
        }
    }

    void handleIsTheQsqliteConnection()
    {
        QVERIFY(TranscriptStatement::handle(db()) != nullptr);
        QCOMPARE(TranscriptStatement::handle(QSqlDatabase()), nullptr);
        TranscriptStatement unprepared;
        QVERIFY(!unprepared.prepare(nullptr, u"SELECT 1"_s));
        QVERIFY(!unprepared.errorMessage().isEmpty());
    }

    void text_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("null") << QString();
        QTest::newRow("empty") << u""_s;
        QTest::newRow("ascii") << u"hello, world"_s;
        QTest::newRow("latin1") << u"Grüße"_s;
        QTest::newRow("bmp and astral") << u"\u20ac 日本 😀"_s;
        QTest::newRow("byte order mark") << u"\ufeffstart"_s;
        QTest::newRow("embedded nul") << QString(u"a\0b"_s);
        QTest::newRow("lone surrogate") << QString(QChar(0xD800)) + u"x"_s;
    }

    void text()
    {
        QFETCH(QString, text);
        m_statement.bindText(0, text);
        m_statement.bindOptionalText(1, text);
        QVERIFY2(m_statement.step(), qPrintable(m_statement.errorMessage()));
        const qint64 id = m_statement.lastInsertRowId();
        // The reference: Qt SQL binding the same QString.
        QSqlQuery reference(db());
        reference.prepare(u"INSERT INTO t (a, b) VALUES (?, ?)"_s);
        reference.addBindValue(text);
        reference.addBindValue(text.isEmpty() ? QVariant() : QVariant(text));
        QVERIFY(reference.exec());
        const qint64 referenceId = reference.lastInsertId().toLongLong();
        QCOMPARE(row(id), row(referenceId));
    }

    void utf8_data()
    {
        QTest::addColumn<QByteArray>("utf8");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("ascii json") << QByteArray(R"({"a":1})");
        QTest::newRow("two to four bytes") << QByteArray("\xc3\xa4 \xe2\x82\xac \xf0\x9f\x98\x80");
        QTest::newRow("invalid byte") << QByteArray("a\xff" "b");
        QTest::newRow("truncated sequence") << QByteArray("a\xe2\x82");
        QTest::newRow("overlong") << QByteArray("\xc0\xaf \xe0\x80\xaf");
        QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80");
        QTest::newRow("beyond U+10FFFF") << QByteArray("\xf4\x90\x80\x80");
        QTest::newRow("byte order mark") << QByteArray("\xef\xbb\xbf{}");
        QTest::newRow("noncharacter") << QByteArray("\xef\xbf\xbf");
        QTest::newRow("embedded nul") << QByteArray("a\0b", 3);
    }

    void utf8()
    {
        QFETCH(QByteArray, utf8);
        m_statement.bindOptionalUtf8(0, utf8);
        m_statement.bindNull(1);
        QVERIFY2(m_statement.step(), qPrintable(m_statement.errorMessage()));
        const qint64 id = m_statement.lastInsertRowId();
        QSqlQuery reference(db());
        reference.prepare(u"INSERT INTO t (a, b) VALUES (?, NULL)"_s);
        reference.addBindValue(utf8.isEmpty() ? QVariant() : QVariant(QString::fromUtf8(utf8)));
        QVERIFY(reference.exec());
        QCOMPARE(row(id), row(reference.lastInsertId().toLongLong()));
        // The validator agrees with Qt's decoder about what is well-formed.
        const bool roundTrips = QString::fromUtf8(utf8).toUtf8() == utf8;
        QCOMPARE(TranscriptStatement::isValidUtf8(utf8), roundTrips || utf8.startsWith("\xef\xbb\xbf"));
    }

    void integersAndNull()
    {
        m_statement.bindInt64(0, Q_INT64_C(1767225600000));
        m_statement.bindNull(1);
        QVERIFY(m_statement.step());
        QCOMPARE(row(m_statement.lastInsertRowId()), u"integer:1767225600000|null:"_s);
    }

    void failureIsReportedAndTheStatementStaysUsable()
    {
        QVERIFY(QSqlQuery(db()).exec(u"CREATE TABLE IF NOT EXISTS strict_t (a TEXT NOT NULL)"_s));
        TranscriptStatement statement;
        QVERIFY(statement.prepare(TranscriptStatement::handle(db()), u"INSERT INTO strict_t (a) VALUES (?)"_s));
        statement.bindText(0, QString());
        QVERIFY(!statement.step());
        QVERIFY2(statement.errorMessage().contains(u"NOT NULL"_s), qPrintable(statement.errorMessage()));
        statement.bindText(0, u"x"_s);
        QVERIFY2(statement.step(), qPrintable(statement.errorMessage()));

        TranscriptStatement bad;
        QVERIFY(!bad.prepare(TranscriptStatement::handle(db()), u"INSERT INTO no_such_table VALUES (?)"_s));
        QVERIFY2(bad.errorMessage().contains(u"no_such_table"_s), qPrintable(bad.errorMessage()));
    }

private:
    static QSqlDatabase db()
    {
        return QSqlDatabase::database(u"statement-test"_s, false);
    }

    /** Type and exact bytes of both columns of row @p id (hex, so embedded NULs and encodings compare). */
    static QString row(qint64 id)
    {
        QSqlQuery q(db());
        q.prepare(u"SELECT typeof(a) || ':' || IFNULL(hex(a), '') || '|' || typeof(b) || ':' || IFNULL(hex(b), '') "
                  u"FROM t WHERE id = ?"_s);
        q.addBindValue(id);
        if (!q.exec() || !q.next()) {
            return u"missing: "_s + q.lastError().text();
        }
        QString value = q.value(0).toString();
        if (value.startsWith(u"integer:"_s)) {
            // hex() of an integer is the hex of its text; show the number itself.
            QSqlQuery n(db());
            n.prepare(u"SELECT a FROM t WHERE id = ?"_s);
            n.addBindValue(id);
            if (n.exec() && n.next()) {
                value = u"integer:"_s + QString::number(n.value(0).toLongLong()) + value.mid(value.indexOf(u'|'));
            }
        }
        return value;
    }

    QTemporaryDir m_dir;
    TranscriptStatement m_statement;
};

QTEST_GUILESS_MAIN(TestTranscriptStatement)
#include "tst_transcriptstatement.moc"
