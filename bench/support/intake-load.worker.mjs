// The intake benchmark's load generator, on a thread of its own so the server's event loop runs
// only the server (clients of an API are other programs). Plain JavaScript: workers do not
// inherit the TypeScript loader.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

// batch 0: one ticket per POST /tickets; batch N: N tickets per POST /tickets/bulk.
const { base, token, clients, items, concurrency, seconds, warmUp, batch } = workerData;
const url = new URL(base);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

let n = 0;

function ticket() {
  n++;
  return {
    clientId: clients[n % clients.length],
    ...(n % 4 === 0 ? {} : { catalogItemId: items[n % items.length] }),
    subject: `Alert ${n}: disk space low on server ${n % 97}`,
    description: 'Raised by the monitoring agent.',
  };
}

function create() {
  const payload = batch ? JSON.stringify({ tickets: Array.from({ length: batch }, ticket) }) : JSON.stringify(ticket());
  const path = batch ? `${url.pathname}/tickets/bulk` : `${url.pathname}/tickets`;
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, method: 'POST', path, agent, headers: { ...headers, 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          if (res.statusCode !== 201) reject(new Error(`POST ${path} answered ${res.statusCode}: ${Buffer.concat(chunks).toString().slice(0, 300)}`));
          else resolve(performance.now() - t0);
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

for (let i = 0; i < warmUp; i++) await create();
const samples = [];
const started = performance.now();
const until = started + seconds * 1000;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (performance.now() < until) samples.push(await create());
  }),
);
parentPort.postMessage({ samples, elapsedMs: performance.now() - started });
agent.destroy();
