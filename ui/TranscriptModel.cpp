// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TranscriptModel.h"

#include "StatusText.h"
#include "connector/ConnectorSession.h"

#include <QSet>
#include <algorithm>

namespace Switchboard
{

using namespace Connector;

TranscriptModel::TranscriptModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

TranscriptModel::~TranscriptModel() = default;

void TranscriptModel::setSession(ConnectorSession *session)
{
    if (m_session == session) {
        return;
    }
    severConnections();
    m_session = session;
    if (m_session) {
        makeConnections();
    }
    m_conversationId.clear();
    clear();
    setLoading(false);
}

void TranscriptModel::makeConnections()
{
    connect(m_session, &ConnectorSession::transcriptAppended, this, &TranscriptModel::handleTranscriptAppended);
    connect(m_session, &ConnectorSession::transcriptLoaded, this, &TranscriptModel::handleTranscriptLoaded);
    connect(m_session, &QObject::destroyed, this, [this] {
        m_conversationId.clear();
        clear();
        setLoading(false);
    });
}

void TranscriptModel::severConnections()
{
    if (m_session) {
        m_session->disconnect(this);
    }
}

void TranscriptModel::setConversation(const QString &conversationId)
{
    if (m_conversationId == conversationId) {
        return;
    }
    m_conversationId = conversationId;
    clear();
    if (m_session && !m_conversationId.isEmpty()) {
        setLoading(true);
        m_session->requestTranscript(m_conversationId);
    } else {
        setLoading(false);
    }
}

QString TranscriptModel::conversationId() const
{
    return m_conversationId;
}

bool TranscriptModel::isLoading() const
{
    return m_loading;
}

int TranscriptModel::capacity() const
{
    return m_capacity;
}

void TranscriptModel::setCapacity(int capacity)
{
    m_capacity = std::max(1, capacity);
    trimToCapacity();
}

void TranscriptModel::setLoading(bool loading)
{
    if (m_loading != loading) {
        m_loading = loading;
        Q_EMIT loadingChanged(loading);
    }
}

void TranscriptModel::clear()
{
    m_pendingWhileLoading.clear();
    if (m_entries.empty()) {
        return;
    }
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

void TranscriptModel::handleTranscriptAppended(const QList<TranscriptEntry> &entries)
{
    if (m_conversationId.isEmpty()) {
        return;
    }
    QList<TranscriptEntry> mine;
    for (const TranscriptEntry &entry : entries) {
        if (entry.conversationId == m_conversationId) {
            mine.append(entry);
        }
    }
    if (mine.isEmpty()) {
        return;
    }
    if (m_loading) {
        m_pendingWhileLoading.append(mine);
        return;
    }
    const int first = int(m_entries.size());
    beginInsertRows(QModelIndex(), first, first + int(mine.size()) - 1);
    m_entries.insert(m_entries.end(), mine.cbegin(), mine.cend());
    endInsertRows();
    trimToCapacity();
}

void TranscriptModel::handleTranscriptLoaded(const QString &conversationId, const QList<TranscriptEntry> &entries)
{
    if (conversationId != m_conversationId || !m_loading) {
        return;
    }
    QList<TranscriptEntry> merged = entries;
    if (!m_pendingWhileLoading.isEmpty()) {
        // Lines appended while the load was in flight may or may not be part of it.
        QSet<qint64> loaded;
        loaded.reserve(entries.size());
        for (const TranscriptEntry &entry : entries) {
            loaded.insert(entry.id);
        }
        for (const TranscriptEntry &entry : std::as_const(m_pendingWhileLoading)) {
            if (!loaded.contains(entry.id)) {
                merged.append(entry);
            }
        }
        m_pendingWhileLoading.clear();
    }
    if (merged.size() > m_capacity) {
        merged.remove(0, merged.size() - m_capacity);
    }
    beginResetModel();
    // A deque of our own: appending never moves (or deep-copies) the lines already held.
    m_entries.assign(merged.cbegin(), merged.cend());
    endResetModel();
    setLoading(false);
}

void TranscriptModel::trimToCapacity()
{
    const int excess = int(m_entries.size()) - m_capacity;
    if (excess <= 0) {
        return;
    }
    beginRemoveRows(QModelIndex(), 0, excess - 1);
    m_entries.erase(m_entries.begin(), m_entries.begin() + excess);
    endRemoveRows();
}

int TranscriptModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

const TranscriptEntry &TranscriptModel::entryAt(int row) const
{
    static const TranscriptEntry empty;
    return row >= 0 && size_t(row) < m_entries.size() ? m_entries[size_t(row)] : empty;
}

QVariant TranscriptModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const TranscriptEntry &entry = m_entries[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return entry.text;
    case Qt::ToolTipRole:
        if (!entry.code.isEmpty()) {
            return entry.hint.isEmpty() ? tr("%1 (%2)").arg(StatusText::time(entry.time), entry.code)
                                        : tr("%1 (%2)\n%3").arg(StatusText::time(entry.time), entry.code, entry.hint);
        }
        return StatusText::time(entry.time);
    case Qt::AccessibleTextRole:
        return tr("%1 at %2: %3").arg(StatusText::transcriptRole(entry.role), StatusText::time(entry.time), entry.text);
    case EntryIdRole:
        return entry.id;
    case SenderRole:
        return QVariant::fromValue(entry.role);
    case TimeRole:
        return entry.time;
    case ContentRole:
        return entry.content;
    case CodeRole:
        return entry.code;
    case HintRole:
        return entry.hint;
    case DeliveryIdRole:
        return entry.deliveryId;
    default:
        break;
    }
    return {};
}

QHash<int, QByteArray> TranscriptModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(EntryIdRole, "entryId");
    names.insert(SenderRole, "sender");
    names.insert(TimeRole, "time");
    names.insert(ContentRole, "content");
    names.insert(CodeRole, "code");
    names.insert(HintRole, "hint");
    names.insert(DeliveryIdRole, "deliveryId");
    return names;
}

} // namespace Switchboard
