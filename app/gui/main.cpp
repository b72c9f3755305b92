// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Console.h"
#include "MainWindow.h"
#include "ScreenshotTour.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <memory>

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
    parser.setApplicationDescription(QApplication::translate(
        "main", "Operator console that connects custom bots to LivePerson Conversational Cloud."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption sandboxOption(
        QStringLiteral("sandbox"),
        QApplication::translate("main",
                                "Start the built-in LivePerson sandbox, a demo bot, an integration joining them "
                                "and simulated consumers."));
    const QCommandLineOption configDirOption(
        QStringLiteral("config-dir"),
        QApplication::translate("main", "Read and write integrations in <dir> instead of the platform location."),
        QStringLiteral("dir"));
    // Hidden: scripts/screenshots.sh saves the main views into a directory, then quits.
    QCommandLineOption screenshotOption(QStringLiteral("screenshot-dir"), QString(), QStringLiteral("dir"));
    screenshotOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(sandboxOption);
    parser.addOption(configDirOption);
    parser.addOption(screenshotOption);
    parser.process(app);
    const QString screenshotDir = parser.value(screenshotOption);

    Switchboard::MainWindow window;
    Switchboard::Console::Options options;
    options.configDir = parser.value(configDirOption);
    options.sandbox = parser.isSet(sandboxOption) || !screenshotDir.isEmpty();
    Switchboard::Console console(&window, options);
    // Closing the window stops the sessions first (agents away, transcripts flushed), then quits.
    QApplication::setQuitOnLastWindowClosed(false);
    QObject::connect(&app, &QGuiApplication::lastWindowClosed, &console, &Switchboard::Console::shutdown);
    QObject::connect(&console, &Switchboard::Console::shutdownFinished, &app, &QCoreApplication::quit);
    int exitCode = 0;
    std::unique_ptr<Switchboard::ScreenshotTour> tour;
    if (!screenshotDir.isEmpty()) {
        window.resize(1440, 900);
        tour = std::make_unique<Switchboard::ScreenshotTour>(&window, &console, screenshotDir);
        QObject::connect(tour.get(), &Switchboard::ScreenshotTour::finished, &console, [&console, &exitCode](bool ok) {
            exitCode = ok ? 0 : 1;
            console.shutdown();
        });
    }
    window.show();
    console.start();
    if (tour) {
        tour->start();
    }
    const int loopCode = QApplication::exec();
    return loopCode != 0 ? loopCode : exitCode;
}
