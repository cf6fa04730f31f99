import { expect, test } from "vitest";
import type { Connection } from "~/platform/db.server";
import { migrate } from "~/platform/migrate.server";
import { withTestDatabase } from "../helpers/db";

const database = withTestDatabase();

type Session = Pick<Connection, "exec" | "query">;
type Grants = Record<string, Record<string, string[]>>;

const ROLES = ["anon", "authenticated", "service_role"] as const;
// What PostgREST needs (sorted, as the query returns them); RLS decides the rows. TRUNCATE,
// REFERENCES, TRIGGER and MAINTAIN are not needed, and TRUNCATE ignores RLS.
const API = ["DELETE", "INSERT", "SELECT", "UPDATE"];
const SEQUENCE_API = ["SELECT", "USAGE"];

async function tablePrivileges(session: Session) {
  const [server] = await session.query<{ version: string }>(
    `SELECT current_setting('server_version_num') AS version`,
  );
  // MAINTAIN exists from Postgres 17 (PGlite); Supabase and the test server may be 15.
  const all = [
    "SELECT",
    "INSERT",
    "UPDATE",
    "DELETE",
    "TRUNCATE",
    "REFERENCES",
    "TRIGGER",
  ];
  if (Number(server!.version) >= 170000) all.push("MAINTAIN");
  return {
    all,
    expected: { anon: API, authenticated: API, service_role: [...all].sort() },
  };
}

/** Every privilege each API role holds on every table, view or sequence in public. */
async function grantsIn(
  session: Session,
  kinds: "tables" | "sequences",
  names: string[],
): Promise<Grants> {
  const check =
    kinds === "tables" ? "has_table_privilege" : "has_sequence_privilege";
  const relkinds = kinds === "tables" ? `'r', 'p', 'v', 'm', 'f'` : `'S'`;
  const rows = await session.query<{
    relation: string;
    role: string;
    privileges: string[] | null;
  }>(`
    SELECT c.relname AS relation, r.role,
           array_agg(p.name ORDER BY p.name) FILTER (WHERE ${check}(r.role, c.oid, p.name)) AS privileges
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    CROSS JOIN (VALUES ${ROLES.map((role) => `('${role}')`).join(", ")}) AS r(role)
    CROSS JOIN (VALUES ${names.map((name) => `('${name}')`).join(", ")}) AS p(name)
    WHERE n.nspname = 'public' AND c.relkind IN (${relkinds})
    GROUP BY c.relname, r.role
    ORDER BY c.relname, r.role`);
  const grants: Grants = {};
  for (const row of rows)
    (grants[row.relation] ??= {})[row.role] = row.privileges ?? [];
  return grants;
}

function everyRelationHas(grants: Grants, expected: Record<string, string[]>) {
  return Object.fromEntries(
    Object.keys(grants).map((relation) => [relation, expected]),
  );
}

async function expectLeastPrivilege(session: Session) {
  const { all, expected } = await tablePrivileges(session);
  const tables = await grantsIn(session, "tables", all);
  expect(Object.keys(tables)).toEqual(
    expect.arrayContaining(["users", "responses", "audit_log"]),
  );
  expect(tables).toEqual(everyRelationHas(tables, expected));
  const sequences = await grantsIn(session, "sequences", [
    "SELECT",
    "UPDATE",
    "USAGE",
  ]);
  expect(sequences).toEqual(
    everyRelationHas(sequences, {
      anon: SEQUENCE_API,
      authenticated: SEQUENCE_API,
      service_role: ["SELECT", "UPDATE", "USAGE"],
    }),
  );
}

test("on every public table anon and authenticated hold exactly select, insert, update and delete", async () => {
  await expectLeastPrivilege(database.current);
});

test.each(["anon", "authenticated"])(
  "%s cannot truncate the users table, whose rows stay",
  async (role) => {
    await database.current.exec(
      `INSERT INTO public.users (email) VALUES ('${role}-truncate@example.org')`,
    );
    await expect(
      database.current.transaction(async (tx) => {
        await tx.exec(`SET LOCAL ROLE ${role}`);
        await tx.exec("TRUNCATE public.users CASCADE");
      }),
    ).rejects.toThrow(/permission denied for table/);
    const [left] = await database.current.query<{ n: string }>(
      `SELECT count(*) AS n FROM public.users WHERE email = '${role}-truncate@example.org'`,
    );
    expect(Number(left!.n)).toBe(1);
  },
);

test("a table created later by the same owner gets the same grants, without truncate", async () => {
  const { tables, sequences, expected } = await database.current.transaction(
    async (tx) => {
      await tx.exec(
        "CREATE TABLE public.privileges_probe (id serial PRIMARY KEY)",
      );
      const { all, expected } = await tablePrivileges(tx);
      const tables = await grantsIn(tx, "tables", all);
      const sequences = await grantsIn(tx, "sequences", [
        "SELECT",
        "UPDATE",
        "USAGE",
      ]);
      await tx.exec("DROP TABLE public.privileges_probe");
      return { tables, sequences, expected };
    },
  );
  expect(tables.privileges_probe).toEqual(expected);
  expect(tables.privileges_probe!.anon).not.toContain("TRUNCATE");
  expect(sequences.privileges_probe_id_seq).toEqual({
    anon: SEQUENCE_API,
    authenticated: SEQUENCE_API,
    service_role: ["SELECT", "UPDATE", "USAGE"],
  });
});

test("a database bootstrapped with GRANT ALL is put right once, and the bootstrap on later starts leaves it so", async () => {
  // The state every database had before: the old bootstrap's grants, and the migration not yet run.
  await database.current.exec(`
    GRANT ALL ON ALL TABLES IN SCHEMA public TO anon, authenticated;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON TABLES TO anon, authenticated;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON SEQUENCES TO anon, authenticated;
    DELETE FROM supabase_migrations.schema_migrations WHERE name = 'least_privilege';`);
  expect(await migrate(database.current, { bootstrap: true })).toEqual([
    expect.stringMatching(/^\d{14}_least_privilege\.sql$/),
  ]);
  await expectLeastPrivilege(database.current);
  expect(await migrate(database.current, { bootstrap: true })).toEqual([]);
  await expectLeastPrivilege(database.current);
  await database.current.transaction(async (tx) => {
    await tx.exec(
      "CREATE TABLE public.privileges_probe (id serial PRIMARY KEY)",
    );
    await expectLeastPrivilege(tx);
    await tx.exec("DROP TABLE public.privileges_probe");
  });
});
