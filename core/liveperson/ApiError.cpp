// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ApiError.h"

using namespace Qt::StringLiterals;

namespace Switchboard::LivePerson
{

ApiError ApiError::make(ApiErrorKind kind, const QString &message, int status)
{
    ApiError error;
    error.kind = kind;
    error.message = message;
    error.status = status;
    return error;
}

QString ApiError::kindName(ApiErrorKind kind)
{
    switch (kind) {
    case ApiErrorKind::Network:
        return u"network"_s;
    case ApiErrorKind::Tls:
        return u"tls"_s;
    case ApiErrorKind::Http:
        return u"http"_s;
    case ApiErrorKind::Protocol:
        return u"protocol"_s;
    case ApiErrorKind::Timeout:
        return u"timeout"_s;
    case ApiErrorKind::NotConnected:
        return u"not_connected"_s;
    case ApiErrorKind::Cancelled:
        return u"cancelled"_s;
    case ApiErrorKind::InvalidArgument:
        return u"invalid_argument"_s;
    case ApiErrorKind::Config:
        return u"config"_s;
    }
    return u"unknown"_s;
}

Error ApiError::toError() const
{
    QString code = u"liveperson."_s + kindName(kind);
    if (status != 0) {
        code += u'.' + QString::number(status);
    }
    return Error{code, message};
}

} // namespace Switchboard::LivePerson
