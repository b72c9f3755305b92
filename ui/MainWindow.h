// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class QStackedWidget;
class QLabel;
class QPushButton;

namespace Switchboard
{

/**
 * The console's main window. Until an integration exists it shows an empty state that explains
 * the two ways to start: add an integration, or start the sandbox. Owned by main(); lives on the
 * UI thread and does no I/O of its own.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

Q_SIGNALS:
    /** The operator asked to add an integration. */
    void addIntegrationRequested();
    /** The operator asked to start the built-in LivePerson sandbox. */
    void sandboxRequested();

private:
    void buildEmptyState();

    QStackedWidget *m_stack = nullptr;
    QWidget *m_emptyState = nullptr;
};

} // namespace Switchboard
