// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Console.h"
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Switchboard"));
    QApplication::setOrganizationName(QStringLiteral("Switchboard"));
    QApplication::setApplicationVersion(QStringLiteral(SWITCHBOARD_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("dev.switchboard.Switchboard"));

    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("switchboard"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QApplication::installTranslator(&translator);
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Operator console that connects custom bots to LivePerson Conversational Cloud."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption sandboxOption(
        QStringLiteral("sandbox"),
        QApplication::translate("main", "Start the built-in LivePerson sandbox, a demo bot, an integration joining them "
                                        "and simulated consumers."));
    const QCommandLineOption configDirOption(
        QStringLiteral("config-dir"),
        QApplication::translate("main", "Read and write integrations in <dir> instead of the platform location."),
        QStringLiteral("dir"));
    parser.addOption(sandboxOption);
    parser.addOption(configDirOption);
    parser.process(app);

    Switchboard::MainWindow window;
    Switchboard::Console console(&window,
                                 Switchboard::Console::Options{parser.value(configDirOption), parser.isSet(sandboxOption)});
    // Closing the window stops the sessions first (agents away, transcripts flushed), then quits.
    QApplication::setQuitOnLastWindowClosed(false);
    QObject::connect(&app, &QGuiApplication::lastWindowClosed, &console, &Switchboard::Console::shutdown);
    QObject::connect(&console, &Switchboard::Console::shutdownFinished, &app, &QCoreApplication::quit);
    window.show();
    console.start();
    return QApplication::exec();
}
