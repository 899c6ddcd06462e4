/**
 * Runs in a Kitsu page (pass it to `page.evaluate`): the text of everything a page script can read of
 * its origin, the storages, cookies, every IndexedDB store, the DOM and every open shadow root. The
 * token and what the dock shows must be in none of it. Self-contained: browsers' drivers send its source.
 */
export async function everythingThePageCanRead() {
  const seen = [JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage }), document.cookie];
  for (const { name } of await indexedDB.databases()) {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    for (const store of db.objectStoreNames) {
      const all = await new Promise((resolve) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => resolve([]);
      });
      seen.push(JSON.stringify(all));
    }
    db.close();
  }
  const walk = (root) => {
    seen.push(root.innerHTML ?? '');
    for (const element of root.querySelectorAll('*')) if (element.shadowRoot) walk(element.shadowRoot);
  };
  walk(document.documentElement);
  return seen;
}
