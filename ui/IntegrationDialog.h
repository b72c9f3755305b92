// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connector/ConnectionTest.h"
#include "connector/ConnectorTypes.h"
#include "storage/IntegrationDefinition.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTreeWidget;

namespace Switchboard::Storage
{
class IntegrationStore;
class SecretStore;
} // namespace Switchboard::Storage

namespace Switchboard
{
class SecretLineEdit;

/**
 * Adds or edits one integration: LivePerson account and login, bot protocol and endpoint,
 * fallback skill, delivery limits — with inline validation next to each field (the OK button
 * stays disabled while anything is invalid) and a "Test connection" run that shows each step
 * (CSDS, login, skills, bot state) as it completes.
 *
 * Secrets go to the keychain only: on OK every new or replaced secret is written to the
 * SecretStore (asynchronously, one job after the other), then the definition — which names the
 * keychain entries, never a value — is saved to the IntegrationStore (when one is given) and
 * emitted with definitionAccepted(). A stored secret is never read back or shown: it appears as
 * "•••• stored" with a Replace… button.
 *
 * Non-blocking: open it with open(); it deletes itself when closed. The stores are not owned;
 * the connection test, when set, is owned by the dialog.
 */
class IntegrationDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IntegrationDialog)

public:
    /** @p store may be null (then the caller saves what definitionAccepted() carries). */
    IntegrationDialog(Storage::IntegrationStore *store, Storage::SecretStore *secrets, QWidget *parent = nullptr);
    ~IntegrationDialog() override;

    /** Edits @p definition (its secrets show as stored). Without this call the dialog adds a new one. */
    void setDefinition(const Storage::IntegrationDefinition &definition);
    /** The definition as the fields describe it now (secrets map: the keychain entries it will use). */
    Storage::IntegrationDefinition definition() const;
    bool isEditing() const;

    /** Fills the skill pickers (e.g. from a running session's skills()). */
    void setSkills(const QList<Connector::SkillInfo> &skills);
    /** The test run by "Test connection" and "Load skills"; the dialog takes ownership. */
    void setConnectionTest(Connector::ConnectionTest *test);

    /** Problems that keep OK disabled, as "path: message". */
    QStringList problems() const;

Q_SIGNALS:
    /** Emitted once the secrets are in the keychain and (with a store) the definition is saved. */
    void definitionAccepted(const Switchboard::Storage::IntegrationDefinition &definition);

public Q_SLOTS:
    void accept() override;

private:
    struct SecretSlot
    {
        QString field;
        SecretLineEdit *edit = nullptr;
    };
    struct SecretJob
    {
        QString key;
        QString value;
        bool remove = false;
    };

    QWidget *buildGeneral();
    QWidget *buildLivePerson();
    QWidget *buildBot();
    QWidget *buildRouting();
    QWidget *buildDelivery();
    QWidget *buildTest();
    QLabel *addErrorLabel(QWidget *field, const QString &path);
    SecretLineEdit *addSecret(const QString &field, const QString &objectName, bool concealed, QWidget *parent);
    void validate();
    QStringList requiredSecretFields() const;
    QString fallbackSkillId() const;
    void runTest();
    void handleStepChanged(Connector::ConnectionTest::Step step,
                           Connector::ConnectionTest::StepState state,
                           const QString &message);
    void runNextSecretJob();
    void finishSave();
    void failSave(const QString &message);
    void setSaving(bool saving);

    QPointer<Storage::IntegrationStore> m_store;
    QPointer<Storage::SecretStore> m_secrets;
    QPointer<Connector::ConnectionTest> m_test;
    Storage::IntegrationDefinition m_original;
    bool m_editing = false;
    QString m_id;

    QWidget *m_form = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QCheckBox *m_enabledCheck = nullptr;
    QCheckBox *m_sendWelcomeCheck = nullptr;
    QCheckBox *m_surveyBotCheck = nullptr;
    QLineEdit *m_accountEdit = nullptr;
    QLineEdit *m_csdsEdit = nullptr;
    QComboBox *m_channelCombo = nullptr;
    QComboBox *m_loginTypeCombo = nullptr;
    QLineEdit *m_loginNameEdit = nullptr;
    QStackedWidget *m_loginStack = nullptr;
    QLineEdit *m_caFileEdit = nullptr;
    QComboBox *m_protocolCombo = nullptr;
    QStackedWidget *m_botStack = nullptr;
    QLineEdit *m_baseUrlEdit = nullptr;
    QLineEdit *m_botIdEdit = nullptr;
    QLineEdit *m_environmentEdit = nullptr;
    QLineEdit *m_webhookUrlEdit = nullptr;
    QLineEdit *m_callbackAddressEdit = nullptr;
    QSpinBox *m_callbackPortSpin = nullptr;
    QLineEdit *m_botSkillEdit = nullptr;
    QComboBox *m_fallbackCombo = nullptr;
    QPushButton *m_loadSkillsButton = nullptr;
    QLabel *m_fallbackNote = nullptr;
    QSpinBox *m_timeoutSpin = nullptr;
    QSpinBox *m_attemptsSpin = nullptr;
    QSpinBox *m_burstWindowSpin = nullptr;
    QSpinBox *m_maxBurstSpin = nullptr;
    QPushButton *m_testButton = nullptr;
    QTreeWidget *m_testSteps = nullptr;
    QLabel *m_testSummary = nullptr;
    QLabel *m_statusLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_okButton = nullptr;

    QList<SecretSlot> m_secretSlots;
    QHash<QString, QLabel *> m_errorLabels;
    QList<Connector::SkillInfo> m_skills;
    QStringList m_problems;
    QList<SecretJob> m_jobs;
    Storage::IntegrationDefinition m_pending;
    bool m_saving = false;
    bool m_loadSkillsOnly = false;
};

} // namespace Switchboard
