// The page's end of the worker: routes its messages by type (see web/session/protocol.js); the
// types nobody claimed go to the run session (onOther).
// main.js creates the worker before any other module loads and buffers what it says meanwhile.
export class WorkerClient {
  /** @param early {worker, messages: MessageEvent[], errors: ErrorEvent[], stop()} from main.js */
  constructor({ worker, messages, errors, stop }) {
    this.handlers = new Map();
    this.other = () => {};
    this.worker = worker;
    this.worker.addEventListener('message', (event) => this.dispatch(event));
    this.worker.addEventListener('error', (event) => this.fail(event));
    stop();
    this.backlog = { messages, errors };
  }

  /** Call once the handlers are set: delivers what arrived before. */
  start() {
    const { messages, errors } = this.backlog;
    this.backlog = null;
    for (const event of messages) this.dispatch(event);
    for (const event of errors) this.fail(event);
  }

  dispatch(event) {
    const handler = this.handlers.get(event.data?.type) ?? this.other;
    handler(event.data);
  }

  fail(event) {
    event.preventDefault?.();  // reported on the page instead of as an uncaught error
    this.handlers.get('worker-error')?.(event.message || 'the lab worker failed to start');
  }

  /** One handler per message type; 'worker-error' receives a failure to load or run the worker. */
  on(type, handler) {
    this.handlers.set(type, handler);
    return this;
  }

  /** The handler of every message type without a handler of its own. */
  onOther(handler) {
    this.other = handler;
    return this;
  }

  post(message, transfer = []) {
    this.worker.postMessage(message, transfer);
  }
}
