// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer entry for integrations.json (core/storage/IntegrationStore::load → JSON parse error
// positions, schema version and migration, IntegrationDefinition::fromJson per entry). The file is
// hand-editable, so any bytes may be in it. Each input is written to a private temporary
// directory (on /dev/shm when there is one) and loaded by a fresh store. Checks: a failed load
// says why and leaves the store read-only; a store that loaded cleanly holds only definitions
// that validate, with distinct ids, and each one survives toJson() → fromJson() unchanged.
#include "storage/IntegrationStore.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSet>
#include <QTemporaryDir>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace
{
using namespace Switchboard;
using namespace Switchboard::Storage;

void check(bool condition)
{
    if (!condition) {
        std::abort();
    }
}

const QTemporaryDir &workDir()
{
    static const std::unique_ptr<QTemporaryDir> dir = [] {
        // Every load logs its outcome; millions of lines would drown the fuzzer's own output.
        QLoggingCategory::setFilterRules(QStringLiteral("switchboard.*=false"));
        const QString shm = QStringLiteral("/dev/shm");
        auto made = QDir(shm).exists() ? std::make_unique<QTemporaryDir>(shm + QStringLiteral("/sb-fuzz-XXXXXX"))
                                       : std::make_unique<QTemporaryDir>();
        check(made->isValid());
        return made;
    }();
    return *dir;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString dirPath = workDir().path();
    {
        QFile file(QDir(dirPath).filePath(IntegrationStore::fileName()));
        check(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        check(file.write(reinterpret_cast<const char *>(data), static_cast<qint64>(size)) == qint64(size));
    }
    IntegrationStore store(dirPath);
    const VoidResult loaded = store.load();
    if (std::getenv("SWITCHBOARD_FUZZ_VERBOSE")) {
        const QByteArray why = loaded.ok() ? QByteArray() : loaded.error().message.left(200).toUtf8();
        std::fprintf(stderr, "load: %s, %lld definition(s) %s\n", loaded.ok() ? "ok" : "failed",
                     static_cast<long long>(store.integrations().size()), why.constData());
    }
    if (!loaded.ok()) {
        check(!loaded.error().code.isEmpty() && !loaded.error().message.isEmpty());
        check(store.isReadOnly() && !store.readOnlyReason().isEmpty());
    } else {
        check(!store.isReadOnly());
    }
    QSet<QString> ids;
    for (const IntegrationDefinition &definition : store.integrations()) {
        // Even a read-only store keeps only the definitions that were valid.
        check(definition.validate().isEmpty());
        check(!ids.contains(definition.id));
        ids.insert(definition.id);
        const QJsonObject json = definition.toJson();
        QList<FieldError> errors;
        const IntegrationDefinition again = IntegrationDefinition::fromJson(json, QString(), &errors);
        check(errors.isEmpty());
        check(again.toJson() == json);
    }
    return 0;
}
