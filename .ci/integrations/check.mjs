// The tools district systems use, pointed at a running PetitionGraph, each checked for a real answer:
//   node check.mjs URL ANALYST_TOKEN OFFICE_TOKEN SCHEMA_FILE
// 1. graphql-js: getIntrospectionQuery() with every option → buildClientSchema → the same schema as SCHEMA_FILE.
// 2. graphql-inspector diff SCHEMA_FILE URL: no change at all.
// 3. get-graphql-schema URL: the same schema as SCHEMA_FILE.
// 4. graphql-ws: subscribe to caseChanged, record an activity over HTTP, receive it.
// 5. Apollo automatic persisted queries: hash only → PERSISTED_QUERY_NOT_FOUND; hash + text → data; hash only → data.
// 6. graphql-codegen (typescript-operations) types clients/operations.graphql from SCHEMA_FILE; tsc --strict compiles
//    clients/uses.ts against the types.
// 7. relay-compiler compiles clients/relay (a @refetchable fragment on Case, a @connection over cases) against
//    SCHEMA_FILE; its generated queries run against URL: a page, the next page by its cursor, a case refetched by node.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildClientSchema, buildSchema, getIntrospectionQuery, introspectionFromSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, token, officeToken, schemaFile] = process.argv.slice(2);
if (!url || !token || !officeToken || !schemaFile) {
  console.error('usage: node check.mjs URL ANALYST_TOKEN OFFICE_TOKEN SCHEMA_FILE');
  process.exit(2);
}
const bin = new URL('./node_modules/.bin/', import.meta.url).pathname;
const normal = (schema) => printSchema(lexicographicSortSchema(schema));
const committed = buildSchema(readFileSync(schemaFile, 'utf8'));
const expected = normal(committed);
let passed = 0;
let failed = 0;

async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}\n     ${String(e?.stack ?? e).split('\n').slice(0, 6).join('\n     ')}`);
  }
}

async function post(body, bearer = token) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

/** Runs one of the installed tools; its output is the error when it fails. */
function tool(name, args, cwd) {
  try {
    return execFileSync(`${bin}${name}`, args, { encoding: 'utf8', stdio: 'pipe', cwd });
  } catch (e) {
    throw new Error(`${name} exited ${e.status}:\n${e.stdout}\n${e.stderr}`);
  }
}

function sameSchema(actual, source) {
  if (actual !== expected) {
    const a = actual.split('\n');
    const b = expected.split('\n');
    const line = a.findIndex((l, i) => l !== b[i]);
    throw new Error(`${source} differs from ${schemaFile} at line ${line + 1}:\n  live: ${a[line]}\n  file: ${b[line]}`);
  }
}

await check('graphql-js getIntrospectionQuery (every option) builds the committed schema', async () => {
  const query = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true });
  const { status, json } = await post({ query });
  if (status !== 200 || json.errors) throw new Error(`HTTP ${status}: ${JSON.stringify(json.errors)}`);
  const schema = buildClientSchema(json.data);
  sameSchema(normal(schema), 'the introspected schema');
  const dateTime = json.data.__schema.types.find((t) => t.name === 'DateTime');
  if (!dateTime?.specifiedByURL?.includes('rfc3339')) throw new Error(`DateTime.specifiedByURL is ${dateTime?.specifiedByURL}`);
});

await check('graphql-inspector diff: no change between the committed schema and the live one', async () => {
  // The committed schema as introspection shows it: an SDL file carries @specifiedBy as a directive usage, which
  // introspection reports as specifiedByURL instead; compared as introspection, every other difference counts.
  const file = join(mkdtempSync(join(tmpdir(), 'pg-inspector-')), 'schema.json');
  writeFileSync(file, JSON.stringify(introspectionFromSchema(committed, { specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true })));
  let output;
  try {
    output = execFileSync(`${bin}graphql-inspector`, ['diff', file, url, '--header', `Authorization: Bearer ${token}`], { encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    throw new Error(`graphql-inspector exited ${e.status}:\n${e.stdout}\n${e.stderr}`);
  }
  if (!/No changes detected/.test(output)) throw new Error(output);
});

await check('get-graphql-schema prints the committed schema', async () => {
  const sdl = execFileSync(`${bin}get-graphql-schema`, [url, '-h', `Authorization=Bearer ${token}`], { encoding: 'utf8', stdio: 'pipe' });
  // It runs graphql 14, whose introspection knows no schema description, specifiedByURL or isRepeatable: compare
  // with the committed schema as graphql 14 would see it.
  // graphql 14 also breaks long descriptions across lines when printing: any run of whitespace counts as one space.
  const flat = (schema) => normal(schema).replace(/\s+/g, ' ');
  const as14 = flat(buildClientSchema(introspectionFromSchema(committed, { specifiedByUrl: false, directiveIsRepeatable: false, schemaDescription: false })));
  const actual = flat(buildSchema(sdl));
  if (actual !== as14) {
    let at = 0;
    while (actual[at] === as14[at]) at++;
    throw new Error(`get-graphql-schema differs from ${schemaFile} (as graphql 14 sees it):\n  live: …${actual.slice(Math.max(0, at - 60), at + 60)}\n  file: …${as14.slice(Math.max(0, at - 60), at + 60)}`);
  }
});

await check('graphql-ws: caseChanged delivers an activity recorded over HTTP', async () => {
  const accepted = await post({ query: '{ cases(first: 1, where: { status: { eq: ACCEPTED } }) { nodes { id number } } }' }, officeToken);
  const target = accepted.json.data.cases.nodes[0];
  const client = createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { Authorization: `Bearer ${token}` }, retryAttempts: 0 });
  try {
    const received = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no event within 15 s')), 15000);
      client.subscribe(
        { query: 'subscription { caseChanged { sequence kind case { number } } }' },
        {
          next: (message) => {
            const change = message.data?.caseChanged;
            if (change?.kind === 'ACTIVITY_RECORDED' && change.case.number === target.number) {
              clearTimeout(timer);
              resolve(change);
            }
          },
          error: (e) => reject(e instanceof Error ? e : new Error(JSON.stringify(e))),
          complete: () => {},
        },
      );
    });
    await new Promise((r) => setTimeout(r, 1500)); // the subscription starts after the last committed change
    const recorded = await post({
      query: 'mutation($id: ID!) { recordActivity(input: { caseId: $id, kind: VISIT, summary: "CI: graphql-ws check" }) { userErrors { message } } }',
      variables: { id: target.id },
    }, officeToken);
    if (recorded.json.errors || recorded.json.data.recordActivity.userErrors.length) throw new Error(JSON.stringify(recorded.json));
    const change = await received;
    if (!(change.sequence > 0)) throw new Error(`sequence ${change.sequence}`);
  } finally {
    await client.dispose();
  }
});

await check('Apollo automatic persisted queries: not found, registered, then found by hash', async () => {
  const query = `query CiApq { categories { nodes { code } } __typename } # ${Date.now()}`;
  const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } };
  const first = await post({ extensions });
  if (first.json.errors?.[0]?.extensions?.code !== 'PERSISTED_QUERY_NOT_FOUND' || first.json.errors[0].message !== 'PersistedQueryNotFound') {
    throw new Error(`hash only, first time: ${JSON.stringify(first.json)}`);
  }
  const second = await post({ query, extensions });
  if (!second.json.data?.categories?.nodes?.length) throw new Error(`hash and text: ${JSON.stringify(second.json)}`);
  const third = await post({ extensions });
  if (!third.json.data?.categories?.nodes?.length) throw new Error(`hash only, registered: ${JSON.stringify(third.json)}`);
});

await check('graphql-codegen types the operations a district system writes; tsc --strict compiles code using them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pg-codegen-'));
  cpSync(new URL('./clients/uses.ts', import.meta.url), join(dir, 'uses.ts'));
  writeFileSync(join(dir, 'codegen.json'), JSON.stringify({
    schema: resolve(schemaFile),
    documents: new URL('./clients/operations.graphql', import.meta.url).pathname,
    generates: { [join(dir, 'gen.ts')]: { plugins: ['typescript-operations'], config: { enumsAsTypes: true } } },
  }));
  // Run from here: codegen finds its plugins beside the working directory.
  tool('graphql-codegen', ['--config', join(dir, 'codegen.json')], new URL('.', import.meta.url).pathname);
  tool('tsc', ['--noEmit', '--strict', '--target', 'es2022', '--module', 'esnext', '--moduleResolution', 'bundler', join(dir, 'uses.ts')], dir);
  const types = readFileSync(join(dir, 'gen.ts'), 'utf8');
  if (!/export type OverdueCasesQuery = /.test(types)) throw new Error(`no OverdueCasesQuery type in:\n${types.slice(0, 400)}`);
});

await check('relay-compiler compiles a refetchable fragment and a connection; its queries page and refetch', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pg-relay-'));
  cpSync(new URL('./clients/relay', import.meta.url), join(dir, 'src'), { recursive: true });
  mkdirSync(join(dir, 'src', '__generated__'));
  writeFileSync(join(dir, 'relay.config.json'), JSON.stringify({
    src: './src', schema: resolve(schemaFile), language: 'typescript', artifactDirectory: './src/__generated__',
    customScalarTypes: { DateTime: 'string', Decimal: 'string', Long: 'string' },
  }));
  tool('relay-compiler', [], dir);
  // The operation text Relay generated (its "text" field), as a Relay network layer would send it.
  const text = (name) => JSON.parse(readFileSync(join(dir, 'src', '__generated__', `${name}.graphql.ts`), 'utf8').match(/"text": ("(?:[^"\\]|\\.)*")/)[1]);
  const answer = async (name, variables) => {
    const { status, json } = await post({ query: text(name), variables });
    if (status !== 200 || json.errors) throw new Error(`${name}: HTTP ${status} ${JSON.stringify(json.errors)}`);
    return json.data;
  };
  const first = (await answer('CasesPageQuery', {})).cases;
  const second = (await answer('CasesListPaginationQuery', { first: 3, after: first.pageInfo.endCursor })).cases;
  const numbers = [...first.edges, ...second.edges].map((e) => e.node.number);
  if (first.edges.length !== 3 || !first.pageInfo.hasNextPage || second.edges.length !== 3) throw new Error(`pages of ${first.edges.length} and ${second.edges.length}`);
  if (numbers.join() !== [...numbers].sort().join() || new Set(numbers).size !== 6) throw new Error(`the two pages do not follow each other: ${numbers}`);
  const { id, number } = second.edges[0].node;
  const refetched = (await answer('CasesRowRefetchQuery', { id })).node;
  if (refetched?.__typename !== 'Case' || refetched.id !== id || refetched.number !== number || !refetched.village?.name) {
    throw new Error(`node(${id}) gave ${JSON.stringify(refetched)}`);
  }
});

console.log(`integrations: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
