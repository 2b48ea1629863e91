import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type FieldErrors } from '../errors';

type ErrorBody = { error: { code: string; message: string; fields?: FieldErrors } };

function send(reply: FastifyReply, status: number, body: ErrorBody, headers?: Record<string, string>) {
  if (headers) reply.headers(headers);
  return reply.status(status).type('application/json').send(body);
}

type ZodIssueLike = { keyword?: string; instancePath?: string; message?: string; params?: { keys?: string[] } };

/** Turns schema validation issues into `{ "name": "message" }`, naming nested fields with dots. */
function fieldsFromValidation(validation: ZodIssueLike[], context: string | undefined): FieldErrors {
  const fields: FieldErrors = {};
  for (const v of validation) {
    const base = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    const keys = v.keyword === 'unrecognized_keys' ? (v.params?.keys ?? []) : [];
    if (keys.length) {
      for (const k of keys) fields[base ? `${base}.${k}` : k] = 'is not a known field';
      continue;
    }
    const name = base || context || 'body';
    fields[name] ??= v.message ?? 'is invalid';
  }
  return fields;
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } };
    return send(reply, error.status, body, error.headers);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = fieldsFromValidation(error.validation as ZodIssueLike[], error.validationContext);
    const names = Object.keys(fields);
    return send(reply, 400, {
      error: { code: 'validation_failed', message: `Invalid ${names.join(', ')}: ${Object.values(fields)[0] ?? 'invalid'}`, fields },
    });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return send(reply, 400, { error: { code: 'invalid_json', message: 'The request body is not valid JSON' } });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return send(reply, 413, { error: { code: 'payload_too_large', message: 'The request body is too large' } });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return send(reply, 415, { error: { code: 'unsupported_media_type', message: 'Send the body as application/json' } });
    default:
      break;
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500 && !isResponseSerializationError(error)) {
    if (error.statusCode === 429) return send(reply, 429, { error: { code: 'rate_limited', message: error.message } });
    return send(reply, error.statusCode, { error: { code: 'bad_request', message: error.message } });
  }
  request.log.error({ err: error, url: request.url, method: request.method, actor: request.actor?.userId }, 'unhandled error');
  return send(reply, 500, { error: { code: 'internal', message: 'Something went wrong on our side; it has been logged' } });
}
