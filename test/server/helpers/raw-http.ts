import net from 'node:net';

/** Sends one request as raw bytes (fetch cannot send odd targets or a Host of its own choosing) and returns status, headers and body. */
export async function rawRequest(url: string, head: string): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const { hostname, port } = new URL(url);
  const text = await new Promise<string>((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(head));
    let data = '';
    socket.setEncoding('utf8').on('data', (d: string) => (data += d));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
  const [headText = '', body = ''] = text.split('\r\n\r\n', 2) as [string, string];
  const [statusLine = '', ...lines] = headText.split('\r\n');
  const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}

