// How the training loop (training-loop.js) and the deferred queue (deferred-work.js) get their
// turns of the worker's event loop: a turn queued through a MessageChannel, which yields to the event
// loop (so the page's messages are read first) without setTimeout's 4 ms clamp, or a sleep until the
// next tick. At most one turn is queued at a time. Separate from its users, which decide when they
// have work; this says how they are woken.
export class EventLoopTurns {
  /** onTurn(): the loop's turn, run once per queue(). */
  constructor(onTurn) {
    this.queued = false;
    this.timer = 0;
    this.channel = new MessageChannel();
    this.channel.port1.onmessage = () => {
      this.queued = false;
      onTurn();
    };
  }

  /** Queues a turn (the caller checks `queued` first). */
  queue() {
    this.queued = true;
    this.channel.port2.postMessage(null);
  }

  /** Calls wake() after `ms` milliseconds, unless cancelSleep() comes first. */
  sleep(ms, wake) {
    this.timer = setTimeout(() => {
      this.timer = 0;
      wake();
    }, ms);
  }

  cancelSleep() {
    clearTimeout(this.timer);
    this.timer = 0;
  }

  /** For good: no turn runs afterwards. */
  close() {
    this.cancelSleep();
    this.channel.port1.onmessage = null;
    this.channel.port1.close();
    this.channel.port2.close();
  }
}
