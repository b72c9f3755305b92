// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/IntegrationDefinition.h"

#include <QList>
#include <QObject>
#include <QPointer>

class QWidget;

namespace Switchboard
{

/**
 * Import and export of integration definitions as a JSON file — never with secrets: the file
 * holds `{"schemaVersion": 1, "integrations": [ … ]}` with each definition's `secrets` removed,
 * and an imported definition comes back with an empty secrets map (the operator enters the
 * secrets in the integration dialog).
 *
 * The file dialogs open with open() (never exec()); reading and writing run on the thread pool
 * and report back through exportFinished() / importFinished() on this object's thread. If this
 * object is destroyed first, the result is dropped. The caller adds imported definitions to its
 * IntegrationStore (they keep their ids; give a new id to one that already exists).
 */
class IntegrationTransfer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IntegrationTransfer)

public:
    /** Files bigger than this are refused on import. */
    static constexpr qint64 MaxFileSize = 8 * 1024 * 1024;

    explicit IntegrationTransfer(QObject *parent = nullptr);
    ~IntegrationTransfer() override;

    /** Asks for a file name (a save dialog over @p window), then writes @p definitions to it. */
    void exportWithDialog(QWidget *window, const QList<Storage::IntegrationDefinition> &definitions);
    /** Asks for a file (an open dialog over @p window), then reads it. */
    void importWithDialog(QWidget *window);

    /** Writes @p definitions to @p path off the UI thread; answered by exportFinished(). */
    void exportToFile(const QString &path, const QList<Storage::IntegrationDefinition> &definitions);
    /** Reads @p path off the UI thread; answered by importFinished(). */
    void importFromFile(const QString &path);
    bool isBusy() const;

    /** The file content for @p definitions, secrets removed (pure; any thread). */
    static QByteArray serialize(const QList<Storage::IntegrationDefinition> &definitions);
    /** Parses a file's content (pure; any thread). The error lists every bad field. */
    static Result<QList<Storage::IntegrationDefinition>> parse(const QByteArray &content);

Q_SIGNALS:
    void exportFinished(bool ok, const QString &message);
    /** @p error is empty on success; then @p definitions holds what the file had. */
    void importFinished(const QList<Switchboard::Storage::IntegrationDefinition> &definitions, const QString &error);

private:
    int m_running = 0;
};

} // namespace Switchboard
