// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QMutex>
#include <QObject>

#include <deque>

namespace Switchboard::Connector
{

struct EventLogEntry
{
    enum class Level {
        Info,
        Warning,
        Error,
    };
    qint64 id = 0;
    QDateTime time;
    Level level = Level::Info;
    QString integrationId;
    QString conversationId;
    /** Catalogue code, e.g. "session.kicked" or "bot.timeout"; empty for plain state changes. */
    QString code;
    /** Translated message with its parameters quoted. */
    QString message;
};

/**
 * The operator event log: every state change and error, with time, integration, conversation and
 * code. A bounded ring buffer (oldest entries drop first) with increasing ids.
 *
 * Threads: append() may be called from any thread. messageAdded() is emitted on the thread the log
 * lives on (queued from other threads), so a UI model can connect to it directly. Separate from
 * qCDebug logging: this is what the operator reads, and it never holds message bodies or secrets.
 */
class EventLog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLog)

public:
    explicit EventLog(int capacity = 20000, QObject *parent = nullptr);
    ~EventLog() override;

    qint64 append(EventLogEntry::Level level,
                  const QString &integrationId,
                  const QString &conversationId,
                  const QString &code,
                  const QString &message);

    /** Entries with an id greater than afterId (all of them by default), oldest first. */
    QList<EventLogEntry> entries(qint64 afterId = 0) const;
    int capacity() const;

Q_SIGNALS:
    void messageAdded(const Switchboard::Connector::EventLogEntry &entry);

private:
    mutable QMutex m_mutex;
    std::deque<EventLogEntry> m_entries;
    qint64 m_lastId = 0;
    int m_capacity;
};

} // namespace Switchboard::Connector

Q_DECLARE_METATYPE(Switchboard::Connector::EventLogEntry)
