// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QPointer>
#include <QSet>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace Switchboard::Connector
{
class ConnectorSession;
}

namespace Switchboard
{

/**
 * Asks how to escalate — to which skill (picked by name from the account's skills, the fallback
 * skill preselected), why, and with which optional hand-off text to the consumer — and then asks
 * the session to do it.
 *
 * Two modes: one conversation, or every open conversation of the session (the dialog then says
 * how many and is itself the confirmation). Never blocking: open it with open(); it stays open
 * while the session works and closes when every escalation it started succeeded. Failures from
 * escalationFinished() are shown in the dialog; the transcript shows the outcome either way.
 * If the session goes away, the dialog closes. Deletes itself on close.
 */
class EscalationDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EscalationDialog)

public:
    enum class Mode
    {
        OneConversation,
        AllOpen,
    };

    EscalationDialog(Connector::ConnectorSession *session,
                     Mode mode,
                     const QString &conversationId,
                     QWidget *parent = nullptr);
    ~EscalationDialog() override;

    Mode mode() const;
    QString selectedSkillId() const;

private:
    void fillSkills();
    void updateOkButton();
    void submit();
    void handleEscalationFinished(const QString &conversationId, bool ok, const QString &message);
    void setBusy(bool busy);

    QPointer<Connector::ConnectorSession> m_session;
    Mode m_mode;
    QString m_conversationId;
    QComboBox *m_skillCombo;
    QLineEdit *m_reasonEdit;
    QPlainTextEdit *m_handoffEdit;
    QLabel *m_statusLabel;
    QDialogButtonBox *m_buttons;
    QPushButton *m_okButton;
    QSet<QString> m_waitingFor;
    QStringList m_failures;
    int m_succeeded = 0;
    bool m_busy = false;
};

} // namespace Switchboard
