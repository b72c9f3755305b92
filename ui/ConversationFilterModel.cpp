// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConversationFilterModel.h"

#include "ConversationListModel.h"

namespace Switchboard
{

using Connector::ConversationStatus;

ConversationFilterModel::ConversationFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ConversationListModel::SortRole);
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
}

ConversationFilterModel::~ConversationFilterModel() = default;

ConversationFilterModel::StatusFilter ConversationFilterModel::statusFilter() const
{
    return m_statusFilter;
}

void ConversationFilterModel::setStatusFilter(StatusFilter filter)
{
    if (m_statusFilter == filter) {
        return;
    }
    m_statusFilter = filter;
    invalidateRowsFilter();
}

QString ConversationFilterModel::searchText() const
{
    return m_searchText;
}

void ConversationFilterModel::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (m_searchText == trimmed) {
        return;
    }
    m_searchText = trimmed;
    invalidateRowsFilter();
}

bool ConversationFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_statusFilter != StatusFilter::All) {
        const auto status = index.data(ConversationListModel::StatusRole).value<ConversationStatus>();
        const bool match = (m_statusFilter == StatusFilter::Open && status == ConversationStatus::Open) ||
                           (m_statusFilter == StatusFilter::Escalated && status == ConversationStatus::Escalated) ||
                           (m_statusFilter == StatusFilter::Closed && status == ConversationStatus::Closed);
        if (!match) {
            return false;
        }
    }
    if (!m_searchText.isEmpty()) {
        return index.data(ConversationListModel::SearchTextRole).toString().contains(m_searchText, Qt::CaseInsensitive);
    }
    return true;
}

} // namespace Switchboard
