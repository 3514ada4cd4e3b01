// The live picture of every cell, from GridService.WatchCells as NDJSON: a snapshot, then each cell that changed.
// A dropped stream is reopened (with growing pauses) and its snapshot brings the picture up to date again.

import { readStream } from './api.js';

export class LiveFeed extends EventTarget {
  constructor() {
    super();
    this.pulses = new Map();
    this.controller = null;
    this.lastMessageAt = null;
  }

  start() {
    this.stop();
    const controller = new AbortController();
    this.controller = controller;
    this.run(controller.signal);
  }

  stop() {
    this.controller?.abort();
    this.controller = null;
  }

  async run(signal) {
    let pause = 1000;
    while (!signal.aborted) {
      this.status('connecting', 'connecting…');
      try {
        await readStream('/v1/cells:watch', {}, message => {
          pause = 1000;
          this.receive(message);
        }, signal);
        if (signal.aborted) return;
        this.status('retrying', 'the gateway ended the feed; reconnecting');
      } catch (error) {
        if (signal.aborted) return;
        // Refused (no token, wrong role): trying again would be refused again.
        if (error.httpStatus >= 400 && error.httpStatus < 500) {
          this.status('stopped', `live feed refused: ${error.message}`);
          return;
        }
        this.status('retrying', `live feed lost (${error.message}); reconnecting in ${pause / 1000} s`);
      }
      await new Promise(resolve => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, 15000);
    }
  }

  receive(message) {
    const changed = [];
    for (const pulse of message.cells ?? []) {
      const known = this.pulses.get(pulse.cellId);
      // Versions are int64 strings; a reconnect's snapshot may repeat what is known.
      if (known && BigInt(known.version ?? 0) > BigInt(pulse.version ?? 0)) continue;
      this.pulses.set(pulse.cellId, pulse);
      changed.push(pulse);
    }
    this.lastMessageAt = new Date();
    this.status('live', 'live');
    this.dispatchEvent(new CustomEvent('pulses', { detail: { snapshot: !!message.snapshot, changed } }));
  }

  status(state, text) {
    this.dispatchEvent(new CustomEvent('status', { detail: { state, text } }));
  }
}
