// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PublishJournal.h"

#include "storage/StorageLogging.h"

#include <QCoreApplication>

namespace Switchboard::Storage::Detail
{

using namespace Qt::StringLiterals;

namespace
{

QString tr(const char *text)
{
    return QCoreApplication::translate("Switchboard::Storage::Detail::PublishJournal", text);
}

bool fitsOnALine(const QString &field)
{
    for (const QChar c : field) {
        if (c == u'\t' || c == u'\n' || c == u'\r') {
            return false;
        }
    }
    return true;
}

} // namespace

PublishJournal::~PublishJournal()
{
    close();
}

std::array<QString, 2> PublishJournal::fileNames(const QString &databasePath)
{
    return {databasePath + u"-marks-0"_s, databasePath + u"-marks-1"_s};
}

Result<QList<PublishedReply>> PublishJournal::open(const QString &databasePath)
{
    close();
    m_lock = std::make_unique<QLockFile>(databasePath + u"-marks.lock"_s);
    m_lock->setStaleLockTime(0); // stale only when its process is gone, never by age
    if (!m_lock->tryLock(0)) {
        const bool busy = m_lock->error() == QLockFile::LockFailedError;
        m_lock.reset();
        return Error{busy ? u"storage.journal_busy"_s : u"storage.journal_open"_s,
                     busy ? tr("Another process uses the publication journal of %1.").arg(databasePath)
                          : tr("Cannot lock the publication journal of %1.").arg(databasePath)};
    }
    const std::array<QString, 2> names = fileNames(databasePath);
    QList<PublishedReply> marks;
    for (int i = 0; i < 2; ++i) {
        auto file = std::make_unique<QFile>(names.at(size_t(i)));
        // Unbuffered: every write() of QFile is one write(2) on the descriptor, nothing waits in Qt.
        if (!file->open(QIODevice::ReadWrite | QIODevice::Append | QIODevice::Unbuffered)) {
            close();
            return Error{u"storage.journal_open"_s,
                         tr("Cannot open the publication journal %1: %2").arg(file->fileName(), file->errorString())};
        }
        file->seek(0);
        int skipped = 0;
        marks.append(parse(file->readAll(), &skipped));
        if (skipped > 0) {
            qCWarning(lcStorage) << "transcripts: publication journal" << file->fileName() << "had" << skipped
                                 << "unreadable line(s) (a crash while writing a mark whose reply was never sent)";
        }
        m_sizes.at(size_t(i)) = file->size();
        m_files.at(size_t(i)) = std::move(file);
    }
    m_active = 0;
    m_stale = -1;
    return marks;
}

VoidResult PublishJournal::clearAll()
{
    for (int i = 0; i < 2; ++i) {
        QFile *file = m_files.at(size_t(i)).get();
        if (!file) {
            return Error{u"storage.journal_closed"_s, tr("The publication journal is not open.")};
        }
        if (!file->resize(0)) {
            return Error{u"storage.journal_write"_s,
                         tr("Cannot empty the publication journal %1: %2").arg(file->fileName(), file->errorString())};
        }
        m_sizes.at(size_t(i)) = 0;
    }
    m_ready = true;
    return Success{};
}

void PublishJournal::close()
{
    m_ready = false;
    for (auto &file : m_files) {
        file.reset();
    }
    m_sizes = {0, 0};
    m_lock.reset(); // unlocks
}

bool PublishJournal::isReady() const
{
    return m_ready;
}

VoidResult PublishJournal::append(const PublishedReply &reply)
{
    if (!m_ready) {
        return Error{u"storage.journal_closed"_s, tr("The publication journal is not open.")};
    }
    if (!fitsOnALine(reply.deliveryId) || !fitsOnALine(reply.conversationId)) {
        // Not an error of the operator's making: such ids take the slower path (commit first).
        return Error{u"storage.journal_unsafe_id"_s, tr("The id contains a tab or line break.")};
    }
    QByteArray line;
    line.reserve(reply.deliveryId.size() + reply.conversationId.size() + 40);
    line.append(reply.deliveryId.toUtf8())
        .append('\t')
        .append(QByteArray::number(reply.replyIndex))
        .append('\t')
        .append(reply.conversationId.toUtf8())
        .append('\t')
        .append(QByteArray::number(reply.publishedAtMs))
        .append('\n');
    QFile &file = *m_files.at(size_t(m_active));
    const qint64 written = file.write(line);
    if (written != line.size()) {
        // A partial line is a torn line: ignored on replay, and the caller does not publish on this mark.
        return Error{u"storage.journal_write"_s,
                     tr("Cannot write to the publication journal %1: %2").arg(file.fileName(), file.errorString())};
    }
    m_sizes.at(size_t(m_active)) += written;
    return Success{};
}

int PublishJournal::rotate()
{
    if (!m_ready) {
        return -1;
    }
    const int other = 1 - m_active;
    if (m_sizes.at(size_t(other)) != 0) {
        m_stale = other;
        return -1;
    }
    const int retired = m_active;
    m_active = other;
    return retired;
}

QList<PublishedReply> PublishJournal::takeStale()
{
    if (m_stale < 0 || !m_files.at(size_t(m_stale))) {
        return {};
    }
    QFile &file = *m_files.at(size_t(m_stale));
    // Only the store's thread writes this file now (it is not the active one): reading is safe.
    file.seek(0);
    return parse(file.readAll());
}

void PublishJournal::clear(int index)
{
    if (index < 0 || index > 1 || !m_files.at(size_t(index))) {
        return;
    }
    if (!m_files.at(size_t(index))->resize(0)) {
        qCWarning(lcStorage) << "transcripts: cannot empty the publication journal"
                             << m_files.at(size_t(index))->fileName() << m_files.at(size_t(index))->errorString();
        return;
    }
    m_sizes.at(size_t(index)) = 0;
    if (m_stale == index) {
        m_stale = -1;
    }
}

void PublishJournal::clearStale()
{
    clear(m_stale);
}

QList<PublishedReply> PublishJournal::parse(const QByteArray &text, int *skipped)
{
    QList<PublishedReply> marks;
    int bad = 0;
    qsizetype start = 0;
    while (start < text.size()) {
        const qsizetype end = text.indexOf('\n', start);
        if (end < 0) {
            ++bad; // torn last line
            break;
        }
        const QList<QByteArray> fields = text.mid(start, end - start).split('\t');
        start = end + 1;
        bool indexOk = false;
        bool timeOk = false;
        if (fields.size() != 4) {
            ++bad;
            continue;
        }
        PublishedReply mark;
        mark.deliveryId = QString::fromUtf8(fields.at(0));
        mark.replyIndex = fields.at(1).toInt(&indexOk);
        mark.conversationId = QString::fromUtf8(fields.at(2));
        mark.publishedAtMs = fields.at(3).toLongLong(&timeOk);
        if (!indexOk || !timeOk || mark.deliveryId.isEmpty() || mark.replyIndex < 0) {
            ++bad;
            continue;
        }
        marks.append(mark);
    }
    if (skipped) {
        *skipped = bad;
    }
    return marks;
}

} // namespace Switchboard::Storage::Detail
