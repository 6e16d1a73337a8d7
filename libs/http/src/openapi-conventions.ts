import type { OpenAPIObject } from '@nestjs/swagger';
import { RULE_MESSAGES } from './problems/messages';

type Operation = {
  parameters?: { name: string; in: string }[];
  responses?: Record<string, unknown>;
  [key: string]: unknown;
};

const PROBLEM = { $ref: '#/components/schemas/Problem' };
const COMMAND_RESPONSE = { $ref: '#/components/schemas/CommandResponse' };

const ERROR_STATUSES: Record<string, string> = {
  '400': 'The request is malformed: `errors` names each bad field, the most basic problem first',
  '401': 'No valid bearer token',
  '403': 'The role or unit may not do this',
  '404': 'No such plan, task, target, report, revision or extension',
  '409': 'Stale If-Match, a concurrent change, or an act the lifecycle does not allow now',
  '422': 'A business rule refuses it (see `code`)',
};

const SCHEMAS = {
  Problem: {
    type: 'object',
    description:
      'RFC 9457 problem (application/problem+json). Texts are Chinese unless Accept-Language prefers English.',
    required: ['type', 'title', 'status', 'detail', 'code'],
    properties: {
      type: { type: 'string', example: 'urn:duty-ledger:problem:reference-required' },
      title: { type: 'string', example: '不符合业务规则' },
      status: { type: 'integer', example: 422 },
      detail: { type: 'string', example: '批准下调指标须填写文号（reference）' },
      code: {
        type: 'string',
        description: 'Stable machine code: branch on this, not on the texts',
        enum: Object.keys(RULE_MESSAGES),
      },
      errors: {
        type: 'array',
        description: '400 only: each bad field',
        items: {
          type: 'object',
          properties: {
            field: { type: 'string', example: 'reason' },
            code: { type: 'string', example: 'isNotEmpty' },
            reason: { type: 'string', example: 'reason 为必填项，不能为空' },
          },
        },
      },
      details: { type: 'object', description: 'The values the refusal is about' },
    },
  },
  CommandResponse: {
    type: 'object',
    description:
      'What every command answers; endpoints that create something also name its id (revisionId, extensionId, reportId, …).',
    required: ['streamId', 'revision', 'position', 'events'],
    properties: {
      streamId: { type: 'string', example: 'task-cn2024-t13' },
      revision: {
        type: 'integer',
        description: 'Stream revision after the command: send it as If-Match',
      },
      position: { type: 'string', description: 'Log position: pass it as ?waitFor= on reads' },
      events: {
        type: 'array',
        items: { type: 'object', properties: { type: { type: 'string' } } },
      },
      outcome: {
        type: 'string',
        enum: ['applied', 'proposed'],
        description: 'Revisions: applied at once, or waiting for a second supervisor',
      },
    },
  },
};

const IF_MATCH = {
  name: 'If-Match',
  in: 'header',
  required: false,
  description: 'The stream revision you acted on ("3"); a stale one gives 409',
  schema: { type: 'string' },
};
const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: 'Makes a retry return the first answer without writing again (1–200 characters)',
  schema: { type: 'string' },
};

/**
 * The conventions every endpoint shares, written once into the OpenAPI document: the problem
 * body of every error status, the answer of every command, and the If-Match and Idempotency-Key
 * headers commands accept.
 */
export function describeConventions(document: OpenAPIObject): OpenAPIObject {
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...SCHEMAS },
  };
  for (const [path, item] of Object.entries(document.paths)) {
    // Commands on a task stream: they answer a CommandResponse and honour If-Match.
    const taskCommand = /^\/(tasks|targets)\//.test(path);
    for (const [method, value] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const operation = value as Operation;
      const responses = (operation.responses ??= {});
      for (const [status, description] of Object.entries(ERROR_STATUSES)) {
        responses[status] ??= {
          description,
          content: { 'application/problem+json': { schema: PROBLEM } },
        };
      }
      if (method === 'get') continue;
      for (const status of taskCommand ? ['200', '201'] : []) {
        const response = responses[status] as { content?: unknown } | undefined;
        if (response && !response.content)
          responses[status] = {
            ...response,
            content: { 'application/json': { schema: COMMAND_RESPONSE } },
          };
      }
      const names = new Set((operation.parameters ?? []).map((p) => p.name));
      operation.parameters = [
        ...(operation.parameters ?? []),
        ...(taskCommand ? [IF_MATCH, IDEMPOTENCY_KEY] : [IDEMPOTENCY_KEY]).filter(
          (h) => !names.has(h.name),
        ),
      ];
    }
  }
  return document;
}
