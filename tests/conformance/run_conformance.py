#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Switchboard contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""External-peer conformance test of the sandbox: LivePerson's node-agent-sdk against our emulator.

Sub-commands (see README.md in this folder):

  install   npm ci node-agent-sdk@1.2.0 into --node-dir, only when missing or the lock changed
  run       start `switchboard-cli sandbox`, drive sdk_flow.js against it, stop it (SIGTERM, always),
            then validate every frame of its frame log against LivePerson's schemas
  validate  validate an existing frame log (JSON lines {dir, connection, frame})
  selftest  prove the validator rejects bad frames and accepts good ones (no sandbox, no node)

Python 3 standard library plus python3-jsonschema (Debian 12 ships 4.10). Every wait has a timeout.
"""

import argparse
import collections
import ctypes
import hashlib
import json
import os
import pathlib
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time

HERE = pathlib.Path(__file__).resolve().parent
SDK_VERSION = "1.2.0"
INSTALL_STAMP = ".switchboard-npm-install.sha256"

SANDBOX_LINE_TIMEOUT_S = 30
SANDBOX_STOP_TIMEOUT_S = 15
NODE_TIMEOUT_S = 240
NPM_TIMEOUT_S = 240

# Request and notification types the SDK flow must leave in the frame log; without them the schema
# validation would prove little (an empty or truncated log validates trivially).
REQUIRED_IN_LOG = {
    ("in", ".ams.routing.SetAgentState"),
    ("in", ".ams.aam.SubscribeExConversations"),
    ("in", ".ams.routing.SubscribeRoutingTasks"),
    ("in", ".ams.routing.UpdateRingState"),
    ("in", ".ams.ms.QueryMessages"),
    ("in", ".ams.ms.PublishEvent"),
    ("in", ".ams.cm.UpdateConversationField"),
    ("in", ".GetClock"),
    ("out", ".ams.routing.RoutingTaskNotification"),
    ("out", ".ams.aam.ExConversationChangeNotification"),
    ("out", ".ams.ms.OnlineEventDistribution"),
    ("out", ".ams.ms.QueryMessages$Response"),
}


def log(message=""):
    print(message, flush=True)


try:
    # Loaded here, in the parent: the preexec_fn below must do as little as possible after fork().
    _LIBC = ctypes.CDLL("libc.so.6", use_errno=True)
except OSError:
    _LIBC = None


def die_with_parent():
    """preexec_fn: the child gets SIGTERM if this driver dies (e.g. killed by a CTest timeout)."""
    if _LIBC is not None:
        _LIBC.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def import_schemas():
    try:
        import frame_schemas  # noqa: E402 (lives beside this file)
    except ImportError as error:
        sys.exit(f"conformance: cannot import the schema checker ({error}); "
                 "install python3-jsonschema (apt-get install python3-jsonschema)")
    return frame_schemas


# ------------------------------------------------------------------------------------------------
# install
# ------------------------------------------------------------------------------------------------

def lock_digest(source_dir):
    digest = hashlib.sha256()
    for name in ("package.json", "package-lock.json"):
        digest.update((source_dir / name).read_bytes())
    return digest.hexdigest()


def installed(node_dir, source_dir):
    stamp = node_dir / INSTALL_STAMP
    manifest = node_dir / "node_modules" / "node-agent-sdk" / "package.json"
    return (stamp.is_file() and manifest.is_file()
            and stamp.read_text().strip() == lock_digest(source_dir))


def install(node_dir, source_dir, npm):
    node_dir = pathlib.Path(node_dir)
    if installed(node_dir, source_dir):
        log(f"conformance: node-agent-sdk@{SDK_VERSION} already installed in {node_dir}")
        return 0
    node_dir.mkdir(parents=True, exist_ok=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(source_dir / name, node_dir / name)
    (node_dir / INSTALL_STAMP).unlink(missing_ok=True)
    log(f"conformance: npm ci in {node_dir}")
    started = time.monotonic()
    try:
        proc = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=node_dir, timeout=NPM_TIMEOUT_S,
                              stdin=subprocess.DEVNULL, preexec_fn=die_with_parent)
    except subprocess.TimeoutExpired:
        log(f"conformance: FAIL npm ci did not finish within {NPM_TIMEOUT_S} s")
        return 1
    if proc.returncode != 0:
        log(f"conformance: FAIL npm ci exited with {proc.returncode}")
        return 1
    manifest = node_dir / "node_modules" / "node-agent-sdk" / "package.json"
    version = json.loads(manifest.read_text()).get("version") if manifest.is_file() else None
    if version != SDK_VERSION:
        log(f"conformance: FAIL npm installed node-agent-sdk {version}, expected {SDK_VERSION}")
        return 1
    (node_dir / INSTALL_STAMP).write_text(lock_digest(source_dir) + "\n")
    log(f"conformance: node-agent-sdk@{SDK_VERSION} installed in {time.monotonic() - started:.1f} s")
    return 0


# ------------------------------------------------------------------------------------------------
# validate
# ------------------------------------------------------------------------------------------------

def read_frame_log(path):
    """Returns (entries, problems): one entry per line, problems for lines that are not JSON."""
    entries, problems = [], []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                entries.append(json.loads(line))
            except json.JSONDecodeError as error:
                problems.append(f"frame log line {number} is not JSON: {error}")
    return entries, problems


def validate(frames_path, schemas_dir, require_flow=False):
    """Validates a frame log, prints the summary; returns the list of failures."""
    fs = import_schemas()
    checker = fs.FrameChecker(fs.SchemaSet(schemas_dir))
    entries, failures = read_frame_log(frames_path)
    for index, entry in enumerate(entries):
        result = checker.check(index, entry)
        failures.extend(f"{result.label}: {e}" for e in result.errors)
    failures.extend(f"unanswered request: {u}" for u in checker.unanswered())
    if not entries:
        failures.append(f"the frame log {frames_path} is empty")

    seen = {(r.direction, r.wire_type) for r in checker.results}
    if require_flow:
        failures.extend(f"the frame log has no {d!r} frame of type {t} although the SDK flow used it"
                        for d, t in sorted(REQUIRED_IN_LOG - seen))
    print_validation_summary(fs, checker, entries)
    return failures


def print_validation_summary(fs, checker, entries):
    rows = collections.OrderedDict()
    deviation_counts = collections.Counter()
    no_schema = collections.Counter()
    no_schema_reason = {}
    for r in sorted(checker.results, key=lambda r: (r.direction or "", r.kind or "", r.wire_type or "")):
        key = (r.direction, r.kind, r.wire_type, getattr(r, "request_type", None))
        row = rows.setdefault(key, {"count": 0, "failed": 0, "schemas": set(), "deviations": set()})
        row["count"] += 1
        row["failed"] += 1 if r.errors else 0
        row["schemas"].update(r.checked)
        row["deviations"].update(r.deviations)
        deviation_counts.update(r.deviations)
        if r.no_schema:
            label = f"{r.direction} {r.wire_type}" + (f" (reply to {r.request_type})" if getattr(r, "request_type", None) else "")
            no_schema[label] += 1
            no_schema_reason[label] = r.no_schema
    ins = sum(1 for r in checker.results if r.direction == "in")
    log(f"\n== Schema validation: {len(entries)} frames ({ins} in, {len(checker.results) - ins} out)")
    for (direction, kind, wire, req), row in rows.items():
        what = wire if kind != "resp" else f"{wire} (reply to {req})"
        status = "ok" if row["failed"] == 0 else f"{row['failed']} FAILED"
        schemas = ", ".join(sorted(s.replace("ums/", "") for s in row["schemas"] if s not in (
            "ums/infra/req.json", "ums/infra/resp.json", "ums/infra/notification.json"))) or "envelope only"
        extra = f"  deviations: {', '.join(sorted(row['deviations']))}" if row["deviations"] else ""
        log(f"  {direction:>3} {kind:<12} {what:<72} x{row['count']:<4} {status:<10} {schemas}{extra}")
    log("\n== Deviations applied (README.md 'Known gaps', ../shared/reference/schemas/README.md §6)")
    if not deviation_counts:
        log("  none")
    for name, count in sorted(deviation_counts.items()):
        log(f"  {name}: {count} frame(s) - {fs.DEVIATIONS[name]}")
    log("\n== Frames with no body schema (envelope checked only)")
    if not no_schema:
        log("  none")
    for label, count in sorted(no_schema.items()):
        log(f"  {label}: {count} - {no_schema_reason[label]}")


# ------------------------------------------------------------------------------------------------
# run
# ------------------------------------------------------------------------------------------------

class LineReader:
    """Reads a pipe line by line on a thread so every wait on it can have a timeout."""

    def __init__(self, stream, echo_prefix=None, sink=None):
        self.lines = queue.Queue()
        self.echo_prefix = echo_prefix
        self.sink = sink
        self.thread = threading.Thread(target=self._pump, args=(stream,), daemon=True)
        self.thread.start()

    def _pump(self, stream):
        for raw in iter(stream.readline, b""):
            line = raw.decode("utf-8", errors="replace").rstrip("\n")
            if self.sink is not None:
                self.sink.write(line + "\n")
                self.sink.flush()
            if self.echo_prefix is not None and not line.startswith("RESULT "):
                log(self.echo_prefix + line)
            self.lines.put(line)
        self.lines.put(None)

    def next_line(self, timeout):
        try:
            return self.lines.get(timeout=timeout)
        except queue.Empty:
            return None


def stop_process(proc, name, timeout):
    """SIGTERM, then SIGKILL after `timeout`; returns a problem string or None."""
    if proc.poll() is not None:
        return f"{name} had already exited with {proc.returncode} before it was stopped"
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)
        return f"{name} did not stop within {timeout} s of SIGTERM and was killed"
    if proc.returncode not in (0, -signal.SIGTERM):
        return f"{name} exited with {proc.returncode} after SIGTERM"
    return None


def with_no_proxy(env):
    for key in ("NO_PROXY", "no_proxy"):
        current = [p for p in env.get(key, "").split(",") if p]
        env[key] = ",".join(dict.fromkeys(current + ["127.0.0.1", "localhost"]))
    return env


def run(args):
    started = time.monotonic()
    failures = []
    work = pathlib.Path(args.work_dir).resolve()
    marker = work / ".switchboard-conformance-run"
    if work.exists() and any(work.iterdir()) and not marker.exists():
        log(f"conformance: FAIL the work dir {work} is not empty and was not made by this driver; not wiping it")
        return 1
    if work.exists():
        shutil.rmtree(work)
    state_dir = work / "state"
    state_dir.mkdir(parents=True)
    marker.touch()
    frames = work / "frames.jsonl"
    node_dir = pathlib.Path(args.node_dir).resolve()

    if not installed(node_dir, HERE):
        if install(node_dir, HERE, args.npm) != 0:
            return 1
    import_schemas()  # fail early (before starting anything) when jsonschema is missing

    log(f"conformance: work dir {work}")
    sandbox_log = open(work / "sandbox.log", "w", encoding="utf-8")
    command = [args.cli, "sandbox", "--frame-log", str(frames), "--state-dir", str(state_dir)] + args.sandbox_arg
    log("conformance: starting " + " ".join(command))
    sandbox = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=sandbox_log,
                               env=with_no_proxy(dict(os.environ)), preexec_fn=die_with_parent)
    sdk_summary = None
    sandbox_info = None
    try:
        out = LineReader(sandbox.stdout, sink=sandbox_log)
        line = out.next_line(SANDBOX_LINE_TIMEOUT_S)
        if line is None:
            failures.append(f"the sandbox printed no JSON line within {SANDBOX_LINE_TIMEOUT_S} s "
                            f"(exit code {sandbox.poll()}); see {work / 'sandbox.log'}")
            return finish(failures, None, None, started)
        try:
            sandbox_info = json.loads(line)
        except json.JSONDecodeError as error:
            failures.append(f"the sandbox's first stdout line is not JSON ({error}): {line[:200]}")
            return finish(failures, None, None, started)
        for key in ("accountId", "csdsDomain", "controlUrl", "caFile", "agents", "skills"):
            if key not in sandbox_info:
                failures.append(f"the sandbox JSON line has no {key!r}")
        if failures:
            return finish(failures, None, None, started)
        log(f"conformance: sandbox up: account {sandbox_info['accountId']}, csds {sandbox_info['csdsDomain']}, "
            f"control {sandbox_info['controlUrl']}")

        env = with_no_proxy(dict(os.environ))
        env["NODE_EXTRA_CA_CERTS"] = sandbox_info["caFile"]
        env["NODE_PATH"] = str(node_dir / "node_modules")
        for key in ("NODE_TLS_REJECT_UNAUTHORIZED", "NODE_OPTIONS"):
            env.pop(key, None)
        node_input = json.dumps({"sandbox": sandbox_info, "refreshSessionInterval": args.refresh_ms,
                                 "totalTimeoutMs": (NODE_TIMEOUT_S - 10) * 1000})
        log(f"conformance: running {HERE / 'sdk_flow.js'} (node-agent-sdk {SDK_VERSION})")
        node = subprocess.Popen([args.node, str(HERE / "sdk_flow.js")], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, env=env, cwd=work, preexec_fn=die_with_parent)
        node_out = LineReader(node.stdout, echo_prefix="  sdk | ")
        node.stdin.write(node_input.encode("utf-8"))
        node.stdin.close()
        try:
            node.wait(timeout=NODE_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            node.kill()
            node.wait(timeout=10)
            failures.append(f"sdk_flow.js did not finish within {NODE_TIMEOUT_S} s and was killed")
        node_out.thread.join(timeout=10)
        lines = []
        while True:
            item = node_out.next_line(0)
            if item is None:
                break
            lines.append(item)
        for item in lines:
            if item.startswith("RESULT "):
                try:
                    sdk_summary = json.loads(item[len("RESULT "):])
                except json.JSONDecodeError as error:
                    failures.append(f"sdk_flow.js printed a RESULT line that is not JSON: {error}")
        if sdk_summary is None:
            failures.append(f"sdk_flow.js printed no RESULT line (exit code {node.returncode})")
        else:
            failures.extend(f"SDK step failed: {s['name']}: {s.get('error')}"
                            for s in sdk_summary["steps"] if s["status"] == "FAIL")
            failures.extend(f"SDK error event: {e}" for e in sdk_summary["sdkErrors"])
            if node.returncode != 0 and not any(s["status"] == "FAIL" for s in sdk_summary["steps"]):
                failures.append(f"sdk_flow.js exited with {node.returncode}")
    finally:
        problem = stop_process(sandbox, "the sandbox", SANDBOX_STOP_TIMEOUT_S)
        if problem:
            failures.append(problem)
        sandbox_log.close()

    if frames.is_file():
        # The coverage check applies whenever every SDK step ran (a skipped step sends fewer frames).
        ran_all = sdk_summary is not None and sdk_summary.get("skipped") == 0 and bool(sdk_summary.get("steps"))
        failures.extend(validate(frames, args.schemas, require_flow=ran_all))
    else:
        failures.append(f"the sandbox wrote no frame log at {frames}")
    return finish(failures, sdk_summary, sandbox_info, started)


def finish(failures, sdk_summary, sandbox_info, started):
    log("\n== SDK flow (node-agent-sdk " + SDK_VERSION + ")")
    if sdk_summary is None:
        log("  did not run to the end")
    else:
        for s in sdk_summary["steps"]:
            log(f"  {s['status']:<4} {s['name']}" + (f" ({s['ms']} ms)" if "ms" in s else ""))
        log(f"  session refreshes: {sdk_summary['refreshes']}, SDK error events: {len(sdk_summary['sdkErrors'])}, "
            f"flow time {sdk_summary['ms'] / 1000:.1f} s")
    log(f"\n== Failures ({len(failures)})")
    for f in failures:
        log("  " + f)
    if not failures:
        log("  none")
    passed = sdk_summary["passed"] if sdk_summary else 0
    failed = (sdk_summary["failed"] if sdk_summary else 0)
    log(f"\nconformance: {'PASS' if not failures else 'FAIL'} in {time.monotonic() - started:.1f} s "
        f"({passed} SDK steps passed, {failed} failed, {len(failures)} problem(s) in total)")
    return 0 if not failures else 1


# ------------------------------------------------------------------------------------------------
# selftest: the validator must be able to fail
# ------------------------------------------------------------------------------------------------

def _req(rid, wire, body, **extra):
    return {"dir": "in", "connection": 1, "frame": dict({"kind": "req", "id": rid, "type": wire, "body": body}, **extra)}


def _resp(rid, wire, body, code=200):
    return {"dir": "out", "connection": 1, "frame": {"kind": "resp", "reqId": rid, "code": code, "type": wire, "body": body}}


def _note(wire, body, direction="out"):
    return {"dir": direction, "connection": 1, "frame": {"kind": "notification", "type": wire, "body": body}}


CARD = {"type": "vertical", "elements": [
    {"type": "text", "text": "Pick one", "style": {"bold": True}},
    {"type": "button", "title": "A", "click": {"actions": [{"type": "publishText", "text": "a"}],
                                                "metadata": [{"type": "ExternalId", "id": "a"}]}}]}


def _ex_change(details_patch=None, drop=()):
    details = {"skillId": "1001", "state": "OPEN", "stage": "OPEN", "startTs": 1, "metaDataLastUpdateTs": 2,
               "participants": {"CONSUMER": ["c1"], "ASSIGNED_AGENT": ["1.7"]},
               "participantsPId": {"CONSUMER": ["c1"], "ASSIGNED_AGENT": ["p-7"]},
               "dialogs": [{"dialogId": "conv", "dialogType": "MAIN", "state": "OPEN",
                            "participantsDetails": [{"id": "1.7", "role": "ASSIGNED_AGENT", "state": "ACTIVE"}]}]}
    details.update(details_patch or {})
    for key in drop:
        details.pop(key, None)
    return {"subscriptionId": "s", "changes": [{"type": "UPSERT", "result": {"convId": "conv", "conversationDetails": details}}]}


def _event(event=None, **patch):
    body = {"sequence": 4, "originatorId": "c1", "originatorPId": "c1", "serverTimestamp": 5, "conversationId": "conv",
            "dialogId": "conv", "originatorMetadata": {"id": "c1", "role": "CONSUMER"},
            "event": event or {"type": "ContentEvent", "contentType": "text/plain", "message": "hi"}}
    body.update(patch)
    return body


RING = {"subscriptionId": "s", "changes": [{"type": "UPSERT", "result": {
    "routingTaskId": "t", "taskCompleted": False, "conversationId": "conv", "consumerId": "c1", "skillId": "1001",
    "brandId": "1", "ringsDetails": [{"ringId": "r", "ringExpiration": 72000, "ringState": "WAITING", "weight": 1}]}}]}


def selftest_cases():
    ok, bad = True, False
    text = {"dialogId": "conv", "event": {"type": "ContentEvent", "contentType": "text/plain", "message": "hi"}}
    transfer = {"conversationId": "conv", "conversationField": [
        {"field": "ParticipantsChange", "type": "REMOVE", "role": "ASSIGNED_AGENT", "userId": "1.7"},
        {"field": "Skill", "type": "UPDATE", "skill": "1002"}]}
    return [
        ("text PublishEvent and its response", ok,
         [_req("1", ".ams.ms.PublishEvent", text), _resp("1", ".ams.ms.PublishEvent$Response", {"sequence": 3})]),
        ("RichContentEvent with `content` (deviation rich-content-field)", ok,
         [_req("1", ".ams.ms.PublishEvent", {"dialogId": "conv", "event": {"type": "RichContentEvent", "content": CARD}},
               metadata=[{"type": "ExternalId", "id": "card"}]), _resp("1", ".ams.ms.PublishEvent$Response", {"sequence": 4})]),
        ("transfer with ActionReason + EscalationSummary (deviation metadata-extra-types)", ok,
         [_req("1", ".ams.cm.UpdateConversationField", transfer,
               metadata=[{"type": "ActionReason", "reason": "r", "reasonId": "3"}, {"type": "EscalationSummary", "x": 1}]),
          _resp("1", ".ReqBody$StringResp", "OK Agent removed successfully")]),
        ("DialogChange close (deviation dialog-change-field)", ok,
         [_req("1", ".ams.cm.UpdateConversationField", {"conversationId": "conv", "conversationField": [
             {"field": "DialogChange", "type": "UPDATE", "dialog": {"dialogId": "conv", "state": "CLOSE"}}]}),
          _resp("1", ".ReqBody$StringResp", "OK")]),
        ("raw ExConversationChange (deviation ex-conversation-participants)", ok,
         [_note(".ams.aam.ExConversationChangeNotification", _ex_change())]),
        ("raw OnlineEventDistribution", ok, [_note(".ams.ms.OnlineEventDistribution", _event())]),
        ("ChatStateEvent without sequence/serverTimestamp (deviation chat-state-no-sequence)", ok,
         [_note(".ams.ms.OnlineEventDistribution",
                {k: v for k, v in _event({"type": "ChatStateEvent", "chatState": "COMPOSING"}).items()
                 if k not in ("sequence", "serverTimestamp")})]),
        ("QueryMessages and its array response", ok,
         [_req("1", ".ams.ms.QueryMessages", {"dialogId": "conv", "fromSeq": 0, "newerThanSequence": 0}),
          _resp("1", ".ams.ms.QueryMessages$Response", [_event(), _event({"type": "RichContentEvent", "content": CARD})])]),
        ("raw RoutingTaskNotification, SetAgentState, GetClock", ok,
         [_note(".ams.routing.RoutingTaskNotification", RING),
          _req("1", ".ams.routing.SetAgentState", {"availability": "ONLINE", "channels": ["MESSAGING"], "agentUserId": "1.7"}),
          _resp("1", ".ReqBody$StringResp", "Agent state updated successfully", code=202),
          _req("2", ".GetClock", {}), _resp("2", ".GetClock$Response", {"currentTime": 1})]),
        ("SetAgentState with availability BUSY", bad,
         [_req("1", ".ams.routing.SetAgentState", {"availability": "BUSY"}), _resp("1", ".ReqBody$StringResp", "x", code=202)]),
        ("card with an unknown property", bad,
         [_req("1", ".ams.ms.PublishEvent", {"dialogId": "conv", "event": {"type": "RichContentEvent",
                                                                          "content": dict(CARD, colour="red")}}),
          _resp("1", ".ams.ms.PublishEvent$Response", {"sequence": 4})]),
        ("metadata of an undocumented type", bad,
         [_req("1", ".ams.cm.UpdateConversationField", transfer, metadata=[{"type": "Whatever"}]),
          _resp("1", ".ReqBody$StringResp", "OK")]),
        ("ActionReason with an extra key", bad,
         [_req("1", ".ams.cm.UpdateConversationField", transfer, metadata=[{"type": "ActionReason", "why": "x"}]),
          _resp("1", ".ReqBody$StringResp", "OK")]),
        ("ExConversationChange without participantsPId", bad,
         [_note(".ams.aam.ExConversationChangeNotification", _ex_change(drop=("participantsPId",)))]),
        ("ExConversationChange with state ACTIVE", bad,
         [_note(".ams.aam.ExConversationChangeNotification", _ex_change({"state": "ACTIVE"}))]),
        ("ExConversationChange with a string metaDataLastUpdateTs (the Long fix)", bad,
         [_note(".ams.aam.ExConversationChangeNotification", _ex_change({"metaDataLastUpdateTs": "2"}))]),
        ("ExConversationChange with participants/participantsPId counts that differ", bad,
         [_note(".ams.aam.ExConversationChangeNotification",
                _ex_change({"participantsPId": {"CONSUMER": ["c1"], "ASSIGNED_AGENT": []}}))]),
        ("OnlineEventDistribution without a sequence", bad,
         [_note(".ams.ms.OnlineEventDistribution", {k: v for k, v in _event().items() if k != "sequence"})]),
        ("ChatStateEvent with state TYPING", bad,
         [_note(".ams.ms.OnlineEventDistribution", _event({"type": "ChatStateEvent", "chatState": "TYPING"}))]),
        ("OnlineEventDistribution with the SDK's {changes} shape", bad,
         [_note(".ams.ms.OnlineEventDistribution", {"dialogId": "conv", "changes": [_event()]})]),
        ("ring with ringState RINGING", bad,
         [_note(".ams.routing.RoutingTaskNotification", json.loads(json.dumps(RING).replace("WAITING", "RINGING")))]),
        ("QueryMessages answered with a wrong response type", bad,
         [_req("1", ".ams.ms.QueryMessages", {"dialogId": "conv"}), _resp("1", ".ams.ms.QueryMessagesResponse", [])]),
        ("QueryMessages answered with an object body", bad,
         [_req("1", ".ams.ms.QueryMessages", {"dialogId": "conv"}), _resp("1", ".ams.ms.QueryMessages$Response", {})]),
        ("an error response", bad,
         [_req("1", ".ams.ms.PublishEvent", text), _resp("1", ".ams.ms.PublishEvent$Response", "boom", code=500)]),
        ("a response to an unknown request id", bad, [_resp("9", ".ReqBody$StringResp", "OK")]),
        ("a request never answered", bad, [_req("1", ".GetClock", {})]),
        ("an unknown notification type", bad, [_note(".ams.foo.Bar", {})]),
        ("a notification logged as dir in", bad, [_note(".ams.ms.OnlineEventDistribution", _event(), direction="in")]),
        ("a response without code", bad,
         [_req("1", ".GetClock", {}), {"dir": "out", "connection": 1,
                                       "frame": {"kind": "resp", "reqId": "1", "type": ".GetClock$Response", "body": {}}}]),
        ("a StringResp body over 128 characters", bad,
         [_req("1", ".ams.routing.UpdateRingState", {"ringId": "r", "ringState": "ACCEPTED"}),
          _resp("1", ".ReqBody$StringResp", "x" * 129, code=202)]),
    ]


def selftest(schemas_dir):
    fs = import_schemas()
    schemas = fs.SchemaSet(schemas_dir)
    wrong = 0
    for name, should_pass, entries in selftest_cases():
        checker = fs.FrameChecker(schemas)
        errors = []
        for index, entry in enumerate(entries):
            errors.extend(checker.check(index, entry).errors)
        errors.extend(checker.unanswered())
        passed = not errors
        good = passed == should_pass
        wrong += 0 if good else 1
        verdict = "PASS" if good else "FAIL"
        expectation = "accepted" if should_pass else "rejected"
        detail = "" if passed else f" - {errors[0]}"
        log(f"{verdict} {name}: expected {expectation}, was {'accepted' if passed else 'rejected'}{detail}")
    total = len(selftest_cases())
    log(f"validator selftest: {total - wrong} passed, {wrong} failed")
    return 0 if wrong == 0 else 1


# ------------------------------------------------------------------------------------------------

def main():
    # Keep the source tree clean: no __pycache__ beside frame_schemas.py.
    sys.dont_write_bytecode = True
    sys.path.insert(0, str(HERE))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("install")
    p.add_argument("--node-dir", required=True)
    p.add_argument("--npm", default="npm")
    p = sub.add_parser("run")
    p.add_argument("--cli", required=True, help="path of switchboard-cli")
    p.add_argument("--schemas", required=True, help="…/shared/reference/schemas")
    p.add_argument("--node-dir", required=True)
    p.add_argument("--work-dir", required=True)
    p.add_argument("--node", default="node")
    p.add_argument("--npm", default="npm")
    p.add_argument("--refresh-ms", type=int, default=2000)
    p.add_argument("--sandbox-arg", action="append", default=[], help="extra argument for `switchboard-cli sandbox`")
    p = sub.add_parser("validate")
    p.add_argument("--schemas", required=True)
    p.add_argument("frames")
    p = sub.add_parser("selftest")
    p.add_argument("--schemas", required=True)
    args = parser.parse_args()

    if args.command == "install":
        return install(args.node_dir, HERE, args.npm)
    if args.command == "run":
        return run(args)
    if args.command == "validate":
        failures = validate(args.frames, args.schemas)
        log(f"\n== Failures ({len(failures)})")
        for f in failures:
            log("  " + f)
        return 0 if not failures else 1
    return selftest(args.schemas)


if __name__ == "__main__":
    sys.exit(main())
