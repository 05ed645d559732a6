/**
 * JS heap of the page's dedicated workers after a full GC (V8 heap + ArrayBuffers, bytes), through
 * the browser's CDP target list: the loading worker stays alive as the dataset's counter (copies
 * of the pieces and the count index), so the page's own heap is not the whole memory story.
 */
export async function workerHeaps(browser) {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const out = [];
    for (const t of targetInfos.filter((x) => x.type === 'worker')) {
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
      let next = 1;
      const waiting = new Map();
      const onMessage = (e) => {
        if (e.sessionId !== sessionId) return;
        const m = JSON.parse(e.message);
        waiting.get(m.id)?.(m);
      };
      cdp.on('Target.receivedMessageFromTarget', onMessage);
      const call = (method, params = {}) =>
        new Promise((resolve) => {
          const id = next++;
          waiting.set(id, resolve);
          void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
        });
      await call('HeapProfiler.collectGarbage');
      const r = await call('Runtime.getHeapUsage');
      cdp.off('Target.receivedMessageFromTarget', onMessage);
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      if (r.result) out.push({ url: t.url, used: r.result.usedSize, backing: r.result.backingStorageSize ?? 0 });
    }
    return out;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
