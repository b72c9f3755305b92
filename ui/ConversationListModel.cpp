// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConversationListModel.h"

#include "Icons.h"
#include "StatusText.h"
#include "UiLogging.h"
#include "connector/ConnectorSession.h"

#include <algorithm>
#include <utility>

namespace Switchboard
{

using namespace Connector;

ConversationListModel::ConversationListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

ConversationListModel::~ConversationListModel() = default;

void ConversationListModel::setSession(ConnectorSession *session)
{
    if (m_session == session) {
        return;
    }
    beginResetModel();
    severConnections();
    m_session = session;
    m_conversations.clear();
    m_rows.clear();
    m_keptDropped = false;
    if (m_session) {
        for (const ConversationSnapshot &conversation : m_session->conversations()) {
            if (conversation.id.isEmpty() || m_rows.contains(conversation.id)) {
                continue;
            }
            m_rows.insert(conversation.id, int(m_conversations.size()));
            m_conversations.append(conversation);
        }
        makeConnections();
    }
    endResetModel();
}

ConnectorSession *ConversationListModel::session() const
{
    return m_session;
}

void ConversationListModel::makeConnections()
{
    connect(
        m_session, &ConnectorSession::conversationsUpdated, this, &ConversationListModel::handleConversationsUpdated);
    connect(
        m_session, &ConnectorSession::conversationsRemoved, this, &ConversationListModel::handleConversationsRemoved);
    // The QPointer is already null when destroyed() arrives, so reset here rather than in setSession().
    connect(m_session, &QObject::destroyed, this, [this] {
        beginResetModel();
        m_conversations.clear();
        m_rows.clear();
        endResetModel();
    });
}

void ConversationListModel::severConnections()
{
    if (m_session) {
        m_session->disconnect(this);
    }
}

void ConversationListModel::handleConversationsUpdated(const QList<ConversationSnapshot> &changed)
{
    QList<int> changedRows;
    QList<ConversationSnapshot> added;
    QHash<QString, qsizetype> addedIndex;
    for (const ConversationSnapshot &conversation : changed) {
        if (conversation.id.isEmpty()) {
            qCWarning(lcUi) << "conversation update without an id ignored";
            continue;
        }
        if (conversation.id == m_kept) {
            m_keptDropped = false; // listed by the session again
        }
        if (const auto row = m_rows.constFind(conversation.id); row != m_rows.constEnd()) {
            m_conversations[*row] = conversation;
            changedRows.append(*row);
        } else if (const auto pending = addedIndex.constFind(conversation.id); pending != addedIndex.constEnd()) {
            added[*pending] = conversation; // the same conversation twice in one batch: the last one wins
        } else {
            addedIndex.insert(conversation.id, added.size());
            added.append(conversation);
        }
    }

    if (!changedRows.isEmpty()) {
        std::sort(changedRows.begin(), changedRows.end());
        changedRows.erase(std::unique(changedRows.begin(), changedRows.end()), changedRows.end());
        const int lastColumn = ColumnCount - 1;
        // Few changes: one signal per row keeps views and proxies from re-examining untouched rows.
        // Many: one signal for the whole changed range is cheaper than thousands of small ones.
        if (changedRows.size() <=
            std::max<qsizetype>(1, qsizetype(double(m_conversations.size()) * PerRowSignalShare))) {
            for (const int row : std::as_const(changedRows)) {
                Q_EMIT dataChanged(index(row, 0), index(row, lastColumn));
            }
        } else {
            Q_EMIT dataChanged(index(changedRows.first(), 0), index(changedRows.last(), lastColumn));
        }
    }

    if (!added.isEmpty()) {
        const int first = int(m_conversations.size());
        beginInsertRows(QModelIndex(), first, first + int(added.size()) - 1);
        for (const ConversationSnapshot &conversation : std::as_const(added)) {
            m_rows.insert(conversation.id, int(m_conversations.size()));
            m_conversations.append(conversation);
        }
        endInsertRows();
    }
}

void ConversationListModel::setKeptConversation(const QString &conversationId)
{
    if (conversationId == m_kept) {
        return;
    }
    const QString previous = std::exchange(m_kept, conversationId);
    if (std::exchange(m_keptDropped, false)) {
        handleConversationsRemoved({previous});
    }
}

void ConversationListModel::handleConversationsRemoved(const QStringList &conversationIds)
{
    QList<int> rows;
    rows.reserve(conversationIds.size());
    for (const QString &id : conversationIds) {
        if (!m_kept.isEmpty() && id == m_kept) {
            m_keptDropped = m_rows.contains(id);
            continue;
        }
        if (const auto row = m_rows.constFind(id); row != m_rows.constEnd()) {
            rows.append(*row);
        }
    }
    if (rows.isEmpty()) {
        return;
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    // From the bottom up, so the rows above a removed run keep their numbers.
    for (qsizetype end = rows.size(); end > 0;) {
        qsizetype begin = end - 1;
        while (begin > 0 && rows.at(begin - 1) == rows.at(begin) - 1) {
            --begin;
        }
        const int first = rows.at(begin);
        const int last = rows.at(end - 1);
        beginRemoveRows(QModelIndex(), first, last);
        for (int row = first; row <= last; ++row) {
            m_rows.remove(m_conversations.at(row).id);
        }
        m_conversations.remove(first, last - first + 1);
        endRemoveRows();
        end = begin;
    }
    for (int row = rows.first(); row < m_conversations.size(); ++row) {
        m_rows[m_conversations.at(row).id] = row;
    }
}

int ConversationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_conversations.size());
}

int ConversationListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const ConversationSnapshot &c = m_conversations.at(index.row());
    const auto column = Column(index.column());

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case StatusColumn:
            return StatusText::conversationStatus(c.status);
        case IdColumn:
            return c.id;
        case ConsumerColumn:
            return c.consumerId;
        case LastMessageColumn: {
            QString text = c.lastText.left(200);
            text.replace(QLatin1Char('\n'), QLatin1Char(' '));
            return text;
        }
        case MessagesColumn:
            return c.messageCount;
        case StartedColumn:
            return StatusText::time(c.startedAt);
        case LastActivityColumn:
            return StatusText::time(c.lastActivityAt);
        case SkillColumn:
            return c.skillId;
        case ColumnCount:
            break;
        }
        break;
    case Qt::DecorationRole:
        if (column == StatusColumn) {
            switch (c.status) {
            case ConversationStatus::Open:
                return Icons::icon(Icons::Icon::StateOnline);
            case ConversationStatus::Escalated:
                return Icons::icon(Icons::Icon::Escalate);
            case ConversationStatus::Closed:
                return Icons::icon(Icons::Icon::StateStopped);
            }
        }
        break;
    case Qt::ToolTipRole:
        if (column == StatusColumn && !c.escalationCause.isEmpty()) {
            return tr("Escalated: %1").arg(c.escalationCause);
        }
        if (column == LastMessageColumn) {
            return c.lastText.left(1000);
        }
        break;
    case Qt::TextAlignmentRole:
        if (column == MessagesColumn) {
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        break;
    case ConversationIdRole:
        return c.id;
    case StatusRole:
        return QVariant::fromValue(c.status);
    case EscalationCauseRole:
        return c.escalationCause;
    case SearchTextRole:
        return QStringList{c.id, c.consumerId, c.skillId, c.lastText, c.escalationCause}.join(QLatin1Char('\n'));
    case SortRole:
        switch (column) {
        case StatusColumn:
            return int(c.status);
        case MessagesColumn:
            return c.messageCount;
        case StartedColumn:
            return c.startedAt;
        case LastActivityColumn:
            return c.lastActivityAt;
        case IdColumn:
            return c.id;
        case ConsumerColumn:
            return c.consumerId;
        case LastMessageColumn:
            return c.lastText;
        case SkillColumn:
            return c.skillId;
        case ColumnCount:
            break;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant ConversationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (Column(section)) {
    case StatusColumn:
        return tr("Status");
    case IdColumn:
        return tr("Conversation");
    case ConsumerColumn:
        return tr("Consumer");
    case LastMessageColumn:
        return tr("Last message");
    case MessagesColumn:
        return tr("Messages");
    case StartedColumn:
        return tr("Started");
    case LastActivityColumn:
        return tr("Last activity");
    case SkillColumn:
        return tr("Skill");
    case ColumnCount:
        break;
    }
    return {};
}

QHash<int, QByteArray> ConversationListModel::roleNames() const
{
    auto names = QAbstractTableModel::roleNames();
    names.insert(ConversationIdRole, "conversationId");
    names.insert(StatusRole, "status");
    names.insert(SortRole, "sortValue");
    names.insert(SearchTextRole, "searchText");
    names.insert(EscalationCauseRole, "escalationCause");
    return names;
}

ConversationSnapshot ConversationListModel::conversationAt(int row) const
{
    return row >= 0 && row < m_conversations.size() ? m_conversations.at(row) : ConversationSnapshot();
}

int ConversationListModel::rowOf(const QString &conversationId) const
{
    return m_rows.value(conversationId, -1);
}

} // namespace Switchboard
