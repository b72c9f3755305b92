// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EscalationDialog.h"

#include "Icons.h"
#include "connector/ConnectorSession.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Switchboard
{

using namespace Connector;

namespace
{
constexpr int MaxHandoffLength = 2000;
}

EscalationDialog::EscalationDialog(ConnectorSession *session, Mode mode, const QString &conversationId, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_mode(mode)
    , m_conversationId(conversationId)
    , m_skillCombo(new QComboBox(this))
    , m_reasonEdit(new QLineEdit(this))
    , m_handoffEdit(new QPlainTextEdit(this))
    , m_statusLabel(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_okButton(m_buttons->button(QDialogButtonBox::Ok))
{
    setObjectName(QStringLiteral("escalationDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    // Wide enough for the placeholders and a conversation id on one line.
    setMinimumWidth(520);
    setWindowIcon(Icons::icon(Icons::Icon::Escalate));
    const QString name = m_session ? m_session->name() : QString();

    auto *intro = new QLabel(this);
    intro->setObjectName(QStringLiteral("escalationIntroLabel"));
    intro->setWordWrap(true);
    int openCount = 0;
    if (m_mode == Mode::AllOpen) {
        if (m_session) {
            for (const ConversationSnapshot &conversation : m_session->conversations()) {
                openCount += conversation.status == ConversationStatus::Open ? 1 : 0;
            }
        }
        setWindowTitle(tr("Escalate All Open Conversations"));
        intro->setText(tr("Transfer every open conversation of “%1” (%2 now) to the skill below. The bot stops "
                          "answering them; this cannot be undone from Switchboard.")
                           .arg(name)
                           .arg(openCount));
        m_okButton->setText(tr("Escalate All (%1)").arg(openCount));
    } else {
        setWindowTitle(tr("Escalate Conversation"));
        intro->setText(tr("Transfer conversation %1 of “%2” to the skill below. The bot stops answering it.")
                           .arg(m_conversationId, name));
        m_okButton->setText(tr("Escalate"));
    }
    m_okButton->setObjectName(QStringLiteral("escalationOkButton"));
    m_okButton->setIcon(Icons::icon(m_mode == Mode::AllOpen ? Icons::Icon::EscalateAll : Icons::Icon::Escalate));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("escalationCancelButton"));

    m_skillCombo->setObjectName(QStringLiteral("escalationSkillCombo"));
    m_skillCombo->setAccessibleName(tr("Skill to escalate to"));
    m_reasonEdit->setObjectName(QStringLiteral("escalationReasonEdit"));
    m_reasonEdit->setAccessibleName(tr("Reason"));
    m_reasonEdit->setPlaceholderText(tr("Recorded in the transcript and the event log"));
    m_reasonEdit->setMaxLength(200);
    m_handoffEdit->setObjectName(QStringLiteral("escalationHandoffEdit"));
    m_handoffEdit->setAccessibleName(tr("Hand-off text to the consumer"));
    m_handoffEdit->setPlaceholderText(tr("Optional: sent to the consumer before the transfer, e.g. “A colleague "
                                         "will be with you shortly.”"));
    m_handoffEdit->setTabChangesFocus(true);
    m_handoffEdit->setMaximumHeight(fontMetrics().height() * 5);
    m_statusLabel->setObjectName(QStringLiteral("escalationStatusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QFormLayout;
    form->addRow(tr("&Skill:"), m_skillCombo);
    form->addRow(tr("&Reason:"), m_reasonEdit);
    form->addRow(tr("&Hand-off text:"), m_handoffEdit);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &EscalationDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_skillCombo, &QComboBox::currentIndexChanged, this, &EscalationDialog::updateOkButton);
    connect(m_handoffEdit, &QPlainTextEdit::textChanged, this, &EscalationDialog::updateOkButton);
    if (m_session) {
        connect(m_session, &ConnectorSession::skillsChanged, this, &EscalationDialog::fillSkills);
        connect(m_session, &ConnectorSession::escalationFinished, this, &EscalationDialog::handleEscalationFinished);
        connect(m_session, &QObject::destroyed, this, &QDialog::reject);
    }
    if (m_mode == Mode::AllOpen && openCount == 0) {
        m_statusLabel->setText(tr("There are no open conversations to escalate."));
    }
    fillSkills();
    m_skillCombo->setFocus();
}

EscalationDialog::~EscalationDialog() = default;

EscalationDialog::Mode EscalationDialog::mode() const
{
    return m_mode;
}

QString EscalationDialog::selectedSkillId() const
{
    return m_skillCombo->currentData().toString();
}

void EscalationDialog::fillSkills()
{
    const QString previous = selectedSkillId();
    const QSignalBlocker blocker(m_skillCombo);
    m_skillCombo->clear();
    if (!m_session) {
        updateOkButton();
        return;
    }
    const QString fallback = m_session->fallbackSkillId();
    bool fallbackListed = false;
    for (const SkillInfo &skill : m_session->skills()) {
        const bool isFallback = skill.id == fallback;
        fallbackListed = fallbackListed || isFallback;
        const QString label = skill.name.isEmpty() ? tr("Skill %1").arg(skill.id) : skill.name;
        m_skillCombo->addItem(isFallback ? tr("%1 (fallback)").arg(label) : label, skill.id);
        m_skillCombo->setItemData(m_skillCombo->count() - 1, tr("Skill id %1").arg(skill.id), Qt::ToolTipRole);
    }
    // Before the first login the skill names are unknown, but the fallback id is configured.
    if (!fallback.isEmpty() && !fallbackListed) {
        m_skillCombo->insertItem(0, tr("Skill %1 (fallback)").arg(fallback), fallback);
    }
    int index = m_skillCombo->findData(previous.isEmpty() ? fallback : previous);
    if (index < 0) {
        index = m_skillCombo->findData(fallback);
    }
    m_skillCombo->setCurrentIndex(index >= 0 ? index : 0);
    if (m_skillCombo->count() == 0) {
        m_skillCombo->setPlaceholderText(tr("No skills known yet: start the integration to load them"));
    }
    updateOkButton();
}

void EscalationDialog::updateOkButton()
{
    QString problem;
    if (!m_session) {
        problem = tr("The integration is gone.");
    } else if (selectedSkillId().isEmpty()) {
        problem = tr("Pick a skill to escalate to.");
    } else if (m_handoffEdit->toPlainText().size() > MaxHandoffLength) {
        problem = tr("The hand-off text is too long (%1 of at most %2 characters).")
                      .arg(m_handoffEdit->toPlainText().size())
                      .arg(MaxHandoffLength);
    }
    if (!m_busy && m_statusLabel->property("isProblem").toBool()) {
        m_statusLabel->clear();
    }
    if (!problem.isEmpty()) {
        m_statusLabel->setText(problem);
        m_statusLabel->setProperty("isProblem", true);
    } else {
        m_statusLabel->setProperty("isProblem", false);
    }
    bool nothingToDo = false;
    if (m_mode == Mode::AllOpen && m_session) {
        nothingToDo = true;
        for (const ConversationSnapshot &conversation : m_session->conversations()) {
            if (conversation.status == ConversationStatus::Open) {
                nothingToDo = false;
                break;
            }
        }
    }
    m_okButton->setEnabled(!m_busy && problem.isEmpty() && !nothingToDo);
}

void EscalationDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_skillCombo->setEnabled(!busy);
    m_reasonEdit->setEnabled(!busy);
    m_handoffEdit->setEnabled(!busy);
    updateOkButton();
}

void EscalationDialog::submit()
{
    if (!m_session || m_busy) {
        return;
    }
    EscalationRequest request;
    request.conversationId = m_conversationId;
    request.skillId = selectedSkillId();
    request.reason = m_reasonEdit->text().trimmed();
    if (request.reason.isEmpty()) {
        request.reason = tr("Escalated by the operator");
    }
    request.handoffText = m_handoffEdit->toPlainText().trimmed();
    m_failures.clear();
    m_succeeded = 0;
    m_waitingFor.clear();
    if (m_mode == Mode::AllOpen) {
        for (const ConversationSnapshot &conversation : m_session->conversations()) {
            if (conversation.status == ConversationStatus::Open) {
                m_waitingFor.insert(conversation.id);
            }
        }
        m_statusLabel->setText(tr("Escalating %1 conversations…").arg(m_waitingFor.size()));
    } else {
        m_waitingFor.insert(m_conversationId);
        m_statusLabel->setText(tr("Escalating…"));
    }
    setBusy(true);
    if (m_mode == Mode::AllOpen) {
        m_session->escalateAllOpen(request);
    } else {
        m_session->escalate(request);
    }
}

void EscalationDialog::handleEscalationFinished(const QString &conversationId, bool ok, const QString &message)
{
    if (!m_busy || !m_waitingFor.remove(conversationId)) {
        return;
    }
    if (ok) {
        ++m_succeeded;
    } else {
        m_failures.append(tr("%1: %2").arg(conversationId, message));
    }
    if (m_mode == Mode::AllOpen) {
        m_statusLabel->setText(
            tr("%1 escalated, %2 failed, %3 to go.").arg(m_succeeded).arg(m_failures.size()).arg(m_waitingFor.size()));
    }
    if (!m_waitingFor.isEmpty()) {
        return;
    }
    if (m_failures.isEmpty()) {
        accept();
        return;
    }
    setBusy(false);
    m_statusLabel->setText(m_mode == Mode::AllOpen ? tr("%1 escalated, %2 failed:\n%3")
                                                         .arg(m_succeeded)
                                                         .arg(m_failures.size())
                                                         .arg(m_failures.join(QLatin1Char('\n')))
                                                   : tr("The escalation failed: %1").arg(message));
    m_statusLabel->setProperty("isProblem", false);
}

} // namespace Switchboard
