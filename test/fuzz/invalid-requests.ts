import fc from 'fast-check';

/** One route of the OpenAPI document, reduced to what the generator needs. */
export interface Operation {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** `/targets/{targetId}/milestones` */
  readonly path: string;
  readonly pathParams: readonly string[];
  readonly queryParams: readonly { readonly name: string; readonly schema: Schema }[];
  readonly body?: Schema;
}

export type Credentials = Readonly<
  Record<'viewer' | 'lead' | 'otherLead' | 'supervisor' | 'admin' | 'expired' | 'forged', string>
>;

export interface GeneratedRequest {
  readonly method: Operation['method'];
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly payload?: string;
}

interface Schema {
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly properties?: Record<string, Schema>;
  readonly required?: readonly string[];
  readonly items?: Schema;
  readonly $ref?: string;
  readonly example?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
}

interface OpenApi {
  readonly paths: Record<string, Record<string, OpenApiOperation>>;
  readonly components?: { readonly schemas?: Record<string, Schema> };
}

interface OpenApiOperation {
  readonly parameters?: readonly {
    readonly in: string;
    readonly name: string;
    readonly schema?: Schema;
  }[];
  readonly requestBody?: { readonly content?: Record<string, { readonly schema?: Schema }> };
}

/** Public routes that take no input at all: nothing in them can be invalid. */
const NOT_FUZZED = /^\/(docs|docs-json|metrics|health(\/live|\/ready)?)$/;

export function operationsOf(document: OpenApi): Operation[] {
  const schemas = document.components?.schemas ?? {};
  const resolve = (schema: Schema | undefined): Schema | undefined => {
    if (!schema) return undefined;
    if (schema.$ref) return resolve(schemas[schema.$ref.replace('#/components/schemas/', '')]);
    if (schema.properties)
      return {
        ...schema,
        properties: Object.fromEntries(
          Object.entries(schema.properties).map(([k, v]) => [k, resolve(v) ?? {}]),
        ),
      };
    if (schema.items) return { ...schema, items: resolve(schema.items) };
    return schema;
  };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    NOT_FUZZED.test(path)
      ? []
      : Object.entries(operations).map(([method, op]) => ({
          method: method.toUpperCase() as Operation['method'],
          path,
          pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
          queryParams: (op.parameters ?? [])
            .filter((p) => p.in === 'query')
            .map((p) => ({ name: p.name, schema: resolve(p.schema) ?? {} })),
          body: resolve(op.requestBody?.content?.['application/json']?.schema),
        })),
  );
}

/** Path segments that name nothing: traversal, encodings, control and odd Unicode, huge. */
const hostileSegment = fc.oneof(
  fc.constantFrom(
    '..',
    '../../etc/passwd',
    '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '%00',
    '%',
    '%zz',
    '%E4%B8',
    '区数据局%00',
    '\u202e区数据局',
    'changning-2024-digital-t02-g1%2F..',
    'changning-2024-digital-t999-g1',
    '__proto__',
    'constructor',
    ' ',
    '🏛️',
    'a'.repeat(5000),
  ),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
);

/** A value of the wrong type for a field of this schema (never null: null means "absent"). */
function wrongType(schema: Schema): fc.Arbitrary<unknown> {
  switch (schema.type) {
    case 'number':
    case 'integer':
      return fc.constantFrom('lots', '１２', '', {}, [], true, '12abc');
    case 'boolean':
      return fc.constantFrom('yes', 1, {}, []);
    case 'array':
      return fc.constantFrom('x', 7, { 0: 'a' }, [{}], [[1]]);
    case 'object':
      return fc.constantFrom('x', 7, [], true);
    default:
      return fc.constantFrom(12, {}, [], true, ['a']);
  }
}

/** A value that may or may not pass on its own: huge, empty, odd Unicode, out of range. */
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('', ' ', '\u0000', 'x'.repeat(100_000), '\ud800', '<script>alert(1)</script>'),
  fc.constantFrom(-1, 0, -1e308, 1e308, 2 ** 53 + 1, -0, 0.1 + 0.2),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.double(),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);

function exampleOf(schema: Schema): unknown {
  if (schema.example !== undefined) return schema.example;
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'number':
    case 'integer':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return [exampleOf(schema.items ?? { type: 'string' })];
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([k, v]) => [k, exampleOf(v)]),
      );
    default:
      return schema.format === 'date' ? '2024-06-30' : '示例';
  }
}

/**
 * A body that must be refused: the schema's example with at least one mutation that makes it
 * invalid (a missing required field, a field of the wrong type, a field the API does not know, or
 * not a JSON object at all), plus maybe some odd values; or bytes that are not JSON.
 */
function invalidBody(schema: Schema): fc.Arbitrary<{ payload: string; contentType: string }> {
  const example = exampleOf(schema) as Record<string, unknown>;
  const fields = Object.keys(schema.properties ?? {});
  const required = schema.required ?? [];
  const json = (value: unknown) => ({
    payload: JSON.stringify(value),
    contentType: 'application/json',
  });

  const guaranteed: fc.Arbitrary<Record<string, unknown>>[] = [
    fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((k) => !fields.includes(k) && k !== '__proto__')
      .map((extra) => ({ ...example, [extra]: 'x' })),
  ];
  if (required.length > 0)
    guaranteed.push(
      fc.constantFrom(...required).map((field) => {
        const copy = { ...example };
        delete copy[field];
        return copy;
      }),
    );
  if (fields.length > 0)
    guaranteed.push(
      fc
        .constantFrom(...fields)
        .chain((field) =>
          wrongType(schema.properties![field]).map((value) => ({ ...example, [field]: value })),
        ),
    );

  const mutated = fc
    .tuple(
      fc.oneof(...guaranteed),
      fields.length > 0
        ? fc.array(fc.tuple(fc.constantFrom(...fields), oddValue), { maxLength: 2 })
        : fc.constant([] as [string, unknown][]),
    )
    .map(([base, odd]) => {
      // Odd values never overwrite the field whose mutation makes the body invalid.
      const invalidField = Object.keys(base).find((k) => base[k] !== example[k]);
      const body = { ...base };
      for (const [field, value] of odd)
        if (field !== invalidField && field in body) body[field] = value;
      return json(body);
    });

  return fc.oneof(
    mutated,
    fc.constantFrom([], 'text', 42, null, true).map(json),
    fc
      .constantFrom('{', '{"value":', '{"a":1}}', '\u0000', '{"value": 1e999', 'NaN')
      .map((payload) => ({ payload, contentType: 'application/json' })),
    fc
      .constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml')
      .map((contentType) => ({ payload: JSON.stringify(example), contentType })),
  );
}

/** A query value no parameter of this type accepts. */
function invalidQueryValue(schema: Schema, name: string): fc.Arbitrary<string> | undefined {
  if (
    name === 'asOf' ||
    name === 'from' ||
    name === 'to' ||
    name === 'dueBefore' ||
    name === 'lateFrom'
  )
    return fc.constantFrom('not-a-date', '2024-13-45', '2024-02-30T00:00:00Z', '９９', 'yesterday');
  if (name === 'waitFor') return fc.constantFrom('abc', '-1', '1.5', '', '١٢', '0x10');
  if (
    schema.type === 'number' ||
    schema.type === 'integer' ||
    name === 'limit' ||
    name === 'offset'
  )
    return fc.constantFrom('abc', '-1', '1.5', '1e999', '99999999999999999999', '0x1g');
  if (schema.enum) return fc.constantFrom('nope', '', 'LOWERED', '区数据局');
  return undefined;
}

export function invalidRequest(
  operations: () => readonly Operation[],
  credentials: () => Credentials,
): fc.Arbitrary<GeneratedRequest> {
  return fc
    .integer({ min: 0, max: 1_000_000 })
    .map((i) => operations()[i % operations().length])
    .chain((op) => {
      const typedQueriesOf = op.queryParams.filter((q) => invalidQueryValue(q.schema, q.name));
      const takesInput =
        op.body !== undefined ||
        typedQueriesOf.length > 0 ||
        op.pathParams.length > 0 ||
        op.path === '/events/stream';
      // A route that takes no input can only be called without valid credentials.
      const auth = fc.constantFrom<keyof Credentials | 'none'>(
        ...(takesInput
          ? ([
              'none',
              'viewer',
              'lead',
              'otherLead',
              'supervisor',
              'admin',
              'expired',
              'forged',
            ] as const)
          : (['none', 'expired', 'forged'] as const)),
      );
      // Path parameters name nothing that exists, unless a body or a query value is invalid
      // anyway: then real ids reach the validation and the rules behind them.
      const typedQueries = op.queryParams
        .map((q) => ({ name: q.name, bad: invalidQueryValue(q.schema, q.name) }))
        .filter((q): q is { name: string; bad: fc.Arbitrary<string> } => q.bad !== undefined);
      const hasInvalidPart = op.body !== undefined || typedQueries.length > 0;
      const realIds = fc.constant(op.pathParams.map((p) => realValue(p)));
      const hostileIds = fc.tuple(...op.pathParams.map(() => hostileSegment));
      const ids =
        op.pathParams.length === 0
          ? fc.constant([] as string[])
          : hasInvalidPart
            ? fc.oneof(realIds, hostileIds)
            : hostileIds;
      const query =
        typedQueries.length > 0
          ? fc
              .constantFrom(...typedQueries)
              .chain((q) => q.bad.map((value) => ({ [q.name]: value })))
          : fc.constant({} as Record<string, string>);
      const body = op.body
        ? invalidBody(op.body).map((b) => b as { payload: string; contentType: string } | undefined)
        : fc.constant(undefined);
      return fc
        .tuple(auth, ids, query, body)
        .map(([who, values, params, payload]): GeneratedRequest => {
          let path = op.path;
          op.pathParams.forEach((name, i) => {
            path = path.replace(`{${name}}`, encodeSegment(values[i]));
          });
          const search = new URLSearchParams(params).toString();
          const headers: Record<string, string> = {};
          if (who !== 'none') headers.authorization = `Bearer ${credentials()[who]}`;
          if (op.path === '/events/stream') headers['last-event-id'] = 'not-a-position';
          if (payload) headers['content-type'] = payload.contentType;
          return {
            method: op.method,
            url: search ? `${path}?${search}` : path,
            headers,
            ...(payload ? { payload: payload.payload } : {}),
          };
        });
    });
}

/** Raw strings that already look percent-encoded stay as they are; the rest are encoded. */
function encodeSegment(value: string): string {
  return /%[0-9A-Fa-f]{2}|%$|%z/.test(value) ? value : encodeURIComponent(value);
}

function realValue(param: string): string {
  if (param === 'targetId') return 'changning-2024-digital-t02-g1';
  if (param === 'taskId') return 'changning-2024-digital-t02';
  if (param === 'unit') return '区数据局';
  if (param === 'planId') return 'changning-2024-digital';
  return 'no-such-id';
}
