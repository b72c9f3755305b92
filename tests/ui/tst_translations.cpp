// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The German translation: every message of resources/translations/switchboard_de.ts is translated
// with the same placeholders and at most one accelerator, and the built .qm turns the real main
// window German.
#include "MainWindow.h"

#include <QFile>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace Switchboard;

namespace
{
struct Message
{
    QString context;
    QString source;
    QString translation;
    bool unfinished = false;
};

QList<Message> readTs(const QString &path, QString *error)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            continue;
        }
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            current = Message{context, {}, {}, false};
        } else if (xml.name() == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            current.unfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
            current.translation = xml.readElementText();
            messages.append(current);
        }
    }
    if (xml.hasError()) {
        *error = xml.errorString();
    }
    return messages;
}

QStringList placeholders(const QString &text)
{
    QStringList found;
    static const QRegularExpression pattern(QStringLiteral("%\\d"));
    for (auto it = pattern.globalMatch(text); it.hasNext();) {
        found.append(it.next().captured());
    }
    found.sort();
    return found;
}

int accelerators(const QString &text)
{
    return int(QString(text).remove(QStringLiteral("&&")).count(QLatin1Char('&')));
}
} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void everyMessageIsTranslated()
    {
        QString error;
        const QList<Message> messages =
            readTs(QStringLiteral(SWITCHBOARD_SOURCE_DIR "/resources/translations/switchboard_de.ts"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(messages.size() > 300);
        for (const Message &message : messages) {
            const QByteArray where = (message.context + QStringLiteral(": ") + message.source).toUtf8();
            QVERIFY2(!message.unfinished && !message.translation.isEmpty(), where.constData());
            QVERIFY2(placeholders(message.source) == placeholders(message.translation), where.constData());
            QVERIFY2(accelerators(message.source) == accelerators(message.translation), where.constData());
        }
    }

    void mainWindowSpeaksGerman()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(SWITCHBOARD_BINARY_DIR "/app/switchboard_de.qm")));
        QVERIFY(QCoreApplication::installTranslator(&translator));
        {
            MainWindow window;
            QStringList menus;
            for (QAction *action : window.menuBar()->actions()) {
                menus.append(action->text());
            }
            QCOMPARE(menus,
                     (QStringList{
                         QStringLiteral("&Integration"), QStringLiteral("&Konversation"), QStringLiteral("&Ansicht")}));
            auto *add = window.findChild<QPushButton *>(QStringLiteral("addIntegrationButton"));
            QVERIFY(add);
            QCOMPARE(add->text(), QStringLiteral("Integration hinzufügen…"));
            QCOMPARE(window.windowTitle(), QStringLiteral("Switchboard"));
        }
        QCoreApplication::removeTranslator(&translator);
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
