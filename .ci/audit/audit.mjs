// Runs every graphql-http server audit against URL (argv[2]) and fails unless all pass with no warnings.
// Optional argv[3]: a bearer token, sent with every request.
import { serverAudits } from 'graphql-http';

const url = process.argv[2] ?? 'http://127.0.0.1:5080/graphql';
const token = process.argv[3];
const fetchFn = token
  ? (input, init = {}) => fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init.headers)), authorization: `Bearer ${token}` } })
  : fetch;

const results = [];
for (const audit of serverAudits({ url, fetchFn })) {
  results.push({ name: audit.name, ...(await audit.fn()) });
}
const count = (status) => results.filter((r) => r.status === status).length;
for (const r of results.filter((r) => r.status !== 'ok')) {
  console.log(`${r.status.toUpperCase()}: ${r.name}\n    ${r.reason}`);
}
console.log(`graphql-http audit: ${count('ok')} ok, ${count('warn')} warnings, ${count('notice')} notices, ${count('error')} errors of ${results.length}`);
process.exit(count('ok') === results.length ? 0 : 1);
