// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QObject>

namespace Switchboard::Sandbox
{

class HttpServer;
class StateModel;

/**
 * The Domain API (CSDS, reference §1): GET /api/account/{acct}/service/baseURI.json lists every
 * service as "127.0.0.1:<port>" of the port the request came in on, so TLS clients get the TLS
 * port and --plain clients the plain one. The single-service form answers one
 * {service, account, baseURI} object (UNCONFIRMED shape, reference §1).
 *
 * Owned by Emulator; emulator thread.
 */
class DomainApi final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DomainApi)

public:
    DomainApi(StateModel *model, HttpServer *server, QObject *parent = nullptr);

    /** The service names listed by CSDS. */
    static QStringList serviceNames();
    /** The baseURIs array for @p accountId with every service at 127.0.0.1:@p port. */
    static QJsonArray baseUris(const QString &accountId, quint16 port);

private:
    StateModel *m_model;
};

} // namespace Switchboard::Sandbox
