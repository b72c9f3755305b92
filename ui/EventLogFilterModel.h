// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connector/EventLog.h"

#include <QSortFilterProxyModel>

namespace Switchboard
{

/**
 * Filters an EventLogModel by minimum level (info, warning, error), by integration id (empty:
 * all) and by a search text matched case-insensitively against integration, conversation, code
 * and message. Keeps the log's order (no sorting).
 */
class EventLogFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLogFilterModel)

public:
    explicit EventLogFilterModel(QObject *parent = nullptr);
    ~EventLogFilterModel() override;

    Connector::EventLogEntry::Level minimumLevel() const;
    void setMinimumLevel(Connector::EventLogEntry::Level level);
    QString integrationId() const;
    void setIntegrationId(const QString &integrationId);
    QString searchText() const;
    void setSearchText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    Connector::EventLogEntry::Level m_minimumLevel = Connector::EventLogEntry::Level::Info;
    QString m_integrationId;
    QString m_searchText;
};

} // namespace Switchboard
