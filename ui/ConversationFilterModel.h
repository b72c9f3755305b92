// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace Switchboard
{

/**
 * Sorting and filtering over a ConversationListModel: by status (all, open, escalated, closed)
 * and by a search text matched, case-insensitively, against the conversation id, consumer id,
 * skill, last message and escalation cause. Sorts by the source's SortRole (times as times,
 * counts as numbers). Dynamic: rows move and appear as the session updates them.
 */
class ConversationFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationFilterModel)

public:
    enum class StatusFilter
    {
        All,
        Open,
        Escalated,
        Closed,
    };
    Q_ENUM(StatusFilter)

    explicit ConversationFilterModel(QObject *parent = nullptr);
    ~ConversationFilterModel() override;

    StatusFilter statusFilter() const;
    void setStatusFilter(StatusFilter filter);

    QString searchText() const;
    void setSearchText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    StatusFilter m_statusFilter = StatusFilter::All;
    QString m_searchText;
};

} // namespace Switchboard
