// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QFont>
#include <QJsonObject>
#include <QList>
#include <QRect>
#include <QSize>
#include <QString>

class QPainter;
class QPalette;

namespace Switchboard
{

/**
 * The geometry of one json-pollock structured content (a card, a carousel, quick replies) laid
 * out into a given width: a flat list of boxes — text, image placeholder, button, map
 * placeholder, quick-reply chip — that the transcript delegate both measures and paints, so size
 * hint and painting always agree. A plain value: build it once per line and width, cache it.
 *
 * Only what the operator needs to recognise is drawn: images are placeholders with their URL
 * (the console never fetches remote content), buttons show their title with the action behind
 * them as a tooltip (itemAt()). Nesting is limited to MaxDepth and MaxItems boxes, so a hostile
 * card cannot stall the view.
 */
class StructuredContentLayout final
{
    Q_DECLARE_TR_FUNCTIONS(Switchboard::StructuredContentLayout)

public:
    struct Item
    {
        enum class Kind
        {
            Text,
            Image,
            Button,
            Map,
            Chip,
            Note,
            Frame,
        };
        Kind kind = Kind::Text;
        QRect rect;
        QString text;
        /** Image URL, button action, map coordinates: shown as tooltip. */
        QString detail;
        bool bold = false;
        /** Point-size change for text: -1 small, 0 medium, +1 large. */
        int sizeStep = 0;
    };

    static constexpr int MaxDepth = 8;
    static constexpr int MaxItems = 200;

    /** Whether @p content holds anything this layout draws (a layout element or quick replies). */
    static bool hasContent(const QJsonObject &content);

    /** Lays out @p content in at most @p maxWidth pixels with @p font as the body font. */
    static StructuredContentLayout build(const QJsonObject &content, const QFont &font, int maxWidth);

    bool isEmpty() const;
    QSize size() const;
    const QList<Item> &items() const;

    /** Paints the boxes with their top-left corner at @p origin, in @p palette's colours. */
    void paint(QPainter *painter, const QPoint &origin, const QPalette &palette) const;

    /** The box at @p pos (relative to the layout's top-left corner), or nullptr. */
    const Item *itemAt(const QPoint &pos) const;

    /** One line describing an action list (e.g. "publishText: yes", "link: https://…"). */
    static QString describeActions(const QJsonObject &click);

private:
    int layoutElement(const QJsonObject &element, int x, int y, int width, int depth);
    int layoutQuickReplies(const QJsonObject &quickReplies, int x, int y, int width);
    int textHeight(const QString &text, const QFont &font, int width) const;
    QFont fontFor(const Item &item) const;
    bool full() const;

    QFont m_font;
    QList<Item> m_items;
    QSize m_size;
};

} // namespace Switchboard
