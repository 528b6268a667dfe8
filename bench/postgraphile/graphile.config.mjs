// PostGraphile 5 over the benchmark database, as its documentation sets it up: the Amber preset, the pg adaptor.
// DATABASE_URL and PORT come from bench/run.sh.
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";

/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset],
  // By default only indexed columns can be ordered and filtered by; the benchmark query orders a case's
  // leader assignments by (role, valid_from) and keeps those with valid_to null, as PetitionGraph does.
  disablePlugins: ["PgIndexBehaviorsPlugin"],
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ["public"] })],
  grafserv: { host: "127.0.0.1", port: Number(process.env.PORT ?? 5092), graphiql: false, watch: false },
  grafast: { explain: false },
};

export default preset;
