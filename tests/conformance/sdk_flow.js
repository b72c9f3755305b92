// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Drives LivePerson's node-agent-sdk 1.2.0 (from npm, unmodified) against the Switchboard sandbox
// and checks, step by step, that the SDK sees what it would see from LivePerson. Started by
// run_conformance.py, which passes the sandbox's JSON line (and options) on standard input, so no
// password ever appears on a command line. Prints one PASS/FAIL line per step and a last line
// `RESULT {json}`. Exits 0 only if every step passed and the SDK emitted no `error` event.
//
// Wire facts cited as §n are from ../shared/reference/liveperson-protocol.md.
'use strict';

const fs = require('fs');
const https = require('https');
const util = require('util');
const {Agent} = require('node-agent-sdk');
// Observation only: wrapping the module function lets the test see each session refresh the SDK makes
// (1.2.0 offers no event for it). The SDK itself is not changed and still calls the original.
const external = require('node-agent-sdk/lib/ExternalServices');

const input = JSON.parse(fs.readFileSync(0, 'utf8'));
const sandbox = input.sandbox;
const STEP_TIMEOUT_MS = input.stepTimeoutMs || 15000;
const HUMAN_TIMEOUT_MS = input.humanTimeoutMs || 30000;
const REFRESH_INTERVAL_MS = input.refreshSessionInterval || 2000;
const started = Date.now();

const results = [];
const sdkErrors = [];
const sdkWarnings = [];
const closedEvents = [];
const refreshes = [];
let aborted = null;
let abortReject = null;
const abortPromise = new Promise((_, reject) => { abortReject = reject; });
abortPromise.catch(() => {});

function describe(value) {
    if (value instanceof Error) {
        // One line per error; a TransformError also names the raw frame type it could not transform.
        const code = value.code !== undefined ? ` (code ${value.code})` : '';
        const payload = value.payload ? ` while transforming ${value.payload.type}: ${describe(value.payload.body)}` : '';
        return `${value.constructor.name}: ${value.message}${code}${payload}`;
    }
    return util.inspect(value, {depth: 6, compact: true, breakLength: Infinity, maxStringLength: 300});
}

function abort(reason) {
    if (!aborted) {
        aborted = reason;
        abortReject(new Error(reason));
    }
}

function check(condition, message, value) {
    if (!condition) {
        throw new Error(value === undefined ? message : `${message}; got ${describe(value)}`);
    }
}

function withTimeout(promise, ms, what) {
    let timer;
    return Promise.race([
        promise,
        new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
        }),
    ]).finally(() => clearTimeout(timer));
}

// ---- refresh observation -----------------------------------------------------------------------
const originalRefresh = external.refreshSession;
external.refreshSession = (options, callback) => {
    const entry = {at: Date.now() - started, done: false};
    refreshes.push(entry);
    originalRefresh(options, (err, body) => {
        entry.done = true;
        entry.error = err ? String(err.message || err) + (err.code ? ` (code ${err.code})` : '') : null;
        entry.bodyError = body && body.error ? describe(body.error) : null;
        callback(err, body);
    });
};

// ---- event recorder: keeps every SDK event so a wait never misses one that came early ----------
class Recorder {
    constructor() {
        this.events = [];
        this.waiters = [];
        this.lastRawType = null;
    }

    push(type, body) {
        const event = {type, body, via: this.lastRawType, index: this.events.length, at: Date.now() - started};
        this.events.push(event);
        for (const waiter of this.waiters.slice()) {
            if (event.index >= waiter.from && waiter.match(event)) {
                this.waiters.splice(this.waiters.indexOf(waiter), 1);
                waiter.resolve(event);
            }
        }
    }

    mark() {
        return this.events.length;
    }

    // Resolves with the first event of `type` at or after index `from` that `predicate` accepts.
    wait(type, predicate, from, what, timeoutMs) {
        const match = (e) => e.type === type && predicate(e.body, e);
        const found = this.events.find((e) => e.index >= from && match(e));
        if (found) {
            return Promise.resolve(found);
        }
        let waiter;
        const promise = new Promise((resolve) => {
            waiter = {from, match, resolve};
            this.waiters.push(waiter);
        });
        return withTimeout(promise, timeoutMs || STEP_TIMEOUT_MS, what).finally(() => {
            const i = this.waiters.indexOf(waiter);
            if (i >= 0) {
                this.waiters.splice(i, 1);
            }
        });
    }
}

const recorder = new Recorder();

// ---- control API (the consumer's side), HTTPS with the sandbox CA via NODE_EXTRA_CA_CERTS -------
const controlBase = new URL(sandbox.controlUrl);
const controlPrefix = controlBase.pathname.replace(/\/+$/, '').replace(/\/sandbox$/, '');

function control(method, path, body) {
    const payload = body === undefined ? null : Buffer.from(JSON.stringify(body));
    const options = {
        method,
        hostname: controlBase.hostname,
        port: controlBase.port,
        path: controlPrefix + path,
        headers: {Accept: 'application/json'},
    };
    if (payload) {
        options.headers['Content-Type'] = 'application/json';
        options.headers['Content-Length'] = payload.length;
    }
    const request = new Promise((resolve, reject) => {
        const req = https.request(options, (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => {
                const text = Buffer.concat(chunks).toString('utf8');
                let json;
                try {
                    json = text.length ? JSON.parse(text) : undefined;
                } catch (e) {
                    return reject(new Error(`${method} ${path}: reply is not JSON (${res.statusCode}): ${text.slice(0, 200)}`));
                }
                if (res.statusCode < 200 || res.statusCode > 299) {
                    return reject(new Error(`${method} ${path}: HTTP ${res.statusCode} ${text.slice(0, 300)}`));
                }
                resolve(json);
            });
        });
        req.on('error', (e) => reject(new Error(`${method} ${path}: ${e.message}`)));
        if (payload) {
            req.write(payload);
        }
        req.end();
    });
    return withTimeout(request, STEP_TIMEOUT_MS, `${method} ${path}`);
}

// Polls GET /sandbox/conversations/{id} until `predicate` holds (the consumer's view is eventually
// consistent with what the agent did); returns the last snapshot.
async function pollConversation(conversationId, predicate, what, timeoutMs) {
    const deadline = Date.now() + (timeoutMs || STEP_TIMEOUT_MS);
    let last;
    for (;;) {
        last = await control('GET', `/sandbox/conversations/${encodeURIComponent(conversationId)}`);
        if (predicate(last)) {
            return last;
        }
        if (Date.now() > deadline) {
            throw new Error(`timed out waiting for ${what}; last conversation snapshot: ${describe(last)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
    }
}

// ---- SDK calls as promises ------------------------------------------------------------------
function sdk(agent, method, body, metadata) {
    const call = new Promise((resolve, reject) => {
        const callback = (err, response) => {
            if (err) {
                reject(new Error(`${method} failed: ${describe(err)}`));
            } else {
                resolve(response);
            }
        };
        if (metadata) {
            agent[method](body, undefined, metadata, callback);
        } else {
            agent[method](body, callback);
        }
    });
    return withTimeout(call, STEP_TIMEOUT_MS, `the response to ${method}`);
}

// ---- steps --------------------------------------------------------------------------------------
// check() failures end the step and skip the rest of the flow (later steps depend on it); expect()
// failures fail the step too but let the flow go on, for facts nothing later depends on.
let skipping = false;
let softFailures = null;

function expect(condition, message, value) {
    if (!condition) {
        softFailures.push(value === undefined ? message : `${message}; got ${describe(value)}`);
    }
}

async function step(name, fn) {
    if (skipping) {
        results.push({name, status: 'SKIP'});
        console.log(`SKIP ${name}`);
        return undefined;
    }
    const t0 = Date.now();
    softFailures = [];
    try {
        const detail = await Promise.race([fn(), abortPromise]);
        const ms = Date.now() - t0;
        if (softFailures.length > 0) {
            const error = softFailures.join('; ');
            results.push({name, status: 'FAIL', ms, error});
            console.log(`FAIL ${name} (${ms} ms) - ${error}`);
            return detail;
        }
        results.push({name, status: 'PASS', ms});
        console.log(`PASS ${name} (${ms} ms)${typeof detail === 'string' ? ' - ' + detail : ''}`);
        return detail;
    } catch (e) {
        const ms = Date.now() - t0;
        results.push({name, status: 'FAIL', ms, error: e.message});
        console.log(`FAIL ${name} (${ms} ms) - ${e.message}`);
        skipping = true;
        return undefined;
    }
}

function skillIdByName(name) {
    const skill = (sandbox.skills || []).find((s) => s.name === name);
    check(skill, `the sandbox lists no skill named "${name}"`, sandbox.skills);
    return String(skill.id);
}

function isConversationChange(conversationId) {
    return (body) => Array.isArray(body.changes) && body.changes.some((c) => c.result && c.result.convId === conversationId);
}

function changeFor(body, conversationId) {
    return body.changes.find((c) => c.result && c.result.convId === conversationId);
}

function messagesOf(snapshot) {
    return Array.isArray(snapshot && snapshot.messages) ? snapshot.messages : [];
}

const CARD = {
    type: 'vertical',
    elements: [
        {type: 'text', text: 'Which plan suits you?', tooltip: 'Which plan suits you?', style: {bold: true, size: 'large'}},
        {type: 'image', url: 'https://127.0.0.1/plan.png', tooltip: 'plans'},
        {
            type: 'button', title: 'Basic', tooltip: 'Basic',
            click: {actions: [{type: 'publishText', text: 'basic'}], metadata: [{type: 'ExternalId', id: 'plan-basic'}]},
        },
    ],
};

async function main() {
    const bot = sandbox.agents && sandbox.agents[0];
    check(bot && bot.loginName && bot.password && bot.userId, 'the sandbox JSON line has no agents[0] with loginName/password/userId');
    const botSkill = skillIdByName('bot');
    const humanSkill = skillIdByName('human');
    const oldId = `${sandbox.accountId}.${bot.userId}`;
    const state = {};

    console.log(`INFO account ${sandbox.accountId}, csds ${sandbox.csdsDomain}, bot user ${bot.userId}, ` +
        `skills bot=${botSkill} human=${humanSkill}, refreshSessionInterval ${REFRESH_INTERVAL_MS} ms`);

    const agent = new Agent({
        accountId: sandbox.accountId,
        username: bot.loginName,
        password: bot.password,
        csdsDomain: sandbox.csdsDomain,
        refreshSessionInterval: REFRESH_INTERVAL_MS,
    });
    agent.on('error', (err, context) => {
        const text = `${describe(err)}${context ? ' ' + describe(context) : ''}`;
        sdkErrors.push(text);
        console.log(`FAIL SDK emitted an error event: ${text}`);
        abort(`the SDK emitted an error event: ${text}`);
    });
    agent.on('warn', (w) => {
        sdkWarnings.push(describe(w));
        console.log(`FAIL SDK emitted a warn event: ${describe(w)}`);
        abort(`the SDK emitted a warn event: ${describe(w)}`);
    });
    agent.on('closed', (data) => {
        closedEvents.push(describe(data));
        abort(`the WebSocket closed unexpectedly: ${describe(data)}`);
    });
    agent.on('connected', () => {
        // Tag each SDK event with the raw wire type that produced it (prepended, so it runs first).
        agent.transport.prependListener('message', (m) => { recorder.lastRawType = m && m.type; });
        recorder.push('connected', null);
    });
    for (const type of ['routing.RoutingTaskNotification', 'cqm.ExConversationChangeNotification',
        'ms.MessagingEventNotification', 'routing.AgentStateNotification']) {
        agent.on(type, (body) => recorder.push(type, body));
    }

    try {
        await step('login: CSDS, login and WebSocket (SDK `connected` event)', async () => {
            await recorder.wait('connected', () => true, 0, 'the `connected` event');
            check(agent.agentId === bot.userPid, 'agent.agentId must be config.userPid from login (§2)', agent.agentId);
            check(agent.__oldAgentId === oldId, `the SDK's old id must be ${oldId} (§3.3)`, agent.__oldAgentId);
            return `agentId ${agent.agentId}`;
        });

        await step('setAgentState ONLINE', async () => {
            await sdk(agent, 'setAgentState', {availability: 'ONLINE'});
        });

        await step('subscribeExConversations (OPEN, own agent id)', async () => {
            const body = await sdk(agent, 'subscribeExConversations', {convState: ['OPEN'], agentIds: [agent.agentId]});
            check(body && typeof body.subscriptionId === 'string' && body.subscriptionId.length > 0,
                'the response must carry a subscriptionId (§3.4)', body);
            return `subscriptionId ${body.subscriptionId}`;
        });

        await step('subscribeRoutingTasks, then an empty RoutingTaskNotification (§3.4)', async () => {
            const from = recorder.mark();
            const body = await sdk(agent, 'subscribeRoutingTasks', {});
            check(body && typeof body.subscriptionId === 'string' && body.subscriptionId.length > 0,
                'the response must carry a subscriptionId (§3.4)', body);
            await recorder.wait('routing.RoutingTaskNotification',
                (b) => Array.isArray(b.changes) && b.changes.length === 0, from, 'the initial RoutingTaskNotification with changes:[]');
            return `subscriptionId ${body.subscriptionId}`;
        });

        await step('consumer starts a conversation on the bot skill (control API)', async () => {
            const consumer = await control('POST', '/sandbox/consumers', {});
            check(consumer && typeof consumer.consumerId === 'string', 'POST /sandbox/consumers must return {consumerId}', consumer);
            state.consumerId = consumer.consumerId;
            state.ringMark = recorder.mark();
            const conv = await control('POST', '/sandbox/conversations',
                {consumerId: state.consumerId, skillId: botSkill, channel: 'messaging'});
            check(conv && typeof conv.conversationId === 'string', 'POST /sandbox/conversations must return {conversationId}', conv);
            state.convId = conv.conversationId;
            state.firstText = 'Hello, I need help with my order';
            await control('POST', `/sandbox/conversations/${state.convId}/messages`, {text: state.firstText});
            return `consumer ${state.consumerId}, conversation ${state.convId}`;
        });

        await step('routing.RoutingTaskNotification rings the bot (WAITING)', async () => {
            const event = await recorder.wait('routing.RoutingTaskNotification',
                (b) => Array.isArray(b.changes) && b.changes.some((c) => c.type === 'UPSERT' && c.result &&
                    c.result.conversationId === state.convId &&
                    (c.result.ringsDetails || []).some((r) => r.ringState === 'WAITING')),
                state.ringMark, 'a WAITING ring for the conversation');
            const change = event.body.changes.find((c) => c.result.conversationId === state.convId);
            check(change.result.consumerId === state.consumerId, 'ring consumerId', change.result.consumerId);
            check(change.result.skillId === botSkill, `ring skillId must be the string "${botSkill}"`, change.result.skillId);
            check(change.result.taskCompleted === false, 'taskCompleted must be false while ringing', change.result.taskCompleted);
            const ring = change.result.ringsDetails.find((r) => r.ringState === 'WAITING');
            check(typeof ring.ringId === 'string' && ring.ringId.length > 0, 'ringId', ring);
            check(Number.isInteger(ring.ringExpiration) && ring.ringExpiration > 0, 'ringExpiration (ms) must be a positive integer', ring);
            state.ringId = ring.ringId;
            return `ringId ${ring.ringId}`;
        });

        await step('updateRingState ACCEPTED', async () => {
            state.acceptMark = recorder.mark();
            await sdk(agent, 'updateRingState', {ringId: state.ringId, ringState: 'ACCEPTED'});
        });

        await step('cqm.ExConversationChangeNotification: bot assigned (__myRole ASSIGNED_AGENT)', async () => {
            const event = await recorder.wait('cqm.ExConversationChangeNotification',
                (b) => isConversationChange(state.convId)(b) && (() => {
                    const c = changeFor(b, state.convId);
                    return c.type === 'UPSERT' && c.result.conversationDetails && c.result.conversationDetails.__myRole === 'ASSIGNED_AGENT';
                })(), state.acceptMark, 'an UPSERT with the bot as ASSIGNED_AGENT');
            const details = changeFor(event.body, state.convId).result.conversationDetails;
            check(details.state === 'OPEN', 'state OPEN', details.state);
            check(String(details.skillId) === botSkill, 'skillId of the bot skill', details.skillId);
            check(Array.isArray(details.participants), 'participants rebuilt by the SDK as an array', details.participants);
            check(details.participants.some((p) => p.role === 'ASSIGNED_AGENT' && p.id === agent.agentId),
                'participants must hold the bot by its PId (participantsPId, §3.5)', details.participants);
            check(details.participants.some((p) => p.role === 'CONSUMER' && p.id === state.consumerId),
                'participants must hold the consumer', details.participants);
            const main = (details.dialogs || []).find((d) => d.dialogType === 'MAIN');
            check(main && main.dialogId === state.convId, 'the MAIN dialog id equals the conversation id (§3.5)', details.dialogs);
            check(main.participantsDetails.some((p) => p.role === 'ASSIGNED_AGENT' && p.id === agent.agentId),
                'the MAIN dialog lists the bot (rewritten to its PId)', main.participantsDetails);
        });

        await step('subscribeMessagingEvents: QueryMessages history holds the consumer\'s first message', async () => {
            const from = recorder.mark();
            await sdk(agent, 'subscribeMessagingEvents', {dialogId: state.convId, fromSeq: 0});
            const event = await recorder.wait('ms.MessagingEventNotification',
                (b, e) => e.via === '.ams.ms.QueryMessages$Response' && b.dialogId === state.convId,
                from, 'the history notification from .ams.ms.QueryMessages$Response');
            const first = event.body.changes.find((c) => c.event && c.event.type === 'ContentEvent' && c.event.message === state.firstText);
            check(first, 'the history must contain the first consumer message', event.body.changes);
            check(first.originatorId === state.consumerId && first.__isMe === false, 'originator is the consumer', first);
            check(first.originatorMetadata && first.originatorMetadata.role === 'CONSUMER', 'originatorMetadata.role CONSUMER', first.originatorMetadata);
            check(Number.isInteger(first.sequence) && Number.isInteger(first.serverTimestamp), 'integer sequence and serverTimestamp', first);
            state.firstSeq = first.sequence;
            return `${event.body.changes.length} event(s) in history`;
        });

        await step('second consumer message arrives as ms.MessagingEventNotification', async () => {
            const from = recorder.mark();
            state.secondText = 'It is order 4711';
            await control('POST', `/sandbox/conversations/${state.convId}/messages`, {text: state.secondText});
            const event = await recorder.wait('ms.MessagingEventNotification',
                (b, e) => e.via === '.ams.ms.OnlineEventDistribution' && b.dialogId === state.convId &&
                    b.changes.some((c) => c.event && c.event.message === state.secondText),
                from, 'the live OnlineEventDistribution of the second message');
            check(event.body.changes.length === 1, 'one event per OnlineEventDistribution (§3.5)', event.body.changes);
            const change = event.body.changes[0];
            check(change.__isMe === false && change.originatorId === state.consumerId, 'originator is the consumer', change);
            check(change.originatorMetadata && change.originatorMetadata.role === 'CONSUMER', 'originatorMetadata.role CONSUMER', change);
            check(change.event.type === 'ContentEvent' && change.event.contentType === 'text/plain', 'a text ContentEvent', change.event);
            check(Number.isInteger(change.sequence) && change.sequence > state.firstSeq, 'sequence rises within the conversation', change.sequence);
            state.secondSeq = change.sequence;
            return `sequence ${change.sequence}`;
        });

        await step('publishEvent AcceptStatusEvent READ and ChatStateEvent COMPOSING', async () => {
            const read = await sdk(agent, 'publishEvent', {dialogId: state.convId,
                event: {type: 'AcceptStatusEvent', status: 'READ', sequenceList: [state.secondSeq]}});
            check(read && Number.isInteger(read.sequence), 'a READ receipt gets a sequence (§3.5)', read);
            const typing = await sdk(agent, 'publishEvent', {dialogId: state.convId,
                event: {type: 'ChatStateEvent', chatState: 'COMPOSING'}});
            check(typing !== undefined, 'a response body to the ChatStateEvent', typing);
        });

        await step('publishEvent ContentEvent reply; the consumer sees it (role ASSIGNED_AGENT, audience ALL)', async () => {
            const from = recorder.mark();
            state.replyText = 'Thanks! Let me look up order 4711.';
            const reply = await sdk(agent, 'publishEvent', {dialogId: state.convId,
                event: {type: 'ContentEvent', contentType: 'text/plain', message: state.replyText}});
            check(reply && Number.isInteger(reply.sequence) && reply.sequence > state.secondSeq, 'the reply gets a rising sequence', reply);
            const echo = await recorder.wait('ms.MessagingEventNotification',
                (b) => b.dialogId === state.convId && b.changes.some((c) => c.event && c.event.message === state.replyText),
                from, 'the bot\'s own reply coming back as a notification (§3.5)');
            const mine = echo.body.changes.find((c) => c.event.message === state.replyText);
            check(mine.__isMe === true && mine.originatorId === agent.agentId, 'own message: __isMe and originatorId = PId', mine);
            check(mine.originatorMetadata && mine.originatorMetadata.role === 'ASSIGNED_AGENT', 'originatorMetadata.role ASSIGNED_AGENT', mine);
            const snapshot = await pollConversation(state.convId,
                (s) => messagesOf(s).some((m) => m.text === state.replyText), 'the reply in GET /sandbox/conversations/{id}');
            const seen = messagesOf(snapshot).find((m) => m.text === state.replyText);
            check(seen.role === 'ASSIGNED_AGENT', 'role ASSIGNED_AGENT', seen);
            check(seen.audience === 'ALL', 'audience ALL', seen);
            check(seen.sequence === reply.sequence, 'the same sequence the PublishEvent response gave', seen);
            return `sequence ${reply.sequence}`;
        });

        await step('publishEvent private text (messageAudience AGENTS_AND_MANAGERS)', async () => {
            state.privateText = 'Internal note: VIP customer';
            const res = await sdk(agent, 'publishEvent', {dialogId: state.convId,
                event: {type: 'ContentEvent', contentType: 'text/plain', message: state.privateText},
                messageAudience: 'AGENTS_AND_MANAGERS'});
            check(res && Number.isInteger(res.sequence), 'a sequence', res);
            const snapshot = await pollConversation(state.convId,
                (s) => messagesOf(s).some((m) => m.text === state.privateText), 'the private text in the conversation');
            const seen = messagesOf(snapshot).find((m) => m.text === state.privateText);
            check(seen.audience === 'AGENTS_AND_MANAGERS', 'audience AGENTS_AND_MANAGERS', seen);
            check(seen.role === 'ASSIGNED_AGENT', 'role ASSIGNED_AGENT', seen);
        });

        await step('publishEvent RichContentEvent card (with ExternalId metadata)', async () => {
            const res = await sdk(agent, 'publishEvent', {dialogId: state.convId,
                event: {type: 'RichContentEvent', content: CARD}}, [{type: 'ExternalId', id: 'plan-card-1'}]);
            check(res && Number.isInteger(res.sequence), 'a sequence', res);
            const snapshot = await pollConversation(state.convId,
                (s) => messagesOf(s).some((m) => m.sequence === res.sequence), 'the card in the conversation');
            const seen = messagesOf(snapshot).find((m) => m.sequence === res.sequence);
            check(seen.type === 'RichContentEvent', 'type RichContentEvent', seen);
            check(util.isDeepStrictEqual(seen.content, CARD), 'the card unchanged in `content` (key order aside)', seen);
            check(seen.role === 'ASSIGNED_AGENT' && seen.audience === 'ALL', 'role ASSIGNED_AGENT, audience ALL', seen);
        });

        await step('transfer to the human skill (updateConversationField REMOVE + Skill, ActionReason metadata)', async () => {
            state.transferMark = recorder.mark();
            const res = await sdk(agent, 'updateConversationField', {conversationId: state.convId, conversationField: [
                {field: 'ParticipantsChange', type: 'REMOVE', role: 'ASSIGNED_AGENT'},
                {field: 'Skill', type: 'UPDATE', skill: humanSkill},
            ]}, [
                {type: 'ActionReason', reason: 'escalated_by_bot', reasonId: '3'},
                {type: 'EscalationSummary', escalationCause: 'customer asked for a human',
                    businessCases: [{id: 'order-status', time: 9}], conversationDuration: 22,
                    escalatedDuringBusinessCase: 'order-status'},
            ]);
            return `response ${describe(res)}`;
        });

        await step('ExConversationChange after the transfer: DELETE, or UPSERT without the bot', async () => {
            const event = await recorder.wait('cqm.ExConversationChangeNotification', (b) => {
                if (!isConversationChange(state.convId)(b)) {
                    return false;
                }
                const c = changeFor(b, state.convId);
                const d = c.result.conversationDetails || {};
                return c.type === 'DELETE' || (c.type === 'UPSERT' && d.__myRole === undefined &&
                    !(d.participants || []).some((p) => p.id === agent.agentId));
            }, state.transferMark, 'a DELETE or an UPSERT without the bot');
            const change = changeFor(event.body, state.convId);
            const details = change.result.conversationDetails;
            check(details, 'conversationDetails present on every change, DELETE included (§3.5)', change);
            // One UpdateConversationField is one change of the conversation: the notification it causes
            // shows the result of all its fields, the new skill included (§4).
            expect(String(details.skillId) === humanSkill,
                `the notification after [REMOVE, Skill UPDATE ${humanSkill}] must show skillId ${humanSkill}`, details.skillId);
            return change.type;
        });

        await step('control API: the conversation is on the human skill and a human agent picks it up', async () => {
            const snapshot = await pollConversation(state.convId, (s) => String(s.skillId) === humanSkill &&
                (s.participants || []).some((p) => p.role === 'ASSIGNED_AGENT' &&
                    ![agent.agentId, oldId, String(bot.userId)].includes(String(p.id))),
            `skillId ${humanSkill} and a human ASSIGNED_AGENT`, HUMAN_TIMEOUT_MS);
            check(snapshot.state === 'OPEN', 'the conversation stays OPEN', snapshot.state);
            const human = snapshot.participants.find((p) => p.role === 'ASSIGNED_AGENT');
            return `human agent ${human.id}`;
        });

        await step('second conversation: ring, accept, bot assigned', async () => {
            const consumer = await control('POST', '/sandbox/consumers', {});
            state.consumer2 = consumer.consumerId;
            const from = recorder.mark();
            const conv = await control('POST', '/sandbox/conversations',
                {consumerId: state.consumer2, skillId: botSkill, channel: 'messaging'});
            state.conv2 = conv.conversationId;
            await control('POST', `/sandbox/conversations/${state.conv2}/messages`, {text: 'Please close this, thanks'});
            const ringEvent = await recorder.wait('routing.RoutingTaskNotification',
                (b) => Array.isArray(b.changes) && b.changes.some((c) => c.type === 'UPSERT' && c.result &&
                    c.result.conversationId === state.conv2 && (c.result.ringsDetails || []).some((r) => r.ringState === 'WAITING')),
                from, 'a WAITING ring for the second conversation');
            const ring = ringEvent.body.changes.find((c) => c.result.conversationId === state.conv2)
                .result.ringsDetails.find((r) => r.ringState === 'WAITING');
            const acceptMark = recorder.mark();
            await sdk(agent, 'updateRingState', {ringId: ring.ringId, ringState: 'ACCEPTED'});
            await recorder.wait('cqm.ExConversationChangeNotification', (b) => isConversationChange(state.conv2)(b) &&
                changeFor(b, state.conv2).type === 'UPSERT' && changeFor(b, state.conv2).result.conversationDetails.__myRole === 'ASSIGNED_AGENT',
            acceptMark, 'the bot assigned to the second conversation');
            return `conversation ${state.conv2}`;
        });

        await step('bot closes the second conversation (ConversationStateField CLOSE)', async () => {
            const from = recorder.mark();
            await sdk(agent, 'updateConversationField', {conversationId: state.conv2,
                conversationField: [{field: 'ConversationStateField', conversationState: 'CLOSE'}]});
            const event = await recorder.wait('cqm.ExConversationChangeNotification', (b) => {
                if (!isConversationChange(state.conv2)(b)) {
                    return false;
                }
                const c = changeFor(b, state.conv2);
                return c.type === 'DELETE' || (c.result.conversationDetails && c.result.conversationDetails.state === 'CLOSE');
            }, from, 'a DELETE, or an UPSERT with state CLOSE');
            const snapshot = await pollConversation(state.conv2, (s) => s.state === 'CLOSE', 'state CLOSE in the control API');
            check(snapshot.state === 'CLOSE', 'state CLOSE', snapshot.state);
            return `ExConversationChange ${changeFor(event.body, state.conv2).type}, control API state CLOSE`;
        });

        await step(`session refresh (every ${REFRESH_INTERVAL_MS} ms) succeeded`, async () => {
            const deadline = Date.now() + Math.max(STEP_TIMEOUT_MS, 3 * REFRESH_INTERVAL_MS);
            while (!refreshes.some((r) => r.done) && Date.now() < deadline) {
                await new Promise((resolve) => setTimeout(resolve, 100));
            }
            const done = refreshes.filter((r) => r.done);
            check(done.length > 0, 'the SDK made no session refresh', refreshes);
            const bad = done.filter((r) => r.error || r.bodyError);
            check(bad.length === 0, 'every refresh must succeed', bad);
            return `${done.length} refresh(es)`;
        });

        await step('getClock', async () => {
            const body = await sdk(agent, 'getClock', {});
            check(body && Number.isInteger(body.currentTime), 'body.currentTime must be an integer (ms)', body);
            check(Math.abs(body.currentTime - Date.now()) < 60000, 'currentTime close to now', body.currentTime);
            return `currentTime ${body.currentTime}`;
        });

        await step('socket survived; no SDK error/warn event during the run', async () => {
            check(agent.connected === true, 'agent.connected', agent.connected);
            check(closedEvents.length === 0, 'no `closed` event', closedEvents);
            check(sdkErrors.length === 0, 'no `error` event', sdkErrors);
            check(sdkWarnings.length === 0, 'no `warn` event', sdkWarnings);
        });
    } finally {
        agent.removeAllListeners('closed');
        agent.dispose();
        // dispose() drops every listener; an `error` emitted during the socket's teardown would
        // otherwise throw. It is reported but is no longer part of the checked run.
        agent.on('error', (err) => console.log(`INFO error event after dispose(): ${describe(err)}`));
    }
}

const globalTimeout = setTimeout(() => {
    console.log('FAIL the whole flow timed out');
    finish(1);
}, input.totalTimeoutMs || 240000);

function finish(code) {
    clearTimeout(globalTimeout);
    const passed = results.filter((r) => r.status === 'PASS').length;
    const failed = results.filter((r) => r.status === 'FAIL').length;
    const summary = {
        passed, failed, skipped: results.filter((r) => r.status === 'SKIP').length,
        steps: results, sdkErrors, sdkWarnings, closedEvents,
        refreshes: refreshes.filter((r) => r.done).length, refreshFailures: refreshes.filter((r) => r.error || r.bodyError),
        ms: Date.now() - started,
    };
    console.log(`RESULT ${JSON.stringify(summary)}`);
    process.exit(code || (failed > 0 || sdkErrors.length > 0 ? 1 : 0));
}

main().then(() => finish(0), (e) => {
    console.log(`FAIL unexpected: ${e && e.stack || e}`);
    finish(1);
});
