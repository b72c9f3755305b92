// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EventLogFilterModel.h"

#include "EventLogModel.h"

namespace Switchboard
{

using Connector::EventLogEntry;

EventLogFilterModel::EventLogFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
}

EventLogFilterModel::~EventLogFilterModel() = default;

EventLogEntry::Level EventLogFilterModel::minimumLevel() const
{
    return m_minimumLevel;
}

void EventLogFilterModel::setMinimumLevel(EventLogEntry::Level level)
{
    if (m_minimumLevel != level) {
        m_minimumLevel = level;
        invalidateRowsFilter();
    }
}

QString EventLogFilterModel::integrationId() const
{
    return m_integrationId;
}

void EventLogFilterModel::setIntegrationId(const QString &integrationId)
{
    if (m_integrationId != integrationId) {
        m_integrationId = integrationId;
        invalidateRowsFilter();
    }
}

QString EventLogFilterModel::searchText() const
{
    return m_searchText;
}

void EventLogFilterModel::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (m_searchText != trimmed) {
        m_searchText = trimmed;
        invalidateRowsFilter();
    }
}

bool EventLogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (index.data(EventLogModel::LevelRole).toInt() < int(m_minimumLevel)) {
        return false;
    }
    if (!m_integrationId.isEmpty() && index.data(EventLogModel::IntegrationIdRole).toString() != m_integrationId) {
        return false;
    }
    return m_searchText.isEmpty() ||
           index.data(EventLogModel::SearchTextRole).toString().contains(m_searchText, Qt::CaseInsensitive);
}

} // namespace Switchboard
