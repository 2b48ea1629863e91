import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';

export type SendOutcome = { ok: true; response: string } | { ok: false; responseCode: number | null; response: string; message: string };

/** Sends one message with a real nodemailer SMTP client; a refusal is returned, not thrown. */
export async function sendTo(port: number, mail: Mail.Options): Promise<SendOutcome> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, connectionTimeout: 10_000, socketTimeout: 60_000 });
  try {
    const info = await transport.sendMail(mail);
    return { ok: true, response: String(info.response) };
  } catch (error) {
    const e = error as { responseCode?: number; response?: string; message?: string };
    return { ok: false, responseCode: e.responseCode ?? null, response: e.response ?? '', message: e.message ?? String(error) };
  } finally {
    transport.close();
  }
}

/** Sends a raw RFC 5322 message as is. */
export function sendRaw(port: number, from: string, to: string | string[], raw: string | Buffer): Promise<SendOutcome> {
  return sendTo(port, { envelope: { from, to }, raw });
}
