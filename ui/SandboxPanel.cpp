// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SandboxPanel.h"

#include "Icons.h"
#include "StatusText.h"

#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace Switchboard
{

namespace
{
constexpr int ConversationIdRole = Qt::UserRole + 1;
}

SandboxPanel::SandboxPanel(SandboxController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_consumers(new QStandardItemModel(this))
{
    setObjectName(QStringLiteral("sandboxPanel"));
    setAccessibleName(tr("Sandbox controls"));

    m_results = new QPlainTextEdit(this);
    m_results->setObjectName(QStringLiteral("sandboxResultLog"));
    m_results->setAccessibleName(tr("Sandbox results"));
    m_results->setReadOnly(true);
    m_results->setMaximumBlockCount(500);
    m_results->setPlaceholderText(tr("Results of sandbox commands appear here."));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildConsumers(), 2);
    layout->addWidget(buildFaults());
    layout->addWidget(buildBot());
    layout->addWidget(m_results, 1);

    if (m_controller) {
        connect(m_controller,
                &SandboxController::consumerAdded,
                this,
                [this](bool ok, const QString &conversationId, const QString &name, const QString &message) {
                    if (ok) {
                        auto *item = new QStandardItem(Icons::icon(Icons::Icon::Consumer),
                                                       tr("%1 (%2)").arg(name, conversationId));
                        item->setData(conversationId, ConversationIdRole);
                        item->setEditable(false);
                        m_consumers->appendRow(item);
                        m_consumerList->setCurrentIndex(item->index());
                        addResult(true, tr("Consumer “%1” opened conversation %2.").arg(name, conversationId));
                    } else {
                        addResult(false, tr("Adding a consumer failed: %1").arg(message));
                    }
                    updateButtons();
                });
        connect(m_controller,
                &SandboxController::consumerMessageSent,
                this,
                [this](const QString &conversationId, bool ok, const QString &message) {
                    addResult(ok,
                              ok ? tr("Sent to %1.").arg(conversationId)
                                 : tr("Sending to %1 failed: %2").arg(conversationId, message));
                });
        connect(m_controller,
                &SandboxController::conversationClosed,
                this,
                [this](const QString &conversationId, bool ok, const QString &message) {
                    if (ok) {
                        for (int row = 0; row < m_consumers->rowCount(); ++row) {
                            if (m_consumers->item(row)->data(ConversationIdRole).toString() == conversationId) {
                                m_consumers->removeRow(row);
                                break;
                            }
                        }
                    }
                    addResult(ok,
                              ok ? tr("Conversation %1 closed.").arg(conversationId)
                                 : tr("Closing %1 failed: %2").arg(conversationId, message));
                    updateButtons();
                });
        connect(m_controller,
                &SandboxController::faultInjected,
                this,
                [this](SandboxController::FaultKind, bool ok, const QString &message) {
                    addResult(ok, ok ? tr("Fault injected. %1").arg(message) : tr("Fault refused: %1").arg(message));
                });
        connect(m_controller,
                &SandboxController::botModeChanged,
                this,
                [this](SandboxController::BotMode, bool ok, const QString &message) {
                    addResult(ok,
                              ok ? tr("Demo bot behaviour changed. %1").arg(message)
                                 : tr("Changing the demo bot failed: %1").arg(message));
                });
    }
    updateButtons();
}

SandboxPanel::~SandboxPanel() = default;

QWidget *SandboxPanel::buildConsumers()
{
    auto *box = new QGroupBox(tr("Simulated consumers"), this);
    m_consumerNameEdit = new QLineEdit(box);
    m_consumerNameEdit->setObjectName(QStringLiteral("sandboxConsumerNameEdit"));
    m_consumerNameEdit->setAccessibleName(tr("Consumer name"));
    m_consumerNameEdit->setPlaceholderText(tr("Name (optional)"));
    auto *addButton = new QPushButton(Icons::icon(Icons::Icon::Consumer), tr("Add Consumer"), box);
    addButton->setObjectName(QStringLiteral("sandboxAddConsumerButton"));
    connect(addButton, &QPushButton::clicked, this, [this] {
        if (m_controller) {
            const QString name = m_consumerNameEdit->text().trimmed();
            m_controller->addConsumer(name.isEmpty() ? tr("Consumer %1").arg(m_consumers->rowCount() + 1) : name);
            m_consumerNameEdit->clear();
        }
    });
    connect(m_consumerNameEdit, &QLineEdit::returnPressed, addButton, &QPushButton::click);

    m_consumerList = new QListView(box);
    m_consumerList->setObjectName(QStringLiteral("sandboxConsumerList"));
    m_consumerList->setAccessibleName(tr("Consumers"));
    m_consumerList->setModel(m_consumers);
    m_consumerList->setUniformItemSizes(true);
    connect(m_consumerList->selectionModel(), &QItemSelectionModel::currentChanged, this, &SandboxPanel::updateButtons);

    m_messageEdit = new QLineEdit(box);
    m_messageEdit->setObjectName(QStringLiteral("sandboxMessageEdit"));
    m_messageEdit->setAccessibleName(tr("Message as the consumer"));
    m_messageEdit->setPlaceholderText(tr("Type as the selected consumer and press Enter"));
    m_sendButton = new QPushButton(tr("Send"), box);
    m_sendButton->setObjectName(QStringLiteral("sandboxSendButton"));
    m_closeButton = new QPushButton(tr("Close Conversation"), box);
    m_closeButton->setObjectName(QStringLiteral("sandboxCloseConversationButton"));
    connect(m_sendButton, &QPushButton::clicked, this, &SandboxPanel::send);
    connect(m_messageEdit, &QLineEdit::returnPressed, this, &SandboxPanel::send);
    connect(m_messageEdit, &QLineEdit::textChanged, this, &SandboxPanel::updateButtons);
    connect(m_closeButton, &QPushButton::clicked, this, [this] {
        const QString id = selectedConversationId();
        if (m_controller && !id.isEmpty()) {
            m_controller->closeConversation(id);
        }
    });

    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_consumerNameEdit, 1);
    addRow->addWidget(addButton);
    auto *sendRow = new QHBoxLayout;
    sendRow->addWidget(m_messageEdit, 1);
    sendRow->addWidget(m_sendButton);
    auto *layout = new QVBoxLayout(box);
    layout->addLayout(addRow);
    layout->addWidget(m_consumerList, 1);
    layout->addLayout(sendRow);
    layout->addWidget(m_closeButton, 0, Qt::AlignRight);
    return box;
}

QWidget *SandboxPanel::buildFaults()
{
    auto *box = new QGroupBox(tr("Faults"), this);
    auto fault = [this, box](const QString &text,
                             const QString &objectName,
                             const QString &tooltip,
                             SandboxController::FaultKind kind) {
        auto *button = new QPushButton(Icons::icon(Icons::Icon::Warning), text, box);
        button->setObjectName(objectName);
        button->setToolTip(tooltip);
        connect(button, &QPushButton::clicked, this, [this, kind] {
            if (m_controller) {
                QVariantMap params;
                if (kind == SandboxController::FaultKind::KickSession) {
                    params.insert(QStringLiteral("loginName"), m_kickLoginEdit->text().trimmed());
                }
                m_controller->injectFault(kind, params);
            }
        });
        return button;
    };
    auto *drop = fault(tr("Drop Sockets"),
                       QStringLiteral("sandboxDropSocketsButton"),
                       tr("Cut every agent connection without a close frame"),
                       SandboxController::FaultKind::DropSockets);
    auto *revoke = fault(tr("Revoke Tokens"),
                         QStringLiteral("sandboxRevokeTokensButton"),
                         tr("Invalidate every bearer token: the connector must log in again"),
                         SandboxController::FaultKind::RevokeTokens);
    auto *expire = fault(tr("Expire Rings"),
                         QStringLiteral("sandboxExpireRingsButton"),
                         tr("Let pending conversation offers time out"),
                         SandboxController::FaultKind::ExpireRings);
    m_kickLoginEdit = new QLineEdit(box);
    m_kickLoginEdit->setObjectName(QStringLiteral("sandboxKickLoginEdit"));
    m_kickLoginEdit->setAccessibleName(tr("Login name to kick"));
    m_kickLoginEdit->setPlaceholderText(tr("Agent login name"));
    auto *kick = fault(tr("Kick Session"),
                       QStringLiteral("sandboxKickButton"),
                       tr("Log the agent user in elsewhere, as a second login would"),
                       SandboxController::FaultKind::KickSession);

    m_routeCombo = new QComboBox(box);
    m_routeCombo->setObjectName(QStringLiteral("sandboxHttpRouteCombo"));
    m_routeCombo->setAccessibleName(tr("Route to fail"));
    for (const char *route : {"csds", "login", "refresh", "sentinel", "skills", "chat"}) {
        m_routeCombo->addItem(QString::fromLatin1(route));
    }
    m_httpStatusSpin = new QSpinBox(box);
    m_httpStatusSpin->setObjectName(QStringLiteral("sandboxHttpStatusSpin"));
    m_httpStatusSpin->setAccessibleName(tr("HTTP status"));
    m_httpStatusSpin->setRange(400, 599);
    m_httpStatusSpin->setValue(503);
    m_httpCountSpin = new QSpinBox(box);
    m_httpCountSpin->setObjectName(QStringLiteral("sandboxHttpCountSpin"));
    m_httpCountSpin->setAccessibleName(tr("How many requests fail"));
    m_httpCountSpin->setRange(1, 1000);
    m_httpCountSpin->setSuffix(tr(" ×"));
    auto *http = new QPushButton(Icons::icon(Icons::Icon::Warning), tr("Fail Route"), box);
    http->setObjectName(QStringLiteral("sandboxHttpFaultButton"));
    connect(http, &QPushButton::clicked, this, [this] {
        if (m_controller) {
            m_controller->injectFault(SandboxController::FaultKind::HttpFault,
                                      {{QStringLiteral("route"), m_routeCombo->currentText()},
                                       {QStringLiteral("status"), m_httpStatusSpin->value()},
                                       {QStringLiteral("count"), m_httpCountSpin->value()}});
        }
    });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(drop);
    buttons->addWidget(revoke);
    buttons->addWidget(expire);
    auto *kickRow = new QHBoxLayout;
    kickRow->addWidget(m_kickLoginEdit, 1);
    kickRow->addWidget(kick);
    auto *httpRow = new QHBoxLayout;
    httpRow->addWidget(m_routeCombo);
    httpRow->addWidget(m_httpStatusSpin);
    httpRow->addWidget(m_httpCountSpin);
    httpRow->addWidget(http);
    auto *layout = new QVBoxLayout(box);
    layout->addLayout(buttons);
    layout->addLayout(kickRow);
    layout->addLayout(httpRow);
    return box;
}

QWidget *SandboxPanel::buildBot()
{
    auto *box = new QGroupBox(tr("Demo bot"), this);
    m_botModeCombo = new QComboBox(box);
    m_botModeCombo->setObjectName(QStringLiteral("sandboxBotModeCombo"));
    m_botModeCombo->setAccessibleName(tr("Demo bot behaviour"));
    m_botModeCombo->addItem(tr("Normal"), QVariant::fromValue(SandboxController::BotMode::Normal));
    m_botModeCombo->addItem(tr("Slow"), QVariant::fromValue(SandboxController::BotMode::Slow));
    m_botModeCombo->addItem(tr("Failing (HTTP 5xx)"), QVariant::fromValue(SandboxController::BotMode::Failing));
    m_botModeCombo->addItem(tr("Malformed replies"), QVariant::fromValue(SandboxController::BotMode::Malformed));
    m_botModeCombo->addItem(tr("Never answers"), QVariant::fromValue(SandboxController::BotMode::Timeout));
    m_botModeCombo->addItem(tr("Reports offline"), QVariant::fromValue(SandboxController::BotMode::Offline));
    m_botDelaySpin = new QSpinBox(box);
    m_botDelaySpin->setObjectName(QStringLiteral("sandboxBotDelaySpin"));
    m_botDelaySpin->setAccessibleName(tr("Delay"));
    m_botDelaySpin->setRange(0, 600000);
    m_botDelaySpin->setSingleStep(500);
    m_botDelaySpin->setValue(3000);
    m_botDelaySpin->setSuffix(tr(" ms"));
    m_botStatusSpin = new QSpinBox(box);
    m_botStatusSpin->setObjectName(QStringLiteral("sandboxBotStatusSpin"));
    m_botStatusSpin->setAccessibleName(tr("HTTP status"));
    m_botStatusSpin->setRange(500, 599);
    m_botStatusSpin->setValue(503);
    auto *apply = new QPushButton(Icons::icon(Icons::Icon::Bot), tr("Apply"), box);
    apply->setObjectName(QStringLiteral("sandboxBotApplyButton"));
    connect(apply, &QPushButton::clicked, this, [this] {
        if (m_controller) {
            m_controller->setBotMode(m_botModeCombo->currentData().value<SandboxController::BotMode>(),
                                     {{QStringLiteral("delayMs"), m_botDelaySpin->value()},
                                      {QStringLiteral("status"), m_botStatusSpin->value()}});
        }
    });
    auto updateFields = [this] {
        const auto mode = m_botModeCombo->currentData().value<SandboxController::BotMode>();
        m_botDelaySpin->setEnabled(mode == SandboxController::BotMode::Slow);
        m_botStatusSpin->setEnabled(mode == SandboxController::BotMode::Failing);
    };
    connect(m_botModeCombo, &QComboBox::currentIndexChanged, this, updateFields);
    updateFields();

    auto *form = new QFormLayout(box);
    form->addRow(tr("&Behaviour:"), m_botModeCombo);
    form->addRow(tr("&Delay:"), m_botDelaySpin);
    form->addRow(tr("&Status:"), m_botStatusSpin);
    form->addRow(QString(), apply);
    return box;
}

QString SandboxPanel::selectedConversationId() const
{
    return m_consumerList->currentIndex().data(ConversationIdRole).toString();
}

QString SandboxPanel::resultLog() const
{
    return m_results->toPlainText();
}

void SandboxPanel::send()
{
    const QString id = selectedConversationId();
    const QString text = m_messageEdit->text();
    if (!m_controller || id.isEmpty() || text.trimmed().isEmpty()) {
        return;
    }
    m_controller->sendConsumerMessage(id, text);
    m_messageEdit->clear();
}

void SandboxPanel::addResult(bool ok, const QString &text)
{
    const QString time = StatusText::time(QDateTime::currentDateTimeUtc());
    m_results->appendPlainText(ok ? tr("%1  %2").arg(time, text) : tr("%1  ✗ %2").arg(time, text));
}

void SandboxPanel::updateButtons()
{
    const bool haveConsumer = !selectedConversationId().isEmpty();
    m_sendButton->setEnabled(m_controller && haveConsumer && !m_messageEdit->text().trimmed().isEmpty());
    m_closeButton->setEnabled(m_controller && haveConsumer);
}

} // namespace Switchboard
