// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include "storage/IntegrationStore.h"
#include "storage/MemorySecretStore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Switchboard;
using namespace Switchboard::Storage;

namespace
{

IntegrationDefinition sampleDefinition(const QString &name = u"Support bot"_s)
{
    IntegrationDefinition def;
    def.id = IntegrationDefinition::newId();
    def.name = name;
    def.liveperson.accountId = u"12345678"_s;
    def.liveperson.loginName = u"support-bot"_s;
    def.bot.baseUrl = u"https://bots.example.com/custom"_s;
    def.bot.botId = u"support-bot"_s;
    def.routing.botSkillId = u"1001"_s;
    def.routing.fallbackSkillId = u"2002"_s;
    def.routing.fallbackSkillName = u"Human agents"_s;
    def.secrets.insert(SecretField::LoginPassword, SecretStore::keyFor(def.id, SecretField::LoginPassword));
    return def;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return QByteArray();
    }
    return file.readAll();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

QByteArray fileOf(const QList<QJsonObject> &integrations, int schemaVersion = 1)
{
    QJsonArray array;
    for (const QJsonObject &object : integrations) {
        array.append(object);
    }
    return QJsonDocument(QJsonObject{{u"schemaVersion"_s, schemaVersion}, {u"integrations"_s, array}}).toJson();
}

} // namespace

class TestIntegrationStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void init()
    {
        m_dir.emplace();
        QVERIFY(m_dir->isValid());
    }

    void definitionRoundTrip()
    {
        IntegrationDefinition def = sampleDefinition();
        def.enabled = false;
        def.liveperson.csdsDomain = u"127.0.0.1:8443"_s;
        def.liveperson.channel = IntegrationDefinition::Channel::Chat;
        def.liveperson.loginType = IntegrationDefinition::LoginType::OAuth2;
        def.liveperson.caFile = u"/etc/switchboard/sandbox-ca.pem"_s;
        def.bot.protocol = IntegrationDefinition::BotProtocol::Webhook;
        def.bot.webhookUrl = u"http://127.0.0.1:9000/hook"_s;
        def.bot.callbackAddress = u"::1"_s;
        def.bot.callbackPort = 8443;
        def.routing.surveyBot = true;
        def.delivery.requestTimeoutMs = 15000;
        def.delivery.attempts = 5;
        def.delivery.burstWindowMs = 1500;
        def.delivery.maxBurstCount = 4;
        def.secrets.insert(SecretField::WebhookSigningSecret, u"custom/key/name"_s);
        // Unknown fields at every level survive a round trip.
        def.unknownFields.insert(u"futureTopLevel"_s, QJsonObject{{u"nested"_s, 1}});
        def.liveperson.unknownFields.insert(u"futureRegion"_s, u"emea"_s);
        def.bot.unknownFields.insert(u"futureHeaders"_s, QJsonArray{u"x-a"_s});
        def.routing.unknownFields.insert(u"futurePriority"_s, 3);
        def.delivery.unknownFields.insert(u"futureJitterMs"_s, 10);

        const QJsonObject json = def.toJson();
        QCOMPARE(json.value(u"liveperson"_s).toObject().value(u"channel"_s).toString(), u"chat"_s);
        QCOMPARE(json.value(u"bot"_s).toObject().value(u"protocol"_s).toString(), u"webhook"_s);
        QCOMPARE(json.value(u"liveperson"_s).toObject().value(u"futureRegion"_s).toString(), u"emea"_s);

        QList<FieldError> errors;
        const IntegrationDefinition back = IntegrationDefinition::fromJson(json, QString(), &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(IntegrationDefinition::joinErrors(errors)));
        QCOMPARE(back, def);
        // And through text, as the file holds it.
        const QJsonObject reparsed = QJsonDocument::fromJson(QJsonDocument(json).toJson()).object();
        const Result<IntegrationDefinition> parsed = IntegrationDefinition::parse(reparsed);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value(), def);
    }

    void definitionDefaults()
    {
        const QJsonObject minimal{
            {u"id"_s, u"0f8fad5b-d9cb-469f-a165-70867728950e"_s},
            {u"name"_s, u"Minimal"_s},
            {u"liveperson"_s, QJsonObject{{u"accountId"_s, u"123"_s}, {u"loginName"_s, u"bot"_s}}},
            {u"bot"_s, QJsonObject{{u"baseUrl"_s, u"https://b.example"_s}, {u"botId"_s, u"b1"_s}}},
        };
        const Result<IntegrationDefinition> parsed = IntegrationDefinition::parse(minimal);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        const IntegrationDefinition &def = parsed.value();
        QVERIFY(def.enabled);
        QCOMPARE(def.liveperson.csdsDomain, u"adminlogin.liveperson.net"_s);
        QCOMPARE(def.liveperson.channel, IntegrationDefinition::Channel::Messaging);
        QCOMPARE(def.liveperson.loginType, IntegrationDefinition::LoginType::Password);
        QCOMPARE(def.bot.protocol, IntegrationDefinition::BotProtocol::CustomEndpoint);
        QCOMPARE(def.bot.environment, u"draft"_s);
        QCOMPARE(def.delivery.requestTimeoutMs, 60000);
        QCOMPARE(def.delivery.attempts, 3);
        QCOMPARE(def.delivery.burstWindowMs, 0);
        // A field without a named key uses the conventional "<id>/<field>".
        QCOMPARE(def.secretKey(SecretField::LoginPassword), u"0f8fad5b-d9cb-469f-a165-70867728950e/loginPassword"_s);
    }

    void validationErrors_data()
    {
        QTest::addColumn<QString>("object");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("expected");

        QTest::newRow("baseUrl not http") << u"bot"_s << u"baseUrl"_s << QJsonValue(u"ftp://x.example/"_s)
                                          << u"integrations[2].bot.baseUrl: must be an http(s) URL"_s;
        QTest::newRow("baseUrl not a URL") << u"bot"_s << u"baseUrl"_s << QJsonValue(u"not a url"_s)
                                           << u"integrations[2].bot.baseUrl: must be an http(s) URL"_s;
        QTest::newRow("baseUrl with password")
            << u"bot"_s << u"baseUrl"_s << QJsonValue(u"https://user:pw@x.example/"_s)
            << u"integrations[2].bot.baseUrl: must not contain a user name or password"_s;
        QTest::newRow("baseUrl wrong type") << u"bot"_s << u"baseUrl"_s << QJsonValue(42)
                                            << u"integrations[2].bot.baseUrl: must be a string"_s;
        QTest::newRow("botId") << u"bot"_s << u"botId"_s << QJsonValue(u"has spaces"_s)
                               << u"integrations[2].bot.botId: must be 1 to 36"_s;
        QTest::newRow("protocol") << u"bot"_s << u"protocol"_s << QJsonValue(u"grpc"_s)
                                  << u"integrations[2].bot.protocol: must be one of \"customEndpoint\", \"webhook\""_s;
        QTest::newRow("channel") << u"liveperson"_s << u"channel"_s << QJsonValue(u"sms"_s)
                                 << u"integrations[2].liveperson.channel: must be one of"_s;
        QTest::newRow("loginType") << u"liveperson"_s << u"loginType"_s << QJsonValue(u"saml"_s)
                                   << u"integrations[2].liveperson.loginType: must be one of"_s;
        QTest::newRow("accountId") << u"liveperson"_s << u"accountId"_s << QJsonValue(u""_s)
                                   << u"integrations[2].liveperson.accountId: is required"_s;
        QTest::newRow("csdsDomain") << u"liveperson"_s << u"csdsDomain"_s << QJsonValue(u"https://x/"_s)
                                    << u"integrations[2].liveperson.csdsDomain: must be a host name"_s;
        QTest::newRow("csdsDomain port") << u"liveperson"_s << u"csdsDomain"_s << QJsonValue(u"host:99999"_s)
                                         << u"integrations[2].liveperson.csdsDomain: must be a host name"_s;
        QTest::newRow("caFile relative") << u"liveperson"_s << u"caFile"_s << QJsonValue(u"ca.pem"_s)
                                         << u"integrations[2].liveperson.caFile: must be an absolute path"_s;
        QTest::newRow("timeout") << u"delivery"_s << u"requestTimeoutMs"_s << QJsonValue(5)
                                 << u"integrations[2].delivery.requestTimeoutMs: must be between"_s;
        QTest::newRow("attempts fractional") << u"delivery"_s << u"attempts"_s << QJsonValue(2.5)
                                             << u"integrations[2].delivery.attempts: must be a whole number"_s;
        QTest::newRow("attempts zero") << u"delivery"_s << u"attempts"_s << QJsonValue(0)
                                       << u"integrations[2].delivery.attempts: must be between 1 and 10"_s;
        QTest::newRow("burst without count") << u"delivery"_s << u"burstWindowMs"_s << QJsonValue(500)
                                             << u"integrations[2].delivery.maxBurstCount: must be at least 1"_s;
        QTest::newRow("fallback loops") << u"routing"_s << u"fallbackSkillId"_s << QJsonValue(u"1001"_s)
                                        << u"integrations[2].routing.fallbackSkillId: must differ"_s;
        QTest::newRow("surveyBot type") << u"routing"_s << u"surveyBot"_s << QJsonValue(u"yes"_s)
                                        << u"integrations[2].routing.surveyBot: must be true or false"_s;
        QTest::newRow("secret value in config") << u"liveperson"_s << u"password"_s << QJsonValue(u"hunter2"_s)
                                                << u"integrations[2].liveperson.password: looks like a secret"_s;
        QTest::newRow("secret key not a string") << u"secrets"_s << u"loginPassword"_s << QJsonValue(7)
                                                 << u"integrations[2].secrets.loginPassword: must be the name"_s;
    }

    void validationErrors()
    {
        QFETCH(QString, object);
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, expected);

        QJsonObject bad = sampleDefinition(u"Bad"_s).toJson();
        QJsonObject part = bad.value(object).toObject();
        part.insert(field, value);
        bad.insert(object, part);

        // Through the store: the third integration of a file is the bad one.
        const QString path = QDir(m_dir->path()).filePath(u"integrations.json"_s);
        const QByteArray original =
            fileOf({sampleDefinition(u"A"_s).toJson(), sampleDefinition(u"B"_s).toJson(), bad});
        QVERIFY(writeFile(path, original));
        IntegrationStore store(m_dir->path());
        const VoidResult loaded = store.load();
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, u"storage.config_invalid"_s);
        QVERIFY2(loaded.error().message.contains(expected), qPrintable(loaded.error().message));
        QVERIFY2(loaded.error().message.contains(path), qPrintable(loaded.error().message));
        // The good ones are there, the store is read-only, and the file is untouched.
        QCOMPARE(store.integrations().size(), 2);
        QVERIFY(store.isReadOnly());
        QVERIFY(!store.add(sampleDefinition(u"C"_s)).ok());
        QCOMPARE(readAll(path), original);

        // Standalone, the same error without the list prefix.
        const Result<IntegrationDefinition> parsed = IntegrationDefinition::parse(bad);
        QVERIFY(!parsed.ok());
        const QString standalone = expected.mid(QStringLiteral("integrations[2].").size());
        QVERIFY2(parsed.error().message.contains(standalone), qPrintable(parsed.error().message));
    }

    void validationListsEveryBadField()
    {
        IntegrationDefinition def = sampleDefinition();
        def.name.clear();
        def.bot.baseUrl = u"nope"_s;
        def.delivery.attempts = 99;
        const QList<FieldError> errors = def.validate(u"integrations[0]"_s);
        QCOMPARE(errors.size(), 3);
        QCOMPARE(errors.at(0).toString(), u"integrations[0].name: is required"_s);
        QCOMPARE(errors.at(1).path, u"integrations[0].bot.baseUrl"_s);
        QCOMPARE(errors.at(2).path, u"integrations[0].delivery.attempts"_s);

        // Only the selected protocol's fields are required.
        IntegrationDefinition webhook = sampleDefinition();
        webhook.bot.protocol = IntegrationDefinition::BotProtocol::Webhook;
        QCOMPARE(webhook.validate().size(), 1);
        QCOMPARE(webhook.validate().at(0).toString(), u"bot.webhookUrl: is required"_s);
        webhook.bot.webhookUrl = u"https://hooks.example/bot"_s;
        webhook.bot.baseUrl.clear();
        webhook.bot.botId.clear();
        QVERIFY(webhook.validate().isEmpty());
    }

    void missingFileIsEmptyAndWritable()
    {
        const QString configDir = QDir(m_dir->path()).filePath(u"nested/config"_s);
        IntegrationStore store(configDir);
        QVERIFY(store.load().ok());
        QVERIFY(store.integrations().isEmpty());
        QVERIFY(!store.isReadOnly());
        QVERIFY(!QFile::exists(store.filePath()));
        QVERIFY(store.add(sampleDefinition()).ok());
        QVERIFY(QFile::exists(QDir(configDir).filePath(u"integrations.json"_s)));
    }

    void defaultConfigDirIsAppConfigLocation()
    {
        IntegrationStore store;
        QCOMPARE(store.configDir(), QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation));
        QVERIFY(store.filePath().endsWith(u"/integrations.json"_s));
    }

    void storeRoundTripAndSignals()
    {
        IntegrationStore store(m_dir->path());
        QVERIFY(store.load().ok());
        QSignalSpy added(&store, &IntegrationStore::integrationAdded);
        QSignalSpy updated(&store, &IntegrationStore::integrationUpdated);
        QSignalSpy removed(&store, &IntegrationStore::integrationRemoved);
        QSignalSpy changed(&store, &IntegrationStore::integrationsChanged);

        IntegrationDefinition first = sampleDefinition(u"First"_s);
        first.id.clear();
        const Result<IntegrationDefinition> stored = store.add(first);
        QVERIFY(stored.ok());
        QVERIFY(!QUuid::fromString(stored.value().id).isNull());
        const Result<IntegrationDefinition> second = store.add(sampleDefinition(u"Second"_s));
        QVERIFY(second.ok());
        QCOMPARE(added.size(), 2);
        QCOMPARE(added.at(0).at(0).toString(), stored.value().id);

        // Duplicates and invalid definitions are refused without touching the set.
        QVERIFY(!store.add(second.value()).ok());
        IntegrationDefinition invalid = sampleDefinition();
        invalid.liveperson.accountId.clear();
        const Result<IntegrationDefinition> refused = store.add(invalid);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().message, u"liveperson.accountId: is required"_s);
        QCOMPARE(store.integrations().size(), 2);

        IntegrationDefinition edited = second.value();
        edited.name = u"Second, renamed"_s;
        edited.delivery.attempts = 1;
        QVERIFY(store.update(edited).ok());
        QCOMPARE(updated.size(), 1);

        IntegrationStore reread(m_dir->path());
        QVERIFY(reread.load().ok());
        QCOMPARE(reread.integrations(), (QList<IntegrationDefinition>{stored.value(), edited}));
        QCOMPARE(reread.integration(edited.id)->name, u"Second, renamed"_s);

        QVERIFY(store.remove(stored.value().id).ok());
        QCOMPARE(removed.size(), 1);
        QVERIFY(!store.remove(stored.value().id).ok());
        QCOMPARE(changed.size(), 4);
        QVERIFY(reread.load().ok());
        QCOMPARE(reread.integrations(), QList<IntegrationDefinition>{edited});
    }

    void corruptFileIsKeptAndReadOnly()
    {
        const QString path = QDir(m_dir->path()).filePath(u"integrations.json"_s);
        // A doubled comma on line 4 (column 24): the parser stops just past it, at column 25.
        const QByteArray corrupt = "{\n"
                                   "  \"schemaVersion\": 1,\n"
                                   "  \"integrations\": [\n"
                                   "    { \"name\": \"broken\",, \"enabled\": true }\n"
                                   "  ]\n"
                                   "}\n";
        QVERIFY(writeFile(path, corrupt));

        IntegrationStore store(m_dir->path());
        QSignalSpy readOnly(&store, &IntegrationStore::readOnlyChanged);
        const VoidResult loaded = store.load();
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, u"storage.config_parse_error"_s);
        const QString message = loaded.error().message;
        QVERIFY2(message.startsWith(path + u":4:25: "_s), qPrintable(message));
        QVERIFY2(message.contains(u"left unchanged"_s), qPrintable(message));
        QVERIFY(store.isReadOnly());
        QCOMPARE(readOnly.size(), 1);
        QCOMPARE(store.readOnlyReason(), message);

        // Every write is refused with the reason, and the file stays byte-identical.
        const Result<IntegrationDefinition> added = store.add(sampleDefinition());
        QVERIFY(!added.ok());
        QCOMPARE(added.error().code, u"storage.config_read_only"_s);
        QVERIFY(added.error().message.contains(u"read-only"_s));
        QVERIFY(added.error().message.contains(path));
        QVERIFY(!store.save().ok());
        QVERIFY(!store.remove(u"anything"_s).ok());
        QCOMPARE(readAll(path), corrupt);
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList{u"integrations.json"_s});

        // Fixed by the operator and loaded again: writable.
        QVERIFY(writeFile(path, fileOf({sampleDefinition().toJson()})));
        QVERIFY(store.load().ok());
        QVERIFY(!store.isReadOnly());
        QCOMPARE(readOnly.size(), 2);
        QVERIFY(store.add(sampleDefinition(u"Another"_s)).ok());
    }

    void parseErrorColumnCountsCharacters()
    {
        const QString path = QDir(m_dir->path()).filePath(u"integrations.json"_s);
        // Multi-byte characters before the error on the same line count as one column each: the
        // parser stops just past the stray ']' (character 57, byte 58), so column 58, not 59.
        QVERIFY(writeFile(path, QByteArray("{\"schemaVersion\": 1, \"integrations\": [{\"name\": \"Zürich\" ]}")));
        IntegrationStore store(m_dir->path());
        const VoidResult loaded = store.load();
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.error().message.startsWith(path + u":1:58: "_s), qPrintable(loaded.error().message));
    }

    void nonObjectAndBadVersionAreRefused_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("array") << QByteArray("[1, 2]") << u"the top level must be a JSON object"_s;
        QTest::newRow("version string") << QByteArray("{\"schemaVersion\": \"1\"}") << u"schemaVersion: must be"_s;
        QTest::newRow("integrations not array") << QByteArray("{\"schemaVersion\": 1, \"integrations\": {}}")
                                                << u"integrations: must be an array"_s;
    }

    void nonObjectAndBadVersionAreRefused()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        const QString path = QDir(m_dir->path()).filePath(u"integrations.json"_s);
        QVERIFY(writeFile(path, content));
        IntegrationStore store(m_dir->path());
        const VoidResult loaded = store.load();
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.error().message.contains(expected), qPrintable(loaded.error().message));
        QVERIFY(store.isReadOnly());
        QVERIFY(!store.save().ok());
        QCOMPARE(readAll(path), content);
    }

    void newerSchemaIsRefusedAndKept()
    {
        const QString path = QDir(m_dir->path()).filePath(u"integrations.json"_s);
        const QByteArray newer = fileOf({sampleDefinition().toJson()}, IntegrationStore::CurrentSchemaVersion + 1);
        QVERIFY(writeFile(path, newer));
        IntegrationStore store(m_dir->path());
        const VoidResult loaded = store.load();
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, u"storage.config_newer_schema"_s);
        QVERIFY2(loaded.error().message.contains(path), qPrintable(loaded.error().message));
        QVERIFY2(loaded.error().message.contains(u"schema version 2"_s), qPrintable(loaded.error().message));
        QVERIFY(store.isReadOnly());
        QVERIFY(store.integrations().isEmpty());
        QVERIFY(!store.add(sampleDefinition()).ok());
        QVERIFY(!store.save().ok());
        QCOMPARE(readAll(path), newer);
    }

    void migratesVersion0()
    {
        const QString fixture = Test::sourceDir() + u"/tests/storage/data/integrations-v0.json"_s;
        const QByteArray v0 = readAll(fixture);
        QVERIFY(!v0.isEmpty());
        const QString path = QDir(m_dir->path()).filePath(u"integrations.json"_s);
        QVERIFY(writeFile(path, v0));

        IntegrationStore store(m_dir->path());
        const VoidResult loaded = store.load();
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message));
        QCOMPARE(store.fileSchemaVersion(), 0);
        QVERIFY(store.hasPendingMigration());
        QVERIFY(!store.isReadOnly());
        // Migrated in memory only: the file is untouched until the next explicit write.
        QCOMPARE(readAll(path), v0);
        QVERIFY(!QFile::exists(store.backupFilePath()));

        const QList<IntegrationDefinition> defs = store.integrations();
        QCOMPARE(defs.size(), 2);
        const IntegrationDefinition &legacy = defs.at(0);
        QCOMPARE(legacy.id, u"5f0c7d2e-3b1a-4c55-9e0f-2d7f1a6b9c31"_s);
        QCOMPARE(legacy.liveperson.accountId, u"12345678"_s);
        QCOMPARE(legacy.liveperson.loginName, u"support-bot"_s);
        QCOMPARE(legacy.bot.protocol, IntegrationDefinition::BotProtocol::CustomEndpoint);
        QCOMPARE(legacy.bot.baseUrl, u"https://bots.example.com/custom"_s);
        QCOMPARE(legacy.bot.environment, u"production"_s);
        QCOMPARE(legacy.routing.botSkillId, u"1001"_s);
        QCOMPARE(legacy.routing.fallbackSkillId, u"2002"_s);
        QCOMPARE(legacy.delivery.requestTimeoutMs, 30000);
        QCOMPARE(legacy.delivery.attempts, 3); // two retries = three attempts
        QCOMPARE(legacy.secretKey(SecretField::LoginPassword),
                 u"5f0c7d2e-3b1a-4c55-9e0f-2d7f1a6b9c31/loginPassword"_s);
        QCOMPARE(legacy.unknownFields.value(u"notes"_s).toString(), u"kept by the migration"_s);
        const IntegrationDefinition &chat = defs.at(1);
        QVERIFY(!QUuid::fromString(chat.id).isNull()); // a v0 entry without id got one
        QCOMPARE(chat.liveperson.channel, IntegrationDefinition::Channel::Chat);
        QVERIFY(!chat.enabled);

        QVERIFY(store.save().ok());
        QVERIFY(!store.hasPendingMigration());
        QCOMPARE(readAll(store.backupFilePath()), v0);
        const QJsonObject written = QJsonDocument::fromJson(readAll(path)).object();
        QCOMPARE(written.value(u"schemaVersion"_s).toInt(), 1);

        IntegrationStore reread(m_dir->path());
        QVERIFY(reread.load().ok());
        QCOMPARE(reread.fileSchemaVersion(), 1);
        QVERIFY(!reread.hasPendingMigration());
        QCOMPARE(reread.integrations(), defs);
    }

    void saveIsAtomic()
    {
        IntegrationStore store(m_dir->path());
        QVERIFY(store.load().ok());
        QVERIFY(store.add(sampleDefinition(u"First"_s)).ok());
        const QByteArray before = readAll(store.filePath());

        // A hard link to the current file: an in-place write would change what it shows, while
        // writing a new file and renaming it over the old name leaves the link's content alone.
        const QString link = QDir(m_dir->path()).filePath(u"link-to-old.json"_s);
        QCOMPARE(::link(QFile::encodeName(store.filePath()).constData(), QFile::encodeName(link).constData()), 0);

        QVERIFY(store.add(sampleDefinition(u"Second"_s)).ok());
        QCOMPARE(readAll(link), before);
        const QByteArray after = readAll(store.filePath());
        QVERIFY(after != before);
        QVERIFY(after.contains("Second"));
        // No temporary file is left behind.
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden, QDir::Name),
                 (QStringList{u"integrations.json"_s, u"link-to-old.json"_s}));
    }

    void failedWriteKeepsOldFileAndSet()
    {
        IntegrationStore store(m_dir->path());
        QVERIFY(store.load().ok());
        QVERIFY(store.add(sampleDefinition(u"First"_s)).ok());
        const QByteArray before = readAll(store.filePath());
        // Make the target unwritable even for root: replace the directory by a file.
        const QString blocked = QDir(m_dir->path()).filePath(u"blocked"_s);
        QVERIFY(writeFile(blocked, "not a directory"));
        IntegrationStore elsewhere(QDir(blocked).filePath(u"config"_s));
        QVERIFY(elsewhere.load().ok());
        const Result<IntegrationDefinition> failed = elsewhere.add(sampleDefinition());
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, u"storage.config_write_failed"_s);
        QVERIFY2(failed.error().message.contains(blocked), qPrintable(failed.error().message));
        QVERIFY(elsewhere.integrations().isEmpty());
        QCOMPARE(readAll(store.filePath()), before);
    }

    void noSecretValueIsWritten()
    {
        MemorySecretStore secrets;
        IntegrationStore store(m_dir->path());
        QVERIFY(store.load().ok());
        QStringList values;
        QStringList keys;
        int completed = 0;
        for (int i = 0; i < 3; ++i) {
            IntegrationDefinition def = sampleDefinition(u"Bot %1"_s.arg(i));
            def.liveperson.loginType = IntegrationDefinition::LoginType::OAuth2;
            for (const QLatin1String field : {SecretField::OAuthClientId, SecretField::OAuthClientSecret,
                                              SecretField::AppJwtClientSecret, SecretField::WebhookSigningSecret}) {
                def.secrets.insert(field, SecretStore::keyFor(def.id, field));
                const QString value = u"s3cr3t-%1-%2-%3"_s.arg(i).arg(field).arg(QUuid::createUuid().toString());
                values.append(value);
                keys.append(def.secretKey(field));
                secrets.write(def.secretKey(field), value, this, [&completed](const SecretResult &result) {
                    QVERIFY(result.ok());
                    ++completed;
                });
            }
            QVERIFY(store.add(def).ok());
        }
        QTRY_COMPARE(completed, 12);
        QVERIFY(store.save().ok());

        const QByteArray file = readAll(store.filePath());
        for (const QString &value : std::as_const(values)) {
            QVERIFY2(!file.contains(value.toUtf8()), "a secret value reached integrations.json");
        }
        for (const QString &key : std::as_const(keys)) {
            QVERIFY2(file.contains(key.toUtf8()), "the keychain key name must be in integrations.json");
            QVERIFY(secrets.contains(key));
        }
        // And nothing else in the configuration directory holds one either.
        for (const QString &name : QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden)) {
            const QByteArray content = readAll(QDir(m_dir->path()).filePath(name));
            for (const QString &value : std::as_const(values)) {
                QVERIFY(!content.contains(value.toUtf8()));
            }
        }
    }

    void memorySecretStoreContract()
    {
        MemorySecretStore secrets;
        QStringList order;
        bool sameTurn = true;
        secrets.write(u"a/loginPassword"_s, u"one"_s, this, [&](const SecretResult &r) {
            QVERIFY(r.ok());
            order.append(u"write"_s);
        });
        secrets.read(u"a/loginPassword"_s, this, [&](const SecretResult &r) {
            QCOMPARE(r.value, u"one"_s);
            order.append(u"read"_s);
        });
        secrets.remove(u"a/loginPassword"_s, this, [&](const SecretResult &r) {
            QVERIFY(r.ok());
            order.append(u"remove"_s);
        });
        secrets.read(u"a/loginPassword"_s, this, [&](const SecretResult &r) {
            QCOMPARE(r.status, SecretResult::Status::NotFound);
            QVERIFY(r.errorMessage.contains(u"a/loginPassword"_s));
            order.append(u"missing"_s);
        });
        secrets.remove(u"a/loginPassword"_s, this, [&](const SecretResult &r) {
            QVERIFY(r.ok()); // idempotent
            order.append(u"remove again"_s);
        });
        // Completions never run inside the call.
        sameTurn = order.isEmpty();
        QVERIFY(sameTurn);
        QTRY_COMPARE(order, (QStringList{u"write"_s, u"read"_s, u"remove"_s, u"missing"_s, u"remove again"_s}));

        secrets.setUnavailable(u"no keychain in this test"_s);
        std::optional<SecretResult> unavailable;
        secrets.read(u"x"_s, this, [&](const SecretResult &r) {
            unavailable = r;
        });
        QTRY_VERIFY(unavailable.has_value());
        QCOMPARE(unavailable->status, SecretResult::Status::Unavailable);

        // A context destroyed before completion is never called back.
        bool called = false;
        auto *context = new QObject;
        secrets.setUnavailable(QString());
        secrets.read(u"x"_s, context, [&](const SecretResult &) {
            called = true;
        });
        delete context;
        bool later = false;
        secrets.read(u"x"_s, this, [&](const SecretResult &) {
            later = true;
        });
        QTRY_VERIFY(later);
        QVERIFY(!called);
    }

private:
    std::optional<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestIntegrationStore)
#include "tst_integrationstore.moc"
