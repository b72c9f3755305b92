# SPDX-FileCopyrightText: 2026 Switchboard contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks UMS frames (the sandbox's frame log) against LivePerson's published JSON schemas.

The recipe is the one of ../shared/reference/schemas/README.md §3-§6:

* every ``ums/**/*.json`` (and ``structured-content/*.json``) is loaded into a store keyed by its
  ``file://`` URI, plus the two miscased aliases of §3;
* Draft 4, with the type checker extended so that ``"Long"`` is an integer and ``"any"`` matches
  anything (§2, §5);
* each frame is checked against its envelope (``infra/req.json``, ``infra/resp.json``,
  ``infra/notification.json``), then its body against the schema chosen by the wire ``type`` (§4);
* every known gap of §6 that real traffic hits is handled by one entry of ``DEVIATIONS`` below.
  Nothing else is tolerated: a frame that fails and is not covered by a deviation fails the test.

Responses are matched to their request through ``reqId`` (on the same connection), because the
response ``type`` strings are only schema defaults (§6.1) and several are UNCONFIRMED
(liveperson-protocol.md §9).
"""

import copy
import json
import pathlib
import warnings

import jsonschema
import jsonschema.exceptions
from jsonschema import validators

# --------------------------------------------------------------------------------------------
# Tables of README §4: which schema checks which wire type.
# --------------------------------------------------------------------------------------------

# Request wire type -> ("body" | "frame", schema path relative to schemas/).
REQUEST_SCHEMAS = {
    ".ams.routing.SetAgentState": ("body", "ums/routing/setAgentState.json"),
    ".ams.routing.UpdateRingState": ("body", "ums/routing/updateRingState.json"),
    ".ams.aam.SubscribeExConversations": ("body", "ums/aam/subscribeExConversations.json"),
    ".ams.aam.UnsubscribeExConversations": ("body", "ums/aam/unsubscribeExConversations.json"),
    ".ams.cm.UpdateConversationField": ("body", "ums/cm/updateConversationFieldBody.json"),
    ".ams.cm.AgentRequestConversation": ("body", "ums/cm/agentRequestConversation.json"),
    ".ams.ms.PublishEvent": ("body", "ums/ms/PublishEvent.json"),
    ".ams.ms.QueryMessages": ("frame", "ums/ms/queryMessages.json"),
    ".ams.userprofile.GetUserProfile": ("body", "ums/userprofile/getUserProfile.json"),
    ".ams.ms.GenerateURLForUploadFile": ("body", "ums/ms/GenerateURLForUploadFileBody.json"),
    ".ams.ms.GenerateURLForDownloadFile": ("body", "ums/ms/GenerateURLForDownloadFileBody.json"),
}

# Request wire types the schemas know but give no body schema (README §4 and §6.9).
REQUEST_NO_SCHEMA = {
    ".GetClock": "README §4: GetClock has no body schema",
    ".ams.routing.SubscribeRoutingTasks": "README §4/§6.9: no body schema",
    ".ams.routing.SubscribeAgentsState": "README §4/§6.9: no body schema",
    ".ams.routing.UpdateRoutingTaskSubscription": "README §6.9: not covered at all",
}

# Response schema, chosen by the wire type of the *request* it answers.
# ("frame" | "body" | "items", schema path, fragment or None)
RESPONSE_SCHEMAS = {
    ".ams.routing.SetAgentState": ("frame", "ums/infra/stringResp.json", None),
    ".ams.routing.UpdateRingState": ("frame", "ums/infra/stringResp.json", None),
    ".ams.cm.UpdateConversationField": ("frame", "ums/infra/stringResp.json", None),
    ".ams.aam.UnsubscribeExConversations": ("frame", "ums/infra/stringResp.json", None),
    ".ams.ms.PublishEvent": ("frame", "ums/ms/PublishEventSuccess.json", None),
    ".ams.routing.SubscribeRoutingTasks": ("frame", "ums/types/genericSubscribeResp.json", None),
    ".ams.routing.SubscribeAgentsState": ("frame", "ums/types/genericSubscribeResp.json", None),
    ".ams.aam.SubscribeExConversations": ("body", "ums/aam/subscribeExConversationsResp.json", None),
    ".ams.cm.AgentRequestConversation": ("body", "ums/cm/consumerRequestConversationResp.json", None),
    ".ams.ms.GenerateURLForUploadFile": ("frame", "ums/ms/GenerateURLResp.json", None),
    ".ams.ms.GenerateURLForDownloadFile": ("frame", "ums/ms/GenerateURLResp.json", None),
    # Deviation "query-messages-items": each array item is one raw messaging event.
    ".ams.ms.QueryMessages": ("items", "ums/ms/messagingEventNotification.json", "/properties/changes/items"),
}

RESPONSE_NO_SCHEMA = {
    ".GetClock": "README §4/§6.9: .GetClock$Response has no schema",
    ".ams.routing.UpdateRoutingTaskSubscription": "README §6.9: not covered at all",
    # Deviation "user-profile-raw" (§6.8) documents why this one is envelope-only.
    ".ams.userprofile.GetUserProfile": "README §6.8: schema describes the SDK's converted SDE array, "
                                       "not the raw response",
}

# Wire response code and type that liveperson-protocol.md §3.4 states as facts; the SDK needs the
# QueryMessages one exactly. Types it marks UNCONFIRMED are not listed.
EXPECTED_RESPONSES = {
    ".ams.routing.SetAgentState": (202, ".ReqBody$StringResp"),
    ".ams.routing.UpdateRingState": (202, ".ReqBody$StringResp"),
    ".ams.routing.SubscribeRoutingTasks": (200, ".ams.GenericSubscribe$Response"),
    ".ams.ms.QueryMessages": (200, ".ams.ms.QueryMessages$Response"),
    ".ams.userprofile.GetUserProfile": (200, ".ams.userprofile.GetUserProfile$Response"),
}

NOTIFICATION_SCHEMAS = {
    ".ams.routing.RoutingTaskNotification": ("ums/routing/routingTaskNotification.json", None),
    ".ams.routing.AgentStateNotification": ("ums/routing/agentStateNotification.json", None),
    # Deviation "ex-conversation-participants" rewrites participants before this check.
    ".ams.aam.ExConversationChangeNotification": ("ums/aam/subscribeExConversationsNotification.json", None),
    # Deviation "online-event-distribution": one raw event per frame.
    ".ams.ms.OnlineEventDistribution": ("ums/ms/messagingEventNotification.json", "/properties/changes/items"),
}

NOTIFICATION_NO_SCHEMA = {
    ".ams.routing.RingUpdated": "README §4/§6.9: no schema",
    ".ams.cm.ConversationChangeNotification": "README §4/§6.9: no schema",
}

# --------------------------------------------------------------------------------------------
# Known gaps of README §6 that real traffic hits. Each is applied only where its condition holds,
# counted, and listed in the summary. tests/conformance/README.md explains each one.
# --------------------------------------------------------------------------------------------

DEVIATIONS = {
    "rich-content-field": (
        "README §6.2: RichContentEvent carries its card in `content` (SDK, docs), the schema calls it "
        "`message`. The card is checked against structured-content/rich_content.json; the event is "
        "then checked against the UMS schema with `content` renamed `message`."),
    "ex-conversation-participants": (
        "README §6.5: raw ExConversationChange `participants`/`participantsPId` are role->[id] objects, "
        "the schema describes the SDK's [{id,role}] array. Both objects are checked against a role->[string] "
        "shape and for matching roles, then `participants` is rebuilt from `participantsPId` as the SDK does "
        "(liveperson-protocol.md §3.5) and the body is checked against the schema."),
    "online-event-distribution": (
        "README §4/§6.4: a raw .ams.ms.OnlineEventDistribution body is one event; it is checked against "
        "ms/messagingEventNotification.json#/properties/changes/items instead of the whole file."),
    "query-messages-items": (
        "README §4/§6.4: .ams.ms.QueryMessages$Response has no schema; each item of its array body is "
        "checked against ms/messagingEventNotification.json#/properties/changes/items."),
    "chat-state-no-sequence": (
        "liveperson-protocol.md §3.4/§3.5: ChatStateEvents carry no sequence and no server timestamp, but "
        "ms/messagingEventNotification.json requires both for every event (not in README §6). For a "
        "ChatStateEvent only, missing `sequence`/`serverTimestamp` are filled with 0 before the check, so "
        "everything else in the event is still validated."),
    "metadata-extra-types": (
        "README §6.6: infra/metadata/Metadata.json admits only ActionReason, BotResponse, IBMWatsonInfo "
        "and ExternalId. Items of the types listed in EXTRA_METADATA_TYPES (documented in "
        "liveperson-protocol.md §4/§7) are taken out of the envelope check and checked against a minimal "
        "local shape; any other unknown type still fails."),
    "dialog-change-field": (
        "README §6.7: there is no DialogChange conversation field in cm/updateConversationFieldBody.json. "
        "DialogChange entries are taken out of the oneOf check and checked against a local shape from "
        "liveperson-protocol.md §3.4/§4."),
}

# Metadata types outside Metadata.json that the reference documents (liveperson-protocol.md §4, §7).
EXTRA_METADATA_TYPES = {"EscalationSummary"}

# Local shapes for the parts the schemas do not describe. Kept minimal and explicit.
ROLE_MAP_SHAPE = {
    "type": "object",
    "properties": {role: {"type": "array", "items": {"type": "string", "minLength": 1}}
                   for role in ("CONSUMER", "ASSIGNED_AGENT", "MANAGER", "READER", "CONTROLLER")},
    "additionalProperties": False,
}
EXTRA_METADATA_SHAPE = {
    "type": "object",
    "properties": {"type": {"type": "string", "minLength": 1}},
    "required": ["type"],
}
DIALOG_CHANGE_SHAPE = {
    "type": "object",
    "properties": {
        "field": {"enum": ["DialogChange"]},
        "type": {"enum": ["UPDATE"]},
        "dialog": {
            "type": "object",
            "properties": {"dialogId": {"type": "string", "minLength": 1}, "state": {"enum": ["OPEN", "CLOSE"]}},
            "required": ["dialogId", "state"],
        },
    },
    "required": ["field", "type", "dialog"],
}

MAX_ERRORS_PER_CHECK = 5


class SchemaSet:
    """LivePerson's schemas loaded as README §5 describes; `errors()` validates one instance."""

    def __init__(self, schemas_dir):
        self.root = pathlib.Path(schemas_dir).resolve()
        ums = self.root / "ums"
        if not (ums / "infra" / "req.json").is_file():
            raise FileNotFoundError(f"LivePerson UMS schemas not found under {ums}")
        self.store = {}
        for folder in ("ums", "structured-content"):
            for path in sorted((self.root / folder).rglob("*.json")):
                with open(path, encoding="utf-8") as handle:
                    self.store[path.as_uri()] = json.load(handle)
        # README §3: two $refs in ws/agentRequests.json are miscased; alias them, never rename files.
        for wrong, real in (("cm/AgentRequestConversation.json", "cm/agentRequestConversation.json"),
                            ("cm/UpdateConversationFieldBody.json", "cm/updateConversationFieldBody.json")):
            self.store[(ums / wrong).as_uri()] = self.store[(ums / real).as_uri()]

        base = validators.Draft4Validator
        checker = base.TYPE_CHECKER.redefine_many({
            "Long": lambda _checker, instance: base.TYPE_CHECKER.is_type(instance, "integer"),
            "any": lambda _checker, instance: True,
        })
        self.validator_class = validators.extend(base, type_checker=checker)
        self._registry = self._make_registry()
        self._cache = {}

    def _make_registry(self):
        """jsonschema >= 4.18 has `referencing`; older (Debian 12's 4.10) uses RefResolver."""
        try:
            import referencing
            import referencing.jsonschema
        except ImportError:
            return None
        resources = [(uri, referencing.Resource.from_contents(doc, default_specification=referencing.jsonschema.DRAFT4))
                     for uri, doc in self.store.items()]
        return referencing.Registry().with_resources(resources)

    def uri(self, rel):
        return (self.root / rel).as_uri()

    def validator(self, rel, fragment=None):
        key = (rel, fragment)
        if key not in self._cache:
            uri = self.uri(rel)
            if uri not in self.store:
                raise KeyError(f"schema {rel} is not in the store")
            target = uri + ("#" + fragment if fragment else "")
            if self._registry is not None:
                self._cache[key] = self.validator_class({"$ref": target}, registry=self._registry)
            else:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", DeprecationWarning)
                    resolver = jsonschema.RefResolver(base_uri=uri, referrer=self.store[uri], store=self.store)
                    _, schema = resolver.resolve(target)
                    self._cache[key] = self.validator_class(schema, resolver=resolver)
        return self._cache[key]

    def local_validator(self, schema):
        return self.validator_class(schema)

    def errors(self, instance, rel=None, fragment=None, schema=None):
        """Up to MAX_ERRORS_PER_CHECK messages, each `at <path>: <message> [schema]`; [] when valid."""
        validator = self.local_validator(schema) if schema is not None else self.validator(rel, fragment)
        label = "local shape" if schema is not None else rel + ("#" + fragment if fragment else "")
        found = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
        out = []
        for error in found[:MAX_ERRORS_PER_CHECK]:
            where = "/".join(str(p) for p in error.absolute_path) or "(root)"
            message = error.message if len(error.message) < 300 else error.message[:300] + "…"
            if error.context:
                # oneOf/anyOf: name the closest branch's complaint, not only "not valid under any".
                best = jsonschema.exceptions.best_match(error.context)
                inner = "/".join(str(p) for p in best.absolute_path) or "(root)"
                message += f" (closest: at {inner}: {best.message[:200]})"
            out.append(f"at {where}: {message} [{label}]")
        if len(found) > MAX_ERRORS_PER_CHECK:
            out.append(f"… and {len(found) - MAX_ERRORS_PER_CHECK} more [{label}]")
        return out


class FrameResult:
    """What happened to one frame: the checks run, the deviations applied, the errors found."""

    def __init__(self, index, direction, connection, kind, wire_type):
        self.index = index
        self.direction = direction
        self.connection = connection
        self.kind = kind
        self.wire_type = wire_type
        self.checked = []        # schema labels that validated this frame (or a part of it)
        self.no_schema = None    # reason, when the frame has no body schema
        self.deviations = []     # deviation ids applied
        self.errors = []

    @property
    def label(self):
        return f"#{self.index} {self.direction} conn {self.connection} {self.kind} {self.wire_type}"


class FrameChecker:
    """Validates a sequence of frame-log entries; keeps per-type counts for the summary."""

    def __init__(self, schemas):
        self.s = schemas
        self.results = []
        self.pending = {}     # (connection, request id) -> request wire type
        self.answered = set()

    # -- helpers -------------------------------------------------------------------------------

    def _check(self, result, instance, rel, fragment=None, where=""):
        errs = self.s.errors(instance, rel, fragment)
        label = rel + ("#" + fragment if fragment else "")
        result.checked.append(label)
        result.errors.extend((where + ": " if where else "") + e for e in errs)

    def _check_local(self, result, instance, schema, where):
        for e in self.s.errors(instance, schema=schema):
            result.errors.append(f"{where}: {e}")

    def _deviate(self, result, name):
        assert name in DEVIATIONS, name
        if name not in result.deviations:
            result.deviations.append(name)

    def _messaging_event(self, result, event_holder, where):
        """Applies "rich-content-field" to a dict holding `event`; returns the copy to validate."""
        event = event_holder.get("event") if isinstance(event_holder, dict) else None
        if (isinstance(event, dict) and event.get("type") == "RichContentEvent"
                and "content" in event and "message" not in event):
            self._deviate(result, "rich-content-field")
            self._check(result, event["content"], "structured-content/rich_content.json",
                        where=f"{where}event/content")
            holder = dict(event_holder)
            renamed = {k: v for k, v in event.items() if k != "content"}
            renamed["message"] = event["content"]
            holder["event"] = renamed
            return holder
        return event_holder

    def _chat_state(self, result, event_holder):
        """Applies "chat-state-no-sequence" to a raw messaging event; returns the copy to validate."""
        event = event_holder.get("event") if isinstance(event_holder, dict) else None
        if not isinstance(event, dict) or event.get("type") != "ChatStateEvent":
            return event_holder
        missing = [k for k in ("sequence", "serverTimestamp") if k not in event_holder]
        if not missing:
            return event_holder
        self._deviate(result, "chat-state-no-sequence")
        return dict(event_holder, **{k: 0 for k in missing})

    def _metadata(self, result, frame):
        """Applies "metadata-extra-types"; returns the frame copy for the envelope check."""
        metadata = frame.get("metadata")
        if not isinstance(metadata, list):
            return frame
        keep = []
        for i, item in enumerate(metadata):
            kind = item.get("type") if isinstance(item, dict) else None
            if kind in EXTRA_METADATA_TYPES:
                self._deviate(result, "metadata-extra-types")
                self._check_local(result, item, EXTRA_METADATA_SHAPE, f"metadata/{i} ({kind})")
            else:
                keep.append(item)
        if len(keep) == len(metadata):
            return frame
        out = dict(frame)
        out["metadata"] = keep
        return out

    # -- per kind --------------------------------------------------------------------------------

    def _request(self, result, frame):
        wire = result.wire_type
        self._check(result, self._metadata(result, frame), "ums/infra/req.json")
        key = (result.connection, frame.get("id"))
        if key in self.pending or key in self.answered:
            result.errors.append(f"request id {frame.get('id')!r} reused on connection {result.connection}")
        self.pending[key] = wire
        if wire in REQUEST_NO_SCHEMA:
            result.no_schema = REQUEST_NO_SCHEMA[wire]
            return
        if wire not in REQUEST_SCHEMAS:
            result.errors.append(f"unknown request type {wire!r}: not in the tables of README §4")
            return
        how, rel = REQUEST_SCHEMAS[wire]
        body = frame.get("body")
        if wire == ".ams.ms.PublishEvent" and isinstance(body, dict):
            body = self._messaging_event(result, body, "body/")
        if wire == ".ams.cm.UpdateConversationField" and isinstance(body, dict):
            fields = body.get("conversationField")
            if isinstance(fields, list) and any(isinstance(f, dict) and f.get("field") == "DialogChange"
                                                for f in fields):
                self._deviate(result, "dialog-change-field")
                keep = []
                for i, f in enumerate(fields):
                    if isinstance(f, dict) and f.get("field") == "DialogChange":
                        self._check_local(result, f, DIALOG_CHANGE_SHAPE, f"body/conversationField/{i}")
                    else:
                        keep.append(f)
                body = dict(body, conversationField=keep)
        if how == "frame":
            self._check(result, dict(frame, body=body), rel)
        else:
            self._check(result, body, rel, where="body")

    def _response(self, result, frame):
        self._check(result, frame, "ums/infra/resp.json")
        key = (result.connection, frame.get("reqId"))
        request_type = self.pending.pop(key, None)
        if request_type is None:
            if key in self.answered:
                result.errors.append(f"second response to request {frame.get('reqId')!r}")
            else:
                result.errors.append(f"response to unknown request id {frame.get('reqId')!r}")
            return
        self.answered.add(key)
        result.request_type = request_type
        code = frame.get("code")
        if isinstance(code, int) and code > 399:
            result.errors.append(f"error response {code} to {request_type}: {json.dumps(frame.get('body'))[:200]}")
            return
        if request_type in EXPECTED_RESPONSES:
            want_code, want_type = EXPECTED_RESPONSES[request_type]
            if code != want_code or frame.get("type") != want_type:
                result.errors.append(
                    f"response to {request_type} is {code} {frame.get('type')!r}, liveperson-protocol.md §3.4 "
                    f"says {want_code} {want_type!r}")
        if request_type in RESPONSE_NO_SCHEMA:
            result.no_schema = RESPONSE_NO_SCHEMA[request_type]
            return
        if request_type not in RESPONSE_SCHEMAS:
            result.errors.append(f"response to {request_type}: no entry in the tables of README §4")
            return
        how, rel, fragment = RESPONSE_SCHEMAS[request_type]
        if how == "frame":
            self._check(result, frame, rel, fragment)
        elif how == "body":
            self._check(result, frame.get("body"), rel, fragment, where="body")
        else:
            self._deviate(result, "query-messages-items")
            body = frame.get("body")
            if not isinstance(body, list):
                result.errors.append(f"body: expected an array (liveperson-protocol.md §3.4), got {type(body).__name__}")
                return
            result.checked.append(rel + "#" + fragment)
            for i, item in enumerate(body):
                item = self._chat_state(result, self._messaging_event(result, item, f"body/{i}/"))
                for e in self.s.errors(item, rel, fragment):
                    result.errors.append(f"body/{i}: {e}")

    def _notification(self, result, frame):
        wire = result.wire_type
        self._check(result, frame, "ums/infra/notification.json")
        if wire in NOTIFICATION_NO_SCHEMA:
            result.no_schema = NOTIFICATION_NO_SCHEMA[wire]
            return
        if wire not in NOTIFICATION_SCHEMAS:
            result.errors.append(f"unknown notification type {wire!r}: not in the tables of README §4")
            return
        rel, fragment = NOTIFICATION_SCHEMAS[wire]
        body = frame.get("body")
        if wire == ".ams.ms.OnlineEventDistribution":
            self._deviate(result, "online-event-distribution")
            body = self._chat_state(result, self._messaging_event(result, body, "body/"))
        elif wire == ".ams.aam.ExConversationChangeNotification":
            body = self._ex_conversation(result, body)
        self._check(result, body, rel, fragment, where="body")

    def _ex_conversation(self, result, body):
        if not isinstance(body, dict) or not isinstance(body.get("changes"), list):
            return body
        body = copy.deepcopy(body)
        for i, change in enumerate(body["changes"]):
            details = change.get("result", {}).get("conversationDetails") if isinstance(change, dict) else None
            if not isinstance(details, dict) or not isinstance(details.get("participants"), dict):
                continue
            self._deviate(result, "ex-conversation-participants")
            where = f"body/changes/{i}/result/conversationDetails"
            raw, pids = details["participants"], details.get("participantsPId")
            self._check_local(result, raw, ROLE_MAP_SHAPE, where + "/participants")
            if not isinstance(pids, dict):
                result.errors.append(f"{where}/participantsPId: missing or not an object "
                                     "(liveperson-protocol.md §3.5: the SDK needs it)")
                continue
            self._check_local(result, pids, ROLE_MAP_SHAPE, where + "/participantsPId")
            for role in set(raw) | set(pids):
                if len(raw.get(role) or []) != len(pids.get(role) or []):
                    result.errors.append(f"{where}: role {role} has {len(raw.get(role) or [])} ids in participants "
                                         f"but {len(pids.get(role) or [])} in participantsPId")
            details["participants"] = [{"id": pid, "role": role}
                                       for role, ids in pids.items() if isinstance(ids, list) for pid in ids]
            del details["participantsPId"]
        return body

    # -- entry point ----------------------------------------------------------------------------

    def check(self, index, entry):
        if not isinstance(entry, dict) or not isinstance(entry.get("frame"), dict):
            result = FrameResult(index, "?", "?", "?", "?")
            result.errors.append("frame-log entry is not {dir, connection, frame:{…}}")
            self.results.append(result)
            return result
        frame = entry["frame"]
        result = FrameResult(index, entry.get("dir"), entry.get("connection"), frame.get("kind"), frame.get("type"))
        result.request_type = None
        expected_dir = {"req": "in", "resp": "out", "notification": "out"}.get(result.kind)
        if expected_dir is None:
            result.errors.append(f"unknown frame kind {result.kind!r}")
        elif entry.get("dir") != expected_dir:
            result.errors.append(f"a {result.kind} frame logged with dir {entry.get('dir')!r}, expected {expected_dir!r}")
        elif not isinstance(result.wire_type, str):
            result.errors.append("frame has no string `type`")
        elif result.kind == "req":
            self._request(result, frame)
        elif result.kind == "resp":
            self._response(result, frame)
        else:
            self._notification(result, frame)
        self.results.append(result)
        return result

    def unanswered(self):
        return sorted(f"conn {conn} request {rid!r} ({wire})" for (conn, rid), wire in self.pending.items())
