// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connector/EventLog.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QTimer>
#include <deque>

namespace Switchboard::Connector
{
class SessionManager;
}

namespace Switchboard
{

/**
 * The operator event log as a table (time, level, integration, conversation, code, message),
 * bounded to `capacity` rows: the oldest rows drop first.
 *
 * Fed by EventLog::messageAdded(). Entries are buffered and flushed in batches with two timers —
 * an idle timer restarted by every entry and a cap timer started by the first — so a storm of
 * entries costs one insert (and at most one remove) per flush instead of one per entry.
 * Integration ids are shown by name (looked up in the SessionManager when the entry arrives).
 * Does not own the manager or the log.
 */
class EventLogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLogModel)

public:
    enum Column
    {
        TimeColumn,
        LevelColumn,
        IntegrationColumn,
        ConversationColumn,
        CodeColumn,
        MessageColumn,
        ColumnCount,
    };
    Q_ENUM(Column)

    enum Role
    {
        EntryIdRole = Qt::UserRole + 1,
        /** Connector::EventLogEntry::Level as int. */
        LevelRole,
        IntegrationIdRole,
        ConversationIdRole,
        CodeRole,
        /** QString: what the search field matches. */
        SearchTextRole,
    };
    Q_ENUM(Role)

    static constexpr int IdleFlushMs = 30;
    static constexpr int MaxFlushDelayMs = 200;

    explicit EventLogModel(int capacity = 10000, QObject *parent = nullptr);
    ~EventLogModel() override;

    /** Shows @p manager's event log (the entries it holds now, then every new one). */
    void setSessionManager(Connector::SessionManager *manager);
    int capacity() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /** One row as a tab-separated line (for copying). */
    QString rowText(int row) const;
    static QString levelName(Connector::EventLogEntry::Level level);

    /** Buffers one entry; it appears at the next flush. */
    void handleMessageAdded(const Connector::EventLogEntry &entry);
    /** Inserts the buffered entries now (one insert bracket). */
    void flushPending();
    int pendingCount() const;

private:
    struct Row
    {
        Connector::EventLogEntry entry;
        QString integrationName;
    };

    Row makeRow(const Connector::EventLogEntry &entry) const;
    void append(std::deque<Row> rows);

    QPointer<Connector::SessionManager> m_manager;
    int m_capacity;
    std::deque<Row> m_rows;
    std::deque<Row> m_pending;
    qint64 m_lastId = 0;
    QTimer m_idleTimer;
    QTimer m_capTimer;
};

} // namespace Switchboard
