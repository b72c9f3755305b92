#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Switchboard contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the client -> server UMS frames of a sandbox frame log against LivePerson's schemas.

Usage: check_ums_frames.py SCHEMAS_DIR FRAME_LOG.jsonl

SCHEMAS_DIR is ../shared/reference/schemas (never copied into the repository). Each "in" line of
the frame log ({"dir","connection","frame"}) is one frame our client sent. The envelope is checked
against ums/infra/req.json, the body against the schema the schemas README (section 4) names for its
wire type. Known gaps between the schemas and real traffic (README section 6) are skipped and
counted, not hidden: RichContentEvent uses `content` (the card is checked against
structured-content/rich_content.json instead), DialogChange and ParticipantsChange SUGGEST entries
are missing from the schema. Exit status 0 when every frame passes, 1 otherwise, 77 when
jsonschema is not installed.
"""
import collections
import json
import pathlib
import sys
import warnings

try:
    import jsonschema
except ImportError:
    print("python3-jsonschema is not installed")
    sys.exit(77)

warnings.simplefilter("ignore", DeprecationWarning)

root = pathlib.Path(sys.argv[1]).resolve()
store = {}
for path in root.rglob("*.json"):
    try:
        with open(path, encoding="utf-8") as handle:
            store[path.resolve().as_uri()] = json.load(handle)
    except (OSError, ValueError):
        pass
ums = root / "ums"
# Two $refs in ws/agentRequests.json are miscased (README section 3); register aliases.
store[(ums / "cm/AgentRequestConversation.json").as_uri()] = store[(ums / "cm/agentRequestConversation.json").as_uri()]
store[(ums / "cm/UpdateConversationFieldBody.json").as_uri()] = store[(ums / "cm/updateConversationFieldBody.json").as_uri()]

checker = jsonschema.Draft4Validator.TYPE_CHECKER.redefine_many({
    "Long": lambda _, value: isinstance(value, int) and not isinstance(value, bool),
    "any": lambda _, value: True,
})
Validator = jsonschema.validators.extend(jsonschema.Draft4Validator, type_checker=checker)


def errors_of(relative, instance):
    uri = (root / relative).resolve().as_uri()
    schema = store[uri]
    resolver = jsonschema.RefResolver(uri, schema, store=store)
    return [f"{'/'.join(str(p) for p in e.absolute_path) or '<root>'}: {e.message}"
            for e in Validator(schema, resolver=resolver).iter_errors(instance)]


BODY_SCHEMAS = {
    ".ams.routing.SetAgentState": "ums/routing/setAgentState.json",
    ".ams.routing.UpdateRingState": "ums/routing/updateRingState.json",
    ".ams.aam.SubscribeExConversations": "ums/aam/subscribeExConversations.json",
    ".ams.aam.UnsubscribeExConversations": "ums/aam/unsubscribeExConversations.json",
    ".ams.cm.UpdateConversationField": "ums/cm/updateConversationFieldBody.json",
    ".ams.ms.PublishEvent": "ums/ms/PublishEvent.json",
}
ENVELOPE_ONLY = {".GetClock", ".ams.routing.SubscribeRoutingTasks", ".ams.routing.SubscribeAgentsState"}

counts = collections.Counter()
skipped = collections.Counter()
failures = []
with open(sys.argv[2], encoding="utf-8") as log:
    for number, line in enumerate(log, 1):
        entry = json.loads(line)
        if entry.get("dir") != "in":
            continue
        frame = entry.get("frame")
        if not isinstance(frame, dict):
            failures.append(f"line {number}: not a JSON object frame")
            continue
        kind = frame.get("type", "<no type>")
        counts[kind] += 1
        problems = errors_of("ums/infra/req.json", frame)
        body = frame.get("body")
        if frame.get("kind") != "req":
            problems.append("kind is not \"req\"")
        if kind == ".ams.ms.QueryMessages":
            problems += errors_of("ums/ms/queryMessages.json", frame)
        elif kind in ENVELOPE_ONLY:
            pass
        elif kind == ".ams.ms.PublishEvent" and isinstance(body, dict) and body.get("event", {}).get("type") == "RichContentEvent":
            skipped["RichContentEvent uses `content` (README 6.2)"] += 1
            problems += errors_of("structured-content/rich_content.json", body["event"].get("content"))
        elif kind == ".ams.cm.UpdateConversationField" and isinstance(body, dict):
            fields = body.get("conversationField", [])
            kept = [f for f in fields if f.get("field") != "DialogChange" and f.get("type") != "SUGGEST"]
            if len(kept) != len(fields):
                skipped["DialogChange / SUGGEST not in the schema (README 6.7)"] += 1
            if kept:
                problems += errors_of(BODY_SCHEMAS[kind], dict(body, conversationField=kept))
        elif kind in BODY_SCHEMAS:
            problems += errors_of(BODY_SCHEMAS[kind], body)
        else:
            problems.append("no schema mapping for this request type")
        for problem in problems:
            failures.append(f"line {number} {kind}: {problem}")

print("checked:", dict(counts))
print("known gaps skipped:", dict(skipped))
for failure in failures:
    print("FAIL", failure)
sys.exit(1 if failures or not counts else 0)
