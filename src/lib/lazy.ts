/**
 * A value built on its first use instead of when its module loads. For zod schemas:
 * building them all took about 26 ms of the first long task, and a hydrated page
 * validates nothing until it fetches. The value stands in for itself (a Proxy), so
 * `schema.parse(...)` and zod's own use of `schema._zod` work as before.
 */
export function lazy<T extends object>(build: () => T): T {
  let value: T | undefined;
  const get = () => (value ??= build());
  return new Proxy({} as T, {
    get(_, key) {
      const target = get();
      const property: unknown = Reflect.get(target, key);
      return typeof property === 'function' ? property.bind(target) : property;
    },
    has: (_, key) => Reflect.has(get(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(get()),
  });
}
