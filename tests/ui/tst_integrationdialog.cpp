// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "IntegrationDialog.h"
#include "SecretLineEdit.h"
#include "storage/IntegrationStore.h"
#include "storage/MemorySecretStore.h"
#include "storage/SecretStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <memory>

using namespace Switchboard;
using namespace Switchboard::Connector;
using Switchboard::Storage::IntegrationDefinition;
using Switchboard::Storage::IntegrationStore;
using Switchboard::Storage::MemorySecretStore;
using Switchboard::Storage::SecretStore;
namespace SecretField = Switchboard::Storage::SecretField;

namespace
{
// A ConnectionTest the test drives step by step.
class FakeConnectionTest final : public ConnectionTest
{
public:
    using ConnectionTest::ConnectionTest;

    void start(const IntegrationDefinition &definition, const QHash<QString, QString> &unsavedSecrets) override
    {
        ++starts;
        lastDefinition = definition;
        lastSecrets = unsavedSecrets;
        running = true;
    }
    void cancel() override
    {
        running = false;
    }
    bool isRunning() const override
    {
        return running;
    }

    int starts = 0;
    bool running = false;
    IntegrationDefinition lastDefinition;
    QHash<QString, QString> lastSecrets;
};
} // namespace

class TestIntegrationDialog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<IntegrationStore> m_store;
    std::unique_ptr<MemorySecretStore> m_secrets;

    template <typename T> static T *find(QObject *parent, const QString &name)
    {
        auto *object = parent->findChild<T *>(name);
        if (!object) {
            qWarning("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
        }
        return object;
    }

    static void type(QWidget *dialog, const QString &name, const QString &text)
    {
        auto *edit = find<QLineEdit>(dialog, name);
        QVERIFY(edit);
        edit->clear();
        QTest::keyClicks(edit, text);
    }

    static void fillValidCustomEndpoint(QWidget *dialog)
    {
        type(dialog, QStringLiteral("integrationNameEdit"), QStringLiteral("Support bot"));
        type(dialog, QStringLiteral("accountIdEdit"), QStringLiteral("12345678"));
        type(dialog, QStringLiteral("loginNameEdit"), QStringLiteral("bot-user"));
        type(dialog, QStringLiteral("loginPasswordFieldEdit"), QStringLiteral("s3cret-password"));
        type(dialog, QStringLiteral("botBaseUrlEdit"), QStringLiteral("https://bot.example.com"));
        type(dialog, QStringLiteral("botIdEdit"), QStringLiteral("bot-1"));
        type(dialog, QStringLiteral("appJwtClientIdFieldEdit"), QStringLiteral("app-client"));
        type(dialog, QStringLiteral("appJwtClientSecretFieldEdit"), QStringLiteral("app-s3cret"));
    }

    static QString readSecret(SecretStore *store, const QString &key)
    {
        QString value;
        bool done = false;
        QObject context;
        store->read(key, &context, [&](const Storage::SecretResult &result) {
            value = result.ok() ? result.value : QStringLiteral("<%1>").arg(int(result.status));
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; })) {
            return QStringLiteral("<timeout>");
        }
        return value;
    }

    IntegrationDialog *openDialog()
    {
        auto *dialog = new IntegrationDialog(m_store.get(), m_secrets.get());
        dialog->open();
        if (!QTest::qWaitForWindowExposed(dialog)) {
            qWarning("dialog not exposed");
        }
        return dialog;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_store = std::make_unique<IntegrationStore>(m_dir->path());
        QVERIFY(m_store->load().ok());
        m_secrets = std::make_unique<MemorySecretStore>();
    }

    void cleanup()
    {
        // Deleting one top-level widget can delete others (its popups): hold them weakly.
        QList<QPointer<IntegrationDialog>> dialogs;
        const auto widgets = QApplication::topLevelWidgets();
        for (QWidget *widget : widgets) {
            if (auto *dialog = qobject_cast<IntegrationDialog *>(widget)) {
                dialogs.append(dialog);
            }
        }
        for (const auto &dialog : std::as_const(dialogs)) {
            delete dialog.data();
        }
        m_store.reset();
        m_secrets.reset();
        m_dir.reset();
    }

    void validatesInlineAndEnablesSaveWhenValid()
    {
        QPointer<IntegrationDialog> dialog = openDialog();
        auto *ok = find<QPushButton>(dialog, QStringLiteral("integrationOkButton"));
        QVERIFY(!ok->isEnabled());
        auto *nameError = find<QLabel>(dialog, QStringLiteral("integrationNameEditError"));
        QVERIFY(nameError->isVisible());
        QCOMPARE(nameError->text(), QStringLiteral("This field is required."));

        type(dialog, QStringLiteral("integrationNameEdit"), QStringLiteral("Support bot"));
        QVERIFY(!nameError->isVisible());
        type(dialog, QStringLiteral("accountIdEdit"), QStringLiteral("12 34"));
        auto *accountError = find<QLabel>(dialog, QStringLiteral("accountIdEditError"));
        QVERIFY(accountError->isVisible());
        QVERIFY(accountError->text().contains(QStringLiteral("letters, digits")));

        fillValidCustomEndpoint(dialog);
        QVERIFY2(dialog->problems().isEmpty(), qPrintable(dialog->problems().join(QLatin1Char('\n'))));
        QVERIFY(ok->isEnabled());

        type(dialog, QStringLiteral("botBaseUrlEdit"), QStringLiteral("ftp://bot"));
        QVERIFY(!ok->isEnabled());
        QVERIFY(find<QLabel>(dialog, QStringLiteral("botBaseUrlEditError"))
                    ->text()
                    .contains(QStringLiteral("http(s) URL")));
        type(dialog, QStringLiteral("botBaseUrlEdit"), QStringLiteral("https://bot.example.com"));
        QVERIFY(ok->isEnabled());

        // The webhook protocol needs its own fields and secrets.
        auto *protocol = find<QComboBox>(dialog, QStringLiteral("botProtocolCombo"));
        protocol->setCurrentIndex(1);
        QVERIFY(!ok->isEnabled());
        QVERIFY(find<QLabel>(dialog, QStringLiteral("webhookSigningSecretFieldError"))->isVisible());
        QVERIFY(find<QLabel>(dialog, QStringLiteral("webhookUrlEditError"))->isVisible());
    }

    void secretsGoToTheKeychainOnly()
    {
        QPointer<IntegrationDialog> dialog = openDialog();
        QSignalSpy accepted(dialog.data(), &IntegrationDialog::definitionAccepted);
        fillValidCustomEndpoint(dialog);
        QTest::mouseClick(find<QPushButton>(dialog, QStringLiteral("integrationOkButton")), Qt::LeftButton);
        QTRY_COMPARE(accepted.count(), 1);
        QTRY_VERIFY(!dialog);

        const auto definition = accepted.first().first().value<IntegrationDefinition>();
        QCOMPARE(definition.name, QStringLiteral("Support bot"));
        QCOMPARE(m_store->integrations().size(), 1);
        QCOMPARE(m_store->integrations().first().id, definition.id);
        const QString passwordKey = SecretStore::keyFor(definition.id, QString(SecretField::LoginPassword));
        QCOMPARE(definition.secrets.value(QString(SecretField::LoginPassword)), passwordKey);
        QCOMPARE(readSecret(m_secrets.get(), passwordKey), QStringLiteral("s3cret-password"));
        QCOMPARE(
            readSecret(m_secrets.get(), SecretStore::keyFor(definition.id, QString(SecretField::AppJwtClientSecret))),
            QStringLiteral("app-s3cret"));
        QCOMPARE(m_secrets->keys().size(), 3);

        QFile file(m_store->filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QVERIFY(!content.contains("s3cret"));
        QVERIFY(content.contains(passwordKey.toUtf8()));
    }

    void storedSecretsAreNeverShownAndCanBeReplaced()
    {
        IntegrationDefinition existing;
        existing.name = QStringLiteral("Sales bot");
        existing.liveperson.accountId = QStringLiteral("87654321");
        existing.liveperson.loginName = QStringLiteral("sales-bot");
        existing.bot.baseUrl = QStringLiteral("https://sales.example.com");
        existing.bot.botId = QStringLiteral("sales");
        existing.routing.fallbackSkillId = QStringLiteral("200");
        existing.routing.fallbackSkillName = QStringLiteral("Human agents");
        const auto added = m_store->add(existing);
        QVERIFY(added.ok());
        existing = added.value();
        for (const QString &field : {QString(SecretField::LoginPassword),
                                     QString(SecretField::AppJwtClientId),
                                     QString(SecretField::AppJwtClientSecret)}) {
            existing.secrets.insert(field, SecretStore::keyFor(existing.id, field));
            m_secrets->write(SecretStore::keyFor(existing.id, field),
                             QStringLiteral("old-") + field,
                             this,
                             [](const Storage::SecretResult &) {});
        }
        QVERIFY(m_store->update(existing).ok());
        QTRY_COMPARE(m_secrets->keys().size(), 3);

        QPointer<IntegrationDialog> dialog = openDialog();
        dialog->setDefinition(existing);
        QVERIFY(dialog->isEditing());
        auto *password = find<SecretLineEdit>(dialog, QStringLiteral("loginPasswordField"));
        QVERIFY(password->isStored());
        QVERIFY(!password->lineEdit()->isVisible());
        QVERIFY(find<QLabel>(dialog, QStringLiteral("loginPasswordFieldStoredLabel"))->isVisible());
        QVERIFY(password->lineEdit()->text().isEmpty()); // nothing was read back
        QCOMPARE(find<QComboBox>(dialog, QStringLiteral("fallbackSkillCombo"))->currentText(),
                 QStringLiteral("Human agents"));
        auto *ok = find<QPushButton>(dialog, QStringLiteral("integrationOkButton"));
        QVERIFY2(ok->isEnabled(), qPrintable(dialog->problems().join(QLatin1Char('\n'))));

        QTest::mouseClick(find<QPushButton>(dialog, QStringLiteral("loginPasswordFieldReplaceButton")), Qt::LeftButton);
        QVERIFY(password->lineEdit()->isVisible());
        QVERIFY(password->lineEdit()->text().isEmpty());
        QVERIFY(!ok->isEnabled()); // replacing means a new value is needed
        QTest::keyClicks(password->lineEdit(), QStringLiteral("new-password"));
        QVERIFY(ok->isEnabled());

        QSignalSpy accepted(dialog.data(), &IntegrationDialog::definitionAccepted);
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_COMPARE(accepted.count(), 1);
        QCOMPARE(readSecret(m_secrets.get(), SecretStore::keyFor(existing.id, QString(SecretField::LoginPassword))),
                 QStringLiteral("new-password"));
        QCOMPARE(
            readSecret(m_secrets.get(), SecretStore::keyFor(existing.id, QString(SecretField::AppJwtClientSecret))),
            QStringLiteral("old-appJwtClientSecret"));
        QCOMPARE(m_store->integrations().first().routing.fallbackSkillId, QStringLiteral("200"));
    }

    void switchingLoginTypeDropsTheUnusedSecret()
    {
        QPointer<IntegrationDialog> dialog = openDialog();
        fillValidCustomEndpoint(dialog);
        QSignalSpy accepted(dialog.data(), &IntegrationDialog::definitionAccepted);
        QTest::mouseClick(find<QPushButton>(dialog, QStringLiteral("integrationOkButton")), Qt::LeftButton);
        QTRY_COMPARE(accepted.count(), 1);
        const auto saved = accepted.first().first().value<IntegrationDefinition>();

        QPointer<IntegrationDialog> edit = openDialog();
        edit->setDefinition(saved);
        find<QComboBox>(edit, QStringLiteral("loginTypeCombo"))->setCurrentIndex(1);
        type(edit, QStringLiteral("oauthClientIdFieldEdit"), QStringLiteral("oauth-id"));
        type(edit, QStringLiteral("oauthClientSecretFieldEdit"), QStringLiteral("oauth-secret"));
        QSignalSpy editAccepted(edit.data(), &IntegrationDialog::definitionAccepted);
        QTest::mouseClick(find<QPushButton>(edit, QStringLiteral("integrationOkButton")), Qt::LeftButton);
        QTRY_COMPARE(editAccepted.count(), 1);
        const auto updated = editAccepted.first().first().value<IntegrationDefinition>();
        QVERIFY(!updated.secrets.contains(QString(SecretField::LoginPassword)));
        QVERIFY(!m_secrets->contains(SecretStore::keyFor(saved.id, QString(SecretField::LoginPassword))));
        QVERIFY(m_secrets->contains(SecretStore::keyFor(saved.id, QString(SecretField::OAuthClientSecret))));
    }

    void surveyBotAndWelcomeRoundTrip()
    {
        QPointer<IntegrationDialog> dialog = openDialog();
        fillValidCustomEndpoint(dialog);
        QVERIFY(!dialog->definition().routing.surveyBot);
        QVERIFY(!dialog->definition().bot.sendWelcome);
        // Click the boxes themselves (a form row stretches the widget far beyond its label).
        for (const QString &name : {QStringLiteral("surveyBotCheck"), QStringLiteral("sendWelcomeCheck")}) {
            auto *check = find<QCheckBox>(dialog, name);
            QTest::mouseClick(check, Qt::LeftButton, {}, QPoint(6, check->height() / 2));
            QVERIFY2(check->isChecked(), qPrintable(name));
        }
        QSignalSpy accepted(dialog.data(), &IntegrationDialog::definitionAccepted);
        QTest::mouseClick(find<QPushButton>(dialog, QStringLiteral("integrationOkButton")), Qt::LeftButton);
        QTRY_COMPARE(accepted.count(), 1);
        const auto saved = accepted.first().first().value<IntegrationDefinition>();
        QVERIFY(saved.routing.surveyBot);
        QVERIFY(saved.bot.sendWelcome);

        QPointer<IntegrationDialog> edit = openDialog();
        edit->setDefinition(saved);
        QVERIFY(find<QCheckBox>(edit, QStringLiteral("surveyBotCheck"))->isChecked());
        QVERIFY(find<QCheckBox>(edit, QStringLiteral("sendWelcomeCheck"))->isChecked());
    }

    void keychainFailureKeepsTheDialogOpen()
    {
        m_secrets->setUnavailable(QStringLiteral("The name org.freedesktop.secrets was not provided"));
        QPointer<IntegrationDialog> dialog = openDialog();
        QSignalSpy accepted(dialog.data(), &IntegrationDialog::definitionAccepted);
        fillValidCustomEndpoint(dialog);
        auto *ok = find<QPushButton>(dialog, QStringLiteral("integrationOkButton"));
        QTest::mouseClick(ok, Qt::LeftButton);
        auto *status = find<QLabel>(dialog, QStringLiteral("integrationStatusLabel"));
        QTRY_VERIFY(status->text().contains(QStringLiteral("Could not store")));
        QVERIFY(status->text().contains(QStringLiteral("org.freedesktop.secrets")));
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(accepted.count(), 0);
        QVERIFY(m_store->integrations().isEmpty());
        QVERIFY(ok->isEnabled()); // the operator can retry once the keychain is back
    }

    void readOnlyStoreErrorIsShown()
    {
        QFile broken(m_store->filePath());
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{ not json");
        broken.close();
        QVERIFY(!m_store->load().ok());
        QPointer<IntegrationDialog> dialog = openDialog();
        fillValidCustomEndpoint(dialog);
        QTest::mouseClick(find<QPushButton>(dialog, QStringLiteral("integrationOkButton")), Qt::LeftButton);
        auto *status = find<QLabel>(dialog, QStringLiteral("integrationStatusLabel"));
        QTRY_VERIFY(!status->text().isEmpty() && !status->text().contains(QStringLiteral("Saving")));
        QVERIFY2(status->text().contains(QStringLiteral("integrations.json")), qPrintable(status->text()));
        QVERIFY(dialog->isVisible());
    }

    void fallbackSkillPicker()
    {
        QPointer<IntegrationDialog> dialog = openDialog();
        fillValidCustomEndpoint(dialog);
        dialog->setSkills({{QStringLiteral("100"), QStringLiteral("Bot skill")},
                           {QStringLiteral("200"), QStringLiteral("Human agents")}});
        auto *combo = find<QComboBox>(dialog, QStringLiteral("fallbackSkillCombo"));
        QVERIFY(find<QLabel>(dialog, QStringLiteral("fallbackSkillNote"))->isVisible());
        combo->setCurrentIndex(1);
        QCOMPARE(dialog->definition().routing.fallbackSkillId, QStringLiteral("200"));
        QCOMPARE(dialog->definition().routing.fallbackSkillName, QStringLiteral("Human agents"));
        QVERIFY(!find<QLabel>(dialog, QStringLiteral("fallbackSkillNote"))->isVisible());

        combo->setEditText(QStringLiteral("Nobody"));
        QVERIFY(!find<QPushButton>(dialog, QStringLiteral("integrationOkButton"))->isEnabled());
        QVERIFY(find<QLabel>(dialog, QStringLiteral("fallbackSkillRowError"))
                    ->text()
                    .contains(QStringLiteral("numeric id")));
        combo->setEditText(QStringLiteral("555"));
        QCOMPARE(dialog->definition().routing.fallbackSkillId, QStringLiteral("555"));
        QVERIFY(find<QPushButton>(dialog, QStringLiteral("integrationOkButton"))->isEnabled());

        // The bot's own skill cannot be the fallback (it would loop back to the bot).
        type(dialog, QStringLiteral("botSkillIdEdit"), QStringLiteral("555"));
        QVERIFY(!find<QPushButton>(dialog, QStringLiteral("integrationOkButton"))->isEnabled());
    }

    void connectionTestShowsEachStep()
    {
        QPointer<IntegrationDialog> dialog = openDialog();
        auto *test = new FakeConnectionTest;
        dialog->setConnectionTest(test);
        auto *button = find<QPushButton>(dialog, QStringLiteral("testConnectionButton"));
        QVERIFY(!button->isEnabled()); // nothing to test yet
        fillValidCustomEndpoint(dialog);
        QVERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(test->starts, 1);
        QCOMPARE(test->lastDefinition.liveperson.accountId, QStringLiteral("12345678"));
        QCOMPARE(test->lastSecrets.value(QString(SecretField::LoginPassword)), QStringLiteral("s3cret-password"));
        QVERIFY(!button->isEnabled()); // running

        auto *steps = find<QTreeWidget>(dialog, QStringLiteral("connectionTestSteps"));
        QCOMPARE(steps->topLevelItemCount(), ConnectionTest::StepCount);
        Q_EMIT test->stepChanged(ConnectionTest::Step::Csds, ConnectionTest::StepState::Running, QString());
        QCOMPARE(steps->topLevelItem(0)->text(1), QStringLiteral("running…"));
        Q_EMIT test->stepChanged(ConnectionTest::Step::Csds,
                                 ConnectionTest::StepState::Ok,
                                 QStringLiteral("agentVep: va.agentvep.liveperson.net"));
        Q_EMIT test->stepChanged(ConnectionTest::Step::Login, ConnectionTest::StepState::Ok, QString());
        Q_EMIT test->skillsLoaded({{QStringLiteral("100"), QStringLiteral("Bot skill")},
                                   {QStringLiteral("200"), QStringLiteral("Human agents")}});
        Q_EMIT test->stepChanged(
            ConnectionTest::Step::Skills, ConnectionTest::StepState::Ok, QStringLiteral("2 skills"));
        Q_EMIT test->stepChanged(ConnectionTest::Step::BotState,
                                 ConnectionTest::StepState::Failed,
                                 QStringLiteral("The bot answered 401: check the application client secret."));
        test->running = false;
        Q_EMIT test->finished(false);
        QCOMPARE(steps->topLevelItem(0)->text(1), QStringLiteral("agentVep: va.agentvep.liveperson.net"));
        QCOMPARE(steps->topLevelItem(3)->text(1),
                 QStringLiteral("The bot answered 401: check the application client secret."));
        QVERIFY(
            find<QLabel>(dialog, QStringLiteral("connectionTestSummary"))->text().contains(QStringLiteral("failed")));
        QCOMPARE(find<QComboBox>(dialog, QStringLiteral("fallbackSkillCombo"))->count(), 2);
        QVERIFY(button->isEnabled());
        QVERIFY(dialog->isVisible()); // the test never closes or blocks the dialog
    }
};

QTEST_MAIN(TestIntegrationDialog)
#include "tst_integrationdialog.moc"
