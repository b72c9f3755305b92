// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TranscriptDelegate.h"

#include "Icons.h"
#include "StatusText.h"
#include "TranscriptModel.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <algorithm>

namespace Switchboard
{

using Connector::TranscriptRole;

namespace
{
constexpr int OuterMargin = 8;
constexpr int VerticalMargin = 3;
constexpr int Padding = 8;
constexpr int IconSize = 14;
constexpr int Gap = 3;

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

QFont smallFont(const QFont &font)
{
    QFont small = font;
    if (small.pointSizeF() > 0) {
        small.setPointSizeF(small.pointSizeF() * 0.85);
    } else {
        small.setPixelSize(std::max(8, small.pixelSize() * 85 / 100));
    }
    return small;
}

bool isBanner(TranscriptRole role)
{
    return role == TranscriptRole::Error || role == TranscriptRole::Escalation;
}

Icons::Icon iconFor(TranscriptRole role)
{
    switch (role) {
    case TranscriptRole::Consumer:
        return Icons::Icon::Consumer;
    case TranscriptRole::Bot:
        return Icons::Icon::Bot;
    case TranscriptRole::HumanAgent:
        return Icons::Icon::Agent;
    case TranscriptRole::Private:
        return Icons::Icon::Private;
    case TranscriptRole::System:
        return Icons::Icon::System;
    case TranscriptRole::Error:
        return Icons::Icon::Error;
    case TranscriptRole::Escalation:
        return Icons::Icon::Escalate;
    }
    return Icons::Icon::Info;
}

// Tints stay recognisable on light and dark palettes because they are mixed into Base.
QColor bubbleColor(TranscriptRole role, const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    switch (role) {
    case TranscriptRole::Consumer:
        return mix(base, palette.color(QPalette::Text), 0.08);
    case TranscriptRole::Bot:
        return mix(base, palette.color(QPalette::Highlight), 0.20);
    case TranscriptRole::HumanAgent:
        return mix(base, QColor(46, 160, 67), 0.22);
    case TranscriptRole::Private:
        return mix(base, QColor(230, 160, 0), 0.18);
    case TranscriptRole::Error:
        return mix(base, QColor(211, 47, 47), 0.16);
    case TranscriptRole::Escalation:
        return mix(base, QColor(142, 68, 173), 0.16);
    case TranscriptRole::System:
        break;
    }
    return base;
}

QColor borderColor(TranscriptRole role, const QPalette &palette)
{
    switch (role) {
    case TranscriptRole::Error:
        return QColor(211, 47, 47);
    case TranscriptRole::Escalation:
        return QColor(142, 68, 173);
    case TranscriptRole::Private:
        return QColor(200, 140, 0);
    default:
        break;
    }
    return mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.18);
}
} // namespace

TranscriptDelegate::TranscriptDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
    , m_layouts(4000)
{
}

TranscriptDelegate::~TranscriptDelegate() = default;

void TranscriptDelegate::clearCache()
{
    m_layouts.clear();
}

int TranscriptDelegate::viewWidth(const QStyleOptionViewItem &option)
{
    if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget)) {
        return view->viewport()->width();
    }
    return option.rect.width() > 0 ? option.rect.width() : 400;
}

TranscriptDelegate::LineLayout
TranscriptDelegate::layoutFor(const QModelIndex &index, int width, const QFont &font) const
{
    LineLayout layout;
    const auto role = index.data(TranscriptModel::SenderRole).value<TranscriptRole>();
    const QString time = StatusText::time(index.data(TranscriptModel::TimeRole).toDateTime());
    const QString code = index.data(TranscriptModel::CodeRole).toString();
    layout.bodyText = index.data(Qt::DisplayRole).toString();
    if (layout.bodyText.size() > MaxDrawnTextLength) {
        layout.bodyText = tr("%1… (+%2 characters: see the inspector)")
                              .arg(layout.bodyText.left(MaxDrawnTextLength))
                              .arg(layout.bodyText.size() - MaxDrawnTextLength);
    }
    const QFont small = smallFont(font);
    const QFontMetrics metrics(font);
    const QFontMetrics smallMetrics(small);

    if (role == TranscriptRole::System) {
        layout.headerText = time;
        const int available = std::max(60, width - 2 * OuterMargin);
        const QString text = tr("%1 · %2").arg(time, layout.bodyText);
        layout.bodyText = text;
        const QRect bounds =
            smallMetrics.boundingRect(QRect(0, 0, available, 100000), Qt::TextWordWrap | Qt::AlignHCenter, text);
        layout.body = QRect(OuterMargin, VerticalMargin + 2, available, bounds.height());
        layout.height = layout.body.bottom() + 1 + VerticalMargin + 2;
        return layout;
    }

    const bool banner = isBanner(role);
    const int maxBubble = banner ? std::max(120, width - 2 * OuterMargin) : std::max(120, width * 72 / 100);
    const int innerMax = maxBubble - 2 * Padding;
    layout.headerText = code.isEmpty() ? tr("%1 · %2").arg(StatusText::transcriptRole(role), time)
                                       : tr("%1 · %2 · %3").arg(StatusText::transcriptRole(role), time, code);
    const int headerWidth = IconSize + Gap + smallMetrics.horizontalAdvance(layout.headerText);
    const QRect textBounds =
        layout.bodyText.isEmpty()
            ? QRect()
            : metrics.boundingRect(QRect(0, 0, innerMax, 100000), Qt::TextWordWrap, layout.bodyText);
    const QJsonObject content = index.data(TranscriptModel::ContentRole).toJsonObject();
    if (StructuredContentLayout::hasContent(content)) {
        layout.card = StructuredContentLayout::build(content, font, innerMax);
    }
    QRect hintBounds;
    if (banner) {
        const QString hint = index.data(TranscriptModel::HintRole).toString();
        if (!hint.isEmpty()) {
            layout.hintText = tr("How to fix: %1").arg(hint);
            hintBounds = smallMetrics.boundingRect(QRect(0, 0, innerMax, 100000), Qt::TextWordWrap, layout.hintText);
        }
    }

    const int innerWidth =
        banner
            ? innerMax
            : std::min(
                  innerMax,
                  std::max({headerWidth, textBounds.width() + 1, layout.card.size().width(), hintBounds.width() + 1}));
    const int bubbleWidth = innerWidth + 2 * Padding;
    const bool right =
        role == TranscriptRole::Bot || role == TranscriptRole::HumanAgent || role == TranscriptRole::Private;
    const int bubbleX = banner ? OuterMargin : right ? width - OuterMargin - bubbleWidth : OuterMargin;

    int y = VerticalMargin + Padding;
    const int x = bubbleX + Padding;
    const int headerHeight = std::max(IconSize, smallMetrics.height());
    layout.icon = QRect(x, y + (headerHeight - IconSize) / 2, IconSize, IconSize);
    layout.header = QRect(x + IconSize + Gap, y, innerWidth - IconSize - Gap, headerHeight);
    y += headerHeight + Gap;
    if (!layout.bodyText.isEmpty()) {
        layout.body = QRect(x, y, innerWidth, textBounds.height());
        y += textBounds.height();
    }
    if (!layout.card.isEmpty()) {
        y += layout.body.isValid() ? Gap * 2 : 0;
        layout.cardOrigin = QPoint(x, y);
        y += layout.card.size().height();
    }
    if (!layout.hintText.isEmpty()) {
        y += Gap;
        layout.hint = QRect(x, y, innerWidth, hintBounds.height());
        y += hintBounds.height();
    }
    y += Padding;
    layout.bubble = QRect(bubbleX, VerticalMargin, bubbleWidth, y - VerticalMargin);
    layout.height = y + VerticalMargin;
    return layout;
}

const TranscriptDelegate::LineLayout &
TranscriptDelegate::cachedLayout(const QModelIndex &index, int width, const QFont &font) const
{
    const qint64 id = index.data(TranscriptModel::EntryIdRole).toLongLong();
    if (m_layoutsWidth != width) {
        m_layouts.clear();
        m_layoutsWidth = width;
    }
    if (id != 0) {
        if (const LineLayout *cached = m_layouts.object(id)) {
            return *cached;
        }
        auto *layout = new LineLayout(layoutFor(index, width, font));
        m_layouts.insert(id, layout);
        return *layout;
    }
    m_scratch = layoutFor(index, width, font);
    return m_scratch;
}

QSize TranscriptDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // Not cached here: the view keeps one height per row (TranscriptView) and asks once per row
    // and width.
    const int width = viewWidth(option);
    return QSize(width, layoutFor(index, width, option.font).height);
}

void TranscriptDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int width = viewWidth(option);
    const LineLayout &layout = cachedLayout(index, width, option.font);
    const auto role = index.data(TranscriptModel::SenderRole).value<TranscriptRole>();
    const QPalette &palette = option.palette;
    const bool selected = option.state.testFlag(QStyle::State_Selected);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->translate(option.rect.topLeft());
    const QFont small = smallFont(option.font);

    if (role == TranscriptRole::System) {
        if (selected) {
            painter->fillRect(QRect(0, 0, option.rect.width(), layout.height),
                              mix(palette.color(QPalette::Base), palette.color(QPalette::Highlight), 0.15));
        }
        painter->setFont(small);
        painter->setPen(palette.color(QPalette::PlaceholderText));
        painter->drawText(layout.body, Qt::TextWordWrap | Qt::AlignHCenter | Qt::AlignTop, layout.bodyText);
        painter->restore();
        return;
    }

    QPen border(selected ? palette.color(QPalette::Highlight) : borderColor(role, palette), selected ? 2 : 1);
    if (role == TranscriptRole::Private && !selected) {
        border.setStyle(Qt::DashLine);
    }
    painter->setPen(border);
    painter->setBrush(bubbleColor(role, palette));
    painter->drawRoundedRect(QRectF(layout.bubble).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);

    Icons::icon(iconFor(role)).paint(painter, layout.icon);
    painter->setFont(small);
    painter->setPen(palette.color(QPalette::PlaceholderText));
    const QFontMetrics smallMetrics(small);
    painter->drawText(layout.header,
                      Qt::AlignLeft | Qt::AlignVCenter,
                      smallMetrics.elidedText(layout.headerText, Qt::ElideRight, layout.header.width()));

    if (!layout.bodyText.isEmpty()) {
        QFont body = option.font;
        body.setItalic(role == TranscriptRole::Private);
        painter->setFont(body);
        painter->setPen(palette.color(QPalette::Text));
        painter->drawText(layout.body, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, layout.bodyText);
    }
    if (!layout.card.isEmpty()) {
        layout.card.paint(painter, layout.cardOrigin, palette);
    }
    if (!layout.hintText.isEmpty()) {
        QFont hint = small;
        hint.setItalic(true);
        painter->setFont(hint);
        painter->setPen(palette.color(QPalette::Text));
        painter->drawText(layout.hint, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, layout.hintText);
    }
    painter->restore();
}

bool TranscriptDelegate::helpEvent(QHelpEvent *event,
                                   QAbstractItemView *view,
                                   const QStyleOptionViewItem &option,
                                   const QModelIndex &index)
{
    if (event && view && index.isValid() && event->type() == QEvent::ToolTip) {
        const LineLayout &layout = cachedLayout(index, viewWidth(option), option.font);
        if (!layout.card.isEmpty()) {
            const QPoint local = event->pos() - option.rect.topLeft() - layout.cardOrigin;
            if (const auto *item = layout.card.itemAt(local); item && !item->detail.isEmpty()) {
                const QString text = item->kind == StructuredContentLayout::Item::Kind::Image
                                         ? tr("%1\n%2").arg(item->text, item->detail)
                                         : item->detail;
                QToolTip::showText(event->globalPos(), text, view);
                return true;
            }
            if (const auto *item = layout.card.itemAt(local);
                item && item->kind == StructuredContentLayout::Item::Kind::Image) {
                QToolTip::showText(event->globalPos(), item->text, view);
                return true;
            }
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace Switchboard
