// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SandboxController.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStandardItemModel;

namespace Switchboard
{

/**
 * The sandbox's control panel (shown with `switchboard --sandbox`): add simulated consumers and
 * type as one of them, inject faults into the emulator (drop or close the sockets, revoke tokens,
 * kick the agent session, fail an HTTP route) and change how the demo bot answers (slow, failing,
 * malformed, timing out, offline). Every command goes through a SandboxController (not owned);
 * its answers are listed in the panel's result log.
 */
class SandboxPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxPanel)

public:
    explicit SandboxPanel(SandboxController *controller, QWidget *parent = nullptr);
    ~SandboxPanel() override;

    /** The conversation id of the selected consumer, or empty. */
    QString selectedConversationId() const;
    /** The result log's text (for tests). */
    QString resultLog() const;

private:
    QWidget *buildConsumers();
    QWidget *buildFaults();
    QWidget *buildBot();
    void addResult(bool ok, const QString &text);
    void updateButtons();
    void send();

    QPointer<SandboxController> m_controller;
    QStandardItemModel *m_consumers;
    QLineEdit *m_consumerNameEdit = nullptr;
    QListView *m_consumerList = nullptr;
    QLineEdit *m_messageEdit = nullptr;
    QPushButton *m_sendButton = nullptr;
    QPushButton *m_closeButton = nullptr;
    QLineEdit *m_kickLoginEdit = nullptr;
    QComboBox *m_routeCombo = nullptr;
    QSpinBox *m_httpStatusSpin = nullptr;
    QSpinBox *m_httpCountSpin = nullptr;
    QComboBox *m_botModeCombo = nullptr;
    QSpinBox *m_botDelaySpin = nullptr;
    QSpinBox *m_botStatusSpin = nullptr;
    QPlainTextEdit *m_results = nullptr;
};

} // namespace Switchboard
