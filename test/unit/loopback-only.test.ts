import { describe, expect, it } from 'vitest';
import net from 'node:net';

describe('the test network guard', () => {
  it('refuses a connection to a host off the loopback', () => {
    expect(() => net.connect({ host: '192.0.2.1', port: 443 })).toThrow(/only talk to 127\.0\.0\.1/);
  });

  it('lets a connection to 127.0.0.1 through', async () => {
    const server = net.createServer((socket) => socket.end('hi'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    const text = await new Promise<string>((resolve, reject) => {
      const socket = net.connect({ host: '127.0.0.1', port });
      let data = '';
      socket.on('data', (chunk) => (data += chunk));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    server.close();
    expect(text).toBe('hi');
  });

  it('refuses fetch to a public address', async () => {
    const failure = await fetch('http://192.0.2.1/').catch((error: Error) => error);
    expect(String((failure as Error & { cause?: unknown }).cause)).toMatch(/only talk to 127\.0\.0\.1/);
  });
});
