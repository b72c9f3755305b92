// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScreenshotTour.h"

#include "Console.h"
#include "ConversationListModel.h"
#include "EscalationDialog.h"
#include "EventLogModel.h"
#include "EventLogWidget.h"
#include "HealthGraphWidget.h"
#include "IntegrationDialog.h"
#include "MainWindow.h"
#include "RestSandboxController.h"
#include "SessionPanel.h"
#include "TranscriptModel.h"
#include "TranscriptView.h"
#include "UiLogging.h"
#include "connector/ConnectorSession.h"
#include "connector/SessionFactory.h"
#include "connector/SessionManager.h"
#include "storage/MemorySecretStore.h"

#include <QComboBox>
#include <QDateTime>
#include <QDockWidget>
#include <QLineEdit>
#include <QPixmap>
#include <QPushButton>
#include <QToolButton>
#include <QTreeView>

namespace Switchboard
{

namespace
{
constexpr int s_pollIntervalMs = 200;
// Lets a freshly shown widget lay out and paint before it is grabbed.
constexpr qint64 s_settleMs = 600;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

ScreenshotTour::ScreenshotTour(MainWindow *window, Console *console, const QString &directory, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_console(console)
    , m_directory(directory)
    , m_demoSecrets(std::make_unique<Storage::MemorySecretStore>())
{
    m_poll.setInterval(s_pollIntervalMs);
    connect(&m_poll, &QTimer::timeout, this, &ScreenshotTour::poll);

    const auto panel = [this]() -> SessionPanel * { return m_window ? m_window->currentPanel() : nullptr; };
    const auto settled = [this] { return nowMs() - m_stepStartedMs >= s_settleMs; };

    // 1. The sandbox conversation with the most messages, once a few are under way.
    addStep(
        QStringLiteral("live conversations"),
        [panel] {
            SessionPanel *p = panel();
            if (!p || !p->session() || p->session()->status().state != Connector::SessionState::Online) {
                return false;
            }
            const ConversationListModel *model = p->conversationModel();
            int busy = 0;
            for (int row = 0; row < model->rowCount(); ++row) {
                if (model->conversationAt(row).messageCount >= 12) {
                    ++busy;
                }
            }
            return busy >= 3;
        },
        [this, panel] {
            const ConversationListModel *model = panel()->conversationModel();
            qint64 most = -1;
            for (int row = 0; row < model->rowCount(); ++row) {
                const Connector::ConversationSnapshot conversation = model->conversationAt(row);
                if (conversation.status == Connector::ConversationStatus::Open && conversation.messageCount > most) {
                    most = conversation.messageCount;
                    m_conversationId = conversation.id;
                }
            }
            panel()->selectConversation(m_conversationId);
        });
    addStep(
        QStringLiteral("main window"),
        [panel, settled, this] {
            const TranscriptModel *transcript = panel()->transcriptModel();
            return settled() && transcript->conversationId() == m_conversationId && !transcript->isLoading() &&
                   transcript->rowCount() >= 12;
        },
        [this, panel] {
            panel()->transcriptView()->scrollToBottom();
            save(m_window, QStringLiteral("main-window.png"));
        });

    // 2. The escalation dialog for the selected conversation.
    addStep(
        QStringLiteral("open escalation dialog"), [] { return true; }, [panel] { panel()->escalateSelected(); });
    addStep(
        QStringLiteral("escalation dialog"),
        [this, settled] {
            auto *dialog = m_window->findChild<EscalationDialog *>(QStringLiteral("escalationDialog"));
            return settled() && dialog && dialog->isVisible();
        },
        [this] {
            auto *dialog = m_window->findChild<EscalationDialog *>(QStringLiteral("escalationDialog"));
            save(dialog, QStringLiteral("escalation-dialog.png"));
            dialog->reject();
        });

    // 3. The integration dialog, filled with the sandbox integration (its secrets show as stored).
    addStep(
        QStringLiteral("open integration dialog"),
        [] { return true; },
        [this, panel] {
            Storage::IntegrationDefinition definition = m_console->sandboxIntegration();
            // As a saved integration looks: a UUID id and its secrets in the keychain.
            definition.id = Storage::IntegrationDefinition::newId();
            for (const QString &field : Connector::SessionFactory::requiredSecretFields(definition)) {
                definition.secrets.insert(field, QStringLiteral("switchboard/%1/%2").arg(definition.id, field));
            }
            auto *dialog = new IntegrationDialog(nullptr, m_demoSecrets.get(), m_window);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->setDefinition(definition);
            dialog->setSkills(panel()->session()->skills());
            dialog->open();
            // Tall enough that the whole form shows without scrolling.
            dialog->resize(dialog->width(), std::max(dialog->height(), 1090));
        });
    addStep(
        QStringLiteral("integration dialog"),
        [this, settled] {
            auto *dialog = m_window->findChild<IntegrationDialog *>(QStringLiteral("integrationDialog"));
            return settled() && dialog && dialog->isVisible();
        },
        [this] {
            auto *dialog = m_window->findChild<IntegrationDialog *>(QStringLiteral("integrationDialog"));
            save(dialog, QStringLiteral("integration-dialog.png"));
            dialog->reject();
        });

    // 4. A failing bot: the sandbox panel switches the demo bot to HTTP 503 for a few new consumers.
    // Done through the sandbox panel's own widgets, so its result log tells the story.
    const auto sandboxPanel = [this]() -> QWidget * {
        return m_window->findChild<QWidget *>(QStringLiteral("sandboxPanel"));
    };
    addStep(
        QStringLiteral("bot failure"),
        [this, sandboxPanel] { return m_console->sandboxController() != nullptr && sandboxPanel(); },
        [sandboxPanel] {
            QWidget *sandbox = sandboxPanel();
            auto *mode = sandbox->findChild<QComboBox *>(QStringLiteral("sandboxBotModeCombo"));
            mode->setCurrentIndex(mode->findData(QVariant::fromValue(SandboxController::BotMode::Failing)));
            sandbox->findChild<QPushButton *>(QStringLiteral("sandboxBotApplyButton"))->click();
        });
    addStep(
        QStringLiteral("consumers of the failing bot"),
        [settled] { return settled(); },
        [sandboxPanel] {
            QWidget *sandbox = sandboxPanel();
            auto *name = sandbox->findChild<QLineEdit *>(QStringLiteral("sandboxConsumerNameEdit"));
            auto *add = sandbox->findChild<QPushButton *>(QStringLiteral("sandboxAddConsumerButton"));
            for (const QString &consumer : {QStringLiteral("Robin"), QStringLiteral("Sam")}) {
                name->setText(consumer);
                add->click();
            }
        });
    addStep(
        QStringLiteral("event log"),
        [this] {
            auto *view = m_window->eventLogWidget()->findChild<QTreeView *>(QStringLiteral("eventLogView"));
            int errors = 0;
            for (int row = 0; view && row < view->model()->rowCount(); ++row) {
                if (view->model()
                        ->index(row, 0)
                        .data(EventLogModel::CodeRole)
                        .toString()
                        .startsWith(QLatin1String("bot."))) {
                    ++errors;
                }
            }
            return errors >= 2 && nowMs() - m_stepStartedMs >= 3000;
        },
        [this, panel] {
            if (auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("sandboxDock"))) {
                save(dock, QStringLiteral("sandbox-panel.png"));
            }
            if (auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("eventLogDock"))) {
                save(dock, QStringLiteral("event-log.png"));
            }
            if (auto *fiveMinutes = panel()->findChild<QToolButton *>(QStringLiteral("healthRange5m"))) {
                fiveMinutes->click();
            }
            panel()->healthGraph()->refresh();
        });

    // 5. The health graph, with the failures in it.
    addStep(
        QStringLiteral("health graph"),
        [panel, settled] {
            qint64 failures = 0;
            for (const Connector::HealthBucket &bucket : panel()->healthGraph()->buckets()) {
                failures += bucket.outcomes.at(std::size_t(Connector::OutcomeClass::Http5xx));
            }
            return settled() && failures > 0;
        },
        [this, panel] {
            QWidget *graph = panel()->healthGraph();
            save(graph->parentWidget() ? graph->parentWidget() : graph, QStringLiteral("health-graph.png"));
            m_console->sandboxController()->setBotMode(SandboxController::BotMode::Normal, {});
        });
}

ScreenshotTour::~ScreenshotTour() = default;

void ScreenshotTour::addStep(const QString &name, std::function<bool()> ready, std::function<void()> run, int timeoutMs)
{
    m_steps.append(Step{name, std::move(ready), std::move(run), timeoutMs});
}

void ScreenshotTour::start()
{
    if (!m_directory.mkpath(QStringLiteral("."))) {
        qCWarning(lcUi, "screenshot directory %s cannot be created", qPrintable(m_directory.path()));
        Q_EMIT finished(false);
        return;
    }
    m_current = 0;
    m_stepStartedMs = nowMs();
    m_poll.start();
}

void ScreenshotTour::poll()
{
    if (!m_window || !m_console || m_current >= m_steps.size()) {
        m_poll.stop();
        Q_EMIT finished(m_ok && m_current >= m_steps.size());
        return;
    }
    const Step &step = m_steps.at(m_current);
    if (step.ready()) {
        qCInfo(lcUi, "screenshot tour: %s", qPrintable(step.name));
        step.run();
        ++m_current;
        m_stepStartedMs = nowMs();
        return;
    }
    if (nowMs() - m_stepStartedMs > step.timeoutMs) {
        qCWarning(lcUi, "screenshot tour: step \"%s\" timed out", qPrintable(step.name));
        m_ok = false;
        m_poll.stop();
        Q_EMIT finished(false);
    }
}

bool ScreenshotTour::save(QWidget *widget, const QString &fileName)
{
    if (!widget) {
        m_ok = false;
        return false;
    }
    const QString path = m_directory.filePath(fileName);
    if (!widget->grab().save(path, "PNG")) {
        qCWarning(lcUi, "screenshot %s could not be written", qPrintable(path));
        m_ok = false;
        return false;
    }
    qCInfo(lcUi, "screenshot %s", qPrintable(path));
    return true;
}

} // namespace Switchboard
