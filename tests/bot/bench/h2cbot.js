// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// HTTP/2 twin of fastbot.cpp for the benchmark, on Node's built-in http2 module (fastbot.cpp
// speaks HTTP/1.1 only): the same fixed 200 JSON answer, 127.0.0.1, an ephemeral port printed as
// "PORT <n>", alive while stdin is open.
//   node h2cbot.js                      HTTP/2 cleartext (h2c, prior knowledge)
//   node h2cbot.js CERT.pem KEY.pem     TLS with ALPN: h2, or http/1.1 for clients that ask for it
'use strict';
const fs = require('fs');
const http2 = require('http2');

const body = Buffer.from('{"response":[{"type":"TEXT","data":{"message":"ok"}}],"analytics":{"intents":[]}}');
const settings = { maxConcurrentStreams: 1000 };
const server = process.argv.length >= 4
  ? http2.createSecureServer({ cert: fs.readFileSync(process.argv[2]), key: fs.readFileSync(process.argv[3]), allowHTTP1: true, settings })
  : http2.createServer({ settings });
server.on('request', (req, res) => {
  req.on('data', () => {});
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write('PORT ' + server.address().port + '\n');
});
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
process.stdin.resume();
