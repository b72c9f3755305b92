// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "IntegrationTransfer.h"

#include <QFile>
#include <QFileDialog>
#include <QMainWindow>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Switchboard;
using Switchboard::Storage::IntegrationDefinition;

class TestIntegrationTransfer : public QObject
{
    Q_OBJECT

private:
    static IntegrationDefinition definition(const QString &name)
    {
        IntegrationDefinition d;
        d.id = IntegrationDefinition::newId();
        d.name = name;
        d.liveperson.accountId = QStringLiteral("12345678");
        d.liveperson.loginName = QStringLiteral("bot");
        d.bot.baseUrl = QStringLiteral("https://bot.example.com");
        d.bot.botId = QStringLiteral("b1");
        d.secrets.insert(QStringLiteral("loginPassword"), d.id + QStringLiteral("/loginPassword"));
        return d;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void roundTripWithoutSecrets()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.json"));
        IntegrationTransfer transfer;
        QSignalSpy exported(&transfer, &IntegrationTransfer::exportFinished);
        const QList<IntegrationDefinition> definitions{definition(QStringLiteral("One")),
                                                       definition(QStringLiteral("Two"))};
        transfer.exportToFile(path, definitions);
        QVERIFY(transfer.isBusy());
        QTRY_COMPARE(exported.count(), 1);
        QVERIFY(exported.first().at(0).toBool());
        QVERIFY(!transfer.isBusy());

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QVERIFY(!content.contains("secrets"));
        QVERIFY(!content.contains("loginPassword"));

        QSignalSpy imported(&transfer, &IntegrationTransfer::importFinished);
        transfer.importFromFile(path);
        QTRY_COMPARE(imported.count(), 1);
        QCOMPARE(imported.first().at(1).toString(), QString());
        const auto read = imported.first().at(0).value<QList<IntegrationDefinition>>();
        QCOMPARE(read.size(), 2);
        IntegrationDefinition expected = definitions.at(1);
        expected.secrets.clear();
        QCOMPARE(read.at(1), expected);
    }

    void badFilesSayWhy_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << QByteArray("{ nope") << QStringLiteral("JSON error");
        QTest::newRow("wrong layout") << QByteArray("[1,2]") << QStringLiteral("\"integrations\" array");
        QTest::newRow("newer schema") << QByteArray("{\"schemaVersion\":99,\"integrations\":[]}")
                                      << QStringLiteral("schemaVersion 99");
        QTest::newRow("bad field") << QByteArray("{\"schemaVersion\":1,\"integrations\":[{\"name\":5}]}")
                                   << QStringLiteral("integrations[0]");
    }

    void badFilesSayWhy()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("in.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        IntegrationTransfer transfer;
        QSignalSpy imported(&transfer, &IntegrationTransfer::importFinished);
        transfer.importFromFile(path);
        QTRY_COMPARE(imported.count(), 1);
        const QString error = imported.first().at(1).toString();
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY(error.contains(path));
    }

    void missingFileSaysWhy()
    {
        IntegrationTransfer transfer;
        QSignalSpy imported(&transfer, &IntegrationTransfer::importFinished);
        transfer.importFromFile(QStringLiteral("/nonexistent/integrations.json"));
        QTRY_COMPARE(imported.count(), 1);
        QVERIFY(imported.first().at(1).toString().contains(QStringLiteral("Cannot read")));
    }

    void fileDialogsDoNotBlock()
    {
        QMainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        IntegrationTransfer transfer;
        transfer.exportWithDialog(&window, {definition(QStringLiteral("One"))});
        // Returned at once: the dialog is open, window-modal, and nothing was written yet.
        auto *dialog = window.findChild<QFileDialog *>(QStringLiteral("exportFileDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(dialog->windowModality(), Qt::WindowModal);
        QVERIFY(!transfer.isBusy());
        dialog->reject();
        QTRY_VERIFY(!window.findChild<QFileDialog *>(QStringLiteral("exportFileDialog")));
    }
};

QTEST_MAIN(TestIntegrationTransfer)
#include "tst_integrationtransfer.moc"
