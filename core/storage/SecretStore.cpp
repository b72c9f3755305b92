// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecretStore.h"

namespace Switchboard::Storage
{

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{
}

SecretStore::~SecretStore() = default;

QString SecretStore::keyFor(const QString &integrationId, const QString &field)
{
    return integrationId + QLatin1Char('/') + field;
}

QString SecretStore::notFoundMessage(const QString &key)
{
    return tr("No secret is stored in the keychain under \"%1\". Enter the secret again in the "
              "integration's settings.")
        .arg(key);
}

} // namespace Switchboard::Storage
