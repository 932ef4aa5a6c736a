/**
 * Payload shapes for messages between the extension's contexts. A shape both checks an
 * unknown value on receipt and gives its static type (`Infer<typeof shape>`), so a handler's
 * parameter type and its runtime check cannot drift apart. Deliberately tiny: strings,
 * bounded numbers, literals, arrays and plain objects are all our messages carry.
 */

export interface Shape<T> {
  /** Whether the value fits, narrowing it to `T` where it does. */
  check(value: unknown): value is T;
  readonly describe: string;
}

export type Infer<S> = S extends Shape<infer T> ? T : never;

const shape = <T>(describe: string, check: (value: unknown) => boolean): Shape<T> => ({
  describe,
  check: check as (value: unknown) => value is T,
});

export function string(options: { max?: number; pattern?: RegExp } = {}): Shape<string> {
  const max = options.max ?? 10_000;
  return shape(
    'string',
    (v) => typeof v === 'string' && v.length <= max && (!options.pattern || options.pattern.test(v)),
  );
}

export function integer(options: { min?: number; max?: number } = {}): Shape<number> {
  const min = options.min ?? 0;
  const max = options.max ?? Number.MAX_SAFE_INTEGER;
  return shape('integer', (v) => Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max);
}

export function number(options: { min?: number; max?: number } = {}): Shape<number> {
  const min = options.min ?? -Infinity;
  const max = options.max ?? Infinity;
  return shape('number', (v) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max);
}

export function boolean(): Shape<boolean> {
  return shape('boolean', (v) => typeof v === 'boolean');
}

export function oneOf<const T extends readonly (string | number | boolean)[]>(...values: T): Shape<T[number]> {
  return shape(values.join(' | '), (v) => values.includes(v as T[number]));
}

export function array<T>(item: Shape<T>, options: { max?: number } = {}): Shape<T[]> {
  const max = options.max ?? 1000;
  return shape(`${item.describe}[]`, (v) => Array.isArray(v) && v.length <= max && v.every((x) => item.check(x)));
}

export function optional<T>(inner: Shape<T>): Shape<T | undefined> & { optional: true } {
  return { ...shape<T | undefined>(`${inner.describe}?`, (v) => v === undefined || inner.check(v)), optional: true };
}

type Fields = Record<string, Shape<unknown>>;
type OptionalKeys<F extends Fields> = { [K in keyof F]: F[K] extends { optional: true } ? K : never }[keyof F];
type RequiredKeys<F extends Fields> = Exclude<keyof F, OptionalKeys<F>>;
type Pretty<T> = { [K in keyof T]: T[K] } & {};
export type ObjectOf<F extends Fields> = Pretty<
  { [K in RequiredKeys<F>]: Infer<F[K]> } & { [K in OptionalKeys<F>]?: Infer<F[K]> }
>;

/** A plain object with exactly these fields (unknown fields are refused, not ignored). */
export function object<F extends Fields>(fields: F): Shape<ObjectOf<F>> {
  const keys = Object.keys(fields);
  return shape(`{ ${keys.join(', ')} }`, (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) return false;
    const record = v as Record<string, unknown>;
    for (const key of Object.keys(record)) if (!Object.hasOwn(fields, key)) return false;
    return keys.every((key) => fields[key]!.check(record[key]));
  });
}

/** No payload at all. */
export const nothing: Shape<undefined> = shape('nothing', (v) => v === undefined);
