// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "connector/LiveConnectionTest.h"
#include "connector/SessionFactory.h"
#include "storage/IntegrationStore.h"
#include "storage/KeychainSecretStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMetaEnum>
#include <QProcessEnvironment>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace Switchboard::Cli
{

namespace
{
using Storage::IntegrationDefinition;
namespace SecretField = Storage::SecretField;

QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

void printError(const QString &message)
{
    std::fprintf(stderr, "%s\n", qPrintable(message));
}

/** Secret field → environment variable read by add/edit. */
const QList<std::pair<QLatin1String, const char *>> &secretVariables()
{
    static const QList<std::pair<QLatin1String, const char *>> variables{
        {SecretField::LoginPassword, "SWITCHBOARD_LOGIN_PASSWORD"},
        {SecretField::OAuthClientId, "SWITCHBOARD_OAUTH_CLIENT_ID"},
        {SecretField::OAuthClientSecret, "SWITCHBOARD_OAUTH_CLIENT_SECRET"},
        {SecretField::AppJwtClientId, "SWITCHBOARD_APP_CLIENT_ID"},
        {SecretField::AppJwtClientSecret, "SWITCHBOARD_APP_CLIENT_SECRET"},
        {SecretField::WebhookSigningSecret, "SWITCHBOARD_WEBHOOK_SIGNING_SECRET"},
        {SecretField::CallbackToken, "SWITCHBOARD_CALLBACK_TOKEN"},
    };
    return variables;
}

struct Options
{
    QCommandLineOption configDir{QStringLiteral("config-dir"), tr("Integrations file directory."), QStringLiteral("dir")};
    QCommandLineOption json{QStringLiteral("json"), tr("list: print JSON (never with secrets).")};
    QCommandLineOption name{QStringLiteral("name"), tr("Display name."), QStringLiteral("text")};
    QCommandLineOption account{QStringLiteral("account"), tr("LivePerson account id."), QStringLiteral("id")};
    QCommandLineOption csds{QStringLiteral("csds"), tr("Domain API host[:port] (default adminlogin.liveperson.net)."),
                            QStringLiteral("host")};
    QCommandLineOption channel{QStringLiteral("channel"), tr("messaging or chat."), QStringLiteral("channel")};
    QCommandLineOption loginType{QStringLiteral("login-type"), tr("password or oauth2."), QStringLiteral("type")};
    QCommandLineOption loginName{QStringLiteral("login-name"), tr("The bot's agent user name."), QStringLiteral("name")};
    QCommandLineOption caFile{QStringLiteral("ca-file"), tr("Extra trusted CA certificate (PEM), e.g. the sandbox's."),
                              QStringLiteral("file")};
    QCommandLineOption protocol{QStringLiteral("protocol"), tr("customEndpoint or webhook."), QStringLiteral("protocol")};
    QCommandLineOption baseUrl{QStringLiteral("base-url"), tr("Custom Endpoint base URL."), QStringLiteral("url")};
    QCommandLineOption botId{QStringLiteral("bot-id"), tr("Custom Endpoint bot id."), QStringLiteral("id")};
    QCommandLineOption environment{QStringLiteral("environment"), tr("Custom Endpoint environment (default draft)."),
                                   QStringLiteral("name")};
    QCommandLineOption webhookUrl{QStringLiteral("webhook-url"), tr("Webhook URL."), QStringLiteral("url")};
    QCommandLineOption callbackAddress{QStringLiteral("callback-address"), tr("Webhook callback server address."),
                                       QStringLiteral("address")};
    QCommandLineOption callbackPort{QStringLiteral("callback-port"), tr("Webhook callback server port."),
                                    QStringLiteral("port")};
    QCommandLineOption botSkill{QStringLiteral("bot-skill"), tr("The bot's own skill id."), QStringLiteral("id")};
    QCommandLineOption fallbackSkill{QStringLiteral("fallback-skill"), tr("Fallback skill id for escalations."),
                                     QStringLiteral("id")};
    QCommandLineOption timeout{QStringLiteral("timeout-ms"), tr("Bot request timeout."), QStringLiteral("ms")};
    QCommandLineOption attempts{QStringLiteral("attempts"), tr("Bot call attempts."), QStringLiteral("n")};
    QCommandLineOption burstWindow{QStringLiteral("burst-window-ms"), tr("Combine consumer bursts within this window."),
                                   QStringLiteral("ms")};
    QCommandLineOption enabled{QStringLiteral("enabled"), tr("true or false."), QStringLiteral("bool")};
    QCommandLineOption surveyBot{QStringLiteral("survey-bot"),
                                 tr("true: a post-conversation survey bot (answers POST_SURVEY dialogs)."),
                                 QStringLiteral("bool")};
    QCommandLineOption sendWelcome{QStringLiteral("send-welcome"),
                                   tr("true: send the bot a welcome (conversation start) event when it joins."),
                                   QStringLiteral("bool")};
    QCommandLineOption secretsStdin{QStringLiteral("secrets-stdin"),
                                    tr("Read secrets from standard input as field=value lines.")};

    QList<QCommandLineOption> all() const
    {
        return {configDir, json, name, account, csds, channel, loginType, loginName, caFile, protocol, baseUrl, botId,
                environment, webhookUrl, callbackAddress, callbackPort, botSkill, fallbackSkill, timeout, attempts,
                burstWindow, enabled, surveyBot, sendWelcome, secretsStdin};
    }
};

/** Applies the options given on the command line to a definition; errors name the option. */
QStringList apply(const QCommandLineParser &parser, const Options &o, IntegrationDefinition &d)
{
    QStringList errors;
    const auto set = [&](const QCommandLineOption &option, QString &field) {
        if (parser.isSet(option)) {
            field = parser.value(option);
        }
    };
    set(o.name, d.name);
    set(o.account, d.liveperson.accountId);
    set(o.csds, d.liveperson.csdsDomain);
    set(o.loginName, d.liveperson.loginName);
    set(o.caFile, d.liveperson.caFile);
    set(o.baseUrl, d.bot.baseUrl);
    set(o.botId, d.bot.botId);
    set(o.environment, d.bot.environment);
    set(o.webhookUrl, d.bot.webhookUrl);
    set(o.callbackAddress, d.bot.callbackAddress);
    set(o.botSkill, d.routing.botSkillId);
    set(o.fallbackSkill, d.routing.fallbackSkillId);
    if (parser.isSet(o.channel)) {
        if (const auto channel = IntegrationDefinition::channelFromName(parser.value(o.channel))) {
            d.liveperson.channel = *channel;
        } else {
            errors << tr("--channel: must be messaging or chat");
        }
    }
    if (parser.isSet(o.loginType)) {
        if (const auto type = IntegrationDefinition::loginTypeFromName(parser.value(o.loginType))) {
            d.liveperson.loginType = *type;
        } else {
            errors << tr("--login-type: must be password or oauth2");
        }
    }
    if (parser.isSet(o.protocol)) {
        if (const auto protocol = IntegrationDefinition::botProtocolFromName(parser.value(o.protocol))) {
            d.bot.protocol = *protocol;
        } else {
            errors << tr("--protocol: must be customEndpoint or webhook");
        }
    }
    const auto number = [&](const QCommandLineOption &option, int &field) {
        if (parser.isSet(option)) {
            bool ok = false;
            const int value = parser.value(option).toInt(&ok);
            if (ok) {
                field = value;
            } else {
                errors << tr("--%1: not a whole number").arg(option.names().first());
            }
        }
    };
    number(o.callbackPort, d.bot.callbackPort);
    number(o.timeout, d.delivery.requestTimeoutMs);
    number(o.attempts, d.delivery.attempts);
    number(o.burstWindow, d.delivery.burstWindowMs);
    const auto boolean = [&](const QCommandLineOption &option, bool &field) {
        if (parser.isSet(option)) {
            const QString value = parser.value(option);
            if (value == QLatin1String("true") || value == QLatin1String("false")) {
                field = value == QLatin1String("true");
            } else {
                errors << tr("--%1: must be true or false").arg(option.names().first());
            }
        }
    };
    boolean(o.enabled, d.enabled);
    boolean(o.surveyBot, d.routing.surveyBot);
    boolean(o.sendWelcome, d.bot.sendWelcome);
    return errors;
}

/** Secrets from the environment and, with --secrets-stdin, from standard input. Never from arguments. */
Result<QHash<QString, QString>> readSecrets(bool fromStdin)
{
    QHash<QString, QString> secrets;
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const auto &[field, variable] : secretVariables()) {
        const QString value = environment.value(QString::fromLatin1(variable));
        if (!value.isEmpty()) {
            secrets.insert(field, value);
        }
    }
    if (fromStdin) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly)) {
            return Error{QStringLiteral("cli.stdin"), tr("Cannot read standard input.")};
        }
        int lineNumber = 0;
        while (!in.atEnd()) {
            ++lineNumber;
            const QString line = QString::fromUtf8(in.readLine()).trimmed();
            if (line.isEmpty() || line.startsWith(QLatin1Char('#'))) {
                continue;
            }
            const qsizetype equals = line.indexOf(QLatin1Char('='));
            const QString field = line.left(equals).trimmed();
            bool known = false;
            for (const auto &entry : secretVariables()) {
                known = known || entry.first == field;
            }
            if (equals <= 0 || !known) {
                return Error{QStringLiteral("cli.secrets"),
                             tr("Standard input line %1: expected field=value with a field of %2.")
                                 .arg(lineNumber)
                                 .arg(QStringLiteral("loginPassword, oauthClientId, oauthClientSecret, appJwtClientId, "
                                                     "appJwtClientSecret, webhookSigningSecret, callbackToken"))};
            }
            secrets.insert(field, line.mid(equals + 1));
        }
    }
    return secrets;
}

/** Writes secrets one after another, then quits the event loop with the exit code. */
int storeSecrets(Storage::SecretStore &store, const IntegrationDefinition &definition, const QHash<QString, QString> &secrets)
{
    if (secrets.isEmpty()) {
        return 0;
    }
    auto pending = std::make_shared<QList<std::pair<QString, QString>>>();
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it) {
        pending->append({it.key(), it.value()});
    }
    int code = 0;
    auto next = std::make_shared<std::function<void()>>();
    // The step holds itself weakly: a strong self-capture is a cycle that LeakSanitizer reports
    // (this function's `next` keeps it alive until exec() returns).
    *next = [&store, &definition, pending, weakNext = std::weak_ptr<std::function<void()>>(next), &code] {
        const std::shared_ptr<std::function<void()>> next = weakNext.lock();
        if (!next) {
            return;
        }
        if (pending->isEmpty()) {
            QCoreApplication::exit(code);
            return;
        }
        // Not a structured binding: clang before 16 cannot capture one in a lambda (asan preset).
        const std::pair<QString, QString> entry = pending->takeFirst();
        const QString field = entry.first;
        const QString value = entry.second;
        store.write(definition.secretKey(field), value, &store, [next, field, &code, &store](const Storage::SecretResult &result) {
            if (!result.ok()) {
                printError(tr("Could not store the secret “%1” in the keychain: %2").arg(field, result.errorMessage));
                code = 1;
            } else {
                std::printf("%s\n", qPrintable(tr("secret %1 stored in the keychain").arg(field)));
            }
            QTimer::singleShot(0, &store, [next] { (*next)(); });
        });
    };
    QTimer::singleShot(0, &store, [next] { (*next)(); });
    const int loop = QCoreApplication::exec();
    return code != 0 ? code : loop;
}

QString stepName(Connector::ConnectionTest::Step step)
{
    switch (step) {
    case Connector::ConnectionTest::Step::Csds:
        return tr("Domain API (CSDS)");
    case Connector::ConnectionTest::Step::Login:
        return tr("Login Service");
    case Connector::ConnectionTest::Step::Skills:
        return tr("Skills");
    case Connector::ConnectionTest::Step::BotState:
        return tr("Bot state");
    }
    return {};
}
} // namespace

int integrationCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Manages integrations.\n\n"
           "  list                 the configured integrations\n"
           "  add                  a new integration (options below)\n"
           "  edit <id>            change the given options of an integration\n"
           "  remove <id>          remove an integration and its keychain entries\n"
           "  test <id>            CSDS → login → skills → bot state, each step's result\n\n"
           "Secrets never come from arguments. add and edit read them from the environment variables "
           "SWITCHBOARD_LOGIN_PASSWORD, SWITCHBOARD_OAUTH_CLIENT_ID, SWITCHBOARD_OAUTH_CLIENT_SECRET, "
           "SWITCHBOARD_APP_CLIENT_ID, SWITCHBOARD_APP_CLIENT_SECRET, SWITCHBOARD_WEBHOOK_SIGNING_SECRET and "
           "SWITCHBOARD_CALLBACK_TOKEN, or with --secrets-stdin from standard input as field=value lines "
           "(loginPassword=…, appJwtClientSecret=…), and store them in the OS keychain only."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("action"), tr("list, add, edit, remove or test"));
    parser.addPositionalArgument(QStringLiteral("id"), tr("The integration id (edit, remove, test)."));
    const Options options;
    parser.addOptions(options.all());
    parser.process(arguments);

    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const QString id = positional.value(1);
    Storage::IntegrationStore store(parser.value(options.configDir));
    if (const VoidResult loaded = store.load(); !loaded) {
        printError(loaded.error().message);
        if (action != QLatin1String("list") && action != QLatin1String("test")) {
            return 1;
        }
    }

    if (action == QLatin1String("list")) {
        const auto integrations = store.integrations();
        if (parser.isSet(options.json)) {
            QJsonArray array;
            for (const auto &definition : integrations) {
                array.append(definition.toJson());
            }
            std::printf("%s\n", QJsonDocument(array).toJson(QJsonDocument::Indented).constData());
            return 0;
        }
        if (integrations.isEmpty()) {
            std::printf("%s\n", qPrintable(tr("No integrations. Add one with 'switchboard-cli integration add'.")));
        }
        for (const auto &definition : integrations) {
            std::printf("%s  %-24s %s account %s, %s, %s%s\n", qPrintable(definition.id), qPrintable(definition.name),
                        qPrintable(IntegrationDefinition::channelName(definition.liveperson.channel)),
                        qPrintable(definition.liveperson.accountId),
                        qPrintable(IntegrationDefinition::botProtocolName(definition.bot.protocol)),
                        qPrintable(definition.bot.protocol == IntegrationDefinition::BotProtocol::CustomEndpoint
                                       ? definition.bot.baseUrl
                                       : definition.bot.webhookUrl),
                        definition.enabled ? "" : qPrintable(tr(" (disabled)")));
        }
        return 0;
    }

    Storage::KeychainSecretStore secrets;
    if (action == QLatin1String("add") || action == QLatin1String("edit")) {
        IntegrationDefinition definition;
        if (action == QLatin1String("edit")) {
            const auto existing = store.integration(id);
            if (!existing) {
                printError(tr("No integration with id “%1”.").arg(id));
                return 1;
            }
            definition = *existing;
        }
        const QStringList errors = apply(parser, options, definition);
        if (!errors.isEmpty()) {
            printError(errors.join(QLatin1Char('\n')));
            return 2;
        }
        const Result<QHash<QString, QString>> typed = readSecrets(parser.isSet(options.secretsStdin));
        if (!typed) {
            printError(typed.error().message);
            return 2;
        }
        if (action == QLatin1String("add")) {
            const Result<IntegrationDefinition> added = store.add(definition);
            if (!added) {
                printError(added.error().message);
                return 1;
            }
            definition = added.value();
            std::printf("%s\n", qPrintable(tr("added integration %1").arg(definition.id)));
        } else if (const VoidResult updated = store.update(definition); !updated) {
            printError(updated.error().message);
            return 1;
        } else {
            std::printf("%s\n", qPrintable(tr("updated integration %1").arg(definition.id)));
        }
        return storeSecrets(secrets, definition, typed.value());
    }

    if (action == QLatin1String("remove")) {
        const auto existing = store.integration(id);
        if (!existing) {
            printError(tr("No integration with id “%1”.").arg(id));
            return 1;
        }
        if (const VoidResult removed = store.remove(id); !removed) {
            printError(removed.error().message);
            return 1;
        }
        std::printf("%s\n", qPrintable(tr("removed integration %1").arg(id)));
        auto fields = std::make_shared<QStringList>();
        for (const auto &entry : secretVariables()) {
            fields->append(entry.first);
        }
        auto next = std::make_shared<std::function<void()>>();
        const IntegrationDefinition definition = *existing;
        *next = [&secrets, definition, fields, next] {
            if (fields->isEmpty()) {
                QCoreApplication::exit(0);
                return;
            }
            const QString field = fields->takeFirst();
            secrets.remove(definition.secretKey(field), &secrets, [next, &secrets](const Storage::SecretResult &) {
                QTimer::singleShot(0, &secrets, [next] { (*next)(); });
            });
        };
        QTimer::singleShot(0, &secrets, [next] { (*next)(); });
        return QCoreApplication::exec();
    }

    if (action == QLatin1String("test")) {
        const auto existing = store.integration(id);
        if (!existing) {
            printError(tr("No integration with id “%1”.").arg(id));
            return 1;
        }
        Connector::LiveConnectionTest test(&secrets);
        QObject::connect(&test, &Connector::ConnectionTest::stepChanged, &test,
                         [](Connector::ConnectionTest::Step step, Connector::ConnectionTest::StepState state,
                            const QString &message) {
                             using State = Connector::ConnectionTest::StepState;
                             const char *mark = state == State::Ok        ? "ok  "
                                                : state == State::Failed  ? "FAIL"
                                                : state == State::Skipped ? "skip"
                                                                          : nullptr;
                             if (mark) {
                                 std::printf("%s %-20s %s\n", mark, qPrintable(stepName(step)), qPrintable(message));
                                 std::fflush(stdout);
                             }
                         });
        QObject::connect(&test, &Connector::ConnectionTest::finished, &test,
                         [](bool ok) { QCoreApplication::exit(ok ? 0 : 1); });
        test.start(*existing, {});
        return QCoreApplication::exec();
    }

    printError(tr("Unknown or missing action “%1”: use list, add, edit, remove or test.").arg(action));
    return 2;
}

} // namespace Switchboard::Cli
