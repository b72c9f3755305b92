// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Switchboard
{

/**
 * An input for one secret that never shows a stored value back. A secret already in the
 * keychain shows as "•••• stored" with a Replace… button; Replace turns the field into an empty,
 * editable input (and Keep returns to the stored one). A new value lives only in the input until
 * the dialog writes it to the keychain and calls clearValue().
 */
class SecretLineEdit final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretLineEdit)

public:
    /** @p objectName names the widget; its parts are "<name>Edit", "<name>ReplaceButton", "<name>KeepButton". */
    explicit SecretLineEdit(const QString &objectName, bool concealed = true, QWidget *parent = nullptr);
    ~SecretLineEdit() override;

    /** Whether a value is stored in the keychain (shows the stored state unless replacing). */
    void setStored(bool stored);
    bool isStored() const;
    /** The operator chose to replace the stored value (or there is none). */
    bool isEditing() const;
    /** A value was typed (it replaces the stored one on save). */
    bool hasNewValue() const;
    QString newValue() const;
    /** Forgets the typed value. */
    void clearValue();
    /** Stored, or a value typed: the field is satisfied. */
    bool hasValue() const;

    QLineEdit *lineEdit() const;
    void setPlaceholderText(const QString &text);

Q_SIGNALS:
    void changed();

private:
    void updateState();

    QLineEdit *m_edit;
    QLabel *m_storedLabel;
    QPushButton *m_replaceButton;
    QPushButton *m_keepButton;
    bool m_stored = false;
    bool m_replacing = false;
};

} // namespace Switchboard
