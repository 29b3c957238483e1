// The request-path floor: a bare Fastify server answering the same routes with the same envelope
// shapes as the simulator, doing no work. `npm run bench` times both in the same run, so the ratio
// says what the simulator's own path (access checks, dispatch, the simulation) costs on this machine.
import Fastify from 'fastify';

const app = Fastify();
const TOKEN = 'floor';
let logins = 0;
const ok = (value) => ({ ok: true, value });
app.post('/api/op/getClock', async () => ok({ now: Date.now(), running: true, elapsed: 0 }));
app.post('/control/op/submitCredentials', async () => ok({ loginId: `L${++logins}`, step: 'securityCode' }));
app.get('/control/pending', async (request) => ok([{ loginId: `L${logins}`, username: request.query.username, kind: 'code', code: '123456' }]));
app.post('/control/op/submitCode', async () => ok({ step: 'loggedIn' }));
app.post('/control/op/logOut', async () => ok({ step: 'credentials' }));
const address = await app.listen({ host: '127.0.0.1', port: 0 });
console.log(`Floor running at ${address}/`);
console.log(`Control API token: ${TOKEN}`);
