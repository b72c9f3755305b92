// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/TranscriptRecords.h"
#include "util/Result.h"

#include <QFile>
#include <QList>
#include <QLockFile>
#include <QString>

#include <array>
#include <memory>

namespace Switchboard::Storage::Detail
{

/**
 * The write-ahead journal of published-reply marks: what makes publication at-most-once without
 * waiting for a database commit before every reply.
 *
 * A reply may go on the wire only once its mark would survive a crash. Committing the mark to
 * SQLite first costs a transaction per reply on the store's thread and puts that round trip in
 * front of every PublishEvent. Instead the mark is appended here, with one write() on the
 * caller's thread, and the same mark is queued for the database as usual. Both are as durable as
 * the database itself in WAL mode with synchronous=NORMAL: they survive the process being
 * killed (the data is in the kernel's page cache), not a power loss.
 *
 * Two files, `<database>-marks-0` and `-marks-1`, take turns: the store's thread switches the
 * active file each time it takes the queue (under the queue's mutex, so every mark in the retired
 * file was queued before), commits, and then empties the retired file. Opening the store replays
 * both files into published_replies (INSERT OR IGNORE), so marks whose commit a crash prevented
 * are not lost. A line is `deliveryId TAB replyIndex TAB conversationId TAB publishedAtMs LF`; a
 * torn last line (a crash inside write()) belongs to a reply that was never sent and is ignored.
 *
 * One process at a time: open() takes `<database>-marks.lock` (a QLockFile, released by close()
 * or found stale once its process is gone), so a second process on the same database — which
 * would empty files holding the first one's uncommitted marks — gets no journal and publishes
 * the slower way (commit first).
 *
 * Not thread-safe on its own: TranscriptStore calls append() with the queue mutex held, the
 * worker calls the rest on the store's thread (rotate() also with the mutex held).
 */
class PublishJournal final
{
    Q_DISABLE_COPY_MOVE(PublishJournal)

public:
    PublishJournal() = default;
    ~PublishJournal();

    /** Both file names for a database at @p databasePath. */
    static std::array<QString, 2> fileNames(const QString &databasePath);

    /**
     * Opens (creating) both files beside @p databasePath and returns every mark they hold, in
     * file order; the caller stores them and then calls clearAll(). Not ready until then.
     */
    Result<QList<PublishedReply>> open(const QString &databasePath);
    /** Marks written since open(), for the journal to be emptied; ready for append() afterwards. */
    VoidResult clearAll();
    void close();
    bool isReady() const;

    /** Appends one mark to the active file with one write(); durable against a crash on return. */
    VoidResult append(const PublishedReply &reply);

    /**
     * The store's thread took the queue: marks appended so far are in what it took. Switches to
     * the other file when that one is empty and returns the index of the file to empty after the
     * commit; returns -1 (nothing to empty) when the other file still holds marks of a failed
     * commit — those are re-read by takeStale() and stored again.
     */
    int rotate();
    /** Marks of a file rotate() could not switch to (a failed commit), to be stored again; else empty. */
    QList<PublishedReply> takeStale();
    /** Empties file @p index after the commit covering its marks succeeded. */
    void clear(int index);
    /** Empties the file takeStale() read, after the commit that stored its marks again. */
    void clearStale();

    /** Parses the journal text of one file; malformed lines are skipped and counted in @p skipped. */
    static QList<PublishedReply> parse(const QByteArray &text, int *skipped = nullptr);

private:
    std::unique_ptr<QLockFile> m_lock;
    std::array<std::unique_ptr<QFile>, 2> m_files;
    std::array<qint64, 2> m_sizes{0, 0};
    int m_active = 0;
    int m_stale = -1;
    bool m_ready = false;
};

} // namespace Switchboard::Storage::Detail
