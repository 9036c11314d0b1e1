// ws-ltv.js: a dependency-free ES module that speaks cellnet's ws.ltv (Go cellnet's gorillaws.ltv)
// with the json codec, from a browser (or any runtime with WebSocket, TextEncoder and TextDecoder).
//
// Wire format: one binary WebSocket message per cellnet message, [msgid u16 little-endian][body],
// no size field; the body is the message as JSON (UTF-8), field names as the server's types spell
// them (Go's exported names: {"Content": "hi"}). A message id is Go's StringHash of the message's
// full name ("proto.ChatREQ" is 16234), so both sides agree without a table.
//
// Usage:
//   import { LtvClient, pageWsUrl } from "./ws-ltv.js";
//   const client = new LtvClient(pageWsUrl(location, 18802, "/chat"),
//       { messages: ["proto.ChatREQ", "proto.ChatACK"] });
//   client.on("proto.ChatACK", (ack) => console.log(ack.Id, ack.Content));
//   client.on("state", (e) => console.log(e.state, e.close));
//   client.connect();
//   const result = client.send("proto.ChatREQ", { Content: "hello" });   // "sent", "queued", ...
//
// Documented in docs/websocket.md ("The JavaScript client"). Tested in a real browser by
// ws-ltv.test.js (cellnet-examples' JsClientBrowserTest runs it in headless Chromium).

/**
 * Go cellnet's util.StringHash: per Unicode code point c (its low 16 bits),
 * h = (h + (h << 5) + c + (c << 7)) & 0xFFFF, from 0. A string's code points, as Go's range does.
 */
export function stringHash(fullName) {
  let h = 0;
  for (const ch of String(fullName)) {
    const c = ch.codePointAt(0) & 0xffff;
    h = (h + (h << 5) + c + (c << 7)) & 0xffff;
  }
  return h;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });

/** The json codec: a message as the UTF-8 bytes of its JSON, and back. */
export const jsonCodec = Object.freeze({
  name: "json",
  encode(message) {
    return encoder.encode(JSON.stringify(message));
  },
  decode(bytes) {
    return JSON.parse(decoder.decode(bytes));
  },
});

/** One ws.ltv message: [id u16 LE][body]. */
export function encodeFrame(id, body) {
  if (!Number.isInteger(id) || id < 0 || id > 0xffff) {
    throw new RangeError("message id out of range: " + id);
  }
  const frame = new Uint8Array(2 + body.length);
  new DataView(frame.buffer).setUint16(0, id, true);
  frame.set(body, 2);
  return frame;
}

/** Splits one ws.ltv message (ArrayBuffer or Uint8Array) into {id, body}; throws when shorter than 2 bytes. */
export function decodeFrame(data) {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length < 2) {
    throw new RangeError("short ws.ltv message: " + bytes.length + " bytes");
  }
  const id = bytes[0] | (bytes[1] << 8);
  return { id, body: bytes.subarray(2) };
}

/**
 * The WebSocket URL of a server on the page's own host: wss: when the page came over https:,
 * ws: otherwise; an IPv6 host in brackets.
 */
export function pageWsUrl(location, port, path) {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  let host = location.hostname;
  if (host.includes(":") && !host.startsWith("[")) {
    host = "[" + host + "]";
  }
  const p = !path ? "/" : path.startsWith("/") ? path : "/" + path;
  return scheme + "//" + host + ":" + port + p;
}

/** What send() did with a message: it never drops one without saying so. */
export const SendResult = Object.freeze({
  /** Handed to the open WebSocket. */
  SENT: "sent",
  /** Held while disconnected; sent in order right after the next connect. */
  QUEUED: "queued",
  /** Refused: disconnected and the queue holds maxQueued messages already. */
  QUEUE_FULL: "queue-full",
  /** Refused: the encoded message is over maxMessageBytes. */
  TOO_LARGE: "too-large",
  /** Refused: the full name is not among the client's messages. */
  UNKNOWN_MESSAGE: "unknown-message",
  /** Refused: close() was called; the client does not reconnect. */
  CLOSED: "closed",
});

/** The client's states, in the order a connection goes through them. */
export const State = Object.freeze({
  IDLE: "idle",
  CONNECTING: "connecting",
  OPEN: "open",
  RECONNECTING: "reconnecting",
  CLOSED: "closed",
});

const DEFAULTS = Object.freeze({
  messages: [],
  reconnect: true,
  initialDelayMs: 500,
  maxDelayMs: 8000,
  backoffFactor: 2,
  jitter: 0.2,
  maxQueued: 64,
  maxMessageBytes: 0,
});

/**
 * A ws.ltv client: typed send and receive by full name, connection events, reconnect with
 * exponential backoff, and a bounded queue for messages sent while disconnected.
 *
 * Options: messages (full names it sends and receives), reconnect (true), initialDelayMs (500),
 * maxDelayMs (8000), backoffFactor (2), jitter (0.2: each delay varies by up to ±20%), maxQueued
 * (64; 0 refuses every send while disconnected), maxMessageBytes (0: no limit; else the largest
 * encoded message, id included, that send() accepts), and for tests WebSocket, setTimeout,
 * clearTimeout and random.
 *
 * Events (on(name, handler)): "state" {state, close, attempt, delayMs}; "open" {url};
 * "close" {code, reason, wasClean, byClient}; "reconnecting" {attempt, delayMs};
 * "flushed" {count}; "error" {kind, detail}; and each message's full name, with the message.
 */
export class LtvClient {
  #url;
  #options;
  #byId = new Map();
  #byName = new Map();
  #handlers = new Map();
  #queue = [];
  #socket = null;
  #timer = null;
  #attempt = 0;
  #state = State.IDLE;
  #lastClose = null;

  constructor(url, options = {}) {
    this.#url = url;
    this.#options = { ...DEFAULTS, ...options };
    for (const name of this.#options.messages) {
      this.#register(name);
    }
  }

  #register(fullName) {
    const id = stringHash(fullName);
    const other = this.#byId.get(id);
    if (other !== undefined && other !== fullName) {
      throw new Error("message id " + id + " of " + fullName + " is taken by " + other);
    }
    this.#byId.set(id, fullName);
    this.#byName.set(fullName, id);
  }

  /** The URL it connects to. */
  get url() {
    return this.#url;
  }

  /** One of State. */
  get state() {
    return this.#state;
  }

  /** The last close ({code, reason, wasClean, byClient}), or null before the first. */
  get lastClose() {
    return this.#lastClose;
  }

  /** Messages waiting for the next connect. */
  get queued() {
    return this.#queue.length;
  }

  /** The id a full name travels under. */
  idOf(fullName) {
    return stringHash(fullName);
  }

  /** The encoded size of a message in bytes, id included: what the server's size limit counts. */
  encodedSize(fullName, message) {
    return 2 + jsonCodec.encode(message).length;
  }

  /** Adds handler for an event or a message full name; returns a function that removes it. */
  on(name, handler) {
    if (!this.#handlers.has(name)) {
      this.#handlers.set(name, new Set());
    }
    this.#handlers.get(name).add(handler);
    return () => this.#handlers.get(name).delete(handler);
  }

  #emit(name, value) {
    for (const handler of [...(this.#handlers.get(name) ?? [])]) {
      try {
        handler(value);
      } catch (e) {
        if (name !== "error") {
          this.#emit("error", { kind: "handler", detail: e });
        }
      }
    }
  }

  #setState(state, extra = {}) {
    this.#state = state;
    this.#emit("state", { state, close: this.#lastClose, attempt: this.#attempt, ...extra });
  }

  /** Opens the connection (again, after close()). */
  connect() {
    if (this.#state === State.CONNECTING || this.#state === State.OPEN) {
      return;
    }
    this.#clearTimer();
    this.#open();
  }

  #open() {
    const WebSocketImpl = this.#options.WebSocket ?? globalThis.WebSocket;
    this.#setState(State.CONNECTING);
    let socket;
    try {
      socket = new WebSocketImpl(this.#url);
    } catch (e) {
      this.#emit("error", { kind: "connect", detail: e });
      this.#closed({ code: 1006, reason: String(e), wasClean: false }, null);
      return;
    }
    socket.binaryType = "arraybuffer";
    this.#socket = socket;
    socket.onopen = () => this.#opened(socket);
    socket.onmessage = (event) => this.#received(event.data);
    socket.onclose = (event) => this.#closed(event, socket);
  }

  #opened(socket) {
    if (socket !== this.#socket) {
      return;
    }
    this.#attempt = 0;
    this.#setState(State.OPEN);
    this.#emit("open", { url: this.#url });
    const held = this.#queue;
    this.#queue = [];
    for (const frame of held) {
      socket.send(frame);
    }
    if (held.length > 0) {
      this.#emit("flushed", { count: held.length });
    }
  }

  #received(data) {
    if (typeof data === "string") {
      this.#emit("error", { kind: "text", detail: "text message ignored: ws.ltv is binary" });
      return;
    }
    let frame;
    try {
      frame = decodeFrame(data);
    } catch (e) {
      this.#emit("error", { kind: "frame", detail: e });
      return;
    }
    const name = this.#byId.get(frame.id);
    if (name === undefined) {
      this.#emit("error", { kind: "unknown-id", detail: frame.id });
      return;
    }
    let message;
    try {
      message = jsonCodec.decode(frame.body);
    } catch (e) {
      this.#emit("error", { kind: "codec", detail: e });
      return;
    }
    this.#emit(name, message);
  }

  #closed(event, socket) {
    if (socket !== null && socket !== this.#socket) {
      return;
    }
    this.#socket = null;
    const byClient = this.#state === State.CLOSED;
    this.#lastClose = { code: event.code, reason: event.reason ?? "", wasClean: Boolean(event.wasClean), byClient };
    this.#emit("close", this.#lastClose);
    if (byClient) {
      return;
    }
    if (!this.#options.reconnect) {
      this.#setState(State.CLOSED);
      return;
    }
    this.#attempt += 1;
    const delayMs = this.#delay(this.#attempt);
    this.#setState(State.RECONNECTING, { delayMs });
    this.#emit("reconnecting", { attempt: this.#attempt, delayMs });
    this.#timer = (this.#options.setTimeout ?? globalThis.setTimeout)(() => {
      this.#timer = null;
      this.#open();
    }, delayMs);
  }

  /** The wait before reconnect attempt n (1, 2, ...): exponential, capped, with jitter. */
  #delay(n) {
    const o = this.#options;
    const base = Math.min(o.maxDelayMs, o.initialDelayMs * Math.pow(o.backoffFactor, n - 1));
    const random = o.random ?? Math.random;
    return Math.round(base * (1 + o.jitter * (2 * random() - 1)));
  }

  #clearTimer() {
    if (this.#timer !== null) {
      (this.#options.clearTimeout ?? globalThis.clearTimeout)(this.#timer);
      this.#timer = null;
    }
  }

  /**
   * Sends a message by full name; returns a SendResult. While disconnected (connecting or
   * reconnecting) the message is queued, up to maxQueued; beyond that, and after close(), it is
   * refused, never silently dropped.
   */
  send(fullName, message) {
    const id = this.#byName.get(fullName);
    if (id === undefined) {
      return SendResult.UNKNOWN_MESSAGE;
    }
    if (this.#state === State.CLOSED) {
      return SendResult.CLOSED;
    }
    const frame = encodeFrame(id, jsonCodec.encode(message));
    if (this.#options.maxMessageBytes > 0 && frame.length > this.#options.maxMessageBytes) {
      return SendResult.TOO_LARGE;
    }
    if (this.#state === State.OPEN) {
      this.#socket.send(frame);
      return SendResult.SENT;
    }
    if (this.#queue.length >= this.#options.maxQueued) {
      return SendResult.QUEUE_FULL;
    }
    this.#queue.push(frame);
    return SendResult.QUEUED;
  }

  /**
   * Closes the connection with code and reason (1000, "" by default) and stops reconnecting;
   * queued messages are dropped and their count returned.
   */
  close(code = 1000, reason = "") {
    this.#clearTimer();
    const dropped = this.#queue.length;
    this.#queue = [];
    const socket = this.#socket;
    this.#setState(State.CLOSED);
    if (socket !== null) {
      socket.close(code, reason);
    }
    return dropped;
  }
}
