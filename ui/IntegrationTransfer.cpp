// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "IntegrationTransfer.h"

#include "UiLogging.h"
#include "storage/IntegrationStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

namespace Switchboard
{

using Storage::IntegrationDefinition;

namespace
{
// Plain structs cross the thread boundary: QFuture needs default-constructible results.
struct WriteOutcome
{
    bool ok = false;
    QString message;
};

struct ReadOutcome
{
    QList<IntegrationDefinition> definitions;
    QString error;
};

WriteOutcome writeFile(const QString &path, const QByteArray &content)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return {false,
                QCoreApplication::translate("Switchboard::IntegrationTransfer", "Cannot write “%1”: %2")
                    .arg(path, file.errorString())};
    }
    file.write(content);
    if (!file.commit()) {
        return {false,
                QCoreApplication::translate("Switchboard::IntegrationTransfer", "Cannot write “%1”: %2")
                    .arg(path, file.errorString())};
    }
    return {true, QString()};
}

ReadOutcome readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {{},
                QCoreApplication::translate("Switchboard::IntegrationTransfer", "Cannot read “%1”: %2")
                    .arg(path, file.errorString())};
    }
    if (file.size() > IntegrationTransfer::MaxFileSize) {
        return {{},
                QCoreApplication::translate("Switchboard::IntegrationTransfer",
                                            "“%1” is too big for an integration file (%2 bytes; at most %3).")
                    .arg(path)
                    .arg(file.size())
                    .arg(IntegrationTransfer::MaxFileSize)};
    }
    const auto parsed = IntegrationTransfer::parse(file.readAll());
    if (!parsed) {
        return {
            {},
            QCoreApplication::translate("Switchboard::IntegrationTransfer", "“%1” is not a valid integration file:\n%2")
                .arg(path, parsed.error().message)};
    }
    return {parsed.value(), QString()};
}
} // namespace

IntegrationTransfer::IntegrationTransfer(QObject *parent)
    : QObject(parent)
{
}

IntegrationTransfer::~IntegrationTransfer() = default;

bool IntegrationTransfer::isBusy() const
{
    return m_running > 0;
}

QByteArray IntegrationTransfer::serialize(const QList<IntegrationDefinition> &definitions)
{
    QJsonArray list;
    for (const IntegrationDefinition &definition : definitions) {
        QJsonObject json = definition.toJson();
        json.remove(QStringLiteral("secrets"));
        list.append(json);
    }
    const QJsonObject root{{QStringLiteral("schemaVersion"), Storage::IntegrationStore::CurrentSchemaVersion},
                           {QStringLiteral("integrations"), list}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<QList<IntegrationDefinition>> IntegrationTransfer::parse(const QByteArray &content)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(content, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error{QStringLiteral("ui.import_json"),
                     tr("JSON error at offset %1: %2").arg(parseError.offset).arg(parseError.errorString())};
    }
    const QJsonObject root = document.object();
    const int version = root.value(QStringLiteral("schemaVersion")).toInt(-1);
    if (!document.isObject() || !root.value(QStringLiteral("integrations")).isArray()) {
        return Error{QStringLiteral("ui.import_layout"),
                     tr("expected an object with an \"integrations\" array (as written by Export)")};
    }
    if (version > Storage::IntegrationStore::CurrentSchemaVersion) {
        return Error{QStringLiteral("ui.import_version"),
                     tr("schemaVersion %1 is newer than this version of Switchboard understands (%2)")
                         .arg(version)
                         .arg(Storage::IntegrationStore::CurrentSchemaVersion)};
    }
    QList<IntegrationDefinition> definitions;
    QList<Storage::FieldError> errors;
    const QJsonArray list = root.value(QStringLiteral("integrations")).toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString path = QStringLiteral("integrations[%1]").arg(i);
        if (!list.at(i).isObject()) {
            errors.append({path, tr("must be an object")});
            continue;
        }
        QJsonObject json = list.at(i).toObject();
        // A hand-edited file may carry keychain entry names; they mean nothing on this machine.
        json.remove(QStringLiteral("secrets"));
        IntegrationDefinition definition = IntegrationDefinition::fromJson(json, path, &errors);
        definition.secrets.clear();
        definitions.append(definition);
    }
    if (!errors.isEmpty()) {
        return Error{QStringLiteral("ui.import_invalid"), IntegrationDefinition::joinErrors(errors)};
    }
    return definitions;
}

void IntegrationTransfer::exportToFile(const QString &path, const QList<IntegrationDefinition> &definitions)
{
    ++m_running;
    auto *watcher = new QFutureWatcher<WriteOutcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        --m_running;
        const WriteOutcome outcome = watcher->result();
        watcher->deleteLater();
        qCInfo(lcUi) << "integrations exported" << outcome.ok;
        Q_EMIT exportFinished(outcome.ok,
                              outcome.ok ? tr("Integrations exported to “%1” (without secrets).").arg(path)
                                         : outcome.message);
    });
    // Serialising is cheap; the disk write is what must stay off the UI thread.
    watcher->setFuture(QtConcurrent::run(writeFile, path, serialize(definitions)));
}

void IntegrationTransfer::importFromFile(const QString &path)
{
    ++m_running;
    auto *watcher = new QFutureWatcher<ReadOutcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        --m_running;
        const ReadOutcome outcome = watcher->result();
        watcher->deleteLater();
        qCInfo(lcUi) << "integrations imported" << outcome.definitions.size() << "error" << !outcome.error.isEmpty();
        Q_EMIT importFinished(outcome.definitions, outcome.error);
    });
    watcher->setFuture(QtConcurrent::run(readFile, path));
}

void IntegrationTransfer::exportWithDialog(QWidget *window, const QList<IntegrationDefinition> &definitions)
{
    auto *dialog = new QFileDialog(window,
                                   tr("Export Integrations"),
                                   QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
                                   tr("Integration files (*.json)"));
    dialog->setObjectName(QStringLiteral("exportFileDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("json"));
    dialog->selectFile(QStringLiteral("integrations.json"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this, definitions](const QString &path) {
        exportToFile(path, definitions);
    });
    dialog->open();
}

void IntegrationTransfer::importWithDialog(QWidget *window)
{
    auto *dialog = new QFileDialog(window,
                                   tr("Import Integrations"),
                                   QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
                                   tr("Integration files (*.json);;All files (*)"));
    dialog->setObjectName(QStringLiteral("importFileDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &IntegrationTransfer::importFromFile);
    dialog->open();
}

} // namespace Switchboard
