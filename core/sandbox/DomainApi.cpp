// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DomainApi.h"

#include "HttpServer.h"
#include "StateModel.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace Switchboard::Sandbox
{

DomainApi::DomainApi(StateModel *model, HttpServer *server, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
    const auto unknownAccount = [](const QString &account) {
        // The real Domain API answers 4xx for an unknown site; the body shape follows LP's REST errors.
        return HttpResponse::lpError(
            404, QCoreApplication::translate("Sandbox", "Unknown account \"%1\".").arg(account), 404);
    };
    server->addRoute("GET",
                     QStringLiteral("/api/account/([^/]+)/service/baseURI\\.json"),
                     QStringLiteral("csds"),
                     [this, unknownAccount](const HttpRequest &r) {
                         if (r.args.value(0) != m_model->accountId()) {
                             return unknownAccount(r.args.value(0));
                         }
                         return HttpResponse::json(
                             QJsonObject{{QStringLiteral("baseURIs"), baseUris(m_model->accountId(), r.localPort)}});
                     });
    // Single-service form. UNCONFIRMED (reference §1): the docs example shows the baseURIs array,
    // the agent sample app reads a top-level baseURI; the lenient emulator answers one object.
    server->addRoute(
        "GET",
        QStringLiteral("/api/account/([^/]+)/service/([^/]+)/baseURI\\.json"),
        QStringLiteral("csds"),
        [this, unknownAccount](const HttpRequest &r) {
            if (r.args.value(0) != m_model->accountId()) {
                return unknownAccount(r.args.value(0));
            }
            const QString service = r.args.value(1);
            if (!serviceNames().contains(service)) {
                return HttpResponse::lpError(
                    404, QCoreApplication::translate("Sandbox", "Unknown service \"%1\".").arg(service), 404);
            }
            return HttpResponse::json(
                QJsonObject{{QStringLiteral("service"), service},
                            {QStringLiteral("account"), m_model->accountId()},
                            {QStringLiteral("baseURI"), QStringLiteral("127.0.0.1:%1").arg(r.localPort)}});
        });
}

QStringList DomainApi::serviceNames()
{
    return {QStringLiteral("agentVep"),
            QStringLiteral("asyncMessagingEnt"),
            QStringLiteral("facadeMsg"),
            QStringLiteral("accountConfigReadOnly"),
            QStringLiteral("accountConfigReadWrite"),
            QStringLiteral("sentinel"),
            QStringLiteral("msgHist"),
            QStringLiteral("leDataReporting"),
            QStringLiteral("liveEngageUI")};
}

QJsonArray DomainApi::baseUris(const QString &accountId, quint16 port)
{
    QJsonArray list;
    const QString host = QStringLiteral("127.0.0.1:%1").arg(port);
    for (const QString &service : serviceNames()) {
        list.append(QJsonObject{{QStringLiteral("service"), service},
                                {QStringLiteral("account"), accountId},
                                {QStringLiteral("baseURI"), host}});
    }
    return list;
}

} // namespace Switchboard::Sandbox
