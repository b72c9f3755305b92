// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"
#include "SandboxController.h"
#include "SandboxPanel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

using namespace Switchboard;

namespace
{
// Records commands and answers them on a later event-loop turn, like the REST-backed controller.
class FakeSandboxController final : public SandboxController
{
public:
    using SandboxController::SandboxController;

    void addConsumer(const QString &displayName) override
    {
        calls.append(QStringLiteral("addConsumer:") + displayName);
        const QString id = QStringLiteral("conv-%1").arg(++m_next);
        QMetaObject::invokeMethod(
            this,
            [this, id, displayName] { Q_EMIT consumerAdded(true, id, displayName, QString()); },
            Qt::QueuedConnection);
    }
    void sendConsumerMessage(const QString &conversationId, const QString &text) override
    {
        calls.append(QStringLiteral("send:%1:%2").arg(conversationId, text));
        QMetaObject::invokeMethod(
            this,
            [this, conversationId] { Q_EMIT consumerMessageSent(conversationId, true, QString()); },
            Qt::QueuedConnection);
    }
    void closeConversation(const QString &conversationId) override
    {
        calls.append(QStringLiteral("close:") + conversationId);
        QMetaObject::invokeMethod(
            this,
            [this, conversationId] { Q_EMIT conversationClosed(conversationId, true, QString()); },
            Qt::QueuedConnection);
    }
    void injectFault(FaultKind kind, const QVariantMap &params) override
    {
        calls.append(QStringLiteral("fault:%1").arg(int(kind)));
        lastParams = params;
        const bool ok =
            kind != FaultKind::KickSession || !params.value(QStringLiteral("loginName")).toString().isEmpty();
        QMetaObject::invokeMethod(
            this,
            [this, kind, ok] {
                Q_EMIT faultInjected(
                    kind, ok, ok ? QStringLiteral("applied") : QStringLiteral("loginName is required"));
            },
            Qt::QueuedConnection);
    }
    void setBotMode(BotMode mode, const QVariantMap &params) override
    {
        calls.append(QStringLiteral("bot:%1").arg(int(mode)));
        lastParams = params;
        QMetaObject::invokeMethod(
            this, [this, mode] { Q_EMIT botModeChanged(mode, true, QString()); }, Qt::QueuedConnection);
    }

    QStringList calls;
    QVariantMap lastParams;

private:
    int m_next = 0;
};
} // namespace

class TestSandboxPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void consumersTypeAndClose()
    {
        FakeSandboxController controller;
        SandboxPanel panel(&controller);
        QAbstractItemModelTester tester(panel.findChild<QListView *>(QStringLiteral("sandboxConsumerList"))->model(),
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto *send = panel.findChild<QPushButton *>(QStringLiteral("sandboxSendButton"));
        QVERIFY(!send->isEnabled());

        QTest::keyClicks(panel.findChild<QLineEdit *>(QStringLiteral("sandboxConsumerNameEdit")),
                         QStringLiteral("Ada"));
        QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("sandboxAddConsumerButton")), Qt::LeftButton);
        QCOMPARE(controller.calls, QStringList{QStringLiteral("addConsumer:Ada")});
        QTRY_COMPARE(panel.selectedConversationId(), QStringLiteral("conv-1"));
        QCOMPARE(panel.findChild<QListView *>(QStringLiteral("sandboxConsumerList"))->model()->rowCount(), 1);

        auto *message = panel.findChild<QLineEdit *>(QStringLiteral("sandboxMessageEdit"));
        QTest::keyClicks(message, QStringLiteral("I need a refund"));
        QVERIFY(send->isEnabled());
        QTest::keyClick(message, Qt::Key_Return);
        QCOMPARE(controller.calls.last(), QStringLiteral("send:conv-1:I need a refund"));
        QVERIFY(message->text().isEmpty());
        QTRY_VERIFY(panel.resultLog().contains(QStringLiteral("Sent to conv-1")));

        QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("sandboxCloseConversationButton")),
                          Qt::LeftButton);
        QCOMPARE(controller.calls.last(), QStringLiteral("close:conv-1"));
        QTRY_COMPARE(panel.findChild<QListView *>(QStringLiteral("sandboxConsumerList"))->model()->rowCount(), 0);
    }

    void faultsAndBotModes()
    {
        FakeSandboxController controller;
        SandboxPanel panel(&controller);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("sandboxDropSocketsButton")), Qt::LeftButton);
        QCOMPARE(controller.calls.last(),
                 QStringLiteral("fault:%1").arg(int(SandboxController::FaultKind::DropSockets)));
        QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("sandboxRevokeTokensButton")), Qt::LeftButton);
        QCOMPARE(controller.calls.last(),
                 QStringLiteral("fault:%1").arg(int(SandboxController::FaultKind::RevokeTokens)));

        // A refused fault shows why.
        QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("sandboxKickButton")), Qt::LeftButton);
        QTRY_VERIFY(panel.resultLog().contains(QStringLiteral("Fault refused: loginName is required")));

        auto *route = panel.findChild<QComboBox *>(QStringLiteral("sandboxHttpRouteCombo"));
        route->setCurrentIndex(route->findText(QStringLiteral("login")));
        panel.findChild<QSpinBox *>(QStringLiteral("sandboxHttpStatusSpin"))->setValue(401);
        QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("sandboxHttpFaultButton")), Qt::LeftButton);
        QCOMPARE(controller.lastParams.value(QStringLiteral("route")).toString(), QStringLiteral("login"));
        QCOMPARE(controller.lastParams.value(QStringLiteral("status")).toInt(), 401);

        auto *mode = panel.findChild<QComboBox *>(QStringLiteral("sandboxBotModeCombo"));
        mode->setCurrentIndex(mode->findData(QVariant::fromValue(SandboxController::BotMode::Slow)));
        auto *delay = panel.findChild<QSpinBox *>(QStringLiteral("sandboxBotDelaySpin"));
        QVERIFY(delay->isEnabled());
        delay->setValue(4500);
        QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("sandboxBotApplyButton")), Qt::LeftButton);
        QCOMPARE(controller.calls.last(), QStringLiteral("bot:%1").arg(int(SandboxController::BotMode::Slow)));
        QCOMPARE(controller.lastParams.value(QStringLiteral("delayMs")).toInt(), 4500);
        QTRY_VERIFY(panel.resultLog().contains(QStringLiteral("Demo bot behaviour changed")));
    }

    void mainWindowDocksIt()
    {
        FakeSandboxController controller;
        MainWindow window;
        window.setSandboxController(&controller);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *dock = window.findChild<QDockWidget *>(QStringLiteral("sandboxDock"));
        QVERIFY(dock);
        QVERIFY(dock->isVisible());
        QVERIFY(dock->findChild<SandboxPanel *>());
    }
};

QTEST_MAIN(TestSandboxPanel)
#include "tst_sandboxpanel.moc"
