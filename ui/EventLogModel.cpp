// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EventLogModel.h"

#include "Icons.h"
#include "StatusText.h"
#include "connector/SessionManager.h"

#include <QLocale>

namespace Switchboard
{

using namespace Connector;

EventLogModel::EventLogModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(std::max(1, capacity))
{
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(IdleFlushMs);
    m_capTimer.setSingleShot(true);
    m_capTimer.setInterval(MaxFlushDelayMs);
    connect(&m_idleTimer, &QTimer::timeout, this, &EventLogModel::flushPending);
    connect(&m_capTimer, &QTimer::timeout, this, &EventLogModel::flushPending);
}

EventLogModel::~EventLogModel() = default;

int EventLogModel::capacity() const
{
    return m_capacity;
}

void EventLogModel::setSessionManager(SessionManager *manager)
{
    if (m_manager == manager) {
        return;
    }
    if (m_manager) {
        m_manager->eventLog()->disconnect(this);
    }
    beginResetModel();
    m_manager = manager;
    m_rows.clear();
    m_pending.clear();
    m_lastId = 0;
    if (m_manager) {
        const QList<EventLogEntry> existing = m_manager->eventLog()->entries();
        const qsizetype first = std::max<qsizetype>(0, existing.size() - m_capacity);
        for (qsizetype i = first; i < existing.size(); ++i) {
            m_rows.push_back(makeRow(existing.at(i)));
            m_lastId = existing.at(i).id;
        }
        connect(m_manager->eventLog(), &EventLog::messageAdded, this, &EventLogModel::handleMessageAdded);
    }
    endResetModel();
}

EventLogModel::Row EventLogModel::makeRow(const EventLogEntry &entry) const
{
    Row row{entry, entry.integrationId};
    if (m_manager && !entry.integrationId.isEmpty()) {
        if (const ConnectorSession *session = m_manager->session(entry.integrationId)) {
            row.integrationName = session->name();
        }
    }
    return row;
}

void EventLogModel::handleMessageAdded(const EventLogEntry &entry)
{
    if (entry.id != 0 && entry.id <= m_lastId) {
        return; // already loaded with the initial entries
    }
    m_lastId = std::max(m_lastId, entry.id);
    m_pending.push_back(makeRow(entry));
    m_idleTimer.start();
    if (!m_capTimer.isActive()) {
        m_capTimer.start();
    }
}

int EventLogModel::pendingCount() const
{
    return int(m_pending.size());
}

void EventLogModel::flushPending()
{
    m_idleTimer.stop();
    m_capTimer.stop();
    if (m_pending.empty()) {
        return;
    }
    std::deque<Row> rows;
    rows.swap(m_pending);
    append(std::move(rows));
}

void EventLogModel::append(std::deque<Row> rows)
{
    if (rows.size() > size_t(m_capacity)) {
        rows.erase(rows.begin(), rows.begin() + qsizetype(rows.size() - size_t(m_capacity)));
    }
    const int overflow = int(m_rows.size() + rows.size()) - m_capacity;
    if (overflow > 0) {
        beginRemoveRows(QModelIndex(), 0, overflow - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + overflow);
        endRemoveRows();
    }
    const int first = int(m_rows.size());
    beginInsertRows(QModelIndex(), first, first + int(rows.size()) - 1);
    for (Row &row : rows) {
        m_rows.push_back(std::move(row));
    }
    endInsertRows();
}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EventLogModel::levelName(EventLogEntry::Level level)
{
    switch (level) {
    case EventLogEntry::Level::Info:
        return tr("info");
    case EventLogEntry::Level::Warning:
        return tr("warning");
    case EventLogEntry::Level::Error:
        return tr("error");
    }
    return {};
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row &row = m_rows[size_t(index.row())];
    const EventLogEntry &e = row.entry;
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case TimeColumn:
            return StatusText::time(e.time);
        case LevelColumn:
            return levelName(e.level);
        case IntegrationColumn:
            return row.integrationName;
        case ConversationColumn:
            return e.conversationId;
        case CodeColumn:
            return e.code;
        case MessageColumn:
            return e.message;
        case ColumnCount:
            break;
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == LevelColumn) {
            switch (e.level) {
            case EventLogEntry::Level::Info:
                return Icons::icon(Icons::Icon::Info);
            case EventLogEntry::Level::Warning:
                return Icons::icon(Icons::Icon::Warning);
            case EventLogEntry::Level::Error:
                return Icons::icon(Icons::Icon::Error);
            }
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn) {
            return QLocale().toString(e.time.toLocalTime(), QLocale::LongFormat);
        }
        if (index.column() == MessageColumn) {
            return e.message;
        }
        if (index.column() == IntegrationColumn) {
            return e.integrationId;
        }
        break;
    case EntryIdRole:
        return e.id;
    case LevelRole:
        return int(e.level);
    case IntegrationIdRole:
        return e.integrationId;
    case ConversationIdRole:
        return e.conversationId;
    case CodeRole:
        return e.code;
    case SearchTextRole:
        return QStringList{row.integrationName, e.integrationId, e.conversationId, e.code, e.message}.join(
            QLatin1Char('\n'));
    default:
        break;
    }
    return {};
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (Column(section)) {
    case TimeColumn:
        return tr("Time");
    case LevelColumn:
        return tr("Level");
    case IntegrationColumn:
        return tr("Integration");
    case ConversationColumn:
        return tr("Conversation");
    case CodeColumn:
        return tr("Code");
    case MessageColumn:
        return tr("Message");
    case ColumnCount:
        break;
    }
    return {};
}

QHash<int, QByteArray> EventLogModel::roleNames() const
{
    auto names = QAbstractTableModel::roleNames();
    names.insert(EntryIdRole, "entryId");
    names.insert(LevelRole, "level");
    names.insert(IntegrationIdRole, "integrationId");
    names.insert(ConversationIdRole, "conversationId");
    names.insert(CodeRole, "code");
    names.insert(SearchTextRole, "searchText");
    return names;
}

QString EventLogModel::rowText(int row) const
{
    if (row < 0 || row >= rowCount()) {
        return {};
    }
    const Row &r = m_rows[size_t(row)];
    const EventLogEntry &e = r.entry;
    // ISO time in the copy: it is pasted into tickets and compared across machines.
    return QStringList{e.time.toUTC().toString(Qt::ISODateWithMs),
                       levelName(e.level),
                       r.integrationName,
                       e.conversationId,
                       e.code,
                       e.message}
        .join(QLatin1Char('\t'));
}

} // namespace Switchboard
