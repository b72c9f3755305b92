// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connector/ConnectorTypes.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTreeWidget;

namespace Switchboard::Connector
{
class ConnectorSession;
}

namespace Switchboard
{

/**
 * The inspector beside a transcript: every hop of the selected line's delivery (LivePerson in,
 * bot out, bot in, LivePerson out, with retries as extra attempts), each with its start offset,
 * duration and outcome, and the raw JSON of the selected hop, pretty-printed.
 *
 * showDelivery() asks the session (requestHops) and fills in when hopsLoaded() answers; answers
 * for another delivery than the one shown are ignored. Does not own the session.
 */
class HopInspector final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HopInspector)

public:
    explicit HopInspector(QWidget *parent = nullptr);
    ~HopInspector() override;

    void setSession(Connector::ConnectorSession *session);
    /** Shows the hops of @p deliveryId (empty: explains that the line has none). */
    void showDelivery(const QString &deliveryId);
    QString deliveryId() const;

    /** The JSON text shown for the selected hop. */
    QString rawText() const;

    static QString hopName(const QString &kind);

private:
    void handleHopsLoaded(const QString &deliveryId, const QList<Connector::HopSnapshot> &hops);
    void showSelectedHop();

    QPointer<Connector::ConnectorSession> m_session;
    QString m_deliveryId;
    QList<Connector::HopSnapshot> m_hops;
    QLabel *m_summary;
    QTreeWidget *m_hopList;
    QPlainTextEdit *m_raw;
};

} // namespace Switchboard
