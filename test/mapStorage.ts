/** A Storage (localStorage's get/set/remove) in a Map, for tests that set what the last visit left. */
export function mapStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
  };
}
