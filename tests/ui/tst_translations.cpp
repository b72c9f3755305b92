// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The German translation: every message of resources/translations/switchboard_de.ts is translated
// with the same placeholders and at most one accelerator, the catalogue holds exactly the messages
// lupdate finds in the sources, and the built .qm turns the real main window and core's errors and
// states German.
#include "MainWindow.h"
#include "bot/ReplyParser.h"
#include "connector/ConnectorTypes.h"
#include "liveperson/LoginClient.h"
#include "storage/IntegrationDefinition.h"

#include <QFile>
#include <QJsonDocument>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
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
    /** One entry, or one per plural form of a %n message. */
    QStringList translations;
    bool unfinished = false;
};

const QString s_tsPath = QStringLiteral(SWITCHBOARD_SOURCE_DIR "/resources/translations/switchboard_de.ts");
const QString s_qmPath = QStringLiteral(SWITCHBOARD_BINARY_DIR "/app/switchboard_de.qm");

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
            // A plural (%n) message holds one <numerusform> per form, the others the text itself.
            QString text;
            while (xml.readNext() != QXmlStreamReader::EndElement && !xml.atEnd()) {
                if (xml.isStartElement()) {
                    current.translations.append(xml.readElementText());
                } else if (xml.isCharacters()) {
                    text += xml.text();
                }
            }
            if (current.translations.isEmpty()) {
                current.translations.append(text);
            }
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
        const QList<Message> messages = readTs(s_tsPath, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // The UI's and app's messages plus core's (storage, liveperson, bot, connector).
        QVERIFY(messages.size() > 800);
        for (const Message &message : messages) {
            const QByteArray where = (message.context + QStringLiteral(": ") + message.source).toUtf8();
            QVERIFY2(!message.unfinished && !message.translations.isEmpty(), where.constData());
            for (const QString &translation : message.translations) {
                QVERIFY2(!translation.trimmed().isEmpty(), where.constData());
                QVERIFY2(placeholders(message.source) == placeholders(translation), where.constData());
                QVERIFY2(accelerators(message.source) == accelerators(translation), where.constData());
            }
        }
    }

    // lupdate over the sources the switchboard_lupdate target scans (on a copy of the catalogue)
    // must find exactly the catalogue's messages: a new or changed tr() text fails here until
    // `cmake --build <build> --target switchboard_lupdate` has run and the text is translated.
    void catalogueMatchesTheSources()
    {
        QFile argsFile(QStringLiteral(SWITCHBOARD_LUPDATE_ARGS));
        QVERIFY2(argsFile.open(QIODevice::ReadOnly | QIODevice::Text), qPrintable(argsFile.errorString()));
        QStringList arguments = QString::fromUtf8(argsFile.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(arguments.size() > 100);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString copy = dir.filePath(QStringLiteral("switchboard_de.ts"));
        QVERIFY(QFile::copy(s_tsPath, copy));
        QVERIFY(QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner));
        arguments << QStringLiteral("-no-obsolete") << QStringLiteral("-ts") << copy;
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(SWITCHBOARD_LUPDATE), arguments);
        QVERIFY2(lupdate.waitForFinished(120000), qPrintable(lupdate.errorString()));
        const QByteArray output = lupdate.readAll();
        QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, output.constData());

        QString error;
        const QList<Message> before = readTs(s_tsPath, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QList<Message> after = readTs(copy, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const auto keys = [](const QList<Message> &messages) {
            QSet<QString> set;
            for (const Message &message : messages) {
                set.insert(message.context + QStringLiteral(": ") + message.source);
            }
            return set;
        };
        const QSet<QString> stale = keys(before) - keys(after);
        const QSet<QString> missing = keys(after) - keys(before);
        QVERIFY2(stale.isEmpty(),
                 qPrintable(QStringLiteral("no longer in the sources: ") + stale.values().join(u" | ")));
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("not in the catalogue: ") + missing.values().join(u" | ")));
        for (const Message &message : after) {
            QVERIFY2(!message.unfinished, qPrintable(message.context + QStringLiteral(": ") + message.source));
        }
    }

    // Core's operator-visible texts, produced by real core code, come out German once the .qm is
    // installed: class and namespace-scope tr() contexts alike.
    void coreMessagesSpeakGerman()
    {
        QTranslator translator;
        QVERIFY(translator.load(s_qmPath));
        QVERIFY(QCoreApplication::installTranslator(&translator));

        // storage: an integration definition's validation error.
        const auto parsed =
            Storage::IntegrationDefinition::parse(QJsonDocument::fromJson(R"({"name": 5, "enabled": "yes"})").object());
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().message.contains(QStringLiteral("name: muss ein String sein")),
                 qPrintable(parsed.error().message));
        QVERIFY2(parsed.error().message.contains(QStringLiteral("enabled: muss true oder false sein")),
                 qPrintable(parsed.error().message));

        // bot: reply validation, in ReplyParser's members and in its namespace-scope helpers.
        const Bot::ReplyParseResult empty = Bot::ReplyParser::parseBody(QByteArray(), {});
        QCOMPARE(empty.error.message, QStringLiteral("Der Bot hat mit einem leeren Body geantwortet."));
        const Bot::ReplyParseResult badMetadata =
            Bot::ReplyParser::parseBody(R"({"response":[{"type":"TEXT","data":{"message":"hi","metadata":[1]}}]})", {});
        QVERIFY2(badMetadata.error.message.endsWith(
                     QStringLiteral(": Metadaten-Einträge müssen Objekte sein, erhalten: number")),
                 qPrintable(badMetadata.error.message));

        // liveperson: the agent credentials' check.
        const Result<Success> credentials = LivePerson::AgentCredentials{}.validate();
        QVERIFY(!credentials.ok());
        QCOMPARE(credentials.error().message, QStringLiteral("Der Anmeldename des Agenten ist leer."));

        // connector: session and endpoint states.
        QCOMPARE(Connector::displayName(Connector::SessionState::Connecting), QStringLiteral("beim Verbindungsaufbau"));
        QCOMPARE(Connector::displayName(Connector::HealthState::Down), QStringLiteral("ausgefallen"));

        QCoreApplication::removeTranslator(&translator);
        // Without the translator core speaks English again.
        QCOMPARE(Bot::ReplyParser::parseBody(QByteArray(), {}).error.message,
                 QStringLiteral("The bot answered with an empty body."));
    }

    void mainWindowSpeaksGerman()
    {
        QTranslator translator;
        QVERIFY(translator.load(s_qmPath));
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
