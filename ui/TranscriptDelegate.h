// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "StructuredContentLayout.h"

#include <QCache>
#include <QStyledItemDelegate>

namespace Switchboard
{

/**
 * Draws transcript lines (TranscriptModel) as a chat: consumer messages as bubbles on the left;
 * bot, human-agent and private messages on the right (private ones dashed and marked); system
 * lines centred and quiet; errors and escalations as full-width banners with their code and fix
 * hint. Structured content is drawn inside the bubble by StructuredContentLayout.
 *
 * All colours are derived from the view's palette (mixed towards Base), so light and dark themes
 * both work. The layouts of the lines being painted are kept in a bounded cache (by line id and
 * view width); heights are not cached here — TranscriptView keeps one per row.
 */
class TranscriptDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TranscriptDelegate)

public:
    explicit TranscriptDelegate(QObject *parent = nullptr);
    ~TranscriptDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event,
                   QAbstractItemView *view,
                   const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

    /** Forgets the cached layouts (after a font or style change). */
    void clearCache();

    /** Longest text drawn in a bubble; the inspector shows the rest. */
    static constexpr int MaxDrawnTextLength = 4000;

private:
    struct LineLayout
    {
        QRect bubble;
        QRect icon;
        QRect header;
        QRect body;
        QRect hint;
        QPoint cardOrigin;
        StructuredContentLayout card;
        QString headerText;
        QString bodyText;
        QString hintText;
        int height = 0;
    };

    LineLayout layoutFor(const QModelIndex &index, int width, const QFont &font) const;
    const LineLayout &cachedLayout(const QModelIndex &index, int width, const QFont &font) const;
    static int viewWidth(const QStyleOptionViewItem &option);

    mutable QCache<qint64, LineLayout> m_layouts;
    mutable int m_layoutsWidth = -1;
    mutable LineLayout m_scratch;
};

} // namespace Switchboard
