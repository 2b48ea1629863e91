/** A message whose multiparts nest `depth` levels, innermost a text part. */
export function nestedMessage(depth: number): string {
  let body = 'Content-Type: text/plain\r\n\r\ninnermost text\r\n';
  for (let i = depth; i > 0; i--) {
    const b = `b${i}`;
    body = `Content-Type: multipart/mixed; boundary="${b}"\r\n\r\n--${b}\r\n${body}--${b}--\r\n`;
  }
  return 'From: ann@client.test\r\nTo: help@msp.test\r\nSubject: nested\r\nMIME-Version: 1.0\r\n' + body;
}
