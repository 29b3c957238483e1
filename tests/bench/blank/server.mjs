// Serves the blank floor page with the same static server the browser host uses: node server.mjs <built folder>.
import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';
import path from 'node:path';

const app = Fastify();
await app.register(fastifyStatic, { root: path.resolve(process.argv[2] ?? '.tmp/bench-dist/blank') });
const address = await app.listen({ host: '127.0.0.1', port: 0 });
console.log(`Blank page running at ${address}/`);
