// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDir>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <memory>

namespace Switchboard::Storage
{
class MemorySecretStore;
}

namespace Switchboard
{
class Console;
class MainWindow;

/**
 * The hidden `--screenshot-dir DIR` mode of `switchboard --sandbox` (used by scripts/screenshots.sh):
 * waits until the sandbox's simulated consumers have filled the window, then saves the main views
 * with QWidget::grab() — the main window with a live transcript, the integration and escalation
 * dialogs, the health graph and the sandbox panel with the event log — and emits finished().
 *
 * Each step waits for a condition (polled on the event loop, never a sleep) with a time limit, so
 * the pictures show data rather than empty panels. Lives on the UI thread; owns nothing it shows.
 */
class ScreenshotTour final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScreenshotTour)

public:
    ScreenshotTour(MainWindow *window, Console *console, const QString &directory, QObject *parent = nullptr);
    ~ScreenshotTour() override;

    void start();

Q_SIGNALS:
    /** The tour ended; @p ok is false when a step timed out or a file could not be written. */
    void finished(bool ok);

private:
    struct Step
    {
        QString name;
        std::function<bool()> ready;
        std::function<void()> run;
        int timeoutMs = 60000;
    };

    void addStep(const QString &name, std::function<bool()> ready, std::function<void()> run, int timeoutMs = 60000);
    void poll();
    bool save(QWidget *widget, const QString &fileName);

    QPointer<MainWindow> m_window;
    QPointer<Console> m_console;
    QDir m_directory;
    QList<Step> m_steps;
    qsizetype m_current = 0;
    qint64 m_stepStartedMs = 0;
    QTimer m_poll;
    bool m_ok = true;
    QString m_conversationId;
    std::unique_ptr<Storage::MemorySecretStore> m_demoSecrets;
};

} // namespace Switchboard
