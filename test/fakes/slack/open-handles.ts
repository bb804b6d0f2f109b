/**
 * What an end-to-end test leaves behind: TCP servers and sockets still open in this
 * process. Call it in `afterEach`, after stopping the app and the fake, and expect `[]`.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The open TCP handles (`TCPServerWrap`, `TCPSocketWrap`), after giving sockets that are
 * already closing up to `graceMs` to finish, since a peer's close arrives a moment later.
 */
export async function openNetworkHandles(graceMs = 1_000): Promise<readonly string[]> {
  const open = () => process.getActiveResourcesInfo().filter((resource) => resource.startsWith('TCP'));
  for (let waited = 0; open().length > 0 && waited < graceMs; waited += 20) await sleep(20);
  return open();
}
