// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "IntegrationDialog.h"

#include "Icons.h"
#include "SecretLineEdit.h"
#include "UiLogging.h"
#include "storage/IntegrationStore.h"
#include "storage/SecretStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Switchboard
{

using namespace Connector;
using Storage::IntegrationDefinition;
namespace SecretField = Storage::SecretField;

namespace
{
QColor errorColor(const QPalette &palette)
{
    // Readable on light and dark windows alike.
    return palette.color(QPalette::Window).lightnessF() < 0.5 ? QColor(239, 118, 112) : QColor(183, 28, 28);
}

const QRegularExpression &numericId()
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9]{1,64}$"));
    return pattern;
}
} // namespace

IntegrationDialog::IntegrationDialog(Storage::IntegrationStore *store, Storage::SecretStore *secrets, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_secrets(secrets)
    , m_id(IntegrationDefinition::newId())
{
    setObjectName(QStringLiteral("integrationDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Add Integration"));
    setWindowIcon(Icons::icon(Icons::Icon::Integration));

    m_form = new QWidget(this);
    auto *formLayout = new QVBoxLayout(m_form);
    formLayout->addWidget(buildGeneral());
    formLayout->addWidget(buildLivePerson());
    formLayout->addWidget(buildBot());
    formLayout->addWidget(buildRouting());
    formLayout->addWidget(buildDelivery());
    formLayout->addWidget(buildTest());
    formLayout->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("integrationScrollArea"));
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("integrationStatusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_okButton = m_buttons->button(QDialogButtonBox::Ok);
    m_okButton->setObjectName(QStringLiteral("integrationOkButton"));
    m_okButton->setText(tr("Save"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("integrationCancelButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &IntegrationDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_buttons);
    resize(640, 760);

    // Every edit revalidates: the checks are cheap and the operator sees the result at once.
    const auto edits = m_form->findChildren<QLineEdit *>();
    for (QLineEdit *edit : edits) {
        connect(edit, &QLineEdit::textChanged, this, &IntegrationDialog::validate);
    }
    const auto spins = m_form->findChildren<QSpinBox *>();
    for (QSpinBox *spin : spins) {
        connect(spin, &QSpinBox::valueChanged, this, &IntegrationDialog::validate);
    }
    const auto combos = m_form->findChildren<QComboBox *>();
    for (QComboBox *combo : combos) {
        connect(combo, &QComboBox::currentIndexChanged, this, &IntegrationDialog::validate);
        if (combo->isEditable()) {
            connect(combo, &QComboBox::editTextChanged, this, &IntegrationDialog::validate);
        }
    }
    for (const SecretSlot &slot : std::as_const(m_secretSlots)) {
        connect(slot.edit, &SecretLineEdit::changed, this, &IntegrationDialog::validate);
    }
    connect(m_loginTypeCombo, &QComboBox::currentIndexChanged, m_loginStack, &QStackedWidget::setCurrentIndex);
    connect(m_protocolCombo, &QComboBox::currentIndexChanged, m_botStack, &QStackedWidget::setCurrentIndex);
    // A stack is as tall as its tallest page; only the shown page may claim space, so the
    // password row does not leave the OAuth page's second row as a gap.
    for (QStackedWidget *stack : {m_loginStack, m_botStack}) {
        const auto fitCurrent = [stack] {
            for (int i = 0; i < stack->count(); ++i) {
                stack->widget(i)->setSizePolicy(QSizePolicy::Preferred,
                                                i == stack->currentIndex() ? QSizePolicy::Preferred : QSizePolicy::Ignored);
            }
            stack->adjustSize();
        };
        connect(stack, &QStackedWidget::currentChanged, this, fitCurrent);
        fitCurrent();
    }
    validate();
}

IntegrationDialog::~IntegrationDialog() = default;

QLabel *IntegrationDialog::addErrorLabel(QWidget *field, const QString &path)
{
    auto *label = new QLabel(field->parentWidget());
    label->setObjectName(field->objectName() + QStringLiteral("Error"));
    label->setWordWrap(true);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, errorColor(palette));
    label->setPalette(palette);
    label->hide();
    m_errorLabels.insert(path, label);
    return label;
}

namespace
{
// Adds "label: field" and, under it, the field's (hidden until needed) error label.
void addRow(QFormLayout *form, const QString &text, QWidget *field, QLabel *error)
{
    form->addRow(text, field);
    form->addRow(QString(), error);
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(field))) {
        label->setBuddy(field->focusProxy() ? field->focusProxy() : field);
        field->setAccessibleName(QString(text).remove(QLatin1Char('&')).remove(QLatin1Char(':')));
    }
}
} // namespace

SecretLineEdit *
IntegrationDialog::addSecret(const QString &field, const QString &objectName, bool concealed, QWidget *parent)
{
    auto *edit = new SecretLineEdit(objectName, concealed, parent);
    m_secretSlots.append(SecretSlot{field, edit});
    return edit;
}

QWidget *IntegrationDialog::buildGeneral()
{
    auto *box = new QGroupBox(tr("Integration"), this);
    auto *form = new QFormLayout(box);
    m_nameEdit = new QLineEdit(box);
    m_nameEdit->setObjectName(QStringLiteral("integrationNameEdit"));
    m_nameEdit->setPlaceholderText(tr("e.g. Support bot"));
    m_nameEdit->setMaxLength(200);
    addRow(form, tr("&Name:"), m_nameEdit, addErrorLabel(m_nameEdit, QStringLiteral("name")));
    m_enabledCheck = new QCheckBox(tr("&Enabled (started with the application)"), box);
    m_enabledCheck->setObjectName(QStringLiteral("integrationEnabledCheck"));
    m_enabledCheck->setChecked(true);
    form->addRow(QString(), m_enabledCheck);
    return box;
}

QWidget *IntegrationDialog::buildLivePerson()
{
    auto *box = new QGroupBox(tr("LivePerson"), this);
    auto *form = new QFormLayout(box);
    m_accountEdit = new QLineEdit(box);
    m_accountEdit->setObjectName(QStringLiteral("accountIdEdit"));
    m_accountEdit->setPlaceholderText(tr("e.g. 12345678"));
    addRow(form, tr("&Account:"), m_accountEdit, addErrorLabel(m_accountEdit, QStringLiteral("liveperson.accountId")));
    m_csdsEdit = new QLineEdit(QString(IntegrationDefinition::DefaultCsdsDomain), box);
    m_csdsEdit->setObjectName(QStringLiteral("csdsDomainEdit"));
    addRow(form, tr("&CSDS domain:"), m_csdsEdit, addErrorLabel(m_csdsEdit, QStringLiteral("liveperson.csdsDomain")));
    m_channelCombo = new QComboBox(box);
    m_channelCombo->setObjectName(QStringLiteral("channelCombo"));
    m_channelCombo->addItem(tr("Messaging"), QVariant::fromValue(IntegrationDefinition::Channel::Messaging));
    m_channelCombo->addItem(tr("Chat"), QVariant::fromValue(IntegrationDefinition::Channel::Chat));
    form->addRow(tr("C&hannel:"), m_channelCombo);
    m_loginNameEdit = new QLineEdit(box);
    m_loginNameEdit->setObjectName(QStringLiteral("loginNameEdit"));
    m_loginNameEdit->setPlaceholderText(tr("The bot's agent user"));
    addRow(form,
           tr("&Login name:"),
           m_loginNameEdit,
           addErrorLabel(m_loginNameEdit, QStringLiteral("liveperson.loginName")));
    m_loginTypeCombo = new QComboBox(box);
    m_loginTypeCombo->setObjectName(QStringLiteral("loginTypeCombo"));
    m_loginTypeCombo->addItem(tr("Password"), QVariant::fromValue(IntegrationDefinition::LoginType::Password));
    m_loginTypeCombo->addItem(tr("Application keys (OAuth2 client credentials)"),
                              QVariant::fromValue(IntegrationDefinition::LoginType::OAuth2));
    form->addRow(tr("Login &type:"), m_loginTypeCombo);

    m_loginStack = new QStackedWidget(box);
    auto *passwordPage = new QWidget(m_loginStack);
    auto *passwordForm = new QFormLayout(passwordPage);
    passwordForm->setContentsMargins(0, 0, 0, 0);
    SecretLineEdit *password =
        addSecret(QString(SecretField::LoginPassword), QStringLiteral("loginPasswordField"), true, passwordPage);
    addRow(passwordForm,
           tr("&Password:"),
           password,
           addErrorLabel(password, QStringLiteral("secrets.") + QString(SecretField::LoginPassword)));
    auto *oauthPage = new QWidget(m_loginStack);
    auto *oauthForm = new QFormLayout(oauthPage);
    oauthForm->setContentsMargins(0, 0, 0, 0);
    SecretLineEdit *clientId =
        addSecret(QString(SecretField::OAuthClientId), QStringLiteral("oauthClientIdField"), false, oauthPage);
    addRow(oauthForm,
           tr("Client &id:"),
           clientId,
           addErrorLabel(clientId, QStringLiteral("secrets.") + QString(SecretField::OAuthClientId)));
    SecretLineEdit *clientSecret =
        addSecret(QString(SecretField::OAuthClientSecret), QStringLiteral("oauthClientSecretField"), true, oauthPage);
    addRow(oauthForm,
           tr("Client &secret:"),
           clientSecret,
           addErrorLabel(clientSecret, QStringLiteral("secrets.") + QString(SecretField::OAuthClientSecret)));
    m_loginStack->addWidget(passwordPage);
    m_loginStack->addWidget(oauthPage);
    form->addRow(m_loginStack);

    m_caFileEdit = new QLineEdit(box);
    m_caFileEdit->setObjectName(QStringLiteral("caFileEdit"));
    m_caFileEdit->setPlaceholderText(tr("Optional: PEM file with extra trusted certificates"));
    addRow(form, tr("Extra C&A file:"), m_caFileEdit, addErrorLabel(m_caFileEdit, QStringLiteral("liveperson.caFile")));
    return box;
}

QWidget *IntegrationDialog::buildBot()
{
    auto *box = new QGroupBox(tr("Bot"), this);
    auto *form = new QFormLayout(box);
    m_protocolCombo = new QComboBox(box);
    m_protocolCombo->setObjectName(QStringLiteral("botProtocolCombo"));
    m_protocolCombo->addItem(tr("Custom Endpoint v1 (LivePerson Third-Party Bots)"),
                             QVariant::fromValue(IntegrationDefinition::BotProtocol::CustomEndpoint));
    m_protocolCombo->addItem(tr("Webhook with callback"),
                             QVariant::fromValue(IntegrationDefinition::BotProtocol::Webhook));
    form->addRow(tr("&Protocol:"), m_protocolCombo);

    m_botStack = new QStackedWidget(box);
    auto *customPage = new QWidget(m_botStack);
    auto *customForm = new QFormLayout(customPage);
    customForm->setContentsMargins(0, 0, 0, 0);
    m_baseUrlEdit = new QLineEdit(customPage);
    m_baseUrlEdit->setObjectName(QStringLiteral("botBaseUrlEdit"));
    m_baseUrlEdit->setPlaceholderText(tr("https://bot.example.com"));
    addRow(customForm, tr("&Base URL:"), m_baseUrlEdit, addErrorLabel(m_baseUrlEdit, QStringLiteral("bot.baseUrl")));
    m_botIdEdit = new QLineEdit(customPage);
    m_botIdEdit->setObjectName(QStringLiteral("botIdEdit"));
    addRow(customForm, tr("Bot &id:"), m_botIdEdit, addErrorLabel(m_botIdEdit, QStringLiteral("bot.botId")));
    m_environmentEdit = new QLineEdit(QString(IntegrationDefinition::DefaultEnvironment), customPage);
    m_environmentEdit->setObjectName(QStringLiteral("botEnvironmentEdit"));
    addRow(customForm,
           tr("&Environment:"),
           m_environmentEdit,
           addErrorLabel(m_environmentEdit, QStringLiteral("bot.environment")));
    SecretLineEdit *appId =
        addSecret(QString(SecretField::AppJwtClientId), QStringLiteral("appJwtClientIdField"), false, customPage);
    addRow(customForm,
           tr("Application client i&d:"),
           appId,
           addErrorLabel(appId, QStringLiteral("secrets.") + QString(SecretField::AppJwtClientId)));
    SecretLineEdit *appSecret = addSecret(
        QString(SecretField::AppJwtClientSecret), QStringLiteral("appJwtClientSecretField"), true, customPage);
    addRow(customForm,
           tr("Application client &secret:"),
           appSecret,
           addErrorLabel(appSecret, QStringLiteral("secrets.") + QString(SecretField::AppJwtClientSecret)));

    auto *webhookPage = new QWidget(m_botStack);
    auto *webhookForm = new QFormLayout(webhookPage);
    webhookForm->setContentsMargins(0, 0, 0, 0);
    m_webhookUrlEdit = new QLineEdit(webhookPage);
    m_webhookUrlEdit->setObjectName(QStringLiteral("webhookUrlEdit"));
    m_webhookUrlEdit->setPlaceholderText(tr("https://bot.example.com/events"));
    addRow(webhookForm,
           tr("&Webhook URL:"),
           m_webhookUrlEdit,
           addErrorLabel(m_webhookUrlEdit, QStringLiteral("bot.webhookUrl")));
    SecretLineEdit *signing = addSecret(
        QString(SecretField::WebhookSigningSecret), QStringLiteral("webhookSigningSecretField"), true, webhookPage);
    addRow(webhookForm,
           tr("Si&gning secret:"),
           signing,
           addErrorLabel(signing, QStringLiteral("secrets.") + QString(SecretField::WebhookSigningSecret)));
    SecretLineEdit *token =
        addSecret(QString(SecretField::CallbackToken), QStringLiteral("callbackTokenField"), true, webhookPage);
    addRow(webhookForm,
           tr("Callback &token:"),
           token,
           addErrorLabel(token, QStringLiteral("secrets.") + QString(SecretField::CallbackToken)));
    m_callbackAddressEdit = new QLineEdit(QString(IntegrationDefinition::DefaultCallbackAddress), webhookPage);
    m_callbackAddressEdit->setObjectName(QStringLiteral("callbackAddressEdit"));
    addRow(webhookForm,
           tr("Callback &address:"),
           m_callbackAddressEdit,
           addErrorLabel(m_callbackAddressEdit, QStringLiteral("bot.callbackAddress")));
    m_callbackPortSpin = new QSpinBox(webhookPage);
    m_callbackPortSpin->setObjectName(QStringLiteral("callbackPortSpin"));
    m_callbackPortSpin->setRange(0, 65535);
    m_callbackPortSpin->setSpecialValueText(tr("any free port"));
    addRow(webhookForm,
           tr("Callback p&ort:"),
           m_callbackPortSpin,
           addErrorLabel(m_callbackPortSpin, QStringLiteral("bot.callbackPort")));
    m_botStack->addWidget(customPage);
    m_botStack->addWidget(webhookPage);
    form->addRow(m_botStack);
    m_sendWelcomeCheck = new QCheckBox(tr("Send a &welcome event when the bot joins a conversation"), box);
    m_sendWelcomeCheck->setObjectName(QStringLiteral("sendWelcomeCheck"));
    m_sendWelcomeCheck->setToolTip(tr("The bot gets a conversation-start event (Custom Endpoint START) before the "
                                      "consumer's first message, and its answer is published as the greeting."));
    form->addRow(QString(), m_sendWelcomeCheck);
    return box;
}

QWidget *IntegrationDialog::buildRouting()
{
    auto *box = new QGroupBox(tr("Escalation"), this);
    auto *form = new QFormLayout(box);
    m_botSkillEdit = new QLineEdit(box);
    m_botSkillEdit->setObjectName(QStringLiteral("botSkillIdEdit"));
    m_botSkillEdit->setPlaceholderText(tr("Optional: the numeric id of the skill the bot serves"));
    addRow(form,
           tr("Bot's s&kill id:"),
           m_botSkillEdit,
           addErrorLabel(m_botSkillEdit, QStringLiteral("routing.botSkillId")));

    auto *fallbackRow = new QWidget(box);
    auto *rowLayout = new QHBoxLayout(fallbackRow);
    rowLayout->setContentsMargins(0, 0, 0, 0);
    m_fallbackCombo = new QComboBox(fallbackRow);
    m_fallbackCombo->setObjectName(QStringLiteral("fallbackSkillCombo"));
    m_fallbackCombo->setEditable(true);
    m_fallbackCombo->setInsertPolicy(QComboBox::NoInsert);
    m_fallbackCombo->lineEdit()->setPlaceholderText(tr("Pick a skill, or type its numeric id"));
    m_loadSkillsButton = new QPushButton(tr("Load Skills"), fallbackRow);
    m_loadSkillsButton->setObjectName(QStringLiteral("loadSkillsButton"));
    m_loadSkillsButton->setToolTip(tr("Log in with the settings above and list the account's skills"));
    rowLayout->addWidget(m_fallbackCombo, 1);
    rowLayout->addWidget(m_loadSkillsButton);
    fallbackRow->setObjectName(QStringLiteral("fallbackSkillRow"));
    fallbackRow->setFocusProxy(m_fallbackCombo);
    addRow(form,
           tr("&Fallback skill:"),
           fallbackRow,
           addErrorLabel(fallbackRow, QStringLiteral("routing.fallbackSkillId")));
    m_fallbackCombo->setAccessibleName(tr("Fallback skill"));
    m_fallbackNote = new QLabel(tr("Without a fallback skill nothing is escalated automatically; the panel alerts you "
                                   "instead."),
                                box);
    m_fallbackNote->setObjectName(QStringLiteral("fallbackSkillNote"));
    m_fallbackNote->setWordWrap(true);
    form->addRow(QString(), m_fallbackNote);
    m_surveyBotCheck = new QCheckBox(tr("Post-conversation &survey bot"), box);
    m_surveyBotCheck->setObjectName(QStringLiteral("surveyBotCheck"));
    m_surveyBotCheck->setToolTip(tr("The bot answers POST_SURVEY dialogs: it gets a survey-start event when a "
                                    "survey dialog opens and closes only that dialog when it is done."));
    form->addRow(QString(), m_surveyBotCheck);
    connect(m_loadSkillsButton, &QPushButton::clicked, this, [this] {
        m_loadSkillsOnly = true;
        runTest();
    });
    return box;
}

QWidget *IntegrationDialog::buildDelivery()
{
    auto *box = new QGroupBox(tr("Delivery"), this);
    auto *form = new QFormLayout(box);
    auto spin = [box](const QString &name, int min, int max, int value, const QString &suffix) {
        auto *s = new QSpinBox(box);
        s->setObjectName(name);
        s->setRange(min, max);
        s->setValue(value);
        s->setSuffix(suffix);
        s->setGroupSeparatorShown(true);
        return s;
    };
    m_timeoutSpin = spin(
        QStringLiteral("requestTimeoutSpin"), 100, 600000, IntegrationDefinition::DefaultRequestTimeoutMs, tr(" ms"));
    m_timeoutSpin->setSingleStep(1000);
    addRow(form,
           tr("Bot &timeout:"),
           m_timeoutSpin,
           addErrorLabel(m_timeoutSpin, QStringLiteral("delivery.requestTimeoutMs")));
    m_attemptsSpin = spin(QStringLiteral("attemptsSpin"), 1, 10, IntegrationDefinition::DefaultAttempts, QString());
    addRow(form,
           tr("&Attempts per message:"),
           m_attemptsSpin,
           addErrorLabel(m_attemptsSpin, QStringLiteral("delivery.attempts")));
    m_burstWindowSpin = spin(QStringLiteral("burstWindowSpin"), 0, 60000, 0, tr(" ms"));
    m_burstWindowSpin->setSpecialValueText(tr("off"));
    m_burstWindowSpin->setSingleStep(250);
    addRow(form,
           tr("&Burst window:"),
           m_burstWindowSpin,
           addErrorLabel(m_burstWindowSpin, QStringLiteral("delivery.burstWindowMs")));
    m_maxBurstSpin = spin(QStringLiteral("maxBurstCountSpin"), 0, 1000, 0, QString());
    addRow(form,
           tr("&Messages per burst:"),
           m_maxBurstSpin,
           addErrorLabel(m_maxBurstSpin, QStringLiteral("delivery.maxBurstCount")));
    return box;
}

QWidget *IntegrationDialog::buildTest()
{
    auto *box = new QGroupBox(tr("Connection test"), this);
    m_testButton = new QPushButton(Icons::icon(Icons::Icon::TestConnection), tr("Test Connection"), box);
    m_testButton->setObjectName(QStringLiteral("testConnectionButton"));
    m_testSteps = new QTreeWidget(box);
    m_testSteps->setObjectName(QStringLiteral("connectionTestSteps"));
    m_testSteps->setAccessibleName(tr("Connection test steps"));
    m_testSteps->setRootIsDecorated(false);
    m_testSteps->setUniformRowHeights(true);
    m_testSteps->setColumnCount(2);
    m_testSteps->setHeaderLabels({tr("Step"), tr("Result")});
    m_testSteps->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_testSteps->setSelectionMode(QAbstractItemView::NoSelection);
    const QStringList steps{tr("Find the LivePerson hosts (CSDS)"),
                            tr("Log in as the bot's agent user"),
                            tr("Read the account's skills"),
                            tr("Ask the bot for its state")};
    for (const QString &step : steps) {
        auto *item = new QTreeWidgetItem(m_testSteps, {step, tr("not run")});
        item->setIcon(0, Icons::icon(Icons::Icon::Pending));
    }
    m_testSteps->setFixedHeight(m_testSteps->sizeHintForRow(0) * 5 + 8);
    m_testSummary = new QLabel(box);
    m_testSummary->setObjectName(QStringLiteral("connectionTestSummary"));
    m_testSummary->setWordWrap(true);
    connect(m_testButton, &QPushButton::clicked, this, [this] {
        m_loadSkillsOnly = false;
        runTest();
    });

    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_testButton, 0, Qt::AlignLeft);
    layout->addWidget(m_testSteps);
    layout->addWidget(m_testSummary);
    return box;
}

void IntegrationDialog::setDefinition(const IntegrationDefinition &definition)
{
    m_original = definition;
    m_editing = true;
    m_id = definition.id.isEmpty() ? IntegrationDefinition::newId() : definition.id;
    setWindowTitle(tr("Edit Integration “%1”").arg(definition.name));

    m_nameEdit->setText(definition.name);
    m_enabledCheck->setChecked(definition.enabled);
    m_accountEdit->setText(definition.liveperson.accountId);
    m_csdsEdit->setText(definition.liveperson.csdsDomain);
    m_channelCombo->setCurrentIndex(m_channelCombo->findData(QVariant::fromValue(definition.liveperson.channel)));
    m_loginTypeCombo->setCurrentIndex(m_loginTypeCombo->findData(QVariant::fromValue(definition.liveperson.loginType)));
    m_loginNameEdit->setText(definition.liveperson.loginName);
    m_caFileEdit->setText(definition.liveperson.caFile);
    m_protocolCombo->setCurrentIndex(m_protocolCombo->findData(QVariant::fromValue(definition.bot.protocol)));
    m_baseUrlEdit->setText(definition.bot.baseUrl);
    m_botIdEdit->setText(definition.bot.botId);
    m_environmentEdit->setText(definition.bot.environment);
    m_webhookUrlEdit->setText(definition.bot.webhookUrl);
    m_callbackAddressEdit->setText(definition.bot.callbackAddress);
    m_callbackPortSpin->setValue(definition.bot.callbackPort);
    m_sendWelcomeCheck->setChecked(definition.bot.sendWelcome);
    m_surveyBotCheck->setChecked(definition.routing.surveyBot);
    m_botSkillEdit->setText(definition.routing.botSkillId);
    m_timeoutSpin->setValue(definition.delivery.requestTimeoutMs);
    m_attemptsSpin->setValue(definition.delivery.attempts);
    m_burstWindowSpin->setValue(definition.delivery.burstWindowMs);
    m_maxBurstSpin->setValue(definition.delivery.maxBurstCount);
    // Only whether a secret is stored is known here; its value stays in the keychain.
    for (const SecretSlot &slot : std::as_const(m_secretSlots)) {
        slot.edit->setStored(definition.secrets.contains(slot.field));
    }
    setSkills(m_skills);
    validate();
}

bool IntegrationDialog::isEditing() const
{
    return m_editing;
}

void IntegrationDialog::setSkills(const QList<SkillInfo> &skills)
{
    m_skills = skills;
    // Before the picker was ever filled, the configured fallback is the current one.
    const QString current = fallbackSkillId();
    const QString currentId =
        m_fallbackCombo->count() == 0 && current.isEmpty() && m_editing ? m_original.routing.fallbackSkillId : current;
    const QSignalBlocker blocker(m_fallbackCombo);
    m_fallbackCombo->clear();
    bool listed = false;
    for (const SkillInfo &skill : skills) {
        m_fallbackCombo->addItem(skill.name.isEmpty() ? skill.id : skill.name, skill.id);
        m_fallbackCombo->setItemData(m_fallbackCombo->count() - 1, tr("Skill id %1").arg(skill.id), Qt::ToolTipRole);
        listed = listed || skill.id == currentId;
    }
    // The configured fallback stays pickable even before the skills are loaded.
    if (!currentId.isEmpty() && !listed) {
        const QString name = m_editing && m_original.routing.fallbackSkillId == currentId &&
                                     !m_original.routing.fallbackSkillName.isEmpty()
                                 ? m_original.routing.fallbackSkillName
                                 : currentId;
        m_fallbackCombo->insertItem(0, name, currentId);
    }
    const int index = m_fallbackCombo->findData(currentId);
    m_fallbackCombo->setCurrentIndex(index);
    if (index < 0) {
        m_fallbackCombo->setEditText(QString());
    }
    validate();
}

void IntegrationDialog::setConnectionTest(ConnectionTest *test)
{
    if (m_test) {
        m_test->disconnect(this);
        m_test->deleteLater();
    }
    m_test = test;
    if (m_test) {
        m_test->setParent(this);
        connect(m_test, &ConnectionTest::stepChanged, this, &IntegrationDialog::handleStepChanged);
        connect(m_test, &ConnectionTest::skillsLoaded, this, &IntegrationDialog::setSkills);
        connect(m_test, &ConnectionTest::finished, this, [this](bool ok) {
            m_testSummary->setText(
                ok ? (m_loadSkillsOnly ? tr("Skills loaded: %1.").arg(m_skills.size()) : tr("Every check passed."))
                   : tr("The connection test failed; the step marked above says why."));
            validate();
        });
    }
    validate();
}

QString IntegrationDialog::fallbackSkillId() const
{
    const QString text = m_fallbackCombo->currentText().trimmed();
    if (text.isEmpty()) {
        return {};
    }
    const int index = m_fallbackCombo->findText(text, Qt::MatchExactly);
    if (index >= 0) {
        return m_fallbackCombo->itemData(index).toString();
    }
    return numericId().match(text).hasMatch() ? text : QString();
}

QStringList IntegrationDialog::requiredSecretFields() const
{
    QStringList fields;
    if (m_loginTypeCombo->currentData().value<IntegrationDefinition::LoginType>() ==
        IntegrationDefinition::LoginType::Password) {
        fields << QString(SecretField::LoginPassword);
    } else {
        fields << QString(SecretField::OAuthClientId) << QString(SecretField::OAuthClientSecret);
    }
    if (m_protocolCombo->currentData().value<IntegrationDefinition::BotProtocol>() ==
        IntegrationDefinition::BotProtocol::CustomEndpoint) {
        fields << QString(SecretField::AppJwtClientId) << QString(SecretField::AppJwtClientSecret);
    } else {
        fields << QString(SecretField::WebhookSigningSecret) << QString(SecretField::CallbackToken);
    }
    return fields;
}

IntegrationDefinition IntegrationDialog::definition() const
{
    IntegrationDefinition d = m_original; // keeps fields this version does not show
    d.id = m_id;
    d.name = m_nameEdit->text().trimmed();
    d.enabled = m_enabledCheck->isChecked();
    d.liveperson.accountId = m_accountEdit->text().trimmed();
    d.liveperson.csdsDomain = m_csdsEdit->text().trimmed();
    d.liveperson.channel = m_channelCombo->currentData().value<IntegrationDefinition::Channel>();
    d.liveperson.loginType = m_loginTypeCombo->currentData().value<IntegrationDefinition::LoginType>();
    d.liveperson.loginName = m_loginNameEdit->text().trimmed();
    d.liveperson.caFile = m_caFileEdit->text().trimmed();
    d.bot.protocol = m_protocolCombo->currentData().value<IntegrationDefinition::BotProtocol>();
    d.bot.baseUrl = m_baseUrlEdit->text().trimmed();
    d.bot.botId = m_botIdEdit->text().trimmed();
    d.bot.environment = m_environmentEdit->text().trimmed();
    d.bot.webhookUrl = m_webhookUrlEdit->text().trimmed();
    d.bot.callbackAddress = m_callbackAddressEdit->text().trimmed();
    d.bot.callbackPort = m_callbackPortSpin->value();
    d.bot.sendWelcome = m_sendWelcomeCheck->isChecked();
    d.routing.surveyBot = m_surveyBotCheck->isChecked();
    d.routing.botSkillId = m_botSkillEdit->text().trimmed();
    d.routing.fallbackSkillId = fallbackSkillId();
    d.routing.fallbackSkillName.clear();
    for (const SkillInfo &skill : m_skills) {
        if (skill.id == d.routing.fallbackSkillId) {
            d.routing.fallbackSkillName = skill.name;
        }
    }
    if (d.routing.fallbackSkillName.isEmpty() && d.routing.fallbackSkillId == m_original.routing.fallbackSkillId) {
        d.routing.fallbackSkillName = m_original.routing.fallbackSkillName;
    }
    d.delivery.requestTimeoutMs = m_timeoutSpin->value();
    d.delivery.attempts = m_attemptsSpin->value();
    d.delivery.burstWindowMs = m_burstWindowSpin->value();
    d.delivery.maxBurstCount = m_maxBurstSpin->value();

    // Name the keychain entries of the secrets this configuration uses, and only those.
    QMap<QString, QString> secrets;
    const QStringList required = requiredSecretFields();
    for (const SecretSlot &slot : m_secretSlots) {
        if (required.contains(slot.field) && slot.edit->hasValue()) {
            secrets.insert(slot.field, d.secretKey(slot.field));
        }
    }
    d.secrets = secrets;
    return d;
}

QStringList IntegrationDialog::problems() const
{
    return m_problems;
}

void IntegrationDialog::validate()
{
    const IntegrationDefinition d = definition();
    QList<Storage::FieldError> errors = d.validate();
    for (const QString &field : requiredSecretFields()) {
        if (!d.secrets.contains(field)) {
            errors.append({QStringLiteral("secrets.") + field, tr("is required")});
        }
    }
    if (!m_fallbackCombo->currentText().trimmed().isEmpty() && d.routing.fallbackSkillId.isEmpty()) {
        errors.append(
            {QStringLiteral("routing.fallbackSkillId"),
             tr("is not a known skill: pick one from the list (Load Skills fills it) or type its numeric id")});
    }

    for (QLabel *label : std::as_const(m_errorLabels)) {
        label->clear();
        label->hide();
    }
    m_problems.clear();
    QStringList unplaced;
    for (const Storage::FieldError &error : std::as_const(errors)) {
        m_problems.append(error.toString());
        if (QLabel *label = m_errorLabels.value(error.path)) {
            label->setText(label->text().isEmpty()
                               ? tr("This field %1.").arg(error.message)
                               : label->text() + QLatin1Char('\n') + tr("This field %1.").arg(error.message));
            label->show();
        } else {
            unplaced.append(error.toString());
        }
    }
    m_fallbackNote->setVisible(d.routing.fallbackSkillId.isEmpty() &&
                               m_fallbackCombo->currentText().trimmed().isEmpty());

    bool canTest = m_test && !m_test->isRunning() && !m_saving;
    for (const Storage::FieldError &error : std::as_const(errors)) {
        if (!error.path.startsWith(QLatin1String("routing.")) && !error.path.startsWith(QLatin1String("delivery."))) {
            canTest = false;
        }
    }
    m_testButton->setEnabled(canTest);
    m_loadSkillsButton->setEnabled(canTest);
    if (!m_test) {
        m_testButton->setToolTip(tr("No connection test is available here."));
    }
    if (!m_saving) {
        m_statusLabel->setText(unplaced.join(QLatin1Char('\n')));
    }
    m_okButton->setEnabled(!m_saving && errors.isEmpty());
}

void IntegrationDialog::runTest()
{
    if (!m_test || m_test->isRunning()) {
        return;
    }
    for (int i = 0; i < m_testSteps->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_testSteps->topLevelItem(i);
        item->setIcon(0, Icons::icon(Icons::Icon::Pending));
        item->setText(1, tr("pending"));
    }
    m_testSummary->setText(tr("Testing…"));
    QHash<QString, QString> unsaved;
    const QStringList required = requiredSecretFields();
    for (const SecretSlot &slot : std::as_const(m_secretSlots)) {
        if (required.contains(slot.field) && slot.edit->hasNewValue()) {
            unsaved.insert(slot.field, slot.edit->newValue());
        }
    }
    m_test->start(definition(), unsaved);
    validate();
}

void IntegrationDialog::handleStepChanged(ConnectionTest::Step step,
                                          ConnectionTest::StepState state,
                                          const QString &message)
{
    QTreeWidgetItem *item = m_testSteps->topLevelItem(int(step));
    if (!item) {
        return;
    }
    switch (state) {
    case ConnectionTest::StepState::Pending:
        item->setIcon(0, Icons::icon(Icons::Icon::Pending));
        item->setText(1, message.isEmpty() ? tr("pending") : message);
        break;
    case ConnectionTest::StepState::Running:
        item->setIcon(0, Icons::icon(Icons::Icon::StateBusy));
        item->setText(1, message.isEmpty() ? tr("running…") : message);
        break;
    case ConnectionTest::StepState::Ok:
        item->setIcon(0, Icons::icon(Icons::Icon::Ok));
        item->setText(1, message.isEmpty() ? tr("ok") : message);
        break;
    case ConnectionTest::StepState::Failed:
        item->setIcon(0, Icons::icon(Icons::Icon::Error));
        item->setText(1, message.isEmpty() ? tr("failed") : message);
        break;
    case ConnectionTest::StepState::Skipped:
        item->setIcon(0, Icons::icon(Icons::Icon::StateStopped));
        item->setText(1, message.isEmpty() ? tr("skipped") : message);
        break;
    }
    item->setToolTip(1, item->text(1));
}

void IntegrationDialog::accept()
{
    if (m_saving) {
        return;
    }
    validate();
    if (!m_problems.isEmpty()) {
        return;
    }
    m_pending = definition();
    m_jobs.clear();
    const QStringList required = requiredSecretFields();
    for (const SecretSlot &slot : std::as_const(m_secretSlots)) {
        if (required.contains(slot.field) && slot.edit->hasNewValue()) {
            m_jobs.append(SecretJob{m_pending.secretKey(slot.field), slot.edit->newValue(), false});
        }
    }
    // Entries of secrets this configuration no longer uses (e.g. after switching the login type).
    for (auto it = m_original.secrets.constBegin(); it != m_original.secrets.constEnd(); ++it) {
        if (!m_pending.secrets.contains(it.key())) {
            m_jobs.append(SecretJob{it.value(), QString(), true});
        }
    }
    if (!m_jobs.isEmpty() && !m_secrets) {
        failSave(tr("No keychain is available, so the secrets cannot be stored."));
        return;
    }
    setSaving(true);
    m_statusLabel->setText(tr("Saving the secrets in the keychain…"));
    QTimer::singleShot(0, this, &IntegrationDialog::runNextSecretJob);
}

void IntegrationDialog::runNextSecretJob()
{
    if (m_jobs.isEmpty()) {
        finishSave();
        return;
    }
    if (!m_secrets) {
        failSave(tr("The keychain went away while saving."));
        return;
    }
    SecretJob job = m_jobs.takeFirst();
    qCDebug(lcUi) << "keychain" << (job.remove ? "remove" : "write") << job.key;
    // Keychain jobs run one after another; the next starts from the event loop, not from inside
    // the previous job's completion.
    auto next = [this, key = job.key, remove = job.remove](const Storage::SecretResult &result) {
        if (!result.ok() && !(remove && result.status == Storage::SecretResult::Status::NotFound)) {
            failSave(remove ? tr("Could not delete the keychain entry “%1”: %2").arg(key, result.errorMessage)
                            : tr("Could not store the secret “%1” in the keychain: %2").arg(key, result.errorMessage));
            return;
        }
        QTimer::singleShot(0, this, &IntegrationDialog::runNextSecretJob);
    };
    if (job.remove) {
        m_secrets->remove(job.key, this, next);
    } else {
        m_secrets->write(job.key, job.value, this, next);
    }
}

void IntegrationDialog::finishSave()
{
    // The secrets are in the keychain now: forget the typed values.
    const QStringList required = requiredSecretFields();
    for (const SecretSlot &slot : std::as_const(m_secretSlots)) {
        if (required.contains(slot.field) && slot.edit->hasNewValue()) {
            slot.edit->setStored(true);
        }
    }
    if (m_store) {
        if (m_editing) {
            if (const VoidResult result = m_store->update(m_pending); !result) {
                failSave(result.error().message);
                return;
            }
        } else if (const auto result = m_store->add(m_pending); !result) {
            failSave(result.error().message);
            return;
        } else {
            m_pending = result.value();
        }
    }
    m_original = m_pending;
    m_editing = true;
    setSaving(false);
    Q_EMIT definitionAccepted(m_pending);
    QDialog::accept();
}

void IntegrationDialog::failSave(const QString &message)
{
    m_jobs.clear();
    setSaving(false);
    m_statusLabel->setText(message);
    qCWarning(lcUi) << "integration not saved" << m_id;
}

void IntegrationDialog::setSaving(bool saving)
{
    m_saving = saving;
    m_form->setEnabled(!saving);
    validate();
}

} // namespace Switchboard
