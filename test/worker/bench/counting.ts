// Counts what D1 reads, for the rows-read budgets of design §11 and issue 11.

/** A D1 binding that adds up `meta.rows_read` of everything run through it. */
export function counting(d: D1Database) {
  let rowsRead = 0;
  const targets = new WeakMap<object, D1PreparedStatement>();
  const add = (r: { meta?: { rows_read?: number } }) => {
    rowsRead += r.meta?.rows_read ?? 0;
  };
  const wrap = (s: D1PreparedStatement): D1PreparedStatement => {
    const p = new Proxy(s, {
      get(t, k) {
        if (k === 'bind') return (...args: unknown[]) => wrap(t.bind(...args));
        // raw() carries no meta: run the statement once more through all() to count what it reads.
        if (k === 'raw')
          return async (...args: unknown[]) => {
            add(await t.all());
            return (t.raw as (...a: unknown[]) => Promise<unknown[]>)(...args);
          };
        if (k === 'all' || k === 'run')
          return async () => {
            const r = await t[k]();
            add(r);
            return r;
          };
        const v = Reflect.get(t, k, t);
        return typeof v === 'function' ? v.bind(t) : v;
      },
    });
    targets.set(p, s);
    return p;
  };
  const db = new Proxy(d, {
    get(t, k) {
      if (k === 'prepare') return (sql: string) => wrap(t.prepare(sql));
      if (k === 'batch')
        return async (stmts: D1PreparedStatement[]) => {
          const rs = await t.batch(stmts.map((s) => targets.get(s) ?? s));
          for (const r of rs) add(r);
          return rs;
        };
      const v = Reflect.get(t, k, t);
      return typeof v === 'function' ? v.bind(t) : v;
    },
  });
  const take = () => {
    const n = rowsRead;
    rowsRead = 0;
    return n;
  };
  return { db, take };
}
