#!/usr/bin/env node
// A partner's client of the AmbassadorNet gRPC API, built at run time from the .proto files alone
// (proto/ambassadornet/partner/v1 of this repository, and google/rpc from the google-proto-files
// package). The test suite runs it through the gateway; partners can start from it.
//
//   AMB_GRPC_ADDRESS=127.0.0.1:5001 AMB_API_KEY=amb_live_... node client.js subscribe [--oldest | --after N] [--types a,b] [--count N] [--timeout S]
//   AMB_GRPC_ADDRESS=127.0.0.1:5001 AMB_API_KEY=amb_live_... node client.js post-orders < messages.json
//
// subscribe prints one JSON line per event ({id, position, type, occurredAt, redacted, data}) and
// exits 0 after --count events (or when --timeout seconds pass without reaching it: exit 3).
// post-orders reads a JSON array of {"order": {...}} / {"refund": {...}} messages (the fields of
// orders.proto in lowerCamelCase), sends them on one stream and prints one JSON line per result.
// A refused call prints {"error": {code, message, reason, type}} and exits 2.
'use strict';

const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const protobuf = require('protobufjs');
const googleProtos = path.join(path.dirname(require.resolve('google-proto-files/package.json')));

const protoRoot = process.env.AMB_PROTO_ROOT || path.join(__dirname, '..', '..', 'proto');
const files = ['ambassadornet/partner/v1/events.proto', 'ambassadornet/partner/v1/orders.proto'];
const definition = protoLoader.loadSync(files, {
  includeDirs: [protoRoot, googleProtos],
  longs: String, // positions are uint64: never squeezed into a JavaScript number
  enums: String,
  defaults: true,
  oneofs: true,
});
const partner = grpc.loadPackageDefinition(definition).ambassadornet.partner.v1;

// google.rpc.Status and its details, to read the grpc-status-details-bin trailer.
const rpcRoot = protobuf.loadSync(['google/rpc/status.proto', 'google/rpc/error_details.proto'].map((f) => path.join(googleProtos, f)));
const Status = rpcRoot.lookupType('google.rpc.Status');
const ErrorInfo = rpcRoot.lookupType('google.rpc.ErrorInfo');

function options(argv) {
  const parsed = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--')) {
      const name = argv[i].slice(2);
      const value = argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : true;
      parsed[name] = value;
    }
  }
  return parsed;
}

function credentials() {
  const key = process.env.AMB_API_KEY;
  if (!key) throw new Error('AMB_API_KEY is not set');
  const metadata = new grpc.Metadata();
  metadata.set('authorization', `Bearer ${key}`);
  return metadata;
}

function address() {
  return process.env.AMB_GRPC_ADDRESS || '127.0.0.1:5001';
}

// Locally the gateway's gRPC port is plain HTTP/2; in production use grpc.credentials.createSsl().
function channelCredentials() {
  return grpc.credentials.createInsecure();
}

function describe(error) {
  const described = { code: grpc.status[error.code] || error.code, message: error.details };
  const details = error.metadata && error.metadata.get('grpc-status-details-bin')[0];
  if (details) {
    const status = Status.decode(details);
    for (const any of status.details) {
      if (any.type_url.endsWith('google.rpc.ErrorInfo')) {
        const info = ErrorInfo.decode(any.value);
        described.reason = info.reason;
        described.type = info.metadata.type;
      }
    }
  }
  return described;
}

function fail(error) {
  console.log(JSON.stringify({ error: describe(error) }));
  process.exit(2);
}

function subscribe(args) {
  const client = new partner.EventStream(address(), channelCredentials());
  const request = { eventTypes: args.types ? String(args.types).split(',') : [] };
  if (args.oldest) request.oldest = {};
  if (args.after !== undefined) request.afterPosition = String(args.after);
  const count = args.count ? Number(args.count) : Infinity;
  const call = client.subscribe(request, credentials());
  let received = 0;
  const timer = args.timeout ? setTimeout(() => { call.cancel(); process.exit(3); }, Number(args.timeout) * 1000) : null;
  call.on('data', (event) => {
    const occurredAt = new Date(Number(event.occurredAt.seconds) * 1000 + Math.floor(event.occurredAt.nanos / 1e6)).toISOString();
    console.log(JSON.stringify({
      id: event.id, position: event.position, type: event.type, occurredAt, redacted: event.redacted, data: JSON.parse(event.dataJson),
    }));
    if (++received >= count) {
      if (timer) clearTimeout(timer);
      call.cancel();
      process.exit(0);
    }
  });
  call.on('error', (error) => {
    if (error.code !== grpc.status.CANCELLED) fail(error);
  });
}

function postOrders() {
  const input = require('fs').readFileSync(0, 'utf8');
  const messages = JSON.parse(input);
  const client = new partner.OrderStream(address(), channelCredentials());
  const call = client.post(credentials());
  let answered = 0;
  call.on('data', (result) => {
    const line = { orderId: result.orderId, refundId: result.refundId, replayed: result.replayed, outcome: result.outcome };
    if (result.outcome === 'conversion') line.conversion = { id: result.conversion.id, status: result.conversion.status, method: result.conversion.method };
    if (result.outcome === 'refund') line.refund = { cumulativeRefunded: result.refund.cumulativeRefunded };
    if (result.outcome === 'error') line.error = { code: result.error.code, message: result.error.message };
    console.log(JSON.stringify(line));
    answered++;
  });
  call.on('error', fail);
  call.on('end', () => process.exit(answered === messages.length ? 0 : 4));
  for (const message of messages) {
    call.write(message);
  }
  call.end();
}

const [command, ...rest] = process.argv.slice(2);
const args = options(rest);
if (command === 'subscribe') subscribe(args);
else if (command === 'post-orders') postOrders();
else {
  console.error('usage: client.js subscribe [--oldest | --after N] [--types a,b] [--count N] [--timeout S] | post-orders < messages.json');
  process.exit(64);
}
