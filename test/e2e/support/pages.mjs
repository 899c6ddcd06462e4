import http from 'node:http';

/** A plain page on 127.0.0.1: enough for the dock to mount before the Kitsu-shaped pages exist. */
export async function startTestPageServer() {
  const server = http.createServer((_request, response) => {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end(
      '<!doctype html><html lang="en"><head><title>Test page</title></head><body><div class="topbar">Kitsu</div><main><h1>Shots</h1></main></body></html>',
    );
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    port,
    close: () =>
      new Promise((resolve) => {
        server.close(resolve);
        // The browser keeps idle connections open; close() would wait for them.
        server.closeAllConnections();
      }),
  };
}
