import type { FastifyRequest } from 'fastify';

export const requestMeta = (r: FastifyRequest) => ({ ip: r.ip, userAgent: r.headers['user-agent'] ?? null });
