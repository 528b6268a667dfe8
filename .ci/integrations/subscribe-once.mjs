// A district system's live feed with the npm graphql-ws client: prints "subscribed", then the first caseChanged event
// as one JSON line, and exits. Used by tests/Live/NodeGraphQLWsClientTests.cs.
//   node subscribe-once.mjs URL TOKEN
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, token] = process.argv.slice(2);
const client = createClient({
  url: url.replace(/^http/, 'ws'),
  webSocketImpl: WebSocket,
  connectionParams: { Authorization: `Bearer ${token}` },
  retryAttempts: 0,
  on: { connected: () => console.log('subscribed') },
});
const timer = setTimeout(() => { console.error('no event within 20 s'); process.exit(1); }, 20000);
client.subscribe(
  { query: 'subscription { caseChanged { sequence kind case { number } } }' },
  {
    next: async (message) => {
      console.log(JSON.stringify(message));
      clearTimeout(timer);
      await client.dispose();
      process.exit(0);
    },
    error: (e) => { console.error(JSON.stringify(e?.reason ?? e?.message ?? e)); process.exit(1); },
    complete: () => {},
  },
);
