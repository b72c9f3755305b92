// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

class QAction;
class QComboBox;
class QLineEdit;
class QTreeView;

namespace Switchboard::Connector
{
class SessionManager;
}

namespace Switchboard
{
class EventLogFilterModel;
class EventLogModel;

/**
 * The event log pane (the content of the main window's log dock): the log as a table with
 * filters by level, integration and text, following new entries while scrolled to the bottom.
 * Ctrl+C (and the context menu) copies the selected rows as tab-separated text.
 */
class EventLogWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLogWidget)

public:
    explicit EventLogWidget(QWidget *parent = nullptr);
    ~EventLogWidget() override;

    void setSessionManager(Connector::SessionManager *manager);

    EventLogModel *model() const;
    EventLogFilterModel *filterModel() const;
    QTreeView *view() const;

    /** The selected rows as text, one line each, in log order. */
    QString selectedText() const;
    /** Copies selectedText() to the clipboard. */
    void copySelection();

private:
    void rebuildIntegrationFilter();
    void applyFilters();

    QPointer<Connector::SessionManager> m_manager;
    EventLogModel *m_model;
    EventLogFilterModel *m_filter;
    QComboBox *m_levelCombo;
    QComboBox *m_integrationCombo;
    QLineEdit *m_searchEdit;
    QTreeView *m_view;
    QAction *m_copyAction;
};

} // namespace Switchboard
