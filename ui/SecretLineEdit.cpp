// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecretLineEdit.h"

#include "Icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace Switchboard
{

SecretLineEdit::SecretLineEdit(const QString &objectName, bool concealed, QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_storedLabel(new QLabel(tr("•••• stored in the keychain"), this))
    , m_replaceButton(new QPushButton(tr("Replace…"), this))
    , m_keepButton(new QPushButton(tr("Keep Stored"), this))
{
    setObjectName(objectName);
    m_edit->setObjectName(objectName + QStringLiteral("Edit"));
    m_edit->setEchoMode(concealed ? QLineEdit::Password : QLineEdit::Normal);
    m_edit->setMaxLength(4096);
    m_storedLabel->setObjectName(objectName + QStringLiteral("StoredLabel"));
    m_replaceButton->setObjectName(objectName + QStringLiteral("ReplaceButton"));
    m_replaceButton->setIcon(Icons::icon(Icons::Icon::Key));
    m_keepButton->setObjectName(objectName + QStringLiteral("KeepButton"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_storedLabel, 1);
    layout->addWidget(m_replaceButton);
    layout->addWidget(m_keepButton);
    setFocusProxy(m_edit);

    connect(m_edit, &QLineEdit::textChanged, this, &SecretLineEdit::changed);
    connect(m_replaceButton, &QPushButton::clicked, this, [this] {
        m_replacing = true;
        m_edit->clear();
        updateState();
        m_edit->setFocus();
        Q_EMIT changed();
    });
    connect(m_keepButton, &QPushButton::clicked, this, [this] {
        m_replacing = false;
        m_edit->clear();
        updateState();
        Q_EMIT changed();
    });
    updateState();
}

SecretLineEdit::~SecretLineEdit() = default;

void SecretLineEdit::setStored(bool stored)
{
    m_stored = stored;
    m_replacing = false;
    m_edit->clear();
    updateState();
    Q_EMIT changed();
}

bool SecretLineEdit::isStored() const
{
    return m_stored;
}

bool SecretLineEdit::isEditing() const
{
    return !m_stored || m_replacing;
}

bool SecretLineEdit::hasNewValue() const
{
    return isEditing() && !m_edit->text().isEmpty();
}

QString SecretLineEdit::newValue() const
{
    return isEditing() ? m_edit->text() : QString();
}

void SecretLineEdit::clearValue()
{
    m_edit->clear();
}

bool SecretLineEdit::hasValue() const
{
    return hasNewValue() || (m_stored && !m_replacing);
}

QLineEdit *SecretLineEdit::lineEdit() const
{
    return m_edit;
}

void SecretLineEdit::setPlaceholderText(const QString &text)
{
    m_edit->setPlaceholderText(text);
}

void SecretLineEdit::updateState()
{
    const bool editing = isEditing();
    m_edit->setVisible(editing);
    m_storedLabel->setVisible(!editing);
    m_replaceButton->setVisible(!editing);
    m_keepButton->setVisible(m_stored && m_replacing);
    setFocusProxy(editing ? static_cast<QWidget *>(m_edit) : m_replaceButton);
}

} // namespace Switchboard
