// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The console end to end: the real main window and Console (integration store, session manager,
// ConnectorSessionImpl on its own thread, transcript store) against the sandbox emulator and the
// Custom Endpoint demo bot in-process on 127.0.0.1. Everything the operator does goes through the
// widgets (dialogs found by object name, fields typed with keyClicks, buttons clicked); the
// simulated consumers talk through the emulator's StateModel. Secrets go to a MemorySecretStore
// handed to the Console instead of the OS keychain.
#include "Console.h"
#include "ConversationFilterModel.h"
#include "ConversationListModel.h"
#include "EscalationDialog.h"
#include "EventLogModel.h"
#include "EventLogWidget.h"
#include "HealthGraphWidget.h"
#include "IntegrationDialog.h"
#include "MainWindow.h"
#include "RestSandboxController.h"
#include "SandboxLauncher.h"
#include "SandboxPanel.h"
#include "SecretLineEdit.h"
#include "SessionPanel.h"
#include "TranscriptModel.h"
#include "TranscriptView.h"
#include "connector/ConnectorSession.h"
#include "connector/SessionManager.h"
#include "sandbox/Emulator.h"
#include "sandbox/StateModel.h"
#include "storage/IntegrationStore.h"
#include "storage/MemorySecretStore.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <memory>

using namespace Switchboard;
using namespace Switchboard::Connector;

namespace
{
constexpr int s_onlineTimeoutMs = 15000;
constexpr int s_replyTimeoutMs = 10000;

bool hasParticipant(const Sandbox::StateModel *model, const QString &conversationId, const QString &userId)
{
    const Sandbox::Conversation *conversation = model->conversation(conversationId);
    if (!conversation) {
        return false;
    }
    for (const auto &participant : conversation->participants) {
        if (participant.id == userId || participant.id.endsWith(QLatin1Char('.') + userId)) {
            return true;
        }
    }
    return false;
}

bool modelContainsText(const QAbstractItemModel *model, int column, const QString &needle, int role = Qt::DisplayRole)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, column).data(role).toString().contains(needle)) {
            return true;
        }
    }
    return false;
}
} // namespace

class TestConsoleE2E : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SandboxLauncher> m_sandbox;
    std::unique_ptr<Storage::MemorySecretStore> m_secrets;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<Console> m_console;
    std::unique_ptr<RestSandboxController> m_controller;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;
    QString m_integrationId;

    template <typename T> static T *find(QObject *parent, const QString &name)
    {
        auto *object = parent ? parent->findChild<T *>(name) : nullptr;
        if (!object) {
            qWarning("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
        }
        return object;
    }

    static void type(QWidget *parent, const QString &name, const QString &text)
    {
        auto *edit = find<QLineEdit>(parent, name);
        QVERIFY(edit);
        edit->clear();
        QTest::keyClicks(edit, text);
        QCOMPARE(edit->text(), text);
    }

    const Sandbox::SandboxConfig &sandboxConfig() const
    {
        return m_sandbox->emulator()->config();
    }

    QString botUserId() const
    {
        return sandboxConfig().agents.first().userId;
    }

    QString fallbackSkillId() const
    {
        return sandboxConfig().skills.at(1).id;
    }

    Sandbox::StateModel *sandboxModel() const
    {
        return m_sandbox->emulator()->model();
    }

    ConnectorSession *session() const
    {
        return m_window->sessionManager()->session(m_integrationId);
    }

    SessionPanel *panel() const
    {
        return m_window->panel(m_integrationId);
    }

    /** Every model the panel and the window show runs under a tester while the traffic changes it. */
    void attachModelTesters()
    {
        const auto attach = [this](QAbstractItemModel *model) {
            m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
                model, QAbstractItemModelTester::FailureReportingMode::Fatal));
        };
        attach(panel()->conversationModel());
        attach(panel()->conversationFilter());
        attach(panel()->transcriptModel());
        attach(find<QListView>(m_window.get(), QStringLiteral("integrationList"))->model());
        attach(find<QTreeView>(m_window->eventLogWidget(), QStringLiteral("eventLogView"))->model());
    }

    /** What the operator does on a first run: Add Integration, fill the dialog, OK. */
    void addIntegrationThroughDialog()
    {
        auto *addButton = find<QPushButton>(m_window.get(), QStringLiteral("addIntegrationButton"));
        QVERIFY(addButton);
        QVERIFY(addButton->isVisible());
        QTest::mouseClick(addButton, Qt::LeftButton);
        IntegrationDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<IntegrationDialog *>(QStringLiteral("integrationDialog"))));
        QTRY_VERIFY(dialog->isVisible());
        QVERIFY(dialog->windowModality() != Qt::NonModal);

        const Sandbox::SandboxConfig &config = sandboxConfig();
        const Connector::SessionSecrets secrets = m_sandbox->messagingSecrets();
        const Storage::IntegrationDefinition reference = m_sandbox->messagingIntegration();
        type(dialog, QStringLiteral("integrationNameEdit"), QStringLiteral("E2E support bot"));
        type(dialog, QStringLiteral("accountIdEdit"), reference.liveperson.accountId);
        type(dialog, QStringLiteral("csdsDomainEdit"), reference.liveperson.csdsDomain);
        type(dialog, QStringLiteral("loginNameEdit"), config.agents.first().loginName);
        type(dialog, QStringLiteral("loginPasswordFieldEdit"), secrets.loginPassword);
        type(dialog, QStringLiteral("caFileEdit"), reference.liveperson.caFile);
        type(dialog, QStringLiteral("botBaseUrlEdit"), reference.bot.baseUrl);
        type(dialog, QStringLiteral("botIdEdit"), reference.bot.botId);
        type(dialog, QStringLiteral("botEnvironmentEdit"), reference.bot.environment);
        type(dialog, QStringLiteral("appJwtClientIdFieldEdit"), secrets.appJwtClientId);
        type(dialog, QStringLiteral("appJwtClientSecretFieldEdit"), secrets.appJwtClientSecret);
        type(dialog, QStringLiteral("botSkillIdEdit"), reference.routing.botSkillId);
        auto *fallback = find<QComboBox>(dialog, QStringLiteral("fallbackSkillCombo"));
        QVERIFY(fallback);
        fallback->lineEdit()->clear();
        QTest::keyClicks(fallback->lineEdit(), fallbackSkillId());

        auto *ok = find<QPushButton>(dialog, QStringLiteral("integrationOkButton"));
        QVERIFY(ok);
        QTRY_VERIFY2(ok->isEnabled(), qPrintable(dialog->problems().join(QLatin1Char('\n'))));
        QTest::mouseClick(ok, Qt::LeftButton);

        // The dialog closes once the secrets are stored and the definition is saved; the console
        // then reads the secrets back from the store and starts a session for it.
        QTRY_VERIFY_WITH_TIMEOUT(m_window->panels().size() == 1, 5000);
        m_integrationId = m_window->panels().constFirst()->integrationId();
        QVERIFY(!m_integrationId.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(session() && session()->status().state == SessionState::Online, s_onlineTimeoutMs);
        QTRY_COMPARE(panel()->stateText(), QStringLiteral("online"));
        attachModelTesters();
    }

    /** A consumer opens a conversation on the bot's skill and says @p text. */
    QString startConversation(const QString &text)
    {
        Sandbox::StateModel *model = sandboxModel();
        const Sandbox::Consumer consumer = model->createConsumer();
        const Result<QString> conversation = model->createConversation(
            consumer.id, sandboxConfig().agents.first().skillIds.value(0), Sandbox::Channel::Messaging);
        if (!conversation) {
            return QString();
        }
        if (!model->consumerText(conversation.value(), text).ok()) {
            return QString();
        }
        return conversation.value();
    }

    /** Clicks the conversation's row in the list, as the operator would. */
    static bool clickConversation(SessionPanel *panel, const QString &id)
    {
        QTreeView *view = panel->conversationView();
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            const QModelIndex index = view->model()->index(row, ConversationListModel::IdColumn);
            if (index.data(ConversationListModel::ConversationIdRole).toString() == id) {
                view->scrollTo(index);
                QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
                return panel->selectedConversationId() == id;
            }
        }
        return false;
    }

    int rowOf(const QString &conversationId) const
    {
        return panel()->conversationModel()->rowOf(conversationId);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        SandboxLauncher::Options sandboxOptions;
        sandboxOptions.stateDir = m_dir->filePath(QStringLiteral("sandbox"));
        m_sandbox = std::make_unique<SandboxLauncher>(sandboxOptions);
        const Result<Success> started = m_sandbox->start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));

        m_secrets = std::make_unique<Storage::MemorySecretStore>();
        m_window = std::make_unique<MainWindow>();
        Console::Options options;
        options.configDir = m_dir->filePath(QStringLiteral("config"));
        options.transcriptPath = m_dir->filePath(QStringLiteral("transcripts.sqlite"));
        options.secretStore = m_secrets.get();
        // Fast retries and probes so the fault scenarios run in seconds.
        options.environment.retryPauseMs = 10;
        options.environment.probeIntervalMs = 500;
        options.environment.livePersonDelayDivisor = 10;
        m_console = std::make_unique<Console>(m_window.get(), options);
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_console->start();
    }

    void cleanup()
    {
        m_testers.clear();
        m_console.reset();
        m_controller.reset();
        m_window.reset();
        m_secrets.reset();
        m_sandbox.reset();
        m_dir.reset();
        m_integrationId.clear();
    }

    void integrationDialogStoresSecretsInTheStoreOnly()
    {
        addIntegrationThroughDialog();
        if (QTest::currentTestFailed()) {
            return;
        }
        const Connector::SessionSecrets secrets = m_sandbox->messagingSecrets();

        // The file on disk names the keychain entries, never a value.
        const QString path = Storage::IntegrationStore(m_dir->filePath(QStringLiteral("config"))).filePath();
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        const QByteArray json = file.readAll();
        QVERIFY(json.contains("E2E support bot"));
        for (const QString &secret : {secrets.loginPassword, secrets.appJwtClientId, secrets.appJwtClientSecret}) {
            QVERIFY(!secret.isEmpty());
            QVERIFY2(!json.contains(secret.toUtf8()), "a secret value reached integrations.json");
        }

        // The store holds exactly those values, under the keys the file names.
        const QJsonArray integrations =
            QJsonDocument::fromJson(json).object().value(QStringLiteral("integrations")).toArray();
        QCOMPARE(integrations.size(), 1);
        const QJsonObject keys = integrations.first().toObject().value(QStringLiteral("secrets")).toObject();
        QCOMPARE(keys.size(), 3);
        QHash<QString, QString> read;
        for (auto it = keys.constBegin(); it != keys.constEnd(); ++it) {
            const QString key = it.value().toString();
            QVERIFY(m_secrets->contains(key));
            m_secrets->read(key, this, [&read, field = it.key()](const Storage::SecretResult &result) {
                read.insert(field, result.value);
            });
        }
        QTRY_COMPARE(read.size(), 3);
        QCOMPARE(read.value(QStringLiteral("loginPassword")), secrets.loginPassword);
        QCOMPARE(read.value(QStringLiteral("appJwtClientId")), secrets.appJwtClientId);
        QCOMPARE(read.value(QStringLiteral("appJwtClientSecret")), secrets.appJwtClientSecret);
        QCOMPARE(m_secrets->keys().size(), 3);

        // The window switched from the empty state to the workspace, with the new integration listed.
        QVERIFY(!find<QWidget>(m_window.get(), QStringLiteral("emptyState"))->isVisible());
        auto *list = find<QListView>(m_window.get(), QStringLiteral("integrationList"));
        QCOMPARE(list->model()->rowCount(), 1);
        QVERIFY(list->model()->index(0, 0).data().toString().contains(QStringLiteral("E2E support bot")));
    }

    void consumerMessagesAppearInListAndTranscript()
    {
        addIntegrationThroughDialog();
        if (QTest::currentTestFailed()) {
            return;
        }
        const QString first = startConversation(QStringLiteral("hello from consumer one"));
        const QString second = startConversation(QStringLiteral("hello from consumer two"));
        QVERIFY(!first.isEmpty() && !second.isEmpty());

        // Both conversations reach the list, with their last message.
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(first) >= 0 && rowOf(second) >= 0, s_replyTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(modelContainsText(panel()->conversationModel(),
                                                   ConversationListModel::LastMessageColumn,
                                                   QStringLiteral("echo: hello from consumer two")),
                                 s_replyTimeoutMs);

        // Selecting one shows its live transcript: the consumer's line, then the bot's reply.
        QVERIFY(clickConversation(panel(), first));
        TranscriptModel *transcript = panel()->transcriptModel();
        QTRY_COMPARE(transcript->conversationId(), first);
        QTRY_VERIFY_WITH_TIMEOUT(modelContainsText(transcript, 0, QStringLiteral("hello from consumer one")),
                                 s_replyTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(modelContainsText(transcript, 0, QStringLiteral("echo: hello from consumer one")),
                                 s_replyTimeoutMs);
        QVERIFY(!modelContainsText(transcript, 0, QStringLiteral("consumer two")));

        // A new message of the selected conversation arrives while it is shown.
        const int linesBefore = transcript->rowCount();
        QVERIFY(sandboxModel()->consumerText(first, QStringLiteral("second question")).ok());
        QTRY_VERIFY_WITH_TIMEOUT(modelContainsText(transcript, 0, QStringLiteral("echo: second question")),
                                 s_replyTimeoutMs);
        QVERIFY(transcript->rowCount() >= linesBefore + 2);
        QVERIFY(panel()->transcriptView()->isVisible());

        // The search field narrows the list to the matching conversation.
        auto *search = find<QLineEdit>(panel(), QStringLiteral("conversationSearchEdit"));
        QVERIFY(search);
        QTest::keyClicks(search, QStringLiteral("consumer two"));
        QTRY_COMPARE(panel()->conversationFilter()->rowCount(), 1);
        QCOMPARE(panel()->conversationFilter()->index(0, 0).data(ConversationListModel::ConversationIdRole).toString(),
                 second);
        search->clear();
        QTRY_COMPARE(panel()->conversationFilter()->rowCount(), 2);

        // The header counts the open conversations.
        QTRY_VERIFY(find<QLabel>(panel(), QStringLiteral("openConversationsLabel"))->text().contains(QLatin1Char('2')));
    }

    void longTranscriptOpensAtItsNewestLine()
    {
        addIntegrationThroughDialog();
        if (QTest::currentTestFailed()) {
            return;
        }
        const QString id = startConversation(QStringLiteral("line 0"));
        QVERIFY(!id.isEmpty());
        // Twelve exchanges before the operator looks: more than the view shows at once.
        for (int i = 1; i <= 12; ++i) {
            QTRY_VERIFY_WITH_TIMEOUT(modelContainsText(panel()->conversationModel(),
                                                       ConversationListModel::LastMessageColumn,
                                                       QStringLiteral("echo: line %1").arg(i - 1)),
                                     s_replyTimeoutMs);
            QVERIFY(sandboxModel()->consumerText(id, QStringLiteral("line %1").arg(i)).ok());
        }
        QTRY_VERIFY_WITH_TIMEOUT(modelContainsText(panel()->conversationModel(),
                                                   ConversationListModel::LastMessageColumn,
                                                   QStringLiteral("echo: line 12")),
                                 s_replyTimeoutMs);
        QVERIFY(clickConversation(panel(), id));
        TranscriptModel *transcript = panel()->transcriptModel();
        QTRY_VERIFY_WITH_TIMEOUT(!transcript->isLoading() && transcript->rowCount() >= 26, s_replyTimeoutMs);
        TranscriptView *view = panel()->transcriptView();
        QScrollBar *bar = view->verticalScrollBar();
        QTRY_VERIFY(bar->maximum() > 0);
        QTRY_COMPARE(bar->value(), bar->maximum());
        QVERIFY(view->isFollowingTail());
        // The newest line is on screen.
        const QModelIndex last = transcript->index(transcript->rowCount() - 1, 0);
        QVERIFY(view->viewport()->rect().intersects(view->visualRect(last)));
    }

    void escalationThroughTheDialogLeavesTheBot()
    {
        addIntegrationThroughDialog();
        if (QTest::currentTestFailed()) {
            return;
        }
        const QString id = startConversation(QStringLiteral("I need a person"));
        QVERIFY(!id.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(id) >= 0, s_replyTimeoutMs);
        // The skills are known to the session once it is online (for the dialog's picker).
        QTRY_VERIFY_WITH_TIMEOUT(!session()->skills().isEmpty(), s_replyTimeoutMs);
        QVERIFY(hasParticipant(sandboxModel(), id, botUserId()));

        QVERIFY(clickConversation(panel(), id));
        auto *escalateButton = find<QToolButton>(panel(), QStringLiteral("escalateButton"));
        QVERIFY(escalateButton);
        QTRY_VERIFY(escalateButton->isEnabled());
        QTest::mouseClick(escalateButton, Qt::LeftButton);

        EscalationDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = panel()->findChild<EscalationDialog *>(QStringLiteral("escalationDialog"))));
        QTRY_VERIFY(dialog->isVisible());
        auto *skills = find<QComboBox>(dialog, QStringLiteral("escalationSkillCombo"));
        QVERIFY(skills);
        QAbstractItemModelTester skillTester(skills->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        int fallbackIndex = -1;
        for (int i = 0; i < skills->count(); ++i) {
            if (skills->itemData(i).toString() == fallbackSkillId()) {
                fallbackIndex = i;
            }
        }
        QVERIFY2(fallbackIndex >= 0, "the fallback skill is offered");
        skills->setCurrentIndex(fallbackIndex);
        auto *reason = find<QLineEdit>(dialog, QStringLiteral("escalationReasonEdit"));
        QVERIFY(reason);
        QTest::keyClicks(reason, QStringLiteral("consumer asked for a person"));
        auto *handoff = find<QPlainTextEdit>(dialog, QStringLiteral("escalationHandoffEdit"));
        QVERIFY(handoff);
        QTest::keyClicks(handoff, QStringLiteral("A colleague will be with you shortly."));
        auto *ok = find<QPushButton>(dialog, QStringLiteral("escalationOkButton"));
        QVERIFY(ok);
        QTRY_VERIFY(ok->isEnabled());
        QSignalSpy finished(session(), &ConnectorSession::escalationFinished);
        QTest::mouseClick(ok, Qt::LeftButton);

        // The sandbox conversation moved to the human skill without the bot, after the hand-off text.
        QTRY_COMPARE_WITH_TIMEOUT(sandboxModel()->conversation(id)->skillId, fallbackSkillId(), s_replyTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!hasParticipant(sandboxModel(), id, botUserId()), s_replyTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, s_replyTimeoutMs);
        QVERIFY(finished.first().at(1).toBool());
        // The hand-off text reached the consumer before the transfer.
        QTRY_VERIFY([&] {
            for (const Sandbox::Message &message : sandboxModel()->conversation(id)->messages) {
                if (message.fromAgent && message.event.value(QStringLiteral("message")).toString() ==
                                             QLatin1String("A colleague will be with you shortly.")) {
                    return true;
                }
            }
            return false;
        }());

        // The list shows it escalated, and the "Escalated" filter finds it.
        QTRY_COMPARE_WITH_TIMEOUT(panel()
                                      ->conversationModel()
                                      ->index(rowOf(id), 0)
                                      .data(ConversationListModel::StatusRole)
                                      .value<ConversationStatus>(),
                                  ConversationStatus::Escalated,
                                  s_replyTimeoutMs);
        auto *statusFilter = find<QComboBox>(panel(), QStringLiteral("conversationStatusFilter"));
        QVERIFY(statusFilter);
        const int escalatedIndex =
            statusFilter->findData(QVariant::fromValue(ConversationFilterModel::StatusFilter::Escalated));
        QVERIFY(escalatedIndex >= 0);
        statusFilter->setCurrentIndex(escalatedIndex);
        QTRY_COMPARE(panel()->conversationFilter()->rowCount(), 1);
        QTRY_VERIFY(find<QLabel>(panel(), QStringLiteral("escalationsTodayLabel"))->text().contains(QLatin1Char('1')));
        // The dialog closed itself when the transfer finished.
        QTRY_VERIFY(!panel()->findChild<EscalationDialog *>(QStringLiteral("escalationDialog")));
    }

    void failingBotShowsInHealthGraphAndEventLog()
    {
        addIntegrationThroughDialog();
        if (QTest::currentTestFailed()) {
            return;
        }
        // The sandbox panel drives the demo bot over its REST control API, as in `switchboard --sandbox`.
        m_controller = std::make_unique<RestSandboxController>(m_sandbox->describe());
        m_window->setSandboxController(m_controller.get());
        auto *sandboxPanel = find<SandboxPanel>(m_window.get(), QStringLiteral("sandboxPanel"));
        QVERIFY(sandboxPanel);

        // A healthy exchange first, so the graph has a baseline.
        const QString healthy = startConversation(QStringLiteral("all good?"));
        QVERIFY(!healthy.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(healthy) >= 0, s_replyTimeoutMs);

        auto *mode = find<QComboBox>(sandboxPanel, QStringLiteral("sandboxBotModeCombo"));
        QVERIFY(mode);
        mode->setCurrentIndex(mode->findData(QVariant::fromValue(SandboxController::BotMode::Failing)));
        auto *status = find<QSpinBox>(sandboxPanel, QStringLiteral("sandboxBotStatusSpin"));
        QVERIFY(status);
        QVERIFY(status->isEnabled());
        status->setValue(502);
        QSignalSpy modeChanged(m_controller.get(), &SandboxController::botModeChanged);
        QTest::mouseClick(find<QPushButton>(sandboxPanel, QStringLiteral("sandboxBotApplyButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(modeChanged.count(), 1, s_replyTimeoutMs);
        QVERIFY2(modeChanged.first().at(1).toBool(), qPrintable(modeChanged.first().at(2).toString()));

        const QString failing = startConversation(QStringLiteral("are you there?"));
        QVERIFY(!failing.isEmpty());

        // The event log shows the bot's 5xx for that conversation, with its code.
        QAbstractItemModel *log = find<QTreeView>(m_window->eventLogWidget(), QStringLiteral("eventLogView"))->model();
        const auto logHasError = [&] {
            for (int row = 0; row < log->rowCount(); ++row) {
                const QModelIndex index = log->index(row, 0);
                if (index.data(EventLogModel::CodeRole).toString() == QLatin1String("bot.http_5xx") &&
                    index.data(EventLogModel::ConversationIdRole).toString() == failing) {
                    return true;
                }
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(logHasError(), s_replyTimeoutMs);
        QVERIFY(modelContainsText(log, EventLogModel::CodeColumn, QStringLiteral("bot.http_5xx")));

        // The failing bot made the policy escalate the conversation to the fallback skill.
        QTRY_COMPARE_WITH_TIMEOUT(sandboxModel()->conversation(failing)->skillId, fallbackSkillId(), s_replyTimeoutMs);

        // The health graph's data counts the 5xx answers.
        HealthGraphWidget *graph = panel()->healthGraph();
        QVERIFY(graph->isVisible());
        const auto graphCounts5xx = [graph] {
            qint64 failures = 0;
            for (const HealthBucket &bucket : graph->buckets()) {
                failures += bucket.outcomes.at(std::size_t(OutcomeClass::Http5xx));
            }
            return failures;
        };
        QTRY_VERIFY_WITH_TIMEOUT(graphCounts5xx() > 0, s_replyTimeoutMs);
        QVERIFY(session()->health().state != HealthState::Unknown);
    }
};

QTEST_MAIN(TestConsoleE2E)
#include "tst_console_e2e.moc"
