// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Switchboard;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void emptyStateExplainsHowToStart()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        auto *emptyState = window.findChild<QWidget *>(QStringLiteral("emptyState"));
        QVERIFY(emptyState);
        QVERIFY(emptyState->isVisible());
        auto *text = window.findChild<QLabel *>(QStringLiteral("emptyStateText"));
        QVERIFY(text);
        QVERIFY(text->text().contains(QStringLiteral("sandbox")));
        QVERIFY(text->text().contains(QStringLiteral("integration")));
    }

    void buttonsAskForTheirActions()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy addSpy(&window, &MainWindow::addIntegrationRequested);
        QSignalSpy sandboxSpy(&window, &MainWindow::sandboxRequested);

        auto *addButton = window.findChild<QPushButton *>(QStringLiteral("addIntegrationButton"));
        auto *sandboxButton = window.findChild<QPushButton *>(QStringLiteral("startSandboxButton"));
        QVERIFY(addButton);
        QVERIFY(sandboxButton);
        QVERIFY(!addButton->accessibleName().isEmpty());
        QTest::mouseClick(addButton, Qt::LeftButton);
        QCOMPARE(addSpy.count(), 1);
        QCOMPARE(sandboxSpy.count(), 0);
        QTest::mouseClick(sandboxButton, Qt::LeftButton);
        QCOMPARE(sandboxSpy.count(), 1);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
